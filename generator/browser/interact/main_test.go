package interact

import (
	"io/fs"
	"os"
	"testing"

	"offenbar/generator/browser/browsertest"
	"offenbar/generator/sitetest"
)

// TestMain gives the Chromium tests of this package time on a busy
// machine: go test's default of 10 minutes becomes
// sitetest.SlowMachineTimeout, a liveness guard only.
func TestMain(m *testing.M) {
	sitetest.RaiseDefaultTimeout()
	code := m.Run()
	browsertest.StopExample()
	os.Exit(code)
}

// root is the repository, with the example site.
const root = "../../.."

// serveExample serves the example site, built once for the package.
func serveExample(t *testing.T) string { return browsertest.ServeExample(t, root) }

// serveSiteDir builds the site in src and serves it; it returns the
// address and the directory it serves.
func serveSiteDir(t *testing.T, src fs.FS, templates fs.FS) (string, string) {
	t.Helper()
	return browsertest.ServeSiteDir(t, root, src, templates)
}
