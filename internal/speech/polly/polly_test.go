package polly

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

const (
	akid   = "AKIDTESTPOLLY0000000"
	secret = "pollyTestSecretKey/0123456789abcdefghijkl"
	region = "eu-west-1"
)

// awsEnv points the standard AWS chain at the test's credentials, region and
// endpoint, and away from the machine's own configuration.
func awsEnv(t *testing.T, endpoint string) {
	dir := t.TempDir()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": akid, "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": "", "AWS_REGION": region,
		"AWS_PROFILE": "", "AWS_CONFIG_FILE": filepath.Join(dir, "config"), "AWS_SHARED_CREDENTIALS_FILE": filepath.Join(dir, "credentials"),
		"AWS_ENDPOINT_URL_POLLY": endpoint, "AWS_ENDPOINT_URL": "", "AWS_EC2_METADATA_DISABLED": "true",
	} {
		t.Setenv(k, v)
	}
}

// verifySigV4 recomputes the request's Signature Version 4 from the secret
// key and the headers it says it signed, and reports a mismatch.
func verifySigV4(t *testing.T, r *http.Request, body []byte) {
	auth := r.Header.Get("Authorization")
	const algo = "AWS4-HMAC-SHA256 "
	if !strings.HasPrefix(auth, algo) {
		t.Errorf("Authorization %q is not SigV4", auth)
		return
	}
	fields := map[string]string{}
	for _, f := range strings.Split(strings.TrimPrefix(auth, algo), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(f), "=")
		fields[k] = v
	}
	day := time.Now().UTC().Format("20060102")
	if want := akid + "/" + day + "/" + region + "/polly/aws4_request"; fields["Credential"] != want {
		t.Errorf("Credential %q, want %q", fields["Credential"], want)
	}
	signed, err := time.Parse("20060102T150405Z", r.Header.Get("X-Amz-Date"))
	if err != nil {
		t.Errorf("X-Amz-Date: %v", err)
		return
	}
	again, _ := http.NewRequest(r.Method, "http://"+r.Host+r.URL.RequestURI(), strings.NewReader(string(body)))
	for _, h := range strings.Split(fields["SignedHeaders"], ";") {
		if h != "host" {
			again.Header[http.CanonicalHeaderKey(h)] = r.Header.Values(h)
		}
	}
	sum := sha256.Sum256(body)
	err = v4.NewSigner().SignHTTP(context.Background(), aws.Credentials{AccessKeyID: akid, SecretAccessKey: secret},
		again, hex.EncodeToString(sum[:]), "polly", region, signed)
	if err != nil {
		t.Fatal(err)
	}
	if got := again.Header.Get("Authorization"); got != auth {
		t.Errorf("signature does not verify:\n got  %s\n want %s", auth, got)
	}
}

func awsError(status int, code, msg string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amzn-Errortype", code+":http://internal.amazon.com/coral/com.amazonaws.parrot.service/")
		w.Header().Set("X-Amzn-Requestid", "11111111-2222-3333-4444-555555555555")
		if code == "ThrottlingException" {
			// The runner honours Retry-After when a proxy adds one; Polly itself sends none.
			w.Header().Set("Retry-After", "7")
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(map[string]string{"message": msg})
	}
}

type input struct {
	Engine          string
	LanguageCode    string
	LexiconNames    []string
	OutputFormat    string
	SampleRate      string
	SpeechMarkTypes []string
	Text            string
	TextType        string
	VoiceId         string
}

// service checks requests as https://docs.aws.amazon.com/polly/latest/dg/API_SynthesizeSpeech.html
// documents them.
func service(seen *[]input) speechtest.Service {
	return speechtest.Service{
		Secret: secret,
		Check: func(t *testing.T, r *http.Request, body []byte) {
			verifySigV4(t, r, body)
			if r.Method == http.MethodGet && r.URL.Path == "/v1/voices" {
				return
			}
			if r.Method != http.MethodPost || r.URL.Path != "/v1/speech" || r.Header.Get("Content-Type") != "application/json" {
				t.Errorf("%s %s %s", r.Method, r.URL, r.Header.Get("Content-Type"))
			}
			var in input
			dec := json.NewDecoder(strings.NewReader(string(body)))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&in); err != nil {
				t.Errorf("body %s: %v", body, err)
			}
			if in.VoiceId != "Ruth" || in.Engine != "generative" || in.Text == "" || strings.Join(in.LexiconNames, ",") != "newsroom" {
				t.Errorf("body %s", body)
			}
			switch in.OutputFormat {
			case "mp3":
				if in.SampleRate != "24000" || in.SpeechMarkTypes != nil {
					t.Errorf("audio request %s", body)
				}
			case "json":
				if strings.Join(in.SpeechMarkTypes, ",") != "sentence,word" {
					t.Errorf("speech marks request %s", body)
				}
			default:
				t.Errorf("OutputFormat %q", in.OutputFormat)
			}
			if seen != nil {
				*seen = append(*seen, in)
			}
		},
		Good: func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/v1/voices" {
				w.Header().Set("Content-Type", "application/json")
				w.Write([]byte(`{"Voices":[{"Gender":"Female","Id":"Ruth","LanguageCode":"en-US","LanguageName":"US English","Name":"Ruth","SupportedEngines":["generative","long-form","neural"]}]}`))
				return
			}
			var in input
			json.NewDecoder(r.Body).Decode(&in)
			w.Header().Set("X-Amzn-Requestcharacters", "27")
			if in.OutputFormat == "json" {
				w.Header().Set("Content-Type", "application/x-json-stream")
				w.Write([]byte(`{"time":0,"type":"sentence","start":0,"end":27,"value":"The council met on Tuesday."}` + "\n" +
					`{"time":6,"type":"word","start":0,"end":3,"value":"The"}` + "\n" +
					`{"time":180,"type":"word","start":4,"end":11,"value":"council"}` + "\n"))
				return
			}
			w.Header().Set("Content-Type", "audio/mpeg")
			w.Write(speechtest.MP3)
		},
		BadInput: awsError(400, "InvalidSsmlException", "Invalid SSML request"),
		BadKey:   awsError(403, "UnrecognizedClientException", "The security token included in the request is invalid."),
		Quota:    awsError(400, "ThrottlingException", "Rate exceeded"),
		Server:   awsError(500, "ServiceFailureException", "An unknown condition has caused a service failure."),
	}
}

func preset() Config {
	c := NewConfig()
	c.Voice, c.Engine, c.SampleRateHz, c.Lexicons = "Ruth", "generative", 24000, []string{"newsroom"}
	return c
}

func TestPolly(t *testing.T) {
	speechtest.RunHTTP(t, service(nil), func(base string) speech.Synthesizer {
		awsEnv(t, base) // AWS_ENDPOINT_URL_POLLY, as the AWS CLI reads it
		syn, err := New(t.Context(), preset())
		if err != nil {
			t.Fatal(err)
		}
		return syn
	})
}

func TestSpeechMarksSSMLAndVoices(t *testing.T) {
	var seen []input
	f := speechtest.Start(t, service(&seen))
	awsEnv(t, "http://127.0.0.1:1") // the preset's endpoint wins over the environment
	c := preset()
	c.Endpoint, c.SpeechMarks = f.URL, true
	syn, err := New(t.Context(), c)
	if err != nil {
		t.Fatal(err)
	}
	a, err := syn.Synthesize(t.Context(), speech.Request{Text: "<speak>The council met on Tuesday.</speak>", SSML: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 2 || seen[0].TextType != "ssml" || seen[1].OutputFormat != "json" {
		t.Errorf("requests %+v", seen)
	}
	want := []speech.Mark{{Kind: "sentence", Text: "The council met on Tuesday."}, {Kind: "word", Offset: 6 * time.Millisecond, Text: "The"},
		{Kind: "word", Offset: 180 * time.Millisecond, Text: "council"}}
	if len(a.Marks) != 3 || a.Marks[0] != want[0] || a.Marks[1] != want[1] || a.Marks[2] != want[2] {
		t.Errorf("marks %+v", a.Marks)
	}
	vs, err := syn.(speech.VoiceLister).Voices(t.Context(), "en-US")
	if err != nil || len(vs) != 1 || vs[0].ID != "Ruth" || !strings.Contains(vs[0].Detail, "generative") {
		t.Fatalf("%+v %v", vs, err)
	}
}

func TestBilledLimit(t *testing.T) {
	awsEnv(t, "http://127.0.0.1:1")
	syn, err := New(t.Context(), preset())
	if err != nil {
		t.Fatal(err)
	}
	// 2,900 billed characters in 5,900 with tags: accepted by the check (and
	// refused by nothing here, so the request fails to connect, retryably).
	ssml := "<speak>" + strings.Repeat(`<break time="1ms"/>`, 150) + strings.Repeat("a", 2900) + "</speak>"
	if l := syn.Limits(); l.Billed(speech.Request{Text: ssml, SSML: true}) != 2900 {
		t.Errorf("billed %d", l.Billed(speech.Request{Text: ssml, SSML: true}))
	}
	_, err = syn.Synthesize(t.Context(), speech.Request{Text: ssml, SSML: true})
	if err == nil || speech.IsPermanent(err) {
		t.Errorf("within limits: %v, want a connection error", err)
	}
	_, err = syn.Synthesize(t.Context(), speech.Request{Text: strings.Repeat("a", 3001)})
	if !speech.IsPermanent(err) {
		t.Errorf("3001 billed characters: %v, want permanent", err)
	}
}

func TestConfig(t *testing.T) {
	for name, edit := range map[string]func(*Config){
		"engine":   func(c *Config) { c.Engine = "turbo" },
		"rate":     func(c *Config) { c.SampleRateHz = 44100 },
		"voice":    func(c *Config) { c.Voice = "" },
		"lexicons": func(c *Config) { c.Lexicons = []string{"a", "b", "c", "d", "e", "f"} },
		"endpoint": func(c *Config) { c.Endpoint = "ftp://x" },
	} {
		c := preset()
		edit(&c)
		if _, err := New(t.Context(), c); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestReadMarks(t *testing.T) {
	for _, bad := range []string{"{", `{"time":"x"}`} {
		if _, err := readMarks(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	m, err := readMarks(strings.NewReader("\n{\"time\":5,\"type\":\"viseme\",\"value\":\"p\"}\n"))
	if err != nil || len(m) != 0 {
		t.Errorf("%v %v", m, err)
	}
}

// FuzzReadMarks: speech marks are outside bytes; reading them never
// panics and keeps only word and sentence marks at non-negative times.
func FuzzReadMarks(f *testing.F) {
	f.Add([]byte(`{"time":6,"type":"word","start":0,"end":3,"value":"The"}` + "\n"))
	f.Add([]byte("{\"time\":-1,\"type\":\"sentence\"}\n\n{"))
	f.Fuzz(func(t *testing.T, b []byte) {
		marks, err := readMarks(bytes.NewReader(b))
		if err != nil {
			return
		}
		for _, m := range marks {
			if m.Offset < 0 || (m.Kind != "word" && m.Kind != "sentence") {
				t.Fatalf("mark %+v", m)
			}
		}
	})
}

// TestWholeBodies: the request Polly's client sends reads to its end without
// an error even after the SDK has closed the body it built, as smithy-go
// does once Do returns. net/http reads a request body once more after
// sending it; the SDK's own body fails that read with io.EOF once closed,
// which made net/http close the connection under the audio being read.
func TestWholeBodies(t *testing.T) {
	const payload = `{"Engine":"generative","OutputFormat":"mp3","Text":"The council met on Tuesday.","VoiceId":"Ruth"}`
	build := func() *http.Request {
		sr := smithyhttp.NewStackRequest().(*smithyhttp.Request)
		sr.Method = http.MethodPost
		sr.URL.Scheme, sr.URL.Host, sr.URL.Path = "http", "127.0.0.1", "/v1/speech"
		sr, err := sr.SetStream(strings.NewReader(payload))
		if err != nil {
			t.Fatal(err)
		}
		r := sr.Build(context.Background())
		r.ContentLength = int64(len(payload))
		return r
	}

	// The premise: the SDK's body, closed, fails a late read.
	sdk := build()
	io.ReadAll(sdk.Body)
	sdk.Body.Close()
	if _, err := io.Copy(io.Discard, sdk.Body); err == nil {
		t.Log("the SDK's closed body now reads to its end cleanly; wholeBodies may no longer be needed")
	}

	req := build()
	var sent *http.Request
	inner := doFunc(func(r *http.Request) (*http.Response, error) {
		sent = r
		return &http.Response{StatusCode: http.StatusOK, Body: http.NoBody}, nil
	})
	if _, err := (wholeBodies{inner}).Do(req); err != nil {
		t.Fatal(err)
	}
	req.Body.Close() // what the SDK does after Do
	body, err := io.ReadAll(sent.Body)
	if err != nil || string(body) != payload {
		t.Fatalf("sent body %q, %v", body, err)
	}
	if n, err := io.Copy(io.Discard, sent.Body); n != 0 || err != nil {
		t.Errorf("reading the sent body again: %d bytes, %v; want 0, nil", n, err)
	}
	again, err := sent.GetBody()
	if b, _ := io.ReadAll(again); err != nil || string(b) != payload || sent.ContentLength != int64(len(payload)) {
		t.Errorf("GetBody %q %v, ContentLength %d", b, err, sent.ContentLength)
	}
	if sent.Header.Get("Content-Type") != req.Header.Get("Content-Type") || sent.URL.String() != req.URL.String() {
		t.Errorf("sent %s %v, want the request's own", sent.URL, sent.Header)
	}
}

type doFunc func(*http.Request) (*http.Response, error)

func (f doFunc) Do(r *http.Request) (*http.Response, error) { return f(r) }

// TestNoCredentials: with no credentials anywhere in the AWS chain (and
// the instance metadata service off, as on a laptop), a request fails
// before reaching the service with a *speech.CredentialsError that says
// what to set, and the SDK logs nothing of its own.
func TestNoCredentials(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { requests.Add(1) }))
	defer srv.Close()
	awsEnv(t, srv.URL)
	t.Setenv("AWS_ACCESS_KEY_ID", "")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "")
	syn, err := New(context.Background(), NewConfig())
	if err != nil {
		t.Fatal(err)
	}
	_, err = syn.Synthesize(context.Background(), speech.Request{Text: "Hello."})
	var ce *speech.CredentialsError
	if !errors.As(err, &ce) || !speech.IsPermanent(err) {
		t.Fatalf("err = %v (%T), want a permanent *speech.CredentialsError", err, err)
	}
	if !strings.Contains(err.Error(), "AWS_ACCESS_KEY_ID") || !strings.Contains(err.Error(), "AWS_PROFILE") {
		t.Errorf("message %q does not say what to set", err)
	}
	if _, err := syn.(speech.VoiceLister).Voices(context.Background(), ""); !errors.As(err, &ce) {
		t.Errorf("voices: err = %v, want a *speech.CredentialsError", err)
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests reached the service without credentials", n)
	}
}
