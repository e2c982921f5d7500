package player

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/store"
)

var update = flag.Bool("update", false, "rewrite golden files")

func sampleManifest() Manifest {
	m := Manifest{
		Slug: "riverside-library", Title: "Riverside library stays open late",
		ArticleURL:      "https://courier.example.com/news/riverside",
		Audio:           Audio{Key: "riverside-library.mp3", URL: "https://cdn.example.com/pod/riverside-library.mp3", Type: "audio/mpeg", SizeBytes: 493953},
		DurationSeconds: Seconds(82267 * time.Millisecond), Voice: "en-espeak",
		Disclosure: "This audio was created with AI assistance.", Created: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC),
		TranscriptURL: "https://cdn.example.com/pod/riverside-library.vtt", ChaptersURL: "https://cdn.example.com/pod/riverside-library.chapters.json",
	}
	m.FromEpisode(episode.Result{
		Chapters: []episode.ChapterTiming{{Title: "Introduction", End: 11416 * time.Millisecond}, {Title: "How the rota works", Start: 11416 * time.Millisecond, End: 82267 * time.Millisecond}},
		Loudness: &episode.Loudness{InputLUFS: -21.42, InputTruePeak: -1.4, GainDB: 3.98, OutputLUFS: -16.12, OutputPeak: -1.25, TargetLUFS: -16},
	})
	return m
}

func TestManifestGolden(t *testing.T) {
	got, err := sampleManifest().Encode()
	if err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/manifest.golden.json"
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("manifest differs from %s:\n%s", golden, got)
	}
	// The schema docs/PLAYER.md describes: every field a player needs.
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"version", "slug", "title", "audio", "duration_seconds", "voice", "disclosure", "created", "transcript_url", "chapters_url", "chapters", "loudness"} {
		if _, ok := m[k]; !ok {
			t.Errorf("manifest lacks %q", k)
		}
	}
	if m["version"].(float64) != ManifestVersion {
		t.Errorf("version %v", m["version"])
	}
}

func TestSnippetEscapes(t *testing.T) {
	url := func(k string) string { return store.JoinURL(`https://cdn.example.com/a"b`, k) }
	s := Snippet(url, "slug", `p"><script>alert(1)</script>`)
	if strings.Contains(s, "<script>alert") || strings.Contains(s, `a"b`) {
		t.Errorf("snippet not escaped:\n%s", s)
	}
	if !strings.Contains(s, `<aloud-player src="https://cdn.example.com/a&#34;b/slug.json"`) {
		t.Errorf("snippet:\n%s", s)
	}
}

func TestDemoEscapes(t *testing.T) {
	page, err := Demo(Manifest{Title: `<b>"Title"</b>`, Slug: "s"}, []episode.Cue{{Text: "<script>x()</script> & \"q\""}})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(page, []byte("<script>x()")) || bytes.Contains(page, []byte("<b>")) {
		t.Errorf("demo page not escaped:\n%s", page)
	}
}

func TestAssetsSize(t *testing.T) {
	total := 0
	for k, b := range Assets() {
		total += len(b)
		if !strings.HasPrefix(k, AssetDir+"/") {
			t.Errorf("asset key %q", k)
		}
	}
	if len(Assets()) != 2 || total > 20<<10 {
		t.Errorf("%d assets, %d bytes (limit 20 KB)", len(Assets()), total)
	}
}

// TestServe: the demo server answers Range requests (206 with the bytes
// asked for), serves pages, hides dot-files, and stops with its context.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	audio := bytes.Repeat([]byte("0123456789"), 1000)
	os.WriteFile(filepath.Join(dir, "ep.mp3"), audio, 0o644)
	os.WriteFile(filepath.Join(dir, "demo.html"), []byte("<!DOCTYPE html><title>demo</title>"), 0o644)
	os.MkdirAll(filepath.Join(dir, ".aloud"), 0o755)
	os.WriteFile(filepath.Join(dir, ".aloud", "secret"), []byte("x"), 0o644)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, dir) }()
	base := "http://" + ln.Addr().String()

	req, _ := http.NewRequest("GET", base+"/ep.mp3", nil)
	req.Header.Set("Range", "bytes=5000-5009")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || string(body) != "0123456789" ||
		resp.Header.Get("Content-Range") != "bytes 5000-5009/10000" || resp.Header.Get("Content-Type") != "audio/mpeg" {
		t.Errorf("range request: %d %q %q %q", resp.StatusCode, body, resp.Header.Get("Content-Range"), resp.Header.Get("Content-Type"))
	}
	for path, want := range map[string]int{"/demo.html": 200, "/.aloud/secret": 404, "/missing.mp3": 404} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop with its context")
	}
}
