// Package speechtest is the conformance suite every speech backend's tests
// run in a few lines: speechtest.Run(t, syn).
package speechtest

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"io"
	"os/exec"
	"slices"
	"testing"

	gomp3 "github.com/hajimehoshi/go-mp3"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Run checks the Synthesizer contract on syn: sane limits, audio in a
// declared format for a short sentence, a permanent error for empty text,
// and the context's error when it is already cancelled.
func Run(t *testing.T, syn speech.Synthesizer) {
	t.Helper()
	t.Run("limits", func(t *testing.T) {
		l := syn.Limits()
		if syn.Name() == "" {
			t.Error("Name is empty")
		}
		if l.MaxChars < 100 {
			t.Errorf("MaxChars %d: too small to hold a sentence", l.MaxChars)
		}
		if l.MaxBytes != 0 && l.MaxBytes < l.MaxChars {
			t.Errorf("MaxBytes %d below MaxChars %d", l.MaxBytes, l.MaxChars)
		}
		if len(l.Formats) == 0 {
			t.Error("no output formats declared")
		}
		if l.RatePerSecond < 0 || l.Concurrency < 0 {
			t.Errorf("negative rate %v or concurrency %d", l.RatePerSecond, l.Concurrency)
		}
	})
	t.Run("speaks", func(t *testing.T) {
		a, err := syn.Synthesize(context.Background(), speech.Request{Text: "The council met on Tuesday.", Language: "en-US"})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(syn.Limits().Formats, a.Format) {
			t.Errorf("answered %q, not one of the declared formats %v", a.Format, syn.Limits().Formats)
		}
		if !looksLike(a.Format, a.Data) {
			t.Errorf("%d bytes do not start like %s", len(a.Data), a.Format)
		}
		if a.Cached {
			t.Error("a backend answer says it is cached")
		}
	})
	t.Run("empty text", func(t *testing.T) {
		_, err := syn.Synthesize(context.Background(), speech.Request{Text: " \n "})
		if err == nil || !speech.IsPermanent(err) {
			t.Errorf("empty text: %v, want a permanent error", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, err := syn.Synthesize(ctx, speech.Request{Text: "Never spoken."})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled context: %v, want context.Canceled", err)
		}
	})
}

func looksLike(f speech.Format, b []byte) bool {
	switch f {
	case speech.WAV:
		return len(b) > 12 && bytes.Equal(b[:4], []byte("RIFF")) && bytes.Equal(b[8:12], []byte("WAVE"))
	case speech.MP3:
		return len(b) > 4 && (bytes.HasPrefix(b, []byte("ID3")) || b[0] == 0xff && b[1]&0xe0 == 0xe0)
	}
	return false
}

// MP3 is 1.85 seconds of real speech (espeak-ng, encoded by LAME at 24 kHz
// mono, 48 kbps): what fake services answer in backend tests.
//
//go:embed testdata/speech.mp3
var MP3 []byte

// RequirePrograms fails (not skips) when a program is missing: local
// backends are only ever tested against the real programs, and CI installs
// them.
func RequirePrograms(t *testing.T, programs ...string) {
	t.Helper()
	for _, p := range programs {
		if _, err := exec.LookPath(p); err != nil {
			t.Fatalf("%s is not installed (apt-get install espeak-ng lame)", p)
		}
	}
}

// Seconds decodes MP3 with go-mp3, a decoder independent of aloud's own
// bitstream code, and returns how long it plays.
func Seconds(t *testing.T, data []byte) float64 {
	t.Helper()
	d, err := gomp3.NewDecoder(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, d)
	if err != nil {
		t.Fatal(err)
	}
	return float64(n) / 4 / float64(d.SampleRate())
}
