package measure

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"offenbar/generator/content"
	"offenbar/generator/diag"
	"offenbar/generator/sourcefile"
	"offenbar/generator/tomldoc"
)

var (
	idRE          = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	translationRE = regexp.MustCompile(`^(.+)\.([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$`)
)

// Load reads every measure in Dir of fsys and checks each on its own: what
// it says about other content is checked by Check. A site without Dir has
// no measures and no error.
func Load(fsys fs.FS) ([]*Measure, diag.List) {
	var errs diag.List
	paths, bundles := list(fsys, &errs)
	byID := map[string]*Measure{}
	unusable := map[string]bool{}
	var ms []*Measure
	var trs []*Translation
	for _, p := range paths {
		src, err := sourcefile.Read(fsys, p)
		if err != nil {
			errs.Errorf(diag.Pos{Path: p}, "%s", diag.ReadError(err))
			continue
		}
		id, lang, ok := name(p, &errs)
		if !ok {
			continue
		}
		if lang != "" {
			if tr := parseTranslation(p, lang, src, &errs); tr != nil {
				trs = append(trs, tr)
			}
			continue
		}
		m := Parse(p, src, &errs)
		if m == nil {
			unusable[id] = true
			continue
		}
		m.ID = id
		if path.Base(p) == content.BundleIndex {
			m.Bundle = path.Dir(p)
			m.Files = bundles[m.Bundle]
		}
		if other := byID[id]; other != nil {
			errs.Errorf(diag.Pos{Path: p, Line: 1, Col: 1}, "duplicate measure id %q: %s has the same URL; rename one of the files", id, other.Path)
			continue
		}
		byID[id] = m
		ms = append(ms, m)
	}
	for _, tr := range trs {
		id, _, _ := name(tr.Path, &diag.List{})
		m := byID[id]
		if m == nil && unusable[id] {
			continue // its original's problems are reported
		}
		if m == nil {
			errs.Errorf(diag.Pos{Path: tr.Path}, "translation into %q of a measure that does not exist: name it after the original, such as %s.%s.md", tr.Lang, id, tr.Lang)
			continue
		}
		if m.Translations == nil {
			m.Translations = map[string]*Translation{}
		}
		m.Translations[tr.Lang] = tr
	}
	slices.SortFunc(ms, func(a, b *Measure) int { return strings.Compare(a.ID, b.ID) })
	return ms, errs
}

// IDs returns the ID of every measure file in Dir of fsys, whether or not
// it loads: a reference to a measure whose file has a mistake is not
// another mistake.
func IDs(fsys fs.FS) []string {
	var ids []string
	paths, _ := list(fsys, &diag.List{})
	for _, p := range paths {
		if id, lang, ok := name(p, &diag.List{}); ok && lang == "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// list lists the measure files in Dir of fsys, originals and
// translations, and the other files of each bundle by its folder.
func list(fsys fs.FS, errs *diag.List) ([]string, map[string][]string) {
	entries, err := fs.ReadDir(fsys, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		errs.Errorf(diag.Pos{Path: Dir}, "%s", diag.ReadError(err))
		return nil, nil
	}
	var paths []string
	bundles := map[string][]string{}
	for _, e := range entries {
		p := path.Join(Dir, e.Name())
		switch {
		case strings.HasPrefix(e.Name(), "."):
		case !e.IsDir() && strings.HasSuffix(e.Name(), ".md"):
			paths = append(paths, p)
		case e.IsDir():
			files, ok, err := content.BundleFiles(fsys, p)
			if err != nil {
				errs.Errorf(diag.Pos{Path: p}, "%s", diag.ReadError(err))
			}
			if ok {
				paths = append(paths, path.Join(p, content.BundleIndex))
				bundles[p] = files
				more, _ := fs.Glob(fsys, path.Join(p, "index.*.md"))
				paths = append(paths, more...)
			}
		}
	}
	return paths, bundles
}

// name tells the ID and the language of the file at p: sozialticket.md,
// sozialticket.tr.md, sozialticket/index.md or sozialticket/index.tr.md.
func name(p string, errs *diag.List) (id, lang string, ok bool) {
	base := path.Base(p)
	id = strings.TrimSuffix(base, ".md")
	if m := translationRE.FindStringSubmatch(base); m != nil {
		if _, err := language.Parse(m[2]); err == nil {
			id, lang = m[1], m[2]
		}
	}
	if id == "index" && path.Dir(p) != Dir {
		id = path.Base(path.Dir(p))
	}
	if !idRE.MatchString(id) {
		better := content.Slug(id)
		if better == "" {
			better = "sozialticket"
		}
		if path.Dir(p) != Dir {
			errs.Errorf(diag.Pos{Path: p}, "invalid folder name %q: use lower-case letters, digits and \"-\", such as %s/", id, better)
		} else {
			errs.Errorf(diag.Pos{Path: p}, "invalid file name %q: use lower-case letters, digits and \"-\", such as %s.md", base, better)
		}
		return "", "", false
	}
	if content.Reserved(id) {
		errs.Errorf(diag.Pos{Path: p}, "%q is a name Windows reserves for a device, which no folder of the site may have: choose another name", id)
		return "", "", false
	}
	return id, lang, true
}

// Parse reads the measure at p and checks what it says about itself. It
// returns nil when the measure cannot be used.
func Parse(p string, src []byte, errs *diag.List) *Measure {
	front, body, ok := content.SplitChecked(p, src, errs)
	if !ok {
		return nil
	}
	m := &Measure{Path: p, Body: body, Hash: content.SourceHash(src)}
	meta, derrs := tomldoc.Decode(p, front, 1, &m.Front)
	m.Meta = meta
	errs.Add(derrs)
	if derrs.HasErrors() {
		return nil
	}
	m.validate(errs)
	return m
}

func (m *Measure) validate(errs *diag.List) {
	d := m.Meta
	top := diag.Pos{Path: m.Path, Line: 2, Col: 1}
	if strings.TrimSpace(m.Title) == "" {
		at := top
		if _, ok := d.Index.Key("title"); ok {
			at = d.Pos("title")
		}
		errs.Errorf(at, "empty title: add title = \"Name der Maßnahme\"")
	}
	if strings.TrimSpace(m.Responsible) == "" {
		at := top
		if _, ok := d.Index.Key("responsible"); ok {
			at = d.Pos("responsible")
		}
		errs.Errorf(at, "missing responsible: add responsible = \"Amt für Soziales\", the office in charge")
	}
	if !m.Start.IsZero() && !m.Due.IsZero() && m.Due.Last().Before(m.Start.First()) {
		errs.Errorf(d.ValuePos("due"), "due %s is before start %s: correct one of them", m.Due.ISO(), m.Start.ISO())
	}
	if m.Budget != nil && *m.Budget < 0 {
		errs.Errorf(d.ValuePos("budget"), "budget %v is negative, want the amount in EUR, such as budget = 25000", *m.Budget)
	}
	if m.Progress != nil && (*m.Progress < 0 || *m.Progress > 100) {
		errs.Errorf(d.ValuePos("progress"), "progress %d is out of range, want a percentage from 0 to 100", *m.Progress)
	}
	if dec := m.Decision; dec != nil {
		if strings.TrimSpace(dec.By) == "" && strings.TrimSpace(dec.Reference) == "" {
			errs.Errorf(d.Pos("decision"), "the decision says neither who decided nor its reference: add by = \"Stadtrat\" or reference = \"Beschluss 2024/117\"")
		}
		// "//host/…" would lead to another site as if it were this one's.
		if u := dec.URL; u != "" && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "http://") && (!strings.HasPrefix(u, "/") || strings.HasPrefix(u, "//")) {
			errs.Errorf(d.ValuePos("decision.url"), "decision url %q must start with https://, http:// or a single / for a page of this site", u)
		}
	}
	if n := len(m.Milestones); n > MaxMilestones {
		errs.Errorf(d.Pos(fmt.Sprintf("milestones[%d]", MaxMilestones)), "%d milestones; the limit is %d per measure: keep the milestones that still matter, or split the measure", n, MaxMilestones)
	}
	if n := len(m.Updates); n > MaxUpdates {
		errs.Errorf(d.Pos(fmt.Sprintf("updates[%d]", MaxUpdates)), "%d updates; the limit is %d per measure: sum up the oldest in one update", n, MaxUpdates)
	}
	for i, ms := range m.Milestones {
		mp := fmt.Sprintf("milestones[%d]", i)
		if ms.Date.IsZero() {
			errs.Errorf(d.Pos(mp), "milestone has no date: add date = 2025-03-31")
		}
		if strings.TrimSpace(ms.Title) == "" {
			errs.Errorf(d.Pos(mp), "milestone has no title: add title = \"…\"")
		}
	}
	for i, u := range m.Updates {
		u.Index = i
		up := fmt.Sprintf("updates[%d]", i)
		if u.Date.IsZero() {
			errs.Errorf(d.Pos(up), "update has no date: add date = 2025-03-31")
		} else if i > 0 && !m.Updates[i-1].Date.IsZero() && u.Date.Before(m.Updates[i-1].Date.Time) {
			errs.Errorf(d.ValuePos(up+".date"), "updates are not in date order: %s follows %s; list the history oldest first", u.Date.ISO(), m.Updates[i-1].Date.ISO())
		}
		if !slices.Contains(Statuses, u.Status) {
			errs.Errorf(d.ValuePos(up+".status"), "unknown measure status %q, want one of: planned, in_progress, done, delayed, stopped", u.Status)
		}
	}
	if in := m.Indicator; in != nil {
		if strings.TrimSpace(in.Name) == "" {
			errs.Errorf(d.Pos("indicator"), "the indicator has no name: add name = \"Ausgegebene Sozialtickets\"")
		}
		if in.Target != nil && strings.TrimSpace(in.Unit) == "" {
			errs.Errorf(d.ValuePos("indicator.target"), "the indicator's target has no unit: add unit = \"Tickets\", or whatever it counts, to [indicator]")
		}
	}
	if m.Status() == Done && m.Progress != nil && *m.Progress < 100 {
		errs.Warnf(d.ValuePos("progress"), "the measure is done, but its progress is %d: set progress = 100, or add an update with the status it has", *m.Progress)
	}
}

// parseTranslation reads a translation of a measure.
func parseTranslation(p, lang string, src []byte, errs *diag.List) *Translation {
	front, body, ok := content.SplitChecked(p, src, errs)
	if !ok {
		return nil
	}
	tr := &Translation{Lang: lang, Path: p, Body: body}
	meta, derrs := tomldoc.Decode(p, front, 1, &tr.TranslationFront)
	tr.Meta = meta
	errs.Add(derrs)
	if derrs.HasErrors() {
		return nil
	}
	if t := tr.Translation; t != "" && t != "human" && t != "machine" {
		errs.Errorf(meta.ValuePos("translation"), "translation %q must be \"human\" or \"machine\"", t)
	}
	return tr
}
