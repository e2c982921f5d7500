package textnorm

import "strings"

// esGender is the grammatical gender a Spanish number agrees with: "uno"
// on its own, "un" and "una" before nouns ("un dólar", "una libra",
// "doscientas libras").
type esGender int

const (
	esAlone esGender = iota
	esMasc
	esFem
)

var (
	esOnes = []string{"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
		"once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
		"veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"}
	esTens     = []string{"", "", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
	esHundreds = []string{"", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos"}
	// Long scale: a millón is 10^6, a billón 10^12, a trillón 10^18;
	// thousands of millions are "mil millones".
	esBig = [][2]string{{"", ""}, {"millón", "millones"}, {"billón", "billones"}, {"trillón", "trillones"}, {"cuatrillón", "cuatrillones"}}
)

// esCardinal says digits in Spanish, agreeing in gender.
func esCardinal(digits string, g esGender) string {
	digits = trimZeros(digits)
	if digits == "0" {
		return "cero"
	}
	// Groups of six digits, each a number below a million said with
	// "mil", then the scale word.
	var groups []string
	for len(digits) > 0 {
		cut := len(digits) % 6
		if cut == 0 {
			cut = 6
		}
		groups = append(groups, digits[:cut])
		digits = digits[cut:]
	}
	if len(groups) > len(esBig) {
		return esDigits(strings.Join(groups, ""))
	}
	var parts []string
	for i, grp := range groups {
		scale := len(groups) - 1 - i
		v := atoi(grp)
		if v == 0 {
			continue
		}
		if scale == 0 {
			parts = append(parts, esBelowMillion(int(v), g))
			continue
		}
		// Before a scale noun (masculine): "un millón", "veintiún millones".
		if v == 1 {
			parts = append(parts, "un "+esBig[scale][0])
		} else {
			parts = append(parts, esBelowMillion(int(v), esMasc)+" "+esBig[scale][1])
		}
	}
	return strings.Join(parts, " ")
}

// esBelowMillion says 1–999,999.
func esBelowMillion(n int, g esGender) string {
	th, rest := n/1000, n%1000
	var parts []string
	switch {
	case th == 1:
		parts = append(parts, "mil")
	case th > 1:
		// "veintiún mil", "doscientas mil" (feminine agrees through mil).
		tg := esMasc
		if g == esFem {
			tg = esFem
		}
		parts = append(parts, esBelowThousand(th, tg)+" mil")
	}
	if rest > 0 {
		parts = append(parts, esBelowThousand(rest, g))
	}
	return strings.Join(parts, " ")
}

// esBelowThousand says 1–999.
func esBelowThousand(n int, g esGender) string {
	if n == 100 {
		return "cien"
	}
	var parts []string
	if h := n / 100; h > 0 {
		w := esHundreds[h]
		if g == esFem && h > 1 {
			w = strings.TrimSuffix(w, "os") + "as"
		}
		parts = append(parts, w)
	}
	r := n % 100
	switch {
	case r == 0:
	case r < 30:
		parts = append(parts, esUnit(r, g))
	case r%10 == 0:
		parts = append(parts, esTens[r/10])
	default:
		parts = append(parts, esTens[r/10]+" y "+esUnit(r%10, g))
	}
	return strings.Join(parts, " ")
}

// esUnit says 1–29 in a gender: "uno", "un", "una"; "veintiuno",
// "veintiún", "veintiuna".
func esUnit(n int, g esGender) string {
	w := esOnes[n]
	if n == 1 || n == 21 {
		switch g {
		case esMasc:
			w = strings.TrimSuffix(w, "uno") + "un"
			if n == 21 {
				w = "veintiún"
			}
		case esFem:
			w = strings.TrimSuffix(w, "uno") + "una"
		}
	}
	return w
}

func esDigits(s string) string {
	var out []string
	for _, r := range s {
		if r >= '0' && r <= '9' {
			out = append(out, esOnes[r-'0'])
		}
	}
	return strings.Join(out, " ")
}

// esFraction says the digits after the decimal comma as Spanish speakers
// read them: in pairs ("33,32" "treinta y dos"; "60,2400" "veinticuatro
// cero cero"); a pair that starts with zero digit by digit, a lone last
// digit as a number.
func esFractionDigits(frac string, g esGender) string {
	var out []string
	for len(frac) > 0 {
		n := min(2, len(frac))
		p := frac[:n]
		frac = frac[n:]
		switch {
		case p[0] == '0':
			for i, r := range p {
				if r == '0' {
					out = append(out, "cero")
				} else if i == len(p)-1 && frac == "" {
					out = append(out, esUnit(int(r-'0'), g))
				} else {
					out = append(out, esOnes[r-'0'])
				}
			}
		case frac == "":
			out = append(out, esBelowThousand(int(atoi(p)), g))
		default:
			out = append(out, esBelowThousand(int(atoi(p)), esAlone))
		}
	}
	return strings.Join(out, " ")
}

// esDecimal says a number with a decimal comma.
func esDecimal(n number, g esGender) string {
	s := esCardinal(n.whole, g)
	if n.whole == "" {
		s = "cero"
	}
	if n.point && n.frac != "" {
		s += " coma " + esFractionDigits(n.frac, g)
	}
	if n.neg {
		s = "menos " + s
	}
	return s
}

// Spanish ordinals: 1–10 have their own words; 11–19 and 21–29 are
// compounds ("decimotercero", "vigesimoprimero"), except undécimo and
// duodécimo; higher tens, hundreds and thousands are words of their own
// put side by side ("trigésimo primero", "centésimo").
var (
	esOrdUnits    = []string{"", "primero", "segundo", "tercero", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno"}
	esOrdTens     = []string{"", "décimo", "vigésimo", "trigésimo", "cuadragésimo", "quincuagésimo", "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo"}
	esOrdHundreds = []string{"", "centésimo", "ducentésimo", "tricentésimo", "cuadringentésimo", "quingentésimo", "sexcentésimo", "septingentésimo", "octingentésimo", "noningentésimo"}
)

// esOrdinal says an ordinal in a gender; apocope drops the -o of primero
// and tercero before a masculine noun ("primer", "decimoprimer").
func esOrdinal(digits string, g esGender, apocope bool) string {
	v := int(atoi(trimZeros(digits)))
	if v <= 0 || v >= 1000000 {
		return esCardinal(digits, g)
	}
	var parts []string
	if th := v / 1000; th > 0 {
		if th == 1 {
			parts = append(parts, "milésimo")
		} else {
			// "dosmilésimo", "cincomilésimo": one word.
			parts = append(parts, strings.ReplaceAll(esCardinal(itoa(th), esAlone), " ", "")+"milésimo")
		}
	}
	rest := v % 1000
	if h := rest / 100; h > 0 {
		parts = append(parts, esOrdHundreds[h])
	}
	r := rest % 100
	switch {
	case r == 0:
	case r < 10:
		parts = append(parts, esOrdUnits[r])
	case r == 10:
		parts = append(parts, "décimo")
	case r == 11 && len(parts) == 0 && !apocope:
		parts = append(parts, "undécimo")
	case r == 12 && len(parts) == 0:
		parts = append(parts, "duodécimo")
	case r < 20:
		parts = append(parts, esCompound("decimo", esOrdUnits[r-10]))
	case r < 30 && r > 20:
		parts = append(parts, esCompound("vigesimo", esOrdUnits[r-20]))
	default:
		w := esOrdTens[r/10]
		if r%10 != 0 {
			w += " " + esOrdUnits[r%10]
		}
		parts = append(parts, w)
	}
	s := strings.Join(parts, " ")
	switch {
	case g == esFem:
		s = esFeminineOrdinal(s)
	case apocope && (strings.HasSuffix(s, "primero") || strings.HasSuffix(s, "tercero")):
		s = strings.TrimSuffix(s, "o")
	}
	return s
}

// esCompound joins a tens prefix and a unit, eliding the vowel they would
// double: "decimoctavo", "vigesimoctavo".
func esCompound(prefix, unit string) string {
	if strings.HasPrefix(unit, "o") {
		return prefix + unit[1:]
	}
	return prefix + unit
}

// esFeminineOrdinal turns every word's -o into -a.
func esFeminineOrdinal(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		if strings.HasSuffix(w, "o") {
			ws[i] = strings.TrimSuffix(w, "o") + "a"
		}
	}
	return strings.Join(ws, " ")
}

var esMonths = []string{"", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}

func esMonthNumber(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for i, m := range esMonths[1:] {
		if s == m || strings.HasPrefix(m, s) || (s == "setiembre" && i == 8) || (s == "sept" && i == 8) {
			return i + 1
		}
	}
	return 0
}
