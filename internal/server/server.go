// Package server is aloud's HTTP front door for CMS publish hooks: a job is
// posted, queued (bounded), narrated by the same pipeline as the command
// line, and its status and manifest read back. It holds no state beyond
// the queue; the store remains the record of what was published.
package server

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/source"
)

// Request is the body of POST /v1/narrations: a URL to fetch, or a title
// and the article's HTML or plain text (with its URL, when it has one, as
// the episode's identity).
type Request struct {
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title,omitempty"`
	HTML      string    `json:"html,omitempty"`
	Text      string    `json:"text,omitempty"`
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Section   string    `json:"section,omitempty"`
	Voice     string    `json:"voice,omitempty"` // a voice preset name; default the server's
	Feed      string    `json:"feed,omitempty"`  // a configured feed's key
}

// Entry is the request as the pipeline's input.
func (r Request) Entry(id string) source.Entry {
	e := source.Entry{Ref: r.URL, Title: r.Title, Author: r.Author, Published: r.Published}
	if r.Section != "" {
		e.Sections = []string{r.Section}
	}
	switch {
	case r.HTML != "":
		e.Content = r.HTML
	case r.Text != "":
		e.Content = textHTML(r.Text)
	}
	if e.Ref == "" {
		e.Ref = "post:" + id // names it in messages; not a URL, so not its GUID
	}
	return e
}

// textHTML turns plain text into paragraphs, one per blank-line block.
func textHTML(text string) string {
	var b strings.Builder
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			b.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
		}
	}
	return b.String()
}

// Narrator runs one job through the pipeline and returns its result and
// the manifest it published.
type Narrator interface {
	Narrate(ctx context.Context, id string, r Request) (narrate.Result, json.RawMessage, error)
	// Check rejects, before queueing, what the pipeline cannot do: an
	// unknown voice or feed.
	Check(r Request) error
}

// RoundupRequest is the body of POST /v1/roundups: which stories, and
// the roundup's title (as aloud roundup's flags).
type RoundupRequest struct {
	Since   string `json:"since,omitempty"` // a duration back from now (24h) or a date
	Section string `json:"section,omitempty"`
	Feed    string `json:"feed,omitempty"`
	Limit   int    `json:"limit,omitempty"`
	Order   string `json:"order,omitempty"`
	Title   string `json:"title,omitempty"`
	DryRun  bool   `json:"dry_run,omitempty"`
}

// Rounder makes a roundup of published stories (aloud roundup). Its
// errors wrapping narrate.ErrNoStories are the caller's (no stories match).
type Rounder interface {
	Roundup(ctx context.Context, r RoundupRequest) (narrate.RoundupResult, error)
}

// Config sets the server up.
type Config struct {
	Token     string // bearer token every /v1 call must carry; required
	QueueSize int    // jobs waiting at most; default 100
	Workers   int    // jobs narrated at once; default 1
	MaxBody   int64  // largest request body; default 2 MB
	// Guard refuses URLs to private and loopback addresses at submission
	// (the pipeline's fetcher refuses them again at dial time).
	Guard *source.Guard
	// QueueFile keeps the jobs still waiting (or cut short) at shutdown,
	// and is read back at start. Empty: they are lost, and logged.
	QueueFile string
	Logger    *slog.Logger
	Narrator  Narrator
	// Rounder, when set, serves POST /v1/roundups.
	Rounder Rounder
}

// Status of a job.
type Status string

// Job states.
const (
	Queued  Status = "queued"
	Running Status = "running"
	Done    Status = "done"
	Failed  Status = "failed"
)

// Job is what GET /v1/narrations/{id} answers.
type Job struct {
	ID       string          `json:"id"`
	Status   Status          `json:"status"`
	Created  time.Time       `json:"created"`
	Started  time.Time       `json:"started,omitzero"`
	Finished time.Time       `json:"finished,omitzero"`
	Error    string          `json:"error,omitempty"`
	Result   *narrate.Result `json:"result,omitempty"`
	Manifest json.RawMessage `json:"manifest,omitempty"`
	Request  Request         `json:"-"`
}

// maxJobs bounds the finished jobs remembered for status queries.
const maxJobs = 10_000

// Server serves the API. Start its workers with Run.
type Server struct {
	cfg   Config
	queue chan *Job
	mu    sync.Mutex
	jobs  map[string]*Job
	order []string // job ids, oldest first, for forgetting
	wg    sync.WaitGroup
	stop  context.CancelFunc
	// rounding makes roundups one at a time.
	rounding sync.Mutex
	// closed: shutting down; no job is queued or started any more.
	closed bool
	mux    *http.ServeMux
}

// New builds a server; Run starts its workers.
func New(cfg Config) (*Server, error) {
	if cfg.Token == "" {
		return nil, errors.New("serve: no token: set serve.token in aloud.yaml or ALOUD_SERVE_TOKEN (callers send it as Authorization: Bearer TOKEN)")
	}
	if len(cfg.Token) < 16 {
		return nil, errors.New("serve: the token is shorter than 16 characters; use a long random one (e.g. openssl rand -hex 32)")
	}
	if cfg.Narrator == nil {
		return nil, errors.New("serve: no narrator")
	}
	if cfg.QueueSize <= 0 {
		cfg.QueueSize = 100
	}
	if cfg.Workers <= 0 {
		cfg.Workers = 1
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 2 << 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Guard == nil {
		g, err := source.NewGuard(nil)
		if err != nil {
			return nil, err
		}
		cfg.Guard = g
	}
	s := &Server{cfg: cfg, queue: make(chan *Job, cfg.QueueSize), jobs: map[string]*Job{}, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /healthz", s.health)
	s.mux.HandleFunc("POST /v1/narrations", s.auth(s.submit))
	s.mux.HandleFunc("GET /v1/narrations/{id}", s.auth(s.status))
	if cfg.Rounder != nil {
		s.mux.HandleFunc("POST /v1/roundups", s.auth(s.roundup))
	}
	s.mux.HandleFunc("/v1/", s.auth(func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "no such endpoint: %s %s (POST /v1/narrations, GET /v1/narrations/{id})", r.Method, r.URL.Path)
	}))
	return s, nil
}

// ServeHTTP answers the API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// Start starts the workers and requeues the jobs a previous shutdown kept.
func (s *Server) Start(ctx context.Context) error {
	ctx, s.stop = context.WithCancel(ctx)
	if err := s.restore(); err != nil {
		return err
	}
	for range s.cfg.Workers {
		s.wg.Add(1)
		go s.work(ctx)
	}
	return nil
}

// Shutdown stops taking jobs from the queue and waits for the running ones
// to finish, until ctx ends; then it cancels them. Jobs still queued, and
// those cut short, are written to the queue file for the next start.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closed = true
	close(s.queue)
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		s.cfg.Logger.Warn("shutdown: grace period over; cutting running jobs short and keeping them for the next start")
		s.stop()
		<-done
	}
	s.stop()
	return s.spool()
}

func (s *Server) work(ctx context.Context) {
	defer s.wg.Done()
	for {
		var j *Job
		var ok bool
		select {
		case j, ok = <-s.queue:
		case <-ctx.Done():
			return
		}
		if !ok {
			return
		}
		s.mu.Lock()
		closed := s.closed
		s.mu.Unlock()
		if closed {
			continue // left queued: kept for the next start
		}
		s.run(ctx, j)
	}
}

func (s *Server) run(ctx context.Context, j *Job) {
	s.update(j, func(j *Job) { j.Status, j.Started = Running, time.Now().UTC() })
	s.cfg.Logger.Info("narrating", "job", j.ID, "url", j.Request.URL, "title", j.Request.Title)
	res, manifest, err := s.cfg.Narrator.Narrate(ctx, j.ID, j.Request)
	if ctx.Err() != nil {
		// Cut short by shutdown: back to the queue, kept by spool.
		s.update(j, func(j *Job) { j.Status, j.Started = Queued, time.Time{} })
		return
	}
	s.update(j, func(j *Job) {
		j.Finished = time.Now().UTC()
		if err != nil {
			j.Status, j.Error = Failed, err.Error()
			return
		}
		j.Status, j.Result, j.Manifest = Done, &res, manifest
	})
	if err != nil {
		s.cfg.Logger.Warn("narration failed", "job", j.ID, "err", err)
	} else {
		s.cfg.Logger.Info("narrated", "job", j.ID, "slug", res.Slug, "seconds", res.DurationSeconds, "skipped", res.Skipped)
	}
}

func (s *Server) update(j *Job, f func(*Job)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(j)
}

func (s *Server) auth(next http.HandlerFunc) http.HandlerFunc {
	want := []byte("Bearer " + s.cfg.Token)
	return func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get("Authorization"))
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="aloud"`)
			if len(got) == 0 {
				fail(w, http.StatusUnauthorized, "authorization required: send Authorization: Bearer TOKEN")
			} else {
				fail(w, http.StatusUnauthorized, "the bearer token is not the server's")
			}
			return
		}
		next(w, r)
	}
}

func (s *Server) health(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	running := 0
	for _, j := range s.jobs {
		if j.Status == Running {
			running++
		}
	}
	closed, queued := s.closed, len(s.queue)
	s.mu.Unlock()
	if closed {
		// Load balancers take the server out while it finishes its jobs.
		reply(w, http.StatusServiceUnavailable, map[string]any{"status": "shutting down", "queued": queued, "running": running, "queue_size": s.cfg.QueueSize})
		return
	}
	reply(w, http.StatusOK, map[string]any{"status": "ok", "queued": queued, "running": running, "queue_size": s.cfg.QueueSize})
}

// roundup makes a roundup while the caller waits (a few seconds: only its
// opening and transitions are synthesized), one at a time.
func (s *Server) roundup(w http.ResponseWriter, r *http.Request) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		fail(w, http.StatusUnsupportedMediaType, "send the roundup as JSON with Content-Type: application/json")
		return
	}
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		fail(w, http.StatusServiceUnavailable, "the server is shutting down; retry shortly")
		return
	}
	var req RoundupRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		fail(w, http.StatusBadRequest, "not a roundup request: %v", err)
		return
	}
	s.rounding.Lock()
	defer s.rounding.Unlock()
	res, err := s.cfg.Rounder.Roundup(r.Context(), req)
	switch {
	case errors.Is(err, narrate.ErrNoStories):
		fail(w, http.StatusUnprocessableEntity, "%v", err)
	case errors.As(err, new(*RequestError)):
		fail(w, http.StatusBadRequest, "%v", err)
	case err != nil:
		s.cfg.Logger.Warn("roundup failed", "err", err)
		fail(w, http.StatusInternalServerError, "%v", err)
	default:
		reply(w, http.StatusOK, res)
	}
}

// RequestError is a roundup request the server cannot take as asked (a
// bad date, order or limit): 400.
type RequestError struct{ Err error }

func (e *RequestError) Error() string { return e.Err.Error() }
func (e *RequestError) Unwrap() error { return e.Err }

func (s *Server) submit(w http.ResponseWriter, r *http.Request) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		fail(w, http.StatusUnsupportedMediaType, "send the job as JSON with Content-Type: application/json")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		fail(w, http.StatusRequestEntityTooLarge, "the request body is larger than %d bytes", s.cfg.MaxBody)
		return
	case err != nil:
		fail(w, http.StatusBadRequest, "reading the request body: %v", err)
		return
	}
	req, err := s.parse(body)
	if err != nil {
		fail(w, http.StatusBadRequest, "%v", err)
		return
	}
	j := &Job{ID: newID(), Status: Queued, Created: time.Now().UTC(), Request: req}
	switch err := s.enqueue(j); {
	case errors.Is(err, errClosing):
		fail(w, http.StatusServiceUnavailable, "the server is shutting down; retry shortly")
		return
	case err != nil:
		w.Header().Set("Retry-After", "30")
		fail(w, http.StatusTooManyRequests, "the queue is full (%d jobs waiting); retry later", s.cfg.QueueSize)
		return
	}
	w.Header().Set("Location", "/v1/narrations/"+j.ID)
	reply(w, http.StatusAccepted, map[string]any{"id": j.ID, "status": Queued, "status_url": "/v1/narrations/" + j.ID})
}

// parse checks a job's body: strict JSON, one source of text, a fetchable
// URL, a known voice and feed.
func (s *Server) parse(body []byte) (Request, error) {
	var req Request
	if len(strings.TrimSpace(string(body))) == 0 {
		return req, errors.New("the request body is empty; send {\"url\": \"https://…\"} or {\"title\": …, \"html\": …}")
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, fmt.Errorf("the body is not a narration request: %v", err)
	}
	if dec.More() {
		return req, errors.New("the body holds more than one JSON value")
	}
	req.URL = strings.TrimSpace(req.URL)
	switch {
	case req.HTML != "" && req.Text != "":
		return req, errors.New("send html or text, not both")
	case req.HTML == "" && req.Text == "" && req.URL == "":
		return req, errors.New("nothing to narrate: send url, or title with html or text")
	case (req.HTML != "" || req.Text != "") && strings.TrimSpace(req.Title) == "":
		return req, errors.New("a title is needed with html or text")
	}
	if req.URL != "" {
		if err := s.cfg.Guard.CheckURL(req.URL); err != nil {
			return req, fmt.Errorf("url: %w", err)
		}
	}
	if err := s.cfg.Narrator.Check(req); err != nil {
		return req, err
	}
	return req, nil
}

// Why a job is not queued.
var (
	errClosing = errors.New("shutting down")
	errFull    = errors.New("queue full")
)

// enqueue queues a new job, unless QueueSize jobs already wait.
func (s *Server) enqueue(j *Job) error { return s.put(j, false) }

// put queues j; a job kept at the last shutdown (kept) is never refused
// for the queue's size: the queue was made large enough for them all.
func (s *Server) put(j *Job, kept bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosing
	}
	if !kept && len(s.queue) >= s.cfg.QueueSize {
		return errFull
	}
	select {
	case s.queue <- j:
	default:
		return errFull
	}
	s.jobs[j.ID] = j
	s.order = append(s.order, j.ID)
	for len(s.order) > maxJobs {
		old := s.jobs[s.order[0]]
		if old != nil && (old.Status == Queued || old.Status == Running) {
			break
		}
		delete(s.jobs, s.order[0])
		s.order = s.order[1:]
	}
	return nil
}

func (s *Server) status(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	j, ok := s.jobs[r.PathValue("id")]
	var cp Job
	if ok {
		cp = *j
	}
	s.mu.Unlock()
	if !ok {
		fail(w, http.StatusNotFound, "no job %q (jobs are remembered until the server restarts)", r.PathValue("id"))
		return
	}
	reply(w, http.StatusOK, cp)
}

// spooled is a job kept across a restart.
type spooled struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Request Request   `json:"request"`
}

func (s *Server) spool() error {
	s.mu.Lock()
	var keep []spooled
	for _, id := range s.order {
		if j := s.jobs[id]; j.Status == Queued {
			keep = append(keep, spooled{j.ID, j.Created, j.Request})
		}
	}
	s.mu.Unlock()
	if len(keep) == 0 {
		return nil
	}
	if s.cfg.QueueFile == "" {
		s.cfg.Logger.Warn("shutdown: jobs not narrated are dropped (no queue file)", "jobs", len(keep))
		return nil
	}
	data, err := json.MarshalIndent(keep, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.cfg.QueueFile), 0o755); err != nil {
		return fmt.Errorf("keeping the queue: %w", err)
	}
	tmp := s.cfg.QueueFile + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("keeping the queue: %w", err)
	}
	if err := os.Rename(tmp, s.cfg.QueueFile); err != nil {
		return fmt.Errorf("keeping the queue: %w", err)
	}
	s.cfg.Logger.Info("shutdown: jobs kept for the next start", "jobs", len(keep), "file", s.cfg.QueueFile)
	return nil
}

func (s *Server) restore() error {
	if s.cfg.QueueFile == "" {
		return nil
	}
	data, err := os.ReadFile(s.cfg.QueueFile)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading the kept queue: %w", err)
	}
	var kept []spooled
	if err := json.Unmarshal(data, &kept); err != nil {
		return fmt.Errorf("the kept queue %s is damaged (%v); move it away to start", s.cfg.QueueFile, err)
	}
	if len(kept) > cap(s.queue)-len(s.queue) {
		// More were kept than the queue holds (a smaller queue_size, or
		// jobs cut short besides the queued ones): every one is run;
		// new jobs wait until fewer than queue_size are left.
		s.mu.Lock()
		bigger := make(chan *Job, len(s.queue)+len(kept)+s.cfg.QueueSize)
		for len(s.queue) > 0 {
			bigger <- <-s.queue
		}
		s.queue = bigger
		s.mu.Unlock()
	}
	for _, k := range kept {
		if err := s.put(&Job{ID: k.ID, Status: Queued, Created: k.Created, Request: k.Request}, true); err != nil {
			return fmt.Errorf("requeueing the jobs kept in %s: %w", s.cfg.QueueFile, err)
		}
	}
	s.cfg.Logger.Info("requeued jobs kept at the last shutdown", "jobs", len(kept))
	return os.Remove(s.cfg.QueueFile)
}

func newID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func reply(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

func fail(w http.ResponseWriter, code int, format string, args ...any) {
	reply(w, code, map[string]string{"error": fmt.Sprintf(format, args...)})
}
