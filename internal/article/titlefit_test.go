package article

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/aloud-dev/aloud/internal/corpora"
)

// titleCase is one copied page whose title stands among its candidate
// lines: each candidate's signals, nearest the body first, and which of
// them say the title.
type titleCase struct {
	signals []titleSignals
	right   []bool
}

// handTitleWeights are the weights chosen by hand before they were
// fitted: nearness counted, a header under a line the same however far
// down.
var handTitleWeights = titleWeights{headerUnder: 5, headerNear: 5, midLength: 2, threeWords: 1, short: -2, repeated: 3, navigation: -3,
	nameOrCredit: -3, nearness: 1, echo: echoWeight}

// TestTitleWeightsFit measures the title's weights on the copied-text
// renders of both development sets: the pages whose title is in reach,
// how many the weights in use get right against the hand-set ones, and
// what fitting does for pages it has not seen (five-fold
// cross-validation of a coordinate ascent over integer weights). The
// weights in use must do no worse than the hand-set ones.
func TestTitleWeightsFit(t *testing.T) {
	renders := corpora.RendersDir()
	if _, err := os.Stat(filepath.Join(renders, "readability")); err != nil {
		t.Skipf("no copied-text renders in %s: make renders", renders)
	}
	var cases []titleCase
	for _, set := range []struct {
		name, dir string
		read      func(string) ([]corpora.Page, error)
	}{{"readability", corpora.ReadabilitySet, corpora.ReadabilityPages}, {"dragnet", corpora.DragnetSet, corpora.DragnetPages}} {
		pages, err := set.read(corpora.Dir(t, set.dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, pg := range pages {
			text, err := os.ReadFile(filepath.Join(renders, set.name, pg.Name+".txt"))
			if err != nil {
				continue
			}
			if set.name == "dragnet" {
				pg = silverMeta(pg, string(text))
			}
			if pg.Title == "" || !titleInText(string(text), pg.Title) {
				continue
			}
			if c, ok := titleCaseOf(string(text), pg.Title); ok {
				cases = append(cases, c)
			}
		}
	}
	if len(cases) == 0 {
		t.Fatal("no page has its title in reach")
	}
	fitted, hand := titlesRight(cases, fittedTitleWeights), titlesRight(cases, handTitleWeights)
	t.Logf("%d pages with the title in reach: %d right with the weights in use, %d with the hand-set ones", len(cases), fitted, hand)
	if fitted < hand {
		t.Errorf("the weights in use get %d titles right, the hand-set ones %d", fitted, hand)
	}

	r := rand.New(rand.NewPCG(1, 2))
	order := r.Perm(len(cases))
	const folds = 5
	heldFitted, heldHand := 0, 0
	for f := range folds {
		var train, test []titleCase
		for k, i := range order {
			if k%folds == f {
				test = append(test, cases[i])
			} else {
				train = append(train, cases[i])
			}
		}
		w := fitTitleWeights(train, handTitleWeights)
		heldFitted += titlesRight(test, w)
		heldHand += titlesRight(test, handTitleWeights)
		t.Logf("fold %d: %d of %d right with weights fitted on the rest (%+v), %d with the hand-set ones", f+1, titlesRight(test, w), len(test), w, titlesRight(test, handTitleWeights))
	}
	t.Logf("held out: fitting %d, hand-set %d of %d", heldFitted, heldHand, len(cases))
}

// titleCaseOf reads a copied page as chooseTextTitle does and returns
// its candidates, when the title is among them.
func titleCaseOf(text, title string) (titleCase, bool) {
	units := textUnits(text)
	weights := unitWeights(units)
	start, end := bodySpan(units, weights)
	start, _ = coherentSpan(units, weights, start, end)
	norms := make([]string, len(units))
	for i, u := range units {
		norms[i] = normTitle(u)
	}
	lead := leadWords(units, start)
	limit := min(len(units), start+3)
	var c titleCase
	found := false
	for i := limit - 1; i >= max(0, start-titleReach); i-- {
		s, ok := titleSignalsAt(units, norms, lead, i, start, limit)
		if !ok {
			continue
		}
		right := titleInText(units[i], title)
		found = found || right
		c.signals = append(c.signals, s)
		c.right = append(c.right, right)
	}
	return c, found
}

// titlesRight counts the cases whose best line under w (the nearest
// between equals) says the title.
func titlesRight(cases []titleCase, w titleWeights) int {
	n := 0
	for _, c := range cases {
		best, bestScore := -1, 0
		for i, s := range c.signals {
			if score := w.score(s); best < 0 || score > bestScore {
				best, bestScore = i, score
			}
		}
		if best >= 0 && c.right[best] {
			n++
		}
	}
	return n
}

// fitTitleWeights improves w one weight at a time over the integers
// from -8 to 8, keeping a change only when it gets more titles right
// (between equal counts, the smaller weight), for three rounds.
func fitTitleWeights(cases []titleCase, w titleWeights) titleWeights {
	best := titlesRight(cases, w)
	for range 3 {
		for _, field := range w.fields() {
			keep := *field
			for x := -8; x <= 8; x++ {
				*field = x
				if got := titlesRight(cases, w); got > best || got == best && abs(x) < abs(keep) {
					best, keep = got, x
				}
			}
			*field = keep
		}
	}
	return w
}

// fields are the weights, one by one, to be changed in place.
func (w *titleWeights) fields() []*int {
	return []*int{&w.headerUnder, &w.headerNear, &w.midLength, &w.threeWords, &w.short, &w.repeated, &w.navigation,
		&w.nameOrCredit, &w.deck, &w.far, &w.nearness, &w.echo}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
