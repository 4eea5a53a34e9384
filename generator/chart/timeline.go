package chart

import (
	"fmt"
	"strings"
	"time"
)

// Span is one row of a timeline: a measure from its first to its last day.
type Span struct {
	Label      string
	Start, End time.Time
	// Class names the bar's colour for the stylesheet, such as
	// "status-done"; Note is the text after the bar, such as its status,
	// and says in words what the colour shows.
	Class string
	Note  string
}

// Timeline draws spans as bars on a time axis, one row each with its label
// above the bar, the years as grid lines and a line at today labelled
// todayLabel. year writes a year's number in the page's digits. Like SVG,
// the image is decorative (aria-hidden): the page carries the same
// information as text and as a table. Time runs left to right in every
// language, as calendars in the languages of the site do.
func Timeline(spans []Span, today time.Time, todayLabel string, l Layout, year func(int) string) string {
	if len(spans) == 0 {
		return ""
	}
	c := &canvas{l: l, fs: float64(l.FontSize)}
	c.lh = c.fs * 1.25
	from, to := today, today
	for _, s := range spans {
		from = minTime(from, s.Start)
		to = maxTime(to, s.End)
	}
	first := time.Date(from.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(to.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	w := float64(l.Width)
	left, right := pad, w-pad
	x := func(t time.Time) float64 {
		return left + (right-left)*float64(t.Sub(first))/float64(last.Sub(first))
	}
	var b strings.Builder
	top := c.lh + 4
	y := top + 6
	bar := c.fs * 0.9
	var rows strings.Builder
	for _, s := range spans {
		lines := c.wrap(s.Label, w-2*pad)
		c.text(&rows, left, y+c.fs, "", "tl-label", lines)
		y += float64(len(lines))*c.lh + 4
		x0, x1 := x(s.Start), x(s.End.AddDate(0, 0, 1))
		fmt.Fprintf(&rows, `<rect class="tl-bar %s" x="%s" y="%s" width="%s" height="%s" rx="2"/>`, s.Class, num(x0), num(y), num(max(x1-x0, 3)), num(bar))
		if s.Note != "" {
			// The note stands after the bar, or before it when the bar
			// reaches the right edge.
			nx, anchor := x1+6, "start"
			if nx+c.textWidth(s.Note) > right {
				nx, anchor = x0-6, "end"
			}
			if anchor == "end" && nx-c.textWidth(s.Note) < left {
				nx, anchor = left, "start"
				y += bar + 4
			}
			c.text(&rows, nx, y+bar*0.85, anchor, "tl-note", []string{s.Note})
		}
		y += bar + c.lh*0.6
	}
	h := y + c.lh + 4
	fmt.Fprintf(&b, `<svg class="chart-svg chart-svg-%s timeline" viewBox="0 0 %d %s" width="%d" height="%s" font-size="%d" direction="ltr" aria-hidden="true" focusable="false">`,
		l.Name, l.Width, num(h), l.Width, num(h), l.FontSize)
	// Years: a grid line at each first of January, the number between.
	step := 1
	if n := last.Year() - first.Year(); float64(n)*c.textWidth("2000")*1.6 > right-left {
		step = 2
	}
	for yr := first.Year(); yr <= last.Year(); yr++ {
		gx := x(time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC))
		fmt.Fprintf(&b, `<path class="grid" d="M%s %sV%s"/>`, num(gx), num(top), num(h-c.lh-4))
		if yr < last.Year() && (yr-first.Year())%step == 0 {
			mid := x(time.Date(yr, 7, 1, 0, 0, 0, 0, time.UTC))
			c.text(&b, mid, c.fs, "middle", "axis", []string{year(yr)})
		}
	}
	// The line at today lies under the labels, so that they stay legible.
	tx := x(today)
	fmt.Fprintf(&b, `<path class="tl-today" stroke-width="2" stroke-dasharray="5 3" d="M%s %sV%s"/>`, num(tx), num(top), num(h-c.lh-2))
	b.WriteString(rows.String())
	anchor := "middle"
	switch {
	case tx-c.textWidth(todayLabel)/2 < left:
		anchor = "start"
	case tx+c.textWidth(todayLabel)/2 > right:
		anchor = "end"
	}
	c.text(&b, tx, h-4, anchor, "tl-today-label", []string{todayLabel})
	b.WriteString("</svg>")
	return b.String()
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
