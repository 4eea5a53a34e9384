package site

import (
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLanguagesHaveTheSameTexts makes sure no language lacks a text that
// German, the authoritative language, has, and has none that German lacks.
func TestLanguagesHaveTheSameTexts(t *testing.T) {
	tfs := os.DirFS("../../templates")
	files, _ := fs.Glob(tfs, "i18n/*.toml")
	if len(files) < 2 {
		t.Fatalf("UI texts for %d languages", len(files))
	}
	de, errs := loadLang(tfs, "templates", "de")
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	for _, f := range files {
		code := strings.TrimSuffix(strings.TrimPrefix(f, "i18n/"), ".toml")
		l, errs := loadLang(tfs, "templates", code)
		if errs.HasErrors() {
			t.Fatal(errs.Err())
		}
		if !slices.Equal(slices.Sorted(maps.Keys(l.Text)), slices.Sorted(maps.Keys(de.Text))) || !slices.Equal(slices.Sorted(maps.Keys(l.Status)), slices.Sorted(maps.Keys(de.Status))) {
			t.Errorf("%s and de differ in their keys", code)
		}
	}
}

// langFile is a minimal UI text file with one plural text.
func langFile(code, plural string) fstest.MapFS {
	return fstest.MapFS{"i18n/" + code + ".toml": {Data: []byte(`months = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
date_format = "{day}.{month}.{year}"
[paths]
fields = "f"
rounds = "r"
articles = "a"
data = "d"
method = "m"
search = "s"
measures = "mm"
page = "p"
events = "e"
[text]
title = "x"
[text.skipped_count]
` + plural)}}
}

// TestPluralForms: every language gets its own CLDR plural forms, chosen
// by the count: 1, 2, 5 and 11 skipped questions in Arabic and Ukrainian.
func TestPluralForms(t *testing.T) {
	for _, c := range []struct {
		code, forms string
		want        map[int]string
	}{
		{"ar", `zero = "لم يتم تخطي أي سؤال"
one = "تم تخطي سؤال واحد"
two = "تم تخطي سؤالين"
few = "تم تخطي {0} أسئلة"
many = "تم تخطي {0} سؤالًا"
other = "تم تخطي {0} سؤال"`, map[int]string{0: "لم يتم تخطي أي سؤال", 1: "تم تخطي سؤال واحد", 2: "تم تخطي سؤالين", 5: "تم تخطي ٥ أسئلة", 11: "تم تخطي ١١ سؤالًا", 100: "تم تخطي ١٠٠ سؤال"}},
		{"uk", `one = "{0} питання пропущено"
few = "{0} питання пропущено"
many = "{0} питань пропущено"
other = "{0} питання пропущено"`, map[int]string{1: "1 питання пропущено", 2: "2 питання пропущено", 5: "5 питань пропущено", 11: "11 питань пропущено", 21: "21 питання пропущено"}},
		{"de", `one = "{0} Frage übersprungen"
other = "{0} Fragen übersprungen"`, map[int]string{1: "1 Frage übersprungen", 2: "2 Fragen übersprungen", 5: "5 Fragen übersprungen", 11: "11 Fragen übersprungen"}},
	} {
		l, errs := loadLang(langFile(c.code, c.forms), "templates", c.code)
		if errs.HasErrors() {
			t.Fatalf("%s: %v", c.code, errs.Err())
		}
		for n, want := range c.want {
			got, err := l.Tf("skipped_count", n)
			if err != nil || got != want {
				t.Errorf("%s, %d: %q (%v), want %q", c.code, n, got, err, want)
			}
		}
	}
}

// TestPluralFormsRequired: a text that lacks a form its language needs is
// an error at its key.
func TestPluralFormsRequired(t *testing.T) {
	_, errs := loadLang(langFile("uk", `one = "{0} питання"
other = "{0} питання"`), "templates", "uk")
	want := `templates/i18n/uk.toml:15:1: text "skipped_count" lacks the plural forms few, many that uk needs`
	if got := errs.Err(); got == nil || got.Error() != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
}

// TestBuiltinCounts: the built-in texts that count questions or fields say
// "1 Frage", not "1 Fragen", and so do the messages of the commands.
func TestBuiltinCounts(t *testing.T) {
	for _, c := range []struct {
		code, key string
		args      []any
		want      string
	}{
		{"de", "field_answered", []any{1, 1, 0}, "1 von 1 Frage wurde beantwortet, 0 übersprungen."},
		{"de", "field_answered", []any{12, 10, 2}, "10 von 12 Fragen wurden beantwortet, 2 übersprungen."},
		{"en", "field_answered", []any{1, 1, 0}, "1 of 1 question was answered, 0 skipped."},
		{"ru", "field_answered", []any{1, 1, 0}, "Ответ дан на 1 из 1 вопроса, пропущено: 0."},
		{"ru", "field_answered", []any{5, 4, 1}, "Ответ дан на 4 из 5 вопросов, пропущено: 1."},
		{"uk", "field_answered", []any{21, 20, 1}, "Відповідь дано на 20 з 21 запитання, пропущено: 1."},
		{"de", "fields_lead", []any{1}, "Der Selbstcheck fragt in 1 Handlungsfeld, wie weltoffen die Kommune aufgestellt ist. Der Wert zeigt den Anteil der möglichen Punkte."},
		{"de", "chart_distribution_summary", []any{1, "2026", 1, "trifft zu"}, "In der Runde „2026“ wurde 1 von 1 Frage mit „trifft zu“ beantwortet, der häufigsten Antwort."},
		{"de", "chart_distribution_summary_tie", []any{12, "2026", 3, "kaum", "teilweise"}, "In der Runde „2026“ wurden je 3 von 12 Fragen mit „kaum“ und mit „teilweise“ beantwortet; keine Antwort wurde häufiger gegeben."},
		{"tr", "chart_distribution_summary", []any{12, "2026", 5, "evet"}, "“2026” turunda 12 sorudan 5 tanesi en sık yanıt olan “evet” ile yanıtlandı."},
		// A change says its unit, counted by its size, written with its sign.
		{"de", "delta_points", []any{1, "+1"}, "+1 Prozentpunkt"},
		{"de", "delta_points", []any{15, "−15"}, "−15 Prozentpunkte"},
		{"uk", "delta_points", []any{5, "+5"}, "+5 відсоткових пунктів"},
		{"ar", "delta_points", []any{3, "+٣"}, "+٣ نقاط مئوية"},
	} {
		l, err := BuiltinLang(c.code)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := l.Tf(c.key, c.args...); err != nil || got != c.want {
			t.Errorf("%s %s %v: %q (%v), want %q", c.code, c.key, c.args, got, err, c.want)
		}
	}
	de, _ := BuiltinLang("de")
	for n, want := range map[int]string{1: "%s: %d Antwort ändert sich:", 3: "%s: %d Antworten ändern sich:"} {
		if got, _ := de.Message("%s: %d answers change:", n); got != want {
			t.Errorf("message for %d: %q, want %q", n, got, want)
		}
	}
}
