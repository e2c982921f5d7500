package mp3

import (
	"bytes"
	"context"
	"encoding/binary"
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
	return l.EncodePCMAt(ctx, pcm, rateHz, channels, l.BitrateKbps)
}

// EncodePCMAt is EncodePCM at a constant bitrate of kbps (48 when zero),
// which must be one the rate's MPEG version has: what a join re-encodes
// a segment at to match the episode's bitrate.
func (l *Lame) EncodePCMAt(ctx context.Context, pcm []byte, rateHz, channels, kbps int) ([]byte, error) {
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
	// --resample keeps the input's rate: at a low bitrate LAME would
	// otherwise choose a lower one itself, and the segment would not
	// match the episode it is encoded for.
	args := []string{"--quiet", "-r", "-s", khz(rateHz), "--resample", khz(rateHz), "--bitwidth", "16", "--signed", "--little-endian",
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

// Decode decodes MPEG audio of any layer with LAME's own decoder (the
// lame program's --decode, mpglib), for what aloud's built-in Layer III
// decoder does not read. Its samples are 16-bit.
func (l *Lame) Decode(ctx context.Context, data []byte) ([]float32, int, int, error) {
	path := l.Path
	if path == "" {
		path = "lame"
	}
	if _, err := exec.LookPath(path); err != nil {
		return nil, 0, 0, ErrEncoderMissing
	}
	dir, err := os.MkdirTemp(l.TempDir, "aloud-lame-")
	if err != nil {
		return nil, 0, 0, fmt.Errorf("lame: %w", err)
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "in.mpa"), filepath.Join(dir, "out.wav")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, 0, 0, fmt.Errorf("lame: %w", err)
	}
	args := []string{"--quiet", "--decode"}
	if f, _, err := Probe(bytes.NewReader(data), int64(len(data))); err != nil || f.Layer != 3 {
		// Probe refuses Layer I and II; LAME is told which it reads.
		if layer := firstLayer(data); layer == 1 || layer == 2 {
			args = append(args, fmt.Sprintf("--mp%dinput", layer))
		}
	}
	cmd := exec.CommandContext(ctx, path, append(args, in, out)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, 0, 0, ctx.Err()
		}
		return nil, 0, 0, fmt.Errorf("lame --decode: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	wav, err := os.ReadFile(out)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("lame --decode: %w", err)
	}
	return readWAV16(wav)
}

// firstLayer is the layer of the first frame header in data (0: none).
func firstLayer(data []byte) int {
	for i := 0; i+4 <= len(data); i++ {
		if data[i] == 0xff && data[i+1]&0xe0 == 0xe0 {
			if h, err := ParseHeader(data[i:]); err == nil {
				return h.Layer
			}
		}
	}
	return 0
}

// readWAV16 reads a 16-bit PCM WAV file: its samples as floats, its rate
// and channel count.
func readWAV16(b []byte) ([]float32, int, int, error) {
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		return nil, 0, 0, errors.New("lame --decode: not a WAV file")
	}
	var rate, ch, bits int
	for p := 12; p+8 <= len(b); {
		id, size := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		body := b[p+8:]
		if size > len(body) {
			size = len(body) // a length LAME could not patch (streamed)
		}
		switch id {
		case "fmt ":
			if size < 16 {
				return nil, 0, 0, errors.New("lame --decode: short fmt chunk")
			}
			ch, rate, bits = int(binary.LittleEndian.Uint16(body[2:])), int(binary.LittleEndian.Uint32(body[4:])), int(binary.LittleEndian.Uint16(body[14:]))
		case "data":
			if bits != 16 || ch < 1 || ch > 2 || rate <= 0 {
				return nil, 0, 0, fmt.Errorf("lame --decode: %d-bit, %d channels, %d Hz: not 16-bit mono or stereo", bits, ch, rate)
			}
			pcm := make([]float32, size/2)
			for i := range pcm {
				pcm[i] = float32(int16(binary.LittleEndian.Uint16(body[2*i:]))) / 32768
			}
			return pcm, rate, ch, nil
		}
		p += 8 + size + size&1
	}
	return nil, 0, 0, errors.New("lame --decode: no data chunk")
}
