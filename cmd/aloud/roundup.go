package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/narrate"
)

func newRoundupCmd(g *globals) *cobra.Command {
	sf := storeFlags{}
	var ro narrate.RoundupOptions
	var since, voice, cacheSetting string
	cmd := &cobra.Command{
		Use:   "roundup",
		Short: "Make one episode of stories already narrated: a briefing",
		Long: `Make a briefing from stories already published: a spoken opening ("Morning
briefing for Wednesday, December 2, 2026. Stories: 5"), before each story a short
transition with its title, the story's own audio copied frame by frame, and
a closing. Only the opening, transitions and closing are synthesized (in the
stories' language, by its voice, through the segment cache); nothing is
narrated again. The episode has a chapter per story (with its title and
link), one transcript, a manifest, and is published to a feed of its own:
roundup.xml, or the feed under feeds: whose match has kind: roundup.

The same stories, unchanged, give the same episode and store nothing; a
story narrated again since makes a new version of the roundup.`,
		Example: `  aloud roundup --since 24h --title "Morning briefing"
  aloud roundup --section Sport --limit 5 --title "Sport in five"
  aloud roundup --since 2026-12-01 --dry-run`,
		Args: exactArgs(0, "roundup takes no arguments; choose its stories with --since, --section, --feed and --limit"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if since != "" {
				t, err := parseSince(since, time.Now())
				if err != nil {
					return usageError{err}
				}
				ro.Since = t
			}
			if ro.Order != "" && ro.Order != "newest" && ro.Order != "oldest" {
				return usageError{fmt.Errorf("--order %q: want newest or oldest", ro.Order)}
			}
			if ro.Limit < 0 || ro.Limit > 100 {
				return usageError{fmt.Errorf("--limit %d: out of range 1–100", ro.Limit)}
			}
			st, _, cfg, err := sf.open(cmd, g)
			if err != nil {
				return err
			}
			opts, err := newPipeline(cfg, g, st, newLoader(cfg), voice, cacheSetting)
			if err != nil {
				return err
			}
			opts.Logger = g.logger()
			res, err := narrate.Roundup(cmd.Context(), opts, ro)
			if err != nil {
				return err
			}
			if g.json {
				return json.NewEncoder(g.stdout).Encode(res)
			}
			printRoundup(g, ro, res)
			return nil
		},
	}
	f := cmd.Flags()
	sf.add(f)
	f.StringVar(&since, "since", "", "only stories published since `WHEN`: a duration back from now (24h, 90m) or a date (2026-12-01, RFC 3339)")
	f.StringVar(&ro.Section, "section", "", "only stories of this `SECTION`")
	f.StringVar(&ro.Feed, "feed", "", "only the stories of the configured feed `KEY` (feed.xml, or a feeds: key)")
	f.IntVar(&ro.Limit, "limit", narrate.DefaultRoundupLimit, "at most `N` stories")
	f.StringVar(&ro.Order, "order", "newest", "the stories' order: newest (first) or oldest")
	f.StringVar(&ro.Title, "title", narrate.DefaultRoundupTitle, "the roundup's `TITLE`, said in its opening")
	f.StringVar(&ro.Language, "lang", "", "the roundup's `LANGUAGE` (default: its stories' most common)")
	f.BoolVar(&ro.DryRun, "dry-run", false, "list the stories, the duration and what would be synthesized; store nothing")
	f.StringVar(&voice, "voice", "", "read the opening and transitions with voice `PRESET` (default: the voice of the roundup's language)")
	f.StringVar(&cacheSetting, "cache", "", "keep synthesized chunks in `WHERE`: a folder, \"store\" or \"off\"")
	return cmd
}

// parseSince reads --since: a duration back from now ("24h"), or a date.
func parseSince(v string, now time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(v); err == nil {
		if d <= 0 {
			return time.Time{}, fmt.Errorf("--since %q: want a positive duration such as 24h", v)
		}
		return now.Add(-d), nil
	}
	return parseDate(v)
}

func printRoundup(g *globals, ro narrate.RoundupOptions, res narrate.RoundupResult) {
	w := g.stdout
	switch {
	case ro.DryRun:
		lang := res.Language
		if lang == "" {
			lang = "the default language"
		}
		fmt.Fprintf(w, "%s: %d stories, %s of their audio, in %s by %s\n", ro.Title, len(res.Stories), hms(res.StorySeconds), lang, res.Voice)
	case res.Skipped:
		fmt.Fprintf(w, "%s: unchanged (%s, %s)\n", ro.Title, res.AudioURL, hms(res.DurationSeconds))
	default:
		fmt.Fprintf(w, "%s: %d stories, %s → %s\n", ro.Title, len(res.Stories), hms(res.DurationSeconds), res.AudioURL)
	}
	for i, s := range res.Stories {
		at := ""
		if s.StartSeconds > 0 {
			at = " at " + hms(s.StartSeconds)
		}
		fmt.Fprintf(w, "  %d. %s (%s)%s\n", i+1, s.Title, hms(s.DurationSeconds), at)
	}
	if ro.DryRun {
		fmt.Fprintf(w, "to synthesize (%d characters):\n", res.SynthChars)
		for _, l := range res.Lines {
			fmt.Fprintf(w, "  %s\n", l)
		}
		return
	}
	if !res.Skipped {
		fmt.Fprintf(g.stderr, "feed: %s\n", res.FeedURL)
	}
}

// hms writes seconds as m:ss or h:mm:ss.
func hms(sec float64) string {
	s := int(sec + 0.5)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
