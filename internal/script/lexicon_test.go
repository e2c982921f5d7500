package script

import (
	"encoding/xml"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/article"

	"github.com/aloud-dev/aloud/internal/textnorm"
)

const testPLS = `<?xml version="1.0" encoding="UTF-8"?>
<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">
  <lexeme><grapheme>Kyiv</grapheme><phoneme>ˈkiːjɪv</phoneme><alias>Keev</alias></lexeme>
  <lexeme><grapheme>Khan</grapheme><alias>Kahn</alias></lexeme>
  <lexeme><grapheme>Khan Younis</grapheme><phoneme>xɑːn ˈjuːnɪs</phoneme><alias>Khan Yoo-nis</alias></lexeme>
  <lexeme><grapheme>nato</grapheme><alias>nay-toe</alias></lexeme>
  <lexeme><grapheme>AT&amp;T</grapheme><alias>A T and T</alias></lexeme>
</lexicon>`

func testPronouncer(t *testing.T) *Pronouncer {
	t.Helper()
	lx, err := ParseLexicon([]byte(testPLS), "test.pls")
	if err != nil {
		t.Fatal(err)
	}
	return NewPronouncer(lx)
}

func TestLexiconAlias(t *testing.T) {
	p := testPronouncer(t)
	tests := []struct{ in, want string }{
		{"Kyiv and Khan Younis.", "Keev and Khan Yoo-nis."},                                // longest match first
		{"Mr Khan met NATO and Nato in kyiv.", "Mr Kahn met nay-toe and nay-toe in kyiv."}, // case rules
		{"Kyivan, KyivX and XKyiv stay; (Kyiv) does not.", "Kyivan, KyivX and XKyiv stay; (Keev) does not."},
		{"AT&T bought it.", "A T and T bought it."},
	}
	for _, tc := range tests {
		if got := p.Alias(tc.in); got != tc.want {
			t.Errorf("%q → %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestLexiconSSML(t *testing.T) {
	p := testPronouncer(t)
	got := p.SSML(`Kyiv & Khan said "<speak>" to NATO.`)
	want := `<phoneme alphabet="ipa" ph="ˈkiːjɪv">Kyiv</phoneme> &amp; <sub alias="Kahn">Khan</sub> said &#34;&lt;speak&gt;&#34; to <sub alias="nay-toe">NATO</sub>.`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if err := WellFormed("<speak>" + got + "</speak>"); err != nil {
		t.Error(err)
	}
}

func TestParseLexiconErrors(t *testing.T) {
	for name, doc := range map[string]string{
		"empty":        "",
		"not xml":      "Kyiv = Keev",
		"no namespace": `<lexicon version="1.0"><lexeme><grapheme>a</grapheme><alias>b</alias></lexeme></lexicon>`,
		"other alphabet": `<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="x-sampa">` +
			`<lexeme><grapheme>a</grapheme><phoneme>b</phoneme></lexeme></lexicon>`,
		"no grapheme": `<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"><lexeme><alias>b</alias></lexeme></lexicon>`,
		"entities": `<!DOCTYPE lexicon [<!ENTITY x "Keev">]><lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon">` +
			`<lexeme><grapheme>Kyiv</grapheme><alias>&x;</alias></lexeme></lexicon>`,
		"huge": strings.Repeat(" ", maxLexicon+1),
	} {
		if _, err := ParseLexicon([]byte(doc), name); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestNewsLexicon: the shipped lexicon parses, has at least 50 entries,
// and every entry has both an IPA phoneme and an alias.
func TestNewsLexicon(t *testing.T) {
	data, err := os.ReadFile("../../voices/lexicons/news.pls")
	if err != nil {
		t.Fatal(err)
	}
	lx, err := ParseLexicon(data, "news.pls")
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.Entries) < 50 {
		t.Errorf("%d entries, want at least 50", len(lx.Entries))
	}
	for _, e := range lx.Entries {
		if e.Phoneme == "" || e.Alias == "" {
			t.Errorf("%v lacks a phoneme or an alias", e.Graphemes)
		}
	}
	p := NewPronouncer(lx)
	for _, name := range []string{"Kyiv", "Zelensky", "Ryabkov", "Donetsk", "Riyadh"} {
		if got := p.Alias(name); got == name {
			t.Errorf("%s is not in the news lexicon", name)
		}
	}
}

// TestSSMLScripts: with SSML on, every chunk is a well-formed <speak>
// document within the limit, article text is escaped (text holding
// <speak> or & is read, not interpreted), and lexicon words are marked.
func TestSSMLScripts(t *testing.T) {
	a := article.Article{Title: "Talks in Kyiv & <speak> tags", Language: "en", Blocks: []article.Block{
		{Kind: article.Paragraph, Text: `Officials in Kyiv said <speak>hello</speak> & "goodbye" on 25 July 2026. ` + strings.Repeat("Khan Younis was quiet again. ", 30)},
		{Kind: article.Paragraph, Text: strings.Repeat("Kyiv ", 200) + "ended."},
	}}
	for _, limit := range []int{3000, 300, 120} {
		sc, err := Build(a, Options{MaxChars: limit, SSML: true, Pronounce: testPronouncer(t), Normalize: &textnorm.Normalizer{}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range sc.Chunks {
			if !c.SSML || !strings.HasPrefix(c.Spoken, "<speak>") {
				t.Fatalf("chunk %d is not SSML: %q", c.Index, c.Spoken)
			}
			if err := WellFormed(c.Spoken); err != nil {
				t.Errorf("limit %d, chunk %d: %v\n%s", limit, c.Index, err, c.Spoken)
			}
			if n := utf8.RuneCountInString(c.Spoken); n > limit {
				t.Errorf("limit %d, chunk %d: %d characters", limit, c.Index, n)
			}
			var doc struct {
				Inner string `xml:",innerxml"`
			}
			if xml.Unmarshal([]byte(c.Spoken), &doc) != nil {
				t.Errorf("chunk %d does not unmarshal", c.Index)
			}
		}
		if !strings.Contains(sc.Chunks[0].Spoken, "&lt;speak&gt;") || !strings.Contains(sc.Chunks[0].Spoken, `<phoneme alphabet="ipa" ph="ˈkiːjɪv">Kyiv</phoneme>`) {
			t.Errorf("intro not escaped or not marked: %s", sc.Chunks[0].Spoken)
		}
	}
}

// FuzzLexicon: lexicon files are outside bytes; parsing never panics, and
// what parses marks any text as well-formed SSML.
func FuzzLexicon(f *testing.F) {
	f.Add([]byte(testPLS), "Kyiv & Khan Younis <b>")
	f.Add([]byte(`<lexicon xmlns="http://www.w3.org/2005/01/pronunciation-lexicon"><lexeme><grapheme>a"b</grapheme><alias>&lt;x&gt;</alias></lexeme></lexicon>`), `a"b`)
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		lx, err := ParseLexicon(data, "fuzz.pls")
		if err != nil || !utf8.ValidString(text) {
			return
		}
		p := NewPronouncer(lx)
		if err := WellFormed("<speak>" + p.SSML(text) + "</speak>"); err != nil {
			t.Fatalf("%q: %v", p.SSML(text), err)
		}
		p.Alias(text)
	})
}
