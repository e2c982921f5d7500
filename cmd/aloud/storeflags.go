package main

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/aloud-dev/aloud/internal/backends"
	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/s3"
	"github.com/aloud-dev/aloud/voices"
)

// storeFlags choose the store a command reads and writes: every command
// that publishes or works on what was published takes the same ones
// (narrate, serve, player, feed, unpublish, doctor). Each wins over
// aloud.yaml and ALOUD_* when given; -o is --out wherever it exists.
type storeFlags struct {
	out           string // a local folder, the simple form of location
	location      string
	publicBaseURL string
	s3            s3.Config
	// inferBase: with no public base URL given, use the one the store's
	// feed was published with (for commands that rewrite the feeds).
	inferBase bool
}

func (f *storeFlags) add(fs *pflag.FlagSet) {
	fs.StringVarP(&f.out, "out", "o", "", "the local folder `DIR` to publish to (default: out in aloud.yaml, else out)")
	fs.StringVar(&f.location, "store", "", "the store `LOCATION`: a folder, file:///path or s3://bucket/prefix (wins over --out; default: store in aloud.yaml)")
	fs.StringVar(&f.publicBaseURL, "public-base-url", "", "`URL` the store is served at; every link in feeds and manifests starts with it (default: public_base_url in aloud.yaml)")
	fs.StringVar(&f.s3.Endpoint, "s3-endpoint", "", "S3-compatible endpoint `URL` (MinIO, R2, B2, Spaces); default AWS")
	fs.StringVar(&f.s3.Region, "s3-region", "", "S3 `REGION` (default: the AWS configuration's, else us-east-1)")
	fs.BoolVar(&f.s3.PathStyle, "s3-path-style", false, "put the bucket in the URL path, not the host name")
}

// open loads the configuration and opens the store, flags over config.
func (f *storeFlags) open(cmd *cobra.Command, g *globals) (store.Store, store.Location, config.Config, error) {
	cfg, err := g.loadConfig()
	if err != nil {
		return nil, store.Location{}, cfg, err
	}
	where, base := f.where(cfg), f.publicBaseURL
	if base == "" {
		base = cfg.PublicBaseURL
	} else if err := checkBaseURL(base); err != nil {
		return nil, store.Location{}, cfg, usageError{err}
	}
	loc, err := store.ParseLocation(where)
	if err != nil {
		return nil, store.Location{}, cfg, usageError{err}
	}
	o := s3Options(cfg.S3, cmd.Flags(), f.s3)
	st, err := backends.OpenStore(cmd.Context(), loc, o, base)
	if err != nil {
		return nil, store.Location{}, cfg, usageError{err}
	}
	if base == "" && f.inferBase {
		// Rewriting feeds without the address they were published with
		// would make every link relative: take it from the feed itself.
		if inferred := feed.PublishedBase(cmd.Context(), st, feedKey(cfg.FeedList()[0])); inferred != "" {
			if !g.quiet && !g.json {
				fmt.Fprintf(g.stderr, "public base URL %s (from the published feed's own link)\n", inferred)
			}
			if st, err = backends.OpenStore(cmd.Context(), loc, o, inferred); err != nil {
				return nil, store.Location{}, cfg, usageError{err}
			}
		}
	}
	return st, loc, cfg, nil
}

// where is the store's location: --store, else --out, else the
// configuration's.
func (f *storeFlags) where(cfg config.Config) string {
	switch {
	case f.location != "":
		return f.location
	case f.out != "":
		return f.out
	}
	return cfg.StoreLocation()
}

// openFeeds opens the store and the feeds configured for it, for the
// commands that rewrite them.
func (f *storeFlags) openFeeds(cmd *cobra.Command, g *globals) (store.Store, []feed.Channel, error) {
	st, _, cfg, err := f.open(cmd, g)
	if err != nil {
		return nil, nil, err
	}
	channels, err := feed.Channels(cfg)
	if err != nil {
		return nil, nil, usageError{err}
	}
	return st, channels, nil
}

// s3Options are the S3 settings of aloud.yaml and ALOUD_*, with those
// given as --s3-* flags (in flags) over them.
func s3Options(c config.S3, fl *pflag.FlagSet, flags s3.Config) s3.Config {
	o := s3.Config{Endpoint: c.Endpoint, Region: c.Region, PathStyle: c.PathStyle, Profile: c.Profile,
		AccessKeyID: c.AccessKeyID, SecretAccessKey: c.SecretAccessKey, ACL: c.ACL,
		RequestTimeout: c.RequestTimeout, Deadline: c.Deadline}
	if fl.Changed("s3-endpoint") {
		o.Endpoint = flags.Endpoint
	}
	if fl.Changed("s3-region") {
		o.Region = flags.Region
	}
	if fl.Changed("s3-path-style") {
		o.PathStyle = flags.PathStyle
	}
	return o
}

// feedKey is where a configured feed is published.
func feedKey(f config.Feed) string { return feed.Channel{Key: f.Key}.FeedKeyOf() }

// presetsFor finds voice presets: the user's voices_dir first, then the
// built-in ones.
func presetsFor(cfg config.Config) speech.Presets {
	ps := speech.Presets{Embedded: voices.FS}
	if cfg.VoicesDir != "" {
		ps.Dirs = []string{cfg.VoicesDir}
	}
	return ps
}
