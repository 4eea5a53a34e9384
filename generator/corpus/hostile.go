package corpus

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"strings"
)

// Zip bombs for the limits of the workbook import; testdata/hostile/README.md
// lists them. They are made in memory in a second, so no megabytes are
// committed.

// SharedStringsBomb returns the workbook wb with a shared strings table of
// about size bytes: the attack of a 1 MB workbook that unzips to 1 GiB.
func SharedStringsBomb(wb []byte, size int64) ([]byte, error) {
	return ZipBomb(wb, "xl/sharedStrings.xml",
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
		`<si><t>x</t></si>`, `</sst>`, size)
}

// SheetBomb returns the workbook wb with the worksheet part (such as
// "xl/worksheets/sheet2.xml") replaced by one of about size bytes of
// rows; excelize writes a sheet over its XML limit to a temporary file.
func SheetBomb(wb []byte, part string, size int64) ([]byte, error) {
	return ZipBomb(wb, part,
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
		`<row><c><v>1</v></c></row>`, `</sheetData></worksheet>`, size)
}

// ZipBomb returns the zip archive zipData with the part name replaced by,
// or added as, head + unit repeated + tail, about size bytes in all. The
// repeated units are deflated once, in a piece of 1 MiB that is written
// again and again: a deflate stream may be cut after a flush, so the
// pieces join into one valid stream. The zip directory states the true
// size and checksum; the archive is what a real attacker would send.
func ZipBomb(zipData []byte, name, head, unit, tail string, size int64) ([]byte, error) {
	r, err := zip.NewReader(bytes.NewReader(zipData), int64(len(zipData)))
	if err != nil {
		return nil, err
	}
	chunk := strings.Repeat(unit, max(1, (1<<20)/len(unit)))
	n := max(1, (size-int64(len(head)+len(tail)))/int64(len(chunk)))
	h, c, t := deflate(head, false), deflate(chunk, false), deflate(tail, true)
	crc := crc32.ChecksumIEEE([]byte(head))
	cb := []byte(chunk)
	for range n {
		crc = crc32.Update(crc, crc32.IEEETable, cb)
	}
	crc = crc32.Update(crc, crc32.IEEETable, []byte(tail))

	var out bytes.Buffer
	w := zip.NewWriter(&out)
	for _, f := range r.File {
		if f.Name == name {
			continue
		}
		if err := w.Copy(f); err != nil {
			return nil, err
		}
	}
	fw, err := w.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(len(h) + int(n)*len(c) + len(t)),
		UncompressedSize64: uint64(len(head)) + uint64(n)*uint64(len(chunk)) + uint64(len(tail)),
	})
	if err != nil {
		return nil, err
	}
	fw.Write(h)
	for range n {
		fw.Write(c)
	}
	fw.Write(t)
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("zip bomb: %w", err)
	}
	return out.Bytes(), nil
}

// deflate compresses s as a piece of a deflate stream; the last piece is
// final.
func deflate(s string, final bool) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write([]byte(s))
	if final {
		w.Close()
	} else {
		w.Flush()
	}
	return b.Bytes()
}
