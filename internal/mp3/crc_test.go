package mp3

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

func crcBytewise(crc uint16, b []byte) uint16 {
	for _, c := range b {
		crc = crc>>8 ^ crc16Tables[0][byte(crc)^c]
	}
	return crc
}

func TestCRC16(t *testing.T) {
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

func FuzzCRC16(f *testing.F) {
	f.Add(uint16(0), []byte("123456789"))
	f.Add(uint16(0xffff), bytes.Repeat([]byte{0xa5}, 200))
	f.Fuzz(func(t *testing.T, seed uint16, b []byte) {
		if got, want := CRC16(seed, b), crcBytewise(seed, b); got != want {
			t.Fatalf("len %d seed %04x: %04x, want %04x", len(b), seed, got, want)
		}
	})
}

func BenchmarkCRC16(b *testing.B) {
	buf := make([]byte, 256<<10)
	b.SetBytes(int64(len(buf)))
	for b.Loop() {
		CRC16(0, buf)
	}
}

func TestCRC16Combine(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	data := make([]byte, 300_000)
	for i := range data {
		data[i] = byte(r.IntN(256))
	}
	for _, tc := range []struct {
		name  string
		start uint16
		lenA  int
		lenB  int
	}{
		{"both empty", 0, 0, 0},
		{"empty B", 0x1d0f, 100, 0},
		{"empty A", 0, 0, 77},
		{"one byte each", 0, 1, 1},
		{"a frame after a frame", 0, 156, 157},
		{"uneven", 0xbeef, 1234, 4097},
		{"long B", 0, 3, 299_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, b := data[:tc.lenA], data[tc.lenA:tc.lenA+tc.lenB]
			want := CRC16(CRC16(tc.start, a), b)
			if got := CRC16Combine(CRC16(tc.start, a), CRC16(0, b), int64(len(b))); got != want {
				t.Errorf("combined %04x, want %04x", got, want)
			}
		})
	}
	// Many pieces, combined in order, give the CRC of the whole.
	var crc uint16
	for off := 0; off < len(data); {
		n := min(1+r.IntN(40_000), len(data)-off)
		crc = CRC16Combine(crc, CRC16(0, data[off:off+n]), int64(n))
		off += n
	}
	if want := CRC16(0, data); crc != want {
		t.Errorf("pieces combined %04x, want %04x", crc, want)
	}
}

func BenchmarkCRC16Combine(b *testing.B) {
	for b.Loop() {
		CRC16Combine(0x1234, 0x5678, 29_466)
	}
}
