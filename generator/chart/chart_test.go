package chart

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestOptionsAreSafeAndDeterministic(t *testing.T) {
	d := Data{
		Categories: []string{"</script><script>alert(1)</script>", "B"},
		Series:     []Series{{Name: "2021", Values: []float64{40, math.NaN()}}, {Name: "2024", Values: []float64{55, 60}}},
		Max:        100,
	}
	for _, k := range []Kind{Radar, Bar, Line} {
		a, err := Options(k, d, Style{Palette: []string{"#1d5f95", "#a6410b"}, Description: "x"})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Options(k, d, Style{Palette: []string{"#1d5f95", "#a6410b"}, Description: "x"})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: options differ between runs", k)
		}
		if bytes.Contains(a, []byte("</script")) || bytes.Contains(a, []byte("<")) {
			t.Errorf("%s: options contain a raw '<': %s", k, a)
		}
		var obj map[string]any
		if err := json.Unmarshal(a, &obj); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		aria := obj["aria"].(map[string]any)
		if aria["decal"].(map[string]any)["show"] != true {
			t.Errorf("%s: decal patterns are off", k)
		}
	}
}

// TestSVG draws every kind in both layouts and checks that the result is
// well-formed XML, the same on every run, escapes labels, carries no style
// attribute (a strict Content-Security-Policy would block it) and keeps its
// text inside the image.
func TestSVG(t *testing.T) {
	d := Data{
		Categories: []string{"</text><script>alert(1)</script>", "Interkulturelle Öffnung und Antirassismus", "Fairer Zugang", "Engagement", "Zusammenhalt", "Kommunikation", "Arbeit & Wirtschaft"},
		Series:     []Series{{Name: "Erste Runde 2021", Values: []float64{40, math.NaN(), 20, 30, 55, 60, 0}}, {Name: "Zweite Runde 2024", Values: []float64{55, 60, 100, 35, 50, 70, 10}}},
		Max:        100,
	}
	format := func(v float64) string { return strconv.Itoa(int(v)) + " %" }
	for _, k := range []Kind{Radar, Bar, Line} {
		for _, l := range []Layout{Narrow, Wide} {
			a := SVG(k, d, l, "c", 0, format)
			if b := SVG(k, d, l, "c", 0, format); a != b {
				t.Errorf("%s %s: differs between runs", k, l.Name)
			}
			if strings.Contains(a, "<script") || strings.Contains(a, "style=") {
				t.Errorf("%s %s: unescaped label or style attribute: %s", k, l.Name, a)
			}
			dec := xml.NewDecoder(strings.NewReader(a))
			var width, height float64
			texts := 0
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s %s: not well-formed: %v\n%s", k, l.Name, err, a)
				}
				se, ok := tok.(xml.StartElement)
				if !ok {
					continue
				}
				attr := map[string]string{}
				for _, at := range se.Attr {
					attr[at.Name.Local] = at.Value
				}
				switch se.Name.Local {
				case "svg":
					fmt.Sscanf(attr["viewBox"], "0 0 %g %g", &width, &height)
				case "text", "tspan":
					texts++
					if se.Name.Local == "text" {
						if y, _ := strconv.ParseFloat(attr["y"], 64); y < float64(l.FontSize)*0.7 {
							t.Errorf("%s %s: text at y=%g is cut off at the top", k, l.Name, y)
						}
					}
					x, _ := strconv.ParseFloat(attr["x"], 64)
					y, _ := strconv.ParseFloat(attr["y"], 64)
					if x < 0 || x > width || (se.Name.Local == "text" && (y < 0 || y > height)) {
						t.Errorf("%s %s: text at %g,%g outside the %gx%g image", k, l.Name, x, y, width, height)
					}
				}
			}
			// German words stay whole, however narrow the layout.
			var words []string
			for _, c := range d.Categories[1:] {
				words = append(words, strings.Fields(c)...)
			}
			for _, frag := range textContent(a) {
				for _, w := range words {
					if frag != w && strings.HasPrefix(w, frag) && !slices.Contains(words, frag) {
						t.Errorf("%s %s: %q is a broken piece of %q", k, l.Name, frag, w)
					}
				}
			}
			if width != float64(l.Width) || height < 100 || texts < 4 {
				t.Errorf("%s %s: %gx%g with %d texts", k, l.Name, width, height, texts)
			}
			if (k == Bar || k == Radar && l.Name == Narrow.Name) && !strings.Contains(a, "<rect") {
				t.Errorf("%s %s: no bars", k, l.Name)
			}
			if k == Bar && !strings.Contains(a, `fill="url(#c-`+l.Name+`-p0)"`) && !strings.Contains(a, `fill="url(#c-`+l.Name+`-p1)"`) {
				t.Errorf("%s %s: the older round is not hatched", k, l.Name)
			}
		}
	}
}

// TestStylesheet gives each series class its colour in both schemes.
func TestStylesheet(t *testing.T) {
	css := Stylesheet([]string{"#6b7785", "#1d5f95"}, []string{"#8d99a6", "#6fb1ea"})
	for _, want := range []string{".chart-svg .c0{color:#6b7785}", ".chart-svg .c1{color:#1d5f95}", "prefers-color-scheme: dark", ".chart-svg .c1{color:#6fb1ea}"} {
		if !strings.Contains(css, want) {
			t.Errorf("stylesheet lacks %q:\n%s", want, css)
		}
	}
}

func TestTicks(t *testing.T) {
	for top, want := range map[float64]string{100: "[0 25 50 75 100]", 10: "[0 2 4 6 8 10]", 3: "[0 1 2 3]", 20: "[0 5 10 15 20]", 25: "[0 5 10 15 20 25]", 1: "[0 1]"} {
		if got := fmt.Sprint(ticks(top)); got != want {
			t.Errorf("ticks(%g) = %s, want %s", top, got, want)
		}
	}
}

// textContent returns the words of every text and tspan of an SVG.
func textContent(svg string) []string {
	var out []string
	dec := xml.NewDecoder(strings.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err != nil {
			return out
		}
		if cd, ok := tok.(xml.CharData); ok {
			out = append(out, strings.Fields(string(cd))...)
		}
	}
}

// FuzzSVG draws charts of any labels and values: it must not panic, and the
// result must be well-formed XML without a number that is not one.
func FuzzSVG(f *testing.F) {
	f.Add("Steuerung", "Runde 2024", 55.0, 100.0, uint8(3))
	f.Add("</text><script>", "", -1.0, 0.0, uint8(1))
	f.Fuzz(func(t *testing.T, label, series string, v, top float64, n uint8) {
		if math.IsInf(v, 0) || math.IsInf(top, 0) || math.IsNaN(top) || math.Abs(v) > 1e12 || top < 0 || top > 1e12 {
			t.Skip() // scores and counts are finite, and the axis maximum is 0 or positive
		}
		d := Data{Max: top}
		for i := range int(n % 12) {
			d.Categories = append(d.Categories, label+strconv.Itoa(i))
		}
		for k := range 2 {
			s := Series{Name: series + strconv.Itoa(k)}
			for i := range d.Categories {
				s.Values = append(s.Values, v*float64(i+k))
			}
			d.Series = append(d.Series, s)
		}
		for _, k := range []Kind{Radar, Bar, Line} {
			for _, l := range []Layout{Narrow, Wide} {
				svg := SVG(k, d, l, "f", 0, func(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) })
				if strings.Contains(svg, "NaN") && !strings.Contains(label+series, "NaN") {
					t.Fatalf("%s %s: NaN in %s", k, l.Name, svg)
				}
				if len(textContent(svg)) == 0 && len(d.Categories) > 0 {
					t.Fatalf("%s %s: no text", k, l.Name)
				}
				dec := xml.NewDecoder(strings.NewReader(svg))
				for {
					_, err := dec.Token()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s %s: %v", k, l.Name, err)
					}
				}
			}
		}
	})
}

// TestSVGRightToLeft: for a page written right to left, bar and line charts
// are drawn mirrored, with every text mirrored back so that it reads the
// right way; a radar, which has no direction, is not.
func TestSVGRightToLeft(t *testing.T) {
	d := Data{Categories: []string{"2021", "2024"}, Series: []Series{{Name: "Steuerung", Values: []float64{40, 62}}}, Max: 100}
	// Ticks are written as the page writes numbers.
	rtl := Layout{Name: "wide", Width: 720, FontSize: 14, RTL: true, Number: func(n int) string { return "#" + strconv.Itoa(n) }}
	format := func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) }
	for _, kind := range []Kind{Bar, Line, Radar} {
		svg := SVG(kind, d, rtl, "c", 0, format)
		mirrored := strings.Contains(svg, `<g transform="matrix(-1 0 0 1 720 0)">`)
		if kind != Radar && !strings.Contains(svg, ">#100</text>") {
			t.Errorf("kind %v: the ticks are not written with the layout's Number", kind)
		}
		if mirrored != (kind != Radar) {
			t.Errorf("kind %v: mirrored = %v", kind, mirrored)
		}
		if !mirrored {
			continue
		}
		texts := strings.Count(svg, "<text ")
		if back := strings.Count(svg, `<text x="`) - strings.Count(svg, `transform="matrix(-1 0 0 1 `) + 1; texts == 0 || back > 0 {
			t.Errorf("kind %v: %d texts, %d not mirrored back", kind, texts, back)
		}
		if ltr := SVG(kind, d, Layout{Name: "wide", Width: 720, FontSize: 14}, "c", 0, format); strings.Contains(ltr, "matrix(-1") {
			t.Errorf("kind %v is mirrored left to right", kind)
		}
	}
}

// TestRadarValuesArePlaced: each marker of a radar stands on its axis at
// the value's share of the axis length, so that the picture says what the
// table says: 100 at the end of the axis, 50 halfway, 0 in the centre.
func TestRadarValuesArePlaced(t *testing.T) {
	d := Data{Categories: []string{"A", "B", "C", "D", "E"}, Series: []Series{{Name: "2024", Values: []float64{100, 50, 75, 0, 25}}}, Max: 100}
	svg := SVG(Radar, d, Wide, "r", 0, func(v float64) string { return strconv.FormatFloat(v, 'f', 0, 64) })
	axis := regexp.MustCompile(`<path d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"/>`).FindAllStringSubmatch(svg, -1)
	dots := regexp.MustCompile(`<circle cx="([\d.]+)" cy="([\d.]+)"`).FindAllStringSubmatch(svg, -1)
	if len(axis) != 5 || len(dots) != 6 { // the sixth marker is the legend's
		t.Fatalf("%d axes and %d markers, want 5 and 6:\n%s", len(axis), len(dots), svg)
	}
	f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
	for i, v := range d.Series[0].Values {
		cx, cy, ex, ey := f(axis[i][1]), f(axis[i][2]), f(axis[i][3]), f(axis[i][4])
		wx, wy := cx+(ex-cx)*v/100, cy+(ey-cy)*v/100
		if gx, gy := f(dots[i][1]), f(dots[i][2]); math.Abs(gx-wx) > 0.6 || math.Abs(gy-wy) > 0.6 {
			t.Errorf("value %v of %s: marker at (%.1f, %.1f), want (%.1f, %.1f) on its axis", v, d.Categories[i], gx, gy, wx, wy)
		}
	}
}
