// Package corpora finds the third-party test material beside the project
// (../shared/corpora from the module root, or $ALOUD_CORPORA) for tests,
// which skip cleanly when it is absent, as in a user's clone.
package corpora

import (
	"os"
	"path/filepath"
	"testing"
)

// Require is the environment variable that, set to 1, fails a test whose
// corpus is missing instead of skipping it (CI sets it: there the corpus
// tests must run).
const Require = "ALOUD_REQUIRE_CORPORA"

// Dir is the corpus folder sub (e.g. "mp3/minimp3"); the test is skipped
// when it is not there, or fails when Require is set.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	root := Root()
	if root == "" {
		root = "../shared/corpora"
	}
	dir := filepath.Join(root, sub)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv(Require) == "1" {
			t.Fatalf("corpus %s not present, and %s=1 requires it (set ALOUD_CORPORA to where the corpora are)", dir, Require)
		}
		t.Skipf("corpus %s not present (set ALOUD_CORPORA)", dir)
	}
	return dir
}

// moduleRoot is the nearest folder above the working one with a go.mod.
func moduleRoot() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
