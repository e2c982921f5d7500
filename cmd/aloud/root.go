package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/store"
)

// version can be set at build time with -ldflags "-X main.version=v1.2.3";
// programVersion says what it is otherwise.
var version string

// programVersion is version, else the module version go recorded in the
// build (v1.2.3 from go install, a pseudo-version naming the commit from a
// checkout), else "devel".
func programVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

// versionLine is what --version prints: the version, then the commit the
// binary was built from and when, as go build recorded them (a "+" marks
// uncommitted changes), e.g. "v1.2.0 (commit 2b0626e3c1f4, 2026-12-01)".
func versionLine() string {
	line := programVersion()
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return line
	}
	var rev, when, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(len(s.Value), 12)]
		case "vcs.time":
			when = strings.SplitN(s.Value, "T", 2)[0]
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+"
			}
		}
	}
	// Go stamps a pseudo-version that already names the commit
	// (v0.0.0-20261201223212-2b0626eecb71+dirty); say it otherwise.
	if rev != "" && !strings.Contains(line, rev) {
		line += fmt.Sprintf(" (commit %s%s, %s)", rev, modified, when)
	}
	return line + ", " + bi.GoVersion
}

// globals are the flags every command takes.
type globals struct {
	configPath string
	quiet      bool
	json       bool
	stdout     io.Writer
	stderr     io.Writer
}

func (g *globals) loadConfig() (config.Config, error) {
	cfg, err := config.Load(g.configPath, os.Getenv)
	if err != nil {
		return config.Config{}, usageError{err}
	}
	if cfg.Store != "" {
		if _, err := store.ParseLocation(cfg.Store); err != nil {
			return config.Config{}, usageError{cfg.FieldError("store", "%v", err)}
		}
	}
	return cfg, nil
}

// newRootCmd builds the command tree. narrateF replaces running `narrate`
// (tests check argv → options with it); nil runs it for real.
func newRootCmd(stdout, stderr io.Writer, narrateF func(*narrateOptions) error) *cobra.Command {
	g := &globals{stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "aloud",
		Short: "Turn published articles into narrated audio and a podcast feed",
		Long: `aloud reads articles (HTML pages, Markdown or plain text, from files or URLs),
narrates them with a text-to-speech voice (espeak-ng offline by default), and
publishes each as an MP3 episode with a player manifest, adding it to a
podcast feed (feed.xml) and its catalog (episodes.json).

Configuration comes from aloud.yaml in the working folder (or --config), then
ALOUD_* environment variables, then flags; flags win.`,
		Version:       versionLine(),
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.configPath, "config", "", "read configuration from `FILE` (default: aloud.yaml if present)")
	pf.BoolVarP(&g.quiet, "quiet", "q", false, "print results only, no progress")
	pf.BoolVar(&g.json, "json", false, "print one JSON object per article on stdout, nothing else")
	root.AddCommand(newNarrateCmd(g, narrateF), newRoundupCmd(g), newVoicesCmd(g), newExtractCmd(g), newScriptCmd(g), newNormalizeCmd(g), newMP3Cmd(g), newPlayerCmd(g), newFeedCmd(g), newUnpublishCmd(g), newServeCmd(g), newInitCmd(g), newDoctorCmd(g))
	refuseUnknown(root)
	return root
}

// refuseUnknown makes every command that only groups others (aloud, aloud
// feed, …) print its help when called alone and refuse an unknown
// subcommand as a usage mistake (exit 2); cobra would print the help and
// exit 0 below the root, and exit 1 at it.
func refuseUnknown(c *cobra.Command) {
	for _, sub := range c.Commands() {
		refuseUnknown(sub)
	}
	if !c.HasSubCommands() || c.Runnable() {
		return
	}
	c.Args = cobra.ArbitraryArgs
	c.SuggestionsMinimumDistance = 2
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return cmd.Help()
		}
		msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			msg += fmt.Sprintf(" (did you mean %q?)", s[0])
		}
		return usageError{errors.New(msg)}
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments", cmd.CommandPath())}
	}
	return nil
}
