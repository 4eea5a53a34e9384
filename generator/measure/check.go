package measure

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"offenbar/generator/diag"
	"offenbar/generator/selfcheck"
)

// Check checks what the measures say about the rest of the site: their
// fields and recommendations against the self-check model, the status that
// rounds give the recommendations they take up, their updates against
// today, and their translations against the site's languages. It resolves
// each measure's Refs.
func Check(ms []*Measure, model *selfcheck.Model, languages []string, today time.Time) diag.List {
	var errs diag.List
	var slugs []string
	if model != nil {
		for _, f := range model.Instrument.Fields {
			slugs = append(slugs, f.Slug)
		}
	}
	want := strings.Join(slugs, ", ")
	if want == "" {
		want = "(the site has no self-check)"
	}
	for _, m := range ms {
		d := m.Meta
		if len(m.Fields) == 0 {
			at := diag.Pos{Path: m.Path, Line: 2, Col: 1}
			if _, ok := d.Index.Key("fields"); ok {
				at = d.ValuePos("fields")
			}
			errs.Errorf(at, "the measure names no action field: add fields = [\"…\"] with one of: %s", want)
		}
		for i, f := range m.Fields {
			if !slices.Contains(slugs, f) {
				errs.Errorf(d.ValuePos(fmt.Sprintf("fields[%d]", i)), "unknown field slug %q, want one of: %s", f, want)
			}
		}
		m.Refs = nil
		for i, s := range m.Recommendations {
			at := d.ValuePos(fmt.Sprintf("recommendations[%d]", i))
			if r := resolve(s, at, model, &errs); r != nil {
				m.Refs = append(m.Refs, r)
			}
		}
		day := day(today)
		for i, u := range m.Updates {
			if u.Date.After(day) {
				errs.Warnf(d.ValuePos(fmt.Sprintf("updates[%d].date", i)), "update dated %s, after today (%s): correct the date, or add the update when it has happened", u.Date.ISO(), day.Format(time.DateOnly))
			}
		}
		checkTranslations(m, languages, &errs)
	}
	if model != nil {
		checkRoundStatus(ms, model, &errs)
	}
	return errs
}

// resolve finds the recommendation that s, such as "2024/fairer-zugang/2",
// names.
func resolve(s string, at diag.Pos, model *selfcheck.Model, errs *diag.List) *Ref {
	parts := strings.Split(s, "/")
	n := 0
	if len(parts) == 3 {
		n, _ = strconv.Atoi(parts[2])
	}
	if n < 1 {
		errs.Errorf(at, "recommendation %q must be round/field/number, such as \"2024/fairer-zugang/2\" for the second recommendation in that field of round 2024", s)
		return nil
	}
	if model == nil {
		errs.Errorf(at, "unknown recommendation %q: the site has no self-check", s)
		return nil
	}
	round := model.Round(parts[0])
	if round == nil {
		var ids []string
		for _, r := range model.Rounds {
			ids = append(ids, r.ID)
		}
		errs.Errorf(at, "unknown round %q in recommendation %q, want one of: %s", parts[0], s, strings.Join(ids, ", "))
		return nil
	}
	if model.Instrument.Field(parts[1]) == nil {
		var slugs []string
		for _, f := range model.Instrument.Fields {
			slugs = append(slugs, f.Slug)
		}
		errs.Errorf(at, "unknown field slug %q in recommendation %q, want one of: %s", parts[1], s, strings.Join(slugs, ", "))
		return nil
	}
	var recs []*selfcheck.Recommendation
	if fr := round.Fields[parts[1]]; fr != nil {
		recs = fr.Recommendations
	}
	if n > len(recs) {
		errs.Errorf(at, "%v", diag.Countf(len(recs), "unknown recommendation %q: round %q has %d recommendation in field %q", "unknown recommendation %q: round %q has %d recommendations in field %q", s, round.ID, len(recs), parts[1]))
		return nil
	}
	return &Ref{Round: round.ID, Field: parts[1], Index: n - 1, Pos: at}
}

// Implied is the status that a round gives a recommendation taken up by
// ms: done when every measure that is not stopped is done, planned when
// every one is planned, in progress otherwise. It is "" when every
// measure is stopped.
func Implied(ms []*Measure) selfcheck.Status {
	var open []Status
	for _, m := range ms {
		if s := m.Status(); s != Stopped {
			open = append(open, s)
		}
	}
	switch {
	case len(open) == 0:
		return ""
	case !slices.ContainsFunc(open, func(s Status) bool { return s != Done }):
		return selfcheck.Done
	case !slices.ContainsFunc(open, func(s Status) bool { return s != Planned }):
		return selfcheck.Planned
	}
	return selfcheck.InProgress
}

// TakenUp returns the measures that take up a round's recommendation, by
// "round/field/index" with the index from 0.
func TakenUp(ms []*Measure) map[string][]*Measure {
	by := map[string][]*Measure{}
	for _, m := range ms {
		for _, r := range m.Refs {
			k := Key(r.Round, r.Field, r.Index)
			if !slices.Contains(by[k], m) {
				by[k] = append(by[k], m)
			}
		}
	}
	return by
}

// Key names the recommendation index (from 0) of field in round.
func Key(round, field string, index int) string {
	return round + "/" + field + "/" + strconv.Itoa(index)
}

// checkRoundStatus reports a round's recommendation whose status
// contradicts the measures that take it up.
func checkRoundStatus(ms []*Measure, model *selfcheck.Model, errs *diag.List) {
	by := TakenUp(ms)
	for _, k := range slices.Sorted(maps.Keys(by)) {
		takers := by[k]
		r := takers[0].refTo(k)
		round := model.Round(r.Round)
		rec := round.Fields[r.Field].Recommendations[r.Index]
		implied := Implied(takers)
		if implied == "" || rec.Status == implied {
			continue
		}
		var ids []string
		for _, m := range takers {
			ids = append(ids, fmt.Sprintf("%s (%s)", m.ID, m.Status()))
		}
		at := diag.Pos{Path: selfcheck.Dir + "/" + selfcheck.RoundsDir + "/" + round.ID + ".toml"}
		if round.Doc != nil {
			at = round.Doc.ValuePos(fmt.Sprintf("fields.%s.recommendations[%d].status", r.Field, r.Index))
		}
		errs.Errorf(at, "status %q contradicts the measures that take this recommendation up: %s; write status = %q", string(rec.Status), strings.Join(ids, ", "), string(implied))
	}
}

// refTo returns m's reference with the given key.
func (m *Measure) refTo(key string) *Ref {
	for _, r := range m.Refs {
		if Key(r.Round, r.Field, r.Index) == key {
			return r
		}
	}
	return nil
}

// checkTranslations checks a measure's translations against the site's
// languages and against the measure.
func checkTranslations(m *Measure, languages []string, errs *diag.List) {
	for _, code := range slices.Sorted(maps.Keys(m.Translations)) {
		tr := m.Translations[code]
		if !slices.Contains(languages, code) {
			errs.Errorf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "translation into %q, which languages in site.toml does not list; add it there, or remove the file", code)
			continue
		}
		if n, most := len(tr.Updates), len(m.Updates); n > most {
			errs.Errorf(tr.Meta.ValuePos("updates"), "%v", diag.Countf(most, "the translation has %d update texts, but %s has %d update", "the translation has %d update texts, but %s has %d updates", n, m.Path, most))
		}
		if n, most := len(tr.Milestones), len(m.Milestones); n > most {
			errs.Errorf(tr.Meta.ValuePos("milestones"), "%v", diag.Countf(most, "the translation has %d milestone titles, but %s has %d milestone", "the translation has %d milestone titles, but %s has %d milestones", n, m.Path, most))
		}
		if body := bytes.TrimSpace(tr.Body); len(body) > 0 && bytes.Equal(body, bytes.TrimSpace(m.Body)) {
			errs.Warnf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "this translation into %q is an unchanged copy of %s: translate its text, or remove the file, and the page shows the original with a notice", code, m.Path)
			continue
		}
		if tr.Source != "" && tr.Source != m.Hash {
			errs.Warnf(tr.Meta.ValuePos("source"), "translation may be outdated: %s has changed since it was translated; bring the translation up to date and set source = %q", m.Path, m.Hash)
		}
	}
}
