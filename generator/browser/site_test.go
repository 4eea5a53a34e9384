package browser

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/publish"
	"offenbar/generator/site"
)

// serveExample builds the example site and serves it on 127.0.0.1.
func serveExample(t *testing.T) string {
	t.Helper()
	runtime := site.FindRuntime("../..")
	if runtime == nil {
		t.Fatal("echarts is not installed: run npm ci")
	}
	out, errs := site.Build(os.DirFS("../.."), site.Options{
		Runtime:    runtime,
		Visibility: content.Visibility{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
	})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Publish(dir, out.Files, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestChartsRender opens the pages with charts at phone and desktop width and
// checks that every chart was drawn, nothing came from another host and
// nothing was logged as an error. With OFFENBAR_SCREENSHOTS=DIR it saves
// screenshots there for a person to look at.
func TestChartsRender(t *testing.T) {
	b := New(t)
	base := serveExample(t)
	shots := os.Getenv("OFFENBAR_SCREENSHOTS")
	for _, width := range []int64{390, 1280} {
		p := b.Open(t, width, 900, true)
		for _, path := range []string{"/", "/handlungsfelder/fairer-zugang/", "/handlungsfelder/management-und-steuerung/", "/runden/2024/", "/artikel/zweite-runde/"} {
			v := p.Go(t, base+path)
			if f := Foreign(v.Requests, base); len(f) > 0 {
				t.Errorf("%s: requests to other hosts: %v", path, f)
			}
			if len(v.Console) > 0 {
				t.Errorf("%s at %d px: console: %v", path, width, v.Console)
			}
			var charts, drawn int
			p.Eval(t, `document.querySelectorAll("[data-chart]").length`, &charts)
			p.Eval(t, `Array.from(document.querySelectorAll("[data-chart]")).filter(el => !el.hidden && el.querySelector("svg path")).length`, &drawn)
			if drawn != charts {
				t.Errorf("%s at %d px: %d of %d charts drawn", path, width, drawn, charts)
			}
			if path != "/artikel/zweite-runde/" && charts == 0 {
				t.Errorf("%s: no charts", path)
			}
			if shots != "" {
				name := strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")
				if name == "" {
					name = "home"
				}
				os.WriteFile(filepath.Join(shots, name+"-"+itoa(width)+".png"), p.Screenshot(t), 0o644)
			}
		}
	}
}

// TestWithoutJavaScript loads pages with JavaScript off: the summaries and
// tables of all charts must be there, and the empty chart boxes hidden.
func TestWithoutJavaScript(t *testing.T) {
	b := New(t)
	base := serveExample(t)
	p := b.Open(t, 390, 900, false)
	for _, path := range []string{"/", "/handlungsfelder/fairer-zugang/", "/runden/2024/"} {
		p.Go(t, base+path)
		var figures, tables, summaries, visibleCanvas int
		p.Eval(t, `document.querySelectorAll("figure.chart").length`, &figures)
		p.Eval(t, `Array.from(document.querySelectorAll("figure.chart table")).filter(t => t.offsetHeight > 0 && t.rows.length > 1).length`, &tables)
		p.Eval(t, `Array.from(document.querySelectorAll("figure.chart .chart-summary")).filter(s => s.offsetHeight > 0 && s.textContent.length > 20).length`, &summaries)
		p.Eval(t, `Array.from(document.querySelectorAll("[data-chart]")).filter(el => el.offsetHeight > 0).length`, &visibleCanvas)
		if figures == 0 || tables != figures || summaries != figures {
			t.Errorf("%s: %d charts, %d visible tables, %d visible summaries", path, figures, tables, summaries)
		}
		if visibleCanvas != 0 {
			t.Errorf("%s: %d empty chart boxes shown without JavaScript", path, visibleCanvas)
		}
	}
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
