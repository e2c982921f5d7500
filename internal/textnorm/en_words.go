package textnorm

import (
	"strings"
)

var (
	enOnes = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	enTens   = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	enScales = []string{"", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion", "sextillion"}
)

// enCardinal says an integer given as digits: 123 is "one hundred and
// twenty three" with and, "one hundred twenty three" without. British
// usage puts "and" before the last part under a hundred; aloud does so for
// numbers under a million (123,000,012 reads better without). Numbers too
// long for the scale words are read digit by digit.
func enCardinal(digits string, and bool) string {
	digits = trimZeros(digits)
	if digits == "0" {
		return "zero"
	}
	groups := triads(digits)
	if len(groups) > len(enScales) {
		return enDigits(digits)
	}
	and = and && len(groups) <= 2
	var parts []string
	for i, g := range groups {
		scale := len(groups) - 1 - i
		if g == 0 {
			continue
		}
		last := scale == 0
		w := enHundreds(g, and)
		if last && g < 100 && and && len(parts) > 0 {
			w = "and " + w // 18,081: eighteen thousand and eighty one
		}
		if enScales[scale] != "" {
			w += " " + enScales[scale]
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// enHundreds says 1–999.
func enHundreds(n int, and bool) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, enOnes[n/100]+" hundred")
		n %= 100
		if n > 0 && and {
			parts = append(parts, "and")
		}
	}
	if n > 0 {
		parts = append(parts, enTensWords(n))
	}
	return strings.Join(parts, " ")
}

func enTensWords(n int) string {
	if n < 20 {
		return enOnes[n]
	}
	if n%10 == 0 {
		return enTens[n/10]
	}
	return enTens[n/10] + " " + enOnes[n%10]
}

// enOrdinalWords turns the last word of a cardinal into its ordinal:
// "twenty three" → "twenty third".
func enOrdinalWords(cardinal string) string {
	i := strings.LastIndex(cardinal, " ")
	last := cardinal[i+1:]
	switch {
	case enIrregularOrdinal[last] != "":
		last = enIrregularOrdinal[last]
	case strings.HasSuffix(last, "y"):
		last = strings.TrimSuffix(last, "y") + "ieth"
	default:
		last += "th"
	}
	return cardinal[:i+1] + last
}

var enIrregularOrdinal = map[string]string{"one": "first", "two": "second", "three": "third", "five": "fifth",
	"eight": "eighth", "nine": "ninth", "twelve": "twelfth"}

// enOrdinal says the ordinal of digits: "21" → "twenty first".
func enOrdinal(digits string) string { return enOrdinalWords(enCardinal(digits, false)) }

// enDigits says each digit: "004" → "zero zero four".
func enDigits(s string) string {
	var out []string
	for _, r := range s {
		if r >= '0' && r <= '9' {
			out = append(out, enOnes[r-'0'])
		}
	}
	return strings.Join(out, " ")
}

// enYear says a year the way it is read: 1976 "nineteen seventy six",
// 2012 "twenty twelve", 2002 "two thousand two", 1900 "nineteen hundred",
// 1905 "nineteen oh five", 800 "eight hundred".
func enYear(y int) string {
	switch {
	case y < 1000 || y >= 10000 || y%1000 == 0:
		return enCardinal(itoa(y), false)
	case y >= 2000 && y < 2010:
		return enCardinal(itoa(y), false)
	case y%100 == 0:
		return enTensWords(y/100) + " hundred"
	case y%100 < 10:
		return enTensWords(y/100) + " oh " + enOnes[y%100]
	}
	return enTensWords(y/100) + " " + enTensWords(y%100)
}

// enTwoDigitYear says '98 or 05: "ninety eight", "oh five".
func enTwoDigitYear(n int) string {
	if n < 10 {
		return "oh " + enOnes[n]
	}
	return enTensWords(n)
}

// enPlural makes a plural of a number word or unit name.
func enPlural(w string) string {
	switch {
	case strings.HasSuffix(w, "y") && !strings.HasSuffix(w, "ay") && !strings.HasSuffix(w, "ey"):
		return strings.TrimSuffix(w, "y") + "ies"
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "ch"):
		return w + "es"
	}
	return w + "s"
}

// enDecimal says a decimal number: "12.05" → "twelve point zero five",
// ".5" → "point five", "-0.4" → "minus zero point four". and as in
// enCardinal.
func enDecimal(n number, and bool) string {
	var s string
	switch {
	case n.whole == "" && n.point:
		s = "point " + enDigits(n.frac)
	case n.point && n.frac != "":
		s = enInteger(n.whole, and) + " point " + enDigits(n.frac)
	default:
		s = enInteger(n.whole, and)
	}
	if n.neg {
		s = "minus " + s
	}
	return s
}

// enInteger says an integer part: with leading zeros digit by digit
// ("007"), else as a cardinal.
func enInteger(digits string, and bool) string {
	if len(digits) > 1 && digits[0] == '0' {
		return enDigits(digits)
	}
	return enCardinal(digits, and)
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// enLetters spells a run of letters: "FR" → "F R"? No: a run read as a
// word stays; spell is for what voices would otherwise read as a word
// (lower-case abbreviations): "ab" → "a b".
func spellLetters(s string) string {
	var out []string
	for _, r := range s {
		out = append(out, string(r))
	}
	return strings.Join(out, " ")
}
