package textnorm

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// English number forms: thousands grouped with commas, a point for
// decimals; SI style groups them with spaces ("10 000", thin or
// no-break spaces in typeset text).
var enSeps = separators{decimal: ".", groups: []string{",", " ", "\u00a0", "\u202f", "\u2009"}}

const (
	enNum    = `(?:\d{1,3}(?:,\d{3})+|` + spaceGrouped + `|\d+)(?:\.\d+)?|\.\d+`
	enInt    = `\d{1,3}(?:,\d{3})+|\d+`
	enMonth  = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	enScale  = `thousand|million|billion|trillion|quadrillion|lakh|crore`
	enZones  = `(?i:e\.?s\.?t|e\.?d\.?t|c\.?s\.?t|c\.?d\.?t|m\.?s\.?t|m\.?d\.?t|p\.?s\.?t|p\.?d\.?t|g\.?m\.?t|u\.?t\.?c|b\.?s\.?t|c\.?e\.?s\.?t|c\.?e\.?t)\.?|ET|PT|CT|MT`
	enAmPm   = `[aApP]\.?\s?[mM]\b\.?`
	enOrdSuf = `st|nd|rd|th|ST|ND|RD|TH`
)

// enMonthNames are the months' full names, capitalized.
const enMonthNames = `January|February|March|April|May|June|July|August|September|October|November|December`

var enMonths = []string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// enMonthNumber is a month's number from its name or abbreviation, 0 when
// it is none.
func enMonthNumber(s string) int {
	s = strings.TrimSuffix(s, ".")
	if len(s) < 3 || len(s) > 9 || !strings.ContainsRune("JFMASONDjfmasond", rune(s[0])) {
		return 0
	}
	s = strings.ToLower(s)
	for i, m := range enMonths[1:] {
		lm := strings.ToLower(m)
		if s == lm || (len(s) <= len(lm) && strings.HasPrefix(lm, s)) || (s == "sept" && i == 8) {
			return i + 1
		}
	}
	return 0
}

var english = sync.OnceValue(func() *language {
	l := &language{code: "en", decimal: '.'}
	l.listEnds = set("et cetera", "established", "approximately", "including")
	l.addVersion("point", func(d string) string { return enCardinal(d, false) })
	add, addGlued := l.adders()

	// Electronic: e-mail addresses, URLs, bare domains.
	add(Electronic, `[\w.+&-]+@[\w-]+(?:\.[\w-]+)+(?:/[\w./?=&%#~-]*[\w/])?`, enElectronic)
	add(Electronic, `(?i:https?|ftp|file)://[^\s<>"]*[^\s<>".,;:!?)\]'"]`, enElectronic)
	add(Electronic, `(?i:www)\.[^\s<>"]*[^\s<>".,;:!?)\]'"]`, enElectronic)
	add(Electronic, `[a-z][\w-]*(?:\.[\w-]+)*\.(?:com|org|net|edu|gov|io|co|uk|us|fr|it|de|es|ru|ua|ca|au|info|biz|me|tv|ai|app|dev|news)(?:/[\w./?=&%#~-]*[\w/])?`, enElectronic)

	// Telephone numbers, IP addresses.
	add(Telephone, `(?:\+(?P<cc>\d{1,3})[\s.-]?)?(?:\((?P<area>\d{3})\)\s?|(?P<area2>\d{3})[\s.-])(?P<ex>\d{3})[\s.-](?P<line>\d{4})(?:-(?P<ext>\d{1,4}))?`, enTelephone)
	add(Telephone, `\+(?P<cc>\d{1,3})(?P<rest>(?:[\s.-]?\(?\d{1,5}\)?){2,6})`, enTelephone)
	// A national number with its trunk 0, in groups: 020 7946 0958.
	add(Telephone, `(?P<rest>0\d{1,4}(?:[\s.-]\d{2,4}){1,3})`, enTelephone)
	add(Telephone, `(?P<one>1)-(?P<toll>8\d\d)-(?P<word>[A-Z0-9]+(?:-[A-Z0-9]+)*)`, enTelephone)
	add(Telephone, `(?P<ssn>\d{3}-\d{2}-\d{4})`, enTelephone)
	add(Telephone, `(?P<ex>\d{3})-(?P<line>\d{4})`, enTelephone)
	add(Telephone, `(?P<ip>\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})`, enTelephone)

	// Addresses: a house number, a direction, names and a street type;
	// a state and ZIP code after a comma.
	add(Address, `(?P<num>\d{1,5})\s(?P<dir>[NSEW]\.?\s)?(?P<name>(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th))\s){1,3})(?P<type>St|Ave|Av|Blvd|Rd|Dr|Ln|Ct|Pl|Hwy|Pkwy|Expy|Sq|Ter|Cir|st|ave|rd|Street|Avenue|Road|Boulevard|Drive|Lane|Court|Place|Highway|Parkway|Way)\b\.?(?:\s(?P<quad>NW|NE|SW|SE)\b)?`, enAddress)
	add(Address, `(?P<state>[A-Z]{2})(?:\s(?P<zip>\d{5}(?:-\d{4})?))?`, enState)

	// Money: $20.50, US$76.3 trillion, £10/wk, $.50, 5 USD, ¥30B.
	add(Money, `(?P<cur>US\$|C\$|A\$|NZ\$|HK\$|R\$|Rs\.?|[$£€¥₩₹₴₽₺₪]|(?:USD|EUR|GBP|JPY|CNY|INR|UAH|RUB|CHF|CAD|AUD)\s?)\s?(?P<amt>`+enNum+`)(?:(?:\s?|-)(?P<scale>(?i:`+enScale+`|bn|mn|tn|[kmbt]))\b)?(?:\s?(?P<code>USD|EUR|GBP))?(?:\s?/\s?(?P<per>[a-z]+)\b)?`, enMoney)
	add(Money, `(?P<amt>`+enNum+`)(?:\s?(?P<scale>`+enScale+`|bn|mn))?\s?(?P<cur>USD|EUR|GBP|JPY|CNY|INR|UAH|RUB|CHF|CAD|AUD|[€£₴₽])(?:\s?/\s?(?P<per>[a-z]+)\b)?`, enMoney)
	addGlued(Money, `(?P<cents>\d{1,3})¢`, func(c *context, m match) (string, bool) {
		if atoi(m.get("cents")) == 1 {
			return "one cent", true
		}
		return enCardinal(m.get("cents"), true) + " cents", true
	})

	// Times: 1:59 p.m., 14:10:30, 5pm, 1.59 p.m. est.
	addGlued(Time, `(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?|\.(?P<dm>\d{2}))?\s?(?P<ampm>`+enAmPm+`)(?:\s?(?P<zone>`+enZones+`))?`, enTime)
	add(Time, `(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\s(?P<zone>`+enZones+`))?`, enTime)
	add(Range, scorePattern, sayScore(func(d string) string { return enCardinal(d, false) }, "to"))

	// Dates.
	add(Date, `(?P<mon>`+enMonth+`)\.?(?:\s|-|\.\s?)(?P<d>\d{1,2})(?P<suf>`+enOrdSuf+`)?(?:,?\s(?P<y>\d{4}))?`, enDateMD)
	add(Date, `(?P<d>\d{1,2})(?P<suf>`+enOrdSuf+`)?\s(?:of\s)?(?P<mon>`+enMonth+`)(?P<dot>\.)?(?:,?\s(?P<y>\d{4}))?`, enDateDM)
	add(Date, `(?P<mon>`+enMonth+`)\.?,?\s(?P<y>\d{4})`, enDateMY)
	// A month's abbreviation alone, after a word that sets a time ("in
	// Nov.", "since Feb."); months joined by a dash ("July-September").
	add(Date, `(?P<mon>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec))\.`, enMonthAlone)
	add(Date, `(?P<m1>`+enMonthNames+`)[-–—](?P<m2>`+enMonthNames+`)\b`, enMonthRange)
	add(Date, `(?P<y>\d{4})(?P<s1>[/.-])(?P<m>\d{1,2})(?P<s2>[/.-])(?P<d>\d{1,2})`, enDateYMD)
	add(Date, `(?P<a>\d{1,2})(?P<s1>[/.-])(?P<b>\d{1,2})(?P<s2>[/.-])(?P<y>\d{4}|\d{2})`, enDateNumeric)
	add(Date, `(?P<mid>(?i:mid)-)?(?:(?P<dec>\d{1,3}0)'?s|['’](?P<short>\d0)s|(?P<bare>[1-9]0)s)`, enDecade)
	// "1,000s of", "1,000,000s of": thousands, millions.
	add(Date, `(?P<dec>1,000(?:,000)?)s`+wordEnd, func(c *context, m match) (string, bool) {
		scale, ok := enRoundPlurals[strings.ReplaceAll(m.get("dec"), ",", "")]
		return scale, ok && c.nextWord() == "of"
	})
	add(Date, `(?i:Q)(?P<q>[1-4])(?:\s(?P<y>\d{4})|\s?'(?P<yy>\d{2}))?|(?P<q2>[1-4])Q\s?'?(?P<yy2>\d{2})|(?P<h>H)(?P<hn>[12])\s(?P<y2>\d{4})`, enQuarter)

	// Measures: 12kg, 2°C, 41,459.00 km³, 12/kg, 4 1/2 lbs, kg/kg.
	// A count with its scale glued on, as headlines write them: "40k
	// more", "2.5m jobs", "1m people".
	add(Cardinal, `(?P<num>\d{1,3}(?:\.\d+)?)(?P<scale>[km])`+wordEnd, enGluedScale)
	// Pence as British prices write them ("12p", "340p"); a video's
	// lines ("1080p") are said in pairs.
	add(Money, `(?P<num>\d{1,4}(?:\.\d+)?)p`+wordEnd, enPence)
	// Inches with their full stop: "10 in. of rain" ("in" without one is
	// the preposition).
	add(Measure, `(?P<num>`+enNum+`)\s?in\.`, enInches)
	// "55 m.p.h.", as American papers write mph and kph.
	add(Measure, `(?P<num>`+enNum+`)\s?(?P<dotted>m\.p\.h|k\.p\.h)\.?`, func(c *context, m match) (string, bool) {
		return enQuantity(enSeps.parseNumber(m.get("num")), strings.ReplaceAll(m.get("dotted"), ".", ""))
	})
	// A unit's abbreviation with its stop mid-sentence, a word in lower
	// case after it: "5 ft. tall", "5 lbs. of flour" (the stop is the
	// abbreviation's, not the sentence's).
	add(Measure, `(?P<num>`+enNum+`)\s?(?P<unit>ft|lbs?|oz|yds?|mi|sq\.? ?ft|cu\.? ?ft|fl\.? ?oz|gal|qt|pt|hrs?|mins?|secs?)\.(?P<sp>\s+)(?P<next>\p{Ll}+)`, enMeasureMidSentence)
	addGlued(Measure, `(?P<sign>[-−])?(?P<num>`+enNum+`)(?:\s(?P<scale>`+enScale+`))?(?:\s|(?P<hy>-))?(?P<unit>`+enUnitPattern()+`)`+wordEnd, enMeasure)
	add(Measure, `(?P<sign>[-−])?(?P<num>`+enNum+`)-(?P<word>`+enUnitWords+`)`, enMeasureWord)
	add(Measure, `(?P<int>\d+)\s(?P<fn>\d+)/(?P<fd>\d+)\s?(?P<unit>`+enUnitPattern()+`)`+wordEnd, enMeasureFraction)
	addGlued(Measure, `(?P<num>`+enNum+`)\s?/\s?(?P<per>`+enUnitPattern()+`)`+wordEnd, enPerUnit)
	addGlued(Measure, `(?P<u1>`+enUnitPattern()+`)/(?P<u2>`+enUnitPattern()+`)`+wordEnd, enUnitPerUnit)
	addGlued(Measure, `(?P<ft>\d{1,2})(?:'|′|\s?ft\.?\s?)(?P<in>\d{1,2})(?:"|″|''|\s?in\b\.?)`, func(c *context, m match) (string, bool) {
		// 5'10": five feet ten inches.
		ft, in := m.get("ft"), m.get("in")
		feet, inches := "feet", "inches"
		if trimZeros(ft) == "1" {
			feet = "foot"
		}
		if trimZeros(in) == "1" {
			inches = "inch"
		}
		return enCardinal(ft, false) + " " + feet + " " + enCardinal(in, false) + " " + inches, atoi(in) < 12
	})
	// A duration in two units: "2h 15m", "1h30m", "5m 30s": after hours
	// an "m" is minutes, not metres, and before seconds too.
	addGlued(Measure, `(?:(?P<h>\d{1,3})\s?h\s?(?P<hm>\d{1,2})\s?(?:m|min)|(?P<m>\d{1,3})\s?(?:m|min)\s?(?P<s>\d{1,2})\s?s)`+wordEnd, func(c *context, m match) (string, bool) {
		unit := func(v, one, many string) string {
			if trimZeros(v) == "1" {
				return "one " + one
			}
			return enCardinal(v, false) + " " + many
		}
		if h := m.get("h"); h != "" {
			return unit(h, "hour", "hours") + " " + unit(m.get("hm"), "minute", "minutes"), atoi(m.get("hm")) < 60
		}
		return unit(m.get("m"), "minute", "minutes") + " " + unit(m.get("s"), "second", "seconds"), atoi(m.get("s")) < 60
	})
	// A lens's aperture: "f/4", "f/1.8".
	add(Measure, `f/(?P<num>\d{1,2}(?:\.\d)?)`+wordEnd, func(c *context, m match) (string, bool) {
		return "f " + enDecimal(enSeps.parseNumber(m.get("num")), false), true
	})
	add(Measure, `(?P<num>\d+(?:\.\d+)?)(?P<x>x)`, func(c *context, m match) (string, bool) {
		return enDecimal(enSeps.parseNumber(m.get("num")), true) + " x", true
	})

	// Fractions: 3 2/4, 31/32, 1/4th, ½.
	add(Fraction, `(?:(?P<int>\d+)\s)?(?P<num>\d+)/(?P<den>\d+)(?P<th>th|TH|ths)?`, enFraction)
	addGlued(Fraction, `(?:(?P<int>\d+)\s?)?(?P<vf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])`, enFraction)

	// Ordinals: 23rd, 1,000th.
	add(Ordinal, `(?P<n>`+enInt+`)(?P<suf>`+enOrdSuf+`)`, enOrdinalRule)

	// Decimals and cardinals, with a scale word: .1 trillion, 100 million,
	// -2, 004, 9,000.
	add(Cardinal, `(?P<sign>[-−+])?(?P<num>`+enNum+`)(?:\s(?P<scale>`+enScale+`))?`, enNumber)

	// Roman numerals after a name or a word that numbers parts.
	add(Roman, `(?P<r>[IVXLCDM]{1,8})`, enRoman)

	// Temperatures as British news writes them, the degree sign left
	// out: "30C", "-5C", "86F"; "pc" for per cent: "up 4pc".
	add(Measure, `(?P<sign>[-−])?(?P<num>\d{1,3}(?:\.\d+)?)(?P<t>[CF]|pc)`, func(c *context, m match) (string, bool) {
		if enLabelCues[c.prevWord()] {
			return "", false // "Room 5C", "Year 10F": a label
		}
		n := enSeps.parseNumber(m.get("sign") + m.get("num"))
		switch m.get("t") {
		case "pc":
			return enDecimal(n, true) + " percent", m.get("sign") == ""
		case "C":
			return enDecimal(n, true) + " degrees Celsius", true
		}
		return enDecimal(n, true) + " degrees Fahrenheit", true
	})

	// "104 degrees F": a scale's letter after the word degrees.
	add(Abbreviation, `(?P<t>[CF])`, func(c *context, m match) (string, bool) {
		if p := c.prevWord(); p != "degrees" && p != "degree" {
			return "", false
		}
		return map[string]string{"C": "Celsius", "F": "Fahrenheit"}[m.get("t")], true
	})

	// A decimal with letters glued on that no unit rule reads: 0.5pp,
	// 3.2bn, 4.5k. The number is said whole (never "zero point" and the
	// rest apart: a value must not change), the letters as written, or
	// the scale they abbreviate.
	add(Decimal, `(?P<num>\d+(?:\.\d+)?)(?P<suf>\p{L}{1,4})`, func(c *context, m match) (string, bool) {
		suf := m.get("suf")
		scale, isScale := enGluedScales[strings.ToLower(suf)]
		if isScale {
			suf = scale
		} else if !strings.Contains(m.get("num"), ".") {
			return "", false // 3rd, 2Q22, 5pm: the rules of their own
		}
		return enDecimal(enSeps.parseNumber(m.get("num")), true) + " " + suf, true
	})

	// Serial numbers and codes: letters and digits, joined by hyphens or
	// slashes: B2A23C, F-16, COVID-19, t-0t25d12-f, 31/31/100.
	add(Serial, `(?:[\p{L}\p{N}]+[-/])*[\p{L}]*\p{N}[\p{L}\p{N}]*(?:[-/][\p{L}\p{N}]+)*|(?:[\p{L}\p{N}]+[-/])+[\p{L}\p{N}]+`, enSerial)

	// Abbreviations.
	add(Abbreviation, `(?P<w>\p{L}+(?:\.\p{L}+)*)\.`, enAbbreviation)
	// "w/ cheese", "w/o onions": with, without.
	add(Abbreviation, `(?P<w>[wW])/(?P<o>[oO])?`+wordEnd, func(c *context, m match) (string, bool) {
		if m.get("o") != "" {
			return "without", true
		}
		return "with", c.followedBySpace()
	})
	add(Abbreviation, `(?P<k>401\(k\)|[Vv]s|[Ee]tc|[Tt]v|TV|[yY]/[yY]|[qQ]/[qQ]|[mM]/[mM]|[yYqQmM]-[oO]-[yYqQmM]|[yY][oO][yY]|[qQ][oO][qQ]|MoM|MOM|WWI{1,2})`+wordEnd, enWordAbbreviation)

	// Arithmetic: 1-2=5, y=x +1, 2+3, 2*8.
	add(Symbol, `(?P<expr>(?:[a-zA-Z]|`+enNum+`)(?:\s?[-+*/=×÷^]\s?(?:[a-zA-Z]|`+enNum+`))+)`, enMath)
	// Signs on their own.
	add(Symbol, `(?P<sym>§§|[%&@#$€£+=~×÷±°º<>≤≥§]|\+\+)`, enSymbol)
	add(Symbol, `/`, func(c *context, m match) (string, bool) {
		// A slash on its own between words: "upgrade / update".
		return "slash", c.followedBySpace() && strings.HasSuffix(c.text[:c.start], " ")
	})
	add(Symbol, `(?P<a>\p{L}+)/(?P<b>\p{L}+)`, func(c *context, m match) (string, bool) {
		if strings.EqualFold(m.text, "and/or") {
			return "and or", true
		}
		return m.get("a") + " slash " + m.get("b"), true
	})
	l.rangeWord = "to"
	l.ranges = enRanges
	l.mayStart = func(word, next string) bool {
		switch {
		case word == "WWI" || word == "WWII":
			return true // World War One, Two
		case enMonthNumber(word) > 0 || strings.EqualFold(word, "may"):
			return startsWithDigit(next) // July 25, May 5
		case strings.Trim(word, "IVXLCDM") == "", word == "F":
			return true // roman numerals; "degrees F"
		case len(word) == 2 && word == strings.ToUpper(word):
			return true // a state
		case len(word) == 3 && word == strings.ToUpper(word), word == "Rs":
			return startsWithDigit(next) // USD 20, Rs 500
		}
		switch strings.ToLower(word) {
		case "vs", "etc", "tv", "q", "h", "mid", "yoy", "qoq", "mom":
			return true // ("mom", a mother, matches no rule)
		}
		return false
	}
	return l
})

// startsWithDigit reports whether s, past its spaces, starts with a digit.
func startsWithDigit(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	return s != "" && s[0] >= '0' && s[0] <= '9'
}

// enRanges says "1980-1986", "2-5lb", "$50-$100", "5pm-7 pm", "2x8 m2":
// the two ends joined by "to" (or "by" for dimensions).
func enRanges(p rangePair) (string, bool) {
	a, b := p.a, p.b
	if p.by {
		if (a.class == Cardinal || a.class == Measure) && (b.class == Cardinal || b.class == Measure) && (isNumeric(p.aw) || a.class == Measure) {
			return a.spoken + " by " + b.spoken, true
		}
		return "", false
	}
	if a.class == Money && b.class == Cardinal && enScaled.MatchString(p.bw) {
		// "$3-4 million": the scale and the currency are said once, after
		// the second end.
		cur := enCurrencyPrefix.FindString(p.aw)
		amt := strings.TrimPrefix(p.aw, cur)
		if cur == "" || !isNumeric(amt) {
			return "", false
		}
		num, scale, _ := strings.Cut(p.bw, " ")
		second, ok := enMoney(nil, match{text: cur + p.bw, sub: []string{cur + p.bw, cur, num, scale},
			names: []string{"", "cur", "amt", "scale"}})
		if !ok {
			return "", false
		}
		return enDecimal(enSeps.parseNumber(amt), false) + " to " + second, true
	}
	if a.class == Money && b.class == Cardinal && isNumeric(p.bw) {
		// $5-10: the currency is said once, after the second end.
		cur := enCurrencyPrefix.FindString(p.aw)
		if cur == "" {
			return "", false
		}
		first, ok1 := enMoney(nil, moneyMatch(cur, strings.TrimPrefix(p.aw, cur)))
		second, ok2 := enMoney(nil, moneyMatch(cur, p.bw))
		if !ok1 || !ok2 || numericValue(strings.TrimPrefix(p.aw, cur)) >= numericValue(p.bw) {
			return "", false
		}
		return first + " to " + second, true
	}
	// Years: 1980-1986, 1960-80, 2019-20, 1960s-1980s.
	ya, yb := atoi(p.aw), atoi(p.bw)
	if isDigits(p.aw) && len(p.aw) == 4 && ya >= 1000 && ya < 2100 {
		switch {
		case isDigits(p.bw) && len(p.bw) == 4 && yb > ya && yb < 2100:
			return enYear(int(ya)) + " to " + enYear(int(yb)), true
		case isDigits(p.bw) && len(p.bw) == 2 && yb > ya%100:
			return enYear(int(ya)) + " to " + enTwoDigitYear(int(yb)), true
		}
	}
	switch {
	case a.class == Date && b.class == Cardinal && isDigits(p.bw) && len(p.bw) <= 2 && atoi(p.bw) >= 1 && atoi(p.bw) <= 31 && !p.spaced:
		// "March 3–5": the second day of the same month.
		return a.spoken + " to " + enOrdinal(p.bw), true
	case a.class == Cardinal && isDigits(p.aw) && len(p.aw) <= 2 && atoi(p.aw) >= 1 && atoi(p.aw) <= 31 && b.class == Date &&
		strings.HasPrefix(b.spoken, "the ") && !p.spaced:
		// "3–5 March 2024": the first day, then the date.
		return "the " + enOrdinal(p.aw) + " to " + b.spoken, true
	case a.class == Date && b.class == Date:
	case a.class == Time && b.class == Time, a.class == Money && b.class == Money:
	case p.spaced:
		return "", false // "170 - 45190": a dash between two numbers, not a range
	case a.class == Cardinal && b.class == Measure && isNumeric(p.aw):
		// The start was read alone ("1234" as a year); before a measure
		// it is a quantity.
		a.spoken = enDecimal(enSeps.parseNumber(p.aw), true)
	case a.class == Measure && b.class == Measure:
		// 52%-48%, 5.25%-5.5%, 10kg-12kg: two amounts joined by a dash.
	case a.class == Cardinal && b.class == Cardinal && isNumeric(p.aw) && isNumeric(p.bw):
		// A range goes up; two small numbers are a score or a vote
		// ("won 3-1", "voted 7-2"), said with "to" too. "978-0" is
		// neither.
		// Two numbers of up to three digits, the second smaller, are a
		// tally or a score too ("passed 218-214").
		score := len(p.aw) <= 3 && len(p.bw) <= 3 && isDigits(p.aw) && isDigits(p.bw) && p.aw[0] != '0' && p.bw[0] != '0' ||
			len(p.aw) <= 2 && len(p.bw) <= 2 && isDigits(p.aw) && isDigits(p.bw)
		if !score && !(numericValue(p.aw) < numericValue(p.bw)) {
			return "", false
		}
	default:
		return "", false
	}
	return a.spoken + " to " + b.spoken, true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// isNumeric reports whether s is a plain number (digits, separators, a
// point), as the start of a range must be.
func isNumeric(s string) bool {
	return plainNumber.MatchString(s)
}

func numericValue(s string) float64 {
	var v float64
	frac, div := false, 1.0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if frac {
				div *= 10
				v += float64(r-'0') / div
			} else {
				v = v*10 + float64(r-'0')
			}
		case r == '.':
			frac = true
		}
	}
	if len(s) > 0 && (s[0] == '-' || s[0] == 0xe2) {
		v = -v
	}
	return v
}

var (
	enCurrencyPrefix = regexp.MustCompile(`^(US\$|C\$|A\$|NZ\$|HK\$|R\$|[$£€¥₩₹₴₽₺₪])`)
	plainNumber      = regexp.MustCompile(`^[-−]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)$`)
	digitRuns        = regexp.MustCompile(`\d+`)
	enOrdinalWord    = regexp.MustCompile(`^(\d+)(st|nd|rd|th)$`)
	enDecadeWord     = regexp.MustCompile(`^(\d{1,3}0)s$`)
	enScaled         = regexp.MustCompile(`^\d[\d,]*(?:\.\d+)?\s(?:` + enScale + `)$`)
	enMathToken      = regexp.MustCompile(enNum + `|[a-zA-Z]|[-+*/=×÷^]`)
	dropDotsSpaces   = strings.NewReplacer(".", "", " ", "")
)

// wordEnd keeps a unit from ending inside a word ("12 mins" is not "12 m"
// and "ins").
// The character after the word is matched (Go's regular expressions have
// no lookahead) in the group "after", which is not part of the token: the
// scanner gives it back (a comma or a full stop after "12kg" stays).
const wordEnd = `(?:\b|$|(?P<after>[^\p{L}\p{N}]))`

// --- electronic ---

var enElectronicWords = map[string]string{"http": "HTTP", "https": "HTTPS", "ftp": "FTP", "www": "WWW", "html": "HTML", "htm": "HTM",
	"php": "PHP", "pdf": "PDF", "jpg": "JPG", "png": "PNG", "gif": "GIF", "mp3": "MP3", "xml": "XML", "json": "JSON", "ai": "AI", "io": "IO"}

var enSymbolNames = map[rune]string{'.': "dot", '@': "at", '/': "slash", ':': "colon", '-': "dash", '_': "underscore", '&': "ampersand",
	'?': "question mark", '=': "equals", '#': "hash", '%': "percent", '~': "tilde", '+': "plus", '|': "vertical bar"}

func enElectronic(c *context, m match) (string, bool) {
	return spellElectronic(m.text, enSymbolNames, enDigits, func(word string, last bool) string {
		lw := strings.ToLower(word)
		if w, ok := enElectronicWords[lw]; ok {
			return w
		}
		if last && len(word) == 2 {
			return strings.ToUpper(word) // a country's domain: dot FR
		}
		return word
	}), true
}

// spellElectronic says an address of the web piece by piece: runs of
// letters as words (word decides how), digits one by one, each sign by
// its name.
func spellElectronic(s string, names map[rune]string, digits func(string) string, word func(w string, last bool) string) string {
	var out []string
	runes := []rune(s)
	lastDot := strings.LastIndexAny(s, ".")
	_ = lastDot
	// The top-level domain: the last run of letters after a dot, before
	// any path.
	host := s
	if i := strings.Index(s, "://"); i >= 0 {
		host = s[i+3:]
	}
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	tld := ""
	if i := strings.LastIndex(host, "."); i >= 0 {
		tld = host[i+1:]
	}
	tldDone := false
	for i := 0; i < len(runes); {
		r := runes[i]
		j := i + 1
		switch {
		case unicode.IsLetter(r):
			for j < len(runes) && unicode.IsLetter(runes[j]) {
				j++
			}
			w := string(runes[i:j])
			last := false
			if !tldDone && w == tld && (j == len(runes) || runes[j] == '/' || runes[j] == '?' || runes[j] == '#') {
				last, tldDone = true, true
			}
			out = append(out, word(w, last))
		case unicode.IsDigit(r):
			for j < len(runes) && unicode.IsDigit(runes[j]) {
				j++
			}
			out = append(out, digits(string(runes[i:j])))
		default:
			if n, ok := names[r]; ok {
				out = append(out, n)
			} else {
				out = append(out, string(r))
			}
		}
		i = j
	}
	return strings.Join(out, " ")
}

// --- telephone ---

func enTelephone(c *context, m match) (string, bool) {
	switch {
	case m.get("ip") != "":
		for _, part := range strings.Split(m.get("ip"), ".") {
			if atoi(part) > 255 {
				return "", false
			}
		}
		return spellElectronic(m.text, enSymbolNames, enDigits, func(w string, _ bool) string { return w }), true
	case m.get("ssn") != "":
		var groups []string
		for _, g := range strings.Split(m.get("ssn"), "-") {
			groups = append(groups, enDigits(g))
		}
		return strings.Join(groups, ", "), true
	case m.get("toll") != "":
		// 1-800-GO-2-HAUL: "one, eight hundred, GO two, HAUL"; a part of
		// one digit goes with the part before it.
		parts := []string{"one", enCardinal(m.get("toll"), false)}
		var group []string
		for _, p := range strings.Split(m.get("word"), "-") {
			said := p
			if isDigits(p) {
				said = enDigits(p)
			}
			if len(group) > 0 && !(isDigits(p) && len(p) == 1) {
				parts = append(parts, strings.Join(group, " "))
				group = nil
			}
			group = append(group, said)
		}
		parts = append(parts, strings.Join(group, " "))
		return strings.Join(parts, ", "), true
	}
	var groups []string
	if cc := m.get("cc"); cc != "" {
		groups = append(groups, "plus "+enDigits(cc))
	}
	if rest := m.get("rest"); rest != "" {
		digits := 0
		for _, g := range digitRuns.FindAllString(rest, -1) {
			groups = append(groups, enDigits(g))
			digits += len(g)
		}
		if digits < 6 || m.get("cc") == "" && digits < 9 {
			return "", false
		}
		return strings.Join(groups, ", "), true
	}
	for _, g := range []string{m.get("area") + m.get("area2"), m.get("ex"), m.get("line"), m.get("ext")} {
		if g != "" {
			groups = append(groups, enDigits(g))
		}
	}
	return strings.Join(groups, ", "), true
}

// --- addresses ---

var enStreetTypes = map[string]string{"St": "Street", "st": "Street", "Ave": "Avenue", "Av": "Avenue", "ave": "Avenue", "Blvd": "Boulevard",
	"Rd": "Road", "rd": "Road", "Dr": "Drive", "Ln": "Lane", "Ct": "Court", "Pl": "Place", "Hwy": "Highway", "Pkwy": "Parkway",
	"Expy": "Expressway", "Sq": "Square", "Ter": "Terrace", "Cir": "Circle"}

var enDirections = map[string]string{"N": "North", "S": "South", "E": "East", "W": "West"}

func enAddress(c *context, m match) (string, bool) {
	typ := m.get("type")
	full, abbreviated := enStreetTypes[typ]
	if !abbreviated {
		full = typ
		if y := atoi(m.get("num")); enYearCues[c.prevWord()] && y >= 1000 && y < 2100 {
			return "", false // "in 2005 Wall Street": a year, then a street
		}
	}
	var name []string
	for _, w := range strings.Fields(m.get("name")) {
		if o := enOrdinalWord.FindStringSubmatch(w); o != nil {
			w = enOrdinal(o[1])
		}
		name = append(name, w)
	}
	dir := enDirections[strings.TrimSuffix(strings.TrimSpace(m.get("dir")), ".")]
	end := ""
	if strings.HasSuffix(m.text, ".") && c.atEndOfSentenceAfter() {
		end = "."
	}
	return words(enHouseNumber(m.get("num")), dir, strings.Join(name, " "), full, enQuadrants[m.get("quad")]) + end, true
}

// enQuadrants are a city's quadrants after a street ("Pennsylvania Ave
// NW").
var enQuadrants = map[string]string{"NW": "Northwest", "NE": "Northeast", "SW": "Southwest", "SE": "Southeast"}

// atEndOfSentenceAfter reports whether what follows the match starts a new
// sentence (a capital after a space), so the match's final full stop is
// also the sentence's.
func (c *context) atEndOfSentenceAfter() bool {
	if rest := strings.TrimLeft(c.text[c.end:], " "); rest != "" && strings.ContainsRune(",;:)", rune(rest[0])) {
		return false // "Main St., Apt. 4B": a comma follows the abbreviation
	}
	next := c.nextWord()
	if next == "" {
		return true
	}
	return unicode.IsUpper([]rune(next)[0])
}

// enHouseNumber reads a house number in pairs: 1428 "fourteen twenty
// eight", 123 "one twenty three", 12 "twelve".
func enHouseNumber(s string) string {
	switch {
	case len(s) > 1 && s[0] != '0' && isZero(s[1:]):
		return enCardinal(s, false) // 500 five hundred, 2000 two thousand
	case len(s) == 3:
		return enOnes[s[0]-'0'] + " " + enTwoDigitYear(int(atoi(s[1:])))
	case len(s) == 4:
		if s[2] == '0' && s[3] == '0' {
			return enTensWords(int(atoi(s[:2]))) + " hundred"
		}
		return enTensWords(int(atoi(s[:2]))) + " " + enTwoDigitYear(int(atoi(s[2:])))
	}
	return enCardinal(s, false)
}

var enStates = map[string]string{"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
	"CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
	"IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
	"MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
	"NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OR": "Oregon", "PA": "Pennsylvania",
	"RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
	"VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming", "DC": "D C"}

// enState reads "City, CA 95051": a state's code after a city's name and a
// comma, with or without a ZIP code.
func enState(c *context, m match) (string, bool) {
	state, ok := enStates[m.get("state")]
	before := strings.TrimRight(c.text[:c.start], " ")
	if !ok || !strings.HasSuffix(before, ",") {
		return "", false
	}
	city := strings.Fields(strings.TrimSuffix(before, ","))
	if len(city) == 0 || !unicode.IsUpper([]rune(city[len(city)-1])[0]) {
		return "", false
	}
	if m.get("zip") == "" && c.nextWord() != "" && !c.atEndOfSentenceAfter() {
		return "", false // "Boston, IN the" is not Indiana
	}
	return words(state, enDigits(m.get("zip"))), true
}

// --- money ---

type currency struct {
	one, many           string
	minorOne, minorMany string // "" when amounts are not said in minor units
}

var enCurrencies = map[string]currency{
	"$": {"dollar", "dollars", "cent", "cents"}, "US$": {"US dollar", "US dollars", "cent", "cents"},
	"C$": {"Canadian dollar", "Canadian dollars", "cent", "cents"}, "A$": {"Australian dollar", "Australian dollars", "cent", "cents"},
	"NZ$": {"New Zealand dollar", "New Zealand dollars", "cent", "cents"}, "HK$": {"Hong Kong dollar", "Hong Kong dollars", "cent", "cents"},
	"R$": {"real", "reais", "centavo", "centavos"},
	"£":  {"pound", "pounds", "penny", "pence"}, "€": {"euro", "euros", "cent", "cents"}, "¥": {"yen", "yen", "", ""},
	"₩": {"won", "won", "", ""}, "₹": {"rupee", "rupees", "paisa", "paise"}, "₴": {"hryvnia", "hryvnias", "kopiyka", "kopiykas"},
	"₽": {"ruble", "rubles", "kopek", "kopeks"}, "₺": {"lira", "lira", "kurus", "kurus"}, "₪": {"shekel", "shekels", "agora", "agorot"},
	"USD": {"US dollar", "US dollars", "cent", "cents"}, "EUR": {"euro", "euros", "cent", "cents"}, "GBP": {"pound", "pounds", "penny", "pence"},
	"JPY": {"yen", "yen", "", ""}, "CNY": {"yuan", "yuan", "", ""}, "INR": {"rupee", "rupees", "paisa", "paise"},
	"UAH": {"hryvnia", "hryvnias", "kopiyka", "kopiykas"}, "RUB": {"ruble", "rubles", "kopek", "kopeks"},
	"CHF": {"Swiss franc", "Swiss francs", "centime", "centimes"}, "CAD": {"Canadian dollar", "Canadian dollars", "cent", "cents"},
	"AUD": {"Australian dollar", "Australian dollars", "cent", "cents"},
	"Rs":  {"rupee", "rupees", "paisa", "paise"}, "Rs.": {"rupee", "rupees", "paisa", "paise"},
}

var enScaleLetters = map[string]string{"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million", "million": "million",
	"b": "billion", "bn": "billion", "billion": "billion", "t": "trillion", "tn": "trillion", "trillion": "trillion", "quadrillion": "quadrillion",
	"lakh": "lakh", "crore": "crore"}

var enPer = map[string]string{"mo": "month", "month": "month", "wk": "week", "week": "week", "hr": "hour", "h": "hour", "hour": "hour",
	"yr": "year", "year": "year", "day": "day", "d": "day", "min": "minute", "minute": "minute", "night": "night", "person": "person",
	"kg": "kilogram", "lb": "pound", "g": "gram", "km": "kilometer", "mi": "mile", "l": "liter", "gal": "gallon", "kwh": "kilowatt hour",
	"share": "share", "barrel": "barrel", "bbl": "barrel", "ton": "ton", "t": "tonne", "sqft": "square foot", "head": "head"}

func enMoney(c *context, m match) (string, bool) {
	cur := strings.TrimSpace(m.get("cur"))
	if code := m.get("code"); code != "" {
		cur = code
	}
	names, ok := enCurrencies[cur]
	if !ok {
		return "", false
	}
	amount := enSeps.parseNumber(m.get("amt"))
	if amount.grouped && !enSeps.groupedByThree(m.get("amt")) {
		return "", false
	}
	if enAttributive(c) && (m.get("scale") != "" || amount.frac == "" || isZero(amount.frac)) {
		names.many = names.one // "a $1.2 billion deal": a one point two billion dollar deal
	}
	s, ok := enAmount(amount, strings.ToLower(m.get("scale")), names)
	if !ok {
		return "", false
	}
	if p := m.get("per"); p != "" {
		per, ok := enPer[strings.ToLower(p)]
		if !ok {
			return "", false
		}
		s += " per " + per
	}
	return s, true
}

// validGrouping reports whether the integer part of a number written with
// group separators groups by three.
// moneyMatch is what the money rule would have matched for cur and amount.
func moneyMatch(cur, amount string) match {
	return match{text: cur + amount, sub: []string{cur + amount, cur, amount}, names: []string{"", "cur", "amt"}}
}

func validGrouping(s, sep string) bool {
	whole := s
	// The decimal mark is whichever of point and comma does not group.
	for _, mark := range []string{".", ","} {
		if mark != sep {
			whole, _, _ = strings.Cut(whole, mark)
		}
	}
	parts := strings.Split(strings.TrimLeft(whole, "-−"), sep)
	for i, p := range parts {
		if (i == 0 && (len(p) == 0 || len(p) > 3)) || (i > 0 && len(p) != 3) {
			return false
		}
	}
	return true
}

// enAmount says a sum in a currency: "twenty dollars fifty cents", "zero
// point two million dollars", "one point one one one pounds".
func enAmount(n number, scale string, cur currency) (string, bool) {
	if scale != "" {
		sw, ok := enScaleLetters[scale]
		if !ok {
			return "", false
		}
		return words(enDecimal(n, false), sw, cur.many), true
	}
	frac := n.frac
	if len(frac) > 2 {
		frac = strings.TrimRight(frac, "0")
	}
	one := trimZeros(n.whole) == "1"
	major := cur.many
	if one {
		major = cur.one
	}
	if len(frac) > 2 || (frac != "" && !isZero(frac) && cur.minorOne == "") {
		return words(enDecimal(n, true), cur.many), true
	}
	and := trimZeros(n.whole) != n.whole || len(trimZeros(n.whole)) < 7
	whole := words(neg(n.neg), enCardinal(n.whole, and && !n.grouped || and && len(trimZeros(n.whole)) < 7), major)
	if frac == "" || isZero(frac) {
		return whole, true
	}
	if len(frac) == 1 {
		frac += "0"
	}
	cents := int(atoi(frac))
	minor := cur.minorMany
	if cents == 1 {
		minor = cur.minorOne
	}
	spokenCents := enTensWords(cents) + " " + minor
	if isZero(n.whole) {
		return words(neg(n.neg), spokenCents), true
	}
	return whole + " " + spokenCents, true
}

func neg(b bool) string {
	if b {
		return "minus"
	}
	return ""
}

// --- time ---

func enTime(c *context, m match) (string, bool) {
	h, min, sec := m.get("h"), m.get("m")+m.get("dm"), m.get("s")
	ampm := strings.ToUpper(dropDotsSpaces.Replace(m.get("ampm")))
	hv := atoi(h)
	if hv > 24 || (min != "" && atoi(min) > 59) || (sec != "" && atoi(sec) > 59) || (ampm != "" && (hv == 0 || hv > 12)) {
		return "", false
	}
	if ampm == "" && min == "" {
		return "", false
	}
	zone := strings.ToUpper(dropDotsSpaces.Replace(m.get("zone")))
	var s string
	switch {
	case sec != "":
		unit := func(v, one, many string) string {
			if atoi(v) == 1 {
				return "one " + one
			}
			return enCardinal(v, false) + " " + many
		}
		s = unit(h, "hour", "hours") + " " + unit(min, "minute", "minutes") + " and " + unit(sec, "second", "seconds")
	case min == "" || atoi(min) == 0:
		s = enCardinal(h, false)
		if ampm == "" {
			s += " o'clock"
		}
	default:
		s = enCardinal(h, false) + " " + enTwoDigitYear(int(atoi(min)))
	}
	return words(s, ampm, zone), true
}

// --- dates ---

// enDayMonth checks a day against its month (any year).
func validDay(month, day int) bool {
	days := []int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	return month >= 1 && month <= 12 && day >= 1 && day <= days[month]
}

func enDateMD(c *context, m match) (string, bool) {
	mon := enMonthNumber(m.get("mon"))
	d := int(atoi(m.get("d")))
	if mon == 0 || d < 1 || d > 31 || !ordinalSuffixFits(d, m.get("suf")) {
		return "", false
	}
	// "May 5" only when May is a month: capitalized or followed by a year
	// ("may 5 people" is a verb).
	if strings.EqualFold(m.get("mon"), "may") && m.get("mon") == "may" && m.get("y") == "" {
		return "", false
	}
	s := enMonths[mon] + " " + enOrdinal(itoa(d))
	if y := m.get("y"); y != "" {
		s += " " + enYear(int(atoi(y)))
	}
	return s, true
}

func enDateDM(c *context, m match) (string, bool) {
	mon := enMonthNumber(m.get("mon"))
	d := int(atoi(m.get("d")))
	if mon == 0 || d < 1 || d > 31 || !ordinalSuffixFits(d, m.get("suf")) {
		return "", false
	}
	if strings.EqualFold(m.get("mon"), "may") && m.get("mon") == "may" && m.get("y") == "" && m.get("suf") == "" {
		return "", false
	}
	s := enOrdinal(itoa(d)) + " of " + enMonths[mon]
	if c.prevWord() != "the" {
		s = "the " + s
	}
	if y := m.get("y"); y != "" {
		s += " " + enYear(int(atoi(y)))
	} else if m.get("dot") != "" && (strings.EqualFold(m.get("mon"), enMonths[mon]) || c.nextWord() != "" && c.atEndOfSentenceAfter()) {
		// The full stop after "June" ends the sentence; after "Jan" it
		// ends the abbreviation, and the sentence too when a capital
		// follows.
		s += "."
	}
	return s, true
}

// enMonthAlone reads "in Nov." as "in November", after a word that
// says a time follows; its full stop ends the sentence too when a capital
// follows.
func enMonthAlone(c *context, m match) (string, bool) {
	if !enBeforeMonth[c.prevWord()] {
		return "", false
	}
	s := enMonths[enMonthNumber(m.get("mon"))]
	if c.nextWord() != "" && c.atEndOfSentenceAfter() {
		s += "."
	}
	return s, true
}

// enBeforeMonth are the words after which a month's abbreviation is a
// month.
var enBeforeMonth = set("in", "since", "until", "till", "by", "from", "to", "through", "during", "early", "late", "mid", "last", "next", "this", "of", "before", "after", "between", "and")

// enMonthRange reads "July-September" as "July to September".
func enMonthRange(c *context, m match) (string, bool) {
	return m.get("m1") + " to " + m.get("m2"), true
}

// enPence reads "12p" as "twelve pence" ("1p" is "one penny"), and the
// lines of a video format ("720p", "1080p") in pairs: "ten eighty p".
func enPence(c *context, m match) (string, bool) {
	num := m.get("num")
	if enVideoLines[num] {
		return enHouseNumber(num) + " p", true
	}
	n := enSeps.parseNumber(num)
	if num == "1" {
		return "one penny", true
	}
	return enDecimal(n, true) + " pence", true
}

// enVideoLines are the heights of video formats, said with "p".
var enVideoLines = set("144", "240", "360", "480", "540", "576", "720", "1080", "1440", "2160", "4320")

// enMeasureMidSentence reads "5 ft. tall" as "five feet tall": the
// stop before a word in lower case is the abbreviation's.
func enMeasureMidSentence(c *context, m match) (string, bool) {
	n := enSeps.parseNumber(m.get("num"))
	if n.grouped && !enSeps.groupedByThree(m.get("num")) {
		return "", false
	}
	q, ok := enQuantity(n, m.get("unit"))
	if !ok {
		return "", false
	}
	return q + m.get("sp") + m.get("next"), true
}

// enQuantity says n of the unit whose symbol is sym, its name in the
// singular for one: "five feet", "one mile per hour".
func enQuantity(n number, sym string) (string, bool) {
	one, many, ok := enUnit(sym)
	if !ok {
		return "", false
	}
	if !n.point && trimZeros(n.whole) == "1" {
		return words(enDecimal(n, true), one), true
	}
	return words(enDecimal(n, true), many), true
}

// enInches reads "10 in." as "ten inches" (the scanner gives the full
// stop back when a sentence starts after it).
func enInches(c *context, m match) (string, bool) {
	n := enSeps.parseNumber(m.get("num"))
	if !n.point && trimZeros(n.whole) == "1" {
		return "one inch", true
	}
	return enDecimal(n, true) + " inches", true
}

func enDateMY(c *context, m match) (string, bool) {
	mon := enMonthNumber(m.get("mon"))
	if mon == 0 || len(m.get("mon")) < 3 || (strings.ToLower(m.get("mon")) == "may" && m.get("mon") == "may") {
		return "", false
	}
	return enMonths[mon] + " " + enYear(int(atoi(m.get("y")))), true
}

func enDateYMD(c *context, m match) (string, bool) {
	if m.get("s1") != m.get("s2") {
		return "", false
	}
	mon, d := int(atoi(m.get("m"))), int(atoi(m.get("d")))
	if mon < 1 || mon > 12 || d < 1 || d > 31 {
		return "", false
	}
	return enMonths[mon] + " " + enOrdinal(itoa(d)) + " " + enYear(int(atoi(m.get("y")))), true
}

// enDateNumeric reads 01/07/98, 15.01.2020, 12-25-2026: month first, as in
// the United States, unless the first number cannot be a month.
func enDateNumeric(c *context, m match) (string, bool) {
	if m.get("s1") != m.get("s2") {
		return "", false
	}
	a, b := int(atoi(m.get("a"))), int(atoi(m.get("b")))
	y := m.get("y")
	year := ""
	if len(y) == 2 {
		year = enTwoDigitYear(int(atoi(y)))
	} else {
		year = enYear(int(atoi(y)))
	}
	switch {
	case a >= 1 && a <= 12 && b >= 1 && b <= 31:
		return enMonths[a] + " " + enOrdinal(itoa(b)) + " " + year, true
	case b >= 1 && b <= 12 && a >= 1 && a <= 31:
		s := enOrdinal(itoa(a)) + " of " + enMonths[b] + " " + year
		if c.prevWord() != "the" {
			s = "the " + s
		}
		return s, true
	}
	return "", false
}

// enDecade reads 1980s, '80s, 80s, mid-1980s.
// enRoundPlurals are round numbers said as plurals before "of": "100s
// of people", "1,000s of", "10s of thousands".
var enRoundPlurals = map[string]string{"10": "tens", "100": "hundreds", "1000": "thousands", "1000000": "millions"}

func enDecade(c *context, m match) (string, bool) {
	if scale, ok := enRoundPlurals[strings.ReplaceAll(m.get("dec"), ",", "")]; ok && c.nextWord() == "of" && m.get("mid") == "" {
		return scale, true // "100s of people": hundreds of people
	}
	var s string
	switch {
	case m.get("dec") != "":
		d := int(atoi(m.get("dec")))
		if len(m.get("dec")) < 3 {
			s = enPlural(enTensWords(d))
			break
		}
		if d%100 == 0 {
			s = enPlural(enYear(d)) // 1900s: nineteen hundreds
			if d%1000 == 0 {
				s = enPlural(enCardinal(itoa(d), false))
			}
		} else if d >= 2000 && d < 2010 {
			s = enPlural(enCardinal(itoa(d), false))
		} else {
			s = enTensWords(d/100) + " " + enPlural(enTensWords(d%100))
		}
	case m.get("short") != "":
		s = enPlural(enTensWords(int(atoi(m.get("short")))))
	default:
		s = enPlural(enTensWords(int(atoi(m.get("bare")))))
	}
	if m.get("mid") != "" {
		s = "mid " + s
	}
	return s, true
}

// enQuarter reads Q2 2022, 2Q22, H1 2023.
func enQuarter(c *context, m match) (string, bool) {
	q := m.get("q") + m.get("q2")
	name := "quarter"
	if m.get("hn") != "" {
		q, name = m.get("hn"), "half"
	}
	s := enOrdinal(q) + " " + name
	switch {
	case m.get("y") != "":
		s += " " + enYear(int(atoi(m.get("y"))))
	case m.get("y2") != "":
		s += " " + enYear(int(atoi(m.get("y2"))))
	case m.get("yy")+m.get("yy2") != "":
		s += " " + enYear(2000+int(atoi(m.get("yy")+m.get("yy2"))))
	}
	return s, true
}

// ordinalSuffixFits reports whether a written suffix (or none) is the
// number's: 1st, 2nd, 3rd, 4th, 11th.
func ordinalSuffixFits(n int, suf string) bool {
	if suf == "" {
		return true
	}
	return strings.ToLower(suf) == enSuffix(n)
}

func enSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// --- measures ---

func enMeasure(c *context, m match) (string, bool) {
	unit := m.get("unit")
	if _, _, ok := enUnit(unit); !ok {
		// "sq ft.": the two-word form's full stop, taken with it (and
		// given back where it ends the sentence too).
		unit = strings.TrimSuffix(unit, ".")
	}
	one, many, ok := enUnit(unit)
	if !ok {
		one, many, ok = enUnitPer(unit)
	}
	if !ok {
		return "", false
	}
	n := enSeps.parseNumber(m.get("sign") + m.get("num"))
	if n.grouped && !enSeps.groupedByThree(m.get("num")) {
		return "", false
	}
	name := many
	if !n.neg && trimZeros(n.whole) == "1" && !n.point && m.get("scale") == "" || m.get("hy") != "" || enAttributive(c) {
		name = one // "a 5 km run", "a 5-km run": a five kilometer run
	}
	and := m.get("scale") == ""
	end := ""
	if strings.HasSuffix(m.get("unit"), ".") && m.get("unit") != unit && c.atEndOfSentenceAfter() {
		end = "." // the stop taken with the symbol ends the sentence too
	}
	return words(enDecimal(n, and), m.get("scale"), name) + end, true
}

// enGluedScale reads a count with a glued scale letter: k is a thousand
// ("40k more") but for a race ("a 5k run", "five K"); m is a million
// before a counted noun when the number is under 50 or has a decimal
// ("1m people", "2.5m jobs"), and otherwise left to the measures: "the
// 400m hurdles", "a 50m pool", "1.5m tall" are metres.
func enGluedScale(c *context, m match) (string, bool) {
	n := enSeps.parseNumber(m.get("num"))
	switch m.get("scale") {
	case "k":
		if next := c.nextWord(); enRaces[next] || next != "" && unicode.IsUpper([]rune(next)[0]) {
			return enDecimal(n, true) + " K", true // a race, a "4k TV"
		}
		return words(enDecimal(n, false), "thousand"), true
	case "m":
		if enCountsAfter(c) && (n.point || atoi(n.whole) < 50 || !enDistanceNouns[c.nextWord()]) {
			return words(enDecimal(n, false), "million"), true
		}
	}
	return "", false
}

// enDistanceNouns are the plural nouns a distance in metres modifies ("the
// 400m hurdles", "100m sprinters"); before other plural nouns a round
// number with m counts millions ("81m votes").
var enDistanceNouns = set("hurdles", "sprints", "sprinters", "races", "heats", "runs", "runners", "dashes", "lengths", "laps", "relays",
	"swims", "swimmers", "finals", "semifinals", "events", "records", "tracks", "pools", "walls", "waves", "cliffs", "towers", "trees")

var enRaces = set("run", "runs", "race", "races", "walk", "walks", "runner", "runners", "course")

// enAttributive reports an amount that modifies the noun after it: "a"
// or "an" before it, which no plural follows, and a word in lower case
// after it that is no preposition or conjunction ("a 5 km run", "a $10
// fee", not "a 5 km or so"). English says its unit in the singular
// there.
func enAttributive(c *context) bool {
	if c == nil {
		return false // a part of a range, read on its own
	}
	if p := c.prevWord(); p != "a" && p != "an" {
		return false
	}
	next := c.nextWord()
	return isLowerWord(next) && !enFunctionWords[next] && c.followedBySpace()
}

// enFunctionWords are the prepositions and conjunctions that can follow an
// amount that is no modifier.
var enFunctionWords = set("of", "or", "and", "to", "in", "on", "at", "from", "for", "by", "per", "than", "a", "an", "the", "each", "more", "less")

// enMeasureWord reads "7.2-millimeter", a number joined to a unit's name.
func enMeasureWord(c *context, m match) (string, bool) {
	n := enSeps.parseNumber(m.get("sign") + m.get("num"))
	word := m.get("word")
	if full, ok := enShortTimeWords[strings.TrimSuffix(word, "s")]; ok {
		word = full // "a 30-yr loan": thirty-year
	}
	return enDecimal(n, true) + " " + word, true
}

// enShortTimeWords are the short forms of periods joined to a number.
var enShortTimeWords = map[string]string{"yr": "year", "hr": "hour", "wk": "week", "mo": "month"}

func enMeasureFraction(c *context, m match) (string, bool) {
	_, many, ok := enUnit(m.get("unit"))
	if !ok || atoi(m.get("fd")) == 0 {
		return "", false
	}
	return enCardinal(m.get("int"), true) + " and " + enFractionWords(m.get("fn"), m.get("fd"), true) + " " + many, true
}

func enPerUnit(c *context, m match) (string, bool) {
	one, _, ok := enUnit(m.get("per"))
	if !ok {
		return "", false
	}
	return enDecimal(enSeps.parseNumber(m.get("num")), true) + " per " + one, true
}

func enUnitPerUnit(c *context, m match) (string, bool) {
	_, many, ok1 := enUnit(m.get("u1"))
	one, _, ok2 := enUnit(m.get("u2"))
	if !ok1 || !ok2 || len(m.text) < 4 {
		return "", false
	}
	return many + " per " + one, true
}

// --- fractions ---

var enVulgar = map[string][2]string{"½": {"1", "2"}, "⅓": {"1", "3"}, "⅔": {"2", "3"}, "¼": {"1", "4"}, "¾": {"3", "4"},
	"⅕": {"1", "5"}, "⅖": {"2", "5"}, "⅗": {"3", "5"}, "⅘": {"4", "5"}, "⅙": {"1", "6"}, "⅚": {"5", "6"}, "⅐": {"1", "7"},
	"⅛": {"1", "8"}, "⅜": {"3", "8"}, "⅝": {"5", "8"}, "⅞": {"7", "8"}, "⅑": {"1", "9"}, "⅒": {"1", "10"}}

func enFraction(c *context, m match) (string, bool) {
	num, den := m.get("num"), m.get("den")
	if y := atoi(num); m.get("int") == "" && len(num) == 4 && len(den) == 2 && y >= 1900 && y < 2100 && atoi(den) == (y+1)%100 {
		// "the 2023/24 season": a season or a fiscal year, not a fraction.
		return enYear(int(y)) + " to " + enTwoDigitYear(int(atoi(den))), true
	}
	if v, ok := enVulgar[m.get("vf")]; ok {
		num, den = v[0], v[1]
	}
	if isZero(den) || len(den) > 7 {
		return "", false
	}
	if prev := c.prevWord(); m.get("int") == "" && m.get("vf") == "" && m.get("th") == "" && (partsOverYear(num, den) || enBeforeNumber[prev] != "" || prev == "number") {
		// "Resolution No. 5/2024", "case 12/2023": a number and its year,
		// or a number's parts after "No.", "Fig.", "p.".
		return enCardinal(num, false) + " slash " + enYearOrNumber(den), true
	}
	if m.get("th") != "" && m.get("int") != "" {
		return "", false
	}
	if m.get("int") == "" && m.get("vf") == "" && (num == den || num+"/"+den == "24/7" || num+"/"+den == "9/11") {
		// 50/50, 20/20, 24/7, 9/11 are said as two numbers.
		return enCardinal(num, false) + " " + enCardinal(den, false), true
	}
	if mon, d := atoi(num), atoi(den); m.get("int") == "" && m.get("th") == "" && len(num) <= 2 && len(den) <= 2 &&
		mon >= 1 && mon <= 12 && d >= 1 && d <= 31 && !enCommonDenominators[d] && enDateCues[c.prevWord()] && c.nextWord() != "of" {
		// "on 12/25", "by 3/15": a month and a day after a word that
		// places a date, where no common fraction is written ("on 3/4"
		// stays three quarters).
		return enMonths[mon] + " " + enOrdinal(trimZeros(den)), true
	}
	s := enFractionWords(num, den, m.get("int") != "")
	if i := m.get("int"); i != "" {
		s = enCardinal(i, true) + " and " + s
	}
	return s, true
}

// enDateCues are the words before a month and a day written with a
// slash and no year ("on 12/25", "through 3/15").
var enDateCues = set("on", "by", "until", "till", "through", "thru", "since", "dated", "effective")

// enCommonDenominators are the denominators of the fractions news
// writes: a slash over one of them is a fraction, not a day.
var enCommonDenominators = map[int64]bool{2: true, 3: true, 4: true, 5: true, 6: true, 8: true, 10: true, 16: true}

// enFractionWords says num/den: "one half", "two thirds", "thirty one
// thirty seconds"; after a whole number ("three and a half") one is "a".
// enYearOrNumber says den as a year when it is one, else as a number.
func enYearOrNumber(den string) string {
	if isYearDigits(den) {
		return enYear(int(atoi(den)))
	}
	return enCardinal(den, false)
}

func enFractionWords(num, den string, mixed bool) string {
	nv := trimZeros(num)
	var d string
	switch trimZeros(den) {
	case "2":
		d = "half"
		if nv != "1" {
			d = "halves"
		}
	case "4":
		d = "quarter"
		if nv != "1" {
			d = "quarters"
		}
	default:
		d = enOrdinal(den)
		if nv != "1" {
			d = enPlural(d)
		}
	}
	if nv == "1" && mixed {
		return "a " + d
	}
	return enCardinal(num, false) + " " + d
}

// --- ordinals ---

func enOrdinalRule(c *context, m match) (string, bool) {
	n := strings.ReplaceAll(m.get("n"), ",", "")
	if strings.Contains(m.get("n"), ",") && !validGrouping(m.get("n"), ",") {
		return "", false
	}
	if len(n) > 21 {
		// Beyond the cardinals' sextillions: its digits, then the
		// suffix as written.
		return enDigits(n) + " " + m.get("suf"), true
	}
	v := atoi(n[max(0, len(n)-2):]) // the last two digits choose the suffix
	if strings.ToLower(m.get("suf")) != enSuffix(int(v%100)) {
		// A suffix that is not the number's is read as written.
		if len(n) >= 3 {
			return enDigits(n) + " " + m.get("suf"), true
		}
		return enCardinal(n, false) + " " + m.get("suf"), true
	}
	return enOrdinal(n), true
}

// --- decimals and cardinals ---

// enGluedScales are the scale words news writes glued to a number:
// "3.2bn", "1.5tn", "2.5mn".
var enGluedScales = map[string]string{"bn": "billion", "bln": "billion", "tn": "trillion", "trn": "trillion", "mn": "million", "mln": "million"}

// Words before a number that say it counts something ("about 2000
// people"), and words that say a four-digit number is a year ("in 1998").
var (
	enCountCues = set("about", "around", "nearly", "almost", "over", "under", "some", "approximately", "roughly", "than",
		"exactly", "only", "just", "least", "most", "total", "totalling", "totaling", "another", "all", "additional", "extra",
		"up", "down", "by", "were", "are", "had", "have", "has", "with", "without", "employs", "employed", "hired", "killed",
		"injured", "sold", "bought", "raised", "cost", "costs", "costing", "paid", "pay", "earn", "earned", "lost", "won",
		"gained", "count", "population", "estimated", "estimate", "roughly", "those", "these", "them", "to", "and", "or")
	enYearCues = set("in", "since", "from", "until", "till", "before", "after", "circa", "c", "ca", "year", "years",
		"early", "late", "mid", "summer", "spring", "autumn", "fall", "winter", "of", "during", "between", "around", "by",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
		"class", "vintage", "season", "election", "elections", "census", "fy", "ad", "bc")
	enNotNouns = set("was", "is", "has", "had", "will", "would", "could", "should", "saw", "and", "or", "but", "the", "a", "an",
		"when", "where", "as", "to", "in", "on", "at", "for", "with", "by", "of", "from", "that", "this", "it", "its", "his",
		"her", "their", "we", "they", "he", "she", "i", "you", "be", "been", "were", "are", "did", "does", "do", "not", "also",
		"after", "before", "until", "since", "during", "while", "if", "so", "then", "than", "us", "thus", "unless", "less",
		"ad", "bc", "ce", "bce", "election", "elections", "season", "census", "budget", "report", "olympics", "world",
		"edition", "model", "vintage", "version", "campaign", "summit", "games", "cup", "crisis", "war", "act", "law", "plan")
)

func set(words ...string) map[string]bool {
	m := map[string]bool{}
	for _, w := range words {
		m[w] = true
	}
	return m
}

// enCounts reports whether the number at c counts something: a quantity
// word before it ("about 2000"), or a plural noun after it ("2000
// people"). A singular noun after a number is what a year modifies ("the
// 1953 flood"), not what it counts.
func enCounts(c *context) bool {
	return enCountCues[c.prevWord()] || enCountsAfter(c)
}

// enCountsAfter reports whether a plural noun follows the token: what a
// count counts ("1.5m people", "3m homes").
func enCountsAfter(c *context) bool {
	next := c.nextWord()
	if next == "" || !isLowerWord(next) || enNotNouns[next] {
		return false
	}
	return enIrregularPlurals[next] || (strings.HasSuffix(next, "s") && !strings.HasSuffix(next, "ss") &&
		!strings.HasSuffix(next, "us") && !strings.HasSuffix(next, "is") && len(next) > 3)
}

var enIrregularPlurals = set("people", "men", "women", "children", "police", "staff", "feet", "teeth", "mice", "geese",
	"cattle", "personnel", "troops", "sheep", "fish", "deer", "crew", "voters", "dollars")

// enLongCounts reports whether a number of five digits or more written
// without separators counts something: a quantity word before it, or a
// word after it ("12000 people", "13000 in the stadium"); alone or
// before a capital or a sign, it is a code.
func enLongCounts(c *context) bool {
	if enCountCues[c.prevWord()] {
		return true
	}
	next := c.nextWord()
	return next != "" && isLowerWord(next)
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return w != ""
}

func enNumber(c *context, m match) (string, bool) {
	sign, text := m.get("sign"), m.get("num")
	if sign != "" {
		prev := []rune(c.text[:c.start])
		if len(prev) > 0 && (isWordRune(prev[len(prev)-1]) || prev[len(prev)-1] == ')') {
			return "", false // "5-3", "x-2": not a sign
		}
	}
	n := enSeps.parseNumber(text)
	if n.grouped && !enSeps.groupedByThree(text) {
		return "", false
	}
	if sign == "-" || sign == "−" {
		n.neg = true
	}
	plus := ""
	if sign == "+" {
		plus = "plus"
	}
	scale := m.get("scale")
	if scale != "" {
		return words(plus, enDecimal(n, false), scale), true
	}
	if n.point {
		return words(plus, enDecimal(n, true)), true
	}
	digits := n.whole
	var s string
	switch {
	case len(digits) > 1 && digits[0] == '0':
		s = enDigits(digits)
	case enDigitCue(c):
		s = enDigits(digits) // "card ending in 8876"
	case n.grouped:
		s = enCardinal(digits, true)
	case !n.neg && (len(digits) == 3 || len(digits) == 4) && enAfterCode(c) && !enCountsAfter(c):
		s = enIdentifier(digits) // "SB 1047", "BA 2490", "F-35" and "A 380" alike
	case len(digits) == 4 && !n.neg && enYearReading(c, int(atoi(digits))):
		s = enYear(int(atoi(digits)))
	case len(digits) >= 5 && (len(digits) > 12 || !enLongCounts(c)):
		// A long number written without separators is a code or an
		// identifier ("13000" alone), unless it counts something.
		s = enDigits(digits)
	default:
		s = enCardinal(digits, true)
	}
	if n.neg {
		s = "minus " + s
	}
	return words(plus, s), true
}

// enAfterCode reports a number that follows a code of capitals: a bill
// ("SB 1047", "HR 2617"), a flight ("BA 2490"), a model ("A 380"). It is
// the code's number, said as people say such numbers, not an amount.
func enAfterCode(c *context) bool {
	prev := c.prevRaw()
	if len(prev) < 2 || len(prev) > 4 || !strings.HasSuffix(strings.TrimSpace(c.text[:c.start]), prev) {
		return false
	}
	for _, r := range prev {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return !enNotCodes[prev]
}

// enNotCodes are capitals that stand before amounts and years, not codes.
var enNotCodes = set("US", "USA", "UK", "EU", "UN", "AD", "BC", "BCE", "CE", "GDP", "CEO", "NFL", "NBA", "THE", "AND", "FOR", "TOP")

// enIdentifier says a code's number of three or four digits in pairs, as
// flights, bills and models are said: 1047 ten forty seven, 2490 twenty
// four ninety, 737 seven thirty seven, 105 one oh five, 380 three eighty.
func enIdentifier(d string) string {
	if len(d) == 4 {
		return enYear(int(atoi(d)))
	}
	switch {
	case d[1:] == "00":
		return enCardinal(d, true)
	case d[1] == '0':
		return enCardinal(d[:1], false) + " oh " + enCardinal(d[2:], false)
	}
	return enCardinal(d[:1], false) + " " + enCardinal(d[1:], false)
}

// enDigitCue reports whether the words before a number ask for its digits
// one by one: the end of a card or account number, a PIN.
func enDigitCue(c *context) bool {
	prev, prev2 := c.prevWord(), c.prevWordN(2)
	return (prev == "in" && prev2 == "ending") || prev == "pin" || prev == "ext" || (prev == "code" && prev2 != "area")
}

// enYearReading decides whether a four-digit number is said as a year:
// after "in", "since" and the like it is (1000–2999); before a noun it
// counts, or after "about"; on its own, 1100–2099 is read as a year.
func enYearReading(c *context, y int) bool {
	prev := c.prevWord()
	switch {
	case enYearCues[prev] && !(prev == "by" || prev == "around"):
		return y >= 1000 && y < 3000
	case (prev == "by" || prev == "around") && y >= 1900 && y < 2100 && !enCountsAfter(c):
		// "by 2025", "around 1990": news writes a count of thousands with
		// a comma ("rose by 2,025"), a year without one.
		return true
	case enPairWords[prev] && enYearLike(c.prevWordN(2)):
		// "between 1914 and 1918", "1998 or 1999", "from 2019 to 2021":
		// the second of a pair of years is a year too.
		return y >= 1000 && y < 3000
	case enCounts(c):
		return false
	}
	return y >= 1100 && y < 2100 && y%1000 != 0
}

// enLabelCues are words before a number and a letter that make them a
// label, not a measure: "Room 5C", "Gate 12F".
var enLabelCues = set("room", "flat", "apartment", "apt", "gate", "class", "year", "form", "grade", "platform", "seat", "unit",
	"suite", "floor", "block", "row", "bus", "route", "level", "ward", "bay", "stand", "section", "box", "locker", "cabin")

// enPairWords join two numbers of one kind.
var enPairWords = set("and", "or", "to", "through", "till", "until", "nor")

// enYearLike reports a word that is a four-digit year, 1000–2999.
func enYearLike(w string) bool {
	return len(w) == 4 && isDigits(w) && w[0] >= '1' && w[0] <= '2'
}

// --- roman numerals ---

var enRomanCardinalCues = set("part", "chapter", "volume", "vol", "book", "act", "scene", "phase", "war", "article", "section",
	"title", "schedule", "bowl", "grade", "level", "class", "type", "stage", "apollo", "vatican", "category", "tier", "appendix",
	"canto", "psalm", "series", "mark", "round", "season", "episode", "figure", "table", "plate")

func enRoman(c *context, m match) (string, bool) {
	r := m.get("r")
	v := romanValue(r)
	if v == 0 {
		return "", false
	}
	raw := c.prevRaw()
	if enRomanCardinalCues[c.prevWord()] && isLetters(raw) {
		if len(r) == 1 && !strings.ContainsAny(r, "IVX") {
			return "", false // "Grade C", "Type D": a letter
		}
		if r == "I" && !unicode.IsUpper([]rune(raw)[0]) {
			return "", false // "the book I read": the pronoun
		}
		return enCardinal(itoa(v), false), true // Part XL, World War II
	}
	// After a name, a king, a pope or a son: "Henry the eighth". One
	// letter is a numeral only as V (Henry V); I is a pronoun, X a name.
	prev := strings.TrimRight(c.prevRaw(), ",")
	if (len(r) >= 2 || r == "V") && isLetters(prev) && unicode.IsUpper([]rune(prev)[0]) && prev != strings.ToUpper(prev) {
		return "the " + enOrdinal(itoa(v)), true
	}
	return "", false
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// --- serials ---

func enSerial(c *context, m match) (string, bool) {
	s := m.text
	hasLetter := strings.IndexFunc(s, unicode.IsLetter) >= 0
	if !hasLetter && strings.Count(s, "/") < 2 && strings.Count(s, "-") < 2 {
		return "", false // 5-3, 1/2: a range or a fraction, read elsewhere
	}
	if !strings.ContainsAny(s, "0123456789") {
		return "", false
	}
	if y, ok := strings.CutPrefix(s, "FY"); ok && len(y) == 4 && isDigits(y) && atoi(y) >= 1900 && atoi(y) < 2100 {
		return "FY " + enYear(int(atoi(y))), true // a fiscal year
	}
	if first, rest, ok := strings.Cut(s, "-"); ok && isLetters(rest) && enDecadeWord.MatchString(first) {
		// "1970s-era", "80s-style": a decade joined to a word.
		d := enDecadeWord.FindStringSubmatch(first)[1]
		if said, ok := enDecade(c, match{text: first, sub: []string{first, "", d}, names: []string{"", "mid", "dec"}}); ok {
			return said + "-" + rest, true
		}
	}
	if first, rest, ok := strings.Cut(s, "-"); ok && enOrdinalWord.MatchString(strings.ToLower(first)) && isLetters(rest) && len(first) <= 6 {
		// "3rd-quarter", "21st-century": an ordinal joined to a word.
		n := enOrdinalWord.FindStringSubmatch(first)[1]
		if strings.ToLower(first[len(n):]) == enSuffix(int(atoi(n)%100)) {
			return enOrdinal(n) + "-" + rest, true
		}
	}
	if code := enGluedCode.FindStringSubmatch(s); code != nil && !enNotCodes[code[1]] && code[2][0] != '0' {
		// "A320", "BA2490", "RTX4090": said as the same code with a
		// space is ("A 320"), its number in pairs.
		return code[1] + " " + enIdentifier(code[2]), true
	}
	return sayRuns(s, func(d string) string {
		if len(d) >= 4 || (len(d) > 1 && d[0] == '0') {
			return enDigits(d)
		}
		return enCardinal(d, false)
	}), true
}

// enGluedCode is a code of capitals with a number of three or four digits
// glued on.
var enGluedCode = regexp.MustCompile(`^([A-Z]{1,4})(\d{3,4})$`)

// sayRuns says a code run by run: letters as written, digits by digits(),
// hyphens and slashes kept between the runs.
func sayRuns(s string, digits func(string) string) string {
	var b strings.Builder
	runes := []rune(s)
	for i := 0; i < len(runes); {
		j := i + 1
		switch r := runes[i]; {
		case unicode.IsDigit(r):
			for j < len(runes) && unicode.IsDigit(runes[j]) {
				j++
			}
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") && !strings.HasSuffix(b.String(), "/") {
				b.WriteString(" ")
			}
			b.WriteString(digits(string(runes[i:j])))
		case unicode.IsLetter(r):
			for j < len(runes) && unicode.IsLetter(runes[j]) {
				j++
			}
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") && !strings.HasSuffix(b.String(), "/") {
				b.WriteString(" ")
			}
			b.WriteString(string(runes[i:j]))
		default:
			b.WriteRune(r)
		}
		i = j
	}
	return b.String()
}

// --- abbreviations ---

// enTitles are said in full before a name.
var enTitles = map[string]string{"dr": "doctor", "mr": "mister", "mrs": "misses", "ms": "miz", "prof": "professor", "gen": "general",
	"sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant", "col": "colonel", "sgt": "sergeant",
	"capt": "captain", "cpt": "captain", "adm": "admiral", "maj": "major", "rev": "reverend", "hon": "honorable", "pres": "president",
	"supt": "superintendent", "insp": "inspector", "det": "detective", "fr": "father", "sr": "senior", "jr": "junior", "mt": "mount",
	"ft": "fort", "pt": "point", "cmdr": "commander", "cdr": "commander", "brig": "brigadier", "amb": "ambassador", "atty": "attorney"}

// enDayAbbrevs are the weekdays' abbreviations.
var enDayAbbrevs = map[string]string{"mon": "Monday", "tue": "Tuesday", "tues": "Tuesday", "wed": "Wednesday", "thu": "Thursday",
	"thur": "Thursday", "thurs": "Thursday", "fri": "Friday", "sat": "Saturday", "sun": "Sunday"}

// enMonthAhead reports a month's name or abbreviation as the next word.
func enMonthAhead(c *context) bool {
	next := strings.ToLower(strings.TrimSuffix(c.nextWord(), "."))
	for _, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"} {
		if strings.HasPrefix(next, m) {
			return true
		}
	}
	return false
}

// enAPStates are the AP stylebook's abbreviations of US states, said in
// full after a town and a comma.
var enAPStates = map[string]string{"Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
	"Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois", "Ind": "Indiana", "Kan": "Kansas",
	"Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland", "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota",
	"Miss": "Mississippi", "Mo": "Missouri", "Mont": "Montana", "Neb": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire",
	"N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota", "Okla": "Oklahoma",
	"Ore": "Oregon", "Pa": "Pennsylvania", "R.I": "Rhode Island", "S.C": "South Carolina", "S.D": "South Dakota", "Tenn": "Tennessee",
	"Vt": "Vermont", "Va": "Virginia", "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin", "Wyo": "Wyoming"}

// enBeforeNumber are abbreviations said in full before a number only.
var enBeforeNumber = map[string]string{"ext": "extension", "no": "number", "apt": "apartment", "ste": "suite", "bldg": "building", "rm": "room", "fig": "figure", "figs": "figures", "vol": "volume", "vols": "volumes", "ch": "chapter",
	"p": "page", "pp": "pages", "pg": "page", "pgs": "pages", "sec": "section", "ep": "episode", "nos": "numbers", "eq": "equation", "para": "paragraph"}

// enAbbrevs are said in full wherever they stand.
var enAbbrevs = map[string]string{"e.g": "for example", "i.e": "that is", "etc": "et cetera", "vs": "versus", "approx": "approximately",
	"incl": "including", "est": "established", "dept": "department", "govt": "government", "univ": "university", "assn": "association",
	"a.m": "a m", "p.m": "p m", "u.s": "U S", "u.k": "U K", "u.n": "U N", "e.u": "E U", "d.c": "D C"}

func enAbbreviation(c *context, m match) (string, bool) {
	w := m.get("w")
	lw := strings.ToLower(w)
	next := c.nextWord()
	nextCap := next != "" && unicode.IsUpper([]rune(next)[0])
	switch {
	case lw == "st":
		// "St. Louis" is a saint; "Main St." a street.
		afterName := c.afterName()
		if nextCap && !afterName {
			return "Saint", true
		}
		if afterName {
			end := ""
			if c.atEndOfSentenceAfter() && next != "" {
				end = "."
			}
			return "Street" + end, true
		}
		return "", false
	case enStreetTypes[w] != "" && c.afterName():
		// "Elm Dr.", "Park Ave.", "Mill Rd.": a street's type after its
		// name, mid-sentence ("Dr. Smith" at a sentence's start, or after
		// a lower-case word, is a title). Its full stop ends the sentence
		// when a capital or the end follows.
		end := ""
		if next == "" || nextCap {
			end = "."
		}
		return enStreetTypes[w] + end, true
	case (lw == "mr" || lw == "mrs" || lw == "ms") && w != strings.ToUpper(w):
		// Always a title, even before "and": "Mr. and Mrs. Smith".
		return enTitles[lw], true
	case enDayAbbrevs[lw] != "" && w != lw && (strings.HasPrefix(c.text[c.end:], ",") || enMonthAhead(c) || strings.EqualFold(c.prevWord(), "on")):
		// "Fri., Jan. 5", "Tues. Feb. 4": a weekday before a date, or
		// after "on" ("met on Mon."), where its stop can end the sentence.
		if strings.EqualFold(c.prevWord(), "on") && strings.HasSuffix(m.text, ".") && c.atEndOfSentenceAfter() {
			return enDayAbbrevs[lw] + ".", true
		}
		return enDayAbbrevs[lw], true
	case enBeforeNumber[lw] != "" && startsWithDigit(c.text[c.end:]):
		// "No. 10", "Fig. 3", "Vol. 2", "p. 12": said in full before a
		// number.
		return sayBeforeNumber(c, enBeforeNumber, lw)
	case enTitles[lw] != "" && nextCap && w == strings.ToUpper(w[:1])+strings.ToLower(w[1:]):
		if lw == "dr" || lw == "ft" || lw == "mt" || lw == "pt" || lw == "sr" || lw == "jr" {
			// Dr. before a name is a doctor; after one, a drive.
			if prev := c.prevRaw(); prev != "" && unicode.IsUpper([]rune(prev)[0]) && !c.atSentenceStart() && (lw == "sr" || lw == "jr") {
				return enTitles[lw], true
			}
		}
		if lw == "sr" || lw == "jr" {
			return "", false
		}
		return enTitles[lw], true
	case (lw == "sr" || lw == "jr") && c.prevRaw() != "" && strings.HasSuffix(c.prevRaw(), ","):
		return enTitles[lw], true
	case enAPStates[w] != "" && strings.HasSuffix(c.prevRaw(), ",") && unicode.IsUpper([]rune(c.prevRaw())[0]):
		// "Fort Myers, Fla.": a state after its town, as AP style writes
		// it; its full stop ends the sentence when a capital or the end
		// follows, not before a comma.
		end := ""
		if rest := c.text[c.end:]; strings.TrimSpace(rest) == "" || strings.HasPrefix(rest, " ") && nextCap {
			end = "."
		}
		return enAPStates[w] + end, true
	case enAbbrevs[lw] != "":
		return enAbbrevs[lw], true
	}
	return "", false
}

func enWordAbbreviation(c *context, m match) (string, bool) {
	switch k := m.get("k"); strings.ToLower(k) {
	case "401(k)":
		return "four oh one k", true
	case "vs":
		return "versus", true
	case "etc":
		return "et cetera", true
	case "tv":
		return "TV", true
	case "y/y", "y-o-y", "yoy":
		// Finance's changes over a period: year on year, quarter on
		// quarter, month on month.
		return "year on year", true
	case "q/q", "q-o-q", "qoq":
		return "quarter on quarter", true
	case "m/m", "m-o-m", "mom":
		return "month on month", true
	case "wwi":
		return "World War One", true
	case "wwii":
		return "World War Two", true
	}
	return "", false
}

// --- symbols and arithmetic ---

var enOperators = map[rune]string{'-': "minus", '+': "plus", '*': "times", '/': "divided by", '=': "equals", '×': "times",
	'÷': "divided by", '^': "to the power of"}

func enMath(c *context, m match) (string, bool) {
	expr := m.get("expr")
	// A single letter on its own is not an expression's; at least one
	// operator must be a sign of arithmetic between numbers or with "=".
	if !strings.ContainsAny(expr, "=+*×÷^") {
		return "", false
	}
	var out []string
	tok := enMathToken
	for _, t := range tok.FindAllString(expr, -1) {
		r := []rune(t)[0]
		switch {
		case utf8.RuneCountInString(t) == 1 && enOperators[r] != "" && !unicode.IsDigit(r):
			if r == '*' && !strings.Contains(expr, "=") {
				out = append(out, "asterisk")
				continue
			}
			out = append(out, enOperators[r])
		case unicode.IsLetter(r):
			out = append(out, t)
		default:
			out = append(out, enDecimal(enSeps.parseNumber(t), true))
		}
	}
	return strings.Join(out, " "), true
}

func enSymbol(c *context, m match) (string, bool) {
	sym := m.get("sym")
	next := c.text[c.end:]
	switch sym {
	case "%":
		return "percent", true
	case "&":
		return "and", true
	case "<", ">", "≤", "≥":
		// Before a number: "<10", ">50%", "≥ 18".
		if !startsWithDigit(strings.TrimLeft(next, " ")) {
			return "", false
		}
		return map[string]string{"<": "less than", ">": "more than", "≤": "at most", "≥": "at least"}[sym], true
	case "@":
		return "at", true
	case "#":
		if next != "" && unicode.IsDigit([]rune(next)[0]) {
			return "number", true
		}
		if next != "" && unicode.IsLetter([]rune(next)[0]) {
			return "hashtag", true
		}
		return "", false
	case "$":
		return "dollar", true
	case "€":
		return "euro", true
	case "£":
		return "pound", true
	case "+":
		return "plus", true
	case "++":
		return "plus plus", true
	case "=":
		return "equals", true
	case "~":
		if next != "" && (unicode.IsDigit([]rune(next)[0]) || enCurrencyPrefix.MatchString(next) && startsWithDigit(next[len(enCurrencyPrefix.FindString(next)):])) {
			return "about", true // "~5 people", "~$5"
		}
		return "", false
	case "×":
		return "times", true
	case "÷":
		return "divided by", true
	case "§":
		return "section", true
	case "§§":
		return "sections", true
	case "±":
		return "plus or minus", true
	case "°", "º":
		return "degrees", true
	}
	return "", false
}
