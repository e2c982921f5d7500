package article

import (
	"fmt"
	"strings"
	"testing"
)

func paras(texts ...string) []Block {
	var bs []Block
	for _, t := range texts {
		bs = append(bs, Block{Kind: Paragraph, Text: t})
	}
	return bs
}

// story is an article's own blocks, long enough to be one.
var story = []string{
	"The council met on Tuesday to vote on the budget.",
	"It passed by seven votes to two after a long debate.",
	"The mayor said the vote was a turning point for the city.",
	"Opponents said they would keep fighting the cuts.",
}

func TestCutThread(t *testing.T) {
	thread := func(sig func(i int) string, after bool) []string {
		var out []string
		for i := range 4 {
			text := fmt.Sprintf("Comment number %d says what a reader thinks of the story.", i)
			if after {
				out = append(out, text, sig(i))
			} else {
				out = append(out, sig(i), text)
			}
		}
		return out
	}
	names := []string{"Ellen", "Paul Crowley", "bickerdyke", "Dr. I. Needtob Athe"}
	for _, tc := range []struct {
		name   string
		blocks []string
		keep   int
	}{
		{"signatures under comments", append(append([]string{}, story...), thread(func(i int) string {
			return fmt.Sprintf("Posted by: %s at November 8, 2012 7:%02d AM", names[i], 10+i)
		}, true)...), len(story) + 1},
		{"said over comments", append(append([]string{}, story...), thread(func(i int) string { return names[i] + " said..." }, false)...), len(story)},
		{"said in other languages", append(append([]string{}, story...), thread(func(i int) string {
			return names[i] + []string{" a dit…", " sagte:", " dijo...", " написала:"}[i]
		}, false)...), len(story)},
		{"name | date over comments", append(append([]string{}, story...), thread(func(i int) string {
			return fmt.Sprintf("%s | 12 March 2024 14:%02d", names[i], i)
		}, false)...), len(story)},
		{"a live blog's times", append(append([]string{}, story...), thread(func(i int) string { return fmt.Sprintf("10:%02d GMT", 50-i) }, false)...), -1},
		{"quotes introduced by wrote", append(append([]string{}, story...), thread(func(i int) string { return names[i] + " wrote:" }, false)...), -1},
		{"references", append(append([]string{}, story...), thread(func(i int) string {
			return fmt.Sprintf("^ \"Roadmap\". Mozilla Foundation. Retrieved %d May 2016.", i+1)
		}, true)...), -1},
		{"embedded posts' credits", append(append([]string{}, story...), thread(func(i int) string {
			clubs := []string{"West Ham United", "Jane Doe", "City of London Police", "Paul Crowley"}
			return fmt.Sprintf("— %s (@handle%d) October %d, 2021", clubs[i], i, i+1)
		}, true)...), -1},
		{"two signatures are no thread", append(append([]string{}, story...), thread(func(i int) string {
			if i < 2 {
				return "Posted by " + names[i] + " on April 2, 2007"
			}
			return "A line."
		}, true)...), -1},
		{"signatures far from the end", append(append(append([]string{}, story...), thread(func(i int) string { return names[i] + " said..." }, false)...),
			strings.Split(strings.Repeat("More of the story goes on here after that.\n", 14), "\n")[:14]...), -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := paras(tc.blocks...)
			got := cutThread(in)
			want := tc.keep
			if want < 0 {
				want = len(in)
			}
			if len(got) != want {
				t.Errorf("kept %d of %d blocks, want %d; the last kept: %q", len(got), len(in), want, got[len(got)-1].Text)
			}
		})
	}
}

// TestCutThreadKeepsHeader: whatever the blocks, the first three stay and
// what is kept is a prefix.
func TestCutThreadKeepsHeader(t *testing.T) {
	sig := "Posted by: Ellen at November 8, 2012 7:12 AM"
	for n := range 12 {
		var texts []string
		for i := range n {
			texts = append(texts, sig+fmt.Sprint(" ", i))
		}
		got := cutThread(paras(texts...))
		if len(got) < min(n, 3) {
			t.Errorf("%d signature blocks: kept %d", n, len(got))
		}
	}
}
