package picture

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"testing"
)

var updatePhotos = flag.Bool("update-photos", false, "rewrite the example's photos")

// The example's photos, drawn by this test: no photo is downloaded.
const (
	festPhoto  = "../../content/articles/2024-09-16-fest-der-kulturen/marktplatz.jpg"
	tablePhoto = "../../content/static/bilder/runder-tisch-wohnen.jpg"
)

// TestExamplePhotos draws the example's two photos and compares them with
// the committed files; -update-photos writes them. The portrait photo is
// stored lying on its side with EXIF orientation 6 and GPS coordinates, as
// a phone stores it, so that the example shows both being handled.
func TestExamplePhotos(t *testing.T) {
	fest := encode(t, festival(2400, 1600), 85)
	table := WithEXIF(encode(t, turnLeft(roundTable(1200, 1600)), 85), 6, true, 51.1657, 10.4515)
	for name, b := range map[string][]byte{festPhoto: fest, tablePhoto: table} {
		if *updatePhotos {
			if err := os.WriteFile(name, b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if d := meanDiff(t, old, b); d > 2 {
			t.Errorf("%s differs from what this test draws (mean difference %.1f); run go test ./generator/picture -run TestExamplePhotos -update-photos", name, d)
		}
	}
	if Orientation(table) != 6 || !HasMetadata(table) {
		t.Error("the portrait photo lacks its orientation or GPS data")
	}
}

func encode(t *testing.T, img image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func meanDiff(t *testing.T, a, b []byte) float64 {
	ia, err1 := jpeg.Decode(bytes.NewReader(a))
	ib, err2 := jpeg.Decode(bytes.NewReader(b))
	if err1 != nil || err2 != nil || ia.Bounds() != ib.Bounds() {
		return math.Inf(1)
	}
	var sum float64
	var n int
	bd := ia.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y += 7 {
		for x := bd.Min.X; x < bd.Max.X; x += 7 {
			r1, g1, b1, _ := ia.At(x, y).RGBA()
			r2, g2, b2, _ := ib.At(x, y).RGBA()
			sum += math.Abs(float64(r1)-float64(r2)) + math.Abs(float64(g1)-float64(g2)) + math.Abs(float64(b1)-float64(b2))
			n += 3
		}
	}
	return sum / float64(n) / 257
}

// canvas is an RGBA image with a deterministic grain, so that the photos
// compress like photos.
type canvas struct {
	*image.RGBA
	seed uint32
}

func newCanvas(w, h int) *canvas { return &canvas{image.NewRGBA(image.Rect(0, 0, w, h)), 1} }

func (c *canvas) grain() int {
	c.seed = c.seed*1664525 + 1013904223
	return int(c.seed>>24)%13 - 6
}

func clamp(v int) uint8 { return uint8(max(0, min(255, v))) }

func (c *canvas) put(x, y int, col color.RGBA) {
	g := c.grain()
	c.SetRGBA(x, y, color.RGBA{clamp(int(col.R) + g), clamp(int(col.G) + g), clamp(int(col.B) + g), 255})
}

func (c *canvas) fill(x0, y0, x1, y1 int, col color.RGBA) {
	for y := max(0, y0); y < min(c.Rect.Dy(), y1); y++ {
		for x := max(0, x0); x < min(c.Rect.Dx(), x1); x++ {
			c.put(x, y, col)
		}
	}
}

func (c *canvas) disc(cx, cy, r int, col color.RGBA) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r && image.Pt(x, y).In(c.Rect) {
				c.put(x, y, col)
			}
		}
	}
}

// triangle fills the triangle with a horizontal top edge from (x0, y) to
// (x1, y) and its tip at (tx, ty).
func (c *canvas) triangle(x0, x1, y, tx, ty int, col color.RGBA) {
	lo, hi := min(y, ty), max(y, ty)
	for yy := lo; yy <= hi; yy++ {
		f := math.Abs(float64(yy-y)) / float64(max(1, hi-lo))
		l := int(float64(x0) + f*float64(tx-x0))
		r := int(float64(x1) + f*float64(tx-x1))
		c.fill(l, yy, r+1, yy+1, col)
	}
}

var palette = []color.RGBA{{214, 69, 65, 255}, {242, 169, 0, 255}, {46, 134, 193, 255}, {39, 174, 96, 255}, {142, 68, 173, 255}, {230, 126, 34, 255}}

// festival is a market square during the Fest der Kulturen: houses, stalls
// with striped roofs, bunting and people.
func festival(w, h int) image.Image {
	c := newCanvas(w, h)
	horizon := h * 45 / 100
	for y := 0; y < horizon; y++ {
		f := float64(y) / float64(horizon)
		c.fill(0, y, w, y+1, color.RGBA{uint8(110 + 100*f), uint8(170 + 60*f), uint8(230 + 15*f), 255})
	}
	// Houses along the square.
	for i, x := 0, 0; x < w; i, x = i+1, x+w/9 {
		top := horizon - h/6 - (i%3)*h/30
		col := []color.RGBA{{233, 217, 190, 255}, {205, 160, 140, 255}, {240, 236, 226, 255}, {190, 200, 180, 255}}[i%4]
		c.fill(x, top, x+w/9-6, horizon+h/20, col)
		c.triangle(x-10, x+w/9+4, top, x+w/18, top-h/14, color.RGBA{150, 60, 45, 255})
		for wy := top + h/40; wy < horizon; wy += h / 16 {
			for wx := x + w/60; wx < x+w/9-w/40; wx += w / 36 {
				c.fill(wx, wy, wx+w/90, wy+h/40, color.RGBA{70, 90, 110, 255})
			}
		}
	}
	// Cobbles.
	for y := horizon + h/20; y < h; y++ {
		f := float64(y-horizon) / float64(h-horizon)
		c.fill(0, y, w, y+1, color.RGBA{uint8(150 - 40*f), uint8(145 - 40*f), uint8(140 - 40*f), 255})
	}
	// Stalls with striped roofs.
	for i := 0; i < 5; i++ {
		x := w/24 + i*w/5
		y := horizon + h/12 + (i%2)*h/25
		sw := w / 6
		for s := 0; s < 6; s++ {
			col := palette[i%len(palette)]
			if s%2 == 1 {
				col = color.RGBA{250, 250, 245, 255}
			}
			c.fill(x+s*sw/6, y, x+(s+1)*sw/6, y+h/12, col)
		}
		c.fill(x+sw/12, y+h/12, x+sw-sw/12, y+h/5, color.RGBA{120, 85, 60, 255})
		for k := 0; k < 4; k++ {
			c.disc(x+sw/8+k*sw/4, y+h/12+h/30, h/60, palette[(i+k+1)%len(palette)])
		}
	}
	// Bunting across the square.
	for x := 0; x < w; x += w / 40 {
		sag := int(float64(h/10) * math.Sin(math.Pi*float64(x)/float64(w)))
		y := h/12 + sag
		c.triangle(x, x+w/48, y, x+w/96, y+h/22, palette[(x/(w/40))%len(palette)])
	}
	// People.
	for i := 0; i < 11; i++ {
		x := w*(2*i+1)/22 + (i%3-1)*w/50
		y := h*72/100 + (i%3)*h/12
		s := h / 60 * (y - horizon) / (h - horizon) * 3
		c.fill(x-s, y, x+s, y+4*s, palette[(i*5)%len(palette)])
		c.disc(x, y-s*3/2, s*3/4, []color.RGBA{{224, 172, 140, 255}, {150, 100, 70, 255}, {95, 65, 45, 255}}[i%3])
	}
	return c.RGBA
}

// roundTable is an upright photo of the round table on housing: a red
// banner at the top, a pin board, and the table.
func roundTable(w, h int) image.Image {
	c := newCanvas(w, h)
	c.fill(0, 0, w, h, color.RGBA{236, 232, 222, 255})
	c.fill(0, 0, w, h/8, color.RGBA{196, 30, 40, 255}) // the banner: up is where it is
	c.fill(w/10, h/6, w*9/10, h/2, color.RGBA{181, 140, 95, 255})
	for i := 0; i < 9; i++ {
		x := w/10 + 40 + (i%3)*(w*8/10-80)/3
		y := h/6 + 30 + (i/3)*(h/3-60)/3
		c.fill(x, y, x+(w*8/10-80)/3-30, y+(h/3-60)/3-25, []color.RGBA{{255, 250, 230, 255}, {210, 235, 250, 255}, {250, 220, 200, 255}}[i%3])
	}
	c.fill(0, h*62/100, w, h, color.RGBA{130, 110, 90, 255})
	c.disc(w/2, h*80/100, w*3/10, color.RGBA{176, 124, 72, 255})
	for k := 0; k < 6; k++ {
		a := float64(k) * math.Pi / 3
		c.disc(w/2+int(float64(w)*0.38*math.Cos(a)), h*80/100+int(float64(w)*0.3*math.Sin(a)), w/14, palette[k])
	}
	return c.RGBA
}

// turnLeft turns img 90° counter-clockwise, as a phone held upright
// stores its pixels.
func turnLeft(img image.Image) image.Image {
	b := img.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dy(), b.Dx()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			dst.Set(y, b.Dx()-1-x, img.At(x, y))
		}
	}
	return dst
}
