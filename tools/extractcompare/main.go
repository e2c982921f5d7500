// Command extractcompare scores article extraction on both development
// sets (Mozilla Readability's 130 test pages and Dragnet's 691 news and
// blog pages) for aloud's extractor and the two Go libraries it could use,
// go-readability and go-trafilatura, with the scorer aloud's own
// extraction is measured by (word 4-gram F1, internal/corpora). It is its
// own module, so aloud does not depend on a library it did not choose.
//
//	cd tools/extractcompare && go run .    (corpus: $ALOUD_CORPORA or ../../../shared/corpora)
package main

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	readability "github.com/go-shiori/go-readability"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/corpora"
)

func main() {
	root := os.Getenv("ALOUD_CORPORA")
	if root == "" {
		root = filepath.Join("..", "..", "..", "shared", "corpora")
	}
	rp, err := corpora.ReadabilityPages(filepath.Join(root, corpora.ReadabilitySet))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	dp, err := corpora.DragnetPages(filepath.Join(root, corpora.DragnetSet))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sets := map[string][]corpora.Page{"readability": rp, "dragnet": dp}
	base, _ := url.Parse("http://fakehost/test/page.html")
	aloud := func(src []byte) string {
		a, err := article.Parse(src, article.HTML, "page.html", base)
		if err != nil {
			return ""
		}
		var b strings.Builder
		for _, bl := range a.Blocks {
			b.WriteString(bl.Text + "\n")
		}
		return b.String()
	}
	traf := func(src []byte) string {
		a, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{OriginalURL: base, EnableFallback: true})
		if err != nil || a == nil {
			return ""
		}
		return a.ContentText
	}
	extractors := []struct {
		name string
		run  func(src []byte) string
	}{
		{"aloud", aloud},
		{"aloud, else trafilatura", func(src []byte) string {
			// trafilatura's own way of combining: keep the first result
			// unless the other finds much more.
			a, b := aloud(src), ""
			if len(strings.Fields(a)) < 100 {
				b = traf(src)
				if len(strings.Fields(a))*2 < len(strings.Fields(b)) {
					return b
				}
			}
			return a
		}},
		{"go-readability", func(src []byte) string {
			a, err := readability.FromReader(bytes.NewReader(src), base)
			if err != nil {
				return ""
			}
			return a.TextContent
		}},
		{"go-trafilatura", traf},
		{"go-trafilatura (precision)", func(src []byte) string {
			a, err := trafilatura.Extract(bytes.NewReader(src), trafilatura.Options{OriginalURL: base, EnableFallback: true, Focus: trafilatura.FavorPrecision})
			if err != nil || a == nil {
				return ""
			}
			return a.ContentText
		}},
	}
	if os.Getenv("PERPAGE") != "" {
		other := 2
		if os.Getenv("OTHER") != "" {
			other = int(os.Getenv("OTHER")[0] - '0')
		}
		perPage(sets[os.Getenv("PERPAGE")], extractors[0].run, extractors[other].run)
		return
	}
	for _, set := range []string{"readability", "dragnet"} {
		pages := sets[set]
		if len(pages) == 0 {
			fmt.Fprintln(os.Stderr, "no pages for", set, "under", root, "(set ALOUD_CORPORA)")
			os.Exit(1)
		}
		for _, ex := range extractors {
			var sumF, sumP, sumR float64
			start := time.Now()
			for _, p := range pages {
				got := ex.run(p.HTML)
				pr, rc, f := corpora.Overlap(corpora.Shingles(got), corpora.Shingles(p.Body))
				sumP, sumR, sumF = sumP+pr, sumR+rc, sumF+f
			}
			n := float64(len(pages))
			fmt.Printf("%-12s %-28s P %.3f R %.3f F1 %.3f  %s for %d pages\n", set, ex.name, sumP/n, sumR/n, sumF/n,
				time.Since(start).Round(100*time.Millisecond), len(pages))
		}
		// The best a chooser between aloud and go-trafilatura could do,
		// knowing the answer: the ceiling of any combination of the two.
		var sumF float64
		for _, p := range pages {
			want := corpora.Shingles(p.Body)
			_, _, fa := corpora.Overlap(corpora.Shingles(aloud(p.HTML)), want)
			_, _, fb := corpora.Overlap(corpora.Shingles(traf(p.HTML)), want)
			sumF += max(fa, fb)
		}
		fmt.Printf("%-12s %-28s F1 %.3f (knowing the answer)\n", set, "best of aloud, trafilatura", sumF/float64(len(pages)))
	}
}

// perPage prints the pages where two extractors differ most.
func perPage(pages []corpora.Page, a, b func([]byte) string) {
	type row struct {
		name   string
		fa, fb float64
		pa, ra float64
		pb, rb float64
	}
	var rows []row
	for _, p := range pages {
		want := corpora.Shingles(p.Body)
		pa, ra, fa := corpora.Overlap(corpora.Shingles(a(p.HTML)), want)
		pb, rb, fb := corpora.Overlap(corpora.Shingles(b(p.HTML)), want)
		rows = append(rows, row{p.Name, fa, fb, pa, ra, pb, rb})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].fa-rows[i].fb < rows[j].fa-rows[j].fb })
	for _, r := range rows[:40] {
		fmt.Printf("%-14s a F1 %.3f (P %.2f R %.2f)  b F1 %.3f (P %.2f R %.2f)\n", r.name, r.fa, r.pa, r.ra, r.fb, r.pb, r.rb)
	}
}
