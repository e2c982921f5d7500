package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/mp3"
)

func copyTestdata(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("../../internal/mp3/testdata", n))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, n), b, 0o644)
	}
}

func TestMP3JoinAndInfo(t *testing.T) {
	dir := t.TempDir()
	a, b := "speech-22k-48k.mp3", "speech-22k-64k-lametag.mp3"
	copyTestdata(t, dir, a, b)

	r := aloud(t, dir, "mp3", "join", "-o", "joined.mp3", "--pause", "500ms", a, b, a)
	if r.code != 0 {
		t.Fatalf("join: exit %d\n%s", r.code, r.stderr)
	}
	r = aloud(t, dir, "mp3", "info", "--json", "joined.mp3")
	if r.code != 0 {
		t.Fatalf("info: exit %d\n%s", r.code, r.stderr)
	}
	var rep mp3.Report
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	// 3 × 113 frames plus two pauses of 500 ms (11,025 samples) at 22.05
	// kHz, each less the encoder delay and padding around it that b's
	// LAME tag states (576 before, 982 after): the join is gapless.
	// The first input (LAME at 48 kbps, too small a frame for its tag)
	// declares no encoder delay, so the header claims none.
	pauses := (11025-576+288)/576 + (11025-982+288)/576
	if rep.Frames != 3*113+pauses || rep.Header != "Xing" || rep.BitrateKbps != 0 || len(rep.Problems) != 0 || rep.Encoder != "aloud" || rep.Delay != 0 {
		t.Errorf("report %+v", rep)
	}
	if rep.Tags == nil || rep.Error != "" {
		t.Errorf("report %+v", rep)
	}

	r = aloud(t, dir, "mp3", "join", "--json", "-o", "loud.mp3", "--target-lufs", "-18", a, b)
	if r.code != 0 || !strings.Contains(r.stdout, `"output_lufs"`) {
		t.Errorf("join with loudness: %d %s %s", r.code, r.stdout, r.stderr)
	}

	r = aloud(t, dir, "mp3", "info", a, "missing.mp3")
	if r.code != 1 || !strings.Contains(r.stdout, "problem:  no Xing/Info header") || !strings.Contains(r.stdout, "not usable: open missing.mp3") {
		t.Errorf("info text: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestMP3JoinErrors(t *testing.T) {
	dir := t.TempDir()
	a := "speech-22k-48k.mp3"
	copyTestdata(t, dir, a)
	os.WriteFile(filepath.Join(dir, "page.mp3"), []byte("<html>not audio</html>"), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.mp3"), nil, 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no output", []string{a}, 2, "needs -o OUT"},
		{"no input", []string{"-o", "x.mp3"}, 2, "at least one IN"},
		{"output is input", []string{"-o", a, a}, 2, "is also an input"},
		{"bad lufs", []string{"-o", "x.mp3", "--target-lufs", "3", a}, 2, "out of range"},
		{"missing input", []string{"-o", "x.mp3", a, "missing.mp3"}, 1, "missing.mp3"},
		{"not audio", []string{"-o", "x.mp3", a, "page.mp3"}, 1, "page.mp3: no MPEG audio frames"},
		{"empty", []string{"-o", "x.mp3", "empty.mp3"}, 1, "empty.mp3: no MPEG audio frames"},
		{"directory", []string{"-o", "x.mp3", a, "sub"}, 1, "sub is a directory"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := aloud(t, dir, append([]string{"mp3", "join"}, tc.args...)...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d stderr %q; want %d and %q", r.code, r.stderr, tc.code, tc.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "x.mp3")); err == nil {
				t.Error("a failed join left x.mp3")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".tmp-") {
					t.Errorf("left %s", e.Name())
				}
			}
		})
	}
}
