//go:build !embedruntime

package audit

import "embed"

// embeddedAxe and embeddedLocales are empty without the embedruntime build
// tag: axe-core and its locales are then found in node_modules.
var (
	embeddedAxe     []byte
	embeddedLocales embed.FS
)
