package generate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/cloudcontract/cloudcontract/harness/lint"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TableFile is the name of the per-API table beside openapi.yaml.
const TableFile = "negative.yaml"

// Table is what a person states about an API's failures that the contract cannot: the values of
// required parameters, the conditions only a person can phrase, the operations a condition must
// skip, and the documented statuses no client can provoke.
type Table struct {
	// Params gives each required parameter a value by name: a fixture variable (${tenant}) or a
	// literal that must not exist.
	Params map[string]string `yaml:"params"`
	// Setup are steps every scenario starts with, to discover what its requests name (an
	// API whose account id is read from the cloud: GET myaccount, save /orgId as "org").
	Setup []string `yaml:"setup"`
	// AbsentID is the literal id of a path parameter that must not exist on any cloud.
	AbsentID string `yaml:"absent_id"`
	// WrongCredentials replaces the derived wrong credentials (basic and bearer derive them).
	WrongCredentials *Header `yaml:"wrong_credentials"`
	// Skip lists, per generated condition (no-credentials, wrong-credentials, unknown-id), the
	// operations it must leave out, each with the reason.
	Skip map[string]map[string]string `yaml:"skip"`
	// Paging are the bad-parameter cases of every paging operation (x-paging), each a query
	// template: {page} and {size} name the operation's paging parameters, {max+1} is one above its
	// largest page size, {order} is a field it cannot be ordered by, {filter} its first filter
	// field. A case is left out of an operation the template does not apply to.
	Paging []PagingCase `yaml:"paging"`
	// Reasons gives a generated condition (no-credentials, unknown-id, ...) the REASON code its
	// answer carries, for APIs that have them.
	Reasons map[string]string `yaml:"reasons"`
	// Conditions are the per-operation conditions only a person can phrase.
	Conditions []Condition `yaml:"conditions"`
	// ForeignIDs are path parameters naming the caller's own scope (an org, a tenant), each with
	// a well-formed value no cloud gives a caller and the codes the document gives a mismatch: an
	// operation is sent with that value and expects the codes of the list it documents (two are
	// the document's alternatives).
	ForeignIDs []Scope `yaml:"foreign_ids"`
	// UnknownIDs gives, per path parameter, the REASON codes an operation may document for an id
	// that does not exist: an operation documenting one of them for its first absent path
	// parameter expects it (APIs that answer an unknown id with a code rather than 404).
	UnknownIDs map[string][]string `yaml:"unknown_ids"`
	// States give a path parameter the id of a resource (a fixture) in a state the document
	// answers with a REASON code: every operation with the parameter that documents one of the
	// state's codes, or the unknown_ids code of the first id after it, is sent with that id (the
	// ids after it absent, an XML body the document's example) and expects it.
	States []State `yaml:"states"`
	// WrongStructure are the codes (at most two alternatives) a well-formed XML body of the
	// documented root element but an unexpected structure answers, and the document line this is
	// read from: the expectation is a reading, so another answer is a deviation.
	WrongStructure *Reading `yaml:"wrong_structure"`
	// Deprecated names the conditions (role-lacking, foreign-id, unknown-id with a REASON code,
	// wrong-structure, malformed-body) that deprecated operations are sent too; the others leave
	// them out.
	Deprecated []string `yaml:"deprecated"`
	// Lines gives a generated condition the document line stating it for every operation
	// (role-lacking: the common 403), instead of the operation's own line.
	Lines map[string]int `yaml:"lines"`
	// NotProvokable lists the documented statuses (or REASON codes) a client cannot provoke.
	NotProvokable []NotProvokable `yaml:"not_provokable"`
	// VendorSide lists the documented failures only the vendor's side can cause, on a deployment
	// the vendor puts into that state (a whole system in scheduled maintenance): every operation
	// documenting the status and code gets a scenario sending its request there, tagged
	// @vendor-side, which a run without the fixture reports not run.
	VendorSide []VendorSide `yaml:"vendor_side"`
}

// VendorSide is one failure provoked on the vendor's side.
type VendorSide struct {
	// Name says what state the deployment is in ("the whole system's scheduled maintenance").
	Name string `yaml:"name"`
	// State phrases the state in the scenario's first step ("Given the cloud in scheduled
	// maintenance at ...").
	State string `yaml:"state"`
	// AnyRequest tells that the deployment answers the failure to any request of the API (a
	// whole system in maintenance), so an operation is sent without its body; otherwise an
	// operation taking one sends the document's example (XML, or the JSON model), and one without
	// an example is left out.
	AnyRequest bool `yaml:"any_request,omitempty"`
	// Answer, where the operations documenting the status answer it for other causes too, is the
	// documented answer (the response's description) of the state: only operations documenting
	// the status with it get a scenario (ESC's 406 "Operation not supported on VIM/Flavor part of
	// service registration", not its 406 "Not Acceptable"). Empty: every operation documenting
	// the status (and code).
	Answer string `yaml:"answer,omitempty"`
	// Fixture is the vendor-side fixture (harness.yaml) naming the base URL of that deployment.
	Fixture string `yaml:"fixture"`
	Status  int    `yaml:"status"`
	Reason  string `yaml:"reason,omitempty"`
	// Line is the line of the vendor document that states the failure; 0 cites each operation's
	// own line (x-document-line), where the document states the status in the operation's table
	// (ESC).
	Line int `yaml:"line,omitempty"`
}

// Header is one request header.
type Header struct {
	Name  string `yaml:"name"`
	Value string `yaml:"value"`
}

// Condition is one failure the document ties to a status (and REASON code) of an operation.
type Condition struct {
	// Name says what is wrong, in the scenario name ("an unknown flavor").
	Name      string `yaml:"name"`
	Operation string `yaml:"operation"`
	Status    int    `yaml:"status"`
	Reason    string `yaml:"reason,omitempty"`
	// Line is the line of the vendor document that states the failure.
	Line int `yaml:"line"`
	// Path is the request path (with its query); Method defaults to the operation's.
	Path   string `yaml:"path"`
	Method string `yaml:"method,omitempty"`
	// Headers are sent with the request; ContentType and Body give it a body.
	Headers     []Header `yaml:"headers,omitempty"`
	ContentType string   `yaml:"content_type,omitempty"`
	Body        string   `yaml:"body,omitempty"`
}

// Scope is a path parameter that must name the caller's own scope.
type Scope struct {
	Param   string   `yaml:"param"`
	Value   string   `yaml:"value"`
	Reasons []string `yaml:"reasons"`
	Line    int      `yaml:"line"`
}

// State is a resource in a state, named by a fixture in a path parameter.
type State struct {
	// Name says what the resource is ("a server without Cloud Backup").
	Name  string `yaml:"name"`
	Param string `yaml:"param"`
	Value string `yaml:"value"`
	// Reasons are the codes the state itself answers (at most two alternatives); without them
	// the state is only an existing parent, and the unknown id after it is the condition.
	Reasons []string `yaml:"reasons,omitempty"`
	// Line is the line of the vendor document stating the state's codes; without it each
	// scenario cites its operation's own.
	Line int `yaml:"line,omitempty"`
}

// Reading is an expectation read from a document line rather than stated by it.
type Reading struct {
	Reasons []string `yaml:"reasons"`
	Line    int      `yaml:"line"`
}

// PagingCase is one documented bad-parameter case of paging.
type PagingCase struct {
	Name   string `yaml:"name"`
	Query  string `yaml:"query"`
	Status int    `yaml:"status"`
	Reason string `yaml:"reason,omitempty"`
	Line   int    `yaml:"line"`
}

// NotProvokable is a documented status (or REASON code) only the vendor's side can cause, or
// that no request of the operations it names can meet the condition of.
type NotProvokable struct {
	// Operation is an operationId, or "*" for every operation documenting it.
	Operation string `yaml:"operation"`
	Status    int    `yaml:"status,omitempty"`
	Reason    string `yaml:"reason,omitempty"`
	// When narrows the entry to the operations every one of these holds for (see Predicates).
	When []string `yaml:"when,omitempty"`
	Why  string   `yaml:"why"`
}

// Predicates are what NotProvokable.When may say of an operation, read from the contract.
var Predicates = map[string]func(op *spec.Operation, arg string) bool{
	// no-xml-body: the operation takes no XML request body.
	"no-xml-body": func(op *spec.Operation, _ string) bool { return !strings.Contains(bodyType(op), "xml") },
	// no-roles: every caller may send it (no x-roles).
	"no-roles": func(op *spec.Operation, _ string) bool { return len(Roles(op)) == 0 },
	// no-param NAME: its path has no {NAME}.
	"no-param": func(op *spec.Operation, arg string) bool { return !pathNames(op, arg) },
	// no-tag NAME: the contract does not tag it NAME (the document's section of it).
	"no-tag": func(op *spec.Operation, arg string) bool { return !slices.Contains(op.Op.Tags, arg) },
	// tag NAME|NAME...: the contract tags it one of these names.
	"tag": func(op *spec.Operation, arg string) bool {
		return slices.ContainsFunc(strings.Split(arg, "|"), func(n string) bool { return slices.Contains(op.Op.Tags, strings.TrimSpace(n)) })
	},
	// documents CODE: it lists the REASON code among its own (x-reason-codes).
	"documents": func(op *spec.Operation, arg string) bool { return ownsReason(op, arg) },
}

// predicate splits "no-param org-id" into its function and argument.
func predicate(w string) (func(*spec.Operation, string) bool, string, bool) {
	name, arg, _ := strings.Cut(strings.TrimSpace(w), " ")
	f, ok := Predicates[name]
	return f, strings.TrimSpace(arg), ok
}

func ownsReason(op *spec.Operation, code string) bool {
	for _, c := range parseOwn(op) {
		if c == code {
			return true
		}
	}
	return false
}

func parseOwn(op *spec.Operation) []string {
	list, _ := op.Op.Extensions["x-reason-codes"].([]any)
	var out []string
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, fmt.Sprint(m["code"]))
		}
	}
	return out
}

// LoadTable reads specs/<api>/negative.yaml; an API without one has an empty table.
func LoadTable(specDir string) (*Table, error) {
	data, err := os.ReadFile(filepath.Join(specDir, TableFile))
	if errors.Is(err, os.ErrNotExist) {
		return &Table{}, nil
	}
	if err != nil {
		return nil, err
	}
	var t Table
	if err := yaml.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(specDir, TableFile), err)
	}
	return &t, nil
}

// NotProvokableWhy says why a documented status (or REASON code) of an operation cannot be
// provoked from outside, or "" when the table does not say it cannot. Entries narrowed by When
// need the contract: see Classifier.
func (t *Table) NotProvokableWhy(op string, status int, reason string) string {
	return t.why(nil, op, status, reason)
}

// Classifier is NotProvokableWhy with the entries narrowed by When read against an API's
// contract.
func (t *Table) Classifier(api *spec.API) func(op string, status int, reason string) string {
	return func(op string, status int, reason string) string { return t.why(api, op, status, reason) }
}

func (t *Table) why(api *spec.API, opID string, status int, reason string) string {
	for _, n := range t.NotProvokable {
		if n.Operation != "*" && n.Operation != opID {
			continue
		}
		if !(reason != "" && n.Reason == reason || reason == "" && n.Reason == "" && n.Status == status) {
			continue
		}
		if len(n.When) > 0 && !holds(api, opID, n.When) {
			continue
		}
		return n.Why
	}
	if reason == "" && status >= 400 {
		return t.everyCodeWhy(api, opID, status)
	}
	return ""
}

// everyCodeWhy says why a status cannot be provoked when every REASON code the operation answers
// with it cannot be (each with its why), or "" when one can or it answers none.
func (t *Table) everyCodeWhy(api *spec.API, opID string, status int) string {
	if api == nil {
		return ""
	}
	op := api.Operation(opID)
	if op == nil {
		return ""
	}
	codes, _ := validate.ReasonCodes(api, op)
	var whys []string
	for _, c := range codes {
		if c.Status != status {
			continue
		}
		w := t.why(api, opID, 0, c.Code)
		if w == "" {
			return ""
		}
		whys = append(whys, c.Code+": "+w)
	}
	if len(whys) == 0 {
		return ""
	}
	return fmt.Sprintf("every REASON code it answers with %d is not provokable from outside (%s)", status, strings.Join(whys, "; "))
}

// holds tells whether every predicate holds for the operation (never without a contract).
func holds(api *spec.API, opID string, when []string) bool {
	if api == nil {
		return false
	}
	op := api.Operation(opID)
	if op == nil {
		return false
	}
	for _, w := range when {
		f, arg, ok := predicate(w)
		if !ok || !f(op, arg) {
			return false
		}
	}
	return true
}

// Citations lists every document line the table cites for a REASON code, with the codes the line
// must state: what lint checks against the document.
func (t *Table) Citations() []lint.Citation {
	var out []lint.Citation
	add := func(where string, line int, codes ...string) {
		var m []string
		for _, c := range codes {
			if c != "" {
				m = append(m, c)
			}
		}
		if line > 0 && len(m) > 0 {
			out = append(out, lint.Citation{Where: where, Line: line, Mentions: m})
		}
	}
	for i, p := range t.Paging {
		add(fmt.Sprintf("paging[%d] (%s)", i, p.Name), p.Line, p.Reason)
	}
	for i, c := range t.Conditions {
		add(fmt.Sprintf("conditions[%d] (%s of %s)", i, c.Name, c.Operation), c.Line, c.Reason)
	}
	for i, s := range t.ForeignIDs {
		add(fmt.Sprintf("foreign_ids[%d] (%s)", i, s.Param), s.Line, s.Reasons...)
	}
	if t.WrongStructure != nil {
		add("wrong_structure", t.WrongStructure.Line, t.WrongStructure.Reasons...)
	}
	for i, st := range t.States {
		add(fmt.Sprintf("states[%d] (%s)", i, st.Name), st.Line, st.Reasons...)
	}
	for i, v := range t.VendorSide {
		add(fmt.Sprintf("vendor_side[%d] (%s)", i, v.Name), v.Line, v.Reason)
	}
	return out
}
