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
	Voice        string  `json:"voice,omitempty"`
	CostUSD      float64 `json:"cost_usd"`
	Error        string  `json:"error,omitempty"`
}

// cacheChecker is a voice whose segment cache can tell whether it holds a
// chunk (the speech/cache wrapper).
type cacheChecker interface {
	Has(ctx context.Context, r speech.Request) bool
}

// EstimateCost reads and scripts every entry as Run would, and counts
// characters, requests and cost at the price of the voice of each
// article's language, calling no voice. Articles Run would skip as unchanged cost nothing; chunks the
// segment cache holds are counted apart. The total is the last element's
// sum, returned separately.
func EstimateCost(ctx context.Context, o Options, entries []source.Entry) ([]Estimate, Estimate, error) {
	cat, _, err := feed.LoadCatalog(ctx, o.Store)
	if err != nil {
		return nil, Estimate{}, err
	}
	b := &batch{claimed: map[string]string{}, cat: cat}
	total := Estimate{Input: "total"}
	var out []Estimate
	failed := 0
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return out, total, err
		}
		est := Estimate{Input: e.Ref}
		a, err := o.Loader.LoadEntry(ctx, e)
		var v Voice
		if err == nil {
			v, err = o.voice(a.Language)
			est.Voice = v.Name
		}
		if err == nil {
			est.Title = a.Title
			if _, ok := unchanged(ctx, o, b, b.identity(a), a.ContentHash(), v.Name); ok && !o.Force {
				est.Skipped = true
				out = append(out, est)
				continue
			}
			var reqs []speech.Request
			sc, serr := buildScript(v, a)
			err = serr
			if err == nil {
				reqs = Requests(sc)
			}
			est.Chunks, est.Chars = len(sc.Chunks), sc.Chars()
			cc, _ := v.Synth.(cacheChecker)
			lim := v.Synth.Limits()
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
		est.CostUSD = float64(est.BilledChars) * v.PricePerMillionChars / 1e6
		total.Chunks += est.Chunks
		total.Chars += est.Chars
		total.BilledChars += est.BilledChars
		total.Requests += est.Requests
		total.CachedChunks += est.CachedChunks
		out = append(out, est)
	}
	for _, e := range out {
		total.CostUSD += e.CostUSD
	}
	if failed > 0 {
		return out, total, fmt.Errorf("%w: %d of %d articles could not be read or scripted", ErrFailed, failed, len(entries))
	}
	return out, total, nil
}
