package episode

import "math"

// resample converts interleaved 16-bit PCM between sample rates and channel
// counts. Channels are mixed first (stereo to mono by averaging, mono to
// stereo by copying); the rate is changed by band-limited interpolation: a
// Kaiser-windowed sinc whose cut-off is the lower of the two Nyquist
// frequencies, so downsampling does not alias.
func resample(in []int16, inRate, inCh, outRate, outCh int) []int16 {
	n := len(in) / inCh
	mono := make([][]float64, outCh)
	for c := range outCh {
		mono[c] = make([]float64, n)
	}
	for i := range n {
		switch {
		case inCh == outCh:
			for c := range outCh {
				mono[c][i] = float64(in[i*inCh+c])
			}
		case inCh == 2: // to mono
			mono[0][i] = (float64(in[2*i]) + float64(in[2*i+1])) / 2
		default: // mono to stereo
			for c := range outCh {
				mono[c][i] = float64(in[i])
			}
		}
	}
	if inRate == outRate {
		return interleave(mono)
	}
	ratio := float64(inRate) / float64(outRate)
	fc := min(1, 1/ratio) * 0.95 // leave a little transition band
	const halfTaps = 24          // zero crossings each side at the cut-off
	width := float64(halfTaps) / fc
	outN := int(float64(n) / ratio)
	out := make([][]float64, outCh)
	beta := 8.0
	i0b := besselI0(beta)
	for c := range outCh {
		out[c] = make([]float64, outN)
		x := mono[c]
		for j := range outN {
			t := float64(j) * ratio
			lo := int(math.Ceil(t - width))
			hi := int(math.Floor(t + width))
			sum, norm := 0.0, 0.0
			for k := max(lo, 0); k <= min(hi, n-1); k++ {
				d := t - float64(k)
				r := d / width
				w := besselI0(beta*math.Sqrt(max(0, 1-r*r))) / i0b
				h := fc * sinc(fc*d) * w
				sum += x[k] * h
				norm += h
			}
			if norm != 0 {
				sum /= norm
			}
			out[c][j] = sum
		}
	}
	return interleave(out)
}

func interleave(ch [][]float64) []int16 {
	n := len(ch[0])
	out := make([]int16, n*len(ch))
	for i := range n {
		for c := range ch {
			v := math.Round(ch[c][i])
			out[i*len(ch)+c] = int16(min(max(v, -32768), 32767))
		}
	}
	return out
}

// besselI0 is the modified Bessel function of the first kind, order 0,
// for the Kaiser window.
func besselI0(x float64) float64 {
	sum, term := 1.0, 1.0
	for k := 1; k < 50; k++ {
		term *= (x / 2) / float64(k)
		sum += term * term
		if term*term < 1e-12*sum {
			break
		}
	}
	return sum
}
