package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/source"
)

func newFeedCmd(g *globals) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "feed",
		Short: "Check a podcast feed against the rules podcast apps enforce, or rebuild the store's feeds",
	}
	sf.add(cmd.PersistentFlags())

	var noFetch bool
	check := &cobra.Command{
		Use:   "check [FEED_URL_OR_FILE]...",
		Short: "Validate feeds and print every problem with its rule",
		Long: `Check podcast feeds against the rules that Apple Podcasts, Spotify and the
Podcasting 2.0 namespace set for a feed. Each problem is printed with its
rule (e.g. I2, listed in docs/PUBLISHING.md), where it is and what is wrong.

With no argument every feed configured for the store is checked, and each
enclosure's length is compared with the stored file. A URL is fetched; a file
is read. Enclosure lengths of fetched or read feeds are compared with what
their servers answer to HEAD, unless --no-fetch.

Exit status: 0 when no feed has an error (warnings allowed), 1 otherwise.`,
		Example: `  aloud feed check
  aloud feed check https://cdn.example.com/podcast/feed.xml
  aloud feed check --no-fetch --json out/feed.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			httpSize := feed.SizeFunc(feed.HTTPSize(&http.Client{Timeout: 30 * time.Second}))
			if noFetch {
				httpSize = nil
			}
			type result struct {
				name string
				ps   []feed.Problem
			}
			var results []result
			if len(args) == 0 {
				st, loc, cfg, err := sf.open(cmd, g)
				if err != nil {
					return err
				}
				for _, f := range cfg.FeedList() {
					where, ps, err := feed.CheckStored(ctx, st, feedKey(f), httpSize)
					if err != nil {
						return fmt.Errorf("%s: %w", loc, err)
					}
					results = append(results, result{where, ps})
				}
			}
			for _, a := range args {
				data, err := readFeed(ctx, a)
				if err != nil {
					return err
				}
				ps, err := feed.Check(ctx, data, feed.CheckOptions{Size: httpSize, URL: a})
				if err != nil {
					return fmt.Errorf("%s: %w", a, err)
				}
				results = append(results, result{a, ps})
			}
			failed := 0
			for _, r := range results {
				errs := feed.Errors(r.ps)
				if errs > 0 {
					failed++
				}
				if g.json {
					ps := r.ps
					if ps == nil {
						ps = []feed.Problem{}
					}
					json.NewEncoder(g.stdout).Encode(struct {
						Feed     string         `json:"feed"`
						OK       bool           `json:"ok"`
						Errors   int            `json:"errors"`
						Warnings int            `json:"warnings"`
						Problems []feed.Problem `json:"problems"`
					}{r.name, errs == 0, errs, len(ps) - errs, ps})
					continue
				}
				for _, p := range r.ps {
					fmt.Fprintf(g.stdout, "%s: %s\n", r.name, p)
				}
				if !g.quiet {
					fmt.Fprintf(g.stdout, "%s: %s, %s\n", r.name, plural(errs, "error"), plural(len(r.ps)-errs, "warning"))
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d of %d feeds have errors", failed, len(results))
			}
			return nil
		},
	}
	check.Flags().BoolVar(&noFetch, "no-fetch", false, "do not ask servers for enclosure sizes (the feed itself is still fetched if it is a URL)")

	rebuild := &cobra.Command{
		Use:   "rebuild",
		Short: "Write every configured feed again from the catalog (after changing feed settings)",
		Args:  exactArgs(0, "rebuild takes no arguments"),
		RunE: func(cmd *cobra.Command, args []string) error {
			rsf := sf
			rsf.inferBase = true
			st, channels, err := rsf.openFeeds(cmd, g)
			if err != nil {
				return err
			}
			cat, _, err := feed.LoadCatalog(cmd.Context(), st)
			if err != nil {
				return err
			}
			if err := narrate.PublishFeeds(cmd.Context(), st, channels, cat, time.Now()); err != nil {
				return err
			}
			for _, ch := range channels {
				fmt.Fprintln(g.stdout, st.URL(ch.FeedKeyOf()))
			}
			return nil
		},
	}
	cmd.AddCommand(check, rebuild)
	return cmd
}

func newUnpublishCmd(g *globals) *cobra.Command {
	sf := storeFlags{inferBase: true}
	var del bool
	cmd := &cobra.Command{
		Use:   "unpublish SLUG",
		Short: "Take an episode out of the catalog and every feed (and delete its files with --delete)",
		Long: `Take the episode SLUG (the name of its .mp3 without the extension) out of the
catalog and rewrite every feed without it. Its files stay in the store, so
players already embedded keep working, unless --delete: then the audio, the
manifest, the transcript and the chapters are deleted after the feeds no
longer list them. If it stops part-way, running it again finishes the job.`,
		Example: `  aloud unpublish city-council-approves-budget
  aloud unpublish --delete --store s3://podcasts/news city-council-approves-budget`,
		Args: exactArgs(1, "unpublish needs one SLUG"),
		RunE: func(cmd *cobra.Command, args []string) error {
			slug := args[0]
			if err := feed.CheckSlug(slug); err != nil {
				return usageError{err}
			}
			st, channels, err := sf.openFeeds(cmd, g)
			if err != nil {
				return err
			}
			res, err := narrate.Unpublish(cmd.Context(), st, channels, slug, del, time.Now())
			if err != nil {
				return err
			}
			if g.json {
				return json.NewEncoder(g.stdout).Encode(struct {
					Slug    string   `json:"slug"`
					GUID    string   `json:"guid,omitempty"`
					Deleted []string `json:"deleted"`
				}{slug, res.Episode.GUID, append([]string{}, res.Deleted...)})
			}
			if res.Episode.GUID != "" {
				fmt.Fprintf(g.stdout, "unpublished %s (%s)\n", slug, res.Episode.Title)
			}
			for _, k := range res.Deleted {
				fmt.Fprintf(g.stdout, "deleted %s\n", st.URL(k))
			}
			return nil
		},
	}
	sf.add(cmd.Flags())
	cmd.Flags().BoolVar(&del, "delete", false, "also delete the episode's audio, manifest, transcript and chapters")
	return cmd
}

// readFeed reads a feed from an http(s) URL (through the same fetcher as
// articles) or a file.
func readFeed(ctx context.Context, where string) ([]byte, error) {
	if source.IsURL(where) {
		l := &source.Loader{MaxBytes: feed.MaxFeedBytes, Timeout: 60 * time.Second, UserAgent: "aloud/" + programVersion()}
		data, _, err := l.Document(ctx, where, source.FeedTypes)
		if err != nil {
			return nil, err
		}
		return feed.ReadBounded(bytes.NewReader(data), where)
	}
	f, err := os.Open(filepath.Clean(where))
	if err != nil {
		return nil, usageError{fmt.Errorf("reading feed: %w", err)}
	}
	defer f.Close()
	return feed.ReadBounded(f, where)
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
