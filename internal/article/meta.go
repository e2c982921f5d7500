package article

import (
	"encoding/json"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a page says about itself, every candidate kept: the
// choice among them is made by agreement (chooseTitle, chooseByline,
// chooseDate), not by which tag comes first.
type pageMeta struct {
	lang, title, ogTitle, twitterTitle, siteName string
	h1s                                          []string
	metaAuthors, bylines                         []string // <meta name=author…>; visible bylines
	datelines                                    []string // the places a story starts with ("OKLAHOMA CITY —")
	published, timeAttr, canonical, ogURL        string
	image, section                               string
	ldHeadline, ldPublished, ldPublisher         string
	ldAuthors                                    []string        // the persons JSON-LD names
	ldOrgAuthors                                 []string        // organizations JSON-LD names as authors
	ldBodies                                     []statedBody    // the articleBody texts JSON-LD states, each once
	siteNames                                    []string        // the site's name in its feeds' titles and its home link
	feedTitles                                   []string        // the titles of the page's feed links
	printed                                      time.Time       // the date printed by the headline (headerDate)
	lead                                         map[uint64]bool // the content words of the story's start (leadSet)
	headlines                                    map[string]int  // lines running text follows closely (normTitle), and how closely (headlineLines)
}

// headlineLines are the page's short lines (up to 20 words) that running
// text follows within headerReach lines, in their normal form, with the
// fewest lines between them and it: where a <title> has two sides, "Notes
// from the Harbour: Ferries return", the side printed nearer over the
// story (the post's heading) is its headline, the other a masthead's.
func headlineLines(lines []string) map[string]int {
	out := map[string]int{}
	for i, l := range lines {
		if n := wordCount(l); n >= 1 && n <= 20 {
			if gap := proseGap(lines, i); gap <= headerReach && (out[normTitle(l)] == 0 || gap < out[normTitle(l)]) {
				out[normTitle(l)] = gap
			}
		}
	}
	return out
}

// nearerStory reports whether the page prints the title a nearer over
// its running text than b (b not at all, or further).
func nearerStory(headlines map[string]int, a, b string) bool {
	ga, gb := headlines[normTitle(a)], headlines[normTitle(b)]
	return ga > 0 && (gb == 0 || ga < gb)
}

// leadSet is the content words (contentWordHashes) of a story's first
// leadReach words, as the copied-text reader takes its lead: a
// headline's words come back in them.
func leadSet(text string) map[uint64]bool {
	f := strings.Fields(text)
	if len(f) > leadReach {
		f = f[:leadReach]
	}
	set := map[uint64]bool{}
	wordForms(strings.Join(f, " "), func(forms []uint64) {
		for _, h := range forms {
			set[h] = true
		}
	})
	return set
}

// leadText is the text of n's first leadReach words or so, read as
// textOf reads it but no further: a story can be a megabyte long.
func leadText(n *html.Node) string {
	var b strings.Builder
	words := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && words < leadReach; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
				b.WriteByte(' ')
				words += len(strings.Fields(c.Data))
			case c.Type == html.ElementNode && (c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Noscript):
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// echoed reports a title whose content words come back in the story's
// start, half of them at least: the story's headline, not a site's motto
// in og:title ("Official Blog of the National Football League").
func echoed(title string, lead map[uint64]bool) bool {
	words, in := 0, 0
	wordForms(title, func(forms []uint64) {
		words++
		for _, h := range forms {
			if lead[h] {
				in++
				return
			}
		}
	})
	if words < 3 || len(lead) == 0 {
		return false // "Lorem", "Chapter 1": too few words to tell
	}
	return 2*in >= words
}

func readMeta(doc *html.Node) pageMeta {
	var m pageMeta
	// aside is true inside a form, a navigation, a footer or readers'
	// comments: a "comment-author" or a form's "Name *" is no byline.
	var walk func(n *html.Node, aside bool)
	walk = func(n *html.Node, aside bool) {
		if n.Type == html.ElementNode {
			aside = aside || n.DataAtom == atom.Form || n.DataAtom == atom.Nav || n.DataAtom == atom.Footer || neverRead(n)
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Title:
				if m.title == "" {
					m.title = cleanSpace(textOf(n))
				}
			case atom.H1:
				if t := cleanSpace(textOf(n)); t != "" && len(m.h1s) < 3 {
					m.h1s = append(m.h1s, t)
					if homeLink(n) && len(strings.Fields(t)) <= 8 {
						m.siteNames = append(m.siteNames, t) // a logo: the site's name, linked home
					}
				}
			case atom.Meta:
				m.readMetaTag(n)
			case atom.Link:
				if t := feedTitle(n); t != "" && len(m.feedTitles) < 20 {
					m.feedTitles = append(m.feedTitles, t)
				}
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.canonical = attr(n, "href")
				}
			case atom.Time:
				if m.timeAttr == "" {
					m.timeAttr = attr(n, "datetime")
				}
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") {
					readJSONLD(textOf(n), &m)
				}
			}
			if isDatelineElement(n) && len(m.datelines) < 5 {
				m.datelines = append(m.datelines, cleanSpace(textOf(n)))
			}
			if !aside && isBylineElement(n) && len(m.bylines) < 5 {
				if t := cleanSpace(textOf(n)); len(t) > 0 && len(t) < 120 {
					m.bylines = append(m.bylines, t)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, aside)
		}
	}
	walk(doc, false)
	m.siteNames = append(m.siteNames, feedSiteNames(m.feedTitles)...)
	return m
}

// feedTitle is the title of a link to one of the page's feeds, or "".
func feedTitle(n *html.Node) string {
	typ := strings.ToLower(attr(n, "type"))
	if !strings.EqualFold(attr(n, "rel"), "alternate") || !strings.Contains(typ, "rss") && !strings.Contains(typ, "atom") {
		return ""
	}
	return cleanSpace(attr(n, "title"))
}

// feedSiteNames are the site's names its feeds' titles state. A title
// is cut into parts at its separators and what names the feed goes
// ("Feed", "RSS 2.0", "(Atom)", "Posts on"). A part is the site's name
// when it stands alone and no other title's part stands alone with
// another name ("Rand's Blog » Feed", "Posts on Seth's Blog (Atom)";
// "Media RSS feed" beside "Politics RSS feed" are topics), when two
// titles share it ("Media | The Guardian" and
// "Politics | The Guardian": the topic varies, the site does not), or
// when the other part was a post's comments feed ("Joe's Blog » In
// Copenhagen Comments Feed"). "RSS 2.0" and "'Post title' - Comments"
// name no site.
func feedSiteNames(titles []string) []string {
	count := map[string]int{}
	var names []string
	add := func(p string) {
		if !slices.Contains(names, p) {
			names = append(names, p)
		}
	}
	var split [][]string
	var alone []string // the titles' parts that stand alone
	for _, t := range titles {
		var parts []string
		comments := false
		for _, p := range feedSeparators.Split(t, -1) {
			if strings.Contains(strings.ToLower(p), "comment") {
				comments = true // the part names a comments feed, the site's or a post's
				continue
			}
			p = strings.Trim(p, "'\"‘’“” ")
			for range 3 { // "Site RSS Feed": one word at a time
				p = feedWords.ReplaceAllString(p, "")
			}
			p = strings.TrimSpace(strings.Trim(strings.TrimSpace(p), "-–—:"))
			if p == "" || len(strings.Fields(p)) > 8 || strings.IndexFunc(p, unicode.IsLetter) < 0 || feedFormat.MatchString(p) {
				continue
			}
			parts = append(parts, p)
		}
		switch {
		case len(parts) == 1 && !comments:
			if !slices.Contains(alone, parts[0]) {
				alone = append(alone, parts[0])
			}
		case len(parts) == 1 && comments && strings.ContainsAny(t, "»|"):
			// "»" and "|" part the site from the post; a dash parts a
			// post's title from "Comments" ("'Post' - Comments").
			add(parts[0]) // "Site » Post Comments Feed": the post's part went
		}
		for _, p := range parts {
			count[p]++
		}
		split = append(split, parts)
	}
	if len(alone) == 1 {
		// One name alone is the site's; several are its topics' feeds
		// ("Media RSS feed", "Politics RSS feed").
		add(alone[0])
	}
	for _, parts := range split {
		for _, p := range parts {
			if count[p] >= 2 && len(parts) > 1 {
				add(p)
			}
		}
	}
	return names
}

var (
	// feedSeparators part a feed's title: "Site » Feed", "Topic | Site",
	// "Site - RSS".
	feedSeparators = regexp.MustCompile(`\s*[»|]\s*|\s+[-–—]\s+`)
	// feedWords are what a feed's title says besides the site's name.
	feedWords = regexp.MustCompile(`(?i)^\s*(?:posts on|subscribe to|comments on)\s+|\s*(?:\((?:atom|rss)[^)]*\)|[-–—:]\s*(?:atom|rss)(?:\s*[\d.]+)?|(?:comments\s+)?feed|rss(?:\s*[\d.]+)?|atom(?:\s*[\d.]+)?)\s*$`)
	// feedFormat is a feed's title that names its format alone.
	feedFormat = regexp.MustCompile(`(?i)^(?:rss|atom|feed|comments)(?:\s*[\d.]+)?$`)
)

// homeLink reports an element whose only link goes to a site's home page
// (a path of "/" or none): a logo, whose text is the site's name.
func homeLink(n *html.Node) bool {
	var links []string
	var visit func(*html.Node)
	visit = func(c *html.Node) {
		if c.Type == html.ElementNode && c.DataAtom == atom.A {
			links = append(links, attr(c, "href"))
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			visit(k)
		}
	}
	visit(n)
	if len(links) != 1 {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(links[0]))
	return err == nil && (u.Host != "" || links[0] == "/") && strings.Trim(u.Path, "/") == "" && u.RawQuery == "" && u.Fragment == ""
}

func (m *pageMeta) readMetaTag(n *html.Node) {
	key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
	val := cleanSpace(attr(n, "content"))
	if val == "" {
		return
	}
	// Open Graph's names written out as their namespace's IRI, or under
	// og: ("http://ogp.me/ns/article#published_time",
	// "og:article:published_time"), are its article: names.
	for _, ns := range []string{"http://ogp.me/ns/article#", "https://ogp.me/ns/article#", "og:article:"} {
		if rest, ok := strings.CutPrefix(key, ns); ok {
			key = "article:" + rest
		}
	}
	switch key {
	case "og:title":
		m.ogTitle = val
	case "twitter:title":
		m.twitterTitle = val
	case "author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "citation_author",
		"og:author", "dc:creator", "dcterms.creator", "article:author_name", "author_name":
		if !strings.HasPrefix(val, "http") {
			m.metaAuthors = append(m.metaAuthors, val)
		}
	case "og:site_name", "application-name", "publisher":
		if m.siteName == "" || key == "og:site_name" {
			m.siteName = val
		}
	case "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "dc.date", "dc.date.issued",
		"parsely-pub-date", "sailthru.date", "citation_publication_date", "publish-date", "publishdate", "article:published",
		"publish_date", "published", "pdate", "ptime", "displaydate", "originalpublicationdate", "datecreated", "dc.date.created",
		"dcterms.created", "dcterms.issued", "dcterms.date", "date_published", "published_date", "publication_date", "article.published":
		if m.published == "" {
			m.published = val
		}
	case "og:url":
		m.ogURL = val
	case "og:image":
		m.image = val
	case "article:section":
		m.section = val
	case "og:locale", "content-language", "language", "dc.language":
		if m.lang == "" {
			m.lang = strings.ReplaceAll(val, "_", "-")
		}
	}
}

// isBylineElement reports an element that marks up the author: a byline
// or author class, rel=author, itemprop=author.
func isBylineElement(n *html.Node) bool {
	cl := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cl, "byline") || strings.EqualFold(attr(n, "rel"), "author") ||
		strings.EqualFold(attr(n, "itemprop"), "author") || authorClass.MatchString(cl) &&
		!strings.Contains(cl, "bio") && !strings.Contains(cl, "avatar")
}

// isDatelineElement reports an element marked as a story's dateline:
// the place (and date) it starts with, "OKLAHOMA CITY —", which
// Readability's byline search takes for names.
func isDatelineElement(n *html.Node) bool {
	cl := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.Contains(cl, "dateline") && !isBylineElement(n)
}

var authorClass = regexp.MustCompile(`(^|[\s_-])(author|authors|author-name|article-author)([\s_-]|$)`)

// readJSONLD takes the headline, the authors, the publisher and the date
// of publication from schema.org Article objects (NewsArticle, BlogPosting
// and the like, in @graph arrays too), ignoring anything else.
func readJSONLD(src string, m *pageMeta) {
	// Some pages wrap the JSON in a CDATA section or an HTML comment, for
	// old XHTML parsers.
	src = strings.TrimSpace(src)
	for _, w := range [][2]string{{"<![CDATA[", "]]>"}, {"<!--", "-->"}, {"//<![CDATA[", "//]]>"}} {
		if inner, ok := strings.CutPrefix(src, w[0]); ok {
			src = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(inner), w[1]))
		}
	}
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return
	}
	// Nodes named by @id: a graph (Yoast's, on WordPress sites) names its
	// article's author and publisher by reference ({"@id": "…#/schema/
	// person/…"}) to a Person or an Organization elsewhere in it.
	ids := map[string]map[string]any{}
	walkLD(v, 0, func(t map[string]any) {
		if id, ok := t["@id"].(string); ok && t["name"] != nil {
			ids[id] = t
		}
	})
	// resolve gives the node a reference names, in a list too.
	var resolve func(v any) any
	resolve = func(v any) any {
		switch t := v.(type) {
		case map[string]any:
			if id, ok := t["@id"].(string); ok && t["name"] == nil && ids[id] != nil {
				return ids[id]
			}
		case []any:
			out := make([]any, len(t))
			for i, e := range t {
				if _, ok := e.(map[string]any); ok {
					e = resolve(e)
				}
				out[i] = e
			}
			return out
		}
		return v
	}
	walkLD(v, 0, func(t map[string]any) {
		if !isArticleType(t["@type"]) {
			return
		}
		if s, ok := t["headline"].(string); ok && m.ldHeadline == "" {
			m.ldHeadline = cleanSpace(html.UnescapeString(s))
		}
		if s, ok := t["articleBody"].(string); ok && strings.TrimSpace(s) != "" &&
			!slices.ContainsFunc(m.ldBodies, func(b statedBody) bool { return b.text == s }) {
			h, _ := t["headline"].(string)
			m.ldBodies = append(m.ldBodies, statedBody{headline: cleanSpace(html.UnescapeString(h)), text: s})
		}
		if s, ok := t["datePublished"].(string); ok && m.ldPublished == "" {
			m.ldPublished = s
		}
		if len(m.ldAuthors) == 0 && len(m.ldOrgAuthors) == 0 {
			collectAuthors(resolve(t["author"]), &m.ldAuthors, &m.ldOrgAuthors)
		}
		if p, ok := resolve(t["publisher"]).(map[string]any); ok && m.ldPublisher == "" {
			if s, ok := p["name"].(string); ok {
				m.ldPublisher = cleanSpace(s)
			}
		}
	})
}

// walkLD calls fn for every object of a JSON-LD document, in lists, in
// @graph arrays and as a page's mainEntity, eight levels deep at most.
func walkLD(v any, depth int, fn func(map[string]any)) {
	if depth > 8 {
		return
	}
	switch t := v.(type) {
	case []any:
		for _, e := range t {
			walkLD(e, depth+1, fn)
		}
	case map[string]any:
		fn(t)
		if g, ok := t["@graph"]; ok {
			walkLD(g, depth+1, fn)
		}
		if e, ok := t["mainEntity"]; ok {
			walkLD(e, depth+1, fn)
		}
	}
}

// isArticleType reports a schema.org type of a piece of writing: Article
// and its kinds (NewsArticle, ReportageNewsArticle, BlogPosting…), or no
// type at all.
func isArticleType(v any) bool {
	switch t := v.(type) {
	case nil:
		return true
	case string:
		return strings.HasSuffix(t, "Article") || strings.Contains(t, "BlogPosting") || t == "Report" || t == "WebPage" || t == "LiveBlogPosting"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// collectAuthors reads a JSON-LD author: a name, a Person or Organization
// object, or a list of them.
func collectAuthors(v any, persons, orgs *[]string) {
	switch t := v.(type) {
	case string:
		if s := cleanSpace(t); s != "" && !strings.HasPrefix(s, "http") {
			*persons = append(*persons, s)
		}
	case map[string]any:
		name, _ := t["name"].(string)
		name = cleanSpace(name)
		if name == "" {
			return
		}
		if typ, _ := t["@type"].(string); typ == "Organization" || typ == "NewsMediaOrganization" {
			*orgs = append(*orgs, name)
			return
		}
		*persons = append(*persons, name)
	case []any:
		for _, e := range t {
			collectAuthors(e, persons, orgs)
		}
	}
}

// --- choosing ---

// titleSeparators split a page title into headline and site name:
// "Headline | Site", "Site - Headline", "Section: Headline"; Chinese and
// Japanese titles set "_", "｜" and "丨" without spaces ("标题_新华网").
var titleSeparators = regexp.MustCompile(`\s+(?:[|\-–—·:»«›‹/•]|//|::)\s+|\s*[|_｜丨]\s*`)

// gluedColon is a colon set against the word after it, and
// gluedDoubleColon a double one against the word before: separators
// ("Headline :zenhabits", "Headline 7:: Site"), spaced out to be split.
var (
	gluedColon       = regexp.MustCompile(`\s(::?)([^\s:])`)
	gluedDoubleColon = regexp.MustCompile(`([^\s:])(::)\s`)
)

// chooseTitle picks the headline the page's candidates agree on:
// JSON-LD's headline, og:title, twitter:title, <title>, Readability's
// title and the first <h1>, each also cut at a separator ("Headline |
// Site", "Site - Headline", "Section | Headline"). The option the
// candidates agree on most wins. A whole that carries a part naming the
// site, the publisher, the section or the host never wins; a cut that
// drops only short parts (a site's name, a section) scores one more, since
// that is how page titles are made. Between equals, the publisher's own
// fields come first (JSON-LD, og:title) and <h1> last: on some pages it is
// the site's name or a section. The site's name alone is never a title.
func chooseTitle(m pageMeta, readabilityTitle, host string) string {
	var cands []string
	add := func(s string) {
		if s = cleanSpace(s); s != "" {
			cands = append(cands, s)
		}
	}
	add(m.ldHeadline)
	add(m.ogTitle)
	add(m.twitterTitle)
	add(m.title)
	// Readability's title is read from the same tags: it is one more
	// witness only when it says something they do not (a <title> it cut
	// at a separator, or a heading when the page has no title tags).
	if !slices.ContainsFunc(cands, func(c string) bool { return normTitle(c) == normTitle(readabilityTitle) }) {
		add(readabilityTitle)
	}
	if len(m.h1s) > 0 {
		add(m.h1s[0])
	}
	furniture := map[string]bool{}
	for _, f := range append([]string{m.siteName, m.ldPublisher, m.section, hostLabel(host)}, m.siteNames...) {
		if f = normTitle(f); f != "" {
			furniture[f] = true
			furniture[strings.ReplaceAll(f, " ", "")] = true
		}
	}
	judged := map[string]bool{} // isFurniture's answers: each text is judged once
	isFurniture := func(s string) bool {
		f, ok := judged[s]
		if !ok {
			n := normTitle(s)
			// A date beside the headline ("Headline - News - Nov 6,
			// 2012") is no part of it.
			f = furniture[n] || furniture[strings.ReplaceAll(n, " ", "")] || wordCount(s) <= 6 && !findDate(s).IsZero()
			judged[s] = f
		}
		return f
	}
	type option struct {
		text  string
		rank  int // the candidate it came from, by the order above
		bonus int // a cut that dropped only short parts
	}
	var options []option
	for i, c := range cands {
		// A separator that opens the title ("» Headline :site") leads
		// nowhere.
		c = strings.TrimLeft(c, "»«›‹|•·:-–— ")
		c = gluedDoubleColon.ReplaceAllString(gluedColon.ReplaceAllString(c, " $1 $2"), "$1 $2 ")
		// "Seth's Blog: The importance of going first", "Preview of my
		// keynote: Church of the Customer Blog": the site's name beside
		// a colon goes, as beside a separator.
		// So does the page's masthead, its first <h1> printed nowhere
		// over the story, when the other side is printed there ("Notes
		// from the Harbour: Ferries return", a blog's name and its
		// post's heading).
		if head, rest, ok := strings.Cut(c, ": "); ok && len(strings.Fields(rest)) >= 2 && (isFurniture(head) ||
			len(m.h1s) > 0 && normTitle(m.h1s[0]) == normTitle(head) && nearerStory(m.headlines, rest, head)) {
			c = rest
		}
		if j := strings.LastIndex(c, ": "); j > 0 && isFurniture(c[j+2:]) && len(strings.Fields(c[:j])) >= 2 {
			c = c[:j]
		}
		cands[i] = c
	}
	// The witnesses: the candidates that are not the site's name (a
	// logo's <h1> witnesses nothing), with their normal forms.
	type witness struct{ text, norm string }
	var witnesses []witness
	for _, c := range cands {
		if !isFurniture(c) {
			witnesses = append(witnesses, witness{c, normTitle(c)})
		}
	}
	for i, c := range cands {
		parts := titleSeparators.Split(c, -1)
		if len(parts) == 1 {
			options = append(options, option{c, i, 0})
			continue
		}
		if !slices.ContainsFunc(parts, isFurniture) {
			options = append(options, option{c, i, 0})
		}
		for j, p := range parts {
			p = strings.TrimSpace(p)
			if wordCount(p) < 2 || isFurniture(p) {
				continue
			}
			short := true
			for k, q := range parts {
				if k != j && !isFurniture(q) && (wordCount(q) > 4 || wordCount(q) >= wordCount(p)) {
					short = false // not a site's name: as long as the headline
				}
			}
			bonus := 0
			if short {
				bonus = 1
			}
			options = append(options, option{p, i, bonus})
		}
	}
	best, bestScore, bestRank, bestBonus := "", 0, 0, 0
	for _, o := range options {
		no := normTitle(o.text)
		if len(no) < 3 || isFurniture(o.text) {
			continue
		}
		// Two for each candidate that says exactly this, one for each that
		// holds it: a headline cut from "Headline | Site" beats the
		// whole when <h1> says the headline alone, and a part of a
		// headline never beats the headline.
		score := o.bonus
		if echoed(o.text, m.lead) {
			score++ // the story is one more witness
		}
		if o.text != cands[o.rank] && nearerStory(m.headlines, o.text, cands[o.rank]) {
			score++ // a side of a title that the page prints over its story
		}
		for _, w := range witnesses {
			switch c, nc := w.text, w.norm; {
			case nc == no:
				score += 2
			case isTitlePart(c, o.text):
				score++ // "Headline | Site" says the headline
			case strings.Contains(nc, no):
				// A longer headline holds this one: a <title> cut short,
				// not a site's name added.
				score -= o.bonus
			case holdsPartOf(nc, o.text):
				score-- // "Headline | Site" where another says "Headline, in full"
			}
		}
		if best == "" || score > bestScore || score == bestScore && (o.rank < bestRank || o.rank == bestRank && o.bonus > bestBonus) {
			best, bestScore, bestRank, bestBonus = o.text, score, o.rank, o.bonus
		}
	}
	return best
}

// isTitlePart reports whether part is one side of title at a separator
// ("Headline" of "Headline | Site").
func isTitlePart(title, part string) bool {
	np := normTitle(part)
	for _, p := range titleSeparators.Split(title, -1) {
		if normTitle(p) == np {
			return true
		}
	}
	return false
}

// holdsPartOf reports whether the normalized candidate nc holds, as
// more than itself, a side of title at a separator of two words or more.
func holdsPartOf(nc, title string) bool {
	parts := titleSeparators.Split(title, -1)
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if np := normTitle(p); len(strings.Fields(np)) >= 2 && np != nc && strings.Contains(nc, np) {
			return true
		}
	}
	return false
}

// hostLabel is the name a host gives a site: "spiceworks" for
// www.spiceworks.com, "bbc" for www.bbc.co.uk.
func hostLabel(host string) string {
	labels := strings.Split(strings.TrimPrefix(strings.ToLower(host), "www."), ".")
	if len(labels) < 2 || net.ParseIP(host) != nil {
		return ""
	}
	labels = labels[:len(labels)-1] // the top-level domain
	if n := len(labels); n > 1 && secondLevel[labels[n-1]] {
		labels = labels[:n-1] // co.uk, com.au
	}
	return labels[len(labels)-1]
}

// secondLevel are the labels under a country's domain that name a kind of
// site, not a site.
var secondLevel = map[string]bool{"co": true, "com": true, "org": true, "net": true, "gov": true, "ac": true, "edu": true, "ne": true, "or": true, "go": true}

// normTitle compares titles: lower case, letters and digits only.
func normTitle(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }), " ")
}

// cutPublisher cuts a byline where the publication's name follows the
// writer's: "Kelli Miller WebMD Health News" is Kelli Miller. Words are
// compared whole, case and punctuation aside; a byline that is nothing
// but the publication's ("By NFL.com Staff", "the CNN Wire Staff") is
// left whole, for its name to be judged as such.
func cutPublisher(byline string, publishers []string) string {
	words := strings.Fields(byline)
	bare := func(w string) string {
		return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	for _, p := range publishers {
		pw := strings.Fields(p)
		if len(p) < 3 || len(pw) == 0 {
			continue
		}
		for i := 1; i+len(pw) <= len(words); i++ {
			same := true
			for k, w := range pw {
				same = same && strings.EqualFold(bare(words[i+k]), bare(w))
			}
			if !same {
				continue
			}
			cut := strings.TrimRight(strings.Join(words[:i], " "), " ,-–—|")
			if names := strings.TrimSpace(bylinePrefix.ReplaceAllString(cut+" ", "")); !looksLikeNames(names) {
				return byline
			}
			return cut
		}
	}
	return byline
}

// chooseByline names the article's writers: the persons JSON-LD names
// (all of them), else the byline Readability finds on the page, else
// <meta name=author> (all of them), else the first element marked as a
// byline; never a name that is the publication's (its site name, its
// publisher, its host's: "Kelli Miller WebMD Health News" on webmd.com),
// an e-mail address or a link, and without "By" or a date after the
// names.
func chooseByline(m pageMeta, readabilityByline, host string) string {
	publisher := map[string]bool{}
	var publishers []string
	for _, p := range append([]string{m.siteName, m.ldPublisher, hostLabel(host)}, m.ldOrgAuthors...) {
		if p != "" {
			publisher[normTitle(strings.TrimPrefix(p, "The "))] = true
			publishers = append(publishers, p)
		}
	}
	// persons: the names are JSON-LD's Person authors, whose names stay
	// even when a one-person site is published under them.
	ok := func(name string, persons bool) bool {
		n := normTitle(strings.TrimPrefix(name, "The "))
		return n != "" && (persons || !publisher[n]) && !strings.Contains(name, "@") && !strings.Contains(name, "://") &&
			len(name) <= 120 && strings.IndexFunc(name, unicode.IsLetter) >= 0 && !noWriter.MatchString(name)
	}
	keep := func(names []string, persons bool) string {
		var out []string
		seen := map[string]bool{}
		var split []string
		for _, n := range names {
			// "ROD NORDLAND;MAYY EL SHEIKH": a list in one field.
			split = append(split, strings.Split(n, ";")...)
		}
		for _, n := range split {
			if raw := dropParentheses(n); strings.Contains(raw, "@") && !strings.Contains(raw, " ") || strings.Contains(raw, "://") {
				continue // an address, not a name
			}
			if n = cleanByline(cutPublisher(n, publishers)); ok(n, persons) && !seen[normTitle(n)] {
				n = withoutPlace(n)
				seen[normTitle(n)] = true
				out = append(out, n)
			}
		}
		return joinNames(out)
	}
	var firstByline []string
	if len(m.bylines) > 0 {
		firstByline = m.bylines[:1]
	}
	for _, d := range m.datelines {
		if cleanByline(d) == cleanByline(readabilityByline) {
			readabilityByline = "" // a place, not a writer
		}
	}
	for i, names := range [][]string{m.ldAuthors, {readabilityByline}, m.metaAuthors, firstByline} {
		if b := keep(names, i == 0); b != "" {
			return b
		}
	}
	return ""
}

// withoutPlace cuts the place a byline sets after the names ("Tom
// Kington in Rome", "Gary Younge in Sarasota"): once a line is taken for
// the byline (a field the page marks, or a copy's line of names), "in"
// and a capital after two names or more is where the writer filed from.
// (Asked before, it would make names of a headline: "Alan Ritchson
// Playing Gloss in The Hunger Games".)
func withoutPlace(names string) string {
	if m := inCategory.FindStringSubmatchIndex(names); m != nil && wordCount(names[:m[0]]) >= 2 {
		return strings.TrimSpace(names[:m[0]])
	}
	return names
}

// noWriter are bylines that name no writer: a CMS's default user
// ("Admin"), a placeholder ("No Primary Author"), a label or a time's
// "pm" left alone ("By [NR] admin", cut at its bracket), a web address, any
// top-level domain ("CBSNews.com", "lenta.ru", "nos.nl": a lower-case
// ending after two letters and a dot, which no name has), initials of a
// degree alone ("M.D").
var noWriter = regexp.MustCompile(`(?i:^(?:admin|administrator|webmaster|site admin|(?:no )?(?:primary |guest )?authors?|by|von|por|par|am|pm)$)|\p{L}{2}\.[a-z]{2,6}(?:\.[a-z]{2})?\b|^(?:\p{L}\.){1,3}\p{L}?\.?$`)

// joinNames says a list of names: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// urlDate is a date in an article's URL path: /2026/11/20/ or /2026-11-20-.
var urlDate = regexp.MustCompile(`/(20\d\d|19\d\d)[/-](0[1-9]|1[0-2])(?:[/-](0[1-9]|[12]\d|3[01]))?(?:/|-|$)`)

// chooseDate picks the publication date: the page's structured metadata
// (JSON-LD datePublished, article:published_time and the like), else
// Readability's, else the first <time>. A date in the article's URL
// settles a disagreement: a candidate from another year or month loses to
// one that matches it, and stands alone when nothing else does. Dates
// after now are refused.
func chooseDate(m pageMeta, readabilityDate *time.Time, pageURL string, now time.Time) time.Time {
	var cands []time.Time
	for _, s := range []string{m.ldPublished, m.published} {
		if t := parseDate(s); !t.IsZero() {
			cands = append(cands, t)
		}
	}
	if readabilityDate != nil && !readabilityDate.IsZero() {
		cands = append(cands, readabilityDate.UTC())
	}
	if t := parseDate(m.timeAttr); !t.IsZero() {
		cands = append(cands, t)
	}
	if !m.printed.IsZero() {
		// Last: what the page prints by its headline, for pages that
		// state no date in their markup; it beats the first of the month
		// a URL with no day names.
		cands = append(cands, m.printed)
	}
	var fromURL time.Time
	if u := urlDate.FindStringSubmatch(pageURL); u != nil {
		day := u[3]
		if day == "" {
			day = "01"
		}
		fromURL, _ = time.Parse("2006-01-02", u[1]+"-"+u[2]+"-"+day)
	}
	future := now.Add(48 * time.Hour)
	for _, t := range cands {
		if t.After(future) {
			continue
		}
		if fromURL.IsZero() || t.Year() == fromURL.Year() && t.Month() == fromURL.Month() {
			return t
		}
	}
	if !fromURL.IsZero() {
		return fromURL
	}
	for _, t := range cands {
		if !t.After(future) {
			return t
		}
	}
	return time.Time{}
}
