package conformance

import (
	"os"
	"testing"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/site"
)

// buildExample builds the example site in memory, as on a fixed day.
func buildExample(t *testing.T) *site.Output {
	t.Helper()
	runtime := site.FindRuntime("../..")
	if runtime == nil {
		t.Fatal("the chart runtime is not installed: run npm ci")
	}
	out, errs := site.Build(os.DirFS("../.."), site.Options{
		Runtime:    runtime,
		Visibility: content.Visibility{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
	})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	return out
}
