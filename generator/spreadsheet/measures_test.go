package spreadsheet_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/spreadsheet"
)

var measureStatuses = []string{"planned", "in_progress", "done", "delayed", "stopped"}

func measureLabel(s string) string {
	return map[string]string{"planned": "geplant", "in_progress": "in Arbeit", "done": "umgesetzt", "delayed": "verzögert", "stopped": "eingestellt"}[s]
}

func intp(n int) *int { return &n }

// measureStates are three measures as a town has them: one without
// progress or update, one under way, one with a formula-like title.
func measureStates() []spreadsheet.MeasureState {
	return []spreadsheet.MeasureState{
		{ID: "sprachcafe", Title: "Sprachcafé in der Stadtbücherei", Responsible: "Amt für Integration", Due: "2025-12", Status: "in_progress", Progress: intp(40),
			LastDate: "2025-06-01", LastText: "Das Sprachcafé trifft sich jeden Dienstag."},
		{ID: "leitbild", Title: "Leitbild Weltoffene Kommune", Responsible: "Hauptamt", Due: "2026-06-30", Status: "planned"},
		{ID: "formel", Title: `=HYPERLINK("http://evil.example","x")`, Responsible: "@Amt", Status: "delayed", Progress: intp(10),
			LastDate: "2025-02-01", LastText: "-verschoben"},
	}
}

var measuresDay = time.Date(2025, 11, 26, 0, 0, 0, 0, time.UTC)

func (e *example) measuresWorkbook(t testing.TB) []byte {
	t.Helper()
	w := &spreadsheet.MeasuresWorkbook{Site: e.site, Measures: measureStates(), Statuses: measureStatuses, Label: measureLabel, Day: measuresDay, Text: e.text}
	b, err := w.Export()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (e *example) measuresImport() *spreadsheet.MeasuresImport {
	return &spreadsheet.MeasuresImport{Site: e.site, Measures: measureStates(), Statuses: measureStatuses, Label: measureLabel, Today: measuresDay, Text: e.text}
}

// fillMeasures reports as an office does: the first measure done, with a
// date typed as a date; the second only news, over two lines; the third
// unchanged.
func fillMeasures(t testing.TB, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.SetCellValue("Maßnahmen", "F2", "Umgesetzt")
	f.SetCellValue("Maßnahmen", "G2", 100)
	f.SetCellValue("Maßnahmen", "H2", time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC))
	f.SetCellValue("Maßnahmen", "I2", "Der letzte Termin hatte 18 Gäste.")
	f.SetCellValue("Maßnahmen", "I3", "Der Entwurf liegt vor.\nDer Rat berät im Januar.")
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

var wantMeasureUpdates = []spreadsheet.MeasureUpdate{
	{ID: "sprachcafe", Date: time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC), Status: "done", Progress: intp(100), Text: "Der letzte Termin hatte 18 Gäste.", Changes: "in_progress → done, 40 → 100 %"},
	{ID: "leitbild", Date: measuresDay, Status: "planned", Text: "Der Entwurf liegt vor.\nDer Rat berät im Januar."},
}

// TestMeasuresRoundTrip: what an office fills in comes back as exactly
// the updates it meant, and the export is the same bytes every time.
func TestMeasuresRoundTrip(t *testing.T) {
	e := loadExample(t)
	data := e.measuresWorkbook(t)
	if !bytes.Equal(data, e.measuresWorkbook(t)) {
		t.Error("two exports differ")
	}
	if errs := spreadsheet.Check("x.xlsx", data); errs.Len() > 0 {
		t.Errorf("the import's check refuses the export: %v", errs.Err())
	}
	got, errs := e.measuresImport().ReadMeasures("massnahmen.xlsx", fillMeasures(t, data))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	if !reflect.DeepEqual(got, wantMeasureUpdates) {
		t.Errorf("updates\n%+v\nwant\n%+v", got, wantMeasureUpdates)
	}
	unchanged, errs := e.measuresImport().ReadMeasures("massnahmen.xlsx", data)
	if errs.HasErrors() || len(unchanged) != 0 {
		t.Errorf("an unchanged workbook gives %v %v", unchanged, errs.Err())
	}
	checkMeasuresWorkbook(t, data, true)
}

// checkMeasuresWorkbook checks what Excel and LibreOffice rely on: the
// status drop-down points at the hidden list, progress takes whole numbers
// from 0 to 100, only the columns to fill in are unlocked, the sheet is
// protected.
func checkMeasuresWorkbook(t *testing.T, data []byte, panes bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); !reflect.DeepEqual(sheets, []string{"Anleitung", "Maßnahmen", "Listen", "Ausgangsstand"}) {
		t.Errorf("sheets %q", sheets)
	}
	for _, hidden := range []string{"Listen", "Ausgangsstand"} {
		if v, _ := f.GetSheetVisible(hidden); v {
			t.Errorf("the sheet %s is visible", hidden)
		}
	}
	list, _ := f.GetRows("Listen")
	var labels []string
	for _, r := range list {
		labels = append(labels, r[0])
	}
	if want := []string{"geplant", "in Arbeit", "umgesetzt", "verzögert", "eingestellt"}; !reflect.DeepEqual(labels, want) {
		t.Errorf("list %q, want %q", labels, want)
	}
	dvs, err := f.GetDataValidations("Maßnahmen")
	if err != nil || len(dvs) != 2 {
		t.Fatalf("validations %v %v", dvs, err)
	}
	var status, progress *excelize.DataValidation
	for _, dv := range dvs {
		switch {
		case strings.HasPrefix(dv.Sqref, "F2:F"):
			status = dv
		case strings.HasPrefix(dv.Sqref, "G2:G"):
			progress = dv
		}
	}
	if status == nil || status.Type != "list" || !strings.Contains(strings.ReplaceAll(status.Formula1, "$", ""), "Listen!A1:A5") {
		t.Errorf("status validation %+v", status)
	}
	if progress == nil || progress.Type != "whole" || progress.Operator != "between" || progress.Formula1 != "0" || progress.Formula2 != "100" {
		t.Errorf("progress validation %+v", progress)
	}
	for col, locked := range map[string]bool{"A": true, "B": true, "C": true, "D": true, "E": true, "F": false, "G": false, "H": false, "I": false} {
		id, _ := f.GetCellStyle("Maßnahmen", col+"3")
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if isLocked := st.Protection == nil || st.Protection.Locked; isLocked != locked {
			t.Errorf("column %s locked = %v, want %v", col, isLocked, locked)
		}
	}
	if !sheetProtected(t, data, 2) {
		t.Error("the measures sheet is not protected")
	}
	if panes {
		if p, err := f.GetPanes("Maßnahmen"); err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("panes %+v %v", p, err)
		}
	}
}

// TestMeasuresLibreOffice re-saves a filled-in measures workbook with
// LibreOffice, as a town hall without Excel does: the same updates come
// back, and the drop-down, the range of progress and the locked columns
// survive.
func TestMeasuresLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice is not installed; .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("soffice is not installed")
	}
	e := loadExample(t)
	data := fillMeasures(t, e.measuresWorkbook(t))
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "massnahmen.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	saved, err := os.ReadFile(filepath.Join(out, "massnahmen.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(saved, data) {
		t.Fatal("LibreOffice did not write the file anew")
	}
	got, errs := e.measuresImport().ReadMeasures("massnahmen.xlsx", saved)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	if !reflect.DeepEqual(got, wantMeasureUpdates) {
		t.Errorf("updates after LibreOffice\n%+v\nwant\n%+v", got, wantMeasureUpdates)
	}
	checkMeasuresWorkbook(t, saved, false)
}
