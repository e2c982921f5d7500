package speech

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// PCM is uncompressed 16-bit little-endian audio.
type PCM struct {
	RateHz   int
	Channels int
	Data     []byte // interleaved signed 16-bit little-endian samples
}

// ParseWAV reads a RIFF WAVE file holding 16-bit PCM. It accepts the
// placeholder sizes (0 or 0x7fffffff) that programs writing to a pipe put in
// the header, taking the data to run to the end.
func ParseWAV(b []byte) (PCM, error) {
	if len(b) < 12 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return PCM{}, errors.New("not a RIFF WAVE file")
	}
	var p PCM
	fmtSeen := false
	pos := 12
	for pos+8 <= len(b) {
		id := string(b[pos : pos+4])
		size := int(binary.LittleEndian.Uint32(b[pos+4 : pos+8]))
		body := pos + 8
		switch id {
		case "fmt ":
			if size < 16 || body+16 > len(b) {
				return PCM{}, errors.New("WAVE fmt chunk too short")
			}
			tag := binary.LittleEndian.Uint16(b[body:])
			p.Channels = int(binary.LittleEndian.Uint16(b[body+2:]))
			p.RateHz = int(binary.LittleEndian.Uint32(b[body+4:]))
			bits := binary.LittleEndian.Uint16(b[body+14:])
			if (tag != 1 && tag != 0xfffe) || bits != 16 {
				return PCM{}, fmt.Errorf("WAVE format %d with %d bits per sample: only 16-bit PCM is read", tag, bits)
			}
			if p.Channels < 1 || p.Channels > 2 || p.RateHz < 8000 || p.RateHz > 192000 {
				return PCM{}, fmt.Errorf("WAVE with %d channels at %d Hz is not supported", p.Channels, p.RateHz)
			}
			fmtSeen = true
		case "data":
			if !fmtSeen {
				return PCM{}, errors.New("WAVE data before fmt chunk")
			}
			end := body + size
			if size == 0 || size >= 0x7fffffff || end > len(b) {
				end = len(b)
			}
			n := (end - body) / (2 * p.Channels) * (2 * p.Channels)
			p.Data = b[body : body+n]
			return p, nil
		}
		pos = body + size + size&1
		if size < 0 || pos < body {
			break
		}
	}
	return PCM{}, errors.New("WAVE file has no data chunk")
}

// Duration of the PCM in seconds.
func (p PCM) Seconds() float64 {
	if p.RateHz == 0 || p.Channels == 0 {
		return 0
	}
	return float64(len(p.Data)) / float64(2*p.Channels*p.RateHz)
}
