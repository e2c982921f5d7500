package openai

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

const key = "sk-test-0123456789abcdef"

func jsonError(status int, typ, code, msg string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "7")
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": code}})
	}
}

// service checks requests as https://platform.openai.com/docs/api-reference/audio/createSpeech documents them.
func service(want request) speechtest.Service {
	return speechtest.Service{
		Secret: key,
		Check: func(t *testing.T, r *http.Request, body []byte) {
			if r.Method != http.MethodPost || r.URL.Path != "/v1/audio/speech" || r.URL.RawQuery != "" {
				t.Errorf("%s %s, want POST /v1/audio/speech", r.Method, r.URL)
			}
			if got := r.Header.Get("Authorization"); got != "Bearer "+key {
				t.Errorf("Authorization %q", got)
			}
			if ct := r.Header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
			var got request
			dec := json.NewDecoder(strings.NewReader(string(body)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&got); err != nil {
				t.Errorf("body %s: %v", body, err)
			}
			if got.Model != want.Model || got.Voice != want.Voice || got.ResponseFormat != "mp3" ||
				got.Instructions != want.Instructions || got.Speed != want.Speed || got.Input == "" {
				t.Errorf("body %+v, want %+v with some input", got, want)
			}
		},
		Good: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "audio/mpeg")
			w.Write(speechtest.MP3)
		},
		BadInput: jsonError(400, "invalid_request_error", "", "[{'type': 'string_too_long', 'loc': ('body', 'input'), 'msg': 'String should have at most 4096 characters'}]"),
		BadKey:   jsonError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: "+key+". You can find your API key at https://platform.openai.com/account/api-keys."),
		Quota:    jsonError(429, "requests", "rate_limit_exceeded", "Rate limit reached for gpt-4o-mini-tts in organization org-x on requests per min (RPM): Limit 50, Used 50, Requested 1."),
		Server:   jsonError(500, "server_error", "", "The server had an error while processing your request. Sorry about that!"),
	}
}

func TestOpenAI(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", key)
	cfg := NewConfig()
	cfg.Instructions = "Speak like a calm news presenter."
	cfg.Speed = 1.1
	speechtest.RunHTTP(t, service(request{Model: cfg.Model, Voice: cfg.Voice, Instructions: cfg.Instructions, Speed: 1.1}),
		func(base string) speech.Synthesizer {
			c := cfg
			c.BaseURL = base + "/v1"
			syn, err := New(c)
			if err != nil {
				t.Fatal(err)
			}
			return syn
		})
}

func TestBaseURLFromEnvironment(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", key)
	f := speechtest.Start(t, service(request{Model: "tts-1", Voice: "nova", Speed: 1}))
	t.Setenv("OPENAI_BASE_URL", f.URL+"/v1/")
	cfg := NewConfig()
	cfg.Model, cfg.Voice = "tts-1", "nova"
	syn, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hello."}); err != nil || f.Hits() != 1 {
		t.Fatalf("%v after %d requests", err, f.Hits())
	}
}

func TestMissingKey(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", "")
	syn, err := New(NewConfig())
	if err != nil {
		t.Fatal(err)
	}
	_, err = syn.Synthesize(t.Context(), speech.Request{Text: "Hello."})
	if err == nil || !speech.IsPermanent(err) || !strings.Contains(err.Error(), "OPENAI_API_KEY is not set") {
		t.Fatalf("err %v", err)
	}
}

func TestConfig(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Config)
		err  string
	}{
		{"defaults", func(*Config) {}, ""},
		{"speed", func(c *Config) { c.Speed = 5 }, "speed 5 out of range"},
		{"instructions on tts-1", func(c *Config) { c.Model, c.Instructions = "tts-1", "calm" }, "does not take instructions"},
		{"not a speech model", func(c *Config) { c.Model = "gpt-4o" }, "not a speech model"},
		{"no voice", func(c *Config) { c.Voice = "" }, "no voice"},
		{"base url", func(c *Config) { c.BaseURL = "ftp://x" }, "not an http(s) URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := NewConfig()
			tc.edit(&c)
			_, err := New(c)
			if tc.err == "" && err != nil || tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
				t.Fatalf("err %v, want %q", err, tc.err)
			}
		})
	}
}

func TestTooLong(t *testing.T) {
	t.Setenv("OPENAI_API_KEY", key)
	syn, _ := New(NewConfig())
	_, err := syn.Synthesize(t.Context(), speech.Request{Text: strings.Repeat("a", maxInput+1)})
	if !speech.IsPermanent(err) {
		t.Fatalf("err %v, want permanent", err)
	}
}
