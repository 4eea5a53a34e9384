// Package templates is the built-in theme: the page templates, the CSS,
// the site's own scripts and the UI texts, compiled into the generator so
// that a town's site needs no templates/ folder of its own. A site's
// templates/ holds only what it overrides; see offenbar/generator/site.
//
// This is the only Go file outside generator/: go:embed cannot reach files
// above the package's directory.
package templates

import "embed"

// FS holds the theme's files by their path below templates/.
//
//go:embed *.html partials assets i18n
var FS embed.FS
