package episode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// harmonize finds the Layer III format most of the audio is in, reading
// only each segment's first frames, and re-encodes the other segments
// (WAV from local engines, Layer I and II, other rates and channel
// counts) to it at its bitrate: decoded (internal/mp3's decoder, or the
// encoder's own for Layer I and II), channels mixed, resampled with a
// band-limited filter, encoded once. Only the minority is touched; the
// rest stays bit for bit as it was.
func harmonize(ctx context.Context, segs []Segment, enc speech.Encoder) ([]Segment, []int, error) {
	if len(segs) == 0 {
		return nil, nil, fmt.Errorf("episode: %w", ErrNoSegments)
	}
	out := make([]Segment, len(segs))
	copy(out, segs)
	weight := map[mp3.Format]int64{}
	var order []mp3.Format
	probed := make([]bool, len(segs))
	for i, sg := range out {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		if sg.Format == speech.WAV {
			continue
		}
		r, size, done, err := sg.open()
		if err != nil {
			return nil, nil, &SegmentError{Index: i, Err: err}
		}
		f, kbps, err := mp3.Probe(r, size)
		done()
		if errors.Is(err, mp3.ErrNotLayer3) {
			continue // Layer I or II: re-encoded below, like WAV
		}
		if err != nil {
			return nil, nil, &SegmentError{Index: i, Err: err}
		}
		out[i].format, out[i].kbps, probed[i] = canonical(f), kbps, true
		if _, seen := weight[out[i].format]; !seen {
			order = append(order, out[i].format)
		}
		out[i].Size = size
		weight[out[i].format] += size * 1000 / int64(kbps) // ∝ duration
	}
	var target mp3.Format
	best := int64(-1)
	for _, f := range order {
		if weight[f] > best {
			target, best = f, weight[f]
		}
	}
	// The bitrate to re-encode at: the target's, when its segments share
	// one (0: the encoder's default).
	targetKbps := -1
	for i, sg := range out {
		if probed[i] && sg.format == target {
			switch {
			case targetKbps == -1:
				targetKbps = sg.kbps
			case targetKbps != sg.kbps:
				targetKbps = 0
			}
		}
	}
	targetKbps = max(targetKbps, 0)
	var reencoded []int
	firstRate, firstCh := 0, 0
	for i, sg := range out {
		if probed[i] && sg.format == target {
			continue
		}
		if enc == nil {
			what := "WAV or MPEG Layer I/II"
			if probed[i] {
				what = sg.format.String()
			}
			if best < 0 {
				return nil, nil, &SegmentError{Index: i, Err: fmt.Errorf("is %s, not MPEG Layer III, and no encoder is configured to make it MP3: %w", what, ErrMismatch)}
			}
			return nil, nil, &SegmentError{Index: i, Err: fmt.Errorf("is %s, the others %s, and no encoder is configured: %w", what, target, ErrMismatch)}
		}
		pcm, rate, ch, err := decodeSegment(ctx, sg, sg.Format == speech.WAV, enc)
		if err != nil {
			return nil, nil, &SegmentError{Index: i, Err: err}
		}
		outRate, outCh := rate, ch
		switch {
		case best >= 0:
			outRate, outCh = target.RateHz, target.Mode.Channels()
		case firstRate > 0: // all WAV: the first sets the format
			outRate, outCh = firstRate, firstCh
		default:
			firstRate, firstCh = rate, ch
		}
		pcm = resample(pcm, rate, ch, outRate, outCh)
		raw := make([]byte, 2*len(pcm))
		for k, v := range pcm {
			raw[2*k], raw[2*k+1] = byte(v), byte(uint16(v)>>8)
		}
		var data []byte
		if at, ok := enc.(bitrateEncoder); ok && best >= 0 {
			data, err = at.EncodePCMAt(ctx, raw, outRate, outCh, targetKbps)
		} else {
			data, err = enc.EncodePCM(ctx, raw, outRate, outCh)
		}
		if err != nil {
			return nil, nil, &SegmentError{Index: i, What: "re-encoding", Err: err}
		}
		ns := Segment{Audio: bytes.NewReader(data), Size: int64(len(data)), Format: speech.MP3, PauseBefore: sg.PauseBefore}
		f, kbps, err := mp3.Probe(ns.Audio, ns.Size)
		if err != nil {
			return nil, nil, &SegmentError{Index: i, What: "reading the re-encoded", Err: err}
		}
		ns.format, ns.kbps = canonical(f), kbps
		if best < 0 && i == 0 {
			target = ns.format
		}
		out[i] = ns
		reencoded = append(reencoded, i)
	}
	// The episode's format is the first segment's as found (joint stereo
	// or stereo), which the others match.
	r, size, done, err := out[0].open()
	if err != nil {
		return nil, nil, &SegmentError{Index: 0, Err: err}
	}
	defer done()
	if out[0].format, _, err = mp3.Probe(r, size); err != nil {
		return nil, nil, &SegmentError{Index: 0, Err: err}
	}
	return out, reencoded, nil
}

// canonical folds stereo and joint stereo together: they join freely.
func canonical(f mp3.Format) mp3.Format {
	if f.Mode == mp3.JointStereo {
		f.Mode = mp3.Stereo
	}
	return f
}

// bitrateEncoder encodes at a bitrate it is given (mp3.Lame does).
type bitrateEncoder interface {
	EncodePCMAt(ctx context.Context, pcm []byte, rateHz, channels, kbps int) ([]byte, error)
}

// mpegDecoder decodes any MPEG audio layer (mp3.Lame does, with LAME's
// decoder): Layer I and II segments need it.
type mpegDecoder interface {
	Decode(ctx context.Context, data []byte) ([]float32, int, int, error)
}

func decodeSegment(ctx context.Context, sg Segment, wav bool, enc speech.Encoder) ([]int16, int, int, error) {
	r, size, done, err := sg.open()
	if err != nil {
		return nil, 0, 0, err
	}
	defer done()
	data := make([]byte, size)
	if _, err := r.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, 0, 0, err
	}
	if wav {
		p, err := speech.ParseWAV(data)
		if err != nil {
			return nil, 0, 0, err
		}
		out := make([]int16, len(p.Data)/2)
		for k := range out {
			out[k] = int16(uint16(p.Data[2*k]) | uint16(p.Data[2*k+1])<<8)
		}
		return out, p.RateHz, p.Channels, nil
	}
	var fallback mp3.Fallback
	if d, ok := enc.(mpegDecoder); ok {
		fallback = d.Decode
	}
	pcm, rate, ch, err := mp3.DecodeAll(ctx, data, fallback)
	if err != nil {
		return nil, 0, 0, err
	}
	out := make([]int16, len(pcm))
	for k, v := range pcm {
		out[k] = int16(min(max(math.Round(float64(v)*32768), -32768), 32767))
	}
	return out, rate, ch, nil
}
