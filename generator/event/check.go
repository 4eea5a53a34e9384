package event

import (
	"bytes"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"offenbar/generator/diag"
)

// Refs are what events may name outside themselves: the site's articles,
// action fields, rounds and measures, each by its ID.
type Refs struct {
	// Articles maps the slug of each article, and its file or folder name
	// without .md, such as "2021-10-08-dialogforum", to its slug: a report
	// may name either.
	Articles map[string]string
	Fields   []string
	Rounds   []string
	// Measures are the IDs of the measures, by which events name them.
	Measures []string
}

// Check reports what events name that does not exist, translations into
// languages the site does not have, and, as a warning, a past event that
// is still scheduled without a report ReportAfter after its end. now is the
// build's today.
func Check(events []*Event, refs Refs, langs []string, now time.Time) diag.List {
	var errs diag.List
	for _, e := range events {
		for i, f := range e.Fields {
			if !slices.Contains(refs.Fields, f) {
				want := strings.Join(refs.Fields, ", ")
				if want == "" {
					want = "(the site has no self-check)"
				}
				errs.Errorf(e.Meta.ValuePos("fields["+strconv.Itoa(i)+"]"), "unknown field slug %q, want one of: %s", f, want)
			}
		}
		if e.Round != "" && !slices.Contains(refs.Rounds, e.Round) {
			want := strings.Join(refs.Rounds, ", ")
			if want == "" {
				want = "(the site has no round yet)"
			}
			errs.Errorf(e.Meta.ValuePos("round"), "unknown round %q, want one of: %s", e.Round, want)
		}
		for i, id := range e.Measures {
			if !slices.Contains(refs.Measures, id) {
				errs.Errorf(e.Meta.ValuePos("measures["+strconv.Itoa(i)+"]"), "unknown measure %q: there is no %s/%s.md", id, "content/measures", id)
			}
		}
		if e.Report != "" && e.ReportSlug(refs) == "" {
			example := "dialogforum"
			if slugs := slices.Sorted(maps.Values(refs.Articles)); len(slugs) > 0 {
				example = slugs[0]
			}
			errs.Errorf(e.Meta.ValuePos("report"), "report %q names no article: want the file name of an article in content/articles without date and .md, such as %q", e.Report, example)
		}
		for _, code := range slices.Sorted(maps.Keys(e.Translations)) {
			tr := e.Translations[code]
			switch {
			case !slices.Contains(langs, code):
				errs.Errorf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "translation into %q, which languages in site.toml does not list; add it there, or remove the file", code)
			case len(bytes.TrimSpace(tr.Body)) > 0 && bytes.Equal(bytes.TrimSpace(tr.Body), bytes.TrimSpace(e.Body)):
				errs.Warnf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "this translation into %q is an unchanged copy of %s: translate its text, or remove the file, and the page shows the original with a notice", code, e.Path)
			case tr.Stale(e):
				errs.Warnf(tr.Meta.ValuePos("source"), "translation may be outdated: %s has changed since it was translated; bring the translation up to date and set source = %q", e.Path, e.Hash)
			}
		}
		// An event without a valid end has its error already.
		if !e.Draft && e.Status == Scheduled && e.Report == "" && !e.Ends().IsZero() && now.Sub(e.Ends()) > ReportAfter {
			errs.Warnf(e.at("start"), "the event ended on %s and is still scheduled, without a report: add report = \"…\" with the article about it, or set status = \"cancelled\" and a note if it did not take place", e.LastDay().Format(time.DateOnly))
		}
	}
	return errs
}

// ReportSlug is the slug of the article that e's report names, or "".
func (e *Event) ReportSlug(refs Refs) string {
	return refs.Articles[e.Report]
}
