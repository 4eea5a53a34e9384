package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"offenbar/generator/config"
	"offenbar/generator/content"
	"offenbar/generator/event"
	"offenbar/generator/measure"
	"offenbar/generator/selfcheck"
	"offenbar/generator/site"
	"offenbar/generator/tomldoc"
)

// A format that towns write: its German reference in docs/referenz, the Go
// file whose package doc specifies it and the heading of its section there
// ("" for the whole doc), and the struct its files decode into.
type format struct {
	reference, pkgFile, section string
	v                           any
}

var referenceFormats = []format{
	{"site-toml.md", "config/config.go", "", config.Site{}},
	{"instrument.md", "selfcheck/doc.go", "The instrument", selfcheck.Instrument{}},
	{"runde.md", "selfcheck/doc.go", "A round", selfcheck.Round{}},
	{"uebersetzung-selbstcheck.md", "selfcheck/doc.go", "Translations", selfcheck.Translation{}},
	{"artikel.md", "content/doc.go", "", content.Front{}},
	{"termin.md", "event/doc.go", "Events: content/events/<date>-<slug>.md", event.Front{}},
	{"massnahme.md", "measure/doc.go", "A measure: content/measures/<id>.md", measure.Front{}},
}

// TestReferenceKnowsEveryKey holds the German reference and the package
// docs against the decoders: every TOML example in either decodes into its
// struct without an unknown key or a wrong type, and together the examples
// of each use every key that the struct's toml tags accept
// (tomldoc.Paths), so that a key added to the code and left out of the
// reference or the package doc fails here.
func TestReferenceKnowsEveryKey(t *testing.T) {
	for _, f := range referenceFormats {
		b, err := os.ReadFile("../docs/referenz/" + f.reference)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []string
		for _, m := range regexp.MustCompile("(?s)```toml\n(.*?)```").FindAllStringSubmatch(string(b), -1) {
			blocks = append(blocks, m[1])
		}
		checkExamples(t, "docs/referenz/"+f.reference, blocks, f.v)
		checkExamples(t, "generator/"+f.pkgFile, docBlocks(t, f.pkgFile, f.section), f.v)
	}
}

// checkExamples decodes every TOML example of a document into v and
// requires each key that v accepts to appear in one.
func checkExamples(t *testing.T, name string, blocks []string, v any) {
	t.Helper()
	if len(blocks) == 0 {
		t.Errorf("%s has no TOML example", name)
		return
	}
	seen := map[string]bool{}
	for _, block := range blocks {
		if markdown(v) {
			// Only the front matter of an article, an event or a measure is TOML.
			front, ok := strings.CutPrefix(block, "+++\n")
			if !ok {
				continue
			}
			block, _, _ = strings.Cut(front, "+++")
		}
		var into map[string]any
		md, err := toml.Decode(block, &into)
		if err != nil {
			t.Errorf("%s: an example is no valid TOML: %v\n%s", name, err, block)
			continue
		}
		for _, key := range md.Keys() {
			if _, ok := tomldoc.PathOf(v, key); !ok {
				t.Errorf("%s: the example uses the key %s, which the decoder does not know", name, key)
				continue
			}
			// [translations.en] shows translations too.
			for i := range key {
				p, _ := tomldoc.PathOf(v, key[:i+1])
				seen[p] = true
			}
		}
		if _, errs := tomldoc.Decode(name, []byte(block), 0, reflect.New(reflect.TypeOf(v)).Interface()); errs.HasErrors() {
			t.Errorf("%s: an example does not decode: %v\n%s", name, errs.Err(), block)
		}
	}
	for _, p := range tomldoc.Paths(v) {
		if !seen[p] {
			t.Errorf("%s: no example shows the key %s", name, p)
		}
	}
}

// markdown reports whether v is the front matter of a Markdown file.
func markdown(v any) bool {
	switch v.(type) {
	case content.Front, event.Front, measure.Front:
		return true
	}
	return false
}

// docBlocks returns the code blocks of a package doc comment, of one of
// its sections when heading is not "": the indented lines, a block ending
// at the next line of prose.
func docBlocks(t *testing.T, file, heading string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ParseComments|parser.PackageClauseOnly)
	if err != nil || f.Doc == nil {
		t.Fatalf("%s: no package doc: %v", file, err)
	}
	text := f.Doc.Text()
	if heading != "" {
		_, after, ok := strings.Cut(text, "\n# "+heading)
		if !ok {
			t.Fatalf("%s: no section %q", file, heading)
		}
		text, _, _ = strings.Cut(after, "\n# ")
	}
	var blocks []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			blocks = append(blocks, strings.Join(cur, "\n")+"\n")
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "\t"):
			cur = append(cur, line[1:])
		case strings.TrimSpace(line) == "":
			if len(cur) > 0 {
				cur = append(cur, "")
			}
		default:
			flush()
		}
	}
	flush()
	return blocks
}

// TestReferenceIsLinked: the reference's index lists every file of
// docs/referenz, and the editor's guide, the setup guide and the README
// point to it.
func TestReferenceIsLinked(t *testing.T) {
	index, err := os.ReadFile("../docs/referenz/README.md")
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir("../docs/referenz")
	for _, e := range entries {
		if e.Name() != "README.md" && !strings.Contains(string(index), "("+e.Name()+")") {
			t.Errorf("docs/referenz/README.md does not link %s", e.Name())
		}
	}
	for _, f := range referenceFormats {
		if !slices.ContainsFunc(entries, func(e os.DirEntry) bool { return e.Name() == f.reference }) {
			t.Errorf("docs/referenz has no %s", f.reference)
		}
	}
	for doc, link := range map[string]string{"../docs/redaktion.md": "referenz/", "../docs/einrichtung.md": "referenz/", "../README.md": "docs/referenz/"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), "]("+link) {
			t.Errorf("%s does not link the reference (%s…)", doc, link)
		}
	}
}

// TestReferenceNamesEveryUITextKey: the reference of the UI texts names
// every key of a language file that the decoder accepts.
func TestReferenceNamesEveryUITextKey(t *testing.T) {
	b, err := os.ReadFile("../docs/referenz/vorlagen.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range tomldoc.Paths(site.Lang{}) {
		parts := strings.Split(p, ".")
		name := parts[len(parts)-1]
		if name == "*" {
			continue
		}
		if len(parts) == 1 && !strings.Contains(string(b), "`"+name+"`") && !strings.Contains(string(b), "`["+name+"]`") {
			t.Errorf("docs/referenz/vorlagen.md does not name %s", p)
		}
		if len(parts) > 1 && !strings.Contains(string(b), "`"+name+"`") && !strings.Contains(string(b), "`"+name+" = ") {
			t.Errorf("docs/referenz/vorlagen.md does not name %s", p)
		}
	}
}

// TestExampleFieldSlugs checks that every fields = […] in the docs and the
// format specs names an action field that a new town has: the slugs of
// the instrument that init writes. An editor copies the examples.
func TestExampleFieldSlugs(t *testing.T) {
	var inst struct {
		Fields []struct{ Slug string } `toml:"fields"`
	}
	if _, err := toml.DecodeFile("scaffold/starter/content/selfcheck/instrument.toml", &inst); err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, f := range inst.Fields {
		slugs = append(slugs, f.Slug)
	}
	files := []string{"../docs/redaktion.md"}
	for _, pattern := range []string{"../docs/referenz/*.md", "*/doc.go"} {
		more, _ := filepath.Glob(pattern)
		files = append(files, more...)
	}
	line := regexp.MustCompile(`(?m)^(?://\s*)?fields = \[([^\]]*)\]`)
	quoted := regexp.MustCompile(`"([^"]*)"`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range line.FindAllSubmatch(b, -1) {
			for _, q := range quoted.FindAllSubmatch(m[1], -1) {
				if s := string(q[1]); !slices.Contains(slugs, s) {
					t.Errorf("%s: fields names %q, which the starter instrument does not have (it has %s)", f, s, strings.Join(slugs, ", "))
				}
			}
		}
	}
}
