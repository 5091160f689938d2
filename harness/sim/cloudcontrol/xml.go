package cloudcontrol

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// obj is a body value before it is written as XML: keys are the schema's
// property names, values are strings, ints, bools, nested objs or slices.
type obj = map[string]any

// xmlHeader is the declaration the document's samples carry.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// encodeXML writes v as the XML document of schema typeName, using the
// element and attribute names and the namespaces of the contract. A key the
// schema does not know, or a required property left out, is an error: the
// simulator's own bug, caught by its tests. lax skips the required check,
// for the faults that leave required properties out on purpose.
func encodeXML(typeName string, v any, lax ...bool) ([]byte, error) {
	t, ok := xmlTypes[typeName]
	if !ok {
		return nil, fmt.Errorf("no XML type %q in the contract", typeName)
	}
	if t.Name == "" {
		return nil, fmt.Errorf("XML type %q has no root element name", typeName)
	}
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	if err := writeElem(&b, t.Name, typeName, t, v, "", 0, len(lax) > 0 && lax[0]); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func scalar(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case fmt.Stringer:
		return x.String()
	default:
		return fmt.Sprint(x)
	}
}

func writeElem(b *bytes.Buffer, name, typeName string, t *xmlType, v any, parentNS string, depth int, lax bool) error {
	ns := t.Namespace
	if ns == "" {
		ns = parentNS
	}
	pad := strings.Repeat("  ", depth)
	b.WriteString(pad + "<" + name)
	if ns != parentNS {
		fmt.Fprintf(b, ` xmlns="%s"`, escape(ns))
	}
	o, isObj := v.(obj)
	if !isObj {
		// A scalar root (<Exists>true</Exists>).
		fmt.Fprintf(b, ">%s</%s>", escape(scalar(v)), name)
		return nil
	}
	known := map[string]bool{}
	for _, p := range t.Props {
		known[p.Name] = true
		if _, has := o[p.Name]; p.Required && !has && !lax {
			return fmt.Errorf("<%s> (%s): required property %q missing", name, typeName, p.Name)
		}
	}
	var unknown []string
	for k := range o {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("<%s> (%s): properties %v are not in the contract", name, typeName, unknown)
	}
	for _, p := range t.Props {
		if val, has := o[p.Name]; has && p.Attr {
			fmt.Fprintf(b, ` %s="%s"`, p.XMLName, escapeAttr(scalar(val)))
		}
	}
	var children bytes.Buffer
	text := ""
	for _, p := range t.Props {
		val, has := o[p.Name]
		if !has || p.Attr {
			continue
		}
		if p.Text {
			text = scalar(val)
			continue
		}
		if err := writeProp(&children, p, typeName, val, ns, depth+1, lax); err != nil {
			return err
		}
	}
	switch {
	case children.Len() == 0 && text == "":
		b.WriteString("/>\n")
	case children.Len() == 0:
		fmt.Fprintf(b, ">%s</%s>\n", escape(text), name)
	default:
		b.WriteString(">\n")
		b.Write(children.Bytes())
		fmt.Fprintf(b, "%s</%s>\n", pad, name)
	}
	return nil
}

func escapeAttr(s string) string {
	return strings.ReplaceAll(escape(s), `"`, "&quot;")
}

func writeProp(b *bytes.Buffer, p xmlProp, parent string, val any, ns string, depth int, lax bool) error {
	pad := strings.Repeat("  ", depth)
	switch p.Kind {
	case "object":
		return writeElem(b, p.XMLName, p.Type, xmlTypes[p.Type], val, ns, depth, lax)
	case "array":
		items, err := toSlice(val)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", parent, p.Name, err)
		}
		itemName := p.ItemName
		if itemName == "" {
			itemName = p.XMLName
		}
		if p.Wrapped {
			fmt.Fprintf(b, "%s<%s>\n", pad, p.XMLName)
			depth++
		}
		for _, it := range items {
			if p.ItemKind == "object" {
				if err := writeElem(b, itemName, p.Type, xmlTypes[p.Type], it, ns, depth, lax); err != nil {
					return err
				}
				continue
			}
			fmt.Fprintf(b, "%s<%s>%s</%s>\n", strings.Repeat("  ", depth), itemName, escape(scalar(it)), itemName)
		}
		if p.Wrapped {
			fmt.Fprintf(b, "%s</%s>\n", pad, p.XMLName)
		}
		return nil
	default:
		fmt.Fprintf(b, "%s<%s>%s</%s>\n", pad, p.XMLName, escape(scalar(val)), p.XMLName)
		return nil
	}
}

func toSlice(v any) ([]any, error) {
	switch x := v.(type) {
	case []any:
		return x, nil
	case []obj:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out, nil
	case []string:
		out := make([]any, len(x))
		for i := range x {
			out[i] = x[i]
		}
		return out, nil
	default:
		return nil, fmt.Errorf("array value of type %T", v)
	}
}

// xnode is a request body element, read without a schema: requests are
// small and the simulator reads them by local name, ignoring namespaces (the
// document's request samples are namespaced inconsistently).
type xnode struct {
	Name     string
	Attrs    map[string]string
	Text     string
	Children []*xnode
}

// parseXML reads a request body. A body that is not well-formed XML is an
// error (REASON_60, "XML unmarshalling error", for the caller).
func parseXML(data []byte) (*xnode, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*xnode
	var root *xnode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &xnode{Name: t.Name.Local, Attrs: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
					n.Attrs[a.Name.Local] = a.Value
				}
			}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.Children = append(p.Children, n)
			} else if root == nil {
				root = n
			}
			stack = append(stack, n)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(t)
			}
		case xml.EndElement:
			n := stack[len(stack)-1]
			n.Text = strings.TrimSpace(n.Text)
			stack = stack[:len(stack)-1]
		}
	}
	if root == nil {
		return nil, fmt.Errorf("no root element")
	}
	return root, nil
}

// child returns the first child element with this local name, nil if none.
func (n *xnode) child(name string) *xnode {
	if n == nil {
		return nil
	}
	for _, c := range n.Children {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// all returns every child element with this local name.
func (n *xnode) all(name string) []*xnode {
	if n == nil {
		return nil
	}
	var out []*xnode
	for _, c := range n.Children {
		if c.Name == name {
			out = append(out, c)
		}
	}
	return out
}

// text returns the text of the named child ("" when absent).
func (n *xnode) text(name string) string {
	if c := n.child(name); c != nil {
		return c.Text
	}
	return ""
}

// has reports whether the named child is present.
func (n *xnode) has(name string) bool { return n.child(name) != nil }
