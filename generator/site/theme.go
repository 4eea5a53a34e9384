package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"offenbar/generator/diag"
	theme "offenbar/templates"
)

// Builtin is the built-in theme: templates, CSS, scripts and UI texts.
var Builtin fs.FS = theme.FS

// theme layers a site's own templates over the built-in theme, file by
// file: a file of the site replaces the built-in file of the same path; a
// folder lists the files of both. UI texts are layered key by key, see
// loadLang.
type layers struct{ own, builtin fs.FS }

func (t layers) Open(name string) (fs.File, error) {
	f, err := t.own.Open(name)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return f, err
	}
	return t.builtin.Open(name)
}

func (t layers) ReadDir(name string) ([]fs.DirEntry, error) {
	own, oerr := fs.ReadDir(t.own, name)
	builtin, berr := fs.ReadDir(t.builtin, name)
	if oerr != nil && berr != nil {
		return nil, oerr
	}
	seen := map[string]bool{}
	for _, e := range own {
		seen[e.Name()] = true
	}
	for _, e := range builtin {
		if !seen[e.Name()] {
			own = append(own, e)
		}
	}
	slices.SortFunc(own, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return own, nil
}

// ownTemplate reports whether the template file name, such as
// "article.html", is the site's own rather than the built-in one.
func (s *Site) ownTemplate(name string) bool {
	if s.theme.own == nil {
		return false
	}
	_, err := fs.Stat(s.theme.own, name)
	return err == nil
}

// siteTheme is the theme of the site in src: its own templates folder, or
// opts.Templates, over the built-in theme.
func siteTheme(src fs.FS, opts Options) (layers, error) {
	own := opts.Templates
	if own == nil {
		sub, err := fs.Sub(src, TemplatesDir)
		if err != nil {
			return layers{}, err
		}
		own = sub
	}
	return layers{own: own, builtin: Builtin}, nil
}

// BasedOn is the first line that `offenbar new override` writes into a
// copied template: it names the built-in file and the hash of the version
// it was copied from, so that check can tell when that file has changed.
func BasedOn(name string, builtin []byte) string {
	text := fmt.Sprintf("based on the built-in %s, version %s; check warns when that changes", name, ThemeHash(builtin))
	switch path.Ext(name) {
	case ".html":
		return "{{- /* " + text + " */ -}}\n"
	case ".css":
		return "/* " + text + " */\n"
	case ".js":
		return "// " + text + "\n"
	}
	return ""
}

// ThemeHash is the short hash that BasedOn records.
func ThemeHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:4])
}

var basedOnRE = regexp.MustCompile(`based on the built-in (\S+), version ([0-9a-f]{8})`)

// checkOverrides reports every file of the site's own templates that
// replaces no built-in file: a misspelt name would otherwise be ignored
// without a word. New UI text files (another language) and new assets
// (such as a logo) are welcome; bundle/ is the source of the chart
// runtime, which npm builds.
func checkOverrides(t layers, dir string) diag.List {
	var errs diag.List
	fs.WalkDir(t.own, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasPrefix(p, "bundle/") || strings.HasPrefix(p, "i18n/") || strings.HasPrefix(p, "assets/") {
			return nil
		}
		if b, err := fs.ReadFile(t.builtin, p); err == nil {
			own, _ := fs.ReadFile(t.own, p)
			first, _, _ := strings.Cut(string(own), "\n")
			if m := basedOnRE.FindStringSubmatch(first); m != nil && m[2] != ThemeHash(b) {
				errs.Warnf(diag.Pos{Path: dir + "/" + p, Line: 1, Col: 1}, "the built-in %[1]s has changed since this copy was made (version %[2]s, now %[3]s): move this file aside, run offenbar new override %[1]s, and carry your changes over", p, m[2], ThemeHash(b))
			}
			return nil
		}
		var have []string
		fs.WalkDir(t.builtin, path.Dir(p), func(q string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && path.Dir(q) == path.Dir(p) {
				have = append(have, path.Base(q))
			}
			return nil
		})
		errs.Errorf(diag.Pos{Path: dir + "/" + p}, "%s overrides no built-in template; name one of: %s", p, strings.Join(have, ", "))
		return nil
	})
	return errs
}
