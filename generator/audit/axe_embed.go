//go:build embedruntime

package audit

import "embed"

// embeddedAxe is axe-core compiled into a release binary, with the locales
// in which it describes what it finds: .ci/release copies them from what
// `npm ci` installs into runtime/ (which git ignores) and builds with
// -tags embedruntime.
//
//go:embed runtime/axe.min.js
var embeddedAxe []byte

//go:embed runtime/locales
var embeddedLocales embed.FS
