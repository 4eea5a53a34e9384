package site

import (
	"cmp"
	"html/template"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/number"

	"offenbar/generator/chart"
	"offenbar/generator/content"
	"offenbar/generator/measure"
	"offenbar/generator/selfcheck"
)

// MeasureView is a measure as its pages show it, with its texts in the
// page's language where a translation has them, and marked as German
// where not. Further sections, such as the measure's events, are further
// fields here and a further section in measure.html.
type MeasureView struct {
	*measure.Measure
	URL         string
	Title       string // plain, for <title>, breadcrumbs, feeds and the search index
	TitleHTML   template.HTML
	Summary     string
	SummaryHTML template.HTML
	Responsible template.HTML
	Partners    []template.HTML
	Status      measure.Status
	StatusLabel string
	Overdue     bool
	// NoNews says since when an open measure has had no update, when that
	// is longer than stale_months; "" otherwise.
	NoNews     string
	Start, Due *DayText
	Budget     string // such as "180.000 €"; "" when none is given
	BudgetNote template.HTML
	Progress   int // -1 when none is given
	Fields     []*FieldView
	Recs       []*RecLink
	Updates    []*UpdateView // the history, oldest first
	Milestones []*MilestoneView
	Decision   *DecisionView
	Indicator  *IndicatorView
	Articles   []*DocView
	Events     []*EventView // the events that belong to it: upcoming first, then past
	// Translated is set on a measure shown in a translation, Machine when
	// it was machine-translated, and Stale when the original changed since.
	Translated, Machine, Stale bool
	// German reports whether the body is shown in German on a page of
	// another language.
	German  bool
	body    []byte
	srcPath string
	srcURL  string
	md      *content.Markdown
}

// SrcURL is the address of the measure in the default language.
func (m *MeasureView) SrcURL() string { return m.srcURL }

// HTML converts the measure's Markdown text while its page renders.
func (m *MeasureView) HTML() template.HTML { return m.md.RenderPage(m.body, m.srcURL) }

// DayText is a day or a month as a page writes it.
type DayText struct {
	ISO  string // for <time datetime>
	Text string
}

// RecLink is a recommendation that a measure takes up.
type RecLink struct {
	Text        template.HTML
	URL         string
	Round       string // the round's title
	Field       string // the field's title
	Status      selfcheck.Status
	StatusLabel string
}

// UpdateView is one entry of a measure's history.
type UpdateView struct {
	Date        *DayText
	Status      measure.Status
	StatusLabel string
	Text        template.HTML
	TextLang    template.HTMLAttr // lang of a German text on another language's page
	index       int
}

// MilestoneView is a milestone of a measure.
type MilestoneView struct {
	Date  *DayText
	Title template.HTML
	Done  bool
	Late  bool // its day has passed and it is not done
}

// DecisionView is the resolution a measure rests on.
type DecisionView struct {
	By        template.HTML
	Date      *DayText
	Reference template.HTML
	URL       string
}

// IndicatorView is an indicator with its values written out.
type IndicatorView struct {
	Name                      template.HTML
	Unit                      string
	Baseline, Target, Current string // "" when not given
	Percent                   int    // how far current has come from baseline to target; -1 when unknown
}

// RecView is a recommendation of a round with the measures that take it
// up.
type RecView struct {
	*selfcheck.Recommendation
	Anchor   string // its fragment ID on the field page
	Measures []*MeasureView
}

// MeasureGroup is a group of measures on the overview, with its anchor.
type MeasureGroup struct {
	ID       string
	Title    template.HTML
	URL      string // the field's page, for a group by field
	Measures []*MeasureView
}

// MeasuresView is the overview of all measures.
type MeasuresView struct {
	URL, FeedURL         string
	All                  []*MeasureView // by title
	Total, Done, Overdue int
	Figure               string // "N von M Maßnahmen umgesetzt, K überfällig"
	Chart                *ChartView
	ByField              []*MeasureGroup
	ByStatus             []*MeasureGroup
	ByOffice             []*MeasureGroup
	Schedule             []*MeasureView // by due day
	Timeline             template.HTML
	Today                *DayText
}

// today is the build's day, from the options' clock.
func (s *Site) today() time.Time {
	t := s.opts.Visibility.Now.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// day writes t as a day.
func (s *Site) day(t time.Time) *DayText {
	return &DayText{ISO: t.Format(time.DateOnly), Text: s.Lang.Date(t)}
}

// when writes a start or due day, or a month.
func (s *Site) when(w measure.When) *DayText {
	if w.IsZero() {
		return nil
	}
	if !w.Month {
		return s.day(w.Time)
	}
	digits := s.Lang.printer.Sprint(number.Decimal(w.Year(), number.NoSeparator()))
	text, _ := s.Lang.Tf("month_year", s.Lang.Months[w.Time.Month()-1], digits)
	return &DayText{ISO: w.ISO(), Text: text}
}

// measureStatus names a measure's status in the page's language.
func (s *Site) measureStatus(st measure.Status) string { return s.Lang.Status[string(st)] }

// amount writes a number of the content, with up to two decimals.
func (s *Site) amount(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return s.Lang.Number(int(v))
	}
	return s.Lang.printer.Sprint(number.Decimal(v, number.MaxFractionDigits(2)))
}

// measureText picks a translated text where the translation has one: it
// returns the text and whether it is shown in German.
func (s *Site) measureText(german, translated string) (string, bool) {
	if s.root == nil {
		return german, false
	}
	if strings.TrimSpace(translated) != "" {
		return translated, false
	}
	return german, strings.TrimSpace(german) != ""
}

// measureViews builds the views of every measure and the overview, and
// links them to fields, recommendations and articles.
func (s *Site) measureViews(v *views, byField map[string]*FieldView) {
	if len(s.Measures) == 0 {
		return
	}
	l := s.Lang
	today := s.today()
	stale := cmp.Or(s.Config.Measures.StaleMonths, measure.DefaultStaleMonths)
	byID := map[string]*MeasureView{}
	var all []*MeasureView
	for _, m := range s.Measures {
		mv := s.measureView(m, today, stale, byField)
		byID[m.ID] = mv
		all = append(all, mv)
	}
	// Articles name the measures they report on.
	for _, a := range v.articles {
		for _, id := range a.Measures {
			if mv := byID[id]; mv != nil && len(mv.Articles) < RelatedArticles {
				mv.Articles = append(mv.Articles, a)
			}
		}
	}
	coll := collate.New(language.German)
	slices.SortStableFunc(all, func(a, b *MeasureView) int { return coll.CompareString(a.Title, b.Title) })
	mv := &MeasuresView{URL: s.sectionURL(l.Paths.Measures), FeedURL: s.sectionURL(l.Paths.Measures) + "feed.xml", All: all, Total: len(all), Today: s.day(today)}
	for _, m := range all {
		if m.Status == measure.Done {
			mv.Done++
		}
		if m.Overdue {
			mv.Overdue++
		}
	}
	mv.Figure, _ = l.Tf("measures_figure", mv.Total, mv.Done, mv.Overdue)

	// By field, in the instrument's order; a measure of several fields is
	// in each.
	for _, fv := range v.fields {
		var ms []*MeasureView
		for _, m := range all {
			if slices.Contains(m.Measure.Fields, fv.Slug) {
				ms = append(ms, m)
			}
		}
		fv.Measures = ms
		if len(ms) > 0 {
			mv.ByField = append(mv.ByField, &MeasureGroup{ID: "feld-" + fv.Slug, Title: s.contentText(fv.Title), URL: fv.URL, Measures: ms})
		}
	}
	// By status, in the order of measure.Statuses.
	for _, st := range measure.Statuses {
		var ms []*MeasureView
		for _, m := range all {
			if m.Status == st {
				ms = append(ms, m)
			}
		}
		if len(ms) > 0 {
			mv.ByStatus = append(mv.ByStatus, &MeasureGroup{ID: "stand-" + strings.ReplaceAll(string(st), "_", "-"), Title: template.HTML(template.HTMLEscapeString(s.measureStatus(st))), Measures: ms})
		}
	}
	// By office, as the offices are named in German.
	offices := map[string][]*MeasureView{}
	for _, m := range all {
		offices[m.Measure.Responsible] = append(offices[m.Measure.Responsible], m)
	}
	names := slices.Collect(maps.Keys(offices))
	slices.SortFunc(names, func(a, b string) int { return cmp.Or(coll.CompareString(a, b), strings.Compare(a, b)) })
	ids := map[string]bool{}
	for _, name := range names {
		id := "amt-" + cmp.Or(content.Slug(name), "ohne-namen")
		for n := 2; ids[id]; n++ {
			id = "amt-" + cmp.Or(content.Slug(name), "ohne-namen") + "-" + strconv.Itoa(n)
		}
		ids[id] = true
		mv.ByOffice = append(mv.ByOffice, &MeasureGroup{ID: id, Title: offices[name][0].Responsible, Measures: offices[name]})
	}

	// The schedule: by due day, then by start; the timeline draws it.
	mv.Schedule = slices.Clone(all)
	slices.SortStableFunc(mv.Schedule, func(a, b *MeasureView) int {
		return cmp.Or(a.end(today).Compare(b.end(today)), a.start(today).Compare(b.start(today)))
	})
	var spans []chart.Span
	for _, m := range mv.Schedule {
		note := m.StatusLabel
		if m.Overdue {
			note, _ = l.Tf("measure_overdue_note", m.StatusLabel)
		}
		spans = append(spans, chart.Span{Label: m.Title, Start: m.start(today), End: m.end(today), Class: "status-" + string(m.Status), Note: note})
	}
	todayLabel, _ := l.Tf("timeline_today", mv.Today.Text)
	year := func(y int) string { return l.printer.Sprint(number.Decimal(y, number.NoSeparator())) }
	narrow, wide := chart.Narrow, chart.Wide
	mv.Timeline = template.HTML(chart.Timeline(spans, today, todayLabel, narrow, year) + chart.Timeline(spans, today, todayLabel, wide, year))

	// Totals by status, as a chart with its table.
	d := chart.Data{}
	seriesName, _ := l.T("measures")
	ser := chart.Series{Name: seriesName}
	for _, st := range measure.Statuses {
		n := 0
		for _, m := range all {
			if m.Status == st {
				n++
			}
		}
		d.Categories = append(d.Categories, s.measureStatus(st))
		ser.Values = append(ser.Values, float64(n))
	}
	d.Series = []chart.Series{ser}
	title, _ := l.T("chart_measures_title")
	if c, err := s.newChart("chart-measures", chart.Bar, "measure_status", title, mv.Figure, d, s.countFormat); err == nil {
		// The categories are UI texts, not texts of the content.
		for i := range c.Rows {
			c.Rows[i].Head = template.HTML(template.HTMLEscapeString(d.Categories[i]))
		}
		c.Columns = []template.HTML{template.HTML(template.HTMLEscapeString(seriesName))}
		mv.Chart = c
	}
	v.measures = mv

	// Recommendations show the measures that take them up.
	taken := measure.TakenUp(s.Measures)
	for _, fv := range v.fields {
		if fv.Result == nil || fv.Result.Round == nil {
			continue
		}
		for i, rec := range fv.Result.Recommendations {
			for _, m := range taken[measure.Key(fv.Result.Round.ID, fv.Slug, i)] {
				rec.Measures = append(rec.Measures, byID[m.ID])
			}
		}
	}
}

// start is the first day the timeline draws for the measure: its start,
// else its first update, else today.
func (m *MeasureView) start(today time.Time) time.Time {
	if !m.Measure.Start.IsZero() {
		return m.Measure.Start.First()
	}
	if len(m.Measure.Updates) > 0 && !m.Measure.Updates[0].Date.IsZero() {
		return m.Measure.Updates[0].Date.Time
	}
	return today
}

// end is the last day the timeline draws: the due day, else today.
func (m *MeasureView) end(today time.Time) time.Time {
	if !m.Measure.Due.IsZero() {
		return m.Measure.Due.Last()
	}
	if start := m.start(today); start.After(today) {
		return start
	}
	return today
}

func (s *Site) measureView(m *measure.Measure, today time.Time, stale int, byField map[string]*FieldView) *MeasureView {
	l := s.Lang
	tr := m.Translations[l.Code]
	if s.root == nil {
		tr = nil
	}
	var trf measure.TranslationFront
	if tr != nil {
		trf = tr.TranslationFront
	}
	text := func(german, translated string) template.HTML {
		t, de := s.measureText(german, translated)
		return s.marked(t, de)
	}
	mv := &MeasureView{Measure: m, URL: s.sectionURL(l.Paths.Measures, m.ID), md: s.md, Progress: -1,
		srcURL: s.Root().sectionURL(s.Root().Lang.Paths.Measures, m.ID), body: m.Body, srcPath: m.Path}
	mv.Title, _ = s.measureText(m.Title, trf.Title)
	mv.TitleHTML = text(m.Title, trf.Title)
	mv.Summary, _ = s.measureText(m.Summary, trf.Summary)
	mv.SummaryHTML = text(m.Summary, trf.Summary)
	mv.Responsible = text(m.Responsible, trf.Responsible)
	for i, p := range m.Partners {
		t := ""
		if i < len(trf.Partners) {
			t = trf.Partners[i]
		}
		mv.Partners = append(mv.Partners, text(p, t))
	}
	mv.German = s.root != nil
	if tr != nil {
		mv.Translated, mv.Machine = true, tr.Translation == "machine"
		mv.Stale = tr.Source != "" && tr.Source != m.Hash
		if len(strings.TrimSpace(string(tr.Body))) > 0 {
			mv.body, mv.German = tr.Body, false
		}
	}
	mv.Status = m.Status()
	mv.StatusLabel = s.measureStatus(mv.Status)
	mv.Overdue = m.Overdue(today)
	if m.Stale(today, stale) {
		mv.NoNews, _ = l.Tf("measure_no_news", l.Date(m.Since()))
	}
	mv.Start, mv.Due = s.when(m.Start), s.when(m.Due)
	if m.Budget != nil {
		mv.Budget, _ = l.Tf("budget_amount", s.amount(*m.Budget))
	}
	mv.BudgetNote = text(m.BudgetNote, trf.BudgetNote)
	if m.Progress != nil {
		mv.Progress = *m.Progress
	}
	for _, slug := range m.Fields {
		if fv := byField[slug]; fv != nil {
			mv.Fields = append(mv.Fields, fv)
		}
	}
	for _, r := range m.Refs {
		mv.Recs = append(mv.Recs, s.recLink(r, byField))
	}
	for i, u := range m.Updates {
		t := ""
		if i < len(trf.Updates) {
			t = trf.Updates[i]
		}
		src, de := s.measureText(u.Text, t)
		uv := &UpdateView{index: i, Date: s.day(u.Date.Time), Status: u.Status, StatusLabel: s.measureStatus(u.Status), Text: s.md.RenderString(src)}
		if de {
			uv.TextLang = s.ContentLang()
		}
		mv.Updates = append(mv.Updates, uv)
	}
	for i, ms := range m.Milestones {
		t := ""
		if i < len(trf.Milestones) {
			t = trf.Milestones[i]
		}
		mv.Milestones = append(mv.Milestones, &MilestoneView{Date: s.day(ms.Date.Time), Title: text(ms.Title, t), Done: ms.Done, Late: !ms.Done && ms.Date.Before(today)})
	}
	if d := m.Decision; d != nil {
		dv := &DecisionView{By: s.marked(d.By, s.root != nil && d.By != ""), Reference: s.marked(d.Reference, s.root != nil && d.Reference != ""), URL: d.URL}
		if !d.Date.IsZero() {
			dv.Date = s.day(d.Date.Time)
		}
		mv.Decision = dv
	}
	if in := m.Indicator; in != nil {
		iv := &IndicatorView{Name: text(in.Name, trf.Indicator), Unit: in.Unit, Percent: -1}
		opt := func(p *float64) string {
			if p == nil {
				return ""
			}
			return s.amount(*p)
		}
		iv.Baseline, iv.Target, iv.Current = opt(in.Baseline), opt(in.Target), opt(in.Current)
		if share, ok := in.Share(); ok {
			iv.Percent = int(math.Round(share * 100))
		}
		mv.Indicator = iv
	}
	return mv
}

// recLink is the recommendation r names, linked to its anchor on its
// field's page when it is of the round the page shows, else to its
// round's page.
func (s *Site) recLink(r *measure.Ref, byField map[string]*FieldView) *RecLink {
	l := s.Lang
	rl := &RecLink{URL: s.sectionURL(l.Paths.Rounds, r.Round)}
	round := s.Model.Round(r.Round)
	if round == nil {
		return rl
	}
	rl.Round = round.Title
	if fv := byField[r.Field]; fv != nil {
		rl.Field = fv.Title
		if fv.Result != nil && fv.Result.Round != nil && fv.Result.Round.ID == r.Round {
			rl.URL = fv.URL + "#" + recAnchor(r.Field, r.Index)
		}
	}
	if res := round.Fields[r.Field]; res != nil && r.Index < len(res.Recommendations) {
		rec := res.Recommendations[r.Index]
		rl.Text, rl.Status = s.contentText(rec.Text), rec.Status
		rl.StatusLabel = l.Status[string(rec.Status)]
	}
	return rl
}

// recAnchor is the fragment ID of a field's recommendation, from 0.
func recAnchor(field string, index int) string {
	return "anregung-" + field + "-" + strconv.Itoa(index+1)
}

// recViews are a field's recommendations in a round, with their anchors;
// measureViews adds the measures that take them up.
func recViews(field string, recs []*selfcheck.Recommendation) []*RecView {
	out := make([]*RecView, len(recs))
	for i, r := range recs {
		out[i] = &RecView{Recommendation: r, Anchor: recAnchor(field, i)}
	}
	return out
}

// measuresFeed is /massnahmen/feed.xml: one entry per update of every
// measure, the newest FeedEntries, newest first, so that residents can
// follow progress. Readers keep what they fetched; a site of 10,000
// measures wrote a feed of 20,000 entries (7 MB) per language.
func (s *Site) measuresFeed(mv *MeasuresView) []byte {
	title, _ := s.Lang.Tf("measures_feed_title", s.Config.Title)
	f := &atomFeed{
		Title:  title,
		Links:  []atomLink{{Href: s.Config.AbsURL(mv.FeedURL), Rel: "self"}, {Href: s.Config.AbsURL(mv.URL)}},
		ID:     s.Config.AbsURL(mv.FeedURL),
		Author: cmp.Or(s.Config.Municipality, s.Config.Title),
	}
	type item struct {
		m *MeasureView
		i int
	}
	var items []item
	for _, m := range mv.All {
		for i := range m.Updates {
			items = append(items, item{m, i})
		}
	}
	slices.SortStableFunc(items, func(a, b item) int {
		da, db := a.m.Measure.Updates[a.i].Date, b.m.Measure.Updates[b.i].Date
		return cmp.Or(db.Compare(da.Time), strings.Compare(a.m.ID, b.m.ID), b.i-a.i)
	})
	for _, it := range items[:min(len(items), FeedEntries)] {
		u := it.m.Updates[it.i]
		entryTitle, _ := s.Lang.Tf("measures_feed_entry", it.m.Title, u.StatusLabel)
		href := s.Config.AbsURL(it.m.URL) + "#" + updateAnchor(it.i)
		f.add(atomEntry{Title: entryTitle, Link: atomLink{Href: href}, ID: href, Updated: atomTime(it.m.Measure.Updates[it.i].Date.Time), Summary: plainText(u.Text)})
	}
	return f.bytes()
}

// updateAnchor is the fragment ID of an update on its measure's page,
// counting from 1.
func updateAnchor(i int) string { return "meldung-" + strconv.Itoa(i+1) }

// Anchor is the update's fragment ID on its measure's page.
func (u *UpdateView) Anchor() string { return updateAnchor(u.index) }
