package episode

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3/mp3test"
)

// TestJoinFiles: the output replaces an old file only when whole, a
// failure names the input and leaves the old output and no temporary
// file, and the output cannot be an input.
func TestJoinFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.mp3", mp3test.LameEncode(t, mp3test.SpeechLike(22050, 1, 1.0), 22050, 1, "--cbr", "-b", "48"))
	b := write("b.mp3", mp3test.LameEncode(t, mp3test.SpeechLike(22050, 1, 1.5), 22050, 1, "--cbr", "-b", "48"))
	out := write("out.mp3", []byte("the old episode"))
	ctx := context.Background()

	res, err := JoinFiles(ctx, out, []string{a, b}, 500*time.Millisecond, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Duration.Seconds(); d < 2.9 || d > 3.25 { // whole frames of 52 ms each
		t.Errorf("1 s + 0.5 s pause + 1.5 s joined into %.3f s", d)
	}
	if st, err := os.Stat(out); err != nil || st.Size() != res.SizeBytes {
		t.Errorf("the output holds %v bytes (%v), the join wrote %d", st.Size(), err, res.SizeBytes)
	}
	joined, _ := os.ReadFile(out)

	bad := write("bad.mp3", []byte("not audio at all, not even close"))
	_, err = JoinFiles(ctx, out, []string{a, bad}, 0, Options{})
	var se *SegmentError
	if err == nil || !strings.Contains(err.Error(), bad) || !errors.As(err, &se) || se.Index != 1 {
		t.Errorf("a bad input: %v", err)
	}
	if now, _ := os.ReadFile(out); string(now) != string(joined) {
		t.Error("a failed join changed the output")
	}
	if _, err := JoinFiles(ctx, out, []string{a, out}, 0, Options{}); !errors.Is(err, ErrOutputIsInput) {
		t.Errorf("output as an input: %v", err)
	}
	if _, err := JoinFiles(ctx, out, []string{a, dir}, 0, Options{}); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("a folder as an input: %v", err)
	}
	if _, err := JoinFiles(ctx, out, []string{filepath.Join(dir, "missing.mp3")}, 0, Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing input: %v", err)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
