// Package storetest is the conformance suite every Store implementation
// runs from its own tests: storetest.Run(t, newStore).
package storetest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/aloud-dev/aloud/internal/store"
)

// Run checks that stores made by newStore (each empty) behave as the Store
// contract says.
func Run(t *testing.T, newStore func(t *testing.T) store.Store) {
	ctx := context.Background()
	t.Run("PutGetStat", func(t *testing.T) {
		s := newStore(t)
		put(t, s, "a/b/episode.mp3", "audio bytes", store.Meta{ContentType: "audio/mpeg"})
		body, meta := get(t, s, "a/b/episode.mp3")
		if body != "audio bytes" || meta.Size != 11 || meta.ETag == "" {
			t.Errorf("got %q, meta %+v", body, meta)
		}
		if meta.ContentType != "audio/mpeg" {
			t.Errorf("content type %q", meta.ContentType)
		}
		st, err := s.Stat(ctx, "a/b/episode.mp3")
		if err != nil || st.Size != 11 || st.ETag != meta.ETag || st.Key != "a/b/episode.mp3" {
			t.Errorf("stat %+v %v", st, err)
		}
	})
	t.Run("OverwriteChangesETag", func(t *testing.T) {
		s := newStore(t)
		put(t, s, "k.json", "one", store.Meta{})
		m1, _ := s.Stat(ctx, "k.json")
		put(t, s, "k.json", "two!", store.Meta{})
		m2, _ := s.Stat(ctx, "k.json")
		if body, _ := get(t, s, "k.json"); body != "two!" || m2.Size != 4 || m1.ETag == m2.ETag {
			t.Errorf("after overwrite: %q %+v (before %+v)", body, m2, m1)
		}
	})
	t.Run("PutRewindsBody", func(t *testing.T) {
		s := newStore(t)
		r := strings.NewReader("whole content")
		io.ReadAll(r) // a retried upload starts with the reader at its end
		if err := s.Put(ctx, "r.txt", r, store.Meta{}); err != nil {
			t.Fatal(err)
		}
		if body, _ := get(t, s, "r.txt"); body != "whole content" {
			t.Errorf("got %q", body)
		}
	})
	t.Run("Missing", func(t *testing.T) {
		s := newStore(t)
		if _, _, err := s.Get(ctx, "nope.mp3"); !errors.Is(err, store.ErrNotExist) {
			t.Errorf("get: %v", err)
		}
		if _, err := s.Stat(ctx, "nope.mp3"); !errors.Is(err, store.ErrNotExist) {
			t.Errorf("stat: %v", err)
		}
		if err := s.Delete(ctx, "nope.mp3"); !errors.Is(err, store.ErrNotExist) {
			t.Errorf("delete: %v", err)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		s := newStore(t)
		put(t, s, "d.txt", "x", store.Meta{})
		if err := s.Delete(ctx, "d.txt"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Stat(ctx, "d.txt"); !errors.Is(err, store.ErrNotExist) {
			t.Errorf("after delete: %v", err)
		}
	})
	t.Run("List", func(t *testing.T) {
		s := newStore(t)
		for _, k := range []string{"b.mp3", "a.mp3", "player/aloud.js", "feed.xml"} {
			put(t, s, k, k, store.Meta{})
		}
		if got := keys(t, s, ""); got != "a.mp3 b.mp3 feed.xml player/aloud.js" {
			t.Errorf("list all: %s", got)
		}
		if got := keys(t, s, "player/"); got != "player/aloud.js" {
			t.Errorf("list player/: %s", got)
		}
		if got := keys(t, s, "zzz"); got != "" {
			t.Errorf("list zzz: %s", got)
		}
	})
	t.Run("InvalidKeys", func(t *testing.T) {
		s := newStore(t)
		for _, k := range []string{"", "/abs", "../escape", "a/../../b", "a//b", "a\\b", "./a", "a/"} {
			if err := s.Put(ctx, k, strings.NewReader("x"), store.Meta{}); err == nil {
				t.Errorf("put %q: no error", k)
			}
		}
	})
	t.Run("ConditionalPut", func(t *testing.T) {
		s := newStore(t)
		if err := s.Put(ctx, "c.json", strings.NewReader("v1"), store.Meta{IfAbsent: true}); err != nil {
			t.Fatalf("first write: %v", err)
		}
		if err := s.Put(ctx, "c.json", strings.NewReader("v1b"), store.Meta{IfAbsent: true}); !errors.Is(err, store.ErrPrecondition) {
			t.Errorf("if-absent on existing: %v", err)
		}
		m, _ := s.Stat(ctx, "c.json")
		if err := s.Put(ctx, "c.json", strings.NewReader("v2"), store.Meta{IfMatch: m.ETag}); err != nil {
			t.Errorf("if-match current: %v", err)
		}
		if err := s.Put(ctx, "c.json", strings.NewReader("v3"), store.Meta{IfMatch: m.ETag}); !errors.Is(err, store.ErrPrecondition) {
			t.Errorf("if-match stale: %v", err)
		}
		if err := s.Put(ctx, "other.json", strings.NewReader("x"), store.Meta{IfMatch: m.ETag}); !errors.Is(err, store.ErrPrecondition) {
			t.Errorf("if-match on missing: %v", err)
		}
		if body, _ := get(t, s, "c.json"); body != "v2" {
			t.Errorf("content %q, want v2", body)
		}
	})
	t.Run("ConcurrentCompareAndSwap", func(t *testing.T) {
		s := newStore(t)
		const workers, each = 8, 5
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range each {
					for {
						n, etag := 0, ""
						if rc, m, err := s.Get(ctx, "counter"); err == nil {
							b, _ := io.ReadAll(rc)
							rc.Close()
							n, _ = strconv.Atoi(string(b))
							etag = m.ETag
						}
						err := s.Put(ctx, "counter", strings.NewReader(strconv.Itoa(n+1)), store.Meta{IfMatch: etag, IfAbsent: etag == ""})
						if err == nil {
							break
						}
						if !errors.Is(err, store.ErrPrecondition) {
							t.Error(err)
							return
						}
					}
				}
			}()
		}
		wg.Wait()
		if body, _ := get(t, s, "counter"); body != strconv.Itoa(workers*each) {
			t.Errorf("counter %s, want %d: an update was lost", body, workers*each)
		}
	})
	t.Run("URL", func(t *testing.T) {
		s := newStore(t)
		if u := s.URL("dir/x.mp3"); !strings.HasSuffix(u, "dir/x.mp3") {
			t.Errorf("URL %q", u)
		}
	})
	t.Run("Canceled", func(t *testing.T) {
		s := newStore(t)
		c, cancel := context.WithCancel(ctx)
		cancel()
		if err := s.Put(c, "x", bytes.NewReader(make([]byte, 1<<20)), store.Meta{}); err == nil {
			t.Error("put with canceled context: no error")
		}
		if _, err := s.Stat(ctx, "x"); !errors.Is(err, store.ErrNotExist) {
			t.Errorf("a canceled put left an object: %v", err)
		}
	})
}

func put(t *testing.T, s store.Store, key, body string, m store.Meta) {
	t.Helper()
	if err := s.Put(context.Background(), key, strings.NewReader(body), m); err != nil {
		t.Fatalf("put %s: %v", key, err)
	}
}

func get(t *testing.T, s store.Store, key string) (string, store.Meta) {
	t.Helper()
	rc, m, err := s.Get(context.Background(), key)
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b), m
}

func keys(t *testing.T, s store.Store, prefix string) string {
	t.Helper()
	var ks []string
	for m, err := range s.List(context.Background(), prefix) {
		if err != nil {
			t.Fatal(err)
		}
		ks = append(ks, m.Key)
	}
	return strings.Join(ks, " ")
}
