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
