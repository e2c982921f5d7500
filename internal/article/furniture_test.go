package article

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// storyParagraphs are the sentences of a made-up story, each distinct.
func storyParagraphs(n int) []string {
	var ps []string
	for i := range n {
		ps = append(ps, fmt.Sprintf("Paragraph %d of the story says what the council decided about the bridge, and why the repairs will take until the end of the year.", i+1))
	}
	return ps
}

// TestFurnitureLeftOut builds pages the way publishers do, the story
// among the furniture issue 14 names, and checks that every sentence of
// the story is read and nothing of the furniture.
func TestFurnitureLeftOut(t *testing.T) {
	story := storyParagraphs(6)
	paras := func(wrap string) string {
		var b strings.Builder
		for i, p := range story {
			if i == 3 && wrap == "link" {
				// A sentence of the story that is mostly a link, in a div
				// of its own (Readability drops such divs).
				fmt.Fprintf(&b, `<div class="text-block"><p><a href="/other">%s</a> more.</p></div>`, strings.TrimSuffix(p, "."))
				continue
			}
			fmt.Fprintf(&b, `<div class="text-block"><p>%s</p></div>`, p)
		}
		return b.String()
	}
	head := `<html lang="en"><head><title>Bridge to close for repairs | The Courier</title><meta property="og:site_name" content="The Courier">
<meta name="author" content="Dana Whitfield"></head><body><nav><a href="/">Home</a><a href="/news">News</a></nav>`
	tests := []struct {
		name, body string
		furniture  []string
	}{
		{"paywall dialog and consent", `<main><article><h1>Bridge to close for repairs</h1>` + paras("") + `
<div class="overlay" aria-modal="true"><h2>Article réservé aux abonnés</h2><p>Subscribe today to read every story on our site without limits, from only one euro a month.</p><p>Already a subscriber? Log in to continue reading this story and all the others, on every device you own.</p>` +
			strings.Repeat(`<p>Cancel at any time with one click from your account page, no questions asked, and keep reading until the end of the month.</p>`, 12) + `</div></article></main>
<div class="consent-banner"><p>We use cookies to improve your experience of our site and to show you relevant advertising.</p></div>`,
			[]string{"abonnés", "Subscribe today", "subscriber", "cookies"}},
		{"sign-up, call to action and teasers", `<main><article><h1>Bridge to close for repairs</h1><p>By Dana Whitfield</p><p>November 20, 2026</p>` + paras("") +
			`<p><a href="/more">Learn more.</a></p><div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our newsletter to get the day's news in your inbox every morning.</p></div>
<h2>More stories</h2><ul><li><a href="/a">Library stays open late</a></li><li><a href="/b">School bus routes change</a></li></ul></article></main>`,
			[]string{"Learn more", "morning briefing", "Sign up", "More stories", "Library stays", "By Dana", "November 20"}},
		{"video title", `<main><article><h1>Bridge to close for repairs</h1>` + paras("") +
			`<div class="video-player"><h3>Watch: the bridge from above</h3><video src="/v.mp4"></video></div></article></main>`,
			[]string{"Watch: the bridge"}},
		{"a player box named in camel case", `<main><article><h1>Bridge to close for repairs</h1>` + paras("") +
			`<div class="embeddedVideoContainer"><div class="videoTitle"><span class="nowPlaying">Now playing:</span> Watch this: the bridge from above</div><div class="videoMeta"><span class="duration">8:09</span></div></div></article></main>`,
			[]string{"Now playing", "Watch this", "8:09"}},
		{"labels and pointers in the story's own paragraphs", `<main><article><h1>Bridge to close for repairs</h1><p>Article réservé aux abonnés</p><p>Lecture 4 min.</p>` +
			paras("") + `<p>Lire aussi : <a href="/x">Les travaux du pont commenceront en mars</a></p><p>READ MORE: <a href="/y">How the council pays for its bridges</a></p>
<p>Photo credit: Jane Roe via photopin cc</p><p>ADVERTISEMENT</p></article></main>`,
			[]string{"abonnés", "Lecture", "Lire aussi", "READ MORE", "Photo credit", "ADVERTISEMENT"}},
		{"subheadings Readability drops for their class", `<main><article><h1>Bridge to close for repairs</h1>` +
			strings.Replace(paras(""), `<div class="text-block"><p>Paragraph 4`, `<h2 class="subheader">What the repairs cost</h2><div class="text-block"><p>Paragraph 4`, 1) +
			`<div class="related-header"><h3 class="teaser-header">Library stays open late</h3><p>Hours change in spring</p></div></article></main>`,
			[]string{"Library stays", "Hours change"}},
		{"a box of links left out takes its heading along", `<main><article><h1>Bridge to close for repairs</h1>` +
			strings.Replace(paras(""), `<div class="text-block"><p>Paragraph 4`, `<div class="story-extras"><h2>What to know</h2><ul class="story-links"><li><a href="/a">Where the detour runs</a></li><li><a href="/b">Which buses change</a></li></ul></div>`+
				`<div class="heading-wrap"><h2>What the repairs cost</h2></div><div class="text-block"><p>Paragraph 4`, 1) + `</article></main>`,
			[]string{"What to know", "detour", "buses"}},
		{"a newsletter's permalinks and its own appeal", `<main><article><h1>Bridge to close for repairs</h1>` +
			strings.Replace(paras(""), `<div class="text-block"><p>Paragraph 4`, `<h2>What the repairs cost<a class="header-anchor" href="#cost">#</a></h2><div class="text-block"><p>Paragraph 4`, 1) +
			`<p>Thanks for reading The Courier! Subscribe for free to receive new posts and support my work.</p></article></main>`,
			[]string{"cost#", "Thanks for reading"}},
		{"the writer's box and an expanding byline", `<main><article><h1>Bridge to close for repairs</h1><div id="byline-child">By <a href="/dana">Dana Whitfield</a><div id="bylineExpanded"><span class="role">City Editor</span><span>BIO</span><div id="author-text">Dana runs the city desk and has reported on the council for twenty years, from budgets to bridges.</div></div></div>` +
			paras("") + `<div class="author-bio"><h3>About Dana Whitfield</h3><p>Dana Whitfield covers the city council for The Courier and has lived beside the old bridge for twenty years.</p></div></article></main>`,
			[]string{"City Editor", "BIO", "city desk", "About Dana", "covers the city council"}},
		{"a post classed for its video tag keeps its text", `<main><article class="post tag-video entry">` + paras("") + `</article></main>`, nil},
		{"a sentence that is mostly a link", `<main><article><h1>Bridge to close for repairs</h1>` + paras("link") + `</article></main>`, nil},
		{"the story inside div.paywall", `<main><div class="paywall">` + paras("") + `</div></main>`, nil},
		{"the story inside an ad-named wrapper", `<div class="advert-wrapper"><div class="content">` + paras("") + `</div></div>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse([]byte(head+tc.body+`<footer>© The Courier</footer></body></html>`), HTML, "page.html", nil)
			if err != nil {
				t.Fatal(err)
			}
			body := bodyText(a)
			for i, p := range story {
				if !strings.Contains(body, p[:40]) {
					t.Errorf("story paragraph %d not read", i+1)
				}
			}
			if strings.Contains(tc.body, "What the repairs cost") && !strings.Contains(body, "What the repairs cost\nParagraph 4") {
				t.Errorf("subheading not read over its paragraph")
			}
			for _, f := range tc.furniture {
				if strings.Contains(body, f) {
					t.Errorf("furniture %q read", f)
				}
			}
			if t.Failed() {
				t.Logf("body:\n%s", body)
			}
		})
	}
}

// TestLastParagraphOfLinks: a story's last paragraph that is mostly
// links is read, though the page has more paragraphs after the story.
func TestLastParagraphOfLinks(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html lang="en"><head><title>Today's car news</title></head><body><div class="post"><h1>Today's car news</h1><div class="entry">`)
	for _, p := range storyParagraphs(3) {
		b.WriteString(`<p>` + p + `</p>`)
	}
	b.WriteString(`<p><a href="/a">Average fuel economy went up again</a> to a record high.<br><br>We drove <a href="/b">the new hybrid and compared it with the diesel</a>.<br><br>Here are <a href="/c">the promises made about roads in this election</a>.<br><br>The carmaker <a href="/d">filed for bankruptcy after a year of losses</a>.</p>`)
	b.WriteString(`</div></div><div class="footer-links">`)
	for i := range 4 {
		fmt.Fprintf(&b, `<div class="col"><p>Footer column %d of the site, with its links and notes.</p></div>`, i)
	}
	b.WriteString(`</div></body></html>`)
	a, err := Parse([]byte(b.String()), HTML, "news.html", nil)
	if err != nil {
		t.Fatal(err)
	}
	if body := bodyText(a); !strings.Contains(body, "The carmaker filed for bankruptcy after a year of losses") {
		t.Errorf("the story's last paragraph, mostly links, was not read:\n%s", body)
	}
}

// TestLooseLabels: text loose in a div among the story's paragraphs is
// weighed by its words as a paragraph is ("Print", a legal footer),
// while a table's wordless cells stay.
func TestLooseLabels(t *testing.T) {
	page := `<div class="story">Print<p>` + strings.Join(storyParagraphs(2), `</p><p>`) + `</p>Menu<table><tr><td>$83</td><td>28.7%</td></tr></table>` +
		`© 2026 The Courier Ltd. All rights reserved. Terms of Use | Privacy Policy</div>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, b := range collectBlocks(doc, "", "", false) {
		texts = append(texts, b.Text)
	}
	got := strings.Join(texts, "\n")
	for _, label := range []string{"Print", "Menu", "Terms of Use"} {
		if strings.Contains(got, label) {
			t.Errorf("%q read:\n%s", label, got)
		}
	}
	for _, kept := range []string{"Paragraph 2 of the story", "$83", "28.7%"} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q not read:\n%s", kept, got)
		}
	}
}

// TestPageLabel tells the page's words from short paragraphs of a story.
func TestPageLabel(t *testing.T) {
	tests := []struct {
		html string
		want bool
	}{
		{`<p>3 Min. Lesezeit</p>`, true},
		{`<p>Tiempo de lectura: 4 minutos</p>`, true},
		{`<p>5 min read</p>`, true},
		{`<p>Время чтения: 5 минут</p>`, true},
		{`<p>Nur für Abonnenten</p>`, true},
		{`<p>Subscribers only</p>`, true},
		{`<p>Lesen Sie auch: <a href="/a">Neue Buslinie ab Montag</a></p>`, true},
		{`<p>Related: <a href="/a">Council approves the budget for next year</a></p>`, true},
		{`<p>SKIP ADVERTISEMENT</p>`, true},
		{`<p>Supported by</p>`, true},
		{`<p>128</p>`, true},
		{`<p>* * *</p>`, true},
		{`<p>Your email address will not be published. Required fields are marked *</p>`, true},
		{`<p>TrackBack URL for this entry: http://www.typepad.com/services/trackback/6a00d8</p>`, true},
		{`<p>Ihre E-Mail-Adresse wird nicht veröffentlicht.</p>`, true},
		{`<p>Mail (will not be published) (required)</p>`, true},
		{`<p>* Email will not be published</p>`, true},
		{`<p>RSS feed for comments on this post. TrackBack URI</p>`, true},
		{`<p>You can follow any responses to this entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.</p>`, true},
		{`<p>Both comments and pings are currently closed.</p>`, true},
		{`<p>Comments are what the council asked residents for, and it got 400 of them.</p>`, false},
		{`<p>© 2023 The Courier. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>`, true},
		{`<p>Copyright 2023 The Associated Press.</p>`, true},
		{`<p>&lt;저작권자(c) 연합뉴스, 무단 전재-재배포 금지&gt;</p>`, true},
		{`<p>Alle Rechte vorbehalten.</p>`, true},
		{`<p>版权所有新华网</p>`, true}, // glued to the publisher, as Chinese writes it
		{`<p>Your comment could not be posted. Error type:</p>`, true},
		{`<p>Copyright law in the EU protects the writer for seventy years after death.</p>`, false},
		{`<p>Copyright Guardian News &amp; Media Limited or its affiliated companies.</p>`, true},
		{`<p>Supported by the city, the plan passed.</p>`, false},
		// A site's legal footer: rights and a pointer to its terms, wherever
		// the rights stand.
		{`<p>By providing information about events on this site, The Courier shall not be deemed to endorse them. ©1999-2012 The Courier, Inc. All Rights Reserved. Terms of Use &amp; Privacy Policy</p>`, true},
		{`<p>Die Inhalte sind urheberrechtlich geschützt. Alle Rechte vorbehalten. Impressum · Datenschutz</p>`, true},
		{`<p>The council's privacy policy changed in May; all rights reserved by residents stay as they were.</p>`, false},
		{`<p>Мост закроют на пять минут.</p>`, false},
		{`<p>Wait 5 minutes.</p>`, false},
		{`<p>Related research shows the bridge was never safe.</p>`, false},
		{`<p>Read more: the council's report runs to 300 pages and names <a href="/r">every contractor</a>.</p>`, false},
		{`<p>More than 40 people were on the bridge when it shook.</p>`, false},
	}
	for _, tc := range tests {
		doc, err := html.Parse(strings.NewReader(tc.html))
		if err != nil {
			t.Fatal(err)
		}
		var p *html.Node
		var find func(n *html.Node)
		find = func(n *html.Node) {
			if p == nil && n.DataAtom == atom.P {
				p = n
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				find(c)
			}
		}
		find(doc)
		if got := isPageLabel(p, textOf(p)); got != tc.want {
			t.Errorf("isPageLabel(%s) = %v, want %v", tc.html, got, tc.want)
		}
	}
}

// TestEmptySectionHeading: a heading whose box held only what was left
// out (links to other stories) is not read over the story's next part;
// a heading wrapped alone in a div heads what follows it.
func TestEmptySectionHeading(t *testing.T) {
	page := `<div id="story"><p>The council voted on Tuesday to close the bridge for eight months of repairs.</p>
<div class="box"><h2>What to know</h2><ul><li><a href="/a">Where the detour runs</a></li><li><a href="/b">Which buses change</a></li></ul></div>
<div class="wrap"><h2>What the repairs cost</h2></div>
<p>The repairs will cost about twelve million euros, the city said in a statement.</p></div>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var root *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if attr(n, "id") == "story" {
			root = n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	var got []string
	for _, b := range collectBlocks(root, "Bridge to close", "", false) {
		got = append(got, b.Text)
	}
	want := []string{"The council voted on Tuesday to close the bridge for eight months of repairs.", "What the repairs cost",
		"The repairs will cost about twelve million euros, the city said in a statement."}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSelfPromotion: only the publication's own appeal at the end goes.
func TestSelfPromotion(t *testing.T) {
	story := []Block{{Kind: Paragraph, Text: "The council voted to close the bridge for repairs."}}
	tests := []struct {
		last string
		gone bool
	}{
		{"Thanks for reading The Courier! Subscribe for free to receive new posts.", true},
		{"Support The Courier: become a member today.", true},
		{"Vielen Dank fürs Lesen! Abonnieren Sie The Courier kostenlos.", true},
		{"Residents can sign up for the city's closure alerts on its website.", false},
		{"The Courier first reported the cracks in March.", false},
		{"Subscribers to the Daily Courier newsletter were told first.", false},
		{"The Courier now has 40,000 subscribers, up from 25,000 a year ago.", false},
		{"The Courier received a donation from the foundation in March.", false},
	}
	for _, tc := range tests {
		got := dropSelfPromotion(append(append([]Block{}, story...), Block{Kind: Paragraph, Text: tc.last}), "The Courier")
		if gone := len(got) == 1; gone != tc.gone {
			t.Errorf("%q: left out %v, want %v", tc.last, gone, tc.gone)
		}
	}
}

// TestPhotoStory checks that a story told in its photos' captions reads
// them without their credits, and that a story with a few pictures
// leaves its captions out as before.
func TestPhotoStory(t *testing.T) {
	caption := func(i int, credit string) string {
		return fmt.Sprintf(`<div class="wp-caption"><img src="/%d.jpg" alt=""><p class="wp-caption-text">Picture %d shows the crowd on the old bridge the night before the council closed it for repairs. %s</p></div>`, i, i, credit)
	}
	credits := []string{"(Jo Bloggs/AFP/Getty Images)", "(@bridgefan/Twitter)", "(AP Photo/Evan Vucci)", "(file)"}
	var gallery strings.Builder
	for i := range 8 {
		gallery.WriteString(caption(i+1, credits[i%len(credits)]))
	}
	head := `<html lang="en"><head><title>Photos: the bridge before it closed</title></head><body><article><h1>Photos: the bridge before it closed</h1>`
	intro := `<p>` + storyParagraphs(1)[0] + `</p>`
	a, err := Parse([]byte(head+intro+gallery.String()+`</article></body></html>`), HTML, "photos.html", nil)
	if err != nil {
		t.Fatal(err)
	}
	body := bodyText(a)
	for i := range 8 {
		if !strings.Contains(body, fmt.Sprintf("Picture %d shows", i+1)) {
			t.Errorf("caption %d not read in a photo story:\n%s", i+1, body)
		}
	}
	for _, credit := range []string{"Getty", "Twitter", "Vucci"} {
		if strings.Contains(body, credit) {
			t.Errorf("credit %q read:\n%s", credit, body)
		}
	}
	if !strings.Contains(body, "(file)") {
		t.Errorf("a caption's note that is no credit was cut:\n%s", body)
	}

	// Six paragraphs and two pictures: the story is the text.
	var story strings.Builder
	for _, p := range storyParagraphs(6) {
		story.WriteString("<p>" + p + "</p>")
	}
	a, err = Parse([]byte(head+story.String()+caption(1, "")+caption(2, "")+`</article></body></html>`), HTML, "story.html", nil)
	if err != nil {
		t.Fatal(err)
	}
	if body := bodyText(a); strings.Contains(body, "Picture") {
		t.Errorf("captions read beside a story of running text:\n%s", body)
	}
}

func TestDropCredit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A parade. (ED Jones/AFP/Getty Images)", "A parade."},
		{"Kurt Warner in disguise. (National Football League)", "Kurt Warner in disguise."},
		{"The bridge. [Photo: Jo Bloggs]", "The bridge."},
		{"The bridge at dawn (file)", "The bridge at dawn (file)"},
		{"The council (left to right: Ann, Bo)", "The council (left to right: Ann, Bo)"},
		{"(Jo Bloggs)", "(Jo Bloggs)"},
		{"No credit here.", "No credit here."},
	} {
		if got := dropCredit(c.in); got != c.want {
			t.Errorf("dropCredit(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDropRepeats: a story a page prints twice is read once; a paragraph
// said again alone, or over and over, stays.
func TestDropRepeats(t *testing.T) {
	ps := storyParagraphs(4)
	para := func(texts ...string) []Block {
		var bs []Block
		for _, s := range texts {
			bs = append(bs, Block{Kind: Paragraph, Text: s})
		}
		return bs
	}
	short := func(s string) string { return s[:min(len(s), 12)] }
	texts := func(bs []Block) []string {
		var out []string
		for _, b := range bs {
			out = append(out, short(b.Text))
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		in, want []Block
	}{
		{"the story twice", para(ps[0], ps[1], ps[2], ps[0], ps[1], ps[2], ps[3]), para(ps[0], ps[1], ps[2], ps[3])},
		{"a summary's two paragraphs over the story", para(ps[0], ps[1], ps[0], ps[1], ps[2]), para(ps[0], ps[1], ps[2])},
		{"one paragraph said again", para(ps[0], ps[1], ps[0], ps[2]), para(ps[0], ps[1], ps[0], ps[2])},
		{"one paragraph over and over", para(ps[0], ps[0], ps[0], ps[0]), para(ps[0], ps[0], ps[0], ps[0])},
		{"short lines repeat", para("Yes.", "No.", "Yes.", "No."), para("Yes.", "No.", "Yes.", "No.")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := dropRepeats(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d blocks %q, want %d", len(got), texts(got), len(tc.want))
			}
			for i := range got {
				if got[i].Text != tc.want[i].Text {
					t.Errorf("block %d = %q, want %q", i, short(got[i].Text), short(tc.want[i].Text))
				}
			}
		})
	}
}

// TestStoryEndsAtComments: a page's story ends at a line that heads
// readers' comments or the site's foot, in any of the languages the
// copied-text reader knows, once the story has begun; a diagram's
// "Comment" label does not end it.
func TestStoryEndsAtComments(t *testing.T) {
	story := `<p>` + strings.Join(storyBody, `</p><p>`) + `</p>`
	for _, tc := range []struct {
		name, heading, after string
		cut                  bool
	}{
		{"English", "174 comments | Add comment", "Jo: I took the ferry on Monday and it was late again, as it was all winter long.", true},
		{"German", "Kommentare (12)", "Jo: Die Fähre war am Montag wieder zu spät, wie den ganzen Winter über.", true},
		{"French", "3 réponses", "Jo : le bac était encore en retard lundi, comme pendant tout l'hiver.", true},
		{"a diagram's label", "Comment", "The operator's figures for the winter show three crossings a day on the main line and one on the branch.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := parsePage(t, []byte(`<html><head><title>`+storyHeadline+`</title></head><body><article><h1>`+storyHeadline+`</h1>`+
				story+`<p>`+tc.heading+`</p><p>`+tc.after+`</p></article></body></html>`))
			body := bodyText(a)
			if !strings.Contains(body, storyBody[2]) {
				t.Fatalf("the story was cut: %s", body)
			}
			if cut := !strings.Contains(body, tc.after); cut != tc.cut {
				t.Errorf("cut %v, want %v:\n%s", cut, tc.cut, body)
			}
		})
	}
}

// TestTeaserBoxItems: a teaser box's title is left out, and so are the
// other stories' headlines under it when nothing of the story follows;
// a subheading after a box in the middle of the story heads its next
// part and stays.
func TestTeaserBoxItems(t *testing.T) {
	story := `<p>` + strings.Join(storyBody, `</p><p>`) + `</p>`
	page := func(after string) []byte {
		return []byte(`<html><head><title>` + storyHeadline + `</title></head><body><article><h1>` + storyHeadline + `</h1>` + story + after + `</article></body></html>`)
	}
	a := parsePage(t, page(`<p>Mehr zum Thema</p><p>Heizungsgesetz: Was Eigentümer jetzt wissen müssen</p><p>Neue Buslinie ab Montag</p>`))
	if body := bodyText(a); strings.Contains(body, "Heizungsgesetz") || strings.Contains(body, "Buslinie") || !strings.Contains(body, storyBody[2]) {
		t.Errorf("end of the box:\n%s", body)
	}
	a = parsePage(t, page(`<p>Related</p><p>What the council said</p><p>The council said the timetable would be reviewed in the spring, after the repairs to the landing stages.</p>`))
	if body := bodyText(a); !strings.Contains(body, "What the council said") {
		t.Errorf("a subheading after a box in the story was left out:\n%s", body)
	}
}
