package selfcheck

import (
	"os"
	"testing"

	"offenbar/generator/sitetest"
)

func loadBase(t *testing.T) *Model {
	t.Helper()
	b, err := os.ReadFile("../testdata/base.txtar")
	if err != nil {
		t.Fatal(err)
	}
	m, errs := Load(sitetest.Parse(b).FS())
	if errs.HasErrors() {
		t.Fatalf("base site has errors: %v", errs.Err())
	}
	return m
}

func TestLoadOrdersRoundsAndLinksThem(t *testing.T) {
	m := loadBase(t)
	if len(m.Rounds) != 2 || m.Rounds[0].ID != "2021" || m.Latest().ID != "2024" {
		t.Fatalf("rounds = %v", m.Rounds)
	}
	if m.Latest().Prev != m.Rounds[0] || m.Rounds[0].Prev != nil {
		t.Error("rounds are not linked to their predecessors")
	}
	in := m.Instrument
	if len(in.Questions) != 4 || in.Question("Z-2").TopicRef.Slug != "wohnen" || in.Field("zugang").Index != 1 {
		t.Error("instrument not linked up")
	}
	a := m.Rounds[0].Answers["Z-2"]
	if a.Points != 1 || a.Comment != "Zu wenige." || !m.Rounds[0].Answers["S-2"].Skipped {
		t.Errorf("answers not decoded: %+v", a)
	}
}

func TestScores(t *testing.T) {
	m := loadBase(t)
	in := m.Instrument
	r21, r24 := m.Rounds[0], m.Latest()
	steuerung := in.Field("steuerung").Questions

	// 2021: S-1 = 0, S-2 skipped: one answered question at 0 of 2 points.
	s := r21.Score(in, steuerung)
	if p, ok := s.Percent(); !ok || p != 0 || s.Answered != 1 || s.Skipped != 1 {
		t.Errorf("2021 steuerung = %+v", s)
	}
	// 2024: S-1 = 2, S-2 = 1: 3 of 4 points.
	if p, _ := r24.Score(in, steuerung).Percent(); p != 75 {
		t.Errorf("2024 steuerung = %v, want 75", p)
	}
	// Total 2024: 2+1+1+0 = 4 of 8.
	if got := r24.Total(in).Rounded(); got != 50 {
		t.Errorf("2024 total = %d, want 50", got)
	}
	if got := r24.Distribution(in, in.Questions); len(got) != 4 || got[0] != 1 || got[1] != 2 || got[2] != 1 || got[3] != 0 {
		t.Errorf("distribution = %v, want [1 2 1 0]", got)
	}
	for id, want := range map[string]Change{"S-1": Better, "S-2": NowAnswered, "Z-1": Same, "Z-2": Worse} {
		if got := r24.Compare(r21, in.Question(id)); got != want {
			t.Errorf("change of %s = %v, want %v", id, got, want)
		}
	}
	if got := r21.Compare(nil, in.Question("S-1")); got != New {
		t.Errorf("change without a previous round = %v, want New", got)
	}
}

func TestScoreOnScaleNotStartingAtZero(t *testing.T) {
	// A 1–5 scale: all answers 1 is 0 %, all answers 5 is 100 %, 3 is 50 %.
	s := Score{Answered: 2, Points: 6, Min: 1, Max: 5}
	if p, _ := s.Percent(); p != 50 {
		t.Errorf("percent = %v, want 50", p)
	}
	if (Score{Min: 0, Max: 3}).Rounded() != -1 {
		t.Error("a score without answers must have no value")
	}
}
