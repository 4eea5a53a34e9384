package content

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Decorative is the alternative text that marks an image as decoration:
// ![-](ornament.png) is published with alt="" and screen readers skip it.
const Decorative = "-"

// Image is how a content image is published: in several widths, with its
// size, so that the layout does not jump while it loads.
type Image struct {
	Src           string // URL of the default file
	Srcset        string // "url 480w, url 960w, …"
	Sizes         string
	Width, Height int
}

// Media tells the renderer how a page's images and documents are
// published. page is the site path of the page, such as
// "/artikel/fest/"; dest is a destination as rendered.
type Media interface {
	Image(page, dest string) *Image
	// Document returns what a link to a document says about it, such as
	// "PDF, 2,4 MB", or "" for anything else.
	Document(page, dest string) string
	// Link returns the destination a link or image on page should have
	// instead of dest, or "" to keep it: a translation shown at another
	// address than its original needs its relative links made absolute.
	Link(page, dest string) string
}

var pageKey = parser.NewContextKey()

// RenderPage converts the Markdown of the page at the site path page, so
// that its images and document links can be resolved against it.
func (m *Markdown) RenderPage(src []byte, page string) template.HTML {
	return m.render(src, page)
}

// mediaTransformer gives images their widths, sizes and lazy loading, turns
// an image that stands alone with a title into a figure with a caption,
// empties the alternative text of decorative images, and adds type and size
// to links to documents. It only acts on pages rendered with RenderPage.
type mediaTransformer struct{ media Media }

func (t mediaTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	page, ok := pc.Get(pageKey).(string)
	if !ok || t.media == nil {
		return
	}
	src := reader.Source()
	first := true
	var figures []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			if plainText(n, src) == Decorative {
				n.RemoveChildren(n)
			}
			img := t.media.Image(page, string(n.Destination))
			if d := t.media.Link(page, string(n.Destination)); d != "" {
				n.Destination = []byte(d)
			}
			if img == nil {
				return ast.WalkSkipChildren, nil
			}
			n.Destination = []byte(img.Src)
			n.SetAttributeString("srcset", []byte(img.Srcset))
			n.SetAttributeString("sizes", []byte(img.Sizes))
			n.SetAttributeString("width", []byte(strconv.Itoa(img.Width)))
			n.SetAttributeString("height", []byte(strconv.Itoa(img.Height)))
			if !first {
				n.SetAttributeString("loading", []byte("lazy"))
			}
			n.SetAttributeString("decoding", []byte("async"))
			first = false
			if p, ok := n.Parent().(*ast.Paragraph); ok && len(n.Title) > 0 && alone(p, n, src) {
				figures = append(figures, p)
			}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if label := t.media.Document(page, string(n.Destination)); label != "" {
				n.AppendChild(n, ast.NewString([]byte(" ("+label+")")))
			}
			if d := t.media.Link(page, string(n.Destination)); d != "" {
				n.Destination = []byte(d)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, p := range figures {
		var img *ast.Image
		for c := p.FirstChild(); c != nil; c = c.NextSibling() {
			if i, ok := c.(*ast.Image); ok {
				img = i
			}
		}
		fig := &Figure{Caption: img.Title}
		img.Title = nil
		p.RemoveChild(p, img)
		fig.AppendChild(fig, img)
		p.Parent().ReplaceChild(p.Parent(), p, fig)
	}
}

// alone reports whether img is all that paragraph p holds, besides blanks.
func alone(p *ast.Paragraph, img *ast.Image, src []byte) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c == img {
			continue
		}
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
			continue
		}
		return false
	}
	return true
}

// KindFigure is the kind of a Figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is an image with a visible caption.
type Figure struct {
	ast.BaseBlock
	Caption []byte
}

// Kind implements ast.Node.
func (f *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (f *Figure) Dump(src []byte, level int) {
	ast.DumpHelper(f, src, level, map[string]string{"Caption": string(f.Caption)}, nil)
}

// figureRenderer writes a Figure as <figure> with a <figcaption>.
type figureRenderer struct{}

func (figureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindFigure, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<figure class=\"content-figure\">\n")
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("\n<figcaption>")
		html.DefaultWriter.Write(w, n.(*Figure).Caption)
		_, _ = w.WriteString("</figcaption>\n</figure>\n")
		return ast.WalkContinue, nil
	})
}
