package main

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/aloud-dev/aloud/internal/backends"
	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/store"
)

//go:embed templates/aloud.yaml
var configTemplate []byte

func newInitCmd(g *globals) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented aloud.yaml to start from",
		Long: `Write a configuration file (aloud.yaml in the working folder, or FILE) with
every setting, its default value and a comment saying what it does. The file
changes nothing until edited. An existing file is left alone unless --force.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := config.DefaultFile
			if len(args) == 1 {
				path = args[0]
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(path, flags, 0o644)
			if errors.Is(err, os.ErrExist) {
				return usageError{fmt.Errorf("%s exists; edit it, or pass --force to replace it", path)}
			}
			if err != nil {
				return err
			}
			if _, err := f.Write(configTemplate); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			if !g.quiet {
				fmt.Fprintf(g.stdout, "wrote %s; edit it, then run 'aloud doctor'\n", path)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace an existing file")
	return cmd
}

// check is one finding of doctor.
type check struct {
	ok   bool
	warn bool // a problem that does not stop narration
	what string
	fix  string
}

func newDoctorCmd(g *globals) *cobra.Command {
	var sf storeFlags
	cmd := &cobra.Command{
		Use:   "doctor",
		Short: "Check the set-up and say how to fix each problem",
		Long: `Check what narrating needs: the configuration, the voice preset and its
programs (espeak-ng, the MP3 encoder), the store (reachable and writable: a
small object is written, read back and deleted under .aloud/), credentials
for S3, the public base URL, the feeds' settings, the segment cache and the
serve token. Each problem comes with how to fix it. The exit status is 1
when something would stop aloud from working.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var checks []check
			add := func(c check) {
				checks = append(checks, c)
				mark := "ok  "
				switch {
				case !c.ok && c.warn:
					mark = "warn"
				case !c.ok:
					mark = "FAIL"
				}
				fmt.Fprintf(g.stdout, "%s  %s\n", mark, c.what)
				if !c.ok && c.fix != "" {
					fmt.Fprintf(g.stdout, "      fix: %s\n", c.fix)
				}
			}
			cfg, err := g.loadConfig()
			if err != nil {
				add(check{what: "configuration: " + err.Error(), fix: "correct the line named, or start again with 'aloud init --force'"})
				return doctorResult(checks)
			}
			src := "defaults (no aloud.yaml)"
			if cfg.Source() != "" {
				src = cfg.Source()
			}
			add(check{ok: true, what: "configuration: " + src})
			doctorVoice(cfg, add)
			doctorStore(cmd, g, &sf, cfg, add)
			if base := cmp.Or(sf.publicBaseURL, cfg.PublicBaseURL); base == "" {
				add(check{warn: true, what: "public base URL: not set, so links in feeds and manifests are relative",
					fix: "set public_base_url in aloud.yaml to the address the store is served at"})
			} else {
				add(check{ok: true, what: "public base URL: " + base})
			}
			if _, err := feed.Channels(cfg); err != nil {
				add(check{what: "feeds: " + err.Error(), fix: "pick a category from Apple's list (docs/PUBLISHING.md)"})
			} else {
				add(check{ok: true, what: fmt.Sprintf("feeds: %d configured", len(cfg.FeedList()))})
			}
			doctorCache(cfg, add)
			if cfg.Serve.Token == "" {
				add(check{warn: true, what: "serve: no token (needed only for 'aloud serve')", fix: "export ALOUD_SERVE_TOKEN=$(openssl rand -hex 32)"})
			} else if len(cfg.Serve.Token) < 16 {
				add(check{what: "serve: the token is shorter than 16 characters", fix: "use a long random token: openssl rand -hex 32"})
			} else {
				add(check{ok: true, what: "serve: token set"})
			}
			return doctorResult(checks)
		},
	}
	sf.add(cmd.Flags())
	return cmd
}

func doctorResult(checks []check) error {
	failed := 0
	for _, c := range checks {
		if !c.ok && !c.warn {
			failed++
		}
	}
	if failed > 0 {
		return fmt.Errorf("doctor: %d problem(s) to fix", failed)
	}
	return nil
}

func doctorVoice(cfg config.Config, add func(check)) {
	presets := presetsFor(cfg)
	if cfg.VoicesDir != "" {
		if st, err := os.Stat(cfg.VoicesDir); err != nil || !st.IsDir() {
			add(check{what: fmt.Sprintf("voices_dir %s is not a folder", cfg.VoicesDir), fix: "create it or remove voices_dir from aloud.yaml"})
		}
	}
	encoderOK := true
	if p, err := exec.LookPath(cfg.Encoder.Path); err != nil {
		encoderOK = false
		add(check{what: fmt.Sprintf("MP3 encoder: %s not found", cfg.Encoder.Path), fix: "apt-get install lame (brew install lame), or set encoder.path in aloud.yaml"})
	} else {
		add(check{ok: true, what: "MP3 encoder: " + p})
	}
	preset, err := presets.Load(cfg.Voice)
	if err != nil {
		add(check{what: "voice: " + err.Error(), fix: "set voice in aloud.yaml to one of 'aloud voices', or a path to a preset file"})
		return
	}
	add(check{ok: true, what: fmt.Sprintf("voice: %s (%s, from %s)", preset.Name, preset.Backend, preset.Source)})
	enc := &mp3.Lame{Path: cfg.Encoder.Path, BitrateKbps: cfg.Encoder.BitrateKbps}
	if _, err := backends.Speech(enc).New(preset); err != nil && encoderOK {
		add(check{what: "voice backend: " + err.Error(), fix: "install what the message names, or pick another voice"})
	} else if err == nil {
		add(check{ok: true, what: "voice backend " + preset.Backend + ": ready"})
	}
	doctorLanguages(cfg, presets, enc, add)
}

// doctorLanguages says which voice reads each language aloud ships a voice
// for or the configuration names, checks that each can be built, and
// warns about the languages that would be refused.
func doctorLanguages(cfg config.Config, presets speech.Presets, enc *mp3.Lame, add func(check)) {
	langs := map[string]bool{}
	for _, n := range presets.Names() {
		if lang, ok := strings.CutSuffix(n, "-espeak"); ok && !strings.Contains(lang, "-") {
			langs[lang] = true
		}
	}
	for lang := range cfg.Voices {
		langs[lang] = true
	}
	rules := speech.VoiceRules{ByLang: cfg.Voices, Default: cfg.Voice, Fallback: cfg.VoiceFallback}
	var said []string
	for _, lang := range slices.Sorted(maps.Keys(langs)) {
		name, err := presets.Choose(rules, lang)
		if err != nil {
			add(check{warn: true, what: fmt.Sprintf("language %s: no voice", lang), fix: fmt.Sprintf("add voices: {%s: PRESET} to aloud.yaml (aloud voices list --lang %s)", lang, lang)})
			continue
		}
		p, err := presets.Load(name)
		if err == nil {
			_, err = backends.Speech(enc).New(p)
		}
		if err != nil {
			add(check{what: fmt.Sprintf("language %s: voice %s: %v", lang, name, err), fix: "install what the message names, or set voices: {" + lang + ": PRESET} in aloud.yaml"})
			continue
		}
		said = append(said, lang+" "+name)
	}
	add(check{ok: true, what: "voices by language: " + strings.Join(said, ", ")})
	if cfg.VoiceFallback == "" {
		add(check{warn: true, what: "other languages: articles in them are refused (no voice_fallback)",
			fix: "add voices: {LANG: PRESET} for each, or set voice_fallback to a multilingual voice (e.g. en-elevenlabs)"})
	} else {
		add(check{ok: true, what: "other languages: read by " + cfg.VoiceFallback + " (voice_fallback)"})
	}
}

func doctorStore(cmd *cobra.Command, g *globals, sf *storeFlags, cfg config.Config, add func(check)) {
	st, loc, _, err := sf.open(cmd, g)
	if err != nil {
		add(check{what: "store: " + err.Error(), fix: "set store in aloud.yaml to a folder or s3://bucket/prefix"})
		return
	}
	if loc.Scheme == "file" {
		if _, err := os.Stat(loc.Path); errors.Is(err, fs.ErrNotExist) {
			// Checked without creating it: doctor leaves nothing behind.
			add(doctorNewFolder(loc.Path))
			return
		}
	}
	ctx, cancel := context.WithTimeout(cmd.Context(), 30*time.Second)
	defer cancel()
	key := fmt.Sprintf(".aloud/doctor-%d", time.Now().UnixNano())
	body := []byte("aloud doctor was here\n")
	fix := "check the folder's permissions"
	if loc.Scheme == "s3" {
		fix = "check the bucket name, region and endpoint, and that the credentials (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE or a role) may s3:PutObject, s3:GetObject and s3:DeleteObject"
	}
	if err := st.Put(ctx, key, bytes.NewReader(body), store.Meta{ContentType: "text/plain"}); err != nil {
		add(check{what: fmt.Sprintf("store %s: cannot write: %v", loc, err), fix: fix})
		return
	}
	defer st.Delete(context.WithoutCancel(ctx), key)
	if got, err := feed.ReadStored(ctx, st, key); err != nil || !bytes.Equal(got, body) {
		add(check{what: fmt.Sprintf("store %s: wrote a test object but cannot read it back (%v)", loc, err), fix: fix})
		return
	}
	add(check{ok: true, what: fmt.Sprintf("store %s: writable", loc)})
}

// doctorNewFolder checks that a store folder that does not exist yet can
// be made: its nearest existing parent takes a file.
func doctorNewFolder(dir string) check {
	parent := filepath.Dir(dir)
	for {
		if _, err := os.Stat(parent); err == nil || filepath.Dir(parent) == parent {
			break
		}
		parent = filepath.Dir(parent)
	}
	f, err := os.CreateTemp(parent, ".aloud-doctor-*")
	if err != nil {
		return check{what: fmt.Sprintf("store %s: does not exist, and %s is not writable (%v)", dir, parent, err),
			fix: "create the folder, or set out (or store) in aloud.yaml to a writable place"}
	}
	f.Close()
	os.Remove(f.Name())
	return check{ok: true, what: fmt.Sprintf("store %s: not created yet; the first narration makes it (%s is writable)", dir, parent)}
}

func doctorCache(cfg config.Config, add func(check)) {
	switch cfg.Cache {
	case "off":
		add(check{warn: true, what: "segment cache: off; edited articles pay for every chunk again", fix: "remove cache: off from aloud.yaml"})
		return
	case "store":
		add(check{ok: true, what: "segment cache: in the store (.aloud/segments/)"})
		return
	}
	dir, err := backends.CacheDir(cfg.Cache)
	if err != nil {
		add(check{what: err.Error(), fix: "set cache in aloud.yaml to a folder"})
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		add(check{what: "segment cache " + dir + ": " + err.Error(), fix: "set cache in aloud.yaml to a writable folder"})
		return
	}
	f, err := os.CreateTemp(dir, ".doctor-*")
	if err != nil {
		add(check{what: "segment cache " + dir + ": not writable: " + err.Error(), fix: "set cache in aloud.yaml to a writable folder"})
		return
	}
	f.Close()
	os.Remove(f.Name())
	add(check{ok: true, what: "segment cache: " + dir})
}
