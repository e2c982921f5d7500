// Package local is the default store: a folder on the local disk, written
// atomically (temporary file, sync, rename).
package local

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/aloud-dev/aloud/internal/store"
)

// Store is a folder. Its ETags are SHA-256 hashes of the content, so they
// are stable across machines and runs.
type Store struct {
	root    string
	baseURL string
	mu      sync.Mutex // serialises conditional puts within the process
}

var _ store.Store = (*Store)(nil)

// New returns a store rooted at dir, creating dir when a file is first put.
// baseURL is the public URL the folder is served at ("" for relative links).
func New(dir, baseURL string) (*Store, error) {
	if dir == "" {
		return nil, errors.New("local store: no folder given")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("local store %s: %w", dir, err)
	}
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		return nil, fmt.Errorf("local store %s: not a folder", dir)
	}
	return &Store{root: abs, baseURL: baseURL}, nil
}

// Root is the folder the store writes to.
func (s *Store) Root() string { return s.root }

func (s *Store) path(key string) (string, error) {
	if err := store.ValidKey(key); err != nil {
		return "", err
	}
	return filepath.Join(s.root, filepath.FromSlash(key)), nil
}

// Put writes body to a temporary file beside the target, syncs it and
// renames it into place. Conditional puts hold an exclusive lock on the
// store's folder, so concurrent processes on one machine serialise.
func (s *Store) Put(ctx context.Context, key string, body io.ReadSeeker, meta store.Meta) (err error) {
	p, err := s.path(key)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	if meta.IfMatch != "" || meta.IfAbsent {
		unlock, err := s.lock()
		if err != nil {
			return fmt.Errorf("put %s: %w", key, err)
		}
		defer unlock()
		cur, err := s.Stat(ctx, key)
		switch {
		case errors.Is(err, store.ErrNotExist):
			if meta.IfMatch != "" {
				return fmt.Errorf("put %s: %w", key, store.ErrPrecondition)
			}
		case err != nil:
			return err
		case meta.IfAbsent || cur.ETag != meta.IfMatch:
			return fmt.Errorf("put %s: %w", key, store.ErrPrecondition)
		}
	}
	if meta.IfMatch == "" && !meta.IfAbsent {
		// Only what changed is written: the same bytes leave the file,
		// and its modification time, alone.
		if same, err := sameContent(p, body); err != nil {
			return fmt.Errorf("put %s: %w", key, err)
		} else if same {
			return nil
		}
	}
	if _, err := body.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".tmp-"+filepath.Base(p)+"-*")
	if err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = io.Copy(tmp, &ctxReader{ctx, body}); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	if err = os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("put %s: %w", key, err)
	}
	return nil
}

// lock holds the store against other writers: other goroutines (the
// mutex) and other processes (a lock of the operating system's; see
// lockFolder).
func (s *Store) lock() (func(), error) {
	s.mu.Lock()
	if err := os.MkdirAll(s.root, 0o755); err != nil {
		s.mu.Unlock()
		return nil, err
	}
	unlock, err := lockFolder(s.root)
	if err != nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("locking %s: %w", s.root, err)
	}
	return func() {
		unlock()
		s.mu.Unlock()
	}, nil
}

// Get opens the object.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, store.Meta, error) {
	p, err := s.path(key)
	if err != nil {
		return nil, store.Meta{}, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, store.Meta{}, s.notExist(key, err)
	}
	st, err := os.Stat(p)
	if err != nil {
		return nil, store.Meta{}, s.notExist(key, err)
	}
	return io.NopCloser(bytes.NewReader(data)), s.meta(key, st, data), nil
}

// Stat describes the object without reading it into the caller.
func (s *Store) Stat(ctx context.Context, key string) (store.Meta, error) {
	p, err := s.path(key)
	if err != nil {
		return store.Meta{}, err
	}
	st, err := os.Stat(p)
	if err != nil {
		return store.Meta{}, s.notExist(key, err)
	}
	if st.IsDir() {
		return store.Meta{}, fmt.Errorf("stat %s: %w", key, store.ErrNotExist)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return store.Meta{}, s.notExist(key, err)
	}
	return s.meta(key, st, data), nil
}

func (s *Store) meta(key string, st fs.FileInfo, data []byte) store.Meta {
	sum := sha256.Sum256(data)
	return store.Meta{Key: key, Size: st.Size(), ContentType: store.ContentType(key),
		ETag: `"` + hex.EncodeToString(sum[:]) + `"`, Modified: st.ModTime()}
}

func (s *Store) notExist(key string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", key, store.ErrNotExist)
	}
	return err
}

// Delete removes the object; a missing one is ErrNotExist. Folders the
// removal leaves empty go too, up to the store's own: as in a bucket, a
// folder exists only while it holds something.
func (s *Store) Delete(ctx context.Context, key string) error {
	p, err := s.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil {
		return s.notExist(key, err)
	}
	for dir := filepath.Dir(p); dir != s.root && strings.HasPrefix(dir, s.root+string(filepath.Separator)); dir = filepath.Dir(dir) {
		if os.Remove(dir) != nil {
			break // not empty (or already gone): nothing above is empty either
		}
	}
	return nil
}

// List yields the objects whose keys start with prefix, sorted by key.
func (s *Store) List(ctx context.Context, prefix string) iter.Seq2[store.Meta, error] {
	return func(yield func(store.Meta, error) bool) {
		var keys []string
		err := filepath.WalkDir(s.root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) && p == s.root {
					return filepath.SkipAll
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			rel, err := filepath.Rel(s.root, p)
			if err != nil {
				return err
			}
			if key := filepath.ToSlash(rel); strings.HasPrefix(key, prefix) {
				keys = append(keys, key)
			}
			return nil
		})
		if err != nil {
			yield(store.Meta{}, fmt.Errorf("list %q: %w", prefix, err))
			return
		}
		slices.Sort(keys)
		for _, k := range keys {
			if ctx.Err() != nil {
				yield(store.Meta{}, ctx.Err())
				return
			}
			m, err := s.Stat(ctx, k)
			if errors.Is(err, store.ErrNotExist) {
				continue // removed while listing
			}
			if !yield(m, err) {
				return
			}
		}
	}
}

// URL is the key under the public base URL, or the key itself.
func (s *Store) URL(key string) string { return store.JoinURL(s.baseURL, key) }

type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// sameContent reports whether the file at p holds exactly body's bytes.
func sameContent(p string, body io.ReadSeeker) (bool, error) {
	size, err := body.Seek(0, io.SeekEnd)
	if err != nil {
		return false, err
	}
	st, err := os.Stat(p)
	if err != nil || !st.Mode().IsRegular() || st.Size() != size {
		return false, nil
	}
	f, err := os.Open(p)
	if err != nil {
		return false, nil
	}
	defer f.Close()
	if _, err := body.Seek(0, io.SeekStart); err != nil {
		return false, err
	}
	a, b := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		n, errA := io.ReadFull(body, a)
		m, errB := io.ReadFull(f, b[:max(n, 1)])
		if n != m || !bytes.Equal(a[:n], b[:m]) {
			return false, nil
		}
		if errA == io.EOF || errA == io.ErrUnexpectedEOF {
			return true, nil // the sizes are equal, and every piece was
		}
		if errA != nil || errB != nil {
			return false, nil
		}
	}
}
