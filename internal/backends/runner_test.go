package backends

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

func TestCheckAudio(t *testing.T) {
	good := speechtest.MP3
	tests := []struct {
		name string
		a    speech.Audio
		err  string
	}{
		{"real speech", speech.Audio{Format: speech.MP3, Data: good}, ""},
		{"with an ID3v1 tag", speech.Audio{Format: speech.MP3, Data: append(append([]byte{}, good...), append([]byte("TAG"), make([]byte, 125)...)...)}, ""},
		{"truncated mid-frame", speech.Audio{Format: speech.MP3, Data: good[:len(good)-50]}, "truncated"},
		{"an HTML page", speech.Audio{Format: speech.MP3, Data: []byte("<html><body>Service unavailable</body></html>")}, ""},
		{"empty", speech.Audio{Format: speech.MP3}, ""},
		{"junk inside", speech.Audio{Format: speech.MP3, Data: append(append(append([]byte{}, good[:2000]...), []byte("garbage in the middle")...), good[2000:]...)}, ""},
		{"not the format claimed", speech.Audio{Format: speech.WAV, Data: good}, "not a RIFF WAVE"},
		{"unknown format", speech.Audio{Format: "ogg", Data: good}, "format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckAudio(speech.Request{Text: "x"}, tc.a)
			if tc.name == "real speech" || tc.name == "with an ID3v1 tag" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err %v, want a refusal mentioning %q", err, tc.err)
			}
		})
	}
}

// cutOnce answers a truncated stream the first time, then the whole one.
type cutOnce struct{ calls atomic.Int32 }

func (c *cutOnce) Name() string { return "cut" }
func (c *cutOnce) Limits() speech.Limits {
	return speech.Limits{MaxChars: 1000, Formats: []speech.Format{speech.MP3}, Concurrency: 2, RatePerSecond: 100}
}
func (c *cutOnce) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if c.calls.Add(1) == 1 {
		return speech.Audio{Format: speech.MP3, Data: speechtest.MP3[:len(speechtest.MP3)/2+7]}, nil
	}
	return speech.Audio{Format: speech.MP3, Data: speechtest.MP3}, nil
}

// TestRunnerRefusesTruncatedAudio: a truncated answer is asked for again,
// never passed on.
func TestRunnerRefusesTruncatedAudio(t *testing.T) {
	next := &cutOnce{}
	var retried []error
	syn := Runner(next, func(attempt int, wait time.Duration, err error) { retried = append(retried, err) })
	a, err := syn.Synthesize(context.Background(), speech.Request{Text: "Hello."})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Data) != len(speechtest.MP3) || a.Attempts != 2 || next.calls.Load() != 2 {
		t.Fatalf("%d bytes after %d attempts (%d calls)", len(a.Data), a.Attempts, next.calls.Load())
	}
	if len(retried) != 1 || !strings.Contains(retried[0].Error(), "truncated") {
		t.Errorf("retries %v", retried)
	}
	if l := syn.Limits(); l.Concurrency != 2 {
		t.Errorf("concurrency %d", l.Concurrency)
	}
}

// FuzzCheckAudio: what a service answers is outside bytes; checking it
// never panics, and whatever passes scans as MP3 with frames.
func FuzzCheckAudio(f *testing.F) {
	f.Add(speechtest.MP3)
	f.Add(speechtest.MP3[:700])
	f.Add([]byte("ID3\x04\x00\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if CheckAudio(speech.Request{Text: "x"}, speech.Audio{Format: speech.MP3, Data: b}) == nil {
			if s, err := mp3.Parse(b); err != nil || s.FrameCount() == 0 {
				t.Fatalf("accepted %d bytes that do not scan as MP3 with frames: %v", len(b), err)
			}
		}
		CheckAudio(speech.Request{Text: "x"}, speech.Audio{Format: speech.WAV, Data: b})
	})
}
