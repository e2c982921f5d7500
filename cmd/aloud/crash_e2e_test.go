package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
)

// TestKilledUpdateStaysConsistent: a batch that updates every episode is
// killed (SIGKILL) at several points; after each kill, and after the run
// that finishes the work, the catalog, the feed, the manifests and the
// files agree: every file they name is stored, at the size they say.
// At the end no earlier version's file is left, and no work folder.
func TestKilledUpdateStaysConsistent(t *testing.T) {
	dir := t.TempDir()
	tmp := t.TempDir()
	const n = 6
	var files []string
	write := func(edit string) {
		for i := range n {
			name := fmt.Sprintf("story-%d.md", i)
			var b strings.Builder
			fmt.Fprintf(&b, "# Council story number %d\n\nBy Sam Okafor\n\n", i)
			for p := range 4 {
				fmt.Fprintf(&b, "Paragraph %d of story %d: the council met on Tuesday evening and voted on the harbour budget for next year%s.\n\n", p+1, i, edit)
			}
			os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644)
			if len(files) < n {
				files = append(files, name)
			}
		}
	}
	base := "https://audio.example.com"
	args := append([]string{"narrate", "-q", "--jobs", "2", "--cache", "off", "--public-base-url", base}, files...)
	run := func() runResult {
		cmd := aloudCmd(dir, args...)
		cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
		return execute(cmd)
	}
	write("")
	args = append([]string{"narrate", "-q", "--jobs", "2", "--cache", "off", "--public-base-url", base}, files...)
	if r := run(); r.code != 0 {
		t.Fatalf("first run: exit %d\n%s", r.code, r.stderr)
	}
	out := filepath.Join(dir, "out")
	check := func(when string) {
		t.Helper()
		if r := aloud(t, dir, "feed", "check", "--public-base-url", base); r.code != 0 {
			t.Errorf("%s: feed check: exit %d\n%s%s", when, r.code, r.stdout, r.stderr)
		}
		c, err := feed.ParseCatalog([]byte(mustRead(t, filepath.Join(out, feed.CatalogKey))))
		if err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		for _, e := range c.Episodes {
			st, err := os.Stat(filepath.Join(out, e.AudioKey))
			if err != nil || st.Size() != e.SizeBytes {
				t.Errorf("%s: %s: catalog says %d bytes: %v", when, e.AudioKey, e.SizeBytes, err)
			}
			for _, k := range []string{e.ManifestKey, e.TranscriptKey, e.ChaptersKey} {
				if _, err := os.Stat(filepath.Join(out, k)); err != nil {
					t.Errorf("%s: %s named by the catalog: %v", when, k, err)
				}
			}
			m := mustRead(t, filepath.Join(out, e.ManifestKey))
			i := strings.Index(m, `"key": "`)
			if i < 0 {
				t.Fatalf("%s: manifest %s has no audio key", when, e.ManifestKey)
			}
			key := m[i+8:]
			key = key[:strings.IndexByte(key, '"')]
			if _, err := os.Stat(filepath.Join(out, key)); err != nil {
				t.Errorf("%s: manifest %s names %s: %v", when, e.ManifestKey, key, err)
			}
		}
	}
	check("after the first run")
	write(" and again on Friday")
	for i, delay := range []time.Duration{300 * time.Millisecond, 900 * time.Millisecond, 1600 * time.Millisecond, 2500 * time.Millisecond} {
		cmd := aloudCmd(dir, args...)
		cmd.Env = append(cmd.Env, "TMPDIR="+tmp)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		check(fmt.Sprintf("kill %d after %s", i+1, delay))
	}
	if r := run(); r.code != 0 {
		t.Fatalf("the run after the kills: exit %d\n%s", r.code, r.stderr)
	}
	check("after the run that finished")
	c, _ := feed.ParseCatalog([]byte(mustRead(t, filepath.Join(out, feed.CatalogKey))))
	named := map[string]bool{}
	for _, e := range c.Episodes {
		named[e.AudioKey], named[e.TranscriptKey], named[e.ChaptersKey] = true, true, true
		if !strings.Contains(mustRead(t, filepath.Join(out, e.TranscriptKey)), "Friday") {
			t.Errorf("%s is not the updated text", e.TranscriptKey)
		}
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		name := e.Name()
		if (strings.HasSuffix(name, ".mp3") || strings.HasSuffix(name, ".vtt") || strings.HasSuffix(name, ".chapters.json")) && !named[name] {
			t.Errorf("%s is left over", name)
		}
	}
	if left, _ := os.ReadDir(filepath.Join(tmp, "aloud-work")); len(left) != 0 {
		t.Errorf("%d work folders left behind", len(left))
	}
}
