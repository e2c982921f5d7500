package backends

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
	"github.com/aloud-dev/aloud/internal/speech/limit"
	"github.com/aloud-dev/aloud/internal/speech/retry"
)

// Runner wraps a backend in what every backend shares: at most its
// concurrency in flight and its rate per second (one limiter for the whole
// run, however many articles speak at once), retries with backoff that
// honour Retry-After, and a check of every answer before it is accepted.
// The segment cache goes outside it (Cached), so that cached chunks take
// no slot and no token.
func Runner(syn speech.Synthesizer, onRetry func(attempt int, wait time.Duration, err error)) speech.Synthesizer {
	l := syn.Limits()
	conc := l.Concurrency
	if conc <= 0 {
		conc = runtime.NumCPU()
	}
	burst := max(1, int(l.RatePerSecond))
	return retry.New(limit.New(syn, conc, l.RatePerSecond, burst), retry.Options{Validate: CheckAudio, OnRetry: onRetry})
}

// CheckAudio accepts an answer only when it is audio of the format it
// claims, in a format the backend declares: a WAV with samples, or an MP3
// stream of Layer III frames with a duration, nothing cut off at its end
// and no junk or damaged frames inside.
func CheckAudio(r speech.Request, a speech.Audio) error {
	switch a.Format {
	case speech.WAV:
		pcm, err := speech.ParseWAV(a.Data)
		if err != nil {
			return err
		}
		if len(pcm.Data) == 0 {
			return errors.New("a WAV without samples")
		}
		return nil
	case speech.MP3:
	default:
		return fmt.Errorf("format %q", a.Format)
	}
	end := int64(0)
	s, err := mp3.Scan(bytes.NewReader(a.Data), int64(len(a.Data)), func(f mp3.Frame, off int64) error {
		end = max(end, off+int64(len(f.Data)))
		return nil
	})
	if err != nil {
		return fmt.Errorf("%d bytes: %w", len(a.Data), err)
	}
	if s.FrameCount() == 0 || s.Duration() <= 0 {
		return errors.New("no audio frames")
	}
	if rest := a.Data[end:]; len(rest) > 0 && !trailingTag(rest) {
		return fmt.Errorf("truncated: %d bytes after the last whole frame", len(rest))
	}
	if s.Junk > 0 || s.Corrupt > 0 {
		return fmt.Errorf("%d bytes of junk and %d damaged frames between the frames", s.Junk, s.Corrupt)
	}
	return nil
}

// trailingTag reports whether b, what follows the last frame, is tags
// (ID3v1, APEv2, Lyrics3) rather than a frame cut short.
func trailingTag(b []byte) bool {
	for _, p := range [][]byte{[]byte("TAG"), []byte("APETAGEX"), []byte("LYRICSBEGIN"), []byte("ID3")} {
		if bytes.HasPrefix(b, p) {
			return true
		}
	}
	return false
}
