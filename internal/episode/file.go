package episode

import "os"

// segmentFile reads a segment file.
type segmentFile struct{ *os.File }

func openSegmentFile(path string) (*segmentFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &segmentFile{f}, nil
}

func (f *segmentFile) size() (int64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Size(), nil
}
