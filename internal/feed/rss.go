package feed

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eduncan911/podcast"
)

// FeedKey is where the podcast RSS lives in the store.
const FeedKey = "feed.xml"

// Channel describes the podcast as a whole.
type Channel struct {
	Title       string
	Description string
	Link        string // the publication's website; the feed's own URL when empty
	Language    string
	Author      string
	ImageURL    string
	Category    string
	Explicit    bool
}

// maxDescription keeps descriptions within Apple's 4000-byte limit.
const maxDescription = 4000

// RSS builds the podcast RSS 2.0 feed (with the iTunes namespace) of the
// catalog, newest episode first. url turns a store key into its public URL.
func RSS(ch Channel, c Catalog, url func(key string) string, now time.Time) ([]byte, error) {
	eps := c.Sorted()
	link := ch.Link
	if link == "" {
		link = url(FeedKey)
	}
	var last *time.Time
	if len(eps) > 0 {
		t := eps[0].Published
		last = &t
	}
	p := podcast.New(ch.Title, link, clip(ch.Description, maxDescription), last, &now)
	p.Generator = "aloud"
	if ch.Language != "" {
		p.Language = ch.Language
	}
	if ch.Author != "" {
		p.IAuthor = ch.Author
	}
	if ch.ImageURL != "" {
		p.AddImage(ch.ImageURL)
	}
	if ch.Category != "" {
		p.AddCategory(ch.Category, nil)
	}
	p.IExplicit = "false"
	if ch.Explicit {
		p.IExplicit = "true"
	}
	if self := url(FeedKey); strings.HasPrefix(self, "http") {
		p.AddAtomLink(self)
	}
	for _, e := range eps {
		pub := e.Published
		item := podcast.Item{
			GUID:        e.GUID,
			Title:       e.Title,
			Link:        e.ArticleURL,
			Description: clip(e.Description, maxDescription),
			PubDate:     &pub,
		}
		if item.Description == "" {
			item.Description = e.Title
		}
		if e.Author != "" {
			item.IAuthor = e.Author
		}
		item.AddEnclosure(url(e.AudioKey), podcast.MP3, e.SizeBytes)
		// Apple accepts seconds, HH:MM:SS or MM:SS; plain seconds are
		// unambiguous for every parser.
		item.IDuration = strconv.FormatInt(int64(e.DurationSeconds+0.5), 10)
		if _, err := p.AddItem(item); err != nil {
			return nil, fmt.Errorf("feed: episode %q: %w", e.Slug, err)
		}
	}
	var buf bytes.Buffer
	if err := p.Encode(&buf); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	return buf.Bytes(), nil
}

// clip shortens s to at most n bytes at a rune boundary, ending in "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}
