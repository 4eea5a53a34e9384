package picture

import (
	"slices"
	"strings"
)

// CSSProperties are the CSS properties that an SVG drawing may set, in
// style attributes and <style> elements.
var CSSProperties = []string{
	"-inkscape-font-specification", "-inkscape-stroke", "alignment-baseline",
	"baseline-shift", "clip", "clip-path", "clip-rule", "color", "color-interpolation",
	"color-interpolation-filters", "color-rendering", "direction", "display",
	"dominant-baseline", "enable-background", "fill", "fill-opacity", "fill-rule",
	"filter", "flood-color", "flood-opacity", "font", "font-family",
	"font-feature-settings", "font-kerning", "font-size", "font-size-adjust",
	"font-stretch", "font-style", "font-variant", "font-variant-caps",
	"font-variant-east-asian", "font-variant-ligatures", "font-variant-numeric",
	"font-variation-settings", "font-weight", "image-rendering", "inline-size",
	"isolation", "letter-spacing", "lighting-color", "line-height", "marker",
	"marker-end", "marker-mid", "marker-start", "mask", "mask-type", "mix-blend-mode",
	"opacity", "overflow", "paint-order", "shape-inside", "shape-padding",
	"shape-rendering", "solid-color", "solid-opacity", "stop-color", "stop-opacity",
	"stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
	"stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
	"text-align", "text-anchor", "text-decoration", "text-decoration-color",
	"text-decoration-line", "text-decoration-style", "text-indent", "text-orientation",
	"text-rendering", "text-transform", "transform", "transform-box",
	"transform-origin", "unicode-bidi", "vector-effect", "visibility", "white-space",
	"word-spacing", "writing-mode",
}

// CSSFunctions are the CSS functions a drawing may call, besides url() to
// a #fragment of the same file.
var CSSFunctions = []string{
	"blur", "brightness", "calc", "clamp", "contrast", "drop-shadow", "grayscale",
	"hsl", "hsla", "hue-rotate", "hwb", "invert", "lab", "lch", "matrix", "max", "min",
	"oklab", "oklch", "opacity", "rgb", "rgba", "rotate", "saturate", "scale", "scalex",
	"scaley", "sepia", "skewx", "skewy", "translate", "translatex", "translatey",
}

// checkStyle checks the text of a <style> element: rules of selectors and
// declarations, without at-rules.
func (c *svgChecker) checkStyle() error {
	var b strings.Builder
	for _, ch := range c.style {
		b.WriteString(ch.text)
	}
	css := blankComments(b.String())
	// at is the byte offset in the file of the line of css[i]: decoding
	// keeps newlines, so counting them in a chunk's text finds the line.
	at := func(i int) int64 {
		for _, ch := range c.style {
			if i < len(ch.text) {
				return c.afterNewlines(ch.offset, strings.Count(ch.text[:i], "\n"))
			}
			i -= len(ch.text)
		}
		return c.style[len(c.style)-1].offset
	}
	if i := strings.IndexByte(css, '\\'); i >= 0 {
		return c.line(at(i), cssProblem(`\`))
	}
	for i := 0; i < len(css); {
		j := strings.IndexAny(css[i:], "@{}")
		if j < 0 {
			j = len(css) - i
		}
		// Selectors hold no function but those of values.
		if bad, k := cssValue(css[i : i+j]); bad != "" {
			return c.line(at(i+k), cssProblem(bad))
		}
		i += j
		if i == len(css) {
			return nil
		}
		switch css[i] {
		case '@':
			k := i + 1
			for k < len(css) && (css[k] == '-' || isIdent(css[k])) {
				k++
			}
			if strings.EqualFold(css[i:k], "@import") {
				return c.problemAt(at(i), "the file's styles load something from elsewhere (url() or @import); remove it")
			}
			return c.line(at(i), cssProblem(css[i:k]))
		case '{':
			end := strings.IndexByte(css[i:], '}')
			if end < 0 {
				end = len(css) - i
			}
			if err := c.checkBlock(css[i+1:i+end], func(k int) int64 { return at(i + 1 + k) }); err != nil {
				return err
			}
			i += end + 1
		default:
			i++
		}
	}
	return nil
}

// afterNewlines is the offset in the file after the n-th newline from off.
func (c *svgChecker) afterNewlines(off int64, n int) int64 {
	for ; n > 0 && int(off) < len(c.src); off++ {
		if c.src[off] == '\n' {
			n--
		}
	}
	return off
}

// checkDeclarations checks a style attribute at offset off.
func (c *svgChecker) checkDeclarations(decls string, off int64) error {
	decls = blankComments(decls)
	if strings.ContainsRune(decls, '\\') {
		return c.line(off, cssProblem(`\`))
	}
	return c.checkBlock(decls, func(int) int64 { return off })
}

// checkBlock checks declarations such as "fill: red; stroke: url(#a)".
func (c *svgChecker) checkBlock(block string, at func(int) int64) error {
	i := 0
	for decl := range strings.SplitSeq(block, ";") {
		start := i
		i += len(decl) + 1
		if strings.TrimSpace(decl) == "" {
			continue
		}
		prop, value, ok := strings.Cut(decl, ":")
		prop = strings.ToLower(strings.TrimSpace(prop))
		if !ok || !slices.Contains(CSSProperties, prop) {
			return c.problemAt(at(start), "the file's styles set %q, which a drawing does not need; remove it", prop)
		}
		if bad, k := cssValue(value); bad != "" {
			return c.line(at(start+strings.IndexByte(decl, ':')+1+k), cssProblem(bad))
		}
	}
	return nil
}

// cssValue returns the first part of a CSS value that a drawing may not
// hold, such as "image-set(" or url(https://…), and its index; "" when
// there is none.
func cssValue(v string) (string, int) {
	v = blankComments(v)
	if i := strings.IndexByte(v, '\\'); i >= 0 {
		return `\`, i
	}
	for i := 0; i < len(v); i++ {
		if v[i] != '(' {
			continue
		}
		k := i
		for k > 0 && (isIdent(v[k-1]) || v[k-1] == '-') {
			k--
		}
		name := strings.ToLower(v[k:i])
		if name == "url" {
			arg, _, _ := strings.Cut(v[i+1:], ")")
			ref := strings.Trim(strings.TrimSpace(arg), `"'`)
			if !isFragment(ref) {
				return "url(" + arg + ")", k
			}
			continue
		}
		if name != "" && !slices.Contains(CSSFunctions, name) {
			return name + "(", k
		}
	}
	return "", 0
}

func isIdent(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// blankComments replaces CSS comments by spaces, keeping every index; an
// unclosed comment runs to the end.
func blankComments(css string) string {
	if !strings.Contains(css, "/*") {
		return css
	}
	b := []byte(css)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == '/' && b[i+1] == '*' {
			end := strings.Index(string(b[i+2:]), "*/")
			stop := len(b)
			if end >= 0 {
				stop = i + 2 + end + 2
			}
			for k := i; k < stop; k++ {
				if b[k] != '\n' {
					b[k] = ' '
				}
			}
			i = stop - 1
		}
	}
	return string(b)
}

// cssProblem says what is wrong with a part of a CSS value.
func cssProblem(bad string) *Error {
	if bad == `\` {
		return problem("the file's styles contain a backslash, which a drawing does not need; remove it").(*Error)
	}
	if strings.HasPrefix(bad, "url(") {
		return problem("the file's styles load %q from elsewhere; remove it", bad).(*Error)
	}
	return problem("the file's styles contain %q, which a drawing does not need; remove it", bad).(*Error)
}
