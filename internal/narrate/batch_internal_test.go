package narrate

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/feed"
)

// TestBatchHandsOnce: of many articles finishing at once, exactly one
// gets each fifty episodes to write, and no episode is handed out twice
// or lost; a queue older than the interval is handed out at the next one.
func TestBatchHandsOnce(t *testing.T) {
	const workers, each = 8, 1000
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	b := &batch{}
	var mu sync.Mutex
	seen := map[string]int{}
	var sizes []int
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				eps := b.add(feed.Episode{GUID: fmt.Sprintf("%d-%d", w, i)}, now)
				if eps == nil {
					continue
				}
				mu.Lock()
				sizes = append(sizes, len(eps))
				for _, ep := range eps {
					seen[ep.GUID]++
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	for _, n := range sizes {
		if n != flushEpisodes {
			t.Fatalf("handed out batches of %v episodes, want each %d", sizes, flushEpisodes)
		}
	}
	for _, ep := range b.pending {
		seen[ep.GUID]++
	}
	if len(seen) != workers*each {
		t.Fatalf("%d episodes accounted for, want %d", len(seen), workers*each)
	}
	for g, n := range seen {
		if n != 1 {
			t.Fatalf("episode %s handed out %d times", g, n)
		}
	}

	b = &batch{}
	if eps := b.add(feed.Episode{GUID: "a"}, now); eps != nil {
		t.Fatalf("first episode handed out at once: %v", eps)
	}
	if eps := b.add(feed.Episode{GUID: "b"}, now.Add(flushInterval)); len(eps) != 2 {
		t.Fatalf("after %v: handed out %d episodes, want both", flushInterval, len(eps))
	}
	if eps := b.add(feed.Episode{GUID: "c"}, now.Add(flushInterval+time.Second)); eps != nil {
		t.Fatalf("a second after a write: handed out %v", eps)
	}
}
