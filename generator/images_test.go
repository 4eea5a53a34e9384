package main

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"offenbar/generator/publish"
	"offenbar/generator/sitetest"
)

func photo(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	jpeg.Encode(&b, img, nil)
	return b.Bytes()
}

// pngClaiming is a PNG header that claims w×h pixels and nothing else.
func pngClaiming(w, h uint32) []byte {
	ihdr := make([]byte, 17)
	copy(ihdr, "IHDR")
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	ihdr[12], ihdr[13] = 8, 2
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(13))
	b.Write(ihdr)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(ihdr))
	return b.Bytes()
}

// TestImageErrors: every kind of bad photo and missing alternative text is
// refused at the line that shows it, all at once, with exit code 1 and the
// previous output untouched.
func TestImageErrors(t *testing.T) {
	var png1 bytes.Buffer
	png.Encode(&png1, image.NewGray(image.Rect(0, 0, 8, 8)))
	good := photo(600, 400)
	site := sitetest.Merge(readArchive(t, "testdata/base.txtar"), sitetest.Parse([]byte(`-- content/articles/2024-07-01-bilder/index.md --
+++
title = "Bilder"
date = 2024-07-01
+++
![](ohne-alt.jpg)

![-](schmuck.jpg)

![Ein Foto, das viel zu groß ist](gross.jpg)

![Ein Bild, das PNG ist](falsch.jpg)

![Ein abgeschnittenes Foto](halb.jpg)

![Eine Bombe](bombe.png)

![Eine Zeichnung mit Skript](skript.svg)

![`+strings.Repeat("Sehr lange Beschreibung. ", 12)+`](/bilder/gut.jpg)

![Vom Server der Zeitung](https://zeitung.example/foto.jpg)
`)))
	site.Files = append(site.Files,
		sitetest.File{Name: "content/articles/2024-07-01-bilder/ohne-alt.jpg", Data: good},
		sitetest.File{Name: "content/articles/2024-07-01-bilder/schmuck.jpg", Data: good},
		sitetest.File{Name: "content/articles/2024-07-01-bilder/gross.jpg", Data: append(bytes.Clone(good), make([]byte, 2<<20)...)},
		sitetest.File{Name: "content/articles/2024-07-01-bilder/falsch.jpg", Data: png1.Bytes()},
		sitetest.File{Name: "content/articles/2024-07-01-bilder/halb.jpg", Data: good[:len(good)/2]},
		sitetest.File{Name: "content/articles/2024-07-01-bilder/bombe.png", Data: pngClaiming(60000, 60000)},
		sitetest.File{Name: "content/articles/2024-07-01-bilder/skript.svg", Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)},
		sitetest.File{Name: "content/static/bilder/gut.jpg", Data: good},
	)
	for i, f := range site.Files {
		if f.Name == "site.toml" {
			site.Files[i].Data = append(bytes.Clone(f.Data), "\n[images]\nmax_size_mb = 1\n"...)
		}
	}
	dir := writeSite(t, site)
	public := filepath.Join(dir, "public")
	os.MkdirAll(public, 0o755)
	os.WriteFile(filepath.Join(public, publish.Marker), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(public, "index.html"), []byte("previous"), 0o644)

	code, _, stderr := runCmd(t, buildArgs(dir)...)
	got := strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
	p := "content/articles/2024-07-01-bilder/index.md"
	want := p + `:5:1: image "ohne-alt.jpg" has no alternative text: say in a few words what it shows, as in ![Stände und Gäste auf dem Marktplatz](ohne-alt.jpg), or write ![-](ohne-alt.jpg) if it is only decoration
` + p + `:9:1: image "gross.jpg" (content/articles/2024-07-01-bilder/gross.jpg): the file has 2.0 MB, more than the limit of 1.0 MB; export it smaller
` + p + `:11:1: image "falsch.jpg" (content/articles/2024-07-01-bilder/falsch.jpg): the file is a PNG image, not a JPEG image as its name says; export it as JPEG
` + p + `:13:1: image "halb.jpg" (content/articles/2024-07-01-bilder/halb.jpg): the image is damaged or cut off (invalid JPEG format: short Huffman data); export or copy it again
` + p + `:15:1: image "bombe.png" (content/articles/2024-07-01-bilder/bombe.png): the image has 60000×60000 pixels (3600 megapixels), more than the limit of 50 megapixels; scale it down
` + p + `:17:1: image "skript.svg" cannot be published; see content/articles/2024-07-01-bilder/skript.svg:1
` + p + `:19:1: warning: the alternative text of image "/bilder/gut.jpg" has 299 characters; keep it under 250 and put the rest into a caption: ![short text](gut.jpg "caption")
` + p + `:21:1: image "https://zeitung.example/foto.jpg" is on another host, and loading it would tell that host who reads the page; save it into content/static or next to the document
content/articles/2024-07-01-bilder/skript.svg:1: the file contains a <script> element; export it as a plain drawing
build failed; the previous output was left as it was
`
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if got != want {
		t.Errorf("problems differ\ngot:\n%s\nwant:\n%s", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(public, "index.html")); string(b) != "previous" {
		t.Error("the failed build changed public/")
	}
}

// TestExamplePhotos checks the example's photos as published: no metadata,
// the portrait upright, every width in srcset published and no wider than
// the source, width and height as the file has them, and the first image
// of an article not lazy.
func TestExamplePhotos(t *testing.T) {
	files := buildSite(t, copyExample(t))
	imgRE := regexp.MustCompile(`<img src="([^"]+)" alt="[^"]*" srcset="([^"]+)" sizes="[^"]+" width="(\d+)" height="(\d+)"( loading="lazy")? decoding="async">`)
	photos := 0
	for name, page := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for i, m := range imgRE.FindAllStringSubmatch(string(page), -1) {
			photos++
			if i == 0 && m[5] != "" {
				t.Errorf("%s: the first image is lazy", name)
			}
			w, _ := strconv.Atoi(m[3])
			h, _ := strconv.Atoi(m[4])
			widest, wide := 0, image.Config{}
			for _, entry := range strings.Split(m[2], ", ") {
				u, width, _ := strings.Cut(entry, " ")
				cw, _ := strconv.Atoi(strings.TrimSuffix(width, "w"))
				b := files[strings.TrimPrefix(u, "/")]
				cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
				if err != nil {
					t.Errorf("%s: %s: %v", name, u, err)
					continue
				}
				if cfg.Width != cw {
					t.Errorf("%s: %s is %d px wide, srcset says %d", name, u, cfg.Width, cw)
				}
				if cw > widest {
					widest, wide = cw, cfg
				}
			}
			if wide.Width != w || wide.Height != h {
				t.Errorf("%s: width/height %d×%d, the widest file is %d×%d", name, w, h, wide.Width, wide.Height)
			}
			if widest > 1600 {
				t.Errorf("%s: a %d px file", name, widest)
			}
		}
	}
	// Two photos, shown on their articles in every language.
	if photos < 2 || photos%2 != 0 {
		t.Errorf("%d photos in the example, want the two in every language", photos)
	}
	// The portrait photo lay on its side with EXIF orientation 6.
	img, err := jpeg.Decode(bytes.NewReader(files["bilder/runder-tisch-wohnen.jpg"]))
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if b.Dx() != 1200 || b.Dy() != 1600 {
		t.Errorf("portrait photo is %v, want 1200×1600", b)
	}
	r, g, _, _ := img.At(b.Dx()/2, 10).RGBA()
	if r>>8 < 150 || g>>8 > 80 {
		t.Error("the red banner is not at the top: the portrait photo is not upright")
	}
	for name, data := range files {
		if ext := filepath.Ext(name); ext == ".jpg" || ext == ".png" {
			for _, mark := range []string{"Exif\x00\x00", "SN-4711", "http://ns.adobe.com/xap/"} {
				if bytes.Contains(data, []byte(mark)) {
					t.Errorf("%s carries metadata (%q)", name, mark)
				}
			}
		}
	}
	src, _ := os.ReadFile("../content/static/bilder/runder-tisch-wohnen.jpg")
	if !bytes.Contains(src, []byte("Exif\x00\x00")) {
		t.Error("the example's portrait photo has lost the EXIF data this test is about")
	}
}

// TestNewBundle: new article --bundle starts a folder; a photo put beside
// its index.md is published next to the page, in its widths.
func TestNewBundle(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732526400") // 2024-11-25
	t.Setenv("TZ", "UTC")
	dir := copyExample(t)
	code, stdout, stderr := runCmd(t, "new", "-s", dir, "article", "--bundle", "Sommerfest im Quartier")
	folder := filepath.Join(dir, "content/articles/2024-11-25-sommerfest-im-quartier")
	if code != 0 || !strings.Contains(stdout, filepath.Join(folder, "index.md")) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(folder, "index.md"))
	text := strings.Replace(string(b), "draft = true", "draft = false", 1) + "\n![Kinder malen mit Kreide auf dem Platz](kreide.jpg)\n"
	os.WriteFile(filepath.Join(folder, "index.md"), []byte(text), 0o644)
	os.WriteFile(filepath.Join(folder, "kreide.jpg"), photo(1000, 750), 0o644)
	// The build runs after every date of the example: its accessibility
	// statement, dated later than the article, must be published for the
	// footer's link to it.
	t.Setenv("SOURCE_DATE_EPOCH", "1796000000") // 2026-11-30
	files := buildSite(t, dir)
	page := string(files["artikel/sommerfest-im-quartier/index.html"])
	if !strings.Contains(page, `srcset="/artikel/sommerfest-im-quartier/kreide-480w.jpg 480w, /artikel/sommerfest-im-quartier/kreide-960w.jpg 960w, /artikel/sommerfest-im-quartier/kreide.jpg 1000w"`) {
		t.Errorf("the bundle's photo is not in the page:\n%s", page)
	}
	for _, f := range []string{"kreide-480w.jpg", "kreide-960w.jpg", "kreide.jpg"} {
		if files["artikel/sommerfest-im-quartier/"+f] == nil {
			t.Errorf("%s was not published", f)
		}
	}
}

// TestPhotoFormats builds a page with a WebP, a GIF and a .jfif photo that
// name their photographer: each is published re-encoded, the WebP as PNG
// and the .jfif as .jpg, and no file of the site holds the name.
func TestPhotoFormats(t *testing.T) {
	le := binary.LittleEndian
	xmp := "<x:xmpmeta><dc:creator>Max Mustermann</dc:creator></x:xmpmeta>"
	chunk := func(id, data string) string {
		return id + string(le.AppendUint32(nil, uint32(len(data)))) + data + strings.Repeat("\x00", len(data)%2)
	}
	body := "WEBP" + chunk("VP8X", "\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00") + chunk("VP8L", "\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00") + chunk("XMP ", xmp)
	webp := "RIFF" + string(le.AppendUint32(nil, uint32(len(body)))) + body
	var g bytes.Buffer
	gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 20, 10), color.Palette{color.Black, color.White}), nil)
	gifData := g.Bytes()
	gifData = append(gifData[:len(gifData)-1:len(gifData)-1], append([]byte{0x21, 0xFE, 14}, "Max Mustermann\x00\x3B"...)...)
	jfif := photo(600, 400)
	jfif = append(jfif[:2:2], append([]byte("\xFF\xFE\x00\x10Max Mustermann"), jfif[2:]...)...)
	site := sitetest.Merge(readArchive(t, "testdata/base.txtar"), sitetest.Parse([]byte(`-- content/articles/2024-07-01-bilder/index.md --
+++
title = "Bilder"
date = 2024-07-01
+++
![Ein Fest](fest.webp)

![Ein Plakat](plakat.gif)

![Ein Markt](markt.jfif)
`)))
	dir := "content/articles/2024-07-01-bilder/"
	site.Files = append(site.Files,
		sitetest.File{Name: dir + "fest.webp", Data: []byte(webp)},
		sitetest.File{Name: dir + "plakat.gif", Data: gifData},
		sitetest.File{Name: dir + "markt.jfif", Data: jfif},
	)
	for _, f := range []string{"fest.webp", "plakat.gif", "markt.jfif"} {
		if b, _ := site.File(dir + f); !bytes.Contains(b, []byte("Max Mustermann")) {
			t.Fatalf("test file %s names nobody", f)
		}
	}
	files := buildSite(t, writeSite(t, site))
	var published []string
	for name, b := range files {
		if bytes.Contains(b, []byte("Max Mustermann")) {
			t.Errorf("%s holds the photographer's name", name)
		}
		if strings.Contains(name, "artikel/") && !strings.HasSuffix(name, ".html") {
			published = append(published, name)
		}
	}
	page := string(files["artikel/bilder/index.html"])
	for _, want := range []string{"fest.png", "plakat.gif", "markt.jpg"} {
		if !strings.Contains(page, `/artikel/bilder/`+want+`"`) {
			t.Errorf("the page shows no %s; published: %v", want, published)
		}
	}
	for _, gone := range []string{"artikel/bilder/fest.webp", "artikel/bilder/markt.jfif"} {
		if _, ok := files[gone]; ok {
			t.Errorf("the original %s was published", gone)
		}
	}
}

// TestDocumentMetadata publishes a Word file that names its author and a
// PDF that cannot be read: the Word file goes out without the name, the
// PDF as it is with a warning at its path.
func TestDocumentMetadata(t *testing.T) {
	var docx bytes.Buffer
	zw := zip.NewWriter(&docx)
	for name, data := range map[string]string{
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Satzung</dc:title><dc:creator>Max Mustermann</dc:creator></cp:coreProperties>`,
		"word/document.xml": `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
	} {
		w, _ := zw.Create(name)
		io.WriteString(w, data)
	}
	zw.Close()
	site := readArchive(t, "testdata/base.txtar")
	broken := []byte("%PDF-1.7\nthis is no PDF at all\n")
	site.Files = append(site.Files,
		sitetest.File{Name: "content/static/dokumente/satzung.docx", Data: docx.Bytes()},
		sitetest.File{Name: "content/static/dokumente/kaputt.pdf", Data: broken})
	dir := writeSite(t, site)
	dest := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCmd(t, buildArgs(dir, "-d", dest)...)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "content/static/dokumente/kaputt.pdf: warning: the author and other personal data cannot be removed from this file (") {
		t.Errorf("no warning for the damaged PDF:\n%s", stderr)
	}
	files := readTree(t, dest)
	if !bytes.Equal(files["dokumente/kaputt.pdf"], broken) {
		t.Error("the damaged PDF was not published as it is")
	}
	d := files["dokumente/satzung.docx"]
	zr, err := zip.NewReader(bytes.NewReader(d), int64(len(d)))
	if err != nil || len(zr.File) != 2 {
		t.Fatalf("the published Word file is damaged: %v", err)
	}
	rc, _ := zr.Open("docProps/core.xml")
	core, _ := io.ReadAll(rc)
	if bytes.Contains(core, []byte("Max Mustermann")) || !bytes.Contains(core, []byte(">Satzung<")) {
		t.Errorf("core.xml as published:\n%s", core)
	}
}

// TestAVIFRefused: no Go library reads AVIF, so its metadata cannot be
// removed, and the file is refused with advice at its path.
func TestAVIFRefused(t *testing.T) {
	site := readArchive(t, "testdata/base.txtar")
	site.Files = append(site.Files, sitetest.File{Name: "content/static/bilder/foto.avif", Data: []byte("\x00\x00\x00\x1cftypavif")})
	code, _, stderr := runCmd(t, buildArgs(writeSite(t, site))...)
	if code != 1 || !strings.Contains(stderr, "content/static/bilder/foto.avif: an AVIF image may carry the place and camera it was taken with, and offenbar cannot remove them; export it as JPEG or PNG\n") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}
