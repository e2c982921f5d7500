package store_test

import (
	"fmt"

	"github.com/aloud-dev/aloud/internal/store"
)

func ExampleParseLocation() {
	for _, s := range []string{"out", "s3://newsroom-audio/podcast"} {
		loc, err := store.ParseLocation(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(loc.Scheme, loc.Bucket, loc.Prefix, loc.Path)
	}
	// Output:
	// file   out
	// s3 newsroom-audio podcast
}
