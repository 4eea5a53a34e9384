package spreadsheet

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/diag"
	"offenbar/generator/measure"
	"offenbar/generator/tomldoc"
)

// The columns of the measures sheet, from 1. Those up to colMeasureLast
// are locked; the rest are filled in.
const (
	colMeasureID = iota + 1
	colMeasureTitle
	colMeasureResponsible
	colMeasureDue
	colMeasureLast
	colMeasureStatus
	colMeasureProgress
	colMeasureDate
	colMeasureText
)

// stateSheet is the hidden sheet that keeps each measure's state when the
// workbook was written: an import compares the filled-in row with it, not
// with the measure's file, so that a workbook that reaches an office late
// does not undo an update another office made in between.
const stateSheet = "Ausgangsstand"

// MeasureState is what the workbook shows of one measure, and what an
// import compares with.
type MeasureState struct {
	ID, Title, Responsible string
	Due                    string // as written, such as 2025-06 or 2025-06-30
	Status                 string // such as "in_progress"
	Progress               *int
	// LastDate and LastText are those of the newest update; LastDate is
	// "" when there is none.
	LastDate, LastText string
}

// StatusOrder is the order in which the workbook offers the statuses: as
// a measure goes.
var StatusOrder = []measure.Status{measure.Planned, measure.InProgress, measure.Delayed, measure.Done, measure.Stopped}

// StatusCodes are the codes of StatusOrder.
func StatusCodes() []string {
	var s []string
	for _, st := range StatusOrder {
		s = append(s, string(st))
	}
	return s
}

// States gives each measure's state as the workbook shows it.
func States(ms []*measure.Measure) []MeasureState {
	var out []MeasureState
	for _, m := range ms {
		st := MeasureState{ID: m.ID, Title: m.Title, Responsible: m.Responsible, Status: string(m.Status()), Progress: m.Progress}
		if !m.Due.IsZero() {
			st.Due = m.Due.ISO()
		}
		if u := m.Latest(); u != nil {
			st.LastDate, st.LastText = u.Date.ISO(), strings.TrimSpace(u.Text)
		}
		out = append(out, st)
	}
	return out
}

// MeasuresWorkbook describes the workbook in which offices report on
// their measures: one row per measure with its current state.
type MeasuresWorkbook struct {
	Site     Site
	Measures []MeasureState
	// Statuses are the status codes in their order, Label their names in
	// the site's language.
	Statuses []string
	Label    func(status string) string
	Day      time.Time // written as the workbook's date
	Text     Text
}

// Export writes the workbook.
func (w *MeasuresWorkbook) Export() ([]byte, error) {
	t := w.Text
	var labels []string
	for _, s := range w.Statuses {
		labels = append(labels, w.Label(s))
	}
	f, st, err := newWorkbook(t, t("xlsx_measures_title", w.Site.Municipality), []string{
		t("xlsx_measures_intro"),
		t("xlsx_measures_status", strings.Join(labels, ", ")),
		t("xlsx_measures_update"),
		t("xlsx_measures_locked"),
		t("xlsx_measures_import"),
	})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	protect(f, t("xlsx_sheet_instructions"))
	// The measures sheet comes second, after the instructions.
	name := t("xlsx_sheet_measures")
	if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}

	f.NewSheet(listsSheet)
	for i, l := range labels {
		f.SetCellValue(listsSheet, cell(1, i+1), l)
	}
	f.SetSheetVisible(listsSheet, false)
	protect(f, listsSheet)

	f.NewSheet(stateSheet)
	f.SetSheetRow(stateSheet, "A1", &[]any{"id", "status", "progress", "last"})
	for i, m := range w.Measures {
		var progress any
		if m.Progress != nil {
			progress = *m.Progress
		}
		f.SetSheetRow(stateSheet, cell(1, i+2), &[]any{m.ID, m.Status, progress, m.LastDate})
	}
	f.SetSheetVisible(stateSheet, false)
	protect(f, stateSheet)

	headers := []any{t("xlsx_col_id"), t("xlsx_col_measure"), t("xlsx_col_responsible"), t("xlsx_col_due"), t("xlsx_col_last_update"),
		t("xlsx_col_status"), t("xlsx_col_progress"), t("xlsx_col_update_date"), t("xlsx_col_update_text")}
	f.SetSheetRow(name, "A1", &headers)
	f.SetCellStyle(name, "A1", cell(colMeasureText, 1), st.header)
	for i, m := range w.Measures {
		row := i + 2
		last := ""
		if m.LastDate != "" {
			last = m.LastDate + ": " + m.LastText
		}
		var progress any
		if m.Progress != nil {
			progress = *m.Progress
		}
		f.SetSheetRow(name, cell(1, row), &[]any{m.ID, m.Title, m.Responsible, m.Due, last, w.Label(m.Status), progress})
		lines := max(1, wrappedLines(m.Title, 40), wrappedLines(last, 50))
		f.SetRowHeight(name, row, float64(15*lines+3))
	}
	lastRow := max(2, len(w.Measures)+1)
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptrTo("yyyy-mm-dd"), Alignment: &excelize.Alignment{Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8D6"}}, Protection: &excelize.Protection{Locked: false}})
	if err != nil {
		return nil, err
	}
	f.SetCellStyle(name, cell(colMeasureID, 2), cell(colMeasureID, lastRow), st.locked)
	f.SetCellStyle(name, cell(colMeasureTitle, 2), cell(colMeasureLast, lastRow), st.wrapped)
	f.SetCellStyle(name, cell(colMeasureStatus, 2), cell(colMeasureProgress, lastRow), st.open)
	f.SetCellStyle(name, cell(colMeasureDate, 2), cell(colMeasureDate, lastRow), date)
	f.SetCellStyle(name, cell(colMeasureText, 2), cell(colMeasureText, lastRow), st.openWrapped)
	for col, width := range map[int]float64{colMeasureID: 22, colMeasureTitle: 40, colMeasureResponsible: 24, colMeasureDue: 11, colMeasureLast: 50,
		colMeasureStatus: 16, colMeasureProgress: 13, colMeasureDate: 14, colMeasureText: 60} {
		c := diag.ColumnName(col)
		f.SetColWidth(name, c, c, width)
	}
	f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})

	status := excelize.NewDataValidation(true)
	status.SetSqref(cell(colMeasureStatus, 2) + ":" + cell(colMeasureStatus, lastRow))
	status.SetSqrefDropList(fmt.Sprintf("%s!$A$1:$A$%d", listsSheet, max(1, len(labels))))
	status.SetError(excelize.DataValidationErrorStyleStop, t("xlsx_invalid_title"), t("xlsx_invalid_status"))
	progress := excelize.NewDataValidation(true)
	progress.SetSqref(cell(colMeasureProgress, 2) + ":" + cell(colMeasureProgress, lastRow))
	if err := progress.SetRange(0, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
		return nil, err
	}
	progress.SetError(excelize.DataValidationErrorStyleStop, t("xlsx_invalid_title"), t("xlsx_invalid_progress"))
	for _, dv := range []*excelize.DataValidation{status, progress} {
		if err := f.AddDataValidation(name, dv); err != nil {
			return nil, err
		}
	}
	printable(f, name)
	protect(f, name)

	f.SetActiveSheet(0)
	day := fixedTime(w.Day)
	f.SetDocProps(&excelize.DocProperties{
		Title: t("xlsx_measures_title", w.Site.Municipality), Creator: w.Site.Municipality, Created: day, Modified: day,
	})
	for _, p := range []excelize.CustomProperty{{Name: propKind, Value: "measures"}, {Name: propSite, Value: w.Site.URL}} {
		if err := f.SetCustomProps(p); err != nil {
			return nil, err
		}
	}
	return buffer(f)
}

func ptrTo[T any](v T) *T { return &v }

// MeasureUpdate is one update that an import adds to a measure.
type MeasureUpdate struct {
	ID       string
	Date     time.Time
	Status   string
	Progress *int // nil when the measure has none
	Text     string
	// Changes says what changed, for the import's report, such as
	// "in_progress → done, 80 → 100 %".
	Changes string
}

// MeasuresImport describes what a measures workbook is checked against.
type MeasuresImport struct {
	Site     Site
	Measures []MeasureState // their state now, as their files say
	Statuses []string
	Label    func(status string) string
	Today    time.Time // the date of an update without one, and the latest allowed
	Text     Text
}

// measureRow is one row of the measures sheet as read, with the cells of
// what may be filled in.
type measureRow struct {
	id, status, progress, date, text string
	row                              int
}

// ReadMeasures reads a filled-in measures workbook and returns an update
// for each measure whose status, progress or text changed, or every
// problem with the cell it is in.
func (im *MeasuresImport) ReadMeasures(path string, data []byte) ([]MeasureUpdate, diag.List) {
	f, errs := open(path, data)
	if f == nil {
		return nil, errs
	}
	defer f.Close()
	p := props(f)
	switch {
	case p[propKind] != "measures":
		errs.Errorf(diag.Pos{Path: path}, "the workbook was not made by \"new measures --xlsx\" of this site: export one with offenbar new measures --xlsx FILE")
	case p[propSite] != im.Site.URL:
		errs.Errorf(diag.Pos{Path: path}, "the workbook was made for the site %q, not for %q", p[propSite], im.Site.URL)
	}
	if errs.HasErrors() {
		return nil, errs
	}
	index := map[string]int{}
	for i, n := range f.GetSheetList() {
		index[n] = i
	}
	name := im.Text("xlsx_sheet_measures")
	at, ok := index[name]
	if !ok {
		errs.Errorf(diag.Cell(path, name, 0, 0, 0), "sheet %q is missing: it was renamed or deleted; give it back its name, or export a new workbook", name)
		return nil, errs
	}
	cells, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		errs.Errorf(diag.Cell(path, name, at, 0, 0), "cannot read the sheet: %v", err)
		return nil, errs
	}
	if len(cells) == 0 || len(cells[0]) < colMeasureText || cells[0][colMeasureID-1] != im.Text("xlsx_col_id") ||
		cells[0][colMeasureStatus-1] != im.Text("xlsx_col_status") || cells[0][colMeasureText-1] != im.Text("xlsx_col_update_text") {
		errs.Errorf(diag.Cell(path, name, at, 1, 1), "the first row must name the columns %q … %q as the export wrote them: were columns moved?", im.Text("xlsx_col_id"), im.Text("xlsx_col_update_text"))
		return nil, errs
	}
	before, ok := im.exported(f, index)
	if !ok {
		errs.Errorf(diag.Cell(path, stateSheet, index[stateSheet], 0, 0), "the hidden sheet %q, which keeps the state of the measures when the workbook was made, is missing or damaged: export a new workbook", stateSheet)
		return nil, errs
	}
	var rows []measureRow
	for r, c := range cells[1:] {
		get := func(col int) string {
			if col-1 < len(c) {
				return strings.TrimSpace(c[col-1])
			}
			return ""
		}
		// Excel keeps a line break in a cell as CR LF or as _x000D_.
		text := strings.NewReplacer("_x000D_\n", "\n", "_x000D_", "\n", "\r\n", "\n", "\r", "\n").Replace(get(colMeasureText))
		rows = append(rows, measureRow{id: get(colMeasureID), status: get(colMeasureStatus), progress: get(colMeasureProgress),
			date: get(colMeasureDate), text: text, row: r + 2})
	}
	pos := func(row, col int) diag.Pos { return diag.Cell(path, name, at, row, col) }
	return im.updates(rows, before, pos)
}

// exported reads the hidden sheet with each measure's state when the
// workbook was written.
func (im *MeasuresImport) exported(f *excelize.File, index map[string]int) (map[string]MeasureState, bool) {
	if _, ok := index[stateSheet]; !ok {
		return nil, false
	}
	rows, err := f.GetRows(stateSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) == 0 {
		return nil, false
	}
	out := map[string]MeasureState{}
	for _, r := range rows[1:] {
		for len(r) < 4 {
			r = append(r, "")
		}
		s := MeasureState{ID: r[0], Status: r[1], LastDate: r[3]}
		if r[2] != "" {
			n, err := strconv.Atoi(r[2])
			if err != nil {
				return nil, false
			}
			s.Progress = &n
		}
		if s.ID != "" {
			out[s.ID] = s
		}
	}
	return out, true
}

// updates compares every row with the state it had when the workbook was
// written.
func (im *MeasuresImport) updates(rows []measureRow, before map[string]MeasureState, pos func(row, col int) diag.Pos) ([]MeasureUpdate, diag.List) {
	var errs diag.List
	now := map[string]MeasureState{}
	for _, m := range im.Measures {
		now[m.ID] = m
	}
	var labels []string
	for _, s := range im.Statuses {
		labels = append(labels, fmt.Sprintf("%q", im.Label(s)))
	}
	today := im.Today.Format(time.DateOnly)
	seen := map[string]int{}
	var out []MeasureUpdate
	for _, r := range rows {
		if r.id == "" {
			if r.date != "" || r.text != "" {
				errs.Errorf(pos(r.row, colMeasureID), "this row has an update but no measure ID; the ID column must not be changed")
			}
			continue
		}
		cur, ok := now[r.id]
		if !ok {
			errs.Errorf(pos(r.row, colMeasureID), "unknown measure %q: content/measures/ has no such measure", r.id)
			continue
		}
		if first, dup := seen[r.id]; dup {
			errs.Errorf(pos(r.row, colMeasureID), "measure %q appears twice, first in row %d", r.id, first)
			continue
		}
		seen[r.id] = r.row
		old, ok := before[r.id]
		if !ok {
			// A measure added after the workbook was made: its row was
			// typed in, so what it says is compared with the file.
			old = cur
		}
		status := old.Status
		if r.status != "" {
			status = im.status(r.status)
			if status == "" {
				errs.Errorf(pos(r.row, colMeasureStatus), "status %q of %q is none of: %s; choose one from the list", r.status, r.id, strings.Join(labels, ", "))
				continue
			}
		}
		progress := old.Progress
		if r.progress != "" {
			n, err := strconv.ParseFloat(strings.Replace(r.progress, ",", ".", 1), 64)
			if err != nil || n != math.Trunc(n) || n < 0 || n > 100 {
				errs.Errorf(pos(r.row, colMeasureProgress), "progress %q of %q is not a whole number from 0 to 100", r.progress, r.id)
				continue
			}
			v := int(n)
			progress = &v
		}
		changed := status != old.Status || !sameProgress(progress, old.Progress) || r.text != ""
		if !changed {
			if r.date != "" {
				errs.Errorf(pos(r.row, colMeasureDate), "a date without an update: write in column %s what happened, or delete the date", diag.ColumnName(colMeasureText))
			}
			continue
		}
		if r.text == "" {
			errs.Errorf(pos(r.row, colMeasureText), "the status or progress of %q changed: write here what happened, as a sentence for the public", r.id)
			continue
		}
		if cur.Status != old.Status || !sameProgress(cur.Progress, old.Progress) || cur.LastDate != old.LastDate {
			errs.Errorf(pos(r.row, colMeasureID), "measure %q has changed since the workbook was made: export a new workbook and enter this update there", r.id)
			continue
		}
		day := im.Today
		if r.date != "" {
			d, ok := cellDate(r.date)
			if !ok {
				errs.Errorf(pos(r.row, colMeasureDate), "%q is not a date: write year-month-day, such as %s, or leave the cell empty for today", r.date, today)
				continue
			}
			day = d
		}
		switch iso := day.Format(time.DateOnly); {
		case iso > today:
			errs.Errorf(pos(r.row, colMeasureDate), "the update of %q is dated %s, after today (%s): an update says what has happened", r.id, iso, today)
			continue
		case iso < cur.LastDate:
			errs.Errorf(pos(r.row, colMeasureDate), "the update of %q is dated %s, before its newest update of %s: updates follow in date order", r.id, iso, cur.LastDate)
			continue
		}
		u := MeasureUpdate{ID: r.id, Date: day, Status: status, Progress: progress, Text: r.text}
		var what []string
		if status != old.Status {
			what = append(what, old.Status+" → "+status)
		}
		if !sameProgress(progress, old.Progress) {
			what = append(what, fmt.Sprintf("%s → %s %%", showProgress(old.Progress), showProgress(progress)))
		}
		u.Changes = strings.Join(what, ", ")
		out = append(out, u)
	}
	if errs.HasErrors() {
		return nil, errs
	}
	return out, errs
}

func sameProgress(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

func showProgress(p *int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(*p)
}

// status reads a status given by its label or its code, in any case.
func (im *MeasuresImport) status(v string) string {
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	for _, s := range im.Statuses {
		if norm(v) == norm(im.Label(s)) || norm(v) == s {
			return s
		}
	}
	return ""
}

// cellDate reads a date as a spreadsheet keeps it, a serial number of
// days, or as text: 2027-01-15 or 15.01.2027.
func cellDate(v string) (time.Time, bool) {
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		if n < 1 || n > 2958465 {
			return time.Time{}, false
		}
		t, err := excelize.ExcelDateToTime(n, false)
		if err != nil {
			return time.Time{}, false
		}
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
	}
	for _, layout := range []string{time.DateOnly, "2.1.2006", "02.01.2006"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// headers returns the lines of the front matter's table headers, such as
// [decision] and each [[updates]], in order.
func headers(src []byte, d *tomldoc.Doc, m *measure.Measure) []int {
	paths := []string{"decision", "indicator"}
	for i := range m.Milestones {
		paths = append(paths, fmt.Sprintf("milestones[%d]", i))
	}
	for i := range m.Updates {
		paths = append(paths, fmt.Sprintf("updates[%d]", i))
	}
	lines := bytes.Split(src, []byte("\n"))
	var out []int
	for _, p := range paths {
		l, ok := d.Index.Key(p)
		if !ok || l.Line < 1 || l.Line > len(lines) {
			continue
		}
		if t := bytes.TrimSpace(lines[l.Line-1]); len(t) > 0 && t[0] == '[' {
			out = append(out, l.Line)
		}
	}
	slices.Sort(out)
	return out
}

// UpdateLine is the line of the measure file src before which a new update
// goes: the table header after the last [[updates]], or 0 for the end of
// the front matter.
func UpdateLine(src []byte, m *measure.Measure) int {
	hs := headers(src, m.Meta, m)
	last := 0
	if n := len(m.Updates); n > 0 {
		if l, ok := m.Meta.Index.Key(fmt.Sprintf("updates[%d]", n-1)); ok {
			last = l.Line
		}
	}
	for _, h := range hs {
		if h > last && last > 0 {
			return h
		}
	}
	return 0
}

// SetProgress returns the measure file src with progress = n: the value
// replaced where the key is, else the key added before the first table of
// the front matter.
func SetProgress(src []byte, m *measure.Measure, n int) []byte {
	if l, ok := m.Meta.Index.Value("progress"); ok && m.Progress != nil {
		return ReplaceValue(src, l.Line, l.Col, strconv.Itoa(n))
	}
	at := 0
	if hs := headers(src, m.Meta, m); len(hs) > 0 {
		at = hs[0]
	}
	return insertLines(src, at, fmt.Sprintf("progress = %d", n), false)
}

// ReplaceValue returns src with the TOML value that starts at line and
// col (from 1, col in characters) replaced by value: a basic string up to
// its closing quote, anything else up to the next blank, comma or comment.
func ReplaceValue(src []byte, line, col int, value string) []byte {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return src
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src); c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	end := off
	if end < len(src) && src[end] == '"' {
		end++
		for end < len(src) && src[end] != '"' && src[end] != '\n' {
			if src[end] == '\\' {
				end++
			}
			end++
		}
		end = min(end+1, len(src))
	} else {
		for end < len(src) && !strings.ContainsRune(" \t\r\n,#]}", rune(src[end])) {
			end++
		}
	}
	return slices.Concat(src[:off], []byte(value), src[end:])
}

// AppendUpdate returns the measure file src with u added as the newest
// [[updates]] entry of its TOML front matter, and every other byte as it
// was: after the last update when there is one, else at the end of the
// front matter. at is the line (from 1) before which it goes, 0 for the
// end of the front matter (see UpdateLine).
func AppendUpdate(src []byte, at int, u MeasureUpdate) []byte {
	text := fmt.Sprintf("[[updates]]\ndate = %s\nstatus = %s\ntext = %s", u.Date.Format(time.DateOnly), tomlString(u.Status), tomlText(u.Text))
	return insertLines(src, at, text, true)
}

// insertLines inserts text as lines of their own before line at (from
// 1), or before the end of the front matter for 0, in src's line endings:
// above the blank lines and comments that lead to that line, as they
// belong to what follows. With blank, a blank line separates the text
// from what comes before.
func insertLines(src []byte, at int, text string, blank bool) []byte {
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", nl) + nl
	lines := bytes.SplitAfter(src, []byte("\n"))
	if at <= 0 {
		// The end of the front matter is its second "+++" line.
		n := 0
		for i, l := range lines {
			if string(bytes.TrimRight(l, " \t\r\n")) == "+++" {
				n++
				if n == 2 {
					at = i + 1
					break
				}
			}
		}
	}
	if at <= 0 || at > len(lines) {
		return append(bytes.Clone(src), text...)
	}
	i := at - 1
	for i > 0 {
		l := bytes.TrimSpace(lines[i-1])
		if len(l) != 0 && l[0] != '#' {
			break
		}
		i--
	}
	if blank && !(i > 0 && len(bytes.TrimSpace(lines[i-1])) == 0) {
		text = nl + text
	}
	out := bytes.Join(lines[:i], nil)
	out = append(out, text...)
	return append(out, bytes.Join(lines[i:], nil)...)
}
