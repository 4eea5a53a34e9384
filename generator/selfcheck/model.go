package selfcheck

import (
	"offenbar/generator/diag"
	"offenbar/generator/tomldoc"
)

// Instrument is the questionnaire: scale, fields, topics and questions.
type Instrument struct {
	Title        string        `toml:"title"`
	Description  string        `toml:"description"`
	Source       string        `toml:"source"`
	SkippedLabel string        `toml:"skipped_label"`
	Scale        []ScaleOption `toml:"scale"`
	Fields       []*Field      `toml:"fields"`

	Doc       *tomldoc.Doc         `toml:"-"`
	Questions []*Question          `toml:"-"` // all questions in order
	byID      map[string]*Question `toml:"-"`
	bySlug    map[string]*Field    `toml:"-"`
}

// ScaleOption is one point of the answer scale.
type ScaleOption struct {
	Points int    `toml:"points"`
	Label  string `toml:"label"`
}

// Field is an action field (Handlungsfeld).
type Field struct {
	Slug        string      `toml:"slug"`
	Title       string      `toml:"title"`
	Short       string      `toml:"short"`
	Description string      `toml:"description"`
	Topics      []*Topic    `toml:"topics"`
	Questions   []*Question `toml:"questions"`

	Index int `toml:"-"` // position among the fields, from 0
}

// ShortTitle is Short, or Title when no short name is given.
func (f *Field) ShortTitle() string {
	if f.Short != "" {
		return f.Short
	}
	return f.Title
}

// Topic groups questions inside a field.
type Topic struct {
	Slug  string `toml:"slug"`
	Title string `toml:"title"`

	Questions []*Question `toml:"-"`
}

// Question is one question of the instrument.
type Question struct {
	ID    string `toml:"id"`
	Topic string `toml:"topic"`
	Text  string `toml:"text"`

	Field    *Field   `toml:"-"`
	TopicRef *Topic   `toml:"-"`
	Pos      diag.Pos `toml:"-"`
}

// Anchor is the question's fragment ID on its field page.
func (q *Question) Anchor() string { return anchor(q.ID) }

// Question returns the question with the given ID, or nil.
func (in *Instrument) Question(id string) *Question { return in.byID[id] }

// Field returns the field with the given slug, or nil.
func (in *Instrument) Field(slug string) *Field { return in.bySlug[slug] }

// MinPoints and MaxPoints bound the scale.
func (in *Instrument) MinPoints() int { return in.Scale[0].Points }

// MaxPoints is the highest point of the scale.
func (in *Instrument) MaxPoints() int { return in.Scale[len(in.Scale)-1].Points }

// Label returns the scale label for points.
func (in *Instrument) Label(points int) string {
	for _, o := range in.Scale {
		if o.Points == points {
			return o.Label
		}
	}
	return ""
}

// Round is one completed self-check.
type Round struct {
	ID          string                  `toml:"-"`
	Title       string                  `toml:"title"`
	Date        tomldoc.Date            `toml:"date"`
	Draft       bool                    `toml:"draft"`
	Respondents []string                `toml:"respondents"`
	Summary     string                  `toml:"summary"`
	Workshop    *Workshop               `toml:"workshop"`
	RawAnswers  map[string]any          `toml:"answers"`
	Fields      map[string]*FieldResult `toml:"fields"`

	Doc     *tomldoc.Doc       `toml:"-"`
	Answers map[string]*Answer `toml:"-"` // by question ID
	Prev    *Round             `toml:"-"` // the round before, or nil
}

// Workshop is the evaluation workshop of a round.
type Workshop struct {
	Date         tomldoc.Date `toml:"date"`
	Format       string       `toml:"format"`
	Participants int          `toml:"participants"`
	Description  string       `toml:"description"`
}

// FieldResult is a round's assessment of one field.
type FieldResult struct {
	Assessment      string            `toml:"assessment"`
	Recommendations []*Recommendation `toml:"recommendations"`
}

// Status is how far a recommendation has been taken up.
type Status string

// The statuses, in the order of progress.
const (
	Planned    Status = "planned"
	InProgress Status = "in_progress"
	Done       Status = "done"
)

// Statuses lists every valid status.
var Statuses = []Status{Planned, InProgress, Done}

// Recommendation is a suggestion for further work (Anregung).
type Recommendation struct {
	Text   string `toml:"text"`
	Status Status `toml:"status"`
	Note   string `toml:"note"`
}

// Answer is a round's answer to one question.
type Answer struct {
	Question *Question
	Points   int
	Skipped  bool
	Comment  string
}

// Model is an instrument with its rounds, oldest round first.
type Model struct {
	Instrument *Instrument
	Rounds     []*Round
}

// Latest returns the newest round, or nil.
func (m *Model) Latest() *Round {
	if len(m.Rounds) == 0 {
		return nil
	}
	return m.Rounds[len(m.Rounds)-1]
}

// WithoutDrafts returns the model without draft rounds.
func (m *Model) WithoutDrafts() *Model {
	out := &Model{Instrument: m.Instrument}
	for _, r := range m.Rounds {
		if !r.Draft {
			out.Rounds = append(out.Rounds, r)
		}
	}
	out.link()
	return out
}

func (m *Model) link() {
	for i, r := range m.Rounds {
		r.Prev = nil
		if i > 0 {
			r.Prev = m.Rounds[i-1]
		}
	}
}

// Round returns the round with the given ID, or nil.
func (m *Model) Round(id string) *Round {
	for _, r := range m.Rounds {
		if r.ID == id {
			return r
		}
	}
	return nil
}
