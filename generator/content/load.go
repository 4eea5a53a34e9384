package content

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
	"time"

	"golang.org/x/text/language"

	"offenbar/generator/diag"
	"offenbar/generator/sourcefile"
	"offenbar/generator/tomldoc"
	"offenbar/generator/workers"
)

// Directories below the site directory.
const (
	ArticlesDir = "content/articles"
	PagesDir    = "content/pages"
)

// Kind tells articles from pages.
type Kind int

// The kinds of document.
const (
	Article Kind = iota
	Page
)

// Front is the front matter of an article or page.
type Front struct {
	Title       string       `toml:"title"`
	Date        tomldoc.Date `toml:"date"`
	Summary     string       `toml:"summary"`
	Tags        []string     `toml:"tags"`
	Fields      []string     `toml:"fields"`
	Measures    []string     `toml:"measures"`
	Draft       bool         `toml:"draft"`
	PublishDate tomldoc.Date `toml:"publishDate"`
	ExpiryDate  tomldoc.Date `toml:"expiryDate"`
	Layout      string       `toml:"layout"`
	// Translation is "human" (the default) or "machine" in a translation,
	// and Source the hash of the original it translates, which
	// "new translation" records, so that check can tell when the original
	// changed since.
	Translation string `toml:"translation"`
	Source      string `toml:"source"`
	// Video and Captions are the files of a page in sign language, next
	// to its index.md: a WebM or MP4 video and WebVTT captions.
	Video    string `toml:"video"`
	Captions string `toml:"captions"`
}

// Layouts lists the page layouts besides the default.
var Layouts = []string{"leichte-sprache", SignLanguage}

// SignLanguage is the layout of a page with a video in sign language.
const SignLanguage = "gebaerdensprache"

// Doc is an article or a page.
type Doc struct {
	Front
	Kind Kind
	Path string // source path relative to the site directory
	Slug string
	Body []byte       // Markdown with front matter blanked out
	Meta *tomldoc.Doc // front matter positions
	// Bundle is the folder of a document written as <folder>/index.md,
	// and Files are the other files in it, relative to it and sorted:
	// images and documents published next to the page.
	Bundle string
	Files  []string
	// Lang is the language of a translation, such as "tr" for
	// runder-tisch.tr.md, and "" for an original; Translations are an
	// original's translations by language.
	Lang         string
	Translations map[string]*Doc
	// Hash identifies the original's text, for telling stale translations.
	Hash string
}

// translationRE matches the name of a translation: runder-tisch.tr.md, or
// index.tr.md in a document's folder.
var translationRE = regexp.MustCompile(`^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$`)

// TranslationName splits the file name of a translation, such as
// runder-tisch.tr.md, into the original's name and the language: "runder-tisch"
// and "tr". For an original it returns the name without .md and "".
func TranslationName(file string) (name, lang string) {
	name = strings.TrimSuffix(file, ".md")
	if m := translationRE.FindStringSubmatch(file); m != nil {
		if _, err := language.Parse(m[2]); err == nil {
			return m[1], m[2]
		}
	}
	return name, ""
}

// ArticleNames maps the name of every article file or folder in fsys, with
// and without its date, to the article's slug, whether or not the article
// loads: what names an article whose file has a mistake names no missing
// article.
func ArticleNames(fsys fs.FS) map[string]string {
	names := map[string]string{}
	entries, _ := fs.ReadDir(fsys, ArticlesDir)
	for _, e := range entries {
		name, lang := TranslationName(e.Name())
		if lang != "" || !e.IsDir() && !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		if e.IsDir() {
			if _, err := fs.Stat(fsys, path.Join(ArticlesDir, e.Name(), BundleIndex)); err != nil {
				continue
			}
			name = e.Name()
		}
		slug := datePrefixRE.ReplaceAllString(name, "")
		names[name], names[slug] = slug, slug
	}
	return names
}

// SourceHash is the hash of an original that its translations record.
func SourceHash(src []byte) string {
	h := sha256.Sum256(src)
	return "sha256:" + hex.EncodeToString(h[:8])
}

// BundleIndex is the Markdown file of a document that is a folder.
const BundleIndex = "index.md"

var (
	datePrefixRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}-`)
	slugRE       = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
)

// Load reads every .md file in ArticlesDir and PagesDir of fsys.
func Load(fsys fs.FS) ([]*Doc, diag.List) {
	var errs diag.List
	var docs []*Doc
	for _, dir := range []struct {
		path string
		kind Kind
	}{{ArticlesDir, Article}, {PagesDir, Page}} {
		entries, err := fs.ReadDir(fsys, dir.path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			errs.Errorf(diag.Pos{Path: dir.path}, "%s", diag.ReadError(err))
			continue
		}
		var paths []string
		bundles := map[string][]string{}
		for _, e := range entries {
			switch {
			case !e.IsDir() && strings.HasSuffix(e.Name(), ".md"):
				paths = append(paths, path.Join(dir.path, e.Name()))
			case e.IsDir():
				b := path.Join(dir.path, e.Name())
				files, ok, err := bundleFiles(fsys, b)
				if err != nil {
					errs.Errorf(diag.Pos{Path: b}, "%s", diag.ReadError(err))
				}
				if ok {
					paths = append(paths, path.Join(b, BundleIndex))
					bundles[b] = files
					more, _ := fs.Glob(fsys, path.Join(b, "index.*.md"))
					paths = append(paths, more...)
				}
			}
		}
		// Reading and parsing are independent per file: use every core.
		parsed := make([]*Doc, len(paths))
		problems := make([]diag.List, len(paths))
		workers.ForEach(len(paths), func(i int) {
			src, err := sourcefile.Read(fsys, paths[i])
			if err != nil {
				problems[i].Errorf(diag.Pos{Path: paths[i]}, "%s", diag.ReadError(err))
				return
			}
			parsed[i], problems[i] = Parse(paths[i], dir.kind, src)
			if d := parsed[i]; d != nil {
				d.Hash = SourceHash(src)
				if b := path.Base(paths[i]); b == BundleIndex || translationRE.MatchString(b) && strings.HasPrefix(b, "index.") {
					d.Bundle = path.Dir(paths[i])
					d.Files = bundles[d.Bundle]
				}
			}
		})
		bySlug := map[string]*Doc{}
		var translations []*Doc
		for i, d := range parsed {
			errs.Add(problems[i])
			if d == nil {
				continue
			}
			if d.Lang != "" {
				translations = append(translations, d)
				continue
			}
			if other := bySlug[d.Slug]; other != nil {
				errs.Errorf(diag.Pos{Path: d.Path, Line: 1, Col: 1}, "duplicate slug %q: %s has the same URL; rename one of the files", d.Slug, other.Path)
				continue
			}
			bySlug[d.Slug] = d
			docs = append(docs, d)
		}
		for _, tr := range translations {
			src := bySlug[tr.Slug]
			if src == nil {
				errs.Errorf(diag.Pos{Path: tr.Path}, "translation into %q of a document that does not exist: name it after the original, such as %s.%s.md", tr.Lang, tr.Slug, tr.Lang)
				continue
			}
			if other := src.Translations[tr.Lang]; other != nil {
				errs.Errorf(diag.Pos{Path: tr.Path}, "%s translates %s into %q, as %s does already", tr.Path, src.Path, tr.Lang, other.Path)
				continue
			}
			if src.Translations == nil {
				src.Translations = map[string]*Doc{}
			}
			src.Translations[tr.Lang] = tr
		}
	}
	return docs, errs
}

// BundleFiles lists the files of the folder b besides its index.md, and
// reports whether b is a document at all: a folder without index.md is not.
// Events are folders the same way.
func BundleFiles(fsys fs.FS, b string) ([]string, bool, error) { return bundleFiles(fsys, b) }

func bundleFiles(fsys fs.FS, b string) ([]string, bool, error) {
	if _, err := fs.Stat(fsys, path.Join(b, BundleIndex)); err != nil {
		return nil, false, nil
	}
	var files []string
	err := fs.WalkDir(fsys, b, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, b+"/")
		// Dot-files and dot-folders are never published (see Hidden).
		if p != b && strings.HasPrefix(path.Base(p), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		// Markdown sources are never published as they are.
		if d.IsDir() || strings.HasSuffix(rel, ".md") {
			return nil
		}
		files = append(files, rel)
		return nil
	})
	slices.Sort(files)
	return files, true, err
}

// Parse reads one document. It returns nil when the document cannot be used.
// A document that is a folder is parsed from its index.md and named after
// the folder.
func Parse(p string, kind Kind, src []byte) (*Doc, diag.List) {
	var errs diag.List
	name := strings.TrimSuffix(path.Base(p), ".md")
	lang := ""
	if m := translationRE.FindStringSubmatch(path.Base(p)); m != nil {
		if _, err := language.Parse(m[2]); err == nil {
			name, lang = m[1], m[2]
		}
	}
	if path.Base(p) == BundleIndex || lang != "" && name == "index" {
		name = path.Base(path.Dir(p))
	}
	slug := name
	if kind == Article {
		slug = datePrefixRE.ReplaceAllString(name, "")
	}
	if !slugRE.MatchString(slug) {
		better := Slug(slug)
		if better == "" {
			better = "runder-tisch"
		}
		if prefix := strings.TrimSuffix(name, slug); kind == Article {
			better = prefix + better
		}
		if path.Base(p) == BundleIndex {
			errs.Errorf(diag.Pos{Path: p}, "invalid folder name %q: use lower-case letters, digits and \"-\", such as %s/", name, better)
		} else {
			errs.Errorf(diag.Pos{Path: p}, "invalid file name %q: use lower-case letters, digits and \"-\", such as %s.md", path.Base(p), better)
		}
		return nil, errs
	}
	if Reserved(slug) {
		errs.Errorf(diag.Pos{Path: p}, "%q is a name Windows reserves for a device, which no folder of the site may have: choose another name", slug)
		return nil, errs
	}
	front, body, ok := SplitChecked(p, src, &errs)
	if !ok {
		return nil, errs // never convert it
	}
	d := &Doc{Kind: kind, Path: p, Slug: slug, Body: body, Lang: lang}
	meta, derrs := tomldoc.Decode(p, front, 1, &d.Front)
	d.Meta = meta
	errs.Add(derrs)
	if derrs.HasErrors() {
		return nil, errs
	}
	if strings.TrimSpace(d.Title) == "" {
		at := d.Meta.Pos("title")
		if _, ok := d.Meta.Index.Key("title"); !ok {
			at = diag.Pos{Path: p, Line: 2, Col: 1}
		}
		errs.Errorf(at, "empty title: add title = \"Überschrift des Beitrags\"")
	}
	if t := d.Translation; t != "" && t != "human" && t != "machine" {
		errs.Errorf(d.Meta.ValuePos("translation"), "translation %q must be \"human\" or \"machine\"", t)
	}
	if lang == "" && (d.Translation != "" || d.Source != "") {
		errs.Errorf(d.Meta.Pos("translation"), "only a translation, such as %s.en.md, says how it was translated", slug)
	}
	if kind == Article && d.Date.IsZero() && lang == "" {
		errs.Errorf(diag.Pos{Path: p, Line: 2, Col: 1}, "missing date: add date = %s", "2024-05-17")
	}
	if d.Layout != "" && !slices.Contains(Layouts, d.Layout) {
		errs.Errorf(d.Meta.ValuePos("layout"), "unknown layout %q, want one of: %s", d.Layout, strings.Join(Layouts, ", "))
	}
	for i, tag := range d.Tags {
		if strings.TrimSpace(tag) == "" {
			errs.Errorf(d.Meta.ValuePos(fmt.Sprintf("tags[%d]", i)), "empty tag")
		} else if TagSlug(tag, "") == "" {
			errs.Errorf(d.Meta.ValuePos(fmt.Sprintf("tags[%d]", i)), "tag %q has no letter or digit, which the address of its page needs", tag)
		} else if slug := TagSlug(tag, ""); Reserved(slug) {
			errs.Errorf(d.Meta.ValuePos(fmt.Sprintf("tags[%d]", i)), "%q is a name Windows reserves for a device, which no folder of the site may have: choose another name", slug)
		}
	}
	return d, errs
}

// Visibility decides which documents are published.
type Visibility struct {
	Drafts bool      // publish drafts
	Future bool      // publish documents whose date or publishDate lies ahead
	Now    time.Time // the build's clock
}

// Visible reports whether d is published under v.
func (v Visibility) Visible(d *Doc) bool {
	if d.Draft && !v.Drafts {
		return false
	}
	if !v.Future {
		if d.Date.After(v.Now) || (!d.PublishDate.IsZero() && d.PublishDate.After(v.Now)) {
			return false
		}
	}
	if !d.ExpiryDate.IsZero() && !d.ExpiryDate.After(v.Now) {
		return false
	}
	return true
}
