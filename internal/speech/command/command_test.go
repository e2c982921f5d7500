package command

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

func requirePrograms(t *testing.T) { speechtest.RequirePrograms(t, "espeak-ng", "lame") }

func newSyn(t *testing.T, edit func(*Config)) speech.Synthesizer {
	t.Helper()
	c := NewConfig()
	c.Encoder = &mp3.Lame{}
	edit(&c)
	syn, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return syn
}

// TestEspeakThroughCommand plugs espeak-ng in through every way a command
// can take text and give audio, and checks that each speaks the chunk.
func TestEspeakThroughCommand(t *testing.T) {
	requirePrograms(t)
	text := "The council will review the arrangement in March; the mayor said so on Tuesday."
	tests := []struct {
		name    string
		command []string
		format  string
	}{
		{"stdin to stdout", []string{"espeak-ng", "-v", "en-us", "--stdout"}, "wav"},
		{"argument to stdout", []string{"espeak-ng", "-v", "en-us", "--stdout", "{text}"}, "wav"},
		{"stdin to file", []string{"espeak-ng", "-v", "en-us", "-w", "{out}"}, "wav"},
		{"shell pipeline to MP3", []string{"sh", "-c", `espeak-ng -v en-us --stdout | lame --quiet -b 48 - -`}, "mp3"},
	}
	var first float64
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			syn := newSyn(t, func(c *Config) { c.Command, c.Format = tc.command, tc.format })
			a, err := syn.Synthesize(t.Context(), speech.Request{Text: text, Language: "en-US"})
			if err != nil {
				t.Fatal(err)
			}
			s := speechtest.Seconds(t, a.Data)
			if s < 2 || s > 10 {
				t.Fatalf("%.2f s of audio for a 14-word sentence", s)
			}
			if first == 0 {
				first = s
			} else if d := s - first; d < -0.3 || d > 0.3 {
				t.Errorf("%.2f s, the first way gave %.2f s: not the same speech", s, first)
			}
		})
	}
	t.Run("conformance", func(t *testing.T) {
		speechtest.Run(t, newSyn(t, func(c *Config) { c.Command = []string{"espeak-ng", "--stdout"} }))
	})
}

// TestTextIsNotInterpreted: text full of shell syntax reaches the program
// as it is, as an argument or on stdin.
func TestTextIsNotInterpreted(t *testing.T) {
	dir := t.TempDir()
	marker := filepath.Join(dir, "pwned")
	text := "$(touch " + marker + ") `touch " + marker + "`; touch " + marker + " && echo"
	for _, cmd := range [][]string{{"sh", "-c", `cat > "$0"`, "{out}"}, {"cp", "/dev/stdin", "{out}"}, {"printf", "%s", "{text}"}} {
		syn := newSyn(t, func(c *Config) { c.Command, c.Format = cmd, "mp3" })
		a, err := syn.Synthesize(t.Context(), speech.Request{Text: text})
		if err != nil {
			t.Fatalf("%v: %v", cmd, err)
		}
		if string(a.Data) != text {
			t.Errorf("%v: the program got %q", cmd, a.Data)
		}
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the text was run by a shell")
	}
}

func TestFailures(t *testing.T) {
	tests := []struct {
		name    string
		command []string
		format  string
		err     string
	}{
		{"missing program", []string{"no-such-tts-program"}, "wav", "not found on PATH"},
		{"program fails", []string{"sh", "-c", "echo voice model missing >&2; exit 3"}, "wav", "voice model missing"},
		{"not WAV", []string{"echo", "hello"}, "wav", "not a RIFF WAVE"},
		{"no MP3", []string{"true"}, "mp3", "wrote nothing"},
		{"no file", []string{"true", "{out}"}, "wav", "wrote no audio file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			syn := newSyn(t, func(c *Config) { c.Command, c.Format = tc.command, tc.format })
			_, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hello."})
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err %v, want %q", err, tc.err)
			}
		})
	}
}

func TestConfig(t *testing.T) {
	for name, edit := range map[string]func(*Config){
		"no command":  func(c *Config) { c.Command = nil },
		"format":      func(c *Config) { c.Command, c.Format = []string{"x"}, "ogg" },
		"max chars":   func(c *Config) { c.Command, c.MaxChars = []string{"x"}, 10 },
		"placeholder": func(c *Config) { c.Command = []string{"{text}"} },
	} {
		c := NewConfig()
		c.Encoder = &mp3.Lame{}
		edit(&c)
		if _, err := New(c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
