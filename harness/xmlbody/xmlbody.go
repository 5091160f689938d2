// Package xmlbody decodes an XML document into a JSON value guided by an OpenAPI schema, so that
// XML bodies are validated by the same JSON Schema machinery as JSON bodies.
//
// The OpenAPI `xml` object drives the mapping: `name` renames an element or attribute,
// `namespace` is checked against the element's namespace, `attribute: true` reads a property
// from an attribute, `wrapped: true` reads an array from a wrapper element. A property whose schema
// carries `x-xml-text: true` receives the text of an element that also has attributes. Scalars are
// converted to the schema's type (integer, number, boolean); text that does not convert is kept as
// a string so that the schema reports the type error at the right place.
//
// Every decoded value is mapped back to its XML path (/Servers/server[2]/@id), so that a JSON
// pointer in a validation error can be shown as the XML location a person reads.
package xmlbody

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"golang.org/x/text/encoding/ianaindex"
)

// Issue is a structural problem found while decoding (wrong root element, wrong namespace,
// malformed XML).
type Issue struct {
	// XMLPath locates the problem in the document (/Status/resultCode).
	XMLPath string
	// Pointer is the JSON pointer of the decoded value concerned.
	Pointer string
	// Message says what was expected and what came.
	Message string
}

// Result is a decoded document.
type Result struct {
	// Value is the decoded JSON value (map[string]any, []any, string, float64, int64, bool).
	Value any
	// Root is the local name of the root element.
	Root string
	// Issues lists structural problems; a malformed document has one issue and a nil Value.
	Issues []Issue

	paths map[string]string
}

// XMLPath returns the XML path of the value at a JSON pointer, or of its nearest decoded
// ancestor.
func (r *Result) XMLPath(pointer string) string {
	for p := pointer; ; {
		if x, ok := r.paths[p]; ok {
			return x
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return ""
		}
		p = p[:i]
	}
}

// utf8BOM is the byte-order mark some servers put before a UTF-8 document.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// charsetReader decodes a document whose XML declaration names another encoding than UTF-8
// (ISO-8859-1, windows-1252, US-ASCII, UTF-16, ...), by its IANA name.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	enc, err := ianaindex.IANA.Encoding(label)
	if err != nil || enc == nil {
		return nil, fmt.Errorf("the declared encoding %q is not one this harness can read", label)
	}
	return enc.NewDecoder().Reader(input), nil
}

// ErrMalformed marks a document that is not well-formed XML.
var ErrMalformed = errors.New("malformed XML")

// Decode reads one XML document guided by schema (which may be nil: the document is then decoded
// generically). rootName is the expected root element's local name; when empty, schema.XML.Name is
// used, and when that is empty too the root name is not checked.
func Decode(data []byte, schema *openapi3.Schema, rootName string) (*Result, error) {
	data = bytes.TrimPrefix(data, utf8BOM)
	d := &decoder{dec: xml.NewDecoder(bytes.NewReader(data)), res: &Result{paths: map[string]string{}}}
	d.dec.Strict = true
	d.dec.CharsetReader = charsetReader
	start, err := d.nextStart()
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	d.res.Root = start.Name.Local
	want := rootName
	if want == "" && schema != nil && schema.XML != nil {
		want = schema.XML.Name
	}
	if want != "" && want != start.Name.Local {
		d.issue("/"+start.Name.Local, "", fmt.Sprintf("root element is <%s>, expected <%s>", start.Name.Local, want))
	}
	// Children are in their parent's namespace unless their schema names another, as the
	// documents' examples declare a default namespace on the root and none below it. Without a
	// namespace in the contract, the root's own is what its children inherit.
	ns := start.Name.Space
	if schema != nil && schema.XML != nil && schema.XML.Namespace != "" {
		ns = d.checkNamespace(start, schema.XML.Namespace, "/"+start.Name.Local, "")
	}
	v, err := d.element(start, schema, "/"+start.Name.Local, "", ns)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	// Nothing but whitespace, comments and processing instructions may follow the root.
	for {
		tok, err := d.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: after the root element: %v", ErrMalformed, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return nil, fmt.Errorf("%w: a second root element <%s> follows <%s>", ErrMalformed, t.Name.Local, start.Name.Local)
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return nil, fmt.Errorf("%w: text after the root element", ErrMalformed)
			}
		}
	}
	d.res.Value = v
	return d.res, nil
}

type decoder struct {
	dec *xml.Decoder
	res *Result
}

func (d *decoder) issue(xpath, ptr, msg string) {
	d.res.Issues = append(d.res.Issues, Issue{XMLPath: xpath, Pointer: ptr, Message: msg})
}

func (d *decoder) nextStart() (xml.StartElement, error) {
	for {
		tok, err := d.dec.Token()
		if err != nil {
			if err == io.EOF {
				return xml.StartElement{}, errors.New("no root element")
			}
			return xml.StartElement{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, errors.New("text before the root element")
			}
		}
	}
}

// flatten merges allOf members and, for oneOf/anyOf, the union of the alternatives' properties,
// so that decoding knows every property an element may carry; validation judges the rest.
func flatten(s *openapi3.Schema) *openapi3.Schema {
	if s == nil || (len(s.AllOf) == 0 && len(s.OneOf) == 0 && len(s.AnyOf) == 0) {
		return s
	}
	out := *s
	out.Properties = openapi3.Schemas{}
	for k, v := range s.Properties {
		out.Properties[k] = v
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, r := range group {
			if r == nil || r.Value == nil {
				continue
			}
			sub := flatten(r.Value)
			for k, v := range sub.Properties {
				if _, ok := out.Properties[k]; !ok {
					out.Properties[k] = v
				}
			}
			if out.Type == nil && sub.Type != nil {
				out.Type = sub.Type
			}
			if out.Items == nil && sub.Items != nil {
				out.Items = sub.Items
			}
			if out.XML == nil && sub.XML != nil {
				out.XML = sub.XML
			}
		}
	}
	return &out
}

func schemaType(s *openapi3.Schema) string {
	if s == nil || s.Type == nil {
		if s != nil && len(s.Properties) > 0 {
			return openapi3.TypeObject
		}
		if s != nil && s.Items != nil {
			return openapi3.TypeArray
		}
		return ""
	}
	for _, t := range s.Type.Slice() {
		if t != "null" {
			return t
		}
	}
	return ""
}

func xmlName(s *openapi3.Schema, fallback string) string {
	if s != nil && s.XML != nil && s.XML.Name != "" {
		return s.XML.Name
	}
	return fallback
}

func isText(s *openapi3.Schema) bool {
	if s == nil {
		return false
	}
	v, ok := s.Extensions["x-xml-text"].(bool)
	return ok && v
}

type binding struct {
	prop    string
	schema  *openapi3.Schema // the property's schema
	item    *openapi3.Schema // for arrays: the item schema
	array   bool
	wrapped bool
}

func escapeToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// element decodes the element whose start tag was just read; ns is the namespace the contract
// puts it in (its children inherit it).
func (d *decoder) element(start xml.StartElement, schema *openapi3.Schema, xpath, ptr, ns string) (any, error) {
	schema = flatten(schema)
	d.res.paths[ptr] = xpath
	switch schemaType(schema) {
	case openapi3.TypeObject:
		return d.object(start, schema, xpath, ptr, ns)
	case openapi3.TypeArray:
		// A wrapped array read as the element itself: its children are the items.
		var item *openapi3.Schema
		if schema.Items != nil {
			item = schema.Items.Value
		}
		return d.arrayChildren(start, item, xpath, ptr, ns)
	case "":
		if schema == nil {
			return d.generic(start, xpath, ptr)
		}
		fallthrough
	default:
		text, err := d.text(start, xpath)
		if err != nil {
			return nil, err
		}
		return coerce(text, schema), nil
	}
}

func (d *decoder) object(start xml.StartElement, schema *openapi3.Schema, xpath, ptr, ns string) (any, error) {
	obj := map[string]any{}
	attrs := map[string]binding{}
	elems := map[string]binding{}
	textProp := ""
	var textSchema *openapi3.Schema
	for name, ref := range schema.Properties {
		if ref == nil || ref.Value == nil {
			continue
		}
		ps := flatten(ref.Value)
		if isText(ps) {
			textProp, textSchema = name, ps
			continue
		}
		if ps.XML != nil && ps.XML.Attribute {
			attrs[xmlName(ps, name)] = binding{prop: name, schema: ps}
			continue
		}
		if schemaType(ps) == openapi3.TypeArray {
			var item *openapi3.Schema
			if ps.Items != nil {
				item = flatten(ps.Items.Value)
			}
			if ps.XML != nil && ps.XML.Wrapped {
				elems[xmlName(ps, name)] = binding{prop: name, schema: ps, item: item, array: true, wrapped: true}
			} else {
				elems[xmlName(item, xmlName(ps, name))] = binding{prop: name, schema: ps, item: item, array: true}
			}
			continue
		}
		elems[xmlName(ps, name)] = binding{prop: name, schema: ps}
	}
	for _, a := range start.Attr {
		if a.Name.Space == "xmlns" || (a.Name.Space == "" && a.Name.Local == "xmlns") {
			continue
		}
		if a.Name.Space == "http://www.w3.org/2001/XMLSchema-instance" {
			continue
		}
		b, ok := attrs[a.Name.Local]
		key := a.Name.Local
		var val any = a.Value
		if ok {
			key = b.prop
			val = coerce(a.Value, b.schema)
		}
		p := ptr + "/" + escapeToken(key)
		d.res.paths[p] = xpath + "/@" + a.Name.Local
		obj[key] = val
	}
	counts := map[string]int{}
	var text strings.Builder
	for {
		tok, err := d.dec.Token()
		if err != nil {
			return nil, fmt.Errorf("inside %s: %v", xpath, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			counts[name]++
			b, known := elems[name]
			if !known {
				// Undocumented element: decoded generically and kept, so that a schema with
				// additionalProperties: false reports it.
				p := ptr + "/" + escapeToken(name)
				cx := fmt.Sprintf("%s/%s", xpath, name)
				v, err := d.generic(t, cx, p)
				if err != nil {
					return nil, err
				}
				if prev, dup := obj[name]; dup {
					if arr, ok := prev.([]any); ok {
						obj[name] = append(arr, v)
					} else {
						obj[name] = []any{prev, v}
					}
				} else {
					obj[name] = v
				}
				continue
			}
			own := b.schema
			if b.array && !b.wrapped {
				own = b.item
			}
			childNS := d.checkNamespace(t, namespaceOf(own, ns), xpath+"/"+name, ptr+"/"+escapeToken(b.prop))
			switch {
			case b.array && b.wrapped:
				p := ptr + "/" + escapeToken(b.prop)
				v, err := d.arrayChildren(t, b.item, xpath+"/"+name, p, childNS)
				if err != nil {
					return nil, err
				}
				obj[b.prop] = v
			case b.array:
				arr, _ := obj[b.prop].([]any)
				idx := len(arr)
				p := fmt.Sprintf("%s/%s/%d", ptr, escapeToken(b.prop), idx)
				d.res.paths[ptr+"/"+escapeToken(b.prop)] = xpath + "/" + name
				v, err := d.element(t, b.item, fmt.Sprintf("%s/%s[%d]", xpath, name, idx+1), p, childNS)
				if err != nil {
					return nil, err
				}
				obj[b.prop] = append(arr, v)
			default:
				p := ptr + "/" + escapeToken(b.prop)
				cx := xpath + "/" + name
				if counts[name] > 1 {
					d.issue(cx, p, fmt.Sprintf("element <%s> appears %d times, the schema allows one", name, counts[name]))
				}
				v, err := d.element(t, b.schema, cx, p, childNS)
				if err != nil {
					return nil, err
				}
				obj[b.prop] = v
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if textProp != "" {
				p := ptr + "/" + escapeToken(textProp)
				d.res.paths[p] = xpath + "/text()"
				obj[textProp] = coerce(strings.TrimSpace(text.String()), textSchema)
			}
			return obj, nil
		}
	}
}

// namespaceOf is the namespace the contract gives an element of schema s whose parent is in
// parent: its own xml.namespace, or the parent's.
func namespaceOf(s *openapi3.Schema, parent string) string {
	if s != nil && s.XML != nil && s.XML.Namespace != "" {
		return s.XML.Namespace
	}
	return parent
}

// checkNamespace reports an element that is not in the namespace the contract gives it, and
// returns the namespace its children inherit: the element's own, so that children declared along
// with a misplaced parent are one mistake, reported once.
func (d *decoder) checkNamespace(t xml.StartElement, want, xpath, ptr string) string {
	if t.Name.Space != want {
		d.issue(xpath, ptr, fmt.Sprintf("element <%s> is in %s, expected %s", t.Name.Local, nsName(t.Name.Space), nsName(want)))
	}
	return t.Name.Space
}

func nsName(ns string) string {
	if ns == "" {
		return "no namespace"
	}
	return fmt.Sprintf("namespace %q", ns)
}

// arrayChildren decodes every child element of start as an item.
func (d *decoder) arrayChildren(start xml.StartElement, item *openapi3.Schema, xpath, ptr, ns string) (any, error) {
	itemNS := namespaceOf(item, ns)
	arr := []any{}
	d.res.paths[ptr] = xpath
	for {
		tok, err := d.dec.Token()
		if err != nil {
			return nil, fmt.Errorf("inside %s: %v", xpath, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			idx := len(arr)
			want := xmlName(item, "")
			if want != "" && t.Name.Local != want {
				d.issue(fmt.Sprintf("%s/%s", xpath, t.Name.Local), fmt.Sprintf("%s/%d", ptr, idx), fmt.Sprintf("element <%s> in a list of <%s>", t.Name.Local, want))
			}
			got := d.checkNamespace(t, itemNS, fmt.Sprintf("%s/%s[%d]", xpath, t.Name.Local, idx+1), fmt.Sprintf("%s/%d", ptr, idx))
			v, err := d.element(t, item, fmt.Sprintf("%s/%s[%d]", xpath, t.Name.Local, idx+1), fmt.Sprintf("%s/%d", ptr, idx), got)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		case xml.EndElement:
			return arr, nil
		}
	}
}

// text reads the text content of a scalar element; child elements are a structural issue.
func (d *decoder) text(start xml.StartElement, xpath string) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.dec.Token()
		if err != nil {
			return "", fmt.Errorf("inside %s: %v", xpath, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				d.issue(xpath+"/"+t.Name.Local, "", fmt.Sprintf("element <%s> has a child <%s>, expected text only", start.Name.Local, t.Name.Local))
			}
			depth++
		case xml.EndElement:
			if depth == 0 {
				return strings.TrimSpace(b.String()), nil
			}
			depth--
		case xml.CharData:
			if depth == 0 {
				b.Write(t)
			}
		}
	}
}

// generic decodes an element the schema does not describe: text for a leaf, an object of its
// children and attributes otherwise (repeated children become arrays).
func (d *decoder) generic(start xml.StartElement, xpath, ptr string) (any, error) {
	d.res.paths[ptr] = xpath
	obj := map[string]any{}
	for _, a := range start.Attr {
		if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
			continue
		}
		obj[a.Name.Local] = a.Value
	}
	var text strings.Builder
	hasChild := false
	for {
		tok, err := d.dec.Token()
		if err != nil {
			return nil, fmt.Errorf("inside %s: %v", xpath, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			hasChild = true
			name := t.Name.Local
			v, err := d.generic(t, xpath+"/"+name, ptr+"/"+escapeToken(name))
			if err != nil {
				return nil, err
			}
			if prev, dup := obj[name]; dup {
				if arr, ok := prev.([]any); ok {
					obj[name] = append(arr, v)
				} else {
					obj[name] = []any{prev, v}
				}
			} else {
				obj[name] = v
			}
		case xml.CharData:
			text.Write(t)
		case xml.EndElement:
			if !hasChild && len(obj) == 0 {
				return strings.TrimSpace(text.String()), nil
			}
			return obj, nil
		}
	}
}

// coerce converts text to the schema's scalar type; text that does not convert stays a string.
func coerce(text string, s *openapi3.Schema) any {
	switch schemaType(s) {
	case openapi3.TypeInteger:
		if n, err := strconv.ParseInt(strings.TrimSpace(text), 10, 64); err == nil {
			return n
		}
	case openapi3.TypeNumber:
		if f, err := strconv.ParseFloat(strings.TrimSpace(text), 64); err == nil {
			return f
		}
	case openapi3.TypeBoolean:
		switch strings.TrimSpace(text) {
		case "true":
			return true
		case "false":
			return false
		}
	}
	return text
}
