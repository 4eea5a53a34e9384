package spreadsheet_test

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// mutateSheet rewrites one part of a workbook's zip with the fuzzer's bytes
// spliced into it, so that the fuzzer reaches excelize's XML and our cell
// reading instead of failing at the zip.
func mutateSheet(wb []byte, part uint8, at uint16, insert []byte) []byte {
	r, err := zip.NewReader(bytes.NewReader(wb), int64(len(wb)))
	if err != nil {
		return wb
	}
	var out bytes.Buffer
	w := zip.NewWriter(&out)
	target := int(part) % len(r.File)
	for i, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			return wb
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if i == target {
			p := int(at) % (len(data) + 1)
			data = append(append(append([]byte{}, data[:p]...), insert...), data[p:]...)
		}
		fw, _ := w.Create(f.Name)
		fw.Write(data)
	}
	w.Close()
	return out.Bytes()
}

// FuzzImportRound reads mutated workbooks: it must never panic, and every
// problem it reports names the file.
func FuzzImportRound(f *testing.F) {
	e := loadExample(f)
	r := e.model.Round("2024")
	wb := fill(f, e.workbook(f, "2024", e.model.Round("2021")), e.model.Instrument, r)
	f.Add(uint8(0), uint16(0), []byte{})
	f.Add(uint8(5), uint16(300), []byte(`<c r="D3" t="s"><v>999</v></c>`))
	f.Add(uint8(7), uint16(120), []byte(`<row r="2"><c r="A2" t="inlineStr"><is><t>MS-01</t></is></c></row>`))
	f.Add(uint8(3), uint16(50), []byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, part uint8, at uint16, insert []byte) {
		data := mutateSheet(wb, part, at, insert)
		_, errs := e.importer("2024").ReadRound("runde.xlsx", data)
		for _, p := range errs.Problems() {
			if p.Pos.Path != "runde.xlsx" || p.Msg == "" {
				t.Errorf("a problem without position: %v", p)
			}
		}
	})
}
