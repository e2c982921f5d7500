package episode

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
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
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/espeak"
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

func TestAssembleRealSegments(t *testing.T) {
	texts := []string{"Riverside library stays open late.", "This audio was created with AI assistance.", "The branch had closed at six since the spring."}
	audios := espeakSegments(t, texts...)
	pauses := []time.Duration{0, 250 * time.Millisecond, 900 * time.Millisecond}
	var segs []Segment
	wantSeconds := 0.0
	for i, a := range audios {
		segs = append(segs, Segment{Audio: a, PauseBefore: pauses[i]})
		wantSeconds += decodedSeconds(t, a.Data, true) + pauses[i].Seconds()
	}
	var buf bytes.Buffer
	date := time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC)
	res, err := Assemble(context.Background(), &buf, segs, Tags{Title: "Riverside", Author: "Dana", Publication: "Courier", Date: date})
	if err != nil {
		t.Fatal(err)
	}
	if int64(buf.Len()) != res.SizeBytes {
		t.Errorf("size %d, wrote %d", res.SizeBytes, buf.Len())
	}
	// Pauses are rounded to whole frames: 26 ms each at most.
	frame := 576.0 / 22050
	if d := res.Duration.Seconds() - wantSeconds; math.Abs(d) > 2*frame {
		t.Errorf("duration %.3f s, segments plus pauses %.3f s", res.Duration.Seconds(), wantSeconds)
	}
	if got := decodedSeconds(t, buf.Bytes(), true); math.Abs(got-res.Duration.Seconds()) > 1e-9 {
		t.Errorf("go-mp3 decodes %.4f s, result says %.4f s", got, res.Duration.Seconds())
	}

	st, err := mp3.Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
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
	for i := 1; i < 3; i++ {
		gap := res.Segments[i].Start - res.Segments[i-1].End
		if math.Abs(gap.Seconds()-pauses[i].Seconds()) > frame/2+1e-9 {
			t.Errorf("gap before segment %d is %v, want %v", i, gap, pauses[i])
		}
	}

	tag, err := id3v2.ParseReader(bytes.NewReader(buf.Bytes()), id3v2.Options{Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	if tag.Version() != 4 || tag.Title() != "Riverside" || tag.Artist() != "Dana" || tag.Album() != "Courier" ||
		tag.GetTextFrame("TDRC").Text != "2026-11-20T08:30:00" {
		t.Errorf("tags v%d %q %q %q %q", tag.Version(), tag.Title(), tag.Artist(), tag.Album(), tag.GetTextFrame("TDRC").Text)
	}

	independentChecks(t, buf.Bytes(), res.Duration.Seconds())
}

// independentChecks runs Debian's ffprobe and mp3val on the file when they
// are installed (CI installs both).
func independentChecks(t *testing.T, b []byte, seconds float64) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "episode.mp3")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
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
		// ffprobe trims the encoder delay and padding that the header
		// declares (gapless playback): at most two frames of 26 ms.
		if math.Abs(d-seconds) > 2*576.0/22050 {
			t.Errorf("ffprobe duration %.3f, want %.3f", d, seconds)
		}
		if len(probe.Streams) != 1 || probe.Streams[0].SampleRate != "22050" || probe.Streams[0].Channels != 1 {
			t.Errorf("ffprobe streams %+v", probe.Streams)
		}
	} else {
		t.Log("ffprobe not installed: skipping the independent duration check")
	}
	if _, err := exec.LookPath("mp3val"); err == nil {
		out, _ := exec.Command("mp3val", path).CombinedOutput()
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "WARNING") || strings.HasPrefix(l, "ERROR") || strings.HasPrefix(l, "PROBLEM") {
				t.Errorf("mp3val: %s", l)
			}
		}
	}
}

func TestAssembleErrors(t *testing.T) {
	mono22 := mp3.Must(mp3.Silence(mp3.Format{Version: mp3.MPEG2, Layer: 3, RateHz: 22050, Mode: mp3.Mono}, 48, 10))
	stereo44 := mp3.Must(mp3.Silence(mp3.Format{Version: mp3.MPEG1, Layer: 3, RateHz: 44100, Mode: mp3.Stereo}, 128, 10))
	tests := []struct {
		name string
		segs []Segment
		want string
	}{
		{"none", nil, "no segments"},
		{"wav", []Segment{{Audio: speech.Audio{Format: speech.WAV, Data: []byte("RIFF")}}}, "segment 0 is wav"},
		{"garbage", []Segment{{Audio: speech.Audio{Format: speech.MP3, Data: []byte("<html>error</html>")}}}, "segment 0: no MPEG audio frames"},
		{"truncated", []Segment{{Audio: speech.Audio{Format: speech.MP3, Data: mono22[:100]}}}, "segment 0: no MPEG audio frames"},
		{"mismatch", []Segment{{Audio: speech.Audio{Format: speech.MP3, Data: mono22}}, {Audio: speech.Audio{Format: speech.MP3, Data: stereo44}}}, "segment 1 is MPEG-1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			_, err := Assemble(context.Background(), &buf, tc.segs, Tags{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if buf.Len() != 0 {
				t.Errorf("wrote %d bytes on error", buf.Len())
			}
		})
	}
	var buf bytes.Buffer
	_, err := Assemble(context.Background(), &buf, []Segment{{Audio: speech.Audio{Format: speech.MP3, Data: mono22}}, {Audio: speech.Audio{Format: speech.MP3, Data: stereo44}}}, Tags{})
	if !errors.Is(err, ErrMismatch) {
		t.Errorf("mismatch is not ErrMismatch: %v", err)
	}
}
