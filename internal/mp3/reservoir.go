package mp3

// DetachReservoir makes the stream decodable on its own when it is joined
// after other audio: a Layer III frame may take part of its main data from
// the frames before it (ISO/IEC 11172-3 2.4.1.7: main_data_begin), and at
// the start of a segment those bytes would come from whatever precedes it in
// the joined file. Every frame that reaches further back than the segment's
// own bytes gets all-zero side information, so it decodes to silence and
// reads nothing, while its payload stays in place as the reservoir of the
// frames after it. The same holds after a gap in the stream (junk or a
// dropped frame), where decoders lose the reservoir too. Encoders start with main_data_begin 0, so for fresh
// segments this changes nothing; it returns how many frames it silenced.
func (s *Stream) DetachReservoir() int {
	avail := 0
	silenced := 0
	for i, f := range s.Frames {
		h := f.Header
		side := h.SideInfoSize()
		off := 4
		if h.CRC {
			off += 2
		}
		if f.AfterGap {
			avail = 0
		}
		if MainDataBegin(f.Data, h) > avail {
			fr := append([]byte(nil), f.Data...)
			clear(fr[off : off+side])
			if h.CRC {
				crc := crc16MPEG(0xffff, fr[2:4])
				crc = crc16MPEG(crc, fr[6:6+side])
				fr[4], fr[5] = byte(crc>>8), byte(crc)
			}
			s.Frames[i].Data = fr
			silenced++
		}
		avail = min(avail+len(f.Data)-off-side, maxReservoir(h))
	}
	return silenced
}

// maxReservoir is the farthest main_data_begin can point back: 511 bytes
// (9 bits) for MPEG-1, 255 (8 bits) for MPEG-2 and 2.5.
func maxReservoir(h Header) int {
	if h.Version == MPEG1 {
		return 511
	}
	return 255
}

// crc16MPEG is the frame CRC of ISO/IEC 11172-3 2.4.3.1: polynomial 0x8005,
// most significant bit first, initial value 0xffff.
func crc16MPEG(crc uint16, b []byte) uint16 {
	for _, c := range b {
		crc ^= uint16(c) << 8
		for range 8 {
			if crc&0x8000 != 0 {
				crc = crc<<1 ^ 0x8005
			} else {
				crc <<= 1
			}
		}
	}
	return crc
}
