// Package script turns an Article into a Script: the exact text chunks a
// voice will speak, in order, with the pause before each and the chapter
// marks at headings.
package script

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/textnorm"
)

// Kind says what part of the narration a chunk belongs to.
type Kind string

// Chunk kinds.
const (
	Intro      Kind = "intro"
	Disclosure Kind = "disclosure"
	Heading    Kind = "heading"
	Body       Kind = "body"
	Outro      Kind = "outro"
)

// Chunk is one request's worth of text.
type Chunk struct {
	Index int    `json:"index"`
	Kind  Kind   `json:"kind"`
	Text  string `json:"text"`
	// Spoken is what the voice is sent when normalization changed the
	// text ("$20.50" → "twenty dollars fifty cents"); Text stays as
	// written, for the transcript. Empty means the same as Text.
	Spoken      string        `json:"spoken,omitempty"`
	SSML        bool          `json:"ssml,omitempty"` // Spoken is an SSML document
	PauseBefore time.Duration `json:"pause_before"`
	Chapter     string        `json:"chapter,omitempty"` // a chapter starts here with this title
}

// Script is everything that will be spoken, in order.
type Script struct {
	Title    string `json:"title"`
	Language string `json:"language,omitempty"`
	// Disclosure is the disclosure as spoken (the language's template's,
	// else Options.Disclosure), for tags, show notes and the player.
	Disclosure string  `json:"disclosure,omitempty"`
	Chunks     []Chunk `json:"chunks"`
}

// Chars counts the characters of text in the script.
func (s Script) Chars() int {
	n := 0
	for _, c := range s.Chunks {
		n += utf8.RuneCountInString(c.Text)
	}
	return n
}

// Pauses are the silences the script asks for.
type Pauses struct {
	Sentence   time.Duration `yaml:"sentence"`    // between chunks of one paragraph
	Paragraph  time.Duration `yaml:"paragraph"`   // between paragraphs, quotes and list items
	Heading    time.Duration `yaml:"heading"`     // before a heading
	AfterIntro time.Duration `yaml:"after_intro"` // between intro, disclosure and body
}

// DefaultPauses are lengths that sound natural with news voices.
func DefaultPauses() Pauses {
	return Pauses{Sentence: 250 * time.Millisecond, Paragraph: 700 * time.Millisecond,
		Heading: 1200 * time.Millisecond, AfterIntro: 900 * time.Millisecond}
}

// DefaultDisclosure is the English disclosure, spoken after the intro
// unless configured otherwise.
const DefaultDisclosure = "This audio was created with AI assistance."

// Options shape a script.
type Options struct {
	MaxChars int // most characters per chunk, from the voice's limits
	MaxBytes int // most bytes of UTF-8 per chunk, for voices that count bytes; 0 for none
	// Disclosure, when set, is spoken after the intro in every language
	// ("" for none); nil says the article language's own (Disclosures).
	Disclosure *string
	Pauses     Pauses
	// Normalize, when set, says numbers, dates, money and the like in
	// words for the voice; its Language defaults to the article's.
	Normalize *textnorm.Normalizer
	// Pronounce applies pronunciation lexicons: as SSML <phoneme> and
	// <sub> when SSML is set (the voice reads SSML and IPA), else as
	// respelled aliases in the text.
	Pronounce *Pronouncer
	SSML      bool
	// Templates are the intro, disclosure and outro by language (a
	// primary subtag such as "en", "uk"; "" for any other). What a
	// template leaves empty comes from the language's built-in one
	// (BuiltinTemplates), then from English's.
	Templates map[string]Template
}

// Template is what is said around an article. {title}, {byline}, {date}
// (said the language's way), {publication} and {section} are filled in; a
// sentence whose placeholders are all empty is left out ("By {byline}."
// when there is no byline).
type Template struct {
	Intro      string `yaml:"intro"`
	Disclosure string `yaml:"disclosure"`
	Outro      string `yaml:"outro"`
}

// Say is what a chunk sends to the voice.
func (c Chunk) Say() string {
	if c.Spoken != "" {
		return c.Spoken
	}
	return c.Text
}

// ErrEmpty means the article has nothing to speak.
var ErrEmpty = errors.New("nothing to speak")

// builder adds spoken text to a script as chunks within the voice's
// limits, normalized and marked for the lexicons.
type builder struct {
	s    Script
	o    Options
	lim  limit
	norm func(string) string
	mark func(string) string
}

func newBuilder(title, lang string, o Options) (*builder, error) {
	if o.MaxChars <= 0 {
		o.MaxChars = 1000
	}
	if o.MaxChars < 40 {
		return nil, fmt.Errorf("script: chunk limit of %d characters is too small", o.MaxChars)
	}
	if o.MaxBytes > 0 && o.MaxBytes < 4*40 {
		return nil, fmt.Errorf("script: chunk limit of %d bytes is too small", o.MaxBytes)
	}
	b := &builder{s: Script{Title: title, Language: lang}, lim: limit{chars: o.MaxChars, bytes: o.MaxBytes}}
	if o.Normalize != nil {
		n := *o.Normalize
		if n.Language == "" {
			n.Language = lang
		}
		b.norm = n.Normalize
	}
	if !o.Pronounce.For(lang) {
		o.Pronounce = nil
	}
	switch {
	case o.SSML && o.Pronounce != nil:
		// Every chunk is a <speak> document: its text escaped, the
		// lexicons' words marked. The wrapper counts against the limit.
		b.lim.chars -= len(speakOpen + speakClose)
		if b.lim.bytes > 0 {
			b.lim.bytes -= len(speakOpen + speakClose)
		}
		b.mark = o.Pronounce.SSML
	case o.Pronounce != nil:
		b.mark = o.Pronounce.Alias
	}
	b.o = o
	return b, nil
}

// add speaks text as chunks of kind: the first after pause, marked as a
// chapter's start when chapter is set.
func (b *builder) add(kind Kind, text string, pause time.Duration, chapter string) {
	for i, part := range splitSpoken(text, b.lim, b.norm, b.mark) {
		p := pause
		if i > 0 {
			p = b.o.Pauses.Sentence
		}
		c := Chunk{Index: len(b.s.Chunks), Kind: kind, Text: part.text, PauseBefore: p}
		if b.o.SSML {
			c.Spoken, c.SSML = speakOpen+part.spoken+speakClose, true
		} else if part.spoken != part.text {
			c.Spoken = part.spoken
		}
		if i == 0 {
			c.Chapter = chapter
		}
		b.s.Chunks = append(b.s.Chunks, c)
	}
}

// Line is a piece of text spoken on its own, as a roundup's opening,
// transitions and closing are: after Pause, starting a chapter when
// Chapter is set.
type Line struct {
	Text    string
	Pause   time.Duration
	Chapter string
}

// Lines makes a script of lines in the language, with no intro, outro or
// disclosure: each line is normalized and chunked as an article's
// paragraphs are. The second result gives, for each chunk, the index of
// the line it came from.
func Lines(title, lang string, lines []Line, o Options) (Script, []int, error) {
	b, err := newBuilder(title, lang, o)
	if err != nil {
		return Script{}, nil, err
	}
	var of []int
	for i, l := range lines {
		text := strings.TrimSpace(l.Text)
		if text == "" {
			continue
		}
		n := len(b.s.Chunks)
		b.add(Body, text, l.Pause, l.Chapter)
		for range len(b.s.Chunks) - n {
			of = append(of, i)
		}
	}
	if len(b.s.Chunks) == 0 {
		return Script{}, nil, fmt.Errorf("script of %q: %w", title, ErrEmpty)
	}
	return b.s, of, nil
}

// Build makes the script of an article.
func Build(a article.Article, o Options) (Script, error) {
	b, err := newBuilder(a.Title, a.Language, o)
	if err != nil {
		return Script{}, err
	}
	o = b.o
	add := b.add
	tpl := o.template(a.Language)
	intro, disclosure := render(tpl.Intro, a), render(tpl.Disclosure, a)
	if o.Disclosure != nil {
		disclosure = *o.Disclosure
	}
	add(Intro, intro, 0, "Introduction")
	b.s.Disclosure = strings.TrimSpace(disclosure)
	if d := b.s.Disclosure; d != "" {
		add(Disclosure, d, o.Pauses.Sentence, "")
	}
	first := true
	for _, b := range a.Blocks {
		text := strings.TrimSpace(b.Text)
		if text == "" {
			continue
		}
		pause := o.Pauses.Paragraph
		if first {
			pause = o.Pauses.AfterIntro
		}
		switch b.Kind {
		case article.Heading:
			add(Heading, terminate(text), max(pause, o.Pauses.Heading), text)
		default:
			chapter := ""
			if first {
				chapter = a.Title
			}
			add(Body, text, pause, chapter)
		}
		first = false
	}
	if first {
		return Script{}, fmt.Errorf("script of %q: %w", a.Title, ErrEmpty)
	}
	if strings.TrimSpace(tpl.Outro) != "" {
		if outro := render(tpl.Outro, a); outro != "" {
			add(Outro, outro, max(o.Pauses.Paragraph, o.Pauses.AfterIntro), "")
		}
	}
	return b.s, nil
}

// template is the article language's template, field by field: the
// configured one for its primary subtag, else the configured one under ""
// (every language without its own), else the language's built-in one,
// else English's.
func (o Options) template(lang string) Template {
	primary := primaryLanguage(lang)
	var t Template
	for _, c := range []Template{o.Templates[primary], o.Templates[""], BuiltinTemplates[primary], BuiltinTemplates["en"]} {
		if t.Intro == "" {
			t.Intro = c.Intro
		}
		if t.Disclosure == "" {
			t.Disclosure = c.Disclosure
		}
		if t.Outro == "" {
			t.Outro = c.Outro
		}
	}
	return t
}

// primaryLanguage is a tag's language subtag, lower case: "pt-BR" → "pt".
func primaryLanguage(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	p, _, _ = strings.Cut(p, "_")
	return p
}

var slot = regexp.MustCompile(`\{(title|byline|date|publication|section)\}`)

// render fills a template's placeholders and leaves out every sentence
// whose placeholders are all empty.
func render(tpl string, a article.Article) string {
	values := map[string]string{"title": strings.TrimRight(a.Title, "."), "byline": a.Byline,
		"date": SpokenDate(a.Published, a.Language), "publication": a.Publication, "section": a.Section}
	var out []string
	for _, sent := range Sentences(tpl) {
		names := slot.FindAllStringSubmatch(sent, -1)
		empty := len(names) > 0
		for _, n := range names {
			if values[n[1]] != "" {
				empty = false
			}
		}
		if empty {
			continue
		}
		out = append(out, slot.ReplaceAllStringFunc(sent, func(m string) string { return values[m[1:len(m)-1]] }))
	}
	return strings.Join(strings.Fields(strings.Join(out, " ")), " ")
}

// terminate ends text with a full stop so the voice lowers its pitch.
func terminate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?…:;\"'”’)", r) {
		return s
	}
	return s + "."
}

// The SSML document every chunk becomes when the voice reads SSML.
const (
	speakOpen  = "<speak>"
	speakClose = "</speak>"
)

// piece is a chunk's text as written and as it is said.
type piece struct{ text, spoken string }

// keepSentenceEnd gives back the full stop that normalizing a sentence
// took with its last abbreviation ("… in the U.S." is said "… in the U
// S"): sentences said one after another need it, or the voice runs one
// into the next.
func keepSentenceEnd(written, said string) string {
	w := strings.TrimRight(written, " \t\n\"'”’»)")
	s := strings.TrimRight(said, " \t\n")
	if strings.HasSuffix(w, ".") && s != "" && !strings.ContainsRune(".!?…\"'”’»)", []rune(s)[len([]rune(s))-1]) {
		return s + "."
	}
	return said
}

// splitSpoken is split for normalized text: sentences are normalized one
// by one, marked (lexicon aliases or SSML), and packed by the length of
// what is said, keeping the written text beside it. A sentence too long
// for a chunk even alone is cut in its normalized form before it is
// marked, so no cut falls inside markup; its pieces are then their own
// text.
func splitSpoken(text string, lim limit, norm, mark func(string) string) []piece {
	if norm == nil {
		norm = func(s string) string { return s }
	}
	if mark == nil {
		mark = func(s string) string { return s }
	}
	if sp := mark(norm(text)); lim.fits(sp) {
		return []piece{{text, sp}}
	}
	var out []piece
	var cur piece
	flush := func() {
		if cur.spoken != "" {
			out = append(out, cur)
		}
		cur = piece{}
	}
	for _, sent := range Sentences(text) {
		plain := keepSentenceEnd(sent, norm(sent))
		sp := mark(plain)
		if !lim.fits(sp) {
			flush()
			out = append(out, cutMarked(plain, lim, mark)...)
			continue
		}
		switch {
		case cur.spoken == "":
			cur = piece{sent, sp}
		case lim.fits(cur.spoken + " " + sp):
			cur.text += " " + sent
			cur.spoken += " " + sp
		default:
			flush()
			cur = piece{sent, sp}
		}
	}
	flush()
	return out
}

// cutMarked cuts plain text into pieces that still fit once marked,
// tightening the cut until they do.
func cutMarked(plain string, lim limit, mark func(string) string) []piece {
	for tight := lim; ; {
		var out []piece
		ok := true
		for _, p := range split(plain, tight) {
			sp := mark(p)
			ok = ok && lim.fits(sp)
			out = append(out, piece{p, sp})
		}
		if ok || tight.chars <= 4 {
			return out // at the tightest, a word longer than the limit goes as it is
		}
		tight.chars = tight.chars * 3 / 4
		if tight.bytes > 0 {
			tight.bytes = max(tight.bytes*3/4, 160)
		}
	}
}

// limit is how much text a chunk may hold: characters, and bytes of
// UTF-8 when the voice counts bytes (0: no byte limit).
type limit struct{ chars, bytes int }

func (l limit) fits(s string) bool {
	return utf8.RuneCountInString(s) <= l.chars && (l.bytes == 0 || len(s) <= l.bytes)
}

// runes is how many of s's first runes fit.
func (l limit) runes(s string) int {
	n, size := 0, 0
	for _, r := range s {
		size += utf8.RuneLen(r)
		if n == l.chars || l.bytes > 0 && size > l.bytes {
			break
		}
		n++
	}
	return n
}

// split cuts text into pieces that fit the limit: whole sentences where
// they fit, otherwise at a clause boundary or the last space before it.
func split(text string, lim limit) []string {
	if lim.fits(text) {
		return []string{text}
	}
	var out []string
	cur := ""
	for _, sent := range Sentences(text) {
		for !lim.fits(sent) {
			head, tail := cutAtSpace(sent, lim.runes(sent))
			if cur != "" {
				out, cur = append(out, cur), ""
			}
			out = append(out, head)
			sent = tail
		}
		switch {
		case cur == "":
			cur = sent
		case lim.fits(cur + " " + sent):
			cur += " " + sent
		default:
			out, cur = append(out, cur), sent
		}
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// cutAtSpace cuts s before max runes: after the last comma, semicolon or
// colon in the second half of that span (a clause boundary), else at the
// last space; a single word longer than max is cut at max.
func cutAtSpace(s string, max int) (string, string) {
	r := []rune(s)
	cut := -1
	for i := max; i > max/2; i-- {
		if unicode.IsSpace(r[i]) && strings.ContainsRune(",;:", r[i-1]) {
			cut = i
			break
		}
	}
	for i := max; cut < 0 && i > 0; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
		}
	}
	if cut < 0 {
		cut = max
	}
	return strings.TrimSpace(string(r[:cut])), strings.TrimSpace(string(r[cut:]))
}

// Sentences splits text after '.', '!', '?' or '…' (with any closing
// quotes or brackets) when white space and an upper-case letter, digit or
// opening quote follow — but not after an abbreviation that does not end
// a sentence (titles such as Dr. and Sen., months before a day, Inc.,
// initials such as J., dotted acronyms such as U.S.), in English, German,
// Spanish, Ukrainian and Russian. Dots inside decimals, URLs and e-mail
// addresses never split, since no space follows them.
func Sentences(text string) []string {
	r := []rune(strings.TrimSpace(text))
	var out []string
	start := 0
	for i := 0; i < len(r); i++ {
		if r[i] != '.' && r[i] != '!' && r[i] != '?' && r[i] != '…' {
			continue
		}
		j := i + 1
		for j < len(r) && strings.ContainsRune(`"'”’»)]`, r[j]) {
			j++
		}
		if j >= len(r) || !unicode.IsSpace(r[j]) {
			continue
		}
		k := j
		for k < len(r) && unicode.IsSpace(r[k]) {
			k++
		}
		if k >= len(r) || !(unicode.IsUpper(r[k]) || unicode.IsDigit(r[k]) || strings.ContainsRune(`"'“‘«(`, r[k])) {
			continue
		}
		if r[i] == '.' && j == i+1 && !endsSentence(r[start:i], r[k:]) {
			continue
		}
		out = append(out, strings.TrimSpace(string(r[start:j])))
		start = k
		i = k - 1
	}
	if rest := strings.TrimSpace(string(r[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// neverLast are abbreviations that a name or number always follows: a
// full stop after them never ends a sentence.
var neverLast = map[string]bool{
	// English
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true, "gov": true,
	"lt": true, "col": true, "sgt": true, "capt": true, "st": true, "mt": true, "ft": true, "rev": true, "hon": true,
	"no": true, "nos": true, "vol": true, "fig": true, "vs": true, "approx": true, "est": true, "ave": true,
	"maj": true, "brig": true, "adm": true, "cmdr": true, "cpl": true, "pvt": true, "supt": true, "atty": true, "sens": true, "reps": true,
	// German, Spanish
	"nr": true, "bzw": true, "ca": true, "vgl": true, "sr": true, "sra": true, "srta": true, "núm": true, "art": true,
	"dra": true, "sres": true, "sras": true, "dña": true, "lic": true, "ing": true, "hr": true, "hrn": true,
	// Ukrainian, Russian
	"м": true, "вул": true, "ул": true, "просп": true, "им": true, "ім": true, "проф": true, "д-р": true, "див": true, "см": true,
	"ст": true, "т": true, "р": true, "г": true, "п": true,
	"е": true, "к": true, "ч": true, "зв": true, // т. е., т. к., т. ч., т. зв.: never at a sentence's end
}

// beforeNumber are abbreviations that end a sentence unless a number
// follows (Feb. 3, Inc. 500).
var beforeNumber = map[string]bool{
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "p": true, "pp": true, "ch": true, "sec": true,
}

// monthName reports whether text starts with a month's name (in the
// languages aloud reads), the word after a day number's full stop.
func monthName(text []rune) bool {
	w := strings.ToLower(strings.TrimRight(strings.FieldsFunc(string(text), unicode.IsSpace)[0], ".,;"))
	for _, m := range []string{"jan", "feb", "märz", "mär", "apr", "mai", "juni", "juli", "aug", "sep", "okt", "nov", "dez",
		"march", "may", "june", "july", "oct", "dec", "ene", "mar", "abr", "ago", "dic", "janv", "févr", "avr", "juil", "déc"} {
		if strings.HasPrefix(w, m) {
			return true
		}
	}
	return false
}

// endsSentence reports whether the full stop after before ends a
// sentence, given the text after it.
func endsSentence(before, after []rune) bool {
	w := len(before)
	for w > 0 && !unicode.IsSpace(before[w-1]) && !strings.ContainsRune(`("“'‘«`, before[w-1]) {
		w--
	}
	word := string(before[w:])
	lower := strings.ToLower(word)
	switch {
	case strings.HasSuffix(word, ".."):
		return true // an ellipsis
	case neverLast[lower]:
		return false
	case beforeNumber[lower]:
		return len(after) == 0 || !unicode.IsDigit(after[0])
	case utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]):
		return false // an initial: J. K. Rowling
	case len(word) <= 2 && strings.Trim(word, "0123456789") == "" && monthName(after):
		return false // a day written as an ordinal: "am 3. Mai", "le 1. janvier"
	case strings.Contains(word, ".") && !strings.ContainsAny(word, "0123456789/@") && len([]rune(word)) <= 8:
		// A dotted acronym (U.S., a.m., z.B., т.е.) ends a sentence only
		// before a word that starts one; a.m. and p.m. before a capital do.
		return lower == "a.m" || lower == "p.m"
	}
	return true
}
