package script

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// Entry is one lexeme of a pronunciation lexicon: the written forms, and
// how to say them (an IPA phoneme string, a respelling alias, or both).
type Entry struct {
	Graphemes []string
	Phoneme   string // IPA
	Alias     string
}

// Lexicon is a W3C Pronunciation Lexicon Specification (PLS 1.0) lexicon.
type Lexicon struct {
	Name     string
	Language string
	Entries  []Entry
}

// maxLexicon bounds a lexicon file.
const maxLexicon = 4 << 20

// ParseLexicon reads a PLS document; name is used in errors. Only the
// IPA alphabet is accepted for phonemes (what Polly, Google and Azure read).
func ParseLexicon(data []byte, name string) (Lexicon, error) {
	if len(data) > maxLexicon {
		return Lexicon{}, fmt.Errorf("lexicon %s: larger than %d bytes", name, maxLexicon)
	}
	var doc struct {
		XMLName  xml.Name `xml:"lexicon"`
		Alphabet string   `xml:"alphabet,attr"`
		Lang     string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
		Lexemes  []struct {
			Graphemes []string `xml:"grapheme"`
			Phonemes  []struct {
				Alphabet string `xml:"alphabet,attr"`
				Text     string `xml:",chardata"`
			} `xml:"phoneme"`
			Aliases []string `xml:"alias"`
		} `xml:"lexeme"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&doc); err != nil {
		return Lexicon{}, fmt.Errorf("lexicon %s: not a PLS document: %w", name, err)
	}
	if doc.XMLName.Space != "http://www.w3.org/2005/01/pronunciation-lexicon" {
		return Lexicon{}, fmt.Errorf("lexicon %s: not in the PLS namespace (http://www.w3.org/2005/01/pronunciation-lexicon)", name)
	}
	lx := Lexicon{Name: name, Language: doc.Lang}
	for i, l := range doc.Lexemes {
		e := Entry{}
		for _, g := range l.Graphemes {
			if g = strings.Join(strings.Fields(g), " "); g != "" {
				e.Graphemes = append(e.Graphemes, g)
			}
		}
		for _, p := range l.Phonemes {
			a := p.Alphabet
			if a == "" {
				a = doc.Alphabet
			}
			if a != "ipa" {
				return Lexicon{}, fmt.Errorf("lexicon %s: lexeme %d: alphabet %q, only ipa is read", name, i+1, a)
			}
			if e.Phoneme == "" {
				e.Phoneme = strings.TrimSpace(p.Text)
			}
		}
		if len(l.Aliases) > 0 {
			e.Alias = strings.Join(strings.Fields(l.Aliases[0]), " ")
		}
		if len(e.Graphemes) == 0 || e.Phoneme == "" && e.Alias == "" {
			return Lexicon{}, fmt.Errorf("lexicon %s: lexeme %d has no grapheme, or neither phoneme nor alias", name, i+1)
		}
		lx.Entries = append(lx.Entries, e)
	}
	return lx, nil
}

// Pronouncer applies lexicons to text: whole words only, longest match
// first; a grapheme with a capital letter matches only as written, one in
// lower case matches in any case.
type Pronouncer struct {
	// Language is the lexicons' language (the first one's xml:lang); a
	// script in another language is left alone.
	Language string
	entries  map[string]Entry // by grapheme; lower-cased for the case-blind
	re       *regexp.Regexp
}

// For reports whether the lexicons are for text in lang: the same primary
// language, or either unknown.
func (p *Pronouncer) For(lang string) bool {
	if p == nil {
		return false
	}
	primary := func(s string) string { l, _, _ := strings.Cut(strings.ToLower(s), "-"); return l }
	return p.Language == "" || lang == "" || primary(p.Language) == primary(lang)
}

// NewPronouncer compiles lexicons; an earlier lexicon's entry wins over a
// later one's for the same grapheme.
func NewPronouncer(lexicons ...Lexicon) *Pronouncer {
	p := &Pronouncer{entries: map[string]Entry{}}
	if len(lexicons) > 0 {
		p.Language = lexicons[0].Language
	}
	var graphemes []string
	for _, lx := range lexicons {
		for _, e := range lx.Entries {
			for _, g := range e.Graphemes {
				key := g
				if strings.ToLower(g) == g {
					key = strings.ToLower(g)
				}
				if _, dup := p.entries[key]; dup {
					continue
				}
				p.entries[key] = e
				graphemes = append(graphemes, g)
			}
		}
	}
	if len(graphemes) == 0 {
		return p
	}
	slices.SortFunc(graphemes, func(a, b string) int { return len(b) - len(a) })
	var alts []string
	for _, g := range graphemes {
		q := regexp.QuoteMeta(g)
		if strings.ToLower(g) == g {
			q = "(?i:" + q + ")"
		}
		alts = append(alts, q)
	}
	p.re = regexp.MustCompile(`(^|[^\p{L}\p{N}_])(` + strings.Join(alts, "|") + `)([^\p{L}\p{N}_]|$)`)
	return p
}

func (p *Pronouncer) lookup(word string) (Entry, bool) {
	if e, ok := p.entries[word]; ok {
		return e, true
	}
	e, ok := p.entries[strings.ToLower(word)]
	return e, ok
}

// Alias replaces every word the lexicons know by its alias (for voices
// that take no SSML); words with only a phoneme are left as written.
func (p *Pronouncer) Alias(text string) string {
	return p.apply(text, func(word string, e Entry) (string, bool) { return e.Alias, e.Alias != "" }, func(s string) string { return s })
}

// SSML escapes text for an SSML document and marks every word the
// lexicons know: <phoneme alphabet="ipa"> where there is a phoneme,
// <sub alias> otherwise.
func (p *Pronouncer) SSML(text string) string {
	return p.apply(text, func(word string, e Entry) (string, bool) {
		if e.Phoneme != "" {
			return `<phoneme alphabet="ipa" ph="` + escape(e.Phoneme) + `">` + escape(word) + `</phoneme>`, true
		}
		return `<sub alias="` + escape(e.Alias) + `">` + escape(word) + `</sub>`, true
	}, escape)
}

// apply walks the matches; the text between them goes through plain.
func (p *Pronouncer) apply(text string, say func(string, Entry) (string, bool), plain func(string) string) string {
	if p == nil || p.re == nil {
		return plain(text)
	}
	var b strings.Builder
	last := 0
	for pos := 0; pos < len(text); {
		loc := p.re.FindStringSubmatchIndex(text[pos:])
		if loc == nil {
			break
		}
		ws, we := pos+loc[4], pos+loc[5]
		word := text[ws:we]
		if e, ok := p.lookup(word); ok {
			if out, ok := say(word, e); ok {
				b.WriteString(plain(text[last:ws]))
				b.WriteString(out)
				last = we
			}
		}
		// The boundary after a word may start the next one: go on from
		// the word's end.
		pos = we
	}
	b.WriteString(plain(text[last:]))
	return b.String()
}

// escape makes text safe inside an SSML element or attribute.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WellFormed reports whether an SSML document parses as XML.
func WellFormed(doc string) error {
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = true
	depth := 0
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return errors.New("unclosed element")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
}
