package site

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"offenbar/generator/diag"
	"offenbar/generator/linkcheck"
	"offenbar/generator/workers"
)

// Check renders the site without writing it and returns the number of
// pages and the problems that a build would report: the same rules as
// RenderTo, which checks every link of the pages it renders.
func (s *Site) Check() (int, diag.List) {
	out, errs := s.RenderTo(func(string, []byte) error { return nil })
	if out == nil {
		return 0, errs
	}
	return out.Pages, errs
}

// linkScan collects what the link check needs of every rendered file.
// Each page is scanned as soon as it is rendered and then let go, so that
// checking needs no more memory than building.
type linkScan struct {
	mu    sync.Mutex
	files map[string]bool
	pages map[string]*linkcheck.Page
}

func newLinkScan() *linkScan {
	return &linkScan{files: map[string]bool{}, pages: map[string]*linkcheck.Page{}}
}

func (ls *linkScan) add(name string, b []byte) {
	var p *linkcheck.Page
	if strings.HasSuffix(name, ".html") {
		p = linkcheck.Scan(b)
	}
	ls.mu.Lock()
	defer ls.mu.Unlock()
	ls.files[name] = true
	if p != nil {
		ls.pages[name] = p
	}
}

// checkLinks reports every internal link, anchor and image of the rendered
// site that does not resolve, at the Markdown, TOML or template that holds
// it. views are the views of every language, the default one first.
func (s *Site) checkLinks(out *Output, all []*views, scan *linkScan) diag.List {
	files, pages := scan.files, scan.pages
	in := linkcheck.Input{
		Files:        files,
		Pages:        pages,
		BasePath:     s.Config.BasePath,
		Drafts:       map[string]string{},
		TemplatesDir: s.tmplPath,
		Template: func(page string) (string, bool) {
			name := out.Kinds[page] + ".html"
			return name, s.ownTemplate(name)
		},
	}
	// Links from site.toml stand on every page; a broken one is reported
	// once, at its key.
	cfg := s.Config
	global := map[string]string{"footer.imprint": cfg.Footer.Imprint, "footer.privacy": cfg.Footer.Privacy, "footer.accessibility": cfg.Footer.Accessibility, "easy_language": cfg.EasyLanguage, "sign_language": cfg.SignLanguage}
	for i, m := range cfg.Menu {
		global[fmt.Sprintf("menu[%d].url", i)] = m.URL
	}
	for _, key := range slices.Sorted(maps.Keys(global)) {
		if u := global[key]; u != "" {
			in.Global = append(in.Global, linkcheck.Source{Dest: cfg.URL(u), Pos: cfg.Doc.ValuePos(key)})
		}
	}
	// A further language's menu leads to its own path of a section, such
	// as /en/events/ for /termine/: a broken one is the same menu entry.
	for _, ls := range s.Others {
		for i, m := range ls.Menu() {
			if m.URL != cfg.Menu[i].URL {
				in.Global = append(in.Global, linkcheck.Source{Dest: cfg.URL(m.URL), Pos: cfg.Doc.ValuePos(fmt.Sprintf("menu[%d].url", i))})
			}
		}
	}
	// Every language's pages show the content's links: a translation's at
	// its own lines, an untranslated document's at the original's, which
	// the problem list then reports once.
	var docs []*DocView
	for _, v := range all {
		docs = append(append(docs, v.articles...), v.pages...)
	}
	// Another language shows a document at another address, so its
	// relative links are rendered as site paths (see media).
	moved := media{s: s, absolute: true}
	// Finding the links parses each document again: use every core.
	links := make([][]linkcheck.Source, len(docs))
	workers.ForEach(len(docs), func(i int) {
		d := docs[i]
		for _, l := range s.md.Links(d.Body) {
			src := linkcheck.Source{Page: outputFile(d.URL), Dest: l.Dest, Pos: diag.PosAt(d.Path, d.Body, l.Offset)}
			if d.URL != d.srcURL {
				if dest := moved.Link(d.srcURL, l.Dest); dest != "" {
					src.Dest, src.Written = dest, l.Dest
				}
			}
			links[i] = append(links[i], src)
		}
	})
	for _, l := range links {
		in.Sources = append(in.Sources, l...)
	}
	for _, v := range all {
		for _, e := range v.events {
			for _, l := range s.md.Links(e.Body) {
				src := linkcheck.Source{Page: outputFile(e.URL), Dest: l.Dest, Pos: diag.PosAt(e.path, e.Body, l.Offset)}
				if e.URL != e.srcURL {
					if dest := moved.Link(e.srcURL, l.Dest); dest != "" {
						src.Dest, src.Written = dest, l.Dest
					}
				}
				in.Sources = append(in.Sources, src)
			}
		}
	}
	// Markdown inside TOML: round summaries and workshop texts on round pages,
	// assessments on field pages.
	tomlLinks := func(page, path string, src []byte, text string) {
		at := bytes.Index(src, []byte(text))
		for _, l := range s.md.Links([]byte(text)) {
			pos := diag.Pos{Path: path}
			if at >= 0 {
				pos = diag.PosAt(path, src, at+l.Offset)
			}
			in.Sources = append(in.Sources, linkcheck.Source{Page: page, Dest: l.Dest, Pos: pos})
		}
	}
	for _, v := range all {
		for _, rv := range v.rounds {
			tomlLinks(outputFile(rv.URL), rv.Round.Doc.Path, rv.Round.Doc.Src, rv.Round.Summary)
			if rv.Round.Workshop != nil {
				tomlLinks(outputFile(rv.URL), rv.Round.Doc.Path, rv.Round.Doc.Src, rv.Round.Workshop.Description)
			}
		}
		for _, fv := range v.fields {
			if fv.Result != nil {
				r := fv.Result.Round.Round
				tomlLinks(outputFile(fv.URL), r.Doc.Path, r.Doc.Src, r.Fields[fv.Slug].Assessment)
			}
		}
	}
	for _, ls := range append([]*Site{s}, s.Others...) {
		for _, d := range s.Drafts {
			in.Drafts[outputFile(ls.docURL(d))] = d.Path
		}
	}
	return linkcheck.Check(in)
}
