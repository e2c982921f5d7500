package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/aloud-dev/aloud/internal/source"
)

// batchFlags name where a batch of articles comes from and which of them
// to narrate.
type batchFlags struct {
	feeds, sitemaps, lists []string
	since                  string
	section                string
	shard                  string
	limit                  int
	force                  bool
}

func (b *batchFlags) add(f *pflag.FlagSet) {
	f.StringArrayVar(&b.feeds, "from-feed", nil, "narrate the items of the publisher's RSS or Atom feed at `URL` (repeatable)")
	f.StringArrayVar(&b.sitemaps, "from-sitemap", nil, "narrate the pages of the sitemap or news sitemap at `URL` (repeatable; a sitemap index is followed)")
	f.StringArrayVar(&b.lists, "from-list", nil, "narrate the paths and URLs in `FILE`, one a line (- for standard input; # starts a comment)")
	f.StringVar(&b.since, "since", "", "only articles published on or after `DATE` (2026-11-01 or RFC 3339; articles whose source gives no date are kept)")
	f.StringVar(&b.section, "section", "", "only feed items in `SECTION` (a category of the item, any case)")
	f.StringVar(&b.shard, "shard", "", "narrate slice `i/n` of the batch (i from 0 to n-1): n runs with the same sources share the work")
	f.IntVar(&b.limit, "limit", 0, "narrate at most `N` articles of the batch (after the other filters)")
	f.BoolVar(&b.force, "force", false, "narrate articles again even when their text and voice are unchanged")
}

func (b *batchFlags) any() bool {
	return len(b.feeds)+len(b.sitemaps)+len(b.lists) > 0
}

// check validates the filters before anything is fetched.
func (b *batchFlags) check() error {
	if _, err := b.selection(); err != nil {
		return usageError{err}
	}
	return nil
}

func (b *batchFlags) selection() (source.Selection, error) {
	var s source.Selection
	if b.since != "" {
		t, err := parseDate(b.since)
		if err != nil {
			return s, err
		}
		s.Since = t
	}
	if b.limit < 0 {
		return s, fmt.Errorf("--limit %d: want 0 (no limit) or more", b.limit)
	}
	s.Limit, s.Section = b.limit, strings.TrimSpace(b.section)
	if b.shard != "" {
		i, n, err := parseShard(b.shard)
		if err != nil {
			return s, err
		}
		s.Shard, s.Shards = i, n
	}
	return s, nil
}

func parseDate(v string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04"} {
		if t, err := time.ParseInLocation(layout, v, time.Local); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--since %q: not a date; use 2026-11-01, 2026-11-01T08:00 or 2026-11-01T08:00:00Z", v)
}

// parseShard reads i/n, 0 ≤ i < n.
func parseShard(v string) (int, int, error) {
	a, b, ok := strings.Cut(v, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	switch {
	case !ok || err1 != nil || err2 != nil:
		return 0, 0, fmt.Errorf("--shard %q: want i/n, e.g. 0/4 for the first of four slices", v)
	case n < 1 || n > 10_000:
		return 0, 0, fmt.Errorf("--shard %q: n must be 1 to 10000", v)
	case i < 0 || i >= n:
		return 0, 0, fmt.Errorf("--shard %q: i counts from 0 and must be below n (0 to %d)", v, n-1)
	}
	return i, n, nil
}

// entries gathers the batch: the arguments first, then each list, feed and
// sitemap, narrowed by the filters. A source that cannot be read stops the
// run before anything is narrated: a half-read feed would look like a
// batch that narrated everything.
func (b *batchFlags) entries(ctx context.Context, l *source.Loader, args []string, stdin io.Reader) ([]source.Entry, error) {
	var all []source.Entry
	for _, a := range args {
		all = append(all, source.Entry{Ref: a})
	}
	for _, name := range b.lists {
		var r io.Reader = stdin
		if name != "-" {
			f, err := os.Open(name)
			if err != nil {
				return nil, usageError{fmt.Errorf("--from-list: %w", err)}
			}
			defer f.Close()
			r = f
		} else {
			name = "standard input"
		}
		es, err := source.ReadList(r, name)
		if err != nil {
			return nil, usageError{fmt.Errorf("--from-list: %w", err)}
		}
		all = append(all, es...)
	}
	for _, u := range b.feeds {
		es, err := l.Feed(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("--from-feed: %w", err)
		}
		all = append(all, es...)
	}
	for _, u := range b.sitemaps {
		es, err := l.Sitemap(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("--from-sitemap: %w", err)
		}
		all = append(all, es...)
	}
	sel, err := b.selection()
	if err != nil {
		return nil, usageError{err}
	}
	return source.Select(all, sel), nil
}
