package speech

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	pathpkg "path"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/textnorm"
)

// Preset is a named voice: a backend and its options, read from YAML.
type Preset struct {
	Name        string    `yaml:"name"`
	Description string    `yaml:"description"`
	Backend     string    `yaml:"backend"`
	Language    string    `yaml:"language"`
	Options     yaml.Node `yaml:"options"`
	// PricePerMillionChars is what the service bills, in US dollars, per
	// million characters synthesized (0 for local engines); the run's
	// summary multiplies the characters it sent by it.
	PricePerMillionChars float64 `yaml:"price_per_million_chars"`
	// Handles lists the normalization classes the backend reads right by
	// itself (cardinal, date, money, …, or all); aloud says the others in
	// words before sending the text.
	Handles []string `yaml:"handles"`
	// Lexicons names pronunciation lexicons (PLS files in lexicons/ beside
	// the presets, or paths) applied to this voice's text.
	Lexicons []string `yaml:"lexicons"`
	Source   string   `yaml:"-"` // where it was read from
}

// decodeOptions fills v, a backend's Config, from the preset's options;
// unknown keys are an error naming the line.
func (p Preset) decodeOptions(v any) error {
	if p.Options.Kind == 0 {
		return nil
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	if err := enc.Encode(&p.Options); err != nil {
		return fmt.Errorf("options: %w", err)
	}
	dec := yaml.NewDecoder(&buf)
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: options (from line %d): %w", p.Source, p.Options.Line, err)
	}
	return nil
}

// CanonicalOptions is the preset's options as JSON with sorted keys: the
// same for the same settings whatever the YAML's layout or comments.
func (p Preset) CanonicalOptions() (string, error) {
	if p.Options.Kind == 0 {
		return "{}", nil
	}
	var v any
	if err := p.Options.Decode(&v); err != nil {
		return "", fmt.Errorf("%s: options: %w", p.Source, err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("%s: options: %w", p.Source, err)
	}
	return string(b), nil
}

// ParsePreset reads a preset from YAML; source names it in errors.
func ParsePreset(data []byte, source string) (Preset, error) {
	var p Preset
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil {
		return Preset{}, fmt.Errorf("voice preset %s: %w", source, err)
	}
	p.Source = source
	if p.Name == "" {
		p.Name = strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
	}
	if p.Backend == "" {
		return Preset{}, fmt.Errorf("voice preset %s: no backend named", source)
	}
	if _, err := textnorm.ParseClasses(p.Handles); err != nil {
		return Preset{}, fmt.Errorf("voice preset %s: handles: %w", source, err)
	}
	if p.PricePerMillionChars < 0 || p.PricePerMillionChars > 10_000 {
		return Preset{}, fmt.Errorf("voice preset %s: price_per_million_chars %v out of range 0–10000", source, p.PricePerMillionChars)
	}
	return p, nil
}

// Presets finds voice presets by name: first in the user's folders, then in
// the presets built into the program.
type Presets struct {
	Dirs     []string // the user's folders of presets, searched in order
	Embedded fs.FS    // the built-in presets, *.yaml at its root
}

// ErrUnknownVoice means no preset has the name.
var ErrUnknownVoice = errors.New("unknown voice preset")

// Load finds the preset nameOrPath: a path to a YAML file, or a name looked
// up as NAME.yaml in Dirs and then in Embedded.
func (ps Presets) Load(nameOrPath string) (Preset, error) {
	data, source, err := ps.find(nameOrPath, "", ".yaml", ".yml")
	if errors.Is(err, fs.ErrNotExist) && !isPath(nameOrPath, ".yaml", ".yml") {
		return Preset{}, fmt.Errorf("voice %q: %w (known: %s)", nameOrPath, ErrUnknownVoice, strings.Join(ps.Names(), ", "))
	}
	if err != nil {
		return Preset{}, fmt.Errorf("voice preset %s: %w", source, err)
	}
	return ParsePreset(data, source)
}

// Pronouncer loads the named pronunciation lexicons: each a path to a PLS
// file, or a name looked up as lexicons/NAME.pls in Dirs and then in
// Embedded, the way presets are. No names: nil.
func (ps Presets) Pronouncer(names []string) (*script.Pronouncer, error) {
	var lexicons []script.Lexicon
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		data, _, err := ps.find(n, "lexicons", ".pls")
		if err != nil {
			return nil, fmt.Errorf("lexicon %q: %w", n, err)
		}
		lx, err := script.ParseLexicon(data, n)
		if err != nil {
			return nil, err
		}
		lexicons = append(lexicons, lx)
	}
	if len(lexicons) == 0 {
		return nil, nil
	}
	return script.NewPronouncer(lexicons...), nil
}

// isPath says whether a name given for a preset or lexicon is a file's
// path rather than a name to look up.
func isPath(name string, exts ...string) bool {
	if strings.ContainsAny(name, `/\`) {
		return true
	}
	for _, e := range exts {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}

// find reads a file by path, or as sub/NAME+exts[0] in Dirs and then in
// Embedded; it returns the data and where it was found (or looked for).
// Nothing found: an error that is fs.ErrNotExist.
func (ps Presets) find(name, sub string, exts ...string) ([]byte, string, error) {
	if isPath(name, exts...) {
		data, err := os.ReadFile(name)
		return data, name, err
	}
	file := name + exts[0]
	for _, d := range ps.Dirs {
		path := filepath.Join(d, sub, file)
		data, err := os.ReadFile(path)
		if !errors.Is(err, fs.ErrNotExist) {
			return data, path, err
		}
	}
	if ps.Embedded != nil {
		data, err := fs.ReadFile(ps.Embedded, pathpkg.Join(sub, file))
		if err == nil {
			return data, "built-in " + pathpkg.Join(sub, file), nil
		}
	}
	return nil, file, fs.ErrNotExist
}

// Names lists every preset name that Load can find.
func (ps Presets) Names() []string {
	var names []string
	add := func(file string) {
		if ext := filepath.Ext(file); ext == ".yaml" {
			n := strings.TrimSuffix(filepath.Base(file), ext)
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	for _, d := range ps.Dirs {
		files, _ := filepath.Glob(filepath.Join(d, "*.yaml"))
		for _, f := range files {
			add(f)
		}
	}
	if ps.Embedded != nil {
		files, _ := fs.Glob(ps.Embedded, "*.yaml")
		for _, f := range files {
			add(f)
		}
	}
	slices.Sort(names)
	return names
}

// VoiceRules say which preset narrates an article in a language.
type VoiceRules struct {
	Forced   string            // --voice: this preset for every article
	ByLang   map[string]string // voices: in aloud.yaml, by language tag
	Default  string            // voice: in aloud.yaml, for its own language and for articles of no known language
	Fallback string            // voice_fallback: for languages with no voice
}

// NoVoiceError means no voice is set up for an article's language.
type NoVoiceError struct {
	Language string
}

func (e *NoVoiceError) Error() string {
	return fmt.Sprintf("no voice for language %q: add one under voices: in aloud.yaml (e.g. voices: {%s: PRESET}; "+
		"'aloud voices list --lang %s' shows the presets), or set voice_fallback to a voice that speaks it, "+
		"or pass --voice to narrate it with a voice of your choice", e.Language, e.Language, e.Language)
}

// Choose names the preset for an article in lang (a BCP 47 tag): the
// forced one; else the one voices: names for the tag or its language;
// else the default voice when it speaks the language (or the language is
// not known); else the built-in voice of the language (its espeak-ng
// preset, "de-espeak"); else the fallback; else a *NoVoiceError. It never
// picks a voice of another language unless told to.
func (ps Presets) Choose(r VoiceRules, lang string) (string, error) {
	if r.Forced != "" {
		return r.Forced, nil
	}
	primary := primaryTag(lang)
	if primary == "" {
		return r.Default, nil
	}
	tags := slices.Sorted(maps.Keys(r.ByLang))
	for _, tag := range tags {
		if strings.EqualFold(tag, lang) {
			return r.ByLang[tag], nil
		}
	}
	for _, tag := range tags {
		if primaryTag(tag) == primary {
			return r.ByLang[tag], nil // "pt" for an article in pt-BR
		}
	}
	if p, err := ps.Load(r.Default); err == nil && primaryTag(p.Language) == primary {
		return r.Default, nil
	}
	if name := ps.Builtin(primary); name != "" {
		return name, nil
	}
	if r.Fallback != "" {
		return r.Fallback, nil
	}
	return "", &NoVoiceError{Language: primary}
}

// Builtin is the built-in preset that speaks a language by default, its
// espeak-ng voice ("uk-espeak"), or "" when none ships.
func (ps Presets) Builtin(lang string) string {
	if ps.Embedded == nil {
		return ""
	}
	name := primaryTag(lang) + "-espeak"
	if _, err := fs.Stat(ps.Embedded, name+".yaml"); err != nil {
		return ""
	}
	return name
}

// All loads every preset Load can find; a file that does not parse is
// reported with the others.
func (ps Presets) All() ([]Preset, error) {
	var out []Preset
	var errs []error
	for _, n := range ps.Names() {
		p, err := ps.Load(n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, p)
	}
	return out, errors.Join(errs...)
}

// SpeaksLanguage reports whether the preset's language is lang's (by
// primary subtag: "de-AT" speaks "de").
func (p Preset) SpeaksLanguage(lang string) bool {
	return primaryTag(p.Language) != "" && primaryTag(p.Language) == primaryTag(lang)
}

// primaryTag is a language tag's primary subtag, lower case.
func primaryTag(tag string) string {
	p, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(tag)), "-")
	p, _, _ = strings.Cut(p, "_")
	return p
}
