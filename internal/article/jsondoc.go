package article

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// parseJSON reads an article given as a JSON object: title (or headline),
// author or byline (a string, a list, or objects with a name), date
// (published, datePublished), url, language, image, section, and the body
// as HTML (html, content, body_html) or text (text, body). WordPress REST
// objects ({"title": {"rendered": …}, "content": {"rendered": …}}) work too.
func parseJSON(data []byte, o Options) (Article, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Article{}, fmt.Errorf("%w: not a JSON object: %v", ErrBadSource, err)
	}
	str := func(keys ...string) string {
		for _, k := range keys {
			v, ok := raw[k]
			if !ok {
				continue
			}
			var s string
			if json.Unmarshal(v, &s) == nil && strings.TrimSpace(s) != "" {
				return s
			}
			var r struct {
				Rendered string `json:"rendered"`
			}
			if json.Unmarshal(v, &r) == nil && r.Rendered != "" {
				return r.Rendered
			}
		}
		return ""
	}
	var a Article
	a.Title = cleanSpace(htmlToText(str("title", "headline", "name")))
	a.Byline = cleanByline(jsonAuthors(raw, "author", "authors", "byline"))
	a.Published = parseDate(str("date", "published", "datePublished", "published_at", "date_gmt"))
	a.URL = resolve(nil, str("url", "canonical_url", "link"))
	a.Language = str("language", "lang", "inLanguage")
	a.Image = resolve(nil, str("image", "lead_image", "featured_image_url"))
	a.Section = str("section", "articleSection", "category")
	if body := str("html", "content", "body_html", "articleBody_html"); body != "" {
		blocks, err := htmlBodyBlocks(body, a.Title, a.Byline, o.Captions)
		if err != nil {
			return Article{}, fmt.Errorf("%w: body HTML: %v", ErrBadSource, err)
		}
		a.Blocks = blocks
		return a, nil
	}
	if body := str("text", "body", "articleBody", "content_text"); body != "" {
		t := parseText(body)
		a.Blocks = t.Blocks
		if t.Title != "" && t.Title != a.Title {
			a.Blocks = append([]Block{{Kind: Paragraph, Text: t.Title}}, a.Blocks...)
		}
	}
	return a, nil
}

// jsonAuthors reads authors as a string, a list of strings, an object with
// a name, or a list of those, joined for speech.
func jsonAuthors(raw map[string]json.RawMessage, keys ...string) string {
	for _, k := range keys {
		v, ok := raw[k]
		if !ok {
			continue
		}
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
		var anyV any
		if json.Unmarshal(v, &anyV) == nil {
			var persons, orgs []string
			collectAuthors(anyV, &persons, &orgs)
			if n := joinNames(append(persons, orgs...)); n != "" {
				return n
			}
		}
	}
	return ""
}

// htmlToText drops tags and decodes entities ("Big &amp; bold" → "Big & bold").
func htmlToText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	doc, err := html.Parse(bytes.NewReader([]byte("<body>" + s + "</body>")))
	if err != nil {
		return s
	}
	return textOf(doc)
}
