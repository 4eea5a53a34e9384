package site

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"offenbar/generator/config"
	"offenbar/generator/diag"
	"offenbar/generator/tomldoc"
)

// Lang holds the UI texts and URL paths of one language. They live in
// templates/i18n/<lang>.toml, so that no UI text is written in Go.
//
// A text is a string, or, where it says how many of something there are, a
// table of CLDR plural forms, of which the language's own are required:
//
//	[text.changes_count]
//	one = "{0} Antwort hat sich verändert."
//	other = "{0} Antworten haben sich verändert."
//
// Arabic needs zero, one, two, few, many and other; Ukrainian one, few,
// many and other. The messages are kept by go-i18n, which picks the form.
type Lang struct {
	Code       string       `toml:"-"`
	Tag        language.Tag `toml:"-"`
	src        []byte
	Months     []string          `toml:"months"`
	DateFormat string            `toml:"date_format"` // with {day}, {month}, {year}
	Paths      Paths             `toml:"paths"`
	Text       map[string]any    `toml:"text"`
	Status     map[string]string `toml:"status"` // recommendation statuses
	// Messages are what the commands tell editors, keyed by their English
	// format (see diag.Message); what a language lacks stays English.
	// A message with a count has a table of plural forms (see diag.Countf).
	Messages map[string]any `toml:"messages"`

	doc     *tomldoc.Doc      // the built-in texts, or the only ones
	own     *tomldoc.Doc      // the site's own texts over the built-in ones, if any
	texts   map[string]string // the texts without plural forms, looked up once
	plurals map[string]bool
	loc     *i18n.Localizer
	printer *message.Printer
}

// pluralForms are the CLDR plural categories a text may have.
var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// requiredForms are the plural categories that whole numbers take in the
// language of tag, by CLDR's rules.
func requiredForms(tag language.Tag) map[string]bool {
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	forms := map[string]bool{"other": true}
	for n := 0; n <= 1000; n++ {
		forms[names[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]] = true
	}
	return forms
}

// messages turns the texts into go-i18n messages, checking every plural
// table against the language's forms.
func (l *Lang) messages(errs *diag.List) {
	bundle := i18n.NewBundle(l.Tag)
	l.texts, l.plurals = map[string]string{}, map[string]bool{}
	need := requiredForms(l.Tag)
	for _, key := range slices.Sorted(maps.Keys(l.Text)) {
		switch v := l.Text[key].(type) {
		case string:
			l.texts[key] = v
		case map[string]any:
			m := &i18n.Message{ID: key}
			fields := map[string]*string{"zero": &m.Zero, "one": &m.One, "two": &m.Two, "few": &m.Few, "many": &m.Many, "other": &m.Other}
			for form, text := range v {
				t, ok := text.(string)
				if !ok || fields[form] == nil {
					errs.Errorf(l.pos("text."+key+"."+form), "%q is not a plural form with a text, want one of: %s", "text."+key+"."+form, strings.Join(pluralForms, ", "))
					continue
				}
				*fields[form] = t
			}
			var missing []string
			for _, form := range pluralForms {
				if need[form] && *fields[form] == "" {
					missing = append(missing, form)
				}
			}
			if len(missing) > 0 {
				errs.Errorf(l.pos("text."+key), "text %q lacks the plural forms %s that %s needs", key, strings.Join(missing, ", "), l.Code)
				continue
			}
			bundle.MustAddMessages(l.Tag, m)
			l.plurals[key] = true
		default:
			errs.Errorf(l.pos("text."+key), "text %q must be a string or a table of plural forms", key)
		}
	}
	l.loc = i18n.NewLocalizer(bundle, l.Code)
	for _, key := range slices.Sorted(maps.Keys(l.Messages)) {
		switch v := l.Messages[key].(type) {
		case string:
		case map[string]any:
			var missing []string
			for _, form := range pluralForms {
				if _, ok := v[form].(string); need[form] && !ok {
					missing = append(missing, form)
				}
			}
			if len(missing) > 0 {
				errs.Errorf(l.pos("messages"), "message %q lacks the plural forms %s that %s needs", key, strings.Join(missing, ", "), l.Code)
			}
		default:
			errs.Errorf(l.pos("messages"), "message %q must be a string or a table of plural forms", key)
		}
	}
}

// Paths are the URL segments of the site's sections.
type Paths struct {
	Fields   string `toml:"fields"`
	Rounds   string `toml:"rounds"`
	Articles string `toml:"articles"`
	Data     string `toml:"data"`
	Method   string `toml:"method"`
	Search   string `toml:"search"`
	Measures string `toml:"measures"`
	Page     string `toml:"page"` // pages of a long list: /artikel/seite/2/
	Events   string `toml:"events"`
}

// loadLang reads the UI texts of language code. In a layered theme, the
// site's own i18n/<code>.toml replaces only the keys it names: months,
// date_format, each path, each text and each status.
func loadLang(tfs fs.FS, dir, code string) (*Lang, diag.List) {
	var errs diag.List
	p := "i18n/" + code + ".toml"
	base, over := tfs, fs.FS(nil)
	if t, ok := tfs.(layers); ok {
		base = t.builtin
		if _, err := fs.Stat(t.own, p); err == nil {
			over = t.own
		}
		if _, err := fs.Stat(base, p); err != nil {
			// A language the theme does not have: the site's file is all.
			base, over = t.own, nil
		}
	}
	src, err := fs.ReadFile(base, p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			have, _ := fs.Glob(tfs, "i18n/*.toml")
			for i, h := range have {
				have[i] = strings.TrimSuffix(strings.TrimPrefix(h, "i18n/"), ".toml")
			}
			errs.Errorf(diag.Pos{Path: dir + "/" + p}, "missing UI texts for language %q: translate %s/i18n/de.toml into %s/%s; there are texts for: %s", code, dir, dir, p, strings.Join(have, ", "))
		} else {
			errs.Errorf(diag.Pos{Path: dir + "/" + p}, "%s", diag.ReadError(err))
		}
		return nil, errs
	}
	tag, err := language.Parse(code)
	if err != nil {
		errs.Errorf(diag.Pos{Path: dir + "/" + p}, "%q is not a language tag: %v", code, err)
		return nil, errs
	}
	l := &Lang{Code: code, Tag: tag, src: src, printer: message.NewPrinter(tag)}
	doc, derrs := tomldoc.Decode(dir+"/"+p, src, 0, l)
	errs.Add(derrs)
	if derrs.HasErrors() {
		return nil, errs
	}
	l.doc = doc
	if over != nil {
		osrc, err := fs.ReadFile(over, p)
		if err != nil {
			errs.Errorf(diag.Pos{Path: dir + "/" + p}, "%s", diag.ReadError(err))
			return nil, errs
		}
		o := &Lang{}
		odoc, oerrs := tomldoc.Decode(dir+"/"+p, osrc, 0, o)
		errs.Add(oerrs)
		if oerrs.HasErrors() {
			return nil, errs
		}
		l.own, l.src = odoc, append(append(slices.Clip(src), '\n'), osrc...)
		if o.Months != nil {
			l.Months = o.Months
		}
		if o.DateFormat != "" {
			l.DateFormat = o.DateFormat
		}
		for _, f := range []struct{ dst, src *string }{{&l.Paths.Fields, &o.Paths.Fields}, {&l.Paths.Rounds, &o.Paths.Rounds}, {&l.Paths.Articles, &o.Paths.Articles}, {&l.Paths.Data, &o.Paths.Data}, {&l.Paths.Method, &o.Paths.Method}, {&l.Paths.Search, &o.Paths.Search}, {&l.Paths.Measures, &o.Paths.Measures}, {&l.Paths.Page, &o.Paths.Page}, {&l.Paths.Events, &o.Paths.Events}} {
			if *f.src != "" {
				*f.dst = *f.src
			}
		}
		maps.Copy(l.Text, o.Text)
		maps.Copy(l.Status, o.Status)
		if o.Messages != nil {
			if l.Messages == nil {
				l.Messages = map[string]any{}
			}
			maps.Copy(l.Messages, o.Messages)
		}
		for key := range o.Text {
			if _, ok := l.doc.Index.Key("text." + key); !ok {
				errs.Warnf(odoc.Pos("text."+key), "text %q is not one of the built-in UI texts; no template uses it unless yours does", key)
			}
		}
	}
	l.messages(&errs)
	if len(l.Months) != 12 {
		errs.Errorf(l.pos("months"), "months must list 12 month names")
	}
	for key, v := range map[string]string{"fields": l.Paths.Fields, "rounds": l.Paths.Rounds, "articles": l.Paths.Articles, "data": l.Paths.Data, "method": l.Paths.Method, "search": l.Paths.Search, "measures": l.Paths.Measures, "page": l.Paths.Page, "events": l.Paths.Events} {
		if v == "" || strings.ContainsAny(v, "/\\. ") {
			errs.Errorf(l.pos("paths."+key), "paths.%s must be one URL segment such as \"artikel\"", key)
		}
	}
	return l, errs
}

// BuiltinLang loads the built-in UI texts of language code, for messages
// when the site's own cannot be loaded or another language is asked for.
func BuiltinLang(code string) (*Lang, error) {
	l, errs := loadLang(Builtin, TemplatesDir, code)
	if errs.HasErrors() {
		return nil, errs.Err()
	}
	return l, nil
}

// Message returns the language's text of an English message format, if it
// has one, in the plural form that count asks for; it is a
// diag.Translator.
func (l *Lang) Message(format string, count int) (string, bool) {
	switch v := l.Messages[format].(type) {
	case string:
		return v, true
	case map[string]any:
		if s, ok := v[pluralForm(l.Tag, count)].(string); ok {
			return s, true
		}
		s, ok := v["other"].(string)
		return s, ok
	}
	return "", false
}

// MessageForms returns every text of an English message format: one, or
// one per plural form.
func (l *Lang) MessageForms(format string) []string {
	switch v := l.Messages[format].(type) {
	case string:
		return []string{v}
	case map[string]any:
		var forms []string
		for _, form := range pluralForms {
			if s, ok := v[form].(string); ok {
				forms = append(forms, s)
			}
		}
		return forms
	}
	return nil
}

// pluralForm is the CLDR plural category of the whole number n in the
// language of tag.
func pluralForm(tag language.Tag, n int) string {
	names := map[plural.Form]string{plural.Zero: "zero", plural.One: "one", plural.Two: "two", plural.Few: "few", plural.Many: "many", plural.Other: "other"}
	if n < 0 {
		n = -n
	}
	return names[plural.Cardinal.MatchPlural(tag, n, 0, 0, 0, 0)]
}

// T returns the text for key; a missing key is an error so that templates
// never show a raw key to citizens.
func (l *Lang) T(key string) (string, error) {
	if s, ok := l.texts[key]; ok {
		return s, nil
	}
	if l.plurals[key] {
		return "", fmt.Errorf("text %q in i18n/%s.toml has plural forms: give it the count with tf", key, l.Code)
	}
	return "", fmt.Errorf("no text %q in i18n/%s.toml", key, l.Code)
}

// Tf fills {0}, {1}, … in the text for key with args. Numbers are written
// as the language writes them. A text with plural forms takes the form
// that its first argument, the count, asks for.
func (l *Lang) Tf(key string, args ...any) (string, error) {
	var s string
	var err error
	if l.plurals[key] {
		if len(args) == 0 {
			return "", fmt.Errorf("text %q in i18n/%s.toml has plural forms but was given no count", key, l.Code)
		}
		s, err = l.loc.Localize(&i18n.LocalizeConfig{MessageID: key, PluralCount: args[0]})
	} else {
		s, err = l.T(key)
	}
	if err != nil {
		return "", err
	}
	vals := make([]string, len(args))
	for i, a := range args {
		vals[i] = fmt.Sprint(a)
		switch n := a.(type) {
		case int:
			vals[i] = l.printer.Sprint(n)
		case float64:
			vals[i] = l.printer.Sprint(n)
		}
	}
	return diag.Fill(s, vals), nil
}

// pos is the position of key in the language's file.
func (l *Lang) pos(key string) diag.Pos {
	if l.own != nil {
		if _, ok := l.own.Index.Key(key); ok {
			return l.own.Pos(key)
		}
	}
	return l.doc.Pos(key)
}

// RTL reports whether the language is written right to left, by the script
// its tag names or most likely uses.
func (l *Lang) RTL() bool {
	script, _ := l.Tag.Script()
	switch script.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Mand", "Samr":
		return true
	}
	return false
}

// Number writes n as the language writes numbers.
func (l *Lang) Number(n int) string { return l.printer.Sprint(n) }

// NumberLocale is the language tag with which a browser writes numbers
// with the digits of Number, such as "ar-u-nu-arab", when they are not the
// Latin ones, which browsers may choose for some languages; else "".
func (l *Lang) NumberLocale() string {
	nu := map[string]string{"٠": "arab", "۰": "arabext"}[l.printer.Sprint(0)]
	if nu == "" {
		return ""
	}
	return l.Code + "-u-nu-" + nu
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
	// A site fresh from init can already make workbooks.
	cerrs.AllowPlaceholders()
	errs.Add(cerrs)
	if cerrs.HasErrors() {
		return nil, nil, errs
	}
	tfs, err := siteTheme(src, opts)
	if err != nil {
		errs.Errorf(diag.Pos{Path: TemplatesDir}, "cannot open templates: %v", err)
		return nil, nil, errs
	}
	l, lerrs := loadLang(tfs, TemplatesDir, cfg.Language)
	errs.Add(lerrs)
	return cfg, l, errs
}

// Date formats t as a long date such as "17. Mai 2024", with the digits of
// the language.
func (l *Lang) Date(t time.Time) string {
	digits := func(n int) string { return l.printer.Sprint(number.Decimal(n, number.NoSeparator())) }
	s := strings.Replace(l.DateFormat, "{day}", digits(t.Day()), 1)
	s = strings.Replace(s, "{month}", l.Months[t.Month()-1], 1)
	return strings.Replace(s, "{year}", digits(t.Year()), 1)
}
