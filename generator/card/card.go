// Package card draws the preview image that social media and messengers
// show beside a link to a page of the site (its Open Graph image): a PNG of
// 1200×630 pixels with the site's name, the page's title, the score with
// its change since the last round, and a small bar chart.
//
// It is drawn at build time from the model's texts and numbers alone, with
// fonts compiled into offenbar or found in node_modules (see Fonts), and
// without a browser. Text is shaped with HarfBuzz's rules
// (github.com/go-text/typesetting): Arabic letters join, and a card of a
// language written right to left is mirrored, its text aligned right and
// its bars growing from the right. The same card gives the same bytes on
// every build.
package card

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"image/color"
	"image/png"
	"sync"

	"github.com/go-text/typesetting/font"
)

// The size of every card: the size Open Graph and the large card of
// X, Mastodon and LinkedIn show without cropping.
const (
	Width  = 1200
	Height = 630
)

// MaxBytes is the most a card may weigh; messengers on slow connections
// leave out larger previews.
const MaxBytes = 150 << 10

// Card is what one preview image shows. Its texts come in the page's
// language, written as the page writes them.
type Card struct {
	Site  string // the site's name, above the title
	Title string // the page's title, in large type, at most three lines
	// Score is the score as the page says it, such as "62 %", and Round
	// the round it belongs to; both empty for a card without a score.
	Score, Round string
	// Change says the change since the previous round, such as "+4
	// Prozentpunkte gegenüber der Runde „2021“"; empty without one.
	Change string
	// Bars are the values of the small bar chart, from 0 to 1, in reading
	// order; a negative value is a bar without a score. Stress is the bar
	// drawn in the accent colour, or -1 for all of them.
	Bars   []float64
	Stress int
	// Accent and Muted are the colours of the stressed and the other bars
	// and of the edge, such as the chart palette's "#1d5f95" and
	// "#6b7785".
	Accent, Muted string
	RTL           bool   // the language is written right to left
	Lang          string // BCP 47 tag of the texts, for shaping
}

// Key is c as bytes, for a cache key: cards that draw the same image have
// the same key.
func (c Card) Key() []byte {
	b, _ := json.Marshal(c)
	return b
}

// Fonts are the TrueType files a card is drawn with: a Latin, Greek and
// Cyrillic family and an Arabic one, each regular and bold.
type Fonts struct {
	Regular, Bold             []byte
	ArabicRegular, ArabicBold []byte
}

// Drawer draws cards with one set of fonts. It is safe for concurrent use.
type Drawer struct {
	regular, bold []*font.Font // Latin first, then Arabic
	version       string
	faces         sync.Pool // *faceSet: a font.Face is for one goroutine
}

// Settings names everything besides a card and the fonts that decides the
// image, so that a change to the drawing misses the cache.
const Settings = "card v5, paletted, png best speed, texts bounded"

// New reads the fonts. It fails on a font that cannot be read.
func New(f Fonts) (*Drawer, error) {
	d := &Drawer{}
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", Settings)
	for _, src := range []struct {
		name string
		data []byte
		into *[]*font.Font
	}{{"regular", f.Regular, &d.regular}, {"arabic regular", f.ArabicRegular, &d.regular}, {"bold", f.Bold, &d.bold}, {"arabic bold", f.ArabicBold, &d.bold}} {
		face, err := font.ParseTTF(bytes.NewReader(src.data))
		if err != nil {
			return nil, fmt.Errorf("the %s font of the preview images cannot be read: %v", src.name, err)
		}
		*src.into = append(*src.into, face.Font)
		fmt.Fprintf(h, "%s %d\n", src.name, len(src.data))
		h.Write(src.data)
	}
	d.version = hex.EncodeToString(h.Sum(nil))
	d.faces.New = func() any { return newFaceSet(d) }
	return d, nil
}

// Version changes whenever the fonts or the drawing change: a cache key
// for the images drawn.
func (d *Drawer) Version() string { return d.version }

// Draw draws c as a PNG of Width×Height.
func (d *Drawer) Draw(c Card) ([]byte, error) {
	fs := d.faces.Get().(*faceSet)
	defer d.faces.Put(fs)
	accent, muted := parseHex(c.Accent, color.RGBA{0x1d, 0x5f, 0x95, 0xff}), parseHex(c.Muted, color.RGBA{0x6b, 0x77, 0x85, 0xff})
	ink := color.RGBA{0x1a, 0x1a, 0x1a, 0xff}
	grey := color.RGBA{0x4a, 0x4f, 0x55, 0xff}
	p := newPainter(c.RTL, ink, grey, accent, muted)
	img := p.img
	// The edge on the side where reading starts, in the accent colour.
	p.rect(0, 0, edge, Height, accent)

	left, right := margin+edge, Width-margin
	width := right - left
	y := margin
	y = fs.text(p, c.Site, c.Lang, fs.regular, 32, left, y, width, 1, grey)
	y += 28
	titleLines := 4
	if c.Score != "" || len(c.Bars) > 0 {
		titleLines = 3
	}
	size := 56
	fs.text(p, c.Title, c.Lang, fs.bold, size, left, y, width, titleLines, ink)

	// The bottom band: the score and its change at the start, the bars at
	// the end.
	top := Height - margin - bandHeight
	if len(c.Bars) > 0 {
		p.bars(c.Bars, c.Stress, right-chartWidth, top, chartWidth, bandHeight, accent, muted)
		width -= chartWidth + 48
	}
	if c.Score != "" {
		y := fs.text(p, c.Score, c.Lang, fs.bold, 88, left, top-12, width, 1, accent)
		if c.Round != "" {
			y = fs.text(p, c.Round, c.Lang, fs.regular, 28, left, y-4, width, 1, grey)
		}
		if c.Change != "" {
			fs.text(p, c.Change, c.Lang, fs.regular, 28, left, y, width, 2, grey)
		}
	}
	p.flush()

	var buf bytes.Buffer
	// The fastest compression takes 9 % more bytes than the default and a
	// third less time: a card is fetched by a link preview, not by readers,
	// and a site of 3,000 articles draws 3,000 of them on a cold cache.
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	if buf.Len() > MaxBytes {
		// A card of dense text in many scripts: worth the slower
		// compression rather than no card.
		buf.Reset()
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
			return nil, err
		}
	}
	if buf.Len() > MaxBytes {
		return nil, fmt.Errorf("the preview image of %q takes %d bytes, more than %d", c.Title, buf.Len(), MaxBytes)
	}
	return buf.Bytes(), nil
}

// The layout of a card, in pixels.
const (
	margin     = 64
	edge       = 16
	bandHeight = 170
	chartWidth = 380
)

func parseHex(s string, def color.RGBA) color.RGBA {
	var r, g, b uint8
	if n, err := fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b); err != nil || n != 3 || len(s) != 7 {
		return def
	}
	return color.RGBA{r, g, b, 0xff}
}
