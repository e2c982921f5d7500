package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/espeak"
)

// segmentSet writes n segment files of about 6 s of espeak-ng speech each
// (LAME, 48 kbps, 22.05 kHz mono): eight distinct recordings, repeated.
func segmentSet(b *testing.B, n int) (dir string, files []string) {
	b.Helper()
	dir = b.TempDir()
	cfg := espeak.NewConfig()
	cfg.Encoder = &mp3.Lame{}
	syn, err := espeak.New(cfg)
	if err != nil {
		b.Fatal(err)
	}
	sentences := []string{
		"The council will review the arrangement in March, officials said on Tuesday evening.",
		"Each volunteer takes one evening shift a fortnight, and a paid librarian remains on duty.",
		"Evening visits rose by a third, and the homework club now meets twice a week.",
		"Parents said the early closing left students with nowhere quiet to study after school.",
		"Anyone who wants to volunteer can leave their name at the front desk on Thursday.",
		"The branch had closed at six since the spring, when the town council cut its budget.",
		"Officials said they would consider restoring paid evening hours if visits keep rising.",
		"This is our library, so we decided to look after it ourselves, the organiser said.",
	}
	var distinct [][]byte
	for _, s := range sentences {
		a, err := syn.Synthesize(context.Background(), speech.Request{Text: s})
		if err != nil {
			b.Fatal(err)
		}
		distinct = append(distinct, a.Data)
	}
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("seg%04d.mp3", i))
		if err := os.WriteFile(p, distinct[i%len(distinct)], 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, p)
	}
	return dir, files
}

// runMeasured runs a command under /usr/bin/time to read its peak resident
// memory: a child started from the Go test binary would report the test's
// own memory in its rusage, as it shares it until exec.
func runMeasured(b *testing.B, name string, args ...string) (maxRSSKB int64) {
	report := filepath.Join(b.TempDir(), "rss")
	cmd := exec.Command("/usr/bin/time", append([]string{"-f", "%M", "-o", report, name}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", name, err, out)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		b.Fatal(err)
	}
	kb, err := strconv.ParseInt(strings.TrimSpace(string(data)), 10, 64)
	if err != nil {
		b.Fatalf("reading %s: %v", report, err)
	}
	return kb
}

// BenchmarkJoin600 joins 600 segments (60 minutes of speech) three ways in
// one run: aloud mp3 join (lossless, fresh Xing header), ffmpeg's concat
// demuxer with stream copy, and cat (the physical limit).
func BenchmarkJoin600(b *testing.B) {
	dir, files := segmentSet(b, 600)
	list := filepath.Join(dir, "list.txt")
	var sb strings.Builder
	for _, f := range files {
		fmt.Fprintf(&sb, "file '%s'\n", f)
	}
	os.WriteFile(list, []byte(sb.String()), 0o644)
	out := filepath.Join(dir, "out.mp3")
	var total int64
	for _, f := range files {
		st, _ := os.Stat(f)
		total += st.Size()
	}
	run := func(b *testing.B, name string, args ...string) {
		var rss int64
		b.SetBytes(total)
		for b.Loop() {
			rss = max(rss, runMeasured(b, name, args...))
		}
		b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
	}
	b.Run("aloud", func(b *testing.B) { run(b, binary, append([]string{"mp3", "join", "-o", out}, files...)...) })
	b.Run("ffmpeg", func(b *testing.B) {
		run(b, "ffmpeg", "-v", "error", "-y", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", out)
	})
	b.Run("cat", func(b *testing.B) { run(b, "sh", "-c", "cat "+strings.Join(files, " ")+" > "+out) })
}

// BenchmarkJoin3h joins 1,800 segments (three hours) with and without
// loudness correction, reporting peak memory: it must not grow with the
// episode's length.
func BenchmarkJoin3h(b *testing.B) {
	dir, files := segmentSet(b, 1800)
	out := filepath.Join(dir, "out.mp3")
	for _, tc := range []struct {
		name  string
		extra []string
	}{{"join", nil}, {"join+loudness", []string{"--target-lufs", "-16"}}} {
		b.Run(tc.name, func(b *testing.B) {
			var rss int64
			for b.Loop() {
				args := append(append([]string{"mp3", "join", "-o", out}, tc.extra...), files...)
				rss = max(rss, runMeasured(b, binary, args...))
			}
			b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
		})
	}
}
