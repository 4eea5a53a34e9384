// Package measure reads the measures (Maßnahmen) a town decided on after
// its self-check: who does what by when, how far it has come, and which
// recommendation of a round it takes up. It validates them with positions
// and knows nothing about HTML. This is the format's specification; the
// German reference for towns is docs/referenz/massnahme.md, which a test
// keeps in step with it.
//
// # A measure: content/measures/<id>.md
//
// The file name without .md is the measure's ID and its URL:
// content/measures/sozialticket.md is published at /massnahmen/sozialticket/.
// Use lower-case letters, digits and "-", and no name that Windows keeps
// for a device (con, prn, aux, nul, com1 …). A measure may also be a folder,
// content/measures/sozialticket/index.md, with its photos and documents
// beside it, as an article may. The Markdown after the front matter
// describes the measure.
//
//	+++
//	title = "Sozialticket für den Stadtbus"            # required
//	summary = "Ein Satz für Übersichten und den Feed." # optional
//	fields = ["fairer-zugang"]                         # action fields, at least one
//	recommendations = ["2024/fairer-zugang/4"]         # round/field/number, counted from 1
//	responsible = "Amt für Soziales"                   # the office in charge, required
//	partners = ["Stadtwerke Lindenbrück", "Jobcenter"]
//	start = 2024-09-01                                 # a date, or a month such as "2024-09"
//	due = "2025-12"                                    # a date, or a month: due at its end
//	budget = 180000                                    # EUR, optional
//	budget_note = "je Jahr, aus dem Sozialetat"
//	progress = 40                                      # percent done, 0 to 100, optional
//
//	[decision]                                         # optional: who decided it
//	by = "Stadtrat"
//	date = 2024-07-11
//	reference = "Beschluss 2024/117"
//	url = "https://ratsinfo.lindenbrueck.example/vorlage/2024-117"
//
//	[[milestones]]                                     # optional, any number
//	date = 2025-01-01
//	title = "Tarif mit den Stadtwerken vereinbart"
//	done = true
//
//	[[updates]]                                        # the history, oldest first
//	date = 2024-07-11
//	status = "planned"
//	text = "Der Stadtrat hat das Sozialticket beschlossen."
//
//	[[updates]]
//	date = 2025-02-03
//	status = "in_progress"
//	text = """Markdown: what happened, and why, when it is late or stopped."""
//
//	[indicator]                                        # optional: what it is measured by
//	name = "Ausgegebene Sozialtickets"
//	unit = "Tickets"                                   # required when there is a target
//	baseline = 0
//	target = 1200
//	current = 430
//	+++
//
//	Was die Maßnahme bewirken soll, in Markdown.
//
// # Status
//
// The status is that of the newest update: "planned", "in_progress",
// "done", "delayed" or "stopped". A measure without updates is planned. It
// is never written twice: add an update to change it, with a text that says
// why, especially when a measure is delayed or stopped.
//
// A measure is overdue when its due day has passed and it is neither done
// nor stopped; a due month passes at its end. It has had no news when its
// newest update is older than stale_months in the [measures] table of
// site.toml (6 by default). "Today" is the build's day: SOURCE_DATE_EPOCH
// when set, else the clock.
//
// # Recommendations
//
// A reference names the round, the action field and the number of the
// recommendation in that field, counting from 1: "2024/fairer-zugang/4" is
// the fourth [[fields.fairer-zugang.recommendations]] of
// content/selfcheck/rounds/2024.toml. The recommendation then shows the
// measure and its status. The status written in the round must agree with
// its measures: "done" when every measure that takes it up (and is not
// stopped) is done, "planned" when every one is planned, and "in_progress"
// otherwise.
//
// # Errors and warnings
//
// These are errors at their line and column: an unknown field or
// recommendation, due before start, progress outside 0 to 100, updates
// not in date order, an unknown status, two measures with one ID and an
// indicator whose target has no unit, and more than 1,000 updates or
// milestones. A measure that is done with a progress
// below 100, and an update dated after today, are warnings.
//
// # Translations: <id>.<lang>.md
//
// A translation lies beside its measure, as an article's does
// (sozialticket.tr.md, or index.tr.md in the measure's folder), with its own
// Markdown text. Dates, statuses, numbers and references always come from
// the original. Its front matter may translate the texts of the original,
// in the original's order; what it leaves out is shown in German:
//
//	+++
//	title = "Belediye otobüsü için sosyal bilet"
//	summary = "…"
//	responsible = "Sosyal İşler Dairesi"
//	milestones = ["Tarife belediye şirketiyle kararlaştırıldı"]
//	updates = ["Belediye meclisi sosyal bileti kabul etti.", "…"]
//	indicator = "Verilen sosyal biletler"
//	translation = "machine"              # optional: said on the page (default "human")
//	source = "sha256:0d4f5a7c2b9e8f31"   # the original it translates; check warns when it changes
//	+++
package measure
