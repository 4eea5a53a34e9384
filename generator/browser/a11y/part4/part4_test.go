package part4

import (
	"os"
	"testing"

	"offenbar/generator/browser/browsertest"
	"offenbar/generator/sitetest"
)

// TestMain gives the audit time on a busy machine: go test's default of
// 10 minutes becomes sitetest.SlowMachineTimeout, a liveness guard only.
func TestMain(m *testing.M) {
	sitetest.RaiseDefaultTimeout()
	os.Exit(m.Run())
}

// TestAccessibility audits part 4 of the example's pages in Chromium
// (see browsertest.AuditPart).
func TestAccessibility(t *testing.T) {
	browsertest.AuditPart(t, "../../../..", 3)
}
