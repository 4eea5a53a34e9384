// Package linkcheck checks that every internal link, anchor and image of a
// rendered site resolves to a generated file or element.
//
// It reads the built HTML, so links written by templates are checked as
// well as links written in Markdown. A broken link is reported where an
// editor can fix it: at the Markdown line that holds it when the caller
// names one, else at the template that rendered the page.
package linkcheck

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"offenbar/generator/diag"
)

// Source is a link written in content, with its position.
type Source struct {
	Page string // output file of the page that shows the link, such as "artikel/a/index.html"
	Dest string // the destination as rendered
	Pos  diag.Pos
}

// Input is what Check needs.
type Input struct {
	Files    map[string]bool   // every output file
	Pages    map[string]*Page  // every HTML page among Files, as Scan read it
	BasePath string            // the site's base path, ending in "/"
	Sources  []Source          // links written in content
	Global   []Source          // links on every page, such as the menu; Page is ignored
	Drafts   map[string]string // output file of an unpublished document -> its source
	Template func(page string) diag.Pos
}

// Page is what Check needs of an HTML page: its ids and its links. It is
// far smaller than the page, so a site can be checked while it is rendered
// without holding every page in memory.
type Page struct {
	ids   map[string]bool
	links []ref
}

type ref struct {
	dest  string
	image bool
}

// Check returns a problem for every link that does not resolve.
func Check(in Input) diag.List {
	var errs diag.List
	pages := in.Pages
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	slices.Sort(names)
	sources := map[string][]Source{}
	for _, s := range in.Sources {
		sources[s.Page] = append(sources[s.Page], s)
	}
	for _, name := range names {
		reported := map[string]bool{}
		for _, l := range pages[name].links {
			msg := in.resolve(name, l, pages)
			if msg == nil || reported[l.dest] {
				continue
			}
			reported[l.dest] = true
			pos := diag.Pos{}
			found := false
			for _, s := range sources[name] {
				if s.Dest == l.dest {
					errs.Errorf(s.Pos, "%s", msg)
					found = true
				}
			}
			for _, g := range in.Global {
				if !found && g.Dest == l.dest {
					errs.Errorf(g.Pos, "%s", msg)
					found = true
				}
			}
			if found {
				continue
			}
			if in.Template != nil {
				pos = in.Template(name)
			}
			errs.Errorf(pos, "%s (on page %s)", msg, "/"+strings.TrimSuffix(name, "index.html"))
		}
	}
	return errs
}

// resolve returns nil when the link works, else what is wrong with it.
func (in Input) resolve(from string, l ref, pages map[string]*Page) *diag.Message {
	u, err := url.Parse(l.dest)
	if err != nil {
		return diag.Messagef("invalid link %s", in.show(l.dest))
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(l.dest, "//") {
		return nil // another site; not ours to check
	}
	target := from
	if u.Path != "" {
		p := u.Path
		if !strings.HasPrefix(p, "/") {
			p = path.Join(path.Dir(in.BasePath+from), p)
			if strings.HasSuffix(u.Path, "/") {
				p += "/"
			}
		}
		if !strings.HasPrefix(p, in.BasePath) && p+"/" != in.BasePath {
			return diag.Messagef("link %s points outside the site's base path %q", in.show(l.dest), in.BasePath)
		}
		rel := strings.TrimPrefix(p, in.BasePath)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		target = rel
	}
	if !in.Files[target] {
		if in.Files[target+"/index.html"] {
			return diag.Messagef("link %s lacks its trailing \"/\"", in.show(l.dest))
		}
		if src, ok := in.Drafts[target]; ok {
			return diag.Messagef("link %s goes to %s, which is a draft or not yet published", in.show(l.dest), src)
		}
		if l.image {
			return diag.Messagef("image %s does not exist", in.show(l.dest))
		}
		if isDocument(u.Path) && strings.HasPrefix(u.Path, "/") {
			return diag.Messagef("document %s does not exist: put the file into content/static%s/, or correct the link", in.show(l.dest), path.Dir(strings.Trim(in.show(u.Path), `"`)))
		}
		if isDocument(u.Path) {
			return diag.Messagef("document %s does not exist: put the file next to the document's index.md, or correct the link", in.show(l.dest))
		}
		return diag.Messagef("link %s goes to a page that does not exist", in.show(l.dest))
	}
	if u.Fragment != "" {
		p := pages[target]
		if p == nil || !p.ids[u.Fragment] {
			return diag.Messagef("link %s goes to an anchor #%s that the page does not have", in.show(l.dest), u.Fragment)
		}
	}
	return nil
}

func quote(s string) string { return "\"" + s + "\"" }

// isDocument reports whether p names an office document or a PDF.
func isDocument(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".pdf", ".docx", ".xlsx", ".odt", ".ods", ".pptx", ".doc", ".xls":
		return true
	}
	return false
}

// show gives a destination as an editor wrote it, without the base path.
func (in Input) show(dest string) string {
	if in.BasePath != "/" && strings.HasPrefix(dest, in.BasePath) {
		return quote("/" + strings.TrimPrefix(dest, in.BasePath))
	}
	return quote(dest)
}

// Scan collects the ids and the links of an HTML page.
func Scan(b []byte) *Page {
	p := &Page{ids: map[string]bool{}}
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "id":
				p.ids[string(v)] = true
			case "href":
				if tag == "a" || tag == "link" {
					p.links = append(p.links, ref{dest: string(v)})
				}
			case "src":
				if tag == "img" || tag == "script" {
					p.links = append(p.links, ref{dest: string(v), image: tag == "img"})
				}
			}
		}
	}
}
