package player

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
	"time"

	"github.com/aloud-dev/aloud/internal/episode"
)

//go:embed assets/aloud-player.js assets/aloud-player.css
var assets embed.FS

// AssetDir is where the player's files live in the store.
const AssetDir = "player"

// Assets returns the player's files by store key: one script, one
// stylesheet.
func Assets() map[string][]byte {
	out := map[string][]byte{}
	fs.WalkDir(assets, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := assets.ReadFile(p)
		out[path.Join(AssetDir, path.Base(p))] = b
		return nil
	})
	return out
}

// Snippet is the HTML to paste into an article template: the stylesheet,
// the script, and the element pointing at the episode's manifest. url turns
// a store key into its public URL. highlight, if not empty, is a CSS
// selector of the article text, whose sentences the player highlights.
func Snippet(url func(key string) string, slug, highlight string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<link rel=\"stylesheet\" href=\"%s\">\n", template.HTMLEscapeString(url(AssetDir+"/aloud-player.css")))
	fmt.Fprintf(&b, "<script src=\"%s\" defer></script>\n", template.HTMLEscapeString(url(AssetDir+"/aloud-player.js")))
	fmt.Fprintf(&b, "<aloud-player src=\"%s\"", template.HTMLEscapeString(url(slug+".json")))
	if highlight != "" {
		fmt.Fprintf(&b, " highlight=\"%s\"", template.HTMLEscapeString(highlight))
	}
	b.WriteString("></aloud-player>\n")
	return b.String()
}

var demoPage = template.Must(template.New("demo").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}} · aloud player demo</title>
<link rel="stylesheet" href="player/aloud-player.css">
<script src="player/aloud-player.js" defer></script>
<style>
body { font: 1.05rem/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.8rem; line-height: 1.25; }
.note { font: 0.85rem system-ui, sans-serif; color: #5b6570; }
</style>
</head>
<body>
<article>
<h1>{{.Title}}</h1>
<aloud-player src="{{.Manifest}}" highlight="#article-text"></aloud-player>
<div id="article-text">
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}</div>
</article>
<p class="note">A demo page written by <code>aloud player demo</code>: the article text is the narration's transcript.</p>
</body>
</html>
`))

// Demo writes a page with the article text (the transcript's sentences,
// in paragraphs where the narration pauses longer) and the player, for
// trying the player locally. The page refers to the manifest and player by
// relative links, so it works wherever the store's folder is served.
func Demo(m Manifest, cues []episode.Cue) ([]byte, error) {
	var paras []string
	var cur []string
	for i, c := range cues {
		if i > 0 && c.Start-cues[i-1].End >= 500*time.Millisecond && len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
		cur = append(cur, c.Text)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	var buf bytes.Buffer
	err := demoPage.Execute(&buf, struct {
		Title, Manifest string
		Paragraphs      []string
	}{m.Title, m.Slug + ".json", paras})
	return buf.Bytes(), err
}
