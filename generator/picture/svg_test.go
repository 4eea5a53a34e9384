package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">`

// svgCases are drawings and attacks, with the text the error must hold ("" to
// pass) and the line it must name.
var svgCases = []struct {
	src, want string
	line      int
}{
	{svgOpen + `<circle r="4"/><use href="#a"/><use xlink:href="#b"/></svg>`, "", 0},
	{svgOpen + `<defs><linearGradient id="v"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
<rect fill="url(#v)" style="stroke: url('#v'); stroke-width: calc(1px + 2px) /* dick */" transform="rotate(45)"/>
<style><![CDATA[ .a { fill: rgb(0, 0, 0); font-family: "Source Sans" } ]]></style></svg>`, "", 0},
	{svgOpen + `<script>alert(1)</script></svg>`, "<script>", 1},
	{svgOpen + "\n" + `<rect onclick="alert(1)"/></svg>`, "event handler", 2},
	{svgOpen + `<image href="https://cdn.example/x.png"/></svg>`, "<image>", 1},
	{svgOpen + "\n\n" + `<use href="https://cdn.example/x.svg#a"/></svg>`, "refers to", 3},
	{svgOpen + `<style>@import url(https://x.example/a.css);</style></svg>`, "elsewhere", 1},
	{svgOpen + `<rect style="fill:url(http://x.example/#p)"/></svg>`, "elsewhere", 1},
	{`<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>`, "entities", 1},
	{`<svg><foreignObject><div/></foreignObject></svg>`, "foreignObject", 1},
	{`<html><body/></html>`, "not an SVG", 1},
	{`<svg><rect></svg>`, "not well-formed", 1},
	// Issue 19: each of these passed the denylist.
	{svgOpen + "\n" + `<a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>`, "<a>", 2},
	{svgOpen + "\n" + `<animate attributeName="href" values="javascript:alert(1)"/></svg>`, "<animate>", 2},
	{svgOpen + "\n" + `<set attributeName="href" to="javascript:alert(1)"/></svg>`, "<set>", 2},
	{svgOpen + "\n<style>\nrect {\n  fill: url<!-- -->(https://x.example/p);\n}\n</style></svg>", "elsewhere", 4},
	{svgOpen + `<style>rect { fill: url(/**/https://x.example/p) }</style></svg>`, "elsewhere", 1},
	{svgOpen + `<rect style="fill: image-set(&quot;https://x.example/a.png&quot; 1x)"/></svg>`, `"image-set("`, 1},
	{svgOpen + "\n" + `<style>rect { fill: u\72l(https://x.example/p) }</style></svg>`, "backslash", 2},
	{svgOpen + `<rect style="fill: u\72l(https://x.example/p)"/></svg>`, "backslash", 1},
	{svgOpen + "\n\n" + `<rect filter="url(https://x.example/f.svg#f)"/></svg>`, "elsewhere", 3},
	{svgOpen + "\n" + `<x:form xmlns:x="http://www.w3.org/1999/xhtml" action="https://x.example"><x:input/></x:form></svg>`, `"http://www.w3.org/1999/xhtml"`, 2},
	{svgOpen + `<metadata><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script></metadata></svg>`, "namespace", 1},
	// Further ways around a denylist.
	{svgOpen + `<feImage href="https://x.example/a.png"/></svg>`, "<feImage>", 1},
	{svgOpen + `<rect style="background-image: url(#a)"/></svg>`, `"background-image"`, 1},
	{svgOpen + `<style>@font-face { src: url(#a) }</style></svg>`, `"@font-face"`, 1},
	{svgOpen + `<rect xml:base="https://x.example/"/></svg>`, "xml:base=", 1},
	{svgOpen + `<rect fill="expression(alert(1))"/></svg>`, `"expression("`, 1},
	{svgOpen + `<rect cursor="url(https://x.example/c.cur)"/></svg>`, "cursor=", 1},
	{`<?xml-stylesheet href="https://x.example/a.css"?>` + svgOpen + `</svg>`, "stylesheet", 1},
	{svgOpen + `<use href=" javascript:alert(1)"/></svg>`, "refers to", 1},
	{svgOpen + `<rect style="fill: var(--x)"/></svg>`, `"var("`, 1},
	{svgOpen + `<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" style="background: url(https://x.example/p)"/></metadata></svg>`, "elsewhere", 1},
	{svgOpen + `<g xmlns:i="http://www.inkscape.org/namespaces/inkscape" i:label="url(https://x.example/p)"/></svg>`, "elsewhere", 1},
}

func TestCheckSVG(t *testing.T) {
	for _, c := range svgCases {
		err := CheckSVG([]byte(c.src))
		if c.want == "" {
			if err != nil {
				t.Errorf("%s:\ngot %v, want no error", c.src, err)
			}
			continue
		}
		var pe *Error
		if err == nil || !strings.Contains(err.Error(), c.want) || !errors.As(err, &pe) || pe.Line != c.line {
			line := 0
			if pe != nil {
				line = pe.Line
			}
			t.Errorf("%s:\ngot %v at line %d, want %q at line %d", c.src, err, line, c.want, c.line)
		}
	}
}

// TestCheckSVGPassesDrawings checks the drawings of the templates and of
// the example site, and one as Inkscape saves it.
func TestCheckSVGPassesDrawings(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../templates/assets/*.svg", "../../content/*/*.svg", "../../content/*/*/*.svg", "../../content/*/*/*/*.svg"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no SVG files found")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckSVG(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	inkscape := `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg5"
   inkscape:version="1.2.2 (b0a8486541, 2022-12-01)" sodipodi:docname="karte.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" inkscape:zoom="0.7" />
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:title>Karte</dc:title>
    <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/" /></cc:Work></rdf:RDF></metadata>
  <defs id="defs2" />
  <g inkscape:label="Ebene 1" inkscape:groupmode="layer" id="layer1">
    <rect style="fill:#1d5f95;fill-opacity:1;stroke:none;stroke-width:0.264583" id="rect1" width="50" height="40" x="20" y="30" />
    <text xml:space="preserve" style="font-size:10.5833px;line-height:1.25;font-family:sans-serif;-inkscape-font-specification:'sans-serif, Normal'" x="20" y="90"><tspan sodipodi:role="line" x="20" y="90">Rathaus</tspan></text>
  </g>
</svg>`
	if err := CheckSVG([]byte(inkscape)); err != nil {
		t.Errorf("an Inkscape drawing: %v", err)
	}
}

// FuzzCheckSVG asserts that what CheckSVG accepts holds nothing outside
// the allowlist, checked here by a walk of its own.
func FuzzCheckSVG(f *testing.F) {
	for _, c := range svgCases {
		f.Add([]byte(c.src))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if CheckSVG(src) != nil {
			return
		}
		d := xml.NewDecoder(bytes.NewReader(src))
		d.Strict = true
		inStyle := false
		var style strings.Builder
		for {
			tok, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("accepted a file that is not well-formed: %v\n%q", err, src)
			}
			switch tok := tok.(type) {
			case xml.ProcInst:
				if tok.Target != "xml" {
					t.Fatalf("accepted <?%s?>\n%q", tok.Target, src)
				}
			case xml.Directive:
				if bytes.Contains(tok, []byte("[")) {
					t.Fatalf("accepted an internal DTD subset\n%q", src)
				}
			case xml.StartElement:
				foreign := slices.Contains(ForeignNamespaces, tok.Name.Space)
				if !foreign && (!isSVG(tok.Name.Space) || !slices.Contains(SVGElements, tok.Name.Local)) {
					t.Fatalf("accepted element %v\n%q", tok.Name, src)
				}
				inStyle = tok.Name.Local == "style" && !foreign
				for _, a := range tok.Attr {
					v := strings.ToLower(a.Value)
					if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") && a.Name.Space != "xmlns" {
						t.Fatalf("accepted event handler %v\n%q", a.Name, src)
					}
					if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "#") {
						t.Fatalf("accepted href %q\n%q", a.Value, src)
					}
					if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
						if !fragmentURLsOnly(blankComments(v)) {
							t.Fatalf("accepted %s=%q\n%q", a.Name.Local, a.Value, src)
						}
						if !foreign && !slices.Contains(ForeignNamespaces, a.Name.Space) && strings.Contains(v, `\`) {
							t.Fatalf("accepted %s=%q\n%q", a.Name.Local, a.Value, src)
						}
					}
				}
			case xml.CharData:
				if inStyle {
					style.Write(tok)
				}
			case xml.EndElement:
				inStyle = false
			}
		}
		css := strings.ToLower(blankComments(style.String()))
		if strings.ContainsAny(css, `@\`) || !fragmentURLsOnly(css) {
			t.Fatalf("accepted the styles %q\n%q", css, src)
		}
	})
}

// fragmentURLsOnly reports whether every url( in css refers to a #fragment.
func fragmentURLsOnly(css string) bool {
	for {
		i := strings.Index(css, "url(")
		if i < 0 {
			return true
		}
		css = strings.TrimLeft(css[i+4:], " \t\n\r\"'")
		if !strings.HasPrefix(css, "#") {
			return false
		}
	}
}
