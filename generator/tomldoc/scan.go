// Package tomldoc decodes TOML documents strictly and keeps positions.
//
// BurntSushi/toml decodes a document but keeps no public positions for keys,
// so errors that are only found after decoding (an unknown field slug, an
// answer outside the scale) could not point to a line. Scan walks a document
// that has already been decoded successfully and records the position of every
// key and value under a path such as
//
//	questions[3].field
//	answers.MS-01.comment
//	participants[2]
//
// Array elements, whether from [[tables]] or from inline arrays, are written as
// [i] with a 0-based index. Scan is lenient: on text it does not understand it
// stops recording, it never fails.
//
// Decode combines the decoder with the index: syntax errors, wrong types and
// unknown keys all become positioned problems.
package tomldoc

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Loc is a 1-based line and a 1-based column in characters.
type Loc struct {
	Line, Col int
}

// Entry is one key found in a document.
type Entry struct {
	Path string   // with array indices, as in questions[3].field
	Key  []string // the same key without indices, as toml.Key has it
	Loc  Loc      // where the key starts
}

// Index holds the positions found by Scan.
type Index struct {
	keys    map[string]Loc
	values  map[string]Loc
	entries []Entry
}

// Key returns the position of the key at path, or of the table header that
// opens it.
//
// A table that only dotted keys make, as title.de = "…" makes title, has
// no key of its own: its position is that of the first of them.
func (ix *Index) Key(path string) (Loc, bool) {
	if l, ok := ix.keys[path]; ok {
		return l, ok
	}
	if path == "" {
		return Loc{}, false
	}
	for _, e := range ix.entries { // in document order
		if strings.HasPrefix(e.Path, path+".") {
			return e.Loc, true
		}
	}
	return Loc{}, false
}

// Dotted returns the first dotted key, such as "title.de", that makes the
// table at path, when no key or table header of its own does.
func (ix *Index) Dotted(path string) (string, bool) {
	if _, ok := ix.keys[path]; ok || path == "" {
		return "", false
	}
	for _, e := range ix.entries {
		if strings.HasPrefix(e.Path, path+".") {
			return e.Path, true
		}
	}
	return "", false
}

// Value returns the position of the value at path. For a table without a
// value of its own it falls back to the key.
func (ix *Index) Value(path string) (Loc, bool) {
	if l, ok := ix.values[path]; ok {
		return l, true
	}
	return ix.Key(path)
}

// Entries lists every key in document order.
func (ix *Index) Entries() []Entry { return ix.entries }

type scanner struct {
	src       []byte
	off       int
	line      int
	lineStart int
	ix        *Index
	counts    map[string]int // [[array]] path -> elements seen
}

// Scan indexes src. It accepts a leading byte order mark and CRLF line endings.
func Scan(src []byte) *Index {
	s := &scanner{
		src:    src,
		line:   1,
		ix:     &Index{keys: map[string]Loc{}, values: map[string]Loc{}},
		counts: map[string]int{},
	}
	if strings.HasPrefix(string(src), "\ufeff") {
		s.off = 3
		s.lineStart = 3
	}
	s.document()
	return s.ix
}

func (s *scanner) loc() Loc {
	return Loc{Line: s.line, Col: 1 + utf8.RuneCount(s.src[s.lineStart:s.off])}
}

func (s *scanner) peek() byte {
	if s.off < len(s.src) {
		return s.src[s.off]
	}
	return 0
}

func (s *scanner) next() {
	if s.off >= len(s.src) {
		return
	}
	if s.src[s.off] == '\n' {
		s.line++
		s.lineStart = s.off + 1
	}
	s.off++
}

func (s *scanner) has(prefix string) bool {
	return strings.HasPrefix(string(s.src[s.off:min(len(s.src), s.off+len(prefix))]), prefix)
}

// space skips blanks and, when newlines is set, line ends and comments too.
func (s *scanner) space(newlines bool) {
	for s.off < len(s.src) {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r':
			s.next()
		case c == '#':
			for s.off < len(s.src) && s.peek() != '\n' {
				s.next()
			}
		case c == '\n' && newlines:
			s.next()
		default:
			return
		}
	}
}

func (s *scanner) document() {
	table := ""
	for {
		s.space(true)
		if s.off >= len(s.src) {
			return
		}
		start := s.loc()
		switch {
		case s.has("[["):
			s.off += 2
			segs, ok := s.key()
			if !ok || !s.has("]]") {
				return
			}
			s.off += 2
			base := join(s.resolve(segs[:len(segs)-1]), segs[len(segs)-1])
			n := s.counts[base]
			s.counts[base] = n + 1
			table = base + "[" + strconv.Itoa(n) + "]"
			s.record(table, segs, start)
		case s.peek() == '[':
			s.next()
			segs, ok := s.key()
			if !ok || s.peek() != ']' {
				return
			}
			s.next()
			table = s.resolve(segs)
			s.record(table, segs, start)
		default:
			if !s.keyValue(table, tableKey(table)) {
				return
			}
		}
	}
}

// resolve turns header key segments into a path, adding the index of the
// latest element wherever a segment names an array of tables.
func (s *scanner) resolve(segs []string) string {
	path := ""
	for _, seg := range segs {
		path = join(path, seg)
		if n := s.counts[path]; n > 0 {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	return path
}

// tableKey recovers the key segments of a path by dropping indices.
func tableKey(path string) []string {
	if path == "" {
		return nil
	}
	var segs []string
	for _, seg := range strings.Split(path, ".") {
		if i := strings.IndexByte(seg, '['); i >= 0 {
			seg = seg[:i]
		}
		segs = append(segs, seg)
	}
	return segs
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func (s *scanner) record(path string, key []string, at Loc) {
	if _, dup := s.ix.keys[path]; !dup {
		s.ix.keys[path] = at
	}
	s.ix.entries = append(s.ix.entries, Entry{Path: path, Key: key, Loc: at})
}

// keyValue reads key = value inside table.
func (s *scanner) keyValue(table string, tkey []string) bool {
	start := s.loc()
	segs, ok := s.key()
	if !ok || s.peek() != '=' {
		return false
	}
	s.next()
	s.space(false)
	path := table
	for _, seg := range segs {
		path = join(path, seg)
	}
	s.record(path, append(append([]string(nil), tkey...), segs...), start)
	return s.value(path, append(append([]string(nil), tkey...), segs...))
}

// key reads a dotted key of bare and quoted parts and the blanks around it.
func (s *scanner) key() ([]string, bool) {
	var segs []string
	for {
		s.space(false)
		switch c := s.peek(); {
		case c == '"' || c == '\'':
			str, ok := s.quoted(c)
			if !ok {
				return nil, false
			}
			segs = append(segs, str)
		case isBare(c):
			begin := s.off
			for s.off < len(s.src) && isBare(s.peek()) {
				s.next()
			}
			segs = append(segs, string(s.src[begin:s.off]))
		default:
			return nil, false
		}
		s.space(false)
		if s.peek() != '.' {
			return segs, true
		}
		s.next()
	}
}

func isBare(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
}

// quoted reads a one-line basic or literal string and returns its raw text,
// with escapes of basic strings resolved where they are simple.
func (s *scanner) quoted(q byte) (string, bool) {
	s.next()
	var b strings.Builder
	for s.off < len(s.src) {
		c := s.peek()
		switch {
		case c == q:
			s.next()
			return b.String(), true
		case c == '\n':
			return "", false
		case c == '\\' && q == '"':
			s.next()
			if s.off < len(s.src) {
				b.WriteByte(s.peek())
				s.next()
			}
		default:
			b.WriteByte(c)
			s.next()
		}
	}
	return "", false
}

// value skips one value, recording the positions of everything inside it.
func (s *scanner) value(path string, key []string) bool {
	s.ix.values[path] = s.loc()
	switch {
	case s.has(`"""`), s.has(`'''`):
		delim := string(s.src[s.off : s.off+3])
		s.off += 3
		for s.off < len(s.src) {
			if delim == `"""` && s.peek() == '\\' {
				s.next()
				s.next()
				continue
			}
			if s.has(delim) {
				s.off += 3
				// A closing delimiter may be followed by up to two quotes.
				for s.off < len(s.src) && s.peek() == delim[0] {
					s.next()
				}
				return true
			}
			s.next()
		}
		return false
	case s.peek() == '"' || s.peek() == '\'':
		_, ok := s.quoted(s.peek())
		return ok
	case s.peek() == '[':
		s.next()
		for i := 0; ; i++ {
			s.space(true)
			if s.peek() == ']' {
				s.next()
				return true
			}
			if !s.value(path+"["+strconv.Itoa(i)+"]", key) {
				return false
			}
			s.space(true)
			if s.peek() == ',' {
				s.next()
			}
		}
	case s.peek() == '{':
		s.next()
		for {
			s.space(false)
			if s.peek() == '}' {
				s.next()
				return true
			}
			if !s.keyValue(path, key) {
				return false
			}
			s.space(false)
			if s.peek() == ',' {
				s.next()
			}
		}
	default:
		begin := s.off
		for s.off < len(s.src) && !strings.ContainsRune(",]}\n#\r", rune(s.peek())) {
			s.next()
		}
		// Dates may contain a space between date and time; trailing blanks are not part of the value.
		return s.off > begin
	}
}
