package textnorm

import (
	"os"
	"strings"
	"testing"
)

func TestDebugTokens(t *testing.T) {
	in := os.Getenv("TN_IN")
	if in == "" {
		t.Skip()
	}
	n := Normalizer{Language: os.Getenv("TN_LANG")}
	for _, line := range strings.Split(in, "|") {
		t.Logf("%q → %q", line, n.Normalize(line))
		for _, tk := range n.Tokens(line) {
			if tk.Class != "" {
				t.Logf("   %-12s %q → %q", tk.Class, tk.Written, tk.Spoken)
			}
		}
	}
}
