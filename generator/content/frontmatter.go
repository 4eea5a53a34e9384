package content

import (
	"bytes"

	"offenbar/generator/diag"
)

// Delimiter opens and closes front matter.
const Delimiter = "+++"

// Split separates TOML front matter from the Markdown body. The body keeps
// its line numbers: the front matter and its delimiters are replaced by empty
// lines. front starts on line 2 of the file. A leading byte order mark and
// CRLF line endings are accepted. When the front matter is closed, front and
// body are copies, so that a caller who keeps them lets src go: a build
// holds every document at once.
func Split(path string, src []byte) (front, body []byte, errs diag.List) {
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if string(bytes.TrimRight(first, " \t\r")) != Delimiter {
		errs.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "missing front matter: the file must start with a line \"+++\", then its keys, such as title = \"…\", then \"+++\"")
		return nil, src, errs
	}
	off := 0
	for off <= len(rest) {
		line, _, found := bytes.Cut(rest[off:], []byte("\n"))
		if string(bytes.TrimRight(line, " \t\r")) == Delimiter {
			front = bytes.Clone(rest[:off])
			// The body keeps one line break for each one that front matter and
			// its delimiters took.
			n := 1 + bytes.Count(front, []byte("\n"))
			end := off + len(line)
			if found {
				end++
				n++
			}
			body = append(bytes.Repeat([]byte("\n"), n), rest[end:]...)
			return front, body, errs
		}
		if !found {
			break
		}
		off += len(line) + 1
	}
	errs.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "front matter is not closed: add a line \"+++\" after the last front matter key")
	return nil, src, errs
}

// SplitChecked reads the front matter and body of the Markdown file at p
// as every kind of content does: valid UTF-8, placeholders reported, the
// front matter split off, the body within the Markdown limits. It reports
// problems to errs and returns false when the file cannot be used.
func SplitChecked(p string, src []byte, errs *diag.List) (front, body []byte, ok bool) {
	if !errs.CheckUTF8(p, src, 0) {
		return nil, nil, false
	}
	errs.Placeholders(p, src, 0)
	front, body, serrs := Split(p, src)
	errs.Add(serrs)
	if serrs.HasErrors() {
		return nil, nil, false
	}
	if merrs := CheckMarkdown(p, body); merrs.HasErrors() {
		errs.Add(merrs)
		return nil, nil, false
	}
	return front, body, true
}
