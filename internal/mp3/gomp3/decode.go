// Copyright 2017 Hajime Hoshi
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//     http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package gomp3

import (
	"fmt"
	"io"

	"github.com/aloud-dev/aloud/internal/mp3/gomp3/internal/consts"
	"github.com/aloud-dev/aloud/internal/mp3/gomp3/internal/frame"
)

// A Decoder decodes MPEG-1, MPEG-2 and MPEG-2.5 Layer III frames to
// 32-bit float PCM in the stream's own channel count, unclipped (1.0 is
// full scale; a loud stream may go past it).
//
// aloud: rewritten from go-mp3's byte-oriented, always-stereo, clipped
// 16-bit Decoder; seeking and the length scan were dropped.
type Decoder struct {
	source   *source
	frame    *frame.Frame
	rate     int
	channels int
	buf      []float32 // decoded, not yet read
	scratch  []float32
}

// NewDecoder reads the first frame of r (after any ID3v2 or ID3v1 tag)
// and returns a decoder positioned at its samples.
func NewDecoder(r io.Reader) (*Decoder, error) {
	d := &Decoder{source: &source{reader: r}}
	if err := d.source.skipTags(); err != nil {
		return nil, err
	}
	if err := d.readFrame(); err != nil {
		return nil, err
	}
	rate, err := d.frame.SamplingFrequency()
	if err != nil {
		return nil, err
	}
	d.rate, d.channels = rate, d.frame.Channels()
	return d, nil
}

// SampleRate is the stream's sample rate in Hz, from its first frame.
func (d *Decoder) SampleRate() int { return d.rate }

// Channels is the stream's channel count, from its first frame.
func (d *Decoder) Channels() int { return d.channels }

// ErrFormatChange means a frame's sample rate or channel count differs
// from the first frame's.
var ErrFormatChange = fmt.Errorf("mp3: the stream changes its sample rate or channel count")

func (d *Decoder) readFrame() error {
	var err error
	d.frame, _, err = frame.Read(d.source, d.source.pos, d.frame)
	if err != nil {
		if _, ok := err.(*consts.UnexpectedEOF); ok {
			return io.EOF
		}
		return err
	}
	if d.channels != 0 {
		rate, _ := d.frame.SamplingFrequency()
		if rate != d.rate || d.frame.Channels() != d.channels {
			return ErrFormatChange
		}
	}
	n := d.frame.Samples() * d.frame.Channels()
	if cap(d.scratch) < n {
		d.scratch = make([]float32, n)
	}
	out := d.scratch[:n]
	d.frame.DecodeFloat(out)
	d.buf = append(d.buf, out...)
	return nil
}

// ReadFloat fills dst with interleaved samples and returns how many it
// filled; io.EOF at the end of the stream.
func (d *Decoder) ReadFloat(dst []float32) (int, error) {
	for len(d.buf) == 0 {
		if err := d.readFrame(); err != nil {
			return 0, err
		}
	}
	n := copy(dst, d.buf)
	d.buf = d.buf[n:]
	if len(d.buf) == 0 {
		d.buf = d.buf[:0:0]
	}
	return n, nil
}
