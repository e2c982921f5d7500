package corpora

// The two extraction development sets, read the same way by the tests,
// the evaluation and tools/extractcompare.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// Page is one extraction development page: its HTML and what a person
// (or Readability's maintainers) marked as the article.
type Page struct {
	Set, Name string // "readability" or "dragnet"; the page's folder or file name
	HTML      []byte
	Body      string // the article's text, comments left out
	// The metadata the Readability pages expect (empty when not given;
	// Dragnet's pages have none).
	Title, Byline, Published string
}

// Extraction sets, by the folder each lives in under the corpora root.
const (
	ReadabilitySet = "extraction/mozilla-readability/test/test-pages"
	DragnetSet     = "extraction/dragnet"
)

// ReadabilityPages reads Mozilla Readability's test pages from dir (the
// ReadabilitySet folder): source.html, the text of expected.html and
// expected-metadata.json.
func ReadabilityPages(dir string) ([]Page, error) {
	dirs, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		return nil, err
	}
	sort.Strings(dirs)
	var out []Page
	for _, d := range dirs {
		src, err := os.ReadFile(filepath.Join(d, "source.html"))
		if err != nil {
			continue // not a page folder
		}
		exp, err := os.ReadFile(filepath.Join(d, "expected.html"))
		if err != nil {
			return nil, fmt.Errorf("readability page %s: %w", d, err)
		}
		text, err := HTMLText(exp)
		if err != nil {
			return nil, fmt.Errorf("readability page %s: expected.html: %w", d, err)
		}
		p := Page{Set: "readability", Name: filepath.Base(d), HTML: src, Body: text}
		var m struct {
			Title, Byline string
			Published     *string `json:"publishedTime"`
		}
		if b, err := os.ReadFile(filepath.Join(d, "expected-metadata.json")); err == nil && json.Unmarshal(b, &m) == nil {
			p.Title, p.Byline = strings.TrimSpace(m.Title), strings.TrimSpace(m.Byline)
			if m.Published != nil {
				p.Published = strings.TrimSpace(*m.Published)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// DragnetPages reads Dragnet's pages from dir (the DragnetSet folder):
// input/N.html and the article part of gold/N.txt.
func DragnetPages(dir string) ([]Page, error) {
	files, err := filepath.Glob(filepath.Join(dir, "input", "*.html"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Page
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		gold, err := os.ReadFile(filepath.Join(dir, "gold", name+".txt"))
		if err != nil {
			continue // a page nobody marked
		}
		text, err := goldText(gold)
		if err != nil {
			return nil, fmt.Errorf("dragnet gold %s: %w", name, err)
		}
		out = append(out, Page{Set: "dragnet", Name: name, HTML: src, Body: DragnetArticle(text)})
	}
	return out, nil
}

// goldText decodes a gold file: UTF-8, or UTF-16 when it starts with a
// byte order mark (a few of Dragnet's were saved so).
func goldText(b []byte) (string, error) {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) {
		d := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := d.Bytes(b)
		return string(out), err
	}
	return string(bytes.TrimPrefix(b, []byte{0xEF, 0xBB, 0xBF})), nil
}

// Root is the corpora folder: $ALOUD_CORPORA, else ../shared/corpora
// beside the module's root ("" when neither exists).
func Root() string {
	root := os.Getenv("ALOUD_CORPORA")
	if root == "" {
		root = filepath.Join(moduleRoot(), "..", "shared", "corpora")
	}
	if _, err := os.Stat(root); err != nil {
		return ""
	}
	return root
}

// RendersDir is where tools/renderpages keeps the copied text of the
// extraction pages: $ALOUD_RENDERS, else aloud/renders in the user's cache
// folder ("" when there is none).
func RendersDir() string {
	if d := os.Getenv("ALOUD_RENDERS"); d != "" {
		return d
	}
	c, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(c, "aloud", "renders")
}
