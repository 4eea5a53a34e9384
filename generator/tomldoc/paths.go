package tomldoc

import (
	"reflect"
	"slices"
)

// Paths lists every key that decoding into v accepts, at any depth, from
// the toml tags of its structs: "footer.imprint" for a table, "menu.title"
// for a key of an array of tables, and "*" for a key of a map, as in
// "fields.*.title". Unlike Keys, it descends into tables, so that a test can
// hold a format's documentation or schema against the decoder.
func Paths(v any) []string {
	var out []string
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		if reflect.PointerTo(t).Implements(textUnmarshaler) {
			return
		}
		switch t.Kind() {
		case reflect.Struct:
			for name, i := range structFields(t) {
				p := join(prefix, name)
				out = append(out, p)
				walk(t.Field(i).Type, p)
			}
		case reflect.Map:
			p := join(prefix, "*")
			out = append(out, p)
			walk(t.Elem(), p)
		}
	}
	walk(reflect.TypeOf(v), "")
	slices.Sort(out)
	return out
}

// PathOf returns the path, in the notation of Paths, of a key of a
// document decoded into v, such as []string{"fields", "bildung", "title"};
// false when v has no such key. A key below a value of type any is that
// value's path.
func PathOf(v any, key []string) (string, bool) {
	t := reflect.TypeOf(v)
	path := ""
	for _, k := range key {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			i, ok := structFields(t)[k]
			if !ok {
				return "", false
			}
			path, t = join(path, k), t.Field(i).Type
		case reflect.Map:
			path, t = join(path, "*"), t.Elem()
		case reflect.Interface:
			return path, true
		default:
			return "", false
		}
	}
	return path, true
}
