package episode

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/aloud-dev/aloud/internal/mp3"
)

// reader turns segments into the pieces of the episode: each segment's pause
// as silent frames, then its frames with tags and header frame dropped,
// reservoir-starved frames silenced and gains applied. Segments are
// independent, so they are read on every CPU at once, a few ahead of the
// writer, and each piece carries its own music CRC, which the writer
// combines in order (mp3.CRC16Combine). A reader is used once.
type reader struct {
	format  mp3.Format
	kbps    int
	silence [][]byte // two silent frames; pauses alternate their padding
	// pauses are the silent frames before each segment, when worked out
	// before the join (the loudness pass); otherwise each reader works out
	// its segment's from wantPause, the pause asked for in samples, less
	// the previous segment's padding and its own delay (gaplessPause).
	pauses    []int
	wantPause []int
	// gains, when not nil, holds every frame's gain in steps, and
	// firstFrame where each segment's pause starts among them.
	gains      []int8
	firstFrame []int
	// fast: the segments were not probed; a frame in another format
	// ends the join with errRestart instead of an error.
	fast bool

	segs  []Segment
	free  chan []byte   // written pieces' buffers, for reuse
	ahead chan struct{} // a token for each segment taken and not yet written
	wg    sync.WaitGroup
}

// piece is a run of a segment's output bytes, in order; the last piece of
// a segment also says what was found in it. A piece with err ends the join.
type piece struct {
	data  []byte
	crc   uint16   // CRC-16 of data from zero
	sizes []uint16 // the length of each frame in data, for the seek table
	done  *segmentDone
	err   error
}

// segmentDone is what a segment's scan found.
type segmentDone struct {
	pause    int             // silent frames written before it
	header   *mp3.XingHeader // the segment's own header frame, if any
	samples  int             // in its frames, its pause not counted
	silenced int             // frames silenced for a cut-off reservoir
	variable bool            // a frame's bitrate differs from the first segment's
}

// pieceBytes bounds a piece: a long segment is handed on in pieces, so
// memory does not grow with its length.
const pieceBytes = 256 << 10

// piecesAhead is how many finished pieces of one segment may wait for the
// writer, and segmentsAhead how many segments past the readers' own the
// readers may have taken.
const (
	piecesAhead   = 2
	segmentsAhead = 2
)

// maxReaders bounds the segments read at once: past a few, the join waits
// on the writes, and each reader holds up to piecesAhead+1 pieces.
const maxReaders = 4

// start reads the segments on every CPU and returns, for each, the channel
// its pieces arrive on, closed after its last. Segments are taken in order,
// so the one the writer waits for is always being read. Cancelling ctx
// stops the readers; wait waits for them to finish.
func (rd *reader) start(ctx context.Context, segs []Segment) []chan piece {
	rd.segs = segs
	results := make([]chan piece, len(segs))
	for i := range results {
		results[i] = make(chan piece, piecesAhead)
	}
	next := make(chan int)
	workers := max(1, min(runtime.GOMAXPROCS(0), maxReaders, len(segs)))
	// Readers run at most a few segments ahead of the writer, so the
	// pieces in memory are bounded however slow the writes are.
	rd.ahead = make(chan struct{}, workers+segmentsAhead)
	rd.free = make(chan []byte, (workers+segmentsAhead)*(piecesAhead+1)+1)
	for range workers {
		rd.wg.Add(1)
		go func() {
			defer rd.wg.Done()
			for i := range next {
				rd.read(ctx, i, segs[i], results[i])
				close(results[i])
			}
		}()
	}
	rd.wg.Add(1)
	go func() {
		defer rd.wg.Done()
		defer close(next)
		for i := range segs {
			select {
			case rd.ahead <- struct{}{}:
				select {
				case next <- i:
					continue
				case <-ctx.Done():
				}
			case <-ctx.Done():
			}
			// Cancelled: the segments never taken are closed empty, so
			// that nothing waits for them.
			for _, ch := range results[i:] {
				close(ch)
			}
			return
		}
	}()
	return results
}

func (rd *reader) wait() { rd.wg.Wait() }

// written tells the readers that the writer is done with a segment. A
// segment never taken (the join was cancelled first) holds no token.
func (rd *reader) written() {
	select {
	case <-rd.ahead:
	default:
	}
}

// recycle keeps a written piece's buffer for another piece.
func (rd *reader) recycle(p piece) {
	select {
	case rd.free <- p.data[:0]:
	default:
	}
}

// buffer returns an empty buffer for a piece: one used before when there is
// one, so a join of any length touches the memory of a few pieces only.
func (rd *reader) buffer() []byte {
	select {
	case b := <-rd.free:
		return b
	default:
		return make([]byte, 0, pieceBytes)
	}
}

// errStopped ends a segment's scan when the join has been cancelled.
var errStopped = errors.New("join stopped")

// read sends segment i's pieces to out.
func (rd *reader) read(ctx context.Context, i int, sg Segment, out chan<- piece) {
	send := func(p piece) bool {
		select {
		case out <- p:
			return true
		case <-ctx.Done():
			return false
		}
	}
	fail := func(err error) {
		send(piece{err: err})
	}
	if err := ctx.Err(); err != nil {
		return
	}
	frame := 0
	if rd.firstFrame != nil {
		frame = rd.firstFrame[i]
	}
	p := piece{data: rd.buffer()}
	// add appends one frame to the piece, handing the piece on first
	// when the frame does not fit.
	add := func(fr []byte) bool {
		if len(p.data)+len(fr) > cap(p.data) {
			p.crc = mp3.CRC16(0, p.data)
			if !send(p) {
				return false
			}
			p = piece{data: rd.buffer()}
		}
		at := len(p.data)
		p.data = append(p.data, fr...)
		if frame < len(rd.gains) && rd.gains[frame] != 0 {
			if h, err := mp3.ParseHeader(fr); err == nil {
				mp3.AdjustGain(p.data[at:], h, int(rd.gains[frame]))
			}
		}
		frame++
		p.sizes = append(p.sizes, uint16(len(fr)))
		return true
	}
	var pause int
	if rd.pauses != nil {
		pause = rd.pauses[i]
	} else {
		prevPad, delay := 0, 0
		if i > 0 && rd.wantPause[i] > 0 {
			var err error
			if _, prevPad, err = delayPadding(rd.segs[i-1]); err != nil {
				fail(&SegmentError{Index: i - 1, Err: err})
				return
			}
			if delay, _, err = delayPadding(sg); err != nil {
				fail(&SegmentError{Index: i, Err: err})
				return
			}
		}
		pause = gaplessPause(rd.wantPause[i], prevPad, delay, rd.format.Samples())
	}
	for k := range pause {
		if !add(rd.silence[k%2]) {
			return
		}
	}

	r, size, done, err := sg.open()
	if err != nil {
		fail(&SegmentError{Index: i, Err: err})
		return
	}
	var (
		res mp3.Reservoir
		d   segmentDone
	)
	checked := false // Scan keeps every frame in the first one's format
	st, err := mp3.Scan(r, size, func(fr mp3.Frame, off int64) error {
		if !checked && !fr.Header.Format().SameAs(rd.format) {
			if rd.fast {
				return errRestart
			}
			return fmt.Errorf("%s after %s: %w", fr.Header.Format(), rd.format, ErrMismatch)
		}
		checked = true
		data, fixed := res.Fix(fr)
		if fixed {
			d.silenced++
		}
		if fr.Header.BitrateKbps != rd.kbps {
			d.variable = true
		}
		if !add(data) {
			return errStopped
		}
		return nil
	})
	done()
	switch {
	case errors.Is(err, errStopped):
		return
	case rd.fast && (errors.Is(err, errRestart) || errors.Is(err, mp3.ErrFormatChange) || errors.Is(err, mp3.ErrNotLayer3)):
		// Let the careful path find the majority and say what is wrong.
		fail(errRestart)
		return
	case err != nil:
		fail(&SegmentError{Index: i, Err: err})
		return
	}
	d.header, d.samples, d.pause = st.Header, st.Samples(), pause
	p.crc = mp3.CRC16(0, p.data)
	p.done = &d
	send(p)
}
