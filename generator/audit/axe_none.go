//go:build !embedruntime

package audit

// embeddedAxe is nil without the embedruntime build tag: axe-core is then
// found in node_modules.
var embeddedAxe []byte
