// Package document removes personal metadata from the documents a site
// publishes as they are: PDF, Word (.docx), Excel (.xlsx), PowerPoint
// (.pptx) and OpenDocument (.odt, .ods, .odp) files.
//
// Office programs write the author, the last editor, the company, the
// printing date and the template's path into every file. Strip removes:
//
//   - of a PDF, every entry of the document information dictionary except
//     the title, subject and keywords, and the XMP metadata stream of the
//     document catalog (github.com/pdfcpu/pdfcpu reads and writes the file);
//   - of an Office Open XML file, the core properties (docProps/core.xml)
//     but their title, subject, keywords and language; the extended ones
//     (docProps/app.xml, with company and manager); the custom ones;
//   - of an OpenDocument file, meta.xml but its title, subject, keywords
//     and language.
//
// Everything else of the file is kept byte for byte, so that the document
// looks and reads as before. Names in comments and tracked changes inside
// the text stay: the editor must remove them in the program. Where a file
// cannot be read, Strip returns an error and the caller warns and publishes
// the file as it is. The result is the same bytes for the same input.
package document

import (
	"errors"
	"path"
	"strings"
)

// Kind is the kind of document a file name's extension promises, or "".
func Kind(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "pdf"
	case ".docx", ".xlsx", ".pptx":
		return "ooxml"
	case ".odt", ".ods", ".odp":
		return "odf"
	}
	return ""
}

// Settings names the version of what Strip does, for caches.
const Settings = "document v1"

// Strip returns src without personal metadata.
func Strip(name string, src []byte) (out []byte, err error) {
	defer func() {
		// A damaged file must not stop the build: it is published as it
		// is, with a warning.
		if r := recover(); r != nil {
			out, err = nil, errors.New("the file cannot be read")
		}
	}()
	switch Kind(name) {
	case "pdf":
		return stripPDF(src)
	case "ooxml", "odf":
		return stripZip(src, Kind(name))
	}
	return src, nil
}
