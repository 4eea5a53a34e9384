package content

import (
	"bytes"
	"html/template"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Markdown renders Markdown to HTML. It is safe for concurrent use.
type Markdown struct {
	md goldmark.Markdown
}

// Options configure Markdown.
type Options struct {
	// BasePath is prefixed to site-relative links such as "/artikel/".
	BasePath string
	// AllowHTML renders raw HTML instead of leaving it out.
	AllowHTML bool
	// Lang selects typographic quotes: "de" gives „…“ and ‚…‘.
	Lang string
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
			extension.GFM,
			extension.Footnote,
			extension.NewTypographer(extension.WithTypographicSubstitutions(quotes)),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(siteLinks{base: o.BasePath}, 100)),
		),
		goldmark.WithRendererOptions(rOpts...),
	)
	return &Markdown{md: md}
}

// Render converts src to HTML.
func (m *Markdown) Render(src []byte) template.HTML {
	var buf bytes.Buffer
	// Rendering into a buffer cannot fail.
	_ = m.md.Convert(src, &buf)
	return template.HTML(buf.String())
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
