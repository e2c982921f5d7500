// Package elevenlabs speaks through the ElevenLabs text-to-speech API.
package elevenlabs

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the elevenlabs backend's part of a voice preset.
type Config struct {
	BaseURL   string `yaml:"base_url"`    // default https://api.elevenlabs.io
	APIKeyEnv string `yaml:"api_key_env"` // the variable holding the key; default ELEVENLABS_API_KEY
	VoiceID   string `yaml:"voice_id"`
	Model     string `yaml:"model"`         // eleven_multilingual_v2, eleven_flash_v2_5, …
	Output    string `yaml:"output_format"` // mp3_44100_128, mp3_22050_32, …
	Settings  struct {
		Stability       *float64 `yaml:"stability" json:"stability,omitempty"`
		SimilarityBoost *float64 `yaml:"similarity_boost" json:"similarity_boost,omitempty"`
		Style           *float64 `yaml:"style" json:"style,omitempty"`
		UseSpeakerBoost *bool    `yaml:"use_speaker_boost" json:"use_speaker_boost,omitempty"`
		Speed           *float64 `yaml:"speed" json:"speed,omitempty"`
	} `yaml:"voice_settings"`
	// Context sends the neighbouring chunks' text as previous_text and
	// next_text, so prosody flows across requests. Default on.
	Context bool `yaml:"context"`
	// Timestamps asks the with-timestamps endpoint for character timings
	// and turns them into word marks.
	Timestamps        bool         `yaml:"timestamps"`
	Concurrency       int          `yaml:"concurrency"`
	RequestsPerSecond float64      `yaml:"requests_per_second"`
	Client            *http.Client `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{BaseURL: "https://api.elevenlabs.io", APIKeyEnv: "ELEVENLABS_API_KEY", Model: "eleven_multilingual_v2",
		Output: "mp3_44100_128", Context: true, Concurrency: 3}
}

// maxChars is each model's documented limit per request.
var maxChars = map[string]int{
	"eleven_multilingual_v2": 10000, "eleven_multilingual_v1": 10000, "eleven_monolingual_v1": 10000,
	"eleven_flash_v2_5": 40000, "eleven_turbo_v2_5": 40000, "eleven_flash_v2": 30000, "eleven_turbo_v2": 30000,
	"eleven_v3": 5000,
}

func (c Config) validate() error {
	unit := func(name string, v *float64, hi float64) error {
		if v != nil && (*v < 0 || *v > hi) {
			return fmt.Errorf("elevenlabs: voice_settings.%s %v out of range 0–%v", name, *v, hi)
		}
		return nil
	}
	switch {
	case c.VoiceID == "" || strings.ContainsAny(c.VoiceID, "/?#% "):
		return fmt.Errorf("elevenlabs: voice_id %q is not a voice id (see aloud voices list --backend elevenlabs)", c.VoiceID)
	case maxChars[c.Model] == 0:
		return fmt.Errorf("elevenlabs: unknown model %q", c.Model)
	case !strings.HasPrefix(c.Output, "mp3_"):
		return fmt.Errorf("elevenlabs: output_format %q is not MP3 (mp3_44100_128, mp3_22050_32, …)", c.Output)
	case c.APIKeyEnv == "":
		return errors.New("elevenlabs: api_key_env names no variable")
	}
	if c.Settings.Speed != nil && (*c.Settings.Speed < 0.7 || *c.Settings.Speed > 1.2) {
		return fmt.Errorf("elevenlabs: voice_settings.speed %v out of range 0.7–1.2", *c.Settings.Speed)
	}
	return errors.Join(unit("stability", c.Settings.Stability, 1), unit("similarity_boost", c.Settings.SimilarityBoost, 1),
		unit("style", c.Settings.Style, 1))
}

type elevenlabs struct {
	cfg  Config
	base string
	key  string
	call speech.Call
}

var (
	_ speech.Synthesizer = (*elevenlabs)(nil)
	_ speech.VoiceLister = (*elevenlabs)(nil)
)

// New checks the configuration; a missing key is reported at the first request.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if err := speech.CheckURL("elevenlabs", "base_url", cfg.BaseURL); err != nil {
		return nil, err
	}
	key := os.Getenv(cfg.APIKeyEnv)
	return &elevenlabs{cfg: cfg, base: strings.TrimSuffix(cfg.BaseURL, "/"), key: key,
		call: speech.Call{Backend: "elevenlabs", Client: cfg.Client, Secrets: []string{key}, ReadError: readError}}, nil
}

func (e *elevenlabs) Name() string { return "elevenlabs" }

func (e *elevenlabs) Limits() speech.Limits {
	return speech.Limits{MaxChars: maxChars[e.cfg.Model], Marks: e.cfg.Timestamps, Formats: []speech.Format{speech.MP3},
		Billing: speech.PerChar, Concurrency: e.cfg.Concurrency, RatePerSecond: e.cfg.RequestsPerSecond}
}

type request struct {
	Text          string `json:"text"`
	ModelID       string `json:"model_id"`
	VoiceSettings any    `json:"voice_settings,omitempty"`
	PreviousText  string `json:"previous_text,omitempty"`
	NextText      string `json:"next_text,omitempty"`
	LanguageCode  string `json:"language_code,omitempty"`
}

func (e *elevenlabs) newRequest(method, path string, query url.Values, body []byte) (*http.Request, error) {
	u := e.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequest(method, u, bytes.NewReader(body))
	if err != nil {
		return nil, speech.Permanent(fmt.Errorf("elevenlabs: %w", err))
	}
	req.Header.Set("xi-api-key", e.key)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

func (e *elevenlabs) ready(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if e.key == "" {
		return speech.Permanent(fmt.Errorf("elevenlabs: %s is not set: export your API key in it", e.cfg.APIKeyEnv))
	}
	return nil
}

// Synthesize posts the chunk (with its neighbours for context) and returns
// the MP3, and word marks when Timestamps is on.
func (e *elevenlabs) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("elevenlabs: empty text"))
	}
	if n, max := utf8.RuneCountInString(r.Text), maxChars[e.cfg.Model]; n > max {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("elevenlabs: %d characters, more than the %d %s takes", n, max, e.cfg.Model))
	}
	if err := e.ready(ctx); err != nil {
		return speech.Audio{}, err
	}
	body := request{Text: r.Text, ModelID: e.cfg.Model}
	if s := e.cfg.Settings; s.Stability != nil || s.SimilarityBoost != nil || s.Style != nil || s.UseSpeakerBoost != nil || s.Speed != nil {
		body.VoiceSettings = s
	}
	if e.cfg.Context {
		body.PreviousText, body.NextText = r.Previous, r.Next
	}
	if e.cfg.Model == "eleven_flash_v2_5" || e.cfg.Model == "eleven_turbo_v2_5" {
		// Only these models take a language to enforce.
		if lang, _, _ := strings.Cut(r.Language, "-"); len(lang) == 2 {
			body.LanguageCode = strings.ToLower(lang)
		}
	}
	b, _ := json.Marshal(body)
	path := "/v1/text-to-speech/" + url.PathEscape(e.cfg.VoiceID)
	if e.cfg.Timestamps {
		path += "/with-timestamps"
	}
	req, err := e.newRequest(http.MethodPost, path, url.Values{"output_format": {e.cfg.Output}}, b)
	if err != nil {
		return speech.Audio{}, err
	}
	data, h, err := e.call.Do(ctx, req)
	if err != nil {
		return speech.Audio{}, err
	}
	if !e.cfg.Timestamps {
		if err := speech.CheckAudio("elevenlabs", h, data, "audio/mpeg"); err != nil {
			return speech.Audio{}, err
		}
		return speech.Audio{Format: speech.MP3, Data: data}, nil
	}
	return readTimestamps(data)
}

// readTimestamps reads the with-timestamps answer: base64 audio and
// per-character start times, grouped into words.
func readTimestamps(data []byte) (speech.Audio, error) {
	var ans struct {
		Audio     string `json:"audio_base64"`
		Alignment *struct {
			Chars  []string  `json:"characters"`
			Starts []float64 `json:"character_start_times_seconds"`
		} `json:"alignment"`
	}
	if err := json.Unmarshal(data, &ans); err != nil {
		return speech.Audio{}, fmt.Errorf("elevenlabs: %w: with-timestamps answer: %v", speech.ErrBadAudio, err)
	}
	audio, err := base64.StdEncoding.DecodeString(ans.Audio)
	if err != nil || len(audio) == 0 {
		return speech.Audio{}, fmt.Errorf("elevenlabs: %w: audio_base64 holds no audio", speech.ErrBadAudio)
	}
	a := speech.Audio{Format: speech.MP3, Data: audio}
	if al := ans.Alignment; al != nil && len(al.Chars) == len(al.Starts) {
		var word strings.Builder
		var start float64
		flush := func() {
			if word.Len() > 0 {
				a.Marks = append(a.Marks, speech.Mark{Kind: "word", Offset: time.Duration(start * float64(time.Second)), Text: word.String()})
				word.Reset()
			}
		}
		for i, c := range al.Chars {
			if r, _ := utf8.DecodeRuneInString(c); unicode.IsSpace(r) {
				flush()
				continue
			}
			if word.Len() == 0 {
				start = al.Starts[i]
			}
			word.WriteString(c)
		}
		flush()
	}
	return a, nil
}

// Voices lists the account's voices (GET /v1/voices).
func (e *elevenlabs) Voices(ctx context.Context, language string) ([]speech.Voice, error) {
	if err := e.ready(ctx); err != nil {
		return nil, err
	}
	req, err := e.newRequest(http.MethodGet, "/v1/voices", nil, nil)
	if err != nil {
		return nil, err
	}
	data, _, err := e.call.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	var ans struct {
		Voices []struct {
			ID       string            `json:"voice_id"`
			Name     string            `json:"name"`
			Category string            `json:"category"`
			Labels   map[string]string `json:"labels"`
		} `json:"voices"`
	}
	if err := json.Unmarshal(data, &ans); err != nil {
		return nil, fmt.Errorf("elevenlabs: reading the voice list: %w", err)
	}
	var out []speech.Voice
	for _, v := range ans.Voices {
		lang := v.Labels["language"]
		if language != "" && lang != "" && !strings.HasPrefix(strings.ToLower(language), strings.ToLower(lang)) {
			continue
		}
		out = append(out, speech.Voice{ID: v.ID, Name: v.Name, Language: lang, Gender: v.Labels["gender"],
			Detail: strings.TrimSpace(v.Category + " " + v.Labels["accent"] + " " + v.Labels["description"])})
	}
	return out, nil
}

// readError reads ElevenLabs' {"detail": {"status", "message"}} or, for
// validation failures, {"detail": [{"loc", "msg"}]}.
func readError(body []byte) (string, string) {
	var e struct {
		Detail json.RawMessage `json:"detail"`
	}
	if json.Unmarshal(body, &e) != nil || len(e.Detail) == 0 {
		return "", ""
	}
	var one struct {
		Status  string `json:"status"`
		Message string `json:"message"`
	}
	if json.Unmarshal(e.Detail, &one) == nil {
		return one.Status, one.Message
	}
	var many []struct {
		Loc []any  `json:"loc"`
		Msg string `json:"msg"`
	}
	if json.Unmarshal(e.Detail, &many) == nil && len(many) > 0 {
		var msgs []string
		for _, m := range many {
			msgs = append(msgs, fmt.Sprintf("%v: %s", m.Loc, m.Msg))
		}
		return "validation_error", strings.Join(msgs, "; ")
	}
	return "", string(e.Detail)
}

// NewFactory returns the registry entry for elevenlabs.
func NewFactory() speech.Factory { return speech.NewFactory("elevenlabs", NewConfig, New) }
