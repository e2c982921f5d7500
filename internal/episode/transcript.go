package episode

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aloud-dev/aloud/internal/script"
)

// Cue is one sentence of the transcript with its time in the episode.
type Cue struct {
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
	Text  string        `json:"text"`
}

// Cues times every sentence of the script. A chunk's time comes from the
// join; inside a chunk of several sentences, the voice's own sentence marks
// place the boundaries when it gave one for each; otherwise its span is
// shared in proportion to their characters, and each boundary moves to the
// nearest silence found in the audio there (a voice pauses between
// sentences).
func Cues(chunks []script.Chunk, timings []Timing) []Cue {
	var cues []Cue
	for i, c := range chunks {
		if i >= len(timings) {
			break
		}
		t := timings[i]
		sents := script.Sentences(c.Text)
		if len(sents) == 0 {
			continue
		}
		// A sentence's share of the chunk's time follows what was said:
		// "$20.50" takes as long as "twenty dollars fifty cents".
		weights := make([]int, len(sents))
		said := sents
		if c.Spoken != "" && !c.SSML {
			if sp := script.Sentences(c.Spoken); len(sp) == len(sents) {
				said = sp
			}
		}
		total := 0
		for k, s := range said {
			weights[k] = utf8.RuneCountInString(s)
			total += weights[k]
		}
		span := t.End - t.Start
		start, acc := t.Start, 0
		marked := len(t.Sentences) == len(sents)-1
		for k, s := range sents {
			acc += weights[k]
			end := t.End
			switch {
			case k == len(sents)-1:
			case marked:
				end = min(max(t.Sentences[k], start), t.End)
			default:
				end = t.Start + time.Duration(float64(span)*float64(acc)/float64(total))
				end = snap(end, t.Silences, start, t.End, span/time.Duration(2*len(sents)))
			}
			cues = append(cues, Cue{Start: start, End: end, Text: s})
			start = end
		}
	}
	return cues
}

// snap moves t to the nearest silence within reach that keeps cues in order.
func snap(t time.Duration, silences []time.Duration, lo, hi, reach time.Duration) time.Duration {
	best, bestD := t, reach
	for _, s := range silences {
		if s <= lo || s >= hi {
			continue
		}
		if d := time.Duration(math.Abs(float64(s - t))); d < bestD {
			best, bestD = s, d
		}
	}
	return best
}

// WriteVTT renders cues as a WebVTT file (W3C WebVTT: a header line, then
// cues of "start --> end" and their text).
func WriteVTT(cues []Cue, language string) []byte {
	var b strings.Builder
	b.WriteString("WEBVTT\n")
	if language != "" && !strings.ContainsAny(language, "\r\n") {
		// A header line in the block after WEBVTT, as browsers and
		// podcast apps read it (Kind: and Language: in WebVTT practice).
		fmt.Fprintf(&b, "Language: %s\n", language)
	}
	for i, c := range cues {
		fmt.Fprintf(&b, "\n%d\n%s --> %s\n%s\n", i+1, vttTime(c.Start), vttTime(c.End), vttEscape(c.Text))
	}
	return []byte(b.String())
}

func vttTime(d time.Duration) string {
	ms := d.Milliseconds()
	return fmt.Sprintf("%02d:%02d:%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
}

// vttEscape keeps cue text from being read as markup or a cue timing line.
func vttEscape(s string) string {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	return strings.ReplaceAll(s, "-->", "--&gt;")
}

// ChaptersJSON renders the Podcasting 2.0 JSON chapters format (version
// 1.2.0: {"version", "chapters": [{"startTime", "endTime", "title"}]},
// times in seconds).
func ChaptersJSON(chs []ChapterTiming) ([]byte, error) {
	type chapter struct {
		StartTime float64 `json:"startTime"`
		EndTime   float64 `json:"endTime,omitempty"`
		Title     string  `json:"title"`
		URL       string  `json:"url,omitempty"`
	}
	doc := struct {
		Version  string    `json:"version"`
		Chapters []chapter `json:"chapters"`
	}{Version: "1.2.0", Chapters: []chapter{}}
	for _, c := range chs {
		doc.Chapters = append(doc.Chapters, chapter{StartTime: seconds(c.Start), EndTime: seconds(c.End), Title: c.Title, URL: c.URL})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func seconds(d time.Duration) float64 { return math.Round(d.Seconds()*1000) / 1000 }

// ParseVTT reads a WebVTT file's cues (the subset aloud writes and common
// players accept: optional identifiers, "start --> end" with optional cue
// settings, text lines). Entities aloud escapes are unescaped.
func ParseVTT(data []byte) ([]Cue, error) {
	text := strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n")
	if !strings.HasPrefix(text, "WEBVTT") {
		return nil, fmt.Errorf("not a WebVTT file: it does not start with WEBVTT")
	}
	unescape := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")
	var cues []Cue
	for _, block := range strings.Split(text, "\n\n") {
		lines := strings.Split(strings.Trim(block, "\n"), "\n")
		for i, l := range lines {
			a, b, ok := strings.Cut(l, "-->")
			if !ok {
				continue
			}
			start, err1 := parseVTTTime(a)
			end, err2 := parseVTTTime(strings.Fields(b + " x")[0])
			if err1 != nil || err2 != nil || end < start {
				return nil, fmt.Errorf("cue %d: bad timing %q", len(cues)+1, l)
			}
			cues = append(cues, Cue{Start: start, End: end, Text: unescape.Replace(strings.Join(lines[i+1:], " "))})
			break
		}
	}
	return cues, nil
}

func parseVTTTime(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, fmt.Errorf("bad time %q", s)
	}
	var h, m int
	var sec float64
	var err error
	if len(parts) == 3 {
		if _, err = fmt.Sscanf(parts[0], "%d", &h); err != nil {
			return 0, err
		}
		parts = parts[1:]
	}
	if _, err = fmt.Sscanf(parts[0], "%d", &m); err != nil {
		return 0, err
	}
	if _, err = fmt.Sscanf(parts[1], "%f", &sec); err != nil {
		return 0, err
	}
	if h < 0 || m < 0 || m > 59 || sec < 0 || sec >= 60 {
		return 0, fmt.Errorf("bad time %q", s)
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec*float64(time.Second)+0.5), nil
}
