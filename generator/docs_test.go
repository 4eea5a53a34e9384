package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
			if len(words) < 3 || words[0] != "go" || words[1] != "run" || words[2] != "./generator" {
				t.Errorf("docs/redaktion.md: %q is not a generator command; test it or leave it out", line)
				continue
			}
			args := words[3:]
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
