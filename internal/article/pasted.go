package article

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Plain text comes two ways: an article someone wrote or saved as text
// (a title, maybe a byline, paragraphs), and a whole web page selected
// and copied from a browser: menus, promos, "Skip to content", the
// headline, a byline and date line, captions, the body, then teasers,
// comments and the footer. Both are read the same way, by what holds on
// any page in any language rather than by the words a site uses:
//
//   - the body is the stretch of the text that is densest in sentences:
//     each line of running text counts for its words, each other line
//     (a menu item, a button, a teaser's headline) against, and the
//     stretch with the highest sum wins (the maximum-sum run);
//   - the title is the headline-like line that stands nearest before the
//     body, skipping byline, date and caption lines; a line that repeats
//     (the page's header and the article's headline) is preferred;
//   - the byline and the date are read from the lines around the title
//     and the body's start: "By …" in the languages aloud reads, or a
//     line of names beside a date; dates in any of the forms findDate
//     knows.

// parseText reads plain text, pasted from a page or written as text.
func parseText(src string) Article {
	var a Article
	units := textUnits(src)
	if len(units) == 0 {
		return a
	}
	start, end := bodySpan(units)
	// The header: the lines before the body, back to the title, and the
	// first few of the body, where bylines and dates stand.
	title := chooseTextTitle(units, start)
	if title >= 0 {
		a.Title = units[title]
	}
	from := max(0, start-headerReach)
	if title >= 0 {
		from = max(0, title-2)
	}
	a.Byline = textByline(units, from, min(end, start+3), title)
	a.Published = textDate(units, from, min(end, start+3))

	for i := start; i < end; i++ {
		t := units[i]
		if i == title || boilerplate.MatchString(t) || i < start+3 && (isDateLine(t) || isBylineLine(t, a.Byline)) {
			continue
		}
		k := Paragraph
		if !isSentence(t) && wordCount(t) <= 15 {
			k = Heading
		}
		a.Blocks = append(a.Blocks, Block{Kind: k, Text: t})
	}
	// A subheading is never the last thing read.
	for len(a.Blocks) > 0 && a.Blocks[len(a.Blocks)-1].Kind == Heading {
		a.Blocks = a.Blocks[:len(a.Blocks)-1]
	}
	return a
}

// headerReach is how many lines before the body the title, byline and
// date are looked for; anchorReach, how far before it a byline or date
// line is the article's (further up, it belongs to a teaser).
const headerReach, anchorReach = 15, 12

// textUnits splits text into its lines of text: paragraphs separated by
// blank lines, their wrapped lines joined; a block of short items (a
// menu, a headline over its byline and date) is kept a line an item.
// Text without blank lines is read a line a unit.
func textUnits(src string) []string {
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	var paras []string
	if strings.Contains(src, "\n\n") {
		for _, p := range strings.Split(src, "\n\n") {
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
	var units []string
	for _, p := range paras {
		if t := cleanSpace(p); t != "" {
			units = append(units, t)
		}
	}
	return units
}

// itemised reports a block whose lines are separate items (a menu, a
// headline over its byline and date, a teaser list, a caption over a
// paragraph), not one paragraph wrapped over several lines: half its
// lines or more are short and end without a sentence's end, or one is a
// byline or date line.
func itemised(lines []string) bool {
	short := 0
	for _, l := range lines {
		l = cleanSpace(l)
		if isBylineLine(l, "") || isDateLine(l) || boilerplate.MatchString(l) || stopMarker.MatchString(l) || teaserMarker.MatchString(l) {
			return true
		}
		if wordCount(l) <= 8 && !isSentence(l) {
			short++
		}
	}
	return 2*short >= len(lines)
}

// bodySpan finds the body: the run of units with the greatest sum of
// weights (unitWeight), ending at the first line that ends an article
// ("Most popular", "Comments") after running text. A run of
// lines that are not running text costs at most gapCap words, however
// long: a video player's controls, a gallery or a code listing in the
// middle of an article cost no more than a short paragraph. Text with no
// running text at all is all body, as written.
func bodySpan(units []string) (start, end int) {
	best, bestStart, bestEnd := 0, 0, 0
	sum, runStart, gap := 0, 0, 0
	for i, u := range units {
		if stopMarker.MatchString(u) {
			if best >= minArticleWords {
				break // the article has been read; comments or teasers follow
			}
			sum, runStart, gap = 0, i+1, 0
			continue
		}
		w := unitWeight(u)
		if w < 0 {
			// The gap's cost so far is capped: only what is left under
			// the cap is taken.
			cost := min(-w, max(gapCap-gap, 0))
			gap -= w
			w = -cost
		} else {
			gap = 0
		}
		if sum <= 0 {
			sum, runStart = 0, i
		}
		sum += w
		if sum > best {
			best, bestStart, bestEnd = sum, runStart, i+1
		}
	}
	if best == 0 {
		return 0, len(units)
	}
	return bestStart, bestEnd
}

// minArticleWords is how much running text makes an article: a line
// that ends an article ("Comments") after this much ends the search; one
// before it is a menu's link.
const minArticleWords = 40

// gapCap is the most a run of lines that are not running text costs.
var gapCap = 100

// unitWeight is what a line adds to the body: its words when it is a
// sentence (or a long run of lower-case prose), a cost when it is not
// (a menu item, a button, a headline); boilerplate costs more.
func unitWeight(t string) int {
	w := wordCount(t)
	switch {
	case boilerplate.MatchString(t) || teaserMarker.MatchString(t):
		return -4
	case isSentence(t) && w >= 2 && (w > 20 || proseCase(t)), w >= 20 && proseCase(t):
		// A sentence; not a headline in title case that ends with a
		// question or an abbreviation ("… What’s Underneath N.Y.C.").
		return w
	}
	return -(lineCost + w/lineCostPer)
}

// The cost of a line that is not running text: a fixed part, and a word
// in lineCostPer.
var lineCost, lineCostPer = 3, 3

// isSentence reports a line that ends as a sentence does, in any script:
// a full stop, a question or exclamation mark, an ellipsis; a colon after
// a clause (a paragraph that introduces a quote).
func isSentence(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]）」』`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '؟', '।', '։', '።':
		return true
	case ':', '：':
		return wordCount(t) >= 6
	}
	return false
}

// proseCase reports text that is written, not titled: most of its words
// start in lower case (in scripts with case; always true in others).
func proseCase(t string) bool {
	lower, cased := 0, 0
	for _, f := range strings.Fields(t) {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			cased++
		} else if unicode.IsLower(r) {
			cased++
			lower++
		}
	}
	return cased == 0 || 2*lower >= cased
}

// wordCount counts words, and in scripts written without spaces
// (Chinese, Japanese) a word for every two characters.
func wordCount(s string) int {
	n, wide := 0, 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++ // a word; "&", "—" and "|" are not
		}
		for _, r := range f {
			if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
				wide++
			}
		}
	}
	return max(n, wide/2)
}

// isHeadline is a line that reads like a headline: a few words (or, in
// Chinese and Japanese, characters), no final full stop, not a date, a
// byline or a line of page furniture.
func isHeadline(t string) bool {
	n := wordCount(t)
	return n >= 2 && n <= 30 && len(t) <= 300 && !strings.HasSuffix(t, ".") &&
		!isDateLine(t) && !isBylineLine(t, "") && !boilerplate.MatchString(t) && !stopMarker.MatchString(t) && !teaserMarker.MatchString(t) &&
		strings.IndexFunc(t, unicode.IsLetter) >= 0
}

// chooseTextTitle finds the headline before the body (start). Pages set
// a headline over its byline and date, with a standfirst between at
// most, and a section's name over it at most: so the title is the
// topmost headline-like line in the four lines above the byline or date
// line nearest the body, one of six words or more if there is one (a
// section's name is shorter), else of three (lines of names are skipped:
// they are a byline without its "By"). Without such a line: a
// headline-like line the page repeats (its header and its article say
// the same), else the nearest of three words or more, else the nearest.
// A text that begins with its body has its first line as title when
// that reads as a headline.
func chooseTextTitle(units []string, start int) int {
	from := max(0, start-headerReach)
	to := min(len(units), start+3)
	for a := to - 1; a >= max(from+1, start-anchorReach); a-- {
		u := units[a]
		relative := relativeDate.MatchString(u)
		if !isBylineLine(u, "") && !isDateLine(u) || relative && a < start-3 {
			continue
		}
		// The topmost full headline (six words or more: a standfirst
		// sits under its headline), else the topmost of three or more.
		full, short := -1, -1
		for i := a - 1; i >= max(from, a-4); i-- {
			if u := units[i]; isHeadline(u) && !isNameLine(u) {
				switch n := wordCount(u); {
				case n >= 6:
					full = i
				case n >= 3:
					short = i
				}
			}
		}
		if full >= 0 {
			return full
		}
		if short >= 0 {
			return short
		}
	}
	count := map[string]int{}
	for _, u := range units[:start] {
		count[strings.ToLower(u)]++
	}
	nearest, nearestLong := -1, -1
	for i := start - 1; i >= from; i-- {
		u := units[i]
		if !isHeadline(u) {
			continue
		}
		if count[strings.ToLower(u)] > 1 && wordCount(u) >= 3 {
			return i
		}
		if nearest < 0 {
			nearest = i
		}
		if nearestLong < 0 && wordCount(u) >= 3 {
			nearestLong = i
		}
	}
	switch {
	case nearestLong >= 0:
		return nearestLong
	case nearest >= 0:
		return nearest
	case start == 0 && len(units) > 1 && isHeadline(units[0]) && !isSentence(units[0]):
		return 0
	}
	return -1
}

// bylinePrefix are the words a byline starts with, in the languages aloud
// reads: "By", "Von", "Por", "Par", "Di", "Door", "Av", "Przez", "Автор"…
var bylinePrefix = lazy(`(?i)^(?:(?:written|reported|reporting|words|posted|text|photos?|story)\s+by|by|von|por|par|di|door|av|af|przez|автор(?:ка)?:?|від|от|texto|tekst|text|escrito por|publicado por|publié par|geschrieben von|scritto da|author|autor|auteur|autore|autora|autorka)[:\s]\s*`)

// isBylineLine reports a line that names the writer: "By …" in one of the
// languages aloud reads (bylinePrefix), or the byline already found.
func isBylineLine(t, byline string) bool {
	if byline != "" && strings.Contains(strings.ToLower(t), strings.ToLower(byline)) && wordCount(t) <= wordCount(byline)+12 {
		return true
	}
	m := bylinePrefix.FindString(t)
	return m != "" && wordCount(t) <= 25 && looksLikeNames(cleanByline(t[len(m):]))
}

// looksLikeNames reports text that can be a list of names: one to twelve
// words, most starting with a capital (in scripts with case), no
// sentence's end.
func looksLikeNames(t string) bool {
	n := wordCount(t)
	if n < 1 || n > 12 || isSentence(t) && !strings.HasSuffix(t, ".") {
		return false
	}
	upper, cased := 0, 0
	for _, f := range strings.Fields(t) {
		r, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(r) {
			upper++
			cased++
		} else if unicode.IsLower(r) && !nameJoiner[strings.ToLower(f)] {
			cased++
		}
	}
	return cased == 0 || 2*upper > cased
}

// nameJoiner are the small words between and inside names: "and", "und",
// "y", "et", "de", "van", "von"…
var nameJoiner = map[string]bool{"and": true, "und": true, "y": true, "e": true, "et": true, "en": true, "och": true, "og": true, "i": true, "и": true, "і": true, "та": true,
	"de": true, "del": true, "da": true, "di": true, "van": true, "von": true, "der": true, "den": true, "la": true, "le": true, "dos": true, "das": true, "bin": true, "al": true}

// isNameLine reports a short line of names, a byline without its "By":
// two to five words, most capitalised, no sentence's end.
func isNameLine(t string) bool {
	n := wordCount(t)
	return n >= 2 && n <= 5 && !isSentence(t) && looksLikeNames(t) && strings.IndexFunc(t, unicode.IsDigit) < 0
}

// textByline finds the byline in units[from:to], not on the title's line:
// a "By …" line, else a line of names next to a date line.
func textByline(units []string, from, to, title int) string {
	for i := from; i < to; i++ {
		if i == title {
			continue
		}
		t := units[i]
		if m := bylinePrefix.FindString(t); m != "" && wordCount(t) <= 25 {
			if names := cleanByline(t[len(m):]); looksLikeNames(names) {
				return names
			}
		}
	}
	for i := from; i < to; i++ {
		if i == title {
			continue
		}
		t := units[i]
		nextToDate := i > 0 && isDateLine(units[i-1]) || i+1 < len(units) && isDateLine(units[i+1])
		if names := cleanByline(t); nextToDate && wordCount(names) >= 2 && wordCount(names) <= 8 && looksLikeNames(names) &&
			!isSentence(names) && !isDateLine(t) && !boilerplate.MatchString(t) {
			return names
		}
	}
	return ""
}

// textDate is the first date written in units[from:to] (future dates
// aside).
func textDate(units []string, from, to int) time.Time {
	limit := time.Now().Add(48 * time.Hour)
	for i := from; i < to; i++ {
		if wordCount(units[i]) > 30 {
			continue // a date inside running text is not the article's
		}
		if d := findDate(units[i]); !d.IsZero() && d.Before(limit) {
			return d
		}
	}
	return time.Time{}
}

// isDateLine reports a short line that is mostly a date ("Published 24
// November 2026, 08:30 GMT", "Updated 2 hours ago").
func isDateLine(t string) bool {
	return wordCount(t) <= 12 && (!findDate(t).IsZero() || relativeDate.MatchString(t))
}

var (
	relativeDate = lazy(`(?i)^(?:(?:published|updated|posted|last updated)[: ]\s*)?\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago$`)
	// boilerplate are lines of a web page that are never the article.
	boilerplate = lazy(`(?i)^(?:skip to (?:main )?content|skip navigation|menu|main menu|search|close|home|subscribe(?: now| today)?|sign in|log ?in|sign up|register|account|newsletters?|\* ?indicates required|email(?: address)?\s*\*?|first name|last name|advertisement|ad|sponsored|share(?: this(?: article| story)?)?|share on \w+|copy link|facebook|twitter|x|linkedin|whatsapp|email|print|save|listen to (?:this )?(?:article|story).*|\d+ min(?:ute)?s? (?:read|listen)|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|we use cookies.*|this site uses cookies.*|image:.*|photo:.*|(?:image|photo|video)(?: credit)?:?\s.{0,80}|getty images|reuters|ap photo.*)$`)
	// stopMarker starts what follows an article on a page: its comments
	// and the site's footer. (Teaser headings, "Related", "Read more",
	// a newsletter's sign-up, stand inside articles as often as after
	// them: they are lines like any other that is not running text.)
	stopMarker = lazy(`(?i)^(?:comments?(?: \(\d+\))?|\d+ (?:comments?|responses?|replies)|(?:leave|post|add) a (?:comment|reply)|join the (?:conversation|discussion)|show comments|©.*|copyright\b.*|all rights reserved.*|about us|contact us|privacy policy|terms (?:of|&) (?:use|service))$`)
	// teaserMarker heads a list of other stories or an offer.
	teaserMarker = lazy(`(?i)^(?:most (?:popular|read|viewed)|related(?: (?:articles|stories|coverage|content|posts))?:?|more (?:from|on|stories)\b.*|recommended(?: for you)?|you (?:may|might) also like|read (?:more|next)|trending(?: now)?|sign up for .*|get (?:our|the) .*newsletter.*|follow us.*)$`)
)
