package narrate

import (
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/textnorm"
)

// TestRoundupLines: in every language with phrases, the opening names the
// title, the newest story's day and the count, each story gets its
// transition, and where aloud normalizes the language, the lines are said
// with no figure left and no count read as an ordinal.
func TestRoundupLines(t *testing.T) {
	stories := []feed.Episode{
		{Title: "Harbour board approves sea wall", Published: time.Date(2026, 12, 1, 7, 0, 0, 0, time.UTC)},
		{Title: "Ferry timetable changes", Published: time.Date(2026, 12, 2, 6, 0, 0, 0, time.UTC)},
	}
	ordinals := map[string][]string{"de": {"erster", "zweiter", "ersten"}, "es": {"primero", "segundo"}, "ru": {"первый", "второй"}, "uk": {"перший", "другий"}}
	for lang := range roundupWords {
		lines := roundupLines(lang, "Briefing", stories)
		if len(lines) != 4 || !strings.Contains(lines[0].Text, "Briefing") || !strings.Contains(lines[0].Text, "2") ||
			!strings.Contains(lines[2].Text, "Ferry timetable changes") || !strings.Contains(lines[3].Text, "Briefing") {
			t.Errorf("%s: %+v", lang, lines)
			continue
		}
		if !textnorm.Supported(lang) {
			continue
		}
		n := textnorm.Normalizer{Language: lang}
		for i, l := range lines {
			said := strings.ToLower(n.Normalize(l.Text))
			if strings.ContainsAny(said, "0123456789") {
				t.Errorf("%s: %q said as %q", lang, l.Text, said)
			}
			if i == 0 || i == len(lines)-1 {
				continue // the opening's date is an ordinal, rightly
			}
			for _, o := range ordinals[lang] {
				if strings.Contains(said, o) {
					t.Errorf("%s: the story's number in %q said as an ordinal: %q", lang, l.Text, said)
				}
			}
		}
	}
}
