package episode

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bogem/id3v2/v2"
	gomp3 "github.com/hajimehoshi/go-mp3"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/espeak"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

func espeakSegments(t *testing.T, texts ...string) []speech.Audio {
	t.Helper()
	cfg := espeak.NewConfig()
	cfg.Encoder = &mp3.Lame{}
	syn, err := espeak.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var out []speech.Audio
	for _, tx := range texts {
		a, err := syn.Synthesize(context.Background(), speech.Request{Text: tx})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// decodedSeconds decodes with go-mp3, which plays the header frame as one
// silent frame; that frame is subtracted.
func decodedSeconds(t *testing.T, b []byte, headerFrame bool) float64 {
	t.Helper()
	d, err := gomp3.NewDecoder(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, d)
	if err != nil {
		t.Fatal(err)
	}
	samples := n / 4
	if headerFrame {
		samples -= 576
	}
	return float64(samples) / float64(d.SampleRate())
}

func TestJoinRealSegments(t *testing.T) {
	texts := []string{"Riverside library stays open late.", "This audio was created with AI assistance.", "The branch had closed at six since the spring."}
	audios := espeakSegments(t, texts...)
	pauses := []time.Duration{0, 250 * time.Millisecond, 900 * time.Millisecond}
	var segs []Segment
	wantSeconds := 0.0
	prevPad := 0
	for i, a := range audios {
		segs = append(segs, BytesSegment(a, pauses[i]))
		wantSeconds += decodedSeconds(t, a.Data, true) + pauses[i].Seconds()
		// A pause takes in the encoder padding before it and delay after
		// it: the episode is gapless inside.
		st, err := mp3.Parse(a.Data)
		if err != nil || st.Header == nil || !st.Header.DelayPad {
			t.Fatalf("segment %d has no LAME tag", i)
		}
		if pauses[i] > 0 {
			wantSeconds -= float64(prevPad+st.Header.Delay) / 22050
		}
		prevPad = st.Header.Padding
	}
	date := time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC)
	out, res := join(t, segs, Options{Tags: Tags{Title: "Riverside", Author: "Dana", Publication: "Courier", Date: date},
		Chapters: []Chapter{{Segment: 0, Title: "Introduction"}, {Segment: 2, Title: "Body", URL: "https://courier.example.com/body"}}})
	if int64(len(out)) != res.SizeBytes {
		t.Errorf("size %d, wrote %d", res.SizeBytes, len(out))
	}
	st, err := mp3.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	// Pauses are rounded to whole frames: 26 ms each at most. Decoders
	// that do not trim give frames × 576; gapless players drop the
	// encoder delay and padding the header declares.
	frame := 576.0 / 22050
	trim := float64(st.Header.Delay+st.Header.Padding) / 22050
	decoded := decodedSeconds(t, out, true)
	if d := decoded - wantSeconds; math.Abs(d) > 2*frame {
		t.Errorf("decodes to %.3f s, segments plus pauses %.3f s", decoded, wantSeconds)
	}
	if got := decoded - trim; math.Abs(got-res.Duration.Seconds()) > 1e-6 {
		t.Errorf("go-mp3 decodes %.4f s less %.4f s trim, result says %.4f s", decoded, trim, res.Duration.Seconds())
	}
	h := st.Header
	if h == nil || h.Kind != "Info" || h.Frames != res.Frames || h.Frames != len(st.Frames) || !h.DelayPad || h.Delay != 576 {
		t.Errorf("header %+v, %d frames, want Info with %d frames and LAME delay", h, len(st.Frames), res.Frames)
	}
	last, _ := mp3.Parse(audios[2].Data)
	if h.Padding != last.Header.Padding {
		t.Errorf("padding %d, want the last segment's %d", h.Padding, last.Header.Padding)
	}
	if len(res.Segments) != 3 || res.Segments[0].Start != 0 || res.Segments[2].End != res.Duration {
		t.Errorf("timings %+v", res.Segments)
	}
	if len(res.Chapters) != 2 || res.Chapters[0].Start != 0 || res.Chapters[1].Start != res.Segments[1].End ||
		res.Chapters[0].End != res.Chapters[1].Start || res.Chapters[1].End != res.Duration {
		t.Errorf("chapters %+v", res.Chapters)
	}
	for i := 1; i < 3; i++ {
		gap := res.Segments[i].Start - res.Segments[i-1].End
		if math.Abs(gap.Seconds()-pauses[i].Seconds()) > frame/2+1e-9 {
			t.Errorf("gap before segment %d is %v, want %v", i, gap, pauses[i])
		}
	}

	tag, err := id3v2.ParseReader(bytes.NewReader(out), id3v2.Options{Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	if tag.Version() != 4 || tag.Title() != "Riverside" || tag.Artist() != "Dana" || tag.Album() != "Courier" ||
		tag.GetTextFrame("TDRC").Text != "2026-11-20T08:30:00" {
		t.Errorf("tags v%d %q %q %q %q", tag.Version(), tag.Title(), tag.Artist(), tag.Album(), tag.GetTextFrame("TDRC").Text)
	}
	chaps := tag.GetFrames("CHAP")
	if len(chaps) != 2 || len(tag.GetFrames("CTOC")) != 1 {
		t.Errorf("%d CHAP and %d CTOC frames", len(chaps), len(tag.GetFrames("CTOC")))
	} else if c := chaps[1].(id3v2.ChapterFrame); c.Title.Text != "Body" || c.StartTime.Milliseconds() != res.Chapters[1].Start.Milliseconds() {
		t.Errorf("chapter %+v", c)
	}

	independentChecks(t, out, res)
}

// join writes the episode to a temporary file and returns its bytes.
func join(t *testing.T, segs []Segment, o Options) ([]byte, Result) {
	t.Helper()
	f, err := os.Create(filepath.Join(t.TempDir(), "episode.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := Join(context.Background(), f, segs, o)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return b, res
}

// independentChecks runs Debian's ffprobe, ffmpeg and mp3val on the file
// when they are installed (CI installs them): ffprobe's duration is the
// stream's (frames × 576, as the Xing header counts them); ffmpeg's decode
// trims the encoder delay and padding the LAME tag declares, as aloud's
// Duration does. Each must agree within one frame.
func independentChecks(t *testing.T, b []byte, res Result) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "episode.mp3")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	frame := float64(res.Format.Samples()) / float64(res.Format.RateHz)
	streamSeconds := float64(res.Frames) * frame
	if _, err := exec.LookPath("ffprobe"); err == nil {
		out, err := exec.Command("ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", path).Output()
		if err != nil {
			t.Fatalf("ffprobe: %v", err)
		}
		var probe struct {
			Format struct {
				Duration string `json:"duration"`
			} `json:"format"`
			Streams []struct {
				SampleRate string `json:"sample_rate"`
				Channels   int    `json:"channels"`
			} `json:"streams"`
		}
		json.Unmarshal(out, &probe)
		d, _ := strconv.ParseFloat(probe.Format.Duration, 64)
		if math.Abs(d-streamSeconds) > frame {
			t.Errorf("ffprobe duration %.3f s, the Xing header's %d frames make %.3f s", d, res.Frames, streamSeconds)
		}
		if len(probe.Streams) != 1 || probe.Streams[0].SampleRate != fmt.Sprint(res.Format.RateHz) || probe.Streams[0].Channels != res.Format.Mode.Channels() {
			t.Errorf("ffprobe streams %+v", probe.Streams)
		}
	} else {
		t.Log("ffprobe not installed: skipping the independent duration check")
	}
	if _, err := exec.LookPath("ffmpeg"); err == nil {
		out, err := exec.Command("ffmpeg", "-hide_banner", "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-").Output()
		if err != nil {
			t.Fatalf("ffmpeg: %v", err)
		}
		played := float64(len(out)/2) / float64(res.Format.RateHz)
		if math.Abs(played-res.Duration.Seconds()) > frame {
			t.Errorf("ffmpeg decodes %.3f s (gapless), aloud says %.3f s", played, res.Duration.Seconds())
		}
	}
	if _, err := exec.LookPath("mp3val"); err == nil {
		out, _ := exec.Command("mp3val", path).CombinedOutput()
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "No supported tags") {
				continue // an episode written without any tag
			}
			if strings.HasPrefix(l, "WARNING") || strings.HasPrefix(l, "ERROR") || strings.HasPrefix(l, "PROBLEM") {
				t.Errorf("mp3val: %s", l)
			}
		}
	}
}

func TestJoinErrors(t *testing.T) {
	mono22 := mp3.Must(mp3.Silence(mp3.Format{Version: mp3.MPEG2, Layer: 3, RateHz: 22050, Mode: mp3.Mono}, 48, 10))
	stereo44 := mp3.Must(mp3.Silence(mp3.Format{Version: mp3.MPEG1, Layer: 3, RateHz: 44100, Mode: mp3.Stereo}, 128, 10))
	seg := func(f speech.Format, b []byte) Segment { return BytesSegment(speech.Audio{Format: f, Data: b}, 0) }
	tests := []struct {
		name string
		segs []Segment
		want string
	}{
		{"none", nil, "no segments"},
		{"wav without encoder", []Segment{seg(speech.WAV, []byte("RIFF"))}, "segment 0 is WAV"},
		{"garbage", []Segment{seg(speech.MP3, []byte("<html>error</html>"))}, "segment 0: no MPEG audio frames"},
		{"truncated", []Segment{seg(speech.MP3, mono22[:100])}, "segment 0: no MPEG audio frames"},
		{"mismatch without encoder", []Segment{seg(speech.MP3, mono22), seg(speech.MP3, stereo44[:418*3])}, "segment 1 is MPEG-1"},
		{"directory", []Segment{{Path: t.TempDir(), Format: speech.MP3}}, "is a directory"},
		{"missing file", []Segment{{Path: "/nonexistent/seg.mp3", Format: speech.MP3}}, "segment 0: open /nonexistent/seg.mp3: no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := os.Create(filepath.Join(t.TempDir(), "out.mp3"))
			defer f.Close()
			_, err := Join(context.Background(), f, tc.segs, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if st, _ := f.Stat(); st.Size() != 0 {
				t.Errorf("wrote %d bytes on error", st.Size())
			}
			var se *SegmentError
			if tc.name != "none" && !errors.As(err, &se) {
				t.Errorf("%v is not a *SegmentError", err)
			}
			if tc.name == "mismatch without encoder" && !errors.Is(err, ErrMismatch) {
				t.Errorf("not ErrMismatch: %v", err)
			}
		})
	}
}

// ebur128 measures a file with ffmpeg's EBU R128 meter: integrated loudness
// and true peak.
func ebur128(t *testing.T, b []byte) (lufs, peak float64) {
	t.Helper()
	if _, err := exec.LookPath("ffmpeg"); err != nil {
		t.Skip("ffmpeg not installed")
	}
	path := filepath.Join(t.TempDir(), "m.mp3")
	os.WriteFile(path, b, 0o644)
	out, err := exec.Command("ffmpeg", "-hide_banner", "-nostats", "-i", path, "-af", "ebur128=peak=true", "-f", "null", "-").CombinedOutput()
	if err != nil {
		t.Fatalf("ffmpeg: %v\n%s", err, out)
	}
	s := string(out)
	summary := s[strings.LastIndex(s, "Summary:"):]
	for _, l := range strings.Split(summary, "\n") {
		f := strings.Fields(l)
		if len(f) >= 2 && f[0] == "I:" {
			lufs, _ = strconv.ParseFloat(f[1], 64)
		}
		if len(f) >= 2 && f[0] == "Peak:" {
			peak, _ = strconv.ParseFloat(f[1], 64)
		}
	}
	return lufs, peak
}

// TestJoinLoudness brings espeak-ng speech to three targets, as one gain
// and with the limiter, and checks the result with ffmpeg's ebur128 (an
// independent meter, on the encoded file): the true peak never passes
// −1 dBTP; one gain lands within 0.5 LU of the target, or, when the
// speech's peaks forbid that, within 0.5 LU of the loudness the ceiling
// allows, reported as peak-limited; the limiter lands within 0.5 LU of
// the target. aloud's prediction agrees with ffmpeg within 0.5 LU.
func TestJoinLoudness(t *testing.T) {
	texts := []string{"The council will review the arrangement in March.", "Officials said they would consider restoring paid evening hours.",
		"Anyone who wants to volunteer can leave their name at the front desk.", "Evening visits rose by a third, and the homework club now meets twice a week."}
	audios := espeakSegments(t, texts...)
	var segs []Segment
	for _, a := range audios {
		segs = append(segs, BytesSegment(a, 700*time.Millisecond))
	}
	for _, target := range []float64{-16, -20, -24} {
		for _, compress := range []bool{false, true} {
			t.Run(fmt.Sprintf("%v compress=%v", target, compress), func(t *testing.T) {
				out, res := join(t, segs, Options{TargetLUFS: target, MaxTruePeak: -1, Compress: compress})
				l := res.Loudness
				if l == nil {
					t.Fatal("no loudness reported")
				}
				lufs, peak := ebur128(t, out)
				t.Logf("aloud measured input %.2f LUFS %.2f dBTP, predicts %.2f LUFS %.2f dBTP (peak-limited %v); ffmpeg measures %.1f LUFS %.1f dBTP",
					l.InputLUFS, l.InputTruePeak, l.OutputLUFS, l.OutputPeak, l.PeakLimited, lufs, peak)
				if peak > -1 {
					t.Errorf("ffmpeg measures a true peak of %.1f dBTP, ceiling −1", peak)
				}
				reachable := min(target, -1-truePeakMarginDB-(l.InputTruePeak-l.InputLUFS))
				want := target
				if !compress && l.PeakLimited {
					want = reachable
				}
				if math.Abs(lufs-want) > 0.5+mp3.GainStepDB/2 && (compress || !l.PeakLimited) {
					t.Errorf("ffmpeg measures %.1f LUFS, want %.1f", lufs, want)
				}
				if compress && math.Abs(lufs-target) > 0.5 {
					t.Errorf("with the limiter: ffmpeg measures %.1f LUFS, target %v", lufs, target)
				}
				if !compress && !l.PeakLimited && math.Abs(lufs-target) > 0.5 {
					t.Errorf("one gain, not peak-limited: ffmpeg measures %.1f LUFS, target %v", lufs, target)
				}
				if l.PeakLimited && lufs > target {
					t.Errorf("reported peak-limited but ffmpeg measures %.1f LUFS, above the target", lufs)
				}
				if math.Abs(l.OutputLUFS-lufs) > 0.5 {
					t.Errorf("predicted %.2f LUFS, ffmpeg measures %.1f", l.OutputLUFS, lufs)
				}
				independentChecks(t, out, res)
			})
		}
	}
	// The input as joined, measured by aloud and by ffmpeg.
	out, _ := join(t, segs, Options{})
	in, _ := ebur128(t, out)
	_, res := join(t, segs, Options{TargetLUFS: -16})
	if math.Abs(res.Loudness.InputLUFS-in) > 0.3 {
		t.Errorf("aloud measures %.2f LUFS as joined, ffmpeg %.1f", res.Loudness.InputLUFS, in)
	}
}

// TestJoinMismatched joins a 44.1 kHz stereo jingle (LAME from a tone) with
// speech at 22.05 kHz mono: the jingle is the minority and is re-encoded;
// the speech keeps its frames bit for bit.
func TestJoinMismatched(t *testing.T) {
	audios := espeakSegments(t, "The first sentence of speech.", "And a second one after the jingle.")
	pcm := make([]byte, 0, 44100*4)
	for i := range 44100 / 2 {
		v := int16(6000 * math.Sin(2*math.Pi*660*float64(i)/44100))
		pcm = append(pcm, byte(v), byte(uint16(v)>>8), byte(v), byte(uint16(v)>>8))
	}
	jingle, err := (&mp3.Lame{BitrateKbps: 128}).EncodePCM(context.Background(), pcm, 44100, 2)
	if err != nil {
		t.Fatal(err)
	}
	wavData := append([]byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80\x3e\x00\x00\x00\x7d\x00\x00\x02\x00\x10\x00data\x00\x7d\x00\x00"), make([]byte, 32000)...)
	segs := []Segment{
		BytesSegment(speech.Audio{Format: speech.MP3, Data: jingle}, 0),
		BytesSegment(audios[0], 300*time.Millisecond),
		BytesSegment(speech.Audio{Format: speech.WAV, Data: wavData}, 300*time.Millisecond), // 1 s of 16 kHz silence
		BytesSegment(audios[1], 300*time.Millisecond),
	}
	out, res := join(t, segs, Options{Encoder: &mp3.Lame{}})
	if fmt.Sprint(res.Reencoded) != "[0 2]" {
		t.Errorf("re-encoded %v, want [0 2]", res.Reencoded)
	}
	if res.Format.RateHz != 22050 || res.Format.Mode != mp3.Mono {
		t.Errorf("episode format %v", res.Format)
	}
	st, err := mp3.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	// The speech frames are in the output unchanged.
	sp, _ := mp3.Parse(audios[0].Data)
	if !bytes.Contains(out, sp.Frames[5].Data) {
		t.Error("speech frames were not copied bit for bit")
	}
	// The jingle lasts half a second; the WAV one second.
	if d := res.Segments[0].End - res.Segments[0].Start; math.Abs(d.Seconds()-0.5) > 0.08 {
		t.Errorf("jingle lasts %v", d)
	}
	if d := res.Segments[2].End - res.Segments[2].Start; math.Abs(d.Seconds()-1) > 0.08 {
		t.Errorf("WAV segment lasts %v", d)
	}
	if st.FrameCount() != res.Frames {
		t.Errorf("%d frames, result says %d", st.FrameCount(), res.Frames)
	}
	independentChecks(t, out, res)
}

func TestResampleTone(t *testing.T) {
	// A 1 kHz tone at 44.1 kHz stereo to 22.05 kHz mono keeps its level
	// and frequency; a 15 kHz tone (above the new Nyquist) is removed,
	// not folded back as an alias.
	tone := func(freq float64) []int16 {
		out := make([]int16, 2*44100)
		for i := range 44100 {
			v := int16(10000 * math.Sin(2*math.Pi*freq*float64(i)/44100))
			out[2*i], out[2*i+1] = v, v
		}
		return out
	}
	rms := func(x []int16) float64 {
		s := 0.0
		for _, v := range x[2000 : len(x)-2000] {
			s += float64(v) * float64(v)
		}
		return math.Sqrt(s / float64(len(x)-4000))
	}
	low := resample(tone(1000), 44100, 2, 22050, 1)
	if len(low) != 22050 {
		t.Fatalf("%d samples, want 22050", len(low))
	}
	if r := rms(low); math.Abs(r-10000/math.Sqrt2) > 150 {
		t.Errorf("1 kHz RMS %.0f, want %.0f", r, 10000/math.Sqrt2)
	}
	if r := rms(resample(tone(15000), 44100, 2, 22050, 1)); r > 100 {
		t.Errorf("15 kHz tone leaks through at RMS %.0f (aliasing)", r)
	}
	up := resample(low, 22050, 1, 24000, 2)
	if len(up) != 2*24000 {
		t.Errorf("%d samples, want %d", len(up), 2*24000)
	}
}

func TestCuesAndChapters(t *testing.T) {
	chunks := []script.Chunk{
		{Text: "Title. By Someone."},
		{Text: "First sentence here. Second sentence, a bit longer than the first one."},
	}
	timings := []Timing{
		{Start: 0, End: 2 * time.Second},
		{Start: 3 * time.Second, End: 9 * time.Second, Silences: []time.Duration{4500 * time.Millisecond}},
	}
	cues := Cues(chunks, timings)
	if len(cues) != 4 {
		t.Fatalf("cues %+v", cues)
	}
	if cues[2].Start != 3*time.Second || cues[2].End != 4500*time.Millisecond || cues[3].Start != cues[2].End || cues[3].End != 9*time.Second {
		t.Errorf("cues not snapped to the silence: %+v", cues[2:])
	}
	// The voice's sentence marks win over proportions and silences.
	timings[1].Sentences = []time.Duration{3700 * time.Millisecond}
	if cues := Cues(chunks, timings); cues[2].End != 3700*time.Millisecond || cues[3].Start != 3700*time.Millisecond {
		t.Errorf("cues not at the sentence mark: %+v", cues[2:])
	}
	// A mark count that does not match the script's sentences is ignored.
	timings[1].Sentences = []time.Duration{3700 * time.Millisecond, 3800 * time.Millisecond}
	if cues := Cues(chunks, timings); cues[2].End != 4500*time.Millisecond {
		t.Errorf("mismatched marks used: %+v", cues[2:])
	}
	vtt := string(WriteVTT([]Cue{{Start: 0, End: 1500 * time.Millisecond, Text: "<b>bold</b> & --> tricky"}}, "uk"))
	want := "WEBVTT\nLanguage: uk\n\n1\n00:00:00.000 --> 00:00:01.500\n&lt;b&gt;bold&lt;/b&gt; &amp; --&gt; tricky\n"
	if vtt != want {
		t.Errorf("vtt %q, want %q", vtt, want)
	}
	b, err := ChaptersJSON([]ChapterTiming{{Title: "Intro", Start: 0, End: 2500 * time.Millisecond}})
	if err != nil || !strings.Contains(string(b), `"version": "1.2.0"`) || !strings.Contains(string(b), `"endTime": 2.5`) {
		t.Errorf("chapters %s %v", b, err)
	}
}

func TestParseVTTRoundTrip(t *testing.T) {
	cues := []Cue{{0, 1500 * time.Millisecond, "One <b> & two."}, {1500 * time.Millisecond, 3723004 * time.Millisecond, "Three --> four"}}
	got, err := ParseVTT(WriteVTT(cues, "de-AT"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != cues[0] || got[1].End != cues[1].End || got[1].Text != "Three --> four" {
		t.Errorf("got %+v", got)
	}
	for _, bad := range []string{"", "hello", "WEBVTT\n\n00:01.000 --> 00:00.000\nbackwards", "WEBVTT\n\nxx --> yy\nt"} {
		if _, err := ParseVTT([]byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParseVTT(f *testing.F) {
	f.Add([]byte("WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.500\nHello &amp; bye\n"))
	f.Add([]byte("WEBVTT\n\n00:01.000 --> 00:02.000 align:start\nx"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cues, err := ParseVTT(b)
		if err != nil {
			return
		}
		for _, c := range cues {
			if c.End < c.Start {
				t.Fatalf("cue %+v ends before it starts", c)
			}
		}
	})
}

// TestJoinRestartsOnMismatch: the fast path assumes the first segment's
// format; a jingle in another format first makes it start again, and the
// rewritten file holds nothing of the abandoned attempt.
func TestJoinRestartsOnMismatch(t *testing.T) {
	audios := espeakSegments(t, "Speech after a jingle.", "And more speech, long enough to be the majority of the audio.")
	pcm := make([]byte, 0, 44100)
	for i := range 44100 / 4 {
		v := int16(6000 * math.Sin(2*math.Pi*440*float64(i)/44100))
		pcm = append(pcm, byte(v), byte(uint16(v)>>8), byte(v), byte(uint16(v)>>8))
	}
	jingle, err := (&mp3.Lame{BitrateKbps: 320}).EncodePCM(context.Background(), pcm, 44100, 2)
	if err != nil {
		t.Fatal(err)
	}
	segs := []Segment{
		BytesSegment(speech.Audio{Format: speech.MP3, Data: jingle}, 0),
		BytesSegment(audios[0], 200*time.Millisecond),
		BytesSegment(audios[1], 200*time.Millisecond),
	}
	out, res := join(t, segs, Options{Encoder: &mp3.Lame{}})
	if fmt.Sprint(res.Reencoded) != "[0]" || res.Format.RateHz != 22050 {
		t.Fatalf("re-encoded %v, format %v", res.Reencoded, res.Format)
	}
	st, err := mp3.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if st.FrameCount() != res.Frames || st.Junk != 0 || int64(len(out)) != res.SizeBytes {
		t.Errorf("file: %d frames, %d junk bytes, %d bytes; result: %d frames, %d bytes", st.FrameCount(), st.Junk, len(out), res.Frames, res.SizeBytes)
	}
	independentChecks(t, out, res)
}

// TestJoinIsDeterministic: the same segments and tags give the same bytes,
// so a re-published episode that did not change is not uploaded again.
func TestJoinIsDeterministic(t *testing.T) {
	audios := espeakSegments(t, "One sentence.", "Another sentence.")
	segs := []Segment{BytesSegment(audios[0], 0), BytesSegment(audios[1], 500*time.Millisecond)}
	o := Options{Tags: Tags{Title: "T", Author: "A", Publication: "P", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
		URL: "https://example.com/a", Comment: "c", Cover: &Cover{MIME: "image/png", Data: []byte("\x89PNG fake")}},
		Chapters: []Chapter{{Segment: 0, Title: "One"}, {Segment: 1, Title: "Two"}}, TargetLUFS: -16}
	first, _ := join(t, segs, o)
	for range 3 {
		if again, _ := join(t, segs, o); !bytes.Equal(again, first) {
			t.Fatal("joining the same segments twice gave different bytes")
		}
	}
}

// TestJoinCarriesSentenceMarks: a voice's sentence marks come out of the
// join in episode time, the first of each segment aside.
func TestJoinCarriesSentenceMarks(t *testing.T) {
	marks := []speech.Mark{{Kind: "sentence", Offset: 0}, {Kind: "word", Offset: 300 * time.Millisecond}, {Kind: "sentence", Offset: 900 * time.Millisecond}}
	segs := []Segment{
		{Audio: bytes.NewReader(speechtest.MP3), Size: int64(len(speechtest.MP3)), Format: speech.MP3},
		{Audio: bytes.NewReader(speechtest.MP3), Size: int64(len(speechtest.MP3)), Format: speech.MP3, PauseBefore: time.Second, Marks: marks},
	}
	_, res := join(t, segs, Options{})
	second := res.Segments[1]
	if len(res.Segments[0].Sentences) != 0 || len(second.Sentences) != 1 {
		t.Fatalf("sentences %v / %v", res.Segments[0].Sentences, second.Sentences)
	}
	// Within a frame (24 ms at 24 kHz) of the segment's start plus the mark.
	if d := second.Sentences[0] - second.Start - 900*time.Millisecond; d < -25*time.Millisecond || d > 25*time.Millisecond {
		t.Errorf("sentence at %s, segment starts %s: off by %s", second.Sentences[0], second.Start, d)
	}
}

// TestCuesFollowWhatWasSaid: a sentence's share of its chunk's time is
// the share of what the voice said, not of the written text.
func TestCuesFollowWhatWasSaid(t *testing.T) {
	chunks := []script.Chunk{{Text: "It cost $20.50. Fine.", Spoken: "It cost twenty dollars fifty cents. Fine."}}
	cues := Cues(chunks, []Timing{{Start: 0, End: 10 * time.Second}})
	// 35 of 41 characters said are in the first sentence.
	if len(cues) != 2 || cues[0].Text != "It cost $20.50." || cues[0].End < 8*time.Second || cues[0].End > 9*time.Second {
		t.Errorf("cues %+v", cues)
	}
}
