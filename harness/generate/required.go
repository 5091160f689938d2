package generate

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// The missing-required conditions of XML bodies and query parameters: an operation whose
// contract marks something required is sent without it. They are derived for an API whose table
// gives the condition a REASON code (reasons: missing-required), and only for the operations
// listing that code in their own fault table: the code is theirs to answer. (JSON bodies need no
// code: see requiredProps.)

// missingElements sends an operation whose XML body schema requires elements (or attributes)
// the documented root element and nothing in it: no required element is there, so nothing can be
// created or changed.
func missingElements(op *spec.Operation, t *Table, path string, line int) (Scenario, bool) {
	mt := bodyType(op)
	if !strings.Contains(mt, "xml") || !hasStatus(op, http.StatusBadRequest) || !ownsRequiredReason(op, t) {
		return Scenario{}, false
	}
	root, ns := xmlRoot(op, mt)
	req := schemaRequired(op.Op.RequestBody.Value.Content[mt].Schema)
	if root == "" || len(req) == 0 {
		return Scenario{}, false
	}
	xmlns := ""
	if ns != "" {
		xmlns = fmt.Sprintf(" xmlns=%q", ns)
	}
	body := fmt.Sprintf("<%s%s/>", root, xmlns)
	return Scenario{
		Name:      fmt.Sprintf("%s with an empty <%s>, without its required %s, answers 400", op.ID, root, strings.Join(req, ", ")),
		Condition: MissingRequired, Operation: op.ID, Status: http.StatusBadRequest, Line: line,
		Steps: []string{"Given I am authenticated",
			fmt.Sprintf("And the request header %q is %q", "Content-Type", mt),
			send(op.Method, path) + " with body:", status(http.StatusBadRequest), conform},
		DocString: body, DocType: "xml",
		Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: path, ContentType: mt, Body: body, Status: http.StatusBadRequest}},
	}, true
}

// missingQuery sends a GET operation with required query parameters once without each of them
// (the others keep their table values): one request per parameter, in one scenario, each answer
// checked for the code. An operation
// whose path names an id that must not exist is left out: a cloud may look the id up first.
func missingQuery(op *spec.Operation, t *Table, path string, line int) (Scenario, bool) {
	if op.Method != http.MethodGet || !hasStatus(op, http.StatusBadRequest) || !ownsRequiredReason(op, t) {
		return Scenario{}, false
	}
	names := requiredQuery(op)
	if len(names) == 0 || len(absentParams(op, t)) > 0 {
		return Scenario{}, false
	}
	sc := Scenario{
		Name:      fmt.Sprintf("%s without its required query parameter %s answers 400", op.ID, strings.Join(names, " or ")),
		Condition: MissingRequired, Operation: op.ID, Status: http.StatusBadRequest, Line: line,
		Steps: []string{"Given I am authenticated"},
	}
	for _, name := range names {
		p := withoutQuery(path, name)
		sc.Steps = append(sc.Steps, send(op.Method, p), status(http.StatusBadRequest), conform, containsStep(t.Reasons[MissingRequired]))
		sc.Requests = append(sc.Requests, Request{Auth: AuthDefault, Method: op.Method, Path: p, Status: http.StatusBadRequest})
	}
	return sc, true
}

// absentParams names the path parameters the table gives no value (sent as the absent id).
func absentParams(op *spec.Operation, t *Table) []string {
	var out []string
	for _, m := range paramRef.FindAllStringSubmatch(op.PathKey, -1) {
		if _, given := t.Params[m[1]]; !given {
			out = append(out, m[1])
		}
	}
	return out
}

// ownsRequiredReason tells whether the table gives missing-required a REASON code and the
// operation lists it in its own fault table.
func ownsRequiredReason(op *spec.Operation, t *Table) bool {
	r := t.Reasons[MissingRequired]
	return r != "" && ownsReason(op, r)
}

// schemaRequired is the sorted list of the properties a schema requires.
func schemaRequired(ref *openapi3.SchemaRef) []string {
	if ref == nil || ref.Value == nil {
		return nil
	}
	req := append([]string(nil), ref.Value.Required...)
	sort.Strings(req)
	return req
}

// requiredQuery names an operation's required query parameters, in declaration order (the
// path's first, then the operation's).
func requiredQuery(op *spec.Operation) []string {
	var out []string
	seen := map[string]bool{}
	for _, ps := range []openapi3.Parameters{op.Item.Parameters, op.Op.Parameters} {
		for _, p := range views(ps) {
			if p.in == openapi3.ParameterInQuery && p.required && !seen[p.name] {
				seen[p.name] = true
				out = append(out, p.name)
			}
		}
	}
	return out
}

// withoutQuery removes the parameter name=... from a request path's query.
func withoutQuery(path, name string) string {
	base, query, ok := strings.Cut(path, "?")
	if !ok {
		return path
	}
	var kept []string
	for _, part := range strings.Split(query, "&") {
		if k, _, _ := strings.Cut(part, "="); k != name {
			kept = append(kept, part)
		}
	}
	if len(kept) == 0 {
		return base
	}
	return base + "?" + strings.Join(kept, "&")
}
