// Package episode turns synthesized segments into one finished episode file:
// frames joined without re-encoding, silent pauses, one fresh Xing/Info
// header, ID3v2 tags, and the exact timing of every segment.
package episode

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/bogem/id3v2/v2"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// Segment is one synthesized chunk and the silence before it.
type Segment struct {
	Audio       speech.Audio
	PauseBefore time.Duration
}

// Tags are written as ID3v2.4 frames.
type Tags struct {
	Title       string
	Author      string
	Publication string
	Date        time.Time
	URL         string
	Comment     string
}

// Timing is where a segment's audio lies in the episode.
type Timing struct {
	Start time.Duration `json:"start"`
	End   time.Duration `json:"end"`
}

// Result describes the written episode.
type Result struct {
	Duration    time.Duration // exact, from the frame count
	Frames      int           // audio frames, header frame not counted
	SizeBytes   int64         // the whole file, tags included
	Format      mp3.Format
	BitrateKbps int // 0 when variable
	Segments    []Timing
}

// ErrMismatch means segments differ in format and cannot be joined by copying.
var ErrMismatch = errors.New("segments differ in format")

// Assemble joins the segments into w: an ID3v2.4 tag, a fresh Info (CBR) or
// Xing (VBR) header frame, then for each segment its pause as silent frames
// and its own frames copied unchanged. Tags and header frames of the
// segments are dropped. Nothing is decoded or re-encoded.
func Assemble(ctx context.Context, w io.Writer, segs []Segment, tags Tags) (Result, error) {
	if len(segs) == 0 {
		return Result{}, errors.New("episode: no segments")
	}
	streams := make([]*mp3.Stream, len(segs))
	for i, sg := range segs {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		if sg.Audio.Format != speech.MP3 {
			return Result{}, fmt.Errorf("episode: segment %d is %s, not MP3", i, sg.Audio.Format)
		}
		st, err := mp3.Parse(sg.Audio.Data)
		if err != nil {
			return Result{}, fmt.Errorf("episode: segment %d: %w", i, err)
		}
		if i > 0 && !st.Format.SameAs(streams[0].Format) {
			return Result{}, fmt.Errorf("episode: segment %d is %s, segment 0 is %s: %w", i, st.Format, streams[0].Format, ErrMismatch)
		}
		st.DetachReservoir()
		streams[i] = st
	}
	f := streams[0].Format
	cbr := streams[0].Bitrate
	for _, st := range streams {
		if st.Bitrate != cbr {
			cbr = 0
		}
	}
	silenceKbps := cbr
	if silenceKbps == 0 {
		silenceKbps = lowestBitrate(f)
	}
	spf := f.Samples()

	// Plan the frames: pauses, then each segment's own frames.
	var (
		sum     mp3.Summary
		body    [][]byte
		timings = make([]Timing, len(segs))
		samples int
		offset  int
	)
	appendFrame := func(fr []byte) {
		sum.Offsets = append(sum.Offsets, offset)
		offset += len(fr)
		sum.MusicCRC = mp3.CRC16(sum.MusicCRC, fr)
		body = append(body, fr)
		samples += spf
	}
	for i, st := range streams {
		// The pause in whole frames, rounded to the nearest frame.
		pauseSamples := int(segs[i].PauseBefore * time.Duration(f.RateHz) / time.Second)
		n := (pauseSamples + spf/2) / spf
		if n > 0 {
			sil, err := mp3.Silence(f, silenceKbps, n)
			if err != nil {
				return Result{}, fmt.Errorf("episode: %w", err)
			}
			for p := 0; p < len(sil); {
				h, _ := mp3.ParseHeader(sil[p:])
				appendFrame(sil[p : p+h.Size()])
				p += h.Size()
			}
		}
		timings[i].Start = samplesToDuration(samples, f.RateHz)
		for _, fr := range st.Frames {
			appendFrame(fr.Data)
		}
		timings[i].End = samplesToDuration(samples, f.RateHz)
	}
	sum.Format = f
	sum.BitrateKbps = cbr
	sum.Frames = len(body)
	sum.AudioBytes = offset
	if h := streams[0].Header; h != nil && h.DelayPad {
		sum.Delay, sum.Encoder = h.Delay, h.Encoder
	}
	if h := streams[len(streams)-1].Header; h != nil && h.DelayPad {
		sum.Padding = h.Padding
	}
	header, err := mp3.HeaderFrame(sum)
	if err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}

	cw := &countWriter{w: w}
	if _, err := writeTags(cw, tags); err != nil {
		return Result{}, fmt.Errorf("episode: writing tags: %w", err)
	}
	if _, err := cw.Write(header); err != nil {
		return Result{}, fmt.Errorf("episode: %w", err)
	}
	for _, fr := range body {
		if _, err := cw.Write(fr); err != nil {
			return Result{}, fmt.Errorf("episode: %w", err)
		}
	}
	return Result{
		Duration:    samplesToDuration(samples, f.RateHz),
		Frames:      len(body),
		SizeBytes:   cw.n,
		Format:      f,
		BitrateKbps: cbr,
		Segments:    timings,
	}, nil
}

func samplesToDuration(samples, rateHz int) time.Duration {
	return time.Duration(samples) * time.Second / time.Duration(rateHz)
}

func lowestBitrate(f mp3.Format) int {
	if f.Version == mp3.MPEG1 {
		return 32
	}
	return 8
}

func writeTags(w io.Writer, t Tags) (int64, error) {
	tag := id3v2.NewEmptyTag()
	tag.SetVersion(4)
	tag.SetDefaultEncoding(id3v2.EncodingUTF8)
	if t.Title != "" {
		tag.SetTitle(t.Title)
	}
	if t.Author != "" {
		tag.SetArtist(t.Author)
	}
	if t.Publication != "" {
		tag.SetAlbum(t.Publication)
	}
	if !t.Date.IsZero() {
		tag.AddTextFrame("TDRC", id3v2.EncodingUTF8, t.Date.UTC().Format("2006-01-02T15:04:05"))
	}
	if t.Comment != "" {
		tag.AddCommentFrame(id3v2.CommentFrame{Encoding: id3v2.EncodingUTF8, Language: "eng", Text: t.Comment})
	}
	if t.URL != "" {
		tag.AddUserDefinedTextFrame(id3v2.UserDefinedTextFrame{Encoding: id3v2.EncodingUTF8, Description: "URL", Value: t.URL})
	}
	var buf bytes.Buffer
	if _, err := tag.WriteTo(&buf); err != nil {
		return 0, err
	}
	n, err := w.Write(buf.Bytes())
	return int64(n), err
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
