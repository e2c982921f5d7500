package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/feed"
)

// servedSample narrates the sample article and a second one into dir/out,
// served over HTTP on 127.0.0.1 at the public base URL the feed names.
func servedSample(t *testing.T) (dir string, srv *httptest.Server) {
	t.Helper()
	dir = sampleDir(t)
	os.WriteFile(filepath.Join(dir, "second.md"), []byte("# Ferry timetable changes\n\nBy Sam Okafor\n\nThe ferry will run every half hour from Monday.\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	srv = httptest.NewServer(http.FileServer(http.Dir(filepath.Join(dir, "out"))))
	t.Cleanup(srv.Close)
	if r := aloud(t, dir, "narrate", "-q", "--public-base-url", srv.URL, "sample.html", "second.md"); r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	return dir, srv
}

func TestFeedCheck(t *testing.T) {
	dir, srv := servedSample(t)
	// The store's own feed, its enclosures compared with the stored files.
	if r := aloud(t, dir, "feed", "check"); r.code != 0 || !strings.Contains(r.stdout, "feed.xml: 0 errors, 0 warnings") {
		t.Errorf("feed check of the store: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The same feed fetched over HTTP, enclosures asked for with HEAD.
	r := aloud(t, dir, "--json", "feed", "check", srv.URL+"/feed.xml")
	var res struct {
		Feed   string `json:"feed"`
		OK     bool   `json:"ok"`
		Errors int    `json:"errors"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != 0 || !res.OK || res.Feed != srv.URL+"/feed.xml" {
		t.Errorf("feed check URL --json: exit %d, %+v (%v)\n%s%s", r.code, res, err, r.stdout, r.stderr)
	}

	good := mustRead(t, filepath.Join(dir, "out", "feed.xml"))
	mp3s, _ := filepath.Glob(filepath.Join(dir, "out", "*.mp3"))
	info, _ := os.Stat(mp3s[0])
	size := info.Size()
	huge := filepath.Join(dir, "huge.xml")
	if err := os.WriteFile(huge, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	os.Truncate(huge, feed.MaxFeedBytes+1)
	tests := []struct {
		name, feed string
		args       []string
		code       int
		want       string
	}{
		{"wrong length", strings.Replace(good, `length="`+itoa(size)+`"`, `length="`+itoa(size+1)+`"`, 1), nil, 1, "error I2"},
		{"missing length", strings.Replace(good, ` length="`+itoa(size)+`"`, "", 1), nil, 1, "error I2"},
		{"duplicate guid", dupGUID(t, good), nil, 1, "error I3"},
		{"bad category", strings.Replace(good, `<itunes:category text="News">`, `<itunes:category text="Current Affairs">`, 1), nil, 1, "error C6"},
		{"bad channel date", strings.Replace(good, "<pubDate>", "<pubDate>yesterday ", 1), nil, 1, "error I4 channel"},
		{"bad item date", strings.Replace(good, "</description>\n      <pubDate>", "</description>\n      <pubDate>2026-", 1), nil, 1, "error I4 item"},
		{"no-fetch skips sizes", strings.Replace(good, `length="`+itoa(size)+`"`, `length="`+itoa(size+1)+`"`, 1), []string{"--no-fetch"}, 0, "0 errors"},
		{"empty", "", nil, 1, "is empty"},
		{"not XML", "<rss><channel><title>x</title>", nil, 1, "not well-formed XML"},
		{"HTML page", "<!DOCTYPE html><html><body><p>Hello</p></body></html>", nil, 1, "error D1"},
		{"entity bomb", `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`, nil, 1, "not well-formed XML"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if strings.Contains(tc.name, "length") && tc.feed == good {
				t.Fatal("the replacement did not change the feed")
			}
			path := filepath.Join(t.TempDir(), "feed.xml")
			os.WriteFile(path, []byte(tc.feed), 0o644)
			r := aloud(t, dir, append(append([]string{"feed", "check"}, tc.args...), path)...)
			if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.want) {
				t.Errorf("exit %d (want %d), want %q in\n%s%s", r.code, tc.code, tc.want, r.stdout, r.stderr)
			}
		})
	}
	if r := aloud(t, dir, "feed", "check", huge); r.code != 1 || !strings.Contains(r.stderr, "larger than") {
		t.Errorf("a huge file: exit %d\n%s", r.code, r.stderr)
	}
	if r := aloud(t, dir, "feed", "check", "no-such.xml"); r.code != 2 || !strings.Contains(r.stderr, "no-such.xml") {
		t.Errorf("a missing file: exit %d\n%s", r.code, r.stderr)
	}
	if r := aloud(t, dir, "feed", "check", srv.URL+"/missing.xml"); r.code != 1 || !strings.Contains(r.stderr, "404") {
		t.Errorf("a missing URL: exit %d\n%s", r.code, r.stderr)
	}
	// A store with no feed yet says so.
	if r := aloud(t, t.TempDir(), "feed", "check"); r.code != 1 || !strings.Contains(r.stderr, "narrate an article first") {
		t.Errorf("an empty store: exit %d\n%s", r.code, r.stderr)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// dupGUID gives the second item the first item's guid.
func dupGUID(t *testing.T, feed string) string {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(feed)
	if err != nil || len(f.Items) < 2 {
		t.Fatalf("feed with %v items: %v", f, err)
	}
	return strings.Replace(feed, ">"+f.Items[1].GUID+"</guid>", ">"+f.Items[0].GUID+"</guid>", 1)
}

func TestUnpublish(t *testing.T) {
	dir, _ := servedSample(t)
	out := filepath.Join(dir, "out")
	items := func() []*gofeed.Item {
		t.Helper()
		f, err := gofeed.NewParser().ParseString(mustRead(t, filepath.Join(out, "feed.xml")))
		if err != nil {
			t.Fatal(err)
		}
		return f.Items
	}
	if n := len(items()); n != 2 {
		t.Fatalf("%d items before", n)
	}
	slug := "ferry-timetable-changes"
	ferry := catalogEpisodes(t, out)[slug]
	r := aloud(t, dir, "unpublish", slug)
	if r.code != 0 || !strings.Contains(r.stdout, "unpublished "+slug) {
		t.Fatalf("unpublish: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if it := items(); len(it) != 1 || it[0].Title == "Ferry timetable changes" {
		t.Errorf("feed after unpublish: %d items", len(it))
	}
	if _, err := os.Stat(filepath.Join(out, ferry.AudioKey)); err != nil {
		t.Errorf("without --delete the audio stays: %v", err)
	}
	// The feed was rewritten with the address it was published with.
	if r := aloud(t, dir, "feed", "check"); r.code != 0 {
		t.Errorf("feed check after unpublish: exit %d\n%s", r.code, r.stdout)
	}
	// --delete on an episode already out of the catalog finishes the job.
	r = aloud(t, dir, "--json", "unpublish", "--delete", slug)
	var res struct{ Deleted []string }
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || r.code != 0 || len(res.Deleted) != 4 {
		t.Errorf("unpublish --delete: exit %d, %+v\n%s%s", r.code, res, r.stdout, r.stderr)
	}
	for _, key := range []string{ferry.AudioKey, ferry.ManifestKey, ferry.TranscriptKey, ferry.ChaptersKey} {
		if _, err := os.Stat(filepath.Join(out, key)); !os.IsNotExist(err) {
			t.Errorf("%s still there: %v", key, err)
		}
	}
	sample := "riverside-library-stays-open-late-after-volunteers-step-in"
	sampleAudio := catalogEpisodes(t, out)[sample].AudioKey
	if sampleAudio == "" {
		t.Fatal("the sample is not in the catalog")
	}
	if r := aloud(t, dir, "unpublish", "--delete", sample); r.code != 0 || len(items()) != 0 {
		t.Errorf("unpublish --delete of a listed episode: exit %d, %d items\n%s", r.code, len(items()), r.stderr)
	}
	if _, err := os.Stat(filepath.Join(out, sampleAudio)); !os.IsNotExist(err) {
		t.Errorf("audio of the deleted episode still there: %v", err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"unpublish", "no-such-episode"}, 1, `no episode "no-such-episode"`},
		{[]string{"unpublish", "../etc/passwd"}, 2, "not a slug"},
		{[]string{"unpublish"}, 2, "needs one SLUG"},
	} {
		if r := aloud(t, dir, tc.args...); r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d (want %d)\n%s", tc.args, r.code, tc.code, r.stderr)
		}
	}
}

// TestGPodder: gPodder's command line, a real podcast client, subscribes to
// the feed served on 127.0.0.1 and downloads every episode intact.
func TestGPodder(t *testing.T) {
	gpo, err := exec.LookPath("gpo")
	if err != nil {
		if os.Getenv("ALOUD_REQUIRE_GPODDER") == "1" {
			t.Fatal("gpo (Debian package gpodder) is required here but not installed")
		}
		t.Skip("gpo not installed (apt-get install gpodder)")
	}
	dir, srv := servedSample(t)
	home, downloads := t.TempDir(), t.TempDir()
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(gpo, args...)
		cmd.Env = append(os.Environ(), "GPODDER_HOME="+home, "GPODDER_DOWNLOAD_DIR="+downloads, "HOME="+home)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Run(); err != nil {
			t.Fatalf("gpo %v: %v\n%s", args, err, out.String())
		}
		return out.String()
	}
	run("subscribe", srv.URL+"/feed.xml")
	run("update")
	if out := run("download"); !strings.Contains(out, "2 episodes downloaded") {
		t.Errorf("gpo download:\n%s", out)
	}
	var got []string
	filepath.WalkDir(downloads, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			got = append(got, path)
		}
		return nil
	})
	if len(got) != 2 {
		t.Fatalf("gPodder downloaded %v, want 2 files", got)
	}
	for _, path := range got {
		want, err := os.ReadFile(filepath.Join(dir, "out", filepath.Base(path)))
		if err != nil {
			t.Errorf("gPodder saved %s, which is no episode of ours: %v", path, err)
			continue
		}
		if have, _ := os.ReadFile(path); !bytes.Equal(have, want) {
			t.Errorf("%s differs from the published file (%d vs %d bytes)", path, len(have), len(want))
		}
	}
}

// TestFeedsEntriesComplete: entries under feeds: that give only a title
// and a key still publish feeds that pass feed check: they take the
// description, language and category from feed: and its defaults.
func TestFeedsEntriesComplete(t *testing.T) {
	dir := sampleDir(t)
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("feeds:\n  - key: feed.xml\n  - title: Sport\n    key: sport.xml\n"), 0o644)
	if r := aloud(t, dir, "narrate", "-q", "--public-base-url", "https://audio.example.com", "sample.html"); r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	r := aloud(t, dir, "feed", "check")
	if r.code != 0 || !strings.Contains(r.stdout, "feed.xml: 0 errors") || !strings.Contains(r.stdout, "sport.xml: 0 errors") {
		t.Errorf("feed check: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, key := range []string{"feed.xml", "sport.xml"} {
		f, err := gofeed.NewParser().ParseString(string(mustRead(t, filepath.Join(dir, "out", key))))
		if err != nil || f.Description == "" || f.Language != "en" {
			t.Errorf("%s: description %q, language %q (%v)", key, f.Description, f.Language, err)
		}
	}
}
