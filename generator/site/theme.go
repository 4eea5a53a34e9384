package site

import (
	"errors"
	"io/fs"
	"path"
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
		if _, err := fs.Stat(t.builtin, p); err == nil {
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
