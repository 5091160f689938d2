package esc

import (
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
)

// node is a generic XML element. Request bodies are read into nodes and
// then picked apart by local name, so the simulator accepts the namespaces
// and prefixes a client chooses (the document itself is inconsistent about
// them, DEFECTS.md D32-D33) and keeps elements it does not interpret (the
// deployment datamodel has many more than the document shows).
type node struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Nodes   []node     `xml:",any"`
	Text    string     `xml:",chardata"`
}

// errNoRoot reports an empty or non-XML body.
var errNoRoot = errors.New("the body holds no XML element")

// parseXML reads a document into a node tree without namespaces: names are
// local, namespace declarations are dropped, and text is trimmed (mixed
// content is not used by ESC bodies).
func parseXML(data []byte) (*node, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, errNoRoot
	}
	var n node
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	n.strip()
	return &n, nil
}

func (n *node) strip() {
	n.XMLName.Space = ""
	attrs := n.Attrs[:0]
	for _, a := range n.Attrs {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		attrs = append(attrs, xml.Attr{Name: xml.Name{Local: a.Name.Local}, Value: a.Value})
	}
	n.Attrs = attrs
	n.Text = strings.TrimSpace(n.Text)
	if len(n.Nodes) > 0 {
		n.Text = ""
	}
	for i := range n.Nodes {
		n.Nodes[i].strip()
	}
}

// child returns the first child element with this local name, or nil.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == name {
			return &n.Nodes[i]
		}
	}
	return nil
}

// children returns every child element with this local name.
func (n *node) children(name string) []*node {
	if n == nil {
		return nil
	}
	var out []*node
	for i := range n.Nodes {
		if n.Nodes[i].XMLName.Local == name {
			out = append(out, &n.Nodes[i])
		}
	}
	return out
}

// text returns the text of the first child with this name ("" when absent).
func (n *node) text(name string) string {
	if c := n.child(name); c != nil {
		return c.Text
	}
	return ""
}

// path walks down by names, taking the first child each time.
func (n *node) path(names ...string) *node {
	for _, name := range names {
		n = n.child(name)
	}
	return n
}

// clone copies a tree, so stored documents never alias request data.
func (n node) clone() node {
	c := n
	c.Attrs = append([]xml.Attr(nil), n.Attrs...)
	c.Nodes = make([]node, len(n.Nodes))
	for i := range n.Nodes {
		c.Nodes[i] = n.Nodes[i].clone()
	}
	return c
}

// inNamespace puts n and every descendant without a namespace of its own in ns, so that a
// document is written with one default namespace declaration, as the document's examples are
// (an element left without one would be written with xmlns="" and leave the namespace).
func (n *node) inNamespace(ns string) {
	if n.XMLName.Space == "" {
		n.XMLName.Space = ns
	}
	for i := range n.Nodes {
		n.Nodes[i].inNamespace(n.XMLName.Space)
	}
}

// el builds an element with text.
func el(name, text string) node { return node{XMLName: xml.Name{Local: name}, Text: text} }

// elx builds an element with children.
func elx(name string, children ...node) node {
	return node{XMLName: xml.Name{Local: name}, Nodes: children}
}
