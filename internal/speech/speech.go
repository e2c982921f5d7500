// Package speech defines the Synthesizer contract every text-to-speech backend
// meets, the shapes of requests and answers, the error kinds the runner
// branches on, voice presets, and the registry of backends.
package speech

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Synthesizer is one text-to-speech backend. It is small on purpose: retries,
// limits and caching wrap it from outside.
type Synthesizer interface {
	Name() string
	Limits() Limits
	// Synthesize turns one chunk of text into audio.
	Synthesize(ctx context.Context, r Request) (Audio, error)
}

// Limits is what a backend accepts per request and how hard it may be driven,
// from the service's documentation.
type Limits struct {
	MaxChars    int      // most characters (Unicode code points) of text per request, as the service counts them
	MaxBytes    int      // most bytes of UTF-8 per request, for services that count bytes; 0 means no such limit
	SSML        bool     // whether the backend reads SSML
	Phonemes    bool     // whether it reads SSML <phoneme alphabet="ipa"> (lexicons go as phonemes, else as aliases)
	Marks       bool     // whether its answers carry word or sentence marks (the cache keeps them beside the audio)
	Formats     []Format // formats it can answer with, preferred first
	Concurrency int      // requests in flight at once; 0 means one per CPU
	// RatePerSecond is the service's default request quota; the runner
	// never starts more requests than this per second. 0 means no limit.
	RatePerSecond float64
	// Billing is how the service counts what it bills.
	Billing Billing
}

// Billing is a service's unit of account.
type Billing int

const (
	// Free engines bill nothing.
	Free Billing = iota
	// PerChar bills every character sent, SSML markup included.
	PerChar
	// PerTextChar bills the characters of the text, SSML tags excluded
	// (Polly, Azure).
	PerTextChar
)

// Billed is how many characters the service bills for r.
func (l Limits) Billed(r Request) int {
	switch l.Billing {
	case PerChar:
		return utf8.RuneCountInString(r.Text)
	case PerTextChar:
		if r.SSML {
			return utf8.RuneCountInString(stripTags(r.Text))
		}
		return utf8.RuneCountInString(r.Text)
	}
	return 0
}

// stripTags drops <…> markup from an SSML document, leaving its text.
func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Request is one chunk to speak.
type Request struct {
	Text     string
	SSML     bool   // Text is an SSML document
	Language string // BCP 47 tag of the text, when known
	// Previous and Next are the text of the chunks around this one. Backends
	// that shape prosody across requests (ElevenLabs) send them; they are a
	// hint, not part of what is spoken, and not part of the cache key.
	Previous, Next string
}

// Format is an audio encoding.
type Format string

// Audio formats a backend may return.
const (
	MP3 Format = "mp3"
	WAV Format = "wav"
)

// Audio is a backend's answer for one chunk.
type Audio struct {
	Format Format
	Data   []byte
	Cached bool // answered from the segment cache: nothing was paid
	// Attempts is how many requests the runner made for it (retries
	// included); 0 when cached.
	Attempts int
	// Marks are word and sentence timings, from backends that return them
	// (Polly speech marks, ElevenLabs alignment), in order.
	Marks []Mark
}

// Mark is the time at which a word or sentence starts in a chunk's audio.
type Mark struct {
	Kind   string        `json:"kind"` // "word" or "sentence"
	Offset time.Duration `json:"offset"`
	Text   string        `json:"text"`
}

// Encoder turns PCM from a local engine into MP3. The speech package defines
// it so that local backends can answer in MP3 like the cloud ones without
// knowing how MP3 is made.
type Encoder interface {
	EncodePCM(ctx context.Context, pcm []byte, rateHz, channels int) ([]byte, error)
}

// RateLimitError is a backend's answer that it is being asked too often.
type RateLimitError struct {
	RetryAfter time.Duration
	Err        error
}

func (e *RateLimitError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("rate limited, retry after %s: %v", e.RetryAfter, e.Err)
	}
	return fmt.Sprintf("rate limited: %v", e.Err)
}

func (e *RateLimitError) Unwrap() error { return e.Err }

// permanentError marks a failure that retrying cannot fix.
type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as one that retrying cannot fix: bad input, bad
// credentials, a missing program.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether err was marked with Permanent, or is of a
// kind that is permanent by nature (a *CredentialsError).
func IsPermanent(err error) bool {
	var p permanentError
	var c *CredentialsError
	return errors.As(err, &p) || errors.As(err, &c)
}

// CredentialsError says that a backend found no credentials to call its
// service with, and how to give it some. Retrying cannot help.
type CredentialsError struct {
	Backend string
	How     string // what to set, e.g. "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
	Err     error  // what the backend's credential lookup said, if anything
}

func (e *CredentialsError) Error() string {
	s := e.Backend + ": no credentials"
	if e.How != "" {
		s += ": " + e.How
	}
	if e.Err != nil {
		s += fmt.Sprintf(" (%v)", e.Err)
	}
	return s
}

func (e *CredentialsError) Unwrap() error { return e.Err }

// Voice is one of a service's voices, as its voice listing names it.
type Voice struct {
	ID       string `json:"id"`
	Name     string `json:"name,omitempty"`
	Language string `json:"language,omitempty"`
	Gender   string `json:"gender,omitempty"`
	Detail   string `json:"detail,omitempty"` // engines, styles, category: what the service says
}

// VoiceLister is a backend whose service can list its voices.
type VoiceLister interface {
	Voices(ctx context.Context, language string) ([]Voice, error)
}
