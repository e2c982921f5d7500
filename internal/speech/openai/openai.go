// Package openai speaks through OpenAI's text-to-speech endpoint
// (POST /v1/audio/speech), or any server that offers the same API.
package openai

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the openai backend's part of a voice preset.
type Config struct {
	// BaseURL is the API's root; default $OPENAI_BASE_URL, else
	// https://api.openai.com/v1.
	BaseURL string `yaml:"base_url"`
	// APIKeyEnv names the environment variable that holds the key; the key
	// itself never goes in a preset.
	APIKeyEnv    string  `yaml:"api_key_env"`
	Model        string  `yaml:"model"`        // tts-1, tts-1-hd or gpt-4o-mini-tts
	Voice        string  `yaml:"voice"`        // alloy, ash, ballad, coral, echo, fable, nova, onyx, sage, shimmer, verse
	Instructions string  `yaml:"instructions"` // how to speak (gpt-4o-mini-tts only)
	Speed        float64 `yaml:"speed"`        // 0.25–4.0, 1 is normal
	// Concurrency and RequestsPerSecond bound what the runner sends; the
	// defaults suit OpenAI's lower usage tiers.
	Concurrency       int     `yaml:"concurrency"`
	RequestsPerSecond float64 `yaml:"requests_per_second"`
	// Client makes the requests; set by tests, not the preset.
	Client *http.Client `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{APIKeyEnv: "OPENAI_API_KEY", Model: "gpt-4o-mini-tts", Voice: "alloy", Speed: 1,
		Concurrency: 4, RequestsPerSecond: 0.8}
}

// maxInput is the most characters the endpoint takes in "input".
const maxInput = 4096

var models = []string{"tts-1", "tts-1-hd", "gpt-4o-mini-tts"}

func (c Config) validate() error {
	switch {
	case c.Model == "":
		return errors.New("openai: no model")
	case c.Voice == "":
		return errors.New("openai: no voice")
	case c.Speed < 0.25 || c.Speed > 4:
		return fmt.Errorf("openai: speed %v out of range 0.25–4.0", c.Speed)
	case c.Instructions != "" && (c.Model == "tts-1" || c.Model == "tts-1-hd"):
		return fmt.Errorf("openai: model %s does not take instructions (use gpt-4o-mini-tts)", c.Model)
	case c.APIKeyEnv == "":
		return errors.New("openai: api_key_env names no variable")
	case c.Concurrency < 0 || c.RequestsPerSecond < 0:
		return errors.New("openai: concurrency and requests_per_second must not be negative")
	}
	if !slices.Contains(models, c.Model) && !strings.Contains(c.Model, "tts") {
		return fmt.Errorf("openai: model %q is not a speech model (known: %s)", c.Model, strings.Join(models, ", "))
	}
	return nil
}

type openai struct {
	cfg  Config
	url  string
	call speech.Call
	key  string
}

var _ speech.Synthesizer = (*openai)(nil)

// New checks the configuration. A missing key is reported when the first
// chunk is spoken, so that --dry-run and voices list work without one.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	base := cfg.BaseURL
	if base == "" {
		base = os.Getenv("OPENAI_BASE_URL")
	}
	if base == "" {
		base = "https://api.openai.com/v1"
	}
	if err := speech.CheckURL("openai", "base_url", base); err != nil {
		return nil, err
	}
	key := os.Getenv(cfg.APIKeyEnv)
	return &openai{cfg: cfg, url: strings.TrimSuffix(base, "/") + "/audio/speech", key: key,
		call: speech.Call{Backend: "openai", Client: cfg.Client, Secrets: []string{key}, ReadError: readError}}, nil
}

func (o *openai) Name() string { return "openai" }

func (o *openai) Limits() speech.Limits {
	return speech.Limits{MaxChars: maxInput, Formats: []speech.Format{speech.MP3}, Billing: speech.PerChar,
		Concurrency: o.cfg.Concurrency, RatePerSecond: o.cfg.RequestsPerSecond}
}

type request struct {
	Model          string  `json:"model"`
	Input          string  `json:"input"`
	Voice          string  `json:"voice"`
	Instructions   string  `json:"instructions,omitempty"`
	ResponseFormat string  `json:"response_format"`
	Speed          float64 `json:"speed,omitempty"`
}

// Synthesize posts the chunk and returns the MP3 the service answers.
func (o *openai) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("openai: empty text"))
	}
	if n := utf8.RuneCountInString(r.Text); n > maxInput {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("openai: %d characters, more than the %d the endpoint takes", n, maxInput))
	}
	if err := ctx.Err(); err != nil {
		return speech.Audio{}, err
	}
	if o.key == "" {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("openai: %s is not set: export your API key in it", o.cfg.APIKeyEnv))
	}
	body, _ := json.Marshal(request{Model: o.cfg.Model, Input: r.Text, Voice: o.cfg.Voice, Instructions: o.cfg.Instructions,
		ResponseFormat: "mp3", Speed: o.cfg.Speed})
	req, err := http.NewRequest(http.MethodPost, o.url, bytes.NewReader(body))
	if err != nil {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("openai: %w", err))
	}
	req.Header.Set("Authorization", "Bearer "+o.key)
	req.Header.Set("Content-Type", "application/json")
	data, h, err := o.call.Do(ctx, req)
	if err != nil {
		return speech.Audio{}, err
	}
	if err := speech.CheckAudio("openai", h, data, "audio/mpeg", "audio/mp3"); err != nil {
		return speech.Audio{}, err
	}
	return speech.Audio{Format: speech.MP3, Data: data}, nil
}

// readError reads OpenAI's {"error": {"message", "type", "code"}}.
func readError(body []byte) (string, string) {
	var e struct {
		Error struct {
			Message string `json:"message"`
			Type    string `json:"type"`
			Code    any    `json:"code"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil {
		return "", ""
	}
	code := e.Error.Type
	if c, ok := e.Error.Code.(string); ok && c != "" {
		code = c
	}
	return code, e.Error.Message
}

// NewFactory returns the registry entry for openai.
func NewFactory() speech.Factory { return speech.NewFactory("openai", NewConfig, New) }
