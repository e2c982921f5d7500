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
// tag uses for its music and tag checksums, by tables, sixteen bytes a
// step (about 2.6 GB/s: the music CRC of a three-hour episode costs tens
// of milliseconds, spread over the segment readers).
func CRC16(crc uint16, b []byte) uint16 {
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
