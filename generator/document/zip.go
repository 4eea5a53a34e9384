package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxPart bounds the metadata part read from a zip: real ones have a few
// kilobytes, a bomb has gigabytes.
const maxPart = 1 << 20

// The parts that hold metadata, and what replaces them. Each replacement
// keeps the part valid, so that [Content_Types].xml and the relationships
// that name it still hold.
const (
	corePart   = "docProps/core.xml"
	appPart    = "docProps/app.xml"
	customPart = "docProps/custom.xml"
	metaPart   = "meta.xml"

	appXML    = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>`
	customXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"></Properties>`
)

// stripZip rewrites an OOXML or ODF file with its metadata parts replaced.
// Every other entry is copied as it is, compressed bytes and header alike,
// in the same order: ODF needs its mimetype first and uncompressed.
func stripZip(src []byte, kind string) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		var repl []byte
		switch name := f.Name; {
		case kind == "ooxml" && name == corePart:
			repl, err = keepOnly(f, "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
		case kind == "ooxml" && name == appPart:
			repl = []byte(appXML)
		case kind == "ooxml" && name == customPart:
			repl = []byte(customXML)
		case kind == "odf" && name == metaPart:
			repl, err = keepOnly(f, "document-meta", "urn:oasis:names:tc:opendocument:xmlns:office:1.0")
		default:
			if err := copyRaw(zw, f); err != nil {
				return nil, err
			}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		h := f.FileHeader
		h.Method = zip.Deflate
		h.Extra = nil
		h.Comment = ""
		w, err := zw.CreateHeader(&h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(repl); err != nil {
			return nil, err
		}
	}
	zw.SetComment("")
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func copyRaw(zw *zip.Writer, f *zip.File) error {
	r, err := f.OpenRaw()
	if err != nil {
		return err
	}
	h := f.FileHeader
	w, err := zw.CreateRaw(&h)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

// keptMeta are the elements of core.xml and meta.xml that say what the
// document is, not who made it and when.
var keptMeta = map[string]bool{"title": true, "subject": true, "description": true, "keywords": true, "keyword": true, "language": true}

// keepOnly reads an XML metadata part and writes it anew with only the
// elements of keptMeta, with their namespaces. Of meta.xml, whose
// elements sit in office:meta, the same holds one level down.
func keepOnly(f *zip.File, root, rootNS string) ([]byte, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, errors.New("the metadata part is too large")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxPart))
	type kept struct {
		space, local, text string
	}
	var keep []kept
	var stack []xml.Name
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name)
			text.Reset()
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if d := len(stack); keptMeta[strings.ToLower(t.Name.Local)] && (d == 2 || d == 3 && stack[1].Local == "meta") {
				keep = append(keep, kept{t.Name.Space, t.Name.Local, text.String()})
			}
			stack = stack[:len(stack)-1]
		}
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	prefixes := map[string]string{}
	var decl strings.Builder
	for _, k := range keep {
		if _, ok := prefixes[k.space]; !ok && k.space != "" {
			p := fmt.Sprintf("n%d", len(prefixes))
			prefixes[k.space] = p
			fmt.Fprintf(&decl, ` xmlns:%s="%s"`, p, escape(k.space))
		}
	}
	inner := ""
	if root == "document-meta" {
		b.WriteString(`<office:document-meta xmlns:office="` + rootNS + `" office:version="1.2"` + decl.String() + `><office:meta>`)
		inner = `</office:meta></office:document-meta>`
	} else {
		b.WriteString(`<cp:coreProperties xmlns:cp="` + rootNS + `"` + decl.String() + `>`)
		inner = `</cp:coreProperties>`
	}
	for _, k := range keep {
		name := k.local
		if p := prefixes[k.space]; p != "" {
			name = p + ":" + k.local
		}
		fmt.Fprintf(&b, "<%s>%s</%s>", name, escape(k.text), name)
	}
	b.WriteString(inner)
	return b.Bytes(), nil
}

func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
