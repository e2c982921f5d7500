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

// markAttr is the attribute that numbers the page's paragraphs.
const markAttr = "data-aloud-p"

// markParagraphs numbers every <p> of the page, in document order, and
// returns them.
func markParagraphs(doc *html.Node) []*html.Node {
	var ps []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			n.Attr = append(n.Attr, html.Attribute{Key: markAttr, Val: strconv.Itoa(len(ps))})
			ps = append(ps, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return ps
}

// restoreParagraphs puts back into found (Readability's result) the
// marked paragraphs of the page it dropped from inside the story.
func restoreParagraphs(found *html.Node, page []*html.Node) {
	if found == nil || len(page) == 0 {
		return
	}
	kept := map[int]*html.Node{} // paragraph number → its copy in found
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if v := attr(n, markAttr); v != "" {
				if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(page) {
					kept[i] = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(found)
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
		inside := prev >= 0 && (end < len(page) || sameContainer(page[prev], run[0]))
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
	for n := p; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (excluded(n) || neverRead(n)) {
			return false
		}
	}
	return true
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
