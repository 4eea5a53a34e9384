// Package site assembles a whole site: it loads the configuration, the
// self-check and the articles, checks them against each other, and renders
// every page, feed, data file, the search index and the assets. It hands
// each file to a callback (RenderTo), or collects them in memory (Render);
// it writes nothing to disk itself; package publish does that.
//
// Templates, CSS, the site's scripts and the UI texts come from the
// templates directory:
//
//	templates/layout.html        the frame of every page: the head
//	templates/<kind>.html        one per page kind: home, fields, field, rounds,
//	                             round, articles, article, page, method, data,
//	                             measures, measure, search, 404; each defines
//	                             "main"
//	templates/embed.html         an embed page of a chart, a field or the
//	                             overview: a document of its own, without
//	                             the layout, for iframes on other websites
//	templates/partials/*.html    shared pieces: "header" and "footer"
//	                             (chrome.html), the chart figure, lists
//	templates/i18n/<lang>.toml   UI texts, month names and URL paths per language
//	templates/assets/*           CSS, JavaScript and images, copied to /assets/
//	templates/bundle/charts.js   the entry of the chart runtime that npm ci bundles
//
// Templates may call t and tf (UI texts), url and abs (site paths), asset
// (an asset's URL with its content hash), date, pct, signed, status, md
// (Markdown from TOML values), level and chrome.
//
// The search index holds the text that each page shows in its main
// element, whatever its kind, except the lists of other pages (home,
// fields, rounds, articles, tags), the search page and the 404 page. Left
// out are the h1, which is the entry's title, nav, svg and script
// elements, and every element with the attribute data-nosearch, such as
// the questions of a field page, which have entries of their own.
package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	goruntime "runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/language"

	"offenbar/generator/card"
	"offenbar/generator/chart"
	"offenbar/generator/config"
	"offenbar/generator/content"
	"offenbar/generator/diag"
	"offenbar/generator/event"
	"offenbar/generator/measure"
	"offenbar/generator/opendata"
	"offenbar/generator/picture"
	"offenbar/generator/scaffold"
	"offenbar/generator/selfcheck"
	"offenbar/generator/workers"
)

// TemplatesDir is the templates directory inside the site directory.
const TemplatesDir = "templates"

// StaticDir holds files that are published as they are, such as documents:
// content/static/bilder/rathaus.jpg is published as /bilder/rathaus.jpg.
// Photos (JPEG and PNG) are published as package picture makes them. Only
// the types of content.PublishedTypes are published, and no dot-file.
const StaticDir = "content/static"

func loadStatic(src fs.FS, errs diag.List) (map[string][]byte, diag.List) {
	files := map[string][]byte{}
	err := fs.WalkDir(src, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, StaticDir+"/")
		// Dot-files and dot-folders are never published (content.Hidden).
		if p != StaticDir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if badName(name) {
			errs.Errorf(diag.Pos{Path: p}, "file name %q contains a backslash or a control character; rename it", name)
			return nil
		}
		b, err := fs.ReadFile(src, p)
		if err != nil {
			errs.Errorf(diag.Pos{Path: p}, "%s", diag.ReadError(err))
			return nil
		}
		files[name] = b
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs.Errorf(diag.Pos{Path: StaticDir}, "%s", diag.ReadError(err))
	}
	return files, errs
}

// badName reports whether a file name has a backslash or a control
// character, such as a newline or ESC, which no URL and no terminal should
// get.
func badName(name string) bool {
	return strings.ContainsFunc(name, func(r rune) bool { return r == '\\' || unicode.IsControl(r) })
}

// Options steer a build.
type Options struct {
	Visibility content.Visibility
	// Templates replaces the site's own templates directory when set.
	Templates fs.FS
	// Runtime is the ECharts runtime, copied to /assets/echarts.min.js.
	// Without it, charts are SVG only and no page offers the interactive
	// version.
	Runtime []byte
	// Markdown, when set, keeps rendered Markdown between builds (serve).
	Markdown *content.Cache
	// Pages, when set, keeps rendered pages between builds (serve).
	Pages *PageCache
	// Images keeps resized photos between builds; nil resizes every time.
	Images *picture.Cache
	// AllowPlaceholders reports placeholders left from init as warnings
	// instead of errors, as serve and previews do.
	AllowPlaceholders bool
	// Preview marks every page as a preview with a banner and keeps search
	// engines out (robots meta and robots.txt).
	Preview bool
	// BaseURL, when set, replaces site.toml's base_url, such as for a
	// preview published at another address.
	BaseURL string
	// Cards draws the preview images for social media; without it, pages
	// have none.
	Cards *card.Drawer
}

// Site is everything a build needs, loaded and checked.
type Site struct {
	Config   *config.Site
	Model    *selfcheck.Model
	Docs     []*content.Doc // the published articles and pages
	Measures []*measure.Measure
	// measureIDs names every measure file, also one that did not load, for
	// checking what other content names.
	measureIDs []string
	Drafts     []*content.Doc // documents left out by Visibility
	// Events are the published events, by start; drafts are left out
	// unless Visibility publishes drafts.
	Events      []*event.Event
	Lang        *Lang
	md          *content.Markdown
	opts        Options
	tmpl        *templates
	assets      map[string][]byte // name below /assets/ -> content
	files       map[string]file   // files of StaticDir and document folders, by output path
	images      map[string]*published
	mediaDigest string
	ogPhotos    map[string]*OGImage // an article's preview photo, by the path of its file
	assetURLs   sync.Map            // asset name -> URL with content hash
	chromeCache sync.Map            // header and footer HTML, see chrome
	navOnce     sync.Once
	nav         map[string]bool
	tmplPath    string
	theme       layers // the site's own templates over the built-in ones

	// Prefix is "" for the default language and "/en" for a further
	// language; Others are the further languages' sites, and root is the
	// default language's site, which every other one shares content with.
	Prefix string
	Others []*Site
	root   *Site
	// translation is a further language's translation of the self-check,
	// and german the texts it leaves German; with no translation, german
	// is nil and every text of the content is German.
	translation *selfcheck.Translation
	german      map[string]bool
	stale       bool   // the German texts changed since translation
	modelHash   string // selfcheck.SourceHash of the default language's model
}

// Root is the site of the default language.
func (s *Site) Root() *Site {
	if s.root != nil {
		return s.root
	}
	return s
}

// Preview reports whether the site is built as a preview.
func (s *Site) Preview() bool { return s.opts.Preview }

// Interactive reports whether the site has the chart runtime, so that its
// pages offer an interactive version of each chart. Without it, as from a
// binary built without the runtime and a site without node_modules, the
// charts are published as SVG alone.
func (s *Site) Interactive() bool { return s.opts.Runtime != nil }

// Charted reports whether the site has charts: a round to show.
func (s *Site) Charted() bool { return s.Model != nil && len(s.Model.Rounds) > 0 }

// Multilingual reports whether the site has more than one language.
func (s *Site) Multilingual() bool { return len(s.Root().Others) > 0 }

// Load reads and checks the site in src. It returns every problem found.
// Placeholders left from init are errors, or warnings with
// opts.AllowPlaceholders; either way they stop no other check.
func Load(src fs.FS, opts Options) (*Site, diag.List) {
	var placeholders diag.List
	s, errs := load(src, opts, &placeholders)
	if opts.AllowPlaceholders {
		placeholders.AllowPlaceholders()
	}
	errs.Add(placeholders)
	return s, errs
}

func load(src fs.FS, opts Options, placeholders *diag.List) (*Site, diag.List) {
	var errs diag.List
	cfg, cerrs := config.Load(src)
	placeholders.Add(cerrs.SplitPlaceholders())
	errs.Add(cerrs)
	if cfg != nil && opts.BaseURL != "" && !cerrs.HasErrors() {
		if err := cfg.OverrideBaseURL(opts.BaseURL); err != nil {
			errs.Errorf(diag.Pos{}, "%v", err)
		}
	}
	model, merrs := selfcheck.Load(src)
	placeholders.Add(merrs.SplitPlaceholders())
	errs.Add(merrs)
	docs, derrs := content.Load(src)
	placeholders.Add(derrs.SplitPlaceholders())
	errs.Add(derrs)
	var zone *time.Location
	if cfg != nil {
		zone = cfg.Location
	}
	events, eerrs := event.Load(src, zone)
	placeholders.Add(eerrs.SplitPlaceholders())
	errs.Add(eerrs)
	measures, mserrs := measure.Load(src)
	placeholders.Add(mserrs.SplitPlaceholders())
	errs.Add(mserrs)
	for _, ci := range scaffold.CIFiles {
		if b, err := fs.ReadFile(src, ci); err == nil {
			placeholders.Placeholders(ci, b, 0)
		}
	}

	if model != nil && !opts.Visibility.Drafts {
		model = model.WithoutDrafts()
	}
	s := &Site{Config: cfg, Model: model, Measures: measures, measureIDs: measure.IDs(src), opts: opts, tmplPath: TemplatesDir}
	tfs, terr := siteTheme(src, opts)
	if terr != nil {
		errs.Errorf(diag.Pos{Path: TemplatesDir}, "cannot open templates: %v", terr)
		return s, errs
	}
	s.theme = tfs
	errs.Add(checkOverrides(tfs, TemplatesDir))
	if cfg != nil && cfg.Base != nil && validTag(cfg.Language) {
		lang, lerrs := loadLang(tfs, TemplatesDir, cfg.Language)
		errs.Add(lerrs)
		s.Lang = lang
		s.md = content.NewMarkdown(content.Options{BasePath: cfg.BasePath, AllowHTML: cfg.AllowHTML, Lang: cfg.Language, Cache: opts.Markdown})
	}
	if s.Lang == nil {
		return s, errs
	}
	if len(docs) == 0 && len(events) == 0 && model == nil && len(measures) == 0 && !merrs.HasErrors() && !derrs.HasErrors() && !eerrs.HasErrors() && !mserrs.HasErrors() {
		errs.Errorf(diag.Pos{Path: "content"}, "no content: add articles under %s, pages under %s or a self-check under %s", content.ArticlesDir, content.PagesDir, selfcheck.Dir)
	}
	// Field slugs can only be checked against an instrument that loaded.
	if model != nil || !merrs.HasErrors() {
		s.checkDocs(docs, &errs)
		errs.Add(measure.Check(measures, model, cfg.Languages, opts.Visibility.Now))
		refs := s.eventRefs(docs)
		// An article whose file has a mistake is reported there, and is
		// still an article that a report may name.
		for name, slug := range content.ArticleNames(src) {
			if _, ok := refs.Articles[name]; !ok {
				refs.Articles[name] = slug
			}
		}
		errs.Add(event.Check(events, refs, cfg.Languages, opts.Visibility.Now))
	}
	for _, e := range events {
		if !e.Draft || opts.Visibility.Drafts {
			s.Events = append(s.Events, e)
		}
	}
	if errs.HasErrors() {
		return s, errs
	}
	errs.Add(s.checkStatement(docs, opts.Visibility.Now))
	s.checkTranslations(docs, &errs)
	for _, d := range docs {
		if opts.Visibility.Visible(d) {
			s.Docs = append(s.Docs, d)
		} else {
			s.Drafts = append(s.Drafts, d)
			checkFuture(d, opts.Visibility, &errs)
		}
	}
	tmpl, terrs := loadTemplates(tfs, TemplatesDir, s)
	errs.Add(terrs)
	s.tmpl = tmpl
	assets, aerrs := loadAssets(tfs, TemplatesDir)
	errs.Add(aerrs)
	if _, ok := assets[ChartStyles]; ok {
		errs.Errorf(diag.Pos{Path: TemplatesDir + "/assets/" + ChartStyles}, "%s is written by the build from the [chart] colours of site.toml; rename this file", ChartStyles)
	}
	assets[ChartStyles] = []byte(chart.Stylesheet(cfg.Chart.Palette, cfg.Chart.DarkPalette))
	s.assets = assets
	static, serrs := loadStatic(src, diag.List{})
	errs.Add(serrs)
	s.loadMedia(src, static, &errs)
	s.md = content.NewMarkdown(content.Options{BasePath: cfg.BasePath, AllowHTML: cfg.AllowHTML, Lang: cfg.Language, Cache: opts.Markdown, Media: media{s: s}, MediaDigest: s.mediaDigest})
	if s.Model != nil && len(s.Model.Rounds) == 0 {
		// A new town previews its questions before the first round.
		errs.Warnf(diag.Pos{Path: selfcheck.Dir + "/" + selfcheck.RoundsDir}, "no round published yet: the site shows the questions without answers, scores or open data until the first round is here (offenbar new round ID starts one)")
	}
	s.checkContacts(&errs)
	if s.Model != nil && len(s.Model.Rounds) > 0 {
		cfg.CheckAttribution(&errs)
		s.checkRoundIDs(&errs)
	}
	// The further languages are independent of each other: load them side
	// by side, and keep them in the order of site.toml.
	if s.Model != nil {
		s.modelHash = selfcheck.SourceHash(s.Model)
	}
	others := make([]*Site, len(cfg.Languages))
	lerrs := make([]diag.List, len(cfg.Languages))
	workers.ForEach(len(cfg.Languages), func(i int) {
		others[i], lerrs[i] = s.language(src, tfs, cfg.Languages[i], cfg.Doc.ValuePos(fmt.Sprintf("languages[%d]", i)))
	})
	for i, ls := range others {
		placeholders.Add(lerrs[i].SplitPlaceholders())
		errs.Add(lerrs[i])
		if ls != nil {
			s.Others = append(s.Others, ls)
		}
	}
	return s, errs
}

// language makes the site of a further language: the same content, its own
// UI texts, templates and URL prefix.
func (s *Site) language(src, tfs fs.FS, code string, at diag.Pos) (*Site, diag.List) {
	var errs diag.List
	lang, lerrs := loadLang(tfs, TemplatesDir, code)
	if lang == nil {
		for _, p := range lerrs.Problems() {
			errs.Errorf(at, "%v", &p.Message)
		}
		return nil, errs
	}
	errs.Add(lerrs)
	// Every text of the default language must be there: a page must never
	// show a key instead of a text.
	for _, table := range []struct {
		name      string
		have, own []string
	}{{"text", slices.Sorted(maps.Keys(s.Lang.Text)), slices.Sorted(maps.Keys(lang.Text))}, {"status", slices.Sorted(maps.Keys(s.Lang.Status)), slices.Sorted(maps.Keys(lang.Status))}} {
		var missing []string
		for _, key := range table.have {
			if !slices.Contains(table.own, key) {
				missing = append(missing, strconv.Quote(key))
			}
		}
		if len(missing) > 0 {
			some := strings.Join(missing[:min(3, len(missing))], ", ")
			if len(missing) > 3 {
				some += " …"
			}
			errs.Errorf(lang.pos(table.name), "%v", diag.Countf(len(missing), "[%s] lacks %d text that %s has, such as %s; translate it into %q", "[%s] lacks %d texts that %s has, such as %s; translate them into %q", table.name, len(missing), TemplatesDir+"/i18n/"+s.Lang.Code+".toml", some, code))
		}
	}
	cfg := s.Config.In(code)
	ls := &Site{Config: cfg, Model: s.Model, Docs: s.Docs, Drafts: s.Drafts, Measures: s.Measures, Lang: lang, opts: s.opts, assets: s.assets,
		files: s.files, images: s.images, mediaDigest: s.mediaDigest, tmplPath: s.tmplPath, theme: s.theme, Prefix: "/" + code, root: s}
	ls.md = content.NewMarkdown(content.Options{BasePath: cfg.BasePath, AllowHTML: cfg.AllowHTML, Lang: cfg.Language, Cache: s.opts.Markdown, Media: media{s: s, absolute: true}, MediaDigest: s.mediaDigest + " absolute"})
	if s.Model != nil {
		tr, terrs := selfcheck.LoadTranslation(src, s.Model, code)
		placeholders := terrs.SplitPlaceholders() // see Load
		errs.Add(terrs)
		errs.Add(placeholders)
		if tr != nil && !terrs.HasErrors() {
			ls.Model, ls.german = tr.Apply(s.Model)
			ls.translation = tr
			if h := s.modelHash; tr.Source != "" && tr.Source != h {
				errs.Warnf(tr.Doc.ValuePos("source"), "translation may be outdated: the German texts in %s have changed since it was translated; bring it up to date and set source = %q", selfcheck.Dir, h)
			}
		}
	}
	if ls.translation != nil && ls.translation.Source != "" {
		ls.stale = ls.translation.Source != s.modelHash
	}
	// The default language's templates, with this language's functions:
	// parsing them again would take longer.
	tmpl, err := s.tmpl.forSite(ls)
	if err != nil {
		errs.Errorf(diag.Pos{Path: TemplatesDir}, "%v", err)
	}
	ls.tmpl = tmpl
	return ls, errs
}

// checkTranslations reports translations into languages the site does not
// have, translations left as a copy of the original, and translations whose
// original changed since: those still build, with a notice on the page.
func (s *Site) checkTranslations(docs []*content.Doc, errs *diag.List) {
	langs := s.Config.Languages
	for _, d := range docs {
		for _, code := range slices.Sorted(maps.Keys(d.Translations)) {
			tr := d.Translations[code]
			if !slices.Contains(langs, code) {
				errs.Errorf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "translation into %q, which languages in site.toml does not list; add it there, or remove the file", code)
				continue
			}
			if body := bytes.TrimSpace(tr.Body); len(body) > 0 && bytes.Equal(body, bytes.TrimSpace(d.Body)) {
				errs.Warnf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "this translation into %q is an unchanged copy of %s: translate its text, or remove the file, and the page shows the original with a notice", code, d.Path)
				continue
			}
			if tr.Source != "" && tr.Source != d.Hash {
				errs.Warnf(tr.Meta.ValuePos("source"), "translation may be outdated: %s has changed since it was translated; bring the translation up to date and set source = %q", d.Path, d.Hash)
			}
		}
	}
}

// checkFuture warns about a document left out because its date lies ahead:
// a typo in the year would otherwise make it vanish without a word. A
// draft, or a publishDate set on purpose, is left out as asked.
func checkFuture(d *content.Doc, v content.Visibility, errs *diag.List) {
	if d.Draft || v.Future || !d.Date.After(v.Now) {
		return
	}
	day := d.Date.ISO()
	if d.Date.HasClock {
		day = d.Date.Format("2006-01-02 15:04 MST")
	}
	errs.Warnf(d.Meta.ValuePos("date"), "dated in the future: not published before %s; to publish it now, correct the date or build with --future", day)
}

// validTag reports whether code is a BCP 47 language tag; config reports
// it when it is not.
func validTag(code string) bool {
	_, err := language.Parse(code)
	return err == nil
}

// Build loads and renders the site in src.
func Build(src fs.FS, opts Options) (*Output, diag.List) {
	s, errs := Load(src, opts)
	if errs.HasErrors() {
		return nil, errs
	}
	out, rerrs := s.Render()
	errs.Add(rerrs)
	if errs.HasErrors() {
		return nil, errs
	}
	return out, errs
}

// RuntimeBundle is the chart runtime that `npm ci` bundles (see
// templates/bundle/charts.js), and RuntimeFull the complete ECharts build,
// used when the bundle is missing.
const (
	RuntimeBundle = "node_modules/.offenbar/echarts.min.js"
	RuntimeFull   = "node_modules/echarts/dist/echarts.min.js"
)

// ChartStyles is the stylesheet below /assets/ with the series colours of
// the charts, which the build writes from the [chart] table of site.toml.
const ChartStyles = "charts.css"

// FindRuntime returns the chart runtime of the site in dir, or nil when
// there is none: the bundle or the full ECharts build in the site's own
// node_modules first, then the runtime compiled into a release binary, then
// the one in node_modules of the generator's source tree, which `go run`
// builds from. Folders above the site are never searched: a file planted
// in node_modules of a shared folder, such as the system's temp folder,
// would otherwise be published and loaded by every page.
func FindRuntime(dir string) []byte {
	if b := readRuntime(dir); b != nil {
		return b
	}
	if embeddedRuntime != nil {
		return embeddedRuntime
	}
	if src := sourceTree(); src != "" {
		return readRuntime(src)
	}
	return nil
}

// readRuntime reads the bundle or the full build below the folder dir.
func readRuntime(dir string) []byte {
	for _, name := range []string{RuntimeBundle, RuntimeFull} {
		if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
			return b
		}
	}
	return nil
}

// sourceTree is the folder of the generator's go.mod when the program runs
// from the source it was compiled from (go run, go test), and "" for a
// binary built elsewhere or with -trimpath.
func sourceTree() string {
	_, file, _, ok := goruntime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	root := filepath.Dir(filepath.Dir(filepath.Dir(file))) // generator/site/site.go
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return ""
	}
	return root
}

// FindUp reads the file at the slash path name below the first of dirs, or
// of their parents, that has it, such as node_modules/axe-core/axe.min.js;
// it returns nil when none has.
func FindUp(name string, dirs ...string) []byte {
	for _, start := range dirs {
		dir, err := filepath.Abs(start)
		if err != nil {
			continue
		}
		for {
			if b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name))); err == nil {
				return b
			}
			parent := filepath.Dir(dir)
			if parent == dir {
				break
			}
			dir = parent
		}
	}
	return nil
}

// checkRoundIDs reports a round whose open data would overwrite a file of
// another round or of the data section, such as a round "2024-scores" next
// to a round "2024".
func (s *Site) checkRoundIDs(errs *diag.List) {
	var ids []string
	for _, r := range s.Model.Rounds {
		ids = append(ids, r.ID)
	}
	for _, r := range s.Model.Rounds {
		if n := opendata.Clash(r.ID, ids); n != "" && r.Doc != nil {
			errs.Errorf(diag.Pos{Path: r.Doc.Path}, "the round %q would publish its open data as %s, which another file of the data section has: rename the round file", r.ID, n)
		}
	}
}

// checkDocs checks what documents refer to outside themselves.
func (s *Site) checkDocs(docs []*content.Doc, errs *diag.List) {
	var slugs []string
	if s.Model != nil {
		for _, f := range s.Model.Instrument.Fields {
			slugs = append(slugs, f.Slug)
		}
	}
	reserved := []string{s.Lang.Paths.Fields, s.Lang.Paths.Rounds, s.Lang.Paths.Articles, s.Lang.Paths.Data, s.Lang.Paths.Method, s.Lang.Paths.Search, s.Lang.Paths.Measures, s.Lang.Paths.Events, s.Lang.Paths.Tags, "assets"}
	for _, d := range docs {
		for i, f := range d.Fields {
			if !slices.Contains(slugs, f) {
				want := strings.Join(slugs, ", ")
				if want == "" {
					want = "(the site has no self-check)"
				}
				errs.Errorf(d.Meta.ValuePos(fieldKey(i)), "unknown field slug %q, want one of: %s", f, want)
			}
		}
		for i, id := range d.Measures {
			if !slices.Contains(s.measureIDs, id) {
				errs.Errorf(d.Meta.ValuePos("measures["+itoa(i)+"]"), "unknown measure %q: there is no %s/%s.md", id, measure.Dir, id)
			}
		}
		if d.Kind == content.Page && slices.Contains(reserved, d.Slug) {
			errs.Errorf(diag.Pos{Path: d.Path}, "page name %q is taken by a section of the site; rename the file", d.Slug)
		}
	}
}

// checkContacts reports an office of site.toml's [contact] named for a
// field that the instrument does not have.
func (s *Site) checkContacts(errs *diag.List) {
	c := s.Config.Contact
	if c == nil {
		return
	}
	var slugs []string
	if s.Model != nil {
		for _, f := range s.Model.Instrument.Fields {
			slugs = append(slugs, f.Slug)
		}
	}
	want := strings.Join(slugs, ", ")
	if want == "" {
		want = "(the site has no self-check)"
	}
	for _, slug := range slices.Sorted(maps.Keys(c.Fields)) {
		if !slices.Contains(slugs, slug) {
			errs.Errorf(s.Config.Doc.Pos("contact.fields."+slug), "unknown field slug %q, want one of: %s", slug, want)
		}
	}
}

// eventRefs are the articles, fields and rounds that events may name.
func (s *Site) eventRefs(docs []*content.Doc) event.Refs {
	refs := event.Refs{Articles: map[string]string{}}
	for _, d := range docs {
		if d.Kind != content.Article {
			continue
		}
		refs.Articles[d.Slug] = d.Slug
		refs.Articles[strings.TrimSuffix(fileName(d), ".md")] = d.Slug
	}
	refs.Measures = s.measureIDs
	if s.Model != nil {
		for _, f := range s.Model.Instrument.Fields {
			refs.Fields = append(refs.Fields, f.Slug)
		}
		for _, r := range s.Model.Rounds {
			refs.Rounds = append(refs.Rounds, r.ID)
		}
	}
	return refs
}

// fileName is the file or folder name of a document, which a report may
// name instead of its slug.
func fileName(d *content.Doc) string {
	if d.Bundle != "" {
		return path.Base(d.Bundle)
	}
	return path.Base(d.Path)
}

func fieldKey(i int) string { return "fields[" + itoa(i) + "]" }
