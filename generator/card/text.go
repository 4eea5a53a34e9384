package card

import (
	"image"
	"image/color"
	"slices"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// faceSet is what one goroutine draws text with: faces, shaper and line
// wrapper all keep caches that are not safe to share.
type faceSet struct {
	regular, bold faces
	shaper        shaping.HarfbuzzShaper
	seg           shaping.Segmenter
	wrapper       shaping.LineWrapper
}

func newFaceSet(d *Drawer) *faceSet {
	fs := &faceSet{}
	for _, f := range d.regular {
		fs.regular = append(fs.regular, font.NewFace(f))
	}
	for _, f := range d.bold {
		fs.bold = append(fs.bold, font.NewFace(f))
	}
	return fs
}

// faces picks for each character the first face that has it: the Latin
// family for Latin, Greek and Cyrillic, the Arabic one for Arabic.
type faces []*font.Face

func (f faces) ResolveFace(r rune) *font.Face {
	for _, x := range f {
		if _, ok := x.NominalGlyph(r); ok {
			return x
		}
	}
	return f[0]
}

// text draws s in the box that starts at x = left and y = top and is width
// wide, in at most lines lines, the last one cut off with "…" when s is
// longer; it returns the y below the text. A card written right to left
// aligns its text to the right of the mirrored box.
func (fs *faceSet) text(p *painter, s, lang string, ff faces, size, left, top, width, lines int, c color.RGBA) int {
	if s == "" {
		return top
	}
	dir := di.DirectionLTR
	if p.rtl {
		dir = di.DirectionRTL
	}
	runes := bounded(s, lines)
	in := shaping.Input{Text: runes, RunEnd: len(runes), Direction: dir, Size: fixed.I(size), Language: language.NewLanguage(lang), Face: ff[0]}
	split := fs.seg.Split(in, ff)
	outs := make([]shaping.Output, len(split))
	for i, r := range split {
		outs[i] = fs.shaper.Shape(r)
	}
	cfg := shaping.WrapConfig{Direction: dir, TruncateAfterLines: lines, BreakPolicy: shaping.WhenNecessary}
	dots := []rune("…")
	cfg = cfg.WithTruncator(&fs.shaper, shaping.Input{Text: dots, RunEnd: len(dots), Direction: dir, Size: fixed.I(size), Face: ff[0], Script: language.Latin, Language: language.NewLanguage(lang)})
	wrapped, _ := fs.wrapper.WrapParagraph(cfg, width, runes, shaping.NewSliceIterator(outs))
	lh := size * 13 / 10
	p.color(c)
	y := top
	for _, line := range wrapped {
		runs := slices.Clone(line)
		slices.SortFunc(runs, func(a, b shaping.Output) int { return int(a.VisualIndex - b.VisualIndex) })
		var w fixed.Int26_6
		for _, r := range runs {
			w += r.Advance
		}
		x := fixed.I(left)
		if p.rtl {
			x = fixed.I(Width-left) - w
		}
		baseline := float32(y + size)
		for _, r := range runs {
			scale := float32(size) / float32(r.Face.Upem())
			for _, g := range r.Glyphs {
				gx := float32(x+g.XOffset) / 64
				gy := baseline - float32(g.YOffset)/64
				if o, ok := r.Face.GlyphDataOutline(g.GlyphID); ok {
					p.outline(o.Segments, gx, gy, scale)
				}
				x += g.Advance
			}
		}
		y += lh
	}
	return y
}

// The most a card draws of a text: a few combining marks on a letter, as
// Vietnamese or vocalized Arabic have, and perLine characters for each
// line, more than the narrowest letters fill. Beyond these a text only
// costs time, memory and bytes of the image, not anything a reader sees:
// shaping a title of 1 MB took 11 s and 680 MB, and a title whose letters
// each carry twenty marks made an image over MaxBytes.
const (
	maxMarks = 4
	perLine  = 300
)

// bounded returns the runes of s that a card may draw in lines lines:
// at most maxMarks combining marks in a row and at most perLine
// characters a line, ending in "…" when it cuts s short.
func bounded(s string, lines int) []rune {
	limit := lines * perLine
	out := make([]rune, 0, min(len(s), limit+1))
	marks := 0
	for _, r := range s {
		if unicode.In(r, unicode.Mn, unicode.Me) {
			if marks++; marks > maxMarks {
				continue
			}
		} else {
			marks = 0
		}
		if len(out) == limit {
			return append(out, '…')
		}
		out = append(out, r)
	}
	return out
}

// painter draws onto a card, mirrored for a language written right to
// left. Text collects in a rasterizer until its colour changes.
//
// A card has a white ground and a few colours, so it is a paletted image:
// white, and each colour in levels of coverage for the edges of its
// letters. That takes a third of the bytes of an RGB image, before
// compression and after.
type painter struct {
	img  *image.Paletted
	rtl  bool
	col  color.RGBA
	base map[color.RGBA]uint8 // palette index of a colour's faintest level

	// The outlines collected since the last flush, in card pixels, and the
	// box around them: a flush rasterizes that box only, not the card.
	path []segment
	box  [4]float32 // min x, min y, max x, max y
	z    *vector.Rasterizer
	mask []byte // coverage of the box, row by row
}

// segment is one step of an outline: op is an ot.SegmentOp, n points.
type segment struct {
	op  ot.SegmentOp
	n   int
	pts [3][2]float32
}

// levels is how many levels of coverage each colour has in the palette.
const levels = 63

func newPainter(rtl bool, colors ...color.RGBA) *painter {
	pal := color.Palette{color.RGBA{0xff, 0xff, 0xff, 0xff}}
	base := map[color.RGBA]uint8{}
	for _, c := range colors {
		if _, ok := base[c]; ok {
			continue
		}
		base[c] = uint8(len(pal))
		for l := 1; l <= levels; l++ {
			blend := func(v uint8) uint8 { return uint8((int(v)*l + 0xff*(levels-l) + levels/2) / levels) }
			pal = append(pal, color.RGBA{blend(c.R), blend(c.G), blend(c.B), 0xff})
		}
	}
	r := image.Rect(0, 0, Width, Height)
	return &painter{img: image.NewPaletted(r, pal), rtl: rtl, base: base, z: &vector.Rasterizer{}}
}

// color sets the colour of the text that follows.
func (p *painter) color(c color.RGBA) {
	if c != p.col && len(p.path) > 0 {
		p.flush()
	}
	p.col = c
}

// flush draws the text collected so far.
func (p *painter) flush() {
	if len(p.path) == 0 {
		return
	}
	defer func() { p.path = p.path[:0] }()
	r := image.Rect(int(p.box[0])-1, int(p.box[1])-1, int(p.box[2])+2, int(p.box[3])+2).Intersect(p.img.Rect)
	if r.Empty() {
		return
	}
	w, h := r.Dx(), r.Dy()
	p.z.Reset(w, h)
	dx, dy := float32(r.Min.X), float32(r.Min.Y)
	for _, s := range p.path {
		a := s.pts
		switch s.op {
		case ot.SegmentOpMoveTo:
			p.z.MoveTo(a[0][0]-dx, a[0][1]-dy)
		case ot.SegmentOpLineTo:
			p.z.LineTo(a[0][0]-dx, a[0][1]-dy)
		case ot.SegmentOpQuadTo:
			p.z.QuadTo(a[0][0]-dx, a[0][1]-dy, a[1][0]-dx, a[1][1]-dy)
		case ot.SegmentOpCubeTo:
			p.z.CubeTo(a[0][0]-dx, a[0][1]-dy, a[1][0]-dx, a[1][1]-dy, a[2][0]-dx, a[2][1]-dy)
		case closePath:
			p.z.ClosePath()
		}
	}
	if cap(p.mask) < w*h {
		p.mask = make([]byte, w*h)
	}
	mask := &image.Alpha{Pix: p.mask[:w*h], Stride: w, Rect: image.Rect(0, 0, w, h)}
	clear(mask.Pix)
	p.z.Draw(mask, mask.Rect, image.Opaque, image.Point{})
	base := p.base[p.col]
	for y := range h {
		row := p.img.Pix[(r.Min.Y+y)*p.img.Stride+r.Min.X:]
		for x, a := range mask.Pix[y*w : (y+1)*w] {
			if a == 0 {
				continue
			}
			if l := (int(a)*levels + 0x7f) / 0xff; l > 0 {
				row[x] = base + uint8(l) - 1
			}
		}
	}
}

// closePath ends a contour in a painter's path; it is no ot.SegmentOp.
const closePath ot.SegmentOp = 0xff

// outline adds a glyph at the pen position (x, y), in pixels, whose
// segments are in font units, y up.
func (p *painter) outline(segs []ot.Segment, x, y, scale float32) {
	if len(p.path) == 0 {
		p.box = [4]float32{Width, Height, 0, 0}
	}
	open := false
	for _, s := range segs {
		if s.Op == ot.SegmentOpMoveTo && open {
			p.path = append(p.path, segment{op: closePath})
		}
		g := segment{op: s.Op, n: len(s.ArgsSlice())}
		for i := range g.n {
			px, py := x+s.Args[i].X*scale, y-s.Args[i].Y*scale
			g.pts[i] = [2]float32{px, py}
			p.box = [4]float32{min(p.box[0], px), min(p.box[1], py), max(p.box[2], px), max(p.box[3], py)}
		}
		p.path = append(p.path, g)
		open = true
	}
	if open {
		p.path = append(p.path, segment{op: closePath})
	}
}

// rect fills the rectangle at x, y of w×h, mirrored right to left.
func (p *painter) rect(x, y, w, h int, c color.RGBA) {
	if p.rtl {
		x = Width - x - w
	}
	full := p.base[c] + levels - 1
	r := image.Rect(x, y, x+w, y+h).Intersect(p.img.Rect)
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		row := p.img.Pix[yy*p.img.Stride:]
		for xx := r.Min.X; xx < r.Max.X; xx++ {
			row[xx] = full
		}
	}
}

// bars draws values from 0 to 1 as bars in the box at x, y of w×h, on a
// base line; the bar stress, or every bar when stress is -1, in accent.
func (p *painter) bars(values []float64, stress, x, y, w, h int, accent, muted color.RGBA) {
	n := len(values)
	// Many fields make narrower bars and gaps, never none.
	gap := min(12, w/(2*n))
	bw := max(1, min(64, (w-gap*(n-1))/n))
	// The bars stand at the end of the box, next to the edge of the card.
	x += w - (bw*n + gap*(n-1))
	p.rect(x, y+h-2, bw*n+gap*(n-1), 2, muted)
	for i, v := range values {
		c := muted
		if stress < 0 || i == stress {
			c = accent
		}
		bh := 4
		if v > 0 {
			bh = max(bh, int(min(v, 1)*float64(h-8)+0.5))
		}
		if v < 0 {
			// No score: a short stub, so that the gap is no bar of zero.
			c = muted
		}
		p.rect(x+i*(bw+gap), y+h-2-bh, bw, bh, c)
	}
}
