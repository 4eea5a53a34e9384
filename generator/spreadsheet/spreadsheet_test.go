package spreadsheet_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/selfcheck"
	"offenbar/generator/site"
	"offenbar/generator/sitetest"
	"offenbar/generator/spreadsheet"
)

type example struct {
	model *selfcheck.Model
	text  spreadsheet.Text
	site  spreadsheet.Site
}

func loadExample(t testing.TB) *example {
	t.Helper()
	src := os.DirFS("../..")
	cfg, lang, errs := site.Texts(src, site.Options{})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	m, errs := selfcheck.Load(src)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	return &example{model: m, text: lang.Func(), site: spreadsheet.Site{URL: cfg.BaseURL, Municipality: cfg.Publisher()}}
}

var day = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func (e *example) workbook(t testing.TB, id string, prev *selfcheck.Round) []byte {
	t.Helper()
	w := &spreadsheet.RoundWorkbook{Site: e.site, Instrument: e.model.Instrument, ID: id, Previous: prev, Skipped: "übersprungen", Day: day, Text: e.text}
	b, err := w.Export()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func (e *example) importer(id string) *spreadsheet.Import {
	return &spreadsheet.Import{Site: e.site, Instrument: e.model.Instrument, ID: id, Skipped: "übersprungen", Text: e.text}
}

// fill answers every question of a workbook as round r did: labels, points
// as numbers, the skipped label in capitals, as people and Excel write them.
func fill(t testing.TB, data []byte, in *selfcheck.Instrument, r *selfcheck.Round) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	i := 0
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for n, row := range rows {
			if n == 0 || len(row) == 0 || in.Question(row[0]) == nil {
				continue
			}
			a := r.Answers[row[0]]
			at := "D" + strconv.Itoa(n+1)
			switch {
			case a.Skipped:
				f.SetCellValue(sheet, at, "ÜBERSPRUNGEN")
			case i%2 == 0:
				f.SetCellValue(sheet, at, in.Label(a.Points))
			default:
				f.SetCellValue(sheet, at, a.Points) // a number, as a pasted 2
			}
			i++
			if a.Comment != "" {
				f.SetCellValue(sheet, "E"+strconv.Itoa(n+1), a.Comment)
			}
		}
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRoundTrip: export a workbook, fill in every answer of the example's
// 2024 round, import it: the round file is byte for byte the one written
// by hand.
func TestRoundTrip(t *testing.T) {
	e := loadExample(t)
	r2024 := e.model.Round("2024")
	data := fill(t, e.workbook(t, "2024", e.model.Round("2021")), e.model.Instrument, r2024)
	answers, errs := e.importer("2024").ReadRound("runde-2024.xlsx", data)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	got := spreadsheet.ReplaceAnswers(r2024.Doc.Src, spreadsheet.AnswersTOML(e.model.Instrument, answers))
	if !bytes.Equal(got, r2024.Doc.Src) {
		t.Errorf("the imported round differs from 2024.toml:\n%s", sitetest.FirstDiff(string(got), string(r2024.Doc.Src)))
	}
	if c := spreadsheet.Changes(e.model.Instrument, r2024, answers, "übersprungen"); len(c) != 0 {
		t.Errorf("changes reported for the same answers: %q", c)
	}
}

// TestInstrumentRoundTrip: the example's questionnaire, exported and read
// back, is the same model as instrument.toml.
func TestInstrumentRoundTrip(t *testing.T) {
	e := loadExample(t)
	w := &spreadsheet.InstrumentWorkbook{Site: e.site, Instrument: e.model.Instrument, Day: day, Text: e.text}
	data, err := w.Export()
	if err != nil {
		t.Fatal(err)
	}
	src, errs := e.importer("").ReadInstrument("fragebogen.xlsx", data)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	m, errs := selfcheck.Load(fstest.MapFS{"content/selfcheck/instrument.toml": {Data: src}})
	if errs.HasErrors() {
		t.Fatalf("%v\n%s", errs.Err(), src)
	}
	a, b := e.model.Instrument, m.Instrument
	if a.Title != b.Title || a.Description != b.Description || a.Source != b.Source || a.SkippedLabel != b.SkippedLabel || !reflect.DeepEqual(a.Scale, b.Scale) {
		t.Errorf("head differs: %q %q", a.Title, b.Title)
	}
	if len(a.Fields) != len(b.Fields) || len(a.Questions) != len(b.Questions) {
		t.Fatalf("%d fields, %d questions; want %d, %d", len(b.Fields), len(b.Questions), len(a.Fields), len(a.Questions))
	}
	for i, f := range a.Fields {
		g := b.Fields[i]
		if f.Slug != g.Slug || f.Title != g.Title || f.Short != g.Short || f.Description != g.Description || len(f.Topics) != len(g.Topics) {
			t.Errorf("field %s differs", f.Slug)
		}
		for j, tp := range f.Topics {
			if tp.Slug != g.Topics[j].Slug || tp.Title != g.Topics[j].Title {
				t.Errorf("topic %s differs", tp.Slug)
			}
		}
	}
	for i, q := range a.Questions {
		p := b.Questions[i]
		if q.ID != p.ID || q.Text != p.Text || q.Topic != p.Topic || q.Field.Slug != p.Field.Slug {
			t.Errorf("question %s differs: %+v", q.ID, p)
		}
	}
}

// TestCSV: the same answers as a CSV file, as German Excel saves it
// (semicolons, BOM), give the same round.
func TestCSV(t *testing.T) {
	e := loadExample(t)
	r := e.model.Round("2024")
	var b strings.Builder
	b.WriteString("\ufeffID;Thema;Frage;Antwort;Kommentar\r\n")
	for _, q := range e.model.Instrument.Questions {
		a := r.Answers[q.ID]
		v := e.model.Instrument.Label(a.Points)
		if a.Skipped {
			v = "übersprungen"
		}
		b.WriteString(q.ID + ";;\"" + strings.ReplaceAll(q.Text, `"`, `""`) + "\";" + v + ";\"" + strings.ReplaceAll(a.Comment, `"`, `""`) + "\"\r\n")
	}
	answers, errs := e.importer("2024").ReadRound("runde.csv", []byte(b.String()))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	if c := spreadsheet.Changes(e.model.Instrument, r, answers, "übersprungen"); len(c) != 0 {
		t.Errorf("the CSV gives other answers: %q", c)
	}
	bad := strings.Replace(b.String(), "MS-02;;", "MS-99;;", 1)
	_, errs = e.importer("2024").ReadRound("runde.csv", []byte(bad))
	want := `runde.csv: question "MS-02" is missing: add a row with its ID, or export a new workbook
runde.csv:3:1: unknown question ID "MS-99": the questionnaire has no such question`
	if got := errs.Err().Error(); got != want {
		t.Errorf("CSV errors:\n%s\nwant:\n%s", got, want)
	}
}

// TestExportIsReproducible: the same input gives the same bytes.
func TestExportIsReproducible(t *testing.T) {
	e := loadExample(t)
	a, b := e.workbook(t, "2027", e.model.Latest()), e.workbook(t, "2027", e.model.Latest())
	if !bytes.Equal(a, b) {
		t.Error("two exports differ")
	}
}

// TestWorkbook checks what Excel and LibreOffice rely on: the drop-down
// points at the hidden list, which holds every label and the skipped one;
// only the answer and comment columns are unlocked; the sheet is protected;
// the header row is frozen.
func TestWorkbook(t *testing.T) {
	e := loadExample(t)
	checkWorkbook(t, e, e.workbook(t, "2027", e.model.Latest()), true)
}

func checkWorkbook(t *testing.T, e *example, data []byte, panes bool) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if want := 2 + len(e.model.Instrument.Fields); len(sheets) != want {
		t.Fatalf("sheets %q, want %d", sheets, want)
	}
	if v, _ := f.GetSheetVisible("Listen"); v {
		t.Error("the list sheet is visible")
	}
	list, _ := f.GetRows("Listen")
	var labels []string
	for _, r := range list {
		labels = append(labels, r[0])
	}
	want := []string{"trifft nicht zu", "trifft eher nicht zu", "trifft eher zu", "trifft voll zu", "übersprungen"}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("list %q, want %q", labels, want)
	}
	field := sheets[2]
	dvs, err := f.GetDataValidations(field)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("validations %v %v", dvs, err)
	}
	// excelize gives &quot; back inside lists that LibreOffice wrote.
	formula := strings.ReplaceAll(strings.ReplaceAll(dvs[0].Formula1, "&quot;", `"`), "$", "")
	if !strings.Contains(formula, "Listen!A1:A5") || dvs[0].Type != "list" || !strings.HasPrefix(dvs[0].Sqref, "D2:D") {
		t.Errorf("validation %+v", dvs[0])
	}
	for col, locked := range map[string]bool{"A": true, "B": true, "C": true, "D": false, "E": false, "F": true} {
		id, _ := f.GetCellStyle(field, col+"3")
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		isLocked := st.Protection == nil || st.Protection.Locked
		if isLocked != locked {
			t.Errorf("column %s locked = %v, want %v", col, isLocked, locked)
		}
	}
	if !sheetProtected(t, data, 3) {
		t.Error("the field sheets are not protected")
	}
	if panes {
		p, err := f.GetPanes(field)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("panes %+v %v", p, err)
		}
	}
}

// sheetProtected reads sheetN.xml and looks for its protection element,
// which excelize does not return.
func sheetProtected(t *testing.T, data []byte, n int) bool {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	raw, ok := f.Pkg.Load("xl/worksheets/sheet" + strconv.Itoa(n) + ".xml")
	return ok && bytes.Contains(raw.([]byte), []byte("<sheetProtection"))
}

// TestLibreOffice re-saves a filled-in workbook with LibreOffice, as a town
// hall without Excel does, and imports the result: the values, the
// drop-down and the locked columns survive. (A headless save drops the
// frozen pane, so that is not checked here.)
func TestLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice is not installed; .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("soffice is not installed")
	}
	e := loadExample(t)
	r := e.model.Round("2024")
	data := fill(t, e.workbook(t, "2024", e.model.Round("2021")), e.model.Instrument, r)
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "runde.xlsx")
	os.MkdirAll(filepath.Dir(in), 0o755)
	if err := os.WriteFile(in, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// Each run gets its own profile, so that runs never share a lock.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", "xlsx", "--outdir", out, in)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	saved, err := os.ReadFile(filepath.Join(out, "runde.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(saved, data) {
		t.Fatal("LibreOffice did not write the file anew")
	}
	answers, errs := e.importer("2024").ReadRound("runde.xlsx", saved)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	if c := spreadsheet.Changes(e.model.Instrument, r, answers, "übersprungen"); len(c) != 0 {
		t.Errorf("answers changed in LibreOffice: %q", c)
	}
	checkWorkbook(t, e, saved, false)
}

// BenchmarkExport writes the workbook of a round of the example's 108
// questions.
func BenchmarkExport(b *testing.B) {
	e := loadExample(b)
	for b.Loop() {
		e.workbook(b, "2027", e.model.Latest())
	}
}

// BenchmarkImport reads a filled-in workbook of 108 answers and writes the
// [answers] table.
func BenchmarkImport(b *testing.B) {
	e := loadExample(b)
	r := e.model.Round("2024")
	data := fill(b, e.workbook(b, "2024", e.model.Round("2021")), e.model.Instrument, r)
	for b.Loop() {
		answers, errs := e.importer("2024").ReadRound("runde.xlsx", data)
		if errs.HasErrors() {
			b.Fatal(errs.Err())
		}
		spreadsheet.ReplaceAnswers(r.Doc.Src, spreadsheet.AnswersTOML(e.model.Instrument, answers))
	}
}
