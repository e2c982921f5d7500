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
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// SegmentError is the failure of one segment of a join, by its index in
// the segments given, so that a caller can name the segment its own way
// (a file's path, a chunk's text) with errors.As.
type SegmentError struct {
	Index int
	Name  string // the segment's file, when the caller named it; else "segment N"
	What  string // what was being done to it, when not reading it
	Err   error
}

func (e *SegmentError) Error() string {
	sep := ": "
	if strings.HasPrefix(e.Err.Error(), "is ") {
		sep = " " // "segment 2 is WAV…"
	}
	name := fmt.Sprintf("segment %d", e.Index)
	if e.Name != "" {
		name = e.Name
	}
	if e.What != "" {
		name = e.What + " " + name
	}
	if e.Name != "" {
		return name + sep + e.Err.Error()
	}
	return "episode: " + name + sep + e.Err.Error()
}

func (e *SegmentError) Unwrap() error { return e.Err }

// Segment is one synthesized chunk and the silence before it.
type Segment struct {
	Audio io.ReaderAt // MP3, or WAV from a local engine; or nil with Path
	// Path is a file that Join opens when it reads the segment and closes
	// after, so a join of thousands of segments holds one file open.
	Path        string
	Size        int64 // with Path, 0 means the file's size
	Format      speech.Format
	PauseBefore time.Duration
	// Marks are the voice's word and sentence timings in the segment,
	// when it gave them; sentence marks time the transcript's cues.
	Marks []speech.Mark

	format mp3.Format // found by harmonize
	kbps   int
}

// open returns the segment's bytes to read, and what to call when done.
func (s Segment) open() (io.ReaderAt, int64, func(), error) {
	if s.Audio != nil || s.Path == "" {
		return s.Audio, s.Size, func() {}, nil
	}
	f, err := openSegmentFile(s.Path)
	if err != nil {
		return nil, 0, nil, err
	}
	size := s.Size
	if size == 0 {
		if size, err = f.size(); err != nil {
			f.Close()
			return nil, 0, nil, err
		}
	}
	return f, size, func() { f.Close() }, nil
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
	URL     string // a web page about the chapter (a roundup's story), or ""
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
	// Compress, with a loudness target, lets the gain change frame by
	// frame where one gain would push a loud passage past the ceiling:
	// quiet passages are raised more than loud ones (a limiter with one
	// frame of hold), which compresses the dynamics. Off, the episode
	// gets one gain (to within one 1.5 dB step between segments) and the
	// ceiling may leave it below the target.
	Compress bool
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
	// Sentences are where the voice said its sentences start (its sentence
	// marks), in episode time, the first aside.
	Sentences []time.Duration `json:"sentences,omitempty"`
}

// ChapterTiming is a chapter with its times.
type ChapterTiming struct {
	Title string        `json:"title"`
	URL   string        `json:"url,omitempty"`
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
	// PeakLimited is set when the true-peak ceiling kept one gain from
	// reaching the target (Options.Compress was off).
	PeakLimited bool `json:"peak_limited,omitempty"`
	// Compressed is set when the gain varied frame by frame.
	Compressed bool `json:"compressed,omitempty"`
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

// Join writes the episode: an ID3v2.4 tag, a fresh Info (CBR) or Xing (VBR)
// header frame, then for each segment its pause as silent frames and its own
// frames copied unchanged (except global_gain when loudness is corrected).
// Segments of another format than most are decoded, resampled and encoded
// once with o.Encoder. Without a loudness target it reads each segment once,
// a few segments at a time on every CPU, writing their frames in order, and
// patches the tag and header frame in place at the end; with one it first
// decodes every segment to measure. It holds a few buffers of audio in
// memory, however long the episode. A file output (one that can seek and
// truncate) must be empty; it is left empty when the join fails.
func Join(ctx context.Context, w Output, segs []Segment, o Options) (res Result, err error) {
	if len(segs) == 0 {
		return Result{}, fmt.Errorf("episode: %w", ErrNoSegments)
	}
	rw, rewindable := w.(rewinder)
	if rewindable {
		// A file output is left empty when the join fails, not holding
		// part of an episode or the space reserved for it.
		defer func() {
			if err != nil {
				rw.Truncate(0)
			}
		}()
	}
	// Fast path: segments nearly always share one format, so only the
	// first is probed and the frames are written at once; a segment in
	// another format sends the join back to the start, which probes them
	// all and re-encodes the minority. It needs an output that can be
	// rewound, and no WAV or loudness pass.
	if rewindable && o.TargetLUFS == 0 && !anyWAV(segs) {
		first, err := probeFirst(segs)
		if err != nil {
			return Result{}, err
		}
		res, err := joinFrames(ctx, w, first, nil, o, true)
		if !errors.Is(err, errRestart) {
			return res, err
		}
		if _, err := rw.Seek(0, io.SeekStart); err != nil {
			return Result{}, fmt.Errorf("episode: %w", err)
		}
		if err := rw.Truncate(0); err != nil {
			return Result{}, fmt.Errorf("episode: %w", err)
		}
	}
	segs, reencoded, err := harmonize(ctx, segs, o.Encoder)
	if err != nil {
		return Result{}, err
	}
	return joinFrames(ctx, w, segs, reencoded, o, false)
}

// rewinder is an output the fast path can start again: a file, empty when
// Join is called.
type rewinder interface {
	io.Seeker
	Truncate(size int64) error
}

// errRestart stops the fast path when a segment's format differs.
var errRestart = errors.New("segment formats differ: probing all")

func anyWAV(segs []Segment) bool {
	for _, s := range segs {
		if s.Format == speech.WAV {
			return true
		}
	}
	return false
}

// probeFirst returns the segments with the first one's format found.
func probeFirst(segs []Segment) ([]Segment, error) {
	out := make([]Segment, len(segs))
	copy(out, segs)
	r, size, done, err := out[0].open()
	if err != nil {
		return nil, &SegmentError{Index: 0, Err: err}
	}
	defer done()
	f, kbps, err := mp3.Probe(r, size)
	if err != nil {
		return nil, &SegmentError{Index: 0, Err: err}
	}
	out[0].format, out[0].kbps = f, kbps
	return out, nil
}

// joinFrames writes segments that all have the first one's format: the
// loudness plan (when asked), the tag and header placeholders, the frames
// of every segment in order, then the timings, and the tag and header
// patched with the final figures.
func joinFrames(ctx context.Context, w Output, segs []Segment, reencoded []int, o Options, fast bool) (Result, error) {
	f, firstKbps := segs[0].format, segs[0].kbps
	silence, err := mp3.Silence(f, firstKbps, 2)
	if err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	// Each segment carries its encoder's delay at its start and padding
	// at its end (a LAME tag says how much); inside the episode they would
	// lengthen every pause, so a pause's silent frames are fewer by the
	// frames they take (gaplessPause). The readers work that out as they
	// read each segment; the loudness pass needs it before, and reads
	// every segment's tag first.
	wantPause := make([]int, len(segs)) // in samples
	for i, sg := range segs {
		wantPause[i] = int(sg.PauseBefore * time.Duration(f.RateHz) / time.Second)
	}
	var plan loudnessPlan
	if o.TargetLUFS != 0 {
		if plan, err = planLoudness(ctx, segs, wantPause, f, o); err != nil {
			return Result{}, err
		}
	}

	// Placeholders of the final sizes: the tag's chapter times and the
	// header frame's counts are patched once the frames are written.
	chapters := normalizeChapters(o.Chapters, len(segs))
	placeholder := make([]ChapterTiming, len(chapters))
	for i, c := range chapters {
		placeholder[i].Title, placeholder[i].URL = c.Title, c.URL
	}
	tag, err := tagBytes(o.Tags, placeholder)
	if err != nil {
		return Result{}, fmt.Errorf("episode: tags: %w", err)
	}
	header, err := mp3.HeaderFrame(mp3.Summary{Format: f, BitrateKbps: firstKbps})
	if err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	frameBytes := int64(len(silence) / 2)
	estimate := estimateSize(segs, wantPause, f.Samples(), frameBytes, len(tag)+len(header))
	reserved := preallocate(w, estimate) // the file, when space was reserved for it
	if _, err := w.Write(append(append([]byte(nil), tag...), header...)); err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}

	rd := &reader{format: f, kbps: firstKbps, silence: splitFrames(silence), pauses: plan.pauses, wantPause: wantPause,
		gains: plan.gains, firstFrame: plan.firstFrame, fast: fast}
	cp := copied{written: int64(len(tag) + len(header)), cbr: firstKbps}
	if estimate > 0 {
		// About as many frames as the estimate holds at the first
		// segment's bitrate: the seek table then grows once.
		cp.toc.Grow(int(estimate / frameBytes))
	}
	if err := cp.copy(ctx, w, rd, segs); err != nil {
		return Result{}, err
	}

	res := cp.result(segs, plan.silences)
	res.Loudness, res.Reencoded = plan.loud, reencoded
	res.Chapters = chapterTimings(chapters, res.Segments, res.Duration)

	if err := cp.patch(w, o.Tags, res.Chapters, len(tag), len(header), firstKbps); err != nil {
		return Result{}, err
	}
	if reserved != nil {
		if err := reserved.Truncate(cp.written); err != nil {
			return Result{}, fmt.Errorf("episode: %w", err)
		}
	}
	return res, nil
}

// patch writes the final tag (with the chapters' times) and header frame
// (with the frame count, seek table, delay, padding and music CRC) over
// their placeholders, which had the same sizes.
func (cp *copied) patch(w Output, tags Tags, chapters []ChapterTiming, tagLen, headerLen, firstKbps int) error {
	final, err := tagBytes(tags, chapters)
	if err != nil {
		return fmt.Errorf("episode: tags: %w", err)
	}
	if len(final) != tagLen {
		return fmt.Errorf("episode: tag changed size from %d to %d bytes", tagLen, len(final))
	}
	sum := mp3.Summary{Format: cp.format, BitrateKbps: cp.cbr, Frames: cp.toc.Frames(), TOC: cp.toc.TOC(),
		AudioBytes: int(cp.written) - tagLen - headerLen, Delay: cp.delay, Padding: cp.padding, Encoder: cp.encoder, MusicCRC: cp.crc,
		// The same header frame size as the placeholder, CBR or not.
		HeaderKbps: firstKbps}
	header, err := mp3.HeaderFrame(sum)
	if err != nil {
		return fmt.Errorf("episode: %w", err)
	}
	if _, err := w.WriteAt(final, 0); err != nil {
		return fmt.Errorf("episode: %w", err)
	}
	if _, err := w.WriteAt(header, int64(tagLen)); err != nil {
		return fmt.Errorf("episode: %w", err)
	}
	return nil
}

// loudnessPlan is what the loudness pass decides before the write: the
// silent frames before each segment, the gain of every frame, where each
// segment's pause starts in the episode's frames (so the readers apply the
// right frame's gain), the silences found in each segment, and the figures.
type loudnessPlan struct {
	pauses     []int
	gains      []int8
	firstFrame []int
	silences   [][]time.Duration
	loud       *Loudness
}

// planLoudness measures every segment (with the pauses it will have) and
// chooses the gains that bring the episode to o.TargetLUFS within
// o.MaxTruePeak: one gain per segment, or per frame with o.Compress.
func planLoudness(ctx context.Context, segs []Segment, wantPause []int, f mp3.Format, o Options) (loudnessPlan, error) {
	delays, paddings, err := gapless(segs)
	if err != nil {
		return loudnessPlan{}, err
	}
	var p loudnessPlan
	p.pauses = make([]int, len(segs))
	for i := range segs {
		prevPad := 0
		if i > 0 {
			prevPad = paddings[i-1]
		}
		p.pauses[i] = gaplessPause(wantPause[i], prevPad, delays[i], f.Samples())
	}
	maxTP := o.MaxTruePeak
	if maxTP == 0 {
		maxTP = -1
	}
	m, sil, frames, err := measure(ctx, segs, p.pauses, f)
	if err != nil {
		return loudnessPlan{}, err
	}
	p.silences = sil
	in, tp := m.Integrated(), m.TruePeak()
	if math.IsInf(in, -1) {
		in = m.shortLoudness() // shorter than one 400 ms block
	}
	p.firstFrame = make([]int, len(segs)+1)
	n := 0
	for i := range segs {
		p.firstFrame[i] = n
		n += p.pauses[i] + frames[i]
	}
	p.firstFrame[len(segs)] = n
	var out, outTP, gainDB float64
	if o.Compress {
		p.gains, out, outTP, gainDB = m.FrameGains(o.TargetLUFS, maxTP, mp3.GainStepDB)
	} else {
		p.gains, out, outTP, gainDB = m.SegmentGains(p.firstFrame, o.TargetLUFS, maxTP, mp3.GainStepDB)
	}
	p.firstFrame = p.firstFrame[:len(segs)]
	p.loud = &Loudness{InputLUFS: round2(in), InputTruePeak: round2(tp), TargetLUFS: o.TargetLUFS,
		OutputLUFS: round2(out), OutputPeak: round2(outTP), GainDB: round2(gainDB), Compressed: o.Compress,
		PeakLimited: !o.Compress && out < o.TargetLUFS-mp3.GainStepDB/2}
	return p, nil
}

// estimateSize is at most the episode's size: the segments' sizes, their
// pauses (a frame at the first segment's bitrate is about the silent one,
// a byte more when padded), the tag and the header frame; what is not used
// is cut off at the end. Zero when a segment's size is not known yet.
func estimateSize(segs []Segment, wantPause []int, spf int, frameBytes int64, head int) int64 {
	estimate := int64(head)
	for i, sg := range segs {
		if sg.Size == 0 && sg.Audio == nil {
			return 0
		}
		estimate += sg.Size + int64((wantPause[i]+spf/2)/spf)*(frameBytes+1)
	}
	return estimate
}

// copied is what the frames' copy learns on its way: the bytes, seek
// table and music CRC written, and for each segment where it starts on the
// episode's sample grid, its length and its encoder's header.
type copied struct {
	toc      mp3.TOCBuilder
	crc      uint16
	written  int64
	samples  int
	silenced int
	cbr      int // the bitrate, 0 once a segment is variable

	grid    []int
	segLen  []int
	headers []*mp3.XingHeader
	format  mp3.Format

	delay, padding int // the first segment's encoder delay, the last one's padding
	encoder        string
}

// copy reads the segments on every CPU, a few ahead, and writes their
// pieces in order, adding up the music CRC, which covers exactly the audio
// frames.
func (cp *copied) copy(ctx context.Context, w Output, rd *reader, segs []Segment) error {
	spf := rd.format.Samples()
	cp.format = rd.format
	cp.grid, cp.segLen, cp.headers = make([]int, len(segs)), make([]int, len(segs)), make([]*mp3.XingHeader, len(segs))
	ctx, cancel := context.WithCancel(ctx)
	results := rd.start(ctx, segs)
	defer rd.wait()
	defer cancel()
	for i := range segs {
		before := cp.samples
		for p := range results[i] {
			if p.err != nil {
				return p.err
			}
			if len(p.data) > 0 {
				if _, err := w.Write(p.data); err != nil {
					return fmt.Errorf("episode: %w", err)
				}
				cp.crc = mp3.CRC16Combine(cp.crc, p.crc, int64(len(p.data)))
				cp.written += int64(len(p.data))
				for _, sz := range p.sizes {
					cp.toc.Add(int(sz))
				}
			}
			rd.recycle(p)
			if d := p.done; d != nil {
				cp.headers[i], cp.segLen[i] = d.header, d.samples
				cp.grid[i] = before + d.pause*spf
				cp.samples = cp.grid[i] + d.samples
				cp.silenced += d.silenced
				if d.variable {
					cp.cbr = 0
				}
			}
		}
		rd.written()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if h := cp.headers[0]; h != nil && h.DelayPad {
		cp.delay, cp.encoder = h.Delay, h.Encoder
	}
	if h := cp.headers[len(segs)-1]; h != nil && h.DelayPad {
		cp.padding = h.Padding
	}
	return nil
}

// playback is the time a listener hears at a point of the sample grid:
// after the first encoder's delay, and never past the last one's padding.
func (cp *copied) playback(gridSamples int) time.Duration {
	s := min(max(gridSamples-cp.delay, 0), cp.samples-cp.delay-cp.padding)
	return time.Duration(s) * time.Second / time.Duration(cp.format.RateHz)
}

// result is the episode's length and each segment's timing: where its
// sound starts and ends (after its encoder's delay, before its padding),
// its sentences and the silences found in it, in playback time.
func (cp *copied) result(segs []Segment, silences [][]time.Duration) Result {
	res := Result{Duration: cp.playback(cp.samples), Frames: cp.toc.Frames(), Format: cp.format, BitrateKbps: cp.cbr,
		Silenced: cp.silenced, SizeBytes: cp.written}
	for i := range segs {
		delay, pad := 0, 0
		if h := cp.headers[i]; h != nil && h.DelayPad {
			delay, pad = h.Delay, h.Padding
		}
		t := Timing{Start: cp.playback(cp.grid[i] + delay), End: cp.playback(cp.grid[i] + cp.segLen[i] - pad)}
		if silences != nil {
			for _, s := range silences[i] {
				// Decoded PCM runs on the frame grid; playback starts
				// the encoder delay later.
				at := cp.playback(cp.grid[i] + int(s*time.Duration(cp.format.RateHz)/time.Second))
				if at > t.Start && at < t.End {
					t.Silences = append(t.Silences, at)
				}
			}
		}
		first := true
		for _, m := range segs[i].Marks {
			if m.Kind != "sentence" {
				continue
			}
			if first {
				first = false
				continue
			}
			at := cp.playback(cp.grid[i] + delay + int(m.Offset*time.Duration(cp.format.RateHz)/time.Second))
			if at > t.Start && at < t.End {
				t.Sentences = append(t.Sentences, at)
			}
		}
		res.Segments = append(res.Segments, t)
	}
	return res
}

// gaplessPause is the silent frames of a pause of want samples after a
// segment whose encoder padded its end by prevPad samples and before one
// whose encoder delayed its start by delay: the padding and the delay
// are silence (or nearly) already. A joint without a pause keeps them
// both: audio is never cut.
func gaplessPause(want, prevPad, delay, spf int) int {
	if want > 0 {
		want = max(want-prevPad-delay, 0)
	}
	return (want + spf/2) / spf
}

// gapless reads every segment's encoder delay and padding from its LAME
// tag (zero where it has none: a voice's MP3 without a tag, a WAV).
func gapless(segs []Segment) (delays, paddings []int, err error) {
	delays, paddings = make([]int, len(segs)), make([]int, len(segs))
	for i, sg := range segs {
		delays[i], paddings[i], err = delayPadding(sg)
		if err != nil {
			return nil, nil, &SegmentError{Index: i, Err: err}
		}
	}
	return delays, paddings, nil
}

// delayPadding reads a segment's encoder delay and padding from the
// LAME tag at its start.
func delayPadding(sg Segment) (delay, padding int, err error) {
	if sg.Format == speech.WAV {
		return 0, 0, nil
	}
	r, size, done, err := sg.open()
	if err != nil {
		return 0, 0, err
	}
	defer done()
	x, err := mp3.ProbeHeader(r, size)
	if errors.Is(err, mp3.ErrNotLayer3) || errors.Is(err, mp3.ErrNoFrames) {
		return 0, 0, nil // the join says what is wrong with it
	}
	if err != nil {
		return 0, 0, err
	}
	if x != nil && x.DelayPad {
		return x.Delay, x.Padding, nil
	}
	return 0, 0, nil
}

// normalizeChapters keeps the chapters that start at a segment, in order:
// one per segment, each after the one before.
func normalizeChapters(chs []Chapter, segments int) []Chapter {
	var out []Chapter
	for _, c := range chs {
		if c.Segment < 0 || c.Segment >= segments || (len(out) > 0 && c.Segment <= out[len(out)-1].Segment) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// measure decodes every segment, with its pause as digital silence, into a
// meter that keeps the energy and true peak of every frame, and finds the
// pauses inside each segment and its frame count. Segments are decoded on
// every CPU, a few ahead of the meter, which takes them in order.
func measure(ctx context.Context, segs []Segment, pauses []int, f mp3.Format) (*Meter, [][]time.Duration, []int, error) {
	ch := f.Mode.Channels()
	spf := f.Samples()
	m := NewMeter(f.RateHz, ch, spf)
	silences := make([][]time.Duration, len(segs))
	frames := make([]int, len(segs))
	type decoded struct {
		pcm    []float32
		frames int
		err    error
	}
	results := make([]chan decoded, len(segs))
	for i := range results {
		results[i] = make(chan decoded, 1)
	}
	workers := runtime.NumCPU()
	ahead := make(chan struct{}, 2*workers) // bounds decoded PCM held in memory
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				pcm, frames, err := decodeForMeasure(segs[i], ch)
				results[i] <- decoded{pcm, frames, err}
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range segs {
			select {
			case ahead <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	defer wg.Wait()
	for i := range segs {
		m.Silence(pauses[i] * spf)
		var d decoded
		select {
		case d = <-results[i]:
		case <-ctx.Done():
			return nil, nil, nil, ctx.Err()
		}
		<-ahead
		if d.err != nil {
			cancel()
			return nil, nil, nil, &SegmentError{Index: i, What: "measuring", Err: d.err}
		}
		frames[i] = d.frames
		want := len(m.frameEnergy) + d.frames
		m.WriteFloat(d.pcm)
		sd := newSilenceFinder(f.RateHz, ch)
		sd.write(d.pcm)
		silences[i] = sd.middles()
		// Keep the frame count exact even if the decoder gave fewer or
		// more samples than the frames hold.
		for len(m.frameEnergy) < want {
			m.Silence(spf)
		}
		if len(m.frameEnergy) > want {
			m.frameEnergy, m.framePeak = m.frameEnergy[:want], m.framePeak[:want]
		}
	}
	return m, silences, frames, nil
}

// decodeForMeasure decodes a segment's frames as they will be written
// (reservoir-starved ones silenced) and returns its PCM, as floats, not
// clipped, and its frame count.
func decodeForMeasure(sg Segment, ch int) ([]float32, int, error) {
	var frames bytes.Buffer
	var res mp3.Reservoir
	r, size, done, err := sg.open()
	if err != nil {
		return nil, 0, err
	}
	st, err := mp3.Scan(r, size, func(fr mp3.Frame, off int64) error {
		data, _ := res.Fix(fr)
		frames.Write(data)
		return nil
	})
	done()
	if err != nil {
		return nil, 0, err
	}
	d, err := mp3.NewDecoder(&frames, ch)
	if err != nil {
		return nil, 0, err
	}
	out := make([]float32, 0, st.Samples()*ch)
	buf := make([]float32, 4608*ch)
	for {
		n, err := d.ReadFloat(buf)
		out = append(out, buf[:n]...)
		if err == io.EOF {
			return out, st.FrameCount(), nil
		}
		if err != nil {
			return nil, 0, err
		}
	}
}

// chapterTimings times normalized chapters: each starts where the pause
// before its segment starts (the first at zero) and ends where the next
// begins.
func chapterTimings(chs []Chapter, segs []Timing, total time.Duration) []ChapterTiming {
	out := make([]ChapterTiming, len(chs))
	for i, c := range chs {
		start := segs[c.Segment].Start
		if c.Segment == 0 {
			start = 0
		} else if prev := segs[c.Segment-1].End; prev < start {
			start = prev // the chapter takes in the pause before it
		}
		out[i] = ChapterTiming{Title: c.Title, URL: c.URL, Start: start, End: total}
		if i > 0 {
			out[i-1].End = start
		}
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

func round2(v float64) float64 {
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return -99
	}
	return math.Round(v*100) / 100
}
