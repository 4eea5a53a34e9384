// Package picture turns the photos of content into what a phone should
// load: it checks a JPEG or PNG against size limits, turns it upright by its
// EXIF orientation, scales it to a few widths and encodes each anew. The
// encoders write no metadata, so EXIF, GPS, XMP and maker notes never reach
// the published files, and the original file is never published.
//
// Scaling uses golang.org/x/image/draw; decoding and encoding use the
// standard library. Results can be kept in a Cache between builds.
package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"strings"

	"golang.org/x/image/draw"

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

// The formats.
const (
	JPEG Format = "jpeg"
	PNG  Format = "png"
)

// FormatOf returns the format that a file name's extension promises, or "".
func FormatOf(name string) Format {
	switch n := strings.ToLower(name); {
	case strings.HasSuffix(n, ".jpg"), strings.HasSuffix(n, ".jpeg"):
		return JPEG
	case strings.HasSuffix(n, ".png"):
		return PNG
	}
	return ""
}

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
// decompression bomb is refused before it takes any memory.
func Check(src []byte, want Format, lim Limits) (image.Config, error) {
	if int64(len(src)) > lim.MaxBytes {
		return image.Config{}, problem("the file has %s, more than the limit of %s; export it smaller", megabytes(int64(len(src))), megabytes(lim.MaxBytes))
	}
	if got := sniff(src); got.Format != "a "+strings.ToUpper(string(want))+" image" {
		return image.Config{}, problem("the file is %s, not a %s image as its name says; export it as %s", got, strings.ToUpper(string(want)), strings.ToUpper(string(want)))
	}
	var cfg image.Config
	var err error
	if want == JPEG {
		cfg, err = jpeg.DecodeConfig(bytes.NewReader(src))
	} else {
		cfg, err = png.DecodeConfig(bytes.NewReader(src))
	}
	if err != nil {
		return cfg, damaged(err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return cfg, problem("the image says it has %d×%d pixels; export it again", cfg.Width, cfg.Height)
	}
	if px := cfg.Width * cfg.Height; px > lim.MaxPixels || px/cfg.Width != cfg.Height {
		return cfg, problem("the image has %d×%d pixels (%d megapixels), more than the limit of %d megapixels; scale it down", cfg.Width, cfg.Height, px/1_000_000, lim.MaxPixels/1_000_000)
	}
	return cfg, nil
}

func damaged(err error) error {
	return problem("the image is damaged or cut off (%v); export or copy it again", err)
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// Process checks src, turns it upright and encodes it at every width of
// Widths that is narrower than the original, and at the original width
// when that is narrower than the widest.
func Process(src []byte, want Format, lim Limits) (*Result, error) {
	if _, err := Check(src, want, lim); err != nil {
		return nil, err
	}
	var img image.Image
	var err error
	if want == JPEG {
		img, err = jpeg.Decode(bytes.NewReader(src))
	} else {
		img, err = png.Decode(bytes.NewReader(src))
	}
	if err != nil {
		return nil, damaged(err)
	}
	if want == JPEG {
		img = orient(img, Orientation(src))
	}
	b := img.Bounds()
	r := &Result{Format: want, Width: b.Dx(), Height: b.Dy()}
	ws := targets(b.Dx())
	r.Variants = make([]Variant, len(ws))
	// The widest is scaled from the original, each narrower one from the
	// one above it: the same quality at a fraction of the work.
	from := img
	for i := len(ws) - 1; i >= 0; i-- {
		w := ws[i]
		h := max(1, (b.Dy()*w+b.Dx()/2)/b.Dx())
		scaled := from
		if fb := from.Bounds(); w != fb.Dx() {
			dst := image.NewRGBA(image.Rect(0, 0, w, h))
			draw.CatmullRom.Scale(dst, dst.Bounds(), from, fb, draw.Src, nil)
			scaled = dst
		}
		var buf bytes.Buffer
		if want == JPEG {
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
