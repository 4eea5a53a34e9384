package site

import (
	"cmp"
	"encoding/json"
	"fmt"
	"html/template"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"offenbar/generator/chart"
	"offenbar/generator/content"
	"offenbar/generator/opendata"
	"offenbar/generator/selfcheck"
)

// RelatedArticles is how many of its newest articles a field page lists.
const RelatedArticles = 10

// Page is one HTML page. Exactly one of the view fields is set, depending on
// Kind, except for the home page, which uses several.
type Page struct {
	Kind string
	// Key names the page the same in every language, such as
	// "field/fairer-zugang", so that languages can link to each other.
	Key        string
	Alternates []Alternate
	// HeadLinks and LanguageNav are the hreflang links and the language
	// switcher, written once per page.
	HeadLinks, LanguageNav template.HTML
	Path                   string // site-relative URL path such as "/artikel/runder-tisch/"
	Title                  string
	Description            string
	Site                   *Site
	Charts                 bool // the page shows charts: it loads charts.css and site.js
	Search                 bool // the page is the search page and loads its script
	Draft                  bool
	Crumbs                 []Crumb
	Canonical              string // absolute URL
	// Fallback marks a page of a further language whose main content is
	// the original's, untranslated: it has the language's navigation and
	// a notice, names the original as its canonical address, and is left
	// out of the sitemap and of hreflang links.
	Fallback bool
	OGType   string // Open Graph type: article or website
	// excerpt and words are the text the rendered page shows, for the
	// search index (see splitText); set only where Indexed.
	excerpt, words string
	// Image is the page's preview image on social media, or nil.
	Image *OGImage

	Field    *FieldView
	Fields   []*FieldView
	Round    *RoundView
	Rounds   []*RoundView
	Doc      *DocView
	Docs     []*DocView
	Pager    *Pager
	Tags     []*TagView
	Tag      *TagView
	Overview *ChartView
	Latest   *RoundView
	Plans    *Plans
	Data     *DataView
	// Chart is the chart of an embed page of one chart, and Full the site
	// path of the page that an embed page shows a part of.
	Chart *ChartView
	Full  string
	// Easy is the self-check's result in Leichte Sprache, on a page of
	// that layout.
	Easy *EasyResults
	// Measures is the overview of the measures, on the overview and the
	// home page, and Measure one measure on its page.
	Measures *MeasuresView
	Measure  *MeasureView
	// Event is an event's page; Events are the next events on the home
	// page, and EventList the whole list.
	Event     *EventView
	Events    []*EventView
	EventList *EventList
}

// Alternate is a page in one language, for hreflang links and the
// language switcher.
type Alternate struct {
	Lang    string // BCP 47 tag
	Name    string // the language's name in that language, such as "Türkçe"
	Path    string // site path
	Href    string // absolute URL
	Current bool   // the page itself
	Home    bool   // the language's home page, for a page it does not have
	// Fallback is a page that shows the original untranslated: the
	// language switcher leads there, hreflang does not.
	Fallback bool
	RTL      bool // the language is written right to left
}

// XDefault is the page in the default language, for hreflang="x-default",
// or "" when the page has no hreflang links (see Hreflang).
func (p *Page) XDefault() string {
	if len(p.Hreflang()) == 0 || p.Alternates[0].Home {
		return ""
	}
	return p.Alternates[0].Href
}

// Hreflang lists the languages in which the page has its own content, for
// hreflang links: none for a fallback page, which is no alternate of its
// original, and none where only the page itself would be listed.
func (p *Page) Hreflang() []Alternate {
	if p.Fallback {
		return nil
	}
	var as []Alternate
	for _, a := range p.Alternates {
		if !a.Home && !a.Fallback {
			as = append(as, a)
		}
	}
	if len(as) < 2 {
		return nil
	}
	return as
}

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// views holds every view once, so that pages share them.
type views struct {
	fields   []*FieldView
	rounds   []*RoundView
	articles []*DocView // newest first
	pages    []*DocView
	tags     []*TagView // sorted by name
	overview *ChartView
	plans    *Plans
	easy     *EasyResults
	measures *MeasuresView
	// events are the published events, soonest first; upcoming those not
	// yet over; eventList both groups by year.
	events    []*EventView
	upcoming  []*EventView
	eventList *EventList
	calendars map[string][]byte // calendar files by site path
	// calendarErrs are the calendars that could not be written.
	calendarErrs []calendarErr
}

// Plans is what the town is doing next: the latest round's recommendations
// by status, and the ones not yet done.
type Plans struct {
	Planned, InProgress, Done int
	Open                      []*FieldPlans
}

// FieldPlans are a field's recommendations that are not done yet.
type FieldPlans struct {
	Field *FieldView
	Recs  []*RecView
}

func (s *Site) sectionURL(section string, slug ...string) string {
	p := s.Prefix + "/" + section + "/"
	for _, x := range slug {
		p += x + "/"
	}
	return p
}

func (s *Site) buildViews() (*views, error) {
	v := &views{}
	l := s.Lang
	byField := map[string]*FieldView{}
	if m := s.Model; m != nil {
		in := m.Instrument
		for _, r := range m.Rounds {
			rv := &RoundView{
				Round: r,
				URL:   s.sectionURL(l.Paths.Rounds, r.ID),
				CSV:   "/" + s.Root().Lang.Paths.Data + "/" + r.ID + ".csv",
				JSON:  "/" + s.Root().Lang.Paths.Data + "/" + r.ID + ".json",
				Total: r.Total(in),
			}
			rv.SummaryHTML = s.md.RenderString(r.Summary)
			if r.Workshop != nil {
				rv.WorkshopHTML = s.md.RenderString(r.Workshop.Description)
			}
			if len(v.rounds) > 0 {
				rv.Prev = v.rounds[len(v.rounds)-1]
			}
			v.rounds = append(v.rounds, rv)
		}
		latest := m.Latest()
		var latestView *RoundView
		if len(v.rounds) > 0 {
			latestView = v.rounds[len(v.rounds)-1]
		}
		for _, f := range in.Fields {
			fv := &FieldView{Field: f, URL: s.sectionURL(l.Paths.Fields, f.Slug), Now: -1, Before: -1, Contact: s.contactView(s.Config.Contact.For(f.Slug))}
			byField[f.Slug] = fv
			v.fields = append(v.fields, fv)
			for _, rv := range v.rounds {
				fv.Rounds = append(fv.Rounds, &FieldRound{Round: rv, Score: rv.Round.Score(in, f.Questions)})
			}
			if latest == nil {
				// Before the first round, the questions show without answers.
				fv.Groups = s.questionGroups(nil, fv)
				continue
			}
			fv.Latest = latest.Score(in, f.Questions)
			fv.Now = percent(fv.Latest)
			if latest.Prev != nil {
				fv.Before = percent(latest.Prev.Score(in, f.Questions))
				fv.HasPrev = fv.Now >= 0 && fv.Before >= 0
				fv.Delta = fv.Now - fv.Before
			}
			for _, t := range f.Topics {
				tv := &TopicView{Topic: t, Now: percent(latest.Score(in, t.Questions)), Before: -1}
				if latest.Prev != nil {
					tv.Before = percent(latest.Prev.Score(in, t.Questions))
				}
				fv.Topics = append(fv.Topics, tv)
			}
			fv.Groups = s.questionGroups(latest, fv)
			if res := latest.Fields[f.Slug]; res != nil {
				fv.Result = &ResultView{Round: latestView, Assessment: s.md.RenderString(res.Assessment), AssessmentText: res.Assessment, Recommendations: recViews(f.Slug, res.Recommendations)}
			}
		}
		for _, rv := range v.rounds {
			for _, fv := range v.fields {
				rf := &RoundField{Field: fv, Now: percent(rv.Round.Score(in, fv.Field.Questions)), Before: -1}
				if rv.Round.Prev != nil {
					rf.Before = percent(rv.Round.Prev.Score(in, fv.Field.Questions))
					rf.Delta = rf.Now - rf.Before
					for _, q := range fv.Field.Questions {
						if c := rv.Round.Compare(rv.Round.Prev, q); c != selfcheck.Same {
							rf.Changes = append(rf.Changes, s.questionView(rv.Round, fv, q))
							rv.Changed++
						}
					}
				}
				rv.Fields = append(rv.Fields, rf)
			}
		}
	}

	coll := collate.New(language.German)
	for _, d := range s.Docs {
		dv := &DocView{Doc: d, Draft: d.Draft, md: s.md}
		tr := d.Translations[s.Lang.Code]
		if tr != nil && s.root != nil {
			// The translation's texts, the original's date, fields and
			// address.
			merged := *d
			merged.Title, merged.Summary, merged.Body, merged.Path, merged.Meta = tr.Title, tr.Summary, tr.Body, tr.Path, tr.Meta
			if tr.Tags != nil {
				merged.Tags = tr.Tags
			}
			merged.Translation, merged.Source, merged.Lang = cmp.Or(tr.Translation, "human"), tr.Source, tr.Lang
			dv.Doc = &merged
			dv.Stale = tr.Source != "" && tr.Source != d.Hash
		}
		dv.germanTags = s.root != nil && (tr == nil || tr.Tags == nil)
		for _, slug := range d.Fields {
			dv.Fields = append(dv.Fields, byField[slug])
		}
		dv.URL, dv.srcURL = s.docURL(d), s.Root().docURL(d)
		if d.Video != "" {
			dv.VideoLabel = s.videoLabel(d)
		}
		if d.Kind == content.Article {
			v.articles = append(v.articles, dv)
		} else {
			v.pages = append(v.pages, dv)
		}
	}
	slices.SortStableFunc(v.articles, func(a, b *DocView) int {
		return cmp.Or(b.Date.Compare(a.Date.Time), strings.Compare(a.Slug, b.Slug))
	})
	slices.SortStableFunc(v.pages, func(a, b *DocView) int { return coll.CompareString(a.Title, b.Title) })
	// A field page shows its newest articles; the news list has them all.
	for _, a := range v.articles {
		for _, fv := range a.Fields {
			if len(fv.Articles) < RelatedArticles {
				fv.Articles = append(fv.Articles, a)
			}
		}
	}
	s.eventViews(v, byField)
	v.tags = s.tagViews(v.articles)
	v.plans = plans(v.fields)
	if s.Model != nil {
		s.measureViews(v, byField)
	}
	s.linkEventMeasures(v)
	if err := s.buildCharts(v); err != nil {
		return nil, err
	}
	s.setEmbeds(v)
	easy, err := s.easyResults(v)
	if err != nil {
		return nil, err
	}
	v.easy = easy
	return v, nil
}

// tagViews collects the tags of the articles, each with its page and its
// articles, newest first. Tags that differ only in case or punctuation,
// and so share an address, share a page, named as the newest article
// writes the tag.
func (s *Site) tagViews(articles []*DocView) []*TagView {
	bySlug := map[string]*TagView{}
	var tags []*TagView
	for _, a := range articles {
		for _, name := range a.Tags {
			lang := s.Lang.Code
			if a.germanTags {
				lang = s.Root().Lang.Code
			}
			slug := content.TagSlug(name, lang)
			if slug == "" {
				continue // content reports it
			}
			tv := bySlug[slug]
			if tv == nil {
				tv = &TagView{Name: strings.TrimSpace(name), Slug: slug, URL: s.sectionURL(s.Lang.Paths.Tags, slug), German: a.germanTags, site: s}
				bySlug[slug] = tv
				tags = append(tags, tv)
			}
			if slices.Contains(a.tags, tv) {
				continue
			}
			a.tags = append(a.tags, tv)
			tv.Articles = append(tv.Articles, a)
			tv.German = tv.German && a.germanTags
		}
	}
	coll := collate.New(s.Lang.Tag)
	slices.SortStableFunc(tags, func(a, b *TagView) int { return coll.CompareString(a.Name, b.Name) })
	return tags
}

// questionGroups are a field's questions by topic, with the answers of
// round r, if any.
func (s *Site) questionGroups(r *selfcheck.Round, fv *FieldView) []*QuestionGroup {
	f := fv.Field
	if len(f.Topics) == 0 {
		return []*QuestionGroup{{Questions: s.questionViews(r, fv, f.Questions)}}
	}
	var groups []*QuestionGroup
	for _, t := range f.Topics {
		groups = append(groups, &QuestionGroup{Title: t.Title, Slug: t.Slug, Questions: s.questionViews(r, fv, t.Questions)})
	}
	return groups
}

func (s *Site) questionViews(r *selfcheck.Round, fv *FieldView, qs []*selfcheck.Question) []*QuestionView {
	out := make([]*QuestionView, len(qs))
	for i, q := range qs {
		out[i] = s.questionView(r, fv, q)
	}
	return out
}

func (s *Site) questionView(r *selfcheck.Round, fv *FieldView, q *selfcheck.Question) *QuestionView {
	qv := &QuestionView{Question: q, URL: fv.URL + "#" + q.Anchor()}
	if r == nil {
		return qv
	}
	qv.Change = changeName(r.Compare(r.Prev, q))
	if a := r.Answers[q.ID]; a != nil {
		qv.Answered = true
		qv.Points, qv.Skipped, qv.Comment = a.Points, a.Skipped, a.Comment
		qv.Label = s.answerLabel(a)
	}
	if r.Prev != nil {
		if a := r.Prev.Answers[q.ID]; a != nil {
			qv.PrevLabel = s.answerLabel(a)
			if qv.Change != "same" {
				qv.BeforeText, _ = s.Lang.Tf("answer_before", qv.PrevLabel)
			}
		}
	}
	return qv
}

func (s *Site) answerLabel(a *selfcheck.Answer) string {
	if a.Skipped {
		return s.skippedLabel()
	}
	return s.Model.Instrument.Label(a.Points)
}

// skippedLabel names a skipped question: as the instrument does, or as the
// UI texts do.
func (s *Site) skippedLabel() string {
	if l := s.Model.Instrument.SkippedLabel; l != "" {
		return l
	}
	t, _ := s.Lang.T("skipped")
	return t
}

// newChart renders data as a chart of kind with its table, whose first
// column is headed by the UI text head: what the categories are.
func (s *Site) newChart(id string, kind chart.Kind, head, title, summary string, d chart.Data, format func(float64) string) (*ChartView, error) {
	// The newest round always gets the same colour: with one series that is
	// the palette's second colour, with two the first goes to the older round.
	palette, dark := s.Config.Chart.Palette, s.Config.Chart.DarkPalette
	first := 0
	if len(d.Series) == 1 {
		palette, dark, first = palette[1:], dark[1:], 1
	}
	opts, err := chart.Options(kind, d, chart.Style{Palette: palette, Description: summary})
	if err != nil {
		return nil, fmt.Errorf("chart %s: %w", id, err)
	}
	darkJSON, _ := json.Marshal(dark)
	cols, rows := table(d, format)
	narrow, wide := chart.Narrow, chart.Wide
	narrow.RTL, wide.RTL = s.Lang.RTL(), s.Lang.RTL()
	narrow.Number, wide.Number = s.Lang.Number, s.Lang.Number
	svg := chart.SVG(kind, d, narrow, id, first, format) + chart.SVG(kind, d, wide, id, first, format)
	category, _ := s.Lang.T(head)
	if !s.Interactive() {
		opts = nil // nothing could draw it
	}
	// The data file is the default language's.
	csvHead, _ := s.Root().Lang.T(head)
	c := &ChartView{ID: id, Kind: kind, Title: title, Summary: summary, SVG: template.HTML(svg), Options: template.JS(opts), DarkPalette: string(darkJSON), Head: category,
		DataURL: "/" + s.Root().Lang.Paths.Data + "/" + opendata.ChartCSV(id), table: chartTable(id, title, csvHead, d), Unit: d.Unit}
	if s.root != nil {
		c.DataLabel, err = s.Lang.Tf("chart_data_original", display.Tags(s.Lang.Tag).Name(s.Root().Lang.Tag))
	} else {
		c.DataLabel, err = s.Lang.T("chart_data")
	}
	if err != nil {
		return nil, err
	}
	// Names of rounds, fields, topics and answers are texts of the content,
	// marked where they are shown untranslated.
	for _, col := range cols {
		c.Columns = append(c.Columns, s.chartText(col))
	}
	for _, r := range rows {
		c.Rows = append(c.Rows, TableRow{Head: s.chartText(r.Head), Cells: r.Cells})
	}
	return c, nil
}

// chartText writes a category or series name of a chart: a text of the
// content, unless it is the UI texts' name for a skipped question.
func (s *Site) chartText(text string) template.HTML {
	if s.Model.Instrument.SkippedLabel == "" && text == s.skippedLabel() {
		return template.HTML(template.HTMLEscapeString(text))
	}
	return s.contentText(text)
}

func (s *Site) percentFormat(v float64) string {
	t, _ := s.Lang.Tf("percent", int(v))
	return t
}

// roundSeries returns the latest round and the one before it, newest last.
func lastTwo(rounds []*RoundView) []*RoundView {
	return rounds[max(0, len(rounds)-2):]
}

func (s *Site) buildCharts(v *views) error {
	if s.Model == nil || len(v.rounds) == 0 {
		return nil
	}
	l := s.Lang
	pair := lastTwo(v.rounds)
	latest := pair[len(pair)-1]
	pf := s.percentFormat

	// Overview: every field, latest round against the previous one.
	d := chart.Data{Max: 100, Unit: "%"}
	for _, fv := range v.fields {
		d.Categories = append(d.Categories, fv.ShortTitle())
	}
	for _, rv := range pair {
		ser := chart.Series{Name: rv.Title}
		for _, fv := range v.fields {
			ser.Values = append(ser.Values, scoreValue(rv.Round.Score(s.Model.Instrument, fv.Field.Questions)))
		}
		d.Series = append(d.Series, ser)
	}
	best, worst := extremes(v.fields, func(f *FieldView) int { return f.Now })
	title, _ := l.T("chart_overview_title")
	summary, err := l.Tf("chart_overview_summary", latest.Title, pf(scoreValue(latest.Total)), best.Title, pf(float64(best.Now)), worst.Title, pf(float64(worst.Now)))
	if err != nil {
		return err
	}
	ov, err := s.newChart("chart-overview", chart.Radar, "chart_head_field", title, summary, d, pf)
	if err != nil {
		return err
	}
	v.overview = ov

	for _, fv := range v.fields {
		if err := s.fieldCharts(fv, pair); err != nil {
			return err
		}
	}
	for _, rv := range v.rounds {
		if err := s.roundChart(rv); err != nil {
			return err
		}
	}
	return nil
}

func extremes[T any](xs []T, key func(T) int) (best, worst T) {
	best, worst = xs[0], xs[0]
	for _, x := range xs[1:] {
		if key(x) > key(best) {
			best = x
		}
		if key(x) >= 0 && (key(worst) < 0 || key(x) < key(worst)) {
			worst = x
		}
	}
	return best, worst
}

func (s *Site) fieldCharts(fv *FieldView, pair []*RoundView) error {
	l := s.Lang
	in := s.Model.Instrument
	latest := pair[len(pair)-1]
	pf := s.percentFormat
	if len(fv.Topics) > 0 {
		d := chart.Data{Max: 100, Unit: "%"}
		for _, t := range fv.Topics {
			d.Categories = append(d.Categories, t.Title)
		}
		for _, rv := range pair {
			ser := chart.Series{Name: rv.Title}
			for _, t := range fv.Topics {
				ser.Values = append(ser.Values, scoreValue(rv.Round.Score(in, t.Questions)))
			}
			d.Series = append(d.Series, ser)
		}
		best, worst := extremes(fv.Topics, func(t *TopicView) int { return t.Now })
		title, _ := l.Tf("chart_topics_title", fv.Title)
		summary, err := l.Tf("chart_topics_summary", latest.Title, best.Title, pf(float64(best.Now)), worst.Title, pf(float64(worst.Now)))
		if err != nil {
			return err
		}
		c, err := s.newChart("chart-"+fv.Slug+"-topics", chart.Bar, "chart_head_topic", title, summary, d, pf)
		if err != nil {
			return err
		}
		fv.Charts = append(fv.Charts, c)
	} else {
		d := chart.Data{}
		for _, o := range in.Scale {
			d.Categories = append(d.Categories, o.Label)
		}
		d.Categories = append(d.Categories, s.skippedLabel())
		var counts []int
		for _, rv := range pair {
			counts = rv.Round.Distribution(in, fv.Field.Questions)
			ser := chart.Series{Name: rv.Title}
			for _, n := range counts {
				ser.Values = append(ser.Values, float64(n))
			}
			d.Series = append(d.Series, ser)
		}
		// The most frequent answers: a tie names two of them, and no
		// answer at all (every question skipped) names none.
		var tops []int
		for i, n := range counts[:len(counts)-1] {
			switch {
			case len(tops) == 0 || n > counts[tops[0]]:
				tops = []int{i}
			case n == counts[tops[0]]:
				tops = append(tops, i)
			}
		}
		title, _ := l.Tf("chart_distribution_title", fv.Title)
		var summary string
		var err error
		switch n := counts[tops[0]]; {
		case n == 0:
		case len(tops) > 1:
			summary, err = l.Tf("chart_distribution_summary_tie", len(fv.Field.Questions), latest.Title, n, in.Scale[tops[0]].Label, in.Scale[tops[1]].Label)
		default:
			summary, err = l.Tf("chart_distribution_summary", len(fv.Field.Questions), latest.Title, n, in.Scale[tops[0]].Label)
		}
		if err != nil {
			return err
		}
		skipped, err := l.Tf("skipped_questions", counts[len(counts)-1])
		if err != nil {
			return err
		}
		summary = strings.TrimSpace(summary + " " + skipped)
		c, err := s.newChart("chart-"+fv.Slug+"-answers", chart.Bar, "answer", title, summary, d, s.countFormat)
		if err != nil {
			return err
		}
		fv.Charts = append(fv.Charts, c)
	}

	// Trend across all rounds.
	d := chart.Data{Max: 100, Unit: "%"}
	ser := chart.Series{Name: fv.Title}
	for _, fr := range fv.Rounds {
		d.Categories = append(d.Categories, fr.Round.Title)
		ser.Values = append(ser.Values, scoreValue(fr.Score))
	}
	d.Series = []chart.Series{ser}
	first, last := fv.Rounds[0], fv.Rounds[len(fv.Rounds)-1]
	key := "chart_trend_single"
	switch {
	case len(fv.Rounds) == 1:
	case last.Score.Rounded() > first.Score.Rounded():
		key = "chart_trend_up"
	case last.Score.Rounded() < first.Score.Rounded():
		key = "chart_trend_down"
	default:
		key = "chart_trend_same"
	}
	title, _ := l.Tf("chart_trend_title", fv.Title)
	summary, err := l.Tf(key, first.Round.Title, pf(scoreValue(first.Score)), last.Round.Title, pf(scoreValue(last.Score)), len(fv.Rounds))
	if err != nil {
		return err
	}
	// A trend of one round would be a single dot: the page says so in a
	// sentence until there is a second round.
	if len(fv.Rounds) < 2 {
		fv.TrendNote = summary
		return nil
	}
	c, err := s.newChart("chart-"+fv.Slug+"-trend", chart.Line, "chart_head_round", title, summary, d, pf)
	if err != nil {
		return err
	}
	fv.Charts = append(fv.Charts, c)
	return nil
}

func (s *Site) roundChart(rv *RoundView) error {
	l := s.Lang
	pf := s.percentFormat
	d := chart.Data{Max: 100, Unit: "%"}
	rounds := []*RoundView{rv}
	if rv.Prev != nil {
		rounds = []*RoundView{rv.Prev, rv}
	}
	for _, rf := range rv.Fields {
		d.Categories = append(d.Categories, rf.Field.ShortTitle())
	}
	for _, r := range rounds {
		ser := chart.Series{Name: r.Title}
		for _, rf := range rv.Fields {
			ser.Values = append(ser.Values, scoreValue(r.Round.Score(s.Model.Instrument, rf.Field.Field.Questions)))
		}
		d.Series = append(d.Series, ser)
	}
	var summary string
	var err error
	if rv.Prev == nil {
		summary, err = l.Tf("chart_round_summary_first", rv.Title, pf(scoreValue(rv.Total)), len(rv.Fields))
	} else {
		up, down := 0, 0
		for _, rf := range rv.Fields {
			if rf.Delta > 0 {
				up++
			} else if rf.Delta < 0 {
				down++
			}
		}
		summary, err = l.Tf("chart_round_summary", rv.Prev.Title, rv.Title, up, down, len(rv.Fields))
	}
	if err != nil {
		return err
	}
	title, _ := l.Tf("chart_round_title", rv.Title)
	c, err := s.newChart("chart-round-"+rv.ID, chart.Bar, "chart_head_field", title, summary, d, pf)
	if err != nil {
		return err
	}
	rv.Charts = append(rv.Charts, c)
	return nil
}

func plans(fields []*FieldView) *Plans {
	p := &Plans{}
	for _, fv := range fields {
		if fv.Result == nil {
			continue
		}
		var open []*RecView
		for _, r := range fv.Result.Recommendations {
			switch r.Status {
			case selfcheck.Planned:
				p.Planned++
				open = append(open, r)
			case selfcheck.InProgress:
				p.InProgress++
				open = append(open, r)
			case selfcheck.Done:
				p.Done++
			}
		}
		if len(open) > 0 {
			p.Open = append(p.Open, &FieldPlans{Field: fv, Recs: open})
		}
	}
	if p.Planned+p.InProgress+p.Done == 0 {
		return nil
	}
	return p
}
