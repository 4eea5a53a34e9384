// Package selfcheck reads a self-check instrument and its completed rounds,
// validates them against each other and computes scores. It knows nothing
// about HTML.
//
// This is the specification of the formats below. The German reference
// for towns is docs/referenz (instrument.md, runde.md,
// uebersetzung-selbstcheck.md), and the JSON Schemas that init writes are
// in generator/scaffold/starter/schema; tests keep both in step with the
// structs here.
//
// Nothing about a particular programme is built in: the number of action
// fields, their topics, the questions and the answer scale all come from the
// instrument file. Another programme builds by changing content alone.
//
// # The instrument: content/selfcheck/instrument.toml
//
//	title = "Selbstcheck Weltoffene Kommune"
//	description = """Markdown shown on the method page."""
//	source = "Markdown: where the questions come from"
//	skipped_label = "Keine Angabe"        # how a skipped answer is shown
//
//	[[scale]]                             # the answer scale, lowest first
//	points = 0                            # whole numbers, each used once
//	label = "trifft nicht zu"
//	[[scale]]
//	points = 3
//	label = "trifft voll zu"
//
//	[[fields]]                            # the action fields, in this order
//	slug = "management-und-steuerung"     # a-z, 0-9 and "-"; used in URLs
//	title = "Management und Steuerung"
//	short = "Steuerung"                   # optional short name for chart axes
//	description = "Wie die Verwaltung Integration lenkt."
//
//	[[fields.topics]]                     # optional; when a field has topics,
//	slug = "bildung"                      # every question names one
//	title = "Bildung"
//
//	[[fields.questions]]
//	id = "MS-01"                          # stable; never reuse an ID for another question
//	topic = "bildung"                     # only in fields with topics
//	text = "Gibt es ein vom Rat beschlossenes Leitbild?"
//
// # A round: content/selfcheck/rounds/<id>.toml
//
// The file name without .toml is the round's ID and its URL (/runden/2024/).
// Rounds are ordered by date; the newest is "where the town stands".
//
//	title = "Zweite Runde 2024"
//	date = 2024-03-12                      # when the answers were completed
//	draft = true                           # optional: not published yet; answers may be missing
//	respondents = ["Büro des Oberbürgermeisters", "Integrationsbeauftragte"]
//	summary = """Markdown: how the round went."""
//
//	[workshop]                             # optional
//	date = 2024-04-18
//	format = "online"                      # free text
//	participants = 38                      # number of people
//	description = """Markdown"""
//
//	[answers]                              # one answer for every question
//	MS-01 = 3                              # points from the scale
//	MS-02 = "skipped"                      # not answered; does not count
//	MS-03 = { answer = 1, comment = "Leitbild ist in Arbeit." }
//
//	[fields.management-und-steuerung]      # per action field, by slug
//	assessment = """Markdown: the workshop's assessment."""
//
//	[[fields.management-und-steuerung.recommendations]]
//	text = "Ein Integrationskonzept mit messbaren Zielen erarbeiten."
//	status = "in_progress"                 # planned, in_progress or done
//	note = "Entwurf liegt dem Sozialausschuss vor."  # optional
//
// # Translations: content/selfcheck/i18n/<lang>.toml
//
// The texts of the instrument and the rounds in a further language of the
// site, keyed by IDs and slugs. Points, IDs and dates are never translated,
// so a translation cannot change a result. Every text may be left out: the
// page then shows the German one, marked as German, and says so. A key that
// names no field, topic, question, round or recommendation is an error.
//
//	translation = "machine"                # optional: said on every page (default "human")
//	source = "sha256:7138f9b7772f3357"     # the German texts it translates; check warns when they change
//	title = "Self-check Welcoming Municipality"
//	description = """Markdown"""
//	skipped_label = "skipped"
//
//	[scale]                                # labels by points
//	0 = "does not apply"
//
//	[fields.fairer-zugang]
//	title = "Fair access and opportunities"
//	short = "Fair access"
//	description = "…"
//
//	[fields.fairer-zugang.topics]          # titles by topic slug
//	bildung = "Education"
//
//	[questions]                            # texts by question ID
//	MS-01 = "Has the town council adopted a mission statement …?"
//
//	[rounds.2024]
//	title = "Second round 2024"
//	summary = """Markdown"""
//
//	[rounds.2024.fields.management-und-steuerung]
//	assessment = """Markdown"""
//	recommendations = ["…", "…"]           # in the original's order
//	notes = ["…", ""]
//
//	[rounds.2024.comments]                 # comments by question ID
//	MS-01 = "…"
//
// # Scores
//
// A field's score is the share of the possible points that its answered
// questions reached, from 0 % (every answer at the lowest point of the scale)
// to 100 % (every answer at the highest). Skipped questions do not count
// towards it. Topics are scored the same way.
package selfcheck
