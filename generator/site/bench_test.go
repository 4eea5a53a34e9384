package site

import (
	"os"
	"strconv"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/corpus"
	"offenbar/generator/picture"
)

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusErr  error
)

// benchSite writes a corpus of 1,000 articles once per test binary.
func benchSite(b *testing.B) (string, Options) {
	corpusOnce.Do(func() {
		corpusDir, corpusErr = os.MkdirTemp("", "offenbar-bench-")
		if corpusErr == nil {
			corpusErr = corpus.Generate("../..", corpusDir, 1000, 1)
		}
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpusDir, Options{Runtime: []byte("/* runtime */"), Visibility: content.Visibility{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
}

// BenchmarkLoad measures reading and checking 1,000 articles and the
// self-check.
func BenchmarkLoad(b *testing.B) {
	dir, opts := benchSite(b)
	src := os.DirFS(dir)
	for b.Loop() {
		if _, errs := Load(src, opts); errs.HasErrors() {
			b.Fatal(errs.Err())
		}
	}
}

// BenchmarkRender measures rendering every page of a loaded site.
func BenchmarkRender(b *testing.B) {
	dir, opts := benchSite(b)
	s, errs := Load(os.DirFS(dir), opts)
	if errs.HasErrors() {
		b.Fatal(errs.Err())
	}
	for b.Loop() {
		if _, errs := s.Render(); errs.HasErrors() {
			b.Fatal(errs.Err())
		}
	}
}

// BenchmarkBuild measures load and render together, in memory.
func BenchmarkBuild(b *testing.B) {
	dir, opts := benchSite(b)
	src := os.DirFS(dir)
	for b.Loop() {
		if _, errs := Build(src, opts); errs.HasErrors() {
			b.Fatal(errs.Err())
		}
	}
}

// BenchmarkExample measures building the example site in memory with its
// photos from the cache on disk, as every build after the first does.
func BenchmarkExample(b *testing.B) {
	src := os.DirFS("../..")
	opts := Options{Runtime: []byte("/* runtime */"), Visibility: content.Visibility{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
	dir := b.TempDir()
	opts.Images = &picture.Cache{Dir: dir}
	if _, errs := Build(src, opts); errs.HasErrors() {
		b.Fatal(errs.Err())
	}
	for b.Loop() {
		// A new process starts with an empty memory cache: read the disk.
		opts.Images = &picture.Cache{Dir: dir}
		if _, errs := Build(src, opts); errs.HasErrors() {
			b.Fatal(errs.Err())
		}
	}
}

// BenchmarkExampleCold measures building the example site with every photo
// resized anew, as the first build on a new machine does.
func BenchmarkExampleCold(b *testing.B) {
	src := os.DirFS("../..")
	opts := Options{Runtime: []byte("/* runtime */"), Visibility: content.Visibility{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
	for b.Loop() {
		if _, errs := Build(src, opts); errs.HasErrors() {
			b.Fatal(errs.Err())
		}
	}
}

// BenchmarkExampleRebuild measures what the preview does after an editor
// saved one article: a build with the preview's caches, in which only the
// changed page is rendered again.
func BenchmarkExampleRebuild(b *testing.B) {
	src := exampleFS(b)
	opts := Options{Runtime: []byte("/* runtime */"), Markdown: &content.Cache{}, Pages: &PageCache{}, Images: &picture.Cache{}, Visibility: content.Visibility{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}}
	if _, errs := Build(src, opts); errs.HasErrors() {
		b.Fatal(errs.Err())
	}
	const name = "content/articles/2024-09-16-fest-der-kulturen/index.md"
	orig := src[name].Data
	i := 0
	for b.Loop() {
		i++
		src[name] = &fstest.MapFile{Data: append(append([]byte{}, orig...), []byte("\nNachtrag "+strconv.Itoa(i)+".\n")...)}
		if _, errs := Build(src, opts); errs.HasErrors() {
			b.Fatal(errs.Err())
		}
	}
}
