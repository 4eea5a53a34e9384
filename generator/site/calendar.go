package site

import (
	"cmp"
	"strings"
	"time"

	"offenbar/generator/event"
	"offenbar/generator/ical"
)

// CalendarRefresh is how often a subscribed calendar program should fetch
// the calendar again.
const CalendarRefresh = 12 * time.Hour

// calendarFiles are the site's calendars in its language, by site path:
// the calendar of every event at CalendarURL and one per event at
// EventCalendarURL, written by package ical in the language's texts. The
// pages link only the calendars that are here; a site without events has
// none. What cannot be written is left out and its problem kept in
// v.calendarErrs for RenderTo to report.
func (s *Site) calendarFiles(v *views) map[string][]byte {
	if len(v.events) == 0 {
		return nil
	}
	files := map[string][]byte{}
	l := s.Lang
	prodID := "-//offenbar//offenbar//" + strings.ToUpper(l.Code)
	var all []ical.Event
	for _, e := range v.events {
		ev, err := s.calendarEvent(e)
		if err != nil {
			v.calendarErrs = append(v.calendarErrs, calendarErr{e.path, s.EventCalendarURL(e.ID), err})
			continue
		}
		all = append(all, ev)
		b, err := ical.Marshal(&ical.Calendar{ProdID: prodID, TimeZone: s.Config.Location, Events: []ical.Event{ev}})
		if err != nil {
			v.calendarErrs = append(v.calendarErrs, calendarErr{e.path, s.EventCalendarURL(e.ID), err})
			continue
		}
		files[s.EventCalendarURL(e.ID)] = b
	}
	name, err1 := l.Tf("calendar_name", s.Config.Title)
	desc, err2 := l.Tf("calendar_description", s.Config.Publisher())
	if err := cmp.Or(err1, err2); err != nil {
		v.calendarErrs = append(v.calendarErrs, calendarErr{s.tmplPath + "/i18n/" + l.Code + ".toml", s.CalendarURL(), err})
		return files
	}
	b, err := ical.Marshal(&ical.Calendar{
		ProdID: prodID, Name: name, Description: desc,
		URL: s.Config.AbsURL(s.EventsURL()), Source: s.Config.AbsURL(s.CalendarURL()),
		TimeZone: s.Config.Location, Refresh: CalendarRefresh, Events: all,
	})
	if err != nil {
		v.calendarErrs = append(v.calendarErrs, calendarErr{s.tmplPath + "/i18n/" + l.Code + ".toml", s.CalendarURL(), err})
		return files
	}
	files[s.CalendarURL()] = b
	return files
}

// calendarErr is a calendar that could not be written, with the file to
// blame.
type calendarErr struct {
	src, name string
	err       error
}

// calendarEvent is an event as calendars hold it, in the page's language.
//
// Its UID is the event's ID at the site's host and, for a site below a
// sub-path, that path (2027-02-25-dialogforum@gruppe.gitlab.io/weltoffen),
// so that two towns on one host never share a UID. It is the same in
// every language, so that a calendar holding it from two languages'
// calendars holds it once. Its DTSTAMP is when the event begins: a moment the
// content fixes, never the time of the build, so that the same content
// gives the same calendar. Which copy is newer tells SEQUENCE, which the
// editor raises.
func (s *Site) calendarEvent(e *EventView) (ical.Event, error) {
	l := s.Lang
	summary := e.Title
	status := ical.Confirmed
	switch e.Status {
	case event.Cancelled:
		status = ical.Cancelled
	case event.Postponed:
		status = ical.Tentative
	}
	if e.Status == event.Cancelled || e.Status == event.Postponed {
		var err error
		if summary, err = l.Tf("calendar_"+e.Status, e.Title); err != nil {
			return ical.Event{}, err
		}
	}
	desc, err := s.calendarDescription(e)
	if err != nil {
		return ical.Event{}, err
	}
	kind, err := l.T("event_kind_" + e.Kind)
	if err != nil {
		return ical.Event{}, err
	}
	ev := ical.Event{
		UID:      e.ID + "@" + s.Config.Base.Hostname() + strings.TrimSuffix(s.Config.Base.Path, "/"),
		Sequence: e.Sequence,
		Stamp:    e.Begins().UTC(),
		Start:    e.Begins(),
		AllDay:   e.AllDay,
		Summary:  summary, Description: desc,
		URL:        s.Config.AbsURL(e.URL),
		Status:     status,
		Categories: []string{kind},
	}
	if e.AllDay {
		ev.End = e.LastDay()
	} else {
		ev.End = e.Ends()
	}
	switch {
	case e.InPerson():
		ev.Location = e.Where()
		if e.Location.HasGeo() {
			ev.Geo = &ical.Geo{Lat: *e.Location.Lat, Lon: *e.Location.Lon}
		}
	case e.Online != "":
		ev.Location = e.Online
	}
	return ev, nil
}

// calendarDescription is the event's text in a calendar: its summary, its
// status and why, how to take part online and to register, and what it
// offers for accessibility, each a paragraph in the page's language.
// package ical adds the address of its page.
func (s *Site) calendarDescription(e *EventView) (string, error) {
	l := s.Lang
	var paras []string
	var failed error
	t := func(key string, args ...any) string {
		text, err := l.Tf(key, args...)
		failed = cmp.Or(failed, err)
		return text
	}
	if e.Summary != "" {
		paras = append(paras, e.Summary)
	}
	switch {
	case e.Status != event.Scheduled && e.Note != "":
		paras = append(paras, t("event_status_"+e.Status)+": "+e.Note)
	case e.Status != event.Scheduled:
		paras = append(paras, t("event_status_"+e.Status))
	case e.Note != "":
		paras = append(paras, e.Note)
	}
	if e.Online != "" {
		paras = append(paras, t("event_online")+": "+e.Online)
	}
	if r := e.Registration; r != nil {
		lines := []string{t("event_registration") + ":"}
		for _, v := range []string{r.URL, r.Email} {
			if v != "" {
				lines = append(lines, v)
			}
		}
		if d := e.Deadline(); d != "" {
			lines = append(lines, t("event_deadline", d))
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	if a := e.Accessibility; a.Any() {
		lines := []string{t("event_accessibility") + ":"}
		for _, o := range []struct {
			on  bool
			key string
		}{{a.StepFree, "a11y_step_free"}, {a.HearingLoop, "a11y_hearing_loop"}, {a.SignLanguage, "a11y_sign_language"}, {a.EasyLanguage, "a11y_easy_language"}} {
			if o.on {
				lines = append(lines, "– "+t(o.key))
			}
		}
		if names := e.LanguageNames(); names != "" {
			lines = append(lines, "– "+t("a11y_languages", names))
		}
		if a.Childcare {
			lines = append(lines, "– "+t("a11y_childcare"))
		}
		if a.Notes != "" {
			lines = append(lines, a.Notes)
		}
		paras = append(paras, strings.Join(lines, "\n"))
	}
	return strings.Join(paras, "\n\n"), failed
}
