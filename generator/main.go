// Command offenbar builds a municipality's self-check transparency site.
//
// Usage:
//
//	offenbar init DIR
//	offenbar build [-s DIR] [-d DIR] [--drafts] [--future] [--force]
//	offenbar check [-s DIR]
//	offenbar serve [-s DIR] [--port N]
//	offenbar new article "Titel des Artikels"
//	offenbar new round 2027
//	offenbar help [COMMAND]
//
// offenbar help lists every command (see commands), in the editor's
// language.
//
// Content errors are printed as path:line:col: message, all at once, and the
// exit code is 1. Usage errors exit with 2.
package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/text/language"

	"offenbar/generator/audit"
	"offenbar/generator/card"
	"offenbar/generator/config"
	"offenbar/generator/content"
	"offenbar/generator/corpus"
	"offenbar/generator/diag"
	"offenbar/generator/event"
	"offenbar/generator/measure"
	"offenbar/generator/picture"
	"offenbar/generator/publish"
	"offenbar/generator/scaffold"
	"offenbar/generator/selfcheck"
	"offenbar/generator/serve"
	"offenbar/generator/site"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type flags struct {
	source, dest, templates string
	format, cpuprofile      string
	cache                   string
	drafts, future, force   bool
	bundle, draft, preview  bool
	xlsx, id                string
	date                    string
	languages, baseURL      string
	lang                    string
	siteLang                string // the language site.toml names, read once for messages
	port, n                 int
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		help(nil, helpFlags(nil), stderr, stderr)
		return 2
	}
	if topic, ok := helpArgs(args); ok {
		return help(topic, helpFlags(args), stdout, stderr)
	}
	cmd := args[0]
	if cmd == "init" {
		return initSite(args[1:], stdout, stderr)
	}
	if cmd == "version" || cmd == "--version" {
		fmt.Fprintln(stdout, version())
		return 0
	}
	var f flags
	fset := newFlagSet(cmd, &f, stderr)
	if cmd == "new" || cmd == "import" {
		// Flags may follow the words: new round 2027 --xlsx runde.xlsx.
		words, err := interspersed(fset, args[1:])
		if err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return 0
			}
			return 2
		}
		peekLanguage(&f)
		if cmd == "import" {
			return importContent(f, words, stdout, stderr)
		}
		return newContent(f, words, stdout, stderr)
	}
	if err := fset.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	peekLanguage(&f)
	if cmd == "corpus" {
		return makeCorpus(f, fset.Args(), stdout, stderr)
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "offenbar %s: %s\n", cmd, say(f, nil, "unexpected argument %q", fset.Arg(0)))
		return 2
	}
	if f.baseURL != "" {
		if _, err := config.ParseBaseURL("--base-url", f.baseURL); err != nil {
			fmt.Fprintf(stderr, "offenbar %s: %s\n", cmd, say(f, nil, "%v", err))
			return 2
		}
	}
	if f.cpuprofile != "" {
		pf, err := os.Create(f.cpuprofile)
		if err != nil {
			complain(stderr, f, "%v", err)
			return 2
		}
		pprof.StartCPUProfile(pf)
		defer func() { pprof.StopCPUProfile(); pf.Close() }()
	}
	switch cmd {
	case "build":
		return build(f, stdout, stderr)
	case "check":
		return check(f, stdout, stderr)
	case "serve":
		return runServe(f, stdout, stderr)
	case "audit":
		return runAudit(f, stdout, stderr)
	}
	complain(stderr, f, "unknown command %q, want one of: %s", cmd, commandNames())
	return 2
}

// initSite writes a new site into the folder that args names.
func initSite(args []string, stdout, stderr io.Writer) int {
	var f flags
	words, err := interspersed(newFlagSet("init", &f, stderr), args)
	if err != nil {
		return 2
	}
	peekLanguage(&f)
	if len(words) != 1 {
		fmt.Fprintln(stderr, usageOf(f, "init"))
		return 2
	}
	dir := words[0]
	now, err := clock()
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	files, err := scaffold.Init(dir, now.In(time.Local))
	if err != nil {
		fmt.Fprintln(stderr, "offenbar init: "+say(f, nil, "%v", err))
		return 1
	}
	fmt.Fprintln(stdout, say(f, nil, "created a new site in %s with %d files:", dir, len(files)))
	for _, f := range files {
		fmt.Fprintf(stdout, "  %s\n", f)
	}
	fmt.Fprintln(stdout, say(f, nil, "next: replace every «AUSFÜLLEN: …» (offenbar check -s %s lists them), add the questions, then offenbar serve -s %s", dir, dir))
	return 0
}

// version describes the binary from the build information that the Go
// toolchain records: the module version (set by go install or a release
// tag), the commit and whether the tree had uncommitted changes.
func version() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "offenbar (no build information)"
	}
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	out := "offenbar " + v
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		out += " commit " + rev
		if modified {
			out += "+changes"
		}
		if at != "" {
			out += " of " + at
		}
	}
	return out + " (" + bi.GoVersion + ")"
}

func newFlagSet(name string, f *flags, stderr io.Writer) *flag.FlagSet {
	fset := flag.NewFlagSet(name, flag.ContinueOnError)
	fset.SetOutput(stderr)
	fset.Usage = func() {
		g := *f
		peekLanguage(&g)
		fmt.Fprintln(stderr, usageOf(g, name))
	}
	for _, n := range []string{"s", "source"} {
		fset.StringVar(&f.source, n, ".", "site `directory`")
	}
	for _, n := range []string{"d", "destination"} {
		fset.StringVar(&f.dest, n, "", "output `directory` (default public inside the site directory)")
	}
	fset.StringVar(&f.templates, "templates", "", "templates `directory` (default templates inside the site directory)")
	fset.BoolVar(&f.drafts, "drafts", name == "serve", "publish drafts")
	fset.BoolVar(&f.future, "future", false, "publish articles dated in the future")
	fset.BoolVar(&f.force, "force", false, "replace a destination that offenbar did not create")
	fset.IntVar(&f.port, "port", 1313, "port for serve")
	fset.IntVar(&f.n, "n", 1000, "number of articles for corpus")
	fset.StringVar(&f.cpuprofile, "cpuprofile", "", "write a CPU profile to `file` (for go tool pprof)")
	fset.StringVar(&f.format, "format", "text", "how to print problems: text, or github for GitHub Actions annotations")
	fset.StringVar(&f.cache, "cache", "", "`directory` that keeps resized photos between builds (default .cache/offenbar in the site directory; \"none\" for no cache)")
	fset.BoolVar(&f.bundle, "bundle", false, "new article, event or measure: make it a folder, with its images beside it")
	fset.StringVar(&f.date, "date", "", "new event: the `day` it takes place, such as 2027-03-12 (default today)")
	fset.StringVar(&f.xlsx, "xlsx", "", "new round, instrument or measures: write a workbook `file` to fill in")
	fset.StringVar(&f.id, "id", "", "import round: the round's `ID` (default: the one the workbook names)")
	fset.StringVar(&f.lang, "lang", "", "`language` of the messages, such as en (default: the site's language)")
	fset.StringVar(&f.languages, "languages", "", "corpus: further `languages`, such as en,tr, into which every article is translated")
	fset.BoolVar(&f.preview, "preview", false, "build: a preview with drafts, a banner on every page, and closed to search engines")
	fset.StringVar(&f.baseURL, "base-url", "", "build: publish at this `URL` instead of site.toml's base_url, such as for a preview")
	fset.BoolVar(&f.draft, "draft", false, "import round: allow empty answers and mark the round as a draft")
	return fset
}

// clock is the build's notion of now: SOURCE_DATE_EPOCH when set, so that
// builds can be reproduced, and the wall clock otherwise. It only decides
// which documents are visible; dates in the output come from content.
func clock() (time.Time, error) {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, diag.Messagef("SOURCE_DATE_EPOCH=%q is not a number of seconds", s)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

func options(f flags, stderr io.Writer) (site.Options, bool) {
	now, err := clock()
	if err != nil {
		complain(stderr, f, "%v", err)
		return site.Options{}, false
	}
	opts := site.Options{Visibility: content.Visibility{Drafts: f.drafts || f.preview, Future: f.future, Now: now}, BaseURL: f.baseURL, Preview: f.preview, AllowPlaceholders: f.preview}
	if f.templates != "" {
		opts.Templates = os.DirFS(f.templates)
	}
	// The site directory first, then the binary, then the source tree.
	opts.Runtime = findRuntime(f.source)
	// A font that cannot be read counts as missing: the pages go without
	// preview images, as warnStatic says.
	if fonts := findFonts(f.source); fonts != nil {
		if d, err := card.New(*fonts); err == nil {
			opts.Cards = d
		}
	}
	switch f.cache {
	case "none":
	case "":
		opts.Images = &picture.Cache{Dir: filepath.Join(f.source, CacheDir)}
	default:
		opts.Images = &picture.Cache{Dir: f.cache}
	}
	return opts, true
}

// findRuntime finds the chart runtime; tests replace it to be a binary
// built without one, in a folder without node_modules.
var findRuntime = site.FindRuntime

// findFonts finds the fonts of the preview images; tests replace it to be
// a binary built without them.
var findFonts = site.FindFonts

// siteFS opens the site directory as a file system that cannot be left:
// a symbolic link that points outside the site fails to read instead of
// being followed, and one below content/ must point inside content/, so
// that no link publishes .git/config or another file of the site.
func siteFS(dir string) (fs.FS, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	s := scopedFS{site: root.FS()}
	if c, err := root.OpenRoot("content"); err == nil {
		s.content = c.FS()
	}
	return s, nil
}

// scopedFS reads content/ from a root of its own.
type scopedFS struct{ site, content fs.FS }

func (s scopedFS) route(name string) (fs.FS, string, bool) {
	if s.content != nil {
		if name == "content" {
			return s.content, ".", true
		}
		if rest, ok := strings.CutPrefix(name, "content/"); ok {
			return s.content, rest, true
		}
	}
	return s.site, name, false
}

// fix names errors in content/ after the site, and says which folder a
// link may not leave.
func (s scopedFS) fix(err error, name string, inContent bool) error {
	if err == nil || !inContent {
		return err
	}
	if strings.Contains(err.Error(), "path escapes from parent") {
		if _, serr := fs.Stat(s.site, name); serr != nil && strings.Contains(serr.Error(), "path escapes from parent") {
			return serr // out of the site altogether
		}
		return diag.Messagef("symbolic link points outside the content folder; copy the file into content/ instead")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Path = name
	}
	return err
}

func (s scopedFS) Open(name string) (fs.File, error) {
	fsys, n, c := s.route(name)
	f, err := fsys.Open(n)
	return f, s.fix(err, name, c)
}

func (s scopedFS) ReadFile(name string) ([]byte, error) {
	fsys, n, c := s.route(name)
	b, err := fs.ReadFile(fsys, n)
	return b, s.fix(err, name, c)
}

func (s scopedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	fsys, n, c := s.route(name)
	d, err := fs.ReadDir(fsys, n)
	return d, s.fix(err, name, c)
}

func (s scopedFS) Stat(name string) (fs.FileInfo, error) {
	fsys, n, c := s.route(name)
	fi, err := fs.Stat(fsys, n)
	return fi, s.fix(err, name, c)
}

// printProblems prints errs in the language of the editor's messages
// (see messages); s is the site, if it could be loaded.
func printProblems(w io.Writer, errs diag.List, f flags, s *site.Site) {
	if errs.Len() == 0 {
		return // no catalogue to load
	}
	if l := messages(f, s); l != nil {
		errs.Translate(l.Message)
	}
	shown, rest := diag.Shown(errs.Problems())
	for _, p := range shown {
		if f.format == "github" {
			fmt.Fprintln(w, p.GitHub())
		} else {
			fmt.Fprintln(w, p)
		}
	}
	if rest > 0 {
		fmt.Fprintln(w, say(f, s, "%d more problems are not shown: mend the ones above first", rest))
	}
}

// messages is the language in which the commands speak to editors: --lang,
// else the site's language (as loaded, or as peekLanguage read it before),
// else German, every site's default. English
// is written in the code; nil means English.
func messages(f flags, s *site.Site) *site.Lang {
	code := f.lang
	if code == "" && s != nil && s.Config != nil {
		code = s.Config.Language
	}
	code = cmp.Or(code, f.siteLang, "de")
	if code == "en" {
		return nil
	}
	if s != nil && s.Lang != nil && s.Lang.Code == code {
		return s.Lang
	}
	builtinMu.Lock()
	defer builtinMu.Unlock()
	if l, ok := builtinLangs[code]; ok {
		return l
	}
	l, err := site.BuiltinLang(code)
	if err != nil {
		l = nil
	}
	builtinLangs[code] = l
	return l
}

// peekLanguage reads the site's language from site.toml once, so that a
// command speaks it before the site is loaded, or when it cannot be.
func peekLanguage(f *flags) {
	f.siteLang = config.PeekLanguage(os.DirFS(f.source))
}

// The built-in UI texts that messages loaded, by language.
var (
	builtinMu    sync.Mutex
	builtinLangs = map[string]*site.Lang{}
)

// complain prints an English message as an error of the command, in the
// editor's language.
func complain(w io.Writer, f flags, format string, args ...any) {
	fmt.Fprintln(w, "offenbar: "+say(f, nil, format, args...))
}

// say formats an English message in the editor's language (see
// messages), or in English where the catalogue has no text for it.
func say(f flags, s *site.Site, format string, args ...any) string {
	var tr diag.Translator
	if l := messages(f, s); l != nil {
		tr = l.Message
	}
	return diag.Messagef(format, args...).In(tr)
}

// sayN is say for a message that counts n of something: one is its
// English singular, format its plural (see diag.Countf).
func sayN(f flags, s *site.Site, n int, one, format string, args ...any) string {
	var tr diag.Translator
	if l := messages(f, s); l != nil {
		tr = l.Message
	}
	return diag.Countf(n, one, format, args...).In(tr)
}

// load reads and checks the site.
func load(f flags, stderr io.Writer) (*site.Site, int) {
	if f.format != "text" && f.format != "github" {
		complain(stderr, f, "unknown --format %q, want text or github", f.format)
		return nil, 2
	}
	if fi, err := os.Stat(f.source); err != nil || !fi.IsDir() {
		complain(stderr, f, "site directory %q does not exist", f.source)
		return nil, 2
	}
	opts, ok := options(f, stderr)
	if !ok {
		return nil, 2
	}
	src, err := siteFS(f.source)
	if err != nil {
		complain(stderr, f, "%v", err)
		return nil, 2
	}
	s, errs := site.Load(src, opts)
	printProblems(stderr, errs, f, s)
	if errs.HasErrors() {
		return s, 1
	}
	warnStatic(stderr, f, s)
	return s, 0
}

// warnStatic says, once a site has charts, that this binary has no chart
// runtime, so that its charts are published without the interactive
// version, and where a complete binary comes from.
func warnStatic(w io.Writer, f flags, s *site.Site) {
	if s == nil {
		return
	}
	if s.Charted() && !s.Interactive() {
		fmt.Fprintln(w, "offenbar: "+say(f, s, "warning: this offenbar was built without the chart runtime, so the charts are published as images without their interactive version; a release binary has it inside (the release page of offenbar, or .ci/release after npm ci)"))
	}
	if !s.Previews() {
		fmt.Fprintln(w, "offenbar: "+say(f, s, "warning: this offenbar was built without the fonts of the preview images, so the pages are published without an image for social media; a release binary has them inside (the release page of offenbar, or .ci/release after npm ci)"))
	}
}

// build renders the site straight into a new output directory, which
// replaces the old one only when every page was written.
func build(f flags, stdout, stderr io.Writer) int {
	start := time.Now()
	var s *site.Site
	failed := func(code int) int {
		fmt.Fprintln(stderr, say(f, s, "build failed; the previous output was left as it was"))
		return code
	}
	s, code := load(f, stderr)
	if code != 0 {
		return failed(code)
	}
	dest := f.dest
	if dest == "" {
		dest = filepath.Join(f.source, "public")
	}
	popts := publish.Options{Site: f.source, Force: f.force}
	if f.templates != "" {
		popts.Sources = append(popts.Sources, f.templates)
	}
	tx, err := publish.Begin(dest, popts)
	if err != nil {
		complain(stderr, f, "%v", err)
		return failed(1)
	}
	out, errs := s.RenderTo(tx.Write)
	printProblems(stderr, errs, f, s)
	if errs.HasErrors() {
		tx.Abort()
		return failed(1)
	}
	if err := tx.Commit(); err != nil {
		complain(stderr, f, "%v", err)
		return failed(1)
	}
	fmt.Fprintln(stdout, say(f, nil, "built %d pages (%d files) into %s in %d ms", out.Pages, out.Written, dest, time.Since(start).Milliseconds()))
	return 0
}

// check renders the site in memory and follows every internal link; it
// writes nothing.
func check(f flags, stdout, stderr io.Writer) int {
	s, code := load(f, stderr)
	if code != 0 {
		return code
	}
	pages, errs := s.Check()
	printProblems(stderr, errs, f, nil)
	if errs.HasErrors() {
		return 1
	}
	fmt.Fprintln(stdout, say(f, nil, "ok: %d pages would be built", pages))
	return 0
}

func runServe(f flags, stdout, stderr io.Writer) int {
	opts, ok := options(f, stderr)
	if !ok {
		return 2
	}
	// Between rebuilds, only changed documents are converted again and only
	// pages whose inputs changed are rendered again.
	opts.Markdown = &content.Cache{}
	opts.Pages = &site.PageCache{}
	// A site fresh from init can be previewed before every blank is filled.
	opts.AllowPlaceholders = true
	var basePath, overlay atomic.Value
	var static sync.Once
	basePath.Store("/")
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt)
	err := serve.Run(serve.Config{
		Source: f.source,
		Port:   f.port,
		Build: func() (map[string][]byte, error) {
			src, err := siteFS(f.source)
			if err != nil {
				return nil, err
			}
			s, errs := site.Load(src, opts)
			if s != nil && s.Config != nil && s.Config.BasePath != "" {
				basePath.Store(s.Config.BasePath)
			}
			if s != nil && s.Lang != nil {
				overlay.Store(overlayText(s.Lang))
			}
			l := messages(f, s)
			if l != nil {
				errs.Translate(l.Message)
			}
			if errs.HasErrors() {
				return nil, errs.Err()
			}
			if s.Charted() {
				static.Do(func() { warnStatic(stderr, f, s) })
			}
			out, errs := s.Render()
			if l != nil {
				errs.Translate(l.Message)
			}
			if errs.HasErrors() {
				return nil, errs.Err()
			}
			return out.Files, nil
		},
		BasePath: func() string { return basePath.Load().(string) },
		Overlay: func() serve.OverlayText {
			t, _ := overlay.Load().(serve.OverlayText)
			return t
		},
		Stop: stop,
		Log:  stdout,
		Say:  func(format string, args ...any) string { return say(f, nil, format, args...) },
		Src:  func(p string) ([]byte, error) { return fs.ReadFile(os.DirFS(f.source), p) },
	})
	if err != nil {
		fmt.Fprintln(stderr, "offenbar serve: "+say(f, nil, "%v", err))
		return 1
	}
	return 0
}

// runAudit checks the built site in headless Chromium as citizens meet it
// (see package audit): every page of its sitemap, in light and dark mode.
func runAudit(f flags, stdout, stderr io.Writer) int {
	cfg, errs := config.Load(os.DirFS(f.source))
	if errs.HasErrors() {
		printProblems(stderr, errs, f, nil)
		return 1
	}
	if f.baseURL != "" {
		cfg.OverrideBaseURL(f.baseURL)
	}
	dir := f.dest
	if dir == "" {
		dir = filepath.Join(f.source, "public")
	}
	exe, _ := os.Executable()
	axe := audit.FindAxe(f.source, ".", filepath.Dir(exe))
	if axe == nil {
		fmt.Fprintln(stderr, "offenbar audit: "+say(f, nil, "axe-core is not installed: run npm ci, or use a release binary of offenbar, which has it inside"))
		return 2
	}
	// axe-core describes what it finds in the editor's language where it can.
	code := f.lang
	if code == "" {
		code = cfg.Language
	}
	script := audit.InLanguage(axe, code, f.source, ".", filepath.Dir(exe))
	start := time.Now()
	visits, problems, err := audit.Site(dir, cfg.BasePath, script)
	if err != nil {
		fmt.Fprintln(stderr, "offenbar audit: "+say(f, nil, "%v", err))
		return 2
	}
	printProblems(stderr, problems, f, nil)
	fmt.Fprintln(stdout, sayN(f, nil, problems.Len(), "audited %d pages in light and dark mode in %.0f s: %d problem", "audited %d pages in light and dark mode in %.0f s: %d problems", visits/2, time.Since(start).Seconds(), problems.Len()))
	if problems.Len() > 0 {
		return 1
	}
	return 0
}

// newOverride copies a built-in template, stylesheet or script into the
// site's templates folder, marked with the version it was copied from.
func newOverride(f flags, name string, stdout, stderr io.Writer) int {
	name = strings.TrimPrefix(filepath.ToSlash(name), site.TemplatesDir+"/")
	b, err := fs.ReadFile(site.Builtin, name)
	if err != nil || strings.HasPrefix(name, "i18n/") {
		var have []string
		fs.WalkDir(site.Builtin, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && !strings.HasPrefix(p, "i18n/") {
				have = append(have, p)
			}
			return nil
		})
		if strings.HasPrefix(name, "i18n/") {
			complain(stderr, f, "UI texts are overridden key by key: write only the keys you change into %s/%s", site.TemplatesDir, name)
		} else {
			complain(stderr, f, "there is no built-in %q; want one of: %s", name, strings.Join(have, ", "))
		}
		return 1
	}
	rel := site.TemplatesDir + "/" + name
	if err := scaffold.Create(f.source, rel, append([]byte(site.BasedOn(name, b)), b...)); err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	fmt.Fprintln(stdout, say(f, nil, "created %s: it now replaces the built-in %s", filepath.Join(f.source, filepath.FromSlash(rel)), name))
	return 0
}

// overlayText is the wording of serve's error page in the site's language.
func overlayText(l *site.Lang) serve.OverlayText {
	title, err1 := l.T("overlay_title")
	lead, err2 := l.T("overlay_lead")
	if err1 != nil || err2 != nil {
		return serve.OverlayText{}
	}
	t := serve.OverlayText{Lang: l.Code, Title: title, Lead: lead}
	if l.RTL() {
		t.Dir = "rtl"
	}
	return t
}

// CacheDir is where a site keeps resized photos between builds, below the
// site directory. It is not content: delete it at any time, and keep it out
// of version control.
const CacheDir = ".cache/offenbar"

// interspersed parses flags wherever they stand among the words.
func interspersed(fset *flag.FlagSet, args []string) ([]string, error) {
	var words []string
	for {
		if err := fset.Parse(args); err != nil {
			return nil, err
		}
		if fset.NArg() == 0 {
			return words, nil
		}
		words = append(words, fset.Arg(0))
		args = fset.Args()[1:]
	}
}

func newContent(f flags, args []string, stdout, stderr io.Writer) int {
	if f.xlsx != "" {
		return newWorkbook(f, args, stdout, stderr)
	}
	if len(args) == 2 && args[0] == "override" {
		return newOverride(f, args[1], stdout, stderr)
	}
	if len(args) == 3 && args[0] == "translation" {
		return newTranslation(f, args[1], args[2], stdout, stderr)
	}
	if len(args) != 2 || (args[0] != "article" && args[0] != "round" && args[0] != "event" && args[0] != "measure") {
		fmt.Fprintln(stderr, usageOf(f, "new"))
		return 2
	}
	now, err := clock()
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	day := now.In(time.Local)
	var rel string
	var data []byte
	switch args[0] {
	case "article":
		rel, data, err = scaffold.Article(args[1], day, f.bundle)
	case "event":
		if f.date != "" {
			d, perr := time.Parse(time.DateOnly, f.date)
			if perr != nil {
				complain(stderr, f, "--date %q is no day: write year-month-day, such as 2027-03-12", f.date)
				return 2
			}
			day = d
		}
		rel, data, err = scaffold.Event(args[1], day, f.bundle)
	case "round", "measure":
		src, err := siteFS(f.source)
		if err != nil {
			complain(stderr, f, "%v", err)
			return 2
		}
		// A measure needs the action fields only, which a town has from
		// init on, before it has written its questions.
		if in := selfcheck.Unfinished(src); args[0] == "measure" && in != nil {
			var fields []string
			for _, fd := range in.Fields {
				fields = append(fields, fd.Slug)
			}
			rel, data, err = scaffold.Measure(args[1], day, fields, f.bundle)
			break
		}
		model, errs := selfcheck.Load(src)
		if model == nil {
			printProblems(stderr, errs, f, nil)
			if args[0] == "round" {
				complain(stderr, f, "a new round needs a valid instrument")
			} else {
				complain(stderr, f, "a new measure needs a valid instrument")
			}
			return 1
		}
		rel, data, err = scaffold.Round(model.Instrument, args[1], day)
	}
	if err == nil {
		err = scaffold.Create(f.source, rel, data)
	}
	if err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	if args[0] == "round" {
		writeSchemas(f, stderr)
	}
	if args[0] == "measure" {
		fmt.Fprintln(stdout, say(f, nil, "created %s: fill in every «AUSFÜLLEN: …», then it is published with the next build", filepath.Join(f.source, filepath.FromSlash(rel))))
		return 0
	}
	fmt.Fprintln(stdout, say(f, nil, "created %s (draft = true)", filepath.Join(f.source, filepath.FromSlash(rel))))
	return 0
}

// newTranslation starts the translation of an article or page, or with
// rel "selfcheck" of the instrument and the rounds.
func newTranslation(f flags, rel, lang string, stdout, stderr io.Writer) int {
	rel = filepath.ToSlash(rel)
	if _, err := language.Parse(lang); err != nil {
		complain(stderr, f, "%q is not a language tag, want such as tr or ar", lang)
		return 2
	}
	if rel == "selfcheck" {
		return newSelfcheckTranslation(f, lang, stdout, stderr)
	}
	if !strings.HasPrefix(rel, content.ArticlesDir+"/") && !strings.HasPrefix(rel, content.PagesDir+"/") && !strings.HasPrefix(rel, measure.Dir+"/") && !strings.HasPrefix(rel, event.Dir+"/") || !strings.HasSuffix(rel, ".md") {
		complain(stderr, f, "%s is not an article, page, measure or event; name a file such as content/articles/2024-09-16-fest.md", rel)
		return 2
	}
	src, err := os.ReadFile(filepath.Join(f.source, filepath.FromSlash(rel)))
	if err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	out, data, err := scaffold.Translation(rel, src, lang)
	if err == nil {
		err = scaffold.Create(f.source, out, data)
	}
	if err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	fmt.Fprintln(stdout, say(f, nil, "created %s: translate it", filepath.Join(f.source, filepath.FromSlash(out))))
	sayUnlisted(f, lang, stdout)
	return 0
}

// sayUnlisted tells the editor when the language of a new translation is
// not one of site.toml's languages, so that no page would show it.
func sayUnlisted(f flags, lang string, stdout io.Writer) {
	src, err := siteFS(f.source)
	if err != nil {
		return
	}
	cfg, _ := config.Load(src)
	if cfg == nil || cfg.Language == lang || slices.Contains(cfg.Languages, lang) {
		return
	}
	fmt.Fprintln(stdout, say(f, nil, "%q is not among the languages of %s: add it to languages = [ … ] so that the translation is published", lang, config.File))
}

// newSelfcheckTranslation starts content/selfcheck/i18n/<lang>.toml with
// every text of the self-check to translate.
func newSelfcheckTranslation(f flags, lang string, stdout, stderr io.Writer) int {
	src, err := siteFS(f.source)
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	model, errs := selfcheck.Load(src)
	if model == nil {
		printProblems(stderr, errs, f, nil)
		complain(stderr, f, "a translation of the self-check needs a valid instrument and rounds")
		return 1
	}
	// The hash is that of the texts a build publishes, without drafts.
	out, data := scaffold.SelfcheckTranslation(model.WithoutDrafts(), lang)
	if err := scaffold.Create(f.source, out, data); err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	writeSchemas(f, stderr)
	fmt.Fprintln(stdout, say(f, nil, "created %s: translate it", filepath.Join(f.source, filepath.FromSlash(out))))
	sayUnlisted(f, lang, stdout)
	return 0
}

func makeCorpus(f flags, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, usageOf(f, "corpus"))
		return 2
	}
	if entries, err := os.ReadDir(args[0]); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "offenbar corpus: %s is not empty\n", args[0])
		return 1
	}
	var langs []string
	if f.languages != "" {
		langs = strings.Split(f.languages, ",")
	}
	if err := corpus.Generate(f.source, args[0], f.n, 1, langs...); err != nil {
		fmt.Fprintf(stderr, "offenbar corpus: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote a site with %d articles to %s\n", f.n, args[0])
	return 0
}
