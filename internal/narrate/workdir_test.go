package narrate

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestSweepWork: the work folders of runs no longer running, and stale
// ones, are removed; a running run's folders are kept.
func TestSweepWork(t *testing.T) {
	tmp := t.TempDir()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true(1) to get the id of a finished process")
	}
	deadPID := dead.ProcessState.Pid()
	livePID := os.Getppid() // the go tool or the shell: running
	root := filepath.Join(tmp, workRoot)
	mk := func(pid int, age time.Duration) string {
		d := filepath.Join(root, strconv.Itoa(pid)+"-x"+strconv.Itoa(int(age)))
		os.MkdirAll(filepath.Join(d, "segments"), 0o755)
		os.WriteFile(filepath.Join(d, "segments", "0001.mp3"), []byte("x"), 0o644)
		when := time.Now().Add(-age)
		os.Chtimes(d, when, when)
		return d
	}
	gone := mk(deadPID, 0)
	stale := mk(livePID, 25*time.Hour)
	live := mk(livePID, time.Minute)
	own, err := workDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	if n := sweepWork(tmp, time.Now()); n != 2 {
		t.Errorf("removed %d folders, want 2", n)
	}
	for _, d := range []string{gone, stale} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s kept", d)
		}
	}
	for _, d := range []string{live, own} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s removed: %v", d, err)
		}
	}
}
