package source

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

const page = `<html lang="en"><head><title>A story</title></head><body><article>
<p>The first paragraph of the story is long enough to be read.</p>
<p>The second paragraph of the story is also long enough.</p></article></body></html>`

func server(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("/story", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/story", http.StatusFound)
	})
	mux.HandleFunc("/cyrillic", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		body, _ := charmap.Windows1251.NewEncoder().String(`<html><head><title>Новини дня</title></head><body><article><p>Це перший абзац статті, досить довгий для читання.</p></article></body></html>`)
		io.WriteString(w, body)
	})
	mux.HandleFunc("/meta-charset", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		body, _ := charmap.Windows1251.NewEncoder().String(`<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article><p>Это первый абзац статьи, достаточно длинный для чтения.</p></article></body></html>`)
		io.WriteString(w, body)
	})
	mux.HandleFunc("/markdown", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		io.WriteString(w, "# MD title\n\nA paragraph of Markdown.\n")
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := strings.Repeat("<p>padding paragraph text </p>", 1000)
		for written := 0; written < 50<<20; written += len(chunk) {
			if _, err := io.WriteString(w, chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/huge-declared", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", fmt.Sprint(50<<20))
		w.WriteHeader(http.StatusOK)
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func closedPortURL(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return "http://" + addr + "/story"
}

func TestLoadURL(t *testing.T) {
	srv := server(t)
	l := &Loader{}
	tests := []struct {
		path  string
		title string
		body  string
		url   string
	}{
		{"/story", "A story", "The first paragraph", srv.URL + "/story"},
		{"/redirect", "A story", "The first paragraph", srv.URL + "/story"},
		{"/cyrillic", "Новини дня", "Це перший абзац", srv.URL + "/cyrillic"},
		{"/meta-charset", "Новости", "Это первый абзац", srv.URL + "/meta-charset"},
		{"/markdown", "MD title", "A paragraph of Markdown.", srv.URL + "/markdown"},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			a, err := l.Load(context.Background(), srv.URL+tc.path)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tc.title || !strings.HasPrefix(a.Blocks[0].Text, tc.body) || a.URL != tc.url {
				t.Errorf("got title %q body %q url %q", a.Title, a.Blocks[0].Text, a.URL)
			}
		})
	}
}

func TestLoadURLErrors(t *testing.T) {
	srv := server(t)
	l := &Loader{}
	tests := []struct {
		name string
		url  string
		want string
	}{
		{"404", srv.URL + "/missing", "404 Not Found"},
		{"image", srv.URL + "/image", `content type "image/png" is not an article`},
		{"50 MB streamed", srv.URL + "/huge", "is too large: more than 10 MB"},
		{"50 MB declared", srv.URL + "/huge-declared", "is too large: 52428800 bytes"},
		{"empty body", srv.URL + "/empty", "is empty"},
		{"unreachable", closedPortURL(t), "cannot fetch: connection refused"},
		{"unknown host", "http://no-such-host.invalid/x", "cannot fetch"},
		{"bad url", "http://", "not a valid URL"},
		{"other scheme", "ftp://example.com/x", "only http and https"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := l.Load(context.Background(), tc.url)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.url) {
				t.Errorf("error %q: want it to contain %q and name %s", err, tc.want, tc.url)
			}
		})
	}
}

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	l := &Loader{MaxBytes: 4096}
	a, err := l.Load(context.Background(), write("story.html", page))
	if err != nil || a.Title != "A story" {
		t.Fatalf("html: %+v %v", a, err)
	}
	a, err = l.Load(context.Background(), write("story.txt", page))
	if err != nil || a.Title != "A story" {
		t.Errorf("HTML in a .txt file is sniffed: %+v %v", a, err)
	}
	errs := []struct {
		name string
		path string
		want string
	}{
		{"missing", filepath.Join(dir, "nope.md"), "no such file"},
		{"directory", dir, "is a directory"},
		{"empty", write("empty.md", ""), "is empty"},
		{"binary", write("photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "is not text"},
		{"too large", write("big.md", strings.Repeat("word ", 2000)), "is too large"},
		{"no text", write("nav.html", "<html><body><nav>Home</nav></body></html>"), "has no article text"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			_, err := l.Load(context.Background(), tc.path)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("error %v: want %q naming %s", err, tc.want, tc.path)
			}
		})
	}
}
