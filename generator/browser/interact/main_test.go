package interact

import (
	"io/fs"
	"testing"

	"offenbar/generator/browser/browsertest"
)

// TestMain gives the tests time on a busy machine (see browsertest.Main).
func TestMain(m *testing.M) { browsertest.Main(m) }

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
