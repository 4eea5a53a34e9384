package selfcheck

import (
	"bytes"
	"os"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"offenbar/generator/diag"
	"offenbar/generator/sitetest"
)

func baseFiles(f *testing.F) (instrument, round []byte) {
	b, err := os.ReadFile("../testdata/base.txtar")
	if err != nil {
		f.Fatal(err)
	}
	a := sitetest.Parse(b)
	instrument, _ = a.File("content/selfcheck/instrument.toml")
	round, _ = a.File("content/selfcheck/rounds/2024.toml")
	return instrument, round
}

// inside reports whether p lies within src: an existing line, and a column
// at most one past its last character.
func inside(src []byte, p diag.Pos) bool {
	if p.Line == 0 {
		return true
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	line := diag.SourceLine(src, p.Line)
	lines := bytes.Count(src, []byte("\n")) + 1
	return p.Line >= 1 && p.Line <= lines && p.Col >= 1 && p.Col <= utf8.RuneCountInString(line)+2
}

func check(t *testing.T, files map[string][]byte) {
	fsys := fstest.MapFS{}
	for name, b := range files {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	_, errs := Load(fsys)
	for _, p := range errs.Problems() {
		if src, ok := files[p.Pos.Path]; ok && !inside(src, p.Pos) {
			t.Errorf("%s lies outside the file:\n%s", p, src)
		}
	}
}

func FuzzInstrument(f *testing.F) {
	instrument, round := baseFiles(f)
	f.Add(instrument)
	f.Add([]byte("title = \"x\"\n[[scale]]\npoints = 1\n[[fields]]\nslug = \"A B\"\n"))
	f.Add([]byte("[[fields.questions]]\nid = \"\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		check(t, map[string][]byte{"content/selfcheck/instrument.toml": src, "content/selfcheck/rounds/2024.toml": round})
	})
}

func FuzzRound(f *testing.F) {
	instrument, round := baseFiles(f)
	f.Add(round)
	f.Add([]byte("date = \"01.05.2024\"\n[answers]\nS-1 = 9\nX = { answer = \"y\", c = 1 }\n[fields.x]\n"))
	f.Add([]byte("[answers]\nS-1 = { comment = 3 }\n[[fields.steuerung.recommendations]]\nstatus = 1\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		check(t, map[string][]byte{"content/selfcheck/instrument.toml": instrument, "content/selfcheck/rounds/2024.toml": src})
	})
}
