package feed

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Riverside library stays open late", "riverside-library-stays-open-late"},
		{"Café owners’ 2026 plans: what’s next?", "cafe-owners-2026-plans-what-s-next"},
		{"Київ: новини дня", "kyiv-novyny-dnia"},
		{"Їжак і Юля з'їли яблуко", "yizhak-i-yulia-z-ily-yabluko"},
		{"Новости дня: Москва", "novosti-dnya-moskva"},
		{"Straße & Ærø", "strasse-and-aero"},
		{"../../etc/passwd", "etc-passwd"},
		{"   ", "article-"},
		{"日本語のみ", "article-"},
		{strings.Repeat("word ", 40), strings.TrimSuffix(strings.Repeat("word-", 16), "-")},
	}
	for _, tc := range tests {
		got := Slugify(tc.in)
		if !strings.HasPrefix(got, tc.want) || (tc.want != "article-" && got != tc.want) {
			t.Errorf("Slugify(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if len(got) > MaxSlugLen || strings.ContainsAny(got, "/\\. ") || got[0] == '-' || got[len(got)-1] == '-' {
			t.Errorf("Slugify(%q) = %q is not safe", tc.in, got)
		}
	}
}

func FuzzSlugify(f *testing.F) {
	f.Add("Hello, world")
	f.Add("../..//\x00")
	f.Fuzz(func(t *testing.T, s string) {
		got := Slugify(s)
		if got == "" || len(got) > MaxSlugLen || store.ValidKey(got+".mp3") != nil {
			t.Fatalf("Slugify(%q) = %q", s, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Fatalf("Slugify(%q) = %q has %q", s, got, r)
			}
		}
	})
}

func TestSlugForUnique(t *testing.T) {
	var c Catalog
	c.Upsert(Episode{GUID: "g1", Slug: "same-title"})
	if got := c.SlugFor("g1", "Different title now"); got != "same-title" {
		t.Errorf("existing episode keeps its slug: %q", got)
	}
	if got := c.SlugFor("g2", "Same title"); got != "same-title-2" {
		t.Errorf("second article with the title: %q", got)
	}
	c.Upsert(Episode{GUID: "g2", Slug: "same-title-2"})
	if got := c.SlugFor("g3", "Same title"); got != "same-title-3" {
		t.Errorf("third: %q", got)
	}
	if got := c.SlugFor("g4", "Feed"); got != "feed-2" {
		t.Errorf("reserved name: %q", got)
	}
	long := strings.Repeat("x", 200)
	c.Upsert(Episode{GUID: "g5", Slug: Slugify(long)})
	if got := c.SlugFor("g6", long); len(got) > MaxSlugLen || !strings.HasSuffix(got, "-2") {
		t.Errorf("long: %q", got)
	}
}

func TestUpsertKeepsPublished(t *testing.T) {
	var c Catalog
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c.Upsert(Episode{GUID: "g", Slug: "s", Published: t1, Title: "old"})
	if replaced := c.Upsert(Episode{GUID: "g", Slug: "s", Published: t1.Add(time.Hour), Title: "new"}); !replaced {
		t.Error("not reported as replaced")
	}
	if len(c.Episodes) != 1 || c.Episodes[0].Title != "new" || !c.Episodes[0].Published.Equal(t1) {
		t.Errorf("%+v", c.Episodes)
	}
}

func TestParseCatalogRejects(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"empty", "", "not a valid catalog"},
		{"not json", "<xml/>", "not a valid catalog"},
		{"unknown field", `{"version":1,"episodes":[],"extra":1}`, "unknown field"},
		{"version", `{"version":99,"episodes":[]}`, "version 99"},
		{"missing guid", `{"version":1,"episodes":[{"slug":"a","audio_key":"a.mp3"}]}`, "lacks a guid"},
		{"escaping key", `{"version":1,"episodes":[{"guid":"g","slug":"a","audio_key":"../../etc/passwd"}]}`, "invalid store key"},
		{"duplicate guid", `{"version":1,"episodes":[{"guid":"g","slug":"a","audio_key":"a.mp3"},{"guid":"g","slug":"b","audio_key":"b.mp3"}]}`, "duplicate guid"},
		{"feed guid", `{"version":1,"episodes":[],"feeds":{"feed.xml":{"guid":"not-a-uuid","url":"https://a.example/feed.xml"}}}`, "not a UUID"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := ParseCatalog([]byte(tc.data)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzParseCatalog(f *testing.F) {
	f.Add([]byte(`{"version":1,"episodes":[{"guid":"g","slug":"a","audio_key":"a.mp3"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseCatalog(b)
		if err != nil {
			return
		}
		if _, err := c.Encode(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestUpdateCatalogConcurrent(t *testing.T) {
	st, err := local.New(t.TempDir(), "")
	if err != nil {
		t.Fatal(err)
	}
	const n = 12
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := UpdateCatalog(context.Background(), st, func(c *Catalog) error {
				c.Upsert(Episode{GUID: fmt.Sprint("g", i), Slug: fmt.Sprint("s", i), AudioKey: fmt.Sprint("s", i, ".mp3")})
				return nil
			})
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	c, _, err := LoadCatalog(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Episodes) != n {
		t.Errorf("%d episodes, want %d: an update was lost", len(c.Episodes), n)
	}
}

func TestLoadCatalogCorrupt(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, CatalogKey), []byte("{broken"), 0o644)
	st, _ := local.New(dir, "")
	if _, _, err := LoadCatalog(context.Background(), st); err == nil || !strings.Contains(err.Error(), "episodes.json") {
		t.Errorf("corrupt catalog: %v", err)
	}
}

func sampleCatalog() Catalog {
	t1 := time.Date(2026, 11, 20, 8, 30, 0, 0, time.UTC)
	return Catalog{Version: 1, Episodes: []Episode{
		{GUID: "https://courier.example.com/news/older", Slug: "older", Title: "Older story", Author: "Dana Whitfield",
			Description: "The older one.", ArticleURL: "https://courier.example.com/news/older", Published: t1,
			AudioKey: "older.mp3", SizeBytes: 493098, DurationSeconds: 82.129},
		{GUID: "urn:aloud:0123", Slug: "newer", Title: "Newer story & more <tags>", Description: strings.Repeat("long ", 1000),
			Published: t1.Add(24 * time.Hour), AudioKey: "newer.mp3", SizeBytes: 1000, DurationSeconds: 9.6},
	}}
}

func TestRSSGolden(t *testing.T) {
	ch := Channel{Title: "Courier narrated", Description: "Articles read aloud.", Link: "https://courier.example.com",
		Language: "en", Author: "The Millbrook Courier", Category: "News", Subcategory: "Daily News",
		OwnerName: "Newsdesk", OwnerEmail: "podcast@courier.example.com"}
	base := "https://cdn.example.com/pod"
	url := func(k string) string { return store.JoinURL(base, k) }
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	got, err := RSS(ch, sampleCatalog(), url, now)
	if err != nil {
		t.Fatal(err)
	}
	golden := "testdata/feed.golden.xml"
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("feed differs from %s:\n%s", golden, got)
	}

	f, err := gofeed.NewParser().ParseString(string(got))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Courier narrated" || len(f.Items) != 2 || f.Language != "en" {
		t.Fatalf("parsed %q, %d items", f.Title, len(f.Items))
	}
	if f.Items[0].Title != "Newer story & more <tags>" || f.Items[1].Title != "Older story" {
		t.Errorf("order: %q, %q", f.Items[0].Title, f.Items[1].Title)
	}
	e := f.Items[1].Enclosures[0]
	if e.URL != base+"/older.mp3" || e.Length != "493098" || e.Type != "audio/mpeg" {
		t.Errorf("enclosure %+v", e)
	}
	if f.ITunesExt == nil || f.ITunesExt.Image != base+"/cover.png" || f.ITunesExt.Categories[0].Text != "News" ||
		f.ITunesExt.Categories[0].Subcategory.Text != "Daily News" || f.ITunesExt.Owner.Email != "podcast@courier.example.com" {
		t.Errorf("channel itunes %+v", f.ITunesExt)
	}
	if f.Items[1].ITunesExt == nil || f.Items[1].ITunesExt.Duration != "82" {
		t.Errorf("itunes duration %+v", f.Items[1].ITunesExt)
	}
	if len(f.Items[0].Description) > maxDescription {
		t.Errorf("description of %d bytes", len(f.Items[0].Description))
	}
	if f.Items[1].GUID != "https://courier.example.com/news/older" {
		t.Errorf("guid %q", f.Items[1].GUID)
	}
}

func TestPodcastGUIDVectors(t *testing.T) {
	// The two test vectors of RULES.md C17 (Podcast Index guid.md).
	for url, want := range map[string]string{
		"https://mp3s.nashownotes.com/pc20rss.xml": "917393e3-1b1e-5cef-ace4-edaa54e1f810",
		"podnews.net/rss/":                         "9b024349-ccf0-5f69-a609-6b82873eab3c",
	} {
		if got := PodcastGUID(url); got != want {
			t.Errorf("PodcastGUID(%q) = %s, want %s", url, got, want)
		}
	}
}

func TestCheckCategory(t *testing.T) {
	for _, ok := range [][2]string{{"News", ""}, {"News", "Daily News"}, {"Society & Culture", "Documentary"}, {"Technology", ""}} {
		if err := CheckCategory(ok[0], ok[1]); err != nil {
			t.Errorf("%v: %v", ok, err)
		}
	}
	for _, bad := range [][2]string{{"News & Politics", ""}, {"News", "Podcasting"}, {"Technology", "Podcasting"}, {"", ""}} {
		if err := CheckCategory(bad[0], bad[1]); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}
