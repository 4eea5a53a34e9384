package content

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkMarkdown converts the articles of a corpus directory given in
// OFFENBAR_CORPUS (for example one written by `go run ./generator corpus`),
// with the site's Markdown settings.
func BenchmarkMarkdown(b *testing.B) {
	dir := os.Getenv("OFFENBAR_CORPUS")
	if dir == "" {
		b.Skip("set OFFENBAR_CORPUS to a site directory")
	}
	paths, _ := filepath.Glob(filepath.Join(dir, "content/articles/*.md"))
	if len(paths) > 500 {
		paths = paths[:500]
	}
	var bodies [][]byte
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		_, body, _ := Split(p, src)
		bodies = append(bodies, body)
	}
	md := NewMarkdown(Options{Lang: "de"})
	b.ResetTimer()
	for b.Loop() {
		for _, body := range bodies {
			md.Render(body)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(bodies)), "µs/doc")
}
