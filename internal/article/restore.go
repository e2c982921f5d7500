package article

import (
	"strconv"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readability cleans its find conditionally: a <div> whose text is mostly
// links goes, and with it a paragraph of the story that happens to be one
// long link ("<p><a>The council voted last year…</a>, a decision…</p>",
// a style some newsrooms use for every reference). A listener misses
// that sentence. So each paragraph of the page is marked before
// Readability runs, and a paragraph it dropped comes back when the story
// holds it: it stands between two paragraphs Readability kept (or after
// the last one, in the same container), and it reads as running text.
//
// Subheadings go the same way: Readability drops every element whose
// class looks unlikely, and "subheader" holds "header". A dropped
// heading (h2 to h6) comes back when it heads what the story kept: it
// stands between two paragraphs Readability kept, the one after it is
// running text in the heading's container, and the heading is a few
// words that are not the page's furniture.

// markAttr is the attribute that numbers the page's paragraphs.
const markAttr = "data-aloud-p"

// headingAttr marks the page's subheadings (h2 to h6); its value is the
// number of the first paragraph after the heading.
const headingAttr = "data-aloud-h"

// marked are the page's paragraphs and subheadings, in document order.
type marked struct {
	paragraphs []*html.Node
	headings   []*html.Node
}

// markParagraphs numbers every <p> of the page, in document order, and
// marks each subheading with the number of the paragraph after it.
func markParagraphs(doc *html.Node) marked {
	var m marked
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			n.Attr = append(n.Attr, html.Attribute{Key: markAttr, Val: strconv.Itoa(len(m.paragraphs))})
			m.paragraphs = append(m.paragraphs, n)
		}
		if n.Type == html.ElementNode && subheading[n.DataAtom] {
			n.Attr = append(n.Attr, html.Attribute{Key: headingAttr, Val: strconv.Itoa(len(m.paragraphs))})
			m.headings = append(m.headings, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// subheading are the headings a story's body holds (its h1 is the
// headline).
var subheading = map[atom.Atom]bool{atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

// keptMarks are the marked elements of found: its paragraphs by number,
// and the paragraph numbers its subheadings head.
func keptMarks(found *html.Node, paragraphs int) (kept map[int]*html.Node, headed map[string]bool) {
	kept, headed = map[int]*html.Node{}, map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if v := attr(n, markAttr); v != "" {
				if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < paragraphs {
					kept[i] = n
				}
			}
			if v := attr(n, headingAttr); v != "" {
				headed[v] = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(found)
	return kept, headed
}

// restoreParagraphs puts back into found (Readability's result) the
// marked paragraphs of the page it dropped from inside the story, then
// the subheadings over them.
func restoreParagraphs(found *html.Node, m marked) {
	page := m.paragraphs
	if found == nil || len(page) == 0 {
		return
	}
	kept, headed := keptMarks(found, len(page))
	if len(kept) == 0 {
		return
	}
	prev := -1 // the last kept paragraph before i
	for i := 0; i < len(page); i++ {
		if _, ok := kept[i]; ok {
			prev = i
			continue
		}
		// The run of dropped paragraphs from i to the next kept one (or
		// the page's end): put back when it is short and all running
		// text, inside the story; a long run is a block Readability
		// meant to drop (a gallery's captions, a list of teasers).
		end := i
		for end < len(page) {
			if _, ok := kept[end]; ok {
				break
			}
			end++
		}
		run := page[i:end]
		if end == len(page) && prev >= 0 {
			// After the story's last kept paragraph: the paragraphs that
			// follow it in its container, not the page's footer.
			n := 0
			for n < len(run) && sameContainer(page[prev], run[n]) {
				n++
			}
			run = run[:n]
		}
		inside := prev >= 0 && len(run) > 0 && (end < len(page) || sameContainer(page[prev], run[0]))
		if inside && len(run) <= maxRestoredRun && allRestorable(run) {
			for _, p := range run {
				at := kept[prev]
				c := cloneTree(p)
				at.Parent.InsertBefore(c, at.NextSibling)
				kept[i] = c
				prev = i
				i++
			}
		}
		i = end - 1
	}
	restoreHeadings(m, kept, headed)
}

// restoreHeadings puts back the subheadings Readability dropped between
// two paragraphs of the story it kept (kept: those restoreParagraphs put
// back too), each over the paragraph it heads; headed are the numbers of
// the paragraphs a kept heading already heads.
func restoreHeadings(m marked, kept map[int]*html.Node, headed map[string]bool) {
	for _, h := range m.headings {
		v := attr(h, headingAttr)
		next, err := strconv.Atoi(v)
		if err != nil || next < 1 || next >= len(m.paragraphs) || headed[v] {
			continue
		}
		at, ok := kept[next]
		if _, before := kept[next-1]; !ok || !before || !headsText(h, m.paragraphs[next]) || !restorableHeading(h) {
			continue
		}
		at.Parent.InsertBefore(cloneTree(h), at)
		headed[v] = true
	}
}

// headsText reports a heading followed, in its container, by a
// paragraph of running text (a teaser's heading is followed by its
// one-line summary).
func headsText(h, next *html.Node) bool {
	t := cleanSpace(textOf(next))
	return wordCount(t) >= 6 && isSentence(t) && nearKin(h, next)
}

// nearKin reports two elements whose parents or grandparents meet: a
// heading set between a story's paragraphs, or over a paragraph that
// sits in a div of its own.
func nearKin(a, b *html.Node) bool {
	for pa, up := a.Parent, 0; pa != nil && up < 2; pa, up = pa.Parent, up+1 {
		for pb, down := b.Parent, 0; pb != nil && down < 2; pb, down = pb.Parent, down+1 {
			if pa == pb {
				return true
			}
		}
	}
	return false
}

// restorableHeading reports a dropped heading of a story's section: a
// few words (twenty at most) that are not the page's furniture ("Related
// stories", "Comments", "Like this:") nor a link to another page (a
// gallery's or a teaser's title), outside anything never read.
func restorableHeading(h *html.Node) bool {
	t := cleanSpace(textOf(h))
	if n := wordCount(t); n == 0 || n > 20 || isBoilerplate(t) || isTeaserLine(t) || isStopLine(t) || linkDensity(h, len(t)) >= 0.5 {
		return false
	}
	return !inUnread(h)
}

// maxRestoredRun is the most dropped paragraphs in a row put back.
const maxRestoredRun = 2

func allRestorable(ps []*html.Node) bool {
	for _, p := range ps {
		if !restorable(p) {
			return false
		}
	}
	return true
}

// restorable reports a dropped paragraph that is running text (a
// sentence of six words or more) and not inside something never read
// (comments, a caption, a share bar, a dialog).
func restorable(p *html.Node) bool {
	t := cleanSpace(textOf(p))
	if wordCount(t) < 6 || !isSentence(t) {
		return false
	}
	return !inUnread(p)
}

// inUnread reports an element inside something never read aloud.
func inUnread(p *html.Node) bool {
	for n := p; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (excluded(n) || neverRead(n)) {
			return true
		}
	}
	return false
}

// sameContainer reports two paragraphs with the same parent or
// grandparent.
func sameContainer(a, b *html.Node) bool {
	pa, pb := a.Parent, b.Parent
	if pa == nil || pb == nil {
		return false
	}
	return pa == pb || pa.Parent != nil && pa.Parent == pb.Parent
}

// cloneTree copies n and its descendants, detached.
func cloneTree(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneTree(k))
	}
	return c
}
