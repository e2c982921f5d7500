package script

import (
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/corpora"
	"github.com/aloud-dev/aloud/internal/textnorm"
)

// TestSentencesSurviveNormalization: on the 10,787 paragraphs of
// Dragnet's article bodies, what is said splits into as many sentences
// as what is written, so that the transcript can pair them; the
// paragraphs where it does not (a URL or an emoticon at a sentence's
// end: 34 at the last count, 50 before a sentence that starts with an
// abbreviation kept its capital when said, 101 before one that starts
// with a number did) stay under 0.45 %.
func TestSentencesSurviveNormalization(t *testing.T) {
	pages, err := corpora.DragnetPages(corpora.Dir(t, corpora.DragnetSet))
	if err != nil {
		t.Fatal(err)
	}
	n := textnorm.Normalizer{Language: "en"}
	total, differ := 0, 0
	for _, pg := range pages {
		for _, para := range strings.Split(pg.Body, "\n") {
			if para = strings.TrimSpace(para); len(para) < 40 {
				continue
			}
			total++
			if written, said := Sentences(para), Sentences(n.Normalize(para)); len(written) != len(said) {
				differ++
				if differ <= 10 {
					t.Logf("%s: %d sentences written, %d said: %.120q", pg.Name, len(written), len(said), para)
				}
			}
		}
	}
	t.Logf("%d paragraphs, %d split differently", total, differ)
	if total == 0 || float64(differ) > 0.0045*float64(total) {
		t.Errorf("%d of %d paragraphs split into a different number of sentences when said", differ, total)
	}
}
