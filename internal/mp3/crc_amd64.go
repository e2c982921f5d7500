package mp3

import "sync"

// haveFold reports whether the CPU has carry-less multiplication
// (PCLMULQDQ: CPUID leaf 1, ECX bit 1). It asks once, on first use, so
// start-up does not pay for it.
var haveFold = sync.OnceValue(func() bool {
	_, _, ecx, _ := cpuid(1, 0)
	return ecx&(1<<1) != 0
})

func cpuid(leaf, subleaf uint32) (eax, ebx, ecx, edx uint32)

// foldBlocks folds b (a multiple of 16 bytes, at least 64) down to one
// 16-byte block with the same CRC remainder, seed added into its first two
// bytes; lo and hi are that block's two little-endian halves.
//
//go:noescape
func foldBlocks(seed uint64, b []byte, k *foldConstants) (lo, hi uint64)
