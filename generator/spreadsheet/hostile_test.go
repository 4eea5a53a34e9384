package spreadsheet_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/corpus"
	"offenbar/generator/diag"
	"offenbar/generator/spreadsheet"
)

var hostileDir = flag.String("hostile", "", "write the hostile workbooks and CSV files into this folder (see testdata/hostile/README.md)")

// hostileInput is one attack on the import, made in code.
type hostileInput struct {
	file string
	make func(t testing.TB, e *example) []byte
	want string // the problems, one a line
}

var hostileInputs = []hostileInput{
	{"shared-strings-1gib.xlsx", func(t testing.TB, e *example) []byte {
		return must(t)(corpus.SharedStringsBomb(filled(t, e), 1<<30))
	}, "runde.xlsx: the workbook unpacks to more than 16 MB, the limit for an import: save it again in Excel or LibreOffice, without pictures or other sheets"},
	{"sheet-2gib.xlsx", func(t testing.TB, e *example) []byte {
		return must(t)(corpus.SheetBomb(filled(t, e), "xl/worksheets/sheet2.xml", 2<<30))
	}, "runde.xlsx: the workbook unpacks to more than 16 MB, the limit for an import: save it again in Excel or LibreOffice, without pictures or other sheets"},
	{"rows-beyond-limit.xlsx", func(t testing.TB, e *example) []byte {
		return addCell(t, filled(t, e), "Steuerung", 1048576, "A1048576")
	}, "runde.xlsx:Steuerung: the sheet has rows beyond row 10000, the limit for an import: delete the rows below the table"},
	{"column-beyond-limit.xlsx", func(t testing.TB, e *example) []byte {
		return addCell(t, filled(t, e), "Steuerung", 500, "XFD500")
	}, "runde.xlsx:Steuerung: the sheet has a cell at XFD500, beyond the 10000 rows and 200 columns an import reads: delete what lies outside the table"},
	{"formulas.xlsx", func(t testing.TB, e *example) []byte {
		return edit(t, filled(t, e), func(f *excelize.File) {
			// A cached value that is a valid answer, and a formula
			// without one; both are refused.
			f.SetCellValue("Steuerung", "D3", "trifft voll zu")
			f.SetCellFormula("Steuerung", "D3", `"trifft voll zu"`)
			f.SetCellFormula("Steuerung", "E4", `HYPERLINK("http://evil.example","x")`)
			f.SetCellFormula("Listen", "A1", `cmd|' /C calc'!A0`)
		})
	}, `runde.xlsx:Listen!A1: the cell holds a formula; the import takes values only: type the value, or copy the cells and paste them as values only
runde.xlsx:Steuerung!D3: the cell holds a formula; the import takes values only: type the value, or copy the cells and paste them as values only
runde.xlsx:Steuerung!E4: the cell holds a formula; the import takes values only: type the value, or copy the cells and paste them as values only`},
	{"million-rows.csv", func(t testing.TB, e *example) []byte {
		var b bytes.Buffer
		b.WriteString("ID,Thema,Frage,Antwort,Kommentar\n")
		for range 1000000 {
			b.WriteString("X,,,7\n")
		}
		return b.Bytes()
	}, "runde.csv:10001:1: the file has more than 10000 rows, the limit for an import: delete the rows below the table"},
}

func must(t testing.TB) func([]byte, error) []byte {
	return func(b []byte, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
}

func filled(t testing.TB, e *example) []byte {
	return fill(t, e.workbook(t, "2024", e.model.Round("2021")), e.model.Instrument, e.model.Round("2024"))
}

// addCell adds a row with one cell to a sheet in the workbook's XML: excelize
// would fill a million rows in memory to write it.
func addCell(t testing.TB, data []byte, sheet string, row int, ref string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		for _, f := range z.File {
			if f.Name == name {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				return string(b)
			}
		}
		t.Fatalf("no %s", name)
		return ""
	}
	id := regexp.MustCompile(`<sheet name="` + sheet + `" sheetId="\d+" r:id="(\w+)"`).FindStringSubmatch(read("xl/workbook.xml"))
	target := regexp.MustCompile(`Id="` + id[1] + `" Target="([^"]+)"`).FindStringSubmatch(read("xl/_rels/workbook.xml.rels"))
	part := "xl/" + target[1]
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range z.File {
		fw, _ := w.Create(f.Name)
		b := read(f.Name)
		if f.Name == part {
			b = strings.Replace(b, "</sheetData>", fmt.Sprintf(`<row r="%d"><c r="%s" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`, row, ref), 1)
		}
		fw.Write([]byte(b))
	}
	w.Close()
	return out.Bytes()
}

func edit(t testing.TB, data []byte, change func(*excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	change(f)
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestHostileImports: each attack is refused with its message, and the
// import allocates little while refusing it (the attacks took up to 4.2 GB
// before the limits). The deadline of the test run guards the time.
func TestHostileImports(t *testing.T) {
	e := loadExample(t)
	for _, h := range hostileInputs {
		t.Run(h.file, func(t *testing.T) {
			data := h.make(t, e)
			if len(data) > spreadsheet.MaxFile {
				t.Fatalf("the attack is %d bytes, more than the file limit: it tests the wrong limit", len(data))
			}
			name := "runde" + filepath.Ext(h.file)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, errs := e.importer("2024").ReadRound(name, data)
			runtime.ReadMemStats(&after)
			var got []string
			for _, p := range errs.Problems() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != h.want {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), h.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
				t.Errorf("the import allocated %d MB to refuse a %d KB file", alloc>>20, len(data)>>10)
			}
		})
	}
}

// TestWriteHostile writes the hostile inputs into the folder -hostile
// names, for measuring a command on them:
//
//	go test ./generator/spreadsheet -run TestWriteHostile -hostile /tmp/hostile-sheets
func TestWriteHostile(t *testing.T) {
	if *hostileDir == "" {
		t.Skip("no -hostile folder")
	}
	e := loadExample(t)
	for _, h := range hostileInputs {
		if err := os.WriteFile(filepath.Join(*hostileDir, h.file), h.make(t, e), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestFormulaCheckPositions: a formula on a sheet named with quotes is
// named at its cell.
func TestFormulaCheckPositions(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Bürger's Blatt")
	f.SetCellFormula("Bürger's Blatt", "C7", "1+1")
	b, _ := f.WriteToBuffer()
	errs := spreadsheet.Check("x.xlsx", b.Bytes())
	ps := errs.Problems()
	if len(ps) != 1 || ps[0].Pos != diag.Cell("x.xlsx", "Bürger's Blatt", 0, 7, 3) {
		t.Errorf("problems %v", ps)
	}
}

// TestExportWritesNoFormulas: a question text that looks like a formula is
// written into the workbook to fill in as a string, and the import takes
// the workbook back.
func TestExportWritesNoFormulas(t *testing.T) {
	e := loadExample(t)
	e.model.Instrument.Questions[0].Text = `=HYPERLINK("http://evil.example","x")`
	e.model.Instrument.Questions[1].Text = "@SUM(1+1)*cmd|' /C calc'!A0"
	data := e.workbook(t, "2024", e.model.Round("2021"))
	if errs := spreadsheet.Check("x.xlsx", data); errs.Len() > 0 {
		t.Errorf("the import's check refuses the export: %v", errs.Err())
	}
	z, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	for _, f := range z.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if regexp.MustCompile(`<f[ >]`).Match(b) {
			t.Errorf("%s has a formula", f.Name)
		}
	}
}
