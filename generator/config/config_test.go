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

// TestOrigin: what [embed] allowed accepts is written as browsers write an
// origin in a Content-Security-Policy and in a message event; anything
// that is not exactly an origin is refused.
func TestOrigin(t *testing.T) {
	for raw, want := range map[string]string{
		"https://www.musterstadt.de":       "https://www.musterstadt.de",
		"https://www.musterstadt.de/":      "https://www.musterstadt.de",
		"HTTPS://WWW.Musterstadt.DE":       "https://www.musterstadt.de",
		"https://www.musterstadt.de:443":   "https://www.musterstadt.de",
		"http://127.0.0.1:8080":            "http://127.0.0.1:8080",
		"http://[::1]:8080":                "http://[::1]:8080",
		"https://www.müllheim.de":          "https://www.xn--mllheim-n2a.de",
		"https://www.musterstadt.de/cms/":  "",
		"https://www.musterstadt.de?x=1":   "",
		"https://www.musterstadt.de#top":   "",
		"https://*.musterstadt.de":         "",
		"https://user@www.musterstadt.de":  "",
		"https://www.musterstadt.de:99999": "",
		"https://www.musterstadt.de:":      "",
		"https://www.musterstadt.de//":     "",
		"www.musterstadt.de":               "",
		"ftp://www.musterstadt.de":         "",
		"'self'":                           "",
		"*":                                "",
		"":                                 "",
	} {
		got, ok := Origin(raw)
		if got != want || ok != (want != "") {
			t.Errorf("Origin(%q) = %q, %v; want %q", raw, got, ok, want)
		}
	}
}
