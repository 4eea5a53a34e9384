package tomldoc

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"offenbar/generator/diag"
)

// Doc is a decoded document: its path, its source and the positions in it.
type Doc struct {
	Path  string
	Src   []byte
	Index *Index
}

// Parsed reports whether the document was valid TOML, so that its values,
// even if some had the wrong type, can be checked further.
func (d *Doc) Parsed() bool { return len(d.Index.entries) > 0 || len(d.Src) == 0 }

// Pos returns the position of the key at path, or the start of the document.
func (d *Doc) Pos(path string) diag.Pos {
	if l, ok := d.Index.Key(path); ok {
		return diag.Pos{Path: d.Path, Line: l.Line, Col: l.Col}
	}
	return diag.Pos{Path: d.Path, Line: 1, Col: 1}
}

// ValuePos returns the position of the value at path, falling back to its key.
func (d *Doc) ValuePos(path string) diag.Pos {
	if l, ok := d.Index.Value(path); ok {
		return diag.Pos{Path: d.Path, Line: l.Line, Col: l.Col}
	}
	return d.Pos(path)
}

// Decode parses src as TOML into v, a pointer to a struct whose fields carry
// `toml:"name"` tags. It reports every problem at once: invalid UTF-8, syntax
// errors, control characters in strings, values of the wrong type and keys
// that v has no field for. Fields
// of a type implementing encoding.TextUnmarshaler receive the string value and
// their errors are positioned at the value.
//
// lineOffset is added to every line, for documents that are embedded in a
// larger file such as front matter.
func Decode(path string, src []byte, lineOffset int, v any) (*Doc, diag.List) {
	var errs diag.List
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	doc := &Doc{Path: path, Src: src, Index: &Index{keys: map[string]Loc{}, values: map[string]Loc{}}}
	if !errs.CheckUTF8(path, src, lineOffset) {
		return doc, errs
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		var pe toml.ParseError
		p := diag.Pos{Path: path, Line: 1 + lineOffset, Col: 1}
		msg := err.Error()
		if errors.As(err, &pe) {
			p = diag.PosAt(path, src, pe.Position.Start)
			p.Line += lineOffset
			msg = pe.Message
		}
		if m := badDateTime.FindStringSubmatch(msg); m != nil {
			// A date is no syntax to an editor: say what is wrong with it.
			errs.Errorf(p, "%v", DateProblem(m[1]))
			return doc, errs
		}
		errs.Errorf(p, "invalid TOML: %v", syntaxProblem(msg))
		return doc, errs
	}
	doc.Index = Scan(src)
	if lineOffset != 0 {
		shift(doc.Index, lineOffset)
	}
	d := decoder{doc: doc, errs: &errs}
	d.controls("", raw)
	d.value("", raw, reflect.ValueOf(v).Elem())
	return doc, errs
}

// controls reports every string in data that holds a control character
// other than tab and line breaks. A TOML escape such as \u0010 can write
// one, and no page can show it. Every document is checked here, whatever
// type its values are decoded into.
func (d *decoder) controls(path string, data any) {
	switch v := data.(type) {
	case string:
		for _, r := range v {
			if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f) {
				d.errs.Errorf(d.doc.ValuePos(path), "%s contains the control character U+%04X; remove it (line breaks and tabs are fine)", keyName(path), r)
				return
			}
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			d.controls(join(path, k), v[k])
		}
	case []map[string]any:
		for i, m := range v {
			d.controls(path+"["+strconv.Itoa(i)+"]", m)
		}
	case []any:
		for i, x := range v {
			d.controls(path+"["+strconv.Itoa(i)+"]", x)
		}
	}
}

func shift(ix *Index, n int) {
	for k, l := range ix.keys {
		ix.keys[k] = Loc{l.Line + n, l.Col}
	}
	for k, l := range ix.values {
		ix.values[k] = Loc{l.Line + n, l.Col}
	}
	for i := range ix.entries {
		ix.entries[i].Loc.Line += n
	}
}

var germanDate = regexp.MustCompile(`(\d{1,2})\.(\d{1,2})\.(\d{2,4})`)

// The parser's messages for the mistakes editors make most, and what is
// found in them.
var (
	unclosedString = regexp.MustCompile(`^strings cannot contain newlines`)
	missingValue   = regexp.MustCompile(`^expected value but found (.+) instead$`)
	definedTwice   = regexp.MustCompile(`^Key '(.+)' has already been defined\.$`)
	twoValues      = regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.+) instead$`)
	endsEarly      = regexp.MustCompile(`^unexpected EOF`)
	openTable      = regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.+) instead$`)
	badDateTime    = regexp.MustCompile(`^invalid datetime: "(.+)"$`)
)

// syntaxProblem says what the TOML parser found, in words of the message
// catalogue where it is one of the usual mistakes, and as the parser says
// it otherwise.
func syntaxProblem(msg string) *diag.Message {
	if m := germanDate.FindStringSubmatch(msg); m != nil {
		if len(m[3]) == 4 {
			if t, err := time.Parse("2.1.2006", m[1]+"."+m[2]+"."+m[3]); err == nil {
				return diag.Messagef("%s is a date in the German order, day.month.year: write year-month-day without quotes, here %s", m[0], t.Format(time.DateOnly))
			}
		}
		return diag.Messagef("%s; write dates as year-month-day without quotes, such as 2024-05-17", lowerFirst(msg))
	}
	switch {
	case unclosedString.MatchString(msg):
		return diag.Messagef("a text in quotes does not end on its line: close it with \", or write a text of several lines between \"\"\" and \"\"\"")
	case missingValue.MatchString(msg) && missingValue.FindStringSubmatch(msg)[1] == `'\n'`:
		return diag.Messagef("the value after = is missing")
	case missingValue.MatchString(msg):
		return diag.Messagef("a value is missing, or a text lacks its quotes, such as title = \"Sommerfest\"; found %s", missingValue.FindStringSubmatch(msg)[1])
	case definedTwice.MatchString(msg):
		return diag.Messagef("the key %q is given twice; keep one of them", definedTwice.FindStringSubmatch(msg)[1])
	case twoValues.MatchString(msg):
		return diag.Messagef("the line goes on after its value with %s; give each key a line of its own, and put texts in quotes", twoValues.FindStringSubmatch(msg)[1])
	case openTable.MatchString(msg) && openTable.FindStringSubmatch(msg)[1] == `'\n'`:
		return diag.Messagef("the table name is not closed: end the line with ], such as [location]")
	case openTable.MatchString(msg):
		return diag.Messagef("the table name goes on with %s: write it as one word between [ and ], such as [location]", openTable.FindStringSubmatch(msg)[1])
	case endsEarly.MatchString(msg):
		return diag.Messagef("the file ends in the middle of a value: a quote, a bracket or \"\"\" is not closed")
	}
	return diag.Messagef("%s", lowerFirst(msg))
}

func lowerFirst(s string) string {
	if s == "" || strings.HasPrefix(s, "TOML") {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

type decoder struct {
	doc  *Doc
	errs *diag.List
}

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	timeType        = reflect.TypeFor[time.Time]()
)

func (d *decoder) wrongType(path string, data any, want *diag.Message) {
	if dotted, ok := d.doc.Index.Dotted(path); ok {
		// title.de = "…" reads as a table title with a key de.
		d.errs.Errorf(d.doc.ValuePos(path), "%s must be %s, but the dot in %s makes it a table: write the key without the dot", keyName(path), want, dotted)
		return
	}
	d.errs.Errorf(d.doc.ValuePos(path), "%s must be %s, not %s", keyName(path), want, tomlType(data))
}

// timeWithoutDate reports a TOML local time, such as 17:00:00, where a
// date is wanted: it names no day, and read as a date it falls in the
// year 0.
func (d *decoder) timeWithoutDate(path string, t time.Time) {
	clock := t.Format("15:04:05")
	d.errs.Errorf(d.doc.ValuePos(path), "%s is a time of day without a date: write a date, such as 2024-05-17, or where a time is wanted, the date and time, such as 2024-05-17T%s", keyName(path), clock)
}

// keyName names the key at path for a message: quoted, or as the document.
func keyName(path string) any {
	if path == "" {
		return diag.Messagef("the document")
	}
	return strconv.Quote(path)
}

func tomlType(data any) *diag.Message {
	switch data.(type) {
	case string:
		return diag.Messagef("a string")
	case int64:
		return diag.Messagef("an integer")
	case float64:
		return diag.Messagef("a float")
	case bool:
		return diag.Messagef("a boolean")
	case time.Time:
		return diag.Messagef("a date")
	case []any:
		return diag.Messagef("an array")
	case []map[string]any:
		return diag.Messagef("an array of tables")
	case map[string]any:
		return diag.Messagef("a table")
	}
	return diag.Messagef("%T", data)
}

func (d *decoder) value(path string, data any, rv reflect.Value) {
	if rv.CanAddr() && rv.Addr().Type().Implements(textUnmarshaler) {
		s, ok := data.(string)
		if t, isTime := data.(time.Time); isTime {
			if t.Location().String() == "time-local" {
				d.timeWithoutDate(path, t)
				return
			}
			s, ok = formatTime(t), true
		}
		if !ok {
			d.wrongType(path, data, diag.Messagef("a string"))
			return
		}
		if err := rv.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			d.errs.Errorf(d.doc.ValuePos(path), "%s: %v", keyName(path), err)
		}
		return
	}
	switch rv.Kind() {
	case reflect.Interface:
		rv.Set(reflect.ValueOf(data))
	case reflect.String:
		s, ok := data.(string)
		if !ok {
			d.wrongType(path, data, diag.Messagef("a string"))
			return
		}
		rv.SetString(s)
	case reflect.Bool:
		b, ok := data.(bool)
		if !ok {
			d.wrongType(path, data, diag.Messagef("true or false"))
			return
		}
		rv.SetBool(b)
	case reflect.Int, reflect.Int64, reflect.Int32:
		n, ok := data.(int64)
		if !ok {
			d.wrongType(path, data, diag.Messagef("an integer"))
			return
		}
		rv.SetInt(n)
	case reflect.Float64:
		switch n := data.(type) {
		case int64:
			rv.SetFloat(float64(n))
		case float64:
			if math.IsNaN(n) || math.IsInf(n, 0) {
				// TOML's nan and inf: no page, calendar or JSON file can
				// show them.
				d.errs.Errorf(d.doc.ValuePos(path), "%s = %s is no number: write it in digits, such as 1200", keyName(path), tomlFloat(n))
				return
			}
			rv.SetFloat(n)
		default:
			d.wrongType(path, data, diag.Messagef("a number"))
		}
	case reflect.Slice:
		var items []any
		switch a := data.(type) {
		case []any:
			items = a
		case []map[string]any:
			for _, m := range a {
				items = append(items, m)
			}
		default:
			d.wrongType(path, data, diag.Messagef("an array"))
			return
		}
		s := reflect.MakeSlice(rv.Type(), len(items), len(items))
		for i, item := range items {
			d.value(path+"["+strconv.Itoa(i)+"]", item, s.Index(i))
		}
		rv.Set(s)
	case reflect.Map:
		m, ok := data.(map[string]any)
		if !ok {
			d.wrongType(path, data, diag.Messagef("a table"))
			return
		}
		out := reflect.MakeMapWithSize(rv.Type(), len(m))
		for k, item := range m {
			ev := reflect.New(rv.Type().Elem()).Elem()
			d.value(join(path, k), item, ev)
			out.SetMapIndex(reflect.ValueOf(k), ev)
		}
		rv.Set(out)
	case reflect.Struct:
		if rv.Type() == timeType {
			t, ok := data.(time.Time)
			if !ok {
				d.wrongType(path, data, diag.Messagef("a date such as 2024-05-17"))
				return
			}
			if t.Location().String() == "time-local" {
				d.timeWithoutDate(path, t)
				return
			}
			rv.Set(reflect.ValueOf(t))
			return
		}
		m, ok := data.(map[string]any)
		if !ok {
			d.wrongType(path, data, diag.Messagef("a table"))
			return
		}
		fields := structFields(rv.Type())
		names := slices.Sorted(maps.Keys(fields))
		for _, k := range slices.Sorted(maps.Keys(m)) {
			idx, ok := fields[k]
			if !ok {
				d.errs.Errorf(d.doc.Pos(join(path, k)), "unknown key %q, want one of: %s", k, strings.Join(names, ", "))
				continue
			}
			d.value(join(path, k), m[k], rv.Field(idx))
		}
	case reflect.Pointer:
		p := reflect.New(rv.Type().Elem())
		d.value(path, data, p.Elem())
		rv.Set(p)
	default:
		panic(fmt.Sprintf("tomldoc: unsupported field type %s", rv.Type()))
	}
}

// structFields maps TOML keys to field indices. Fields without a toml tag or
// with tag "-" are not decoded.
// Keys returns the keys that Decode accepts for the struct v, from its
// toml tags, sorted.
func Keys(v any) []string {
	return slices.Sorted(maps.Keys(structFields(reflect.TypeOf(v))))
}

func structFields(t reflect.Type) map[string]int {
	fields := map[string]int{}
	for i := range t.NumField() {
		tag := t.Field(i).Tag.Get("toml")
		name, _, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = i
	}
	return fields
}

// formatTime renders a TOML date or date-time for a TextUnmarshaler, keeping
// local dates as YYYY-MM-DD. The decoder marks local values with locations
// named "date-local" and "datetime-local".
func formatTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format(time.DateOnly)
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format(time.RFC3339)
}

// tomlFloat writes a float that is no number as TOML spells it: nan, inf
// or -inf.
func tomlFloat(n float64) string {
	switch {
	case math.IsNaN(n):
		return "nan"
	case n < 0:
		return "-inf"
	}
	return "inf"
}
