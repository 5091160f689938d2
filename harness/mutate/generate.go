package mutate

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// The mutants of an exchange are derived from the response and its contract: which statuses the
// operation documents, which headers its response declares, which fields the body carries, which
// REASON codes and paging attributes it has. Body operators address up to MaxPerOp fields each,
// drawn by a generator seeded with the seed, the operation and the operator: the same inputs
// always give the same mutants.

// Generator makes the mutants of exchanges of one API.
type Generator struct {
	API *spec.API
	// MaxPerOp bounds the fields each body operator addresses in one exchange.
	MaxPerOp int
	// Seed chooses the fields.
	Seed uint64
}

// mediaTypeMutant is the Content-Type OpMediaType gives a body.
const mediaTypeMutant = "text/plain; charset=utf-8"

// undocumentedCode is the REASON code OpReason writes when it wants one no operation documents.
const undocumentedCode = "REASON_999"

// Mutations returns the mutations of one exchange of op, in a stable order.
func (g *Generator) Mutations(op *spec.Operation, x *validate.Exchange) []Mutation {
	var out []Mutation
	out = append(out, g.statusMutations(op, x.Status)...)
	kind := bodyKind(x.Header.Get("Content-Type"))
	if len(x.Body) > 0 {
		out = append(out, Mutation{Operator: OpMediaType, Value: mediaTypeMutant})
	}
	out = append(out, headerMutations(op, x)...)
	switch kind {
	case "json":
		if root, err := decodeJSON(x.Body); err == nil {
			out = append(out, g.jsonMutations(op, root)...)
			path, code, ok := jsonTop(root, "resultCode")
			out = append(out, g.reasonMutations(op, path, code, ok)...)
			out = append(out, g.pagingMutations(op, func(name string) (string, string, bool) { return jsonTop(root, name) })...)
		}
	case "xml":
		if doc, err := parseXML(x.Body); err == nil {
			out = append(out, g.xmlMutations(op, doc)...)
			path, code, ok := xmlTop(doc, "resultCode", false)
			out = append(out, g.reasonMutations(op, path, code, ok)...)
			out = append(out, g.pagingMutations(op, func(name string) (string, string, bool) { return xmlTop(doc, name, true) })...)
		}
	}
	return out
}

// retryStatuses are answered by the harness with retries: a mutant status among them would
// measure the retry policy, not the suite.
var retryStatuses = map[int]bool{http.StatusBadGateway: true, http.StatusServiceUnavailable: true, http.StatusGatewayTimeout: true}

func (g *Generator) statusMutations(op *spec.Operation, status int) []Mutation {
	var out []Mutation
	var same, other []int
	for _, s := range op.Statuses() {
		n, err := strconv.Atoi(s)
		if err != nil || n == status || retryStatuses[n] {
			continue
		}
		if n/100 == status/100 {
			same = append(same, n)
		} else {
			other = append(other, n)
		}
	}
	sort.Ints(same)
	sort.Ints(other)
	if docs := append(same, other...); len(docs) > 0 {
		out = append(out, Mutation{Operator: OpStatus, Value: strconv.Itoa(docs[0])})
	}
	// An undocumented status of the same class: the break a suite checking only "2xx" misses.
	if n := status/100*100 + 99; n != status {
		if key, _ := op.Response(n); key == "" {
			out = append(out, Mutation{Operator: OpStatus, Value: strconv.Itoa(n)})
		}
	}
	return out
}

func headerMutations(op *spec.Operation, x *validate.Exchange) []Mutation {
	key, ref := op.Response(x.Status)
	if key == "" || ref == nil || ref.Value == nil {
		return nil
	}
	var names []string
	for name := range ref.Value.Headers {
		if strings.EqualFold(name, "Content-Type") || len(validate.HeaderValues(x.Header, name)) == 0 {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	out := make([]Mutation, 0, len(names))
	for _, n := range names {
		out = append(out, Mutation{Operator: OpHeader, Path: canonicalHeader(x.Header, n)})
	}
	return out
}

// canonicalHeader returns the name a header is sent under (the contract may spell it with _ for -).
func canonicalHeader(h http.Header, name string) string {
	want := validate.HeaderKey(name)
	for k := range h {
		if validate.HeaderKey(k) == want {
			return k
		}
	}
	return name
}

// pick returns up to MaxPerOp of n candidates, drawn deterministically for op and operator.
func (g *Generator) pick(op *spec.Operation, o Operator, n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00%s\x00%s", g.API.Name, op.ID, o)
	r := rand.New(rand.NewPCG(g.Seed, h.Sum64()))
	r.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	if g.MaxPerOp >= 0 && len(idx) > g.MaxPerOp {
		idx = idx[:g.MaxPerOp]
	}
	sort.Ints(idx) // document order
	return idx
}

// jsonField is a member or item of a JSON body.
type jsonField struct {
	pointer string
	value   any
	member  bool // an object member (has a name), not an array item
}

// jsonFields lists every value below the root in document order (members sorted by name),
// descending into the first item of each array only.
func jsonFields(root any) []jsonField {
	var out []jsonField
	var walk func(v any, ptr string)
	walk = func(v any, ptr string) {
		switch c := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				p := ptr + "/" + escapeToken(k)
				out = append(out, jsonField{pointer: p, value: c[k], member: true})
				walk(c[k], p)
			}
		case []any:
			if len(c) > 0 {
				p := ptr + "/0"
				out = append(out, jsonField{pointer: p, value: c[0]})
				walk(c[0], p)
			}
		}
	}
	walk(root, "")
	return out
}

// retypeJSON returns a value of another type, as JSON text: a string becomes a number, a number
// a string (of the same digits), a boolean a string, an object a string, an array an object,
// null a string.
func retypeJSON(v any) string {
	switch t := v.(type) {
	case string:
		if _, err := strconv.ParseFloat(t, 64); err == nil {
			return t
		}
		return "1"
	case json.Number:
		return strconv.Quote(t.String())
	case bool:
		return strconv.Quote(strconv.FormatBool(t))
	case map[string]any:
		return `"mutant"`
	case []any:
		return "{}"
	}
	return `"mutant"`
}

func (g *Generator) jsonMutations(op *spec.Operation, root any) []Mutation {
	fields := jsonFields(root)
	var out []Mutation
	for _, o := range []Operator{OpDrop, OpRename, OpRetype, OpNull} {
		var cands []jsonField
		for _, f := range fields {
			if (o == OpRename && !f.member) || (o == OpNull && f.value == nil) {
				continue
			}
			cands = append(cands, f)
		}
		for _, i := range g.pick(op, o, len(cands)) {
			m := Mutation{Operator: o, Path: cands[i].pointer}
			if o == OpRetype {
				m.Value = retypeJSON(cands[i].value)
			}
			out = append(out, m)
		}
	}
	return out
}

// retypeXML returns text of another type: a number or boolean becomes a word, a word a number,
// an element with children the text "mutant".
func retypeXML(f xmlField) string {
	if !f.leaf {
		return "mutant"
	}
	text := f.el.text()
	if f.attr >= 0 {
		text = f.el.attrs[f.attr].Value
	}
	if _, err := strconv.ParseFloat(text, 64); err == nil || text == "true" || text == "false" {
		return "mutant"
	}
	return "1"
}

func (g *Generator) xmlMutations(op *spec.Operation, doc *xdoc) []Mutation {
	fields := doc.fields()
	var out []Mutation
	for _, o := range []Operator{OpDrop, OpRename, OpRetype, OpNull, OpNamespace} {
		var cands []xmlField
		for _, f := range fields {
			if o == OpNamespace && f.attr >= 0 {
				continue
			}
			cands = append(cands, f)
		}
		for _, i := range g.pick(op, o, len(cands)) {
			m := Mutation{Operator: o, Path: cands[i].path}
			if o == OpRetype {
				m.Value = retypeXML(cands[i])
			}
			out = append(out, m)
		}
	}
	return out
}

// jsonTop returns the pointer and text of a top-level member of a JSON object body.
func jsonTop(root any, name string) (path, text string, ok bool) {
	m, isMap := root.(map[string]any)
	if !isMap {
		return "", "", false
	}
	v, has := m[name]
	if !has {
		return "", "", false
	}
	return "/" + escapeToken(name), validate.Render(v), true
}

// xmlTop returns the location and text of a child element of the root named name or, with
// attrs, of an attribute of the root of that name.
func xmlTop(doc *xdoc, name string, attrs bool) (path, text string, ok bool) {
	root := "/" + doc.root.name.Local
	if attrs {
		for _, a := range doc.root.attrs {
			if a.Name.Local == name && !isNamespaceDecl(a) {
				return root + "/@" + name, a.Value, true
			}
		}
	}
	for _, c := range doc.root.children() {
		if c.name.Local == name {
			return root + "/" + name, c.text(), true
		}
	}
	return "", "", false
}

// reasonMutations change a Status body's REASON code: to another code the operation documents
// (one whose status the harness does not retry), and to one it does not.
func (g *Generator) reasonMutations(op *spec.Operation, path, code string, ok bool) []Mutation {
	if !ok {
		return nil
	}
	codes, uses := validate.ReasonCodes(g.API, op)
	if !uses {
		return nil
	}
	documented := map[string]bool{}
	var others []string
	for _, c := range codes {
		if !documented[c.Code] && c.Code != code && c.Status < 500 {
			others = append(others, c.Code)
		}
		documented[c.Code] = true
	}
	sort.Strings(others)
	var out []Mutation
	if len(others) > 0 {
		out = append(out, Mutation{Operator: OpReason, Path: path, Value: others[0]})
	}
	if !documented[undocumentedCode] {
		out = append(out, Mutation{Operator: OpReason, Path: path, Value: undocumentedCode})
	}
	return out
}

// pagingMutations change the paging attributes of a page: totalCount by one either way,
// pageSize and pageNumber up by one.
func (g *Generator) pagingMutations(op *spec.Operation, find func(name string) (string, string, bool)) []Mutation {
	p := validate.Paging(op)
	if p == nil || p.Plain {
		return nil
	}
	var out []Mutation
	for _, c := range []struct {
		name   string
		deltas []int
	}{{"totalCount", []int{1, -1}}, {"pageSize", []int{1}}, {"pageNumber", []int{1}}} {
		path, text, ok := find(c.name)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(text)
		if err != nil {
			continue
		}
		for _, d := range c.deltas {
			if n+d >= 0 {
				out = append(out, Mutation{Operator: OpPaging, Path: path, Value: strconv.Itoa(n + d)})
			}
		}
	}
	return out
}
