package mp3

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Lame encodes PCM to MP3 with the LAME encoder program. LAME is the
// reference-quality MP3 encoder; running the program keeps aloud free of cgo
// and lets a user upgrade the encoder without rebuilding.
type Lame struct {
	Path        string // program name or path; "lame" when empty
	BitrateKbps int    // constant bitrate; 48 when zero, plenty for speech
	TempDir     string // where the encoder writes; os.TempDir() when empty
}

// ErrEncoderMissing means the encoder program is not installed.
var ErrEncoderMissing = errors.New(`the "lame" MP3 encoder is not installed: install it with "apt-get install lame" (Debian/Ubuntu) or "brew install lame" (macOS)`)

// EncodePCM encodes interleaved signed 16-bit little-endian PCM. The output
// keeps the sample rate (MPEG-2 for 16–24 kHz, as speech engines produce)
// and starts with LAME's Info header, so its encoder delay and padding are
// known exactly.
func (l *Lame) EncodePCM(ctx context.Context, pcm []byte, rateHz, channels int) ([]byte, error) {
	if rateHz <= 0 || channels < 1 || channels > 2 {
		return nil, fmt.Errorf("lame: unsupported PCM: %d Hz, %d channels", rateHz, channels)
	}
	if len(pcm) == 0 {
		return nil, errors.New("lame: no PCM to encode")
	}
	path := l.Path
	if path == "" {
		path = "lame"
	}
	if _, err := exec.LookPath(path); err != nil {
		return nil, ErrEncoderMissing
	}
	kbps := l.BitrateKbps
	if kbps == 0 {
		kbps = 48
	}
	// LAME writes its Info tag only to a seekable file, not to a pipe.
	dir, err := os.MkdirTemp(l.TempDir, "aloud-lame-")
	if err != nil {
		return nil, fmt.Errorf("lame: %w", err)
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "out.mp3")
	mode := "m"
	if channels == 2 {
		mode = "j"
	}
	args := []string{"--quiet", "-r", "-s", khz(rateHz), "--bitwidth", "16", "--signed", "--little-endian",
		"-m", mode, "--cbr", "-b", fmt.Sprint(kbps), "-", out}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Stdin = bytes.NewReader(pcm)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("lame: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return nil, fmt.Errorf("lame: %w", err)
	}
	return withInfoHeader(b, len(pcm)/(2*channels))
}

// lameDelay is LAME's encoder delay in samples (ENCDELAY in its sources),
// the value LAME itself writes into its tag.
const lameDelay = 576

// withInfoHeader adds the Info header frame that LAME leaves out when its
// tag does not fit in one frame (MPEG-2 below 64 kbps), so that every
// segment states its encoder delay and padding exactly.
func withInfoHeader(b []byte, samples int) ([]byte, error) {
	s, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("lame: its output does not parse: %w", err)
	}
	if s.Header != nil && s.Header.DelayPad {
		return b, nil
	}
	sum := Summary{Format: s.Format, BitrateKbps: s.Bitrate, Frames: len(s.Frames), Encoder: "LAME",
		Delay: lameDelay, Padding: max(s.Samples()-lameDelay-samples, 0)}
	var toc TOCBuilder
	for _, f := range s.Frames {
		toc.Add(len(f.Data))
		sum.AudioBytes += len(f.Data)
		sum.MusicCRC = CRC16(sum.MusicCRC, f.Data)
	}
	sum.TOC = toc.TOC()
	h, err := HeaderFrame(sum)
	if err != nil {
		return nil, fmt.Errorf("lame: %w", err)
	}
	return append(h, b...), nil
}

func khz(rateHz int) string {
	s := fmt.Sprintf("%.3f", float64(rateHz)/1000)
	return strings.TrimRight(strings.TrimRight(s, "0"), ".")
}
