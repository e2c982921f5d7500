package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/source"
)

const token = "0123456789abcdef0123"

// fakeNarrator records jobs; each waits for release (when set) before
// answering, so tests control what is running.
type fakeNarrator struct {
	mu      sync.Mutex
	got     []Request
	release chan struct{}
	started chan string
}

func (f *fakeNarrator) Check(r Request) error {
	if r.Voice == "unknown" {
		return errors.New(`voice "unknown": no such preset`)
	}
	return nil
}

func (f *fakeNarrator) Narrate(ctx context.Context, id string, r Request) (narrate.Result, json.RawMessage, error) {
	f.mu.Lock()
	f.got = append(f.got, r)
	f.mu.Unlock()
	if f.started != nil {
		f.started <- id
	}
	if f.release != nil {
		select {
		case <-f.release:
		case <-ctx.Done():
			return narrate.Result{}, nil, ctx.Err()
		}
	}
	if strings.Contains(r.URL, "broken") {
		return narrate.Result{}, nil, errors.New("https://example.com/broken has no article text")
	}
	return narrate.Result{OK: true, Slug: "a-story", ManifestKey: "a-story.json"}, json.RawMessage(`{"version":1,"slug":"a-story"}`), nil
}

func newTestServer(t *testing.T, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.Token == "" {
		cfg.Token = token
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(hs.Close)
	return s, hs
}

type answer struct {
	code int
	body map[string]any
	hdr  http.Header
}

func call(t *testing.T, method, url, auth, ctype, body string) answer {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s %s: answer is not JSON: %q", method, url, data)
	}
	return answer{resp.StatusCode, m, resp.Header}
}

func post(t *testing.T, base, body string) answer {
	return call(t, "POST", base+"/v1/narrations", "Bearer "+token, "application/json", body)
}

func waitStatus(t *testing.T, base, id string, want Status) answer {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		a := call(t, "GET", base+"/v1/narrations/"+id, "Bearer "+token, "", "")
		if a.body["status"] == string(want) || time.Now().After(deadline) {
			if a.body["status"] != string(want) {
				t.Fatalf("job %s: %v, want %s", id, a.body, want)
			}
			return a
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestNewRefusesWeakSetups(t *testing.T) {
	for _, cfg := range []Config{{Narrator: &fakeNarrator{}}, {Token: "short", Narrator: &fakeNarrator{}}, {Token: token}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
}

func TestAuth(t *testing.T) {
	_, hs := newTestServer(t, Config{Narrator: &fakeNarrator{}})
	body := `{"url":"https://example.com/a"}`
	for name, auth := range map[string]string{"none": "", "wrong": "Bearer nope", "basic": "Basic " + token, "prefix": "Bearer " + token[:10]} {
		a := call(t, "POST", hs.URL+"/v1/narrations", auth, "application/json", body)
		if a.code != 401 || a.hdr.Get("WWW-Authenticate") == "" || a.body["error"] == nil {
			t.Errorf("%s: %d %v", name, a.code, a.body)
		}
	}
	if a := call(t, "GET", hs.URL+"/v1/narrations/x", "", "", ""); a.code != 401 {
		t.Errorf("status without a token: %d", a.code)
	}
	if a := call(t, "GET", hs.URL+"/healthz", "", "", ""); a.code != 200 || a.body["status"] != "ok" {
		t.Errorf("healthz: %d %v", a.code, a.body)
	}
}

// TestBadRequests: every malformed or hostile body is refused with 4xx and
// a message saying what is wrong; nothing is queued.
func TestBadRequests(t *testing.T) {
	f := &fakeNarrator{}
	_, hs := newTestServer(t, Config{Narrator: f, MaxBody: 4096})
	tests := []struct {
		name, ctype, body string
		code              int
		want              string
	}{
		{"empty", "application/json", "", 400, "empty"},
		{"not JSON", "application/json", "url=https://example.com", 400, "not a narration request"},
		{"truncated", "application/json", `{"url":"https://exa`, 400, "not a narration request"},
		{"array", "application/json", `["https://example.com/a"]`, 400, "not a narration request"},
		{"unknown field", "application/json", `{"url":"https://example.com/a","colour":"red"}`, 400, `unknown field "colour"`},
		{"two values", "application/json", `{"url":"https://example.com/a"}{"url":"https://example.com/b"}`, 400, "more than one JSON value"},
		{"nothing", "application/json", `{"title":"Only a title"}`, 400, "nothing to narrate"},
		{"html without title", "application/json", `{"html":"<p>Hi</p>"}`, 400, "a title is needed"},
		{"both bodies", "application/json", `{"title":"T","html":"<p>a</p>","text":"a"}`, 400, "not both"},
		{"bad date", "application/json", `{"url":"https://example.com/a","published":"yesterday"}`, 400, "not a narration request"},
		{"file URL", "application/json", `{"url":"file:///etc/passwd"}`, 400, "only http and https"},
		{"loopback", "application/json", `{"url":"http://127.0.0.1:9000/admin"}`, 400, "loopback"},
		{"localhost", "application/json", `{"url":"http://localhost/admin"}`, 400, "loopback"},
		{"metadata", "application/json", `{"url":"http://169.254.169.254/latest/meta-data/"}`, 400, "link-local"},
		{"private", "application/json", `{"url":"http://10.0.0.8/"}`, 400, "private"},
		{"private v6", "application/json", `{"url":"http://[fd12::1]/"}`, 400, "private"},
		{"unknown voice", "application/json", `{"url":"https://example.com/a","voice":"unknown"}`, 400, "no such preset"},
		{"form", "application/x-www-form-urlencoded", `url=https://example.com/a`, 415, "Content-Type: application/json"},
		{"no type", "", `{"url":"https://example.com/a"}`, 415, "application/json"},
		{"huge", "application/json", `{"title":"T","text":"` + strings.Repeat("a", 5000) + `"}`, 413, "larger than 4096 bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := call(t, "POST", hs.URL+"/v1/narrations", "Bearer "+token, tc.ctype, tc.body)
			if a.code != tc.code || !strings.Contains(fmt.Sprint(a.body["error"]), tc.want) {
				t.Errorf("%d %v, want %d %q", a.code, a.body, tc.code, tc.want)
			}
		})
	}
	if a := call(t, "GET", hs.URL+"/v1/narrations/nope", "Bearer "+token, "", ""); a.code != 404 {
		t.Errorf("unknown job: %d", a.code)
	}
	if a := call(t, "DELETE", hs.URL+"/v1/narrations", "Bearer "+token, "", ""); a.code != 404 && a.code != 405 {
		t.Errorf("DELETE: %d", a.code)
	}
	// A refused request is never queued: nothing waits or runs now, and
	// the narrator saw nothing.
	if h := call(t, "GET", hs.URL+"/healthz", "", "", ""); h.body["queued"] != 0.0 || h.body["running"] != 0.0 {
		t.Errorf("after the refused requests: %v", h.body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.got) != 0 {
		t.Errorf("bad requests reached the narrator: %v", f.got)
	}
}

func TestAllowList(t *testing.T) {
	g, _ := source.NewGuard([]string{"10.0.0.0/8", "cms.internal"})
	_, hs := newTestServer(t, Config{Narrator: &fakeNarrator{}, Guard: g})
	for _, u := range []string{"http://10.0.0.8/story", "http://cms.internal/story"} {
		if a := post(t, hs.URL, `{"url":"`+u+`"}`); a.code != 202 {
			t.Errorf("%s: %d %v", u, a.code, a.body)
		}
	}
	if a := post(t, hs.URL, `{"url":"http://192.168.1.1/"}`); a.code != 400 {
		t.Errorf("a private address outside the allow-list: %d", a.code)
	}
}

// TestJobs runs jobs to completion and failure, and reads their status.
func TestJobs(t *testing.T) {
	f := &fakeNarrator{}
	_, hs := newTestServer(t, Config{Narrator: f, Workers: 2})
	a := post(t, hs.URL, `{"url":"https://example.com/a","voice":"en-espeak","section":"Sport"}`)
	if a.code != 202 || a.hdr.Get("Location") != "/v1/narrations/"+a.body["id"].(string) || a.body["status"] != "queued" {
		t.Fatalf("submit: %d %v %v", a.code, a.body, a.hdr)
	}
	done := waitStatus(t, hs.URL, a.body["id"].(string), Done)
	if m, _ := done.body["manifest"].(map[string]any); m["slug"] != "a-story" || done.body["result"] == nil || done.body["finished"] == nil {
		t.Errorf("done job %v", done.body)
	}
	b := post(t, hs.URL, `{"title":"Pasted","text":"First paragraph.\n\nSecond <b>paragraph</b>.","author":"Ana Ruiz","published":"2026-11-24T08:00:00Z"}`)
	waitStatus(t, hs.URL, b.body["id"].(string), Done)
	c := post(t, hs.URL, `{"url":"https://example.com/broken"}`)
	failed := waitStatus(t, hs.URL, c.body["id"].(string), Failed)
	if !strings.Contains(fmt.Sprint(failed.body["error"]), "no article text") {
		t.Errorf("failed job %v", failed.body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	e := f.got[1].Entry("id1")
	if e.Ref != "post:id1" || e.Title != "Pasted" || e.Content != "<p>First paragraph.</p>\n<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>\n" || e.Published.IsZero() {
		t.Errorf("pasted text as an entry: %+v", e)
	}
	if s := f.got[0].Entry("id0"); s.Ref != "https://example.com/a" || s.Sections[0] != "Sport" {
		t.Errorf("URL job as an entry: %+v", s)
	}
}

// TestQueueFull: with one worker busy and a queue of two, the fourth job
// is refused with 429 and Retry-After.
func TestQueueFull(t *testing.T) {
	f := &fakeNarrator{release: make(chan struct{}), started: make(chan string, 10)}
	_, hs := newTestServer(t, Config{Narrator: f, QueueSize: 2})
	first := post(t, hs.URL, `{"url":"https://example.com/1"}`)
	<-f.started // the worker holds job 1
	for i := 2; i <= 3; i++ {
		if a := post(t, hs.URL, fmt.Sprintf(`{"url":"https://example.com/%d"}`, i)); a.code != 202 {
			t.Fatalf("job %d: %d", i, a.code)
		}
	}
	a := post(t, hs.URL, `{"url":"https://example.com/4"}`)
	if a.code != 429 || a.hdr.Get("Retry-After") == "" || !strings.Contains(fmt.Sprint(a.body["error"]), "queue is full") {
		t.Errorf("fourth job: %d %v", a.code, a.body)
	}
	if h := call(t, "GET", hs.URL+"/healthz", "", "", ""); h.body["queued"] != 2.0 || h.body["running"] != 1.0 {
		t.Errorf("healthz %v", h.body)
	}
	close(f.release)
	waitStatus(t, hs.URL, first.body["id"].(string), Done)
}

// TestShutdown: the running job finishes within the grace period, jobs
// still queued are kept in the queue file, and the next server runs them.
func TestShutdown(t *testing.T) {
	queueFile := filepath.Join(t.TempDir(), "queue.json")
	f := &fakeNarrator{release: make(chan struct{}), started: make(chan string, 10)}
	s, hs := newTestServer(t, Config{Narrator: f, QueueFile: queueFile})
	running := post(t, hs.URL, `{"url":"https://example.com/running"}`)
	<-f.started
	post(t, hs.URL, `{"url":"https://example.com/waiting-1"}`)
	post(t, hs.URL, `{"title":"Waiting","html":"<p>two</p>"}`)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Shutdown(ctx) }()
	waitClosed(t, s)
	close(f.release) // the running job ends within the grace period
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	status := s.jobs[running.body["id"].(string)].Status
	s.mu.Unlock()
	if status != Done {
		t.Errorf("the running job ended %s, want done", status)
	}
	if a := post(t, hs.URL, `{"url":"https://example.com/late"}`); a.code != 503 {
		t.Errorf("a job after shutdown: %d", a.code)
	}
	data, err := os.ReadFile(queueFile)
	if err != nil || strings.Count(string(data), `"id"`) != 2 || !strings.Contains(string(data), "waiting-1") {
		t.Fatalf("queue file %s: %v", data, err)
	}

	f2 := &fakeNarrator{}
	_, hs2 := newTestServer(t, Config{Narrator: f2, QueueFile: queueFile})
	var kept []spooled
	json.Unmarshal(data, &kept)
	for _, k := range kept {
		waitStatus(t, hs2.URL, k.ID, Done)
	}
	if _, err := os.Stat(queueFile); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the queue file is still there after the restart: %v", err)
	}
}

// TestShutdownGraceOver: a job still running when the grace period ends is
// cut short and kept for the next start.
func TestShutdownGraceOver(t *testing.T) {
	queueFile := filepath.Join(t.TempDir(), "queue.json")
	f := &fakeNarrator{release: make(chan struct{}), started: make(chan string, 10)}
	s, hs := newTestServer(t, Config{Narrator: f, QueueFile: queueFile})
	post(t, hs.URL, `{"url":"https://example.com/slow"}`)
	<-f.started
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := s.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(queueFile)
	if !strings.Contains(string(data), "example.com/slow") {
		t.Errorf("the job cut short was not kept: %q", data)
	}
}

func TestDamagedQueueFile(t *testing.T) {
	queueFile := filepath.Join(t.TempDir(), "queue.json")
	os.WriteFile(queueFile, []byte("{not json"), 0o600)
	s, _ := New(Config{Token: token, Narrator: &fakeNarrator{}, QueueFile: queueFile})
	if err := s.Start(context.Background()); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("damaged queue file: %v", err)
	}
}

// TestKeptQueueLargerThanQueueSize: a restart never refuses the jobs the
// last shutdown kept, however many; new jobs wait until fewer than
// queue_size are left.
func TestKeptQueueLargerThanQueueSize(t *testing.T) {
	queueFile := filepath.Join(t.TempDir(), "queue.json")
	var kept []spooled
	for i := range 7 {
		kept = append(kept, spooled{ID: fmt.Sprintf("kept%02d", i), Created: time.Now().UTC(), Request: Request{URL: fmt.Sprintf("https://example.com/%d", i)}})
	}
	data, _ := json.Marshal(kept)
	os.WriteFile(queueFile, data, 0o600)
	f := &fakeNarrator{release: make(chan struct{}), started: make(chan string, 10)}
	_, hs := newTestServer(t, Config{Narrator: f, QueueFile: queueFile, QueueSize: 3, Workers: 1})
	<-f.started // one runs, six wait: more than the queue size
	if a := post(t, hs.URL, `{"url":"https://example.com/new"}`); a.code != 429 {
		t.Errorf("a new job while the kept ones exceed the queue: %d", a.code)
	}
	go func() {
		for range f.started {
		}
	}()
	close(f.release)
	for _, k := range kept {
		waitStatus(t, hs.URL, k.ID, Done)
	}
	if a := post(t, hs.URL, `{"url":"https://example.com/new"}`); a.code != 202 {
		t.Errorf("a new job once the kept ones ran: %d", a.code)
	}
}

// TestGracePeriodAnswers: while the running job finishes, the API still
// answers: a new job gets 503, /healthz says it is shutting down (503),
// and the running job's status can be read.
func TestGracePeriodAnswers(t *testing.T) {
	f := &fakeNarrator{release: make(chan struct{}), started: make(chan string, 10)}
	s, hs := newTestServer(t, Config{Narrator: f, QueueFile: filepath.Join(t.TempDir(), "queue.json")})
	running := post(t, hs.URL, `{"url":"https://example.com/running"}`)
	<-f.started
	done := make(chan error, 1)
	go func() { done <- s.Shutdown(context.Background()) }()
	waitClosed(t, s)
	if a := post(t, hs.URL, `{"url":"https://example.com/late"}`); a.code != 503 {
		t.Errorf("a job during the grace period: %d %v", a.code, a.body)
	}
	resp, err := http.Get(hs.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 503 {
		t.Errorf("healthz during the grace period: %d", resp.StatusCode)
	}
	if a := call(t, "GET", hs.URL+"/v1/narrations/"+running.body["id"].(string), "Bearer "+token, "", ""); a.body["status"] != string(Running) {
		t.Errorf("the running job's status during the grace period: %v", a.body)
	}
	close(f.release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// waitClosed waits until a Shutdown begun in another goroutine has
// stopped taking jobs.
func waitClosed(t *testing.T, s *Server) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		closed := s.closed
		s.mu.Unlock()
		if closed {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("Shutdown did not stop taking jobs")
		}
		runtime.Gosched()
	}
}
