package main

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/measure"
	"offenbar/generator/scaffold"
	"offenbar/generator/selfcheck"
	"offenbar/generator/site"
	"offenbar/generator/spreadsheet"
)

// sheetSite is what the spreadsheet commands need of a site: its
// configuration, texts and, where it loads, the self-check.
type sheetSite struct {
	text    spreadsheet.Text
	site    spreadsheet.Site
	model   *selfcheck.Model
	skipped string
	// status names a measure's status in the site's language; languages
	// are the site's further languages.
	status    map[string]string
	languages []string
}

func loadSheetSite(f flags, stderr io.Writer, needModel bool) (*sheetSite, int) {
	src, err := siteFS(f.source)
	if err != nil {
		complain(stderr, f, "%v", err)
		return nil, 2
	}
	opts, ok := options(f, stderr)
	if !ok {
		return nil, 2
	}
	cfg, lang, errs := site.Texts(src, opts)
	if errs.HasErrors() {
		printProblems(stderr, errs, f, nil)
		return nil, 1
	}
	s := &sheetSite{text: lang.Func(), site: spreadsheet.Site{URL: cfg.BaseURL, Municipality: cfg.Publisher()}, status: lang.Status, languages: cfg.Languages}
	s.skipped = s.text("skipped")
	model, merrs := selfcheck.Load(src)
	if model != nil {
		s.model = model
		if l := model.Instrument.SkippedLabel; l != "" {
			s.skipped = l
		}
	}
	if needModel && (model == nil || merrs.HasErrors()) {
		printProblems(stderr, merrs, f, nil)
		complain(stderr, f, "this needs a valid questionnaire in content/selfcheck/instrument.toml")
		return nil, 1
	}
	return s, 0
}

// newWorkbook writes the workbook of a round or of the questionnaire.
func newWorkbook(f flags, args []string, stdout, stderr io.Writer) int {
	if !(len(args) == 2 && args[0] == "round") && !(len(args) == 1 && (args[0] == "instrument" || args[0] == "measures")) {
		fmt.Fprintln(stderr, usageOf(f, "new"))
		return 2
	}
	if args[0] == "round" && content.Slug(args[1]) != args[1] {
		complain(stderr, f, "invalid round id %q: use lower-case letters, digits and \"-\", such as 2027", args[1])
		return 2
	}
	if !strings.HasSuffix(strings.ToLower(f.xlsx), ".xlsx") {
		complain(stderr, f, "%s: name the workbook FILE.xlsx", f.xlsx)
		return 2
	}
	if _, err := os.Stat(f.xlsx); err == nil {
		complain(stderr, f, "%s already exists; it was left as it is", f.xlsx)
		return 1
	}
	now, err := clock()
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	s, code := loadSheetSite(f, stderr, args[0] == "round")
	if s == nil {
		return code
	}
	var data []byte
	if args[0] == "measures" {
		ms, code := loadMeasures(f, s, now, stderr)
		if ms == nil {
			return code
		}
		if len(ms.states) == 0 {
			complain(stderr, f, "there is no measure in content/measures/ yet")
			return 1
		}
		data, err = (&spreadsheet.MeasuresWorkbook{Site: s.site, Measures: ms.states, Statuses: spreadsheet.StatusCodes(), Label: ms.label, Day: now, Text: s.text}).Export()
	} else if args[0] == "round" {
		id := args[1]
		w := &spreadsheet.RoundWorkbook{Site: s.site, Instrument: s.model.Instrument, ID: id, Skipped: s.skipped, Day: now, Text: s.text}
		for i, r := range s.model.Rounds {
			if r.ID == id {
				w.Current, w.Title = r, r.Title
				if i > 0 {
					w.Previous = s.model.Rounds[i-1]
				}
			}
		}
		if w.Current == nil && len(s.model.Rounds) > 0 {
			w.Previous = s.model.Latest()
		}
		data, err = w.Export()
	} else {
		w := &spreadsheet.InstrumentWorkbook{Site: s.site, Day: now, Text: s.text}
		if s.model != nil {
			w.Instrument = s.model.Instrument
		} else if src, err := siteFS(f.source); err == nil {
			// Such as right after init: the scale and fields are there,
			// the questions not yet.
			w.Instrument = selfcheck.Unfinished(src)
		}
		data, err = w.Export()
	}
	if err == nil {
		err = os.WriteFile(f.xlsx, data, 0o644)
	}
	if err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	fmt.Fprintln(stdout, say(f, nil, "wrote %s", f.xlsx))
	return 0
}

// importContent reads a filled-in workbook or CSV file into the round's
// or the questionnaire's TOML file.
func importContent(f flags, args []string, stdout, stderr io.Writer) int {
	if len(args) != 2 || (args[0] != "round" && args[0] != "instrument" && args[0] != "measures") {
		fmt.Fprintln(stderr, usageOf(f, "import"))
		return 2
	}
	file := args[1]
	show := filepath.ToSlash(file)
	if fi, err := os.Stat(file); err == nil {
		if errs := spreadsheet.CheckSize(show, fi.Size()); errs.HasErrors() {
			printProblems(stderr, errs, f, nil)
			return 1
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	s, code := loadSheetSite(f, stderr, args[0] == "round")
	if s == nil {
		return code
	}
	im := &spreadsheet.Import{Site: s.site, Skipped: s.skipped, Draft: f.draft, Text: s.text}
	if !strings.HasSuffix(strings.ToLower(file), ".csv") {
		// A bomb is refused before anything opens it.
		if errs := spreadsheet.Check(show, data); errs.HasErrors() {
			printProblems(stderr, errs, f, nil)
			fmt.Fprintln(stderr, say(f, nil, "nothing was written"))
			return 1
		}
	}
	if args[0] == "instrument" {
		return importInstrument(f, im, show, data, s, stdout, stderr)
	}
	if args[0] == "measures" {
		return importMeasures(f, show, data, s, stdout, stderr)
	}
	im.Instrument = s.model.Instrument
	id := f.id
	if id == "" {
		id = spreadsheet.WorkbookRound(data)
	}
	if id == "" {
		complain(stderr, f, "%s does not name its round: add --id, such as --id 2027", file)
		return 2
	}
	if content.Slug(id) != id {
		complain(stderr, f, "invalid round id %q: use lower-case letters, digits and \"-\", such as 2027", id)
		return 2
	}
	im.ID = id
	var existing *selfcheck.Round
	for _, r := range s.model.Rounds {
		if r.ID == id {
			existing = r
			im.Draft = im.Draft || r.Draft
		}
	}
	answers, errs := im.ReadRound(show, data)
	printProblems(stderr, errs, f, nil)
	if errs.HasErrors() {
		fmt.Fprintln(stderr, say(f, nil, "nothing was written"))
		return 1
	}
	table := spreadsheet.AnswersTOML(im.Instrument, answers)
	rel := selfcheck.Dir + "/" + selfcheck.RoundsDir + "/" + id + ".toml"
	if existing == nil {
		now, _ := clock()
		if err := scaffold.Create(f.source, rel, spreadsheet.NewRoundTOML(id, now, f.draft, table)); err != nil {
			complain(stderr, f, "%v", err)
			return 1
		}
		writeSchemas(f, stderr)
		fmt.Fprintln(stdout, sayN(f, nil, len(answers), "created %s with %d answer; add its title, date and who answered", "created %s with %d answers; add its title, date and who answered", filepath.Join(f.source, filepath.FromSlash(rel)), len(answers)))
		return 0
	}
	changes := spreadsheet.Changes(im.Instrument, existing, answers, s.skipped)
	if len(changes) == 0 {
		fmt.Fprintln(stdout, say(f, nil, "%s already has these answers; nothing to do", rel))
		return 0
	}
	fmt.Fprintln(stdout, sayN(f, nil, len(changes), "%s: %d answer changes:", "%s: %d answers change:", rel, len(changes)))
	for _, c := range changes {
		fmt.Fprintln(stdout, "  "+c)
	}
	if !f.force {
		fmt.Fprintln(stderr, say(f, nil, "nothing was written: run the command again with --force to replace the answers"))
		return 1
	}
	if err := scaffold.Replace(f.source, rel, spreadsheet.ReplaceAnswers(existing.Doc.Src, table)); err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	fmt.Fprintln(stdout, say(f, nil, "replaced the answers in %s", rel))
	return 0
}

func importInstrument(f flags, im *spreadsheet.Import, file string, data []byte, s *sheetSite, stdout, stderr io.Writer) int {
	src, errs := im.ReadInstrument(file, data)
	printProblems(stderr, errs, f, nil)
	if errs.HasErrors() {
		fmt.Fprintln(stderr, say(f, nil, "nothing was written"))
		return 1
	}
	rel := selfcheck.Dir + "/" + selfcheck.InstrumentFile
	if s.model == nil {
		if _, err := os.Stat(filepath.Join(f.source, filepath.FromSlash(rel))); err != nil {
			if err := scaffold.Create(f.source, rel, src); err != nil {
				complain(stderr, f, "%v", err)
				return 1
			}
			writeSchemas(f, stderr)
			fmt.Fprintln(stdout, say(f, nil, "created %s", rel))
			return 0
		}
	}
	if s.model != nil {
		after, _ := selfcheck.Load(fstest.MapFS{rel: {Data: src}})
		if after != nil {
			changed := spreadsheet.ChangedQuestions(s.model.Instrument, after.Instrument, s.model.Rounds)
			if len(changed) > 0 {
				fmt.Fprintln(stdout, sayN(f, nil, len(changed), "%d question that earlier rounds answered has a new text; rounds can no longer be compared on it:", "%d questions that earlier rounds answered have a new text; rounds can no longer be compared on them:", len(changed)))
				for _, c := range changed {
					fmt.Fprintln(stdout, "  "+c)
				}
			}
		}
	}
	// The instrument that init writes has the scale and the fields but no
	// question yet: the first import fills it in without --force, as the
	// guide's first steps say. One that holds questions needs --force.
	started := false
	if s.model == nil {
		if in := selfcheck.Unfinished(os.DirFS(f.source)); in != nil && in.Count() == 0 {
			started = true
		}
	}
	if !f.force && !started {
		fmt.Fprintln(stderr, say(f, nil, "nothing was written: %s exists; run the command again with --force to replace it", rel))
		return 1
	}
	if err := scaffold.Replace(f.source, rel, src); err != nil {
		complain(stderr, f, "%v", err)
		return 1
	}
	writeSchemas(f, stderr)
	fmt.Fprintln(stdout, say(f, nil, "replaced %s", rel))
	return 0
}

// writeSchemas brings the site's JSON Schemas (scaffold.SchemaDir) up to
// date after a command wrote a file that names one. A failure costs the
// editor only completion in the editor, so it is said and the command
// goes on.
func writeSchemas(f flags, stderr io.Writer) {
	if _, err := scaffold.WriteSchemas(f.source); err != nil {
		complain(stderr, f, "%v", err)
	}
}

// measureSheet is what the measures workbook needs of the measures.
type measureSheet struct {
	measures []*measure.Measure
	states   []spreadsheet.MeasureState
	label    func(string) string
}

// loadMeasures loads the measures for a workbook, and refuses while they
// or what they refer to have errors: an import must be able to tell that
// what it adds is right.
func loadMeasures(f flags, s *sheetSite, now time.Time, stderr io.Writer) (*measureSheet, int) {
	src, err := siteFS(f.source)
	if err != nil {
		complain(stderr, f, "%v", err)
		return nil, 2
	}
	ms, errs := measure.Load(src)
	if !errs.HasErrors() {
		errs.Add(measure.Check(ms, s.model, s.languages, now))
	}
	if errs.HasErrors() {
		printProblems(stderr, errs, f, nil)
		complain(stderr, f, "the measures in content/measures/ have errors: mend them first")
		return nil, 1
	}
	label := func(code string) string {
		if l := s.status[code]; l != "" {
			return l
		}
		return code
	}
	return &measureSheet{measures: ms, states: spreadsheet.States(ms), label: label}, 0
}

// importMeasures appends the updates of a filled-in measures workbook to
// the measures' files, with their progress, and brings the status of the
// recommendations they take up in line; or it writes nothing.
func importMeasures(f flags, file string, data []byte, s *sheetSite, stdout, stderr io.Writer) int {
	now, err := clock()
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	ms, code := loadMeasures(f, s, now, stderr)
	if ms == nil {
		return code
	}
	im := &spreadsheet.MeasuresImport{Site: s.site, Measures: ms.states, Statuses: spreadsheet.StatusCodes(), Label: ms.label, Today: now, Text: s.text}
	updates, errs := im.ReadMeasures(file, data)
	printProblems(stderr, errs, f, nil)
	if errs.HasErrors() {
		fmt.Fprintln(stderr, say(f, nil, "nothing was written"))
		return 1
	}
	if len(updates) == 0 {
		fmt.Fprintln(stdout, say(f, nil, "%s changes no measure; nothing to do", file))
		return 0
	}
	site, err := siteFS(f.source)
	if err != nil {
		complain(stderr, f, "%v", err)
		return 2
	}
	byID := map[string]*measure.Measure{}
	for _, m := range ms.measures {
		byID[m.ID] = m
	}
	out := map[string][]byte{}
	var report []string
	for _, u := range updates {
		m := byID[u.ID]
		src, err := fs.ReadFile(site, m.Path)
		if err != nil {
			complain(stderr, f, "%v", err)
			return 1
		}
		// The progress first: it may add a line above the updates.
		if u.Progress != nil && (m.Progress == nil || *m.Progress != *u.Progress) {
			src = spreadsheet.SetProgress(src, m, *u.Progress)
			after, perrs := measure.Load(overlay{src: site, files: map[string][]byte{m.Path: src}})
			if perrs.HasErrors() {
				printProblems(stderr, perrs, f, nil)
				fmt.Fprintln(stderr, say(f, nil, "nothing was written"))
				return 1
			}
			for _, a := range after {
				if a.ID == m.ID {
					m = a
				}
			}
		}
		out[m.Path] = spreadsheet.AppendUpdate(src, spreadsheet.UpdateLine(src, m), u)
		if u.Changes == "" {
			report = append(report, say(f, nil, "%s: a new update", m.Path))
		} else {
			report = append(report, say(f, nil, "%s: a new update (%s)", m.Path, u.Changes))
		}
	}
	// The recommendations that the measures take up change their status
	// with them, in the round files, as check asks.
	files := overlay{src: site, files: out}
	after, errs := measure.Load(files)
	if !errs.HasErrors() && s.model != nil {
		measure.Check(after, s.model, s.languages, now) // resolves what they take up
		taken := measure.TakenUp(after)
		for _, k := range slices.Sorted(maps.Keys(taken)) {
			implied := measure.Implied(taken[k])
			ref := refOf(taken[k][0], k)
			round := s.model.Round(ref.Round)
			rec := round.Fields[ref.Field].Recommendations[ref.Index]
			if implied == "" || implied == rec.Status || round.Doc == nil {
				continue
			}
			rel := selfcheck.Dir + "/" + selfcheck.RoundsDir + "/" + round.ID + ".toml"
			src, ok := out[rel]
			if !ok {
				src = round.Doc.Src
			}
			at, _ := round.Doc.Index.Value(fmt.Sprintf("fields.%s.recommendations[%d].status", ref.Field, ref.Index))
			out[rel] = spreadsheet.ReplaceValue(src, at.Line, at.Col, strconv.Quote(string(implied)))
			report = append(report, say(f, nil, "%s: recommendation %s: %s → %s", rel, ref.String(), string(rec.Status), string(implied)))
		}
	}
	// The files as they would be must load and check as the measures did:
	// an import never writes what build would refuse.
	if !errs.HasErrors() {
		model, merrs := selfcheck.Load(files)
		errs.Add(merrs)
		errs.Add(measure.Check(after, model, s.languages, now))
	}
	printProblems(stderr, errs, f, nil)
	if errs.HasErrors() {
		fmt.Fprintln(stderr, say(f, nil, "nothing was written"))
		return 1
	}
	for _, rel := range slices.Sorted(maps.Keys(out)) {
		if err := scaffold.Replace(f.source, rel, out[rel]); err != nil {
			complain(stderr, f, "%v", err)
			return 1
		}
	}
	for _, r := range report {
		fmt.Fprintln(stdout, r)
	}
	fmt.Fprintln(stdout, sayN(f, nil, len(updates), "added %d update to the measures", "added %d updates to the measures", len(updates)))
	return 0
}

// refOf returns the reference of m that has key k (measure.Key).
func refOf(m *measure.Measure, k string) *measure.Ref {
	for _, r := range m.Refs {
		if measure.Key(r.Round, r.Field, r.Index) == k {
			return r
		}
	}
	return nil
}

// overlay is the site directory with some files as an import would
// write them.
type overlay struct {
	src   fs.FS
	files map[string][]byte
}

func (o overlay) Open(name string) (fs.File, error) {
	if b, ok := o.files[name]; ok {
		return fstest.MapFS{name: {Data: b, Mode: 0o644}}.Open(name)
	}
	return o.src.Open(name)
}
