package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestReferenceFor: the files a town receives name the German reference by
// its path in the project and, in a release binary, by its address at
// that release; never by a Go source file.
func TestReferenceFor(t *testing.T) {
	defer func(old string) { ReleaseBase = old }(ReleaseBase)
	ReleaseBase = ""
	if got, want := ReferenceFor("runde.md"), "die Referenz docs/referenz/runde.md von offenbar"; got != want {
		t.Errorf("from source: %q, want %q", got, want)
	}
	ReleaseBase = "https://github.com/stadt/offenbar/releases/download/v1.2.0"
	if got, want := ReferenceFor("runde.md"), "die Referenz docs/referenz/runde.md von offenbar (https://github.com/stadt/offenbar/blob/v1.2.0/docs/referenz/runde.md)"; got != want {
		t.Errorf("from a release: %q, want %q", got, want)
	}
	if _, err := os.Stat(filepath.Join("../..", ReferenceDir, "runde.md")); err != nil {
		t.Errorf("the reference is missing: %v", err)
	}

	dir := filepath.Join(t.TempDir(), "site")
	files, err := Init(dir, time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if s := string(b); strings.Contains(s, "generator/") || strings.Contains(s, "@REFERENZ") || strings.Contains(s, ".go") && !strings.HasSuffix(f, ".json") {
			t.Errorf("%s names Go source or an unfilled reference", f)
		}
	}
	b, _ := os.ReadFile(filepath.Join(dir, "site.toml"))
	if !strings.Contains(string(b), "https://github.com/stadt/offenbar/blob/v1.2.0/docs/referenz/site-toml.md") {
		t.Errorf("site.toml does not name the reference's address:\n%s", b)
	}
}
