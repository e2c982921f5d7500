package article

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// DecodeHTML converts an HTML document to UTF-8 the way a browser picks its
// character set (WHATWG Encoding, "determine the character encoding"):
// a byte order mark; else the charset of the HTTP Content-Type; else a
// <meta charset> or <meta http-equiv="Content-Type"> anywhere in the
// document's head (browsers look at the first 1,024 bytes, where pages
// with long heads are wrongly read); else UTF-8 when the bytes are valid
// UTF-8; else windows-1252. One step further than a browser: a page that
// declares a legacy character set but is valid UTF-8 holding characters
// beyond ASCII is UTF-8 (a multi-byte UTF-8 sequence is next to impossible
// in real legacy text; a mislabelled UTF-8 page is common).
func DecodeHTML(data []byte, contentType string) ([]byte, error) {
	name, enc := sniffCharset(data, contentType)
	if enc == nil {
		return nil, fmt.Errorf("unknown character set %q", name)
	}
	if enc == encoding.Nop || name == "utf-8" {
		return bytes.TrimPrefix(data, []byte("\ufeff")), nil
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("decoding %s: %w", name, err)
	}
	return out, nil
}

// Charset names the character set DecodeHTML reads a document in.
func Charset(data []byte, contentType string) string {
	name, _ := sniffCharset(data, contentType)
	return name
}

func sniffCharset(data []byte, contentType string) (string, encoding.Encoding) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return "utf-8", encoding.Nop
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return "utf-16be", unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return "utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	declared := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		declared = params["charset"]
	}
	if declared == "" || !knownCharset(declared) {
		declared = metaCharset(data)
	}
	validUTF8 := utf8.Valid(data)
	if declared != "" && knownCharset(declared) {
		enc, name := lookupCharset(declared)
		// A legacy label on valid UTF-8 with non-ASCII characters: the label
		// is wrong ("youâ€™re" otherwise). UTF-16 labels in a <meta> are
		// read as UTF-8, as browsers do.
		if name == "utf-8" || strings.HasPrefix(name, "utf-16") || (validUTF8 && hasMultiByte(data)) {
			return "utf-8", encoding.Nop
		}
		return name, enc
	}
	if declared != "" {
		return declared, nil // a label that is not a character set
	}
	if validUTF8 {
		return "utf-8", encoding.Nop
	}
	enc, name := lookupCharset("windows-1252")
	return name, enc
}

func knownCharset(label string) bool {
	_, err := htmlindex.Get(strings.TrimSpace(label))
	return err == nil
}

func lookupCharset(label string) (encoding.Encoding, string) {
	enc, err := htmlindex.Get(strings.TrimSpace(label))
	if err != nil {
		return nil, label
	}
	name, _ := htmlindex.Name(enc)
	if enc == nil {
		enc, name = charset.Lookup(label)
	}
	return enc, name
}

// hasMultiByte reports whether data holds a byte above ASCII.
func hasMultiByte(data []byte) bool {
	for _, b := range data {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

var (
	metaTag      = regexp.MustCompile(`(?is)<meta\b[^>]*>`)
	metaCharsetA = regexp.MustCompile(`(?is)\bcharset\s*=\s*["']?\s*([\w.:-]+)`)
	headEnd      = regexp.MustCompile(`(?i)</head\s*>|<body[\s>]`)
)

// metaCharset is the charset a <meta> element in the head declares, "" for
// none: <meta charset="…"> or <meta http-equiv="Content-Type"
// content="text/html; charset=…">, the first that names a known charset.
func metaCharset(data []byte) string {
	head := data
	if loc := headEnd.FindIndex(data); loc != nil {
		head = data[:loc[0]]
	} else if len(head) > 64<<10 {
		head = head[:64<<10]
	}
	for _, tag := range metaTag.FindAll(head, -1) {
		if m := metaCharsetA.FindSubmatch(tag); m != nil && knownCharset(string(m[1])) {
			return string(m[1])
		}
	}
	return ""
}
