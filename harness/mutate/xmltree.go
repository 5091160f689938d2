package mutate

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// An XML body is mutated as a tree of raw names (prefixes kept as written, namespaces not
// resolved), so that writing it back changes nothing but the mutation: encoding/xml's encoder
// would rewrite every namespace declaration.

// xelem is one element.
type xelem struct {
	name  xml.Name // Space is the prefix as written
	attrs []xml.Attr
	kids  []any // *xelem, xml.CharData, xml.Comment, xml.ProcInst, xml.Directive
}

// xdoc is a document: what comes before the root, the root, and what follows.
type xdoc struct {
	prolog []any
	root   *xelem
	epilog []any
}

func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

// parseXML reads a document; it fails on anything that is not well-formed.
func parseXML(data []byte) (*xdoc, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	doc := &xdoc{}
	var stack []*xelem
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			e := &xelem{name: t.Name, attrs: append([]xml.Attr(nil), t.Attr...)}
			switch {
			case len(stack) > 0:
				top := stack[len(stack)-1]
				top.kids = append(top.kids, e)
			case doc.root == nil:
				doc.root = e
			default:
				return nil, errors.New("more than one root element")
			}
			stack = append(stack, e)
		case xml.EndElement:
			if len(stack) == 0 || qname(stack[len(stack)-1].name) != qname(t.Name) {
				return nil, fmt.Errorf("unexpected end element %s", qname(t.Name))
			}
			stack = stack[:len(stack)-1]
		default:
			tok = xml.CopyToken(tok)
			switch {
			case len(stack) > 0:
				top := stack[len(stack)-1]
				top.kids = append(top.kids, tok)
			case doc.root == nil:
				doc.prolog = append(doc.prolog, tok)
			default:
				doc.epilog = append(doc.epilog, tok)
			}
		}
	}
	if doc.root == nil || len(stack) > 0 {
		return nil, errors.New("no complete root element")
	}
	return doc, nil
}

// bytes writes the document back.
func (d *xdoc) bytes() []byte {
	var b bytes.Buffer
	for _, t := range d.prolog {
		writeToken(&b, t)
	}
	d.root.write(&b)
	for _, t := range d.epilog {
		writeToken(&b, t)
	}
	return b.Bytes()
}

func (e *xelem) write(b *bytes.Buffer) {
	b.WriteString("<" + qname(e.name))
	for _, a := range e.attrs {
		b.WriteString(" " + qname(a.Name) + `="`)
		_ = xml.EscapeText(b, []byte(a.Value))
		b.WriteString(`"`)
	}
	if len(e.kids) == 0 {
		b.WriteString("/>")
		return
	}
	b.WriteString(">")
	for _, k := range e.kids {
		if c, ok := k.(*xelem); ok {
			c.write(b)
		} else {
			writeToken(b, k)
		}
	}
	b.WriteString("</" + qname(e.name) + ">")
}

func writeToken(b *bytes.Buffer, t any) {
	switch t := t.(type) {
	case xml.CharData:
		_ = xml.EscapeText(b, t)
	case xml.Comment:
		b.WriteString("<!--" + string(t) + "-->")
	case xml.ProcInst:
		b.WriteString("<?" + t.Target)
		if len(t.Inst) > 0 {
			b.WriteString(" " + string(t.Inst))
		}
		b.WriteString("?>")
	case xml.Directive:
		b.WriteString("<!" + string(t) + ">")
	}
}

// children returns the child elements.
func (e *xelem) children() []*xelem {
	var out []*xelem
	for _, k := range e.kids {
		if c, ok := k.(*xelem); ok {
			out = append(out, c)
		}
	}
	return out
}

// text returns the element's character data (its own, not its children's).
func (e *xelem) text() string {
	var b strings.Builder
	for _, k := range e.kids {
		if c, ok := k.(xml.CharData); ok {
			b.Write(c)
		}
	}
	return strings.TrimSpace(b.String())
}

func isNamespaceDecl(a xml.Attr) bool {
	return a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns")
}

// An XML location is a path of local names from the root, each with its position among the
// siblings of that name when it is not the first (/Servers/server[2]/name), and an attribute last
// (/Servers/@totalCount).

// xstep is one step of a location.
type xstep struct {
	name  string
	index int // 1-based
}

func parseXPath(path string) (steps []xstep, attr string, err error) {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if len(parts) == 0 || parts[0] == "" {
		return nil, "", fmt.Errorf("XML path %q: empty", path)
	}
	for i, p := range parts {
		if strings.HasPrefix(p, "@") {
			if i != len(parts)-1 {
				return nil, "", fmt.Errorf("XML path %q: an attribute must come last", path)
			}
			return steps, p[1:], nil
		}
		st := xstep{name: p, index: 1}
		if open := strings.IndexByte(p, '['); open > 0 && strings.HasSuffix(p, "]") {
			n, err := strconv.Atoi(p[open+1 : len(p)-1])
			if err != nil || n < 1 {
				return nil, "", fmt.Errorf("XML path %q: bad position in %q", path, p)
			}
			st = xstep{name: p[:open], index: n}
		}
		steps = append(steps, st)
	}
	return steps, "", nil
}

// find returns the element at the steps of a location and its parent (nil for the root).
func (d *xdoc) find(steps []xstep) (el, parent *xelem) {
	if len(steps) == 0 || d.root.name.Local != steps[0].name || steps[0].index != 1 {
		return nil, nil
	}
	el = d.root
	for _, st := range steps[1:] {
		n := 0
		var next *xelem
		for _, c := range el.children() {
			if c.name.Local == st.name {
				n++
				if n == st.index {
					next = c
					break
				}
			}
		}
		if next == nil {
			return nil, nil
		}
		parent, el = el, next
	}
	return el, parent
}

// xmlField is a location of a document that a mutation can address.
type xmlField struct {
	path string
	el   *xelem
	attr int // index in el.attrs, -1 for the element itself
	leaf bool
}

// fields lists, in document order, every element below the root and every attribute (namespace
// declarations excepted), descending only into the first element of each name among its siblings:
// the items of a list are alike, and one stands for the others.
func (d *xdoc) fields() []xmlField {
	var out []xmlField
	var walk func(e *xelem, path string, self bool)
	walk = func(e *xelem, path string, self bool) {
		if self {
			out = append(out, xmlField{path: path, el: e, attr: -1, leaf: len(e.children()) == 0})
		}
		for i, a := range e.attrs {
			if !isNamespaceDecl(a) {
				out = append(out, xmlField{path: path + "/@" + a.Name.Local, el: e, attr: i, leaf: true})
			}
		}
		seen := map[string]bool{}
		for _, c := range e.children() {
			if seen[c.name.Local] {
				continue
			}
			seen[c.name.Local] = true
			walk(c, path+"/"+c.name.Local, true)
		}
	}
	walk(d.root, "/"+d.root.name.Local, false)
	return out
}
