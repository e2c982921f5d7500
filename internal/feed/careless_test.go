package feed

import (
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

// careless is a store on a server that ignores If-Match and
// If-None-Match, as some S3-compatible services do: every write lands.
// rival, when set, runs once right after the first catalog write, as
// another run overwriting it with what it read before.
type careless struct {
	store.Store
	once  sync.Once
	rival func()
}

func (c *careless) ConditionalWrites(context.Context) (bool, error) { return false, nil }

func (c *careless) Put(ctx context.Context, key string, body io.ReadSeeker, meta store.Meta) error {
	meta.IfMatch, meta.IfAbsent = "", false
	if err := c.Store.Put(ctx, key, body, meta); err != nil {
		return err
	}
	if key == CatalogKey && c.rival != nil {
		c.once.Do(c.rival)
	}
	return nil
}

// TestUpdateCatalogWithoutConditionalWrites: another run overwrites the
// catalog just after this one wrote it (a lost update on a server that
// ignores conditions); the read-back check sees this run's episode missing
// and writes it again, so both end up in the catalog.
func TestUpdateCatalogWithoutConditionalWrites(t *testing.T) {
	defer func(d time.Duration) { settle = d }(settle)
	settle = time.Millisecond
	ctx := context.Background()
	base, err := local.New(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	ep := func(id string) Episode { return Episode{GUID: id, Slug: id, AudioKey: id + ".mp3"} }
	if _, err := UpdateCatalog(ctx, base, func(c *Catalog) error { c.Upsert(ep("old")); return nil }); err != nil {
		t.Fatal(err)
	}
	st := &careless{Store: base}
	st.rival = func() {
		// The rival read the catalog before this run wrote: it holds
		// "old" and adds "theirs", losing "ours".
		rival := Catalog{Episodes: []Episode{ep("old"), ep("theirs")}}
		data, _ := rival.Encode()
		if err := base.Put(ctx, CatalogKey, strings.NewReader(string(data)), store.Meta{}); err != nil {
			t.Error(err)
		}
	}
	calls := 0
	if _, err := UpdateCatalog(ctx, st, func(c *Catalog) error { calls++; c.Upsert(ep("ours")); return nil }); err != nil {
		t.Fatal(err)
	}
	c, _, err := LoadCatalog(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"old", "theirs", "ours"} {
		if _, ok := c.Find(id); !ok {
			t.Errorf("episode %q lost: %+v", id, c.Episodes)
		}
	}
	if calls != 2 {
		t.Errorf("change applied %d times, want 2 (the write, and again after the overwrite)", calls)
	}
	// Removals are checked the same way.
	st2 := &careless{Store: base}
	st2.rival = func() {
		rival := Catalog{Episodes: []Episode{ep("old"), ep("theirs"), ep("ours")}}
		data, _ := rival.Encode()
		base.Put(ctx, CatalogKey, strings.NewReader(string(data)), store.Meta{})
	}
	if _, err := UpdateCatalog(ctx, st2, func(c *Catalog) error { c.Remove("ours"); return nil }); err != nil {
		t.Fatal(err)
	}
	c, _, _ = LoadCatalog(ctx, base)
	if _, ok := c.Find("ours"); ok || len(c.Episodes) != 2 {
		t.Errorf("after removal despite an overwrite: %+v", c.Episodes)
	}
}
