package textnorm

import (
	"strings"
)

// Russian and Ukrainian numbers agree with what they count in gender and
// case, and what they count agrees with them in number. slavic holds one
// language's tables; its methods build cardinals and ordinals in any
// gender and case from them.
type slavic struct {
	// units[n][case] for 0–19, tens[n/10][case], hundreds[n/100][case];
	// one and two have gendered forms.
	units    [20][6]string
	tens     [10][6]string
	hundreds [10][6]string
	oneFem   [6]string // одна, одной…
	oneNeut  string    // одно
	twoFem   string    // две, дві
	// scales: the nouns for 10^3, 10^6, 10^9…: [form][case] where form is
	// singular or plural.
	scales   [][2][6]string
	scaleFem []bool // тысяча is feminine
	// fewIsPlural: Ukrainian puts a noun after 2–4 in the nominative
	// plural ("дві тисячі"), Russian in the genitive singular ("две
	// тысячи", which the tables give as the singular's genitive).
	fewIsPlural bool
	// ordinal stems and their declension (hard -ый, stressed -ой, soft
	// -ий) for 1–19, tens, hundreds; thousands and up are built.
	ordUnits    [20]ordStem
	ordTens     [10]ordStem
	ordHundreds [10]ordStem
	ordThousand string // "тысячн"
	ordScale    []string
	endings     map[string]map[string]string // declension type → form key → ending
	zero        string
	minus       string
	// decimals: "целых"/"цілих", and the fraction names by digit count.
	whole        [3]string // одна целая, две целых, пять целых
	fractionName [][3]string
}

// ordStem is an ordinal's stem and its declension type.
type ordStem struct {
	stem, kind string
}

// Cases, in this order in every table.
const (
	nom = iota
	gen
	dat
	ins
	prep
	acc
)

// Genders and number of what is counted.
type sGender int

const (
	masc sGender = iota
	fem
	neut
	plur
)

// form is a declension key: gender (or plural) and case.
func formKey(g sGender, c int) string {
	gs := []string{"m", "f", "n", "p"}[g]
	cs := []string{"nom", "gen", "dat", "ins", "prep", "acc"}[c]
	return gs + "." + cs
}

// pluralClass says which form a noun takes after n: 0 one, 1 few (2–4),
// 2 many; 11–14 are many.
func pluralClass(digits string) int {
	v := atoi(trimZeros(digits)) // the last digits are enough
	if len(digits) > 2 {
		v = atoi(digits[len(digits)-2:])
	}
	switch {
	case v%100 >= 11 && v%100 <= 14:
		return 2
	case v%10 == 1:
		return 0
	case v%10 >= 2 && v%10 <= 4:
		return 1
	}
	return 2
}

// cardinal says digits in gender g and case c. Leading zeros are dropped.
func (s *slavic) cardinal(digits string, g sGender, c int) string {
	digits = trimZeros(digits)
	if digits == "0" {
		return s.zero
	}
	groups := triads(digits)
	if len(groups) > len(s.scales)+1 {
		return s.digits(digits)
	}
	var parts []string
	for i, grp := range groups {
		scale := len(groups) - 1 - i
		if grp == 0 {
			continue
		}
		if scale == 0 {
			parts = append(parts, s.belowThousand(grp, g, c))
			continue
		}
		sg := masc
		if s.scaleFem[scale-1] {
			sg = fem
		}
		num := s.belowThousand(grp, sg, c)
		noun := s.scaleNoun(scale-1, itoa(grp), c)
		parts = append(parts, num+" "+noun)
	}
	return strings.Join(parts, " ")
}

// scaleNoun is the scale word (тысяча, миллион…) after a number, in case c.
func (s *slavic) scaleNoun(i int, n string, c int) string {
	forms := s.scales[i]
	switch c {
	case nom, acc:
		switch pluralClass(n) {
		case 0:
			if c == acc && s.scaleFem[i] {
				return forms[0][acc]
			}
			return forms[0][nom]
		case 1:
			if s.fewIsPlural {
				return forms[1][nom]
			}
			return forms[0][gen]
		}
		return forms[1][gen]
	}
	if pluralClass(n) == 0 {
		return forms[0][c]
	}
	return forms[1][c]
}

// belowThousand says 1–999.
func (s *slavic) belowThousand(n int, g sGender, c int) string {
	var parts []string
	if h := n / 100; h > 0 {
		parts = append(parts, s.hundreds[h][c])
	}
	r := n % 100
	switch {
	case r == 0:
	case r < 20:
		parts = append(parts, s.unit(r, g, c))
	default:
		parts = append(parts, s.tens[r/10][c])
		if r%10 > 0 {
			parts = append(parts, s.unit(r%10, g, c))
		}
	}
	return strings.Join(parts, " ")
}

// unit says 1–19 in a gender and case.
func (s *slavic) unit(n int, g sGender, c int) string {
	switch {
	case n == 1 && g == fem:
		return s.oneFem[c]
	case n == 1 && g == neut && (c == nom || c == acc):
		return s.oneNeut
	case n == 2 && g == fem && (c == nom || c == acc):
		return s.twoFem
	case n == 1 && g == masc && c == acc:
		return s.units[1][nom] // accusative of an inanimate noun
	}
	if c == acc {
		return s.units[n][nom]
	}
	return s.units[n][c]
}

func (s *slavic) digits(d string) string {
	var out []string
	for _, r := range d {
		if r >= '0' && r <= '9' {
			out = append(out, s.units[r-'0'][nom])
		}
	}
	return strings.Join(out, " ")
}

// ordinal says digits as an ordinal in gender (or plural) g and case c:
// only the last word declines, the words before it are cardinals
// ("две тысячи двадцать четвертом").
func (s *slavic) ordinal(digits string, g sGender, c int) string {
	digits = trimZeros(digits)
	v := atoi(digits)
	if len(digits) > 15 || v == 0 {
		return s.cardinal(digits, masc, c)
	}
	groups := triads(digits)
	// The last non-zero group carries the ordinal; groups before it are
	// cardinals in the nominative.
	last := len(groups) - 1
	for groups[last] == 0 {
		last--
	}
	scale := len(groups) - 1 - last
	var head []string
	for i := 0; i < last; i++ {
		if groups[i] == 0 {
			continue
		}
		sc := len(groups) - 1 - i
		sg := masc
		if s.scaleFem[sc-1] {
			sg = fem
		}
		noun := s.scaleNoun(sc-1, itoa(groups[i]), nom)
		if groups[i] == 1 && sc == 1 {
			head = append(head, noun) // "тысяча девятьсот пятый": no "одна"
			continue
		}
		head = append(head, s.belowThousand(groups[i], sg, nom)+" "+noun)
	}
	grp := groups[last]
	var stem ordStem
	if scale == 0 {
		// Within the last group: cardinal hundreds and tens before the
		// ordinal word.
		h, r := grp/100, grp%100
		switch {
		case r == 0:
			stem = s.ordHundreds[h]
		case r < 20:
			if h > 0 {
				head = append(head, s.hundreds[h][nom])
			}
			stem = s.ordUnits[r]
		case r%10 == 0:
			if h > 0 {
				head = append(head, s.hundreds[h][nom])
			}
			stem = s.ordTens[r/10]
		default:
			if h > 0 {
				head = append(head, s.hundreds[h][nom])
			}
			head = append(head, s.tens[r/10][nom])
			stem = s.ordUnits[r%10]
		}
	} else {
		// 1000th, 2000th, 21000th: one word, the number's genitive
		// joined to the scale's ordinal ("двухтысячный").
		prefix := ""
		if grp > 1 {
			prefix = strings.ReplaceAll(s.belowThousand(grp, masc, gen), " ", "")
		}
		name := s.ordThousand
		if scale > 1 {
			name = s.ordScale[scale-2]
		}
		stem = ordStem{prefix + name, "hard"}
	}
	word := stem.stem + s.endings[stem.kind][formKey(g, c)]
	return strings.Join(append(head, word), " ")
}

// agree declines an adjective given in the feminine nominative ("целая",
// "десятая") in case c, after the number digits: feminine after one
// (21, 31…), plural after others.
func (s *slavic) agree(adjective, digits string, c int) string {
	stem := strings.TrimSuffix(adjective, s.endings["hard"][formKey(fem, nom)])
	g := plur
	if pluralClass(digits) == 0 && trimZeros(digits) != "0" {
		g = fem
	}
	return stem + s.endings["hard"][formKey(g, c)]
}

// decimal says "3,02" as "три целых две сотых": the whole part and the
// fraction's numerator are feminine, the fraction named by its digits.
func (s *slavic) decimal(n number, c int) string {
	if !n.point || n.frac == "" {
		out := s.cardinal(n.whole, masc, c)
		if n.neg {
			out = s.minus + " " + out
		}
		return out
	}
	whole := n.whole
	if whole == "" {
		whole = "0"
	}
	k := len(n.frac)
	if k > len(s.fractionName) {
		return s.cardinal(whole, fem, nom) + " " + s.minus + " " + s.digits(n.frac) // never: the rules cap it
	}
	wv := pluralClass(whole)
	wholeWord := s.whole[2]
	if wv == 0 {
		wholeWord = s.whole[0]
	} else if wv == 1 {
		wholeWord = s.whole[1]
	}
	if trimZeros(whole) == "0" {
		wholeWord = s.whole[2]
	}
	num := trimZeros(n.frac)
	names := s.fractionName[k-1]
	name := names[1]
	if pluralClass(num) == 0 {
		name = names[0]
	}
	out := s.cardinal(whole, fem, nom) + " " + wholeWord + " " + s.cardinal(num, fem, nom) + " " + name
	if c != nom && c != acc {
		// In the other cases the words agree with the numbers, as
		// adjectives: "около одной целой пяти десятых", "двум целым".
		out = s.cardinal(whole, fem, c) + " " + s.agree(s.whole[0], whole, c) + " " + s.cardinal(num, fem, c) + " " + s.agree(names[0], num, c)
	}
	if n.neg {
		out = s.minus + " " + out
	}
	return out
}
