package tomldoc

import (
	"strings"
	"testing"
)

type testDoc struct {
	Title  string         `toml:"title"`
	Count  int            `toml:"count"`
	Date   Date           `toml:"date"`
	Items  []testItem     `toml:"items"`
	Extras map[string]any `toml:"extras"`
}

type testItem struct {
	ID string `toml:"id"`
}

func TestDecodeReportsAllProblems(t *testing.T) {
	src := "titel = \"x\"\ncount = \"drei\"\ndate = \"17.05.2024\"\n[[items]]\nid = 1\n[[items]]\nidd = \"b\"\n"
	var v testDoc
	_, errs := Decode("a.toml", []byte(src), 0, &v)
	var got []string
	for _, p := range errs.Problems() {
		got = append(got, p.String())
	}
	want := []string{
		`a.toml:1:1: unknown key "titel", want one of: count, date, extras, items, title`,
		`a.toml:2:9: "count" must be an integer, not a string`,
		`a.toml:3:8: "date": invalid date "17.05.2024", want a date such as 2024-05-17 or 2024-05-17T09:30:00+02:00`,
		`a.toml:5:6: "items[0].id" must be a string, not an integer`,
		`a.toml:7:1: unknown key "idd", want one of: id`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDecodeSyntaxErrorPosition(t *testing.T) {
	var v testDoc
	_, errs := Decode("b.toml", []byte("title = \"ok\"\ncount = = 3\n"), 10, &v)
	ps := errs.Problems()
	if len(ps) != 1 || ps[0].Pos.Line != 12 || !strings.Contains(ps[0].Msg, "invalid TOML") {
		t.Fatalf("got %v", ps)
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	var v testDoc
	_, errs := Decode("c.toml", []byte("title = \"a\xffb\"\n"), 0, &v)
	ps := errs.Problems()
	if len(ps) != 1 || ps[0].String() != `c.toml:1:11: invalid UTF-8 byte 0xff ("ÿ" in Windows-1252): save the file as UTF-8` {
		t.Fatalf("got %v", ps)
	}
}

func TestDecodeDates(t *testing.T) {
	var v testDoc
	_, errs := Decode("d.toml", []byte("date = 2024-05-17\n"), 0, &v)
	if errs.HasErrors() || v.Date.ISO() != "2024-05-17" || v.Date.HasClock {
		t.Fatalf("got %v %v", v.Date, errs.Problems())
	}
}

// TestSyntaxMistakes: the mistakes editors make most are said in words of
// the message catalogue, at the place the parser stops.
func TestSyntaxMistakes(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"title = \"Sommerfest\ndate = 2024-06-01\n", `1:20: invalid TOML: a text in quotes does not end on its line: close it with ", or write a text of several lines between """ and """`},
		{"title = Sommerfest\n", `1:9: invalid TOML: a value is missing, or a text lacks its quotes, such as title = "Sommerfest"; found "Sommerfest"`},
		{"title = \"A\"\ntitle = \"B\"\n", `2:1: invalid TOML: the key "title" is given twice; keep one of them`},
		{"title = \"A\" \"B\"\n", `1:12: invalid TOML: the line goes on after its value with '"'; give each key a line of its own, and put texts in quotes`},
		{"summary = \"\"\"\nText\n", `invalid TOML: the file ends in the middle of a value: a quote, a bracket or """ is not closed`},
		{"date = 17.05.2025\n", `1:8: invalid TOML: 17.05.2025 is a date in the German order, day.month.year: write year-month-day without quotes, here 2025-05-17`},
		{"date = 17.05.25\n", `write dates as year-month-day without quotes, such as 2024-05-17`},
		{"date = 2026-02-30\n", `1:8: "2026-02-30" is no date: month 02 of 2026 has days 01 to 28; write a day that exists, such as 2026-02-28`},
		{"date = 2024-02-30T10:00:00+01:00\n", `1:8: "2024-02-30T10:00:00+01:00" is no date: month 02 of 2024 has days 01 to 29; write a day that exists, such as 2024-02-29`},
		{"date = 2026-13-01\n", `1:8: "2026-13-01" is no date: the month is 13, want 01 to 12; write year-month-day, such as 2024-05-17`},
		{"date = 2026-2-3\n", `1:8: "2026-2-3" is no date: write year-month-day with 4, 2 and 2 digits, such as 2024-05-17, or a date and time, such as 2024-05-17T09:30:00+02:00`},
		{"date = \"2026-04-31\"\n", `1:8: "date": "2026-04-31" is no date: month 04 of 2026 has days 01 to 30; write a day that exists, such as 2026-04-30`},
	} {
		var v struct {
			Title   string `toml:"title"`
			Date    Date   `toml:"date"`
			Summary string `toml:"summary"`
		}
		_, errs := Decode("x.toml", []byte(tc.src), 0, &v)
		ps := errs.Problems()
		if len(ps) != 1 || !strings.Contains(ps[0].String(), tc.want) {
			t.Errorf("%q: got %v, want one problem with %q", tc.src, ps, tc.want)
		}
	}
}
