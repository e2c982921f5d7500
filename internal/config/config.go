// Package config reads aloud.yaml, applies ALOUD_* environment overrides and
// defaults, and validates the result with errors that name the line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Config is everything aloud can be told in aloud.yaml.
type Config struct {
	// PublicBaseURL is where the store's files are served; every link in
	// feeds and manifests starts with it.
	PublicBaseURL string `yaml:"public_base_url"`
	// Out is the local folder the results are written to.
	Out string `yaml:"out"`
	// Store, when set, names where results are published instead of Out:
	// a folder, file:///path or s3://bucket/prefix.
	Store string `yaml:"store"`
	S3    S3     `yaml:"s3"`
	// Voice is the voice preset for articles in its own language, and for
	// articles whose language is not known; --voice forces one for all.
	Voice string `yaml:"voice"`
	// Voices name the voice preset for articles in each language, by
	// language tag ("uk", "de", "pt-BR"); they win over Voice and over the
	// built-in voice of a language (its espeak-ng preset).
	Voices map[string]string `yaml:"voices"`
	// VoiceFallback narrates articles in a language that has no voice
	// (a multilingual voice, say); without it they are refused.
	VoiceFallback string `yaml:"voice_fallback"`
	// VoicesDir is a folder of the user's own voice presets, searched
	// before the built-in ones.
	VoicesDir string `yaml:"voices_dir"`
	// Disclosure is spoken after the intro and shown by players.
	Disclosure *string `yaml:"disclosure"`
	// Publication is the name of the publisher, for the intro and tags.
	Publication string `yaml:"publication"`
	Pauses      Pauses `yaml:"pauses"`
	Feed        Feed   `yaml:"feed"`
	// Feeds, when set, replaces Feed with several feeds, each selecting
	// its episodes (by language or section).
	Feeds    []Feed   `yaml:"feeds"`
	Fetch    Fetch    `yaml:"fetch"`
	Encoder  Encoder  `yaml:"encoder"`
	Loudness Loudness `yaml:"loudness"`
	// CoverImage is a JPEG or PNG file used as every episode's cover art;
	// without it the article's lead image is used when it has one.
	CoverImage string `yaml:"cover_image"`
	// Jobs is how many articles are narrated at once; 0 means one.
	// Each synthesizes as many chunks at once as its voice allows.
	Jobs int `yaml:"jobs"`
	// Cache is where synthesized chunks are kept so each is paid for
	// once: a folder, "store" (under .aloud/segments/ in the store, shared
	// by every worker publishing there) or "off". Empty: the user's cache
	// folder (~/.cache/aloud/segments).
	Cache string `yaml:"cache"`
	Serve Serve  `yaml:"serve"`
	// Prices are what voices cost, in US dollars per million characters,
	// by voice preset name or backend name (the preset's name wins); they
	// replace the list prices the presets carry, for cost reports and
	// --dry-run estimates.
	Prices map[string]float64 `yaml:"prices"`
	// Lexicons are the publication's pronunciation lexicons (PLS), by name
	// (voices_dir/lexicons/NAME.pls, then the built-in ones) or path; they
	// win over the voice preset's.
	Lexicons []string `yaml:"lexicons"`
	// Captions reads figure captions aloud; by default they are left out
	// except in a photo story, told in its captions (photo credits always
	// are left out).
	Captions bool `yaml:"captions"`
	// Templates are the intro, disclosure and outro by language ("en",
	// "uk", … and "" for any other), with {title}, {byline}, {date},
	// {publication} and {section} filled in.
	Templates map[string]Template `yaml:"templates"`

	source string // file the config was read from, "" for defaults
	root   *yaml.Node
}

// Template is what is said around an article in one language.
type Template struct {
	Intro      string `yaml:"intro"`
	Disclosure string `yaml:"disclosure"`
	Outro      string `yaml:"outro"`
}

var templateSlot = regexp.MustCompile(`\{[^{}]*\}`)

// languageTag is a BCP 47 tag of the common shape: a language and an
// optional region or script.
var languageTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?$`)

// S3 reaches an S3-compatible store. Credentials come from the standard
// AWS chain (AWS_ACCESS_KEY_ID…, AWS_PROFILE, web identity, roles) unless
// static keys are set here.
type S3 struct {
	Endpoint        string `yaml:"endpoint"`
	Region          string `yaml:"region"`
	PathStyle       bool   `yaml:"path_style"`
	Profile         string `yaml:"profile"`
	AccessKeyID     string `yaml:"access_key_id"`
	SecretAccessKey string `yaml:"secret_access_key"`
	ACL             string `yaml:"acl"`
	// RequestTimeout bounds each attempt's wait for an answer;
	// Deadline bounds an operation with its retries (see
	// internal/store/s3). Zero: the defaults, 30s and 2m.
	RequestTimeout time.Duration `yaml:"request_timeout"`
	Deadline       time.Duration `yaml:"deadline"`
}

// StoreLocation is where results go: Store when set, else Out.
func (c Config) StoreLocation() string {
	if c.Store != "" {
		return c.Store
	}
	return c.Out
}

// Pauses are the silences between parts of the narration.
type Pauses struct {
	Sentence   time.Duration `yaml:"sentence"`
	Paragraph  time.Duration `yaml:"paragraph"`
	Heading    time.Duration `yaml:"heading"`
	AfterIntro time.Duration `yaml:"after_intro"`
}

// Feed describes a podcast channel.
type Feed struct {
	Key         string `yaml:"key"` // file name in the store, feed.xml by default
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Link        string `yaml:"link"` // the publication's website
	Language    string `yaml:"language"`
	Author      string `yaml:"author"`
	OwnerName   string `yaml:"owner_name"`
	OwnerEmail  string `yaml:"owner_email"`
	Image       string `yaml:"image"` // 1400–3000 px square JPEG or PNG URL
	Category    string `yaml:"category"`
	Subcategory string `yaml:"subcategory"`
	Explicit    bool   `yaml:"explicit"`
	Locked      bool   `yaml:"locked"`
	MaxItems    int    `yaml:"max_items"`
	Match       struct {
		Language string `yaml:"language"`
		Section  string `yaml:"section"`
		// Kind "roundup" makes the feed the roundups' (aloud roundup);
		// empty, it lists narrated articles.
		Kind string `yaml:"kind"`
	} `yaml:"match"`
}

// FeedList is the feeds to publish: Feeds, or the one Feed. An entry of
// Feeds takes what it leaves empty from Feed (which holds the defaults
// when aloud.yaml has no feed:): description, link, author, owner,
// image, category; its language is its match.language when it selects
// by language, else Feed's. A feed is always complete enough to pass
// "aloud feed check".
func (c Config) FeedList() []Feed {
	if len(c.Feeds) == 0 {
		return []Feed{c.Feed}
	}
	out := make([]Feed, len(c.Feeds))
	for i, f := range c.Feeds {
		d := c.Feed
		fill := func(dst *string, def string) {
			if strings.TrimSpace(*dst) == "" {
				*dst = def
			}
		}
		if f.Match.Language != "" {
			fill(&f.Language, f.Match.Language)
		}
		fill(&f.Language, d.Language)
		fill(&f.Title, d.Title)
		fill(&f.Description, d.Description)
		fill(&f.Link, d.Link)
		fill(&f.Author, d.Author)
		fill(&f.OwnerName, d.OwnerName)
		fill(&f.OwnerEmail, d.OwnerEmail)
		fill(&f.Image, d.Image)
		if f.Category == "" {
			f.Category, f.Subcategory = d.Category, d.Subcategory
		}
		out[i] = f
	}
	return out
}

// Fetch limits reading articles.
type Fetch struct {
	MaxBytes int64         `yaml:"max_bytes"`
	Timeout  time.Duration `yaml:"timeout"`
}

// Serve configures "aloud serve", the HTTP API for CMS publish hooks.
type Serve struct {
	Listen    string `yaml:"listen"`     // host:port; default 127.0.0.1:8080
	Token     string `yaml:"token"`      // bearer token; prefer ALOUD_SERVE_TOKEN to keep it out of files
	QueueSize int    `yaml:"queue_size"` // jobs waiting at most; default 100
	MaxBody   int64  `yaml:"max_body"`   // largest request body in bytes; default 2 MB
	// Allow lists the private addresses, prefixes and host names the
	// server may fetch from (by default only public addresses).
	Allow     []string      `yaml:"allow"`
	QueueFile string        `yaml:"queue_file"` // where jobs wait across a restart
	Grace     time.Duration `yaml:"grace"`      // how long shutdown waits for running jobs; default 2m
}

// Loudness is the level episodes are brought to (EBU R128).
type Loudness struct {
	// TargetLUFS is the integrated loudness to aim for; 0 leaves the
	// level as the voice made it.
	TargetLUFS float64 `yaml:"target_lufs"`
	// MaxTruePeak is the ceiling, in dBTP, the gain may not push past.
	MaxTruePeak float64 `yaml:"max_true_peak"`
	// Compress lets the gain vary frame by frame, a limiter, where one
	// gain for the episode would push a loud passage past the ceiling
	// before the target is reached. Off (the default), the episode gets
	// one gain and stays below the target when its peaks say so.
	Compress bool `yaml:"compress"`
}

// Encoder is the PCM → MP3 encoder for local voices.
type Encoder struct {
	Path        string `yaml:"path"`
	BitrateKbps int    `yaml:"bitrate_kbps"`
}

// Default returns the configuration used when nothing is configured.
func Default() Config {
	return Config{
		Out:   "out",
		Voice: "en-espeak",
		Pauses: Pauses{Sentence: 250 * time.Millisecond, Paragraph: 700 * time.Millisecond,
			Heading: 1200 * time.Millisecond, AfterIntro: 900 * time.Millisecond},
		Feed: Feed{Title: "Narrated articles", Description: "Articles read aloud, created with AI assistance.",
			Language: "en", Category: "News", Subcategory: "Daily News"},
		Fetch:    Fetch{MaxBytes: 10 << 20, Timeout: 30 * time.Second},
		Encoder:  Encoder{Path: "lame", BitrateKbps: 48},
		Loudness: Loudness{TargetLUFS: -16, MaxTruePeak: -1},
		Serve:    Serve{Listen: "127.0.0.1:8080", QueueSize: 100, MaxBody: 2 << 20, Grace: 2 * time.Minute},
	}
}

// DefaultFile is read when no config file is named and it exists.
const DefaultFile = "aloud.yaml"

// Load reads path (or aloud.yaml in the working folder when path is "" and
// the file exists), then applies the environment. A named file that is
// missing is an error; a missing aloud.yaml is not.
func Load(path string, env func(string) string) (Config, error) {
	cfg := Default()
	named := path != ""
	if !named {
		path = DefaultFile
	}
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		if err := cfg.parse(data, path); err != nil {
			return Config{}, err
		}
	case errors.Is(err, fs.ErrNotExist) && !named:
	default:
		return Config{}, fmt.Errorf("config: %w", err)
	}
	if err := cfg.applyEnv(env); err != nil {
		return Config{}, err
	}
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

func (c *Config) parse(data []byte, path string) error {
	c.source = path
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return fmt.Errorf("%s: %w", path, cleanYAMLError(err))
	}
	c.root = &root
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(c); err != nil {
		return fmt.Errorf("%s: %w", path, cleanYAMLError(err))
	}
	return wholeNumbers(&root, path)
}

func cleanYAMLError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = strings.ReplaceAll(msg, " in type config.Config", "")
	return errors.New(msg)
}

// Env names the environment variables aloud reads, with the key each sets.
var Env = map[string]string{
	"ALOUD_PUBLIC_BASE_URL": "public_base_url",
	"ALOUD_OUT":             "out",
	"ALOUD_VOICE":           "voice",
	"ALOUD_VOICES_DIR":      "voices_dir",
	"ALOUD_VOICE_FALLBACK":  "voice_fallback",
	"ALOUD_DISCLOSURE":      "disclosure",
	"ALOUD_PUBLICATION":     "publication",
	"ALOUD_JOBS":            "jobs",
	"ALOUD_CACHE":           "cache",
	"ALOUD_SERVE_TOKEN":     "serve.token",
	"ALOUD_SERVE_LISTEN":    "serve.listen",
	"ALOUD_STORE":           "store",
	"ALOUD_S3_ENDPOINT":     "s3.endpoint",
	"ALOUD_S3_REGION":       "s3.region",
	"ALOUD_S3_PATH_STYLE":   "s3.path_style",
	"ALOUD_S3_PROFILE":      "s3.profile",
}

func (c *Config) applyEnv(env func(string) string) error {
	if env == nil {
		return nil
	}
	set := func(name string, dst *string) {
		if v := env(name); v != "" {
			*dst = v
		}
	}
	set("ALOUD_PUBLIC_BASE_URL", &c.PublicBaseURL)
	set("ALOUD_OUT", &c.Out)
	set("ALOUD_VOICE", &c.Voice)
	set("ALOUD_VOICE_FALLBACK", &c.VoiceFallback)
	set("ALOUD_VOICES_DIR", &c.VoicesDir)
	set("ALOUD_PUBLICATION", &c.Publication)
	set("ALOUD_STORE", &c.Store)
	set("ALOUD_CACHE", &c.Cache)
	set("ALOUD_SERVE_TOKEN", &c.Serve.Token)
	set("ALOUD_SERVE_LISTEN", &c.Serve.Listen)
	set("ALOUD_S3_ENDPOINT", &c.S3.Endpoint)
	set("ALOUD_S3_REGION", &c.S3.Region)
	set("ALOUD_S3_PROFILE", &c.S3.Profile)
	if v := env("ALOUD_S3_PATH_STYLE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return fmt.Errorf("ALOUD_S3_PATH_STYLE=%q: not true or false", v)
		}
		c.S3.PathStyle = b
	}
	if v, ok := lookup(env, "ALOUD_DISCLOSURE"); ok {
		c.Disclosure = &v
	}
	if v := env("ALOUD_JOBS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return fmt.Errorf("ALOUD_JOBS=%q: not a whole number", v)
		}
		if err := CheckJobs(n); err != nil {
			return fmt.Errorf("ALOUD_JOBS=%q: %w", v, err)
		}
		c.Jobs = n
	}
	return nil
}

func lookup(env func(string) string, name string) (string, bool) {
	v := env(name)
	return v, v != ""
}

// DisclosureText is the disclosure to speak and show.
func (c Config) DisclosureText() string {
	if c.Disclosure == nil {
		return "This audio was created with AI assistance."
	}
	return *c.Disclosure
}

// CheckBaseURL says whether u can be a public base URL: absolute, http(s),
// with neither query nor fragment.
func CheckBaseURL(u string) error {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.RawQuery != "" || p.Fragment != "" {
		return fmt.Errorf("%q is not an absolute http(s) URL without query (e.g. https://cdn.example.com/podcast)", u)
	}
	return nil
}

// Price is what a voice costs per million characters: the configured price
// for the preset's name, else for its backend, else the preset's own.
func (c Config) Price(preset, backend string, own float64) float64 {
	if v, ok := c.Prices[preset]; ok {
		return v
	}
	if v, ok := c.Prices[backend]; ok {
		return v
	}
	return own
}

// Validate checks values, naming the file and line of a bad one.
func (c Config) Validate() error {
	if c.PublicBaseURL != "" {
		if err := CheckBaseURL(c.PublicBaseURL); err != nil {
			return c.fieldError("public_base_url", "%v", err)
		}
	}
	if strings.TrimSpace(c.Out) == "" {
		return c.fieldError("out", "must name a folder")
	}
	if c.S3.Endpoint != "" {
		if u, err := url.Parse(c.S3.Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return c.fieldError("s3.endpoint", "%q is not an http(s) URL", c.S3.Endpoint)
		}
	}
	if c.Voice == "" {
		return c.fieldError("voice", "must name a voice preset")
	}
	for lang, preset := range c.Voices {
		if !languageTag.MatchString(lang) {
			return c.fieldError("voices", "%q is not a language tag (e.g. uk, de, pt-BR)", lang)
		}
		if strings.TrimSpace(preset) == "" {
			return c.fieldError("voices", "%s: must name a voice preset", lang)
		}
	}
	for name, d := range map[string]time.Duration{"sentence": c.Pauses.Sentence, "paragraph": c.Pauses.Paragraph,
		"heading": c.Pauses.Heading, "after_intro": c.Pauses.AfterIntro} {
		if d < 0 || d > 10*time.Second {
			return c.fieldError("pauses."+name, "%s out of range 0–10s", d)
		}
	}
	for name, d := range map[string]time.Duration{"request_timeout": c.S3.RequestTimeout, "deadline": c.S3.Deadline} {
		if d < 0 || d > time.Hour {
			return c.fieldError("s3."+name, "%s out of range 0–1h (0: the default)", d)
		}
	}
	if c.Fetch.MaxBytes < 1024 {
		return c.fieldError("fetch.max_bytes", "%d is below the minimum of 1024", c.Fetch.MaxBytes)
	}
	if c.Fetch.Timeout <= 0 {
		return c.fieldError("fetch.timeout", "must be positive, e.g. 30s")
	}
	if strings.Contains(c.Cache, "://") {
		return c.fieldError("cache", "%q: want a folder, \"store\" or \"off\"", c.Cache)
	}
	if c.Serve.QueueSize < 1 || c.Serve.QueueSize > 100_000 {
		return c.fieldError("serve.queue_size", "%d out of range 1–100000", c.Serve.QueueSize)
	}
	if c.Serve.MaxBody < 1024 || c.Serve.MaxBody > 64<<20 {
		return c.fieldError("serve.max_body", "%d out of range 1024–67108864 bytes", c.Serve.MaxBody)
	}
	if c.Serve.Grace < 0 || c.Serve.Grace > time.Hour {
		return c.fieldError("serve.grace", "%s out of range 0–1h", c.Serve.Grace)
	}
	for lang, t := range c.Templates {
		for _, text := range []string{t.Intro, t.Disclosure, t.Outro} {
			for _, slot := range templateSlot.FindAllString(text, -1) {
				switch slot {
				case "{title}", "{byline}", "{date}", "{publication}", "{section}":
				default:
					return c.fieldError("templates", "%s: %s is not a placeholder ({title}, {byline}, {date}, {publication}, {section})", lang, slot)
				}
			}
		}
	}
	for k, p := range c.Prices {
		if p < 0 || p > 10_000 {
			return c.fieldError("prices", "%s: %v out of range 0–10000 US dollars per million characters", k, p)
		}
	}
	if err := CheckJobs(c.Jobs); err != nil {
		return c.fieldError("jobs", "%v", err)
	}
	switch c.Encoder.BitrateKbps {
	case 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160:
	default:
		return c.fieldError("encoder.bitrate_kbps", "%d is not an MPEG-2 Layer III bitrate (8–160 kbps, e.g. 48)", c.Encoder.BitrateKbps)
	}
	if t := c.Loudness.TargetLUFS; t != 0 && (t < -40 || t > -5) {
		return c.fieldError("loudness.target_lufs", "%v out of range −40 to −5 (or 0 to leave loudness alone)", t)
	}
	if p := c.Loudness.MaxTruePeak; p < -20 || p > 0 {
		return c.fieldError("loudness.max_true_peak", "%v out of range −20 to 0 dBTP", p)
	}
	keys := map[string]bool{}
	for i, f := range c.FeedList() {
		field := "feed"
		if len(c.Feeds) > 0 {
			field = fmt.Sprintf("feeds.%d", i)
		}
		if f.Title == "" {
			return c.fieldError(field+".title", "must not be empty")
		}
		key := f.Key
		if key == "" {
			key = "feed.xml"
		}
		if !validFeedKey(key) {
			return c.fieldError(field+".key", "%q must be a file name ending in .xml", key)
		}
		if keys[key] {
			return c.fieldError(field+".key", "%q is used by two feeds", key)
		}
		keys[key] = true
		if f.MaxItems < 0 {
			return c.fieldError(field+".max_items", "must not be negative")
		}
		if k := f.Match.Kind; k != "" && k != "roundup" {
			return c.fieldError(field+".match.kind", "%q: want roundup, or nothing for narrated articles", k)
		}
		if f.OwnerEmail != "" && !strings.Contains(f.OwnerEmail, "@") {
			return c.fieldError(field+".owner_email", "%q is not an e-mail address", f.OwnerEmail)
		}
	}
	return nil
}

// validFeedKey accepts a relative slash-separated name ending in .xml, with
// no empty, "." or ".." elements (the store's own key rules, checked here
// so that config depends on nothing in the project).
func validFeedKey(key string) bool {
	if !strings.HasSuffix(key, ".xml") || strings.ContainsAny(key, "\\\x00") {
		return false
	}
	for _, el := range strings.Split(key, "/") {
		if el == "" || el == "." || el == ".." {
			return false
		}
	}
	return true
}

// FieldError reports a bad value of key (dotted, e.g. "s3.endpoint") at the
// file and line it was read from, for checks made outside this package.
func (c Config) FieldError(key, format string, args ...any) error {
	return c.fieldError(key, format, args...)
}

func (c Config) fieldError(key, format string, args ...any) error {
	where := "config"
	if c.source != "" {
		where = c.source
		if line := c.line(key); line > 0 {
			where = fmt.Sprintf("%s:%d", c.source, line)
		}
	}
	return fmt.Errorf("%s: %s: %s", where, key, fmt.Sprintf(format, args...))
}

// CheckJobs is the one rule for how many articles run at once, wherever
// the number comes from (aloud.yaml, ALOUD_JOBS, --jobs): 0 (one) to 64.
func CheckJobs(n int) error {
	if n < 0 || n > 64 {
		return fmt.Errorf("%d out of range 0–64", n)
	}
	return nil
}

// wholeKeys are the settings that take a whole number.
var wholeKeys = map[string]bool{"jobs": true, "max_items": true, "max_bytes": true, "queue_size": true, "max_body": true, "bitrate_kbps": true}

// wholeNumbers refuses a fraction where a whole number is wanted: the
// YAML decoder turns "jobs: 2.5" into 2 without a word.
func wholeNumbers(n *yaml.Node, path string) error {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if wholeKeys[k.Value] && v.Kind == yaml.ScalarNode && v.Tag != "!!int" {
				return fmt.Errorf("%s:%d: %s: %q is not a whole number", path, v.Line, k.Value, v.Value)
			}
		}
	}
	for _, c := range n.Content {
		if err := wholeNumbers(c, path); err != nil {
			return err
		}
	}
	return nil
}

// line finds the line of a dotted key in the parsed file, 0 if not there.
func (c Config) line(key string) int {
	if c.root == nil || len(c.root.Content) == 0 {
		return 0
	}
	n := c.root.Content[0]
	for _, part := range strings.Split(key, ".") {
		if n.Kind != yaml.MappingNode {
			return 0
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == part {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return 0
		}
		n = next
	}
	return n.Line
}

// Source is the file the configuration was read from, "" for defaults.
func (c Config) Source() string { return c.source }
