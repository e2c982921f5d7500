// Package limit wraps a speech.Synthesizer so that at most a set number of
// requests are in flight at once and no more than a set number start per
// second (a token bucket), whatever number of articles and chunks ask at
// once. One limiter per backend is shared by everything that speaks through
// it in a run.
package limit

import (
	"context"
	"sync"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Synthesizer is a limited speech.Synthesizer.
type Synthesizer struct {
	next speech.Synthesizer
	sem  chan struct{}

	mu      sync.Mutex
	rate    float64 // tokens per second; 0 means no rate limit
	burst   float64
	tokens  float64
	last    time.Time
	now     func() time.Time
	inUse   int
	maxUsed int
}

var _ speech.Synthesizer = (*Synthesizer)(nil)

// New wraps next: concurrency requests at once (at least 1), ratePerSecond
// starts per second (0 for no limit) with bursts of up to burst requests
// (at least 1).
func New(next speech.Synthesizer, concurrency int, ratePerSecond float64, burst int) *Synthesizer {
	concurrency = max(concurrency, 1)
	burst = max(burst, 1)
	return &Synthesizer{next: next, sem: make(chan struct{}, concurrency),
		rate: ratePerSecond, burst: float64(burst), tokens: float64(burst), now: time.Now}
}

// Name is the wrapped backend's.
func (s *Synthesizer) Name() string { return s.next.Name() }

// Limits are the wrapped backend's, with the concurrency this limiter allows.
func (s *Synthesizer) Limits() speech.Limits {
	l := s.next.Limits()
	l.Concurrency = cap(s.sem)
	return l
}

// MaxInFlight is the most requests that were in flight at once.
func (s *Synthesizer) MaxInFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxUsed
}

// Synthesize waits for a slot and a token, then asks the backend.
func (s *Synthesizer) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return speech.Audio{}, ctx.Err()
	}
	defer func() { <-s.sem }()
	if err := s.take(ctx); err != nil {
		return speech.Audio{}, err
	}
	s.mu.Lock()
	s.inUse++
	s.maxUsed = max(s.maxUsed, s.inUse)
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inUse--
		s.mu.Unlock()
	}()
	return s.next.Synthesize(ctx, r)
}

// take waits for a token of the bucket. A waiting caller reserves its token
// (the count goes below zero), so callers are served in order.
func (s *Synthesizer) take(ctx context.Context) error {
	if s.rate <= 0 {
		return nil
	}
	s.mu.Lock()
	now := s.now()
	if !s.last.IsZero() {
		s.tokens = min(s.burst, s.tokens+now.Sub(s.last).Seconds()*s.rate)
	}
	s.last = now
	s.tokens--
	wait := time.Duration(0)
	if s.tokens < 0 {
		wait = time.Duration(-s.tokens / s.rate * float64(time.Second))
	}
	s.mu.Unlock()
	if wait == 0 {
		return nil
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		s.tokens++ // give the reservation back
		s.mu.Unlock()
		return ctx.Err()
	}
}
