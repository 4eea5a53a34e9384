package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// measuresWorkbook exports the measures workbook of the site in dir.
func measuresWorkbook(t *testing.T, dir string) *excelize.File {
	t.Helper()
	file := filepath.Join(t.TempDir(), "massnahmen.xlsx")
	if code, _, stderr := runCmd(t, "new", "--lang", "en", "-s", dir, "measures", "--xlsx", file); code != 0 {
		t.Fatalf("new measures --xlsx: exit %d\n%s", code, stderr)
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// measureRows maps each measure ID of the workbook's measures sheet to its
// row and the status label it shows.
func measureRows(t *testing.T, f *excelize.File) (rows map[string]int, status map[string]string, ids []string) {
	t.Helper()
	rows, status = map[string]int{}, map[string]string{}
	cells, err := f.GetRows("Maßnahmen")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range cells[1:] {
		rows[r[0]] = i + 2
		status[r[0]] = r[5]
		ids = append(ids, r[0])
	}
	return rows, status, ids
}

func saveWorkbook(t *testing.T, f *excelize.File) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "massnahmen.xlsx")
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	return file
}

// measurePath finds the file of measure id below dir: id.md or
// id/index.md.
func measurePath(t *testing.T, dir, id string) string {
	t.Helper()
	for _, p := range []string{id + ".md", id + "/index.md"} {
		p = filepath.Join(dir, "content/measures", p)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatalf("no file of measure %q", id)
	return ""
}

// TestImportMeasures: a new status with its progress and text, and a text
// alone, each append an update; every other byte of the files stays; the
// site builds with them; the same workbook imported again is refused, as
// its rows no longer describe the measures; an unchanged workbook writes
// nothing.
func TestImportMeasures(t *testing.T) {
	dir := copyExample(t)
	f := measuresWorkbook(t, dir)
	rows, status, ids := measureRows(t, f)
	if len(ids) < 3 {
		t.Fatalf("the example has %d measures", len(ids))
	}
	var open []string
	for _, id := range ids {
		if status[id] != "umgesetzt" && status[id] != "eingestellt" {
			open = append(open, id)
		}
	}
	if len(open) < 2 {
		t.Fatalf("the example has %d measures that are neither done nor stopped", len(open))
	}
	done, news := open[0], open[1]
	r := strconv.Itoa(rows[done])
	f.SetCellValue("Maßnahmen", "F"+r, "umgesetzt")
	f.SetCellValue("Maßnahmen", "G"+r, 100)
	f.SetCellValue("Maßnahmen", "H"+r, "2026-11-20")
	f.SetCellValue("Maßnahmen", "I"+r, "Abgeschlossen: der letzte Kurs hatte 18 Teilnehmende.")
	f.SetCellValue("Maßnahmen", "I"+strconv.Itoa(rows[news]), "Der Ausschuss hat den Entwurf beraten.\nDie nächste Sitzung ist im Januar.")
	file := saveWorkbook(t, f)

	before := readTree(t, filepath.Join(dir, "content"))
	code, stdout, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "measures", file)
	if code != 0 {
		t.Fatalf("import measures: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "→ done") || !strings.Contains(stdout, "added 2 updates to the measures\n") {
		t.Errorf("import measures said:\n%s", stdout)
	}
	after := readTree(t, filepath.Join(dir, "content"))
	var changed []string
	for name, b := range after {
		if !bytes.Equal(before[name], b) {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	doneFile, newsFile := relTo(t, dir, measurePath(t, dir, done)), relTo(t, dir, measurePath(t, dir, news))
	if want := []string{"selfcheck/rounds/2024.toml", doneFile, newsFile}; !slices.Equal(changed, slices.Sorted(slices.Values(want))) {
		t.Fatalf("changed files %q, want %q", changed, want)
	}
	// The measures got one block each, and the done one its new progress
	// where the old one was.
	progress := regexp.MustCompile(`(?m)^progress = \d+$`)
	for _, name := range []string{doneFile, newsFile} {
		old, b := before[name], after[name]
		if name == doneFile {
			old = progress.ReplaceAll(old, []byte("progress = 100"))
		}
		i := 0
		for i < len(old) && old[i] == b[i] {
			i++
		}
		added := len(b) - len(old)
		if added <= 0 || !bytes.Equal(b[i+added:], old[i:]) || !bytes.HasPrefix(bytes.TrimSpace(b[i:i+added]), []byte("[[updates]]")) {
			t.Errorf("content/%s: more changed than an added update:\n%s", name, b)
		}
	}
	// The recommendation that the done measure takes up is done too, as
	// check asks: one line of the round changed.
	oldLines, newLines := strings.Split(string(before["selfcheck/rounds/2024.toml"]), "\n"), strings.Split(string(after["selfcheck/rounds/2024.toml"]), "\n")
	var diff []string
	for i := range min(len(oldLines), len(newLines)) {
		if oldLines[i] != newLines[i] {
			diff = append(diff, oldLines[i]+" → "+newLines[i])
		}
	}
	if len(oldLines) != len(newLines) || len(diff) != 1 || !strings.HasSuffix(diff[0], `→ status = "done"`) {
		t.Errorf("the round changed in %q", diff)
	}
	if !strings.Contains(stdout, "content/selfcheck/rounds/2024.toml: recommendation 2024/") {
		t.Errorf("the import does not say that the recommendation's status changed:\n%s", stdout)
	}
	src, _ := os.ReadFile(measurePath(t, dir, done))
	if !strings.Contains(string(src), "date = 2026-11-20\nstatus = \"done\"") || !strings.Contains(string(src), `text = "Abgeschlossen: der letzte Kurs hatte 18 Teilnehmende."`) {
		t.Errorf("the done measure's file:\n%s", src)
	}
	src, _ = os.ReadFile(measurePath(t, dir, news))
	if !strings.Contains(string(src), "date = 2026-11-25\n") || !strings.Contains(string(src), "text = \"\"\"\nDer Ausschuss hat den Entwurf beraten.\nDie nächste Sitzung ist im Januar.\"\"\"") {
		t.Errorf("the measure with news:\n%s", src)
	}
	buildSite(t, dir)

	// Imported twice, the rows no longer describe the measures as they
	// are: the second import would stack a second update on each.
	code, _, stderr = runCmd(t, "import", "--lang", "en", "-s", dir, "measures", file)
	if code != 1 || !strings.Contains(stderr, `measure "`+done+`" has changed since the workbook was made`) {
		t.Errorf("the same workbook again: exit %d\n%s", code, stderr)
	}
	if again := readTree(t, filepath.Join(dir, "content")); !equalTrees(again, after) {
		t.Error("content/ changed on the refused import")
	}

	// A new workbook, unchanged, changes nothing.
	code, stdout, _ = runCmd(t, "import", "--lang", "en", "-s", dir, "measures", saveWorkbook(t, measuresWorkbook(t, dir)))
	if code != 0 || !strings.Contains(stdout, "changes no measure; nothing to do") {
		t.Errorf("an unchanged workbook: exit %d\n%s", code, stdout)
	}
}

// relTo is p relative to dir/content, with slashes.
func relTo(t *testing.T, dir, p string) string {
	t.Helper()
	rel, err := filepath.Rel(filepath.Join(dir, "content"), p)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(rel)
}

func equalTrees(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !bytes.Equal(b[k], v) {
			return false
		}
	}
	return true
}

// TestImportMeasuresErrors: every kind of mistake in a filled-in measures
// workbook is named at its cell, all at once, with exit code 1, and no
// file changes.
func TestImportMeasuresErrors(t *testing.T) {
	dir := copyExample(t)
	before := readTree(t, filepath.Join(dir, "content"))
	f := measuresWorkbook(t, dir)
	rows, _, ids := measureRows(t, f)
	row := func(i int) string { return strconv.Itoa(rows[ids[i]]) }
	f.SetCellValue("Maßnahmen", "F"+row(0), "fertig")
	f.SetCellValue("Maßnahmen", "G"+row(1), 150)
	f.SetCellValue("Maßnahmen", "G"+row(2), 3)
	f.SetCellValue("Maßnahmen", "I"+row(3), "Neu")
	f.SetCellValue("Maßnahmen", "H"+row(3), "2027-01-05")
	f.SetCellValue("Maßnahmen", "H"+row(4), "morgen")
	f.SetCellValue("Maßnahmen", "I"+row(4), "Neu")
	f.SetCellValue("Maßnahmen", "H"+row(5), "2026-11-01")
	f.SetCellValue("Maßnahmen", "A"+row(6), "keine-solche")
	f.SetCellValue("Maßnahmen", "A"+row(7), ids[0])
	f.SetCellFormula("Maßnahmen", "I"+row(8), `HYPERLINK("http://evil.example","x")`)
	file := saveWorkbook(t, f)
	code, _, stderr := runCmd(t, "import", "--lang", "en", "-s", dir, "measures", file)
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	// The formula is refused before anything else is read.
	want := filepath.ToSlash(file) + ":Maßnahmen!I" + row(8) + ": the cell holds a formula; the import takes values only: type the value, or copy the cells and paste them as values only\nnothing was written\n"
	if !strings.HasSuffix(stderr, want) {
		t.Errorf("formula:\n%s", stderr)
	}
	f.SetCellFormula("Maßnahmen", "I"+row(8), "")
	f.SetCellValue("Maßnahmen", "I"+row(8), "")
	file = saveWorkbook(t, f)
	code, _, stderr = runCmd(t, "import", "--lang", "en", "-s", dir, "measures", file)
	name := filepath.ToSlash(file)
	lines := []string{
		name + ":Maßnahmen!F" + row(0) + `: status "fertig" of "` + ids[0] + `" is none of: "geplant", "in Arbeit", "verzögert", "umgesetzt", "eingestellt"; choose one from the list`,
		name + ":Maßnahmen!G" + row(1) + `: progress "150" of "` + ids[1] + `" is not a whole number from 0 to 100`,
		name + ":Maßnahmen!I" + row(2) + `: the status or progress of "` + ids[2] + `" changed: write here what happened, as a sentence for the public`,
		name + ":Maßnahmen!H" + row(3) + `: the update of "` + ids[3] + `" is dated 2027-01-05, after today (2026-11-25): an update says what has happened`,
		name + ":Maßnahmen!H" + row(4) + `: "morgen" is not a date: write year-month-day, such as 2026-11-25, or leave the cell empty for today`,
		name + ":Maßnahmen!H" + row(5) + `: a date without an update: write in column I what happened, or delete the date`,
		name + ":Maßnahmen!A" + row(6) + `: unknown measure "keine-solche": content/measures/ has no such measure`,
		name + ":Maßnahmen!A" + row(7) + `: measure "` + ids[0] + `" appears twice, first in row ` + row(0),
	}
	for _, l := range lines {
		if !strings.Contains(stderr, l+"\n") {
			t.Errorf("missing problem:\n%s\nin:\n%s", l, stderr)
		}
	}
	if code != 1 || !strings.HasSuffix(stderr, "nothing was written\n") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	if after := readTree(t, filepath.Join(dir, "content")); !equalTrees(after, before) {
		t.Error("content/ changed")
	}
}
