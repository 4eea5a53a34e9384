package site

import (
	"time"

	"offenbar/generator/chart"
	"offenbar/generator/licence"
	"offenbar/generator/opendata"
)

// publication is what package opendata needs to write the site's open data,
// with texts in the site's language. A missing UI text is kept in *err.
func (s *Site) publication(v *views, err *error) *opendata.Publication {
	l := s.Lang
	p := &opendata.Publication{
		Model: s.Model, Config: s.Config, Dir: l.Paths.Data, Skipped: s.skippedLabel(),
		Text: func(key string, args ...any) string {
			t, e := l.Tf(key, args...)
			if e != nil && *err == nil {
				*err = e
			}
			return t
		},
		Date:      func(t time.Time) string { return l.Date(t) },
		MethodURL: s.Config.AbsURL(s.sectionURL(l.Paths.Method)),
		RoundURL:  func(id string) string { return s.Config.AbsURL(s.sectionURL(l.Paths.Rounds, id)) },
	}
	if v != nil {
		for _, c := range v.charts() {
			p.Charts = append(p.Charts, c.table)
		}
	}
	return p
}

// openData renders every file of the data section.
func (s *Site) openData(v *views) ([]opendata.File, error) {
	var err error
	files, ferr := s.publication(v, &err).Files()
	if ferr != nil {
		return nil, ferr
	}
	return files, err
}

// charts lists every chart of the site, in page order.
func (v *views) charts() []*ChartView {
	var cs []*ChartView
	if v.overview != nil {
		cs = append(cs, v.overview)
	}
	for _, fv := range v.fields {
		cs = append(cs, fv.Charts...)
	}
	for _, rv := range v.rounds {
		cs = append(cs, rv.Charts...)
	}
	return cs
}

// chartTable is the data of a chart as its CSV file holds it.
func chartTable(id, title, category string, d chart.Data) opendata.Chart {
	c := opendata.Chart{ID: id, Title: title, Category: category, Categories: d.Categories, Unit: d.Unit}
	for _, ser := range d.Series {
		c.Series = append(c.Series, ser.Name)
		c.Values = append(c.Values, ser.Values)
	}
	return c
}

// DataView is what the data page shows besides the rounds.
type DataView struct {
	Licence     *licence.Licence
	LicenceName string
	Attribution string // "" when the licence does not ask for it
	Rounds      []*DataRound
	Questions   string // site-relative URLs of the instrument's files
	Schema      string
	Package     string
	CatalogTTL  string
	CatalogRDF  string
	Tables      []opendata.Table
}

// DataRound is a round's section of the data page.
type DataRound struct {
	*RoundView
	Anchor                          string
	Scores, ScoresJSON, Recommended string // site-relative URLs
}

func (s *Site) dataView(rounds []*RoundView) *DataView {
	dir := "/" + s.Lang.Paths.Data + "/"
	l := licence.Lookup(s.Config.Data.Licence)
	d := &DataView{
		Licence: l, LicenceName: l.Title(s.Lang.Code),
		Questions: dir + opendata.QuestionsCSV, Schema: dir + opendata.SchemaJSON, Package: dir + opendata.DataPackage,
		CatalogTTL: dir + opendata.CatalogTTL, CatalogRDF: dir + opendata.CatalogRDF,
		Tables: opendata.Tables(),
	}
	if l.BY {
		d.Attribution = s.Config.Data.Attribution
	}
	for _, rv := range rounds {
		d.Rounds = append(d.Rounds, &DataRound{RoundView: rv, Anchor: opendata.RoundAnchor(rv.ID),
			Scores: dir + opendata.ScoresCSV(rv.ID), ScoresJSON: dir + opendata.ScoresJSON(rv.ID), Recommended: dir + opendata.RecommendationsCSV(rv.ID)})
	}
	return d
}

// CatalogURL is the site path of the DCAT catalogue, or "" when the site
// publishes no data.
func (s *Site) CatalogURL() string {
	if s.Model == nil || len(s.Model.Rounds) == 0 {
		return ""
	}
	return "/" + s.Lang.Paths.Data + "/" + opendata.CatalogTTL
}
