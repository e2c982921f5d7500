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

// matchFormats finds the format most of the audio is in and re-encodes the
// other segments (and WAV from local engines) to it: decoded with go-mp3,
// channels mixed, resampled with a band-limited filter, encoded once. Only
// the minority is touched; the rest stays bit for bit as it was.
func matchFormats(ctx context.Context, segs []Segment, enc speech.Encoder) ([]Segment, []int, error) {
	type info struct {
		format mp3.Format
		wav    bool
		ok     bool
	}
	infos := make([]info, len(segs))
	samples := map[mp3.Format]int{}
	var order []mp3.Format
	for i, sg := range segs {
		if sg.Format == speech.WAV {
			infos[i].wav = true
			continue
		}
		st, err := mp3.Scan(sg.Audio, sg.Size, nil)
		if err != nil {
			return nil, nil, fmt.Errorf("episode: segment %d: %w", i, err)
		}
		key := canonical(st.Format)
		infos[i] = info{format: key, ok: true}
		if _, seen := samples[key]; !seen {
			order = append(order, key)
		}
		samples[key] += st.Samples() * 1_000_000 / st.Format.RateHz
	}
	var target mp3.Format
	best := -1
	for _, f := range order {
		if samples[f] > best {
			target, best = f, samples[f]
		}
	}
	var out []Segment
	var reencoded []int
	for i, sg := range segs {
		if infos[i].ok && infos[i].format == target {
			out = append(out, sg)
			continue
		}
		if enc == nil {
			what := "WAV"
			if infos[i].ok {
				what = infos[i].format.String()
			}
			return nil, nil, fmt.Errorf("episode: segment %d is %s, the others %s, and no encoder is configured: %w", i, what, target, ErrMismatch)
		}
		pcm, rate, ch, err := decodeSegment(sg, infos[i].wav)
		if err != nil {
			return nil, nil, fmt.Errorf("episode: segment %d: %w", i, err)
		}
		outRate, outCh := rate, ch
		if best >= 0 {
			outRate, outCh = target.RateHz, target.Mode.Channels()
		} else if i > 0 {
			// All WAV: the first segment sets the format.
			outRate, outCh = out[0].rate, out[0].channels
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
		ns := Segment{Audio: bytes.NewReader(data), Size: int64(len(data)), Format: speech.MP3, PauseBefore: sg.PauseBefore,
			rate: outRate, channels: outCh}
		out = append(out, ns)
		reencoded = append(reencoded, i)
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
	data := make([]byte, sg.Size)
	if _, err := sg.Audio.ReadAt(data, 0); err != nil && !errors.Is(err, io.EOF) {
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
