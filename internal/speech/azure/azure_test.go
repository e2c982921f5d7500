package azure

import (
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

const key = "0123456789abcdef0123456789abcdef"

// ssml is what the service reads of the document.
type ssml struct {
	XMLName xml.Name `xml:"speak"`
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Voice   struct {
		Name    string `xml:"name,attr"`
		Express struct {
			Style   string `xml:"style,attr"`
			Prosody struct {
				Rate string `xml:"rate,attr"`
				Text string `xml:",innerxml"`
			} `xml:"prosody"`
		} `xml:"express-as"`
	} `xml:"voice"`
}

func status(code int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if code == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "7")
		}
		if body != "" {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(code)
		w.Write([]byte(body))
	}
}

// service checks requests as https://learn.microsoft.com/azure/ai-services/speech-service/rest-text-to-speech
// documents them; got receives the text inside the prosody element.
func service(got *string) speechtest.Service {
	return speechtest.Service{
		Secret: key,
		Check: func(t *testing.T, r *http.Request, body []byte) {
			if r.Header.Get("Ocp-Apim-Subscription-Key") != key || r.Header.Get("User-Agent") == "" {
				t.Errorf("headers %v", r.Header)
			}
			if r.Method == http.MethodGet && r.URL.Path == "/cognitiveservices/voices/list" {
				return
			}
			if r.Method != http.MethodPost || r.URL.Path != "/cognitiveservices/v1" {
				t.Errorf("%s %s", r.Method, r.URL)
			}
			if r.Header.Get("Content-Type") != "application/ssml+xml" || r.Header.Get("X-Microsoft-OutputFormat") != "audio-24khz-48kbitrate-mono-mp3" {
				t.Errorf("headers %v", r.Header)
			}
			var doc ssml
			if err := xml.Unmarshal(body, &doc); err != nil {
				t.Errorf("SSML %s: %v", body, err)
			}
			if doc.Lang != "uk-UA" || doc.Voice.Name != "uk-UA-PolinaNeural" || doc.Voice.Express.Style != "newscast" ||
				doc.Voice.Express.Prosody.Rate != "+5%" || doc.Voice.Express.Prosody.Text == "" {
				t.Errorf("SSML %s", body)
			}
			if got != nil {
				*got = doc.Voice.Express.Prosody.Text
			}
		},
		Good: func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/cognitiveservices/voices/list" {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`[{"Name":"Microsoft Server Speech Text to Speech Voice (uk-UA, PolinaNeural)","DisplayName":"Polina","ShortName":"uk-UA-PolinaNeural","Gender":"Female","Locale":"uk-UA","VoiceType":"Neural"},{"ShortName":"en-US-AriaNeural","DisplayName":"Aria","Gender":"Female","Locale":"en-US","StyleList":["newscast-formal","cheerful"]}]`))
				return
			}
			w.Header().Set("Content-Type", "audio/mpeg")
			w.Write(speechtest.MP3)
		},
		BadInput: status(400, ""), // the service answers invalid SSML with an empty 400
		BadKey:   status(401, `{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}`),
		Quota:    status(429, `{"error":{"code":"429","message":"Too many requests."}}`),
		Server:   status(502, ""),
	}
}

func newSyn(t *testing.T, base string) speech.Synthesizer {
	c := NewConfig()
	c.BaseURL, c.Voice, c.Style, c.Rate = base, "uk-UA-PolinaNeural", "newscast", "+5%"
	syn, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	return syn
}

func TestAzure(t *testing.T) {
	t.Setenv("AZURE_SPEECH_KEY", key)
	speechtest.RunHTTP(t, service(nil), func(base string) speech.Synthesizer { return newSyn(t, base) })
}

// TestTextIsRead: article text that looks like markup is escaped and read,
// never interpreted; an SSML request's body is kept.
func TestTextIsRead(t *testing.T) {
	t.Setenv("AZURE_SPEECH_KEY", key)
	var got string
	f := speechtest.Start(t, service(&got))
	syn := newSyn(t, f.URL)
	tests := []struct {
		req  speech.Request
		want string
	}{
		{speech.Request{Text: `Tom & Jerry said "<speak>" </voice>`}, `Tom &amp; Jerry said &#34;&lt;speak&gt;&#34; &lt;/voice&gt;`},
		{speech.Request{Text: `<speak>Hello <break time="300ms"/> world.</speak>`, SSML: true}, `Hello <break time="300ms"/> world.`},
	}
	for _, tc := range tests {
		if _, err := syn.Synthesize(t.Context(), tc.req); err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("sent %q, want %q", got, tc.want)
		}
	}
	for _, bad := range []string{`<speak>unclosed <break></speak>`, `plain text`, `<speak>a</speak><speak>b</speak>`} {
		if _, err := syn.Synthesize(t.Context(), speech.Request{Text: bad, SSML: true}); !speech.IsPermanent(err) {
			t.Errorf("%q: %v, want a permanent error", bad, err)
		}
	}
}

func TestVoices(t *testing.T) {
	t.Setenv("AZURE_SPEECH_KEY", key)
	f := speechtest.Start(t, service(nil))
	vs, err := newSyn(t, f.URL).(speech.VoiceLister).Voices(t.Context(), "uk")
	if err != nil || len(vs) != 1 || vs[0].ID != "uk-UA-PolinaNeural" || vs[0].Gender != "female" {
		t.Fatalf("%+v %v", vs, err)
	}
}

func TestConfig(t *testing.T) {
	t.Setenv("AZURE_SPEECH_REGION", "")
	for name, edit := range map[string]func(*Config){
		"bad region":   func(c *Config) { c.Region = "west europe/../x" },
		"bad voice":    func(c *Config) { c.Region, c.Voice = "westeurope", "Aria" },
		"style quote":  func(c *Config) { c.Region, c.Style = "westeurope", `a" onload="x` },
		"rate":         func(c *Config) { c.Region, c.Rate = "westeurope", "fast!" },
		"not mp3":      func(c *Config) { c.Region, c.Output = "westeurope", "riff-24khz-16bit-mono-pcm" },
		"ftp base url": func(c *Config) { c.BaseURL = "ftp://x" },
	} {
		c := NewConfig()
		edit(&c)
		if _, err := New(c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	c := NewConfig()
	syn, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("AZURE_SPEECH_KEY", key)
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hi."}); !speech.IsPermanent(err) || !strings.Contains(err.Error(), "no region") {
		t.Errorf("no region: %v", err)
	}
	c.Region = "westeurope"
	syn, err = New(c)
	if err != nil || syn.(*azure).base != "https://westeurope.tts.speech.microsoft.com" {
		t.Fatalf("%v", err)
	}
	if !strings.Contains(syn.(*azure).cfg.Voice, "Neural") {
		t.Error("default voice")
	}
}
