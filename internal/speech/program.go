package speech

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
)

// maxStderr bounds what a program's complaints add to an error.
const maxStderr = 2 << 10

// RunProgram runs a local engine without a shell (the text is never
// interpreted): argv with stdin as its standard input. It returns what the
// program wrote to outPath, or to its standard output when outPath is "".
// A program that fails says why in the error, with the end of its stderr.
func RunProgram(ctx context.Context, backend string, argv []string, stdin string, outPath string) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout limitedBuffer
	var stderr tailBuffer
	stdout.max = MaxAudioBytes
	if outPath == "" {
		cmd.Stdout = &stdout
	}
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, exec.ErrNotFound) {
			return nil, Permanent(fmt.Errorf("%s: %s not found on PATH: install it or give its full path in the voice preset", backend, argv[0]))
		}
		return nil, Permanent(fmt.Errorf("%s: %s: %w: %s", backend, argv[0], err, strings.TrimSpace(stderr.String())))
	}
	if stdout.over {
		return nil, Permanent(fmt.Errorf("%s: %s wrote more than %d bytes", backend, argv[0], MaxAudioBytes))
	}
	if outPath == "" {
		return stdout.Bytes(), nil
	}
	f, err := os.Open(outPath)
	if err != nil {
		return nil, Permanent(fmt.Errorf("%s: %s wrote no audio file: %w", backend, argv[0], err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxAudioBytes+1))
	if err == nil && len(data) > MaxAudioBytes {
		err = fmt.Errorf("larger than %d bytes", MaxAudioBytes)
	}
	if err != nil {
		return nil, Permanent(fmt.Errorf("%s: reading %s: %w", backend, outPath, err))
	}
	return data, nil
}

// EncodeWAV turns a local engine's WAV into MP3 with enc, so that every
// backend answers in MP3.
func EncodeWAV(ctx context.Context, backend string, enc Encoder, wav []byte, text string) (Audio, error) {
	pcm, err := ParseWAV(wav)
	if err != nil {
		return Audio{}, fmt.Errorf("%s: %w: %w", backend, ErrBadAudio, err)
	}
	if len(pcm.Data) == 0 {
		return Audio{}, Permanent(fmt.Errorf("%s: no audio for %q", backend, Clip(text, 40)))
	}
	mp3, err := enc.EncodePCM(ctx, pcm.Data, pcm.RateHz, pcm.Channels)
	if err != nil {
		return Audio{}, fmt.Errorf("%s: %w", backend, err)
	}
	return Audio{Format: MP3, Data: mp3}, nil
}

// limitedBuffer keeps at most max bytes and notes when more came.
type limitedBuffer struct {
	bytes.Buffer
	max  int
	over bool
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > b.max {
		b.over = true
		return len(p), nil
	}
	return b.Buffer.Write(p)
}

// tailBuffer keeps the last maxStderr bytes written to it.
type tailBuffer struct{ b []byte }

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > maxStderr {
		t.b = t.b[len(t.b)-maxStderr:]
	}
	return len(p), nil
}

func (t *tailBuffer) String() string { return string(t.b) }
