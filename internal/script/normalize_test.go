package script

import (
	"bufio"
	"github.com/aloud-dev/aloud/internal/corpora"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestNormalizationCorpus scores English normalization on NeMo's en-dev
// cases, per class: exact match after lower-casing and collapsing spaces,
// any alternative answer counting. Run with -v for every miss.
func TestNormalizationCorpus(t *testing.T) {
	dir := corpora.Dir(t, "textnorm/en-dev")
	files, _ := filepath.Glob(filepath.Join(dir, "test_cases_*.txt"))
	sort.Strings(files)
	norm := Normalizer{Language: "en"}
	canon := func(s string) string { return strings.Join(strings.Fields(strings.ToLower(s)), " ") }
	total, passed := 0, 0
	for _, f := range files {
		class := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), "test_cases_"), ".txt")
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		n, ok := 0, 0
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			fields := strings.Split(sc.Text(), "~")
			if len(fields) < 2 {
				continue
			}
			n++
			got := canon(norm.Normalize(fields[0]))
			match := false
			for _, want := range fields[1:] {
				if got == canon(want) {
					match = true
				}
			}
			if match {
				ok++
			} else {
				t.Logf("%s: %q → %q, want %q", class, fields[0], got, fields[1])
			}
		}
		fh.Close()
		t.Logf("class %-11s %3d of %3d (%.0f %%)", class, ok, n, 100*float64(ok)/float64(max(n, 1)))
		total, passed = total+n, passed+ok
	}
	t.Logf("overall: %d of %d (%.1f %%)", passed, total, 100*float64(passed)/float64(max(total, 1)))
}

// FuzzNormalize: any line normalizes without a panic, to one line, and a
// line of lower-case words and commas alone (nothing any rule reads) is
// kept as it was, spacing aside.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"$20.50", "July 25 2012", "+1 212-555-0143", "a@b.co", "1/0", "Part MMMMMMMMMMMMM", "$.", "99999999999999999999999", "12:99:99 p.m.", "0/0th"} {
		f.Add(s)
	}
	n := Normalizer{Language: "en"}
	f.Fuzz(func(t *testing.T, s string) {
		out := n.Normalize(s)
		if strings.ContainsAny(out, "\n\r") && !strings.ContainsAny(s, "\n\r") {
			t.Fatalf("%q → %q: a line break appeared", s, out)
		}
		plain := strings.IndexFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == ' ' || r == ',') }) < 0
		if plain && out != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("%q → %q: plain words changed", s, out)
		}
	})
}

func TestNormalizeLanguages(t *testing.T) {
	for _, lang := range []string{"uk", "de-DE", "ru", "es"} {
		in := "Бюджет 2026 року: $1,5 млрд"
		if got := (Normalizer{Language: lang}).Normalize(in); got != in {
			t.Errorf("%s: %q changed to %q; other languages pass through to the voice", lang, in, got)
		}
	}
	if got := (Normalizer{Language: "en", Skip: map[Class]bool{Money: true}}).Normalize("$5 on 12 May"); got != "$5 on the twelfth of may" {
		t.Errorf("skip money: %q", got)
	}
	if _, err := ParseClasses([]string{"cardinal", "nope"}); err == nil {
		t.Error("unknown class accepted")
	}
}
