package generate

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// The conditions derived from the contract's roles (x-roles), its REASON codes and its XML
// bodies, with the table's data (credential_roles of harness.yaml, foreign_ids, unknown_ids,
// states, wrong_structure).
const (
	// RoleLacking sends an operation as a credential set holding none of its roles.
	RoleLacking = "role-lacking"
	// ForeignID names, in the path, a scope (an org) that is not the caller's.
	ForeignID = "foreign-id"
	// WrongStructure sends well-formed XML of the documented root element and another structure.
	WrongStructure = "wrong-structure"
)

// derived returns the scenarios of one operation that roles, scopes, unknown ids answered with
// REASON codes, and body structure give; only, when not nil, names the conditions wanted. path
// is the operation's request path with every id absent, line its document line.
func derived(api *spec.API, op *spec.Operation, t *Table, absent, path string, line int, only []string) ([]Scenario, error) {
	all, err := derivedAll(api, op, t, absent, path, line)
	if err != nil || only == nil {
		return all, err
	}
	var out []Scenario
	for _, sc := range all {
		for _, c := range only {
			if sc.Condition == c {
				out = append(out, sc)
			}
		}
	}
	return out, nil
}

func derivedAll(api *spec.API, op *spec.Operation, t *Table, absent, path string, line int) ([]Scenario, error) {
	var out []Scenario
	if sc, ok := roleLacking(api, op, t, path, line); ok {
		out = append(out, sc)
	}
	for _, f := range t.ForeignIDs {
		if !pathNames(op, f.Param) || t.Skip[ForeignID][op.ID] != "" {
			continue
		}
		codes := documented(api, op, f.Reasons)
		if len(codes) == 0 {
			continue
		}
		params := map[string]string{f.Param: f.Value}
		for k, v := range t.Params {
			if k != f.Param {
				params[k] = v
			}
		}
		p, ok := requestPath(op, &Table{Params: params}, absent)
		if !ok {
			continue
		}
		expect, err := expectation(op, codes, 0)
		if err != nil {
			return nil, fmt.Errorf("%s foreign_ids %s: %w", TableFile, f.Param, err)
		}
		out = append(out, Scenario{
			Name:      fmt.Sprintf("%s with the %s of another caller answers %s", op.ID, f.Param, expect.name),
			Condition: ForeignID, Operation: op.ID, Status: codes[0].Status, Line: orLine(f.Line, line),
			Steps:    append([]string{"Given I am authenticated", send(op.Method, p)}, expect.steps...),
			Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: p, Status: codes[0].Status, Alternative: expect.alternative, Reasons: expect.reasons}},
		})
	}
	if sc, ok, err := unknownIDReason(api, op, t, path, line); err != nil {
		return nil, err
	} else if ok {
		out = append(out, sc)
	}
	for _, s := range t.States {
		if sc, ok, err := stateScenario(api, op, t, s, absent, line); err != nil {
			return nil, err
		} else if ok {
			out = append(out, sc)
		}
	}
	if sc, ok, err := wrongStructure(api, op, t, path, line); err != nil {
		return nil, err
	} else if ok {
		out = append(out, sc)
	}
	return out, nil
}

// roleLacking sends an operation that requires roles as the first credential set of
// harness.yaml's credential_roles holding none of them.
func roleLacking(api *spec.API, op *spec.Operation, t *Table, path string, line int) (Scenario, bool) {
	roles := Roles(op)
	st := firstStatus(op, 403)
	if len(roles) == 0 || st == 0 || t.Skip[RoleLacking][op.ID] != "" {
		return Scenario{}, false
	}
	set := LackingSet(api, roles)
	if set == "" {
		return Scenario{}, false
	}
	return Scenario{
		Name:      fmt.Sprintf("%s as %s, without any of its roles (%s), is refused with %d", op.ID, set, strings.Join(roles, ", "), st),
		Condition: RoleLacking, Operation: op.ID, Status: st, Line: orLine(t.Lines[RoleLacking], line),
		Steps:    []string{fmt.Sprintf("Given I am authenticated as %q", set), send(op.Method, path), status(st), conform},
		Requests: []Request{{Auth: set, Method: op.Method, Path: path, Status: st}},
	}, true
}

// Roles returns the roles an operation requires, one of which the caller must hold (x-roles);
// none means every caller may send it.
func Roles(op *spec.Operation) []string {
	list, _ := op.Op.Extensions["x-roles"].([]any)
	out := make([]string, 0, len(list))
	for _, r := range list {
		out = append(out, fmt.Sprint(r))
	}
	return out
}

// LackingSet returns the first credential set of harness.yaml's credential_roles that holds none
// of roles, or "" when every declared set holds one.
func LackingSet(api *spec.API, roles []string) string {
	for _, c := range api.Harness.CredentialRoles {
		lacks := true
		for _, r := range c.Roles {
			for _, need := range roles {
				lacks = lacks && r != need
			}
		}
		if lacks {
			return c.Set
		}
	}
	return ""
}

// unknownIDReason sends an operation whose first absent path parameter the document answers with
// a REASON code (unknown_ids) rather than 404.
func unknownIDReason(api *spec.API, op *spec.Operation, t *Table, path string, line int) (Scenario, bool, error) {
	if len(t.UnknownIDs) == 0 || t.Skip[UnknownID][op.ID] != "" || op.Method == http.MethodGet && hasStatus(op, 404) {
		return Scenario{}, false, nil
	}
	first := ""
	if absent := absentParams(op, t); len(absent) > 0 {
		first = absent[0]
	}
	codes := documented(api, op, t.UnknownIDs[first])
	if first == "" || len(codes) == 0 {
		return Scenario{}, false, nil
	}
	sc, answer, ok, err := exampleRequest(op, path, codes)
	if err != nil || !ok {
		return Scenario{}, false, wrap(err, "unknown_ids "+first)
	}
	sc.Name = fmt.Sprintf("%s of an unknown %s answers %s", op.ID, first, answer)
	sc.Condition, sc.Line = UnknownID, line
	return sc, true, nil
}

// wrap names the table entry an error comes from (nil stays nil).
func wrap(err error, entry string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s %s: %w", TableFile, entry, err)
}

// exampleRequest is a scenario sending an operation's request to path, with the document's own
// example as its XML body, and expecting codes; answer names them. A body is read before the ids
// are looked up: the example makes only an id wrong (nothing is created for an id that does not
// exist, or in a state the document refuses). It reports false for an XML body without an example.
func exampleRequest(op *spec.Operation, path string, codes []validate.ReasonCode) (sc Scenario, answer string, ok bool, err error) {
	expect, err := expectation(op, codes, 0)
	if err != nil {
		return Scenario{}, "", false, err
	}
	st := codes[0].Status
	sc = Scenario{
		Operation: op.ID, Status: st,
		Steps:    []string{"Given I am authenticated", send(op.Method, path)},
		Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: path, Status: st, Alternative: expect.alternative, Reasons: expect.reasons}},
	}
	if mt := bodyType(op); strings.Contains(mt, "xml") {
		body := firstExample(op, mt)
		if body == "" {
			return Scenario{}, "", false, nil
		}
		sc.Steps = []string{"Given I am authenticated", fmt.Sprintf("And the request header %q is %q", "Content-Type", mt), send(op.Method, path) + " with body:"}
		sc.DocString, sc.DocType = body, "xml"
		sc.Requests[0].ContentType, sc.Requests[0].Body = mt, body
	}
	sc.Steps = append(sc.Steps, expect.steps...)
	return sc, expect.name, true, nil
}

// StateCondition is the condition name of a state, by which skip lists name it.
func StateCondition(s State) string { return "state: " + s.Name }

// stateScenario sends an operation naming, in its path, a resource in a state (the table's
// states), the ids after it absent: it expects the state's own codes the operation documents,
// else the unknown_ids code of the first absent id after it (the resource exists, its child
// does not). The state of a resource is judged before the ids under it: what its code says
// holds whatever follows.
func stateScenario(api *spec.API, op *spec.Operation, t *Table, s State, absent string, line int) (Scenario, bool, error) {
	cond := StateCondition(s)
	if !pathNames(op, s.Param) || t.Skip[cond][op.ID] != "" {
		return Scenario{}, false, nil
	}
	params := map[string]string{s.Param: s.Value}
	for k, v := range t.Params {
		if k != s.Param {
			params[k] = v
		}
	}
	codes, what := documented(api, op, s.Reasons), s.Name
	if len(codes) == 0 {
		next := nextAbsent(op, s.Param, params)
		if next == "" {
			return Scenario{}, false, nil
		}
		codes, what = documented(api, op, t.UnknownIDs[next]), fmt.Sprintf("an unknown %s under %s", next, s.Name)
	}
	if len(codes) == 0 {
		return Scenario{}, false, nil
	}
	path, ok := requestPath(op, &Table{Params: params}, absent)
	if !ok {
		return Scenario{}, false, nil
	}
	sc, answer, ok, err := exampleRequest(op, path, codes)
	if err != nil || !ok {
		return Scenario{}, false, wrap(err, fmt.Sprintf("states %q", s.Name))
	}
	sc.Name = fmt.Sprintf("%s of %s answers %s", op.ID, what, answer)
	sc.Condition, sc.Line = cond, orLine(s.Line, line)
	return sc, true, nil
}

// nextAbsent is the first path parameter after param that given does not name ("": none).
func nextAbsent(op *spec.Operation, param string, given map[string]string) string {
	seen := false
	for _, m := range paramRef.FindAllStringSubmatch(op.PathKey, -1) {
		if _, ok := given[m[1]]; ok {
			seen = seen || m[1] == param
			continue
		}
		if seen {
			return m[1]
		}
	}
	return ""
}

// firstExample is the request body example of a media type (x-examples, the first by name).
func firstExample(op *spec.Operation, mt string) string {
	media := op.Op.RequestBody.Value.Content[mt]
	if media == nil {
		return ""
	}
	ex, _ := media.Extensions["x-examples"].(map[string]any)
	names := make([]string, 0, len(ex))
	for k := range ex {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if s, ok := ex[k].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// documentedBody is the document's example of an operation's request body and its media type: an
// XML example (x-examples) first, else the JSON model the document gives (the media type's
// example); "" when the document gives none.
func documentedBody(op *spec.Operation) (mediaType, body string) {
	rb := op.Op.RequestBody
	if rb == nil || rb.Value == nil {
		return "", ""
	}
	types := make([]string, 0, len(rb.Value.Content))
	for mt := range rb.Value.Content {
		types = append(types, mt)
	}
	sort.Strings(types)
	for _, mt := range types {
		if strings.Contains(mt, "xml") {
			if ex := firstExample(op, mt); ex != "" {
				return mt, ex
			}
		}
	}
	for _, mt := range types {
		if ex := rb.Value.Content[mt].Example; strings.Contains(mt, "json") && ex != nil {
			if b, err := json.Marshal(ex); err == nil {
				return mt, string(b)
			}
		}
	}
	return "", ""
}

// answer is the documented answer (the response's description) of an operation's status.
func answer(op *spec.Operation, status int) string {
	r := op.Op.Responses.Value(strconv.Itoa(status))
	if r == nil || r.Value == nil || r.Value.Description == nil {
		return ""
	}
	return strings.TrimSpace(*r.Value.Description)
}

// wrongStructure sends an XML body whose root is the documented element and whose content is an
// element the schema does not have.
func wrongStructure(api *spec.API, op *spec.Operation, t *Table, path string, line int) (Scenario, bool, error) {
	r := t.WrongStructure
	mt := bodyType(op)
	if r == nil || !strings.Contains(mt, "xml") || t.Skip[WrongStructure][op.ID] != "" {
		return Scenario{}, false, nil
	}
	root, ns := xmlRoot(op, mt)
	codes := documented(api, op, r.Reasons)
	if root == "" || len(codes) == 0 {
		return Scenario{}, false, nil
	}
	expect, err := expectation(op, codes, r.Line)
	if err != nil {
		return Scenario{}, false, fmt.Errorf("%s wrong_structure: %w", TableFile, err)
	}
	xmlns := ""
	if ns != "" {
		xmlns = fmt.Sprintf(" xmlns=%q", ns)
	}
	body := fmt.Sprintf("<%s%s><ccUnexpected><ccUnexpected/></ccUnexpected></%s>", root, xmlns, root)
	return Scenario{
		Name:      fmt.Sprintf("%s with a <%s> body of another structure answers %s", op.ID, root, expect.name),
		Condition: WrongStructure, Operation: op.ID, Status: codes[0].Status, Line: orLine(r.Line, line),
		Steps: append([]string{"Given I am authenticated",
			fmt.Sprintf("And the request header %q is %q", "Content-Type", mt),
			send(op.Method, path) + " with body:"}, expect.steps...),
		DocString: body, DocType: "xml",
		Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: path, ContentType: mt, Body: body, Status: codes[0].Status, Alternative: expect.alternative, Reasons: expect.reasons}},
	}, true, nil
}

// xmlRoot gives the root element name and namespace of an operation's XML request body.
func xmlRoot(op *spec.Operation, mt string) (string, string) {
	media := op.Op.RequestBody.Value.Content[mt]
	if media == nil || media.Schema == nil || media.Schema.Value == nil {
		return "", ""
	}
	name, ns := "", ""
	if x := media.Schema.Value.XML; x != nil {
		name, ns = x.Name, x.Namespace
	}
	if name == "" && media.Schema.Ref != "" {
		name = media.Schema.Ref[strings.LastIndex(media.Schema.Ref, "/")+1:]
	}
	return name, ns
}

// documented returns the codes of list an operation documents (its own, common or paging), in
// the list's order, each with its documented status.
func documented(api *spec.API, op *spec.Operation, list []string) []validate.ReasonCode {
	all, _ := validate.ReasonCodes(api, op)
	var out []validate.ReasonCode
	for _, want := range list {
		for _, c := range all {
			if c.Code == want && hasStatus(op, c.Status) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// expect is the end of a scenario expecting one documented code, or either of two.
type expect struct {
	name  string
	steps []string
	// alternative is the second code's status, when there is one.
	alternative int
	// reasons are the codes, the document's first answer first.
	reasons []string
}

// expectation writes the steps expecting codes: a status (or two) and the code (or either), the
// codes read from reading (a document line) when it is not 0.
func expectation(op *spec.Operation, codes []validate.ReasonCode, reading int) (expect, error) {
	if len(codes) > 2 {
		return expect{}, fmt.Errorf("%s documents %d of the codes; at most two alternatives are supported", op.ID, len(codes))
	}
	a := codes[0]
	if len(codes) == 1 {
		return expect{name: fmt.Sprintf("%d %s", a.Status, a.Code), reasons: []string{a.Code}, steps: []string{status(a.Status), conform,
			fmt.Sprintf("And the response body should contain %q", a.Code)}}, nil
	}
	b := codes[1]
	e := expect{name: fmt.Sprintf("%d %s or %d %s", a.Status, a.Code, b.Status, b.Code), alternative: b.Status, reasons: []string{a.Code, b.Code}}
	if a.Status == b.Status {
		e.name = fmt.Sprintf("%d %s or %s", a.Status, a.Code, b.Code)
		e.steps = append(e.steps, status(a.Status))
	} else {
		e.steps = append(e.steps, fmt.Sprintf("Then the response status should be %d or %d", a.Status, b.Status))
	}
	e.steps = append(e.steps, conform)
	if reading > 0 {
		e.steps = append(e.steps, fmt.Sprintf("And the response body should contain %q or %q, our reading of document line %d", a.Code, b.Code, reading))
	} else {
		e.steps = append(e.steps, fmt.Sprintf("And the response body should contain %q or %q", a.Code, b.Code))
	}
	return e, nil
}

// pathNames tells whether an operation's path has the parameter.
func pathNames(op *spec.Operation, param string) bool {
	return strings.Contains(op.PathKey, "{"+param+"}")
}

func orLine(preferred, fallback int) int {
	if preferred > 0 {
		return preferred
	}
	return fallback
}

func predicateNames() []string {
	names := make([]string, 0, len(Predicates))
	for k := range Predicates {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}
