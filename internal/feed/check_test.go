package feed

import (
	"golang.org/x/text/encoding/charmap"

	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
)

func golden(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/feed.golden.xml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCheckOwnFeed(t *testing.T) {
	ps, err := Check(context.Background(), []byte(golden(t)), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		t.Errorf("aloud's own feed: %s", p)
	}
}

func TestCheckCatchesBrokenFeeds(t *testing.T) {
	g := golden(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "12345") // not what the feed says
	}))
	defer srv.Close()
	tests := []struct {
		name, feed, rule string
		fetch            bool
	}{
		{"missing enclosure length", strings.Replace(g, ` length="493098"`, "", 1), "I2", false},
		{"length not a number", strings.Replace(g, `length="493098"`, `length="1.5MB"`, 1), "I2", false},
		{"wrong length", strings.Replace(g, "https://cdn.example.com/pod/older.mp3", srv.URL+"/older.mp3", 1), "I2", true},
		{"mp3 with wrong type", strings.Replace(g, `length="1000" type="audio/mpeg"`, `length="1000" type="audio/mp3"`, 1), "I2", false},
		{"duplicate guid", strings.Replace(g, "urn:aloud:0123", "https://courier.example.com/news/older", 1), "I3", false},
		{"urn guid as permalink", strings.Replace(g, `isPermaLink="false"`, `isPermaLink="true"`, 1), "I3", false},
		{"bad category", strings.Replace(g, `<itunes:category text="News">`, `<itunes:category text="News &amp; Politics">`, 1), "C6", false},
		{"bad subcategory", strings.Replace(g, `text="Daily News"`, `text="Podcasting"`, 1), "C6", false},
		{"bad date", strings.Replace(g, "Fri, 20 Nov 2026 08:30:00 +0000", "2026-11-20T08:30:00Z", 1), "I4", false},
		{"wrong weekday", strings.Replace(g, "Fri, 20 Nov 2026", "Mon, 20 Nov 2026", 1), "I4", false},
		{"no image", strings.Replace(g, `<itunes:image href="https://cdn.example.com/pod/cover.png"></itunes:image>`, "", 1), "C5", false},
		{"explicit yes", strings.Replace(g, "<itunes:explicit>false</itunes:explicit>", "<itunes:explicit>yes</itunes:explicit>", 1), "C7", false},
		{"bad duration", strings.Replace(g, "<itunes:duration>82</itunes:duration>", "<itunes:duration>1:82</itunes:duration>", 1), "I6", false},
		{"undeclared itunes", strings.Replace(g, ` xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"`, "", 1), "D2", false},
		{"wrong itunes namespace", strings.Replace(g, "http://www.itunes.com/dtds/podcast-1.0.dtd", "http://www.itunes.com/DTDs/Podcast-1.0.dtd", 1), "D2", false},
		{"bad podcast guid", strings.Replace(g, "48d3f85d-cfdc-5722-bf03-4328d6125dea", "not-a-uuid", 1), "C17", false},
		{"no title", strings.Replace(g, "<title>Older story</title>", "", 1), "I1", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.feed == g {
				t.Fatal("the replacement did not change the feed")
			}
			o := CheckOptions{}
			if tc.fetch {
				o.Size = HTTPSize(srv.Client())
			}
			ps, err := Check(context.Background(), []byte(tc.feed), o)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range ps {
				if p.Rule == tc.rule && p.Severity == Error {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s error; problems: %v", tc.rule, ps)
			}
		})
	}
	if _, err := Check(context.Background(), []byte("<rss><channel>"), CheckOptions{}); err == nil {
		t.Error("malformed XML: no error")
	}
	ps, _ := Check(context.Background(), []byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>`), CheckOptions{})
	if len(ps) != 1 || ps[0].Rule != "D1" {
		t.Errorf("an Atom feed: %v", ps)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><title>t</title><item><enclosure url="x" length="-1" type="a"/></item></channel></rss>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		Check(context.Background(), b, CheckOptions{})
	})
}

// TestCheckAcceptsUpperCaseGUID: the Podcasting 2.0 guid may be written
// in upper case (a UUID's hex digits are case-insensitive, RFC 9562).
func TestCheckAcceptsUpperCaseGUID(t *testing.T) {
	g := golden(t)
	upper := strings.Replace(g, "48d3f85d-cfdc-5722-bf03-4328d6125dea", "48D3F85D-CFDC-5722-BF03-4328D6125DEA", 1)
	if upper == g {
		t.Fatal("the replacement did not change the feed")
	}
	ps, err := Check(context.Background(), []byte(upper), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Rule == "C17" {
			t.Errorf("upper-case podcast:guid refused: %v", p)
		}
	}
}

// TestRFC2822Dates: every form RFC 2822 allows (with its obsolete forms
// of section 4.3) is taken; what it does not allow is refused.
func TestRFC2822Dates(t *testing.T) {
	for _, s := range []string{
		"Wed, 12 Jun 2019 19:00:00 +0000", "12 Jun 2019 19:00:00 +0000", "Wed, 12 Jun 2019 19:00 +0000",
		"wed, 12 jun 2019 19:00:00 GMT", "Wed, 12 Jun 2019 19:00:00 UT", "Wed, 12 Jun 2019 19:00:00 Z",
		"Wed, 12 Jun 2019 19:00:00 A", "Wed, 12 Jun 2019 19:00:00 EDT", "Wed, 12 Jun 19 19:00:00 -0400",
		"Wed, 5 Jun 2019 19:00:00 +0530", "Wed,12 Jun 2019 19:00:00 +0000", "Thu, 31 Dec 1998 23:59:60 +0000",
	} {
		if err := checkRFC2822(s); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	for _, s := range []string{
		"Wed, 12 Jun 2019 19:00:00 XYZ", "Wed, 12 Jun 2019 19:00:00 J", "Mon, 12 Jun 2019 19:00:00 +0000",
		"Wed, 31 Jun 2019 19:00:00 +0000", "Wed, 15 Foo 2019 19:00:00 +0000", "2019-06-15T19:00:00Z",
		"Wed, 12 Jun 2019 25:00:00 +0000", "Wed, 12 Jun 2019 19:00:00 +0099", "", "Wed, 12 Jun 2019",
	} {
		if err := checkRFC2822(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
	// A two-digit year is read as the RFC says.
	if d, _ := parseRFC2822("Tue, 15 Jun 99 19:00:00 +0000"); d.Year() != 1999 {
		t.Errorf("99 read as %d", d.Year())
	}
}

// TestCheckItemsAndEncodings: what a feed may legitimately be is taken
// (a legacy character set, the subcategory Religion), and item-level
// faults are found.
func TestCheckItemsAndEncodings(t *testing.T) {
	g := golden(t)
	// The feed written in each legacy character set (what it cannot
	// hold replaced), with a title that needs the set.
	legacy := func(label string, cm *charmap.Charmap, title string) string {
		doc := strings.Replace(strings.Replace(g, `encoding="UTF-8"`, `encoding="`+label+`"`, 1), "<title>Older story</title>", "<title>"+title+"</title>", 1)
		var b []byte
		for _, r := range doc {
			c, ok := cm.EncodeRune(r)
			if !ok {
				c = '?'
			}
			b = append(b, c)
		}
		return string(b)
	}
	latin1 := legacy("ISO-8859-1", charmap.ISO8859_1, "Café story")
	cp1252 := legacy("windows-1252", charmap.Windows1252, "“Quoted” story")
	religion := strings.Replace(strings.Replace(g, `<itunes:category text="News">`, `<itunes:category text="Religion &amp; Spirituality">`, 1), `text="Daily News"`, `text="Religion"`, 1)
	for name, feed := range map[string]string{"ISO-8859-1": latin1, "windows-1252": cp1252, "Religion": religion} {
		if feed == g {
			t.Fatalf("%s: the replacement did not change the feed", name)
		}
		ps, err := Check(context.Background(), []byte(feed), CheckOptions{})
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, p := range ps {
			if p.Severity == Error {
				t.Errorf("%s: %s", name, p)
			}
		}
	}
	enclosure := `<enclosure url="https://cdn.example.com/pod/older.mp3" length="493098" type="audio/mpeg"></enclosure>`
	tests := []struct{ name, feed, rule string }{
		{"item explicit", strings.Replace(g, "<title>Older story</title>", "<title>Older story</title><itunes:explicit>maybe</itunes:explicit>", 1), "I7"},
		{"item image", strings.Replace(g, "<title>Older story</title>", `<title>Older story</title><itunes:image href="cover.png"></itunes:image>`, 1), "I8"},
		{"blank guid", strings.Replace(g, `<guid isPermaLink="false">urn:aloud:0123</guid>`, `<guid isPermaLink="false"> </guid>`, 1), "I3"},
		{"two enclosures", strings.Replace(g, enclosure, enclosure+enclosure, 1), "I2"},
		{"not audio", strings.Replace(g, enclosure, `<enclosure url="https://cdn.example.com/pod/older.html" length="493098" type="text/html"></enclosure>`, 1), "I2"},
		{"bad language", strings.Replace(g, "<language>en</language>", "<language>English</language>", 1), "C4"},
		{"bad zone", strings.Replace(g, "Fri, 20 Nov 2026 08:30:00 +0000", "Fri, 20 Nov 2026 08:30:00 XYZ", 1), "I4"},
	}
	for _, tc := range tests {
		if tc.feed == g {
			t.Errorf("%s: the replacement did not change the feed", tc.name)
			continue
		}
		ps, err := Check(context.Background(), []byte(tc.feed), CheckOptions{})
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, p := range ps {
			found = found || p.Rule == tc.rule && p.Severity == Error
		}
		if !found {
			t.Errorf("%s: no %s error; problems: %v", tc.name, tc.rule, ps)
		}
	}
	// The self link must name where the feed is.
	ps, _ := Check(context.Background(), []byte(g), CheckOptions{URL: "https://elsewhere.example.com/feed.xml"})
	found := false
	for _, p := range ps {
		found = found || p.Rule == "D7"
	}
	if !found {
		t.Errorf("a self link naming another address passed: %v", ps)
	}
}
