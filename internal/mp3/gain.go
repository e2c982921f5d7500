package mp3

// GainStepDB is the loudness change of one global_gain step: the decoder
// scales every spectral value by 2^(global_gain/4) (ISO/IEC 11172-3
// 2.4.3.4.7.1), so one step is 20·log10(2^¼) ≈ 1.505 dB.
const GainStepDB = 1.5051499783199060

// AdjustGain adds steps to the global_gain of every granule and channel of
// a Layer III frame in place, as mp3gain does: the change is exact, lossless
// and reversible. Granules with no main data (silence) are left alone, and
// values are clamped to 0–255. It recomputes the CRC of a protected frame.
func AdjustGain(frame []byte, h Header, steps int) {
	if steps == 0 || h.Layer != 3 {
		return
	}
	off := h.sideInfoStart()
	side := frame[off : off+h.SideInfoSize()]
	ch := h.Mode.Channels()
	first, granuleBits, granules := granuleRecords(h.Version, ch)
	for g := range granules {
		for c := range ch {
			base := first + (g*ch+c)*granuleBits
			if getBits(side, base, 12) == 0 { // part2_3_length: no data
				continue
			}
			v := getBits(side, base+21, 8) + steps
			setBits(side, base+21, 8, min(max(v, 0), 255))
		}
	}
	if h.CRC {
		setCRC(frame, h)
	}
}

func getBits(b []byte, pos, n int) int {
	v := 0
	for i := range n {
		p := pos + i
		v = v<<1 | int(b[p>>3]>>(7-uint(p&7))&1)
	}
	return v
}

func setBits(b []byte, pos, n, v int) {
	for i := range n {
		p := pos + i
		bit := byte(v>>(n-1-i)) & 1
		b[p>>3] = b[p>>3]&^(1<<(7-uint(p&7))) | bit<<(7-uint(p&7))
	}
}
