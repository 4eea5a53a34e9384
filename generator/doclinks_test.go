package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestDocsLinks follows every relative link of the README and docs/ (code
// left out): the file it names exists, and so does the heading its anchor
// names, by GitHub's rule for heading anchors. A renamed heading or a moved
// file must take its links along.
func TestDocsLinks(t *testing.T) {
	files, _ := filepath.Glob("../docs/*.md")
	more, _ := filepath.Glob("../docs/*/*.md")
	files = append(append(files, more...), "../README.md")
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	anchors := map[string]map[string]bool{}
	parse := func(path string) (ast.Node, []byte) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return md.Parser().Parse(text.NewReader(src)), src
	}
	anchorsOf := func(path string) map[string]bool {
		if a, ok := anchors[path]; ok {
			return a
		}
		doc, src := parse(path)
		a := map[string]bool{}
		seen := map[string]int{}
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering {
				slug := githubSlug(string(h.Lines().Value(src)))
				if k := seen[slug]; k > 0 {
					a[fmt.Sprintf("%s-%d", slug, k)] = true
				} else {
					a[slug] = true
				}
				seen[slug]++
			}
			return ast.WalkContinue, nil
		})
		anchors[path] = a
		return a
	}
	checked := 0
	for _, path := range files {
		doc, _ := parse(path)
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			l, ok := n.(*ast.Link)
			if !ok || !entering {
				return ast.WalkContinue, nil
			}
			dest := string(l.Destination)
			u, err := url.Parse(dest)
			if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "/") {
				return ast.WalkContinue, nil // the web, or a page of a built site
			}
			checked++
			target := path
			if u.Path != "" {
				target = filepath.Join(filepath.Dir(path), filepath.FromSlash(u.Path))
				if _, err := os.Stat(target); err != nil {
					t.Errorf("%s: link %q: no file %s", path, dest, target)
					return ast.WalkContinue, nil
				}
			}
			if u.Fragment != "" && strings.HasSuffix(target, ".md") && !anchorsOf(target)[u.Fragment] {
				t.Errorf("%s: link %q: %s has no heading with the anchor #%s", path, dest, target, u.Fragment)
			}
			return ast.WalkContinue, nil
		})
	}
	if checked < 10 {
		t.Errorf("only %d relative links found", checked)
	}
}

// githubSlug is the anchor GitHub gives a heading: lower case, letters,
// digits, "-" and "_" kept, spaces made "-", everything else left out.
func githubSlug(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(heading)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
