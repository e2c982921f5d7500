package mp3

import (
	"bytes"
	"encoding/binary"
	"errors"
	"github.com/aloud-dev/aloud/internal/corpora"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gomp3 "github.com/hajimehoshi/go-mp3"
)

// The two testdata files are espeak-ng saying "Hello world. This is a test
// of the narration." encoded by LAME 3.100 at 22.05 kHz mono: at 48 kbps
// (LAME writes no tag: it does not fit in a frame) and at 64 kbps (with a
// LAME Info tag).
const (
	speech48 = "testdata/speech-22k-48k.mp3"
	speech64 = "testdata/speech-22k-64k-lametag.mp3"
)

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name    string
		hdr     uint32
		want    Header
		size    int
		samples int
		err     bool
	}{
		{name: "MPEG-1 128k 44.1k stereo", hdr: 0xfffb9000, want: Header{Version: MPEG1, Layer: 3, BitrateKbps: 128, RateHz: 44100, Mode: Stereo}, size: 417, samples: 1152},
		{name: "MPEG-1 128k 44.1k padded", hdr: 0xfffb9200, want: Header{Version: MPEG1, Layer: 3, BitrateKbps: 128, RateHz: 44100, Padding: true, Mode: Stereo}, size: 418, samples: 1152},
		{name: "MPEG-2 48k 22.05k mono", hdr: 0xfff360c4, want: Header{Version: MPEG2, Layer: 3, BitrateKbps: 48, RateHz: 22050, Mode: Mono}, size: 156, samples: 576},
		{name: "MPEG-2 with CRC", hdr: 0xfff260c4, want: Header{Version: MPEG2, Layer: 3, CRC: true, BitrateKbps: 48, RateHz: 22050, Mode: Mono}, size: 156, samples: 576},
		{name: "MPEG-2.5 8k 8k mono", hdr: 0xffe318c0, want: Header{Version: MPEG25, Layer: 3, BitrateKbps: 8, RateHz: 8000, Mode: Mono}, size: 72, samples: 576},
		{name: "MPEG-1 layer II", hdr: 0xfffd9000, want: Header{Version: MPEG1, Layer: 2, BitrateKbps: 160, RateHz: 44100, Mode: Stereo}, size: 522, samples: 1152},
		{name: "MPEG-1 layer I", hdr: 0xffff9000, want: Header{Version: MPEG1, Layer: 1, BitrateKbps: 288, RateHz: 44100, Mode: Stereo}, size: 312, samples: 384},
		{name: "no sync", hdr: 0x49443303, err: true},
		{name: "reserved version", hdr: 0xffeb9000, err: true},
		{name: "reserved layer", hdr: 0xfff99000, err: true},
		{name: "bad bitrate", hdr: 0xfffbf000, err: true},
		{name: "reserved rate", hdr: 0xfffb9c00, err: true},
		{name: "free format", hdr: 0xfffb0000, err: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b [4]byte
			binary.BigEndian.PutUint32(b[:], tc.hdr)
			h, err := ParseHeader(b[:])
			if tc.err {
				if err == nil {
					t.Fatalf("got %+v, want an error", h)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			h.raw = 0
			if h != tc.want {
				t.Errorf("got %+v, want %+v", h, tc.want)
			}
			if h.Size() != tc.size || h.Samples() != tc.samples {
				t.Errorf("size %d samples %d, want %d %d", h.Size(), h.Samples(), tc.size, tc.samples)
			}
		})
	}
}

// decode returns the PCM samples go-mp3 decodes (it always gives stereo).
func decode(t testing.TB, b []byte) []int16 {
	t.Helper()
	d, err := gomp3.NewDecoder(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("go-mp3: %v", err)
	}
	raw, err := io.ReadAll(d)
	if err != nil {
		t.Fatalf("go-mp3: %v", err)
	}
	out := make([]int16, len(raw)/2)
	for i := range out {
		out[i] = int16(binary.LittleEndian.Uint16(raw[2*i:]))
	}
	return out
}

func TestParseSpeech(t *testing.T) {
	for _, tc := range []struct {
		path   string
		header bool
	}{{speech48, false}, {speech64, true}} {
		t.Run(tc.path, func(t *testing.T) {
			s, err := Parse(mustRead(t, tc.path))
			if err != nil {
				t.Fatal(err)
			}
			if s.Format != (Format{Version: MPEG2, Layer: 3, RateHz: 22050, Mode: Mono}) {
				t.Errorf("format %v", s.Format)
			}
			if len(s.Frames) != 113 || s.Junk != 0 {
				t.Errorf("frames %d junk %d, want 113 and 0", len(s.Frames), s.Junk)
			}
			if (s.Header != nil) != tc.header {
				t.Fatalf("header %+v, want present=%v", s.Header, tc.header)
			}
			if tc.header && (s.Header.Kind != "Info" || s.Header.Frames != 113 || s.Header.Delay != 576 || s.Header.Padding != 982) {
				t.Errorf("LAME header %+v, want Info, 113 frames, delay 576, padding 982", *s.Header)
			}
			if got, want := s.Duration(), 113*576*time.Second/22050; got != want {
				t.Errorf("duration %v, want %v", got, want)
			}
		})
	}
}

func TestParseDropsTagsAndJunk(t *testing.T) {
	audio := mustRead(t, speech48)
	id3 := append([]byte("ID3\x04\x00\x00\x00\x00\x00\x0a"), make([]byte, 10)...)
	id3footer := append([]byte("ID3\x04\x00\x10\x00\x00\x00\x04"), []byte("abcd3DI\x04\x00\x10\x00\x00\x00\x04")...)
	v1 := append([]byte("TAG"), make([]byte, 125)...)
	ape := apeTag()
	lyrics := []byte("LYRICSBEGINhello000016LYRICS200")
	junk := []byte{0xff, 0xf3, 0x00, 0x12, 0x34, 0xff, 0xe0}
	cat := func(parts ...[]byte) []byte { return bytes.Join(parts, nil) }
	tests := []struct {
		name string
		data []byte
		tags []string
		junk int
	}{
		{"id3v2", cat(id3, audio), []string{"ID3v2.4"}, 0},
		{"two id3v2", cat(id3, id3, audio), []string{"ID3v2.4", "ID3v2.4"}, 0},
		{"id3v2 with footer", cat(id3footer, audio), []string{"ID3v2.4"}, 0},
		{"id3v1", cat(audio, v1), []string{"ID3v1"}, 0},
		{"apev2 then id3v1", cat(audio, ape, v1), []string{"ID3v1", "APEv2"}, 0},
		{"lyrics3v2", cat(audio, lyrics), []string{"Lyrics3v2"}, 0},
		{"appended id3v2", cat(audio, id3footer), []string{"ID3v2.4 (appended)"}, 0},
		{"junk before", cat(junk, audio), nil, len(junk)},
		{"junk between", cat(audio[:156*10], junk, audio[156*10:]), nil, len(junk)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Frames) != 113 {
				t.Errorf("frames %d, want 113", len(s.Frames))
			}
			if strings.Join(s.Tags, ",") != strings.Join(tc.tags, ",") {
				t.Errorf("tags %v, want %v", s.Tags, tc.tags)
			}
			if s.Junk != tc.junk {
				t.Errorf("junk %d, want %d", s.Junk, tc.junk)
			}
		})
	}
}

func apeTag() []byte {
	footer := make([]byte, 32)
	copy(footer, "APETAGEX")
	binary.LittleEndian.PutUint32(footer[8:], 2000)
	binary.LittleEndian.PutUint32(footer[12:], 32+10)
	return append(make([]byte, 10), footer...)
}

func TestParseRejects(t *testing.T) {
	layer2 := bytes.Repeat(append([]byte{0xff, 0xfd, 0x90, 0x00}, make([]byte, 518)...), 3)
	mixed := append(Must(Silence(Format{MPEG2, 3, 22050, Mono}, 48, 3)), Must(Silence(Format{MPEG1, 3, 44100, Stereo}, 128, 3))...)
	// MPEG-2.5 Layer II, 160 kbps at 8 kHz: the largest frame there is,
	// 2,880 bytes (a fuzzer found the scan reading past its window here).
	largest := bytes.Repeat(append([]byte{0xff, 0xe5, 0xe8, 0xc0}, make([]byte, 2876)...), 3)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNoFrames},
		{"text", []byte("this is not an mp3 file at all"), ErrNoFrames},
		{"id3 only", append([]byte("ID3\x04\x00\x00\x00\x00\x00\x02"), 0, 0), ErrNoFrames},
		{"layer II", layer2, ErrNotLayer3},
		{"largest frames", largest, ErrNotLayer3},
		{"largest frame cut short", largest[:2900], ErrNotLayer3},
		{"format change", mixed, ErrFormatChange},
		{"free format", bytes.Repeat([]byte{0xff, 0xfb, 0x00, 0x00, 1, 2, 3}, 3), ErrFreeFormat},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.data)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
}

func TestSilenceDecodesToZeros(t *testing.T) {
	for _, f := range []struct {
		format Format
		kbps   int
	}{
		{Format{MPEG2, 3, 22050, Mono}, 48},
		{Format{MPEG2, 3, 24000, Mono}, 8},
		{Format{MPEG1, 3, 44100, JointStereo}, 128},
		{Format{MPEG1, 3, 48000, Mono}, 32},
	} {
		t.Run(f.format.String(), func(t *testing.T) {
			sil, err := Silence(f.format, f.kbps, 50)
			if err != nil {
				t.Fatal(err)
			}
			s, err := Parse(sil)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Frames) != 50 {
				t.Fatalf("%d frames, want 50", len(s.Frames))
			}
			// CBR: the padding keeps the average length at the bitrate.
			wantBytes := 50 * f.format.Samples() / 8 * f.kbps * 1000 / f.format.RateHz
			if d := len(sil) - wantBytes; d < -1 || d > 1 {
				t.Errorf("%d bytes, want %d", len(sil), wantBytes)
			}
			pcm := decode(t, sil)
			if len(pcm) != 50*f.format.Samples()*2 {
				t.Errorf("decoded %d samples, want %d", len(pcm), 50*f.format.Samples()*2)
			}
			for i, v := range pcm {
				if v != 0 {
					t.Fatalf("sample %d is %d, want silence", i, v)
				}
			}
		})
	}
	if _, err := Silence(Format{MPEG2, 3, 22050, Mono}, 320, 1); err == nil {
		t.Error("320 kbps MPEG-2 silence: want an error")
	}
}

func TestHeaderFrameRoundTrip(t *testing.T) {
	s, err := Parse(mustRead(t, speech48))
	if err != nil {
		t.Fatal(err)
	}
	sum := Summary{Format: s.Format, BitrateKbps: 48, Frames: len(s.Frames), Delay: 576, Padding: 982, Encoder: "LAME"}
	var toc TOCBuilder
	for _, f := range s.Frames {
		toc.Add(len(f.Data))
		sum.AudioBytes += len(f.Data)
	}
	sum.TOC = toc.TOC()
	hf, err := HeaderFrame(sum)
	if err != nil {
		t.Fatal(err)
	}
	joined := append(hf, mustRead(t, speech48)...)
	s2, err := Parse(joined)
	if err != nil {
		t.Fatal(err)
	}
	h := s2.Header
	if h == nil || h.Kind != "Info" || h.Frames != 113 || h.Bytes != len(joined) || h.Delay != 576 || h.Padding != 982 || h.Encoder != "LAME" {
		t.Fatalf("header read back as %+v", h)
	}
	if len(s2.Frames) != 113 {
		t.Errorf("%d audio frames, want 113", len(s2.Frames))
	}
	// The LAME tag CRC covers the first 190 bytes of the frame.
	p := 4 + 9 + 120
	if got, want := binary.BigEndian.Uint16(hf[p+34:]), CRC16(0, hf[:p+34]); got != want {
		t.Errorf("tag CRC %04x, want %04x", got, want)
	}
	// Seek table: monotonic, starting at 0.
	table := hf[4+9+16 : 4+9+116]
	for i := 1; i < 100; i++ {
		if table[i] < table[i-1] {
			t.Fatalf("seek table not monotonic at %d: %v", i, table)
		}
	}
	// VBR gets a Xing header.
	sum.BitrateKbps = 0
	hf, _ = HeaderFrame(sum)
	if !bytes.Contains(hf, []byte("Xing")) {
		t.Error("VBR summary: want a Xing header")
	}
}

func TestDetachReservoir(t *testing.T) {
	s, err := Parse(mustRead(t, speech48))
	if err != nil {
		t.Fatal(err)
	}
	if n := s.DetachReservoir(); n != 0 {
		t.Fatalf("a whole LAME stream: silenced %d frames, want 0", n)
	}
	// Cut the stream where frames borrow from the reservoir: the first
	// frame after the cut must be made reservoir-free.
	cut := -1
	for i, f := range s.Frames {
		if i > 0 && MainDataBegin(f.Data, f.Header) > 0 {
			cut = i
			break
		}
	}
	if cut < 0 {
		t.Skip("no frame uses the bit reservoir")
	}
	tail := &Stream{Format: s.Format, Frames: append([]Frame(nil), s.Frames[cut:]...)}
	if n := tail.DetachReservoir(); n < 1 {
		t.Fatalf("silenced %d frames, want at least 1", n)
	}
	var b []byte
	for _, f := range tail.Frames {
		b = append(b, f.Data...)
	}
	if MainDataBegin(tail.Frames[0].Data, tail.Frames[0].Header) != 0 {
		t.Error("first frame still points into the reservoir")
	}
	pcm := decode(t, b)
	if len(pcm) == 0 {
		t.Error("cut stream decodes to nothing")
	}
}

func TestCRC16MPEGWithCRCFrame(t *testing.T) {
	// ISO/IEC 11172-3 2.4.3.1: the CRC of header bits 16–31 and the side
	// information; a frame that DetachReservoir silences keeps a valid CRC.
	h := Header{Version: MPEG2, Layer: 3, CRC: true, BitrateKbps: 48, RateHz: 22050, Mode: Mono}
	fr := make([]byte, h.Size())
	putHeader(fr, h, 6)
	fr[6] = 5 // main_data_begin 5
	s := &Stream{Format: h.Format(), Frames: []Frame{{Header: h, Data: fr}}}
	if n := s.DetachReservoir(); n != 1 {
		t.Fatalf("silenced %d, want 1", n)
	}
	got := s.Frames[0].Data
	want := crc16MPEG(crc16MPEG(0xffff, got[2:4]), got[6:15])
	if binary.BigEndian.Uint16(got[4:]) != want || got[6] != 0 {
		t.Errorf("frame %x: CRC or side info wrong", got[:16])
	}
}

// TestCorpusNeverPanics parses every MP3 of the shared corpus: each is
// either parsed or rejected with an error, never a panic, and parsed Layer
// III streams with a minimp3 reference decode have the reference's length.
func TestCorpusNeverPanics(t *testing.T) {
	dir := corpora.Dir(t, "mp3")
	var files []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".mp3") || strings.HasSuffix(p, ".bit")) {
			files = append(files, p)
		}
		return nil
	})
	if len(files) == 0 {
		t.Fatal("no MP3 files in the corpus")
	}
	parsed := 0
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		t.Run(rel, func(t *testing.T) {
			s, err := Parse(mustRead(t, f))
			if err != nil {
				if err.Error() == "" {
					t.Fatal("empty error message")
				}
				t.Logf("rejected: %v", err)
				return
			}
			parsed++
			ref, err := os.ReadFile(strings.TrimSuffix(f, ".bit") + ".pcm")
			if err != nil || len(ref) == 0 || !strings.HasSuffix(f, ".bit") {
				return
			}
			channels := s.Format.Mode.Channels()
			refSamples := len(ref) / 2 / channels
			// Frames whose reservoir is lost (at the start, or after a
			// dropped frame) decode to nothing in minimp3; aloud
			// silences them, keeping their time.
			decodable := s.Samples() - s.DetachReservoir()*s.Format.Samples()
			// minimp3's reference may be shorter by one or two frames
			// (corpora/README.md).
			if d := decodable - refSamples; d < 0 || d > 2*1152 {
				t.Errorf("%d decodable samples per channel, reference has %d", decodable, refSamples)
			}
		})
	}
	if parsed == 0 {
		t.Error("no corpus file parsed")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(mustRead(f, speech48))
	f.Add(mustRead(f, speech64))
	f.Add([]byte("ID3\x04\x00\x10\x00\x00\x00\x04abcd3DI\x04\x00\x10\x00\x00\x00\x04"))
	f.Add(append(apeTag(), "TAG"...))
	f.Add([]byte{0xff, 0xfb, 0x90, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := Parse(b)
		if err != nil {
			return
		}
		total := 0
		for _, fr := range s.Frames {
			if len(fr.Data) != fr.Header.Size() {
				t.Fatalf("frame of %d bytes, header says %d", len(fr.Data), fr.Header.Size())
			}
			total += len(fr.Data)
		}
		if total > len(b) {
			t.Fatalf("frames hold %d bytes of %d", total, len(b))
		}
		s.DetachReservoir()
	})
}

// FuzzTags feeds arbitrary bytes to the leading and trailing tag skippers.
func FuzzTags(f *testing.F) {
	f.Add([]byte("ID3\x04\x00\x10\x00\x00\x00\x04abcd3DI\x04\x00\x10\x00\x00\x00\x04"))
	f.Add(append(apeTag(), "TAG"...))
	f.Add([]byte("LYRICSBEGINhello000016LYRICS200"))
	f.Fuzz(func(t *testing.T, b []byte) {
		var tags []string
		end, err := trailingTags(bytes.NewReader(b), 0, int64(len(b)), &tags)
		if err != nil || end < 0 || end > int64(len(b)) {
			t.Fatalf("end %d of %d, %v", end, len(b), err)
		}
		if n, _, ok := leadingID3v2(b, int64(len(b))); ok && (n < 0 || n > int64(len(b))) {
			t.Fatalf("leading tag of %d bytes in %d", n, len(b))
		}
	})
}

// FuzzXing reads header frames from arbitrary bytes after a valid header.
func FuzzXing(f *testing.F) {
	f.Add(mustRead(f, speech64)[:208])
	f.Add(append([]byte{0xff, 0xfb, 0x90, 0x00}, make([]byte, 32)...))
	f.Fuzz(func(t *testing.T, b []byte) {
		h, err := ParseHeader(b)
		if err != nil || h.Size() > len(b) {
			return
		}
		if x := readXing(b[:h.Size()], h); x != nil && x.FrameSize != h.Size() {
			t.Fatalf("frame size %d, header says %d", x.FrameSize, h.Size())
		}
	})
}

// BenchmarkScan scans a minute of LAME speech (22.05 kHz mono) held in
// memory, visiting every frame: the work a join does per segment.
func BenchmarkScan(b *testing.B) {
	data, err := os.ReadFile("testdata/speech-22k-48k.mp3")
	if err != nil {
		b.Fatal(err)
	}
	st, err := Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	var frames []byte
	for len(frames) < 360_000 {
		for _, f := range st.Frames {
			frames = append(frames, f.Data...)
		}
	}
	r := bytes.NewReader(frames)
	b.SetBytes(int64(len(frames)))
	var n, frameCount int
	for b.Loop() {
		s, err := Scan(r, int64(len(frames)), func(f Frame, off int64) error { n += len(f.Data); return nil })
		if err != nil {
			b.Fatal(err)
		}
		frameCount = s.FrameCount()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(frameCount), "ns/frame")
}

// TestValidSideInfoFields: reading the side information's fields from fixed
// positions agrees with reading them one after another, as the standard
// lays them out (validSideInfoInOrder), for random side information in
// every version, channel mode and CRC setting.
func TestValidSideInfoFields(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	accepted, rejected := 0, 0
	for _, v := range []Version{MPEG1, MPEG2, MPEG25} {
		for _, mode := range []Mode{Stereo, JointStereo, DualChannel, Mono} {
			for _, crc := range []bool{false, true} {
				h := Header{Version: v, Layer: 3, CRC: crc, Mode: mode}
				for range 3000 {
					frame := make([]byte, 40+r.IntN(400))
					for i := range frame {
						frame[i] = byte(r.IntN(256))
					}
					if r.IntN(2) == 0 {
						// Small part2_3_length and big_values, so that
						// valid frames are common too.
						off := h.sideInfoStart()
						for i := off + 1; i < off+h.SideInfoSize(); i++ {
							frame[i] &= 0x0f
						}
					}
					got, want := validSideInfo(frame, h), validSideInfoInOrder(frame, h)
					if got != want {
						t.Fatalf("%s %s crc %v, %d bytes: %v, want %v", v, mode, crc, len(frame), got, want)
					}
					if got {
						accepted++
					} else {
						rejected++
					}
				}
			}
		}
	}
	if accepted < 1000 || rejected < 1000 {
		t.Errorf("cases too one-sided: %d accepted, %d rejected", accepted, rejected)
	}
}

// validSideInfoInOrder is validSideInfo written field by field in the
// standard's order, as the reference.
func validSideInfoInOrder(frame []byte, h Header) bool {
	off, side := h.sideInfoStart(), h.SideInfoSize()
	if len(frame) < off+side {
		return false
	}
	var padded [40]byte
	copy(padded[:], frame[off:off+side])
	pos := 0
	read := func(n int) int {
		v := 0
		for range n {
			v = v<<1 | int(padded[pos>>3]>>(7-uint(pos&7))&1)
			pos++
		}
		return v
	}
	ch := h.Mode.Channels()
	granules := 1
	var mainDataBegin int
	if h.Version == MPEG1 {
		granules = 2
		mainDataBegin = read(9)
		if ch == 1 {
			read(5)
		} else {
			read(3)
		}
		read(4 * ch)
	} else {
		mainDataBegin = read(8)
		read(ch)
	}
	bits := 0
	for range granules {
		for range ch {
			part23 := read(12)
			bigValues := read(9)
			read(8)
			if h.Version == MPEG1 {
				read(4)
			} else {
				read(9)
			}
			if bigValues > 288 {
				return false
			}
			if read(1) == 1 {
				if read(2) == 0 {
					return false
				}
				read(1 + 2*5 + 3*3)
			} else {
				read(3*5 + 4 + 3)
			}
			if h.Version == MPEG1 {
				read(1)
			}
			read(2)
			bits += part23
		}
	}
	return bits <= 8*(len(frame)-off-side+mainDataBegin)
}
