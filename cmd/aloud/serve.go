package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/server"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/store"
)

func newServeCmd(g *globals) *cobra.Command {
	var sf storeFlags
	var listen, voice, cacheSetting, queueFile string
	var workers, queueSize int
	var grace time.Duration
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Narrate articles posted by a CMS publish hook (HTTP API)",
		Long: `Serve an HTTP API that a CMS calls when it publishes an article:

  POST /v1/narrations       queue a job: {"url": "https://…"} or
                            {"title": "…", "html": "…" | "text": "…", "url": "…"},
                            with optional "author", "published", "section",
                            "voice" (a preset name) and "feed" (a feed key);
                            answers 202 {"id": …, "status_url": …}
  GET  /v1/narrations/{id}  the job: queued, running, done (with the result
                            and the manifest) or failed (with the reason)
  GET  /healthz             liveness and queue length, no token needed

Every /v1 call carries "Authorization: Bearer TOKEN"; the token comes from
serve.token in aloud.yaml or ALOUD_SERVE_TOKEN (at least 16 characters).
The queue is bounded (429 when full). Jobs run through the same pipeline as
'aloud narrate', publishing to the same store and feeds; an unchanged article
is answered from what is published.

URLs are fetched only from public addresses: loopback, private, link-local
(cloud metadata) and other reserved addresses are refused, also after DNS and
on redirects, unless serve.allow in aloud.yaml lists them.

On SIGTERM or Ctrl-C the server stops accepting jobs, lets running ones
finish (up to --grace), and keeps the jobs not done in the queue file, which
the next start picks up.`,
		Example: `  ALOUD_SERVE_TOKEN=$(openssl rand -hex 32) aloud serve --listen :8080 --store s3://bucket/podcast
  curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
       -d '{"url": "https://example.com/news/story"}' http://127.0.0.1:8080/v1/narrations`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, loc, cfg, err := sf.open(cmd, g)
			if err != nil {
				return err
			}
			fl := cmd.Flags()
			sc := cfg.Serve
			if fl.Changed("listen") {
				sc.Listen = listen
			}
			if fl.Changed("queue-size") {
				sc.QueueSize = queueSize
			}
			if fl.Changed("grace") {
				sc.Grace = grace
			}
			if fl.Changed("queue-file") {
				sc.QueueFile = queueFile
			}
			if fl.Changed("voice") {
				cfg.Voice = voice // the default voice, for its language; a job may name another
			}
			voice = cfg.Voice
			if !fl.Changed("cache") {
				cacheSetting = cfg.Cache
			}
			if !fl.Changed("jobs") {
				workers = max(cfg.Jobs, 1)
			} else if err := config.CheckJobs(workers); err != nil {
				return usageError{fmt.Errorf("--jobs %w", err)}
			}
			workers = max(workers, 1)
			return runServe(cmd.Context(), g, cfg, sc, st, loc, voice, cacheSetting, workers)
		},
	}
	sf.add(cmd.Flags())
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:8080", "`ADDRESS` to listen on (host:port; :8080 for every interface)")
	f.StringVar(&voice, "voice", "", "the default voice `PRESET` (for its language; jobs in other languages get theirs, and a job may name one)")
	f.StringVar(&cacheSetting, "cache", "", "segment cache: a folder, \"store\" or \"off\" (default ~/.cache/aloud/segments)")
	f.IntVarP(&workers, "jobs", "j", 1, "jobs narrated at once")
	f.IntVar(&queueSize, "queue-size", 100, "jobs waiting at most; more are refused with 429")
	f.DurationVar(&grace, "grace", 2*time.Minute, "how long shutdown waits for running jobs")
	f.StringVar(&queueFile, "queue-file", "", "`FILE` keeping jobs across a restart (default ~/.cache/aloud/queue.json)")
	return cmd
}

func runServe(ctx context.Context, g *globals, cfg config.Config, sc config.Serve, st store.Store, loc store.Location, voice, cacheSetting string, workers int) error {
	guard, err := source.NewGuard(sc.Allow)
	if err != nil {
		return usageError{fmt.Errorf("serve.allow: %w", err)}
	}
	if sc.QueueFile == "" {
		if dir, err := os.UserCacheDir(); err == nil {
			sc.QueueFile = filepath.Join(dir, "aloud", "queue.json")
		}
	}
	logger := slog.New(slog.NewTextHandler(g.stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	loader := newLoader(cfg)
	loader.Client = guard.Client(cfg.Fetch.Timeout)
	n := &pipelines{cfg: cfg, g: g, st: st, loader: loader, cache: cacheSetting, built: map[string]narrate.Options{}}
	if _, err := n.options(""); err != nil {
		return err
	}
	srv, err := server.New(server.Config{Token: sc.Token, QueueSize: sc.QueueSize, Workers: workers, MaxBody: sc.MaxBody,
		Guard: guard, QueueFile: sc.QueueFile, Logger: logger, Narrator: n, Rounder: n})
	if err != nil {
		return usageError{err}
	}
	ln, err := net.Listen("tcp", sc.Listen)
	if err != nil {
		return usageError{fmt.Errorf("serve: listening on %s: %w", sc.Listen, err)}
	}
	// The jobs outlive the signal: shutdown decides when they stop.
	if err := srv.Start(context.WithoutCancel(ctx)); err != nil {
		ln.Close()
		return err
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(logger.Handler(), slog.LevelWarn)}
	logger.Info("serving", "address", "http://"+ln.Addr().String(), "store", loc.String(), "public_base_url", st.URL(""), "voice", voice, "jobs", workers, "queue_size", sc.QueueSize)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down: no new jobs; waiting for running ones", "grace", sc.Grace)
	sctx, cancel := context.WithTimeout(context.Background(), sc.Grace)
	defer cancel()
	// The API keeps answering during the grace period: a new job gets
	// 503, /healthz says "shutting down", a job's status can still be
	// read. It closes once the jobs are done or cut short.
	jobsErr := srv.Shutdown(sctx)
	hctx, hcancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer hcancel()
	hs.Shutdown(hctx)
	if jobsErr != nil {
		return jobsErr
	}
	logger.Info("stopped")
	return nil
}

// pipelines narrates server jobs: one pipeline that gives each article
// the voice of its language, and one for each voice a job forces, built on
// first use.
type pipelines struct {
	cfg    config.Config
	g      *globals
	st     store.Store
	loader *source.Loader
	cache  string
	mu     sync.Mutex
	built  map[string]narrate.Options
}

// options is the pipeline for jobs that force voice ("" for none).
func (p *pipelines) options(voice string) (narrate.Options, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if o, ok := p.built[voice]; ok {
		return o, nil
	}
	o, err := newPipeline(p.cfg, p.g, p.st, p.loader, voice, p.cache)
	if err != nil {
		return o, err
	}
	p.built[voice] = o
	return o, nil
}

// Check refuses an unknown voice or feed before the job is queued.
func (p *pipelines) Check(r server.Request) error {
	if r.Voice != "" {
		// By name only: a path from a request must not read the server's files.
		if names := presetsFor(p.cfg).Names(); !slices.Contains(names, r.Voice) {
			return fmt.Errorf("voice %q: no such preset (known: %v)", r.Voice, names)
		}
	}
	if r.Feed != "" {
		if _, ok := p.feed(r.Feed); !ok {
			return fmt.Errorf("feed %q: no feed with that key in the configuration", r.Feed)
		}
	}
	return nil
}

func (p *pipelines) feed(key string) (config.Feed, bool) {
	for _, f := range p.cfg.FeedList() {
		if feedKey(f) == key {
			return f, true
		}
	}
	return config.Feed{}, false
}

// Narrate runs one job and reads back the manifest it published.
// Roundup makes a roundup as "aloud roundup" does, with the server's
// voices, store and feeds.
func (p *pipelines) Roundup(ctx context.Context, r server.RoundupRequest) (narrate.RoundupResult, error) {
	ro := narrate.RoundupOptions{Section: r.Section, Feed: r.Feed, Limit: r.Limit, Order: r.Order, Title: r.Title, DryRun: r.DryRun}
	if r.Since != "" {
		t, err := parseSince(r.Since, time.Now())
		if err != nil {
			return narrate.RoundupResult{}, &server.RequestError{Err: err}
		}
		ro.Since = t
	}
	if ro.Order != "" && ro.Order != "newest" && ro.Order != "oldest" {
		return narrate.RoundupResult{}, &server.RequestError{Err: fmt.Errorf("order %q: want newest or oldest", ro.Order)}
	}
	if ro.Limit < 0 || ro.Limit > 100 {
		return narrate.RoundupResult{}, &server.RequestError{Err: fmt.Errorf("limit %d: out of range 1–100", ro.Limit)}
	}
	if ro.Feed != "" {
		if _, ok := p.feed(ro.Feed); !ok {
			return narrate.RoundupResult{}, &server.RequestError{Err: fmt.Errorf("feed %q is not configured", ro.Feed)}
		}
	}
	o, err := p.options("")
	if err != nil {
		return narrate.RoundupResult{}, err
	}
	return narrate.Roundup(ctx, o, ro)
}

func (p *pipelines) Narrate(ctx context.Context, id string, r server.Request) (narrate.Result, json.RawMessage, error) {
	o, err := p.options(r.Voice)
	if err != nil {
		return narrate.Result{}, nil, err
	}
	e := r.Entry(id)
	if f, ok := p.feed(r.Feed); ok && f.Match.Section != "" {
		e.Sections = []string{f.Match.Section} // the feed selects episodes by section
	}
	results, err := narrate.Run(ctx, o, []source.Entry{e})
	if len(results) == 0 {
		if err == nil {
			err = errors.New("the job was not narrated")
		}
		return narrate.Result{}, nil, err
	}
	res := results[0]
	if res.Err() != nil {
		return res, nil, res.Err()
	}
	if err != nil {
		return res, nil, err // published, but the feeds were not
	}
	data, err := feed.ReadStored(ctx, p.st, res.ManifestKey)
	if err != nil {
		return res, nil, fmt.Errorf("reading the manifest back: %w", err)
	}
	if !json.Valid(data) {
		return res, nil, fmt.Errorf("reading the manifest back: %s is not JSON", p.st.URL(res.ManifestKey))
	}
	return res, data, nil
}
