package linkcheck

import (
	"strings"
	"testing"

	"offenbar/generator/diag"
)

// TestReportedOnce: a broken link that no content holds is reported once,
// however many languages show it, at the site's own template, or as a
// fault of the built-in one, which is no file of the town's.
func TestReportedOnce(t *testing.T) {
	page := Scan([]byte(`<a href="/weltoffen/nirgends/">x</a>`))
	for _, tc := range []struct {
		own  bool
		want string
	}{
		{true, `templates/article.html: link "/nirgends/" goes to a page that does not exist (on page /artikel/a/)`},
		{false, `link "/nirgends/" goes to a page that does not exist (on page /artikel/a/, written by the built-in template article.html: please report this as a fault of offenbar)`},
	} {
		in := Input{
			Files:        map[string]bool{"artikel/a/index.html": true, "en/news/a/index.html": true},
			Pages:        map[string]*Page{"artikel/a/index.html": page, "en/news/a/index.html": page},
			BasePath:     "/weltoffen/",
			TemplatesDir: "templates",
			Template:     func(string) (string, bool) { return "article.html", tc.own },
		}
		errs := Check(in)
		var got []string
		for _, p := range errs.Problems() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("own %v: got\n%s\nwant\n%s", tc.own, strings.Join(got, "\n"), tc.want)
		}
	}
}

// TestDocumentAdvice: the advice for a missing document fits where the
// link stands: beside an index.md only in a document folder.
func TestDocumentAdvice(t *testing.T) {
	page := Scan([]byte(`<a href="/artikel/a/p.pdf">x</a>`))
	for src, want := range map[string]string{
		"content/articles/a/index.md": `content/articles/a/index.md:3:1: document "p.pdf" does not exist: put the file next to the document's index.md, or correct the link`,
		"content/articles/a.md":       `content/articles/a.md:3:1: document "p.pdf" does not exist: put the file into content/static/ and link it as "/p.pdf", or correct the link`,
	} {
		errs := Check(Input{
			Files:    map[string]bool{"artikel/a/index.html": true},
			Pages:    map[string]*Page{"artikel/a/index.html": page},
			BasePath: "/",
			Sources:  []Source{{Page: "artikel/a/index.html", Dest: "/artikel/a/p.pdf", Written: "p.pdf", Pos: diag.Pos{Path: src, Line: 3, Col: 1}}},
		})
		if ps := errs.Problems(); len(ps) != 1 || ps[0].String() != want {
			t.Errorf("%s: got %v, want %s", src, ps, want)
		}
	}
}
