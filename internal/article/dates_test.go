package article

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFindDate(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"by Sam Lee February 23, 2025 3:53 AM 2 min read", day(2025, 2, 23)},
		{"Feb. 23, 2025", day(2025, 2, 23)},
		{"Sunday 23rd February 2025", day(2025, 2, 23)},
		{"Published 24 November 2026, 08:30 GMT", day(2026, 11, 24)},
		{"23. Februar 2025, 10:15 Uhr", day(2025, 2, 23)},
		{"Mis à jour le 3 mars 2025 à 18h02", day(2025, 3, 3)},
		{"23 de febrero de 2025", day(2025, 2, 23)},
		{"3 maggio 2024", day(2024, 5, 3)},
		{"23 февраля 2025 г., 14:00", day(2025, 2, 23)},
		{"23 лютого 2025 р.", day(2025, 2, 23)},
		{"12 listopada 2024", day(2024, 11, 12)},
		// More of Europe's languages: Danish, Finnish, Hungarian (year
		// first), Romanian, Greek, Croatian, Lithuanian, Bulgarian,
		// Estonian, Latvian, Indonesian.
		{"3. marts 2025", day(2025, 3, 3)},
		// Arabic, in its own digits and in ASCII, with the Egyptian and
		// the Levantine month names; Hindi, whose vowel signs are marks;
		// Persian digits in an ISO date.
		{"١٣ يونيو ٢٠٢٣", day(2023, 6, 13)},
		{"الثلاثاء 13 حزيران 2023", day(2023, 6, 13)},
		{"13 जून 2023", day(2023, 6, 13)},
		{"۲۰۲۳-۰۶-۱۳", day(2023, 6, 13)},
		{"3. maaliskuuta 2025", day(2025, 3, 3)},
		{"2025. március 3.", day(2025, 3, 3)},
		{"3 martie 2025", day(2025, 3, 3)},
		{"3 Μαρτίου 2025", day(2025, 3, 3)},
		{"3. ožujka 2025.", day(2025, 3, 3)},
		{"2025 m. kovo 3 d.", day(2025, 3, 3)},
		{"3 декември 2025", day(2025, 12, 3)},
		{"3. detsember 2025", day(2025, 12, 3)},
		{"2025. gada 3. decembrī", day(2025, 12, 3)},
		{"3 Desember 2025", day(2025, 12, 3)},
		// Slovak and Slovenian genitives; Hebrew, with and without the
		// "in" a date puts before the month.
		{"3. decembra 2025", day(2025, 12, 3)},
		{"14. júla 2025", day(2025, 7, 14)},
		{"3. junija 2025", day(2025, 6, 3)},
		{"3 בדצמבר 2025", day(2025, 12, 3)},
		{"14 יולי 2025", day(2025, 7, 14)},
		{"2026-11-20T08:30:00Z", day(2026, 11, 20)},
		{"23.02.2025", day(2025, 2, 23)},
		{"02/23/2025", day(2025, 2, 23)},
		{"23/02/2025", day(2025, 2, 23)},
		{"03/04/2025", day(2025, 3, 4)},
		{"2025年2月23日 10:00", day(2025, 2, 23)},
		{"2025년 2월 23일", day(2025, 2, 23)},
		{"Updated 5 hours ago", time.Time{}},
		{"31 April 2025", time.Time{}},
		{"In 1066 the Normans came", time.Time{}},
		{"Page 3 of 12", time.Time{}},
		{"The May 2025 budget", time.Time{}},
		{"", time.Time{}},
	}
	for _, tc := range tests {
		if got := findDate(tc.in); !got.Equal(tc.want) {
			t.Errorf("findDate(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	// Day first where the language writes it so; the numbers still rule.
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"Publié le 04/03/2024 à 15h45", day(2024, 3, 4)},
		{"04/23/2024", day(2024, 4, 23)},
		{"23.02.2025", day(2025, 2, 23)},
	} {
		if got := findDateOrdered(tc.in, true); !got.Equal(tc.want) {
			t.Errorf("findDateOrdered(%q, day first) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestCopiedDateDayFirst: a French story's date in slashes is read day
// first, an English one's month first.
func TestCopiedDateDayFirst(t *testing.T) {
	fr := "Les ferries du port reprennent après les tempêtes de l'hiver\n\nPublié le 04/03/2024 à 15h45\n\n" +
		strings.Repeat("Les ferries ont repris lundi leurs horaires d'hiver après trois semaines de tempêtes qui ont retenu la flotte au port, a indiqué l'exploitant. ", 3)
	en := "Harbour ferries return after the winter storms\n\nPublished 04/03/2024\n\n" +
		strings.Repeat("Harbour ferries returned to their winter timetable on Monday after three weeks of storms kept most of the fleet in port. ", 3)
	for _, tc := range []struct {
		text string
		want string
	}{{fr, "2024-03-04"}, {en, "2024-04-03"}} {
		a, err := Parse([]byte(tc.text), Text, "copied.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Published.Format(time.DateOnly); got != tc.want {
			t.Errorf("%.40q: date %s, want %s", tc.text, got, tc.want)
		}
	}
}

// TestMonthNamesUnique: no name or abbreviation stands for two months in
// different languages.
func TestMonthNamesUnique(t *testing.T) {
	seen := map[string]int{}
	for i, names := range monthNames {
		for _, n := range names {
			if j, ok := seen[n]; ok && j != i {
				t.Errorf("%q is month %d and month %d", n, j+1, i+1)
			}
			seen[n] = i
		}
	}
}

func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"February 23, 2025", "23.02.2025", "2025年2月23日", "1st", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := findDate(s)
		if !d.IsZero() && (d.Year() < 1990 || d.Year() > 2100) {
			t.Errorf("findDate(%q) = %v, outside the years read", s, d)
		}
	})
}

// FuzzParseText: the reader of pasted text never invents text. Every
// block, and the title unless it was made from the body's first words,
// is a stretch of the input (with its white space folded). Bytes that
// are not UTF-8 are read as the legacy character set the reader
// assumes, so the text to compare with is that decoding.
func FuzzParseText(f *testing.F) {
	f.Add("Skip to content\nMenu\n\nHeadline here\nBy A\n\nA paragraph of more than twelve words that keeps on going for a while now.\n\nMost popular\nx")
	f.Add("Headline\nJane Doe\n23 February 2025\n\nBody sentence one. Body two.\n\nComments\nA comment that is long enough to look like running prose text.")
	f.Add("一二三四五六七八九十。\n\n标题\n\n二〇二五年二月二十三日")
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse([]byte(s), Text, "fuzz", nil)
		if err != nil {
			return
		}
		raw := []byte(s)
		if !utf8.Valid(raw) {
			raw = decodeLegacyText(raw)
		}
		in := cleanSpace(string(raw))
		for _, b := range a.Blocks {
			if !strings.Contains(in, b.Text) {
				t.Fatalf("block %q is not in the input", b.Text)
			}
		}
		if !strings.HasSuffix(a.Title, "…") && !strings.Contains(in, a.Title) {
			t.Fatalf("title %q is not in the input", a.Title)
		}
	})
}

// TestAgoDate: a time ago in a copied page's header, in the languages
// aloud reads, counted back from now.
func TestAgoDate(t *testing.T) {
	now := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"2 hours ago": "2026-12-02", "Updated 3 days ago": "2026-11-29", "an hour ago": "2026-12-02", "12 hours ago": "2026-12-01",
		"1 week ago": "2026-11-25", "vor 2 Stunden": "2026-12-02", "vor einem Tag": "2026-12-01", "hace 3 días": "2026-11-29",
		"il y a 2 heures": "2026-12-02", "3 дня назад": "2026-11-29", "2 дні тому": "2026-11-30", "2 giorni fa": "2026-11-30",
		"yesterday at 5pm": "2026-12-01", "Years ago, we went there": "", "He said it was a day he would not forget": "",
		// Czech, Polish, Dutch, Swedish, Norwegian, Turkish, Portuguese:
		// a Turkish week (hafta) is no hour, a minute (dakika) no day.
		"před 2 hodinami": "2026-12-02", "před 3 dny": "2026-11-29", "2 godziny temu": "2026-12-02", "3 dni temu": "2026-11-29",
		"2 uur geleden": "2026-12-02", "för 2 timmar sedan": "2026-12-02", "2 timer siden": "2026-12-02", "2 hafta önce": "2026-11-18",
		"30 dakika önce": "2026-12-02", "3 gün önce": "2026-11-29", "há 2 horas": "2026-12-02",
		// Finnish and Indonesian; an Indonesian week (minggu) is no
		// minute. Yesterday in Finnish, Czech, Turkish, Indonesian.
		"2 tuntia sitten": "2026-12-02", "3 päivää sitten": "2026-11-29", "2 jam yang lalu": "2026-12-02",
		"3 hari yang lalu": "2026-11-29", "2 minggu yang lalu": "2026-11-18", "eilen klo 14.05": "2026-12-01", "včera 14:05": "2026-12-01",
		"dün 14:05": "2026-12-01", "kemarin": "2026-12-01",
		// Chinese, Japanese, Korean, with and without spaces.
		"3小时前": "2026-12-02", "3天前": "2026-11-29", "2時間前": "2026-12-02", "3日前": "2026-11-29", "3시간 전": "2026-12-02",
		"3일 전": "2026-11-29", "2주 전": "2026-11-18", "昨天 14:05": "2026-12-01", "어제": "2026-12-01",
	} {
		d, ok := agoDate(in, now)
		got := ""
		if ok {
			got = d.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("agoDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestParseDate reads dates as metadata fields write them: ISO forms,
// an RFC 1123 date with a day of one digit, slashes, eight digits
// together, and failing those a date as pages print it.
func TestParseDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"2025-03-04T10:15:00Z", "2025-03-04T10:15:00Z"},
		{"2025-03-04T10:15:00.000", "2025-03-04T10:15:00Z"},
		{"Tue, 4 Mar 2025 10:15:00 GMT", "2025-03-04T10:15:00Z"},
		{"2025/03/04", "2025-03-04T00:00:00Z"},
		{"20250304", "2025-03-04T00:00:00Z"},
		{"March 4, 2025 at 10:15 AM", "2025-03-04T00:00:00Z"},
		{"04.03.2025", "2025-03-04T00:00:00Z"},
		{"sometime", "0001-01-01T00:00:00Z"},
		{"", "0001-01-01T00:00:00Z"},
	} {
		if got := parseDate(tc.in).UTC().Format(time.RFC3339); got != tc.want {
			t.Errorf("parseDate(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
