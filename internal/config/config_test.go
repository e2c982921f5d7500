package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func write(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "aloud.yaml")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoad(t *testing.T) {
	p := write(t, `# a comment
public_base_url: https://cdn.example.com/pod
voice: en-gb-espeak
disclosure: ""
pauses:
  paragraph: 1s
feed:
  title: Courier narrated
`)
	cfg, err := Load(p, env(map[string]string{"ALOUD_VOICE": "from-env", "ALOUD_JOBS": "3"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.PublicBaseURL != "https://cdn.example.com/pod" || cfg.Voice != "from-env" || cfg.Jobs != 3 ||
		cfg.Pauses.Paragraph != time.Second || cfg.Pauses.Heading != 1200*time.Millisecond ||
		cfg.Feed.Title != "Courier narrated" || cfg.Out != "out" || cfg.DisclosureText() != "" {
		t.Errorf("got %+v", cfg)
	}
	def, err := Load("", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if def.DisclosureText() != "This audio was created with AI assistance." || def.Voice != "en-espeak" {
		t.Errorf("defaults %+v", def)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, yaml string
		env        map[string]string
		want       string
	}{
		{"unknown key", "voice: x\npublic_base_ur: http://x\n", nil, "line 2: field public_base_ur not found"},
		{"bad yaml", "voice: [unclosed\n", nil, "aloud.yaml"},
		{"wrong type", "jobs: many\n", nil, "line 1"},
		{"bad url", "out: out\npublic_base_url: ftp://x\n", nil, "aloud.yaml:2: public_base_url"},
		{"relative url", "public_base_url: /podcast\n", nil, "aloud.yaml:1: public_base_url"},
		{"pause", "pauses:\n  heading: 30s\n", nil, "aloud.yaml:2: pauses.heading: 30s out of range"},
		{"s3 deadline", "s3:\n  deadline: -1s\n", nil, "s3.deadline: -1s out of range"},
		{"s3 request timeout", "s3:\n  request_timeout: 2h\n", nil, "s3.request_timeout: 2h0m0s out of range"},
		{"bitrate", "encoder:\n  bitrate_kbps: 50\n", nil, "aloud.yaml:2: encoder.bitrate_kbps"},
		{"jobs env", "", map[string]string{"ALOUD_JOBS": "lots"}, `ALOUD_JOBS="lots"`},
		{"jobs env out of range", "", map[string]string{"ALOUD_JOBS": "1000000"}, `ALOUD_JOBS="1000000": 1000000 out of range 0–64`},
		{"jobs a fraction", "jobs: 2.5\n", nil, `aloud.yaml:1: jobs: "2.5" is not a whole number`},
		{"jobs negative", "jobs: -1\n", nil, "aloud.yaml:1: jobs: -1 out of range 0–64"},
		{"queue size a fraction", "serve:\n  queue_size: 1e3\n", nil, `aloud.yaml:2: queue_size: "1e3" is not a whole number`},
		{"url env", "", map[string]string{"ALOUD_PUBLIC_BASE_URL": "nope"}, "public_base_url"},
		{"template slot", "templates:\n  en:\n    intro: \"{title} by {author}\"\n", nil, "templates: en: {author} is not a placeholder"},
		{"price", "prices:\n  en-polly-neural: -3\n", nil, "prices: en-polly-neural: -3 out of range"},
		{"huge", strings.Repeat("# padding\n", 1000) + "feed:\n  title: \"\"\n", nil, "aloud.yaml:1002: feed.title"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(write(t, tc.yaml), env(tc.env))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.yaml"), env(nil)); err == nil {
		t.Error("a named missing config file: no error")
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("voice: x\npauses:\n  paragraph: 1s\n")
	f.Add("feed: {title: [1, 2]}\n")
	f.Fuzz(func(t *testing.T, s string) {
		p := filepath.Join(t.TempDir(), "aloud.yaml")
		os.WriteFile(p, []byte(s), 0o644)
		cfg, err := Load(p, env(nil))
		if err == nil && cfg.Validate() != nil {
			t.Fatal("Load accepted an invalid config")
		}
	})
}

// TestREADMEExample loads the configuration README.md shows, so that the
// documented keys stay the real ones.
func TestREADMEExample(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "## Configuration")
	if !ok {
		t.Fatal("README.md has no Configuration section")
	}
	_, rest, ok = strings.Cut(rest, "```yaml\n")
	block, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("no yaml block in README.md's Configuration section")
	}
	c, err := Load(write(t, block), env(nil))
	if err != nil {
		t.Fatalf("README.md's example: %v", err)
	}
	if c.Store != "s3://newsroom-audio/podcast" || c.Loudness.TargetLUFS != -16 || c.FeedList()[0].OwnerEmail == "" {
		t.Errorf("README.md's example read as %+v", c)
	}
}

func TestFeedListInherits(t *testing.T) {
	c := Default()
	c.Feed.OwnerEmail = "podcast@example.com"
	c.Feeds = []Feed{{Key: "feed.xml"}, {Key: "uk.xml", Title: "Українською", Description: "Статті вголос"}}
	c.Feeds[1].Match.Language = "uk"
	got := c.FeedList()
	if got[0].Description != c.Feed.Description || got[0].Language != "en" || got[0].Title != c.Feed.Title ||
		got[0].Category != "News" || got[0].OwnerEmail != "podcast@example.com" {
		t.Errorf("first entry: %+v", got[0])
	}
	if got[1].Language != "uk" || got[1].Description != "Статті вголос" || got[1].Title != "Українською" {
		t.Errorf("second entry: %+v", got[1])
	}
	if c.Feeds[0].Description != "" {
		t.Error("FeedList changed the configuration")
	}
}

func TestCheckBaseURL(t *testing.T) {
	for u, ok := range map[string]bool{
		"https://cdn.example.com/pod": true,
		"http://127.0.0.1:8080":       true,
		"cdn.example.com/pod":         false,
		"ftp://cdn.example.com":       false,
		"https://":                    false,
		"https://x.example/?a=1":      false,
		"https://x.example/#top":      false,
		"":                            false,
		"https://x.example/%zz":       false,
	} {
		if err := CheckBaseURL(u); (err == nil) != ok {
			t.Errorf("CheckBaseURL(%q) = %v, want ok=%v", u, err, ok)
		}
	}
}

func TestPrice(t *testing.T) {
	c := Config{Prices: map[string]float64{"en-polly-neural": 19, "openai": 12}}
	for _, tc := range []struct {
		preset, backend string
		own, want       float64
	}{
		{"en-polly-neural", "polly", 16, 19}, // the preset's own setting
		{"en-openai", "openai", 15, 12},      // the backend's
		{"en-espeak", "espeak", 0, 0},        // the preset's price
		{"de-azure", "azure", 16, 16},
	} {
		if got := c.Price(tc.preset, tc.backend, tc.own); got != tc.want {
			t.Errorf("Price(%s, %s, %v) = %v, want %v", tc.preset, tc.backend, tc.own, got, tc.want)
		}
	}
}
