package chart

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"
)

func TestOptionsAreSafeAndDeterministic(t *testing.T) {
	d := Data{
		Categories: []string{"</script><script>alert(1)</script>", "B"},
		Series:     []Series{{Name: "2021", Values: []float64{40, math.NaN()}}, {Name: "2024", Values: []float64{55, 60}}},
		Max:        100,
	}
	for _, k := range []Kind{Radar, Bar, Line} {
		a, err := Options(k, d, Style{Palette: []string{"#1d5f95", "#a6410b"}, Description: "x"})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Options(k, d, Style{Palette: []string{"#1d5f95", "#a6410b"}, Description: "x"})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: options differ between runs", k)
		}
		if bytes.Contains(a, []byte("</script")) || bytes.Contains(a, []byte("<")) {
			t.Errorf("%s: options contain a raw '<': %s", k, a)
		}
		var obj map[string]any
		if err := json.Unmarshal(a, &obj); err != nil {
			t.Fatalf("%s: %v", k, err)
		}
		aria := obj["aria"].(map[string]any)
		if aria["decal"].(map[string]any)["show"] != true {
			t.Errorf("%s: decal patterns are off", k)
		}
	}
}
