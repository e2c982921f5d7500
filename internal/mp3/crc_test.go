package mp3

import (
	"math/rand/v2"
	"testing"
)

func crcBytewise(crc uint16, b []byte) uint16 {
	for _, c := range b {
		crc = crc>>8 ^ crc16Tables[0][byte(crc)^c]
	}
	return crc
}

func TestCRC16Slicing(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := range 200 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		if got, want := CRC16(0x1234, b), crcBytewise(0x1234, b); got != want {
			t.Fatalf("len %d: %04x, want %04x", n, got, want)
		}
	}
	// The LAME tag's CRC-16 (ARC): the check value of "123456789" is 0xBB3D.
	if got := CRC16(0, []byte("123456789")); got != 0xbb3d {
		t.Errorf("check value %04x, want bb3d", got)
	}
}

func BenchmarkCRC16(b *testing.B) {
	buf := make([]byte, 256<<10)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		CRC16(0, buf)
	}
}
