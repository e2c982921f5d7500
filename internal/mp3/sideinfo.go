package mp3

import "encoding/binary"

// bitReader reads big-endian bit fields of up to 32 bits from side
// information (at most 32 bytes), padded so every read can load 8 bytes.
type bitReader struct {
	b   [40]byte
	pos int // in bits
}

func newBitReader(side []byte) *bitReader {
	r := &bitReader{}
	copy(r.b[:], side)
	return r
}

func (r *bitReader) read(n int) int {
	w := binary.BigEndian.Uint64(r.b[r.pos>>3:])
	v := int(w << uint(r.pos&7) >> uint(64-n))
	r.pos += n
	return v
}

// validSideInfo checks the Layer III side information (ISO/IEC 11172-3
// 2.4.1.7; ISO/IEC 13818-3 2.4.1.7 for the lower sample rates) for values
// no conforming encoder writes: big_values above 288 (576 spectral lines),
// window switching with block_type 0, and granules whose part2_3_length
// reaches past the main data the frame and reservoir can hold. Decoders
// skip such frames, so aloud does not count or copy them either.
func validSideInfo(frame []byte, h Header) bool {
	if h.Layer != 3 {
		return true
	}
	off := 4
	if h.CRC {
		off += 2
	}
	side := h.SideInfoSize()
	if len(frame) < off+side {
		return false
	}
	r := newBitReader(frame[off : off+side])
	ch := h.Mode.Channels()
	granules := 1
	var mainDataBegin int
	if h.Version == MPEG1 {
		granules = 2
		mainDataBegin = r.read(9)
		if ch == 1 {
			r.read(5)
		} else {
			r.read(3)
		}
		r.read(4 * ch) // scfsi
	} else {
		mainDataBegin = r.read(8)
		r.read(ch) // private bits
	}
	bits := 0
	for range granules {
		for range ch {
			part23 := r.read(12)
			bigValues := r.read(9)
			r.read(8) // global_gain
			if h.Version == MPEG1 {
				r.read(4)
			} else {
				r.read(9)
			}
			if bigValues > 288 {
				return false
			}
			if r.read(1) == 1 { // window_switching_flag
				if r.read(2) == 0 { // block_type 0 is reserved here
					return false
				}
				r.read(1 + 2*5 + 3*3)
			} else {
				r.read(3*5 + 4 + 3)
			}
			if h.Version == MPEG1 {
				r.read(1)
			}
			r.read(2)
			bits += part23
		}
	}
	payload := len(frame) - off - side
	return bits <= 8*(payload+mainDataBegin)
}
