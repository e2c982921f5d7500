package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/article"
	"github.com/aloud-dev/aloud/internal/script"
)

func TestExtract(t *testing.T) {
	dir := sampleDir(t)
	js := aloud(t, dir, "extract", "--format", "json", "sample.html")
	var a article.Article
	if js.code != 0 || json.Unmarshal([]byte(js.stdout), &a) != nil || a.Title == "" || a.Byline != "Dana Whitfield" || len(a.Blocks) < 5 {
		t.Fatalf("json: %d %+v\n%s", js.code, a, js.stderr)
	}
	body := aloud(t, dir, "extract", "--format", "body", "sample.html")
	// The body is every block, subheadings included: a listener hears
	// them, and extraction benchmarks count them.
	lines := strings.Split(strings.TrimSpace(body.stdout), "\n")
	headings := 0
	for i, b := range a.Blocks {
		if b.Kind == article.Heading {
			headings++
		}
		if i < len(lines) && lines[i] != b.Text {
			t.Errorf("body line %d %q, want block %q", i+1, lines[i], b.Text)
		}
	}
	if body.code != 0 || len(lines) != len(a.Blocks) || headings == 0 {
		t.Errorf("body: %d lines for %d blocks (%d headings)\n%s", len(lines), len(a.Blocks), headings, body.stdout)
	}
	text := aloud(t, dir, "extract", "sample.html")
	if !strings.HasPrefix(text.stdout, a.Title+"\nBy Dana Whitfield\n2026-11-20") {
		t.Errorf("text:\n%s", text.stdout)
	}

	os.WriteFile(filepath.Join(dir, "empty.html"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "junk.html"), []byte("<script>alert(1)</script><nav><a href=/>Home</a></nav>"), 0o644)
	os.WriteFile(filepath.Join(dir, "program.html"), append([]byte("\x7fELF\x02\x01\x01\x00"), bytes.Repeat([]byte("\x00\x00<p>code</p>\x03"), 2000)...), 0o644)
	for name, want := range map[string]string{"empty.html": "is empty", "junk.html": "has no article text", "missing.html": "no such file", "program.html": "is not text"} {
		r := aloud(t, dir, "extract", name)
		if r.code == 0 || !strings.Contains(r.stderr, want) || r.stdout != "" {
			t.Errorf("%s: code %d, stderr %q", name, r.code, r.stderr)
		}
	}
	if r := aloud(t, dir, "extract", "--format", "xml", "sample.html"); r.code != 2 {
		t.Errorf("--format xml: code %d", r.code)
	}
}

func TestScriptCommand(t *testing.T) {
	dir := sampleDir(t)
	r := aloud(t, dir, "script", "--voice", "en-polly-neural", "sample.html")
	if r.code != 0 || !strings.Contains(r.stdout, "voice en-polly-neural") || !strings.Contains(r.stdout, "[chunk 1 · intro") ||
		!strings.Contains(r.stdout, `[chapter "Introduction"]`) || !strings.Contains(r.stdout, "[pause 900ms]") {
		t.Fatalf("script: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	js := aloud(t, dir, "script", "--json", "sample.html")
	var sc script.Script
	if js.code != 0 || json.Unmarshal([]byte(js.stdout), &sc) != nil || len(sc.Chunks) == 0 || sc.Chunks[0].Kind != script.Intro {
		t.Fatalf("script --json: %d %+v", js.code, sc)
	}
	if r := aloud(t, dir, "script", "--voice", "no-such-voice", "sample.html"); r.code != 2 || !strings.Contains(r.stderr, "unknown voice preset") {
		t.Errorf("unknown voice: %d %s", r.code, r.stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("script wrote files: %v", entries)
	}
}

func TestNormalizeCommand(t *testing.T) {
	dir := t.TempDir()
	in := "The $20.50 fee\n\nfrom 25 July 2012\nno numbers here\n"
	cmd := aloudCmd(dir, "normalize")
	cmd.Stdin = strings.NewReader(in)
	r := execute(cmd)
	want := "The twenty dollars fifty cents fee\n\nfrom the twenty fifth of July twenty twelve\nno numbers here\n"
	if r.code != 0 || r.stdout != want {
		t.Fatalf("normalize: %d\n%q\nwant %q\n%s", r.code, r.stdout, want, r.stderr)
	}
	cmd = aloudCmd(dir, "normalize", "--skip", "money")
	cmd.Stdin = strings.NewReader("$5 on 12 May\n")
	if r := execute(cmd); r.stdout != "$5 on the twelfth of May\n" {
		t.Errorf("--skip money: %q", r.stdout)
	}
	cmd = aloudCmd(dir, "normalize", "--lang", "uk")
	cmd.Stdin = strings.NewReader("У 2026 році\n")
	if r := execute(cmd); r.stdout != "У дві тисячі двадцять шостому році\n" {
		t.Errorf("--lang uk: %q", r.stdout)
	}
	cmd = aloudCmd(dir, "normalize", "--lang", "fr")
	cmd.Stdin = strings.NewReader("En 2026\n")
	if r := execute(cmd); r.stdout != "En 2026\n" {
		t.Errorf("--lang fr (no rules): %q", r.stdout)
	}
	if r := aloud(t, dir, "normalize", "--skip", "nope"); r.code != 2 {
		t.Errorf("--skip nope: %d", r.code)
	}
}

// TestLexiconsInScripts: the news lexicon goes to an SSML voice as
// phonemes and to a plain-text voice as aliases; a publication's own
// lexicon (voices_dir/lexicons, named in aloud.yaml) wins over it.
func TestLexiconsInScripts(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "kyiv.md"), []byte("# Talks\n\nPresident Zelensky flew from Kyiv to Riyadh & back.\n"), 0o644)
	chunks := func(args ...string) []script.Chunk {
		t.Helper()
		r := aloud(t, dir, append([]string{"script", "--json"}, args...)...)
		var sc script.Script
		if r.code != 0 || json.Unmarshal([]byte(r.stdout), &sc) != nil {
			t.Fatalf("script %v: %d\n%s", args, r.code, r.stderr)
		}
		return sc.Chunks
	}
	body := func(cs []script.Chunk) script.Chunk { return cs[len(cs)-1] }
	polly := body(chunks("--voice", "en-polly-neural", "kyiv.md"))
	if !polly.SSML || !strings.Contains(polly.Spoken, `<phoneme alphabet="ipa" ph="ˈkiːjɪv">Kyiv</phoneme>`) || !strings.Contains(polly.Spoken, "to <phoneme alphabet=\"ipa\" ph=\"riːˈjɑːd\">Riyadh</phoneme> and back") {
		t.Errorf("polly chunk %+v", polly)
	}
	if err := script.WellFormed(polly.Spoken); err != nil {
		t.Error(err)
	}
	openai := body(chunks("--voice", "en-openai", "kyiv.md"))
	if openai.SSML || !strings.Contains(openai.Spoken, "from Keev to Ree-yahd") {
		t.Errorf("openai chunk %+v", openai)
	}
	os.MkdirAll(filepath.Join(dir, "voices", "lexicons"), 0o755)
	os.WriteFile(filepath.Join(dir, "voices", "lexicons", "house.pls"), []byte(`<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" xml:lang="en">`+
		`<lexeme><grapheme>Kyiv</grapheme><alias>Kyeev</alias></lexeme></lexicon>`), 0o644)
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("voices_dir: voices\nlexicons: [house]\n"), 0o644)
	if c := body(chunks("--voice", "en-openai", "kyiv.md")); !strings.Contains(c.Spoken, "from Kyeev to Ree-yahd") {
		t.Errorf("house lexicon does not win: %q", c.Spoken)
	}
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("lexicons: [nope]\n"), 0o644)
	if r := aloud(t, dir, "script", "kyiv.md"); r.code != 2 || !strings.Contains(r.stderr, `lexicon "nope"`) {
		t.Errorf("missing lexicon: %d %s", r.code, r.stderr)
	}
}

func TestTemplatesInScripts(t *testing.T) {
	dir := sampleDir(t)
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("publication: The Millbrook Courier\ntemplates:\n  \"\": {intro: \"{title}. Written by {byline}.\", outro: \"Thanks for listening to {publication}.\"}\n"), 0o644)
	r := aloud(t, dir, "script", "--json", "sample.html")
	var sc script.Script
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &sc) != nil {
		t.Fatalf("%d %s", r.code, r.stderr)
	}
	first, last := sc.Chunks[0], sc.Chunks[len(sc.Chunks)-1]
	if first.Text != "Riverside library stays open late after volunteers step in. Written by Dana Whitfield." || last.Kind != script.Outro || last.Text != "Thanks for listening to The Millbrook Courier." {
		t.Errorf("intro %q, last %+v", first.Text, last)
	}
}
