package event

import (
	"errors"
	"fmt"
	"io/fs"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"golang.org/x/text/language"

	"offenbar/generator/content"
	"offenbar/generator/diag"
	"offenbar/generator/sourcefile"
	"offenbar/generator/tomldoc"
	"offenbar/generator/workers"
)

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Load reads every event in Dir of fsys, with times in the time zone
// zone. It returns the originals, each with its translations, sorted by
// start and ID.
func Load(fsys fs.FS, zone *time.Location) ([]*Event, diag.List) {
	var errs diag.List
	if zone == nil {
		zone = time.UTC
	}
	entries, err := fs.ReadDir(fsys, Dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, errs
	}
	if err != nil {
		errs.Errorf(diag.Pos{Path: Dir}, "%s", diag.ReadError(err))
		return nil, errs
	}
	var paths []string
	bundles := map[string][]string{}
	for _, e := range entries {
		switch {
		case !e.IsDir() && strings.HasSuffix(e.Name(), ".md"):
			paths = append(paths, path.Join(Dir, e.Name()))
		case e.IsDir() && !strings.HasPrefix(e.Name(), "."):
			b := path.Join(Dir, e.Name())
			files, ok, err := content.BundleFiles(fsys, b)
			if err != nil {
				errs.Errorf(diag.Pos{Path: b}, "%s", diag.ReadError(err))
			}
			if ok {
				paths = append(paths, path.Join(b, content.BundleIndex))
				bundles[b] = files
				more, _ := fs.Glob(fsys, path.Join(b, "index.*.md"))
				paths = append(paths, more...)
			}
		}
	}
	events := make([]*Event, len(paths))
	translations := make([]*Translation, len(paths))
	problems := make([]diag.List, len(paths))
	workers.ForEach(len(paths), func(i int) {
		src, err := sourcefile.Read(fsys, paths[i])
		if err != nil {
			problems[i].Errorf(diag.Pos{Path: paths[i]}, "%s", diag.ReadError(err))
			return
		}
		events[i], translations[i], problems[i] = Parse(paths[i], src, zone)
		if e := events[i]; e != nil && path.Base(paths[i]) == content.BundleIndex {
			e.Bundle = path.Dir(paths[i])
			e.Files = bundles[e.Bundle]
		}
	})
	var out []*Event
	byID := map[string]*Event{}
	for i, e := range events {
		errs.Add(problems[i])
		if e == nil {
			continue
		}
		if other := byID[e.ID]; other != nil {
			// A folder and a file of the same name.
			errs.Errorf(diag.Pos{Path: e.Path, Line: 1, Col: 1}, "duplicate slug %q: %s has the same URL; rename one of the files", e.ID, other.Path)
			continue
		}
		byID[e.ID] = e
		out = append(out, e)
	}
	for i, tr := range translations {
		if tr == nil {
			continue
		}
		id := translationID(paths[i])
		e := byID[id]
		if e == nil {
			errs.Errorf(diag.Pos{Path: tr.Path}, "translation into %q of a document that does not exist: name it after the original, such as %s.%s.md", tr.Lang, id, tr.Lang)
			continue
		}
		if other := e.Translations[tr.Lang]; other != nil {
			errs.Errorf(diag.Pos{Path: tr.Path}, "%s translates %s into %q, as %s does already", tr.Path, e.Path, tr.Lang, other.Path)
			continue
		}
		if e.Translations == nil {
			e.Translations = map[string]*Translation{}
		}
		e.Translations[tr.Lang] = tr
	}
	Sort(out)
	return out, errs
}

// Sort orders events by start, then by ID.
func Sort(events []*Event) {
	slices.SortStableFunc(events, func(a, b *Event) int {
		if c := a.Begins().Compare(b.Begins()); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
}

// fileName returns the name a file at p gives its event, which is its ID,
// and the language of a translation.
func fileName(p string) (name, lang string) {
	name, lang = content.TranslationName(path.Base(p))
	if path.Base(p) == content.BundleIndex || lang != "" && name == "index" {
		name = path.Base(path.Dir(p))
	}
	return name, lang
}

// translationID is the ID of the event that the translation at p
// translates.
func translationID(p string) string {
	name, _ := fileName(p)
	return name
}

// Parse reads one event file. It returns the event, or for a file such as
// runder-tisch.tr.md a translation, or neither when the file cannot be
// used. Times are placed in the time zone zone.
func Parse(p string, src []byte, zone *time.Location) (*Event, *Translation, diag.List) {
	var errs diag.List
	id, lang := fileName(p)
	if !slugRE.MatchString(id) {
		better := content.Slug(id)
		if better == "" {
			better = "2025-03-12-runder-tisch"
		}
		if path.Base(p) == content.BundleIndex {
			errs.Errorf(diag.Pos{Path: p}, "invalid folder name %q: use lower-case letters, digits and \"-\", such as %s/", id, better)
		} else {
			errs.Errorf(diag.Pos{Path: p}, "invalid file name %q: use lower-case letters, digits and \"-\", such as %s.md", path.Base(p), better)
		}
		return nil, nil, errs
	}
	if content.Reserved(id) {
		errs.Errorf(diag.Pos{Path: p}, "%q is a name Windows reserves for a device, which no folder of the site may have: choose another name", id)
		return nil, nil, errs
	}
	front, body, ok := content.SplitChecked(p, src, &errs)
	if !ok {
		return nil, nil, errs
	}
	if lang != "" {
		tr := &Translation{Lang: lang, Path: p, Body: body}
		meta, derrs := tomldoc.Decode(p, front, 1, &tr.TranslationFront)
		tr.Meta = meta
		errs.Add(derrs)
		if derrs.HasErrors() {
			return nil, nil, errs
		}
		checkTitle(meta, tr.Title, &errs)
		if t := tr.Translation; t != "" && t != "human" && t != "machine" {
			errs.Errorf(meta.ValuePos("translation"), "translation %q must be \"human\" or \"machine\"", t)
		}
		return nil, tr, errs
	}
	e := &Event{ID: id, Path: p, Body: body, Hash: content.SourceHash(src)}
	meta, derrs := tomldoc.Decode(p, front, 1, &e.Front)
	e.Meta = meta
	errs.Add(derrs)
	if derrs.HasErrors() {
		return nil, nil, errs
	}
	e.validate(zone, &errs)
	return e, nil, errs
}

func checkTitle(meta *tomldoc.Doc, title string, errs *diag.List) {
	if strings.TrimSpace(title) != "" {
		return
	}
	at := meta.Pos("title")
	if _, ok := meta.Index.Key("title"); !ok {
		at = diag.Pos{Path: meta.Path, Line: 2, Col: 1}
	}
	errs.Errorf(at, "empty title: add title = \"Runder Tisch Wohnen\"")
}

// top is the position for a problem of a key that is missing: the first
// line of the front matter.
func (e *Event) top() diag.Pos { return diag.Pos{Path: e.Path, Line: 2, Col: 1} }

// at is the position of the value of key, or of the front matter when it
// is missing.
func (e *Event) at(key string) diag.Pos {
	if _, ok := e.Meta.Index.Key(key); !ok {
		if table, _, found := strings.Cut(key, "."); found {
			if _, ok := e.Meta.Index.Key(table); ok {
				return e.Meta.Pos(table)
			}
		}
		return e.top()
	}
	return e.Meta.ValuePos(key)
}

// stamp writes t for a message: the day, and the time of day if given.
func stamp(t Time) string {
	if t.Clock {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format(time.DateOnly)
}

func (e *Event) validate(zone *time.Location, errs *diag.List) {
	checkTitle(e.Meta, e.Title, errs)
	switch {
	case e.Kind == "":
		errs.Errorf(e.top(), "missing kind: add kind = \"round_table\" or another of: %s", strings.Join(Kinds, ", "))
	case !slices.Contains(Kinds, e.Kind):
		errs.Errorf(e.at("kind"), "unknown event kind %q, want one of: %s", e.Kind, strings.Join(Kinds, ", "))
	}
	if e.Status == "" {
		e.Status = Scheduled
	}
	if !slices.Contains(Statuses, e.Status) {
		errs.Errorf(e.at("status"), "unknown event status %q, want one of: %s", e.Status, strings.Join(Statuses, ", "))
	} else if e.Status != Scheduled && strings.TrimSpace(e.Note) == "" {
		errs.Errorf(e.at("status"), "status %q needs a note that says why: add note = \"…\"", e.Status)
	}
	if e.Sequence < 0 {
		errs.Errorf(e.at("sequence"), "sequence must be 0 or more, not %d", e.Sequence)
	}
	e.checkTimes(zone, errs)
	e.checkPlace(errs)
	if r := e.Registration; r != nil {
		if r.URL == "" && r.Email == "" {
			errs.Errorf(e.at("registration"), "[registration] needs url = \"https://…\" or email = \"…\": where to register")
		}
		if r.URL != "" {
			checkURL(e.at("registration.url"), "url", r.URL, errs)
		}
		if r.Email != "" {
			checkEmail(e.at("registration.email"), r.Email, errs)
		}
		if !r.Deadline.IsZero() {
			if !r.Deadline.resolve(zone) {
				e.offsetWarning("registration.deadline", r.Deadline, zone, errs)
			}
			if !e.Start.IsZero() && r.Deadline.After(e.Start.Time) {
				errs.Errorf(e.at("registration.deadline"), "the registration deadline %s is after the start %s: registration has to close before the event begins", stamp(r.Deadline), stamp(e.Start))
			}
		}
	}
	for i, code := range e.Accessibility.Languages {
		if _, err := language.Parse(code); err != nil || code == "" {
			errs.Errorf(e.Meta.ValuePos(fmt.Sprintf("accessibility.languages[%d]", i)), "language %q is not a language tag (BCP 47), want such as \"en\", \"tr\" or \"ar\"", code)
		}
	}
}

func (e *Event) checkTimes(zone *time.Location, errs *diag.List) {
	if e.Start.IsZero() {
		errs.Errorf(e.top(), "missing start: add start = 2025-03-12T18:00:00, the day and time the event begins")
		return
	}
	for _, k := range []struct {
		key string
		t   *Time
	}{{"start", &e.Start}, {"end", &e.End}} {
		if !k.t.resolve(zone) {
			e.offsetWarning(k.key, *k.t, zone, errs)
		}
	}
	if e.AllDay {
		for _, k := range []struct {
			key string
			t   Time
		}{{"start", e.Start}, {"end", e.End}} {
			if k.t.Clock {
				errs.Errorf(e.at(k.key), "%s of an all-day event is a day without a time: write %s = %s", k.key, k.key, k.t.Format(time.DateOnly))
			}
		}
	} else {
		if !e.Start.Clock {
			errs.Errorf(e.at("start"), "start has no time of day: write start = %sT18:00:00 with the time it begins, or set all_day = true", e.Start.Format(time.DateOnly))
		}
		if e.End.IsZero() {
			errs.Errorf(e.at("start"), "missing end: add end = %sT20:00:00 with the time the event ends, or all_day = true", e.Start.Format(time.DateOnly))
			return
		}
		if !e.End.Clock {
			errs.Errorf(e.at("end"), "end has no time of day: write end = %sT20:00:00 with the time it ends, or set all_day = true", e.End.Format(time.DateOnly))
		}
	}
	if !e.End.IsZero() && e.End.Before(e.Start.Time) || !e.AllDay && e.End.Equal(e.Start.Time) {
		errs.Errorf(e.at("end"), "the event ends before it begins: end %s is not after start %s", stamp(e.End), stamp(e.Start))
	}
}

// offsetWarning says that a time written with an offset shows at another
// time of day, as its offset is not the site's time zone's on that day.
func (e *Event) offsetWarning(key string, t Time, zone *time.Location, errs *diag.List) {
	errs.Warnf(e.at(key), "%s has an offset that %s does not have on that day: it is shown as %s; write the time without offset to mean the time there", key, zone.String(), t.Format("2006-01-02 15:04 -07:00"))
}

func (e *Event) checkPlace(errs *diag.List) {
	if e.Online != "" {
		checkURL(e.at("online"), "online", e.Online, errs)
	}
	if e.Status == MovedOnline && e.Online == "" {
		errs.Errorf(e.at("status"), "status \"moved_online\" needs the address where people take part: add online = \"https://…\"")
	}
	l := e.Location
	if l == nil {
		if e.Online == "" {
			errs.Errorf(e.top(), "missing place: add [location] with name, address, postal_code and city, or online = \"https://…\" for an event online")
		}
		return
	}
	if strings.TrimSpace(l.Name) == "" && strings.TrimSpace(l.Address) == "" {
		errs.Errorf(e.at("location"), "[location] has neither name nor address: add name = \"Rathaus, Großer Sitzungssaal\" and address = \"Marktplatz 1\"")
	}
	if (l.Lat == nil) != (l.Lon == nil) {
		errs.Errorf(e.at("location"), "[location] needs lat and lon together, such as lat = 50.9787 and lon = 11.0328")
	}
	for _, c := range []struct {
		key   string
		v     *float64
		limit int
	}{{"location.lat", l.Lat, 90}, {"location.lon", l.Lon, 180}} {
		if c.v != nil && (*c.v < -float64(c.limit) || *c.v > float64(c.limit)) {
			errs.Errorf(e.at(c.key), "%s = %v is no coordinate: want degrees from -%d to %d", c.key, *c.v, c.limit, c.limit)
		}
	}
}

// checkURL reports a value of key that is no absolute http(s) URL.
func checkURL(at diag.Pos, key, raw string, errs *diag.List) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(raw, " \t<>\"") {
		errs.Errorf(at, "%s %q is not a web address: want an absolute https URL, such as \"https://www.musterstadt.de/anmeldung\"", key, raw)
	}
}

// checkEmail reports a value that is no plain e-mail address.
func checkEmail(at diag.Pos, raw string, errs *diag.List) {
	a, err := mail.ParseAddress(raw)
	if err != nil || a.Address != raw || !strings.Contains(raw[strings.LastIndex(raw, "@")+1:], ".") {
		errs.Errorf(at, "email %q is not an e-mail address: want such as \"integration@musterstadt.de\"", raw)
	}
}
