package feed

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Severity of a problem: an Error breaks the feed for Apple Podcasts or the
// W3C Feed Validator; a Warning is advice.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is one broken rule of ../shared/corpora/feeds/RULES.md.
type Problem struct {
	Rule     string   `json:"rule"` // e.g. "I2"
	Severity Severity `json:"severity"`
	Where    string   `json:"where"` // "channel" or "item 3 (title)"
	Message  string   `json:"message"`
}

func (p Problem) String() string {
	return fmt.Sprintf("%s %s %s: %s", p.Severity, p.Rule, p.Where, p.Message)
}

// node is an element of the parsed feed.
type node struct {
	space, local string
	attrs        []xml.Attr
	text         strings.Builder
	kids         []*node
}

func (n *node) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value, true
		}
	}
	return "", false
}

func (n *node) all(space, local string) []*node {
	var out []*node
	for _, k := range n.kids {
		if k.space == space && k.local == local {
			out = append(out, k)
		}
	}
	return out
}

func (n *node) first(space, local string) *node {
	if all := n.all(space, local); len(all) > 0 {
		return all[0]
	}
	return nil
}

func (n *node) value() string { return strings.TrimSpace(n.text.String()) }

func parseTree(data []byte) (*node, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{space: t.Name.Space, local: t.Name.Local, attrs: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
			if len(stack) > 64 {
				return nil, fmt.Errorf("elements nested more than 64 deep")
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			stack[len(stack)-1].text.Write(t)
		}
	}
	return root, nil
}

// CheckOptions shape a check.
type CheckOptions struct {
	// Size, when set, gives the real size of an enclosure's file, to
	// compare with the length the feed states: HTTPSize asks the server,
	// a store can answer for its own files. A size of -1 means unknown.
	Size func(ctx context.Context, url string) (int64, error)
}

// HTTPSize asks for an enclosure's size with a HEAD request.
func HTTPSize(client *http.Client) func(context.Context, string) (int64, error) {
	return func(ctx context.Context, u string) (int64, error) {
		req, err := http.NewRequestWithContext(ctx, http.MethodHead, u, nil)
		if err != nil {
			return 0, err
		}
		resp, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, fmt.Errorf("it answers %s", resp.Status)
		}
		if resp.ContentLength < 0 {
			return 0, errors.New("the server does not say its length")
		}
		return resp.ContentLength, nil
	}
}

var (
	durationRE = regexp.MustCompile(`^\d+(:[0-5][0-9](:[0-5][0-9])?)?$`)
)

// Check validates a podcast feed against the rules that apply to a feed
// aloud generates (RULES.md), and returns every problem found. An error is
// returned only when the bytes are not an XML document at all.
func Check(ctx context.Context, data []byte, o CheckOptions) ([]Problem, error) {
	root, err := parseTree(data)
	if err != nil {
		return nil, fmt.Errorf("not well-formed XML: %w", err)
	}
	var ps []Problem
	add := func(rule string, sev Severity, where, format string, args ...any) {
		ps = append(ps, Problem{Rule: rule, Severity: sev, Where: where, Message: fmt.Sprintf(format, args...)})
	}
	rss := root.first("", "rss")
	if rss == nil {
		add("D1", Error, "document", "the root element is not <rss>")
		return ps, nil
	}
	if v, _ := rss.attr("version"); v != "2.0" {
		add("D1", Error, "document", "rss version is %q, want 2.0", v)
	}
	chans := rss.all("", "channel")
	if len(chans) != 1 {
		add("D1", Error, "document", "%d channel elements, want one", len(chans))
		return ps, nil
	}
	ch := chans[0]
	// Namespaces: an undeclared prefix leaves the prefix as the space, a
	// wrong declaration leaves the wrong URL.
	var walk func(n *node)
	walk = func(n *node) {
		switch n.space {
		case "", nsITunes, nsPodcast, nsAtom, "http://purl.org/rss/1.0/modules/content/":
		case "itunes":
			add("D2", Error, "document", "itunes:%s is used but the iTunes namespace is not declared", n.local)
		case "podcast":
			add("D3", Error, "document", "podcast:%s is used but the podcast namespace is not declared", n.local)
		default:
			if strings.Contains(strings.ToLower(n.space), "itunes") {
				add("D2", Error, "document", "the iTunes namespace is declared as %q, want exactly %q", n.space, nsITunes)
			}
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(ch)

	text := func(parent *node, space, local string) string {
		if n := parent.first(space, local); n != nil {
			return n.value()
		}
		return ""
	}
	// Channel.
	if text(ch, "", "title") == "" {
		add("C1", Error, "channel", "no title")
	}
	if text(ch, "", "link") == "" {
		add("C2", Error, "channel", "no link")
	}
	desc := text(ch, "", "description")
	switch {
	case desc == "":
		add("C3", Error, "channel", "no description")
	case len(desc) > maxDescription:
		add("C3", Error, "channel", "description of %d bytes, Apple's limit is %d", len(desc), maxDescription)
	}
	if text(ch, "", "language") == "" {
		add("C4", Error, "channel", "no language (Apple requires one, e.g. en or en-us)")
	}
	if img := ch.first(nsITunes, "image"); img == nil {
		add("C5", Error, "channel", "no itunes:image (Apple requires artwork)")
	} else if href, _ := img.attr("href"); !isURL(href) {
		add("C5", Error, "channel", "itunes:image href %q is not an absolute http(s) URL", href)
	}
	cats := ch.all(nsITunes, "category")
	if len(cats) == 0 {
		add("C6", Error, "channel", "no itunes:category")
	}
	for _, c := range cats {
		main, _ := c.attr("text")
		sub := ""
		if s := c.first(nsITunes, "category"); s != nil {
			sub, _ = s.attr("text")
		}
		if err := CheckCategory(main, sub); err != nil {
			add("C6", Error, "channel", "itunes:category: %v", err)
		}
	}
	switch ex := ch.all(nsITunes, "explicit"); {
	case len(ex) == 0:
		add("C7", Error, "channel", "no itunes:explicit (Apple requires true or false)")
	case len(ex) > 1:
		add("C7", Error, "channel", "itunes:explicit appears %d times", len(ex))
	case !trueFalse(ex[0].text.String()):
		add("C7", Error, "channel", "itunes:explicit is %q, want true or false", ex[0].text.String())
	}
	if ch.first(nsITunes, "duration") != nil {
		add("C14", Error, "channel", "itunes:duration belongs on items, not the channel")
	}
	// The channel's dates are RSS 2.0 dates too (the validator's
	// data-types-datetime, the same check as I4 for items).
	for _, name := range []string{"pubDate", "lastBuildDate"} {
		if d := text(ch, "", name); d != "" {
			if err := checkRFC2822(d); err != nil {
				add("I4", Error, "channel", "%s %q: %v", name, d, err)
			}
		}
	}
	selfLink := false
	for _, l := range ch.all(nsAtom, "link") {
		if r, _ := l.attr("rel"); r == "self" {
			selfLink = true
		}
	}
	if !selfLink {
		add("D7", Warning, "channel", "no atom:link rel=\"self\" with the feed's own URL")
	}
	switch g := ch.all(nsPodcast, "guid"); {
	case len(g) > 1:
		add("C17", Error, "channel", "podcast:guid appears %d times", len(g))
	case len(g) == 1 && !guidPattern.MatchString(g[0].value()):
		add("C17", Error, "channel", "podcast:guid %q is not a UUID", g[0].value())
	}
	if l := ch.all(nsPodcast, "locked"); len(l) > 1 || (len(l) == 1 && l[0].value() != "yes" && l[0].value() != "no") {
		add("C18", Error, "channel", "podcast:locked must appear once with yes or no")
	}

	// Items.
	guids := map[string]int{}
	for i, it := range ch.all("", "item") {
		title := text(it, "", "title")
		where := fmt.Sprintf("item %d (%s)", i+1, clip(title, 40))
		if title == "" {
			add("I1", Error, where, "no title (Apple requires one)")
		}
		if d := text(it, "", "description"); len(d) > maxDescription {
			add("I5", Error, where, "description of %d bytes, Apple's limit is %d", len(d), maxDescription)
		}
		checkEnclosure(ctx, it, where, o, add)
		g := it.first("", "guid")
		if g == nil {
			add("I3", Warning, where, "no guid: apps fall back to the enclosure URL, which changes if the file moves")
		} else {
			v := g.value()
			perma, has := g.attr("isPermaLink")
			switch {
			case has && perma != "true" && perma != "false":
				add("I3", Error, where, "isPermaLink is %q, want true or false", perma)
			case (!has || perma == "true") && !isURL(v):
				add("I3", Error, where, "guid %q is not a URL, so it needs isPermaLink=\"false\"", v)
			}
			if prev, dup := guids[v]; dup {
				add("I3", Error, where, "guid %q is the same as item %d's", v, prev)
			} else {
				guids[v] = i + 1
			}
		}
		if p := text(it, "", "pubDate"); p == "" {
			add("I4", Warning, where, "no pubDate")
		} else if err := checkRFC2822(p); err != nil {
			add("I4", Error, where, "pubDate %q: %v", p, err)
		}
		if d := it.first(nsITunes, "duration"); d != nil && !durationRE.MatchString(d.value()) {
			add("I6", Error, where, "itunes:duration %q is not seconds, M:SS or H:MM:SS", d.value())
		}
		for _, tr := range it.all(nsPodcast, "transcript") {
			u, _ := tr.attr("url")
			typ, _ := tr.attr("type")
			if !isURL(u) || typ == "" {
				add("I10", Error, where, "podcast:transcript needs an absolute url and a type")
			}
		}
		if cs := it.all(nsPodcast, "chapters"); len(cs) > 1 {
			add("I11", Error, where, "podcast:chapters appears %d times", len(cs))
		} else if len(cs) == 1 {
			u, _ := cs[0].attr("url")
			typ, _ := cs[0].attr("type")
			if !isURL(u) || typ == "" {
				add("I11", Error, where, "podcast:chapters needs an absolute url and a type")
			}
		}
	}
	return ps, nil
}

// SelfURL is the feed's own address from its atom:link rel="self", or ""
// when it has none or is not RSS.
func SelfURL(data []byte) string {
	root, err := parseTree(data)
	if err != nil {
		return ""
	}
	rss := root.first("", "rss")
	if rss == nil {
		return ""
	}
	ch := rss.first("", "channel")
	if ch == nil {
		return ""
	}
	for _, l := range ch.all(nsAtom, "link") {
		if r, _ := l.attr("rel"); r == "self" {
			h, _ := l.attr("href")
			return h
		}
	}
	return ""
}

func trueFalse(s string) bool {
	return s == "true" || s == "false" || strings.EqualFold(s, "true") || strings.EqualFold(s, "false")
}

func checkEnclosure(ctx context.Context, it *node, where string, o CheckOptions, add func(string, Severity, string, string, ...any)) {
	enc := it.first("", "enclosure")
	if enc == nil {
		add("I2", Error, where, "no enclosure")
		return
	}
	u, hasURL := enc.attr("url")
	l, hasLen := enc.attr("length")
	typ, hasType := enc.attr("type")
	if !hasURL || !hasLen || !hasType {
		add("I2", Error, where, "enclosure lacks url, length or type")
		return
	}
	if !isURL(u) {
		add("I2", Error, where, "enclosure url %q is not an absolute http(s) URL", u)
	}
	n, err := strconv.ParseInt(l, 10, 64)
	switch {
	case err != nil:
		add("I2", Error, where, "enclosure length %q is not a whole number of bytes", l)
	case n < 0:
		add("I2", Error, where, "enclosure length %d is negative", n)
	}
	if mt, _, err := mime.ParseMediaType(typ); err != nil || !strings.Contains(mt, "/") {
		add("I2", Error, where, "enclosure type %q is not a MIME type", typ)
	} else if strings.HasSuffix(strings.ToLower(u), ".mp3") && mt != "audio/mpeg" {
		add("I2", Error, where, "an MP3 enclosure has type %q, want audio/mpeg", typ)
	}
	if o.Size != nil && isURL(u) && err == nil {
		size, serr := o.Size(ctx, u)
		switch {
		case serr != nil:
			add("I2", Error, where, "enclosure %s: %v", u, serr)
		case size >= 0 && size != n:
			add("I2", Error, where, "enclosure length %d, but the file is %d bytes", n, size)
		}
	}
}

// checkRFC2822 accepts RFC 2822 dates (optional weekday, which must match
// the date; numeric or named zones) and says what is wrong otherwise.
func checkRFC2822(s string) error {
	layouts := []string{"Mon, 02 Jan 2006 15:04:05 -0700", "Mon, 02 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST", "02 Jan 2006 15:04:05 -0700", "02 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST"}
	for _, l := range layouts {
		t, err := time.Parse(l, s)
		if err != nil {
			continue
		}
		if strings.HasPrefix(l, "Mon") && t.Weekday().String()[:3] != s[:3] {
			return fmt.Errorf("the weekday is %s, not %s", t.Weekday().String()[:3], s[:3])
		}
		return nil
	}
	return fmt.Errorf("not an RFC 2822 date (like Wed, 15 Jun 2019 19:00:00 +0000)")
}
