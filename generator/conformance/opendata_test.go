package conformance

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/dlclark/regexp2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// shaclReport is what testdata/shacl.mjs prints.
type shaclReport struct {
	Turtle, RDFXML         int
	OnlyTurtle, OnlyRDFXML []string
	Results                []struct{ Severity, Focus, Path, Message, Shape string }
}

func (r *shaclReport) violations() []string {
	var v []string
	for _, x := range r.Results {
		if x.Severity == "Violation" {
			v = append(v, fmt.Sprintf("%s %s: %s", x.Focus, x.Path, x.Message))
		}
	}
	return v
}

// validateCatalog runs the SHACL shapes of DCAT-AP 3.0.0 and DCAT-AP.de 3.0
// over a catalogue in Turtle and compares it with its RDF/XML form.
func validateCatalog(t *testing.T, ttl, rdf []byte) *shaclReport {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not installed")
		}
		t.Skip("node is not installed")
	}
	if _, err := os.Stat("../../node_modules/rdf-validate-shacl"); err != nil {
		t.Fatal("rdf-validate-shacl is not installed: run npm ci")
	}
	dir := t.TempDir()
	ttlFile, rdfFile := filepath.Join(dir, "catalog.ttl"), filepath.Join(dir, "catalog.rdf")
	if err := os.WriteFile(ttlFile, ttl, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(rdfFile, rdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, "testdata/shacl.mjs", "testdata/shapes", ttlFile, rdfFile).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("shacl.mjs: %v\n%s", err, msg)
	}
	var r shaclReport
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("shacl.mjs printed no report: %v\n%s", err, out)
	}
	return &r
}

// TestCatalogShapes validates the example's DCAT-AP.de catalogue against the
// official shapes: no violation, and the same graph in Turtle and RDF/XML.
func TestCatalogShapes(t *testing.T) {
	out := buildExample(t)
	ttl, rdf := out.Files["daten/catalog.ttl"], out.Files["daten/catalog.rdf"]
	r := validateCatalog(t, ttl, rdf)
	if v := r.violations(); len(v) > 0 {
		t.Errorf("%d SHACL violations:\n%s", len(v), strings.Join(v, "\n"))
	}
	if r.Turtle < 100 || r.Turtle != r.RDFXML || len(r.OnlyTurtle)+len(r.OnlyRDFXML) > 0 {
		t.Errorf("Turtle (%d triples) and RDF/XML (%d triples) differ:\nonly in Turtle: %q\nonly in RDF/XML: %q", r.Turtle, r.RDFXML, r.OnlyTurtle, r.OnlyRDFXML)
	}
	for _, x := range r.Results {
		t.Logf("%s: %s %s: %s", x.Severity, x.Focus, x.Path, x.Message)
	}
	t.Logf("catalogue: %d triples, %d SHACL results, 0 violations", r.Turtle, len(r.Results))

	// Positive controls: the validator finds a distribution without a
	// licence, and the comparison finds a changed literal.
	i := bytes.Index(ttl, []byte("a dcat:Distribution"))
	line := regexp.MustCompile(`\n    dct:license <[^>]+> ;`).FindIndex(ttl[i:])
	if line == nil {
		t.Fatal("no dct:license in the first distribution")
	}
	broken := slices.Concat(ttl[:i+line[0]], ttl[i+line[1]:])
	r = validateCatalog(t, broken, rdf)
	found := false
	for _, v := range r.violations() {
		found = found || strings.Contains(v, "dcterms:license")
	}
	if !found {
		t.Errorf("a distribution without dct:license passed the shapes: %q", r.violations())
	}
	if len(r.OnlyRDFXML) != 1 {
		t.Errorf("the removed licence should be the one triple only in RDF/XML, got %q", r.OnlyRDFXML)
	}
}

// TestDataPackage validates datapackage.json against the Data Package v2
// profile, and every row of every CSV it describes against its Table
// Schema.
func TestDataPackage(t *testing.T) {
	out := buildExample(t)
	pkg := out.Files["daten/datapackage.json"]
	if err := validateProfile(pkg); err != nil {
		t.Fatalf("datapackage.json does not follow the Data Package v2 profile: %v", err)
	}
	var dp dataPackage
	if err := json.Unmarshal(pkg, &dp); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, r := range dp.Resources {
		files[r.Path] = out.Files["daten/"+r.Path]
	}
	problems := checkPackage(dp, files)
	if len(problems) > 0 {
		t.Errorf("rows that break their Table Schema:\n%s", strings.Join(problems, "\n"))
	}
	var csvs []string
	for name := range out.Files {
		if strings.HasPrefix(name, "daten/") && strings.HasSuffix(name, ".csv") {
			csvs = append(csvs, strings.TrimPrefix(name, "daten/"))
		}
	}
	for _, name := range csvs {
		if files[name] == nil {
			t.Errorf("daten/%s is not described in datapackage.json", name)
		}
	}
	t.Logf("datapackage.json: %d resources, every CSV described, every row valid", len(dp.Resources))

	// Positive controls: a wrong type, a broken primary key and a
	// dangling foreign key are found.
	answers := "2024.csv"
	wrongType := regexp.MustCompile(`(?m)^(2024,MS-02,[^\n]*?),1,`).ReplaceAll(files[answers], []byte("$1,eins,"))
	duplicate := append(bytes.Clone(files[answers]), lastLine(files[answers])...)
	dangling := bytes.Replace(files[answers], []byte("\n2024,MS-02,"), []byte("\n2024,MS-99,"), 1)
	// The measures refer to recommendations and fields; a reference to
	// neither is found too.
	links := "measure-recommendations.csv"
	if files[links] == nil {
		t.Fatalf("the example publishes no %s", links)
	}
	danglingRec := regexp.MustCompile(`(?m)^([^,\n]+),2024/`).ReplaceAll(files[links], []byte("$1,2019/"))
	badDate := regexp.MustCompile(`(?m)^([^,\n]+,1,)(\d{4})-(\d{2})-(\d{2})`).ReplaceAll(files["measure-updates.csv"], []byte("$1$4.$3.$2"))
	for name, c := range map[string]struct {
		file string
		csv  []byte
		want string
	}{
		"wrong type":              {answers, wrongType, `"eins" is not an integer`},
		"duplicate key":           {answers, duplicate, "primary key"},
		"dangling foreign":        {answers, dangling, `"MS-99" is not in questions`},
		"dangling recommendation": {links, danglingRec, `is not in recommendations`},
		"date not year-month-day": {"measure-updates.csv", badDate, `is not a date`},
	} {
		broken := maps(files)
		broken[c.file] = c.csv
		got := strings.Join(checkPackage(dp, broken), "\n")
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: want a problem containing %q, got:\n%s", name, c.want, got)
		}
	}
	if err := validateProfile(bytes.Replace(pkg, []byte(`"path": "questions.csv"`), []byte(`"file": "questions.csv"`), 1)); err == nil {
		t.Error("a resource without a path passed the profile")
	}
}

func maps(m map[string][]byte) map[string][]byte {
	c := map[string][]byte{}
	for k, v := range m {
		c[k] = v
	}
	return c
}

func lastLine(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return append(bytes.Clone(b[bytes.LastIndexByte(b, '\n')+1:]), '\n')
}

func validateProfile(pkg []byte) error {
	c := jsonschema.NewCompiler()
	// The profiles' patterns use look-ahead, which Go's regexp lacks; they
	// are ECMAScript patterns, as JSON Schema says.
	c.UseRegexpEngine(func(s string) (jsonschema.Regexp, error) {
		re, err := regexp2.Compile(s, regexp2.ECMAScript)
		if err != nil {
			return nil, err
		}
		return ecmaRegexp{re}, nil
	})
	for _, name := range []string{"datapackage.json", "dataresource.json", "tableschema.json", "tabledialect.json"} {
		f, err := os.Open(filepath.Join("testdata/frictionless-2.0", name))
		if err != nil {
			return err
		}
		doc, err := jsonschema.UnmarshalJSON(f)
		f.Close()
		if err != nil {
			return err
		}
		if err := c.AddResource("https://datapackage.org/profiles/2.0/"+name, doc); err != nil {
			return err
		}
	}
	sch, err := c.Compile("https://datapackage.org/profiles/2.0/datapackage.json")
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(pkg))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

type ecmaRegexp struct{ *regexp2.Regexp }

func (r ecmaRegexp) MatchString(s string) bool {
	ok, err := r.Regexp.MatchString(s)
	return ok && err == nil
}

type dataPackage struct {
	Resources []struct {
		Name, Path string
		Schema     struct {
			Fields []struct {
				Name, Type  string
				Constraints struct {
					Required, Unique bool
					Enum             []any
					Minimum, Maximum *float64
				}
			}
			MissingValues []string
			PrimaryKey    []string
			ForeignKeys   []struct {
				Fields    []string
				Reference struct {
					Resource string
					Fields   []string
				}
			}
		}
	}
}

// checkPackage checks every row of every resource against the types and
// constraints its Table Schema declares, and the keys between resources.
func checkPackage(dp dataPackage, files map[string][]byte) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	rows := map[string][]map[string]string{}
	for _, r := range dp.Resources {
		recs, err := csv.NewReader(bytes.NewReader(files[r.Path])).ReadAll()
		if err != nil || len(recs) == 0 {
			bad("%s: not a CSV file: %v", r.Path, err)
			continue
		}
		var names []string
		for _, f := range r.Schema.Fields {
			names = append(names, f.Name)
		}
		if !slices.Equal(recs[0], names) {
			bad("%s: header %q, schema fields %q", r.Path, recs[0], names)
			continue
		}
		seen := map[string]map[string]bool{}
		keys := map[string]bool{}
		for i, rec := range recs[1:] {
			line := i + 2
			row := map[string]string{}
			for j, f := range r.Schema.Fields {
				v := rec[j]
				row[f.Name] = v
				c := f.Constraints
				if slices.Contains(r.Schema.MissingValues, v) {
					if c.Required {
						bad("%s:%d: %s is required", r.Path, line, f.Name)
					}
					continue
				}
				var typed any = v
				switch f.Type {
				case "string":
				case "integer":
					n, err := strconv.Atoi(v)
					if err != nil {
						bad("%s:%d: %s %q is not an integer", r.Path, line, f.Name, v)
						continue
					}
					typed = float64(n)
				case "number":
					n, err := strconv.ParseFloat(v, 64)
					if err != nil {
						bad("%s:%d: %s %q is not a number", r.Path, line, f.Name, v)
						continue
					}
					typed = n
				case "boolean":
					if v != "true" && v != "false" {
						bad("%s:%d: %s %q is not a boolean", r.Path, line, f.Name, v)
					}
					typed = v == "true"
				case "date":
					if _, err := time.Parse(time.DateOnly, v); err != nil {
						bad("%s:%d: %s %q is not a date", r.Path, line, f.Name, v)
					}
				default:
					bad("%s: field %s has type %q, which this check does not know", r.Path, f.Name, f.Type)
				}
				if len(c.Enum) > 0 && !slices.Contains(c.Enum, typed) {
					bad("%s:%d: %s %q is not one of %v", r.Path, line, f.Name, v, c.Enum)
				}
				if n, ok := typed.(float64); ok {
					if c.Minimum != nil && n < *c.Minimum || c.Maximum != nil && n > *c.Maximum {
						bad("%s:%d: %s %v is out of range", r.Path, line, f.Name, n)
					}
				}
				if c.Unique {
					if seen[f.Name] == nil {
						seen[f.Name] = map[string]bool{}
					}
					if seen[f.Name][v] {
						bad("%s:%d: %s %q is not unique", r.Path, line, f.Name, v)
					}
					seen[f.Name][v] = true
				}
			}
			if pk := r.Schema.PrimaryKey; len(pk) > 0 {
				var key []string
				for _, k := range pk {
					key = append(key, row[k])
				}
				k := strings.Join(key, "\x00")
				if keys[k] {
					bad("%s:%d: primary key %q appears twice", r.Path, line, key)
				}
				keys[k] = true
			}
			rows[r.Name] = append(rows[r.Name], row)
		}
	}
	for _, r := range dp.Resources {
		for _, fk := range r.Schema.ForeignKeys {
			target := map[string]bool{}
			for _, row := range rows[fk.Reference.Resource] {
				var key []string
				for _, k := range fk.Reference.Fields {
					key = append(key, row[k])
				}
				target[strings.Join(key, "\x00")] = true
			}
			for i, row := range rows[r.Name] {
				var key []string
				for _, k := range fk.Fields {
					key = append(key, row[k])
				}
				if !target[strings.Join(key, "\x00")] {
					bad("%s:%d: %q is not in %s", r.Path, i+2, strings.Join(key, ","), fk.Reference.Resource)
				}
			}
		}
	}
	return problems
}

// TestDatasetJSONLD checks that the data page describes the data as a
// schema.org Dataset with what Google's Dataset Search asks for.
func TestDatasetJSONLD(t *testing.T) {
	out := buildExample(t)
	page := out.Files["daten/index.html"]
	m := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatal("the data page has no JSON-LD")
	}
	var ld map[string]any
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"name", "description", "license", "creator", "spatialCoverage", "temporalCoverage", "variableMeasured", "distribution", "isAccessibleForFree", "includedInDataCatalog"} {
		if ld[key] == nil || ld[key] == "" {
			t.Errorf("the Dataset has no %s", key)
		}
	}
	if d, _ := ld["description"].(string); len([]rune(d)) < 50 || len([]rune(d)) > 5000 {
		t.Errorf("the description has %d characters, want 50 to 5000: %q", len([]rune(d)), d)
	}
	for _, d := range ld["distribution"].([]any) {
		u := d.(map[string]any)["contentUrl"].(string)
		name := strings.TrimPrefix(u, "https://weltoffen.lindenbrueck.example/")
		if out.Files[name] == nil {
			t.Errorf("distribution %s is not in the site", u)
		}
	}
	if ld["license"] != "https://www.govdata.de/dl-de/by-2-0" {
		t.Errorf("license = %v, want the text of dl-by-de/2.0", ld["license"])
	}
}

// TestChartDataLinks: every chart's "Daten" link leads to a CSV file that
// holds exactly the numbers of the chart's table.
func TestChartDataLinks(t *testing.T) {
	out := buildExample(t)
	figure := regexp.MustCompile(`(?s)<figure class="chart".*?</figure>`)
	rowRE := regexp.MustCompile(`<tr><th scope="row">(.*?)</th>(.*?)</tr>`)
	cellRE := regexp.MustCompile(`<td>(.*?)</td>`)
	linkRE := regexp.MustCompile(`<p class="chart-data"><a href="/([^"]+)">`)
	charts := 0
	for name, page := range out.Files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, fig := range figure.FindAll(page, -1) {
			charts++
			link := linkRE.FindSubmatch(fig)
			if link == nil {
				t.Errorf("%s: a chart without a data link", name)
				continue
			}
			file := string(link[1])
			recs, err := csv.NewReader(bytes.NewReader(out.Files[file])).ReadAll()
			if err != nil || len(recs) < 2 {
				t.Errorf("%s: data link %s: %v", name, file, err)
				continue
			}
			rows := rowRE.FindAllSubmatch(fig, -1)
			if len(rows) != len(recs)-1 {
				t.Errorf("%s: %s has %d rows, the chart's table %d", name, file, len(recs)-1, len(rows))
				continue
			}
			for i, row := range rows {
				rec := recs[i+1]
				var cells []string
				for _, c := range cellRE.FindAllSubmatch(row[2], -1) {
					// "64 %" and "–" in the table are 64 and empty in the file.
					cells = append(cells, strings.Trim(strings.Map(func(r rune) rune {
						// Arabic and Persian pages write their own digits.
						if unicode.IsDigit(r) {
							return '0' + rune(digitValue(r))
						}
						return ' '
					}, string(c[1])), " "))
				}
				// Pages in other languages name the categories in their
				// language; the one set of data files names them in German.
				translated := strings.Count(name, "/") > 0 && len(strings.SplitN(name, "/", 2)[0]) == 2
				if !translated && htmlText(string(row[1])) != rec[0] || !slices.Equal(cells, rec[1:]) {
					t.Errorf("%s: %s row %d is %q, the table shows %q %q", name, file, i+1, rec, row[1], cells)
				}
			}
		}
	}
	if charts < 10 {
		t.Errorf("only %d charts found", charts)
	}
}

func digitValue(r rune) int {
	for _, zero := range []rune{'0', '٠', '۰'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return 0
}

func htmlText(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&#39;", "'").Replace(s)
}
