// Package a11y holds the accessibility audit of the first half of the
// example's pages in Chromium (package a11y/otherhalf audits the second
// half). Each half is a test binary of its own, so that they and the other
// browser tests each stay well inside go test's time limit on a busy
// machine.
package a11y
