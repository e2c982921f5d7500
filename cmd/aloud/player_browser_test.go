package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/aloud-dev/aloud/internal/player"
)

// browser starts Debian's headless Chromium. Without it the test skips,
// unless ALOUD_REQUIRE_BROWSER=1 (set by CI, which installs it).
func browser(t *testing.T) (context.Context, *consoleLog) {
	t.Helper()
	path := os.Getenv("ALOUD_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("ALOUD_REQUIRE_BROWSER") == "1" {
			t.Fatalf("Chromium not found at %s (apt-get install chromium)", path)
		}
		t.Skipf("Chromium not found at %s: skipping the browser test (apt-get install chromium)", path)
	}
	// The profile is not a t.TempDir: Chromium's helper processes may
	// still write to it for a moment after the browser is told to close.
	profile, err := os.MkdirTemp("", "aloud-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(1000, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	log := &consoleLog{}
	// chromedp's protocol types lag Chromium's: events it cannot decode
	// (such as a newer IP address space) are noise, not page errors.
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithErrorf(func(format string, args ...any) {
		if msg := fmt.Sprintf(format, args...); !strings.Contains(msg, "could not unmarshal event") {
			log.add("chromedp: " + msg)
		}
	}))
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
		cancelAlloc()
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeWarning {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				log.add(string(ev.Type) + ": " + strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			log.add("exception: " + ev.ExceptionDetails.Error())
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx, log
}

type consoleLog struct {
	mu    sync.Mutex
	lines []string
}

func (c *consoleLog) add(s string) { c.mu.Lock(); c.lines = append(c.lines, s); c.mu.Unlock() }
func (c *consoleLog) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.lines...)
}

// narrateDemo narrates an article into dir/out, writes demo.html there and
// serves the folder with 'aloud player demo --serve' (stopped when the test
// ends); it returns the episode's manifest and the server's address.
func narrateDemo(t *testing.T, dir, article string) (player.Manifest, string) {
	t.Helper()
	if r := aloud(t, dir, "narrate", "-q", article); r.code != 0 {
		t.Fatalf("narrate: %s", r.stderr)
	}
	cmd := aloudCmd(dir, "player", "demo", "--serve=127.0.0.1:0")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	served := make(chan string, 1)
	read := make(chan struct{})
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		<-read // all of stderr, before Wait closes it
		if err := cmd.Wait(); err != nil {
			t.Errorf("player demo --serve, stopped with Ctrl-C: %v", err)
		}
	})
	go func() {
		defer close(read)
		sc := bufio.NewScanner(stderr)
		var said []string
		for sc.Scan() {
			said = append(said, sc.Text())
			if m := regexp.MustCompile(`at (http://127\.0\.0\.1:[0-9]+)/demo\.html`).FindStringSubmatch(sc.Text()); m != nil {
				served <- m[1]
			}
		}
		close(served)
		if len(said) > 0 {
			t.Logf("player demo --serve said: %s", strings.Join(said, "\n"))
		}
	}()
	var base string
	select {
	case b, ok := <-served:
		if !ok {
			t.Fatal("player demo --serve ended without serving")
		}
		base = b
	case <-time.After(30 * time.Second):
		t.Fatal("player demo --serve did not say where it serves")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, "out", "*.json"))
	for _, m := range matches {
		if strings.HasSuffix(m, ".chapters.json") || strings.HasSuffix(m, "episodes.json") {
			continue
		}
		var man player.Manifest
		b, _ := os.ReadFile(m)
		if json.Unmarshal(b, &man) == nil && man.Slug != "" {
			return man, base
		}
	}
	t.Fatal("no manifest written")
	return player.Manifest{}, ""
}

func clock(sec float64) string {
	s := int(sec)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

func TestPlayerInChromium(t *testing.T) {
	ctx, console := browser(t)
	dir := sampleDir(t)
	m, base := narrateDemo(t, dir, "sample.html")

	var total, title, disclosure string
	var audioDuration float64
	var chapters int
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/demo.html"),
		chromedp.Poll(`document.querySelector('aloud-player').duration > 0 && document.querySelector('aloud-player audio').readyState >= 1 && document.querySelectorAll('.aloud-cue').length > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Text(`.aloud-total`, &total),
		chromedp.Text(`.aloud-title`, &title),
		chromedp.Text(`.aloud-disclosure`, &disclosure),
		chromedp.Evaluate(`document.querySelector('aloud-player audio').duration`, &audioDuration),
		chromedp.Evaluate(`document.querySelectorAll('.aloud-chapter').length`, &chapters),
	)
	if err != nil {
		t.Fatalf("loading the demo: %v (console: %v)", err, console.all())
	}
	if total != clock(m.DurationSeconds) || title != m.Title || disclosure != m.Disclosure {
		t.Errorf("shows %q / %q / %q; manifest %s / %q / %q", total, title, disclosure, clock(m.DurationSeconds), m.Title, m.Disclosure)
	}
	// Chromium's own duration for the file: within a frame of the manifest's.
	if math.Abs(audioDuration-m.DurationSeconds) > 0.1 {
		t.Errorf("the browser's audio.duration is %.3f s, the manifest says %.3f s", audioDuration, m.DurationSeconds)
	}
	t.Logf("manifest %.3f s, Chromium audio.duration %.3f s", m.DurationSeconds, audioDuration)
	if chapters != len(m.Chapters) || chapters < 3 {
		t.Fatalf("%d chapter buttons, manifest has %d", chapters, len(m.Chapters))
	}

	// Play.
	var playing bool
	err = chromedp.Run(ctx,
		chromedp.Click(`.aloud-play`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('aloud-player audio').currentTime > 0.5`, nil, chromedp.WithPollingTimeout(15*time.Second)),
		chromedp.Evaluate(`!document.querySelector('aloud-player audio').paused`, &playing),
	)
	if err != nil || !playing {
		t.Fatalf("play: playing=%v %v (console: %v)", playing, err, console.all())
	}

	// Seek with the seek bar.
	var afterSeek float64
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => { const p = document.querySelector('aloud-player'); p.audio.pause();
			const s = p.querySelector('.aloud-seek'); s.value = '40'; s.dispatchEvent(new Event('input', {bubbles: true})); })()`, nil),
		chromedp.Poll(`document.querySelector('aloud-player audio').seeking === false`, nil),
		chromedp.Evaluate(`document.querySelector('aloud-player audio').currentTime`, &afterSeek),
	)
	if err != nil || math.Abs(afterSeek-40) > 0.05 {
		t.Errorf("seek to 40 s: at %.3f s, %v", afterSeek, err)
	}

	// Jump to the third chapter: currentTime is its start.
	var atChapter float64
	err = chromedp.Run(ctx,
		chromedp.Click(`.aloud-chapters li:nth-child(3) button`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('aloud-player audio').seeking === false`, nil),
		chromedp.Evaluate(`document.querySelector('aloud-player audio').currentTime`, &atChapter),
	)
	if err != nil || math.Abs(atChapter-m.Chapters[2].Start) > 0.001 {
		t.Errorf("chapter %q starts at %.3f s; currentTime %.3f s, %v", m.Chapters[2].Title, m.Chapters[2].Start, atChapter, err)
	}

	// Speed.
	var rate float64
	err = chromedp.Run(ctx,
		chromedp.SetValue(`.aloud-speed`, "1.5", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('.aloud-speed').dispatchEvent(new Event('change'))`, nil),
		chromedp.Evaluate(`document.querySelector('aloud-player audio').playbackRate`, &rate),
	)
	if err != nil || rate != 1.5 {
		t.Errorf("speed: playbackRate %v, %v", rate, err)
	}

	// Highlight: jump into a sentence of the body; the highlighted text on
	// the page and in the transcript is the cue whose span holds currentTime.
	var hl struct {
		Time      float64 `json:"time"`
		Cue       string  `json:"cue"`
		CueStart  float64 `json:"cueStart"`
		CueEnd    float64 `json:"cueEnd"`
		Page      string  `json:"page"`
		Panel     string  `json:"panel"`
		Highlight bool    `json:"highlight"`
		Painted   string  `json:"painted"`
	}
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => { const p = document.querySelector('aloud-player');
			const c = p.cues[Math.floor(p.cues.length / 2)]; p.audio.currentTime = (c.start + c.end) / 2; })()`, nil),
		chromedp.Poll(`document.querySelector('aloud-player audio').seeking === false`, nil),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`(() => { const p = document.querySelector('aloud-player'); const t = p.audio.currentTime;
			const c = p.cues.find(c => t >= c.start && t < c.end);
			const h = CSS.highlights.get('aloud-current');
			const r = h ? [...h][0] : null;
			const cur = p.querySelector('.aloud-cue.aloud-current');
			return {time: t, cue: c ? c.text : '', cueStart: c ? c.start : -1, cueEnd: c ? c.end : -1,
				page: r ? r.toString() : '', panel: cur ? cur.textContent : '', highlight: !!h,
				painted: getComputedStyle(document.querySelector('#article-text p'), '::highlight(aloud-current)').backgroundColor}; })()`, &hl),
	)
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	if err != nil || hl.Cue == "" || !hl.Highlight || norm(hl.Page) != norm(hl.Cue) || norm(hl.Panel) != norm(hl.Cue) {
		t.Errorf("highlight at %.2f s: cue %q [%.2f, %.2f), page %q, panel %q, %v", hl.Time, hl.Cue, hl.CueStart, hl.CueEnd, hl.Page, hl.Panel, err)
	}
	if hl.Painted == "" || hl.Painted == "rgba(0, 0, 0, 0)" {
		t.Errorf("the page highlight paints no background: %q", hl.Painted)
	}

	// A picture of the page with a sentence highlighted and the transcript
	// open, in the test's artifact folder (go test -artifacts keeps it).
	var shot []byte
	err = chromedp.Run(ctx,
		chromedp.Click(`.aloud-transcript-toggle`, chromedp.ByQuery),
		chromedp.FullScreenshot(&shot, 100))
	if err != nil {
		t.Errorf("screenshot: %v", err)
	} else {
		path := filepath.Join(t.ArtifactDir(), "player.png")
		if err := os.WriteFile(path, shot, 0o644); err != nil {
			t.Error(err)
		}
		t.Logf("screenshot: %s", path)
	}

	// Keyboard: "k" toggles playback when the player has focus.
	var pausedAfterKey bool
	err = chromedp.Run(ctx,
		chromedp.Focus(`.aloud-back`, chromedp.ByQuery),
		chromedp.KeyEvent("k"),
		chromedp.Poll(`!document.querySelector('aloud-player audio').paused`, nil, chromedp.WithPollingTimeout(5*time.Second)),
		chromedp.KeyEvent("k"),
		chromedp.Evaluate(`document.querySelector('aloud-player audio').paused`, &pausedAfterKey),
	)
	if err != nil || !pausedAfterKey {
		t.Errorf("keyboard k: paused=%v %v", pausedAfterKey, err)
	}

	// Narrow screens: at 360 px nothing overflows sideways. Reduced
	// motion: the transcript's transition is off.
	var overflow bool
	var transition string
	err = chromedp.Run(ctx,
		chromedp.EmulateViewport(360, 800),
		chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth ||
			document.querySelector('aloud-player').getBoundingClientRect().right > document.documentElement.clientWidth`, &overflow),
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{{Name: "prefers-reduced-motion", Value: "reduce"}}),
		chromedp.Evaluate(`getComputedStyle(document.querySelector('.aloud-cue')).transitionDuration`, &transition),
		emulation.SetEmulatedMedia().WithFeatures([]*emulation.MediaFeature{}),
		chromedp.EmulateViewport(1000, 900),
	)
	if err != nil || overflow {
		t.Errorf("at 360 px the page overflows sideways: %v %v", overflow, err)
	}
	if transition != "0s" {
		t.Errorf("with reduced motion the transition is %q, want 0s", transition)
	}

	// The position is remembered per article across a reload.
	var before, restored float64
	err = chromedp.Run(ctx,
		chromedp.Evaluate(`(() => { const a = document.querySelector('aloud-player audio'); a.currentTime = 33.7; a.pause();
			a.dispatchEvent(new Event('pause')); return a.currentTime; })()`, &before),
		chromedp.Reload(),
		chromedp.Poll(`document.querySelector('aloud-player').duration > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Poll(`document.querySelector('aloud-player audio').currentTime > 0`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`document.querySelector('aloud-player audio').currentTime`, &restored),
	)
	if err != nil || math.Abs(restored-33) > 0.01 {
		t.Errorf("position after reload %.2f s, saved at %.2f s: %v", restored, before, err)
	}

	for _, l := range console.all() {
		t.Errorf("console: %s", l)
	}
}

// TestPlayerEscapesArticleText narrates text with markup and quotes: the
// demo page and the player show it as text and never run it.
func TestPlayerEscapesArticleText(t *testing.T) {
	ctx, console := browser(t)
	dir := t.TempDir()
	article := "A headline about \"quotes\" & markup\n\n" +
		"The reporter typed <script>window.pwned = 1</script> into the form, then \"quoted\" it & left.\n\n" +
		"Another paragraph with <img src=x onerror=\"window.pwned = 2\"> in it."
	os.WriteFile(filepath.Join(dir, "hostile.txt"), []byte(article), 0o644)
	_, base := narrateDemo(t, dir, "hostile.txt")
	var pwned string
	var pageText, panelText string
	err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/demo.html"),
		chromedp.Poll(`document.querySelectorAll('.aloud-cue').length > 0`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`String(window.pwned)`, &pwned),
		chromedp.Evaluate(`document.querySelector('#article-text').textContent`, &pageText),
		chromedp.Evaluate(`document.querySelector('.aloud-transcript').textContent`, &panelText),
	)
	if err != nil {
		t.Fatalf("%v (console: %v)", err, console.all())
	}
	if pwned != "undefined" {
		t.Errorf("article text ran as code: window.pwned = %s", pwned)
	}
	for _, want := range []string{`<script>window.pwned = 1</script>`, `"quoted" it & left`, `<img src=x onerror="window.pwned = 2">`} {
		if !strings.Contains(pageText, want) {
			t.Errorf("page text lacks %q: %q", want, pageText)
		}
		if !strings.Contains(panelText, want) {
			t.Errorf("transcript panel lacks %q: %q", want, panelText)
		}
	}
	var n int
	chromedp.Run(ctx, chromedp.Evaluate(`document.querySelectorAll('#article-text script, #article-text img, .aloud-transcript script, .aloud-transcript img').length`, &n))
	if n != 0 {
		t.Errorf("%d script or img elements made from article text", n)
	}
	for _, l := range console.all() {
		t.Errorf("console: %s", l)
	}
}
