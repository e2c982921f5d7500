package article

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// TestDecodeHTML goes through the browser's steps for picking a page's
// character set, each with a page whose bytes only that step reads right.
func TestDecodeHTML(t *testing.T) {
	cp1252 := func(s string) []byte { b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s)); return b }
	cp1251 := func(s string) []byte { b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(s)); return b }
	sjis := func(s string) []byte { b, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s)); return b }
	utf16le := func(s string) []byte {
		b, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		return b
	}
	longHead := "<title>x</title>" + strings.Repeat(`<link rel="preload" href="/assets/a-very-long-file-name.js">`, 40)
	page := func(head, body string) string {
		return "<!DOCTYPE html><html><head>" + head + "</head><body><p>" + body + "</p></body></html>"
	}
	for _, tc := range []struct {
		name        string
		data        []byte
		contentType string
		charset     string
		want        string
	}{
		{"UTF-8 BOM over a wrong header", append([]byte("\xef\xbb\xbf"), page("", "you’re café")...), "text/html; charset=iso-8859-1", "utf-8", "you’re café"},
		{"UTF-16 BOM", utf16le(page("", "Київ")), "", "utf-16le", "Київ"},
		{"the header's charset", cp1251(page("", "Київ")), "text/html; charset=windows-1251", "windows-1251", "Київ"},
		{"meta charset early", cp1252(page(`<meta charset="windows-1252">`, "café")), "", "windows-1252", "café"},
		{"meta charset after 1,024 bytes of head", []byte(page(longHead+`<meta charset="utf-8">`, "you’re café")), "", "utf-8", "you’re café"},
		{"meta http-equiv after a long head, legacy", cp1251(page(longHead+`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, "Київ")), "", "windows-1251", "Київ"},
		{"Shift JIS declared", sjis(page(`<meta charset="shift_jis">`, "東京")), "", "shift_jis", "東京"},
		{"no declaration, valid UTF-8", []byte(page("", "you’re Київ")), "", "utf-8", "you’re Київ"},
		{"no declaration, not UTF-8", cp1252(page("", "café déjà")), "", "windows-1252", "café déjà"},
		{"legacy label on UTF-8", []byte(page(`<meta charset="iso-8859-1">`, "you’re café")), "", "utf-8", "you’re café"},
		{"legacy label on ASCII", []byte(page(`<meta charset="iso-8859-1">`, "plain")), "", "windows-1252", "plain"},
		{"an unknown header label, then the meta", cp1251(page(`<meta charset="windows-1251">`, "Київ")), "text/html; charset=nonsense", "windows-1251", "Київ"},
		{"a UTF-16 meta label on bytes that are not", []byte(page(`<meta charset="utf-16">`, "Київ")), "", "utf-8", "Київ"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Charset(tc.data, tc.contentType); got != tc.charset {
				t.Errorf("charset %q, want %q", got, tc.charset)
			}
			out, err := DecodeHTML(tc.data, tc.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(out, []byte(tc.want)) {
				t.Errorf("decoded %q lacks %q", out, tc.want)
			}
			// Decoding what is decoded changes nothing.
			again, err := DecodeHTML(out, "")
			if err != nil || !bytes.Equal(again, bytes.TrimPrefix(out, []byte("\ufeff"))) {
				t.Errorf("decoding twice changed the text: %q", again)
			}
			if tc.contentType != "" {
				return // Parse sees the bytes alone
			}
			a, err := Parse(tc.data, HTML, "page.html", nil)
			if err != nil || !strings.Contains(a.Blocks[len(a.Blocks)-1].Text, tc.want) {
				t.Errorf("Parse: %v %+v", err, a.Blocks)
			}
		})
	}
}
