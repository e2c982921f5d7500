package narrate_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

// TestFeedIdentityKept: a feed's podcast:guid is given once and kept in
// the catalog; when the public base URL changes it stays, and the feed
// names its new address in itunes:new-feed-url. Stores without a base
// URL get guids of their own.
func TestFeedIdentityKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	channels := []feed.Channel{{Title: "Courier", Description: "Stories", Language: "en", Category: "News"}}
	publish := func(base string) (guid, newURL string, st store.Store) {
		t.Helper()
		st, err := local.New(dir, base)
		if err != nil {
			t.Fatal(err)
		}
		cat, _, err := feed.LoadCatalog(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if err := narrate.PublishFeeds(ctx, st, channels, cat, time.Now()); err != nil {
			t.Fatal(err)
		}
		rc, _, err := st.Get(ctx, feed.FeedKey)
		if err != nil {
			t.Fatal(err)
		}
		defer rc.Close()
		f, err := gofeed.NewParser().Parse(rc)
		if err != nil {
			t.Fatal(err)
		}
		guid = f.Custom["guid"]
		if ext, ok := f.Extensions["podcast"]["guid"]; ok && len(ext) > 0 {
			guid = ext[0].Value
		}
		if ext, ok := f.Extensions["itunes"]["new-feed-url"]; ok && len(ext) > 0 {
			newURL = ext[0].Value
		}
		return guid, newURL, st
	}
	first, moved, _ := publish("https://old.example.com/pod")
	if first != feed.PodcastGUID("https://old.example.com/pod/feed.xml") || moved != "" {
		t.Fatalf("first publication: guid %q, new-feed-url %q", first, moved)
	}
	again, moved, _ := publish("https://old.example.com/pod")
	if again != first || moved != "" {
		t.Errorf("same address: guid %q, new-feed-url %q", again, moved)
	}
	after, moved, st := publish("https://audio.example.com")
	if after != first || moved != "https://audio.example.com/feed.xml" {
		t.Errorf("after the move: guid %q (want %q), new-feed-url %q", after, first, moved)
	}
	cat, _, _ := feed.LoadCatalog(ctx, st)
	if id := cat.Feeds[feed.FeedKey]; id.GUID != first || id.Was != "https://old.example.com/pod/feed.xml" {
		t.Errorf("catalog keeps %+v", id)
	}
	// Two stores without a public base URL: two different guids.
	var guids []string
	for range 2 {
		dir = t.TempDir()
		g, _, _ := publish("")
		guids = append(guids, g)
	}
	if guids[0] == guids[1] || len(guids[0]) != 36 || strings.ToLower(guids[0]) != guids[0] {
		t.Errorf("guids without a base URL: %q", guids)
	}
}
