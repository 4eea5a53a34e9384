package ical

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest content line in octets, without its CRLF
// (RFC 5545, 3.1).
const maxLine = 75

// fold writes line to b, folded so that no line is longer than maxLine
// octets: a continuation line starts with a space, which counts. A fold
// never splits a UTF-8 character; line must be valid UTF-8.
func fold(b *bytes.Buffer, line string) {
	limit := maxLine
	for len(line) > limit {
		cut := limit
		for !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLine - 1
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}

// text escapes s as an RFC 5545 TEXT value: backslash, semicolon and comma
// get a backslash, and every line break (CRLF, CR or LF) becomes \n. Other
// control characters but the tab are dropped and invalid UTF-8 becomes
// U+FFFD, since neither may appear in a calendar.
func text(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte(c)
		default:
			if c < 0x20 || c == 0x7f {
				continue
			}
			b.WriteByte(c)
		}
	}
	return b.String()
}

// uri makes s safe as a URI value: it drops control characters and
// spaces, which a URI cannot hold, and invalid UTF-8. A URI is not escaped
// as text.
func uri(s string) string {
	s = strings.ToValidUTF8(s, "")
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// param makes s a parameter value: quoted when it holds a colon,
// semicolon or comma; a double quote and control characters, which no
// parameter value can hold, are dropped.
func param(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '"' || r < ' ' && r != '\t' || r == 0x7f {
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	if strings.ContainsAny(s, ":;,") {
		return `"` + s + `"`
	}
	return s
}
