package mp3

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"os/exec"
	"testing"
)

func tone(rateHz, seconds int) []byte {
	n := rateHz * seconds
	b := make([]byte, 0, 2*n)
	for i := range n {
		v := int16(8000 * math.Sin(2*math.Pi*440*float64(i)/float64(rateHz)))
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return b
}

func TestLameEncode(t *testing.T) {
	if _, err := exec.LookPath("lame"); err != nil {
		t.Fatal("lame is not installed (apt-get install lame)")
	}
	for _, kbps := range []int{32, 48, 64} {
		out, err := (&Lame{BitrateKbps: kbps}).EncodePCM(context.Background(), tone(22050, 2), 22050, 1)
		if err != nil {
			t.Fatal(err)
		}
		s, err := Parse(out)
		if err != nil {
			t.Fatal(err)
		}
		h := s.Header
		if h == nil || !h.DelayPad || h.Delay != 576 {
			t.Fatalf("%d kbps: header %+v, want LAME delay 576", kbps, h)
		}
		// frames × 576 = delay + samples + padding, exactly.
		if got := s.Samples() - h.Delay - h.Padding; got != 2*22050 {
			t.Errorf("%d kbps: %d samples after delay and padding, want %d", kbps, got, 2*22050)
		}
		if s.Bitrate != kbps {
			t.Errorf("bitrate %d, want %d", s.Bitrate, kbps)
		}
		pcm := decode(t, out)
		if len(pcm)/2 != s.Samples()+576 {
			// go-mp3 decodes the header frame as one silent frame.
			t.Errorf("go-mp3 decoded %d samples, stream has %d (+576 for the header frame)", len(pcm)/2, s.Samples())
		}
	}
	if _, err := (&Lame{Path: "/nonexistent/lame"}).EncodePCM(context.Background(), tone(22050, 1), 22050, 1); !errors.Is(err, ErrEncoderMissing) {
		t.Errorf("missing lame: %v", err)
	}
	if _, err := (&Lame{}).EncodePCM(context.Background(), nil, 22050, 1); err == nil {
		t.Error("no PCM: want an error")
	}
	if _, err := (&Lame{}).EncodePCM(context.Background(), tone(22050, 1), 22050, 3); err == nil {
		t.Error("3 channels: want an error")
	}
}
