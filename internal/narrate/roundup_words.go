package narrate

import (
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/script"
)

// roundupPhrases are what a roundup says around its stories, by
// language: the opening (the title, the day, how many stories), the
// transition before each story and the closing. The count is a figure
// after a label (no noun to decline after it), with no full stop after
// it: German reads "3." as an ordinal.
type roundupPhrases struct {
	opening    string // %[1]s title, %[2]s date, %[3]d count
	transition string // %[1]d number, %[2]s title; a colon after the number ("1." is an ordinal in German)
	closing    string // %[1]s title
}

var roundupWords = map[string]roundupPhrases{
	"en": {"%[1]s for %[2]s. Stories: %[3]d", "Story %[1]d: %[2]s.", "That was %[1]s."},
	"de": {"%[1]s vom %[2]s. Beiträge: %[3]d", "Beitrag %[1]d: %[2]s.", "Das war %[1]s."},
	"es": {"%[1]s del %[2]s. Noticias: %[3]d", "Noticia %[1]d: %[2]s.", "Esto fue %[1]s."},
	"fr": {"%[1]s du %[2]s. Articles : %[3]d", "Article %[1]d : %[2]s.", "C'était %[1]s."},
	"it": {"%[1]s del %[2]s. Articoli: %[3]d", "Articolo %[1]d: %[2]s.", "Questo era %[1]s."},
	"pt": {"%[1]s de %[2]s. Notícias: %[3]d", "Notícia %[1]d: %[2]s.", "Este foi %[1]s."},
	"pl": {"%[1]s, %[2]s. Artykuły: %[3]d", "Artykuł %[1]d: %[2]s.", "To był %[1]s."},
	"nl": {"%[1]s van %[2]s. Verhalen: %[3]d", "Verhaal %[1]d: %[2]s.", "Dat was %[1]s."},
	"sv": {"%[1]s, %[2]s. Artiklar: %[3]d", "Artikel %[1]d: %[2]s.", "Det var %[1]s."},
	"ru": {"%[1]s, %[2]s. Материалов: %[3]d", "Материал %[1]d: %[2]s.", "Это был выпуск «%[1]s»."},
	"uk": {"%[1]s, %[2]s. Матеріалів: %[3]d", "Матеріал %[1]d: %[2]s.", "Це був випуск «%[1]s»."},
}

// roundupLines are the lines a roundup speaks: the opening, a transition
// before each story (a chapter starts there) and the closing. The day is
// the newest story's, so that the same stories say the same opening.
func roundupLines(lang, title string, stories []feed.Episode) []script.Line {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	w, ok := roundupWords[primary]
	if !ok {
		w = roundupWords["en"]
	}
	var day time.Time
	for _, s := range stories {
		if s.Published.After(day) {
			day = s.Published
		}
	}
	date := script.SpokenDate(day.UTC(), lang)
	if primary == "en" || !ok {
		date = day.UTC().Weekday().String() + ", " + date // "Tuesday, December 2, 2026"
	}
	lines := []script.Line{{Text: fmt.Sprintf(w.opening, strings.TrimRight(title, ". "), date, len(stories))}}
	for i, s := range stories {
		lines = append(lines, script.Line{Text: fmt.Sprintf(w.transition, i+1, strings.TrimRight(s.Title, ". ")), Pause: 700 * time.Millisecond})
	}
	lines = append(lines, script.Line{Text: fmt.Sprintf(w.closing, strings.TrimRight(title, ". ")), Pause: 700 * time.Millisecond})
	return lines
}

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }
