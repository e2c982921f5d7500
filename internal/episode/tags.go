package episode

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// tagBytes builds the ID3v2.4 tag in a fixed frame order, so the same
// episode always gives the same bytes (uploads of an unchanged episode are
// skipped by content hash): text frames, comment, URL, cover art, then
// chapters (a CHAP frame per chapter with start and end exact to the
// millisecond, and a CTOC listing them in order, per the ID3v2 Chapter
// Frame Addendum 1.0).
func tagBytes(t Tags, chapters []ChapterTiming) ([]byte, error) {
	var frames bytes.Buffer
	text := func(id, s string) {
		if s != "" {
			writeFrame(&frames, id, append([]byte{3}, s...)) // 3: UTF-8
		}
	}
	text("TIT2", t.Title)
	text("TPE1", t.Author)
	text("TALB", t.Publication)
	if !t.Date.IsZero() {
		text("TDRC", t.Date.UTC().Format("2006-01-02T15:04:05"))
	}
	if t.Comment != "" {
		// encoding, language, empty short description, text
		writeFrame(&frames, "COMM", append([]byte("\x03eng\x00"), t.Comment...))
	}
	if t.URL != "" {
		writeFrame(&frames, "WOAS", []byte(t.URL))
	}
	if t.Cover != nil && len(t.Cover.Data) > 0 {
		var b bytes.Buffer
		b.WriteByte(3)
		b.WriteString(t.Cover.MIME)
		b.WriteByte(0)
		b.WriteByte(3) // picture type: front cover
		b.WriteString("Cover\x00")
		b.Write(t.Cover.Data)
		writeFrame(&frames, "APIC", b.Bytes())
	}
	if len(chapters) > 255 {
		chapters = chapters[:255]
	}
	if len(chapters) > 0 {
		var toc bytes.Buffer
		toc.WriteString("toc\x00")
		toc.WriteByte(0x03) // top-level, ordered
		toc.WriteByte(byte(len(chapters)))
		for i, c := range chapters {
			id := fmt.Sprintf("chp%d", i)
			toc.WriteString(id + "\x00")
			var b bytes.Buffer
			b.WriteString(id + "\x00")
			binary.Write(&b, binary.BigEndian, uint32(c.Start.Milliseconds()))
			binary.Write(&b, binary.BigEndian, uint32(c.End.Milliseconds()))
			binary.Write(&b, binary.BigEndian, uint32(0xffffffff)) // byte offsets unused
			binary.Write(&b, binary.BigEndian, uint32(0xffffffff))
			writeFrame(&b, "TIT2", append([]byte{3}, c.Title...))
			if c.URL != "" {
				// The chapter's link: UTF-8, an empty description, the URL.
				writeFrame(&b, "WXXX", append([]byte{3, 0}, c.URL...))
			}
			writeFrame(&frames, "CHAP", b.Bytes())
		}
		writeFrame(&frames, "CTOC", toc.Bytes())
	}
	if frames.Len() == 0 {
		return nil, nil
	}
	if frames.Len() >= 1<<28 {
		return nil, fmt.Errorf("tag of %d bytes is too large for ID3v2", frames.Len())
	}
	var out bytes.Buffer
	out.WriteString("ID3\x04\x00\x00") // version 2.4.0, no flags
	out.Write(syncsafe(frames.Len()))
	out.Write(frames.Bytes())
	return out.Bytes(), nil
}

// writeFrame appends an ID3v2.4 frame: ID, syncsafe size, no flags.
func writeFrame(w *bytes.Buffer, id string, body []byte) {
	w.WriteString(id)
	w.Write(syncsafe(len(body)))
	w.Write([]byte{0, 0})
	w.Write(body)
}

func syncsafe(n int) []byte {
	return []byte{byte(n >> 21 & 0x7f), byte(n >> 14 & 0x7f), byte(n >> 7 & 0x7f), byte(n & 0x7f)}
}
