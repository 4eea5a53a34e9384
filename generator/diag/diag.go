// Package diag reports problems in site sources as positioned messages.
//
// Every problem an editor can fix is a [Problem] with a [Pos]: a path relative
// to the site root (always with forward slashes), a 1-based line and a 1-based
// column counted in characters, not bytes. A [List] collects all problems of a
// build so that editors can fix a whole batch at once; it prints them sorted as
//
//	content/articles/foo.md:12:5: unknown front matter key "autor", want one of: title, date, summary
//
// Messages are lower-case, have no trailing period, quote values with %q and
// say what was expected.
package diag

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Pos is a position in a source file. Line and Col are 1-based; a zero Line
// means the problem concerns the whole file.
//
// In a spreadsheet, Sheet names the sheet, Line is the row and Col the
// column, and the position prints as a cell reference:
// runde-2027.xlsx:'Fairer Zugang'!D14. SheetIndex orders the sheets as the
// workbook does.
type Pos struct {
	Path       string
	Line       int
	Col        int
	Sheet      string
	SheetIndex int
}

// Cell returns the position of a cell of a workbook.
func Cell(path, sheet string, index, row, col int) Pos {
	return Pos{Path: path, Sheet: sheet, SheetIndex: index, Line: row, Col: col}
}

// String formats p as path:line:col, leaving out what is unknown, or as
// path:Sheet!C14 in a spreadsheet.
func (p Pos) String() string {
	p.Path = escapeControls(p.Path, "")
	if p.Sheet != "" {
		ref := escapeControls(p.Sheet, "")
		if strings.ContainsAny(ref, " -'!()+,;") || !utf8.ValidString(ref) {
			ref = "'" + strings.ReplaceAll(ref, "'", "''") + "'"
		}
		switch {
		case p.Line <= 0 && p.Col <= 0:
			return p.Path + ":" + ref
		case p.Col <= 0:
			return fmt.Sprintf("%s:%s!%d", p.Path, ref, p.Line)
		case p.Line <= 0:
			return fmt.Sprintf("%s:%s!%s", p.Path, ref, ColumnName(p.Col))
		}
		return fmt.Sprintf("%s:%s!%s%d", p.Path, ref, ColumnName(p.Col), p.Line)
	}
	switch {
	case p.Line <= 0:
		return p.Path
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.Path, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.Path, p.Line, p.Col)
}

// ColumnName is the letter name of a spreadsheet column: 1 is A, 27 is AA.
func ColumnName(col int) string {
	var b []byte
	for col > 0 {
		col--
		b = append([]byte{byte('A' + col%26)}, b...)
		col /= 26
	}
	return string(b)
}

// Severity tells errors, which fail a build, from warnings, which do not.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is one positioned message.
type Problem struct {
	Pos      Pos
	Msg      string
	Severity Severity
	// Message is what Msg says, in a form that can be translated; see
	// Translate.
	Message Message
	// warning is the word that marks a warning, once translated.
	warning string
}

func (p Problem) String() string { return p.Format(cmp.Or(p.warning, "warning")) }

// Format is String with the word that marks a warning in the editor's
// language. A problem of no file, such as a fault of the generator,
// prints without a position.
func (p Problem) Format(warning string) string {
	at := ""
	if p.Pos != (Pos{}) {
		at = p.Pos.String() + ": "
	}
	msg := escapeControls(p.Msg, "\n\t")
	if p.Severity == Warning {
		return at + warning + ": " + msg
	}
	return at + msg
}

// List collects problems. The zero value is ready to use.
type List struct {
	problems []Problem
}

// Errorf adds an error at pos.
func (l *List) Errorf(pos Pos, format string, args ...any) {
	l.add(Error, pos, format, args)
}

// Warnf adds a warning at pos.
func (l *List) Warnf(pos Pos, format string, args ...any) {
	l.add(Warning, pos, format, args)
}

// Add appends the problems of other to l.
func (l *List) Add(other List) {
	l.problems = append(l.problems, other.problems...)
}

// HasErrors reports whether any problem is an error.
func (l *List) HasErrors() bool {
	for _, p := range l.problems {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

// Len is the number of problems.
func (l *List) Len() int { return len(l.problems) }

// Problems returns the problems sorted by path, line, column and message,
// without exact duplicates.
func (l *List) Problems() []Problem {
	ps := slices.Clone(l.problems)
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.Pos.Path, b.Pos.Path),
			cmp.Compare(a.Pos.SheetIndex, b.Pos.SheetIndex),
			cmp.Compare(a.Pos.Sheet, b.Pos.Sheet),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.CompactFunc(ps, func(a, b Problem) bool {
		return a.Pos == b.Pos && a.Msg == b.Msg && a.Severity == b.Severity
	})
}

// MaxShown is the number of problems a command prints; the rest are only
// counted. A file with a million bad rows is mended from its first
// errors, and a terminal should not scroll for minutes.
const MaxShown = 50

// Shown returns the first MaxShown problems of ps and the number of those
// left out.
func Shown(ps []Problem) ([]Problem, int) {
	if len(ps) <= MaxShown {
		return ps, 0
	}
	return ps[:MaxShown], len(ps) - MaxShown
}

// Err returns l as an error when it holds errors, and nil otherwise.
func (l *List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{Problems: l.Problems()}
}

// ListError is the error form of a List.
type ListError struct {
	Problems []Problem
}

func (e *ListError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// PosAt converts a byte offset in src into a position in path. Columns count
// characters.
func PosAt(path string, src []byte, offset int) Pos {
	offset = min(max(offset, 0), len(src))
	line := 1 + bytes.Count(src[:offset], []byte("\n"))
	start := bytes.LastIndexByte(src[:offset], '\n') + 1
	return Pos{Path: path, Line: line, Col: 1 + utf8.RuneCount(src[start:offset])}
}

// SourceLine returns line n (1-based) of src without its line ending, or ""
// when there is no such line.
func SourceLine(src []byte, n int) string {
	for i := 1; len(src) > 0; i++ {
		line, rest, _ := bytes.Cut(src, []byte("\n"))
		if i == n {
			return strings.TrimRight(string(line), "\r")
		}
		src = rest
	}
	return ""
}

// GitHub formats p as a GitHub Actions workflow command, so that it shows on
// the line of a pull request.
func (p Problem) GitHub() string {
	kind := "error"
	if p.Severity == Warning {
		kind = "warning"
	}
	var b strings.Builder
	b.WriteString("::" + kind + " file=" + escapeProperty(escapeControls(p.Pos.Path, "")))
	if p.Pos.Line > 0 {
		fmt.Fprintf(&b, ",line=%d", p.Pos.Line)
		if p.Pos.Col > 0 {
			fmt.Fprintf(&b, ",col=%d", p.Pos.Col)
		}
	}
	b.WriteString("::" + escapeData(escapeControls(p.Msg, "\n\r\t")))
	return b.String()
}

// escapeControls writes the control characters of s but those of keep as
// Go escapes, such as \x1b and \n: a file name with ESC or a newline
// must neither steer the editor's terminal nor forge a line of its own.
func escapeControls(s, keep string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) && !strings.ContainsRune(keep, r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// The escapes of GitHub's workflow commands.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

// ReadError describes why a source file could not be read, in words an
// editor can act on. An error that is a Message, such as a file over the
// size limit, is said as it is.
func ReadError(err error) *Message {
	// os.Root reports a link out of the site with this text and no
	// exported error value to compare with.
	if strings.Contains(err.Error(), "path escapes from parent") {
		return Messagef("symbolic link points outside the site directory; copy the file into the site instead")
	}
	if m := asMessage(err); m != nil {
		return m
	}
	return Messagef("cannot read: %v", err)
}
