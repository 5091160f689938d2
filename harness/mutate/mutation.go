package mutate

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Operator names a kind of contract break.
type Operator string

// The operators. Each is generic: where it applies and what it writes come from the response and
// its contract, never from knowledge of one API.
const (
	// OpStatus changes the status code (Value: the new status).
	OpStatus Operator = "status"
	// OpMediaType changes the Content-Type (Value: the new one).
	OpMediaType Operator = "media-type"
	// OpHeader removes a response header (Path: its name).
	OpHeader Operator = "header"
	// OpDrop removes a body field, element or attribute (Path).
	OpDrop Operator = "drop"
	// OpRename renames a body field, element or attribute (Path; the new name ends in Renamed).
	OpRename Operator = "rename"
	// OpRetype gives a body value another type (Value: JSON text for a JSON body, the new text of
	// an XML element or attribute).
	OpRetype Operator = "retype"
	// OpNull makes a body value null (JSON) or empty (XML).
	OpNull Operator = "null"
	// OpNamespace moves an XML element into a foreign namespace (Path).
	OpNamespace Operator = "namespace"
	// OpReason changes a REASON code (Path: the resultCode; Value: the new code).
	OpReason Operator = "reason"
	// OpPaging changes a paging attribute (Path; Value: the new number).
	OpPaging Operator = "paging"
)

// Operators lists every operator, in the order mutants are made.
var Operators = []Operator{OpStatus, OpMediaType, OpHeader, OpDrop, OpRename, OpRetype, OpNull, OpNamespace, OpReason, OpPaging}

// ForeignNamespace is the namespace OpNamespace moves an element into.
const ForeignNamespace = "urn:cloudcontract:mutant"

// renamedSuffix is appended to the name of a renamed field.
const renamedSuffix = "Renamed"

// Response is the part of an exchange a mutation changes.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Mutation is one contract break applied to one response.
type Mutation struct {
	Operator Operator `json:"operator"`
	// Path is the JSON pointer (JSON body), XML location (XML body, /Root/child[2]/@attr) or
	// header name the mutation addresses; empty for status and media type.
	Path string `json:"path,omitempty"`
	// Value is what the mutation writes (see each operator).
	Value string `json:"value,omitempty"`
}

// String renders the mutation for a person: "drop /items/0/name", "status → 418".
func (m Mutation) String() string {
	s := string(m.Operator)
	if m.Path != "" {
		s += " " + m.Path
	}
	switch m.Operator {
	case OpNull:
		s += " → null"
	case OpStatus, OpMediaType, OpRetype, OpReason, OpPaging:
		s += " → " + m.Value
	}
	return s
}

// ErrNotApplicable is returned when a response has nothing the mutation addresses.
var ErrNotApplicable = errors.New("the mutation does not apply to this response")

// Apply changes r in place. It returns ErrNotApplicable (wrapped) when the response lacks what
// the mutation addresses, or when the mutation would leave it unchanged.
func (m Mutation) Apply(r *Response) error {
	switch m.Operator {
	case OpStatus:
		n, err := strconv.Atoi(m.Value)
		if err != nil || n < 100 || n > 599 {
			return fmt.Errorf("status mutation: %q is not a status", m.Value)
		}
		if n == r.Status {
			return fmt.Errorf("%w: status is already %d", ErrNotApplicable, n)
		}
		r.Status = n
		return nil
	case OpMediaType:
		if len(r.Body) == 0 || r.Header.Get("Content-Type") == m.Value {
			return fmt.Errorf("%w: no body, or Content-Type already %s", ErrNotApplicable, m.Value)
		}
		r.Header = r.Header.Clone()
		r.Header.Set("Content-Type", m.Value)
		return nil
	case OpHeader:
		h := r.Header.Clone()
		for k := range h {
			if validate.HeaderKey(k) == validate.HeaderKey(m.Path) {
				delete(h, k)
			}
		}
		if len(h) == len(r.Header) {
			return fmt.Errorf("%w: no %s header", ErrNotApplicable, m.Path)
		}
		r.Header = h
		return nil
	}
	body, err := m.applyBody(r.Header.Get("Content-Type"), r.Body)
	if err != nil {
		return err
	}
	if bytes.Equal(body, r.Body) {
		return fmt.Errorf("%w: the body is unchanged", ErrNotApplicable)
	}
	r.Body = body
	if r.Header.Get("Content-Length") != "" {
		r.Header = r.Header.Clone()
		r.Header.Set("Content-Length", strconv.Itoa(len(body)))
	}
	return nil
}

// bodyKind tells how a Content-Type's body is read: "json", "xml" or "" (opaque).
func bodyKind(contentType string) string {
	mt := spec.MediaTypeOf(contentType)
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return "json"
	case mt == "application/xml" || mt == "text/xml" || strings.HasSuffix(mt, "+xml"):
		return "xml"
	}
	return ""
}

func (m Mutation) applyBody(contentType string, body []byte) ([]byte, error) {
	switch bodyKind(contentType) {
	case "json":
		return m.applyJSON(body)
	case "xml":
		return m.applyXML(body)
	}
	return nil, fmt.Errorf("%w: the body is neither JSON nor XML", ErrNotApplicable)
}

// decodeJSON reads a body keeping numbers exact.
func decodeJSON(body []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func (m Mutation) applyJSON(body []byte) ([]byte, error) {
	root, err := decodeJSON(body)
	if err != nil {
		return nil, fmt.Errorf("%w: the body is not JSON", ErrNotApplicable)
	}
	tokens, err := splitPointer(m.Path)
	if err != nil || len(tokens) == 0 {
		return nil, fmt.Errorf("%w: pointer %q does not address a member", ErrNotApplicable, m.Path)
	}
	parent, ok := resolve(root, tokens[:len(tokens)-1])
	if !ok {
		return nil, fmt.Errorf("%w: nothing at %s", ErrNotApplicable, m.Path)
	}
	last := tokens[len(tokens)-1]
	var newValue any
	switch m.Operator {
	case OpDrop, OpRename:
	case OpNull:
		newValue = nil
	case OpRetype, OpReason, OpPaging:
		if newValue, err = decodeJSON([]byte(m.Value)); err != nil {
			return nil, fmt.Errorf("%s mutation: value %q is not JSON: %w", m.Operator, m.Value, err)
		}
	default:
		return nil, fmt.Errorf("%w: %s does not apply to a JSON body", ErrNotApplicable, m.Operator)
	}
	switch p := parent.(type) {
	case map[string]any:
		old, has := p[last]
		if !has {
			return nil, fmt.Errorf("%w: nothing at %s", ErrNotApplicable, m.Path)
		}
		switch m.Operator {
		case OpDrop:
			delete(p, last)
		case OpRename:
			delete(p, last)
			p[last+renamedSuffix] = old
		default:
			p[last] = newValue
		}
	case []any:
		i, err := strconv.Atoi(last)
		if err != nil || i < 0 || i >= len(p) {
			return nil, fmt.Errorf("%w: nothing at %s", ErrNotApplicable, m.Path)
		}
		switch m.Operator {
		case OpDrop:
			p = append(p[:i:i], p[i+1:]...)
			if len(tokens) == 1 {
				root = p
			} else {
				gp, _ := resolve(root, tokens[:len(tokens)-2])
				setChild(gp, tokens[len(tokens)-2], p)
			}
		case OpRename:
			return nil, fmt.Errorf("%w: an array item has no name", ErrNotApplicable)
		default:
			p[i] = newValue
		}
	default:
		return nil, fmt.Errorf("%w: nothing at %s", ErrNotApplicable, m.Path)
	}
	return json.Marshal(root)
}

func setChild(container any, token string, v any) {
	switch c := container.(type) {
	case map[string]any:
		c[token] = v
	case []any:
		if i, err := strconv.Atoi(token); err == nil && i >= 0 && i < len(c) {
			c[i] = v
		}
	}
}

func splitPointer(p string) ([]string, error) {
	if p == "" {
		return nil, nil
	}
	if !strings.HasPrefix(p, "/") {
		return nil, fmt.Errorf("pointer %q does not start with /", p)
	}
	parts := strings.Split(p[1:], "/")
	for i, s := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
	}
	return parts, nil
}

func escapeToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func resolve(v any, tokens []string) (any, bool) {
	for _, t := range tokens {
		switch c := v.(type) {
		case map[string]any:
			next, ok := c[t]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func (m Mutation) applyXML(body []byte) ([]byte, error) {
	doc, err := parseXML(body)
	if err != nil {
		return nil, fmt.Errorf("%w: the body is not well-formed XML", ErrNotApplicable)
	}
	steps, attr, err := parseXPath(m.Path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotApplicable, err)
	}
	el, parent := doc.find(steps)
	if el == nil {
		return nil, fmt.Errorf("%w: nothing at %s", ErrNotApplicable, m.Path)
	}
	if attr != "" {
		i := -1
		for j, a := range el.attrs {
			if a.Name.Local == attr && !isNamespaceDecl(a) {
				i = j
				break
			}
		}
		if i < 0 {
			return nil, fmt.Errorf("%w: nothing at %s", ErrNotApplicable, m.Path)
		}
		switch m.Operator {
		case OpDrop:
			el.attrs = append(el.attrs[:i:i], el.attrs[i+1:]...)
		case OpRename:
			el.attrs[i].Name.Local += renamedSuffix
		case OpNull:
			el.attrs[i].Value = ""
		case OpRetype, OpReason, OpPaging:
			el.attrs[i].Value = m.Value
		default:
			return nil, fmt.Errorf("%w: %s does not apply to an attribute", ErrNotApplicable, m.Operator)
		}
		return doc.bytes(), nil
	}
	switch m.Operator {
	case OpDrop:
		if parent == nil {
			return nil, fmt.Errorf("%w: the root element cannot be dropped", ErrNotApplicable)
		}
		for j, k := range parent.kids {
			if k == any(el) {
				parent.kids = append(parent.kids[:j:j], parent.kids[j+1:]...)
				break
			}
		}
	case OpRename:
		el.name.Local += renamedSuffix
	case OpNull:
		el.kids = nil
	case OpRetype, OpReason, OpPaging:
		el.kids = []any{xml.CharData(m.Value)}
	case OpNamespace:
		el.name.Space = "mutant"
		el.attrs = append([]xml.Attr{{Name: xml.Name{Space: "xmlns", Local: "mutant"}, Value: ForeignNamespace}}, el.attrs...)
	default:
		return nil, fmt.Errorf("%w: %s does not apply to an element", ErrNotApplicable, m.Operator)
	}
	return doc.bytes(), nil
}
