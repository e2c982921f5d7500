package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/article"
)

// Entry is one article a batch source names: a path or URL to read, and
// what the source already says about it.
type Entry struct {
	Ref       string    // the path or http(s) URL to read
	Title     string    // from the feed or sitemap; the article's own wins
	Author    string    // from the feed
	Published time.Time // zero when the source does not say
	Sections  []string  // the feed item's categories
	// Content is the item's full HTML body from the feed (content:encoded
	// or Atom content); empty when the page must be fetched.
	Content string
}

// Limits on batch sources, against hostile or broken ones.
const (
	maxListLines    = 100_000
	maxListLine     = 8 << 10
	maxSitemapFiles = 50 // a sitemap index's children followed
	maxEntries      = 50_000
	// minContentWords is how long a feed item's own content must be to
	// be narrated instead of the page: feeds often carry only a teaser.
	minContentWords = 120
)

// ReadList reads one path or URL a line. Blank lines and lines starting
// with # are skipped.
func ReadList(r io.Reader, name string) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxListLine)
	var out []Entry
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if strings.ContainsRune(s, 0) || !utf8.ValidString(s) {
			return nil, fmt.Errorf("%s:%d: not a path or URL (binary data)", name, line)
		}
		if len(out) == maxListLines {
			return nil, fmt.Errorf("%s: more than %d entries; split the list", name, maxListLines)
		}
		out = append(out, Entry{Ref: s})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: a line longer than %d bytes is not a path or URL", name, line+1, maxListLine)
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// Feed lists the items of a publisher's RSS, Atom or JSON feed, newest
// first as the feed orders them. An item's full content is kept when it is
// long enough to be the article; otherwise its page is fetched later.
func (l *Loader) Feed(ctx context.Context, feedURL string) ([]Entry, error) {
	data, final, err := l.Document(ctx, feedURL, FeedTypes)
	if err != nil {
		return nil, err
	}
	return ParseFeed(data, feedURL, final)
}

// ParseFeed reads the items of the feed called name; base, when not nil,
// resolves relative links.
func ParseFeed(data []byte, name string, base *url.URL) ([]Entry, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s %w", name, article.ErrEmpty)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not an RSS, Atom or JSON feed: %w", name, err)
	}
	var out []Entry
	for i, it := range f.Items {
		if len(out) == maxEntries {
			break
		}
		link, err := absolute(base, it.Link)
		if err != nil {
			return nil, fmt.Errorf("%s: item %d (%q): %w", name, i+1, it.Title, err)
		}
		e := Entry{Ref: link, Title: strings.TrimSpace(it.Title), Sections: it.Categories}
		switch {
		case it.PublishedParsed != nil:
			e.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			e.Published = *it.UpdatedParsed
		}
		if len(it.Authors) > 0 && it.Authors[0] != nil {
			e.Author = it.Authors[0].Name
		}
		if wordCount(it.Content) >= minContentWords {
			e.Content = it.Content
		}
		out = append(out, e)
	}
	return out, nil
}

// Document reads a whole document within the size limit: an http(s) URL
// (returning the URL it came from after redirects, which resolves relative
// links) or a local file (nil URL).
func (l *Loader) Document(ctx context.Context, ref, accept string) ([]byte, *url.URL, error) {
	if IsURL(ref) {
		data, _, final, err := l.get(ctx, ref, accept)
		return data, final, err
	}
	if strings.Contains(ref, "://") {
		return nil, nil, fmt.Errorf("%s: only http and https URLs or file paths can be read", ref)
	}
	f, err := os.Open(ref)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	data, err := article.ReadLimited(f, l.maxBytes(), ref)
	return data, nil, err
}

// FeedTypes is the Accept header for a podcast or publisher feed.
const FeedTypes = "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9"

// wordCount counts the words of HTML, tags aside.
func wordCount(html string) int {
	n, inTag, inWord := 0, false, false
	for _, r := range html {
		switch {
		case r == '<':
			inTag, inWord = true, false
		case r == '>':
			inTag = false
		case inTag:
		case r == ' ' || r == '\n' || r == '\t' || r == '\r':
			inWord = false
		case !inWord:
			inWord = true
			n++
		}
	}
	return n
}

func absolute(base *url.URL, link string) (string, error) {
	link = strings.TrimSpace(link)
	if link == "" {
		return "", errors.New("no link")
	}
	u, err := url.Parse(link)
	if err != nil {
		return "", fmt.Errorf("link %q: %w", link, err)
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return "", fmt.Errorf("link %q is not an http(s) URL", link)
	}
	return u.String(), nil
}

// Sitemap lists the pages of a sitemap (sitemaps.org 0.9, with the Google
// News extension's title and publication date), following a sitemap
// index's children (at most 50, one level deep).
func (l *Loader) Sitemap(ctx context.Context, sitemapURL string) ([]Entry, error) {
	data, final, err := l.Document(ctx, sitemapURL, "application/xml,text/xml;q=0.9")
	if err != nil {
		return nil, err
	}
	entries, children, err := ParseSitemap(data, sitemapURL, final)
	if err != nil {
		return nil, err
	}
	if len(children) > maxSitemapFiles {
		return nil, fmt.Errorf("%s: a sitemap index of %d sitemaps; at most %d are followed", sitemapURL, len(children), maxSitemapFiles)
	}
	for _, c := range children {
		data, final, err := l.Document(ctx, c, "application/xml,text/xml;q=0.9")
		if err != nil {
			return nil, err
		}
		more, grand, err := ParseSitemap(data, c, final)
		if err != nil {
			return nil, err
		}
		if len(grand) > 0 {
			return nil, fmt.Errorf("%s: a sitemap index inside a sitemap index is not followed", c)
		}
		entries = append(entries, more...)
		if len(entries) > maxEntries {
			return nil, fmt.Errorf("%s: more than %d pages", sitemapURL, maxEntries)
		}
	}
	return entries, nil
}

type sitemapDoc struct {
	XMLName xml.Name
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    struct {
			Title string `xml:"title"`
			Date  string `xml:"publication_date"`
		} `xml:"news"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// ParseSitemap reads the sitemap called name: its pages, or, for a sitemap
// index, the sitemaps it names (children). base, when not nil, resolves
// relative locations.
func ParseSitemap(data []byte, name string, base *url.URL) (entries []Entry, children []string, err error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, fmt.Errorf("%s %w", name, article.ErrEmpty)
	}
	var doc sitemapDoc
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("%s: not a sitemap: %w", name, err)
	}
	switch doc.XMLName.Local {
	case "urlset":
		for i, u := range doc.URLs {
			if len(entries) == maxEntries {
				return nil, nil, fmt.Errorf("%s: more than %d pages", name, maxEntries)
			}
			link, err := absolute(base, u.Loc)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: url %d: %w", name, i+1, err)
			}
			e := Entry{Ref: link, Title: strings.TrimSpace(u.News.Title)}
			for _, d := range []string{u.News.Date, u.LastMod} {
				if t, ok := w3cDate(d); ok {
					e.Published = t
					break
				}
			}
			entries = append(entries, e)
		}
	case "sitemapindex":
		for i, s := range doc.Sitemaps {
			link, err := absolute(base, s.Loc)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: sitemap %d: %w", name, i+1, err)
			}
			children = append(children, link)
		}
	default:
		return nil, nil, fmt.Errorf("%s: not a sitemap: the root element is <%s>, want <urlset> or <sitemapindex>", name, doc.XMLName.Local)
	}
	return entries, children, nil
}

// w3cDate reads the W3C datetime forms sitemaps use.
func w3cDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Selection narrows a batch: entries published before Since (when the
// source gives a date) are left out, as are those whose sections do not
// include Section; then shard Shard of Shards is kept; then the first
// Limit.
type Selection struct {
	Since   time.Time
	Section string
	Shard   int // 0-based
	Shards  int // 0 or 1: no sharding
	Limit   int // 0: no limit
}

// Select applies the selection, keeping the entries' order. Duplicate
// references are dropped (the first is kept).
func Select(entries []Entry, s Selection) []Entry {
	seen := map[string]bool{}
	var out []Entry
	for _, e := range entries {
		if seen[e.Ref] {
			continue
		}
		seen[e.Ref] = true
		if !s.Since.IsZero() && !e.Published.IsZero() && e.Published.Before(s.Since) {
			continue
		}
		if s.Section != "" && !slices.ContainsFunc(e.Sections, func(c string) bool { return strings.EqualFold(strings.TrimSpace(c), s.Section) }) {
			continue
		}
		if s.Shards > 1 && ShardOf(e.Ref, s.Shards) != s.Shard {
			continue
		}
		out = append(out, e)
		if s.Limit > 0 && len(out) == s.Limit {
			break
		}
	}
	return out
}

// ShardOf is the shard (0 to n−1) a reference belongs to: a hash of the
// reference, so every run and every machine agrees whatever the order of
// the input.
func ShardOf(ref string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(ref))
	return int(h.Sum32() % uint32(n))
}

// LoadEntry reads an entry's article: from the feed's own content when it
// carried the whole article, else from its path or URL. What the source
// said (title, author, date, section) fills what the article lacks.
func (l *Loader) LoadEntry(ctx context.Context, e Entry) (article.Article, error) {
	var a article.Article
	var err error
	if e.Content != "" {
		base, _ := url.Parse(e.Ref)
		a, err = article.ParseWith([]byte(e.Content), article.HTML, e.Ref, base, l.Read)
		if err == nil {
			if e.Title != "" {
				a.Title = e.Title // the body's first words are no title
			}
			if a.URL == "" && IsURL(e.Ref) {
				a.URL = article.RedactURL(e.Ref)
			}
		}
	} else {
		a, err = l.Load(ctx, e.Ref)
	}
	if err != nil {
		return article.Article{}, err
	}
	if a.Title == "" {
		a.Title = e.Title
	}
	if a.Byline == "" {
		a.Byline = e.Author
	}
	if a.Published.IsZero() {
		a.Published = e.Published
	}
	if a.Section == "" && len(e.Sections) > 0 {
		a.Section = e.Sections[0]
	}
	return a, nil
}
