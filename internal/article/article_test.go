package article

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseHTMLSample(t *testing.T) {
	data, err := os.ReadFile("../../examples/sample-article.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Parse(data, HTML, "sample.html", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := Article{
		Title: "Riverside library stays open late after volunteers step in", Byline: "Dana Whitfield",
		Published: time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC), URL: "https://courier.example.com/news/riverside-library-late-hours",
		Language: "en", Publication: "The Millbrook Courier", Source: "sample.html",
	}
	if a.Title != want.Title || a.Byline != want.Byline || !a.Published.Equal(want.Published) || a.URL != want.URL ||
		a.Language != want.Language || a.Publication != want.Publication || a.Source != want.Source {
		t.Errorf("metadata\n got %+v\nwant %+v", a, want)
	}
	var kinds []string
	for _, b := range a.Blocks {
		kinds = append(kinds, string(b.Kind))
	}
	wantKinds := "paragraph paragraph heading paragraph quote paragraph heading paragraph paragraph"
	if got := strings.Join(kinds, " "); got != wantKinds {
		t.Errorf("blocks %s\nwant %s", got, wantKinds)
	}
	body := ""
	for _, b := range a.Blocks {
		body += b.Text + "\n"
	}
	for _, junk := range []string{"Skip to content", "Subscribe", "Most popular", "Share", "All rights reserved", "Bridge repairs", "By Dana"} {
		if strings.Contains(body, junk) {
			t.Errorf("body contains %q", junk)
		}
	}
}

func TestParseHTML(t *testing.T) {
	base, _ := url.Parse("https://news.example.org/2026/story.html")
	tests := []struct {
		name       string
		html       string
		title      string
		byline     string
		url        string
		paragraphs int
	}{
		{
			name:  "title tag and paragraphs in divs",
			html:  `<html><head><title>Plain page</title></head><body><div><p>First paragraph with enough words to count as text.</p><p>Second paragraph, which also has plenty of words in it.</p></div></body></html>`,
			title: "Plain page", paragraphs: 2,
		},
		{
			name: "JSON-LD metadata",
			html: `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"From JSON-LD","author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],"datePublished":"2026-01-02"}</script></head>
				<body><article><p>Body text that is long enough to be an article paragraph.</p></article></body></html>`,
			title: "From JSON-LD", byline: "A. Writer and B. Writer", paragraphs: 1,
		},
		{
			name: "relative canonical resolved",
			html: `<html><head><link rel="canonical" href="/canonical/path"></head><body><p>Body text that is long enough to be an article paragraph.</p></body></html>`,
			url:  "https://news.example.org/canonical/path", paragraphs: 1,
		},
		{
			name:       "javascript canonical ignored",
			html:       `<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>Body text that is long enough to be an article paragraph.</p></body></html>`,
			paragraphs: 1,
		},
		{
			name: "hidden, script and comments left out",
			html: `<body><article><p>Visible paragraph that is long enough to be spoken aloud.</p><p hidden>Hidden text must not be read.</p>
				<script>var x = "<p>not text</p>";</script><div class="comments"><p>A reader comment that should not be read aloud.</p></div></article></body>`,
			paragraphs: 1,
		},
		{
			name:  "headline site suffix removed",
			html:  `<title>Big news | Daily Example</title><meta property="og:site_name" content="Daily Example"><h1>Big news</h1><p>Body text that is long enough to be an article paragraph.</p>`,
			title: "Big news", paragraphs: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse([]byte(tc.html), HTML, "page", base)
			if err != nil {
				t.Fatal(err)
			}
			if tc.title != "" && a.Title != tc.title {
				t.Errorf("title %q, want %q", a.Title, tc.title)
			}
			if a.Byline != tc.byline {
				t.Errorf("byline %q, want %q", a.Byline, tc.byline)
			}
			if a.URL != tc.url {
				t.Errorf("url %q, want %q", a.URL, tc.url)
			}
			if len(a.Blocks) != tc.paragraphs {
				t.Errorf("%d blocks, want %d: %+v", len(a.Blocks), tc.paragraphs, a.Blocks)
			}
			for _, b := range a.Blocks {
				if strings.Contains(b.Text, "not") && strings.Contains(b.Text, "read") {
					t.Errorf("read hidden text %q", b.Text)
				}
			}
		})
	}
}

func TestParseMarkdown(t *testing.T) {
	src := "---\ntitle: \"Front matter title\"\nauthor: Sam Reporter\ndate: 2026-03-04\n---\n\n" +
		"Intro paragraph with a [link](https://example.com) and **bold** text.\n\n" +
		"## A section\n\n> A quoted line\n> that continues.\n\n- first item\n- second item\n\n```\ncode is not spoken\n```\n\n![an image](x.png)\nLast paragraph.\n"
	a, err := Parse([]byte(src), Markdown, "story.md", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Front matter title" || a.Byline != "Sam Reporter" || a.Published.Format(time.DateOnly) != "2026-03-04" {
		t.Errorf("metadata %q %q %v", a.Title, a.Byline, a.Published)
	}
	want := []Block{
		{Kind: Paragraph, Text: "Intro paragraph with a link and bold text."},
		{Kind: Heading, Level: 2, Text: "A section"},
		{Kind: Quote, Text: "A quoted line that continues."},
		{Kind: ListItem, Text: "first item"},
		{Kind: ListItem, Text: "second item"},
		{Kind: Paragraph, Text: "Last paragraph."},
	}
	if len(a.Blocks) != len(want) {
		t.Fatalf("blocks %+v\nwant %+v", a.Blocks, want)
	}
	for i := range want {
		if a.Blocks[i] != want[i] {
			t.Errorf("block %d: %+v, want %+v", i, a.Blocks[i], want[i])
		}
	}
	b, err := Parse([]byte("# Heading title\n\n*By Jo Bloggs*\n\nBody."), Markdown, "x.md", nil)
	if err != nil || b.Title != "Heading title" || b.Byline != "Jo Bloggs" || len(b.Blocks) != 1 {
		t.Errorf("got %+v, %v", b, err)
	}
}

func TestParseText(t *testing.T) {
	a, err := Parse([]byte("A headline without a full stop\nBy Pat Jones\n\nFirst paragraph.\nStill the first.\n\nSecond paragraph."), Text, "x.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "A headline without a full stop" || a.Byline != "Pat Jones" || len(a.Blocks) != 2 || a.Blocks[0].Text != "First paragraph. Still the first." {
		t.Errorf("got %+v", a)
	}
	b, err := Parse([]byte("Just one sentence that ends."), Text, "y.txt", nil)
	if err != nil || len(b.Blocks) != 1 || b.Title != "Just one sentence that ends." {
		t.Errorf("got %+v, %v", b, err)
	}
}

func TestParseBadInput(t *testing.T) {
	tests := []struct {
		name string
		data string
		typ  Type
		want error
	}{
		{"empty", "", Text, ErrEmpty},
		{"white space", " \n\t\n", Markdown, ErrEmpty},
		{"binary", "\x00\x01\x02PNG\x00\x00", Text, ErrNotText},
		// A program renamed .html became 35 minutes of audio once.
		{"a program named .html", "\x7fELF\x02\x01\x01" + strings.Repeat("\x00\x00\x03\x00>\x00<p>", 200), HTML, ErrNotText},
		{"control characters", strings.Repeat("text \x01\x02\x03\x04 ", 300), Markdown, ErrNotText},
		{"html without text", "<html><body><nav><a href=/>Home</a></nav><script>x()</script></body></html>", HTML, ErrNoText},
		{"html of junk", "<html><body><div class=cookie-banner><p>We use cookies to improve your experience on this site.</p></div></body></html>", HTML, ErrNoText},
		{"only a title", "# Only a title\n", Markdown, ErrNoText},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.data), tc.typ, "input.x", nil)
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if !strings.Contains(err.Error(), "input.x") {
				t.Errorf("error %q does not name the input", err)
			}
		})
	}
}

// TestLegacyText: text saved in windows-1252 is text, read as such.
func TestLegacyText(t *testing.T) {
	src := []byte("Caf\xe9 society\n\nThe caf\xe9 on the square reopens on Monday, the owner said \x93at last\x94.\n")
	a, err := Parse(src, Text, "legacy.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Café society" || !strings.Contains(a.Blocks[0].Text, "“at last”") {
		t.Errorf("title %q, body %q", a.Title, a.Blocks[0].Text)
	}
}

func TestReadLimited(t *testing.T) {
	if _, err := ReadLimited(strings.NewReader(strings.Repeat("a", 2000)), 1000, "big.html"); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.html") {
		t.Errorf("got %v", err)
	}
	if b, err := ReadLimited(strings.NewReader("abc"), 3, "ok"); err != nil || string(b) != "abc" {
		t.Errorf("got %q %v", b, err)
	}
}

func TestContentHashStable(t *testing.T) {
	a := Article{Title: "T", Blocks: []Block{{Kind: Paragraph, Text: "x"}}}
	b := a
	b.Source = "elsewhere"
	if a.ContentHash() != b.ContentHash() {
		t.Error("source changed the content hash")
	}
	b.Blocks = []Block{{Kind: Paragraph, Text: "y"}}
	if a.ContentHash() == b.ContentHash() {
		t.Error("body change kept the content hash")
	}
}

func FuzzParseHTML(f *testing.F) {
	sample, _ := os.ReadFile("../../examples/sample-article.html")
	f.Add(sample)
	f.Add([]byte(`<script type="application/ld+json">[[[{"author":{"name":1}}]]]</script><p>x</p>`))
	f.Add([]byte(`<blockquote><blockquote><li><p>deep</p></li></blockquote></blockquote>`))
	f.Add([]byte(`<script type="application/ld+json">{"headline":"H","articleBody":"a.Bc\n&lt;p&gt;x&lt;h2&gt;y"}</script><h1>H</h1><div id=app></div>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b, HTML, "fuzz", nil)
		if err == nil && len(a.Blocks) == 0 {
			t.Fatal("no error and no blocks")
		}
	})
}

func FuzzParseMarkdown(f *testing.F) {
	f.Add("---\ntitle: x\n---\n# T\n\n> q\n\n- a\n\n```\nc\n")
	f.Add("plain text\n\nBy someone\n\npara")
	f.Add(`{"title":{"rendered":"x"},"author":[{"name":1}],"html":"<p>a</p><h2>b"}`)
	f.Add("Skip to content\nMenu\n\nHeadline here\nBy A\n\nA paragraph of more than twelve words that keeps on going for a while now.\n\nMost popular\nx")
	f.Fuzz(func(t *testing.T, s string) {
		for _, typ := range []Type{Markdown, Text, JSON} {
			a, err := Parse([]byte(s), typ, "fuzz", nil)
			if err == nil && len(a.Blocks) == 0 {
				t.Fatal("no error and no blocks")
			}
		}
	})
}

// TestPastedPageText: text copied from a whole web page (menus, sign-up
// forms, share buttons, teasers, "Most popular", footers) is cleaned to the
// article's title, byline and body.
func TestPastedPageText(t *testing.T) {
	tests := []struct {
		file, title, byline, first, last string
		paragraphs                       int
	}{
		{"courier.txt", "Harbour board approves £18m sea wall after winter floods", "Dana Whitfield",
			"The Millbrook harbour board voted on Tuesday", "have asked for a public hearing before the contract is signed.", 4},
		{"newsletter.txt", "Power returns to eastern Kharkiv after overnight strikes", "Olena Kovalenko and Mark Hughes",
			"Electricity was restored to most homes", "Parents were asked to check the city's app for changes.", 3},
		{"teasers.txt", "Scientists map the deepest cave in the Balkans", "",
			"Divers reached a depth of 1,024 metres", "found on the way down.", 3},
		{"blog.txt", "Why I stopped flying to the islands", "Ruth Adeyemi",
			"For ten summers I flew to the islands", "give the sea a day of it.", 4},
	}
	junk := []string{"Skip to content", "Subscribe", "Advertisement", "Most popular", "indicates required", "Related", "Comments", "©", "min ago", "Photo:", "You may also like", "Share",
		"Previous post", "comments…", "children still talk", "Filed under"}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "pasted", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(data, Text, tc.file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tc.file != "teasers.txt" && a.Published.IsZero() {
				t.Errorf("no date read")
			}
			if a.Title != tc.title || a.Byline != tc.byline || len(a.Blocks) != tc.paragraphs {
				t.Fatalf("title %q, byline %q, %d blocks: %+v", a.Title, a.Byline, len(a.Blocks), a.Blocks)
			}
			if !strings.HasPrefix(a.Blocks[0].Text, tc.first) || !strings.HasSuffix(a.Blocks[len(a.Blocks)-1].Text, tc.last) {
				t.Errorf("body from %q to %q", a.Blocks[0].Text, a.Blocks[len(a.Blocks)-1].Text)
			}
			for _, b := range a.Blocks {
				for _, j := range junk {
					if strings.Contains(b.Text, j) {
						t.Errorf("page furniture %q read: %q", j, b.Text)
					}
				}
			}
		})
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name, doc, title, byline string
		blocks                   int
	}{
		{"html body", `{"title":"Harbour &amp; quay","author":[{"name":"A. Osei"},{"name":"D. Whitfield"}],"date":"2026-11-24T08:30:00Z","url":"https://x.example/a","html":"<p>First paragraph of the story.</p><h2>Then</h2><p>Second paragraph.</p><div class=\"share\">Share</div>"}`,
			"Harbour & quay", "A. Osei and D. Whitfield", 3},
		{"text body", `{"headline":"Plain","byline":"By Pat Jones","text":"One paragraph.\n\nAnother one."}`, "Plain", "Pat Jones", 2},
		{"wordpress", `{"title":{"rendered":"WP post"},"content":{"rendered":"<p>Body text of the post.</p>"},"link":"https://x.example/wp"}`, "WP post", "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse([]byte(tc.doc), JSON, "a.json", nil)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || a.Byline != tc.byline || len(a.Blocks) != tc.blocks {
				t.Errorf("%+v", a)
			}
		})
	}
	for name, doc := range map[string]string{"array": `[1,2]`, "not json": `{title`, "no body": `{"title":"x"}`, "number title": `{"title":5,"text":""}`} {
		if _, err := Parse([]byte(doc), JSON, "b.json", nil); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
