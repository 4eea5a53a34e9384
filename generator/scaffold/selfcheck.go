package scaffold

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"offenbar/generator/selfcheck"
)

// bareKey matches the TOML keys that need no quotes.
var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// tomlKey writes k as a TOML key, quoted where it has to be.
func tomlKey(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return strconv.Quote(k)
}

// SelfcheckTranslation returns the path and content of a new translation of
// the self-check into lang: every text of the instrument and the rounds,
// each empty under its German original as a comment, and the hash of the
// German texts, by which check later tells when they have changed. An
// empty text shows the German one, so the file builds as it is and can be
// translated bit by bit.
func SelfcheckTranslation(m *selfcheck.Model, lang string) (string, []byte) {
	var b strings.Builder
	comment := func(de string) {
		for _, line := range strings.Split(strings.TrimRight(de, "\n"), "\n") {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	// text writes key = "" under the German original; a Markdown text
	// gets a multi-line string.
	text := func(key, de string, markdown bool) {
		comment(de)
		if markdown {
			fmt.Fprintf(&b, "%s = \"\"\"\n\"\"\"\n", tomlKey(key))
		} else {
			fmt.Fprintf(&b, "%s = \"\"\n", tomlKey(key))
		}
	}
	fmt.Fprintf(&b, "#:schema %s\n", SchemaRef(TranslationSchema, 3))
	fmt.Fprintf(&b, "# Der Selbstcheck in der Sprache %q. Unter jedem deutschen Text (als\n", lang)
	fmt.Fprintf(&b, "# Kommentar mit #) steht seine Übersetzung; ein leerer Text erscheint auf\n")
	fmt.Fprintf(&b, "# Deutsch und ist als deutsch gekennzeichnet. Punkte, IDs und Daten werden\n")
	fmt.Fprintf(&b, "# nicht übersetzt. Das Format beschreibt %s.\n", ReferenceFor("uebersetzung-selbstcheck.md"))
	fmt.Fprintf(&b, "translation = \"human\"  # \"machine\" kennzeichnet eine maschinelle Übersetzung\n")
	fmt.Fprintf(&b, "source = %q  # der Stand der deutschen Texte; check meldet, wenn sie sich ändern\n\n", selfcheck.SourceHash(m))
	in := m.Instrument
	text("title", in.Title, false)
	if in.Description != "" {
		text("description", in.Description, true)
	}
	if in.SkippedLabel != "" {
		text("skipped_label", in.SkippedLabel, false)
	}
	b.WriteString("\n[scale]  # die Stufen der Antwortskala, nach Punkten\n")
	for _, o := range in.Scale {
		text(strconv.Itoa(o.Points), o.Label, false)
	}
	for _, f := range in.Fields {
		fmt.Fprintf(&b, "\n[fields.%s]\n", tomlKey(f.Slug))
		text("title", f.Title, false)
		if f.Short != "" {
			text("short", f.Short, false)
		}
		if f.Description != "" {
			text("description", f.Description, false)
		}
		if len(f.Topics) > 0 {
			fmt.Fprintf(&b, "\n[fields.%s.topics]\n", tomlKey(f.Slug))
			for _, t := range f.Topics {
				text(t.Slug, t.Title, false)
			}
		}
	}
	b.WriteString("\n[questions]  # die Fragen, nach ID\n")
	for _, f := range in.Fields {
		fmt.Fprintf(&b, "\n# %s\n", f.Title)
		for _, q := range f.Questions {
			text(q.ID, q.Text, false)
		}
	}
	for _, r := range m.Rounds {
		fmt.Fprintf(&b, "\n[rounds.%s]\n", tomlKey(r.ID))
		text("title", r.Title, false)
		if r.Summary != "" {
			text("summary", r.Summary, true)
		}
		for _, f := range in.Fields {
			res := r.Fields[f.Slug]
			if res == nil {
				continue
			}
			fmt.Fprintf(&b, "\n[rounds.%s.fields.%s]\n", tomlKey(r.ID), tomlKey(f.Slug))
			if res.Assessment != "" {
				text("assessment", res.Assessment, true)
			}
			if len(res.Recommendations) == 0 {
				continue
			}
			b.WriteString("# Die Empfehlungen, in ihrer Reihenfolge:\n")
			var recs, notes []string
			hasNotes := false
			for i, rec := range res.Recommendations {
				fmt.Fprintf(&b, "# %d. %s\n", i+1, strings.ReplaceAll(rec.Text, "\n", " "))
				recs = append(recs, `""`)
				notes = append(notes, `""`)
				hasNotes = hasNotes || rec.Note != ""
			}
			fmt.Fprintf(&b, "recommendations = [%s]\n", strings.Join(recs, ", "))
			if hasNotes {
				b.WriteString("# Die Anmerkungen dazu, in derselben Reihenfolge:\n")
				for i, rec := range res.Recommendations {
					if rec.Note != "" {
						fmt.Fprintf(&b, "# %d. %s\n", i+1, strings.ReplaceAll(rec.Note, "\n", " "))
					}
				}
				fmt.Fprintf(&b, "notes = [%s]\n", strings.Join(notes, ", "))
			}
		}
		var commented []string
		for _, q := range in.Questions {
			if a := r.Answers[q.ID]; a != nil && a.Comment != "" {
				commented = append(commented, q.ID)
			}
		}
		if len(commented) > 0 {
			fmt.Fprintf(&b, "\n[rounds.%s.comments]  # die Anmerkungen zu Antworten, nach Frage\n", tomlKey(r.ID))
			for _, id := range slices.Clip(commented) {
				text(id, r.Answers[id].Comment, false)
			}
		}
	}
	return path.Join(selfcheck.Dir, selfcheck.TranslationsDir, lang+".toml"), []byte(b.String())
}
