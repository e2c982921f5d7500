package episode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// harmonize finds the format most of the audio is in, reading only each
// segment's first frames, and re-encodes the other segments (and WAV from
// local engines) to it: decoded with go-mp3, channels mixed, resampled with
// a band-limited filter, encoded once. Only the minority is touched; the
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
			return nil, nil, fmt.Errorf("episode: segment %d: %w", i, err)
		}
		f, kbps, err := mp3.Probe(r, size)
		done()
		if err != nil {
			return nil, nil, fmt.Errorf("episode: segment %d: %w", i, err)
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
	var reencoded []int
	firstRate, firstCh := 0, 0
	for i, sg := range out {
		if probed[i] && sg.format == target {
			continue
		}
		if enc == nil {
			what := "WAV"
			if probed[i] {
				what = sg.format.String()
			}
			return nil, nil, fmt.Errorf("episode: segment %d is %s, the others %s, and no encoder is configured: %w", i, what, target, ErrMismatch)
		}
		pcm, rate, ch, err := decodeSegment(sg, !probed[i])
		if err != nil {
			return nil, nil, fmt.Errorf("episode: segment %d: %w", i, err)
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
		data, err := enc.EncodePCM(ctx, raw, outRate, outCh)
		if err != nil {
			return nil, nil, fmt.Errorf("episode: re-encoding segment %d: %w", i, err)
		}
		ns := Segment{Audio: bytes.NewReader(data), Size: int64(len(data)), Format: speech.MP3, PauseBefore: sg.PauseBefore}
		f, kbps, err := mp3.Probe(ns.Audio, ns.Size)
		if err != nil {
			return nil, nil, fmt.Errorf("episode: re-encoded segment %d: %w", i, err)
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
		return nil, nil, fmt.Errorf("episode: segment 0: %w", err)
	}
	defer done()
	if out[0].format, _, err = mp3.Probe(r, size); err != nil {
		return nil, nil, fmt.Errorf("episode: segment 0: %w", err)
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

func decodeSegment(sg Segment, wav bool) ([]int16, int, int, error) {
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
	st, err := mp3.Parse(data)
	if err != nil {
		return nil, 0, 0, err
	}
	var frames bytes.Buffer
	for _, f := range st.Frames {
		frames.Write(f.Data)
	}
	ch := st.Format.Mode.Channels()
	d, err := mp3.NewDecoder(&frames, ch)
	if err != nil {
		return nil, 0, 0, err
	}
	var out []int16
	buf := make([]int16, 4096*ch)
	for {
		n, err := d.Read(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, 0, err
		}
	}
	return out, st.Format.RateHz, ch, nil
}
