package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
)

// CheckSVG reports why an SVG file must not be published, or nil. An SVG is
// a document that can run script and load from other hosts, and a static
// host cannot always send the Content-Security-Policy that would stop it.
// So the site publishes only drawings, checked against an allowlist:
//
//   - elements: shapes, text, groups, gradients, patterns, clip paths,
//     masks, markers and filters (SVGElements), and the inert metadata that
//     Inkscape writes (ForeignNamespaces); no script, animation, link,
//     embedded image or document, and no element in another namespace,
//     such as XHTML;
//   - attributes: geometry, presentation and accessibility (SVGAttributes),
//     and href only to a #fragment of the same file;
//   - CSS, in style attributes and <style>: only the properties of
//     CSSProperties, no at-rule, no escape, no function but the drawing
//     ones (CSSFunctions), and url() only to a #fragment;
//   - no entity declaration and no processing instruction but <?xml?>.
//
// The Error says the line of the first thing outside the allowlist.
func CheckSVG(src []byte) error {
	c := svgChecker{src: src, d: xml.NewDecoder(bytes.NewReader(src))}
	c.d.Strict = true
	return c.run()
}

type svgChecker struct {
	src    []byte
	d      *xml.Decoder
	stack  []xml.Name
	style  []styleChunk // text of the open <style> element
	inText bool
}

type styleChunk struct {
	text   string
	offset int64
}

// problemAt makes an Error at the line of the byte offset off.
func (c *svgChecker) problemAt(off int64, format string, args ...any) error {
	return c.line(off, problem(format, args...).(*Error))
}

// line gives e the line of the byte offset off.
func (c *svgChecker) line(off int64, e *Error) error {
	e.Line = 1 + bytes.Count(c.src[:min(int(off), len(c.src))], []byte("\n"))
	return e
}

func (c *svgChecker) run() error {
	root := true
	for {
		off := c.d.InputOffset()
		tok, err := c.d.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return problem("the file holds no SVG element")
			}
			return nil
		}
		if err != nil {
			return c.problemAt(c.d.InputOffset(), "the file is not well-formed XML (%v); export it again", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) || bytes.Contains(t, []byte("[")) {
				return c.problemAt(off, "the file declares XML entities; export it again without a DOCTYPE")
			}
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				return c.problemAt(off, "the file loads a stylesheet; remove the <?xml-stylesheet?> line")
			}
			if t.Target != "xml" {
				return c.problemAt(off, "the file contains the processing instruction <?%s?>, which a drawing does not need; remove it", t.Target)
			}
		case xml.StartElement:
			if root && t.Name.Local != "svg" {
				return c.problemAt(off, "the file is <%s>, not an SVG image", t.Name.Local)
			}
			root = false
			if err := c.start(t, off); err != nil {
				return err
			}
			c.stack = append(c.stack, t.Name)
		case xml.EndElement:
			if t.Name.Local == "style" && isSVG(t.Name.Space) {
				if err := c.checkStyle(); err != nil {
					return err
				}
				c.style = nil
			}
			c.stack = c.stack[:len(c.stack)-1]
		case xml.CharData:
			if n := len(c.stack); n > 0 && c.stack[n-1].Local == "style" && isSVG(c.stack[n-1].Space) {
				// XML comments and CDATA sections split the text: CSS sees
				// it joined, so it is checked joined.
				c.style = append(c.style, styleChunk{string(t), off})
			}
		}
	}
}

// SVG is the namespace of SVG elements; an element without a namespace is
// taken for one, as in an SVG file without xmlns.
const SVG = "http://www.w3.org/2000/svg"

func isSVG(space string) bool { return space == SVG || space == "" }

// ForeignNamespaces hold the metadata that drawing programs write, which
// browsers neither show nor run.
var ForeignNamespaces = []string{
	"http://www.inkscape.org/namespaces/inkscape",
	"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
	"http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"http://creativecommons.org/ns#",
	"http://purl.org/dc/elements/1.1/",
	"http://purl.org/dc/terms/",
}

// SVGElements are the SVG elements a drawing may use.
var SVGElements = []string{
	"circle", "clipPath", "defs", "desc", "ellipse", "feBlend", "feColorMatrix",
	"feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
	"feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
	"feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feMerge", "feMergeNode",
	"feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight",
	"feTile", "feTurbulence", "filter", "g", "line", "linearGradient", "marker",
	"mask", "metadata", "path", "pattern", "polygon", "polyline", "radialGradient",
	"rect", "stop", "style", "svg", "symbol", "text", "textPath", "title", "tspan", "use",
}

// SVGAttributes are the attributes, without namespace, that a drawing may
// use; href and xlink:href are allowed to a #fragment besides.
var SVGAttributes = []string{
	"alignment-baseline", "amplitude", "aria-describedby", "aria-hidden", "aria-label",
	"aria-labelledby", "azimuth", "baseFrequency", "baseline-shift", "baseProfile", "bias",
	"class", "clip", "clip-path", "clip-rule", "clipPathUnits", "color",
	"color-interpolation", "color-interpolation-filters", "cx", "cy", "d",
	"diffuseConstant", "direction", "display", "divisor", "dominant-baseline", "dx", "dy",
	"edgeMode", "elevation", "enable-background", "exponent", "fill", "fill-opacity",
	"fill-rule", "filter", "filterUnits", "flood-color", "flood-opacity", "focusable",
	"font-family", "font-size", "font-size-adjust", "font-stretch", "font-style",
	"font-variant", "font-weight", "fr", "fx", "fy", "gradientTransform", "gradientUnits",
	"height", "id", "image-rendering", "in", "in2", "intercept", "isolation", "k1", "k2",
	"k3", "k4", "kernelMatrix", "kernelUnitLength", "lang", "lengthAdjust",
	"letter-spacing", "lighting-color", "limitingConeAngle", "marker-end", "marker-mid",
	"marker-start", "markerHeight", "markerUnits", "markerWidth", "mask",
	"maskContentUnits", "maskUnits", "method", "mix-blend-mode", "mode", "numOctaves",
	"offset", "opacity", "operator", "order", "orient", "overflow", "paint-order",
	"pathLength", "patternContentUnits", "patternTransform", "patternUnits", "points",
	"pointsAtX", "pointsAtY", "pointsAtZ", "preserveAlpha", "preserveAspectRatio",
	"primitiveUnits", "r", "radius", "refX", "refY", "result", "role", "rotate", "rx",
	"ry", "scale", "seed", "shape-rendering", "side", "slope", "spacing",
	"specularConstant", "specularExponent", "spreadMethod", "startOffset",
	"stdDeviation", "stitchTiles", "stop-color", "stop-opacity", "stroke",
	"stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
	"stroke-miterlimit", "stroke-opacity", "stroke-width", "style", "surfaceScale",
	"tableValues", "targetX", "targetY", "text-anchor", "text-decoration",
	"text-rendering", "textLength", "transform", "transform-origin", "type",
	"unicode-bidi", "values", "vector-effect", "version", "viewBox", "visibility",
	"width", "word-spacing", "writing-mode", "x", "x1", "x2", "xChannelSelector", "y",
	"y1", "y2", "yChannelSelector", "z",
}

// cssValued are the attributes whose values are CSS values, checked as
// those of a style attribute are.
var cssValued = []string{
	"clip-path", "fill", "filter", "marker-end", "marker-mid", "marker-start", "mask",
	"stroke", "style", "transform",
}

const (
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

func (c *svgChecker) start(t xml.StartElement, off int64) error {
	end := c.d.InputOffset()
	tag := c.src[off:end]
	name := t.Name.Local
	foreign := slices.Contains(ForeignNamespaces, t.Name.Space)
	switch {
	case foreign:
	case !isSVG(t.Name.Space):
		return c.problemAt(off, "the file contains a <%s> element in the namespace %q, which a drawing does not need; export it as a plain drawing", name, t.Name.Space)
	case !slices.Contains(SVGElements, name):
		return c.problemAt(off, "the file contains a <%s> element; export it as a plain drawing", name)
	}
	for _, a := range t.Attr {
		k, v := a.Name.Local, a.Value
		// The attribute's own line, as far as the tag shows it.
		aoff := off
		if i := bytes.Index(tag, []byte(k+"=")); i >= 0 {
			aoff += int64(i)
		}
		switch {
		case a.Name.Space == "xmlns" || a.Name.Space == "" && k == "xmlns":
			continue // a namespace declaration
		case strings.HasPrefix(strings.ToLower(k), "on"):
			return c.problemAt(aoff, "the file contains an event handler %s=; export it as a plain drawing", k)
		case k == "href" && (a.Name.Space == "" || a.Name.Space == xlinkNS):
			if !isFragment(strings.TrimSpace(v)) {
				return c.problemAt(aoff, "the file refers to %q; an image on this site may only refer to parts of itself", v)
			}
			continue
		case a.Name.Space == xmlNS && (k == "space" || k == "lang"):
			continue
		case slices.Contains(ForeignNamespaces, a.Name.Space) || foreign && a.Name.Space == "":
			// Metadata, such as inkscape:label or id on <rdf:RDF>: inert,
			// but it loads nothing either.
			if bad := foreignURL(v); bad != "" {
				return c.line(aoff, cssProblem(bad))
			}
			continue
		case a.Name.Space != "" || !slices.Contains(SVGAttributes, k):
			return c.problemAt(aoff, "the file contains the attribute %s= on <%s>, which a drawing does not need; export it as a plain drawing", attrName(a.Name), name)
		}
		if k == "style" {
			if err := c.checkDeclarations(v, aoff); err != nil {
				return err
			}
		} else if slices.Contains(cssValued, k) {
			if bad, _ := cssValue(v); bad != "" {
				return c.line(aoff, cssProblem(bad))
			}
		}
	}
	return nil
}

// foreignURL returns the first url() of v that is not to a #fragment.
func foreignURL(v string) string {
	v = blankComments(v)
	for {
		i := strings.Index(strings.ToLower(v), "url(")
		if i < 0 {
			return ""
		}
		if bad, _ := cssValue(v[i:]); strings.HasPrefix(bad, "url(") {
			return bad
		}
		v = v[i+4:]
	}
}

func attrName(n xml.Name) string {
	switch n.Space {
	case "":
		return n.Local
	case xlinkNS:
		return "xlink:" + n.Local
	case xmlNS:
		return "xml:" + n.Local
	}
	return n.Space + ":" + n.Local
}

// isFragment reports whether ref is a reference such as "#verlauf".
func isFragment(ref string) bool {
	if !strings.HasPrefix(ref, "#") {
		return false
	}
	for _, r := range ref[1:] {
		if !(r == '-' || r == '_' || r == '.' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}
