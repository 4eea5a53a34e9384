package spreadsheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/diag"
	"offenbar/generator/scaffold"
	"offenbar/generator/selfcheck"
)

// The sheets of an instrument workbook, by UI text key, in order.
var instrumentSheets = []string{"xlsx_sheet_instrument", "xlsx_sheet_scale", "xlsx_sheet_fields", "xlsx_sheet_topics", "xlsx_sheet_questions"}

// InstrumentWorkbook writes a questionnaire as a workbook: the example's
// own, or an empty template for a new one when Instrument is nil.
type InstrumentWorkbook struct {
	Site       Site
	Instrument *selfcheck.Instrument
	Day        time.Time
	Text       Text
}

// Export writes the workbook.
func (w *InstrumentWorkbook) Export() ([]byte, error) {
	t, in := w.Text, w.Instrument
	if in == nil {
		in = &selfcheck.Instrument{}
	}
	f, st, err := newWorkbook(t, t("xlsx_instrument_title", w.Site.Municipality), []string{
		t("xlsx_instrument_intro"), t("xlsx_instrument_sheets"), t("xlsx_instrument_ids"), t("xlsx_instrument_import"),
	})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names := make([]string, len(instrumentSheets))
	for i, key := range instrumentSheets {
		names[i] = t(key)
		f.NewSheet(names[i])
	}
	sheet := func(i int, headers []string, widths []float64, rows [][]any) {
		name := names[i]
		h := make([]any, len(headers))
		for j, x := range headers {
			h[j] = t(x)
		}
		f.SetSheetRow(name, "A1", &h)
		f.SetCellStyle(name, "A1", cell(len(headers), 1), st.header)
		for r, row := range rows {
			f.SetSheetRow(name, cell(1, r+2), &row)
		}
		if len(rows) > 0 {
			f.SetCellStyle(name, "A2", cell(len(headers), len(rows)+1), st.wrapped)
		}
		for j, wd := range widths {
			col := diag.ColumnName(j + 1)
			f.SetColWidth(name, col, col, wd)
		}
		f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	sheet(0, []string{"xlsx_col_key", "xlsx_col_value"}, []float64{28, 100}, [][]any{
		{t("xlsx_key_title"), in.Title}, {t("xlsx_key_description"), in.Description}, {t("xlsx_key_source"), in.Source}, {t("xlsx_key_skipped"), in.SkippedLabel},
	})
	var scale, fields, topics, questions [][]any
	for _, o := range in.Scale {
		scale = append(scale, []any{o.Points, o.Label})
	}
	for _, fl := range in.Fields {
		fields = append(fields, []any{fl.Slug, fl.Title, fl.Short, fl.Description})
		for _, tp := range fl.Topics {
			topics = append(topics, []any{fl.Slug, tp.Slug, tp.Title})
		}
		for _, q := range fl.Questions {
			topic := ""
			if q.TopicRef != nil {
				topic = q.TopicRef.Title
			}
			questions = append(questions, []any{fl.Title, fl.Slug, topic, q.ID, q.Text})
		}
	}
	sheet(1, []string{"xlsx_col_points", "xlsx_col_label"}, []float64{10, 40}, scale)
	sheet(2, []string{"xlsx_col_field_slug", "xlsx_col_field", "xlsx_col_short", "xlsx_col_description"}, []float64{30, 40, 26, 80}, fields)
	sheet(3, []string{"xlsx_col_field_slug", "xlsx_col_topic_slug", "xlsx_col_topic"}, []float64{30, 30, 40}, topics)
	sheet(4, []string{"xlsx_col_field", "xlsx_col_field_slug", "xlsx_col_topic", "xlsx_col_id", "xlsx_col_question"}, []float64{34, 30, 26, 10, 80}, questions)
	f.SetActiveSheet(0)
	day := fixedTime(w.Day)
	f.SetDocProps(&excelize.DocProperties{Title: t("xlsx_instrument_title", w.Site.Municipality), Subject: in.Title, Creator: w.Site.Municipality, Created: day, Modified: day})
	for _, p := range []excelize.CustomProperty{{Name: propKind, Value: "instrument"}, {Name: propSite, Value: w.Site.URL}} {
		if err := f.SetCustomProps(p); err != nil {
			return nil, err
		}
	}
	return buffer(f)
}

// tomlWriter writes TOML line by line and remembers the cell each line
// came from, so that problems found in the TOML point at the workbook.
type tomlWriter struct {
	b     bytes.Buffer
	line  int
	cells map[int]diag.Pos
}

func (w *tomlWriter) put(at diag.Pos, format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	w.b.WriteString(s)
	w.b.WriteByte('\n')
	// A multi-line string spans several lines, all from one cell.
	for i := 0; i <= strings.Count(s, "\n"); i++ {
		w.line++
		if at.Path != "" {
			w.cells[w.line] = at
		}
	}
}

// ReadInstrument reads a questionnaire workbook and returns the text of
// instrument.toml, or every problem at its cell.
func (im *Import) ReadInstrument(path string, data []byte) ([]byte, diag.List) {
	f, errs := open(path, data)
	if f == nil {
		return nil, errs
	}
	defer f.Close()
	if p := props(f); p[propKind] != "instrument" {
		errs.Errorf(diag.Pos{Path: path}, "the workbook was not made by \"new instrument --xlsx\": start from one")
		return nil, errs
	}
	t := im.Text
	index := map[string]int{}
	for i, n := range f.GetSheetList() {
		index[n] = i
	}
	sheets := make([][][]string, len(instrumentSheets))
	for i, key := range instrumentSheets {
		name := t(key)
		at, ok := index[name]
		if !ok {
			errs.Errorf(diag.Cell(path, name, 1000+i, 0, 0), "sheet %q is missing: it was renamed or deleted", name)
			continue
		}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			errs.Errorf(diag.Cell(path, name, at, 0, 0), "cannot read the sheet: %v", err)
		}
		sheets[i] = rows
	}
	if errs.HasErrors() {
		return nil, errs
	}
	pos := func(i, row, col int) diag.Pos {
		name := t(instrumentSheets[i])
		return diag.Cell(path, name, index[name], row, col)
	}
	get := func(i, r, c int) string {
		rows := sheets[i]
		if r-1 < len(rows) && c-1 < len(rows[r-1]) {
			return strings.TrimSpace(strings.ReplaceAll(rows[r-1][c-1], "\r\n", "\n"))
		}
		return ""
	}
	w := &tomlWriter{cells: map[int]diag.Pos{}}
	w.put(diag.Pos{}, "#:schema %s", scaffold.SchemaRef(scaffold.InstrumentSchema, 2))
	w.put(diag.Pos{}, "# Der Fragebogen, aus einer Tabelle eingelesen. Das Format beschreibt %s.", scaffold.ReferenceFor("instrument.md"))
	w.put(pos(0, 2, 2), "title = %s", tomlString(get(0, 2, 2)))
	if v := get(0, 5, 2); v != "" {
		w.put(pos(0, 5, 2), "skipped_label = %s", tomlString(v))
	}
	for _, k := range []struct {
		row  int
		name string
	}{{3, "description"}, {4, "source"}} {
		if v := get(0, k.row, 2); v != "" {
			w.put(pos(0, k.row, 2), "%s = %s", k.name, tomlText(v+"\n"))
		}
	}
	seenPoints := map[int]int{}
	for r := 2; r <= len(sheets[1]); r++ {
		pts, lbl := get(1, r, 1), get(1, r, 2)
		if pts == "" && lbl == "" {
			continue
		}
		n, err := strconv.Atoi(pts)
		if err != nil {
			errs.Errorf(pos(1, r, 1), "points %q must be a whole number", pts)
			continue
		}
		if first, ok := seenPoints[n]; ok {
			errs.Errorf(pos(1, r, 1), "%v", diag.Countf(n, "%d point appears twice on the scale, first in row %d; each option needs its own points", "%d points appear twice on the scale, first in row %d; each option needs its own points", n, first))
			continue
		}
		seenPoints[n] = r
		w.put(diag.Pos{}, "")
		w.put(pos(1, r, 1), "[[scale]]")
		w.put(pos(1, r, 1), "points = %d", n)
		w.put(pos(1, r, 2), "label = %s", tomlString(lbl))
	}
	topicsOf := map[string][][2]string{} // field slug -> slug, title
	for r := 2; r <= len(sheets[3]); r++ {
		if fs, ts := get(3, r, 1), get(3, r, 2); fs != "" || ts != "" {
			topicsOf[fs] = append(topicsOf[fs], [2]string{ts, get(3, r, 3)})
		}
	}
	questionsOf := map[string][]int{}
	fieldRow := map[string]int{}
	seenID := map[string]int{}
	for r := 2; r <= len(sheets[2]); r++ {
		if s := get(2, r, 1); s != "" {
			fieldRow[s] = r
		}
	}
	for r := 2; r <= len(sheets[4]); r++ {
		fs, id, text := get(4, r, 2), get(4, r, 4), get(4, r, 5)
		if fs == "" && id == "" && text == "" {
			continue
		}
		if _, ok := fieldRow[fs]; !ok {
			errs.Errorf(pos(4, r, 2), "unknown field slug %q: name it on the sheet %q first", fs, t("xlsx_sheet_fields"))
			continue
		}
		if first, ok := seenID[id]; ok && id != "" {
			errs.Errorf(pos(4, r, 4), "question ID %q appears twice, first in row %d", id, first)
			continue
		}
		seenID[id] = r
		if text == "" {
			errs.Errorf(pos(4, r, 5), "question %q has no text", id)
			continue
		}
		questionsOf[fs] = append(questionsOf[fs], r)
	}
	for r := 2; r <= len(sheets[2]); r++ {
		slug := get(2, r, 1)
		if slug == "" {
			continue
		}
		w.put(diag.Pos{}, "")
		w.put(pos(2, r, 1), "[[fields]]")
		w.put(pos(2, r, 1), "slug = %s", tomlString(slug))
		w.put(pos(2, r, 2), "title = %s", tomlString(get(2, r, 2)))
		if v := get(2, r, 3); v != "" {
			w.put(pos(2, r, 3), "short = %s", tomlString(v))
		}
		if v := get(2, r, 4); v != "" {
			w.put(pos(2, r, 4), "description = %s", tomlString(v))
		}
		for _, tp := range topicsOf[slug] {
			w.put(diag.Pos{}, "")
			w.put(pos(2, r, 1), "[[fields.topics]]")
			w.put(pos(2, r, 1), "slug = %s", tomlString(tp[0]))
			w.put(pos(2, r, 1), "title = %s", tomlString(tp[1]))
		}
		for _, qr := range questionsOf[slug] {
			w.put(diag.Pos{}, "")
			w.put(pos(4, qr, 4), "[[fields.questions]]")
			w.put(pos(4, qr, 4), "id = %s", tomlString(get(4, qr, 4)))
			if topic := get(4, qr, 3); topic != "" {
				// The topic may be given by its title or its slug.
				for _, tp := range topicsOf[slug] {
					if strings.EqualFold(topic, tp[1]) {
						topic = tp[0]
					}
				}
				w.put(pos(4, qr, 3), "topic = %s", tomlString(topic))
			}
			w.put(pos(4, qr, 5), "text = %s", tomlString(get(4, qr, 5)))
		}
	}
	if errs.HasErrors() {
		return nil, errs
	}
	// The instrument's own checks, with their positions moved from the
	// TOML to the cells it was written from.
	src := w.b.Bytes()
	tomlPath := selfcheck.Dir + "/" + selfcheck.InstrumentFile
	_, problems := selfcheck.Load(fstest.MapFS{tomlPath: {Data: src}})
	// A placeholder that the workbook carries over, such as init's
	// description, is the town's to fill in later: the import says so and
	// goes on, and build refuses it until then.
	problems.AllowPlaceholders()
	for _, p := range problems.Problems() {
		at, ok := w.cells[p.Pos.Line]
		if !ok || p.Pos.Path != tomlPath {
			at = diag.Pos{Path: path}
		}
		if p.Severity == diag.Warning {
			errs.Warnf(at, "%s", p.Msg)
		} else {
			errs.Errorf(at, "%s", p.Msg)
		}
	}
	if errs.HasErrors() {
		return nil, errs
	}
	return src, errs
}

// ChangedQuestions lists the questions whose text differs between before
// and after and that a round has answered: changing them breaks the
// comparison between rounds.
func ChangedQuestions(before, after *selfcheck.Instrument, rounds []*selfcheck.Round) []string {
	var out []string
	for _, q := range before.Questions {
		n := after.Question(q.ID)
		if n == nil || n.Text == q.Text {
			continue
		}
		var answered []string
		for _, r := range rounds {
			if r.Answers[q.ID] != nil {
				answered = append(answered, r.ID)
			}
		}
		if len(answered) > 0 {
			out = append(out, fmt.Sprintf("%s (answered in %s): %q → %q", q.ID, strings.Join(answered, ", "), q.Text, n.Text))
		}
	}
	return out
}
