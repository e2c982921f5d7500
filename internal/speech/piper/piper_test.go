package piper

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

// fakePiper is a stand-in for the piper program, whose voice models cannot
// be downloaded here: it checks the arguments piper documents, logs them,
// and writes speech made by espeak-ng to --output_file.
const fakePiper = `#!/bin/sh
set -e
log="$(dirname "$0")/args.log"
echo "$@" >> "$log"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) [ -f "$2" ] || { echo "model not found: $2" >&2; exit 1; }; shift 2;;
    --output_file) out="$2"; shift 2;;
    --speaker|--length_scale|--sentence_silence) shift 2;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
[ -n "$out" ] || { echo "no --output_file" >&2; exit 2; }
text="$(cat)"
[ -n "$text" ] || { echo "no text on stdin" >&2; exit 2; }
espeak-ng -v en-us -w "$out" "$text"
`

func setup(t *testing.T) (dir string, cfg Config) {
	t.Helper()
	speechtest.RequirePrograms(t, "espeak-ng", "lame")
	dir = t.TempDir()
	os.WriteFile(filepath.Join(dir, "piper"), []byte(fakePiper), 0o755)
	os.WriteFile(filepath.Join(dir, "en_US-test.onnx"), []byte("model"), 0o644)
	cfg = NewConfig()
	cfg.Path, cfg.Model, cfg.Encoder = filepath.Join(dir, "piper"), filepath.Join(dir, "en_US-test.onnx"), &mp3.Lame{}
	return dir, cfg
}

func TestPiper(t *testing.T) {
	dir, cfg := setup(t)
	speaker := 3
	cfg.Speaker, cfg.LengthScale = &speaker, 1.2
	syn, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	speechtest.Run(t, syn)
	log, _ := os.ReadFile(filepath.Join(dir, "args.log"))
	want := "--model " + cfg.Model + " --output_file "
	if !strings.HasPrefix(string(log), want) || !strings.Contains(string(log), "--length_scale 1.2 --sentence_silence 0.2 --speaker 3") {
		t.Errorf("arguments %q", log)
	}
}

func TestMissingModel(t *testing.T) {
	_, cfg := setup(t)
	cfg.Model = filepath.Join(t.TempDir(), "nope.onnx")
	syn, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hi."}); !speech.IsPermanent(err) || !strings.Contains(err.Error(), "voice model") {
		t.Fatalf("err %v", err)
	}
}

func TestConfig(t *testing.T) {
	for name, edit := range map[string]func(*Config){
		"no model": func(c *Config) { c.Model = "" },
		"length":   func(c *Config) { c.LengthScale = 3 },
		"silence":  func(c *Config) { c.SentenceSilence = -1 },
		"speaker":  func(c *Config) { s := -1; c.Speaker = &s },
	} {
		c := NewConfig()
		c.Model, c.Encoder = "m.onnx", &mp3.Lame{}
		edit(&c)
		if _, err := New(c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
