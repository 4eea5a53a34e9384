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
