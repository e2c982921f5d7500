package textnorm

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// testIntegers are the integers the properties run over: every power of
// ten to 10^18 with its neighbours, and random ones of every length.
func testIntegers(r *rand.Rand, random int) []uint64 {
	var out []uint64
	p := uint64(1)
	for i := 0; i <= 18; i++ {
		out = append(out, p, p+1)
		if p > 1 {
			out = append(out, p-1)
		}
		if i < 18 {
			p *= 10
		}
	}
	out = append(out, 0, 2, 11, 12, 13, 19, 20, 21, 99, 101, 110, 111, 999, 1001, 1010, 1100, 18081, 100000, 1000000000000000000)
	for range random {
		digits := 1 + r.IntN(19)
		v := r.Uint64N(1_000_000_000_000_000_001)
		for v >= pow10(digits) {
			v /= 10
		}
		out = append(out, v)
	}
	return out
}

func pow10(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 10
	}
	return p
}

// group writes n with a comma between thousands.
func group(n uint64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// between returns what Normalize said between a prefix and a suffix it
// kept.
func between(t *testing.T, out, prefix, suffix string) string {
	t.Helper()
	if !strings.HasPrefix(out, prefix) || !strings.HasSuffix(out, suffix) {
		t.Fatalf("%q lost its words around the number (%q … %q)", out, prefix, suffix)
	}
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(out, prefix), suffix))
}

// TestPropertyIntegers: every integer from 0 to 10^18, with and without
// thousands separators, signed or not, alone or counting something, is
// said in words that the independent reader turns back into the same
// number. Whatever reading the context picks (cardinal, digits, year),
// the value never changes.
func TestPropertyIntegers(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := Normalizer{Language: "en"}
	for _, v := range testIntegers(r, 3000) {
		for _, written := range []string{fmt.Sprint(v), group(v)} {
			for _, sign := range []string{"", "-"} {
				if sign == "-" && v == 0 {
					continue
				}
				for _, frame := range [][2]string{{"", ""}, {"about ", " people"}, {"The total was ", "."}, {"(", ")"}} {
					want := sign + fmt.Sprint(v)
					if len(written) > 1 && written[0] == '0' {
						want = sign + written
					}
					readsBack(t, n, frame, sign+written, want, oracleNumber)
				}
			}
		}
	}
}

// TestPropertyDecimals: a decimal keeps its integer part and every digit
// after the point, in order.
func TestPropertyDecimals(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	n := Normalizer{Language: "en"}
	for range 3000 {
		whole := r.Uint64N(10_000_000)
		frac := fmt.Sprint(r.Uint64N(100000))
		for len(frac) < 1+r.IntN(5) {
			frac = "0" + frac
		}
		for _, written := range []string{fmt.Sprintf("%d.%s", whole, frac), fmt.Sprintf("%s.%s", group(whole), frac)} {
			out := n.Normalize("It rose to " + written + " on Monday")
			spoken := between(t, out, "It rose to", "on Monday")
			got, ok := oracleDecimal(spoken)
			want := fmt.Sprintf("%d.%s", whole, frac)
			if !ok || got != want {
				t.Fatalf("%q → %q: read back as %q, want %s", written, out, got, want)
			}
		}
	}
}

// TestPropertyGluedDecimals: a decimal with letters glued on ("0.5pp",
// "3.2bn", "7.5M") keeps its value: it is said whole, or left as
// written, never its integer part apart from a fraction read as a
// number of its own ("0.five pp").
func TestPropertyGluedDecimals(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	n := Normalizer{Language: "en"}
	letters := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	for range 3000 {
		whole := r.Uint64N(100000)
		frac := fmt.Sprint(1 + r.Uint64N(999))
		var suf strings.Builder
		for range 1 + r.IntN(4) {
			suf.WriteByte(letters[r.IntN(len(letters))])
		}
		written := fmt.Sprintf("%d.%s%s", whole, frac, suf.String())
		out := n.Normalize("It rose " + written + " on Monday")
		spoken := between(t, out, "It rose", "on Monday")
		if strings.Contains(spoken, written) {
			continue // left as written: the voice reads it
		}
		words := strings.Fields(spoken)
		// The number is the words up to the last digit word after
		// "point"; what follows is the suffix or its unit.
		end := slices.Index(words, "point")
		if end < 0 || strings.ContainsAny(spoken, "0123456789") {
			t.Fatalf("%q → %q", written, out)
		}
		end++
		for end < len(words) && digitWord[words[end]] {
			end++
		}
		got, ok := oracleDecimal(strings.Join(words[:end], " "))
		if want := fmt.Sprintf("%d.%s", whole, frac); !ok || got != want {
			t.Fatalf("%q → %q: read back as %q, want %s", written, out, got, want)
		}
	}
}

var digitWord = map[string]bool{"zero": true, "oh": true, "one": true, "two": true, "three": true, "four": true, "five": true,
	"six": true, "seven": true, "eight": true, "nine": true}

// TestPropertyMoney: a sum keeps its currency, its amount and its minor
// units: "$1,234.05" is one thousand two hundred thirty four dollars and
// five cents, never five dollars or a hundred and five cents.
func TestPropertyMoney(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	n := Normalizer{Language: "en"}
	currencies := []struct{ sym, one, many, minorOne, minorMany string }{
		{"$", "dollar", "dollars", "cent", "cents"}, {"€", "euro", "euros", "cent", "cents"}, {"£", "pound", "pounds", "penny", "pence"},
	}
	sayMinor := regexp.MustCompile(`^(?:(.*) (dollars?|euros?|pounds?))?(?: ?(.*) (cents?|pence|penny))?$`)
	for range 4000 {
		c := currencies[r.IntN(len(currencies))]
		major := r.Uint64N(pow10(1 + r.IntN(9)))
		minor := r.IntN(100)
		written := c.sym + group(major)
		if r.IntN(2) == 0 {
			written = c.sym + fmt.Sprint(major)
		}
		if minor > 0 || r.IntN(3) == 0 {
			written += fmt.Sprintf(".%02d", minor)
		}
		out := n.Normalize("It cost " + written + " in all")
		spoken := between(t, out, "It cost", "in all")
		m := sayMinor.FindStringSubmatch(spoken)
		if m == nil {
			t.Fatalf("%q → %q: not a sum in %s", written, spoken, c.many)
		}
		gotMajor, gotMinor := "0", "0"
		if m[1] != "" {
			v, ok := oracleNumber(m[1])
			if !ok {
				t.Fatalf("%q → %q: %q is not a number", written, spoken, m[1])
			}
			gotMajor = v
			if (m[2] == c.one) != (major == 1) || !strings.HasPrefix(m[2], c.one[:3]) {
				t.Fatalf("%q → %q: unit %q", written, spoken, m[2])
			}
		}
		if m[3] != "" {
			v, ok := oracleNumber(m[3])
			if !ok {
				t.Fatalf("%q → %q: %q is not a number", written, spoken, m[3])
			}
			gotMinor = v
			if (m[4] == c.minorOne) != (minor == 1) {
				t.Fatalf("%q → %q: minor unit %q", written, spoken, m[4])
			}
		}
		if gotMajor != fmt.Sprint(major) || gotMinor != fmt.Sprint(minor) {
			t.Fatalf("%q → %q: read back as %s and %s hundredths", written, spoken, gotMajor, gotMinor)
		}
	}
}

// TestPropertyDates: a date written in any supported layout is said so
// that reading the month, the day and the year back gives the same date
// that time.Parse reads from the written form.
func TestPropertyDates(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	n := Normalizer{Language: "en"}
	layouts := []string{"January 2, 2006", "January 2 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "02 Jan 2006",
		"2006-01-02", "2006/01/02", "01/02/2006", "1/2/2006"}
	dayFirst := regexp.MustCompile(`^(?:the )?(.+?) of (\w+) (.*)$`)
	monthFirst := regexp.MustCompile(`^(\w+) (\w+(?: \w+)?) (\w+ \w+(?: \w+)*)$`)
	for range 3000 {
		want := time.Date(1100+r.IntN(1000), time.Month(1+r.IntN(12)), 1, 0, 0, 0, 0, time.UTC)
		want = want.AddDate(0, 0, r.IntN(daysIn(want)))
		layout := layouts[r.IntN(len(layouts))]
		written := want.Format(layout)
		parsed, err := time.Parse(layout, written)
		if err != nil || !parsed.Equal(want) {
			t.Fatalf("time.Parse(%q, %q) = %v, %v", layout, written, parsed, err)
		}
		out := n.Normalize("On " + written + " it rained")
		spoken := between(t, out, "On", "it rained")
		var month, day, year string
		if m := dayFirst.FindStringSubmatch(spoken); m != nil {
			day, month, year = m[1], m[2], m[3]
		} else if m := monthFirst.FindStringSubmatch(spoken); m != nil {
			// The day is one ordinal word, or a tens word and one.
			month, day, year = m[1], m[2], m[3]
			if f := strings.Fields(day); len(f) == 2 {
				if _, ok := oracleOrdinal(day); !ok {
					day, year = f[0], f[1]+" "+year
				}
			}
		} else {
			t.Fatalf("%q → %q: not a spoken date", written, spoken)
		}
		mon := enMonthNumber(month)
		d, okd := oracleOrdinal(day)
		y, oky := oracleNumber(year)
		got := fmt.Sprintf("%04s-%02d-%02s", y, mon, d)
		if !okd || !oky || got != want.Format("2006-01-02") {
			t.Fatalf("%q (%s) → %q: read back as %s", written, layout, spoken, got)
		}
	}
}

func daysIn(t time.Time) int { return t.AddDate(0, 1, -1).Day() }

// TestPropertyTimes: a time keeps its hour, minutes, seconds and half of
// the day.
func TestPropertyTimes(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	n := Normalizer{Language: "en"}
	hms := regexp.MustCompile(`^(\w+(?: \w+)?) hours? (\w+(?: \w+)?) minutes? and (\w+(?: \w+)?) seconds?(?: (AM|PM))?$`)
	for range 3000 {
		h, mi, s := r.IntN(24), r.IntN(60), r.IntN(60)
		var written string
		ampm := ""
		switch r.IntN(3) {
		case 0:
			written = fmt.Sprintf("%d:%02d", h, mi)
		case 1:
			written = fmt.Sprintf("%02d:%02d:%02d", h, mi, s)
		default:
			h = 1 + r.IntN(12)
			ampm = []string{"AM", "PM"}[r.IntN(2)]
			written = fmt.Sprintf("%d:%02d %s", h, mi, []string{"a.m.", "p.m.", "am", "pm"}[r.IntN(2)*2+r.IntN(2)][:]) // "5:07 p.m."
			if strings.HasPrefix(written[strings.LastIndex(written, " ")+1:], "a") != (ampm == "AM") {
				ampm = map[string]string{"AM": "PM", "PM": "AM"}[ampm]
			}
		}
		out := n.Normalize("At " + written + " the bell rang")
		said := between(t, out, "At", "the bell rang")
		if m := hms.FindStringSubmatch(said); m != nil {
			hh, _ := oracleNumber(m[1])
			mm, _ := oracleNumber(m[2])
			ss, _ := oracleNumber(m[3])
			if hh != fmt.Sprint(h) || mm != fmt.Sprint(mi) || ss != fmt.Sprint(s) {
				t.Fatalf("%q → %q: read back as %s:%s:%s", written, said, hh, mm, ss)
			}
			continue
		}
		gotH, gotM, gotAmPm, ok := readClock(said)
		if !ok || gotH != h || gotM != mi || gotAmPm != ampm {
			t.Fatalf("%q → %q: read back as %d:%02d %s (ok %v)", written, said, gotH, gotM, gotAmPm, ok)
		}
	}
}

// readClock reads "eight thirteen AM", "fourteen oh five", "one o'clock":
// the hour is the longest start that is a number up to 24 and leaves a
// reading of minutes.
func readClock(said string) (h, m int, ampm string, ok bool) {
	words := strings.Fields(said)
	if n := len(words); n > 0 && (words[n-1] == "AM" || words[n-1] == "PM") {
		ampm, words = words[n-1], words[:n-1]
	}
	minutes := func(ws []string) (int, bool) {
		switch {
		case len(ws) == 0, len(ws) == 1 && ws[0] == "o'clock":
			return 0, true
		case ws[0] == "oh":
			v, ok := oracleCardinal(ws[1:])
			return int(v.Int64()), ok && len(ws) == 2 && v.Int64() < 10
		}
		v, ok := oracleCardinal(ws)
		return int(v.Int64()), ok && v.Int64() >= 10 && v.Int64() < 60
	}
	for n := min(2, len(words)); n >= 1; n-- {
		hv, okh := oracleCardinal(words[:n])
		if !okh || hv.Int64() > 24 {
			continue
		}
		if mv, okm := minutes(words[n:]); okm {
			return int(hv.Int64()), mv, ampm, true
		}
	}
	return 0, 0, ampm, false
}

// randomDigits is k random decimal digits.
func randomDigits(r *rand.Rand, k int) string {
	var b strings.Builder
	for range k {
		b.WriteByte(byte('0' + r.IntN(10)))
	}
	return b.String()
}

// TestPropertyTelephone: a telephone number keeps every digit, in order,
// in its groups.
func TestPropertyTelephone(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	n := Normalizer{Language: "en"}
	d := func(k int) string { return randomDigits(r, k) }
	for range 3000 {
		area, ex, line := d(3), d(3), d(4)
		formats := []string{"(%s) %s-%s", "%s-%s-%s", "%s.%s.%s", "+1 %s-%s-%s", "+1 (%s) %s-%s"}
		f := formats[r.IntN(len(formats))]
		written := fmt.Sprintf(f, area, ex, line)
		out := n.Normalize("Call " + written + " today")
		said := between(t, out, "Call", "today")
		var groups []string
		for _, g := range strings.Split(said, ", ") {
			g = strings.TrimPrefix(g, "plus ")
			digits, ok := oracleDigits(strings.Fields(g))
			if !ok && g != "one" {
				t.Fatalf("%q → %q: group %q is not digits", written, said, g)
			}
			if g == "one" {
				digits = "1"
			}
			groups = append(groups, digits)
		}
		want := area + ex + line
		if strings.HasPrefix(written, "+1") {
			want = "1" + want
		}
		if strings.Join(groups, "") != want {
			t.Fatalf("%q → %q: digits %v", written, said, groups)
		}
	}
}

// TestPropertyRanges: a range keeps both ends.
func TestPropertyRanges(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	n := Normalizer{Language: "en"}
	for range 3000 {
		a := r.Uint64N(100000)
		b := a + 1 + r.Uint64N(100000)
		written := fmt.Sprintf("%s-%s", group(a), group(b))
		out := n.Normalize("between " + written + " votes")
		said := between(t, out, "between", "votes")
		x, y, ok := strings.Cut(said, " to ")
		if !ok {
			t.Fatalf("%q → %q: no range", written, said)
		}
		ga, oka := oracleNumber(x)
		gb, okb := oracleNumber(y)
		if !oka || !okb || ga != fmt.Sprint(a) || gb != fmt.Sprint(b) {
			t.Fatalf("%q → %q: read back as %s to %s", written, said, ga, gb)
		}
	}
}

// TestOracle checks the oracle itself on readings written by hand, so that
// it cannot agree with a wrong verbalizer by accident.
func TestOracle(t *testing.T) {
	for spoken, want := range map[string]string{
		"zero": "0", "one hundred and twenty three": "123", "one hundred twenty three million twelve": "123000012",
		"eighteen thousand and eighty one": "18081", "nineteen seventy six": "1976", "twenty twelve": "2012",
		"nineteen oh five": "1905", "nineteen hundred": "1900", "two thousand six": "2006", "zero zero four": "004",
		"minus two": "-2", "one quintillion": "1000000000000000000", "nine hundred ninety nine quadrillion": "999000000000000000",
	} {
		if got, ok := oracleNumber(spoken); !ok || got != want {
			t.Errorf("oracle(%q) = %q, %v; want %s", spoken, got, ok, want)
		}
	}
	for _, bad := range []string{"nineteen seventy", "two one hundred", "one thousand million", "and one", "twenty twelve thousand", "hundred"} {
		if v, ok := oracleCardinal(strings.Fields(bad)); ok {
			t.Errorf("oracle read %q as a cardinal (%v)", bad, v)
		}
	}
	if v, _ := oracleCardinal(strings.Fields("one million one")); v.Cmp(big.NewInt(1000001)) != 0 {
		t.Errorf("one million one = %v", v)
	}
}

// TestPropertyOrdinals: an ordinal written with its suffix ("23rd",
// "1,000th") reads back to its value, alone and in running text.
func TestPropertyOrdinals(t *testing.T) {
	r := rand.New(rand.NewPCG(31, 32))
	n := Normalizer{Language: "en"}
	for _, v := range testIntegers(r, 2000) {
		if v == 0 {
			continue
		}
		suffix := "th"
		if v%100 < 11 || v%100 > 13 {
			suffix = map[uint64]string{1: "st", 2: "nd", 3: "rd"}[v%10]
			if suffix == "" {
				suffix = "th"
			}
		}
		for _, written := range []string{fmt.Sprint(v), group(v)} {
			for _, frame := range [][2]string{{"", ""}, {"the ", " time"}, {"It was the ", "."}} {
				readsBack(t, n, frame, written+suffix, fmt.Sprint(v), oracleOrdinal)
			}
		}
	}
}

// TestPropertyPercentages: a percentage keeps its number and says
// "percent".
func TestPropertyPercentages(t *testing.T) {
	r := rand.New(rand.NewPCG(33, 34))
	n := Normalizer{Language: "en"}
	for range 3000 {
		whole := r.Uint64N(100000)
		written := group(whole)
		want := fmt.Sprint(whole)
		if r.IntN(2) == 0 {
			frac := fmt.Sprint(r.Uint64N(100))
			written += "." + frac
			want += "." + frac
		}
		readPercent := func(spoken string) (string, bool) {
			num, ok := strings.CutSuffix(spoken, " percent")
			if !ok {
				return "", false
			}
			if strings.Contains(want, ".") {
				return oracleDecimal(num)
			}
			return oracleNumber(num)
		}
		for _, frame := range [][2]string{{"", ""}, {"up ", " on the year"}, {"It rose ", "."}} {
			readsBack(t, n, frame, written+"%", want, readPercent)
		}
	}
}

// readsBack normalizes written in its frame and checks that read, given
// what is said between the frame's ends, gives want.
func readsBack(t *testing.T, n Normalizer, frame [2]string, written, want string, read func(string) (string, bool)) {
	t.Helper()
	in := frame[0] + written + frame[1]
	out := n.Normalize(in)
	spoken := between(t, out, frame[0], frame[1])
	if got, ok := read(spoken); !ok || got != want {
		t.Fatalf("%q → %q: read back as %q (ok %v), want %s", in, out, got, ok, want)
	}
}
