package site

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// markdownTextSimple is markdownText written plainly: the reference that
// the fast version must match byte for byte.
func markdownTextSimple(md []byte) string {
	var b strings.Builder
	inURL := 0
	for i := 0; i < len(md) && b.Len() < 2*maxSearchText; i++ {
		c := md[i]
		switch {
		case inURL > 0:
			if c == '(' {
				inURL++
			} else if c == ')' {
				inURL--
			}
		case c == ']' && i+1 < len(md) && md[i+1] == '(':
			inURL = 1
			i++
		case strings.IndexByte("*_#>|`[]!\\", c) >= 0:
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestMarkdownText(t *testing.T) {
	pieces := []string{"Wort", " ", "  ", "\n", "\t", "ä", "ß", "\u00a0", "\u2009", "\u3000", "\u0085", "*", "**fett**", "[Link](https://a.example/(x))", "![Bild](b.png)", "# ", "> ", "|", "`code`", "\\", "\xff", "\xc3", "]", "(", ")"}
	r := rand.New(rand.NewPCG(1, 2))
	cases := []string{"", " ", "Eine [Meldung](/artikel/x/) über *Vielfalt*.", strings.Repeat("ä ", 700), strings.Repeat("x", 1300)}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(400) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := markdownText([]byte(c)), markdownTextSimple([]byte(c)); got != want {
			t.Fatalf("markdownText(%q)\n got %q\nwant %q", c, got, want)
		}
	}
}
