// Package ui renders narrate's events: a progress line on a terminal, plain
// log lines otherwise, JSON lines with --json. Results go to out (stdout),
// progress and diagnostics to errOut (stderr).
package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strconv"
	"strings"
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
	drawn  int // lines of progress on screen

	total, finished int
	inFlight        []string // inputs being narrated, in the order they started
	status          map[string]string
}

var _ narrate.Reporter = (*Reporter)(nil)

// New returns a reporter writing results to out and progress to errOut.
func New(mode Mode, out, errOut io.Writer) *Reporter {
	return &Reporter{mode: mode, out: out, errOut: errOut, status: map[string]string{},
		log: slog.New(slog.NewTextHandler(errOut, &slog.HandlerOptions{Level: slog.LevelInfo}))}
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
		r.result(e)
	case Terminal:
		r.terminal(e)
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
		r.result(e)
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

// terminal keeps a live block on errOut: one overall bar when the batch has
// more than one article, then a line per article in flight.
func (r *Reporter) terminal(e narrate.Event) {
	switch e.Stage {
	case narrate.StageBatch:
		r.total = e.Total
		return
	case narrate.StageSummary:
		r.clear()
		r.summary(e.Summary)
		return
	case narrate.StageDone, narrate.StageFailed:
		r.clear()
		r.result(e)
		r.finished++
		r.forget(e.Input)
	case narrate.StageSynthesize:
		r.track(e.Input, fmt.Sprintf("%s %d/%d chunks", bar(e.Done, e.Total, 24), e.Done, e.Total))
	default:
		r.track(e.Input, stageWords[e.Stage]+"…")
	}
	r.redraw()
}

func (r *Reporter) track(input, status string) {
	if _, ok := r.status[input]; !ok {
		r.inFlight = append(r.inFlight, input)
	}
	r.status[input] = status
}

func (r *Reporter) forget(input string) {
	delete(r.status, input)
	r.inFlight = slices.DeleteFunc(r.inFlight, func(s string) bool { return s == input })
}

// maxLines bounds the article lines drawn, so a wide batch does not scroll.
const maxLines = 8

func (r *Reporter) redraw() {
	var lines []string
	if r.total > 1 {
		lines = append(lines, fmt.Sprintf("%s %d/%d articles, %d in progress", bar(r.finished, r.total, 24), r.finished, r.total, len(r.inFlight)))
	}
	for i, in := range r.inFlight {
		if i == maxLines {
			lines = append(lines, fmt.Sprintf("  … and %d more", len(r.inFlight)-maxLines))
			break
		}
		lines = append(lines, fmt.Sprintf("%s %s", short(in), r.status[in]))
	}
	r.clear()
	if len(lines) > 0 {
		fmt.Fprint(r.errOut, strings.Join(lines, "\n"))
		r.drawn = len(lines)
	}
}

// clear erases the progress block, leaving the cursor where it began.
func (r *Reporter) clear() {
	if r.drawn == 0 {
		return
	}
	fmt.Fprint(r.errOut, "\r")
	if r.drawn > 1 {
		fmt.Fprintf(r.errOut, "\033[%dA", r.drawn-1)
	}
	fmt.Fprint(r.errOut, "\033[J")
	r.drawn = 0
}

func (r *Reporter) result(e narrate.Event) {
	res := e.Result
	if res == nil {
		return
	}
	if e.Stage == narrate.StageFailed {
		fmt.Fprintf(r.errOut, "failed: %v\n", e.Err)
		return
	}
	if res.Skipped {
		fmt.Fprintf(r.out, "unchanged %q → %s (skipped: same text and voice as published)\n", res.Title, res.AudioURL)
		return
	}
	verb := "narrated"
	if res.Replaced {
		verb = "re-narrated"
	}
	fmt.Fprintf(r.out, "%s %q → %s (%s, %s, %d chunks)\n", verb, res.Title, res.AudioURL,
		clock(res.DurationSeconds), size(res.SizeBytes), res.Chunks)
}

// summary prints the end of a run: what was done, what it cost in
// characters, how much audio, how long it took, and every failure.
func (r *Reporter) summary(s *narrate.Summary) {
	if s == nil {
		return
	}
	fmt.Fprintf(r.errOut, "summary: %d narrated, %d updated, %d skipped, %d failed · %s characters synthesized · %.1f minutes of audio · %s\n",
		s.Narrated, s.Updated, s.Skipped, s.Failed, thousands(s.Chars), s.AudioSeconds/60, s.Wall.Round(time.Millisecond))
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

func bar(done, total, width int) string {
	if total <= 0 {
		return "[" + strings.Repeat(" ", width) + "]"
	}
	n := done * width / total
	return "[" + strings.Repeat("=", n) + strings.Repeat(" ", width-n) + "]"
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
