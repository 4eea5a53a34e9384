package diag

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Messages speak the editor's language. Every message is written in
// English, as a format string for fmt with its arguments; a [Message] keeps
// both, so that it can be given again in another language. The catalogue
// is the [messages] table of a language's UI texts, keyed by the English
// format:
//
//	[messages]
//	"empty tag" = "leeres Schlagwort"
//	"unknown key %q, want one of: %s" = "unbekannter Schlüssel %q, erlaubt sind: %s"
//
// A translation keeps the verbs of its key; it may reorder them with
// explicit indexes such as %[2]s. An argument that is itself a Message (or
// an error that is one) is translated too. What the catalogue lacks stays
// English, which is also what --lang en prints.
//
// A message that says how many of something there are is made with
// [Countf], which takes the count and the English singular beside the
// plural. Its catalogue entry is keyed by the plural and holds the CLDR
// plural forms that the language needs:
//
//	"%s: %d answers change:" = { one = "%s: %d Antwort ändert sich:", other = "%s: %d Antworten ändern sich:" }

// Message is a text for an editor in English, with what is needed to give
// it in another language. It is an error, so that packages can return it.
type Message struct {
	Format string
	Args   []any
	// One is the English singular of a message made by Countf, and
	// Count the number that chooses between the forms.
	One   string
	Count int
}

// Countf returns the message of a count n: one is its English format for
// n = 1, other for every other n and the catalogue's key. n is usually one
// of args too.
func Countf(n int, one, other string, args ...any) *Message {
	return &Message{Format: other, Args: args, One: one, Count: n}
}

// english is the English format of m.
func (m *Message) english() string {
	if m.One != "" && m.Count == 1 {
		return m.One
	}
	return m.Format
}

// Messagef returns the message of format and args.
func Messagef(format string, args ...any) *Message {
	return &Message{Format: format, Args: args}
}

// Error returns the message in English.
func (m *Message) Error() string { return fmt.Sprintf(m.english(), m.Args...) }

// In returns the message in the language of tr, English where tr has no
// text; a nil tr means English.
func (m *Message) In(tr Translator) string {
	format := m.english()
	if tr != nil {
		if t, ok := tr(m.Format, m.Count); ok {
			format = t
		}
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		if inner := asMessage(a); inner != nil && tr != nil {
			a = inner.In(tr)
		}
		args[i] = a
	}
	return fmt.Sprintf(format, args...)
}

// asMessage returns a when it is a Message, or an error whose whole text is
// one, and nil otherwise.
func asMessage(a any) *Message {
	switch v := a.(type) {
	case *Message:
		return v
	case error:
		var m *Message
		if errors.As(v, &m) && m.Error() == v.Error() {
			return m
		}
	}
	return nil
}

// Translator gives the text of an English message format in a language, if
// it has one; where the text has plural forms, count chooses the form.
type Translator func(format string, count int) (string, bool)

// add appends a problem. A message passed on whole, as in Errorf(pos, "%v",
// err), keeps its own format, so that it can be translated.
func (l *List) add(sev Severity, pos Pos, format string, args []any) {
	m := Message{Format: format, Args: args}
	if (format == "%s" || format == "%v") && len(args) == 1 {
		if inner := asMessage(args[0]); inner != nil {
			m = *inner
		}
	}
	l.problems = append(l.problems, Problem{Pos: pos, Msg: m.Error(), Severity: sev, Message: m})
}

// Translate rewrites every problem in tr's language, and the word that
// marks a warning, which the catalogue keys as "warning". Positions and
// severities do not change.
func (l *List) Translate(tr Translator) {
	if tr == nil {
		return
	}
	warning, _ := tr("warning", 0)
	for i := range l.problems {
		l.problems[i].Msg = l.problems[i].Message.In(tr)
		l.problems[i].warning = warning
	}
}

// Fill replaces {0}, {1}, … in text with args, in one pass, so that an
// argument that itself contains {1} stays as it is. A number without an
// argument is left in place. UI texts use it; messages use fmt's verbs.
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

// Verbs lists the verbs of a format in the order of the arguments they
// take, such as ["q", "s"] for "unknown key %q, want one of: %s"; explicit
// indexes such as %[2]s place a verb at its argument. A translation must
// have the verbs of its English format.
func Verbs(format string) []string {
	var verbs []string
	next := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			continue
		}
		for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
			i++
		}
		if i+1 < len(format) && format[i] == '[' {
			if j := strings.IndexByte(format[i:], ']'); j > 0 {
				if n, err := strconv.Atoi(format[i+1 : i+j]); err == nil {
					next = n - 1
				}
				i += j + 1
			}
			for i < len(format) && strings.IndexByte("+-# 0123456789.", format[i]) >= 0 {
				i++
			}
		}
		if i >= len(format) {
			break
		}
		for len(verbs) <= next {
			verbs = append(verbs, "")
		}
		verbs[next] = verbs[next] + format[i:i+1]
		next++
	}
	return verbs
}
