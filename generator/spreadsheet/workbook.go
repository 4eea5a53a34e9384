package spreadsheet

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/diag"
	"offenbar/generator/selfcheck"
)

// Text returns the UI text for key in the site's language, with {0}, {1} …
// filled in.
type Text func(key string, args ...any) string

// The custom properties by which an import recognises a workbook.
const (
	propKind       = "offenbar-kind" // "round" or "instrument"
	propSite       = "offenbar-site" // the site's base URL
	propInstrument = "offenbar-instrument"
	propRound      = "offenbar-round"
)

// Site is what a workbook says about the site it belongs to.
type Site struct {
	URL          string // base URL
	Municipality string
}

// Fingerprint identifies an instrument by its fields, questions and scale
// points, which is what the answers of a round refer to. Texts may change
// without changing it.
func Fingerprint(in *selfcheck.Instrument) string {
	h := sha256.New()
	for _, o := range in.Scale {
		fmt.Fprintf(h, "p %d\n", o.Points)
	}
	for _, f := range in.Fields {
		fmt.Fprintf(h, "f %s\n", f.Slug)
		for _, q := range f.Questions {
			fmt.Fprintf(h, "q %s\n", q.ID)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// sheetNames gives every field a sheet name: its short title, without the
// characters Excel forbids, at most 31 characters, and unique.
func sheetNames(in *selfcheck.Instrument, reserved ...string) []string {
	used := map[string]bool{}
	for _, r := range reserved {
		used[strings.ToLower(r)] = true
	}
	var names []string
	for _, f := range in.Fields {
		base := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`[]:*?/\`, r) {
				return '-'
			}
			return r
		}, f.ShortTitle())
		base = strings.Trim(base, "' ")
		if base == "" {
			base = f.Slug
		}
		name := truncate(base, 31)
		for i := 2; used[strings.ToLower(name)]; i++ {
			suffix := fmt.Sprintf(" (%d)", i)
			name = truncate(base, 31-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		names = append(names, name)
	}
	return names
}

func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// fixedTime is the creation time written into a workbook, so that the same
// input gives the same bytes.
func fixedTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// open reads a workbook, or says why it is none.
func open(path string, data []byte) (*excelize.File, diag.List) {
	var errs diag.List
	switch {
	case bytes.HasPrefix(data, []byte("\xD0\xCF\x11\xE0")):
		errs.Errorf(diag.Pos{Path: path}, "the file is password-protected or an old Excel 97–2003 workbook: save it without a password, as an Excel workbook (.xlsx)")
		return nil, errs
	case !bytes.HasPrefix(data, []byte("PK")):
		errs.Errorf(diag.Pos{Path: path}, "the file is not an Excel workbook (.xlsx): save it as one, or export a CSV file")
		return nil, errs
	}
	if errs = Check(path, data); errs.HasErrors() {
		return nil, errs
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), limited(excelize.Options{RawCellValue: true}))
	if err != nil {
		errs.Errorf(diag.Pos{Path: path}, "the file is not a readable Excel workbook (%v): save it again as .xlsx", err)
		return nil, errs
	}
	return f, errs
}

// props returns the workbook's custom properties.
func props(f *excelize.File) map[string]string {
	m := map[string]string{}
	ps, _ := f.GetCustomProps()
	for _, p := range ps {
		m[p.Name] = fmt.Sprint(p.Value)
	}
	return m
}

// cell names a cell by column and row, both from 1.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// styles are the cell styles of a workbook to fill in.
type styles struct {
	header, locked, wrapped, open, openWrapped int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrap := &excelize.Alignment{Vertical: "top", WrapText: true}
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}}, Alignment: wrap, Protection: &excelize.Protection{Locked: true}})
	s.locked = mk(&excelize.Style{Alignment: top, Protection: &excelize.Protection{Locked: true}})
	s.wrapped = mk(&excelize.Style{Alignment: wrap, Protection: &excelize.Protection{Locked: true}})
	s.open = mk(&excelize.Style{Alignment: top, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8D6"}}, Protection: &excelize.Protection{Locked: false}})
	s.openWrapped = mk(&excelize.Style{Alignment: wrap, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF8D6"}}, Protection: &excelize.Protection{Locked: false}})
	return s, err
}

// instructions writes a sheet of instructions, one paragraph a row.
// newWorkbook starts a workbook with its styles and a first sheet of
// instructions: title and paragraphs, in the site's language.
func newWorkbook(t Text, title string, paragraphs []string) (*excelize.File, styles, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err == nil {
		intro := t("xlsx_sheet_instructions")
		if err = f.SetSheetName("Sheet1", intro); err == nil {
			err = instructions(f, intro, title, paragraphs, st)
		}
	}
	if err != nil {
		f.Close()
		return nil, st, err
	}
	return f, st, nil
}

func instructions(f *excelize.File, sheet string, title string, paragraphs []string, st styles) error {
	if err := f.SetCellValue(sheet, "A1", title); err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", "A1", st.header)
	for i, p := range paragraphs {
		f.SetCellValue(sheet, cell(1, i+3), p)
		f.SetCellStyle(sheet, cell(1, i+3), cell(1, i+3), st.wrapped)
		f.SetRowHeight(sheet, i+3, float64(15*wrappedLines(p, 90)+6))
	}
	printable(f, sheet)
	return f.SetColWidth(sheet, "A", "A", 100)
}

// protect locks a sheet without a password: it guards against slips, not
// against anyone.
func protect(f *excelize.File, sheet string) error {
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true})
}

// printable makes a sheet print as a meeting hands it out: landscape, A4,
// as wide as the page, the header row on every page.
func printable(f *excelize.File, sheet string) {
	landscape, a4, one, any := "landscape", 9, 1, 0
	yes := true
	f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes})
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &any})
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$1:$1", Scope: sheet})
}

// buffer writes a workbook into bytes.
func buffer(f *excelize.File) ([]byte, error) {
	b, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// limited adds the limits on unzipped size to opts; as the limit for XML
// in memory is the limit for all of it, excelize writes no temporary files.
func limited(opts excelize.Options) excelize.Options {
	opts.UnzipSizeLimit, opts.UnzipXMLSizeLimit = MaxUnzipped, MaxUnzipped
	return opts
}

// WorkbookRound returns the round a workbook was made for, or "". A
// workbook that Check refuses names none.
func WorkbookRound(data []byte) string {
	if errs := Check("", data); errs.HasErrors() {
		return ""
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), limited(excelize.Options{}))
	if err != nil {
		return ""
	}
	defer f.Close()
	if p := props(f); p[propKind] == "round" {
		return p[propRound]
	}
	return ""
}
