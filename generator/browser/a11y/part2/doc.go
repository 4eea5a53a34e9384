// Package part2 holds part 2 of the accessibility audit of the
// example's pages; package a11y says why the audit is shared.
package part2
