package local

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := New(filepath.Join(t.TempDir(), "out"), "https://cdn.example.com/pod")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestLocalFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	s, err := New(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Put(ctx, "ep.mp3", strings.NewReader("data"), store.Meta{}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "ep.mp3" {
		t.Errorf("folder holds %v, want only ep.mp3 (no temp or lock files)", entries)
	}
	if st, _ := os.Stat(filepath.Join(dir, "ep.mp3")); st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", st.Mode())
	}
	if s.URL("ep.mp3") != "ep.mp3" {
		t.Errorf("URL without base: %q", s.URL("ep.mp3"))
	}
	s2, _ := New(dir, "https://cdn.example.com/pod/")
	if s2.URL("ep.mp3") != "https://cdn.example.com/pod/ep.mp3" {
		t.Errorf("URL with base: %q", s2.URL("ep.mp3"))
	}

	// A failing write leaves the old content and no temporary file.
	c, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Put(c, "ep.mp3", strings.NewReader("new"), store.Meta{}); !errors.Is(err, context.Canceled) {
		t.Errorf("canceled put: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "ep.mp3")); string(b) != "data" {
		t.Errorf("content %q after failed put", b)
	}
	entries, _ = os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %v after failed put", entries)
	}

	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := New(file, ""); err == nil {
		t.Error("a file as store folder: no error")
	}
}

// TestDeleteLeavesNoFolders: deleting the last object under a prefix
// leaves no empty folder behind, and never removes the store's own folder
// or a folder that still holds something.
func TestDeleteLeavesNoFolders(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	s, err := New(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, k := range []string{".aloud/doctor", "a/b/c.mp3", "a/keep.json"} {
		if err := s.Put(ctx, k, strings.NewReader("x"), store.Meta{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, k := range []string{".aloud/doctor", "a/b/c.mp3"} {
		if err := s.Delete(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	var left []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		rel, _ := filepath.Rel(dir, p)
		left = append(left, filepath.ToSlash(rel))
		return nil
	})
	if strings.Join(left, " ") != ". a a/keep.json" {
		t.Errorf("left %v, want the store folder, a and a/keep.json", left)
	}
}

// TestPutWritesOnlyChanges: the same bytes leave the file untouched (its
// modification time too); different bytes of the same size replace it.
func TestPutWritesOnlyChanges(t *testing.T) {
	dir := t.TempDir()
	s, err := New(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	body := bytes.Repeat([]byte("0123456789abcdef"), 10000) // more than one 64 KB piece
	if err := s.Put(ctx, "a.mp3", bytes.NewReader(body), store.Meta{}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "a.mp3")
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(p, old, old)
	if err := s.Put(ctx, "a.mp3", bytes.NewReader(body), store.Meta{}); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); !st.ModTime().Equal(old) {
		t.Errorf("the same bytes were written again (modified %s)", st.ModTime())
	}
	changed := bytes.Clone(body)
	changed[len(changed)-1] = 'X'
	if err := s.Put(ctx, "a.mp3", bytes.NewReader(changed), store.Meta{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(p); !bytes.Equal(got, changed) {
		t.Error("a change of the last byte was not written")
	}
}
