package content

import (
	"strings"
	"testing"
)

func TestSplitKeepsLineNumbers(t *testing.T) {
	src := "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\n# Heading\n"
	front, body, errs := Split("a.md", []byte(src))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	if string(front) != "title = \"A\"\ndate = 2024-01-01\n" {
		t.Errorf("front = %q", front)
	}
	if lines := strings.Split(string(body), "\n"); lines[4] != "# Heading" {
		t.Errorf("heading moved to line %d: %q", 1+indexOf(lines, "# Heading"), body)
	}
}

func indexOf(xs []string, x string) int {
	for i, s := range xs {
		if s == x {
			return i
		}
	}
	return -1
}

func TestMarkdownIsSafeByDefault(t *testing.T) {
	md := NewMarkdown(Options{BasePath: "/sub/", Lang: "de"})
	got := string(md.Render([]byte(`<script>alert(1)</script>

[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) <img src=x onerror=alert(1)>

[intern](/artikel/a/) [extern](https://example.org/) "Zitat"
`)))
	for _, bad := range []string{"<script", "javascript:", "JaVaScRiPt:", "onerror"} {
		if strings.Contains(got, bad) {
			t.Errorf("rendered %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{`href="/sub/artikel/a/"`, `href="https://example.org/"`, "&bdquo;Zitat&ldquo;"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}

func TestMarkdownExtensions(t *testing.T) {
	md := NewMarkdown(Options{Lang: "de"})
	got := string(md.Render([]byte("## Ergebnisse\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\nText[^1]\n\n> | c | d |\n> |:-:|---|\n> | 3 | 4 |\n\n- | e |\n  |--:|\n  | 5 |\n\n[^1]: Fußnote\n")))
	for _, want := range []string{`<h2 id="ergebnisse">`, "<table>", `class="footnotes"`, `<td class="align-right">2</td>`, `<td class="align-center">3</td>`, `<td class="align-right">5</td>`} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %s in\n%s", want, got)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Runder Tisch: Wohnen für alle!": "runder-tisch-wohnen-fuer-alle",
		"Straße der Begegnung":           "strasse-der-begegnung",
		"ÄÖÜ äöü ß":                      "aeoeue-aeoeue-ss",
		"Café Crème – 2024":              "cafe-creme-2024",
		"  --Weltoffen--  ":              "weltoffen",
		"„Zitat“ & ‚mehr‘":               "zitat-mehr",
		"../../etc/passwd":               "etc-passwd",
		"":                               "",
		"مرحبا":                          "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
