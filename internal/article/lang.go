package article

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// The language an article is read in decides its voice, its number words
// and its intro. A page's markup often says nothing (a pasted text, a
// Markdown file) or says what its template says ("en" on a German
// paper's page), so the text itself is asked too, by whatlanggo's
// trigram profiles (84 languages).

// sampleRunes is how much of the body the detector reads: enough for a
// sure answer, little enough to stay fast on a long article.
const sampleRunes = 3000

// Thresholds: the text must be long enough for trigram counts to mean
// something (more of it to overrule the markup than to fill in for
// none), and the detector sure.
const (
	minDetectRunes     = 200
	minOverruleRunes   = 500
	overruleConfidence = 0.5
)

// A short text's trigrams (a note of a few sentences) are read too, and
// their best guess taken when it leads the next by guessConfidence: a
// Dutch or French note came out unknown, and an unknown language is read
// by the default voice, most often English. (Kindred languages stay
// apart by less: Swedish against Norwegian leads by 0.01, and stays
// unknown.)
const (
	minGuessRunes   = 60
	guessConfidence = 0.3
)

// textLanguage is the ISO 639-1 code of the language blocks are written
// in, with the detector's confidence (0 to 1) and how many characters it
// read; "" when it cannot tell.
func textLanguage(blocks []Block) (string, float64, int) {
	var b strings.Builder
	n := 0
	for _, bl := range blocks {
		if bl.Kind == Heading {
			continue
		}
		for _, r := range bl.Text {
			if n >= sampleRunes {
				break
			}
			b.WriteRune(r)
			n++
		}
		b.WriteByte('\n')
		if n >= sampleRunes {
			break
		}
	}
	text := b.String()
	if n < minGuessRunes {
		return scriptLanguage(text), 0, n
	}
	info := whatlanggo.Detect(text)
	if info.Lang < 0 || !info.IsReliable() && info.Confidence < guessConfidence {
		return scriptLanguage(text), info.Confidence, n
	}
	return info.Lang.Iso6391(), info.Confidence, n
}

// scriptLanguage is the language a text's script tells, where the
// trigrams cannot (a short text, or one of kindred languages): a script
// one language writes (Greek, Korean, Thai…), Chinese characters with or
// without Japanese kana, or in Cyrillic the letters
// only Ukrainian or only Russian has; "" otherwise. Read with English
// rules, a Russian note of three lines came out "В twenty twenty four г.".
func scriptLanguage(text string) string {
	counts := map[string]int{}
	letters, han, kana := 0, 0, 0
	for _, r := range text {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.In(r, unicode.Hiragana, unicode.Katakana):
			kana++
		}
		for _, s := range scriptLanguages {
			if unicode.Is(s.table, r) {
				counts[s.lang]++
				break
			}
		}
	}
	// Japanese writes Chinese characters among its own syllables (kana):
	// a tenth of kana among them says Japanese, none says Chinese.
	switch {
	case 2*(han+kana) > letters && 10*kana >= han+kana:
		return "ja"
	case 2*han > letters && kana == 0:
		return "zh"
	}
	for _, s := range scriptLanguages {
		if letters == 0 || 2*counts[s.lang] <= letters {
			continue
		}
		if s.lang != "cyrillic" {
			return s.lang
		}
		lower := strings.ToLower(text)
		uk, ru := strings.ContainsAny(lower, "іїєґ"), strings.ContainsAny(lower, "ыэъё")
		switch {
		case uk && !ru:
			return "uk"
		case ru && !uk:
			return "ru"
		}
	}
	return ""
}

// scriptLanguages are the scripts that say the language, with Cyrillic,
// which says it by its letters.
var scriptLanguages = []struct {
	lang  string
	table *unicode.RangeTable
}{
	{"cyrillic", unicode.Cyrillic}, {"el", unicode.Greek}, {"ko", unicode.Hangul}, {"th", unicode.Thai}, {"ka", unicode.Georgian},
	{"hy", unicode.Armenian}, {"he", unicode.Hebrew},
}

// chooseLanguage settles the article's language: what the markup says,
// unless the text is clearly in another language; the text's language
// when the markup says nothing. A tag's region is kept when its language
// stands ("en-GB" stays "en-GB").
func chooseLanguage(markup string, blocks []Block) string {
	markup = strings.TrimSpace(strings.ReplaceAll(markup, "_", "-"))
	detected, confidence, read := textLanguage(blocks)
	switch {
	case detected == "":
		return markup
	case markup == "":
		return detected
	case strings.EqualFold(primaryTag(markup), detected):
		return markup
	case confidence >= overruleConfidence && read >= minOverruleRunes:
		return detected
	}
	return markup
}

// primaryTag is a language tag's language: "pt" of "pt-BR".
func primaryTag(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		return tag[:i]
	}
	return tag
}
