package site

import (
	"cmp"
	"fmt"
	"html/template"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/number"

	"offenbar/generator/event"
)

// NextEvents is how many upcoming events the home page lists.
const NextEvents = 3

// The addresses of the events' pages and calendars. Package ical's files
// are published at CalendarURL and EventCalendarURL, and the pages link
// them from there: this is the one place that names them.

// EventsURL is the site path of the list of events, such as /termine/ or
// /en/events/.
func (s *Site) EventsURL() string { return s.sectionURL(s.Lang.Paths.Events) }

// EventURL is the site path of an event's page, such as
// /termine/runder-tisch-wohnen/.
func (s *Site) EventURL(id string) string { return s.sectionURL(s.Lang.Paths.Events, id) }

// CalendarURL is the site path of the calendar of every event, in the
// site's language, to subscribe to: /termine.ics, /en/events.ics.
func (s *Site) CalendarURL() string { return s.Prefix + "/" + s.Lang.Paths.Events + ".ics" }

// EventCalendarURL is the site path of one event's calendar file, for
// "In den Kalender": /termine/runder-tisch-wohnen.ics.
func (s *Site) EventCalendarURL(id string) string {
	return s.Prefix + "/" + s.Lang.Paths.Events + "/" + id + ".ics"
}

// WebcalURL is the calendar's address with the webcal scheme, which
// calendar programs open to subscribe.
func (s *Site) WebcalURL() string {
	abs := s.Config.AbsURL(s.CalendarURL())
	_, rest, _ := strings.Cut(abs, "://")
	return "webcal://" + rest
}

// EventView is an event as its pages show it, with its texts in the page's
// language where it is translated.
type EventView struct {
	*event.Event
	URL string
	// Calendar is the site path of its calendar file, "" when the site
	// has none.
	Calendar string
	srcURL   string // the original's address, which its relative links are written for
	path     string // the file that Body comes from: the original or the translation
	// Title, Summary, Note and Body are the translation's where there is
	// one, else the original's.
	Title, Summary, Note string
	Body                 []byte
	// Lang is the language of the translation shown, "" for the original;
	// Translation is "human" or "machine", and Stale is set when the
	// original changed since.
	Lang        string
	Translation string
	Stale       bool
	Fields      []*FieldView
	Round       *RoundView
	Measures    []*MeasureView
	Report      *DocView // the published article about it, if any
	Past        bool
	site        *Site
	// summaryGerman and noteGerman are set where a translation lacks the
	// summary or the note, which then show in German.
	summaryGerman, noteGerman bool
}

// TitleHTML, SummaryHTML and NoteHTML write the event's texts, marked as
// German on another language's page where they are shown untranslated.
func (e *EventView) TitleHTML() template.HTML { return e.site.marked(e.Title, e.untranslated()) }

// SummaryHTML is the summary, marked as TitleHTML says.
func (e *EventView) SummaryHTML() template.HTML {
	return e.site.marked(e.Summary, e.untranslated() || e.summaryGerman)
}

// NoteHTML is the note on the status, marked as TitleHTML says.
func (e *EventView) NoteHTML() template.HTML {
	return e.site.marked(e.Note, e.untranslated() || e.noteGerman)
}

// German writes a text that no translation changes, such as the place or
// the fee, marked as German on another language's page. The page's own
// texts around it, such as "Wann" and "Wo", are in the page's language.
func (e *EventView) German(text string) template.HTML {
	return e.site.marked(text, e.site.root != nil)
}

func (e *EventView) untranslated() bool { return e.site.root != nil && !e.Translated() }

// Untranslated reports whether another language's page shows the event in
// German, which its lists say, as they do for articles.
func (e *EventView) Untranslated() bool { return e.untranslated() }

// YearLabel writes the year with the language's digits, without a
// thousands separator.
func (y *EventYear) YearLabel(l *Lang) string {
	return l.printer.Sprint(number.Decimal(y.Year, number.NoSeparator()))
}

// Translated reports whether the event is shown in a translation.
func (e *EventView) Translated() bool { return e.Lang != "" }

// SrcURL is the address of the original in the default language.
func (e *EventView) SrcURL() string { return e.srcURL }

// HTML converts the event's Markdown while its page renders.
func (e *EventView) HTML() template.HTML { return e.site.md.RenderPage(e.Body, e.srcURL) }

// Year is the year in which the event begins.
func (e *EventView) Year() int { return e.Begins().Year() }

// StartISO and EndISO are the event's times for datetime attributes and
// JSON-LD: a day for an all-day event, else a time with its offset.
func (e *EventView) StartISO() string { return isoTime(e.Begins(), e.AllDay) }

// EndISO is the end as StartISO writes it; of an all-day event, its last
// day.
func (e *EventView) EndISO() string {
	if e.AllDay {
		return isoTime(e.LastDay(), true)
	}
	return isoTime(e.Ends(), false)
}

func isoTime(t time.Time, day bool) string {
	if day {
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02T15:04:05-07:00")
}

// Day is the day the event begins, in the page's language: "12. März 2025".
func (e *EventView) Day() string { return e.site.Lang.Date(e.Begins()) }

// When says when the event takes place, in the page's language: the day,
// and the times of day unless it takes whole days.
func (e *EventView) When() (string, error) {
	l := e.site.Lang
	begins, last := e.Begins(), e.LastDay()
	switch {
	case e.AllDay && e.OneDay():
		return l.Date(begins), nil
	case e.AllDay:
		return l.Tf("event_days", l.Date(begins), l.Date(last))
	case e.OneDay():
		return l.Tf("event_same_day", l.Date(begins), l.Clock(begins), l.Clock(e.Ends()))
	}
	return l.Tf("event_span", l.Date(begins), l.Clock(begins), l.Date(e.Ends()), l.Clock(e.Ends()))
}

// Where is the place in one line: name, address, postal code and city.
func (e *EventView) Where() string {
	l := e.Location
	if l == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{l.Name, l.Address, strings.TrimSpace(l.PostalCode + " " + l.City)} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, strings.TrimSpace(p))
		}
	}
	return strings.Join(parts, ", ")
}

// MapURL links the place on OpenStreetMap: its coordinates, or a search
// for its address. It is a link only; no page loads anything from there.
func (e *EventView) MapURL() string {
	l := e.Location
	if l == nil {
		return ""
	}
	if l.HasGeo() {
		lat, lon := fmt.Sprintf("%.5f", *l.Lat), fmt.Sprintf("%.5f", *l.Lon)
		return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=18/" + lat + "/" + lon
	}
	q := strings.TrimSpace(strings.Join([]string{l.Address, strings.TrimSpace(l.PostalCode + " " + l.City)}, ", "))
	q = strings.Trim(q, ", ")
	if q == "" {
		q = strings.TrimSpace(l.Name + " " + l.City)
	}
	return "https://www.openstreetmap.org/search?query=" + url.QueryEscape(q)
}

// LanguageNames names the languages interpreted into, in the page's
// language, in the order given.
func (e *EventView) LanguageNames() string {
	tag := e.site.Lang.Tag
	namer := display.Tags(tag)
	var names []string
	for _, code := range e.Accessibility.Languages {
		t, err := language.Parse(code)
		if err != nil {
			continue
		}
		name := namer.Name(t)
		if name == "" {
			name = code
		}
		names = append(names, name)
	}
	sep, _ := e.site.Lang.T("list_separator")
	return strings.Join(names, cmp.Or(sep, ", "))
}

// Mailto is the link to register by e-mail. The address is checked when
// the event loads, so that it holds nothing but an address.
func (e *EventView) Mailto() template.URL {
	if e.Registration == nil || e.Registration.Email == "" {
		return ""
	}
	return template.URL("mailto:" + url.PathEscape(e.Registration.Email))
}

// Deadline is the registration deadline in the page's language, or "".
func (e *EventView) Deadline() string {
	r := e.Registration
	if r == nil || r.Deadline.IsZero() {
		return ""
	}
	l := e.site.Lang
	if r.Deadline.Clock {
		t, _ := l.Tf("event_at", l.Date(r.Deadline.Time), l.Clock(r.Deadline.Time))
		return t
	}
	return l.Date(r.Deadline.Time)
}

// EventYear is the events of one year.
type EventYear struct {
	Year   int
	Events []*EventView
}

// EventList is the list of events: the upcoming ones, soonest first, and
// the past ones, latest first, each by year.
type EventList struct {
	Upcoming, Past []*EventYear
	// Calendar is the site path of the calendar to subscribe to, and
	// Webcal its webcal: address; both "" when the site has none.
	Calendar string
	Webcal   template.URL
}

// linkEventMeasures links each event with the measures it names, both
// ways: the event page lists its measures, and a measure's page its
// events, upcoming first, then past.
func (s *Site) linkEventMeasures(v *views) {
	if v.measures == nil {
		return
	}
	byID := map[string]*MeasureView{}
	for _, m := range v.measures.All {
		byID[m.ID] = m
	}
	var upcoming, past []*EventView
	for _, e := range v.events {
		for _, id := range e.Event.Measures {
			if m := byID[id]; m != nil {
				e.Measures = append(e.Measures, m)
			}
		}
		if e.Past {
			past = append(past, e)
		} else {
			upcoming = append(upcoming, e)
		}
	}
	slices.Reverse(past)
	for _, e := range append(upcoming, past...) {
		for _, m := range e.Measures {
			m.Events = append(m.Events, e)
		}
	}
}

// byYear groups events, in their order, by the year they begin.
func byYear(events []*EventView) []*EventYear {
	var years []*EventYear
	for _, e := range events {
		if n := len(years); n == 0 || years[n-1].Year != e.Year() {
			years = append(years, &EventYear{Year: e.Year()})
		}
		y := years[len(years)-1]
		y.Events = append(y.Events, e)
	}
	return years
}

// eventViews makes the views of the published events, soonest first, and
// links them with their fields, round and report. It lists them on the
// pages of their fields and rounds: upcoming first, then past.
func (s *Site) eventViews(v *views, byField map[string]*FieldView) {
	now := s.opts.Visibility.Now
	rounds := map[string]*RoundView{}
	for _, rv := range v.rounds {
		rounds[rv.ID] = rv
	}
	articles := map[string]*DocView{}
	for _, a := range v.articles {
		articles[a.Slug] = a
	}
	refs := s.eventRefs(s.Docs)
	for _, e := range s.Root().Events {
		ev := &EventView{Event: e, URL: s.EventURL(e.ID), srcURL: s.Root().EventURL(e.ID),
			Title: e.Title, Summary: e.Summary, Note: e.Note, Body: e.Body, Past: e.Past(now), site: s, path: e.Path}
		if tr := e.Translations[s.Lang.Code]; tr != nil && s.root != nil {
			ev.Title, ev.Body, ev.Lang, ev.path = tr.Title, tr.Body, tr.Lang, tr.Path
			ev.Summary, ev.summaryGerman = cmp.Or(tr.Summary, e.Summary), tr.Summary == "" && e.Summary != ""
			ev.Note, ev.noteGerman = cmp.Or(tr.Note, e.Note), tr.Note == "" && e.Note != ""
			ev.Translation, ev.Stale = cmp.Or(tr.Translation, "human"), tr.Stale(e)
		}
		for _, slug := range e.Fields {
			if fv := byField[slug]; fv != nil {
				ev.Fields = append(ev.Fields, fv)
			}
		}
		if rv := rounds[e.Round]; rv != nil {
			ev.Round = rv
		}
		if e.Report != "" {
			ev.Report = articles[e.ReportSlug(refs)]
		}
		v.events = append(v.events, ev)
	}
	var upcoming, past []*EventView
	for _, e := range v.events {
		if e.Past {
			past = append(past, e)
		} else {
			upcoming = append(upcoming, e)
		}
	}
	slices.Reverse(past)
	v.upcoming = upcoming
	v.eventList = &EventList{Upcoming: byYear(upcoming), Past: byYear(past)}
	v.calendars = s.calendarFiles(v)
	if _, ok := v.calendars[s.CalendarURL()]; ok {
		v.eventList.Calendar, v.eventList.Webcal = s.CalendarURL(), template.URL(s.WebcalURL())
	}
	for _, e := range v.events {
		if _, ok := v.calendars[s.EventCalendarURL(e.ID)]; ok {
			e.Calendar = s.EventCalendarURL(e.ID)
		}
	}
	for _, e := range append(slices.Clone(upcoming), past...) {
		for _, fv := range e.Fields {
			fv.Events = append(fv.Events, e)
		}
		if e.Round != nil {
			e.Round.Events = append(e.Round.Events, e)
		}
	}
}

// Clock writes the time of day of t as the language does, with its
// digits: "18:00".
func (l *Lang) Clock(t time.Time) string {
	digits := func(n int) string { return l.printer.Sprint(number.Decimal(n, number.NoSeparator())) }
	m := digits(t.Minute())
	if t.Minute() < 10 {
		m = digits(0) + m
	}
	s, err := l.Tf("clock", digits(t.Hour()), m)
	if err != nil {
		return digits(t.Hour()) + ":" + m
	}
	return s
}

// eventLD is the schema.org Event of an event's page; its fields are in
// the order of their keys.
type eventLD struct {
	Context             string       `json:"@context"`
	Type                string       `json:"@type"`
	Description         string       `json:"description,omitempty"`
	EndDate             string       `json:"endDate"`
	EventAttendanceMode string       `json:"eventAttendanceMode"`
	EventStatus         string       `json:"eventStatus"`
	InLanguage          string       `json:"inLanguage"`
	IsAccessibleForFree bool         `json:"isAccessibleForFree"`
	Location            any          `json:"location"`
	Name                string       `json:"name"`
	Organizer           organization `json:"organizer"`
	StartDate           string       `json:"startDate"`
	URL                 string       `json:"url"`
}

type placeLD struct {
	Type    string     `json:"@type"`
	Address *addressLD `json:"address,omitempty"`
	Geo     *geoLD     `json:"geo,omitempty"`
	Name    string     `json:"name,omitempty"`
}

type addressLD struct {
	Type            string `json:"@type"`
	AddressCountry  string `json:"addressCountry,omitempty"`
	AddressLocality string `json:"addressLocality,omitempty"`
	PostalCode      string `json:"postalCode,omitempty"`
	StreetAddress   string `json:"streetAddress,omitempty"`
}

type geoLD struct {
	Type      string  `json:"@type"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

type virtualLD struct {
	Type string `json:"@type"`
	URL  string `json:"url"`
}

// eventJSONLD describes an event for search engines, with schema.org's
// names for its status and how people attend.
func (s *Site) eventJSONLD(e *EventView, canonical string, publisher organization) eventLD {
	status := map[string]string{event.Scheduled: "EventScheduled", event.Cancelled: "EventCancelled", event.Postponed: "EventPostponed", event.MovedOnline: "EventMovedOnline"}[e.Status]
	mode := map[string]string{event.Offline: "OfflineEventAttendanceMode", event.Online: "OnlineEventAttendanceMode", event.Mixed: "MixedEventAttendanceMode"}[e.Attendance()]
	var places []any
	if e.InPerson() {
		l := e.Location
		p := placeLD{Type: "Place", Name: l.Name}
		if l.Address != "" || l.City != "" || l.PostalCode != "" {
			p.Address = &addressLD{Type: "PostalAddress", StreetAddress: l.Address, PostalCode: l.PostalCode, AddressLocality: l.City}
		}
		if l.HasGeo() {
			p.Geo = &geoLD{Type: "GeoCoordinates", Latitude: *l.Lat, Longitude: *l.Lon}
		}
		places = append(places, p)
	}
	if e.Online != "" {
		places = append(places, virtualLD{Type: "VirtualLocation", URL: e.Online})
	}
	var loc any = places
	if len(places) == 1 {
		loc = places[0]
	}
	return eventLD{
		Context: "https://schema.org", Type: "Event", Description: e.Summary, EndDate: e.EndISO(),
		EventAttendanceMode: "https://schema.org/" + mode, EventStatus: "https://schema.org/" + status,
		InLanguage: cmp.Or(e.Lang, s.Root().Lang.Code), IsAccessibleForFree: e.Free(), Location: loc,
		Name: e.Title, Organizer: publisher, StartDate: e.StartISO(), URL: canonical,
	}
}
