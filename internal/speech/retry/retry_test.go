package retry

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
)

// scripted answers each call with the next of its answers; a nil error
// answers audio.
type scripted struct {
	answers []error
	calls   atomic.Int32
	block   bool // wait for the context instead of answering
}

func (s *scripted) Name() string          { return "scripted" }
func (s *scripted) Limits() speech.Limits { return speech.Limits{MaxChars: 100} }
func (s *scripted) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	n := int(s.calls.Add(1)) - 1
	if s.block {
		<-ctx.Done()
		return speech.Audio{}, ctx.Err()
	}
	if n < len(s.answers) && s.answers[n] != nil {
		return speech.Audio{}, s.answers[n]
	}
	// The answer grows with each call, so a validator can refuse the first ones.
	return speech.Audio{Format: speech.MP3, Data: []byte(strings.Repeat("x", n+1))}, nil
}

var errBadAudio = errors.New("bad")

func TestRetry(t *testing.T) {
	status := func(code int) error {
		return speech.FromStatus(&speech.StatusError{Backend: "x", Status: code, Message: "m"}, nil, time.Now())
	}
	rl := func(d time.Duration) error {
		return &speech.RateLimitError{RetryAfter: d, Err: errors.New("slow down")}
	}
	tests := []struct {
		name     string
		answers  []error
		badFirst int // this many answers fail validation
		calls    int
		waits    int
		err      string
		minWait  time.Duration
	}{
		{name: "first try", calls: 1},
		{name: "429 honours Retry-After", answers: []error{rl(3 * time.Second)}, calls: 2, waits: 1, minWait: 3 * time.Second},
		{name: "5xx backs off", answers: []error{status(500), status(503)}, calls: 3, waits: 2},
		{name: "401 fails fast", answers: []error{status(401)}, calls: 1, err: "HTTP 401"},
		{name: "400 fails fast", answers: []error{status(400)}, calls: 1, err: "HTTP 400"},
		{name: "network error retried", answers: []error{errors.New("connection reset")}, calls: 2, waits: 1},
		{name: "gives up", answers: []error{status(500), status(500), status(500)}, calls: 3, waits: 2, err: "giving up after 3 attempts"},
		{name: "Retry-After longer than Max", answers: []error{rl(time.Hour)}, calls: 1, err: "asks to wait 1h0m0s"},
		{name: "bad answer retried once", badFirst: 1, calls: 2, waits: 1},
		{name: "bad answer twice fails", badFirst: 2, calls: 2, waits: 1, err: "twice in a row"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			next := &scripted{answers: tc.answers}
			var waits []time.Duration
			s := New(next, Options{Attempts: 3, Base: 100 * time.Millisecond, Max: time.Minute,
				Validate: func(r speech.Request, a speech.Audio) error {
					if len(a.Data) <= tc.badFirst {
						return errBadAudio
					}
					return nil
				},
				Sleep: func(ctx context.Context, d time.Duration) error { waits = append(waits, d); return nil }})
			a, err := s.Synthesize(context.Background(), speech.Request{Text: "hi"})
			if got := int(next.calls.Load()); got != tc.calls {
				t.Errorf("%d calls, want %d", got, tc.calls)
			}
			if len(waits) != tc.waits {
				t.Errorf("waited %v, want %d waits", waits, tc.waits)
			}
			if tc.minWait > 0 && (len(waits) == 0 || waits[0] < tc.minWait) {
				t.Errorf("waited %v, want at least %s", waits, tc.minWait)
			}
			for i, w := range waits {
				if tc.minWait == 0 && (w < 50*time.Millisecond<<i || w > 100*time.Millisecond<<i) {
					t.Errorf("wait %d is %s, want within [%s, %s]", i, w, 50*time.Millisecond<<i, 100*time.Millisecond<<i)
				}
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.Attempts != tc.calls {
				t.Errorf("Attempts %d, want %d", a.Attempts, tc.calls)
			}
		})
	}
}

func TestRetryTimeout(t *testing.T) {
	next := &scripted{block: true}
	s := New(next, Options{Attempts: 2, Timeout: 20 * time.Millisecond,
		Sleep: func(context.Context, time.Duration) error { return nil }})
	_, err := s.Synthesize(context.Background(), speech.Request{Text: "hi"})
	if err == nil || !strings.Contains(err.Error(), "no answer within 20ms") || next.calls.Load() != 2 {
		t.Fatalf("err %v after %d calls, want a timeout after 2", err, next.calls.Load())
	}
}

func TestRetryCancelled(t *testing.T) {
	next := &scripted{answers: []error{errors.New("boom"), errors.New("boom")}}
	ctx, cancel := context.WithCancel(context.Background())
	s := New(next, Options{Base: time.Hour, Max: time.Hour})
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	_, err := s.Synthesize(ctx, speech.Request{Text: "hi"})
	if !errors.Is(err, context.Canceled) || next.calls.Load() != 1 {
		t.Fatalf("err %v after %d calls, want context.Canceled after 1", err, next.calls.Load())
	}
}
