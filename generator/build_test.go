package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"offenbar/generator/publish"
	"offenbar/generator/sitetest"
)

// buildSite builds the site in dir into a new directory and returns its files.
func buildSite(t *testing.T, dir string, extra ...string) map[string][]byte {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCmd(t, buildArgs(dir, append([]string{"-d", dest}, extra...)...)...)
	if code != 0 {
		t.Fatalf("build failed with exit code %d:\n%s", code, stderr)
	}
	if !regexp.MustCompile(`^built \d+ pages \(\d+ files\) into .+ in \d+ ms\n$`).MatchString(stdout) {
		t.Errorf("summary line = %q", stdout)
	}
	return readTree(t, dest)
}

// example is the example site, built once for the tests that only read
// it; a test that changes the environment of a build builds its own.
var example struct {
	sync.Once
	files map[string][]byte
	fail  string
}

// exampleSite returns the files of the example site built as buildSite
// builds it. The map is shared between tests: never change it.
func exampleSite(t *testing.T) map[string][]byte {
	t.Helper()
	example.Do(func() {
		dest, err := os.MkdirTemp("", "offenbar-example-")
		if err != nil {
			example.fail = err.Error()
			return
		}
		defer os.RemoveAll(dest)
		var stdout, stderr bytes.Buffer
		if code := run(buildArgs("..", "-d", dest), &stdout, &stderr); code != 0 {
			example.fail = fmt.Sprintf("building the example failed with exit code %d:\n%s", code, stderr.String())
			return
		}
		if example.files, err = sitetest.ReadTree(dest); err != nil {
			example.fail = err.Error()
		}
	})
	if example.fail != "" {
		t.Fatal(example.fail)
	}
	return example.files
}

// assetHash is the content hash in asset URLs; the golden files leave it out
// so that a change of the CSS does not touch every page.
var assetHash = regexp.MustCompile(`\?v=[0-9a-f]{8}`)

// TestGolden builds each site of testdata/*.txtar (merged into base.txtar)
// and compares every generated file with testdata/golden/<name>.txtar.
// Assets (CSS, JavaScript, the chart runtime) are copied, not generated, and
// are left out. Run with -update to accept a change after reading the diff.
func TestGolden(t *testing.T) {
	base := readArchive(t, "testdata/base.txtar")
	for _, name := range []string{"base", "security"} {
		t.Run(name, func(t *testing.T) {
			golden(t, sitetest.Merge(base, readArchive(t, "testdata/"+name+".txtar")), "testdata/golden/"+name+".txtar")
		})
	}
}

func golden(t *testing.T, site *sitetest.Archive, golden string) {
	files := buildSite(t, writeSite(t, site))
	got := &sitetest.Archive{Comment: []byte("Generated output; go test ./generator -run TestGolden -update rewrites it.\n")}
	var names []string
	for name := range files {
		if !strings.HasPrefix(name, "assets/") && name != publish.Marker {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		data := assetHash.ReplaceAll(files[name], []byte("?v=HASH"))
		// Binary files are kept as their hash: a text archive cannot hold
		// them, and a change still shows.
		if ext := path.Ext(name); ext == ".xlsx" || ext == ".jpg" || ext == ".png" || ext == ".pdf" {
			sum := sha256.Sum256(files[name])
			data = []byte(fmt.Sprintf("binary, %d bytes, sha256 %x\n", len(files[name]), sum))
		}
		got.Files = append(got.Files, sitetest.File{Name: name, Data: data})
	}
	if *update {
		if err := os.WriteFile(golden, sitetest.Format(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := readArchive(t, golden)
	for _, f := range want.Files {
		g, ok := got.File(f.Name)
		if !ok {
			t.Errorf("%s: not built", f.Name)
			continue
		}
		if !bytes.Equal(g, f.Data) {
			t.Errorf("%s differs from %s:\n%s", f.Name, golden, sitetest.FirstDiff(string(g), string(f.Data)))
		}
	}
	for _, f := range got.Files {
		if _, ok := want.File(f.Name); !ok {
			t.Errorf("%s: built but not in %s", f.Name, golden)
		}
	}
}

// TestNoScriptFromContent builds the hostile site and inspects every page:
// the only scripts are the site's own files and JSON data blocks, no element
// has an event handler attribute, and no link or source uses a script or
// data scheme, however it was spelled.
func TestNoScriptFromContent(t *testing.T) {
	site := sitetest.Merge(readArchive(t, "testdata/base.txtar"), readArchive(t, "testdata/security.txtar"))
	files := buildSite(t, writeSite(t, site))
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for n, attr := range elements(t, name, data) {
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
				v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
				if (a.Key == "href" || a.Key == "src" || a.Key == "action" || a.Key == "formaction") &&
					(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text")) {
					t.Errorf("%s: <%s %s=%q>", name, n.Data, a.Key, a.Val)
				}
			}
			if n.Data == "script" {
				src, typ := attr["src"], attr["type"]
				switch {
				case src != "" && strings.HasPrefix(src, "/weltoffen/assets/"):
				case src == "" && (typ == "application/json" || typ == "application/ld+json"):
					// The text must stay JSON: a "</script>" inside would have ended it.
					if n.FirstChild != nil && !json.Valid([]byte(n.FirstChild.Data)) {
						t.Errorf("%s: chart data is not valid JSON: %.80s", name, n.FirstChild.Data)
					}
				default:
					t.Errorf("%s: a script from content: %v", name, attr)
				}
			}
			if n.Data == "svg" && strings.HasPrefix(attr["class"], "chart-svg ") && n.Parent != nil && hasAttr(n.Parent, "data-chart") {
				continue // a chart the build drew
			}
			if n.Data == "svg" || n.Data == "iframe" || n.Data == "object" || n.Data == "embed" {
				t.Errorf("%s: <%s> from content", name, n.Data)
			}
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages", pages)
	}
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// TestExampleBuildsIdentically builds the example site twice and compares
// the output byte for byte.
func TestExampleBuildsIdentically(t *testing.T) {
	a := buildSite(t, "..")
	b := buildSite(t, "..")
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if len(a) < 20 {
		t.Errorf("only %d files built", len(a))
	}
}

// elements parses an HTML page and yields each element with its attributes.
func elements(t *testing.T, name string, data []byte) iter.Seq2[*html.Node, map[string]string] {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return func(yield func(*html.Node, map[string]string) bool) {
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			if !yield(n, attr) {
				return
			}
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

func external(u string) bool {
	u = strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(u, "//") || strings.Contains(u, "://")
}

// TestNoThirdPartyRequests checks that no built file makes a browser fetch
// anything from another host: no src, no stylesheet or icon link, no CSS
// url(). Links that a citizen follows on purpose (<a href>) may point away.
func TestNoThirdPartyRequests(t *testing.T) {
	files := exampleSite(t)
	checked := 0
	for name, data := range files {
		switch {
		case strings.HasSuffix(name, ".html"):
			checked++
			for n, attr := range elements(t, name, data) {
				if src, ok := attr["src"]; ok && external(src) {
					t.Errorf("%s: <%s src=%q> loads from another host", name, n.Data, src)
				}
				if n.Data == "link" && external(attr["href"]) && attr["rel"] != "canonical" && attr["rel"] != "alternate" {
					t.Errorf("%s: <link rel=%q href=%q> loads from another host", name, attr["rel"], attr["href"])
				}
				if n.Data == "script" && attr["src"] == "" && attr["type"] != "application/json" && attr["type"] != "application/ld+json" {
					t.Errorf("%s: inline <script> runs code; a strict Content-Security-Policy would block it", name)
				}
				if style, ok := attr["style"]; ok {
					t.Errorf("%s: inline style %q", name, style)
				}
			}
			for _, m := range cssURL.FindAllSubmatch(data, -1) {
				if external(string(m[1])) {
					t.Errorf("%s: url(%s) loads from another host", name, m[1])
				}
			}
		case strings.HasSuffix(name, ".css"):
			for _, m := range cssURL.FindAllSubmatch(data, -1) {
				if external(string(m[1])) {
					t.Errorf("%s: url(%s) loads from another host", name, m[1])
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d pages checked", checked)
	}
}

// TestBOMAndCRLF builds content saved with a byte order mark and Windows line
// endings: it must simply work.
func TestBOMAndCRLF(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	for i, f := range a.Files {
		if strings.HasPrefix(f.Name, "content/") || f.Name == "site.toml" {
			a.Files[i].Data = append([]byte("\ufeff"), bytes.ReplaceAll(f.Data, []byte("\n"), []byte("\r\n"))...)
		}
	}
	files := buildSite(t, writeSite(t, a))
	page := string(files["artikel/ergebnis/index.html"])
	if !strings.Contains(page, "<h1>Das &#34;Ergebnis&#34; ist da</h1>") {
		t.Errorf("article title missing:\n%s", page)
	}
	if !strings.Contains(page, "und &bdquo;Zitat&ldquo;.") {
		t.Errorf("article body missing")
	}
}

// TestInvalidUTF8 reports the byte and its position, in front matter and
// in the Markdown body, and names the letter a Windows-1252 file meant: in
// German, the site's language, and in English with --lang en.
func TestInvalidUTF8(t *testing.T) {
	for _, tc := range []struct{ name, src, de, en string }{
		{"front matter", "+++\ntitle = \"Gr\xfc\xdfe\"\ndate = 2024-07-01\n+++\nText\n",
			`content/articles/2024-07-01-kaputt.md:2:12: ungültiges UTF-8-Byte 0xfc ("ü" in Windows-1252): speichern Sie die Datei als UTF-8`,
			`content/articles/2024-07-01-kaputt.md:2:12: invalid UTF-8 byte 0xfc ("ü" in Windows-1252): save the file as UTF-8`},
		{"body, CRLF and BOM", "\ufeff+++\r\ntitle = \"Grüße\"\r\ndate = 2024-07-01\r\n+++\r\n\r\nText mit \x84Anf\xfchrung\x93.\r\n",
			`content/articles/2024-07-01-kaputt.md:6:10: ungültiges UTF-8-Byte 0x84 ("„" in Windows-1252): speichern Sie die Datei als UTF-8`,
			`content/articles/2024-07-01-kaputt.md:6:10: invalid UTF-8 byte 0x84 ("„" in Windows-1252): save the file as UTF-8`},
		{"not Windows-1252 either", "+++\ntitle = \"T\"\ndate = 2024-07-01\n+++\n\nA\x81\n",
			`content/articles/2024-07-01-kaputt.md:6:2: ungültiges UTF-8-Byte 0x81: speichern Sie die Datei als UTF-8`,
			`content/articles/2024-07-01-kaputt.md:6:2: invalid UTF-8 byte 0x81: save the file as UTF-8`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := readArchive(t, "testdata/base.txtar")
			a.Files = append(a.Files, sitetest.File{Name: "content/articles/2024-07-01-kaputt.md", Data: []byte(tc.src)})
			dir := writeSite(t, a)
			for _, run := range []struct {
				want  string
				extra []string
			}{{tc.de, []string{"--lang", "de"}}, {tc.en, nil}} {
				code, _, stderr := runCmd(t, buildArgs(dir, run.extra...)...)
				if code != 1 || !strings.HasPrefix(strings.ReplaceAll(stderr, dir+"/", ""), run.want+"\n") {
					t.Errorf("%v: exit %d, stderr:\n%s\nwant:\n%s", run.extra, code, stderr, run.want)
				}
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"build", "--no-such-flag"}, {"build", "extra"}, {"build", "-s", "/no/such/dir"}} {
		if code, _, _ := runCmd(t, args...); code != 2 {
			t.Errorf("%q: exit code %d, want 2", args, code)
		}
	}
}

// inLanguagePaths points the small site's links to its fields at fields,
// the path of another main language than German: build refuses a link
// that goes nowhere.
func inLanguagePaths(a *sitetest.Archive, fields string) *sitetest.Archive {
	var files []sitetest.File
	for _, f := range a.Files {
		if f.Name == "site.toml" || strings.HasPrefix(f.Name, "content/articles/") {
			f.Data = bytes.ReplaceAll(f.Data, []byte("/handlungsfelder/"), []byte("/"+fields+"/"))
		}
		files = append(files, f)
	}
	return &sitetest.Archive{Comment: a.Comment, Files: files}
}

// TestEnglish builds the small site with language = "en": English paths and
// texts, and no German UI text left.
func TestEnglish(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	cfg, _ := a.File("site.toml")
	a = sitetest.Merge(a, &sitetest.Archive{Files: []sitetest.File{{Name: "site.toml", Data: bytes.Replace(cfg, []byte("base_url"), []byte("language = \"en\"\nbase_url"), 1)}}})
	a = inLanguagePaths(a, "fields")
	files := buildSite(t, writeSite(t, a))
	for _, name := range []string{"fields/steuerung/index.html", "rounds/2024/index.html", "news/ergebnis/index.html", "method/index.html", "data/2024.csv"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s not built", name)
		}
	}
	page := string(files["fields/steuerung/index.html"])
	for _, want := range []string{`<html lang="en">`, "Questions and answers", "How the score is computed"} {
		if !strings.Contains(page, want) {
			t.Errorf("English field page lacks %q", want)
		}
	}
	for _, german := range []string{"Handlungsfeld", "Fragen und Antworten", "Startseite"} {
		if strings.Contains(page, german) {
			t.Errorf("English field page contains German UI text %q", german)
		}
	}
}

// TestHugeInputsAreRefused feeds a 20 MB article and an instrument with
// 100,000 questions: both are refused with the limit, not processed for
// minutes.
func TestHugeInputsAreRefused(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	body := strings.Repeat("Ein Satz ueber die Stadt. ", 20<<20/26) // 20 MB
	a.Files = append(a.Files, sitetest.File{Name: "content/articles/2024-01-01-riesig.md", Data: []byte("+++\ntitle = \"Riesig\"\ndate = 2024-01-01\n+++\n" + body)})
	var in strings.Builder
	in.WriteString("title = \"Riesig\"\n[[scale]]\npoints = 0\nlabel = \"nein\"\n[[scale]]\npoints = 1\nlabel = \"ja\"\n[[fields]]\nslug = \"f\"\ntitle = \"F\"\n")
	for i := range 100000 {
		fmt.Fprintf(&in, "[[fields.questions]]\nid = \"Q-%d\"\ntext = \"Frage %d?\"\n", i, i)
	}
	a = sitetest.Merge(a, &sitetest.Archive{Files: []sitetest.File{
		{Name: "content/selfcheck/instrument.toml", Data: []byte(in.String())},
		{Name: "content/selfcheck/rounds/2021.toml", Data: []byte("(delete)")},
		{Name: "content/selfcheck/rounds/2024.toml", Data: []byte("(delete)")},
	}})
	dir := writeSite(t, a)
	code, _, stderr := runCmd(t, buildArgs(dir)...)
	want := "content/articles/2024-01-01-riesig.md: file is 20.0 MB; the limit is 10 MB per file: split it, or put large downloads under content/static\n" +
		"content/selfcheck/instrument.toml:1:1: the instrument has 100000 questions; the limit is 10000\n"
	if code != 1 || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
}

// TestRightToLeft: a site in a language written right to left marks every
// page with dir="rtl", and writes numbers as that language does, with the
// project's Arabic UI texts.
func TestRightToLeft(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	cfg, _ := a.File("site.toml")
	a = sitetest.Merge(a, &sitetest.Archive{Files: []sitetest.File{
		{Name: "site.toml", Data: bytes.Replace(cfg, []byte("base_url"), []byte("language = \"ar\"\nbase_url"), 1)},
	}})
	a = inLanguagePaths(a, "majalat")
	files := buildSite(t, writeSite(t, a))
	var page string
	for name, b := range files {
		if strings.HasSuffix(name, "/steuerung/index.html") {
			page = string(b)
		}
	}
	if !strings.Contains(page, `<html lang="ar" dir="rtl">`) {
		t.Error(`the Arabic field page lacks <html lang="ar" dir="rtl">`)
	}
	if !regexp.MustCompile(`[٠-٩]+\x{00a0}?[%٪]`).MatchString(page) {
		i := strings.Index(page, "%")
		t.Errorf("the Arabic field page writes no percentage in Arabic digits: %q", page[max(0, i-40):i+5])
	}
	if strings.Contains(string(files["index.html"]), `dir="ltr"`) {
		t.Error("a page says ltr")
	}
}

// TestPreviewBuild builds the example as a merge request's preview: at
// another address with a sub-path, drafts included.
func TestPreviewBuild(t *testing.T) {
	const base = "https://gruppe.gitlab.io/weltoffen/-/mr-12/"
	checkPreview(t, buildSite(t, "..", "--preview", "--base-url", base), base, "..", 1000)
}

// checkPreview checks a preview of the example published at base: every
// link into the site uses base and leads to a file of the build, nothing
// points at the address of site.toml, every page says it is a preview in its
// language, and search engines are kept out.
func checkPreview(t *testing.T, files map[string][]byte, base, siteDir string, minLinks int) {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(files["robots.txt"]); got != "User-agent: *\nDisallow: /\n" {
		t.Errorf("robots.txt = %q, want every path disallowed", got)
	}
	for name, want := range map[string]string{"index.html": "Vorschau – ", "en/index.html": "Preview – "} {
		page := string(files[name])
		if page == "" && name != "index.html" {
			continue // a site in German only
		}
		if !strings.Contains(page, `<meta name="robots" content="noindex, nofollow">`) {
			t.Errorf("%s has no robots noindex meta", name)
		}
		if !strings.Contains(page, `<p class="draft-banner" role="status">`+want) {
			t.Errorf("%s has no preview banner starting %q", name, want)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(siteDir, "site.toml"))
	if err != nil {
		t.Fatal(err)
	}
	configured := regexp.MustCompile(`(?m)^base_url = "([^"]+)"`).FindSubmatch(cfg)
	if configured == nil {
		t.Fatal("site.toml has no base_url")
	}
	attr := regexp.MustCompile(`(?:href|src|content)="([^"#?]*)`)
	checked := 0
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		if bytes.Contains(b, configured[1]) {
			t.Errorf("%s names site.toml's base_url %s", name, configured[1])
		}
		for _, m := range attr.FindAllSubmatch(b, -1) {
			link := string(m[1])
			var rel string
			switch {
			case strings.HasPrefix(link, base):
				rel = strings.TrimPrefix(link, base)
			case strings.HasPrefix(link, u.Path):
				rel = strings.TrimPrefix(link, u.Path)
			case strings.HasPrefix(link, "/"):
				t.Errorf("%s: link %q is outside the preview's path", name, link)
				continue
			default:
				continue
			}
			if rel == "" || strings.HasSuffix(rel, "/") {
				rel += "index.html"
			}
			// A server reads a percent-encoded path, such as a tag's in
			// Arabic letters, as the file's name.
			if p, err := url.PathUnescape(rel); err == nil {
				rel = p
			}
			if _, ok := files[rel]; !ok {
				t.Errorf("%s: link %q leads to no file of the build", name, link)
			}
			checked++
		}
	}
	if checked < minLinks {
		t.Errorf("only %d links checked", checked)
	}
}

// TestBuiltinTheme builds a site without a templates folder, with one
// overridden template and with one overridden UI text: each builds, and
// the override changes only what it names.
func TestBuiltinTheme(t *testing.T) {
	build := func(t *testing.T, extra ...sitetest.File) map[string][]byte {
		t.Helper()
		a := readArchive(t, "testdata/base.txtar")
		a.Files = append(a.Files, extra...)
		dir := writeSite(t, a)
		dest := filepath.Join(t.TempDir(), "public")
		// No --templates: the site has only what it overrides.
		if code, _, stderr := runCmd(t, "build", "-s", dir, "-d", dest); code != 0 {
			t.Fatalf("build failed with exit code %d:\n%s", code, stderr)
		}
		return readTree(t, dest)
	}
	plain := build(t)
	if !strings.Contains(string(plain["index.html"]), `<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>`) {
		t.Fatalf("the built-in theme did not render the home page:\n%s", plain["index.html"])
	}

	t.Run("template", func(t *testing.T) {
		files := build(t, sitetest.File{Name: "templates/404.html", Data: []byte("{{define \"main\"}}\n<h1>{{.Title}}</h1>\n<p>Diese Seite gibt es in Testdorf nicht.</p>\n{{end}}\n")})
		if !strings.Contains(string(files["404.html"]), "<p>Diese Seite gibt es in Testdorf nicht.</p>") {
			t.Errorf("404.html does not use the override:\n%s", files["404.html"])
		}
		if !bytes.Equal(files["index.html"], plain["index.html"]) {
			t.Error("overriding 404.html changed the home page")
		}
	})

	t.Run("UI text", func(t *testing.T) {
		files := build(t, sitetest.File{Name: "templates/i18n/de.toml", Data: []byte("[text]\nskip_link = \"Direkt zum Inhalt\"\n")})
		home := string(files["index.html"])
		if !strings.Contains(home, `<a class="skip-link" href="#inhalt">Direkt zum Inhalt</a>`) {
			t.Errorf("the home page does not use the overridden text:\n%s", home)
		}
		if got, want := strings.ReplaceAll(home, "Direkt zum Inhalt", "Zum Inhalt springen"), string(plain["index.html"]); got != want {
			t.Error("overriding one UI text changed more than that text")
		}
	})

	t.Run("unknown template", func(t *testing.T) {
		a := readArchive(t, "testdata/base.txtar")
		a.Files = append(a.Files, sitetest.File{Name: "templates/artikel.html", Data: []byte("{{define \"main\"}}{{end}}\n")})
		dir := writeSite(t, a)
		const names = "404.html, article.html, articles.html, data.html, embed.html, event.html, events.html, field.html, fields.html, home.html, layout.html, measure.html, measures.html, method.html, page.html, round.html, rounds.html, search.html, tag.html, tags.html"
		for _, run := range []struct {
			want  string
			extra []string
		}{
			{"templates/artikel.html: artikel.html ersetzt keine eingebaute Vorlage; möglich sind: " + names + "\n", nil},
			{"templates/artikel.html: artikel.html overrides no built-in template; name one of: " + names + "\n", []string{"--lang", "en"}},
		} {
			code, _, stderr := runCmd(t, append([]string{"build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public")}, run.extra...)...)
			if code != 1 || !strings.HasPrefix(strings.ReplaceAll(stderr, dir+"/", ""), run.want) {
				t.Errorf("%v: exit %d, stderr:\n%s\nwant:\n%s", run.extra, code, stderr, run.want)
			}
		}
	})
}

// TestBuildWithoutChartRuntime builds as a binary from plain go build does
// in a town's folder, which has no node_modules: the charts are published
// as SVG alone, no page offers or loads the interactive version, nothing
// refers to a file that was not written, and the build warns once.
func TestBuildWithoutChartRuntime(t *testing.T) {
	defer func(f func(string) []byte) { findRuntime = f }(findRuntime)
	findRuntime = func(string) []byte { return nil }
	dir := writeSite(t, readArchive(t, "testdata/base.txtar"))
	dest := filepath.Join(t.TempDir(), "public")
	code, _, stderr := runCmd(t, buildArgs(dir, "-d", dest)...)
	if code != 0 {
		t.Fatalf("build: exit %d\n%s", code, stderr)
	}
	want := "offenbar: warning: this offenbar was built without the chart runtime, so the charts are published as images without their interactive version; a release binary has it inside (the release page of offenbar, or .ci/release after npm ci)\n"
	if stderr != want {
		t.Errorf("stderr = %q, want the warning once: %q", stderr, want)
	}
	files := readTree(t, dest)
	if _, ok := files["assets/echarts.min.js"]; ok {
		t.Error("assets/echarts.min.js was written without a runtime")
	}
	charts := 0
	asset := regexp.MustCompile(`/assets/([^"?]+)`)
	for name, b := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		charts += bytes.Count(b, []byte(`class="chart-canvas`))
		for _, bad := range []string{"site.js", "echarts.min.js", `type="application/json"`} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s names %s, but nothing could draw an interactive chart", name, bad)
			}
		}
		for _, m := range asset.FindAllSubmatch(b, -1) {
			if _, ok := files["assets/"+string(m[1])]; !ok {
				t.Errorf("%s refers to /assets/%s, which was not written", name, m[1])
			}
		}
	}
	if charts == 0 {
		t.Error("no page has a chart; the test site needs a round")
	}
	code, _, stderr = runCmd(t, "check", "-s", dir, "--lang", "en", "--templates", templatesDir)
	if code != 0 || stderr != want {
		t.Errorf("check: exit %d, stderr %q; want 0 and the warning once", code, stderr)
	}
}
