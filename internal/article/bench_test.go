package article

import (
	"fmt"
	"strings"
	"testing"
)

// bigPage is a news page of about size bytes, built as today's large
// pages are: a long story (80 paragraphs, subheadings) among a page of
// markup: inline scripts with the application's state, style sheets,
// menus, teaser cards, JSON-LD.
func bigPage(size int) []byte {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Council approves the bridge repairs | The Courier</title>
<meta property="og:title" content="Council approves the bridge repairs"><meta property="og:site_name" content="The Courier">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Council approves the bridge repairs","author":{"@type":"Person","name":"Dana Whitfield"},"datePublished":"2026-11-20T08:30:00Z"}</script><style>`)
	for i := range 2000 {
		fmt.Fprintf(&b, ".c%d{margin:%dpx;color:#%06x}", i, i%40, i*2654435761%0xffffff)
	}
	b.WriteString(`</style></head><body><nav><ul>`)
	for i := range 300 {
		fmt.Fprintf(&b, `<li class="menu-item"><a href="/section/%d">Section %d</a></li>`, i, i)
	}
	b.WriteString(`</ul></nav><main><article><h1>Council approves the bridge repairs</h1><p class="byline">By Dana Whitfield</p>`)
	for i := range 80 {
		if i%8 == 7 {
			fmt.Fprintf(&b, `<h2>Part %d of the story</h2>`, i/8+1)
		}
		fmt.Fprintf(&b, `<p>Paragraph %d: the council voted on Tuesday to close the old river bridge for eight months of repairs, and drivers will be sent around the industrial estate while the <a href="/x">work</a> goes on, officials said.</p>`, i)
	}
	b.WriteString(`</article></main><section class="more-stories">`)
	for i := range 400 {
		fmt.Fprintf(&b, `<div class="card"><a href="/story/%d"><img src="/i/%d.jpg" alt=""><h3>Another story number %d</h3></a><span class="time">%d hours ago</span></div>`, i, i, i, i%24)
	}
	b.WriteString(`</section><script>window.__STATE__ = {"items":[`)
	for i := 0; b.Len() < size-100; i++ {
		fmt.Fprintf(&b, `{"id":%d,"title":"Another story number %d","url":"/story/%d","tags":["news","local"]},`, i, i, i)
	}
	b.WriteString(`{}]};</script><footer>© The Courier</footer></body></html>`)
	return []byte(b.String())
}

// BenchmarkParseHTML1MB extracts the article from a 1 MB page; the target
// is under 100 ms a page (docs/BENCHMARKS.md).
func BenchmarkParseHTML1MB(b *testing.B) {
	page := bigPage(1 << 20)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		a, err := Parse(page, HTML, "big.html", nil)
		if err != nil || len(a.Blocks) < 80 || strings.Contains(bodyText(a), "Another story") {
			b.Fatalf("%d blocks, %v", len(a.Blocks), err)
		}
	}
}

// BenchmarkParseText1MB reads 1 MB of pasted page text.
func BenchmarkParseText1MB(b *testing.B) {
	var t strings.Builder
	for i := 0; t.Len() < 1<<20; i++ {
		if i%10 == 0 {
			t.WriteString("Home\nNews\nSport\nMost read\n")
		}
		fmt.Fprintf(&t, "Paragraph %d: the council voted on Tuesday to close the old river bridge for eight months of repairs.\n\n", i)
	}
	src := []byte(t.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse(src, Text, "big.txt", nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseHTMLLongStory extracts a page that is 1 MB of story
// (3,000 paragraphs, some 70,000 words): the worst case, where
// go-readability's scoring of every paragraph dominates.
func BenchmarkParseHTMLLongStory(b *testing.B) {
	var p strings.Builder
	p.WriteString(`<html lang="en"><head><title>A very long story</title></head><body><article><h1>A very long story</h1>`)
	for i := 0; p.Len() < 1<<20; i++ {
		fmt.Fprintf(&p, `<p>Paragraph %d: the council voted on Tuesday to close the old river bridge for eight months of repairs, and drivers will be sent around the industrial estate while the <a href="/x">work</a> goes on.</p>`, i)
	}
	p.WriteString(`</article></body></html>`)
	page := []byte(p.String())
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Parse(page, HTML, "long.html", nil); err != nil {
			b.Fatal(err)
		}
	}
}
