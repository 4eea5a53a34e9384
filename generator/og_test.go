package main

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"offenbar/generator/card"
	"offenbar/generator/site"
)

// needFonts skips a test when the fonts of the preview images are not in
// node_modules, and fails it in CI, where npm ci installs them.
func needFonts(t *testing.T) {
	t.Helper()
	if site.FindFonts("..") == nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("the fonts of the preview images are missing: npm ci installs them")
		}
		t.Skip("the fonts of the preview images are missing: run npm ci")
	}
}

// ogMeta is the preview image a page names in its meta tags.
type ogMeta struct {
	image, width, height, alt, card string
}

var metaRE = regexp.MustCompile(`<meta (?:property|name)="(og:image(?::\w+)?|twitter:card)" content="([^"]*)">`)

func pageMeta(b []byte) ogMeta {
	var m ogMeta
	for _, x := range metaRE.FindAllSubmatch(b, -1) {
		v := string(x[2])
		switch string(x[1]) {
		case "og:image":
			m.image = v
		case "og:image:width":
			m.width = v
		case "og:image:height":
			m.height = v
		case "og:image:alt":
			m.alt = v
		case "twitter:card":
			m.card = v
		}
	}
	return m
}

// TestPreviewImages builds the test site three times: the home page, each
// field, each round and the article without a photo name a card of
// 1200×630 that was written, at most 150 KB, with its sentence, and every
// build writes the same bytes, from the cache or drawn again; an article
// with a photo names a 1200 px copy of it, with the photo's alternative
// text.
func TestPreviewImages(t *testing.T) {
	needFonts(t)
	a := readArchive(t, "testdata/base.txtar")
	dir := writeSite(t, a)
	// An article with a photo wider than 1200 px.
	bundle := filepath.Join(dir, "content/articles/2024-07-01-fest")
	os.MkdirAll(bundle, 0o755)
	os.WriteFile(filepath.Join(bundle, "index.md"), []byte("+++\ntitle = \"Fest\"\ndate = 2024-07-01\n+++\n\n![Stände auf dem Marktplatz](markt.jpg)\n"), 0o644)
	photo := image.NewRGBA(image.Rect(0, 0, 1800, 1000))
	for x := range 1800 {
		for y := range 1000 {
			photo.Set(x, y, color.RGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var jb bytes.Buffer
	jpeg.Encode(&jb, photo, nil)
	os.WriteFile(filepath.Join(bundle, "markt.jpg"), jb.Bytes(), 0o644)

	// Three builds: the second finds every image in the cache and writes
	// none of its entries again; the third finds them all damaged and
	// draws them again.
	cache := filepath.Join(dir, "cache")
	entries := map[string]os.FileInfo{}
	var builds [3]map[string][]byte
	for i := range builds {
		dest := filepath.Join(t.TempDir(), "public")
		code, _, stderr := runCmd(t, buildArgs(dir, "-d", dest, "--cache", cache)...)
		if code != 0 || stderr != "" {
			t.Fatalf("build: exit %d\n%s", code, stderr)
		}
		builds[i] = readTree(t, dest)
		bins, _ := filepath.Glob(filepath.Join(cache, "*", "*.bin"))
		switch i {
		case 0:
			if len(bins) < 7 {
				t.Errorf("the cache keeps %d entries, want one for each of 6 cards and the photo's copy", len(bins))
			}
			for _, b := range bins {
				entries[b], _ = os.Stat(b)
			}
		case 1:
			for _, b := range bins {
				if fi, err := os.Stat(b); err != nil || entries[b] == nil || !os.SameFile(fi, entries[b]) {
					t.Errorf("the second build wrote the cache entry %s again", b)
				}
				os.WriteFile(b, []byte("damaged"), 0o644)
			}
		}
	}
	files := builds[0]
	base := "https://example.org/weltoffen/"
	want := map[string]string{
		"index.html":                           "og/de/home.png",
		"handlungsfelder/steuerung/index.html": "og/de/field-steuerung.png",
		"handlungsfelder/zugang/index.html":    "og/de/field-zugang.png",
		"runden/2021/index.html":               "og/de/round-2021.png",
		"runden/2024/index.html":               "og/de/round-2024.png",
		"artikel/ergebnis/index.html":          "og/de/article-ergebnis.png",
	}
	for page, img := range want {
		m := pageMeta(files[page])
		if m.image != base+img || m.width != "1200" || m.height != "630" || m.card != "summary_large_image" || m.alt == "" {
			t.Errorf("%s: preview image %+v, want %s, 1200×630, an alternative text and summary_large_image", page, m, base+img)
			continue
		}
		b := files[img]
		if len(b) > card.MaxBytes {
			t.Errorf("%s takes %d bytes, more than %d", img, len(b), card.MaxBytes)
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(b))
		if err != nil || cfg.Width != card.Width || cfg.Height != card.Height {
			t.Errorf("%s is no PNG of 1200×630: %v %+v", img, err, cfg)
		}
		if !bytes.Equal(b, builds[1][img]) || !bytes.Equal(b, builds[2][img]) {
			t.Errorf("%s differs between builds", img)
		}
	}
	if m := pageMeta(files["index.html"]); !strings.Contains(m.alt, "Testdorf offen") {
		t.Errorf("the home page's image says %q, without the site's name", m.alt)
	}
	if m := pageMeta(files["handlungsfelder/steuerung/index.html"]); !strings.Contains(m.alt, "Steuerung") || !strings.Contains(m.alt, "Runde 2024") {
		t.Errorf("the field's image says %q, without its title and round", m.alt)
	}

	m := pageMeta(files["artikel/fest/index.html"])
	if m.image != base+"artikel/fest/markt-1200w.jpg" || m.width != "1200" || m.height != "667" || m.alt != "Stände auf dem Marktplatz" || m.card != "summary_large_image" {
		t.Errorf("the article with a photo names %+v, want its 1200 px copy with the photo's text", m)
	}
	if cfg, err := jpeg.DecodeConfig(bytes.NewReader(files["artikel/fest/markt-1200w.jpg"])); err != nil || cfg.Width != 1200 || cfg.Height != 667 {
		t.Errorf("markt-1200w.jpg: %v %+v, want a JPEG of 1200×667", err, cfg)
	}
	// A page that is no field, round, article or home has no image.
	if m := pageMeta(files["impressum/index.html"]); m != (ogMeta{}) {
		t.Errorf("the imprint names a preview image: %+v", m)
	}
}

// TestBuildWithoutFonts builds as a binary without the fonts of the
// preview images: the site is published without any, and the build says
// so once.
func TestBuildWithoutFonts(t *testing.T) {
	defer func(f func(string) *card.Fonts) { findFonts = f }(findFonts)
	findFonts = func(string) *card.Fonts { return nil }
	dir := writeSite(t, readArchive(t, "testdata/base.txtar"))
	dest := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCmd(t, buildArgs(dir, "-d", dest)...)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	want := "offenbar: warning: this offenbar was built without the fonts of the preview images, so the pages are published without an image for social media; a release binary has them inside (the release page of offenbar, or .ci/release after npm ci)\n"
	if stderr != want {
		t.Errorf("stderr = %q, want the warning once: %q", stderr, want)
	}
	for name, b := range readTree(t, dest) {
		if strings.HasPrefix(name, "og/") {
			t.Errorf("%s was written without fonts", name)
		}
		if bytes.Contains(b, []byte("og:image")) || bytes.Contains(b, []byte("twitter:card")) {
			t.Errorf("%s names a preview image", name)
		}
	}
}
