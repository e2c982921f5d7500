package textnorm

import (
	"math/big"
	"strings"
)

// This file is an independent reader of spoken English numbers, the
// oracle the property tests check the verbalizers against. It shares no
// code or tables with the verbalizers: it parses words back into values
// with its own grammar (a sum of hundreds times scales), and it knows the
// other readings English uses for digits: one by one ("zero zero four")
// and in pairs, as years are said ("nineteen oh five").

var oracleSmall = func() map[string]int64 {
	m := map[string]int64{}
	for i, w := range strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen") {
		m[w] = int64(i)
	}
	for i, w := range strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety") {
		m[w] = int64(20 + 10*i)
	}
	return m
}()

var oracleScales = map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "quadrillion": 15, "quintillion": 18, "sextillion": 21}

// oracleCardinal reads a cardinal in words strictly: "one hundred and
// twenty three thousand four". It refuses what a cardinal cannot be
// ("nineteen seventy", "two one").
func oracleCardinal(words []string) (*big.Int, bool) {
	total := new(big.Int)
	var group int64 = -1 // the value under a thousand being read; -1: none yet
	lastScale := 100     // scales must fall: "thousand million" is not a number
	prev := ""           // the kind of the previous word: unit, teen, tens, hundred, scale, and
	for i, w := range words {
		switch {
		case w == "and":
			if prev != "hundred" && prev != "scale" || i == len(words)-1 {
				return nil, false
			}
			prev = "and"
		case w == "hundred":
			if group < 1 || group > 9 || prev == "hundred" {
				return nil, false
			}
			group *= 100
			prev = "hundred"
		case oracleScales[w] > 0:
			if group < 1 || oracleScales[w] >= lastScale {
				return nil, false
			}
			lastScale = oracleScales[w]
			add := new(big.Int).Mul(big.NewInt(group), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(oracleScales[w])), nil))
			total.Add(total, add)
			group = -1
			prev = "scale"
		default:
			v, ok := oracleSmall[w]
			if !ok {
				return nil, false
			}
			kind := "unit"
			if v >= 10 && v < 20 {
				kind = "teen"
			} else if v >= 20 {
				kind = "tens"
			}
			switch prev {
			case "unit", "teen":
				return nil, false
			case "tens":
				if kind != "unit" || v == 0 {
					return nil, false
				}
			}
			if group > 0 && group%100 != 0 && kind != "unit" {
				return nil, false
			}
			if v == 0 && (len(words) > 1) {
				return nil, false
			}
			if group < 0 {
				group = 0
			}
			group += v
			prev = kind
		}
	}
	if prev == "and" {
		return nil, false
	}
	if group > 0 || (group == 0 && len(words) == 1) {
		total.Add(total, big.NewInt(group))
	}
	if len(words) == 0 {
		return nil, false
	}
	return total, true
}

// oracleDigits reads digits said one by one: "zero zero four" → "004".
func oracleDigits(words []string) (string, bool) {
	var b strings.Builder
	for _, w := range words {
		v, ok := oracleSmall[w]
		if !ok || v > 9 {
			if w == "oh" {
				b.WriteByte('0')
				continue
			}
			return "", false
		}
		b.WriteByte(byte('0' + v))
	}
	return b.String(), len(words) > 1
}

// oracleYear reads a year said in pairs: "nineteen seventy six", "twenty
// twelve", "nineteen oh five", "nineteen hundred".
func oracleYear(words []string) (int64, bool) {
	if len(words) < 2 {
		return 0, false
	}
	hi, ok := oracleSmall[words[0]]
	if !ok || hi < 10 {
		return 0, false
	}
	rest := words[1:]
	switch {
	case len(rest) == 1 && rest[0] == "hundred":
		return hi * 100, true
	case len(rest) == 2 && rest[0] == "oh":
		lo, ok := oracleSmall[rest[1]]
		return hi*100 + lo, ok && lo >= 1 && lo <= 9
	}
	lo, ok := oracleCardinal(rest)
	if !ok || lo.Int64() < 10 || lo.Int64() > 99 {
		return 0, false
	}
	return hi*100 + lo.Int64(), true
}

// oracleNumber reads any spoken reading of a whole number back, as its
// decimal digits (with a leading "-" for "minus"): a cardinal, digits one
// by one, or a year.
func oracleNumber(spoken string) (string, bool) {
	words := strings.Fields(strings.ToLower(spoken))
	sign := ""
	if len(words) > 0 && words[0] == "minus" {
		sign, words = "-", words[1:]
	}
	if v, ok := oracleCardinal(words); ok {
		return sign + v.String(), true
	}
	if y, ok := oracleYear(words); ok {
		return sign + itoaOracle(y), true
	}
	if d, ok := oracleDigits(words); ok {
		return sign + d, true
	}
	return "", false
}

func itoaOracle(v int64) string { return new(big.Int).SetInt64(v).String() }

// oracleDecimal reads "twelve point zero five" → "12.05".
func oracleDecimal(spoken string) (string, bool) {
	whole, frac, ok := strings.Cut(spoken, " point ")
	if strings.HasPrefix(spoken, "point ") {
		whole, frac, ok = "", strings.TrimPrefix(spoken, "point "), true
	}
	if !ok {
		return oracleNumber(spoken)
	}
	w := ""
	if whole != "" && whole != "minus" {
		var okw bool
		if w, okw = oracleNumber(whole); !okw {
			return "", false
		}
	}
	d, okd := oracleDigits(append(strings.Fields(frac), "zero")) // at least two words
	if !okd {
		return "", false
	}
	return w + "." + d[:len(d)-1], true
}

// oracleOrdinal reads an ordinal's last word back to its cardinal and
// reads the whole: "twenty third" → 23.
func oracleOrdinal(spoken string) (string, bool) {
	words := strings.Fields(spoken)
	if len(words) == 0 {
		return "", false
	}
	last := words[len(words)-1]
	irregular := map[string]string{"first": "one", "second": "two", "third": "three", "fifth": "five", "eighth": "eight",
		"ninth": "nine", "twelfth": "twelve"}
	switch {
	case irregular[last] != "":
		last = irregular[last]
	case strings.HasSuffix(last, "ieth"):
		last = strings.TrimSuffix(last, "ieth") + "y"
	case strings.HasSuffix(last, "th"):
		last = strings.TrimSuffix(last, "th")
	default:
		return "", false
	}
	words[len(words)-1] = last
	return oracleNumber(strings.Join(words, " "))
}
