package episode

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/aloud-dev/aloud/internal/speech"
)

// ErrOutputIsInput means a join was asked to write over one of its inputs.
var ErrOutputIsInput = errors.New("the output is also an input")

// JoinFiles joins the MP3 (or WAV) files inputs into the file out, with
// pause between each two: each input is looked at once, the episode is
// written beside out and renamed over it only when whole, so readers see
// the old file or the new one, never part of it. A failure names the input
// it is about (a *SegmentError keeps its index).
func JoinFiles(ctx context.Context, out string, inputs []string, pause time.Duration, o Options) (Result, error) {
	outInfo, _ := os.Stat(out)
	var segs []Segment
	for i, in := range inputs {
		st, err := os.Stat(in)
		if err != nil {
			return Result{}, err
		}
		if st.IsDir() {
			return Result{}, fmt.Errorf("%s is a directory", in)
		}
		if outInfo != nil && os.SameFile(st, outInfo) {
			return Result{}, fmt.Errorf("%s: %w", out, ErrOutputIsInput)
		}
		p := pause
		if i == 0 {
			p = 0
		}
		format := speech.MP3
		if strings.EqualFold(filepath.Ext(in), ".wav") {
			format = speech.WAV
		}
		segs = append(segs, Segment{Path: in, Size: st.Size(), Format: format, PauseBefore: p})
	}
	tmp, err := os.CreateTemp(filepath.Dir(out), ".tmp-"+filepath.Base(out)+"-*")
	if err != nil {
		return Result{}, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	res, err := Join(ctx, tmp, segs, o)
	if err != nil {
		return Result{}, fmt.Errorf("joining into %s: %w", out, nameInput(err, inputs))
	}
	if err := tmp.Chmod(0o644); err != nil {
		return Result{}, err
	}
	// No fsync: like cp, cat and ffmpeg, a join leaves flushing to the
	// system; the rename still means readers see the whole file or none.
	// (The store's Put, which publishes, does sync.)
	if err := tmp.Close(); err != nil {
		return Result{}, err
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return Result{}, err
	}
	return res, nil
}

// nameInput names the input a join failed on by its path.
func nameInput(err error, inputs []string) error {
	var se *SegmentError
	if errors.As(err, &se) && se.Index >= 0 && se.Index < len(inputs) {
		se.Name = inputs[se.Index]
	}
	return err
}
