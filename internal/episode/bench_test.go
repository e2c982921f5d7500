package episode

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkJoinFiles joins 600 segment files in process (the testdata
// speech from internal/mp3 repeated), for profiling the join itself.
func BenchmarkJoinFiles(b *testing.B) {
	data, err := os.ReadFile("../mp3/testdata/speech-22k-64k-lametag.mp3")
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var segs []Segment
	var total int64
	for i := range 600 {
		p := filepath.Join(dir, fmt.Sprintf("s%d.mp3", i))
		os.WriteFile(p, data, 0o644)
		f, err := os.Open(p)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		segs = append(segs, Segment{Audio: f, Size: int64(len(data)), Format: "mp3", PauseBefore: 300 * time.Millisecond})
		total += int64(len(data))
	}
	out, err := os.Create(filepath.Join(dir, "out.mp3"))
	if err != nil {
		b.Fatal(err)
	}
	defer out.Close()
	b.SetBytes(total)
	for b.Loop() {
		out.Truncate(0)
		out.Seek(0, 0)
		if _, err := Join(context.Background(), out, segs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
