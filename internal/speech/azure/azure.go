// Package azure speaks through the Azure AI Speech text-to-speech REST API:
// SSML in, MP3 out.
package azure

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the azure backend's part of a voice preset.
type Config struct {
	// Region is the Speech resource's region, e.g. westeurope; default
	// $AZURE_SPEECH_REGION.
	Region string `yaml:"region"`
	// BaseURL overrides https://REGION.tts.speech.microsoft.com (a custom
	// domain, a container, a test server).
	BaseURL string `yaml:"base_url"`
	KeyEnv  string `yaml:"key_env"` // the variable holding the key; default AZURE_SPEECH_KEY
	Voice   string `yaml:"voice"`   // e.g. en-US-AriaNeural
	Style   string `yaml:"style"`   // mstts:express-as style, e.g. newscast-formal; empty for none
	Rate    string `yaml:"rate"`    // prosody rate, e.g. "+5%" or "0.95"; empty for the voice's own
	// Output is the X-Microsoft-OutputFormat, an MP3 one.
	Output            string       `yaml:"output_format"`
	Concurrency       int          `yaml:"concurrency"`
	RequestsPerSecond float64      `yaml:"requests_per_second"`
	Client            *http.Client `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{KeyEnv: "AZURE_SPEECH_KEY", Voice: "en-US-AriaNeural", Output: "audio-24khz-48kbitrate-mono-mp3", Concurrency: 8}
}

// maxChars keeps a request's audio well inside the REST API's 10 minutes.
const maxChars = 5000

var (
	voiceName  = regexp.MustCompile(`^[a-z]{2,3}-[A-Z]{2}(-[A-Za-z0-9]+)+$`)
	rate       = regexp.MustCompile(`^([+-]?\d{1,3}(\.\d+)?%|\d(\.\d+)?|x-slow|slow|medium|fast|x-fast|default)$`)
	regionName = regexp.MustCompile(`^[a-z0-9]+$`)
	speakTag   = regexp.MustCompile(`(?s)^\s*(<\?xml[^>]*\?>\s*)?<speak\b[^>]*>(.*)</speak>\s*$`)
)

func (c Config) validate() error {
	switch {
	case !voiceName.MatchString(c.Voice):
		return fmt.Errorf("azure: voice %q is not a voice name like en-US-AriaNeural", c.Voice)
	case c.Style != "" && strings.ContainsAny(c.Style, `"<>& `):
		return fmt.Errorf("azure: style %q is not a style name", c.Style)
	case c.Rate != "" && !rate.MatchString(c.Rate):
		return fmt.Errorf("azure: rate %q is not a prosody rate like +5%% or 0.95", c.Rate)
	case !strings.HasSuffix(c.Output, "-mp3"):
		return fmt.Errorf("azure: output_format %q is not an MP3 format (e.g. audio-24khz-48kbitrate-mono-mp3)", c.Output)
	case c.KeyEnv == "":
		return errors.New("azure: key_env names no variable")
	}
	return nil
}

type azure struct {
	cfg     Config
	base    string
	baseErr error
	key     string
	call    speech.Call
}

var (
	_ speech.Synthesizer = (*azure)(nil)
	_ speech.VoiceLister = (*azure)(nil)
)

// New checks the configuration; a missing key is reported at the first request.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	region := cfg.Region
	if region == "" {
		region = os.Getenv("AZURE_SPEECH_REGION")
	}
	base, baseErr := cfg.BaseURL, error(nil)
	switch {
	case base != "":
		if err := speech.CheckURL("azure", "base_url", base); err != nil {
			return nil, err
		}
	case region == "":
		// Reported at the first request, so that --dry-run works without it.
		baseErr = errors.New("azure: no region: set region in the voice preset or AZURE_SPEECH_REGION")
	case !regionName.MatchString(region):
		return nil, fmt.Errorf("azure: region %q is not a region name like westeurope", region)
	default:
		base = "https://" + region + ".tts.speech.microsoft.com"
	}
	key := os.Getenv(cfg.KeyEnv)
	return &azure{cfg: cfg, base: strings.TrimSuffix(base, "/"), baseErr: baseErr, key: key,
		call: speech.Call{Backend: "azure", Client: cfg.Client, Secrets: []string{key}, ReadError: readError}}, nil
}

func (a *azure) Name() string { return "azure" }

func (a *azure) Limits() speech.Limits {
	return speech.Limits{MaxChars: maxChars, SSML: true, Phonemes: true, Formats: []speech.Format{speech.MP3}, Billing: speech.PerTextChar,
		Concurrency: a.cfg.Concurrency, RatePerSecond: a.cfg.RequestsPerSecond}
}

// SSML wraps text (escaped) or the body of an SSML document in the speak,
// voice, style and prosody elements the service reads.
func (a *azure) SSML(r speech.Request) (string, error) {
	var inner string
	if r.SSML {
		m := speakTag.FindStringSubmatch(r.Text)
		if m == nil {
			return "", speech.Permanent(errors.New("azure: the SSML is not one <speak> element"))
		}
		inner = m[2]
	} else {
		var b strings.Builder
		xml.EscapeText(&b, []byte(r.Text))
		inner = b.String()
	}
	if a.cfg.Rate != "" {
		inner = `<prosody rate="` + a.cfg.Rate + `">` + inner + `</prosody>`
	}
	if a.cfg.Style != "" {
		inner = `<mstts:express-as style="` + a.cfg.Style + `">` + inner + `</mstts:express-as>`
	}
	parts := strings.SplitN(a.cfg.Voice, "-", 3)
	lang := parts[0] + "-" + parts[1]
	doc := `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="` +
		lang + `"><voice name="` + a.cfg.Voice + `">` + inner + `</voice></speak>`
	if err := speech.WellFormed(doc); err != nil {
		return "", speech.Permanent(fmt.Errorf("azure: the SSML is not well-formed: %w", err))
	}
	return doc, nil
}

func (a *azure) newRequest(method, path, body string) (*http.Request, error) {
	req, err := http.NewRequest(method, a.base+path, strings.NewReader(body))
	if err != nil {
		return nil, speech.Permanent(fmt.Errorf("azure: %w", err))
	}
	req.Header.Set("Ocp-Apim-Subscription-Key", a.key)
	req.Header.Set("User-Agent", "aloud")
	return req, nil
}

func (a *azure) ready(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if a.baseErr != nil {
		return speech.Permanent(a.baseErr)
	}
	if a.key == "" {
		return speech.Permanent(fmt.Errorf("azure: %s is not set: export your Speech resource's key in it", a.cfg.KeyEnv))
	}
	return nil
}

// Synthesize posts the chunk as SSML and returns the MP3.
func (a *azure) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("azure: empty text"))
	}
	if n := utf8.RuneCountInString(r.Text); n > maxChars*2 {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("azure: %d characters, more than a request should hold", n))
	}
	doc, err := a.SSML(r)
	if err != nil {
		return speech.Audio{}, err
	}
	if err := a.ready(ctx); err != nil {
		return speech.Audio{}, err
	}
	req, err := a.newRequest(http.MethodPost, "/cognitiveservices/v1", doc)
	if err != nil {
		return speech.Audio{}, err
	}
	req.Header.Set("Content-Type", "application/ssml+xml")
	req.Header.Set("X-Microsoft-OutputFormat", a.cfg.Output)
	data, h, err := a.call.Do(ctx, req)
	if err != nil {
		return speech.Audio{}, err
	}
	if err := speech.CheckAudio("azure", h, data, "audio/mpeg"); err != nil {
		return speech.Audio{}, err
	}
	return speech.Audio{Format: speech.MP3, Data: data}, nil
}

// Voices lists the region's voices (GET /cognitiveservices/voices/list).
func (a *azure) Voices(ctx context.Context, language string) ([]speech.Voice, error) {
	if err := a.ready(ctx); err != nil {
		return nil, err
	}
	req, err := a.newRequest(http.MethodGet, "/cognitiveservices/voices/list", "")
	if err != nil {
		return nil, err
	}
	data, _, err := a.call.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	var ans []struct {
		ShortName string   `json:"ShortName"`
		Display   string   `json:"DisplayName"`
		Gender    string   `json:"Gender"`
		Locale    string   `json:"Locale"`
		Styles    []string `json:"StyleList"`
	}
	if err := json.Unmarshal(data, &ans); err != nil {
		return nil, fmt.Errorf("azure: reading the voice list: %w", err)
	}
	var out []speech.Voice
	for _, v := range ans {
		if language != "" && !strings.EqualFold(v.Locale, language) && !strings.HasPrefix(strings.ToLower(v.Locale), strings.ToLower(language)+"-") {
			continue
		}
		d := ""
		if len(v.Styles) > 0 {
			d = "styles: " + strings.Join(v.Styles, ", ")
		}
		out = append(out, speech.Voice{ID: v.ShortName, Name: v.Display, Language: v.Locale, Gender: strings.ToLower(v.Gender), Detail: d})
	}
	return out, nil
}

// readError reads the {"error": {"code", "message"}} some answers carry;
// many (400 for bad SSML) have an empty body.
func readError(body []byte) (string, string) {
	var e struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil {
		return "", ""
	}
	return e.Error.Code, e.Error.Message
}

// NewFactory returns the registry entry for azure.
func NewFactory() speech.Factory { return speech.NewFactory("azure", NewConfig, New) }
