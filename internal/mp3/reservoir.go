package mp3

// Reservoir follows the Layer III bit reservoir of a stream frame by frame
// and makes the stream decodable on its own when it is joined after other
// audio. A frame may take part of its main data from the frames before it
// (ISO/IEC 11172-3 2.4.1.7: main_data_begin); at the start of a segment those
// bytes would come from whatever precedes it in the joined file, and after a
// gap (junk, a dropped frame) decoders have lost them too. Such a frame gets
// all-zero side information, so it decodes to silence and reads nothing,
// while its payload stays in place as the reservoir of the frames after it.
// Encoders start with main_data_begin 0, so for fresh segments nothing
// changes. This is the "reservoir-free first frame" way: it keeps every
// frame where it is (exact timing, no re-encoding) and costs at most the
// few frames of a cut stream that could not be decoded anyway.
type Reservoir struct {
	avail int
}

// Fix returns the frame to write in place of f: f.Data itself, or a silenced
// copy when f reaches back past the bytes the stream has provided.
func (r *Reservoir) Fix(f Frame) (data []byte, silenced bool) {
	h := f.Header
	off := h.sideInfoStart()
	side := h.SideInfoSize()
	if f.AfterGap {
		r.avail = 0
	}
	data = f.Data
	if MainDataBegin(f.Data, h) > r.avail {
		data = append([]byte(nil), f.Data...)
		clear(data[off : off+side])
		if h.CRC {
			setCRC(data, h)
		}
		silenced = true
	}
	r.avail = min(r.avail+len(f.Data)-off-side, maxReservoir(h))
	return data, silenced
}

// DetachReservoir applies Reservoir to a parsed stream's frames and returns
// how many it silenced.
func (s *Stream) DetachReservoir() int {
	var r Reservoir
	n := 0
	for i, f := range s.Frames {
		if data, silenced := r.Fix(f); silenced {
			s.Frames[i].Data = data
			n++
		}
	}
	return n
}

// maxReservoir is the farthest main_data_begin can point back: 511 bytes
// (9 bits) for MPEG-1, 255 (8 bits) for MPEG-2 and 2.5.
func maxReservoir(h Header) int {
	if h.Version == MPEG1 {
		return 511
	}
	return 255
}

// setCRC recomputes the frame's CRC after its side information changed.
func setCRC(frame []byte, h Header) {
	crc := crc16MPEG(0xffff, frame[2:4])
	crc = crc16MPEG(crc, frame[6:6+h.SideInfoSize()])
	frame[4], frame[5] = byte(crc>>8), byte(crc)
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
