// Package espeak is the offline default voice: the espeak-ng program, whose
// WAV output is encoded to MP3.
package espeak

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the espeak backend's part of a voice preset.
type Config struct {
	Path  string  `yaml:"path"`  // the espeak-ng program
	Voice string  `yaml:"voice"` // an espeak-ng voice, e.g. "en-us" (see espeak-ng --voices)
	Rate  float64 `yaml:"rate"`  // speed relative to espeak-ng's 175 words per minute, 0.5–2.0
	Pitch int     `yaml:"pitch"` // 0–99, 50 is espeak-ng's default
	// Encoder turns espeak-ng's PCM into MP3; set by the program, not the preset.
	Encoder speech.Encoder `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{Path: "espeak-ng", Voice: "en-us", Rate: 1.0, Pitch: 50}
}

const defaultWPM = 175

func (c Config) validate() error {
	switch {
	case c.Voice == "" || strings.ContainsAny(c.Voice, " \t\n") || strings.HasPrefix(c.Voice, "-"):
		return fmt.Errorf("espeak: voice %q is not an espeak-ng voice name", c.Voice)
	case c.Rate < 0.5 || c.Rate > 2.0:
		return fmt.Errorf("espeak: rate %v out of range 0.5–2.0", c.Rate)
	case c.Pitch < 0 || c.Pitch > 99:
		return fmt.Errorf("espeak: pitch %d out of range 0–99", c.Pitch)
	case c.Encoder == nil:
		return errors.New("espeak: no MP3 encoder configured")
	}
	return nil
}

type espeak struct {
	cfg Config
}

var _ speech.Synthesizer = (*espeak)(nil)

// New checks the configuration and that espeak-ng is installed.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if _, err := exec.LookPath(cfg.Path); err != nil {
		return nil, speech.Permanent(fmt.Errorf(`espeak: %s not found on PATH: install it with "apt-get install espeak-ng" or set options.path in the voice preset`, cfg.Path))
	}
	return &espeak{cfg: cfg}, nil
}

func (e *espeak) Name() string { return "espeak" }

func (e *espeak) Limits() speech.Limits {
	// espeak-ng has no request limit; chunks of a paragraph or so keep
	// both cores busy and retries cheap.
	return speech.Limits{MaxChars: 2000, Formats: []speech.Format{speech.MP3}}
}

// Synthesize runs espeak-ng with the text on stdin and encodes its WAV.
func (e *espeak) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("espeak: empty text"))
	}
	argv := []string{e.cfg.Path, "-v", e.cfg.Voice, "-s", fmt.Sprint(int(defaultWPM*e.cfg.Rate + 0.5)),
		"-p", fmt.Sprint(e.cfg.Pitch), "--stdout"}
	if r.SSML {
		argv = append(argv, "-m")
	}
	wav, err := speech.RunProgram(ctx, "espeak", argv, r.Text, "")
	if err != nil {
		return speech.Audio{}, err
	}
	return speech.EncodeWAV(ctx, "espeak", e.cfg.Encoder, wav, r.Text)
}

// NewFactory returns the registry entry for espeak; enc encodes its PCM.
func NewFactory(enc speech.Encoder) speech.Factory {
	return speech.NewFactory("espeak", NewConfig, func(c Config) (speech.Synthesizer, error) {
		c.Encoder = enc
		return New(c)
	})
}
