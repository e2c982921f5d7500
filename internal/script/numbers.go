package script

import (
	"strings"
)

var (
	ones = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens   = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	scales = []string{"", "thousand", "million", "billion", "trillion", "quadrillion"}
)

// cardinal says n in words: 123 is "one hundred and twenty three" with
// and, "one hundred twenty three" without.
func cardinal(n uint64, and bool) string {
	if n == 0 {
		return "zero"
	}
	var groups []string
	for i := 0; n > 0 && i < len(scales); i++ {
		g := n % 1000
		n /= 1000
		if g == 0 {
			continue
		}
		w := hundreds(int(g), and && (i > 0 || n > 0 || g >= 100))
		if i == 0 && g < 100 && and && len(groups) == 0 && n > 0 {
			w = "and " + w // 18081: eighteen thousand and eighty one
		}
		if scales[i] != "" {
			w += " " + scales[i]
		}
		groups = append([]string{w}, groups...)
	}
	return strings.Join(groups, " ")
}

// hundreds says 1–999.
func hundreds(n int, and bool) string {
	var parts []string
	if n >= 100 {
		parts = append(parts, ones[n/100]+" hundred")
		n %= 100
		if n > 0 && and {
			parts = append(parts, "and")
		}
	}
	if n > 0 {
		parts = append(parts, tensWords(n))
	}
	return strings.Join(parts, " ")
}

func tensWords(n int) string {
	if n < 20 {
		return ones[n]
	}
	if n%10 == 0 {
		return tens[n/10]
	}
	return tens[n/10] + " " + ones[n%10]
}

// ordinalWord turns the last word of a cardinal into its ordinal:
// "twenty three" → "twenty third".
func ordinalWord(words string) string {
	i := strings.LastIndex(words, " ")
	last := words[i+1:]
	irregular := map[string]string{"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
		"nine": "ninth", "twelve": "twelfth"}
	switch {
	case irregular[last] != "":
		last = irregular[last]
	case strings.HasSuffix(last, "y"):
		last = strings.TrimSuffix(last, "y") + "ieth"
	default:
		last += "th"
	}
	return words[:i+1] + last
}

// digits says each digit: "004" → "zero zero four".
func digits(s string) string {
	var out []string
	for _, r := range s {
		if r >= '0' && r <= '9' {
			out = append(out, ones[r-'0'])
		}
	}
	return strings.Join(out, " ")
}

// year says a year the way it is read: 1976 "nineteen seventy six", 2012
// "twenty twelve", 2002 "two thousand two", 1900 "nineteen hundred".
func year(n int) string {
	switch {
	case n >= 2000 && n < 2010:
		return cardinal(uint64(n), false)
	case n < 1000 || n >= 10000:
		return cardinal(uint64(n), false)
	case n%100 == 0:
		return tensWords(n/100) + " hundred"
	case n%100 < 10:
		return tensWords(n/100) + " oh " + ones[n%100]
	}
	return tensWords(n/100) + " " + tensWords(n%100)
}
