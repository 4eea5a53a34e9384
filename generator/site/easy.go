package site

import "golang.org/x/text/number"

// EasyResults is the latest round's result in Leichte Sprache, which a
// page of layout "leichte-sprache" shows below its own text: when the town
// answered, which fields got better, which worse, which stayed the same,
// where it does best and where it has most to do. It is built from the
// model, so that a new round updates it. Its sentences are UI texts
// (easy_*), which a town can reword in templates/i18n/de.toml; the partial
// "easy-results" (templates/partials/easy.html) lays it out, and a town
// that writes its results itself overrides that partial with an empty one.
type EasyResults struct {
	Title  string
	Lead   string
	Groups []*EasyGroup
	More   string // the link text to the fields page
	URL    string // the fields page
}

// EasyGroup is one short sentence and the fields it names.
type EasyGroup struct {
	Text   string
	Fields []*FieldView
}

// easyResults builds the results in Leichte Sprache, or returns nil before
// the first round.
func (s *Site) easyResults(v *views) (*EasyResults, error) {
	if s.Model == nil || len(v.rounds) == 0 {
		return nil, nil
	}
	l := s.Lang
	latest := v.rounds[len(v.rounds)-1]
	e := &EasyResults{URL: s.sectionURL(l.Paths.Fields)}
	var err error
	if e.Title, err = l.T("easy_results"); err != nil {
		return nil, err
	}
	if e.More, err = l.T("easy_more"); err != nil {
		return nil, err
	}
	// A year is written with the language's digits and no grouping: 2024,
	// not 2.024.
	year := func(r *RoundView) string {
		return l.printer.Sprint(number.Decimal(r.Date.Year(), number.NoSeparator()))
	}
	if latest.Prev == nil {
		e.Lead, err = l.Tf("easy_first", year(latest))
	} else {
		e.Lead, err = l.Tf("easy_again", year(latest), year(latest.Prev))
	}
	if err != nil {
		return nil, err
	}
	group := func(key string, fields []*FieldView) error {
		if len(fields) == 0 {
			return nil
		}
		t, err := l.T(key)
		e.Groups = append(e.Groups, &EasyGroup{Text: t, Fields: fields})
		return err
	}
	var better, worse, same, scored []*FieldView
	for _, fv := range v.fields {
		if fv.Now >= 0 {
			scored = append(scored, fv)
		}
		switch {
		case !fv.HasPrev:
		case fv.Delta > 0:
			better = append(better, fv)
		case fv.Delta < 0:
			worse = append(worse, fv)
		default:
			same = append(same, fv)
		}
	}
	for _, g := range []struct {
		key    string
		fields []*FieldView
	}{{"easy_better", better}, {"easy_worse", worse}, {"easy_same", same}} {
		if err := group(g.key, g.fields); err != nil {
			return nil, err
		}
	}
	if len(scored) > 1 {
		best, least := extremes(scored, func(f *FieldView) int { return f.Now })
		if best.Now > least.Now {
			if err := group("easy_best", []*FieldView{best}); err != nil {
				return nil, err
			}
			if err := group("easy_least", []*FieldView{least}); err != nil {
				return nil, err
			}
		}
	}
	return e, nil
}
