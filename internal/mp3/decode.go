package mp3

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/aloud-dev/aloud/internal/mp3/gomp3"
)

// Decoder turns Layer III frames (MPEG-1, 2 and 2.5) into PCM in the
// stream's own channel count, with aloud's patched copy of go-mp3
// (internal/mp3/gomp3; its NOTICE lists the changes): float samples for
// measuring, unclipped, or 16-bit ones for encoding.
type Decoder struct {
	d   *gomp3.Decoder
	buf []float32
}

// NewDecoder decodes the Layer III frames read from r; channels is the
// stream's channel count (1 or 2), checked against its first frame.
func NewDecoder(r io.Reader, channels int) (*Decoder, error) {
	d, err := gomp3.NewDecoder(r)
	if err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	if d.Channels() != channels {
		return nil, fmt.Errorf("decoding: the stream has %d channels, not %d", d.Channels(), channels)
	}
	return &Decoder{d: d}, nil
}

// RateHz is the sample rate of the decoded PCM.
func (d *Decoder) RateHz() int { return d.d.SampleRate() }

// Channels is the decoded PCM's channel count.
func (d *Decoder) Channels() int { return d.d.Channels() }

// ReadFloat fills samples with interleaved samples (1.0 full scale, not
// clipped) and returns how many it filled; io.EOF at the end.
func (d *Decoder) ReadFloat(samples []float32) (int, error) {
	n, err := d.d.ReadFloat(samples)
	if err != nil && err != io.EOF {
		return n, fmt.Errorf("decoding: %w", err)
	}
	return n, err
}

// Read fills samples with interleaved 16-bit PCM (clipped at full scale)
// and returns how many it filled; io.EOF at the end.
func (d *Decoder) Read(samples []int16) (int, error) {
	if cap(d.buf) < len(samples) {
		d.buf = make([]float32, len(samples))
	}
	buf := d.buf[:len(samples)]
	n, err := d.ReadFloat(buf)
	for i, v := range buf[:n] {
		samples[i] = toInt16(v)
	}
	return n, err
}

// toInt16 rounds a float sample to 16 bits, clipping at full scale.
func toInt16(v float32) int16 {
	x := math.Round(float64(v) * 32768)
	return int16(min(max(x, -32768), 32767))
}

// Fallback decodes what the built-in decoder does not read (Layer I and
// II): whole-file bytes in, interleaved PCM, its rate and channels out.
type Fallback func(ctx context.Context, data []byte) (pcm []float32, rateHz, channels int, err error)

// DecodeAll decodes an MPEG audio file held in memory to interleaved
// float PCM (1.0 full scale, unclipped) with its rate and channel count.
// Layer III goes through the built-in decoder, frame by frame as Scan
// finds them (damaged frames skipped, frames whose bit reservoir is
// missing silenced); Layer I and II through fallback, or fail without
// one.
func DecodeAll(ctx context.Context, data []byte, fallback Fallback) ([]float32, int, int, error) {
	s, err := Parse(data)
	if errors.Is(err, ErrNotLayer3) && fallback != nil {
		return fallback(ctx, data)
	}
	if err != nil {
		return nil, 0, 0, err
	}
	var frames bytes.Buffer
	var res Reservoir
	for _, f := range s.Frames {
		fixed, _ := res.Fix(f)
		frames.Write(fixed)
	}
	ch := s.Format.Mode.Channels()
	d, err := NewDecoder(&frames, ch)
	if err != nil {
		return nil, 0, 0, err
	}
	out := make([]float32, 0, s.Samples()*ch)
	buf := make([]float32, 4608*ch)
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, 0, err
		}
		n, err := d.ReadFloat(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, s.Format.RateHz, ch, nil
		}
		if err != nil {
			return nil, 0, 0, err
		}
	}
}
