package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/script"
)

// languagePage is an article page in a language, as a newsroom publishes
// it: the language on <html>, a byline, a date.
func languagePage(lang, title, byline string, paragraphs ...string) string {
	var body strings.Builder
	for _, p := range paragraphs {
		fmt.Fprintf(&body, "<p>%s</p>\n", p)
	}
	return fmt.Sprintf(`<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>
<meta name="author" content="%s"><meta property="article:published_time" content="2026-11-20T08:00:00Z"></head>
<body><article><h1>%s</h1>%s</article></body></html>`, lang, title, byline, title, body.String())
}

// TestNarrateLanguages narrates a German, a Spanish, a Russian and a
// Ukrainian article end to end with the defaults: each is read by its own
// language's espeak-ng voice, with the intro, the disclosure and the date
// in that language, and numbers said in it; the manifest and the
// transcript carry the language. An article in a language without a voice
// is refused with a message that says how to add one, and --voice forces
// a voice on any article.
func TestNarrateLanguages(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		lang, file, voice string
		page              string
		intro             []string // in the intro as spoken
		disclosure        string
		body              string // a number said in the body
	}{
		{"de", "de.html", "de-espeak",
			languagePage("de", "Bibliothek bleibt länger offen", "Julia Vergin",
				"Die Stadtbibliothek bleibt ab dem 3. Mai bis 22 Uhr geöffnet. Der Umbau kostete 1,5 Mio. Euro.",
				"Rund 2.400 Leserinnen und Leser nutzen sie jede Woche."),
			[]string{"Von Julia Vergin.", "Veröffentlicht am zwanzigsten November zwei tausend sechs und zwanzig."},
			script.BuiltinTemplates["de"].Disclosure, "ab dem dritten Mai"},
		{"es", "es.html", "es-espeak",
			languagePage("es", "La biblioteca abre hasta tarde", "Ana Ruiz",
				"La biblioteca municipal abrirá hasta las 22:30 desde el 1 de mayo. La obra costó 1,5 millones de euros.",
				"Unas 2.400 personas la visitan cada semana."),
			[]string{"Por Ana Ruiz.", "Publicado el veinte de noviembre de dos mil veintiséis."},
			script.BuiltinTemplates["es"].Disclosure, "dos mil cuatrocientas personas"},
		{"ru", "ru.html", "ru-espeak",
			languagePage("ru", "Библиотека работает дольше", "Иван Петров",
				"С 3 мая городская библиотека работает до 22:00. Ремонт обошелся в 1,5 млн руб.",
				"В 2025 году ее посетили 2 400 человек."),
			[]string{"Автор: Иван Петров.", "Опубликовано двадцатого ноября две тысячи двадцать шестого года."},
			script.BuiltinTemplates["ru"].Disclosure, "В две тысячи двадцать пятом году"},
		{"uk", "uk.html", "uk-espeak",
			languagePage("uk", "Бібліотека працює довше", "Олена Коваленко",
				"З 3 травня міська бібліотека працює до 22:00. Ремонт коштував 1,5 млн грн.",
				"У 2025 році її відвідали 2 400 людей."),
			[]string{"Автор: Олена Коваленко.", "Опубліковано двадцятого листопада дві тисячі двадцять шостого року."},
			script.BuiltinTemplates["uk"].Disclosure, "У дві тисячі двадцять п'ятому році"},
	}
	for _, tc := range cases {
		os.WriteFile(filepath.Join(dir, tc.file), []byte(tc.page), 0o644)
	}
	for _, tc := range cases {
		t.Run(tc.lang, func(t *testing.T) {
			// The script as the voice gets it: intro, disclosure, body.
			r := aloud(t, dir, "--json", "script", tc.file)
			var sc script.Script
			if r.code != 0 || json.Unmarshal([]byte(r.stdout), &sc) != nil {
				t.Fatalf("script: exit %d\n%s", r.code, r.stderr)
			}
			var intro, disclosure, body strings.Builder
			for _, c := range sc.Chunks {
				switch c.Kind {
				case script.Intro:
					intro.WriteString(c.Say() + " ")
				case script.Disclosure:
					disclosure.WriteString(c.Text)
				default:
					body.WriteString(c.Say() + " ")
				}
			}
			for _, want := range tc.intro {
				if !strings.Contains(intro.String(), want) {
					t.Errorf("intro %q lacks %q", intro.String(), want)
				}
			}
			if disclosure.String() != tc.disclosure || sc.Disclosure != tc.disclosure {
				t.Errorf("disclosure %q, want %q", disclosure.String(), tc.disclosure)
			}
			if !strings.Contains(body.String(), tc.body) {
				t.Errorf("body %q lacks %q", body.String(), tc.body)
			}

			// Narrated and published by the language's voice.
			r = aloud(t, dir, "narrate", "--json", "--cache", "off", tc.file)
			var res narrate.Result
			line, _, _ := strings.Cut(r.stdout, "\n")
			if r.code != 0 || json.Unmarshal([]byte(line), &res) != nil {
				t.Fatalf("narrate: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			if res.Voice != tc.voice || res.Language != tc.lang || res.DurationSeconds < 5 {
				t.Errorf("result %+v, want voice %s", res, tc.voice)
			}
			var m player.Manifest
			data, _ := os.ReadFile(filepath.Join(dir, "out", res.ManifestKey))
			if json.Unmarshal(data, &m) != nil || m.Language != tc.lang || m.Voice != tc.voice || m.Disclosure != tc.disclosure {
				t.Errorf("manifest %s", data)
			}
			vtt, _ := os.ReadFile(filepath.Join(dir, "out", strings.TrimSuffix(res.AudioKey, ".mp3")+".vtt"))
			if !strings.HasPrefix(string(vtt), "WEBVTT\nLanguage: "+tc.lang+"\n") || !strings.Contains(string(vtt), tc.disclosure) {
				t.Errorf("transcript %.200s", vtt)
			}
		})
	}

	// No voice for Japanese: refused, saying how to add one; nothing is
	// published for it.
	os.WriteFile(filepath.Join(dir, "ja.html"), []byte(languagePage("ja", "図書館", "山田", "図書館は夜十時まで開いています。")), 0o644)
	r := aloud(t, dir, "narrate", "--cache", "off", "ja.html")
	if r.code != 1 || !strings.Contains(r.stderr, `no voice for language "ja"`) || !strings.Contains(r.stderr, "voices: {ja: PRESET}") {
		t.Errorf("a Japanese article: exit %d\n%s", r.code, r.stderr)
	}
	// With a voice for it in aloud.yaml, or forced, it is read.
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("voices:\n  ja: en-espeak\n"), 0o644)
	if r := aloud(t, dir, "narrate", "--json", "--cache", "off", "ja.html"); r.code != 0 || !strings.Contains(r.stdout, `"voice":"en-espeak"`) {
		t.Errorf("voices: {ja: en-espeak}: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	os.Remove(filepath.Join(dir, "aloud.yaml"))
	if r := aloud(t, dir, "narrate", "--json", "--cache", "off", "--voice", "en-gb-espeak", "de.html"); r.code != 0 || !strings.Contains(r.stdout, `"voice":"en-gb-espeak"`) {
		t.Errorf("--voice forces: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// voices list --lang and doctor say which voice reads a language.
	if r := aloud(t, dir, "voices", "list", "--lang", "uk"); r.code != 0 || !strings.Contains(r.stdout, "uk-espeak") ||
		!strings.Contains(r.stdout, "uk-azure") || strings.Contains(r.stdout, "de-espeak") || !strings.Contains(r.stdout, "articles in uk are read by uk-espeak") {
		t.Errorf("voices list --lang uk: %s", r.stdout)
	}
	if r := aloud(t, dir, "doctor"); !strings.Contains(r.stdout, "uk uk-espeak") || !strings.Contains(r.stdout, "other languages: articles in them are refused") {
		t.Errorf("doctor: %s", r.stdout)
	}
}
