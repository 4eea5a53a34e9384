package config

import (
	"os"
	"testing"
	"testing/fstest"

	"offenbar/generator/color"
)

// TestExamplePaletteContrast computes the contrast of every chart colour of
// the example site against its background.
func TestExamplePaletteContrast(t *testing.T) {
	src, err := os.ReadFile("../../site.toml")
	if err != nil {
		t.Fatal(err)
	}
	s, errs := Load(fstest.MapFS{File: {Data: src}})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	for bgc, palette := range map[string][]string{s.Chart.Background: s.Chart.Palette, s.Chart.DarkBackground: s.Chart.DarkPalette} {
		bg, _ := color.Parse(bgc)
		for _, c := range palette {
			fg, err := color.Parse(c)
			if err != nil {
				t.Fatal(err)
			}
			r := color.Contrast(fg, bg)
			t.Logf("%s on %s: %.2f:1", c, bgc, r)
			if r < MinGraphicContrast {
				t.Errorf("%s has contrast %.2f:1 against %s, want at least 3:1", c, r, bgc)
			}
		}
	}
	if s.BasePath != "/" || s.URL("/artikel/") != "/artikel/" {
		t.Errorf("base path %q", s.BasePath)
	}
}

func TestSubPath(t *testing.T) {
	s, errs := Load(fstest.MapFS{File: {Data: []byte(`title = "T"
base_url = "https://example.org/weltoffen"
[footer]
imprint = "/i/"
privacy = "/p/"
accessibility = "/a/"
[chart]
palette = ["#1d5f95", "#a6410b"]
`)}})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	if got := s.URL("/artikel/"); got != "/weltoffen/artikel/" {
		t.Errorf("URL = %q", got)
	}
	if got := s.AbsURL("/"); got != "https://example.org/weltoffen/" {
		t.Errorf("AbsURL = %q", got)
	}
}
