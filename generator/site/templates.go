package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"offenbar/generator/diag"
	"offenbar/generator/selfcheck"
	"offenbar/generator/tomldoc"
)

// Kinds are the page templates besides layout.html and the partials.
var Kinds = []string{"home", "fields", "field", "rounds", "round", "articles", "article", "tags", "tag", "page", "method", "data", "measures", "measure", "search", "404", "events", "event", "embed"}

type templates struct {
	byKind map[string]*template.Template
	dir    string
	hash   []byte // of every template source, for the page cache
}

var tmplErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateProblem positions a template error at the template's own file.
func templateProblem(dir string, err error) (diag.Pos, string) {
	msg := err.Error()
	if m := tmplErrRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		return diag.Pos{Path: dir + "/" + m[1], Line: line, Col: col}, m[4]
	}
	return diag.Pos{Path: dir}, strings.TrimPrefix(msg, "template: ")
}

func loadTemplates(tfs fs.FS, dir string, s *Site) (*templates, diag.List) {
	var errs diag.List
	base := template.New("layout.html").Funcs(s.funcs())
	h := sha256.New()
	read := func(name string) (string, bool) {
		b, err := fs.ReadFile(tfs, name)
		if err != nil {
			errs.Errorf(diag.Pos{Path: dir + "/" + name}, "cannot read template: %v", err)
			return "", false
		}
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
		return string(b), true
	}
	if src, ok := read("layout.html"); ok {
		if _, err := base.Parse(src); err != nil {
			p, msg := templateProblem(dir, err)
			errs.Errorf(p, "%s", msg)
		}
	}
	partials, _ := fs.Glob(tfs, "partials/*.html")
	for _, name := range partials {
		src, ok := read(name)
		if !ok {
			continue
		}
		if _, err := base.New(name).Parse(src); err != nil {
			p, msg := templateProblem(dir, err)
			errs.Errorf(p, "%s", msg)
		}
	}
	if errs.HasErrors() {
		return nil, errs
	}
	t := &templates{byKind: map[string]*template.Template{}, dir: dir}
	defer func() { t.hash = h.Sum(nil) }()
	for _, kind := range Kinds {
		name := kind + ".html"
		src, ok := read(name)
		if !ok {
			continue
		}
		clone := template.Must(base.Clone())
		if _, err := clone.New(name).Parse(src); err != nil {
			p, msg := templateProblem(dir, err)
			errs.Errorf(p, "%s", msg)
			continue
		}
		t.byKind[kind] = clone
	}
	return t, errs
}

// forSite returns the templates with the functions of site s, which texts
// and links of another language need. It must be called before any of t is
// executed.
func (t *templates) forSite(s *Site) (*templates, error) {
	if t == nil {
		return nil, nil
	}
	out := &templates{byKind: map[string]*template.Template{}, dir: t.dir, hash: t.hash}
	funcs := s.funcs()
	for kind, tmpl := range t.byKind {
		c, err := tmpl.Clone()
		if err != nil {
			return nil, err
		}
		out.byKind[kind] = c.Funcs(funcs)
	}
	return out, nil
}

// pageBuffers keep the buffers that pages are rendered into: a page has
// tens of kilobytes, and growing a new buffer for each of many thousand
// pages made a third of a large build's garbage.
var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// execute renders page with the template of its kind.
func (t *templates) execute(kind string, page any) ([]byte, error) {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 { // a rare huge page does not stay
			buf.Reset()
			pageBuffers.Put(buf)
		}
	}()
	// An embed page is a document of its own, without the layout's
	// header, menu and footer.
	root := "layout.html"
	if kind == "embed" {
		root = "embed.html"
	}
	if err := t.byKind[kind].ExecuteTemplate(buf, root, page); err != nil {
		return nil, err
	}
	return bytes.Clone(buf.Bytes()), nil
}

func loadAssets(tfs fs.FS, dir string) (map[string][]byte, diag.List) {
	var errs diag.List
	assets := map[string][]byte{}
	err := fs.WalkDir(tfs, "assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := fs.ReadFile(tfs, p)
		if err != nil {
			return err
		}
		assets[strings.TrimPrefix(p, "assets/")] = b
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Errorf(diag.Pos{Path: dir + "/assets"}, "cannot read assets: %v", err)
	}
	return assets, errs
}

func hash8(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:4])
}

func (s *Site) funcs() template.FuncMap {
	return template.FuncMap{
		"t":  s.Lang.T,
		"tf": s.Lang.Tf,
		"date": func(d tomldoc.Date) string {
			return s.Lang.Date(d.Time)
		},
		"url": s.Config.URL,
		"abs": s.Config.AbsURL,
		// asset returns the URL of a file below /assets/ with a content hash,
		// so browsers fetch a changed file at once.
		"asset":  s.assetURL,
		"md":     func(src string) template.HTML { return s.md.RenderString(src) },
		"chrome": s.chrome,
		// tx writes a text of the content. On a page in another language
		// than the content's, it is marked as German (WCAG 3.1.2).
		"tx":     s.contentText,
		"langof": s.langOf,
		"de":     s.germanText,
		// untranslated reports whether an article or page is shown in the
		// default language on this language's pages; contentlang marks an
		// element that holds it, and doclang names its language in the
		// reader's, for lists that show it.
		"untranslated": func(d *DocView) bool { return s.root != nil && !d.Translated() },
		"contentlang":  s.ContentLang,
		"doclang":      s.docLanguage,
		// column describes a column of an open-data table: by its text for
		// that table, such as column_scores_skipped, or else by the text
		// that all tables share.
		// On a page whose language writes other digits than the Latin
		// ones, a value in it kept as written, such as "2024/fairer-zugang/2"
		// or "Beschluss 2024/117", is isolated and marked translate="no".
		"column": func(table, col string) (template.HTML, error) {
			t, ok := s.Lang.texts["column_"+table+"_"+col]
			if !ok {
				var err error
				if t, err = s.Lang.T("column_" + col); err != nil {
					return "", err
				}
			}
			return s.Lang.keptValues(t), nil
		},
		// tfhtml is tf for arguments that are HTML, such as texts marked
		// with their language: the text is escaped around them.
		"tfhtml": func(key string, args ...any) (template.HTML, error) {
			vals := make([]any, len(args))
			var marks []string
			for i, a := range args {
				vals[i] = a
				if h, ok := a.(template.HTML); ok {
					// A private-use character, which no text holds and no
					// escaping changes, stands for the HTML until then.
					vals[i] = "\ue000" + itoa(len(marks)) + "\ue001"
					marks = append(marks, string(h))
				}
			}
			t, err := s.Lang.Tf(key, vals...)
			if err != nil {
				return "", err
			}
			out := template.HTMLEscapeString(t)
			for i, m := range marks {
				out = strings.Replace(out, "\ue000"+itoa(i)+"\ue001", m, 1)
			}
			return template.HTML(out), nil
		},
		// dejoin writes texts of site.toml or the content that no
		// translation covers, such as a round's respondents, joined by sep
		// and marked as German on other languages' pages.
		"dejoin": func(texts []string, sep string) template.HTML {
			parts := make([]string, len(texts))
			for i, t := range texts {
				parts[i] = string(s.germanText(t))
			}
			return template.HTML(strings.Join(parts, template.HTMLEscapeString(sep)))
		},
		"absint": func(v int) int {
			if v < 0 {
				return -v
			}
			return v
		},
		"status": func(st selfcheck.Status) (string, error) {
			if l, ok := s.Lang.Status[string(st)]; ok {
				return l, nil
			}
			return "", fmt.Errorf("no status %q in i18n/%s.toml [status]", st, s.Lang.Code)
		},
		"pct": func(v int) (string, error) {
			if v < 0 {
				return s.Lang.T("no_score")
			}
			return s.Lang.Tf("percent", v)
		},
		"signed": func(v int) string { return signed(s.Lang, v) },
		"num":    s.Lang.Number,
		"jsonld": func(v any) (template.JS, error) {
			b, err := json.Marshal(v)
			return template.JS(b), err
		},
		// level passes a list to a partial together with the heading level
		// its items take, so that headings never skip a level.
		"level":     func(n int, items any) Leveled { return Leveled{Level: n, Items: items} },
		"join":      strings.Join,
		"contains":  slices.Contains[[]string],
		"base":      path.Base,
		"hasSuffix": strings.HasSuffix,
	}
}

// assetURL returns the URL of a file below /assets/ with a content hash, so
// that browsers fetch a changed file at once. Hashes are computed once.
func (s *Site) assetURL(name string) (string, error) {
	if u, ok := s.assetURLs.Load(name); ok {
		return u.(string), nil
	}
	b, ok := s.asset(name)
	if !ok {
		return "", fmt.Errorf("no asset %q in templates/assets", name)
	}
	u := s.Config.URL("/assets/"+name) + "?v=" + hash8(b)
	s.assetURLs.Store(name, u)
	return u, nil
}

// chrome renders the partial "head-assets", "header" or "footer" for page,
// from a cache: they are the same on thousands of pages and only differ by
// the scripts a page needs and the page the navigation marks as current.
func (s *Site) chrome(name string, p *Page) (template.HTML, error) {
	key := name
	switch {
	case name == "header" && s.navTargets()[p.Path]:
		key += " " + p.Path
	case name == "head-assets":
		key += fmt.Sprint(" ", p.Charts, p.Search, p.Embeds())
	}
	if h, ok := s.chromeCache.Load(key); ok {
		return h.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := s.tmpl.byKind[p.Kind].ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	s.chromeCache.Store(key, h)
	return h, nil
}

// navTargets are the paths that the header links to and can mark current.
func (s *Site) navTargets() map[string]bool {
	s.navOnce.Do(func() {
		s.nav = map[string]bool{s.Prefix + "/": true, s.Prefix + "/" + s.Lang.Paths.Search + "/": true}
		if s.Config.EasyLanguage != "" {
			s.nav[s.Config.EasyLanguage] = true
		}
		if s.Config.SignLanguage != "" {
			s.nav[s.Config.SignLanguage] = true
		}
		for _, m := range s.Menu() {
			s.nav[m.URL] = true
		}
	})
	return s.nav
}

// Leveled is a list for a partial, with the heading level of its items.
type Leveled struct {
	Level int
	Items any
}

// asset returns a file below /assets/: the site's own or the chart runtime.
func (s *Site) asset(name string) ([]byte, bool) {
	if name == RuntimeName {
		return s.opts.Runtime, s.opts.Runtime != nil
	}
	b, ok := s.assets[name]
	return b, ok
}

// RuntimeName is the chart runtime's name below /assets/.
const RuntimeName = "echarts.min.js"

func itoa(i int) string { return strconv.Itoa(i) }

// keptValue is a value that a text shows as written: a number in Latin
// digits with what it joins, such as an ID or a date, and a Latin word
// before it, such as "Beschluss 2024/117".
var keptValue = regexp.MustCompile(`(?:\p{Latin}+ )?[0-9](?:[0-9\p{Latin}/_-]|\.[0-9\p{Latin}])*`)

// keptValues escapes text and, when the language writes numbers with other
// digits than the Latin ones, isolates each value kept as written in
// <bdi translate="no">, so that it keeps its digits and direction.
func (l *Lang) keptValues(text string) template.HTML {
	if l.Number(0) == "0" {
		return template.HTML(template.HTMLEscapeString(text))
	}
	var b strings.Builder
	last := 0
	for _, m := range keptValue.FindAllStringIndex(text, -1) {
		b.WriteString(template.HTMLEscapeString(text[last:m[0]]))
		b.WriteString(`<bdi translate="no">` + template.HTMLEscapeString(text[m[0]:m[1]]) + `</bdi>`)
		last = m[1]
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(b.String())
}
