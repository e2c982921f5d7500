package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/source"
)

// BenchmarkNarrateSample runs the built binary on the sample article: read,
// script, espeak-ng and lame per chunk, join, tags, manifest, catalog, feed.
func BenchmarkNarrateSample(b *testing.B) {
	dir := b.TempDir()
	sample, _ := filepath.Abs("../../examples/sample-article.html")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		out := filepath.Join(dir, "out")
		os.RemoveAll(out)
		cmd := exec.Command(binary, "narrate", "-q", "--out", out, sample)
		cmd.Dir = dir
		if o, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, o)
		}
	}
}

// BenchmarkByHandSample is the reference: the same text the script holds,
// spoken by one espeak-ng process piped into one lame process, the way a
// person would do it in a shell.
func BenchmarkByHandSample(b *testing.B) {
	a, err := (&source.Loader{}).Load(context.Background(), "../../examples/sample-article.html")
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	sc, err := script.Build(a, script.Options{MaxChars: 2000, Disclosure: cfg.DisclosureText(), Pauses: script.Pauses(cfg.Pauses)})
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	for _, c := range sc.Chunks {
		texts = append(texts, c.Text)
	}
	dir := b.TempDir()
	textFile := filepath.Join(dir, "text.txt")
	os.WriteFile(textFile, []byte(strings.Join(texts, "\n\n")), 0o644)
	pipeline := "espeak-ng -v en-us -s 175 -p 50 --stdout < text.txt | lame --quiet -m m --cbr -b 48 - out.mp3"
	for b.Loop() {
		cmd := exec.Command("sh", "-c", pipeline)
		cmd.Dir = dir
		if o, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, o)
		}
	}
}
