package content

import (
	"bytes"

	"offenbar/generator/diag"
)

// Limits on the Markdown of one document. goldmark takes time that grows
// with the square of some inputs, such as thousands of unclosed "[a](" in
// one paragraph or lists nested thousands of levels deep: 100 KB of them
// take half a minute. These limits are far above what any article needs
// and keep every document under a second or two.
const (
	// MaxMarkdown is the most Markdown text a document may have.
	MaxMarkdown = 256 << 10
	// MaxNesting is how many block quotes, list items and footnotes may
	// stand inside each other at the start of a line.
	MaxNesting = 16
	// MaxUnclosed is how many "[" or "(" may stay open in one paragraph.
	MaxUnclosed = 32
	// MaxDelims is how many emphasis, quote and code characters
	// (* _ ~ ' " ` <) one paragraph may have.
	MaxDelims = 1000
	// MaxIndent is how many columns a line may be indented, and
	// MaxColumns how many columns a table may have.
	MaxIndent  = 100
	MaxColumns = 100
	// MaxBrackets is how many "[" a document may have: links, images,
	// footnotes and brackets together.
	MaxBrackets = 10000
)

// CheckMarkdown reports Markdown in body, the text of the document at path,
// that would take goldmark long to convert. It scans body once and reports
// the first problem at its position.
func CheckMarkdown(path string, body []byte) diag.List {
	var errs diag.List
	// The blank lines that stand for the front matter (see Split) are
	// no text: a measure's long history is not its Markdown.
	if n := len(bytes.TrimLeft(body, "\n")); n > MaxMarkdown {
		errs.Errorf(diag.Pos{Path: path}, "text of %d KB; the limit is %d KB of Markdown per page: split it into several pages", (n+1023)>>10, MaxMarkdown>>10)
		return errs
	}
	var (
		fence     byte // '`' or '~' inside a fenced code block
		fenceLen  int
		open      [2]int // unclosed "[" and "(" in the paragraph, or in the table row
		delims    int
		popen     [2]int // the same in the whole paragraph, table or not
		pdelims   int
		table     bool // in the rows of a table, each parsed on its own
		tdepth    int
		prev      []byte // the line before in the paragraph, after its containers
		prevDepth int
		brackets  int
		lineStart int
	)
	at := func(off int) diag.Pos { return diag.PosAt(path, body, off) }
	// untable ends a table whose paragraph may be one block after all,
	// such as a heading underlined with "===": its counts are the
	// paragraph's.
	untable := func(off int) bool {
		table, open, delims = false, popen, pdelims
		for k, c := range "[(" {
			if open[k] > MaxUnclosed {
				errs.Errorf(at(off), "more than %d unclosed %q in one paragraph: close them, or write \\%s for the character itself", MaxUnclosed, string(c), string(c))
				return true
			}
		}
		if delims > MaxDelims {
			errs.Errorf(at(off), "more than %d characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines", MaxDelims)
			return true
		}
		return false
	}
	for lineStart < len(body) {
		end := bytes.IndexByte(body[lineStart:], '\n')
		if end < 0 {
			end = len(body)
		} else {
			end += lineStart
		}
		line := body[lineStart:end]
		i, depth, deep, item := containers(line)
		if depth > MaxNesting {
			errs.Errorf(at(lineStart+deep), "block quotes, lists and footnotes nested %d levels deep: at most %d may stand inside each other", depth, MaxNesting)
			return errs
		}
		rest := bytes.TrimLeft(line[i:], " \t")
		if item || heading(line[i:]) {
			// A list item or heading is a block of its own.
			open, delims, popen, pdelims, table, prev = [2]int{}, 0, [2]int{}, 0, false, nil
		}
		if f, n := fenceOf(rest); n > 0 && (fence == 0 || f == fence && n >= fenceLen && len(bytes.TrimSpace(rest[n:])) == 0) {
			if fence == 0 {
				fence, fenceLen = f, n
			} else {
				fence = 0
			}
			if table && untable(lineStart) {
				return errs
			}
			prev = nil
			lineStart = end + 1
			continue
		}
		if fence != 0 {
			lineStart = end + 1
			continue
		}
		if table {
			if depth != tdepth || thematicBreak(line) || underline(rest) || len(rest) > 0 && rest[0] == '<' {
				if untable(lineStart) {
					return errs
				}
			} else {
				open, delims = [2]int{}, 0 // a row of its own
			}
		} else if prev != nil && depth == prevDepth && !item && indent(line[i:]) < 4 {
			if n := delimiterRow(rest); n > 0 && cells(prev) == n {
				table, tdepth, open, delims = true, depth, [2]int{}, 0
			}
		}
		prev, prevDepth = rest, depth
		if n := indent(line); n > MaxIndent {
			errs.Errorf(at(lineStart), "line indented by %d columns: at most %d, for lists nested up to %d levels; put code in a fenced block (```)", n, MaxIndent, MaxNesting)
			return errs
		}
		if n := bytes.Count(line, []byte("|")); n > MaxColumns+1 {
			errs.Errorf(at(lineStart), "table row of %d columns: a table may have at most %d", n-1, MaxColumns)
			return errs
		}
		if len(bytes.TrimSpace(rest)) == 0 {
			// A blank line ends the paragraph.
			open, delims, popen, pdelims, table, prev = [2]int{}, 0, [2]int{}, 0, false, nil
		}
		for j := i; j < len(line); j++ {
			off := lineStart + j
			switch c := line[j]; c {
			case '\\':
				j++ // an escaped character is text
			case '[', '(':
				k := 0
				if c == '(' {
					k = 1
				} else if brackets++; brackets > MaxBrackets {
					errs.Errorf(at(off), "more than %d \"[\" in one page (links, images, footnotes): split it into several pages", MaxBrackets)
					return errs
				}
				popen[k]++
				if open[k]++; open[k] > MaxUnclosed {
					errs.Errorf(at(off), "more than %d unclosed %q in one paragraph: close them, or write \\%s for the character itself", MaxUnclosed, string(c), string(c))
					return errs
				}
			case ']':
				open[0], popen[0] = max(open[0]-1, 0), max(popen[0]-1, 0)
			case ')':
				open[1], popen[1] = max(open[1]-1, 0), max(popen[1]-1, 0)
			case '*', '_', '~', '\'', '"', '`', '<':
				pdelims++
				if delims++; delims > MaxDelims {
					errs.Errorf(at(off), "more than %d characters of emphasis, quotes or code (* _ ~ ' \" ` <) in one paragraph: split it with blank lines", MaxDelims)
					return errs
				}
			}
		}
		lineStart = end + 1
	}
	return errs
}

// containers skips the block quote markers, list markers and footnote
// labels at the start of line, and returns where the text after them
// starts, how many there were and where the one after MaxNesting starts.
// A thematic break such as "* * *" is not a list.
//
// item reports whether the line surely starts a list item, a block of its
// own: its marker stands at most 3 spaces after the container before, and
// an ordered one is "1." (another number may continue a paragraph).
func containers(line []byte) (i, depth, at int, item bool) {
	hr := thematicBreak(line)
	for {
		start := i
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		if i >= len(line) {
			return i, depth, at, item
		}
		if depth == MaxNesting {
			at = i
		}
		near := indent(line[start:i]) < 4
		switch c := line[i]; {
		case c == '>':
			i++
		case c == '-' || c == '*' || c == '+':
			if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' || hr {
				return i, depth, at, item
			}
			i++
			item = item || near
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			if j >= len(line) || line[j] != '.' && line[j] != ')' || j+1 < len(line) && line[j+1] != ' ' && line[j+1] != '\t' {
				return i, depth, at, item
			}
			one := len(bytes.TrimLeft(line[i:j], "0")) == 1 && line[j-1] == '1'
			i, item = j+1, item || near && one
		case c == '[' && i+1 < len(line) && line[i+1] == '^':
			j := bytes.Index(line[i:], []byte("]:"))
			if j < 0 || bytes.IndexByte(line[i+1:i+j], ']') >= 0 {
				return i, depth, at, item
			}
			i += j + 2
		default:
			return i, depth, at, item
		}
		depth++
	}
}

// thematicBreak reports whether line, after any block quote markers, is a
// line of "-", "*" or "_" with spaces between.
func thematicBreak(line []byte) bool {
	s := bytes.TrimLeft(line, " \t>")
	return len(s) > 0 && (s[0] == '-' || s[0] == '*' || s[0] == '_') && len(bytes.Trim(s, " \t"+string(s[0]))) == 0
}

// underline reports whether s is a line of "=" or "-" that turns the
// paragraph above into a heading.
func underline(s []byte) bool {
	s = bytes.TrimRight(s, " \t")
	return len(s) > 0 && (s[0] == '=' || s[0] == '-') && len(bytes.Trim(s, string(s[:1]))) == 0
}

// cells counts the cells of s as goldmark does for a table's header row:
// a "|" that starts or ends the row separates nothing, nor does "\|".
func cells(s []byte) int {
	s = bytes.TrimSpace(s)
	s = bytes.TrimPrefix(s, []byte("|"))
	s = bytes.TrimSuffix(s, []byte("|"))
	if len(s) == 0 {
		return 0
	}
	n := 1
	for j, c := range s {
		if c == '|' && (j == 0 || s[j-1] != '\\') {
			n++
		}
	}
	return n
}

// delimiterRow returns how many columns s, such as "|---|:-:|", sets out
// as the second row of a table, or 0. A row without "|" is no table: "---"
// underlines a heading.
func delimiterRow(s []byte) int {
	if bytes.IndexByte(s, '|') < 0 {
		return 0
	}
	cols := bytes.Split(bytes.TrimSpace(s), []byte("|"))
	if len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	for _, col := range cols {
		col = bytes.TrimSpace(col)
		col = bytes.TrimPrefix(col, []byte(":"))
		col = bytes.TrimSuffix(col, []byte(":"))
		if len(col) == 0 || len(bytes.Trim(col, "-")) != 0 {
			return 0
		}
	}
	return len(cols)
}

// heading reports whether s, the text after a line's containers, is an
// ATX heading such as "## Ergebnisse".
func heading(s []byte) bool {
	if indent(s) >= 4 {
		return false
	}
	s = bytes.TrimLeft(s, " \t")
	n := 0
	for n < len(s) && n < 7 && s[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(s) || s[n] == ' ' || s[n] == '\t')
}

// indent returns how many columns line is indented, with tab stops of 4.
func indent(line []byte) int {
	n := 0
	for _, c := range line {
		switch c {
		case ' ':
			n++
		case '\t':
			n += 4 - n%4
		default:
			return n
		}
	}
	return n
}

// fenceOf returns the character and length of the code fence that s starts
// with, or 0.
func fenceOf(s []byte) (byte, int) {
	if len(s) < 3 || s[0] != '`' && s[0] != '~' {
		return 0, 0
	}
	n := 0
	for n < len(s) && s[n] == s[0] {
		n++
	}
	if n < 3 || s[0] == '`' && bytes.IndexByte(s[n:], '`') >= 0 {
		return 0, 0
	}
	return s[0], n
}
