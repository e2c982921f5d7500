package player

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"
)

// Serve serves the folder dir over HTTP on ln until ctx ends: a static
// file server that answers Range requests, so that the player can seek in
// the audio (a server without them, such as python3 -m http.server, makes
// the browser refuse to seek). Files and folders whose names start with a
// dot (the segment cache, temporary files) are not served.
func Serve(ctx context.Context, ln net.Listener, dir string) error {
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if strings.Contains(r.URL.Path, "/.") {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Cache-Control", "no-store") // a re-narrated episode shows at once
			files.ServeHTTP(w, r)
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}
