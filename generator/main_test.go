package main

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
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
	args := []string{"build", "-s", dir}
	if _, err := os.Stat(filepath.Join(dir, "templates")); err != nil {
		args = append(args, "--templates", templatesDir)
	}
	return append(args, extra...)
}

// readTree returns every file below dir, by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestErrorCases(t *testing.T) {
	base := readArchive(t, "testdata/base.txtar")
	cases, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(cases) == 0 {
		t.Fatal("no error cases")
	}
	for _, file := range cases {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			c := readArchive(t, file)
			want, _ := c.File("want")
			site := sitetest.Merge(base, c)
			var files []sitetest.File
			for _, f := range site.Files {
				if f.Name != "want" {
					files = append(files, f)
				}
			}
			site.Files = files
			dir := writeSite(t, site)

			// A previous build must survive the failed one byte for byte.
			public := filepath.Join(dir, "public")
			os.MkdirAll(public, 0o755)
			os.WriteFile(filepath.Join(public, publish.Marker), []byte("x"), 0o644)
			os.WriteFile(filepath.Join(public, "index.html"), []byte("previous"), 0o644)
			before := readTree(t, public)

			code, _, stderr := runCmd(t, buildArgs(dir)...)
			got := strings.ReplaceAll(stderr, dir+string(filepath.Separator), "")
			got = strings.TrimSuffix(got, "build failed; the previous output was left as it was\n")
			if *update {
				c.Files = updateFile(c.Files, "want", got)
				os.WriteFile(file, sitetest.Format(c), 0o644)
				return
			}
			if code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			if got != string(want) {
				t.Errorf("problems differ\ngot:\n%s\nwant:\n%s", got, want)
			}
			after := readTree(t, public)
			if len(after) != len(before) || string(after["index.html"]) != "previous" {
				t.Errorf("the failed build changed public/: %v", after)
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
