// Package linkcheck checks that every internal link, anchor and image of a
// rendered site resolves to a generated file or element.
//
// It reads the built HTML, so links written by templates are checked as
// well as links written in Markdown. A broken link is reported once, where
// an editor can fix it: at the Markdown or TOML line that holds it when the
// caller names one, else at the site's own template that rendered the
// page; a broken link of a built-in template is a fault of offenbar and
// says so, as it is no file of the town's. Both check and build run it.
package linkcheck

import (
	"bytes"
	"cmp"
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
	// Written is the destination as the content has it, when it differs
	// from Dest, such as a relative link on another language's copy of a
	// page; messages quote it.
	Written string
	Pos     diag.Pos
}

// Input is what Check needs.
type Input struct {
	Files    map[string]bool   // every output file
	Pages    map[string]*Page  // every HTML page among Files, as Scan read it
	BasePath string            // the site's base path, ending in "/"
	Sources  []Source          // links written in content
	Global   []Source          // links on every page, such as the menu; Page is ignored
	Drafts   map[string]string // output file of an unpublished document -> its source
	// Template names the template that rendered a page, such as
	// "article.html", and reports whether it is the site's own; a link
	// that no content holds is reported at the site's own template, or
	// as a fault of the built-in one.
	Template func(page string) (name string, own bool)
	// TemplatesDir is the folder of the site's own templates.
	TemplatesDir string
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

// Check returns a problem for every link that does not resolve, once: at
// the content that holds it, or at the template that wrote it. A link that
// stands on many pages, such as in every language's copy of an article, is
// reported once.
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
	fromTemplate := map[string]bool{}
	for _, name := range names {
		reported := map[string]bool{}
		for _, l := range pages[name].links {
			if reported[l.dest] {
				continue
			}
			found := false
			for _, s := range sources[name] {
				if s.Dest == l.dest {
					if msg := in.resolve(name, l, pages, cmp.Or(s.Written, s.Dest), s.Pos.Path); msg != nil {
						errs.Errorf(s.Pos, "%s", msg)
					}
					found = true
				}
			}
			for _, g := range in.Global {
				if !found && g.Dest == l.dest {
					if msg := in.resolve(name, l, pages, l.dest, ""); msg != nil {
						errs.Errorf(g.Pos, "%s", msg)
					}
					found = true
				}
			}
			reported[l.dest] = true
			if found {
				continue
			}
			msg := in.resolve(name, l, pages, l.dest, "")
			if msg == nil {
				continue
			}
			tmpl, own := "", false
			if in.Template != nil {
				tmpl, own = in.Template(name)
			}
			// Every language has its copy of the page: one report is enough.
			key := tmpl + "\x00" + msg.Error()
			if fromTemplate[key] {
				continue
			}
			fromTemplate[key] = true
			page := "/" + strings.TrimSuffix(name, "index.html")
			if own {
				errs.Errorf(diag.Pos{Path: in.TemplatesDir + "/" + tmpl}, "%s (on page %s)", msg, page)
			} else {
				errs.Errorf(diag.Pos{}, "%s (on page %s, written by the built-in template %s: please report this as a fault of offenbar)", msg, page, tmpl)
			}
		}
	}
	return errs
}

// resolve returns nil when the link works, else what is wrong with it, in
// terms of the link as written in the file src (if any), which decides the
// advice for a missing document.
func (in Input) resolve(from string, l ref, pages map[string]*Page, written, src string) *diag.Message {
	u, err := url.Parse(l.dest)
	if err != nil {
		return diag.Messagef("invalid link %s", in.show(written))
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
			return diag.Messagef("link %s points outside the site's base path %q", in.show(written), in.BasePath)
		}
		rel := strings.TrimPrefix(p, in.BasePath)
		if rel == "" || strings.HasSuffix(rel, "/") {
			rel += "index.html"
		}
		target = rel
	}
	if !in.Files[target] {
		if in.Files[target+"/index.html"] {
			return diag.Messagef("link %s lacks its trailing \"/\"", in.show(written))
		}
		if src, ok := in.Drafts[target]; ok {
			return diag.Messagef("link %s goes to %s, which is a draft or not yet published", in.show(written), src)
		}
		if l.image {
			return diag.Messagef("image %s does not exist", in.show(written))
		}
		if isDocument(u.Path) && strings.HasPrefix(written, "/") {
			return diag.Messagef("document %s does not exist: put the file into content/static%s/, or correct the link", in.show(written), path.Dir(strings.Trim(in.show(u.Path), `"`)))
		}
		if isDocument(u.Path) && path.Base(src) == "index.md" {
			return diag.Messagef("document %s does not exist: put the file next to the document's index.md, or correct the link", in.show(written))
		}
		if isDocument(u.Path) {
			// Only a document folder has files beside it.
			return diag.Messagef("document %s does not exist: put the file into content/static/ and link it as %q, or correct the link", in.show(written), "/"+path.Base(u.Path))
		}
		return diag.Messagef("link %s goes to a page that does not exist", in.show(written))
	}
	if u.Fragment != "" {
		p := pages[target]
		if p == nil || !p.ids[u.Fragment] {
			return diag.Messagef("link %s goes to an anchor #%s that the page does not have", in.show(written), u.Fragment)
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
