package spec

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// Evidence says where a contract assertion comes from when the vendor document does not state it
// literally (the x-evidence extension). What the document states carries x-document-line instead
// and is the contract: breaking it is a failure. What carries x-evidence is a hypothesis: breaking
// it is a deviation, reported apart and failing a run only when asked (--strict).
//
//	x-evidence: {source: example, line: 1234, note: "the only example answers 200"}
//
// On a schema, the evidence covers every keyword of the schema and of the schemas inside it,
// unless one of them carries x-document-line or x-evidence of its own. A map of keyword to
// evidence covers single keywords instead, and required/NAME a single required property:
//
//	x-evidence:
//	  enum: {source: example, line: 880}
//	  required/cloudOE_spaceGuid: {source: prose, line: 301, note: optional for a global service}
type Evidence struct {
	// Source is what the assertion was inferred from: prose, example, schema, table, inferred
	// (our own reading) or simulator.
	Source string `json:"source"`
	// Line is the line of the vendor document the inference reads (0 when none).
	Line int `json:"line,omitempty"`
	// Note says why, in a few words.
	Note string `json:"note,omitempty"`
}

// EvidenceSources are the values Evidence.Source may take.
var EvidenceSources = []string{"prose", "example", "schema", "table", "inferred", "simulator"}

// String renders the evidence for a message: "inferred from the example at line 1234 (note)".
func (e *Evidence) String() string {
	if e == nil {
		return "stated by the document"
	}
	var b strings.Builder
	switch e.Source {
	case "inferred":
		b.WriteString("our own reading of the document")
	case "simulator":
		b.WriteString("taken from the simulator, not the document")
	default:
		fmt.Fprintf(&b, "inferred from the document's %s", e.Source)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, " at line %d", e.Line)
	}
	if e.Note != "" {
		fmt.Fprintf(&b, " (%s)", e.Note)
	}
	return b.String()
}

// ParseEvidence reads one evidence object (a map with source, line and note); ok is false when v
// is not one.
func ParseEvidence(v any) (*Evidence, bool, error) {
	m, isMap := v.(map[string]any)
	if !isMap {
		return nil, false, nil
	}
	src, has := m["source"]
	if !has {
		return nil, false, nil
	}
	e := &Evidence{Source: fmt.Sprint(src)}
	if !knownSource(e.Source) {
		return nil, true, fmt.Errorf("x-evidence source %q is not one of %s", e.Source, strings.Join(EvidenceSources, ", "))
	}
	switch l := m["line"].(type) {
	case nil:
	case int:
		e.Line = l
	case int64:
		e.Line = int(l)
	case float64:
		e.Line = int(l)
	default:
		return nil, true, fmt.Errorf("x-evidence line %v is not a number", l)
	}
	if n, ok := m["note"]; ok {
		e.Note = fmt.Sprint(n)
	}
	for k := range m {
		if k != "source" && k != "line" && k != "note" {
			return nil, true, fmt.Errorf("x-evidence has an unknown field %q (source, line, note)", k)
		}
	}
	return e, true, nil
}

func knownSource(s string) bool {
	for _, k := range EvidenceSources {
		if k == s {
			return true
		}
	}
	return false
}

// evidenceOf reads the x-evidence and x-document-line of one node (a schema, response, header
// or any object of the contract) for keyword kw ("" for the node as a whole). documented is true
// when the node states x-document-line; ev is nil when the node says nothing for kw.
func evidenceOf(node map[string]any, kw string) (ev *Evidence, documented bool) {
	raw, has := node["x-evidence"]
	if has {
		if e, ok, err := ParseEvidence(raw); ok && err == nil {
			return e, false
		}
		if m, ok := raw.(map[string]any); ok && kw != "" {
			if e, ok, err := ParseEvidence(m[kw]); ok && err == nil {
				return e, false
			}
		}
	}
	if _, ok := node["x-document-line"]; ok {
		return nil, true
	}
	return nil, false
}

// ExtensionEvidence reads the evidence of an OpenAPI object from its extensions: the evidence, or
// nil with documented true (x-document-line), or nil, false when it says neither.
func ExtensionEvidence(ext map[string]any) (*Evidence, bool) {
	return evidenceOf(ext, "")
}

// ResponseEvidence is the evidence of a documented status of op: the response's own, else the
// operation's for its responses (x-evidence: {responses: ...}, or the operation's as a whole).
// documented is true when the document states it (x-document-line on the response or the
// operation).
func ResponseEvidence(op *Operation, statusKey string) (*Evidence, bool) {
	if op == nil || op.Op.Responses == nil {
		return nil, false
	}
	if r := op.Op.Responses.Value(statusKey); r != nil && r.Value != nil {
		if e, doc := ExtensionEvidence(r.Value.Extensions); e != nil || doc {
			return e, doc
		}
	}
	return evidenceOf(op.Op.Extensions, "responses")
}

// StatusesEvidence says whether the document states the statuses of op at all: when none of its
// responses is documented, an undocumented status is a deviation, with the evidence of the
// success response (or of the first response that has some).
func StatusesEvidence(op *Operation) (*Evidence, bool) {
	if op == nil || op.Op.Responses == nil {
		return nil, true
	}
	keys := op.Statuses()
	sort.Strings(keys) // "200" first: the success response's evidence speaks for the set
	var first *Evidence
	for _, k := range keys {
		e, doc := ResponseEvidence(op, k)
		if doc || e == nil {
			return nil, true // a status the document states (or one nobody annotated): the set is the contract
		}
		if first == nil {
			first = e
		}
	}
	return first, first == nil
}

// SchemaEvidence returns the evidence of the schema keyword at an absolute keyword location of a
// validation error (file URL#/json/pointer/keyword). It looks at the keyword's schema, then up its
// ancestors in the same document (a schema inside a response inside an operation), each one for
// the branch the path takes (x-evidence: {responses: ...} on an operation covers its responses'
// schemas). It returns nil, true for a documented keyword (and for one nothing annotates: lint
// reports those), and the evidence for an inferred one.
func (a *API) SchemaEvidence(absoluteKeywordLocation string) (*Evidence, bool) {
	u, frag, _ := strings.Cut(absoluteKeywordLocation, "#")
	if _, err := url.Parse(u); err != nil || u == "" {
		return nil, true
	}
	doc, err := a.schemas.rawDoc(u)
	if err != nil {
		return nil, true
	}
	toks := pointerTokens(frag)
	if len(toks) == 0 {
		return nil, true
	}
	// nodes[i] is the object reached by toks[:i]; toks[i] is the branch taken from it (for the
	// last node: the failing keyword).
	var nodes []map[string]any
	node := doc
	for _, t := range toks {
		m, ok := node.(map[string]any)
		if !ok {
			break
		}
		nodes = append(nodes, m)
		next, ok := m[t]
		if !ok {
			break
		}
		node = next
	}
	for i := len(nodes) - 1; i >= 0; i-- {
		if e, doc := evidenceOf(nodes[i], toks[i]); e != nil || doc {
			return e, doc
		}
	}
	return nil, true
}

// RequiredEvidence is SchemaEvidence for a missing required property: the evidence of
// required/NAME on the schema, else of the schema as a whole.
func (a *API) RequiredEvidence(absoluteKeywordLocation, property string) (*Evidence, bool) {
	u, frag, _ := strings.Cut(absoluteKeywordLocation, "#")
	doc, err := a.schemas.rawDoc(u)
	if err == nil {
		node := doc
		toks := pointerTokens(frag)
		for i := 0; i+1 < len(toks); i++ {
			m, ok := node.(map[string]any)
			if !ok {
				break
			}
			node = m[toks[i]]
		}
		if m, ok := node.(map[string]any); ok {
			if raw, ok := m["x-evidence"].(map[string]any); ok {
				if e, ok, err := ParseEvidence(raw["required/"+property]); ok && err == nil {
					return e, false
				}
			}
		}
	}
	return a.SchemaEvidence(absoluteKeywordLocation)
}

// RequiredAt lists the property names of the required keyword at an absolute keyword location
// (nil when the location is not a required keyword).
func (a *API) RequiredAt(absoluteKeywordLocation string) []string {
	u, frag, _ := strings.Cut(absoluteKeywordLocation, "#")
	doc, err := a.schemas.rawDoc(u)
	if err != nil {
		return nil
	}
	node := doc
	for _, t := range pointerTokens(frag) {
		m, ok := node.(map[string]any)
		if !ok {
			return nil
		}
		node = m[t]
	}
	list, _ := node.([]any)
	out := make([]string, 0, len(list))
	for _, v := range list {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

// pointerTokens splits the fragment of a schema location (percent-encoded, as URLs carry it) into
// the tokens of its JSON pointer.
func pointerTokens(frag string) []string {
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	var toks []string
	for _, t := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if t != "" {
			toks = append(toks, strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~"))
		}
	}
	return toks
}

// EvidenceProblem is an assertion of the contract that says neither where the document states it
// nor what it was inferred from, or an x-evidence or x-document-line that does not read.
type EvidenceProblem struct {
	// Where is the JSON pointer of the object in openapi.yaml.
	Where string
	// Message says what is missing or wrong.
	Message string
}

// EvidenceProblems checks the provenance of the contract's assertions: every operation and every
// reusable component (schemas, responses, parameters, headers) carries x-document-line or
// x-evidence, which what is inside it inherits; every x-evidence reads (a known source, a line
// number); every line is within the document (docLines; 0 skips that check), those of the
// round-trip rules (readback.yaml) included.
func (a *API) EvidenceProblems(docLines int) []EvidenceProblem {
	root, err := a.schemas.rawDoc(a.schemas.specURL)
	if err != nil {
		return []EvidenceProblem{{Where: "/", Message: err.Error()}}
	}
	doc, _ := root.(map[string]any)
	var out []EvidenceProblem
	need := func(where string, node any) {
		m, ok := node.(map[string]any)
		if !ok {
			return
		}
		if _, ref := m["$ref"]; ref && len(m) == 1 {
			return // the component it names carries its own
		}
		_, hasLine := m["x-document-line"]
		_, hasEvidence, _ := ParseEvidence(m["x-evidence"]) // per-keyword evidence alone leaves the rest unsaid
		if !hasLine && !hasEvidence {
			out = append(out, EvidenceProblem{Where: where, Message: "neither x-document-line (the document states it) nor x-evidence (what it was inferred from)"})
		}
	}
	for _, section := range []string{pathsKey, QueryPaths} {
		paths, _ := doc[section].(map[string]any)
		for _, p := range sortedKeysOf(paths) {
			item, _ := paths[p].(map[string]any)
			for _, method := range []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"} {
				if op, ok := item[method]; ok {
					need("/"+section+"/"+plainToken(p)+"/"+method, op)
				}
			}
		}
	}
	comps, _ := doc["components"].(map[string]any)
	for _, kind := range []string{"schemas", "responses", "parameters", "headers", "requestBodies"} {
		group, _ := comps[kind].(map[string]any)
		for _, name := range sortedKeysOf(group) {
			need("/components/"+kind+"/"+plainToken(name), group[name])
		}
	}
	// Every annotation reads.
	var walk func(where string, node any)
	walk = func(where string, node any) {
		switch n := node.(type) {
		case map[string]any:
			if raw, ok := n["x-evidence"]; ok {
				out = append(out, checkEvidence(where+"/x-evidence", raw, docLines)...)
			}
			if raw, ok := n["x-document-line"]; ok {
				if l, ok := lineNumber(raw); !ok || l < 1 || (docLines > 0 && l > docLines) {
					out = append(out, EvidenceProblem{Where: where + "/x-document-line", Message: fmt.Sprintf("%v is not a line of the document (1-%d)", raw, docLines)})
				}
			}
			for _, k := range sortedKeysOf(n) {
				if k != "x-evidence" {
					walk(where+"/"+plainToken(k), n[k])
				}
			}
		case []any:
			for i, v := range n {
				walk(fmt.Sprintf("%s/%d", where, i), v)
			}
		}
	}
	walk("", doc)
	for _, r := range a.ReadBacks() {
		where := fmt.Sprintf("%s line %d (%s)", ReadBackFile, r.Line, r.Operation)
		if r.DocumentLine > 0 && docLines > 0 && r.DocumentLine > docLines {
			out = append(out, EvidenceProblem{Where: where + "/document-line", Message: fmt.Sprintf("%d is not a line of the document (1-%d)", r.DocumentLine, docLines)})
		}
		if r.Evidence != nil {
			out = append(out, checkEvidence(where+"/evidence", r.Evidence, docLines)...)
		}
	}
	return out
}

// plainToken escapes a JSON pointer token for display (no percent-encoding).
func plainToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
}

func checkEvidence(where string, raw any, docLines int) []EvidenceProblem {
	var out []EvidenceProblem
	one := func(w string, v any) {
		e, ok, err := ParseEvidence(v)
		switch {
		case err != nil:
			out = append(out, EvidenceProblem{Where: w, Message: err.Error()})
		case !ok:
			out = append(out, EvidenceProblem{Where: w, Message: "not an evidence object {source, line, note}"})
		case docLines > 0 && e.Line > docLines:
			out = append(out, EvidenceProblem{Where: w, Message: fmt.Sprintf("line %d is past the end of the document (%d lines)", e.Line, docLines)})
		case e.Line == 0 && e.Source != "inferred" && e.Source != "simulator":
			out = append(out, EvidenceProblem{Where: w, Message: fmt.Sprintf("evidence from the document's %s needs the line it reads", e.Source)})
		}
	}
	if _, ok, _ := ParseEvidence(raw); ok {
		one(where, raw)
		return out
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return []EvidenceProblem{{Where: where, Message: "x-evidence must be an evidence object or a map of keyword to evidence"}}
	}
	for _, k := range sortedKeysOf(m) {
		one(where+"/"+plainToken(k), m[k])
	}
	return out
}

func lineNumber(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case float64:
		return int(n), true
	}
	return 0, false
}

func sortedKeysOf(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
