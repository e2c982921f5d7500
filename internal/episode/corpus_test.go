package episode

import (
	"bytes"
	"github.com/aloud-dev/aloud/internal/corpora"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// decodeAll decodes MP3 bytes to interleaved PCM of the stream's channels.
func decodeAll(t *testing.T, b []byte, channels int) []int16 {
	t.Helper()
	d, err := mp3.NewDecoder(bytes.NewReader(b), channels)
	if err != nil {
		t.Fatal(err)
	}
	var out []int16
	buf := make([]int16, 4096*channels)
	for {
		n, err := d.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func psnr(a, b []int16) float64 {
	n := min(len(a), len(b))
	if n == 0 {
		return math.Inf(-1)
	}
	mse := 0.0
	for i := range n {
		d := float64(a[i]) - float64(b[i])
		mse += d * d
	}
	mse /= float64(n)
	if mse == 0 {
		return math.Inf(1)
	}
	return 10 * math.Log10(32767*32767/mse)
}

// TestJoinCorpusDecodesToParts joins the MPEG-2 vectors, cut into parts or
// whole, and checks that the joined file decodes to what each part decodes
// to alone (PSNR ≥ 96 dB), leaving out the boundary frames: those whose bit
// reservoir lies in the previous part (nobody can decode them from the part
// alone; aloud silences them) and four more while the decoder's overlap
// and filter-bank state settle. Parts cut from one stream must also decode
// like the uncut stream outside the same frames.
func TestJoinCorpusDecodesToParts(t *testing.T) {
	dir := corpora.Dir(t, "mp3")
	var whole = map[string][]byte{}
	split := func(path string, parts int) [][]byte {
		s, err := mp3.Parse(mustReadFile(t, path))
		if err != nil {
			t.Fatal(err)
		}
		var out [][]byte
		per := len(s.Frames) / parts
		for p := range parts {
			var b []byte
			end := (p + 1) * per
			if p == parts-1 {
				end = len(s.Frames)
			}
			for _, f := range s.Frames[p*per : end] {
				b = append(b, f.Data...)
			}
			out = append(out, b)
		}
		whole[filepath.Base(path)] = mustReadFile(t, path)
		return out
	}
	// boundary counts the frames at the start of a part that are not
	// expected to decode alike: reservoir-starved ones and 4 more.
	boundary := func(part []byte) int {
		s, err := mp3.Parse(part)
		if err != nil {
			t.Fatal(err)
		}
		return s.DetachReservoir() + 4
	}
	cases := []struct {
		name  string
		parts [][]byte
		whole string // the stream the parts were cut from
	}{
		{"M2L3_bitrate_22_all in 3", split(filepath.Join(dir, "minimp3/M2L3_bitrate_22_all.bit"), 3), "M2L3_bitrate_22_all.bit"},
		{"M2L3_bitrate_16_all in 3", split(filepath.Join(dir, "minimp3/M2L3_bitrate_16_all.bit"), 3), "M2L3_bitrate_16_all.bit"},
		{"M2L3_noise (joint stereo) in 2", split(filepath.Join(dir, "minimp3/M2L3_noise.bit"), 2), "M2L3_noise.bit"},
		{"go-mp3 speech in 4", split(filepath.Join(dir, "go-mp3/mpeg2.mp3"), 4), "mpeg2.mp3"},
		{"M2L3_bitrate_24_all + M2L3_compl24", [][]byte{
			mustReadFile(t, filepath.Join(dir, "minimp3/M2L3_bitrate_24_all.bit")),
			mustReadFile(t, filepath.Join(dir, "minimp3/M2L3_compl24.bit"))}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var segs []Segment
			for _, p := range tc.parts {
				segs = append(segs, BytesSegment(speech.Audio{Format: speech.MP3, Data: p}, 0))
			}
			out, res := join(t, segs, Options{})
			ch := res.Format.Mode.Channels()
			spf := res.Format.Samples()
			joined := decodeAll(t, out, ch)[spf*ch:] // go-mp3 plays the header frame as silence
			var original []int16
			if tc.whole != "" {
				original = decodeAll(t, whole[tc.whole], ch)
			}
			pos := 0
			for i, p := range tc.parts {
				alone := decodeAll(t, p, ch)
				skip := boundary(p) * spf * ch
				if i == 0 {
					skip = 0
				}
				if original != nil {
					if v := psnr(joined[pos+skip:pos+len(alone)], original[pos+skip:pos+len(alone)]); v < 96 {
						t.Errorf("part %d: PSNR %.1f dB against the uncut stream", i, v)
					}
				}
				if pos+len(alone) > len(joined) {
					t.Fatalf("part %d: joined output too short (%d < %d)", i, len(joined), pos+len(alone))
				}
				got := joined[pos+skip : pos+len(alone)]
				want := alone[skip:]
				if v := psnr(got, want); v < 96 {
					t.Errorf("part %d: PSNR %.1f dB against decoding it alone", i, v)
				}
				pos += len(alone)
			}
			if pos != len(joined) {
				t.Errorf("joined decodes to %d samples, parts to %d", len(joined), pos)
			}
			independentChecks(t, out, res)
		})
	}
}

func mustReadFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
