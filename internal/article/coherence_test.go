package article

import (
	"strings"
	"testing"
)

// TestCoherentSpan: after a run of page furniture, paragraphs that take up
// the story's words are the story going on (after a gallery, an ad); those
// that do not are another story (a live feed, a sidebar), where the body
// ends.
func TestCoherentSpan(t *testing.T) {
	story := []string{
		"The harbour board voted on Tuesday to build a new sea wall after the winter floods damaged homes along the front.",
		"The wall will cost eighteen million pounds and the board said building would start in the spring if the council agrees.",
		"Residents whose homes flooded twice last winter said the harbour board had waited too long to act on the sea wall.",
	}
	furniture := []string{"Advertisement", "Share", "Photo gallery", "Next"}
	more := "Board members said the sea wall would protect homes on the harbour front for fifty years, and the flood maps would be redrawn."
	other := "A famous painter was arrested in Iceland for dyeing a geyser pink as an art project, police in Reykjavik said on Friday."
	for _, tc := range []struct {
		name  string
		after []string
		keep  string
	}{
		{"the story goes on", []string{more, more + " Again."}, more},
		{"another story follows", []string{other, other + " Again."}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			units := append(append(append([]string{"Menu", "Harbour board approves sea wall"}, story...), furniture...), tc.after...)
			weights := unitWeights(units)
			start, end := bodySpan(units, weights)
			start, end = coherentSpan(units, weights, start, end)
			body := strings.Join(units[start:end], "\n")
			if !strings.Contains(body, story[0]) || !strings.Contains(body, story[2]) {
				t.Fatalf("the story itself was cut: %q", body)
			}
			if tc.keep != "" && !strings.Contains(body, tc.keep) {
				t.Errorf("the story's own paragraph after the gap was cut: %q", body)
			}
			if tc.keep == "" && strings.Contains(body, "geyser") {
				t.Errorf("another story was read as this one's: %q", body)
			}
		})
	}
}
