package card

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// testFonts reads the fonts as npm ci installs them (see site.FontFiles);
// without them the test is skipped, except in CI.
func testFonts(t testing.TB) Fonts {
	t.Helper()
	var data [4][]byte
	for i, name := range []string{
		"@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
		"@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
		"@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
		"@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
	} {
		b, err := os.ReadFile(filepath.Join("../../node_modules", filepath.FromSlash(name)))
		if err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%v: npm ci installs the fonts", err)
			}
			t.Skipf("%v: run npm ci", err)
		}
		data[i] = b
	}
	return Fonts{Regular: data[0], Bold: data[1], ArabicRegular: data[2], ArabicBold: data[3]}
}

var (
	german = Card{
		Site: "Weltoffenes Lindenbrück", Title: "Fairer Zugang und Teilhabechancen",
		Score: "58 %", Round: "Selbstcheck 2024", Change: "+7 Prozentpunkte gegenüber der Runde „Selbstcheck 2021“",
		Bars: []float64{0.62, 0.41, 0.58, 0.7, -1, 0.33, 0.5}, Stress: 2,
		Accent: "#1d5f95", Muted: "#6b7785", Lang: "de",
	}
	arabic = Card{
		Site: "Weltoffenes Lindenbrück", Title: "الوصول العادل وفرص المشاركة",
		Score: "٥٨٪", Round: "Selbstcheck 2024", Change: "+٧ نقطة مئوية مقارنة بالجولة «Selbstcheck 2021»",
		Bars: german.Bars, Stress: 2, Accent: "#1d5f95", Muted: "#6b7785", RTL: true, Lang: "ar",
	}
	// A title far too long for three lines, without a score.
	long = Card{Site: "Testdorf", Title: "Ein sehr langer Titel einer Meldung, der weit mehr Wörter hat, als auf ein Vorschaubild passen, und deshalb nach der dritten Zeile mit Auslassungspunkten endet, damit nichts über den Rand läuft", Lang: "de", Stress: -1}
)

// TestDraw draws cards in German and Arabic: each is a PNG of 1200×630 of
// at most 150 KB, the same bytes on every draw, and a card written right
// to left has its edge on the right.
func TestDraw(t *testing.T) {
	d, err := New(testFonts(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Card{german, arabic, long} {
		b, err := d.Draw(c)
		if err != nil {
			t.Fatalf("%s: %v", c.Lang, err)
		}
		if len(b) > MaxBytes {
			t.Errorf("%q: %d bytes, more than %d", c.Title, len(b), MaxBytes)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%q: %v", c.Title, err)
		}
		if got := img.Bounds(); got != image.Rect(0, 0, Width, Height) {
			t.Errorf("%q: %v, want %d×%d", c.Title, got, Width, Height)
		}
		again, _ := d.Draw(c)
		if !bytes.Equal(b, again) {
			t.Errorf("%q: two draws differ", c.Title)
		}
		// The edge in the accent colour is where reading starts.
		start, end := 2, Width-3
		if c.RTL {
			start, end = end, start
		}
		if r, g, bl, _ := img.At(start, Height/2).RGBA(); r>>8 != 0x1d || g>>8 != 0x5f || bl>>8 != 0x95 {
			t.Errorf("%q: no edge at x=%d", c.Title, start)
		}
		if r, g, bl, _ := img.At(end, Height/2).RGBA(); r>>8 != 0xff || g>>8 != 0xff || bl>>8 != 0xff {
			t.Errorf("%q: not white at x=%d", c.Title, end)
		}
		if ink := inked(img, 0, Height/2); ink == 0 {
			t.Errorf("%q: no text in the upper half", c.Title)
		}
	}
}

// inked counts the dark pixels in the rows from y0 to y1, inside the
// margins, away from the edge.
func inked(img image.Image, y0, y1 int) int {
	n := 0
	for y := y0; y < y1; y++ {
		for x := margin + edge; x < Width-margin-edge; x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r>>8 < 0x80 {
				n++
			}
		}
	}
	return n
}

// TestKey: cards that differ have different keys, the same card the same.
func TestKey(t *testing.T) {
	if bytes.Equal(german.Key(), arabic.Key()) || !bytes.Equal(german.Key(), german.Key()) {
		t.Error("Key does not tell cards apart")
	}
}

// TestNewRefusesDamagedFonts: a font that is no font is an error, not a
// card without text.
func TestNewRefusesDamagedFonts(t *testing.T) {
	f := testFonts(t)
	f.Bold = []byte("no font")
	if _, err := New(f); err == nil {
		t.Error("New took a damaged font")
	}
}

// BenchmarkDraw draws the German card: what a cold build pays for each
// page with a preview image.
func BenchmarkDraw(b *testing.B) {
	d, err := New(testFonts(b))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := d.Draw(german); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDrawHostileTexts draws texts that no editor means to write but any
// may paste: each card is drawn, within MaxBytes, and costs what a card
// costs, whatever the length of its texts. A title of 1 MB took 11 s and
// 680 MB, and letters with twenty marks each could make an image over
// MaxBytes, which failed the build.
func TestDrawHostileTexts(t *testing.T) {
	d, err := New(testFonts(t))
	if err != nil {
		t.Fatal(err)
	}
	// Random letters of every script the fonts have, each with marks.
	r := rand.New(rand.NewPCG(1, 2))
	scripts := [][2]rune{{0x21, 0x7e}, {0xc0, 0x24f}, {0x391, 0x3c9}, {0x410, 0x44f}, {0x621, 0x64a}}
	var zalgo strings.Builder
	for zalgo.Len() < 20000 {
		s := scripts[r.IntN(len(scripts))]
		zalgo.WriteRune(s[0] + r.Int32N(s[1]-s[0]))
		for range 20 {
			zalgo.WriteRune(0x300 + r.Int32N(0x6f))
		}
	}
	for _, c := range []struct{ name, text string }{
		{"5,000 characters", strings.Repeat("Lindenbrück ", 417)},
		{"5,000 without a space", strings.Repeat("x", 5000)},
		{"1 MB", strings.Repeat("Lindenbrück ", 90000)},
		{"5,000 combining marks", "a" + strings.Repeat("\u0301", 5000)},
		{"20 marks on every letter", zalgo.String()},
		{"emoji", strings.Repeat("😀👩‍👩‍👧‍👦🇩🇪", 500)},
		{"right-to-left override", "\u202eexe.gnuztis\u202c Sitzung " + strings.Repeat("\u202e", 100)},
		{"only zero-width characters", strings.Repeat("\u200b\u200c\u200d\u2060\ufeff", 1000)},
		{"control characters", "a\x00b\x01c\ufffd\U0010ffff"},
	} {
		for _, rtl := range []bool{false, true} {
			card := german
			card.Site, card.Title, card.Score, card.Round, card.Change, card.RTL = c.text, c.text, c.text, c.text, c.text, rtl
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			b, err := d.Draw(card)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Errorf("%s (rtl %v): %.200v", c.name, rtl, err)
				continue
			}
			if len(b) > MaxBytes {
				t.Errorf("%s (rtl %v): %d bytes, more than %d", c.name, rtl, len(b), MaxBytes)
			}
			if n := after.TotalAlloc - before.TotalAlloc; n > 64<<20 {
				t.Errorf("%s (rtl %v): drawing allocated %d MB, want at most 64 MB", c.name, rtl, n>>20)
			}
		}
	}
}

// TestBounded: a text keeps at most maxMarks marks in a row and perLine
// characters a line, and says with "…" that it was cut.
func TestBounded(t *testing.T) {
	for _, c := range []struct {
		in    string
		lines int
		want  string
	}{
		{"Lindenbrück", 3, "Lindenbrück"},
		{"Tiếng Việt", 1, "Tiếng Việt"},
		{"a" + strings.Repeat("\u0301", 9) + "b", 1, "a" + strings.Repeat("\u0301", maxMarks) + "b"},
		{strings.Repeat("x", perLine+1), 1, strings.Repeat("x", perLine) + "…"},
		{strings.Repeat("x", perLine), 1, strings.Repeat("x", perLine)},
	} {
		if got := string(bounded(c.in, c.lines)); got != c.want {
			t.Errorf("bounded(%.40q, %d) = %.40q, want %.40q", c.in, c.lines, got, c.want)
		}
	}
}
