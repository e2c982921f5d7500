package episode

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aloud-dev/aloud/internal/mp3"
	"github.com/aloud-dev/aloud/internal/speech"
)

// speechFrames returns the audio frames of a testdata file of LAME speech
// (22.05 kHz mono), its header frame and tags dropped.
func speechFrames(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "mp3", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	frames, _ := audioFrames(t, data)
	return frames
}

// audioFrames parses an MP3 file and returns its audio frames, one after
// another, and what the parse found.
func audioFrames(t *testing.T, data []byte) ([]byte, *mp3.Stream) {
	t.Helper()
	st, err := mp3.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var frames []byte
	for _, f := range st.Frames {
		frames = append(frames, f.Data...)
	}
	return frames, st
}

// TestJoinInPieces joins many segment files read on every CPU, one of them
// longer than a piece, and checks the file byte for byte against the
// frames joined in order: pauses as silent frames, each segment's frames
// unchanged, the music CRC over exactly those bytes, and no preallocated
// space left at the end.
func TestJoinInPieces(t *testing.T) {
	dir := t.TempDir()
	whole, err := os.ReadFile(filepath.Join("..", "mp3", "testdata", "speech-22k-64k-lametag.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	frames := speechFrames(t, "speech-22k-64k-lametag.mp3")
	wst, err := mp3.Parse(whole)
	if err != nil || wst.Header == nil || !wst.Header.DelayPad {
		t.Fatalf("testdata has no LAME tag: %v", err)
	}
	tag := wst.Header
	long := bytes.Repeat(frames, pieceBytes/len(frames)+3) // more than one piece, no header frame
	var segs []Segment
	var want []byte
	f := mp3.Format{Version: mp3.MPEG2, Layer: 3, RateHz: 22050, Mode: mp3.Mono}
	silence := splitFrames(mp3.Must(mp3.Silence(f, 64, 2)))
	for i := range 40 {
		data, audio := whole, frames
		if i == 17 {
			data, audio = long, long
		}
		p := filepath.Join(dir, fmt.Sprintf("s%02d.mp3", i))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		sg := Segment{Path: p, Format: speech.MP3}
		if i%2 == 0 {
			sg.Size = int64(len(data)) // as mp3 join passes it; odd ones are measured
		}
		if i > 0 {
			// Two frames at 22.05 kHz, less the encoder padding before
			// and delay after that a LAME tag states (the long segment
			// has no tag).
			sg.PauseBefore = 52 * time.Millisecond
			prevPad, delay := tag.Padding, tag.Delay
			if i-1 == 17 {
				prevPad = 0
			}
			if i == 17 {
				delay = 0
			}
			for k := range gaplessPause(1147, prevPad, delay, 576) {
				want = append(want, silence[k%2]...)
			}
		}
		segs = append(segs, sg)
		want = append(want, audio...)
	}
	out, res := join(t, segs, Options{Tags: Tags{Title: "Pieces"}})
	if int64(len(out)) != res.SizeBytes {
		t.Fatalf("file is %d bytes, result says %d", len(out), res.SizeBytes)
	}
	got, st := audioFrames(t, out)
	if !bytes.Equal(got, want) {
		t.Fatalf("audio frames differ from the segments joined in order (%d bytes, want %d)", len(got), len(want))
	}
	if !bytes.HasSuffix(out, want) {
		t.Error("something follows the last frame")
	}
	if st.Header == nil || st.Header.Frames != res.Frames || len(st.Frames) != res.Frames {
		t.Errorf("header %+v, result %d frames", st.Header, res.Frames)
	}
	if crc := musicCRC(t, out); crc != mp3.CRC16(0, want) {
		t.Errorf("music CRC %04x, want %04x", crc, mp3.CRC16(0, want))
	}
	independentChecks(t, out, res)
}

// musicCRC reads the LAME tag's music CRC from a joined file's header
// frame, which follows the ID3v2 tag (10 bytes and a syncsafe size).
func musicCRC(t *testing.T, out []byte) uint16 {
	t.Helper()
	if len(out) < 10 || string(out[:3]) != "ID3" {
		t.Fatal("the file does not start with an ID3v2 tag")
	}
	tagSize := 10 + (int(out[6])<<21 | int(out[7])<<14 | int(out[8])<<7 | int(out[9]))
	h, err := mp3.ParseHeader(out[tagSize:])
	if err != nil {
		t.Fatalf("no frame after the tag: %v", err)
	}
	x := tagSize + 4 + h.SideInfoSize() // no CRC in a header frame aloud writes
	if id := string(out[x : x+4]); id != "Info" && id != "Xing" {
		t.Fatalf("header frame starts %q, want Info or Xing", id)
	}
	// Xing/Info: 4-byte id, flags, frames, bytes, 100-byte TOC, quality;
	// then the LAME tag, whose music CRC is at byte 32.
	return binary.BigEndian.Uint16(out[x+120+32:])
}

// TestJoinStopsCleanly: a bad segment in the middle of many, or a cancelled
// context, ends the join with the reason, and every reader goroutine ends.
func TestJoinStopsCleanly(t *testing.T) {
	frames := speechFrames(t, "speech-22k-48k.mp3")
	before := runtime.NumGoroutine()
	for _, tc := range []struct {
		name   string
		bad    int // the segment that is not audio, or -1
		cancel bool
		want   string
	}{
		{"bad segment", 300, false, "segment 300: no MPEG audio frames"},
		{"bad last segment", 599, false, "segment 599: no MPEG audio frames"},
		{"cancelled", -1, true, context.Canceled.Error()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var segs []Segment
			for i := range 600 {
				data := frames
				if i == tc.bad {
					data = []byte("<html><body>503 Service Unavailable</body></html>")
				}
				segs = append(segs, BytesSegment(speech.Audio{Format: speech.MP3, Data: data}, 100*time.Millisecond))
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tc.cancel {
				// Cancelled while the readers run: the first segment's
				// reader cancels once it is being read.
				segs[40] = Segment{Audio: cancelOnRead{bytes.NewReader(frames), cancel}, Size: int64(len(frames)), Format: speech.MP3}
			}
			f, err := os.Create(filepath.Join(t.TempDir(), "out.mp3"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, err = Join(ctx, f, segs, Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want %q", err, tc.want)
			}
			if tc.cancel && !errors.Is(err, context.Canceled) {
				t.Errorf("%v is not context.Canceled", err)
			}
			if st, err := f.Stat(); err != nil || st.Size() != 0 {
				t.Errorf("the failed join left %d bytes in the file (%v)", st.Size(), err)
			}
		})
	}
	// Readers are gone once Join returns (a little time for the runtime
	// to retire them).
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the joins, %d before", n, before)
	}
}

// cancelOnRead cancels a context when it is read.
type cancelOnRead struct {
	r      *bytes.Reader
	cancel context.CancelFunc
}

func (c cancelOnRead) ReadAt(p []byte, off int64) (int, error) {
	c.cancel()
	return c.r.ReadAt(p, off)
}

// TestReadersWaitForTheWriter: however slow the writes, the readers take
// only a few segments ahead of the one being written, so memory does not
// grow with the episode.
func TestReadersWaitForTheWriter(t *testing.T) {
	frames := speechFrames(t, "speech-22k-48k.mp3")
	var mu sync.Mutex
	highest := -1
	var segs []Segment
	for i := range 100 {
		r := &countingReader{r: bytes.NewReader(frames), onRead: func() {
			mu.Lock()
			highest = max(highest, i)
			mu.Unlock()
		}}
		segs = append(segs, Segment{Audio: r, Size: int64(len(frames)), Format: speech.MP3})
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "out.mp3"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := &gatedOutput{File: f, gate: make(chan struct{})}
	done := make(chan error, 1)
	go func() {
		_, err := Join(context.Background(), out, segs, Options{})
		done <- err
	}()
	time.Sleep(300 * time.Millisecond) // the writer is held at its first piece
	mu.Lock()
	read := highest
	mu.Unlock()
	limit := min(runtime.GOMAXPROCS(0), maxReaders) + segmentsAhead
	if read >= limit {
		t.Errorf("with the writer held, segments up to %d were read; want fewer than %d", read, limit)
	}
	if read < 0 {
		t.Error("nothing was read while the writer was held")
	}
	close(out.gate)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if highest != 99 {
		t.Errorf("read up to segment %d of 100", highest)
	}
}

type countingReader struct {
	r      *bytes.Reader
	onRead func()
}

func (c *countingReader) ReadAt(p []byte, off int64) (int, error) {
	c.onRead()
	return c.r.ReadAt(p, off)
}

// gatedOutput holds every write after the first (the tag and header frame)
// until gate is closed.
type gatedOutput struct {
	*os.File
	gate   chan struct{}
	writes int
}

func (g *gatedOutput) Write(p []byte) (int, error) {
	if g.writes++; g.writes > 1 {
		<-g.gate
	}
	return g.File.Write(p)
}
