package narrate

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

// TestUnpublishDeletesOnlyEpisodes: --delete takes an episode's own files
// and nothing else. The catalog, a feed, the cover and the player's files
// are never deleted, nor a file another episode refers to; an episode
// already out of the catalog (a run stopped part-way) has its files
// deleted on the next run.
func TestUnpublishDeletesOnlyEpisodes(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
	st, err := local.New(t.TempDir(), "https://cdn.example.com")
	if err != nil {
		t.Fatal(err)
	}
	put := func(k string) {
		if err := st.Put(ctx, k, bytes.NewReader([]byte("x")), store.Meta{}); err != nil {
			t.Fatal(err)
		}
	}
	channels := []feed.Channel{{Title: "News", Description: "d", Language: "en"}, {Key: "sport.xml", Title: "Sport", Description: "d", Language: "en"}}
	ep := func(slug string) feed.Episode {
		return feed.Episode{GUID: "guid-" + slug, Slug: slug, Title: slug, AudioKey: slug + ".mp3", ManifestKey: slug + ".json",
			TranscriptKey: slug + ".vtt", ChaptersKey: slug + ".chapters.json", Published: now, SizeBytes: 1, DurationSeconds: 1}
	}
	for _, slug := range []string{"story", "gone"} {
		for _, suffix := range []string{".mp3", ".json", ".vtt", ".chapters.json"} {
			put(slug + suffix)
		}
	}
	for _, k := range []string{player.AssetDir + "/aloud-player.js", player.AssetDir + "/aloud-player.css"} {
		put(k)
	}
	if _, err := feed.UpdateCatalog(ctx, st, func(c *feed.Catalog) error { c.Upsert(ep("story")); return nil }); err != nil {
		t.Fatal(err)
	}
	cat, _, _ := feed.LoadCatalog(ctx, st)
	if err := PublishFeeds(ctx, st, channels, cat, now); err != nil {
		t.Fatal(err)
	}
	exists := func(k string) bool {
		_, err := st.Stat(ctx, k)
		return err == nil
	}
	for _, name := range []string{"episodes", "feed", "sport", "cover", "story.chapters", "player/aloud-player"} {
		res, err := Unpublish(ctx, st, channels, name, true, now)
		if err == nil || len(res.Deleted) > 0 {
			t.Errorf("unpublish --delete %q: deleted %v, err %v", name, res.Deleted, err)
		}
	}
	for _, k := range []string{feed.CatalogKey, feed.FeedKey, "sport.xml", feed.CoverKey, "story.chapters.json", "story.mp3", player.AssetDir + "/aloud-player.js"} {
		if !exists(k) {
			t.Errorf("%s was deleted", k)
		}
	}
	// "gone" is out of the catalog with its files still there: they go.
	res, err := Unpublish(ctx, st, channels, "gone", true, now)
	if err != nil || len(res.Deleted) != 4 {
		t.Errorf("finishing an unpublish: deleted %v, %v", res.Deleted, err)
	}
	// The episode itself.
	res, err = Unpublish(ctx, st, channels, "story", true, now)
	if err != nil || len(res.Deleted) != 4 || exists("story.mp3") {
		t.Errorf("unpublish story: %v, %v", res.Deleted, err)
	}
	if _, err := Unpublish(ctx, st, channels, "story", false, now); err == nil || errors.Is(err, store.ErrNotExist) {
		t.Errorf("unpublishing it twice: %v", err)
	}
}
