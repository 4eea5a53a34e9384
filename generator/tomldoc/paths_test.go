package tomldoc

import (
	"slices"
	"testing"
)

func TestPaths(t *testing.T) {
	type inner struct {
		Name string `toml:"name"`
		Skip string `toml:"-"`
	}
	type doc struct {
		Title  string            `toml:"title"`
		Date   Date              `toml:"date"`
		Items  []inner           `toml:"items"`
		ByKey  map[string]*inner `toml:"by_key"`
		Texts  map[string]string `toml:"texts"`
		Loose  map[string]any    `toml:"loose"`
		hidden string
	}
	want := []string{"by_key", "by_key.*", "by_key.*.name", "date", "items", "items.name", "loose", "loose.*", "texts", "texts.*", "title"}
	if got := Paths(doc{}); !slices.Equal(got, want) {
		t.Errorf("Paths = %q, want %q", got, want)
	}
	for key, want := range map[string]string{"items.name": "items.name", "by_key.x.name": "by_key.*.name", "loose.a.b": "loose.*", "texts.t": "texts.*"} {
		if got, ok := PathOf(doc{}, split(key)); !ok || got != want {
			t.Errorf("PathOf(%q) = %q, %v, want %q", key, got, ok, want)
		}
	}
	for _, key := range []string{"titel", "items.nom", "by_key.x.y"} {
		if got, ok := PathOf(doc{}, split(key)); ok {
			t.Errorf("PathOf(%q) = %q, want no path", key, got)
		}
	}
}

func split(key string) []string {
	var out []string
	start := 0
	for i := range len(key) {
		if key[i] == '.' {
			out = append(out, key[start:i])
			start = i + 1
		}
	}
	return append(out, key[start:])
}
