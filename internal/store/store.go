// Package store defines where published files live: the Store interface,
// its metadata and errors, and how a store is named by one location string.
package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"path"
	"strings"
	"time"
)

// Store holds published files under slash-separated keys.
type Store interface {
	// Put writes the whole object atomically: readers see the old
	// content or the new, never a part. body is seekable so that a
	// failed attempt can be retried. meta.IfMatch and meta.IfAbsent make
	// the write conditional (compare-and-swap).
	Put(ctx context.Context, key string, body io.ReadSeeker, meta Meta) error
	Get(ctx context.Context, key string) (io.ReadCloser, Meta, error)
	Stat(ctx context.Context, key string) (Meta, error)
	Delete(ctx context.Context, key string) error
	List(ctx context.Context, prefix string) iter.Seq2[Meta, error]
	// URL is the public address of a key, for feeds and players.
	URL(key string) string
}

// Meta describes a stored object.
type Meta struct {
	Key          string
	Size         int64
	ContentType  string
	CacheControl string
	ETag         string // opaque version tag; changes whenever the content does
	Modified     time.Time

	// Conditions for Put only.
	IfMatch  string // write only if the stored ETag equals this
	IfAbsent bool   // write only if the key does not exist yet
}

// Errors stores return; callers branch on them with errors.Is.
var (
	ErrNotExist     = errors.New("object does not exist")
	ErrPrecondition = errors.New("precondition failed: the object changed")
)

// ValidKey reports whether key is a clean relative slash path: no empty,
// "." or ".." elements, no leading slash, no backslash or NUL.
func ValidKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.ContainsAny(key, "\\\x00") || path.Clean(key) != key {
		return fmt.Errorf("invalid store key %q", key)
	}
	for _, el := range strings.Split(key, "/") {
		if el == ".." || el == "." {
			return fmt.Errorf("invalid store key %q", key)
		}
	}
	return nil
}

// JoinURL joins a public base URL and a key. With no base the key is returned
// as a relative link.
func JoinURL(base, key string) string {
	if base == "" {
		return key
	}
	return strings.TrimRight(base, "/") + "/" + key
}

// Location names a store: a local folder or an S3 bucket and prefix.
type Location struct {
	Scheme string // "file" or "s3"
	Path   string // file: the folder
	Bucket string // s3
	Prefix string // s3: the folder inside the bucket
}

func (l Location) String() string {
	if l.Scheme == "s3" {
		return "s3://" + path.Join(l.Bucket, l.Prefix)
	}
	return l.Path
}

// ParseLocation reads a store location as restic reads a repository:
// a path ("out", "/srv/podcast"), a file URL ("file:///srv/podcast"), or an
// S3 URL ("s3://bucket" or "s3://bucket/prefix").
func ParseLocation(s string) (Location, error) {
	switch {
	case s == "":
		return Location{}, fmt.Errorf("empty store location: give a folder, file:///path or s3://bucket/prefix")
	case strings.HasPrefix(s, "s3://"):
		rest := strings.TrimPrefix(s, "s3://")
		bucket, prefix, _ := strings.Cut(rest, "/")
		prefix = strings.Trim(prefix, "/")
		if bucket == "" {
			return Location{}, fmt.Errorf("store %q: no bucket (s3://bucket/prefix)", s)
		}
		if prefix != "" {
			if err := ValidKey(prefix); err != nil {
				return Location{}, fmt.Errorf("store %q: prefix: %w", s, err)
			}
		}
		return Location{Scheme: "s3", Bucket: bucket, Prefix: prefix}, nil
	case strings.HasPrefix(s, "file://"):
		p := strings.TrimPrefix(s, "file://")
		if p == "" || (p[0] != '/' && !strings.HasPrefix(p, "./")) {
			return Location{}, fmt.Errorf("store %q: a file URL needs an absolute path (file:///srv/podcast)", s)
		}
		return Location{Scheme: "file", Path: p}, nil
	case strings.Contains(s, "://"):
		return Location{}, fmt.Errorf("store %q: unknown scheme (use a folder, file:///path or s3://bucket/prefix)", s)
	}
	return Location{Scheme: "file", Path: s}, nil
}

// ContentType is the media type a key is stored and served with, the
// same in every store: aloud's own kinds first (a feed is
// application/rss+xml, a transcript text/vtt), then Go's table of
// common extensions, else application/octet-stream.
func ContentType(key string) string {
	switch path.Ext(key) {
	case ".mp3":
		return "audio/mpeg"
	case ".json":
		return "application/json"
	case ".xml":
		return "application/rss+xml"
	case ".vtt":
		return "text/vtt"
	case ".js":
		return "text/javascript"
	case ".css":
		return "text/css"
	case ".html":
		return "text/html"
	}
	if t := mime.TypeByExtension(path.Ext(key)); t != "" {
		return t
	}
	return "application/octet-stream"
}
