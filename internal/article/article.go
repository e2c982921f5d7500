// Package article owns the Article model (title, byline, date, URL,
// language, ordered blocks of text) and the readers that make one from an
// HTML page, Markdown or plain text, read from a file or fetched from a URL.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"
)

// Kind is the role of a block of text.
type Kind string

// Block kinds, in the order they may appear in an article.
const (
	Heading   Kind = "heading"
	Paragraph Kind = "paragraph"
	Quote     Kind = "quote"
	ListItem  Kind = "list_item"
)

// Block is one unit of the article body.
type Block struct {
	Kind  Kind   `json:"kind"`
	Level int    `json:"level,omitempty"` // heading level 1–6
	Text  string `json:"text"`
}

// Article is clean text with structure, ready to be scripted.
type Article struct {
	Title       string    `json:"title"`
	Byline      string    `json:"byline,omitempty"`
	Published   time.Time `json:"published,omitzero"`
	URL         string    `json:"url,omitempty"` // canonical URL of the article, when known
	Language    string    `json:"language,omitempty"`
	Image       string    `json:"image,omitempty"`
	Publication string    `json:"publication,omitempty"`
	Section     string    `json:"section,omitempty"` // the publisher's section, e.g. Sport
	Blocks      []Block   `json:"blocks"`
	Source      string    `json:"source"` // the path or URL it was read from
}

// Errors the readers return; each comes wrapped with the input's name.
var (
	ErrEmpty     = errors.New("is empty")
	ErrNotText   = errors.New("is not text (binary data)")
	ErrNoText    = errors.New("has no article text")
	ErrTooLarge  = errors.New("is too large")
	ErrBadSource = errors.New("cannot be read as an article")
)

// Words counts the words of the body.
func (a Article) Words() int {
	n := 0
	for _, b := range a.Blocks {
		n += len(strings.Fields(b.Text))
	}
	return n
}

// ContentHash is a hash of everything that is spoken: title, byline and
// body. Two readings of the same article give the same hash.
func (a Article) ContentHash() string {
	h := sha256.New()
	for _, s := range []string{a.Title, a.Byline, a.Published.UTC().Format(time.DateOnly)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, b := range a.Blocks {
		h.Write([]byte(b.Kind))
		h.Write([]byte{1})
		h.Write([]byte(b.Text))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cleanSpace folds runs of white space into one space and trims.
func cleanSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
