package site

import (
	"html/template"
	"math"

	"offenbar/generator/chart"
	"offenbar/generator/config"
	"offenbar/generator/content"
	"offenbar/generator/opendata"
	"offenbar/generator/selfcheck"
)

// FieldView is an action field as its pages show it.
type FieldView struct {
	*selfcheck.Field
	URL      string
	Now      int // latest score in percent, -1 when nothing was answered
	Before   int // previous round's score, -1 when there is none
	Delta    int
	HasPrev  bool
	Latest   selfcheck.Score
	Topics   []*TopicView
	Groups   []*QuestionGroup
	Result   *ResultView
	Articles []*DocView
	Measures []*MeasureView // the measures of the field
	Events   []*EventView   // upcoming first, then past
	Charts   []*ChartView
	// TrendNote says, in place of a trend chart, that there is one round.
	TrendNote string
	Rounds    []*FieldRound // the field in every round, oldest first
	Embed     *Embed        // the field's embed page, or nil
	// Contact is whom to ask about the field, from site.toml, or nil.
	Contact *ContactView
}

// ContactView is an office to ask, with its phone number as a link.
type ContactView struct {
	*config.Office
	Name     template.HTML // the office in the page's language, or marked as the default language's
	PhoneURL template.URL  // tel:, which html/template would not pass
	MailURL  template.URL  // mailto:, with the @ left as it is
}

func (s *Site) contactView(c *config.Office) *ContactView {
	if c == nil {
		return nil
	}
	v := &ContactView{Office: c, Name: s.marked(c.Office, s.root != nil)}
	if name := c.Offices[s.Lang.Code]; name != "" {
		v.Name = template.HTML(template.HTMLEscapeString(name))
	}
	if c.Phone != "" {
		v.PhoneURL = template.URL(c.PhoneURI())
	}
	if c.Email != "" {
		// validateOffice let through no space, quote or angle bracket.
		v.MailURL = template.URL("mailto:" + c.Email)
	}
	return v
}

// FieldRound is a field's score in one round.
type FieldRound struct {
	Round *RoundView
	Score selfcheck.Score
}

// TopicView is a topic with its scores.
type TopicView struct {
	*selfcheck.Topic
	Now, Before int
}

// QuestionGroup is the questions of one topic, or of a field without topics.
type QuestionGroup struct {
	Title     string
	Slug      string
	Questions []*QuestionView
}

// QuestionView is a question with its latest answer.
type QuestionView struct {
	*selfcheck.Question
	URL        string // permalink on the field page
	Answered   bool   // the latest round has an answer
	Points     int
	Skipped    bool
	Label      string
	Comment    string
	PrevLabel  string // previous round's answer; "" when there is none
	BeforeText string // "vorher: …" when the answer changed, else ""
	Change     string // same, better, worse, now_answered, now_skipped, new
}

// ResultView is the latest assessment and recommendations of a field.
type ResultView struct {
	Round           *RoundView
	Assessment      template.HTML
	AssessmentText  string // the Markdown it was rendered from
	Recommendations []*RecView
}

// ChartView is a chart with its summary, table and data links.
type ChartView struct {
	ID      string
	Kind    chart.Kind
	Title   string
	Summary string
	// SVG is the chart drawn at build time, in a narrow and a wide layout.
	SVG     template.HTML
	Options template.JS
	// DarkPalette is the JSON list of series colours for a dark scheme.
	DarkPalette string
	// Head heads the table's first column: what its rows are, such as
	// "Handlungsfeld" or "Runde".
	Head    string
	Columns []template.HTML
	Rows    []TableRow
	DataURL string // the chart's numbers as CSV
	Embed   *Embed // the chart's embed page, or nil
	// DataLabel is the link text of DataURL; on another language's pages
	// it says that the file is in the default language.
	DataLabel string
	// Unit is what the values are, "%" or "" for counts, for the
	// interactive chart's tooltips.
	Unit  string
	table opendata.Chart
}

// TableRow is one row of a chart's table.
type TableRow struct {
	Head  template.HTML
	Cells []string
}

// RoundView is a round as its pages show it.
type RoundView struct {
	*selfcheck.Round
	URL          string
	CSV, JSON    string
	Prev         *RoundView
	Total        selfcheck.Score
	SummaryHTML  template.HTML
	WorkshopHTML template.HTML
	Fields       []*RoundField
	Charts       []*ChartView
	Changed      int          // questions whose answer changed
	Events       []*EventView // the events that follow it up: upcoming first, then past
}

// RoundField is one field's change within a round.
type RoundField struct {
	Field   *FieldView
	Now     int
	Before  int
	Delta   int
	Changes []*QuestionView // questions whose answer changed
}

// DocView is an article or page ready to render.
type DocView struct {
	*content.Doc
	URL    string
	srcURL string // the URL of the original, which its relative links are written for
	// Stale is set on a translation whose original changed since.
	Stale bool
	// VideoLabel is the type and size of a sign-language page's video.
	VideoLabel string
	Fields     []*FieldView
	Draft      bool
	md         *content.Markdown
	tags       []*TagView
	// germanTags is set where the tags are the original's, shown on a page
	// of another language.
	germanTags bool
}

// TagList is the document's tags with their pages.
func (d *DocView) TagList() []*TagView { return d.tags }

// TagView is a tag of articles, with its page.
type TagView struct {
	Name     string
	Slug     string
	URL      string
	Articles []*DocView // newest first
	// German is set on a page of another language for a tag that only
	// untranslated articles have.
	German bool
	site   *Site
}

// Title is the tag's name, marked as German where it is the original's.
func (t *TagView) Title() template.HTML { return t.site.marked(t.Name, t.German) }

// SrcURL is the address of the original in the default language.
func (d *DocView) SrcURL() string { return d.srcURL }

// Translated reports whether the document is shown in a translation.
func (d *DocView) Translated() bool { return d.Lang != "" }

// HTML converts the document's Markdown. It runs while its page renders, so
// that a build never holds the HTML of every article at once.
func (d *DocView) HTML() template.HTML { return d.md.RenderPage(d.Body, d.srcURL) }

func percent(s selfcheck.Score) int { return s.Rounded() }

func changeName(c selfcheck.Change) string {
	return [...]string{"same", "better", "worse", "now_answered", "now_skipped", "new"}[c]
}

// table builds a chart's table from the same data as the chart.
// tableRow is a row of a chart's table before its texts are marked.
type tableRow struct {
	Head  string
	Cells []string
}

func table(d chart.Data, format func(float64) string) ([]string, []tableRow) {
	cols := make([]string, len(d.Series))
	for i, s := range d.Series {
		cols[i] = s.Name
	}
	rows := make([]tableRow, len(d.Categories))
	for i, c := range d.Categories {
		rows[i].Head = c
		for _, s := range d.Series {
			v := s.Values[i]
			cell := "–"
			if !math.IsNaN(v) {
				cell = format(v)
			}
			rows[i].Cells = append(rows[i].Cells, cell)
		}
	}
	return cols, rows
}

func scoreValue(s selfcheck.Score) float64 {
	p, ok := s.Percent()
	if !ok {
		return math.NaN()
	}
	return math.Round(p)
}

// countFormat writes a count with the digits of the site's language.
func (s *Site) countFormat(v float64) string { return s.Lang.Number(int(v)) }

// Progress is a score then and now, in percent.
type Progress struct {
	Before, Now int
}

// Progress is where the town came from: the first round's total score and
// this round's; nil for the first round.
func (r *RoundView) Progress() *Progress {
	if r.Prev == nil {
		return nil
	}
	first := r
	for first.Prev != nil {
		first = first.Prev
	}
	return &Progress{Before: first.Total.Rounded(), Now: r.Total.Rounded()}
}
