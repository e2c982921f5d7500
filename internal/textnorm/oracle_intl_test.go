package textnorm

import (
	"math/big"
	"regexp"
	"strings"
)

// Independent readers of spoken German, Spanish, Russian and Ukrainian
// numbers, for the property tests. Like the English one, they share no
// tables or code with the verbalizers: each recognizes number words with
// its own patterns (Russian and Ukrainian by stems, so that any case form
// is read) and adds them up with its own grammar.

// wordValue is what a number word means: a value to add, a multiplier of
// the group (hundert, hundred), or a scale that closes a group.
type wordValue struct {
	value int64
	kind  string // "n" number, "h" hundred multiplier, "s" scale (power of ten in value)
}

// sumWords adds up number words: groups of numbers and hundreds, each
// closed by a scale. It refuses a scale that does not fall, and a group
// that is empty before a scale. Unknown words make it fail.
func sumWords(ws []string, lookup func(string) (wordValue, bool)) (*big.Int, bool) {
	total := new(big.Int)
	var group int64
	seen := false
	last := 100
	for _, w := range ws {
		v, ok := lookup(w)
		if !ok {
			return nil, false
		}
		switch v.kind {
		case "n":
			group += v.value
			seen = true
		case "h":
			if group == 0 {
				group = 1
			}
			group *= 100
			seen = true
		case "s":
			if group == 0 {
				group = 1
			}
			if int(v.value) >= last {
				return nil, false
			}
			last = int(v.value)
			total.Add(total, new(big.Int).Mul(big.NewInt(group), new(big.Int).Exp(big.NewInt(10), big.NewInt(v.value), nil)))
			group = 0
			seen = true
		}
	}
	if !seen {
		return nil, false
	}
	return total.Add(total, big.NewInt(group)), true
}

// --- German ---

var deOracleWords = func() map[string]wordValue {
	m := map[string]wordValue{}
	for i, w := range strings.Fields("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn") {
		m[w] = wordValue{int64(i), "n"}
	}
	m["ein"], m["eine"] = wordValue{1, "n"}, wordValue{1, "n"}
	for i, w := range strings.Fields("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig") {
		m[w] = wordValue{int64(20 + 10*i), "n"}
	}
	m["hundert"] = wordValue{0, "h"}
	m["und"] = wordValue{0, "n"}
	for w, p := range map[string]int64{"tausend": 3, "million": 6, "millionen": 6, "milliarde": 9, "milliarden": 9, "billion": 12,
		"billionen": 12, "billiarde": 15, "billiarden": 15, "trillion": 18, "trillionen": 18} {
		m[w] = wordValue{p, "s"}
	}
	return m
}()

// oracleDe reads a German number; "minus" makes it negative.
func oracleDe(spoken string) (string, bool) {
	ws := strings.Fields(spoken)
	sign := ""
	if len(ws) > 0 && ws[0] == "minus" {
		sign, ws = "-", ws[1:]
	}
	v, ok := sumWords(ws, func(w string) (wordValue, bool) { v, ok := deOracleWords[w]; return v, ok })
	if !ok {
		return "", false
	}
	return sign + v.String(), true
}

// oracleDeOrdinal reads "vier und zwanzigster", "ein hundertsten": the
// last word loses its ordinal ending and stem change.
func oracleDeOrdinal(spoken string) (string, bool) {
	ws := strings.Fields(spoken)
	if len(ws) == 0 {
		return "", false
	}
	base := regexp.MustCompile(`(e|er|en|em|es)$`).ReplaceAllString(ws[len(ws)-1], "")
	irregular := map[string]string{"erst": "eins", "dritt": "drei", "siebt": "sieben"}
	last := ""
	switch {
	case irregular[base] != "":
		last = irregular[base]
	default:
		for _, cand := range []string{base, strings.TrimSuffix(base, "st"), strings.TrimSuffix(base, "t")} {
			if _, ok := deOracleWords[cand]; ok && cand != base || cand == "acht" {
				last = cand
				break
			}
		}
	}
	if last == "" {
		return "", false
	}
	ws[len(ws)-1] = last
	return oracleDe(strings.Join(ws, " "))
}

// --- Spanish ---

var esOracleWords = func() map[string]wordValue {
	m := map[string]wordValue{}
	for i, w := range strings.Fields("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve") {
		m[w] = wordValue{int64(i), "n"}
	}
	m["un"], m["una"], m["veintiún"], m["veintiuna"] = wordValue{1, "n"}, wordValue{1, "n"}, wordValue{21, "n"}, wordValue{21, "n"}
	for i, w := range strings.Fields("treinta cuarenta cincuenta sesenta setenta ochenta noventa") {
		m[w] = wordValue{int64(30 + 10*i), "n"}
	}
	m["y"] = wordValue{0, "n"}
	m["cien"], m["ciento"] = wordValue{100, "n"}, wordValue{100, "n"}
	for i, stem := range strings.Fields("dos tres cuatro quin seis sete ocho nove") {
		m[stem+"cientos"], m[stem+"cientas"] = wordValue{int64(200 + 100*i), "n"}, wordValue{int64(200 + 100*i), "n"}
	}
	m["quinientos"], m["quinientas"] = wordValue{500, "n"}, wordValue{500, "n"}
	m["setecientos"], m["setecientas"] = wordValue{700, "n"}, wordValue{700, "n"}
	m["novecientos"], m["novecientas"] = wordValue{900, "n"}, wordValue{900, "n"}
	return m
}()

// oracleEs reads a Spanish number: groups below a thousand, "mil"
// multiplying what comes before it, and the long scale (millón 10^6,
// billón 10^12, trillón 10^18) closing everything before.
func oracleEs(spoken string) (string, bool) {
	ws := strings.Fields(spoken)
	sign := ""
	if len(ws) > 0 && ws[0] == "menos" {
		sign, ws = "-", ws[1:]
	}
	if n := len(ws); n > 1 && ws[n-1] == "de" && (strings.HasSuffix(ws[n-2], "llón") || strings.HasSuffix(ws[n-2], "llones")) {
		ws = ws[:len(ws)-1] // "dos millones de personas": millions are nouns
	}
	if len(ws) == 0 {
		return "", false
	}
	total := new(big.Int)
	var below, thousands int64 // the current group under a million
	any := false
	for _, w := range ws {
		switch w {
		case "mil":
			if below == 0 {
				below = 1
			}
			thousands, below = below, 0
			any = true
			continue
		case "millón", "millones", "billón", "billones", "trillón", "trillones":
			p := map[string]int64{"millón": 6, "millones": 6, "billón": 12, "billones": 12, "trillón": 18, "trillones": 18}[w]
			g := thousands*1000 + below
			if g == 0 {
				return "", false
			}
			total.Add(total, new(big.Int).Mul(big.NewInt(g), new(big.Int).Exp(big.NewInt(10), big.NewInt(p), nil)))
			thousands, below = 0, 0
			any = true
			continue
		}
		v, ok := esOracleWords[w]
		if !ok {
			return "", false
		}
		below += v.value
		any = true
	}
	if !any {
		return "", false
	}
	total.Add(total, big.NewInt(thousands*1000+below))
	return sign + total.String(), true
}

// --- Russian and Ukrainian ---

// slavicOracle recognizes number words by their stems, in any case.
type slavicOracle struct {
	patterns []struct {
		re *regexp.Regexp
		v  wordValue
	}
	minus string
}

func newSlavicOracle(minus string, entries map[string]wordValue) *slavicOracle {
	o := &slavicOracle{minus: minus}
	for pat, v := range entries {
		o.patterns = append(o.patterns, struct {
			re *regexp.Regexp
			v  wordValue
		}{regexp.MustCompile(`^(?:` + pat + `)$`), v})
	}
	return o
}

func (o *slavicOracle) lookup(w string) (wordValue, bool) {
	var found []wordValue
	for _, p := range o.patterns {
		if p.re.MatchString(w) {
			found = append(found, p.v)
		}
	}
	if len(found) != 1 {
		return wordValue{}, false // unknown, or the patterns overlap: a bug in the oracle
	}
	return found[0], true
}

func (o *slavicOracle) read(spoken string) (string, bool) {
	ws := strings.Fields(spoken)
	sign := ""
	if len(ws) > 0 && ws[0] == o.minus {
		sign, ws = "-", ws[1:]
	}
	v, ok := sumWords(ws, o.lookup)
	if !ok {
		return "", false
	}
	return sign + v.String(), true
}

var ruOracle = newSlavicOracle("минус", map[string]wordValue{
	`ноль|ноля|нолю|нолем|ноле`:                           {0, "n"},
	`один|одного|одному|одним|одном|одна|одной|одну|одно`: {1, "n"},
	`два|две|двух|двум|двумя`:                             {2, "n"},
	`три|трех|трем|тремя`:                                 {3, "n"},
	`четыре|четырех|четырем|четырьмя`:                     {4, "n"},
	`пять|пяти|пятью`:                                     {5, "n"}, `шесть|шести|шестью`: {6, "n"}, `семь|семи|семью`: {7, "n"},
	`восемь|восьми|восемью`: {8, "n"}, `девять|девяти|девятью`: {9, "n"}, `десять|десяти|десятью`: {10, "n"},
	`одиннадцат(ь|и|ью)`: {11, "n"}, `двенадцат(ь|и|ью)`: {12, "n"}, `тринадцат(ь|и|ью)`: {13, "n"},
	`четырнадцат(ь|и|ью)`: {14, "n"}, `пятнадцат(ь|и|ью)`: {15, "n"}, `шестнадцат(ь|и|ью)`: {16, "n"},
	`семнадцат(ь|и|ью)`: {17, "n"}, `восемнадцат(ь|и|ью)`: {18, "n"}, `девятнадцат(ь|и|ью)`: {19, "n"},
	`двадцат(ь|и|ью)`: {20, "n"}, `тридцат(ь|и|ью)`: {30, "n"}, `сорока?`: {40, "n"},
	`пятьдесят|пятидесяти|пятьюдесятью`: {50, "n"}, `шестьдесят|шестидесяти|шестьюдесятью`: {60, "n"},
	`семьдесят|семидесяти|семьюдесятью`: {70, "n"}, `восемьдесят|восьмидесяти|восемьюдесятью`: {80, "n"},
	`девяност[оа]`: {90, "n"}, `сто|ста`: {100, "n"},
	`двести|двухсот|двумстам|двумястами|двухстах`: {200, "n"}, `триста|трехсот|тремстам|тремястами|трехстах`: {300, "n"},
	`четыреста|четырехсот|четыремстам|четырьмястами|четырехстах`: {400, "n"},
	`пятьсот|пятисот|пятистам|пятьюстами|пятистах`:               {500, "n"}, `шестьсот|шестисот|шестистам|шестьюстами|шестистах`: {600, "n"},
	`семьсот|семисот|семистам|семьюстами|семистах`: {700, "n"}, `восемьсот|восьмисот|восьмистам|восьмьюстами|восьмистах`: {800, "n"},
	`девятьсот|девятисот|девятистам|девятьюстами|девятистах`: {900, "n"},
	`тысяч\p{L}*`: {3, "s"}, `миллион\p{L}*`: {6, "s"}, `миллиард\p{L}*`: {9, "s"}, `триллион\p{L}*`: {12, "s"},
	`квадриллион\p{L}*`: {15, "s"}, `квинтиллион\p{L}*`: {18, "s"},
})

var ukOracle = newSlavicOracle("мінус", map[string]wordValue{
	`нуль|нуля|нулю|нулем|нулі`:                                   {0, "n"},
	`один|одного|одному|одним|одна|однієї|одній|однією|одну|одне`: {1, "n"},
	`два|дві|двох|двом|двома`:                                     {2, "n"}, `три|трьох|трьом|трьома`: {3, "n"},
	`чотири|чотирьох|чотирьом|чотирма`: {4, "n"}, `п'ять|п'яти|п'ятьма`: {5, "n"},
	`шість|шести|шістьма`: {6, "n"}, `сім|семи|сьома`: {7, "n"}, `вісім|восьми|вісьма`: {8, "n"},
	`дев'ять|дев'яти|дев'ятьма`: {9, "n"}, `десят(ь|и|ьма)`: {10, "n"},
	`одинадцят(ь|и|ьма)`: {11, "n"}, `дванадцят(ь|и|ьма)`: {12, "n"}, `тринадцят(ь|и|ьма)`: {13, "n"},
	`чотирнадцят(ь|и|ьма)`: {14, "n"}, `п'ятнадцят(ь|и|ьма)`: {15, "n"}, `шістнадцят(ь|и|ьма)`: {16, "n"},
	`сімнадцят(ь|и|ьма)`: {17, "n"}, `вісімнадцят(ь|и|ьма)`: {18, "n"}, `дев'ятнадцят(ь|и|ьма)`: {19, "n"},
	`двадцят(ь|и|ьма)`: {20, "n"}, `тридцят(ь|и|ьма)`: {30, "n"}, `сорока?`: {40, "n"},
	`п'ятдесят(и|ьма)?`: {50, "n"}, `шістдесят(и|ьма)?`: {60, "n"}, `сімдесят(и|ьма)?`: {70, "n"},
	`вісімдесят(и|ьма)?`: {80, "n"}, `дев'яност[оа]`: {90, "n"}, `сто|ста`: {100, "n"},
	`двісті|двохсот|двомстам|двомастами|двохстах`: {200, "n"}, `триста|трьохсот|трьомстам|трьомастами|трьохстах`: {300, "n"},
	`чотириста|чотирьохсот|чотирьомстам|чотирмастами|чотирьохстах`: {400, "n"},
	`п'ятсот|п'ятисот|п'ятистам|п'ятьмастами|п'ятистах`:            {500, "n"}, `шістсот|шестисот|шестистам|шістьмастами|шестистах`: {600, "n"},
	`сімсот|семисот|семистам|сьомастами|семистах`: {700, "n"}, `вісімсот|восьмисот|восьмистам|вісьмастами|восьмистах`: {800, "n"},
	`дев'ятсот|дев'ятисот|дев'ятистам|дев'ятьмастами|дев'ятистах`: {900, "n"},
	`тисяч\p{L}*`: {3, "s"}, `мільйон\p{L}*`: {6, "s"}, `мільярд\p{L}*`: {9, "s"}, `трильйон\p{L}*`: {12, "s"},
	`квадрильйон\p{L}*`: {15, "s"}, `квінтильйон\p{L}*`: {18, "s"},
})

// Ordinal stems (any gender, number and case): the last word of a
// Russian or Ukrainian ordinal.
var (
	ruOrdinalLast = ordinalStems(`(ый|ой|ий|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми|ья|ье|ьи|ьего|ьей|ьему|ьим|ьем|ью|ьих|ьими)`, map[string]int64{
		"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7, "восьм": 8, "девят": 9, "десят": 10,
		"одиннадцат": 11, "двенадцат": 12, "тринадцат": 13, "четырнадцат": 14, "пятнадцат": 15, "шестнадцат": 16,
		"семнадцат": 17, "восемнадцат": 18, "девятнадцат": 19, "двадцат": 20, "тридцат": 30, "сороков": 40,
		"пятидесят": 50, "шестидесят": 60, "семидесят": 70, "восьмидесят": 80, "девяност": 90, "сот": 100, "двухсот": 200,
		"трехсот": 300, "четырехсот": 400, "пятисот": 500, "шестисот": 600, "семисот": 700, "восьмисот": 800, "девятисот": 900,
		"тысячн": 1000, "двухтысячн": 2000, "трехтысячн": 3000})
	ukOrdinalLast = ordinalStems(`(ий|ій|а|я|е|є|і|ого|ього|ої|ьої|ому|ьому|им|ім|ою|ьою|ими|іми|их|іх|у|ю)`, map[string]int64{
		"перш": 1, "друг": 2, "трет": 3, "четверт": 4, "п'ят": 5, "шост": 6, "сьом": 7, "восьм": 8, "дев'ят": 9, "десят": 10,
		"одинадцят": 11, "дванадцят": 12, "тринадцят": 13, "чотирнадцят": 14, "п'ятнадцят": 15, "шістнадцят": 16,
		"сімнадцят": 17, "вісімнадцят": 18, "дев'ятнадцят": 19, "двадцят": 20, "тридцят": 30, "сороков": 40,
		"п'ятдесят": 50, "шістдесят": 60, "сімдесят": 70, "вісімдесят": 80, "дев'яност": 90, "сот": 100, "двохсот": 200,
		"трьохсот": 300, "чотирьохсот": 400, "п'ятисот": 500, "шестисот": 600, "семисот": 700, "восьмисот": 800, "дев'ятисот": 900,
		"тисячн": 1000, "двохтисячн": 2000, "трьохтисячн": 3000})
)

type ordinalReader struct {
	ending *regexp.Regexp
	stems  map[string]int64
}

func ordinalStems(endings string, stems map[string]int64) ordinalReader {
	return ordinalReader{regexp.MustCompile(`^` + endings + `$`), stems}
}

// read reads an ordinal: the words before the last are a cardinal, the
// last an ordinal stem with any ending of the declension.
func (r ordinalReader) read(o *slavicOracle, spoken string) (string, bool) {
	ws := strings.Fields(spoken)
	if len(ws) == 0 {
		return "", false
	}
	last := ws[len(ws)-1]
	for i := range last {
		v, ok := r.stems[last[:i]]
		if !ok || !r.ending.MatchString(last[i:]) {
			continue
		}
		head := new(big.Int)
		if len(ws) > 1 {
			h, ok := sumWords(ws[:len(ws)-1], o.lookup)
			if !ok {
				return "", false
			}
			head = h
		}
		return head.Add(head, big.NewInt(v)).String(), true
	}
	return "", false
}
