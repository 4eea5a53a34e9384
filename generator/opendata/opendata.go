package opendata

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"time"

	"offenbar/generator/config"
	"offenbar/generator/licence"
	"offenbar/generator/measure"
	"offenbar/generator/selfcheck"
)

// Publication is everything the open data is made of.
type Publication struct {
	Model  *selfcheck.Model
	Config *config.Site
	// Dir is the URL segment of the data section, such as "daten".
	Dir string
	// Skipped names a skipped answer in the label columns.
	Skipped string
	// Text returns the UI text for key with {0}, {1} … filled in: titles
	// and descriptions are written in the site's language.
	Text func(key string, args ...any) string
	// Date formats a date in the site's language.
	Date func(time.Time) string
	// MethodURL is the absolute URL of the page that explains the scoring,
	// and RoundURL that of a round's page.
	MethodURL string
	RoundURL  func(id string) string
	// Charts are the charts of the site, each published with its numbers.
	Charts []Chart
	// Today is the build's "today" (SOURCE_DATE_EPOCH when set), which
	// decides whether a measure is overdue.
	Today time.Time
	// Measures are the site's measures, their references resolved.
	Measures []*measure.Measure
	// MeasuresURL is the absolute URL of the measures' overview page, and
	// MeasureURL that of a measure's page.
	MeasuresURL string
	MeasureURL  func(id string) string
}

// Chart is the table of one chart: a column of categories and one column
// per series. A NaN value is an empty cell.
type Chart struct {
	ID, Title  string
	Category   string // header of the category column
	Categories []string
	Series     []string
	Values     [][]float64 // Values[series][category]
	Unit       string      // "%" or "" for counts
}

// File is one file of the open data, named below the data section.
type File struct {
	Name string
	Data []byte
}

// Names of the files of a round and of the instrument.
func AnswersCSV(round string) string         { return round + ".csv" }
func AnswersJSON(round string) string        { return round + ".json" }
func ScoresCSV(round string) string          { return round + "-scores.csv" }
func ScoresJSON(round string) string         { return round + "-scores.json" }
func RecommendationsCSV(round string) string { return round + "-recommendations.csv" }
func ChartCSV(id string) string              { return "charts/" + id + ".csv" }

// Files of the whole data section that are not per round.
const (
	QuestionsCSV = "questions.csv"
	// FieldsCSV lists the action fields; RecommendationsAllCSV the
	// recommendations of every round, each under the key that measures
	// refer to.
	FieldsCSV             = "fields.csv"
	RecommendationsAllCSV = "recommendations.csv"
	SchemaJSON            = "schema.json"
	DataPackage           = "datapackage.json"
	CatalogTTL            = "catalog.ttl"
	CatalogRDF            = "catalog.rdf"
)

// Clash returns the name of a file of round that another round, or the
// data section itself, publishes as well, given the IDs of every round; ""
// when there is none. Of two rounds "2024" and "2024-scores", whose files
// 2024-scores.csv clash, it names the second: its answers would take the
// name of the first one's scores. A round "questions" would take the
// questionnaire's.
func Clash(round string, rounds []string) string {
	for _, n := range roundFiles(round) {
		if slices.Contains(fixedFiles(), n) {
			return n
		}
	}
	for _, other := range rounds {
		if other == round {
			continue
		}
		for _, n := range []string{ScoresCSV(other), ScoresJSON(other), RecommendationsCSV(other)} {
			if n == AnswersCSV(round) || n == AnswersJSON(round) {
				return n
			}
		}
	}
	return ""
}

// fixedFiles are the names of the data section's files that belong to no
// round.
func fixedFiles() []string {
	return append([]string{QuestionsCSV, FieldsCSV, RecommendationsAllCSV, SchemaJSON, DataPackage, CatalogTTL, CatalogRDF}, measureFileNames()...)
}

func roundFiles(round string) []string {
	return []string{AnswersCSV(round), AnswersJSON(round), ScoresCSV(round), ScoresJSON(round), RecommendationsCSV(round)}
}

// Licence is the licence the data is published under.
func (p *Publication) Licence() *licence.Licence { return licence.Lookup(p.Config.Data.Licence) }

// URL is the absolute URL of the file name in the data section, or of the
// data page itself for "".
func (p *Publication) URL(name string) string {
	return p.Config.AbsURL("/" + p.Dir + "/" + name)
}

// Files renders every file of the open data. The data package and the
// catalogue describe the files before them, with their sizes and hashes.
func (p *Publication) Files() ([]File, error) {
	m := p.Model
	var files []File
	for _, r := range m.Rounds {
		js, err := p.answersJSON(r)
		if err != nil {
			return nil, fmt.Errorf("round %s: %w", r.ID, err)
		}
		scores, err := p.scoresJSON(r)
		if err != nil {
			return nil, fmt.Errorf("round %s: %w", r.ID, err)
		}
		xlsx, err := p.roundXLSX(r)
		if err != nil {
			return nil, fmt.Errorf("round %s: %w", r.ID, err)
		}
		files = append(files,
			File{AnswersCSV(r.ID), p.answersCSV(r)},
			File{AnswersJSON(r.ID), js},
			File{XLSX(r.ID), xlsx},
			File{ScoresCSV(r.ID), p.scoresCSV(r)},
			File{ScoresJSON(r.ID), scores},
			File{RecommendationsCSV(r.ID), p.recommendationsCSV(r)},
		)
	}
	files = append(files,
		File{QuestionsCSV, p.questionsCSV()},
		File{FieldsCSV, p.fieldsCSV()},
		File{RecommendationsAllCSV, p.allRecommendationsCSV()},
		File{SchemaJSON, []byte(roundSchema)})
	mf, err := p.measureFiles()
	if err != nil {
		return nil, err
	}
	files = append(files, mf...)
	for _, c := range p.Charts {
		files = append(files, File{ChartCSV(c.ID), chartCSV(c)})
	}
	byName := map[string][]byte{}
	for _, f := range files {
		byName[f.Name] = f.Data
	}
	pkg, err := p.dataPackage(byName)
	if err != nil {
		return nil, err
	}
	files = append(files, File{DataPackage, pkg})
	g := p.catalog(byName)
	files = append(files, File{CatalogTTL, g.Turtle()}, File{CatalogRDF, g.RDFXML()})
	return files, nil
}

// hash is the SHA-256 of b in hex.
func hash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

// number formats v for a CSV cell: a dot as decimal mark, at most one
// decimal, empty for "no value".
func number(v float64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Table names the columns of one kind of CSV file, for the data page.
type Table struct {
	Key     string // "answers", "scores", "recommendations", "questions" …
	Columns []string
}

// Tables lists the kinds of CSV files a round and the instrument have.
func Tables() []Table {
	return []Table{
		{"answers", answerColumns},
		{"scores", scoreColumns},
		{"recommendations", recommendationColumns},
		{"questions", questionColumns},
		{"fields", fieldColumns},
		{"all_recommendations", allRecommendationColumns},
	}
}
