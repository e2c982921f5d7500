package backends

import (
	"context"

	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/local"
	"github.com/aloud-dev/aloud/internal/store/s3"
)

// OpenStore opens the store a location names. publicBaseURL is where its
// files are served; every link starts with it. For an S3 location, o
// holds the settings besides the bucket, prefix and base URL, which the
// location and publicBaseURL give.
func OpenStore(ctx context.Context, loc store.Location, o s3.Config, publicBaseURL string) (store.Store, error) {
	if loc.Scheme == "s3" {
		o.Bucket, o.Prefix, o.PublicBaseURL = loc.Bucket, loc.Prefix, publicBaseURL
		return s3.New(ctx, o)
	}
	return local.New(loc.Path, publicBaseURL)
}
