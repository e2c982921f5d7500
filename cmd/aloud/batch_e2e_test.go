package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
)

// publisher is a newsroom's site on 127.0.0.1: an RSS feed, a news
// sitemap and article pages, editable while the test runs.
type publisher struct {
	mu      sync.Mutex
	pages   map[string]string // path → HTML
	rss     string
	sitemap string
	srv     *httptest.Server
	fetches map[string]int
}

func newPublisher(t *testing.T) *publisher {
	p := &publisher{pages: map[string]string{}, fetches: map[string]int{}}
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.fetches[r.URL.Path]++
		base := "http://" + r.Host
		switch {
		case r.URL.Path == "/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, strings.ReplaceAll(p.rss, "BASE", base))
		case r.URL.Path == "/news-sitemap.xml":
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, strings.ReplaceAll(p.sitemap, "BASE", base))
		case p.pages[r.URL.Path] != "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, p.pages[r.URL.Path])
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(p.srv.Close)
	return p
}

// fetched counts the requests for path so far.
func (p *publisher) fetched(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.fetches[path]
}

func (p *publisher) set(f func(p *publisher)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f(p)
}

func storyPage(title, byline string, paragraphs ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<!doctype html><html lang="en"><head><title>%s</title></head><body><nav>Home · News · Sport</nav><article><h1>%s</h1><p class="byline">By %s</p>`, title, title, byline)
	for _, p := range paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>", p)
	}
	b.WriteString(`</article><footer>© Courier</footer></body></html>`)
	return b.String()
}

// countingVoice writes an espeak-ng voice preset whose program logs every
// chunk it is asked to speak, and returns the preset's path and a function
// counting the requests so far.
func countingVoice(t *testing.T, dir string) (string, func() []string) {
	t.Helper()
	log := filepath.Join(dir, "requests.log")
	script := filepath.Join(dir, "counting-espeak")
	os.WriteFile(script, []byte("#!/bin/sh\ntext=$(cat)\nprintf '%s\\n' \"$text\" | tr '\\n' ' ' >> "+log+"\necho >> "+log+
		"\nprintf '%s' \"$text\" | exec espeak-ng \"$@\"\n"), 0o755)
	preset := filepath.Join(dir, "counting.yaml")
	os.WriteFile(preset, []byte("name: counting\nbackend: espeak\nlanguage: en-US\noptions:\n  path: "+script+"\n  voice: en-us\n"), 0o644)
	return preset, func() []string {
		f, err := os.Open(log)
		if err != nil {
			return nil
		}
		defer f.Close()
		var lines []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		return lines
	}
}

// batchRun is one --json run: its results and its summary.
type batchRun struct {
	runResult
	results []narrate.Result
	summary narrate.Summary
}

func runBatch(t *testing.T, dir string, args ...string) batchRun {
	t.Helper()
	r := batchRun{runResult: aloud(t, dir, append([]string{"narrate", "--json"}, args...)...)}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if line == "" {
			continue
		}
		var s struct{ Summary *narrate.Summary }
		if err := json.Unmarshal([]byte(line), &s); err == nil && s.Summary != nil {
			r.summary = *s.Summary
			continue
		}
		var res narrate.Result
		if err := json.Unmarshal([]byte(line), &res); err != nil {
			t.Fatalf("not a JSON line: %q", line)
		}
		r.results = append(r.results, res)
	}
	return r
}

func catalogOf(t *testing.T, dir string) feed.Catalog {
	t.Helper()
	c, err := feed.ParseCatalog([]byte(mustRead(t, filepath.Join(dir, "out", "episodes.json"))))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestBatchFromFeedAndSitemap narrates a publisher's feed and news sitemap
// served from 127.0.0.1: the first run narrates every article, the second
// none, an edited article is narrated again paying only for the chunks
// whose text changed, and an article gone from the sources stays published.
func TestBatchFromFeedAndSitemap(t *testing.T) {
	dir := t.TempDir()
	voice, requests := countingVoice(t, dir)
	t.Setenv("ALOUD_CACHE", filepath.Join(dir, "cache"))
	pub := newPublisher(t)
	long := strings.Repeat("The harbour board voted on Tuesday to rebuild the north pier before the winter storms. ", 12)
	pub.set(func(p *publisher) {
		p.rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Courier</title><link>BASE/</link><description>News</description>
<item><title>Harbour board rebuilds the pier</title><link>BASE/news/pier</link><category>Local</category>
  <pubDate>Mon, 23 Nov 2026 08:00:00 +0000</pubDate><content:encoded><![CDATA[<p>` + long + `</p><p>Work starts in March.</p>]]></content:encoded></item>
<item><title>School reopens</title><link>BASE/news/school</link><category>Education</category>
  <pubDate>Sun, 22 Nov 2026 08:00:00 +0000</pubDate><description>The school reopens.</description></item>
</channel></rss>`
		p.sitemap = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>BASE/news/school</loc></url>
<url><loc>BASE/news/market</loc><news:news><news:publication_date>2026-11-21T09:00:00Z</news:publication_date><news:title>Market moves</news:title></news:news></url>
</urlset>`
		p.pages["/news/school"] = storyPage("School reopens", "Ana Ruiz", "The village school reopens on Monday after the repairs.", "Parents were told in a letter on Friday.")
		p.pages["/news/market"] = storyPage("Market moves to the square", "Li Wei", "The Saturday market moves to the square.",
			"Stallholders welcomed the change.", "The council will review it in the spring.")
		p.pages["/news/pier"] = "<html><body><p>The page of the pier story is not fetched: the feed carries it whole.</p></body></html>"
	})
	args := []string{"--voice", voice, "--jobs", "2", "--public-base-url", "https://cdn.example.com/pod",
		"--from-feed", pub.srv.URL + "/rss", "--from-sitemap", pub.srv.URL + "/news-sitemap.xml"}

	// First run: all three, the school story once though both sources name it.
	first := runBatch(t, dir, args...)
	if first.code != 0 {
		t.Fatalf("first run: exit %d\n%s", first.code, first.stderr)
	}
	if s := first.summary; s.Narrated != 3 || s.Skipped != 0 || s.Failed != 0 || len(first.results) != 3 {
		t.Fatalf("first run: %+v\n%s", s, first.stdout)
	}
	if pier, school := pub.fetched("/news/pier"), pub.fetched("/news/school"); pier != 0 || school != 1 {
		t.Errorf("pages fetched: pier %d, school %d; want the school page once and the pier story from the feed", pier, school)
	}
	paid := len(requests())
	chunks := 0
	for _, res := range first.results {
		chunks += res.Chunks
	}
	// Every chunk is one request unless the cache answered it (the
	// disclosure line, the same in every article, may be), and the
	// summary reports the requests made. espeak-ng bills nothing.
	if paid == 0 || paid != chunks-first.summary.CachedChunks || first.summary.Requests != paid || first.summary.Chars != 0 {
		t.Fatalf("first run: %d requests for %d chunks, summary %+v", paid, chunks, first.summary)
	}
	cat := catalogOf(t, dir)
	if len(cat.Episodes) != 3 {
		t.Fatalf("catalog holds %d episodes", len(cat.Episodes))
	}
	market, ok := cat.Find(pub.srv.URL + "/news/market")
	if !ok || market.Title != "Market moves to the square" {
		t.Fatalf("market episode %+v", market)
	}

	// Second run: nothing new, nothing paid, nothing uploaded but the feed.
	second := runBatch(t, dir, args...)
	if s := second.summary; second.code != 0 || s.Skipped != 3 || s.Narrated+s.Updated != 0 || len(requests()) != paid {
		t.Fatalf("second run: exit %d, %+v, %d requests (was %d)\n%s", second.code, s, len(requests()), paid, second.stderr)
	}

	// The market story is edited: one paragraph changes. It is narrated
	// again under the same GUID and slug, paying for that paragraph only.
	pub.set(func(p *publisher) {
		p.pages["/news/market"] = storyPage("Market moves to the square", "Li Wei", "The Saturday market moves to the square.",
			"Stallholders were divided over the change.", "The council will review it in the spring.")
	})
	third := runBatch(t, dir, args...)
	if s := third.summary; third.code != 0 || s.Updated != 1 || s.Skipped != 2 || s.Narrated != 0 {
		t.Fatalf("third run: exit %d, %+v\n%s", third.code, s, third.stderr)
	}
	newRequests := requests()[paid:]
	if len(newRequests) != 1 || !strings.Contains(newRequests[0], "Stallholders were divided") {
		t.Errorf("the edit paid for %d chunks, want the changed paragraph only: %q", len(newRequests), newRequests)
	}
	if third.summary.CachedChunks == 0 {
		t.Errorf("no chunk of the edited article came from the cache: %+v", third.summary)
	}
	after := catalogOf(t, dir)
	edited, _ := after.Find(market.GUID)
	if edited.Slug != market.Slug || edited.ContentHash == market.ContentHash || !edited.Updated.After(market.Updated) ||
		!edited.Published.Equal(market.Published) {
		t.Errorf("edited episode %+v\nwas %+v", edited, market)
	}

	// The market story leaves the sitemap: its episode stays published.
	pub.set(func(p *publisher) {
		p.sitemap = strings.Replace(p.sitemap, "<url><loc>BASE/news/market</loc>", "<url><loc>BASE/news/school</loc>", 1)
	})
	if r := runBatch(t, dir, args...); r.code != 0 || r.summary.Skipped != 2 || len(r.results) != 2 {
		t.Fatalf("fourth run: exit %d %+v", r.code, r.summary)
	}
	f, err := gofeed.NewParser().ParseString(mustRead(t, filepath.Join(dir, "out", "feed.xml")))
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range f.Items {
		titles = append(titles, it.Title)
	}
	if len(catalogOf(t, dir).Episodes) != 3 || !slices.Contains(titles, "Market moves to the square") || len(titles) != 3 {
		t.Errorf("after the story left the sitemap: feed %v", titles)
	}
}

// TestBatchFilters: --since, --section, --limit and --shard narrow a batch
// before anything is fetched, and shards split it with nothing twice.
func TestBatchFilters(t *testing.T) {
	dir := t.TempDir()
	pub := newPublisher(t)
	var items strings.Builder
	for i, day := range []int{20, 21, 22, 23} {
		section := "Sport"
		if i%2 == 0 {
			section = "Local"
		}
		path := fmt.Sprintf("/news/%d", i)
		fmt.Fprintf(&items, "<item><title>Story %d</title><link>BASE%s</link><category>%s</category><pubDate>%s</pubDate></item>",
			i, path, section, fmt.Sprintf("%d Nov 2026 08:00:00 +0000", day))
		page := storyPage(fmt.Sprintf("Story %d", i), "Ana Ruiz",
			fmt.Sprintf("This is story number %d, about the town council and the people who came to its meeting on Tuesday evening.", i))
		pub.set(func(p *publisher) { p.pages[path] = page })
	}
	pub.set(func(p *publisher) {
		p.rss = `<rss version="2.0"><channel><title>Courier</title>` + items.String() + `</channel></rss>`
	})
	feedURL := pub.srv.URL + "/rss"
	inputs := func(r batchRun) []string {
		var out []string
		for _, res := range r.results {
			out = append(out, strings.TrimPrefix(res.Input, pub.srv.URL))
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"since", []string{"--since", "2026-11-22"}, []string{"/news/2", "/news/3"}},
		{"section", []string{"--section", "local"}, []string{"/news/0", "/news/2"}},
		{"limit", []string{"--limit", "1"}, []string{"/news/0"}},
		{"since none", []string{"--since", "2027-01-01"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			r := runBatch(t, dir, append([]string{"--out", out, "--cache", "off", "--from-feed", feedURL}, tc.args...)...)
			if r.code != 0 || !slices.Equal(inputs(r), tc.want) {
				t.Errorf("exit %d, narrated %v, want %v\n%s\n%s", r.code, inputs(r), tc.want, r.stdout, r.stderr)
			}
		})
	}
	t.Run("shards", func(t *testing.T) {
		var all []string
		for i := range 3 {
			r := runBatch(t, dir, "--out", t.TempDir(), "--from-feed", feedURL, "--shard", fmt.Sprintf("%d/3", i))
			if r.code != 0 {
				t.Fatalf("shard %d: exit %d\n%s", i, r.code, r.stderr)
			}
			all = append(all, inputs(r)...)
		}
		slices.Sort(all)
		if !slices.Equal(all, []string{"/news/0", "/news/1", "/news/2", "/news/3"}) {
			t.Errorf("three shards narrated %v", all)
		}
	})
}

// TestBatchBadSources: a source that cannot be read stops the run before
// anything is narrated, with an error naming it; bad filters are usage
// errors.
func TestBatchBadSources(t *testing.T) {
	dir := sampleDir(t)
	pub := newPublisher(t)
	pub.set(func(p *publisher) {
		p.pages["/not-a-feed"] = "<html><body><p>hello</p></body></html>"
		p.rss = "<rss><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>"
	})
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte("sample.html\n\x00\x01\x02\n"), 0o644)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"feed 404", []string{"--from-feed", pub.srv.URL + "/missing"}, 1, "--from-feed: " + pub.srv.URL + "/missing: the server answered 404"},
		{"feed is a page", []string{"--from-feed", pub.srv.URL + "/not-a-feed"}, 1, "not an RSS, Atom or JSON feed"},
		{"hostile link", []string{"--from-feed", pub.srv.URL + "/rss"}, 1, `link "javascript:alert(1)" is not an http(s) URL`},
		{"sitemap is a page", []string{"--from-sitemap", pub.srv.URL + "/not-a-feed"}, 1, "not a sitemap"},
		{"unreachable", []string{"--from-sitemap", "http://127.0.0.1:1/sitemap.xml"}, 1, "cannot fetch"},
		{"list missing", []string{"--from-list", "nope.txt"}, 2, "--from-list: open nope.txt"},
		{"list binary", []string{"--from-list", "binary.txt"}, 2, "binary.txt:2: not a path or URL"},
		{"bad shard", []string{"--shard", "3/3", "sample.html"}, 2, "i counts from 0 and must be below n"},
		{"bad shard form", []string{"--shard", "half", "sample.html"}, 2, "want i/n"},
		{"bad since", []string{"--since", "last week", "sample.html"}, 2, `--since "last week": not a date`},
		{"bad limit", []string{"--limit", "-1", "sample.html"}, 2, "--limit -1"},
		{"nothing", nil, 2, "or --from-feed, --from-sitemap or --from-list"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := aloud(t, dir, append([]string{"narrate"}, tc.args...)...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d (want %d), stderr %q, want %q", r.code, tc.code, r.stderr, tc.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "out", "episodes.json")); err == nil {
				t.Errorf("something was published")
			}
		})
	}
}

// TestBatchFromListStdin reads the list from standard input, mixed with an
// argument, and narrates each once.
func TestBatchFromListStdin(t *testing.T) {
	dir := sampleDir(t)
	os.WriteFile(filepath.Join(dir, "second.md"), []byte("# Ferry timetable changes\n\nThe ferry will run every half hour from Monday.\n"), 0o644)
	cmd := aloudCmd(dir, "narrate", "--json", "--from-list", "-", "sample.html")
	cmd.Stdin = strings.NewReader("# today's stories\nsample.html\nsecond.md\n\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if n := strings.Count(string(out), `"ok":true`); n != 2 || !strings.Contains(string(out), `"narrated":2`) {
		t.Errorf("stdout %s", out)
	}
}

// TestBatchKilled kills a batch (SIGKILL) while it is synthesizing and runs
// it again: the re-run finishes the work, the catalog and feed hold exactly
// one episode per article, every file they name is stored, and chunks
// synthesized before the kill are not paid for again.
func TestBatchKilled(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ALOUD_CACHE", filepath.Join(dir, "cache"))
	log := filepath.Join(dir, "requests.log")
	// A slow voice that logs each chunk once it has spoken it.
	script := filepath.Join(dir, "slow-espeak")
	os.WriteFile(script, []byte("#!/bin/sh\ntext=$(cat)\nsleep 0.15\nprintf '%s' \"$text\" | espeak-ng \"$@\" || exit 1\n"+
		"printf '%s\\n' \"$text\" | tr '\\n' ' ' >> "+log+"\necho >> "+log+"\n"), 0o755)
	voice := filepath.Join(dir, "slow.yaml")
	os.WriteFile(voice, []byte("name: slow\nbackend: espeak\nlanguage: en-US\noptions:\n  path: "+script+"\n"), 0o644)
	var list strings.Builder
	const n = 6
	for i := range n {
		name := fmt.Sprintf("story-%d.md", i)
		var body strings.Builder
		fmt.Fprintf(&body, "# Story number %d\n\nBy Ana Ruiz\n\n", i)
		for p := range 4 {
			fmt.Fprintf(&body, "Paragraph %d of story %d tells what the council decided about the harbour.\n\n", p, i)
		}
		os.WriteFile(filepath.Join(dir, name), []byte(body.String()), 0o644)
		fmt.Fprintln(&list, name)
	}
	os.WriteFile(filepath.Join(dir, "list.txt"), []byte(list.String()), 0o644)
	lines := func() []string {
		data, _ := os.ReadFile(log)
		return strings.Split(strings.TrimSpace(string(data)), "\n")
	}
	args := []string{"narrate", "--json", "--voice", voice, "--jobs", "2", "--from-list", "list.txt", "--public-base-url", "https://cdn.example.com"}

	cmd := aloudCmd(dir, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		data, _ := os.ReadFile(log)
		if strings.Count(string(data), "\n") >= 12 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the batch never got going")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Kill() // SIGKILL: no clean-up runs
	cmd.Wait()
	before := lines()
	if data, err := os.ReadFile(filepath.Join(dir, "out", "episodes.json")); err == nil && strings.Count(string(data), `"guid"`) >= n {
		t.Fatal("the batch finished before it was killed")
	}

	r := runBatch(t, dir, args[2:]...)
	if r.code != 0 {
		t.Fatalf("re-run: exit %d\n%s", r.code, r.stderr)
	}
	if s := r.summary; s.Narrated+s.Updated+s.Skipped != n || s.CachedChunks == 0 {
		t.Errorf("re-run summary %+v, want all %d done, some chunks from the cache", s, n)
	}
	// Chunks spoken before the kill are not spoken again, but for those
	// caught between speaking and saving (at most the chunks in flight).
	seen := map[string]bool{}
	for _, l := range before {
		seen[l] = true
	}
	again := 0
	for _, l := range lines()[len(before):] {
		if seen[l] && !strings.Contains(l, "AI assistance") {
			again++
		}
	}
	if again > 4 {
		t.Errorf("%d chunks synthesized before the kill were paid for again", again)
	}

	cat := catalogOf(t, dir)
	guids := map[string]int{}
	for _, e := range cat.Episodes {
		guids[e.GUID]++
		for _, key := range []string{e.AudioKey, e.ManifestKey, e.TranscriptKey, e.ChaptersKey} {
			if _, err := os.Stat(filepath.Join(dir, "out", key)); err != nil {
				t.Errorf("episode %q names %s, which is not stored", e.Title, key)
			}
		}
	}
	if len(guids) != n || len(cat.Episodes) != n {
		t.Errorf("catalog: %d episodes, %d articles; want %d each", len(cat.Episodes), len(guids), n)
	}
	mp3s, _ := filepath.Glob(filepath.Join(dir, "out", "*.mp3"))
	if len(mp3s) != n {
		t.Errorf("out holds %d MP3s, want %d: %v", len(mp3s), n, mp3s)
	}
	f, err := gofeed.NewParser().ParseString(mustRead(t, filepath.Join(dir, "out", "feed.xml")))
	if err != nil || len(f.Items) != n {
		t.Fatalf("feed: %v, %d items", err, len(f.Items))
	}
}
