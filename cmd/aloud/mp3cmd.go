package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/episode"
	"github.com/aloud-dev/aloud/internal/mp3"
)

func newMP3Cmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "mp3",
		Short: "Inspect and join MP3 files the way the pipeline does",
	}
	cmd.AddCommand(newMP3InfoCmd(g), newMP3JoinCmd(g))
	return cmd
}

func newMP3InfoCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "info FILE...",
		Short: "Report what an MP3 file is: format, exact duration, tags, headers, problems",
		Long: `Report, for each FILE, the MPEG version, sample rate, channel mode, bitrate,
frame count, exact duration (frames × samples per frame ÷ rate, and without
the encoder delay and padding a LAME tag declares), the tags and header
frames found, and any problems worked around (junk, corrupt frames, a header
that disagrees with the stream). A file that cannot be used is reported with
the reason, and the exit status is 1.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{fmt.Errorf("mp3 info needs at least one FILE")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMP3Info(g, args)
		},
	}
}

func runMP3Info(g *globals, files []string) error {
	failed := 0
	for _, path := range files {
		rep, err := inspectFile(path)
		if err != nil {
			rep = mp3.Report{Error: err.Error(), Tags: []string{}, Problems: []string{}}
		}
		if rep.Error != "" {
			failed++
		}
		if g.json {
			b, _ := json.Marshal(struct {
				File string `json:"file"`
				mp3.Report
			}{path, rep})
			fmt.Fprintf(g.stdout, "%s\n", b)
			continue
		}
		printReport(g, path, rep)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files cannot be used", failed, len(files))
	}
	return nil
}

func inspectFile(path string) (mp3.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return mp3.Report{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return mp3.Report{}, err
	}
	if st.IsDir() {
		return mp3.Report{}, fmt.Errorf("%s is a directory", path)
	}
	return mp3.Inspect(f, st.Size()), nil
}

func printReport(g *globals, path string, r mp3.Report) {
	fmt.Fprintf(g.stdout, "%s\n", path)
	if r.Error != "" {
		fmt.Fprintf(g.stdout, "  not usable: %s\n\n", r.Error)
		return
	}
	tw := tabwriter.NewWriter(g.stdout, 0, 4, 1, ' ', 0)
	bitrate := fmt.Sprintf("%d kbps (constant)", r.BitrateKbps)
	if r.BitrateKbps == 0 {
		bitrate = fmt.Sprintf("%.1f kbps (variable, average)", r.AvgBitrateKbps)
	}
	fmt.Fprintf(tw, "  format:\t%s Layer %s, %d Hz, %s\n", r.Version, strings.Repeat("I", r.Layer), r.RateHz, r.Mode)
	fmt.Fprintf(tw, "  bitrate:\t%s\n", bitrate)
	fmt.Fprintf(tw, "  frames:\t%d (%d bytes, %d samples)\n", r.Frames, r.AudioBytes, r.Samples)
	fmt.Fprintf(tw, "  duration:\t%.3f s (%s)\n", r.DurationSeconds, time.Duration(r.DurationSeconds*float64(time.Second)).Round(time.Millisecond))
	if r.Header != "" {
		h := r.Header + " header"
		if r.Encoder != "" {
			h += fmt.Sprintf(", encoder %s, delay %d, padding %d samples", r.Encoder, r.Delay, r.Padding)
		}
		fmt.Fprintf(tw, "  header:\t%s\n", h)
		fmt.Fprintf(tw, "  gapless:\t%.3f s\n", r.GaplessSeconds)
	}
	tags := "none"
	if len(r.Tags) > 0 {
		tags = strings.Join(r.Tags, ", ")
	}
	fmt.Fprintf(tw, "  tags:\t%s\n", tags)
	for _, p := range r.Problems {
		fmt.Fprintf(tw, "  problem:\t%s\n", p)
	}
	tw.Flush()
	fmt.Fprintln(g.stdout)
}

type joinOptions struct {
	Out        string
	Pause      time.Duration
	TargetLUFS float64
	Compress   bool
	Inputs     []string
}

func newMP3JoinCmd(g *globals) *cobra.Command {
	var o joinOptions
	cmd := &cobra.Command{
		Use:   "join -o OUT [--pause DURATION] [--target-lufs N] IN...",
		Short: "Join MP3 files losslessly into one, with an exact Xing/Info header",
		Long: `Join the IN files into OUT the way the pipeline joins an episode: frames are
copied, never re-encoded; each file's tags and header frame are dropped; a
fresh Info (constant bitrate) or Xing (variable) header with frame count, byte
count, seek table and LAME tag (encoder delay and padding) starts OUT, so
players show the exact duration and can seek. --pause puts silent frames of
the same format between files. With --target-lufs the result is measured
(EBU R128) and brought to that loudness through each frame's global_gain,
as one gain for the whole file (within one 1.5 dB step between inputs),
keeping the true peak at or below --max-true-peak: when the peaks allow
less, the result stays quieter than the target and the report says so.
--compress lets the gain vary frame by frame instead (a limiter), which
reaches the target but squeezes the dynamics. Without --target-lufs
nothing is decoded. A file in another format than most is decoded, resampled and
encoded once with lame. OUT appears whole or not at all (it is written to a
temporary file beside it and renamed).`,
		Example: `  aloud mp3 join -o episode.mp3 intro.mp3 part1.mp3 part2.mp3
  aloud mp3 join -o episode.mp3 --pause 700ms --target-lufs -16 segments/*.mp3`,
		Args: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0:
				return usageError{fmt.Errorf("mp3 join needs at least one IN file")}
			case o.Out == "":
				return usageError{fmt.Errorf("mp3 join needs -o OUT")}
			case o.Pause < 0 || o.Pause > time.Minute:
				return usageError{fmt.Errorf("--pause %s out of range 0–1m", o.Pause)}
			case o.TargetLUFS != 0 && (o.TargetLUFS < -40 || o.TargetLUFS > -5):
				return usageError{fmt.Errorf("--target-lufs %v out of range −40 to −5", o.TargetLUFS)}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			o.Inputs = args
			maxTP, _ := cmd.Flags().GetFloat64("max-true-peak")
			return runMP3Join(cmd, g, o, maxTP)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.Out, "out", "o", "", "write the joined MP3 to the file `OUT`")
	// --output was the flag's name before every -o became --out.
	f.StringVar(&o.Out, "output", "", "")
	f.MarkHidden("output")
	f.DurationVar(&o.Pause, "pause", 0, "silence between files, e.g. 700ms")
	f.Float64Var(&o.TargetLUFS, "target-lufs", 0, "bring the result to this integrated loudness, e.g. -16")
	f.Float64("max-true-peak", -1, "with --target-lufs: the true-peak ceiling in dBTP")
	f.BoolVar(&o.Compress, "compress", false, "with --target-lufs: limit loud frames so the target is reached (squeezes the dynamics)")
	return cmd
}

func runMP3Join(cmd *cobra.Command, g *globals, o joinOptions, maxTP float64) error {
	res, err := episode.JoinFiles(cmd.Context(), o.Out, o.Inputs, o.Pause, episode.Options{
		TargetLUFS: o.TargetLUFS, MaxTruePeak: maxTP, Compress: o.Compress, Encoder: &mp3.Lame{},
	})
	if errors.Is(err, episode.ErrOutputIsInput) {
		return usageError{fmt.Errorf("-o %s is also an input", o.Out)}
	}
	if err != nil {
		return err
	}
	if g.json {
		b, _ := json.Marshal(map[string]any{"output": o.Out, "frames": res.Frames, "duration_seconds": res.Duration.Seconds(),
			"size_bytes": res.SizeBytes, "format": res.Format.String(), "bitrate_kbps": res.BitrateKbps,
			"reencoded": res.Reencoded, "loudness": res.Loudness})
		fmt.Fprintf(g.stdout, "%s\n", b)
		return nil
	}
	fmt.Fprintf(g.stdout, "%s: %d files, %d frames, %.3f s, %d bytes, %s\n", o.Out, len(o.Inputs), res.Frames, res.Duration.Seconds(), res.SizeBytes, res.Format)
	if l := res.Loudness; l != nil {
		fmt.Fprintf(g.stdout, "loudness: %.1f LUFS, true peak %.1f dBTP → %.1f LUFS, %.1f dBTP (gain %+.1f dB)\n",
			l.InputLUFS, l.InputTruePeak, l.OutputLUFS, l.OutputPeak, l.GainDB)
	}
	for _, i := range res.Reencoded {
		fmt.Fprintf(g.stderr, "note: %s was in another format and was re-encoded to %s\n", o.Inputs[i], res.Format)
	}
	return nil
}
