package spreadsheet

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/diag"
	"offenbar/generator/selfcheck"
)

// The columns of a round's sheet, from 1.
const (
	colID = iota + 1
	colTopic
	colQuestion
	colAnswer
	colComment
	colPrevious
)

// listsSheet holds the drop-down's choices; it is hidden.
const listsSheet = "Listen"

// RoundWorkbook describes the workbook of a round to fill in.
type RoundWorkbook struct {
	Site       Site
	Instrument *selfcheck.Instrument
	ID         string
	Title      string           // the round's title, if it exists already
	Current    *selfcheck.Round // answers so far, or nil
	Previous   *selfcheck.Round // the round before, or nil
	Skipped    string           // the label of a skipped answer
	Day        time.Time        // written as the workbook's date
	Text       Text
}

// choices are the values the answer cell offers.
func choices(in *selfcheck.Instrument, skipped string) []string {
	var c []string
	for _, o := range in.Scale {
		c = append(c, o.Label)
	}
	return append(c, skipped)
}

func label(in *selfcheck.Instrument, a *selfcheck.Answer, skipped string) string {
	switch {
	case a == nil:
		return ""
	case a.Skipped:
		return skipped
	}
	return in.Label(a.Points)
}

// Export writes the workbook.
func (w *RoundWorkbook) Export() ([]byte, error) {
	t, in := w.Text, w.Instrument
	scale := []string{}
	for _, o := range in.Scale {
		scale = append(scale, fmt.Sprintf("%d = %s", o.Points, o.Label))
	}
	f, st, err := newWorkbook(t, t("xlsx_round_title", w.ID, w.Site.Municipality), []string{
		t("xlsx_round_intro"),
		t("xlsx_round_scale", strings.Join(scale, "; "), w.Skipped),
		t("xlsx_round_comment"),
		t("xlsx_round_locked"),
		t("xlsx_round_import", w.ID),
	})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	intro := t("xlsx_sheet_instructions")
	protect(f, intro)

	// The drop-down points at a range on a hidden sheet: a list written
	// into the validation is limited to 255 characters and cannot hold a
	// comma, and scale labels may have both.
	f.NewSheet(listsSheet)
	opts := choices(in, w.Skipped)
	for i, c := range opts {
		f.SetCellValue(listsSheet, cell(1, i+1), c)
	}
	f.SetSheetVisible(listsSheet, false)
	protect(f, listsSheet)

	headers := []any{t("xlsx_col_id"), t("xlsx_col_topic"), t("xlsx_col_question"), t("xlsx_col_answer"), t("xlsx_col_comment"), t("xlsx_col_previous")}
	for i, name := range sheetNames(in, intro, listsSheet) {
		fld := in.Fields[i]
		if _, err := f.NewSheet(name); err != nil {
			return nil, err
		}
		f.SetSheetRow(name, "A1", &headers)
		f.SetCellStyle(name, "A1", "F1", st.header)
		for r, q := range fld.Questions {
			row := r + 2
			topic := ""
			if q.TopicRef != nil {
				topic = q.TopicRef.Title
			}
			var cur, prev *selfcheck.Answer
			if w.Current != nil {
				cur = w.Current.Answers[q.ID]
			}
			if w.Previous != nil {
				prev = w.Previous.Answers[q.ID]
			}
			comment := ""
			if cur != nil {
				comment = cur.Comment
			}
			f.SetSheetRow(name, cell(1, row), &[]any{q.ID, topic, q.Text, label(in, cur, w.Skipped), comment, label(in, prev, w.Skipped)})
			// Wrapped text needs its height: not every program computes it.
			lines := max(1, wrappedLines(q.Text, 75), wrappedLines(comment, 55))
			f.SetRowHeight(name, row, float64(15*lines+3))
		}
		last := len(fld.Questions) + 1
		f.SetCellStyle(name, cell(colID, 2), cell(colTopic, last), st.locked)
		f.SetCellStyle(name, cell(colQuestion, 2), cell(colQuestion, last), st.wrapped)
		f.SetCellStyle(name, cell(colAnswer, 2), cell(colAnswer, last), st.open)
		f.SetCellStyle(name, cell(colComment, 2), cell(colComment, last), st.openWrapped)
		f.SetCellStyle(name, cell(colPrevious, 2), cell(colPrevious, last), st.locked)
		for col, width := range map[string]float64{"A": 10, "B": 22, "C": 70, "D": 26, "E": 50, "F": 24} {
			f.SetColWidth(name, col, col, width)
		}
		f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cell(colAnswer, 2) + ":" + cell(colAnswer, last))
		dv.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", listsSheet, len(opts)))
		dv.SetError(excelize.DataValidationErrorStyleStop, t("xlsx_invalid_title"), t("xlsx_invalid_answer"))
		if err := f.AddDataValidation(name, dv); err != nil {
			return nil, err
		}
		printable(f, name)
		protect(f, name)
	}
	f.SetActiveSheet(0)
	day := fixedTime(w.Day)
	f.SetDocProps(&excelize.DocProperties{
		Title: t("xlsx_round_title", w.ID, w.Site.Municipality), Subject: in.Title, Creator: w.Site.Municipality,
		Created: day, Modified: day, Language: "", Identifier: w.ID,
	})
	for _, p := range []excelize.CustomProperty{{Name: propKind, Value: "round"}, {Name: propSite, Value: w.Site.URL}, {Name: propInstrument, Value: Fingerprint(in)}, {Name: propRound, Value: w.ID}} {
		if err := f.SetCustomProps(p); err != nil {
			return nil, err
		}
	}
	return buffer(f)
}

// Answers are the answers of an imported round, by question ID.
type Answers map[string]*selfcheck.Answer

// Import describes what an import checks a workbook or CSV file against.
type Import struct {
	Site       Site
	Instrument *selfcheck.Instrument
	ID         string // the round the file is imported as
	Draft      bool   // empty answers are allowed
	Skipped    string
	Text       Text
}

// row is one question's row as read from a file.
type row struct {
	id, answer, comment string
	pos                 diag.Pos // of the ID cell
	answerPos           diag.Pos
}

// ReadRound reads a filled-in workbook (.xlsx) or CSV file and returns its
// answers, or every problem with the cell it is in.
func (im *Import) ReadRound(path string, data []byte) (Answers, diag.List) {
	if strings.HasSuffix(strings.ToLower(path), ".csv") {
		rows, errs := im.csvRows(path, data)
		if errs.HasErrors() {
			return nil, errs
		}
		return im.answers(rows, path, nil)
	}
	f, errs := open(path, data)
	if f == nil {
		return nil, errs
	}
	defer f.Close()
	p := props(f)
	switch {
	case p[propKind] != "round":
		errs.Errorf(diag.Pos{Path: path}, "the workbook was not made by \"new round --xlsx\" of this site: export one with offenbar new round %s --xlsx FILE", im.ID)
	case p[propSite] != im.Site.URL:
		errs.Errorf(diag.Pos{Path: path}, "the workbook was made for the site %q, not for %q", p[propSite], im.Site.URL)
	case p[propInstrument] != Fingerprint(im.Instrument):
		errs.Errorf(diag.Pos{Path: path}, "the workbook was made for another version of the questionnaire: its questions or scale have changed since; export a new one")
	}
	if errs.HasErrors() {
		return nil, errs
	}
	intro := im.Text("xlsx_sheet_instructions")
	names := sheetNames(im.Instrument, intro, listsSheet)
	index := map[string]int{}
	for i, n := range f.GetSheetList() {
		index[n] = i
	}
	var rows []row
	for i, name := range names {
		at, ok := index[name]
		if !ok {
			errs.Errorf(diag.Cell(path, name, 1000+i, 0, 0), "sheet %q of the action field %q is missing: it was renamed or deleted; give it back its name, or export a new workbook", name, im.Instrument.Fields[i].Title)
			continue
		}
		cells, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			errs.Errorf(diag.Cell(path, name, at, 0, 0), "cannot read the sheet: %v", err)
			continue
		}
		if len(cells) == 0 || len(cells[0]) < colComment || cells[0][colID-1] != im.Text("xlsx_col_id") || cells[0][colAnswer-1] != im.Text("xlsx_col_answer") {
			errs.Errorf(diag.Cell(path, name, at, 1, 1), "the first row must name the columns %q … %q as the export wrote them: were columns moved?", im.Text("xlsx_col_id"), im.Text("xlsx_col_answer"))
			continue
		}
		for r, c := range cells[1:] {
			get := func(col int) string {
				if col-1 < len(c) {
					return strings.TrimSpace(c[col-1])
				}
				return ""
			}
			rows = append(rows, row{
				id: get(colID), answer: get(colAnswer), comment: get(colComment),
				pos:       diag.Cell(path, name, at, r+2, colID),
				answerPos: diag.Cell(path, name, at, r+2, colAnswer),
			})
		}
	}
	if errs.HasErrors() {
		return nil, errs
	}
	return im.answers(rows, path, func(q *selfcheck.Question) diag.Pos {
		n := names[q.Field.Index]
		return diag.Cell(path, n, index[n], 0, 0)
	})
}

// csvRows reads a CSV file with the columns of a sheet and a header row;
// fields are separated by commas or, as German Excel writes them,
// semicolons.
func (im *Import) csvRows(path string, data []byte) ([]row, diag.List) {
	var errs diag.List
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		errs.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "the file is not UTF-8: save it as \"CSV UTF-8\"")
		return nil, errs
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	r := csv.NewReader(bytes.NewReader(data))
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	var rows []row
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			l, c := line, 1
			if pe, ok := err.(*csv.ParseError); ok {
				l, c = pe.Line, pe.Column
			}
			errs.Errorf(diag.Pos{Path: path, Line: l, Col: c}, "not a valid CSV file: %v", err)
			return nil, errs
		}
		l, _ := r.FieldPos(0)
		if line > MaxRows {
			errs.Errorf(diag.Pos{Path: path, Line: l, Col: 1}, "the file has more than %d rows, the limit for an import: delete the rows below the table", MaxRows)
			return nil, errs
		}
		if l == 1 {
			if len(rec) < colComment || !strings.EqualFold(strings.TrimSpace(rec[colID-1]), im.Text("xlsx_col_id")) {
				errs.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "the first line must name the columns: %s", strings.Join([]string{im.Text("xlsx_col_id"), im.Text("xlsx_col_topic"), im.Text("xlsx_col_question"), im.Text("xlsx_col_answer"), im.Text("xlsx_col_comment")}, ", "))
				return nil, errs
			}
			continue
		}
		get := func(col int) string {
			if col-1 < len(rec) {
				return strings.TrimSpace(rec[col-1])
			}
			return ""
		}
		pos := func(col int) diag.Pos {
			l, c := r.FieldPos(min(col-1, len(rec)-1))
			return diag.Pos{Path: path, Line: l, Col: c}
		}
		rows = append(rows, row{id: get(colID), answer: get(colAnswer), comment: get(colComment), pos: pos(colID), answerPos: pos(colAnswer)})
	}
	return rows, errs
}

// answers checks the rows against the instrument and the scale.
func (im *Import) answers(rows []row, path string, sheetOf func(*selfcheck.Question) diag.Pos) (Answers, diag.List) {
	var errs diag.List
	in := im.Instrument
	out := Answers{}
	seen := map[string]diag.Pos{}
	var want []string
	for _, o := range in.Scale {
		want = append(want, fmt.Sprintf("%q (%d)", o.Label, o.Points))
	}
	for _, r := range rows {
		if r.id == "" {
			if r.answer != "" || r.comment != "" {
				errs.Errorf(r.pos, "this row has an answer but no question ID; the ID column must not be changed")
			}
			continue
		}
		q := in.Question(r.id)
		if q == nil {
			errs.Errorf(r.pos, "unknown question ID %q: the questionnaire has no such question", r.id)
			continue
		}
		if first, dup := seen[r.id]; dup {
			errs.Errorf(r.pos, "question %q appears twice, first at %s", r.id, strings.TrimPrefix(first.String(), path+":"))
			continue
		}
		seen[r.id] = r.pos
		a := &selfcheck.Answer{Question: q, Comment: r.comment}
		switch v := r.answer; {
		case v == "":
			if !im.Draft {
				errs.Errorf(r.answerPos, "question %q has no answer: choose one from the list, or %q when those answering were unsure; a round that is not finished can be imported with --draft", r.id, im.Skipped)
			}
			continue
		case strings.EqualFold(v, im.Skipped) || strings.EqualFold(v, "skipped"):
			a.Skipped = true
		default:
			p, ok := im.points(v)
			if !ok {
				errs.Errorf(r.answerPos, "answer %q to %q is not on the scale, want one of: %s or %q", v, r.id, strings.Join(want, ", "), im.Skipped)
				continue
			}
			a.Points = p
		}
		out[r.id] = a
	}
	for _, q := range in.Questions {
		if _, ok := seen[q.ID]; ok {
			continue
		}
		pos := diag.Pos{Path: path}
		if sheetOf != nil {
			pos = sheetOf(q)
		}
		errs.Errorf(pos, "question %q is missing: add a row with its ID, or export a new workbook", q.ID)
	}
	if errs.HasErrors() {
		return nil, errs
	}
	return out, errs
}

// points reads an answer given as a label or as points: a chosen "2" may
// come back from a spreadsheet as the number 2 or 2.0.
func (im *Import) points(v string) (int, bool) {
	for _, o := range im.Instrument.Scale {
		if strings.EqualFold(strings.Join(strings.Fields(v), " "), strings.Join(strings.Fields(o.Label), " ")) {
			return o.Points, true
		}
	}
	n, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64)
	if err != nil || n != math.Trunc(n) {
		return 0, false
	}
	for _, o := range im.Instrument.Scale {
		if float64(o.Points) == n {
			return o.Points, true
		}
	}
	return 0, false
}

// wrappedLines estimates how many lines s takes in a column of width
// characters.
func wrappedLines(s string, width int) int {
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+width-1)/width)
	}
	if s == "" {
		return 0
	}
	return n
}
