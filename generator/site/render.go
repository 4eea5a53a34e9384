package site

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"offenbar/generator/content"
	"offenbar/generator/diag"
	"offenbar/generator/workers"
)

// Output is a rendered site: file paths below the output directory, with
// forward slashes, mapped to their content.
type Output struct {
	Files map[string][]byte
	Pages int               // HTML pages among Files
	Kinds map[string]string // HTML file -> the kind of page, which names its template
	// Written is the number of files rendered.
	Written int
	views   *views
}

// Render renders the whole site into memory.
func (s *Site) Render() (*Output, diag.List) {
	files := map[string][]byte{}
	var mu sync.Mutex
	out, errs := s.RenderTo(func(name string, b []byte) error {
		mu.Lock()
		files[name] = b
		mu.Unlock()
		return nil
	})
	if out != nil {
		out.Files = files
	}
	return out, errs
}

// RenderTo renders the whole site and hands every file to put as soon as it
// is ready, from several goroutines at once, so that a build can write pages
// while others are still being rendered. The Output it returns has no Files.
func (s *Site) RenderTo(put func(name string, data []byte) error) (*Output, diag.List) {
	var errs diag.List
	// Every language's views and pages first: each page links to itself in
	// the other languages.
	sites := append([]*Site{s}, s.Others...)
	views := make([]*views, len(sites))
	pagesOf := make([][]*Page, len(sites))
	cardsOf := make([][]pendingCard, len(sites))
	failed := make([]error, len(sites))
	workers.ForEach(len(sites), func(i int) {
		v, err := sites[i].buildViews()
		if err != nil {
			failed[i] = err
			return
		}
		views[i], pagesOf[i] = v, sites[i].pages(v)
		cardsOf[i] = sites[i].previews(pagesOf[i], v)
	})
	for _, err := range failed {
		if err != nil {
			p, msg := templateProblem(s.tmplPath, err)
			errs.Errorf(p, "%s", msg)
			return nil, errs
		}
	}
	alternates(sites, pagesOf)
	v := views[0]
	out := &Output{Kinds: map[string]string{}, views: v}
	var (
		mu     sync.Mutex
		names  = map[string]bool{}
		putErr error
		scan   = newLinkScan()
	)
	emit := func(name string, b []byte) {
		mu.Lock()
		names[name] = true
		mu.Unlock()
		scan.add(name, b)
		if err := put(name, b); err != nil {
			mu.Lock()
			if putErr == nil {
				putErr = err
			}
			mu.Unlock()
		}
	}
	for i, ls := range sites {
		out.Pages += ls.renderPages(pagesOf[i], out, emit, &errs)
	}
	pages := pagesOf[0]
	var cards []pendingCard
	for _, cs := range cardsOf {
		cards = append(cards, cs...)
	}
	s.drawCards(cards, emit, &errs)
	for name, b := range s.assets {
		emit("assets/"+name, b)
	}
	if s.Model != nil && len(s.Model.Rounds) > 0 {
		if s.Interactive() {
			emit("assets/"+RuntimeName, s.opts.Runtime)
		}
		files, err := s.openData(v)
		if err != nil {
			errs.Errorf(diag.Pos{Path: s.tmplPath + "/i18n/" + s.Lang.Code + ".toml"}, "cannot write the open data: %v", err)
		}
		for _, f := range files {
			emit(s.Lang.Paths.Data+"/"+f.Name, f.Data)
		}
	}
	var calendars []string
	for i, ls := range sites {
		prefix := strings.TrimPrefix(ls.Prefix+"/", "/")
		for _, name := range slices.Sorted(maps.Keys(views[i].calendars)) {
			emit(strings.TrimPrefix(name, "/"), views[i].calendars[name])
			calendars = append(calendars, name)
		}
		for _, c := range views[i].calendarErrs {
			errs.Errorf(diag.Pos{Path: c.src}, "cannot write the calendar %q: %v", c.name, c.err)
		}
		emit(prefix+ls.Lang.Paths.Search+"/index.json", ls.searchIndex(pagesOf[i]))
		emit(prefix+"feed.xml", ls.feed(views[i]))
		if views[i].measures != nil {
			emit(prefix+ls.Lang.Paths.Measures+"/feed.xml", ls.measuresFeed(views[i].measures))
		}
	}
	emit("_headers", s.headers(calendars))
	var all []*Page
	for _, ps := range pagesOf {
		all = append(all, ps...)
	}
	_ = pages
	emit("sitemap.xml", s.sitemap(all))
	if s.opts.Preview {
		emit("robots.txt", []byte("User-agent: *\nDisallow: /\n"))
	} else {
		emit("robots.txt", []byte("User-agent: *\nAllow: /\n\nSitemap: "+s.Config.AbsURL("/sitemap.xml")+"\n"))
	}
	// Files published as they are come last, so that every generated file
	// (pages, open data, feeds, search index, sitemap, _headers, robots.txt)
	// is known and none is replaced.
	for _, name := range slices.Sorted(maps.Keys(s.files)) {
		if names[name] || strings.HasPrefix(name, "assets/") {
			errs.Errorf(diag.Pos{Path: s.files[name].src}, "file %q would replace a generated file; move or rename it", name)
			continue
		}
		emit(name, s.files[name].data)
	}
	out.Written = len(names)
	if putErr != nil {
		errs.Errorf(diag.Pos{Path: "public"}, "cannot write the site: %v", putErr)
	}
	// Whatever a build publishes is checked as check checks it: one set of
	// rules for both.
	if !errs.HasErrors() {
		errs.Add(s.checkLinks(out, views, scan))
	}
	return out, errs
}

// renderPages renders the pages of one language and hands each to emit. It
// returns how many it rendered.
func (s *Site) renderPages(pages []*Page, out *Output, emit func(string, []byte), errs *diag.List) int {
	fileName := func(p *Page) string {
		if p.Kind == "404" {
			return "404.html"
		}
		return outputFile(p.Path)
	}
	for _, p := range pages {
		out.Kinds[fileName(p)] = p.Kind
	}
	// A broken template usually breaks many pages; report it once.
	type failure struct {
		pos        diag.Pos
		msg, first string
		more       int
		builtin    string // the built-in template that failed, with its line
	}
	var failures []*failure
	seen := map[string]*failure{}
	failed := make([]error, len(pages))
	var global, lists []byte
	if s.opts.Pages != nil {
		global, lists = s.siteKeys()
	}
	workers.ForEach(len(pages), func(i int) {
		name := fileName(pages[i])
		var key [32]byte
		if s.opts.Pages != nil {
			key = s.pageKey(pages[i], global, lists)
			if b, ok := s.opts.Pages.get(name, key); ok {
				pages[i].index(b)
				emit(name, b)
				return
			}
		}
		b, err := s.tmpl.execute(pages[i].Kind, pages[i])
		if err != nil {
			failed[i] = err
			return
		}
		b = s.trimPartsNotice(b)
		if s.opts.Pages != nil {
			s.opts.Pages.put(name, key, b)
		}
		pages[i].index(b)
		emit(name, b)
	})
	n := 0
	for i, p := range pages {
		if err := failed[i]; err != nil {
			pos, msg := templateProblem(s.tmplPath, err)
			key := pos.String() + msg
			if f := seen[key]; f != nil {
				f.more++
				continue
			}
			seen[key] = &failure{pos: pos, msg: msg, first: p.Path}
			// The town has no such file: the fault is offenbar's.
			if rel, ok := strings.CutPrefix(pos.Path, s.tmplPath+"/"); ok && !s.ownTemplate(rel) {
				seen[key].builtin = fmt.Sprintf("%s:%d:%d", rel, pos.Line, pos.Col)
				seen[key].pos = diag.Pos{}
			}
			failures = append(failures, seen[key])
			continue
		}
		n++
	}
	for _, f := range failures {
		if f.builtin != "" && f.more > 0 {
			errs.Errorf(f.pos, "the built-in template %s failed: %s (rendering %s and %d more pages); please report this as a fault of offenbar", f.builtin, f.msg, f.first, f.more)
			continue
		}
		if f.builtin != "" {
			errs.Errorf(f.pos, "the built-in template %s failed: %s (rendering %s); please report this as a fault of offenbar", f.builtin, f.msg, f.first)
			continue
		}
		if f.more > 0 {
			errs.Errorf(f.pos, "%v", diag.Countf(f.more, "%s (rendering %s and %d more page)", "%s (rendering %s and %d more pages)", f.msg, f.first, f.more))
		} else {
			errs.Errorf(f.pos, "%s (rendering %s)", f.msg, f.first)
		}
	}
	return n
}

func (s *Site) pages(v *views) []*Page {
	l := s.Lang
	text := func(key string) string { t, _ := l.T(key); return t }
	home := &Crumb{Title: text("home"), URL: s.Prefix + "/"}
	var pages []*Page
	add := func(p *Page) {
		p.Site = s
		if p.Key == "" {
			p.Key = p.Kind
			if p.Field != nil {
				p.Key = "field/" + p.Field.Slug
			}
			if p.Round != nil {
				p.Key = "round/" + p.Round.ID
			}
		}
		if p.Canonical == "" {
			p.Canonical = s.Config.AbsURL(p.Path)
		}
		p.OGType = "website"
		if p.Kind == "article" {
			p.OGType = "article"
		}
		if p.Description == "" {
			p.Description = s.Config.Description
		}
		pages = append(pages, p)
	}

	var latest *RoundView
	if len(v.rounds) > 0 {
		latest = v.rounds[len(v.rounds)-1]
	}
	add(&Page{Kind: "home", Path: s.Prefix + "/", Title: s.Config.Title, Description: s.Config.Description,
		Fields: v.fields, Rounds: v.rounds, Latest: latest, Overview: v.overview, Plans: v.plans, Measures: v.measures, Docs: v.articles[:min(3, len(v.articles))], Events: v.upcoming[:min(NextEvents, len(v.upcoming))], Charts: v.overview != nil})
	if s.Model != nil {
		fieldsTitle := text("fields")
		add(&Page{Kind: "fields", Path: s.sectionURL(l.Paths.Fields), Title: fieldsTitle, Fields: v.fields, Latest: latest, Crumbs: []Crumb{*home}})
		for _, fv := range v.fields {
			add(&Page{Kind: "field", Path: fv.URL, Title: fv.Title, Description: fv.Description, Field: fv, Latest: latest, Charts: len(fv.Charts) > 0,
				Crumbs: []Crumb{*home, {Title: fieldsTitle, URL: s.sectionURL(l.Paths.Fields)}}})
		}
		roundsTitle := text("rounds")
		// The list of rounds is newest first, as the news list is, and
		// numbered backwards, so that the first round is number 1.
		newest := slices.Clone(v.rounds)
		slices.Reverse(newest)
		add(&Page{Kind: "rounds", Path: s.sectionURL(l.Paths.Rounds), Title: roundsTitle, Rounds: newest, Crumbs: []Crumb{*home}})
		for _, rv := range v.rounds {
			add(&Page{Kind: "round", Path: rv.URL, Title: rv.Title, Round: rv, Fields: v.fields, Charts: len(rv.Charts) > 0,
				Crumbs: []Crumb{*home, {Title: roundsTitle, URL: s.sectionURL(l.Paths.Rounds)}}})
		}
		add(&Page{Kind: "method", Path: s.sectionURL(l.Paths.Method), Title: text("method"), Fields: v.fields, Rounds: v.rounds, Crumbs: []Crumb{*home}})
		add(&Page{Kind: "data", Path: s.sectionURL(l.Paths.Data), Title: text("data"), Description: text("data_lead"), Rounds: v.rounds, Data: s.dataView(v.rounds), Crumbs: []Crumb{*home}})
	}
	if ms := v.measures; ms != nil {
		title := text("measures")
		add(&Page{Kind: "measures", Path: ms.URL, Title: title, Description: ms.Figure, Measures: ms, Charts: true, Crumbs: []Crumb{*home}})
		for _, m := range ms.All {
			p := &Page{Kind: "measure", Key: "measure/" + m.ID, Path: m.URL, Title: m.Title, Description: m.Summary, Measure: m, Measures: ms,
				Crumbs: []Crumb{*home, {Title: title, URL: ms.URL}}}
			// An untranslated measure is the original's text under this
			// language's navigation, as an untranslated article is.
			if s.root != nil && !m.Translated {
				p.Fallback = true
				p.Canonical = s.Config.AbsURL(m.srcURL)
			}
			add(p)
		}
	}
	articlesTitle := text("articles")
	// The news list is split into pages of PerPage, newest first: a town's
	// archive of thousands of articles must not arrive as one page.
	numPages := max(1, (len(v.articles)+PerPage-1)/PerPage)
	for n := 1; n <= numPages; n++ {
		path := s.sectionURL(l.Paths.Articles)
		if n > 1 {
			path = s.sectionURL(l.Paths.Articles, l.Paths.Page, strconv.Itoa(n))
		}
		docs := v.articles[(n-1)*PerPage : min(n*PerPage, len(v.articles))]
		pg := &Pager{Page: n, Pages: numPages}
		if n > 1 {
			pg.Prev = s.sectionURL(l.Paths.Articles)
			if n > 2 {
				pg.Prev = s.sectionURL(l.Paths.Articles, l.Paths.Page, strconv.Itoa(n-1))
			}
		}
		if n < numPages {
			pg.Next = s.sectionURL(l.Paths.Articles, l.Paths.Page, strconv.Itoa(n+1))
		}
		add(&Page{Kind: "articles", Key: "articles/" + strconv.Itoa(n), Path: path, Title: articlesTitle, Docs: docs, Pager: pg, Crumbs: []Crumb{*home}})
	}
	// Each tag has a page with its articles, like a taxonomy of Hugo, and
	// the tags have a page that lists them.
	if len(v.tags) > 0 {
		tagsTitle, tagsURL := text("tags"), s.sectionURL(l.Paths.Tags)
		add(&Page{Kind: "tags", Path: tagsURL, Title: tagsTitle, Tags: v.tags, Crumbs: []Crumb{*home}})
		for _, tv := range v.tags {
			p := &Page{Kind: "tag", Key: "tag/" + tv.Slug, Path: tv.URL, Title: tv.Name, Tag: tv, Docs: tv.Articles,
				Crumbs: []Crumb{*home, {Title: tagsTitle, URL: tagsURL}}}
			// A tag of untranslated articles is the original's tag: its
			// page is the German one under this language's navigation.
			if tv.German {
				root := s.Root()
				p.Fallback = true
				p.Canonical = root.Config.AbsURL(root.sectionURL(root.Lang.Paths.Tags, tv.Slug))
			}
			add(p)
		}
	}
	// An untranslated article or page of a further language is the
	// original's text under this language's navigation: its canonical
	// address is the original's.
	fallback := func(p *Page, d *DocView) *Page {
		if s.root != nil && !d.Translated() {
			p.Fallback = true
			p.Canonical = s.Config.AbsURL(d.SrcURL())
		}
		return p
	}
	for _, a := range v.articles {
		add(fallback(&Page{Kind: "article", Key: "article/" + a.Slug, Path: a.URL, Title: a.Title, Description: a.Summary, Doc: a, Draft: a.Draft,
			Crumbs: []Crumb{*home, {Title: articlesTitle, URL: s.sectionURL(l.Paths.Articles)}}}, a))
	}
	for _, p := range v.pages {
		// Leichte Sprache and sign language are services in German.
		if s.root != nil && (p.Layout == "leichte-sprache" || p.Layout == content.SignLanguage) {
			continue
		}
		page := &Page{Kind: "page", Key: "page/" + p.Slug, Path: p.URL, Title: p.Title, Description: p.Summary, Doc: p, Draft: p.Draft, Crumbs: []Crumb{*home}}
		if p.Layout == "leichte-sprache" {
			page.Easy = v.easy
		}
		add(fallback(page, p))
	}
	if len(v.events) > 0 {
		eventsTitle := text("events")
		add(&Page{Kind: "events", Path: s.EventsURL(), Title: eventsTitle, Description: text("events_lead"), EventList: v.eventList, Crumbs: []Crumb{*home}})
		for _, e := range v.events {
			p := &Page{Kind: "event", Key: "event/" + e.ID, Path: e.URL, Title: e.Title, Description: e.Summary, Event: e, Draft: e.Draft,
				Crumbs: []Crumb{*home, {Title: eventsTitle, URL: s.EventsURL()}}}
			if s.root != nil && !e.Translated() {
				p.Fallback = true
				p.Canonical = s.Config.AbsURL(e.SrcURL())
			}
			add(p)
		}
	}
	add(&Page{Kind: "search", Path: s.sectionURL(l.Paths.Search), Title: text("search"), Search: true, Crumbs: []Crumb{*home}})
	s.embedPages(v, latest, add)
	if s.root == nil {
		add(&Page{Kind: "404", Path: "/404.html", Title: text("not_found")})
	}
	return pages
}

// outputFile is the file that serves the site path p, such as
// "artikel/a/index.html" for "/artikel/a/".
func outputFile(p string) string { return strings.TrimPrefix(p, "/") + "index.html" }

// FeedEntries is the number of entries in a feed: articles in feed.xml,
// updates in the measures' feed.
const FeedEntries = 50

// PerPage is the number of articles on one page of the news list.
const PerPage = 50

// Pager links the pages of a long list.
type Pager struct {
	Page, Pages int
	Prev, Next  string // site-relative URLs, "" at either end
}

// The Atom feeds, /feed.xml and /massnahmen/feed.xml, are written by one
// writer: atomFeed.
type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
}

type atomEntry struct {
	Title   string   `xml:"title"`
	Link    atomLink `xml:"link"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Summary string   `xml:"summary,omitempty"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	Links   []atomLink  `xml:"link"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Author  string      `xml:"author>name"`
	Entries []atomEntry `xml:"entry"`
}

// atomTime writes t as an Atom date.
func atomTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// add adds an entry and keeps the feed's date the newest entry's.
func (f *atomFeed) add(e atomEntry) {
	if f.Updated == "" || e.Updated > f.Updated {
		f.Updated = e.Updated
	}
	f.Entries = append(f.Entries, e)
}

func (f *atomFeed) bytes() []byte {
	if f.Updated == "" {
		f.Updated = "1970-01-01T00:00:00Z"
	}
	b, _ := xml.MarshalIndent(f, "", "  ")
	return append([]byte(xml.Header), append(b, '\n')...)
}

func (s *Site) feed(v *views) []byte {
	f := &atomFeed{
		Title:  s.Config.Title,
		Links:  []atomLink{{Href: s.Config.AbsURL("/feed.xml"), Rel: "self"}, {Href: s.Config.AbsURL("/")}},
		ID:     s.Config.AbsURL("/"),
		Author: cmp.Or(s.Config.Municipality, s.Config.Title),
	}
	// A feed carries the newest articles; readers keep what they fetched.
	for _, a := range v.articles[:min(len(v.articles), FeedEntries)] {
		f.add(atomEntry{Title: a.Title, Link: atomLink{Href: s.Config.AbsURL(a.URL)}, ID: s.Config.AbsURL(a.URL), Updated: atomTime(a.Date.Time), Summary: a.Summary})
	}
	return f.bytes()
}

func (s *Site) sitemap(pages []*Page) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
	if s.Multilingual() {
		buf.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
	}
	buf.WriteString(">\n")
	for _, p := range pages {
		if p.Kind == "404" || p.Kind == "embed" || p.Fallback {
			continue
		}
		buf.WriteString("  <url><loc>")
		_ = xml.EscapeText(&buf, []byte(asciiURL(p.Canonical)))
		buf.WriteString("</loc>")
		if p.Doc != nil && !p.Doc.Date.IsZero() {
			fmt.Fprintf(&buf, "<lastmod>%s</lastmod>", p.Doc.Date.ISO())
		}
		for _, a := range p.Hreflang() {
			fmt.Fprintf(&buf, `<xhtml:link rel="alternate" hreflang="%s" href="`, a.Lang)
			_ = xml.EscapeText(&buf, []byte(asciiURL(a.Href)))
			buf.WriteString(`"/>`)
		}
		buf.WriteString("</url>\n")
	}
	buf.WriteString("</urlset>\n")
	return buf.Bytes()
}

// asciiURL percent-encodes the bytes of u beyond ASCII, such as those of a
// tag's address in Arabic letters, as a sitemap must write them.
func asciiURL(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c >= utf8.RuneSelf {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// partsNotice begins the notice that parts of a page are still in German
// (see the template german-parts).
const partsNotice = `<p class="translation-notice german-parts"`

// trimPartsNotice removes that notice from a page of another language when
// its main content shows no text marked as German: the language's
// translation may lack texts that this page does not show.
func (s *Site) trimPartsNotice(b []byte) []byte {
	if s.root == nil {
		return b // the default language's pages have no such notice
	}
	i := bytes.Index(b, []byte(partsNotice))
	if i < 0 {
		return b
	}
	n := bytes.Index(b[i:], []byte("</p>"))
	if n < 0 {
		return b
	}
	end := i + n + len("</p>")
	start := max(bytes.Index(b[:i], []byte("<main")), 0)
	stop := len(b)
	if m := bytes.Index(b[end:], []byte("</main>")); m >= 0 {
		stop = end + m
	}
	german := []byte(` lang="` + s.root.Lang.Code + `"`)
	if bytes.Contains(withoutArticleLists(b[start:i]), german) || bytes.Contains(withoutArticleLists(b[end:stop]), german) {
		return b
	}
	return append(b[:i:i], b[end:]...)
}

// articleList opens a list of articles (see the template article-list).
const articleList = `<ul class="article-list">`

// withoutArticleLists is b without its lists of articles: an untranslated
// article in a list says so itself, in the reader's language, and needs no
// notice for the page.
func withoutArticleLists(b []byte) []byte {
	if !bytes.Contains(b, []byte(articleList)) {
		return b
	}
	var out []byte
	for {
		i := bytes.Index(b, []byte(articleList))
		if i < 0 {
			return append(out, b...)
		}
		out = append(out, b[:i]...)
		n := bytes.Index(b[i:], []byte("</ul>"))
		if n < 0 {
			return out
		}
		b = b[i+n+len("</ul>"):]
	}
}
