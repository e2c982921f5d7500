package episode

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/mp3/mp3test"
	"github.com/aloud-dev/aloud/internal/speech"
)

// encoding is one LAME encoding of the matrix the join is held to.
type encoding struct {
	rate, channels int
	opts           []string
}

func (e encoding) String() string {
	return fmt.Sprintf("%d Hz ch%d %v", e.rate, e.channels, e.opts)
}

// encodingMatrix is MPEG-1, 2 and 2.5 × CBR low, CBR high and VBR × mono
// and joint stereo.
func encodingMatrix() []encoding {
	var m []encoding
	for _, rate := range []int{11025, 22050, 44100} {
		low, high := "16", "64"
		switch rate {
		case 44100:
			low, high = "48", "160"
		case 11025:
			low, high = "8", "32"
		}
		for _, ch := range []int{1, 2} {
			m = append(m, encoding{rate, ch, []string{"--cbr", "-b", low}}, encoding{rate, ch, []string{"--cbr", "-b", high}}, encoding{rate, ch, []string{"-V", "5"}})
		}
	}
	return m
}

func needTools(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
}

// TestLoudnessMatrix joins three segments of every encoding of the matrix
// with a loudness target and measures the file with ffmpeg's ebur128:
// the loudness lands within 0.5 LU of the target and the true peak at or
// below −1 dBTP, with one gain (the signal's peaks allow it).
func TestLoudnessMatrix(t *testing.T) {
	needTools(t, "lame", "ffmpeg")
	for _, e := range encodingMatrix() {
		t.Run(e.String(), func(t *testing.T) {
			var segs []Segment
			for i := range 3 {
				pcm := mp3test.SpeechLike(e.rate, e.channels, 1.2+0.3*float64(i))
				for k := range pcm {
					pcm[k] = int16(float64(pcm[k]) * 0.35) // about −26 LUFS: a 10 dB gain to find
				}
				data := mp3test.LameEncode(t, pcm, e.rate, e.channels, e.opts...)
				segs = append(segs, BytesSegment(speech.Audio{Format: speech.MP3, Data: data}, 400*time.Millisecond))
			}
			out, res := join(t, segs, Options{TargetLUFS: -16, MaxTruePeak: -1, Encoder: &mp3.Lame{}})
			lufs, peak := ebur128(t, out)
			l := res.Loudness
			t.Logf("input %.2f LUFS %.2f dBTP; predicted %.2f LUFS %.2f dBTP; ffmpeg %.1f LUFS %.1f dBTP",
				l.InputLUFS, l.InputTruePeak, l.OutputLUFS, l.OutputPeak, lufs, peak)
			if l.PeakLimited {
				t.Fatalf("peak-limited: the test signal should allow one gain")
			}
			if math.Abs(lufs+16) > 0.5 {
				t.Errorf("ffmpeg measures %.1f LUFS, want −16 ± 0.5", lufs)
			}
			if peak > -1 {
				t.Errorf("ffmpeg measures a true peak of %.1f dBTP, ceiling −1", peak)
			}
		})
	}
}

// TestJoinMixedFormats joins a main format with a segment of every other
// format of the matrix between its segments: the odd one is re-encoded
// to the main format (rate, channels and, for a constant bitrate, the
// bitrate), the others are copied, and the file decodes to the length
// the result states.
func TestJoinMixedFormats(t *testing.T) {
	needTools(t, "lame")
	m := encodingMatrix()
	formats := []encoding{m[0], m[3], m[6], m[9], m[12], m[15]} // each rate, mono and stereo, CBR low
	pairs := 0
	for _, main := range formats {
		for _, odd := range formats {
			if main.rate == odd.rate && main.channels == odd.channels {
				continue
			}
			pairs++
			t.Run(main.String()+" + "+odd.String(), func(t *testing.T) {
				mk := func(e encoding, seconds float64) Segment {
					data := mp3test.LameEncode(t, mp3test.SpeechLike(e.rate, e.channels, seconds), e.rate, e.channels, e.opts...)
					return BytesSegment(speech.Audio{Format: speech.MP3, Data: data}, 300*time.Millisecond)
				}
				segs := []Segment{mk(main, 2), mk(odd, 1), mk(main, 2)}
				out, res := join(t, segs, Options{Encoder: &mp3.Lame{}})
				if fmt.Sprint(res.Reencoded) != "[1]" {
					t.Errorf("re-encoded %v, want [1]", res.Reencoded)
				}
				if res.Format.RateHz != main.rate || res.Format.Mode.Channels() != main.channels {
					t.Errorf("episode format %v, want %d Hz, %d channels", res.Format, main.rate, main.channels)
				}
				pcm, rate, ch, err := mp3.DecodeAll(context.Background(), out, nil)
				if err != nil {
					t.Fatal(err)
				}
				st, _ := mp3.Parse(out)
				if rate != main.rate || ch != main.channels || len(pcm) != st.Samples()*ch {
					t.Errorf("decodes to %d samples at %d Hz × %d, the frames hold %d", len(pcm)/ch, rate, ch, st.Samples())
				}
			})
		}
	}
	if pairs < 30 {
		t.Fatalf("only %d pairs", pairs)
	}
}

// TestJoinLayerIIAndSingleFrames joins speech with a Layer II segment
// (ffmpeg's mp2 encoder) and with a segment of one frame: the Layer II
// one is decoded by LAME's decoder and re-encoded, the single frame is
// copied, and nothing fails the join.
func TestJoinLayerIIAndSingleFrames(t *testing.T) {
	needTools(t, "lame", "ffmpeg")
	speechSeg := func(seconds float64) []byte {
		return mp3test.LameEncode(t, mp3test.SpeechLike(22050, 1, seconds), 22050, 1, "--cbr", "-b", "48")
	}
	main := speechSeg(2)
	// One frame of the same format, no header frame.
	st, err := mp3.Parse(speechSeg(0.5))
	if err != nil {
		t.Fatal(err)
	}
	single := append([]byte(nil), st.Frames[3].Data...)
	// Layer II at 44.1 kHz stereo.
	dir := t.TempDir()
	wav := filepath.Join(dir, "in.wav")
	mp2 := filepath.Join(dir, "in.mp2")
	if out, err := exec.Command("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=1:sample_rate=44100", "-ac", "2", wav).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg: %v %s", err, out)
	}
	if out, err := exec.Command("ffmpeg", "-v", "error", "-i", wav, "-c:a", "mp2", "-b:a", "192k", mp2).CombinedOutput(); err != nil {
		t.Fatalf("ffmpeg mp2: %v %s", err, out)
	}
	layer2, err := os.ReadFile(mp2)
	if err != nil {
		t.Fatal(err)
	}
	segs := []Segment{
		BytesSegment(speech.Audio{Format: speech.MP3, Data: main}, 0),
		BytesSegment(speech.Audio{Format: speech.MP3, Data: single}, 300*time.Millisecond),
		BytesSegment(speech.Audio{Format: speech.MP3, Data: layer2}, 300*time.Millisecond),
		BytesSegment(speech.Audio{Format: speech.MP3, Data: main}, 300*time.Millisecond),
	}
	for _, target := range []float64{0, -16} {
		out, res := join(t, segs, Options{Encoder: &mp3.Lame{}, TargetLUFS: target})
		if fmt.Sprint(res.Reencoded) != "[2]" {
			t.Errorf("target %v: re-encoded %v, want [2] (the Layer II segment)", target, res.Reencoded)
		}
		if !bytes.Contains(out, single[4:]) && target == 0 {
			t.Error("the single frame was not copied")
		}
		if res.Segments[1].End-res.Segments[1].Start > 30*time.Millisecond {
			t.Errorf("the single frame lasts %v", res.Segments[1].End-res.Segments[1].Start)
		}
		if d := res.Segments[2].End - res.Segments[2].Start; d < 900*time.Millisecond || d > 1100*time.Millisecond {
			t.Errorf("the Layer II second lasts %v", d)
		}
	}
}

// TestJoinIsGapless joins LAME-encoded tone bursts that start and stop
// sharply, with pauses between them, decodes the episode with ffmpeg
// (which plays it gapless, as podcast apps do) and finds each burst: the
// silence between two bursts is the pause asked for, to within half a
// frame (pauses are whole frames) and the encoder's smearing of the
// edges; each segment's timing (what cues and chapters use) is where its
// burst is heard, to within 15 ms.
func TestJoinIsGapless(t *testing.T) {
	needTools(t, "lame", "ffmpeg")
	const rate = 22050
	burst := func(freq float64, seconds float64) []int16 {
		n := int(seconds * rate)
		pcm := make([]int16, n)
		for i := range pcm {
			pcm[i] = int16(12000 * math.Sin(2*math.Pi*freq*float64(i)/rate))
		}
		return pcm
	}
	pauses := []time.Duration{0, 300 * time.Millisecond, 700 * time.Millisecond, 250 * time.Millisecond}
	var segs []Segment
	for i, p := range pauses {
		pcm := burst(300+100*float64(i), 0.6+0.1*float64(i))
		raw := make([]byte, 2*len(pcm))
		for k, v := range pcm {
			raw[2*k], raw[2*k+1] = byte(v), byte(uint16(v)>>8)
		}
		// As the pipeline encodes a local voice's PCM: with a LAME tag
		// stating the delay and padding.
		data, err := (&mp3.Lame{BitrateKbps: 48}).EncodePCM(context.Background(), raw, rate, 1)
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, BytesSegment(speech.Audio{Format: speech.MP3, Data: data}, p))
	}
	out, res := join(t, segs, Options{})
	pcm := ffmpegFloat(t, out)
	// Where the sound is: 5 ms windows above −30 dBFS.
	win := rate / 200
	var on []bool
	for k := 0; (k+1)*win <= len(pcm); k++ {
		e := 0.0
		for _, v := range pcm[k*win : (k+1)*win] {
			e += float64(v) * float64(v)
		}
		on = append(on, e/float64(win) > 0.001)
	}
	type span struct{ start, end time.Duration }
	var bursts []span
	for k := 0; k < len(on); k++ {
		if on[k] && (k == 0 || !on[k-1]) {
			bursts = append(bursts, span{start: time.Duration(k*win) * time.Second / rate})
		}
		if on[k] && (k == len(on)-1 || !on[k+1]) && len(bursts) > 0 {
			bursts[len(bursts)-1].end = time.Duration((k+1)*win) * time.Second / rate
		}
	}
	if len(bursts) != len(segs) {
		t.Fatalf("ffmpeg's decode has %d bursts, want %d: %v", len(bursts), len(segs), bursts)
	}
	frame := time.Duration(576) * time.Second / rate
	for i := 1; i < len(bursts); i++ {
		gap := bursts[i].start - bursts[i-1].end
		if d := gap - pauses[i]; d < -frame/2-10*time.Millisecond || d > frame/2+10*time.Millisecond {
			t.Errorf("silence before segment %d: %v, asked for %v", i, gap, pauses[i])
		}
	}
	for i, b := range bursts {
		tm := res.Segments[i]
		if d := tm.Start - b.start; d < -15*time.Millisecond || d > 15*time.Millisecond {
			t.Errorf("segment %d: timing starts at %v, heard at %v", i, tm.Start, b.start)
		}
		if d := tm.End - b.end; d < -15*time.Millisecond || d > 15*time.Millisecond {
			t.Errorf("segment %d: timing ends at %v, heard until %v", i, tm.End, b.end)
		}
	}
}

// ffmpegFloat decodes an MP3 with ffmpeg (gapless) to mono float.
func ffmpegFloat(t *testing.T, mp3data []byte) []float32 {
	t.Helper()
	cmd := exec.Command("ffmpeg", "-v", "error", "-f", "mp3", "-i", "-", "-ac", "1", "-f", "f32le", "-")
	cmd.Stdin = bytes.NewReader(mp3data)
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("ffmpeg: %v", err)
	}
	out := make([]float32, len(b)/4)
	for i := range out {
		out[i] = math.Float32frombits(uint32(b[4*i]) | uint32(b[4*i+1])<<8 | uint32(b[4*i+2])<<16 | uint32(b[4*i+3])<<24)
	}
	return out
}

// TestShortFileLoudness: a file shorter than one 400 ms measuring block
// still gets a gain, and its true peak stays under the ceiling (ffmpeg's
// ebur128 measures the peak; it cannot measure such a file's loudness).
func TestShortFileLoudness(t *testing.T) {
	needTools(t, "lame", "ffmpeg")
	pcm := mp3test.SpeechLike(22050, 1, 0.3)
	for k := range pcm {
		pcm[k] = int16(min(max(float64(pcm[k])*2.5, -32768), 32767)) // peaks near full scale
	}
	data := mp3test.LameEncode(t, pcm, 22050, 1, "--cbr", "-b", "64")
	out, res := join(t, []Segment{BytesSegment(speech.Audio{Format: speech.MP3, Data: data}, 0)}, Options{TargetLUFS: -16, MaxTruePeak: -1})
	l := res.Loudness
	if l == nil || l.InputLUFS == -99 {
		t.Fatalf("the short file was not measured: %+v", l)
	}
	_, peak := ebur128(t, out)
	t.Logf("input %.2f LUFS %.2f dBTP, gain %.2f dB; ffmpeg true peak %.1f dBTP", l.InputLUFS, l.InputTruePeak, l.GainDB, peak)
	if peak > -1 {
		t.Errorf("ffmpeg measures a true peak of %.1f dBTP, ceiling −1", peak)
	}
	if l.GainDB >= 0 {
		t.Errorf("a file peaking near full scale got a gain of %+.1f dB", l.GainDB)
	}
}
