package narrate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/store"
)

// maxSidecarBytes bounds a stored manifest or transcript read back.
const maxSidecarBytes = 16 << 20

// ReadManifest reads the manifest of the episode slug from the store.
func ReadManifest(ctx context.Context, st store.Store, slug string) (player.Manifest, error) {
	if err := feed.CheckSlug(slug); err != nil {
		return player.Manifest{}, err
	}
	rc, _, err := st.Get(ctx, slug+".json")
	if errors.Is(err, store.ErrNotExist) {
		return player.Manifest{}, fmt.Errorf("no episode %q in the store (no %s.json)", slug, slug)
	}
	if err != nil {
		return player.Manifest{}, err
	}
	defer rc.Close()
	var m player.Manifest
	if err := json.NewDecoder(io.LimitReader(rc, maxSidecarBytes)).Decode(&m); err != nil {
		return player.Manifest{}, fmt.Errorf("%s.json: %w", slug, err)
	}
	return m, nil
}

// DemoKey is where WriteDemo puts the page.
const DemoKey = "demo.html"

// WriteDemo writes the player's files and DemoKey, a page with the text and
// player of the episode slug (the newest in the catalog when slug is
// empty), and returns the slug shown.
func WriteDemo(ctx context.Context, st store.Store, slug string) (string, error) {
	cat, _, err := feed.LoadCatalog(ctx, st)
	if err != nil {
		return "", err
	}
	if slug == "" {
		eps := cat.Sorted()
		if len(eps) == 0 {
			return "", errors.New("no episodes yet: narrate an article first")
		}
		slug = eps[0].Slug
	}
	m, err := ReadManifest(ctx, st, slug)
	if err != nil {
		return "", err
	}
	// The transcript of the version the catalog names (older versions kept
	// it at SLUG.vtt).
	vttKey := slug + ".vtt"
	for _, e := range cat.Episodes {
		if e.Slug == slug && e.TranscriptKey != "" {
			vttKey = e.TranscriptKey
		}
	}
	var cues []episode.Cue
	if rc, _, err := st.Get(ctx, vttKey); err == nil {
		data, rerr := io.ReadAll(io.LimitReader(rc, maxSidecarBytes))
		rc.Close()
		if rerr != nil {
			return "", fmt.Errorf("%s: %w", vttKey, rerr)
		}
		if cues, err = episode.ParseVTT(data); err != nil {
			return "", fmt.Errorf("%s: %w", vttKey, err)
		}
	} else if !errors.Is(err, store.ErrNotExist) {
		return "", fmt.Errorf("%s: %w", vttKey, err)
	}
	page, err := player.Demo(m, cues)
	if err != nil {
		return "", err
	}
	for key, body := range player.Assets() {
		if err := st.Put(ctx, key, bytes.NewReader(body), store.Meta{}); err != nil {
			return "", err
		}
	}
	if err := st.Put(ctx, DemoKey, bytes.NewReader(page), store.Meta{ContentType: "text/html"}); err != nil {
		return "", err
	}
	return slug, nil
}
