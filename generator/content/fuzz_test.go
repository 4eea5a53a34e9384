package content

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"
)

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"+++\ntitle = \"A\"\n+++\nText\n",
		"\ufeff+++\r\ntitle = \"A\"\r\n+++\r\nText\r\n",
		"+++\ntitle = \"A\"\n",
		"Text ohne Kopf\n",
		"+++",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, body, errs := Split("a.md", src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range errs.Problems() {
			if p.Pos.Line < 1 || p.Pos.Line > lines {
				t.Errorf("position %v outside the input of %d lines", p.Pos, lines)
			}
		}
		if !errs.HasErrors() && bytes.Count(body, []byte("\n")) != bytes.Count(bytes.TrimPrefix(src, []byte("\ufeff")), []byte("\n")) {
			t.Errorf("body has %d line breaks, the file %d", bytes.Count(body, []byte("\n")), bytes.Count(src, []byte("\n")))
		}
	})
}

// unsafe returns the first element or attribute of doc that could run
// script, or "".
func unsafe(doc *html.Node) string {
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.Data {
		case "script", "iframe", "object", "embed", "svg", "math", "style", "form", "base", "meta", "link":
			return "<" + n.Data + ">"
		}
		for _, a := range n.Attr {
			v := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "style" || a.Key == "srcdoc" ||
				((a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:text"))) {
				return a.Key + "=" + a.Val
			}
		}
	}
	return ""
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# Titel\n\n*kursiv* **fett** [Link](/a/) \"Zitat\"",
		"<script>alert(1)</script>",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java&#x73;cript:1)",
		"| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1]\n\n[^1]: Fußnote",
		"<img src=x onerror=alert(1)>",
		"[ref]: javascript:alert(1)\n\n[a][ref]",
	} {
		f.Add(s)
	}
	md := NewMarkdown(Options{BasePath: "/sub/", Lang: "de"})
	f.Fuzz(func(t *testing.T, src string) {
		out := string(md.Render([]byte(src)))
		doc, err := html.Parse(strings.NewReader(out))
		if err != nil {
			t.Fatalf("output does not parse: %v", err)
		}
		if m := unsafe(doc); m != "" {
			t.Errorf("unsafe %s in output of %q:\n%s", m, src, out)
		}
		for _, l := range md.Links([]byte(src)) {
			if l.Offset < 0 || l.Offset > len(src) {
				t.Errorf("link offset %d outside the input of %d bytes", l.Offset, len(src))
			}
		}
	})
}

var slugRE2 = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Runder Tisch: Wohnen für alle!", "Straße", "../../etc", "a\x00b", "Ǆ ǅ ǆ", "İstanbul"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, title string) {
		s := Slug(title)
		if !slugRE2.MatchString(s) {
			t.Errorf("Slug(%q) = %q is not a valid slug", title, s)
		}
		if !utf8.ValidString(s) || Slug(s) != s {
			t.Errorf("Slug(%q) = %q is not stable", title, s)
		}
	})
}
