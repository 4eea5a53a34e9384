package site

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"time"

	"offenbar/generator/config"
	"offenbar/generator/diag"
	"offenbar/generator/tomldoc"
)

// Lang holds the UI texts and URL paths of one language. They live in
// templates/i18n/<lang>.toml, so that no UI text is written in Go.
type Lang struct {
	Code       string `toml:"-"`
	src        []byte
	Months     []string          `toml:"months"`
	DateFormat string            `toml:"date_format"` // with {day}, {month}, {year}
	Paths      Paths             `toml:"paths"`
	Text       map[string]string `toml:"text"`
	Status     map[string]string `toml:"status"` // recommendation statuses
}

// Paths are the URL segments of the site's sections.
type Paths struct {
	Fields   string `toml:"fields"`
	Rounds   string `toml:"rounds"`
	Articles string `toml:"articles"`
	Data     string `toml:"data"`
	Method   string `toml:"method"`
	Search   string `toml:"search"`
	Page     string `toml:"page"` // pages of a long list: /artikel/seite/2/
}

func loadLang(tfs fs.FS, dir, code string) (*Lang, diag.List) {
	var errs diag.List
	p := "i18n/" + code + ".toml"
	src, err := fs.ReadFile(tfs, p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			errs.Errorf(diag.Pos{Path: dir + "/" + p}, "missing UI texts for language %q", code)
		} else {
			errs.Errorf(diag.Pos{Path: dir + "/" + p}, "%s", diag.ReadError(err))
		}
		return nil, errs
	}
	l := &Lang{Code: code, src: src}
	doc, derrs := tomldoc.Decode(dir+"/"+p, src, 0, l)
	errs.Add(derrs)
	if derrs.HasErrors() {
		return nil, errs
	}
	if len(l.Months) != 12 {
		errs.Errorf(doc.Pos("months"), "months must list 12 month names")
	}
	for key, v := range map[string]string{"fields": l.Paths.Fields, "rounds": l.Paths.Rounds, "articles": l.Paths.Articles, "data": l.Paths.Data, "method": l.Paths.Method, "search": l.Paths.Search, "page": l.Paths.Page} {
		if v == "" || strings.ContainsAny(v, "/\\. ") {
			errs.Errorf(doc.Pos("paths"), "paths.%s must be one URL segment such as \"artikel\"", key)
		}
	}
	return l, errs
}

// T returns the text for key; a missing key is an error so that templates
// never show a raw key to citizens.
func (l *Lang) T(key string) (string, error) {
	if s, ok := l.Text[key]; ok {
		return s, nil
	}
	return "", fmt.Errorf("no text %q in i18n/%s.toml", key, l.Code)
}

// Tf fills {0}, {1}, … in the text for key with args.
func (l *Lang) Tf(key string, args ...any) (string, error) {
	s, err := l.T(key)
	if err != nil {
		return "", err
	}
	for i, a := range args {
		s = strings.ReplaceAll(s, "{"+strconv.Itoa(i)+"}", fmt.Sprint(a))
	}
	return s, nil
}

// Func returns the texts as a function that fills in {0}, {1} …, for
// packages that write texts but know nothing of templates. A missing key
// gives the key itself, which tests notice.
func (l *Lang) Func() func(key string, args ...any) string {
	return func(key string, args ...any) string {
		t, err := l.Tf(key, args...)
		if err != nil {
			return key
		}
		return t
	}
}

// Texts loads site.toml and the UI texts of its language, for commands that
// need the site's words but not the whole site, such as writing a workbook.
func Texts(src fs.FS, opts Options) (*config.Site, *Lang, diag.List) {
	var errs diag.List
	cfg, cerrs := config.Load(src)
	errs.Add(cerrs)
	if cerrs.HasErrors() {
		return nil, nil, errs
	}
	tfs := opts.Templates
	if tfs == nil {
		sub, err := fs.Sub(src, TemplatesDir)
		if err != nil {
			errs.Errorf(diag.Pos{Path: TemplatesDir}, "cannot open templates: %v", err)
			return nil, nil, errs
		}
		tfs = sub
	}
	l, lerrs := loadLang(tfs, TemplatesDir, cfg.Language)
	errs.Add(lerrs)
	return cfg, l, errs
}

// Date formats t as a long date such as "17. Mai 2024".
func (l *Lang) Date(t time.Time) string {
	s := strings.Replace(l.DateFormat, "{day}", strconv.Itoa(t.Day()), 1)
	s = strings.Replace(s, "{month}", l.Months[t.Month()-1], 1)
	return strings.Replace(s, "{year}", strconv.Itoa(t.Year()), 1)
}
