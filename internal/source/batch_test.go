package source

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/article"
)

func refs(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Ref)
	}
	return out
}

func TestReadList(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		err      string
	}{
		{"paths and URLs", "a.html\n  https://example.com/b \n\n# a comment\r\nc.md\n", []string{"a.html", "https://example.com/b", "c.md"}, ""},
		{"empty", "", nil, ""},
		{"only comments", "# nothing yet\n\n", nil, ""},
		{"binary", "a.html\n\x00\x01\x02\n", nil, "list.txt:2: not a path or URL (binary data)"},
		{"not UTF-8", "\xff\xfe\n", nil, "list.txt:1: not a path or URL"},
		{"huge line", "a\n" + strings.Repeat("x", 10_000) + "\n", nil, "list.txt:2: a line longer than 8192 bytes"},
		{"too many", strings.Repeat("a\n", maxListLines+1), nil, "more than 100000 entries"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadList(strings.NewReader(tc.in), "list.txt")
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !slices.Equal(refs(got), tc.want) {
				t.Fatalf("got %v, %v; want %v", refs(got), err, tc.want)
			}
		})
	}
}

// longBody is an article body long enough to be narrated from the feed.
var longBody = "<p>" + strings.Repeat("The council met on Tuesday and agreed the budget. ", 20) + "</p>"

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Courier</title><link>https://courier.example.com/</link><description>News</description>
<item><title>Full story</title><link>/news/full</link><dc:creator>Ana Ruiz</dc:creator>
  <category>Politics</category><pubDate>Mon, 23 Nov 2026 08:00:00 +0000</pubDate>
  <description>A teaser.</description><content:encoded><![CDATA[%s]]></content:encoded></item>
<item><title>Teaser only</title><link>https://courier.example.com/news/teaser</link>
  <category>Sport</category><pubDate>Sun, 22 Nov 2026 08:00:00 +0000</pubDate>
  <description>Only the first lines of the story.</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title><id>urn:x</id><updated>2026-11-23T08:00:00Z</updated>
<entry><title>Atom story</title><id>urn:a</id><link href="https://courier.example.com/a"/><updated>2026-11-20T10:00:00Z</updated>
<author><name>Li Wei</name></author></entry></feed>`

func TestParseFeed(t *testing.T) {
	base, _ := url.Parse("https://courier.example.com/rss")
	t.Run("rss", func(t *testing.T) {
		es, err := ParseFeed([]byte(fmt.Sprintf(rssFeed, longBody)), "feed", base)
		if err != nil {
			t.Fatal(err)
		}
		if len(es) != 2 {
			t.Fatalf("%d entries", len(es))
		}
		full, teaser := es[0], es[1]
		if full.Ref != "https://courier.example.com/news/full" || full.Title != "Full story" || full.Author != "Ana Ruiz" ||
			!full.Published.Equal(time.Date(2026, 11, 23, 8, 0, 0, 0, time.UTC)) || !slices.Equal(full.Sections, []string{"Politics"}) {
			t.Errorf("full item %+v", full)
		}
		if full.Content == "" || teaser.Content != "" {
			t.Errorf("content kept: full %d bytes, teaser %q; want the long body only", len(full.Content), teaser.Content)
		}
	})
	t.Run("atom", func(t *testing.T) {
		es, err := ParseFeed([]byte(atomFeed), "feed", nil)
		if err != nil || len(es) != 1 || es[0].Ref != "https://courier.example.com/a" || es[0].Author != "Li Wei" || es[0].Published.IsZero() {
			t.Fatalf("%+v %v", es, err)
		}
	})
	bad := []struct{ name, in, want string }{
		{"empty", "  \n", "is empty"},
		{"html page", "<!doctype html><html><body><p>hello</p></body></html>", "not an RSS, Atom or JSON feed"},
		{"truncated", `<rss version="2.0"><channel><item><title>x</ti`, "not an RSS, Atom or JSON feed"},
		{"binary", "\x00\x01\x02\x03ID3", "not an RSS, Atom or JSON feed"},
		{"no link", `<rss version="2.0"><channel><title>x</title><item><title>Lost</title></item></channel></rss>`, `item 1 ("Lost"): no link`},
		{"javascript link", `<rss version="2.0"><channel><item><title>x</title><link>javascript:alert(1)</link></item></channel></rss>`, "is not an http(s) URL"},
		{"file link", `<rss version="2.0"><channel><item><title>x</title><link>file:///etc/passwd</link></item></channel></rss>`, "is not an http(s) URL"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFeed([]byte(tc.in), "https://courier.example.com/rss", base)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "courier.example.com/rss") {
				t.Fatalf("err %v, want %q naming the feed", err, tc.want)
			}
		})
	}
	t.Run("entities are not expanded", func(t *testing.T) {
		laughs := `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
<rss version="2.0"><channel><item><title>&c;&c;&c;</title><link>https://x.example/a</link></item></channel></rss>`
		es, err := ParseFeed([]byte(laughs), "feed", nil)
		if err == nil && len(es) == 1 && len(es[0].Title) > 1000 {
			t.Fatalf("entities expanded to %d bytes", len(es[0].Title))
		}
	})
}

const newsSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://courier.example.com/news/a</loc>
  <news:news><news:publication><news:name>Courier</news:name><news:language>en</news:language></news:publication>
  <news:publication_date>2026-11-23T08:00:00+01:00</news:publication_date><news:title>Story A</news:title></news:news></url>
<url><loc>/news/b</loc><lastmod>2026-11-01</lastmod></url>
<url><loc>https://courier.example.com/news/c</loc><lastmod>yesterday</lastmod></url>
</urlset>`

func TestParseSitemap(t *testing.T) {
	base, _ := url.Parse("https://courier.example.com/sitemap.xml")
	es, kids, err := ParseSitemap([]byte(newsSitemap), "sitemap.xml", base)
	if err != nil || len(kids) != 0 {
		t.Fatal(err, kids)
	}
	want := []string{"https://courier.example.com/news/a", "https://courier.example.com/news/b", "https://courier.example.com/news/c"}
	if !slices.Equal(refs(es), want) {
		t.Fatalf("refs %v", refs(es))
	}
	if es[0].Title != "Story A" || !es[0].Published.Equal(time.Date(2026, 11, 23, 7, 0, 0, 0, time.UTC)) ||
		!es[1].Published.Equal(time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)) || !es[2].Published.IsZero() {
		t.Errorf("entries %+v", es)
	}

	idx := `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/s1.xml</loc></sitemap><sitemap><loc>https://cdn.example.com/s2.xml</loc></sitemap></sitemapindex>`
	es, kids, err = ParseSitemap([]byte(idx), "sitemap.xml", base)
	if err != nil || len(es) != 0 || !slices.Equal(kids, []string{"https://courier.example.com/s1.xml", "https://cdn.example.com/s2.xml"}) {
		t.Fatalf("index: %v %v %v", es, kids, err)
	}

	bad := []struct{ name, in, want string }{
		{"empty", "", "is empty"},
		{"html", "<html><body>hi</body></html>", "the root element is <html>"},
		{"truncated", `<urlset><url><loc>https://a.example/`, "not a sitemap"},
		{"binary", "\x89PNG\r\n\x1a\n", "not a sitemap"},
		{"bad loc", `<urlset><url><loc>ftp://a.example/x</loc></url></urlset>`, "url 1: link \"ftp://a.example/x\" is not an http(s) URL"},
		{"no loc", `<urlset><url><lastmod>2026-01-01</lastmod></url></urlset>`, "url 1: no link"},
		{"entity bomb", `<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY a "aaaa">]><urlset><url><loc>https://a.example/&a;</loc></url></urlset>`, "not a sitemap"},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ParseSitemap([]byte(tc.in), "sitemap.xml", base)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "sitemap.xml") {
				t.Fatalf("err %v, want %q", err, tc.want)
			}
		})
	}
}

// TestSitemapIndex follows an index over HTTP, and refuses an index of
// indexes and one naming too many sitemaps.
func TestSitemapIndex(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, strings.ReplaceAll(body, "BASE", srv.URL))
		}
	}
	mux.Handle("/index.xml", page(`<sitemapindex><sitemap><loc>BASE/s1.xml</loc></sitemap><sitemap><loc>/s2.xml</loc></sitemap></sitemapindex>`))
	mux.Handle("/s1.xml", page(`<urlset><url><loc>/a</loc></url><url><loc>/b</loc></url></urlset>`))
	mux.Handle("/s2.xml", page(`<urlset><url><loc>/c</loc></url></urlset>`))
	mux.Handle("/nested.xml", page(`<sitemapindex><sitemap><loc>/index.xml</loc></sitemap></sitemapindex>`))
	mux.Handle("/wide.xml", page(`<sitemapindex>`+strings.Repeat(`<sitemap><loc>/s1.xml</loc></sitemap>`, maxSitemapFiles+1)+`</sitemapindex>`))
	mux.Handle("/gone.xml", page(`<sitemapindex><sitemap><loc>/missing.xml</loc></sitemap></sitemapindex>`))
	srv = httptest.NewServer(mux)
	defer srv.Close()
	l := &Loader{}
	es, err := l.Sitemap(context.Background(), srv.URL+"/index.xml")
	if err != nil || !slices.Equal(refs(es), []string{srv.URL + "/a", srv.URL + "/b", srv.URL + "/c"}) {
		t.Fatalf("%v %v", refs(es), err)
	}
	for path, want := range map[string]string{
		"/nested.xml": "a sitemap index inside a sitemap index is not followed",
		"/wide.xml":   "a sitemap index of 51 sitemaps; at most 50 are followed",
		"/gone.xml":   "missing.xml: the server answered 404",
	} {
		if _, err := l.Sitemap(context.Background(), srv.URL+path); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err %v, want %q", path, err, want)
		}
	}
}

// TestFeedFromFile reads a feed saved to disk; its links must be absolute.
func TestFeedFromFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feed.xml")
	os.WriteFile(p, []byte(atomFeed), 0o644)
	l := &Loader{}
	es, err := l.Feed(context.Background(), p)
	if err != nil || len(es) != 1 {
		t.Fatalf("%v %v", es, err)
	}
	if _, err := l.Feed(context.Background(), filepath.Join(dir, "none.xml")); err == nil || !strings.Contains(err.Error(), "none.xml") {
		t.Errorf("missing file: %v", err)
	}
	big := filepath.Join(dir, "big.xml")
	os.WriteFile(big, make([]byte, 2<<10), 0o644)
	if _, err := (&Loader{MaxBytes: 1 << 10}).Feed(context.Background(), big); !errors.Is(err, article.ErrTooLarge) {
		t.Errorf("huge feed: %v", err)
	}
	if _, err := l.Feed(context.Background(), "ftp://example.com/feed"); err == nil || !strings.Contains(err.Error(), "only http and https") {
		t.Errorf("ftp: %v", err)
	}
}

func TestSelect(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 12, 0, 0, 0, time.UTC) }
	in := []Entry{
		{Ref: "a", Published: day(20), Sections: []string{"Politics"}},
		{Ref: "b", Published: day(22), Sections: []string{"Sport", " politics "}},
		{Ref: "a", Published: day(23)},
		{Ref: "c", Sections: []string{"Sport"}},
		{Ref: "d", Published: day(24)},
	}
	tests := []struct {
		name string
		sel  Selection
		want []string
	}{
		{"all, duplicates dropped", Selection{}, []string{"a", "b", "c", "d"}},
		{"since keeps undated", Selection{Since: day(21)}, []string{"b", "c", "d"}},
		{"section any case", Selection{Section: "Politics"}, []string{"a", "b"}},
		{"limit", Selection{Limit: 2}, []string{"a", "b"}},
		{"since and limit", Selection{Since: day(21), Limit: 1}, []string{"b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := refs(Select(in, tc.sel)); !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestShards checks that n shards partition any batch: every entry in
// exactly one, whatever the order the source lists them in, and none
// empty for a batch of reasonable size.
func TestShards(t *testing.T) {
	var in []Entry
	for i := range 1000 {
		in = append(in, Entry{Ref: fmt.Sprintf("https://courier.example.com/news/%d", i)})
	}
	reversed := slices.Clone(in)
	slices.Reverse(reversed)
	for _, n := range []int{1, 2, 3, 7, 16} {
		seen := map[string]int{}
		for i := range n {
			part := Select(in, Selection{Shard: i, Shards: n})
			again := refs(Select(reversed, Selection{Shard: i, Shards: n}))
			slices.Sort(again)
			got := refs(part)
			slices.Sort(got)
			if !slices.Equal(got, again) {
				t.Fatalf("n=%d shard %d depends on the input's order", n, i)
			}
			if len(part) < 1000/n/2 {
				t.Errorf("n=%d shard %d holds %d of 1000", n, i, len(part))
			}
			for _, e := range part {
				seen[e.Ref]++
			}
		}
		for _, e := range in {
			if seen[e.Ref] != 1 {
				t.Fatalf("n=%d: %s in %d shards", n, e.Ref, seen[e.Ref])
			}
		}
	}
}

// TestLoadEntry narrates a feed item from its own content when it carries
// the article, and lets the source fill what the page lacks.
func TestLoadEntry(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html><body><article><h1>From the page</h1><p>`+strings.Repeat("Words on the page. ", 30)+`</p></article></body></html>`)
	}))
	defer srv.Close()
	l := &Loader{}
	a, err := l.LoadEntry(context.Background(), Entry{Ref: srv.URL + "/story", Title: "From the feed", Author: "Ana Ruiz",
		Published: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), Sections: []string{"Politics"}})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "From the page" || a.Byline != "Ana Ruiz" || a.Published.Day() != 23 || a.Section != "Politics" {
		t.Errorf("from the page: %+v", a)
	}
	a, err = l.LoadEntry(context.Background(), Entry{Ref: "https://courier.example.com/full", Title: "Full story", Content: longBody})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Full story" || a.URL != "https://courier.example.com/full" || !strings.Contains(a.Blocks[0].Text, "council met") {
		t.Errorf("from the feed: %+v", a)
	}
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(fmt.Sprintf(rssFeed, longBody)))
	f.Add([]byte(atomFeed))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"x","items":[{"id":"1","url":"https://a.example/1","content_html":"<p>hi</p>"}]}`))
	base, _ := url.Parse("https://courier.example.com/rss")
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := ParseFeed(data, "feed", base)
		if err != nil {
			return
		}
		for _, e := range es {
			if u, err := url.Parse(e.Ref); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Fatalf("entry %q is not an http(s) URL", e.Ref)
			}
		}
	})
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(newsSitemap))
	f.Add([]byte(`<sitemapindex><sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>`))
	base, _ := url.Parse("https://courier.example.com/sitemap.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		es, kids, err := ParseSitemap(data, "sitemap", base)
		if err != nil {
			return
		}
		for _, ref := range append(refs(es), kids...) {
			if u, err := url.Parse(ref); err != nil || (u.Scheme != "http" && u.Scheme != "https") {
				t.Fatalf("%q is not an http(s) URL", ref)
			}
		}
	})
}

func FuzzReadList(f *testing.F) {
	f.Add([]byte("a.html\n# c\nhttps://example.com/b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := ReadList(strings.NewReader(string(data)), "list")
		if err != nil {
			return
		}
		for _, e := range es {
			if e.Ref == "" || strings.TrimSpace(e.Ref) != e.Ref || strings.HasPrefix(e.Ref, "#") {
				t.Fatalf("entry %q", e.Ref)
			}
		}
	})
}
