package site

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"offenbar/generator/color"
)

var cssVar = regexp.MustCompile(`--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;`)

// schemes reads the colour variables of the light scheme and of the dark
// scheme from site.css.
func schemes(t *testing.T) map[string]map[string]color.RGB {
	b, err := os.ReadFile("../../templates/assets/site.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(b)
	darkAt := strings.Index(css, "@media (prefers-color-scheme: dark)")
	if darkAt < 0 {
		t.Fatal("site.css has no dark scheme")
	}
	parse := func(block string) map[string]color.RGB {
		vars := map[string]color.RGB{}
		for _, m := range cssVar.FindAllStringSubmatch(block, -1) {
			c, err := color.Parse(m[2])
			if err != nil {
				t.Fatal(err)
			}
			vars[m[1]] = c
		}
		return vars
	}
	light := parse(css[:darkAt])
	dark := parse(css[darkAt : darkAt+strings.Index(css[darkAt:], "}\n}")])
	return map[string]map[string]color.RGB{"light": light, "dark": dark}
}

// TestCSSContrast computes the WCAG contrast of every text and graphical
// colour pair that site.css uses, in the light and the dark scheme: text
// needs 4.5:1, focus rings and other graphical objects 3:1.
func TestCSSContrast(t *testing.T) {
	text := [][2]string{
		{"fg", "bg"}, {"muted", "bg"}, {"link", "bg"}, {"up", "bg"}, {"down", "bg"},
		{"fg", "surface"}, {"muted", "surface"}, {"link", "surface"}, {"up", "surface"}, {"down", "surface"},
		{"notice-fg", "notice-bg"}, {"link", "notice-bg"},
	}
	graphic := [][2]string{{"focus", "bg"}, {"focus", "surface"}, {"accent", "bg"}, {"accent", "surface"}}
	for name, vars := range schemes(t) {
		check := func(pairs [][2]string, min float64) {
			for _, p := range pairs {
				fg, ok1 := vars[p[0]]
				bg, ok2 := vars[p[1]]
				if !ok1 || !ok2 {
					t.Errorf("%s scheme lacks --%s or --%s", name, p[0], p[1])
					continue
				}
				if r := color.Contrast(fg, bg); r < min {
					t.Errorf("%s scheme: --%s on --%s has contrast %.2f:1, want at least %.1f:1", name, p[0], p[1], r, min)
				}
			}
		}
		check(text, 4.5)
		check(graphic, 3)
	}
}
