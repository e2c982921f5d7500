package feed

import (
	"bytes"
	"crypto/rand"
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eduncan911/podcast"
)

// FeedKey is where the default podcast RSS lives in the store.
const FeedKey = "feed.xml"

// Channel describes one podcast feed.
type Channel struct {
	Key         string // store key of the feed, FeedKey when empty
	Title       string
	Description string
	Link        string // the publication's website; the feed's own URL when empty
	Language    string
	Author      string
	OwnerName   string
	OwnerEmail  string
	ImageURL    string // 1400–3000 px square JPEG or PNG; the default cover when empty
	Category    string // from the iTunes list, e.g. News
	Subcategory string // e.g. Daily News
	Explicit    bool
	Locked      bool // podcast:locked yes: other platforms may not import it
	MaxItems    int  // newest first; 0 for all
	// Match selects the episodes of this feed; empty matches all.
	Match Match
}

// Match is a feed's selection rule.
type Match struct {
	Language string // BCP 47 prefix: "uk" matches uk and uk-UA
	Section  string // the article's section, case-insensitive
	// Kind is the kind of episode: "" for narrated articles, KindRoundup
	// for roundups; a feed lists one kind.
	Kind string
}

// KindRoundup marks a roundup episode: the day's stories in one.
const KindRoundup = "roundup"

// Matches reports whether the episode belongs in a feed with the rule.
func (m Match) Matches(e Episode) bool {
	if m.Kind != e.Kind {
		return false
	}
	if m.Language != "" && !strings.HasPrefix(strings.ToLower(e.Language), strings.ToLower(m.Language)) {
		return false
	}
	return m.Section == "" || strings.EqualFold(e.Section, m.Section)
}

// FeedKeyOf is the store key of the channel's feed.
func (c Channel) FeedKeyOf() string {
	if c.Key == "" {
		return FeedKey
	}
	return c.Key
}

// maxDescription keeps descriptions within Apple's 4000-byte limit.
const maxDescription = 4000

// Namespaces of a podcast feed (RULES.md D2, D3).
const (
	nsITunes  = "http://www.itunes.com/dtds/podcast-1.0.dtd"
	nsPodcast = "https://podcastindex.org/namespace/1.0"
	nsAtom    = "http://www.w3.org/2005/Atom"
)

// rss is the document: the podcast library's channel and items, embedded
// in types of ours that add what it lacks (the Podcasting 2.0 namespace, a
// guid with isPermaLink, the owner).
type rss struct {
	XMLName   xml.Name `xml:"rss"`
	Version   string   `xml:"version,attr"`
	NSITunes  string   `xml:"xmlns:itunes,attr"`
	NSPodcast string   `xml:"xmlns:podcast,attr"`
	NSAtom    string   `xml:"xmlns:atom,attr"`
	Channel   channel
}

type channel struct {
	XMLName xml.Name `xml:"channel"`
	podcast.Podcast
	PodcastGUID string      `xml:"podcast:guid"`
	NewFeedURL  string      `xml:"itunes:new-feed-url,omitempty"`
	Locked      locked      `xml:"podcast:locked"`
	ITunesImage *itunesHref `xml:"itunes:image,omitempty"`
	Items       []item      `xml:"item"`
}

type itunesHref struct {
	Href string `xml:"href,attr"`
}

type locked struct {
	Value string `xml:",chardata"`
	Owner string `xml:"owner,attr,omitempty"`
}

type item struct {
	XMLName xml.Name `xml:"item"`
	podcast.Item
	GUID       guid        `xml:"guid"`
	Transcript *sidecar    `xml:"podcast:transcript,omitempty"`
	Chapters   *sidecar    `xml:"podcast:chapters,omitempty"`
	Person     *person     `xml:"podcast:person,omitempty"`
	ITunesImg  *itunesHref `xml:"itunes:image,omitempty"`
}

type guid struct {
	Value       string `xml:",chardata"`
	IsPermaLink string `xml:"isPermaLink,attr"`
}

type sidecar struct {
	URL      string `xml:"url,attr"`
	Type     string `xml:"type,attr"`
	Language string `xml:"language,attr,omitempty"`
}

type person struct {
	Name  string `xml:",chardata"`
	Group string `xml:"group,attr"`
	Role  string `xml:"role,attr"`
}

// RSS builds the channel's podcast feed (RSS 2.0 with the iTunes and
// Podcasting 2.0 namespaces) from the catalog: the episodes its rule
// selects, newest first, at most MaxItems. url turns a store key into its
// public URL.
func RSS(ch Channel, c Catalog, url func(key string) string, now time.Time) ([]byte, error) {
	var eps []Episode
	for _, e := range c.Sorted() {
		if ch.Match.Matches(e) {
			eps = append(eps, e)
		}
	}
	if ch.MaxItems > 0 && len(eps) > ch.MaxItems {
		eps = eps[:ch.MaxItems]
	}
	self := url(ch.FeedKeyOf())
	link := ch.Link
	if link == "" {
		link = self
	}
	var last *time.Time
	if len(eps) > 0 {
		t := eps[0].Published
		last = &t
	}
	now = now.UTC()
	p := podcast.New(ch.Title, link, clip(ch.Description, maxDescription), last, &now)
	p.Generator = "aloud"
	p.Language = ch.Language
	if ch.Author != "" {
		p.IAuthor = ch.Author
	}
	if ch.OwnerEmail != "" {
		p.IOwner = &podcast.Author{Name: ch.OwnerName, Email: ch.OwnerEmail}
	}
	image := ch.ImageURL
	if image == "" {
		image = url(CoverKey)
	}
	p.AddImage(image)
	p.IImage = nil // written by our channel type, once
	var subs []string
	if ch.Subcategory != "" {
		subs = []string{ch.Subcategory}
	}
	p.AddCategory(ch.Category, subs)
	p.IExplicit = strconv.FormatBool(ch.Explicit)
	if strings.HasPrefix(self, "http") {
		p.AddAtomLink(self)
	}
	out := channel{Podcast: p, PodcastGUID: PodcastGUID(self), ITunesImage: &itunesHref{Href: image}}
	if id, ok := c.Feeds[ch.FeedKeyOf()]; ok {
		// The guid given when the feed first appeared; a feed that moved
		// tells apps at its old address where it is now.
		out.PodcastGUID = id.GUID
		if id.Was != "" && isURL(self) {
			out.NewFeedURL = self
		}
	}
	out.Locked = locked{Value: "no", Owner: ch.OwnerEmail}
	if ch.Locked {
		out.Locked.Value = "yes"
	}
	for _, e := range eps {
		pub := e.Published
		it := podcast.Item{Title: e.Title, Link: e.ArticleURL, Description: clip(e.Description, maxDescription), PubDate: &pub}
		if it.Description == "" {
			it.Description = e.Title
		}
		if e.Author != "" {
			it.IAuthor = e.Author
		}
		it.AddEnclosure(url(e.AudioKey), podcast.MP3, e.SizeBytes)
		if _, err := out.Podcast.AddItem(it); err != nil {
			return nil, fmt.Errorf("feed: episode %q: %w", e.Slug, err)
		}
		done := out.Podcast.Items[len(out.Podcast.Items)-1]
		done.GUID = ""    // written by our item type, with isPermaLink
		done.IImage = nil // one itunes:image per item at most
		// Apple accepts seconds, HH:MM:SS or MM:SS; plain seconds are
		// unambiguous for every parser.
		done.IDuration = strconv.FormatInt(int64(e.DurationSeconds+0.5), 10)
		ei := item{Item: *done, GUID: guid{Value: e.GUID, IsPermaLink: strconv.FormatBool(isURL(e.GUID))}}
		if e.TranscriptKey != "" {
			ei.Transcript = &sidecar{URL: url(e.TranscriptKey), Type: "text/vtt", Language: e.Language}
		}
		if e.ChaptersKey != "" {
			ei.Chapters = &sidecar{URL: url(e.ChaptersKey), Type: "application/json+chapters"}
		}
		if e.Author != "" {
			ei.Person = &person{Name: clip(e.Author, 128), Group: "writing", Role: "author"}
		}
		out.Items = append(out.Items, ei)
	}
	out.Podcast.Items = nil
	doc := rss{Version: "2.0", NSITunes: nsITunes, NSPodcast: nsPodcast, NSAtom: nsAtom, Channel: out}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("feed: %w", err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// podcastNamespace is the UUID namespace of podcast:guid (Podcast Index,
// guid.md).
var podcastNamespace = [16]byte{0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6, 0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6}

// randomGUID is a random UUID (version 4, RFC 9562).
func randomGUID() string {
	var u [16]byte
	rand.Read(u[:])
	u[6] = u[6]&0x0f | 0x40
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// guidPattern is a UUID as podcast:guid holds it, either case.
var guidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// PodcastGUID is the podcast:guid of a feed URL: a UUIDv5 (RFC 9562: SHA-1
// of namespace and name, version and variant bits set) of the URL with its
// scheme and trailing slashes removed.
func PodcastGUID(feedURL string) string {
	name := feedURL
	if i := strings.Index(name, "://"); i >= 0 {
		name = name[i+3:]
	}
	name = strings.TrimRight(name, "/")
	h := sha1.New()
	h.Write(podcastNamespace[:])
	h.Write([]byte(name))
	u := h.Sum(nil)[:16]
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
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
