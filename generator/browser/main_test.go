package browser_test

import (
	"os"
	"testing"

	"offenbar/generator/browser/browsertest"
	"offenbar/generator/sitetest"
)

// TestMain gives the Chromium and whole-site tests of this package time on
// a busy machine: go test's default of 10 minutes becomes
// sitetest.SlowMachineTimeout, a liveness guard only.
func TestMain(m *testing.M) {
	sitetest.RaiseDefaultTimeout()
	code := m.Run()
	browsertest.StopExample()
	os.Exit(code)
}
