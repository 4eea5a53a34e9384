package opendata

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// formulaAt returns the first place of a CSV file where Excel or
// LibreOffice could start a formula, and "" when there is none. It reads
// the file as a spreadsheet does that gets it right (RFC 4180, comma), and
// as one that splits it wrongly: at semicolons as German Excel does, at
// tabs, and at every line break, quotes or not. At each cell start, white
// space and quotes are passed over.
func formulaAt(data []byte) string {
	starts := func(s string) bool {
		s = strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		r, _ := utf8.DecodeRuneInString(s)
		return s != "" && formulaStart(r) && r != '\''
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		return "not valid CSV: " + err.Error()
	}
	for i, rec := range recs {
		for j, c := range rec {
			if starts(c) && !numberRE.MatchString(c) {
				return fmt.Sprintf("record %d, cell %d: %q", i+1, j+1, c)
			}
		}
	}
	for i, tok := range wrongSplit.Split(string(data), -1) {
		// A token that is a number and nothing else is one, not a formula.
		if starts(tok) && !numberRE.MatchString(strings.TrimSpace(tok)) {
			return fmt.Sprintf("token %d split at ;, tab or line breaks: %q", i+1, tok)
		}
	}
	return ""
}

// wrongSplit is where a spreadsheet that reads a CSV file wrongly may
// start a cell.
var wrongSplit = regexp.MustCompile(`[;\t\r\n]`)

// hostile are values that open as formulas or DDE commands unless defused.
var hostile = []string{
	`=cmd|' /C calc'!A0`,
	`=HYPERLINK("http://evil.example","x")`,
	`+1+1`, `-2+3+cmd|' /C calc'!A0`, `@SUM(1+1)*cmd|' /C calc'!A0`,
	"\t=1+1", "\r=1+1", " =1+1", `"=1+1"`, "＝1+1",
	"Gut; =1+1", "Zeile\n=1+1", "Zeile\r\n-1", "a\t@x",
	"'=1+1", "''", "'", "-3", "-", "=",
}

// TestCSVFormulas: hostile text in every text a CSV carries, header rows
// included, opens as text, and the JSON keeps it as it is.
func TestCSVFormulas(t *testing.T) {
	p := publication(t, nil, "2021", "2024")
	m := p.Model
	next := 0
	bad := func() string { next++; return hostile[next%len(hostile)] }
	for _, f := range m.Instrument.Fields {
		f.Title = bad()
		for _, tp := range f.Topics {
			tp.Title = bad()
		}
	}
	for _, q := range m.Instrument.Questions {
		q.Text = bad()
	}
	for _, r := range m.Rounds {
		r.Title = bad()
		for _, q := range m.Instrument.Questions {
			if a := r.Answers[q.ID]; a != nil {
				a.Comment = bad()
			}
		}
		for _, res := range r.Fields {
			for _, rec := range res.Recommendations {
				rec.Text, rec.Note = bad(), bad()
			}
		}
	}
	p.Skipped = "-"
	p.Charts = []Chart{{ID: "c", Title: bad(), Category: "=A1", Categories: []string{"+x", "-1"}, Series: []string{"@s", "-3"},
		Values: [][]float64{{-3, 2.5}, {math.NaN(), -0.5}}}}
	fs := files(t, p)
	n := 0
	for name, data := range fs {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		n++
		if at := formulaAt(data); at != "" {
			t.Errorf("%s: a formula at %s", name, at)
		}
	}
	if n < 7 {
		t.Errorf("checked %d CSV files, want all of them", n)
	}
	chart := string(fs[ChartCSV("c")])
	if want := "'=A1,'@s,'-3\n'+x,-3,\n'-1,2.5,-0.5\n"; chart != want {
		t.Errorf("chart CSV:\n%s\nwant:\n%s", chart, want)
	}
	// The JSON is no spreadsheet: it keeps every value as it is.
	js := string(fs[AnswersJSON("2024")])
	r := m.Round("2024")
	for _, a := range r.Answers {
		if c, _ := json.Marshal(a.Comment); a.Comment != "" && !strings.Contains(js, `"comment": `+string(c)) {
			t.Errorf("the JSON does not keep the comment %s as it is", c)
		}
	}
	// The CSV holds the same values, once restored.
	recs, err := csv.NewReader(bytes.NewReader(fs[AnswersCSV("2024")])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, rec := range recs[1:] {
		if a := r.Answers[Restore(rec[1])]; a == nil || Restore(rec[8]) != a.Comment {
			t.Errorf("row %q does not restore to its answer", rec)
		}
	}
}

// TestXLSXHasNoFormulas: a workbook of the open data holds hostile text as
// strings; no cell of it is a formula.
func TestXLSXHasNoFormulas(t *testing.T) {
	p := publication(t, nil, "2024")
	r := p.Model.Round("2024")
	i := 0
	for _, q := range p.Model.Instrument.Questions {
		if a := r.Answers[q.ID]; a != nil {
			a.Comment = hostile[i%len(hostile)]
			q.Text = hostile[(i+1)%len(hostile)]
			i++
		}
	}
	data := files(t, p)[XLSX("2024")]
	noFormulas(t, data)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("xlsx_sheet_answers")
	found := false
	for _, row := range rows {
		found = found || len(row) > 8 && row[8] == hostile[0]
	}
	if !found {
		t.Errorf("the workbook does not hold %q as it is", hostile[0])
	}
}

// noFormulas fails when a worksheet of the workbook has a formula cell.
func noFormulas(t *testing.T, data []byte) {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/") {
			continue
		}
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if m := regexp.MustCompile(`<f[ >]`).Find(b); m != nil {
			t.Errorf("%s has a formula: %s", f.Name, m)
		}
	}
}

// FuzzCSVCell: whatever a text holds, no cell of the CSV opens as a
// formula, the value comes back by Restore, and a number stays a number.
func FuzzCSVCell(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, -3.5)
	}
	f.Add("Zeile;\"=1\"", 0.0)
	f.Add("x\n\"-1", 1e21)
	f.Fuzz(func(t *testing.T, s string, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			v = -1
		}
		n := number(v, true)
		data := writeCSV([][]cell{{str(s), num(n), str(s)}, {str("x"), num(n)}})
		if at := formulaAt(data); at != "" {
			t.Fatalf("%q: a formula at %s in\n%s", s, at, data)
		}
		cr := csv.NewReader(bytes.NewReader(data))
		cr.FieldsPerRecord = -1
		recs, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		// encoding/csv reads \r\n inside quotes as \n.
		want := strings.ReplaceAll(s, "\r\n", "\n")
		if got := Restore(recs[0][0]); got != want {
			t.Errorf("%q comes back as %q", s, got)
		}
		if numberRE.MatchString(n) && (recs[0][1] != n || recs[1][1] != n) {
			t.Errorf("the number %s is written as %q and %q", n, recs[0][1], recs[1][1])
		}
	})
}
