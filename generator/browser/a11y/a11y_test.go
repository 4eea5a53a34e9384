package a11y

import (
	"testing"

	"offenbar/generator/browser/browsertest"
)

// TestMain gives the audit time on a busy machine (see browsertest.Main).
func TestMain(m *testing.M) { browsertest.Main(m) }

// TestAccessibility audits the first part of the example's pages in
// Chromium (see browsertest.AuditPart); packages a11y/part2 to a11y/part4
// audit the rest.
func TestAccessibility(t *testing.T) {
	browsertest.AuditPart(t, "../../..", 0)
}
