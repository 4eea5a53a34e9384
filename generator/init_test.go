package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"gopkg.in/yaml.v3"

	"offenbar/generator/site"
	"offenbar/generator/sitetest"
)

var placeholderRE = sitetest.PlaceholderRE

// TestInit starts a town's site with init. build refuses it and lists every
// placeholder at its position; serve's options accept them. Once the
// placeholders are filled, the questions written and one round added, the
// site builds without a templates folder.
func TestInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "musterstadt")
	code, stdout, stderr := runCmd(t, "init", dir)
	if code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	// A new site is German, and so is what init says.
	if !strings.Contains(stdout, "neue Website in "+dir+" mit 12 Dateien angelegt:") {
		t.Errorf("init printed %q", stdout)
	}
	for _, f := range []string{"site.toml", "content/pages/impressum.md", "content/pages/datenschutz.md", "content/pages/barrierefreiheit.md", "content/selfcheck/instrument.toml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init wrote no %s", f)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "templates")); err == nil {
		t.Error("init wrote templates: a new site should use the built-in theme")
	}
	// The first git add -A of a town commits no build output and no cache.
	ignore, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatalf("init wrote no .gitignore: %v", err)
	}
	for _, want := range []string{"/public/", "/preview/", "/audit/", "/.cache/"} {
		if !slices.Contains(strings.Split(string(ignore), "\n"), want) {
			t.Errorf(".gitignore lacks the line %q:\n%s", want, ignore)
		}
	}

	// Every placeholder of every file is listed, at its line and column.
	var want, wantDE []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		for i, line := range strings.Split(string(b), "\n") {
			for _, loc := range placeholderRE.FindAllStringIndex(line, -1) {
				col := len([]rune(line[:loc[0]])) + 1
				want = append(want, fmt.Sprintf("%s:%d:%d: placeholder left: replace %s with your own text", filepath.ToSlash(rel), i+1, col, line[loc[0]:loc[1]]))
				wantDE = append(wantDE, fmt.Sprintf("%s:%d:%d: Platzhalter nicht ausgefüllt: ersetzen Sie %s durch Ihren eigenen Text", filepath.ToSlash(rel), i+1, col, line[loc[0]:loc[1]]))
			}
		}
		return nil
	})
	if len(want) < 20 {
		t.Fatalf("only %d placeholders in the new site", len(want))
	}
	// In German, the site's language, and in English.
	for _, run := range []struct {
		want  []string
		extra []string
	}{{wantDE, nil}, {want, []string{"--lang", "en"}}} {
		code, _, stderr = runCmd(t, append([]string{"build", "-s", dir, "-d", filepath.Join(dir, "public")}, run.extra...)...)
		if code != 1 {
			t.Fatalf("build of a site with placeholders: exit %d, want 1", code)
		}
		for _, w := range run.want {
			if !strings.Contains("\n"+stderr, "\n"+w+"\n") {
				t.Errorf("build %v does not report\n%s\nit printed:\n%s", run.extra, w, stderr)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); err == nil {
		t.Error("build wrote public/ although it refused")
	}

	fillTown(t, dir)
	code, _, stderr = runCmd(t, "build", "-s", dir, "-d", filepath.Join(dir, "public"))
	if code != 0 {
		t.Fatalf("build of the filled-in site: exit %d\n%s", code, stderr)
	}
	home, err := os.ReadFile(filepath.Join(dir, "public", "index.html"))
	if err != nil || !strings.Contains(string(home), "Musterstadt") {
		t.Errorf("the home page does not name the town (%v)", err)
	}

	// The town's own CI templates parse, and their preview job builds it.
	if b, err := os.ReadFile(filepath.Join(dir, ".github/workflows/site.yml")); err != nil {
		t.Error(err)
	} else if err := yaml.Unmarshal(b, new(any)); err != nil {
		t.Errorf(".github/workflows/site.yml: %v", err)
	}
	const pages = "https://musterstadt.gitlab.io/weltoffen/mr-3"
	args := previewBuild(t, filepath.Join(dir, ".gitlab-ci.yml"), "preview", "offenbar", map[string]string{"CI_PAGES_URL": pages})
	dest := filepath.Join(t.TempDir(), "preview")
	if code, _, stderr := runCmd(t, append(args, "-s", dir, "-d", dest)...); code != 0 {
		t.Fatalf("%q: exit %d\n%s", args, code, stderr)
	}
	checkPreview(t, readTree(t, dest), pages+"/", dir, 100)
}

func fill(t *testing.T, path string, edit func(string) string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(edit(string(b))), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestInitRefusesAFolderWithFiles keeps what is there.
func TestInitRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notizen.txt"), []byte("Bitte nicht löschen.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, run := range []struct {
		want string
		args []string
	}{
		{"offenbar init: " + dir + ": der Ordner ist nicht leer (darin liegt notizen.txt); init schreibt nur in einen neuen oder leeren Ordner\n", []string{"init", dir}},
		{"offenbar init: " + dir + ": folder is not empty (it holds notizen.txt); init writes only into a new or empty folder\n", []string{"init", dir, "--lang", "en"}},
	} {
		code, _, stderr := runCmd(t, run.args...)
		if code != 1 || stderr != run.want {
			t.Errorf("%q: exit %d, stderr %q, want %q", run.args, code, stderr, run.want)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("init changed the folder: %d entries", len(entries))
	}
}

// TestServeOverlaySpeaksTheSiteLanguage: town-hall staff who break a file
// read the preview's error page in German, with the problems listed.
func TestServeOverlaySpeaksTheSiteLanguage(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	a.Files = append(a.Files, sitetest.File{Name: "content/articles/2024-07-01-kaputt.md", Data: []byte("+++\ntitle = \"Kaputt\"\ndate = 2024-07-01\nautor = \"Amt\"\n+++\nText\n")})
	dir := writeSite(t, a)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := command(t, dir, nil, "serve", "-s", dir, "--port", fmt.Sprint(port))
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	var body string
	for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/weltoffen/", port))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if body = string(b); strings.Contains(body, "<h1>") {
			break
		}
	}
	for _, want := range []string{`<html lang="de">`, "<h1>Die Website konnte nicht gebaut werden</h1>", "content/articles/2024-07-01-kaputt.md:4:1"} {
		if !strings.Contains(body, want) {
			t.Errorf("the error page lacks %q:\n%.1500s\nserve printed:\n%s", want, body, log.String())
		}
	}
}

func fillTown(t *testing.T, dir string) {
	t.Helper()
	if err := sitetest.FillTown(dir); err != nil {
		t.Fatal(err)
	}
}

// TestUpgradeKeepsTheTownsOverrides: a town made by init, with content, one
// overridden template and one overridden UI text, takes a new release whose
// theme changed a template, a UI text and the CSS. Nothing in the town's
// folder changes, so the upgrade cannot conflict, and the town's site shows
// the project's changes together with its own overrides.
func TestUpgradeKeepsTheTownsOverrides(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if code, _, stderr := runCmd(t, "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	fillTown(t, dir)
	if code, _, stderr := runCmd(t, "new", "override", "404.html", "-s", dir); code != 0 {
		t.Fatal(stderr)
	}
	fill(t, filepath.Join(dir, "templates/404.html"), func(s string) string {
		return strings.Replace(s, `<p>{{t "not_found_text"}}</p>`, "<p>Diese Seite gibt es in Musterstadt nicht.</p>", 1)
	})
	os.MkdirAll(filepath.Join(dir, "templates/i18n"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "templates/i18n/de.toml"), []byte("[text]\nskip_link = \"Direkt zum Inhalt\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd(t, "check", "-s", dir); code != 0 || stderr != "" {
		t.Fatalf("check before the upgrade: exit %d\n%s%s", code, stdout, stderr)
	}
	before := readTree(t, dir)

	// The next release of the theme.
	next := fstest.MapFS{}
	fs.WalkDir(site.Builtin, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(site.Builtin, p)
			next[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	edit := func(name, old, new string) {
		b := string(next[name].Data)
		if !strings.Contains(b, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		next[name] = &fstest.MapFile{Data: []byte(strings.Replace(b, old, new, 1))}
	}
	edit("home.html", `<h1>{{de .Site.Config.Title}}</h1>`, `<h1>{{de .Site.Config.Title}}</h1>`+"\n"+`<p class="release-note">Neu in dieser Fassung.</p>`)
	edit("i18n/de.toml", `search = "Suche"`, `search = "Durchsuchen"`)
	edit("assets/site.css", ".skip-link", "/* next release */\n.skip-link")
	edit("404.html", "<h1>{{.Title}}</h1>", "<h1 class=\"not-found\">{{.Title}}</h1>")
	old := site.Builtin
	site.Builtin = next
	defer func() { site.Builtin = old }()

	// check tells the town that the template it copied has changed.
	code, _, stderr := runCmd(t, "check", "-s", dir, "--lang", "en")
	if code != 0 || !regexp.MustCompile(`^templates/404.html:1:1: warning: the built-in 404.html has changed since this copy was made \(version [0-9a-f]{8}, now `+site.ThemeHash(next["404.html"].Data)+`\): move this file aside, run offenbar new override 404.html, and carry your changes over\n$`).MatchString(strings.ReplaceAll(stderr, dir+"/", "")) {
		t.Errorf("check after the upgrade: exit %d\n%s", code, stderr)
	}
	dest := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCmd(t, "build", "-s", dir, "-d", dest); code != 0 {
		t.Fatalf("build with the next release: exit %d\n%s", code, stderr)
	}
	after := readTree(t, dir)
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("the upgrade changed the town's %s", name)
		}
	}
	files := readTree(t, dest)
	home, notFound := string(files["index.html"]), string(files["404.html"])
	for _, want := range []string{
		`<p class="release-note">Neu in dieser Fassung.</p>`, // the project's template
		`>Durchsuchen</a>`, // the project's UI text
		`<a class="skip-link" href="#inhalt">Direkt zum Inhalt</a>`, // the town's UI text
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %q", want)
		}
	}
	if !strings.Contains(notFound, "<p>Diese Seite gibt es in Musterstadt nicht.</p>") {
		t.Error("404.html lost the town's override")
	}
	if !bytes.Contains(files["assets/site.css"], []byte("/* next release */")) {
		t.Error("the site does not carry the project's new CSS")
	}
}

// TestPlaceholderStopsNoCheck: a placeholder left in site.toml is an error
// for build, but it does not keep the site from loading: a preview builds
// with it as a warning, and build still reports other problems beside it.
func TestPlaceholderStopsNoCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if code, _, stderr := runCmd(t, "init", dir); code != 0 {
		t.Fatal(stderr)
	}
	fillTown(t, dir)
	fill(t, filepath.Join(dir, "site.toml"), func(s string) string {
		return regexp.MustCompile(`(?m)^description = .*$`).ReplaceAllString(s, `description = "«AUSFÜLLEN: ein Satz»"`)
	})
	const warning = "site.toml:32:16: warning: placeholder left: replace «AUSFÜLLEN: ein Satz» with your own text\n"
	code, stdout, stderr := runCmd(t, "build", "-s", dir, "-d", filepath.Join(t.TempDir(), "preview"), "--preview", "--lang", "en")
	if code != 0 || strings.ReplaceAll(stderr, dir+"/", "") != warning || !strings.HasPrefix(stdout, "built ") {
		t.Errorf("preview: exit %d\n%s%s", code, stdout, stderr)
	}
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	if err := os.WriteFile(filepath.Join(dir, "templates/404.html"), []byte("{{define \"main\"}}{{if}}{{end}}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, "build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "--lang", "en")
	got := strings.ReplaceAll(stderr, dir+"/", "")
	if code != 1 || !strings.Contains(got, "site.toml:32:16: placeholder left") || !strings.Contains(got, "templates/404.html") {
		t.Errorf("build: exit %d, want the placeholder and the broken template both reported:\n%s", code, got)
	}
}
