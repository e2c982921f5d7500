package mp3

import (
	"encoding/binary"
	"fmt"
	"slices"
)

// Summary describes a finished stream of audio frames, for its header frame.
type Summary struct {
	Format      Format
	BitrateKbps int // for CBR; 0 for VBR (a "Xing" header is written)
	HeaderKbps  int // bitrate of the header frame itself; BitrateKbps when zero
	Frames      int // audio frames, the header frame not counted
	AudioBytes  int // bytes of the audio frames
	// TOC holds, for each percent i of the frames, the byte offset from
	// the first audio frame of frame i·Frames/100: the seek table.
	TOC      [100]int64
	Delay    int // encoder delay in samples at the start
	Padding  int // padding in samples at the end
	Encoder  string
	MusicCRC uint16 // CRC-16 of the audio frames
}

const lameTagSize = 36

// HeaderFrame builds the Xing (VBR) or Info (CBR) header frame that starts a
// joined stream: frame and byte counts, a 100-entry seek table and a LAME tag
// with encoder delay and padding, so players show the exact duration, can
// seek, and trim the encoder's delay and padding for gapless playback.
func HeaderFrame(s Summary) ([]byte, error) {
	if s.Format.Layer != 3 {
		return nil, fmt.Errorf("header frame: %s: %w", s.Format, ErrNotLayer3)
	}
	h := Header{Version: s.Format.Version, Layer: 3, CRC: false, RateHz: s.Format.RateHz, Mode: s.Format.Mode}
	need := 4 + h.SideInfoSize() + 120 + lameTagSize
	prefer := s.HeaderKbps
	if prefer == 0 {
		prefer = s.BitrateKbps
	}
	bi, ok := bitrateIndexFitting(h, prefer, need)
	if !ok {
		return nil, fmt.Errorf("header frame: no bitrate of %s holds %d bytes", s.Format, need)
	}
	h.BitrateKbps = bitratesKbps[versionRow(h.Version)][2][bi]
	frame := make([]byte, h.Size())
	putHeader(frame, h, bi)

	total := h.Size() + s.AudioBytes
	p := 4 + h.SideInfoSize()
	kind := "Xing"
	if s.BitrateKbps > 0 {
		kind = "Info"
	}
	copy(frame[p:], kind)
	binary.BigEndian.PutUint32(frame[p+4:], 0x0f) // frames, bytes, TOC, quality
	binary.BigEndian.PutUint32(frame[p+8:], uint32(s.Frames))
	binary.BigEndian.PutUint32(frame[p+12:], uint32(total))
	toc := frame[p+16 : p+116]
	for i := range toc {
		toc[i] = tocEntry(s, h.Size(), total, i)
	}
	binary.BigEndian.PutUint32(frame[p+116:], 100) // quality: unknown, LAME's default
	lame := frame[p+120 : p+120+lameTagSize]
	enc := s.Encoder
	if enc == "" {
		enc = "aloud"
	}
	copy(lame[0:9], fmt.Sprintf("%-9.9s", enc))
	if s.BitrateKbps > 0 {
		lame[9] = 0x01 // tag revision 0, VBR method 1: constant bitrate
		lame[20] = byte(min(s.BitrateKbps, 255))
	} else {
		lame[9] = 0x04 // VBR method 4: variable bitrate
	}
	delay, pad := min(max(s.Delay, 0), 0xfff), min(max(s.Padding, 0), 0xfff)
	lame[21] = byte(delay >> 4)
	lame[22] = byte(delay<<4 | pad>>8)
	lame[23] = byte(pad)
	binary.BigEndian.PutUint32(lame[28:], uint32(total))
	binary.BigEndian.PutUint16(lame[32:], s.MusicCRC)
	// The tag's own CRC covers the frame's first 190 bytes.
	binary.BigEndian.PutUint16(lame[34:], CRC16(0, frame[:p+120+34]))
	return frame, nil
}

func tocEntry(s Summary, headerSize, total, i int) byte {
	if s.Frames == 0 {
		return byte(i * 256 / 100)
	}
	v := (int64(headerSize) + s.TOC[i]) * 256 / int64(total)
	return byte(min(v, 255))
}

// TOCBuilder collects the seek table while frames go by.
type TOCBuilder struct {
	sizes []uint16
}

// Add records the next frame's length.
func (t *TOCBuilder) Add(size int) { t.sizes = append(t.sizes, uint16(size)) }

// Grow makes room for n more frames, when their number can be guessed.
func (t *TOCBuilder) Grow(n int) { t.sizes = slices.Grow(t.sizes, n) }

// Frames is the number of frames recorded.
func (t *TOCBuilder) Frames() int { return len(t.sizes) }

// TOC returns the seek table of the recorded frames.
func (t *TOCBuilder) TOC() [100]int64 {
	var toc [100]int64
	off := int64(0)
	next := 0
	for i, sz := range t.sizes {
		for next < 100 && next*len(t.sizes)/100 == i {
			toc[next] = off
			next++
		}
		off += int64(sz)
	}
	return toc
}

func versionRow(v Version) int {
	if v == MPEG1 {
		return 0
	}
	return 1
}

// bitrateIndexFitting prefers the stream's own bitrate (so a CBR stream stays
// CBR) and otherwise takes the lowest bitrate whose frame holds need bytes.
func bitrateIndexFitting(h Header, preferKbps, need int) (int, bool) {
	row := bitratesKbps[versionRow(h.Version)][2]
	for bi := 1; bi < 15; bi++ {
		if row[bi] == preferKbps {
			h.BitrateKbps = row[bi]
			if h.Size() >= need {
				return bi, true
			}
		}
	}
	for bi := 1; bi < 15; bi++ {
		h.BitrateKbps = row[bi]
		if h.Size() >= need {
			return bi, true
		}
	}
	return 0, false
}

func putHeader(b []byte, h Header, bitrateIndex int) {
	ri := 0
	for i, r := range ratesHz[h.Version] {
		if r == h.RateHz {
			ri = i
		}
	}
	v := uint32(0x7ff)<<21 | uint32(h.Version)<<19 | uint32(4-h.Layer)<<17
	if !h.CRC {
		v |= 1 << 16
	}
	v |= uint32(bitrateIndex)<<12 | uint32(ri)<<10
	if h.Padding {
		v |= 1 << 9
	}
	v |= uint32(h.Mode) << 6
	binary.BigEndian.PutUint32(b, v)
}

// Silence returns n silent Layer III frames of the format at the bitrate.
// A frame whose side information is all zero has part2_3_length 0 and no main
// data, so every decoder outputs zeros for it; main_data_begin 0 keeps it free
// of the bit reservoir. Padding alternates as an encoder's would, so a CBR
// stream keeps its exact bitrate.
func Silence(f Format, bitrateKbps, n int) ([]byte, error) {
	h := Header{Version: f.Version, Layer: 3, RateHz: f.RateHz, Mode: f.Mode}
	bi := -1
	for i, r := range bitratesKbps[versionRow(f.Version)][2] {
		if r == bitrateKbps && i > 0 && i < 15 {
			bi = i
		}
	}
	if f.Layer != 3 || bi < 0 || f.RateHz == 0 {
		return nil, fmt.Errorf("silence: %s at %d kbps is not a Layer III format", f, bitrateKbps)
	}
	h.BitrateKbps = bitrateKbps
	// Exact frame length in bytes is slotsNum/slotsDen; padding makes up
	// the fraction over successive frames.
	num := h.Samples() / 8 * bitrateKbps * 1000
	den := h.RateHz
	var out []byte
	rem := 0
	for range n {
		rem += num % den
		h.Padding = rem >= den
		if h.Padding {
			rem -= den
		}
		fr := make([]byte, h.Size())
		putHeader(fr, h, bi)
		out = append(out, fr...)
	}
	return out, nil
}

// Must returns b, panicking on err; for building known-good frames in tests
// and examples.
func Must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
