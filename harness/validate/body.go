package validate

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/xmlbody"
)

// Decoded is a body turned into a JSON value.
type Decoded struct {
	// MediaType is the documented media type the body was read as.
	MediaType string
	// Value is the JSON value (for XML: decoded guided by the schema).
	Value any
	// Schema is the documented schema of the body (nil when none).
	Schema *spec.BodySchema
	// Problems found while decoding (malformed JSON or XML, wrong root element, ...).
	Problems []Problem

	locate func(pointer string) string
}

// XMLPath returns the XML location of a JSON pointer ("" for a JSON body).
func (d *Decoded) XMLPath(pointer string) string {
	if d == nil || d.locate == nil {
		return ""
	}
	return d.locate(pointer)
}

// Decoder turns a body into a JSON value guided by its documented schema (which may be nil).
type Decoder func(data []byte, body *spec.BodySchema) (*Decoded, error)

var (
	decodersMu sync.RWMutex
	decoders   = map[string]Decoder{}
)

// RegisterDecoder registers the decoder for a media type ("application/json") or a structured
// syntax suffix ("+json"). The JSON and XML decoders are registered by this package.
func RegisterDecoder(mediaType string, d Decoder) {
	decodersMu.Lock()
	defer decodersMu.Unlock()
	decoders[strings.ToLower(mediaType)] = d
}

func init() {
	RegisterDecoder("application/json", DecodeJSON)
	RegisterDecoder("+json", DecodeJSON)
	RegisterDecoder("application/xml", DecodeXML)
	RegisterDecoder("text/xml", DecodeXML)
	RegisterDecoder("+xml", DecodeXML)
}

// DecoderFor returns the decoder for a Content-Type, or nil when the body is opaque (CSV, text).
func DecoderFor(contentType string) Decoder {
	mt := spec.MediaTypeOf(contentType)
	decodersMu.RLock()
	defer decodersMu.RUnlock()
	if d, ok := decoders[mt]; ok {
		return d
	}
	if i := strings.LastIndexByte(mt, '+'); i > 0 {
		return decoders[mt[i:]]
	}
	return nil
}

// DecodeJSON decodes a JSON body; numbers are kept exact (json.Number), as the schema validator
// needs. The values are those of encoding/json with UseNumber.
func DecodeJSON(data []byte, body *spec.BodySchema) (*Decoded, error) {
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}) // a UTF-8 byte-order mark is allowed
	if v, ok := parseJSON(data); ok {
		return &Decoded{Value: v, Schema: body}, nil
	}
	// Not plain JSON: encoding/json decodes it, or says what is wrong with it.
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("invalid JSON: %v", err)
	}
	if dec.More() {
		return nil, errors.New("invalid JSON: more than one value in the body")
	}
	return &Decoded{Value: v, Schema: body}, nil
}

// DecodeXML decodes an XML body guided by the schema's xml objects.
func DecodeXML(data []byte, body *spec.BodySchema) (*Decoded, error) {
	var res *xmlbody.Result
	var err error
	if body != nil && body.Model != nil {
		res, err = xmlbody.Decode(data, body.Model, "")
	} else {
		res, err = xmlbody.Decode(data, nil, "")
	}
	if err != nil {
		return nil, err
	}
	d := &Decoded{Value: res.Value, Schema: body, locate: res.XMLPath}
	for _, is := range res.Issues {
		d.Problems = append(d.Problems, Problem{Check: "body", Pointer: is.Pointer, XMLPath: is.XMLPath, Message: is.Message})
	}
	return d, nil
}

// DecodeResponse decodes the response body of an exchange for the documented response of t
// (the body schema is nil when the response documents none). It returns nil, nil for an empty or
// opaque body.
func DecodeResponse(t *Target) (*Decoded, error) {
	x := t.Exchange
	if len(x.Body) == 0 {
		return nil, nil
	}
	ct := x.Header.Get("Content-Type")
	dec := DecoderFor(ct)
	if dec == nil {
		return nil, nil
	}
	var bs *spec.BodySchema
	if t.StatusKey != "" {
		var err error
		bs, _, err = t.API.ResponseBody(t.Operation, t.StatusKey, ct)
		if err != nil {
			return nil, err
		}
	}
	d, err := dec(x.Body, bs)
	if err != nil {
		return nil, err
	}
	if bs != nil {
		d.MediaType = bs.MediaType
	}
	return d, nil
}

// CheckBody decodes the body and validates it against its documented schema, reporting every
// failing value with its JSON pointer (and XML path).
func CheckBody(t *Target) []Problem {
	if t.Response == nil || len(t.Exchange.Body) == 0 {
		return nil
	}
	ct := t.Exchange.Header.Get("Content-Type")
	bs, ok, err := t.API.ResponseBody(t.Operation, t.StatusKey, ct)
	if err != nil {
		return []Problem{{Check: "body", Message: "the contract's schema cannot be used: " + err.Error()}}
	}
	if !ok || bs.JSON == nil || DecoderFor(ct) == nil {
		return nil // content type problems are CheckContentType's
	}
	if t.BodyErr != nil {
		return []Problem{{Check: "body", Message: t.BodyErr.Error(), Expected: "a " + bs.MediaType + " body", Actual: excerpt(t.Exchange.Body)}}
	}
	d := t.Body
	if d == nil {
		return nil
	}
	out := append([]Problem(nil), d.Problems...)
	out = append(out, WithEvidence(t.API, d, SchemaProblems(bs.JSON, d))...)
	return out
}

// WithEvidence marks the schema problems that break an inferred assertion (x-evidence on the
// failing keyword's schema or an ancestor) as deviations. A missing-properties problem is split
// into one problem per property, as each may have evidence of its own.
func WithEvidence(api *spec.API, d *Decoded, problems []Problem) []Problem {
	out := make([]Problem, 0, len(problems))
	for _, p := range problems {
		if p.keyword == "" {
			out = append(out, p)
			continue
		}
		if strings.HasSuffix(p.keyword, "/required") {
			obj, _ := lookup(d.Value, p.Pointer).(map[string]any)
			var missing []string
			for _, name := range api.RequiredAt(p.keyword) {
				if _, ok := obj[name]; !ok {
					missing = append(missing, name)
				}
			}
			if len(missing) > 0 {
				for _, name := range missing {
					q := p
					q.Message = fmt.Sprintf("missing properties: '%s'", name)
					q.Expected = "required property " + name
					q.Evidence, _ = api.RequiredEvidence(p.keyword, name)
					out = append(out, q)
				}
				continue
			}
		}
		p.Evidence, _ = api.SchemaEvidence(p.keyword)
		out = append(out, p)
	}
	return out
}

// SchemaProblems validates a decoded value against a compiled schema and returns one problem per
// failing leaf.
func SchemaProblems(s *jsonschema.Schema, d *Decoded) []Problem {
	var err error
	if d.Schema != nil && d.Schema.JSON == s {
		err = d.Schema.Validate(d.Value)
	} else {
		err = s.Validate(d.Value)
	}
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Problem{{Check: "body", Message: err.Error()}}
	}
	var leaves []*jsonschema.ValidationError
	collectLeaves(ve, &leaves)
	seen := map[string]bool{}
	var out []Problem
	for _, l := range leaves {
		p := Problem{
			Check:    "body",
			Pointer:  l.InstanceLocation,
			XMLPath:  d.XMLPath(l.InstanceLocation),
			Message:  l.Message,
			Expected: expectedFromKeyword(l.KeywordLocation),
			Actual:   excerptValue(lookup(d.Value, l.InstanceLocation)),
			keyword:  l.AbsoluteKeywordLocation,
		}
		key := p.Pointer + "\x00" + p.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pointer < out[j].Pointer })
	return out
}

func collectLeaves(e *jsonschema.ValidationError, out *[]*jsonschema.ValidationError) {
	if len(e.Causes) == 0 {
		*out = append(*out, e)
		return
	}
	for _, c := range e.Causes {
		collectLeaves(c, out)
	}
}

// expectedFromKeyword renders the failing schema keyword ("format at
// /properties/createdAt/format" → "format (schema /properties/createdAt)").
func expectedFromKeyword(kw string) string {
	i := strings.LastIndexByte(kw, '/')
	if i < 0 {
		return ""
	}
	return fmt.Sprintf("%s (schema %s)", kw[i+1:], kw[:i])
}

// Lookup returns the value at a JSON pointer, and whether it exists.
func Lookup(v any, pointer string) (any, bool) {
	if pointer == "" || pointer == "/" {
		return v, true
	}
	if !strings.HasPrefix(pointer, "/") {
		return nil, false
	}
	for _, tok := range strings.Split(pointer[1:], "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch c := v.(type) {
		case map[string]any:
			next, ok := c[tok]
			if !ok {
				return nil, false
			}
			v = next
		case []any:
			var i int
			if _, err := fmt.Sscanf(tok, "%d", &i); err != nil || i < 0 || i >= len(c) || fmt.Sprint(i) != tok {
				return nil, false
			}
			v = c[i]
		default:
			return nil, false
		}
	}
	return v, true
}

func lookup(v any, pointer string) any {
	x, ok := Lookup(v, pointer)
	if !ok {
		return nil
	}
	return x
}

// Render renders a JSON value for comparison in steps: strings as they are, other values as JSON.
func Render(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case nil:
		return "null"
	default:
		b, err := json.Marshal(t)
		if err != nil {
			return fmt.Sprint(t)
		}
		return string(b)
	}
}

func excerptValue(v any) string {
	if v == nil {
		return ""
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return excerpt(b)
}

func excerpt(b []byte) string {
	const max = 120
	s := strings.TrimSpace(string(b))
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

// CheckCSVHeader checks the first line of a text/csv body against the media type's
// x-csv-header columns.
func CheckCSVHeader(t *Target) []Problem {
	if t.Response == nil || len(t.Exchange.Body) == 0 {
		return nil
	}
	bs, ok, err := t.API.ResponseBody(t.Operation, t.StatusKey, t.Exchange.Header.Get("Content-Type"))
	if err != nil || !ok || bs.Media == nil {
		return nil
	}
	raw, ok := bs.Media.Extensions["x-csv-header"].([]any)
	if !ok {
		return nil
	}
	want := make([]string, len(raw))
	for i, c := range raw {
		want[i] = fmt.Sprint(c)
	}
	r := csv.NewReader(bytes.NewReader(t.Exchange.Body))
	r.FieldsPerRecord = -1
	got, err := r.Read()
	if err != nil {
		return []Problem{{Check: "csv", Message: "the CSV header line cannot be read: " + err.Error(), Expected: strings.Join(want, ","), Actual: excerpt(t.Exchange.Body)}}
	}
	for i := range got {
		got[i] = strings.TrimSpace(got[i])
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		return []Problem{{Check: "csv", Message: "CSV header columns differ from the contract", Expected: strings.Join(want, ","), Actual: strings.Join(got, ",")}}
	}
	// Every row must have as many fields as the header.
	line := 1
	for {
		rec, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return []Problem{{Check: "csv", Message: fmt.Sprintf("CSV line %d cannot be read: %v", line+1, err)}}
		}
		line++
		if len(rec) != len(want) {
			return []Problem{{Check: "csv", Message: fmt.Sprintf("CSV line %d has %d fields", line, len(rec)), Expected: fmt.Sprintf("%d fields", len(want)), Actual: fmt.Sprintf("%d fields", len(rec))}}
		}
	}
	return nil
}
