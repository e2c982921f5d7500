package article

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/language"
)

// Dates as pages print them, in the languages aloud reads: "February 23,
// 2025", "23 février 2025", "23. Februar 2025", "23 de febrero de 2025",
// "23 февраля 2025 г.", "2025-02-23", "23.02.2025", "2025年2月23日". The
// finder reads tokens, not patterns per language: a day, a month (a name
// in any of the tables below, or a number) and a four-digit year, in
// any of the orders calendars use.

// monthNames are the months' names, January first, with the forms a date
// uses (the genitive in Slavic languages) and the usual abbreviations;
// Arabic's in the Egyptian and the Levantine names (those of one word),
// Hindi's, Hebrew's alone and with the "in" a date prints them with
// ("3 בדצמבר 2026").
var monthNames = [12][]string{
	{"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "styczeń", "stycznia", "sty", "январь", "января", "янв", "січень", "січня", "leden", "ledna", "ocak", "ianuarie", "tammikuuta", "tammikuu", "január", "siječnja", "siječanj", "јануар", "януари", "sausio", "jaanuar", "janvāris", "janvārī", "ιανουαρίου", "ιανουάριος", "يناير", "जनवरी", "januára", "januarja", "ינואר", "בינואר"},
	{"february", "feb", "februar", "février", "févr", "fevrier", "febrero", "febbraio", "fevereiro", "fev", "februari", "luty", "lutego", "lut", "февраль", "февраля", "фев", "лютий", "лютого", "únor", "února", "şubat", "februarie", "helmikuuta", "helmikuu", "február", "veljače", "veljača", "фебруар", "февруари", "vasario", "veebruar", "februāris", "februārī", "φεβρουαρίου", "φεβρουάριος", "فبراير", "شباط", "फ़रवरी", "फरवरी", "februára", "februarja", "פברואר", "בפברואר"},
	{"march", "mar", "märz", "mär", "mars", "marzo", "março", "maart", "mrt", "marzec", "marca", "март", "марта", "мар", "березень", "березня", "březen", "března", "mart", "martie", "maaliskuuta", "maaliskuu", "március", "ožujka", "ožujak", "marts", "kovo", "märts", "martā", "μαρτίου", "μάρτιος", "maret", "marec", "مارس", "آذار", "मार्च", "מרץ", "במרץ"},
	{"april", "apr", "avril", "avr", "abril", "abr", "aprile", "kwiecień", "kwietnia", "kwi", "апрель", "апреля", "апр", "квітень", "квітня", "duben", "dubna", "nisan", "aprilie", "huhtikuuta", "huhtikuu", "április", "travnja", "travanj", "април", "balandžio", "aprill", "aprīlis", "aprīlī", "απριλίου", "απρίλιος", "أبريل", "إبريل", "ابريل", "نيسان", "अप्रैल", "apríla", "aprila", "אפריל", "באפריל"},
	{"may", "mai", "mayo", "maggio", "mag", "maio", "mei", "maj", "maja", "май", "мая", "травень", "травня", "květen", "května", "mayıs", "toukokuuta", "toukokuu", "május", "svibnja", "svibanj", "мај", "gegužės", "maijs", "maijā", "μαΐου", "μάιος", "مايو", "أيار", "ايار", "मई", "mája", "מאי", "במאי"},
	{"june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwiec", "czerwca", "cze", "июнь", "июня", "июн", "червень", "червня", "červen", "června", "haziran", "iunie", "kesäkuuta", "kesäkuu", "június", "lipnja", "lipanj", "јун", "юни", "birželio", "juuni", "jūnijs", "jūnijā", "ιουνίου", "ιούνιος", "يونيو", "يونية", "حزيران", "जून", "júna", "junija", "יוני", "ביוני"},
	{"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipiec", "lipca", "lip", "июль", "июля", "июл", "липень", "липня", "červenec", "července", "temmuz", "iulie", "heinäkuuta", "heinäkuu", "július", "srpnja", "srpanj", "јул", "юли", "liepos", "juuli", "jūlijs", "jūlijā", "ιουλίου", "ιούλιος", "يوليو", "يولية", "تموز", "जुलाई", "júla", "julija", "יולי", "ביולי"},
	{"august", "aug", "août", "aout", "agosto", "ago", "augustus", "augusti", "sierpień", "sierpnia", "sie", "август", "августа", "авг", "серпень", "серпня", "srpen", "srpna", "ağustos", "elokuuta", "elokuu", "augusztus", "kolovoza", "kolovoz", "avgust", "rugpjūčio", "augusts", "augustā", "αυγούστου", "αύγουστος", "agustus", "أغسطس", "اغسطس", "آب", "अगस्त", "augusta", "avgusta", "אוגוסט", "באוגוסט"},
	{"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "wrzesień", "września", "wrz", "сентябрь", "сентября", "сен", "сент", "вересень", "вересня", "září", "eylül", "septembrie", "syyskuuta", "syyskuu", "szeptember", "rujna", "rujan", "септембар", "септември", "rugsėjo", "septembris", "septembrī", "σεπτεμβρίου", "σεπτέμβριος", "septembar", "سبتمبر", "أيلول", "ايلول", "सितंबर", "सितम्बर", "septembra", "ספטמבר", "בספטמבר"},
	{"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "październik", "października", "paź", "октябрь", "октября", "окт", "жовтень", "жовтня", "říjen", "října", "ekim", "octombrie", "lokakuuta", "lokakuu", "október", "октобар", "октомври", "spalio", "oktoober", "oktobris", "oktobrī", "οκτωβρίου", "οκτώβριος", "oktobar", "أكتوبر", "اكتوبر", "अक्टूबर", "októbra", "oktobra", "אוקטובר", "באוקטובר"},
	{"november", "nov", "novembre", "noviembre", "novembro", "listopad", "listopada", "lis", "ноябрь", "ноября", "ноя", "листопад", "листопада", "kasım", "noiembrie", "marraskuuta", "marraskuu", "studenoga", "studeni", "новембар", "ноември", "lapkričio", "novembris", "novembrī", "νοεμβρίου", "νοέμβριος", "novembar", "نوفمبر", "नवंबर", "नवम्बर", "novembra", "נובמבר", "בנובמבר"},
	{"december", "dec", "dezember", "dez", "décembre", "decembre", "diciembre", "dic", "dicembre", "dezembro", "grudzień", "grudnia", "gru", "декабрь", "декабря", "дек", "грудень", "грудня", "prosinec", "prosince", "aralık", "decembrie", "joulukuuta", "joulukuu", "prosinca", "prosinac", "децембар", "декември", "gruodžio", "detsember", "decembris", "decembrī", "δεκεμβρίου", "δεκέμβριος", "desember", "decembar", "ديسمبر", "दिसंबर", "दिसम्बर", "decembra", "דצמבר", "בדצמבר"},
}

// monthByName maps every name and abbreviation to its month (1–12).
var monthByName = func() map[string]int {
	m := map[string]int{}
	for i, names := range monthNames {
		for _, n := range names {
			m[n] = i + 1
		}
	}
	return m
}()

// weekdayNames are the days' names as dates print them before the day,
// in the languages of monthNames that write them as words of their own
// (abbreviations are in weekdayAbbrevs: "Sun" and "Mar" are names too).
var weekdayNames = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
	"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
	"lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
	"segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
	"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
	"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag", "lørdag", "søndag",
	"poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
	"pondělí", "úterý", "čtvrtek", "pátek", "neděle",
	"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
	"понеділок", "вівторок", "середа", "четвер", "п'ятниця", "п’ятниця", "субота", "неділя",
	"pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar",
	"maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai")

// weekdayAbbrevs are the days' English abbreviations, a weekday's only
// when a stop or a comma follows ("Mon.", "Thu,"): "Sun" and "Wed" are
// words and names too.
var weekdayAbbrevs = setOf("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

// isWeekday reports whether the word w, as printed, names a day of the
// week.
func isWeekday(w string) bool {
	lw := strings.ToLower(w)
	bare := strings.TrimRight(lw, ".,")
	return weekdayNames[bare] || bare != lw && weekdayAbbrevs[bare]
}

// dateToken is one token of a date: a number (with its digit count) or a
// month's name.
type dateToken struct {
	num, digits, month int
	sep                rune // the character that followed it ('.', '/', '-', ',', ' ' …)
}

// findDate is the first calendar date written in s (at midnight UTC), or
// the zero time. A date must have a four-digit year between 1990 and
// 2100 and a real day of its month.
func findDate(s string) time.Time { return findDateOrdered(s, false) }

// writesDayFirst reports whether text in the language tagged lang
// writes a date in slashes day first: every language does but English
// of the US, Canada or the Philippines (untagged English is the US's,
// as findDate reads it; so is a tag that does not parse).
func writesDayFirst(lang string) bool {
	tag, err := language.Parse(lang)
	if lang == "" || err != nil {
		return false
	}
	if base, _ := tag.Base(); base.String() != "en" {
		return true
	}
	region, _ := tag.Region() // inferred for a bare "en": US
	switch region.String() {
	case "US", "CA", "PH":
		return false
	}
	return true // en-GB, en-AU, en-IN, en-IE, en-NZ, en-ZA …
}

// findDateOrdered is findDate with dates in slashes read day first when
// dayFirst (as every language but American English writes them), month
// first otherwise, unless the numbers say which.
func findDateOrdered(s string, dayFirst bool) time.Time {
	if t := findCJKDate(s); !t.IsZero() {
		return t
	}
	toks := dateTokens(s)
	for i := range toks {
		if t, ok := dateAt(toks, i, dayFirst); ok {
			return t
		}
	}
	return time.Time{}
}

// dateTokens splits s into numbers and month names; other words end a
// run (they become a zero token that no date pattern matches across).
func dateTokens(s string) []dateToken {
	var toks []dateToken
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsDigit(r):
			j := i
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
			n := 0
			for _, d := range rs[i:j] {
				n = n*10 + digitValue(d)
			}
			tok := dateToken{num: n, digits: j - i}
			if j < len(rs) {
				tok.sep = rs[j]
			}
			// "23rd", "1st", "2nd": an ordinal's suffix belongs to it.
			if j+2 <= len(rs) && isOrdinalSuffix(string(rs[j:j+2])) && (j+2 == len(rs) || !unicode.IsLetter(rs[j+2])) {
				j += 2
				tok.sep = ' '
			}
			toks = append(toks, tok)
			i = j
		case unicode.IsLetter(r):
			j := i
			// A word's vowel signs are marks, not letters (Hindi's "जून").
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.Is(unicode.M, rs[j])) {
				j++
			}
			word := string(rs[i:j])
			switch {
			case monthByName[word] > 0:
				toks = append(toks, dateToken{month: monthByName[word]})
			case dateFiller[word]:
				// "23 de febrero de 2025", "le 3 mars", "3 мая 2025 г."
			default:
				toks = append(toks, dateToken{})
			}
			i = j
		default:
			i++
		}
	}
	return toks
}

// digitValue is a decimal digit's value in any script: Unicode sets each
// script's digits in a run of ten from its zero ("١٣" is 13, "२०२३" 2023).
func digitValue(r rune) int {
	zero := r
	for r-zero < 9 && unicode.IsDigit(zero-1) {
		zero--
	}
	return int(r - zero)
}

func isOrdinalSuffix(s string) bool {
	return s == "st" || s == "nd" || s == "rd" || s == "th"
}

// dateFiller are the small words dates are written with, skipped.
var dateFiller = map[string]bool{"de": true, "del": true, "of": true, "the": true, "le": true, "el": true, "г": true, "р": true, "року": true, "года": true, "roku": true, "r": true,
	// The year's word between year and month in Lithuanian ("2025 m.
	// kovo 3 d.") and Latvian ("2025. gada 3. decembrī").
	"m": true, "gada": true}

// dateAt reads a date starting at toks[i], if one starts there.
func dateAt(toks []dateToken, i int, dayFirst bool) (time.Time, bool) {
	at := func(k int) dateToken {
		if i+k < len(toks) {
			return toks[i+k]
		}
		return dateToken{}
	}
	a, b, c := at(0), at(1), at(2)
	isYear := func(t dateToken) bool { return t.digits == 4 && t.month == 0 }
	isDay := func(t dateToken) bool { return t.digits >= 1 && t.digits <= 2 && t.num >= 1 && t.num <= 31 }
	isNumMonth := func(t dateToken) bool { return t.digits >= 1 && t.digits <= 2 && t.num >= 1 && t.num <= 12 }
	switch {
	case a.month > 0 && isDay(b) && isYear(c): // February 23, 2025
		return makeDate(c.num, a.month, b.num)
	case isDay(a) && b.month > 0 && isYear(c): // 23 February 2025
		return makeDate(c.num, b.month, a.num)
	case isYear(a) && b.month > 0 && isDay(c): // 2025 Feb 23
		return makeDate(a.num, b.month, c.num)
	case isYear(a) && isDay(b) && c.month > 0: // 2025. gada 3. decembrī
		return makeDate(a.num, c.month, b.num)
	case isYear(a) && isNumMonth(b) && isDay(c) && a.sep == b.sep && (a.sep == '-' || a.sep == '/' || a.sep == '.'): // 2025-02-23
		return makeDate(a.num, b.num, c.num)
	case isDay(a) && isDay(b) && isYear(c) && a.sep == b.sep && (a.sep == '.' || a.sep == '/' || a.sep == '-'):
		// Dots and dashes are written day first (23.02.2025), slashes
		// month first (02/23/2025, the American way) unless dayFirst
		// or the numbers say otherwise (23/02/2025).
		day, month := a.num, b.num
		if a.sep == '/' && a.num <= 12 && !dayFirst || month > 12 {
			day, month = b.num, a.num
		}
		return makeDate(c.num, month, day)
	}
	return time.Time{}, false
}

// makeDate is the date, if it is one, in the years news is dated.
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false // 31 April
	}
	return t, true
}

// findCJKDate reads "2025年2月23日" (Chinese and Japanese) and
// "2025년 2월 23일" (Korean).
func findCJKDate(s string) time.Time {
	for _, marks := range [][3]string{{"年", "月", "日"}, {"년", "월", "일"}} {
		y := strings.Index(s, marks[0])
		if y < 4 {
			continue
		}
		year, err := strconv.Atoi(s[y-4 : y])
		if err != nil {
			continue
		}
		rest := strings.TrimSpace(s[y+len(marks[0]):])
		mi := strings.Index(rest, marks[1])
		if mi < 1 {
			continue
		}
		month, err := strconv.Atoi(strings.TrimSpace(rest[:mi]))
		if err != nil {
			continue
		}
		rest = strings.TrimSpace(rest[mi+len(marks[1]):])
		di := strings.Index(rest, marks[2])
		if di < 1 {
			continue
		}
		day, err := strconv.Atoi(strings.TrimSpace(rest[:di]))
		if err != nil {
			continue
		}
		if t, ok := makeDate(year, month, day); ok {
			return t
		}
	}
	return time.Time{}
}

// setOf is a set of words.
func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
