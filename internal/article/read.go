package article

import (
	"bytes"
	"fmt"
	"golang.org/x/text/encoding/charmap"
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
	// Credentials in a URL ("https://user:password@host/…") never reach
	// a message, the article or anything stored from it.
	name = RedactURL(name)
	if base != nil && base.User != nil {
		b := *base
		b.User = nil
		base = &b
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return Article{}, fmt.Errorf("%s %w", name, ErrEmpty)
	}
	// Before anything is read aloud (or paid for): a program or an image
	// under a text name is refused, whatever its name says.
	if looksBinary(data) {
		return Article{}, fmt.Errorf("%s %w", name, ErrNotText)
	}
	if (typ == Text || typ == Markdown) && !utf8.Valid(data) {
		// Text saved in a legacy character set, as editors on Windows do.
		data = decodeLegacyText(data)
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
		a = parseText(string(data)) // its language read from its text already
	}
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", name, err)
	}
	a.Source = RedactURL(name)
	if len(a.Blocks) == 0 {
		return Article{}, fmt.Errorf("%s %w: no paragraphs found", name, ErrNoText)
	}
	if a.Title == "" {
		a.Title = firstWords(a.Blocks[0].Text, 12)
	}
	if typ == HTML || typ == JSON || typ == Markdown {
		a.Language = chooseLanguage(a.Language, a.Blocks)
	}
	return a, nil
}

// RedactURL is s without the user information of an http(s) URL
// ("https://user:password@host/story" → "https://host/story"); anything
// else is returned as it is.
func RedactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil || (u.Scheme != "http" && u.Scheme != "https") {
		return s
	}
	u.User = nil
	return u.String()
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

// looksBinary reports bytes that are not text in any character set: a
// NUL byte, or control characters (other than tab, line breaks, form feed
// and escape) in more than 1 % of the first 8 KB. Text in UTF-16 with its
// byte order mark is text. Legacy 8-bit character sets are text too.
func looksBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte{0xfe, 0xff}) || bytes.HasPrefix(b, []byte{0xff, 0xfe}) {
		return false // UTF-16 with its BOM: its NULs are half its ASCII
	}
	if len(b) > 8192 {
		b = b[:8192]
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b || c == 0x7f {
			controls++
		}
	}
	return controls*100 > len(b)
}

// decodeLegacyText reads text that is not UTF-8 as windows-1252, the
// character set a browser falls back to.
func decodeLegacyText(b []byte) []byte {
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
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
