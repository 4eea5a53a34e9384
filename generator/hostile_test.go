package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offenbar/generator/sitetest"
)

// hostileCase is one attack of testdata/hostile/README.md: files that,
// added to testdata/base.txtar, once took the build minutes. want is the
// first line the build prints, "" when it must build.
type hostileCase struct {
	name  string
	files map[string]string
	want  string
}

func article(body string) map[string]string {
	return map[string]string{"content/articles/2024-07-01-angriff.md": "+++\ntitle = \"Angriff\"\ndate = 2024-07-01\n+++\n\n" + body}
}

const angriff = "content/articles/2024-07-01-angriff.md"

func hostileCases() []hostileCase {
	r := strings.Repeat
	return []hostileCase{
		{"unclosed-links-100k", article(r("[a](", 25000)), angriff + `:6:132: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
		{"unclosed-links-200k", article(r("[a](", 50000)), angriff + `:6:132: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
		{"nested-lists", article(r("- ", 100000) + "x"), angriff + ":6:33: block quotes, lists and footnotes nested 100000 levels deep: at most 16 may stand inside each other"},
		{"nested-quotes", article(r("> ", 100000)), angriff + ":6:33: block quotes, lists and footnotes nested 100000 levels deep: at most 16 may stand inside each other"},
		{"footnotes-4mb", article(r("[^a]", 1<<20)), angriff + ": text of 4096 KB; the limit is 256 KB of Markdown per page: split it into several pages"},
		{"footnotes-250k", article("[^a]: x\n\n" + r("[^a] ", 50000)), angriff + `:8:50001: more than 10000 "[" in one page (links, images, footnotes): split it into several pages`},
		{"reference-links", article("[a]: /u\n\n" + r("[a]", 80000)), angriff + `:8:29998: more than 10000 "[" in one page (links, images, footnotes): split it into several pages`},
		{"backticks-3mb", article(r("``\\", 1<<20)), angriff + ": text of 3072 KB; the limit is 256 KB of Markdown per page: split it into several pages"},
		{"backticks-250k", article(r("``\\", 80000)), angriff + ":6:2999: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
		{"quotes-200k", article(r("'", 200000)), angriff + ":6:1001: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
		{"prose-9mb", article(r("Ein Satz über die Stadt, den Rat und die Vereine.\n\n", 9<<20/52)), angriff + ": text of 9216 KB; the limit is 256 KB of Markdown per page: split it into several pages"},
		// Just inside the limits: builds, at the worst cost a page can have.
		{"quotes-at-limit", article(r(r("'", 1000)+"\n\n", 250)), ""},
		{"nesting-at-limit", article(r(r("- ", 16)+"x\n", 7000)), ""},
		// Markdown in TOML is shown as text when it would take minutes.
		{"toml-unclosed-links", map[string]string{"content/selfcheck/rounds/2024.toml": "title = \"Runde 2024\"\ndate = 2024-05-01\nsummary = \"" + r("[a](", 50000) + "\"\n[answers]\nS-1 = 2\nS-2 = 1\nZ-1 = 1\nZ-2 = 0\n"}, ""},
	}
}

// TestHostileCorpus builds each attack of testdata/hostile through the
// real command: it ends with its error, or builds, well within the
// deadline, which guards liveness only (BenchmarkHostileMarkdown in package
// content measures). With OFFENBAR_HOSTILE=DIR it also writes each site to
// DIR/NAME, for measuring with /usr/bin/time.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds megabytes of Markdown")
	}
	base := readArchive(t, "testdata/base.txtar")
	for _, c := range hostileCases() {
		t.Run(c.name, func(t *testing.T) {
			var files []sitetest.File
			for name, data := range c.files {
				files = append(files, sitetest.File{Name: name, Data: []byte(data)})
			}
			a := sitetest.Merge(base, &sitetest.Archive{Files: files})
			if dir := os.Getenv("OFFENBAR_HOSTILE"); dir != "" {
				if err := a.WriteDir(filepath.Join(dir, c.name)); err != nil {
					t.Fatal(err)
				}
			}
			dir := writeSite(t, a)
			type result struct {
				code   int
				stderr string
			}
			done := make(chan result, 1)
			go func() {
				code, _, stderr := runCmd(t, buildArgs(dir, "-d", filepath.Join(t.TempDir(), "public"))...)
				done <- result{code, stderr}
			}()
			select {
			case res := <-done:
				first, _, _ := strings.Cut(res.stderr, "\n")
				if c.want == "" && res.code != 0 || c.want != "" && (res.code != 1 || first != c.want) {
					t.Errorf("exit %d, first line:\n%s\nwant:\n%s", res.code, first, c.want)
				}
			case <-time.After(90 * time.Second):
				t.Fatal("the build did not end within 90 s")
			}
		})
	}
}
