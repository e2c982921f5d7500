package article

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestChooseTitle(t *testing.T) {
	tests := []struct {
		name        string
		m           pageMeta
		readability string
		host        string
		want        string
	}{
		{"site suffix named by og:site_name",
			pageMeta{title: "Big news | Daily Example", siteName: "Daily Example"}, "", "", "Big news"},
		{"site suffix named by the host",
			pageMeta{title: "Council votes to close the bridge - Riverton Herald", ogTitle: "Council votes to close the bridge - Riverton Herald"}, "", "www.rivertonherald.co.uk", "Council votes to close the bridge"},
		{"section prefix",
			pageMeta{title: "Politics | Council votes to close the bridge", section: "Politics"}, "", "", "Council votes to close the bridge"},
		{"short suffix and nothing else to go on",
			pageMeta{title: "Lorem ipsum dolor sit amet – My website"}, "", "", "Lorem ipsum dolor sit amet"},
		{"a headline with a colon is whole",
			pageMeta{title: "Bridge closed: what drivers need to know", h1s: []string{"Bridge closed: what drivers need to know"}}, "", "", "Bridge closed: what drivers need to know"},
		{"agreement beats og:title",
			pageMeta{ogTitle: "SEO title for the bridge story", title: "Council votes to close the bridge | Herald", h1s: []string{"Council votes to close the bridge"}, ldHeadline: "Council votes to close the bridge"}, "", "", "Council votes to close the bridge"},
		{"h1 that is the site name loses",
			pageMeta{title: "Council votes to close the bridge | Herald", h1s: []string{"Herald"}, siteName: "Herald"}, "", "", "Council votes to close the bridge"},
		{"a leading guillemet, a colon glued to the site's name",
			pageMeta{title: "» How to Make Health Insurance a Bad Bet :zenhabits"}, "", "", "How to Make Health Insurance a Bad Bet"},
		{"single guillemet", pageMeta{title: "Free Range Librarian › The Reluctant Cataloger", h1s: []string{"Free Range Librarian"}, siteNames: []string{"Free Range Librarian"}}, "", "", "The Reluctant Cataloger"},
		{"double slash", pageMeta{title: "FDA Approves Pfizer Pill For Arthritis // Pharmalot"}, "", "", "FDA Approves Pfizer Pill For Arthritis"},
		// Chinese titles part the site without spaces, and a headline
		// of characters has no spaces to count words by.
		{"underscores without spaces", pageMeta{title: "国务院常务会议部署进一步优化营商环境_国内_新华网", h1s: []string{"国务院常务会议部署进一步优化营商环境"}}, "", "", "国务院常务会议部署进一步优化营商环境"},
		{"full-width bar", pageMeta{title: "新电脑已可利用记忆自学｜科技频道"}, "", "", "新电脑已可利用记忆自学"},
		{"double colon glued to the headline", pageMeta{title: "Japanese Graphic Design: Not In Production 7:: Néojaponisme"}, "", "", "Japanese Graphic Design: Not In Production 7"},
		{"a date beside the headline is no part of it",
			pageMeta{title: "Council votes to close the bridge - Local News - Nov 6, 2012", ogTitle: "Council votes to close the bridge - Local News - Nov 6, 2012"}, "", "", "Council votes to close the bridge"},
		{"h1 in full, <title> cut short",
			pageMeta{title: "Bridge to close | BBC News", h1s: []string{"Bridge to close for a year of repairs"}}, "", "", "Bridge to close for a year of repairs"},
		{"only readability", pageMeta{}, "A heading found in the body", "", "A heading found in the body"},
		{"nothing", pageMeta{}, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseTitle(tc.m, tc.readability, tc.host); got != tc.want {
				t.Errorf("chooseTitle = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestHostLabel(t *testing.T) {
	for host, want := range map[string]string{
		"www.bbc.co.uk": "bbc", "edition.cnn.com": "cnn", "lemonde.fr": "lemonde", "www.abc.net.au": "abc",
		"localhost": "", "": "", "127.0.0.1": "", "[::1]": "",
	} {
		if got := hostLabel(host); got != want {
			t.Errorf("hostLabel(%q) = %q, want %q", host, got, want)
		}
	}
}

func TestChooseByline(t *testing.T) {
	tests := []struct {
		name        string
		m           pageMeta
		readability string
		want        string
		host        string
	}{
		{"JSON-LD persons, all of them",
			pageMeta{ldAuthors: []string{"Ana Ruiz", "Ben Ode"}, metaAuthors: []string{"Condé Nast"}}, "", "Ana Ruiz and Ben Ode", ""},
		{"the publication named by its host after the writer",
			pageMeta{}, "Kelli Miller WebMD Health News", "Kelli Miller", "www.webmd.com"},
		{"the host's name alone is no writer",
			pageMeta{metaAuthors: []string{"WebMD"}}, "", "", "www.webmd.com"},
		{"publisher named as author is dropped",
			pageMeta{metaAuthors: []string{"Condé Nast"}, ldPublisher: "Condé Nast", bylines: []string{"By Kate Lin"}}, "", "Kate Lin", ""},
		{"organization author is not a person",
			pageMeta{ldOrgAuthors: []string{"Wire Service"}, metaAuthors: []string{"Wire Service"}}, "", "", ""},
		{"e-mail and links refused",
			pageMeta{metaAuthors: []string{"desk@example.com", "https://example.com/staff/x"}}, "", "", ""},
		{"readability's byline without By",
			pageMeta{}, "By Sam Reporter", "Sam Reporter", ""},
		{"the place a writer filed from",
			pageMeta{}, "Tom Kington in Rome", "Tom Kington", ""},
		{"a single name before in",
			pageMeta{}, "Madonna in Concert", "Madonna in Concert", ""},
		{"a JSON-LD person publishing under their own name",
			pageMeta{ldAuthors: []string{"Haki Benita"}, ldPublisher: "Haki Benita"}, "", "Haki Benita", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseByline(tc.m, tc.readability, tc.host); got != tc.want {
				t.Errorf("chooseByline = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestChooseDate(t *testing.T) {
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	stray := day(2012, 5, 1)
	tests := []struct {
		name        string
		m           pageMeta
		readability *time.Time
		url         string
		want        time.Time
	}{
		{"JSON-LD over a stray <time>", pageMeta{ldPublished: "2026-11-20", timeAttr: "2012-05-01"}, nil, "", day(2026, 11, 20)},
		{"article:published_time over readability", pageMeta{published: "2026-11-19T08:00:00Z"}, &stray, "", time.Date(2026, 11, 19, 8, 0, 0, 0, time.UTC)},
		{"URL date settles", pageMeta{timeAttr: "2012-05-01"}, nil, "https://x.example/2026/11/18/story", day(2026, 11, 18)},
		{"future refused", pageMeta{ldPublished: "2031-01-01", timeAttr: "2026-11-01"}, nil, "", day(2026, 11, 1)},
		{"nothing", pageMeta{}, nil, "", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := chooseDate(tc.m, tc.readability, tc.url, now); !got.Equal(tc.want) {
				t.Errorf("chooseDate = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestJSONLDWrapped: JSON-LD wrapped in a CDATA section or an HTML
// comment, as pages written for XHTML parsers wrap it, is read.
func TestJSONLDWrapped(t *testing.T) {
	doc := `{"@context":{"@vocab":"http://schema.org"},"@type":"NewsArticle","headline":"Bridge to close","datePublished":"2024-12-06T22:00:40.000Z","author":{"@type":"Person","name":"Kate Lin"}}`
	for _, src := range []string{doc, "<![CDATA[ " + doc + " ]]>", "<!-- " + doc + " -->", "//<![CDATA[\n" + doc + "\n//]]>"} {
		var m pageMeta
		readJSONLD(src, &m)
		if m.ldHeadline != "Bridge to close" || m.ldPublished != "2024-12-06T22:00:40.000Z" || len(m.ldAuthors) != 1 {
			t.Errorf("%.20q: headline %q, published %q, authors %q", src, m.ldHeadline, m.ldPublished, m.ldAuthors)
		}
	}
}

// TestJSONLDReferences: a graph that names its article's author and
// publisher by @id (as Yoast's does on WordPress sites) gives the names
// of the nodes it refers to; a reference to nothing gives none.
func TestJSONLDReferences(t *testing.T) {
	doc := `{"@context":"https://schema.org","@graph":[` +
		`{"@type":"Article","headline":"Bridge to close","author":[{"@id":"#/schema/person/1"},{"@id":"#/schema/person/2"}],"publisher":{"@id":"#org"}},` +
		`{"@type":"Organization","@id":"#org","name":"Riverton Gazette"},` +
		`{"@type":"Person","@id":"#/schema/person/1","name":"Kate Lin"},{"@type":"Person","@id":"#/schema/person/2","name":"Sam Lee"}]}`
	var m pageMeta
	readJSONLD(doc, &m)
	if strings.Join(m.ldAuthors, ";") != "Kate Lin;Sam Lee" || m.ldPublisher != "Riverton Gazette" {
		t.Errorf("authors %q, publisher %q", m.ldAuthors, m.ldPublisher)
	}
	var none pageMeta
	readJSONLD(`{"@type":"Article","headline":"Bridge","author":{"@id":"#/schema/person/9"}}`, &none)
	if len(none.ldAuthors) != 0 {
		t.Errorf("a reference to nothing gave authors %q", none.ldAuthors)
	}
}

// TestBylineNotFromCommentsOrForms: a readers' comment's author and a
// comment form's "Name *" are marked up as authors too; they are no
// byline. A profile link's label ("View all posts by …", "View
// Profile") gives the name it links, not the label.
func TestBylineNotFromCommentsOrForms(t *testing.T) {
	comments := `<ol class="commentlist"><li class="comment"><div class="comment-author vcard"><cite class="fn">Ted Reader</cite> said:</div><p>Great piece.</p></li></ol>`
	form := `<form id="respond"><p class="comment-form-author"><label for="author">Name</label> <span class="required">*</span><input id="author"></p></form>`
	for _, tc := range []struct {
		name, byline, want string
	}{
		{"comments and a form only", "", ""},
		{"the writer's byline first", `<span class="byline">By Dana Whitfield</span>`, "Dana Whitfield"},
		{"a profile link's label", `<span class="author vcard"><a rel="author" href="/author/dana">View all posts by Dana Whitfield →</a></span>`, "Dana Whitfield"},
		{"names before the profile links", `<div class="author">Dana Whitfield View Profile Email Twitter RSS</div>`, "Dana Whitfield"},
		{"a label alone", `<a rel="author" href="/about">About</a>`, ""},
		// Readability takes a story's dateline for its byline.
		{"a dateline", `<p><span class="dateline"><a href="/maps?q=OKLAHOMA+CITY">OKLAHOMA CITY</a>&#160;&#8212; </span>Two men were charged on Monday.</p>`, ""},
		{"a dateline and a byline", `<p class="byline">By Dana Whitfield</p><p><span class="dateline">OKLAHOMA CITY &#8212; </span>Two men were charged.</p>`, "Dana Whitfield"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := parsePage(t, bridgePage("", tc.byline+`<h1>Council votes to close the bridge</h1>`, comments+form))
			if a.Byline != tc.want {
				t.Errorf("byline %q, want %q", a.Byline, tc.want)
			}
		})
	}
}

// TestSiteNameFromFeedsAndLogo: a site states its name in its feeds'
// titles and in a logo linked home; that name is cut from the <title>,
// before a colon too, and never read as the headline. A post's own
// comments feed names the post, not the site.
func TestSiteNameFromFeedsAndLogo(t *testing.T) {
	for _, tc := range []struct{ name, head, logo, want string }{
		{"feed title, guillemet",
			`<title>Council votes to close the bridge « Rand's Blog</title><link rel="alternate" type="application/rss+xml" title="Rand's Blog » Feed" href="/feed">`,
			"", "Council votes to close the bridge"},
		{"atom feed, colon",
			`<title>Seth's Blog: Council votes to close the bridge</title><link rel="alternate" type="application/atom+xml" title="Posts on Seth's Blog (Atom)" href="/atom.xml">`,
			"", "Council votes to close the bridge"},
		{"logo linked home",
			`<title>Web Ink Now: Council votes to close the bridge</title><link rel="alternate" type="application/rss+xml" title="'Council votes to close the bridge' - Comments" href="/c.xml">`,
			`<h1><a href="http://www.webinknow.com/">Web Ink Now</a></h1>`, "Council votes to close the bridge"},
		{"a colon in a headline stays",
			`<title>Bridge closed: what drivers need to know</title><link rel="alternate" type="application/rss+xml" title="RSS 2.0" href="/feed">`,
			"", "Bridge closed: what drivers need to know"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head>` + tc.head + `</head><body>` + tc.logo + `<article>` + bridgeBody + `</article></body></html>`
			a := parsePage(t, []byte(page))
			if a.Title != tc.want {
				t.Errorf("title %q, want %q", a.Title, tc.want)
			}
		})
	}
	for _, tc := range []struct {
		titles []string
		want   []string
	}{
		{[]string{"Rand's Blog » Feed", "Rand's Blog » Comments Feed"}, []string{"Rand's Blog"}},
		{[]string{"Posts on Seth's Blog (Atom)"}, []string{"Seth's Blog"}},
		{[]string{"Mish's Analysis - RSS", "Mish's Analysis - Atom"}, []string{"Mish's Analysis"}},
		{[]string{"Subscribe to JoeMcNally", "Joe's Blog » In Copenhagen Comments Feed"}, []string{"Joe's Blog", "JoeMcNally"}},
		{[]string{"Hawk Digital RSS Feed"}, []string{"Hawk Digital"}},
		// A topic's feeds: the site is the part they share.
		{[]string{"Media | The Guardian", "Leveson inquiry | The Guardian", "Jimmy Savile | The Guardian"}, []string{"The Guardian"}},
		{[]string{"'A post' - Comments", "RSS 2.0", "Atom 0.3"}, nil},
		{[]string{"Media RSS feed", "Leveson inquiry RSS feed", "Comment is free RSS feed"}, nil},
	} {
		if got := feedSiteNames(tc.titles); !slices.Equal(got, tc.want) {
			t.Errorf("feedSiteNames(%q) = %q, want %q", tc.titles, got, tc.want)
		}
	}
}

// TestDatePrintedByHeadline: a page with no date in its markup prints
// one by its headline; that is the story's date, and it beats the first
// of the month that a URL with no day names. A comment's date further
// down is not taken.
func TestDatePrintedByHeadline(t *testing.T) {
	for _, tc := range []struct{ name, header, canonical, want string }{
		{"under the headline", `<h1>Council votes to close the bridge</h1><p class="meta">Posted on August 9, 2012 by Tim</p>`, "", "2012-08-09"},
		{"over the headline", `<div class="date">Friday 25 December 2015</div><h1>Council votes to close the bridge</h1>`, "", "2015-12-25"},
		{"beats the URL's month", `<h1>Council votes to close the bridge</h1><div>August 9, 2012</div>`, "http://example.com/2012/08/bridge/", "2012-08-09"},
		{"none printed", `<h1>Council votes to close the bridge</h1>`, "", ""},
		{"headline worded for the page", `<h2>Council to close the bridge</h2><p>By Jo Bloggs | Posted: October 27, 2012</p>`, "", "2012-10-27"},
		// A blog's list of recent posts says the title first; the
		// headline is the line the story follows.
		{"under the headline, not the list of posts", `<ul><li>Recent Posts</li><li>Ferry timetable to change in spring</li><li>Council votes to close the bridge</li><li>Harbour dredging starts</li><li>Market moves to the square</li>` +
			`<li>New bus lane opens</li><li>Library hours extended</li><li>School roof repaired</li><li>Park gates to close at dusk</li><li>Budget meeting moved</li></ul>` +
			`<ul><li>Categories</li><li>Courts</li><li>Elections</li><li>Harbour</li><li>Schools</li><li>Transport</li><li>Weather</li></ul>` +
			`<h2>Council votes to close the bridge</h2><p>November 6, 2012</p>`, "", "2012-11-06"},
		{"a dateline over share buttons", `<p>24 July 2012 Last updated at 02:28 ET</p><ul><li>Share</li><li>Email</li><li>Print</li><li>Facebook</li><li>Twitter</li></ul><h1>Council votes to close the bridge</h1>`, "", "2012-07-24"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			head := ""
			if tc.canonical != "" {
				head = `<link rel="canonical" href="` + tc.canonical + `">`
			}
			a := parsePage(t, bridgePage(head, tc.header, `<div class="comments"><p>Jo, March 3, 2013: great.</p></div>`))
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("date %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPrintedDateInSlashes: a date in slashes is read as the page's
// language writes it: day first in Spanish and British English, month
// first in American English and where no language is said.
func TestPrintedDateInSlashes(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"es", "2026-12-03"}, {"en-GB", "2026-12-03"}, {"pt-BR", "2026-12-03"},
		{"en-US", "2026-03-12"}, {"en", "2026-03-12"}, {"", "2026-03-12"},
	} {
		page := bridgePage("", `<h1>Council votes to close the bridge</h1><p>03/12/2026 14:05</p>`, "")
		if tc.lang != "" {
			page = bytes.Replace(page, []byte("<html>"), []byte(`<html lang="`+tc.lang+`">`), 1)
		}
		a := parsePage(t, page)
		if got := a.Published.Format(time.DateOnly); got != tc.want {
			t.Errorf("lang %q: date %s, want %s", tc.lang, got, tc.want)
		}
	}
	for lang, want := range map[string]bool{"": false, "en": false, "en-US": false, "en_us": false, "en-CA": false, "en-GB": true, "en-IN": true, "de": true, "fr-CA": true, "zh-Hans": true,
		"EN-gb": true, "en-PH": false, "not a tag!": false} {
		if got := writesDayFirst(lang); got != want {
			t.Errorf("writesDayFirst(%q) = %v", lang, got)
		}
	}
}

// TestBylinePrintedByHeadline: a page whose markup names no writer
// prints "Posted by …" by its headline; that names the writer. A list in
// one field is split at semicolons; a CMS's default user, a placeholder
// and a web address name no writer.
func TestBylinePrintedByHeadline(t *testing.T) {
	for _, tc := range []struct{ name, head, header, want string }{
		{"printed under the headline", "", `<h1>Council votes to close the bridge</h1><p>Posted by Tim Ferriss on August 9, 2012</p>`, "Tim Ferriss"},
		{"none printed", "", `<h1>Council votes to close the bridge</h1>`, ""},
		{"a list in one field", `<meta name="author" content="ROD NORDLAND;MAYY EL SHEIKH">`, `<h1>Council votes to close the bridge</h1>`, "ROD NORDLAND and MAYY EL SHEIKH"},
		{"a degree is no writer", `<meta name="author" content="LISA SANDERS;M.D">`, `<h1>Council votes to close the bridge</h1>`, "LISA SANDERS"},
		{"a default user", `<meta name="author" content="Admin">`, `<h1>Council votes to close the bridge</h1><p>By Kelsey Mohring</p>`, "Kelsey Mohring"},
		{"a web address", `<meta name="author" content="CBSNews.com">`, `<h1>Council votes to close the bridge</h1><p>By Brian Montopoli</p>`, "Brian Montopoli"},
		{"a placeholder", `<meta name="author" content="No Primary Author">`, `<h1>Council votes to close the bridge</h1>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := parsePage(t, bridgePage(tc.head, tc.header, ""))
			if a.Byline != tc.want {
				t.Errorf("byline %q, want %q", a.Byline, tc.want)
			}
		})
	}
}

// TestTitleEchoedByStory: the story is one more witness. og:title that
// is the site's motto loses to the <title>'s headline side, whose words
// the story takes up; a title of one or two words is not judged so.
func TestTitleEchoedByStory(t *testing.T) {
	m := pageMeta{ogTitle: "Official Blog of the National Football League", title: "Cowboys rule Murray out of Sunday's game - NFL.com", siteName: "NFL.com",
		lead: leadSet("Murray ruled out: the Dallas Cowboys will play Sunday's game without their running back, the team said.")}
	if got := chooseTitle(m, "", ""); got != "Cowboys rule Murray out of Sunday's game" {
		t.Errorf("with the story: %q", got)
	}
	m.lead = nil
	if got := chooseTitle(m, "", ""); got != "Official Blog of the National Football League" {
		t.Errorf("without the story (agreement alone, og:title first): %q", got)
	}
	short := pageMeta{title: "Share buttons removal test", h1s: []string{"Lorem"}, lead: leadSet("Lorem ipsum dolor sit amet, lorem ipsum.")}
	if got := chooseTitle(short, "", ""); got != "Share buttons removal test" {
		t.Errorf("a one-word heading echoed: %q", got)
	}
}

// bridgeBody is a story of six paragraphs, for pages built in tests.
var bridgeBody = strings.Repeat(`<p>The council voted on Tuesday to close the old bridge for eight months of repairs, and drivers will be sent around the town by the ring road.</p>`, 6)

// bridgePage is a page titled "Council votes to close the bridge": head
// goes into <head>, before and after around the <article> of bridgeBody.
func bridgePage(head, before, after string) []byte {
	return []byte(`<html><head><title>Council votes to close the bridge</title>` + head + `</head><body>` + before +
		`<article>` + bridgeBody + `</article>` + after + `</body></html>`)
}

// parsePage reads a page built in a test.
func parsePage(t *testing.T, page []byte) Article {
	t.Helper()
	a, err := Parse(page, HTML, "page.html", nil)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestNoWriter: bylines that name nobody, and names that look close.
func TestNoWriter(t *testing.T) {
	for name, want := range map[string]bool{
		"Admin": true, "No Primary Author": true, "By": true, "pm": true, "CBSNews.com": true, "lenta.ru": true, "NOS.nl": true, "bbc.co.uk": true, "M.D": true,
		"A.J. Daulerio": false, "Jane Doe": false, "J.R.R. Tolkien": false, "Authors Guild Staff": false, "St.John Smith": false, "Byron Pam": false,
	} {
		if got := noWriter.MatchString(name); got != want {
			t.Errorf("noWriter(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestTitleSidePrintedOverStory: a <title> of two sides, neither named
// as the site anywhere else, is cut to the side the page prints right
// over its story; the other is a masthead's (a blog's <h1> on every
// page). A side the page prints nowhere near running text gains
// nothing.
func TestTitleSidePrintedOverStory(t *testing.T) {
	story := `<p>` + strings.Join(storyBody, `</p><p>`) + `</p>`
	for _, tc := range []struct{ name, page, want string }{
		{"masthead first", `<html><head><title>Notes from the Harbour: Ferries return after the storms</title></head><body>` +
			`<h1>Notes from the Harbour</h1><ul><li>Home</li><li>About</li><li>Archive</li></ul>` +
			`<div class="post"><h2>Ferries return after the storms</h2><p>November 6, 2012</p>` + story + `</div></body></html>`,
			"Ferries return after the storms"},
		{"masthead last", `<html><head><title>Ferries return after the storms - Notes from the Harbour</title></head><body>` +
			`<h1>Notes from the Harbour</h1><div class="post"><h2>Ferries return after the storms</h2>` + story + `</div></body></html>`,
			"Ferries return after the storms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if a := parsePage(t, []byte(tc.page)); a.Title != tc.want {
				t.Errorf("title %q, want %q", a.Title, tc.want)
			}
		})
	}
}

// TestMetaNamesInTheWild: the names publishing systems give a story's
// date and writer in <meta>, beyond Open Graph's own, are read, as are
// Open Graph's written out as their namespace's IRI.
func TestMetaNamesInTheWild(t *testing.T) {
	day := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ attr, name, content string }{
		{"name", "pdate", "20240305"},
		{"name", "ptime", "20240305101500"},
		{"name", "DisplayDate", "2024-03-05"},
		{"name", "OriginalPublicationDate", "2024/03/05 10:15:00"},
		{"property", "publish_date", "2024-03-05"},
		{"name", "dcterms.created", "2024-03-05"},
		{"name", "DC.date.created", "2024-03-05"},
		{"itemprop", "dateCreated", "2024-03-05T10:15:00Z"},
		{"property", "http://ogp.me/ns/article#published_time", "2024-03-05T10:15:00Z"},
		{"property", "og:article:published_time", "2024-03-05T10:15:00Z"},
	} {
		page := `<html><head><meta ` + c.attr + `="` + c.name + `" content="` + c.content + `"></head><body><p>x</p></body></html>`
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		m := readMeta(doc)
		if got := parseDate(m.published); got.Truncate(24*time.Hour) != day {
			t.Errorf("<meta %s=%q content=%q>: date %v (%q), want %v", c.attr, c.name, c.content, got, m.published, day)
		}
	}
	for _, name := range []string{"og:author", "dc:creator", "DCTERMS.creator", "article:author_name"} {
		doc, err := html.Parse(strings.NewReader(`<html><head><meta name="` + name + `" content="Kate Lin"></head></html>`))
		if err != nil {
			t.Fatal(err)
		}
		if m := readMeta(doc); len(m.metaAuthors) != 1 || m.metaAuthors[0] != "Kate Lin" {
			t.Errorf("<meta name=%q>: authors %q", name, m.metaAuthors)
		}
	}
}
