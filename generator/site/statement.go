package site

import (
	"regexp"
	"strings"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/diag"
)

var (
	contactRE     = regexp.MustCompile(`(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}|\btel:|\+?\d[\d /-]{5,}\d`)
	conciliatorRE = regexp.MustCompile(`(?i)schlichtungsstelle|conciliation`)
)

// checkStatement warns about gaps in the accessibility statement that BITV
// 2.0 requires: a current date, a way to give feedback, and a link to the
// conciliation body (Schlichtungsstelle).
func (s *Site) checkStatement(docs []*content.Doc, now time.Time) diag.List {
	var errs diag.List
	path := s.Config.Footer.Accessibility
	for _, d := range docs {
		if d.Kind != content.Page || "/"+d.Slug+"/" != path {
			continue
		}
		switch {
		case d.Date.IsZero():
			errs.Warnf(diag.Pos{Path: d.Path, Line: 2, Col: 1}, "the accessibility statement has no date: add date = %s, the day it was last reviewed", now.Format(time.DateOnly))
		case now.Sub(d.Date.Time) > 365*24*time.Hour:
			errs.Warnf(d.Meta.ValuePos("date"), "the accessibility statement was last reviewed on %s, more than a year ago: review it and update its date", d.Date.ISO())
		}
		body := string(d.Body)
		if !contactRE.MatchString(body) {
			errs.Warnf(diag.Pos{Path: d.Path}, "the accessibility statement names no contact: add an e-mail address or a phone number for feedback")
		}
		if !conciliatorRE.MatchString(body) || !strings.Contains(body, "](http") {
			errs.Warnf(diag.Pos{Path: d.Path}, "the accessibility statement does not link to the Schlichtungsstelle: add [Schlichtungsstelle nach § 16 BGG](https://www.schlichtungsstelle-bgg.de/) or the body of your Land")
		}
		return errs
	}
	return errs
}
