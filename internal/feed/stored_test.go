package feed

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

// TestCheckStored measures the store's own enclosures in the store, whether
// the store knows its public address or only the feed says it, and asks
// nobody about the rest.
func TestCheckStored(t *testing.T) {
	ctx := context.Background()
	for _, base := range []string{"https://cdn.example.com/pod", ""} {
		t.Run("base="+base, func(t *testing.T) {
			st, err := local.New(t.TempDir(), base)
			if err != nil {
				t.Fatal(err)
			}
			put := func(key string, data []byte) {
				if err := st.Put(ctx, key, bytes.NewReader(data), store.Meta{}); err != nil {
					t.Fatal(err)
				}
			}
			if got := PublishedBase(ctx, st, "feed.xml"); got != "" {
				t.Errorf("no feed yet, but a published base %q", got)
			}
			put("feed.xml", []byte(golden(t)))
			if got := PublishedBase(ctx, st, "feed.xml"); got != "https://cdn.example.com/pod" {
				t.Errorf("published base %q", got)
			}
			put("newer.mp3", make([]byte, 1000)) // as the feed says
			put("older.mp3", make([]byte, 7))    // the feed says 493098
			asked := 0
			other := func(context.Context, string) (int64, error) { asked++; return 0, nil }
			_, ps, err := CheckStored(ctx, st, "feed.xml", other)
			if err != nil {
				t.Fatal(err)
			}
			var msgs []string
			for _, p := range ps {
				msgs = append(msgs, p.String())
			}
			all := strings.Join(msgs, "\n")
			if Errors(ps) != 1 || !strings.Contains(all, "493098") || !strings.Contains(all, "item 2") {
				t.Errorf("want one error, on the second item's length; got:\n%s", all)
			}
			if asked != 0 {
				t.Errorf("asked a server %d times for the store's own files", asked)
			}
			if err := st.Delete(ctx, "older.mp3"); err != nil {
				t.Fatal(err)
			}
			_, ps, _ = CheckStored(ctx, st, "feed.xml", nil)
			if Errors(ps) != 1 || !strings.Contains(ps[0].Message+ps[len(ps)-1].Message, "not in the store") {
				t.Errorf("a missing file: %v", ps)
			}
		})
	}
}

func TestReadStoredRefuses(t *testing.T) {
	ctx := context.Background()
	st, err := local.New(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadStored(ctx, st, "feed.xml"); err == nil || !strings.Contains(err.Error(), "narrate an article first") {
		t.Errorf("no feed yet: %v", err)
	}
	st.Put(ctx, "feed.xml", strings.NewReader(" \n\t"), store.Meta{})
	if _, err := ReadStored(ctx, st, "feed.xml"); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("a blank feed: %v", err)
	}
	if _, err := ReadBounded(strings.NewReader(strings.Repeat("x", MaxFeedBytes+1)), "big.xml"); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a huge feed: %v", err)
	}
}

func TestChannels(t *testing.T) {
	cfg := config.Default()
	de := config.Feed{Key: "de"}
	de.Match.Language = "de"
	cfg.Feeds = []config.Feed{de, {Key: "all", Title: "Everything"}}
	chs, err := Channels(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 2 || chs[0].Language != "de" || chs[0].Match.Language != "de" || chs[0].Title != cfg.Feed.Title || chs[1].Title != "Everything" {
		t.Errorf("channels: %+v", chs)
	}
	cfg.Feeds[1].Category = "Cooking"
	if _, err := Channels(cfg); err == nil || !strings.Contains(err.Error(), "feeds.1.category") {
		t.Errorf("an unknown category: %v", err)
	}
}

func TestCheckSlug(t *testing.T) {
	for slug, ok := range map[string]bool{
		"city-council-approves-budget": true, Slugify("Київ, 2024"): true, "a.b": true,
		"": false, ".": false, "..": false, "a/b": false, "../etc/passwd": false, `a\b`: false, "a\x00": false, "/abs": false,
	} {
		if err := CheckSlug(slug); (err == nil) != ok {
			t.Errorf("CheckSlug(%q) = %v, want ok=%v", slug, err, ok)
		}
	}
}
