package chart

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Layout is the size an SVG chart is drawn at. The SVG scales to the width
// of its box, so a layout's width should be close to the width it is shown
// at: then its text keeps its font size.
type Layout struct {
	Name     string // "narrow" or "wide", used in class names and IDs
	Width    int
	FontSize int
	// RTL mirrors bar and line charts for pages written right to left:
	// bars grow from the right, time runs from right to left, and axis
	// labels stand on the right. A radar has no direction to mirror.
	RTL bool
	// Number writes the axis ticks, whole numbers, with the digits of the
	// page's language; without it they are written with Latin digits.
	Number func(int) string
}

// The two layouts a page carries; its stylesheet shows one of them.
var (
	Narrow = Layout{Name: "narrow", Width: 360, FontSize: 14}
	Wide   = Layout{Name: "wide", Width: 720, FontSize: 14}
)

// SVG draws d as an SVG image that needs no script. In a narrow layout a
// radar is drawn as grouped bars. Series k has the class
// "c<first+k>", and draws in currentColor: a stylesheet sets each class's
// colour (see Stylesheet), so a dark colour scheme only needs CSS. Text,
// grid and axes have the classes "grid" and "axis" and take the page's text
// colour. id makes the pattern IDs unique on the page; format writes the
// value labels. Series are also told apart by dashes, marker shapes and
// hatching, not by colour alone; the last series, the newest round, is
// drawn plain.
//
// The image is decorative for assistive technology (aria-hidden): the
// figure's summary and table carry the same information.
func SVG(kind Kind, d Data, l Layout, id string, first int, format func(float64) string) string {
	if kind == Radar && l.Width < 500 {
		// On a phone the labels of a radar leave its web too small to
		// read: the same values as grouped bars are clearer.
		kind = Bar
	}
	c := &canvas{l: l, id: id + "-" + l.Name, first: first, n: len(d.Series), format: format, fs: float64(l.FontSize)}
	c.lh = c.fs * 1.25
	c.mirror = l.RTL && kind != Radar
	var body string
	var h float64
	switch kind {
	case Radar:
		body, h = c.radar(d)
	case Bar:
		body, h = c.bar(d)
	default:
		body, h = c.line(d)
	}
	legend, lh := c.legend(d, kind, h)
	h += lh + 8
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart-svg chart-svg-%s" viewBox="0 0 %d %s" width="%d" height="%s" font-size="%d" direction="ltr" aria-hidden="true" focusable="false">`,
		l.Name, l.Width, num(h), l.Width, num(h), l.FontSize)
	if kind == Bar {
		b.WriteString(c.defs())
	}
	if c.mirror {
		// Everything is drawn mirrored, and every text mirrored back
		// about its anchor (see text), so that it stays readable.
		fmt.Fprintf(&b, `<g transform="matrix(-1 0 0 1 %d 0)">`, l.Width)
	}
	b.WriteString(body)
	b.WriteString(legend)
	if c.mirror {
		b.WriteString("</g>")
	}
	b.WriteString("</svg>")
	return b.String()
}

// Stylesheet returns the CSS that gives the series classes of SVG their
// colours: palette in the light scheme, dark in the dark one.
func Stylesheet(palette, dark []string) string {
	var b strings.Builder
	colours := func(p []string) {
		for i, c := range p {
			fmt.Fprintf(&b, ".chart-svg .c%d{color:%s}\n", i, c)
		}
	}
	b.WriteString("/* Series colours of the charts, from site.toml [chart]. */\n")
	colours(palette)
	if len(dark) > 0 {
		b.WriteString("@media screen and (prefers-color-scheme: dark){\n")
		colours(dark)
		b.WriteString("}\n")
	}
	return b.String()
}

type canvas struct {
	l      Layout
	mirror bool
	id     string
	first  int
	n      int // number of series
	format func(float64) string
	fs, lh float64
}

var (
	dashes  = []string{"", "7 4", "2 3", "9 3 2 3"}
	markers = []string{"circle", "square", "triangle", "diamond"}
)

// defs holds the hatch patterns of bars: one for each style but the plain
// one.
func (c *canvas) defs() string {
	if c.n < 2 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<defs>")
	for k := 1; k < c.n; k++ {
		// diagonal lines, crossed lines, dots, horizontal lines
		var shape string
		switch k % 4 {
		case 1:
			shape = `<path class="decal" d="M0 0V6"/>`
		case 2:
			shape = `<path class="decal" d="M0 0V6M0 0H6"/>`
		case 3:
			shape = `<circle class="decal-dot" cx="3" cy="3" r="1.2"/>`
		default:
			shape = `<path class="decal" d="M0 3H6"/>`
		}
		fmt.Fprintf(&b, `<pattern id="%s-p%d" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">%s</pattern>`, c.id, k, shape)
	}
	b.WriteString("</defs>")
	return b.String()
}

// charWidth estimates the width of a character in the layout's font: wide
// enough for the common sans-serif fonts, so that labels do not run out of
// the image.
func (c *canvas) charWidth() float64 { return c.fs * 0.58 }

// textWidth estimates the width of s.
func (c *canvas) textWidth(s string) float64 {
	return float64(utf8.RuneCountInString(s)) * c.charWidth()
}

// wrap breaks s at spaces into lines no wider than w. A word may be up to
// a third wider than w, as the width is an estimate; a longer one, which
// no language has but a pasted address may, is broken.
func (c *canvas) wrap(s string, w float64) []string {
	var lines []string
	per := max(1, int(w*4/3/c.charWidth()))
	var words []string
	for _, word := range strings.Fields(s) {
		for r := []rune(word); len(r) > 0; {
			n := min(per, len(r))
			words = append(words, string(r[:n]))
			r = r[n:]
		}
	}
	for _, word := range words {
		if n := len(lines); n > 0 && c.textWidth(lines[n-1]+" "+word) <= w {
			lines[n-1] += " " + word
			continue
		}
		lines = append(lines, word)
	}
	if len(lines) == 0 {
		lines = []string{""}
	}
	return lines
}

func (c *canvas) widest(lines []string) float64 {
	w := 0.0
	for _, s := range lines {
		w = math.Max(w, c.textWidth(s))
	}
	return w
}

// text writes lines from the baseline y of the first line on.
func (c *canvas) text(b *strings.Builder, x, y float64, anchor, class string, lines []string) {
	fmt.Fprintf(b, `<text x="%s" y="%s"`, num(x), num(y))
	if c.mirror {
		anchor = map[string]string{"": "end", "start": "end", "end": "start", "middle": "middle"}[anchor]
		fmt.Fprintf(b, ` transform="matrix(-1 0 0 1 %s 0)"`, num(2*x))
	}
	if anchor != "" && anchor != "start" {
		fmt.Fprintf(b, ` text-anchor="%s"`, anchor)
	}
	if class != "" {
		fmt.Fprintf(b, ` class="%s"`, class)
	}
	b.WriteString(">")
	if len(lines) == 1 {
		b.WriteString(escape(lines[0]))
	} else {
		for i, s := range lines {
			dy := "0"
			if i > 0 {
				dy = num(c.lh)
			}
			fmt.Fprintf(b, `<tspan x="%s" dy="%s">%s</tspan>`, num(x), dy, escape(s))
		}
	}
	b.WriteString("</text>")
}

func (c *canvas) class(k int) string { return "c" + strconv.Itoa(c.first+k) }

// style is the index of the dash, marker and hatching of series k: 0, the
// plain style, for the last series.
func (c *canvas) style(k int) int { return c.n - 1 - k }

// marker draws the shape of series k centred on x, y.
func marker(b *strings.Builder, k int, x, y, r float64) {
	switch markers[k%len(markers)] {
	case "circle":
		fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="%s"/>`, num(x), num(y), num(r))
	case "square":
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"/>`, num(x-r), num(y-r), num(2*r), num(2*r))
	case "triangle":
		fmt.Fprintf(b, `<path d="M%s %sL%s %sL%s %sZ"/>`, num(x), num(y-r*1.2), num(x+r*1.1), num(y+r*0.8), num(x-r*1.1), num(y+r*0.8))
	default:
		fmt.Fprintf(b, `<path d="M%s %sL%s %sL%s %sL%s %sZ"/>`, num(x), num(y-r*1.3), num(x+r), num(y), num(x), num(y+r*1.3), num(x-r), num(y))
	}
}

// rect draws a bar of series k, hatched unless it is the plain series;
// attrs are more attributes of both rectangles.
func (c *canvas) rect(b *strings.Builder, k int, x, y, w, h float64, attrs string) {
	fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"%s/>`, num(x), num(y), num(w), num(h), attrs)
	if c.style(k) > 0 && w > 0 {
		fmt.Fprintf(b, `<rect x="%s" y="%s" width="%s" height="%s"%s fill="url(#%s-p%d)"/>`, num(x), num(y), num(w), num(h), attrs, c.id, c.style(k))
	}
}

func dash(k int) string {
	if d := dashes[k%len(dashes)]; d != "" {
		return ` stroke-dasharray="` + d + `"`
	}
	return ""
}

const pad = 6.0

func (c *canvas) radar(d Data) (string, float64) {
	n := len(d.Categories)
	w := float64(c.l.Width)
	vmax := d.axisMax()
	gap := c.fs * 0.6
	maxLabel := w * 0.3
	labels := make([][]string, n)
	dx, dy := make([]float64, n), make([]float64, n)
	r := w * 0.3
	for i, name := range d.Categories {
		// Counter-clockwise from the top, as ECharts draws a radar.
		a := -math.Pi/2 - 2*math.Pi*float64(i)/float64(n)
		dx[i], dy[i] = math.Cos(a), math.Sin(a)
		labels[i] = c.wrap(name, maxLabel)
		lw := c.widest(labels[i])
		if math.Abs(dx[i]) > 0.1 {
			// The label sits beside its axis: the web shrinks until it fits.
			r = math.Min(r, (w/2-pad-lw)/math.Abs(dx[i])-gap)
		} else {
			r = math.Min(r, (w/2-pad-lw/2)/math.Max(math.Abs(dx[i]), 1e-9))
		}
	}
	r = math.Max(r, w*0.15)
	// Lay out around (0, 0), then move everything down to fit the labels.
	type pos struct{ x, y float64 }
	lp := make([]pos, n)
	top, bottom := -r, r
	for i := range labels {
		x, y := (r+gap)*dx[i], (r+gap)*dy[i]
		height := float64(len(labels[i])-1) * c.lh
		switch {
		case dy[i] < -0.1:
			y -= height + c.fs*0.25
		case dy[i] > 0.1:
			y += c.fs * 0.85
		default:
			y += c.fs*0.35 - height/2
		}
		lp[i] = pos{x, y}
		top = math.Min(top, y-c.fs)
		bottom = math.Max(bottom, y+height+c.fs*0.3)
	}
	cx, cy := w/2, pad-top
	var b strings.Builder
	b.WriteString(`<g class="grid" fill="none" stroke="currentColor">`)
	for ring := 1; ring <= 4; ring++ {
		rr := r * float64(ring) / 4
		b.WriteString(`<polygon points="`)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(num(cx+rr*dx[i]) + "," + num(cy+rr*dy[i]))
		}
		b.WriteString(`"/>`)
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<path d="M%s %sL%s %s"/>`, num(cx), num(cy), num(cx+r*dx[i]), num(cy+r*dy[i]))
	}
	b.WriteString(`</g>`)
	for k, s := range d.Series {
		fmt.Fprintf(&b, `<g class="%s" fill="currentColor" stroke="currentColor">`, c.class(k))
		b.WriteString(`<polygon fill-opacity="0.15" stroke-width="2"` + dash(c.style(k)) + ` points="`)
		for i := 0; i < n; i++ {
			v := value0(s.Values, i) / vmax
			if i > 0 {
				b.WriteString(" ")
			}
			b.WriteString(num(cx+r*v*dx[i]) + "," + num(cy+r*v*dy[i]))
		}
		b.WriteString(`"/>`)
		for i := 0; i < n; i++ {
			if v, ok := valueAt(s.Values, i); ok {
				marker(&b, c.style(k), cx+r*v/vmax*dx[i], cy+r*v/vmax*dy[i], 3.5)
			}
		}
		b.WriteString(`</g>`)
	}
	for i := range labels {
		anchor := "middle"
		if dx[i] > 0.1 {
			anchor = "start"
		} else if dx[i] < -0.1 {
			anchor = "end"
		}
		c.text(&b, cx+lp[i].x, cy+lp[i].y, anchor, "", labels[i])
	}
	return b.String(), cy + bottom + pad
}

// valueAt is the i-th value, and whether there is one.
func valueAt(vs []float64, i int) (float64, bool) {
	if i >= len(vs) || math.IsNaN(vs[i]) {
		return math.NaN(), false
	}
	return vs[i], true
}

// value0 is the i-th value, 0 where there is none or it is negative: the
// length of a bar or a spoke.
func value0(vs []float64, i int) float64 {
	if v, ok := valueAt(vs, i); ok {
		return math.Max(v, 0)
	}
	return 0
}

// axisMax is the axis maximum: Max, or for data without one the largest
// value rounded up to 1, 2 or 5 times a power of ten, and at least 1.
func (d Data) axisMax() float64 {
	if d.Max > 0 {
		return d.Max
	}
	m := 0.0
	for _, s := range d.Series {
		for _, v := range s.Values {
			if !math.IsNaN(v) {
				m = math.Max(m, v)
			}
		}
	}
	if m <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(m)))
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		if f*p >= m {
			return f * p
		}
	}
	return 10 * p
}

// ticks are the axis values from 0 to top: four steps, or five where that
// keeps whole numbers, such as 0, 2, 4, 6, 8, 10 for counts.
func ticks(top float64) []float64 {
	steps := 4.0
	switch {
	case top <= 5 && top == math.Trunc(top):
		steps = top
	case top/4 != math.Trunc(top/4) && top/5 == math.Trunc(top/5):
		steps = 5
	}
	var t []float64
	for i := 0.0; i <= steps; i++ {
		t = append(t, top*i/steps)
	}
	return t
}

// tick writes an axis tick.
func (c *canvas) tick(t float64) string {
	if c.l.Number != nil && t == math.Trunc(t) {
		return c.l.Number(int(t))
	}
	return num(t)
}

func (c *canvas) value(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if c.format != nil {
		return c.format(v)
	}
	return num(v)
}

func (c *canvas) bar(d Data) (string, float64) {
	w := float64(c.l.Width)
	top := d.axisMax()
	ns := len(d.Series)
	labelW := 0.0
	labels := make([][]string, len(d.Categories))
	for i, name := range d.Categories {
		labels[i] = c.wrap(name, w*0.34)
		labelW = math.Max(labelW, c.widest(labels[i]))
	}
	valueW := c.textWidth(c.value(top)) + 6
	x0 := pad + labelW + 8
	pw := w - x0 - valueW - pad
	barH := math.Round(c.fs * 0.95)
	var b strings.Builder
	y := pad
	type row struct{ y, h float64 }
	rows := make([]row, len(d.Categories))
	for i := range d.Categories {
		h := math.Max(float64(ns)*(barH+2), float64(len(labels[i]))*c.lh)
		rows[i] = row{y, h}
		y += h + c.fs*0.7
	}
	plotBottom := y - c.fs*0.35
	b.WriteString(`<g class="grid" stroke="currentColor">`)
	for _, t := range ticks(top) {
		x := x0 + pw*t/top
		fmt.Fprintf(&b, `<path d="M%s %sV%s"/>`, num(x), num(pad), num(plotBottom))
	}
	b.WriteString(`</g>`)
	for _, t := range ticks(top) {
		c.text(&b, x0+pw*t/top, plotBottom+c.fs*1.1, "middle", "axis", []string{c.tick(t)})
	}
	// barY is the top of series k's bar in row r.
	barY := func(r row, k int) float64 { return r.y + (r.h-float64(ns)*(barH+2))/2 + float64(k)*(barH+2) }
	for k, s := range d.Series {
		fmt.Fprintf(&b, `<g class="%s" fill="currentColor">`, c.class(k))
		for i, r := range rows {
			c.rect(&b, k, x0, barY(r, k), pw*math.Min(value0(s.Values, i), top)/top, barH, "")
		}
		b.WriteString(`</g>`)
	}
	for k, s := range d.Series {
		for i, r := range rows {
			v, _ := valueAt(s.Values, i)
			c.text(&b, x0+pw*value0(s.Values, i)/top+4, barY(r, k)+barH*0.82, "", "value", []string{c.value(v)})
		}
	}
	for i, r := range rows {
		lines := labels[i]
		c.text(&b, x0-8, r.y+r.h/2-float64(len(lines)-1)*c.lh/2+c.fs*0.35, "end", "", lines)
	}
	fmt.Fprintf(&b, `<path class="axis-line" stroke="currentColor" d="M%s %sV%s"/>`, num(x0), num(pad), num(plotBottom))
	return b.String(), plotBottom + c.fs*1.1 + pad
}

func (c *canvas) line(d Data) (string, float64) {
	w := float64(c.l.Width)
	top := d.axisMax()
	h := math.Round(w * 0.42)
	if c.l.Width < 500 {
		h = math.Round(w * 0.6)
	}
	axisW := c.textWidth(num(top)) + 8
	x0, x1 := pad+axisW, w-pad-c.fs
	n := len(d.Categories)
	// Where the categories are too many for their words, only every k-th
	// is named, as on most axes; the table names them all.
	slot := (x1 - x0) / float64(max(n, 1))
	word := 0.0
	for _, name := range d.Categories {
		for _, w := range strings.Fields(name) {
			word = math.Max(word, c.textWidth(w))
		}
	}
	every := max(1, int(math.Ceil((word+c.fs)/slot)))
	labels := make([][]string, n)
	lines := 1
	for i, name := range d.Categories {
		if i%every == 0 {
			labels[i] = c.wrap(name, slot*float64(every)*0.95)
			lines = max(lines, len(labels[i]))
		}
	}
	h += float64(lines-1) * c.lh
	// Room above the plot for the value labels, one line per series.
	y0, y1 := pad+c.fs+9+float64(max(c.n-1, 0))*c.lh, h-float64(lines)*c.lh-pad // top and bottom of the plot
	xAt := func(i int) float64 {
		if n == 1 {
			return (x0 + x1) / 2
		}
		inset := (x1 - x0) * 0.08
		return x0 + inset + (x1-x0-2*inset)*float64(i)/float64(n-1)
	}
	yAt := func(v float64) float64 { return y1 - (y1-y0)*math.Min(v, top)/top }
	var b strings.Builder
	b.WriteString(`<g class="grid" stroke="currentColor">`)
	for _, t := range ticks(top) {
		fmt.Fprintf(&b, `<path d="M%s %sH%s"/>`, num(x0), num(yAt(t)), num(x1))
	}
	b.WriteString(`</g>`)
	for _, t := range ticks(top) {
		c.text(&b, x0-6, yAt(t)+c.fs*0.35, "end", "axis", []string{c.tick(t)})
	}
	for i, lines := range labels {
		if lines == nil {
			continue
		}
		// Keep the outer labels inside the image.
		half := c.widest(lines) / 2
		x := math.Min(math.Max(xAt(i), pad+half), w-pad-half)
		c.text(&b, x, y1+c.lh, "middle", "", lines)
	}
	for k, s := range d.Series {
		fmt.Fprintf(&b, `<g class="%s" fill="currentColor" stroke="currentColor">`, c.class(k))
		var pts []string
		for i := 0; i < n; i++ {
			if v, ok := valueAt(s.Values, i); ok {
				pts = append(pts, num(xAt(i))+","+num(yAt(v)))
			}
		}
		if len(pts) > 1 {
			fmt.Fprintf(&b, `<polyline fill="none" stroke-width="3"%s points="%s"/>`, dash(c.style(k)), strings.Join(pts, " "))
		}
		for i := 0; i < n; i++ {
			if v, ok := valueAt(s.Values, i); ok {
				marker(&b, c.style(k), xAt(i), yAt(v), 5)
			}
		}
		b.WriteString(`</g>`)
	}
	for k, s := range d.Series {
		for i := 0; i < n; i++ {
			if v, ok := valueAt(s.Values, i); ok {
				c.text(&b, xAt(i), yAt(v)-9-float64(k)*c.lh, "middle", "value", []string{c.value(v)})
			}
		}
	}
	return b.String(), h
}

// legend names the series below the chart, wrapping into rows; y is where
// it starts. It returns the markup and its height.
func (c *canvas) legend(d Data, kind Kind, y float64) (string, float64) {
	w := float64(c.l.Width)
	type item struct {
		lines []string
		width float64
	}
	type row struct {
		items        []item
		width, lines float64
	}
	var rows []row
	for _, s := range d.Series {
		lines := c.wrap(s.Name, w-2*pad-26)
		it := item{lines, 26 + c.widest(lines)}
		if n := len(rows); n > 0 && rows[n-1].width+18+it.width <= w-2*pad {
			rows[n-1].items = append(rows[n-1].items, it)
			rows[n-1].width += 18 + it.width
			rows[n-1].lines = math.Max(rows[n-1].lines, float64(len(lines)))
			continue
		}
		rows = append(rows, row{[]item{it}, it.width, float64(len(lines))})
	}
	var b strings.Builder
	k := 0
	ly := y + c.lh/2
	for _, r := range rows {
		x := (w - r.width) / 2
		for _, it := range r.items {
			fmt.Fprintf(&b, `<g class="%s" fill="currentColor" stroke="currentColor">`, c.class(k))
			if kind == Bar {
				c.rect(&b, k, x, ly-c.fs*0.45, 20, c.fs*0.9, ` stroke="none"`)
			} else {
				fmt.Fprintf(&b, `<path fill="none" stroke-width="2.5"%s d="M%s %sH%s"/>`, dash(c.style(k)), num(x), num(ly), num(x+20))
				marker(&b, c.style(k), x+10, ly, 3.5)
			}
			b.WriteString(`</g>`)
			c.text(&b, x+26, ly+c.fs*0.35, "", "", it.lines)
			x += it.width + 18
			k++
		}
		ly += (r.lines + 0.3) * c.lh
	}
	return b.String(), ly - y - c.lh/2
}

// escape makes s safe as text in SVG: markup characters become entities,
// control characters, which XML does not allow, are left out, and invalid
// UTF-8 becomes U+FFFD.
func escape(s string) string {
	return html.EscapeString(strings.Map(func(r rune) rune {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || r == 0xfffe || r == 0xffff {
			return -1
		}
		return r
	}, s))
}

// num formats a coordinate with at most one decimal.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
