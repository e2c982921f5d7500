// Package ui renders narrate's events: a progress line on a terminal, plain
// log lines otherwise, JSON lines with --json. Results go to out (stdout),
// progress and diagnostics to errOut (stderr).
package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/aloud-dev/aloud/internal/narrate"
)

// Mode picks how progress is shown.
type Mode int

// Modes.
const (
	Plain    Mode = iota // log lines on errOut, a result line per article on out
	Terminal             // a live progress line on errOut
	JSON                 // one JSON object per article on out, nothing else
	Quiet                // a result line per article on out, no progress
)

// Reporter renders events. It is safe for concurrent use.
type Reporter struct {
	mode   Mode
	out    io.Writer
	errOut io.Writer
	log    *slog.Logger
	mu     sync.Mutex
	term   *terminal // Terminal mode's bars
}

var _ narrate.Reporter = (*Reporter)(nil)

// New returns a reporter writing results to out and progress to errOut.
func New(mode Mode, out, errOut io.Writer) *Reporter {
	r := &Reporter{mode: mode, out: out, errOut: errOut,
		log: slog.New(slog.NewTextHandler(errOut, &slog.HandlerOptions{Level: slog.LevelInfo}))}
	if mode == Terminal {
		r.term = newTerminal(errOut, out)
	}
	return r
}

// Report renders one event.
func (r *Reporter) Report(e narrate.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch r.mode {
	case JSON:
		switch {
		case e.Result != nil:
			b, _ := json.Marshal(e.Result)
			fmt.Fprintf(r.out, "%s\n", b)
		case e.Summary != nil:
			b, _ := json.Marshal(struct {
				Summary *narrate.Summary `json:"summary"`
			}{e.Summary})
			fmt.Fprintf(r.out, "%s\n", b)
		}
	case Quiet:
		writeResult(r.out, r.errOut, e)
	case Terminal:
		r.term.report(r, e)
	default:
		r.plain(e)
	}
}

func (r *Reporter) plain(e narrate.Event) {
	switch e.Stage {
	case narrate.StageBatch:
		if e.Total > 1 {
			r.log.Info("batch", "articles", e.Total)
		}
	case narrate.StageSynthesize:
		if e.Done == 0 {
			r.log.Info("synthesizing", "input", e.Input, "chunks", e.Total)
		}
	case narrate.StageDone, narrate.StageFailed:
		writeResult(r.out, r.errOut, e)
	case narrate.StageSummary:
		r.summary(e.Summary)
	default:
		r.log.Info(stageWords[e.Stage], "input", e.Input)
	}
}

var stageWords = map[narrate.Stage]string{
	narrate.StageRead: "reading", narrate.StageScript: "scripting", narrate.StageSynthesize: "synthesizing",
	narrate.StageJoin: "joining", narrate.StagePublish: "publishing",
}

// writeResult prints an article's result line to out, or its failure to
// errOut.
func writeResult(out, errOut io.Writer, e narrate.Event) {
	res := e.Result
	if res == nil {
		return
	}
	if e.Stage == narrate.StageFailed {
		fmt.Fprintf(errOut, "failed: %v\n", e.Err)
		return
	}
	if res.Skipped {
		fmt.Fprintf(out, "unchanged %q → %s (skipped: same text and voice as published)\n", res.Title, res.AudioURL)
		return
	}
	verb := "narrated"
	if res.Replaced {
		verb = "re-narrated"
	}
	fmt.Fprintf(out, "%s %q → %s (%s, %s, %d chunks)\n", verb, res.Title, res.AudioURL,
		clock(res.DurationSeconds), size(res.SizeBytes), res.Chunks)
}

// summary prints the end of a run: what was done, what it cost in
// characters, how much audio, how long it took, and every failure.
func (r *Reporter) summary(s *narrate.Summary) {
	if s == nil {
		return
	}
	fmt.Fprintf(r.errOut, "summary: %d narrated, %d updated, %d skipped, %d failed · %s characters billed in %d requests (%d chunks from the cache) · cost $%.2f · %.1f minutes of audio · %s\n",
		s.Narrated, s.Updated, s.Skipped, s.Failed, thousands(s.Chars), s.Requests, s.CachedChunks, s.CostUSD, s.AudioSeconds/60, s.Wall.Round(time.Millisecond))
	for _, f := range s.Failures {
		fmt.Fprintf(r.errOut, "  failed: %s\n", f)
	}
}

func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func short(s string) string {
	if r := []rune(s); len(r) > 40 {
		return "…" + string(r[len(r)-39:])
	}
	return s
}

func clock(sec float64) string {
	d := time.Duration(sec * float64(time.Second)).Round(time.Second)
	return fmt.Sprintf("%d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
