package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/store"
)

type playerOptions struct {
	storeFlags
	Highlight string
}

func newPlayerCmd(g *globals) *cobra.Command {
	var o playerOptions
	cmd := &cobra.Command{
		Use:   "player",
		Short: "The embeddable player: the snippet for a CMS template, and a demo page",
	}
	o.add(cmd.PersistentFlags())

	snippet := &cobra.Command{
		Use:   "snippet SLUG",
		Short: "Print the HTML that embeds the player for an episode",
		Long: `Print the HTML to paste into an article template: the player's stylesheet and
script (published under player/ in the store) and an <aloud-player> element
pointing at the episode's manifest. With --highlight, the player highlights
the sentence being read in the page element that selector names.`,
		Args: exactArgs(1, "snippet needs the SLUG of a narrated episode"),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, _, _, err := o.open(cmd, g)
			if err != nil {
				return err
			}
			if _, err := readManifest(cmd.Context(), st, args[0]); err != nil {
				return err
			}
			fmt.Fprint(g.stdout, player.Snippet(st.URL, args[0], o.Highlight))
			return nil
		},
	}
	snippet.Flags().StringVar(&o.Highlight, "highlight", "", "CSS `SELECTOR` of the article text to highlight sentences in, e.g. .article-body")

	demo := &cobra.Command{
		Use:   "demo [SLUG]",
		Short: "Write demo.html: an article page with the player, to try it locally",
		Long: `Write demo.html into the store: a page with the article's text and the player
(the newest episode unless SLUG names one). Serve the store's folder and open
it, e.g. python3 -m http.server -d out 8080, then http://127.0.0.1:8080/demo.html.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("demo takes at most one SLUG")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			st, loc, _, err := o.open(cmd, g)
			if err != nil {
				return err
			}
			where := loc.String()
			ctx := cmd.Context()
			slug := ""
			if len(args) == 1 {
				slug = args[0]
			} else {
				cat, _, err := feed.LoadCatalog(ctx, st)
				if err != nil {
					return err
				}
				eps := cat.Sorted()
				if len(eps) == 0 {
					return fmt.Errorf("%s has no episodes yet: narrate an article first", where)
				}
				slug = eps[0].Slug
			}
			m, err := readManifest(ctx, st, slug)
			if err != nil {
				return err
			}
			var cues []episode.Cue
			if rc, _, err := st.Get(ctx, slug+".vtt"); err == nil {
				data, _ := io.ReadAll(io.LimitReader(rc, 16<<20))
				rc.Close()
				if cues, err = episode.ParseVTT(data); err != nil {
					return fmt.Errorf("%s.vtt: %w", slug, err)
				}
			}
			page, err := player.Demo(m, cues)
			if err != nil {
				return err
			}
			for key, body := range player.Assets() {
				if err := st.Put(ctx, key, bytes.NewReader(body), store.Meta{}); err != nil {
					return err
				}
			}
			if err := st.Put(ctx, "demo.html", bytes.NewReader(page), store.Meta{ContentType: "text/html"}); err != nil {
				return err
			}
			if strings.HasPrefix(where, "s3://") {
				fmt.Fprintf(g.stdout, "%s\n", st.URL("demo.html"))
				return nil
			}
			fmt.Fprintf(g.stdout, "%s\n", filepath.Join(where, "demo.html"))
			fmt.Fprintf(g.stderr, "Serve the folder and open demo.html, e.g.:\n  python3 -m http.server -d %s 8080   →   http://127.0.0.1:8080/demo.html\n", where)
			return nil
		},
	}
	cmd.AddCommand(snippet, demo)
	return cmd
}

func readManifest(ctx context.Context, st store.Store, slug string) (player.Manifest, error) {
	if err := store.ValidKey(slug + ".json"); err != nil || filepath.Base(slug) != slug {
		return player.Manifest{}, usageError{fmt.Errorf("%q is not a slug", slug)}
	}
	rc, _, err := st.Get(ctx, slug+".json")
	if errors.Is(err, store.ErrNotExist) {
		return player.Manifest{}, fmt.Errorf("no episode %q in the store (no %s.json)", slug, slug)
	}
	if err != nil {
		return player.Manifest{}, err
	}
	defer rc.Close()
	var m player.Manifest
	if err := json.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(&m); err != nil {
		return player.Manifest{}, fmt.Errorf("%s.json: %w", slug, err)
	}
	return m, nil
}

func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{errors.New(msg)}
		}
		return nil
	}
}
