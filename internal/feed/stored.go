package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/store"
)

// MaxFeedBytes bounds a feed read for checking; Apple's own limit is far
// lower, so anything larger is hostile or broken.
const MaxFeedBytes = 64 << 20

// SizeFunc gives the real size of an enclosure's file by its URL; -1 means
// unknown.
type SizeFunc func(ctx context.Context, url string) (int64, error)

// ReadBounded reads a feed of at most MaxFeedBytes from r, refusing an
// empty or larger one; name says what was read in errors.
func ReadBounded(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFeedBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > MaxFeedBytes {
		return nil, fmt.Errorf("%s is larger than %d MB: not a feed to check", name, MaxFeedBytes>>20)
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return nil, fmt.Errorf("%s is empty", name)
	}
	return data, nil
}

// ReadStored reads a whole stored file (a feed, the catalog, a manifest)
// within MaxFeedBytes.
func ReadStored(ctx context.Context, st store.Store, key string) ([]byte, error) {
	rc, _, err := st.Get(ctx, key)
	if errors.Is(err, store.ErrNotExist) {
		return nil, fmt.Errorf("no %s yet: narrate an article first", key)
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return ReadBounded(rc, key)
}

// CheckStored checks the feed stored under key. Enclosures of the store's
// own files (URLs where the store is served: its public base URL, or else
// the feed's own address) are measured in the store; any other enclosure is
// measured by other, or left unknown when other is nil. It returns the
// feed's public address with the problems.
func CheckStored(ctx context.Context, st store.Store, key string, other SizeFunc) (string, []Problem, error) {
	data, err := ReadStored(ctx, st, key)
	if err != nil {
		return "", nil, err
	}
	where := st.URL(key)
	prefix := strings.TrimSuffix(where, key)
	if !strings.Contains(prefix, "://") {
		prefix = strings.TrimSuffix(SelfURL(data), key)
	}
	ps, err := Check(ctx, data, CheckOptions{Size: storeSize(st, prefix, other), URL: where})
	if err != nil {
		return where, nil, fmt.Errorf("%s: %w", where, err)
	}
	return where, ps, nil
}

// storeSize answers enclosure sizes for the URLs under prefix from the
// store, and asks other (if any) for the rest.
func storeSize(st store.Store, prefix string, other SizeFunc) SizeFunc {
	return func(ctx context.Context, u string) (int64, error) {
		rest, ok := strings.CutPrefix(u, prefix)
		if !ok || prefix == "" {
			if other == nil {
				return -1, nil // not ours, and not allowed to ask: unknown
			}
			return other(ctx, u)
		}
		key, err := url.PathUnescape(rest)
		if err != nil {
			return 0, err
		}
		m, err := st.Stat(ctx, key)
		if errors.Is(err, store.ErrNotExist) {
			return 0, fmt.Errorf("the file %s is not in the store", key)
		}
		if err != nil {
			return 0, err
		}
		return m.Size, nil
	}
}

// Errors counts the problems that are errors.
func Errors(ps []Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == Error {
			n++
		}
	}
	return n
}

// PublishedBase is the public base URL the feed under key was written with
// (its atom:link rel="self" without the key), or "" when there is no such
// feed or its address is not one.
func PublishedBase(ctx context.Context, st store.Store, key string) string {
	data, err := ReadStored(ctx, st, key)
	if err != nil {
		return ""
	}
	base, ok := strings.CutSuffix(SelfURL(data), "/"+key)
	if !ok || config.CheckBaseURL(base) != nil {
		return ""
	}
	return base
}
