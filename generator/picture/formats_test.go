package picture

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"
)

// personal is what the files below carry that must never be published.
var personal = []string{"Max Mustermann", "SN-4711", "http://ns.adobe.com/xap/1.0/", "XMP Data", "Exif\x00\x00", "GPS"}

func assertClean(t *testing.T, what string, r *Result) {
	t.Helper()
	for _, v := range r.Variants {
		for _, s := range personal {
			if bytes.Contains(v.Data, []byte(s)) {
				t.Errorf("%s, %d px: still holds %q", what, v.Width, s)
			}
		}
		if HasMetadata(v.Data) {
			t.Errorf("%s, %d px: still holds metadata", what, v.Width)
		}
	}
}

// xmp is an XMP packet naming the photographer and where the photo was taken.
const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:exif="http://ns.adobe.com/exif/1.0/"><dc:creator>Max Mustermann</dc:creator><exif:GPSLatitude>51,9.942N</exif:GPSLatitude></rdf:Description></rdf:RDF></x:xmpmeta>`

func TestJFIFAndJPEArePhotos(t *testing.T) {
	for _, name := range []string{"foto.jfif", "FOTO.JPE", "foto.jpeg"} {
		if FormatOf(name) != JPEG {
			t.Errorf("FormatOf(%q) = %q, want jpeg", name, FormatOf(name))
		}
	}
	src := WithEXIF(testJPEG(t, 2000, 1000), 1, true, 51.1657, 10.4515)
	seg := []byte("http://ns.adobe.com/xap/1.0/\x00" + xmp)
	app1 := append([]byte{0xFF, 0xE1}, binary.BigEndian.AppendUint16(nil, uint16(len(seg)+2))...)
	src = append(src[:2:2], append(append(app1, seg...), src[2:]...)...)
	if !HasMetadata(src) || !bytes.Contains(src, []byte("Max Mustermann")) {
		t.Fatal("the test photo carries no metadata")
	}
	r, err := Process(src, FormatOf("foto.jfif"), DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != JPEG || len(r.Variants) != 3 {
		t.Errorf("format %s with %d variants, want jpeg in 3 widths", r.Format, len(r.Variants))
	}
	assertClean(t, "foto.jfif", r)
}

// webpWithMetadata is a 1×1 lossless WebP in an extended container with an
// EXIF chunk (GPS and a serial number) and an XMP chunk.
func webpWithMetadata() []byte {
	chunk := func(id string, data []byte) []byte {
		b := append([]byte(id), binary.LittleEndian.AppendUint32(nil, uint32(len(data)))...)
		b = append(b, data...)
		if len(data)%2 == 1 {
			b = append(b, 0)
		}
		return b
	}
	exif := WithEXIF([]byte{0xFF, 0xD8}, 1, true, 51.1657, 10.4515)[6:] // the TIFF structure
	var body []byte
	body = append(body, "WEBP"...)
	body = append(body, chunk("VP8X", []byte{0x10 | 0x08 | 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0})...) // alpha, EXIF, XMP; 1×1
	body = append(body, chunk("VP8L", []byte("\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"))...)
	body = append(body, chunk("EXIF", exif)...)
	body = append(body, chunk("XMP ", []byte(xmp))...)
	return append(append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(len(body)))...), body...)
}

// TestWebPIsReencoded: no Go library writes WebP, so a WebP is published
// as PNG when it has transparent pixels, as JPEG otherwise, without its
// EXIF and XMP chunks.
func TestWebPIsReencoded(t *testing.T) {
	src := webpWithMetadata()
	if FormatOf("bild.WEBP") != WebP {
		t.Fatal("a .webp is not a photo")
	}
	r, err := Process(src, WebP, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != PNG || r.Format.Ext() != ".png" || len(r.Variants) != 1 {
		t.Fatalf("format %s with %d variants, want one png", r.Format, len(r.Variants))
	}
	if _, err := png.Decode(bytes.NewReader(r.Variants[0].Data)); err != nil {
		t.Errorf("the published file is not a PNG: %v", err)
	}
	assertClean(t, "bild.webp", r)
	if _, err := Process(src, JPEG, DefaultLimits); err == nil || !strings.Contains(err.Error(), "not a JPEG image") {
		t.Errorf("a WebP named .jpg: %v", err)
	}
}

// gifWithMetadata is a two-frame animation with a comment and an XMP
// application extension, as image editors write them.
func gifWithMetadata(t *testing.T, frames, w, h int) []byte {
	pal := color.Palette{color.RGBA{200, 30, 30, 255}, color.RGBA{30, 30, 200, 255}}
	g := &gif.GIF{LoopCount: 0}
	for i := range frames {
		img := image.NewPaletted(image.Rect(0, 0, w, h), pal)
		for j := range img.Pix {
			img.Pix[j] = uint8((i + j) % 2)
		}
		g.Image = append(g.Image, img)
		g.Delay = append(g.Delay, 50)
	}
	var b bytes.Buffer
	if err := gif.EncodeAll(&b, g); err != nil {
		t.Fatal(err)
	}
	src := b.Bytes()
	at := 13
	if src[10]&0x80 != 0 {
		at += 3 << (src[10]&7 + 1)
	}
	subBlocks := func(data string) []byte {
		var out []byte
		for len(data) > 0 {
			n := min(255, len(data))
			out = append(append(out, byte(n)), data[:n]...)
			data = data[n:]
		}
		return append(out, 0)
	}
	ext := append([]byte{0x21, 0xFE}, subBlocks("Foto: Max Mustermann, GPS 51.1657 N")...)
	ext = append(ext, append([]byte{0x21, 0xFF, 11}, "XMP DataXMP"...)...)
	ext = append(ext, subBlocks(xmp)...)
	return append(append(append([]byte{}, src[:at]...), ext...), src[at:]...)
}

func TestGIFIsReencoded(t *testing.T) {
	src := gifWithMetadata(t, 2, 40, 30)
	if g, err := gif.DecodeAll(bytes.NewReader(src)); err != nil || len(g.Image) != 2 || !bytes.Contains(src, []byte("Max Mustermann")) {
		t.Fatalf("the test GIF is wrong: %v", err)
	}
	r, err := Process(src, GIF, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format != GIF || len(r.Variants) != 1 || r.Width != 40 || r.Height != 30 {
		t.Fatalf("format %s, %d×%d with %d variants, want one gif of 40×30", r.Format, r.Width, r.Height, len(r.Variants))
	}
	assertClean(t, "bild.gif", r)
	g, err := gif.DecodeAll(bytes.NewReader(r.Variants[0].Data))
	if err != nil || len(g.Image) != 2 || g.Delay[1] != 50 {
		t.Errorf("the animation was not kept: %v", err)
	}
}

// TestGIFFramesCount: the frames of an animation count together against
// the pixel limit, before any is decoded.
func TestGIFFramesCount(t *testing.T) {
	src := gifWithMetadata(t, 30, 400, 300)
	_, err := Process(src, GIF, Limits{MaxBytes: 25 << 20, MaxPixels: 3_000_000})
	if err == nil || !strings.Contains(err.Error(), "the animation has 30 frames of together 3.6 megapixels, more than the limit of 3 megapixels") {
		t.Errorf("got %v", err)
	}
	if _, err := Process(src[:len(src)-40], GIF, DefaultLimits); err == nil {
		t.Error("a cut-off GIF was accepted")
	}
}
