package sitetest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// PlaceholderRE matches a placeholder that init leaves, «AUSFÜLLEN: …».
var PlaceholderRE = regexp.MustCompile(`«AUSFÜLLEN:[^»\n]*»`)

var instructionLine = regexp.MustCompile(`(?m)^# «AUSFÜLLEN:.*\n`)

// FillTown fills in the blanks of a site fresh from `offenbar init` as a
// town would: every placeholder with an invented text, one question per
// action field and one round that answers them.
func FillTown(dir string) error {
	edit := func(rel string, f func(string) string) error {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(p, []byte(f(string(b))), 0o644)
	}
	err := edit("site.toml", func(s string) string {
		s = instructionLine.ReplaceAllString(s, "")
		s = strings.Replace(s, `# municipality_key = "09999999"`, `municipality_key = "09799002"`, 1)
		s = strings.Replace(s, `# contact = "opendata@example.org"`, `contact = "opendata@musterstadt.example"`, 1)
		return PlaceholderRE.ReplaceAllString(s, "Musterstadt")
	})
	if err != nil {
		return err
	}
	for _, f := range []string{"impressum.md", "datenschutz.md", "barrierefreiheit.md"} {
		err := edit("content/pages/"+f, func(s string) string {
			s = instructionLine.ReplaceAllString(s, "")
			return PlaceholderRE.ReplaceAllStringFunc(s, func(p string) string {
				switch {
				case strings.Contains(p, "E-Mail"):
					return "<rathaus@musterstadt.example>"
				case strings.Contains(p, "Telefon"):
					return "09999 123-0"
				}
				return "Stadt Musterstadt (erfunden)"
			})
		})
		if err != nil {
			return err
		}
	}
	// A build from source leaves the address of the release to download.
	// scaffold.CIFiles; sitetest cannot import scaffold, whose tests use it.
	for _, f := range []string{".gitlab-ci.yml", ".github/workflows/site.yml"} {
		err := edit(f, func(s string) string {
			return PlaceholderRE.ReplaceAllString(s, "https://git.musterstadt.example/offenbar/releases/v1.0.0/offenbar-linux-amd64")
		})
		if err != nil {
			return err
		}
	}
	n := 0
	err = edit("content/selfcheck/instrument.toml", func(s string) string {
		s = PlaceholderRE.ReplaceAllString(s, "Die Verwaltung füllt den Bogen gemeinsam aus.")
		return regexp.MustCompile(`(?m)^short = ".*"$`).ReplaceAllStringFunc(s, func(line string) string {
			n++
			return fmt.Sprintf("%s\n\n[[fields.questions]]\nid = \"F%d-1\"\ntext = \"Gibt es dazu einen Beschluss des Rates?\"\n", line, n)
		})
	})
	if err != nil {
		return err
	}
	var answers strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&answers, "F%d-1 = %d\n", i, i%4)
	}
	round := "title = \"Runde 2027\"\ndate = 2026-03-01\nsummary = \"Die erste Runde.\"\n\n[answers]\n" + answers.String()
	return os.WriteFile(filepath.Join(dir, "content/selfcheck/rounds/2027.toml"), []byte(round), 0o644)
}
