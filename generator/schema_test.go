package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"offenbar/generator/config"
	"offenbar/generator/licence"
	"offenbar/generator/scaffold"
	"offenbar/generator/selfcheck"
	"offenbar/generator/tomldoc"
)

// formats pairs each JSON Schema with the struct its files decode into.
var formats = map[string]any{
	scaffold.SiteSchema:        config.Site{},
	scaffold.InstrumentSchema:  selfcheck.Instrument{},
	scaffold.RoundSchema:       selfcheck.Round{},
	scaffold.TranslationSchema: selfcheck.Translation{},
}

// compileSchemas compiles the schemas that init writes, by file name.
func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	raw, err := scaffold.Schemas()
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for name, b := range raw {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := c.AddResource("file:///schema/"+name, doc); err != nil {
			t.Fatal(err)
		}
	}
	for name := range formats {
		s, err := c.Compile("file:///schema/" + name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = s
	}
	if len(raw) != len(formats) {
		t.Errorf("init writes %d schemas, the test knows %d", len(raw), len(formats))
	}
	return out
}

// tomlAsJSON decodes a TOML file into the JSON value that an editor's
// schema check sees: dates as strings such as "2024-03-12".
func tomlAsJSON(t *testing.T, name string, src []byte) any {
	t.Helper()
	var v map[string]any
	if _, err := toml.Decode(string(src), &v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var conv func(any) any
	conv = func(x any) any {
		switch x := x.(type) {
		case map[string]any:
			for k, e := range x {
				x[k] = conv(e)
			}
		case []map[string]any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = conv(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = conv(e)
			}
		case time.Time:
			if x.Location().String() == "date-local" {
				return x.Format(time.DateOnly)
			}
			return x.Format(time.RFC3339)
		}
		return x
	}
	b, err := json.Marshal(conv(v))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// schemaFor names the schema of a file of a site, by its path.
func schemaFor(rel string) string {
	switch dir := path.Dir(rel); {
	case rel == config.File:
		return scaffold.SiteSchema
	case rel == path.Join(selfcheck.Dir, selfcheck.InstrumentFile):
		return scaffold.InstrumentSchema
	case dir == path.Join(selfcheck.Dir, selfcheck.RoundsDir):
		return scaffold.RoundSchema
	case dir == path.Join(selfcheck.Dir, selfcheck.TranslationsDir):
		return scaffold.TranslationSchema
	}
	return ""
}

// siteTOMLFiles lists the files of a site that have a schema.
func siteTOMLFiles(t *testing.T, dir string) []string {
	t.Helper()
	files := []string{config.File, path.Join(selfcheck.Dir, selfcheck.InstrumentFile)}
	for _, sub := range []string{selfcheck.RoundsDir, selfcheck.TranslationsDir} {
		m, _ := filepath.Glob(filepath.Join(dir, selfcheck.Dir, sub, "*.toml"))
		for _, p := range m {
			files = append(files, path.Join(selfcheck.Dir, sub, filepath.Base(p)))
		}
	}
	return files
}

// TestSchemasValidateExamples validates every TOML file of the example site
// and of a site that init, new round and new translation selfcheck start
// against its JSON Schema, with a JSON Schema validator, after decoding
// TOML to JSON; the files that the commands write name their schema in a
// #:schema line that leads to it from the file's folder. A wrong key, a
// wrong status and a misspelt table fail.
func TestSchemasValidateExamples(t *testing.T) {
	schemas := compileSchemas(t)
	validate := func(dir, rel string) error {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return schemas[schemaFor(rel)].Validate(tomlAsJSON(t, rel, src))
	}
	n := 0
	for _, rel := range siteTOMLFiles(t, "..") {
		n++
		if err := validate("..", rel); err != nil {
			t.Errorf("example %s: %v", rel, err)
		}
		// The example's files name the schemas in the source tree.
		src, _ := os.ReadFile(filepath.Join("..", filepath.FromSlash(rel)))
		first, _, _ := strings.Cut(string(src), "\n")
		ref, _ := strings.CutPrefix(first, "#:schema ")
		if got, want := path.Clean(path.Join(path.Dir(rel), ref)), "generator/scaffold/starter/"+scaffold.SchemaDir+"/"+schemaFor(rel); got != want {
			t.Errorf("example %s: first line %q, want a #:schema line that leads to %s", rel, first, want)
		}
	}
	if n < 8 {
		t.Errorf("validated only %d files of the example", n)
	}

	// A new town's site, with a round and a translation of the self-check.
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if code, _, stderr := runCmd(t, "init", dir); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	for _, rel := range []string{config.File, "content/selfcheck/instrument.toml"} {
		if err := validate(dir, rel); err != nil {
			t.Errorf("%s as init writes it: %v", rel, err)
		}
	}
	in := filepath.Join(dir, "content/selfcheck/instrument.toml")
	src, _ := os.ReadFile(in)
	// A question for each field, as the town adds them.
	blocks := strings.Split(string(src), "\n[[fields]]\n")
	for i := 1; i < len(blocks); i++ {
		blocks[i] = strings.TrimRight(blocks[i], "\n") + fmt.Sprintf("\n\n[[fields.questions]]\nid = \"F%d\"\ntext = \"Frage %d?\"\n", i, i)
	}
	src = []byte(strings.Join(blocks, "\n[[fields]]\n"))
	src = placeholderRE.ReplaceAll(src, []byte("Wie Musterstadt den Selbstcheck ausfüllt."))
	os.WriteFile(in, src, 0o644)
	os.RemoveAll(filepath.Join(dir, "schema"))
	if code, _, stderr := runCmd(t, "new", "round", "2027", "-s", dir); code != 0 {
		t.Fatalf("new round: %s", stderr)
	}
	if code, _, stderr := runCmd(t, "new", "translation", "selfcheck", "tr", "-s", dir); code != 0 {
		t.Fatalf("new translation selfcheck: %s", stderr)
	}
	files := siteTOMLFiles(t, dir)
	if !slices.Contains(files, "content/selfcheck/rounds/2027.toml") || !slices.Contains(files, "content/selfcheck/i18n/tr.toml") {
		t.Fatalf("the commands wrote %q", files)
	}
	for _, rel := range files {
		if err := validate(dir, rel); err != nil {
			t.Errorf("%s as init and new write it: %v", rel, err)
		}
		src, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
		first, _, _ := strings.Cut(string(src), "\n")
		ref, ok := strings.CutPrefix(first, "#:schema ")
		if !ok {
			t.Errorf("%s starts with %q, want a #:schema line", rel, first)
			continue
		}
		// new round wrote the schemas again after they were removed.
		if got, want := path.Clean(path.Join(path.Dir(rel), ref)), scaffold.SchemaDir+"/"+schemaFor(rel); got != want {
			t.Errorf("%s: #:schema %s leads to %s, want %s", rel, ref, got, want)
		} else if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(got))); err != nil {
			t.Errorf("%s: #:schema %s: %v", rel, ref, err)
		}
	}

	// Mistakes an editor makes fail.
	for name, c := range map[string]struct{ schema, src string }{
		"wrong key":         {scaffold.SiteSchema, "titel = \"Weltoffenes Musterstadt\"\nbase_url = \"https://example.org/\"\n[footer]\nimprint = \"/i/\"\nprivacy = \"/d/\"\naccessibility = \"/b/\"\n"},
		"wrong key in menu": {scaffold.SiteSchema, "title = \"T\"\nbase_url = \"https://example.org/\"\n[[menu]]\ntitle = \"A\"\nlink = \"/a/\"\n[footer]\nimprint = \"/i/\"\nprivacy = \"/d/\"\naccessibility = \"/b/\"\n"},
		"wrong status":      {scaffold.RoundSchema, "title = \"R\"\ndate = 2027-01-01\n[[fields.x.recommendations]]\ntext = \"t\"\nstatus = \"erledigt\"\n"},
		"wrong answer":      {scaffold.RoundSchema, "title = \"R\"\ndate = 2027-01-01\n[answers]\nMS-01 = \"drei\"\n"},
		"misspelt table":    {scaffold.TranslationSchema, "[question]\nMS-01 = \"Is there?\"\n"},
		"points as text":    {scaffold.InstrumentSchema, "title = \"S\"\n[[scale]]\npoints = \"0\"\nlabel = \"a\"\n[[scale]]\npoints = 1\nlabel = \"b\"\n[[fields]]\nslug = \"a\"\ntitle = \"A\"\n"},
	} {
		if err := schemas[c.schema].Validate(tomlAsJSON(t, name, []byte(c.src))); err == nil {
			t.Errorf("%s: %s accepts it", name, c.schema)
		}
	}
}

// TestSchemasKnowEveryKey: each schema names exactly the keys that the
// decoder of its format accepts (tomldoc.Paths of its struct), and lists
// exactly the known licences.
func TestSchemasKnowEveryKey(t *testing.T) {
	raw, err := scaffold.Schemas()
	if err != nil {
		t.Fatal(err)
	}
	for name, v := range formats {
		var schema map[string]any
		if err := json.Unmarshal(raw[name], &schema); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := schemaPaths(schema, schema, "")
		want := tomldoc.Paths(v)
		for _, p := range want {
			if !slices.Contains(got, p) {
				t.Errorf("%s lacks the key %s", name, p)
			}
		}
		for _, p := range got {
			if !slices.Contains(want, p) {
				t.Errorf("%s has the key %s, which the decoder does not know", name, p)
			}
		}
		if name == scaffold.SiteSchema {
			var ids []string
			for _, id := range schema["properties"].(map[string]any)["data"].(map[string]any)["properties"].(map[string]any)["licence"].(map[string]any)["enum"].([]any) {
				ids = append(ids, id.(string))
			}
			want := slices.Clone(licence.IDs())
			slices.Sort(ids)
			slices.Sort(want)
			if !slices.Equal(ids, want) {
				t.Errorf("%s lists the licences %q, want %q", name, ids, want)
			}
		}
	}
}

// schemaPaths lists the keys a JSON Schema describes, in the notation of
// tomldoc.Paths.
func schemaPaths(root, s map[string]any, prefix string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/definitions/")
		s = root["definitions"].(map[string]any)[name].(map[string]any)
	}
	join := func(name string) string {
		if prefix == "" {
			return name
		}
		return prefix + "." + name
	}
	var out []string
	if props, ok := s["properties"].(map[string]any); ok {
		for name, sub := range props {
			out = append(out, join(name))
			out = append(out, schemaPaths(root, sub.(map[string]any), join(name))...)
		}
	}
	if items, ok := s["items"].(map[string]any); ok {
		out = append(out, schemaPaths(root, items, prefix)...)
	}
	if add, ok := s["additionalProperties"].(map[string]any); ok {
		out = append(out, join("*"))
		out = append(out, schemaPaths(root, add, join("*"))...)
	}
	slices.Sort(out)
	return out
}

// TestNewSelfcheckTranslation: new translation selfcheck tr writes every
// text of the instrument and the rounds to translate, each under its German
// original, with the hash of the German texts, so that check passes
// without a warning now and warns once the German changes.
func TestNewSelfcheckTranslation(t *testing.T) {
	dir := copyExample(t)
	tr := filepath.Join(dir, "content/selfcheck/i18n/tr.toml")
	os.Remove(tr)
	code, stdout, stderr := runCmd(t, "new", "translation", "selfcheck", "tr", "-s", dir, "--lang", "en")
	if code != 0 || !strings.Contains(stdout, "created "+tr) || strings.Contains(stdout, "not among the languages") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	// A language that site.toml does not list would never be published.
	if code, stdout, _ := runCmd(t, "new", "translation", "selfcheck", "ru", "-s", dir, "--lang", "en"); code != 0 || !strings.Contains(stdout, `"ru" is not among the languages of site.toml: add it to languages`) {
		t.Errorf("new translation selfcheck ru: exit %d\n%s", code, stdout)
	}
	os.Remove(filepath.Join(dir, "content/selfcheck/i18n/ru.toml"))
	b, err := os.ReadFile(tr)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	model, errs := selfcheck.Load(os.DirFS(dir))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	model = model.WithoutDrafts()
	if want := fmt.Sprintf("source = %q", selfcheck.SourceHash(model)); !strings.Contains(src, want) {
		t.Errorf("tr.toml lacks %s", want)
	}
	for _, q := range model.Instrument.Questions {
		if want := "# " + q.Text + "\n" + q.ID + " = \"\"\n"; !strings.Contains(src, want) {
			t.Errorf("tr.toml lacks %q", want)
		}
	}
	for _, want := range []string{"[scale]", "[fields.fairer-zugang.topics]", "# Bildung\nbildung = \"\"", "[rounds.2024]", "[rounds.2024.fields.management-und-steuerung]", "recommendations = [\"\"", "[rounds.2024.comments]"} {
		if !strings.Contains(src, want) {
			t.Errorf("tr.toml lacks %q", want)
		}
	}
	if code, _, stderr := runCmd(t, "check", "-s", dir, "--lang", "en"); code != 0 || strings.Contains(stderr, "tr.toml") {
		t.Errorf("check of the new translation: exit %d\n%s", code, stderr)
	}
	// The German texts change: check says that the translation may be outdated.
	in := filepath.Join(dir, "content/selfcheck/instrument.toml")
	ib, _ := os.ReadFile(in)
	q := model.Instrument.Questions[0]
	os.WriteFile(in, bytes.Replace(ib, []byte(q.Text), []byte(q.Text+" Heute?"), 1), 0o644)
	if _, _, stderr := runCmd(t, "check", "-s", dir, "--lang", "en"); !strings.Contains(stderr, "tr.toml") || !strings.Contains(stderr, "translation may be outdated") {
		t.Errorf("check after a change of the German texts:\n%s", stderr)
	}
	// Running it again leaves the file alone.
	if code, _, _ := runCmd(t, "new", "translation", "selfcheck", "tr", "-s", dir); code != 1 {
		t.Errorf("a second new translation selfcheck tr: exit %d, want 1", code)
	}
}
