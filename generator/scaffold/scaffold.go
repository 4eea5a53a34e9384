// Package scaffold writes the skeleton of a new article or round, so that
// editors start from a file that already has every key they need.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"offenbar/generator/content"
	"offenbar/generator/event"
	"offenbar/generator/measure"
	"offenbar/generator/publish"
	"offenbar/generator/selfcheck"

	"offenbar/generator/diag"
)

// Article returns the path (relative to the site) and content of a new
// draft article; as a bundle, the article is a folder with its images
// beside its index.md.
func Article(title string, day time.Time, bundle bool) (string, []byte, error) {
	slug := content.Slug(title)
	if slug == "" {
		return "", nil, diag.Messagef("the title %q has no letters or digits to make a file name from", title)
	}
	name := day.Format(time.DateOnly) + "-" + slug + ".md"
	var b strings.Builder
	fmt.Fprintf(&b, "+++\n")
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote(title))
	fmt.Fprintf(&b, "date = %s\n", day.Format(time.DateOnly))
	fmt.Fprintf(&b, "summary = \"\"  # ein Satz für Übersichten und den Newsfeed\n")
	fmt.Fprintf(&b, "tags = []\n")
	fmt.Fprintf(&b, "fields = []  # Handlungsfelder, zum Beispiel [\"engagement-und-beteiligung\"]\n")
	fmt.Fprintf(&b, "draft = true  # auf false setzen, wenn der Artikel erscheinen soll\n")
	if bundle {
		fmt.Fprintf(&b, "# Bilder legen Sie in diesen Ordner und binden sie im Text so ein:\n")
		fmt.Fprintf(&b, "#   ![Was auf dem Bild zu sehen ist](foto.jpg \"Bildunterschrift, falls gewünscht\")\n")
		fmt.Fprintf(&b, "# Ein Bild, das nur schmückt: ![-](foto.jpg)\n")
	}
	fmt.Fprintf(&b, "+++\n\n")
	fmt.Fprintf(&b, "Hier beginnt der Text.\n")
	if bundle {
		name = strings.TrimSuffix(name, ".md") + "/" + content.BundleIndex
	}
	return filepath.ToSlash(filepath.Join(content.ArticlesDir, name)), []byte(b.String()), nil
}

// Event returns the path (relative to the site) and content of a new draft
// event on day, from 18:00 to 20:00, with every key it may have; as a
// bundle, the event is a folder with its files beside its index.md.
func Event(title string, day time.Time, bundle bool) (string, []byte, error) {
	slug := content.Slug(title)
	if slug == "" {
		return "", nil, diag.Messagef("the title %q has no letters or digits to make a file name from", title)
	}
	d := day.Format(time.DateOnly)
	name := d + "-" + slug + ".md"
	var b strings.Builder
	fmt.Fprintf(&b, "+++\n")
	fmt.Fprintf(&b, "# Ein Termin. Das Format beschreibt %s.\n", ReferenceFor("termin.md"))
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote(title))
	fmt.Fprintf(&b, "kind = \"round_table\"  # workshop, round_table (Runder Tisch), dialogue_forum (Dialogforum) oder other\n")
	fmt.Fprintf(&b, "summary = \"\"  # ein Satz für Übersichten und Kalender\n")
	fmt.Fprintf(&b, "start = %sT18:00:00  # Beginn, in der Ortszeit\n", d)
	fmt.Fprintf(&b, "end = %sT20:00:00  # Ende; oder all_day = true für ganze Tage\n", d)
	fmt.Fprintf(&b, "# all_day = true  # ganztägig: start und end dann ohne Uhrzeit, etwa start = %s\n", d)
	fmt.Fprintf(&b, "fields = []  # Handlungsfelder, zum Beispiel [\"engagement-und-beteiligung\"]\n")
	fmt.Fprintf(&b, "# round = \"2024\"  # die Runde des Selbstchecks, an die der Termin anschließt\n")
	fmt.Fprintf(&b, "# online = \"https://…\"  # für die Teilnahme im Internet; mit [location] ist der Termin hybrid\n")
	fmt.Fprintf(&b, "# measures = [\"sozialticket\"]  # die Maßnahmen, zu denen der Termin gehört, nach ihrem Dateinamen in content/measures/\n")
	fmt.Fprintf(&b, "# fee = \"5 Euro\"  # was die Teilnahme kostet; ohne fee ist sie kostenlos\n")
	fmt.Fprintf(&b, "# status = \"cancelled\"  # scheduled (Voreinstellung), cancelled, postponed oder moved_online\n")
	fmt.Fprintf(&b, "# note = \"Wegen Krankheit abgesagt.\"  # warum; nötig bei jedem status außer scheduled\n")
	fmt.Fprintf(&b, "# sequence = 1  # um 1 erhöhen, sobald Sie den veröffentlichten Termin ändern\n")
	fmt.Fprintf(&b, "# report = \"dialogforum\"  # hinterher: der Artikel, der berichtet, nach seinem Dateinamen ohne Datum und .md\n")
	fmt.Fprintf(&b, "draft = true  # auf false setzen, wenn der Termin erscheinen soll\n")
	fmt.Fprintf(&b, "\n[location]  # wo; ändern Sie den Ort\n")
	fmt.Fprintf(&b, "name = \"Rathaus\"\n")
	fmt.Fprintf(&b, "address = \"\"\n")
	fmt.Fprintf(&b, "postal_code = \"\"\n")
	fmt.Fprintf(&b, "city = \"\"\n")
	fmt.Fprintf(&b, "# lat = 50.9787  # freiwillig: die Koordinaten, beide oder keine\n")
	fmt.Fprintf(&b, "# lon = 11.0328\n")
	fmt.Fprintf(&b, "\n# [registration]  # wie man sich anmeldet\n")
	fmt.Fprintf(&b, "# url = \"https://…\"\n")
	fmt.Fprintf(&b, "# email = \"…\"\n")
	fmt.Fprintf(&b, "# deadline = %s\n", d)
	fmt.Fprintf(&b, "\n[accessibility]  # was angeboten wird, damit alle teilnehmen können\n")
	fmt.Fprintf(&b, "step_free = false  # stufenlos erreichbar\n")
	fmt.Fprintf(&b, "hearing_loop = false  # Induktionsschleife für Hörgeräte\n")
	fmt.Fprintf(&b, "sign_language = false  # Dolmetschen in Deutsche Gebärdensprache\n")
	fmt.Fprintf(&b, "easy_language = false  # in Leichter Sprache\n")
	fmt.Fprintf(&b, "languages = []  # Dolmetschen in diese Sprachen, etwa [\"tr\", \"ar\"]\n")
	fmt.Fprintf(&b, "childcare = false  # Kinderbetreuung\n")
	fmt.Fprintf(&b, "notes = \"\"  # was sonst hilft, etwa der Weg zum Aufzug\n")
	fmt.Fprintf(&b, "+++\n\n")
	fmt.Fprintf(&b, "Was geschieht und wer eingeladen ist.\n")
	if bundle {
		name = strings.TrimSuffix(name, ".md") + "/" + content.BundleIndex
	}
	return filepath.ToSlash(filepath.Join(event.Dir, name)), []byte(b.String()), nil
}

// Measure returns the path and content of a new measure with every key a
// measure may have, the optional ones commented out, and the office in
// charge and the first update left as «AUSFÜLLEN: …», so that build
// refuses to publish it until they are filled in. fields are the slugs of
// the site's action fields; the first is filled in.
func Measure(title string, day time.Time, fields []string, bundle bool) (string, []byte, error) {
	slug := content.Slug(title)
	if slug == "" {
		return "", nil, diag.Messagef("the title %q has no letters or digits to make a file name from", title)
	}
	if len(fields) == 0 {
		return "", nil, diag.Messagef("a measure needs an action field, and the instrument has none")
	}
	d := day.Format(time.DateOnly)
	var b strings.Builder
	fmt.Fprintf(&b, "+++\n")
	fmt.Fprintf(&b, "# Eine Maßnahme. Das Format beschreibt %s.\n", ReferenceFor("massnahme.md"))
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote(title))
	fmt.Fprintf(&b, "summary = \"\"  # ein Satz für Übersichten und den Feed\n")
	quoted := make([]string, len(fields))
	for i, f := range fields {
		quoted[i] = strconv.Quote(f)
	}
	fmt.Fprintf(&b, "fields = [%s]  # Handlungsfelder, eines oder mehrere von: %s\n", quoted[0], strings.Join(quoted, ", "))
	fmt.Fprintf(&b, "# recommendations = [\"2024/%s/1\"]  # die Anregungen, die sie aufgreift: Runde/Handlungsfeld/Nummer, ab 1 gezählt\n", fields[0])
	fmt.Fprintf(&b, "responsible = \"%s das zuständige Amt»\"\n", diag.PlaceholderOpen)
	fmt.Fprintf(&b, "# partners = [\"…\"]  # wer mitarbeitet\n")
	fmt.Fprintf(&b, "start = %s  # ein Tag, oder ein Monat wie \"%s\"\n", d, d[:7])
	fmt.Fprintf(&b, "# due = \"%d-12\"  # bis wann: ein Tag, oder ein Monat, dann bis zu seinem Ende\n", day.Year()+1)
	fmt.Fprintf(&b, "# budget = 10000  # Euro\n")
	fmt.Fprintf(&b, "# budget_note = \"je Jahr\"\n")
	fmt.Fprintf(&b, "# progress = 0  # wie weit sie ist, in Prozent von 0 bis 100\n")
	fmt.Fprintf(&b, "\n# [decision]  # wer sie beschlossen hat\n")
	fmt.Fprintf(&b, "# by = \"Stadtrat\"\n")
	fmt.Fprintf(&b, "# date = %s\n", d)
	fmt.Fprintf(&b, "# reference = \"Beschluss …\"\n")
	fmt.Fprintf(&b, "# url = \"https://…\"\n")
	fmt.Fprintf(&b, "\n# [[milestones]]  # Zwischenziele, beliebig viele\n")
	fmt.Fprintf(&b, "# date = %s\n", d)
	fmt.Fprintf(&b, "# title = \"…\"\n")
	fmt.Fprintf(&b, "# done = false\n")
	fmt.Fprintf(&b, "\n[[updates]]  # der Verlauf, das Älteste zuerst; der Stand ist der des neuesten\n")
	fmt.Fprintf(&b, "date = %s\n", d)
	fmt.Fprintf(&b, "status = \"planned\"  # planned, in_progress, done, delayed oder stopped\n")
	fmt.Fprintf(&b, "text = \"%s was beschlossen wurde»\"\n", diag.PlaceholderOpen)
	fmt.Fprintf(&b, "\n# [indicator]  # woran man den Erfolg misst\n")
	fmt.Fprintf(&b, "# name = \"…\"\n")
	fmt.Fprintf(&b, "# unit = \"…\"  # nötig, wenn es ein Ziel gibt\n")
	fmt.Fprintf(&b, "# baseline = 0\n")
	fmt.Fprintf(&b, "# target = 100\n")
	fmt.Fprintf(&b, "# current = 0\n")
	fmt.Fprintf(&b, "+++\n\n")
	fmt.Fprintf(&b, "Was die Maßnahme bewirken soll.\n")
	name := slug + ".md"
	if bundle {
		name = slug + "/" + content.BundleIndex
	}
	return filepath.ToSlash(filepath.Join(measure.Dir, name)), []byte(b.String()), nil
}

// Round returns the path and content of a new draft round with every
// question of the instrument listed, commented out, ready to fill in.
func Round(in *selfcheck.Instrument, id string, day time.Time) (string, []byte, error) {
	if content.Slug(id) != id {
		return "", nil, diag.Messagef("invalid round id %q: use lower-case letters, digits and \"-\", such as 2027", id)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#:schema %s\n", SchemaRef(RoundSchema, 3))
	fmt.Fprintf(&b, "# Runde %s. Das Format beschreibt %s.\n", id, ReferenceFor("runde.md"))
	fmt.Fprintf(&b, "title = %s\n", strconv.Quote("Runde "+id))
	fmt.Fprintf(&b, "date = %s  # der Tag, an dem der Fragebogen fertig ausgefüllt war\n", day.Format(time.DateOnly))
	fmt.Fprintf(&b, "draft = true  # auf false setzen, wenn alle Fragen beantwortet sind\n")
	fmt.Fprintf(&b, "respondents = []  # wer den Fragebogen ausgefüllt hat\n")
	fmt.Fprintf(&b, "summary = \"\"\"\n\"\"\"\n\n")
	fmt.Fprintf(&b, "# [workshop]\n# date = %s\n# format = \"online\"\n# participants = 0\n# description = \"\"\"\n# \"\"\"\n\n", day.Format(time.DateOnly))
	var scale []string
	for _, o := range in.Scale {
		scale = append(scale, fmt.Sprintf("%d = %s", o.Points, o.Label))
	}
	fmt.Fprintf(&b, "# Antworten: %s, oder \"skipped\" für übersprungen.\n", strings.Join(scale, ", "))
	fmt.Fprintf(&b, "# Mit Anmerkung: ID = { answer = 2, comment = \"…\" }\n")
	fmt.Fprintf(&b, "# Entfernen Sie das # vor jeder Zeile, die Sie beantworten.\n")
	fmt.Fprintf(&b, "[answers]\n")
	for _, f := range in.Fields {
		fmt.Fprintf(&b, "\n# %s\n", f.Title)
		for _, q := range f.Questions {
			fmt.Fprintf(&b, "# %s\n# %s = \n", strings.ReplaceAll(q.Text, "\n", " "), q.ID)
		}
	}
	for _, f := range in.Fields {
		fmt.Fprintf(&b, "\n# [fields.%s]\n# assessment = \"\"\"\n# \"\"\"\n", f.Slug)
		fmt.Fprintf(&b, "# [[fields.%s.recommendations]]\n# text = \"\"\n# status = \"planned\"  # planned, in_progress oder done\n", f.Slug)
	}
	return filepath.ToSlash(filepath.Join(selfcheck.Dir, selfcheck.RoundsDir, id+".toml")), []byte(b.String()), nil
}

// Create writes data to rel below the site directory, and never overwrites.
func Create(site, rel string, data []byte) error {
	p := filepath.Join(site, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return diag.Messagef("%s already exists; it was left as it is", rel)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Replace writes data to rel below the site directory in place of the file
// there: to a temporary file first, renamed over the old one, so that the
// old content is never half overwritten.
func Replace(site, rel string, data []byte) error {
	return publish.ReplaceFile(filepath.Join(site, filepath.FromSlash(rel)), data)
}

// Translation returns the path and content of a new translation of the
// document at rel (content/articles/x.md or …/x/index.md) into lang: the
// original's text to translate, and the hash of the original, by which
// check later tells when the original has changed.
func Translation(rel string, src []byte, lang string) (string, []byte, error) {
	front, body, errs := content.Split(rel, src)
	if errs.HasErrors() {
		return "", nil, errs.Err()
	}
	out := strings.TrimSuffix(rel, ".md") + "." + lang + ".md"
	var b strings.Builder
	b.WriteString("+++\n")
	fmt.Fprintf(&b, "# Übersetzung von %s in %q. Übersetzen Sie Titel, Zusammenfassung und Text.\n", filepath.Base(rel), lang)
	fmt.Fprintf(&b, "# translation = \"machine\" kennzeichnet eine maschinelle Übersetzung.\n")
	var orig map[string]any
	if _, err := toml.Decode(string(front), &orig); err != nil {
		return "", nil, diag.Messagef("%s: %v", rel, err)
	}
	// The texts that a translation of this kind has, top-level keys only:
	// a milestone's title is no second title.
	keys := []string{"title", "summary", "tags"}
	switch {
	case strings.HasPrefix(rel, event.Dir+"/"):
		keys = []string{"title", "summary", "note"}
	case strings.HasPrefix(rel, measure.Dir+"/"):
		keys = []string{"title", "summary", "responsible", "partners", "budget_note", "milestones", "updates", "indicator"}
	}
	texts := func(table, key string) []any {
		var out []any
		for _, m := range asTables(orig[table]) {
			if s, ok := m[key].(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	for _, k := range keys {
		v := orig[k]
		switch k {
		case "milestones":
			v = texts("milestones", "title")
		case "updates":
			v = texts("updates", "text")
		case "indicator":
			v = nil
			if ind := asTables(orig["indicator"]); len(ind) == 1 {
				v = ind[0]["name"]
			}
		}
		switch v := v.(type) {
		case string:
			fmt.Fprintf(&b, "%s = %s\n", k, tomlString(v))
		case []any:
			if len(v) == 0 {
				continue
			}
			var items []string
			for _, item := range v {
				if s, ok := item.(string); ok {
					items = append(items, tomlString(s))
				}
			}
			if len(items) == 1 && !strings.Contains(items[0], "\n") {
				fmt.Fprintf(&b, "%s = [%s]\n", k, items[0])
			} else {
				fmt.Fprintf(&b, "%s = [\n  %s,\n]\n", k, strings.Join(items, ",\n  "))
			}
		}
	}
	b.WriteString("translation = \"human\"\n")
	fmt.Fprintf(&b, "source = %q  # der Stand des Originals; check meldet, wenn es sich ändert\n", content.SourceHash(src))
	b.WriteString("+++\n")
	b.WriteString(strings.TrimLeft(string(body), "\n"))
	return out, []byte(b.String()), nil
}

// asTables returns a TOML table, or an array of tables, as a list.
func asTables(v any) []map[string]any {
	switch v := v.(type) {
	case map[string]any:
		return []map[string]any{v}
	case []map[string]any:
		return v
	}
	return nil
}

// tomlString writes s as a TOML string: a basic string, or a multi-line
// one when s has line breaks, so that a text stays readable as written.
func tomlString(s string) string {
	if !strings.Contains(s, "\n") {
		return strconv.Quote(s)
	}
	r := strings.NewReplacer(`\`, `\\`, `"""`, `""\"`, "\r", `\r`, "\t", `\t`)
	return "\"\"\"\n" + r.Replace(s) + "\"\"\""
}
