// Package part4 holds part 4 of the accessibility audit of the
// example's pages; package a11y says why the audit is shared.
package part4
