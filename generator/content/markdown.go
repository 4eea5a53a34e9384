package content

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown renders Markdown to HTML. It is safe for concurrent use.
type Markdown struct {
	md    goldmark.Markdown
	cache *Cache
	salt  string // the options, so that a cache never mixes renderings
}

// Cache remembers rendered Markdown across builds, so that the preview
// converts only the documents that changed. It is safe for concurrent use.
// Entries are keyed by the source and the options it was rendered with, so
// a change of base path or language needs no new cache.
type Cache struct {
	m sync.Map // sha256 of the source -> template.HTML
}

// Options configure Markdown.
type Options struct {
	// BasePath is prefixed to site-relative links such as "/artikel/".
	BasePath string
	// AllowHTML renders raw HTML instead of leaving it out.
	AllowHTML bool
	// Lang selects typographic quotes: "de" gives „…“ and ‚…‘.
	Lang string
	// Cache, when set, keeps rendered documents between builds.
	Cache *Cache
	// Media, when set, resolves the images and documents of pages rendered
	// with RenderPage; MediaDigest changes whenever what it resolves to
	// does, so that a cache never keeps an image's old size.
	Media       Media
	MediaDigest string
}

// NewMarkdown returns a renderer.
func NewMarkdown(o Options) *Markdown {
	quotes := map[extension.TypographicPunctuation]string{}
	if o.Lang == "de" {
		quotes = map[extension.TypographicPunctuation]string{
			extension.LeftDoubleQuote:  "&bdquo;",
			extension.RightDoubleQuote: "&ldquo;",
			extension.LeftSingleQuote:  "&sbquo;",
			extension.RightSingleQuote: "&lsquo;",
			extension.Apostrophe:       "&rsquo;",
		}
	}
	var rOpts []renderer.Option
	if o.AllowHTML {
		rOpts = append(rOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			// GitHub Flavored Markdown, with table alignment as classes:
			// a style attribute would break the site's Content-Security-Policy.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)),
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
			extension.Footnote,
			extension.NewTypographer(extension.WithTypographicSubstitutions(quotes)),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(siteLinks{base: o.BasePath}, 100), util.Prioritized(alignClasses{}, 101), util.Prioritized(mediaTransformer{o.Media}, 102)),
		),
		goldmark.WithRendererOptions(append(rOpts, renderer.WithNodeRenderers(util.Prioritized(figureRenderer{}, 500)))...),
	)
	return &Markdown{md: md, cache: o.Cache, salt: fmt.Sprintf("%q %v %q %q\n", o.BasePath, o.AllowHTML, o.Lang, o.MediaDigest)}
}

// Render converts src to HTML.
func (m *Markdown) Render(src []byte) template.HTML { return m.render(src, "") }

func (m *Markdown) render(src []byte, page string) template.HTML {
	var key [sha256.Size]byte
	if m.cache != nil {
		h := sha256.New()
		h.Write([]byte(m.salt))
		fmt.Fprintf(h, "%q\n", page)
		h.Write(src)
		h.Sum(key[:0])
		if h, ok := m.cache.m.Load(key); ok {
			return h.(template.HTML)
		}
	}
	if errs := CheckMarkdown("", src); errs.HasErrors() {
		// Loading refuses such documents with their position; text from
		// elsewhere, such as a TOML value, is shown as it is rather than
		// letting goldmark take minutes over it.
		return template.HTML("<p>" + template.HTMLEscapeString(string(src)) + "</p>")
	}
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4 + 64) // HTML is a little longer than its Markdown
	var opts []parser.ParseOption
	if page != "" {
		pc := parser.NewContext()
		pc.Set(pageKey, page)
		opts = append(opts, parser.WithContext(pc))
	}
	// Rendering into a buffer cannot fail.
	_ = m.md.Convert(src, &buf, opts...)
	h := template.HTML(buf.String())
	if m.cache != nil {
		m.cache.m.Store(key, h)
	}
	return h
}

// RenderString is Render for text from TOML values.
func (m *Markdown) RenderString(src string) template.HTML {
	return m.Render([]byte(src))
}

// siteLinks prefixes site-relative link and image destinations with the base
// path, so that content written for "/" works below a sub-path.
type siteLinks struct{ base string }

func (t siteLinks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	if t.base == "" || t.base == "/" {
		return
	}

	fix := func(dest []byte) []byte {
		s := string(dest)
		if strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//") {
			return []byte(t.base + strings.TrimPrefix(s, "/"))
		}
		return dest
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			n.Destination = fix(n.Destination)
		case *ast.Image:
			n.Destination = fix(n.Destination)
		}
		return ast.WalkContinue, nil
	})
}

// alignClasses marks aligned table cells with a class such as
// "align-right", which site.css styles.
type alignClasses struct{}

func (alignClasses) Transform(doc *ast.Document, r text.Reader, _ parser.Context) {
	if !bytes.Contains(r.Source(), []byte("|")) {
		return // no table, nothing to walk
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*east.TableCell); ok {
			if entering && c.Alignment != east.AlignNone {
				c.SetAttributeString("class", []byte("align-"+c.Alignment.String()))
			}
			return ast.WalkSkipChildren, nil
		}
		if n.Type() == ast.TypeBlock && n.Kind() != east.KindTable && n.Kind() != east.KindTableRow && n.Kind() != east.KindTableHeader && !containsBlocks(n) {
			return ast.WalkSkipChildren, nil // a paragraph or heading: only inline content below
		}
		return ast.WalkContinue, nil
	})
}

// containsBlocks reports whether n's children are blocks, such as those of
// a list or a block quote, which may hold a table.
func containsBlocks(n ast.Node) bool {
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeBlock
}

// Link is a link or image destination found in Markdown, with the byte
// offset of its text in the source. An image has its alternative text and
// title.
type Link struct {
	Dest   string
	Offset int
	Image  bool
	Alt    string
	Title  string
}

// Links lists the links and images of src, after site-relative links got
// their base path, in source order.
func (m *Markdown) Links(src []byte) []Link {
	if errs := CheckMarkdown("", src); errs.HasErrors() {
		return nil // too costly to parse; see render
	}
	doc := m.md.Parser().Parse(text.NewReader(src))
	var links []Link
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Link:
			links = append(links, Link{Dest: string(l.Destination), Offset: offset(n, src)})
		case *ast.Image:
			links = append(links, Link{Dest: string(l.Destination), Offset: offset(n, src), Image: true, Alt: plainText(l, src), Title: string(l.Title)})
		}
		return ast.WalkContinue, nil
	})
	return links
}

// plainText is the text inside n, as an alt attribute shows it.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// offset finds where a link starts: the "[" before its text when the text
// has a position, else the start of its block.
func offset(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			start := t.Segment.Start
			for start > 0 && src[start-1] != '[' && start > t.Segment.Start-3 {
				start--
			}
			if start > 0 && src[start-1] == '[' {
				start--
			}
			if n.Kind() == ast.KindImage && start > 0 && src[start-1] == '!' {
				start--
			}
			return start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
