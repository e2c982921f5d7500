package google

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

const apiKey = "AIzaSyTEST-0123456789abcdefghij"

func googleError(status int, code, msg string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "7")
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"code": status, "message": msg, "status": code}})
	}
}

// service checks requests as https://cloud.google.com/text-to-speech/docs/reference/rest/v1/text/synthesize
// documents them. auth checks the credentials.
func service(auth func(t *testing.T, r *http.Request), wantSSML bool) speechtest.Service {
	return speechtest.Service{
		Secret: apiKey,
		Check: func(t *testing.T, r *http.Request, body []byte) {
			if r.URL.Path == "/token" {
				return
			}
			auth(t, r)
			if r.URL.Path == "/v1/voices" {
				return
			}
			if r.Method != http.MethodPost || r.URL.Path != "/v1/text:synthesize" || r.URL.RawQuery != "" {
				t.Errorf("%s %s", r.Method, r.URL)
			}
			if r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("Content-Type %q", r.Header.Get("Content-Type"))
			}
			var req synthesisRequest
			dec := json.NewDecoder(strings.NewReader(string(body)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&req); err != nil {
				t.Errorf("body %s: %v", body, err)
			}
			if (req.Input.Text == "") == (req.Input.SSML == "") || wantSSML != (req.Input.SSML != "") {
				t.Errorf("want exactly one of text and ssml (ssml %v): %s", wantSSML, body)
			}
			if req.Voice.LanguageCode != "en-GB" || req.Voice.Name != "en-GB-Neural2-B" || req.AudioConfig.AudioEncoding != "MP3" ||
				req.AudioConfig.SpeakingRate != 0.95 || req.AudioConfig.Pitch != -2 {
				t.Errorf("body %s", body)
			}
		},
		Good: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=UTF-8")
			if r.URL.Path == "/v1/voices" {
				w.Write([]byte(`{"voices":[{"languageCodes":["en-GB"],"name":"en-GB-Neural2-B","ssmlGender":"MALE","naturalSampleRateHertz":24000}]}`))
				return
			}
			json.NewEncoder(w).Encode(map[string]string{"audioContent": base64.StdEncoding.EncodeToString(speechtest.MP3)})
		},
		BadInput: googleError(400, "INVALID_ARGUMENT", "Invalid SSML: missing closing tag </speak>."),
		BadKey:   googleError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key."),
		Quota:    googleError(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute'."),
		Server:   googleError(503, "UNAVAILABLE", "The service is currently unavailable."),
	}
}

func config(base string) Config {
	c := NewConfig()
	c.BaseURL, c.Voice, c.SpeakingRate, c.Pitch = base, "en-GB-Neural2-B", 0.95, -2
	return c
}

func TestAPIKey(t *testing.T) {
	t.Setenv("GOOGLE_API_KEY", apiKey)
	auth := func(t *testing.T, r *http.Request) {
		if r.Header.Get("X-Goog-Api-Key") != apiKey || r.URL.Query().Get("key") != "" || r.Header.Get("Authorization") != "" {
			t.Errorf("credentials: header %q, query %q", r.Header.Get("X-Goog-Api-Key"), r.URL.RawQuery)
		}
	}
	speechtest.RunHTTP(t, service(auth, false), func(base string) speech.Synthesizer {
		syn, err := New(config(base))
		if err != nil {
			t.Fatal(err)
		}
		return syn
	})
}

func TestSSMLAndVoices(t *testing.T) {
	t.Setenv("GOOGLE_API_KEY", apiKey)
	f := speechtest.Start(t, service(func(*testing.T, *http.Request) {}, true))
	syn, err := New(config(f.URL))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "<speak>Hi &amp; bye.</speak>", SSML: true}); err != nil {
		t.Fatal(err)
	}
	vs, err := syn.(speech.VoiceLister).Voices(t.Context(), "en-GB")
	if err != nil || len(vs) != 1 || vs[0].ID != "en-GB-Neural2-B" || vs[0].Gender != "male" {
		t.Fatalf("voices %+v, %v", vs, err)
	}
}

// TestServiceAccount signs in with a service account's key: the token
// endpoint checks the JWT's RS256 signature and claims, and the synthesis
// request carries the access token it gave.
func TestServiceAccount(t *testing.T) {
	t.Setenv("GOOGLE_API_KEY", "")
	pk, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	der, _ := x509.MarshalPKCS8PrivateKey(pk)
	var tokens int
	svc := service(func(t *testing.T, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer ya29.test-token" || r.Header.Get("X-Goog-Api-Key") != "" {
			t.Errorf("Authorization %q", r.Header.Get("Authorization"))
		}
	}, false)
	good := svc.Good
	var f *speechtest.Fake
	svc.Good = func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/token" {
			good(w, r)
			return
		}
		tokens++
		r.ParseForm()
		if r.Form.Get("grant_type") != "urn:ietf:params:oauth:grant-type:jwt-bearer" {
			t.Errorf("grant_type %q", r.Form.Get("grant_type"))
		}
		parts := strings.Split(r.Form.Get("assertion"), ".")
		if len(parts) != 3 {
			t.Fatalf("assertion %q", r.Form.Get("assertion"))
		}
		sum := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
		sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
		if err := rsa.VerifyPKCS1v15(&pk.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
			t.Errorf("JWT signature: %v", err)
		}
		var claims map[string]any
		b, _ := base64.RawURLEncoding.DecodeString(parts[1])
		json.Unmarshal(b, &claims)
		if claims["iss"] != "aloud@newsroom.iam.gserviceaccount.com" || claims["scope"] != scope || claims["aud"] != f.URL+"/token" {
			t.Errorf("claims %v", claims)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"access_token":"ya29.test-token","expires_in":3599,"token_type":"Bearer"}`))
	}
	f = speechtest.Start(t, svc)
	creds := filepath.Join(t.TempDir(), "sa.json")
	b, _ := json.Marshal(serviceAccount{Type: "service_account", ClientEmail: "aloud@newsroom.iam.gserviceaccount.com",
		PrivateKeyID: "k1", PrivateKey: string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der})), TokenURI: f.URL + "/token"})
	os.WriteFile(creds, b, 0o600)
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", creds)
	syn, err := New(config(f.URL))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hello."}); err != nil {
			t.Fatal(err)
		}
	}
	if tokens != 1 {
		t.Errorf("%d token requests for 3 chunks, want 1 (kept until it expires)", tokens)
	}
}

func TestCredentials(t *testing.T) {
	t.Setenv("GOOGLE_API_KEY", "")
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	for name, file := range map[string]string{
		"missing file":   filepath.Join(dir, "nope.json"),
		"not json":       write("a.json", "{"),
		"user account":   write("b.json", `{"type":"authorized_user","client_id":"x"}`),
		"not pem":        write("c.json", `{"type":"service_account","client_email":"a@b","private_key":"xyz"}`),
		"file token_uri": write("d.json", `{"type":"service_account","client_email":"a@b","private_key":"xyz","token_uri":"file:///etc/passwd"}`),
	} {
		t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", file)
		if _, err := New(config("https://x")); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	t.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "")
	syn, err := New(config("https://x"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: "Hi."}); !speech.IsPermanent(err) || !strings.Contains(err.Error(), "no credentials") {
		t.Errorf("no credentials: %v", err)
	}
}

func TestTooManyBytes(t *testing.T) {
	t.Setenv("GOOGLE_API_KEY", apiKey)
	syn, _ := New(config("https://x"))
	// 2,600 Cyrillic letters are 5,200 bytes: over the limit in bytes, not in characters.
	if _, err := syn.Synthesize(t.Context(), speech.Request{Text: strings.Repeat("ї", 2600)}); !speech.IsPermanent(err) {
		t.Errorf("err %v, want permanent", err)
	}
}
