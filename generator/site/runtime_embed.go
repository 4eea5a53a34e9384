//go:build embedruntime

package site

import (
	_ "embed"

	"offenbar/generator/card"
)

// embeddedRuntime is the chart runtime compiled into a release binary:
// .ci/release copies the bundle that `npm ci` makes into runtime/ (which
// git ignores) and builds with -tags embedruntime.
//
//go:embed runtime/echarts.min.js
var embeddedRuntime []byte

// The fonts of the preview images, which .ci/release copies from
// node_modules into runtime/fonts/ (see FontFiles).
var (
	//go:embed runtime/fonts/NotoSans_400Regular.ttf
	fontRegular []byte
	//go:embed runtime/fonts/NotoSans_700Bold.ttf
	fontBold []byte
	//go:embed runtime/fonts/NotoSansArabic_400Regular.ttf
	fontArabicRegular []byte
	//go:embed runtime/fonts/NotoSansArabic_700Bold.ttf
	fontArabicBold []byte
)

// embeddedFonts are the fonts compiled into a release binary.
var embeddedFonts = &card.Fonts{Regular: fontRegular, Bold: fontBold, ArabicRegular: fontArabicRegular, ArabicBold: fontArabicBold}
