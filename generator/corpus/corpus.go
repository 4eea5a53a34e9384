// Package corpus writes synthetic sites for benchmarks and fault tests: the
// example's configuration, instrument, rounds, measures and events plus any number of
// generated articles of about 600 words each. The output depends only on
// the number of articles and the seed.
package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

var words = strings.Fields(`Stadt Verwaltung Integration Beirat Vielfalt Begegnung Nachbarschaft
Zusammenhalt Bildung Sprache Wohnung Gesundheit Arbeit Ausbildung Verein Ehrenamt Schule Kita
Familie Quartier Stadtteil Beratung Konzept Ziel Bericht Workshop Runde Frage Antwort Ergebnis
Fortschritt Anregung Maßnahme Projekt Förderung Gespräch Dialog Forum Veranstaltung Einladung
Bürgerinnen Bürger Menschen Kinder Jugendliche Senioren Fachkräfte Unternehmen Kammer Jobcenter
gemeinsam offen weltoffen fair gleich wichtig neu erste zweite größere bessere verständlich
mehrsprachig regelmäßig verbindlich öffentlich und oder aber auch noch schon heute morgen jetzt
dafür dabei damit deshalb außerdem zudem gleichzeitig für mit über unter zwischen während nach
vor bei seit ohne gegen durch die der das den dem des ein eine einen einem einer ist sind war
werden wurde haben hat gibt geht kommt bleibt zeigt plant startet beschließt fördert unterstützt`)

var tags = strings.Fields(`selbstcheck workshop beteiligung wohnen bildung sprache arbeit
kultur sport gesundheit sicherheit begegnung dialog stadtrat leitbild integration ehrenamt`)

var languagesLine = regexp.MustCompile(`(?m)^languages = .*\n`)

// Generate writes a site with n articles to dir, taking site.toml, the
// templates and the self-check from the example site in example. The site
// has the default language only, unless langs names further ones: then
// every article is translated into each of them.
func Generate(example, dir string, n int, seed uint64, langs ...string) error {
	for _, p := range []string{"templates", "content/selfcheck", "content/pages"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join(example, p))); err != nil {
			return err
		}
	}
	for _, folder := range []string{"content/measures", "content/events"} {
		if err := copyOriginals(example, dir, folder); err != nil {
			return err
		}
	}
	cfg, err := os.ReadFile(filepath.Join(example, "site.toml"))
	if err != nil {
		return err
	}
	cfg = withoutTranslations(languagesLine.ReplaceAll(cfg, nil), langs)
	if len(langs) > 0 {
		quoted := make([]string, len(langs))
		for i, l := range langs {
			quoted[i] = strconv.Quote(l)
		}
		cfg = append([]byte("languages = ["+strings.Join(quoted, ", ")+"]\n"), cfg...)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), cfg, 0o644); err != nil {
		return err
	}
	fields, err := fieldSlugs(filepath.Join(example, "content/selfcheck/instrument.toml"))
	if err != nil {
		return err
	}
	adir := filepath.Join(dir, "content/articles")
	if err := os.MkdirAll(adir, 0o755); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	// Five articles a day, going back from the last day of 2025, so that
	// every article lies in the past.
	last := time.Date(2025, 12, 31, 10, 0, 0, 0, time.UTC)
	for i := range n {
		day := last.AddDate(0, 0, -i/5)
		name := fmt.Sprintf("%s-meldung-%05d.md", day.Format(time.DateOnly), i)
		text := article(r, i, day, fields)
		if err := os.WriteFile(filepath.Join(adir, name), text, 0o644); err != nil {
			return err
		}
		for _, l := range langs {
			// A stand-in translation: the same text under a title that
			// says which language it stands for.
			tr := strings.Replace(string(text), `title = "`, `title = "[`+l+`] `, 1)
			if err := os.WriteFile(filepath.Join(adir, strings.TrimSuffix(name, ".md")+"."+l+".md"), []byte(tr), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}

func fieldSlugs(path string) ([]string, error) {
	b, err := fs.ReadFile(os.DirFS(filepath.Dir(path)), filepath.Base(path))
	if err != nil {
		return nil, err
	}
	var slugs []string
	lines := strings.Split(string(b), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "[[fields]]" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "slug = ") {
			slugs = append(slugs, strings.Trim(strings.TrimPrefix(lines[i+1], "slug = "), `"`))
		}
	}
	return slugs, nil
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(ws, " ")
	first, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(first)) + s[n:] + "."
}

func article(r *rand.Rand, i int, day time.Time, fields []string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = %q\ndate = %sT10:%02d:00+01:00\n", sentence(r, 6), day.Format(time.DateOnly), i%5)
	fmt.Fprintf(&b, "summary = %q\n", sentence(r, 14))
	fmt.Fprintf(&b, "tags = [%q, %q]\n", tags[r.IntN(len(tags))], tags[r.IntN(len(tags))])
	fmt.Fprintf(&b, "fields = [%q]\n+++\n\n", fields[i%len(fields)])
	for sec := range 3 {
		fmt.Fprintf(&b, "## %s\n\n", strings.TrimSuffix(sentence(r, 4), "."))
		for range 3 {
			fmt.Fprintf(&b, "%s *%s* %s **%s** %s\n\n", sentence(r, 12), words[r.IntN(len(words))], sentence(r, 14), words[r.IntN(len(words))], sentence(r, 20))
		}
		if sec == 1 {
			b.WriteString("- " + sentence(r, 6) + "\n- " + sentence(r, 7) + "\n- " + sentence(r, 5) + "\n\n")
			b.WriteString("| Thema | Stand | Jahr |\n| --- | :---: | ---: |\n| Wohnen | geplant | 2024 |\n| Sprache | umgesetzt | 2023 |\n\n")
			b.WriteString("> " + sentence(r, 15) + "\n\n")
			fmt.Fprintf(&b, "Mehr dazu im [Handlungsfeld](/handlungsfelder/%s/).\n\n", fields[i%len(fields)])
		}
	}
	return []byte(b.String())
}

// officeName is one language's entry of an inline table offices = { … }.
var officeName = regexp.MustCompile(`([a-z]{2,3}) = ("(?:[^"\\]|\\.)*")`)

// withoutTranslations drops the [translations.LANG] tables of site.toml
// whose language the corpus does not have, and such languages' names of
// offices, which check would refuse.
func withoutTranslations(cfg []byte, langs []string) []byte {
	var out []string
	skip := false
	for _, line := range strings.SplitAfter(string(cfg), "\n") {
		if strings.HasPrefix(line, "[") {
			lang, ok := strings.CutPrefix(strings.TrimSpace(line), "[translations.")
			skip = ok && !slices.Contains(langs, strings.TrimSuffix(lang, "]"))
		}
		if strings.HasPrefix(line, "offices = {") {
			var kept []string
			for _, m := range officeName.FindAllStringSubmatch(line, -1) {
				if slices.Contains(langs, m[1]) {
					kept = append(kept, m[0])
				}
			}
			if len(kept) == 0 {
				continue
			}
			line = "offices = { " + strings.Join(kept, ", ") + " }\n"
		}
		if !skip {
			out = append(out, line)
		}
	}
	return []byte(strings.Join(out, ""))
}

// copyOriginals copies the example's measures or events, which its menu
// links to, without their translations: the site has other languages than
// the example, or none. An event's report names an article of the example,
// which the corpus does not have, so the line is left out.
var reportLine = regexp.MustCompile(`(?m)^report = .*\n`)

func copyOriginals(example, dir, folder string) error {
	src := filepath.Join(example, folder)
	entries, err := os.ReadDir(src)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	dst := filepath.Join(dir, folder)
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.Count(name, ".") != 1 || !strings.HasSuffix(name, ".md") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			return err
		}
		b = reportLine.ReplaceAll(b, nil)
		if err := os.WriteFile(filepath.Join(dst, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
