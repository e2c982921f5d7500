package episode

import (
	"bytes"
	"fmt"

	"github.com/bogem/id3v2/v2"
)

// tagBytes builds the ID3v2.4 tag: text frames, cover art, and chapters
// (CHAP frames with start and end exact to the frame, and a CTOC listing
// them in order, per the ID3v2 Chapter Frame Addendum 1.0).
func tagBytes(t Tags, chapters []ChapterTiming) ([]byte, error) {
	tag := id3v2.NewEmptyTag()
	tag.SetVersion(4)
	tag.SetDefaultEncoding(id3v2.EncodingUTF8)
	if t.Title != "" {
		tag.SetTitle(t.Title)
	}
	if t.Author != "" {
		tag.SetArtist(t.Author)
	}
	if t.Publication != "" {
		tag.SetAlbum(t.Publication)
	}
	if !t.Date.IsZero() {
		tag.AddTextFrame("TDRC", id3v2.EncodingUTF8, t.Date.UTC().Format("2006-01-02T15:04:05"))
	}
	if t.Comment != "" {
		tag.AddCommentFrame(id3v2.CommentFrame{Encoding: id3v2.EncodingUTF8, Language: "eng", Text: t.Comment})
	}
	if t.URL != "" {
		tag.AddFrame("WOAS", id3v2.UnknownFrame{Body: []byte(t.URL)})
	}
	if t.Cover != nil && len(t.Cover.Data) > 0 {
		tag.AddAttachedPicture(id3v2.PictureFrame{Encoding: id3v2.EncodingUTF8, MimeType: t.Cover.MIME,
			PictureType: id3v2.PTFrontCover, Description: "Cover", Picture: t.Cover.Data})
	}
	if len(chapters) > 0 {
		var toc bytes.Buffer
		toc.WriteString("toc\x00")
		toc.WriteByte(0x03) // top-level, ordered
		toc.WriteByte(byte(min(len(chapters), 255)))
		for i, c := range chapters[:min(len(chapters), 255)] {
			id := fmt.Sprintf("chp%d", i)
			fmt.Fprintf(&toc, "%s\x00", id)
			tag.AddChapterFrame(id3v2.ChapterFrame{
				ElementID: id, StartTime: c.Start, EndTime: c.End,
				StartOffset: id3v2.IgnoredOffset, EndOffset: id3v2.IgnoredOffset,
				Title: &id3v2.TextFrame{Encoding: id3v2.EncodingUTF8, Text: c.Title},
			})
		}
		tag.AddFrame("CTOC", id3v2.UnknownFrame{Body: toc.Bytes()})
	}
	var buf bytes.Buffer
	if _, err := tag.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
