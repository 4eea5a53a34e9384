package opendata

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
)

// The vocabularies the catalogue uses, by prefix, in the order they are
// declared.
var namespaces = []struct{ prefix, iri string }{
	{"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
	{"xsd", "http://www.w3.org/2001/XMLSchema#"},
	{"dcat", "http://www.w3.org/ns/dcat#"},
	{"dct", "http://purl.org/dc/terms/"},
	{"dcatde", "http://dcat-ap.de/def/dcatde/"},
	{"foaf", "http://xmlns.com/foaf/0.1/"},
	{"vcard", "http://www.w3.org/2006/vcard/ns#"},
	{"adms", "http://www.w3.org/ns/adms#"},
	{"spdx", "http://spdx.org/rdf/terms#"},
}

// term is an RDF term: an IRI, or a literal with a language or a datatype.
type term struct {
	iri      string
	lit      string
	lang, dt string
}

func iri(s string) term             { return term{iri: s} }
func text(s, lang string) term      { return term{lit: s, lang: lang} }
func typed(s, datatype string) term { return term{lit: s, dt: datatype} }
func plain(s string) term           { return term{lit: s, dt: ""} }
func (t term) isIRI() bool          { return t.iri != "" }
func xsd(local string) string       { return "http://www.w3.org/2001/XMLSchema#" + local }

// graph is a set of triples without blank nodes, kept in the order they
// were added so that the output is the same on every build.
type graph struct {
	subjects []string
	props    map[string][]prop
}

type prop struct {
	pred string // a prefixed name such as "dct:title"
	obj  term
}

func newGraph() *graph { return &graph{props: map[string][]prop{}} }

// add adds a triple; an empty literal or IRI is left out.
func (g *graph) add(subj, pred string, obj term) {
	if obj.iri == "" && obj.lit == "" {
		return
	}
	if _, ok := g.props[subj]; !ok {
		g.subjects = append(g.subjects, subj)
	}
	g.props[subj] = append(g.props[subj], prop{pred, obj})
}

func expand(curie string) (ns, local string) {
	prefix, local, _ := strings.Cut(curie, ":")
	for _, n := range namespaces {
		if n.prefix == prefix {
			return n.iri, local
		}
	}
	panic("opendata: unknown prefix in " + curie)
}

var localName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// turtleIRI writes an IRI as a prefixed name where it can, else in <…>
// with the characters Turtle forbids escaped.
func turtleIRI(s string) string {
	for _, n := range namespaces {
		if local, ok := strings.CutPrefix(s, n.iri); ok && localName.MatchString(local) {
			return n.prefix + ":" + local
		}
	}
	var b strings.Builder
	b.WriteByte('<')
	for _, r := range s {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			fmt.Fprintf(&b, "\\u%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('>')
	return b.String()
}

var turtleEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\t", `\t`)

func (t term) turtle() string {
	if t.isIRI() {
		return turtleIRI(t.iri)
	}
	s := `"` + turtleEscaper.Replace(t.lit) + `"`
	switch {
	case t.lang != "":
		s += "@" + t.lang
	case t.dt != "":
		s += "^^" + turtleIRI(t.dt)
	}
	return s
}

// Turtle writes the graph in Turtle, one subject after the other.
func (g *graph) Turtle() []byte {
	var b bytes.Buffer
	for _, n := range namespaces {
		fmt.Fprintf(&b, "@prefix %s: <%s> .\n", n.prefix, n.iri)
	}
	for _, s := range g.subjects {
		b.WriteString("\n" + turtleIRI(s))
		for i, p := range g.props[s] {
			pred := p.pred
			if pred == "rdf:type" {
				pred = "a"
			}
			sep := " ;"
			if i == len(g.props[s])-1 {
				sep = " ."
			}
			b.WriteString("\n    " + pred + " " + p.obj.turtle() + sep)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// RDFXML writes the same graph as RDF/XML, a description per subject.
func (g *graph) RDFXML() []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header + "<rdf:RDF")
	for _, n := range namespaces {
		fmt.Fprintf(&b, "\n    xmlns:%s=\"%s\"", n.prefix, n.iri)
	}
	b.WriteString(">\n")
	for _, s := range g.subjects {
		fmt.Fprintf(&b, "  <rdf:Description rdf:about=\"%s\">\n", xmlEscape(s))
		for _, p := range g.props[s] {
			expand(p.pred) // every predicate must have a declared prefix
			switch o := p.obj; {
			case o.isIRI():
				fmt.Fprintf(&b, "    <%s rdf:resource=\"%s\"/>\n", p.pred, xmlEscape(o.iri))
			case o.lang != "":
				fmt.Fprintf(&b, "    <%s xml:lang=\"%s\">%s</%s>\n", p.pred, o.lang, xmlEscape(o.lit), p.pred)
			case o.dt != "":
				fmt.Fprintf(&b, "    <%s rdf:datatype=\"%s\">%s</%s>\n", p.pred, xmlEscape(o.dt), xmlEscape(o.lit), p.pred)
			default:
				fmt.Fprintf(&b, "    <%s>%s</%s>\n", p.pred, xmlEscape(o.lit), p.pred)
			}
		}
		b.WriteString("  </rdf:Description>\n")
	}
	b.WriteString("</rdf:RDF>\n")
	return b.Bytes()
}
