package mp3

import (
	"fmt"
	"io"
)

// Report says precisely what an MP3 file is, or why it is not usable.
type Report struct {
	Version         string   `json:"version,omitempty"`
	Layer           int      `json:"layer,omitempty"`
	RateHz          int      `json:"sample_rate_hz,omitempty"`
	Mode            string   `json:"channel_mode,omitempty"`
	Channels        int      `json:"channels,omitempty"`
	BitrateKbps     int      `json:"bitrate_kbps,omitempty"`     // constant bitrate, 0 when it varies
	AvgBitrateKbps  float64  `json:"avg_bitrate_kbps,omitempty"` // from bytes and duration
	Frames          int      `json:"frames"`                     // audio frames
	AudioBytes      int64    `json:"audio_bytes"`                // bytes of audio frames
	Samples         int      `json:"samples"`                    // per channel, frames × samples per frame
	DurationSeconds float64  `json:"duration_seconds"`           // frames × samples per frame ÷ rate
	GaplessSeconds  float64  `json:"gapless_seconds"`            // less encoder delay and padding, when declared
	Tags            []string `json:"tags"`                       // tags found (and dropped when joining)
	Header          string   `json:"header,omitempty"`           // Xing, Info or VBRI header frame
	Encoder         string   `json:"encoder,omitempty"`          // LAME tag's encoder
	Delay           int      `json:"encoder_delay,omitempty"`    // samples
	Padding         int      `json:"encoder_padding,omitempty"`  // samples
	Problems        []string `json:"problems"`                   // what is wrong but was worked around
	Error           string   `json:"error,omitempty"`            // why the file cannot be used
}

// Inspect scans an MP3 file and reports on it. A file that cannot be used
// gives a report with Error set, not an error; err is only for I/O.
func Inspect(r io.ReaderAt, size int64) Report {
	rep := Report{Tags: []string{}, Problems: []string{}}
	var res Reservoir
	silenced := 0
	s, err := Scan(r, size, func(f Frame, off int64) error {
		if _, fixed := res.Fix(f); fixed {
			silenced++
		}
		return nil
	})
	if err != nil {
		rep.Error = err.Error()
		return rep
	}
	f := s.Format
	rep.Version, rep.Layer, rep.RateHz, rep.Mode, rep.Channels = f.Version.String(), f.Layer, f.RateHz, f.Mode.String(), f.Mode.Channels()
	rep.BitrateKbps = s.Bitrate
	rep.Frames, rep.AudioBytes, rep.Samples = s.FrameCount(), s.AudioBytes(), s.Samples()
	rep.DurationSeconds = round3(float64(s.Samples()) / float64(f.RateHz))
	rep.GaplessSeconds = round3(float64(s.GaplessSamples()) / float64(f.RateHz))
	if rep.DurationSeconds > 0 {
		rep.AvgBitrateKbps = round3(float64(s.AudioBytes()) * 8 / rep.DurationSeconds / 1000)
	}
	rep.Tags = append(rep.Tags, s.Tags...)
	if h := s.Header; h != nil {
		rep.Header, rep.Encoder = h.Kind, h.Encoder
		if h.DelayPad {
			rep.Delay, rep.Padding = h.Delay, h.Padding
		}
		if h.Frames >= 0 && h.Frames != s.FrameCount() {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the %s header counts %d frames, the file has %d: players show a wrong duration", h.Kind, h.Frames, s.FrameCount()))
		}
		if want := s.AudioBytes() + int64(h.FrameSize); h.Bytes > 0 && int64(h.Bytes) != want {
			rep.Problems = append(rep.Problems, fmt.Sprintf("the %s header counts %d bytes, the stream has %d", h.Kind, h.Bytes, want))
		}
	} else {
		rep.Problems = append(rep.Problems, "no Xing/Info header: players estimate the duration from the first frame's bitrate")
	}
	if s.Damaged > 0 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("the stream is damaged in %d places; the damaged frames were skipped and the frames after them read", s.Damaged))
	}
	if s.Junk > 0 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%d bytes of junk between frames were skipped", s.Junk))
	}
	if s.Corrupt > 0 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%d frames with invalid side information were dropped", s.Corrupt))
	}
	if silenced > 0 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%d frames use bit-reservoir data that is not in the file (a cut stream) and decode to silence", silenced))
	}
	return rep
}

func round3(v float64) float64 { return float64(int64(v*1000+0.5)) / 1000 }
