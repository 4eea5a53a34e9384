// Package a11y holds the accessibility audit of every page of the example
// in Chromium; it is a test binary of its own so that it and the other
// browser tests each stay well inside go test's time limit on a busy
// machine.
package a11y
