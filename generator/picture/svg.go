package picture

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
)

// CheckSVG reports why an SVG file must not be published, or nil. An SVG is
// a document that can run script and load from other hosts; the site
// publishes only drawings: no script, no event handlers, no embedded
// documents, no entity declarations, and no reference that is not an
// anchor inside the file itself.
func CheckSVG(src []byte) error {
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	root := true
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if root {
				return problem("the file holds no SVG element")
			}
			return nil
		}
		if err != nil {
			return problem("the file is not well-formed XML (%v); export it again", err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				return problem("the file declares XML entities; export it again without a DOCTYPE")
			}
		case xml.ProcInst:
			if t.Target == "xml-stylesheet" {
				return problem("the file loads a stylesheet; remove the <?xml-stylesheet?> line")
			}
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if root && name != "svg" {
				return problem("the file is <%s>, not an SVG image", t.Name.Local)
			}
			root = false
			switch name {
			case "script", "foreignobject", "iframe", "object", "embed", "audio", "video", "handler", "listener":
				return problem("the file contains a <%s> element; export it as a plain drawing", t.Name.Local)
			}
			for _, a := range t.Attr {
				k, v := strings.ToLower(a.Name.Local), strings.TrimSpace(a.Value)
				if strings.HasPrefix(k, "on") {
					return problem("the file contains an event handler %s=; export it as a plain drawing", a.Name.Local)
				}
				if (k == "href" || k == "src") && !strings.HasPrefix(v, "#") {
					return problem("the file refers to %q; an image on this site may only refer to parts of itself", v)
				}
				if k == "style" && external(v) {
					return problem("the file's styles load %q from elsewhere; remove it", v)
				}
			}
		case xml.CharData:
			if external(string(t)) {
				return problem("the file's styles load something from elsewhere (url() or @import); remove it")
			}
		}
	}
}

// external reports whether CSS text loads anything but an anchor of the
// same file.
func external(css string) bool {
	c := strings.ToLower(strings.Join(strings.Fields(css), ""))
	if strings.Contains(c, "@import") {
		return true
	}
	for {
		i := strings.Index(c, "url(")
		if i < 0 {
			return false
		}
		c = strings.TrimLeft(c[i+4:], `"'`)
		if !strings.HasPrefix(c, "#") {
			return true
		}
	}
}
