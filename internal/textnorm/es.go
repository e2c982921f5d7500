package textnorm

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Spanish writes a decimal comma and groups thousands with points or
// spaces.
var esSeps = separators{decimal: ",", groups: []string{".", " ", "\u00a0", "\u202f"}}

const (
	esNum   = `(?:[1-9]\d{0,2}(?:[. \x{a0}\x{202f}]\d{3})+|\d+)(?:,\d+)?`
	esInt   = `[1-9]\d{0,2}(?:[. \x{a0}\x{202f}]\d{3})+|\d+`
	esMonth = `(?i:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sep(?:t(?:iembre)?)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)`
	esScale = `(?i:mil millones|millones|millón|billones|billón|trillones|trillón|mil)`
)

var spanish = sync.OnceValue(func() *language {
	l := &language{code: "es", decimal: ','}
	l.listEnds = set("etcétera")
	l.addVersion("punto", func(d string) string { return esCardinal(d, esAlone) })
	add, addGlued := l.adders()

	add(Electronic, `[\w.+&-]+@[\w-]+(?:\.[\w-]+)+`, esElectronic)
	add(Electronic, `(?i:https?|ftp)://[^\s<>"]*[^\s<>".,;:!?)\]'"]`, esElectronic)
	add(Electronic, `(?i:www)\.[\w|/-]+(?:\.[\w|/-]+)+\.?`, esElectronic)
	add(Electronic, `[a-z][\w-]*\.(?:com|org|net|es|mx|ar|co|cl|pe)(?:/[\w|/-]+)?\.?`, esElectronic)
	add(Electronic, `@[\w]+(?:\.[\w]+)*`, esElectronic)

	add(Telephone, `(?:\+(?P<cc>\d{1,3})\s?)?(?:\((?P<area>\d{2,4})\)\s?)?(?P<num>\d{3}[\s.-]\d{3}[\s.-]\d{4}|\d{4}[\s.-]\d{4})(?:-(?P<ext>\d{1,4}))?`, esTelephone)
	add(Telephone, `(?:\+(?P<cc>\d{1,3})\s?)?\((?P<area>\d{2,4})\)\s?(?P<num>\d{3}[\s.-]\d{4})(?:-(?P<ext>\d{1,4}))?`, esTelephone)
	// Spanish numbers have nine digits and start with 6 to 9: 912 345
	// 678, 91 123 45 67 (spaces only: dots group thousands).
	add(Telephone, `(?P<num>[6-9]\d{2} \d{3} \d{3}|[6-9]\d \d{3} \d{2} \d{2})`, esTelephone)
	add(Telephone, intlPhonePattern, func(c *context, m match) (string, bool) {
		return intlPhone(m, func(cc string) string {
			if len(cc) <= 2 {
				return "más " + esCardinal(cc, esAlone)
			}
			return "más " + esDigits(cc)
		}, esDigits)
	})
	add(Telephone, `(?P<toll>0-800)-(?P<word>\p{L}+)`, esTelephone)
	add(Telephone, `(?P<ip>\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})`, esTelephone)

	add(Money, `(?P<cur>`+esCurrencyPattern()+`)\s?(?P<amt>`+esNum+`)(?:\s(?P<scale>`+esScale+`))?`, esMoney)
	// "5 millones €", "1 millón de €", "5 mill. €", "5 M€" (the press's
	// millions), and Mexico's "3,5 mdd", millones de dólares.
	add(Money, `(?P<amt>`+esNum+`)(?:\s(?P<scale>mill\.|`+esScale+`)(?:\sde)?|\s?(?P<ms>M))?\s?(?P<cur>`+esCurrencyPattern()+`)(?:/(?P<per>[\p{L}]+[²³23]?))?`, esMoney)
	add(Money, `(?P<amt>`+esNum+`)\s?(?P<mdd>mdd|MDD)`+wordEnd, func(c *context, m match) (string, bool) {
		n := esSeps.parseNumber(m.get("amt"))
		return words(esScaled(n, "mill."), "de dólares"), true
	})
	// A price with its cents before the currency's name: "3,50 euros" is
	// said as "3,50 €" is.
	add(Money, `(?P<amt>\d{1,3}(?:\.\d{3})*,\d{2})\s(?P<word>(?i:euros?|dólar(?:es)?|libras?))`+wordEnd, func(c *context, m match) (string, bool) {
		sign := map[string]string{"eur": "€", "dól": "$", "lib": "£"}[strings.ToLower(string([]rune(m.get("word"))[:3]))]
		return esSum(m.get("amt"), "", sign)
	})

	// "el 3T", "3T 2023": a quarter of the year (trimestre).
	add(Date, `(?P<q>[1-4])T(?:\s?(?P<y>\d{4}|\d{2}))?`+wordEnd, func(c *context, m match) (string, bool) {
		s := []string{"", "primer", "segundo", "tercer", "cuarto"}[atoi(m.get("q"))] + " trimestre"
		switch y := m.get("y"); len(y) {
		case 4:
			s += " de " + esCardinal(y, esMasc)
		case 2:
			s += " de " + esCardinal("20"+y, esMasc)
		}
		return s, true
	})
	// "nº 7", "n.º 7": número.
	add(Abbreviation, `(?i:n\.?º)(?P<after>\s?\d)`, func(c *context, m match) (string, bool) {
		return "número", true
	})
	// "el km 5" of a road: its kilometre mark, the unit before the number.
	add(Abbreviation, `(?i:km)\.?(?P<after>\s\d)`, func(c *context, m match) (string, bool) {
		if isDigits(c.prevWord()) {
			return "", false // "5 km 3": the unit of the number before
		}
		return "kilómetro", true
	})
	addGlued(Time, `(?P<h>\d{1,2})[:.](?P<m>\d{2})(?::(?P<s>\d{2}))?(?:\s?(?P<ampm>[ap]\.\s?m\.?|[ap]m\b))?(?:\s?(?P<zone>(?i:est|cet|gmt|utc))(?P<off>[-+]\d{1,2}(?::\d{2})?)?)?(?:\s?(?P<hs>h)\b)?`, esTime)
	add(Range, scorePattern, sayScore(func(d string) string { return esCardinal(d, esAlone) }, "a"))
	add(Range, `(?P<sa>\d{1,2})-(?P<sb>\d{1,2})`, func(c *context, m match) (string, bool) {
		// "ganó 2-1", "Madrid 3-1 Barcelona", "3-5 años": two small
		// numbers joined by a dash are a score or a range, both said
		// with "a".
		return esCardinal(m.get("sa"), esAlone) + " a " + esCardinal(m.get("sb"), esAlone), true
	})
	add(Time, `(?P<h>\d{1,2})\s?h\s?(?P<m>\d{1,2})\s?min(?:\s?(?P<s>\d{1,2})\s?seg)?`, func(c *context, m match) (string, bool) {
		if m.get("s") == "" {
			return esTime(c, m)
		}
		// A duration: "quince horas diez minutos y cuarenta segundos".
		unit := func(v, one, many string, g esGender) string {
			if atoi(v) == 1 {
				return esCardinal(v, g) + " " + one
			}
			return esCardinal(v, g) + " " + many
		}
		return unit(m.get("h"), "hora", "horas", esFem) + " " + unit(m.get("m"), "minuto", "minutos", esMasc) + " y " +
			unit(m.get("s"), "segundo", "segundos", esMasc), true
	})

	add(Date, `(?:(?P<wd>`+esWeekdayPattern+`)\.?,?\s)?(?P<d>\d{1,2})(?:\.?º)?\s(?:de\s)?(?P<mon>`+esMonth+`)(?P<dot>\.?)(?:,?\s(?:de(?:l)?\s)?(?P<y>\d{4}))?`, esDate)
	add(Date, `(?P<mon>`+esMonth+`)\.?\s(?P<d>\d{1,2}),?\s(?P<y>\d{4})`, esDate)
	add(Date, `(?P<d>\d{1,2})(?P<s1>[./-])(?P<m>\d{1,2})(?P<s2>[./-])(?P<y>\d{4})`, esDate)
	add(Date, `(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})`, esDate)
	add(Date, `(?P<n>`+esInt+`)\s(?P<era>a\.\s?[cC]\.|d\.\s?[cC]\.|a\.\s?de\s?[cC]\.)`, func(c *context, m match) (string, bool) {
		era := "antes de cristo"
		if strings.HasPrefix(m.get("era"), "d") {
			era = "después de cristo"
		}
		return esCardinal(esSeps.parseNumber(m.get("n")).whole, esAlone) + " " + era, true
	})

	add(Measure, `(?P<sign>-)?(?P<num>`+esNum+`|\d+\s\d+/\d+|\d+/\d+)\s?(?P<unit>[°º]\s?[cCfF]\b|[\p{L}µμ°%]+[²³23]?(?:/[\p{L}]+)?)`+wordEnd, esMeasure)
	add(Measure, `(?P<num>`+esNum+`)/(?P<per>[\p{L}]+)`, esMeasurePer)
	add(Measure, `(?P<num>`+esNum+`)-(?P<letter>\p{L})\b`, func(c *context, m match) (string, bool) {
		return esDecimal(esSeps.parseNumber(m.get("num")), esAlone) + " " + m.get("letter"), true
	})

	// "la temporada 2023/24": a season, not a fraction.
	add(Date, seasonPattern, func(c *context, m match) (string, bool) {
		return esCardinal(m.get("y"), esMasc) + " a " + esCardinal(seasonEnd(m), esMasc), isSeason(m)
	})
	add(Fraction, `(?:(?P<sign>-))?(?:(?P<int>\d+)\s)?(?P<num>\d+)/(?P<den>\d{1,3}(?:\.\d{3})+|\d+)`, esFraction)
	addGlued(Fraction, `(?:(?P<sign>-))?(?:(?P<int>\d+)\s?)?(?P<vf>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])`, esFraction)

	add(Ordinal, `(?P<n>`+esInt+`)(?:\.\s?|\s)?(?P<suf>º|ª|ᵉʳ|°|er|ro|ra|do|da|to|ta|vo|va|no|na|mo|ma)`, esOrdinalRule)

	// "s. XXI", "ss. XVI-XVII": the abbreviation of siglo before a numeral.
	add(Roman, `(?P<s>ss?)\.\s?(?P<r>[IVXLC]{1,7})\b`, func(c *context, m match) (string, bool) {
		v := romanValue(m.get("r"))
		if v == 0 {
			return "", false
		}
		noun := "siglo"
		if m.get("s") == "ss" {
			noun = "siglos"
		}
		return noun + " " + esCardinal(itoa(v), esAlone), true
	})
	add(Roman, `(?P<r>[IVXLCDM]{1,7}|[ivxlcdm]{1,7})`, esRoman)

	add(Cardinal, `(?P<sign>[-−+])?(?P<num>`+esNum+`)(?:\s(?P<scale>mill\.|`+esScale+`))?`, esNumber)

	add(Serial, `(?:[\p{L}\p{N}]+-)*[\p{L}]*\p{N}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)+|[\p{L}]+\p{N}+[\p{L}\p{N}]*|\p{N}+\p{Lu}+\p{N}*`, func(c *context, m match) (string, bool) {
		if strings.IndexFunc(m.text, unicode.IsLetter) < 0 {
			return "", false
		}
		return sayRuns(m.text, func(d string) string {
			if len(d) >= 4 {
				return esDigits(d)
			}
			return esCardinal(d, esAlone)
		}), true
	})

	l.addAbbreviations(esAbbreviation)
	add(Symbol, `(?P<sym>[%&@+=÷§])`, func(c *context, m match) (string, bool) {
		s, ok := map[string]string{"%": "por ciento", "&": "y", "@": "arroba", "+": "más", "=": "igual a", "÷": "entre", "§": "párrafo"}[m.get("sym")]
		return s, ok
	})
	l.ranges = esRanges
	l.mayStart = func(word, next string) bool {
		lw := strings.ToLower(word)
		switch {
		case esMonthNumber(word) > 0:
			return startsWithDigit(next)
		case esWeekdays[strings.TrimSuffix(lw, ".")] != "":
			return true
		case lw == "siglo" || lw == "ee" || lw == "nº":
			return true
		case lw == "km":
			return startsWithDigit(next) // "el km 5"
		case strings.Trim(word, "IVXLCDM") == "" || strings.Trim(word, "ivxlcdm") == "":
			return true
		case esCurrencyCodes[lw].one != "" || esCurrencies[lw].one != "":
			return startsWithDigit(next) // "fr 1", "awg 1"
		}
		return false
	}
	return l
})

// --- electronic ---

var esSymbols = map[rune]string{'.': "punto", '@': "arroba", '/': "barra", ':': "dos puntos", '-': "guion", '_': "guion bajo",
	'&': "y", '?': "signo de interrogación", '=': "igual", '#': "numeral", '%': "por ciento", '~': "tilde", '+': "más", '|': "barra vertical"}

// esDomains are the top-level domains Spanish voices say as words.
var esDomains = set("com", "net")

func esElectronic(c *context, m match) (string, bool) {
	return spellAddress(m.text, esSymbols, esDigits, "arroba", esDomains, false), true
}

// --- telephone ---

func esTelephone(c *context, m match) (string, bool) {
	if ip := m.get("ip"); ip != "" {
		for _, part := range strings.Split(ip, ".") {
			if atoi(part) > 255 || len(part) > 1 && part[0] == '0' {
				return "", false // 2.000.000.000 is a number
			}
		}
		return spellElectronic(ip, esSymbols, esDigits, func(w string, _ bool) string { return w }), true
	}
	if m.get("toll") != "" {
		return "cero ochocientos " + m.get("word"), true
	}
	if a, b, ok := strings.Cut(m.get("num"), "-"); ok && m.get("cc") == "" && m.get("area") == "" && m.get("ext") == "" && len(a) == 4 && len(b) == 4 &&
		atoi(a) >= 1900 && atoi(a) < 2100 && atoi(b) > atoi(a) && atoi(b) < 2100 {
		return "", false // "2025-2026": a span of years, not a number to dial
	}
	var parts []string
	if cc := m.get("cc"); cc != "" {
		if len(cc) <= 2 {
			parts = append(parts, "más "+esCardinal(cc, esAlone))
		} else {
			parts = append(parts, "más "+esDigits(cc))
		}
	}
	digits := m.get("area") + m.get("num")
	parts = append(parts, esDigits(digits))
	if ext := m.get("ext"); ext != "" {
		parts = append(parts, "extensión "+esDigits(ext))
	}
	return strings.Join(parts, " "), true
}

// --- money ---

type esCurrency struct {
	one, many           string
	fem                 bool
	minorOne, minorMany string
}

// esCurrencies by symbol; esCurrencyCodes by ISO code (lower case).
var (
	esDollar     = esCurrency{"dólar", "dólares", false, "centavo", "centavos"}
	esCurrencies = map[string]esCurrency{
		"$": esDollar, "us$": {"dólar estadounidense", "dólares estadounidenses", false, "centavo", "centavos"},
		"€": {"euro", "euros", false, "céntimo", "céntimos"}, "£": {"libra", "libras", true, "penique", "peniques"},
		"¥": {"yen", "yenes", false, "", ""}, "₩": {"won", "wones", false, "", ""}, "₡": {"colón", "colones", false, "céntimo", "céntimos"},
		"₧": {"peseta", "pesetas", true, "", ""}, "₹": {"rupia", "rupias", true, "", ""}, "rs": {"rupia", "rupias", true, "", ""},
		"fr": {"franco", "francos", false, "céntimo", "céntimos"}, "kr": {"corona", "coronas", true, "", ""},
		"mk": {"marco", "marcos", false, "", ""}, "q": {"quetzal", "quetzales", false, "centavo", "centavos"},
		"₽": {"rublo", "rublos", false, "", ""}, "₴": {"grivna", "grivnas", true, "", ""},
	}
	esCurrencyCodes = map[string]esCurrency{
		"usd": {"dólar estadounidense", "dólares estadounidenses", false, "centavo", "centavos"},
		"eur": {"euro", "euros", false, "céntimo", "céntimos"}, "gbp": {"libra", "libras", true, "penique", "peniques"},
		"chf": {"franco suizo", "francos suizos", false, "céntimo", "céntimos"}, "hkd": {"dólar de hong kong", "dólares de hong kong", false, "centavo", "centavos"},
		"awg": {"florín arubeño", "florines arubeños", false, "centavo", "centavos"}, "brl": {"real brasileño", "reales brasileños", false, "centavo", "centavos"},
		"nio": {"córdoba", "córdobas", true, "centavo", "centavos"}, "pab": {"balboa", "balboas", false, "centésimo", "centésimos"},
		"mxn": {"peso mexicano", "pesos mexicanos", false, "centavo", "centavos"}, "ars": {"peso argentino", "pesos argentinos", false, "centavo", "centavos"},
		"cop": {"peso colombiano", "pesos colombianos", false, "centavo", "centavos"}, "clp": {"peso chileno", "pesos chilenos", false, "", ""},
		"pen": {"sol", "soles", false, "céntimo", "céntimos"}, "gtq": {"quetzal", "quetzales", false, "centavo", "centavos"},
		"jpy": {"yen", "yenes", false, "", ""}, "cny": {"yuan", "yuanes", false, "", ""}, "rub": {"rublo", "rublos", false, "", ""},
		"uah": {"grivna", "grivnas", true, "", ""}, "ves": {"bolívar", "bolívares", false, "céntimo", "céntimos"},
	}
)

func esCurrencyPattern() string {
	return `(?i:us\$|[$€£¥₩₡₧₹₽₴]|rs|fr|kr|mk|q|usd|eur|gbp|chf|hkd|awg|brl|nio|pab|mxn|ars|cop|clp|pen|gtq|jpy|cny|rub|uah|ves)`
}

func esLookupCurrency(s string) (esCurrency, bool) {
	ls := strings.ToLower(strings.TrimSpace(s))
	if c, ok := esCurrencies[ls]; ok {
		return c, true
	}
	c, ok := esCurrencyCodes[ls]
	return c, ok
}

func esMoney(c *context, m match) (string, bool) {
	scale := m.get("scale")
	if m.get("ms") != "" {
		scale = "mill."
	}
	said, ok := esSum(m.get("amt"), scale, m.get("cur"))
	return perUnit(said, "por", m.get("per"), func(u string) (string, bool) { n, ok := esUnits[u]; return n.one, ok }), ok
}

// esSum says an amount of money (amt, with a scale word or none) in its
// currency (cur, a sign or a code).
func esSum(amt, scale, curWritten string) (string, bool) {
	cur, ok := esLookupCurrency(curWritten)
	if !ok {
		return "", false
	}
	// "q" and "fr" are letters too: they name a currency only beside a
	// number with nothing else glued on.
	n := esSeps.parseNumber(amt)
	g := esMasc
	if cur.fem {
		g = esFem
	}
	if scale != "" {
		return words(esScaled(n, scale), "de", cur.many), true
	}
	frac := n.frac
	if len(frac) > 2 {
		frac = strings.TrimRight(frac, "0")
	}
	if len(frac) > 2 || (frac != "" && !isZero(frac) && cur.minorOne == "") {
		n.frac = frac
		return words(esDecimal(n, g), cur.many), true
	}
	if len(frac) == 1 {
		frac += "0"
	}
	cents := int(atoi(frac))
	one := trimZeros(n.whole) == "1"
	name := cur.many
	if one {
		name = cur.one
	}
	whole := words(esDeAfterMillions(esCardinal(n.whole, g)), name)
	if n.neg {
		whole = "menos " + whole
	}
	minor := cur.minorMany
	if cents == 1 {
		minor = cur.minorOne
	}
	switch {
	case cents == 0:
		return whole, true
	case isZero(n.whole):
		return esCardinal(itoa(cents), esMasc) + " " + minor, true
	}
	return whole + " " + esCardinal(itoa(cents), esMasc) + " " + minor, true
}

// --- time ---

func esTime(c *context, m match) (string, bool) {
	h, mi := atoi(m.get("h")), atoi(m.get("m"))
	if h > 24 || mi > 59 {
		return "", false
	}
	ampm := strings.ToLower(dropDotsSpaces.Replace(m.get("ampm")))
	if ampm != "" && (h == 0 || h > 12) {
		return "", false
	}
	// A time, not a decimal: Spanish writes decimals with a comma, so
	// "1.05" is five past one. "1.500" (three digits) is a number.
	s := esCardinal(itoa(int(h)), esFem)
	next := strings.ToLower(c.nextWord())
	switch {
	case ampm == "" && m.get("zone") == "" && (next == "horas" || next == "hrs" || next == "h"):
		// "a las 15:30 horas": the clock's reading, the hours'
		// noun after it (quince treinta horas).
		if mi > 0 && mi < 10 {
			s += " cero"
		}
		if mi > 0 {
			s += " " + esCardinal(itoa(int(mi)), esAlone)
		}
		return s, true
	}
	switch mi {
	case 0:
	case 15:
		s += " y cuarto"
	case 30:
		s += " y media"
	default:
		s += " y " + esCardinal(itoa(int(mi)), esAlone)
	}
	switch ampm {
	case "am":
		if h == 12 {
			s += " de la noche"
		} else {
			s += " de la mañana"
		}
	case "pm":
		switch {
		case h == 12:
			s += " del mediodía"
		case h < 8:
			s += " de la tarde"
		default:
			s += " de la noche"
		}
	}
	if z := m.get("zone"); z != "" {
		s += " " + spellLetters(strings.ToLower(z))
		if off := m.get("off"); off != "" {
			// gmt-4:30: "menos cuatro treinta".
			sign := "más"
			if off[0] == '-' {
				sign = "menos"
			}
			oh, om, _ := strings.Cut(off[1:], ":")
			s += " " + sign + " " + esCardinal(oh, esAlone)
			if om != "" && !isZero(om) {
				s += " " + esCardinal(om, esAlone)
			}
		}
	}
	return s, true
}

// --- dates ---

const esWeekdayPattern = `(?i:lun(?:es)?|mar(?:tes)?|mi[eé](?:r(?:coles)?)?|jue(?:ves)?|vie(?:r(?:nes)?)?|s[aá]b(?:ado)?|dom(?:ingo)?)`

var esWeekdays = map[string]string{"lun": "lunes", "lunes": "lunes", "mar": "martes", "martes": "martes", "mie": "miércoles",
	"mié": "miércoles", "mier": "miércoles", "miér": "miércoles", "miércoles": "miércoles", "miercoles": "miércoles",
	"jue": "jueves", "jueves": "jueves", "vie": "viernes", "vier": "viernes", "viernes": "viernes", "sab": "sábado", "sáb": "sábado",
	"sábado": "sábado", "sabado": "sábado", "dom": "domingo", "domingo": "domingo"}

func esDate(c *context, m match) (string, bool) {
	d := int(atoi(m.get("d")))
	mon := int(atoi(m.get("m")))
	if mw := m.get("mon"); mw != "" {
		mon = esMonthNumber(mw)
	}
	if m.get("s1") != m.get("s2") || mon < 1 || mon > 12 || d < 1 || d > 31 {
		return "", false
	}
	day := esCardinal(itoa(d), esAlone)
	if d == 1 {
		day = "primero"
	}
	s := day + " de " + esMonths[mon]
	if wd := m.get("wd"); wd != "" {
		s = esWeekdays[strings.ToLower(strings.TrimSuffix(wd, "."))] + " " + s
	}
	if y := m.get("y"); y != "" {
		s += " de " + esCardinal(y, esAlone)
	}
	return s + fullStop(m, esMonths[mon]), true
}

// --- measures ---

type esUnitName struct {
	one, many string
	fem       bool
}

var esUnits = func() map[string]esUnitName {
	m := map[string]esUnitName{}
	for _, u := range []struct {
		syms      string
		one, many string
		fem       bool
	}{
		{"m", "metro", "metros", false}, {"km", "kilómetro", "kilómetros", false}, {"cm", "centímetro", "centímetros", false},
		{"mm", "milímetro", "milímetros", false}, {"g", "gramo", "gramos", false}, {"kg", "kilogramo", "kilogramos", false},
		{"mg", "miligramo", "miligramos", false}, {"t", "tonelada", "toneladas", true}, {"l", "litro", "litros", false},
		{"ml", "mililitro", "mililitros", false}, {"h", "hora", "horas", true}, {"min", "minuto", "minutos", false},
		{"s seg", "segundo", "segundos", false}, {"ms", "milisegundo", "milisegundos", false},
		{"km/h", "kilómetro por hora", "kilómetros por hora", false}, {"mph", "milla por hora", "millas por hora", true},
		{"m/s", "metro por segundo", "metros por segundo", false}, {"mi", "milla", "millas", true},
		{"m² m2", "metro cuadrado", "metros cuadrados", false}, {"km² km2", "kilómetro cuadrado", "kilómetros cuadrados", false},
		{"m³ m3", "metro cúbico", "metros cúbicos", false}, {"cm³ cm3", "centímetro cúbico", "centímetros cúbicos", false},
		{"ha", "hectárea", "hectáreas", true}, {"%", "por ciento", "por ciento", false}, {"°c|°C|° c|° C|ºc|ºC|º c|º C", "grado centígrado", "grados centígrados", false},
		// "º", the ordinal indicator, stands for the degree sign in much
		// Spanish print ("40 ºC").
		{"°f °F ºF", "grado fahrenheit", "grados fahrenheit", false},
		{"kw kW", "kilovatio", "kilovatios", false}, {"kwh kWh", "kilovatio hora", "kilovatios hora", false}, {"w W", "vatio", "vatios", false},
		{"mw MW", "megavatio", "megavatios", false}, {"v V", "voltio", "voltios", false}, {"psi", "p s i", "p s i", false},
		{"gb GB", "gigabyte", "gigabytes", false}, {"mb MB", "megabyte", "megabytes", false}, {"hz Hz", "hercio", "hercios", false},
		{"ft", "pie", "pies", false}, {"lb lbs", "libra", "libras", true}, {"oz", "onza", "onzas", true},
		{"tb TB", "terabyte", "terabytes", false}, {"khz kHz", "kilohercio", "kilohercios", false}, {"mhz MHz", "megahercio", "megahercios", false},
		{"ghz GHz", "gigahercio", "gigahercios", false}, {"mAh", "miliamperio hora", "miliamperios hora", false},
		{"hPa", "hectopascal", "hectopascales", false}, {"µg μg", "microgramo", "microgramos", false}, {"dl", "decilitro", "decilitros", false},
		{"cl", "centilitro", "centilitros", false}, {"Mbit/s Mbps", "megabit por segundo", "megabits por segundo", false},
		{"db dB", "decibelio", "decibelios", false}, {"gw GW", "gigavatio", "gigavatios", false},
	} {
		sep := " "
		if strings.Contains(u.syms, "|") {
			sep = "|" // symbols written with a space: "° c"
		}
		for _, s := range strings.Split(u.syms, sep) {
			m[s] = esUnitName{u.one, u.many, u.fem}
		}
	}
	return m
}()

func esMeasure(c *context, m match) (string, bool) {
	unit := m.get("unit")
	u, ok := esUnits[unit]
	if !ok && utf8.RuneCountInString(unit) > 1 {
		// "KM", "Kg"; a letter alone keeps its case ("5G" is no gram).
		u, ok = esUnits[strings.ToLower(unit)]
	}
	if !ok {
		return "", false
	}
	g := esMasc
	if u.fem {
		g = esFem
	}
	num := m.get("num")
	var s string
	switch {
	case strings.Contains(num, "/"):
		// "1/2 mm" medio milímetro, "3/5 mph" tres quintos de milla por
		// hora, "1 1/2 m" uno y medio metro.
		whole, frac, mixed := strings.Cut(num, " ")
		if !mixed {
			frac, whole = whole, ""
		}
		a, b, _ := strings.Cut(frac, "/")
		if b == "2" && a == "1" {
			half := "medio"
			if u.fem {
				half = "media"
			}
			if whole != "" {
				s = esCardinal(whole, esAlone) + " y " + half + " " + u.one
			} else {
				s = half + " " + u.one
			}
			break
		}
		s = esFractionText(a, b, g)
		if whole != "" {
			s = esCardinal(whole, esAlone) + " y " + s
		}
		s += " de " + u.one
	default:
		n := esSeps.parseNumber(num)
		name := u.many
		if trimZeros(n.whole) == "1" && !n.point {
			name = u.one
		}
		ng := g
		if n.point || unit == "%" {
			ng = esAlone
			if u.fem {
				ng = esFem
			}
		}
		s = esDecimal(n, ng) + " " + name
	}
	if m.get("sign") != "" {
		s = "menos " + s
	}
	return s, true
}

func esMeasurePer(c *context, m match) (string, bool) {
	u, ok := esUnits[m.get("per")]
	if !ok {
		return "", false
	}
	return esDecimal(esSeps.parseNumber(m.get("num")), esAlone) + " por " + u.one, true
}

// --- fractions ---

var esDenominators = map[int64]string{2: "medio", 3: "tercio", 4: "cuarto", 5: "quinto", 6: "sexto", 7: "séptimo", 8: "octavo",
	9: "noveno", 10: "décimo", 20: "vigésimo"}

// esFractionText says a/b: "un tercio", "dos quintos", "un onceavo", "un
// milésimo", "uno sobre ciento uno".
func esFractionText(a, b string, g esGender) string {
	bv := atoi(b)
	if bv == 0 || len(b) > 12 {
		return ""
	}
	var d string
	switch {
	case esDenominators[bv] != "":
		d = esDenominators[bv]
	case bv > 10 && bv < 100 && (bv < 30 || bv%10 == 0):
		d = esAvo(bv)
	case esRoundDenominator(bv):
		d = esOrdinal(b, esMasc, false)
		d = strings.ReplaceAll(d, " ", "")
		if bv >= 100000 {
			// "cienmilésimo", "cienmillonésimo".
			d = esRoundOrdinal(b)
		}
	default:
		return esCardinal(a, esAlone) + " sobre " + esCardinal(b, esAlone)
	}
	if trimZeros(a) == "1" {
		return "un " + d
	}
	return esCardinal(a, esMasc) + " " + d + "s"
}

// esAvo is the "-avo" fraction word of 11–99: "onceavo", "veintiunavo",
// "treintavo".
func esAvo(n int64) string {
	w := esCardinal(itoa(int(n)), esAlone)
	w = strings.NewReplacer("é", "e", "ó", "o").Replace(w)
	switch {
	case strings.HasSuffix(w, "uno"):
		return strings.TrimSuffix(w, "o") + "avo"
	case strings.HasSuffix(w, "a"):
		return strings.TrimSuffix(w, "a") + "avo" // treinta → treintavo
	case strings.HasSuffix(w, "e") && n%10 == 0:
		return w + "avo"
	}
	return w + "avo"
}

// esRoundDenominator reports whether n is a power of ten or a round
// number of hundreds or thousands, which take ordinal words.
func esRoundDenominator(n int64) bool {
	if n >= 100 && n < 1000 && n%100 == 0 {
		return true
	}
	if n >= 1000 && n < 1000000 && n%1000 == 0 {
		return true
	}
	for p := int64(1000000); p <= 1e15; p *= 10 {
		if n == p {
			return true
		}
	}
	return false
}

// esRoundOrdinal makes one word of a round denominator's ordinal:
// 100000 "cienmilésimo", 100000000 "cienmillonésimo".
func esRoundOrdinal(b string) string {
	v := atoi(b)
	switch {
	case v%1000000 == 0:
		head := v / 1000000
		if head == 1 {
			return "millonésimo"
		}
		return strings.ReplaceAll(esCardinal(itoa(int(head)), esAlone), " ", "") + "millonésimo"
	case v%1000 == 0:
		return strings.ReplaceAll(esCardinal(itoa(int(v/1000)), esAlone), " ", "") + "milésimo"
	}
	return esOrdinal(b, esMasc, false)
}

func esFraction(c *context, m match) (string, bool) {
	a, b := m.get("num"), strings.ReplaceAll(m.get("den"), ".", "")
	if v, ok := enVulgar[m.get("vf")]; ok {
		a, b = v[0], v[1]
	}
	if atoi(b) == 0 {
		return "", false
	}
	if m.get("int") == "" && m.get("sign") == "" && isYearDigits(m.get("den")) {
		// "la ley 7/2024", "el real decreto 463/2020": a number of the
		// year, said as Spain cites its laws; a fraction's denominator is
		// never a year.
		return esCardinal(a, esAlone) + " de " + esCardinal(m.get("den"), esAlone), true
	}
	var s string
	if a == "1" && b == "2" {
		s = "un medio"
		if m.get("int") != "" {
			s = "medio"
		}
	} else {
		s = esFractionText(a, b, esMasc)
	}
	if s == "" {
		return "", false
	}
	if i := m.get("int"); i != "" {
		s = esCardinal(i, esAlone) + " y " + s
	}
	if m.get("sign") != "" {
		s = "menos " + s
	}
	return s, true
}

// --- ordinals ---

func esOrdinalRule(c *context, m match) (string, bool) {
	suf := m.get("suf")
	n := esSeps.parseNumber(m.get("n"))
	if len(n.whole) > 7 {
		return "", false
	}
	g, apocope := esMasc, false
	switch suf {
	case "ª", "ra", "da", "ta", "va", "na", "ma":
		g = esFem
	case "ᵉʳ", "er":
		apocope = true
	}
	if (suf == "°" || suf == "º") && strings.HasPrefix(strings.TrimLeft(c.text[c.end:], " "), "C") {
		return "", false // 28 °C is a temperature
	}
	if next := c.nextWord(); g == esMasc && c.followedBySpace() && isLowerWord(next) && !esFunctionWords[next] {
		// Before the masculine noun it modifies, primero and tercero
		// lose their -o: "1.º lugar" primer lugar, "3.er piso".
		apocope = true
	}
	return esOrdinal(n.whole, g, apocope), true
}

// --- roman numerals ---

func esRoman(c *context, m match) (string, bool) {
	r := m.get("r")
	v := romanValue(strings.ToUpper(r))
	if v == 0 {
		return "", false
	}
	prev := c.prevWord()
	lower := r == strings.ToLower(r)
	raw := c.prevRaw()
	switch {
	case prev == "siglo" || prev == "siglos" || prev == "capítulo" || prev == "tomo" || prev == "volumen" || prev == "parte":
		return esCardinal(itoa(v), esAlone), true
	case lower && (len(r) < 2 || esRomanWords[r] || !esRegnalNames[prev] || v >= 40):
		// Text in lower case has no capital to say a name: a numeral is
		// read only after a name monarchs and popes bear, and only as
		// high as their numbers go, "maría vii", "carlos iii"; "mi",
		// "vi", "di", "aaa ccc" and "carlos mmm" stay words.
		return "", false
	case lower:
	case c.alone() && len(r) <= 3:
		// A numeral on its own ("V"): an ordinal.
	case raw == "" || !isLetters(raw) || !unicode.IsUpper([]rune(raw)[0]):
		return "", false
	case len([]rune(raw)) >= 2 && raw == strings.ToUpper(raw):
		return "", false // "OS X": a product's name after an acronym
	case len(r) == 1 && r != "I" && r != "V" && r != "X":
		return "", false // "vitamina C", "grupo D"
	}
	// After a name: an ordinal up to ten, then cardinals ("Alfonso trece");
	// a name that ends in -a is a woman's ("Isabel" is an exception the
	// tables do not know).
	if v > 10 {
		return esCardinal(itoa(v), esAlone), true
	}
	g := esMasc
	if strings.HasSuffix(prev, "a") {
		g = esFem
	}
	return esOrdinal(itoa(v), g, false), true
}

// esRomanWords are Spanish words and lower-case abbreviations that are
// Roman numerals too ("mil", "5 cc", "cm", "mm").
var esRomanWords = set("mi", "di", "vi", "ci", "li", "dl", "cv", "mix", "xl", "mil", "cc", "cd", "cm", "mm", "dc", "cl", "ml")

// esRegnalNames are the given names of kings, queens and popes that a
// Roman numeral follows in Spanish text; only after one of them is a
// numeral in lower case read as such.
var esRegnalNames = set("alfonso", "alejandro", "ana", "benedicto", "bonifacio", "carlos", "catalina", "clemente", "constantino",
	"eduardo", "enrique", "felipe", "fernando", "federico", "francisco", "gregorio", "guillermo", "gustavo", "inocencio", "isabel",
	"jacobo", "jaime", "jorge", "juan", "juana", "león", "leon", "luis", "margarita", "maría", "maria", "martín", "napoleón",
	"pablo", "pedro", "pío", "pio", "ramiro", "ricardo", "sancho", "sixto", "urbano", "víctor", "victor")

// --- cardinals ---

// esScaled says a number with its scale word, "mill." (the press's
// millions) written out: "un millón", "cinco millones", "uno coma cinco
// millones".
func esScaled(n number, scale string) string {
	g := esMasc
	if n.point {
		g = esAlone
	}
	scale = strings.ToLower(scale)
	if scale == "mill." {
		scale = "millones"
		if !n.point && trimZeros(n.whole) == "1" {
			scale = "millón"
		}
	}
	return words(esDecimal(n, g), scale)
}

func esNumber(c *context, m match) (string, bool) {
	sign, text := m.get("sign"), m.get("num")
	if sign != "" {
		prev := []rune(c.text[:c.start])
		if len(prev) > 0 && isWordRune(prev[len(prev)-1]) {
			return "", false
		}
	}
	n := esSeps.parseNumber(text)
	if sign == "-" || sign == "−" {
		n.neg = true
	}
	plus := ""
	if sign == "+" {
		plus = "más"
	}
	if scale := m.get("scale"); scale != "" {
		return words(plus, esScaled(n, scale)), true // "un millón", but "uno coma cinco millones"
	}
	if !n.point && !n.grouped && len(n.whole) > 1 && n.whole[0] == '0' {
		// "060", "007": a code or a number to dial, digit by digit.
		return words(plus, esDigits(n.whole)), true
	}
	g := esAlone
	if !n.point {
		g = esGenderOfNext(c)
	}
	said := esDecimal(n, g)
	if g != esAlone && !n.point {
		said = esDeAfterMillions(said) // "un millón de personas"
	}
	return words(plus, said), true
}

// esDeAfterMillions puts "de" after a count that ends in a whole number
// of millions or more, before the noun it counts: "dos millones de
// euros", "mil millones de dólares", but "un millón doscientas mil
// personas". Millón and its kin are nouns; mil is not.
func esDeAfterMillions(said string) string {
	last := said[strings.LastIndexByte(said, ' ')+1:]
	switch last {
	case "millón", "millones", "billón", "billones", "trillón", "trillones":
		return said + " de"
	}
	return said
}

// esFunctionWords are Spanish words that never are the noun after a
// number: prepositions, articles, conjunctions, pronouns.
var esFunctionWords = set("a", "al", "de", "del", "en", "y", "e", "o", "u", "ni", "por", "para", "con", "sin", "que", "el", "la", "los", "las",
	"lo", "se", "es", "son", "fue", "hasta", "desde", "entre", "sobre", "contra", "según", "como", "más", "menos")

// esFeminineNouns are common feminine nouns whose ending does not say so
// (in -e, -z, a consonant), singular and plural: "veintiuna mujeres",
// "doscientas veces".
var esFeminineNouns = set("mujer", "mujeres", "vez", "veces", "noche", "noches", "calle", "calles", "ley", "leyes", "red", "redes",
	"parte", "partes", "muerte", "muertes", "fuente", "fuentes", "clase", "clases", "frase", "frases", "base", "bases", "fase", "fases",
	"llave", "llaves", "nave", "naves", "ave", "aves", "torre", "torres", "flor", "flores", "cárcel", "cárceles", "imagen", "imágenes",
	"sede", "sedes", "tarde", "tardes", "mente", "mentes", "madre", "madres", "piel", "pieles", "voz", "voces", "luz", "luces",
	"cruz", "cruces", "raíz", "raíces", "nariz", "narices", "nuez", "nueces", "catedral", "catedrales", "señal", "señales",
	"especie", "especies", "serie", "series", "superficie", "superficies", "crisis", "tesis", "dosis", "hipótesis", "gente", "gentes",
	"opinión", "opiniones", "región", "regiones", "religión", "religiones", "razón", "razones", "unión", "uniones", "canción", "canciones",
	"labor", "labores", "sal", "miel", "carne", "carnes", "suerte", "leche", "nieve", "sangre", "hambre",
	"costumbre", "costumbres", "lumbre", "cumbre", "cumbres", "muchedumbre", "certidumbre", "incertidumbre")

// esGenderOfNext is the gender of the noun after a number, from its
// ending: -a, -as, -ción, -dad are feminine ("veintiuna libras",
// "doscientas personas"), except the -ma words of Greek origin and día.
func esGenderOfNext(c *context) esGender {
	next := strings.ToLower(c.nextWord())
	switch {
	case next == "" || esFunctionWords[next]:
		// A preposition, article or conjunction is no noun the number
		// counts: "del uno al cinco", "uno de cada tres".
		return esAlone
	case strings.HasSuffix(next, "ma") || strings.HasSuffix(next, "mas") || next == "día" || next == "días" || next == "mapa" || next == "mapas":
		return esMasc
	case strings.HasSuffix(next, "a") || strings.HasSuffix(next, "as") || strings.HasSuffix(next, "ción") || strings.HasSuffix(next, "ciones") ||
		strings.HasSuffix(next, "dad") || strings.HasSuffix(next, "dades") || strings.HasSuffix(next, "sión") || strings.HasSuffix(next, "siones") ||
		strings.HasSuffix(next, "tud") || strings.HasSuffix(next, "tudes") || strings.HasSuffix(next, "umbre") || strings.HasSuffix(next, "umbres") ||
		strings.HasSuffix(next, "itis") || strings.HasSuffix(next, "triz") || strings.HasSuffix(next, "trices") || esFeminineNouns[next]:
		return esFem
	}
	if isLetters(next) && unicode.IsLower([]rune(next)[0]) {
		return esMasc
	}
	return esAlone
}

// --- abbreviations ---

var esAbbrevs = map[string]string{"dr": "doctor", "dra": "doctora", "dña": "doña", "dª": "doña", "sr": "señor", "sra": "señora", "srta": "señorita",
	"esq": "esquina", "pza": "plaza", "ee. uu": "estados unidos", "ee.uu": "estados unidos", "eeuu": "estados unidos",
	"av": "avenida", "avda": "avenida", "etc": "etcétera", "núm": "número", "pág": "página", "págs": "páginas",
	"aprox": "aproximadamente", "dpto": "departamento", "ud": "usted", "uds": "ustedes", "p. ej": "por ejemplo",
	"tel": "teléfono", "admón": "administración", "prof": "profesor", "gral": "general", "lic": "licenciado", "ing": "ingeniero",
	"n.º": "número", "vol": "volumen", "cap": "capítulo", "c": "calle", "col": "colonia", "km": "kilómetro"}

// esNumberAbbrevs are said so only before a number: "art. 155"
// artículo, "cap. 3" capítulo.
var esNumberAbbrevs = map[string]string{"art": "artículo", "arts": "artículos", "cap": "capítulo"}

func esAbbreviation(c *context, m match) (string, bool) {
	w := strings.ToLower(m.get("w"))
	s, ok := esAbbrevs[w]
	if a, isNum := sayBeforeNumber(c, esNumberAbbrevs, w); isNum {
		s, ok = a, true
	}
	if !ok {
		return "", false
	}
	if (w == "c" || w == "km" || w == "col") && !c.nextIsCapital() {
		return "", false
	}
	return s, true
}

// --- ranges ---

func esRanges(p rangePair) (string, bool) {
	if p.by {
		return p.a.spoken + " por " + p.b.spoken, true
	}
	switch {
	case p.spaced && !(p.a.class == Time || p.a.class == Money || p.a.class == Date):
		return "", false
	case p.a.class == Cardinal && (p.b.class == Cardinal || p.b.class == Measure || p.b.class == Money):
		if p.b.class == Cardinal && !(numericValue(strings.ReplaceAll(p.aw, ".", "")) < numericValue(strings.ReplaceAll(p.bw, ".", ""))) {
			return "", false
		}
	case p.a.class == p.b.class:
	default:
		return "", false
	}
	return p.a.spoken + " a " + p.b.spoken, true
}
