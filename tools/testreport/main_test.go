package main

import (
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	for _, tc := range []struct {
		name   string
		events string
		ok     bool
		want   []string // lines the report must hold
		not    []string // and must not
	}{
		{
			name: "pass with a skip",
			events: `{"Action":"output","Package":"m/a","Test":"TestCorpus","Output":"=== RUN   TestCorpus\n"}
{"Action":"output","Package":"m/a","Test":"TestCorpus","Output":"    corpora.go:24: corpus ../shared/corpora/x not present (set ALOUD_CORPORA)\n"}
{"Action":"output","Package":"m/a","Test":"TestCorpus","Output":"--- SKIP: TestCorpus (0.00s)\n"}
{"Action":"skip","Package":"m/a","Test":"TestCorpus","Elapsed":0}
{"Action":"output","Package":"m/a","Test":"TestFine","Output":"--- PASS: TestFine (0.00s)\n"}
{"Action":"pass","Package":"m/a","Test":"TestFine","Elapsed":0}
{"Action":"pass","Package":"m/a","Elapsed":1.5}
{"Action":"pass","Package":"m/b","Elapsed":12.25}
`,
			ok: true,
			want: []string{"ok   m/a", "1 tests skipped:", "a TestCorpus: corpora.go:24: corpus ../shared/corpora/x not present (set ALOUD_CORPORA)",
				"slowest packages:\n    12.2s  m/b\n     1.5s  m/a", "PASS: 2 packages"},
			not: []string{"TestFine"},
		},
		{
			name: "a failing test's output is printed",
			events: `{"Action":"output","Package":"m/a","Test":"TestBad","Output":"    a_test.go:9: got 2, want 3\n"}
{"Action":"fail","Package":"m/a","Test":"TestBad","Elapsed":0.1}
{"Action":"output","Package":"m/a","Output":"FAIL\n"}
{"Action":"fail","Package":"m/a","Elapsed":0.2}
`,
			want: []string{"a_test.go:9: got 2, want 3", "FAIL m/a", "FAIL: 2 failed:\n  m/a TestBad\n  m/a"},
		},
		{
			name: "a package killed by its timeout",
			events: `{"Action":"output","Package":"m/a","Output":"panic: test timed out after 10m0s\n"}
{"Action":"fail","Package":"m/a","Elapsed":600}
`,
			want: []string{"panic: test timed out after 10m0s", "FAIL: 1 failed"},
		},
		{
			name: "a build failure",
			events: `{"ImportPath":"m/a [m/a.test]","Action":"build-output","Output":"a.go:3:1: syntax error\n"}
{"ImportPath":"m/a [m/a.test]","Action":"build-fail"}
go: some message that is not JSON
`,
			want: []string{"a.go:3:1: syntax error", "go: some message that is not JSON", "did not build"},
		},
		{name: "nothing at all", events: "", want: []string{"no package reported a result"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			r := &report{out: &out, output: map[testKey][]string{}}
			if err := r.read(strings.NewReader(tc.events)); err != nil {
				t.Fatal(err)
			}
			ok := r.summary(3)
			if ok != tc.ok {
				t.Errorf("summary says %v, want %v", ok, tc.ok)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("report lacks %q:\n%s", w, out.String())
				}
			}
			for _, n := range tc.not {
				if strings.Contains(out.String(), n) {
					t.Errorf("report holds %q:\n%s", n, out.String())
				}
			}
		})
	}
}
