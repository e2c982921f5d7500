package narrate

import (
	"context"
	"fmt"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/speech"
)

// Estimate is what narrating an article would take and cost, found without
// calling the voice: its script, counted the way the voice bills.
type Estimate struct {
	Input        string  `json:"input"`
	Title        string  `json:"title,omitempty"`
	Chunks       int     `json:"chunks"`
	Chars        int     `json:"chars"`         // characters in the script
	BilledChars  int     `json:"billed_chars"`  // what the voice would bill, cached chunks aside
	Requests     int     `json:"requests"`      // requests to the voice (chunks not cached), retries aside
	CachedChunks int     `json:"cached_chunks"` // chunks the segment cache already holds
	Skipped      bool    `json:"skipped,omitempty"`
	CostUSD      float64 `json:"cost_usd"`
	Error        string  `json:"error,omitempty"`
}

// cacheChecker is a voice whose segment cache can tell whether it holds a
// chunk (the speech/cache wrapper).
type cacheChecker interface {
	Has(ctx context.Context, r speech.Request) bool
}

// EstimateCost reads and scripts every entry as Run would, and counts
// characters, requests and cost at o.PricePerMillionChars, calling no
// voice. Articles Run would skip as unchanged cost nothing; chunks the
// segment cache holds are counted apart. The total is the last element's
// sum, returned separately.
func EstimateCost(ctx context.Context, o Options, entries []source.Entry) ([]Estimate, Estimate, error) {
	cat, _, err := feed.LoadCatalog(ctx, o.Store)
	if err != nil {
		return nil, Estimate{}, err
	}
	b := &batch{claimed: map[string]string{}, cat: cat}
	cc, _ := o.Synth.(cacheChecker)
	lim := o.Synth.Limits()
	total := Estimate{Input: "total"}
	var out []Estimate
	failed := 0
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return out, total, err
		}
		est := Estimate{Input: e.Ref}
		a, err := o.Loader.LoadEntry(ctx, e)
		if err == nil {
			est.Title = a.Title
			if _, ok := unchanged(ctx, o, b, GUID(a), a.ContentHash()); ok && !o.Force {
				est.Skipped = true
				out = append(out, est)
				continue
			}
			var reqs []speech.Request
			sc, serr := BuildScript(o, a)
			err = serr
			if err == nil {
				reqs = Requests(sc)
			}
			est.Chunks, est.Chars = len(sc.Chunks), sc.Chars()
			for _, r := range reqs {
				if cc != nil && cc.Has(ctx, r) {
					est.CachedChunks++
					continue
				}
				est.Requests++
				est.BilledChars += lim.Billed(r)
			}
		}
		if err != nil {
			est.Error = err.Error()
			failed++
		}
		est.CostUSD = float64(est.BilledChars) * o.PricePerMillionChars / 1e6
		total.Chunks += est.Chunks
		total.Chars += est.Chars
		total.BilledChars += est.BilledChars
		total.Requests += est.Requests
		total.CachedChunks += est.CachedChunks
		out = append(out, est)
	}
	total.CostUSD = float64(total.BilledChars) * o.PricePerMillionChars / 1e6
	if failed > 0 {
		return out, total, fmt.Errorf("%w: %d of %d articles could not be read or scripted", ErrFailed, failed, len(entries))
	}
	return out, total, nil
}
