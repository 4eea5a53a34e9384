package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"offenbar/generator/selfcheck"
)

// filledWorkbook exports the workbook of round id from the site in dir and
// fills in every answer of the example's 2024 round.
func filledWorkbook(t *testing.T, dir, id string) *excelize.File {
	t.Helper()
	file := filepath.Join(t.TempDir(), "runde.xlsx")
	if code, _, stderr := runCmd(t, "new", "--lang", "en", "-s", dir, "round", id, "--xlsx", file); code != 0 {
		t.Fatalf("new round --xlsx: exit %d\n%s", code, stderr)
	}
	m, errs := selfcheck.Load(os.DirFS(dir))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	r := m.Round("2024")
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for n, row := range rows {
			if n == 0 || len(row) == 0 || r.Answers[row[0]] == nil {
				continue
			}
			a := r.Answers[row[0]]
			v := m.Instrument.Label(a.Points)
			if a.Skipped {
				v = "übersprungen"
			}
			f.SetCellValue(sheet, "D"+strconv.Itoa(n+1), v)
			f.SetCellValue(sheet, "E"+strconv.Itoa(n+1), a.Comment)
		}
	}
	return f
}

// TestImportRoundErrors feeds the import every kind of broken workbook: each
// gives its exact messages, exit code 1, and content/ stays as it was.
func TestImportRoundErrors(t *testing.T) {
	dir := copyExample(t)
	before := readTree(t, filepath.Join(dir, "content"))
	cases := []struct {
		name   string
		edit   func(f *excelize.File)
		raw    []byte
		want   string
		noCode bool
	}{
		{name: "answer not on the scale", edit: func(f *excelize.File) {
			f.SetCellValue("Steuerung", "D3", "ja")
			f.SetCellValue("Fairer Zugang", "D5", 7)
		}, want: `runde.xlsx:Steuerung!D3: answer "ja" to "MS-02" is not on the scale, want one of: "trifft nicht zu" (0), "trifft eher nicht zu" (1), "trifft eher zu" (2), "trifft voll zu" (3) or "übersprungen"
runde.xlsx:'Fairer Zugang'!D5: answer "7" to "FZ-04" is not on the scale, want one of: "trifft nicht zu" (0), "trifft eher nicht zu" (1), "trifft eher zu" (2), "trifft voll zu" (3) or "übersprungen"`},
		{name: "unknown and duplicate IDs", edit: func(f *excelize.File) {
			f.SetCellValue("Steuerung", "A4", "MS-99")
			f.SetCellValue("Steuerung", "A6", "MS-01")
		}, want: `runde.xlsx:Steuerung: question "MS-03" is missing: add a row with its ID, or export a new workbook
runde.xlsx:Steuerung: question "MS-05" is missing: add a row with its ID, or export a new workbook
runde.xlsx:Steuerung!A4: unknown question ID "MS-99": the questionnaire has no such question
runde.xlsx:Steuerung!A6: question "MS-01" appears twice, first at Steuerung!A2`},
		{name: "missing question", edit: func(f *excelize.File) {
			f.RemoveRow("Zusammenhalt", 5)
		}, want: `runde.xlsx:Zusammenhalt: question "ZB-04" is missing: add a row with its ID, or export a new workbook`},
		{name: "empty answer", edit: func(f *excelize.File) {
			f.SetCellValue("Kommunikation", "D13", "")
		}, want: `runde.xlsx:Kommunikation!D13: question "KK-12" has no answer: choose one from the list, or "übersprungen" when those answering were unsure; a round that is not finished can be imported with --draft`},
		{name: "renamed sheet", edit: func(f *excelize.File) {
			f.SetSheetName("Arbeit und Wirtschaft", "Arbeit")
		}, want: `runde.xlsx:'Arbeit und Wirtschaft': sheet "Arbeit und Wirtschaft" of the action field "Arbeit und wirtschaftliche Entwicklung" is missing: it was renamed or deleted; give it back its name, or export a new workbook`},
		{name: "deleted sheet", edit: func(f *excelize.File) {
			f.DeleteSheet("Engagement")
		}, want: `runde.xlsx:Engagement: sheet "Engagement" of the action field "Engagement und Beteiligung" is missing: it was renamed or deleted; give it back its name, or export a new workbook`},
		{name: "another site", edit: func(f *excelize.File) {
			f.SetCustomProps(excelize.CustomProperty{Name: "offenbar-site", Value: "https://weltoffen.nachbarstadt.example/"})
		}, want: `runde.xlsx: the workbook was made for the site "https://weltoffen.nachbarstadt.example/", not for "https://weltoffen.lindenbrueck.example/"`},
		{name: "another instrument", edit: func(f *excelize.File) {
			f.SetCustomProps(excelize.CustomProperty{Name: "offenbar-instrument", Value: "0123456789abcdef"})
		}, want: `runde.xlsx: the workbook was made for another version of the questionnaire: its questions or scale have changed since; export a new one`},
		{name: "not a workbook", raw: []byte("ID,Antwort\nMS-01,3\n"), want: `runde.xlsx: the file is not an Excel workbook (.xlsx): save it as one, or export a CSV file`},
		{name: "password", raw: append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 512)...), want: `runde.xlsx: the file is password-protected or an old Excel 97–2003 workbook: save it without a password, as an Excel workbook (.xlsx)`},
		{name: "damaged", raw: []byte("PK\x03\x04 cut off"), want: `runde.xlsx: the file is not a readable Excel workbook (zip: not a valid zip file): save it again as .xlsx`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := c.raw
			if c.edit != nil {
				f := filledWorkbook(t, dir, "2027")
				c.edit(f)
				b, err := f.WriteToBuffer()
				if err != nil {
					t.Fatal(err)
				}
				data = b.Bytes()
			}
			wd := t.TempDir()
			if err := os.WriteFile(filepath.Join(wd, "runde.xlsx"), data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(wd)
			code, _, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "round", "runde.xlsx", "--id", "2027")
			got := strings.TrimSuffix(stderr, "nothing was written\n")
			if code != 1 {
				t.Errorf("exit code %d, want 1", code)
			}
			if strings.TrimSpace(got) != c.want {
				t.Errorf("problems differ\ngot:\n%s\nwant:\n%s", got, c.want)
			}
			after := readTree(t, filepath.Join(dir, "content"))
			if len(after) != len(before) {
				t.Errorf("content/ changed: %d files, before %d", len(after), len(before))
			}
			for name, b := range before {
				if !bytes.Equal(after[name], b) {
					t.Errorf("content/%s changed", name)
				}
			}
		})
	}
}

// TestImportRound: a new round is created from a filled-in workbook; a
// changed answer in an existing round is listed and only written with
// --force, which keeps everything but [answers].
func TestImportRound(t *testing.T) {
	dir := copyExample(t)
	f := filledWorkbook(t, dir, "2027")
	file := filepath.Join(t.TempDir(), "runde.xlsx")
	f.SaveAs(file)
	code, stdout, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "round", file)
	if code != 0 || !strings.Contains(stdout, "with 108 answers") {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	roundFile := filepath.Join(dir, "content/selfcheck/rounds/2027.toml")
	created, _ := os.ReadFile(roundFile)
	if !strings.Contains(string(created), "FZ-04 = \"skipped\"") {
		t.Errorf("new round file:\n%.400s", created)
	}
	// Title, date and respondents are the town's to give: until then the
	// round is not published.
	lines := strings.Split(string(created), "\n")
	lineOf := func(prefix string) int {
		for i, l := range lines {
			if strings.HasPrefix(l, prefix) {
				return i
			}
		}
		t.Fatalf("the new round has no line %q:\n%s", prefix, created)
		return 0
	}
	title, date, respondents := lineOf("title = "), lineOf("# «AUSFÜLLEN: Setzen Sie date"), lineOf("respondents = ")
	code, _, stderr = runCmd(t, buildArgs(dir, "-d", filepath.Join(t.TempDir(), "public"))...)
	for _, want := range []string{
		fmt.Sprintf("content/selfcheck/rounds/2027.toml:%d:10: placeholder left: replace «AUSFÜLLEN: Titel der Runde, etwa Selbstcheck 2027» with your own text", title+1),
		fmt.Sprintf("content/selfcheck/rounds/2027.toml:%d:3: placeholder left: replace «AUSFÜLLEN: Setzen Sie date auf den Tag, an dem der Fragebogen fertig ausgefüllt war, und löschen Sie dann diese Zeile.» with your own text", date+1),
		fmt.Sprintf("content/selfcheck/rounds/2027.toml:%d:17: placeholder left: replace «AUSFÜLLEN: wer den Fragebogen ausgefüllt hat, etwa Integrationsbeauftragte» with your own text", respondents+1),
	} {
		if code != 1 || !strings.Contains(stderr, want+"\n") {
			t.Errorf("build of the imported round: exit %d, want 1 and %q:\n%s", code, want, stderr)
		}
	}
	lines[title] = `title = "Zweiter Selbstcheck"`
	lines[respondents] = `respondents = ["Integrationsbeauftragte"]`
	lines = slices.Delete(lines, date, date+1)
	if err := os.WriteFile(roundFile, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	buildSite(t, dir) // filled in, the imported round builds

	g := filledWorkbook(t, dir, "2024")
	g.SetCellValue("Steuerung", "D3", "trifft voll zu")
	file = filepath.Join(t.TempDir(), "runde-2024.xlsx")
	g.SaveAs(file)
	path := filepath.Join(dir, "content/selfcheck/rounds/2024.toml")
	orig, _ := os.ReadFile(path)
	code, stdout, stderr = runCmd(t, "import", "--lang", "en", "-s", dir, "round", file)
	if code != 1 || !strings.Contains(stdout, "MS-02: 2 (trifft eher zu) → 3 (trifft voll zu)") || !strings.Contains(stderr, "--force") {
		t.Errorf("import without --force: exit %d\n%s%s", code, stdout, stderr)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Fatal("the round was overwritten without --force")
	}
	// A count speaks in the plural form its number asks for.
	if !strings.Contains(stdout, "content/selfcheck/rounds/2024.toml: 1 answer changes:\n") {
		t.Errorf("import in English, one change:\n%s", stdout)
	}
	if _, stdout, _ = runCmd(t, "import", "-s", dir, "round", file); !strings.Contains(stdout, "content/selfcheck/rounds/2024.toml: 1 Antwort ändert sich:\n") {
		t.Errorf("import in German, one change:\n%s", stdout)
	}
	if code, stdout, stderr = runCmd(t, "import", "--lang", "en", "-s", dir, "round", file, "--force"); code != 0 {
		t.Fatalf("import --force: exit %d\n%s%s", code, stdout, stderr)
	}
	now, _ := os.ReadFile(path)
	want := strings.Replace(string(orig), "\nMS-02 = 2\n", "\nMS-02 = 3\n", 1)
	if string(now) != want {
		t.Error("--force changed more than the one answer")
	}
}

// TestImportInstrument: the questionnaire's workbook, with each kind of
// mistake, gives cell-exact errors and writes nothing; a corrected
// question text that rounds answered is listed, and only --force replaces
// instrument.toml.
func TestImportInstrument(t *testing.T) {
	dir := copyExample(t)
	file := filepath.Join(t.TempDir(), "fragebogen.xlsx")
	if code, _, stderr := runCmd(t, "new", "--lang", "en", "-s", dir, "instrument", "--xlsx", file); code != 0 {
		t.Fatalf("new instrument: exit %d\n%s", code, stderr)
	}
	path := filepath.Join(dir, "content/selfcheck/instrument.toml")
	orig, _ := os.ReadFile(path)
	edited := func(edit func(f *excelize.File)) string {
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		edit(f)
		out := filepath.Join(t.TempDir(), "fragebogen.xlsx")
		if err := f.SaveAs(out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	broken := edited(func(f *excelize.File) {
		f.SetCellValue("Fragen", "D3", "MS-01")          // a duplicate ID
		f.SetCellValue("Fragen", "C30", "Wohnungsbau")   // no such topic in the field
		f.SetCellValue("Fragen", "E40", "")              // an empty question
		f.SetCellValue("Skala", "A3", 0)                 // points repeated
		f.SetCellValue("Handlungsfelder", "A9", "sport") // a field without questions
		f.SetCellValue("Handlungsfelder", "B9", "Sport")
	})
	code, _, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "instrument", broken, "--force")
	got := strings.ReplaceAll(strings.TrimSuffix(stderr, "nothing was written\n"), filepath.Dir(broken)+string(filepath.Separator), "")
	want := `fragebogen.xlsx:Skala!A3: 0 points appear twice on the scale, first in row 2; each option needs its own points
fragebogen.xlsx:Fragen!D3: question ID "MS-01" appears twice, first in row 2
fragebogen.xlsx:Fragen!E40: question "FZ-15" has no text
`
	if code != 1 || got != want {
		t.Errorf("exit %d\ngot:\n%s\nwant:\n%s", code, got, want)
	}
	broken = edited(func(f *excelize.File) {
		f.SetCellValue("Fragen", "C30", "Wohnungsbau")
		f.SetCellValue("Handlungsfelder", "A9", "sport")
		f.SetCellValue("Handlungsfelder", "B9", "Sport")
	})
	code, _, stderr = runCmd(t, "import", "--lang", "en", "-s", dir, "instrument", broken, "--force")
	got = strings.ReplaceAll(strings.TrimSuffix(stderr, "nothing was written\n"), filepath.Dir(broken)+string(filepath.Separator), "")
	want = `fragebogen.xlsx:Handlungsfelder!A9: field "sport" has no questions: add [[fields.questions]] with id and text
fragebogen.xlsx:Fragen!C30: question "FZ-05" needs a topic of field "fairer-zugang", want one of: bildung, sprache, arbeit-und-ausbildung, wohnen, gesundheit-und-pflege, transport, kultur, sport, sicherheit-und-recht
`
	if code != 1 || got != want {
		t.Errorf("exit %d\ngot:\n%s\nwant:\n%s", code, got, want)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Fatal("a failed import changed instrument.toml")
	}

	fixed := edited(func(f *excelize.File) {
		f.SetCellValue("Fragen", "E2", "Hat der Stadtrat ein Leitbild zur Weltoffenheit beschlossen?")
	})
	code, stdout, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "instrument", fixed)
	if code != 1 || !strings.Contains(stdout, "MS-01 (answered in 2021, 2024)") || !strings.Contains(stderr, "--force") {
		t.Errorf("without --force: exit %d\n%s%s", code, stdout, stderr)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Fatal("instrument.toml was replaced without --force")
	}
	if code, stdout, stderr = runCmd(t, "import", "--lang", "en", "-s", dir, "instrument", fixed, "--force"); code != 0 {
		t.Fatalf("--force: exit %d\n%s%s", code, stdout, stderr)
	}
	buildSite(t, dir) // the imported questionnaire builds with the example's rounds
}

// TestInstrumentWorkbookAfterInit: right after init, instrument.toml holds
// the scale and the fields but no question yet; the questionnaire workbook
// starts from them, so that nobody types them again.
func TestInstrumentWorkbookAfterInit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if code, _, stderr := runCmd(t, "init", dir); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, stderr)
	}
	file := filepath.Join(t.TempDir(), "fragebogen.xlsx")
	if code, _, stderr := runCmd(t, "new", "instrument", "-s", dir, "--xlsx", file); code != 0 {
		t.Fatalf("new instrument --xlsx: exit %d\n%s", code, stderr)
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	column := func(sheet string, col int) []string {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rows[1:] {
			if len(r) > col && r[col] != "" {
				got = append(got, r[col])
			}
		}
		return got
	}
	if got, want := strings.Join(column("Skala", 1), "|"), "trifft nicht zu|trifft eher nicht zu|trifft eher zu|trifft voll zu"; got != want {
		t.Errorf("Skala: %q, want %q", got, want)
	}
	fields := column("Handlungsfelder", 0)
	if len(fields) != 7 || fields[0] != "management-und-steuerung" || fields[6] != "kommunikation-und-konfliktmanagement" {
		t.Errorf("Handlungsfelder: %q, want the seven fields of instrument.toml", fields)
	}
	// The first import fills in init's instrument, which has no question
	// yet, without --force; a second one needs it.
	titles := column("Handlungsfelder", 1)
	for i, slug := range fields {
		row := strconv.Itoa(i + 2)
		f.SetCellValue("Fragen", "A"+row, titles[i])
		f.SetCellValue("Fragen", "B"+row, slug)
		f.SetCellValue("Fragen", "D"+row, "Q-"+strconv.Itoa(i+1))
		f.SetCellValue("Fragen", "E"+row, "Gibt es dazu einen Beschluss des Rates?")
	}
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "instrument", file); code != 0 || !strings.Contains(stdout, "replaced content/selfcheck/instrument.toml") {
		t.Errorf("first import instrument after init: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "instrument", file); code != 1 || !strings.Contains(stderr, "--force") {
		t.Errorf("second import instrument without --force: exit %d\n%s", code, stderr)
	}
}

// TestImportCapsProblems: a file with hundreds of bad rows prints the first
// 50 problems and a count of the rest, in both languages; a formula in a
// workbook is refused at its cell by the command.
func TestImportCapsProblems(t *testing.T) {
	dir := copyExample(t)
	csvFile := filepath.Join(t.TempDir(), "runde.csv")
	var b strings.Builder
	b.WriteString("ID,Thema,Frage,Antwort,Kommentar\n")
	for i := range 200 {
		fmt.Fprintf(&b, "XX-%03d,,,3,\n", i)
	}
	os.WriteFile(csvFile, []byte(b.String()), 0o644)
	// 200 unknown IDs and 108 missing questions: 308 problems.
	for lang, rest := range map[string]string{
		"en": "258 more problems are not shown: mend the ones above first\nnothing was written\n",
		"de": "258 weitere Probleme werden nicht gezeigt: beheben Sie zuerst die obigen\nes wurde nichts geschrieben\n",
	} {
		code, _, stderr := runCmd(t, "import", "--lang", lang, "-s", dir, "round", csvFile, "--id", "2027")
		lines := strings.SplitAfter(stderr, "\n")
		if code != 1 || len(lines) != 53 || strings.Join(lines[50:], "") != rest {
			t.Errorf("%s: exit %d, %d lines, ending:\n%s", lang, code, len(lines), strings.Join(lines[max(0, len(lines)-3):], ""))
		}
	}

	f := filledWorkbook(t, dir, "2027")
	f.SetCellFormula("Steuerung", "D3", `"trifft voll zu"`)
	file := filepath.Join(t.TempDir(), "runde.xlsx")
	f.SaveAs(file)
	code, _, stderr := runCmd(t, "import", "--lang", "de", "-s", dir, "round", file)
	want := filepath.ToSlash(file) + ":Steuerung!D3: die Zelle enthält eine Formel; der Import übernimmt nur Werte: tippen Sie den Wert ein, oder kopieren Sie die Zellen und fügen Sie sie als „Nur Werte“ ein\nes wurde nichts geschrieben\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d\n%s\nwant:\n%s", code, stderr, want)
	}
}

// TestImportTooLarge: a file over the limit is refused before it is read.
func TestImportTooLarge(t *testing.T) {
	dir := copyExample(t)
	file := filepath.Join(t.TempDir(), "runde.xlsx")
	os.WriteFile(file, []byte("PK"), 0o644)
	os.Truncate(file, 11<<20) // sparse: nothing is written
	code, _, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "round", file)
	want := filepath.ToSlash(file) + ": the file is 11.0 MB, more than the 10 MB an import reads: is it the right file?\n"
	if code != 1 || stderr != want {
		t.Errorf("exit %d\n%s\nwant:\n%s", code, stderr, want)
	}
}
