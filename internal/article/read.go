package article

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// Type is the kind of document an article is read from.
type Type string

// Document types the readers understand.
const (
	HTML     Type = "html"
	Markdown Type = "markdown"
	Text     Type = "text"
	JSON     Type = "json"
)

// DefaultMaxBytes is how large an article document may be unless configured.
const DefaultMaxBytes = 10 << 20

// Options shape how articles are read.
type Options struct {
	// Captions reads figure captions aloud (credits never are); by
	// default they are left out.
	Captions bool
}

// Parse reads an article from a document of the given type. name is the
// document's path or URL, used in errors and as the article's source; base
// is used to resolve relative links in HTML (may be nil).
func Parse(data []byte, typ Type, name string, base *url.URL) (Article, error) {
	return ParseWith(data, typ, name, base, Options{})
}

// ParseWith is Parse with options.
func ParseWith(data []byte, typ Type, name string, base *url.URL, o Options) (Article, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Article{}, fmt.Errorf("%s %w", name, ErrEmpty)
	}
	if typ != HTML && looksBinary(data) {
		return Article{}, fmt.Errorf("%s %w", name, ErrNotText)
	}
	var a Article
	var err error
	switch typ {
	case HTML:
		// Bytes not yet decoded (or decoded already: UTF-8 stays UTF-8)
		// are read in the character set a browser would pick.
		if data, err = DecodeHTML(data, ""); err != nil {
			return Article{}, fmt.Errorf("%s: %w", name, err)
		}
		a, err = parseHTML(data, base, o)
	case JSON:
		a, err = parseJSON(data, o)
	case Markdown:
		a = parseMarkdown(string(data))
	default:
		a = parseText(string(data))
	}
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", name, err)
	}
	a.Source = name
	if len(a.Blocks) == 0 {
		return Article{}, fmt.Errorf("%s %w: no paragraphs found", name, ErrNoText)
	}
	if a.Title == "" {
		a.Title = firstWords(a.Blocks[0].Text, 12)
	}
	a.Language = chooseLanguage(a.Language, a.Blocks)
	return a, nil
}

// TypeFromName guesses the document type from a file name's extension.
func TypeFromName(name string) Type {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".md", ".markdown", ".mdown":
		return Markdown
	case ".json":
		return JSON
	}
	return Text
}

// ReadLimited reads all of r but at most max bytes; more is ErrTooLarge.
func ReadLimited(r io.Reader, max int64, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s %w: more than %s (the limit; raise it with fetch.max_bytes in aloud.yaml)", name, ErrTooLarge, humanBytes(max))
	}
	return data, nil
}

// looksBinary reports NUL bytes or mostly invalid UTF-8 in the first 8 KB.
func looksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		b = b[n:]
	}
	return bad > 8
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + "…"
	}
	return strings.Join(f, " ")
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
