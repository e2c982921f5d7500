package store

import "testing"

func TestParseLocation(t *testing.T) {
	tests := []struct {
		in   string
		want Location
		err  bool
	}{
		{in: "out", want: Location{Scheme: "file", Path: "out"}},
		{in: "/srv/podcast", want: Location{Scheme: "file", Path: "/srv/podcast"}},
		{in: "file:///srv/podcast", want: Location{Scheme: "file", Path: "/srv/podcast"}},
		{in: "s3://bucket", want: Location{Scheme: "s3", Bucket: "bucket"}},
		{in: "s3://bucket/news/en/", want: Location{Scheme: "s3", Bucket: "bucket", Prefix: "news/en"}},
		{in: "", err: true},
		{in: "s3://", err: true},
		{in: "s3://bucket/../x", err: true},
		{in: "file://relative", err: true},
		{in: "gs://bucket", err: true},
	}
	for _, tc := range tests {
		got, err := ParseLocation(tc.in)
		if (err != nil) != tc.err || got != tc.want {
			t.Errorf("ParseLocation(%q) = %+v, %v", tc.in, got, err)
		}
	}
}

func TestContentType(t *testing.T) {
	for key, want := range map[string]string{
		"feed.xml": "application/rss+xml", "a/b.mp3": "audio/mpeg", "episodes.json": "application/json",
		"x.vtt": "text/vtt", "player/aloud.js": "text/javascript", "player/aloud.css": "text/css",
		"index.html": "text/html", "cover.png": "image/png", "noext": "application/octet-stream",
	} {
		if got := ContentType(key); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", key, got, want)
		}
	}
}
