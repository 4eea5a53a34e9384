package a11y

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

// TestAccessibility audits the first part of the example's pages in
// Chromium (see browsertest.AuditPart); packages a11y/part2 to a11y/part4
// audit the rest.
func TestAccessibility(t *testing.T) {
	browsertest.AuditPart(t, "../../..", 0)
}
