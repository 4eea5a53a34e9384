package opendata

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"

	"offenbar/generator/selfcheck"
)

func (p *Publication) label(a *selfcheck.Answer) string {
	if a.Skipped {
		return p.Skipped
	}
	return p.Model.Instrument.Label(a.Points)
}

// answerColumns are the columns of <round>.csv.
var answerColumns = []string{"round", "question_id", "field", "topic", "question", "points", "label", "skipped", "comment"}

func (p *Publication) answersCSV(r *selfcheck.Round) []byte {
	rows := [][]cell{texts(answerColumns...)}
	for _, q := range p.Model.Instrument.Questions {
		a := r.Answers[q.ID]
		if a == nil {
			continue
		}
		points := strconv.Itoa(a.Points)
		if a.Skipped {
			points = ""
		}
		rows = append(rows, []cell{str(r.ID), str(q.ID), str(q.Field.Slug), str(q.Topic), str(q.Text), num(points), str(p.label(a)), str(strconv.FormatBool(a.Skipped)), str(a.Comment)})
	}
	return writeCSV(rows)
}

// score is a score in percent with one decimal, and false when nothing was
// answered.
func score(sc selfcheck.Score) (float64, bool) {
	v, ok := sc.Percent()
	return math.Round(v*10) / 10, ok
}

func scorePtr(sc selfcheck.Score) *float64 {
	if v, ok := score(sc); ok {
		return &v
	}
	return nil
}

type jsonRound struct {
	Schema      string       `json:"$schema"`
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Date        string       `json:"date"`
	Instrument  string       `json:"instrument"`
	Respondents []string     `json:"respondents"`
	Scale       []jsonScale  `json:"scale"`
	Fields      []jsonField  `json:"fields"`
	Answers     []jsonAnswer `json:"answers"`
}

type jsonScale struct {
	Points int    `json:"points"`
	Label  string `json:"label"`
}

type jsonField struct {
	Slug            string    `json:"slug"`
	Title           string    `json:"title"`
	Score           *float64  `json:"score"`
	Answered        int       `json:"answered"`
	Skipped         int       `json:"skipped"`
	Assessment      string    `json:"assessment,omitempty"`
	Recommendations []jsonRec `json:"recommendations"`
}

type jsonRec struct {
	Text   string `json:"text"`
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
}

type jsonAnswer struct {
	Question string `json:"question_id"`
	Field    string `json:"field"`
	Topic    string `json:"topic,omitempty"`
	Text     string `json:"question"`
	Points   *int   `json:"points"`
	Label    string `json:"label"`
	Skipped  bool   `json:"skipped"`
	Comment  string `json:"comment,omitempty"`
}

func (p *Publication) answersJSON(r *selfcheck.Round) ([]byte, error) {
	in := p.Model.Instrument
	jr := jsonRound{
		Schema: p.URL(SchemaJSON),
		ID:     r.ID, Title: r.Title, Date: r.Date.ISO(), Instrument: in.Title,
		Respondents: append([]string{}, r.Respondents...),
		Answers:     []jsonAnswer{},
	}
	for _, o := range in.Scale {
		jr.Scale = append(jr.Scale, jsonScale{o.Points, o.Label})
	}
	for _, f := range in.Fields {
		sc := r.Score(in, f.Questions)
		jf := jsonField{Slug: f.Slug, Title: f.Title, Score: scorePtr(sc), Answered: sc.Answered, Skipped: sc.Skipped, Recommendations: []jsonRec{}}
		if res := r.Fields[f.Slug]; res != nil {
			jf.Assessment = strings.TrimSpace(res.Assessment)
			for _, rec := range res.Recommendations {
				jf.Recommendations = append(jf.Recommendations, jsonRec{rec.Text, string(rec.Status), rec.Note})
			}
		}
		jr.Fields = append(jr.Fields, jf)
	}
	for _, q := range in.Questions {
		a := r.Answers[q.ID]
		if a == nil {
			continue
		}
		ja := jsonAnswer{Question: q.ID, Field: q.Field.Slug, Topic: q.Topic, Text: q.Text, Label: p.label(a), Skipped: a.Skipped, Comment: a.Comment}
		if !a.Skipped {
			pts := a.Points
			ja.Points = &pts
		}
		jr.Answers = append(jr.Answers, ja)
	}
	return marshal(jr)
}

func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	return append(b, '\n'), err
}

// scoreRow is one row of <round>-scores: a field, or a topic in a field.
type scoreRow struct {
	Round    string   `json:"round"`
	ID       string   `json:"id"`
	Level    string   `json:"level"`
	Field    string   `json:"field"`
	Topic    string   `json:"topic,omitempty"`
	Title    string   `json:"title"`
	Score    *float64 `json:"score"`
	Answered int      `json:"answered"`
	Skipped  int      `json:"skipped"`
}

var scoreColumns = []string{"round", "id", "level", "field", "topic", "title", "score", "answered", "skipped"}

// scoreRows lists the round's score of every field, each followed by the
// scores of its topics.
func (p *Publication) scoreRows(r *selfcheck.Round) []scoreRow {
	in := p.Model.Instrument
	var rows []scoreRow
	for _, f := range in.Fields {
		sc := r.Score(in, f.Questions)
		rows = append(rows, scoreRow{Round: r.ID, ID: f.Slug, Level: "field", Field: f.Slug, Title: f.Title, Score: scorePtr(sc), Answered: sc.Answered, Skipped: sc.Skipped})
		for _, t := range f.Topics {
			sc := r.Score(in, t.Questions)
			rows = append(rows, scoreRow{Round: r.ID, ID: f.Slug + "/" + t.Slug, Level: "topic", Field: f.Slug, Topic: t.Slug, Title: t.Title, Score: scorePtr(sc), Answered: sc.Answered, Skipped: sc.Skipped})
		}
	}
	return rows
}

func (p *Publication) scoresCSV(r *selfcheck.Round) []byte {
	rows := [][]cell{texts(scoreColumns...)}
	for _, s := range p.scoreRows(r) {
		v := ""
		if s.Score != nil {
			v = number(*s.Score, true)
		}
		rows = append(rows, append(texts(s.Round, s.ID, s.Level, s.Field, s.Topic, s.Title), num(v), num(strconv.Itoa(s.Answered)), num(strconv.Itoa(s.Skipped))))
	}
	return writeCSV(rows)
}

type jsonScores struct {
	Round   string      `json:"round"`
	Title   string      `json:"title"`
	Date    string      `json:"date"`
	License jsonLicence `json:"license"`
	Method  string      `json:"method"`
	Scores  []scoreRow  `json:"scores"`
}

type jsonLicence struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Attribution string `json:"attribution,omitempty"`
}

func (p *Publication) licenceJSON() jsonLicence {
	l := p.Licence()
	j := jsonLicence{ID: l.ID, Title: l.Title(p.Config.Language), URL: l.Text}
	if l.BY {
		j.Attribution = p.Config.Data.Attribution
	}
	return j
}

func (p *Publication) scoresJSON(r *selfcheck.Round) ([]byte, error) {
	return marshal(jsonScores{
		Round: r.ID, Title: r.Title, Date: r.Date.ISO(), License: p.licenceJSON(),
		Method: p.MethodURL, Scores: p.scoreRows(r),
	})
}

var recommendationColumns = []string{"round", "field", "position", "text", "status", "note"}

func (p *Publication) recommendationsCSV(r *selfcheck.Round) []byte {
	rows := [][]cell{texts(recommendationColumns...)}
	for _, f := range p.Model.Instrument.Fields {
		res := r.Fields[f.Slug]
		if res == nil {
			continue
		}
		for i, rec := range res.Recommendations {
			rows = append(rows, []cell{str(r.ID), str(f.Slug), num(strconv.Itoa(i + 1)), str(rec.Text), str(string(rec.Status)), str(rec.Note)})
		}
	}
	return writeCSV(rows)
}

// RecommendationID is the key of a round's recommendation in the open
// data, as a measure refers to it: round, field and position from 1, such
// as "2024/fairer-zugang/2".
func RecommendationID(round, field string, position int) string {
	return round + "/" + field + "/" + strconv.Itoa(position)
}

// allRecommendationColumns are the columns of recommendations.csv: every
// recommendation of every round, under the key that measures refer to.
var allRecommendationColumns = []string{"recommendation_id", "round", "field", "position", "text", "status", "note"}

func (p *Publication) allRecommendationsCSV() []byte {
	rows := [][]cell{texts(allRecommendationColumns...)}
	for _, r := range p.Model.Rounds {
		for _, f := range p.Model.Instrument.Fields {
			res := r.Fields[f.Slug]
			if res == nil {
				continue
			}
			for i, rec := range res.Recommendations {
				rows = append(rows, []cell{str(RecommendationID(r.ID, f.Slug, i+1)), str(r.ID), str(f.Slug), num(strconv.Itoa(i + 1)), str(rec.Text), str(string(rec.Status)), str(rec.Note)})
			}
		}
	}
	return writeCSV(rows)
}

// fieldColumns are the columns of fields.csv, the key of every table's
// field column.
var fieldColumns = []string{"field", "field_title"}

func (p *Publication) fieldsCSV() []byte {
	rows := [][]cell{texts(fieldColumns...)}
	for _, f := range p.Model.Instrument.Fields {
		rows = append(rows, texts(f.Slug, f.Title))
	}
	return writeCSV(rows)
}

var questionColumns = []string{"question_id", "field", "field_title", "topic", "topic_title", "question"}

func (p *Publication) questionsCSV() []byte {
	rows := [][]cell{texts(questionColumns...)}
	for _, q := range p.Model.Instrument.Questions {
		topic := ""
		if q.TopicRef != nil {
			topic = q.TopicRef.Title
		}
		rows = append(rows, texts(q.ID, q.Field.Slug, q.Field.Title, q.Topic, topic, q.Text))
	}
	return writeCSV(rows)
}

func chartCSV(c Chart) []byte {
	rows := [][]cell{texts(append([]string{c.Category}, c.Series...)...)}
	for i, cat := range c.Categories {
		row := []cell{str(cat)}
		for _, vs := range c.Values {
			row = append(row, num(number(vs[i], !math.IsNaN(vs[i]))))
		}
		rows = append(rows, row)
	}
	return writeCSV(rows)
}
