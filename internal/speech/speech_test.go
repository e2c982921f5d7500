package speech

import (
	"context"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func wav(rate, channels, bits int, dataSize uint32, samples int) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00")
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, uint16(channels))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate*channels*bits/8))
	b = binary.LittleEndian.AppendUint16(b, uint16(channels*bits/8))
	b = binary.LittleEndian.AppendUint16(b, uint16(bits))
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, dataSize)
	return append(b, make([]byte, samples*channels*bits/8)...)
}

func TestParseWAV(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		seconds float64
		err     string
	}{
		{"exact size", wav(22050, 1, 16, 44100, 22050), 1, ""},
		{"pipe placeholder size", wav(22050, 1, 16, 0x7fffffff, 11025), 0.5, ""},
		{"zero size", wav(16000, 2, 16, 0, 16000), 1, ""},
		{"8-bit", wav(8000, 1, 8, 8000, 8000), 0, "only 16-bit PCM"},
		{"not riff", []byte("OggS\x00\x00"), 0, "not a RIFF WAVE"},
		{"truncated fmt", []byte("RIFF\x00\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01"), 0, "fmt chunk too short"},
		{"no data", []byte("RIFF\x00\x00\x00\x00WAVEJUNK\x02\x00\x00\x00ab"), 0, "no data chunk"},
		{"huge chunk size", []byte("RIFF\x00\x00\x00\x00WAVEJUNK\xff\xff\xff\xff"), 0, "no data chunk"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := ParseWAV(tc.data)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Seconds() != tc.seconds {
				t.Errorf("%v seconds, want %v", p.Seconds(), tc.seconds)
			}
		})
	}
}

func FuzzParseWAV(f *testing.F) {
	f.Add(wav(22050, 1, 16, 0x7fffffff, 10))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParseWAV(b)
		if err == nil && len(p.Data)%(2*p.Channels) != 0 {
			t.Fatal("partial sample frame")
		}
	})
}

type fakeSynth struct{ name string }

func (f fakeSynth) Name() string   { return f.name }
func (f fakeSynth) Limits() Limits { return Limits{MaxChars: 100} }
func (f fakeSynth) Synthesize(context.Context, Request) (Audio, error) {
	return Audio{Format: MP3}, nil
}

type fakeConfig struct {
	Voice string  `yaml:"voice"`
	Rate  float64 `yaml:"rate"`
}

type fakeFactory struct{ got *fakeConfig }

func (f fakeFactory) Name() string { return "fake" }
func (f fakeFactory) New(decode func(any) error) (Synthesizer, error) {
	cfg := fakeConfig{Voice: "default", Rate: 1}
	if err := decode(&cfg); err != nil {
		return nil, err
	}
	*f.got = cfg
	return fakeSynth{name: "fake"}, nil
}

func TestRegistryAndPresets(t *testing.T) {
	var got fakeConfig
	reg := NewRegistry()
	reg.Register(fakeFactory{&got})
	func() {
		defer func() {
			if recover() == nil {
				t.Error("registering a name twice did not panic")
			}
		}()
		reg.Register(fakeFactory{&got})
	}()

	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "mine.yaml"), []byte("backend: fake\noptions:\n  voice: custom\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "typo.yaml"), []byte("backend: fake\noptions:\n  voice: x\n  rat: 2\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "nobackend.yaml"), []byte("name: x\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "unknown.yaml"), []byte("backend: polly2\n"), 0o644)
	ps := Presets{Dirs: []string{dir}, Embedded: fstest.MapFS{
		"builtin.yaml": {Data: []byte("name: builtin\nbackend: fake\noptions:\n  rate: 1.5\n")},
		"mine.yaml":    {Data: []byte("backend: fake\noptions:\n  voice: embedded\n")},
	}}

	p, err := ps.Load("mine")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.New(p); err != nil || got.Voice != "custom" || got.Rate != 1 {
		t.Errorf("user preset overrides built-in: got %+v, %v", got, err)
	}
	p, _ = ps.Load("builtin")
	if _, err := reg.New(p); err != nil || got.Rate != 1.5 || got.Voice != "default" {
		t.Errorf("built-in: got %+v, %v", got, err)
	}
	p, _ = ps.Load(filepath.Join(dir, "mine.yaml"))
	if p.Name != "mine" {
		t.Errorf("name from path: %q", p.Name)
	}
	if names := strings.Join(ps.Names(), ","); names != "builtin,mine,nobackend,typo,unknown" {
		t.Errorf("names %s", names)
	}

	p, _ = ps.Load("typo")
	if _, err := reg.New(p); err == nil || !strings.Contains(err.Error(), "rat") || !strings.Contains(err.Error(), "line") {
		t.Errorf("unknown option: %v", err)
	}
	if _, err := ps.Load("nobackend"); err == nil || !strings.Contains(err.Error(), "no backend") {
		t.Errorf("no backend: %v", err)
	}
	p, _ = ps.Load("unknown")
	if _, err := reg.New(p); err == nil || !strings.Contains(err.Error(), `unknown backend "polly2"`) {
		t.Errorf("unknown backend: %v", err)
	}
	if _, err := ps.Load("nope"); !errors.Is(err, ErrUnknownVoice) || !strings.Contains(err.Error(), "builtin") {
		t.Errorf("unknown voice: %v", err)
	}
}

func TestErrorKinds(t *testing.T) {
	base := errors.New("bad request")
	if !IsPermanent(Permanent(base)) || IsPermanent(base) || Permanent(nil) != nil {
		t.Error("Permanent/IsPermanent")
	}
	wrapped := errors.Join(errors.New("x"), &RateLimitError{RetryAfter: time.Second, Err: base})
	var rl *RateLimitError
	if !errors.As(wrapped, &rl) || rl.RetryAfter != time.Second || !errors.Is(wrapped, base) {
		t.Error("RateLimitError")
	}
}

func TestNewFactory(t *testing.T) {
	type config struct {
		Voice string  `yaml:"voice"`
		Rate  float64 `yaml:"rate"`
	}
	var built config
	f := NewFactory("fake", func() config { return config{Voice: "a", Rate: 1} }, func(c config) (Synthesizer, error) {
		built = c
		return nil, nil
	})
	reg := NewRegistry()
	reg.Register(f)
	p, err := ParsePreset([]byte("backend: fake\noptions:\n  rate: 1.5\n"), "fake.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := reg.New(p); err != nil || built != (config{Voice: "a", Rate: 1.5}) {
		t.Fatalf("built %+v, %v: want the defaults with the preset's rate", built, err)
	}
	p, _ = ParsePreset([]byte("backend: fake\noptions:\n  pitch: 3\n"), "fake.yaml")
	if _, err := reg.New(p); err == nil || !strings.Contains(err.Error(), "field pitch not found") {
		t.Fatalf("unknown option: %v", err)
	}
}

func TestCheckURL(t *testing.T) {
	for u, ok := range map[string]bool{"https://api.example.com/v1": true, "http://127.0.0.1:8080": true,
		"ftp://x": false, "https://": false, "api.example.com": false, "": false, "http://%zz": false} {
		if err := CheckURL("x", "base_url", u); (err == nil) != ok {
			t.Errorf("%q: %v", u, err)
		}
	}
}

// TestChooseVoice: the voice for an article's language, by the rules in
// their order, and never a voice of another language unless forced or
// named as the fallback.
func TestChooseVoice(t *testing.T) {
	preset := func(name, lang string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("name: " + name + "\nbackend: espeak\nlanguage: " + lang + "\n")}
	}
	ps := Presets{Embedded: fstest.MapFS{
		"en-espeak.yaml": preset("en-espeak", "en-US"), "de-espeak.yaml": preset("de-espeak", "de-DE"),
		"uk-espeak.yaml": preset("uk-espeak", "uk"), "en-polly.yaml": preset("en-polly", "en-US"),
		"multi.yaml": preset("multi", "mul"),
	}}
	rules := VoiceRules{Default: "en-polly", ByLang: map[string]string{"uk": "uk-azure", "pt-BR": "br-voice", "pt": "pt-voice"}}
	for _, tc := range []struct {
		rules VoiceRules
		lang  string
		want  string
	}{
		{rules, "en-GB", "en-polly"},  // the default voice speaks English
		{rules, "", "en-polly"},       // a language not known: the default
		{rules, "uk", "uk-azure"},     // voices: names it
		{rules, "uk-UA", "uk-azure"},  // by primary subtag
		{rules, "pt-BR", "br-voice"},  // the exact tag first
		{rules, "pt-PT", "pt-voice"},  // then the language
		{rules, "de-AT", "de-espeak"}, // the language's built-in voice
		{rules, "ja", ""},             // none: refused
		{VoiceRules{Default: "en-polly", Fallback: "multi"}, "ja", "multi"},
		{VoiceRules{Forced: "en-espeak", ByLang: map[string]string{"de": "x"}}, "de", "en-espeak"},
	} {
		got, err := ps.Choose(tc.rules, tc.lang)
		if got != tc.want {
			t.Errorf("%q: %q (%v), want %q", tc.lang, got, err, tc.want)
		}
		var nv *NoVoiceError
		if tc.want == "" && (!errors.As(err, &nv) || !strings.Contains(err.Error(), `voices: {ja: PRESET}`)) {
			t.Errorf("%q: error %v, want a *NoVoiceError saying how to add a voice", tc.lang, err)
		}
	}
}

// TestPronouncerSearch: lexicons are found the way presets are, the user's
// folder before the built-in ones, a path as given.
func TestPronouncerSearch(t *testing.T) {
	lex := func(word, alias string) []byte {
		return []byte(`<lexicon version="1.0" xmlns="http://www.w3.org/2005/01/pronunciation-lexicon" alphabet="ipa" xml:lang="en">` +
			`<lexeme><grapheme>` + word + `</grapheme><alias>` + alias + `</alias></lexeme></lexicon>`)
	}
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "lexicons"), 0o755)
	os.WriteFile(filepath.Join(dir, "lexicons", "news.pls"), lex("Kyiv", "Mine"), 0o644)
	other := filepath.Join(dir, "other.pls")
	os.WriteFile(other, lex("Lviv", "Luh-veev"), 0o644)
	ps := Presets{Dirs: []string{dir}, Embedded: fstest.MapFS{
		"lexicons/news.pls":  {Data: lex("Kyiv", "Built-in")},
		"lexicons/extra.pls": {Data: lex("Odesa", "Oh-dessa")},
	}}
	for _, tc := range []struct {
		names []string
		in    string
		want  string
	}{
		{[]string{"news"}, "Kyiv", "Mine"},
		{[]string{"extra"}, "Odesa", "Oh-dessa"},
		{[]string{other, other}, "Lviv", "Luh-veev"},
	} {
		p, err := ps.Pronouncer(tc.names)
		if err != nil {
			t.Fatalf("%v: %v", tc.names, err)
		}
		if got := p.Alias(tc.in); got != tc.want {
			t.Errorf("%v: %q read as %q, want %q", tc.names, tc.in, got, tc.want)
		}
	}
	if p, err := ps.Pronouncer(nil); p != nil || err != nil {
		t.Errorf("no lexicons: %v, %v", p, err)
	}
	for _, name := range []string{"nope", filepath.Join(dir, "nope.pls")} {
		if _, err := ps.Pronouncer([]string{name}); err == nil || !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "nope") {
			t.Errorf("missing lexicon %s: %v", name, err)
		}
	}
	os.WriteFile(filepath.Join(dir, "lexicons", "bad.pls"), []byte("<lexicon"), 0o644)
	if _, err := ps.Pronouncer([]string{"bad"}); err == nil {
		t.Error("a broken lexicon was accepted")
	}
}
