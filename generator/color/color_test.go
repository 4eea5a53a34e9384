package color

import (
	"math"
	"testing"
)

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#fff", "#ffffff", 1},
		{"#767676", "#ffffff", 4.54}, // the well-known lightest AA grey on white
	} {
		a, _ := Parse(c.a)
		b, _ := Parse(c.b)
		if got := Contrast(a, b); math.Abs(got-c.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
		}
	}
	if _, err := Parse("blue"); err == nil {
		t.Error("Parse accepted a colour name")
	}
}
