// Package audit checks a built site in headless Chromium the way citizens
// meet it: every page, the fallback pages of untranslated articles and the
// 404 page included, in light and in dark mode, with the WCAG 2.1 A and AA rules of axe-core; and that no page asks
// another host for anything, logs an error or a Content-Security-Policy
// violation to the console, or stores anything in the browser.
//
// The files are served with the headers that the build recommends in
// _headers, so that the strict Content-Security-Policy is in force. The
// project's browser tests and `offenbar audit`, which a town's pipeline
// runs after every content change, use the same checks.
package audit

import (
	"cmp"
	"encoding/xml"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"offenbar/generator/browser"
	"offenbar/generator/diag"
	"offenbar/generator/site"
)

// Rules are the axe-core tags a page must pass: WCAG 2.0 and 2.1, levels A
// and AA, which BITV 2.0 asks for.
var Rules = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Finding is one problem on one page.
type Finding struct {
	Path   string // the page, below the site's base path, such as "/artikel/x/"
	Scheme string // "light" or "dark"
	Msg    *diag.Message
}

// Violation is what axe-core reports for one rule.
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
}

// Axe runs axe-core on the page as it is and returns the violations of
// Rules; axe is the axe-core script.
func Axe(t browser.T, p *browser.Page, axe string) []Violation {
	t.Helper()
	var ok bool
	p.Eval(t, axe+";true", &ok)
	var vs []Violation
	p.EvalAsync(t, `axe.run(document, {runOnly: {type: "tag", values: `+jsStrings(Rules)+`}}).then(r =>
	r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(" ") + " " + n.html.slice(0, 120))})))`, &vs)
	return vs
}

func jsStrings(ss []string) string {
	return `["` + strings.Join(ss, `", "`) + `"]`
}

// Pages opens each path below base in light and in dark mode, each in its
// own tab at the same time, and checks it. It returns the number of page
// visits and what it found, light mode first.
func Pages(t browser.T, b *browser.Browser, base string, paths []string, axe string) (visits int, found []Finding) {
	t.Helper()
	schemes := []string{"light", "dark"}
	counts := make([]int, len(schemes))
	results := make([][]Finding, len(schemes))
	errs := make([]error, len(schemes))
	var wg sync.WaitGroup
	for i, scheme := range schemes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = catch(func() {
				counts[i], results[i] = inScheme(child{parent: t}, b, base, paths, axe, scheme)
			})
		}()
	}
	wg.Wait()
	for i := range schemes {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		visits += counts[i]
		found = append(found, results[i]...)
	}
	return visits, found
}

// inScheme checks each path in one colour scheme, in a tab of its own.
func inScheme(t browser.T, b *browser.Browser, base string, paths []string, axe, scheme string) (visits int, found []Finding) {
	p := b.Open(t, 1280, 900, true)
	p.Media(t, "prefers-color-scheme", scheme)
	for _, path := range paths {
		add := func(m *diag.Message) { found = append(found, Finding{Path: path, Scheme: scheme, Msg: m}) }
		v := p.Go(t, base+path)
		visits++
		for _, r := range browser.Foreign(v.Requests, base) {
			add(diag.Messagef("the page asks another host for %s", r))
		}
		for _, c := range v.Console {
			add(diag.Messagef("the browser console says: %s", c))
		}
		for _, x := range Axe(t, p, axe) {
			add(diag.Messagef("axe-core rule %s (%s): %s; on %s", x.ID, x.Impact, strings.TrimSuffix(x.Help, "."), strings.Join(x.Nodes, "; ")))
		}
		var storage struct {
			Cookie string `json:"cookie"`
			Local  int    `json:"local"`
			Sess   int    `json:"session"`
		}
		p.Eval(t, `({cookie: document.cookie, local: localStorage.length, session: sessionStorage.length})`, &storage)
		if storage.Cookie != "" || storage.Local != 0 || storage.Sess != 0 {
			add(diag.Messagef("the page stores data in the browser: cookie %q, %d items in localStorage, %d in sessionStorage", storage.Cookie, storage.Local, storage.Sess))
		}
	}
	return visits, found
}

// Handler serves the built site in dir with the headers of its _headers
// file: those of "/*" on every response, those of a folder such as
// "/einbetten/*" on the paths below it, and those of a path on that path;
// where several name a header, the most specific one wins, as on Netlify.
// A path is matched as the handler sees it and as the client asked for
// it, so that a site served below its base path by http.StripPrefix gets
// the headers its _headers names with that path.
func Handler(dir string) (http.Handler, error) {
	b, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		return nil, diag.Messagef("%s has no _headers file; is it a site that offenbar built?", dir)
	}
	blocks := ParseHeaders(b)
	if blocks["/*"].Get("Content-Security-Policy") == "" {
		return nil, diag.Messagef("%s/_headers has no Content-Security-Policy for /*", dir)
	}
	files := http.FileServer(http.Dir(dir))
	// Wildcards from the shortest to the longest, then exact paths.
	patterns := slices.SortedFunc(maps.Keys(blocks), func(a, b string) int {
		aw, bw := strings.HasSuffix(a, "*"), strings.HasSuffix(b, "*")
		if aw != bw {
			if aw {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked, _, _ := strings.Cut(r.RequestURI, "?")
		for _, pat := range patterns {
			match := false
			for _, p := range []string{r.URL.Path, asked} {
				prefix, wild := strings.CutSuffix(pat, "*")
				match = match || p == pat || wild && strings.HasPrefix(p, prefix)
			}
			if match {
				for k, v := range blocks[pat] {
					w.Header()[k] = v
				}
			}
		}
		files.ServeHTTP(w, r)
	}), nil
}

// ParseHeaders reads a _headers file: blocks of header lines, each under
// the path it applies to, "/*" for every path.
func ParseHeaders(b []byte) map[string]http.Header {
	blocks := map[string]http.Header{}
	var cur http.Header
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "/"):
			cur = http.Header{}
			blocks[strings.TrimSpace(line)] = cur
		case cur != nil && strings.TrimSpace(line) != "":
			if k, v, ok := strings.Cut(strings.TrimSpace(line), ": "); ok {
				cur.Set(k, v)
			}
		}
	}
	return blocks
}

// SitemapPaths returns the path of every URL in a sitemap, below basePath
// (such as "/" or "/weltoffen/"), each starting with "/".
func SitemapPaths(sitemap []byte, basePath string) ([]string, error) {
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(sitemap, &sm); err != nil {
		return nil, fmt.Errorf("sitemap.xml: %w", err)
	}
	prefix := strings.TrimSuffix(basePath, "/")
	var paths []string
	for _, u := range sm.URLs {
		pu, err := url.Parse(u.Loc)
		if err != nil {
			return nil, fmt.Errorf("sitemap.xml: %w", err)
		}
		paths = append(paths, strings.TrimPrefix(pu.Path, prefix))
	}
	return paths, nil
}

// PagePaths returns the path of every page of a built site: each
// index.html, as "/" or "/handlungsfelder/", sorted. Besides the sitemap's
// URLs these are the fallback pages, which show an untranslated original
// under another language and are left out of the sitemap.
func PagePaths(fsys fs.FS) ([]string, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && path.Base(p) == "index.html" {
			paths = append(paths, strings.TrimSuffix("/"+p, "index.html"))
		}
		return nil
	})
	slices.Sort(paths)
	return paths, err
}

// AxeScript is where npm installs axe-core.
const AxeScript = "node_modules/axe-core/axe.min.js"

// FindAxe returns the axe-core script: from node_modules below one of dirs
// or their parents, else the one compiled into a release binary, else nil.
func FindAxe(dirs ...string) []byte {
	if b := site.FindUp(AxeScript, dirs...); b != nil {
		return b
	}
	return embeddedAxe
}

// InLanguage returns the axe-core script set up to describe what it finds
// in the language code, when axe-core has a locale for it (de, ru and
// others) among dirs as FindAxe looks, or in a release binary; else the
// script as it is, which speaks English.
func InLanguage(axe []byte, code string, dirs ...string) string {
	if code == "" || code == "en" || strings.ContainsAny(code, "/\\.") {
		return string(axe)
	}
	name := "node_modules/axe-core/locales/" + code + ".json"
	locale := site.FindUp(name, dirs...)
	if locale == nil {
		locale, _ = embeddedLocales.ReadFile("runtime/locales/" + code + ".json")
	}
	if locale == nil {
		return string(axe)
	}
	return string(axe) + ";axe.configure({locale: " + string(locale) + "})"
}
