// Package retry wraps a speech.Synthesizer so that a request that fails for
// a passing reason (a rate limit, a server error, a timeout, an answer that
// is not the audio asked for) is tried again with exponential backoff and
// jitter, honouring the service's Retry-After. A request the service refuses
// for good (bad input, bad credentials: speech.Permanent) fails at once with
// the service's message. Backends hold no retry loop of their own.
package retry

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Options shape the retries.
type Options struct {
	Attempts int           // most requests per chunk, the first included; default 5
	Base     time.Duration // first backoff; default 500ms, doubling each time
	Max      time.Duration // longest backoff, and longest Retry-After honoured; default 1 minute
	Timeout  time.Duration // per request; default 2 minutes
	// Validate checks an answer before it is accepted (format, decodable,
	// not empty). A bad answer is tried again once, then is an error.
	Validate func(speech.Request, speech.Audio) error
	// OnRetry, when set, is told about each failure that will be retried.
	OnRetry func(attempt int, wait time.Duration, err error)
	// Sleep waits; tests replace it. Default: a timer that ctx can cut.
	Sleep func(ctx context.Context, d time.Duration) error
}

// Synthesizer is a retrying speech.Synthesizer.
type Synthesizer struct {
	next speech.Synthesizer
	o    Options
}

var _ speech.Synthesizer = (*Synthesizer)(nil)

// New wraps next.
func New(next speech.Synthesizer, o Options) *Synthesizer {
	if o.Attempts <= 0 {
		o.Attempts = 5
	}
	if o.Base <= 0 {
		o.Base = 500 * time.Millisecond
	}
	if o.Max <= 0 {
		o.Max = time.Minute
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	return &Synthesizer{next: next, o: o}
}

// Name is the wrapped backend's.
func (s *Synthesizer) Name() string { return s.next.Name() }

// Limits are the wrapped backend's.
func (s *Synthesizer) Limits() speech.Limits { return s.next.Limits() }

// Synthesize asks the backend until it answers, the error is permanent, the
// attempts run out, or ctx ends.
func (s *Synthesizer) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	bad := 0
	for attempt := 1; ; attempt++ {
		a, err := s.once(ctx, r)
		if err == nil {
			a.Attempts = attempt
			return a, nil
		}
		if ctx.Err() != nil {
			return speech.Audio{}, ctx.Err()
		}
		if speech.IsPermanent(err) {
			return speech.Audio{}, err
		}
		if errors.Is(err, speech.ErrBadAudio) {
			if bad++; bad > 1 {
				return speech.Audio{}, speech.Permanent(fmt.Errorf("%w (twice in a row)", err))
			}
		}
		if attempt >= s.o.Attempts {
			return speech.Audio{}, fmt.Errorf("giving up after %d attempts: %w", attempt, err)
		}
		wait := s.backoff(attempt)
		var rl *speech.RateLimitError
		if errors.As(err, &rl) && rl.RetryAfter > 0 {
			if rl.RetryAfter > s.o.Max {
				return speech.Audio{}, fmt.Errorf("the service asks to wait %s, longer than %s: %w", rl.RetryAfter, s.o.Max, err)
			}
			wait = rl.RetryAfter
		}
		if s.o.OnRetry != nil {
			s.o.OnRetry(attempt, wait, err)
		}
		if err := s.o.Sleep(ctx, wait); err != nil {
			return speech.Audio{}, err
		}
	}
}

// once makes one request under the per-request timeout and checks the answer.
func (s *Synthesizer) once(ctx context.Context, r speech.Request) (speech.Audio, error) {
	rctx, cancel := context.WithTimeout(ctx, s.o.Timeout)
	defer cancel()
	a, err := s.next.Synthesize(rctx, r)
	if err != nil {
		if ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
			return a, fmt.Errorf("no answer within %s: %w", s.o.Timeout, err)
		}
		return a, err
	}
	if s.o.Validate != nil {
		if err := s.o.Validate(r, a); err != nil {
			return speech.Audio{}, fmt.Errorf("%s: %w: %w", s.next.Name(), speech.ErrBadAudio, err)
		}
	}
	return a, nil
}

// backoff is Base × 2^(attempt-1), at most Max, with full jitter in its
// upper half so that many workers do not retry in step.
func (s *Synthesizer) backoff(attempt int) time.Duration {
	d := s.o.Base << min(attempt-1, 20)
	if d > s.o.Max || d <= 0 {
		d = s.o.Max
	}
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
