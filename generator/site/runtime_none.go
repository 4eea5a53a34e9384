//go:build !embedruntime

package site

import "offenbar/generator/card"

// embeddedRuntime is nil without the embedruntime build tag: the chart
// runtime is then found in node_modules.
var embeddedRuntime []byte

// embeddedFonts is nil without the embedruntime build tag: the fonts of
// the preview images are then found in node_modules.
var embeddedFonts *card.Fonts
