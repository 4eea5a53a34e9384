package opendata

import (
	"encoding/csv"

	"bytes"
	"fmt"
	"github.com/xuri/excelize/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"offenbar/generator/config"
	"offenbar/generator/selfcheck"
	"offenbar/generator/sitetest"
)

// publication loads the base test site with site.toml changed by edit, and
// only the rounds named.
func publication(t *testing.T, siteTOML func(string) string, rounds ...string) *Publication {
	t.Helper()
	b, err := os.ReadFile("../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	fsys := sitetest.Parse(b).FS()
	cfgSrc, _ := fsys["site.toml"]
	if siteTOML != nil {
		cfgSrc.Data = []byte(siteTOML(string(cfgSrc.Data)))
	}
	cfg, errs := config.Load(fsys)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	m, errs := selfcheck.Load(fsys)
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	var keep []*selfcheck.Round
	for _, r := range m.Rounds {
		if slices.Contains(rounds, r.ID) {
			keep = append(keep, r)
		}
	}
	m.Rounds = keep
	return &Publication{
		Model: m, Config: cfg, Dir: "daten", Skipped: "übersprungen",
		Text: func(key string, args ...any) string { return fmt.Sprint(append([]any{key}, args...)...) },
		Date: func(t time.Time) string { return t.Format("2.1.2006") }, MethodURL: cfg.AbsURL("/methode/"),
		RoundURL: func(id string) string { return cfg.AbsURL("/runden/" + id + "/") },
	}
}

func files(t *testing.T, p *Publication) map[string][]byte {
	t.Helper()
	fs, err := p.Files()
	if err != nil {
		t.Fatal(err)
	}
	m := map[string][]byte{}
	for _, f := range fs {
		m[f.Name] = f.Data
	}
	return m
}

var subjectRE = regexp.MustCompile(`(?m)^<([^>]+)>$`)

func subjects(ttl []byte) []string {
	var s []string
	for _, m := range subjectRE.FindAllSubmatch(ttl, -1) {
		s = append(s, string(m[1]))
	}
	return s
}

// TestURIsStayWhenARoundIsAdded: a harvester deletes what disappears, so
// every dataset and distribution of a catalogue keeps its URI when the next
// round is published.
func TestURIsStayWhenARoundIsAdded(t *testing.T) {
	before := subjects(files(t, publication(t, nil, "2021"))[CatalogTTL])
	after := subjects(files(t, publication(t, nil, "2021", "2024"))[CatalogTTL])
	if len(before) < 10 {
		t.Fatalf("only %d subjects in the catalogue", len(before))
	}
	for _, s := range before {
		if !slices.Contains(after, s) {
			t.Errorf("%s is gone after the next round was added", s)
		}
	}
	for _, want := range []string{
		"https://example.org/weltoffen/daten/#catalog",
		"https://example.org/weltoffen/daten/#round-2021",
		"https://example.org/weltoffen/daten/#file-2021.csv",
		"https://example.org/weltoffen/daten/#instrument",
	} {
		if !slices.Contains(before, want) {
			t.Errorf("no subject %s; subjects: %q", want, before)
		}
	}
}

// TestLicence: the licence reaches the catalogue, the data package and the
// scores files; a licence without attribution names no source.
func TestLicence(t *testing.T) {
	by := files(t, publication(t, nil, "2021", "2024"))
	for name, want := range map[string]string{
		CatalogTTL: `dct:license <http://dcat-ap.de/def/licenses/dl-by-de/2.0>`,
		CatalogRDF: `<dct:license rdf:resource="http://dcat-ap.de/def/licenses/dl-by-de/2.0"/>`,
		DataPackage: `"name": "DL-DE-BY-2.0",
      "path": "https://www.govdata.de/dl-de/by-2-0"`,
		ScoresJSON("2024"): `"attribution": "Gemeinde Testdorf"`,
	} {
		if !bytes.Contains(by[name], []byte(want)) {
			t.Errorf("%s does not contain %s", name, want)
		}
	}
	if !bytes.Contains(by[CatalogTTL], []byte(`dcatde:licenseAttributionByText "Gemeinde Testdorf"@de`)) {
		t.Error("the catalogue names no attribution for a BY licence")
	}
	zero := files(t, publication(t, func(s string) string { return s + "\n[data]\nlicence = \"dl-zero-de/2.0\"\n" }, "2024"))
	if bytes.Contains(zero[CatalogTTL], []byte("licenseAttributionByText")) || bytes.Contains(zero[ScoresJSON("2024")], []byte(`"attribution"`)) {
		t.Error("dl-zero-de/2.0 asks for no attribution, but the files name one")
	}
	if !bytes.Contains(zero[CatalogTTL], []byte("http://dcat-ap.de/def/licenses/dl-zero-de/2.0")) {
		t.Error("the catalogue does not carry dl-zero-de/2.0")
	}
}

// TestGeocoding: the Gemeindeschlüssel becomes the political geocoding of
// every dataset, and the contributor ID GovData's.
func TestGeocoding(t *testing.T) {
	ttl := files(t, publication(t, func(s string) string {
		return s + "\n[data]\nmunicipality_key = \"09762000\"\ncontributor_id = \"testdorf\"\ncontact = \"https://example.org/kontakt/\"\n"
	}, "2024"))[CatalogTTL]
	for _, want := range []string{
		"dcatde:politicalGeocodingURI <http://dcat-ap.de/def/politicalGeocoding/municipalityKey/09762000>",
		"dcatde:politicalGeocodingLevelURI <http://dcat-ap.de/def/politicalGeocoding/Level/municipality>",
		"dct:spatial <http://dcat-ap.de/def/politicalGeocoding/municipalityKey/09762000>",
		"dcatde:contributorID <http://dcat-ap.de/def/contributors/testdorf>",
		"vcard:hasURL <https://example.org/kontakt/>",
		"dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE>",
		"dct:format <http://publications.europa.eu/resource/authority/file-type/CSV>",
		`dct:issued "2024-05-01"^^xsd:date`,
	} {
		if !bytes.Contains(ttl, []byte(want)) {
			t.Errorf("the catalogue has no %s", want)
		}
	}
}

// TestScores: each field is followed by its topics, with one decimal and
// empty where nothing was answered.
func TestScores(t *testing.T) {
	got := string(files(t, publication(t, nil, "2021"))[ScoresCSV("2021")])
	want := `round,id,level,field,topic,title,score,answered,skipped
2021,steuerung,field,steuerung,,Steuerung,0,1,1
2021,zugang,field,zugang,,Zugang,50,2,0
2021,zugang/bildung,topic,zugang,bildung,Bildung,50,1,0
2021,zugang/wohnen,topic,zugang,wohnen,Wohnen,50,1,0
`
	if got != want {
		t.Errorf("scores:\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// TestTurtleEscapes: quotes, backslashes and line breaks in content stay
// inside their literal.
func TestTurtleEscapes(t *testing.T) {
	g := newGraph()
	g.add("https://example.org/a b", "dct:title", text("Ein \"Titel\"\\mit\nZeilen", "de"))
	got := string(g.Turtle())
	if !strings.Contains(got, `<https://example.org/a\u0020b>`) || !strings.Contains(got, `"Ein \"Titel\"\\mit\nZeilen"@de`) {
		t.Errorf("turtle:\n%s", got)
	}
	x := string(g.RDFXML())
	if !strings.Contains(x, `Ein &#34;Titel&#34;\mit&#xA;Zeilen`) {
		t.Errorf("rdf/xml:\n%s", x)
	}
}

// TestXLSX: the workbook of a round opens with excelize and holds exactly
// the CSV's rows; two builds give the same bytes.
func TestXLSX(t *testing.T) {
	p := publication(t, nil, "2021", "2024")
	fs := files(t, p)
	for _, id := range []string{"2021", "2024"} {
		f, err := excelize.OpenReader(bytes.NewReader(fs[XLSX(id)]))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows("xlsx_sheet_answers")
		if err != nil {
			t.Fatal(err)
		}
		recs, _ := csv.NewReader(bytes.NewReader(fs[AnswersCSV(id)])).ReadAll()
		if len(rows) != len(recs) {
			t.Fatalf("%s: %d rows, the CSV has %d", id, len(rows), len(recs))
		}
		for i := range recs {
			got := slices.Clone(rows[i])
			for len(got) < len(recs[i]) {
				got = append(got, "")
			}
			for j := range got {
				got[j] = strings.ToLower(got[j]) // TRUE is the CSV's true
				recs[i][j] = strings.ToLower(Restore(recs[i][j]))
			}
			if !slices.Equal(got, recs[i]) {
				t.Errorf("%s row %d: %q, CSV %q", id, i+1, got, recs[i])
			}
		}
		typ, _ := f.GetCellType("xlsx_sheet_answers", "F2")
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("points are stored as %v, want numbers", typ)
		}
		f.Close()
	}
	if again := files(t, p); !bytes.Equal(again[XLSX("2024")], fs[XLSX("2024")]) {
		t.Error("two builds give different workbooks")
	}
}
