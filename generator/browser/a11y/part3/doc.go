// Package part3 holds part 3 of the accessibility audit of the
// example's pages; package a11y says why the audit is shared.
package part3
