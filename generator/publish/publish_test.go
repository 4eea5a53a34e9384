package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPublishReplacesAndRemovesOldFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Publish(dest, map[string][]byte{"a/index.html": []byte("1"), "old.html": []byte("x")}, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := Publish(dest, map[string][]byte{"a/index.html": []byte("2")}, Options{}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "a/index.html")); string(b) != "2" {
		t.Errorf("index = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); !os.IsNotExist(err) {
		t.Error("a file removed from the site is still published")
	}
	if fi, err := os.Stat(dest); err != nil || fi.Mode().Perm() != 0o755 {
		t.Errorf("output directory mode = %v, want rwxr-xr-x so that a web server can read it", fi.Mode())
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Errorf("temporary directories left behind: %v", entries)
	}
}

func TestPublishFailureKeepsPrevious(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	if err := Publish(dest, map[string][]byte{"index.html": []byte("old")}, Options{}); err != nil {
		t.Fatal(err)
	}
	err := Publish(dest, map[string][]byte{"index.html": []byte("new"), "../evil": []byte("x")}, Options{})
	if err == nil {
		t.Fatal("an unsafe path was accepted")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "old" {
		t.Errorf("previous output changed: %q", b)
	}
}

func TestUnsafePaths(t *testing.T) {
	for _, p := range []string{"", "/abs", "../x", "a/../../x", `a\b`, "a\x00b", ".", "a//b", Marker} {
		if CheckPath(p) == nil {
			t.Errorf("CheckPath(%q) accepted", p)
		}
	}
	for _, p := range []string{"index.html", "a/b/c.css", ".well-known/x"} {
		if err := CheckPath(p); err != nil {
			t.Errorf("CheckPath(%q): %v", p, err)
		}
	}
}

func TestRefusesForeignDestinations(t *testing.T) {
	site := t.TempDir()
	foreign := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "thesis.txt"), []byte("years of work"), 0o644)
	home, _ := os.UserHomeDir()
	for _, dest := range []string{"/", home, site, filepath.Dir(site), foreign} {
		err := Publish(dest, map[string][]byte{"index.html": nil}, Options{Site: site})
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("Publish(%q) = %v, want a refusal", dest, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(foreign, "thesis.txt")); string(b) != "years of work" {
		t.Error("a foreign file was touched")
	}
	if err := Publish(foreign, map[string][]byte{"index.html": nil}, Options{Site: site, Force: true}); err != nil {
		t.Errorf("--force: %v", err)
	}
}
