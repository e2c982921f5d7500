package main

import (
	"errors"
	"fmt"
	"net"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/player"
)

type playerOptions struct {
	storeFlags
	Highlight string
	Serve     string // player demo: the address to serve the store's folder at, "" for none
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
			if err := feed.CheckSlug(args[0]); err != nil {
				return usageError{err}
			}
			st, _, _, err := o.open(cmd, g)
			if err != nil {
				return err
			}
			if _, err := narrate.ReadManifest(cmd.Context(), st, args[0]); err != nil {
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
(the newest episode unless SLUG names one).

With --serve, aloud then serves the store's folder on 127.0.0.1:8080 (or the
address given, --serve=ADDR) until Ctrl-C: open the address it prints. Its
server answers the Range requests a browser needs to seek in the audio;
python3 -m http.server does not, and seeking fails with it.`,
		Example: `  aloud player demo --serve
  aloud player demo --serve=127.0.0.1:9000 --out /srv/podcast my-story`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageError{fmt.Errorf("demo takes at most one SLUG")}
			}
			if len(args) == 1 {
				if err := feed.CheckSlug(args[0]); err != nil {
					return usageError{err}
				}
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
			}
			if _, err := narrate.WriteDemo(ctx, st, slug); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
			if loc.Scheme == "s3" {
				fmt.Fprintf(g.stdout, "%s\n", st.URL(narrate.DemoKey))
				if o.Serve != "" {
					return usageError{fmt.Errorf("--serve serves a local folder; %s is served by its bucket's own address", where)}
				}
				return nil
			}
			fmt.Fprintf(g.stdout, "%s\n", filepath.Join(where, narrate.DemoKey))
			if o.Serve == "" {
				fmt.Fprintf(g.stderr, "Try it with:  aloud player demo --serve --out %s   (a local server that lets the player seek)\n", where)
				return nil
			}
			ln, err := net.Listen("tcp", o.Serve)
			if err != nil {
				return usageError{fmt.Errorf("--serve %s: %w", o.Serve, err)}
			}
			fmt.Fprintf(g.stderr, "Serving %s at http://%s/demo.html (Ctrl-C to stop)\n", where, ln.Addr())
			err = player.Serve(ctx, ln, where)
			if ctx.Err() != nil {
				return nil // stopped by Ctrl-C, as asked
			}
			return err
		},
	}
	demo.Flags().StringVar(&o.Serve, "serve", "", "then serve the store's folder at `ADDR` until Ctrl-C (alone: 127.0.0.1:8080)")
	demo.Flags().Lookup("serve").NoOptDefVal = "127.0.0.1:8080"
	cmd.AddCommand(snippet, demo)
	return cmd
}

func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError{errors.New(msg)}
		}
		return nil
	}
}
