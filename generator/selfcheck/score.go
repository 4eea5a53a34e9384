package selfcheck

import "math"

// Score sums the answers to a set of questions.
type Score struct {
	Answered int // questions with points
	Skipped  int // questions skipped
	Points   int // sum of the points of answered questions
	Min, Max int // scale bounds per question
}

// Percent is the share of possible points reached, from 0 to 100, and false
// when nothing was answered.
func (s Score) Percent() (float64, bool) {
	if s.Answered == 0 || s.Max == s.Min {
		return 0, false
	}
	span := float64(s.Answered * (s.Max - s.Min))
	return 100 * float64(s.Points-s.Answered*s.Min) / span, true
}

// Rounded is Percent rounded to a whole number, for display; -1 when nothing
// was answered.
func (s Score) Rounded() int {
	p, ok := s.Percent()
	if !ok {
		return -1
	}
	return int(math.Round(p))
}

// Score sums r's answers to qs.
func (r *Round) Score(in *Instrument, qs []*Question) Score {
	s := Score{Min: in.MinPoints(), Max: in.MaxPoints()}
	for _, q := range qs {
		a := r.Answers[q.ID]
		switch {
		case a == nil:
		case a.Skipped:
			s.Skipped++
		default:
			s.Answered++
			s.Points += a.Points
		}
	}
	return s
}

// Total sums r's answers to every question.
func (r *Round) Total(in *Instrument) Score { return r.Score(in, in.Questions) }

// Distribution counts r's answers to qs per scale option, in scale order,
// followed by the number of skipped questions.
func (r *Round) Distribution(in *Instrument, qs []*Question) []int {
	counts := make([]int, len(in.Scale)+1)
	for _, q := range qs {
		a := r.Answers[q.ID]
		if a == nil {
			continue
		}
		if a.Skipped {
			counts[len(in.Scale)]++
			continue
		}
		for i, o := range in.Scale {
			if o.Points == a.Points {
				counts[i]++
			}
		}
	}
	return counts
}

// Change is how an answer moved from one round to the next.
type Change int

// The kinds of change.
const (
	Same Change = iota
	Better
	Worse
	NowAnswered // skipped before, answered now
	NowSkipped  // answered before, skipped now
	New         // not asked before
)

// Compare classifies the change of question q from prev to r.
func (r *Round) Compare(prev *Round, q *Question) Change {
	a := r.Answers[q.ID]
	var b *Answer
	if prev != nil {
		b = prev.Answers[q.ID]
	}
	switch {
	case a == nil:
		return Same
	case b == nil:
		return New
	case b.Skipped && a.Skipped:
		return Same
	case b.Skipped:
		return NowAnswered
	case a.Skipped:
		return NowSkipped
	case a.Points > b.Points:
		return Better
	case a.Points < b.Points:
		return Worse
	}
	return Same
}
