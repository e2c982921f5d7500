package episode

import (
	"math"
)

// Meter measures integrated loudness (ITU-R BS.1770-4, gated as EBU R128
// does) and true peak of interleaved 16-bit PCM fed to it in order.
type Meter struct {
	rateHz   int
	channels int
	pre, rlb []biquad // K-weighting per channel: shelf, then high-pass
	sub      float64  // energy of the current 100 ms sub-block
	subN     int      // samples in it
	subLen   int      // samples per sub-block
	subs     []float64
	blocks   []float64 // mean square of each 400 ms block
	tp       truePeak

	// Per MP3 frame (frameLen samples): K-weighted energy and true peak,
	// for choosing a gain frame by frame.
	frameLen    int
	frameN      int
	frameEnergy []float32
	framePeak   []float32
	curEnergy   float64
	curPeak     float64
}

type biquad struct {
	b0, b1, b2, a1, a2 float64
	z1, z2             float64
}

func (q *biquad) run(x float64) float64 {
	y := q.b0*x + q.z1
	q.z1 = q.b1*x - q.a1*y + q.z2
	q.z2 = q.b2*x - q.a2*y
	return y
}

// kWeighting designs the two BS.1770 filters for any sample rate by the
// bilinear transform of their analogue prototypes (the parameters are those
// that reproduce the standard's 48 kHz coefficients).
func kWeighting(rateHz int) (pre, rlb biquad) {
	fs := float64(rateHz)
	// High-frequency shelf: +4 dB above about 1.7 kHz.
	f0, gainDB, q := 1681.974450955533, 3.999843853973347, 0.7071752369554196
	k := math.Tan(math.Pi * f0 / fs)
	vh := math.Pow(10, gainDB/20)
	vb := math.Pow(vh, 0.4996667741545416)
	a0 := 1 + k/q + k*k
	pre = biquad{
		b0: (vh + vb*k/q + k*k) / a0, b1: 2 * (k*k - vh) / a0, b2: (vh - vb*k/q + k*k) / a0,
		a1: 2 * (k*k - 1) / a0, a2: (1 - k/q + k*k) / a0,
	}
	// Revised low-frequency B-curve: a second-order high-pass at 38 Hz.
	f0, q = 38.13547087602444, 0.5003270373238773
	k = math.Tan(math.Pi * f0 / fs)
	a0 = 1 + k/q + k*k
	rlb = biquad{b0: 1, b1: -2, b2: 1, a1: 2 * (k*k - 1) / a0, a2: (1 - k/q + k*k) / a0}
	return pre, rlb
}

// NewMeter measures PCM of the rate and channel count. With frameLen > 0
// it also keeps the energy and true peak of every frameLen samples.
func NewMeter(rateHz, channels, frameLen int) *Meter {
	m := &Meter{rateHz: rateHz, channels: channels, subLen: rateHz / 10, tp: newTruePeak(channels, oversampling(rateHz)), frameLen: frameLen}
	for range channels {
		p, r := kWeighting(rateHz)
		m.pre = append(m.pre, p)
		m.rlb = append(m.rlb, r)
	}
	return m
}

// Write feeds interleaved 16-bit samples.
func (m *Meter) Write(samples []int16) {
	f := make([]float32, len(samples))
	for i, v := range samples {
		f[i] = float32(v) / 32768
	}
	m.WriteFloat(f)
}

// WriteFloat feeds interleaved float samples (1.0 full scale; louder
// samples are measured as they are, not clipped).
func (m *Meter) WriteFloat(samples []float32) {
	for i := 0; i+m.channels <= len(samples); i += m.channels {
		e := 0.0
		for c := range m.channels {
			x := float64(samples[i+c])
			m.curPeak = max(m.curPeak, m.tp.add(c, x, m.curPeak))
			y := m.rlb[c].run(m.pre[c].run(x))
			e += y * y // channel weights are 1 for mono, left and right
		}
		m.addEnergy(e)
		if m.frameLen > 0 {
			m.curEnergy += e
			m.frameN++
			if m.frameN == m.frameLen {
				m.frameEnergy = append(m.frameEnergy, float32(m.curEnergy))
				m.framePeak = append(m.framePeak, float32(m.curPeak))
				m.curEnergy, m.curPeak, m.frameN = 0, 0, 0
			}
		}
	}
}

// Silence feeds n instants of digital silence, as pauses are.
func (m *Meter) Silence(n int) {
	zero := make([]float32, 1024*m.channels)
	for n > 0 {
		k := min(n, 1024)
		m.WriteFloat(zero[:k*m.channels])
		n -= k
	}
}

func (m *Meter) addEnergy(e float64) {
	m.sub += e
	m.subN++
	if m.subN < m.subLen {
		return
	}
	m.subs = append(m.subs, m.sub)
	m.sub, m.subN = 0, 0
	if n := len(m.subs); n >= 4 {
		sum := m.subs[n-1] + m.subs[n-2] + m.subs[n-3] + m.subs[n-4]
		m.blocks = append(m.blocks, sum/float64(4*m.subLen))
		m.subs = m.subs[n-3:]
	}
}

func blockLUFS(meanSquare float64) float64 {
	return -0.691 + 10*math.Log10(meanSquare)
}

// Integrated is the gated loudness in LUFS: blocks below −70 LUFS are
// dropped, then blocks more than 10 LU below the loudness of the rest.
// It is −Inf for silence.
func (m *Meter) Integrated() float64 {
	mean := func(threshold float64) (float64, int) {
		sum, n := 0.0, 0
		for _, b := range m.blocks {
			if b > 0 && blockLUFS(b) > threshold {
				sum += b
				n++
			}
		}
		if n == 0 {
			return 0, 0
		}
		return sum / float64(n), n
	}
	abs, n := mean(-70)
	if n == 0 {
		return math.Inf(-1)
	}
	rel, n := mean(blockLUFS(abs) - 10)
	if n == 0 {
		return math.Inf(-1)
	}
	return blockLUFS(rel)
}

// TruePeak is the highest inter-sample peak in dBTP, from 4× oversampling.
func (m *Meter) TruePeak() float64 {
	if m.tp.peak == 0 {
		return math.Inf(-1)
	}
	return 20 * math.Log10(m.tp.peak)
}

// truePeak oversamples with a windowed-sinc interpolator (BS.1770-4
// Annex 2 describes the method; its filter is one of many that meet it).
type truePeak struct {
	// hist holds each channel's last tpTaps samples twice over, so the
	// newest tpTaps are always contiguous at hist[c][pos+1 : pos+1+tpTaps].
	hist   [][]float64
	pos    []int
	peak   float64
	phases [][]float64 // one filter per interpolated point between samples
	bound  float64     // the largest sum of a phase's absolute taps
}

const tpTaps = 16 // per phase

// oversampling is how many points per sample the true-peak meter looks
// at: enough to reach 176.4 kHz or more, as ffmpeg's ebur128 and other
// meters do at any rate (4 at 44.1 and 48 kHz, 8 at 22.05 and 24 kHz,
// 16 at 11.025 kHz and below). Speech engines' low rates hide peaks
// between samples that a 4-times meter misses.
func oversampling(rateHz int) int {
	f := 4
	for rateHz*f < 176400 && f < 32 {
		f *= 2
	}
	return f
}

// truePeakMarginDB keeps the ceiling safe against other meters.
const truePeakMarginDB = 0.25

// newTruePeak builds the interpolator: from 16 samples x[0..15] it computes
// the values at the factor-1 points between x[7] and x[8] with a
// Blackman-windowed sinc, each phase normalised to unity gain at DC.
func newTruePeak(channels, factor int) truePeak {
	t := truePeak{pos: make([]int, channels)}
	for range channels {
		t.hist = append(t.hist, make([]float64, 2*tpTaps))
	}
	const half = tpTaps / 2
	for p := 1; p < factor; p++ {
		ph := make([]float64, tpTaps)
		sum := 0.0
		for k := range tpTaps {
			d := float64(half-1) + float64(p)/float64(factor) - float64(k)
			w := 0.42 + 0.5*math.Cos(math.Pi*d/half) + 0.08*math.Cos(2*math.Pi*d/half)
			if math.Abs(d) >= half {
				w = 0
			}
			ph[k] = sinc(d) * w
			sum += ph[k]
		}
		abs := 0.0
		for k := range tpTaps {
			ph[k] /= sum
			abs += math.Abs(ph[k])
		}
		t.bound = max(t.bound, abs)
		t.phases = append(t.phases, ph)
	}
	return t
}

func sinc(x float64) float64 {
	if x == 0 {
		return 1
	}
	return math.Sin(math.Pi*x) / (math.Pi * x)
}

// add takes the next sample of channel c and returns the largest absolute
// value among it and the interpolated values before it.
func (t *truePeak) add(c int, x, floor float64) float64 {
	h := t.hist[c]
	pos := t.pos[c] + 1
	if pos == tpTaps {
		pos = 0
	}
	t.pos[c] = pos
	h[pos], h[pos+tpTaps] = x, x
	w := h[pos+1 : pos+1+tpTaps]
	local := math.Abs(x)
	// No interpolated point can exceed the window's largest sample times
	// the filters' gain bound: below the peak already found (floor),
	// the interpolation is skipped.
	top := 0.0
	for _, v := range w {
		top = max(top, math.Abs(v))
	}
	if top*t.bound <= max(floor, local) {
		t.peak = max(t.peak, local)
		return local
	}
	for _, ph := range t.phases {
		ph := ph[:tpTaps]
		y := 0.0
		for k, v := range w {
			y += ph[k] * v
		}
		local = max(local, math.Abs(y))
	}
	t.peak = max(t.peak, local)
	return local
}

// FrameGains chooses a global_gain change for every frame so the episode
// reaches targetLUFS with its true peak at or below maxTruePeak dBTP:
// every frame gets the same number of steps, except where that would push
// the frame (or the next one, which its overlapping window reaches) past
// the ceiling; there the gain is held lower over a few frames either side,
// as a limiter with one frame of hold would. It returns the gains, the
// predicted loudness and true peak, and the mean gain in dB weighted by
// each frame's loudness (what a listener hears as the change).
func (m *Meter) FrameGains(targetLUFS, maxTruePeak, stepDB float64) (gains []int8, lufs, truePeak, meanGainDB float64) {
	n := len(m.frameEnergy)
	gains = make([]int8, n)
	allowed := make([]int, n)
	for k := range n {
		p := float64(m.framePeak[k])
		if k+1 < n {
			p = max(p, float64(m.framePeak[k+1]))
		}
		if p <= 0 {
			allowed[k] = 127
			continue
		}
		// A quarter dB of margin: other meters' interpolators read
		// peaks a little higher than ours (ffmpeg's by about 0.1 dB).
		allowed[k] = int(math.Floor((maxTruePeak - truePeakMarginDB - 20*math.Log10(p)) / stepDB))
	}
	const hold = 1
	held := make([]int, n)
	for k := range n {
		a := 127
		for j := max(0, k-hold); j <= min(n-1, k+hold); j++ {
			a = min(a, allowed[j])
		}
		held[k] = a
	}
	in := m.Integrated()
	if math.IsInf(in, -1) {
		return gains, in, m.TruePeak(), 0
	}
	apply := func(g int) {
		for k := range n {
			gains[k] = int8(min(max(min(g, held[k]), -60), 60))
		}
	}
	// Frames held back lower the loudness, so the episode gain that
	// comes closest may be a few steps above the plain difference.
	g0 := int(math.Round((targetLUFS - in) / stepDB))
	best, bestDiff := g0, math.Inf(1)
	for g := g0 - 1; g <= g0+8; g++ {
		apply(g)
		if d := math.Abs(m.gainedLoudness(gains, stepDB) - targetLUFS); d < bestDiff-0.01 {
			best, bestDiff = g, d
		}
	}
	apply(best)
	lufs, truePeak, meanGainDB = m.gainedLevels(gains, stepDB)
	return gains, lufs, truePeak, meanGainDB
}

// gainedLoudness predicts the integrated loudness after per-frame gains,
// gating 400 ms blocks built of whole frames.
func (m *Meter) gainedLoudness(gains []int8, stepDB float64) float64 {
	perBlock := max(1, int(math.Round(0.4*float64(m.rateHz)/float64(m.frameLen))))
	hop := max(1, perBlock/4)
	var power [256]float64 // energy factor of each int8 gain
	for g := range power {
		power[g] = math.Pow(10, float64(int8(g))*stepDB/10)
	}
	saved := m.blocks
	defer func() { m.blocks = saved }()
	m.blocks = nil
	perBlock = min(perBlock, len(m.frameEnergy)) // shorter than a block: one block of all
	for start := 0; perBlock > 0 && start+perBlock <= len(m.frameEnergy); start += hop {
		e := 0.0
		for k := start; k < start+perBlock; k++ {
			e += float64(m.frameEnergy[k]) * power[uint8(gains[k])]
		}
		m.blocks = append(m.blocks, e/float64(perBlock*m.frameLen))
	}
	return m.Integrated()
}

// SegmentGains chooses a global_gain change for every frame so that the
// episode reaches targetLUFS without its true peak passing maxTruePeak
// dBTP, as one gain: the gain an episode needs is rarely a whole number
// of 1.5 dB steps, so every segment gets either the step below it or the
// step above, spread evenly over the episode (by each segment's share of
// the loudness) in the proportion that lands closest to the target. No
// segment differs from another by more than one step, and none is made
// louder than its own peaks allow; dynamics inside a segment are not
// touched. bounds holds the first frame of every segment and, last, the
// number of frames. It returns the gains, the predicted loudness and
// true peak, and the gain in dB weighted by loudness.
func (m *Meter) SegmentGains(bounds []int, targetLUFS, maxTruePeak, stepDB float64) (gains []int8, lufs, truePeak, gainDB float64) {
	n := len(m.frameEnergy)
	gains = make([]int8, n)
	segs := len(bounds) - 1
	in := m.Integrated()
	if math.IsInf(in, -1) {
		in = m.shortLoudness()
	}
	if math.IsInf(in, -1) || segs <= 0 {
		return gains, in, m.TruePeak(), 0
	}
	// Each segment's own ceiling in steps, and its loudness weight.
	ceiling := make([]int, segs)
	weight := make([]float64, segs)
	for s := range segs {
		peak := 0.0
		for k := bounds[s]; k < bounds[s+1] && k < n; k++ {
			peak = max(peak, float64(m.framePeak[k]))
			weight[s] += float64(m.frameEnergy[k])
		}
		ceiling[s] = 127
		if peak > 0 {
			ceiling[s] = int(math.Floor((maxTruePeak - truePeakMarginDB - 20*math.Log10(peak)) / stepDB))
		}
	}
	low := int(math.Floor((targetLUFS - in) / stepDB))
	for _, c := range ceiling {
		low = min(low, c) // one gain: the peakiest segment sets the floor
	}
	low = min(max(low, -60), 59)
	// assign gives the step above to a share p of the segments, spread
	// evenly by error diffusion.
	assign := func(p float64) {
		acc := 0.0
		for s := range segs {
			g := low
			acc += p
			if acc >= 0.5 && low+1 <= ceiling[s] && weight[s] > 0 {
				g = low + 1
				acc--
			}
			for k := bounds[s]; k < bounds[s+1] && k < n; k++ {
				gains[k] = int8(g)
			}
		}
	}
	best, bestDiff := 0.0, math.Inf(1)
	for step := 0; step <= 20; step++ {
		p := float64(step) / 20
		assign(p)
		if d := math.Abs(m.gainedLoudness(gains, stepDB) - targetLUFS); d < bestDiff-1e-9 {
			best, bestDiff = p, d
		}
	}
	assign(best)
	lufs, truePeak, gainDB = m.gainedLevels(gains, stepDB)
	return gains, lufs, truePeak, gainDB
}

// gainedLevels is what per-frame gains make of the episode: its
// integrated loudness, its true peak, and the gain in dB weighted by each
// frame's energy (what a listener hears as "the" gain).
func (m *Meter) gainedLevels(gains []int8, stepDB float64) (lufs, truePeak, meanGainDB float64) {
	lufs = m.gainedLoudness(gains, stepDB)
	truePeak = math.Inf(-1)
	weighted, energy := 0.0, 0.0
	for k, g := range gains {
		if p := float64(m.framePeak[k]); p > 0 {
			truePeak = max(truePeak, 20*math.Log10(p)+float64(g)*stepDB)
		}
		weighted += float64(g) * stepDB * float64(m.frameEnergy[k])
		energy += float64(m.frameEnergy[k])
	}
	if energy > 0 {
		meanGainDB = weighted / energy
	}
	return lufs, truePeak, meanGainDB
}

// shortLoudness is the loudness of audio shorter than one 400 ms block:
// its mean K-weighted power as a single block (BS.1770 leaves such short
// audio unmeasured; a short file still needs a gain and a ceiling).
func (m *Meter) shortLoudness() float64 {
	e, samples := 0.0, 0
	for _, f := range m.frameEnergy {
		e += float64(f)
	}
	samples = len(m.frameEnergy) * m.frameLen
	if samples == 0 || e == 0 {
		return math.Inf(-1)
	}
	l := blockLUFS(e / float64(samples))
	if l < -70 {
		return math.Inf(-1)
	}
	return l
}
