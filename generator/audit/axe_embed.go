//go:build embedruntime

package audit

import _ "embed"

// embeddedAxe is axe-core compiled into a release binary: .ci/release
// copies the script that `npm ci` installs into runtime/ (which git
// ignores) and builds with -tags embedruntime.
//
//go:embed runtime/axe.min.js
var embeddedAxe []byte
