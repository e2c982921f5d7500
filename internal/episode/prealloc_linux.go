package episode

import (
	"os"
	"syscall"
)

// preallocate reserves size bytes of disk for an episode file before it is
// written, and returns the file when it did (it then is that long until
// Join truncates it to what was written), nil when it did not. Blocks allocated up front are
// fewer extents, and ext4 has no delayed allocation left to do when the
// file later replaces another by rename: its auto_da_alloc rule would
// otherwise allocate and start writing the whole file inside the rename
// (13 ms of a 17 MB episode, against 3 ms preallocated). Whoever needs the
// data on disk syncs it, as the store does before publishing.
func preallocate(w Output, size int64) rewinder {
	f, ok := w.(*os.File)
	if !ok || size <= 0 {
		return nil
	}
	rc, err := f.SyscallConn()
	if err != nil {
		return nil
	}
	var ferr error
	if err := rc.Control(func(fd uintptr) { ferr = syscall.Fallocate(int(fd), 0, 0, size) }); err != nil || ferr != nil {
		return nil
	}
	return f
}
