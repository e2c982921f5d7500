package backends

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/cache"
	"github.com/aloud-dev/aloud/internal/store"
)

// SegmentPrefix is where a store keeps the segment cache when the cache is
// "store": beside the catalog, out of the feed's way.
const SegmentPrefix = ".aloud/segments/"

// maxSegment bounds a cached chunk read back from a store.
const maxSegment = 32 << 20

// storeBlobs keeps cached segments in a store, so workers on many machines
// publishing to one bucket share them.
type storeBlobs struct{ st store.Store }

func (b storeBlobs) Load(ctx context.Context, key string) ([]byte, error) {
	rc, _, err := b.st.Get(ctx, SegmentPrefix+key)
	if errors.Is(err, store.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", key, fs.ErrNotExist)
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxSegment+1))
	if err == nil && len(data) > maxSegment {
		return nil, fmt.Errorf("%s: larger than %d bytes", key, maxSegment)
	}
	return data, err
}

func (b storeBlobs) Exists(ctx context.Context, key string) bool {
	m, err := b.st.Stat(ctx, SegmentPrefix+key)
	return err == nil && m.Size > 0
}

func (b storeBlobs) Save(ctx context.Context, key string, data []byte) error {
	return b.st.Put(ctx, SegmentPrefix+key, bytes.NewReader(data),
		store.Meta{ContentType: "application/octet-stream", CacheControl: "private, max-age=0"})
}

// Cached wraps syn in the segment cache that setting names: "off" none,
// "store" the store's .aloud/segments/, else the folder CacheDir names.
// identity is the voice's part of every key; onError, when set, is told
// of a cache that cannot be read or written (the voice is used anyway).
func Cached(syn speech.Synthesizer, setting string, st store.Store, identity string, onError func(error)) (speech.Synthesizer, error) {
	var blobs cache.Blobs
	switch setting {
	case "off":
		return syn, nil
	case "store":
		blobs = storeBlobs{st}
	default:
		dir, err := CacheDir(setting)
		if err != nil {
			return nil, err
		}
		blobs = cache.Dir(dir)
	}
	c := cache.New(syn, blobs, identity)
	c.OnError = onError
	return c, nil
}

// CacheDir is the folder a cache setting names: the setting itself, or for
// "" the user's cache folder (~/.cache/aloud/segments).
func CacheDir(setting string) (string, error) {
	if setting != "" {
		return setting, nil
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("segment cache: no cache folder (%w); set cache in aloud.yaml or --cache", err)
	}
	return filepath.Join(dir, "aloud", "segments"), nil
}
