package main

import (
	"encoding/json"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aloud-dev/aloud/internal/speech/speechtest"
)

// openaiFake is a local stand-in for OpenAI's speech endpoint: it checks
// the key, logs every input, and answers real MP3 speech, or the queued
// failures first.
type openaiFake struct {
	*httptest.Server
	mu     sync.Mutex
	inputs []string
	fail   []func(w http.ResponseWriter)
}

const testOpenAIKey = "sk-proj-SECRET-do-not-leak-0123456789"

func newOpenAIFake(t *testing.T) *openaiFake {
	f := &openaiFake{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/audio/speech" || r.Header.Get("Authorization") != "Bearer "+testOpenAIKey {
			t.Errorf("%s %s with %q", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		}
		var body struct{ Input string }
		json.NewDecoder(r.Body).Decode(&body)
		f.mu.Lock()
		f.inputs = append(f.inputs, body.Input)
		var fail func(http.ResponseWriter)
		if len(f.fail) > 0 {
			fail, f.fail = f.fail[0], f.fail[1:]
		}
		f.mu.Unlock()
		if fail != nil {
			fail(w)
			return
		}
		w.Header().Set("Content-Type", "audio/mpeg")
		w.Write(speechtest.MP3)
	}))
	t.Cleanup(f.Close)
	t.Setenv("OPENAI_API_KEY", testOpenAIKey)
	t.Setenv("OPENAI_BASE_URL", f.URL+"/v1")
	return f
}

// take returns the inputs logged since the last call.
func (f *openaiFake) take() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	in := f.inputs
	f.inputs = nil
	return in
}

func (f *openaiFake) queue(h ...func(w http.ResponseWriter)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = h
}

const story = `# Harbour bridge reopens after repairs

The harbour bridge reopened on Monday after six weeks of repairs. Engineers replaced the worn bearings. Traffic moved freely by noon.

The council said the work cost less than planned. It thanked residents for their patience. A ceremony is planned for the spring.

Cyclists welcomed the new lane on the eastern side. Shop owners near the bridge reported more customers. The ferry will keep its extra sailings until Friday.
`

// TestCloudVoiceCache narrates through the openai backend against a local
// service, edits one sentence and narrates again: the second run pays for
// the one chunk whose text changed. A dry run before it says so without a
// request.
func TestCloudVoiceCache(t *testing.T) {
	f := newOpenAIFake(t)
	dir := t.TempDir()
	t.Setenv("ALOUD_CACHE", filepath.Join(dir, "segments"))
	os.WriteFile(filepath.Join(dir, "story.md"), []byte(story), 0o644)

	first := runBatch(t, dir, "--voice", "en-openai", "story.md")
	if first.code != 0 || len(first.results) != 1 {
		t.Fatalf("first run: %d\n%s\n%s", first.code, first.stdout, first.stderr)
	}
	sent := f.take()
	chunks := first.results[0].Chunks
	if len(sent) != chunks || first.summary.Requests != chunks || first.summary.Chars == 0 || first.summary.CostUSD <= 0 {
		t.Fatalf("first run: %d requests for %d chunks, summary %+v", len(sent), chunks, first.summary)
	}

	edited := strings.Replace(story, "It thanked residents for their patience.", "It thanked residents and traders for their patience.", 1)
	os.WriteFile(filepath.Join(dir, "story.md"), []byte(edited), 0o644)

	dry := aloud(t, dir, "narrate", "--dry-run", "--json", "--voice", "en-openai", "story.md")
	var est struct {
		Requests     int `json:"requests"`
		CachedChunks int `json:"cached_chunks"`
		BilledChars  int `json:"billed_chars"`
	}
	json.Unmarshal([]byte(strings.SplitN(dry.stdout, "\n", 2)[0]), &est)
	if dry.code != 0 || est.Requests != 1 || est.CachedChunks != chunks-1 || len(f.take()) != 0 {
		t.Fatalf("dry run: %+v (code %d)\n%s\n%s", est, dry.code, dry.stdout, dry.stderr)
	}

	second := runBatch(t, dir, "--voice", "en-openai", "story.md")
	sent = f.take()
	if second.code != 0 || len(sent) != 1 || !strings.Contains(sent[0], "traders") {
		t.Fatalf("second run sent %q (code %d)\n%s", sent, second.code, second.stderr)
	}
	if s := second.summary; s.Requests != 1 || s.CachedChunks != chunks-1 || s.Chars != len([]rune(sent[0])) || s.Updated != 1 {
		t.Errorf("second run summary %+v, want 1 request of %d characters and %d chunks from the cache", s, len([]rune(sent[0])), chunks-1)
	}
	if est.BilledChars != second.summary.Chars {
		t.Errorf("the dry run estimated %d billed characters, the run billed %d", est.BilledChars, second.summary.Chars)
	}
}

// TestCloudVoiceFailures shows the runner on a real run: a 429 is waited
// out and retried, a 401 fails the article at once with the service's
// message, and the key appears nowhere: not in output, errors, the store or
// the cache.
func TestCloudVoiceFailures(t *testing.T) {
	f := newOpenAIFake(t)
	dir := t.TempDir()
	t.Setenv("ALOUD_CACHE", filepath.Join(dir, "segments"))
	os.WriteFile(filepath.Join(dir, "story.md"), []byte(story), 0o644)

	f.queue(func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "1")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(429)
		w.Write([]byte(`{"error":{"message":"Rate limit reached for requests","type":"requests","param":null,"code":"rate_limit_exceeded"}}`))
	})
	ok := runBatch(t, dir, "--voice", "en-openai", "story.md")
	sent := f.take()
	if ok.code != 0 || len(sent) != ok.results[0].Chunks+1 || ok.summary.Requests != len(sent) {
		t.Fatalf("429 then success: code %d, %d requests, summary %+v\n%s", ok.code, len(sent), ok.summary, ok.stderr)
	}
	if !strings.Contains(ok.stderr, "retrying") || !strings.Contains(ok.stderr, `"wait":"1s"`) {
		t.Errorf("no retry warning with the service's Retry-After:\n%s", ok.stderr)
	}

	f.queue(func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(401)
		w.Write([]byte(`{"error":{"message":"Incorrect API key provided: ` + testOpenAIKey + `. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}`))
	})
	bad := runBatch(t, dir, "--voice", "en-openai", "--cache", "off", "--force", "story.md")
	sent = f.take()
	if bad.code != 1 || len(bad.summary.Failures) == 0 || !strings.Contains(bad.summary.Failures[0], "HTTP 401 invalid_api_key: Incorrect API key provided") {
		t.Fatalf("401: code %d, summary %+v\n%s", bad.code, bad.summary, bad.stderr)
	}
	// The failing chunk is not retried; chunks already in flight may finish.
	if len(sent) > 4 {
		t.Errorf("401: %d requests, want the article stopped at once", len(sent))
	}

	for _, out := range []string{ok.stdout, ok.stderr, bad.stdout, bad.stderr} {
		if strings.Contains(out, testOpenAIKey) {
			t.Errorf("the key is in the output:\n%s", out)
		}
	}
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(path)
		if strings.Contains(path, testOpenAIKey) || strings.Contains(string(b), testOpenAIKey) {
			t.Errorf("the key is in %s", path)
		}
		return nil
	})
}

// TestVoicesList lists presets, filters by backend, and asks a service
// (a local Azure stand-in named by a preset's base_url) for its voices.
func TestVoicesList(t *testing.T) {
	dir := t.TempDir()
	azure := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/cognitiveservices/voices/list" || r.Header.Get("Ocp-Apim-Subscription-Key") != "azure-test-key-0123" {
			w.WriteHeader(401)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`[{"ShortName":"uk-UA-OstapNeural","DisplayName":"Ostap","Gender":"Male","Locale":"uk-UA"},{"ShortName":"en-US-AriaNeural","DisplayName":"Aria","Gender":"Female","Locale":"en-US"}]`))
	}))
	defer azure.Close()
	t.Setenv("AZURE_SPEECH_KEY", "azure-test-key-0123")
	os.WriteFile(filepath.Join(dir, "my-azure.yaml"), []byte("backend: azure\nlanguage: uk-UA\noptions:\n  voice: uk-UA-PolinaNeural\n  base_url: "+azure.URL+"\n"), 0o644)

	all := aloud(t, dir, "voices", "list")
	for _, want := range []string{"en-espeak", "en-polly-neural", "en-polly-generative", "en-openai", "en-elevenlabs", "en-google", "en-azure", "uk-azure", "en-piper", "en-command-espeak"} {
		if !strings.Contains(all.stdout, want) {
			t.Errorf("voices list lacks %s:\n%s", want, all.stdout)
		}
	}
	polly := aloud(t, dir, "voices", "list", "--backend", "openai")
	if polly.code != 0 || !strings.Contains(polly.stdout, "en-openai") || strings.Contains(polly.stdout, "en-espeak") || !strings.Contains(polly.stderr, "no service that lists") {
		t.Errorf("--backend openai: %d\n%s\n%s", polly.code, polly.stdout, polly.stderr)
	}
	az := aloud(t, dir, "voices", "list", "--backend", "azure", "--voice", "./my-azure.yaml")
	_, service, _ := strings.Cut(az.stdout, "voices of the azure service for uk-UA")
	if az.code != 0 || !strings.Contains(service, "uk-UA-OstapNeural") || strings.Contains(service, "en-US-AriaNeural") {
		t.Errorf("--backend azure: %d\n%s\n%s", az.code, az.stdout, az.stderr)
	}
	t.Setenv("AZURE_SPEECH_KEY", "wrong-key-0000")
	bad := aloud(t, dir, "voices", "list", "--backend", "azure", "--voice", "./my-azure.yaml")
	if bad.code == 0 || !strings.Contains(bad.stderr, "HTTP 401") || strings.Contains(bad.stderr, "wrong-key-0000") {
		t.Errorf("bad key: %d\n%s", bad.code, bad.stderr)
	}
	unknown := aloud(t, dir, "voices", "list", "--backend", "nope")
	if unknown.code != 2 || !strings.Contains(unknown.stderr, "unknown backend") {
		t.Errorf("unknown backend: %d\n%s", unknown.code, unknown.stderr)
	}
}
