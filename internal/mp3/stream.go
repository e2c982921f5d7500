package mp3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"
)

// Stream is what a scan found in an MP3 file: its format, the tags and
// header frames it dropped, any junk it skipped, and (from Parse) its
// audio frames.
type Stream struct {
	Format  Format
	Frames  []Frame // filled by Parse; nil from Scan
	Tags    []string
	Header  *XingHeader
	Junk    int // bytes skipped between frames while resynchronising
	Corrupt int // frames dropped for invalid side information
	Damaged int // places the stream lost sync (a damaged header or frame) and found it again
	Bitrate int // kbps of every frame for CBR, 0 when it varies

	frames  int
	samples int
	bytes   int64
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

// FrameCount is the number of audio frames.
func (s *Stream) FrameCount() int { return s.frames }

// Samples is the number of PCM samples per channel in the audio frames.
func (s *Stream) Samples() int { return s.samples }

// AudioBytes is the total length of the audio frames.
func (s *Stream) AudioBytes() int64 { return s.bytes }

// Duration is the playing time of the audio frames, encoder delay and
// padding included.
func (s *Stream) Duration() time.Duration {
	if s.Format.RateHz == 0 {
		return 0
	}
	return time.Duration(s.samples) * time.Second / time.Duration(s.Format.RateHz)
}

// GaplessSamples is the number of samples a gapless player plays: the
// frames less the encoder delay and padding the LAME tag declares.
func (s *Stream) GaplessSamples() int {
	if s.Header == nil || !s.Header.DelayPad {
		return s.samples
	}
	return max(s.samples-s.Header.Delay-s.Header.Padding, 0)
}

// Errors Parse and Scan return, for callers that branch on them.
var (
	ErrNoFrames     = errors.New("no MPEG audio frames found")
	ErrFormatChange = errors.New("the format changes mid-stream")
	ErrNotLayer3    = errors.New("not MPEG Layer III")
)

// Parse reads a whole MP3 file held in memory; see Scan. The frames' Data
// slices point into data.
func Parse(data []byte) (*Stream, error) {
	var frames []Frame
	s, err := Scan(bytes.NewReader(data), int64(len(data)), func(f Frame, off int64) error {
		f.Data = data[off : off+int64(len(f.Data))]
		frames = append(frames, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.Frames = frames
	return s, nil
}

// Scan reads an MP3 file of the given size without holding it in memory:
// it drops leading and trailing tags (ID3v2 with or without footer, ID3v1,
// APEv2, Lyrics3v2), drops a Xing/Info/VBRI header frame, resynchronises
// after junk, drops frames with invalid side information, and checks that
// every frame has the same format. visit, if not nil, sees every audio
// frame with its offset in r; f.Data is only valid during the call.
func Scan(r io.ReaderAt, size int64, visit func(f Frame, off int64) error) (*Stream, error) {
	s := &Stream{}
	win := &window{r: r, size: size}
	defer win.release()
	var start int64
	for {
		b, err := win.at(start, 10)
		if err != nil {
			return nil, err
		}
		n, tag, ok := leadingID3v2(b, size-start)
		if !ok {
			break
		}
		s.Tags = append(s.Tags, tag)
		start += n
	}
	end, err := trailingTags(win, start, size, &s.Tags)
	if err != nil {
		return nil, err
	}
	win.size = end

	pos := start
	bitrate := -1
	synced := false // pos is right after an accepted frame
	freeFormat := false
	gap := false
	// last is the previous frame's header: a frame whose header bytes
	// are the same but for the padding bit (nearly every frame of a CBR
	// stream) reuses it instead of being decoded and compared again.
	var last Header
	var lastSize [2]int // last's frame size unpadded and padded
	for pos+4 <= end {
		b, err := win.at(pos, maxFrameSize+4)
		if err != nil {
			return nil, err
		}
		var h Header
		same := false
		if raw := binary.BigEndian.Uint32(b); synced && last.raw != 0 && raw|padBit == last.raw|padBit {
			h, same = last, true
			h.raw, h.Padding = raw, raw&padBit != 0
		} else {
			h, err = ParseHeader(b)
		}
		size := 0
		switch {
		case same && h.Padding:
			size = lastSize[1]
		case same:
			size = lastSize[0]
		case err == nil:
			size = h.Size()
		}
		// A frame is taken when its header reads, and, unless it repeats
		// the last header, the next frame's header reads as the same
		// format (or the data ends): a header damaged into another
		// bitrate or rate is passed over, as decoders do, instead of
		// cutting the stream there.
		if err != nil || size < 4 || size > len(b) || ((!synced || !same) && !followedByFrame(b[size:], h)) {
			freeFormat = freeFormat || errors.Is(err, ErrFreeFormat)
			gap = s.frames > 0
			if synced && s.frames > 0 {
				s.Damaged++
			}
			synced = false
			pos++
			s.Junk++
			continue
		}
		frame := b[:size]
		off := pos
		pos += int64(size)
		synced = true
		if s.frames == 0 && s.Header == nil {
			if xh := readXing(frame, h); xh != nil {
				s.Header = xh
				s.Format = h.Format()
				continue
			}
		}
		if s.frames == 0 && s.Header == nil {
			s.Format = h.Format()
		} else if !same && !h.Format().SameAs(s.Format) {
			return nil, fmt.Errorf("frame %d at byte %d is %s after %s: %w",
				s.frames, off, h.Format(), s.Format, ErrFormatChange)
		}
		if !same {
			last = h
			plain, padded := h, h
			plain.Padding, padded.Padding = false, true
			lastSize = [2]int{plain.Size(), padded.Size()}
		}
		if !validSideInfo(frame, h) {
			s.Corrupt++
			gap = s.frames > 0
			continue
		}
		switch {
		case bitrate == -1:
			bitrate = h.BitrateKbps
		case bitrate != h.BitrateKbps:
			bitrate = 0
		}
		s.frames++
		s.samples += h.Samples()
		s.bytes += int64(size)
		if visit != nil {
			if err := visit(Frame{Header: h, Data: frame, AfterGap: gap}, off); err != nil {
				return nil, err
			}
		}
		gap = false
	}
	s.Junk += int(end - pos)
	if s.frames == 0 {
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

// padBit is the padding bit of a frame header.
const padBit = 1 << 9

// maxFrameSize bounds every MPEG audio frame: the largest is MPEG-2.5
// Layer II at 160 kbps and 8 kHz, 1152 samples in 2,880 bytes, padded
// (ISO/IEC 13818-3 keeps Layer II's 1152 samples at the lower rates).
const maxFrameSize = 2881

const windowSize = 64 << 10

// windowPool recycles window buffers: a join scans hundreds of segments.
// It holds pointers, so that putting one back allocates nothing.
var windowPool = sync.Pool{New: func() any { b := make([]byte, windowSize); return &b }}

// release returns the buffer to the pool.
func (w *window) release() {
	if cap(w.buf) == windowSize {
		b := w.buf[:windowSize]
		windowPool.Put(&b)
	}
	w.buf = nil
}

// window reads an io.ReaderAt through a buffer that slides forward.
type window struct {
	r     io.ReaderAt
	size  int64
	buf   []byte
	start int64
}

// at returns up to n bytes from off (fewer near the end of the data).
func (w *window) at(off int64, n int) ([]byte, error) {
	if off >= w.size {
		return nil, nil
	}
	want := min(int64(n), w.size-off)
	if off >= w.start && off+want <= w.start+int64(len(w.buf)) {
		return w.buf[off-w.start : off-w.start+want], nil
	}
	fill := min(max(int64(windowSize), want), w.size-off)
	if cap(w.buf) < int(fill) {
		if fill <= windowSize {
			w.buf = *windowPool.Get().(*[]byte)
		} else {
			w.buf = make([]byte, fill)
		}
	}
	w.buf = w.buf[:fill]
	m, err := w.r.ReadAt(w.buf, off)
	if err != nil && !(errors.Is(err, io.EOF) && int64(m) == fill) {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("reading at byte %d: %w", off, io.ErrUnexpectedEOF)
		}
		return nil, fmt.Errorf("reading at byte %d: %w", off, err)
	}
	w.start = off
	return w.buf[:want], nil
}

// ReadAt serves p from the window when it holds those bytes (a small file
// is read whole by the first at), else from the underlying reader.
func (w *window) ReadAt(p []byte, off int64) (int, error) {
	if off >= w.start && off+int64(len(p)) <= w.start+int64(len(w.buf)) {
		return copy(p, w.buf[off-w.start:]), nil
	}
	return w.r.ReadAt(p, off)
}

// leadingID3v2 reports the length of an ID3v2 tag at the start of b
// (ID3v2.4 §3.1: a 10-byte header with a syncsafe size, plus a footer when
// flag bit 4 is set).
func leadingID3v2(b []byte, remaining int64) (n int64, tag string, ok bool) {
	if len(b) < 10 || string(b[:3]) != "ID3" || b[3] == 0xff || b[4] == 0xff {
		return 0, "", false
	}
	size, ok := syncsafe(b[6:10])
	if !ok {
		return 0, "", false
	}
	n = 10 + int64(size)
	if b[5]&0x10 != 0 {
		n += 10
	}
	return min(n, remaining), fmt.Sprintf("ID3v2.%d", b[3]), true
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

// trailingTags returns where the audio ends in r[start:end], before the
// tags at its end, in any order: ID3v1 (128 bytes "TAG"), APEv2 (32-byte
// "APETAGEX" footer), Lyrics3v2 ("LYRICS200" end marker) and an appended
// ID3v2 with footer "3DI". It reads only the tags' footers.
func trailingTags(r io.ReaderAt, start, end int64, tags *[]string) (int64, error) {
	// The last 128 bytes before end hold every footer; they are read once
	// for each end position.
	var buf []byte
	bufEnd := int64(-1)
	tail := func(n int64) ([]byte, error) {
		if end-start < n {
			return nil, nil
		}
		if bufEnd != end {
			k := min(128, end-start)
			buf = make([]byte, k)
			if _, err := r.ReadAt(buf, end-k); err != nil && !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("reading tags at byte %d: %w", end-k, err)
			}
			bufEnd = end
		}
		return buf[int64(len(buf))-n:], nil
	}
	for {
		b, err := tail(128)
		if err != nil {
			return 0, err
		}
		if b != nil && string(b[:3]) == "TAG" {
			*tags = append(*tags, "ID3v1")
			end -= 128
			continue
		}
		if b, err = tail(32); err != nil {
			return 0, err
		}
		if b != nil && string(b[:8]) == "APETAGEX" {
			size := int64(binary.LittleEndian.Uint32(b[12:16]))
			if binary.LittleEndian.Uint32(b[20:24])&(1<<31) != 0 {
				size += 32 // a header precedes the items
			}
			if size < 32 || size > end-start {
				return end, nil
			}
			*tags = append(*tags, "APEv2")
			end -= size
			continue
		}
		if b, err = tail(15); err != nil {
			return 0, err
		}
		if b != nil && string(b[6:]) == "LYRICS200" {
			size := int64(0)
			for _, c := range b[:6] {
				if c < '0' || c > '9' {
					return end, nil
				}
				size = size*10 + int64(c-'0')
			}
			if size+15 > end-start {
				return end, nil
			}
			*tags = append(*tags, "Lyrics3v2")
			end -= size + 15
			continue
		}
		if b, err = tail(10); err != nil {
			return 0, err
		}
		if b != nil && string(b[:3]) == "3DI" {
			size, ok := syncsafe(b[6:10])
			if !ok || int64(size)+20 > end-start {
				return end, nil
			}
			*tags = append(*tags, fmt.Sprintf("ID3v2.%d (appended)", b[3]))
			end -= int64(size) + 20
			continue
		}
		return end, nil
	}
}

// readXing recognises a Xing/Info header frame (with its LAME extension) or a
// Fraunhofer VBRI header frame.
func readXing(frame []byte, h Header) *XingHeader {
	if len(frame) >= 4+32+26 && string(frame[36:40]) == "VBRI" {
		return &XingHeader{Kind: "VBRI", Bytes: int(be32(frame[46:])), Frames: int(be32(frame[50:])), FrameSize: len(frame)}
	}
	// The tag follows the side information; LAME writes it there as if
	// the frame had no CRC even when its header says it has one (-p), so
	// both places are looked at.
	var kind string
	off := 0
	for _, at := range []int{h.sideInfoStart() + h.SideInfoSize(), 4 + h.SideInfoSize()} {
		if len(frame) >= at+8 {
			if k := string(frame[at : at+4]); k == "Xing" || k == "Info" {
				kind, off = k, at
				break
			}
		}
	}
	if kind == "" {
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

// Probe reads just enough of an MP3 file to tell its format and bitrate:
// the first frame header that another header of the same format follows,
// after any leading ID3v2 tags. It reads a few kilobytes at most.
func Probe(r io.ReaderAt, size int64) (Format, int, error) {
	f, kbps, _, err := probe(r, size)
	return f, kbps, err
}

// ProbeHeader reads just the start of an MP3 file and returns its
// Xing/Info/VBRI header frame (with the LAME tag's encoder delay and
// padding), nil when the file has none.
func ProbeHeader(r io.ReaderAt, size int64) (*XingHeader, error) {
	_, _, x, err := probe(r, size)
	return x, err
}

func probe(r io.ReaderAt, size int64) (Format, int, *XingHeader, error) {
	const probeBytes = 4 << 10
	var buf []byte
	var start int64
	read := func() error {
		buf = make([]byte, min(probeBytes, size-start))
		if _, err := r.ReadAt(buf, start); err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("reading at byte %d: %w", start, err)
		}
		return nil
	}
	if err := read(); err != nil {
		return Format{}, 0, nil, err
	}
	for {
		n, _, ok := leadingID3v2(buf, size-start)
		if !ok {
			break
		}
		start += n
		if err := read(); err != nil {
			return Format{}, 0, nil, err
		}
	}
	for i := 0; i+4 <= len(buf); i++ {
		h, err := ParseHeader(buf[i:])
		if err != nil || i+h.Size() > len(buf) {
			continue
		}
		if i+h.Size() == len(buf) || followedByFrame(buf[i+h.Size():], h) {
			x := readXing(buf[i:i+h.Size()], h)
			if x != nil && i+h.Size()+4 <= len(buf) {
				// The header frame may have another bitrate: look past it.
				if n, err := ParseHeader(buf[i+h.Size():]); err == nil {
					h = n
				}
			}
			if h.Layer != 3 {
				return Format{}, 0, nil, fmt.Errorf("%s: %w", h.Format(), ErrNotLayer3)
			}
			return h.Format(), h.BitrateKbps, x, nil
		}
	}
	return Format{}, 0, nil, ErrNoFrames
}
