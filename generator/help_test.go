package main

import (
	"archive/zip"
	"flag"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHelp: offenbar help lists every command, in German unless asked
// otherwise, help COMMAND describes each with every flag it takes, every
// flag belongs to some command, and no line names the source tree.
func TestHelp(t *testing.T) {
	empty := t.TempDir() // no site.toml: German, every site's default
	code, stdout, stderr := runCmd(t, "help", "-s", empty)
	if code != 0 || stderr != "" {
		t.Fatalf("help: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "Aufruf: offenbar BEFEHL [Optionen]\n") || !strings.Contains(stdout, "\nBefehle:\n") {
		t.Errorf("help is not German:\n%s", stdout)
	}
	_, english, _ := runCmd(t, "help", "--lang", "en")
	if !strings.Contains(english, "Usage: offenbar COMMAND [flags]\n") || !strings.Contains(english, "  new translation FILE LANGUAGE  start the translation") {
		t.Errorf("help --lang en:\n%s", english)
	}
	if code, noArgs, _ := runCmd(t); code != 2 || noArgs != "" {
		t.Errorf("offenbar without a command: exit %d, stdout %q; want 2 and the list on stderr", code, noArgs)
	}
	listed := map[string]bool{}
	for _, c := range commands {
		if !strings.Contains(stdout, "\n  "+c.name) || !strings.Contains(english, "\n  "+c.name) {
			t.Errorf("help does not list %q", c.name)
		}
		for _, lang := range []string{"de", "en"} {
			args := append([]string{"help"}, strings.Fields(c.name)...)
			code, out, stderr := runCmd(t, append(args, "--lang", lang)...)
			if code != 0 || stderr != "" {
				t.Errorf("help %s: exit %d\n%s", c.name, code, stderr)
			}
			if !strings.Contains(out, " offenbar "+c.name) {
				t.Errorf("help %s --lang %s does not name the command:\n%s", c.name, lang, out)
			}
			for _, name := range c.flags {
				if newFlagSet(c.name, &flags{}, io.Discard).Lookup(name) == nil {
					t.Errorf("help %s lists the flag %q, which does not exist", c.name, name)
				}
				if !strings.Contains(out, "-"+name+" ") && !strings.Contains(out, "-"+name+"\n") && !strings.Contains(out, "-"+name+",") {
					t.Errorf("help %s --lang %s does not describe -%s:\n%s", c.name, lang, name, out)
				}
				listed[name] = true
			}
		}
	}
	newFlagSet("build", &flags{}, io.Discard).VisitAll(func(f *flag.Flag) {
		if !listed[f.Name] && !slices.Contains(([]string{"source", "destination"}), f.Name) {
			t.Errorf("no command's help lists the flag -%s", f.Name)
		}
	})
	// -h after a command is help about it, wherever it stands.
	_, want, _ := runCmd(t, "help", "new", "round", "--lang", "en")
	for _, args := range [][]string{{"new", "round", "-h", "--lang", "en"}, {"new", "--lang", "en", "round", "--xlsx", "x.xlsx", "--help"}} {
		if code, got, _ := runCmd(t, args...); code != 0 || got != want {
			t.Errorf("%q: exit %d\n%s\nwant\n%s", args, code, got, want)
		}
	}
	_, all, _ := runCmd(t, "help", "new", "--lang", "en")
	for _, sub := range []string{"article", "round", "instrument", "measures", "translation", "override"} {
		if !strings.Contains(all, "Usage: offenbar new "+sub) {
			t.Errorf("help new does not describe new %s", sub)
		}
	}
	if code, _, stderr := runCmd(t, "help", "frobnicate", "--lang", "en"); code != 2 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("help frobnicate: exit %d\n%s", code, stderr)
	}
	for _, out := range []string{stdout, english, all} {
		if strings.Contains(out, "go run") || strings.Contains(out, "generator/") {
			t.Errorf("help names the source tree:\n%s", out)
		}
	}
}

// TestNothingNamesTheSourceTree: a town has the offenbar binary and no Go
// source, so nothing it receives says "go run" or points into generator/:
// the files init writes, the workbooks of new round and new instrument,
// and what init, new and import print, including their usage lines.
func TestNothingNamesTheSourceTree(t *testing.T) {
	var said strings.Builder
	say := func(args ...string) int {
		code, stdout, stderr := runCmd(t, args...)
		said.WriteString(stdout + stderr)
		return code
	}
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if say("init", dir) != 0 {
		t.Fatalf("init failed:\n%s", said.String())
	}
	books := t.TempDir()
	say("new", "instrument", "-s", dir, "--xlsx", filepath.Join(books, "fragebogen.xlsx"))
	example := copyExample(t)
	say("new", "round", "2027", "-s", example, "--xlsx", filepath.Join(books, "runde.xlsx"))
	if err := filledWorkbook(t, example, "2027").SaveAs(filepath.Join(books, "ausgefuellt.xlsx")); err != nil {
		t.Fatal(err)
	}
	say("import", "round", filepath.Join(books, "ausgefuellt.xlsx"), "-s", example)
	say("new", "measures", "-s", example, "--xlsx", filepath.Join(books, "massnahmen.xlsx"))
	say("import", "measures", filepath.Join(books, "massnahmen.xlsx"), "-s", example)
	say("new", "round", "2028", "-s", example)
	say("new", "article", "-s", dir, "Erster Artikel")
	for _, wrong := range [][]string{{"init"}, {"new"}, {"new", "round", "2027", "--xlsx", "x.csv"}, {"import"}, {"build", "--no-such-flag"}, {"corpus"}} {
		say(append(wrong, "-s", dir)...)
	}
	check := func(name, text string) {
		for _, bad := range []string{"go run", "generator/"} {
			if i := strings.Index(text, bad); i >= 0 {
				t.Errorf("%s names %q: …%s…", name, bad, text[max(0, i-60):min(len(text), i+60)])
			}
		}
	}
	check("what the commands print", said.String())
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check(p, string(b))
		return nil
	})
	for _, round := range []string{"2027", "2028"} {
		b, err := os.ReadFile(filepath.Join(example, "content/selfcheck/rounds", round+".toml"))
		if err != nil {
			t.Fatalf("round %s was not written: %v\n%s", round, err, said.String())
		}
		check("round "+round, string(b))
	}
	for _, book := range []string{"fragebogen.xlsx", "runde.xlsx", "massnahmen.xlsx"} {
		z, err := zip.OpenReader(filepath.Join(books, book))
		if err != nil {
			t.Fatalf("%s: %v", book, err)
		}
		for _, f := range z.File {
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(r)
			r.Close()
			check(book+":"+f.Name, string(b))
		}
		z.Close()
	}
}
