package part3

import (
	"testing"

	"offenbar/generator/browser/browsertest"
)

// TestMain gives the audit time on a busy machine (see browsertest.Main).
func TestMain(m *testing.M) { browsertest.Main(m) }

// TestAccessibility audits part 3 of the example's pages in Chromium
// (see browsertest.AuditPart).
func TestAccessibility(t *testing.T) {
	browsertest.AuditPart(t, "../../../..", 2)
}
