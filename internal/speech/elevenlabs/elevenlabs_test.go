package elevenlabs

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

const (
	key   = "el-test-key-0123456789"
	voice = "JBFqnCBsd6RMkjVDRZzb"
)

func detail(status int, code, msg string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "7")
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"detail": map[string]string{"status": code, "message": msg}})
	}
}

// service checks requests as https://elevenlabs.io/docs/api-reference/text-to-speech/convert documents them.
func service(t *testing.T, got *request) speechtest.Service {
	return speechtest.Service{
		Secret: key,
		Check: func(t *testing.T, r *http.Request, body []byte) {
			if r.Method == http.MethodGet && r.URL.Path == "/v1/voices" {
				if r.Header.Get("xi-api-key") != key {
					t.Errorf("voices: xi-api-key %q", r.Header.Get("xi-api-key"))
				}
				return
			}
			path := strings.TrimSuffix(r.URL.Path, "/with-timestamps")
			if r.Method != http.MethodPost || path != "/v1/text-to-speech/"+voice {
				t.Errorf("%s %s", r.Method, r.URL.Path)
			}
			if q := r.URL.Query(); q.Get("output_format") != "mp3_44100_128" || len(q) != 1 {
				t.Errorf("query %q", r.URL.RawQuery)
			}
			if r.Header.Get("xi-api-key") != key || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("Authorization") != "" {
				t.Errorf("headers %v", r.Header)
			}
			dec := json.NewDecoder(strings.NewReader(string(body)))
			dec.DisallowUnknownFields()
			var req struct {
				request
				VoiceSettings map[string]any `json:"voice_settings"`
			}
			if err := dec.Decode(&req); err != nil {
				t.Errorf("body %s: %v", body, err)
			}
			if req.Text == "" || req.ModelID != "eleven_multilingual_v2" || req.VoiceSettings["stability"] != 0.4 || len(req.VoiceSettings) != 1 {
				t.Errorf("body %s", body)
			}
			if got != nil {
				*got = req.request
			}
		},
		Good: func(w http.ResponseWriter, r *http.Request) {
			if strings.HasSuffix(r.URL.Path, "/with-timestamps") {
				w.Header().Set("Content-Type", "application/json")
				json.NewEncoder(w).Encode(map[string]any{
					"audio_base64": base64.StdEncoding.EncodeToString(speechtest.MP3),
					"alignment": map[string]any{
						"characters":                    []string{"H", "i", " ", "a", "l", "l", "."},
						"character_start_times_seconds": []float64{0, 0.1, 0.2, 0.35, 0.4, 0.45, 0.5},
						"character_end_times_seconds":   []float64{0.1, 0.2, 0.35, 0.4, 0.45, 0.5, 0.6},
					},
				})
				return
			}
			if r.URL.Path == "/v1/voices" {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"voices":[{"voice_id":"JBFqnCBsd6RMkjVDRZzb","name":"George","category":"premade","labels":{"accent":"british","gender":"male","language":"en"}},{"voice_id":"x1","name":"Olena","category":"cloned","labels":{"language":"uk"}}]}`))
				return
			}
			w.Header().Set("Content-Type", "audio/mpeg")
			w.Write(speechtest.MP3)
		},
		BadInput: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(400)
			w.Write([]byte(`{"detail":{"status":"max_character_limit_exceeded","message":"Text is too long."}}`))
		},
		BadKey: detail(401, "invalid_api_key", "Invalid API key"),
		Quota:  detail(429, "too_many_concurrent_requests", "Too many concurrent requests. Your plan allows 3."),
		Server: detail(500, "internal_error", "An internal server error occurred."),
	}
}

func newSyn(t *testing.T, base string, edit func(*Config)) speech.Synthesizer {
	t.Helper()
	cfg := NewConfig()
	cfg.BaseURL, cfg.VoiceID = base, voice
	s := 0.4
	cfg.Settings.Stability = &s
	if edit != nil {
		edit(&cfg)
	}
	syn, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return syn
}

func TestElevenLabs(t *testing.T) {
	t.Setenv("ELEVENLABS_API_KEY", key)
	speechtest.RunHTTP(t, service(t, nil), func(base string) speech.Synthesizer { return newSyn(t, base, nil) })
}

func TestContextAndTimestamps(t *testing.T) {
	t.Setenv("ELEVENLABS_API_KEY", key)
	var got request
	f := speechtest.Start(t, service(t, &got))
	syn := newSyn(t, f.URL, func(c *Config) { c.Timestamps = true })
	a, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hi all.", Previous: "Before.", Next: "After."})
	if err != nil {
		t.Fatal(err)
	}
	if got.PreviousText != "Before." || got.NextText != "After." {
		t.Errorf("previous/next %q/%q", got.PreviousText, got.NextText)
	}
	if string(a.Data) != string(speechtest.MP3) {
		t.Error("the audio is not the decoded audio_base64")
	}
	want := []speech.Mark{{Kind: "word", Offset: 0, Text: "Hi"}, {Kind: "word", Offset: 350 * time.Millisecond, Text: "all."}}
	if len(a.Marks) != 2 || a.Marks[0] != want[0] || a.Marks[1] != want[1] {
		t.Errorf("marks %+v, want %+v", a.Marks, want)
	}

	syn = newSyn(t, f.URL, func(c *Config) { c.Context = false })
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hi.", Previous: "Before."}); err != nil || got.PreviousText != "" {
		t.Errorf("context off still sent previous_text %q (%v)", got.PreviousText, err)
	}
}

func TestBadTimestampAnswers(t *testing.T) {
	for _, body := range []string{``, `{`, `{"audio_base64":"!!"}`, `{"audio_base64":""}`, `[]`} {
		if _, err := readTimestamps([]byte(body)); err == nil {
			t.Errorf("%q: no error", body)
		}
	}
}

func TestVoices(t *testing.T) {
	t.Setenv("ELEVENLABS_API_KEY", key)
	f := speechtest.Start(t, service(t, nil))
	vs, err := newSyn(t, f.URL, nil).(speech.VoiceLister).Voices(t.Context(), "en-US")
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 1 || vs[0].ID != voice || vs[0].Name != "George" || vs[0].Gender != "male" {
		t.Errorf("voices %+v", vs)
	}
}

func TestReadError(t *testing.T) {
	code, msg := readError([]byte(`{"detail":[{"loc":["body","text"],"msg":"field required","type":"value_error.missing"}]}`))
	if code != "validation_error" || msg != "[body text]: field required" {
		t.Errorf("%q %q", code, msg)
	}
}

func TestConfig(t *testing.T) {
	for name, edit := range map[string]func(*Config){
		"no voice":     func(c *Config) { c.VoiceID = "" },
		"bad voice":    func(c *Config) { c.VoiceID = "../x" },
		"model":        func(c *Config) { c.Model = "gpt" },
		"not mp3":      func(c *Config) { c.Output = "pcm_16000" },
		"stability":    func(c *Config) { v := 1.5; c.Settings.Stability = &v },
		"speed":        func(c *Config) { v := 2.0; c.Settings.Speed = &v },
		"ftp base url": func(c *Config) { c.BaseURL = "ftp://x" },
	} {
		c := NewConfig()
		c.VoiceID = voice
		edit(&c)
		if _, err := New(c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// FuzzAnswers: the with-timestamps answer and error bodies are outside
// bytes; reading them never panics, and audio read is never empty.
func FuzzAnswers(f *testing.F) {
	f.Add([]byte(`{"audio_base64":"SUQz","alignment":{"characters":["H","i"," ","x"],"character_start_times_seconds":[0,0.1,0.2,0.3]}}`))
	f.Add([]byte(`{"detail":[{"loc":["body",1],"msg":"x"}]}`))
	f.Add([]byte(`{"detail":{"status":"quota_exceeded","message":"m"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if a, err := readTimestamps(b); err == nil && len(a.Data) == 0 {
			t.Fatal("no error and no audio")
		}
		readError(b)
	})
}
