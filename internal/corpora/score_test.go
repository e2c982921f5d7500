package corpora

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestOverlap(t *testing.T) {
	want := Shingles("The council met on Tuesday and voted to rebuild the pier.")
	if p, r, f := Overlap(want, want); p != 1 || r != 1 || f != 1 {
		t.Errorf("same text: %v %v %v", p, r, f)
	}
	// Half the text: every shingle right (precision 1), half found.
	got := Shingles("The council met on Tuesday and voted")
	if p, r, _ := Overlap(got, want); p != 1 || r < 0.3 || r > 0.6 {
		t.Errorf("half: precision %v, recall %v", p, r)
	}
	if _, _, f := Overlap(Shingles("Completely different words said here today"), want); f != 0 {
		t.Errorf("different text: F1 %v", f)
	}
	text, err := HTMLText([]byte("<div><p>One <b>two</b></p><script>x()</script><p>three</p></div>"))
	if err != nil || len(Shingles(text)) != 1 || Shingles(text)["one two three"] != 1 {
		t.Errorf("HTMLText %q", text)
	}
}

// TestDirRequired runs a test that asks for a missing corpus, in a child
// process of this test binary: skipped by default, failed when Require is
// set.
func TestDirRequired(t *testing.T) {
	if os.Getenv("CORPORA_CHILD") == "1" {
		Dir(t, "no-such-corpus")
		return
	}
	for _, tc := range []struct {
		require string
		fail    bool
		want    string
	}{{"", false, "--- SKIP"}, {"1", true, Require + "=1 requires it"}} {
		cmd := exec.Command(os.Args[0], "-test.run", "^TestDirRequired$", "-test.v")
		cmd.Env = append(os.Environ(), "CORPORA_CHILD=1", "ALOUD_CORPORA="+t.TempDir(), Require+"="+tc.require)
		out, err := cmd.CombinedOutput()
		if (err != nil) != tc.fail || !strings.Contains(string(out), tc.want) {
			t.Errorf("%s=%q: err %v, output:\n%s\nwant %q", Require, tc.require, err, out, tc.want)
		}
	}
}

func TestDragnetArticle(t *testing.T) {
	gold := "Title\n\nBody text here.\n\n!@#$%^&*()  COMMENTS\n\nJane said...\nNice.\n"
	if got := DragnetArticle(gold); strings.Contains(got, "Jane") || !strings.Contains(got, "Body text") {
		t.Errorf("%q", got)
	}
	if got := DragnetArticle("Body.\n!@#$%^&*() COMMENTS\nJane"); got != "Body.\n" {
		t.Errorf("one space: %q", got)
	}
	if got := DragnetArticle("No comments."); got != "No comments." {
		t.Errorf("%q", got)
	}
}

func TestGoldText(t *testing.T) {
	utf16 := []byte{0xFF, 0xFE, 'H', 0, 'i', 0, ' ', 0, 0xE9, 0}
	for in, want := range map[string]string{string(utf16): "Hi é", "\xEF\xBB\xBFplain": "plain", "plain": "plain"} {
		got, err := goldText([]byte(in))
		if err != nil || got != want {
			t.Errorf("goldText(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
