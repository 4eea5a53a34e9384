package diag

import "testing"

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
