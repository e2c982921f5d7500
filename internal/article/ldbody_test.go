package article

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// ldPage is a page titled headline whose JSON-LD states bodies (one
// NewsArticle each, the first with the headline stated) and whose served
// HTML holds served.
func ldPage(t *testing.T, headline, stated, served string, bodies ...string) []byte {
	t.Helper()
	var objs []any
	for i, b := range bodies {
		o := map[string]any{"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": b}
		if i == 0 {
			o["headline"] = stated
		} else {
			o["headline"] = fmt.Sprintf("Another story %d", i)
		}
		objs = append(objs, o)
	}
	ld, err := json.Marshal(objs)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(`<!doctype html><html lang="en"><head><title>` + headline + ` | The Harbour Times</title>
<script type="application/ld+json">` + string(ld) + `</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<h1>` + headline + `</h1>` + served + `
<footer>© 2026 The Harbour Times</footer></body></html>`)
}

func TestStatedBody(t *testing.T) {
	story := storyParagraphs(12)
	plain := strings.Join(story, "\n\n")
	const headline = "Harbour ferries return after the winter storms"
	teaser := "<article><p>" + story[0] + "</p><p>" + story[1] + "</p><div class=offer><h2>Subscribe to read on</h2><p>Already a subscriber? Log in. Get unlimited access for 1 € a week, cancel at any time.</p></div></article>"
	unrelated := []string{
		"Slates blown off the library in January let rain into the reading room, where volunteers moved the local archive upstairs.",
		"Builders start in March; the county pays two thirds of the cost, and a sale of old books raised most of the rest.",
		"Until spring, borrowers collect their books from a desk in the town hall, open on weekday mornings.",
	}
	sidebar := "<aside><ul><li><a href=/a>Five things to do this weekend in town</a></li><li><a href=/b>Match report: City win again at home</a></li></ul></aside>"
	cases := []struct {
		name   string
		page   []byte
		want   int    // paragraphs read
		first  string // the first paragraph read
		second string // the second, when it matters
	}{
		{"a page whose paragraphs scripts draw reads what it states",
			ldPage(t, headline, headline, `<div id="app"></div>`+sidebar, plain), 12, story[0], story[1]},
		{"a teaser over an offer reads the whole stated story",
			ldPage(t, headline, headline, teaser, plain), 12, story[0], story[1]},
		{"paragraphs joined with nothing between them are parted",
			ldPage(t, headline, headline, `<div id="app"></div>`, strings.Join(story, "")), 12, story[0], story[1]},
		{"a body stated as escaped HTML is read as HTML",
			ldPage(t, headline, headline, `<div id="app"></div>`, "&lt;p&gt;"+strings.Join(story[:6], "&lt;/p&gt;&lt;h2&gt;What comes next&lt;/h2&gt;&lt;p&gt;")+"&lt;/p&gt;"), 11, story[0], "What comes next"},
		{"a page that prints its story keeps what it prints",
			ldPage(t, headline, headline, "<article><p>"+strings.Join(story, "</p><h2>The pier</h2><p>")+"</p></article>", plain), 23, story[0], "The pier"},
		{"a stated summary shorter than the page is not read",
			ldPage(t, headline, headline, "<article><p>"+strings.Join(story[:8], "</p><p>")+"</p></article>", story[0]), 8, story[0], story[1]},
		{"a list of stories states several bodies: none is read",
			ldPage(t, headline, headline, "<article><p>"+strings.Join(story[:6], "</p><p>")+"</p></article>", plain, strings.Join(unrelated, "\n")), 6, story[0], story[1]},
		{"a stated body of another story is not read over the page's own",
			ldPage(t, "The library roof will be mended by spring", headline, "<article><p>"+strings.Join(unrelated, "</p><p>")+"</p></article>", plain), 3, unrelated[0], unrelated[1]},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Parse(c.page, HTML, "page.html", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Blocks) != c.want {
				t.Fatalf("read %d blocks, want %d; the first %.80q", len(a.Blocks), c.want, a.Blocks[0].Text)
			}
			if a.Blocks[0].Text != c.first || a.Blocks[1].Text != c.second {
				t.Errorf("read %q, %q; want %q, %q", a.Blocks[0].Text, a.Blocks[1].Text, c.first, c.second)
			}
		})
	}
}

func TestSplitRunOn(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"The talks ended.They resume on Monday.", []string{"The talks ended.", "They resume on Monday."}},
		{"Is it over?No, said the minister!Then the vote came.", []string{"Is it over?", "No, said the minister!", "Then the vote came."}},
		{"The U.S. economy grew 3.5 per cent, example.com said.", []string{"The U.S. economy grew 3.5 per cent, example.com said."}},
		{"Node.JS and e.ON stay whole; so does iOS.", []string{"Node.JS and e.ON stay whole; so does iOS."}},
		{"Он ушёл.Она осталась.", []string{"Он ушёл.", "Она осталась."}},
		{"", []string{""}},
		{".", []string{"."}},
	}
	for _, c := range cases {
		got := splitRunOn(c.in)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitRunOn(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.Join(got, "") != c.in {
			t.Errorf("splitRunOn(%q) lost text: %q", c.in, got)
		}
	}
}

func TestSameHeadline(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"Apple’s Vision Pro hands-on: the Retina display moment for headsets", "Apple’s Vision Pro is the Retina display moment for headsets", true},
		{"Harbour ferries return", "harbour ferries return", true},
		{"Harbour ferries return", "The library roof will be mended by spring", false},
		{"", "Harbour ferries return", false},
	}
	for _, c := range cases {
		if got := sameHeadline(c.a, c.b); got != c.want {
			t.Errorf("sameHeadline(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// TestStatedBodyHostile: what a page states is outside bytes; a body of
// the wrong type, an empty one, markup that does not close and a body of
// a megabyte must neither fail the page nor be read as its story.
func TestStatedBodyHostile(t *testing.T) {
	story := storyParagraphs(4)
	served := "<article><p>" + strings.Join(story, "</p><p>") + "</p></article>"
	huge := strings.Repeat("Word after word the stated body runs on and on. ", 20000)
	for name, ld := range map[string]string{
		"a number":            `{"@type":"NewsArticle","articleBody":42}`,
		"a list":              `{"@type":"NewsArticle","articleBody":["a","b"]}`,
		"empty":               `{"@type":"NewsArticle","articleBody":"   "}`,
		"broken JSON":         `{"@type":"NewsArticle","articleBody":"never closed`,
		"unclosed markup":     `{"@type":"NewsArticle","articleBody":"<p><b><i><div>"}`,
		"a megabyte of words": `{"@type":"NewsArticle","headline":"Another matter","articleBody":"` + huge + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			page := `<html><head><title>Harbour ferries return</title><script type="application/ld+json">` + ld + `</script></head><body><h1>Harbour ferries return</h1>` + served + `</body></html>`
			a, err := Parse([]byte(page), HTML, "page.html", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Blocks) != 4 || a.Blocks[0].Text != story[0] {
				t.Errorf("read %d blocks, first %.80q; want the page's 4", len(a.Blocks), a.Blocks[0].Text)
			}
		})
	}
}
