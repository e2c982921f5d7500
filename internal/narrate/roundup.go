package narrate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/store"
)

// RoundupOptions pick a roundup's stories from the catalog and name it.
type RoundupOptions struct {
	Since    time.Time // stories published at or after it; zero: any
	Section  string    // only stories of this section (case-insensitive)
	Feed     string    // only the stories of this configured feed (its key)
	Limit    int       // the most stories; 0: DefaultRoundupLimit
	Order    string    // "newest" (the default: newest first) or "oldest"
	Title    string    // said and shown: "Morning briefing"; default DefaultRoundupTitle
	Language string    // the roundup's language; "": its stories' most common
	Key      string    // the roundup feed's key when none is configured; default RoundupFeedKey
	DryRun   bool      // plan only: nothing synthesized or stored
}

// Defaults of a roundup.
const (
	DefaultRoundupLimit = 10
	DefaultRoundupTitle = "Your briefing"
	RoundupFeedKey      = "roundup.xml"
)

// RoundupResult is what a roundup did, or with DryRun would do.
type RoundupResult struct {
	Result
	Stories []RoundupStory `json:"stories"`
	// Lines are what is synthesized: the opening, a transition before
	// each story, the closing; SynthChars counts their characters.
	Lines      []string `json:"lines"`
	SynthChars int      `json:"synth_chars"`
	// StorySeconds is the stories' audio; the synthesized lines add to it.
	StorySeconds float64 `json:"story_seconds"`
}

// RoundupStory is a story as the roundup plays it.
type RoundupStory struct {
	GUID            string  `json:"guid"`
	Slug            string  `json:"slug"`
	Title           string  `json:"title"`
	URL             string  `json:"url,omitempty"`
	DurationSeconds float64 `json:"duration_seconds"`
	StartSeconds    float64 `json:"start_seconds,omitempty"` // where its chapter starts in the roundup
}

// ErrNoStories means no published story matches a roundup's choice.
var ErrNoStories = errors.New("no published stories to round up")

// Roundup builds one episode from stories already narrated: a spoken
// opening, before each story a transition with its title, the story's
// own audio copied frame by frame, and a closing. Only the opening,
// transitions and closing are synthesized (through o's voice for the
// roundup's language, so through the segment cache). It has a chapter
// per story, one transcript (the stories' cues moved to their place),
// a manifest, and is published to the roundup feed with the catalog's
// guarantees. The same stories, unchanged, give the same episode and
// store nothing; a story narrated again since makes a new version.
func Roundup(ctx context.Context, o Options, ro RoundupOptions) (RoundupResult, error) {
	if o.Logger == nil {
		o.Logger = discardLogger()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	ro = roundupDefaults(ro)
	cat, _, err := feed.LoadCatalog(ctx, o.Store)
	if err != nil {
		return RoundupResult{}, err
	}
	stories, err := pickStories(cat, o.Channels, ro)
	if err != nil {
		return RoundupResult{}, err
	}
	lang := ro.Language
	if lang == "" {
		lang = commonLanguage(stories)
	}
	out := RoundupResult{Result: Result{Input: "roundup", Title: ro.Title, Language: lang}}
	for _, s := range stories {
		out.Stories = append(out.Stories, RoundupStory{GUID: s.GUID, Slug: s.Slug, Title: s.Title, URL: s.ArticleURL, DurationSeconds: s.DurationSeconds})
		out.StorySeconds += s.DurationSeconds
	}
	lines := roundupLines(lang, ro.Title, stories)
	for _, l := range lines {
		out.Lines = append(out.Lines, l.Text)
		out.SynthChars += utf8.RuneCountInString(l.Text)
	}
	v, err := o.voice(lang)
	if err != nil {
		return out, fmt.Errorf("roundup: %w", err)
	}
	out.Voice = v.Name
	out.GUID = roundupGUID(ro, stories)
	hash := roundupHash(ro, lang, v.Name, stories)
	if ro.DryRun {
		return out, nil
	}
	if e, ok := cat.Find(out.GUID); ok && e.ContentHash == hash && e.Voice == v.Name {
		if m, err := o.Store.Stat(ctx, e.AudioKey); err == nil && m.Size == e.SizeBytes {
			out.Skipped, out.OK, out.Slug, out.AudioKey, out.ManifestKey = true, true, e.Slug, e.AudioKey, e.ManifestKey
			out.AudioURL, out.ManifestURL, out.DurationSeconds, out.SizeBytes = o.Store.URL(e.AudioKey), o.Store.URL(e.ManifestKey), e.DurationSeconds, e.SizeBytes
			return out, nil
		}
	}
	work, err := workDir(o.TempDir)
	if err != nil {
		return out, err
	}
	defer os.RemoveAll(work)
	so := v.Script
	if so.MaxChars == 0 {
		so.MaxChars = v.Synth.Limits().MaxChars
	}
	if so.MaxBytes == 0 {
		so.MaxBytes = v.Synth.Limits().MaxBytes
	}
	sc, lineOf, err := script.Lines(ro.Title, lang, lines, so)
	if err != nil {
		return out, fmt.Errorf("roundup: %w", err)
	}
	var r Result
	said, err := synthesize(ctx, o, v, work, sc, func(Stage, int, int) {}, &r)
	out.BilledChars, out.Requests, out.CachedChunks, out.Chunks = r.BilledChars, r.Requests, r.CachedChunks, len(sc.Chunks)
	out.CostUSD = float64(r.BilledChars) * v.PricePerMillionChars / 1e6
	if err != nil {
		return out, fmt.Errorf("roundup: %w", err)
	}
	// The segments in the order played: each line's chunks, and after a
	// story's transition the story itself.
	var segs []episode.Segment
	var chapters []episode.Chapter
	storySeg := make([]int, len(stories))
	storyCues := make([][]episode.Cue, len(stories))
	chunkSeg := make([]int, len(sc.Chunks))
	for i := range sc.Chunks {
		line := lineOf[i]
		if i == 0 || lineOf[i-1] != line {
			if story := line - 1; story >= 0 && story < len(stories) {
				chapters = append(chapters, episode.Chapter{Segment: len(segs), Title: stories[story].Title, URL: stories[story].ArticleURL})
			}
		}
		chunkSeg[i] = len(segs)
		segs = append(segs, said[i])
		last := i+1 == len(sc.Chunks) || lineOf[i+1] != line
		if story := line - 1; last && story >= 0 && story < len(stories) {
			s := stories[story]
			path := filepath.Join(work, fmt.Sprintf("story-%03d.mp3", story))
			if err := download(ctx, o.Store, s.AudioKey, path); err != nil {
				return out, fmt.Errorf("roundup: story %q: %w", s.Title, err)
			}
			storySeg[story] = len(segs)
			segs = append(segs, episode.Segment{Path: path, Format: speech.MP3, PauseBefore: so.Pauses.Sentence})
			if s.TranscriptKey != "" {
				if cues, err := readCues(ctx, o.Store, s.TranscriptKey); err == nil {
					storyCues[story] = cues
				} else {
					o.Logger.Warn("roundup: a story's transcript is left out", "story", s.Slug, "err", err)
				}
			}
		}
	}
	audio, err := os.Create(filepath.Join(work, "roundup.mp3"))
	if err != nil {
		return out, err
	}
	defer audio.Close()
	newest := stories[0].Published
	for _, s := range stories {
		if s.Published.After(newest) {
			newest = s.Published
		}
	}
	res, err := episode.Join(ctx, audio, segs, episode.Options{
		Tags:     episode.Tags{Title: ro.Title, Publication: o.Publication, Date: newest, Comment: sc.Disclosure, Cover: o.Cover},
		Chapters: chapters, TargetLUFS: o.TargetLUFS, MaxTruePeak: o.MaxTruePeak, Compress: o.Compress, Encoder: o.Encoder,
	})
	if err != nil {
		return out, fmt.Errorf("roundup: joining: %w", err)
	}
	// One transcript: the lines' own cues, and each story's moved to
	// where the story starts.
	var cues []episode.Cue
	for i, c := range sc.Chunks {
		t := res.Segments[chunkSeg[i]]
		cues = append(cues, episode.Cue{Start: t.Start, End: t.End, Text: c.Text})
		if line := lineOf[i]; (i+1 == len(sc.Chunks) || lineOf[i+1] != line) && line >= 1 && line <= len(stories) {
			story := line - 1
			at := res.Segments[storySeg[story]]
			for _, sc := range storyCues[story] {
				start, end := at.Start+sc.Start, min(at.Start+sc.End, at.End)
				if start < at.End {
					cues = append(cues, episode.Cue{Start: start, End: end, Text: sc.Text})
				}
			}
			out.Stories[story].StartSeconds = res.Chapters[story].Start.Seconds()
		}
	}
	return publishRoundup(ctx, o, ro, out, cat, roundupPublication{
		audio: audio, res: res, cues: cues, hash: hash, newest: newest, stories: stories, disclosure: sc.Disclosure, voice: v.Name,
	})
}

// roundupPublication is what publishRoundup stores.
type roundupPublication struct {
	audio      *os.File
	res        episode.Result
	cues       []episode.Cue
	hash       string
	newest     time.Time
	stories    []feed.Episode
	disclosure string
	voice      string
}

// publishRoundup stores the roundup as narrate stores an article: the
// versioned audio, transcript and chapters, the manifest, the catalog,
// the feeds, then the earlier version's files go.
func publishRoundup(ctx context.Context, o Options, ro RoundupOptions, out RoundupResult, cat feed.Catalog, p roundupPublication) (RoundupResult, error) {
	version, err := fileVersion(p.audio)
	if err != nil {
		return out, err
	}
	out.Slug = cat.SlugAvoiding(out.GUID, ro.Title, nil)
	out.AudioKey, out.ManifestKey = out.Slug+"-"+version+".mp3", out.Slug+".json"
	vttKey, chaptersKey := out.Slug+"-"+version+".vtt", out.Slug+"-"+version+".chapters.json"
	out.AudioURL, out.ManifestURL = o.Store.URL(out.AudioKey), o.Store.URL(out.ManifestKey)
	out.DurationSeconds, out.SizeBytes = player.Seconds(p.res.Duration), p.res.SizeBytes
	immutable := "public, max-age=31536000, immutable"
	if err := o.Store.Put(ctx, out.AudioKey, p.audio, store.Meta{ContentType: "audio/mpeg", CacheControl: immutable}); err != nil {
		return out, fmt.Errorf("roundup: publishing audio: %w", err)
	}
	if err := o.Store.Put(ctx, vttKey, bytes.NewReader(episode.WriteVTT(p.cues, out.Language)),
		store.Meta{ContentType: "text/vtt", CacheControl: immutable}); err != nil {
		return out, fmt.Errorf("roundup: publishing transcript: %w", err)
	}
	if err := putJSONMeta(ctx, o.Store, chaptersKey, immutable, func() ([]byte, error) { return episode.ChaptersJSON(p.res.Chapters) }); err != nil {
		return out, fmt.Errorf("roundup: publishing chapters: %w", err)
	}
	now := o.Now().UTC()
	m := player.Manifest{
		Slug: out.Slug, Title: ro.Title, DurationSeconds: out.DurationSeconds,
		Audio: player.Audio{Key: out.AudioKey, URL: out.AudioURL, Type: "audio/mpeg", SizeBytes: p.res.SizeBytes},
		Voice: p.voice, Language: out.Language, Disclosure: p.disclosure, Created: now,
		TranscriptURL: o.Store.URL(vttKey), ChaptersURL: o.Store.URL(chaptersKey),
	}
	m.FromEpisode(p.res)
	if err := putJSON(ctx, o.Store, out.ManifestKey, m.Encode); err != nil {
		return out, fmt.Errorf("roundup: publishing manifest: %w", err)
	}
	var guids []string
	var titles []string
	for _, s := range p.stories {
		guids = append(guids, s.GUID)
		titles = append(titles, s.Title)
	}
	ep := feed.Episode{
		GUID: out.GUID, Slug: out.Slug, Title: ro.Title, Description: clip(strings.Join(titles, " · "), 3000),
		Published: now, Updated: now, AudioKey: out.AudioKey, ManifestKey: out.ManifestKey,
		SizeBytes: p.res.SizeBytes, DurationSeconds: out.DurationSeconds, Voice: p.voice, ContentHash: p.hash,
		TranscriptKey: vttKey, ChaptersKey: chaptersKey, Language: out.Language, Section: ro.Section,
		Kind: feed.KindRoundup, Stories: guids,
	}
	channels := roundupChannels(o.Channels, ro, out.Language)
	var prev feed.Episode
	cat, err = feed.UpdateCatalog(ctx, o.Store, func(c *feed.Catalog) error {
		if e, ok := c.Find(ep.GUID); ok {
			prev = e
			ep.Published = e.Published // the feed item keeps its date
		}
		c.Upsert(ep)
		c.Identify(feedURLs(o.Store, channels))
		return nil
	})
	if err != nil {
		return out, fmt.Errorf("roundup: %w", err)
	}
	out.Replaced = prev.GUID != ""
	if err := PublishFeeds(ctx, o.Store, channels, cat, now); err != nil {
		return out, fmt.Errorf("roundup: %w", err)
	}
	out.FeedURL = o.Store.URL(roundupFeedKey(channels))
	deleteObsolete(ctx, Options{Store: o.Store, Channels: channels, Logger: o.Logger}, &batch{cat: cat})
	out.OK = true
	return out, nil
}

func roundupDefaults(ro RoundupOptions) RoundupOptions {
	if ro.Limit <= 0 {
		ro.Limit = DefaultRoundupLimit
	}
	if strings.TrimSpace(ro.Title) == "" {
		ro.Title = DefaultRoundupTitle
	}
	if ro.Key == "" {
		ro.Key = RoundupFeedKey
	}
	return ro
}

// pickStories chooses the stories: narrated articles (no roundups),
// published since ro.Since, of the section and feed asked for, newest
// first, at most ro.Limit; then in the order asked for.
func pickStories(cat feed.Catalog, channels []feed.Channel, ro RoundupOptions) ([]feed.Episode, error) {
	match := feed.Match{}
	if ro.Feed != "" {
		i := slices.IndexFunc(channels, func(c feed.Channel) bool { return c.FeedKeyOf() == ro.Feed })
		if i < 0 {
			var keys []string
			for _, c := range channels {
				keys = append(keys, c.FeedKeyOf())
			}
			return nil, fmt.Errorf("roundup: no feed %q is configured (feeds: %s)", ro.Feed, strings.Join(keys, ", "))
		}
		match = channels[i].Match
		if match.Kind != "" {
			return nil, fmt.Errorf("roundup: feed %q lists roundups, not stories", ro.Feed)
		}
	}
	var picked []feed.Episode
	for _, e := range cat.Sorted() {
		if e.Kind != "" || !match.Matches(e) || (!ro.Since.IsZero() && e.Published.Before(ro.Since)) ||
			(ro.Section != "" && !strings.EqualFold(e.Section, ro.Section)) {
			continue
		}
		picked = append(picked, e)
		if len(picked) == ro.Limit {
			break
		}
	}
	if len(picked) == 0 {
		since := ""
		if !ro.Since.IsZero() {
			since = " since " + ro.Since.Format(time.RFC3339)
		}
		return nil, fmt.Errorf("%w%s (narrate some articles first, or widen --since, --section or --feed)", ErrNoStories, since)
	}
	switch ro.Order {
	case "", "newest":
	case "oldest":
		slices.Reverse(picked)
	default:
		return nil, fmt.Errorf("roundup: order %q: want newest or oldest", ro.Order)
	}
	return picked, nil
}

// commonLanguage is the language most of the stories are in (the first
// story's on a tie); "" when none says.
func commonLanguage(stories []feed.Episode) string {
	count := map[string]int{}
	best := ""
	for _, s := range stories {
		l := s.Language
		count[l]++
		if best == "" || count[l] > count[best] {
			best = l
		}
	}
	return best
}

// roundupGUID names a roundup by its title and its stories in order: the
// same choice is the same episode.
func roundupGUID(ro RoundupOptions, stories []feed.Episode) string {
	h := sha256.New()
	fmt.Fprintf(h, "roundup\n%s\n", strings.ToLower(strings.TrimSpace(ro.Title)))
	for _, s := range stories {
		fmt.Fprintf(h, "%s\n", s.GUID)
	}
	return "urn:aloud:roundup:" + hex.EncodeToString(h.Sum(nil)[:16])
}

// roundupHash is what the roundup's audio is made of: a story narrated
// again (new text, voice or audio) makes a new version.
func roundupHash(ro RoundupOptions, lang, voice string, stories []feed.Episode) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n%s\n%s\n", ro.Title, lang, voice)
	for _, s := range stories {
		fmt.Fprintf(h, "%s %s %s %s\n", s.GUID, s.ContentHash, s.AudioKey, s.Title)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// roundupChannels are the configured feeds with a roundup feed among
// them: the configured one (its match kind is roundup), else one at
// ro.Key that takes the first feed's owner, art and category.
func roundupChannels(channels []feed.Channel, ro RoundupOptions, lang string) []feed.Channel {
	for _, c := range channels {
		if c.Match.Kind == feed.KindRoundup {
			return channels
		}
	}
	rc := feed.Channel{Key: ro.Key, Title: ro.Title, Language: lang, Match: feed.Match{Kind: feed.KindRoundup}}
	if len(channels) > 0 {
		base := channels[0]
		rc.Description, rc.Link, rc.Author, rc.OwnerName, rc.OwnerEmail = base.Description, base.Link, base.Author, base.OwnerName, base.OwnerEmail
		rc.ImageURL, rc.Category, rc.Subcategory, rc.Explicit, rc.Locked = base.ImageURL, base.Category, base.Subcategory, base.Explicit, base.Locked
		if rc.Language == "" {
			rc.Language = base.Language
		}
	}
	if rc.Description == "" {
		rc.Description = ro.Title
	}
	if rc.Category == "" {
		rc.Category, rc.Subcategory = "News", "Daily News"
	}
	return append(slices.Clone(channels), rc)
}

func roundupFeedKey(channels []feed.Channel) string {
	for _, c := range channels {
		if c.Match.Kind == feed.KindRoundup {
			return c.FeedKeyOf()
		}
	}
	return RoundupFeedKey
}

// download copies a stored file to path.
func download(ctx context.Context, st store.Store, key, path string) error {
	rc, _, err := st.Get(ctx, key)
	if err != nil {
		return err
	}
	defer rc.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, rc); err != nil {
		f.Close()
		return fmt.Errorf("reading %s: %w", key, err)
	}
	return f.Close()
}

// readCues reads a stored WebVTT transcript.
func readCues(ctx context.Context, st store.Store, key string) ([]episode.Cue, error) {
	rc, _, err := st.Get(ctx, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, 16<<20))
	if err != nil {
		return nil, err
	}
	return episode.ParseVTT(data)
}
