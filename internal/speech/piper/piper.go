// Package piper speaks through the piper program (a fast local neural
// voice) with a voice model the user downloads; its WAV is encoded to MP3.
package piper

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the piper backend's part of a voice preset.
type Config struct {
	Path  string `yaml:"path"`  // the piper program
	Model string `yaml:"model"` // the voice model (.onnx, with its .onnx.json beside it); ~ is the home folder
	// Speaker picks a voice of a multi-speaker model; nil for the default.
	Speaker         *int    `yaml:"speaker"`
	LengthScale     float64 `yaml:"length_scale"`     // >1 slower, <1 faster; 0.5–2.0
	SentenceSilence float64 `yaml:"sentence_silence"` // seconds of silence after each sentence
	Concurrency     int     `yaml:"concurrency"`
	// Encoder turns piper's WAV into MP3; set by the program, not the preset.
	Encoder speech.Encoder `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{Path: "piper", LengthScale: 1, SentenceSilence: 0.2}
}

func (c Config) validate() error {
	switch {
	case c.Model == "":
		return errors.New("piper: no model: download a voice (e.g. en_US-lessac-medium.onnx) and set options.model to its path")
	case c.LengthScale < 0.5 || c.LengthScale > 2:
		return fmt.Errorf("piper: length_scale %v out of range 0.5–2.0", c.LengthScale)
	case c.SentenceSilence < 0 || c.SentenceSilence > 5:
		return fmt.Errorf("piper: sentence_silence %v out of range 0–5 seconds", c.SentenceSilence)
	case c.Speaker != nil && *c.Speaker < 0:
		return fmt.Errorf("piper: speaker %d is negative", *c.Speaker)
	case c.Encoder == nil:
		return errors.New("piper: no MP3 encoder configured")
	}
	return nil
}

type piper struct {
	cfg   Config
	model string
}

var _ speech.Synthesizer = (*piper)(nil)

// New checks the configuration. Whether the program and the model exist is
// checked at the first chunk, so that --dry-run works on any machine.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	model := cfg.Model
	if rest, ok := strings.CutPrefix(model, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			model = filepath.Join(home, rest)
		}
	}
	return &piper{cfg: cfg, model: model}, nil
}

func (p *piper) Name() string { return "piper" }

func (p *piper) Limits() speech.Limits {
	// Piper reads any length; a paragraph per request keeps both cores
	// busy and a failure cheap.
	return speech.Limits{MaxChars: 2000, Formats: []speech.Format{speech.MP3}, Concurrency: p.cfg.Concurrency}
}

// Synthesize runs piper with the text on stdin and the WAV written to a
// file, then encodes it.
func (p *piper) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("piper: empty text"))
	}
	if err := ctx.Err(); err != nil {
		return speech.Audio{}, err
	}
	if _, err := os.Stat(p.model); err != nil {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("piper: voice model: %w", err))
	}
	dir, err := os.MkdirTemp("", "aloud-piper-")
	if err != nil {
		return speech.Audio{}, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "chunk.wav")
	argv := []string{p.cfg.Path, "--model", p.model, "--output_file", out,
		"--length_scale", strconv.FormatFloat(p.cfg.LengthScale, 'f', -1, 64),
		"--sentence_silence", strconv.FormatFloat(p.cfg.SentenceSilence, 'f', -1, 64)}
	if p.cfg.Speaker != nil {
		argv = append(argv, "--speaker", strconv.Itoa(*p.cfg.Speaker))
	}
	// One line per sentence is what piper reads; line breaks inside a
	// chunk would be read as pauses, so the chunk goes as one line.
	wav, err := speech.RunProgram(ctx, "piper", argv, strings.Join(strings.Fields(r.Text), " ")+"\n", out)
	if err != nil {
		return speech.Audio{}, err
	}
	return speech.EncodeWAV(ctx, "piper", p.cfg.Encoder, wav, r.Text)
}

// NewFactory returns the registry entry for piper; enc encodes its WAV.
func NewFactory(enc speech.Encoder) speech.Factory {
	return speech.NewFactory("piper", NewConfig, func(c Config) (speech.Synthesizer, error) {
		c.Encoder = enc
		return New(c)
	})
}
