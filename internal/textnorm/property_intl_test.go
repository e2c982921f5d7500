package textnorm

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// intlLang is what the properties need of a language: how it groups
// digits, a frame that counts, and its reader.
type intlLang struct {
	code    string
	groupBy string
	frames  [][2]string
	read    func(string) (string, bool)
}

var intlLangs = []intlLang{
	{"de", ".", [][2]string{{"", ""}, {"Es waren ", " Leute."}, {"Rund ", " Menschen"}}, oracleDe},
	{"es", ".", [][2]string{{"", ""}, {"Había ", " personas."}}, oracleEs},
	{"ru", " ", [][2]string{{"", ""}, {"Пришли ", " человек."}, {"от ", " до конца"}, {"за ", " рублей"}}, ruOracle.read},
	{"uk", " ", [][2]string{{"", ""}, {"Прийшли ", " людей."}, {"від ", " до кінця"}, {"за ", " гривень"}}, ukOracle.read},
}

// groupWith writes n with sep between thousands.
func groupWith(n uint64, sep string) string { return strings.ReplaceAll(group(n), ",", sep) }

// TestPropertyIntegersIntl: in German, Spanish, Russian and Ukrainian every
// integer from 0 to 10^18 (boundaries and random; grouped the language's
// way or not; signed; alone or counting, in the nominative or after a
// preposition that asks for the genitive or the accusative) reads back
// to the same value.
func TestPropertyIntegersIntl(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	for _, lang := range intlLangs {
		t.Run(lang.code, func(t *testing.T) {
			n := Normalizer{Language: lang.code}
			for _, v := range testIntegers(r, 1500) {
				for _, written := range []string{fmt.Sprint(v), groupWith(v, lang.groupBy)} {
					for _, sign := range []string{"", "-"} {
						if sign == "-" && (v == 0 || len(written) == 4 && lang.code == "de") {
							continue
						}
						for _, frame := range lang.frames {
							in := frame[0] + sign + written + frame[1]
							out := n.Normalize(in)
							spoken := between(t, out, strings.TrimSpace(frame[0]), strings.TrimSpace(frame[1]))
							got, ok := lang.read(spoken)
							if !ok || got != sign+fmt.Sprint(v) {
								t.Fatalf("%q → %q: read back as %q (ok %v), want %s%d", in, out, got, ok, sign, v)
							}
						}
					}
				}
			}
		})
	}
}

// TestPropertyDecimalsIntl: a decimal keeps its whole part and every
// digit after the comma.
func TestPropertyDecimalsIntl(t *testing.T) {
	r := rand.New(rand.NewPCG(23, 24))
	for _, lang := range intlLangs {
		t.Run(lang.code, func(t *testing.T) {
			n := Normalizer{Language: lang.code}
			for range 2000 {
				whole := r.Uint64N(100000)
				frac := fmt.Sprint(r.Uint64N(10000))
				for len(frac) < 1+r.IntN(4) {
					frac = "0" + frac
				}
				written := fmt.Sprintf("%s,%s", groupWith(whole, lang.groupBy), frac)
				want := fmt.Sprintf("%d,%s", whole, frac) // Russian and Ukrainian: the fraction's name keeps its zeros
				// In Russian and Ukrainian, after prepositions that ask for
				// the genitive and the dative too.
				for _, prep := range decimalPrepositions[lang.code] {
					out := n.Normalize(prep + written)
					got, ok := readDecimal(lang, strings.TrimPrefix(out, prep))
					if !ok || got != want {
						t.Fatalf("%q → %q: read back as %q, want %s", prep+written, out, got, want)
					}
				}
			}
		})
	}
}

// decimalPrepositions frame a decimal: none, and in Russian and
// Ukrainian a genitive's and a dative's preposition.
var decimalPrepositions = map[string][]string{"de": {""}, "es": {""}, "ru": {"", "около ", "к "}, "uk": {"", "близько ", "до "}}

// readDecimal reads a decimal said in a language back to "whole,digits".
func readDecimal(lang intlLang, spoken string) (string, bool) {
	switch lang.code {
	case "de":
		whole, frac, ok := strings.Cut(spoken, " komma ")
		if !ok {
			return "", false
		}
		w, okw := oracleDe(whole)
		var digits strings.Builder
		for _, d := range strings.Fields(frac) {
			v, ok := oracleDe(d)
			if !ok || len(v) != 1 {
				return "", false
			}
			digits.WriteString(v)
		}
		return w + "," + digits.String(), okw
	case "es":
		whole, frac, ok := strings.Cut(spoken, " coma ")
		if !ok {
			return "", false
		}
		w, okw := oracleEs(whole)
		// Pairs: "cero" and the digit after it are one pair said digit by
		// digit; a number of ten or more is a pair; a digit alone ends it.
		var digits strings.Builder
		ws := strings.Fields(frac)
		for i := 0; i < len(ws); i++ {
			if ws[i] == "cero" {
				digits.WriteString("0")
				if i+1 < len(ws) {
					i++
					v, ok := oracleEs(ws[i])
					if !ok || len(v) != 1 {
						return "", false
					}
					digits.WriteString(v)
				}
				continue
			}
			j := i + 1
			if j+1 < len(ws) && ws[j] == "y" {
				j += 2
			}
			v, ok := oracleEs(strings.Join(ws[i:j], " "))
			if !ok {
				return "", false
			}
			digits.WriteString(v)
			i = j - 1
		}
		return w + "," + digits.String(), okw
	}
	// Russian and Ukrainian: "X целых Y десятых".
	names := map[string]int{"десят": 1, "сот": 2, "тысячн": 3, "десятитысячн": 4, "стотысячн": 5, "миллионн": 6,
		"тисячн": 3, "десятитисячн": 4, "стотисячн": 5, "мільйонн": 6}
	re := regexp.MustCompile(`^(.+) (?:цел|ціл)\p{L}+ (.+) (\p{L}+?)(?:ая|ых|ой|ым|ыми|а|их|ої|ій|им|ими)$`)
	m := re.FindStringSubmatch(spoken)
	if m == nil {
		return "", false
	}
	w, okw := lang.read(m[1])
	f, okf := lang.read(m[2])
	k, okk := names[m[3]]
	if !okw || !okf || !okk || len(f) > k {
		return "", false
	}
	return w + "," + strings.Repeat("0", k-len(f)) + f, true
}

// TestPropertyDatesIntl: a date in each of a language's layouts is said
// so that its day, month and year read back to what time.Parse reads.
func TestPropertyDatesIntl(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	layouts := map[string][]string{
		"de": {"2. January 2006", "02.01.2006", "2006-01-02"},
		"es": {"2 de January de 2006", "2/1/2006", "2006-01-02"},
		"ru": {"2 January 2006 года", "02.01.2006"},
		"uk": {"2 January 2006 року", "02.01.2006"},
	}
	months := map[string][]string{"de": deMonthsOracle, "es": esMonthsOracle, "ru": ruMonthsOracle, "uk": ukMonthsOracle}
	for _, lang := range intlLangs {
		t.Run(lang.code, func(t *testing.T) {
			n := Normalizer{Language: lang.code}
			for range 1500 {
				want := time.Date(1100+r.IntN(1000), time.Month(1+r.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
				want = want.AddDate(0, 0, r.IntN(daysIn(want)))
				layout := layouts[lang.code][r.IntN(len(layouts[lang.code]))]
				parsed, err := time.Parse(layout, want.Format(layout))
				if err != nil || !parsed.Equal(want) {
					t.Fatalf("time.Parse(%q): %v %v", layout, parsed, err)
				}
				// The month's name in the language, where the layout has one.
				written := strings.Replace(want.Format(layout), want.Month().String(), months[lang.code][want.Month()], 1)
				out := n.Normalize(written)
				got, ok := readDate(lang, months[lang.code], out)
				if !ok || !got.Equal(want) {
					t.Fatalf("%q → %q: read back as %v (ok %v), want %v", written, out, got.Format("2006-01-02"), ok, want.Format("2006-01-02"))
				}
			}
		})
	}
}

// The months as written in a date, by number, written out here again.
var (
	deMonthsOracle = []string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	esMonthsOracle = []string{"", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
	ruMonthsOracle = []string{"", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ukMonthsOracle = []string{"", "січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"}
)

func readDate(lang intlLang, months []string, spoken string) (time.Time, bool) {
	monthAt := -1
	ws := strings.Fields(spoken)
	var mon int
	for i, w := range ws {
		for j, m := range months {
			if j > 0 && strings.EqualFold(w, m) {
				monthAt, mon = i, j
			}
		}
	}
	if monthAt < 1 {
		return time.Time{}, false
	}
	day, year := strings.Join(ws[:monthAt], " "), ws[monthAt+1:]
	if lang.code == "es" {
		day = strings.TrimSuffix(day, " de")
		if len(year) > 0 && year[0] == "de" {
			year = year[1:]
		}
	}
	if n := len(year); n > 0 && (year[n-1] == "года" || year[n-1] == "року") {
		year = year[:n-1]
	}
	var d, y string
	var okd, oky bool
	switch lang.code {
	case "de":
		d, okd = oracleDeOrdinal(day)
		y, oky = oracleDe(strings.Join(year, " "))
	case "es":
		d, okd = oracleEs(day)
		if day == "primero" {
			d, okd = "1", true
		}
		y, oky = oracleEs(strings.Join(year, " "))
	case "ru":
		d, okd = ruOrdinalLast.read(ruOracle, day)
		y, oky = ruOrdinalLast.read(ruOracle, strings.Join(year, " "))
	case "uk":
		d, okd = ukOrdinalLast.read(ukOracle, day)
		y, oky = ukOrdinalLast.read(ukOracle, strings.Join(year, " "))
	}
	if !okd || !oky {
		return time.Time{}, false
	}
	return time.Date(int(atoi(y)), time.Month(mon), int(atoi(d)), 0, 0, 0, 0, time.UTC), true
}

// TestPropertyMoneyIntl: a sum keeps its amount and its minor units, and
// in Russian and Ukrainian the currency's noun agrees with the number.
func TestPropertyMoneyIntl(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	type spec struct {
		write      func(major uint64, minor int) string
		major      []string // the noun's forms: one, few, many (de and es: singular, plural)
		minor      []string
		read       func(string) (string, bool)
		agreeSlavs bool
	}
	specs := map[string]spec{
		"de": {func(a uint64, c int) string { return fmt.Sprintf("%s,%02d €", groupWith(a, "."), c) }, []string{"euro"}, []string{"cent"}, oracleDe, false},
		"es": {func(a uint64, c int) string { return fmt.Sprintf("%s,%02d €", groupWith(a, "."), c) }, []string{"euro", "euros"}, []string{"céntimo", "céntimos"}, oracleEs, false},
		"ru": {func(a uint64, c int) string { return fmt.Sprintf("%s,%02d руб.", groupWith(a, " "), c) }, []string{"рубль", "рубля", "рублей"}, []string{"копейка", "копейки", "копеек"}, ruOracle.read, true},
		"uk": {func(a uint64, c int) string { return fmt.Sprintf("%s,%02d грн", groupWith(a, " "), c) }, []string{"гривня", "гривні", "гривень"}, []string{"копійка", "копійки", "копійок"}, ukOracle.read, true},
	}
	for _, lang := range intlLangs {
		t.Run(lang.code, func(t *testing.T) {
			sp := specs[lang.code]
			n := Normalizer{Language: lang.code}
			nouns := regexp.MustCompile(`^(.+?) (` + strings.Join(sp.major, "|") + `)(?: (.+) (` + strings.Join(sp.minor, "|") + `))?$`)
			onlyMinor := regexp.MustCompile(`^(.+) (` + strings.Join(sp.minor, "|") + `)$`)
			for range 3000 {
				major := 1 + r.Uint64N(pow10(1+r.IntN(8)))
				minor := r.IntN(100)
				written := sp.write(major, minor)
				out := n.Normalize(written)
				m := nouns.FindStringSubmatch(out)
				if m == nil {
					if om := onlyMinor.FindStringSubmatch(out); om == nil || major != 0 {
						t.Fatalf("%q → %q: not a sum", written, out)
					}
				}
				got, ok := sp.read(m[1])
				if !ok || got != fmt.Sprint(major) {
					t.Fatalf("%q → %q: amount read back as %q", written, out, got)
				}
				gotMinor := "0"
				if m[3] != "" {
					if gotMinor, ok = sp.read(m[3]); !ok {
						t.Fatalf("%q → %q: minor amount %q", written, out, m[3])
					}
				}
				if gotMinor != fmt.Sprint(minor) {
					t.Fatalf("%q → %q: minor read back as %s, want %d", written, out, gotMinor, minor)
				}
				if sp.agreeSlavs {
					if want := sp.major[slavicPluralOracle(major)]; m[2] != want {
						t.Fatalf("%q → %q: %q after %d, want %q", written, out, m[2], major, want)
					}
					if minor > 0 && m[4] != sp.minor[slavicPluralOracle(uint64(minor))] {
						t.Fatalf("%q → %q: %q after %d", written, out, m[4], minor)
					}
				}
			}
		})
	}
}

// slavicPluralOracle is the form a Russian or Ukrainian noun takes after
// n: 0 after one (21, 101), 1 after two to four (22, 104), 2 after the
// rest and the teens.
func slavicPluralOracle(n uint64) int {
	if t := n % 100; t >= 11 && t <= 19 {
		return 2
	}
	switch n % 10 {
	case 1:
		return 0
	case 2, 3, 4:
		return 1
	}
	return 2
}

// TestPropertyYearsSlavic: "в 2024 году", "у 2024 році", "с 1999 года":
// the year, an ordinal in the noun's case, reads back to the same year.
func TestPropertyYearsSlavic(t *testing.T) {
	for _, tc := range []struct {
		lang   string
		frames [][2]string
		read   func(string) (string, bool)
	}{
		{"ru", [][2]string{{"в ", " году"}, {"с ", " года"}, {"к ", " году"}, {"", " год"}, {"в ", " году."}}, func(s string) (string, bool) { return ruOrdinalLast.read(ruOracle, s) }},
		{"uk", [][2]string{{"у ", " році"}, {"з ", " року"}, {"", " рік"}, {"у ", " році."}}, func(s string) (string, bool) { return ukOrdinalLast.read(ukOracle, s) }},
	} {
		n := Normalizer{Language: tc.lang}
		for y := 1000; y < 3000; y++ {
			for _, f := range tc.frames {
				out := n.Normalize(f[0] + fmt.Sprint(y) + f[1])
				said := between(t, out, strings.TrimSpace(f[0]), strings.TrimSpace(f[1]))
				if !strings.HasSuffix(out, f[1]) {
					t.Fatalf("%s: %q → %q: the noun and what follows it changed", tc.lang, f[0]+fmt.Sprint(y)+f[1], out)
				}
				if got, ok := tc.read(said); !ok || got != fmt.Sprint(y) {
					t.Fatalf("%s: %q → %q: read back as %q", tc.lang, f[0]+fmt.Sprint(y)+f[1], out, got)
				}
			}
		}
	}
}

// TestSlavicOracles checks the readers on forms written by hand.
func TestSlavicOracles(t *testing.T) {
	for spoken, want := range map[string]string{
		"две тысячи двадцать четыре": "2024", "пяти тысяч": "5000", "одна тысяча двадцать шесть": "1026",
		"девятьсот девяносто девять миллионов": "999000000",
	} {
		if got, ok := ruOracle.read(spoken); !ok || got != want {
			t.Errorf("ru %q = %q %v", spoken, got, ok)
		}
	}
	for spoken, want := range map[string]string{"дві тисячі двадцять четвертому": "2024", "тринадцятого": "13", "тисяча дев'ятсот сороковому": "1940"} {
		if got, ok := ukOrdinalLast.read(ukOracle, spoken); !ok || got != want {
			t.Errorf("uk ordinal %q = %q %v", spoken, got, ok)
		}
	}
	for spoken, want := range map[string]string{"neunzehn hundert achtzig": "1980", "ein hundert eins": "101", "sechs und vierzig tausend sechs hundert vier und sechzig": "46664"} {
		if got, ok := oracleDe(spoken); !ok || got != want {
			t.Errorf("de %q = %q %v", spoken, got, ok)
		}
	}
	for spoken, want := range map[string]string{"dos mil millones": "2000000000", "cien mil trillones dos": "100000000000000000000002", "veintiún mil": "21000"} {
		if got, ok := oracleEs(spoken); !ok || got != want {
			t.Errorf("es %q = %q %v", spoken, got, ok)
		}
	}
}

// TestPropertyPunctuationKept: whatever token a number, a measure, a sum
// or a date makes, the punctuation written after it stays, in every
// language: a comma, a semicolon, a full stop before the next sentence,
// a closing bracket. (A lost full stop merges two sentences in the voice;
// a lost comma drops a pause.)
func TestPropertyPunctuationKept(t *testing.T) {
	tokens := map[string][]string{
		"en": {"12", "12,345", "3.5", "12kg", "5 km", "45°", "45º", "3%", "$5", "$12,345.67", "£3.50", "4 1/2 lbs", "2006-08-05", "May 3, 2024", "4:30 pm", "1960-80", "Q2 2022", "5th", "km/h"},
		"de": {"12", "12.345", "3,5", "12 kg", "5 km", "3 %", "45°", "12,50 €", "3. Mai 2024", "3. Mai", "13:05 Uhr", "1,5 Mio. Euro"},
		"es": {"12", "12.345", "3,5", "12 kg", "5 km", "3 %", "12,50 €", "3 de mayo de 2024", "3 de mayo", "del 1 al 5 de mayo", "13:05", "1.º"},
		"ru": {"12", "12 345", "3,5", "12 кг", "5 км", "3%", "12,50 руб.", "2 тыс. рублей", "3 мая 2024 года", "3 мая", "1–5 мая", "с 1 по 5 мая", "13:05"},
		"uk": {"12", "12 345", "3,5", "12 кг", "5 км", "3%", "12,50 грн", "2 тис. гривень", "3 травня 2024 року", "3 травня", "1–5 травня", "з 1 по 5 травня", "13:05"},
	}
	for lang, toks := range tokens {
		n := Normalizer{Language: lang}
		for _, tok := range toks {
			for _, p := range []string{",", ";", ")", "!", "?"} {
				in := "(" + tok + p + " x"
				if p == ")" {
					in = "(" + tok + ") x"
				}
				got := n.Normalize(in)
				if !strings.Contains(got, p+" x") {
					t.Errorf("%s %q → %q: %q lost", lang, in, got, p)
				}
			}
			// A full stop ends the sentence unless the token ends with an
			// abbreviation's own ("руб.", "тыс. рублей" go on). German
			// writes ordinals with a dot, and nouns with a capital: "die
			// 12. Etappe" and "es waren 12. Dann" look alike, and the
			// ordinal is the reading kept.
			germanOrdinal := lang == "de" && tok[len(tok)-1] >= '0' && tok[len(tok)-1] <= '9'
			if !strings.HasSuffix(tok, ".") && !strings.Contains(tok, ". ") && !germanOrdinal {
				got := n.Normalize("A " + tok + ". Next")
				if !strings.Contains(got, ". Next") {
					t.Errorf("%s %q → %q: the full stop is lost", lang, "A "+tok+". Next", got)
				}
			}
		}
	}
}

// TestPropertyGluedDecimalsIntl: in every language with rules, a decimal
// with letters glued on is said whole or left as written: never a digit
// left over beside words ("0, пять пп" reads a different number).
func TestPropertyGluedDecimalsIntl(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for _, lang := range []struct{ code, sep, letters string }{
		{"de", ",", "abcdefghkmnprstzMK"}, {"es", ",", "abcdefgkmnprstMK"}, {"ru", ",", "абвгдекмнпрстМК"}, {"uk", ",", "абвгдекмнпрстМК"},
	} {
		n := Normalizer{Language: lang.code}
		letters := []rune(lang.letters)
		for range 2000 {
			var suf strings.Builder
			for range 1 + r.IntN(3) {
				suf.WriteRune(letters[r.IntN(len(letters))])
			}
			written := fmt.Sprintf("%d%s%d%s", r.IntN(10000), lang.sep, 1+r.IntN(999), suf.String())
			out := n.Normalize("x " + written + " y")
			if !strings.Contains(out, written) && strings.ContainsAny(out, "0123456789") {
				t.Fatalf("%s: %q → %q", lang.code, written, out)
			}
		}
	}
}

// TestPropertyInternationalPhones: a number written as ITU-T E.123 writes
// it for the world ("+CC group group…") is said whole in every language
// with rules, from its plus: never read as an amount, no digit left over.
func TestPropertyInternationalPhones(t *testing.T) {
	plus := map[string]string{"en": "plus", "de": "plus", "es": "más", "ru": "плюс", "uk": "плюс"}
	r := rand.New(rand.NewPCG(21, 12))
	digits := func(n int) string { return randomDigits(r, n) }
	for range 400 {
		groups := []string{}
		total := 0
		for total < 7 || len(groups) < 2 {
			g := digits(2 + r.IntN(3))
			groups = append(groups, g)
			total += len(g)
		}
		num := "+" + strconv.Itoa(1+r.IntN(998)) + " " + strings.Join(groups, " ")
		for lang, word := range plus {
			got := Normalizer{Language: lang}.Normalize("Tel: " + num + ".")
			if strings.ContainsAny(got, "0123456789") || !strings.HasPrefix(got, "Tel: "+word+" ") {
				t.Errorf("%s %q → %q", lang, num, got)
			}
		}
	}
}
