// Package otherhalf holds the accessibility audit of the second half of
// the example's pages (package a11y audits the first): the site has grown
// past what one test binary audits well inside go test's time limit on a
// busy 2-core machine.
package otherhalf
