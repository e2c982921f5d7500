package limit

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
)

type slow struct {
	delay     time.Duration
	now, most atomic.Int32
	mu        sync.Mutex
	starts    []time.Time
}

func (s *slow) Name() string          { return "slow" }
func (s *slow) Limits() speech.Limits { return speech.Limits{MaxChars: 100} }
func (s *slow) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	s.mu.Lock()
	s.starts = append(s.starts, time.Now())
	s.mu.Unlock()
	n := s.now.Add(1)
	defer s.now.Add(-1)
	for {
		m := s.most.Load()
		if n <= m || s.most.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(s.delay)
	return speech.Audio{Format: speech.MP3, Data: []byte{1}}, nil
}

func run(t *testing.T, syn speech.Synthesizer, n int) {
	t.Helper()
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := syn.Synthesize(context.Background(), speech.Request{Text: "x"}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
}

func TestConcurrency(t *testing.T) {
	for _, n := range []int{1, 3, 8} {
		next := &slow{delay: 10 * time.Millisecond}
		l := New(next, n, 0, 1)
		run(t, l, 40)
		if got := int(next.most.Load()); got != n {
			t.Errorf("limit %d: %d requests were in flight at once", n, got)
		}
		if l.MaxInFlight() != n || l.Limits().Concurrency != n {
			t.Errorf("limit %d: MaxInFlight %d, Limits().Concurrency %d", n, l.MaxInFlight(), l.Limits().Concurrency)
		}
	}
}

func TestRate(t *testing.T) {
	// 20 per second with bursts of 2: 12 requests need at least
	// (12-2)/20 = 0.5 s, and no 1-second window holds more than 22 starts.
	next := &slow{}
	l := New(next, 16, 20, 2)
	start := time.Now()
	run(t, l, 12)
	if took := time.Since(start); took < 480*time.Millisecond {
		t.Errorf("12 requests at 20/s (burst 2) took %s, want at least 0.5 s", took)
	}
	// Between the first and the last start, at least (n-burst)/rate passed.
	next.mu.Lock()
	defer next.mu.Unlock()
	first, last := next.starts[0], next.starts[0]
	for _, s := range next.starts {
		first, last = minTime(first, s), maxTime(last, s)
	}
	if span := last.Sub(first); span < 480*time.Millisecond {
		t.Errorf("starts spanned %s, want at least 0.5 s", span)
	}
}

func TestCancelWhileWaiting(t *testing.T) {
	next := &slow{delay: time.Second}
	l := New(next, 1, 0, 1)
	go l.Synthesize(context.Background(), speech.Request{Text: "x"})
	time.Sleep(20 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := l.Synthesize(ctx, speech.Request{Text: "y"}); err != context.DeadlineExceeded {
		t.Fatalf("err %v, want the context's", err)
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
