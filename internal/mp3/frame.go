// Package mp3 owns the MPEG audio bitstream: frame headers, stripping of tags
// and Xing/Info header frames, a fresh Xing/Info+LAME header, silent frames,
// and encoding PCM to MP3.
package mp3

import (
	"errors"
	"fmt"
	"time"
)

// Version is the MPEG audio version of a frame.
type Version uint8

// MPEG versions, as coded in bits 19–20 of the header.
const (
	MPEG25 Version = 0
	MPEG2  Version = 2
	MPEG1  Version = 3
)

func (v Version) String() string {
	switch v {
	case MPEG1:
		return "MPEG-1"
	case MPEG2:
		return "MPEG-2"
	case MPEG25:
		return "MPEG-2.5"
	}
	return "reserved"
}

// Mode is the channel mode of a frame.
type Mode uint8

// Channel modes, as coded in bits 6–7 of the header.
const (
	Stereo      Mode = 0
	JointStereo Mode = 1
	DualChannel Mode = 2
	Mono        Mode = 3
)

func (m Mode) String() string {
	return [...]string{"stereo", "joint stereo", "dual channel", "mono"}[m&3]
}

// Channels is the number of audio channels the mode carries.
func (m Mode) Channels() int {
	if m == Mono {
		return 1
	}
	return 2
}

// Header is a decoded 4-byte MPEG audio frame header (ISO/IEC 11172-3 2.4.1.3,
// ISO/IEC 13818-3 2.4.1.3 for the lower sample rates).
type Header struct {
	Version     Version
	Layer       int // 1, 2 or 3
	CRC         bool
	BitrateKbps int
	RateHz      int
	Padding     bool
	Mode        Mode
	raw         uint32
}

// ErrNoSync means the bytes do not start with a valid frame header.
var ErrNoSync = errors.New("no MPEG frame sync")

var bitratesKbps = [2][3][16]int{
	// MPEG-1: layer I, II, III
	{
		{0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448, -1},
		{0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, -1},
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
	},
	// MPEG-2 and 2.5: layer I, II, III
	{
		{0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256, -1},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1},
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1},
	},
}

// ratesHz is indexed by the version bits (1 is reserved): an array, not a
// map, because every frame header of a join is looked up here.
var ratesHz = [4][3]int{
	MPEG25: {11025, 12000, 8000},
	MPEG2:  {22050, 24000, 16000},
	MPEG1:  {44100, 48000, 32000},
}

// ParseHeader decodes the frame header at the start of b. A free-format
// bitrate (index 0) is reported as an error: such a frame has no computable
// size.
func ParseHeader(b []byte) (Header, error) {
	if len(b) < 4 {
		return Header{}, ErrNoSync
	}
	raw := uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	if raw>>21 != 0x7ff {
		return Header{}, ErrNoSync
	}
	h := Header{raw: raw}
	h.Version = Version(raw >> 19 & 3)
	if h.Version == 1 {
		return Header{}, fmt.Errorf("%w: reserved MPEG version", ErrNoSync)
	}
	layerBits := raw >> 17 & 3
	if layerBits == 0 {
		return Header{}, fmt.Errorf("%w: reserved layer", ErrNoSync)
	}
	h.Layer = 4 - int(layerBits)
	h.CRC = raw>>16&1 == 0
	bi := raw >> 12 & 0xf
	ri := raw >> 10 & 3
	if ri == 3 {
		return Header{}, fmt.Errorf("%w: reserved sample rate", ErrNoSync)
	}
	v := 0
	if h.Version != MPEG1 {
		v = 1
	}
	h.BitrateKbps = bitratesKbps[v][h.Layer-1][bi]
	if h.BitrateKbps < 0 {
		return Header{}, fmt.Errorf("%w: bad bitrate index", ErrNoSync)
	}
	if h.BitrateKbps == 0 {
		return Header{}, ErrFreeFormat
	}
	h.RateHz = ratesHz[h.Version][ri]
	h.Padding = raw>>9&1 == 1
	h.Mode = Mode(raw >> 6 & 3)
	return h, nil
}

// ErrFreeFormat marks a free-format frame (bitrate index 0), which aloud does
// not join: its frame length can only be found by searching for the next sync.
var ErrFreeFormat = errors.New("free-format bitrate is not supported")

// Samples is the number of PCM samples per channel the frame decodes to.
func (h Header) Samples() int {
	switch {
	case h.Layer == 1:
		return 384
	case h.Layer == 2 || h.Version == MPEG1:
		return 1152
	}
	return 576
}

// Size is the length of the whole frame in bytes, header included.
func (h Header) Size() int {
	pad := 0
	if h.Padding {
		pad = 1
	}
	if h.Layer == 1 {
		return (12*h.BitrateKbps*1000/h.RateHz + pad) * 4
	}
	return h.Samples()/8*h.BitrateKbps*1000/h.RateHz + pad
}

// SideInfoSize is the length of the Layer III side information.
func (h Header) SideInfoSize() int {
	switch {
	case h.Version == MPEG1 && h.Mode == Mono:
		return 17
	case h.Version == MPEG1:
		return 32
	case h.Mode == Mono:
		return 9
	}
	return 17
}

// Duration is the playing time of one frame.
func (h Header) Duration() time.Duration {
	return time.Duration(h.Samples()) * time.Second / time.Duration(h.RateHz)
}

// Format is what must match for frames to be joined by copying.
type Format struct {
	Version Version
	Layer   int
	RateHz  int
	Mode    Mode
}

func (f Format) String() string {
	return fmt.Sprintf("%s Layer %s %d Hz %s", f.Version, roman(f.Layer), f.RateHz, f.Mode)
}

// SameAs reports whether frames of the two formats may follow each other in
// one stream. Stereo and joint stereo are both two-channel and mix freely.
func (f Format) SameAs(g Format) bool {
	return f.Version == g.Version && f.Layer == g.Layer && f.RateHz == g.RateHz &&
		f.Mode.Channels() == g.Mode.Channels() && (f.Mode == Mono) == (g.Mode == Mono)
}

func roman(layer int) string {
	return [...]string{"?", "I", "II", "III"}[layer&3]
}

// Format returns the joinable format of the frame.
func (h Header) Format() Format {
	return Format{Version: h.Version, Layer: h.Layer, RateHz: h.RateHz, Mode: h.Mode}
}

// MainDataBegin is the Layer III back-pointer into the bit reservoir
// (ISO/IEC 11172-3 2.4.1.7: main_data_begin), read from a whole frame.
func MainDataBegin(frame []byte, h Header) int {
	off := h.sideInfoStart()
	if len(frame) < off+2 || h.Layer != 3 {
		return 0
	}
	if h.Version == MPEG1 {
		return int(frame[off])<<1 | int(frame[off+1]>>7)
	}
	return int(frame[off])
}

// Samples is the number of samples per channel in one Layer III frame.
func (f Format) Samples() int {
	return Header{Version: f.Version, Layer: f.Layer}.Samples()
}
