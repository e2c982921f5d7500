package narrate_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/narrate"
)

// TestEstimateMatchesRun: the estimate, made without calling the voice,
// counts the characters, requests and cost the run then bills; a bad
// entry is an error of its own; after the run every article is
// unchanged and costs nothing.
func TestEstimateMatchesRun(t *testing.T) {
	voice := newSlowVoice(t, 0, 4)
	o, _ := options(t, voice, 2)
	o.PricePerMillionChars = 16 // Polly neural's list price, say
	ctx := context.Background()
	es := entries(3, "https://news.example.com/bad")
	per, total, err := narrate.EstimateCost(ctx, o, es)
	if err == nil || !strings.Contains(err.Error(), "1 of 4") {
		t.Fatalf("the bad entry: %v", err)
	}
	if voice.requests.Load() != 0 {
		t.Fatalf("the estimate called the voice %d times", voice.requests.Load())
	}
	if len(per) != 4 || per[3].Error == "" || per[0].Chars == 0 || per[0].Chunks == 0 {
		t.Fatalf("estimates %+v", per)
	}
	results, _ := narrate.Run(ctx, o, es)
	billed, requests, cost := 0, 0, 0.0
	for _, r := range results {
		billed += r.BilledChars
		requests += r.Requests
		cost += r.CostUSD
	}
	if total.BilledChars != billed || total.Requests != requests || int64(voice.requests.Load()) != int64(requests) {
		t.Errorf("estimated %d chars in %d requests; the run billed %d in %d (voice saw %d)",
			total.BilledChars, total.Requests, billed, requests, voice.requests.Load())
	}
	if math.Abs(total.CostUSD-cost) > 1e-9 || math.Abs(total.CostUSD-float64(billed)*16/1e6) > 1e-9 {
		t.Errorf("estimated $%.6f; the run cost $%.6f", total.CostUSD, cost)
	}
	_, after, err := narrate.EstimateCost(ctx, o, entries(3))
	if err != nil || after.BilledChars != 0 || after.CostUSD != 0 {
		t.Errorf("after the run: %+v, %v", after, err)
	}
}
