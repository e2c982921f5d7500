//go:build unix

package episode

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// segmentFile reads a segment file with plain system calls. os.Open would
// also try to register the file with the runtime's poller (four fcntl
// calls and an epoll_ctl that fails for a regular file): five system calls
// a file that a join of 600 segments pays 3,000 times for nothing.
type segmentFile struct {
	fd   int
	path string
}

func openSegmentFile(path string) (*segmentFile, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if errors.Is(err, syscall.EINTR) {
			continue
		}
		if err != nil {
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return &segmentFile{fd: fd, path: path}, nil
	}
}

// size is the file's length.
func (f *segmentFile) size() (int64, error) {
	var st syscall.Stat_t
	if err := syscall.Fstat(f.fd, &st); err != nil {
		return 0, &os.PathError{Op: "stat", Path: f.path, Err: err}
	}
	return st.Size, nil // a directory's reads fail with "is a directory"
}

// ReadAt reads len(p) bytes from off, as io.ReaderAt says: fewer only at
// the end of the file (with io.EOF) or on an error.
func (f *segmentFile) ReadAt(p []byte, off int64) (int, error) {
	n := 0
	for n < len(p) {
		m, err := syscall.Pread(f.fd, p[n:], off+int64(n))
		switch {
		case errors.Is(err, syscall.EINTR):
			continue
		case err != nil:
			return n, &os.PathError{Op: "read", Path: f.path, Err: err}
		case m == 0:
			return n, io.EOF
		}
		n += m
	}
	return n, nil
}

func (f *segmentFile) Close() error {
	return syscall.Close(f.fd)
}
