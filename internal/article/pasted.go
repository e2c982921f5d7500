package article

import (
	"strconv"
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
	weights := unitWeights(units)
	start, end := bodySpan(units, weights)
	start, end = coherentSpan(units, weights, start, end)
	// The header: the lines before the body, back to the title, and the
	// first few of the body, where bylines and dates stand.
	title := chooseTextTitle(units, start)
	if title >= 0 {
		a.Title = withoutCounter(units[title], units)
	}
	from := max(0, start-headerReach)
	if title >= 0 {
		from = max(0, title-2)
	}
	head := headerEnd(weights, start, end)
	a.Byline = withoutPlace(textByline(units, title, start, head, end)) // "Tom Kington in Rome"

	// Boilerplate and teasers weigh boilerWeight or less (unitWeight):
	// only such lines are asked again.
	furniture := func(i int) bool {
		return i >= 0 && i < len(units) && weights[i] <= boilerWeight && (isBoilerplate(units[i]) || isTeaserLine(units[i]))
	}
	// The standfirst: running text between the headline and the body,
	// over the byline and the date, opens the story (a short one weighs
	// less than the header's lines around it, which left it out).
	for i := title + 1; title >= 0 && i < start && i <= title+2; i++ {
		if t := units[i]; isSentence(t) && wordCount(t) >= 6 && weights[i] > 0 && !isBylineLine(t, a.Byline) && !isDateLine(t) {
			a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: t})
		}
	}
	for i := start; i < end; i++ {
		t := units[i]
		if i == title || furniture(i) || i < head && (isDateLine(t) || isBylineLine(t, a.Byline)) {
			continue
		}
		if !isSentence(t) && wordCount(t) <= 15 && furniture(i-1) && furniture(i+1) && (isTeaserLine(units[i-1]) || isTeaserLine(units[i+1])) {
			// A promotion's line between its furniture ("Free daily
			// newsletter", its blurb, "Privacy Notice: …"); a subheading
			// between two "Advertisement" lines stays.
			continue
		}
		k := Paragraph
		if !isSentence(t) && wordCount(t) <= 15 {
			k = Heading
		}
		a.Blocks = append(a.Blocks, Block{Kind: k, Text: t})
	}
	a.Blocks = cutThread(a.Blocks)
	// A subheading is never the last thing read.
	for len(a.Blocks) > 0 && a.Blocks[len(a.Blocks)-1].Kind == Heading {
		a.Blocks = a.Blocks[:len(a.Blocks)-1]
	}

	// The date: in the header, else the nearest above it (a dateline set
	// over the headline, or the title was not where the header is). A
	// date in slashes is day first unless the text is English
	// ("04/03/2024" is the 4th of March in a French story).
	a.Language = chooseLanguage("", a.Blocks)
	dayFirst := writesDayFirst(a.Language)
	a.Published = textDate(units, from, head, dayFirst)
	for i := from - 1; i >= max(0, start-headerReach) && a.Published.IsZero(); i-- {
		a.Published = textDate(units, i, i+1, dayFirst)
	}
	// Else a time ago in the header ("2 hours ago", "vor 3 Tagen"): a
	// copy is made while the story is fresh, so counted back from now.
	now := time.Now()
	for i := from; i < head && a.Published.IsZero(); i++ {
		a.Published, _ = agoDate(units[i], now)
	}
	// Else the date of a signature at the foot ("Posted by Jane Doe on
	// November 5, 2012"), on the line that named the writer.
	for i := end; i < min(len(units), end+footReach) && a.Published.IsZero() && a.Byline != ""; i++ {
		if strings.Contains(units[i], a.Byline) {
			a.Published = textDate(units, i, i+1, dayFirst)
		}
	}
	return a
}

// agoDate is the day a line such as "2 hours ago", "Updated 3 days ago",
// "vor 2 Stunden", "hace 3 días", "il y a 2 heures", "3 дня назад", "2
// дні тому" or "yesterday" names, counted back from now (UTC midnight).
func agoDate(line string, now time.Time) (time.Time, bool) {
	if wordCount(line) > 12 {
		return time.Time{}, false
	}
	l := strings.ToLower(line)
	for _, w := range strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if yesterday[w] {
			return midnight(now.AddDate(0, 0, -1)), true
		}
	}
	if m := cjkAgo.FindStringSubmatch(l); m != nil {
		n, _ := strconv.Atoi(m[1])
		return midnight(now.Add(-time.Duration(n) * cjkAgoUnits[m[2]])), true
	}
	m := agoPattern.FindStringSubmatch(l)
	if m == nil {
		return time.Time{}, false
	}
	n := 1
	if count := m[1] + m[3]; count != "" && count[0] >= '0' && count[0] <= '9' {
		n, _ = strconv.Atoi(count)
	}
	unit := m[2] + m[4]
	for _, u := range agoUnits {
		if strings.HasPrefix(unit, u.prefix) {
			return midnight(now.Add(-time.Duration(n) * u.d)), true
		}
	}
	return time.Time{}, false
}

func midnight(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// yesterday is the word for it in the languages aloud reads (Chinese,
// Japanese and Korean's are words of their own in a line's run of
// letters: "昨天 14:05").
var yesterday = map[string]bool{"yesterday": true, "gestern": true, "ayer": true, "hier": true, "ieri": true, "ontem": true, "gisteren": true,
	"wczoraj": true, "igår": true, "вчера": true, "вчора": true, "eilen": true, "včera": true, "dün": true, "kemarin": true,
	"昨天": true, "昨日": true, "어제": true}

// cjkAgo is a time ago in Chinese, Japanese or Korean: a count, its
// unit and "before", with or without spaces ("3小时前", "2時間前", "3시간
// 전").
var cjkAgo = lazy(`(\d+)\s*(分钟|分鐘|小时|小時|天|周|週|个月|個月|分|時間|日|週間|か月|ヶ月|분|시간|일|주|개월)\s*(?:前|전)`)

// cjkAgoUnits are cjkAgo's units.
var cjkAgoUnits = map[string]time.Duration{"分钟": time.Minute, "分鐘": time.Minute, "分": time.Minute, "분": time.Minute,
	"小时": time.Hour, "小時": time.Hour, "時間": time.Hour, "시간": time.Hour, "天": 24 * time.Hour, "日": 24 * time.Hour,
	"일": 24 * time.Hour, "周": 7 * 24 * time.Hour, "週": 7 * 24 * time.Hour, "週間": 7 * 24 * time.Hour, "주": 7 * 24 * time.Hour,
	"个月": 30 * 24 * time.Hour, "個月": 30 * 24 * time.Hour, "か月": 30 * 24 * time.Hour, "ヶ月": 30 * 24 * time.Hour,
	"개월": 30 * 24 * time.Hour}

// agoPattern matches a count and a unit of time, then "ago" (English,
// Russian, Ukrainian, Italian, Polish, Dutch, Swedish, Danish and
// Norwegian, Turkish, Finnish, Indonesian), or "vor", "hace", "il y
// a", "há", "před" and then the count and unit.
var agoPattern = lazy(`(?:^|\s)(\d+|an?|one)?\s*(\pL+)\.?\s+(?:ago|назад|тому|fa|temu|geleden|sedan|siden|önce|sitten|yang lalu)(?:$|[^\pL])|(?:vor|hace|il y a|há|před|pred)\s+(\d+|einer?|einem|una?|une?)\s+(\pL+)`)

// agoUnits are the units' stems, longest first where one is another's
// start ("mo" month, "min" minute).
var agoUnits = []struct {
	prefix string
	d      time.Duration
}{
	{"minggu", 7 * 24 * time.Hour}, {"min", time.Minute}, {"dakika", time.Minute}, {"menit", time.Minute}, {"tunt", time.Hour},
	{"jam", time.Hour}, {"päiv", 24 * time.Hour}, {"hari", 24 * time.Hour}, {"viik", 7 * 24 * time.Hour}, {"kuuk", 30 * 24 * time.Hour},
	{"bulan", 30 * 24 * time.Hour}, {"hafta", 7 * 24 * time.Hour}, {"godz", time.Hour}, {"uur", time.Hour},
	{"timm", time.Hour}, {"time", time.Hour}, {"saat", time.Hour}, {"gün", 24 * time.Hour}, {"tydz", 7 * 24 * time.Hour},
	{"tygod", 7 * 24 * time.Hour}, {"týd", 7 * 24 * time.Hour}, {"veck", 7 * 24 * time.Hour}, {"uke", 7 * 24 * time.Hour},
	{"uge", 7 * 24 * time.Hour}, {"měsíc", 30 * 24 * time.Hour}, {"miesi", 30 * 24 * time.Hour}, {"maand", 30 * 24 * time.Hour},
	{"månad", 30 * 24 * time.Hour}, {"mo", 30 * 24 * time.Hour}, {"mes", 30 * 24 * time.Hour}, {"mois", 30 * 24 * time.Hour}, {"месяц", 30 * 24 * time.Hour},
	{"місяц", 30 * 24 * time.Hour}, {"хвилин", time.Minute}, {"минут", time.Minute}, {"minut", time.Minute},
	{"h", time.Hour}, {"stund", time.Hour}, {"std", time.Hour}, {"час", time.Hour}, {"годин", time.Hour}, {"or", time.Hour},
	{"d", 24 * time.Hour}, {"tag", 24 * time.Hour}, {"jour", 24 * time.Hour}, {"giorn", 24 * time.Hour}, {"дн", 24 * time.Hour},
	{"день", 24 * time.Hour}, {"w", 7 * 24 * time.Hour}, {"semana", 7 * 24 * time.Hour}, {"semaine", 7 * 24 * time.Hour},
	{"settiman", 7 * 24 * time.Hour}, {"недел", 7 * 24 * time.Hour}, {"тиж", 7 * 24 * time.Hour},
}

// withoutCounter is a headline without a counter the copy ran into it
// ("Steve Jobs' Yacht Revealed 40", a count of comments or shares) when
// the page prints the headline alone too.
func withoutCounter(title string, units []string) string {
	i := strings.LastIndexByte(title, ' ')
	if i < 0 || i+1 == len(title) || strings.Trim(title[i+1:], "0123456789") != "" || wordCount(title[:i]) < 4 {
		return title // "Windows 11", "Top 10": the number is the headline's
	}
	for _, u := range units {
		if u == title[:i] {
			return u
		}
	}
	return title
}

// headerEnd is where the article's header ends, its byline and date
// read above it: the body's second line of running text, for a
// standfirst can open the body with share buttons, the byline and the
// date under it; at least three lines into the body, at most headerBody.
func headerEnd(weights []int, start, end int) int {
	seen := 0
	for i := start; i < min(end, start+headerBody); i++ {
		if weights[i] > 0 {
			if seen++; seen == 2 {
				return min(end, max(i, start+3))
			}
		}
	}
	return min(end, start+headerBody)
}

// headerBody is the furthest into the body the header can reach.
const headerBody = 10

// headerReach is how many lines before the body the title, byline and
// date are looked for; anchorReach, how far before it a byline or date
// line is the article's (further up, it belongs to a teaser).
const headerReach, anchorReach = 15, 12

// titleReach is how far above the body the title is looked for: past
// headerReach, a line scores less (a gallery, share buttons and captions
// can stand between a headline and its story).
const titleReach = 30

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
		if isBylineLine(l, "") || isDateLine(l) || isBoilerplate(l) || isStopLine(l) || isTeaserLine(l) {
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
func bodySpan(units []string, weights []int) (start, end int) {
	best, bestStart, bestEnd, bestParas := 0, 0, 0, 0
	sum, runStart, gap, paras := 0, 0, 0, 0 // paras: running-text lines since runStart
	for i, u := range units {
		if isStopLine(u) {
			need := minArticleWords
			if isSiteLink(u) {
				need = siteLinkArticleWords
			}
			if best >= need && bestParas >= 2 {
				break // the article has been read; comments or teasers follow
			}
			sum, runStart, gap, paras = 0, i+1, 0, 0
			continue
		}
		w := weights[i]
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
			sum, runStart, paras = 0, i, 0
		}
		sum += w
		if w > 0 {
			paras++
		}
		if sum > best {
			best, bestStart, bestEnd, bestParas = sum, runStart, i+1, paras
		}
	}
	if best == 0 {
		return 0, len(units)
	}
	return bestStart, bestEnd
}

// minArticleWords is how much running text makes an article: a line
// that ends an article ("Comments") after this much, in two paragraphs
// at least, ends the search; one before it is a menu's link, or follows
// a writer's one-paragraph bio at the top of the page (a third
// paragraph asked for did worse on the Dragnet renders, 0.846 -> 0.837).
const minArticleWords = 40

// siteLinkArticleWords is how much running text a site's link (siteLink)
// must follow to end the search: a site's blurbs over "Previous post"
// are no article (100, 150 and 300 all did better than 40 on the
// Dragnet renders; 150 best).
var siteLinkArticleWords = 150

// gapCap is the most a run of lines that are not running text costs.
var gapCap = 100

// unitWeights are the lines' weights (unitWeight), worked out once.
func unitWeights(units []string) []int {
	w := make([]int, len(units))
	for i, u := range units {
		w[i] = unitWeight(u)
	}
	return w
}

// unitWeight is what a line adds to the body: its words when it is a
// sentence (or a long run of lower-case prose), a cost when it is not
// (a menu item, a button, a headline); boilerplate costs more.
func unitWeight(t string) int {
	w := wordCount(t)
	switch {
	case isBoilerplate(t) || isTeaserLine(t):
		return min(boilerWeight, -(lineCost + w/lineCostPer)) // no less than any other line that is not prose
	case isSentence(t) && w >= 2 && (w > 20 || proseCase(t)), w >= 20 && proseCase(t):
		// A sentence; not a headline in title case that ends with a
		// question or an abbreviation ("… What’s Underneath N.Y.C.").
		return w
	case !mostlyLetters(t):
		// Code, a table's row, figures: an article holds them, a
		// page's furniture is words.
		return 0
	}
	return -(lineCost + w/lineCostPer)
}

// boilerWeight is the least a line of boilerplate or a teaser costs; a
// long one costs what any long line that is not prose does.
const boilerWeight = -4

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
	inWord, counted := false, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			inWord, counted = false, false
			continue
		case !inWord:
			inWord = true
		}
		if !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			n++ // a word; "&", "—" and "|" alone are not
			counted = true
		}
		// Chinese and Japanese (from U+2E80): a word for two characters.
		if r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)) {
			wide++
		}
	}
	return max(n, wide/2)
}

// isHeadline is a line that reads like a headline: a few words (or, in
// Chinese and Japanese, characters), no final full stop, not a date, a
// byline or a line of page furniture.
func isHeadline(t string) bool {
	n := wordCount(t)
	return n >= 2 && n <= 30 && len(t) <= 300 && (!strings.HasSuffix(t, ".") || n <= 20 && titleCased(t)) &&
		!isDateLine(t) && !isBylineLine(t, "") && !isNameAndTime(t) && !isBoilerplate(t) && !isStopLine(t) && !isTeaserLine(t) &&
		mostlyLetters(t) && !lowerCaseStart(t) && !emoticon.MatchString(t)
}

// emoticon is a smiley typed in text, ":-)", ";)", ":D": a chat's or a
// widget's greeting ("Hello stranger, let’s connect :-)"), not a
// headline's.
var emoticon = lazy(`(?:^|\s)[:;=]-?[)(DPp](?:\s|$)`)

// lowerCaseStart reports a line whose first word is written in lower
// case, in a script with case: headlines start with a capital ("iPhone
// review" does, by its second letter, and "x86 shipments" by a digit);
// "subscribe to my feed", "we're expecting you" are a control's or a
// comment's.
func lowerCaseStart(t string) bool {
	first := strings.FieldsFunc(t, func(r rune) bool { return unicode.IsSpace(r) })
	if len(first) == 0 {
		return false
	}
	w := strings.TrimLeftFunc(first[0], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && strings.IndexFunc(w, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) }) < 0
}

// mostlyLetters reports text whose letters are at least half of what is
// not space and that draws no box: a headline is words, never a table's
// row ("2 │ -0.757 │ t │ f", "n │ zscore").
func mostlyLetters(t string) bool {
	letters, other := 0, 0
	for _, r := range t {
		switch {
		case r >= 0x2500 && r <= 0x257F:
			return false // box drawing: a table's row
		case unicode.IsLetter(r):
			letters++
		case !unicode.IsSpace(r):
			other++
		}
	}
	return letters > 0 && letters >= other
}

// titleCased reports a line written in title case, as English headlines
// are ("Dead Phone Battery? Just Burn Something."): most of its longer
// words start with a capital. Such a line is a headline even when it ends
// with a full stop; running text never is.
func titleCased(t string) bool {
	long, upper := 0, 0
	for _, w := range strings.Fields(t) {
		r := []rune(strings.TrimLeft(w, "\"'‘“(«"))
		if len(r) < 4 || !unicode.IsLetter(r[0]) {
			continue
		}
		long++
		if unicode.IsUpper(r[0]) {
			upper++
		}
	}
	return long >= 3 && 4*upper >= 3*long
}

// chooseTextTitle finds the headline before the body (start), by
// scoring each headline-like line up to titleReach lines above it
// (titleSignals, weighed by fittedTitleWeights):
//
//   - a byline or date line under it, directly or two to four lines
//     down: the headline heads the article's header;
//   - a headline's length: four to twenty words; and a headline said
//     again elsewhere on the page (share text, a caption, breadcrumbs)
//     counts more; a line of one or two words ("Next story") less;
//   - its words coming back in the story's first sentences (echoScore);
//   - the body's first three lines are candidates too, when a byline or
//     date stands under them or they repeat: the body's span can begin
//     above the headline (a notice, a standfirst set before it);
//   - against: the marks of navigation ("|", "»", "›" — breadcrumbs and
//     links to the previous and next post), a line of names (a byline
//     without "By"), a credit ("Name / Agency"), a line under another
//     headline-like line (its deck), a line more than headerReach lines
//     above the body.
//
// The highest score wins; between equals, the nearer. A text that begins
// with its body has its first line as title when that reads as a
// headline.
func chooseTextTitle(units []string, start int) int {
	from := max(0, start-titleReach)
	limit := min(len(units), start+3)
	norms := make([]string, len(units))
	for i, u := range units {
		norms[i] = normTitle(u)
	}
	lead := leadWords(units, start)
	best, bestScore := -1, 0
	for i := limit - 1; i >= from; i-- {
		if score, ok := titleScore(units, norms, lead, i, start, limit); ok && (best < 0 || score > bestScore) {
			best, bestScore = i, score
		}
	}
	if best >= 0 {
		return best
	}
	if start == 0 && len(units) > 1 && isHeadline(units[0]) && !isSentence(units[0]) {
		return 0
	}
	return -1
}

// titleSignals are what a line shows of being the article's headline
// (chooseTextTitle); a weight for each makes its score.
type titleSignals struct {
	headerUnder  bool // a byline or date line directly under it
	headerNear   bool // one two to four lines under it
	midLength    bool // four to twenty words
	threeWords   bool
	short        bool // one or two words: "Next story", "Supported by"
	repeated     bool // of mid length and said again elsewhere on the page
	navigation   bool // breadcrumbs, links to the previous and next post
	nameOrCredit bool // a line of names, a photo credit
	deck         bool // under another headline-like line: its standfirst
	far          bool // more than headerReach lines above the body
	nearness     int  // 5 less the lines to the body (4 in the body), at least 0
	echoHit      int  // its content words found in the story's lead …
	echoOf       int  // … of all its content words
}

// titleWeights weigh titleSignals; echo is the most a line gains when all
// its words come back in the lead.
type titleWeights struct {
	headerUnder, headerNear, midLength, threeWords, short, repeated, navigation, nameOrCredit, deck, far, nearness, echo int
}

// fittedTitleWeights are the weights chooseTextTitle uses, fitted on the
// development renders by coordinate ascent and checked by five-fold
// cross-validation (TestTitleWeightsFit); nearness to the body fell to
// zero once a header directly under a line was told from one further
// down.
var fittedTitleWeights = titleWeights{headerUnder: 5, headerNear: 2, midLength: 2, short: -2, repeated: 3, navigation: -4,
	nameOrCredit: -3, deck: -2, far: -3, echo: echoWeight}

// score is the signals' weighted sum.
func (w titleWeights) score(s titleSignals) int {
	sum := s.nearness * w.nearness
	add := func(on bool, weight int) {
		if on {
			sum += weight
		}
	}
	add(s.headerUnder, w.headerUnder)
	add(s.headerNear, w.headerNear)
	add(s.midLength, w.midLength)
	add(s.threeWords, w.threeWords)
	add(s.short, w.short)
	add(s.repeated, w.repeated)
	add(s.navigation, w.navigation)
	add(s.nameOrCredit, w.nameOrCredit)
	add(s.deck, w.deck)
	add(s.far, w.far)
	if s.echoOf >= 2 {
		// One content word tells too little ("Go to AdWords" on a blog
		// about AdWords): the echo counts from two.
		sum += w.echo * s.echoHit / s.echoOf
	}
	return sum
}

// titleScore scores units[i] as the headline of a body that starts at
// start; ok is false for a line that cannot be the headline.
func titleScore(units, norms []string, lead map[uint64]int, i, start, limit int) (score int, ok bool) {
	s, ok := titleSignalsAt(units, norms, lead, i, start, limit)
	return fittedTitleWeights.score(s), ok
}

// titleSignalsAt reads units[i]'s titleSignals; ok is false for a line
// that cannot be the headline: not headline-like, or a line of the body
// with no header under it that is not said again on the page.
func titleSignalsAt(units, norms []string, lead map[uint64]int, i, start, limit int) (s titleSignals, ok bool) {
	u := units[i]
	if !isHeadline(u) {
		return s, false
	}
	inBody := i >= start
	// Up to four lines between, not counting a page's furniture (a
	// player's "Listen to this article", "Share", a counter, a photo's
	// credit); only a header right under the line is directly under it.
	ago := -1 // a time ago far above the body, under the line
	for _, j := range linesUnder(units, i, min(limit+2, len(units)), 4) {
		// A time ago far above the body dates a teaser, not the article,
		// unless a line of names follows it: the writer's ("2 hours
		// ago", "Share", "Save", "Dana Whitfield").
		t := units[j]
		if isBylineLine(t, "") || isNameAndTime(t) || isDateLine(t) && (j >= start-3 || !relativeDate.MatchString(t)) {
			s.headerUnder, s.headerNear = j == i+1, j > i+1
			break
		}
		if isDateLine(t) && ago < 0 {
			ago = j
		} else if ago >= 0 && isNameLine(t) {
			s.headerUnder, s.headerNear = ago == i+1, ago > i+1
			break
		}
	}
	rep := repeats(norms, i)
	if inBody && !s.headerUnder && !s.headerNear && !rep {
		return s, false
	}
	w := wordCount(u)
	s.midLength = w >= 4 && w <= 20
	s.threeWords = w == 3
	s.short = w <= 2
	s.repeated = s.midLength && rep
	s.navigation = navigation(u)
	s.nameOrCredit = isNameLine(u) || isCredit(u)
	s.deck = i > 0 && isHeadline(units[i-1]) && wordCount(units[i-1]) >= 4 && !navigation(units[i-1])
	s.far = start-i > headerReach
	s.nearness = max(0, 5-(start-i))
	if inBody {
		s.nearness = 4
	}
	s.echoHit, s.echoOf = echoCount(u, lead, i)
	return s, true
}

// isFurnitureLine reports a line of the page's furniture that stands
// between a headline and its byline: boilerplate, a photo's credit, a
// line with no word (a counter).
func isFurnitureLine(t string) bool {
	return isBoilerplate(t) || isCredit(t) || strings.IndexFunc(t, unicode.IsLetter) < 0
}

// furnitureReach is how far below a headline its byline is looked for,
// furniture lines and all.
const furnitureReach = 10

// navigation reports the marks of a breadcrumb or of links to the
// previous and next post: "|", "»", "›", " > ", or two bullets or middle
// dots ("Home • Briefing Room • Your Weekly Address").
func navigation(t string) bool {
	return strings.ContainsAny(t, "|»«›‹") || strings.Contains(t, " > ") || strings.Count(t, " • ")+strings.Count(t, " · ") >= 2
}

// leadWords are the forms (wordForms) of the content words of the body's
// first lines, with the line each is first found in.
func leadWords(units []string, start int) map[uint64]int {
	words := map[uint64]int{}
	n := 0
	for i := start; i < len(units) && n < leadReach; i++ {
		wordForms(units[i], func(forms []uint64) {
			for _, f := range forms {
				if _, ok := words[f]; !ok {
					words[f] = i
				}
			}
			n++
		})
	}
	return words
}

// leadReach is how many words of the body's start a headline is compared
// with.
const leadReach = 150

// echoScore is what a headline gains for being echoed by the story: a
// headline's key words come back in the first sentences of its story,
// while a teaser for another story, a caption's credit or a menu do not.
// Words of the line itself (when it stands in the body) do not count.
func echoScore(line string, lead map[uint64]int, at int) int {
	hit, n := echoCount(line, lead, at)
	if n == 0 {
		return 0
	}
	return echoWeight * hit / n
}

// echoCount is how many of line's content words the lead holds in one of
// their forms (words of line at itself aside), of how many.
func echoCount(line string, lead map[uint64]int, at int) (hit, n int) {
	seen := map[uint64]bool{}
	wordForms(line, func(forms []uint64) {
		word := forms[len(forms)-1]
		if seen[word] {
			return
		}
		seen[word] = true
		n++
		for _, f := range forms {
			if i, ok := lead[f]; ok && i != at {
				hit++
				return
			}
		}
	})
	return hit, n
}

// echoWeight is the most a headline gains for its words in the lead.
const echoWeight = 6

// repeats reports whether line i's text is said again elsewhere on the
// page, as a line of its own or inside a longer one.
func repeats(norms []string, i int) bool {
	n := norms[i]
	if len(n) < 12 {
		return false
	}
	for j, m := range norms {
		if j != i && (m == n || len(m) > len(n) && strings.Contains(" "+m+" ", " "+n+" ")) {
			return true
		}
	}
	return false
}

// isCredit reports a photo credit: "Carolyn Kaster / AP", "Photo: …",
// or a caption that ends in one ("The bridge on Tuesday.Credit...Jane
// Roe for The Times", "… (Foto: dpa)").
func isCredit(t string) bool {
	if before, after, ok := strings.Cut(t, "/"); ok && wordCount(before) <= 4 && wordCount(after) <= 4 && looksLikeNames(before) &&
		strings.IndexFunc(before, unicode.IsLetter) >= 0 && strings.IndexFunc(t, unicode.IsDigit) < 0 {
		return true // a name over an agency, no figures ("1/2 cup sugar", "$7/month", "Previous 1 / 13")
	}
	return wordCount(t) <= 40 && creditMark.MatchString(t)
}

// creditMark names who took a picture, in the words the languages aloud
// reads most use: "Credit…", "Credit:", "Photo:", "Foto:", "Photo by" —
// never the word "credit" alone, which headlines use ("Banks tighten
// credit").
var creditMark = lazy(`(?i)(?:^|[\s.…(|])(?:(?:credits?|crédits?)\s*(?:…|\.{2,}|:)|(?:photo|photograph|image|illustration|foto|bild|фото|світлина)s?(?: by| von| de| di)?:|(?:photo|photograph|image|illustration) (?:by|courtesy)\b|getty images|ap photo|shutterstock)`)

// textDate is the first date written in units[from:to] (future dates
// aside).
func textDate(units []string, from, to int, dayFirst bool) time.Time {
	limit := time.Now().Add(48 * time.Hour)
	for i := from; i < to; i++ {
		if wordCount(units[i]) > 30 {
			continue // a date inside running text is not the article's
		}
		if d := findDateOrdered(units[i], dayFirst); !d.IsZero() && d.Before(limit) {
			return d
		}
	}
	return time.Time{}
}

// isDateLine reports a short line that is mostly a date ("Published 24
// November 2026, 08:30 GMT", "Updated 2 hours ago").
func isDateLine(t string) bool {
	return wordCount(t) <= 12 && (!findDate(t).IsZero() || relativeDate.MatchString(t)) ||
		wordCount(t) <= 6 && agoPattern.MatchString(strings.ToLower(t)) // "vor 2 Stunden", "3 дня назад"
}

var (
	relativeDate = lazy(`(?i)^(?:(?:published|updated|posted|last updated)[: ]\s*)?\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago$`)
	// boilerplate are lines of a web page that are never the article.
	boilerplate = lazy(`(?i)^(?:skip (?:to|navigation)\b.{0,30}|menu|main menu|search|close|home|subscribe(?: now| today)?|sign in|log ?in|sign up|register|account|newsletters?|\* ?indicates required|email(?: address)?\s*\*?|first name|last name|(?:skip )?(?:advertisement|ad)|(?:supported|presented|sponsored) by|(?:for |exclusive to )?subscribers?(?: only| exclusive)?|premium|sponsored(?: ad| content| links?| posts?| stories)?|share(?: (?:this|the|full))?(?: article| story| post| page)?|like this|pin it|share on \w+|copy link|facebook|twitter|x|linkedin|whatsapp|email|print|save|listen to (?:this )?(?:article|story).*|\d+ min(?:ute)?s? (?:read|listen)|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences)|we use cookies.*|this site uses cookies.*|image:.*|photo:.*|(?:image|photo|video)(?: credit)?:?\s.{0,80}|getty images|reuters|ap photo.*|privacy notice:.*` +
		`|back to top|click here|enlarge(?: (?:this )?image)?|(?:gift|give) this article|continue reading|show more|see more|view more|cookie settings|feedback|report an (?:error|issue)|add to favou?rites|bookmark` +
		// A control's words: sharing, following, subscribing, a gallery's
		// counter, a breadcrumb's start.
		`|(?:send|e-?mail|share)(?: this(?: article| story| post| page)?)? (?:to|with) a friend|(?:like|follow|find|join) (?:us|me) (?:on|at) [\pL\d.+ ]{1,40}` +
		`|subscribe to (?:this|our|my|the) (?:blog|site|feed|channel|newsletter|podcast)(?:'s|’s)?(?: (?:feed|posts|rss))?|translate (?:this )?(?:blog|page|site)` +
		`|(?:previous|prev)\s*\d+\s*(?:/|of)\s*\d+\s*next|view (?:staff|author|profile) page.*|(?:email this\s*)?blogthis!.*|you are here:?\s.*)$`)
	// stopMarker starts what follows an article on a page: its comments
	// and the site's footer. (Teaser headings, "Related", "Read more",
	// a newsletter's sign-up, stand inside articles as often as after
	// them: they end nothing, and are not read where they stand.) A
	// comment in the singular, without a count, is an action's label or
	// a diagram's ("Comment" in a flow chart), and ends nothing either.
	stopMarker = lazy(`(?i)^(?:comments(?: \(\d+\))?|comment \(\d+\)|(?:leave|post|add) a (?:comment|reply)|join the (?:conversation|discussion)|show comments|about us|contact us|privacy policy|terms (?:of|&) (?:use|service)` +
		// A count of comments, however a blog words it: "{ 69 comments…
		// read them below or add one }", "100 of 524 comments loaded",
		// "12 Kommentare", "3 réponses".
		`|[^\pL\d]{0,3}(?:\d+ of )?\d+\s+(?:comments?|responses?|replies|trackbacks?|kommentare?|comentarios?|commentaires?|commenti|réponses?|respuestas?|комментари\pL*|коментар\pL*)\b.{0,60}` +
		// A blog's links to its neighbours, after the post.
		`|(?:previous|next|older|newer) (?:post|entry|article|story)\b.{0,100})$`)
	// siteLink are the stop markers that a page also prints above an
	// article: its neighbours' links and the site's own pages.
	siteLink = lazy(`(?i)^(?:about us|contact us|privacy policy|terms (?:of|&) (?:use|service)|(?:previous|next|older|newer) (?:post|entry|article|story)\b.{0,100})$`)
	// teaserMarker heads a list of other stories or an offer.
	teaserMarker = lazy(`(?i)^(?:most (?:popular|read|viewed)|related(?: (?:articles|stories|coverage|content|posts))?:?|more (?:from|on|stories)\b.*|more \pL+ (?:from|on|like this)\b.*|recommended(?: for you)?|you (?:may|might) also like|read (?:more|next)|trending(?: now)?|sign up (?:for|to) [^.!?]{1,80}|get (?:our|the) .*newsletter.*|follow us.*` +
		// A box's title ("From around the web", "About the author") and a
		// post's list of labels ("Tags: Travel, Food", "Filed under: …").
		`|(?:from )?around the web|from the web|about the authors?|(?:tags?|tagged|filed (?:under|in)|categor(?:y|ies)|topics?|labels?|posted in)\s*:[^.!?]{0,120}` +
		// A pointer to another story, its headline after the label: "Read
		// more: Heatwave warning issued" (a sentence after the label is
		// the story's own).
		`|(?:` + pointerLabels + `)\s*:\s*[^.!?]*[^.!?\s])$`)
)

// pointerLabels are the English labels a pointer to another story opens
// with ("Read more:", "See also:"), in a page's markup and in its copy.
const pointerLabels = `read (?:more|also|next)|also read|see also|related|more on this(?: story| topic)?`

// The same kinds of lines in the other languages aloud reads most (de,
// fr, es, it, pt, nl, pl, ru, uk; the commonest also in sv, da, no, fi,
// cs, tr, id, zh, ja, ko): a copy from a German, French or
// Ukrainian site prints its menus, teasers, comments and legal links as
// an English one does. Whole lines, in lower case; a phrase that ends in
// "…" starts its line ("Lesen Sie auch: Neue Buslinie ab Montag").
var (
	foreignBoilerplate = phraseSet("zum inhalt springen", "hauptmenü", "menü", "suche", "schließen", "startseite", "abonnieren", "jetzt abonnieren",
		"anmelden", "einloggen", "registrieren", "anzeige", "werbung", "teilen", "artikel teilen", "drucken", "merken", "vorlesen",
		"artikel vorlesen", "alle akzeptieren", "akzeptieren", "ablehnen", "bild:…", "foto:…", "lesezeit…", "nur für abonnenten",
		"article réservé aux abonnés", "réservé aux abonnés", "artículo exclusivo para suscriptores", "exclusivo para suscriptores",
		"solo para suscriptores", "riservato agli abbonati", "exclusivo para assinantes", "alleen voor abonnees",
		"tylko dla subskrybentów", "только для подписчиков", "лише для передплатників", "тільки для передплатників",
		"aller au contenu", "rechercher", "fermer", "accueil", "s'abonner", "abonnez-vous", "se connecter", "connexion", "publicité",
		"partager", "imprimer", "enregistrer", "tout accepter", "accepter", "refuser", "temps de lecture…",
		"ir al contenido", "buscar", "cerrar", "inicio", "suscríbete", "iniciar sesión", "publicidad", "compartir", "imprimir",
		"guardar", "aceptar todo", "aceptar", "rechazar", "tiempo de lectura…",
		"vai al contenuto", "cerca", "chiudi", "abbonati", "accedi", "pubblicità", "condividi", "stampa", "salva", "accetta tutto",
		"accetta", "rifiuta",
		"ir para o conteúdo", "pesquisar", "fechar", "assine", "entrar", "publicidade", "compartilhar", "partilhar", "salvar",
		"aceitar tudo", "aceitar",
		"naar de inhoud", "zoeken", "sluiten", "abonneren", "inloggen", "advertentie", "delen", "afdrukken", "opslaan",
		"alles accepteren", "accepteren",
		"przejdź do treści", "szukaj", "zamknij", "subskrybuj", "zaloguj się", "reklama", "udostępnij", "drukuj", "zapisz",
		"zaakceptuj wszystkie",
		"перейти к содержанию", "меню", "поиск", "закрыть", "главная", "подписаться", "войти", "реклама", "поделиться", "печать",
		"сохранить", "принять все",
		"перейти до вмісту", "пошук", "закрити", "головна", "підписатися", "увійти", "поділитися", "друк", "зберегти", "прийняти все",
		// Swedish, Danish, Norwegian, Finnish, Czech, Turkish, Indonesian.
		"hoppa till innehållet", "meny", "sök", "stäng", "startsida", "prenumerera", "logga in", "annons", "dela", "skriv ut", "spara",
		"acceptera alla", "endast för prenumeranter",
		"gå til indhold", "søg", "luk", "forside", "abonner", "log ind", "annonce", "del", "udskriv", "gem", "accepter alle",
		"kun for abonnenter",
		"hopp til innhold", "søk", "lukk", "forsiden", "logg inn", "annonse", "lagre", "godta alle",
		"siirry sisältöön", "valikko", "haku", "sulje", "etusivu", "tilaa", "kirjaudu", "kirjaudu sisään", "mainos", "jaa", "tulosta",
		"tallenna", "hyväksy kaikki", "vain tilaajille",
		"přejít k obsahu", "hledat", "zavřít", "předplatit", "přihlásit se", "sdílet", "tisk", "vytisknout", "uložit", "přijmout vše",
		"jen pro předplatitele",
		"içeriğe geç", "ara", "kapat", "ana sayfa", "abone ol", "giriş yap", "reklam", "paylaş", "yazdır", "kaydet", "tümünü kabul et",
		"langsung ke konten", "cari", "tutup", "beranda", "berlangganan", "masuk", "iklan", "bagikan", "cetak", "simpan", "terima semua",
		"läs mer", "lyssna", "læs mere", "lyt", "les mer", "lytt", "lue lisää", "kuuntele", "číst dál", "číst více", "poslechnout",
		"devamını oku", "dinle", "baca selengkapnya", "dengarkan",
		// Listening to the story, as a player offers it.
		"ouvir o texto", "ouvir a notícia", "ouvir a matéria", "ouvir artigo", "escutar", "escuchar el artículo", "écouter l'article",
		"écouter l’article", "vorlesen lassen", "artikel vorlesen lassen", "lyssna på artikeln", "kuuntele artikkeli",
		"poslechnout článek", "makaleyi dinle", "dengarkan artikel", "слушать статью", "прослухати статтю", "luister naar dit artikel",
		"posłuchaj artykułu", "記事を聞く", "听新闻", "기사 듣기",
		// Chinese, Japanese, Korean.
		"首页", "搜索", "登录", "注册", "关闭", "广告", "分享", "分享到…", "转播到…", "转发", "收藏", "打印", "返回顶部", "阅读全文",
		"查看更多", "扫一扫…", "微信扫一扫…", "ホーム", "検索", "ログイン", "会員登録", "閉じる", "広告", "シェア", "ツイート", "印刷",
		"保存", "ページの先頭へ", "トップへ戻る", "続きを読む", "もっと見る", "この記事をシェア", "홈", "검색", "로그인", "회원가입",
		"닫기", "광고", "공유", "공유하기", "인쇄", "스크랩", "맨 위로", "더보기", "기사 더보기",
		// A story's controls: back to the front page, save, gift, listen,
		// enlarge, read on, comment, report an error, cookie settings.
		"zur startseite", "zur übersicht", "zur merkliste hinzufügen", "auf die merkliste", "merkliste", "artikel verschenken",
		"verschenken", "hören", "anhören", "artikel anhören", "zum kommentarbereich", "jetzt kommentieren", "diskutieren sie mit",
		"weiterlesen", "mehr lesen", "bild vergrößern", "vergrößern", "link kopieren", "per e-mail teilen", "teilen auf…",
		"cookie-einstellungen", "zustimmen", "feedback", "fehler gefunden?…", "nach oben", "zurück", "mehr aus dem ressort",
		"lire la suite", "en savoir plus", "voir plus", "agrandir", "écouter", "écouter cet article", "offrir cet article",
		"ajouter à mes favoris", "réagir", "commenter", "haut de page", "paramètres des cookies", "copier le lien", "partager sur…",
		"leer más", "seguir leyendo", "ver más", "ampliar", "escuchar", "escuchar noticia", "comentar", "volver", "copiar enlace",
		"compartir en…", "configuración de cookies", "regalar artículo",
		"leggi di più", "continua a leggere", "ascolta", "ascolta l'articolo", "commenta", "torna su", "copia link", "condividi su…",
		"leia mais", "continue lendo", "ouvir", "ouça", "copiar link",
		"lees meer", "lees verder", "luister", "reageer", "link kopiëren", "delen via…",
		"czytaj więcej", "czytaj dalej", "posłuchaj", "skomentuj", "kopiuj link",
		"читать далее", "читать дальше", "подробнее", "слушать", "комментировать", "наверх", "скопировать ссылку", "поделиться в…",
		"читати далі", "детальніше", "слухати", "коментувати", "нагору", "скопіювати посилання")
	foreignLegal = phraseSet("impressum", "datenschutz", "datenschutzerklärung", "nutzungsbedingungen", "agb", "mentions légales",
		"politique de confidentialité", "conditions d'utilisation", "conditions générales d'utilisation", "aviso legal",
		"política de privacidad", "términos de uso", "términos y condiciones", "informativa privacy", "informativa sulla privacy",
		"política de privacidade", "privacybeleid", "polityka prywatności", "политика конфиденциальности", "політика конфіденційності",
		"integritetspolicy", "privatlivspolitik", "personvernerklæring", "tietosuojaseloste", "ochrana osobních údajů",
		"gizlilik politikası", "kebijakan privasi", "隐私政策", "免责声明", "プライバシーポリシー", "利用規約", "개인정보처리방침",
		"이용약관")
	foreignStop = phraseSet("kommentare", "kommentar schreiben", "commentaires", "comentarios", "commenti", "comentários",
		"reacties", "komentarze", "комментарии", "коментарі",
		"alle rechte vorbehalten…", "tous droits réservés…", "todos los derechos reservados…", "tutti i diritti riservati…",
		"todos os direitos reservados…", "alle rechten voorbehouden…", "wszelkie prawa zastrzeżone…", "все права защищены…",
		"усі права захищені…", "всі права захищені…",
		"kommentarer", "kommentit", "komentáře", "yorumlar", "komentar",
		"alla rättigheter förbehållna…", "alle rettigheder forbeholdes…", "alle rettigheter reservert…",
		"kaikki oikeudet pidätetään…", "všechna práva vyhrazena…", "tüm hakları saklıdır…", "hak cipta dilindungi…",
		"评论", "网友评论", "コメント", "댓글", "版权所有…", "無断転載…", "무단 전재…", "무단전재…")
	foreignTeaser = phraseSet("meistgelesen", "meistgelesene", "meistgelesene artikel", "mehr zum thema…", "lesen sie auch…",
		"schlagwörter:…", "themen:…", "über den autor", "über die autorin", "étiquettes :…", "étiquettes:…", "mots-clés :…", "mots-clés:…",
		"à propos de l'auteur", "à propos de l’auteur", "etiquetas:…", "temas:…", "sobre el autor", "sobre la autora", "sobre o autor",
		"tag:…", "argomenti:…", "l'autore", "теги:…", "тэги:…", "метки:…", "рубрики:…", "об авторе", "мітки:…", "теми:…", "про автора",
		"auch interessant", "das könnte sie auch interessieren…", "weitere artikel…", "empfehlungen", "newsletter abonnieren…",
		"folgen sie uns…",
		"les plus lus", "lire aussi…", "à lire aussi…", "sur le même sujet", "vous aimerez aussi", "articles similaires",
		"inscrivez-vous…", "suivez-nous…",
		"lo más leído", "más leído", "más leídos", "más leídas", "te puede interesar", "también te puede interesar", "lee también…",
		"noticias relacionadas", "relacionados", "relacionadas", "síguenos…",
		"i più letti", "più letti", "leggi anche…", "potrebbe interessarti", "articoli correlati", "iscriviti alla newsletter…",
		"seguici…",
		"mais lidas", "leia também…", "veja também…", "assine a newsletter…", "siga-nos…",
		"meest gelezen", "lees ook…", "gerelateerd", "ook interessant", "volg ons…",
		"najczęściej czytane", "czytaj także…", "czytaj też…", "zobacz też…", "zobacz także…", "polecamy", "powiązane",
		"самое читаемое", "читайте также…", "читать также…", "по теме", "похожие материалы", "подписывайтесь…",
		"найпопулярніше", "читайте також…", "читати також…", "за темою", "схожі матеріали", "підписуйтесь…",
		"mest läst", "mest lästa", "läs också…", "läs även…", "relaterat", "relaterade artiklar",
		"mest læste", "læs også…", "relaterede artikler", "mest lest", "les også…", "relaterte artikler",
		"luetuimmat", "luetuimmat uutiset", "lue myös…", "aiheeseen liittyvät",
		"nejčtenější", "čtěte také…", "přečtěte si také…", "související články", "související",
		"en çok okunanlar", "ilgili haberler", "bunlar da ilginizi çekebilir",
		"terpopuler", "baca juga…", "berita terkait", "artikel terkait",
		"相关阅读…", "相关新闻…", "相关文章…", "热门推荐", "推荐阅读…", "猜你喜欢", "阅读排行", "点击排行", "上一篇…", "下一篇…",
		"関連記事", "関連ニュース", "おすすめ記事", "人気記事", "アクセスランキング", "관련기사", "관련 기사", "많이 본 뉴스", "인기 기사")
)

// phrases are whole lines and the starts of lines ("…" written after
// them), in lower case.
type phrases struct {
	whole  map[string]bool
	starts []string
}

func phraseSet(list ...string) phrases {
	p := phrases{whole: map[string]bool{}}
	for _, s := range list {
		if start, ok := strings.CutSuffix(s, "…"); ok {
			p.starts = append(p.starts, start)
		} else {
			p.whole[s] = true
		}
	}
	return p
}

// has reports a line that is one of the phrases or starts with one. Only
// short lines are looked at: furniture is a few words, and the story's
// paragraphs are most of a page.
func (p phrases) has(t string) bool {
	if len(t) > 120 {
		return false
	}
	l := strings.ToLower(strings.TrimRight(strings.TrimSpace(t), " :.…：。"))
	if p.whole[l] || p.whole[strings.TrimSpace(strings.TrimRight(l, "0123456789()"))] {
		return true // "Kommentare (12)"
	}
	for _, s := range p.starts {
		if strings.HasPrefix(l, s) {
			return true
		}
	}
	return false
}

func isBoilerplate(t string) bool {
	if len(t) > furnitureBytes {
		// A paragraph: every line of a page is asked, the regexps only
		// of short ones, but for a consent notice's opening.
		return consentNotice.MatchString(t)
	}
	return boilerplate.MatchString(strings.TrimRight(t, ": ")) || foreignBoilerplate.has(t) || wordCount(t) <= 8 && readingTime.MatchString(t)
}

// consentNotice opens a site's notice of its cookies, which runs to a
// paragraph as long as a story's ("We use cookies and similar
// technologies to improve your browsing experience, …"), in the
// languages aloud reads most.
var consentNotice = lazy(`(?i)^(?:(?:we|this (?:web)?site|our (?:web)?site)(?: and our partners)? uses? cookies` +
	`|(?:wir|diese (?:web)?seite|unsere (?:web)?seite) (?:verwende|nutze|setze)n? cookies` +
	`|(?:nous|ce site) utilis(?:ons|e) des cookies` +
	`|(?:utilizamos|usamos|este sitio(?: web)?(?: utiliza| usa)|este site (?:utiliza|usa)) cookies` +
	`|(?:utilizziamo|usiamo|questo sito(?: web)? utilizza) (?:i )?cookie` +
	`|(?:wij gebruiken|deze (?:web)?site gebruikt) cookies` +
	`|(?:używamy|ta strona (?:używa|wykorzystuje)) (?:plików )?cookie` +
	`|(?:мы используем|этот сайт использует) (?:файлы )?cookie` +
	`|(?:ми використовуємо|цей сайт використовує) (?:файли )?cookie)`)

// readingTime is a page's estimate of a story's length, in the words
// the languages aloud reads most give it: "4 min read", "3 Min.
// Lesezeit", "Lecture 4 min.", "Tiempo de lectura: 3 minutos", "Время
// чтения: 5 минут", "3 хв читання", or the minutes alone ("4 min").
var readingTime = lazy(`(?i)^(?:` + readingWords + `)?[\s:·|-]*\d+(?:[–-]\d+)?[\s-]?` + minuteWords + `\.?(?:[\s:·|-]*(?:de |di |of )?(?:` + readingWords + `))?\.?$`)

const (
	readingWords = `read|reading|reading time|read time|listen|listening time|lesezeit|lesedauer|lecture|temps de lecture|` +
		`lectura|tiempo de lectura|lettura|tempo di lettura|leitura|tempo de leitura|leestijd|czas czytania|czytania|` +
		`время чтения|чтения|читать|час читання|читання|читати`
	minuteWords = `(?:min|mins|minutes?|minuten|minuti|minutos|minut[ay]?|мин|минут[аы]?|хв|хвилин[аи]?)`
)

func isStopLine(t string) bool {
	return stopMarker.MatchString(t) || foreignStop.has(t) || foreignLegal.has(t) || isCommentForm(t) || isCopyrightLine(t) || isSiteLegal(t)
}

// isCommentForm reports a note of a blog's comment form, in the words
// the common systems (WordPress, Blogger, TypePad, Disqus) give it in
// the languages aloud reads most: sentences, so weighed as running text,
// but never the article, and what follows them is readers' talk.
func isCommentForm(t string) bool { return commentFormPhrases.startsLine(t) }

// isCopyrightLine reports a publisher's notice of its rights: "© 2023
// The Courier", "Copyright 2023 …", "<저작권자(c) 연합뉴스, 무단 전재-재배포
// 금지>", "版权所有", "Alle Rechte vorbehalten". A line that only mentions
// copyright ("Copyright law in the EU …") is none: the word needs a
// mark, a year or the holder's name after it. (The copied-text reader's
// stop lines ask this too: it is the one rule for a notice.)
func isCopyrightLine(t string) bool {
	if rightsPhrases.startsLine(t) {
		return true
	}
	t = trimLineOpening(t)
	l := strings.ToLower(t)
	return (strings.HasPrefix(l, "(c)") || strings.HasPrefix(l, "copyright")) && rightsMark.MatchString(t)
}

// isSiteLegal reports a site's legal footer: a notice of its rights
// anywhere in a paragraph, followed by a pointer to its terms or its
// privacy policy ("By providing information … ©1999-2012 TheaterMania.com, Inc.
// All Rights Reserved. Terms of Use & Privacy Policy"), a hundred words
// at most.
func isSiteLegal(t string) bool {
	if !rightsHint(t) || wordCount(t) > 100 {
		return false // every line of a page is asked: the regexps only where a notice may be
	}
	l := strings.ToLower(t)
	at := strings.Index(l, "©")
	if m := rightsAnywhere.FindStringSubmatchIndex(l); m != nil && (at < 0 || m[0] < at) {
		at = m[0]
	}
	return at >= 0 && legalPointer.MatchString(l[at:])
}

// rightsHint reports a line that holds "©" or the stem of a rights
// notice's word (reserved, réservés, vorbehalten, riservati, voorbehouden,
// zastrzeżone, защищены, захищені) in lower case or capitals.
func rightsHint(t string) bool {
	for _, stem := range rightsStems {
		if strings.Contains(t, stem) {
			return true
		}
	}
	return false
}

var rightsStems = []string{"©", "eserv", "ESERV", "éserv", "ÉSERV", "orbehalt", "ORBEHALT", "iservat", "ISERVAT", "oorbehoud", "OORBEHOUD",
	"astrzeż", "ASTRZEŻ", "ащищ", "АЩИЩ", "ахищ", "АХИЩ"}

var (
	// rightsAnywhere are the phrases of rightsPhrases that say rights
	// wherever they stand in a line.
	rightsAnywhere = lazy(`all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены|усі права захищені|всі права захищені`)
	// legalPointer names a site's terms and privacy policy.
	legalPointer = lazy(`terms of (?:use|service)|terms and conditions|privacy policy|privacy notice|nutzungsbedingungen|datenschutz|impressum|mentions légales|conditions générales|politique de confidentialité|aviso legal|política de privacidad|condizioni d'uso|informativa sulla privacy|política de privacidade|termos de uso|gebruiksvoorwaarden|privacybeleid|polityka prywatności|политика конфиденциальности|пользовательское соглашение|політика конфіденційності`)
)

// rightsMark is "(c) 2023", "Copyright 2023", "Copyright ©", "Copyright
// (c)", or "Copyright" and the holder's name ("Copyright Guardian News &
// Media Limited"); "Copyright law …" is a sentence's start.
var rightsMark = lazy(`^(?:(?i:\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|(?:Copyright|COPYRIGHT)\s+\p{Lu})`)

var (
	commentFormPhrases = newLinePhrases("you may use these html tags", "your email address will not be published",
		"mail (will not be published", "email (will not be published", "e-mail (will not be published", "email will not be published",
		"* email will not be published", "name (required)", "email (required)",
		"your email will not be published", "required fields are marked", "notify me of follow-up comments", "notify me of followup comments",
		"notify me of new comments", "notify me of new posts", "save my name, email", "this is only a preview. your comment",
		"your comment could not be posted", "rss feed for comments on this post", "trackback uri",
		"you can follow any responses to this entry", "you can leave a response, or trackback", "both comments and pings are currently closed",
		"responses are currently closed", "you can skip to the end and leave a response", "your comment has not yet been posted", "your comment has been saved", "you can follow this conversation",
		"you must be logged in to post a comment", "comments are closed", "comments are moderated", "trackback url",
		"deine e-mail-adresse wird nicht veröffentlicht", "ihre e-mail-adresse wird nicht veröffentlicht", "erforderliche felder sind",
		"votre adresse e-mail ne sera pas publiée", "votre adresse de messagerie ne sera pas publiée", "les champs obligatoires sont",
		"tu dirección de correo electrónico no será publicada", "tu correo electrónico no será publicado", "los campos obligatorios están",
		"il tuo indirizzo email non sarà pubblicato", "i campi obbligatori sono", "o seu endereço de email não será publicado",
		"o seu endereço de e-mail não será publicado", "os campos obrigatórios são", "campos obrigatórios são",
		"je e-mailadres wordt niet gepubliceerd", "vereiste velden zijn", "twój adres e-mail nie zostanie opublikowany",
		"twój adres email nie zostanie opublikowany", "wymagane pola są", "ваш адрес email не будет опубликован",
		"ваш адрес e-mail не будет опубликован", "ваш e-mail не будет опубликован", "обязательные поля помечены",
		"ваша електронна адреса не буде опублікована", "ваша адреса e-mail не буде опублікована", "обов'язкові поля позначені",
		"обов’язкові поля позначені")
	// rightsPhrases open a notice of rights, in the languages aloud reads
	// and those of its neighbours in Asia.
	rightsPhrases = newLinePhrases("©", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
		"todos los derechos reservados", "tutti i diritti riservati", "todos os direitos reservados", "alle rechten voorbehouden",
		"wszelkie prawa zastrzeżone", "все права защищены", "усі права захищені", "всі права захищені", "저작권자", "版权所有", "版權所有",
		"著作権", "無断転載")
)

// linePhrases are lower-case phrases a line can open with, filed by their
// lineKey: every line of a copied page is asked, and is compared only
// with the phrases that begin as it begins.
type linePhrases map[string][]string

func newLinePhrases(list ...string) linePhrases {
	p := linePhrases{}
	for _, ph := range list {
		k := lineKey(ph)
		p[k] = append(p[k], ph)
	}
	return p
}

// startsLine reports whether t opens with one of the phrases (after the
// brackets a notice is set in: "<저작권자…>", "[…]").
func (p linePhrases) startsLine(t string) bool {
	l := trimLineOpening(t)
	phrases := p[lineKey(l)]
	if len(phrases) == 0 {
		return false
	}
	l = strings.ToLower(l)
	for _, ph := range phrases {
		if strings.HasPrefix(l, ph) {
			return true
		}
	}
	return false
}

// trimLineOpening is t without the spaces and brackets that open it.
func trimLineOpening(t string) string { return strings.TrimLeft(t, " \t<[【〈「") }

// lineKey is a line's first word in lower case; its first character where
// it opens with a sign or in a script written without spaces (Chinese,
// Japanese, Korean glue a notice to what follows: "版权所有新华网").
func lineKey(l string) string {
	r, size := utf8.DecodeRuneInString(l)
	if size == 0 {
		return ""
	}
	if !unicode.IsLetter(r) || unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) {
		return l[:size]
	}
	end := strings.IndexFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	if end < 0 {
		end = len(l)
	}
	return strings.ToLower(l[:end])
}

func isTeaserLine(t string) bool {
	return len(t) <= furnitureBytes && (teaserMarker.MatchString(t) || foreignTeaser.has(t) || isNewsletterLine(t))
}

// furnitureBytes is the longest line that can be a page's furniture or a
// teaser (a cookie notice's sentence is among the longest).
const furnitureBytes = 400

// isNewsletterLine reports a newsletter's promotion set inside a story:
// a short line, no sentence, that names a newsletter ("Free daily
// newsletter", "after newsletter promotion", "Рассылка").
func isNewsletterLine(t string) bool {
	if len(t) > 160 || isSentence(t) || wordCount(t) > 8 {
		return false
	}
	return newsletterWord.MatchString(strings.ToLower(t))
}

var newsletterWord = lazy(`newsletter|boletín|lettre d'information|lettre d’information|рассылк|розсилк`)

func isSiteLink(t string) bool { return siteLink.MatchString(t) || foreignLegal.has(t) }
