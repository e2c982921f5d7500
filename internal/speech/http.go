package speech

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/aloud-dev/aloud/internal/script"
)

// ErrBadAudio marks an answer that is not the audio asked for: the wrong
// content type, a truncated or undecodable stream, no sound. The runner
// tries such a request once more, then fails; it is never joined.
var ErrBadAudio = errors.New("the answer is not usable audio")

// MaxAudioBytes bounds one answer: about an hour of 128 kbps MP3.
const MaxAudioBytes = 64 << 20

// Call is one HTTP request to a text-to-speech service, made the same way
// by every HTTP backend.
type Call struct {
	Backend string
	Client  *http.Client
	// Secrets are removed from every error (keys a service might echo).
	Secrets []string
	// ReadError reads the service's error body into its code and message.
	ReadError func(body []byte) (code, message string)
}

// Do sends req and reads the answer. A 2xx answer's body is returned whole
// (at most MaxAudioBytes); any other is an error that FromStatus classifies,
// carrying the service's code and message.
func (c Call) Do(ctx context.Context, req *http.Request) ([]byte, http.Header, error) {
	client := c.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req.WithContext(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, fmt.Errorf("%s: %s", c.Backend, Redact(err.Error(), c.Secrets...))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		body := ReadError(resp.Body)
		e := &StatusError{Backend: c.Backend, Status: resp.StatusCode}
		if c.ReadError != nil {
			e.Code, e.Message = c.ReadError(body)
		}
		if e.Message == "" && e.Code == "" {
			e.Message = string(body)
		}
		if strings.TrimSpace(e.Message) == "" {
			e.Message = http.StatusText(resp.StatusCode)
		}
		e.Code, e.Message = Redact(e.Code, c.Secrets...), Clip(Redact(e.Message, c.Secrets...), 300)
		return nil, resp.Header, FromStatus(e, resp.Header, time.Now())
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxAudioBytes+1))
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, fmt.Errorf("%s: reading the answer: %w: %s", c.Backend, ErrBadAudio, Redact(err.Error(), c.Secrets...))
	}
	if len(body) > MaxAudioBytes {
		return nil, nil, Permanent(fmt.Errorf("%s: the answer is larger than %d bytes", c.Backend, MaxAudioBytes))
	}
	return body, resp.Header, nil
}

// CheckAudio returns an ErrBadAudio error unless the answer has a body and
// its Content-Type is one of want.
func CheckAudio(backend string, h http.Header, body []byte, want ...string) error {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	if !slices.Contains(want, mt) {
		return fmt.Errorf("%s: %w: content type %q, want %v", backend, ErrBadAudio, h.Get("Content-Type"), want)
	}
	if len(body) == 0 {
		return fmt.Errorf("%s: %w: an empty answer", backend, ErrBadAudio)
	}
	return nil
}

// CheckURL reports an error naming the backend and the option unless u is
// an absolute http(s) URL with a host.
func CheckURL(backend, option, u string) error {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return fmt.Errorf("%s: %s %q is not an http(s) URL", backend, option, u)
	}
	return nil
}

// WellFormed reports whether an SSML document parses as XML (one
// implementation, the script layer's, for every backend that checks SSML).
func WellFormed(doc string) error { return script.WellFormed(doc) }
