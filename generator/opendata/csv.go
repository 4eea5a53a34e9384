package opendata

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cell is one value of a CSV row: text, or a number that is written as it
// is. Every CSV of the open data is written by writeCSV from cells.
type cell struct {
	s      string
	number bool
}

// str is a text cell; writeCSV defuses it (see Defuse).
func str(s string) cell { return cell{s: s} }

// num is a cell of a numeric column: a number such as -3 or 42.5, or ""
// for no value. It is written as it is, so that it stays a number for
// spreadsheets and for the data package's types. Anything else is written
// as text.
func num(s string) cell { return cell{s: s, number: true} }

// texts makes a row of text cells.
func texts(ss ...string) []cell {
	row := make([]cell, len(ss))
	for i, s := range ss {
		row[i] = str(s)
	}
	return row
}

// numberRE is what a numeric cell may hold: a plain decimal number, which
// no spreadsheet reads as a formula.
var numberRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// writeCSV writes rows as RFC 4180 with "\n" line ends. Text cells are
// defused, numbers are not.
func writeCSV(rows [][]cell) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	rec := []string{}
	for _, row := range rows {
		rec = rec[:0]
		for _, c := range row {
			if c.number && (c.s == "" || numberRE.MatchString(c.s)) {
				rec = append(rec, c.s)
			} else {
				rec = append(rec, Defuse(c.s))
			}
		}
		_ = w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

// formulaStart reports whether a spreadsheet may read a value that starts
// with r as a formula or a DDE command: = + - @ (OWASP's list; tab and CR
// are separators below), their full-width forms, which some Excel versions
// take for the ASCII ones, and the apostrophe of Defuse itself, so that
// Restore can tell a defused value from one that began with it.
func formulaStart(r rune) bool {
	switch r {
	case '=', '+', '-', '@', '\'', '＝', '＋', '－', '＠':
		return true
	}
	return false
}

// startsToken reports whether r makes what follows a new cell in a
// spreadsheet that reads the file wrongly: German Excel splits a comma
// separated file at semicolons and ends a record at a line break even
// inside quotes that do not open the cell; a paste splits at tabs.
func startsToken(r rune) bool { return r == ';' || r == '\t' || r == '\n' || r == '\r' }

// Defuse guards a text value against being opened as a formula, as OWASP
// advises for CSV injection: where a cell starts (at the start of the
// value, and after a semicolon, tab or line break, where a spreadsheet
// that splits the file at those starts a cell), white space and quotes
// are passed over, and a character a formula starts with gets a single
// quote ' in front of it. "=HYPERLINK(…)" becomes "'=HYPERLINK(…)",
// "-3 Punkte" "'-3 Punkte". Restore undoes it.
func Defuse(s string) string {
	var b strings.Builder
	scan(s, func(r rune, raw string, start bool) {
		if start && formulaStart(r) {
			b.WriteByte('\'')
		}
		b.WriteString(raw)
	})
	return b.String()
}

// Restore returns the value that Defuse was given.
func Restore(s string) string {
	var b strings.Builder
	scan(s, func(r rune, raw string, start bool) {
		if !(start && r == '\'') {
			b.WriteString(raw)
		}
	})
	return b.String()
}

// scan calls f with every rune of s, its bytes (which differ from the rune
// in invalid UTF-8) and whether it stands where a spreadsheet may start
// reading a cell. Defuse inserts only apostrophes, which do not move these
// places, so Restore finds them again.
func scan(s string, f func(r rune, raw string, start bool)) {
	start := true
	for i, r := range s {
		_, n := utf8.DecodeRuneInString(s[i:])
		f(r, s[i:i+n], start)
		switch {
		case startsToken(r):
			start = true
		case start && (unicode.IsSpace(r) || r == '"'):
		default:
			start = false
		}
	}
}

// FormulaCell finds the first cell of a CSV file that Excel or LibreOffice
// would open as a formula, for files that a town publishes as they are: a
// text that starts, where a spreadsheet may start a cell, with a character
// of formulaStart and is not a number such as -3 or -3,5. It returns the
// line and column (in characters) and the cell's text, or ok false.
func FormulaCell(data []byte) (line, col int, text string, ok bool) {
	s := string(data)
	line, col = 1, 0
	start, quoted, tokStart, tokLine, tokCol := true, false, -1, 0, 0
	check := func(end int) bool {
		if tokStart < 0 {
			return false
		}
		tok := s[tokStart:end]
		tok = strings.TrimRight(tok, " \"\r\n")
		if i := strings.IndexAny(tok, ",;\t"); i >= 0 {
			tok = tok[:i]
		}
		tokStart = -1
		if _, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(tok), ",", ".", 1), 64); err == nil {
			return false
		}
		line, col, text = tokLine, tokCol, tok
		return true
	}
	for i, r := range s {
		if r == '\n' {
			line, col = line+1, 0
		} else {
			col++
		}
		if r == '"' {
			quoted = !quoted
		}
		switch {
		case startsToken(r) || r == ',' && !quoted:
			if check(i) {
				return line, col, text, true
			}
			start = true
		case start && (unicode.IsSpace(r) || r == '"'):
		case start:
			if formulaStart(r) && r != '\'' {
				tokStart, tokLine, tokCol = i, line, col
			}
			start = false
		}
	}
	if check(len(s)) {
		return line, col, text, true
	}
	return 0, 0, "", false
}
