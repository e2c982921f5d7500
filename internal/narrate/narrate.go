// Package narrate is the use case: articles in, published episodes out. It
// drives every stage (read, script, synthesize, join, publish) and tells a
// Reporter what happens.
package narrate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/store"
)

// ArticleLoader reads the article an entry names.
type ArticleLoader interface {
	LoadEntry(ctx context.Context, e source.Entry) (article.Article, error)
}

// ImageFetcher fetches an article's lead image for the cover art.
type ImageFetcher interface {
	FetchImage(ctx context.Context, url string) (mime string, data []byte, err error)
}

// Voice is one voice as narration uses it: the synthesizer (with the
// runner's decorators), the preset's name, the script options shaped for
// it (normalization, lexicons, SSML) and its price.
type Voice struct {
	Name                 string // recorded with each episode
	Synth                speech.Synthesizer
	Script               script.Options
	PricePerMillionChars float64
}

// Options wire the stages together.
type Options struct {
	Loader ArticleLoader
	Images ImageFetcher   // nil: no cover from the article
	Cover  *episode.Cover // configured cover art; wins over the article's image
	// VoiceFor picks the voice for an article's language (a BCP 47 tag,
	// "" when not known); an error refuses the article. When nil, every
	// article is read by Synth, named Voice, with Script and
	// PricePerMillionChars.
	VoiceFor    func(lang string) (Voice, error)
	Synth       speech.Synthesizer
	Encoder     speech.Encoder // for segments that must be re-encoded to match
	TargetLUFS  float64        // 0 leaves loudness alone
	MaxTruePeak float64
	Compress    bool   // a frame-by-frame limiter where one gain would pass the ceiling (episode.Options.Compress)
	TempDir     string // where segments and the episode are staged; os.TempDir() when empty
	Voice       string // the voice preset's name, recorded with the episode
	// PricePerMillionChars is the voice's price in US dollars per million
	// characters, for the cost in the summary.
	PricePerMillionChars float64
	Script               script.Options
	Store                store.Store
	Channels             []feed.Channel // the feeds to publish; each selects its episodes
	Publication          string
	Jobs                 int  // articles narrated at once; 0 or 1: one after another
	ChunkJobs            int  // chunks synthesized at once per article; 0: the voice's limit or one per CPU
	Force                bool // narrate articles whose text and voice are unchanged too
	Reporter             Reporter
	Logger               *slog.Logger
	Now                  func() time.Time
}

// voice is the voice that reads an article in lang.
func (o Options) voice(lang string) (Voice, error) {
	if o.VoiceFor != nil {
		return o.VoiceFor(lang)
	}
	if o.Synth == nil {
		return Voice{}, errors.New("narrate: no voice")
	}
	return Voice{Name: o.Voice, Synth: o.Synth, Script: o.Script, PricePerMillionChars: o.PricePerMillionChars}, nil
}

// Result is what happened to one input.
type Result struct {
	Input           string  `json:"input"`
	OK              bool    `json:"ok"`
	Error           string  `json:"error,omitempty"`
	Slug            string  `json:"slug,omitempty"`
	Title           string  `json:"title,omitempty"`
	GUID            string  `json:"guid,omitempty"`
	AudioKey        string  `json:"audio_key,omitempty"`
	AudioURL        string  `json:"audio_url,omitempty"`
	ManifestKey     string  `json:"manifest_key,omitempty"`
	ManifestURL     string  `json:"manifest_url,omitempty"`
	FeedURL         string  `json:"feed_url,omitempty"`
	DurationSeconds float64 `json:"duration_seconds,omitempty"`
	SizeBytes       int64   `json:"size_bytes,omitempty"`
	Chunks          int     `json:"chunks,omitempty"`
	Chars           int     `json:"chars,omitempty"`         // characters in the script's chunks
	CachedChunks    int     `json:"cached_chunks,omitempty"` // chunks answered by the segment cache
	BilledChars     int     `json:"billed_chars,omitempty"`  // characters the voice bills for (cached chunks aside)
	Requests        int     `json:"requests,omitempty"`      // requests made to the voice, retries included
	Replaced        bool    `json:"replaced,omitempty"`      // an episode of the article was there and is updated
	Skipped         bool    `json:"skipped,omitempty"`       // unchanged since it was narrated: nothing done
	Voice           string  `json:"voice,omitempty"`
	Language        string  `json:"language,omitempty"`
	CostUSD         float64 `json:"cost_usd,omitempty"` // BilledChars at the voice's price
	err             error
}

// Err is the failure, nil when the input was narrated.
func (r Result) Err() error { return r.err }

// ErrFailed is returned by Run when at least one input failed.
var ErrFailed = errors.New("narration failed")

// Summary is what a batch did.
type Summary struct {
	Narrated     int           `json:"narrated"`
	Updated      int           `json:"updated"`
	Skipped      int           `json:"skipped"`
	Failed       int           `json:"failed"`
	Failures     []string      `json:"failures,omitempty"`
	Chars        int           `json:"chars"`         // characters the voice bills for, cached chunks aside
	Requests     int           `json:"requests"`      // requests made to the voice, retries included
	CachedChunks int           `json:"cached_chunks"` // chunks the segment cache answered
	CostUSD      float64       `json:"cost_usd"`      // Chars at the voice's price
	AudioSeconds float64       `json:"audio_seconds"`
	WallSeconds  float64       `json:"wall_seconds"`
	Wall         time.Duration `json:"-"`
}

// Run narrates the entries, o.Jobs at a time. A failing entry is reported
// and the others go on; the error says how many failed. Nothing is written
// to the store for an entry until its audio is complete; its audio and side
// files are written before its catalog entry. The catalog is written once
// at the end (and every 50 episodes or 2 minutes on the way), then the
// feeds from it, also when the run is interrupted, so a feed never points
// at a missing file. An entry whose text and voice are
// unchanged since it was narrated is skipped unless o.Force.
func Run(ctx context.Context, o Options, entries []source.Entry) ([]Result, error) {
	if o.Reporter == nil {
		o.Reporter = Discard{}
	}
	if o.Logger == nil {
		o.Logger = discardLogger()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	start := o.Now()
	if n := sweepWork(o.TempDir, time.Now()); n > 0 {
		o.Logger.Info("removed the work folders of runs that were stopped", "folders", n)
	}
	// One read of the catalog serves the whole batch (unchanged checks,
	// slugs); each catalog write on the way refreshes it.
	cat, _, err := feed.LoadCatalog(ctx, o.Store)
	if err != nil {
		return nil, err
	}
	b := &batch{claimed: map[string]string{}, cat: cat}
	o.Reporter.Report(Event{Stage: StageBatch, Total: len(entries)})
	results := narrateAll(ctx, o, b, entries)

	sum := summarize(ctx, results)
	feedErr := finishBatch(ctx, o, b, &sum)
	sum.Wall = o.Now().Sub(start)
	sum.WallSeconds = sum.Wall.Seconds()
	o.Reporter.Report(Event{Stage: StageSummary, Summary: &sum})
	kept := results[:0]
	for _, r := range results {
		if r.Input != "" {
			kept = append(kept, r)
		}
	}
	switch {
	case ctx.Err() != nil:
		return kept, ctx.Err()
	case sum.Failed > 0:
		return kept, fmt.Errorf("%w: %d of %d articles", ErrFailed, sum.Failed, len(entries))
	case feedErr != nil:
		return kept, feedErr
	}
	return kept, nil
}

// narrateAll narrates the entries, o.Jobs at a time, reporting each as
// it ends; an entry never started (the run was cancelled) has an empty
// Result.
func narrateAll(ctx context.Context, o Options, b *batch, entries []source.Entry) []Result {
	results := make([]Result, len(entries))
	workers := max(o.Jobs, 1)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(len(entries), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				in := entries[i].Ref
				r := one(ctx, o, b, entries[i])
				switch {
				case interrupted(ctx, r):
				case r.err != nil:
					r.Error = r.err.Error()
					o.Reporter.Report(Event{Input: in, Stage: StageFailed, Err: r.err, Result: &r})
				default:
					r.OK = true
					o.Reporter.Report(Event{Input: in, Stage: StageDone, Result: &r})
				}
				results[i] = r
			}
		}()
	}
feed:
	for i := range entries {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()

	return results
}

// summarize counts what the results did.
func summarize(ctx context.Context, results []Result) Summary {
	var sum Summary
	for _, r := range results {
		if r.Input == "" {
			continue // never started: interrupted
		}
		switch {
		case interrupted(ctx, r):
		case r.err != nil:
			sum.Failed++
			sum.Failures = append(sum.Failures, r.Error)
		case r.Skipped:
			sum.Skipped++
		case r.Replaced:
			sum.Updated++
		default:
			sum.Narrated++
		}
		if r.err == nil && !r.Skipped {
			sum.Chars += r.BilledChars
			sum.Requests += r.Requests
			sum.CachedChunks += r.CachedChunks
			sum.AudioSeconds += r.DurationSeconds
		}
	}
	for _, r := range results {
		sum.CostUSD += r.CostUSD
	}
	return sum
}

// finishBatch puts the episodes stored in the catalog and writes the
// feeds from it, once, even when the run was interrupted (what was
// stored is complete), and also when every article was skipped (a run
// interrupted before its feeds were written is finished by the next);
// then the earlier versions' files go. A failure is also noted in sum.
func finishBatch(ctx context.Context, o Options, b *batch, sum *Summary) error {
	var feedErr error
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Minute)
	if err := b.flush(pctx, o); err != nil {
		feedErr = fmt.Errorf("%w; their files are stored, run again to publish them", err)
		sum.Failures = append(sum.Failures, feedErr.Error())
	} else if sum.Narrated+sum.Updated+sum.Skipped > 0 {
		if err := publishLatest(pctx, o); err != nil {
			feedErr = fmt.Errorf("publishing the feeds: %w", err)
			sum.Failures = append(sum.Failures, feedErr.Error())
		} else {
			deleteObsolete(pctx, o, b)
		}
	}
	cancel()
	return feedErr
}

// interrupted reports whether r stopped because the run was cancelled,
// which is neither a success nor the article's failure.
func interrupted(ctx context.Context, r Result) bool {
	return r.err != nil && errors.Is(r.err, context.Canceled) && ctx.Err() != nil
}

// publishLatest writes the feeds from the catalog, and again if the
// catalog changed meanwhile: another run (a shard of the same batch)
// may have catalogued an episode after this one read the catalog, and
// its feeds may have been written before these.
func publishLatest(ctx context.Context, o Options) error {
	for range 5 {
		cat, etag, err := feed.LoadCatalog(ctx, o.Store)
		if err != nil {
			return err
		}
		if err := PublishFeeds(ctx, o.Store, o.Channels, cat, o.Now().UTC()); err != nil {
			return err
		}
		m, err := o.Store.Stat(ctx, feed.CatalogKey)
		if err != nil || m.ETag == etag {
			return nil
		}
	}
	return nil
}

// batch is what the articles of one Run share.
type batch struct {
	mu        sync.Mutex
	claimed   map[string]string // slug → GUID of articles in flight or done
	cat       feed.Catalog      // the catalog as last read or written
	pending   []feed.Episode    // stored, not yet in the catalog
	assets    sync.Once         // the player's files, published once a batch
	assetsErr error
	lastFlush time.Time
	flushMu   sync.Mutex // one catalog update at a time
}

// The catalog is written once at the end of a batch, and on the way when
// this many episodes wait or the last write is this old, so that a long
// batch publishes as it goes without rewriting the catalog per article.
const (
	flushEpisodes = 50
	flushInterval = 2 * time.Minute
)

// add queues a stored episode for the catalog. When it is time to write
// the catalog it hands back the episodes waiting, which the caller writes
// (write); the episodes are taken under the same lock that queued them, so
// of several articles finishing at once exactly one writes them.
func (b *batch) add(ep feed.Episode, now time.Time) []feed.Episode {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.lastFlush.IsZero() {
		b.lastFlush = now
	}
	b.pending = append(b.pending, ep)
	if len(b.pending) < flushEpisodes && now.Sub(b.lastFlush) < flushInterval {
		return nil
	}
	return b.take(now)
}

// take empties the queue; b.mu is held.
func (b *batch) take(now time.Time) []feed.Episode {
	eps := b.pending
	b.pending = nil
	b.lastFlush = now
	return eps
}

// flush writes every waiting episode to the catalog.
func (b *batch) flush(ctx context.Context, o Options) error {
	b.mu.Lock()
	eps := b.take(o.Now())
	b.mu.Unlock()
	return b.write(ctx, o, eps)
}

// write puts the episodes in the catalog in one compare-and-swap update;
// on failure they go back to the queue for the next write.
func (b *batch) write(ctx context.Context, o Options, eps []feed.Episode) error {
	if len(eps) == 0 {
		return nil
	}
	b.flushMu.Lock()
	defer b.flushMu.Unlock()
	cat, err := feed.UpdateCatalog(ctx, o.Store, func(c *feed.Catalog) error {
		for _, ep := range eps {
			c.Upsert(ep)
		}
		c.Identify(feedURLs(o.Store, o.Channels)) // in the same write
		return nil
	})
	b.mu.Lock()
	defer b.mu.Unlock()
	if err != nil {
		b.pending = append(eps, b.pending...)
		return fmt.Errorf("writing %d episodes to the catalog: %w", len(eps), err)
	}
	b.cat = cat
	return nil
}

// known is the article's episode in the catalog, if it has one.
func (b *batch) known(guid string) (feed.Episode, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cat.Find(guid)
}

// publishAssets writes the player's script and stylesheet, once a batch.
func (b *batch) publishAssets(ctx context.Context, st store.Store) error {
	b.assets.Do(func() {
		for key, body := range player.Assets() {
			if err := st.Put(ctx, key, bytes.NewReader(body), store.Meta{CacheControl: "public, max-age=3600"}); err != nil {
				b.assetsErr = fmt.Errorf("publishing the player: %w", err)
				return
			}
		}
	})
	return b.assetsErr
}

// slug picks the article's slug, unique in the catalog and in the batch.
func (b *batch) slug(guid, title string) string {
	b.mu.Lock()
	defer b.mu.Unlock()
	s := b.cat.SlugAvoiding(guid, title, b.claimed)
	b.claimed[s] = guid
	return s
}

func one(ctx context.Context, o Options, b *batch, e source.Entry) Result {
	in := article.RedactURL(e.Ref) // credentials in the URL are never printed or stored
	r := Result{Input: in}
	fail := func(err error) Result { r.err = err; return r }
	report := func(s Stage, done, total int) {
		o.Reporter.Report(Event{Input: in, Stage: s, Done: done, Total: total})
	}
	start := o.Now()

	report(StageRead, 0, 0)
	a, err := o.Loader.LoadEntry(ctx, e)
	if err != nil {
		return fail(err)
	}
	if a.Publication == "" {
		a.Publication = o.Publication
	}
	r.Title, r.Language = a.Title, a.Language
	r.GUID = b.identity(a)
	v, err := o.voice(a.Language)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", in, err))
	}
	r.Voice = v.Name
	if !o.Force {
		if done, ok := unchanged(ctx, o, b, r.GUID, a.ContentHash(), v.Name); ok {
			r.Skipped, r.Slug, r.AudioKey, r.ManifestKey = true, done.Slug, done.AudioKey, done.ManifestKey
			r.AudioURL, r.ManifestURL, r.DurationSeconds, r.SizeBytes = o.Store.URL(done.AudioKey), o.Store.URL(done.ManifestKey), done.DurationSeconds, done.SizeBytes
			return r
		}
	}
	o.Logger.Debug("read article", "input", in, "title", a.Title, "words", a.Words())

	report(StageScript, 0, 0)
	sc, err := buildScript(v, a)
	if err != nil {
		return fail(fmt.Errorf("%s: %w", in, err))
	}
	r.Chunks, r.Chars = len(sc.Chunks), sc.Chars()

	work, err := workDir(o.TempDir)
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(work)
	segs, err := synthesize(ctx, o, v, work, sc, report, &r)
	r.CostUSD = float64(r.BilledChars) * v.PricePerMillionChars / 1e6
	if err != nil {
		return fail(fmt.Errorf("%s: %w", in, err))
	}

	report(StageJoin, 0, 0)
	audio, err := os.Create(filepath.Join(work, "episode.mp3"))
	if err != nil {
		return fail(err)
	}
	defer audio.Close()
	var chapters []episode.Chapter
	for i, c := range sc.Chunks {
		if c.Chapter != "" {
			chapters = append(chapters, episode.Chapter{Segment: i, Title: c.Chapter})
		}
	}
	res, err := episode.Join(ctx, audio, segs, episode.Options{
		Tags: episode.Tags{Title: a.Title, Author: a.Byline, Publication: a.Publication, Date: a.Published, URL: a.URL,
			Comment: sc.Disclosure, Cover: cover(ctx, o, a)},
		Chapters: chapters, TargetLUFS: o.TargetLUFS, MaxTruePeak: o.MaxTruePeak, Compress: o.Compress, Encoder: o.Encoder,
	})
	if err != nil {
		return fail(fmt.Errorf("%s: %w", in, err))
	}
	if l := res.Loudness; l != nil && l.PeakLimited {
		o.Logger.Info("the voice's peaks keep one gain below the loudness target; loudness.compress: true reaches it with a limiter",
			"input", in, "target_lufs", l.TargetLUFS, "output_lufs", l.OutputLUFS, "input_true_peak", l.InputTruePeak)
	}

	report(StagePublish, 0, 0)
	if err := publishEpisode(ctx, o, b, &r, a, sc, v.Name, audio, res); err != nil {
		return fail(fmt.Errorf("%s: %w", in, err))
	}
	o.Logger.Debug("narrated", "input", in, "slug", r.Slug, "seconds", r.DurationSeconds, "took", o.Now().Sub(start))
	return r
}

// unchanged finds the article's episode in the catalog with the same text
// and voice, and its audio still stored.
func unchanged(ctx context.Context, o Options, b *batch, guid, hash, voice string) (feed.Episode, bool) {
	e, ok := b.known(guid)
	if !ok || e.ContentHash != hash || e.Voice != voice {
		return feed.Episode{}, false
	}
	if m, err := o.Store.Stat(ctx, e.AudioKey); err != nil || m.Size != e.SizeBytes {
		return feed.Episode{}, false
	}
	return e, true
}

// synthesize speaks every chunk, a bounded number at once, writes each to a
// file in dir as it arrives, and returns the segments in script order.
func synthesize(ctx context.Context, o Options, v Voice, dir string, sc script.Script, report func(Stage, int, int), r *Result) ([]episode.Segment, error) {
	jobs := o.ChunkJobs
	if jobs <= 0 {
		jobs = v.Synth.Limits().Concurrency
	}
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	segs := make([]episode.Segment, len(sc.Chunks))
	var done, cached, billed, requests atomic.Int64
	defer func() {
		r.CachedChunks, r.BilledChars, r.Requests = int(cached.Load()), int(billed.Load()), int(requests.Load())
	}()
	report(StageSynthesize, 0, len(sc.Chunks))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(jobs)
	lim := v.Synth.Limits()
	for i, req := range Requests(sc) {
		c := sc.Chunks[i]
		g.Go(func() error {
			audio, err := v.Synth.Synthesize(gctx, req)
			if err != nil {
				return fmt.Errorf("synthesizing chunk %d of %d (%q): %w", i+1, len(sc.Chunks), clip(c.Text, 40), err)
			}
			if audio.Cached {
				cached.Add(1)
			} else {
				billed.Add(int64(lim.Billed(req)))
				requests.Add(int64(max(audio.Attempts, 1)))
			}
			path := filepath.Join(dir, fmt.Sprintf("segment-%05d.%s", i, audio.Format))
			if err := os.WriteFile(path, audio.Data, 0o600); err != nil {
				return err
			}
			segs[i] = episode.Segment{Path: path, Size: int64(len(audio.Data)), Format: audio.Format, PauseBefore: c.PauseBefore, Marks: audio.Marks}
			report(StageSynthesize, int(done.Add(1)), len(sc.Chunks))
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return segs, nil
}

// BuildScript makes the article's script exactly as Run would send it to
// the voice of its language: chunked to the voice's limits, with its
// script options. It also returns the voice.
func BuildScript(o Options, a article.Article) (script.Script, Voice, error) {
	v, err := o.voice(a.Language)
	if err != nil {
		return script.Script{}, Voice{}, err
	}
	sc, err := buildScript(v, a)
	return sc, v, err
}

func buildScript(v Voice, a article.Article) (script.Script, error) {
	so := v.Script
	lim := v.Synth.Limits()
	if so.MaxChars == 0 {
		so.MaxChars = lim.MaxChars
	}
	if so.MaxBytes == 0 {
		so.MaxBytes = lim.MaxBytes
	}
	return script.Build(a, so)
}

// Requests are a script's chunks as the voice gets them, each with the
// text of the chunks around it for voices that carry prosody across.
func Requests(sc script.Script) []speech.Request {
	reqs := make([]speech.Request, len(sc.Chunks))
	for i, c := range sc.Chunks {
		reqs[i] = speech.Request{Text: c.Say(), SSML: c.SSML, Language: sc.Language}
		if i > 0 {
			reqs[i].Previous = sc.Chunks[i-1].Say()
		}
		if i+1 < len(sc.Chunks) {
			reqs[i].Next = sc.Chunks[i+1].Say()
		}
	}
	return reqs
}

// cover is the configured cover art, else the article's lead image when it
// can be fetched, else the default art the feeds use (a 1 KB PNG), so that
// every episode shows artwork in a player.
func cover(ctx context.Context, o Options, a article.Article) *episode.Cover {
	if o.Cover != nil {
		return o.Cover
	}
	if o.Images != nil && a.Image != "" {
		mime, data, err := o.Images.FetchImage(ctx, a.Image)
		if err == nil {
			return &episode.Cover{MIME: mime, Data: data}
		}
		o.Logger.Warn("no cover art from the lead image; using the default art", "image", a.Image, "err", err)
	}
	return &episode.Cover{MIME: "image/png", Data: defaultCover()}
}

// defaultCover is drawn once, when first needed: drawing it costs 20 ms,
// which every command's start-up paid when it was drawn at init.
var defaultCover = sync.OnceValue(feed.DefaultCover)

func putJSON(ctx context.Context, st store.Store, key string, encode func() ([]byte, error)) error {
	return putJSONMeta(ctx, st, key, "public, max-age=300", encode)
}

func putJSONMeta(ctx context.Context, st store.Store, key, cacheControl string, encode func() ([]byte, error)) error {
	b, err := encode()
	if err != nil {
		return err
	}
	return st.Put(ctx, key, bytes.NewReader(b), store.Meta{ContentType: "application/json", CacheControl: cacheControl})
}

// fileVersion names a version of an episode: the first 12 hex digits of
// the SHA-256 of its audio, so that the same audio keeps its keys (and
// is not uploaded again) and new audio gets new ones. f is left at its
// start.
func fileVersion(f *os.File) (string, error) {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("hashing the episode: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}

// deleteObsolete removes the earlier versions' files, after the catalog
// and the feeds were written: those the catalog lists as retired (Upsert
// lists them in the write that replaces an episode; a run killed before
// it got here left them there). A file the catalog names (another run
// may have written it meanwhile) is kept; what was deleted, or is named
// again, leaves the catalog's list.
func deleteObsolete(ctx context.Context, o Options, b *batch) {
	b.mu.Lock()
	retired := len(b.cat.Retired) // as the batch last read or wrote the catalog
	b.mu.Unlock()
	if retired == 0 {
		return // nothing to delete: the catalog is not read again
	}
	cat, _, err := feed.LoadCatalog(ctx, o.Store)
	if err != nil {
		o.Logger.Warn("earlier versions' files kept: reading the catalog failed", "files", retired, "err", err)
		return
	}
	named := protectedKeys(o.Channels, cat)
	done := map[string]bool{}
	for _, k := range cat.Retired {
		if named[k] {
			done[k] = true
			continue
		}
		if err := o.Store.Delete(ctx, k); err != nil && !errors.Is(err, store.ErrNotExist) {
			o.Logger.Warn("could not delete an earlier version's file", "key", k, "err", err)
			continue
		}
		done[k] = true
	}
	if _, err := feed.UpdateCatalog(ctx, o.Store, func(c *feed.Catalog) error {
		c.Retired = slices.DeleteFunc(c.Retired, func(k string) bool { return done[k] })
		return nil
	}); err != nil {
		o.Logger.Warn("the catalog still lists deleted files as retired; the next run clears them", "err", err)
	}
}

// GUID is the episode's stable identity, so that narrating the same
// article again replaces its episode: the article's canonical URL (or
// the URL it was fetched from), else, for a file, a hash of the file's
// absolute path (its title can be edited, its place rarely is; the hash
// keeps the machine's folders out of the public feed), else a hash of
// its title and byline (text posted with neither).
func GUID(a article.Article) string {
	if a.URL != "" {
		return a.URL
	}
	if p := filePath(a.Source); p != "" {
		sum := sha256.Sum256([]byte("file\n" + p))
		return "urn:aloud:file:" + hex.EncodeToString(sum[:16])
	}
	return titleGUID(a)
}

// titleGUID is the identity made from the title and byline: every
// article's before files had their own, and still that of posted text.
func titleGUID(a article.Article) string {
	sum := sha256.Sum256([]byte(strings.ToLower(strings.Join(strings.Fields(a.Title), " ")) + "\n" + a.Byline))
	return "urn:aloud:" + hex.EncodeToString(sum[:16])
}

// filePath is the absolute, cleaned path of a source that is a local
// file, or "" for URLs, posts and standard input.
func filePath(source string) string {
	if source == "" || source == "-" || strings.Contains(source, ":") && !filepath.IsAbs(source) {
		return ""
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(abs)
}

// identity is the article's GUID in batch b: GUID(a), unless the catalog
// holds the article under the title hash an earlier version gave files,
// which it keeps, so that upgrading makes no second episode.
func (b *batch) identity(a article.Article) string {
	g := GUID(a)
	if _, ok := b.known(g); ok || !strings.HasPrefix(g, "urn:aloud:file:") {
		return g
	}
	if old := titleGUID(a); old != g {
		if _, ok := b.known(old); ok {
			return old
		}
	}
	return g
}

// description is the episode's show notes: the opening of the article, the
// disclosure, and a link to the article.
func description(a article.Article, disclosure string) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind == article.Heading {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(bl.Text)
		if b.Len() > 500 {
			break
		}
	}
	d := clip(b.String(), 600)
	if disclosure != "" {
		d += "\n\n" + disclosure
	}
	if a.URL != "" {
		d += "\n\nRead the article: " + a.URL
	}
	return d
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n])) + "…"
}

// Discard is a Reporter that ignores every event.
type Discard struct{}

// Report does nothing.
func (Discard) Report(Event) {}

// publishEpisode stores a narrated article's episode, in the order that
// keeps every state consistent: its versioned audio, transcript and
// chapters, its manifest, then the episode queued for the catalog (the
// earlier version's files are retired, deleted once the feeds name the
// new one). What it stored is removed again if a later step fails.
func publishEpisode(ctx context.Context, o Options, b *batch, r *Result, a article.Article, sc script.Script, voice string, audio *os.File, res episode.Result) error {
	version, err := fileVersion(audio)
	if err != nil {
		return err
	}
	r.Slug = b.slug(r.GUID, a.Title)
	// The audio, transcript and chapters of each version have keys of
	// their own (the audio's hash in the name): the version the catalog
	// and the feeds name stays whole until they name the new one, and a
	// CDN never serves old bytes under a new length. The manifest keeps
	// its key, which article pages embed.
	r.AudioKey, r.ManifestKey = r.Slug+"-"+version+".mp3", r.Slug+".json"
	vttKey, chaptersKey := r.Slug+"-"+version+".vtt", r.Slug+"-"+version+".chapters.json"
	r.AudioURL, r.ManifestURL, r.FeedURL = o.Store.URL(r.AudioKey), o.Store.URL(r.ManifestKey), o.Store.URL(feed.FeedKey)
	r.DurationSeconds = player.Seconds(res.Duration)
	r.SizeBytes = res.SizeBytes
	prev, _ := b.known(r.GUID)
	kept := map[string]bool{prev.AudioKey: true, prev.TranscriptKey: true, prev.ChaptersKey: true}
	var stored []string
	// undo removes what this article stored when it fails before its
	// episode is catalogued, but never a file the catalog still names.
	undo := func(err error) error {
		for _, k := range stored {
			if !kept[k] {
				if derr := o.Store.Delete(context.WithoutCancel(ctx), k); derr != nil && !errors.Is(derr, store.ErrNotExist) {
					o.Logger.Warn("could not remove a file of a failed article", "key", k, "err", derr)
				}
			}
		}
		return err
	}

	if err := o.Store.Put(ctx, r.AudioKey, audio,
		store.Meta{ContentType: "audio/mpeg", CacheControl: "public, max-age=31536000, immutable"}); err != nil {
		return undo(fmt.Errorf("publishing audio: %w", err))
	}
	stored = append(stored, r.AudioKey)
	if err := b.publishAssets(ctx, o.Store); err != nil {
		return undo(err)
	}
	if err := o.Store.Put(ctx, vttKey, bytes.NewReader(episode.WriteVTT(episode.Cues(sc.Chunks, res.Segments), a.Language)),
		store.Meta{ContentType: "text/vtt", CacheControl: "public, max-age=31536000, immutable"}); err != nil {
		return undo(fmt.Errorf("publishing transcript: %w", err))
	}
	stored = append(stored, vttKey)
	if err := putJSONMeta(ctx, o.Store, chaptersKey, "public, max-age=31536000, immutable", func() ([]byte, error) { return episode.ChaptersJSON(res.Chapters) }); err != nil {
		return undo(fmt.Errorf("publishing chapters: %w", err))
	}
	stored = append(stored, chaptersKey)
	now := o.Now().UTC()
	m := player.Manifest{
		Slug: r.Slug, Title: a.Title, ArticleURL: a.URL, DurationSeconds: r.DurationSeconds,
		Audio: player.Audio{Key: r.AudioKey, URL: r.AudioURL, Type: "audio/mpeg", SizeBytes: res.SizeBytes},
		Voice: voice, Language: a.Language, Disclosure: sc.Disclosure, Created: now,
		TranscriptURL: o.Store.URL(vttKey), ChaptersURL: o.Store.URL(chaptersKey),
	}
	m.FromEpisode(res)
	if err := putJSON(ctx, o.Store, r.ManifestKey, m.Encode); err != nil {
		return undo(fmt.Errorf("publishing manifest: %w", err))
	}
	published := a.Published.UTC()
	if published.IsZero() {
		published = now
	}
	ep := feed.Episode{
		GUID: r.GUID, Slug: r.Slug, Title: a.Title, Author: a.Byline, Description: description(a, sc.Disclosure),
		ArticleURL: a.URL, Published: published, Updated: now, AudioKey: r.AudioKey, ManifestKey: r.ManifestKey,
		SizeBytes: res.SizeBytes, DurationSeconds: r.DurationSeconds, Voice: voice, ContentHash: a.ContentHash(),
		TranscriptKey: vttKey, ChaptersKey: chaptersKey, Language: a.Language, Section: a.Section,
	}
	_, r.Replaced = b.known(ep.GUID)
	if eps := b.add(ep, o.Now()); eps != nil {
		// A long batch publishes as it goes; a failure here is retried
		// with the rest at the end.
		if err := b.write(ctx, o, eps); err != nil {
			o.Logger.Warn("catalog update deferred to the end of the batch", "err", err)
		}
	}
	return nil
}
