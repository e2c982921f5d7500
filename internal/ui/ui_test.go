package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/narrate"
)

func events() []narrate.Event {
	ok := &narrate.Result{Input: "a.html", OK: true, Title: "A title", AudioURL: "a-title.mp3", DurationSeconds: 83.4, SizeBytes: 500_000, Chunks: 11}
	bad := &narrate.Result{Input: "b.html", Error: "b.html is empty"}
	return []narrate.Event{
		{Input: "a.html", Stage: narrate.StageRead},
		{Input: "a.html", Stage: narrate.StageSynthesize, Total: 4},
		{Input: "a.html", Stage: narrate.StageSynthesize, Done: 2, Total: 4},
		{Input: "a.html", Stage: narrate.StageJoin},
		{Input: "a.html", Stage: narrate.StageDone, Result: ok},
		{Input: "b.html", Stage: narrate.StageRead},
		{Input: "b.html", Stage: narrate.StageFailed, Result: bad, Err: errors.New("b.html is empty")},
	}
}

func render(mode Mode) (string, string) {
	var out, errOut bytes.Buffer
	r := New(mode, &out, &errOut)
	for _, e := range events() {
		r.Report(e)
	}
	return out.String(), errOut.String()
}

// frames is the terminal's stderr as the bars' render goroutine writes
// it: a test reads it while frames are drawn, and waits for them.
type frames struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	writes int
}

func (f *frames) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.writes++
	return f.buf.Write(p)
}

func (f *frames) String() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.buf.String()
}

// drawn waits until two more frames have been written: the first may have
// been rendered before the last event, the second was rendered after it.
// With no bar left to draw none come, and it gives up after a second.
func (f *frames) drawn() {
	f.mu.Lock()
	want := f.writes + 2
	f.mu.Unlock()
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		f.mu.Lock()
		n := f.writes
		f.mu.Unlock()
		if n >= want {
			return
		}
	}
}

func TestModes(t *testing.T) {
	t.Run("terminal", func(t *testing.T) {
		refreshRate = time.Millisecond
		var out bytes.Buffer
		var errOut frames
		r := New(Terminal, &out, &errOut)
		for _, e := range events() {
			r.Report(e)
			errOut.drawn()
		}
		r.Report(narrate.Event{Stage: narrate.StageSummary, Summary: &narrate.Summary{Narrated: 1, Failed: 1}})
		got := errOut.String()
		if !regexp.MustCompile(`a\.html synthesizing +\[=+>-+\] 2/4 chunks`).MatchString(got) || !strings.Contains(got, "a.html reading") || strings.Contains(got, "articles") {
			t.Errorf("no bar for the article: %q", got)
		}
		if out.String() != "narrated \"A title\" → a-title.mp3 (1:23, 488 KB, 11 chunks)\n" {
			t.Errorf("stdout %q", out.String())
		}
		if !strings.Contains(got, "failed: b.html is empty\n") || !strings.HasSuffix(got, "summary: 1 narrated, 0 updated, 0 skipped, 1 failed · 0 characters billed in 0 requests (0 chunks from the cache) · cost $0.00 · 0.0 minutes of audio · 0s\n") {
			t.Errorf("failure or summary not reported: %q", got)
		}
	})
	t.Run("plain", func(t *testing.T) {
		out, errOut := render(Plain)
		if strings.Contains(errOut, "\r") || !strings.Contains(errOut, "msg=synthesizing input=a.html chunks=4") {
			t.Errorf("stderr %q", errOut)
		}
		if !strings.Contains(out, "narrated") {
			t.Errorf("stdout %q", out)
		}
	})
	t.Run("quiet", func(t *testing.T) {
		out, errOut := render(Quiet)
		if errOut != "failed: b.html is empty\n" || !strings.HasPrefix(out, "narrated") {
			t.Errorf("stdout %q stderr %q", out, errOut)
		}
	})
	t.Run("json", func(t *testing.T) {
		out, errOut := render(JSON)
		if errOut != "" {
			t.Errorf("stderr %q", errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2 {
			t.Fatalf("%d lines", len(lines))
		}
		var r narrate.Result
		if err := json.Unmarshal([]byte(lines[1]), &r); err != nil || r.OK || r.Error != "b.html is empty" {
			t.Errorf("%+v %v", r, err)
		}
	})
}

// TestBatch checks a batch of articles in flight at once: an overall bar and
// a line per article on a terminal, skipped articles said so, and the
// summary in every mode but quiet.
func TestBatch(t *testing.T) {
	sum := &narrate.Summary{Narrated: 1, Skipped: 1, Failed: 1, Failures: []string{"c.html: no such file"},
		Chars: 12345, Requests: 7, CachedChunks: 3, CostUSD: 0.197, AudioSeconds: 90, Wall: 1500 * time.Millisecond, WallSeconds: 1.5}
	evs := []narrate.Event{
		{Stage: narrate.StageBatch, Total: 3},
		{Input: "a.html", Stage: narrate.StageRead},
		{Input: "b.html", Stage: narrate.StageRead},
		{Input: "a.html", Stage: narrate.StageSynthesize, Done: 1, Total: 2},
		{Input: "b.html", Stage: narrate.StageDone, Result: &narrate.Result{Input: "b.html", OK: true, Skipped: true, Title: "B", AudioURL: "b.mp3"}},
		{Input: "a.html", Stage: narrate.StageDone, Result: &narrate.Result{Input: "a.html", OK: true, Title: "A", AudioURL: "a.mp3", Chunks: 2}},
		{Input: "c.html", Stage: narrate.StageFailed, Result: &narrate.Result{Input: "c.html", Error: "c.html: no such file"}, Err: errors.New("c.html: no such file")},
		{Stage: narrate.StageSummary, Summary: sum},
	}
	run := func(mode Mode) (string, string) {
		var out bytes.Buffer
		var errOut frames
		r := New(mode, &out, &errOut)
		for _, e := range evs {
			r.Report(e)
			if mode == Terminal {
				errOut.drawn()
			}
		}
		return out.String(), errOut.String()
	}
	const summary = "summary: 1 narrated, 0 updated, 1 skipped, 1 failed · 12,345 characters billed in 7 requests (3 chunks from the cache) · cost $0.20 · 1.5 minutes of audio · 1.5s\n  failed: c.html: no such file\n"
	t.Run("terminal", func(t *testing.T) {
		refreshRate = time.Millisecond
		out, errOut := run(Terminal)
		// Two articles in flight: the batch bar and a bar each.
		if !regexp.MustCompile(`articles +0/3 \[-+\]`).MatchString(errOut) || !regexp.MustCompile(`a\.html synthesizing +\[=+>-+\] 1/2 chunks\nb\.html reading`).MatchString(errOut) {
			t.Errorf("no bars: %q", errOut)
		}
		if !regexp.MustCompile(`articles +3/3 \[=+\]`).MatchString(errOut) {
			t.Errorf("the batch bar did not reach 3/3: %q", errOut)
		}
		if !strings.HasSuffix(errOut, summary) {
			t.Errorf("summary: %q", errOut)
		}
		if !strings.HasPrefix(out, "unchanged \"B\" → b.mp3 (skipped") || !strings.Contains(out, "narrated \"A\" → a.mp3") {
			t.Errorf("stdout %q", out)
		}
	})
	t.Run("plain", func(t *testing.T) {
		_, errOut := run(Plain)
		if !strings.Contains(errOut, "msg=batch articles=3") || !strings.HasSuffix(errOut, summary) {
			t.Errorf("stderr %q", errOut)
		}
	})
	t.Run("quiet", func(t *testing.T) {
		_, errOut := run(Quiet)
		if strings.Contains(errOut, "summary") {
			t.Errorf("quiet printed the summary: %q", errOut)
		}
	})
	t.Run("json", func(t *testing.T) {
		out, _ := run(JSON)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 4 {
			t.Fatalf("%d lines: %q", len(lines), out)
		}
		var got struct{ Summary map[string]any }
		if err := json.Unmarshal([]byte(lines[3]), &got); err != nil {
			t.Fatal(err)
		}
		if got.Summary["narrated"] != 1.0 || got.Summary["skipped"] != 1.0 || got.Summary["chars"] != 12345.0 || got.Summary["wall_seconds"] != 1.5 {
			t.Errorf("summary %v", got.Summary)
		}
	})
}
