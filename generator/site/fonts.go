package site

import (
	"os"
	"path/filepath"

	"offenbar/generator/card"
)

// FontFiles are the fonts of the preview images (package card) as `npm ci`
// installs them, from the packages that package.json names: Noto Sans and
// Noto Sans Arabic, under the SIL Open Font License 1.1. A release binary
// has them inside, under the base names of these paths.
var FontFiles = [4]string{
	"node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
	"node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
	"node_modules/@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
	"node_modules/@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
}

// FindFonts returns the fonts of the preview images, or nil when there are
// none: in the site's own node_modules first, then those compiled into a
// release binary, then those in node_modules of the generator's source
// tree, as FindRuntime looks for the chart runtime.
func FindFonts(dir string) *card.Fonts {
	if f := readFonts(dir); f != nil {
		return f
	}
	if embeddedFonts != nil {
		return embeddedFonts
	}
	if src := sourceTree(); src != "" {
		return readFonts(src)
	}
	return nil
}

// readFonts reads every font of FontFiles below the folder dir, or returns
// nil when one is missing.
func readFonts(dir string) *card.Fonts {
	var data [len(FontFiles)][]byte
	for i, name := range FontFiles {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			return nil
		}
		data[i] = b
	}
	return &card.Fonts{Regular: data[0], Bold: data[1], ArabicRegular: data[2], ArabicBold: data[3]}
}
