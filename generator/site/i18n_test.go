package site

import (
	"os"
	"slices"
	"testing"

	"offenbar/generator/diag"
)

// TestLanguagesHaveTheSameTexts makes sure no language lacks a text that
// another one has.
func TestLanguagesHaveTheSameTexts(t *testing.T) {
	tfs := os.DirFS("../../templates")
	langs := map[string]*Lang{}
	for _, code := range []string{"de", "en"} {
		l, errs := loadLang(tfs, "templates", code)
		if errs.HasErrors() {
			t.Fatal(errs.Err())
		}
		langs[code] = l
	}
	keys := func(m map[string]string) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	de, en := langs["de"], langs["en"]
	if !slices.Equal(keys(de.Text), keys(en.Text)) || !slices.Equal(keys(de.Status), keys(en.Status)) {
		t.Errorf("de and en differ in their keys")
	}
	_ = diag.Pos{}
}
