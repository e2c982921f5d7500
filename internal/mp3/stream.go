package mp3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// Stream is what Parse found in an MP3 file: its audio frames, the tags and
// header frames it dropped, and any junk it skipped.
type Stream struct {
	Format  Format
	Frames  []Frame
	Tags    []string // tags found and dropped, e.g. "ID3v2.4", "ID3v1", "APEv2"
	Header  *XingHeader
	Junk    int // bytes skipped between frames while resynchronising
	Corrupt int // frames dropped for invalid side information
	Bitrate int // kbps of every frame for CBR, 0 when it varies
}

// Frame is one audio frame: its header and its bytes, header included.
type Frame struct {
	Header Header
	Data   []byte
	// AfterGap is set when junk or a dropped frame precedes this one, so
	// the bit reservoir it may point into is not there.
	AfterGap bool
}

// XingHeader is what a Xing, Info or VBRI header frame declared.
type XingHeader struct {
	Kind      string // "Xing", "Info" or "VBRI"
	Frames    int    // -1 when absent
	Bytes     int    // -1 when absent
	Encoder   string // the LAME tag's short version string, if any
	DelayPad  bool   // whether Delay and Padding were read from a LAME tag
	Delay     int    // encoder delay in samples
	Padding   int    // padding in samples at the end
	FrameSize int
}

// Samples is the number of PCM samples per channel in the audio frames.
func (s *Stream) Samples() int {
	n := 0
	for _, f := range s.Frames {
		n += f.Header.Samples()
	}
	return n
}

// Duration is the exact playing time of the audio frames.
func (s *Stream) Duration() time.Duration {
	if s.Format.RateHz == 0 {
		return 0
	}
	return time.Duration(s.Samples()) * time.Second / time.Duration(s.Format.RateHz)
}

// AudioBytes is the total length of the audio frames.
func (s *Stream) AudioBytes() int {
	n := 0
	for _, f := range s.Frames {
		n += len(f.Data)
	}
	return n
}

// Errors Parse returns, for callers that branch on them.
var (
	ErrNoFrames     = errors.New("no MPEG audio frames found")
	ErrFormatChange = errors.New("the format changes mid-stream")
	ErrNotLayer3    = errors.New("not MPEG Layer III")
)

// Parse reads a whole MP3 file: it drops leading and trailing tags (ID3v2
// with or without footer, ID3v1, APEv2, Lyrics3v2), drops a Xing/Info/VBRI
// header frame, resynchronises after junk, and checks that every frame has
// the same format.
func Parse(data []byte) (*Stream, error) {
	s := &Stream{}
	start, end := 0, len(data)
	for {
		n, tag, ok := leadingID3v2(data[start:end])
		if !ok {
			break
		}
		s.Tags = append(s.Tags, tag)
		start += n
	}
	end = stripTrailingTags(data[start:end], &s.Tags) + start

	pos := start
	bitrate := -1
	synced := false // pos is right after an accepted frame
	freeFormat := false
	gap := false
	for pos+4 <= end {
		h, err := ParseHeader(data[pos:end])
		size := 0
		if err == nil {
			size = h.Size()
		}
		if err != nil || size < 4 || pos+size > end || (!synced && !followedByFrame(data[pos+size:end], h)) {
			synced = false
			freeFormat = freeFormat || errors.Is(err, ErrFreeFormat)
			gap = len(s.Frames) > 0
			pos++
			s.Junk++
			continue
		}
		frame := data[pos : pos+size]
		pos += size
		synced = true
		if len(s.Frames) == 0 && s.Header == nil {
			if xh := readXing(frame, h); xh != nil {
				s.Header = xh
				s.Format = h.Format()
				continue
			}
		}
		if len(s.Frames) == 0 && s.Header == nil {
			s.Format = h.Format()
		} else if !h.Format().SameAs(s.Format) {
			return nil, fmt.Errorf("frame %d at byte %d is %s after %s: %w",
				len(s.Frames), pos-size, h.Format(), s.Format, ErrFormatChange)
		}
		if !validSideInfo(frame, h) {
			s.Corrupt++
			gap = len(s.Frames) > 0
			continue
		}
		switch {
		case bitrate == -1:
			bitrate = h.BitrateKbps
		case bitrate != h.BitrateKbps:
			bitrate = 0
		}
		s.Frames = append(s.Frames, Frame{Header: h, Data: frame, AfterGap: gap})
		gap = false
	}
	s.Junk += end - pos
	if len(s.Frames) == 0 {
		switch {
		case s.Header != nil:
			return nil, fmt.Errorf("only a header frame (%s): %w", s.Header.Kind, ErrNoFrames)
		case freeFormat:
			return nil, fmt.Errorf("%w (free-format frames only)", ErrFreeFormat)
		case s.Corrupt > 0:
			return nil, fmt.Errorf("%w: all %d frames have invalid side information", ErrNoFrames, s.Corrupt)
		}
		return nil, ErrNoFrames
	}
	if s.Format.Layer != 3 {
		return nil, fmt.Errorf("%s: %w", s.Format, ErrNotLayer3)
	}
	if bitrate > 0 {
		s.Bitrate = bitrate
	}
	return s, nil
}

// followedByFrame checks, when looking for sync at the start or after junk,
// that the candidate frame ends exactly at the end of the data or is followed
// by another header of the same format, so that a false sync in junk is very
// unlikely to be taken for a frame.
func followedByFrame(rest []byte, h Header) bool {
	if len(rest) == 0 {
		return true
	}
	n, err := ParseHeader(rest)
	return err == nil && n.Format().SameAs(h.Format())
}

// leadingID3v2 reports the length of an ID3v2 tag at the start of b
// (ID3v2.4 §3.1: a 10-byte header with a syncsafe size, plus a footer when
// flag bit 4 is set).
func leadingID3v2(b []byte) (n int, tag string, ok bool) {
	if len(b) < 10 || string(b[:3]) != "ID3" || b[3] == 0xff || b[4] == 0xff {
		return 0, "", false
	}
	size, ok := syncsafe(b[6:10])
	if !ok {
		return 0, "", false
	}
	n = 10 + size
	if b[5]&0x10 != 0 {
		n += 10
	}
	if n > len(b) {
		n = len(b)
	}
	return n, fmt.Sprintf("ID3v2.%d", b[3]), true
}

func syncsafe(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c&0x80 != 0 {
			return 0, false
		}
		n = n<<7 | int(c)
	}
	return n, true
}

// stripTrailingTags returns the length of b without the tags at its end, in
// any order: ID3v1 (128 bytes "TAG"), APEv2 (32-byte "APETAGEX" footer),
// Lyrics3v2 ("LYRICS200" end marker) and an appended ID3v2 with footer "3DI".
func stripTrailingTags(b []byte, tags *[]string) int {
	end := len(b)
	for {
		switch {
		case end >= 128 && string(b[end-128:end-125]) == "TAG":
			*tags = append(*tags, "ID3v1")
			end -= 128
		case end >= 32 && string(b[end-32:end-24]) == "APETAGEX":
			size := int(binary.LittleEndian.Uint32(b[end-20 : end-16]))
			flags := binary.LittleEndian.Uint32(b[end-12 : end-8])
			if flags&(1<<31) != 0 {
				size += 32 // a header precedes the items
			}
			if size < 32 || size > end {
				return end
			}
			*tags = append(*tags, "APEv2")
			end -= size
		case end >= 15 && string(b[end-9:end]) == "LYRICS200":
			size := 0
			for _, c := range b[end-15 : end-9] {
				if c < '0' || c > '9' {
					return end
				}
				size = size*10 + int(c-'0')
			}
			if size+15 > end {
				return end
			}
			*tags = append(*tags, "Lyrics3v2")
			end -= size + 15
		case end >= 10 && string(b[end-10:end-7]) == "3DI":
			size, ok := syncsafe(b[end-4 : end])
			if !ok || size+20 > end {
				return end
			}
			*tags = append(*tags, fmt.Sprintf("ID3v2.%d (appended)", b[end-7]))
			end -= size + 20
		default:
			return end
		}
	}
}

// readXing recognises a Xing/Info header frame (with its LAME extension) or a
// Fraunhofer VBRI header frame.
func readXing(frame []byte, h Header) *XingHeader {
	off := 4 + h.SideInfoSize()
	if h.CRC {
		off += 2
	}
	if len(frame) >= 4+32+26 && string(frame[36:40]) == "VBRI" {
		return &XingHeader{Kind: "VBRI", Bytes: int(be32(frame[46:])), Frames: int(be32(frame[50:])), FrameSize: len(frame)}
	}
	if len(frame) < off+8 {
		return nil
	}
	kind := string(frame[off : off+4])
	if kind != "Xing" && kind != "Info" {
		return nil
	}
	x := &XingHeader{Kind: kind, Frames: -1, Bytes: -1, FrameSize: len(frame)}
	flags := be32(frame[off+4:])
	p := off + 8
	field := func(bit uint32, n int) []byte {
		if flags&bit == 0 || p+n > len(frame) {
			return nil
		}
		f := frame[p : p+n]
		p += n
		return f
	}
	if f := field(1, 4); f != nil {
		x.Frames = int(be32(f))
	}
	if f := field(2, 4); f != nil {
		x.Bytes = int(be32(f))
	}
	field(4, 100)
	field(8, 4)
	// LAME tag (http://gabriel.mp3-tech.org/mp3infotag.html): 9-byte version,
	// then at +21 the 12-bit encoder delay and 12-bit padding.
	if p+24 <= len(frame) && frame[p] != 0 {
		x.Encoder = string(bytes.TrimRight(frame[p:p+9], "\x00 "))
		v := int(frame[p+21])<<16 | int(frame[p+22])<<8 | int(frame[p+23])
		x.Delay, x.Padding, x.DelayPad = v>>12, v&0xfff, true
	}
	return x
}

func be32(b []byte) uint32 {
	if len(b) < 4 {
		return 0
	}
	return binary.BigEndian.Uint32(b)
}
