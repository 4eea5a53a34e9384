package site

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"maps"
	"slices"
	"sync"
	"time"

	"offenbar/generator/content"
)

// PageCache keeps rendered pages between builds of the preview, so that a
// save renders only the pages that depend on what changed. A page is reused
// when its key is the same as last time. The key of an article or page
// covers the whole site except the other documents, plus its own source;
// the key of every other page covers the whole site except the bodies of
// articles and pages. So a change to one article's text renders just that
// article again; a change to its title also renders the lists that show it.
type PageCache struct {
	mu       sync.Mutex
	pages    map[string]cachedPage
	rendered int // pages rendered rather than reused, since the cache began
}

type cachedPage struct {
	key  [sha256.Size]byte
	html []byte
}

func (c *PageCache) get(path string, key [sha256.Size]byte) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[path]
	return p.html, ok && p.key == key
}

func (c *PageCache) put(path string, key [sha256.Size]byte, html []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.pages == nil {
		c.pages = map[string]cachedPage{}
	}
	c.rendered++
	c.pages[path] = cachedPage{key: key, html: html}
}

// siteKeys hashes what every page depends on (global), and in addition the
// front matter of every published document (lists).
func (s *Site) siteKeys() (global, lists []byte) {
	h := sha256.New()
	write := func(label string, b []byte) { fmt.Fprintf(h, "%s %d\n", label, len(b)); h.Write(b) }
	write("templates", s.tmpl.hash)
	write("lang", s.Lang.src)
	write("config", s.Config.Doc.Src)
	fmt.Fprintf(h, "visibility %v %v\n", s.opts.Visibility.Drafts, s.opts.Visibility.Future)
	if s.Model != nil {
		write("instrument", s.Model.Instrument.Doc.Src)
		for _, r := range s.Model.Rounds {
			write("round "+r.ID, r.Doc.Src)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.assets)) {
		write("asset "+name, s.assets[name])
	}
	write("runtime", s.opts.Runtime)
	write("media", []byte(s.mediaDigest))
	// Measures show on their own pages, the home page and the field pages,
	// and what they say depends on the day.
	fmt.Fprintf(h, "today %s\n", s.today().Format(time.DateOnly))
	for _, m := range s.Measures {
		write("measure "+m.Path, m.Meta.Src)
		write("body", m.Body)
		for _, code := range slices.Sorted(maps.Keys(m.Translations)) {
			tr := m.Translations[code]
			write("translation "+tr.Path, tr.Meta.Src)
			write("body", tr.Body)
		}
	}
	// Events show on the home page, on their fields' and rounds' pages
	// and in lists; whether one is over changes with the clock.
	for _, e := range s.Root().Events {
		write("event "+e.Path, e.Meta.Src)
		write("body", e.Body)
		fmt.Fprintf(h, "past %v\n", e.Past(s.opts.Visibility.Now))
		for _, code := range slices.Sorted(maps.Keys(e.Translations)) {
			tr := e.Translations[code]
			write("translation "+tr.Path, tr.Meta.Src)
			write("body", tr.Body)
		}
	}
	global = h.Sum(nil)
	for _, d := range s.Docs {
		writeDoc(h, d, false)
	}
	return global, h.Sum(nil)
}

func writeDoc(h hash.Hash, d *content.Doc, body bool) {
	fmt.Fprintf(h, "doc %s %v %d\n", d.Path, d.Draft, len(d.Meta.Src))
	h.Write(d.Meta.Src)
	if body {
		// A translation's page also says whether the original changed
		// since: Hash is the original's.
		fmt.Fprintf(h, "hash %s\n", d.Hash)
		fmt.Fprintf(h, "body %d\n", len(d.Body))
		h.Write(d.Body)
	}
}

// pageKey is the cache key of p.
func (s *Site) pageKey(p *Page, global, lists []byte) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s %s\n", p.Kind, p.Path)
	if (p.Kind == "article" || p.Kind == "page") && p.Doc != nil {
		h.Write(global)
		writeDoc(h, p.Doc.Doc, true)
	} else {
		h.Write(lists)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}
