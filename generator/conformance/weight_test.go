package conformance

import (
	"bytes"
	"compress/gzip"
	"regexp"
	"strings"
	"testing"

	"offenbar/generator/site"
)

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

var (
	resourceRE = regexp.MustCompile(`(?:src|href)="/((?:assets)/[^"?]+)`)
	runtimeRE  = regexp.MustCompile(`src="[^"]*` + regexp.QuoteMeta(site.RuntimeName))
)

// TestPageWeight prints what a first visit to the main pages transfers,
// gzipped: the HTML and every script, stylesheet and icon it loads. It
// asserts the budget of 150 KB for pages with charts, and that no page loads
// the chart runtime on its own: charts are SVG, and only a visitor who asks
// for the interactive version fetches ECharts (TestChartsRender checks that
// in the browser).
func TestPageWeight(t *testing.T) {
	out := buildExample(t)
	for _, page := range []string{"index.html", "handlungsfelder/fairer-zugang/index.html", "runden/2024/index.html", "artikel/zweite-runde/index.html", "artikel/index.html", "massnahmen/index.html", "massnahmen/sozialticket/index.html", "termine/index.html", "termine/2027-02-25-dialogforum/index.html"} {
		html := out.Files[page]
		total := gzipSize(html)
		parts := []string{"html " + itoa(gzipSize(html))}
		for _, m := range resourceRE.FindAllSubmatch(html, -1) {
			name := string(m[1])
			b, ok := out.Files[name]
			if !ok {
				t.Errorf("%s loads %s, which was not built", page, name)
				continue
			}
			total += gzipSize(b)
			parts = append(parts, strings.TrimPrefix(name, "assets/")+" "+itoa(gzipSize(b)))
		}
		t.Logf("%-42s %7d bytes gzipped (%s)", page, total, strings.Join(parts, ", "))
		charts := bytes.Contains(html, []byte("data-chart="))
		if !charts && bytes.Contains(html, []byte(site.RuntimeName)) {
			t.Errorf("%s has no charts but names the chart runtime", page)
		}
		if runtimeRE.Match(html) {
			t.Errorf("%s loads the chart runtime on its first visit", page)
		}
		if total > 150_000 {
			t.Errorf("%s transfers %d bytes gzipped, more than the budget of 150,000", page, total)
		}
	}
}

func itoa(n int) string {
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}
