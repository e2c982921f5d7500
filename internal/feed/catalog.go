// Package feed owns the episode catalog (episodes.json, kept in the store so
// any machine can continue it) and the podcast RSS built from it.
package feed

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"slices"
	"sync"
	"time"

	"github.com/aloud-dev/aloud/internal/store"
)

// CatalogKey is where the catalog lives in the store.
const CatalogKey = "episodes.json"

// Episode is one narrated article as the catalog remembers it.
type Episode struct {
	GUID            string    `json:"guid"`
	Slug            string    `json:"slug"`
	Title           string    `json:"title"`
	Author          string    `json:"author,omitempty"`
	Description     string    `json:"description"`
	ArticleURL      string    `json:"article_url,omitempty"`
	Published       time.Time `json:"published"` // when the episode first appeared
	Updated         time.Time `json:"updated"`   // when its audio last changed
	AudioKey        string    `json:"audio_key"`
	ManifestKey     string    `json:"manifest_key"`
	SizeBytes       int64     `json:"size_bytes"`
	DurationSeconds float64   `json:"duration_seconds"`
	Voice           string    `json:"voice"`
	ContentHash     string    `json:"content_hash"`
	TranscriptKey   string    `json:"transcript_key,omitempty"`
	ChaptersKey     string    `json:"chapters_key,omitempty"`
	Language        string    `json:"language,omitempty"`
	Section         string    `json:"section,omitempty"`
	// Kind is "" for a narrated article, KindRoundup for a roundup.
	Kind string `json:"kind,omitempty"`
	// Stories are a roundup's stories, by GUID, in the order played.
	Stories []string `json:"stories,omitempty"`
}

// Catalog is every published episode, and the identity of every feed
// published from it.
type Catalog struct {
	Version  int       `json:"version"`
	Episodes []Episode `json:"episodes"`
	// Feeds holds each feed's podcast:guid and address by its key: the
	// guid is assigned once and kept when the address changes.
	Feeds map[string]FeedIdentity `json:"feeds,omitempty"`
	// Retired are the files of episodes' earlier versions that no
	// episode names any more, kept here until a run has deleted them: a
	// run killed after this catalog was written and before it deleted
	// them leaves them to the next run, not behind for ever.
	Retired []string `json:"retired,omitempty"`
}

// FeedIdentity is what a feed keeps across runs.
type FeedIdentity struct {
	GUID string `json:"guid"`          // podcast:guid, never changed once given
	URL  string `json:"url"`           // where the feed was last published
	Was  string `json:"was,omitempty"` // its address before it moved, if it did
}

// Identify gives every feed key in urls (key → the feed's public URL) its
// identity: a new feed gets a podcast:guid made from its URL when that is
// absolute (a random one when the store has no public base URL, so two
// such stores never share one); a feed whose URL changed keeps its guid
// and remembers where it was. It reports whether anything changed.
func (c *Catalog) Identify(urls map[string]string) bool {
	changed := false
	for key, u := range urls {
		id, ok := c.Feeds[key]
		switch {
		case !ok:
			id = FeedIdentity{GUID: PodcastGUID(u), URL: u}
			if !isURL(u) {
				id.GUID = randomGUID()
			}
		case id.URL != u:
			id.Was, id.URL = id.URL, u
		default:
			continue
		}
		if c.Feeds == nil {
			c.Feeds = map[string]FeedIdentity{}
		}
		c.Feeds[key] = id
		changed = true
	}
	return changed
}

const catalogVersion = 1

// Find returns the episode with the GUID.
func (c *Catalog) Find(guid string) (Episode, bool) {
	for _, e := range c.Episodes {
		if e.GUID == guid {
			return e, true
		}
	}
	return Episode{}, false
}

// Upsert adds the episode or replaces the one with the same GUID, keeping
// its first publication time; the replaced version's audio, transcript
// and chapters that the new one does not reuse join Retired. It reports
// whether one was replaced.
func (c *Catalog) Upsert(e Episode) bool {
	for i, old := range c.Episodes {
		if old.GUID == e.GUID {
			if !old.Published.IsZero() {
				e.Published = old.Published
			}
			now := map[string]bool{e.AudioKey: true, e.ManifestKey: true, e.TranscriptKey: true, e.ChaptersKey: true}
			for _, k := range []string{old.AudioKey, old.TranscriptKey, old.ChaptersKey} {
				if k != "" && !now[k] && !slices.Contains(c.Retired, k) {
					c.Retired = append(c.Retired, k)
				}
			}
			c.Episodes[i] = e
			return true
		}
	}
	c.Episodes = append(c.Episodes, e)
	return false
}

// Remove deletes the episode with the GUID and reports whether it was there.
func (c *Catalog) Remove(guid string) (Episode, bool) {
	for i, e := range c.Episodes {
		if e.GUID == guid {
			c.Episodes = slices.Delete(c.Episodes, i, i+1)
			return e, true
		}
	}
	return Episode{}, false
}

// Sorted returns the episodes newest first (by publication time, then slug).
func (c *Catalog) Sorted() []Episode {
	eps := slices.Clone(c.Episodes)
	slices.SortStableFunc(eps, func(a, b Episode) int {
		if d := b.Published.Compare(a.Published); d != 0 {
			return d
		}
		switch {
		case a.Slug < b.Slug:
			return -1
		case a.Slug > b.Slug:
			return 1
		}
		return 0
	})
	return eps
}

// LoadCatalog reads the catalog and its ETag. A store without one gives an
// empty catalog and an empty ETag.
func LoadCatalog(ctx context.Context, st store.Store) (Catalog, string, error) {
	rc, meta, err := st.Get(ctx, CatalogKey)
	if errors.Is(err, store.ErrNotExist) {
		return Catalog{Version: catalogVersion}, "", nil
	}
	if err != nil {
		return Catalog{}, "", fmt.Errorf("reading catalog: %w", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 256<<20))
	if err != nil {
		return Catalog{}, "", fmt.Errorf("reading catalog: %w", err)
	}
	c, err := ParseCatalog(data)
	if err != nil {
		return Catalog{}, "", fmt.Errorf("catalog %s: %w", st.URL(CatalogKey), err)
	}
	return c, meta.ETag, nil
}

// ParseCatalog decodes and checks a catalog.
func ParseCatalog(data []byte) (Catalog, error) {
	var c Catalog
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Catalog{}, fmt.Errorf("not a valid catalog: %w", err)
	}
	if c.Version != catalogVersion {
		return Catalog{}, fmt.Errorf("catalog version %d is not supported (want %d)", c.Version, catalogVersion)
	}
	for key, id := range c.Feeds {
		if !guidPattern.MatchString(id.GUID) {
			return Catalog{}, fmt.Errorf("feed %q: podcast guid %q is not a UUID", key, id.GUID)
		}
	}
	for _, k := range c.Retired {
		if err := store.ValidKey(k); err != nil {
			return Catalog{}, fmt.Errorf("retired file: %w", err)
		}
	}
	seen := map[string]bool{}
	for i, e := range c.Episodes {
		if e.GUID == "" || e.Slug == "" || e.AudioKey == "" {
			return Catalog{}, fmt.Errorf("episode %d lacks a guid, slug or audio key", i)
		}
		if err := store.ValidKey(e.AudioKey); err != nil {
			return Catalog{}, fmt.Errorf("episode %d: %w", i, err)
		}
		if seen[e.GUID] {
			return Catalog{}, fmt.Errorf("episode %d: duplicate guid %q", i, e.GUID)
		}
		seen[e.GUID] = true
	}
	return c, nil
}

// Encode writes the catalog as indented JSON.
func (c Catalog) Encode() ([]byte, error) {
	c.Version = catalogVersion
	if c.Episodes == nil {
		c.Episodes = []Episode{}
	}
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// UpdateCatalog applies change to the stored catalog with compare-and-swap:
// it reads the catalog and its ETag, applies change, and writes it only if
// nobody wrote in between; on a conflict it reads again and retries, so two
// publishers never lose each other's episodes.
func UpdateCatalog(ctx context.Context, st store.Store, change func(*Catalog) error) (Catalog, error) {
	verify := false
	if p, ok := st.(conditionalProber); ok {
		enforced, err := p.ConditionalWrites(ctx)
		if err != nil {
			return Catalog{}, fmt.Errorf("writing catalog: %w", err)
		}
		if !enforced {
			verify = true
			warnCareless.Do(func() {
				slog.Warn("the store ignores conditional writes (If-None-Match); the catalog is checked after each write and written again if another run overwrote it, which narrows but does not close the window for a lost update: publish from one place at a time, or use a server that enforces them (AWS S3, MinIO, Cloudflare R2)",
					"catalog", st.URL(CatalogKey))
			})
		}
	}
	const attempts = 40
	for i := 0; i < attempts; i++ {
		c, etag, err := LoadCatalog(ctx, st)
		if err != nil {
			return Catalog{}, err
		}
		was := slices.Clone(c.Episodes)
		if err := change(&c); err != nil {
			return Catalog{}, err
		}
		data, err := c.Encode()
		if err != nil {
			return Catalog{}, err
		}
		meta := store.Meta{ContentType: "application/json", CacheControl: "no-cache", IfMatch: etag, IfAbsent: etag == ""}
		err = st.Put(ctx, CatalogKey, bytes.NewReader(data), meta)
		if errors.Is(err, store.ErrPrecondition) {
			if err := sleep(ctx, backoff(i)); err != nil {
				return Catalog{}, err
			}
			continue
		}
		if err != nil {
			return Catalog{}, fmt.Errorf("writing catalog: %w", err)
		}
		if verify {
			landed, err := changeLanded(ctx, st, diffEpisodes(was, c.Episodes))
			if err != nil {
				return Catalog{}, err
			}
			if !landed {
				slog.Warn("another run overwrote the catalog; writing it again", "catalog", st.URL(CatalogKey))
				continue
			}
		}
		return c, nil
	}
	return Catalog{}, fmt.Errorf("writing catalog: still conflicting after %d attempts: %w", attempts, store.ErrPrecondition)
}

// warnCareless says once per process that the store ignores conditions.
var warnCareless sync.Once

// conditionalProber is a store that can tell whether its server enforces
// conditional writes; stores without the method are taken to enforce them.
type conditionalProber interface {
	ConditionalWrites(ctx context.Context) (bool, error)
}

// settle is how long UpdateCatalog waits before reading back a catalog it
// wrote to a store that ignores conditional writes, so that a concurrent
// writer's read-modify-write has time to land and be seen.
var settle = 150 * time.Millisecond

// episodeDiff is what one change did: episodes it wrote (added or
// altered), by their JSON, and GUIDs it removed.
type episodeDiff struct {
	wrote   map[string][]byte
	removed []string
}

func diffEpisodes(before, after []Episode) episodeDiff {
	old := map[string][]byte{}
	for _, e := range before {
		old[e.GUID], _ = json.Marshal(e)
	}
	d := episodeDiff{wrote: map[string][]byte{}}
	for _, e := range after {
		b, _ := json.Marshal(e)
		if !bytes.Equal(old[e.GUID], b) {
			d.wrote[e.GUID] = b
		}
		delete(old, e.GUID)
	}
	for guid := range old {
		d.removed = append(d.removed, guid)
	}
	return d
}

// changeLanded reads the catalog back after settle and reports whether
// what this run changed is still there: every episode it wrote as it wrote
// it, none it removed. A concurrent run's other changes do not matter.
func changeLanded(ctx context.Context, st store.Store, d episodeDiff) (bool, error) {
	if err := sleep(ctx, settle+backoff(2)); err != nil {
		return false, err
	}
	c, _, err := LoadCatalog(ctx, st)
	if err != nil {
		return false, err
	}
	now := diffEpisodes(nil, c.Episodes).wrote
	for guid, b := range d.wrote {
		if !bytes.Equal(now[guid], b) {
			return false, nil
		}
	}
	for _, guid := range d.removed {
		if _, ok := now[guid]; ok {
			return false, nil
		}
	}
	return true, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}

// backoff waits a random time up to 10 ms × 2^attempt, at most half a
// second, so that conflicting writers spread out instead of colliding again.
func backoff(attempt int) time.Duration {
	ceiling := min(10*time.Millisecond<<min(attempt, 6), 500*time.Millisecond)
	return time.Duration(rand.Int64N(int64(ceiling))) + time.Millisecond
}
