package narrate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/store"
)

// PublishFeeds writes every channel's feed from the catalog, and the
// default cover art first if a channel has no image of its own.
func PublishFeeds(ctx context.Context, st store.Store, channels []feed.Channel, cat feed.Catalog, now time.Time) error {
	if len(channels) == 0 {
		return errors.New("no feed configured")
	}
	for _, ch := range channels {
		if ch.ImageURL == "" {
			if err := st.Put(ctx, feed.CoverKey, bytes.NewReader(feed.DefaultCover()),
				store.Meta{ContentType: "image/png", CacheControl: "public, max-age=86400"}); err != nil {
				return fmt.Errorf("publishing the default cover: %w", err)
			}
			break
		}
	}
	urls := feedURLs(st, channels)
	if probe := cat; probe.Identify(urls) {
		// A new feed gets its podcast:guid, a moved one keeps it: kept in
		// the catalog, so it is given once, whatever the address.
		var err error
		cat, err = feed.UpdateCatalog(ctx, st, func(c *feed.Catalog) error {
			c.Identify(urls)
			return nil
		})
		if err != nil {
			return fmt.Errorf("recording the feeds' identity: %w", err)
		}
	}
	for _, ch := range channels {
		rss, err := feed.RSS(ch, cat, st.URL, now)
		if err != nil {
			return err
		}
		if err := st.Put(ctx, ch.FeedKeyOf(), bytes.NewReader(rss),
			store.Meta{ContentType: "application/rss+xml", CacheControl: "public, max-age=300"}); err != nil {
			return fmt.Errorf("publishing %s: %w", ch.FeedKeyOf(), err)
		}
	}
	return nil
}

// feedURLs maps each channel's feed key to its public URL, for
// Catalog.Identify.
func feedURLs(st store.Store, channels []feed.Channel) map[string]string {
	urls := map[string]string{}
	for _, ch := range channels {
		urls[ch.FeedKeyOf()] = st.URL(ch.FeedKeyOf())
	}
	return urls
}

// Unpublished is what Unpublish did.
type Unpublished struct {
	Episode feed.Episode
	Deleted []string // keys removed from the store
}

// Unpublish takes the episode with the slug out of the catalog and every
// feed, and with deleteFiles then removes its audio, manifest, transcript
// and chapters. The order keeps what is published consistent if it stops
// part-way: a feed never lists an episode whose audio is gone, and running
// it again finishes the job (an episode no longer in the catalog only has
// its files deleted). Only an episode's own files are ever deleted: never
// the catalog, a feed, the cover or the player's files, and never a file
// an episode in the catalog refers to ("unpublish --delete episodes" or
// "SLUG.chapters" delete nothing).
func Unpublish(ctx context.Context, st store.Store, channels []feed.Channel, slug string, deleteFiles bool, now time.Time) (Unpublished, error) {
	var out Unpublished
	cat, _, err := feed.LoadCatalog(ctx, st)
	if err != nil {
		return out, err
	}
	var found bool
	for _, e := range cat.Episodes {
		if e.Slug == slug {
			out.Episode, found = e, true
		}
	}
	if found {
		cat, err = feed.UpdateCatalog(ctx, st, func(c *feed.Catalog) error {
			c.Remove(out.Episode.GUID)
			c.Identify(feedURLs(st, channels))
			return nil
		})
		if err != nil {
			return out, err
		}
		if err := PublishFeeds(ctx, st, channels, cat, now); err != nil {
			return out, fmt.Errorf("%s is out of the catalog but the feeds were not rewritten (run it again, or 'aloud feed rebuild'): %w", slug, err)
		}
	}
	if !deleteFiles {
		if !found {
			return out, fmt.Errorf("no episode %q in the catalog %s", slug, st.URL(feed.CatalogKey))
		}
		return out, nil
	}
	keys := []string{slug + ".mp3", slug + ".json", slug + ".vtt", slug + ".chapters.json"}
	if !found {
		// Finishing an earlier unpublish: its versioned files too.
		version := regexp.MustCompile(`^` + regexp.QuoteMeta(slug) + `-[0-9a-f]{12}\.(mp3|vtt|chapters\.json)$`)
		for m, err := range st.List(ctx, slug+"-") {
			if err != nil {
				return out, fmt.Errorf("listing %s's files: %w", slug, err)
			}
			if version.MatchString(m.Key) {
				keys = append(keys, m.Key)
			}
		}
	}
	if found {
		e := out.Episode
		keys = []string{e.AudioKey, e.ManifestKey, e.TranscriptKey, e.ChaptersKey}
	}
	protected := protectedKeys(channels, cat)
	for _, k := range keys {
		if k == "" || protected[k] {
			continue
		}
		err := st.Delete(ctx, k)
		if errors.Is(err, store.ErrNotExist) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("deleting %s: %w", k, err)
		}
		out.Deleted = append(out.Deleted, k)
	}
	if !found && len(out.Deleted) == 0 {
		return out, fmt.Errorf("no episode %q in the catalog %s, and no files of an unpublished episode of that name", slug, st.URL(feed.CatalogKey))
	}
	return out, nil
}

// protectedKeys are what unpublishing never deletes: the catalog, every
// feed, the cover, the player's files, and every file an episode still in
// the catalog refers to.
func protectedKeys(channels []feed.Channel, cat feed.Catalog) map[string]bool {
	p := map[string]bool{feed.CatalogKey: true, feed.FeedKey: true, feed.CoverKey: true,
		player.AssetDir + "/aloud-player.js": true, player.AssetDir + "/aloud-player.css": true}
	for _, ch := range channels {
		p[ch.FeedKeyOf()] = true
	}
	for _, e := range cat.Episodes {
		for _, k := range []string{e.AudioKey, e.ManifestKey, e.TranscriptKey, e.ChaptersKey} {
			if k != "" {
				p[k] = true
			}
		}
	}
	return p
}
