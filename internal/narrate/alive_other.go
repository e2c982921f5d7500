//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package narrate

import "os"

// processAlive reports whether a process with the id runs; where the
// system cannot say, it is taken to run, and its folders go when stale.
func processAlive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
