package measure

import (
	"time"

	"offenbar/generator/diag"
	"offenbar/generator/tomldoc"
)

// Dir holds the measures below the site directory.
const Dir = "content/measures"

// Status is how far a measure has come.
type Status string

// The statuses of a measure.
const (
	Planned    Status = "planned"
	InProgress Status = "in_progress"
	Done       Status = "done"
	Delayed    Status = "delayed"
	Stopped    Status = "stopped"
)

// Statuses lists every status, in the order pages group them.
var Statuses = []Status{InProgress, Delayed, Planned, Done, Stopped}

// MaxUpdates and MaxMilestones are the most updates and milestones a
// measure may have: an update every week for nineteen years. Each is
// shown on the measure's page in every language and written to the open
// data; a measure of 100,000 updates took 160 s and 1.3 GB to build and
// gave pages of 28 MB.
const (
	MaxUpdates    = 1000
	MaxMilestones = 1000
)

// DefaultStaleMonths is how long a measure may go without an update before
// its page says "no news since", when site.toml does not say.
const DefaultStaleMonths = 6

// Front is the front matter of a measure.
type Front struct {
	Title           string       `toml:"title"`
	Summary         string       `toml:"summary"`
	Fields          []string     `toml:"fields"`
	Recommendations []string     `toml:"recommendations"`
	Responsible     string       `toml:"responsible"`
	Partners        []string     `toml:"partners"`
	Start           When         `toml:"start"`
	Due             When         `toml:"due"`
	Budget          *float64     `toml:"budget"`
	BudgetNote      string       `toml:"budget_note"`
	Progress        *int         `toml:"progress"`
	Decision        *Decision    `toml:"decision"`
	Milestones      []*Milestone `toml:"milestones"`
	Updates         []*Update    `toml:"updates"`
	Indicator       *Indicator   `toml:"indicator"`
}

// Decision is the resolution a measure rests on.
type Decision struct {
	By        string       `toml:"by"`
	Date      tomldoc.Date `toml:"date"`
	Reference string       `toml:"reference"` // such as "Beschluss 2024/117"
	URL       string       `toml:"url"`
}

// Milestone is a step on the way.
type Milestone struct {
	Date  tomldoc.Date `toml:"date"`
	Title string       `toml:"title"`
	Done  bool         `toml:"done"`
}

// Update is one entry of a measure's history.
type Update struct {
	Date   tomldoc.Date `toml:"date"`
	Status Status       `toml:"status"`
	Text   string       `toml:"text"` // Markdown

	Index int `toml:"-"` // position in the history, from 0
}

// Indicator is what a measure is measured by.
type Indicator struct {
	Name     string   `toml:"name"`
	Unit     string   `toml:"unit"`
	Baseline *float64 `toml:"baseline"`
	Target   *float64 `toml:"target"`
	Current  *float64 `toml:"current"`
}

// Share is how far current has come from baseline to target, from 0 to 1,
// and false when it cannot be told.
func (in *Indicator) Share() (float64, bool) {
	if in == nil || in.Target == nil || in.Current == nil {
		return 0, false
	}
	base := 0.0
	if in.Baseline != nil {
		base = *in.Baseline
	}
	if *in.Target == base {
		return 0, false
	}
	s := (*in.Current - base) / (*in.Target - base)
	return max(0, min(1, s)), true
}

// Measure is one measure with its history.
type Measure struct {
	Front
	ID   string // the file or folder name
	Path string // source path relative to the site directory
	Body []byte // Markdown with the front matter blanked out
	Meta *tomldoc.Doc
	// Bundle is the folder of a measure written as <folder>/index.md, and
	// Files the other files in it, relative to it and sorted.
	Bundle string
	Files  []string
	// Refs are the recommendations it takes up, resolved by Check.
	Refs []*Ref
	// Translations are the measure's translations by language.
	Translations map[string]*Translation
	// Hash identifies the original's text, for telling stale translations.
	Hash string
}

// Status is the status of the newest update, or Planned.
func (m *Measure) Status() Status {
	if u := m.Latest(); u != nil {
		return u.Status
	}
	return Planned
}

// Latest is the newest update, or nil.
func (m *Measure) Latest() *Update {
	if len(m.Updates) == 0 {
		return nil
	}
	return m.Updates[len(m.Updates)-1]
}

// Overdue reports whether the measure's due day lies before today and it
// is neither done nor stopped.
func (m *Measure) Overdue(today time.Time) bool {
	if m.Due.IsZero() {
		return false
	}
	s := m.Status()
	return s != Done && s != Stopped && day(today).After(m.Due.Last())
}

// Stale reports whether the newest update, or the start when there is
// none, is more than months months before today, for a measure still
// open: "keine Nachricht seit …".
func (m *Measure) Stale(today time.Time, months int) bool {
	if s := m.Status(); s == Done || s == Stopped {
		return false
	}
	since := m.Since()
	if since.IsZero() {
		return false
	}
	return since.AddDate(0, months, 0).Before(day(today))
}

// Since is the day of the newest update, or zero.
func (m *Measure) Since() time.Time {
	if u := m.Latest(); u != nil {
		return day(u.Date.Time)
	}
	return time.Time{}
}

// TakesUp reports whether the measure takes up the recommendation.
func (m *Measure) TakesUp(round, field string, index int) bool {
	for _, r := range m.Refs {
		if r.Round == round && r.Field == field && r.Index == index {
			return true
		}
	}
	return false
}

// Ref is a resolved reference to a recommendation of a round.
type Ref struct {
	Round string // round ID
	Field string // field slug
	Index int    // from 0 among the field's recommendations of the round
	Pos   diag.Pos
}

// String is the reference as written: "2024/fairer-zugang/2".
func (r *Ref) String() string { return r.Round + "/" + r.Field + "/" + itoa(r.Index+1) }

// Translation is a measure's texts in a further language.
type Translation struct {
	TranslationFront
	Lang string
	Path string
	Body []byte
	Meta *tomldoc.Doc
}

// TranslationFront is the front matter of a translation.
type TranslationFront struct {
	Title       string   `toml:"title"`
	Summary     string   `toml:"summary"`
	Responsible string   `toml:"responsible"`
	Partners    []string `toml:"partners"`
	BudgetNote  string   `toml:"budget_note"`
	Milestones  []string `toml:"milestones"`
	Updates     []string `toml:"updates"`
	Indicator   string   `toml:"indicator"`
	Translation string   `toml:"translation"`
	Source      string   `toml:"source"`
}

// day is the calendar day of t, in UTC.
func day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
