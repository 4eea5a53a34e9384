// Package chart draws series of numbers: as SVG at build time (SVG), which
// every page shows without a script, and as ECharts options built with
// go-echarts (Options), which site.js draws when a visitor asks for the
// interactive version. It does no I/O and knows nothing about the
// self-check: callers pass a Data value, and the same value also fills the
// chart's HTML table, so that chart, interactive chart and table cannot
// disagree.
//
// The options are JSON for a <script type="application/json"> block. JSON
// encoding escapes <, > and &, so a label such as "</script>" cannot end the
// block.
package chart

import (
	"encoding/json"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Data is what a chart shows: one value per category for each series.
type Data struct {
	Categories []string
	Series     []Series
	Max        float64 // the axis maximum; 0 lets ECharts choose
	Unit       string  // appended to values in tables, such as "%"
}

// Series is one named row of values. NaN means "no value".
type Series struct {
	Name   string
	Values []float64
}

// Style is the presentation shared by all charts of a site.
type Style struct {
	Palette     []string
	Description string // the chart's one-sentence summary, read by screen readers
}

// Kind names a chart type.
type Kind string

// The chart kinds.
const (
	Radar Kind = "radar"
	Bar   Kind = "bar"  // horizontal bars, one group per category
	Line  Kind = "line" // one point per category, such as rounds
)

// Options returns the ECharts options for d as JSON.
func Options(kind Kind, d Data, s Style) ([]byte, error) {
	var obj map[string]any
	switch kind {
	case Radar:
		obj = radar(d)
	case Bar:
		obj = bar(d)
	default:
		obj = line(d)
	}
	obj["color"] = s.Palette
	obj["aria"] = map[string]any{
		"enabled": true,
		"label":   map[string]any{"enabled": true, "description": s.Description},
		"decal":   map[string]any{"show": true},
	}
	// The runtime bundles no toolbox and no title: the page shows the title.
	delete(obj, "toolbox")
	delete(obj, "title")
	// Tooltips are drawn inside the chart's own SVG (richText), not as HTML
	// with style attributes, which the Content-Security-Policy would block.
	trigger := "axis"
	if kind == Radar {
		trigger = "item"
	}
	obj["tooltip"] = map[string]any{"show": true, "trigger": trigger, "renderMode": "richText"}
	return json.Marshal(obj)
}

func value(v float64) any {
	if math.IsNaN(v) {
		return "-"
	}
	return v
}

func radar(d Data) map[string]any {
	c := charts.NewRadar()
	var ind []*opts.Indicator
	for _, name := range d.Categories {
		ind = append(ind, &opts.Indicator{Name: name, Max: float32(d.Max)})
	}
	c.SetGlobalOptions(append(common(),
		charts.WithRadarComponentOpts(opts.RadarComponent{Indicator: ind, SplitNumber: 4, Shape: "polygon", Center: []string{"50%", "50%"}}),
	)...)
	for _, ser := range d.Series {
		vals := make([]any, len(ser.Values))
		for i, v := range ser.Values {
			vals[i] = value(v)
		}
		c.AddSeries(ser.Name, []opts.RadarData{{Name: ser.Name, Value: vals}},
			charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.15)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 2}),
		)
	}
	c.Validate()
	return c.JSON()
}

func bar(d Data) map[string]any {
	c := charts.NewBar()
	c.SetGlobalOptions(append(common(),
		grid("2%"),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Max: maxOrNil(d.Max)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)...)
	c.SetXAxis(d.Categories)
	for _, ser := range d.Series {
		var vals []opts.BarData
		for _, v := range ser.Values {
			vals = append(vals, opts.BarData{Value: value(v)})
		}
		c.AddSeries(ser.Name, vals)
	}
	c.XYReversal()
	c.Validate()
	return c.JSON()
}

func line(d Data) map[string]any {
	c := charts.NewLine()
	c.SetGlobalOptions(append(common(),
		grid("8%"),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Min: 0, Max: maxOrNil(d.Max)}),
	)...)
	c.SetXAxis(d.Categories)
	symbols := []string{"circle", "rect", "triangle", "diamond"}
	for i, ser := range d.Series {
		var vals []opts.LineData
		for _, v := range ser.Values {
			vals = append(vals, opts.LineData{Value: value(v)})
		}
		c.AddSeries(ser.Name, vals,
			charts.WithLineChartOpts(opts.LineChart{Symbol: symbols[i%len(symbols)], SymbolSize: 10, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Width: 3, Type: []string{"solid", "dashed", "dotted"}[i%3]}),
			charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "top"}),
		)
	}
	c.Validate()
	return c.JSON()
}

// common are the options of every chart: a fixed ID, so that output does
// not change from build to build, and the legend below the chart.
func common() []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: "chart"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
	}
}

// grid places the plot, leaving room for the legend and the axis labels.
func grid(top string) charts.GlobalOpts {
	return charts.WithGridOpts(opts.Grid{Left: "3%", Right: "4%", Top: top, Bottom: "40", ContainLabel: opts.Bool(true)})
}

func maxOrNil(m float64) any {
	if m == 0 {
		return nil
	}
	return m
}
