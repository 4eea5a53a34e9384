package diag

import (
	"bytes"
	"unicode/utf8"
)

// PlaceholderOpen and PlaceholderClose mark a placeholder that
// `offenbar init` leaves for the town to fill in, such as
// «AUSFÜLLEN: Name der Gemeinde».
const (
	PlaceholderOpen  = "«AUSFÜLLEN:"
	PlaceholderClose = "»"
)

// placeholderLeft is the message of a placeholder left, as Placeholders
// writes it.
const placeholderLeft = "placeholder left: replace %s with your own text"

// Placeholders reports every placeholder in src as an error at its
// position, so that a site is not published with one left; lineOffset is
// added to the line. Placeholder problems can be turned into warnings with
// [List.AllowPlaceholders], as the preview does.
func (l *List) Placeholders(path string, src []byte, lineOffset int) {
	open := []byte(PlaceholderOpen)
	for off := 0; ; {
		i := bytes.Index(src[off:], open)
		if i < 0 {
			return
		}
		start := off + i
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		text := src[start : start+end]
		if j := bytes.Index(text, []byte(PlaceholderClose)); j >= 0 {
			text = text[:j+len(PlaceholderClose)]
		}
		p := PosAt(path, src, start)
		p.Line += lineOffset
		if !utf8.Valid(text) {
			text = open
		}
		l.Errorf(p, "placeholder left: replace %s with your own text", string(text))
		off = start + len(open)
	}
}

// SplitPlaceholders removes the placeholder problems from l and returns
// them. A placeholder never makes a file unusable, so loading goes on as if
// it were not there; the caller reports them at the end.
func (l *List) SplitPlaceholders() List {
	var ph List
	kept := l.problems[:0]
	for _, p := range l.problems {
		if p.Message.Format == placeholderLeft {
			ph.problems = append(ph.problems, p)
		} else {
			kept = append(kept, p)
		}
	}
	l.problems = kept
	return ph
}

// AllowPlaceholders turns the placeholder errors of l into warnings.
func (l *List) AllowPlaceholders() {
	for i := range l.problems {
		if l.problems[i].Message.Format == placeholderLeft {
			l.problems[i].Severity = Warning
		}
	}
}
