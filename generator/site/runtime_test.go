package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestFindRuntimeStaysInSite plants a runtime in node_modules of the folder
// above a site, as anyone can in a shared folder such as /tmp: it must
// never be taken, while the site's own is.
func TestFindRuntimeStaysInSite(t *testing.T) {
	shared := t.TempDir()
	dir := filepath.Join(shared, "site")
	planted := []byte("alert('planted')")
	for _, name := range []string{RuntimeBundle, RuntimeFull} {
		p := filepath.Join(shared, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, planted, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if b := FindRuntime(dir); bytes.Equal(b, planted) {
		t.Fatalf("FindRuntime(%s) took the runtime planted in %s", dir, shared)
	}
	own := []byte("/* the site's own bundle */")
	p := filepath.Join(dir, filepath.FromSlash(RuntimeBundle))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, own, 0o644); err != nil {
		t.Fatal(err)
	}
	if b := FindRuntime(dir); !bytes.Equal(b, own) {
		t.Errorf("FindRuntime(%s) = %.40q, want the site's own bundle", dir, b)
	}
}
