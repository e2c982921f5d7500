package episode

import "time"

// silenceFinder finds pauses in speech: runs of 10 ms windows whose level
// stays below −45 dBFS for at least 120 ms.
type silenceFinder struct {
	rateHz, channels int
	win              int // samples per window per channel
	n                int // samples in the current window
	energy           float64
	pos              int // windows seen
	runStart         int // first quiet window of the current run, -1 if none
	found            []time.Duration
}

const (
	silenceThreshold = 0.005623 // −45 dBFS as an RMS amplitude
	silenceMinWin    = 12       // 120 ms
)

func newSilenceFinder(rateHz, channels int) *silenceFinder {
	return &silenceFinder{rateHz: rateHz, channels: channels, win: rateHz / 100, runStart: -1}
}

func (s *silenceFinder) write(pcm []float32) {
	for i := 0; i+s.channels <= len(pcm); i += s.channels {
		x := float64(pcm[i])
		s.energy += x * x
		s.n++
		if s.n < s.win {
			continue
		}
		quiet := s.energy/float64(s.n) < silenceThreshold*silenceThreshold
		switch {
		case quiet && s.runStart < 0:
			s.runStart = s.pos
		case !quiet && s.runStart >= 0:
			s.end()
		}
		s.pos++
		s.n, s.energy = 0, 0
	}
}

func (s *silenceFinder) end() {
	if s.pos-s.runStart >= silenceMinWin {
		mid := (s.runStart + s.pos) * s.win / 2
		s.found = append(s.found, time.Duration(mid)*time.Second/time.Duration(s.rateHz))
	}
	s.runStart = -1
}

// middles returns the middle of every pause found, from the start.
func (s *silenceFinder) middles() []time.Duration {
	// A pause still open at the end is the segment's trailing silence,
	// not a pause between sentences.
	return s.found
}
