package mp3

import (
	"encoding/binary"
	"fmt"
	"io"

	gomp3 "github.com/hajimehoshi/go-mp3"
)

// Decoder turns MP3 frames into 16-bit PCM with go-mp3, keeping the
// stream's channel count (go-mp3 itself always gives two channels).
type Decoder struct {
	d        *gomp3.Decoder
	channels int
	buf      []byte
}

// NewDecoder decodes the Layer III frames read from r; channels is the
// stream's channel count (1 or 2).
func NewDecoder(r io.Reader, channels int) (*Decoder, error) {
	d, err := gomp3.NewDecoder(r)
	if err != nil {
		return nil, fmt.Errorf("decoding: %w", err)
	}
	return &Decoder{d: d, channels: channels}, nil
}

// RateHz is the sample rate of the decoded PCM.
func (d *Decoder) RateHz() int { return d.d.SampleRate() }

// Read fills samples with interleaved PCM samples (channels of them per
// instant) and returns how many it filled; io.EOF at the end.
func (d *Decoder) Read(samples []int16) (int, error) {
	per := 2 * 2 // go-mp3: stereo int16
	want := len(samples) / d.channels
	if want == 0 {
		return 0, nil
	}
	if cap(d.buf) < want*per {
		d.buf = make([]byte, want*per)
	}
	buf := d.buf[:want*per]
	n, err := io.ReadFull(d.d, buf)
	frames := n / per
	for i := range frames {
		l := int16(binary.LittleEndian.Uint16(buf[i*per:]))
		if d.channels == 1 {
			samples[i] = l
			continue
		}
		samples[2*i] = l
		samples[2*i+1] = int16(binary.LittleEndian.Uint16(buf[i*per+2:]))
	}
	if err == io.ErrUnexpectedEOF {
		err = io.EOF
	}
	if frames > 0 && err == io.EOF {
		err = nil
	}
	return frames * d.channels, err
}
