// Package player owns what the article page needs to play a narration: the
// per-article manifest JSON.
package player

import (
	"encoding/json"
	"math"
	"time"
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
	Disclosure      string    `json:"disclosure,omitempty"`
	Created         time.Time `json:"created"`
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
