package feed

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// CoverKey is where the default cover art lives in the store.
const CoverKey = "cover.png"

// DefaultCover draws the artwork used when none is configured: a 1400 ×
// 1400 PNG (Apple's minimum), a dark field with three sound-wave bars.
// Publishers should configure their own.
func DefaultCover() []byte {
	const size = 1400
	img := image.NewPaletted(image.Rect(0, 0, size, size), color.Palette{
		color.RGBA{0x12, 0x2b, 0x45, 0xff}, color.RGBA{0xf2, 0xb1, 0x34, 0xff},
	})
	bars := [][2]int{{430, 560}, {630, 860}, {830, 620}} // x, height
	for _, b := range bars {
		x0, h := b[0], b[1]
		for y := (size - h) / 2; y < (size+h)/2; y++ {
			for x := x0; x < x0+140; x++ {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	return buf.Bytes()
}
