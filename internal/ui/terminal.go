package ui

import (
	"io"
	"os"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/aloud-dev/aloud/internal/narrate"
)

// terminal draws Terminal mode with mpb: one bar for the batch (when it has
// more than one article) and a bar per article in flight, labelled with
// its stage and chunks, removed when the article is done. Result lines and
// the summary print above the bars, so nothing is overwritten.
type terminal struct {
	errOut io.Writer
	shared bool // results (stdout) go to the same terminal as the bars

	once     sync.Once
	p        *mpb.Progress
	overall  *mpb.Bar
	total    int // articles in the batch
	finished int // articles done or failed
	// articles is touched only by report, which the Reporter serializes.
	articles map[string]*mpb.Bar
	// smu guards status, which mpb's render goroutine reads through the
	// decorators; it is never held while calling mpb, whose calls wait
	// for that goroutine.
	smu    sync.Mutex
	status map[string]string
}

// refreshRate is how often the bars are redrawn.
var refreshRate = 150 * time.Millisecond

func newTerminal(errOut, out io.Writer) *terminal {
	return &terminal{errOut: errOut, shared: sameTerminal(out, errOut),
		articles: map[string]*mpb.Bar{}, status: map[string]string{}}
}

// sameTerminal reports whether a and b are the same character device, as
// stdout and stderr are in an interactive shell.
func sameTerminal(a, b io.Writer) bool {
	fa, ok1 := a.(*os.File)
	fb, ok2 := b.(*os.File)
	if !ok1 || !ok2 {
		return a == b
	}
	sa, err1 := fa.Stat()
	sb, err2 := fb.Stat()
	return err1 == nil && err2 == nil && sa.Mode()&os.ModeCharDevice != 0 && os.SameFile(sa, sb)
}

func (t *terminal) start(total int) {
	t.once.Do(func() {
		t.p = mpb.New(mpb.WithOutput(t.errOut), mpb.WithAutoRefresh(), mpb.WithWidth(100), mpb.WithRefreshRate(refreshRate))
		t.total = total
		if total > 1 {
			t.overall = t.p.AddBar(int64(total), mpb.BarPriority(-1),
				mpb.PrependDecorators(decor.Name("articles "), decor.CountersNoUnit("%d/%d", decor.WCSyncSpace)),
				mpb.AppendDecorators(decor.Elapsed(decor.ET_STYLE_GO, decor.WCSyncSpace)))
		}
	})
}

func (t *terminal) report(r *Reporter, e narrate.Event) {
	switch e.Stage {
	case narrate.StageBatch:
		t.start(e.Total)
	case narrate.StageSummary:
		t.start(0)
		t.stop()
		r.summary(e.Summary)
	case narrate.StageDone, narrate.StageFailed:
		t.start(0)
		t.print(r, e)
		if b := t.articles[e.Input]; b != nil {
			b.Abort(true)
			delete(t.articles, e.Input)
		}
		t.smu.Lock()
		delete(t.status, e.Input)
		t.smu.Unlock()
		t.finished++
		if t.overall != nil {
			t.overall.Increment()
		}
	case narrate.StageSynthesize:
		b := t.article(e.Input)
		t.setStatus(e.Input, "synthesizing")
		b.SetTotal(int64(e.Total), false)
		b.SetCurrent(int64(e.Done))
	default:
		t.article(e.Input)
		t.setStatus(e.Input, stageWords[e.Stage])
	}
}

func (t *terminal) setStatus(input, s string) {
	t.smu.Lock()
	t.status[input] = s
	t.smu.Unlock()
}

// article is the bar of an article, added on its first event.
func (t *terminal) article(input string) *mpb.Bar {
	t.start(0)
	if b := t.articles[input]; b != nil {
		return b
	}
	b := t.p.AddBar(0,
		mpb.PrependDecorators(decor.Name(short(input), decor.WCSyncSpaceR),
			decor.Any(func(decor.Statistics) string {
				t.smu.Lock()
				defer t.smu.Unlock()
				return t.status[input]
			}, decor.WCSyncSpaceR)),
		mpb.AppendDecorators(decor.CountersNoUnit("%d/%d chunks")))
	t.articles[input] = b
	return b
}

// print writes an article's result line. What goes to the bars' own
// stream (failures, and results when stdout is the same terminal) is
// written through mpb, so it lands above the bars instead of under them.
func (t *terminal) print(r *Reporter, e narrate.Event) {
	out := r.out
	if t.shared {
		out = t.p
	}
	writeResult(out, t.p, e)
}

// stop removes the bars that remain (an interrupted batch) and waits for
// the last frame to be drawn.
func (t *terminal) stop() {
	for in, b := range t.articles {
		b.Abort(true)
		delete(t.articles, in)
	}
	if t.overall != nil && t.finished < t.total {
		t.overall.Abort(false)
	}
	t.p.Wait()
}
