// Package google speaks through Google Cloud Text-to-Speech
// (POST /v1/text:synthesize), with an API key or a service account.
package google

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

	"github.com/aloud-dev/aloud/internal/speech"
)

// Config is the google backend's part of a voice preset.
type Config struct {
	BaseURL string `yaml:"base_url"` // default https://texttospeech.googleapis.com
	// APIKeyEnv names the variable holding an API key (default
	// GOOGLE_API_KEY). Without a key, CredentialsFile (default
	// $GOOGLE_APPLICATION_CREDENTIALS) names a service account's JSON key.
	APIKeyEnv       string  `yaml:"api_key_env"`
	CredentialsFile string  `yaml:"credentials_file"`
	Voice           string  `yaml:"voice"`         // e.g. en-US-Neural2-F
	Language        string  `yaml:"language"`      // e.g. en-US; default the voice's prefix
	SpeakingRate    float64 `yaml:"speaking_rate"` // 0.25–4.0, 1 is normal
	Pitch           float64 `yaml:"pitch"`         // semitones, −20–20
	SampleRateHz    int     `yaml:"sample_rate_hz"`
	// Concurrency and RequestsPerSecond default to the documented quota of
	// 1,000 requests a minute.
	Concurrency       int          `yaml:"concurrency"`
	RequestsPerSecond float64      `yaml:"requests_per_second"`
	Client            *http.Client `yaml:"-"`
}

// NewConfig returns the defaults.
func NewConfig() Config {
	return Config{BaseURL: "https://texttospeech.googleapis.com", APIKeyEnv: "GOOGLE_API_KEY", Voice: "en-US-Neural2-F",
		SpeakingRate: 1, Concurrency: 8, RequestsPerSecond: 16}
}

// maxBytes is the documented limit of input per request, SSML included.
const maxBytes = 5000

func (c Config) validate() error {
	switch {
	case c.Voice == "" || strings.Count(c.Voice, "-") < 2:
		return fmt.Errorf("google: voice %q is not a voice name like en-US-Neural2-F", c.Voice)
	case c.SpeakingRate < 0.25 || c.SpeakingRate > 4:
		return fmt.Errorf("google: speaking_rate %v out of range 0.25–4.0", c.SpeakingRate)
	case c.Pitch < -20 || c.Pitch > 20:
		return fmt.Errorf("google: pitch %v out of range −20–20", c.Pitch)
	case c.SampleRateHz != 0 && (c.SampleRateHz < 8000 || c.SampleRateHz > 48000):
		return fmt.Errorf("google: sample_rate_hz %d out of range 8000–48000", c.SampleRateHz)
	}
	return speech.CheckURL("google", "base_url", c.BaseURL)
}

type google struct {
	cfg     Config
	base    string
	lang    string
	key     string
	tokens  *tokenSource // nil with an API key
	call    speech.Call
	credErr error
}

var (
	_ speech.Synthesizer = (*google)(nil)
	_ speech.VoiceLister = (*google)(nil)
)

// New checks the configuration and reads the service account's key file
// when there is no API key. Missing credentials are reported at the first
// request, so that --dry-run works without them.
func New(cfg Config) (speech.Synthesizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	g := &google{cfg: cfg, base: strings.TrimSuffix(cfg.BaseURL, "/"), lang: cfg.Language}
	if g.lang == "" {
		parts := strings.SplitN(cfg.Voice, "-", 3)
		g.lang = parts[0] + "-" + parts[1]
	}
	if cfg.APIKeyEnv != "" {
		g.key = os.Getenv(cfg.APIKeyEnv)
	}
	if g.key == "" {
		file := cfg.CredentialsFile
		if file == "" {
			file = os.Getenv("GOOGLE_APPLICATION_CREDENTIALS")
		}
		if file == "" {
			g.credErr = fmt.Errorf("google: no credentials: set %s to an API key, or GOOGLE_APPLICATION_CREDENTIALS (or credentials_file) to a service account's JSON key", cfg.APIKeyEnv)
		} else {
			ts, err := newTokenSource(file, cfg.Client)
			if err != nil {
				return nil, err
			}
			g.tokens = ts
		}
	}
	g.call = speech.Call{Backend: "google", Client: cfg.Client, Secrets: []string{g.key}, ReadError: readError}
	return g, nil
}

func (g *google) Name() string { return "google" }

func (g *google) Limits() speech.Limits {
	return speech.Limits{MaxChars: maxBytes, MaxBytes: maxBytes, SSML: true, Phonemes: true, Formats: []speech.Format{speech.MP3},
		Billing: speech.PerChar, Concurrency: g.cfg.Concurrency, RatePerSecond: g.cfg.RequestsPerSecond}
}

// authorize sets the request's credentials: the API key header, or a
// service account's access token.
func (g *google) authorize(ctx context.Context, req *http.Request) error {
	if g.credErr != nil {
		return speech.Permanent(g.credErr)
	}
	if g.key != "" {
		// The key goes in a header, not the query, so it never shows in an
		// error that quotes the URL.
		req.Header.Set("X-Goog-Api-Key", g.key)
		return nil
	}
	tok, err := g.tokens.token(ctx)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return nil
}

type synthesisRequest struct {
	Input struct {
		Text string `json:"text,omitempty"`
		SSML string `json:"ssml,omitempty"`
	} `json:"input"`
	Voice struct {
		LanguageCode string `json:"languageCode"`
		Name         string `json:"name"`
	} `json:"voice"`
	AudioConfig struct {
		AudioEncoding   string  `json:"audioEncoding"`
		SpeakingRate    float64 `json:"speakingRate,omitempty"`
		Pitch           float64 `json:"pitch,omitempty"`
		SampleRateHertz int     `json:"sampleRateHertz,omitempty"`
	} `json:"audioConfig"`
}

// Synthesize posts the chunk as text or SSML and decodes the answer's
// base64 audioContent.
func (g *google) Synthesize(ctx context.Context, r speech.Request) (speech.Audio, error) {
	if strings.TrimSpace(r.Text) == "" {
		return speech.Audio{}, speech.Permanent(errors.New("google: empty text"))
	}
	if len(r.Text) > maxBytes {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("google: %d bytes, more than the %d a request takes", len(r.Text), maxBytes))
	}
	if err := ctx.Err(); err != nil {
		return speech.Audio{}, err
	}
	var body synthesisRequest
	if r.SSML {
		body.Input.SSML = r.Text
	} else {
		body.Input.Text = r.Text
	}
	body.Voice.LanguageCode, body.Voice.Name = g.lang, g.cfg.Voice
	body.AudioConfig.AudioEncoding = "MP3"
	body.AudioConfig.SpeakingRate, body.AudioConfig.Pitch, body.AudioConfig.SampleRateHertz = g.cfg.SpeakingRate, g.cfg.Pitch, g.cfg.SampleRateHz
	b, _ := json.Marshal(body)
	req, err := http.NewRequest(http.MethodPost, g.base+"/v1/text:synthesize", bytes.NewReader(b))
	if err != nil {
		return speech.Audio{}, speech.Permanent(fmt.Errorf("google: %w", err))
	}
	req.Header.Set("Content-Type", "application/json")
	if err := g.authorize(ctx, req); err != nil {
		return speech.Audio{}, err
	}
	data, _, err := g.call.Do(ctx, req)
	if err != nil {
		return speech.Audio{}, err
	}
	var ans struct {
		AudioContent string `json:"audioContent"`
	}
	if err := json.Unmarshal(data, &ans); err != nil {
		return speech.Audio{}, fmt.Errorf("google: %w: %v", speech.ErrBadAudio, err)
	}
	audio, err := base64.StdEncoding.DecodeString(ans.AudioContent)
	if err != nil || len(audio) == 0 {
		return speech.Audio{}, fmt.Errorf("google: %w: audioContent holds no audio", speech.ErrBadAudio)
	}
	return speech.Audio{Format: speech.MP3, Data: audio}, nil
}

// Voices lists the service's voices for a language (GET /v1/voices).
func (g *google) Voices(ctx context.Context, language string) ([]speech.Voice, error) {
	u := g.base + "/v1/voices"
	if language != "" {
		u += "?" + url.Values{"languageCode": {language}}.Encode()
	}
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return nil, speech.Permanent(fmt.Errorf("google: %w", err))
	}
	if err := g.authorize(ctx, req); err != nil {
		return nil, err
	}
	data, _, err := g.call.Do(ctx, req)
	if err != nil {
		return nil, err
	}
	var ans struct {
		Voices []struct {
			LanguageCodes []string `json:"languageCodes"`
			Name          string   `json:"name"`
			Gender        string   `json:"ssmlGender"`
			RateHz        int      `json:"naturalSampleRateHertz"`
		} `json:"voices"`
	}
	if err := json.Unmarshal(data, &ans); err != nil {
		return nil, fmt.Errorf("google: reading the voice list: %w", err)
	}
	var out []speech.Voice
	for _, v := range ans.Voices {
		out = append(out, speech.Voice{ID: v.Name, Name: v.Name, Language: strings.Join(v.LanguageCodes, ","),
			Gender: strings.ToLower(v.Gender), Detail: fmt.Sprintf("%d Hz", v.RateHz)})
	}
	return out, nil
}

// readError reads Google's {"error": {"code", "message", "status"}}.
func readError(body []byte) (string, string) {
	var e struct {
		Error struct {
			Message string `json:"message"`
			Status  string `json:"status"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &e) != nil {
		return "", ""
	}
	return e.Error.Status, e.Error.Message
}

// NewFactory returns the registry entry for google.
func NewFactory() speech.Factory { return speech.NewFactory("google", NewConfig, New) }
