// Package picture turns the photos of content into what a phone should
// load: it checks a JPEG (.jpg, .jpeg, .jfif, .jpe), PNG, WebP or GIF
// against size limits, turns it upright by its EXIF orientation, scales it
// to a few widths and encodes each anew. The encoders write no metadata, so
// EXIF, GPS, XMP, comments and maker notes never reach the published files,
// and the original file is never published. A WebP is published as JPEG
// (as PNG when it has transparent pixels), since no Go library writes WebP;
// a GIF keeps its frames and size.
//
// Scaling uses golang.org/x/image/draw, WebP decoding golang.org/x/image/webp;
// the rest is the standard library. Memory is budgeted by what images take
// decoded, read from their headers, not by the number of cores. Results can
// be kept in a Cache between builds.
package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"path"
	"strings"

	"golang.org/x/image/draw"
	"golang.org/x/image/webp"

	"offenbar/generator/diag"
)

// Widths are the widths a photo is published in, in pixels; never wider
// than the original.
var Widths = []int{480, 960, 1600}

// JPEGQuality is the quality of every published JPEG.
const JPEGQuality = 82

// Limits bound what a build accepts.
type Limits struct {
	MaxBytes  int64 // file size
	MaxPixels int   // width × height, checked before decoding
}

// DefaultLimits are 25 MB and 50 megapixels.
var DefaultLimits = Limits{MaxBytes: 25 << 20, MaxPixels: 50_000_000}

// Format is a raster format that content may use.
type Format string

// The formats. A WebP image is published as JPEG, or as PNG when it has
// transparent pixels: no Go library writes WebP, and re-encoding is what
// removes its metadata. A GIF stays a GIF at its own size, every frame of
// an animation re-encoded, without comments or application data.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
	GIF  Format = "gif"
	WebP Format = "webp"
)

// Ext is the file name extension of a published file of format f.
func (f Format) Ext() string {
	switch f {
	case JPEG:
		return ".jpg"
	case WebP:
		return ".webp"
	}
	return "." + string(f)
}

// FormatOf returns the format that a file name's extension promises, or "".
func FormatOf(name string) Format {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg", ".jfif", ".jpe":
		return JPEG
	case ".png":
		return PNG
	case ".gif":
		return GIF
	case ".webp":
		return WebP
	}
	return ""
}

// sniffed are the names sniff gives the formats.
var sniffed = map[Format]string{JPEG: "a JPEG image", PNG: "a PNG image", GIF: "a GIF image", WebP: "a WebP image"}

// sniff names the format of src by its first bytes.
func sniff(src []byte) *diag.Message {
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xD8, 0xFF}):
		return diag.Messagef("a JPEG image")
	case bytes.HasPrefix(src, []byte("\x89PNG\r\n\x1a\n")):
		return diag.Messagef("a PNG image")
	case bytes.HasPrefix(src, []byte("GIF8")):
		return diag.Messagef("a GIF image")
	case bytes.HasPrefix(src, []byte("RIFF")) && len(src) > 12 && string(src[8:12]) == "WEBP":
		return diag.Messagef("a WebP image")
	case bytes.HasPrefix(src, []byte("%PDF")):
		return diag.Messagef("a PDF document")
	case len(src) > 12 && string(src[4:8]) == "ftyp":
		return diag.Messagef("a HEIC or video file")
	}
	return diag.Messagef("not an image")
}

// Variant is the photo at one width.
type Variant struct {
	Width, Height int
	Data          []byte
}

// Result is a processed photo: its size upright, and its variants from the
// narrowest to the widest.
type Result struct {
	Format        Format
	Width, Height int
	Variants      []Variant
}

// Error is a problem with a photo or drawing, said for an editor.
type Error struct {
	*diag.Message
	Line int // the line of an SVG file that has the problem; 0 for none
}

func (e *Error) Unwrap() error { return e.Message }

func problem(format string, args ...any) error {
	return &Error{Message: diag.Messagef(format, args...)}
}

// Check reads only the header of src and reports whether it is the
// format promised and within the limits, without decoding the pixels: a
// decompression bomb is refused before it takes any memory. For a GIF,
// the frames of an animation count together.
func Check(src []byte, want Format, lim Limits) (image.Config, error) {
	cfg, _, err := check(src, want, lim)
	return cfg, err
}

// check is Check that also says how many bytes decoding will take.
func check(src []byte, want Format, lim Limits) (image.Config, int64, error) {
	if int64(len(src)) > lim.MaxBytes {
		return image.Config{}, 0, problem("the file has %s, more than the limit of %s; export it smaller", megabytes(int64(len(src))), megabytes(lim.MaxBytes))
	}
	name := strings.ToUpper(string(want))
	if want == WebP {
		name = "WebP"
	}
	if got := sniff(src); got.Format != sniffed[want] {
		return image.Config{}, 0, problem("the file is %s, not a %s image as its name says; export it as %s", got, name, name)
	}
	var cfg image.Config
	var err error
	switch want {
	case JPEG:
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(src))
	case PNG:
		cfg, err = png.DecodeConfig(bytes.NewReader(src))
	case GIF:
		cfg, err = gif.DecodeConfig(bytes.NewReader(src))
	case WebP:
		cfg, err = webp.DecodeConfig(bytes.NewReader(src))
	}
	if err != nil {
		return cfg, 0, damaged(err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, 0, problem("the image says it has %d×%d pixels; export it again", cfg.Width, cfg.Height)
	}
	px := cfg.Width * cfg.Height
	if px > lim.MaxPixels || px/cfg.Width != cfg.Height {
		return cfg, 0, problem("the image has %d×%d pixels (%d megapixels), more than the limit of %d megapixels; scale it down", cfg.Width, cfg.Height, px/1_000_000, lim.MaxPixels/1_000_000)
	}
	cost := int64(px) * bytesPerPixel(cfg.ColorModel)
	if want == GIF {
		frames, area, err := gifFrames(src)
		if err != nil {
			return cfg, 0, damaged(err)
		}
		if area > int64(lim.MaxPixels) {
			return cfg, 0, problem("the animation has %d frames of together %.1f megapixels, more than the limit of %d megapixels; shorten it or scale it down", frames, float64(area)/1e6, lim.MaxPixels/1_000_000)
		}
		cost = area + int64(px)*4
	}
	uw, uh := cfg.Width, cfg.Height
	if want == JPEG && Orientation(src) >= 5 {
		uw, uh = uh, uw
	}
	return cfg, cost + workMemory(uw, uh), nil
}

// workMemory is what turning and scaling an upright image of w×h pixels
// takes besides the decoded image: two RGBA copies of it (reduced when it
// is wide), the scaling filter's buffer and the variants.
func workMemory(w, h int) int64 {
	widest := Widths[len(Widths)-1]
	if k := w / widest; k >= 2 {
		w, h = (w+k-1)/k, (h+k-1)/k
	}
	buf := min(int64(min(w, widest))*int64(h)*32, maxScaleTemp)
	return int64(w)*int64(h)*8 + buf + 3*int64(widest*widest)*4
}

// bytesPerPixel is what a decoder's image of model m takes per pixel.
func bytesPerPixel(m color.Model) int64 {
	switch m {
	case color.GrayModel, color.AlphaModel:
		return 1
	case color.Gray16Model, color.Alpha16Model:
		return 2
	case color.YCbCrModel, color.RGBAModel, color.NRGBAModel, color.CMYKModel, color.NYCbCrAModel:
		return 4
	}
	if _, ok := m.(color.Palette); ok {
		return 1
	}
	return 8 // RGBA64, NRGBA64 and whatever else
}

// gifFrames walks the blocks of a GIF without decoding them and returns
// the number of frames and their area together.
func gifFrames(src []byte) (frames int, area int64, err error) {
	short := errors.New("unexpected end of file")
	if len(src) < 13 {
		return 0, 0, short
	}
	i := 13
	if src[10]&0x80 != 0 {
		i += 3 << (src[10]&7 + 1)
	}
	skipBlocks := func() bool {
		for i < len(src) {
			n := int(src[i])
			i += 1 + n
			if n == 0 {
				return true
			}
		}
		return false
	}
	for i < len(src) {
		switch src[i] {
		case 0x3B: // trailer
			return frames, area, nil
		case 0x21: // extension
			i += 2
			if !skipBlocks() {
				return 0, 0, short
			}
		case 0x2C: // image descriptor
			if i+11 > len(src) {
				return 0, 0, short
			}
			w, h := int64(binary.LittleEndian.Uint16(src[i+5:])), int64(binary.LittleEndian.Uint16(src[i+7:]))
			flags := src[i+9]
			i += 10
			if flags&0x80 != 0 {
				i += 3 << (flags&7 + 1)
			}
			i++ // LZW code size
			if !skipBlocks() {
				return 0, 0, short
			}
			frames++
			area += w * h
		default:
			return 0, 0, fmt.Errorf("unknown block 0x%02x", src[i])
		}
	}
	return 0, 0, short
}

func damaged(err error) error {
	return problem("the image is damaged or cut off (%v); export or copy it again", err)
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// Process checks src, turns it upright and encodes it at every width of
// Widths that is narrower than the original, and at the original width
// when that is narrower than the widest. A GIF is encoded at its own size
// only.
func Process(src []byte, want Format, lim Limits) (*Result, error) {
	if _, _, err := check(src, want, lim); err != nil {
		return nil, err
	}
	if want == GIF {
		return processGIF(src)
	}
	var img image.Image
	var err error
	switch want {
	case JPEG:
		img, err = jpeg.Decode(bytes.NewReader(src))
	case PNG:
		img, err = png.Decode(bytes.NewReader(src))
	case WebP:
		img, err = webp.Decode(bytes.NewReader(src))
	}
	if err != nil {
		return nil, damaged(err)
	}
	out := want
	if want == WebP {
		out = JPEG
		if o, ok := img.(interface{ Opaque() bool }); ok && !o.Opaque() {
			out = PNG
		}
	}
	o := 1
	if want == JPEG {
		o = Orientation(src)
	}
	b := img.Bounds()
	r := &Result{Format: out, Width: b.Dx(), Height: b.Dy()}
	if o >= 5 {
		r.Width, r.Height = r.Height, r.Width
	}
	// A photo many times wider than the widest width is first averaged
	// down by a whole factor: cheap, and what makes a 50-megapixel scan
	// take seconds instead of minutes.
	if k := r.Width / Widths[len(Widths)-1]; k >= 2 {
		img = reduce(img, k)
	}
	img = orient(img, o)
	b = img.Bounds()
	ws := targets(r.Width)
	r.Variants = make([]Variant, len(ws))
	// The widest is scaled from the original, each narrower one from the
	// one above it: the same quality at a fraction of the work.
	from := img
	for i := len(ws) - 1; i >= 0; i-- {
		w := ws[i]
		h := max(1, (r.Height*w+r.Width/2)/r.Width)
		scaled := from
		if fb := from.Bounds(); w != fb.Dx() {
			scaled = scale(from, w, h)
		}
		var buf bytes.Buffer
		if out == JPEG {
			err = jpeg.Encode(&buf, scaled, &jpeg.Options{Quality: JPEGQuality})
		} else {
			err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, scaled)
		}
		if err != nil {
			return nil, problem("cannot encode the image: %v", err)
		}
		r.Variants[i] = Variant{Width: w, Height: h, Data: buf.Bytes()}
		from = scaled
	}
	return r, nil
}

// processGIF encodes every frame of a GIF anew. The encoder writes the
// frames, their timing and the loop count, and nothing else: comments and
// application data such as XMP stay behind.
func processGIF(src []byte) (*Result, error) {
	g, err := gif.DecodeAll(bytes.NewReader(src))
	if err != nil {
		return nil, damaged(err)
	}
	out := &gif.GIF{Image: g.Image, Delay: g.Delay, LoopCount: g.LoopCount, Disposal: g.Disposal, Config: g.Config, BackgroundIndex: g.BackgroundIndex}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, out); err != nil {
		return nil, problem("cannot encode the image: %v", err)
	}
	w, h := g.Config.Width, g.Config.Height
	return &Result{Format: GIF, Width: w, Height: h, Variants: []Variant{{Width: w, Height: h, Data: buf.Bytes()}}}, nil
}

// maxScaleTemp bounds the buffer that Catmull-Rom scaling takes: 32 bytes
// for each pixel of the destination's width times the source's height.
const maxScaleTemp = 256 << 20

// scale scales img to w×h with Catmull-Rom. An image so tall that the
// filter's buffer would exceed maxScaleTemp is averaged down by a whole
// factor and then interpolated bilinearly, which needs no buffer.
func scale(img image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	b := img.Bounds()
	if int64(w)*int64(b.Dy())*32 <= maxScaleTemp {
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		return dst
	}
	if k := b.Dx() / w; k >= 2 {
		img = reduce(img, k)
	}
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// reduce averages every k×k block of img into one pixel.
func reduce(img image.Image, k int) *image.RGBA {
	b := img.Bounds()
	w, h := (b.Dx()+k-1)/k, (b.Dy()+k-1)/k
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	at, fast := img.(image.RGBA64Image)
	sum := make([]uint64, 4*w)
	n := make([]uint64, w)
	for oy := 0; oy < h; oy++ {
		clear(sum)
		clear(n)
		for y := b.Min.Y + oy*k; y < min(b.Min.Y+(oy+1)*k, b.Max.Y); y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				var c color.RGBA64
				if fast {
					c = at.RGBA64At(x, y)
				} else {
					r, g, bl, a := img.At(x, y).RGBA()
					c = color.RGBA64{uint16(r), uint16(g), uint16(bl), uint16(a)}
				}
				ox := (x - b.Min.X) / k
				sum[4*ox] += uint64(c.R)
				sum[4*ox+1] += uint64(c.G)
				sum[4*ox+2] += uint64(c.B)
				sum[4*ox+3] += uint64(c.A)
				n[ox]++
			}
		}
		row := dst.Pix[oy*dst.Stride:]
		for ox := range w {
			for c := range 4 {
				row[4*ox+c] = uint8(sum[4*ox+c] / n[ox] >> 8)
			}
		}
	}
	return dst
}

// targets are the widths to publish an image of width w in.
func targets(w int) []int {
	var ws []int
	for _, t := range Widths {
		if t < w {
			ws = append(ws, t)
		}
	}
	if w <= Widths[len(Widths)-1] {
		ws = append(ws, w)
	}
	return ws
}

var errNoEXIF = errors.New("no EXIF")

// RenditionSettings names what decides a rendition besides its source,
// width and format, for a cache key.
const RenditionSettings = "rendition v1, CatmullRom, jpeg quality 82, png best"

// RenditionHeight is the height of a rendition w pixels wide of an image
// of width×height, rounded as Process rounds.
func RenditionHeight(width, height, w int) int {
	return max(1, (height*w+width/2)/width)
}

// Rendition scales src, a JPEG or PNG that Process made (upright and
// without metadata), to w pixels wide, such as the copy of an article's
// photo that social media show; an image no wider is returned as it is.
func Rendition(src []byte, f Format, w int) ([]byte, error) {
	var img image.Image
	var err error
	switch f {
	case JPEG:
		img, err = jpeg.Decode(bytes.NewReader(src))
	case PNG:
		img, err = png.Decode(bytes.NewReader(src))
	default:
		return src, nil // Process made a JPEG or a PNG of everything else
	}
	if err != nil {
		return nil, damaged(err)
	}
	b := img.Bounds()
	if b.Dx() <= w {
		return src, nil
	}
	scaled := scale(img, w, RenditionHeight(b.Dx(), b.Dy(), w))
	var buf bytes.Buffer
	if f == JPEG {
		err = jpeg.Encode(&buf, scaled, &jpeg.Options{Quality: JPEGQuality})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, scaled)
	}
	if err != nil {
		return nil, problem("cannot encode the image: %v", err)
	}
	return buf.Bytes(), nil
}
