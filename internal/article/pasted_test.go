package article

import (
	"strings"
	"testing"
)

// TestTitleEchoedByLead: of two headline-like lines over the story, the
// one whose words the story's first sentences take up is its headline,
// whichever stands nearer; the other is a teaser for another story.
func TestTitleEchoedByLead(t *testing.T) {
	headline := "Science graduates lack the skills employers need"
	teaser := "Weather warning issued for coastal towns tonight"
	body := "Science graduates are leaving university without the skills that employers say they need, a survey of businesses has found. " +
		"The employers questioned said graduates lacked practical experience in the laboratory and in writing reports. " +
		"Universities said they were already changing their courses to answer the criticism."
	for _, order := range [][]string{{headline, teaser}, {teaser, headline}} {
		text := strings.Join([]string{"Home", "News", order[0], order[1], body, body, body}, "\n\n")
		a, err := Parse([]byte(text), Text, "copied.txt", nil)
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != headline {
			t.Errorf("lines %q then %q: title %q", order[0], order[1], a.Title)
		}
	}
}

func TestEchoScore(t *testing.T) {
	lead := leadWords([]string{"Menu", "Science graduates lack skills, employers say."}, 1)
	for _, tc := range []struct {
		line string
		want int
	}{
		{"Science graduates lack skills", echoWeight},
		{"Graduates and the weather", echoWeight / 2}, // graduates, weather
		{"Weather warning tonight", 0},
		{"", 0},
		{"a b c", 0}, // no word of four letters
	} {
		if got := echoScore(tc.line, lead, -1); got != tc.want {
			t.Errorf("echoScore(%q) = %d, want %d", tc.line, got, tc.want)
		}
	}
	// A line of the lead itself is no echo of the lead.
	if got := echoScore("Science graduates lack skills, employers say.", lead, 1); got != 0 {
		t.Errorf("the lead's own line scored %d", got)
	}
}
