package backends

import (
	"context"

	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
	"github.com/aloud-dev/aloud/internal/store/s3"
)

// S3Options are the settings of an S3 store besides its bucket and prefix.
type S3Options struct {
	Endpoint        string
	Region          string
	PathStyle       bool
	Profile         string
	AccessKeyID     string
	SecretAccessKey string
	ACL             string
}

// OpenStore opens the store a location names. publicBaseURL is where its
// files are served; every link starts with it.
func OpenStore(ctx context.Context, loc store.Location, o S3Options, publicBaseURL string) (store.Store, error) {
	if loc.Scheme == "s3" {
		return s3.New(ctx, s3.Config{
			Bucket: loc.Bucket, Prefix: loc.Prefix, Endpoint: o.Endpoint, Region: o.Region, PathStyle: o.PathStyle,
			Profile: o.Profile, AccessKeyID: o.AccessKeyID, SecretAccessKey: o.SecretAccessKey, ACL: o.ACL,
			PublicBaseURL: publicBaseURL,
		})
	}
	return local.New(loc.Path, publicBaseURL)
}
