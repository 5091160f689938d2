package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/santhosh-tekuri/jsonschema/v5"
	"gopkg.in/yaml.v3"
)

// schemaSet compiles the JSON schemas of a contract on first use and keeps them. Schemas are
// compiled from the files themselves (not from kin-openapi's model), so every JSON Schema keyword
// of the vendor's published schemas is honoured.
type schemaSet struct {
	specURL string

	mu       sync.Mutex
	compiler *jsonschema.Compiler
	docs     map[string]any // raw documents by file URL, for walking response $refs
	compiled map[string]*jsonschema.Schema
	evals    map[string]*jsonschema.Schema // compiled schemas to evaluate with (see flatten)
	flat     *flattener
	errs     map[string]error
}

func newSchemaSet(specFile string) *schemaSet {
	s := &schemaSet{
		specURL:  fileURL(specFile),
		docs:     map[string]any{},
		compiled: map[string]*jsonschema.Schema{},
		evals:    map[string]*jsonschema.Schema{},
		flat:     newFlattener(),
		errs:     map[string]error{},
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4
	c.AssertFormat = true
	for name, check := range formatFastPaths() {
		c.Formats[name] = check
	}
	c.LoadURL = s.loadURL
	s.compiler = c
	return s
}

func fileURL(path string) string {
	abs, _ := filepath.Abs(path)
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// loadURL reads a contract file as JSON, converting YAML and OpenAPI's `nullable`.
func (s *schemaSet) loadURL(u string) (io.ReadCloser, error) {
	doc, err := s.rawDoc(u)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

// rawDoc returns the parsed document at a file URL (callers hold no lock; docs is guarded by the
// compile path, which runs under s.mu).
func (s *schemaSet) rawDoc(u string) (any, error) {
	if d, ok := s.docs[u]; ok {
		return d, nil
	}
	pu, err := url.Parse(u)
	if err != nil || pu.Scheme != "file" {
		return nil, fmt.Errorf("only local schema files are allowed, not %q", u)
	}
	data, err := os.ReadFile(pu.Path)
	if err != nil {
		return nil, err
	}
	var doc any
	if strings.HasSuffix(strings.ToLower(pu.Path), ".json") {
		// JSON files are read as JSON: YAML's escapes differ (\/ is valid JSON, not YAML).
		if err := json.Unmarshal(data, &doc); err != nil {
			return nil, fmt.Errorf("%s: %w", pu.Path, jsonErrorWithLine(data, err))
		}
	} else if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", pu.Path, err)
	}
	doc = jsonCompatible(doc)
	s.docs[u] = doc
	return doc, nil
}

// jsonCompatible turns yaml.v3 values into JSON-marshalable ones and rewrites OpenAPI 3.0's
// `nullable: true` into a JSON Schema type list (and a null enum member).
func jsonCompatible(v any) any {
	return jsonMaps(v, func(t map[string]any) {
		if n, ok := t["nullable"].(bool); ok && n {
			if typ, ok := t["type"].(string); ok {
				t["type"] = []any{typ, "null"}
			}
			if enum, ok := t["enum"].([]any); ok && !containsNil(enum) {
				t["enum"] = append(enum, nil)
			}
		}
	})
}

// jsonMaps turns the maps yaml.v3 decodes with non-string keys (an unquoted 200:) into maps
// with string keys, as JSON needs, in place where it can, and calls each (when not nil) on every
// map, inner maps first.
func jsonMaps(v any, each func(map[string]any)) any {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			t[k] = jsonMaps(e, each)
		}
		if each != nil {
			each(t)
		}
		return t
	case map[any]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			m[fmt.Sprint(k)] = e
		}
		return jsonMaps(m, each)
	case []any:
		for i, e := range t {
			t[i] = jsonMaps(e, each)
		}
		return t
	default:
		return v
	}
}

func escapePointerToken(tok string) string {
	tok = strings.ReplaceAll(tok, "~", "~0")
	tok = strings.ReplaceAll(tok, "/", "~1")
	return url.PathEscape(tok)
}

// compile compiles the schema at a URL, once.
func (s *schemaSet) compile(u string) (*jsonschema.Schema, error) {
	if sch, ok := s.compiled[u]; ok {
		return sch, nil
	}
	if err := s.errs[u]; err != nil {
		return nil, err
	}
	sch, err := s.compiler.Compile(u)
	if err != nil {
		err = fmt.Errorf("compiling schema %s: %w", u, err)
		s.errs[u] = err
		return nil, err
	}
	s.compiled[u] = sch
	s.evals[u] = s.flat.flatten(sch)
	return sch, nil
}

// walk follows tokens from the node at docURL#ptr, resolving a `$ref` met on the way (responses
// and request bodies are often references). It returns the URL and pointer reached.
func (s *schemaSet) walk(docURL, ptr string, node any, tokens ...string) (string, string, any, error) {
	for _, tok := range tokens {
		m, ok := node.(map[string]any)
		if !ok {
			return "", "", nil, fmt.Errorf("%s#%s is not an object", docURL, ptr)
		}
		if ref, ok := m["$ref"].(string); ok {
			var err error
			docURL, ptr, node, err = s.resolve(docURL, ref)
			if err != nil {
				return "", "", nil, err
			}
			m, ok = node.(map[string]any)
			if !ok {
				return "", "", nil, fmt.Errorf("%s#%s is not an object", docURL, ptr)
			}
		}
		next, ok := m[tok]
		if !ok {
			return "", "", nil, fmt.Errorf("%s#%s has no %q", docURL, ptr, tok)
		}
		node = next
		ptr += "/" + escapePointerToken(tok)
	}
	return docURL, ptr, node, nil
}

func (s *schemaSet) resolve(base, ref string) (string, string, any, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", "", nil, err
	}
	r, err := url.Parse(ref)
	if err != nil {
		return "", "", nil, fmt.Errorf("bad $ref %q in %s: %w", ref, base, err)
	}
	target := b.ResolveReference(r)
	frag := target.Fragment
	target.Fragment = ""
	docURL := target.String()
	doc, err := s.rawDoc(docURL)
	if err != nil {
		return "", "", nil, err
	}
	node := doc
	ptr := ""
	for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := node.(map[string]any)
		if !ok {
			return "", "", nil, fmt.Errorf("$ref %q: %s is not an object", ref, ptr)
		}
		node, ok = m[tok]
		if !ok {
			return "", "", nil, fmt.Errorf("$ref %q: no %q at %s", ref, tok, ptr)
		}
		ptr += "/" + escapePointerToken(tok)
	}
	return docURL, ptr, node, nil
}

// BodySchema is the schema of one documented body.
type BodySchema struct {
	// MediaType is the documented media type key that matched.
	MediaType string
	// JSON is the compiled JSON schema (nil when the media type declares no schema).
	JSON *jsonschema.Schema
	// Model is kin-openapi's resolved schema, used to decode XML (nil when none).
	Model *openapi3.Schema
	// Media is the OpenAPI media type object (extensions such as x-csv-header).
	Media *openapi3.MediaType
	// Location is the URL of the schema, for messages.
	Location string

	eval *jsonschema.Schema // JSON without reference-only schemas (see Validate)
}

// ResponseBody returns the schema of the response body of op for a status key ("200", "2XX",
// "default") and a Content-Type. ok is false when the response documents no media type matching
// contentType; err reports a schema that cannot be compiled.
func (a *API) ResponseBody(op *Operation, statusKey, contentType string) (body *BodySchema, ok bool, err error) {
	key := bodyKey{op: op, status: statusKey, mediaType: MediaTypeOf(contentType)}
	if c, hit := a.bodies.Load(key); hit {
		e := c.(bodyEntry)
		return e.body, e.ok, e.err
	}
	body, ok, err = a.responseBody(op, statusKey, contentType)
	a.bodies.Store(key, bodyEntry{body, ok, err})
	return body, ok, err
}

// bodyKey identifies a looked-up body schema; lookups are cached (a contract does not change).
type bodyKey struct {
	op                *Operation
	status, mediaType string
}

type bodyEntry struct {
	body *BodySchema
	ok   bool
	err  error
}

// MediaTypeOf returns the media type of a Content-Type value, lower-cased and without parameters
// ("application/json; charset=utf-8" → "application/json"); the whole value, trimmed and
// lower-cased, when it does not parse.
func MediaTypeOf(ct string) string {
	if mt, ok := mediaTypes.Load(ct); ok {
		return mt.(string)
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(ct))
	}
	if len(ct) <= 256 && mediaTypeCount.Load() < maxMediaTypes {
		if _, loaded := mediaTypes.LoadOrStore(ct, mt); !loaded {
			mediaTypeCount.Add(1)
		}
	}
	return mt
}

// mediaTypes caches MediaTypeOf: an API answers with a handful of Content-Type values, and
// every check of a response looks its body schema up by media type. The cache keeps values of at
// most 256 bytes and stops growing at maxMediaTypes values, whatever a server sends.
var (
	mediaTypes     sync.Map // Content-Type → media type
	mediaTypeCount atomic.Int64
)

const maxMediaTypes = 1024

func (a *API) responseBody(op *Operation, statusKey, contentType string) (body *BodySchema, ok bool, err error) {
	rr := op.Op.Responses.Value(statusKey)
	if rr == nil || rr.Value == nil {
		return nil, false, nil
	}
	key, media := matchMedia(rr.Value.Content, contentType)
	if media == nil {
		return nil, false, nil
	}
	return a.bodySchema(media, key, op.Section, op.PathKey, strings.ToLower(op.Method), "responses", statusKey, "content", key)
}

// RequestBody returns the schema of the request body of op for a Content-Type.
func (a *API) RequestBody(op *Operation, contentType string) (*BodySchema, bool, error) {
	if op.Op.RequestBody == nil || op.Op.RequestBody.Value == nil {
		return nil, false, nil
	}
	key, media := matchMedia(op.Op.RequestBody.Value.Content, contentType)
	if media == nil {
		return nil, false, nil
	}
	return a.bodySchema(media, key, op.Section, op.PathKey, strings.ToLower(op.Method), "requestBody", "content", key)
}

func (a *API) bodySchema(media *openapi3.MediaType, key string, tokens ...string) (*BodySchema, bool, error) {
	b := &BodySchema{MediaType: key, Media: media}
	if media.Schema == nil {
		return b, true, nil
	}
	b.Model = media.Schema.Value
	s := a.schemas
	s.mu.Lock()
	defer s.mu.Unlock()
	root, err := s.rawDoc(s.specURL)
	if err != nil {
		return nil, true, err
	}
	docURL, ptr, _, err := s.walk(s.specURL, "", root, tokens...)
	if err != nil {
		return nil, true, err
	}
	b.Location = docURL + "#" + ptr + "/schema"
	b.JSON, err = s.compile(b.Location)
	if err != nil {
		return nil, true, err
	}
	b.eval = s.evals[b.Location]
	return b, true, nil
}

// matchMedia finds the content entry for a Content-Type: exact, then type/*, then */*.
func matchMedia(content openapi3.Content, contentType string) (string, *openapi3.MediaType) {
	if len(content) == 0 {
		return "", nil
	}
	mt := MediaTypeOf(contentType)
	for k, v := range content {
		if kt, _, err := mime.ParseMediaType(k); err == nil && kt == mt {
			return k, v
		}
	}
	if i := strings.IndexByte(mt, '/'); i > 0 {
		if v, ok := content[mt[:i]+"/*"]; ok {
			return mt[:i] + "/*", v
		}
	}
	if v, ok := content["*/*"]; ok {
		return "*/*", v
	}
	return "", nil
}

// MediaTypes lists the media types documented for a response, sorted.
func MediaTypes(content openapi3.Content) []string {
	keys := make([]string, 0, len(content))
	for k := range content {
		keys = append(keys, k)
	}
	sortStrings(keys)
	return keys
}

func containsNil(vals []any) bool {
	for _, v := range vals {
		if v == nil {
			return true
		}
	}
	return false
}

// jsonErrorWithLine adds the line and column of a JSON syntax error.
func jsonErrorWithLine(data []byte, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return err
	}
	line, col := 1, 1
	for _, b := range data[:min(int(se.Offset), len(data))] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("line %d, column %d: %w", line, col, err)
}

// Callback is one callback an operation declares: what the API sends to the URL the client gave
// in a request header.
type Callback struct {
	// Name is the key under the operation's `callbacks`; Expression the runtime expression
	// ('{$request.header.Callback}'); Header the request header it names ("" when it names none).
	Name, Expression, Header string
	// Method is the method of the notification; Op its OpenAPI operation.
	Method string
	Op     *openapi3.Operation
}

// Callbacks lists the callbacks of an operation, sorted by name then expression.
func (o *Operation) Callbacks() []Callback {
	var out []Callback
	for name, ref := range o.Op.Callbacks {
		if ref == nil || ref.Value == nil {
			continue
		}
		for expr, item := range ref.Value.Map() {
			header := ""
			if rest, ok := strings.CutPrefix(expr, "{$request.header."); ok {
				header = strings.TrimSuffix(rest, "}")
			}
			for method, op := range item.Operations() {
				out = append(out, Callback{Name: name, Expression: expr, Header: header, Method: method, Op: op})
			}
		}
	}
	sortCallbacks(out)
	return out
}

// CallbackBody returns the schema of a callback's request body for a Content-Type.
func (a *API) CallbackBody(op *Operation, cb Callback, contentType string) (*BodySchema, bool, error) {
	if cb.Op.RequestBody == nil || cb.Op.RequestBody.Value == nil {
		return nil, false, nil
	}
	key, media := matchMedia(cb.Op.RequestBody.Value.Content, contentType)
	if media == nil {
		return nil, false, nil
	}
	return a.bodySchema(media, key, op.Section, op.PathKey, strings.ToLower(op.Method), "callbacks", cb.Name, cb.Expression,
		strings.ToLower(cb.Method), "requestBody", "content", key)
}
