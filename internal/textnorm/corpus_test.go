package textnorm

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/aloud-dev/aloud/internal/corpora"
)

// corpusCase is one NeMo test case: the written form and its spoken
// forms (any of them counts).
type corpusCase struct {
	class   string
	written string
	spoken  []string
}

// readCorpus reads a language's NeMo cases. English and Spanish put the
// written form first, German and Russian the spoken one (corpora README);
// the normalize_with_audio files hold several inputs' lists of answers and
// are not cases of this kind.
func readCorpus(t *testing.T, lang string) []corpusCase {
	dir := corpora.Dir(t, "textnorm/"+lang+"-dev")
	files, _ := filepath.Glob(filepath.Join(dir, "test_cases_*.txt"))
	sort.Strings(files)
	spokenFirst := lang == "de" || lang == "ru"
	var out []corpusCase
	for _, f := range files {
		class := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "test_cases_"), ".txt")
		if strings.Contains(class, "normalize_with_audio") {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			fields := strings.Split(sc.Text(), "~")
			if len(fields) < 2 {
				continue
			}
			c := corpusCase{class: class}
			if spokenFirst {
				c.written, c.spoken = fields[len(fields)-1], fields[:len(fields)-1]
			} else {
				c.written, c.spoken = fields[0], fields[1:]
			}
			out = append(out, c)
		}
		fh.Close()
	}
	return out
}

// canon compares spoken forms the way a listener would: case, spacing and
// spaces before punctuation aside.
func canon(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	var b strings.Builder
	for i, r := range s {
		if r == ' ' && i+1 < len(s) && strings.ContainsRune(",.!?;:)", rune(s[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return strings.TrimFunc(b.String(), unicode.IsSpace)
}

// scoreCorpus normalizes every case and reports the share right, per
// class and overall; -v lists the misses.
func scoreCorpus(t *testing.T, lang string) (passed, total int) {
	cases := readCorpus(t, lang)
	norm := Normalizer{Language: lang}
	type tally struct{ ok, n int }
	byClass := map[string]*tally{}
	var classes []string
	for _, c := range cases {
		tl := byClass[c.class]
		if tl == nil {
			tl = &tally{}
			byClass[c.class] = tl
			classes = append(classes, c.class)
		}
		tl.n++
		got := canon(norm.Normalize(c.written))
		ok := false
		for _, want := range c.spoken {
			if got == canon(want) {
				ok = true
			}
		}
		if ok {
			tl.ok++
		} else {
			t.Logf("%s miss %s: %q → %q, want %q", lang, c.class, c.written, got, c.spoken[0])
		}
	}
	for _, cl := range classes {
		tl := byClass[cl]
		t.Logf("%s class %-12s %3d of %3d (%.0f %%)", lang, cl, tl.ok, tl.n, 100*float64(tl.ok)/float64(tl.n))
		passed, total = passed+tl.ok, total+tl.n
	}
	t.Logf("%s overall: %d of %d (%.1f %%)", lang, passed, total, 100*float64(passed)/float64(max(total, 1)))
	return passed, total
}

// TestNormalizationCorpus scores each language on its NeMo development
// cases (make eval-normalize prints the tables) and holds the floor each
// has reached, so that a change that loses cases fails.
func TestNormalizationCorpus(t *testing.T) {
	floors := map[string]float64{"en": 0.95, "de": 0.95, "es": 0.95, "ru": 0.70}
	for _, lang := range []string{"en", "de", "es", "ru"} {
		t.Run(lang, func(t *testing.T) {
			passed, total := scoreCorpus(t, lang)
			if share := float64(passed) / float64(total); share < floors[lang] {
				t.Errorf("%s: %s right, below the floor of %.0f %%", lang, fmt.Sprintf("%.1f %%", 100*share), 100*floors[lang])
			}
		})
	}
}
