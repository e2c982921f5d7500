package mp3

import "golang.org/x/sys/cpu"

// haveFold: the CPU has carry-less multiplication (PCLMULQDQ).
var haveFold = cpu.X86.HasPCLMULQDQ && cpu.X86.HasSSE41

// foldBlocks folds b (a multiple of 16 bytes, at least 64) down to one
// 16-byte block with the same CRC remainder, seed added into its first two
// bytes; lo and hi are that block's two little-endian halves.
//
//go:noescape
func foldBlocks(seed uint64, b []byte, k *foldConstants) (lo, hi uint64)
