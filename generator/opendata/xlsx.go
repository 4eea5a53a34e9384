package opendata

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/selfcheck"
)

// XLSX names the workbook of a round, for people who open data in Excel:
// a CSV file without a byte order mark opens there as one garbled column.
func XLSX(round string) string { return round + ".xlsx" }

// roundXLSX writes the answers of r as a workbook: one sheet with exactly
// the CSV's rows in typed cells and a filter, one with the field scores,
// and one that explains the columns and states the licence. Its dates come
// from the round, so two builds give the same bytes.
func (p *Publication) roundXLSX(r *selfcheck.Round) ([]byte, error) {
	t := p.Text
	f := excelize.NewFile()
	defer f.Close()
	answers, scores, about := t("xlsx_sheet_answers"), t("xlsx_sheet_scores"), t("xlsx_sheet_about")
	f.SetSheetName("Sheet1", answers)
	f.NewSheet(scores)
	f.NewSheet(about)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	header := func(sheet string, cols []string) {
		row := make([]any, len(cols))
		for i, c := range cols {
			row[i] = c
		}
		f.SetSheetRow(sheet, "A1", &row)
		last, _ := excelize.CoordinatesToCellName(len(cols), 1)
		f.SetCellStyle(sheet, "A1", last, bold)
		f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}

	header(answers, answerColumns)
	n := 1
	for _, q := range p.Model.Instrument.Questions {
		a := r.Answers[q.ID]
		if a == nil {
			continue
		}
		n++
		var points any = a.Points
		if a.Skipped {
			points = nil
		}
		f.SetSheetRow(answers, "A"+strconv.Itoa(n), &[]any{r.ID, q.ID, q.Field.Slug, q.Topic, q.Text, points, p.label(a), a.Skipped, a.Comment})
	}
	last, _ := excelize.CoordinatesToCellName(len(answerColumns), n)
	if err := f.AutoFilter(answers, "A1:"+last, nil); err != nil {
		return nil, err
	}
	for col, w := range map[string]float64{"A": 8, "B": 10, "C": 28, "D": 22, "E": 70, "F": 8, "G": 22, "H": 9, "I": 60} {
		f.SetColWidth(answers, col, col, w)
	}

	header(scores, scoreColumns)
	for i, s := range p.scoreRows(r) {
		var v any
		if s.Score != nil {
			v = *s.Score
		}
		f.SetSheetRow(scores, "A"+strconv.Itoa(i+2), &[]any{s.Round, s.ID, s.Level, s.Field, s.Topic, s.Title, v, s.Answered, s.Skipped})
	}
	f.SetColWidth(scores, "B", "B", 40)
	f.SetColWidth(scores, "F", "F", 40)

	l := p.Licence()
	rows := [][]any{
		{t("xlsx_data_title", p.Model.Instrument.Title, r.Title)},
		{},
		{t("data_licence"), fmt.Sprintf("%s (%s)", l.Title(p.Config.Language), l.Text)},
	}
	if l.BY {
		rows = append(rows, []any{t("data_attribution"), p.Config.Data.Attribution})
	}
	rows = append(rows, []any{t("data_method"), p.MethodURL}, []any{}, []any{t("data_columns")})
	for _, tbl := range Tables()[:2] {
		rows = append(rows, []any{t("data_table_" + tbl.Key)})
		for _, c := range tbl.Columns {
			rows = append(rows, []any{c, t("column_" + c)})
		}
	}
	for i, row := range rows {
		f.SetSheetRow(about, "A"+strconv.Itoa(i+1), &row)
	}
	f.SetCellStyle(about, "A1", "A1", bold)
	f.SetColWidth(about, "A", "A", 28)
	f.SetColWidth(about, "B", "B", 100)

	day := r.Date.UTC().Format("2006-01-02T15:04:05Z")
	f.SetDocProps(&excelize.DocProperties{
		Title: t("xlsx_data_title", p.Model.Instrument.Title, r.Title), Creator: p.Config.Publisher(),
		Created: day, Modified: day, Language: p.Config.Language, Identifier: p.URL(XLSX(r.ID)),
	})
	f.SetActiveSheet(0)
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
