package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/aloud-dev/aloud/internal/config"
)

// TestInit writes the commented configuration: it loads, it is the
// defaults, and an existing file is kept unless --force.
func TestInit(t *testing.T) {
	dir := t.TempDir()
	if r := aloud(t, dir, "init"); r.code != 0 || !strings.Contains(r.stdout, "wrote aloud.yaml") {
		t.Fatalf("init: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	written, err := config.Load(filepath.Join(dir, "aloud.yaml"), func(string) string { return "" })
	if err != nil {
		t.Fatalf("the written file does not load: %v", err)
	}
	defaults, _ := config.Load("", func(string) string { return "" })
	for name, pair := range map[string][2]any{
		"out": {written.Out, defaults.Out}, "voice": {written.Voice, defaults.Voice}, "feed": {written.Feed, defaults.Feed},
		"pauses": {written.Pauses, defaults.Pauses}, "loudness": {written.Loudness, defaults.Loudness},
		"encoder": {written.Encoder, defaults.Encoder}, "fetch": {written.Fetch, defaults.Fetch}, "serve.grace": {written.Serve.Grace, defaults.Serve.Grace},
		"disclosure": {written.DisclosureText(), defaults.DisclosureText()},
	} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Errorf("%s: the file says %v, the default is %v", name, pair[0], pair[1])
		}
	}
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("voice: mine\n"), 0o644)
	if r := aloud(t, dir, "init"); r.code != 2 || !strings.Contains(r.stderr, "exists") {
		t.Errorf("init over a file: exit %d %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "aloud.yaml")); string(b) != "voice: mine\n" {
		t.Error("init overwrote an existing file")
	}
	if r := aloud(t, dir, "init", "--force"); r.code != 0 {
		t.Errorf("init --force: exit %d", r.code)
	}
	if r := aloud(t, dir, "init", "/nonexistent/dir/aloud.yaml"); r.code != 1 || !strings.Contains(r.stderr, "no such file") {
		t.Errorf("init into a missing folder: exit %d %s", r.code, r.stderr)
	}
}

// TestDoctor checks a good set-up (local and S3) and reports each broken
// part with its fix and exit status 1.
func TestDoctor(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("ALOUD_CACHE", filepath.Join(dir, "cache"))
	r := aloud(t, dir, "doctor", "--public-base-url", "https://cdn.example.com")
	if r.code != 0 {
		t.Fatalf("doctor on the defaults: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"ok    voice: en-espeak", "ok    MP3 encoder:", "ok    voice backend espeak: ready", "ok    store out: not created yet", "ok    segment cache:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in\n%s", want, r.stdout)
		}
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "out", ".aloud")); len(entries) != 0 {
		t.Errorf("doctor left its test object: %v", entries)
	}

	os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("voice: nope\nencoder: {path: /nonexistent/lame}\nstore: "+
		filepath.Join(dir, "a-file", "out")+"\ncache: "+filepath.Join(dir, "a-file", "cache")+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a-file"), nil, 0o644)
	t.Setenv("ALOUD_CACHE", "") // the file's cache setting, not the environment's
	r = aloud(t, dir, "--config", "broken.yaml", "doctor")
	if r.code != 1 || !strings.Contains(r.stderr, "4 problem(s)") {
		t.Errorf("broken set-up: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"FAIL  voice: voice \"nope\"", "fix: set voice in aloud.yaml", "FAIL  MP3 encoder: /nonexistent/lame not found",
		"fix: apt-get install lame", "FAIL  store", "cannot write", "FAIL  segment cache", "warn  public base URL"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("missing %q in\n%s", want, r.stdout)
		}
	}
	os.WriteFile(filepath.Join(dir, "bad-line.yaml"), []byte("pauses:\n  heading: 30s\n"), 0o644)
	if r := aloud(t, dir, "--config", "bad-line.yaml", "doctor"); r.code != 1 || !strings.Contains(r.stdout, "bad-line.yaml:2") {
		t.Errorf("bad configuration: exit %d\n%s", r.code, r.stdout)
	}

	backend := s3mem.New()
	backend.CreateBucket("podcast")
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	defer srv.Close()
	if r := runS3(dir, srv.URL, "s3://podcast/news", "https://cdn.example.com/news", "doctor"); r.code != 0 || !strings.Contains(r.stdout, "ok    store s3://podcast/news: writable") {
		t.Errorf("S3 store: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := runS3(dir, srv.URL, "s3://missing-bucket", "https://cdn.example.com", "doctor"); r.code != 1 || !strings.Contains(r.stdout, "s3:PutObject") {
		t.Errorf("missing bucket: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
