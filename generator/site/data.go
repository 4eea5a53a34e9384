package site

import (
	"html/template"
	"strings"
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
		Date:        func(t time.Time) string { return l.Date(t) },
		MethodURL:   s.Config.AbsURL(s.sectionURL(l.Paths.Method)),
		Today:       s.opts.Visibility.Now,
		Measures:    s.Measures,
		MeasuresURL: s.Config.AbsURL(s.sectionURL(l.Paths.Measures)),
		MeasureURL:  func(id string) string { return s.Config.AbsURL(s.sectionURL(l.Paths.Measures, id)) },
		RoundURL:    func(id string) string { return s.Config.AbsURL(s.sectionURL(l.Paths.Rounds, id)) },
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
	if v.measures != nil && v.measures.Chart != nil {
		cs = append(cs, v.measures.Chart)
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
	// LicenceLang marks LicenceName, which is German or English, where
	// the page has another language.
	LicenceLang template.HTMLAttr
	Attribution string // "" when the licence does not ask for it
	Rounds      []*DataRound
	Questions   string // site-relative URLs of the instrument's files
	Fields      string
	// Recommendations is recommendations.csv, those of every round.
	Recommendations string
	Schema          string
	Package         string
	CatalogTTL      string
	CatalogRDF      string
	Tables          []opendata.Table
	Measures        *DataMeasures // nil without measures
}

// DataMeasures is the measures' section of the data page.
type DataMeasures struct {
	Anchor                               string
	CSV, JSON, XLSX                      string // site-relative URLs
	UpdatesCSV, UpdatesJSON, UpdatesXLSX string
	FieldsCSV, RecommendationsCSV        string
}

// DataRound is a round's section of the data page.
type DataRound struct {
	*RoundView
	Anchor                                string
	XLSX, Scores, ScoresJSON, Recommended string // site-relative URLs
}

func (s *Site) dataView(rounds []*RoundView) *DataView {
	dir := "/" + s.Root().Lang.Paths.Data + "/"
	l := licence.Lookup(s.Config.Data.Licence)
	d := &DataView{
		Licence: l, LicenceName: l.Title(s.Lang.Code),
		Questions: dir + opendata.QuestionsCSV, Fields: dir + opendata.FieldsCSV, Recommendations: dir + opendata.RecommendationsAllCSV,
		Schema: dir + opendata.SchemaJSON, Package: dir + opendata.DataPackage,
		CatalogTTL: dir + opendata.CatalogTTL, CatalogRDF: dir + opendata.CatalogRDF,
		Tables:      opendata.Tables(),
		LicenceLang: licenceLang(s.Lang),
	}
	if l.BY {
		d.Attribution = s.Config.Data.Attribution
	}
	if s.hasMeasures() {
		d.Measures = &DataMeasures{Anchor: opendata.MeasuresAnchor,
			CSV: dir + opendata.MeasuresCSV, JSON: dir + opendata.MeasuresJSON, XLSX: dir + opendata.MeasuresXLSX,
			UpdatesCSV: dir + opendata.MeasureUpdatesCSV, UpdatesJSON: dir + opendata.MeasureUpdatesJSON, UpdatesXLSX: dir + opendata.MeasureUpdatesXLSX,
			FieldsCSV: dir + opendata.MeasureFieldsCSV, RecommendationsCSV: dir + opendata.MeasureRecommendationsCSV}
		d.Tables = append(d.Tables, opendata.MeasureTables()...)
	}
	for _, rv := range rounds {
		d.Rounds = append(d.Rounds, &DataRound{RoundView: rv, Anchor: opendata.RoundAnchor(rv.ID), XLSX: dir + opendata.XLSX(rv.ID),
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
	return "/" + s.Root().Lang.Paths.Data + "/" + opendata.CatalogTTL
}

// datasetLD is the schema.org Dataset of the data page, with what Google's
// Dataset Search asks for.
func (s *Site) datasetLD(p *Page, publisher organization) map[string]any {
	cfg, l, in := s.Config, s.Lang, s.Model.Instrument
	text := func(key string, args ...any) string { t, _ := l.Tf(key, args...); return t }
	dir := "/" + s.Root().Lang.Paths.Data + "/"
	download := func(name, title string) map[string]any {
		format := "text/csv"
		if strings.HasSuffix(name, ".json") {
			format = "application/json"
		}
		if strings.HasSuffix(name, ".ttl") {
			format = "text/turtle"
		}
		if strings.HasSuffix(name, ".rdf") {
			format = "application/rdf+xml"
		}
		if strings.HasSuffix(name, ".xlsx") {
			format = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		}
		return map[string]any{"@type": "DataDownload", "name": title, "encodingFormat": format, "contentUrl": cfg.AbsURL(dir + name)}
	}
	var dist []any
	var first, last string
	for _, r := range p.Rounds {
		dist = append(dist,
			download(opendata.AnswersCSV(r.ID), text("data_file_title", text("data_answers_title", r.Title), "CSV")),
			download(opendata.AnswersJSON(r.ID), text("data_file_title", text("data_answers_title", r.Title), "JSON")),
			download(opendata.XLSX(r.ID), text("data_file_title", text("data_answers_title", r.Title), "XLSX")),
			download(opendata.ScoresCSV(r.ID), text("data_file_title", text("data_scores_title", r.Title), "CSV")),
			download(opendata.ScoresJSON(r.ID), text("data_file_title", text("data_scores_title", r.Title), "JSON")),
			download(opendata.RecommendationsCSV(r.ID), text("data_file_title", text("data_recommendations_title", r.Title), "CSV")))
		if first == "" {
			first = r.Date.ISO()
		}
		last = r.Date.ISO()
	}
	if s.hasMeasures() {
		dist = append(dist,
			download(opendata.MeasuresCSV, text("data_file_title", text("data_measures_title"), "CSV")),
			download(opendata.MeasuresJSON, text("data_file_title", text("data_measures_title"), "JSON")),
			download(opendata.MeasuresXLSX, text("data_file_title", text("data_measures_title"), "XLSX")),
			download(opendata.MeasureUpdatesCSV, text("data_file_title", text("data_measure_updates_title"), "CSV")),
			download(opendata.MeasureUpdatesJSON, text("data_file_title", text("data_measure_updates_title"), "JSON")),
			download(opendata.MeasureUpdatesXLSX, text("data_file_title", text("data_measure_updates_title"), "XLSX")),
			download(opendata.MeasureFieldsCSV, text("data_file_title", text("data_measure_fields_title"), "CSV")),
			download(opendata.MeasureRecommendationsCSV, text("data_file_title", text("data_measure_recommendations_title"), "CSV")))
	}
	dist = append(dist,
		download(opendata.QuestionsCSV, text("data_file_title", text("data_questions_title", in.Title), "CSV")),
		download(opendata.FieldsCSV, text("data_file_title", text("data_fields_title", in.Title), "CSV")),
		download(opendata.RecommendationsAllCSV, text("data_file_title", text("data_all_recommendations_title"), "CSV")),
		download(opendata.DataPackage, text("data_package_file_title")),
		download(opendata.CatalogTTL, text("data_file_title", text("data_catalog"), "Turtle")),
		download(opendata.CatalogRDF, text("data_file_title", text("data_catalog"), "RDF/XML")))
	var vars []any
	for _, f := range in.Fields {
		vars = append(vars, map[string]any{"@type": "PropertyValue", "name": f.Title, "description": text("column_score"), "unitCode": "P1", "minValue": 0, "maxValue": 100})
	}
	place := map[string]any{"@type": "Place", "name": cfg.Publisher()}
	if k := cfg.Data.MunicipalityKey; k != "" {
		place["identifier"] = map[string]any{"@type": "PropertyValue", "propertyID": "Amtlicher Gemeindeschlüssel", "value": k}
	}
	ld := map[string]any{
		"@context": "https://schema.org", "@type": "Dataset",
		"name":        p.Title + ": " + in.Title,
		"description": text("data_catalog_description", cfg.Publisher(), in.Title),
		"url":         p.Canonical, "inLanguage": l.Code, "creator": publisher, "publisher": publisher,
		"license":             licence.Lookup(cfg.Data.Licence).Text,
		"isAccessibleForFree": true, "distribution": dist, "variableMeasured": vars,
		"spatialCoverage":       place,
		"includedInDataCatalog": map[string]any{"@type": "DataCatalog", "name": text("data_catalog_title", cfg.Title), "url": p.Canonical},
	}
	if first != "" {
		ld["temporalCoverage"] = first + "/" + last
	}
	return ld
}

// licenceLang is the lang and dir attributes of a licence's name on a
// page in l: the name is German on German pages and English on all others.
func licenceLang(l *Lang) template.HTMLAttr {
	if l.Code == "de" || l.Code == "en" {
		return ""
	}
	return template.HTMLAttr(` lang="en" dir="ltr"`)
}

// hasMeasures reports whether the site publishes measures.
func (s *Site) hasMeasures() bool { return len(s.Measures) > 0 }
