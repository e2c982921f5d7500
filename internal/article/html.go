package article

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Form: true, atom.Button: true, atom.Svg: true, atom.Iframe: true,
	atom.Figure: true, atom.Figcaption: true, atom.Select: true, atom.Textarea: true, atom.Template: true,
	atom.Head: true, atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Audio: true, atom.Video: true, atom.Dialog: true,
}

var (
	unlikely = lazy(`(?i)comment|share|sharing|social|related|newsletter|promo|sidebar|footer|cookie|consent|banner|\bads?\b|advert|sponsor|popular|subscribe|signup|menu|breadcrumb|masthead|skip-link|teaser|outbrain|taboola|recirc|paywall|modal|popup|caption|credit|byline|\bauthors?\b|author-?(?:bio|box|info|card)|about-?the-?author`)
	likely   = lazy(`(?i)article|body|content|entry|main|post|story|text`)
)

func parseHTML(data []byte, base *url.URL, o Options) (Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, fmt.Errorf("%w: %v", ErrBadSource, err)
	}
	var a Article
	meta := readMeta(doc)
	a.Language = meta.lang
	a.Publication = firstNonEmpty(meta.siteName, meta.ldPublisher)
	a.Section = meta.section
	a.URL = resolve(base, firstNonEmpty(meta.canonical, meta.ogURL))
	a.Image = resolve(base, meta.image)

	// The main content is found by go-readability (a port of Mozilla's
	// Readability, the reader view of Firefox); the page's own metadata
	// wins where it is explicit, Readability's heuristics fill gaps.
	pageURL := base
	if pageURL == nil {
		pageURL = &url.URL{Scheme: "http", Host: "localhost", Path: "/"}
	}
	var root *html.Node
	prune(doc)
	lines := pageLines(doc)
	paragraphs := markParagraphs(doc)
	parser := readability.NewParser()
	// Keep class names: they tell comments, captions and share bars,
	// which excluded() leaves out of what is read aloud.
	parser.KeepClasses = true
	var rTitle, rByline string
	var rDate *time.Time
	if ra, err := parser.ParseDocument(doc, pageURL); err == nil {
		root = ra.Node
		restoreParagraphs(root, paragraphs)
		rTitle, rByline, rDate = ra.Title, ra.Byline, ra.PublishedTime
		if a.Language == "" {
			a.Language = ra.Language
		}
		if a.Publication == "" {
			a.Publication = ra.SiteName
		}
		if a.Image == "" && ra.Image != "" {
			a.Image = resolve(base, ra.Image)
		}
	}
	where := a.URL
	if where == "" && base != nil {
		where = base.String()
	}
	host := ""
	if u, err := url.Parse(where); err == nil {
		host = u.Hostname()
	}
	if root != nil {
		meta.lead = leadSet(leadText(root))
	}
	meta.headlines = headlineLines(lines)
	a.Title = chooseTitle(meta, rTitle, host)
	a.Byline = chooseByline(meta, rByline, host)
	headline := titleLine(lines, a.Title)
	if a.Byline == "" {
		a.Byline = headerByline(lines, headline)
	}
	meta.printed = headerDate(lines, headline, writesDayFirst(a.Language), time.Now())
	a.Published = chooseDate(meta, rDate, where, time.Now())
	if root == nil {
		root = bestCandidate(doc)
	}
	fixAtoms(root)
	if root == nil {
		return a, nil
	}
	a.Blocks = collectBlocks(root, a.Title, a.Byline, o.Captions)
	// Readability scores paragraphs; on a page with little running text it
	// can settle on a sidebar. When what it found is short (under 100
	// words) and the page marks its article's body (schema.org's
	// articleBody, hAtom's entry-content or a CMS's article-body) that
	// holds more, the page's own word wins. (Not on longer finds: a
	// marked body often carries galleries and players that Readability's
	// cleaning took out.)
	if body := markedBody(doc); body != nil && blockWords(a.Blocks) < 100 {
		if mb := collectBlocks(body, a.Title, a.Byline, o.Captions); blockWords(mb) > 2*blockWords(a.Blocks)+10 {
			a.Blocks = mb
		}
	}
	if lb := ldBodyBlocks(meta.ldBodies, a.Blocks, a.Title, a.Byline, o.Captions); lb != nil {
		a.Blocks = lb
	}
	// A photo story is told in its captions: where they hold more words
	// than the running text around them, and that text is short,
	// they are read whatever the setting.
	if !o.Captions && blockWords(a.Blocks) < photoStoryWords {
		if wc := collectBlocks(root, a.Title, a.Byline, true); blockWords(wc) > 2*blockWords(a.Blocks) {
			a.Blocks = wc
		}
	}
	a.Blocks = dropRepeats(dropSelfPromotion(cutAtComments(cutThread(a.Blocks)), a.Publication))
	return a, nil
}

// cutAtComments ends the story at a line of a few words that heads
// readers' comments or the page's foot ("Comments", "Kommentare (12)",
// "3 réponses", "Previous post", "© 2026 Zeitung", "Impressum"), as the
// copied-text reader does (isStopLine), once minArticleWords have been
// read: what follows is readers' talk or the site's.
func cutAtComments(blocks []Block) []Block {
	words := 0
	for i, b := range blocks {
		if words >= minArticleWords && wordCount(b.Text) <= 6 && isStopLine(b.Text) {
			return blocks[:i]
		}
		words += wordCount(b.Text)
	}
	return blocks
}

// repeatWords is the fewest words a paragraph must have to count as
// said twice: a refrain of a few words may be the story's.
const repeatWords = 10

// dropRepeats removes a run of two different paragraphs or more that
// the body already read word for word, in the same order: a story a
// page prints twice (a summary's copy above the full text). A paragraph
// said again alone stays: a page may repeat one on purpose.
func dropRepeats(blocks []Block) []Block {
	keys := make([]string, len(blocks)) // each paragraph's text; "" for a heading or a short one
	for i, b := range blocks {
		if b.Kind != Heading && wordCount(b.Text) >= repeatWords {
			keys[i] = b.Text
		}
	}
	first := map[string]int{} // a paragraph's text → where it was first read
	drop := make([]bool, len(blocks))
	for i := 0; i < len(blocks); i++ {
		k := keys[i]
		at, seen := first[k]
		if k == "" || !seen {
			if k != "" {
				first[k] = i
			}
			continue
		}
		// The run that repeats from at: as long as the next ones match.
		n, differ := 1, false
		for i+n < len(blocks) && at+n < i && keys[i+n] != "" && keys[i+n] == keys[at+n] {
			differ = differ || keys[i+n] != k
			n++
		}
		if differ { // a run of one paragraph said over and over stays
			for j := i; j < i+n; j++ {
				drop[j] = true
			}
			i += n - 1
		}
	}
	kept := blocks[:0:0]
	for i, b := range blocks {
		if !drop[i] {
			kept = append(kept, b)
		}
	}
	return kept
}

// dropSelfPromotion removes, from the end of the body, the
// publication's appeals to its readers: up to three paragraphs of forty
// words at most that name the publication and ask to subscribe, sign up
// or support it ("Thanks for reading The Courier Letter! Subscribe for
// free to receive new posts"). A story that ends on some other
// newsletter or service keeps it: the name must be the publication's.
func dropSelfPromotion(blocks []Block, publication string) []Block {
	name := strings.TrimSpace(publication)
	if len(name) < 4 || len(name) > 120 || wordCount(name) == 0 {
		return blocks // no name, or none a paragraph would say
	}
	named := regexp.MustCompile(`(?i)(?:^|[^\pL\d])` + regexp.QuoteMeta(name) + `(?:$|[^\pL\d])`)
	end := len(blocks)
	for end > 1 && len(blocks)-end < 3 {
		b := blocks[end-1]
		if b.Kind == Heading || wordCount(b.Text) > 40 || !named.MatchString(b.Text) || !appeal.MatchString(b.Text) {
			break
		}
		end--
	}
	return blocks[:end]
}

// appeal is a publication asking its readers, in the imperative or
// thanking them, to subscribe, sign up or support it, in the languages
// aloud reads most. (Not "subscribers" or "donation": a story can end
// on the publication's own news.)
var appeal = lazy(`(?i)thanks? (?:you )?for reading|\bsubscribe\b|\bsign up\b|support (?:my|our|us)\b|become a (?:member|subscriber|patron)|\bdonate\b|abonnieren|abonnez|abonne-toi|suscríbete|suscribirse|abbonati|iscriviti|assine|prenumeruj|подпишитесь|подписывайтесь|підпишіться|підписуйтесь|передплатіть`)

// bodyClass names the element that holds an article's body: hAtom's
// entry-content, and the names publishing systems give it.
var bodyClass = lazy(`(?i)(?:^|\s)(?:entry-content|post-content|post-body|article-body|article__body|articlebody|story-body|story-content|article-content)(?:\s|$)`)

// markedBody is the one element a page marks as its article's body:
// itemprop=articleBody, else a class that names it (bodyClass). None
// when there is none, or more than one (a list of posts).
func markedBody(doc *html.Node) *html.Node {
	var byProp, byClass []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if strings.Contains(attr(n, "itemprop"), "articleBody") {
				byProp = append(byProp, n)
			} else if bodyClass.MatchString(attr(n, "class")) {
				byClass = append(byClass, n)
				return // the names nest: the outermost is the body
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	switch {
	case len(byProp) == 1:
		return byProp[0]
	case len(byProp) == 0 && len(byClass) == 1:
		return byClass[0]
	}
	return nil
}

func blockWords(blocks []Block) int {
	n := 0
	for _, b := range blocks {
		n += len(strings.Fields(b.Text))
	}
	return n
}

// bestCandidate scores elements by the paragraph text they hold, as
// readability does: each paragraph adds to its parent and half as much to
// its grandparent; the element with the most wins.
func bestCandidate(doc *html.Node) *html.Node {
	scores := map[*html.Node]float64{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && excluded(n) {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Pre || n.DataAtom == atom.Blockquote) {
			t := cleanSpace(textOf(n))
			if len(t) >= 25 {
				s := 1 + float64(strings.Count(t, ",")) + min(float64(len(t))/100, 3)
				if p := n.Parent; p != nil {
					scores[p] += s
					if g := p.Parent; g != nil {
						scores[g] += s / 2
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	var best *html.Node
	for n, s := range scores {
		if likely.MatchString(attr(n, "class")+" "+attr(n, "id")) || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			s *= 1.25
		}
		scores[n] = s
		if best == nil || s > scores[best] {
			best = n
		}
	}
	return best
}

var captionClass = lazy(`(?i)caption`)

// photoStoryWords is the most running text a photo story has beside its
// captions.
const photoStoryWords = 300

// inCaption reports whether n is a figure or caption or within one.
func inCaption(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption ||
			n.Type == html.ElementNode && captionClass.MatchString(attr(n, "class")+" "+attr(n, "id")) {
			return true
		}
	}
	return false
}

// creditTail is what closes a caption in brackets.
var creditTail = lazy(`\s*[(\[]([^()\[\]]{2,80})[)\]]\s*$`)

// dropCredit removes a caption's closing credit: brackets whose every
// word is a name's ("(ED Jones/AFP/Getty Images)", "(@drewbrees/Twitter)",
// "(AP Photo/Evan Vucci)"); "(file)" or "(left to right)" stay.
func dropCredit(t string) string {
	m := creditTail.FindStringSubmatchIndex(t)
	if m == nil || m[0] == 0 {
		return t
	}
	words := strings.FieldsFunc(t[m[2]:m[3]], func(r rune) bool {
		return unicode.IsSpace(r) || r == '/' || r == ',' || r == ';' || r == ':' || r == '|'
	})
	if len(words) == 0 {
		return t
	}
	for _, w := range words {
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && r != '@' {
			return t
		}
	}
	return strings.TrimSpace(t[:m[0]])
}

// skipped is excluded, except that figures and captions are read when
// captions are asked for (credits never are).
func skipped(n *html.Node, captions bool) bool {
	if captions && (n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption ||
		captionClass.MatchString(attr(n, "class")+" "+attr(n, "id")) && !strings.Contains(strings.ToLower(attr(n, "class")), "credit")) {
		return hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true")
	}
	return excluded(n)
}

func excluded(n *html.Node) bool {
	if skipTags[n.DataAtom] {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") ||
		strings.Contains(strings.ReplaceAll(attr(n, "style"), " ", ""), "display:none") {
		return true
	}
	if n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main ||
		strings.Contains(attr(n, "itemprop"), "articleBody") {
		return false
	}
	ci := attr(n, "class") + " " + attr(n, "id")
	if !unlikely.MatchString(ci) || likely.MatchString(ci) {
		return false
	}
	// A name is a hint, not proof: an element that holds running text is
	// read whatever it is called (a story inside div.paywall or an ad
	// slot's wrapper, a section whose id was made from its heading,
	// "sharing-with-a-single-developer"). Comments and consent banners
	// are left out however long.
	return neverReadClass.MatchString(ci) || !holdsProse(n)
}

// holdsProse reports whether n holds running text: three paragraphs or
// more of at least 80 characters each that are not mostly links. Share
// bars, lists of related links, captions and ad slots never do.
func holdsProse(n *html.Node) bool {
	count := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Blockquote) {
			if t := cleanSpace(textOf(n)); len(t) >= 80 && linkDensity(n, len(t)) < 0.5 {
				count++
			}
			return count >= 3
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// linkDensity is the share of n's text (textLen characters) inside links.
func linkDensity(n *html.Node, textLen int) float64 {
	if textLen == 0 {
		return 0
	}
	inLinks := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			inLinks += len(cleanSpace(textOf(n)))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return float64(inLinks) / float64(textLen)
}

func collectBlocks(root *html.Node, title, byline string, captions bool) []Block {
	var blocks []Block
	var from []*html.Node // the element each block was read from
	var walk func(n *html.Node)
	addText := func(k Kind, level int, t string, n *html.Node) {
		t = cleanSpace(t)
		if captions && inCaption(n) {
			t = dropCredit(t)
		}
		if t == "" || (k == Heading && strings.EqualFold(t, title)) || isByline(t, byline) {
			return
		}
		// The byline and the date as the page prints them over the
		// story: the intro says both.
		if len(blocks) < 3 && k != Heading && (isBylineLine(t, byline) || isDateLine(t)) {
			return
		}
		blocks = append(blocks, Block{Kind: k, Level: level, Text: t})
		from = append(from, n)
	}
	teaserAt := -1 // where the last teaser box's title was left out
	add := func(k Kind, level int, n *html.Node) {
		t := spokenText(n)
		if k != Heading && (isCallToAction(n, t) || inMediaBox(n, t) || isPageLabel(n, t)) || k == Heading && nearMedia(n) {
			if isTeaserLine(cleanSpace(t)) {
				teaserAt = len(blocks)
			}
			return
		}
		addText(k, level, t, n)
	}
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			return
		}
		if skipped(n, captions) {
			return
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			add(Heading, int(n.Data[1]-'0'), n)
			return
		case atom.P, atom.Pre:
			add(Paragraph, 0, n)
			return
		case atom.Blockquote:
			if !hasBlockChild(n) {
				add(Quote, 0, n)
				return
			}
			before := len(blocks)
			inline(n, walk, addText, captions)
			for i := before; i < len(blocks); i++ {
				if blocks[i].Kind == Paragraph {
					blocks[i].Kind = Quote
				}
			}
			return
		case atom.Li:
			if !hasBlockChild(n) {
				add(ListItem, 0, n)
				return
			}
		}
		inline(n, walk, addText, captions)
	}
	walk(root)
	// A teaser box's items after its title ("Mehr zum Thema", then a
	// headline) when nothing but such lines follows: the other stories'
	// headlines, no sentence of this one.
	if teaserAt > 0 && !slices.ContainsFunc(blocks[teaserAt:], func(b Block) bool { return isSentence(b.Text) || wordCount(b.Text) > 15 }) {
		blocks, from = blocks[:teaserAt], from[:teaserAt]
	}
	return dropTrailingHeadings(dropEmptySections(blocks, from))
}

// dropEmptySections removes the headings whose box held more than the
// heading, none of it read: a "What to know" or "More on this story"
// box whose links were left out leaves its heading alone over the next
// part of the story. (A heading wrapped alone in a div of its own heads
// what follows the div, and stays; so do the headings of an article that
// is headings alone.)
func dropEmptySections(blocks []Block, from []*html.Node) []Block {
	var kept []Block
	for i, b := range blocks {
		if b.Kind == Heading && from[i] != nil && from[i].Parent != nil {
			box := from[i].Parent
			more := false
			for c := from[i].NextSibling; c != nil && !more; c = c.NextSibling {
				code := c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Noscript || c.DataAtom == atom.Template
				more = !code && cleanSpace(textOf(c)) != ""
			}
			if more && (i+1 == len(blocks) || !inside(box, from[i+1])) {
				continue
			}
		}
		kept = append(kept, b)
	}
	if len(kept) == 0 {
		return blocks // headings alone, as dropTrailingHeadings keeps them
	}
	return kept
}

// inside reports whether n is box or within it.
func inside(box, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == box {
			return true
		}
	}
	return false
}

// spokenText is n's text without the links that are a symbol alone: a
// heading's permalink ("#", "¶", "§", "🔗") and a footnote's way back
// ("↩"), which are no words.
func spokenText(n *html.Node) string {
	if !hasSymbolLink(n) {
		return textOf(n)
	}
	c := cloneTree(n)
	var strip func(n *html.Node)
	strip = func(n *html.Node) {
		for k := n.FirstChild; k != nil; {
			next := k.NextSibling
			if k.Type == html.ElementNode && k.DataAtom == atom.A && symbolOnly(textOf(k)) {
				n.RemoveChild(k)
			} else {
				strip(k)
			}
			k = next
		}
	}
	strip(c)
	return textOf(c)
}

// hasSymbolLink reports a link under n whose text is a symbol alone.
func hasSymbolLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		return symbolOnly(textOf(n))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasSymbolLink(c) {
			return true
		}
	}
	return false
}

// symbolOnly reports a link's text that is a permalink's or a back
// reference's mark alone: "#", "¶", "§", "^", "↩", "↑", "🔗", "⚓".
// (Other punctuation stays: a page can link ")" or "-" of a sentence.)
func symbolOnly(t string) bool {
	t = strings.TrimSpace(t)
	return t != "" && strings.Trim(t, "#¶§^↩↑🔗⚓\ufe0f\u00a0 ") == ""
}

// isCallToAction reports a paragraph or list item that is one short link
// and nothing else: "Learn more.", "Sign up for our newsletter", a
// teaser's headline in a list of more stories. (A sentence of the story
// that is mostly a link is longer, and stays.)
func isCallToAction(n *html.Node, text string) bool {
	if len(text) > 400 {
		return false // far more than twelve words
	}
	t := cleanSpace(text)
	return wordCount(t) <= 12 && linkDensity(n, len(t)) >= 0.9
}

// isPageLabel reports a paragraph that is the page's words, not the
// story's: the furniture lines the copied-text reader knows in ten
// languages, a dozen words at most ("Article réservé aux abonnés", "3
// Min. Lesezeit", "Anzeige", "Most read"), a short line with no word
// at all (a share count, a price, "* * *"), and a pointer to another
// story ("Lire aussi : <a>…</a>", "READ MORE: <a>…</a>") whose words are
// mostly its link.
func isPageLabel(n *html.Node, text string) bool {
	if isLabelText(text) {
		return true
	}
	if t := text; !inkOver(t, 20) && strings.IndexFunc(t, unicode.IsLetter) < 0 && len(cleanSpace(t)) <= 20 {
		return true // a counter ("128" shares), a price, "* * *": no words (a table's cells are not paragraphs)
	}
	if inkOver(text, 600) || inkOver(text, 250) && !strings.Contains(text, ":") {
		return false // far more than a label, and no pointer's colon
	}
	t := cleanSpace(text)
	lead, _, ok := strings.Cut(t, ":")
	return ok && wordCount(lead) <= 4 && (isTeaserLine(lead) || teaserLead.MatchString(lead)) && linkDensity(n, len(t)) >= 0.5
}

// isLabelText reports text that is the page's words by its words alone,
// wherever it stands (a paragraph, or text loose in a sidebar's div): a
// site's legal footer, the furniture lines of isBoilerplate and
// isTeaserLine ("NEWSLETTER SIGN UP", "Most read"), a comment form's
// notes, a rights notice.
func isLabelText(text string) bool {
	if rightsHint(text) && !inkOver(text, 1200) && isSiteLegal(cleanSpace(text)) {
		return true // "… © 2012 TheaterMania.com, Inc. All Rights Reserved. Terms of Use"
	}
	if inkOver(text, 600) || inkOver(text, 250) && !strings.Contains(text, ":") {
		return false // far more than a label
	}
	t := cleanSpace(text)
	if wordCount(t) <= 12 && (isBoilerplate(t) || isTeaserLine(t)) || isCommentForm(t) {
		return true // a comment form's notes, where the page set the form outside a <form>
	}
	return wordCount(t) <= 30 && isCopyrightLine(t) // "© 2023 The Courier. All rights reserved."
}

// inkOver reports text with more than n bytes that are not white space
// (a page's markup indents short labels with hundreds of spaces).
func inkOver(text string, n int) bool {
	if len(text) <= n {
		return false
	}
	ink := 0
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			if ink++; ink > n {
				return true
			}
		}
	}
	return false
}

// teaserLead opens a line that points to another story, in English (the
// other languages' are in the teaser phrases).
var teaserLead = lazy(`(?i)^\s*(?:` + pointerLabels + `|related \pL+|more|watch|listen|recommended)\s*$`)

// mediaClass names a video or audio player or an embed.
var mediaClass = lazy(`(?i)(?:^|[\s_-])(?:video|player|embed|jwplayer|vjs)(?:[\s_-]|$)`)

// nearMedia reports a heading that titles a video, an audio player or an
// embed: its parent or grandparent is named for one, or is a small box
// (a dozen children at most, not the article itself) that holds one.
func nearMedia(n *html.Node) bool {
	for up, p := 0, n.Parent; up < 2 && p != nil; up, p = up+1, p.Parent {
		if mediaClass.MatchString(classWords(p)) {
			return true
		}
		children, media := 0, false
		for c := p.FirstChild; c != nil && children <= 12; c = c.NextSibling {
			if c.Type == html.ElementNode {
				children++
				media = media || c.DataAtom == atom.Video || c.DataAtom == atom.Audio || c.DataAtom == atom.Iframe || c.DataAtom == atom.Object || c.DataAtom == atom.Embed
			}
		}
		if media && children <= 12 {
			return true
		}
	}
	return false
}

// inMediaBox reports a short block inside a video or audio player's box
// (its own class, its parent's or grandparent's names one, and holds 40
// words at most): the video's title, "Now playing", its duration
// ("8:09") are the player's, not the story's.
func inMediaBox(n *html.Node, text string) bool {
	if wordCount(text) > 20 {
		return false
	}
	for up, p := 0, n; up < 3 && p != nil; up, p = up+1, p.Parent {
		if p.Type == html.ElementNode && mediaClass.MatchString(classWords(p)) {
			// A player's box is small; a post classed "tag-video" is
			// the article itself.
			return wordCount(textOf(p)) <= 40
		}
	}
	return false
}

// classWords is an element's class and id with camel case split into
// words ("embeddedVideoContainer" embedded Video Container), for the
// class patterns to match words either way.
func classWords(n *html.Node) string {
	s := attr(n, "class") + " " + attr(n, "id")
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// dropTrailingHeadings removes the headings at the end, with nothing
// under them (what a removed list of teasers or a player leaves), unless
// the article is headings alone.
func dropTrailingHeadings(blocks []Block) []Block {
	end := len(blocks)
	for end > 0 && blocks[end-1].Kind == Heading {
		end--
	}
	if end == 0 {
		return blocks
	}
	return blocks[:end]
}

// inline walks a container's children: runs of text and inline elements
// between its block children (text loose in a div, a table cell, a
// definition) become paragraphs; block children are walked.
func inline(n *html.Node, walk func(*html.Node), addText func(Kind, int, string, *html.Node), captions bool) {
	var run strings.Builder
	flush := func() {
		if !isLabelText(run.String()) {
			addText(Paragraph, 0, run.String(), n)
		}
		run.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode:
			run.WriteString(c.Data)
		case c.Type != html.ElementNode:
		case isBlock(c):
			flush()
			walk(c)
		case !skipped(c, captions):
			run.WriteString(textOf(c))
		}
	}
	flush()
}

// blockTags start a new block of text.
var blockTags = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Caption: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Center: true, atom.Figure: true, atom.Footer: true, atom.Nav: true, atom.Aside: true,
	atom.Form: true, atom.Fieldset: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

func isBlock(n *html.Node) bool { return blockTags[n.DataAtom] }

// prune removes what is never read aloud (scripts, navigation, hidden
// elements, comments, share bars, captions and credits, ads) before the
// main content is looked for, while class names still say what each is.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && neverRead(c) {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}

// neverReadClass names what no reader wants read aloud, whatever the
// page's layout: comments, cookie and consent banners, newsletter sign-ups,
// "most popular" and recommendation widgets.
var neverReadClass = lazy(`(?i)comment|disqus|cookie|consent|newsletter|signup|sign-up|outbrain|taboola|most-?popular|recirc`)

func neverRead(n *html.Node) bool {
	if n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main || n.DataAtom == atom.Html {
		return false
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") && n.DataAtom != atom.Svg {
		return true
	}
	// A dialog (a paywall's offer, a consent form, a sign-up box) lies
	// over the page; it is never the story, unless it holds one.
	if role := strings.ToLower(attr(n, "role")); role == "dialog" || role == "alertdialog" || strings.EqualFold(attr(n, "aria-modal"), "true") {
		return !holdsArticle(n)
	}
	ci := attr(n, "class") + " " + attr(n, "id")
	return neverReadClass.MatchString(ci) && !likely.MatchString(ci)
}

// holdsArticle reports an element with an <article> or the article's
// body (itemprop=articleBody) inside.
func holdsArticle(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Article || strings.Contains(attr(c, "itemprop"), "articleBody") || holdsArticle(c)) {
			return true
		}
	}
	return false
}

// fixAtoms gives elements that Readability created (by tag name only)
// their atom, which the walk below switches on.
func fixAtoms(n *html.Node) {
	if n == nil {
		return
	}
	if n.Type == html.ElementNode && n.DataAtom == 0 {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c)
	}
}

// isByline reports a paragraph that only repeats the byline ("By Dana Whitfield").
func isByline(t, byline string) bool {
	if byline == "" {
		return false
	}
	t = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(t, "By "), "by "))
	return strings.EqualFold(t, byline)
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.P, atom.Ul, atom.Ol, atom.Div, atom.Blockquote, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			return true
		}
	}
	return false
}

// textOf is the text of a node and its descendants, with <br> as a space and
// hidden or non-text elements left out.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			if n.DataAtom == atom.Br {
				b.WriteByte(' ')
				return
			}
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Noscript {
				if n.Parent == nil || n.Parent.Type != html.DocumentNode {
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n.DataAtom == atom.Script {
		// JSON-LD: the raw text of the script element.
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(c.Data)
		}
		return b.String()
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func resolve(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if !u.IsAbs() {
		return ""
	}
	u.User = nil // credentials are never published
	return u.String()
}

var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04", time.DateOnly, time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700", "2006/01/02 15:04:05", "2006/01/02", "20060102150405", "20060102", "January 2, 2006", "Jan 2, 2006", "2 January 2006"}

// parseDate reads a date as metadata writes it: the layouts above, else
// a date as pages print it ("March 4, 2025 at 10:15 AM", "04.03.2025";
// the day alone).
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	if len(s) > 64 {
		return time.Time{} // a field, not a text
	}
	return findDate(s)
}
