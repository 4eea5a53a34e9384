package diag

import "fmt"

// A message with an ID can be given in the site's language: the UI texts
// of a language carry a [messages] table whose keys are these IDs and whose
// texts fill {0}, {1}, … with the arguments. English, written here, is the
// fallback and what --lang en prints.

// Reportf adds a problem with a catalogue ID. english is its English text
// with {0}, {1}, … for args.
func (l *List) Reportf(sev Severity, pos Pos, id, english string, args ...string) {
	l.problems = append(l.problems, Problem{Pos: pos, Msg: Fill(english, args), Severity: sev, ID: id, Args: args})
}

// Fill replaces {0}, {1}, … in text with args.
func Fill(text string, args []string) string {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		if text[i] == '{' && i+2 < len(text) && text[i+2] == '}' && text[i+1] >= '0' && text[i+1] <= '9' {
			if n := int(text[i+1] - '0'); n < len(args) {
				out = append(out, args[n]...)
				i += 2
				continue
			}
		}
		out = append(out, text[i])
	}
	return string(out)
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
