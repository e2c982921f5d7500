// Package textnorm says written forms in words, the way a voice should read
// them: numbers, money, dates, times, measures, telephone numbers,
// addresses of the web, abbreviations. It works in two steps. A scanner
// finds semiotic tokens (a cardinal, a sum of money, a date…) by trying
// every recognizer of the language at each word and keeping the longest
// reading, so each piece of text is read once, by one class; then that
// class's verbalizer says the token's parts (sign, integer, fraction,
// currency, unit, era…) in the language's words, with the gender and case
// the context asks for where the language has them.
//
// English, German, Spanish, Russian and Ukrainian have rules; text in any
// other language is returned as it is, for the voice to read.
package textnorm

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Class is a kind of written form that normalization says in words.
type Class string

// The classes of normalization, as voice presets name them.
const (
	Electronic   Class = "electronic"   // URLs and e-mail addresses
	Telephone    Class = "telephone"    // telephone numbers, IP addresses
	Address      Class = "address"      // 1428 Elm St., CA 95051
	Money        Class = "money"        // $20.50, £10/wk, ₩460 billion
	Time         Class = "time"         // 1:59 p.m., 14:10:30
	Date         Class = "date"         // July 25 2012, 2016-07-03, 1980s, years
	Measure      Class = "measure"      // 12kg, 2°C, 41,459.00 km³
	Fraction     Class = "fraction"     // 3 2/4, 31/32
	Ordinal      Class = "ordinal"      // 23rd, 3. Mai, 5-й
	Decimal      Class = "decimal"      // 0.004, .1 trillion
	Cardinal     Class = "cardinal"     // 9,000, -2, 123
	Range        Class = "range"        // 1980-1986, 2-5, 5pm-7pm
	Roman        Class = "roman"        // Part XL, Henry VIII
	Serial       Class = "serial"       // B2A23C, F-16, 2Q22
	Abbreviation Class = "abbreviation" // Dr., St., e.g.
	Symbol       Class = "symbol"       // %, @, &, $ on their own, 2+3
)

// Classes lists every class.
var Classes = []Class{Electronic, Telephone, Address, Money, Time, Date, Measure, Fraction, Ordinal, Decimal, Cardinal,
	Range, Roman, Serial, Abbreviation, Symbol}

// ParseClasses reads class names (as voice presets list them); "all"
// means every class.
func ParseClasses(names []string) (map[Class]bool, error) {
	m := map[Class]bool{}
	for _, n := range names {
		if n == "all" {
			for _, c := range Classes {
				m[c] = true
			}
			continue
		}
		if !slices.Contains(Classes, Class(n)) {
			return nil, fmt.Errorf("unknown normalization class %q (known: all, %v)", n, Classes)
		}
		m[Class(n)] = true
	}
	return m, nil
}

// Normalizer rewrites written forms as a voice should say them. Language
// is a BCP 47 tag ("en", "de-AT"); Skip holds the classes the voice reads
// correctly itself, which are left as written.
type Normalizer struct {
	Language string
	Skip     map[Class]bool
}

// Supported reports whether the language (a BCP 47 tag) has rules.
func Supported(lang string) bool { return languageOf(lang) != nil }

// Languages are the primary subtags that have rules.
func Languages() []string { return []string{"de", "en", "es", "ru", "uk"} }

// languageOf is the rules for a tag's primary subtag; "" is English.
func languageOf(tag string) *language {
	primary, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	primary, _, _ = strings.Cut(primary, "_")
	switch primary {
	case "", "en":
		return english()
	case "de":
		return german()
	case "es":
		return spanish()
	case "ru":
		return russian()
	case "uk":
		return ukrainian()
	}
	return nil
}

// Normalize returns text with every form of the classes not skipped said in
// words. Text in a language without rules is returned as it is. Spacing
// between words is collapsed to single spaces; nothing else of the text
// outside the forms read is changed.
func (n Normalizer) Normalize(text string) string {
	l := languageOf(n.Language)
	if l == nil {
		return text
	}
	var out strings.Builder
	spokenBefore := false
	for _, s := range l.scan(text) {
		switch {
		case s.class == "" || n.Skip[s.class]:
			out.WriteString(text[s.start:s.end])
			spokenBefore = false
		default:
			if spokenBefore {
				out.WriteByte(' ') // "$$": two words, not one
			}
			if w := out.String(); strings.HasSuffix(w, "-") && s.start > 1 && text[s.start-1] == '-' && text[s.start] >= '0' && text[s.start] <= '9' {
				// "тест-1,02", "version-2": a word joined to a number is
				// said as two words.
				if r, _ := utf8.DecodeLastRuneInString(text[:s.start-1]); unicode.IsLetter(r) {
					out.Reset()
					out.WriteString(w[:len(w)-1] + " ")
				}
			}
			out.WriteString(s.spoken)
			spokenBefore = true
		}
	}
	return strings.Join(strings.Fields(out.String()), " ")
}

// A Token is a piece of the text and how it is read: Class is empty for
// text that is passed on as written.
type Token struct {
	Written string
	Class   Class
	Spoken  string
}

// Tokens splits text into the pieces the scanner found, for tools that
// show how a text is read (aloud normalize --explain) and for tests.
func (n Normalizer) Tokens(text string) []Token {
	l := languageOf(n.Language)
	if l == nil {
		return []Token{{Written: text}}
	}
	var out []Token
	for _, s := range l.scan(text) {
		t := Token{Written: text[s.start:s.end]}
		if s.class != "" {
			t.Class, t.Spoken = s.class, strings.Join(strings.Fields(s.spoken), " ")
		}
		out = append(out, t)
	}
	return out
}

// language is one language's recognizers.
type language struct {
	code  string
	rules []rule
	// decimal is the language's decimal separator: a digit after it
	// and a digit is inside a number.
	decimal byte
	// capitalNouns: the language writes every noun with a capital
	// (German), so a capital after an abbreviation's dot starts a
	// sentence only when it is a word that cannot follow the token in
	// one: an article, a pronoun, a preposition ("5 Mio. Das ist viel."
	// against "1,2 Mio. Besucher").
	capitalNouns     bool
	sentenceStarters map[string]bool
	// listEnds are abbreviations, as said, that end lists and so often
	// sentences ("und so weiter", "etcétera", "и так далее"): their dot
	// is the sentence's too when a sentence starts after it.
	listEnds map[string]bool
	// rangeWord joins the ends of a range ("to", "bis"); ranges says two
	// tokens joined by a dash (or an "x") as a range, or declines.
	rangeWord string
	ranges    func(r rangePair) (string, bool)
	// mayStart reports whether a word of letters alone, followed by a
	// space or by plain punctuation, can start a token (a month before a
	// day, an abbreviation); most words cannot, and the rules are not
	// tried on them. next is the text after the word.
	mayStart func(word, next string) bool
}

// maxToken bounds how far a rule looks: no token is longer (a URL of 2,000
// characters is read in parts), and a line of 100,000 characters of
// hyphens and digits costs linear, not quadratic, time.
const maxToken = 512

// window is the start of rest a rule may match, cut at a rune boundary.
func window(rest string) string {
	if len(rest) <= maxToken {
		return rest
	}
	cut := maxToken
	for cut > 0 && !utf8.RuneStart(rest[cut]) {
		cut--
	}
	return rest[:cut]
}

// adders return the functions a language's rules are added with: add for a
// token that ends at a word's end, addGlued for one that may be followed
// by letters or digits.
// scorePattern is a score or a ratio, "2:1", "3:0", "1:1000", a map's
// "1:50000", that no time rule reads (a time has two digits after the
// colon and an hour up to 24).
const scorePattern = `(?P<sa>\d{1,3}):(?P<sb>[1-9]\d{3,6}|\d{1,3})`

// sayScore says a score with the language's word between its two
// numbers ("zwei zu eins", "dos a uno"), or declines what reads as a
// time.
func sayScore(cardinal func(string) string, join string) func(*context, match) (string, bool) {
	return func(c *context, m match) (string, bool) {
		a, b := m.get("sa"), m.get("sb")
		if len(b) == 2 && atoi(a) <= 24 && atoi(b) <= 59 {
			return "", false // 14:30 is a time, read by the time rules
		}
		return words(cardinal(a), join, cardinal(b)), true
	}
}

func (l *language) adders() (add, addGlued func(class Class, re string, say func(c *context, m match) (string, bool))) {
	mk := func(glued bool) func(Class, string, func(*context, match) (string, bool)) {
		return func(class Class, re string, say func(c *context, m match) (string, bool)) {
			expr := `^(?:` + re + `)`
			rx := regexp.MustCompile(expr)
			l.rules = append(l.rules, rule{class: class, re: rx, first: firstRunes(expr), say: say, glued: glued, after: rx.SubexpIndex("after")})
		}
	}
	return mk(false), mk(true)
}

// versionCues are the words a version number follows: a product's, a
// standard's or "version" in the languages aloud reads ("iOS 8.3", "USB
// 3.0", "Version 5.3", "OS X 10.10", "Industrie 4.0").
var versionCues = set("version", "versión", "versão", "versione", "версия", "версії", "версію", "версія", "update", "release", "firmware",
	"build", "beta", "ios", "ipados", "macos", "watchos", "x", "android", "windows", "linux", "kernel", "python", "java", "php", "node",
	"chrome", "firefox", "safari", "usb", "hdmi", "bluetooth", "wi-fi", "wifi", "thunderbolt", "displayport", "pcie", "web", "industrie",
	"industry", "gpt", "llama", "gemini", "claude")

// addVersion reads a version number after a word that names what it
// versions, its parts said as numbers joined by the language's word for
// the point ("iOS 8.3" iOS acht Punkt drei, "USB 3.0" USB tres punto
// cero), where a date, an ordinal or a decimal would be read otherwise.
// It is added first, so that it wins a tie with them.
func (l *language) addVersion(point string, cardinal func(digits string) string) {
	add, _ := l.adders()
	add(Cardinal, `(?P<v>\d{1,4}(?:\.\d{1,5}){1,3})`+wordEnd, func(c *context, m match) (string, bool) {
		if !versionCues[c.prevWord()] {
			return "", false
		}
		parts := strings.Split(m.get("v"), ".")
		said := make([]string, len(parts))
		for i, p := range parts {
			said[i] = cardinal(p)
		}
		return strings.Join(said, " "+point+" "), true
	})
}

// addAbbreviations reads abbreviations written with spaced dots: of
// several parts ("z. B.", "т. е."), or of one, tried too because the
// longer match can take the next word ("im 19. Jh. geplant." is "Jh."
// when "Jh. geplant" is no abbreviation); say looks the word up.
func (l *language) addAbbreviations(say func(c *context, m match) (string, bool)) {
	add, _ := l.adders()
	add(Abbreviation, `(?P<w>\p{L}+(?:\.\s?\p{L}+)*)\.`, say)
	add(Abbreviation, `(?P<w>\p{L}+)\.`, say)
}

// rangePair is two tokens joined by a dash, or by an x ("2x8 m2").
type rangePair struct {
	a, b       span
	aw, bw     string // as written
	spaced, by bool   // " - " rather than "-"; "x" rather than a dash
}

// rangeable are the classes whose tokens may start a range.
var rangeable = map[Class]bool{Cardinal: true, Money: true, Time: true, Date: true, Measure: true}

// dimension is the "x" of "2x8": a number may end before it.
var dimension = regexp.MustCompile(`^[x×]\s?\d`)

// rangeJoin matches what may join a range's ends: a hyphen or dash, with
// or without spaces, or an "x" between dimensions.
var rangeJoin = regexp.MustCompile(`^(?:(\s?)[-–—](\s?)|\s?(x|×)\s?)`)

// A rule recognizes one kind of token. Its regular expression is matched
// at the start of the remaining text (it begins with ^); say turns the
// match into words, or declines (false) when the context asks for another
// reading.
type rule struct {
	class Class
	re    *regexp.Regexp
	first firstSet // the runes a match can start with
	say   func(c *context, m match) (string, bool)
	// glued: the match may be followed directly by a letter or digit
	// (its own regexp decides where it ends).
	glued bool
	// after is the index of the group that matched the character after
	// the token (wordEnd), -1 when there is none: it is not the token's.
	after int
}

// match is a rule's match: the submatches by index, and by name.
type match struct {
	text  string
	sub   []string
	names []string
}

// get is the submatch called name, or "".
func (m match) get(name string) string {
	for i, n := range m.names {
		if n == name && i < len(m.sub) {
			return m.sub[i]
		}
	}
	return ""
}

// context is what a rule may look at around its match.
type context struct {
	text       string
	start, end int
}

// prevWord is the word before the match (lower-cased, without
// punctuation), or "".
func (c *context) prevWord() string { return c.prevWordN(1) }

// prevWordN is the n-th word before the match (1 is the nearest).
func (c *context) prevWordN(n int) string {
	before := c.before()
	var w string
	for range n {
		before = strings.TrimRightFunc(before, unicode.IsSpace)
		if before == "" {
			return ""
		}
		i := strings.LastIndexFunc(before, unicode.IsSpace)
		w, before = before[i+1:], before[:i+1]
	}
	return strings.ToLower(strings.TrimFunc(w, isPunct))
}

// prevRaw is the word before the match as written, with its punctuation
// ("Sam", "Jr.,"), or "".
func (c *context) prevRaw() string {
	before := strings.TrimRightFunc(c.before(), unicode.IsSpace)
	i := strings.LastIndexFunc(before, unicode.IsSpace)
	return before[i+1:]
}

// before is the text before the match, at most maxToken bytes of it.
func (c *context) before() string {
	b := c.text[:c.start]
	if len(b) > maxToken {
		cut := len(b) - maxToken
		for cut < len(b) && !utf8.RuneStart(b[cut]) {
			cut++
		}
		b = b[cut:]
	}
	return b
}

// after is the text after the match, at most maxToken bytes of it.
func (c *context) after() string { return window(c.text[c.end:]) }

// nextWord is the word after the match, as written (punctuation trimmed),
// or "".
func (c *context) nextWord() string {
	rest := strings.TrimLeftFunc(c.after(), unicode.IsSpace)
	if rest == "" {
		return ""
	}
	w := strings.FieldsFunc(rest, unicode.IsSpace)[0]
	return strings.TrimFunc(w, isPunct)
}

// followedBySpace reports whether a space follows the match directly.
func (c *context) followedBySpace() bool {
	r, _ := utf8.DecodeRuneInString(c.text[c.end:])
	return unicode.IsSpace(r)
}

// alone reports whether the match is the whole text, spaces aside.
func (c *context) alone() bool {
	return strings.TrimSpace(c.before()) == "" && len(c.text[:c.start]) <= maxToken && strings.TrimSpace(c.text[c.end:]) == ""
}

// atSentenceStart reports whether nothing but spaces, quotes and brackets
// come before the match since the text's start or the last full stop.
// afterName reports whether the word before the match is capitalized
// and does not start its sentence: a name ("Elm" in "Elm Dr."), not a
// capital that only starts a sentence ("Ask Dr. Jones").
func (c *context) afterName() bool {
	prev := c.prevRaw()
	if prev == "" || !unicode.IsUpper([]rune(prev)[0]) || c.atSentenceStart() {
		return false
	}
	before := strings.TrimRightFunc(c.before(), unicode.IsSpace)
	before = strings.TrimRightFunc(before[:len(before)-len(prev)], func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"'“‘«([", r) })
	if before == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if r == '.' {
		// A short capitalized word before the dot is an abbreviation
		// ("St. Mary St."), not a sentence's end.
		w := before[strings.LastIndexFunc(before[:len(before)-1], func(r rune) bool { return !unicode.IsLetter(r) })+1 : len(before)-1]
		return utf8.RuneCountInString(w) <= 3 && w != "" && unicode.IsUpper([]rune(w)[0])
	}
	return !strings.ContainsRune("!?…:", r)
}

func (c *context) atSentenceStart() bool {
	before := strings.TrimRightFunc(c.before(), func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("\"'“‘«([", r) })
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?…:", r)
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// span is a piece of the scanned text: read as class (spoken), or passed
// on as written (class "").
type span struct {
	start, end int
	class      Class
	spoken     string
}

// scan splits text into spans. At each place a word can start it tries
// every rule and keeps the longest match whose rule accepts it (the
// earlier rule on a tie); where none does, the word is passed on whole, so
// no rule reads a piece from the middle of a word.
func (l *language) scan(text string) []span {
	var spans []span
	plain := 0 // start of the text not yet put in a span
	flush := func(upto int) {
		if upto > plain {
			spans = append(spans, span{start: plain, end: upto})
		}
		plain = upto
	}
	pos := 0
	for pos < len(text) {
		r, size := utf8.DecodeRuneInString(text[pos:])
		if unicode.IsSpace(r) {
			pos += size
			continue
		}
		if l.mayStart != nil && unicode.IsLetter(r) {
			end := pos + size
			for end < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsLetter(r2) && !unicode.IsMark(r2) {
					break
				}
				end += s2
			}
			next, _ := utf8.DecodeRuneInString(text[end:])
			if (end == len(text) || unicode.IsSpace(next) || strings.ContainsRune(",;!?)]\"”»", next)) && !l.mayStart(text[pos:end], text[end:]) {
				pos = end
				continue
			}
		}
		if unicode.IsDigit(r) && pos-2 >= plain && text[pos-1] == l.decimal && text[pos-2] >= '0' && text[pos-2] <= '9' {
			// Inside a number no rule read whole ("v1.2rc3"): the rest of
			// it is left as written too, never read apart from its start.
			for pos < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[pos:])
				if unicode.IsSpace(r2) {
					break
				}
				pos += s2
			}
			continue
		}
		best, ok := l.longest(text, pos)
		if ok {
			flush(pos)
			if (!unicode.IsLetter(r) || unicode.IsUpper(r)) && sentenceStartsAt(text, pos) && !afterAbbreviation(spans, text, pos) {
				// "… last year. 60 lbs lost", "He came. Dr. Smith said":
				// the sentence still starts with a capital when said, so
				// that it is still found as one.
				best.spoken = capitalize(best.spoken)
			}
			spans = append(spans, best)
			pos, plain = best.end, best.end
			continue
		}
		if isWordRune(r) {
			// Pass the word on whole: no rule starts inside it.
			for pos < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[pos:])
				if !isWordRune(r2) {
					break
				}
				pos += s2
			}
			continue
		}
		pos += size
	}
	flush(len(text))
	return spans
}

// numberBorderedByDigits reports whether a match's number is grouped
// with plain spaces and has digits a space away on either side: "030 123
// 456" or "12 345 67" are runs of digits, not one number ("in 2019 100
// 000 people" is: a year of four digits could not lead it).
func numberBorderedByDigits(text string, start, end int, m match) bool {
	num := m.get("num")
	if num == "" {
		num = m.get("amt")
	}
	if !strings.Contains(num, " ") {
		return false
	}
	// A run of one to three digits before would have led the number,
	// had it been one; any digits after go on past it.
	before := strings.TrimSuffix(text[:start], " ")
	lead := len(before) - len(strings.TrimRight(before, "0123456789"))
	return len(before) < start && lead >= 1 && lead <= 3 ||
		strings.HasPrefix(text[end:], " ") && len(text) > end+1 && text[end+1] >= '0' && text[end+1] <= '9'
}

// matchAt is re's match of rest at loc.
func matchAt(re *regexp.Regexp, rest string, loc []int) match {
	m := match{text: rest[:loc[1]], sub: make([]string, len(loc)/2), names: re.SubexpNames()}
	for i := range m.sub {
		if loc[2*i] >= 0 {
			m.sub[i] = rest[loc[2*i]:loc[2*i+1]]
		}
	}
	return m
}

// firstDigitRun is where the first run of digits in s ends, the text
// before it included.
func firstDigitRun(s string) int {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return len(s)
	}
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

// longest tries every rule at pos, a place where a word or a sign can
// start, and keeps the longest reading a rule accepts (ranges included).
func (l *language) longest(text string, pos int) (span, bool) { return l.longestOf(text, pos, true) }

func (l *language) longestOf(text string, pos int, ranges bool) (span, bool) {
	var best span
	found := false
	if strings.HasPrefix(text[pos:], "-") || strings.HasPrefix(text[pos:], "−") {
		// A dash glued after a word, a number or a sign ("52%-48%",
		// "COVID-19") joins; it is never a minus.
		if prev, _ := utf8.DecodeLastRuneInString(text[:pos]); pos > 0 && (isWordRune(prev) || strings.ContainsRune("%°º)]", prev)) {
			return best, false
		}
	}
	rest := window(text[pos:])
	r0, _ := utf8.DecodeRuneInString(rest)
	for _, r := range l.rules {
		if !r.first.has(r0) {
			continue
		}
		loc := r.re.FindStringSubmatchIndex(rest)
		if loc != nil && strings.IndexByte(rest[:loc[1]], ' ') >= 0 && numberBorderedByDigits(text, pos, pos+loc[1], matchAt(r.re, rest, loc)) {
			// Digits spaced apart are read run by run: the rule may
			// still match the first run alone.
			loc = r.re.FindStringSubmatchIndex(rest[:firstDigitRun(rest)])
		}
		if loc == nil || loc[1] == 0 {
			continue
		}
		if r.after > 0 && loc[2*r.after] >= 0 {
			loc[1] = loc[2*r.after] // the character after is not the token's
			if loc[1] == 0 {
				continue
			}
		}
		end := pos + loc[1]
		if !r.glued && end < len(text) {
			next, _ := utf8.DecodeRuneInString(text[end:])
			last, _ := utf8.DecodeLastRuneInString(text[:end])
			if isWordRune(next) && isWordRune(last) && !dimension.MatchString(text[end:]) {
				continue // the match would end inside a word
			}
		}
		if r.class == Serial && endsInsideNumber(text, end) {
			continue // "тест-1,02": the number goes on past the code
		}
		m := matchAt(r.re, rest, loc)
		c := &context{text: text, start: pos, end: end}
		spoken, ok := r.say(c, m)
		if !ok {
			continue
		}
		cand := span{start: pos, end: end, class: r.class, spoken: spoken}
		if ranges {
			cand = l.extendRange(text, cand)
		}
		if found && cand.end-cand.start <= best.end-best.start {
			continue
		}
		best, found = cand, true
	}
	if found {
		if !l.capitalNouns || l.sentenceStarters[strings.ToLower(nextWordOf(text, best.end))] {
			best.end = l.sentenceStop(text, best)
		}
		best.spoken = pad(text, best.start, best.end, best.spoken)
	}
	return best, found
}

// sentenceStartsAt reports whether a sentence starts at pos inside text:
// after a sentence's end and a space (not at the text's start).
func sentenceStartsAt(text string, pos int) bool {
	before := text[:pos]
	trimmed := strings.TrimRightFunc(before, func(r rune) bool { return strings.ContainsRune("\"'“‘«([", r) })
	if !strings.HasSuffix(trimmed, " ") && !strings.HasSuffix(trimmed, "\n") {
		return false
	}
	trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	trimmed = strings.TrimRightFunc(trimmed, func(r rune) bool { return strings.ContainsRune("\"'”’»)]", r) })
	r, _ := utf8.DecodeLastRuneInString(trimmed)
	return trimmed != "" && strings.ContainsRune(".!?…", r)
}

// afterAbbreviation reports whether the full stop before pos is a token's
// read before it, an abbreviation's ("Tel. 030", "буд. 5", "Mo.–Fr. 9"),
// not a sentence's.
func afterAbbreviation(spans []span, text string, pos int) bool {
	if len(spans) == 0 {
		return false
	}
	last := spans[len(spans)-1]
	if last.class == "" && len(spans) > 1 && strings.TrimSpace(text[last.start:last.end]) == "" {
		last = spans[len(spans)-2]
	}
	// A token that took the dot as its own and did not give it back.
	return last.class != "" && strings.HasSuffix(text[last.start:last.end], ".") && !strings.HasSuffix(strings.TrimSpace(last.spoken), ".") &&
		strings.TrimSpace(text[last.end:pos]) == ""
}

// capitalize puts the first letter of s in upper case.
func capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

// endsInsideNumber reports a token that would end at a digit followed by
// a decimal point or comma and another digit.
func endsInsideNumber(text string, end int) bool {
	if end == 0 || end+1 >= len(text) || text[end-1] < '0' || text[end-1] > '9' {
		return false
	}
	return (text[end] == ',' || text[end] == '.') && text[end+1] >= '0' && text[end+1] <= '9'
}

// sentenceStop gives back the final full stop of a number, a sum, a
// measure, a time, or an abbreviation that ends lists (listEnds: "usw.",
// "etc.") when a new sentence starts after it: "4:30 p.m. Next", "12,50
// грн. Далі", "Äpfel usw. Dann". The dot of an abbreviation that ends a
// sentence is the sentence's full stop as well; the voice needs it to
// pause. (Not an ordinal's or a date's dot: "der 12. Platz" goes on; nor
// a title's: "Dr. Evil".)
func (l *language) sentenceStop(text string, s span) int {
	switch {
	case s.class == Measure, s.class == Money, s.class == Time, s.class == Cardinal, s.class == Decimal:
	case s.class == Abbreviation && l.listEnds[s.spoken]:
	default:
		return s.end // "Dr. Evil", "der 12. Platz": the dot is the word's
	}
	if s.end <= s.start+1 || text[s.end-1] != '.' || strings.HasSuffix(strings.TrimSpace(s.spoken), ".") {
		return s.end
	}
	rest := strings.TrimLeft(text[s.end:], " ")
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsUpper(r) {
		return s.end - 1
	}
	return s.end
}

// nextWordOf is the word after position end: its letters.
func nextWordOf(text string, end int) string {
	rest := strings.TrimLeft(text[end:], " ")
	i := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if i < 0 {
		return rest
	}
	return rest[:i]
}

// extendRange makes a token the start of a range when a dash and a token
// the language accepts as its end follow it.
func (l *language) extendRange(text string, a span) span {
	if l.ranges == nil || !rangeable[a.class] {
		return a
	}
	loc := rangeJoin.FindStringSubmatchIndex(text[a.end:])
	if loc == nil {
		return a
	}
	bStart := a.end + loc[1]
	b, ok := l.longestOf(text, bStart, false)
	if !ok || !rangeable[b.class] {
		return a
	}
	spaced := loc[2] >= 0 && loc[3] > loc[2] && loc[4] >= 0 && loc[5] > loc[4]
	p := rangePair{a: a, b: b, aw: text[a.start:a.end], bw: text[b.start:b.end], spaced: spaced, by: loc[6] >= 0}
	spoken, ok := l.ranges(p)
	if !ok {
		return a
	}
	return span{start: a.start, end: b.end, class: Range, spoken: spoken}
}

// pad puts a space between the spoken words and a letter or digit glued
// to the written form on either side ("12kg" inside "a12kg" would run
// into "a").
func pad(text string, start, end int, spoken string) string {
	prev, _ := utf8.DecodeLastRuneInString(text[:start])
	next, _ := utf8.DecodeRuneInString(text[end:])
	if start > 0 && (isWordRune(prev) || prev == ',' || prev == ';') {
		spoken = " " + spoken // "1,2,3,4": the comma between two numbers said is a pause
	}
	if end < len(text) && isWordRune(next) {
		spoken += " "
	}
	return spoken
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// words joins non-empty parts with single spaces.
func words(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " ")
}

// fullStop is the sentence's full stop that a date rule took with its
// month (the groups "mon", "dot" and "y"): after a month written in full
// the dot ends the sentence ("am 5. Mai.", "el 5 de mayo.", "до 5 мая."),
// after an abbreviation ("5. Okt.", "5 фев.") it is the abbreviation's,
// and before a year it is neither.
func fullStop(m match, full string) string {
	if m.get("dot") == "" || m.get("y") != "" || !strings.EqualFold(m.get("mon"), full) {
		return ""
	}
	return "."
}

// intlPhonePattern is a telephone number as ITU-T E.123 writes it for
// the world: a plus, the country code, then groups of digits apart
// ("+44 20 7946 0958", "+380 44 123 4567", "+7 (495) 123-45-67"). No
// amount is written so in any language.
const intlPhonePattern = `\+(?P<cc>\d{1,3})(?P<rest>(?:[\s-]\(?\d{1,8}\)?){2,5})`

// intlPhone says such a number: the plus and the country code as
// plusCC says them, then each group as group says it. Fewer than six
// digits after the code, or more than fourteen, is no number to dial.
func intlPhone(m match, plusCC func(cc string) string, group func(g string) string) (string, bool) {
	groups := strings.FieldsFunc(m.get("rest"), func(r rune) bool { return r < '0' || r > '9' })
	n := 0
	for _, g := range groups {
		n += len(g)
	}
	if n < 6 || n+len(m.get("cc")) > 15 {
		return "", false
	}
	parts := []string{plusCC(m.get("cc"))}
	for _, g := range groups {
		parts = append(parts, group(g))
	}
	return strings.Join(parts, " "), true
}

// perUnit says a price per unit after the sum ("12,50 €/m²" … pro
// Quadratmeter, "30 €/mes" … por mes): the unit's name where the
// language's table knows it, else the word as written. No unit: the sum.
func perUnit(sum, per, unit string, name func(string) (string, bool)) string {
	if unit == "" {
		return sum
	}
	if n, ok := name(unit); ok {
		unit = n
	}
	return sum + " " + per + " " + unit
}

// sayBeforeNumber is table's reading of an abbreviation when a number
// follows it ("Art. 3" Artikel, "Fig. 3" figure, "д. 5" дом): said so
// there only, since the same letters elsewhere are a word or a sentence's
// end ("eine neue Art.").
func sayBeforeNumber(c *context, table map[string]string, word string) (string, bool) {
	s, ok := table[word]
	return s, ok && startsWithDigit(c.text[c.end:])
}

// isYearDigits reports four digits of a year from 1900 to 2099.
func isYearDigits(s string) bool {
	y := atoi(s)
	return len(s) == 4 && y >= 1900 && y < 2100
}

// partsOverYear reports num/den that is a number and its year, not a
// fraction ("Resolution No. 5/2024", "указ № 123/2024"): a fraction's
// denominator is never a year, though one over a year can be one
// ("1/2007", one two thousand seventh, as NeMo reads it).
func partsOverYear(num, den string) bool { return isYearDigits(den) && trimZeros(num) != "1" }

// seasonPattern is a year over the next year's last two digits: a
// season or a fiscal year ("2023/24"), which isSeason checks.
const seasonPattern = `(?P<y>(?:19|20)\d\d)/(?P<yy>\d\d)\b`

// isSeason reports a seasonPattern match whose second year follows the
// first.
func isSeason(m match) bool {
	return (atoi(m.get("y"))+1)%100 == atoi(m.get("yy"))
}

// seasonEnd is the second year of a season as said: its two digits, or
// the whole year when they are 00 ("1999/00": 2000).
func seasonEnd(m match) string {
	if m.get("yy") == "00" {
		return itoa(int(atoi(m.get("y"))) + 1)
	}
	return m.get("yy")
}
