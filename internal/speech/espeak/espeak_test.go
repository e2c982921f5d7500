package espeak

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

func requirePrograms(t *testing.T) { speechtest.RequirePrograms(t, "espeak-ng", "lame") }

func newSynth(t *testing.T, cfg Config) speech.Synthesizer {
	t.Helper()
	cfg.Encoder = &mp3.Lame{}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func duration(t *testing.T, a speech.Audio) float64 {
	t.Helper()
	if a.Format != speech.MP3 {
		t.Fatalf("format %s", a.Format)
	}
	return speechtest.Seconds(t, a.Data)
}

func TestSynthesizeRealEspeak(t *testing.T) {
	requirePrograms(t)
	ctx := context.Background()
	text := "The council will review the arrangement in March."
	normal := newSynth(t, NewConfig())
	a, err := normal.Synthesize(ctx, speech.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	st, err := mp3.Parse(a.Data)
	if err != nil {
		t.Fatal(err)
	}
	if st.Format.RateHz != 22050 || st.Format.Mode != mp3.Mono || st.Header == nil || !st.Header.DelayPad {
		t.Errorf("stream %v header %+v: want 22.05 kHz mono with delay and padding", st.Format, st.Header)
	}
	dNormal := duration(t, a)
	if dNormal < 1.5 || dNormal > 6 {
		t.Errorf("%.2f s for one sentence", dNormal)
	}

	// Rate is honoured: twice as fast is clearly shorter.
	fastCfg := NewConfig()
	fastCfg.Rate = 2
	fast, err := newSynth(t, fastCfg).Synthesize(ctx, speech.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if d := duration(t, fast); d > dNormal*0.75 {
		t.Errorf("rate 2.0: %.2f s, normal %.2f s", d, dNormal)
	}

	// Pitch and voice change the audio.
	pitchCfg := NewConfig()
	pitchCfg.Pitch = 90
	high, err := newSynth(t, pitchCfg).Synthesize(ctx, speech.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(high.Data, a.Data) {
		t.Error("pitch 90 gave identical audio")
	}
	gbCfg := NewConfig()
	gbCfg.Voice = "en-gb"
	gb, err := newSynth(t, gbCfg).Synthesize(ctx, speech.Request{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(gb.Data, a.Data) {
		t.Error("voice en-gb gave identical audio")
	}
}

func TestSynthesizeErrors(t *testing.T) {
	requirePrograms(t)
	ctx := context.Background()
	bad := NewConfig()
	bad.Voice = "xx-nonexistent"
	_, err := newSynth(t, bad).Synthesize(ctx, speech.Request{Text: "hello"})
	if err == nil || !speech.IsPermanent(err) || !strings.Contains(err.Error(), "voice") {
		t.Errorf("unknown voice: %v", err)
	}
	_, err = newSynth(t, NewConfig()).Synthesize(ctx, speech.Request{Text: "  "})
	if err == nil || !speech.IsPermanent(err) {
		t.Errorf("empty text: %v", err)
	}
	canceled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := newSynth(t, NewConfig()).Synthesize(canceled, speech.Request{Text: "hello"}); err == nil {
		t.Error("canceled context: no error")
	}
}

func TestConfigValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Config)
		want string
	}{
		{"rate low", func(c *Config) { c.Rate = 0.1 }, "rate 0.1 out of range"},
		{"pitch", func(c *Config) { c.Pitch = 120 }, "pitch 120 out of range"},
		{"voice flag injection", func(c *Config) { c.Voice = "--help" }, "not an espeak-ng voice"},
		{"missing program", func(c *Config) { c.Path = "/nonexistent/espeak-ng" }, `install it with "apt-get install espeak-ng"`},
		{"no encoder", func(c *Config) { c.Encoder = nil }, "no MP3 encoder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NewConfig()
			c.Encoder = &mp3.Lame{}
			tc.edit(&c)
			if _, err := New(c); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func TestConformance(t *testing.T) {
	requirePrograms(t)
	speechtest.Run(t, newSynth(t, NewConfig()))
}
