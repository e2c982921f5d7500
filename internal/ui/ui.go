// Package ui renders narrate's events: a progress line on a terminal, plain
// log lines otherwise, JSON lines with --json. Results go to out (stdout),
// progress and diagnostics to errOut (stderr).
package ui

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
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
	live   bool // a progress line is on screen
}

var _ narrate.Reporter = (*Reporter)(nil)

// New returns a reporter writing results to out and progress to errOut.
func New(mode Mode, out, errOut io.Writer) *Reporter {
	return &Reporter{mode: mode, out: out, errOut: errOut,
		log: slog.New(slog.NewTextHandler(errOut, &slog.HandlerOptions{Level: slog.LevelInfo}))}
}

// Report renders one event.
func (r *Reporter) Report(e narrate.Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch r.mode {
	case JSON:
		if e.Result != nil {
			b, _ := json.Marshal(e.Result)
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
	case narrate.StageSynthesize:
		if e.Done == 0 {
			r.log.Info("synthesizing", "input", e.Input, "chunks", e.Total)
		}
	case narrate.StageDone, narrate.StageFailed:
		r.result(e)
	default:
		r.log.Info(stageWords[e.Stage], "input", e.Input)
	}
}

var stageWords = map[narrate.Stage]string{
	narrate.StageRead: "reading", narrate.StageScript: "scripting", narrate.StageSynthesize: "synthesizing",
	narrate.StageJoin: "joining", narrate.StagePublish: "publishing",
}

func (r *Reporter) terminal(e narrate.Event) {
	switch e.Stage {
	case narrate.StageDone, narrate.StageFailed:
		r.clear()
		r.result(e)
		return
	case narrate.StageSynthesize:
		r.draw(fmt.Sprintf("%s %s %d/%d chunks", short(e.Input), bar(e.Done, e.Total, 24), e.Done, e.Total))
	default:
		r.draw(fmt.Sprintf("%s %s…", short(e.Input), stageWords[e.Stage]))
	}
}

func (r *Reporter) draw(line string) {
	fmt.Fprintf(r.errOut, "\r\033[K%s", line)
	r.live = true
}

func (r *Reporter) clear() {
	if r.live {
		fmt.Fprint(r.errOut, "\r\033[K")
		r.live = false
	}
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
	verb := "narrated"
	if res.Replaced {
		verb = "re-narrated"
	}
	fmt.Fprintf(r.out, "%s %q → %s (%s, %s, %d chunks)\n", verb, res.Title, res.AudioURL,
		clock(res.DurationSeconds), size(res.SizeBytes), res.Chunks)
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
