//go:build !embedruntime

package site

// embeddedRuntime is nil without the embedruntime build tag: the chart
// runtime is then found in node_modules.
var embeddedRuntime []byte
