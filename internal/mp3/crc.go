package mp3

import (
	"encoding/binary"
	"sync"
)

// crc16Tables are the slicing-by-16 tables of the reflected CRC-16
// (polynomial 0x8005, reflected 0xa001): table k advances a byte k places
// further, so sixteen bytes are folded per step.
var crc16Tables = func() (t [16][256]uint16) {
	for i := range 256 {
		c := uint16(i)
		for range 8 {
			if c&1 != 0 {
				c = c>>1 ^ 0xa001
			} else {
				c >>= 1
			}
		}
		t[0][i] = c
	}
	for i := range 256 {
		c := t[0][i]
		for k := 1; k < 16; k++ {
			c = c>>8 ^ t[0][byte(c)]
			t[k][i] = c
		}
	}
	return t
}()

// CRC16 continues the CRC-16 (polynomial 0x8005, reflected) that the LAME
// tag uses for its music and tag checksums.
func CRC16(crc uint16, b []byte) uint16 {
	if len(b) >= foldMinBytes && haveFold() {
		n := len(b) &^ 15
		crc = crc16Fold(crc, b[:n])
		b = b[n:]
	}
	return crc16Slicing(crc, b)
}

// foldMinBytes is where folding with carry-less multiplication starts to
// beat the tables.
const foldMinBytes = 64

// crc16Slicing is CRC16 by tables, sixteen bytes a step.
func crc16Slicing(crc uint16, b []byte) uint16 {
	t := &crc16Tables
	for len(b) >= 16 {
		v := binary.LittleEndian.Uint64(b) ^ uint64(crc)
		w := binary.LittleEndian.Uint64(b[8:])
		crc = t[15][byte(v)] ^ t[14][byte(v>>8)] ^ t[13][byte(v>>16)] ^ t[12][byte(v>>24)] ^
			t[11][byte(v>>32)] ^ t[10][byte(v>>40)] ^ t[9][byte(v>>48)] ^ t[8][byte(v>>56)] ^
			t[7][byte(w)] ^ t[6][byte(w>>8)] ^ t[5][byte(w>>16)] ^ t[4][byte(w>>24)] ^
			t[3][byte(w>>32)] ^ t[2][byte(w>>40)] ^ t[1][byte(w>>48)] ^ t[0][byte(w>>56)]
		b = b[16:]
	}
	if len(b) >= 8 {
		v := binary.LittleEndian.Uint64(b) ^ uint64(crc)
		crc = t[7][byte(v)] ^ t[6][byte(v>>8)] ^ t[5][byte(v>>16)] ^ t[4][byte(v>>24)] ^
			t[3][byte(v>>32)] ^ t[2][byte(v>>40)] ^ t[1][byte(v>>48)] ^ t[0][byte(v>>56)]
		b = b[8:]
	}
	for _, c := range b {
		crc = crc>>8 ^ t[0][byte(crc)^c]
	}
	return crc
}

// CRC16Combine returns the CRC-16 of A followed by B, given crcA (the CRC
// of A, continued from any start), crcB (the CRC of B from zero) and B's
// length. The CRC has no final inversion, so it is linear: running crcA
// through len(B) zero bytes and adding crcB gives the CRC of both. This lets
// pieces of one stream be checksummed apart, in any order, on any CPU.
func CRC16Combine(crcA, crcB uint16, lenB int64) uint16 {
	ops := crc16ZeroOps()
	for k := 0; lenB != 0; k++ {
		if lenB&1 != 0 {
			crcA = ops[k].apply(crcA)
		}
		lenB >>= 1
	}
	return crcA ^ crcB
}

// gf2Matrix is a 16×16 matrix over GF(2): column i is the image of bit i.
type gf2Matrix [16]uint16

func (m *gf2Matrix) apply(v uint16) uint16 {
	var out uint16
	for i := 0; v != 0; i, v = i+1, v>>1 {
		if v&1 != 0 {
			out ^= m[i]
		}
	}
	return out
}

func (m *gf2Matrix) square() gf2Matrix {
	var out gf2Matrix
	for i := range m {
		out[i] = m.apply(m[i])
	}
	return out
}

// crc16ZeroOps returns, for each k, the operator that runs the CRC register
// through 2^k zero bytes (2^63 bytes at the most).
var crc16ZeroOps = sync.OnceValue(func() *[63]gf2Matrix {
	// One zero bit: shift right, folding in the reflected polynomial when
	// bit 0 falls out.
	var bit gf2Matrix
	bit[0] = 0xa001
	for i := 1; i < 16; i++ {
		bit[i] = 1 << (i - 1)
	}
	var ops [63]gf2Matrix
	ops[0] = bit.square()    // 2 bits
	ops[0] = ops[0].square() // 4 bits
	ops[0] = ops[0].square() // 8 bits: one byte
	for k := 1; k < len(ops); k++ {
		ops[k] = ops[k-1].square()
	}
	return &ops
})

// Folding (Gopal et al., "Fast CRC Computation for Generic Polynomials Using
// PCLMULQDQ Instruction", Intel, 2009). The CRC of a message M is
// M(x)·x^16 mod P(x), so any 16-byte block X may be replaced by a value of
// the same remainder: X·x^128 ≡ H·x^192 + L·x^128 (mod P), where H and L
// are X's two halves. Each half times a 16-bit constant (x^191 mod P and
// x^127 mod P: one less than the shift, because a carry-less product of
// bit-reflected 64-bit values comes out one place up) is a product of at
// most 80 bits, which the next block is added to. Four blocks are folded at
// once, 64 bytes apart; the last remainder, 16 bytes, is finished by the
// tables, so no Barrett reduction is needed.

// foldConstants are, for a fold across 4 blocks and then across 1 block,
// the bit-reflected 64-bit constants for the low half (H: x^(128·n+63) mod
// P) and the high half (L: x^(128·n−1) mod P) of a block.
type foldConstants struct {
	by4H, by4L uint64
	by1H, by1L uint64
}

// crc16FoldConstants are worked out on first use, not at start-up.
var crc16FoldConstants = sync.OnceValue(func() *foldConstants {
	return &foldConstants{
		by4H: reflect64(xPowMod(4*128 + 63)), by4L: reflect64(xPowMod(4*128 - 1)),
		by1H: reflect64(xPowMod(128 + 63)), by1L: reflect64(xPowMod(128 - 1)),
	}
})

// xPowMod is x^k mod P for P = x^16 + x^15 + x^2 + 1, bit d holding x^d.
func xPowMod(k int) uint16 {
	r := uint32(1)
	for range k {
		r <<= 1
		if r&0x10000 != 0 {
			r ^= 0x18005
		}
	}
	return uint16(r)
}

// reflect64 places a remainder's x^d at bit 63−d: the order in which the
// reflected CRC reads bits from a little-endian 64-bit load.
func reflect64(r uint16) uint64 {
	var v uint64
	for d := range 16 {
		if r>>d&1 != 0 {
			v |= 1 << (63 - d)
		}
	}
	return v
}

// crc16Fold continues crc over b, whose length is a multiple of 16 and at
// least 64, by folding.
func crc16Fold(crc uint16, b []byte) uint16 {
	// The register's start value is added into the first two bytes,
	// which is what the table algorithm does with it.
	lo, hi := foldBlocks(uint64(crc), b, crc16FoldConstants())
	var z [16]byte
	binary.LittleEndian.PutUint64(z[:8], lo)
	binary.LittleEndian.PutUint64(z[8:], hi)
	return crc16Slicing(0, z[:])
}
