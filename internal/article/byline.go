package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bylines as pages print them: "By Dana Whitfield", "Von Julia Vergin",
// "Por Ana Ruiz y Luis Gil", "Автор: Иван Петров", "Erin Cunningham March
// 18 at 3:57 PM Follow @erin", "// By Arun Sai Krishnan • Nov 11, 2020",
// "Daniel Kahn Gillmor, Senior Staff Technologist, ACLU". A listener is
// read the names alone.

// bylinePrefix are the words a byline starts with, in the languages aloud
// reads: "By", "Von", "Por", "Par", "Di", "Door", "Av", "Przez", "Автор",
// "Oleh", "Piše", "Szerző"…
// innerByline finds a byline's prefix inside a line, after a date or a
// separator: the year or the separator, then "by", "par", "por"….
var innerByline = lazy(`(?i)(?:\d{4},?|[|•·—–])\s+(?:by|von|por|par|di|door|av|af|przez|від|от)\s|(?:(?:` + cjkLabels + `)[\s\x{3000}]*[:：︱][\s\x{3000}]*)+`)

var bylinePrefix = lazy(`(?i)^(?:(?:written|reported|reporting|words|posted|text|story)\s+by|by|von|por|par|di|door|av|af|przez|автор(?:ка)?:?|від|от|texto|tekst|text|escrito por|publicado por|publié par|geschrieben von|scritto da|author|autor|auteur|autore|autora|autorka|(?:authors|autoren|autores|auteurs|autori|autorzy|yazar|yazan)[:：]|autorius|autors|forfatter|kirjoittaja|szerző|oleh|piše|napisao|napisala|` + uncasedLabels + `)[:：\s]\s*`)

// nameLabel marks the names in a script without capitals, where nothing
// else tells a name from a word: a label before them ("作者：", "记者",
// "责任编辑：", the editor a Chinese page names where it names no writer,
// "بقلم") or a title after them (Korean "기자", reporter; "특파원",
// correspondent; Japanese "記者").
var nameLabel = lazy(`(?:^|\s)(?:` + uncasedLabels + `)|\S\s*(?:` + titlesAfterNames + `)(?:[\s=]|$)`)

// nameTitle is the title after the names that nameLabel finds, and
// what follows it ("홍길동 기자 gildong@yna.co.kr").
var nameTitle = lazy(`\s*(?:` + titlesAfterNames + `)(?:[\s=].*)?$`)

// The labels of names in scripts without capitals: before them in
// Chinese and Japanese (author, reporter, text by, editor in charge),
// Arabic, Hebrew and Hindi; after them in Korean and Japanese.
const (
	cjkLabels        = `作者|记者|記者|撰文|责任编辑|責任編輯`
	uncasedLabels    = cjkLabels + `|بقلم|מאת|लेखक`
	titlesAfterNames = `기자|특파원|記者`
)

// bylineEnd are the words that end the names in a byline: what pages
// print after them (a date's "on" or "at", "Updated", "Follow").
var bylineEnd = map[string]bool{"on": true, "at": true, "updated": true, "published": true, "posted": true, "follow": true, "am": true, "le": true, "el": true, "il": true, "em": true, "op": true, "den": true, "aktualisiert": true, "actualizado": true, "mis": true,
	"edited": true, "reviewed": true, "additional": true, "view": true, "subscribe": true}

// bylineLinks are the labels of the links pages print after a writer's
// name: "Jane Doe Email Twitter", "Eric Abent Discuss".
var bylineLinks = map[string]bool{"email": true, "e-mail": true, "discuss": true, "twitter": true, "facebook": true, "linkedin": true,
	"instagram": true, "bio": true, "contact": true, "profile": true, "rss": true, "comments": true, "comment": true}

// gluedLinkWord splits a word that ends in a link's label or a date's
// word run into it without a space ("PaurEmail", "LYNAMOctober", where
// the page's copy joined the name and what followed it on the next line):
// the word before, and whether it was so. (A month's name of three
// letters is no sign: "DeMay".)
func gluedLinkWord(w string) (string, bool) {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			prev, _ := utf8.DecodeLastRuneInString(w[:i])
			tail := strings.ToLower(strings.Trim(w[i:], ".,:;"))
			if unicode.IsLower(prev) && bylineLinks[tail] ||
				unicode.IsLetter(prev) && utf8.RuneCountInString(tail) > 3 && (monthByName[tail] > 0 || weekdayNames[tail]) {
				return w[:i], true
			}
		}
	}
	return "", false
}

// cleanByline keeps the names of a byline: its first line with any,
// without its "By" (or what goes before it), without parentheses ("(reporting)", "(avec …)"), cut
// where the names end (a date or a time, a handle, a bar, a dash, a
// slash, a month's name, "Updated"), and without a role after a comma
// ("Jane Doe, Senior Writer, Agency": the names stay only when every
// part between commas reads as a name).
func cleanByline(s string) string {
	// The names are on the byline's first line that has any ("By\nJane
	// Doe", "Jane Doe\nHealth News").
	afterBy := false // the names follow a "By", wherever it stood
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimLeftFunc(cleanSpace(line), func(r rune) bool { return !unicode.IsLetter(r) })
		if m := bylinePrefix.FindString(line + " "); m != "" {
			line = strings.TrimSpace((line + " ")[len(m):])
			afterBy = true
		}
		if strings.IndexFunc(line, unicode.IsLetter) >= 0 {
			s = line
			break
		}
	}
	s = cleanSpace(s)
	s = dropParentheses(s)
	s = nameTitle.ReplaceAllString(s, "") // "홍길동 기자 …": the names
	// "Monday, November 12, 2012, by Matthew Kang", "Le Monde |
	// 04.05.2015 | Par Jane Doe": a date or a separator, then the names
	// after "by".
	if m := innerByline.FindStringSubmatchIndex(s); m != nil {
		s = strings.TrimLeftFunc(s[m[1]:], func(r rune) bool { return !unicode.IsLetter(r) })
		afterBy = true
	}
	if i := strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || strings.ContainsRune("@|•·/\\<>[]{}", r)
	}); i >= 0 {
		digit := unicode.IsDigit(rune(s[i]))
		s = s[:i]
		// "UPDATE October 30": a month's name before the number is the
		// date's, whatever stands before it.
		if f := strings.Fields(s); digit && len(f) > 0 && monthByName[strings.ToLower(strings.Trim(f[len(f)-1], ".,"))] > 0 {
			s = strings.Join(f[:len(f)-1], " ")
		}
	}
	for _, dash := range []string{" - ", " – ", " — ", " -- "} {
		if i := strings.Index(s, dash); i >= 0 {
			s = s[:i]
		}
	}
	// "View all posts by Jane Doe", "Japanese lessons for big storms By
	// Jane Doe": what goes before "by" is no name, the names follow it.
	if m := innerBy.FindStringSubmatchIndex(s); m != nil && m[0] > 0 && !looksLikeNames(s[:m[0]]) {
		s = s[m[1]:]
		afterBy = true
	}
	// "By Jane Doe in Politics": after "By", "in" and a capital are the
	// post's category or the writer's place. (Without "By", "in" can be
	// a headline's: "Alan Ritchson Playing Gloss in The Hunger Games".)
	if c := inCategory.FindStringSubmatchIndex(s); afterBy && c != nil {
		s = s[:c[0]]
	}
	words := strings.Fields(s)
	for i, w := range words {
		if head, ok := gluedLinkWord(w); ok {
			// "Jason PaurEmail Author": a link's label run into the name.
			words = append(words[:i], head)
			break
		}
		lw := strings.ToLower(strings.Trim(w, ".,:;"))
		// Short words end the names only in lower case ("Juan Pérez el 5
		// de mayo"); "EL" in "MAYY EL SHEIKH", "Den" in a name, stay.
		if bylineEnd[lw] && (len(lw) > 3 || strings.Trim(w, ".,:;") == lw) || bylineLinks[lw] || (monthByName[lw] > 0 || isWeekday(w)) && i > 1 || strings.HasSuffix(w, ":") {
			// "Updated July 3" leaves nothing: no names; a label
			// ("Tags:", "Topics:") ends them, and one first is a list's.
			words = words[:i]
			break
		}
	}
	// "PAUL OVERTON AT" (cut at "11:03 AM"): a date's word left last
	// ends no name, whatever its case.
	for len(words) > 1 && bylineEnd[strings.ToLower(strings.Trim(words[len(words)-1], ".,:;"))] {
		words = words[:len(words)-1]
	}
	s = strings.TrimRight(strings.Join(words, " "), " -–—|,;:→»›")
	if last := words; len(last) > 0 && utf8.RuneCountInString(strings.TrimSuffix(last[len(last)-1], ".")) > 2 {
		s = strings.TrimSuffix(s, ".") // "Emily Temple.", not "A.J."
	}
	if parts := strings.Split(s, ","); len(parts) > 1 {
		for _, p := range parts {
			// A person's part opens with a name: "da Reuters", "of the
			// Times" name a publisher.
			p = strings.TrimSpace(p)
			first, _, _ := strings.Cut(p, " ")
			if wordCount(p) < 2 || !looksLikeNames(p) || hasRoleWord(p) || publisherOf[first] {
				s = parts[0]
				break
			}
		}
	}
	words = caseChange(strings.Fields(s))
	if last := words[max(0, len(words)-1):]; len(words) > 1 && (nameJoiner[last[0]] || last[0] == "&") {
		// "Foursquare and" (cut at a link's label "Twitter"): a list of
		// names cut short, no byline.
		return ""
	}
	if onlyControls(words) {
		return "" // "View Profile", "About": a link's label
	}
	return strings.TrimRight(strings.Join(words, " "), " -–—|,;:→»›")
}

// roleWords are the words of a writer's role or of the newsroom a
// byline prints after the names and a comma ("Tarun Jain, AdWords
// Product Manager", "A. Pawlowski, NBC News contributor", "Jane Doe,
// Associated Press"), in the languages aloud reads most: a part between
// commas that holds one is no name.
var roleWords = setOf("manager", "editor", "reporter", "correspondent", "writer", "contributor", "columnist", "producer", "director",
	"engineer", "strategist", "analyst", "author", "journalist", "photographer", "staff", "team", "intern", "officer", "head", "chief",
	"redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin", "journaliste", "correspondant",
	"correspondante", "rédacteur", "rédactrice", "periodista", "corresponsal", "redactor", "redactora", "giornalista",
	"corrispondente", "redattore", "jornalista", "correspondente", "redacteur", "verslaggever", "correspondent", "dziennikarz",
	"корреспондент", "журналист", "редактор", "обозреватель", "кореспондент", "журналіст", "оглядач",
	"press", "news", "agency", "newsroom", "desk", "wire", "presse", "agence", "rédaction", "agentur", "nachrichten", "redaktion",
	"agencia", "redacción", "noticias", "agenzia", "redazione", "notizie", "agência", "redação", "notícias", "redactie", "nieuws",
	"новости", "новини", "агентство", "редакция", "редакція")

// publisherOf are the prepositions that open a publisher's name after a
// byline's comma ("Ana Souza, da Reuters", "Jane Doe, of the Times",
// "Anna Schmidt, für die Zeit").
var publisherOf = setOf("of", "for", "at", "from", "da", "do", "de", "del", "della", "di", "du", "des", "für", "bei", "van", "voor", "för", "для", "из", "з")

// hasRoleWord reports a part of a byline that names a role.
func hasRoleWord(p string) bool {
	for _, w := range strings.Fields(p) {
		if roleWords[strings.ToLower(strings.Trim(w, ".,;:()"))] {
			return true
		}
	}
	return false
}

// caseChange cuts names where the words change from mixed case to
// capitals or back, after two words of one kind: an organisation or a
// role follows the names ("Mike Whalley BBC Sport", "DANICA KIRKA
// Associated Press"). Two words first, because some languages set the
// surname alone in capitals ("Jean DUPONT"); initials ("A.J.") and
// one-letter words tell nothing.
func caseChange(words []string) []string {
	kind := func(w string) int {
		letters, upper := 0, 0
		for _, r := range w {
			if r == '.' {
				return 0
			}
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
		switch {
		case letters < 2 || upper == 0 || romanNumeral(w):
			return 0
		case upper == letters:
			return 2
		default:
			return 1
		}
	}
	if len(words) < 3 || kind(words[0]) == 0 || kind(words[0]) != kind(words[1]) {
		return words
	}
	for i := 2; i < len(words); i++ {
		if k := kind(words[i]); k != 0 && k != kind(words[0]) {
			return words[:i]
		}
	}
	return words
}

// romanNumeral reports a word in Roman numerals ("III" in "John Smith
// III"), which is part of a name.
func romanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "IVXLC") == ""
}

// innerBy is "by" inside a line, before the names it introduces.
var innerBy = lazy(`(?i)\sby\s+`)

// onlyControls reports words that are all a control's or a link's
// labels ("View Profile", "About").
func onlyControls(words []string) bool {
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ".,:;!?→»"))
		if w != "" && !controlWords[w] && !bylineLinks[w] {
			return false
		}
	}
	return len(words) > 0
}

// dropParentheses removes "(…)" groups.
func dropParentheses(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(' || r == '（':
			depth++
		case (r == ')' || r == '）') && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return cleanSpace(b.String())
}

// isBylineLine reports a line that names the writer: "By …" in one of the
// languages aloud reads (bylinePrefix), or the byline already found.
func isBylineLine(t, byline string) bool {
	if byline != "" && strings.Contains(strings.ToLower(t), strings.ToLower(byline)) && wordCount(t) <= wordCount(byline)+12 {
		return true
	}
	lead := strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	m := bylinePrefix.FindString(lead)
	return m != "" && wordCount(t) <= 25 && looksLikeNames(cleanByline(t))
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
// two to five words, most capitalised, no sentence's end, no digits; in a
// script without capitals, marked by a label (nameLabel).
func isNameLine(t string) bool { return namesIn(t, t) }

// namesIn reports whether names, read from line by cleanByline, are a
// line of names: as isNameLine, where in a script without capitals the
// label that marked them was on line (one name alone is enough then:
// "홍길동 기자").
func namesIn(line, names string) bool {
	n := wordCount(names)
	if n > 5 || isSentence(names) || !looksLikeNames(names) || strings.IndexFunc(names, unicode.IsDigit) >= 0 {
		return false
	}
	if cased(names) {
		return n >= 2
	}
	return n >= 1 && nameLabel.MatchString(line)
}

// cased reports text with a capital or a small letter: in a script
// without case (Chinese, Japanese, Korean, Arabic, Hebrew, Thai) a line
// of names looks like any other line, and only nameLabel tells it.
func cased(t string) bool {
	return strings.IndexFunc(t, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsLower(r) }) >= 0
}

// textByline finds the byline of pasted text around its title (title,
// -1 when none) and the body's start: a "By …" line, the nearest after
// the title first; else a line that begins with names and goes on with
// a date or time ("Alex Perry 1 day ago"), or a line of names, in the
// three lines between the title and the body; else a line of names beside a date line.
func textByline(units []string, title, start, head, end int) string {
	from := max(0, start-bylineReach)
	to := head
	if title >= 0 {
		from = max(0, title-2)
	}
	order := make([]int, 0, to-from)
	if title >= 0 {
		for i := title + 1; i < to; i++ {
			order = append(order, i)
		}
		for i := title - 1; i >= from; i-- {
			order = append(order, i)
		}
	} else {
		for i := from; i < to; i++ {
			order = append(order, i)
		}
	}
	// The story's first lines can hold the byline too, under a caption
	// or a standfirst: "By" lines are looked for a little further.
	for i := to; i < min(end, head+2); i++ {
		order = append(order, i)
	}
	if names := prefixedByline(units, order); names != "" {
		return names
	}
	// Without "By", a line of capitalised words is names only if the
	// page does not use its words in lower case too ("Subscribe To Our
	// Newsletter", "View Photos").
	lower := lowerCaseWords(units)
	if title >= 0 {
		// Names with a date or time ("Alex Perry 1 day ago") say more
		// than a line of names alone, which can be a section's or a
		// publisher's name ("Tech Insider").
		under := linesUnder(units, title, start, 3)
		for _, i := range under {
			if names := cleanByline(units[i]); isNameAndTime(units[i]) && !commonWords(names, lower) && !isSourceLabel(names, units) {
				return names
			}
		}
		for _, i := range under {
			t := units[i]
			if names := cleanByline(t); namesIn(t, names) && !isBoilerplate(t) && !commonWords(names, lower) &&
				(isNameLine(t) || isDateLine(t) || wordCount(t) <= wordCount(names)+6) {
				return names
			}
		}
	}
	for i := from; i < to; i++ {
		t := units[i]
		nextToDate := i > 0 && isDateLine(units[i-1]) || i+1 < len(units) && isDateLine(units[i+1])
		if names := cleanByline(t); nextToDate && namesIn(t, names) && !isDateLine(t) && !isBoilerplate(t) && i != title && !commonWords(names, lower) {
			return names
		}
	}
	if title >= 0 {
		// The title found may be a teaser's or a caption: a "By" line
		// nearer the body's start than the title's reach still names
		// the article's writers.
		order = order[:0]
		for i := min(end, head+2) - 1; i >= max(0, start-bylineReach); i-- {
			order = append(order, i)
		}
		if names := prefixedByline(units, order); names != "" {
			return names
		}
	}
	// A blog signs its post at the foot: "Posted by Jane Doe on
	// November 5, 2012 | Permalink" right after the last paragraph.
	order = order[:0]
	for i := end; i < min(len(units), end+footReach); i++ {
		order = append(order, i)
	}
	return prefixedByline(units, order)
}

// isSourceLabel reports names the text prints as a line of their own
// three times or more: a publisher's or a section's name labelling its
// teasers ("Yahoo Finance"), not a writer's, which a page prints once or
// twice.
func isSourceLabel(names string, units []string) bool {
	n := 0
	for _, u := range units {
		if u == names {
			n++
		}
	}
	return n >= 3
}

// footReach is how many lines after the body a post's signature is
// looked for: past a share bar or a tag line, not into the comments.
const footReach = 3

// lowerCaseWords are the words the text writes in lower case somewhere.
func lowerCaseWords(units []string) map[string]bool {
	words := map[string]bool{}
	for _, u := range units {
		for _, f := range strings.Fields(u) {
			// Words of running text only: not a handle, an address or a
			// file name ("@ben_silverman", "ben.silverman@…").
			f = strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) })
			if strings.IndexFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' }) >= 0 {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(f); unicode.IsLower(r) {
				words[f] = true
			}
		}
	}
	return words
}

// commonWords reports a line of capitalised words most of which the
// text writes in lower case elsewhere: a button's or a section's words,
// not a person's name.
func commonWords(names string, lower map[string]bool) bool {
	common, n := 0, 0
	for _, f := range strings.FieldsFunc(names, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if r, _ := utf8.DecodeRuneInString(f); !unicode.IsUpper(r) {
			continue
		}
		n++
		if lower[strings.ToLower(f)] || controlWords[strings.ToLower(f)] {
			common++
		}
	}
	return n > 0 && 2*common > n
}

// controlWords are the words of a page's controls, which copied text
// prints as lines of capitalised words ("View Photos", "Enlarge Photo",
// "Next Previous", "Report Abuse", "Search Go"): no writer is named so.
var controlWords = map[string]bool{"view": true, "photo": true, "photos": true, "enlarge": true, "next": true, "previous": true, "report": true,
	"abuse": true, "search": true, "go": true, "size": true, "related": true, "stories": true, "index": true, "share": true, "print": true,
	"reply": true, "login": true, "menu": true, "home": true, "archive": true, "archives": true, "subscribe": true, "follow": true, "comments": true,
	"gallery": true, "video": true, "videos": true, "slideshow": true, "close": true, "more": true, "show": true, "hide": true, "sign": true,
	"about": true}

// prefixedByline is the first of units[order] that names writers after
// a byline's prefix ("By …", "Von …", "Автор: …"), at its start or after
// a date or separator ("on March 10, 2015 by Jane Doe"), or "By" alone
// with the names on the next line.
func prefixedByline(units []string, order []int) string {
	for _, i := range order {
		t := units[i]
		if wordCount(t) > 25 {
			continue
		}
		lead := strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
		// "By" alone, its names linked on the next line: a copy puts a
		// link on a line of its own.
		if i+1 < len(units) && bylinePrefix.MatchString(lead+" ") && strings.TrimSpace(bylinePrefix.ReplaceAllString(lead+" ", "")) == "" {
			lead = strings.TrimLeftFunc(units[i+1], func(r rune) bool { return !unicode.IsLetter(r) })
			if names := cleanByline(lead); wordCount(names) >= 1 && looksLikeNames(names) {
				return names
			}
			continue
		}
		// A "By" at the start, or after a date or a separator ("on March
		// 10, 2015 by Jane Doe"): cleanByline takes the names after it.
		if bylinePrefix.FindString(lead) == "" && !innerByline.MatchString(t) {
			continue
		}
		if names := cleanByline(lead); wordCount(names) >= 1 && looksLikeNames(names) {
			return names
		}
	}
	return ""
}

// inCategory is " in " before a capital, where a byline's names end.
var inCategory = lazy(`\sin\s+\p{Lu}`)

// isNameAndTime reports a line of names followed by a date or a time:
// "Alex Perry 1 day ago", "James Akinaka • 8h", "Dan Goodin - Apr 16,
// 2015 8:02 pm UTC".
func isNameAndTime(t string) bool {
	names := cleanByline(t)
	i := strings.Index(t, names)
	if names == "" || i < 0 || names == t || !namesIn(t, names) {
		return false
	}
	rest := strings.TrimLeft(t[i+len(names):], " -–—|•·,/")
	return !findDate(rest).IsZero() || timeOrAge.MatchString(rest)
}

// timeOrAge is a time of day or an age: "3:57 PM", "8h", "1 day ago".
var timeOrAge = lazy(`(?i)^(?:(?:on|at|updated|published)\s+)?(?:\d{1,2}[:.]\d{2}|\d+\s*(?:s|m|h|d|w|min|mins|minutes?|hrs?|hours?|days?|weeks?)\b)`)

// bylineReach is how far before the body a "By" line is looked for
// when the text has no title: further than the title's, since share
// buttons and "Continue reading" often stand between.
const bylineReach = 30

// linesUnder are the first n lines under units[i] and before limit that
// are not the page's furniture ("Share", "Save", a counter, a photo's
// credit), looking ten lines down at most.
func linesUnder(units []string, i, limit, n int) []int {
	var under []int
	for j := i + 1; j < limit && j <= i+furnitureReach && len(under) < n; j++ {
		if t := units[j]; !isFurnitureLine(t) || isNameAndTime(t) || isBylineLine(t, "") || isDateLine(t) {
			under = append(under, j) // "Jane Doe / 8 hrs ago" is no photo's credit
		}
	}
	return under
}
