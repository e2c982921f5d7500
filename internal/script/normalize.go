package script

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Class is a kind of written form that normalization says in words.
type Class string

// The classes of normalization, as voice presets name them.
const (
	Electronic   Class = "electronic"   // URLs and e-mail addresses
	Telephone    Class = "telephone"    // telephone numbers, IP addresses
	Money        Class = "money"        // $20.50, £10/wk, ₩460 billion
	Time         Class = "time"         // 1:59 p.m., 14:10:30
	Date         Class = "date"         // July 25 2012, 25th jul, 2016/07/03, 1980s, years
	Measure      Class = "measure"      // 12kg, 2°C, 41,459.00 km³
	Ordinal      Class = "ordinal"      // 23rd
	Fraction     Class = "fraction"     // 3 2/4, 31/32
	Decimal      Class = "decimal"      // 0.004, .1 trillion
	Cardinal     Class = "cardinal"     // 9,000, -2, 123
	Roman        Class = "roman"        // Part XL, Henry VIII
	Abbreviation Class = "abbreviation" // Dr., St., Ave
	Address      Class = "address"      // 1428 Elm St.
	Symbol       Class = "symbol"       // %, @, &, $ on their own
)

// Classes lists every class, in the order they are applied.
var Classes = []Class{Electronic, Telephone, Address, Money, Time, Date, Measure, Fraction, Ordinal, Decimal, Roman, Abbreviation, Cardinal, Symbol}

// Normalizer rewrites written forms as a voice should say them. Skip holds
// the classes the voice reads correctly itself.
type Normalizer struct {
	Language string
	Skip     map[Class]bool
}

type rule struct {
	class Class
	re    *regexp.Regexp
	say   func(m []string) string
}

// Normalize returns text with every form of the classes not skipped said
// in words. English has rules; for other languages the text is returned
// as it is (the voice's own reading is the fallback).
func (n Normalizer) Normalize(text string) string {
	lang := strings.ToLower(n.Language)
	if lang != "" && !strings.HasPrefix(lang, "en") {
		return text
	}
	text = strings.Map(func(r rune) rune {
		if r >= '\uE000' && r <= '\uE1FF' {
			return -1 // the placeholders' range, never text
		}
		return r
	}, text)
	// What a skipped class matches is set aside first, so that no other
	// rule reads part of it ("$5" stays "$5", not "dollar five").
	var kept []string
	for _, r := range englishRules() {
		if n.Skip[r.class] {
			text = replaceAll(r.re, text, func(m []string) string {
				kept = append(kept, m[0])
				return placeholder(len(kept) - 1)
			})
		}
	}
	for _, r := range englishRules() {
		if !n.Skip[r.class] {
			text = replaceAll(r.re, text, r.say)
		}
	}
	for i, k := range kept {
		text = strings.Replace(text, placeholder(i), k, 1)
	}
	text = strings.Join(strings.Fields(text), " ")
	return spaceBeforePunct.ReplaceAllString(text, "$1")
}

// spaceBeforePunct is the space a rule left before punctuation.
var spaceBeforePunct = regexp.MustCompile(`\s+([,.;:!?)\]])`)

// ParseClasses reads class names (as voice presets list them); "all"
// means every class.
func ParseClasses(names []string) (map[Class]bool, error) {
	m := map[Class]bool{}
	for _, n := range names {
		if n == "all" {
			for _, c := range Classes {
				m[c] = true
			}
			continue
		}
		if !slices.Contains(Classes, Class(n)) {
			return nil, fmt.Errorf("unknown normalization class %q (known: all, %v)", n, Classes)
		}
		m[Class(n)] = true
	}
	return m, nil
}

// placeholder stands for set-aside text: private-use characters that no
// rule matches.
func placeholder(i int) string {
	var b strings.Builder
	b.WriteRune('\uE000')
	for _, d := range strconv.Itoa(i) {
		b.WriteRune('\uE100' + d - '0')
	}
	b.WriteRune('\uE001')
	return b.String()
}

// replaceAll replaces every match of re in text with what say makes of its
// submatches (regexp has no ReplaceAllStringSubmatchFunc; matching the
// match again would lose its context).
func replaceAll(re *regexp.Regexp, text string, say func([]string) string) string {
	idx := re.FindAllStringSubmatchIndex(text, -1)
	if idx == nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, loc := range idx {
		m := make([]string, len(loc)/2)
		for i := range m {
			if loc[2*i] >= 0 {
				m[i] = text[loc[2*i]:loc[2*i+1]]
			}
		}
		b.WriteString(text[last:loc[0]])
		b.WriteString(say(m))
		last = loc[1]
	}
	b.WriteString(text[last:])
	return b.String()
}

// num says a written number: "1,234" → "one thousand two hundred thirty
// four" (commas: no "and"), "123" → "one hundred and twenty three", a
// leading zero or five digits and more without commas digit by digit.
func num(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var out string
	commas := strings.Contains(s, ",")
	plain := strings.ReplaceAll(s, ",", "")
	switch {
	case plain == "":
		return s
	case !commas && (len(plain) > 1 && plain[0] == '0' || len(plain) >= 5):
		out = digits(plain)
	default:
		v, err := strconv.ParseUint(plain, 10, 64)
		if err != nil {
			return digits(plain)
		}
		// "123,000,012": a long grouped number is said without "and".
		out = cardinal(v, !(commas && len(plain) > 6))
	}
	if neg {
		return "minus " + out
	}
	return out
}

// plainNum is num without "and" and without digit-by-digit reading.
func plainNum(s string) string {
	v, err := strconv.ParseUint(strings.ReplaceAll(s, ",", ""), 10, 64)
	if err != nil {
		return digits(s)
	}
	return cardinal(v, false)
}

// decimal says "12.50" as "twelve point five zero".
func decimal(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	out := "point " + digits(frac)
	if whole != "" {
		out = num(whole) + " " + out
	}
	if frac == "" {
		out = num(whole)
	}
	if neg {
		out = "minus " + out
	}
	return out
}

func number(s string) string {
	if strings.Contains(s, ".") {
		return decimal(s)
	}
	return num(s)
}

var months = map[string]string{"jan": "january", "feb": "february", "mar": "march", "apr": "april", "may": "may", "jun": "june",
	"jul": "july", "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december"}

var monthNames = []string{"", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

func month(s string) string {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if m, ok := months[s]; ok {
		return m
	}
	if len(s) >= 3 {
		if m, ok := months[s[:3]]; ok && strings.HasPrefix(m, s) {
			return m
		}
	}
	return s
}

func ordinalNum(s string) string { return ordinalWord(plainNum(s)) }

func atoi(s string) int {
	v, _ := strconv.Atoi(s)
	return v
}

// yearWords says a two- or four-digit year.
func yearWords(s string) string {
	if len(s) == 2 {
		return tensWordsOh(atoi(s))
	}
	return year(atoi(s))
}

func tensWordsOh(n int) string {
	if n < 10 {
		return "oh " + ones[n]
	}
	return tensWords(n)
}

// decade says "1980s" as "nineteen eighties".
func decade(s string) string {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "'"), "s")
	if len(s) == 2 {
		return plural(tensWords(atoi(s)))
	}
	y := atoi(s)
	if y%100 == 0 {
		return year(y) + "s"
	}
	return tensWords(y/100) + " " + plural(tensWords(y%100))
}

func plural(w string) string {
	if strings.HasSuffix(w, "y") {
		return strings.TrimSuffix(w, "y") + "ies"
	}
	return w + "s"
}

var currencies = map[string][2]string{ // symbol → singular, plural
	"$": {"dollar", "dollars"}, "US$": {"us dollar", "us dollars"}, "£": {"pound", "pounds"}, "€": {"euro", "euros"},
	"¥": {"yen", "yen"}, "₩": {"won", "won"}, "₹": {"rupee", "rupees"}, "₴": {"hryvnia", "hryvnias"},
}

var perUnits = map[string]string{"mo": "month", "month": "month", "wk": "week", "week": "week", "hr": "hour", "h": "hour",
	"hour": "hour", "yr": "year", "year": "year", "day": "day", "d": "day", "min": "minute"}

var scaleWords = map[string]string{"k": "thousand", "thousand": "thousand", "m": "million", "mn": "million", "million": "million",
	"b": "billion", "bn": "billion", "billion": "billion", "t": "trillion", "tn": "trillion", "trillion": "trillion"}

// money says one amount with its currency.
func money(sym, amount, scale string) string {
	names, ok := currencies[sym]
	if !ok {
		return sym + amount
	}
	if scale != "" {
		n := number(amount)
		if !strings.Contains(amount, ".") {
			n = plainNum(amount) // "four hundred sixty billion won"
		}
		return n + " " + scaleWords[strings.ToLower(scale)] + " " + names[1]
	}
	whole, frac, hasFrac := strings.Cut(amount, ".")
	unit := func(v string) string {
		if strings.ReplaceAll(v, ",", "") == "1" {
			return names[0]
		}
		return names[1]
	}
	say := func(v string) string {
		if strings.Contains(v, ",") {
			// 18,925,000: grouped, no "and"; 1,234 keeps it.
			if n := strings.ReplaceAll(v, ",", ""); len(n) > 6 {
				return plainNum(v)
			}
			return cardinal(uint64(atoi(strings.ReplaceAll(v, ",", ""))), true)
		}
		return cardinal(uint64(atoi(v)), true)
	}
	if !hasFrac {
		return say(whole) + " " + unit(whole)
	}
	if len(frac) > 2 && sym != "$" || len(frac) == 3 && strings.Contains(whole, ",") {
		return decimal(amount) + " " + names[1]
	}
	if len(frac) == 1 {
		frac += "0"
	}
	cents := atoi(frac[:2])
	centName := "cents"
	if cents == 1 {
		centName = "cent"
	}
	if sym == "£" && len(frac) == 2 {
		centName = "pence"
		if cents == 1 {
			centName = "penny"
		}
	} else if sym != "$" && sym != "US$" && sym != "€" {
		return decimal(amount) + " " + names[1]
	}
	switch {
	case cents == 0 && whole != "":
		return say(whole) + " " + unit(whole)
	case whole == "" || atoi(whole) == 0:
		return tensWords(cents) + " " + centName
	}
	return say(whole) + " " + unit(whole) + " " + tensWords(cents) + " " + centName
}

var units = map[string][2]string{
	"kg": {"kilogram", "kilograms"}, "g": {"gram", "grams"}, "mg": {"milligram", "milligrams"}, "lb": {"pound", "pounds"},
	"lbs": {"pound", "pounds"}, "km": {"kilometer", "kilometers"}, "m": {"meter", "meters"}, "cm": {"centimeter", "centimeters"},
	"mm": {"millimeter", "millimeters"}, "mi": {"mile", "miles"}, "ft": {"foot", "feet"}, "in": {"inch", "inches"},
	"km³": {"cubic kilometer", "cubic kilometers"}, "m³": {"cubic meter", "cubic meters"}, "m2": {"square meter", "square meters"},
	"m²": {"square meter", "square meters"}, "km²": {"square kilometer", "square kilometers"}, "km2": {"square kilometer", "square kilometers"},
	"°c": {"degree Celsius", "degrees Celsius"}, "°f": {"degree Fahrenheit", "degrees Fahrenheit"},
	"mbps": {"megabit per second", "megabits per second"}, "gbps": {"gigabit per second", "gigabits per second"},
	"kmh": {"kilometer per hour", "kilometers per hour"}, "km/h": {"kilometer per hour", "kilometers per hour"},
	"mph": {"mile per hour", "miles per hour"}, "l": {"liter", "liters"}, "ml": {"milliliter", "milliliters"},
	"kw": {"kilowatt", "kilowatts"}, "mw": {"megawatt", "megawatts"}, "gw": {"gigawatt", "gigawatts"}, "kwh": {"kilowatt hour", "kilowatt hours"},
	"ha": {"hectare", "hectares"}, "%": {"percent", "percent"}, "cc": {"CC", "CC"},
}

func unitName(u, amount string) string {
	n, ok := units[strings.ToLower(u)]
	if !ok {
		return u
	}
	if amount == "1" || amount == "-1" {
		return n[0]
	}
	return n[1]
}

const unitRe = `km³|km²|km2|m³|m²|m2|km/h|kmh|kwh|kg|mg|lbs|lb|km|cm|mm|mi|ft|°[CcFf]|mbps|gbps|mph|ml|kw|mw|gw|ha|cc|g|m|l|%`

var romanValues = map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}

func roman(s string) int {
	total := 0
	for i := 0; i < len(s); i++ {
		v := romanValues[s[i]]
		if i+1 < len(s) && romanValues[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// pairs reads a house number the way addresses are said: 1428 "fourteen
// twenty eight", 123 "one twenty three", 12 "twelve".
func pairs(s string) string {
	switch len(s) {
	case 3:
		return ones[s[0]-'0'] + " " + tensWordsOh(atoi(s[1:]))
	case 4:
		return year(atoi(s))
	}
	return num(s)
}

var states = map[string]string{"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "CA": "California", "CO": "Colorado", "FL": "Florida",
	"GA": "Georgia", "IL": "Illinois", "MA": "Massachusetts", "MI": "Michigan", "NJ": "New Jersey", "NY": "New York", "OH": "Ohio",
	"PA": "Pennsylvania", "TX": "Texas", "VA": "Virginia", "WA": "Washington"}

var streetTypes = map[string]string{"St": "Street", "Ave": "Avenue", "Expy": "Expressway", "Rd": "Road", "Blvd": "Boulevard",
	"Ln": "Lane", "Dr": "Drive", "st": "Street", "Hwy": "Highway", "Pl": "Place", "Sq": "Square"}

var directions = map[string]string{"N": "North", "S": "South", "E": "East", "W": "West"}

// spell says an electronic address piece by piece.
func spell(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteString(" " + ones[r-'0'] + " ")
		case r == '.':
			b.WriteString(" dot ")
		case r == '@':
			b.WriteString(" at ")
		case r == '/':
			b.WriteString(" slash ")
		case r == ':':
			b.WriteString(" colon ")
		case r == '-':
			b.WriteString(" dash ")
		case r == '_':
			b.WriteString(" underscore ")
		case r == '&':
			b.WriteString(" ampersand ")
		case r == '?':
			b.WriteString(" question mark ")
		case r == '=':
			b.WriteString(" equals ")
		default:
			b.WriteRune(r)
		}
	}
	return " " + strings.Join(strings.Fields(b.String()), " ") + " "
}

// englishRules are compiled on first use, not when the program starts:
// most commands (mp3 join, feed check) never normalize.
var englishRules = sync.OnceValue(func() []rule {
	ordinalToken := regexp.MustCompile(`^(\d+)(st|nd|rd|th)$`)
	return []rule{
		// Electronic: URLs (with a scheme or www.), e-mail addresses, bare domains.
		rule{Electronic, regexp.MustCompile(`\b(?:https?|ftp|file)://[^\s<>"]+|\bwww\.[^\s<>"]+[^\s<>".,;:!?)]|[\w.+&-]+@[\w-]+(?:\.[\w-]+)+(?:/[\w./-]*)?|\b[a-z][\w-]*\.(?:com|org|net|edu|gov|uk|io|fr|it|de)(?:\.[a-z]{2})?(?:/[\w./-]*)?\b`),
			func(m []string) string { return spell(m[0]) }},
		// Telephone numbers and IP addresses.
		rule{Telephone, regexp.MustCompile(`(?:\+(\d{1,3})[\s-]?)?\(?\b(\d{3})\)?[\s.-](\d{3})[\s.-](\d{4})(?:-(\d+))?\b|\b(\d{3})-(\d{2})-(\d{4})\b|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b`),
			func(m []string) string {
				if m[2] == "" && m[6] == "" {
					return spell(m[0])
				}
				var parts []string
				if m[1] != "" {
					parts = append(parts, "plus "+digits(m[1]))
				}
				for _, g := range append(m[2:6], m[6:9]...) {
					if g != "" {
						parts = append(parts, digits(g))
					}
				}
				return " " + strings.Join(parts, ", ") + " "
			}},
		// Addresses: a house number, a direction, names and a street type.
		rule{Address, regexp.MustCompile(`\b(\d{2,4}) ((?:[NSEW] )?(?:[A-Z][a-z]+ ?){1,3}|(?:[NSEW] )?\d+(?:st|nd|rd|th) )(St|Ave|Expy|Rd|Blvd|Ln|Hwy|Pl|Sq|st)\b(\.?)(?:( [A-Z])?)`),
			func(m []string) string {
				words := strings.Fields(m[2])
				for i, w := range words {
					if d, ok := directions[w]; ok && i == 0 {
						words[i] = d
					} else if o := ordinalToken.FindStringSubmatch(w); o != nil {
						words[i] = ordinalNum(o[1])
					}
				}
				end := ""
				if m[4] == "." && m[5] != "" {
					end = "."
				}
				return pairs(m[1]) + " " + strings.Join(words, " ") + " " + streetTypes[m[3]] + end + m[5]
			}},
		rule{Address, regexp.MustCompile(`, ([A-Z]{2})(?: (\d{5}))?\b`),
			func(m []string) string {
				s, ok := states[m[1]]
				if !ok {
					return m[0]
				}
				if m[2] != "" {
					s += " " + digits(m[2])
				}
				return ", " + s
			}},
		// Money, and ranges of it: $50.00-$100.00, US$76.3 trillion, £10/wk.
		rule{Money, regexp.MustCompile(`(US\$|[$£€¥₩₹₴])\s?(\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s?(thousand|million|billion|trillion|bn|mn|tn|[kmbtKMBT])\b)?(?:\s?-\s?(US\$|[$£€¥₩₹₴])(\d[\d,]*(?:\.\d+)?))?(?:/(mo|month|wk|week|hr|hour|yr|year|day)\b)?`),
			func(m []string) string {
				s := money(m[1], m[2], m[3])
				if m[4] != "" {
					s += " to " + money(m[4], m[5], "")
				}
				if m[6] != "" {
					s += " per " + perUnits[m[6]]
				}
				return " " + s + " "
			}},
		rule{Money, regexp.MustCompile(`\b(\d[\d,]*(?:\.\d+)?) (million|billion|thousand)? ?(yuan|rupees|euros|dollars|pounds)\b`),
			func(m []string) string { return strings.TrimSpace(number(m[1])+" "+m[2]) + " " + m[3] }},
		// Times: 1:59 p.m., 14:10:30, 5pm, 1.59 p.m. est.
		rule{Time, regexp.MustCompile(`(?i)\b(\d{1,2})(?::(\d{2})(?::(\d{2}))?|\.(\d{2}))?\s?(?:(?:([ap])\.m\.?|([ap])m\b)(?:\s?((?:e\.?s\.?t|p\.?s\.?t|c\.?s\.?t|g\.?m\.?t|u\.?t\.?c)\b\.?))?|\b)`),
			func(m []string) string {
				h, min, sec, ampm := m[1], m[2]+m[4], m[3], strings.ToUpper(m[5]+m[6])
				if min == "" && ampm == "" || m[4] != "" && ampm == "" {
					return m[0] // a plain number, or a decimal
				}
				zone := strings.ToUpper(strings.NewReplacer(".", "").Replace(m[7]))
				var s string
				switch {
				case sec != "":
					unit := func(v, one, many string) string {
						if atoi(v) == 1 {
							return num(strings.TrimLeft(v, "0") + "0")[:0] + plainNum(v) + " " + one
						}
						return plainNum(v) + " " + many
					}
					s = unit(h, "hour", "hours") + " " + unit(min, "minute", "minutes") + " and " + unit(sec, "second", "seconds")
				case min == "" || min == "00":
					s = plainNum(h)
					if ampm == "" {
						s += " o'clock"
					}
				default:
					s = plainNum(h) + " " + tensWordsOh(atoi(min))
				}
				if ampm != "" {
					s += " " + ampm + "M"
				}
				if zone != "" {
					s += " " + zone
				}
				return " " + s + " "
			}},
		// A range of times: "five PM - seven PM" → "five PM to seven PM".
		rule{Time, regexp.MustCompile(`\b([AP]M)\s?-\s?`), func(m []string) string { return m[1] + " to " }},
		// Dates: numeric (2016/07/03, 01.10.2010, 15.01.2020, 01/07/98).
		rule{Date, regexp.MustCompile(`\b(\d{4})/(\d{1,2})/(\d{1,2})\b|\b(\d{1,2})([./])(\d{1,2})([./])(\d{4}|\d{2})\b`),
			func(m []string) string {
				if m[1] != "" {
					mo, d := atoi(m[2]), m[3]
					if mo < 1 || mo > 12 {
						return m[0]
					}
					return monthNames[mo] + " " + ordinalNum(d) + " " + yearWords(m[1])
				}
				a, b := atoi(m[4]), atoi(m[6])
				if m[5] != m[7] {
					return m[0]
				}
				if a > 12 && b <= 12 {
					return "the " + ordinalNum(m[4]) + " of " + monthNames[b] + " " + yearWords(m[8])
				}
				if a < 1 || a > 12 {
					return m[0]
				}
				return monthNames[a] + " " + ordinalNum(m[6]) + " " + yearWords(m[8])
			}},
		// Month and day, with a year: July 25 2012, SEPT. 15, Jan-15, january 1.
		rule{Date, regexp.MustCompile(`(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?[\s-](\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s(\d{4})\b)?`),
			func(m []string) string {
				s := month(m[1]) + " " + ordinalNum(m[2])
				if m[3] != "" {
					s += " " + yearWords(m[3])
				}
				return s
			}},
		// Day and month: 25 july 2012, 25th jul 2012, 15 january, 25 sept.
		rule{Date, regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?(?:\s(\d{4})\b)?`),
			func(m []string) string {
				s := "the " + ordinalNum(m[1]) + " of " + month(m[2])
				if m[3] != "" {
					s += " " + yearWords(m[3])
				}
				return s
			}},
		// Month and year: July 1876.
		rule{Date, regexp.MustCompile(`(?i)\b(january|february|march|april|june|july|august|september|october|november|december)\s(\d{4})\b`),
			func(m []string) string { return m[1] + " " + yearWords(m[2]) }},
		// Decades and their ranges: 1980s, '80s, 1960s-1980s, mid-1980s.
		rule{Date, regexp.MustCompile(`(?:\b(\d{3}0s)|'(\d0s))(?:-(\d{3}0s))?\b`),
			func(m []string) string {
				s := decade(m[1] + m[2])
				if m[3] != "" {
					s += " to " + decade(m[3])
				}
				return s
			}},
		rule{Date, regexp.MustCompile(`\bmid-`), func(m []string) string { return "mid " }},
		// Year ranges: 1980-1986.
		rule{Date, regexp.MustCompile(`\b(1\d{3}|20\d{2})\s?[-–]\s?(1\d{3}|20\d{2})\b`),
			func(m []string) string { return year(atoi(m[1])) + " to " + year(atoi(m[2])) }},
		// Measures and their ranges: 12kg, 2-5lb, 2x8 m2, 41,459.00 km³, 12/kg.
		rule{Measure, regexp.MustCompile(`(-?\d[\d,]*(?:\.\d+)?)(?:\s?([-x])\s?(\d[\d,]*(?:\.\d+)?))?\s?(?:-\s?)?(` + unitRe + `|millimeters?|centimeters?|kilometers?|meters?|kilograms?)([^\p{L}\d]|$)|(\d+)/(kg|km|lb|m|g)\b`),
			func(m []string) string {
				if m[6] != "" {
					return number(m[6]) + " per " + unitName(m[7], "1")
				}
				amount, unit := m[1], m[4]
				last := amount
				s := number(amount)
				if m[3] != "" {
					sep := " to "
					if m[2] == "x" {
						sep = " by "
					}
					s += sep + number(m[3])
					last = m[3]
				}
				if _, ok := units[strings.ToLower(unit)]; ok {
					unit = unitName(unit, last)
				}
				return " " + s + " " + unit + " " + m[5]
			}},
		// Fractions: 3 2/4, 1/4th, 31/32, 1/2007.
		rule{Fraction, regexp.MustCompile(`\b(?:(\d+) )?(\d+)/(\d+)(?:th|TH)?\b`),
			func(m []string) string {
				num, den := atoi(m[2]), atoi(m[3])
				if den == 0 {
					return m[0]
				}
				var d string
				switch den {
				case 2:
					d = "half"
					if num != 1 {
						d = "halves"
					}
				case 4:
					d = "quarter"
					if num != 1 {
						d = "quarters"
					}
				default:
					d = ordinalWord(plainNum(m[3]))
					if num != 1 {
						d += "s"
					}
				}
				s := plainNum(m[2]) + " " + d
				if m[1] != "" {
					s = plainNum(m[1]) + " and " + s
				}
				return s
			}},
		// Ordinals: 23rd, 1,000th; a wrong suffix is read as written.
		rule{Ordinal, regexp.MustCompile(`\b(\d[\d,]*)(st|nd|rd|th|ST|ND|RD|TH)\b`),
			func(m []string) string {
				n := strings.ReplaceAll(m[1], ",", "")
				want := "th"
				if v := atoi(n); v%100 < 11 || v%100 > 13 {
					switch v % 10 {
					case 1:
						want = "st"
					case 2:
						want = "nd"
					case 3:
						want = "rd"
					}
				}
				if strings.ToLower(m[2]) != want {
					if len(n) >= 3 {
						return digits(n) + " " + m[2]
					}
					return plainNum(n) + " " + m[2]
				}
				return ordinalNum(m[1])
			}},
		// Decimals with a scale: .1 trillion, 100 million, 0.1 B.
		rule{Decimal, regexp.MustCompile(`(-?\d[\d,]*\.\d+|-?\.\d+|\b\d[\d,]*)(\s(?:thousand|million|billion|trillion)\b)?`),
			func(m []string) string {
				if !strings.Contains(m[1], ".") {
					if m[2] == "" {
						return m[0]
					}
					return plainNum(m[1]) + m[2]
				}
				return " " + decimal(m[1]) + m[2] + " "
			}},
		// Roman numerals: after Part, Chapter…, a number; after a name, an ordinal.
		rule{Roman, regexp.MustCompile(`\b(Part|PART|Chapter|CHAPTER|Volume|VOLUME|Act|ACT|Book|BOOK|Phase|PHASE) ([IVXLCDM]+)\b|\b([A-Z][a-z]+) (II|III|IV|VI|VII|VIII|IX|XI|XII)\b`),
			func(m []string) string {
				if m[1] != "" {
					return m[1] + " " + plainNum(strconv.Itoa(roman(m[2])))
				}
				return m[3] + " " + ordinalWord(plainNum(strconv.Itoa(roman(m[4]))))
			}},
		// Abbreviations read wrong by most voices.
		rule{Abbreviation, regexp.MustCompile(`\bDr\. ([A-Z])|\b401\(k\)|\b(Mr|Mrs|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt)\. ([A-Z])`),
			func(m []string) string {
				switch {
				case m[1] != "":
					return "doctor " + m[1]
				case m[2] != "":
					return map[string]string{"Mr": "mister", "Mrs": "missus", "Prof": "professor", "Gen": "general", "Sen": "senator",
						"Rep": "representative", "Gov": "governor", "Lt": "lieutenant", "Col": "colonel", "Sgt": "sergeant", "Capt": "captain"}[m[2]] + " " + m[3]
				}
				return "four oh one k"
			}},
		// Cardinals and the numbers left: 9,000, -2, 004, (22), digits in codes.
		rule{Cardinal, regexp.MustCompile(`(^|[^\w.])(-?\d[\d,]*\d|-?\d)\b`),
			func(m []string) string {
				n := m[2]
				if v := atoi(n); len(n) == 4 && !strings.Contains(n, ",") && v >= 1000 && v < 2100 {
					return m[1] + year(v)
				}
				if len(n) == 4 && !strings.HasPrefix(n, "-") {
					return m[1] + digits(n)
				}
				return m[1] + num(n)
			}},
		rule{Cardinal, regexp.MustCompile(`([A-Za-z])(\d+)|(\d+)([A-Za-z])`),
			func(m []string) string {
				if m[1] != "" {
					if len(m[2]) >= 4 {
						return m[1] + " " + digits(m[2]) + " "
					}
					return m[1] + " " + plainNum(m[2]) + " "
				}
				return " " + plainNum(m[3]) + " " + m[4]
			}},
		// Symbols on their own.
		rule{Symbol, regexp.MustCompile(`(\d)\s?%|%|\$|@|\+\+|\*|\s\+|=|\s/\s`),
			func(m []string) string {
				switch {
				case m[1] != "":
					return m[1] + " percent"
				case m[0] == "%":
					return " percent "
				case m[0] == "$":
					return " dollar "
				case m[0] == "@":
					return " at "
				case m[0] == "++":
					return " plus plus"
				case m[0] == "*":
					return " asterisk "
				case m[0] == "=":
					return " equals "
				case strings.TrimSpace(m[0]) == "/":
					return " slash "
				}
				return " plus "
			}},
	}
})
