package corpora

// The extraction scorer: word 4-gram shingles of two texts, compared.

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// words lower-cases text and keeps runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// Shingles counts the word 4-grams of text (a shorter text is one shingle).
func Shingles(text string) map[string]int {
	w := words(text)
	m := map[string]int{}
	if len(w) < 4 {
		if len(w) > 0 {
			m[strings.Join(w, " ")]++
		}
		return m
	}
	for i := 0; i+4 <= len(w); i++ {
		m[strings.Join(w[i:i+4], " ")]++
	}
	return m
}

// Overlap scores got against want: precision, recall and F1 of shingles.
func Overlap(got, want map[string]int) (p, r, f float64) {
	common, ng, nw := 0, 0, 0
	for k, n := range got {
		ng += n
		common += min(n, want[k])
	}
	for _, n := range want {
		nw += n
	}
	if ng == 0 || nw == 0 {
		if ng == nw {
			return 1, 1, 1
		}
		return 0, 0, 0
	}
	p, r = float64(common)/float64(ng), float64(common)/float64(nw)
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// HTMLText is the text of an HTML document or fragment, blocks separated
// by spaces, scripts and styles left out: what expected.html says.
func HTMLText(data []byte) (string, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode {
			b.WriteString(" ")
		}
	}
	walk(doc)
	return b.String(), nil
}

// dragnetComments is the line that, in Dragnet's gold files, separates
// the article from the readers' comments under it (with one space or
// more before COMMENTS).
var dragnetComments = regexp.MustCompile(`!@#\$%\^&\*\(\)\s+COMMENTS`)

// DragnetArticle is the article part of a Dragnet gold file: its text up
// to the comments, which a listener is not read.
func DragnetArticle(gold string) string {
	if loc := dragnetComments.FindStringIndex(gold); loc != nil {
		return gold[:loc[0]]
	}
	return gold
}
