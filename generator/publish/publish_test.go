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

// TestNeverReplacesSources tries every way to point a build at the site's
// sources or a repository, with --force and through symlinks.
func TestNeverReplacesSources(t *testing.T) {
	repo := t.TempDir()
	site := filepath.Join(repo, "site")
	for _, d := range []string{".git/objects", "site/content/articles", "site/templates", "other/.git"} {
		os.MkdirAll(filepath.Join(repo, d), 0o755)
	}
	os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(site, "content", Marker), nil, 0o644) // a planted marker changes nothing
	links := t.TempDir()
	os.Symlink(site, filepath.Join(links, "site"))
	os.Symlink(filepath.Join(site, "content"), filepath.Join(links, "content"))
	os.Symlink(repo, filepath.Join(links, "repo"))
	linkedSite := filepath.Join(links, "site")
	cases := []struct{ dest, site string }{
		{filepath.Join(site, "content"), site},
		{filepath.Join(site, "content/articles"), site},
		{filepath.Join(site, "content/neu"), site},
		{filepath.Join(site, "templates"), site},
		{filepath.Join(site, "site.toml"), site},
		{filepath.Join(repo, ".git"), site},
		{filepath.Join(repo, ".git/objects"), site},
		{filepath.Join(repo, "other"), site},
		{filepath.Join(repo, "other/.git/x"), site},
		{repo, site},
		{site, site},
		// Symlinked site: the comparison must see through it.
		{filepath.Join(site, "content"), linkedSite},
		{repo, linkedSite},
		{filepath.Join(repo, ".git"), linkedSite},
		{site, linkedSite},
		// Symlinked destination.
		{filepath.Join(links, "content"), site},
		{filepath.Join(links, "content/neu"), linkedSite},
		{filepath.Join(links, "repo/.git"), site},
		{filepath.Join(links, "repo"), linkedSite},
		{filepath.Join(links, "site/templates/x"), site},
	}
	for _, c := range cases {
		for _, force := range []bool{false, true} {
			err := Publish(c.dest, map[string][]byte{"index.html": []byte("x")}, Options{Site: c.site, Force: force})
			if err == nil || !strings.Contains(err.Error(), "refusing") {
				t.Errorf("Publish(%q, site %q, force %v) = %v, want a refusal", c.dest, c.site, force, err)
			}
		}
	}
	// A bare repository, whatever its name, is no output folder either.
	bare := filepath.Join(t.TempDir(), "site-repo")
	for _, d := range []string{"objects", "refs/heads"} {
		os.MkdirAll(filepath.Join(bare, d), 0o755)
	}
	os.WriteFile(filepath.Join(bare, "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	for _, force := range []bool{false, true} {
		err := Publish(bare, map[string][]byte{"index.html": []byte("x")}, Options{Site: site, Force: force})
		if err == nil || !strings.Contains(err.Error(), "git repository's folder") {
			t.Errorf("Publish(bare repository, force %v) = %v, want a refusal", force, err)
		}
	}
	if _, err := os.Stat(filepath.Join(bare, "HEAD")); err != nil {
		t.Errorf("the bare repository lost its HEAD: %v", err)
	}
	for _, p := range []string{"site/site.toml", "site/content/" + Marker, ".git/objects", "site/templates", "other/.git"} {
		if _, err := os.Stat(filepath.Join(repo, p)); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "content/neu")); err == nil {
		t.Error("a folder was created inside content/")
	}
	// The usual places still work, through a symlinked site too.
	for _, dest := range []string{filepath.Join(site, "public"), filepath.Join(linkedSite, "public"), filepath.Join(links, "out")} {
		if err := Publish(dest, map[string][]byte{"index.html": []byte("x")}, Options{Site: linkedSite}); err != nil {
			t.Errorf("Publish(%q): %v", dest, err)
		}
	}
}
