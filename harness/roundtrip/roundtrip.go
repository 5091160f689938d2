// Package roundtrip compares what a create or update sent with what reading it back returned:
// every field sent that the read representation documents must come back with the same value and
// the same type. Which operation reads back which write is data (specs/<api>/readback.yaml, see
// spec.ReadBack); this package only compares two decoded bodies.
package roundtrip

import (
	"encoding/json"
	"fmt"
	"maps"
	"math/big"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Kind says how a field failed to come back.
type Kind string

// The ways a field fails to come back.
const (
	// Dropped: the read answer does not hold the field.
	Dropped Kind = "dropped"
	// Changed: it holds another value.
	Changed Kind = "changed"
	// Retyped: it holds the same text as another type the read representation does not allow
	// for the value sent (a number sent, a string read where the contract wants a number).
	Retyped Kind = "changed type"
)

// Difference is one field sent that did not come back as sent.
type Difference struct {
	Kind Kind
	// Pointer is the field's JSON pointer in the compared part of the read answer; Sent its
	// pointer in the compared part of the request body (the same unless renamed).
	Pointer, Sent string
	// SentValue and ReadValue are the values (ReadValue is nil when dropped).
	SentValue, ReadValue any
}

// SentText renders the value sent for a message (with its type when the type changed).
func (d Difference) SentText() string {
	if d.Kind == Retyped {
		return typeOf(d.SentValue) + " " + show(d.SentValue)
	}
	return show(d.SentValue)
}

// ReadText renders the value read back for a message ("" when dropped).
func (d Difference) ReadText() string {
	switch d.Kind {
	case Dropped:
		return ""
	case Retyped:
		return typeOf(d.ReadValue) + " " + show(d.ReadValue)
	}
	return show(d.ReadValue)
}

// Show renders a value for a message: a string quoted, any other value as JSON (so a number and
// a numeric string read differently).
func Show(v any) string { return show(v) }

func show(v any) string {
	if s, ok := v.(string); ok {
		return strconv.Quote(s)
	}
	return validate.Render(v)
}

// Result is what a comparison found.
type Result struct {
	// Compared lists the fields compared (pointers relative to the compared parts).
	Compared []string
	// Undocumented lists the fields sent that the read representation does not document (not
	// compared).
	Undocumented []string
	// Skipped lists the fields sent that the rule skips (not compared).
	Skipped []string
	// Differences are the fields that did not come back as sent.
	Differences []Difference
}

// Compare compares every scalar field of sent (objects and arrays are walked) with the same
// pointer in read, whose schema is readSchema (the schema of read itself), or the pointer rename
// gives it (a field, or an object holding it). A field is compared when the schema documents it
// and skip does not name it (or an object holding it); a Text value is first converted to the
// type the read schema gives the field. Differences name the read pointer.
func Compare(sent, read any, readSchema *openapi3.Schema, skip, rename map[string]string) Result {
	var r Result
	var walk func(ptr string, v any)
	walk = func(ptr string, v any) {
		if _, ok := skip[ptr]; ok && ptr != "" {
			r.Skipped = append(r.Skipped, ptr)
			return
		}
		switch t := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(t)) {
				walk(ptr+"/"+escape(k), t[k])
			}
			return
		case []any:
			for i, it := range t {
				walk(fmt.Sprintf("%s/%d", ptr, i), it)
			}
			return
		}
		at := renamed(ptr, rename)
		fs := SchemaAt(readSchema, at)
		if fs == nil {
			r.Undocumented = append(r.Undocumented, ptr)
			return
		}
		if t, ok := v.(Text); ok {
			v = coerce(string(t), fs)
		}
		r.Compared = append(r.Compared, ptr)
		got, ok := validate.Lookup(read, at)
		switch {
		case !ok:
			r.Differences = append(r.Differences, Difference{Kind: Dropped, Pointer: at, Sent: ptr, SentValue: v})
		case Same(v, got):
		case validate.Render(v) == validate.Render(got) && !(allows(fs, v) && allows(fs, got)):
			r.Differences = append(r.Differences, Difference{Kind: Retyped, Pointer: at, Sent: ptr, SentValue: v, ReadValue: got})
		case validate.Render(v) == validate.Render(got):
			// The read representation allows both forms: the difference is representation only.
		default:
			r.Differences = append(r.Differences, Difference{Kind: Changed, Pointer: at, Sent: ptr, SentValue: v, ReadValue: got})
		}
	}
	walk("", sent)
	return r
}

// renamed returns the read pointer of a sent field: rename's entry for it or for the nearest
// object holding it, else the same pointer.
func renamed(ptr string, rename map[string]string) string {
	for p := ptr; p != ""; p = p[:strings.LastIndexByte(p, '/')] {
		if to, ok := rename[p]; ok {
			return to + ptr[len(p):]
		}
	}
	return ptr
}

func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// Same says whether two decoded scalars are the same value of the same type (numbers compared
// exactly, whatever their Go representation: json.Number, int64, float64).
func Same(a, b any) bool {
	if typeOf(a) != typeOf(b) {
		return false
	}
	if typeOf(a) == "number" {
		x, ok1 := new(big.Rat).SetString(validate.Render(a))
		y, ok2 := new(big.Rat).SetString(validate.Render(b))
		return ok1 && ok2 && x.Cmp(y) == 0
	}
	return validate.Render(a) == validate.Render(b)
}

// typeOf names the JSON type of a decoded value.
func typeOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "string"
	case bool:
		return "boolean"
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return "number"
}

// allows says whether the schema of a read field accepts the JSON type of a value: a value read
// back in another form (a numeric string for a number) is the same value only when the schema
// accepts both forms.
func allows(s *openapi3.Schema, v any) bool {
	want := typeOf(v)
	var ok func(s *openapi3.Schema) bool
	ok = func(s *openapi3.Schema) bool {
		if s == nil {
			return false
		}
		for _, group := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
			for _, r := range group {
				if r != nil && ok(r.Value) {
					return true
				}
			}
		}
		if s.Type == nil || len(s.Type.Slice()) == 0 {
			return len(s.OneOf) == 0 && len(s.AnyOf) == 0 && len(s.Properties) == 0 && s.Items == nil
		}
		for _, t := range s.Type.Slice() {
			if t == want || (t == openapi3.TypeInteger && want == "number") {
				return true
			}
		}
		return false
	}
	return ok(s)
}

// SchemaAt returns the schema of the value at a JSON pointer below a value of schema s, or nil
// when s does not document it: a property named in properties (of s or of its allOf, oneOf and
// anyOf members), an item of an array, a value of an object whose additionalProperties is a
// schema. A free-form object documents nothing inside it.
func SchemaAt(s *openapi3.Schema, pointer string) *openapi3.Schema {
	if pointer == "" {
		return s
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		s = child(s, tok)
		if s == nil {
			return nil
		}
	}
	return s
}

func child(s *openapi3.Schema, tok string) *openapi3.Schema {
	if s == nil {
		return nil
	}
	if p, ok := s.Properties[tok]; ok && p != nil && p.Value != nil {
		return p.Value
	}
	if s.Items != nil && s.Items.Value != nil {
		if _, err := strconv.Atoi(tok); err == nil {
			return s.Items.Value
		}
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, r := range group {
			if r != nil {
				if c := child(r.Value, tok); c != nil {
					return c
				}
			}
		}
	}
	if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil {
		return ap.Value
	}
	return nil
}

// FormValues decodes a form-urlencoded body into a JSON object: each field's text converted to
// the type its schema (the request body's, nil for none) gives it, a repeated field an array.
// A form carries only text: the conversion is what the contract says the text means.
func FormValues(body []byte, s *openapi3.Schema) (map[string]any, error) {
	vals, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, err
	}
	return Fields(vals, func(name string) *openapi3.Schema { return SchemaAt(s, "/"+escape(name)) }), nil
}

// Fields decodes text fields (a form's, a query's) into a JSON object: each field's text
// converted to the type schemaOf gives it, a repeated field an array. A field the write's
// contract gives no type stays Text, whose type is the read representation's (see Compare).
func Fields(vals url.Values, schemaOf func(name string) *openapi3.Schema) map[string]any {
	out := map[string]any{}
	for k, vs := range vals {
		ks := schemaOf(k)
		typed := make([]any, len(vs))
		for i, v := range vs {
			typed[i] = Text(v)
			if ks != nil {
				typed[i] = coerce(v, ks)
			}
		}
		if len(typed) == 1 {
			out[k] = typed[0]
		} else {
			out[k] = typed
		}
	}
	return out
}

// Text is a value sent as text that the write's contract gives no type (a form field or query
// parameter it does not describe): text carries no type of its own, so it means what the read
// representation's schema says, and is compared after conversion to that type.
type Text string

// coerce converts a form value to its schema's scalar type; text that does not convert stays text.
func coerce(text string, s *openapi3.Schema) any {
	if s == nil || s.Type == nil {
		return text
	}
	switch {
	case s.Type.Is(openapi3.TypeInteger), s.Type.Is(openapi3.TypeNumber):
		if _, ok := new(big.Rat).SetString(text); ok {
			return json.Number(text)
		}
	case s.Type.Is(openapi3.TypeBoolean):
		if b, err := strconv.ParseBool(text); err == nil {
			return b
		}
	}
	return text
}
