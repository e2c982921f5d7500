package mp3

import "encoding/binary"

// validSideInfo checks the Layer III side information (ISO/IEC 11172-3
// 2.4.1.7; ISO/IEC 13818-3 2.4.1.7 for the lower sample rates) for values
// no conforming encoder writes: big_values above 288 (576 spectral lines),
// window switching with block_type 0, and granules whose part2_3_length
// reaches past the main data the frame and reservoir can hold. Decoders
// skip such frames, so aloud does not count or copy them either.
//
// Every granule and channel has a fixed-size record at a fixed place, so
// the fields are read straight from their bit positions: this runs for
// every frame of every segment of a join.
func validSideInfo(frame []byte, h Header) bool {
	if h.Layer != 3 {
		return true
	}
	off := h.sideInfoStart()
	side := h.SideInfoSize()
	if len(frame) < off+side {
		return false
	}
	b := frame[off:]
	if len(b) < side+8 {
		// Too short to load 8 bytes past any field: read from a padded copy.
		var pad [40]byte
		copy(pad[:], frame[off:off+side])
		b = pad[:]
	}
	ch := h.Mode.Channels()
	first, record, granules := granuleRecords(h.Version, ch)
	// A record is part2_3_length(12) big_values(9) global_gain(8)
	// scalefac_compress(4, or 9 for the lower rates), then the
	// window_switching_flag and, when set, the block_type.
	switching := 38
	mainDataBegin := int(b[0])
	if h.Version == MPEG1 {
		switching = 33
		mainDataBegin = int(b[0])<<1 | int(b[1]>>7)
	}
	bits := 0
	for gc := range granules * ch {
		pos := first + gc*record
		v := bitsAt(b, pos, 21) // part2_3_length, big_values
		if v&0x1ff > 288 {
			return false
		}
		if w := bitsAt(b, pos+switching, 3); w&4 != 0 && w&3 == 0 {
			return false // window switching with block_type 0 is reserved
		}
		bits += v >> 9
	}
	payload := len(frame) - off - side
	return bits <= 8*(payload+mainDataBegin)
}

// sideInfoStart is where a frame's side information begins: after the
// 4-byte header, and the 16-bit CRC when the frame has one.
func (h Header) sideInfoStart() int {
	if h.CRC {
		return 6
	}
	return 4
}

// granuleRecords is the layout of the Layer III side information's
// records, one per granule and channel (ISO/IEC 11172-3 2.4.1.7; ISO/IEC
// 13818-3 for the lower rates), for a version and channel count: the bit
// where the first starts, after main_data_begin, the private bits and
// (MPEG-1) scfsi; the length of each in bits; and the granules in a frame.
// It takes the two plain values so that it folds into validSideInfo, which
// runs for every frame (passing the Header cost 3 ns a frame).
func granuleRecords(v Version, ch int) (first, bits, granules int) {
	if v == MPEG1 {
		if ch == 2 {
			return 9 + 3 + 8, 59, 2
		}
		return 9 + 5 + 4, 59, 2
	}
	return 8 + ch, 63, 1
}

// bitsAt reads n ≤ 32 big-endian bits at bit position pos; b must hold 8
// bytes from pos/8 on.
func bitsAt(b []byte, pos, n int) int {
	w := binary.BigEndian.Uint64(b[pos>>3:])
	return int(w << uint(pos&7) >> uint(64-n))
}
