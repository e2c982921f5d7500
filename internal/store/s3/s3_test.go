package s3

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/aloud-dev/aloud/internal/feed"
	"github.com/aloud-dev/aloud/internal/store"
	"github.com/aloud-dev/aloud/internal/store/storetest"
)

// server is a real S3-compatible server (gofakes3, in memory) over HTTP on
// 127.0.0.1, behind a handler that counts requests and can inject faults.
type server struct {
	*httptest.Server
	puts     atomic.Int64 // PUT requests (uploads and parts)
	failNext atomic.Int64 // answer this many requests with 503
	failAll  atomic.Bool
	// ignoreConditions drops If-Match and If-None-Match before gofakes3
	// sees them, as a server without conditional writes would.
	ignoreConditions atomic.Bool
	// cacheControl is the Cache-Control header of the last upload request:
	// gofakes3 does not keep it, so the test checks what was sent.
	cacheControl atomic.Value
}

func newServer(t *testing.T, buckets ...string) *server {
	t.Helper()
	backend := s3mem.New()
	for _, b := range buckets {
		if err := backend.CreateBucket(b); err != nil {
			t.Fatal(err)
		}
	}
	fake := gofakes3.New(backend)
	s := &server{}
	h := fake.Server()
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.failAll.Load() || s.failNext.Add(-1) >= 0 {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", "application/xml")
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`)
			return
		}
		if r.Method == http.MethodPut {
			s.puts.Add(1)
		}
		if s.ignoreConditions.Load() {
			r.Header.Del("If-Match")
			r.Header.Del("If-None-Match")
		}
		if cc := r.Header.Get("Cache-Control"); cc != "" {
			s.cacheControl.Store(cc)
		}
		h.ServeHTTP(w, r)
	}))
	s.failNext.Store(0)
	t.Cleanup(s.Close)
	return s
}

func newStore(t *testing.T, srv *server, bucket, prefix string) *Store {
	t.Helper()
	st, err := New(context.Background(), Config{
		Bucket: bucket, Prefix: prefix, Region: "us-east-1", Endpoint: srv.URL, PathStyle: true,
		AccessKeyID: "AKIDTEST", SecretAccessKey: "secret",
		MultipartThresholdBytes: 8 << 20, PartSizeBytes: 5 << 20,
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestConformance(t *testing.T) {
	srv := newServer(t, "podcast")
	n := 0
	storetest.Run(t, func(t *testing.T) store.Store {
		n++
		return newStore(t, srv, "podcast", fmt.Sprintf("run%d/news", n))
	})
}

func TestURL(t *testing.T) {
	srv := newServer(t, "podcast")
	st := newStore(t, srv, "podcast", "news")
	if got, want := st.URL("a b.mp3"), srv.URL+"/podcast/news/a%20b.mp3"; got != want {
		t.Errorf("path-style URL %q, want %q", got, want)
	}
	cdn, _ := New(context.Background(), Config{Bucket: "podcast", Prefix: "news", PublicBaseURL: "https://cdn.example.com/pod"})
	if got := cdn.URL("x.mp3"); got != "https://cdn.example.com/pod/x.mp3" {
		t.Errorf("CDN URL %q", got)
	}
	aws, _ := New(context.Background(), Config{Bucket: "podcast", Region: "eu-west-1"})
	if got := aws.URL("x.mp3"); got != "https://podcast.s3.eu-west-1.amazonaws.com/x.mp3" {
		t.Errorf("AWS URL %q", got)
	}
}

func TestUploadsAreIdempotentAndMultipart(t *testing.T) {
	srv := newServer(t, "podcast")
	st := newStore(t, srv, "podcast", "")
	ctx := context.Background()
	big := make([]byte, 20<<20)
	rand.Read(big)
	if err := st.Put(ctx, "big.mp3", bytes.NewReader(big), store.Meta{ContentType: "audio/mpeg", CacheControl: "public, max-age=86400"}); err != nil {
		t.Fatal(err)
	}
	multipartPuts := srv.puts.Load()
	if multipartPuts < 4 { // 20 MB in 5 MB parts
		t.Errorf("%d PUT requests for 20 MB: want a multipart upload", multipartPuts)
	}
	rc, m, err := st.Get(ctx, "big.mp3")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(rc)
	rc.Close()
	if !bytes.Equal(got, big) || m.Size != int64(len(big)) || m.ContentType != "audio/mpeg" {
		t.Errorf("read back %d bytes, meta %+v", len(got), m)
	}
	if cc, _ := srv.cacheControl.Load().(string); cc != "public, max-age=86400" {
		t.Errorf("Cache-Control sent: %q", cc)
	}
	// The same content again: nothing is uploaded.
	if err := st.Put(ctx, "big.mp3", bytes.NewReader(big), store.Meta{}); err != nil {
		t.Fatal(err)
	}
	if srv.puts.Load() != multipartPuts {
		t.Errorf("re-putting the same 20 MB uploaded again (%d PUTs)", srv.puts.Load()-multipartPuts)
	}
	big[0] ^= 1
	if err := st.Put(ctx, "big.mp3", bytes.NewReader(big), store.Meta{}); err != nil {
		t.Fatal(err)
	}
	if srv.puts.Load() == multipartPuts {
		t.Error("changed content was not uploaded")
	}
}

func TestFaults(t *testing.T) {
	srv := newServer(t, "podcast")
	st := newStore(t, srv, "podcast", "")
	ctx := context.Background()
	// Two 503 SlowDown answers in a row: the SDK's retries get through.
	srv.failNext.Store(2)
	if err := st.Put(ctx, "a.json", strings.NewReader("{}"), store.Meta{}); err != nil {
		t.Fatalf("after two transient failures: %v", err)
	}
	// A server that keeps failing: a clear error, after the retries.
	srv.failAll.Store(true)
	err := st.Put(ctx, "b.json", strings.NewReader("{}"), store.Meta{})
	if err == nil || !strings.Contains(err.Error(), "b.json") || !strings.Contains(err.Error(), "503") {
		t.Errorf("a failing server: %v", err)
	}
	srv.failAll.Store(false)
	// A missing bucket says what to do.
	other := newStore(t, srv, "no-such-bucket", "")
	if err := other.Put(ctx, "x", strings.NewReader("x"), store.Meta{}); err == nil || !strings.Contains(err.Error(), "create the bucket") {
		t.Errorf("missing bucket: %v", err)
	}
	// Nothing listens: a clear error naming the key.
	down := httptest.NewServer(http.NotFoundHandler())
	down.Close()
	dead, _ := New(ctx, Config{Bucket: "podcast", Endpoint: down.URL, PathStyle: true, AccessKeyID: "a", SecretAccessKey: "b", MaxAttempts: 2})
	if err := dead.Put(ctx, "x.json", strings.NewReader("x"), store.Meta{}); err == nil || !strings.Contains(err.Error(), "x.json") {
		t.Errorf("unreachable endpoint: %v", err)
	}
}

// TestConcurrentCatalogs: two publishers update the catalog in the same
// bucket at once; compare-and-swap makes both land.
func TestConcurrentCatalogs(t *testing.T) {
	srv := newServer(t, "podcast")
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for w := range 2 {
		st := newStore(t, srv, "podcast", "news")
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 8 {
				_, err := feed.UpdateCatalog(ctx, st, func(c *feed.Catalog) error {
					c.Upsert(feed.Episode{GUID: fmt.Sprintf("w%d-%d", w, i), Slug: fmt.Sprintf("w%d-%d", w, i), AudioKey: fmt.Sprintf("w%d-%d.mp3", w, i)})
					return nil
				})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	c, _, err := feed.LoadCatalog(ctx, newStore(t, srv, "podcast", "news"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Episodes) != 16 {
		t.Errorf("%d episodes in the catalog, want 16: an update was lost", len(c.Episodes))
	}
}

func TestConditionalPutMapsErrors(t *testing.T) {
	srv := newServer(t, "podcast")
	st := newStore(t, srv, "podcast", "")
	ctx := context.Background()
	if err := st.Put(ctx, "c.json", strings.NewReader("1"), store.Meta{IfAbsent: true}); err != nil {
		t.Fatal(err)
	}
	err := st.Put(ctx, "c.json", strings.NewReader("2"), store.Meta{IfAbsent: true})
	if !errors.Is(err, store.ErrPrecondition) {
		t.Errorf("If-None-Match on an existing object: %v", err)
	}
}

// TestConditionalWritesProbe: the probe tells a server that enforces
// If-None-Match from one that ignores it, and leaves no probe object.
func TestConditionalWritesProbe(t *testing.T) {
	ctx := context.Background()
	for _, ignore := range []bool{false, true} {
		srv := newServer(t, "podcast")
		srv.ignoreConditions.Store(ignore)
		st := newStore(t, srv, "podcast", "news")
		ok, err := st.ConditionalWrites(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok == ignore {
			t.Errorf("server ignoring conditions = %v: probe says enforced = %v", ignore, ok)
		}
		for m, err := range st.List(ctx, probePrefix) {
			t.Errorf("probe object after the probe: %s %v", m.Key, err)
		}
	}
	// A server that fails: the probe says so rather than guessing.
	srv := newServer(t, "podcast")
	srv.failAll.Store(true)
	st, _ := New(ctx, Config{Bucket: "podcast", Endpoint: srv.URL, PathStyle: true, AccessKeyID: "a", SecretAccessKey: "b", MaxAttempts: 1})
	if _, err := st.ConditionalWrites(ctx); err == nil || !strings.Contains(err.Error(), "probing conditional writes") {
		t.Errorf("failing server: %v", err)
	}
}

// silentServer accepts connections and reads requests but never
// answers, as a stuck proxy or a half-dead endpoint does; it counts the
// connections (one per attempt).
func silentServer(t *testing.T) (url string, conns *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	conns = new(atomic.Int64)
	var open sync.WaitGroup
	done := make(chan struct{})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			open.Go(func() {
				go io.Copy(io.Discard, c)
				<-done
				c.Close()
			})
		}
	}()
	t.Cleanup(func() { ln.Close(); close(done); open.Wait() })
	return "http://" + ln.Addr().String(), conns
}

// TestSilentServer: every operation against an endpoint that never
// answers ends with an error that names the key and the limit, after
// the attempts allowed, and within the deadline; none hangs.
func TestSilentServer(t *testing.T) {
	url, conns := silentServer(t)
	st, err := New(context.Background(), Config{
		Bucket: "podcast", Endpoint: url, PathStyle: true, AccessKeyID: "a", SecretAccessKey: "b",
		RequestTimeout: 150 * time.Millisecond, Deadline: 3 * time.Second, MaxAttempts: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ops := []struct {
		name string
		run  func() error
	}{
		{"get", func() error { _, _, err := st.Get(ctx, "episodes.json"); return err }},
		{"stat", func() error { _, err := st.Stat(ctx, "episodes.json"); return err }},
		{"put", func() error { return st.Put(ctx, "episodes.json", strings.NewReader("{}"), store.Meta{}) }},
		{"delete", func() error { return st.Delete(ctx, "episodes.json") }},
		{"list", func() error {
			for _, err := range st.List(ctx, "") {
				return err
			}
			return nil
		}},
	}
	for _, op := range ops {
		before := conns.Load()
		start := time.Now()
		err := op.run()
		took := time.Since(start)
		if err == nil {
			t.Errorf("%s: no error from a server that never answers", op.name)
			continue
		}
		t.Logf("%s: %v", op.name, err)
		if took > 3*time.Second+time.Second {
			t.Errorf("%s: took %s, past the 3 s deadline", op.name, took)
		}
		if n := conns.Load() - before; n < 2 {
			t.Errorf("%s: %d attempts, want the retries too: %v", op.name, n, err)
		}
		if op.name != "list" && !strings.Contains(err.Error(), "episodes.json") {
			t.Errorf("%s: error does not name the key: %v", op.name, err)
		}
		if !strings.Contains(err.Error(), "timeout") && !strings.Contains(err.Error(), "deadline") {
			t.Errorf("%s: error does not say it timed out: %v", op.name, err)
		}
	}
	// The overall deadline holds even when each attempt's limit is long.
	slow, _ := New(ctx, Config{Bucket: "podcast", Endpoint: url, PathStyle: true, AccessKeyID: "a", SecretAccessKey: "b",
		RequestTimeout: time.Minute, Deadline: 400 * time.Millisecond})
	start := time.Now()
	_, err = slow.Stat(ctx, "episodes.json")
	if err == nil || time.Since(start) > 3*time.Second || !strings.Contains(err.Error(), "deadline") {
		t.Errorf("overall deadline: %v after %s", err, time.Since(start))
	}
}
