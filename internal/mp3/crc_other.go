//go:build !amd64

package mp3

func haveFold() bool { return false }

func foldBlocks(seed uint64, b []byte, k *foldConstants) (lo, hi uint64) {
	panic("mp3: foldBlocks without carry-less multiplication")
}
