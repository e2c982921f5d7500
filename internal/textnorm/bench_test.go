package textnorm

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// benchArticle is about 5,000 words of news prose with the forms
// normalization reads at the rate news has them (a number every dozen
// words or so).
func benchArticle() string {
	paragraph := `The council voted 7-2 on Tuesday, March 3, 2026, to spend $12.5 million on the library, which has served
about 12,000 residents since 1998. Officials said the branch will open at 9:30 a.m. and close at 8 p.m., and that
visits rose by 35% to 41,459 last year. "It is the best news in a decade," said Dr. Jane Smith, who lives on
Main St. near the 21st Street station. Call (555) 123-4567 or write to library@example.org for details; the
plan, approved 10-3 in 2025, covers 2,500 sq ft of new space and a 4.5 km cycle path. Work starts in Q2 2026
and should end by the mid-2030s, the report said. Readers borrowed 1.2 million books, up from 980,000.`
	var b strings.Builder
	for b.Len() < 5000*6 {
		b.WriteString(paragraph)
		b.WriteString("\n")
	}
	return b.String()
}

// BenchmarkNormalizeArticle normalizes a 5,000-word article sentence by
// sentence, as the script does (target: under 20 ms).
func BenchmarkNormalizeArticle(b *testing.B) {
	text := benchArticle()
	lines := strings.Split(text, "\n")
	n := Normalizer{Language: "en"}
	words := len(strings.Fields(text))
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		for _, l := range lines {
			n.Normalize(l)
		}
	}
	b.ReportMetric(float64(words), "words")
}

// BenchmarkHostileLine normalizes 40,000 characters of digits, signs and
// letters with no spaces to speak of, in every language: the time must
// grow with the length, not its square (a regexp that scans to the end
// of the line at every place would take seconds).
func BenchmarkHostileLine(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	const alphabet = "0123456789-.,/:+( $%°aZbQ"
	var sb strings.Builder
	for range 40000 {
		sb.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	line := sb.String()
	b.SetBytes(int64(len(line)) * int64(len(Languages())))
	for b.Loop() {
		for _, lang := range Languages() {
			(Normalizer{Language: lang}).Normalize(line)
		}
	}
}
