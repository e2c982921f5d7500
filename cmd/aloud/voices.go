package main

import (
	"context"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/backends"
	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

func newVoicesCmd(g *globals) *cobra.Command {
	var backend, voice, language string
	list := func(cmd *cobra.Command, args []string) error {
		cfg, err := g.loadConfig()
		if err != nil {
			return err
		}
		ps := presetsFor(cfg)
		reg := backends.Speech(&mp3.Lame{Path: cfg.Encoder.Path, BitrateKbps: cfg.Encoder.BitrateKbps})
		if backend != "" {
			if _, ok := reg.Lookup(backend); !ok {
				return usageError{fmt.Errorf("--backend: unknown backend %q (known: %v)", backend, reg.Names())}
			}
		}
		tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "PRESET\tBACKEND\tLANGUAGE\tPRICE/1M CHARS\tDESCRIPTION")
		var first *speech.Preset
		for _, n := range ps.Names() {
			p, err := ps.Load(n)
			if err != nil {
				return err
			}
			if backend != "" && p.Backend != backend || language != "" && !p.SpeaksLanguage(language) {
				continue
			}
			if first == nil {
				first = &p
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t$%.2f\t%s\n", p.Name, p.Backend, p.Language, cfg.Price(p.Name, p.Backend, p.PricePerMillionChars), p.Description)
		}
		tw.Flush()
		if language != "" {
			rules := speech.VoiceRules{ByLang: cfg.Voices, Default: cfg.Voice, Fallback: cfg.VoiceFallback}
			if chosen, err := ps.Choose(rules, language); err != nil {
				fmt.Fprintf(g.stdout, "\narticles in %s: refused, %v\n", language, err)
			} else {
				fmt.Fprintf(g.stdout, "\narticles in %s are read by %s (set voices: {%s: PRESET} in aloud.yaml to choose another)\n", language, chosen, language)
			}
		}
		if first == nil && backend == "" && language != "" {
			return fmt.Errorf("no preset speaks %q", language)
		}
		if backend == "" {
			return nil
		}
		if voice != "" {
			p, err := ps.Load(voice)
			if err != nil {
				return usageError{err}
			}
			first = &p
		}
		if first == nil {
			return fmt.Errorf("no preset uses the %s backend, so there are no settings to ask its service with; write one (see voices/)", backend)
		}
		syn, err := reg.New(*first)
		if err != nil {
			return err
		}
		lister, ok := syn.(speech.VoiceLister)
		if !ok {
			fmt.Fprintf(g.stderr, "the %s backend has no service that lists its voices; see its documentation (docs/VOICES.md)\n", backend)
			return nil
		}
		if language == "" {
			language = first.Language
		}
		ctx, cancel := context.WithTimeout(cmd.Context(), cfg.Fetch.Timeout)
		defer cancel()
		voices, err := lister.Voices(ctx, language)
		if err != nil {
			return fmt.Errorf("listing %s voices (with the settings of preset %s): %w", backend, first.Name, err)
		}
		if len(voices) == 0 {
			return errors.New("the service lists no voices for " + language)
		}
		fmt.Fprintf(g.stdout, "\nvoices of the %s service for %s (settings of preset %s):\n", backend, language, first.Name)
		tw = tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tLANGUAGE\tGENDER\tDETAIL")
		for _, v := range voices {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", v.ID, v.Name, v.Language, v.Gender, v.Detail)
		}
		return tw.Flush()
	}
	cmd := &cobra.Command{
		Use:   "voices",
		Short: "List the voice presets --voice can name (and a service's own voices)",
		Args:  noArgs,
		RunE:  list,
	}
	listCmd := &cobra.Command{
		Use:   "list [--lang LANG] [--backend NAME [--voice PRESET]]",
		Short: "List voice presets; with --backend, also the voices its service offers",
		Long: `List the voice presets --voice can name: the built-in ones and those in
voices_dir, with their backend, language and price per million characters.
With --lang LANG only the presets that speak the language, and which one
reads articles in it (voices: in aloud.yaml, else voice: when it speaks the
language, else the language's espeak-ng preset, else voice_fallback).

With --backend NAME only that backend's presets are listed, and then, where
the service has an API for it (polly, elevenlabs, google, azure), the voices
the service offers for the preset's language (or --language), asked with the
settings and credentials of the first such preset (or --voice PRESET).`,
		Example: `  aloud voices list
  aloud voices list --lang uk
  aloud voices list --backend polly
  aloud voices list --backend azure --lang uk-UA`,
		Args: noArgs,
		RunE: list,
	}
	for _, c := range []*cobra.Command{cmd, listCmd} {
		c.Flags().StringVar(&backend, "backend", "", "only presets of backend `NAME`, and the voices its service lists")
		c.Flags().StringVar(&voice, "voice", "", "ask the service with the settings of `PRESET`")
		c.Flags().StringVar(&language, "lang", "", "only presets that speak `LANG` (a language tag: uk, de, pt-BR); with --backend, the service's voices for it")
		c.Flags().StringVar(&language, "language", "", "the same as --lang")
		c.Flags().MarkHidden("language")
	}
	cmd.AddCommand(listCmd)
	return cmd
}
