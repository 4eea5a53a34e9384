package diag

import (
	"fmt"
	"slices"
	"testing"
)

func TestFill(t *testing.T) {
	for _, tc := range []struct {
		text string
		args []string
		want string
	}{
		{"Seite {0} von {1}", []string{"2", "7"}, "Seite 2 von 7"},
		{"{1} vor {0}, {1} nochmal", []string{"a", "b"}, "b vor a, b nochmal"},
		{"Runde „{0}“", []string{"{1}"}, "Runde „{1}“"},
		{"{10}", []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "zehn"}, "zehn"},
		{"{2} {x} {} { {", []string{"a"}, "{2} {x} {} { {"},
	} {
		if got := Fill(tc.text, tc.args); got != tc.want {
			t.Errorf("Fill(%q, %q) = %q, want %q", tc.text, tc.args, got, tc.want)
		}
	}
}

func TestMessageIn(t *testing.T) {
	de := map[string]string{
		"image %q (%s): %v":      "Bild %q (%s): %v",
		"the file is %s, not %s": "die Datei ist %s, nicht %s",
		"a PNG image":            "ein PNG-Bild",
		"%s is where %d px go":   "unter %[1]s landen %[2]d Pixel",
		"cannot read: %v":        "lässt sich nicht lesen: %v",
		"warning":                "Warnung",
	}
	tr := func(f string, _ int) (string, bool) { s, ok := de[f]; return s, ok }
	inner := Messagef("the file is %s, not %s", Messagef("a PNG image"), "JPEG")
	m := Messagef("image %q (%s): %v", "x.jpg", "a/x.jpg", inner)
	if got, want := m.In(tr), `Bild "x.jpg" (a/x.jpg): die Datei ist ein PNG-Bild, nicht JPEG`; got != want {
		t.Errorf("In = %q, want %q", got, want)
	}
	if got, want := m.In(nil), `image "x.jpg" (a/x.jpg): the file is a PNG image, not JPEG`; got != want {
		t.Errorf("In(nil) = %q, want %q", got, want)
	}
	// A message passed on whole keeps its format; an error that merely
	// wraps one with more text does not.
	var l List
	l.Errorf(Pos{Path: "a.md"}, "%v", inner)
	l.Warnf(Pos{Path: "b.md"}, "%v", fmt.Errorf("round 1: %w", inner))
	l.Translate(tr)
	ps := l.Problems()
	if got, want := ps[0].String(), "a.md: die Datei ist ein PNG-Bild, nicht JPEG"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := ps[1].String(), "b.md: Warnung: round 1: the file is a PNG image, not JPEG"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCountf: a message with a count is singular in English for 1 and
// plural otherwise; a translation chooses its form by the count, also when
// the message is passed on whole into a list.
func TestCountf(t *testing.T) {
	tr := func(f string, n int) (string, bool) {
		if f != "%s: %d answers change:" {
			return "", false
		}
		if n == 1 {
			return "%s: %d Antwort ändert sich:", true
		}
		return "%s: %d Antworten ändern sich:", true
	}
	for n, want := range map[int][2]string{
		0: {"r.toml: 0 answers change:", "r.toml: 0 Antworten ändern sich:"},
		1: {"r.toml: 1 answer changes:", "r.toml: 1 Antwort ändert sich:"},
		2: {"r.toml: 2 answers change:", "r.toml: 2 Antworten ändern sich:"},
	} {
		m := Countf(n, "%s: %d answer changes:", "%s: %d answers change:", "r.toml", n)
		if got := m.In(nil); got != want[0] || m.Error() != want[0] {
			t.Errorf("In(nil) = %q, Error() = %q, want %q", got, m.Error(), want[0])
		}
		if got := m.In(tr); got != want[1] {
			t.Errorf("In(tr) = %q, want %q", got, want[1])
		}
		var l List
		l.Warnf(Pos{Path: "a.md"}, "%v", m)
		l.Translate(tr)
		if got := l.Problems()[0].Msg; got != want[1] {
			t.Errorf("in a list: %q, want %q", got, want[1])
		}
	}
}

func TestVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   []string
	}{
		{"unknown key %q, want one of: %s", []string{"q", "s"}},
		{"%d%% of %.1f MB", []string{"d", "f"}},
		{"unter %[1]s landen %[2]d Pixel, %[1]s", []string{"ss", "d"}},
		{"%[2]d vor %[1]s", []string{"s", "d"}},
		{"U+%04X", []string{"X"}},
	} {
		if got := Verbs(tc.format); !slices.Equal(got, tc.want) {
			t.Errorf("Verbs(%q) = %q, want %q", tc.format, got, tc.want)
		}
	}
}

func TestShown(t *testing.T) {
	var l List
	for i := range 120 {
		l.Errorf(Pos{Path: "a.csv", Line: i + 1, Col: 1}, "bad row")
	}
	shown, rest := Shown(l.Problems())
	if len(shown) != MaxShown || rest != 70 || shown[0].Pos.Line != 1 || shown[49].Pos.Line != 50 {
		t.Errorf("shown %d, rest %d", len(shown), rest)
	}
	if shown, rest := Shown(l.Problems()[:3]); len(shown) != 3 || rest != 0 {
		t.Errorf("3 problems: shown %d, rest %d", len(shown), rest)
	}
}
