package main

import (
	"io"
	"runtime/debug"
	"testing"
)

// TestGCDefaults: commands get aloud's GC defaults, serve keeps Go's, and
// GOGC or GOMEMLIMIT set by the user always win.
func TestGCDefaults(t *testing.T) {
	gc := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(limit) })
	const noLimit = int64(1<<63 - 1)
	for _, tc := range []struct {
		name      string
		args      []string
		gogc, mem string
		wantGC    int
		wantLimit int64
	}{
		{"join", []string{"mp3", "join", "-o", "x.mp3", "a.mp3"}, "", "", 400, 40 << 20},
		{"serve", []string{"--config", "serve", "serve", "--addr", "127.0.0.1:0"}, "", "", 100, noLimit},
		{"user's GOGC", []string{"narrate", "a.html"}, "50", "", 100, 40 << 20},
		{"user's GOMEMLIMIT", []string{"narrate", "a.html"}, "", "1GiB", 400, noLimit},
		{"unknown command", []string{"nonsense"}, "", "", 400, 40 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", tc.mem)
			debug.SetGCPercent(100)
			debug.SetMemoryLimit(noLimit)
			setGCDefaults(newRootCmd(io.Discard, io.Discard, nil), tc.args)
			if got := debug.SetGCPercent(100); got != tc.wantGC {
				t.Errorf("GC percent %d, want %d", got, tc.wantGC)
			}
			if got := debug.SetMemoryLimit(-1); got != tc.wantLimit {
				t.Errorf("memory limit %d, want %d", got, tc.wantLimit)
			}
		})
	}
}
