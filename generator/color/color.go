// Package color parses CSS hex colours and computes WCAG 2.1 contrast ratios.
package color

import (
	"fmt"
	"math"
	"strconv"

	"offenbar/generator/diag"
)

// RGB is a colour with 8-bit channels.
type RGB struct{ R, G, B uint8 }

// Parse reads "#rgb" or "#rrggbb".
func Parse(s string) (RGB, error) {
	if len(s) == 4 && s[0] == '#' {
		s = "#" + string([]byte{s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	if len(s) != 7 || s[0] != '#' {
		return RGB{}, diag.Messagef("invalid colour %q, want a hex colour such as \"#1d5f95\"", s)
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return RGB{}, diag.Messagef("invalid colour %q, want a hex colour such as \"#1d5f95\"", s)
	}
	return RGB{uint8(n >> 16), uint8(n >> 8), uint8(n)}, nil
}

// Luminance is the WCAG relative luminance.
func (c RGB) Luminance() float64 {
	ch := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.R) + 0.7152*ch(c.G) + 0.0722*ch(c.B)
}

// Contrast is the WCAG contrast ratio of a and b, from 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Hex formats c as "#rrggbb".
func (c RGB) Hex() string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Lighten mixes c with white in small steps until it reaches the contrast
// ratio min against bg, for charts on a dark background.
func Lighten(c, bg RGB, min float64) RGB {
	for step := 0; step <= 20 && Contrast(c, bg) < min; step++ {
		mix := func(v uint8) uint8 { return v + uint8(math.Round(float64(255-v)*0.1)) }
		c = RGB{mix(c.R), mix(c.G), mix(c.B)}
	}
	return c
}
