package main

import (
	"debug/buildinfo"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConventions checks what every command line tool is expected to do:
// usage mistakes exit 2 with a hint, --version says what was built, and
// commands that only look leave nothing behind.
func TestConventions(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"narate"}, 2, `unknown command "narate" for "aloud" (did you mean "narrate"?)`},
		{[]string{"feed", "checkk"}, 2, `unknown command "checkk" for "aloud feed"`},
		{[]string{"narrate", "--bogus"}, 2, "unknown flag: --bogus"},
		{[]string{"narrate"}, 2, "narrate needs at least one ARTICLE"},
		{[]string{"feed"}, 0, "Usage:"},
	} {
		r := aloud(t, dir, tc.args...)
		if r.code != tc.code || !strings.Contains(r.stdout+r.stderr, tc.want) {
			t.Errorf("aloud %s: exit %d, want %d with %q\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), r.code, tc.code, tc.want, r.stdout, r.stderr)
		}
	}

	// --version: the version and commit go build recorded.
	bi, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	r := aloud(t, dir, "--version")
	if r.code != 0 || !strings.Contains(r.stdout, bi.GoVersion) || strings.Contains(r.stdout, " dev") {
		t.Errorf("--version: %q", r.stdout)
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && !strings.Contains(r.stdout, s.Value[:12]) {
			t.Errorf("--version %q does not name commit %s", r.stdout, s.Value[:12])
		}
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" && !strings.Contains(r.stdout, v) {
		t.Errorf("--version %q does not give the module version %s", r.stdout, v)
	}

	// doctor checks the store without leaving anything in it, whether the
	// folder exists or not.
	for _, existing := range []bool{false, true} {
		work := t.TempDir()
		if existing {
			os.Mkdir(filepath.Join(work, "out"), 0o755)
		}
		r := aloud(t, work, "doctor")
		if !strings.Contains(r.stdout, "store out") {
			t.Errorf("doctor says nothing of the store:\n%s", r.stdout)
		}
		var left []string
		filepath.WalkDir(work, func(p string, d os.DirEntry, err error) error {
			rel, _ := filepath.Rel(work, p)
			left = append(left, rel)
			return nil
		})
		want := "."
		if existing {
			want = ". out"
		}
		if strings.Join(left, " ") != want {
			t.Errorf("after doctor (out existing: %v) the folder holds %v, want %s", existing, left, want)
		}
	}
}
