package opendata

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/measure"
)

// Files of the measures; they are published only when there are
// measures.
const (
	MeasuresCSV               = "measures.csv"
	MeasuresJSON              = "measures.json"
	MeasuresXLSX              = "measures.xlsx"
	MeasureUpdatesCSV         = "measure-updates.csv"
	MeasureUpdatesJSON        = "measure-updates.json"
	MeasureUpdatesXLSX        = "measure-updates.xlsx"
	MeasureFieldsCSV          = "measure-fields.csv"
	MeasureRecommendationsCSV = "measure-recommendations.csv"
)

// MeasuresAnchor is the anchor of the measures' section on the data page,
// and of their dataset's URI.
const MeasuresAnchor = "measures"

func measureFileNames() []string {
	return []string{MeasuresCSV, MeasuresJSON, MeasuresXLSX, MeasureUpdatesCSV, MeasureUpdatesJSON, MeasureUpdatesXLSX, MeasureFieldsCSV, MeasureRecommendationsCSV}
}

var measureColumns = []string{"measure_id", "measure_title", "fields", "recommendations", "responsible", "partners", "start", "due",
	"budget", "budget_note", "measure_status", "progress", "overdue", "last_update",
	"decision_by", "decision_date", "decision_reference", "decision_url",
	"indicator_name", "indicator_unit", "indicator_baseline", "indicator_target", "indicator_current"}

var measureUpdateColumns = []string{"measure_id", "update_number", "update_date", "measure_status", "update_text"}

var measureFieldColumns = []string{"measure_id", "field"}

var measureRecommendationColumns = []string{"measure_id", "recommendation_id"}

// MeasureTables lists the kinds of CSV files of the measures, for the data
// page.
func MeasureTables() []Table {
	return []Table{
		{"measures", measureColumns},
		{"measure_updates", measureUpdateColumns},
		{"measure_fields", measureFieldColumns},
		{"measure_recommendations", measureRecommendationColumns},
	}
}

// measureRow is one measure as the open data holds it.
type measureRow struct {
	ID              string   `json:"measure_id"`
	Title           string   `json:"title"`
	Fields          []string `json:"fields"`
	Recommendations []string `json:"recommendations"`
	Responsible     string   `json:"responsible"`
	Partners        []string `json:"partners"`
	Start           string   `json:"start,omitempty"`
	Due             string   `json:"due,omitempty"`
	Budget          *float64 `json:"budget"`
	BudgetNote      string   `json:"budget_note,omitempty"`
	Status          string   `json:"status"`
	Progress        *int     `json:"progress"`
	Overdue         bool     `json:"overdue"`
	LastUpdate      string   `json:"last_update,omitempty"`
	URL             string   `json:"url"`

	Decision   *jsonDecision   `json:"decision,omitempty"`
	Indicator  *jsonIndicator  `json:"indicator,omitempty"`
	Milestones []jsonMilestone `json:"milestones"`
	Updates    []updateRow     `json:"updates"`
}

type jsonDecision struct {
	By        string `json:"by,omitempty"`
	Date      string `json:"date,omitempty"`
	Reference string `json:"reference,omitempty"`
	URL       string `json:"url,omitempty"`
}

type jsonIndicator struct {
	Name     string   `json:"name"`
	Unit     string   `json:"unit,omitempty"`
	Baseline *float64 `json:"baseline"`
	Target   *float64 `json:"target"`
	Current  *float64 `json:"current"`
}

type jsonMilestone struct {
	Date  string `json:"date"`
	Title string `json:"title"`
	Done  bool   `json:"done"`
}

// updateRow is one update of a measure, numbered from 1, oldest first.
type updateRow struct {
	Measure string `json:"measure_id"`
	Number  int    `json:"update_number"`
	Date    string `json:"date"`
	Status  string `json:"status"`
	Text    string `json:"text"`
}

func numPtr(p *float64) string {
	if p == nil {
		return ""
	}
	return number(*p, true)
}

func intPtr(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func (p *Publication) hasMeasures() bool { return len(p.measureRows()) > 0 }

func (p *Publication) measuresURI() string { return p.URL("") + "#" + MeasuresAnchor }

func (m measureRow) csv() []cell {
	var d jsonDecision
	if m.Decision != nil {
		d = *m.Decision
	}
	var ind jsonIndicator
	if m.Indicator != nil {
		ind = *m.Indicator
	}
	return []cell{str(m.ID), str(m.Title), str(strings.Join(m.Fields, " ")), str(strings.Join(m.Recommendations, " ")),
		str(m.Responsible), str(strings.Join(m.Partners, "; ")), str(m.Start), str(m.Due),
		num(numPtr(m.Budget)), str(m.BudgetNote), str(m.Status), num(intPtr(m.Progress)), str(strconv.FormatBool(m.Overdue)), str(m.LastUpdate),
		str(d.By), str(d.Date), str(d.Reference), str(d.URL),
		str(ind.Name), str(ind.Unit), num(numPtr(ind.Baseline)), num(numPtr(ind.Target)), num(numPtr(ind.Current))}
}

func (u updateRow) csv() []cell {
	return []cell{str(u.Measure), num(strconv.Itoa(u.Number)), str(u.Date), str(u.Status), str(u.Text)}
}

// measureFiles renders the files of the measures, none when there are none.
func (p *Publication) measureFiles() ([]File, error) {
	ms := p.measureRows()
	if len(ms) == 0 {
		return nil, nil
	}
	measures := [][]cell{texts(measureColumns...)}
	updates := [][]cell{texts(measureUpdateColumns...)}
	fields := [][]cell{texts(measureFieldColumns...)}
	recs := [][]cell{texts(measureRecommendationColumns...)}
	var allUpdates []updateRow
	var sheetMeasures, sheetUpdates [][]any
	for _, m := range ms {
		measures = append(measures, m.csv())
		sheetMeasures = append(sheetMeasures, sheetValues(m.csv()))
		for _, u := range m.Updates {
			updates = append(updates, u.csv())
			sheetUpdates = append(sheetUpdates, sheetValues(u.csv()))
			allUpdates = append(allUpdates, u)
		}
		for _, f := range m.Fields {
			fields = append(fields, texts(m.ID, f))
		}
		for _, r := range m.Recommendations {
			recs = append(recs, texts(m.ID, r))
		}
	}
	js, err := marshal(struct {
		Date     string       `json:"date"`
		License  jsonLicence  `json:"license"`
		Measures []measureRow `json:"measures"`
	}{p.Today.Format("2006-01-02"), p.licenceJSON(), ms})
	if err != nil {
		return nil, err
	}
	if allUpdates == nil {
		allUpdates = []updateRow{}
	}
	ujs, err := marshal(struct {
		Date    string      `json:"date"`
		License jsonLicence `json:"license"`
		Updates []updateRow `json:"updates"`
	}{p.Today.Format("2006-01-02"), p.licenceJSON(), allUpdates})
	if err != nil {
		return nil, err
	}
	mx, err := p.tableXLSX(p.Text("xlsx_sheet_measures"), p.Text("data_measures_dataset_title", p.Config.Publisher()), "measures", measureColumns, sheetMeasures)
	if err != nil {
		return nil, err
	}
	ux, err := p.tableXLSX(p.Text("xlsx_sheet_updates"), p.Text("data_measure_updates_title"), "measure_updates", measureUpdateColumns, sheetUpdates)
	if err != nil {
		return nil, err
	}
	return []File{
		{MeasuresCSV, writeCSV(measures)},
		{MeasuresJSON, js},
		{MeasuresXLSX, mx},
		{MeasureUpdatesCSV, writeCSV(updates)},
		{MeasureUpdatesJSON, ujs},
		{MeasureUpdatesXLSX, ux},
		{MeasureFieldsCSV, writeCSV(fields)},
		{MeasureRecommendationsCSV, writeCSV(recs)},
	}, nil
}

// sheetValues turns a CSV row into workbook values: numbers and booleans
// typed, texts unchanged (not defused: excelize writes them as strings).
func sheetValues(row []cell) []any {
	out := make([]any, len(row))
	for i, c := range row {
		switch {
		case c.number && c.s == "":
			out[i] = nil
		case c.number:
			v, err := strconv.ParseFloat(c.s, 64)
			if err != nil {
				out[i] = c.s
			} else {
				out[i] = v
			}
		case c.s == "true" || c.s == "false":
			out[i] = c.s == "true"
		default:
			out[i] = c.s
		}
	}
	return out
}

// tableXLSX writes one table as a workbook: the rows in typed cells with a
// filter, and a sheet that explains the columns and states the licence.
// Its date is that of the data, so two builds give the same bytes.
func (p *Publication) tableXLSX(sheet, title, table string, columns []string, rows [][]any) ([]byte, error) {
	t := p.Text
	f := excelize.NewFile()
	defer f.Close()
	about := t("xlsx_sheet_about")
	f.SetSheetName("Sheet1", sheet)
	f.NewSheet(about)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	head := make([]any, len(columns))
	for i, c := range columns {
		head[i] = c
	}
	f.SetSheetRow(sheet, "A1", &head)
	last, _ := excelize.CoordinatesToCellName(len(columns), 1)
	f.SetCellStyle(sheet, "A1", last, bold)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	for i, row := range rows {
		f.SetSheetRow(sheet, "A"+strconv.Itoa(i+2), &row)
	}
	end, _ := excelize.CoordinatesToCellName(len(columns), max(2, len(rows)+1))
	if err := f.AutoFilter(sheet, "A1:"+end, nil); err != nil {
		return nil, err
	}
	l := p.Licence()
	info := [][]any{
		{title},
		{},
		{t("data_licence"), fmt.Sprintf("%s (%s)", l.Title(p.Config.Language), l.Text)},
	}
	if l.BY {
		info = append(info, []any{t("data_attribution"), p.Config.Data.Attribution})
	}
	info = append(info, []any{}, []any{t("data_columns")}, []any{t("data_table_" + table)})
	for _, c := range columns {
		info = append(info, []any{c, t("column_" + c)})
	}
	for i, row := range info {
		f.SetSheetRow(about, "A"+strconv.Itoa(i+1), &row)
	}
	f.SetCellStyle(about, "A1", "A1", bold)
	f.SetColWidth(about, "A", "A", 28)
	f.SetColWidth(about, "B", "B", 100)
	day := p.Today.UTC().Format("2006-01-02") + "T00:00:00Z"
	f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: p.Config.Publisher(), Created: day, Modified: day, Language: p.Config.Language,
	})
	f.SetActiveSheet(0)
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// measureSchema describes measures.csv.
func (p *Publication) measuresSchema() dpSchema {
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("measure_id", "string", &dpConstraint{Required: true, Unique: true}),
			p.column("measure_title", "string", required()),
			p.column("fields", "string", nil),
			p.column("recommendations", "string", nil),
			p.column("responsible", "string", nil),
			p.column("partners", "string", nil),
			p.column("start", "string", nil),
			p.column("due", "string", nil),
			p.column("budget", "number", &dpConstraint{Minimum: ptr(0)}),
			p.column("budget_note", "string", nil),
			p.column("measure_status", "string", enum(true, p.measureStatuses()...)),
			p.column("progress", "integer", &dpConstraint{Minimum: ptr(0), Maximum: ptr(100)}),
			p.column("overdue", "boolean", required()),
			p.column("last_update", "date", nil),
			p.column("decision_by", "string", nil),
			p.column("decision_date", "date", nil),
			p.column("decision_reference", "string", nil),
			p.column("decision_url", "string", nil),
			p.column("indicator_name", "string", nil),
			p.column("indicator_unit", "string", nil),
			p.column("indicator_baseline", "number", nil),
			p.column("indicator_target", "number", nil),
			p.column("indicator_current", "number", nil),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"measure_id"},
	}
}

func (p *Publication) measureUpdatesSchema() dpSchema {
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("measure_id", "string", required()),
			p.column("update_number", "integer", &dpConstraint{Required: true, Minimum: ptr(1)}),
			p.column("update_date", "date", required()),
			p.column("measure_status", "string", enum(true, p.measureStatuses()...)),
			p.column("update_text", "string", nil),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"measure_id", "update_number"},
		ForeignKeys:   []dpForeignKey{measureKey},
	}
}

// measureKey is the foreign key of a column "measure_id" to measures.csv.
var measureKey = dpForeignKey{Fields: []string{"measure_id"}, Reference: dpReference{Resource: "measures", Fields: []string{"measure_id"}}}

func (p *Publication) measureResources(add func(name, file, title string, schema dpSchema)) {
	if !p.hasMeasures() {
		return
	}
	add("measures", MeasuresCSV, p.Text("data_measures_title"), p.measuresSchema())
	add("measure-updates", MeasureUpdatesCSV, p.Text("data_measure_updates_title"), p.measureUpdatesSchema())
	add("measure-fields", MeasureFieldsCSV, p.Text("data_measure_fields_title"), dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("measure_id", "string", required()),
			p.column("field", "string", enum(true, p.fieldSlugs()...)),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"measure_id", "field"},
		ForeignKeys:   []dpForeignKey{measureKey, fieldKey},
	})
	add("measure-recommendations", MeasureRecommendationsCSV, p.Text("data_measure_recommendations_title"), dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("measure_id", "string", required()),
			p.column("recommendation_id", "string", required()),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"measure_id", "recommendation_id"},
		ForeignKeys: []dpForeignKey{measureKey, {Fields: []string{"recommendation_id"},
			Reference: dpReference{Resource: "recommendations", Fields: []string{"recommendation_id"}}}},
	})
}

// measuresDataset adds the measures' dataset to the catalogue: its own,
// as it changes with every update and not with the rounds.
func (p *Publication) measuresDataset(g *graph, files map[string][]byte) {
	ms := p.measureRows()
	if len(ms) == 0 {
		return
	}
	first, last := "", ""
	for _, m := range ms {
		for _, u := range m.Updates {
			if first == "" || u.Date < first {
				first = u.Date
			}
			if u.Date > last {
				last = u.Date
			}
		}
	}
	ds := p.measuresURI()
	p.dataset(g, ds, p.Text("data_measures_dataset_title", p.Config.Publisher()), p.Text("data_measures_dataset_description", p.Config.Publisher(), p.Date(p.Today)), first, last)
	if p.MeasuresURL != "" {
		g.add(ds, "dcat:landingPage", iri(p.MeasuresURL))
	}
	for _, f := range []struct{ name, title string }{
		{MeasuresCSV, p.Text("data_measures_title")},
		{MeasuresJSON, p.Text("data_measures_title")},
		{MeasuresXLSX, p.Text("data_measures_title")},
		{MeasureUpdatesCSV, p.Text("data_measure_updates_title")},
		{MeasureUpdatesJSON, p.Text("data_measure_updates_title")},
		{MeasureUpdatesXLSX, p.Text("data_measure_updates_title")},
		{MeasureFieldsCSV, p.Text("data_measure_fields_title")},
		{MeasureRecommendationsCSV, p.Text("data_measure_recommendations_title")},
	} {
		p.distribution(g, ds, f.name, f.title, files, last)
	}
}

// measureRows lists the measures as the open data holds them, in the
// order of the model.
func (p *Publication) measureRows() []measureRow {
	var rows []measureRow
	for _, m := range p.Measures {
		r := measureRow{
			ID: m.ID, Title: m.Title, Fields: append([]string{}, m.Fields...), Recommendations: []string{},
			Responsible: m.Responsible, Partners: append([]string{}, m.Partners...),
			Budget: m.Budget, BudgetNote: m.BudgetNote, Status: string(m.Status()), Progress: m.Progress,
			Overdue: m.Overdue(p.Today), Milestones: []jsonMilestone{}, Updates: []updateRow{},
		}
		if p.MeasureURL != nil {
			r.URL = p.MeasureURL(m.ID)
		}
		for _, ref := range m.Refs {
			r.Recommendations = append(r.Recommendations, RecommendationID(ref.Round, ref.Field, ref.Index+1))
		}
		if !m.Start.IsZero() {
			r.Start = m.Start.ISO()
		}
		if !m.Due.IsZero() {
			r.Due = m.Due.ISO()
		}
		if u := m.Latest(); u != nil {
			r.LastUpdate = u.Date.ISO()
		}
		if d := m.Decision; d != nil {
			r.Decision = &jsonDecision{By: d.By, Reference: d.Reference, URL: d.URL}
			if !d.Date.IsZero() {
				r.Decision.Date = d.Date.ISO()
			}
		}
		if in := m.Indicator; in != nil {
			r.Indicator = &jsonIndicator{Name: in.Name, Unit: in.Unit, Baseline: in.Baseline, Target: in.Target, Current: in.Current}
		}
		for _, ms := range m.Milestones {
			r.Milestones = append(r.Milestones, jsonMilestone{Date: ms.Date.ISO(), Title: ms.Title, Done: ms.Done})
		}
		for i, u := range m.Updates {
			r.Updates = append(r.Updates, updateRow{Measure: m.ID, Number: i + 1, Date: u.Date.ISO(), Status: string(u.Status), Text: strings.TrimSpace(u.Text)})
		}
		rows = append(rows, r)
	}
	return rows
}

// measureStatuses are the codes of the measures' statuses.
func (p *Publication) measureStatuses() []string {
	var s []string
	for _, st := range measure.Statuses {
		s = append(s, string(st))
	}
	return s
}
