package diag

import (
	"fmt"
	"strconv"
	"strings"
)

// A message with an ID can be given in the site's language: the UI texts
// of a language carry a [messages] table whose keys are these IDs and whose
// texts fill {0}, {1}, … with the arguments. English, written here, is the
// fallback and what --lang en prints.

// Reportf adds a problem with a catalogue ID. english is its English text
// with {0}, {1}, … for args.
func (l *List) Reportf(sev Severity, pos Pos, id, english string, args ...string) {
	l.problems = append(l.problems, Problem{Pos: pos, Msg: Fill(english, args), Severity: sev, ID: id, Args: args})
}

// Fill replaces {0}, {1}, … in text with args, in one pass, so that an
// argument that itself contains {1} stays as it is. A number without an
// argument is left in place.
func Fill(text string, args []string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(text[i:], '}')
		n, err := strconv.Atoi(text[i+1 : i+max(j, 1)])
		if j < 2 || err != nil || n < 0 || n >= len(args) {
			b.WriteString(text[:i+1])
			text = text[i+1:]
			continue
		}
		b.WriteString(text[:i])
		b.WriteString(args[n])
		text = text[i+j+1:]
	}
	b.WriteString(text)
	return b.String()
}

// Translator gives the text of message id in a language, if it has one.
type Translator func(id string) (string, bool)

// Translate rewrites every problem with an ID that tr knows in tr's
// language. Positions and severities do not change.
func (l *List) Translate(tr Translator) {
	if tr == nil {
		return
	}
	for i, p := range l.problems {
		if p.ID == "" {
			continue
		}
		if text, ok := tr(p.ID); ok {
			l.problems[i].Msg = Fill(text, p.Args)
		}
	}
}

// Quote quotes s as %q does, for message arguments.
func Quote(s string) string { return fmt.Sprintf("%q", s) }
