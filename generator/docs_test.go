package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"offenbar/generator/site"
)

// shellWords splits a command line at blanks, keeping "quoted words".
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	quoted, inWord := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
			inWord = true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// TestEditorGuideCommands runs every command of docs/redaktion.md on a copy
// of the example site, in the order the guide gives them. serve, which runs
// until stopped, has its own test; here its command line must parse.
func TestEditorGuideCommands(t *testing.T) {
	b, err := os.ReadFile("../docs/redaktion.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```sh\n(.*?)```").FindAllSubmatch(b, -1)
	dir := copyExample(t)
	// Workbooks the guide writes and reads land in a directory of their own.
	sheets := t.TempDir()
	ran := 0
	for _, block := range blocks {
		for _, line := range strings.Split(strings.TrimSpace(string(block[1])), "\n") {
			words := shellWords(line)
			if len(words) < 2 || words[0] != "offenbar" {
				t.Errorf("docs/redaktion.md: %q is not an offenbar command; test it or leave it out", line)
				continue
			}
			args := words[1:]
			ran++
			if args[0] == "serve" {
				var f flags
				if err := newFlagSet("serve", &f, os.Stderr).Parse(args[1:]); err != nil {
					t.Errorf("%q: %v", line, err)
				}
				continue
			}
			for i, a := range args {
				if strings.HasSuffix(a, ".xlsx") {
					args[i] = filepath.Join(sheets, a)
				}
			}
			args = append([]string{args[0], "-s", dir}, args[1:]...)
			if args[0] == "build" {
				args = append(args, "-d", t.TempDir()+"/public")
			}
			if code, _, stderr := runCmd(t, args...); code != 0 {
				t.Errorf("%q failed with exit code %d:\n%s", line, code, stderr)
			}
		}
	}
	if ran < 5 {
		t.Errorf("only %d commands found in the guide", ran)
	}
}

// TestEditorGuideMessages: every message in the tables of docs/redaktion.md
// is one the commands print in German, so that the guide cannot drift from
// the catalogue. "…" in the guide stands for a value or the rest of the
// message, as a verb such as %q does in the catalogue.
func TestEditorGuideMessages(t *testing.T) {
	b, err := os.ReadFile("../docs/redaktion.md")
	if err != nil {
		t.Fatal(err)
	}
	de, err := site.BuiltinLang("de")
	if err != nil {
		t.Fatal(err)
	}
	verb := regexp.MustCompile(`%(\[\d+\])?[-+# 0-9.]*[a-zA-Z]`)
	var texts [][]rune
	for format := range de.Messages {
		for _, text := range de.MessageForms(format) {
			texts = append(texts, []rune(verb.ReplaceAllString(text, "…")))
		}
	}
	warning, _ := de.Message("warning", 0)
	cell := regexp.MustCompile("^\\| `([^`]+)`")
	n := 0
	inTable := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "| Meldung |") {
			inTable = true
			continue
		}
		if !strings.HasPrefix(line, "|") {
			inTable = false
		}
		m := cell.FindStringSubmatch(line)
		if !inTable || m == nil {
			continue
		}
		n++
		text := strings.TrimPrefix(m[1], warning+": ")
		if rest, ok := strings.CutSuffix(text, " …"); ok {
			text = rest + "…" // the rest may start with ":" or ";"
		}
		msg := []rune(text)
		found := false
		for _, text := range texts {
			if overlap(msg, text) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("docs/redaktion.md: %q is no message that the commands print in German", m[1])
		}
	}
	if n < 30 {
		t.Errorf("found only %d messages in the tables of docs/redaktion.md", n)
	}
}

// overlap reports whether some text fits both the guide's message a, in
// which "…" stands for any text, and the catalogue's b, in which "…" stands
// for a value without blanks.
func overlap(a, b []rune) bool {
	memo := map[[2]int]bool{}
	var match func(i, j int) bool
	match = func(i, j int) bool {
		if r, ok := memo[[2]int{i, j}]; ok {
			return r
		}
		var r bool
		switch {
		case i == len(a) && j == len(b):
			r = true
		case i < len(a) && a[i] == '…':
			r = match(i+1, j) || (j < len(b) && match(i, j+1))
		case j < len(b) && b[j] == '…':
			// A value in the catalogue stands for one word of the guide.
			r = match(i, j+1) || (i < len(a) && a[i] != ' ' && match(i+1, j))
		case i < len(a) && j < len(b):
			r = a[i] == b[j] && match(i+1, j+1)
		}
		memo[[2]int{i, j}] = r
		return r
	}
	return match(0, 0)
}
