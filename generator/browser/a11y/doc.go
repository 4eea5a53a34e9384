// Package a11y holds the accessibility audit of every page of the example
// in Chromium. The audit is shared by browsertest.Parts test binaries:
// this package audits the first part, packages a11y/part2 to a11y/part4
// the others. Each part is a test binary of its own, so that they and the
// other browser tests each stay well inside go test's time limit on a busy
// 2-core machine.
package a11y
