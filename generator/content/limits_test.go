package content

import (
	"strings"
	"testing"
)

// hostileMarkdown are inputs that took goldmark minutes (issue 19), each
// with the first problem CheckMarkdown reports.
var hostileMarkdown = []struct {
	name, src, want string
}{
	{"unclosed links", strings.Repeat("[a](", 25000), `a.md:1:132: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
	{"nested lists", strings.Repeat("- ", 100000) + "x", "a.md:1:33: block quotes, lists and footnotes nested 100000 levels deep: at most 16 may stand inside each other"},
	{"nested quotes", strings.Repeat("> ", 100000), "a.md:1:33: block quotes, lists and footnotes nested 100000 levels deep: at most 16 may stand inside each other"},
	{"nested ordered lists", strings.Repeat("1. ", 50000) + "x", "a.md:1:49: block quotes, lists and footnotes nested 50000 levels deep: at most 16 may stand inside each other"},
	{"nested footnotes", strings.Repeat("[^a]: ", 20000) + "x", "a.md:1:97: block quotes, lists and footnotes nested 20000 levels deep: at most 16 may stand inside each other"},
	{"footnote references", strings.Repeat("[^a]: x\n", 20000) + strings.Repeat("[^a] ", 20000), `a.md:20001:50001: more than 10000 "[" in one page (links, images, footnotes): split it into several pages`},
	{"reference links", "[a]: /u\n\n" + strings.Repeat("[a]", 30000), `a.md:3:29998: more than 10000 "[" in one page (links, images, footnotes): split it into several pages`},
	{"brackets", strings.Repeat("[", 100000), `a.md:1:33: more than 32 unclosed "[" in one paragraph: close them, or write \[ for the character itself`},
	{"backticks", strings.Repeat("``\\", 50000), "a.md:1:2999: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
	{"quotes", strings.Repeat("'", 100000), "a.md:1:1001: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
	{"emphasis", strings.Repeat("a***", 50000), "a.md:1:1335: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
	{"html comments", strings.Repeat("a <!--a\n", 20000), "a.md:1001:3: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
	{"email-like", " " + strings.Repeat("a_", 100000), "a.md:1:2003: more than 1000 characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines"},
	{"indented list", deepIndent(), "a.md:52:1: line indented by 102 columns: at most 100, for lists nested up to 16 levels; put code in a fenced block (```)"},
	{"table", "a|b\n-|-\n" + strings.Repeat("|", 100000), "a.md:3:1: table row of 99999 columns: a table may have at most 100"},
	{"too long", strings.Repeat("Ein Satz über die Stadt.\n", 60000), "a.md: text of 1524 KB; the limit is 256 KB of Markdown per page: split it into several pages"},
	{"indented markers continue a paragraph", strings.Repeat("- **a** [b](/c/) 'd'\n", 2000) + "\na\n" + strings.Repeat("    - [a](\n", 100), `a.md:2035:10: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
	{"numbered lines continue a paragraph", "a\n" + strings.Repeat("2. [a](\n", 100), `a.md:34:7: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
	{"table turned heading", "a|b\n-|-\n" + strings.Repeat("[a](\n", 40) + "===\n", `a.md:43:1: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
	{"paragraph after a table", "a|b\n-|-\nx\n***\n" + strings.Repeat("[a](\n", 40), `a.md:37:4: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
	{"header and delimiters differ", "a|b|c\n-|-\n" + strings.Repeat("[a](\n", 40), `a.md:35:4: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
	{"table in a quote, lazy lines", "> a|b\n> -|-\n" + strings.Repeat("[a](\n", 40), `a.md:35:4: more than 32 unclosed "(" in one paragraph: close them, or write \( for the character itself`},
}

func deepIndent() string {
	var b strings.Builder
	for i := range 60 {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

func TestCheckMarkdownRefusesHostileInput(t *testing.T) {
	for _, c := range hostileMarkdown {
		errs := CheckMarkdown("a.md", []byte(c.src))
		if got := errs.Err(); got == nil || got.Error() != c.want {
			t.Errorf("%s: got %v\nwant %s", c.name, got, c.want)
		}
	}
}

// TestCheckMarkdownAcceptsArticles: what editors write passes, however
// long its lists and tables.
func TestCheckMarkdownAcceptsArticles(t *testing.T) {
	var table strings.Builder
	table.WriteString("| Maßnahme | Stand | Zuständig |\n|---|:-:|--:|\n")
	for i := range 1000 {
		table.WriteString("| **Runder Tisch** " + strings.Repeat("x", i%7) + " | `geplant` | _Amt 50_ |\n")
	}
	for _, src := range []string{
		"# Runder Tisch\n\nDie Stadt hat „im“ Jahr 2024 einen \"Runden Tisch\" eingerichtet (siehe [Bericht](/artikel/x/)).\n",
		strings.Repeat("- **Sprachkurse** für [Eltern](/artikel/eltern/) – *ab März*, 'neu'\n", 800),
		strings.Repeat("1. Schritt mit `Code` und **Fett**\n", 800),
		strings.Repeat("## Abschnitt mit *Betonung*\n\nText mit \"Zitat\" und [Link](/a/)[^1].\n\n", 3000) + "[^1]: Fußnote.\n",
		"```go\n" + strings.Repeat("x := `a` + \"b\" // [(\n", 5000) + "```\n",
		"> Zitat\n> > im Zitat\n>\n> - Liste\n>   - darin\n",
		table.String(),
		strings.Repeat("Ein Satz über die Stadt, den Rat und die Vereine.\n\n", 4000),
		// A front matter of 300,000 lines, blanked out, before a short
		// text: not "text of 293 KB".
		strings.Repeat("\n", 300000) + "Ein kurzer Text.\n",
	} {
		if errs := CheckMarkdown("a.md", []byte(src)); errs.HasErrors() {
			t.Errorf("%v\nfor %.200q", errs.Err(), src)
		}
	}
}

// TestRenderShowsRefusedTextAsIs: text that loading would refuse, such as
// a TOML value, is shown as escaped text, not converted for minutes.
func TestRenderShowsRefusedTextAsIs(t *testing.T) {
	md := NewMarkdown(Options{Lang: "de"})
	src := strings.Repeat("[a](<b", 50000)
	if got := string(md.RenderString(src)); !strings.HasPrefix(got, "<p>[a](&lt;b[a](") {
		t.Errorf("got %.60q", got)
	}
	if links := md.Links([]byte(src)); links != nil {
		t.Errorf("got %d links", len(links))
	}
}

// FuzzCheckMarkdown: the check never panics, and its position lies inside
// the text.
func FuzzCheckMarkdown(f *testing.F) {
	for _, c := range hostileMarkdown {
		if len(c.src) < 4000 {
			f.Add(c.src)
		}
	}
	f.Add("- a\n  - b\n> c\n```\n[(\n```\n")
	f.Add(strings.Repeat("> - ", 20))
	f.Fuzz(func(t *testing.T, src string) {
		errs := CheckMarkdown("a.md", []byte(src))
		for _, p := range errs.Problems() {
			if p.Pos.Line > strings.Count(src, "\n")+1 || p.Pos.Line < 0 {
				t.Errorf("%v lies outside %d lines", p.Pos, strings.Count(src, "\n")+1)
			}
		}
	})
}

// BenchmarkHostileMarkdown converts inputs just inside the limits: the
// worst an editor's file can cost.
func BenchmarkHostileMarkdown(b *testing.B) {
	fill := func(unit string) string {
		return strings.Repeat(unit, MaxMarkdown/len(unit))
	}
	for _, c := range []struct{ name, src string }{
		{"quotes", fill(strings.Repeat("'", MaxDelims) + "\n\n")},
		{"emphasis", fill(strings.Repeat("*_", MaxDelims/2) + "\n\n")},
		{"backticks", fill(strings.Repeat("``\\", MaxDelims/2) + "\n\n")},
		{"nesting", fill(strings.Repeat("- ", MaxNesting) + "x\n")},
		{"unclosed", fill(strings.Repeat("[a](", MaxUnclosed) + "\n\n")[:MaxBrackets*4*33/32]},
		{"prose", fill("Die Stadt hat einen \"Runden Tisch\" eingerichtet, an dem *Verwaltung* und [Vereine](/v/) sprechen.\n\n")},
	} {
		if errs := CheckMarkdown("a.md", []byte(c.src)); errs.HasErrors() {
			b.Fatalf("%s: %v", c.name, errs.Err())
		}
		md := NewMarkdown(Options{Lang: "de"})
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				md.Render([]byte(c.src))
				md.Links([]byte(c.src))
			}
		})
	}
}
