// Command testreport reads the events of `go test -json` on standard input
// and prints what a person running `make test` needs: a line per package
// as it finishes, the whole output of every test that failed, and at the
// end the tests that were skipped (with their reasons) and the slowest
// packages, so that a test that silently stopped running or a package that
// got slow shows. It exits 1 when anything failed.
//
//	go test -json ./... | go run ./tools/testreport [-slowest 8]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// event is one line of test2json's output (go doc test2json).
type event struct {
	Action     string
	Package    string
	ImportPath string // build-output and build-fail events
	Test       string
	Elapsed    float64
	Output     string
}

type testKey struct{ pkg, test string }

type report struct {
	out       io.Writer
	output    map[testKey][]string // output of tests (and packages) not yet ended
	skipped   []skip
	packages  []pkgTime
	failed    []string
	buildFail []string
}

type skip struct {
	pkg, test, reason string
}

type pkgTime struct {
	pkg     string
	elapsed time.Duration
}

func main() {
	slowest := flag.Int("slowest", 8, "list the `N` slowest packages at the end")
	flag.Parse()
	r := &report{out: os.Stdout, output: map[testKey][]string{}}
	if err := r.read(os.Stdin); err != nil {
		fmt.Fprintf(os.Stderr, "testreport: %v\n", err)
		os.Exit(2)
	}
	if !r.summary(*slowest) {
		os.Exit(1)
	}
}

// read handles every line; lines that are not events (go's own messages)
// are printed as they are.
func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintln(r.out, string(line))
			continue
		}
		r.handle(e)
	}
	return sc.Err()
}

func (r *report) handle(e event) {
	k := testKey{e.Package, e.Test}
	switch e.Action {
	case "build-output":
		fmt.Fprint(r.out, e.Output)
	case "build-fail":
		r.buildFail = append(r.buildFail, e.ImportPath)
	case "output":
		r.output[k] = append(r.output[k], e.Output)
	case "skip":
		if e.Test != "" {
			r.skipped = append(r.skipped, skip{e.Package, e.Test, skipReason(r.output[k])})
		}
		delete(r.output, k)
	case "pass":
		delete(r.output, k)
		if e.Test == "" {
			r.packageDone(e, "ok  ")
		}
	case "fail":
		if e.Test != "" {
			r.failed = append(r.failed, e.Package+" "+e.Test)
			fmt.Fprint(r.out, strings.Join(r.output[k], ""))
			delete(r.output, k)
			return
		}
		// A package that failed without a failing test (a panic, a
		// timeout, TestMain) printed its reason at package level.
		if out := r.output[k]; len(out) > 0 {
			fmt.Fprint(r.out, strings.Join(out, ""))
		}
		delete(r.output, k)
		r.failed = append(r.failed, e.Package)
		r.packageDone(e, "FAIL")
	}
}

func (r *report) packageDone(e event, status string) {
	d := time.Duration(e.Elapsed * float64(time.Second))
	r.packages = append(r.packages, pkgTime{e.Package, d})
	fmt.Fprintf(r.out, "%s %-60s %6.1fs\n", status, e.Package, d.Seconds())
}

// skipReason is what t.Skip said: the test's own output lines, without
// the "=== RUN" and "--- SKIP" lines go test adds.
func skipReason(lines []string) string {
	var reason []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" && !strings.HasPrefix(t, "=== ") && !strings.HasPrefix(t, "--- ") {
			reason = append(reason, t)
		}
	}
	return strings.Join(reason, " ")
}

// summary prints the skipped tests, the slowest packages and the verdict;
// it reports whether everything passed.
func (r *report) summary(slowest int) bool {
	if len(r.skipped) > 0 {
		fmt.Fprintf(r.out, "\n%d tests skipped:\n", len(r.skipped))
		for _, s := range r.skipped {
			fmt.Fprintf(r.out, "  %s %s: %s\n", strings.TrimPrefix(s.pkg, modulePrefix(r.packages)), s.test, s.reason)
		}
	}
	if len(r.packages) > 0 && slowest > 0 {
		sorted := append([]pkgTime(nil), r.packages...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].elapsed > sorted[j].elapsed })
		fmt.Fprintf(r.out, "\nslowest packages:\n")
		for _, p := range sorted[:min(slowest, len(sorted))] {
			fmt.Fprintf(r.out, "  %6.1fs  %s\n", p.elapsed.Seconds(), p.pkg)
		}
	}
	switch {
	case len(r.buildFail) > 0:
		fmt.Fprintf(r.out, "\nFAIL: %s did not build\n", strings.Join(r.buildFail, ", "))
		return false
	case len(r.failed) > 0:
		fmt.Fprintf(r.out, "\nFAIL: %d failed:\n  %s\n", len(r.failed), strings.Join(r.failed, "\n  "))
		return false
	case len(r.packages) == 0:
		fmt.Fprintln(r.out, "\nFAIL: no package reported a result")
		return false
	}
	fmt.Fprintf(r.out, "\nPASS: %d packages\n", len(r.packages))
	return true
}

// modulePrefix is the import path prefix every package shares, to print
// short names.
func modulePrefix(ps []pkgTime) string {
	if len(ps) == 0 {
		return ""
	}
	prefix := ps[0].pkg
	for _, p := range ps[1:] {
		for !strings.HasPrefix(p.pkg, prefix) {
			prefix = prefix[:len(prefix)-1]
		}
	}
	if i := strings.LastIndex(prefix, "/"); i >= 0 {
		return prefix[:i+1]
	}
	return ""
}
