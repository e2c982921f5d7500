// Package mp3test makes MP3 test material the way the tests need it:
// speech-shaped signals and real LAME encodings of them.
package mp3test

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// SpeechLike is a signal with speech's shape: syllables of a harmonic
// voice whose pitch glides, with noisy onsets (short blocks) and pauses,
// in one or two channels (the second a delayed, quieter copy, so joint
// stereo has work to do).
func SpeechLike(rate, channels int, seconds float64) []int16 {
	n := int(float64(rate) * seconds)
	out := make([]int16, n*channels)
	seed := uint32(12345)
	noise := func() float64 {
		seed = seed*1664525 + 1013904223
		return float64(int32(seed))/float64(1<<31) - 0
	}
	phase := 0.0
	for i := range n {
		t := float64(i) / float64(rate)
		syl := math.Mod(t, 0.23)
		env := 0.0
		if syl < 0.16 {
			env = math.Sin(math.Pi * syl / 0.16)
		}
		f0 := 120 + 60*math.Sin(2*math.Pi*0.7*t)
		phase += 2 * math.Pi * f0 / float64(rate)
		v := 0.0
		for h := 1; h <= 12 && float64(h)*f0 < float64(rate)/2.2; h++ {
			v += math.Sin(float64(h)*phase) / float64(h)
		}
		if syl < 0.02 {
			v += 1.5 * noise() // a plosive's burst
		}
		x := 0.35 * env * v
		out[i*channels] = int16(max(min(x*32767, 32767), -32768))
		if channels == 2 {
			j := max(i-40, 0)
			out[i*channels+1] = int16(0.7 * float64(out[j*channels]))
		}
	}
	return out
}

// LameEncode encodes PCM with the lame program and the given options.
func LameEncode(t *testing.T, pcm []int16, rate, channels int, opts ...string) []byte {
	t.Helper()
	dir := t.TempDir()
	raw := make([]byte, 2*len(pcm))
	for i, v := range pcm {
		binary.LittleEndian.PutUint16(raw[2*i:], uint16(v))
	}
	in, out := filepath.Join(dir, "in.raw"), filepath.Join(dir, "out.mp3")
	if err := os.WriteFile(in, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	mode := "m"
	if channels == 2 {
		mode = "j"
	}
	args := append([]string{"--quiet", "-r", "-s", khz(rate), "--resample", khz(rate), "--bitwidth", "16", "--signed", "--little-endian", "-m", mode}, opts...)
	cmd := exec.Command("lame", append(args, in, out)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("lame %v: %v\n%s", opts, err, b)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func khz(rateHz int) string {
	s := fmt.Sprintf("%.3f", float64(rateHz)/1000)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}
