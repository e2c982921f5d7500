package article

import (
	"encoding/json"
	"github.com/aloud-dev/aloud/internal/corpora"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// TestExtractionCorpus scores extraction on Mozilla Readability's 130 test
// pages: word 4-gram precision, recall and F1 of the body against the text
// of expected.html, per page (with -v) and overall, and how often the
// title, byline and date match expected-metadata.json. Targets: F1 ≥ 0.95,
// metadata ≥ 90 % of the pages that have it.
func TestExtractionCorpus(t *testing.T) {
	dir := corpora.Dir(t, "extraction/mozilla-readability/test/test-pages")
	pages, _ := filepath.Glob(filepath.Join(dir, "*"))
	sort.Strings(pages)
	type score struct {
		name    string
		p, r, f float64
	}
	var scores []score
	var sumF, sumP, sumR float64
	meta := map[string][2]int{} // field → matched, had
	for _, page := range pages {
		src, err := os.ReadFile(filepath.Join(page, "source.html"))
		if err != nil {
			continue
		}
		want, _ := os.ReadFile(filepath.Join(page, "expected.html"))
		wantText, err := corpora.HTMLText(want)
		if err != nil {
			t.Fatalf("%s: expected.html: %v", page, err)
		}
		a, err := Parse(src, HTML, "source.html", nil)
		var got strings.Builder
		for _, bl := range a.Blocks {
			got.WriteString(bl.Text)
			got.WriteString("\n")
		}
		p, r, f := corpora.Overlap(corpora.Shingles(got.String()), corpora.Shingles(wantText))
		if err != nil {
			p, r, f = 0, 0, 0
		}
		scores = append(scores, score{filepath.Base(page), p, r, f})
		sumP, sumR, sumF = sumP+p, sumR+r, sumF+f

		var m struct {
			Title, Byline string
			Published     *string `json:"publishedTime"`
		}
		if b, err := os.ReadFile(filepath.Join(page, "expected-metadata.json")); err == nil && json.Unmarshal(b, &m) == nil {
			check := func(field, want, got string) {
				if strings.TrimSpace(want) == "" {
					return
				}
				c := meta[field]
				c[1]++
				if sameMeta(want, got) {
					c[0]++
				} else {
					t.Logf("%s %s: got %q, want %q", filepath.Base(page), field, got, want)
				}
				meta[field] = c
			}
			check("title", m.Title, a.Title)
			check("byline", m.Byline, a.Byline)
			if m.Published != nil {
				// The same instant, to the minute; the expected value's
				// many formats are read by the extractor's own date reader.
				want := parseDate(*m.Published)
				got := ""
				if !want.IsZero() && !a.Published.IsZero() && a.Published.Truncate(time.Minute).Equal(want.Truncate(time.Minute)) {
					got = *m.Published
				} else if !a.Published.IsZero() {
					got = a.Published.Format(time.RFC3339)
				}
				check("date", *m.Published, got)
			}
		}
	}
	n := float64(len(scores))
	if n == 0 {
		t.Skip("no pages")
	}
	for _, s := range scores {
		t.Logf("%-45s P %.3f R %.3f F1 %.3f", s.name, s.p, s.r, s.f)
	}
	t.Logf("overall (%d pages, mean): precision %.3f, recall %.3f, F1 %.3f", len(scores), sumP/n, sumR/n, sumF/n)
	for _, field := range []string{"title", "byline", "date"} {
		c := meta[field]
		t.Logf("%s matches on %d of %d pages (%.1f %%)", field, c[0], c[1], 100*float64(c[0])/float64(max(c[1], 1)))
	}
}

// sameMeta compares metadata as a listener hears it: case and spacing
// aside, and without the "By" that Readability keeps and aloud drops
// (the intro says "By …" itself).
func sameMeta(want, got string) bool {
	norm := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		return strings.TrimSpace(strings.TrimPrefix(s, "by "))
	}
	return norm(want) == norm(got)
}
