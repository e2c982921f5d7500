package narrate

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// workRoot is the folder, inside the temporary folder, where every run
// stages its articles: "aloud-work/PID-RANDOM", one folder an article.
// A run killed before it cleaned up leaves its folders there, named by
// its process id, and the next run removes them.
const workRoot = "aloud-work"

// staleAfter is the age at which a work folder is removed even though a
// process with its id runs (the id was reused, or the run hung).
const staleAfter = 24 * time.Hour

// workDir makes an article's work folder under dir (os.TempDir() when
// empty).
func workDir(dir string) (string, error) {
	if dir == "" {
		dir = os.TempDir()
	}
	root := filepath.Join(dir, workRoot)
	if err := os.MkdirAll(root, 0o700); err != nil {
		return "", fmt.Errorf("work folder: %w", err)
	}
	return os.MkdirTemp(root, strconv.Itoa(os.Getpid())+"-")
}

// sweepWork removes the work folders that runs no longer running left
// under dir, and any older than staleAfter; it reports how many.
func sweepWork(dir string, now time.Time) int {
	if dir == "" {
		dir = os.TempDir()
	}
	root := filepath.Join(dir, workRoot)
	entries, err := os.ReadDir(root)
	if err != nil {
		return 0
	}
	removed := 0
	for _, e := range entries {
		pidText, _, ok := strings.Cut(e.Name(), "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || !e.IsDir() || pid == os.Getpid() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if processAlive(pid) && now.Sub(info.ModTime()) < staleAfter {
			continue
		}
		if os.RemoveAll(filepath.Join(root, e.Name())) == nil {
			removed++
		}
	}
	return removed
}
