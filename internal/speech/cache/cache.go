// Package cache is the segment cache: it wraps any speech.Synthesizer and
// keeps every chunk's audio under a hash of the voice's identity and the
// exact text, so a chunk is paid for once. Re-narrating an edited article
// synthesizes only the chunks whose text changed, and a batch killed part-way
// pays again for nothing it had already synthesized.
package cache

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Blobs holds cached audio by key. Load answers an error matching
// fs.ErrNotExist when the key is absent. Dir is one; the program adapts a
// store (local or S3) to it so that workers on many machines share one.
type Blobs interface {
	Load(ctx context.Context, key string) ([]byte, error)
	Save(ctx context.Context, key string, data []byte) error
	// Exists reports whether key holds a non-empty blob, without reading
	// it (a dry run asks this of every chunk).
	Exists(ctx context.Context, key string) bool
}

// Cache is a Synthesizer that answers from Blobs when it can.
type Cache struct {
	next     speech.Synthesizer
	blobs    Blobs
	identity string
	// OnError is told about a cache that cannot be read or written; the
	// chunk is then synthesized (or kept) without it. Nil ignores them.
	OnError func(error)
}

// New wraps next. identity names everything besides the text that shapes
// the audio (backend, voice, options, encoder settings): chunks cached
// under another identity are never answered.
func New(next speech.Synthesizer, blobs Blobs, identity string) *Cache {
	return &Cache{next: next, blobs: blobs, identity: identity}
}

// Name is the wrapped backend's.
func (c *Cache) Name() string { return c.next.Name() }

// Limits are the wrapped backend's.
func (c *Cache) Limits() speech.Limits { return c.next.Limits() }

// Key is where a request's audio is kept: a fan-out folder and the hex
// SHA-256 of the identity and the request.
func (c *Cache) Key(r speech.Request) string {
	h := sha256.New()
	fmt.Fprintf(h, "aloud segment v1\x00%s\x00%s\x00%t\x00", c.identity, r.Language, r.SSML)
	h.Write([]byte(r.Text))
	sum := hex.EncodeToString(h.Sum(nil))
	return sum[:2] + "/" + sum
}

// Synthesize answers from the cache, else from the backend and keeps the
// answer. Audio.Cached says which.
func (c *Cache) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	key := c.Key(r)
	data, err := c.blobs.Load(ctx, key)
	switch {
	case err == nil && len(data) > 0:
		if f, ok := sniff(data); ok {
			return speech.Audio{Format: f, Data: data, Cached: true, Marks: c.marks(ctx, key)}, nil
		}
		c.report(fmt.Errorf("segment cache: %s holds no audio; synthesizing again", key))
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		if ctx.Err() != nil {
			return speech.Audio{}, ctx.Err()
		}
		c.report(fmt.Errorf("segment cache: reading %s: %w", key, err))
	}
	a, err := c.next.Synthesize(ctx, r)
	if err != nil {
		return a, err
	}
	if _, ok := sniff(a.Data); ok {
		// The marks go first: audio found in the cache means its marks,
		// if the voice gave any, are there too.
		if len(a.Marks) > 0 {
			b, _ := json.Marshal(a.Marks)
			if err := c.blobs.Save(ctx, key+marksSuffix, b); err != nil && ctx.Err() == nil {
				c.report(fmt.Errorf("segment cache: writing %s: %w", key+marksSuffix, err))
				return a, nil
			}
		}
		if err := c.blobs.Save(ctx, key, a.Data); err != nil && ctx.Err() == nil {
			c.report(fmt.Errorf("segment cache: writing %s: %w", key, err))
		}
	}
	return a, nil
}

// marksSuffix names the blob beside a chunk's audio that holds the voice's
// word and sentence marks.
const marksSuffix = ".marks.json"

// marks reads a cached chunk's marks. A voice that gives none (its
// Limits say so) costs no second read per hit: with a store as the cache,
// that read would be a request.
func (c *Cache) marks(ctx context.Context, key string) []speech.Mark {
	if !c.next.Limits().Marks {
		return nil
	}
	b, err := c.blobs.Load(ctx, key+marksSuffix)
	if err != nil {
		return nil
	}
	var m []speech.Mark
	if json.Unmarshal(b, &m) != nil {
		c.report(fmt.Errorf("segment cache: %s is damaged; the transcript is timed without the voice's marks", key+marksSuffix))
		return nil
	}
	return m
}

// Has reports whether the request's audio is in the cache, without
// synthesizing or downloading anything: what a dry run counts as already
// paid for. (A damaged blob counts too; Synthesize would replace it.)
func (c *Cache) Has(ctx context.Context, r speech.Request) bool {
	return c.blobs.Exists(ctx, c.Key(r))
}

func (c *Cache) report(err error) {
	if c.OnError != nil {
		c.OnError(err)
	}
}

// sniff tells the format of cached audio from its first bytes: a WAV file
// or an MP3 stream (an ID3v2 tag or a frame sync).
func sniff(b []byte) (speech.Format, bool) {
	switch {
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WAVE":
		return speech.WAV, true
	case len(b) >= 3 && string(b[:3]) == "ID3":
		return speech.MP3, true
	case len(b) >= 2 && b[0] == 0xFF && b[1]&0xE0 == 0xE0:
		return speech.MP3, true
	}
	return "", false
}

// Dir keeps blobs as files under a folder. Files are written to a
// temporary name and renamed, so a run killed mid-write leaves no part.
type Dir string

// Load reads a blob.
func (d Dir) Load(_ context.Context, key string) ([]byte, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

// Exists reports whether a non-empty blob is stored under key.
func (d Dir) Exists(_ context.Context, key string) bool {
	p, err := d.path(key)
	if err != nil {
		return false
	}
	st, err := os.Stat(p)
	return err == nil && st.Size() > 0
}

// Save writes a blob atomically.
func (d Dir) Save(_ context.Context, key string, data []byte) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), p); err != nil {
		os.Remove(f.Name())
		return err
	}
	return nil
}

func (d Dir) path(key string) (string, error) {
	if key == "" || strings.Contains(key, "..") || strings.ContainsAny(key, "\\\x00") || filepath.IsAbs(key) {
		return "", fmt.Errorf("segment cache: invalid key %q", key)
	}
	return filepath.Join(string(d), filepath.FromSlash(key)), nil
}

// Identity is a voice preset's part of the cache key: its backend,
// language and options, the same whatever the YAML's layout or comments.
func Identity(p speech.Preset, extra ...string) (string, error) {
	opts, err := p.CanonicalOptions()
	if err != nil {
		return "", err
	}
	return strings.Join(append([]string{p.Backend, p.Language, opts}, extra...), "\x00"), nil
}

var _ speech.Synthesizer = (*Cache)(nil)
