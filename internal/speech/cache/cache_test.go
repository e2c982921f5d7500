package cache

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/aloud-dev/aloud/internal/speech"
)

// counting is a backend that answers a fixed MP3 frame header and counts
// what it was asked.
type counting struct {
	mu    sync.Mutex
	asked []string
	fail  error
	data  []byte
	marks []speech.Mark
}

func (c *counting) Name() string          { return "counting" }
func (c *counting) Limits() speech.Limits { return speech.Limits{MaxChars: 100, Marks: c.marks != nil} }
func (c *counting) Synthesize(_ context.Context, r speech.Request) (speech.Audio, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked = append(c.asked, r.Text)
	if c.fail != nil {
		return speech.Audio{}, c.fail
	}
	data := c.data
	if data == nil {
		data = append([]byte{0xFF, 0xF3, 0x64, 0xC4}, []byte(r.Text)...)
	}
	return speech.Audio{Format: speech.MP3, Data: data, Marks: c.marks}, nil
}

// loadCounting counts the reads of a Dir.
type loadCounting struct {
	Dir
	loads int
}

func (l *loadCounting) Load(ctx context.Context, key string) ([]byte, error) {
	l.loads++
	return l.Dir.Load(ctx, key)
}

// TestHitReadsOnce: a hit for a voice that gives no marks is one read,
// not two (with a store as the cache, each read is a request).
func TestHitReadsOnce(t *testing.T) {
	blobs := &loadCounting{Dir: Dir(t.TempDir())}
	c := New(&counting{}, blobs, "espeak")
	c.Synthesize(context.Background(), speech.Request{Text: "Once."})
	blobs.loads = 0
	if a, err := c.Synthesize(context.Background(), speech.Request{Text: "Once."}); err != nil || !a.Cached || blobs.loads != 1 {
		t.Fatalf("hit: cached %v, %d reads, %v", a.Cached, blobs.loads, err)
	}
}

// TestCacheKeepsMarks: a voice's word and sentence marks come back with a
// cached chunk; damaged marks are reported and dropped, not the audio.
func TestCacheKeepsMarks(t *testing.T) {
	ctx := context.Background()
	dir := Dir(t.TempDir())
	marks := []speech.Mark{{Kind: "sentence", Offset: 0, Text: "Hi all."}, {Kind: "word", Offset: 350 * time.Millisecond, Text: "all."}}
	c := New(&counting{marks: marks}, dir, "polly")
	var reported []error
	c.OnError = func(err error) { reported = append(reported, err) }
	c.Synthesize(ctx, speech.Request{Text: "Hi all."})
	a, err := c.Synthesize(ctx, speech.Request{Text: "Hi all."})
	if err != nil || !a.Cached || len(a.Marks) != 2 || a.Marks[1] != marks[1] {
		t.Fatalf("cached marks %+v (%v)", a.Marks, err)
	}
	key := c.Key(speech.Request{Text: "Hi all."})
	os.WriteFile(filepath.Join(string(dir), key+marksSuffix), []byte("{broken"), 0o644)
	a, err = c.Synthesize(ctx, speech.Request{Text: "Hi all."})
	if err != nil || !a.Cached || a.Marks != nil || len(reported) != 1 {
		t.Fatalf("damaged marks: %+v, %v, reported %v", a, err, reported)
	}
}

func TestCache(t *testing.T) {
	ctx := context.Background()
	dir := Dir(t.TempDir())
	next := &counting{}
	c := New(next, dir, "espeak\x00en-US\x00{}")
	if c.Name() != "counting" || c.Limits().MaxChars != 100 {
		t.Fatal("Name and Limits are not the backend's")
	}
	for _, text := range []string{"One.", "Two.", "One."} {
		a, err := c.Synthesize(ctx, speech.Request{Text: text, Language: "en"})
		if err != nil || a.Format != speech.MP3 || !strings.HasSuffix(string(a.Data), text) {
			t.Fatalf("%q: %v %v", text, a, err)
		}
	}
	if len(next.asked) != 2 {
		t.Fatalf("backend asked %v, want One. and Two. once each", next.asked)
	}
	a, _ := c.Synthesize(ctx, speech.Request{Text: "Two.", Language: "en"})
	if !a.Cached || len(next.asked) != 2 {
		t.Errorf("a repeated chunk was not answered from the cache: cached=%v asked=%v", a.Cached, next.asked)
	}
	// Another language, SSML, or another voice identity is another chunk.
	c.Synthesize(ctx, speech.Request{Text: "Two.", Language: "de"})
	c.Synthesize(ctx, speech.Request{Text: "Two.", Language: "en", SSML: true})
	New(next, dir, "espeak\x00en-US\x00{\"rate\":1.5}").Synthesize(ctx, speech.Request{Text: "Two.", Language: "en"})
	if len(next.asked) != 5 {
		t.Errorf("asked %d times, want 5", len(next.asked))
	}
	// Nothing half-written is left beside the blobs.
	filepath.WalkDir(string(dir), func(p string, d os.DirEntry, err error) error {
		if strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return nil
	})
}

// TestCacheHostile: a blob that is not audio, an unreadable cache and an
// unwritable one each fall back to the backend; a backend failure is not
// cached.
func TestCacheHostile(t *testing.T) {
	ctx := context.Background()
	t.Run("garbage blob", func(t *testing.T) {
		dir := Dir(t.TempDir())
		next := &counting{}
		c := New(next, dir, "x")
		var warned []error
		c.OnError = func(err error) { warned = append(warned, err) }
		key := c.Key(speech.Request{Text: "Hi."})
		dir.Save(ctx, key, []byte("<html>not audio</html>"))
		a, err := c.Synthesize(ctx, speech.Request{Text: "Hi."})
		if err != nil || a.Cached || len(next.asked) != 1 || len(warned) != 1 || !strings.Contains(warned[0].Error(), "holds no audio") {
			t.Fatalf("a=%v err=%v asked=%v warned=%v", a.Cached, err, next.asked, warned)
		}
		if a, _ := c.Synthesize(ctx, speech.Request{Text: "Hi."}); !a.Cached {
			t.Error("the good answer did not replace the garbage")
		}
	})
	t.Run("empty blob", func(t *testing.T) {
		dir := Dir(t.TempDir())
		next := &counting{}
		c := New(next, dir, "x")
		dir.Save(ctx, c.Key(speech.Request{Text: "Hi."}), nil)
		if a, err := c.Synthesize(ctx, speech.Request{Text: "Hi."}); err != nil || a.Cached || len(next.asked) != 1 {
			t.Fatalf("%v %v %v", a.Cached, err, next.asked)
		}
	})
	t.Run("unwritable", func(t *testing.T) {
		file := filepath.Join(t.TempDir(), "file")
		os.WriteFile(file, nil, 0o644)
		next := &counting{}
		c := New(next, Dir(file), "x") // a file where the folder should be
		var warned []error
		c.OnError = func(err error) { warned = append(warned, err) }
		if _, err := c.Synthesize(ctx, speech.Request{Text: "Hi."}); err != nil || len(warned) == 0 {
			t.Fatalf("err %v warned %v", err, warned)
		}
	})
	t.Run("backend fails", func(t *testing.T) {
		dir := Dir(t.TempDir())
		boom := speech.Permanent(errors.New("voice not found"))
		next := &counting{fail: boom}
		c := New(next, dir, "x")
		if _, err := c.Synthesize(ctx, speech.Request{Text: "Hi."}); !errors.Is(err, boom) {
			t.Fatalf("err %v", err)
		}
		if _, err := dir.Load(ctx, c.Key(speech.Request{Text: "Hi."})); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a failure was cached: %v", err)
		}
	})
	t.Run("backend answers junk", func(t *testing.T) {
		dir := Dir(t.TempDir())
		next := &counting{data: []byte("{\"error\":\"quota\"}")}
		c := New(next, dir, "x")
		c.Synthesize(ctx, speech.Request{Text: "Hi."})
		if _, err := dir.Load(ctx, c.Key(speech.Request{Text: "Hi."})); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("junk was cached: %v", err)
		}
	})
	t.Run("keys", func(t *testing.T) {
		d := Dir(t.TempDir())
		for _, k := range []string{"", "../x", "/etc/passwd", "a\\b", "a\x00b"} {
			if err := d.Save(ctx, k, []byte("x")); err == nil {
				t.Errorf("key %q accepted", k)
			}
		}
	})
}

// TestIdentity: the same options in another layout are the same voice;
// another value is another.
func TestIdentity(t *testing.T) {
	id := func(doc string) string {
		t.Helper()
		var p speech.Preset
		if err := yaml.Unmarshal([]byte(doc), &p); err != nil {
			t.Fatal(err)
		}
		s, err := Identity(p, "128")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	a := id("backend: espeak\nlanguage: en-US\noptions:\n  voice: en-us # comment\n  rate: 1.0\n")
	b := id("backend: espeak\nlanguage: en-US\noptions: {rate: 1.0, voice: en-us}\n")
	c := id("backend: espeak\nlanguage: en-US\noptions: {rate: 1.2, voice: en-us}\n")
	if a != b || a == c {
		t.Errorf("identities:\n%q\n%q\n%q", a, b, c)
	}
}

// TestHasReadsNothing: a dry run's question reads no blob.
func TestHasReadsNothing(t *testing.T) {
	blobs := &loadCounting{Dir: Dir(t.TempDir())}
	c := New(&counting{}, blobs, "espeak")
	r := speech.Request{Text: "Known."}
	if c.Has(context.Background(), r) {
		t.Fatal("Has before anything was cached")
	}
	c.Synthesize(context.Background(), r)
	blobs.loads = 0
	if !c.Has(context.Background(), r) || blobs.loads != 0 {
		t.Fatalf("Has after caching: %d reads", blobs.loads)
	}
}
