package speech

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// StatusError is a service's refusal of a request: its HTTP status, its own
// error code when it gives one, and its message.
type StatusError struct {
	Backend string
	Status  int
	Code    string
	Message string
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("%s: HTTP %d", e.Backend, e.Status)
	if e.Code != "" {
		s += " " + e.Code
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// FromStatus turns a service's failed answer into the error kind the runner
// branches on: 429 a *RateLimitError with the answer's Retry-After; 400,
// 401, 403, 404, 413, 415 and 422 Permanent (the request or the credentials
// are wrong: retrying cannot help); anything else (5xx, 408) a plain error
// that is retried.
func FromStatus(e *StatusError, h http.Header, now time.Time) error {
	switch e.Status {
	case http.StatusTooManyRequests:
		return &RateLimitError{RetryAfter: RetryAfter(h, now), Err: e}
	case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound,
		http.StatusRequestEntityTooLarge, http.StatusUnsupportedMediaType, http.StatusUnprocessableEntity:
		return Permanent(e)
	}
	return e
}

// RetryAfter reads a Retry-After header: delay-seconds or an HTTP date.
// It answers 0 when there is none or it cannot be read.
func RetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(min(n, 24*3600)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return min(t.Sub(now), 24*time.Hour)
	}
	return 0
}

// MaxErrorBody bounds how much of an error answer is read.
const MaxErrorBody = 64 << 10

// ReadError reads a failed answer's body (at most MaxErrorBody bytes).
func ReadError(r io.Reader) []byte {
	b, _ := io.ReadAll(io.LimitReader(r, MaxErrorBody))
	return b
}

// Redact replaces every secret in s with "[redacted]", so that a service
// that echoes a key in its message cannot leak it into logs.
func Redact(s string, secrets ...string) string {
	for _, sec := range secrets {
		if len(sec) >= 4 {
			s = strings.ReplaceAll(s, sec, "[redacted]")
		}
	}
	return s
}

// Clip shortens a service's message for an error line.
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
