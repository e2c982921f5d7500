// Package command speaks through any program: a voice preset gives its
// command line, and aloud passes each chunk's text on the program's
// standard input or as an argument, and reads the audio from its standard
// output or from a file. It lets a newsroom plug in a voice without
// recompiling aloud. No shell is involved: the text is never interpreted.
package command

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the command backend's part of a voice preset.
type Config struct {
	// Command is the program and its arguments. "{text}" in an argument is
	// replaced by the chunk's text (otherwise the text goes to standard
	// input); "{out}" by a file path the program must write the audio to
	// (otherwise it is read from standard output); "{lang}" by the
	// chunk's language.
	Command []string `yaml:"command"`
	Format  string   `yaml:"format"` // what the program writes: wav (encoded to MP3) or mp3
	// SSML says the program reads SSML; then SSML chunks are passed as they are.
	SSML        bool `yaml:"ssml"`
	MaxChars    int  `yaml:"max_chars"`
	Concurrency int  `yaml:"concurrency"`
	// Billed says the program calls a paid service, so the run counts its
	// characters at the preset's price.
	Billed bool `yaml:"billed"`
	// Encoder turns WAV into MP3; set by the program, not the preset.
	Encoder speech.Encoder `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{Format: "wav", MaxChars: 2000}
}

func (c Config) validate() error {
	switch {
	case len(c.Command) == 0 || strings.TrimSpace(c.Command[0]) == "":
		return errors.New(`command: no command: set options.command, e.g. [espeak-ng, -v, en-us, --stdout]`)
	case c.Format != "wav" && c.Format != "mp3":
		return fmt.Errorf("command: format %q is not wav or mp3", c.Format)
	case c.MaxChars < 100 || c.MaxChars > 100_000:
		return fmt.Errorf("command: max_chars %d out of range 100–100000", c.MaxChars)
	case c.Format == "wav" && c.Encoder == nil:
		return errors.New("command: no MP3 encoder configured")
	case strings.Contains(c.Command[0], "{"):
		return fmt.Errorf("command: the program %q cannot be a placeholder", c.Command[0])
	}
	return nil
}

type command struct {
	cfg           Config
	textArg, file bool
}

var _ speech.Synthesizer = (*command)(nil)

// New checks the configuration; whether the program exists is checked at
// the first chunk.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	has := func(p string) bool {
		return slices.ContainsFunc(cfg.Command[1:], func(a string) bool { return strings.Contains(a, p) })
	}
	return &command{cfg: cfg, textArg: has("{text}"), file: has("{out}")}, nil
}

func (c *command) Name() string { return "command" }

func (c *command) Limits() speech.Limits {
	l := speech.Limits{MaxChars: c.cfg.MaxChars, SSML: c.cfg.SSML, Formats: []speech.Format{speech.MP3}, Concurrency: c.cfg.Concurrency}
	if c.cfg.Billed {
		l.Billing = speech.PerChar
	}
	return l
}

// Synthesize runs the command for one chunk.
func (c *command) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("command: empty text"))
	}
	if err := ctx.Err(); err != nil {
		return speech.Audio{}, err
	}
	out := ""
	if c.file {
		dir, err := os.MkdirTemp("", "aloud-command-")
		if err != nil {
			return speech.Audio{}, err
		}
		defer os.RemoveAll(dir)
		out = filepath.Join(dir, "chunk."+c.cfg.Format)
	}
	argv := make([]string, len(c.cfg.Command))
	for i, a := range c.cfg.Command {
		if i > 0 {
			a = strings.NewReplacer("{text}", r.Text, "{out}", out, "{lang}", r.Language).Replace(a)
		}
		argv[i] = a
	}
	stdin := r.Text
	if c.textArg {
		stdin = ""
	}
	data, err := speech.RunProgram(ctx, "command", argv, stdin, out)
	if err != nil {
		return speech.Audio{}, err
	}
	if c.cfg.Format == "wav" {
		return speech.EncodeWAV(ctx, "command", c.cfg.Encoder, data, r.Text)
	}
	if len(data) == 0 {
		return speech.Audio{}, fmt.Errorf("command: %w: %s wrote nothing", speech.ErrBadAudio, argv[0])
	}
	return speech.Audio{Format: speech.MP3, Data: data}, nil
}

// NewFactory returns the registry entry for command; enc encodes WAV.
func NewFactory(enc speech.Encoder) speech.Factory {
	return speech.NewFactory("command", NewConfig, func(c Config) (speech.Synthesizer, error) {
		c.Encoder = enc
		return New(c)
	})
}
