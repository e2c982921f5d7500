package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/store"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

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
		Version:       version,
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
	root.AddCommand(newNarrateCmd(g, narrateF), newVoicesCmd(g), newExtractCmd(g), newScriptCmd(g), newNormalizeCmd(g), newMP3Cmd(g), newPlayerCmd(g), newFeedCmd(g), newUnpublishCmd(g), newServeCmd(g), newInitCmd(g), newDoctorCmd(g))
	return root
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageError{fmt.Errorf("%s takes no arguments", cmd.CommandPath())}
	}
	return nil
}
