package event

import (
	"time"

	"offenbar/generator/tomldoc"
)

// Dir holds the events of a site.
const Dir = "content/events"

// The kinds of event. Their names on pages are UI texts
// (event_kind_workshop …), so that the model stays language-neutral.
const (
	Workshop      = "workshop"
	RoundTable    = "round_table"
	DialogueForum = "dialogue_forum"
	Other         = "other"
)

// Kinds lists the kinds of event in the order the format names them.
var Kinds = []string{Workshop, RoundTable, DialogueForum, Other}

// The statuses of an event. Every status but Scheduled needs a note that
// says why.
const (
	Scheduled   = "scheduled"
	Cancelled   = "cancelled"
	Postponed   = "postponed"
	MovedOnline = "moved_online"
)

// Statuses lists the statuses in the order the format names them.
var Statuses = []string{Scheduled, Cancelled, Postponed, MovedOnline}

// How people attend an event, as schema.org's eventAttendanceMode names
// it without its prefix.
const (
	Offline = "offline" // in person only
	Online  = "online"  // online only
	Mixed   = "mixed"   // both: a hybrid event
)

// ReportAfter is how long after its end a past event may be without a
// report before check warns.
const ReportAfter = 30 * 24 * time.Hour

// Front is the front matter of an event.
type Front struct {
	Title         string        `toml:"title"`
	Kind          string        `toml:"kind"`
	Summary       string        `toml:"summary"`
	Start         Time          `toml:"start"`
	End           Time          `toml:"end"`
	AllDay        bool          `toml:"all_day"`
	Location      *Location     `toml:"location"`
	Online        string        `toml:"online"`
	Fields        []string      `toml:"fields"`
	Round         string        `toml:"round"`
	Measures      []string      `toml:"measures"`
	Registration  *Registration `toml:"registration"`
	Accessibility Accessibility `toml:"accessibility"`
	Fee           string        `toml:"fee"`
	Status        string        `toml:"status"`
	Note          string        `toml:"note"`
	Sequence      int           `toml:"sequence"`
	Report        string        `toml:"report"`
	Draft         bool          `toml:"draft"`
}

// Location is where an event takes place in person.
type Location struct {
	Name       string `toml:"name"`
	Address    string `toml:"address"`
	PostalCode string `toml:"postal_code"`
	City       string `toml:"city"`
	// Lat and Lon are optional coordinates in degrees (WGS 84), for the
	// map link and calendars' GEO.
	Lat *float64 `toml:"lat"`
	Lon *float64 `toml:"lon"`
}

// HasGeo reports whether the location has coordinates.
func (l *Location) HasGeo() bool { return l != nil && l.Lat != nil && l.Lon != nil }

// Registration says how to register for an event.
type Registration struct {
	URL      string `toml:"url"`
	Email    string `toml:"email"`
	Deadline Time   `toml:"deadline"`
}

// Accessibility is what an event offers so that everyone can take part.
type Accessibility struct {
	StepFree     bool     `toml:"step_free"`
	HearingLoop  bool     `toml:"hearing_loop"`
	SignLanguage bool     `toml:"sign_language"` // an interpreter of German Sign Language (DGS)
	EasyLanguage bool     `toml:"easy_language"` // held in Leichte Sprache
	Languages    []string `toml:"languages"`     // interpreting into these languages, BCP 47 tags
	Childcare    bool     `toml:"childcare"`
	Notes        string   `toml:"notes"`
}

// Any reports whether anything is offered or noted.
func (a Accessibility) Any() bool {
	return a.StepFree || a.HearingLoop || a.SignLanguage || a.EasyLanguage || len(a.Languages) > 0 || a.Childcare || a.Notes != ""
}

// TranslationFront is the front matter of an event's translation: its
// texts. Times, place and everything else come from the original.
type TranslationFront struct {
	Title   string `toml:"title"`
	Summary string `toml:"summary"`
	Note    string `toml:"note"`
	// Translation is "human" (the default) or "machine"; Source is the
	// hash of the original it translates (see content.SourceHash).
	Translation string `toml:"translation"`
	Source      string `toml:"source"`
}

// Event is one event, or one translation of an event.
type Event struct {
	Front
	// ID is the event's file name without .md, such as
	// "2025-03-12-runder-tisch-wohnen": its address below /termine/ and,
	// with the site's host, its UID in calendars.
	ID   string
	Path string       // source path relative to the site directory
	Body []byte       // Markdown with front matter blanked out
	Meta *tomldoc.Doc // front matter positions
	// Bundle is the folder of an event written as <folder>/index.md, and
	// Files the other files in it, relative to it and sorted.
	Bundle string
	Files  []string
	// Hash identifies the original's text, for telling stale translations.
	Hash string
	// Translations are an original's translations by language.
	Translations map[string]*Translation
}

// Translation is an event's texts in a further language.
type Translation struct {
	TranslationFront
	Lang string
	Path string
	Body []byte
	Meta *tomldoc.Doc
}

// Stale reports whether the original changed since tr was translated.
func (tr *Translation) Stale(e *Event) bool { return tr.Source != "" && tr.Source != e.Hash }

// Begins is when the event begins: for an all-day event, the start of
// its first day in the site's time zone.
func (e *Event) Begins() time.Time { return e.Start.Time }

// Ends is when the event ends. For an all-day event it is the start of
// the day after its last day, as calendars count.
func (e *Event) Ends() time.Time {
	if e.AllDay {
		last := e.Start.Time
		if !e.End.IsZero() {
			last = e.End.Time
		}
		return last.AddDate(0, 0, 1)
	}
	return e.End.Time
}

// LastDay is the day on which the event ends, at its start.
func (e *Event) LastDay() time.Time {
	if e.AllDay {
		return e.Ends().AddDate(0, 0, -1)
	}
	t := e.End.Time
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// OneDay reports whether the event begins and ends on the same day.
func (e *Event) OneDay() bool {
	b, l := e.Begins(), e.LastDay()
	return b.Year() == l.Year() && b.YearDay() == l.YearDay()
}

// Past reports whether the event has ended at now.
func (e *Event) Past(now time.Time) bool { return !e.Ends().After(now) }

// InPerson reports whether people can come to a place.
func (e *Event) InPerson() bool { return e.Location != nil && e.Status != MovedOnline }

// Attendance is how people attend: Offline, Online or Mixed.
func (e *Event) Attendance() string {
	switch {
	case e.InPerson() && e.Online != "":
		return Mixed
	case e.InPerson():
		return Offline
	}
	return Online
}

// Free reports whether taking part costs nothing.
func (e *Event) Free() bool { return e.Fee == "" }

// Active reports whether the event takes place as announced or online
// instead: not cancelled, not postponed.
func (e *Event) Active() bool { return e.Status == Scheduled || e.Status == MovedOnline }
