package narrate_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/source"
)

// editedFile is a file article whose title the newsroom edits between
// runs; it has no canonical URL.
type editedFile struct{ title, body string }

func (f *editedFile) LoadEntry(_ context.Context, e source.Entry) (article.Article, error) {
	return article.Article{Title: f.title, Byline: "Ana Ruiz", Language: "en", Source: e.Ref,
		Blocks: []article.Block{{Kind: article.Paragraph, Text: f.body}}}, nil
}

// TestFileIdentity: a file without a canonical URL keeps its episode when
// its title is edited (its identity is its path), two files with the same
// title are two episodes, and an episode a catalog holds under the older
// title identity is replaced, not doubled.
func TestFileIdentity(t *testing.T) {
	o, _ := options(t, newSlowVoice(t, 0, 4), 1)
	dir := t.TempDir()
	story := filepath.Join(dir, "story.md")
	f := &editedFile{title: "Harbour board votes on the pier", body: "The harbour board met on Tuesday and voted to rebuild the north pier."}
	o.Loader = f
	run := func() []narrate.Result {
		t.Helper()
		res, err := narrate.Run(context.Background(), o, []source.Entry{{Ref: story}})
		if err != nil || res[0].Err() != nil {
			t.Fatalf("run: %v %v", err, res)
		}
		return res
	}
	episodes := func() []feed.Episode {
		t.Helper()
		c, _, err := feed.LoadCatalog(context.Background(), o.Store)
		if err != nil {
			t.Fatal(err)
		}
		return c.Episodes
	}
	first := run()
	f.title, f.body = "Harbour board backs the new pier", f.body+" Work starts in March."
	second := run()
	if eps := episodes(); len(eps) != 1 || eps[0].Title != f.title || second[0].GUID != first[0].GUID {
		t.Fatalf("after editing the title: %d episodes, guids %s / %s", len(eps), first[0].GUID, second[0].GUID)
	}
	if a := (article.Article{Title: f.title, Source: "story.md"}); narrate.GUID(a) == narrate.GUID(article.Article{Title: f.title, Source: "other/story.md"}) {
		t.Error("two files share an identity")
	}
	// A catalog written before file identities holds the article under
	// its title hash: narrating it again replaces that episode.
	o2, _ := options(t, newSlowVoice(t, 0, 4), 1)
	o2.Loader = f
	legacy := narrate.GUID(article.Article{Title: f.title, Byline: "Ana Ruiz"})
	_, err := feed.UpdateCatalog(context.Background(), o2.Store, func(c *feed.Catalog) error {
		c.Upsert(feed.Episode{GUID: legacy, Slug: "harbour-board", Title: f.title, AudioKey: "harbour-board.mp3",
			ManifestKey: "harbour-board.json", ContentHash: "old", Voice: "slow"})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	o = o2
	res := run()
	if eps := episodes(); len(eps) != 1 || res[0].GUID != legacy {
		t.Errorf("legacy catalog: %d episodes, guid %s, want %s", len(eps), res[0].GUID, legacy)
	}
}
