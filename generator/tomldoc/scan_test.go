package tomldoc

import "testing"

func TestScan(t *testing.T) {
	src := "\ufefftitle = \"Ä B\" # comment\r\n" +
		"tags = [\n  \"a\",\n  'b', ]\n" +
		"text = \"\"\"\nx = 1\n[fake]\n\"\"\"\n" +
		"[[fields]]\nslug = \"m\"\n[[fields.topics]]\nslug = \"t1\"\n[[fields.topics]]\nslug = \"t2\"\n" +
		"[[fields]]\nslug = \"n\"\n" +
		"[answers]\n\"MS-01\" = 2\nMS-02 = { points = 1, comment = \"ü\" }\n"
	ix := Scan([]byte(src))
	for path, want := range map[string]Loc{
		"title":                    {1, 1},
		"tags":                     {2, 1},
		"text":                     {5, 1},
		"fields[0]":                {9, 1},
		"fields[0].slug":           {10, 1},
		"fields[0].topics[1].slug": {14, 1},
		"fields[1].slug":           {16, 1},
		"answers.MS-01":            {18, 1},
		"answers.MS-02.comment":    {19, 23},
	} {
		if got, ok := ix.Key(path); !ok || got != want {
			t.Errorf("Key(%q) = %v, %v; want %v", path, got, ok, want)
		}
	}
	for path, want := range map[string]Loc{
		"title":                 {1, 9},
		"tags[1]":               {4, 3},
		"answers.MS-02.points":  {19, 20},
		"answers.MS-02.comment": {19, 33},
	} {
		if got, ok := ix.Value(path); !ok || got != want {
			t.Errorf("Value(%q) = %v, %v; want %v", path, got, ok, want)
		}
	}
	if _, ok := ix.Key("fake"); ok {
		t.Error("a header inside a multi-line string was indexed")
	}
}
