package scaffold

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"offenbar/generator/event"
	"offenbar/generator/tomldoc"
)

// TestEventHasEveryKey: new event promises every key an event may have,
// set or as a comment, so that an editor finds status, report and the
// rest without the reference.
func TestEventHasEveryKey(t *testing.T) {
	_, b, err := Event("Runder Tisch", time.Date(2027, 3, 10, 0, 0, 0, 0, time.UTC), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, group := range []struct {
		table string
		keys  []string
	}{
		{"", tomldoc.Keys(event.Front{})},
		{"location", tomldoc.Keys(event.Location{})},
		{"registration", tomldoc.Keys(event.Registration{})},
		{"accessibility", tomldoc.Keys(event.Accessibility{})},
	} {
		for _, k := range group.keys {
			if k == "location" || k == "registration" || k == "accessibility" {
				k = `\[` + k + `\]`
			}
			if !regexp.MustCompile(`(?m)^(# )?` + k + `(\s|$)`).Match(b) {
				t.Errorf("the new event lacks %s (table %q):\n%s", k, group.table, b)
			}
		}
	}
}

// TestStarterMenuSections: the starter site.toml shows how to add the
// sections that exist only once there is content for them, the events and
// the measures, to the menu; an editor does not find their paths elsewhere
// in the file.
func TestStarterMenuSections(t *testing.T) {
	b, err := os.ReadFile("starter/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{"/termine/", "/massnahmen/"} {
		if !strings.Contains(string(b), "# url = \""+url+"\"") {
			t.Errorf("starter/site.toml does not show the menu entry for %s", url)
		}
	}
}
