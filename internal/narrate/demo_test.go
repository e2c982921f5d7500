package narrate

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

// TestWriteDemo: the page shows the newest episode's transcript (of the
// version the catalog names), the player's files are written beside it,
// and a missing or broken episode is an error that names it.
func TestWriteDemo(t *testing.T) {
	ctx := context.Background()
	st, err := local.New(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteDemo(ctx, st, ""); err == nil || !strings.Contains(err.Error(), "no episodes yet") {
		t.Errorf("an empty store: %v", err)
	}
	put := func(k, body string) {
		if err := st.Put(ctx, k, strings.NewReader(body), store.Meta{}); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
	for i, slug := range []string{"older", "newer"} {
		m, _ := player.Manifest{Version: 1, Slug: slug, Title: "Title of " + slug}.Encode()
		put(slug+".json", string(m))
		put(slug+"-abc.vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nThe text of "+slug+".\n")
		put(slug+".vtt", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA stale version.\n")
		e := feed.Episode{GUID: "g-" + slug, Slug: slug, Title: slug, AudioKey: slug + ".mp3", ManifestKey: slug + ".json",
			TranscriptKey: slug + "-abc.vtt", Published: now.Add(time.Duration(i) * time.Hour), SizeBytes: 1, DurationSeconds: 1}
		if _, err := feed.UpdateCatalog(ctx, st, func(c *feed.Catalog) error { c.Upsert(e); return nil }); err != nil {
			t.Fatal(err)
		}
	}
	read := func(k string) string {
		data, err := feed.ReadStored(ctx, st, k)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for _, tc := range []struct{ slug, want string }{{"", "The text of newer."}, {"older", "The text of older."}} {
		got, err := WriteDemo(ctx, st, tc.slug)
		if err != nil {
			t.Fatal(err)
		}
		page := read(DemoKey)
		if !strings.Contains(page, tc.want) || strings.Contains(page, "stale") || !strings.Contains(page, got+".json") {
			t.Errorf("demo of %q (%s): page lacks %q or shows the stale transcript:\n%s", tc.slug, got, tc.want, page)
		}
	}
	for key := range player.Assets() {
		read(key)
	}
	put("newer-abc.vtt", "not a transcript")
	if _, err := WriteDemo(ctx, st, "newer"); err == nil || !strings.Contains(err.Error(), "newer-abc.vtt") {
		t.Errorf("a broken transcript: %v", err)
	}
	for _, slug := range []string{"missing", "../etc/passwd", "."} {
		if _, err := WriteDemo(ctx, st, slug); err == nil || !strings.Contains(err.Error(), slug) {
			t.Errorf("slug %q: %v", slug, err)
		}
	}
}
