package conformance

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/scaffold"
	"offenbar/generator/site"
	"offenbar/generator/sitetest"
)

// buildExample builds the example site in memory, as on a fixed day.
func buildExample(t *testing.T) *site.Output {
	t.Helper()
	return buildSite(t, os.DirFS("../.."))
}

// buildTown builds a town's site as init writes it, filled in, with the
// built-in theme.
func buildTown(t *testing.T) *site.Output {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if _, err := scaffold.Init(dir, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := sitetest.FillTown(dir); err != nil {
		t.Fatal(err)
	}
	return buildSite(t, os.DirFS(dir))
}

func buildSite(t *testing.T, src fs.FS) *site.Output {
	t.Helper()
	runtime := site.FindRuntime("../..")
	if runtime == nil {
		t.Fatal("the chart runtime is not installed: run npm ci")
	}
	out, errs := site.Build(src, site.Options{
		Runtime:    runtime,
		Visibility: content.Visibility{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
	})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	return out
}
