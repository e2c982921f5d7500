package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/bogem/id3v2/v2"
	gomp3 "github.com/hajimehoshi/go-mp3"
	"github.com/mmcdole/gofeed"

	"github.com/aloud-dev/aloud/internal/config"
	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/narrate"
	"github.com/aloud-dev/aloud/internal/player"
	"github.com/aloud-dev/aloud/internal/script"
	"github.com/aloud-dev/aloud/internal/source"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/espeak"
)

// binary is aloud built once for the whole run, with the user's build
// cache (make test's go vet has compiled its packages already, so this is
// mostly a link), and as it ships: no race detector, no test code, so the
// benchmarks measure the real program.
var binary string

func TestMain(m *testing.M) {
	dir, err := testRunDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "aloud")
	if out, err := exec.Command("go", "build", "-buildvcs=auto", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building aloud: %v\n%s", err, out)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	// Everything the run writes goes below dir, set only now that the
	// build has used the user's cache: the tests' temporary folders
	// (t.TempDir reads TMPDIR), aloud's own, and the segment cache, never
	// the user's (tests that count synthesis set ALOUD_CACHE themselves).
	os.Setenv("TMPDIR", dir)
	os.Setenv("XDG_CACHE_HOME", filepath.Join(dir, "cache"))
	code := m.Run()
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintf(os.Stderr, "removing %s: %v\n", dir, err)
	}
	os.Exit(code)
}

// testRunDir makes the run's folder, aloud-e2e-PID in the system's
// temporary folder, after removing those of earlier runs whose process is
// gone: a run killed by its timeout or by a signal cannot clean up after
// itself, the next one does.
func testRunDir() (string, error) {
	tmp := os.TempDir()
	stale, _ := filepath.Glob(filepath.Join(tmp, "aloud-e2e-*"))
	for _, d := range stale {
		pid, err := strconv.Atoi(strings.TrimPrefix(filepath.Base(d), "aloud-e2e-"))
		if err == nil && !processAlive(pid) {
			os.RemoveAll(d)
		}
	}
	dir := filepath.Join(tmp, fmt.Sprintf("aloud-e2e-%d", os.Getpid()))
	os.RemoveAll(dir) // a dead run's, if the PID came round again
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", fmt.Errorf("making the test run's folder: %w", err)
	}
	return dir, nil
}

// processAlive reports whether a process with this PID exists (signal 0
// checks without sending anything).
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}

type runResult struct {
	stdout, stderr string
	code           int
}

// aloud runs the built binary in dir.
func aloud(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	return execute(aloudCmd(dir, args...))
}

// execute runs cmd and collects its output and exit status; a failure to
// start it at all is status -1 with the reason on stderr.
func execute(cmd *exec.Cmd) runResult {
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
		stderr.WriteString(err.Error())
	}
	return runResult{stdout.String(), stderr.String(), code}
}

// aloudCmd is the built binary set to run in dir, with no ALOUD_*
// settings from the environment that would change what the test expects.
func aloudCmd(dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "ALOUD_PUBLIC_BASE_URL=", "ALOUD_VOICE=", "ALOUD_OUT=", "ALOUD_STORE=")
	return cmd
}

func sampleDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile("../../examples/sample-article.html")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "sample.html"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func decodedSeconds(t *testing.T, b []byte) float64 {
	t.Helper()
	d, err := gomp3.NewDecoder(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("go-mp3: %v", err)
	}
	n, err := io.Copy(io.Discard, d)
	if err != nil {
		t.Fatalf("go-mp3: %v", err)
	}
	// go-mp3 plays the Info header frame as 576 samples of silence.
	return float64(n/4-576) / float64(d.SampleRate())
}

// expectedSeconds synthesizes the article's script chunk by chunk with the
// default voice, independently of the pipeline, and adds the pauses.
func expectedSeconds(t *testing.T, path string) float64 {
	t.Helper()
	a, err := (&source.Loader{}).Load(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	sc, err := script.Build(a, script.Options{MaxChars: 2000, Disclosure: cfg.Disclosure, Pauses: script.Pauses(cfg.Pauses)})
	if err != nil {
		t.Fatal(err)
	}
	ec := espeak.NewConfig()
	ec.Encoder = &mp3.Lame{}
	syn, err := espeak.New(ec)
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, c := range sc.Chunks {
		au, err := syn.Synthesize(context.Background(), speech.Request{Text: c.Text})
		if err != nil {
			t.Fatal(err)
		}
		total += decodedSeconds(t, au.Data) + c.PauseBefore.Seconds()
	}
	return total
}

func TestNarrateEndToEnd(t *testing.T) {
	dir := sampleDir(t)
	out := filepath.Join(dir, "out")

	// Serve the output folder as a web server would, and publish with its
	// address as the public base URL.
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	r := aloud(t, dir, "narrate", "--json", "--public-base-url", srv.URL, "sample.html")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], `{"summary":{"narrated":1,`) {
		t.Fatalf("--json printed %d lines, want a result and a summary: %q", len(lines), r.stdout)
	}
	var res narrate.Result
	if err := json.Unmarshal([]byte(lines[0]), &res); err != nil {
		t.Fatal(err)
	}
	slug := "riverside-library-stays-open-late-after-volunteers-step-in"
	if !res.OK || res.Slug != slug || !versionKey(slug, ".mp3").MatchString(res.AudioKey) || res.AudioURL != srv.URL+"/"+res.AudioKey {
		t.Fatalf("result %+v", res)
	}

	audio, err := os.ReadFile(filepath.Join(out, res.AudioKey))
	if err != nil {
		t.Fatal(err)
	}
	got := decodedSeconds(t, audio)
	want := expectedSeconds(t, filepath.Join(dir, "sample.html"))
	if math.Abs(got-want)/want > 0.02 {
		t.Errorf("episode decodes to %.3f s; segments plus pauses are %.3f s (more than 2%% apart)", got, want)
	}
	t.Logf("episode %.3f s, segments plus pauses %.3f s", got, want)

	tag, err := id3v2.ParseReader(bytes.NewReader(audio), id3v2.Options{Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	if tag.Title() != "Riverside library stays open late after volunteers step in" || tag.Artist() != "Dana Whitfield" ||
		tag.Album() != "The Millbrook Courier" || !strings.HasPrefix(tag.GetTextFrame("TDRC").Text, "2026-11-20") {
		t.Errorf("ID3 %q %q %q %q", tag.Title(), tag.Artist(), tag.Album(), tag.GetTextFrame("TDRC").Text)
	}
	// No cover_image and no lead image: the default art, as the feed's.
	pics := tag.GetFrames(tag.CommonID("Attached picture"))
	if len(pics) != 1 {
		t.Errorf("%d pictures in the tag, want the default cover art", len(pics))
	} else if pic, ok := pics[0].(id3v2.PictureFrame); !ok || pic.MimeType != "image/png" || len(pic.Picture) < 100 {
		t.Errorf("cover art %T %q, %d bytes", pics[0], pic.MimeType, len(pic.Picture))
	}

	var m player.Manifest
	mb, err := os.ReadFile(filepath.Join(out, slug+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(mb, &m); err != nil {
		t.Fatal(err)
	}
	// The manifest states what a gapless player plays: the decoded
	// frames less the encoder delay and padding the LAME tag declares.
	st, err := mp3.Parse(audio)
	if err != nil {
		t.Fatal(err)
	}
	gapless := got - float64(st.Header.Delay+st.Header.Padding)/float64(st.Format.RateHz)
	if math.Abs(m.DurationSeconds-gapless) > 0.001 || m.Audio.SizeBytes != int64(len(audio)) || m.Audio.URL != res.AudioURL ||
		m.ArticleURL != "https://courier.example.com/news/riverside-library-late-hours" || m.Voice != "en-espeak" || m.Created.IsZero() {
		t.Errorf("manifest %+v (decoded %.3f s, %d bytes)", m, got, len(audio))
	}

	// A podcast app's view: fetch the feed over HTTP, parse it, download the
	// enclosure.
	f, err := gofeed.NewParser().ParseURL(srv.URL + "/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != 1 || len(f.Items[0].Enclosures) != 1 {
		t.Fatalf("feed items %+v", f.Items)
	}
	enc := f.Items[0].Enclosures[0]
	if enc.Length != fmt.Sprint(len(audio)) || enc.URL != res.AudioURL || enc.Type != "audio/mpeg" {
		t.Errorf("enclosure %+v, file is %d bytes", enc, len(audio))
	}
	resp, err := http.Get(enc.URL)
	if err != nil {
		t.Fatal(err)
	}
	fetched, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !bytes.Equal(fetched, audio) {
		t.Error("the enclosure URL does not serve the episode")
	}
	if strings.Contains(r.stderr, "no public base URL") {
		t.Error("warned about a missing public base URL although one was given")
	}
}

func TestNarrateTwiceAndSecondArticle(t *testing.T) {
	dir := sampleDir(t)
	os.WriteFile(filepath.Join(dir, "second.md"), []byte("# Ferry timetable changes\n\nBy Sam Okafor\n\nThe ferry will run every half hour from Monday.\n"), 0o644)
	items := func() []*gofeed.Item {
		t.Helper()
		f, err := gofeed.NewParser().ParseString(mustRead(t, filepath.Join(dir, "out", "feed.xml")))
		if err != nil {
			t.Fatal(err)
		}
		return f.Items
	}
	for i := range 2 {
		if r := aloud(t, dir, "narrate", "-q", "sample.html"); r.code != 0 {
			t.Fatalf("run %d: exit %d\n%s", i, r.code, r.stderr)
		}
	}
	if it := items(); len(it) != 1 {
		t.Fatalf("after narrating the same article twice: %d items", len(it))
	}
	r := aloud(t, dir, "narrate", "sample.html", "second.md")
	if r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	it := items()
	if len(it) != 2 || it[0].Title != "Ferry timetable changes" || it[1].Title != "Riverside library stays open late after volunteers step in" {
		t.Fatalf("items %d, want the new article first", len(it))
	}
	if !strings.Contains(r.stderr, "no public base URL") || !strings.Contains(r.stdout, "unchanged \"Riverside") ||
		!strings.Contains(r.stderr, "summary: 1 narrated, 0 updated, 1 skipped, 0 failed") {
		t.Errorf("stdout %q\nstderr %q", r.stdout, r.stderr)
	}
	r = aloud(t, dir, "narrate", "--force", "sample.html")
	if r.code != 0 || !strings.Contains(r.stdout, "re-narrated \"Riverside") || len(items()) != 2 {
		t.Errorf("--force: exit %d, stdout %q", r.code, r.stdout)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "out", "*"))
	if len(files) != 12 {
		t.Errorf("out holds %v, want 2 × (mp3, json, vtt, chapters.json) + feed + catalog + player/ + cover.png", files)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// snapshot records every file under dir with its content hash and time.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, _ := d.Info()
		b, _ := os.ReadFile(p)
		snap[p] = fmt.Sprintf("%v %x %v", info.Mode(), sha256.Sum256(b), info.ModTime().UnixNano())
		return nil
	})
	return snap
}

func TestNarrateBadInput(t *testing.T) {
	dir := sampleDir(t)
	if r := aloud(t, dir, "narrate", "-q", "sample.html"); r.code != 0 {
		t.Fatalf("setup: %s", r.stderr)
	}
	write := func(name string, b []byte) string {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
		return name
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>filler text filler text</p>\n"), 2048)
		for n := 0; n < 50<<20; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := "http://" + l.Addr().String() + "/story"
	l.Close()

	tests := []struct {
		name, input, want string
	}{
		{"missing file", "nope.html", "no such file"},
		{"empty file", write("empty.html", nil), "is empty"},
		{"binary file", write("photo.md", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")), "is not text"},
		{"no article text", write("nav.html", []byte("<html><body><nav><a href=/>Home</a></nav></body></html>")), "has no article text"},
		{"unreachable URL", closed, "cannot fetch"},
		{"404", srv.URL + "/missing", "404 Not Found"},
		{"not HTML", srv.URL + "/image.png", `content type "image/png"`},
		{"50 MB page", srv.URL + "/huge", "is too large"},
	}
	out := filepath.Join(dir, "out")
	before := snapshot(t, out)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := aloud(t, dir, "narrate", tc.input)
			if r.code != 1 {
				t.Errorf("exit %d, want 1", r.code)
			}
			if !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, tc.input) {
				t.Errorf("stderr %q: want %q naming %s", r.stderr, tc.want, tc.input)
			}
			after := snapshot(t, out)
			if fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("out/ changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}

	// One bad article among good ones: the good one is narrated, exit 1.
	r := aloud(t, dir, "narrate", "--json", "nope.html", "sample.html")
	if r.code != 1 || strings.Count(r.stdout, "\n") != 3 || !strings.Contains(r.stdout, `"ok":true`) || !strings.Contains(r.stdout, `"ok":false`) ||
		!strings.Contains(r.stdout, `"failed":1,"failures":["nope.html: no such file"]`) {
		t.Errorf("mixed batch: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	dir := sampleDir(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no article", []string{"narrate"}, "needs at least one ARTICLE"},
		{"unknown flag", []string{"narrate", "--nope", "x"}, "unknown flag"},
		{"bad base url", []string{"narrate", "--public-base-url", "cdn.example.com", "sample.html"}, "--public-base-url"},
		{"unknown voice", []string{"narrate", "--voice", "xx", "sample.html"}, `voice "xx": unknown voice preset`},
		{"missing config", []string{"--config", "nope.yaml", "narrate", "sample.html"}, "nope.yaml"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := aloud(t, dir, tc.args...)
			if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", r.code, r.stderr, tc.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("a usage error created out/")
	}
	r := aloud(t, dir, "voices")
	if r.code != 0 || !strings.Contains(r.stdout, "en-espeak") {
		t.Errorf("voices: %d %q", r.code, r.stdout)
	}
	r = aloud(t, dir, "narrate", "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "--public-base-url") {
		t.Errorf("help: %d %q", r.code, r.stdout)
	}
}

// versionKey matches the key of an episode file's version: the slug, the
// first 12 hex digits of the audio's hash, the extension.
func versionKey(slug, ext string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(slug) + `-[0-9a-f]{12}` + regexp.QuoteMeta(ext) + `$`)
}

// catalogEpisodes reads the catalog of the folder store out.
func catalogEpisodes(t *testing.T, out string) map[string]feed.Episode {
	t.Helper()
	c, err := feed.ParseCatalog([]byte(mustRead(t, filepath.Join(out, "episodes.json"))))
	if err != nil {
		t.Fatal(err)
	}
	eps := map[string]feed.Episode{}
	for _, e := range c.Episodes {
		eps[e.Slug] = e
	}
	return eps
}
