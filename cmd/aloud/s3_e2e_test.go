package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/s3"
)

// TestNarrateToS3 publishes to an S3-compatible server (gofakes3 over HTTP
// on 127.0.0.1) with the real SDK, then runs again: unchanged files are not
// uploaded twice.
func TestNarrateToS3(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("podcast"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	puts := map[string]int{}
	fake := gofakes3.New(backend).Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut {
			mu.Lock()
			puts[strings.TrimPrefix(r.URL.Path, "/podcast/news/")]++
			mu.Unlock()
		}
		fake.ServeHTTP(w, r)
	}))
	defer srv.Close()

	dir := sampleDir(t)
	runArgs := func(args ...string) runResult {
		return runS3(dir, srv.URL, "s3://podcast/news", "https://cdn.example.com/news", args...)
	}
	run := func() runResult { return runArgs("narrate", "-q", "sample.html") }
	if r := run(); r.code != 0 {
		t.Fatalf("narrate to S3: exit %d\n%s", r.code, r.stderr)
	}
	slug := "riverside-library-stays-open-late-after-volunteers-step-in"
	st, err := s3.New(context.Background(), s3.Config{Bucket: "podcast", Prefix: "news", Endpoint: srv.URL, PathStyle: true,
		AccessKeyID: "AKIDTEST", SecretAccessKey: "secret", PublicBaseURL: "https://cdn.example.com/news"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ep := s3Episode(t, st, slug)
	for _, key := range []string{ep.AudioKey, ep.ManifestKey, ep.TranscriptKey, ep.ChaptersKey, "feed.xml", "episodes.json",
		"player/aloud-player.js", "player/aloud-player.css"} {
		if _, err := st.Stat(ctx, key); err != nil {
			t.Errorf("%s not published: %v", key, err)
		}
	}
	audio, _ := st.Stat(ctx, ep.AudioKey)
	f := storedFeed(t, st)
	if len(f.Items) != 1 || f.Items[0].Enclosures[0].URL != "https://cdn.example.com/news/"+ep.AudioKey ||
		f.Items[0].Enclosures[0].Length != fmt.Sprint(audio.Size) {
		t.Errorf("feed items %+v, audio %d bytes", f.Items, audio.Size)
	}

	// Forced to narrate it again, the same bytes are not uploaded again;
	// unforced, the unchanged article is skipped before any work.
	if r := runArgs("narrate", "-q", "--force", "sample.html"); r.code != 0 {
		t.Fatalf("second run: exit %d\n%s", r.code, r.stderr)
	}
	mu.Lock()
	if puts[ep.AudioKey] != 1 || puts["player/aloud-player.js"] != 1 || puts[ep.TranscriptKey] != 1 {
		t.Errorf("unchanged files uploaded again: %v", puts)
	}
	if puts["episodes.json"] != 2 {
		t.Errorf("catalog written %d times, want 2 (once a run)", puts["episodes.json"])
	}
	mu.Unlock()
	if r := run(); r.code != 0 || !strings.Contains(r.stdout, "unchanged") {
		t.Fatalf("third run: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	mu.Lock()
	if puts["episodes.json"] != 2 {
		t.Errorf("catalog written %d times, want still 2: the third run found the article unchanged", puts["episodes.json"])
	}
	mu.Unlock()
	c, _, err := loadCatalogFrom(ctx, st)
	if err != nil || c != 1 {
		t.Errorf("catalog holds %d episodes after two runs, %v", c, err)
	}

	// The feed checks out against the bucket: every enclosure's length is
	// the stored object's size.
	if r := runArgs("feed", "check"); r.code != 0 || !strings.Contains(r.stdout, "0 errors") {
		t.Errorf("feed check on S3: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// Unpublishing with --delete empties the feed, then removes the files.
	if r := runArgs("unpublish", "--delete", slug); r.code != 0 {
		t.Fatalf("unpublish on S3: exit %d\n%s", r.code, r.stderr)
	}
	if c, _, err := loadCatalogFrom(ctx, st); err != nil || c != 0 {
		t.Errorf("catalog holds %d episodes after unpublish, %v", c, err)
	}
	for _, key := range []string{ep.AudioKey, ep.ManifestKey, ep.TranscriptKey, ep.ChaptersKey} {
		if _, err := st.Stat(ctx, key); err == nil {
			t.Errorf("%s still in the bucket", key)
		}
	}
}

func loadCatalogFrom(ctx context.Context, st store.Store) (int, string, error) {
	rc, m, err := st.Get(ctx, "episodes.json")
	if err != nil {
		return 0, "", err
	}
	defer rc.Close()
	data, _ := io.ReadAll(rc)
	c, err := feed.ParseCatalog(data)
	return len(c.Episodes), m.ETag, err
}

// TestS3FailurePartWay: uploads that fail part-way (the server refusing
// one key) end the run with an error and leave the published feed
// consistent: it never lists an episode whose audio is not there. A feed
// rebuild afterwards catches up with the catalog.
func TestS3FailurePartWay(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("podcast"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	refuse := "" // key suffix to refuse PUTs of
	fake := gofakes3.New(backend).Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		bad := refuse != "" && r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, refuse)
		mu.Unlock()
		if bad {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>`)
			return
		}
		fake.ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir := sampleDir(t)
	os.WriteFile(filepath.Join(dir, "second.md"), []byte("# Ferry timetable changes\n\nBy Sam Okafor\n\nThe ferry will run every half hour from Monday.\n"), 0o644)
	run := func(args ...string) runResult {
		return runS3(dir, srv.URL, "s3://podcast", "https://cdn.example.com", args...)
	}
	st, err := s3.New(context.Background(), s3.Config{Bucket: "podcast", Endpoint: srv.URL, PathStyle: true,
		AccessKeyID: "AKIDTEST", SecretAccessKey: "secret", PublicBaseURL: "https://cdn.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	// feedItems lists the feed's enclosures and checks each is stored.
	feedItems := func() int {
		t.Helper()
		f := storedFeed(t, st)
		for _, it := range f.Items {
			key := strings.TrimPrefix(it.Enclosures[0].URL, "https://cdn.example.com/")
			if _, err := st.Stat(ctx, key); err != nil {
				t.Errorf("the feed lists %s, which is not stored: %v", key, err)
			}
		}
		return len(f.Items)
	}
	if r := run("narrate", "-q", "sample.html"); r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	for _, tc := range []struct{ refuse, want string }{
		{".vtt", "publishing transcript"}, // after the audio: it is removed again
		{".mp3", "publishing audio"},      // only the new article's audio is written
		{"episodes.json", "catalog"},
		{"feed.xml", "feed.xml"},
	} {
		mu.Lock()
		refuse = tc.refuse
		mu.Unlock()
		r := run("narrate", "-q", "second.md")
		if r.code != 1 || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "AccessDenied") {
			t.Errorf("refusing %s: exit %d, want 1 and %q\n%s", tc.refuse, r.code, tc.want, r.stderr)
		}
		if n := feedItems(); n != 1 {
			t.Errorf("refusing %s: the feed has %d items, want the old 1", tc.refuse, n)
		}
		if tc.refuse == ".vtt" {
			for m, err := range st.List(ctx, "ferry-timetable-changes") {
				if err == nil {
					t.Errorf("refusing %s: the failed article left %s behind", tc.refuse, m.Key)
				}
			}
		}
	}
	mu.Lock()
	refuse = ""
	mu.Unlock()
	// The catalog took the episode before the feed write failed: a
	// rebuild publishes it.
	if r := run("feed", "rebuild"); r.code != 0 {
		t.Fatalf("feed rebuild: exit %d\n%s", r.code, r.stderr)
	}
	if n := feedItems(); n != 2 {
		t.Errorf("after the rebuild the feed has %d items, want 2", n)
	}
	if r := run("feed", "check"); r.code != 0 {
		t.Errorf("feed check: exit %d\n%s", r.code, r.stdout)
	}
}

// runS3 runs the built binary in dir against the S3 server at endpoint,
// with static test keys and nothing from the machine's AWS configuration.
func runS3(dir, endpoint, location, base string, args ...string) runResult {
	cmd := exec.Command(binary, append(args, "--store", location, "--s3-endpoint", endpoint, "--s3-path-style",
		"--public-base-url", base)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "AWS_ACCESS_KEY_ID=AKIDTEST", "AWS_SECRET_ACCESS_KEY=secret", "AWS_REGION=us-east-1",
		"AWS_EC2_METADATA_DISABLED=true", "AWS_CONFIG_FILE=/nonexistent", "AWS_SHARED_CREDENTIALS_FILE=/nonexistent",
		"ALOUD_PUBLIC_BASE_URL=", "ALOUD_STORE=", "ALOUD_OUT=")
	return execute(cmd)
}

// storedFeed parses the feed.xml a store holds.
func storedFeed(t *testing.T, st store.Store) *gofeed.Feed {
	t.Helper()
	rc, _, err := st.Get(context.Background(), "feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	f, err := gofeed.NewParser().Parse(rc)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestS3Shards runs two shards of one batch at once against one bucket
// (gofakes3 with conditional writes), sharing the segment cache in the
// store: the catalog ends with every article exactly once, and the feed
// lists every one with its audio stored.
func TestS3Shards(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("podcast"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	defer srv.Close()
	dir := t.TempDir()
	var list strings.Builder
	const n = 8
	for i := range n {
		name := fmt.Sprintf("story-%d.md", i)
		os.WriteFile(filepath.Join(dir, name), []byte(fmt.Sprintf("# Story number %d\n\nBy Ana Ruiz\n\nThe council met about matter %d on Tuesday, and it agreed.\n", i, i)), 0o644)
		fmt.Fprintln(&list, name)
	}
	os.WriteFile(filepath.Join(dir, "list.txt"), []byte(list.String()), 0o644)

	var wg sync.WaitGroup
	results := make([]runResult, 2)
	for i := range 2 {
		wg.Go(func() {
			results[i] = runS3(dir, srv.URL, "s3://podcast", "https://cdn.example.com",
				"narrate", "--json", "--from-list", "list.txt", "--shard", fmt.Sprintf("%d/2", i), "--cache", "store")
		})
	}
	wg.Wait()
	narrated := 0
	for i, r := range results {
		if r.code != 0 {
			t.Fatalf("shard %d: exit %d\n%s", i, r.code, r.stderr)
		}
		narrated += strings.Count(r.stdout, `"ok":true`)
	}
	if narrated != n {
		t.Fatalf("the shards narrated %d articles together, want %d", narrated, n)
	}
	st, err := s3.New(context.Background(), s3.Config{Bucket: "podcast", Endpoint: srv.URL, PathStyle: true,
		AccessKeyID: "AKIDTEST", SecretAccessKey: "secret", PublicBaseURL: "https://cdn.example.com"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if c, _, err := loadCatalogFrom(ctx, st); err != nil || c != n {
		t.Fatalf("the catalog holds %d episodes, want %d (%v)", c, n, err)
	}
	segments := 0
	for m, err := range st.List(ctx, ".aloud/segments/") {
		if err != nil {
			t.Fatal(err)
		}
		if m.Size > 0 {
			segments++
		}
	}
	if segments == 0 {
		t.Error("no segment was cached in the store")
	}
	// Each shard writes the feeds at its end and again if the catalog
	// changed meanwhile, so the last feed written lists every episode.
	if r := runS3(dir, srv.URL, "s3://podcast", "https://cdn.example.com", "feed", "check"); r.code != 0 {
		t.Errorf("feed check: exit %d\n%s", r.code, r.stdout)
	}
	if f := storedFeed(t, st); len(f.Items) != n {
		t.Errorf("the feed lists %d episodes, want %d", len(storedFeed(t, st).Items), n)
	}
	// A third run of the whole batch narrates nothing and pays nothing.
	r := runS3(dir, srv.URL, "s3://podcast", "https://cdn.example.com", "narrate", "--json", "--from-list", "list.txt", "--cache", "store")
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf(`"skipped":%d`, n)) {
		t.Errorf("re-run: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// s3Episode is the catalog's episode with the slug.
func s3Episode(t *testing.T, st store.Store, slug string) feed.Episode {
	t.Helper()
	c, _, err := feed.LoadCatalog(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range c.Episodes {
		if e.Slug == slug {
			return e
		}
	}
	t.Fatalf("no episode %s in the catalog", slug)
	return feed.Episode{}
}

// TestRoundupOnS3: a roundup of stories in a bucket reads their audio
// and transcripts from it and publishes its own files and feed there;
// run again, it uploads nothing.
func TestRoundupOnS3(t *testing.T) {
	backend := s3mem.New()
	if err := backend.CreateBucket("podcast"); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	puts := 0
	fake := gofakes3.New(backend).Server()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && !strings.Contains(r.URL.Path, "conditional-write-probe") {
			mu.Lock()
			puts++
			mu.Unlock()
		}
		fake.ServeHTTP(w, r)
	}))
	defer srv.Close()
	dir := t.TempDir()
	stories := roundupStories(t, dir, 2, "")
	run := func(args ...string) runResult {
		return runS3(dir, srv.URL, "s3://podcast/news", "https://cdn.example.com/news", args...)
	}
	if r := run(append([]string{"narrate", "-q"}, stories...)...); r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	r := run("--json", "roundup", "--title", "Evening briefing")
	var res narrate.RoundupResult
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &res) != nil || !res.OK || len(res.Stories) != 2 {
		t.Fatalf("roundup on S3: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	st, err := s3.New(context.Background(), s3.Config{Bucket: "podcast", Prefix: "news", Endpoint: srv.URL, PathStyle: true,
		AccessKeyID: "AKIDTEST", SecretAccessKey: "secret", PublicBaseURL: "https://cdn.example.com/news"})
	if err != nil {
		t.Fatal(err)
	}
	ep := s3Episode(t, st, res.Slug)
	for _, key := range []string{ep.AudioKey, ep.ManifestKey, ep.TranscriptKey, ep.ChaptersKey, "roundup.xml"} {
		if _, err := st.Stat(context.Background(), key); err != nil {
			t.Errorf("%s not in the bucket: %v", key, err)
		}
	}
	mu.Lock()
	before := puts
	mu.Unlock()
	if r := run("--json", "roundup", "--title", "Evening briefing"); r.code != 0 || !strings.Contains(r.stdout, `"skipped":true`) {
		t.Errorf("the same roundup again: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	mu.Lock()
	defer mu.Unlock()
	if puts != before {
		t.Errorf("the unchanged roundup uploaded %d objects", puts-before)
	}
}
