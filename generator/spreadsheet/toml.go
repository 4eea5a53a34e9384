package spreadsheet

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"offenbar/generator/diag"
	"offenbar/generator/scaffold"
	"offenbar/generator/selfcheck"
)

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if unicode.IsControl(r) {
				fmt.Fprintf(&b, `\u%04X`, r)
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlText writes s as a multi-line TOML string when it has line breaks,
// as people write descriptions, else as a basic string.
func tomlText(s string) string {
	if !strings.Contains(s, "\n") {
		return tomlString(s)
	}
	var b strings.Builder
	b.WriteString("\"\"\"\n")
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteString(`"""`)
	return b.String()
}

// AnswersTOML writes the [answers] table: the answers in the instrument's
// order, each field's under a comment with its title.
func AnswersTOML(in *selfcheck.Instrument, answers Answers) []byte {
	var b bytes.Buffer
	b.WriteString("[answers]\n")
	for _, f := range in.Fields {
		fmt.Fprintf(&b, "# %s\n", strings.ReplaceAll(f.Title, "\n", " "))
		for _, q := range f.Questions {
			a := answers[q.ID]
			if a == nil {
				continue
			}
			v := strconv.Itoa(a.Points)
			if a.Skipped {
				v = `"skipped"`
			}
			if a.Comment != "" {
				v = fmt.Sprintf("{ answer = %s, comment = %s }", v, tomlString(a.Comment))
			}
			fmt.Fprintf(&b, "%s = %s\n", q.ID, v)
		}
	}
	return b.Bytes()
}

var tableHeader = regexp.MustCompile(`(?m)^[ \t]*\[`)

// ReplaceAnswers returns the round file src with its [answers] table
// replaced, and everything else as it was. Without an [answers] table,
// the new one is added before the first other table.
func ReplaceAnswers(src []byte, table []byte) []byte {
	headers := tableHeader.FindAllIndex(src, -1)
	start, end := -1, len(src)
	for i, h := range headers {
		line := src[h[0]:]
		if nl := bytes.IndexByte(line, '\n'); nl >= 0 {
			line = line[:nl]
		}
		if strings.TrimSpace(string(line)) == "[answers]" {
			start = h[0]
			if i+1 < len(headers) {
				end = headers[i+1][0]
			}
			break
		}
	}
	if start < 0 {
		at := len(src)
		if len(headers) > 0 {
			at = headers[0][0]
		}
		return bytes.Join([][]byte{src[:at], table, []byte("\n"), src[at:]}, nil)
	}
	// Comments and blank lines just before the next table belong to it.
	rest := src[start:end]
	keep := len(rest)
	lines := bytes.SplitAfter(rest, []byte("\n"))
	for i := len(lines) - 1; i > 0; i-- {
		l := bytes.TrimSpace(lines[i])
		if len(l) != 0 && l[0] != '#' {
			break
		}
		keep -= len(lines[i])
	}
	tail := rest[keep:]
	if len(bytes.TrimSpace(tail)) == 0 && end < len(src) {
		tail = []byte("\n")
	}
	return bytes.Join([][]byte{src[:start], table, tail, src[end:]}, nil)
}

// NewRoundTOML is the file of a round that does not exist yet. Unless it
// is a draft, its title, date and respondents are placeholders.
func NewRoundTOML(id string, day time.Time, draft bool, answers []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "#:schema %s\n", scaffold.SchemaRef(scaffold.RoundSchema, 3))
	fmt.Fprintf(&b, "# Runde %s, aus einer Tabelle eingelesen. Das Format beschreibt %s.\n", id, scaffold.ReferenceFor("runde.md"))
	if draft {
		fmt.Fprintf(&b, "title = %s\n", tomlString("Runde "+id))
		fmt.Fprintf(&b, "date = %s\n", day.Format(time.DateOnly))
		b.WriteString("draft = true\n")
		b.WriteString("respondents = []\n\n")
	} else {
		// A round that is published at once must not go out with a
		// title, date and respondents the import made up: they are
		// placeholders, which build refuses until the town fills them in.
		fill := func(s string) string { return diag.PlaceholderOpen + " " + s + diag.PlaceholderClose }
		fmt.Fprintf(&b, "title = %s\n", tomlString(fill("Titel der Runde, etwa Selbstcheck "+id)))
		fmt.Fprintf(&b, "# %s\n", fill("Setzen Sie date auf den Tag, an dem der Fragebogen fertig ausgefüllt war, und löschen Sie dann diese Zeile."))
		fmt.Fprintf(&b, "date = %s\n", day.Format(time.DateOnly))
		fmt.Fprintf(&b, "respondents = [%s]\n\n", tomlString(fill("wer den Fragebogen ausgefüllt hat, etwa Integrationsbeauftragte")))
	}
	b.Write(answers)
	return b.Bytes()
}

// Changes lists, one line each, how the answers of before differ from
// after, in the instrument's order.
func Changes(in *selfcheck.Instrument, before *selfcheck.Round, after Answers, skipped string) []string {
	var out []string
	show := func(a *selfcheck.Answer) string {
		switch {
		case a == nil:
			return "(none)"
		case a.Skipped:
			return skipped
		}
		return fmt.Sprintf("%d (%s)", a.Points, in.Label(a.Points))
	}
	for _, q := range in.Questions {
		var old *selfcheck.Answer
		if before != nil {
			old = before.Answers[q.ID]
		}
		n := after[q.ID]
		switch {
		case old == nil && n == nil:
		case old == nil || n == nil || old.Skipped != n.Skipped || (!n.Skipped && old.Points != n.Points):
			out = append(out, fmt.Sprintf("%s: %s → %s", q.ID, show(old), show(n)))
		case old.Comment != n.Comment:
			out = append(out, fmt.Sprintf("%s: comment changed", q.ID))
		}
	}
	return out
}
