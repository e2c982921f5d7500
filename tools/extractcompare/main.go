// Command extractcompare scores two Go extraction libraries, go-readability
// and go-trafilatura, on Mozilla Readability's test pages with the scorer
// aloud's own extraction is measured by (word 4-gram F1 against the text of
// expected.html, internal/corpora's scorer; exact title and byline). It
// is its own module, so aloud does not depend on the library it did not
// choose.
//
//	cd tools/extractcompare && go run .    (corpus: $ALOUD_CORPORA or ../../../shared/corpora)
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/aloud-dev/aloud/internal/corpora"
)

func main() {
	root := os.Getenv("ALOUD_CORPORA")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	pages, _ := filepath.Glob(filepath.Join(root, "extraction", "mozilla-readability", "test", "test-pages", "*"))
	sort.Strings(pages)
	if len(pages) == 0 {
		fmt.Fprintln(os.Stderr, "no test pages under", root, "(set ALOUD_CORPORA)")
		os.Exit(1)
	}
	type tally struct {
		f1              float64
		titles, bylines int
		took            time.Duration
	}
	var r, t tally
	var n, haveTitle, haveByline int
	base, _ := url.Parse("http://fakehost/test/page.html")
	for _, p := range pages {
		src, err := os.ReadFile(filepath.Join(p, "source.html"))
		if err != nil {
			continue
		}
		exp, _ := os.ReadFile(filepath.Join(p, "expected.html"))
		expText, err := corpora.HTMLText(exp)
		if err != nil {
			fmt.Fprintln(os.Stderr, p, err)
			os.Exit(1)
		}
		want := corpora.Shingles(expText)
		var meta struct{ Title, Byline string }
		b, _ := os.ReadFile(filepath.Join(p, "expected-metadata.json"))
		json.Unmarshal(b, &meta)
		n++
		if meta.Title != "" {
			haveTitle++
		}
		if meta.Byline != "" {
			haveByline++
		}
		start := time.Now()
		if a, err := readability.FromReader(bytes.NewReader(src), base); err == nil {
			r.took += time.Since(start)
			r.f1 += f1(corpora.Shingles(a.TextContent), want)
			r.titles += same(meta.Title, a.Title)
			r.bylines += same(meta.Byline, a.Byline)
		}
		start = time.Now()
		if a, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{OriginalURL: base, EnableFallback: true}); err == nil && a != nil {
			t.took += time.Since(start)
			t.f1 += f1(corpora.Shingles(a.ContentText), want)
			t.titles += same(meta.Title, a.Metadata.Title)
			t.bylines += same(meta.Byline, a.Metadata.Author)
		}
	}
	for _, row := range []struct {
		name string
		t    tally
	}{{"go-readability", r}, {"go-trafilatura", t}} {
		fmt.Printf("%-15s F1 %.3f  title %d/%d  byline %d/%d  %s for %d pages\n", row.name, row.t.f1/float64(n),
			row.t.titles, haveTitle, row.t.bylines, haveByline, row.t.took.Round(100*time.Millisecond), n)
	}
}

// f1 is aloud's scorer's F1 (internal/corpora, as make eval-extract uses).
func f1(got, want map[string]int) float64 {
	_, _, f := corpora.Overlap(got, want)
	return f
}

func same(want, got string) int {
	if want != "" && strings.TrimSpace(want) == strings.TrimSpace(got) {
		return 1
	}
	return 0
}
