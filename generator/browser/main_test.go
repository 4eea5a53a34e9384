package browser_test

import (
	"testing"

	"offenbar/generator/browser/browsertest"
)

// TestMain gives the tests time on a busy machine (see browsertest.Main).
func TestMain(m *testing.M) { browsertest.Main(m) }
