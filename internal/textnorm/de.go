package textnorm

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// German writes a decimal comma and groups thousands with points or
// spaces.
var deSeps = separators{decimal: ",", groups: []string{".", " ", "\u00a0", "\u202f", "\u2009"}}

const (
	deNum   = `(?:\d{1,3}(?:\.\d{3})+|` + spaceGrouped + `|\d+)(?:,\d+)?`
	deInt   = `\d{1,3}(?:[.\x{a0}\x{202f}]\d{3})+|\d+`
	deMonth = `(?i:jan(?:uar)?|jän(?:ner)?|feb(?:ruar)?|mär(?:z)?|mrz|apr(?:il)?|mai|jun[i]?|jul[i]?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?)`
	deScale = `(?i:tausend|millionen|million|mio\.?|milliarden|milliarde|mrd\.?|billionen|billion)`
)

var deScaleWords = map[string]string{"tausend": "tausend", "million": "million", "millionen": "millionen", "mio": "millionen",
	"milliarde": "milliarde", "milliarden": "milliarden", "mrd": "milliarden", "billion": "billion", "billionen": "billionen"}

// deScaleWord says a scale word as written or abbreviated ("Mio." →
// "millionen"; one million is "eine million").
func deScaleWord(s string, one bool) string {
	w := deScaleWords[strings.ToLower(strings.TrimSuffix(s, "."))]
	if one {
		switch w {
		case "millionen":
			return "million"
		case "milliarden":
			return "milliarde"
		case "billionen":
			return "billion"
		}
	}
	return w
}

var german = sync.OnceValue(func() *language {
	l := &language{code: "de", decimal: ',', capitalNouns: true, sentenceStarters: set("der", "die", "das", "den", "dem", "des",
		"ein", "eine", "einen", "es", "er", "sie", "wir", "ich", "ihr", "man", "im", "in", "am", "an", "auf", "aus", "bei", "mit",
		"nach", "seit", "von", "vor", "zu", "zum", "zur", "doch", "aber", "und", "oder", "dann", "so", "auch", "dies", "diese",
		"dieser", "damit", "dabei", "danach", "deshalb", "trotzdem", "nun", "jetzt", "heute", "wie", "was", "wer", "wo", "warum")}
	l.listEnds = set("und so weiter", "unter anderem", "und vieles mehr", "et cetera", "folgende", "oder ähnliches")
	l.addVersion("Punkt", func(d string) string { return deCardinal(d, deAlone) })
	add, addGlued := l.adders()

	// "Q3 2023", "im Q3": a quarter (Quartal).
	add(Date, `Q(?P<q>[1-4])(?:\s(?P<y>\d{4}))?`+wordEnd, func(c *context, m match) (string, bool) {
		ending := deEnding(c) // Quartal is neuter: "das dritte", "im dritten", "drittes"
		if ending == "er" {
			ending = "es"
		}
		s := []string{"", "erst", "zweit", "dritt", "viert"}[atoi(m.get("q"))] + ending + " Quartal"
		if y := m.get("y"); y != "" {
			s += " " + deYear(int(atoi(y)))
		}
		return s, true
	})
	add(Electronic, `[\w.+&-]+@[\w-]+(?:\.[\w-]+)+`, deElectronic)
	add(Electronic, `(?i:https?|ftp)://[^\s<>"]*[^\s<>".,;:!?)\]'"]`, deElectronic)
	add(Electronic, `(?i:www)\.[\w-]+(?:\.[\w-]+)+\.?`, deElectronic)
	add(Electronic, `[a-z][\w-]*\.(?:de|com|org|net|at|ch|eu|info)\.?`, deElectronic)
	add(Electronic, `@[\w]+`, deElectronic)

	add(Telephone, `\+(?P<cc>\d{1,3})(?P<rest>(?:[\s/-]\(?\d{1,9}\)?){1,5})`, deTelephone)
	add(Telephone, `(?:\+(?P<cc>\d{1,3})\s?)?(?:\((?P<area>0\d{2,5})\)|(?P<area2>0\d{2,5}))?[\s/-]?(?P<num>\d{3,5}[\s-]\d{2,5}(?:[\s-]\d{1,5})?)`, deTelephone)

	add(Money, `(?P<cur>[$£€¥₴₽]|(?i:EUR|USD|CHF|GBP)\s?)\s?(?P<amt>`+deNum+`)(?:\s(?P<scale>`+deScale+`))?`, deMoney)
	add(Money, `(?P<amt>`+deNum+`)(?:\s(?P<scale>`+deScale+`))?\s?(?P<cur>[$£€¥₴₽]|EUR|USD|CHF|GBP|(?i:euro|dollar|pfund|franken|cent))(?:/(?P<per>[\p{L}]+[²³23]?))?`, deMoney)

	add(Time, `(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?\s?(?P<uhr>(?i:uhr))(?:\s(?P<zone>(?i:mez|mesz|utc|gmt|est)))?`, deTime)
	add(Time, `(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?`, deTime)
	add(Range, scorePattern, sayScore(func(d string) string { return deCardinal(d, deAlone) }, "zu"))
	add(Time, `(?P<h>\d{1,2})\s(?P<uhr>(?i:uhr))`, deTime)

	// A ruler's number after the name: "Friedrich II." → "Friedrich der
	// Zweite" ("Ludwig XIV." der Vierzehnte).
	add(Roman, `(?P<r>[IVXL]{1,6})\.`, func(c *context, m match) (string, bool) {
		v := romanValue(m.get("r"))
		prev := c.prevRaw()
		if v < 1 || v > 30 || !isLetters(prev) || !unicode.IsUpper([]rune(prev)[0]) || prev == strings.ToUpper(prev) {
			return "", false
		}
		if deRomanCardinalCues[strings.ToLower(prev)] {
			return deCardinal(itoa(v), deAlone), true // "Kapitel IV.": Kapitel vier
		}
		o := deOrdinal(itoa(v), "e")
		return "der " + strings.ToUpper(o[:1]) + o[1:], true
	})
	add(Date, `(?P<d>\d{1,2})\.\s?(?P<mon>`+deMonth+`)(?P<dot>\.?)(?:\s(?P<y>\d{4}))?`, deDateDM)
	add(Date, `(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4}|\d{2})?`, deDateNumeric)
	add(Date, `(?P<d>\d{1,2})\.(?P<m>\d{1,2})`, deDateNumeric)
	add(Date, `(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})`, deDateNumeric)
	add(Date, `(?P<mon>`+deMonth+`)\s(?P<y>\d{4})`, func(c *context, m match) (string, bool) {
		mon := deMonthNumber(m.get("mon"))
		return deMonths[mon] + " " + deYear(int(atoi(m.get("y")))), mon > 0
	})
	add(Date, `(?P<dec>\d{1,4})er(?P<suf>(?:-?\p{L}+)?)`, func(c *context, m match) (string, bool) {
		// die 1980er: "neunzehn hundert achtziger"; any number takes
		// -er so: die 68er achtundsechziger, eine 3er-Reihe dreier.
		d := int(atoi(m.get("dec")))
		if len(m.get("dec")) == 4 {
			return deYear(d) + "er" + m.get("suf"), true
		}
		return deCardinal(m.get("dec"), deAlone) + "er" + m.get("suf"), true
	})
	// A house's or an article's number with a letter: "Nr. 12a", "Art. 5b".
	add(Cardinal, `(?P<n>\d{1,4})(?P<l>[a-f])`+wordEnd, func(c *context, m match) (string, bool) {
		return deCardinal(m.get("n"), deAlone) + " " + m.get("l"), true
	})

	add(Measure, `(?P<sign>[-−])?(?P<num>`+deNum+`|\d+\s\d+/\d+|\d+/\d+)(?:\s(?P<scale>`+deScale+`))?\s?(?P<unit>[\p{L}µμ°%]+[²³23]?(?:/[\p{L}]+[²³23]?)?)`+wordEnd, deMeasure)
	// A unit abbreviated with its dot ("15 Min.", "2 Std. Fahrt"): the
	// dot is the unit's, given back where a sentence starts after it
	// (sentenceStop) or the text ends.
	add(Measure, `(?P<sign>[-−])?(?P<num>`+deNum+`)\s?(?P<unit>\p{L}+\.)`, func(c *context, m match) (string, bool) {
		said, ok := deMeasure(c, m)
		if ok && strings.TrimSpace(c.text[c.end:]) == "" {
			said += "."
		}
		return said, ok
	})
	add(Measure, `(?P<sign>-)(?P<num>\d+\s\d+/\d+|\d+/\d+)\s?(?P<unit>[\p{L}µμ°%]+[²³23]?)`+wordEnd, deMeasure)
	addGlued(Measure, `(?P<sign>[-−])?(?P<num>`+deNum+`)\s?(?P<unit>%|‰|°C|°)`, deMeasure)
	add(Measure, `(?P<num>`+deNum+`)/(?P<per>[\p{L}]+[²³23]?)`, func(c *context, m match) (string, bool) {
		u, ok := deUnits[m.get("per")]
		if !ok {
			return "", false
		}
		return deDecimal(deSeps.parseNumber(m.get("num")), deAlone) + " pro " + u.one, true
	})

	// "Saison 2023/24": a season, not a fraction.
	add(Date, seasonPattern, func(c *context, m match) (string, bool) {
		return deYear(int(atoi(m.get("y")))) + " bis " + deCardinal(seasonEnd(m), deAlone), isSeason(m)
	})
	add(Fraction, `(?:(?P<sign>-))?(?:(?P<int>\d+)\s)?(?P<num>\d+)/(?P<den>\d+)`, deFraction)
	addGlued(Fraction, `(?:(?P<sign>-))?(?:(?P<int>\d+)\s?)?(?P<vf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])`, deFraction)

	add(Ordinal, `(?P<n>`+deInt+`)(?:\.|(?P<suf>te[nmrs]?|ste[nmrs]?))`, deOrdinalRule)

	add(Cardinal, `(?P<sign>[-−+])?(?P<num>`+deNum+`)(?:\s(?P<scale>`+deScale+`))?`, deNumber)
	// A price in whole euros, its cents a dash: "5,- Euro", "120,–".
	add(Cardinal, `(?P<num>\d{1,3}(?:\.\d{3})+|\d+),[-–]`+wordEnd, func(c *context, m match) (string, bool) {
		return deCardinal(strings.ReplaceAll(m.get("num"), ".", ""), deAlone), true
	})

	add(Serial, `(?:[\p{L}\p{N}]+-)*[\p{L}]*\p{N}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)+|[\p{L}]+\p{N}+[\p{L}\p{N}]*|\p{N}+\p{Lu}+\p{N}*`, func(c *context, m match) (string, bool) {
		if strings.IndexFunc(m.text, unicode.IsLetter) < 0 {
			return "", false
		}
		return sayRuns(m.text, func(d string) string {
			if len(d) >= 4 {
				return deDigits(d)
			}
			return deCardinal(d, deAlone)
		}), true
	})

	// Weekdays abbreviated: "Mo.–Fr." Montag bis Freitag; "So., 8.
	// Oktober", "Fr. 9 Uhr" before a date or a time.
	add(Date, `(?P<a>Mo|Di|Mi|Do|Fr|Sa|So)\.(?:\s?[–-]\s?(?P<b>Mo|Di|Mi|Do|Fr|Sa|So)\.?)?`, func(c *context, m match) (string, bool) {
		if b := m.get("b"); b != "" {
			return deWeekdayAbbr[strings.ToLower(m.get("a"))] + " bis " + deWeekdayAbbr[strings.ToLower(b)], true
		}
		next := strings.TrimLeft(c.text[c.end:], " ")
		if !strings.HasPrefix(next, ",") && !startsWithDigit(next) {
			return "", false // "Fr. Müller" is Frau Müller
		}
		return deWeekdayAbbr[strings.ToLower(m.get("a"))], true
	})
	l.addAbbreviations(deAbbreviation)
	add(Symbol, `(?P<sym>§§|[%&@+=~÷§])`, func(c *context, m match) (string, bool) {
		s, ok := map[string]string{"%": "prozent", "&": "und", "@": "at", "+": "plus", "=": "gleich", "~": "circa", "÷": "geteilt durch", "§": "paragraf", "§§": "paragrafen"}[m.get("sym")]
		return s, ok
	})
	l.ranges = deRanges
	l.mayStart = func(word, next string) bool {
		if deMonthNumber(word) > 0 {
			return startsWithDigit(next)
		}
		return false
	}
	return l
})

// --- electronic ---

var deSymbols = map[rune]string{'.': "punkt", '@': "at", '/': "slash", ':': "doppelpunkt", '-': "bindestrich", '_': "unterstrich",
	'&': "und", '?': "fragezeichen", '=': "gleich", '#': "raute", '%': "prozent", '~': "tilde", '+': "plus"}

// knownWords are names a voice reads as words inside an address; other
// short letter groups are spelled.
var knownWords = set("gmail", "hotmail", "yahoo", "google", "amazon", "facebook", "twitter", "youtube", "wikipedia", "nvidia",
	"outlook", "example", "apple", "microsoft", "instagram", "spiegel", "zeit", "bild", "news")

// deDomains are the top-level domains German voices say as words.
var deDomains = set("com", "org", "net", "edu", "gov", "de", "at", "ch", "info", "eu")

func deElectronic(c *context, m match) (string, bool) {
	return spellAddress(m.text, deSymbols, deDigits, "at", deDomains, true), true
}

// spellAddress says an e-mail address, a handle or a web address in a
// language whose voices would read English names wrongly: the part before
// the @ letter by letter, host names as words when they are well known,
// long (likely words) or a top-level domain, else spelled too. A full stop
// at the end stays the sentence's.
func spellAddress(text string, names map[rune]string, digits func(string) string, at string, domains map[string]bool, keepLong bool) string {
	final := ""
	if strings.HasSuffix(text, ".") {
		text, final = strings.TrimSuffix(text, "."), "."
	}
	var out []string
	user, host, hasAt := strings.Cut(text, "@")
	if !hasAt {
		host = text
	} else {
		if user != "" {
			out = append(out, spellElectronic(user, names, digits, func(w string, _ bool) string { return spellLetters(strings.ToLower(w)) }))
		}
		out = append(out, at)
	}
	out = append(out, spellElectronic(host, names, digits, func(w string, last bool) string {
		lw := strings.ToLower(w)
		if knownWords[lw] || domains[lw] || (keepLong && len([]rune(w)) >= 8) {
			return lw
		}
		return spellLetters(lw)
	}))
	return strings.Join(out, " ") + final
}

// --- telephone ---

func deTelephone(c *context, m match) (string, bool) {
	var parts []string
	if cc := m.get("cc"); cc != "" {
		parts = append(parts, "plus "+deCardinal(cc, deAlone))
	}
	area := m.get("area") + m.get("area2") + m.get("rest")
	if area == "" && m.get("cc") == "" {
		return "", false // a number with no area code or country is not known to be a telephone's
	}
	digits := area + strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, m.get("num"))
	if len(digits) < 6 {
		return "", false
	}
	parts = append(parts, deDigits(digits))
	return strings.Join(parts, " "), true
}

// --- money ---

var deCurrencies = map[string]currency{
	"$": {"dollar", "dollar", "cent", "cent"}, "USD": {"us dollar", "us dollar", "cent", "cent"}, "dollar": {"dollar", "dollar", "cent", "cent"},
	"€": {"euro", "euro", "cent", "cent"}, "EUR": {"euro", "euro", "cent", "cent"}, "euro": {"euro", "euro", "cent", "cent"},
	"£": {"pfund", "pfund", "penny", "pence"}, "GBP": {"pfund", "pfund", "penny", "pence"}, "pfund": {"pfund", "pfund", "penny", "pence"},
	"¥": {"yen", "yen", "", ""}, "₴": {"hrywnja", "hrywnja", "kopeke", "kopeken"}, "₽": {"rubel", "rubel", "kopeke", "kopeken"},
	"CHF": {"franken", "franken", "rappen", "rappen"}, "franken": {"franken", "franken", "rappen", "rappen"},
}

func deMoney(c *context, m match) (string, bool) {
	said, ok := deSum(m)
	return perUnit(said, "pro", m.get("per"), func(u string) (string, bool) { n, ok := deUnits[u]; return n.one, ok }), ok
}

// deSum says an amount of money in its currency.
func deSum(m match) (string, bool) {
	cur := strings.TrimSpace(m.get("cur"))
	if strings.EqualFold(cur, "cent") {
		n := deSeps.parseNumber(m.get("amt"))
		return deDecimal(n, deMasc) + " cent", !n.point
	}
	names, ok := deCurrencies[cur]
	if !ok {
		names, ok = deCurrencies[strings.ToLower(cur)]
	}
	if !ok {
		names, ok = deCurrencies[strings.ToUpper(cur)]
	}
	if !ok {
		return "", false
	}
	n := deSeps.parseNumber(m.get("amt"))
	if scale := m.get("scale"); scale != "" {
		one := trimZeros(n.whole) == "1" && !n.point
		return words(deDecimal(n, deFem), deScaleWord(scale, one), names.many), true
	}
	frac := n.frac
	if len(frac) > 2 {
		frac = strings.TrimRight(frac, "0")
	}
	if len(frac) > 2 || (frac != "" && !isZero(frac) && names.minorOne == "") {
		n.frac = frac
		return words(deDecimal(n, deAlone), names.many), true
	}
	if len(frac) == 1 {
		frac += "0"
	}
	cents := int(atoi(frac))
	minor := names.minorMany
	if cents == 1 {
		minor = names.minorOne
	}
	whole := deCardinal(n.whole, deMasc) + " " + names.one
	switch {
	case cents == 0:
		return whole, true
	case isZero(n.whole):
		return deCardinal(itoa(cents), deMasc) + " " + minor, true
	}
	return whole + " " + deCardinal(itoa(cents), deMasc) + " " + minor, true
}

// --- time ---

func deTime(c *context, m match) (string, bool) {
	h, mi, s := m.get("h"), m.get("m"), m.get("s")
	if atoi(h) > 24 || atoi(mi) > 59 || atoi(s) > 59 {
		return "", false
	}
	if m.get("uhr") == "" && atoi(h) > 24 {
		return "", false
	}
	out := deCardinal(h, deMasc) + " Uhr"
	switch {
	case s != "":
		unit := func(v, one, many string) string {
			if atoi(v) == 1 {
				return "eine " + one
			}
			return deCardinal(v, deAlone) + " " + many
		}
		out += " " + unit(mi, "minute", "minuten") + " " + unit(s, "sekunde", "sekunden")
	case mi != "" && atoi(mi) > 0:
		out += " " + deCardinal(mi, deAlone)
	}
	if z := m.get("zone"); z != "" {
		out += " " + spellLetters(strings.ToLower(z))
	}
	return out, true
}

// --- dates ---

// deEnding is the ending an ordinal takes after the words before it: "am
// dritten", "der dritte", "dritter" on its own.
func deEnding(c *context) string {
	prev := c.prevWord()
	if (deWeekdays[prev] || deWeekdayAbbr[prev] != "") && c.prevWordN(2) != "" {
		// "am Mittwoch, 5. Juni": the date stands beside the weekday and
		// takes the case of the word before it.
		prev = c.prevWordN(2)
	}
	switch prev {
	case "der", "dieser", "jeder":
		if dePrepositions[c.prevWordN(2)] {
			return "en" // "in der 2. Liga": dative, in der zweiten Liga
		}
		return "e"
	case "die", "das", "diese", "jede":
		return "e"
	case "am", "im", "vom", "zum", "beim", "dem", "den", "des", "zur", "einem", "einen", "seit", "ab", "bis", "vor", "nach":
		return "en"
	case "eine":
		return "e"
	}
	return "er"
}

// dePrepositions are the prepositions before which "der" is a dative's
// or a genitive's article, never the nominative's.
var dePrepositions = set("in", "an", "auf", "aus", "bei", "mit", "nach", "von", "zu", "vor", "hinter", "über", "unter", "neben",
	"zwischen", "seit", "während", "wegen", "trotz", "gegenüber", "außer", "innerhalb", "außerhalb", "laut", "gemäß", "ab")

// deWeekdayAbbr are the days' abbreviations and their names.
var deWeekdayAbbr = map[string]string{"mo": "Montag", "di": "Dienstag", "mi": "Mittwoch", "do": "Donnerstag", "fr": "Freitag",
	"sa": "Samstag", "so": "Sonntag"}

// deWeekdays are the days' names, which a date can stand beside.
var deWeekdays = map[string]bool{"montag": true, "dienstag": true, "mittwoch": true, "donnerstag": true, "freitag": true,
	"samstag": true, "sonnabend": true, "sonntag": true}

func deDateDM(c *context, m match) (string, bool) {
	mon := deMonthNumber(m.get("mon"))
	d := int(atoi(m.get("d")))
	if mon == 0 || !validDay(mon, d) {
		return "", false
	}
	s := deOrdinal(itoa(d), deEnding(c)) + " " + deMonths[mon]
	if y := m.get("y"); y != "" {
		s += " " + deYear(int(atoi(y)))
	}
	return s + fullStop(m, deMonths[mon]), true
}

func deDateNumeric(c *context, m match) (string, bool) {
	d, mon := int(atoi(m.get("d"))), int(atoi(m.get("m")))
	if !validDay(mon, d) {
		return "", false
	}
	y := m.get("y")
	if y == "" && !strings.Contains(m.text, ".") {
		return "", false
	}
	if y == "" && c.followedByDigitSep() {
		return "", false
	}
	s := deOrdinal(itoa(d), deEnding(c)) + " " + deMonths[mon]
	switch len(y) {
	case 4:
		s += " " + deYear(int(atoi(y)))
	case 2:
		s += " " + deCardinal(y, deAlone)
	}
	return s, true
}

// followedByDigitSep reports whether the match runs on into more of a
// number ("1.2.3" is not a date).
func (c *context) followedByDigitSep() bool {
	rest := c.text[c.end:]
	return len(rest) >= 2 && (rest[0] == '.' || rest[0] == ',') && rest[1] >= '0' && rest[1] <= '9'
}

// --- measures ---

type deUnit struct {
	one, many string
	fem       bool
}

var deUnits = func() map[string]deUnit {
	m := map[string]deUnit{}
	for _, u := range []struct {
		syms      string
		one, many string
		fem       bool
	}{
		{"m", "meter", "meter", false}, {"km", "kilometer", "kilometer", false}, {"cm", "zentimeter", "zentimeter", false},
		{"mm", "millimeter", "millimeter", false}, {"µm μm", "mikrometer", "mikrometer", false}, {"nm", "nanometer", "nanometer", false},
		{"g", "gramm", "gramm", false}, {"kg", "kilogramm", "kilogramm", false}, {"mg", "milligramm", "milligramm", false},
		{"t", "tonne", "tonnen", true}, {"l", "liter", "liter", false}, {"ml", "milliliter", "milliliter", false},
		{"h Std. Std", "stunde", "stunden", true}, {"min Min.", "minute", "minuten", true}, {"s sek Sek.", "sekunde", "sekunden", true},
		{"ms", "millisekunde", "millisekunden", true}, {"km/h", "kilometer pro stunde", "kilometer pro stunde", false},
		{"m/s", "meter pro sekunde", "meter pro sekunde", false}, {"kwh kWh", "kilowattstunde", "kilowattstunden", true},
		{"mwh MWh", "megawattstunde", "megawattstunden", true}, {"w W", "watt", "watt", false}, {"kw kW", "kilowatt", "kilowatt", false},
		{"mw MW", "megawatt", "megawatt", false}, {"gw GW", "gigawatt", "gigawatt", false}, {"mv mV", "millivolt", "millivolt", false},
		{"v V", "volt", "volt", false}, {"kv kV", "kilovolt", "kilovolt", false}, {"ps PS", "ps", "ps", false},
		{"m² m2 qm", "quadrat meter", "quadrat meter", false}, {"km² km2", "quadrat kilometer", "quadrat kilometer", false},
		{"cm² cm2", "quadrat zentimeter", "quadrat zentimeter", false}, {"m³ m3", "kubikmeter", "kubikmeter", false},
		{"ha", "hektar", "hektar", false}, {"ft", "fuß", "fuß", false}, {"mi", "meile", "meilen", true}, {"mph", "meile pro stunde", "meilen pro stunde", true},
		{"%", "prozent", "prozent", false}, {"‰", "Promille", "Promille", false}, {"°C", "grad celsius", "grad celsius", false}, {"°", "grad", "grad", false},
		{"hz Hz", "hertz", "hertz", false}, {"khz kHz", "kilohertz", "kilohertz", false}, {"mhz MHz", "megahertz", "megahertz", false},
		{"gb GB", "gigabyte", "gigabyte", false}, {"mb MB", "megabyte", "megabyte", false}, {"kb KB", "kilobyte", "kilobyte", false},
		{"db dB", "dezibel", "dezibel", false}, {"bar", "bar", "bar", false}, {"cal kcal", "kalorie", "kalorien", true},
		{"ghz GHz", "gigahertz", "gigahertz", false}, {"tb TB", "terabyte", "terabyte", false}, {"mAh", "milliamperestunde", "milliamperestunden", true},
		{"hPa", "hektopascal", "hektopascal", false}, {"µg μg", "mikrogramm", "mikrogramm", false}, {"dl", "deziliter", "deziliter", false},
		{"cl", "zentiliter", "zentiliter", false}, {"Mbit/s", "megabit pro sekunde", "megabit pro sekunde", false},
		{"Gbit/s", "gigabit pro sekunde", "gigabit pro sekunde", false},
	} {
		for _, s := range strings.Fields(u.syms) {
			m[s] = deUnit{u.one, u.many, u.fem}
		}
	}
	return m
}()

func deMeasure(c *context, m match) (string, bool) {
	unit := m.get("unit")
	var u deUnit
	var ok bool
	per := ""
	if a, b, slash := strings.Cut(unit, "/"); slash {
		if _, whole := deUnits[unit]; !whole {
			ua, oka := deUnits[a]
			ub, okb := deUnits[b]
			if !oka || !okb {
				return "", false
			}
			u, ok, per = ua, true, " pro "+ub.one
		}
	}
	if !ok {
		u, ok = deUnits[unit]
	}
	if !ok {
		return "", false
	}
	num := m.get("num")
	form := deMasc
	if u.fem {
		form = deFem
	}
	var said string
	plural := true
	switch {
	case strings.Contains(num, "/"):
		said = deFractionText(num, form)
		plural = false
	default:
		n := deSeps.parseNumber(num)
		if scale := m.get("scale"); scale != "" {
			said = deDecimal(n, deFem) + " " + deScaleWord(scale, trimZeros(n.whole) == "1" && !n.point)
		} else {
			said = deDecimal(n, form)
			plural = !(trimZeros(n.whole) == "1" && !n.point)
		}
	}
	if m.get("sign") != "" {
		said = "minus " + said
	}
	name := u.many
	if !plural {
		name = u.one
	}
	return said + " " + name + per, true
}

// --- fractions ---

func deFraction(c *context, m match) (string, bool) {
	if m.get("int") == "" && m.get("vf") == "" && (partsOverYear(m.get("num"), m.get("den")) || deNumberNames[c.prevWord()]) {
		// "Gesetz Nr. 5/2024", "Drucksache 20/1234" after "Nr.": a number
		// and its year, or its parts; a denominator is never a year.
		return deCardinal(m.get("num"), deAlone) + " Strich " + deCardinal(m.get("den"), deAlone), true
	}
	text := m.get("num") + "/" + m.get("den")
	if v, ok := enVulgar[m.get("vf")]; ok {
		text = v[0] + "/" + v[1] // "½", "2¾"
	}
	if i := m.get("int"); i != "" {
		text = i + " " + text
	}
	s := deFractionText(text, deMasc)
	if s == "" {
		return "", false
	}
	if m.get("sign") != "" {
		s = "minus " + s
	}
	return s, true
}

// deFractionText says "1/4" "ein viertel", "4/2" "vier halbe", "1 1/2"
// "ein ein halb", "1/22" "ein zwei und zwanzigstel".
func deFractionText(s string, form deForm) string {
	whole := ""
	if i := strings.Index(s, " "); i >= 0 {
		whole, s = s[:i], s[i+1:]
	}
	num, den, _ := strings.Cut(s, "/")
	if len(den) > 9 {
		return ""
	}
	dv := atoi(den)
	var d string
	switch {
	case dv == 2 && trimZeros(num) == "1":
		d = "halb"
	case dv == 2:
		d = "halbe"
	case dv == 0:
		d = "nulltel"
	default:
		d = deOrdinalStem(den) + "el" // drittel, achtel, zwanzigstel
	}
	out := deCardinal(num, deMasc) + " " + d
	if whole != "" {
		out = deCardinal(whole, deMasc) + " " + out
	}
	return out
}

// --- ordinals ---

func deOrdinalRule(c *context, m match) (string, bool) {
	n := deSeps.parseNumber(m.get("n"))
	if len(n.whole) > 18 {
		return "", false
	}
	if suf := m.get("suf"); suf != "" {
		// 121ten, 121tem: the written ending is the spoken one.
		ending := strings.TrimPrefix(strings.TrimPrefix(suf, "s"), "te")
		return deOrdinal(n.whole, "e"+ending), true
	}
	// "2." is an ordinal before a noun or a month, after an article, or on
	// its own; a number that ends a sentence is a cardinal.
	next := c.nextWord()
	prev := c.prevWord()
	// A bare preposition gives a date's case ("seit 3. Mai") but is no
	// article: "Es ist 5 vor 12." ends on a cardinal.
	articled := deEnding(c) != "er" && !deBarePrepositions[prev] || prev == "ein"
	switch {
	case next == "":
		rest := strings.TrimSpace(c.text[c.end:])
		if r, _ := utf8.DecodeRuneInString(rest); strings.ContainsRune("–—-,;:)", r) {
			break // "fast jeder 2. – also": a dash or comma goes on the sentence
		}
		if rest != "" && !c.alone() {
			return "", false
		}
		if prev != "" && !articled {
			return "", false // "Er kam 2023.": the text's last sentence ends here
		}
	case unicode.IsLower([]rune(next)[0]) && !articled:
		return "", false // "bis 20. dann": not an ordinal
	case unicode.IsUpper([]rune(next)[0]) && !articled && deMonthNumber(next) == 0 && c.prevWord() != "" && !startsWithDigit(c.text[c.end:]):
		// "Er kam 1998. Dann…" ends a sentence; "der 2. Weltkrieg" has its
		// article.
		if !strings.HasPrefix(c.text[c.end:], " ") || sentenceEndsHere(c) {
			return "", false
		}
	}
	return deOrdinal(n.whole, deEnding(c)), true
}

// deBarePrepositions take a date's day in the dative without an article
// ("seit 3. Mai", "ab 1. Januar"); without a month after them the number
// is a count or an hour ("vor 12.", "bis 20. dann").
var deBarePrepositions = set("seit", "ab", "bis", "vor", "nach")

// sentenceEndsHere guesses that a number followed by a full stop ends its
// sentence: a verb-less short word after it, or a capital after two
// spaces.
func sentenceEndsHere(c *context) bool {
	return c.prevWord() != "" && !unicode.IsUpper([]rune(c.prevRaw())[0])
}

// --- cardinals ---

var deCountCues = func() map[string]bool {
	m := set("rund", "etwa", "über", "fast", "knapp", "ca", "circa", "insgesamt", "mehr", "weniger", "als", "zu", "mit", "auf")
	for w := range deNumberNames {
		m[w] = true // "S. 1234", "Nr. 1848", "Band 1200": counted, not dated
	}
	return m
}()

// deNumberNames name what a number numbers: a page, a number, a
// paragraph, a volume, a file ("Nr. 5/2", "Az. 3/12", "S. 1234").
var deNumberNames = set("s", "seite", "seiten", "nr", "nummer", "abs", "absatz", "bd", "band", "heft", "zimmer", "raum", "az",
	"aktenzeichen", "drucksache")

func deNumber(c *context, m match) (string, bool) {
	sign, text := m.get("sign"), m.get("num")
	if sign != "" {
		prev := []rune(c.text[:c.start])
		if len(prev) > 0 && isWordRune(prev[len(prev)-1]) {
			return "", false
		}
	}
	n := deSeps.parseNumber(text)
	if n.grouped && !deSeps.groupedByThree(text) {
		return "", false
	}
	if sign == "-" || sign == "−" {
		n.neg = true
	}
	plus := ""
	if sign == "+" {
		plus = "plus"
	}
	if scale := m.get("scale"); scale != "" {
		one := trimZeros(n.whole) == "1" && !n.point
		return words(plus, deDecimal(n, deFem), deScaleWord(scale, one)), true
	}
	if n.point {
		return words(plus, deDecimal(n, deAlone)), true
	}
	v := atoi(n.whole)
	article := ""
	if n.whole == "1" {
		article = deOneBeforeNoun(c)
	}
	var s string
	switch {
	case !n.grouped && (len(n.whole) > 1 && n.whole[0] == '0' || deDigitCues[c.prevWord()] || isDigits(c.prevWord()) && strings.HasPrefix(c.prevWord(), "0")):
		// "030", "007": a code or a dialling prefix, digit by digit;
		// its zeros are part of it.
		s = deDigits(n.whole)
	case len(n.whole) == 4 && !n.grouped && v >= 1100 && v < 2000 && !deCountCues[c.prevWord()]:
		s = deYear(int(v))
	case n.whole == "1" && !n.neg && article != "":
		s = article
	default:
		s = deCardinal(n.whole, deAlone)
	}
	if n.neg {
		s = "minus " + s
	}
	return words(plus, s), true
}

// deOneBeforeNoun is "1" before a noun, said as the article the noun
// and the preposition before it ask ("vor 1 Jahr" vor einem Jahr, "seit
// 1 Woche" seit einer Woche, "für 1 Tag" für einen Tag, "1 Person" eine
// Person); "" when no noun follows. The noun's gender is read from its
// ending (-ung, -heit, -e … feminine; -chen, -um … neuter) and a list of
// the nouns numbers count most.
func deOneBeforeNoun(c *context) string {
	next := c.nextWord()
	if next == "" || !unicode.IsUpper([]rune(next)[0]) || !isLetters(next) {
		return ""
	}
	g := deGenderOf(next)
	switch cs := deCaseAfter[c.prevWord()]; {
	case cs == "dat" && g == "f":
		return "einer"
	case cs == "dat":
		return "einem"
	case cs == "acc" && g == "m":
		return "einen"
	case g == "f":
		return "eine"
	}
	return "ein"
}

// deCaseAfter are the prepositions whose case is clear before a count:
// the dative's and the accusative's.
var deCaseAfter = map[string]string{"vor": "dat", "seit": "dat", "mit": "dat", "nach": "dat", "in": "dat", "aus": "dat", "bei": "dat",
	"von": "dat", "zu": "dat", "binnen": "dat", "innerhalb": "dat", "für": "acc", "durch": "acc", "gegen": "acc", "ohne": "acc", "um": "acc"}

// deGenderOf guesses a German noun's gender: "m", "f" or "n".
func deGenderOf(noun string) string {
	l := strings.ToLower(noun)
	if g, ok := deNounGenders[l]; ok {
		return g
	}
	for _, suf := range []string{"ung", "heit", "keit", "schaft", "ion", "tät", "ik", "ie", "ei", "in", "e"} {
		if strings.HasSuffix(l, suf) {
			return "f"
		}
	}
	for _, suf := range []string{"chen", "lein", "um", "ment", "tum"} {
		if strings.HasSuffix(l, suf) {
			return "n"
		}
	}
	return "m"
}

// deNounGenders are nouns numbers count whose ending misleads.
var deNounGenders = map[string]string{"jahr": "n", "prozent": "n", "mal": "n", "tor": "n", "kind": "n", "haus": "n", "land": "n",
	"stück": "n", "spiel": "n", "bild": "n", "buch": "n", "auto": "n", "ziel": "n", "pfund": "n", "dutzend": "n", "drittel": "n", "viertel": "n",
	"käse": "m", "name": "m", "junge": "m", "kunde": "m", "löwe": "m", "franke": "m", "gedanke": "m", "glaube": "m", "wille": "m",
	"ende": "n", "erbe": "n", "auge": "n", "gebäude": "n", "interesse": "n", "gebirge": "n", "getränke": "n",
	"person": "f", "frau": "f", "stadt": "f", "nacht": "f", "zeit": "f", "welt": "f", "hand": "f", "saison": "f", "zahl": "f", "wahl": "f",
	"uhr": "f", "tür": "f", "kraft": "f", "macht": "f", "art": "f", "tat": "f", "region": "f", "nation": "f", "bank": "f", "firma": "f",
	"termin": "m", "gewinn": "m", "beginn": "m", "sinn": "m", "kamin": "m", "magazin": "n", "benzin": "n", "vitamin": "n"}

// deRomanCardinalCues are words that number parts with a Roman numeral
// read as a cardinal: "Kapitel IV", "Teil II".
var deRomanCardinalCues = set("kapitel", "teil", "band", "akt", "szene", "artikel", "abschnitt", "paragraph", "buch", "folge",
	"staffel", "stufe", "klasse", "phase", "anhang", "tabelle", "abbildung")

// deDigitCues are words after which a number is said digit by digit:
// a telephone or fax number ("Tel. 030 123456").
var deDigitCues = set("tel", "telefon", "fax", "mobil", "handy", "durchwahl", "telefonnummer", "rufnummer")

// --- abbreviations ---

var deAbbrevs = map[string]string{"dr": "doktor", "prof": "professor", "z.b": "zum beispiel", "zb": "zum beispiel", "z. b": "zum beispiel",
	"nr": "nummer", "bzw": "beziehungsweise", "u.a": "unter anderem", "i. d. r": "in der regel", "i.d.r": "in der regel", "d.h": "das heißt", "usw": "und so weiter", "ca": "circa",
	"st": "sankt", "str": "straße", "etc": "et cetera", "hr": "herr", "hrn": "herrn", "fr": "frau", "gem": "gemäß",
	"ggf": "gegebenenfalls", "inkl": "inklusive", "evtl": "eventuell", "vgl": "vergleiche", "jh": "jahrhundert",
	"mrs": "misses", "mr": "mister", "abs": "absatz", "bzgl": "bezüglich", "s": "seite", "tel": "telefon", "u.s.w": "und so weiter",
	"v. chr": "vor christus", "n. chr": "nach christus", "mio": "millionen", "mrd": "milliarden", "tsd": "tausend", "uvm": "und vieles mehr",
	"u. a": "unter anderem", "d. h": "das heißt", "rd": "rund", "ff": "folgende", "o. ä": "oder ähnliches", "o.ä": "oder ähnliches"}

// deNumberAbbrevs are said so only before a number: "Art. 3" Artikel,
// while "eine neue Art." ends a sentence.
var deNumberAbbrevs = map[string]string{"art": "artikel", "kap": "kapitel", "bd": "band"}

func deAbbreviation(c *context, m match) (string, bool) {
	w := strings.ToLower(m.get("w"))
	s, ok := deAbbrevs[w]
	if a, isNum := sayBeforeNumber(c, deNumberAbbrevs, w); isNum {
		s, ok = a, true
	}
	if stem, isStreet := strings.CutSuffix(m.get("w"), "str"); !ok && isStreet && len(stem) > 2 && unicode.IsUpper([]rune(stem)[0]) {
		return stem + "straße", true // "Hauptstr." Hauptstraße
	}
	if !ok {
		return "", false
	}
	// "St." ends a sentence as often as it names a saint; a capital must
	// follow.
	if (w == "st" || w == "s" || w == "fr" || w == "hr") && !c.nextIsCapital() {
		return "", false
	}
	return s, true
}

// nextIsCapital reports whether the next word starts with a capital or a
// digit.
func (c *context) nextIsCapital() bool {
	next := c.nextWord()
	if next == "" {
		return false
	}
	r := []rune(next)[0]
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// --- ranges ---

func deRanges(p rangePair) (string, bool) {
	if p.by {
		return p.a.spoken + " mal " + p.b.spoken, true
	}
	ya, yb := atoi(p.aw), atoi(p.bw)
	if isDigits(p.aw) && isDigits(p.bw) && len(p.aw) == 4 && len(p.bw) == 4 && ya < yb && ya >= 1000 && yb < 2100 {
		return deYear(int(ya)) + " bis " + deYear(int(yb)), true
	}
	switch {
	case p.spaced && !(p.a.class == Time || p.a.class == Money || p.a.class == Date):
		return "", false
	case p.a.class == Cardinal && (p.b.class == Cardinal || p.b.class == Measure || p.b.class == Money):
	case p.a.class == Cardinal && p.b.class == Time && isDigits(p.aw) && ya <= 24:
		// "9–18 Uhr": hours, the first without its "Uhr".
	case p.a.class == p.b.class:
	default:
		return "", false
	}
	return p.a.spoken + " bis " + p.b.spoken, true
}
