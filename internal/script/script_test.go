package script

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/article"

	"github.com/aloud-dev/aloud/internal/textnorm"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestBuildStructure(t *testing.T) {
	a := article.Article{
		Title: "Title here", Byline: "Ann Author", Published: time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC),
		Blocks: []article.Block{
			{Kind: article.Paragraph, Text: "First paragraph."},
			{Kind: article.Heading, Level: 2, Text: "Section one"},
			{Kind: article.Paragraph, Text: "Second paragraph."},
			{Kind: article.ListItem, Text: "An item"},
		},
	}
	p := DefaultPauses()
	s, err := Build(a, Options{MaxChars: 500, Pauses: p})
	if err != nil {
		t.Fatal(err)
	}
	want := []Chunk{
		{Index: 0, Kind: Intro, Text: "Title here. By Ann Author. Published February 3, 2026.", Chapter: "Introduction"},
		{Index: 1, Kind: Disclosure, Text: DefaultDisclosure, PauseBefore: p.Sentence},
		{Index: 2, Kind: Body, Text: "First paragraph.", PauseBefore: p.AfterIntro, Chapter: "Title here"},
		{Index: 3, Kind: Heading, Text: "Section one.", PauseBefore: p.Heading, Chapter: "Section one"},
		{Index: 4, Kind: Body, Text: "Second paragraph.", PauseBefore: p.Paragraph},
		{Index: 5, Kind: Body, Text: "An item", PauseBefore: p.Paragraph},
	}
	if len(s.Chunks) != len(want) {
		t.Fatalf("chunks %+v", s.Chunks)
	}
	for i := range want {
		if s.Chunks[i] != want[i] {
			t.Errorf("chunk %d\n got %+v\nwant %+v", i, s.Chunks[i], want[i])
		}
	}
	if _, err := Build(article.Article{Title: "x"}, Options{}); err == nil {
		t.Error("empty article: want an error")
	}
	none := ""
	noDisc, _ := Build(a, Options{Disclosure: &none})
	for _, c := range noDisc.Chunks {
		if c.Kind == Disclosure {
			t.Error("empty disclosure was spoken")
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{`He said "Stop." Then left.`, []string{`He said "Stop."`, "Then left."}},
		{"It costs 3.50 dollars. Cheap.", []string{"It costs 3.50 dollars.", "Cheap."}},
		{"see example.com for more. Done.", []string{"see example.com for more.", "Done."}},
		{"lower case after. stays together.", []string{"lower case after. stays together."}},
		{"Am 3. Mai 2024 kam er. Dann ging er.", []string{"Am 3. Mai 2024 kam er.", "Dann ging er."}},
		{"Er kam 1998. Dann ging er.", []string{"Er kam 1998.", "Dann ging er."}},
		{"Это т. е. Москва. Да.", []string{"Это т. е. Москва.", "Да."}},
		{"Lo dijo el Sr. García. Luego se fue.", []string{"Lo dijo el Sr. García.", "Luego se fue."}},
		{"Вул. Хрещатик, 5. Там.", []string{"Вул. Хрещатик, 5.", "Там."}},
		{"Maj. Gen. John Smith arrived. He spoke.", []string{"Maj. Gen. John Smith arrived.", "He spoke."}},
		{"La Dra. López habló. Fue breve.", []string{"La Dra. López habló.", "Fue breve."}},
		{"", nil},
	}
	for _, tc := range tests {
		got := Sentences(tc.in)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("Sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestChunksProperty: for random text and limits, no chunk exceeds the limit
// and the words of the chunks are the words of the text, in order (every
// word is shorter than the smallest limit).
func TestChunksProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"the", "council", "said", "on", "Tuesday.", "It", "will", "review", "Kyiv", "3.5", "per cent!", "Why?", "a-very-long-hyphenated-compound-word-that-goes-on", "ünïcödé", "“quoted.”"}
	for i := 0; i < 500; i++ {
		var b strings.Builder
		n := 1 + r.IntN(300)
		for j := 0; j < n; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		text := b.String()
		lim := limit{chars: 50 + r.IntN(400)}
		if i%2 == 1 {
			// A voice that counts bytes (Google: 5,000): Cyrillic takes two each.
			lim.bytes = 160 + r.IntN(600)
		}
		parts := split(text, lim)
		var got []string
		for _, p := range parts {
			if !lim.fits(p) {
				t.Fatalf("chunk of %d runes, %d bytes over limit %+v: %q", utf8.RuneCountInString(p), len(p), lim, p)
			}
			if strings.TrimSpace(p) == "" {
				t.Fatalf("empty chunk from %q", text)
			}
			got = append(got, strings.Fields(p)...)
		}
		if strings.Join(got, " ") != strings.Join(strings.Fields(text), " ") {
			t.Fatalf("words changed\n got %q\nwant %q", got, strings.Fields(text))
		}
	}
}

func TestGoldenSample(t *testing.T) {
	data, err := os.ReadFile("../../examples/sample-article.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(data, article.HTML, "sample-article.html", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{2000, 120} {
		s, err := Build(a, Options{MaxChars: limit, Pauses: DefaultPauses()})
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, "testdata/sample-article."+map[int]string{2000: "paragraphs", 120: "small-chunks"}[limit]+".golden.json", s)
	}
}

// TestGoldenNormalized: a script with numbers, money, dates, times, a
// telephone number and an address said in words for the voice, the written
// text kept beside it.
func TestGoldenNormalized(t *testing.T) {
	data, err := os.ReadFile("testdata/numbers.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(data, article.Markdown, "numbers.md", nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Language = "en-GB"
	for _, limit := range []int{2000, 160} {
		s, err := Build(a, Options{MaxChars: limit, Pauses: DefaultPauses(), Normalize: &textnorm.Normalizer{}})
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range s.Chunks {
			if utf8.RuneCountInString(c.Say()) > limit {
				t.Errorf("chunk %d says %d characters, over %d", c.Index, utf8.RuneCountInString(c.Say()), limit)
			}
			if strings.ContainsAny(c.Say(), "0123456789$£") {
				t.Errorf("chunk %d still has digits or currency signs: %q", c.Index, c.Say())
			}
		}
		checkGolden(t, fmt.Sprintf("testdata/numbers.normalized-%d.golden.json", limit), s)
	}
}

// TestSplitSpokenProperty: chunks of normalized text never exceed the
// limit in what they say, and the written text keeps every word in order.
func TestSplitSpokenProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"the", "council", "met", "on", "Tuesday.", "It", "paid", "$20.50", "for", "12kg", "on", "25 July 2012.", "Call", "+1 212-555-0143", "at", "5pm.", "Київ", "1,200", "people."}
	n := textnorm.Normalizer{Language: "en"}
	for i := 0; i < 300; i++ {
		var b strings.Builder
		for j, k := 0, 1+r.IntN(120); j < k; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(words[r.IntN(len(words))])
		}
		text := b.String()
		lim := limit{chars: 80 + r.IntN(300)}
		var gotWritten, gotSpoken []string
		for _, p := range splitSpoken(text, lim, n.Normalize, nil) {
			if !lim.fits(p.spoken) || strings.TrimSpace(p.spoken) == "" {
				t.Fatalf("piece %q over %+v", p.spoken, lim)
			}
			gotWritten = append(gotWritten, strings.Fields(p.text)...)
			gotSpoken = append(gotSpoken, strings.Fields(p.spoken)...)
		}
		// What is said is the normalized text, word for word, in order.
		var wantSpoken []string
		if sp := n.Normalize(text); lim.fits(sp) {
			wantSpoken = strings.Fields(sp)
		} else {
			for _, s := range Sentences(text) {
				wantSpoken = append(wantSpoken, strings.Fields(keepSentenceEnd(s, n.Normalize(s)))...)
			}
		}
		if strings.Join(gotSpoken, " ") != strings.Join(wantSpoken, " ") {
			t.Fatalf("spoken words changed:\n got %q\nwant %q", gotSpoken, wantSpoken)
		}
		if long := strings.Join(gotWritten, " "); long != strings.Join(strings.Fields(text), " ") {
			// Only a sentence too long to fit even alone is replaced by its
			// spoken form; every other word must survive as written.
			for _, s := range Sentences(text) {
				if !lim.fits(n.Normalize(s)) {
					goto next
				}
			}
			t.Fatalf("written words changed:\n got %q\nwant %q", long, text)
		}
	next:
	}
}

func TestSentenceBoundaries(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Dr. Osei met Sen. Warren in the U.S. Senate. They spoke.", []string{"Dr. Osei met Sen. Warren in the U.S. Senate.", "They spoke."}},
		{"It opened Feb. 3 in St. Louis. Acme Inc. shares rose. Chairman J. K. Rowe spoke.", []string{"It opened Feb. 3 in St. Louis.", "Acme Inc. shares rose.", "Chairman J. K. Rowe spoke."}},
		{"Shares rose 3.5 per cent. Visit www.example.com or mail a.b@example.org. Done.", []string{"Shares rose 3.5 per cent.", "Visit www.example.com or mail a.b@example.org.", "Done."}},
		{"We waited... Then it came. She asked, \"Why?\" Nobody knew.", []string{"We waited...", "Then it came.", "She asked, \"Why?\"", "Nobody knew."}},
		{"It ended at 5 a.m. The police left.", []string{"It ended at 5 a.m.", "The police left."}},
		{"Gen. Mills and Gov. Stone agreed. «Good», said Col. Ray.", []string{"Gen. Mills and Gov. Stone agreed.", "«Good», said Col. Ray."}},
		{"Die Firma, z.B. Siemens, wuchs. Dr. Weber sagte Nr. 5 zu.", []string{"Die Firma, z.B. Siemens, wuchs.", "Dr. Weber sagte Nr. 5 zu."}},
		{"Зустріч на вул. Хрещатик відбулася. Проф. Коваль виступив.", []string{"Зустріч на вул. Хрещатик відбулася.", "Проф. Коваль виступив."}},
		{"Встреча прошла в г. Киев. Затем т.е. Иванов ушёл.", []string{"Встреча прошла в г. Киев.", "Затем т.е. Иванов ушёл."}},
	}
	for _, tc := range tests {
		got := Sentences(tc.text)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
}

func TestTemplates(t *testing.T) {
	pub := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	tpls := map[string]Template{
		"":   {Outro: "You were listening to {publication}."},
		"uk": {Intro: "{title}. Автор: {byline}. {date}.", Disclosure: "Це аудіо створено за допомогою штучного інтелекту.", Outro: "Ви слухали {publication}."},
		"de": {Intro: "{title}. Von {byline}. Veröffentlicht am {date}."},
	}
	tests := []struct {
		a                        article.Article
		intro, disclosure, outro string
	}{
		{article.Article{Title: "Budget passes", Byline: "Ana Ruiz", Published: pub, Language: "en-GB", Publication: "The Courier"},
			"Budget passes. By Ana Ruiz. Published November 20, 2026.", DefaultDisclosure, "You were listening to The Courier."},
		{article.Article{Title: "Budget passes", Language: "en"}, // no byline, date or publication: those sentences go
			"Budget passes.", DefaultDisclosure, ""},
		{article.Article{Title: "Бюджет ухвалено", Byline: "Олена Коваленко", Published: pub, Language: "uk", Publication: "Київ Сьогодні"},
			"Бюджет ухвалено. Автор: Олена Коваленко. 20 листопада 2026 року.", "Це аудіо створено за допомогою штучного інтелекту.", "Ви слухали Київ Сьогодні."},
		{article.Article{Title: "Haushalt beschlossen", Byline: "Jan Weber", Published: pub, Language: "de-AT"},
			"Haushalt beschlossen. Von Jan Weber. Veröffentlicht am 20. November 2026.", BuiltinTemplates["de"].Disclosure, ""},
		// No template configured for Spanish or Russian: the built-in ones.
		{article.Article{Title: "Presupuesto aprobado", Byline: "Ana Ruiz", Published: pub, Language: "es"},
			"Presupuesto aprobado. Por Ana Ruiz. Publicado el 20 de noviembre de 2026.", BuiltinTemplates["es"].Disclosure, ""},
		{article.Article{Title: "Бюджет принят", Byline: "Иван Петров", Published: pub, Language: "ru"},
			"Бюджет принят. Автор: Иван Петров. Опубликовано 20 ноября 2026 года.", BuiltinTemplates["ru"].Disclosure, ""},
	}
	for _, tc := range tests {
		tc.a.Blocks = []article.Block{{Kind: article.Paragraph, Text: "Body."}}
		sc, err := Build(tc.a, Options{Pauses: DefaultPauses(), Templates: tpls})
		if err != nil {
			t.Fatal(err)
		}
		var intro, disclosure, outro string
		for _, c := range sc.Chunks {
			switch c.Kind {
			case Intro:
				intro = c.Text
			case Disclosure:
				disclosure = c.Text
			case Outro:
				outro = c.Text
			}
		}
		if intro != tc.intro || disclosure != tc.disclosure || outro != tc.outro || sc.Disclosure != tc.disclosure {
			t.Errorf("%s: intro %q, disclosure %q, outro %q", tc.a.Language, intro, disclosure, outro)
		}
		if last := sc.Chunks[len(sc.Chunks)-1]; tc.outro != "" && last.Kind != Outro {
			t.Errorf("the outro is not last: %+v", last)
		}
	}
}

// TestGoldenPasted: the script of an article pasted from a whole web page,
// normalized, with the news lexicon as aliases.
func TestGoldenPasted(t *testing.T) {
	data, err := os.ReadFile("../article/testdata/pasted/newsletter.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(data, article.Text, "newsletter.txt", nil)
	if err != nil {
		t.Fatal(err)
	}
	a.Language = "en"
	pls, err := os.ReadFile("../../voices/lexicons/news.pls")
	if err != nil {
		t.Fatal(err)
	}
	lx, err := ParseLexicon(pls, "news")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Build(a, Options{MaxChars: 400, Pauses: DefaultPauses(),
		Normalize: &textnorm.Normalizer{}, Pronounce: NewPronouncer(lx)})
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/newsletter.golden.json", s)
}

// checkGolden compares a script with its golden file (-update rewrites it).
func checkGolden(t *testing.T, golden string, s Script) {
	t.Helper()
	got, _ := json.MarshalIndent(s, "", "  ")
	if *update {
		os.WriteFile(golden, append(got, '\n'), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("%s differs; got:\n%s", golden, got)
	}
}

// TestLines: lines are spoken as written lines, normalized in their
// language, each chunk mapped to its line, chapters where asked.
func TestLines(t *testing.T) {
	n := textnorm.Normalizer{}
	sc, of, err := Lines("Briefing", "de", []Line{
		{Text: "Morgenbriefing vom 2. Dezember 2026. Beiträge: 3"},
		{Text: "Beitrag 1. Hafen baut neue Mole.", Pause: 700 * time.Millisecond, Chapter: "Hafen baut neue Mole"},
	}, Options{MaxChars: 200, Normalize: &n})
	if err != nil {
		t.Fatal(err)
	}
	if len(sc.Chunks) != 2 || len(of) != 2 || of[0] != 0 || of[1] != 1 {
		t.Fatalf("chunks %+v, lines %v", sc.Chunks, of)
	}
	if got := sc.Chunks[0].Say(); !strings.Contains(got, "zweiten Dezember") || !strings.Contains(got, "drei") {
		t.Errorf("not normalized in German: %q", got)
	}
	if c := sc.Chunks[1]; c.Chapter != "Hafen baut neue Mole" || c.PauseBefore != 700*time.Millisecond || c.Kind != Body {
		t.Errorf("second chunk %+v", c)
	}
	if _, _, err := Lines("x", "en", []Line{{Text: "  "}}, Options{}); err == nil {
		t.Error("no text: no error")
	}
}

// TestKeepSentenceEnd: a sentence said alone, then packed beside the
// next, keeps the full stop its last abbreviation took ("5 p.m." five
// PM), or the voice runs the two together.
func TestKeepSentenceEnd(t *testing.T) {
	n := textnorm.Normalizer{Language: "en"}
	text := "The talks ended at 5 p.m. Both sides flew home on Friday night, and a second round is planned for the spring, officials said."
	var said []string
	for _, p := range splitSpoken(text, limit{chars: 60}, n.Normalize, nil) {
		said = append(said, p.spoken)
	}
	got := strings.Join(said, " ")
	for _, want := range []string{"five PM. Both"} {
		if !strings.Contains(got, want) {
			t.Errorf("said %q, want %q in it", got, want)
		}
	}
	for _, tc := range []struct{ written, said, want string }{
		{"It opens at 9 a.m.", "It opens at nine AM", "It opens at nine AM."},
		{"It ended.", "It ended.", "It ended."},
		{"Is it?", "Is it?", "Is it?"},
		{"He said “no.”", "He said “no.”", "He said “no.”"},
		{"No stop", "No stop", "No stop"},
	} {
		if got := keepSentenceEnd(tc.written, tc.said); got != tc.want {
			t.Errorf("keepSentenceEnd(%q, %q) = %q, want %q", tc.written, tc.said, got, tc.want)
		}
	}
}
