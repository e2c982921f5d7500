package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

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

func TestModes(t *testing.T) {
	t.Run("terminal", func(t *testing.T) {
		out, errOut := render(Terminal)
		if !strings.Contains(errOut, "[============            ] 2/4 chunks") || !strings.Contains(errOut, "\r\033[K") {
			t.Errorf("no progress bar: %q", errOut)
		}
		if out != "narrated \"A title\" → a-title.mp3 (1:23, 488 KB, 11 chunks)\n" {
			t.Errorf("stdout %q", out)
		}
		if !strings.Contains(errOut, "failed: b.html is empty\n") {
			t.Errorf("failure not reported: %q", errOut)
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
