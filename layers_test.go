package aloud_test

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/aloud-dev/aloud/"

// allowed lists, for each package, the project packages it may import
// (docs/ARCHITECTURE.md, "The flow"). Backends under internal/speech/ may import
// only internal/speech.
var allowed = map[string][]string{
	"cmd/aloud":                  {"*"},
	"internal/config":            {},
	"internal/article":           {},
	"internal/source":            {"internal/article"},
	"internal/textnorm":          {},
	"internal/script":            {"internal/article", "internal/textnorm"},
	"internal/speech":            {"internal/script", "internal/textnorm"},
	"internal/mp3":               {"internal/mp3/gomp3"},
	"internal/mp3/mp3test":       {},
	"internal/episode":           {"internal/mp3", "internal/speech", "internal/script"},
	"internal/store":             {},
	"internal/store/local":       {"internal/store"},
	"internal/store/s3":          {"internal/store"},
	"internal/store/storetest":   {"internal/store"},
	"internal/feed":              {"internal/config", "internal/store", "internal/episode"},
	"internal/player":            {"internal/episode"},
	"internal/narrate":           {"internal/article", "internal/source", "internal/script", "internal/speech", "internal/mp3", "internal/episode", "internal/store", "internal/feed", "internal/player"},
	"internal/ui":                {"internal/narrate"},
	"internal/server":            {"internal/narrate", "internal/source"},
	"internal/backends":          {"internal/speech", "internal/speech/*", "internal/store", "internal/store/*", "internal/mp3"},
	"internal/speech/speechtest": {"internal/speech", "internal/speech/retry"},
	"voices":                     {},
	"internal/corpora":           {},
	"tools/testreport":           {},
	"tools/renderpages":          {"internal/corpora"},
	"":                           {},
}

// TestLayers fails when a package imports one later in the flow, or a
// backend imports anything of the project but its interface package.
func TestLayers(t *testing.T) {
	out, err := exec.Command("go", "list", "-json", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p struct {
			ImportPath string
			Imports    []string
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkg := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "github.com/aloud-dev/aloud")
		rules, known := allowed[pkg]
		_, listed := allowed[pkg]
		backend := strings.HasPrefix(pkg, "internal/speech/") && !listed
		// The decoder patched from go-mp3 keeps its own package tree.
		decoder := strings.HasPrefix(pkg, "internal/mp3/gomp3")
		switch {
		case backend:
			rules = []string{"internal/speech"}
		case decoder:
			rules = []string{"internal/mp3/gomp3/internal/*"}
		case !known:
			t.Errorf("package %s is not in the layer table: add it to layers_test.go", pkg)
			continue
		}
		for _, imp := range p.Imports {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			dep := strings.TrimPrefix(imp, module)
			if !permitted(rules, dep) {
				t.Errorf("%s imports %s, which the architecture does not allow", pkg, dep)
			}
		}
	}
}

func permitted(rules []string, dep string) bool {
	for _, r := range rules {
		if r == "*" || r == dep || (strings.HasSuffix(r, "/*") && strings.HasPrefix(dep, strings.TrimSuffix(r, "*"))) {
			return true
		}
	}
	return false
}
