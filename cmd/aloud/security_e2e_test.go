package main

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCredentialsNeverPublished narrates an article from a URL that
// carries a user name and password (a paywalled page fetched with the
// newsroom's account): the fetch uses them, and they appear in nothing
// published or printed (feed, catalog, manifest, transcript, the MP3's
// tags, the command's output).
func TestCredentialsNeverPublished(t *testing.T) {
	dir := sampleDir(t)
	page, err := os.ReadFile(filepath.Join(dir, "sample.html"))
	if err != nil {
		t.Fatal(err)
	}
	// The page has no canonical URL of its own: the fetched URL becomes
	// the episode's link.
	page = []byte(strings.ReplaceAll(string(page), `rel="canonical"`, `rel="x-canonical"`))
	page = []byte(strings.ReplaceAll(string(page), `property="og:url"`, `property="x-og-url"`))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, p, ok := r.BasicAuth(); !ok || u != "reader" || p != "s3cret-pass" {
			http.Error(w, "authorization required", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	withCreds := strings.Replace(srv.URL, "http://", "http://reader:s3cret-pass@", 1) + "/story"

	r := aloud(t, dir, "narrate", "--json", "--public-base-url", "https://podcasts.example.org", withCreds)
	if r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "s3cret") {
		t.Errorf("the password is printed:\n%s\n%s", r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, strings.TrimPrefix(srv.URL, "http://")+"/story") {
		t.Errorf("the result does not name the article's URL without credentials:\n%s", r.stdout)
	}
	found := 0
	filepath.WalkDir(filepath.Join(dir, "out"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		found++
		if strings.Contains(string(b), "s3cret") || strings.Contains(string(b), "reader:") {
			t.Errorf("%s holds the credentials", filepath.Base(path))
		}
		return nil
	})
	if found < 4 {
		t.Errorf("only %d files published", found)
	}
	// A failed fetch names the URL without them too.
	bad := strings.Replace(srv.URL, "http://", "http://reader:wrong-pass@", 1) + "/story"
	r = aloud(t, dir, "narrate", bad)
	if r.code == 0 || strings.Contains(r.stderr, "wrong-pass") || !strings.Contains(r.stderr, "401") {
		t.Errorf("failed fetch: exit %d\n%s", r.code, r.stderr)
	}
}

// TestJobsValidatedEverywhere: --jobs takes the range aloud.yaml and
// ALOUD_JOBS take, with the usage exit status, for narrate and serve.
func TestJobsValidatedEverywhere(t *testing.T) {
	dir := sampleDir(t)
	for _, args := range [][]string{
		{"narrate", "--jobs", "-1", "sample.html"},
		{"narrate", "--jobs", "1000000", "sample.html"},
		{"serve", "--jobs", "65", "--listen", "127.0.0.1:0"},
	} {
		r := aloud(t, dir, args...)
		if r.code != 2 || !strings.Contains(r.stderr, "out of range 0–64") {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.stderr)
		}
	}
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("jobs: 2.5\n"), 0o644)
	if r := aloud(t, dir, "doctor"); r.code == 0 || !strings.Contains(r.stdout+r.stderr, "not a whole number") {
		t.Errorf("jobs: 2.5 accepted: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
