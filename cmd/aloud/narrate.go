package main

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/backends"
	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/cache"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/s3"
	"github.com/aloud-dev/aloud/internal/textnorm"
	"github.com/aloud-dev/aloud/internal/ui"
)

// narrateOptions is what `aloud narrate` was asked to do.
type narrateOptions struct {
	Inputs        []string
	Batch         batchFlags
	Store         string // the store's location: --store, --out or the configuration's
	S3            s3.Config
	Voice         string
	PublicBaseURL string
	Jobs          int
	Cache         string
	DryRun        bool
	Config        config.Config
	Mode          ui.Mode
}

func newNarrateCmd(g *globals, runF func(*narrateOptions) error) *cobra.Command {
	var flags narrateOptions
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "narrate [ARTICLE...] [--from-feed URL] [--from-sitemap URL] [--from-list FILE]",
		Short: "Narrate articles and publish them to the store and the feed",
		Long: `Narrate each ARTICLE — a path to an HTML, Markdown (.md) or plain-text file,
or an http(s) URL — and publish it to the output folder:

  <slug>.mp3      the narration, with ID3 tags (title, author, publication, date)
  <slug>.json     the manifest for players (audio URL, exact duration, voice)
  feed.xml        the podcast feed, newest episode first
  episodes.json   the catalog the feed is rebuilt from

Articles can also come in batches: the items of the publisher's RSS or Atom
feed (--from-feed; an item's full content is used when the feed carries it,
else its page is fetched), the pages of a sitemap or news sitemap
(--from-sitemap), or a list of paths and URLs, one a line (--from-list, "-"
for standard input). --since, --section and --limit narrow a batch; --shard
i/n keeps the i-th (from 0) of n slices, so n machines can share one batch.

An article already published with the same text and voice is skipped (--force
narrates it anyway); one whose text changed is narrated again and its episode
updated in place. Links in the feed and manifests start with --public-base-url,
the address the output folder is served at; without it they are relative and
podcast apps cannot follow them.

--dry-run reads and scripts every article and prints, per article and in
total, the characters the voice would bill, the requests it would get, the
chunks the segment cache already holds and the estimated cost (at the
preset's price, or the one under prices: in aloud.yaml), calling no voice and
writing nothing.

An article that cannot be read leaves the store as it was; the others go on,
and the exit status is 1 if any failed. The feeds are written once, at the end
of the batch, and list only episodes whose files are all stored.`,
		Example: `  aloud narrate examples/sample-article.html
  aloud narrate --public-base-url https://cdn.example.com/podcast https://example.com/news/story
  aloud narrate --voice en-gb-espeak --out /srv/podcast story.md
  aloud narrate --from-feed https://example.com/rss --since 2026-11-01 --jobs 4
  aloud narrate --voice en-polly-neural --dry-run --from-feed https://example.com/rss
  aloud narrate --from-sitemap https://example.com/news-sitemap.xml --shard 0/4 --store s3://bucket/podcast`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && !flags.Batch.any() {
				return usageError{fmt.Errorf("narrate needs at least one ARTICLE (a file path or an http(s) URL), or --from-feed, --from-sitemap or --from-list")}
			}
			return flags.Batch.check()
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig()
			if err != nil {
				return err
			}
			o := flags
			o.Inputs, o.Config = args, cfg
			o.Store = sf.where(cfg)
			o.S3 = s3Options(cfg.S3, cmd.Flags(), sf.s3)
			if !cmd.Flags().Changed("voice") {
				o.Voice = "" // a voice per article language, by the configuration
			}
			o.PublicBaseURL = sf.publicBaseURL
			if o.PublicBaseURL == "" {
				o.PublicBaseURL = cfg.PublicBaseURL
			} else if err := checkBaseURL(o.PublicBaseURL); err != nil {
				return usageError{err}
			}
			if !cmd.Flags().Changed("jobs") {
				o.Jobs = cfg.Jobs
			} else if err := config.CheckJobs(o.Jobs); err != nil {
				return usageError{fmt.Errorf("--jobs %w", err)}
			}
			if !cmd.Flags().Changed("cache") {
				o.Cache = cfg.Cache
			}
			o.Mode = g.mode()
			if runF != nil {
				return runF(&o)
			}
			return runNarrate(cmd, g, &o)
		},
	}
	f := cmd.Flags()
	sf.add(f)
	f.StringVar(&flags.Voice, "voice", "", "read every article with voice `PRESET` (a name from 'aloud voices list', or a path to a preset file); "+
		"without it each article gets the voice of its language (voices: and voice: in aloud.yaml, else the language's espeak-ng voice)")
	f.IntVarP(&flags.Jobs, "jobs", "j", 0, "articles to narrate at once (default 1; each synthesizes as many chunks at once as its voice allows)")
	f.StringVar(&flags.Cache, "cache", "", "keep synthesized chunks in `WHERE`: a folder, \"store\" (shared by every worker using the store) or \"off\" (default ~/.cache/aloud/segments)")
	f.BoolVarP(&flags.DryRun, "dry-run", "n", false, "print characters, requests and estimated cost per article and in total; call no voice, write nothing")
	flags.Batch.add(f)
	return cmd
}

func (g *globals) mode() ui.Mode {
	switch {
	case g.json:
		return ui.JSON
	case g.quiet:
		return ui.Quiet
	}
	if f, ok := g.stderr.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			return ui.Terminal
		}
	}
	return ui.Plain
}

func checkBaseURL(u string) error {
	if err := config.CheckBaseURL(u); err != nil {
		return fmt.Errorf("--public-base-url: %w", err)
	}
	return nil
}

// runNarrate wires the stages from the options and runs them.
func runNarrate(cmd *cobra.Command, g *globals, o *narrateOptions) error {
	cfg := o.Config
	loc, err := store.ParseLocation(o.Store)
	if err != nil {
		return usageError{err}
	}
	st, err := backends.OpenStore(cmd.Context(), loc, o.S3, o.PublicBaseURL)
	if err != nil {
		return usageError{err}
	}
	loader := newLoader(cfg)
	opts, err := newPipeline(cfg, g, st, loader, o.Voice, o.Cache)
	if err != nil {
		return err
	}
	rep := ui.New(o.Mode, g.stdout, g.stderr)
	entries, err := o.Batch.entries(cmd.Context(), loader, o.Inputs, cmd.InOrStdin())
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		if o.Mode != ui.Quiet && o.Mode != ui.JSON {
			fmt.Fprintln(g.stderr, "nothing to narrate: the sources name no article that passes --since, --section and --shard")
		}
		rep.Report(narrate.Event{Stage: narrate.StageSummary, Summary: &narrate.Summary{}})
		return nil
	}
	opts.Jobs, opts.Force, opts.Reporter = o.Jobs, o.Batch.force, rep
	if o.DryRun {
		return runEstimate(cmd, g, opts, entries, o.Mode)
	}
	_, runErr := narrate.Run(cmd.Context(), opts, entries)
	if o.Mode != ui.JSON && o.Mode != ui.Quiet && runErr == nil {
		fmt.Fprintf(g.stderr, "Results are in %s (feed: %s)\n", loc, st.URL(feed.FeedKey))
	}
	if o.PublicBaseURL == "" && o.Mode != ui.Quiet {
		fmt.Fprintln(g.stderr, "note: no public base URL is set, so links in feed.xml and the manifests are relative and\n"+
			"      podcast apps cannot follow them; pass --public-base-url URL (the address the output\n"+
			"      folder is served at) or set public_base_url in aloud.yaml.")
	}
	return runErr
}

// newLoader reads articles as the config says: size and time limits,
// captions or not.
func newLoader(cfg config.Config) *source.Loader {
	return &source.Loader{MaxBytes: cfg.Fetch.MaxBytes, Timeout: cfg.Fetch.Timeout, UserAgent: "aloud/" + programVersion(),
		Read: article.Options{Captions: cfg.Captions}}
}

// newPipeline wires every stage but the reporter: the voices (a voice per
// article language, or forced, each built on first use and wrapped in the
// runner and the segment cache), the encoder, loudness, script, cover and
// feeds, publishing to st and reading through loader.
func newPipeline(cfg config.Config, g *globals, st store.Store, loader *source.Loader, forced, cacheSetting string) (narrate.Options, error) {
	vs, err := newVoiceSet(cfg, g, st, forced, cacheSetting)
	if err != nil {
		return narrate.Options{}, err
	}
	var cover *episode.Cover
	if cfg.CoverImage != "" {
		if cover, err = readCover(cfg.CoverImage); err != nil {
			return narrate.Options{}, usageError{err}
		}
	}
	channels, err := feed.Channels(cfg)
	if err != nil {
		return narrate.Options{}, usageError{err}
	}
	return narrate.Options{
		Loader: loader, Images: loader, Cover: cover, VoiceFor: vs.For, Voice: vs.describe(),
		Encoder: vs.enc, TargetLUFS: cfg.Loudness.TargetLUFS, MaxTruePeak: cfg.Loudness.MaxTruePeak, Compress: cfg.Loudness.Compress, Logger: vs.logger,
		Store: st, Channels: channels, Publication: cfg.Publication,
	}, nil
}

// voiceSet builds the voice for each preset once, and picks the preset
// for an article's language by the configured rules.
type voiceSet struct {
	cfg     config.Config
	g       *globals
	st      store.Store
	cache   string
	enc     *mp3.Lame
	logger  *slog.Logger
	presets speech.Presets
	rules   speech.VoiceRules
	mu      sync.Mutex
	built   map[string]narrate.Voice
}

// newVoiceSet checks that every preset the rules name can be read, so that
// a misspelt name is a usage error before anything runs.
func newVoiceSet(cfg config.Config, g *globals, st store.Store, forced, cacheSetting string) (*voiceSet, error) {
	vs := &voiceSet{cfg: cfg, g: g, st: st, cache: cacheSetting, presets: presetsFor(cfg), built: map[string]narrate.Voice{},
		enc:    &mp3.Lame{Path: cfg.Encoder.Path, BitrateKbps: cfg.Encoder.BitrateKbps},
		logger: g.logger(),
		rules:  speech.VoiceRules{Forced: forced, ByLang: cfg.Voices, Default: cfg.Voice, Fallback: cfg.VoiceFallback}}
	names := []string{forced, cfg.Voice, cfg.VoiceFallback}
	for _, n := range cfg.Voices {
		names = append(names, n)
	}
	for _, n := range names {
		if n == "" {
			continue
		}
		if _, err := vs.presets.Load(n); err != nil {
			return nil, usageError{err}
		}
	}
	if forced != "" {
		// Built now: a forced voice that cannot work should say so
		// before any article is read.
		if _, err := vs.build(forced); err != nil {
			return nil, err
		}
	}
	return vs, nil
}

// describe says which voices the set uses, for messages: the forced one,
// else the default.
func (vs *voiceSet) describe() string {
	if vs.rules.Forced != "" {
		return vs.rules.Forced
	}
	return vs.rules.Default
}

// For is the voice for an article in lang.
func (vs *voiceSet) For(lang string) (narrate.Voice, error) {
	name, err := vs.presets.Choose(vs.rules, lang)
	if err != nil {
		return narrate.Voice{}, err
	}
	return vs.build(name)
}

// build makes the voice of a preset: the backend in the runner and the
// segment cache, and the script options for it.
func (vs *voiceSet) build(name string) (narrate.Voice, error) {
	vs.mu.Lock()
	defer vs.mu.Unlock()
	if v, ok := vs.built[name]; ok {
		return v, nil
	}
	cfg := vs.cfg
	preset, err := vs.presets.Load(name)
	if err != nil {
		return narrate.Voice{}, usageError{err}
	}
	syn, err := backends.Speech(vs.enc).New(preset)
	if err != nil {
		return narrate.Voice{}, err
	}
	logger := vs.logger
	syn = backends.Runner(syn, func(attempt int, wait time.Duration, err error) {
		logger.Warn("voice request failed; retrying", "voice", preset.Name, "attempt", attempt, "wait", wait.Round(time.Millisecond).String(), "err", err)
	})
	identity, err := cache.Identity(preset, fmt.Sprint(cfg.Encoder.BitrateKbps))
	if err != nil {
		return narrate.Voice{}, usageError{err}
	}
	var once sync.Once
	syn, err = backends.Cached(syn, vs.cache, vs.st, identity, func(err error) {
		once.Do(func() { fmt.Fprintf(vs.g.stderr, "warning: %v (further cache warnings not shown)\n", err) })
	})
	if err != nil {
		return narrate.Voice{}, usageError{err}
	}
	skip, err := textnorm.ParseClasses(preset.Handles)
	if err != nil {
		return narrate.Voice{}, usageError{err}
	}
	pronounce, err := vs.presets.Pronouncer(append(append([]string{}, cfg.Lexicons...), preset.Lexicons...))
	if err != nil {
		return narrate.Voice{}, usageError{err}
	}
	lim := syn.Limits()
	v := narrate.Voice{
		Name: preset.Name, Synth: syn, PricePerMillionChars: cfg.Price(preset.Name, preset.Backend, preset.PricePerMillionChars),
		Script: script.Options{Disclosure: cfg.Disclosure, Pauses: script.Pauses(cfg.Pauses),
			Normalize: &textnorm.Normalizer{Skip: skip}, Pronounce: pronounce, SSML: pronounce != nil && lim.SSML && lim.Phonemes,
			Templates: templates(cfg)},
	}
	vs.built[name] = v
	return v, nil
}

// templates are the config's intro, disclosure and outro templates.
func templates(cfg config.Config) map[string]script.Template {
	if len(cfg.Templates) == 0 {
		return nil
	}
	m := map[string]script.Template{}
	for lang, t := range cfg.Templates {
		m[strings.ToLower(lang)] = script.Template(t)
	}
	return m
}

// logger writes warnings (retries, deferred catalog writes) to stderr:
// as JSON with --json, not at all with --quiet.
func (g *globals) logger() *slog.Logger {
	switch g.mode() {
	case ui.Quiet:
		return slog.New(slog.DiscardHandler)
	case ui.JSON:
		return slog.New(slog.NewJSONHandler(g.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	return slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// runEstimate prints what narrating the entries would cost, calling no voice.
func runEstimate(cmd *cobra.Command, g *globals, o narrate.Options, entries []source.Entry, mode ui.Mode) error {
	ests, total, err := narrate.EstimateCost(cmd.Context(), o, entries)
	if mode == ui.JSON {
		enc := json.NewEncoder(g.stdout)
		for _, e := range ests {
			enc.Encode(e)
		}
		enc.Encode(map[string]any{"total": total})
		return err
	}
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "CHUNKS\tCHARS\tBILLED\tREQUESTS\tCACHED\tCOST\t VOICE\t ARTICLE")
	row := func(e narrate.Estimate, name string) {
		fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t$%.4f\t %s\t %s\n", e.Chunks, e.Chars, e.BilledChars, e.Requests, e.CachedChunks, e.CostUSD, e.Voice, name)
	}
	for _, e := range ests {
		name := e.Input
		switch {
		case e.Error != "":
			name += " (cannot be narrated: " + e.Error + ")"
		case e.Skipped:
			name += " (unchanged: skipped)"
		}
		row(e, name)
	}
	row(total, "total")
	tw.Flush()
	fmt.Fprintln(g.stderr, "dry run: costs at each voice's price per million characters; no voice was called and nothing was written")
	return err
}

// readCover reads a configured cover image: JPEG or PNG, at most 5 MB.
func readCover(path string) (*episode.Cover, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cover_image: %w", err)
	}
	if len(data) > source.MaxImageBytes {
		return nil, fmt.Errorf("cover_image %s: larger than 5 MB", path)
	}
	switch mt := http.DetectContentType(data); mt {
	case "image/jpeg", "image/png":
		return &episode.Cover{MIME: mt, Data: data}, nil
	default:
		return nil, fmt.Errorf("cover_image %s: %s is not JPEG or PNG", path, mt)
	}
}
