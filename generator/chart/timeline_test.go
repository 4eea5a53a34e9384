package chart

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestTimeline(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	spans := []Span{
		{Label: "Sozialticket für den Stadtbus", Start: day("2024-09-01"), End: day("2025-12-31"), Class: "status-done", Note: "umgesetzt"},
		{Label: "Fortbildung <Führungskräfte> & mehr", Start: day("2025-01-01"), End: day("2026-06-30"), Class: "status-in_progress", Note: "in Arbeit, überfällig"},
	}
	year := strconv.Itoa
	for _, l := range []Layout{Narrow, Wide} {
		svg := Timeline(spans, day("2026-11-25"), "heute, 25. November 2026", l, year)
		// It is well-formed XML, with the markup of a label escaped.
		d := xml.NewDecoder(strings.NewReader(svg))
		bars, texts := 0, []string{}
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v\n%s", l.Name, err, svg)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				for _, a := range tok.Attr {
					if a.Name.Local == "class" && strings.HasPrefix(a.Value, "tl-bar ") {
						bars++
					}
				}
			case xml.CharData:
				texts = append(texts, string(tok))
			}
		}
		all := strings.Join(texts, "|")
		if bars != 2 {
			t.Errorf("%s: %d bars, want 2", l.Name, bars)
		}
		for _, want := range []string{"2024", "2026", "heute, 25. November 2026", "in Arbeit, überfällig", "Fortbildung <Führungskräfte> & mehr"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: no text %q in %q", l.Name, want, all)
			}
		}
		if !strings.Contains(svg, `aria-hidden="true"`) {
			t.Errorf("%s: the timeline is not hidden from assistive technology, which reads its table", l.Name)
		}
	}
	if Timeline(nil, day("2026-11-25"), "heute", Wide, year) != "" {
		t.Error("a timeline without spans is drawn")
	}
}
