package speechtest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/retry"
)

// Service is a fake text-to-speech service for a backend's tests.
type Service struct {
	// Check verifies a request as the real service documents it (method,
	// path, query, headers, auth, body) and reports what is wrong with
	// t.Error.
	Check func(t *testing.T, r *http.Request, body []byte)
	// Good answers a request the way the service does when it succeeds.
	Good http.HandlerFunc
	// The service's documented failures, in its own error format: invalid
	// input (or SSML), bad credentials, quota exceeded (a 429 that must say
	// Retry-After: 7), a server error.
	BadInput, BadKey, Quota, Server http.HandlerFunc
	// Secret is the credential the backend is given; it must appear in no
	// error.
	Secret string
}

// Fake serves a Service and counts its requests. Queue answers the next
// requests with the given handlers before Good answers again.
type Fake struct {
	*httptest.Server
	mu    sync.Mutex
	queue []http.HandlerFunc
	hits  int
}

// Queue sets the answers to the next requests.
func (f *Fake) Queue(h ...http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.queue, f.hits = h, 0
}

// Hits is how many requests arrived since the last Queue.
func (f *Fake) Hits() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits
}

// Start serves svc on 127.0.0.1 until the test ends.
func Start(t *testing.T, svc Service) *Fake {
	t.Helper()
	f := &Fake{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			t.Errorf("reading the request: %v", err)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		svc.Check(t, r, body)
		f.mu.Lock()
		f.hits++
		var h http.HandlerFunc = svc.Good
		if len(f.queue) > 0 {
			h, f.queue = f.queue[0], f.queue[1:]
		}
		f.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

// RunHTTP runs the conformance suite on the backend newSyn builds for the
// fake service's URL, then shows the runner's behaviour on each of the
// service's failures: what is retried, how often, after how long, and that
// the service's message reaches the user without the secret.
func RunHTTP(t *testing.T, svc Service, newSyn func(baseURL string) speech.Synthesizer) {
	t.Helper()
	f := Start(t, svc)
	syn := newSyn(f.URL)
	Run(t, syn)

	notAudio := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, "<html>captive portal</html>")
	}
	empty := func(w http.ResponseWriter, r *http.Request) {
		svc.Good(&emptyBody{ResponseWriter: w}, r)
	}
	cases := []struct {
		name     string
		answers  []http.HandlerFunc
		hits     int
		err      string // in the final error; "" means audio in the end
		waitedAt time.Duration
	}{
		{name: "invalid input fails fast", answers: []http.HandlerFunc{svc.BadInput}, hits: 1, err: "HTTP 400"},
		{name: "bad credentials fail fast", answers: []http.HandlerFunc{svc.BadKey}, hits: 1, err: "HTTP 40"},
		{name: "quota exceeded waits Retry-After", answers: []http.HandlerFunc{svc.Quota}, hits: 2, waitedAt: 7 * time.Second},
		{name: "server error retried", answers: []http.HandlerFunc{svc.Server, svc.Server}, hits: 3},
		{name: "server error gives up", answers: []http.HandlerFunc{svc.Server, svc.Server, svc.Server}, hits: 3, err: "giving up after 3 attempts"},
		{name: "not audio retried once", answers: []http.HandlerFunc{notAudio}, hits: 2},
		{name: "not audio twice fails", answers: []http.HandlerFunc{notAudio, empty}, hits: 2, err: "twice in a row"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var waits []time.Duration
			r := retry.New(syn, retry.Options{Attempts: 3, Sleep: func(ctx context.Context, d time.Duration) error {
				waits = append(waits, d)
				return nil
			}})
			f.Queue(tc.answers...)
			a, err := r.Synthesize(context.Background(), speech.Request{Text: "The council met on Tuesday.", Language: "en-US"})
			if f.Hits() != tc.hits {
				t.Errorf("the service got %d requests, want %d", f.Hits(), tc.hits)
			}
			if tc.waitedAt > 0 && (len(waits) == 0 || waits[0] != tc.waitedAt) {
				t.Errorf("waited %v, want %s first (the answer's Retry-After)", waits, tc.waitedAt)
			}
			if svc.Secret != "" && err != nil && strings.Contains(err.Error(), svc.Secret) {
				t.Errorf("the error shows the secret: %v", err)
			}
			if tc.err == "" {
				if err != nil || len(a.Data) == 0 {
					t.Fatalf("got %d bytes, %v; want audio", len(a.Data), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Fatalf("err %v, want %q", err, tc.err)
			}
			if strings.HasPrefix(tc.name, "invalid") || strings.HasPrefix(tc.name, "bad") {
				var se *speech.StatusError
				if !errors.As(err, &se) || se.Message == "" {
					t.Errorf("%v: want the service's own message", err)
				}
			}
		})
	}
}

// emptyBody passes headers and status through and drops the body: an
// answer cut off before its first byte.
type emptyBody struct{ http.ResponseWriter }

func (e *emptyBody) Write(b []byte) (int, error) { return len(b), nil }
