package opendata

import (
	"slices"

	"offenbar/generator/selfcheck"
)

// The profiles a Data Package v2 descriptor names.
const (
	packageProfile  = "https://datapackage.org/profiles/2.0/datapackage.json"
	resourceProfile = "https://datapackage.org/profiles/2.0/dataresource.json"
	schemaProfile   = "https://datapackage.org/profiles/2.0/tableschema.json"
	dialectProfile  = "https://datapackage.org/profiles/2.0/tabledialect.json"
)

type dpPackage struct {
	Schema       string          `json:"$schema"`
	Name         string          `json:"name"`
	ID           string          `json:"id"`
	Title        string          `json:"title"`
	Description  string          `json:"description"`
	Homepage     string          `json:"homepage"`
	Created      string          `json:"created,omitempty"`
	Keywords     []string        `json:"keywords"`
	Contributors []dpContributor `json:"contributors"`
	Licenses     []dpLicence     `json:"licenses"`
	Resources    []dpResource    `json:"resources"`
}

type dpContributor struct {
	Title string   `json:"title"`
	Path  string   `json:"path,omitempty"`
	Roles []string `json:"roles"`
}

type dpLicence struct {
	Name  string `json:"name,omitempty"`
	Path  string `json:"path"`
	Title string `json:"title"`
}

type dpResource struct {
	Schema      string      `json:"$schema"`
	Name        string      `json:"name"`
	Path        string      `json:"path"`
	Type        string      `json:"type"`
	Title       string      `json:"title"`
	Description string      `json:"description,omitempty"`
	Format      string      `json:"format"`
	Mediatype   string      `json:"mediatype"`
	Encoding    string      `json:"encoding"`
	Bytes       int         `json:"bytes"`
	Hash        string      `json:"hash"`
	Dialect     dpDialect   `json:"dialect"`
	TableSchema dpSchema    `json:"schema"`
	Licenses    []dpLicence `json:"licenses"`
}

// dpDialect is how every CSV of the site is written: RFC 4180 with a
// header row, as Go's encoding/csv writes it.
type dpDialect struct {
	Schema         string `json:"$schema"`
	Header         bool   `json:"header"`
	Delimiter      string `json:"delimiter"`
	LineTerminator string `json:"lineTerminator"`
	QuoteChar      string `json:"quoteChar"`
	DoubleQuote    bool   `json:"doubleQuote"`
}

type dpSchema struct {
	Schema        string         `json:"$schema"`
	Fields        []dpField      `json:"fields"`
	MissingValues []string       `json:"missingValues"`
	PrimaryKey    []string       `json:"primaryKey,omitempty"`
	ForeignKeys   []dpForeignKey `json:"foreignKeys,omitempty"`
}

type dpField struct {
	Name        string        `json:"name"`
	Type        string        `json:"type"`
	Title       string        `json:"title,omitempty"`
	Description string        `json:"description,omitempty"`
	Constraints *dpConstraint `json:"constraints,omitempty"`
}

type dpConstraint struct {
	Required bool     `json:"required,omitempty"`
	Unique   bool     `json:"unique,omitempty"`
	Enum     []any    `json:"enum,omitempty"`
	Minimum  *float64 `json:"minimum,omitempty"`
	Maximum  *float64 `json:"maximum,omitempty"`
}

type dpForeignKey struct {
	Fields    []string    `json:"fields"`
	Reference dpReference `json:"reference"`
}

type dpReference struct {
	Resource string   `json:"resource"`
	Fields   []string `json:"fields"`
}

func ptr(v float64) *float64 { return &v }

// fieldKey is the foreign key of a column "field" to fields.csv.
var fieldKey = dpForeignKey{Fields: []string{"field"}, Reference: dpReference{Resource: "fields", Fields: []string{"field"}}}

// column describes one CSV column; its title and description are UI texts
// named after the column, so that the data page explains the same words.
func (p *Publication) column(name, typ string, c *dpConstraint) dpField {
	return dpField{Name: name, Type: typ, Title: p.Text("column_" + name), Constraints: c}
}

func required() *dpConstraint { return &dpConstraint{Required: true} }

// enum allows the values vs; text values as the CSV holds them, defused.
func enum[T any](required bool, vs ...T) *dpConstraint {
	c := &dpConstraint{Required: required}
	for _, v := range vs {
		if s, ok := any(v).(string); ok {
			c.Enum = append(c.Enum, Defuse(s))
		} else {
			c.Enum = append(c.Enum, v)
		}
	}
	return c
}

func (p *Publication) fieldSlugs() []string {
	var slugs []string
	for _, f := range p.Model.Instrument.Fields {
		slugs = append(slugs, f.Slug)
	}
	return slugs
}

func (p *Publication) answersSchema(r *selfcheck.Round) dpSchema {
	in := p.Model.Instrument
	var points []int
	var labels []string
	for _, o := range in.Scale {
		points = append(points, o.Points)
		labels = append(labels, o.Label)
	}
	if !slices.Contains(labels, p.Skipped) {
		labels = append(labels, p.Skipped)
	}
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("round", "string", enum(true, r.ID)),
			p.column("question_id", "string", required()),
			p.column("field", "string", enum(true, p.fieldSlugs()...)),
			p.column("topic", "string", nil),
			p.column("question", "string", required()),
			p.column("points", "integer", enum(false, points...)),
			p.column("label", "string", enum(true, labels...)),
			p.column("skipped", "boolean", required()),
			p.column("comment", "string", nil),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"round", "question_id"},
		ForeignKeys:   []dpForeignKey{{Fields: []string{"question_id"}, Reference: dpReference{Resource: "questions", Fields: []string{"question_id"}}}, fieldKey},
	}
}

func (p *Publication) scoresSchema(r *selfcheck.Round) dpSchema {
	count := &dpConstraint{Required: true, Minimum: ptr(0)}
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("round", "string", enum(true, r.ID)),
			p.column("id", "string", required()),
			p.column("level", "string", enum(true, "field", "topic")),
			p.column("field", "string", enum(true, p.fieldSlugs()...)),
			p.column("topic", "string", nil),
			p.column("title", "string", required()),
			p.column("score", "number", &dpConstraint{Minimum: ptr(0), Maximum: ptr(100)}),
			p.column("answered", "integer", count),
			p.column("skipped", "integer", count),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"round", "id"},
		ForeignKeys:   []dpForeignKey{fieldKey},
	}
}

func recommendationStatuses() []string {
	var statuses []string
	for _, s := range selfcheck.Statuses {
		statuses = append(statuses, string(s))
	}
	return statuses
}

func (p *Publication) recommendationsSchema(r *selfcheck.Round) dpSchema {
	statuses := recommendationStatuses()
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("round", "string", enum(true, r.ID)),
			p.column("field", "string", enum(true, p.fieldSlugs()...)),
			p.column("position", "integer", &dpConstraint{Required: true, Minimum: ptr(1)}),
			p.column("text", "string", required()),
			p.column("status", "string", enum(true, statuses...)),
			p.column("note", "string", nil),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"round", "field", "position"},
		ForeignKeys:   []dpForeignKey{fieldKey},
	}
}

// allRecommendationsSchema describes recommendations.csv, whose key is
// the one measures refer to.
func (p *Publication) allRecommendationsSchema() dpSchema {
	var rounds []string
	for _, r := range p.Model.Rounds {
		rounds = append(rounds, r.ID)
	}
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("recommendation_id", "string", &dpConstraint{Required: true, Unique: true}),
			p.column("round", "string", enum(true, rounds...)),
			p.column("field", "string", enum(true, p.fieldSlugs()...)),
			p.column("position", "integer", &dpConstraint{Required: true, Minimum: ptr(1)}),
			p.column("text", "string", required()),
			p.column("status", "string", enum(true, recommendationStatuses()...)),
			p.column("note", "string", nil),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"recommendation_id"},
		ForeignKeys:   []dpForeignKey{fieldKey},
	}
}

func (p *Publication) fieldsSchema() dpSchema {
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("field", "string", &dpConstraint{Required: true, Unique: true}),
			p.column("field_title", "string", required()),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"field"},
	}
}

func (p *Publication) questionsSchema() dpSchema {
	return dpSchema{
		Schema: schemaProfile,
		Fields: []dpField{
			p.column("question_id", "string", &dpConstraint{Required: true, Unique: true}),
			p.column("field", "string", enum(true, p.fieldSlugs()...)),
			p.column("field_title", "string", required()),
			p.column("topic", "string", nil),
			p.column("topic_title", "string", nil),
			p.column("question", "string", required()),
		},
		MissingValues: []string{""},
		PrimaryKey:    []string{"question_id"},
		ForeignKeys:   []dpForeignKey{fieldKey},
	}
}

func chartSchema(c Chart) dpSchema {
	s := dpSchema{Schema: schemaProfile, MissingValues: []string{""}}
	// The names are those of the header row, defused as it is.
	s.Fields = append(s.Fields, dpField{Name: Defuse(c.Category), Type: "string", Constraints: &dpConstraint{Required: true, Unique: true}})
	for _, name := range c.Series {
		f := dpField{Name: Defuse(name), Type: "number"}
		if c.Unit == "%" {
			f.Constraints = &dpConstraint{Minimum: ptr(0), Maximum: ptr(100)}
		} else {
			f.Constraints = &dpConstraint{Minimum: ptr(0)}
		}
		s.Fields = append(s.Fields, f)
	}
	return s
}

func (p *Publication) dpLicences() []dpLicence {
	l := p.Licence()
	return []dpLicence{{Name: l.SPDX, Path: l.Text, Title: l.Title(p.Config.Language)}}
}

func (p *Publication) dataPackage(files map[string][]byte) ([]byte, error) {
	m, cfg := p.Model, p.Config
	pkg := dpPackage{
		Schema: packageProfile, Name: "selfcheck", ID: p.URL(""),
		Title:        p.Text("data_package_title", m.Instrument.Title, cfg.Publisher()),
		Description:  p.Text("data_package_description", m.Instrument.Title, cfg.Publisher()),
		Homepage:     p.URL(""),
		Keywords:     p.keywords(),
		Contributors: []dpContributor{{Title: cfg.Publisher(), Path: cfg.AbsURL("/"), Roles: []string{"publisher"}}},
		Licenses:     p.dpLicences(),
	}
	if r := m.Latest(); r != nil {
		pkg.Created = r.Date.ISO() + "T00:00:00Z"
	}
	add := func(name, file, title string, schema dpSchema) {
		res := dpResource{
			Schema: resourceProfile, Name: name, Path: file, Type: "table", Title: title,
			Description: p.Text("data_formulas"),
			Format:      "csv", Mediatype: "text/csv", Encoding: "utf-8",
			Bytes: len(files[file]), Hash: "sha256:" + hash(files[file]),
			Dialect:     dpDialect{Schema: dialectProfile, Header: true, Delimiter: ",", LineTerminator: "\n", QuoteChar: `"`, DoubleQuote: true},
			TableSchema: schema, Licenses: p.dpLicences(),
		}
		pkg.Resources = append(pkg.Resources, res)
	}
	add("fields", FieldsCSV, p.Text("data_fields_title", m.Instrument.Title), p.fieldsSchema())
	add("questions", QuestionsCSV, p.Text("data_questions_title", m.Instrument.Title), p.questionsSchema())
	add("recommendations", RecommendationsAllCSV, p.Text("data_all_recommendations_title"), p.allRecommendationsSchema())
	for _, r := range m.Rounds {
		add("answers-"+r.ID, AnswersCSV(r.ID), p.Text("data_answers_title", r.Title), p.answersSchema(r))
		add("scores-"+r.ID, ScoresCSV(r.ID), p.Text("data_scores_title", r.Title), p.scoresSchema(r))
		add("recommendations-"+r.ID, RecommendationsCSV(r.ID), p.Text("data_recommendations_title", r.Title), p.recommendationsSchema(r))
	}
	p.measureResources(add)
	for _, c := range p.Charts {
		add(c.ID, ChartCSV(c.ID), c.Title, chartSchema(c))
	}
	return marshal(pkg)
}

func (p *Publication) keywords() []string {
	var kw []string
	for _, f := range p.Model.Instrument.Fields {
		kw = append(kw, f.Title)
	}
	return append([]string{p.Model.Instrument.Title}, kw...)
}
