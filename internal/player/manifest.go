// Package player owns what the article page needs to play a narration: the
// per-article manifest JSON, and the embeddable player (script and
// stylesheet) with the snippet and demo page that use it.
package player

import (
	"encoding/json"
	"math"
	"time"

	"github.com/aloud-dev/aloud/internal/episode"
)

// ManifestVersion is bumped when a field changes meaning or goes away.
const ManifestVersion = 1

// Manifest is <slug>.json: everything a player needs to present an episode.
type Manifest struct {
	Version         int       `json:"version"`
	Slug            string    `json:"slug"`
	Title           string    `json:"title"`
	ArticleURL      string    `json:"article_url,omitempty"`
	Audio           Audio     `json:"audio"`
	DurationSeconds float64   `json:"duration_seconds"`
	Voice           string    `json:"voice"`
	Language        string    `json:"language,omitempty"` // the article's, a BCP 47 tag
	Disclosure      string    `json:"disclosure,omitempty"`
	Created         time.Time `json:"created"`
	TranscriptURL   string    `json:"transcript_url,omitempty"` // WebVTT, one cue per sentence
	ChaptersURL     string    `json:"chapters_url,omitempty"`   // Podcasting 2.0 JSON chapters
	Chapters        []Chapter `json:"chapters"`
	Loudness        *Loudness `json:"loudness,omitempty"`
	// Words are per-word timings, from voices whose service returns them.
	Words []Word `json:"words,omitempty"`
}

// Word is one spoken word and its time.
type Word struct {
	Text  string  `json:"text"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// Chapter is a chapter with its start and end in seconds.
type Chapter struct {
	Title string  `json:"title"`
	Start float64 `json:"start"`
	End   float64 `json:"end"`
}

// Loudness is what was measured (EBU R128) and the gain applied.
type Loudness struct {
	InputLUFS      float64 `json:"input_lufs"`
	InputTruePeak  float64 `json:"input_true_peak_dbtp"`
	GainDB         float64 `json:"gain_db"`
	OutputLUFS     float64 `json:"output_lufs"`
	OutputTruePeak float64 `json:"output_true_peak_dbtp"`
	TargetLUFS     float64 `json:"target_lufs"`
	// PeakLimited: the voice's peaks kept one gain below the target.
	PeakLimited bool `json:"peak_limited,omitempty"`
	// Compressed: the gain varied frame by frame (loudness.compress).
	Compressed bool `json:"compressed,omitempty"`
}

// FromEpisode fills the chapters and loudness from a join's result.
func (m *Manifest) FromEpisode(res episode.Result) {
	m.Chapters = []Chapter{}
	for _, c := range res.Chapters {
		m.Chapters = append(m.Chapters, Chapter{Title: c.Title, Start: Seconds(c.Start), End: Seconds(c.End)})
	}
	if l := res.Loudness; l != nil {
		m.Loudness = &Loudness{InputLUFS: l.InputLUFS, InputTruePeak: l.InputTruePeak, GainDB: l.GainDB,
			OutputLUFS: l.OutputLUFS, OutputTruePeak: l.OutputPeak, TargetLUFS: l.TargetLUFS,
			PeakLimited: l.PeakLimited, Compressed: l.Compressed}
	}
}

// Audio is the episode file.
type Audio struct {
	Key       string `json:"key"`
	URL       string `json:"url"`
	Type      string `json:"type"`
	SizeBytes int64  `json:"size_bytes"`
}

// Seconds rounds a duration to milliseconds, as the manifest states it.
func Seconds(d time.Duration) float64 {
	return math.Round(d.Seconds()*1000) / 1000
}

// Encode writes the manifest as indented JSON.
func (m Manifest) Encode() ([]byte, error) {
	m.Version = ManifestVersion
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
