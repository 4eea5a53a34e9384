package site

import (
	"bytes"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"offenbar/generator/content"
)

// exampleFS copies the example site into memory, so that a test can edit it.
func exampleFS(t testing.TB) fstest.MapFS {
	m := fstest.MapFS{}
	root := os.DirFS("../..")
	for _, dir := range []string{"content", "templates"} {
		fs.WalkDir(root, dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				b, _ := fs.ReadFile(root, p)
				m[p] = &fstest.MapFile{Data: b}
			}
			return err
		})
	}
	b, _ := fs.ReadFile(root, "site.toml")
	m["site.toml"] = &fstest.MapFile{Data: b}
	return m
}

// TestPreviewCachesGiveTheSameSite edits the example the way an editor
// does and checks that a build with the preview's caches equals a build
// from scratch, byte for byte, and that the cache was used.
func TestPreviewCachesGiveTheSameSite(t *testing.T) {
	src := exampleFS(t)
	now := content.Visibility{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), Drafts: true}
	cached := Options{Runtime: []byte("rt"), Visibility: now, Markdown: &content.Cache{}, Pages: &PageCache{}}
	fresh := Options{Runtime: []byte("rt"), Visibility: now}
	build := func(o Options) map[string][]byte {
		out, errs := Build(src, o)
		if errs.HasErrors() {
			t.Fatal(errs.Err())
		}
		return out.Files
	}
	rendered := func() int {
		cached.Pages.mu.Lock()
		defer cached.Pages.mu.Unlock()
		return cached.Pages.rendered
	}
	same := func(step string) {
		before := rendered()
		a, b := build(cached), build(fresh)
		t.Logf("%s: %d pages rendered, the others reused", step, rendered()-before)
		if len(a) != len(b) {
			t.Fatalf("%s: %d files with caches, %d without", step, len(a), len(b))
		}
		for name := range b {
			if !bytes.Equal(a[name], b[name]) {
				t.Errorf("%s: %s differs between the cached and the fresh build", step, name)
			}
		}
	}
	same("first build")
	edit := func(name, old, new string) {
		f := src[name]
		if !bytes.Contains(f.Data, []byte(old)) {
			t.Fatalf("%s has no %q", name, old)
		}
		src[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
	}
	edit("content/articles/2024-09-16-fest-der-kulturen/index.md", "stellten sich an Ständen vor", "zeigten sich an Ständen")
	before := rendered()
	same("body edited")
	// The article, and its four translations, which now say that the
	// original changed since they were made.
	if n := rendered() - before; n != 5 {
		t.Errorf("editing one article's text rendered %d pages, want 5", n)
	}
	edit("content/articles/2024-09-16-fest-der-kulturen/index.md", `title = "Fest der Kulturen`, `title = "Großes Fest der Kulturen`)
	same("title edited")
	edit("content/selfcheck/rounds/2024.toml", "MS-02 = 2", "MS-02 = 3")
	same("answer changed")
	edit("templates/i18n/de.toml", `home = "Startseite"`, `home = "Start"`)
	same("UI text changed")
	edit("site.toml", `base_url = "https://weltoffen.lindenbrueck.example/"`, `base_url = "https://www.lindenbrueck.example/weltoffen/"`)
	same("base path changed")
	if strings.Count(string(build(cached)["artikel/fest-der-kulturen/index.html"]), "Großes Fest") == 0 {
		t.Error("the edited title is missing")
	}
	if n := len(cached.Pages.pages); n < 20 {
		t.Errorf("the page cache holds %d pages", n)
	}
}
