package document

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// personal is what the test files carry that must never be published.
var personal = []string{"Max Mustermann", "Erika Musterfrau", "Stadtverwaltung Lindenbrück", "C:\\Users\\mmustermann", "2026-11-30T08:15:00Z"}

func assertClean(t *testing.T, name string, b []byte) {
	t.Helper()
	for _, s := range personal {
		if bytes.Contains(b, []byte(s)) {
			t.Errorf("%s still holds %q", name, s)
		}
	}
}

type entry struct {
	name, data string
	store      bool
}

func makeZip(t *testing.T, entries []entry) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range entries {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.store {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, e.data)
	}
	zw.Close()
	return b.Bytes()
}

func readZip(t *testing.T, b []byte) (*zip.Reader, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		files[f.Name] = string(data)
	}
	return zr, files
}

const docxBody = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Satzung über den Integrationsbeirat</w:t></w:r></w:p></w:body></w:document>`

func TestOOXMLCoreProperties(t *testing.T) {
	src := makeZip(t, []entry{
		{name: "[Content_Types].xml", data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{name: "docProps/core.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Satzung &amp; Ordnung</dc:title><dc:creator>Max Mustermann</dc:creator><cp:lastModifiedBy>Erika Musterfrau</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-11-30T08:15:00Z</dcterms:created><dc:language>de-DE</dc:language></cp:coreProperties>`},
		{name: "docProps/app.xml", data: `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Stadtverwaltung Lindenbrück</Company><Template>C:\Users\mmustermann\Vorlage.dotx</Template></Properties>`},
		{name: "docProps/custom.xml", data: `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"><property name="Bearbeiter">Max Mustermann</property></Properties>`},
		{name: "word/document.xml", data: docxBody},
	})
	out, err := Strip("satzung.DOCX", src)
	if err != nil {
		t.Fatal(err)
	}
	assertClean(t, "satzung.docx", out)
	_, files := readZip(t, out)
	if files["word/document.xml"] != docxBody || len(files) != 5 {
		t.Errorf("the document's text changed or parts went missing: %v", files)
	}
	core := files["docProps/core.xml"]
	for _, want := range []string{`>Satzung &amp; Ordnung</`, `>de-DE</`, `xmlns:n0="http://purl.org/dc/elements/1.1/"`} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s:\n%s", want, core)
		}
	}
	again, _ := Strip("satzung.docx", src)
	if !bytes.Equal(out, again) {
		t.Error("two runs give different bytes")
	}
	if o2, err := Strip("satzung.docx", out); err != nil || !bytes.Equal(o2, out) {
		t.Errorf("stripping twice changes the file again: %v", err)
	}
}

func TestODFMeta(t *testing.T) {
	src := makeZip(t, []entry{
		{name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true},
		{name: "content.xml", data: `<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`},
		{name: "meta.xml", data: `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:initial-creator>Max Mustermann</meta:initial-creator><dc:creator>Erika Musterfrau</dc:creator><meta:creation-date>2026-11-30T08:15:00Z</meta:creation-date><dc:title>Protokoll</dc:title><meta:keyword>Beirat</meta:keyword><meta:user-defined meta:name="Amt">Stadtverwaltung Lindenbrück</meta:user-defined></office:meta></office:document-meta>`},
	})
	out, err := Strip("protokoll.odt", src)
	if err != nil {
		t.Fatal(err)
	}
	assertClean(t, "protokoll.odt", out)
	zr, files := readZip(t, out)
	if zr.File[0].Name != "mimetype" || zr.File[0].Method != zip.Store || len(zr.File[0].Extra) != 0 {
		t.Error("mimetype is no longer the first entry, uncompressed")
	}
	for _, want := range []string{">Protokoll</", ">Beirat</", "<office:meta>"} {
		if !strings.Contains(files["meta.xml"], want) {
			t.Errorf("meta.xml lacks %s:\n%s", want, files["meta.xml"])
		}
	}
}

// pdfWithAuthor writes a one-page PDF whose information dictionary and
// XMP metadata name its author.
func pdfWithAuthor() []byte {
	xmp := `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Max Mustermann</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`
	content := "BT /F1 12 Tf 72 720 Td (Satzung) Tj ET"
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
		fmt.Sprintf("<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n%s\nendstream", len(xmp), xmp),
		"<< /Title (Satzung) /Author (Max Mustermann) /Creator (Microsoft Word - C:\\\\Users\\\\mmustermann\\\\satzung.docx) /Producer (Erika Musterfrau) /CreationDate (D:20261130081500Z) /Company (Stadtverwaltung Lindenbrück) >>",
	}
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func TestPDFInfoAndXMP(t *testing.T) {
	src := pdfWithAuthor()
	for _, s := range []string{"Max Mustermann", "Erika Musterfrau"} {
		if !bytes.Contains(src, []byte(s)) {
			t.Fatalf("the test PDF lacks %q", s)
		}
	}
	out, err := Strip("satzung.pdf", src)
	if err != nil {
		t.Fatal(err)
	}
	assertClean(t, "satzung.pdf", out)
	if !bytes.Contains(out, []byte("(Satzung)")) || !bytes.HasPrefix(out, []byte("%PDF-")) {
		t.Errorf("the title or the page went missing:\n%s", out)
	}
	if bytes.Contains(out, []byte("/Metadata")) || bytes.Contains(out, []byte("CreationDate")) || bytes.Contains(out, []byte("ModDate")) {
		t.Errorf("the XMP metadata or a date is still there:\n%s", out)
	}
	again, _ := Strip("satzung.pdf", src)
	if !bytes.Equal(out, again) {
		t.Errorf("two runs give different bytes:\n%s\n---\n%s", out, again)
	}
	if _, err := Strip("satzung.pdf", out); err != nil {
		t.Errorf("the stripped PDF cannot be read again: %v", err)
	}
}

func TestDamagedFiles(t *testing.T) {
	for _, name := range []string{"a.pdf", "a.docx", "a.odt"} {
		if _, err := Strip(name, []byte("not a document")); err == nil {
			t.Errorf("%s: a damaged file gave no error", name)
		}
	}
	if out, err := Strip("a.txt", []byte("x")); err != nil || string(out) != "x" {
		t.Error("a text file was changed")
	}
}
