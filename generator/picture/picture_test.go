package picture

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"
)

// testJPEG is a w×h JPEG whose top rows are red and the rest blue, so that
// a test can tell which way is up.
func testJPEG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{20, 60, 200, 255}
			if y < h/8 {
				c = color.RGBA{220, 20, 20, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rotated stores an upright picture turned 90° counter-clockwise, as a
// phone held upright does; orientation 6 turns it back.
func rotated(t testing.TB, w, h int) []byte {
	src, _ := jpeg.Decode(bytes.NewReader(testJPEG(t, w, h)))
	dst := image.NewRGBA(image.Rect(0, 0, h, w))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			dst.Set(y, w-1-x, src.At(x, y))
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, dst, &jpeg.Options{Quality: 90})
	return buf.Bytes()
}

func isRed(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return r>>8 > 150 && g>>8 < 90 && b>>8 < 90
}

func TestPortraitStandsUprightWithoutMetadata(t *testing.T) {
	src := WithEXIF(rotated(t, 1200, 1600), 6, true, 51.1657, 10.4515)
	if Orientation(src) != 6 || !HasMetadata(src) {
		t.Fatal("the test photo carries no orientation or GPS")
	}
	r, err := Process(src, JPEG, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if r.Width != 1200 || r.Height != 1600 {
		t.Fatalf("upright size %d×%d, want 1200×1600", r.Width, r.Height)
	}
	var widths []int
	for _, v := range r.Variants {
		widths = append(widths, v.Width)
		if HasMetadata(v.Data) {
			t.Errorf("the %d px variant carries metadata", v.Width)
		}
		img, err := jpeg.Decode(bytes.NewReader(v.Data))
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if b.Dx() != v.Width || b.Dy() != v.Height || v.Height <= v.Width {
			t.Errorf("variant %d×%d decodes as %d×%d", v.Width, v.Height, b.Dx(), b.Dy())
		}
		if !isRed(img.At(b.Dx()/2, 2)) || isRed(img.At(b.Dx()/2, b.Dy()-3)) {
			t.Errorf("the %d px variant is not upright", v.Width)
		}
	}
	if want := []int{480, 960, 1200}; !equal(widths, want) {
		t.Errorf("widths %v, want %v: never wider than the original", widths, want)
	}
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEveryOrientation(t *testing.T) {
	// A 2×3 picture with a distinct colour per pixel, read back after each
	// orientation: the top-left pixel of the result must be the one that
	// orientation names.
	img := image.NewRGBA(image.Rect(0, 0, 2, 3))
	for i := 0; i < 6; i++ {
		img.Set(i%2, i/2, color.RGBA{uint8(i * 40), 0, 0, 255})
	}
	topLeft := map[int]int{1: 0, 2: 1, 3: 5, 4: 4, 5: 0, 6: 4, 7: 5, 8: 1}
	for o, want := range topLeft {
		got := orient(img, o).At(0, 0).(color.RGBA).R / 40
		if int(got) != want {
			t.Errorf("orientation %d: top-left pixel %d, want %d", o, got, want)
		}
		b := orient(img, o).Bounds()
		if (o >= 5) != (b.Dx() == 3) {
			t.Errorf("orientation %d: size %v", o, b)
		}
	}
}

func TestSmallPhotoIsOneFile(t *testing.T) {
	r, err := Process(testJPEG(t, 300, 200), JPEG, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Variants) != 1 || r.Variants[0].Width != 300 || r.Variants[0].Height != 200 {
		t.Errorf("variants %+v", r.Variants)
	}
}

// pngHeader is a PNG signature and IHDR chunk that claims w×h pixels.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestBadInput(t *testing.T) {
	jpg := testJPEG(t, 800, 600)
	var pngBuf bytes.Buffer
	png.Encode(&pngBuf, image.NewRGBA(image.Rect(0, 0, 10, 10)))
	for _, c := range []struct {
		name string
		src  []byte
		f    Format
		lim  Limits
		want string
	}{
		{"too large", jpg, JPEG, Limits{MaxBytes: 1000, MaxPixels: 50_000_000}, "more than the limit of 0.0 MB"},
		{"png named jpg", pngBuf.Bytes(), JPEG, DefaultLimits, "the file is a PNG image, not a JPEG image as its name says"},
		{"text named png", []byte("hello"), PNG, DefaultLimits, "the file is not an image, not a PNG image"},
		{"truncated", jpg[:len(jpg)/2], JPEG, DefaultLimits, "the image is damaged or cut off"},
		{"bomb", pngHeader(100000, 100000), PNG, DefaultLimits, "100000×100000 pixels (10000 megapixels), more than the limit of 50 megapixels"},
		{"too many pixels", pngHeader(9000, 6000), PNG, DefaultLimits, "(54 megapixels)"},
	} {
		_, err := Process(c.src, c.f, c.lim)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

func TestCacheGivesTheSameBytes(t *testing.T) {
	src := WithEXIF(rotated(t, 1000, 700), 6, true, 51.1657, 10.4515)
	cold, err := Process(src, JPEG, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	(&Cache{Dir: dir}).Process(src, JPEG, DefaultLimits)
	warm, err := (&Cache{Dir: dir}).Process(src, JPEG, DefaultLimits) // a new process reads the disk
	if err != nil {
		t.Fatal(err)
	}
	if len(warm.Variants) != len(cold.Variants) || warm.Width != cold.Width {
		t.Fatalf("cached %+v, cold %+v", warm, cold)
	}
	for i := range cold.Variants {
		if !bytes.Equal(cold.Variants[i].Data, warm.Variants[i].Data) {
			t.Errorf("variant %d differs between the cache and a cold run", i)
		}
	}
}

func BenchmarkProcess(b *testing.B) {
	src := testJPEG(b, 4000, 3000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Process(src, JPEG, DefaultLimits); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCacheRedoesTamperedEntries changes a cached variant in the ways an
// attacker with write access to .cache/offenbar could: each entry is made
// again instead of published as it is.
func TestCacheRedoesTamperedEntries(t *testing.T) {
	src := testJPEG(t, 1000, 700)
	cold, err := Process(src, JPEG, DefaultLimits)
	if err != nil {
		t.Fatal(err)
	}
	payload := []byte("<html><script>alert(1)</script></html>")
	// The limit of a check inside the cache: a photo of the same format
	// and size, with its hash in the manifest, is taken. It is still only
	// a photo, never markup or script.
	other := testJPEG(t, 480, 300)
	for name, tamper := range map[string]func(c *Cache, k string){
		"variant replaced": func(c *Cache, k string) {
			os.WriteFile(c.file(k, cold.Variants[0].Width), payload, 0o644)
		},
		"variant and its hash replaced": func(c *Cache, k string) {
			os.WriteFile(c.file(k, cold.Variants[0].Width), payload, 0o644)
			b, _ := os.ReadFile(c.file(k, -1))
			b = bytes.Replace(b, []byte(hash(cold.Variants[0].Data)), []byte(hash(payload)), 1)
			os.WriteFile(c.file(k, -1), b, 0o644)
		},
		"another photo of another size with its hash": func(c *Cache, k string) {
			os.WriteFile(c.file(k, cold.Variants[0].Width), other, 0o644)
			b, _ := os.ReadFile(c.file(k, -1))
			b = bytes.Replace(b, []byte(hash(cold.Variants[0].Data)), []byte(hash(other)), 1)
			os.WriteFile(c.file(k, -1), b, 0o644)
		},
		"manifest without hashes": func(c *Cache, k string) {
			b, _ := os.ReadFile(c.file(k, -1))
			b = regexp.MustCompile(`,"SHA256":\[[^]]*\]`).ReplaceAll(b, nil)
			os.WriteFile(c.file(k, -1), b, 0o644)
		},
	} {
		c := &Cache{Dir: t.TempDir()}
		c.Process(src, JPEG, DefaultLimits)
		tamper(c, key(src, JPEG, DefaultLimits))
		warm, err := (&Cache{Dir: c.Dir}).Process(src, JPEG, DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range cold.Variants {
			if !bytes.Equal(cold.Variants[i].Data, warm.Variants[i].Data) {
				t.Errorf("%s: variant %d is what the cache held, not what processing gives", name, i)
			}
		}
	}
}
