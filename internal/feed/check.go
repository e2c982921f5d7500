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

	"golang.org/x/net/html/charset"
	"golang.org/x/text/language"
)

// Severity of a problem: an Error breaks the feed for Apple Podcasts or the
// W3C Feed Validator; a Warning is advice.
type Severity string

// Severities.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is one broken rule of those docs/PUBLISHING.md lists.
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
	// A feed may declare any character set XML allows; ISO-8859-1 and
	// windows-1252 are common in feeds made by older systems.
	dec.CharsetReader = charset.NewReaderLabel
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
	// URL, when known, is where the feed is served; its atom:link
	// rel="self" must name it.
	URL string
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
	c := &checker{o: o}
	add := c.add
	rss := root.first("", "rss")
	if rss == nil {
		add("D1", Error, "document", "the root element is not <rss>")
		return c.ps, nil
	}
	if v, _ := rss.attr("version"); v != "2.0" {
		add("D1", Error, "document", "rss version is %q, want 2.0", v)
	}
	chans := rss.all("", "channel")
	if len(chans) != 1 {
		add("D1", Error, "document", "%d channel elements, want one", len(chans))
		return c.ps, nil
	}
	ch := chans[0]
	c.namespaces(ch)
	c.channel(ch)
	c.items(ctx, ch)
	return c.ps, nil
}

// checker collects the problems of one feed.
type checker struct {
	o  CheckOptions
	ps []Problem
}

func (c *checker) add(rule string, sev Severity, where, format string, args ...any) {
	c.ps = append(c.ps, Problem{Rule: rule, Severity: sev, Where: where, Message: fmt.Sprintf(format, args...)})
}

// text is the text of parent's first child element of the name, or "".
func text(parent *node, space, local string) string {
	if n := parent.first(space, local); n != nil {
		return n.value()
	}
	return ""
}

// namespaces checks the prefixes used under ch against the namespaces
// declared (D2, D3): an undeclared prefix leaves the prefix as the
// space, a wrong declaration leaves the wrong URL.
func (c *checker) namespaces(ch *node) {
	add := c.add
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

}

// channel checks the channel's own elements (C1–C18, D7, I4).
func (c *checker) channel(ch *node) {
	add, o := c.add, c.o
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
	if lang := text(ch, "", "language"); lang == "" {
		add("C4", Error, "channel", "no language (Apple requires one, e.g. en or en-us)")
	} else if !validLanguage(lang) {
		add("C4", Error, "channel", "language %q is not a language code (ISO 639, e.g. en or en-us)", lang)
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
			href, _ := l.attr("href")
			if o.URL != "" && isURL(o.URL) && href != o.URL {
				add("D7", Warning, "channel", "atom:link rel=\"self\" is %q, but the feed is at %q (apps that follow it go elsewhere)", href, o.URL)
			}
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

}

// items checks every item (I1–I11).
func (c *checker) items(ctx context.Context, ch *node) {
	add, o := c.add, c.o
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
		if ex := it.all(nsITunes, "explicit"); len(ex) > 1 {
			add("I7", Error, where, "itunes:explicit appears %d times", len(ex))
		} else if len(ex) == 1 && !trueFalse(ex[0].value()) {
			add("I7", Error, where, "itunes:explicit is %q, want true or false", ex[0].value())
		}
		if im := it.all(nsITunes, "image"); len(im) > 1 {
			add("I8", Error, where, "itunes:image appears %d times", len(im))
		} else if len(im) == 1 {
			if href, _ := im[0].attr("href"); !isURL(href) {
				add("I8", Error, where, "itunes:image href %q is not an absolute http(s) URL", href)
			}
		}
		g := it.first("", "guid")
		switch {
		case g == nil:
			add("I3", Warning, where, "no guid: apps fall back to the enclosure URL, which changes if the file moves")
		case g.value() == "":
			add("I3", Error, where, "the guid is blank: apps cannot tell this episode from others")
		default:
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
	encs := it.all("", "enclosure")
	if len(encs) == 0 {
		add("I2", Error, where, "no enclosure")
		return
	}
	if len(encs) > 1 {
		add("I2", Error, where, "%d enclosures: an episode has one (apps play the first or none)", len(encs))
	}
	enc := encs[0]
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
	} else if !strings.HasPrefix(mt, "audio/") && !strings.HasPrefix(mt, "video/") && mt != "application/pdf" {
		add("I2", Error, where, "enclosure type %q is not audio, video or PDF, the media Apple and Spotify play", typ)
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

// checkRFC2822 accepts the dates RFC 2822 (section 3.3, with the
// obsolete forms of 4.3 that feeds still carry) allows: an optional
// weekday, which must match the date, in any case; a one- or two-digit
// day; a month name in any case; a two-, three- or four-digit year;
// seconds optional; a numeric zone, UT, GMT, a US zone, Z or another
// military letter. Anything else, an unknown zone too, is refused with
// what is wrong.
func checkRFC2822(s string) error {
	_, err := parseRFC2822(s)
	return err
}

// rfc2822Zones are the named zones RFC 2822 allows (section 4.3), with
// their offsets in hours; military zones other than Z are read as
// -0000 (unknown), as the RFC says, since their meaning was confused.
var rfc2822Zones = map[string]int{"UT": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}

var rfc2822RE = regexp.MustCompile(`^(?:([A-Za-z]{3})\s*,\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{2,4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|[A-Za-z]{1,3})$`)

func parseRFC2822(s string) (time.Time, error) {
	bad := fmt.Errorf("not an RFC 2822 date (like Wed, 12 Jun 2019 19:00:00 +0000)")
	m := rfc2822RE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, bad
	}
	month := -1
	for i := time.January; i <= time.December; i++ {
		if strings.EqualFold(i.String()[:3], m[3]) {
			month = int(i)
		}
	}
	if month < 0 {
		return time.Time{}, fmt.Errorf("%q is not a month", m[3])
	}
	day, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[4])
	switch len(m[4]) {
	case 2: // RFC 2822 4.3: 00–49 are 2000–2049, 50–99 are 1950–1999
		if year < 50 {
			year += 2000
		} else {
			year += 1900
		}
	case 3:
		year += 1900
	}
	hour, _ := strconv.Atoi(m[5])
	minute, _ := strconv.Atoi(m[6])
	sec := 0
	if m[7] != "" {
		sec, _ = strconv.Atoi(m[7])
	}
	if hour > 23 || minute > 59 || sec > 60 {
		return time.Time{}, fmt.Errorf("%s:%s is not a time of day", m[5], m[6])
	}
	var offset int
	zone := strings.ToUpper(m[8])
	switch h, ok := rfc2822Zones[zone]; {
	case zone[0] == '+' || zone[0] == '-':
		hh, _ := strconv.Atoi(zone[1:3])
		mm, _ := strconv.Atoi(zone[3:5])
		if mm > 59 {
			return time.Time{}, fmt.Errorf("zone %s is not an offset", m[8])
		}
		offset = (hh*60 + mm) * 60
		if zone[0] == '-' {
			offset = -offset
		}
	case ok:
		offset = h * 3600
	case len(zone) == 1 && zone != "J":
		offset = 0
	default:
		return time.Time{}, fmt.Errorf("zone %q is not one RFC 2822 allows (+0000, GMT, UT, EST…)", m[8])
	}
	t := time.Date(year, time.Month(month), day, hour, minute, min(sec, 59), 0, time.FixedZone(zone, offset))
	if t.Day() != day {
		return time.Time{}, fmt.Errorf("%s %s has no day %d", m[3], m[4], day)
	}
	if m[1] != "" && !strings.EqualFold(t.Weekday().String()[:3], m[1]) {
		return time.Time{}, fmt.Errorf("the weekday is %s, not %s", t.Weekday().String()[:3], m[1])
	}
	return t, nil
}

// validLanguage reports whether s is a language code as RSS and Apple
// take it: ISO 639 with optional subtags (en, en-us, pt-BR, zh-Hant).
func validLanguage(s string) bool {
	if !languageRE.MatchString(s) {
		return false
	}
	_, err := language.Parse(s)
	return err == nil
}

var languageRE = regexp.MustCompile(`^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)
