// Package source finds where articles come from: a file or an http(s) URL,
// read within limits and handed to the article readers.
package source

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/aloud-dev/aloud/internal/article"
)

// Loader reads articles from files and URLs.
type Loader struct {
	Client    *http.Client // nil means a client with Timeout
	MaxBytes  int64        // largest document read; article.DefaultMaxBytes when zero
	Timeout   time.Duration
	UserAgent string
	// Read shapes how articles are read (captions or not).
	Read article.Options
}

func (l *Loader) maxBytes() int64 {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return article.DefaultMaxBytes
}

// IsURL reports whether arg names an http(s) URL rather than a file.
func IsURL(arg string) bool {
	return strings.HasPrefix(arg, "http://") || strings.HasPrefix(arg, "https://")
}

// Load reads one article from a path or an http(s) URL.
func (l *Loader) Load(ctx context.Context, arg string) (article.Article, error) {
	if IsURL(arg) {
		return l.fetch(ctx, arg)
	}
	if strings.Contains(arg, "://") {
		return article.Article{}, fmt.Errorf("%s: only http and https URLs or file paths can be read", arg)
	}
	return l.readFile(arg)
}

func (l *Loader) readFile(path string) (article.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return article.Article{}, fmt.Errorf("%s: no such file", path)
		}
		return article.Article{}, err // *PathError names the file
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return article.Article{}, err
	}
	if st.IsDir() {
		return article.Article{}, fmt.Errorf("%s is a directory, not an article file", path)
	}
	data, err := article.ReadLimited(f, l.maxBytes(), path)
	if err != nil {
		return article.Article{}, err
	}
	typ := article.TypeFromName(path)
	if typ == article.Text && sniffHTML(data) {
		typ = article.HTML
	}
	if typ == article.HTML {
		if data, err = article.DecodeHTML(data, ""); err != nil {
			return article.Article{}, fmt.Errorf("%s: %w", path, err)
		}
	}
	return article.ParseWith(data, typ, path, nil, l.Read)
}

func (l *Loader) fetch(ctx context.Context, raw string) (article.Article, error) {
	data, ct, final, err := l.get(ctx, raw, "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8")
	if err != nil {
		return article.Article{}, err
	}
	mt, _, _ := mime.ParseMediaType(ct)
	var typ article.Type
	switch mt {
	case "text/html", "application/xhtml+xml":
		typ = article.HTML
	case "text/markdown", "text/x-markdown":
		typ = article.Markdown
	case "text/plain", "":
		typ = article.Text
	case "application/json":
		typ = article.JSON
	default:
		return article.Article{}, fmt.Errorf("%s: content type %q is not an article (want HTML, Markdown or plain text)", article.RedactURL(raw), mt)
	}
	if typ == article.Text && sniffHTML(data) {
		typ = article.HTML
	}
	if typ == article.HTML {
		if data, err = article.DecodeHTML(data, ct); err != nil {
			return article.Article{}, fmt.Errorf("%s: %w", article.RedactURL(raw), err)
		}
	}
	a, err := article.ParseWith(data, typ, raw, final, l.Read)
	if err != nil {
		return article.Article{}, err
	}
	if a.URL == "" {
		a.URL = article.RedactURL(final.String())
	}
	return a, nil
}

// get fetches raw within the size limit and returns the body, its
// Content-Type and the URL it came from after redirects.
func (l *Loader) get(ctx context.Context, raw, accept string) ([]byte, string, *url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, "", nil, fmt.Errorf("%s: not a valid URL (want http or https)", article.RedactURL(raw))
	}
	client := l.Client
	if client == nil {
		timeout := l.Timeout
		if timeout == 0 {
			timeout = 30 * time.Second
		}
		client = &http.Client{Timeout: timeout}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", article.RedactURL(raw), err)
	}
	ua := l.UserAgent
	if ua == "" {
		ua = "aloud (+https://github.com/aloud-dev/aloud)"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", accept)
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: cannot fetch: %s", article.RedactURL(raw), netReason(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", nil, fmt.Errorf("%s: the server answered %s", article.RedactURL(raw), resp.Status)
	}
	if resp.ContentLength > l.maxBytes() {
		return nil, "", nil, fmt.Errorf("%s %w: %d bytes, more than the limit of %d (raise it with fetch.max_bytes in aloud.yaml)",
			article.RedactURL(raw), article.ErrTooLarge, resp.ContentLength, l.maxBytes())
	}
	data, err := article.ReadLimited(resp.Body, l.maxBytes(), article.RedactURL(raw))
	if err != nil {
		return nil, "", nil, err
	}
	return data, resp.Header.Get("Content-Type"), resp.Request.URL, nil
}

func sniffHTML(data []byte) bool {
	head := strings.ToLower(string(data[:min(len(data), 1024)]))
	head = strings.TrimSpace(strings.TrimPrefix(head, "\ufeff"))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.HasPrefix(head, "<") && strings.Contains(head, "<body"))
}

// netReason turns a transport error into a short reason a person can act on.
func netReason(err error) string {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var blocked *blockedError
	switch {
	case errors.As(err, &blocked):
		return blocked.Error()
	case errors.As(err, &dnsErr):
		return fmt.Sprintf("host %q not found", dnsErr.Name)
	case errors.Is(err, context.DeadlineExceeded) || os.IsTimeout(err):
		return "timed out"
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Sprintf("connection refused or unreachable (%v)", opErr.Err)
	}
	return err.Error()
}

// MaxImageBytes bounds a fetched cover image.
const MaxImageBytes = 5 << 20

// FetchImage fetches an article's lead image for cover art: JPEG or PNG
// only, at most MaxImageBytes.
func (l *Loader) FetchImage(ctx context.Context, raw string) (string, []byte, error) {
	if !IsURL(raw) {
		return "", nil, fmt.Errorf("image %s: only http(s) URLs are fetched", article.RedactURL(raw))
	}
	client := l.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return "", nil, fmt.Errorf("image %s: %w", article.RedactURL(raw), err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return "", nil, fmt.Errorf("image %s: %s", article.RedactURL(raw), netReason(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", nil, fmt.Errorf("image %s: the server answered %s", article.RedactURL(raw), resp.Status)
	}
	data, err := article.ReadLimited(resp.Body, MaxImageBytes, raw)
	if err != nil {
		return "", nil, err
	}
	switch mt := http.DetectContentType(data); mt {
	case "image/jpeg", "image/png":
		return mt, data, nil
	default:
		return "", nil, fmt.Errorf("image %s: %s is not JPEG or PNG", article.RedactURL(raw), mt)
	}
}
