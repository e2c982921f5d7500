// Package episode turns synthesized segments into one finished episode file:
// frames joined without re-encoding, silent pauses, loudness corrected
// through global_gain, one fresh Xing/Info header, ID3v2 tags with chapters,
// and the exact timing of every segment.
package episode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// Segment is one synthesized chunk and the silence before it.
type Segment struct {
	Audio       io.ReaderAt // MP3, or WAV from a local engine
	Size        int64
	Format      speech.Format
	PauseBefore time.Duration

	rate, channels int // set on segments this package encoded
}

// BytesSegment makes a segment of audio held in memory.
func BytesSegment(a speech.Audio, pause time.Duration) Segment {
	return Segment{Audio: bytes.NewReader(a.Data), Size: int64(len(a.Data)), Format: a.Format, PauseBefore: pause}
}

// Tags are written as ID3v2.4 frames.
type Tags struct {
	Title       string
	Author      string
	Publication string
	Date        time.Time
	URL         string
	Comment     string
	Cover       *Cover
}

// Cover is the episode's artwork.
type Cover struct {
	MIME string // image/jpeg or image/png
	Data []byte
}

// Chapter starts at a segment.
type Chapter struct {
	Segment int
	Title   string
}

// Options shape the join.
type Options struct {
	Tags     Tags
	Chapters []Chapter
	// TargetLUFS, when not zero, is the integrated loudness to bring the
	// episode to (EBU R128 podcasts: −16); MaxTruePeak is the ceiling the
	// gain may not push the true peak past (default −1 dBTP).
	TargetLUFS  float64
	MaxTruePeak float64
	// Encoder encodes the segments whose format differs from the rest
	// (and WAV segments) to the episode's format. Without one, such
	// segments are an error.
	Encoder speech.Encoder
}

// Timing is where a segment's audio lies in the episode, as a gapless
// player plays it.
type Timing struct {
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
	// Silences are the middles of pauses inside the segment (between
	// sentences), found when loudness is measured.
	Silences []time.Duration `json:"silences,omitempty"`
}

// ChapterTiming is a chapter with its times.
type ChapterTiming struct {
	Title string        `json:"title"`
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
}

// Loudness is what was measured and done.
type Loudness struct {
	InputLUFS     float64 `json:"input_lufs"`      // integrated loudness as joined
	InputTruePeak float64 `json:"input_true_peak"` // dBTP as joined
	GainDB        float64 `json:"gain_db"`         // applied, a whole number of 1.5 dB steps
	OutputLUFS    float64 `json:"output_lufs"`
	OutputPeak    float64 `json:"output_true_peak"`
	TargetLUFS    float64 `json:"target_lufs"`
}

// Result describes the written episode.
type Result struct {
	Duration    time.Duration // what a gapless player plays: frames less encoder delay and padding
	Frames      int           // audio frames, header frame not counted
	SizeBytes   int64         // the whole file, tags included
	Format      mp3.Format
	BitrateKbps int // 0 when variable
	Segments    []Timing
	Chapters    []ChapterTiming
	Loudness    *Loudness // nil when not measured
	Reencoded   []int     // segments that were decoded and encoded to match
	Silenced    int       // frames silenced because their bit reservoir was cut off
}

// Errors Join returns for callers that branch on them.
var (
	ErrMismatch   = errors.New("segments differ in format")
	ErrNoSegments = errors.New("no segments")
)

// Output is where an episode is written: written in order, then its header
// frame is patched in place once the music CRC is known.
type Output interface {
	io.Writer
	io.WriterAt
}

// piece is a part of a segment's audio frames: a run of bytes in the source,
// or frames rewritten in memory.
type piece struct {
	off, n int64
	data   []byte
	frames []int // sizes of the frames in the piece
}

type plan struct {
	seg      Segment
	silences []time.Duration // middles of pauses inside the segment, from its start
	stream   *mp3.Stream
	pieces   []piece
	pause    int // silent frames before it
	startIdx int // index of its first frame in the episode
}

// Join writes the episode: an ID3v2.4 tag, a fresh Info (CBR) or Xing (VBR)
// header frame, then for each segment its pause as silent frames and its own
// frames copied unchanged (except global_gain when loudness is corrected).
// Segments of another format than most are decoded, resampled and encoded
// once with o.Encoder. It reads each segment twice (three times when it
// measures loudness) and holds no more than a few frames of audio in memory.
func Join(ctx context.Context, w Output, segs []Segment, o Options) (Result, error) {
	if len(segs) == 0 {
		return Result{}, fmt.Errorf("episode: %w", ErrNoSegments)
	}
	segs, reencoded, err := matchFormats(ctx, segs, o.Encoder)
	if err != nil {
		return Result{}, err
	}
	plans := make([]*plan, len(segs))
	var toc mp3.TOCBuilder
	var f mp3.Format
	silenced := 0
	cbr := -1
	for i, sg := range segs {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		p := &plan{seg: sg}
		var res mp3.Reservoir
		st, err := mp3.Scan(sg.Audio, sg.Size, func(fr mp3.Frame, off int64) error {
			data, fixed := res.Fix(fr)
			if fixed {
				silenced++
				p.pieces = append(p.pieces, piece{data: data, frames: []int{len(data)}})
				return nil
			}
			if n := len(p.pieces); n > 0 && p.pieces[n-1].data == nil && p.pieces[n-1].off+p.pieces[n-1].n == off {
				p.pieces[n-1].n += int64(len(fr.Data))
				p.pieces[n-1].frames = append(p.pieces[n-1].frames, len(fr.Data))
				return nil
			}
			p.pieces = append(p.pieces, piece{off: off, n: int64(len(fr.Data)), frames: []int{len(fr.Data)}})
			return nil
		})
		if err != nil {
			return Result{}, fmt.Errorf("episode: segment %d: %w", i, err)
		}
		p.stream = st
		if i == 0 {
			f = st.Format
		} else if !st.Format.SameAs(f) {
			return Result{}, fmt.Errorf("episode: segment %d is %s after %s: %w", i, st.Format, f, ErrMismatch)
		}
		switch {
		case cbr == -1:
			cbr = st.Bitrate
		case cbr != st.Bitrate:
			cbr = 0
		}
		plans[i] = p
	}
	silenceKbps := cbr
	if silenceKbps <= 0 {
		silenceKbps = lowestBitrate(f)
		cbr = 0
	}
	spf := f.Samples()
	silence, err := mp3.Silence(f, silenceKbps, 2)
	if err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	// Pauses alternate the two silent frames' padding as a CBR encoder would.
	silentFrames := splitFrames(silence)

	// Frame grid: pauses and segments, with each segment's first sample.
	samples := 0
	grid := make([]int, len(plans)+1)
	for i, p := range plans {
		pauseSamples := int(segs[i].PauseBefore * time.Duration(f.RateHz) / time.Second)
		p.pause = (pauseSamples + spf/2) / spf
		for k := range p.pause {
			toc.Add(len(silentFrames[k%2]))
		}
		samples += p.pause * spf
		p.startIdx = toc.Frames()
		grid[i] = samples
		for _, pc := range p.pieces {
			for _, sz := range pc.frames {
				toc.Add(sz)
			}
		}
		samples += p.stream.Samples()
	}
	grid[len(plans)] = samples

	delay, padding, encoder := 0, 0, ""
	if h := plans[0].stream.Header; h != nil && h.DelayPad {
		delay, encoder = h.Delay, h.Encoder
	}
	if h := plans[len(plans)-1].stream.Header; h != nil && h.DelayPad {
		padding = h.Padding
	}
	playback := func(gridSamples int) time.Duration {
		s := min(max(gridSamples-delay, 0), samples-delay-padding)
		return time.Duration(s) * time.Second / time.Duration(f.RateHz)
	}

	var loud *Loudness
	var gains []int8 // per frame of the episode, nil for none
	if o.TargetLUFS != 0 {
		maxTP := o.MaxTruePeak
		if maxTP == 0 {
			maxTP = -1
		}
		m, err := measure(ctx, plans, f)
		if err != nil {
			return Result{}, err
		}
		in, tp := m.Integrated(), m.TruePeak()
		var out, outTP, gainDB float64
		gains, out, outTP, gainDB = m.FrameGains(o.TargetLUFS, maxTP, mp3.GainStepDB)
		loud = &Loudness{InputLUFS: round2(in), InputTruePeak: round2(tp), TargetLUFS: o.TargetLUFS,
			OutputLUFS: round2(out), OutputPeak: round2(outTP), GainDB: round2(gainDB)}
	}

	res := Result{
		Duration:    playback(samples),
		Frames:      toc.Frames(),
		Format:      f,
		BitrateKbps: cbr,
		Loudness:    loud,
		Reencoded:   reencoded,
		Silenced:    silenced,
	}
	for i, p := range plans {
		start := playback(grid[i])
		end := playback(grid[i] + p.stream.Samples())
		t := Timing{Start: start, End: end}
		for _, s := range p.silences {
			// Decoded PCM runs on the frame grid; playback starts delay later.
			at := playback(grid[i] + int(s*time.Duration(f.RateHz)/time.Second))
			if at > start && at < end {
				t.Silences = append(t.Silences, at)
			}
		}
		res.Segments = append(res.Segments, t)
	}
	res.Chapters = chapterTimings(o.Chapters, res.Segments, res.Duration)

	// Write: tags, header frame (patched later), frames.
	tag, err := tagBytes(o.Tags, res.Chapters)
	if err != nil {
		return Result{}, fmt.Errorf("episode: tags: %w", err)
	}
	sum := mp3.Summary{Format: f, BitrateKbps: cbr, Frames: toc.Frames(), TOC: toc.TOC(),
		Delay: delay, Padding: padding, Encoder: encoder}
	for _, pl := range plans {
		for _, pc := range pl.pieces {
			sum.AudioBytes += int(pc.n) + len(pc.data)
		}
		for k := range pl.pause {
			sum.AudioBytes += len(silentFrames[k%2])
		}
	}
	header, err := mp3.HeaderFrame(sum)
	if err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	cw := &countWriter{w: w}
	if _, err := cw.Write(tag); err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	if _, err := cw.Write(header); err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	buf := make([]byte, 0, 256<<10)
	fw := &frameWriter{w: cw, gains: gains, crc: &sum.MusicCRC}
	for i, pl := range plans {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		for k := range pl.pause {
			if err := fw.write(silentFrames[k%2], []int{len(silentFrames[k%2])}); err != nil {
				return Result{}, fmt.Errorf("episode: %w", err)
			}
		}
		for _, pc := range pl.pieces {
			if err := writePiece(fw, pl.seg.Audio, pc, &buf); err != nil {
				return Result{}, fmt.Errorf("episode: segment %d: %w", i, err)
			}
		}
	}
	// The header frame's music CRC covers the frames just written.
	header, err = mp3.HeaderFrame(sum)
	if err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	if _, err := w.WriteAt(header, int64(len(tag))); err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	res.SizeBytes = cw.n
	return res, nil
}

// writePiece copies a piece, reading as many whole frames at a time as fit
// in the buffer.
func writePiece(fw *frameWriter, src io.ReaderAt, pc piece, buf *[]byte) error {
	if pc.data != nil {
		return fw.write(pc.data, pc.frames)
	}
	frames, off := pc.frames, pc.off
	for len(frames) > 0 {
		n, k := 0, 0
		for k < len(frames) && (n+frames[k] <= cap(*buf) || k == 0) {
			n += frames[k]
			k++
		}
		if cap(*buf) < n {
			*buf = make([]byte, 0, n)
		}
		data := (*buf)[:n]
		if _, err := src.ReadAt(data, off); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		if err := fw.write(data, frames[:k]); err != nil {
			return err
		}
		off += int64(n)
		frames = frames[k:]
	}
	return nil
}

// frameWriter writes frames in episode order, applying each frame's gain
// and keeping the music CRC.
type frameWriter struct {
	w     io.Writer
	gains []int8
	index int
	crc   *uint16
}

func (fw *frameWriter) write(data []byte, sizes []int) error {
	p := 0
	for _, sz := range sizes {
		if fw.index < len(fw.gains) && fw.gains[fw.index] != 0 {
			fr := data[p : p+sz]
			if h, err := mp3.ParseHeader(fr); err == nil {
				mp3.AdjustGain(fr, h, int(fw.gains[fw.index]))
			}
		}
		fw.index++
		p += sz
	}
	*fw.crc = mp3.CRC16(*fw.crc, data)
	_, err := fw.w.Write(data)
	return err
}

// measure decodes every segment, with its pause as digital silence, into a
// meter that keeps the energy and true peak of every frame.
func measure(ctx context.Context, plans []*plan, f mp3.Format) (*Meter, error) {
	ch := f.Mode.Channels()
	m := NewMeter(f.RateHz, ch, f.Samples())
	pcm := make([]int16, 4096*ch)
	for i, p := range plans {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		m.Silence(p.pause * f.Samples())
		var parts []io.Reader
		for _, pc := range p.pieces {
			if pc.data != nil {
				parts = append(parts, bytes.NewReader(pc.data))
			} else {
				parts = append(parts, io.NewSectionReader(p.seg.Audio, pc.off, pc.n))
			}
		}
		d, err := mp3.NewDecoder(io.MultiReader(parts...), ch)
		if err != nil {
			return nil, fmt.Errorf("episode: measuring segment %d: %w", i, err)
		}
		sd := newSilenceFinder(f.RateHz, ch)
		for {
			n, err := d.Read(pcm)
			m.Write(pcm[:n])
			sd.write(pcm[:n])
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, fmt.Errorf("episode: measuring segment %d: %w", i, err)
			}
		}
		p.silences = sd.middles()
		// Keep the frame count exact even if the decoder gave fewer
		// samples than the frames hold.
		want := p.startIdx + len(framesOf(p))
		for len(m.frameEnergy) < want {
			m.Silence(f.Samples())
		}
		if len(m.frameEnergy) > want {
			m.frameEnergy, m.framePeak = m.frameEnergy[:want], m.framePeak[:want]
		}
	}
	return m, nil
}

func chapterTimings(chs []Chapter, segs []Timing, total time.Duration) []ChapterTiming {
	var out []ChapterTiming
	for _, c := range chs {
		if c.Segment < 0 || c.Segment >= len(segs) {
			continue
		}
		start := segs[c.Segment].Start
		if c.Segment == 0 {
			start = 0
		} else if prev := segs[c.Segment-1].End; prev < start {
			start = prev // the chapter takes in the pause before it
		}
		if n := len(out); n > 0 {
			if start <= out[n-1].Start {
				continue
			}
			out[n-1].End = start
		}
		out = append(out, ChapterTiming{Title: c.Title, Start: start, End: total})
	}
	return out
}

func splitFrames(b []byte) [][]byte {
	var out [][]byte
	for len(b) >= 4 {
		h, err := mp3.ParseHeader(b)
		if err != nil || h.Size() > len(b) {
			break
		}
		out = append(out, b[:h.Size()])
		b = b[h.Size():]
	}
	return out
}

func lowestBitrate(f mp3.Format) int {
	if f.Version == mp3.MPEG1 {
		return 32
	}
	return 8
}

func round2(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return -99
	}
	return math.Round(v*100) / 100
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func framesOf(p *plan) []int {
	var sizes []int
	for _, pc := range p.pieces {
		sizes = append(sizes, pc.frames...)
	}
	return sizes
}
