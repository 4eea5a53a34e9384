package site

import (
	"os"
	"testing"
	"time"

	"offenbar/generator/content"
)

// BenchmarkArticlePage measures rendering one article page, the page a
// large archive has most of; its Markdown is converted once beforehand.
func BenchmarkArticlePage(b *testing.B) {
	s, errs := Load(os.DirFS("../.."), Options{Runtime: []byte("rt"), Markdown: &content.Cache{}, Visibility: content.Visibility{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}})
	if errs.HasErrors() {
		b.Fatal(errs.Err())
	}
	v, err := s.buildViews()
	if err != nil {
		b.Fatal(err)
	}
	var page *Page
	for _, p := range s.pages(v) {
		if p.Kind == "article" {
			page = p
		}
	}
	page.Doc.HTML()
	for b.Loop() {
		if _, err := s.tmpl.execute(page.Kind, page); err != nil {
			b.Fatal(err)
		}
	}
}
