package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bogem/id3v2/v2"
	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/narrate"
)

// roundupStories writes n short stories as HTML pages in dir, each with
// its canonical address (https://news.example.com/harbour-N).
func roundupStories(t *testing.T, dir string, n int, edit string) []string {
	t.Helper()
	var names []string
	for i := range n {
		name := fmt.Sprintf("story-%d.html", i+1)
		text := fmt.Sprintf(`<!doctype html><html lang="en"><head><title>Harbour story number %[1]d</title>`+
			`<link rel="canonical" href="https://news.example.com/harbour-%[1]d"></head><body><article>`+
			`<h1>Harbour story number %[1]d</h1><p class="byline">By Sam Okafor</p>`+
			`<p>The harbour board met on Tuesday and voted on plan %[1]d%[2]s, after a long debate in the town hall.</p>`+
			`<p>Work starts in March and the new pier should open two years later, the board said.</p></article></body></html>`, i+1, edit)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	return names
}

// ffprobeSeconds is a file's duration as ffprobe, an independent decoder,
// reads it.
func ffprobeSeconds(t *testing.T, path string) float64 {
	t.Helper()
	out, err := exec.Command("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path).Output()
	if err != nil {
		t.Fatalf("ffprobe %s: %v", path, err)
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		t.Fatalf("ffprobe %s: %q", path, out)
	}
	return v
}

// TestRoundup: three narrated stories become one briefing: its chapters
// start where the transitions were joined and carry the stories' titles
// and links, every cue of the transcript lies inside its story's chapter,
// the file decodes (ffmpeg) to the stories' audio plus the synthesized
// lines, it is published to roundup.xml (feed check passes, the articles'
// feed does not list it), the same stories make no new episode, and a
// story narrated again makes a new version whose old files go.
func TestRoundup(t *testing.T) {
	needPrograms(t, "ffprobe", "ffmpeg")
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	stories := roundupStories(t, dir, 3, "")
	narrateArgs := append([]string{"narrate", "-q", "--public-base-url", srv.URL}, stories...)
	if r := aloud(t, dir, narrateArgs...); r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	roundup := func(extra ...string) (narrate.RoundupResult, runResult) {
		t.Helper()
		args := append([]string{"--json", "roundup", "--title", "Morning briefing", "--public-base-url", srv.URL}, extra...)
		r := aloud(t, dir, args...)
		var res narrate.RoundupResult
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &res) != nil {
			t.Fatalf("roundup %v: exit %d\n%s%s", extra, r.code, r.stdout, r.stderr)
		}
		return res, r
	}

	// A dry run plans and stores nothing.
	plan, _ := roundup("--dry-run")
	if len(plan.Stories) != 3 || len(plan.Lines) != 5 || plan.SynthChars == 0 || !strings.Contains(plan.Lines[0], "Morning briefing") {
		t.Fatalf("dry run: %+v", plan)
	}
	if _, err := os.Stat(filepath.Join(out, "roundup.xml")); !os.IsNotExist(err) {
		t.Fatalf("the dry run published: %v", err)
	}

	res, _ := roundup()
	if !res.OK || res.Skipped || len(res.Stories) != 3 || !versionKey(res.Slug, ".mp3").MatchString(res.AudioKey) {
		t.Fatalf("roundup: %+v", res)
	}
	eps := catalogEpisodes(t, out)
	ep := eps[res.Slug]
	audioPath := filepath.Join(out, res.AudioKey)

	// Chapters: one per story, newest first, with title and link, in the
	// ID3 tag and the JSON alike, each starting where its transition was
	// joined (the transcript's "Story N." cue) within one frame.
	var chapters struct {
		Chapters []struct {
			StartTime, EndTime float64
			Title, URL         string
		}
	}
	if err := json.Unmarshal([]byte(mustRead(t, filepath.Join(out, ep.ChaptersKey))), &chapters); err != nil || len(chapters.Chapters) != 3 {
		t.Fatalf("chapters: %v %s", err, mustRead(t, filepath.Join(out, ep.ChaptersKey)))
	}
	cues, err := episode.ParseVTT([]byte(mustRead(t, filepath.Join(out, ep.TranscriptKey))))
	if err != nil {
		t.Fatal(err)
	}
	tag, err := id3v2.Open(audioPath, id3v2.Options{Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	chaps := tag.GetFrames("CHAP")
	tag.Close()
	if len(chaps) != 3 {
		t.Fatalf("%d CHAP frames, want 3", len(chaps))
	}
	const frame = 0.027 // 576 samples at 22.05 kHz, with rounding
	for i, c := range chapters.Chapters {
		wantTitle := res.Stories[i].Title
		if c.Title != wantTitle || c.URL != res.Stories[i].URL || !strings.HasPrefix(c.URL, "https://news.example.com/harbour-") {
			t.Errorf("chapter %d: %q %q, want %q %q", i, c.Title, c.URL, wantTitle, res.Stories[i].URL)
		}
		if raw, _ := os.ReadFile(audioPath); !bytes.Contains(raw, []byte(c.URL)) {
			t.Errorf("chapter %d: the ID3 tag lacks its link %s", i, c.URL)
		}
		if ch, ok := chaps[i].(id3v2.ChapterFrame); !ok || math.Abs(ch.StartTime.Seconds()-c.StartTime) > 0.002 {
			t.Errorf("chapter %d: ID3 start %v, JSON %.3f", i, chaps[i], c.StartTime)
		}
		var transition *episode.Cue
		for k := range cues {
			if strings.HasPrefix(cues[k].Text, fmt.Sprintf("Story %d:", i+1)) {
				transition = &cues[k]
			}
		}
		if transition == nil || transition.Start.Seconds() < c.StartTime-frame || transition.Start.Seconds() > c.StartTime+1.0 {
			t.Errorf("chapter %d starts at %.3f s, its transition cue %+v", i, c.StartTime, transition)
		}
		// Every cue of the story (from its own transcript) lies inside
		// its chapter.
		found := 0
		for _, cue := range cues {
			inStory := strings.Contains(cue.Text, fmt.Sprintf("plan %s", strings.TrimPrefix(wantTitle, "Harbour story number ")))
			if inStory {
				found++
			}
			if inStory && (cue.Start.Seconds() < c.StartTime-frame || cue.End.Seconds() > c.EndTime+frame) {
				t.Errorf("cue %q at %.3f–%.3f is outside its chapter %.3f–%.3f", cue.Text, cue.Start.Seconds(), cue.End.Seconds(), c.StartTime, c.EndTime)
			}
		}
		if found == 0 {
			t.Errorf("chapter %d: no cue of its story in the transcript", i)
		}
	}

	// The file decodes, by ffmpeg's count, to the duration published, and
	// holds the stories' audio (ffprobe's durations of the story files)
	// plus the synthesized lines.
	total := ffprobeSeconds(t, audioPath)
	// ffprobe counts whole frames; the catalog gives what a gapless
	// player plays, less LAME's encoder delay and padding (at most 2,257
	// samples: 0.103 s at 22.05 kHz).
	if d := total - ep.DurationSeconds; d < 0 || d > 0.103 {
		t.Errorf("ffprobe %.3f s, catalog %.3f s", total, ep.DurationSeconds)
	}
	var parts float64
	for _, s := range res.Stories {
		parts += ffprobeSeconds(t, filepath.Join(out, eps[s.Slug].AudioKey))
	}
	if total < parts+2 || total > parts+30 {
		t.Errorf("roundup %.3f s for stories of %.3f s: the parts are not all there", total, parts)
	}
	if err := exec.Command("ffmpeg", "-v", "error", "-xerror", "-i", audioPath, "-f", "null", "-").Run(); err != nil {
		t.Errorf("ffmpeg cannot decode the roundup: %v", err)
	}

	// Its own feed: valid, with the roundup only; the articles' feed
	// without it.
	if r := aloud(t, dir, "feed", "check", srv.URL+"/roundup.xml"); r.code != 0 {
		t.Errorf("feed check roundup.xml: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	rf, err := gofeed.NewParser().ParseString(mustRead(t, filepath.Join(out, "roundup.xml")))
	if err != nil || len(rf.Items) != 1 || rf.Items[0].Title != "Morning briefing" {
		t.Fatalf("roundup.xml: %v %+v", err, rf)
	}
	af, _ := gofeed.NewParser().ParseString(mustRead(t, filepath.Join(out, "feed.xml")))
	if af == nil || len(af.Items) != 3 {
		t.Errorf("feed.xml lists %d items, want the 3 stories", len(af.Items))
	}

	// A real podcast client subscribes to the roundup feed and downloads
	// the episode intact.
	if gpo, err := exec.LookPath("gpo"); err == nil {
		home, downloads := t.TempDir(), t.TempDir()
		for _, args := range [][]string{{"subscribe", srv.URL + "/roundup.xml"}, {"update"}, {"download"}} {
			cmd := exec.Command(gpo, args...)
			cmd.Env = append(os.Environ(), "GPODDER_HOME="+home, "GPODDER_DOWNLOAD_DIR="+downloads, "HOME="+home)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("gpo %v: %v\n%s", args, err, b)
			}
		}
		var got [][]byte
		filepath.WalkDir(downloads, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := os.ReadFile(path)
				got = append(got, b)
			}
			return nil
		})
		want, _ := os.ReadFile(audioPath)
		if len(got) != 1 || !bytes.Equal(got[0], want) {
			t.Errorf("gPodder downloaded %d files, want the roundup intact", len(got))
		}
	} else if os.Getenv("ALOUD_REQUIRE_GPODDER") == "1" {
		t.Error("gpo (Debian package gpodder) is required here but not installed")
	}

	// The same stories: no new episode, nothing written.
	info, _ := os.Stat(audioPath)
	again, _ := roundup()
	if !again.Skipped || again.AudioKey != res.AudioKey {
		t.Errorf("the same stories again: %+v", again)
	}
	if now, _ := os.Stat(audioPath); !now.ModTime().Equal(info.ModTime()) {
		t.Error("the unchanged roundup was written again")
	}

	// A story narrated again: a new version, the old one's files gone,
	// still one item in the feed.
	time.Sleep(10 * time.Millisecond)
	roundupStories(t, dir, 3, " and again on Friday")
	if r := aloud(t, dir, narrateArgs...); r.code != 0 {
		t.Fatalf("narrate again: exit %d\n%s", r.code, r.stderr)
	}
	next, _ := roundup()
	if next.Skipped || next.AudioKey == res.AudioKey || next.GUID != res.GUID {
		t.Errorf("after the stories changed: %+v", next)
	}
	if _, err := os.Stat(audioPath); !os.IsNotExist(err) {
		t.Errorf("the old version's audio is still there: %v", err)
	}
	rf, _ = gofeed.NewParser().ParseString(mustRead(t, filepath.Join(out, "roundup.xml")))
	if rf == nil || len(rf.Items) != 1 || !strings.HasSuffix(rf.Items[0].Enclosures[0].URL, next.AudioKey) {
		t.Errorf("roundup.xml after the new version: %+v", rf)
	}
	if !bytes.Contains([]byte(mustRead(t, filepath.Join(out, next.ManifestKey))), []byte(next.AudioKey)) {
		t.Error("the manifest does not name the new version's audio")
	}
}

// TestRoundupRefusals: bad choices are usage errors or clear failures.
func TestRoundupRefusals(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"roundup", "extra"}, 2, "takes no arguments"},
		{[]string{"roundup", "--since", "yesterday"}, 2, "not a date"},
		{[]string{"roundup", "--order", "random"}, 2, "want newest or oldest"},
		{[]string{"roundup", "--limit", "1000"}, 2, "out of range"},
		{[]string{"roundup"}, 1, "no published stories"},
	} {
		if r := aloud(t, dir, tc.args...); r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d\n%s", tc.args, r.code, r.stderr)
		}
	}
}

// needPrograms skips the test where an independent tool it checks with
// is not installed (make test installs them).
func needPrograms(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			t.Skipf("%s is not installed (make test-deps installs it)", n)
		}
	}
}
