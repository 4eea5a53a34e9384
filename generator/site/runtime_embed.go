//go:build embedruntime

package site

import _ "embed"

// embeddedRuntime is the chart runtime compiled into a release binary:
// .ci/release copies the bundle that `npm ci` makes into runtime/ (which
// git ignores) and builds with -tags embedruntime.
//
//go:embed runtime/echarts.min.js
var embeddedRuntime []byte
