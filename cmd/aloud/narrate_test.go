package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aloud-dev/aloud/internal/ui"
)

// TestNarrateFlags checks argv → options without running anything.
func TestNarrateFlags(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("voice: from-config\nout: cfg-out\npublic_base_url: https://cfg.example.com\njobs: 2\n"), 0o644)
	t.Chdir(dir)
	for _, k := range []string{"ALOUD_PUBLIC_BASE_URL", "ALOUD_VOICE", "ALOUD_OUT", "ALOUD_JOBS"} {
		t.Setenv(k, "")
	}
	cfgOpts := func(inputs []string, mode ui.Mode) narrateOptions {
		// No --voice: the voice comes per article from the configuration.
		return narrateOptions{Inputs: inputs, Store: "cfg-out", PublicBaseURL: "https://cfg.example.com", Jobs: 2, Mode: mode}
	}
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want narrateOptions
	}{
		{"config", []string{"a.html"}, nil, cfgOpts([]string{"a.html"}, ui.Plain)},
		{"flags win", []string{"--out", "o", "--voice", "v", "--public-base-url", "https://flag.example.com", "-j", "3", "a", "b"}, nil,
			narrateOptions{Inputs: []string{"a", "b"}, Store: "o", Voice: "v", PublicBaseURL: "https://flag.example.com", Jobs: 3, Mode: ui.Plain}},
		{"env over config", []string{"x"}, map[string]string{"ALOUD_VOICE": "env-voice", "ALOUD_OUT": "env-out"},
			narrateOptions{Inputs: []string{"x"}, Store: "env-out", PublicBaseURL: "https://cfg.example.com", Jobs: 2, Mode: ui.Plain}},
		{"json", []string{"--json", "x"}, nil, cfgOpts([]string{"x"}, ui.JSON)},
		{"quiet", []string{"-q", "x"}, nil, cfgOpts([]string{"x"}, ui.Quiet)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for k, v := range tc.env {
				t.Setenv(k, v)
			}
			var got narrateOptions
			var stdout, stderr bytes.Buffer
			root := newRootCmd(&stdout, &stderr, func(o *narrateOptions) error { got = *o; return nil })
			root.SetArgs(append([]string{"narrate"}, tc.args...))
			if err := root.ExecuteContext(context.Background()); err != nil {
				t.Fatal(err)
			}
			if v := tc.env["ALOUD_VOICE"]; v != "" && got.Config.Voice != v {
				t.Errorf("ALOUD_VOICE: the default voice is %q, want %q", got.Config.Voice, v)
			}
			if got.Store != tc.want.Store || got.Voice != tc.want.Voice || got.PublicBaseURL != tc.want.PublicBaseURL ||
				got.Jobs != tc.want.Jobs || got.Mode != tc.want.Mode || !slices.Equal(got.Inputs, tc.want.Inputs) {
				t.Errorf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// TestConfigStoreError checks that a bad store location in aloud.yaml is
// reported at its file and line before anything runs.
func TestConfigStoreError(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("voice: en-espeak\nstore: ftp://example.com/x\n"), 0o644)
	t.Chdir(dir)
	t.Setenv("ALOUD_STORE", "")
	ran := false
	var stdout, stderr bytes.Buffer
	root := newRootCmd(&stdout, &stderr, func(*narrateOptions) error { ran = true; return nil })
	root.SetArgs([]string{"narrate", "a.html"})
	err := root.ExecuteContext(context.Background())
	if err == nil || ran {
		t.Fatalf("err = %v, ran = %v; want a config error and no run", err, ran)
	}
	if !strings.Contains(err.Error(), "aloud.yaml:2: store:") {
		t.Errorf("error %q does not name aloud.yaml:2: store", err)
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		i, n int
		err  string
	}{
		{"0/1", 0, 1, ""},
		{"3/4", 3, 4, ""},
		{" 2 / 8 ", 2, 8, ""},
		{"4/4", 0, 0, "must be below n"},
		{"-1/4", 0, 0, "must be below n"},
		{"1/0", 0, 0, "n must be 1 to 10000"},
		{"1/100000", 0, 0, "n must be 1 to 10000"},
		{"1", 0, 0, "want i/n"},
		{"a/b", 0, 0, "want i/n"},
		{"", 0, 0, "want i/n"},
	}
	for _, tc := range tests {
		i, n, err := parseShard(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%q: err %v, want %q", tc.in, err, tc.err)
			}
			continue
		}
		if err != nil || i != tc.i || n != tc.n {
			t.Errorf("%q: %d/%d %v", tc.in, i, n, err)
		}
	}
}

// TestOneMeaningPerFlag walks the command tree: -o is --out wherever it
// exists, and every command that takes a store takes it the same way
// (--out DIR, --store LOCATION, --public-base-url and the S3 settings).
func TestOneMeaningPerFlag(t *testing.T) {
	root := newRootCmd(io.Discard, io.Discard, nil)
	storeCommands := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		flags := c.LocalFlags()
		flags.VisitAll(func(f *pflag.Flag) {
			if f.Shorthand == "o" && f.Name != "out" {
				t.Errorf("%s: -o is --%s, want --out", c.CommandPath(), f.Name)
			}
		})
		if flags.Lookup("store") != nil {
			storeCommands++
			for _, name := range []string{"out", "public-base-url", "s3-endpoint", "s3-region", "s3-path-style"} {
				if flags.Lookup(name) == nil {
					t.Errorf("%s takes --store but not --%s", c.CommandPath(), name)
				}
			}
			if f := flags.Lookup("out"); f != nil && f.Shorthand != "o" {
				t.Errorf("%s: --out has no -o", c.CommandPath())
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	// narrate, serve, player and feed (for their subcommands), unpublish,
	// doctor.
	if storeCommands < 6 {
		t.Errorf("%d commands take --store, want at least 6", storeCommands)
	}
}

// TestStoreFlags checks which store a command gets: --store over --out
// over the configuration's store over its out.
func TestStoreFlags(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("ALOUD_STORE", "")
	t.Setenv("ALOUD_OUT", "")
	for _, tc := range []struct {
		name   string
		config string
		args   []string
		want   string
	}{
		{"default", "", nil, "out"},
		{"config out", "out: cfg-out\n", nil, "cfg-out"},
		{"config store over out", "out: cfg-out\nstore: s3://b/p\n", nil, "s3://b/p"},
		{"--out over config", "store: s3://b/p\n", []string{"--out", "o"}, "o"},
		{"-o", "", []string{"-o", "o"}, "o"},
		{"--store over --out", "", []string{"-o", "o", "--store", "file:///srv/x"}, "file:///srv/x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte(tc.config), 0o644)
			var got narrateOptions
			root := newRootCmd(io.Discard, io.Discard, func(o *narrateOptions) error { got = *o; return nil })
			root.SetArgs(append(append([]string{"narrate"}, tc.args...), "a.html"))
			if err := root.ExecuteContext(context.Background()); err != nil {
				t.Fatal(err)
			}
			if got.Store != tc.want {
				t.Errorf("store %q, want %q", got.Store, tc.want)
			}
		})
	}
}
