package textnorm

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// slavicWords are the words a Slavic language's rules say around numbers.
type slavicWords struct {
	code         string
	months       []string // genitive: января, січня
	monthAbbrevs map[string]int
	year         [2][6]string    // год/рік by number and case
	yearAbbr     map[string]bool // г., гг.; р., рр.
	yearNouns    map[string]int  // a form of год/рік → its case
	century      map[string]int  // век/століття forms → case
	centuryG     sGender         // век is masculine, століття neuter
	// centuryAbbr abbreviates the century's noun ("в.", "ст."), said in
	// the case needed from centuryForms (nominative, genitive, dative,
	// instrumental, prepositional, accusative).
	centuryAbbr    string
	centuryForms   [6]string
	preps          map[string]int  // a preposition → the case it governs
	nominativeCues map[string]bool // words after which a date is nominative
	hour           [3]string
	// timeCases are the hour's, the minute's and the second's nouns in
	// the dative and the instrumental, singular and plural, for times
	// after such a preposition ("к 18:00" к восемнадцати часам).
	timeCases     [3]obliqueForms
	minute        [3]string
	second        [3]string
	at, dot       string
	symbols       map[rune]string
	letters       map[rune]string   // Latin letters by name
	knownWords    map[string]string // words of addresses said as words
	units         map[string]unitForms
	currencies    map[string]currencyForms
	currencyNames map[string]string // written forms → the key of currencies
	abbrevs       map[string]string
	numberAbbrevs map[string]string // said so only before a number: "д. 5"
	// nounCases are the cases of the nouns numberAbbrevs say, in the
	// order of centuryForms, for the case a preposition before asks.
	nounCases map[string][6]string
	// versionPoint joins a version number's parts ("8.3" восемь точка три).
	versionPoint string
	// slash is how a slash inside a number is said where it parts two
	// numbers, not a fraction's ("указ № 123/2024", "дом 5/2"): дробь, дріб.
	slash string
	// compoundForms turn a number's genitive words into the forms that
	// begin a compound word ("100-летие" столетие, "5-річний" п'ятирічний):
	// the genitive but for these.
	compoundForms map[string]string
	// timesNoun are the forms of the noun that counts how many times ("в 2
	// раза больше", "у 3 рази"): after it the number is accusative.
	timesNoun map[string]bool
	// accForms are the words of a cardinal whose accusative differs
	// from the nominative: одна одну, тысяча тысячу.
	accForms map[string]string
	// placeAbbrevs are abbreviations of a place's kind said so only
	// before its name ("г. Москва" город): the noun in each case, in the
	// order of centuryForms, the case a preposition before asks.
	placeAbbrevs map[string][6]string
	number       string // №
	minus, plus  string
	// equals, times and dividedBy say "=", "×" and "÷"; section "§".
	equals, times, dividedBy, section string
	and                               string
	rangeWord                         string
	// rangeFrom and rangeTo say a span of days: "с", "по".
	rangeFrom, rangeTo string
	percent            string
	wholeWord          string
}

// obliqueForms are a noun's dative and instrumental, singular and
// plural.
type obliqueForms struct {
	dat, ins [2]string
}

// unitForms are a noun's forms after a number: one (1, 21), few (2–4),
// many (5–20, 25…), and the genitive singular (after a fraction:
// "3,2 литра"); gender is what the number agrees with.
type unitForms struct {
	forms [4]string
	g     sGender
}

// numbered reports a number after "№" or after a word that names what a
// number numbers (numberAbbrevs, written short or in full: "д. 5/2",
// "буд. 5/2", "дом 5/2"), where a slash parts two numbers.
func (w *slavicWords) numbered(c *context) bool {
	if raw := c.prevRaw(); raw == "№" || raw == "N" {
		return true
	}
	prev := c.prevWord()
	if _, ok := w.numberAbbrevs[prev]; ok {
		return true
	}
	for _, full := range w.numberAbbrevs {
		if prev == full {
			return true
		}
	}
	return false
}

// latinUnits are the international symbols a Russian or Ukrainian text
// also writes ("8 GB", "3 GHz"), with the native symbol each is said as.
var latinUnits = map[string][2]string{ // symbol → ru, uk
	"KB": {"КБ", "КБ"}, "MB": {"МБ", "МБ"}, "GB": {"ГБ", "ГБ"}, "TB": {"ТБ", "ТБ"}, "Hz": {"Гц", "Гц"}, "kHz": {"кГц", "кГц"},
	"MHz": {"МГц", "МГц"}, "GHz": {"ГГц", "ГГц"}, "Mbit/s": {"Мбит/с", "Мбіт/с"}, "Gbit/s": {"Гбит/с", "Гбіт/с"},
	"mAh": {"мА·ч", "мА·год"}, "kWh": {"кВт·ч", "кВт·год"}, "kW": {"кВт", "кВт"}, "MW": {"МВт", "МВт"}, "GW": {"ГВт", "ГВт"},
	"hPa": {"гПа", "гПа"}, "kPa": {"кПа", "кПа"}, "MPa": {"МПа", "МПа"}, "µg": {"мкг", "мкг"}, "dB": {"дБ", "дБ"},
	"kg": {"кг", "кг"}, "km": {"км", "км"}, "km/h": {"км/ч", "км/год"},
}

// withLatinUnits adds the Latin symbols to a language's units (i: 0
// Russian, 1 Ukrainian).
func withLatinUnits(units map[string]unitForms, i int) map[string]unitForms {
	for latin, native := range latinUnits {
		if u, ok := units[native[i]]; ok {
			units[latin] = u
		}
	}
	return units
}

type currencyForms struct {
	major, minor unitForms
}

// after is the noun's form after digits.
func (u unitForms) after(digits string) string { return u.forms[pluralClass(digits)] }

func (w *slavicWords) monthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	for i, m := range w.months {
		if i > 0 && s == m {
			return i
		}
	}
	if n, ok := w.monthAbbrevs[s]; ok {
		return n
	}
	// Other cases of the month's name share its first four letters
	// (март, марта; березень, березня).
	for i, m := range w.months {
		if i > 0 && len([]rune(s)) >= 4 && strings.HasPrefix(s, string([]rune(m)[:min(4, len([]rune(m)))])) {
			return i
		}
	}
	return 0
}

// buildSlavic makes a language's rules from its tables and words.
func buildSlavic(s *slavic, w *slavicWords) func() *language {
	return sync.OnceValue(func() *language {
		l := &language{code: w.code, decimal: ','}
		if w.code == "uk" {
			w.units = withLatinUnits(w.units, 1)
		} else {
			w.units = withLatinUnits(w.units, 0)
		}
		l.listEnds = set("так далее", "и так далее", "тому подобное", "и тому подобное", "і так далі", "так далі", "і таке інше", "таке інше")
		l.addVersion(w.versionPoint, func(d string) string { return s.cardinal(d, masc, nom) })
		add, addGlued := l.adders()
		sep := separators{decimal: ",", groups: []string{" ", "\u00a0", "\u202f"}}
		num := `(?:[1-9]\d{0,2}(?:[ \x{a0}\x{202f}]\d{3})+|\d+)(?:[,.]\d+)?`
		parse := func(t string) number {
			// A point is a decimal mark too in Russian and Ukrainian
			// texts that follow English usage ("3.5 млрд").
			return sep.parseNumber(strings.Replace(t, ".", ",", 1))
		}
		monthRe := `[\p{L}]{3,9}`

		add(Electronic, `[\w.+&-]+@[\w-]+(?:\.[\w-]+)+`, func(c *context, m match) (string, bool) { return w.spellAddress(s, m.text), true })
		add(Electronic, `(?i:https?)://[^\s<>"]*[^\s<>".,;:!?)\]'"]`, func(c *context, m match) (string, bool) { return w.spellAddress(s, m.text), true })
		add(Electronic, `(?i:www)\.[\w-]+(?:\.[\w-]+)+`, func(c *context, m match) (string, bool) { return w.spellAddress(s, m.text), true })
		add(Electronic, `[a-z][\w-]*\.(?:ru|ua|com|org|net|info)`, func(c *context, m match) (string, bool) { return w.spellAddress(s, m.text), true })

		add(Telephone, `(?:\+(?P<cc>\d{1,3})\s?|(?P<p>[78])[\s-]?)?\(?(?P<area>\d{2,5})\)?[\s-](?P<a>\d{2,3})[\s-](?P<b>\d{2})[\s-](?P<c>\d{2})`, func(c *context, m match) (string, bool) {
			var parts []string
			if cc := m.get("cc"); cc != "" {
				parts = append(parts, w.plus+" "+s.cardinal(cc, masc, nom))
			}
			for _, g := range []string{m.get("p"), m.get("area"), m.get("a"), m.get("b"), m.get("c")} {
				if g != "" {
					parts = append(parts, s.group(g))
				}
			}
			return strings.Join(parts, " "), true
		})

		add(Telephone, intlPhonePattern, func(c *context, m match) (string, bool) {
			return intlPhone(m, func(cc string) string { return w.plus + " " + s.cardinal(cc, masc, nom) }, s.dialGroup)
		})
		// A number whose first group is a lone 0 ("0 800 500 335", a
		// free line) is no amount written in thousands: a number to dial,
		// said group by group.
		add(Telephone, `0(?:[\s-]\d{2,3}){3,4}`, func(c *context, m match) (string, bool) {
			parts := []string{s.group("0")}
			for _, g := range strings.FieldsFunc(m.text[1:], func(r rune) bool { return r == ' ' || r == '-' }) {
				parts = append(parts, s.group(g))
			}
			return strings.Join(parts, " "), true
		})

		// Money: 5 руб., $5, 1,23 млрд руб., 100 грн.
		curPattern := `(?i:\$|€|£|₽|₴|руб\.?|р\.|грн\.?|долл\.?|дол\.?|usd|eur|rub|uah|gbp)`
		add(Money, `(?P<amt>`+num+`)\s?(?:(?P<scale>млн|млрд|трлн|тыс\.?|тис\.?)\s?)?(?P<cur>`+curPattern+`)`, func(c *context, m match) (string, bool) {
			return w.money(s, c, parse(m.get("amt")), m.get("scale"), m.get("cur"))
		})
		add(Money, `(?P<cur>[$€£₽₴])\s?(?P<amt>`+num+`)(?:\s(?P<scale>млн|млрд|трлн|тыс\.?|тис\.?))?`, func(c *context, m match) (string, bool) {
			return w.money(s, c, parse(m.get("amt")), m.get("scale"), m.get("cur"))
		})
		// A price with its kopecks before the currency's name: "3,50
		// рубля" is said as "3,50 руб." is, in roubles and kopecks.
		add(Money, `(?P<amt>\d{1,3}(?:[\s\x{a0}.]\d{3})*,\d{2})\s(?P<word>(?i:рубл|доллар|долар|гривн|гривень|фунт|евро|євро)\p{L}*)`+wordEnd, func(c *context, m match) (string, bool) {
			return w.money(s, c, parse(m.get("amt")), "", currencyByName(m.get("word")))
		})

		// A score, "2:1": "два один", as commentators say it.
		add(Range, scorePattern, sayScore(func(d string) string { return s.cardinal(d, masc, nom) }, ""))
		add(Time, `(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?`, func(c *context, m match) (string, bool) {
			h, mi, sec := m.get("h"), m.get("m"), m.get("s")
			if atoi(h) > 24 || atoi(mi) > 59 || atoi(sec) > 59 {
				return "", false
			}
			prepWord := w.timePrep(c)
			if p, isPrep := w.preps[prepWord]; w.code == "uk" && isPrep && sec == "" {
				// "о 12:30": о дванадцятій тридцять, "до 15:00" до
				// п'ятнадцятої: after a preposition Ukrainian reads the
				// hour as an ordinal (of година) in its case.
				out := s.ordinal(h, fem, p)
				if !isZero(mi) {
					out += " " + s.group(mi)
				}
				return out, true
			}
			cs := nom
			if p, ok := w.preps[prepWord]; ok {
				cs = p
			}
			hourG := masc
			if w.code == "uk" {
				hourG = fem // година
			}
			if timePrepositions[prepWord] {
				// "к 18:00", "между 9:00": the numbers and their nouns in
				// the preposition's case.
				out := w.timeOblique(s, h, hourG, 0, cs)
				if !isZero(mi) || sec != "" {
					out += " " + w.timeOblique(s, trimZeros(mi), fem, 1, cs)
				}
				if sec != "" {
					out += " " + w.timeOblique(s, trimZeros(sec), fem, 2, cs)
				}
				return out, true
			}
			if cs != gen {
				cs = nom
			}
			out := w.counted(s, h, unitForms{w.hourForms(), hourG}, cs)
			if !isZero(mi) || sec != "" {
				out += " " + w.counted(s, trimZeros(mi), unitForms{w.minuteForms(), fem}, cs)
			}
			if sec != "" {
				out += " " + w.counted(s, trimZeros(sec), unitForms{w.secondForms(), fem}, cs)
			}
			return out, true
		})

		// Days of one month: "с 1 по 5 мая", "1–5 мая" (said "с первого
		// по пятое мая"), "до 5 мая".
		// A date's year noun, written out or abbreviated: года, г.; року, р.
		var yearWords []string
		for n := range w.yearNouns {
			yearWords = append(yearWords, n)
		}
		for a := range w.yearAbbr {
			yearWords = append(yearWords, a+`\.`)
		}
		// Longest first, so that "году" is not read as "год" and a "у".
		sort.Slice(yearWords, func(i, j int) bool { return len(yearWords[i]) > len(yearWords[j]) })
		yearNoun := `(?P<ynoun>` + strings.Join(yearWords, "|") + `)`
		yearPart := `(?:\s(?P<y>\d{4})(?:\s?` + yearNoun + `)?)?`
		add(Date, `(?P<d1>\d{1,2})(?:\s?[–—-]\s?|\s(?P<to>по|до)\s)(?P<d2>\d{1,2})\s(?P<mon>`+monthRe+`)(?P<dot>\.?)`+yearPart, func(c *context, m match) (string, bool) {
			return w.dayRange(s, c, m)
		})
		// Dates: 6 марта 2006 года, 06.03.2006, 2/3/1906, 03-фев-2002.
		add(Date, `(?P<d>\d{1,2})\s(?P<mon>`+monthRe+`)(?P<dot>\.?)`+yearPart, func(c *context, m match) (string, bool) {
			mon := w.monthNumber(m.get("mon"))
			if mon == 0 {
				return "", false
			}
			out, ok := w.date(s, c, m.get("d"), mon, m.get("y"), m.get("ynoun"))
			return out + fullStop(m, w.months[mon]), ok
		})
		add(Date, `(?P<d>\d{1,2})(?P<s1>[./-])(?P<m>\d{1,2}|[\p{L}]{3,4})(?P<s2>[./-])(?P<y>\d{4})(?:\s?`+yearNoun+`)?`, func(c *context, m match) (string, bool) {
			if m.get("s1") != m.get("s2") {
				return "", false
			}
			mon := int(atoi(m.get("m")))
			if mon == 0 {
				mon = w.monthNumber(m.get("m"))
			}
			if mon < 1 || mon > 12 {
				return "", false
			}
			return w.date(s, c, m.get("d"), mon, m.get("y"), m.get("ynoun"))
		})

		// Two years before the year noun's plural: "в 2021 и 2022 годах",
		// "1990–2000 років"; each an ordinal in the noun's case.
		add(Date, `(?P<y1>\d{4})(?P<join>\s?[–—-]\s?|\s(?:и|или|і|й|та|чи|або|по|до)\s)(?P<y2>\d{4})\s(?P<noun>(?:гг|рр)\.|[\p{L}]+)`, func(c *context, m match) (string, bool) {
			return w.yearPair(s, c, m.get("y1"), m.get("join"), m.get("y2"), m.get("noun"))
		})
		// Years with their noun: в 2024 году, 2024 г., с 2020 года.
		add(Date, `(?P<y>\d{1,4})\s?(?P<noun>[\p{L}]+\.?)`, func(c *context, m match) (string, bool) {
			return w.yearWithNoun(s, c, m.get("y"), m.get("noun"))
		})
		// Decades and ordinals with a case ending: 1950-е, 20-го, 5-й.
		add(Ordinal, `(?P<n>\d+)-(?P<suf>[\p{L}]{1,3})`, func(c *context, m match) (string, bool) {
			return w.suffixedOrdinal(s, c, m.get("n"), m.get("suf"))
		})

		// Compounds led by a number: "100-летие" столетие, "5-летний"
		// пятилетний, "3-комнатная" трехкомнатная, "5-річний" п'ятирічний:
		// the number's combining form (its genitive, mostly) and the word,
		// as one word.
		add(Cardinal, `(?P<n>\d{1,3}|1000)-(?P<w>\p{Ll}{4,})`, func(c *context, m match) (string, bool) {
			n := m.get("n")
			if len(n) > 1 && n[0] == '0' {
				return "", false
			}
			var b strings.Builder
			for _, part := range strings.Fields(s.cardinal(n, masc, gen)) {
				if f, ok := w.compoundForms[part]; ok {
					part = f
				}
				b.WriteString(part)
			}
			word := m.get("w")
			head := b.String()
			if w.code == "ru" && head == "двух" && strings.HasPrefix(word, "крат") {
				head = "дву" // двукратный
			}
			return head + word, true
		})

		// Centuries and monarchs: XX век, в XXI веке, Петр I.
		// A century with its noun abbreviated: "в XXI в.", "начало XX в.",
		// "у XXI ст.": the ordinal and the noun in the case around them.
		add(Roman, `(?P<r>[IVXLCDM]{1,7})\s(?P<ab>в|ст)\.`, func(c *context, m match) (string, bool) {
			return w.abbreviatedCentury(s, c, m.get("r"), m.get("ab"))
		})
		add(Roman, `(?P<r>[IVXLCDM]{1,7})`, func(c *context, m match) (string, bool) {
			return w.roman(s, c, m.get("r"))
		})

		// Measures: 12 кг, 3,2 л, 3 км/ч, 4 кг/кг.
		// An abbreviated unit keeps its dot ("14 ч. дня"); the scanner
		// gives it back when a sentence starts after it.
		addGlued(Measure, `(?:(?P<sign>[-−])|(?P<plus>\+))?(?P<num>`+num+`)\s?(?P<unit>%|°C|°|[\p{L}]+[²³]?(?:·[\p{L}]+)?(?:/[\p{L}]+[²³]?)?)(?:\.|`+wordEnd+`)`, func(c *context, m match) (string, bool) {
			said, ok := w.measure(s, c, parse(m.get("num")), m.get("sign") != "", m.get("unit"))
			if ok && m.get("plus") != "" {
				said = w.plus + " " + said // "+5 °C": плюс пять градусов
			}
			if u := m.get("unit"); strings.HasSuffix(m.text, ".") && strings.TrimSpace(c.text[c.end:]) == "" && !w.abbreviatedUnit(u) {
				said += "." // the text's last full stop, not an abbreviation's ("км.")
			}
			return said, ok
		})
		// Units abbreviated in two dotted parts: percentage points ("на
		// 0,3 п.п.", "2 в.п."), square and cubic metres and kilometres
		// ("100 кв. м", "5 кв. км", "3 куб. м"); each said as the unit
		// it stands for (dottedUnits).
		add(Measure, `(?P<sign>[-−])?(?P<num>`+num+`)\s?(?P<u>[пв]\.\s?п\.|(?:кв|куб)\.\s?(?:км|м))`+wordEnd, func(c *context, m match) (string, bool) {
			unit, ok := dottedUnits[strings.Join(strings.Fields(m.get("u")), "")]
			if _, known := w.units[unit]; !ok || !known {
				return "", false
			}
			return w.measure(s, c, parse(m.get("num")), m.get("sign") != "", unit)
		})
		// "2 тыс. рублей", "5 млн. человек": the dot is the abbreviation's
		// (wordEnd gives back the character after a unit, so these take
		// theirs here).
		add(Measure, `(?P<sign>[-−])?(?P<num>`+num+`)\s?(?P<unit>тыс|тис|млн|млрд|трлн)\.`, func(c *context, m match) (string, bool) {
			return w.measure(s, c, parse(m.get("num")), m.get("sign") != "", m.get("unit"))
		})
		add(Measure, `(?P<u>м²|км²|м³)`, func(c *context, m match) (string, bool) {
			u := w.units[m.get("u")]
			return u.forms[0], true
		})

		// "сезон 2023/24": a season, not a fraction.
		add(Date, seasonPattern, func(c *context, m match) (string, bool) {
			return s.cardinal(m.get("y"), masc, nom) + " " + w.rangeWord + " " + s.cardinal(seasonEnd(m), masc, nom), isSeason(m)
		})
		fraction := func(c *context, m match) (string, bool) {
			num, den := m.get("num"), m.get("den")
			if v, ok := enVulgar[m.get("vf")]; ok {
				num, den = v[0], v[1]
			}
			if atoi(den) == 0 || len(den) > 9 {
				return "", false
			}
			if m.get("vf") == "" && m.get("int") == "" && (partsOverYear(num, den) || w.numbered(c)) {
				// "указ № 123/2024", "дом 5/2": a number's parts, not a
				// fraction.
				return s.cardinal(num, masc, nom) + " " + w.slash + " " + s.cardinal(den, masc, nom), true
			}
			d := s.ordinal(den, fem, nom)
			if pluralClass(num) != 0 {
				d = s.ordinal(den, plur, gen)
			}
			out := s.cardinal(num, fem, nom) + " " + d
			if whole := m.get("int"); whole != "" {
				// "2 3/4", "2¾": две целых три четвертых, as a decimal's
				// whole part is said.
				out = s.cardinal(whole, fem, nom) + " " + s.whole[pluralClass(whole)] + " " + out
			}
			if m.get("sign") != "" {
				out = w.minus + " " + out
			}
			return out, true
		}
		add(Fraction, `(?P<sign>-)?(?:(?P<int>\d+)\s)?(?P<num>\d+)/(?P<den>\d+)`, fraction)
		addGlued(Fraction, `(?P<sign>-)?(?:(?P<int>\d+)\s?)?(?P<vf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])`, fraction)

		add(Cardinal, `(?P<sign>[-−+])?(?P<num>`+num+`)`, func(c *context, m match) (string, bool) {
			sign := m.get("sign")
			if sign != "" {
				prev := []rune(c.text[:c.start])
				if len(prev) > 0 && isWordRune(prev[len(prev)-1]) {
					return "", false
				}
			}
			n := parse(m.get("num"))
			if len(n.frac) > len(s.fractionName) {
				return "", false
			}
			if sign == "-" || sign == "−" {
				n.neg = true
			}
			if !n.point && !n.grouped && sign == "" && len(n.whole) >= 3 && phoneCues[c.prevWord()] {
				return s.dialGroup(n.whole), true // "тел. 1545": пятнадцать сорок пять
			}
			cs := w.caseOf(c)
			next := strings.ToLower(c.nextWord())
			if w.timesNoun[next] {
				cs = acc // "в 2 раза", "у 3 рази": the accusative
			}
			if c.prevWord() == "по" && !n.point && pluralClass(n.whole) != 0 {
				// Distributive по takes the accusative but with one ("по
				// 2 человека" по два человека, "по 100 рублей"; "по 1
				// книге" по одной).
				cs = acc
			}
			if v := atoi(n.whole); (c.prevWord() == "в" || c.prevWord() == "во" || w.code == "uk" && c.prevWord() == "у") && !n.point && !n.grouped &&
				sign == "" && len(n.whole) == 4 && v >= 1000 && v <= 2100 && !startsWithLetter(c.text[c.end:]) {
				// "в 2024,", "у 2024.": a year with its noun left out
				// before a stop or a comma, the ordinal in the
				// prepositional (в две тысячи двадцать четвертом); before
				// a word it may count ("в 2024 странах").
				return s.ordinal(n.whole, masc, prep), true
			}
			if p := c.prevWord(); (p == "в" || p == "во") && cs == prep && !strings.HasSuffix(next, "ах") && !strings.HasSuffix(next, "ях") {
				// "в 2 часа", "в 5 утра": в with a count's noun in the
				// genitive is the accusative's в; the prepositional
				// counts a plural in -ах ("в 2 домах").
				cs = acc
			}
			accusative := cs == acc
			if accusative {
				cs = nom
			}
			placeCs := cs
			if placePreps[c.prevWord()] {
				placeCs = prep // "на 2 месте": на places
			} else if accusative {
				placeCs = acc
			}
			if g, ocs, ok := ordinalBeforeNoun(n, c, placeCs, w.code == "uk"); ok && sign == "" {
				return s.ordinal(n.whole, g, ocs), true // "2 место" второе место, "на 2 месте" на втором месте
			}
			var out string
			if !n.point {
				out = s.cardinal(n.whole, w.genderOfNext(c, n.whole), cs)
				if accusative {
					out = w.accusative(out)
				}
				if n.neg {
					out = w.minus + " " + out
				}
			} else {
				out = s.decimal(n, cs)
				if accusative {
					out = w.accusative(out)
				}
			}
			if sign == "+" {
				out = w.plus + " " + out
			}
			return out, true
		})

		add(Serial, `[\p{L}]+\p{N}+[\p{L}\p{N}]*|\p{N}+[\p{L}]+[\p{L}\p{N}]*|(?:[\p{L}\p{N}]+-)+[\p{L}\p{N}]+`, func(c *context, m match) (string, bool) {
			if strings.IndexFunc(m.text, unicode.IsLetter) < 0 || strings.IndexFunc(m.text, unicode.IsDigit) < 0 {
				return "", false
			}
			// "Бюджет-2025", "Евро-2024": a word and its year, said as a
			// number, not digit by digit.
			wordYear := wordAndYear.MatchString(m.text)
			out := sayRuns(m.text, func(d string) string {
				if len(d) > 3 && !wordYear {
					return s.digits(d)
				}
				return s.cardinal(d, masc, nom)
			})
			return strings.ReplaceAll(out, "-", " "), true
		})

		abbreviation := func(c *context, m match) (string, bool) {
			lw := strings.ToLower(m.get("w"))
			if a, ok := sayBeforeNumber(c, w.numberAbbrevs, lw); ok {
				if forms, declined := w.nounCases[a]; declined {
					if cs, ok := w.placeCase(c); ok {
						return forms[cs], true // "в д. 5" в доме, "зі ст. 12" зі статтею
					}
				}
				return a, true // "д. 5": дом
			}
			if forms, ok := w.placeAbbrevs[lw]; ok && lw == m.get("w") {
				// In lower case only: "С. Иванов" is an initial.
				if next := c.nextWord(); next != "" && unicode.IsUpper([]rune(next)[0]) {
					cs := nom
					if p, isPrep := w.placeCase(c); isPrep {
						cs = p
					}
					return forms[cs], true // "в г. Москве": в городе; "на ул. Ленина": на улице
				}
			}
			a, ok := w.abbrevs[lw]
			return a, ok
		}
		l.addAbbreviations(abbreviation)
		add(Symbol, `№`, func(c *context, m match) (string, bool) { return w.number, true })
		add(Symbol, `(?P<sym>[%&@+=×÷§])`, func(c *context, m match) (string, bool) {
			said, ok := map[string]string{"§": w.section, "%": w.percent, "&": w.and, "+": w.plus, "=": w.equals, "×": w.times,
				"÷": w.dividedBy}[m.get("sym")]
			return said, ok
		})
		l.ranges = func(p rangePair) (string, bool) {
			if p.by || p.spaced && p.a.class != Time {
				return "", false
			}
			// 2020–2024 гг.: both ends are years, said as ordinals before
			// the plural noun.
			if isDigits(p.aw) && p.b.class == Date && len(p.bw) > 4 && isDigits(p.bw[:4]) {
				noun := strings.ToLower(strings.TrimSuffix(strings.TrimSpace(p.bw[4:]), "."))
				if noun == "гг" || noun == "рр" {
					return s.ordinal(p.aw, masc, nom) + " " + w.rangeWord + " " + s.ordinal(p.bw[:4], masc, nom) + " " + w.year[1][nom], true
				}
			}
			if p.a.class != p.b.class && !(p.a.class == Cardinal && (p.b.class == Measure || p.b.class == Money)) {
				return "", false
			}
			return p.a.spoken + " " + w.rangeWord + " " + p.b.spoken, true
		}
		l.mayStart = func(word, next string) bool {
			if w.monthNumber(word) > 0 && startsWithDigit(next) {
				return true
			}
			return strings.Trim(word, "IVXLCDM") == "" || w.units[word].forms[0] != ""
		}
		return l
	})
}

// dialGroup says a written group of a number to dial as it is said, in
// groups of two or three: "7946" as 79 46, "1234567" as 123 45 67.
func (s *slavic) dialGroup(g string) string {
	var parts []string
	for len(g) > 3 {
		n := 2
		if len(g)%2 == 1 {
			n = 3
		}
		parts = append(parts, s.group(g[:n]))
		g = g[n:]
	}
	return strings.Join(append(parts, s.group(g)), " ")
}

// group says a group of a telephone number: "01" "ноль один", "983"
// "девятьсот восемьдесят три".
func (s *slavic) group(g string) string {
	var parts []string
	for len(g) > 1 && g[0] == '0' {
		parts = append(parts, s.zero)
		g = g[1:]
	}
	return strings.Join(append(parts, s.cardinal(g, masc, nom)), " ")
}

// genderOfNext guesses the gender of the noun a number counts, from the
// noun's ending after the number (Russian: "две минуты", "одна тонна",
// "одно окно") or, in Ukrainian, where nouns of every gender take -и
// after two, from a list of common feminine stems ("дві години").
func (w *slavicWords) genderOfNext(c *context, digits string) sGender {
	last := atoi(digits) % 10
	if atoi(digits)%100 >= 11 && atoi(digits)%100 <= 19 || (last != 1 && last != 2) {
		return masc // only one and two have genders
	}
	next := strings.ToLower(c.nextWord())
	if next == "" {
		return masc
	}
	if w.code == "uk" {
		for _, stem := range ukFeminineStems {
			if strings.HasPrefix(next, stem) {
				return fem
			}
		}
		if last == 1 && (strings.HasSuffix(next, "о") || strings.HasSuffix(next, "е")) {
			return neut
		}
		return masc
	}
	switch {
	case last == 1 && (strings.HasSuffix(next, "а") || strings.HasSuffix(next, "я")):
		return fem
	case last == 1 && (strings.HasSuffix(next, "о") || strings.HasSuffix(next, "е")):
		return neut
	case last == 2 && (strings.HasSuffix(next, "ы") || strings.HasSuffix(next, "и")):
		return fem
	}
	return masc
}

// ukFeminineStems are the stems of feminine nouns news counts most.
var ukFeminineStems = []string{"годин", "хвилин", "секунд", "тисяч", "гривн", "гривен", "копій", "особ", "людин", "тонн", "доб",
	"недл", "частин", "країн", "област", "школ", "сторін", "ракет", "квартир", "вулиц", "книж", "книг", "стат", "машин", "родин",
	"сесі", "позиці", "справ", "мін", "бригад", "дивізі", "компані", "мов", "ніч", "ноч"}

// caseOf is the case the preposition before the match governs, or the
// nominative.
// accusative turns a cardinal said in the nominative into the
// accusative a preposition asks ("на 1000 рублей" на одну тысячу, "понад
// 21 людину" понад двадцять одну): for what is not alive the two differ
// only in the feminine one and the thousand's noun.
func (w *slavicWords) accusative(nominative string) string {
	words := strings.Fields(nominative)
	for i, f := range words {
		if a, ok := w.accForms[f]; ok {
			words[i] = a
		}
	}
	return strings.Join(words, " ")
}

// placeCase is the case of a noun of place or of a document (дом,
// страница, статья) after the preposition before it: в and на place
// it (prepositional), с and з after "в соответствии", "согласно",
// "згідно", "разом" go with it (instrumental) and otherwise mean from
// (genitive), "согласно" alone asks the dative.
func (w *slavicWords) placeCase(c *context) (int, bool) {
	prev := c.prevWord()
	switch {
	case prev == "у" && w.code == "ru":
		return gen, true // Russian "у д. 5" у дома: by it, not in it (Ukrainian "у" is "в")
	case placePreps[prev]:
		return prep, true
	case prev == "с" || prev == "со" || prev == "з" || prev == "із" || prev == "зі":
		if withCues[c.prevWordN(2)] {
			return ins, true
		}
		return gen, true
	case prev == "согласно":
		return dat, true
	}
	cs, ok := w.preps[prev]
	return cs, ok
}

// phoneCues are the words after which a number is one to dial.
var phoneCues = set("тел", "телефон", "телефону", "телефоном", "телефона", "телефонів", "факс")

// placePreps are the prepositions that place what a number numbers ("на
// 2 месте", "во II квартале", "в д. 5"): the prepositional after them.
var placePreps = set("в", "во", "у", "на")

// withCues are the words before с/з that make it "with", not "from".
var withCues = set("соответствии", "согласно", "вместе", "наряду", "згідно", "відповідно", "разом", "поряд")

// startsWithLetter reports whether s, past its spaces, starts with a
// letter.
func startsWithLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, " "))
	return unicode.IsLetter(r)
}

// ordinalBeforeNoun reports a number said as an ordinal because the noun
// after it is in a form no count of it takes: after 2, 3 or 4 (not 12
// to 14) a count's noun ends in -а, -я, -ы, -и, after 5 and up never in
// -о or -е, and after a preposition a count's noun is plural, so "2
// место", "3 класс", "12 место", "на 2 месте" place, not count (второе
// место, третий класс, на втором месте). The gender is the noun's, by
// its ending; nouns whose counted plural is their singular ("3
// человек", "5 грамм") are left to count.
func ordinalBeforeNoun(n number, c *context, cs int, uk bool) (sGender, int, bool) {
	if n.point || n.grouped || len(n.whole) > 3 {
		return masc, cs, false
	}
	next := strings.ToLower(c.nextWord())
	if !isLetters(next) || utf8.RuneCountInString(next) < 3 || countedAsSingular[next] || indeclinable[next] ||
		strings.ContainsAny(c.text[c.end:min(len(c.text), c.end+2)], ".-") {
		return masc, cs, false
	}
	last, _ := utf8.DecodeLastRuneInString(next)
	neuter := last == 'о' || last == 'е' || last == 'є'
	v := atoi(n.whole)
	d, teen := v%10, v%100 >= 11 && v%100 <= 14
	switch {
	case d == 1 && !teen:
		return masc, cs, false // "1 место", "21 место": one place, counted
	case cs == prep:
		if last == 'о' || uk && last == 'е' {
			// A neuter's accusative after на, в: "на 2 место", "на 2
			// місце" (на второе место; Ukrainian's locative is "місці").
			return neut, acc, true
		}
		if last == 'е' {
			// A singular after a place's preposition: "-е" is no count's
			// ending there ("на 2 месте"); "-и" and "-і" can be ("на 2
			// части", "у 2 рази").
			g, _ := romanAgreement(next, prep)
			return g, cs, true
		}
		return masc, cs, false
	case cs != nom && cs != acc:
		return masc, cs, false // an inanimate noun's accusative is its nominative: "за 2 квартал"
	case neuter:
		return neut, cs, true // "5 место", "12 место"
	case !teen && d >= 2 && d <= 4 && !strings.ContainsRune("аяыиійьуюеёоєї", last) && !adjectiveOfCount(next):
		return masc, cs, true // "3 класс", "2 этаж"
	}
	return masc, cs, false
}

// adjectiveOfCount reports a word ending as a plural adjective does
// after 2, 3 or 4 in Russian and Ukrainian ("2 последних года", "3
// крупных банка", "2 останніх роки"): the count's adjective, not a
// noun naming a place. (Nouns in -ом, -ов, -ам are nominatives there:
// "3 том", "2 альбом" третий том, второй альбом.)
func adjectiveOfCount(w string) bool {
	return strings.HasSuffix(w, "ых") || strings.HasSuffix(w, "их") || strings.HasSuffix(w, "іх")
}

// indeclinable are nouns, loanwords mostly, whose one form serves every
// case and number ("2 евро", "5 фото", "3 кафе"): their ending tells no
// place from a count.
var indeclinable = set("фото", "видео", "кино", "радио", "метро", "пальто", "кило", "авто", "казино", "бюро", "депо", "евро", "трио",
	"ранчо", "эскимо", "лото", "табло", "манго", "какао", "сальдо", "кредо", "нетто", "брутто", "портфолио", "кафе", "кофе",
	"шоссе", "резюме", "купе", "ателье", "досье", "турне", "пюре", "реле", "биеннале", "интервью", "меню", "шоу", "такси", "жюри",
	"хобби", "пони", "граффити", "спагетти", "суши", "кенгуру",
	"відео", "кіно", "радіо", "євро", "таксі", "журі", "інтерв'ю", "суші")

// countedAsSingular are nouns whose form after a count is the singular's
// ("5 человек", "3 грамм" in speech).
var countedAsSingular = set("человек", "солдат", "партизан", "раз", "грамм", "килограмм", "ватт", "вольт", "ампер", "герц", "байт", "бит",
	"людей", "чоловік", "грам", "кілограм",
	// and words after a number that are no place: "в 2 ночи", "в 2 тысячи".
	"ночи", "ночі", "тысячи", "тисячі", "миллиона", "мільйона")

// timePrep is the preposition a time follows: the word before it, or,
// for the second of two times joined by a conjunction, the word before
// the first ("между 9:00 и 10:00", "між 9:00 та 10:00").
func (w *slavicWords) timePrep(c *context) string {
	prev := c.prevWord()
	if timeJoiners[prev] && strings.Contains(c.prevWordN(2), ":") {
		return c.prevWordN(3)
	}
	return prev
}

// timeJoiners join two times after one preposition.
var timeJoiners = set("и", "і", "й", "та", "а")

func (w *slavicWords) caseOf(c *context) int {
	if cs, ok := w.preps[c.prevWord()]; ok {
		return cs
	}
	return nom
}

func (w *slavicWords) hourForms() [4]string {
	return [4]string{w.hour[0], w.hour[1], w.hour[2], w.hour[1]}
}
func (w *slavicWords) minuteForms() [4]string {
	return [4]string{w.minute[0], w.minute[1], w.minute[2], w.minute[1]}
}
func (w *slavicWords) secondForms() [4]string {
	return [4]string{w.second[0], w.second[1], w.second[2], w.second[1]}
}

// abbreviatedUnit reports a unit written shorter than it is said: "км",
// "ч" (not "метров", which is one of its own forms, nor "°C", no word).
func (w *slavicWords) abbreviatedUnit(unit string) bool {
	if !isLetters(unit) {
		return false
	}
	for _, f := range w.units[unit].forms {
		if strings.EqualFold(f, unit) {
			return false
		}
	}
	return true
}

// timeOblique says digits of the hour (unit 0), minute (1) or second (2)
// in the dative or instrumental: the noun singular after a number ending
// in one (not eleven), plural after others.
func (w *slavicWords) timeOblique(s *slavic, digits string, g sGender, unit, cs int) string {
	forms := w.timeCases[unit].dat
	if cs == ins {
		forms = w.timeCases[unit].ins
	}
	noun := forms[1]
	if pluralClass(digits) == 0 && trimZeros(digits) != "0" {
		noun = forms[0]
	}
	return s.cardinal(digits, g, cs) + " " + noun
}

// counted says a number and the noun it counts, in the nominative or the
// genitive: "два часа", "пяти часов".
func (w *slavicWords) counted(s *slavic, digits string, u unitForms, cs int) string {
	if cs == gen {
		noun := u.forms[2]
		if pluralClass(digits) == 0 {
			noun = u.forms[3]
		}
		return s.cardinal(digits, u.g, gen) + " " + noun
	}
	return s.cardinal(digits, u.g, nom) + " " + u.after(digits)
}

// date says a day, a month and a year: the day an ordinal (neuter: "число")
// in the case the words before it ask for: nominative after "сегодня" or
// on its own, genitive in running text ("6 марта он приехал"), the
// preposition's case after one; the month in the genitive; the year an
// ordinal in the genitive, its noun kept or said in full.
func (w *slavicWords) date(s *slavic, c *context, d string, mon int, y, ynoun string) (string, bool) {
	if atoi(d) < 1 || atoi(d) > 31 {
		return "", false
	}
	cs := gen
	prev := c.prevWord()
	switch {
	case w.preps[prev] != 0 || prev == "в" || prev == "у":
		cs = w.preps[prev]
		if prev == "в" || prev == "у" {
			cs = gen
		}
		if prev == "по" {
			cs = acc // "по 5 марта": up to it, по пятое марта
		}
	case w.nominativeCues[prev] || c.atSentenceStart() && c.alone():
		cs = nom
	}
	out := s.ordinal(d, neut, cs) + " " + w.months[mon]
	if y != "" {
		out += " " + s.ordinal(y, masc, gen)
		if ynoun != "" {
			out += " " + w.year[0][gen]
		}
	}
	return out, true
}

// dayRange says days of one month: the first an ordinal in the genitive
// ("с первого"), the last in the accusative after "по" ("по пятое") or
// the genitive after "до"; a dash is said "с … по …".
func (w *slavicWords) dayRange(s *slavic, c *context, m match) (string, bool) {
	mon := w.monthNumber(m.get("mon"))
	d1, d2 := atoi(m.get("d1")), atoi(m.get("d2"))
	if mon == 0 || d1 < 1 || d2 > 31 || d1 >= d2 {
		return "", false
	}
	to, toCase := m.get("to"), acc
	switch {
	case to == "до":
		toCase = gen
	case to == "" && w.preps[c.prevWord()] != 0 && w.preps[c.prevWord()] != gen:
		return "", false // "в 1–5 мая" and the like: not a span said "с … по …"
	}
	from := ""
	if w.preps[c.prevWord()] != gen {
		// A dash without "с": the span is said with it.
		from = w.rangeFrom + " "
	}
	if to == "" {
		to = w.rangeTo
	}
	out := from + s.ordinal(m.get("d1"), neut, gen) + " " + to + " " + s.ordinal(m.get("d2"), neut, toCase) + " " + w.months[mon]
	if y := m.get("y"); y != "" {
		out += " " + s.ordinal(y, masc, gen)
		if m.get("ynoun") != "" {
			out += " " + w.year[0][gen]
		}
	}
	return out + fullStop(m, w.months[mon]), true
}

// centuryNoun reports a century's noun after the number n (up to 30)
// and the case and gender of the ordinal it asks for. "2 века" and the
// like (a count: two centuries) are not.
func (w *slavicWords) centuryNoun(noun, n string) (int, sGender, bool) {
	v := atoi(n)
	if v < 1 || v > 30 || len(n) > 2 {
		return 0, masc, false
	}
	switch w.code {
	case "ru":
		cs, ok := map[string]int{"век": nom, "века": gen, "веке": prep, "веку": dat, "веком": ins}[noun]
		if !ok || noun == "века" && v%10 >= 2 && v%10 <= 4 && v/10 != 1 {
			return 0, masc, false
		}
		return cs, masc, true
	case "uk":
		if noun == "століття" || noun == "сторіччя" {
			return nom, neut, true
		}
	}
	return 0, masc, false
}

// yearPair says two years before the year noun's plural, each an
// ordinal in the noun's case: "в 2021 и 2022 годах" в две тысячи двадцать
// первом и две тысячи двадцать втором годах.
func (w *slavicWords) yearPair(s *slavic, c *context, y1, join, y2, noun string) (string, bool) {
	ln := strings.ToLower(noun)
	ln = strings.TrimSuffix(ln, ".") // "гг.": the abbreviation's dot
	cs, ok := w.yearNouns[ln]
	if j := strings.TrimSpace(join); w.yearAbbr[ln] && j != "по" && j != "до" {
		// "в 2023–2024 гг.", "2020 и 2021 гг.": the plural noun in full,
		// in the case a single year's abbreviation takes.
		cs = w.abbreviatedYearCase(c)
		if j == "-" || j == "–" || j == "—" {
			join = " " + w.rangeWord + " "
		}
		return s.ordinal(y1, masc, cs) + join + s.ordinal(y2, masc, cs) + " " + w.year[1][cs], true
	}
	if j := strings.TrimSpace(join); w.yearAbbr[ln] && (j == "по" || j == "до") && yearSpanFrom[c.prevWord()] {
		// "с 2010 по 2015 гг.": the span said with the noun in full, in
		// the case the second preposition asks (по the accusative, до
		// the genitive): с две тысячи десятого по две тысячи
		// пятнадцатый год.
		cs = nom
		if j == "до" {
			cs = gen
		}
		return s.ordinal(y1, masc, gen) + join + s.ordinal(y2, masc, cs) + " " + w.year[0][cs], true
	}
	if j := strings.TrimSpace(join); ok && (j == "по" || j == "до") {
		// "с 2014 по 2022 год", "з 2014 до 2022 року": from one year
		// (genitive) to another, in its noun's case.
		if !yearSpanFrom[c.prevWord()] {
			return "", false
		}
		return s.ordinal(y1, masc, gen) + join + s.ordinal(y2, masc, cs) + " " + noun, true
	}
	if !ok || w.year[1][cs] != ln && w.year[1][nom] != ln {
		return "", false
	}
	if cs == prep && w.preps[c.prevWord()] == dat {
		cs = dat
	}
	if j := strings.TrimSpace(join); j == "-" || j == "–" || j == "—" {
		join = " " + w.rangeWord + " "
	}
	return s.ordinal(y1, masc, cs) + join + s.ordinal(y2, masc, cs) + " " + noun, true
}

// yearWithNoun says "2024 году" as "две тысячи двадцать четвертом году":
// the ordinal takes the case of the noun after it, or of the preposition
// before an abbreviated one (в 2024 г. → "году").
func (w *slavicWords) yearWithNoun(s *slavic, c *context, y, noun string) (string, bool) {
	ln := strings.ToLower(strings.TrimSuffix(noun, "."))
	if cs, ok := w.yearNouns[ln]; ok && !w.yearAbbr[ln] {
		// The noun in full; a dot after it ends the sentence and stays
		// ("в 2023 году." was read as a cardinal for that dot).
		if cs == prep && w.preps[c.prevWord()] == dat {
			cs = dat
		}
		g := masc
		if len(y) <= 2 && (ln == w.year[0][nom] || ln == w.year[0][gen]) && cs != prep {
			// "на 3 года", "ему 21 год", "1 рік": a number of one or two
			// digits before the singular counts years too.
			return "", false
		}
		if v := atoi(y); len(y) == 3 && cs != prep && v%100/10 != 1 &&
			(ln == w.year[0][nom] && v%10 == 1 || ln == w.year[0][gen] && v%10 >= 2 && v%10 <= 4) {
			// Three digits count years where the noun agrees with a
			// count ("прожил 101 год", "102 года"); "с 988 года" is a year.
			return "", false
		}
		if w.year[1][cs] == ln || w.year[1][nom] == ln {
			// The plural after a number counts years ("5 років", "через
			// 3 роки"), except where it names two years or more ("в
			// 2021 и 2022 годах", "1990–2000 років").
			if prev := c.prevWord(); len(y) < 4 || !slavicConjunctions[prev] && !isDigits(prev) {
				return "", false
			}
		}
		return s.ordinal(y, g, cs) + " " + noun, true
	}
	if cs, g, ok := w.centuryNoun(ln, y); ok {
		// "21 век", "в 21 веке", "XXI століття": a century is counted
		// with an ordinal.
		return s.ordinal(y, g, cs) + " " + noun, true
	}
	if w.yearAbbr[ln] && strings.HasSuffix(noun, ".") {
		cs := w.abbreviatedYearCase(c)
		g, form := masc, 0
		if ln == "гг" || ln == "рр" {
			g, form = plur, 1 // 2020–2024 гг.
		}
		return s.ordinal(y, g, cs) + " " + w.year[form][cs], true
	}
	return "", false
}

// dottedUnits are units written in two dotted parts, by the key of the
// unit they stand for in a language's units (spaces dropped).
var dottedUnits = map[string]string{"п.п.": "п.п.", "в.п.": "в.п.", "кв.м": "м²", "кв.км": "км²", "куб.м": "м³", "куб.км": "км³"}

// abbreviatedYearCase is the case of a year (or two) before an
// abbreviated noun ("г.", "гг.", "р.", "рр."), which does not show it:
// the preposition's before it, в and у placing it; after a noun the
// genitive ("на выборах 2018 г.", "за 9 месяцев 2024 г.": the year
// tells whose); the nominative only where it opens a sentence ("2024
// г. стал рекордным").
func (w *slavicWords) abbreviatedYearCase(c *context) int {
	cs := w.caseOf(c)
	if cs == acc {
		cs = nom
	}
	if p := c.prevWord(); p == "в" || p == "у" || p == "во" {
		cs = prep
	}
	if _, governed := w.preps[c.prevWord()]; !governed && !c.atSentenceStart() {
		cs = gen
	}
	return cs
}

// suffixedOrdinal reads "20-го", "5-й", "1950-е", "84-м": the written
// ending tells the case and gender.
func (w *slavicWords) suffixedOrdinal(s *slavic, c *context, n, suf string) (string, bool) {
	suf = strings.ToLower(suf)
	if cardinalEndings[suf] && !strings.HasSuffix(n, "0") {
		// "в 3-х томах", "из 7-ми", "с 2-мя": a cardinal's case ending,
		// though ordinals end so too ("третьих"); decades, which end in
		// 0, are ordinals ("1990-х").
		if form, ok := w.cardinalEnding(s, c, n, suf); ok {
			return form, true
		}
	}
	for _, g := range []sGender{masc, fem, neut, plur} {
		for _, cs := range []int{nom, gen, dat, ins, prep, acc} {
			form := s.ordinal(n, g, cs)
			if strings.HasSuffix(form, suf) && w.suffixFits(c, n, suf, g, cs) {
				return form, true
			}
		}
	}
	// No ordinal the context asks for ends so: a cardinal's case ending
	// ("к 3-м" к трем), else any ordinal that does ("3-е" третье, where
	// the plural the context asked for is третьи).
	if form, ok := w.cardinalEnding(s, c, n, suf); ok {
		return form, true
	}
	for _, g := range []sGender{masc, fem, neut, plur} {
		for _, cs := range []int{nom, gen, dat, ins, prep, acc} {
			if form := s.ordinal(n, g, cs); strings.HasSuffix(form, suf) {
				return form, true
			}
		}
	}
	return "", false
}

// cardinalEndings are the endings written after a number that mark a
// cardinal's case more often than an ordinal's.
var cardinalEndings = set("х", "ти", "ми", "мя")

// cardinalEnding is the cardinal n in the first case whose form ends in
// suf: the preposition's case first, then the genitive, dative,
// instrumental and prepositional ("из 7-ми" семи, "с 2-мя" двумя).
func (w *slavicWords) cardinalEnding(s *slavic, c *context, n, suf string) (string, bool) {
	cases := []int{gen, dat, ins, prep}
	if p := w.preps[c.prevWord()]; p != nom && p != acc {
		cases = append([]int{p}, cases...)
	}
	for _, cs := range cases {
		if form := s.cardinal(n, masc, cs); strings.HasSuffix(form, suf) {
			return form, true
		}
	}
	return "", false
}

// suffixFits chooses between the forms an ending fits: "-е" is plural for
// decades ("1950-е") and after nothing, neuter before a noun; "-м" is
// prepositional unless an instrumental preposition comes first.
func (w *slavicWords) suffixFits(c *context, n, suf string, g sGender, cs int) bool {
	prev := w.preps[c.prevWord()]
	switch suf {
	case "е", "є", "і":
		// A decade: "1950-е", or "90-е" before a plural noun ("90-е
		// годы"); before another noun the neuter ("5-е место").
		next := strings.ToLower(c.nextWord())
		decade := len(n) == 4 && strings.HasSuffix(n, "0") ||
			strings.HasSuffix(n, "0") && (next == w.year[1][nom] || next == w.year[1][acc])
		if decade || next == "" {
			return g == plur && cs == nom
		}
		return g == neut && cs == nom
	case "м", "му":
		if prev == ins {
			return cs == ins && g == masc
		}
		if prev == dat {
			return cs == dat && g == masc
		}
		return (cs == prep || (suf == "му" && cs == dat)) && g == masc
	case "й":
		// "в 5-й школе": after a preposition, a feminine noun's oblique
		// case ("пятой"); else the masculine nominative ("5-й класс").
		if prev != nom && prev != acc {
			return g == fem && cs == prev
		}
		return g == masc && (cs == nom || cs == acc)
	case "х":
		return g == plur && (cs == gen || cs == prep)
	case "я", "а":
		return g == fem && cs == nom
	case "ю", "у":
		return g == fem && cs == acc
	case "го":
		return g == masc && cs == gen
	case "ми":
		return g == plur && cs == ins
	}
	return true
}

// abbreviatedCentury says "XXI в." as the ordinal and the century's noun
// in the case the words before ask: a preposition's; the genitive after
// another word ("в начале XXI в." двадцать первого века); else the
// nominative.
func (w *slavicWords) abbreviatedCentury(s *slavic, c *context, r, ab string) (string, bool) {
	v := romanValue(r)
	if v == 0 || ab != w.centuryAbbr {
		return "", false
	}
	prev := c.prevWord()
	cs := nom
	switch p, isPrep := w.preps[prev]; {
	case isPrep:
		cs = p
	case prev != "" && isLetters(prev):
		cs = gen
	}
	if cs == acc {
		cs = nom
	}
	return s.ordinal(itoa(v), w.centuryG, cs) + " " + w.centuryForms[cs], true
}

// roman reads centuries ("XX век", "в XXI веке") and monarchs ("Петр
// I", "Екатерина II").
func (w *slavicWords) roman(s *slavic, c *context, r string) (string, bool) {
	v := romanValue(r)
	if v == 0 {
		return "", false
	}
	next := strings.ToLower(strings.TrimSuffix(c.nextWord(), "."))
	if cs, ok := w.century[next]; ok {
		if next == "в" && !strings.HasPrefix(strings.TrimLeft(c.text[c.end:], " "), "в.") {
			return "", false
		}
		if w.preps[c.prevWord()] == prep && cs == nom {
			cs = prep
		}
		return s.ordinal(itoa(v), w.centuryG, cs), true
	}
	if len(r) >= 2 && v < 40 && next != "" && isLetters(next) && unicode.IsLower([]rune(c.nextWord())[0]) {
		// "во II квартале", "II мировая война", "XX съезда": an ordinal
		// agreeing with the word after it, in the preposition's case.
		// Quarters, congresses, wars and Olympiads stay under 40; "CD
		// диск" and an "XL размер" are no numerals.
		cs := nom
		if p, isPrep := w.preps[c.prevWord()]; isPrep {
			cs = p
		}
		if placePreps[c.prevWord()] {
			cs = prep
		}
		g, cs := romanAgreement(next, cs)
		return s.ordinal(itoa(v), g, cs), true
	}
	prev := c.prevRaw()
	if len(r) >= 1 && isLetters(prev) && unicode.IsUpper([]rune(prev)[0]) && (len(r) >= 2 || r == "I" || r == "V") {
		g := masc
		if strings.HasSuffix(prev, "а") || strings.HasSuffix(prev, "я") {
			g = fem
		}
		return s.ordinal(itoa(v), g, nom), true
	}
	return "", false
}

// romanAgreement guesses, from the ending of the word after a Roman
// numeral, the gender and case of the ordinal it is said as: the
// preposition's case cs, the gender by the word's ending in that case
// ("мировая война" feminine, "полугодие" and "півріччя" neuter, the
// feminine's oblique endings -ы, -и, -ой, -ей, -ую against the others';
// where they are alike, the masculine, whose forms the neuter shares
// there). A noun in -а or -я with no preposition before it is more
// often a masculine noun's genitive ("итоги XX съезда") than a
// feminine's nominative, unless its stem is one of the feminine nouns
// Roman numerals number (половина, часть, глава…).
func romanAgreement(word string, cs int) (sGender, int) {
	has := func(ends ...string) bool {
		for _, e := range ends {
			if strings.HasSuffix(word, e) {
				return true
			}
		}
		return false
	}
	feminine := false
	for _, stem := range romanFeminineStems {
		feminine = feminine || strings.HasPrefix(word, stem)
	}
	switch {
	case has("ччя", "ття", "лля", "сся", "ння", "ззя", "жжя", "ие", "ье", "ое", "ее", "є") && cs == nom:
		return neut, nom
	case has("ая", "яя", "а", "я") && cs == nom && (feminine || has("ая", "яя")):
		return fem, nom
	case has("а", "я") && cs == nom:
		return masc, gen // "XX съезда"
	case has("о", "е") && cs == nom:
		return neut, nom
	case feminine && cs != nom:
		return fem, cs
	case cs == gen && has("ой", "ей", "ы", "и", "ої", "ї"):
		return fem, cs
	case (cs == dat || cs == prep) && has("ой", "ей", "ій"):
		return fem, cs
	case cs == ins && has("ой", "ей", "ою", "ею", "ью"):
		return fem, cs
	case cs == acc && has("ую", "юю", "у", "ю"):
		return fem, cs
	}
	return masc, cs
}

// romanFeminineStems are feminine nouns that Roman numerals number, and
// the adjectives of the wars they name.
var romanFeminineStems = []string{"половин", "част", "глав", "груп", "степен", "категор", "сесси", "сесі", "олимпиад", "олімпіад",
	"конференц", "войн", "війн", "миров", "світов", "республик", "республік", "дум", "лиг", "ліг", "полос", "смуг", "строк", "рядк",
	"позиц", "лини", "ліні", "страниц", "сторінц", "ступен", "волн", "хвил", "смен", "змін", "очеред", "черз"}

// measure says a number and a unit: "двенадцать килограммов", "три
// целых две десятых литра", "четыре килограмма на килограмм".
func (w *slavicWords) measure(s *slavic, c *context, n number, negative bool, unit string) (string, bool) {
	per := ""
	u, ok := w.units[unit]
	if !ok {
		if a, b, slash := strings.Cut(unit, "/"); slash {
			ua, oka := w.units[a]
			ub, okb := w.units[b]
			if !oka || !okb {
				return "", false
			}
			u, ok, per = ua, true, " "+w.perWord()+" "+ub.forms[0]
		}
	}
	if !ok {
		return "", false
	}
	if len(n.frac) > len(s.fractionName) {
		return "", false
	}
	var out string
	switch {
	case n.point && n.frac != "":
		cs := w.caseOf(c)
		if cs != gen {
			cs = nom
		}
		out = s.decimal(n, cs) + " " + u.forms[3]
	default:
		cs := w.caseOf(c)
		if cs != gen {
			cs = nom
		}
		out = w.counted(s, n.whole, u, cs)
	}
	if negative {
		out = w.minus + " " + out
	}
	return out + per, true
}

// perWord joins a unit to the one it is divided by: "километров на
// килограмм" (в час and на годину are whole units of their own).
func (w *slavicWords) perWord() string { return "на" }

// money says a sum: "пять рублей пятьдесят копеек", "одна целая двадцать
// три сотых миллиарда рублей".
func (w *slavicWords) money(s *slavic, c *context, n number, scale, cur string) (string, bool) {
	key, ok := w.currencyNames[strings.ToLower(strings.TrimSuffix(cur, "."))]
	if !ok {
		return "", false
	}
	names := w.currencies[key]
	if len(n.frac) > len(s.fractionName) {
		return "", false
	}
	if scale != "" {
		su := w.units[strings.TrimSuffix(scale, ".")]
		cs := w.caseOf(c) // "до 1 млн руб.": до одного миллиона рублей
		accusative := cs == acc
		if cs != gen {
			cs = nom
		}
		var out string
		if n.point && n.frac != "" {
			out = s.decimal(n, cs) + " " + su.forms[3]
		} else {
			out = w.counted(s, n.whole, su, cs)
		}
		if accusative {
			out = w.accusative(out) // "на $1,2 млрд": на одну целую две десятых миллиарда
		}
		return out + " " + names.major.forms[2], true
	}
	frac := n.frac
	if len(frac) == 1 {
		frac += "0"
	}
	if len(frac) > 2 {
		return s.decimal(n, nom) + " " + names.major.forms[3], true
	}
	cs := w.caseOf(c)
	if cs != gen {
		cs = nom
	}
	out := w.counted(s, n.whole, names.major, cs)
	if frac != "" && !isZero(frac) {
		cents := trimZeros(frac)
		if isZero(n.whole) {
			out = w.counted(s, cents, names.minor, cs)
		} else {
			out += " " + w.counted(s, cents, names.minor, cs)
		}
	}
	if n.neg {
		out = w.minus + " " + out
	}
	return out, true
}

// spellAddress says an address of the web the way Russian and Ukrainian
// speakers read one: Latin letters by their names, known words as words,
// digits one by one, signs by name.
func (w *slavicWords) spellAddress(s *slavic, text string) string {
	return spellElectronic(strings.ToLower(text), w.symbols, s.digits, func(word string, last bool) string {
		if k, ok := w.knownWords[word]; ok {
			return k
		}
		var out []string
		for _, r := range word {
			if n, ok := w.letters[r]; ok {
				out = append(out, n)
			} else {
				out = append(out, string(r))
			}
		}
		return strings.Join(out, " ")
	})
}

// currencyByName is the sign of the currency a Russian or Ukrainian
// word names, in any of its forms.
func currencyByName(word string) string {
	lw := strings.ToLower(word)
	for _, c := range []struct{ stem, sign string }{{"рубл", "₽"}, {"доллар", "$"}, {"долар", "$"}, {"гривн", "₴"}, {"гривень", "₴"}, {"фунт", "£"}, {"евро", "€"}, {"євро", "€"}} {
		if strings.HasPrefix(lw, c.stem) {
			return c.sign
		}
	}
	return ""
}

// yearSpanFrom start a span of years: "с 2014 по 2022 год", "від 2014
// до 2022 року".
var yearSpanFrom = set("с", "со", "от", "з", "із", "від")

// slavicConjunctions join two years: "в 2021 и 2022 годах", "у 2021 та
// 2022 роках".
var slavicConjunctions = set("и", "или", "і", "й", "та", "чи", "або")

// wordAndYear is a word joined by a hyphen to a year of news.
var wordAndYear = regexp.MustCompile(`^\p{L}+-(?:19|20)\d\d$`)

// timePrepositions ask a time in the dative or the instrumental: "к
// 18:00", "между 9:00", "перед 18:00" ("по" and "за" before a time mean
// other things).
var timePrepositions = set("к", "ко", "между", "перед", "над", "под", "між")
