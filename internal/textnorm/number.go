package textnorm

import (
	"strings"
)

// number is a written number's parts, separators removed.
type number struct {
	neg     bool
	whole   string // the integer part's digits as written (leading zeros kept); "" for ".5"
	frac    string // the digits after the decimal mark
	point   bool   // a decimal mark was written
	grouped bool   // the integer part was written with group separators
}

// spaceGrouped is an integer whose thousands are grouped with spaces,
// the SI's way and many languages' own ("10 000", "1 000 000"): a plain,
// no-break, narrow no-break or thin space. It starts with a non-zero
// digit, so that a code or a dialling prefix ("030 123") is not read as
// one; a group of plain spaces bordered by more digits is no number
// (numberBorderedByDigits).
const spaceGrouped = `[1-9]\d{0,2}(?:[ \x{a0}\x{202f}\x{2009}]\d{3})+\b`

// separators say how a language writes numbers: the decimal mark and the
// marks that may group thousands.
type separators struct {
	decimal string
	groups  []string
}

// groupedByThree reports whether a number written with the language's
// group marks groups its integer part by three (validGrouping), with
// whichever of the marks it was written ("1,000", "10 000", "1.500,5").
func (s separators) groupedByThree(text string) bool {
	for _, g := range s.groups {
		if strings.Contains(text, g) {
			return validGrouping(text, g)
		}
	}
	return true
}

// parseNumber reads a number the language's way. It accepts only what
// the number regexps match, so it does not check the form again.
func (s separators) parseNumber(text string) number {
	var n number
	text = strings.TrimSpace(text)
	if strings.HasPrefix(text, "-") || strings.HasPrefix(text, "−") {
		n.neg = true
		text = strings.TrimLeft(text, "-−")
	}
	if s.decimal != "" {
		if i := strings.LastIndex(text, s.decimal); i >= 0 {
			n.point = true
			n.frac = text[i+len(s.decimal):]
			text = text[:i]
		}
	}
	for _, g := range s.groups {
		if strings.Contains(text, g) {
			n.grouped = true
			text = strings.ReplaceAll(text, g, "")
		}
	}
	n.whole = text
	return n
}

// trimZeros is digits without leading zeros ("0" for none).
func trimZeros(digits string) string {
	t := strings.TrimLeft(digits, "0")
	if t == "" {
		return "0"
	}
	return t
}

// isZero reports whether digits are all zeros (or empty).
func isZero(digits string) bool { return strings.Trim(digits, "0") == "" }

// atoi reads up to 18 digits; more, or none, is 0.
func atoi(digits string) int64 {
	if digits == "" || len(digits) > 18 {
		return 0
	}
	var v int64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return 0
		}
		v = v*10 + int64(c-'0')
	}
	return v
}

// triads splits digits (no leading zeros) into groups of three from the
// right: "1234567" → ["1", "234", "567"].
func triads(digits string) []int {
	var out []int
	for len(digits) > 0 {
		cut := len(digits) % 3
		if cut == 0 {
			cut = 3
		}
		out = append(out, int(atoi(digits[:cut])))
		digits = digits[cut:]
	}
	return out
}

// romanValue reads a Roman numeral (canonical form only: IIII, IC and the
// like are refused), 0 when it is not one.
func romanValue(s string) int {
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total >= 4000 || toRoman(total) != s {
		return 0
	}
	return total
}

func toRoman(n int) string {
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}
