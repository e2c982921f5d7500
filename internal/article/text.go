package article

import (
	"strings"
)

var (
	mdImage    = lazy(`!\[[^\]]*\]\([^)]*\)`)
	mdLink     = lazy(`\[([^\]]*)\]\([^)]*\)`)
	mdRefLink  = lazy(`\[([^\]]+)\]\[[^\]]*\]`)
	mdEmphasis = lazy(`(\*\*|__|\*|_|~~|` + "`" + `)([^*_~` + "`" + `]+?)(\*\*|__|\*|_|~~|` + "`" + `)`)
	htmlTag    = lazy(`<[^>]+>`)
	listMarker = lazy(`^\s*(?:[-*+]|\d{1,3}[.)])\s+`)
	bylineLine = lazy(`^(?i)by\s+\S.{0,80}$`)
)

// parseMarkdown reads CommonMark-style articles: optional YAML front matter
// (title, author, date), a "# Title", headings, paragraphs, quotes, lists.
// Code blocks and images are not spoken.
func parseMarkdown(src string) Article {
	var a Article
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				frontMatter(lines[1:i], &a)
				lines = lines[i+1:]
				break
			}
		}
	}
	var para []string
	kind := Paragraph
	flush := func() {
		if t := cleanSpace(inlineMarkdown(strings.Join(para, " "))); t != "" {
			if kind == Paragraph && a.Byline == "" && len(a.Blocks) == 0 && bylineLine.MatchString(strings.Trim(t, "*_")) {
				a.Byline = strings.TrimSpace(strings.Trim(t, "*_")[3:])
			} else {
				a.Blocks = append(a.Blocks, Block{Kind: kind, Text: t})
			}
		}
		para, kind = nil, Paragraph
	}
	inFence := false
	for _, line := range lines {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
			flush()
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		switch {
		case trim == "":
			flush()
		case strings.HasPrefix(trim, "#"):
			flush()
			level := len(trim) - len(strings.TrimLeft(trim, "#"))
			text := cleanSpace(inlineMarkdown(strings.Trim(trim[level:], "# ")))
			if level == 1 && a.Title == "" && len(a.Blocks) == 0 {
				a.Title = text
			} else if text != "" && level <= 6 {
				a.Blocks = append(a.Blocks, Block{Kind: Heading, Level: level, Text: text})
			}
		case strings.HasPrefix(trim, ">"):
			if kind != Quote {
				flush()
			}
			kind = Quote
			para = append(para, strings.TrimLeft(trim, "> "))
		case listMarker.MatchString(line):
			flush()
			kind = ListItem
			para = append(para, listMarker.ReplaceAllString(line, ""))
		case strings.Trim(trim, "-*_ =") == "":
			flush() // thematic break or setext underline
		default:
			para = append(para, trim)
		}
	}
	flush()
	return a
}

func frontMatter(lines []string, a *Article) {
	for _, l := range lines {
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "title":
			a.Title = v
		case "author", "byline":
			a.Byline = v
		case "date", "published":
			a.Published = parseDate(v)
		case "url", "canonical_url":
			a.URL = resolve(nil, v)
		case "lang", "language":
			a.Language = v
		}
	}
}

func inlineMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdRefLink.ReplaceAllString(s, "$1")
	for range 3 {
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	s = htmlTag.ReplaceAllString(s, "")
	return s
}

// parseText reads plain text: paragraphs separated by blank lines (or one a
// line when there are none); a short first line is the title, and a "By …"
// line after it the byline. Text pasted from a whole web page is cleaned
// to the article: menus, "Skip to content", sign-up forms, share and
// cookie lines before the headline are dropped, and the text ends where
// "Most popular", "Related", comments or the footer begin.
func parseText(src string) Article {
	var a Article
	src = strings.ReplaceAll(src, "\r\n", "\n")
	var paras []string
	if strings.Contains(src, "\n\n") {
		for _, p := range strings.Split(src, "\n\n") {
			// A block of several short lines is a menu or a list of
			// links, one item a line: keep its lines apart.
			lines := strings.Split(strings.TrimSpace(p), "\n")
			if len(lines) > 1 && itemised(lines) {
				paras = append(paras, lines...)
			} else {
				paras = append(paras, p)
			}
		}
	} else {
		paras = strings.Split(src, "\n")
	}
	var ts []string
	for _, p := range paras {
		if t := cleanSpace(p); t != "" {
			ts = append(ts, t)
		}
	}
	// The body starts at the first real paragraph; the title is the
	// headline-like line nearest before it.
	start := -1
	for i, t := range ts {
		if isProse(t) && !boilerplate.MatchString(t) && !stopMarker.MatchString(t) {
			start = i
			break
		}
	}
	if start < 0 {
		start = 0
	}
	for i := start - 1; i >= 0; i-- {
		t := ts[i]
		switch {
		case a.Byline == "" && bylineLine.MatchString(t):
			a.Byline = strings.TrimSpace(t[3:])
			continue
		case dateLine.MatchString(t):
			if a.Published.IsZero() {
				a.Published = parseDate(datePart.FindString(t))
			}
			continue
		case boilerplate.MatchString(t):
			continue
		case isHeadline(t):
			a.Title = t
		}
		if a.Title != "" {
			break
		}
	}
	if a.Title == "" && start == 0 && len(ts) > 1 && isHeadline(ts[0]) && !isProse(ts[0]) {
		a.Title, start = ts[0], 1
	}
	for i := start; i < len(ts); i++ {
		t := ts[i]
		switch {
		case i > start && stopMarker.MatchString(t):
			return a
		case boilerplate.MatchString(t) || dateLine.MatchString(t) && len(a.Blocks) == 0:
			continue
		case a.Byline == "" && len(a.Blocks) == 0 && bylineLine.MatchString(t):
			a.Byline = strings.TrimSpace(t[3:])
			continue
		case a.Title == "" && len(a.Blocks) == 0 && isHeadline(t) && !isProse(t):
			a.Title = t
			continue
		}
		a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: t})
	}
	return a
}

var (
	// boilerplate are lines of a web page that are never the article.
	boilerplate = lazy(`(?i)^(?:skip to (?:main )?content|skip navigation|menu|main menu|search|close|home|subscribe(?: now| today)?|sign in|log ?in|sign up|register|account|newsletters?|\* ?indicates required|email(?: address)?\s*\*?|first name|last name|advertisement|ad|sponsored|share(?: this(?: article| story)?)?|share on \w+|copy link|facebook|twitter|x|linkedin|whatsapp|email|print|save|listen to (?:this )?(?:article|story).*|\d+ min(?:ute)?s? (?:read|listen)|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|we use cookies.*|this site uses cookies.*|image:.*|photo:.*|(?:image|photo|video)(?: credit)?:?\s.{0,80}|getty images|reuters|ap photo.*)$`)
	// stopMarker starts what follows an article on a page.
	stopMarker = lazy(`(?i)^(?:most (?:popular|read|viewed)|related(?: (?:articles|stories|coverage|content))?|more (?:from|on|stories)\b.*|recommended(?: for you)?|you (?:may|might) also like|read (?:more|next)|trending(?: now)?|comments?(?: \(\d+\))?|\d+ comments|join the conversation|sign up for .*|get (?:our|the) .*newsletter.*|follow us.*|©.*|copyright.*|all rights reserved.*|about us|contact us|privacy policy|terms (?:of|&) (?:use|service))$`)
	dateLine   = lazy(`(?i)^(?:(?:published|updated|posted|last updated)[: ]\s*)?(?:[a-z]+day,? )?(?:\d{1,2} [a-z]+ \d{4}|[a-z]+\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\d+ (?:minutes?|hours?|days?) ago)(?:[ ,·|-]+\d{1,2}[:.]\d{2}(?: ?[ap]\.?m\.?)?(?: [A-Z]{2,4})?)?$`)
)

// datePart is the date in a date line, as parseDate reads it.
var datePart = lazy(`(?i)\d{1,2} [a-z]+ \d{4}|[a-z]+ \d{1,2}, \d{4}|\d{4}-\d{2}-\d{2}`)

func wordCount(s string) int { return len(strings.Fields(s)) }

// isProse is a sentence of running text: long, or ending like a sentence.
func isProse(t string) bool {
	n := wordCount(t)
	end := strings.TrimRight(t, `"'”’)`)
	return n >= 12 || n >= 5 && strings.HasSuffix(end, ".") || n >= 5 && (strings.HasSuffix(end, "!") || strings.HasSuffix(end, "?"))
}

// isHeadline is a line that reads like a headline: a few words, no final
// full stop.
func isHeadline(t string) bool {
	n := wordCount(t)
	return n >= 2 && n <= 25 && len(t) <= 200 && !strings.HasSuffix(t, ".")
}

// itemised reports a block whose lines are separate items (a menu, a
// headline over its byline and date, a teaser list, a caption over a
// paragraph), not one paragraph wrapped over several lines.
func itemised(lines []string) bool {
	short := 0
	for _, l := range lines {
		l = cleanSpace(l)
		if bylineLine.MatchString(l) || dateLine.MatchString(l) || boilerplate.MatchString(l) || stopMarker.MatchString(l) {
			return true
		}
		if wordCount(l) <= 8 && !strings.HasSuffix(l, ".") {
			short++
		}
	}
	return 2*short >= len(lines)
}
