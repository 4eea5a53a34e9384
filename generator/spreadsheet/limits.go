package spreadsheet

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/diag"
	"offenbar/generator/sourcefile"
)

// Limits of a file to import. A workbook of a round or of the
// questionnaire is some ten kilobytes and a few hundred rows; the limits
// leave room for far more, and keep a zip bomb from taking the machine's
// memory, time or disk.
const (
	// MaxFile is the size of the file itself, as for every content file.
	MaxFile = sourcefile.MaxSize
	// MaxUnzipped is the size of all parts of a workbook once unzipped.
	// excelize keeps all of it in memory (none in temporary files).
	MaxUnzipped = 16 << 20
	// MaxRows and MaxColumns bound every sheet, and the lines of a CSV.
	MaxRows    = 10000
	MaxColumns = 200
)

// Check looks at a workbook before excelize opens it: its size, the sizes
// its zip directory declares (archive/zip refuses a part that unzips to
// more than it declares), the rows and columns of every sheet, and
// formulas. A cell with a formula is refused, also when it has a cached
// value: the import takes what people typed, and a formula's value may be
// computed from anywhere, even another file.
func Check(file string, data []byte) diag.List {
	if errs := CheckSize(file, int64(len(data))); errs.HasErrors() {
		return errs
	}
	var errs diag.List
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return errs // excelize says what is wrong with it
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > MaxUnzipped || f.UncompressedSize64 > MaxUnzipped {
			errs.Errorf(diag.Pos{Path: file}, "the workbook unpacks to more than %d MB, the limit for an import: save it again in Excel or LibreOffice, without pictures or other sheets", MaxUnzipped>>20)
			return errs
		}
	}
	names, index := sheetParts(z)
	for _, f := range z.File {
		name := strings.ToLower(f.Name)
		sheet, ok := names[name]
		if !ok && !strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		at := diag.Pos{Path: file}
		if ok {
			at = diag.Cell(file, sheet, index[sheet], 0, 0)
		}
		if err := scanSheet(f, at, &errs); err != nil {
			errs.Errorf(at, "the sheet is not readable XML (%v): save the workbook again as .xlsx", err)
		}
	}
	return errs
}

// CheckSize refuses a file of size bytes over MaxFile.
func CheckSize(file string, size int64) diag.List {
	var errs diag.List
	if size > MaxFile {
		errs.Errorf(diag.Pos{Path: file}, "the file is %.1f MB, more than the %d MB an import reads: is it the right file?", float64(size)/(1<<20), MaxFile>>20)
	}
	return errs
}

// sheetParts maps the zip parts of the worksheets, in lower case, to their
// sheet names, and the names to their index in the workbook, as excelize
// finds them: through the workbook's relationships.
func sheetParts(z *zip.Reader) (map[string]string, map[string]int) {
	names, index := map[string]string{}, map[string]int{}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXML(z, "xl/workbook.xml", &wb) != nil || readXML(z, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return names, index
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = strings.ToLower(t)
	}
	for i, s := range wb.Sheets {
		names[target[s.ID]] = s.Name
		index[s.Name] = i
	}
	return names, index
}

// readXML decodes the part name, found in any case, into v.
func readXML(z *zip.Reader, name string, v any) error {
	for _, f := range z.File {
		if strings.EqualFold(f.Name, name) {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(rc).Decode(v)
		}
	}
	return errors.New("no " + name)
}

// scanSheet reads a worksheet's XML as a stream and adds a problem for
// every cell with a formula, and one for a sheet with too many rows or
// columns.
func scanSheet(f *zip.File, at diag.Pos, errs *diag.List) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var ref string // the cell being read
	row := 0       // the row being read
	tooBig := false
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				row++
				if r := attr(t, "r"); r != "" {
					row = atoi(r)
				}
				if row > MaxRows && !tooBig {
					errs.Errorf(at, "the sheet has rows beyond row %d, the limit for an import: delete the rows below the table", MaxRows)
					tooBig = true
				}
			case "c":
				ref = attr(t, "r")
				if ref == "" {
					continue
				}
				col, r, err := excelize.CellNameToCoordinates(ref)
				if err == nil && (col > MaxColumns || r > MaxRows) && !tooBig {
					errs.Errorf(at, "the sheet has a cell at %s, beyond the %d rows and %d columns an import reads: delete what lies outside the table", ref, MaxRows, MaxColumns)
					tooBig = true
				}
			case "f":
				pos := at
				if col, r, err := excelize.CellNameToCoordinates(ref); err == nil && at.Sheet != "" {
					pos.Line, pos.Col = r, col
				}
				errs.Errorf(pos, "the cell holds a formula; the import takes values only: type the value, or copy the cells and paste them as values only")
			}
		case xml.EndElement:
			if t.Name.Local == "c" {
				ref = ""
			}
		}
		if tooBig && errs.Len() > 0 {
			return nil // the sheet is refused anyway
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// atoi reads a row number; anything else is 0.
func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1<<30 {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}
