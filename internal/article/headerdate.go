package article

import (
	"strings"
	"time"

	"golang.org/x/net/html"
)

// A page without structured metadata (many blogs, older CMSs) still
// prints its story's date where every reader looks for it: by the
// headline, in the line over or under it ("Posted on August 9, 2012 by
// Tim", "Friday 25 December 2015"). pageLines reads the page as a reader
// sees it, a line per block, and headerDate takes the date printed
// nearest under the headline, else over it.

// headerAbove is how far over the headline a dateline is looked for:
// share buttons can stand between ("24 July 2012 Last updated at 02:28
// ET", then eight buttons, then the headline).
const headerAbove = 12

// maxPageLines bounds the lines read: the header stands near the top.
const maxPageLines = 400

// pageLines are the page's visible lines of text in document order: the
// text of each block that holds no other block, and text that stands
// between blocks. Navigation, asides, footers, forms and what aloud
// never reads are left out (skipTags).
func pageLines(doc *html.Node) []string {
	var lines []string
	var run []string // the inline text since the last block
	flush := func() {
		if t := cleanSpace(strings.Join(run, " ")); t != "" && len(lines) < maxPageLines {
			lines = append(lines, t)
		}
		run = run[:0]
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if len(lines) >= maxPageLines {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				run = append(run, c.Data)
			case c.Type != html.ElementNode || skipTags[c.DataAtom]:
			case isBlock(c) && !hasBlockDescendant(c):
				flush()
				run = append(run, textOf(c))
				flush()
			case isBlock(c) || hasBlockDescendant(c):
				// A block, or an inline element around blocks: its
				// lines are its own.
				flush()
				walk(c)
				flush()
			default:
				run = append(run, textOf(c)) // "Posted <span>Nov 6</span>, 2012"
			}
		}
	}
	walk(doc)
	flush()
	return lines
}

// hasBlockDescendant reports an element with a block element inside.
func hasBlockDescendant(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c) || hasBlockDescendant(c)) {
			return true
		}
	}
	return false
}

// titleLine is the index of the line that says the title as the
// story's headline, or -1: the first that the story's running text
// follows within headerReach lines, else the first that says it at all
// (a blog's list of recent posts can say it higher up, among other
// titles).
func titleLine(lines []string, title string) int {
	nt := normTitle(title)
	if nt == "" {
		return -1
	}
	first := -1
	for i, l := range lines {
		// The line says the title, or its start: a <title> can carry
		// more than the headline's line ("Headline - Section").
		if nl := normTitle(l); nl == nt || wordCount(l) >= 4 && strings.HasPrefix(nt, nl+" ") {
			if proseUnder(lines, i) {
				return i
			}
			if first < 0 {
				first = i
			}
		}
	}
	if first >= 0 {
		return first
	}
	// Else the first line that says most of the title's words: the
	// headline worded for the page, the title for search ("Hazing
	// Victims Can Be Responsible, Too" under "Hazing Among Black
	// Greeks: Victims Can Be Responsible, Too").
	words := map[string]bool{}
	for _, w := range strings.Fields(nt) {
		words[w] = true
	}
	for i, l := range lines {
		f := strings.Fields(normTitle(l))
		if len(f) < 4 || len(f) > 30 {
			continue
		}
		in := 0
		for _, w := range f {
			if words[w] {
				in++
			}
		}
		if 4*in >= 3*len(f) && 2*in >= len(words) {
			return i
		}
	}
	return -1
}

// proseUnder reports a line of running text (more than proseWords
// words) within headerReach lines under line at.
func proseUnder(lines []string, at int) bool { return proseGap(lines, at) <= headerReach }

// proseGap is how many lines under line at the first line of running
// text stands, headerReach+1 when none does within headerReach.
func proseGap(lines []string, at int) int {
	for i := at + 1; i < len(lines) && i <= at+headerReach; i++ {
		if wordCount(lines[i]) > proseWords {
			return i - at
		}
	}
	return headerReach + 1
}

// proseWords is how many words make a line running text rather than a
// header's or a list's line.
const proseWords = 25

// headerOrder is the lines by a headline at line at, nearest first:
// headerBelow lines under it, then above lines over it.
func headerOrder(lines []string, at, above int) []int {
	var order []int
	for i := at + 1; i <= at+headerBelow && i < len(lines); i++ {
		order = append(order, i)
	}
	for i := at - 1; i >= max(0, at-above); i-- {
		order = append(order, i)
	}
	return order
}

// headerBelow is how far under the headline its byline and date are
// looked for.
const headerBelow = 8

// bylineAbove is how far over the headline a byline is looked for: a
// name over the headline is more often a section's or a teaser's than a
// date is.
const bylineAbove = 3

// headerByline is the byline printed by the headline at line at, for
// pages whose markup names no writer: a "By" or "Posted by" line
// (prefixedByline) in the lines under it, else the few over it.
func headerByline(lines []string, at int) string {
	if at < 0 {
		return ""
	}
	return prefixedByline(lines, headerOrder(lines, at, bylineAbove))
}

// headerDate is the date printed by the headline at line at: under it,
// else up to headerAbove lines over it, on a short line (a byline's or a
// dateline's, not a sentence of the story), a date in slashes read day
// first when dayFirst. Zero when the headline was not found or no date
// stands there.
func headerDate(lines []string, at int, dayFirst bool, now time.Time) time.Time {
	if at < 0 {
		return time.Time{}
	}
	future := now.Add(48 * time.Hour)
	for _, i := range headerOrder(lines, at, headerAbove) {
		if wordCount(lines[i]) > 25 {
			continue
		}
		if t := findDateOrdered(lines[i], dayFirst); !t.IsZero() && !t.After(future) {
			return t
		}
	}
	return time.Time{}
}
