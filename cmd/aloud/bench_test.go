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
// script, espeak-ng and lame per chunk, join, loudness to −16 LUFS, tags,
// transcript, chapters, manifest, catalog, feed.
func BenchmarkNarrateSample(b *testing.B) { narrateBench(b, "") }

// BenchmarkNarrateSampleNoLoudness is the same with loudness left alone,
// to compare with espeak-ng and lame by hand, which do not measure it.
func BenchmarkNarrateSampleNoLoudness(b *testing.B) {
	narrateBench(b, "loudness: {target_lufs: 0}\n")
}

func narrateBench(b *testing.B, config string) {
	dir := b.TempDir()
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte(config), 0o644)
	sample, _ := filepath.Abs("../../examples/sample-article.html")
	b.ReportAllocs()
	for b.Loop() {
		out := filepath.Join(dir, "out")
		os.RemoveAll(out)
		cmd := exec.Command(binary, "narrate", "-q", "--cache", "off", "--out", out, sample)
		cmd.Dir = dir
		if o, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, o)
		}
	}
}

// BenchmarkByHandSample is the reference: the same text the script holds,
// spoken by one espeak-ng process piped into one lame process, the way a
// person would do it in a shell.
func BenchmarkByHandSample(b *testing.B) { byHand(b, false) }

// BenchmarkByHandSampleLoudnorm adds what a person would run to bring the
// result to −16 LUFS: ffmpeg's loudnorm filter, which decodes and encodes
// again.
func BenchmarkByHandSampleLoudnorm(b *testing.B) { byHand(b, true) }

func byHand(b *testing.B, loudnorm bool) {
	a, err := (&source.Loader{}).Load(context.Background(), "../../examples/sample-article.html")
	if err != nil {
		b.Fatal(err)
	}
	cfg := config.Default()
	sc, err := script.Build(a, script.Options{MaxChars: 2000, Disclosure: cfg.Disclosure, Pauses: script.Pauses(cfg.Pauses)})
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
	if loudnorm {
		pipeline += " && ffmpeg -v error -y -i out.mp3 -af loudnorm=I=-16:TP=-1 -ar 22050 -c:a libmp3lame -b:a 48k norm.mp3"
	}
	for b.Loop() {
		cmd := exec.Command("sh", "-c", pipeline)
		cmd.Dir = dir
		if o, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, o)
		}
	}
}
