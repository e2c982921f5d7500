package article

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// A page can state its story's whole text in its schema.org data
// (JSON-LD articleBody), for search engines: pages that draw the story
// with scripts, and pages that show a teaser over a subscription offer,
// do it too. That is the publisher's own word for what the article says,
// so it stands in for what was read from the page when it holds more
// than twice as many words and it is this story's: its object's headline
// says the page's title (sameHeadline), or most of what was read
// (ldAgree of its word triples) stands in it, or the page gave little
// (under minArticleBody words: a script's shell, a sidebar Readability
// settled on) and the object names no other headline.
//
// A stated body is only trusted when the page states one (a list of
// articles states several: none is the page's).
const (
	minArticleBody = 100
	ldAgree        = 0.5
)

// statedBody is an articleBody a page's JSON-LD states, with the headline
// its object gives.
type statedBody struct{ headline, text string }

// ldBodyBlocks returns the blocks of the page's stated body when it
// stands in for the blocks read (see above), else nil.
func ldBodyBlocks(bodies []statedBody, read []Block, title, byline string, captions bool) []Block {
	if len(bodies) != 1 {
		return nil
	}
	stated := bodyBlocks(bodies[0].text, title, byline, captions)
	have, want := blockWordCount(read), blockWordCount(stated)
	if want <= 2*have+10 {
		return nil
	}
	h := bodies[0].headline
	if !sameHeadline(h, title) && agreement(read, stated) < ldAgree && (have >= minArticleBody || h != "") {
		return nil
	}
	return stated
}

func blockWordCount(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		n += wordCount(b.Text)
	}
	return n
}

// markupTag tells a body given as HTML from one given as text.
var markupTag = regexp.MustCompile(`(?i)<(?:p|br|div|h[1-6]|ul|ol|li|blockquote|span|a|strong|em|b|i)\b[^>]*>`)

// bodyBlocks reads a body given as a string, in HTML or in text, as
// blocks: paragraphs at its line breaks when it is text.
func bodyBlocks(body, title, byline string, captions bool) []Block {
	body = strings.TrimSpace(body)
	if !markupTag.MatchString(body) {
		// Text, perhaps with its entities still escaped ("&#8217;"),
		// perhaps escaped HTML ("&lt;p&gt;").
		body = html.UnescapeString(body)
	}
	if markupTag.MatchString(body) {
		blocks, _ := htmlBodyBlocks(body, title, byline, captions)
		return blocks
	}
	var blocks []Block
	for line := range strings.SplitSeq(body, "\n") {
		for _, p := range splitRunOn(cleanSpace(line)) {
			if p == "" || len(blocks) == 0 && strings.EqualFold(p, title) || isByline(p, byline) {
				continue
			}
			blocks = append(blocks, Block{Kind: Paragraph, Text: p})
		}
	}
	return blocks
}

// splitRunOn parts a text whose paragraphs were joined with nothing
// between them, as some publishing systems write articleBody: "… said
// the minister.The talks resume" is two paragraphs, and a voice would
// read "minister dot the". A sentence's end is taken only between a
// lower-case letter and a capital that a lower-case letter follows, so
// "U.S.", "3.5", "example.com" and "Node.JS" stay whole.
func splitRunOn(t string) []string {
	var parts []string
	start := 0
	for i := 1; i+1 < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		before, _ := utf8.DecodeLastRuneInString(t[:i])
		after, n := utf8.DecodeRuneInString(t[i+1:])
		next, _ := utf8.DecodeRuneInString(t[i+1+n:])
		if unicode.IsLower(before) && unicode.IsUpper(after) && unicode.IsLower(next) {
			parts = append(parts, t[start:i+1])
			start = i + 1
		}
	}
	return append(parts, t[start:])
}

// agreement is the share of the word triples of what was read that the
// stated body holds too.
func agreement(read, stated []Block) float64 {
	have := map[uint64]bool{}
	for _, b := range stated {
		eachTriple(b.Text, func(h uint64) { have[h] = true })
	}
	n, found := 0, 0
	for _, b := range read {
		eachTriple(b.Text, func(h uint64) {
			n++
			if have[h] {
				found++
			}
		})
	}
	if n == 0 {
		return 0
	}
	return float64(found) / float64(n)
}

// eachTriple calls fn with a hash of every three words in a row of t,
// lower-cased, punctuation left out; a character of Chinese or Japanese
// is a word.
func eachTriple(t string, fn func(uint64)) {
	var w [3]uint64
	count := 0
	var cur uint64
	inWord := false
	push := func(h uint64) {
		w[0], w[1], w[2] = w[1], w[2], h
		count++
		if count >= 3 {
			fn(w[0]*1_000_003 ^ w[1]*7919 ^ w[2])
		}
	}
	const offset, prime = 14695981039346656037, 1099511628211
	for _, r := range t {
		wide := r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !wide {
			if !inWord {
				cur, inWord = offset, true
			}
			cur = (cur ^ uint64(unicode.ToLower(r))) * prime
			continue
		}
		if inWord {
			push(cur)
			inWord = false
		}
		if wide {
			push((offset ^ uint64(r)) * prime)
		}
	}
	if inWord {
		push(cur)
	}
}

// htmlBodyBlocks reads an article's body given as an HTML fragment.
func htmlBodyBlocks(body, title, byline string, captions bool) ([]Block, error) {
	doc, err := html.Parse(strings.NewReader("<body>" + body + "</body>"))
	if err != nil {
		return nil, err
	}
	prune(doc)
	fixAtoms(doc)
	return collectBlocks(doc, title, byline, captions), nil
}

// sameHeadline reports two wordings of one headline: most (over half) of
// the words of the shorter stand in the longer ("Vision Pro hands-on: the
// Retina moment" and "Vision Pro is the Retina moment").
func sameHeadline(a, b string) bool {
	wa, wb := strings.Fields(normTitle(a)), strings.Fields(normTitle(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return false
	}
	found := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			found++
		}
	}
	return 2*found > len(wa)
}
