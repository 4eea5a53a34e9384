// Package event reads the events at which residents take part in the
// self-check: workshops, round tables and dialogue forums. This is the
// format's specification; the German reference for towns is
// docs/referenz/termin.md, which a test keeps in step with it. The model
// knows no HTML: the pages are views of package site, the calendars are
// written by package ical.
//
// # Events: content/events/<date>-<slug>.md
//
// The file name gives the URL: content/events/2025-03-12-runder-tisch-wohnen.md
// is published at /termine/2025-03-12-runder-tisch-wohnen/. Unlike an
// article's, the date stays in the address, so that the round table of
// every month has its own; it is optional. A name that Windows keeps for
// a device (con, prn, aux, nul, com1 …) is refused. The name is the event's ID:
// calendars know the event by it, so keep it when the date changes. An
// event may be a folder with its files beside it,
// content/events/2025-03-12-runder-tisch-wohnen/index.md, as an article
// may.
//
//	+++
//	title = "Runder Tisch Wohnen"                  # required
//	kind = "round_table"                           # required: workshop, round_table, dialogue_forum or other
//	summary = "Wie finden Familien in Lindenbrück eine Wohnung?"  # one sentence for lists and calendars
//	start = 2025-03-12T18:00:00                    # required: day and time it begins
//	end = 2025-03-12T20:00:00                      # required: when it ends
//	online = "https://konferenz.lindenbrueck.example/runder-tisch"  # to take part online
//	fields = ["fairer-zugang"] # the action fields it is about
//	round = "2024"                                 # the round of the self-check it follows up
//	measures = ["sozialticket"]                    # the measures it belongs to, by ID (content/measures/<id>.md)
//	fee = "5 Euro, ermäßigt 2 Euro"                # what it costs; without fee it is free
//	status = "scheduled"                           # scheduled (default), cancelled, postponed or moved_online
//	note = "Der Raum ist neu: Sitzungssaal statt Foyer."  # why; required unless scheduled
//	sequence = 1                                   # raise by one with every change after publishing
//	report = "runder-tisch-wohnen"                 # afterwards: the article that reports on it
//	draft = false                                  # true: not published
//
//	[location]                                     # where, for an event in person
//	name = "Rathaus, Großer Sitzungssaal"          # name or address required
//	address = "Marktplatz 1"
//	postal_code = "12345"
//	city = "Lindenbrück"
//	lat = 50.9787                                  # optional: coordinates in degrees, both or none,
//	lon = 11.0328                                  # for the map link and for calendars
//
//	[registration]                                 # optional: how to register
//	url = "https://www.lindenbrueck.example/anmeldung"  # a form, or
//	email = "integration@lindenbrueck.example"     # an address, or both
//	deadline = 2025-03-05                          # optional: by when; not after start
//
//	[accessibility]                                # what is offered, all optional
//	step_free = true                               # step-free access
//	hearing_loop = true                            # an induction loop for hearing aids
//	sign_language = true                           # an interpreter of German Sign Language (DGS)
//	easy_language = true                           # held in Leichte Sprache
//	languages = ["tr", "ar"]                       # interpreting into these languages (BCP 47)
//	childcare = true                               # children are looked after
//	notes = "Eingang über den Hof, Aufzug bis in den 2. Stock."
//	+++
//
//	What happens and who is invited, in Markdown.
//
// An event online has online and no [location]; a hybrid event has both.
// An event that takes whole days has all_day = true, and start and end are
// days, end the last one; without end it takes one day:
//
//	+++
//	title = "Fest der Kulturen"
//	kind = "other"
//	start = 2025-09-13
//	end = 2025-09-14
//	all_day = true
//	[location]
//	name = "Marktplatz"
//	city = "Lindenbrück"
//	+++
//
// # Times
//
// Times without an offset are local times of the site's time_zone
// (site.toml, default Europe/Berlin), with summer and winter time as they
// fall on that day. A time with an offset, such as 2025-03-12T18:00:00+01:00,
// is that moment, and pages show it in the site's time zone; when the
// offset is not the zone's on that day, check warns, as the event would
// show at another time of day.
//
// # Checks
//
// These are errors, each at its key:
//
//   - a missing title, kind or start, and end without all_day;
//   - an unknown kind or status, and a status other than scheduled
//     without a note; moved_online without online;
//   - end before start, and a start or end without a time of day unless
//     all_day (with all_day, a time of day);
//   - an event without [location] and without online, and a [location]
//     with neither name nor address;
//   - a registration deadline after start, and [registration] without url
//     or email;
//   - a malformed URL in online or url, and a malformed e-mail address;
//   - fields, round, measures or report that name no action field,
//     round, measure or article (report may name the article as its slug
//     or its file name without .md);
//   - a language of accessibility.languages that is no BCP 47 tag.
//
// A past event that is still scheduled and has no report 30 days after it
// ended is a warning: add the report, or say that it did not take place.
//
// # Translations: <name>.<lang>.md
//
// A translation lies beside its original, as an article's does:
// content/events/2025-03-12-runder-tisch-wohnen.tr.md, or index.tr.md in
// the event's folder. It has the event's texts; times, place and
// everything else come from the original:
//
//	+++
//	title = "Konut yuvarlak masası"
//	summary = "Lindenbrück'te aileler nasıl ev bulur?"
//	note = "Salon değişti."             # the status note, translated
//	translation = "machine"              # optional: said on the page (default "human")
//	source = "sha256:0d4f5a7c2b9e8f31"   # the original it translates; check warns when it changes
//	+++
package event
