// Package speech defines the Synthesizer contract every text-to-speech backend
// meets, the shapes of requests and answers, the error kinds the runner
// branches on, voice presets, and the registry of backends.
package speech

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Synthesizer is one text-to-speech backend. It is small on purpose: retries,
// limits and caching wrap it from outside.
type Synthesizer interface {
	Name() string
	Limits() Limits
	// Synthesize turns one chunk of text into audio.
	Synthesize(ctx context.Context, r Request) (Audio, error)
}

// Limits is what a backend accepts per request and how hard it may be driven.
type Limits struct {
	MaxChars    int      // most characters of text per request, as the service counts them
	SSML        bool     // whether the backend reads SSML
	Formats     []Format // formats it can answer with, preferred first
	Concurrency int      // requests in flight at once; 0 means one per CPU
}

// Request is one chunk to speak.
type Request struct {
	Text     string
	SSML     bool   // Text is an SSML document
	Language string // BCP 47 tag of the text, when known
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

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p)
}
