package player

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
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
