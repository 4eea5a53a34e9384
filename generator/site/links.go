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

// Check renders the site without writing it and reports every internal
// link, anchor and image that does not resolve, at the Markdown or template
// that holds it. Each page is scanned as soon as it is rendered and then
// let go, so checking needs no more memory than building. It returns the
// number of pages.
func (s *Site) Check() (int, diag.List) {
	var mu sync.Mutex
	files := map[string]bool{}
	pages := map[string]*linkcheck.Page{}
	out, errs := s.RenderTo(func(name string, b []byte) error {
		var p *linkcheck.Page
		if strings.HasSuffix(name, ".html") {
			p = linkcheck.Scan(b)
		}
		mu.Lock()
		defer mu.Unlock()
		files[name] = true
		if p != nil {
			pages[name] = p
		}
		return nil
	})
	if errs.HasErrors() {
		return 0, errs
	}
	errs.Add(s.checkLinks(out, files, pages))
	return out.Pages, errs
}

func (s *Site) checkLinks(out *Output, files map[string]bool, pages map[string]*linkcheck.Page) diag.List {
	in := linkcheck.Input{
		Files:    files,
		Pages:    pages,
		BasePath: s.Config.BasePath,
		Drafts:   map[string]string{},
		Template: func(page string) diag.Pos {
			return diag.Pos{Path: s.tmplPath + "/" + out.Kinds[page] + ".html"}
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
	v := out.views
	docs := append(append([]*DocView{}, v.articles...), v.pages...)
	// Finding the links parses each document again: use every core.
	links := make([][]linkcheck.Source, len(docs))
	workers.ForEach(len(docs), func(i int) {
		d := docs[i]
		for _, l := range s.md.Links(d.Body) {
			links[i] = append(links[i], linkcheck.Source{Page: outputFile(d.URL), Dest: l.Dest, Pos: diag.PosAt(d.Path, d.Body, l.Offset)})
		}
	})
	for _, l := range links {
		in.Sources = append(in.Sources, l...)
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
	for _, d := range s.Drafts {
		in.Drafts[outputFile(s.docURL(d))] = d.Path
	}
	return linkcheck.Check(in)
}
