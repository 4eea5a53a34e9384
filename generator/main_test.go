package main

import (
	"bytes"
	"flag"
	"image"
	"image/jpeg"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"offenbar/generator/publish"
	"offenbar/generator/sitetest"
)

var update = flag.Bool("update", false, "rewrite golden files and the want sections of error cases")

// templatesDir is the project's own templates, used by every test site.
const templatesDir = "../templates"

func readArchive(t *testing.T, path string) *sitetest.Archive {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sitetest.Parse(b)
}

// writeSite writes a site to a new temporary directory. When the archive
// brings templates of its own, they replace files of the project's.
func writeSite(t *testing.T, a *sitetest.Archive) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range a.Files {
		if strings.HasPrefix(f.Name, "templates/") {
			if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS(templatesDir)); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	if err := a.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func buildArgs(dir string, extra ...string) []string {
	args := []string{"build", "-s", dir, "--lang", "en"}
	if _, err := os.Stat(filepath.Join(dir, "templates")); err != nil {
		args = append(args, "--templates", templatesDir)
	}
	return append(args, extra...)
}

// readTree returns every file below dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := sitetest.ReadTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestErrorCases builds each site of testdata/errors: it must fail with
// exactly the problems in its want section and leave public/ untouched.
func TestErrorCases(t *testing.T) { testCases(t, "errors", "build") }

// TestCheckCases checks each site of testdata/check for broken links,
// with check and with build: both follow one set of rules, so build
// refuses what check reports, with the same messages.
func TestCheckCases(t *testing.T) {
	testCases(t, "check", "check")
	if !*update {
		testCases(t, "check", "build")
	}
}

func testCases(t *testing.T, dir, command string) {
	base := readArchive(t, "testdata/base.txtar")
	cases, _ := filepath.Glob("testdata/" + dir + "/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no error cases")
	}
	// Each case runs in English and in German, the language of the
	// example sites, each with its exact messages.
	langs := []struct{ file, lang, failed string }{
		{"want", "en", "build failed; the previous output was left as it was\n"},
		{"want-de", "de", "Erzeugen fehlgeschlagen; die bisherige Ausgabe bleibt, wie sie war\n"},
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(command+"/"+name, func(t *testing.T) {
			c := readArchive(t, file)
			site := sitetest.Merge(base, c)
			var files []sitetest.File
			for _, f := range site.Files {
				if !strings.HasPrefix(f.Name, "want") && f.Name != "exit" {
					files = append(files, f)
				}
			}
			site.Files = files
			dir := writeSite(t, site)
			wantCode := 1
			if e, ok := c.File("exit"); ok {
				wantCode, _ = strconv.Atoi(strings.TrimSpace(string(e)))
			}
			for _, l := range langs {
				want, _ := c.File(l.file)

				// A previous build must survive the failed one byte for byte.
				public := filepath.Join(dir, "public")
				os.RemoveAll(public)
				os.MkdirAll(public, 0o755)
				os.WriteFile(filepath.Join(public, publish.Marker), []byte("x"), 0o644)
				os.WriteFile(filepath.Join(public, "index.html"), []byte("previous"), 0o644)
				before := readTree(t, public)

				args := buildArgs(dir, "--lang", l.lang)
				args[0] = command
				code, _, stderr := runCmd(t, args...)
				got := strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
				got = strings.TrimSuffix(got, l.failed)
				if *update {
					c.Files = updateFile(c.Files, l.file, got)
					continue
				}
				if code != wantCode {
					t.Errorf("--lang %s: exit code %d, want %d", l.lang, code, wantCode)
				}
				if got != string(want) {
					t.Errorf("--lang %s: problems differ\ngot:\n%s\nwant:\n%s", l.lang, got, want)
				}
				after := readTree(t, public)
				if wantCode != 0 && (len(after) != len(before) || string(after["index.html"]) != "previous") {
					t.Errorf("the failed build changed public/: it holds %v", slices.Sorted(maps.Keys(after)))
				}
			}
			if *update {
				os.WriteFile(file, sitetest.Format(c), 0o644)
			}
		})
	}
}

func updateFile(files []sitetest.File, name, data string) []sitetest.File {
	for i := range files {
		if files[i].Name == name {
			files[i].Data = []byte(data)
			return files
		}
	}
	return append(files, sitetest.File{Name: name, Data: []byte(data)})
}

func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"site.toml", "content", "templates"} {
		src := filepath.Join("..", p)
		if fi, _ := os.Stat(src); fi.IsDir() {
			if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(src)); err != nil {
				t.Fatal(err)
			}
		} else {
			b, _ := os.ReadFile(src)
			os.WriteFile(filepath.Join(dir, p), b, 0o644)
		}
	}
	return dir
}

func TestNewArticle(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732526400") // 2024-11-25 09:20 UTC
	t.Setenv("TZ", "UTC")
	dir := copyExample(t)
	code, stdout, stderr := runCmd(t, "new", "-s", dir, "article", "Große Pläne für Straßenfeste")
	want := filepath.Join(dir, "content/articles/2024-11-25-grosse-plaene-fuer-strassenfeste.md")
	if code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, _ := os.ReadFile(want)
	if !strings.Contains(string(b), "title = \"Große Pläne für Straßenfeste\"") || !strings.Contains(string(b), "draft = true") {
		t.Errorf("new article:\n%s", b)
	}
	// The draft builds, is left out of the site, and shows with --drafts.
	// The build runs after every date of the example, whose accessibility
	// statement the footer links to.
	t.Setenv("SOURCE_DATE_EPOCH", "1796000000") // 2026-11-30
	files := buildSite(t, dir)
	if _, ok := files["artikel/grosse-plaene-fuer-strassenfeste/index.html"]; ok {
		t.Error("a draft was published")
	}
	files = buildSite(t, dir, "--drafts")
	page := string(files["artikel/grosse-plaene-fuer-strassenfeste/index.html"])
	if !strings.Contains(page, `class="draft-banner"`) || !strings.Contains(page, "Entwurf") {
		t.Error("a draft built with --drafts has no draft banner")
	}
	// A second call on the same day must not overwrite the editor's text.
	t.Setenv("SOURCE_DATE_EPOCH", "1732526400")
	os.WriteFile(want, []byte("my text"), 0o644)
	if code, _, stderr := runCmd(t, "new", "-s", dir, "article", "Große Pläne für Straßenfeste"); code != 1 || !strings.Contains(stderr, "gibt es schon; die Datei bleibt, wie sie ist") {
		t.Errorf("second new: exit %d, %q", code, stderr)
	}
	if b, _ := os.ReadFile(want); string(b) != "my text" {
		t.Error("new overwrote an existing article")
	}
}

func TestNewRound(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1732526400")
	dir := copyExample(t)
	code, _, stderr := runCmd(t, "new", "-s", dir, "round", "2027")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "content/selfcheck/rounds/2027.toml"))
	if n := strings.Count(string(b), "\n# FZ-"); n != 36 {
		t.Errorf("%d questions of Fairer Zugang listed, want 36", n)
	}
	if n := regexp.MustCompile(`(?m)^# [A-Z]{2}-\d\d = $`).FindAllIndex(b, -1); len(n) != 108 {
		t.Errorf("%d questions listed, want 108", len(n))
	}
	// The draft round does not break the published site ...
	t.Setenv("SOURCE_DATE_EPOCH", "1796000000") // after the example's dates
	files := buildSite(t, dir)
	if _, ok := files["runden/2027/index.html"]; ok {
		t.Error("a draft round was published")
	}
	// ... and a half-filled one shows in the preview.
	filled := strings.Replace(string(b), "# MS-01 = \n", "MS-01 = 3\n", 1)
	os.WriteFile(filepath.Join(dir, "content/selfcheck/rounds/2027.toml"), []byte(filled), 0o644)
	code, _, stderr = runCmd(t, buildArgs(dir, "--drafts", "-d", filepath.Join(t.TempDir(), "out"))...)
	if code != 0 || !strings.Contains(stderr, "warning: draft round: 107 of 108 questions are not answered yet") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}

func TestFutureAndExpired(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	a.Files = append(a.Files,
		sitetest.File{Name: "content/articles/2099-01-01-zukunft.md", Data: []byte("+++\ntitle = \"Zukunft\"\ndate = 2099-01-01\n+++\nText\n")},
		sitetest.File{Name: "content/articles/2020-01-01-alt.md", Data: []byte("+++\ntitle = \"Alt\"\ndate = 2020-01-01\nexpiryDate = 2021-01-01\n+++\nText\n")},
		sitetest.File{Name: "content/articles/2020-02-01-spaeter.md", Data: []byte("+++\ntitle = \"Später\"\ndate = 2020-02-01\npublishDate = 2098-01-01\n+++\nText\n")},
	)
	dir := writeSite(t, a)
	files := buildSite(t, dir)
	for _, slug := range []string{"zukunft", "alt", "spaeter"} {
		if _, ok := files["artikel/"+slug+"/index.html"]; ok {
			t.Errorf("%s was published", slug)
		}
	}
	files = buildSite(t, dir, "--future")
	for _, slug := range []string{"zukunft", "spaeter"} {
		if _, ok := files["artikel/"+slug+"/index.html"]; !ok {
			t.Errorf("%s not published with --future", slug)
		}
	}
}

// TestCheckGitHubFormat prints problems as GitHub Actions annotations; build
// does not follow links and succeeds.
func TestCheckGitHubFormat(t *testing.T) {
	base := readArchive(t, "testdata/base.txtar")
	c := readArchive(t, "testdata/check/missing-image.txtar")
	site := sitetest.Merge(base, c)
	dir := writeSite(t, site)
	args := buildArgs(dir, "--format", "github")
	args[0] = "check"
	code, _, stderr := runCmd(t, args...)
	want := "::error file=content/pages/impressum.md,line=4,col=1::image \"/bilder/rathaus.jpg\" does not exist\n"
	if code != 1 || strings.ReplaceAll(stderr, dir+"/", "") != want {
		t.Errorf("exit %d, got:\n%s\nwant:\n%s", code, stderr, want)
	}
	// build follows the rules of check: it refuses the broken image, in
	// the same words.
	args = buildArgs(dir, "--format", "github", "-d", filepath.Join(t.TempDir(), "out"))
	code, _, stderr = runCmd(t, args...)
	if code != 1 || !strings.HasPrefix(strings.ReplaceAll(stderr, dir+"/", ""), want) {
		t.Errorf("build with a broken image: exit %d\n%s", code, stderr)
	}
}

// TestStaticFiles publishes files of content/static as they are, so that an
// image link resolves.
func TestStaticFiles(t *testing.T) {
	base := readArchive(t, "testdata/base.txtar")
	c := readArchive(t, "testdata/check/missing-image.txtar")
	site := sitetest.Merge(base, c)
	var photo bytes.Buffer
	jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 40, 30)), nil)
	site.Files = append(site.Files,
		sitetest.File{Name: "content/static/bilder/rathaus.jpg", Data: photo.Bytes()},
		sitetest.File{Name: "content/static/dokumente/satzung.txt", Data: []byte("Satzung")})
	dir := writeSite(t, site)
	args := buildArgs(dir)
	args[0] = "check"
	if code, _, stderr := runCmd(t, args...); code != 0 {
		t.Errorf("check: exit %d\n%s", code, stderr)
	}
	files := buildSite(t, dir)
	if string(files["dokumente/satzung.txt"]) != "Satzung" {
		t.Error("a static file was not published as it is")
	}
	// A photo is published as package picture makes it: never the original.
	img, err := jpeg.Decode(bytes.NewReader(files["bilder/rathaus.jpg"]))
	if err != nil || img.Bounds().Dx() != 40 || bytes.Equal(files["bilder/rathaus.jpg"], photo.Bytes()) {
		t.Errorf("static photo: %v, %v", err, img.Bounds())
	}
}

// TestVersion prints one line naming the program and the Go release.
func TestVersion(t *testing.T) {
	code, stdout, _ := runCmd(t, "version")
	if code != 0 || !regexp.MustCompile(`^offenbar \S+( commit [0-9a-f]{12}(\+changes)?( of \S+)?)? \(go[0-9.]+\S*\)\n$`).MatchString(stdout) {
		t.Errorf("exit %d, version = %q", code, stdout)
	}
}

// TestBuildNeverReplacesSources runs build --force at the site's own
// folders, directly and through a symlinked -s: each must be refused with
// exit 1 and leave the folder as it was.
func TestBuildNeverReplacesSources(t *testing.T) {
	dir := writeSite(t, readArchive(t, "testdata/base.txtar"))
	os.MkdirAll(filepath.Join(dir, ".git"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	link := filepath.Join(t.TempDir(), "site")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, dir)
	for _, c := range []struct{ source, dest string }{
		{dir, filepath.Join(dir, "content")},
		{dir, filepath.Join(dir, ".git")},
		{dir, dir},
		{link, filepath.Join(dir, "content")},
		{link, dir},
		{dir, filepath.Join(link, "content")},
		{link, filepath.Dir(dir)},
	} {
		args := buildArgs(dir, "-d", c.dest, "--force")
		args[2] = c.source
		code, _, stderr := runCmd(t, args...)
		if code != 1 || !strings.Contains(stderr, "refusing") {
			t.Errorf("build -s %s -d %s --force: exit %d\n%s", c.source, c.dest, code, stderr)
		}
	}
	if after := readTree(t, dir); len(after) != len(before) {
		t.Errorf("the site changed: %d files before, %d after", len(before), len(after))
	}
	if _, err := os.Stat(filepath.Join(dir, ".git", "HEAD")); err != nil {
		t.Error(".git was touched")
	}
}
