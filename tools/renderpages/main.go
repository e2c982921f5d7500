// Command renderpages makes the copied-text development set: it opens each
// page of the two extraction development sets in headless Chromium, with
// scripts off and the network closed, and saves document.body.innerText,
// what a reader gets who selects the whole page and copies it. The text
// is a cache kept outside the repository (the pages are third-party
// material); internal/article's TestCopiedTextCorpus reads it.
//
//	go run ./tools/renderpages [-out DIR] [-workers N]
//
// DIR defaults to $ALOUD_RENDERS, else the user's cache folder
// (~/.cache/aloud/renders). Pages already rendered from the same source
// bytes are skipped, so a second run is quick.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/aloud-dev/aloud/internal/corpora"
)

func main() {
	out := flag.String("out", corpora.RendersDir(), "where the rendered text goes")
	workers := flag.Int("workers", 2, "pages rendered at once")
	chromium := flag.String("chromium", "/usr/bin/chromium", "the Chromium binary")
	flag.Parse()
	if err := run(*out, *workers, *chromium); err != nil {
		fmt.Fprintln(os.Stderr, "renderpages:", err)
		os.Exit(1)
	}
}

// job is one page to render: where its HTML is, and where its text goes.
type job struct {
	src, dst string
}

func run(out string, workers int, chromium string) error {
	root := corpora.Root()
	if root == "" {
		return errors.New("no corpora (../shared/corpora beside the module, or $ALOUD_CORPORA)")
	}
	if out == "" {
		return errors.New("no folder for the renders: give -out")
	}
	jobs, err := listJobs(root, out)
	if err != nil {
		return err
	}
	todo := jobs[:0]
	for _, j := range jobs {
		if !fresh(j) {
			todo = append(todo, j)
		}
	}
	slog.Info("rendering", "pages", len(jobs), "to_render", len(todo), "out", out)
	if len(todo) == 0 {
		return nil
	}
	if _, err := os.Stat(chromium); err != nil {
		return fmt.Errorf("chromium: %w (apt-get install chromium)", err)
	}
	profile, err := os.MkdirTemp("", "aloud-render-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	actx, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		// The pages' own resources (style sheets, images, fonts) are on
		// hosts long gone or not ours to fetch: every name fails at once.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.Flag("blink-settings", "imagesEnabled=false"),
		chromedp.Flag("disable-background-networking", true),
		chromedp.WindowSize(1280, 1000),
	)
	defer cancel()
	browser, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Run(browser); err != nil {
		return fmt.Errorf("starting chromium: %w", err)
	}
	var next, done, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range max(workers, 1) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(todo) {
					return
				}
				if err := render(browser, todo[i]); err != nil {
					failed.Add(1)
					slog.Warn("render failed", "page", todo[i].src, "err", err)
				}
				if n := done.Add(1); n%50 == 0 || int(n) == len(todo) {
					slog.Info("progress", "done", n, "of", len(todo), "elapsed", time.Since(start).Round(time.Second))
				}
			}
		})
	}
	wg.Wait()
	if f := failed.Load(); f > 0 {
		return fmt.Errorf("%d of %d pages failed to render", f, len(todo))
	}
	return nil
}

// listJobs names every development page and its text file under out:
// readability/NAME.txt and dragnet/NAME.txt.
func listJobs(root, out string) ([]job, error) {
	var jobs []job
	dirs, err := filepath.Glob(filepath.Join(root, corpora.ReadabilitySet, "*", "source.html"))
	if err != nil {
		return nil, err
	}
	for _, src := range dirs {
		jobs = append(jobs, job{src, filepath.Join(out, "readability", filepath.Base(filepath.Dir(src))+".txt")})
	}
	files, err := filepath.Glob(filepath.Join(root, corpora.DragnetSet, "input", "*.html"))
	if err != nil {
		return nil, err
	}
	for _, src := range files {
		name := filepath.Base(src)
		jobs = append(jobs, job{src, filepath.Join(out, "dragnet", name[:len(name)-len(".html")]+".txt")})
	}
	return jobs, nil
}

// fresh reports a render made from the page's current bytes: its hash is
// kept beside the text.
func fresh(j job) bool {
	want, err := sourceHash(j.src)
	if err != nil {
		return false
	}
	got, err := os.ReadFile(j.dst + ".sha256")
	return err == nil && string(got) == want
}

func sourceHash(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// render opens the page in a tab of its own, with scripts off, and saves
// its body's innerText.
func render(browser context.Context, j job) error {
	tab, cancelTab := chromedp.NewContext(browser)
	defer cancelTab()
	ctx, cancel := context.WithTimeout(tab, 30*time.Second)
	defer cancel()
	abs, err := filepath.Abs(j.src)
	if err != nil {
		return err
	}
	u := url.URL{Scheme: "file", Path: abs}
	var text string
	err = chromedp.Run(ctx,
		emulation.SetScriptExecutionDisabled(true),
		chromedp.Navigate(u.String()),
		chromedp.Evaluate(`document.body ? document.body.innerText : ""`, &text),
	)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(j.dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(j.dst, []byte(text), 0o644); err != nil {
		return err
	}
	sum, err := sourceHash(j.src)
	if err != nil {
		return err
	}
	return os.WriteFile(j.dst+".sha256", []byte(sum), 0o644)
}
