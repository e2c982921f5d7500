package narrate_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/backends"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

// slowVoice answers every chunk with a second of silence after a delay,
// as a cloud voice would after its network round trip.
type slowVoice struct {
	latency     time.Duration
	concurrency int
	audio       []byte
	requests    atomic.Int64
	inFlight    atomic.Int64
	peak        atomic.Int64
}

func newSlowVoice(tb testing.TB, latency time.Duration, concurrency int) *slowVoice {
	tb.Helper()
	f := mp3.Format{Version: mp3.MPEG2, Layer: 3, RateHz: 24000, Mode: mp3.Mono}
	audio, err := mp3.Silence(f, 48, 42) // 42 × 576 samples ≈ 1 s
	if err != nil {
		tb.Fatal(err)
	}
	return &slowVoice{latency: latency, concurrency: concurrency, audio: audio}
}

func (v *slowVoice) Name() string { return "slow" }
func (v *slowVoice) Limits() speech.Limits {
	return speech.Limits{MaxChars: 300, Formats: []speech.Format{speech.MP3}, Concurrency: v.concurrency, Billing: speech.PerChar}
}
func (v *slowVoice) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	v.requests.Add(1)
	n := v.inFlight.Add(1)
	defer v.inFlight.Add(-1)
	for {
		p := v.peak.Load()
		if n <= p || v.peak.CompareAndSwap(p, n) {
			break
		}
	}
	select {
	case <-time.After(v.latency):
	case <-ctx.Done():
		return speech.Audio{}, ctx.Err()
	}
	return speech.Audio{Format: speech.MP3, Data: v.audio}, nil
}

// newsroom makes articles of five paragraphs from entries named
// https://news.example.com/N; "bad" entries fail to load.
type newsroom struct{}

func (newsroom) LoadEntry(_ context.Context, e source.Entry) (article.Article, error) {
	if strings.Contains(e.Ref, "bad") {
		return article.Article{}, fmt.Errorf("%s: the server answered 404 Not Found", e.Ref)
	}
	a := article.Article{Title: "Story " + strings.TrimPrefix(e.Ref, "https://news.example.com/"), Byline: "Ana Ruiz",
		URL: e.Ref, Language: "en", Published: time.Date(2026, 11, 24, 8, 0, 0, 0, time.UTC), Source: e.Ref}
	for p := range 5 {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.Paragraph,
			Text: fmt.Sprintf("Paragraph %d of %s: the harbour board met on Tuesday and voted to rebuild the north pier before the storms of winter arrive.", p+1, e.Ref)})
	}
	return a, nil
}

func entries(n int, extra ...string) []source.Entry {
	var es []source.Entry
	for i := range n {
		es = append(es, source.Entry{Ref: fmt.Sprintf("https://news.example.com/%d", i)})
	}
	for _, x := range extra {
		es = append(es, source.Entry{Ref: x})
	}
	return es
}

type collect struct {
	sum atomic.Pointer[narrate.Summary]
}

func (c *collect) Report(e narrate.Event) {
	if e.Summary != nil {
		c.sum.Store(e.Summary)
	}
}

func options(tb testing.TB, voice speech.Synthesizer, jobs int) (narrate.Options, *collect) {
	tb.Helper()
	st, err := local.New(tb.TempDir(), "https://cdn.example.com")
	if err != nil {
		tb.Fatal(err)
	}
	c := &collect{}
	return narrate.Options{
		Loader: newsroom{}, Synth: voice, Store: st, Voice: "slow", Jobs: jobs, TempDir: tb.TempDir(),
		Channels: []feed.Channel{{Title: "Courier", Language: "en", Category: "News"}}, Reporter: c,
	}, c
}

// TestRunBatch: articles run in parallel up to Jobs, one bad article fails
// alone, the summary counts each, and a second run skips them all.
func TestRunBatch(t *testing.T) {
	voice := newSlowVoice(t, 5*time.Millisecond, 2)
	o, c := options(t, voice, 4)
	o.PricePerMillionChars = 16 // Polly neural's list price
	results, err := narrate.Run(context.Background(), o, entries(8, "https://news.example.com/bad"))
	if !errors.Is(err, narrate.ErrFailed) || !strings.Contains(err.Error(), "1 of 9") {
		t.Fatalf("err %v", err)
	}
	s := c.sum.Load()
	if len(results) != 9 || s.Narrated != 8 || s.Failed != 1 || !strings.Contains(s.Failures[0], "bad: the server answered 404") {
		t.Fatalf("%d results, summary %+v", len(results), s)
	}
	if want := float64(s.Chars) * 16 / 1e6; s.Chars == 0 || math.Abs(s.CostUSD-want) > 1e-9 {
		t.Errorf("cost $%v for %d characters, want $%v", s.CostUSD, s.Chars, want)
	}
	// 4 articles × 2 chunks at once at most.
	if p := voice.peak.Load(); p < 3 || p > 8 {
		t.Errorf("peak requests in flight %d, want 3 to 8 (4 articles, 2 chunks each)", p)
	}
	cat, _, err := feed.LoadCatalog(context.Background(), o.Store)
	if err != nil || len(cat.Episodes) != 8 {
		t.Fatalf("catalog %d episodes, %v", len(cat.Episodes), err)
	}
	before := voice.requests.Load()
	if _, err := narrate.Run(context.Background(), o, entries(8)); err != nil {
		t.Fatal(err)
	}
	if s := c.sum.Load(); s.Skipped != 8 || voice.requests.Load() != before {
		t.Errorf("second run: %+v, %d new requests", s, voice.requests.Load()-before)
	}
}

// TestRunInterrupted cancels a batch part-way: Run returns the context's
// error, and the feed lists exactly what the catalog holds.
func TestRunInterrupted(t *testing.T) {
	voice := newSlowVoice(t, 20*time.Millisecond, 1)
	o, _ := options(t, voice, 2)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(150*time.Millisecond, cancel)
	_, err := narrate.Run(ctx, o, entries(20))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	cat, _, _ := feed.LoadCatalog(context.Background(), o.Store)
	if len(cat.Episodes) == 20 {
		t.Fatal("the batch finished before it was interrupted")
	}
	rc, _, err := o.Store.Get(context.Background(), feed.FeedKey)
	if len(cat.Episodes) > 0 && err != nil {
		t.Fatalf("no feed after an interrupted batch with %d episodes: %v", len(cat.Episodes), err)
	}
	if err == nil {
		defer rc.Close()
		var b strings.Builder
		buf := make([]byte, 1<<16)
		for {
			n, err := rc.Read(buf)
			b.Write(buf[:n])
			if err != nil {
				break
			}
		}
		if got := strings.Count(b.String(), "<item>"); got != len(cat.Episodes) {
			t.Errorf("feed lists %d items, catalog %d", got, len(cat.Episodes))
		}
	}
}

// countingStore counts reads and writes of each key.
type countingStore struct {
	store.Store
	mu   sync.Mutex
	puts map[string]int
	gets map[string]int
}

func (c *countingStore) Get(ctx context.Context, key string) (io.ReadCloser, store.Meta, error) {
	c.mu.Lock()
	c.gets[key]++
	c.mu.Unlock()
	return c.Store.Get(ctx, key)
}

func (c *countingStore) Put(ctx context.Context, key string, body io.ReadSeeker, m store.Meta) error {
	c.mu.Lock()
	c.puts[key]++
	c.mu.Unlock()
	return c.Store.Put(ctx, key, body, m)
}

// TestCatalogWrites: the catalog is written once for a small batch, and
// every 50 episodes on the way for a long one, not once per article.
func TestCatalogWrites(t *testing.T) {
	for _, tc := range []struct{ articles, writes int }{{8, 1}, {120, 3}} {
		voice := newSlowVoice(t, 0, 4)
		o, _ := options(t, voice, 8)
		cs := &countingStore{Store: o.Store, puts: map[string]int{}, gets: map[string]int{}}
		o.Store = cs
		if _, err := narrate.Run(context.Background(), o, entries(tc.articles)); err != nil {
			t.Fatal(err)
		}
		// Read once at the start, once per write, once for the feeds:
		// never per article.
		if reads := cs.gets[feed.CatalogKey]; reads > tc.writes+2 {
			t.Errorf("%d articles: catalog read %d times, want at most %d", tc.articles, reads, tc.writes+2)
		}
		if n := cs.puts["player/aloud-player.js"]; n != 1 {
			t.Errorf("%d articles: the player published %d times, want once a batch", tc.articles, n)
		}
		cat, _, _ := feed.LoadCatalog(context.Background(), cs)
		if cs.puts[feed.CatalogKey] != tc.writes || len(cat.Episodes) != tc.articles || cs.puts[feed.FeedKey] != 1 {
			t.Errorf("%d articles: catalog written %d times (want %d), %d episodes, feed written %d times",
				tc.articles, cs.puts[feed.CatalogKey], tc.writes, len(cat.Episodes), cs.puts[feed.FeedKey])
		}
	}
}

// BenchmarkBatch narrates 200 articles (five paragraphs each) through a
// voice with 100 ms latency that takes 4 chunks at once per article, at
// --jobs 1, 4 and 16, and reports articles per minute.
func BenchmarkBatch(b *testing.B) {
	for _, jobs := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("jobs=%d", jobs), func(b *testing.B) {
			for b.Loop() {
				voice := newSlowVoice(b, 100*time.Millisecond, 4)
				o, c := options(b, voice, jobs)
				start := time.Now()
				if _, err := narrate.Run(context.Background(), o, entries(200)); err != nil {
					b.Fatal(err)
				}
				took := time.Since(start)
				if s := c.sum.Load(); s.Narrated != 200 {
					b.Fatalf("summary %+v", s)
				}
				b.ReportMetric(200/took.Minutes(), "articles/min")
				b.ReportMetric(float64(voice.requests.Load())/200, "chunks/article")
				b.ReportMetric(float64(voice.peak.Load()), "peak-requests")
			}
		})
	}
}

// longRead is one article of 99 paragraphs: with its intro and closing
// line, 101 chunks.
type longRead struct{}

func (longRead) LoadEntry(_ context.Context, e source.Entry) (article.Article, error) {
	a := article.Article{Title: "The long read", URL: e.Ref, Language: "en", Source: e.Ref}
	for p := range 99 {
		a.Blocks = append(a.Blocks, article.Block{Kind: article.Paragraph, Text: fmt.Sprintf("Paragraph %d: the harbour board met again.", p+1)})
	}
	return a, nil
}

// BenchmarkChunks100 narrates an article of about 100 chunks (101)
// through the shared runner with a voice that answers after 200 ms and
// allows 8 requests at once. The ideal is chunks × 200 ms ÷ 8 (2.525 s)
// of waiting plus what the same article costs
// with an instant voice (script, join, store): over-ideal-% is how far
// above that the run is.
func BenchmarkChunks100(b *testing.B) {
	chunks := 0
	run := func(latency time.Duration) (time.Duration, *slowVoice) {
		voice := newSlowVoice(b, latency, 8)
		o, _ := options(b, backends.Runner(voice, nil), 1)
		o.Loader, o.Force = longRead{}, true
		start := time.Now()
		res, err := narrate.Run(context.Background(), o, []source.Entry{{Ref: "https://news.example.com/long"}})
		if err != nil {
			b.Fatal(err)
		}
		// 100 paragraphs, the intro and the closing line: one request a
		// chunk, none repeated.
		if res[0].Chunks < 100 || voice.requests.Load() != int64(res[0].Chunks) {
			b.Fatalf("%d chunks, %d requests", res[0].Chunks, voice.requests.Load())
		}
		chunks = res[0].Chunks
		return time.Since(start), voice
	}
	for b.Loop() {
		instant, _ := run(0)
		took, voice := run(200 * time.Millisecond)
		// The ideal: every chunk's 200 ms, 8 at once, and nothing else
		// but what the same article costs with an instant voice.
		ideal := time.Duration(chunks)*200*time.Millisecond/8 + instant
		b.ReportMetric(took.Seconds(), "total-s")
		b.ReportMetric(instant.Seconds(), "instant-voice-s")
		b.ReportMetric(100*(took.Seconds()/ideal.Seconds()-1), "over-ideal-%")
		b.ReportMetric(float64(voice.peak.Load()), "peak-requests")
	}
}

// TestRetiredFilesOutliveAKill: an earlier version's files that a killed
// run left listed as retired in the catalog are deleted by the next run
// that publishes, and leave the list; a retired file an episode names
// again is kept.
func TestRetiredFilesOutliveAKill(t *testing.T) {
	ctx := context.Background()
	o, _ := options(t, newSlowVoice(t, 0, 2), 2)
	for _, k := range []string{"old-story-aaaaaaaaaaaa.mp3", "old-story-aaaaaaaaaaaa.vtt"} {
		if err := o.Store.Put(ctx, k, strings.NewReader("x"), store.Meta{ContentType: "audio/mpeg"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := feed.UpdateCatalog(ctx, o.Store, func(c *feed.Catalog) error {
		c.Retired = []string{"old-story-aaaaaaaaaaaa.mp3", "old-story-aaaaaaaaaaaa.vtt", "gone-already.mp3"}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := narrate.Run(ctx, o, entries(1)); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"old-story-aaaaaaaaaaaa.mp3", "old-story-aaaaaaaaaaaa.vtt"} {
		if _, err := o.Store.Stat(ctx, k); !errors.Is(err, store.ErrNotExist) {
			t.Errorf("%s: %v, want it deleted", k, err)
		}
	}
	cat, _, err := feed.LoadCatalog(ctx, o.Store)
	if err != nil {
		t.Fatal(err)
	}
	if len(cat.Retired) != 0 {
		t.Errorf("retired %v left in the catalog", cat.Retired)
	}

	// Upsert lists what a new version does not reuse.
	var c feed.Catalog
	c.Upsert(feed.Episode{GUID: "g", Slug: "s", AudioKey: "s-1.mp3", TranscriptKey: "s-1.vtt", ManifestKey: "s.json"})
	c.Upsert(feed.Episode{GUID: "g", Slug: "s", AudioKey: "s-2.mp3", TranscriptKey: "s-1.vtt", ManifestKey: "s.json"})
	if fmt.Sprint(c.Retired) != "[s-1.mp3]" {
		t.Errorf("retired %v, want [s-1.mp3]", c.Retired)
	}
}
