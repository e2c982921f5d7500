// Command aloud turns published articles into narrated audio and publishes
// it as a podcast feed and per-article player manifests.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"runtime/pprof"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/narrate"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailure  = 1 // something could not be done; the message says what
	exitUsage    = 2 // bad flags, arguments or configuration
	exitCanceled = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// ALOUD_CPUPROFILE=FILE writes a Go CPU profile of the run, for
	// anyone chasing where time goes (go tool pprof aloud FILE).
	if path := os.Getenv("ALOUD_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				defer f.Close()
				defer pprof.StopCPUProfile()
			}
		}
	}
	root := newRootCmd(os.Stdout, os.Stderr, nil)
	setGCDefaults(root, os.Args[1:])
	code := runRoot(ctx, root, os.Args[1:], os.Stderr)
	stop()
	if code != exitOK {
		pprof.StopCPUProfile()
		os.Exit(code)
	}
}

// setGCDefaults: aloud's heap is small and a command's run short, so
// collecting less often saves a measurable share of a join of hundreds of
// files, and a soft limit keeps long joins from growing past it. Not for
// serve, which runs for days with jobs side by side and has no such bound,
// and never over the user's word: GOGC and GOMEMLIMIT, when set, stand.
func setGCDefaults(root *cobra.Command, args []string) {
	if cmd, _, err := root.Find(args); err == nil && cmd.Name() == "serve" {
		return
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(40 << 20)
	}
}

// runRoot runs the command line args on root and gives the exit status,
// the error said on stderr.
func runRoot(ctx context.Context, root *cobra.Command, args []string, stderr io.Writer) int {
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var uerr usageError
	switch {
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		fmt.Fprintln(stderr, "aloud: interrupted")
		return exitCanceled
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "aloud: %v\nRun 'aloud --help' for usage.\n", err)
		return exitUsage
	case errors.Is(err, narrate.ErrFailed):
		fmt.Fprintf(stderr, "aloud: %v\n", err)
		return exitFailure
	default:
		fmt.Fprintf(stderr, "aloud: %v\n", err)
		return exitFailure
	}
}

// usageError is a mistake in how aloud was called.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }
