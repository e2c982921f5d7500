package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/textnorm"
)

func newExtractCmd(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract ARTICLE [--format json|text|body]",
		Short: "Print what aloud reads from an article, before anything is paid for",
		Long: `Read ARTICLE (an HTML, Markdown or text file, or an http(s) URL) the way
narrate does and print what was extracted:

  json  the metadata (title, byline, date, language, canonical URL, lead
        image, publication) and the blocks (headings, paragraphs, quotes,
        list items) in order
  text  the title, byline and date, then the body as plain paragraphs
  body  the body alone, one block a line: subheadings, paragraphs, quotes
        and list items, without title or byline (what extraction
        benchmarks score)`,
		Example: `  aloud extract https://example.com/news/story
  aloud extract --format json story.html | jq .blocks`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" && format != "text" && format != "body" {
				return usageError{fmt.Errorf("--format %q: want json, text or body", format)}
			}
			cfg, err := g.loadConfig()
			if err != nil {
				return err
			}
			loader := newLoader(cfg)
			a, err := loader.LoadEntry(cmd.Context(), source.Entry{Ref: args[0]})
			if err != nil {
				return err
			}
			return writeArticle(g.stdout, a, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "what to print: `json`, text or body")
	return cmd
}

// writeArticle prints an extracted article in one of extract's formats.
func writeArticle(w io.Writer, a article.Article, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(a)
	case "text":
		fmt.Fprintln(w, a.Title)
		if a.Byline != "" {
			fmt.Fprintln(w, "By "+a.Byline)
		}
		if !a.Published.IsZero() {
			fmt.Fprintln(w, a.Published.Format(time.RFC3339))
		}
		fmt.Fprintln(w)
	}
	for _, b := range a.Blocks {
		if _, err := fmt.Fprintln(w, b.Text); err != nil {
			return err
		}
		if format == "text" {
			fmt.Fprintln(w)
		}
	}
	return nil
}

func newScriptCmd(g *globals) *cobra.Command {
	var voice string
	cmd := &cobra.Command{
		Use:   "script ARTICLE [--voice PRESET]",
		Short: "Print the chunks exactly as they would be sent to the voice",
		Long: `Read ARTICLE and print its script for the voice: every chunk exactly as it
would be sent, sized to the voice's limits, with the pause before it and the
chapter that starts there. Nothing is synthesized; with --json, the script as
JSON.`,
		Example: `  aloud script story.html
  aloud script --voice en-polly-neural https://example.com/news/story`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := g.loadConfig()
			if err != nil {
				return err
			}
			// The pipeline is built as narrate builds it, without a store or
			// a cache: scripting reads neither.
			loader := newLoader(cfg)
			o, err := newPipeline(cfg, g, nil, loader, voice, "off")
			if err != nil {
				return err
			}
			a, err := loader.LoadEntry(cmd.Context(), source.Entry{Ref: args[0]})
			if err != nil {
				return err
			}
			sc, v, err := narrate.BuildScript(o, a)
			if err != nil {
				return err
			}
			if g.json {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(sc)
			}
			lim := v.Synth.Limits()
			fmt.Fprintf(g.stdout, "# %s · voice %s · language %s · %d chunks, %d characters (limit %d a chunk)\n", sc.Title, v.Name, sc.Language, len(sc.Chunks), sc.Chars(), lim.MaxChars)
			for _, c := range sc.Chunks {
				fmt.Fprintln(g.stdout)
				if c.PauseBefore > 0 {
					fmt.Fprintf(g.stdout, "[pause %s]\n", c.PauseBefore)
				}
				if c.Chapter != "" {
					fmt.Fprintf(g.stdout, "[chapter %q]\n", c.Chapter)
				}
				fmt.Fprintf(g.stdout, "[chunk %d · %s · %d characters]\n%s\n", c.Index+1, c.Kind, len([]rune(c.Say())), strings.TrimSpace(c.Say()))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&voice, "voice", "", "voice `PRESET` whose limits the chunks are sized to (default: the voice of the article's language)")
	return cmd
}

func newNormalizeCmd(g *globals) *cobra.Command {
	var lang string
	var skip []string
	cmd := &cobra.Command{
		Use:   "normalize [--lang LANG] [--skip CLASS,...]",
		Short: "Say numbers, dates, money and the like in words: lines on stdin, one out per line in",
		Long: `Read lines on standard input and write each normalized for speech on standard
output, one line out for each line in: "$20.50" becomes "twenty dollars fifty
cents", "July 25 2012" "July twenty fifth twenty twelve", "1:59 p.m." "one
fifty nine PM". English, German, Spanish, Russian and Ukrainian have rules
(classes: ` + classList() + `), with the gender and
case the context asks for ("в 2024 году", "am 3. Mai"); text in other
languages is passed through unchanged, as the voice reads it. --skip leaves
classes alone, as a voice preset's handles: does.`,
		Example: `  echo 'The $1.2 billion plan, due 25 Sept. 2026, covers 41,459 km².' | aloud normalize
  echo 'Am 3. Mai um 08:00 Uhr kostete es 3,50 €.' | aloud normalize --lang de`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := textnorm.ParseClasses(skip)
			if err != nil {
				return usageError{err}
			}
			n := textnorm.Normalizer{Language: lang, Skip: s}
			sc := bufio.NewScanner(cmd.InOrStdin())
			sc.Buffer(make([]byte, 64<<10), 1<<20)
			w := bufio.NewWriter(g.stdout)
			defer w.Flush()
			for sc.Scan() {
				if _, err := fmt.Fprintln(w, n.Normalize(sc.Text())); err != nil {
					return err
				}
			}
			if err := sc.Err(); err != nil {
				return fmt.Errorf("reading standard input: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "en", "the text's language, a BCP 47 tag (`LANG`)")
	cmd.Flags().StringSliceVar(&skip, "skip", nil, "normalization `CLASS`es to leave alone")
	return cmd
}

func classList() string {
	var names []string
	for _, c := range textnorm.Classes {
		names = append(names, string(c))
	}
	return strings.Join(names, ", ")
}
