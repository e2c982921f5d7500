package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// TestServe runs 'aloud serve' with the real pipeline (espeak-ng, lame, the
// local store): a pasted article and a fetched page are narrated and
// published, a loopback URL not on the allow-list is refused, and SIGTERM
// stops the server cleanly.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	pub := newPublisher(t)
	pub.set(func(p *publisher) {
		p.pages["/news/tram"] = storyPage("Trams return to the high street", "Li Wei",
			"The trams return to the high street on Saturday after two years of works.", "Shops expect more visitors.")
	})
	port := pub.srv.URL[strings.LastIndex(pub.srv.URL, ":")+1:]
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("serve:\n  allow: [localhost]\n"), 0o644)
	const token = "a-long-random-test-token-0123456789"
	cmd := aloudCmd(dir, "serve", "--listen", "127.0.0.1:0", "--out", "out", "--public-base-url", "https://cdn.example.com",
		"--queue-file", filepath.Join(dir, "queue.json"))
	cmd.Env = append(cmd.Env, "ALOUD_SERVE_TOKEN="+token, "ALOUD_CACHE=off")
	base, logs := startServe(t, cmd)
	if started := logs.String(); !strings.Contains(started, " store=out ") || !strings.Contains(started, "public_base_url=https://cdn.example.com") {
		t.Errorf("the start line does not name the store and its public URL:\n%s", started)
	}

	send := func(body string) (int, map[string]any) { return apiCall(t, "POST", base+"/v1/narrations", token, body) }
	wait := func(id string) map[string]any {
		deadline := time.Now().Add(60 * time.Second)
		for time.Now().Before(deadline) {
			req, _ := http.NewRequest("GET", base+"/v1/narrations/"+id, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			data, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var m map[string]any
			json.Unmarshal(data, &m)
			if m["status"] == "done" || m["status"] == "failed" {
				return m
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("job %s did not finish", id)
		return nil
	}

	code, pasted := send(`{"title":"Bridge closes for repairs","author":"Ana Ruiz","text":"The old bridge closes on Monday for three weeks of repairs.\n\nA ferry will run instead."}`)
	if code != 202 {
		t.Fatalf("pasted job: %d %v", code, pasted)
	}
	code, fetched := send(fmt.Sprintf(`{"url":"http://localhost:%s/news/tram"}`, port))
	if code != 202 {
		t.Fatalf("URL job: %d %v", code, fetched)
	}
	if code, m := send(fmt.Sprintf(`{"url":"http://127.0.0.1:%s/news/tram"}`, port)); code != 400 || !strings.Contains(fmt.Sprint(m["error"]), "loopback") {
		t.Errorf("loopback URL: %d %v", code, m)
	}
	for _, job := range []map[string]any{pasted, fetched} {
		m := wait(job["id"].(string))
		man, _ := m["manifest"].(map[string]any)
		if m["status"] != "done" || man == nil || man["duration_seconds"].(float64) <= 0 {
			t.Fatalf("job %v", m)
		}
		audio := strings.TrimPrefix(man["audio"].(map[string]any)["url"].(string), "https://cdn.example.com/")
		if st, err := os.Stat(filepath.Join(dir, "out", audio)); err != nil || st.Size() == 0 {
			t.Errorf("%s not published: %v", audio, err)
		}
	}
	feedXML := mustRead(t, filepath.Join(dir, "out", "feed.xml"))
	if !strings.Contains(feedXML, "Bridge closes for repairs") || !strings.Contains(feedXML, "Trams return to the high street") {
		t.Errorf("the feed lacks the jobs' episodes")
	}

	cmd.Process.Signal(syscall.SIGTERM)
	errc := make(chan error, 1)
	go func() { <-logs.done; errc <- cmd.Wait() }() // every log line read before Wait closes the pipe
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not stop on SIGTERM")
	}
	if !strings.Contains(logs.String(), "msg=stopped") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// TestServeGracePeriod: after SIGTERM, while a job still runs, the
// server answers: a new job gets 503, /healthz 503, the running job's
// status can be read; the job finishes, and the server stops.
func TestServeGracePeriod(t *testing.T) {
	dir := t.TempDir()
	release := make(chan struct{})
	fetched := make(chan struct{}, 1)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case fetched <- struct{}{}:
		default:
		}
		<-release // the job runs until the test lets the page answer
		io.WriteString(w, storyPage("Trams return", "Li Wei", "The trams return to the high street on Saturday."))
	}))
	defer page.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()
	port := page.URL[strings.LastIndex(page.URL, ":")+1:]
	os.WriteFile(filepath.Join(dir, "aloud.yaml"), []byte("serve:\n  allow: [localhost]\n"), 0o644)
	const token = "a-long-random-test-token-0123456789"
	cmd := aloudCmd(dir, "serve", "--listen", "127.0.0.1:0", "--out", "out", "--grace", "30s", "--queue-file", filepath.Join(dir, "queue.json"))
	cmd.Env = append(cmd.Env, "ALOUD_SERVE_TOKEN="+token, "ALOUD_CACHE=off")
	base, logs := startServe(t, cmd)
	call := func(method, path, body string) (int, map[string]any) {
		return apiCall(t, method, base+path, token, body)
	}
	code, job := call("POST", "/v1/narrations", fmt.Sprintf(`{"url":"http://localhost:%s/news/tram"}`, port))
	if code != 202 {
		t.Fatalf("job: %d %v", code, job)
	}
	<-fetched
	cmd.Process.Signal(syscall.SIGTERM)
	// The server marks itself closing at once; ask until it says so.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if code, _ := call("GET", "/healthz", ""); code == 503 || time.Now().After(deadline) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if code, m := call("POST", "/v1/narrations", `{"title":"Late","text":"Too late."}`); code != 503 {
		t.Errorf("a new job during the grace period: %d %v", code, m)
	}
	if code, m := call("GET", "/healthz", ""); code != 503 || m["status"] != "shutting down" {
		t.Errorf("healthz during the grace period: %d %v", code, m)
	}
	if code, m := call("GET", "/v1/narrations/"+job["id"].(string), ""); code != 200 || m["status"] != "running" {
		t.Errorf("the running job during the grace period: %d %v", code, m)
	}
	close(release)
	done := make(chan error, 1)
	go func() { <-logs.done; done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after the grace period: %v", err)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("the server did not stop after its job")
	}
	if eps := catalogEpisodes(t, filepath.Join(dir, "out")); len(eps) != 1 {
		t.Errorf("the job that ran through the grace period published %d episodes", len(eps))
	}
}

// serveLog is what a serve process logged, kept line by line.
type serveLog struct {
	mu   sync.Mutex
	b    strings.Builder
	done chan struct{} // closed when the log ends
}

func (l *serveLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServe starts cmd (aloud serve) and returns the address it says
// it listens at and its log; the process is killed when the test ends.
func startServe(t *testing.T, cmd *exec.Cmd) (string, *serveLog) {
	t.Helper()
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	logs := &serveLog{done: make(chan struct{})}
	addr := make(chan string, 1)
	go func() {
		defer close(logs.done)
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`address=(http://[0-9.:]+)`)
		for sc.Scan() {
			logs.mu.Lock()
			logs.b.WriteString(sc.Text() + "\n")
			logs.mu.Unlock()
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				addr <- m[1]
			}
		}
	}()
	select {
	case base := <-addr:
		return base, logs
	case <-time.After(20 * time.Second):
		t.Fatalf("the server did not say where it listens:\n%s", logs.String())
		return "", nil
	}
}

// TestServeRoundup: POST /v1/roundups makes the roundup of what the store
// holds, as aloud roundup does: 200 with the result, unchanged the second
// time, 400 for a bad request, 422 when no story matches.
func TestServeRoundup(t *testing.T) {
	dir := t.TempDir()
	stories := roundupStories(t, dir, 2, "")
	if r := aloud(t, dir, append([]string{"narrate", "-q", "--public-base-url", "https://cdn.example.com"}, stories...)...); r.code != 0 {
		t.Fatalf("narrate: exit %d\n%s", r.code, r.stderr)
	}
	const token = "a-long-random-test-token-0123456789"
	cmd := aloudCmd(dir, "serve", "--listen", "127.0.0.1:0", "--out", "out", "--public-base-url", "https://cdn.example.com",
		"--queue-file", filepath.Join(dir, "queue.json"))
	cmd.Env = append(cmd.Env, "ALOUD_SERVE_TOKEN="+token)
	base, _ := startServe(t, cmd)
	post := func(body string) (int, map[string]any) { return apiCall(t, "POST", base+"/v1/roundups", token, body) }
	code, m := post(`{"title":"Evening briefing","since":"48h"}`)
	stories2, _ := m["stories"].([]any)
	if code != 200 || m["ok"] != true || len(stories2) != 2 || !strings.HasPrefix(fmt.Sprint(m["audio_url"]), "https://cdn.example.com/evening-briefing-") {
		t.Fatalf("roundup: %d %v", code, m)
	}
	if _, err := os.Stat(filepath.Join(dir, "out", "roundup.xml")); err != nil {
		t.Errorf("no roundup feed: %v", err)
	}
	if code, m := post(`{"title":"Evening briefing","since":"48h"}`); code != 200 || m["skipped"] != true {
		t.Errorf("the same roundup again: %d %v", code, m)
	}
	for body, want := range map[string]int{`{"since":"whenever"}`: 400, `{"order":"random"}`: 400, `{"feed":"nope.xml"}`: 400,
		`{"colour":"blue"}`: 400, `{"section":"Gardening"}`: 422} {
		if code, m := post(body); code != want {
			t.Errorf("%s: %d %v, want %d", body, code, m, want)
		}
	}
}

// apiCall sends a JSON request with the bearer token and reads the JSON
// answer.
func apiCall(t *testing.T, method, url, token, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	var m map[string]any
	json.NewDecoder(resp.Body).Decode(&m)
	return resp.StatusCode, m
}
