package textnorm

import "strings"

// German numbers are written here as NeMo's German grammars write them,
// compounds apart ("sechs und zwanzig", "ein hundert"): a voice reads the
// parts as one word, and the spacing keeps them comparable.

var (
	deOnes = []string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
		"elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"}
	deTens = []string{"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"}
	// deScales: singular and plural; a million and up are feminine nouns.
	deScales = [][2]string{{"", ""}, {"tausend", "tausend"}, {"million", "millionen"}, {"milliarde", "milliarden"},
		{"billion", "billionen"}, {"billiarde", "billiarden"}, {"trillion", "trillionen"}, {"trilliarde", "trilliarden"}}
)

// deForm is how a German number that ends in one is said: "eins" on its
// own, "ein" before a masculine or neuter noun ("ein Uhr", "ein Meter"),
// "eine" before a feminine one ("eine Stunde").
type deForm int

const (
	deAlone deForm = iota
	deMasc
	deFem
)

// deCardinal says digits in German.
func deCardinal(digits string, form deForm) string {
	digits = trimZeros(digits)
	if digits == "0" {
		return "null"
	}
	groups := triads(digits)
	if len(groups) > len(deScales) {
		return deDigits(digits)
	}
	var parts []string
	for i, g := range groups {
		scale := len(groups) - 1 - i
		if g == 0 {
			continue
		}
		switch {
		case scale >= 2:
			// "eine million", "zwei millionen".
			if g == 1 {
				parts = append(parts, "eine "+deScales[scale][0])
			} else {
				parts = append(parts, deHundreds(g, deAlone)+" "+deScales[scale][1])
			}
		case scale == 1:
			parts = append(parts, deHundreds(g, deMasc)+" tausend")
		default:
			parts = append(parts, deHundreds(g, form))
		}
	}
	return strings.Join(parts, " ")
}

// deHundreds says 1–999; form applies to a final one.
func deHundreds(n int, form deForm) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, deOne(n/100, deMasc)+" hundert")
		n %= 100
	}
	switch {
	case n == 0:
	case n < 20:
		parts = append(parts, deOne(n, form))
	case n%10 == 0:
		parts = append(parts, deTens[n/10])
	default:
		parts = append(parts, deOne(n%10, deMasc)+" und "+deTens[n/10])
	}
	return strings.Join(parts, " ")
}

func deOne(n int, form deForm) string {
	if n == 1 {
		switch form {
		case deMasc:
			return "ein"
		case deFem:
			return "eine"
		}
	}
	return deOnes[n]
}

func deDigits(s string) string {
	var out []string
	for _, r := range s {
		if r >= '0' && r <= '9' {
			out = append(out, deOnes[r-'0'])
		}
	}
	return strings.Join(out, " ")
}

// deOrdinalStem is the ordinal without its ending: "zweit", "dritt",
// "zwanzigst", "ein hundert ein und zwanzigst", "ein tausendst".
func deOrdinalStem(digits string) string {
	digits = trimZeros(digits)
	v := atoi(digits)
	if len(digits) <= 2 && v < 20 {
		switch v {
		case 1:
			return "erst"
		case 3:
			return "dritt"
		case 7:
			return "siebt"
		case 8:
			return "acht"
		}
		return deOnes[v] + "t"
	}
	last := int(v % 100)
	if last > 0 && last < 20 && len(digits) > 2 {
		// 101: "ein hundert erst"; 111: "ein hundert elft".
		head := digits[:len(digits)-2] + "00"
		return deCardinal(head, deMasc) + " " + deOrdinalStem(itoa(last))
	}
	c := deCardinal(digits, deMasc)
	if strings.HasSuffix(c, "eine million") {
		c = strings.TrimSuffix(c, "eine million") + "eine million" // eine millionste
	}
	return c + "st"
}

// deOrdinal is the ordinal with an adjective ending: "er" (der
// zweite → zweiter on its own), "e", "en", "em", "es".
func deOrdinal(digits, ending string) string { return deOrdinalStem(digits) + ending }

// deYear says a year: 1980 "neunzehn hundert achtzig", 2013 "zwei tausend
// dreizehn".
func deYear(y int) string {
	if y >= 1100 && y < 2000 {
		s := deOnes[y/100] + " hundert"
		if r := y % 100; r > 0 {
			s += " " + deHundreds(r, deAlone)
		}
		return s
	}
	return deCardinal(itoa(y), deAlone)
}

// deDecimal says "818,303" as "acht hundert achtzehn komma drei null drei".
func deDecimal(n number, form deForm) string {
	s := deCardinal(n.whole, form)
	if n.whole == "" {
		s = "null"
	}
	if n.point && n.frac != "" {
		s = deCardinal(n.whole, deAlone) + " komma " + deDigits(n.frac)
	}
	if n.neg {
		s = "minus " + s
	}
	return s
}

// deMonths are nouns, written with a capital as German writes them.
var deMonths = []string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// deMonthNumber is a month's number from its German name or abbreviation.
func deMonthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for i, m := range deMonths[1:] {
		m = strings.ToLower(m)
		if s == m || strings.HasPrefix(m, s) || (s == "mrz" && i == 2) || (s == "sept" && i == 8) {
			return i + 1
		}
	}
	return 0
}
