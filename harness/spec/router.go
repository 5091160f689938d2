package spec

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Operation is one operation of a contract.
type Operation struct {
	// ID is the operationId.
	ID string
	// Method is the upper-case HTTP method.
	Method string
	// PathKey is the key of the path item, marker included (/server/{id}?delete).
	PathKey string
	// Section is the top-level key holding the path item: "paths", or QueryPaths for a key
	// with a query marker.
	Section string
	// Template is PathKey without its query marker.
	Template string
	// Marker and MarkerValue are the action marker of the path key (delete, "" for ?delete;
	// action, start for ?action=start); empty when the path has none.
	Marker, MarkerValue string
	// Op is the OpenAPI operation.
	Op *openapi3.Operation
	// Item is the path item holding Op.
	Item *openapi3.PathItem

	segments []segment
}

// String names the operation as "operationId (METHOD pathkey)".
func (o *Operation) String() string { return fmt.Sprintf("%s (%s %s)", o.ID, o.Method, o.PathKey) }

type segment struct {
	literal        string // whole literal segment when param == ""
	param          string
	prefix, suffix string         // literal text around {param} in the segment
	valid          *regexp.Regexp // the parameter's pattern (or integer form), nil when any value goes
}

// Router finds the operation for a request path. It honours the action-marker convention of
// specs/README.md.
type Router struct {
	ops []*Operation
}

// RouteError says that no operation of the contract describes a request.
type RouteError struct {
	Method, Path string
	// Allowed lists the methods the contract documents for the path, when the path is known.
	Allowed []string
}

// Error implements error.
func (e *RouteError) Error() string {
	if len(e.Allowed) > 0 {
		return fmt.Sprintf("no operation for %s %s: the contract documents only %s on this path", e.Method, e.Path, strings.Join(e.Allowed, ", "))
	}
	return fmt.Sprintf("no operation for %s %s: the path is not in the contract", e.Method, e.Path)
}

// newRouter lists the operations of doc; fromExtension names the path keys read from QueryPaths.
func newRouter(doc *openapi3.T, fromExtension map[string]bool) (*Router, error) {
	r := &Router{}
	seen := map[string]string{}
	keys := doc.Paths.InMatchingOrder()
	sort.Strings(keys)
	for _, key := range keys {
		item := doc.Paths.Value(key)
		section := pathsKey
		if fromExtension[key] {
			section = QueryPaths
		}
		template, marker, value := splitMarker(key)
		segs, err := parseTemplate(template)
		if err != nil {
			return nil, fmt.Errorf("%s[%q]: %w", section, key, err)
		}
		for method, op := range item.Operations() {
			if op.OperationID == "" {
				return nil, fmt.Errorf("%s[%q].%s: operationId is missing", section, key, strings.ToLower(method))
			}
			if prev, dup := seen[op.OperationID]; dup {
				return nil, fmt.Errorf("%s[%q].%s: operationId %q is already used by %s", section, key, strings.ToLower(method), op.OperationID, prev)
			}
			seen[op.OperationID] = method + " " + key
			opSegs, err := withPatterns(segs, item.Parameters, op.Parameters)
			if err != nil {
				return nil, fmt.Errorf("%s[%q].%s: %w", section, key, strings.ToLower(method), err)
			}
			r.ops = append(r.ops, &Operation{
				ID: op.OperationID, Method: method, PathKey: key, Section: section, Template: template,
				Marker: marker, MarkerValue: value, Op: op, Item: item, segments: opSegs,
			})
		}
	}
	sort.SliceStable(r.ops, func(i, j int) bool {
		if r.ops[i].PathKey != r.ops[j].PathKey {
			return r.ops[i].PathKey < r.ops[j].PathKey
		}
		return r.ops[i].Method < r.ops[j].Method
	})
	return r, nil
}

func splitMarker(key string) (template, marker, value string) {
	i := strings.IndexByte(key, '?')
	if i < 0 {
		return key, "", ""
	}
	template, q := key[:i], key[i+1:]
	marker, value, _ = strings.Cut(q, "=")
	return template, marker, value
}

// withPatterns gives each path parameter of segs the pattern its schema declares (an integer
// parameter only matches digits), so that a value the parameter cannot take (an id with a suffix)
// does not route to the operation.
func withPatterns(segs []segment, lists ...openapi3.Parameters) ([]segment, error) {
	out := append([]segment(nil), segs...)
	for _, list := range lists {
		for _, ref := range list {
			if ref == nil || ref.Value == nil || ref.Value.In != openapi3.ParameterInPath || ref.Value.Schema == nil || ref.Value.Schema.Value == nil {
				continue
			}
			sc := ref.Value.Schema.Value
			var re *regexp.Regexp
			switch {
			case sc.Pattern != "":
				var err error
				if re, err = regexp.Compile(sc.Pattern); err != nil {
					return nil, fmt.Errorf("path parameter %s: pattern %q: %w", ref.Value.Name, sc.Pattern, err)
				}
			case sc.Type != nil && sc.Type.Is(openapi3.TypeInteger):
				re = integerParam
			}
			for i := range out {
				if out[i].param == ref.Value.Name {
					out[i].valid = re
				}
			}
		}
	}
	return out, nil
}

var integerParam = regexp.MustCompile(`^-?[0-9]+$`)

func parseTemplate(t string) ([]segment, error) {
	parts := strings.Split(strings.Trim(t, "/"), "/")
	segs := make([]segment, 0, len(parts))
	for _, p := range parts {
		open := strings.IndexByte(p, '{')
		if open < 0 {
			segs = append(segs, segment{literal: p})
			continue
		}
		end := strings.IndexByte(p, '}')
		if end < open {
			return nil, fmt.Errorf("segment %q: unbalanced braces", p)
		}
		segs = append(segs, segment{param: p[open+1 : end], prefix: p[:open], suffix: p[end+1:]})
	}
	return segs, nil
}

// Find returns the operation for method and path. Literal segments win over parameters, a
// parameter with literal text around it ({id}.json) over a bare one, and an operation whose action
// marker is present in the query over one without a marker. A path parameter must take a value its
// schema allows (pattern, integer): when no operation matches that way, the parameters' values
// are not judged, so that an invalid id still reaches the operation that documents its refusal.
func (r *Router) Find(method, path, rawQuery string) (*Operation, map[string]string, error) {
	op, params, err := r.find(method, path, rawQuery, true)
	if err != nil {
		if op2, params2, err2 := r.find(method, path, rawQuery, false); err2 == nil {
			return op2, params2, nil
		}
	}
	return op, params, err
}

func (r *Router) find(method, path, rawQuery string, strict bool) (*Operation, map[string]string, error) {
	method = strings.ToUpper(method)
	query, _ := url.ParseQuery(rawQuery)
	parts := strings.Split(strings.Trim(path, "/"), "/")
	var best *Operation
	var bestParams map[string]string
	bestScore := -1
	allowed := map[string]bool{}
	for _, op := range r.ops {
		params, literals, ok := op.match(parts, strict)
		if !ok {
			continue
		}
		if op.Marker != "" {
			vals, present := query[op.Marker]
			if !present || (op.MarkerValue != "" && !contains(vals, op.MarkerValue)) {
				continue
			}
		}
		allowed[op.Method] = true
		if op.Method != method {
			continue
		}
		score := literals
		if op.Marker != "" {
			score++
		}
		if score > bestScore {
			best, bestParams, bestScore = op, params, score
		}
	}
	if best == nil {
		e := &RouteError{Method: method, Path: path}
		for m := range allowed {
			e.Allowed = append(e.Allowed, m)
		}
		sort.Strings(e.Allowed)
		return nil, nil, e
	}
	return best, bestParams, nil
}

func (o *Operation) match(parts []string, strict bool) (map[string]string, int, bool) {
	if len(parts) != len(o.segments) {
		return nil, 0, false
	}
	params := map[string]string{}
	literals := 0
	for i, s := range o.segments {
		p := parts[i]
		if s.param == "" {
			if p != s.literal {
				return nil, 0, false
			}
			literals += 4
			continue
		}
		if !strings.HasPrefix(p, s.prefix) || !strings.HasSuffix(p, s.suffix) || len(p) < len(s.prefix)+len(s.suffix)+1 {
			return nil, 0, false
		}
		v := p[len(s.prefix) : len(p)-len(s.suffix)]
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		if strict && s.valid != nil && !s.valid.MatchString(v) {
			return nil, 0, false
		}
		if s.prefix != "" || s.suffix != "" {
			literals += 2 // part literal: more specific than a bare parameter, less than a literal
		}
		params[s.param] = v
	}
	return params, literals, true
}

func contains(vals []string, v string) bool {
	for _, x := range vals {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}

// Response returns the documented response for status: the exact code, then the range (2XX),
// then default. It returns the key used, or "" when the status is not documented.
func (o *Operation) Response(status int) (string, *openapi3.ResponseRef) {
	if o.Op.Responses == nil {
		return "", nil
	}
	code := fmt.Sprint(status)
	if r := o.Op.Responses.Value(code); r != nil {
		return code, r
	}
	rng := fmt.Sprintf("%dXX", status/100)
	if r := o.Op.Responses.Value(rng); r != nil {
		return rng, r
	}
	if r := o.Op.Responses.Value("default"); r != nil {
		return "default", r
	}
	return "", nil
}

// Statuses lists the documented status keys of the operation, sorted.
func (o *Operation) Statuses() []string {
	if o.Op.Responses == nil {
		return nil
	}
	var keys []string
	for k := range o.Op.Responses.Map() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// RequestLine renders "METHOD path?query" for messages.
func RequestLine(method string, u *url.URL) string {
	if u == nil {
		return method
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return method + " " + p
}
