package scaffold

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// SchemaDir is the folder of a site that holds the JSON Schemas of its
// TOML files, so that an editor such as VS Code with Even Better TOML
// (Taplo) completes keys and underlines mistakes. Each file names its
// schema relatively in a first line "#:schema schema/site.schema.json".
const SchemaDir = "schema"

// The schemas, one per format a town writes in TOML.
const (
	SiteSchema        = "site.schema.json"
	InstrumentSchema  = "instrument.schema.json"
	RoundSchema       = "round.schema.json"
	TranslationSchema = "selfcheck-translation.schema.json"
)

// Schemas returns the JSON Schemas that init writes, by file name.
func Schemas() (map[string][]byte, error) {
	out := map[string][]byte{}
	dir := path.Join("starter", SchemaDir)
	entries, err := fs.ReadDir(starter, dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		b, err := fs.ReadFile(starter, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out[e.Name()] = b
	}
	return out, nil
}

// SchemaRef is the #:schema path of the schema name for a file depth
// folders below the site's folder: "../../../schema/round.schema.json" for
// content/selfcheck/rounds/2027.toml.
func SchemaRef(name string, depth int) string {
	return strings.Repeat("../", depth) + SchemaDir + "/" + name
}

// WriteSchemas writes the schemas into the site's schema folder where they
// are missing or differ, so that a site made by an older offenbar gets the
// schemas of this one with its next new file. It returns the files it
// wrote, relative to the site.
func WriteSchemas(site string) ([]string, error) {
	schemas, err := Schemas()
	if err != nil {
		return nil, err
	}
	var wrote []string
	for _, name := range []string{SiteSchema, InstrumentSchema, RoundSchema, TranslationSchema} {
		rel := SchemaDir + "/" + name
		p := filepath.Join(site, filepath.FromSlash(rel))
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, schemas[name]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		if err := Replace(site, rel, schemas[name]); err != nil {
			return nil, err
		}
		wrote = append(wrote, rel)
	}
	return wrote, nil
}

// ReferenceDir is the folder of the project's German reference of every
// file a town writes, one Markdown file per format.
const ReferenceDir = "docs/referenz"

// ReferenceFor names the German reference of a format, file such as
// "runde.md", for the comments of the files a town receives: by its path in
// the project and, in a release binary, by its address at the release.
func ReferenceFor(file string) string {
	ref := "die Referenz " + ReferenceDir + "/" + file + " von offenbar"
	if u := referenceURL(file); u != "" {
		ref += " (" + u + ")"
	}
	return ref
}

// referenceURL is the address of the reference file at the release that
// ReleaseBase names, such as
// https://github.com/OWNER/offenbar/blob/v1.2.0/docs/referenz/runde.md, or
// "" when the binary does not know where it was released.
func referenceURL(file string) string {
	repo, tag, ok := strings.Cut(strings.TrimSuffix(ReleaseBase, "/"), "/releases/download/")
	if !ok || repo == "" || tag == "" {
		return ""
	}
	return repo + "/blob/" + tag + "/" + ReferenceDir + "/" + file
}
