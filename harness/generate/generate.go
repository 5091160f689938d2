// Package generate writes the negative conformance scenarios of an API from its contract: for
// every operation, each failure the document ties to a status that a client can provoke without
// harming the cloud (no credentials, wrong credentials, an unknown id), plus the conditions of
// the API's table (specs/<api>/negative.yaml) that only a person can phrase. The output is a
// feature file in the shared step vocabulary; regenerating an unchanged contract changes nothing.
package generate

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/lint"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// The generated conditions, by the name their skip lists use.
const (
	NoCredentials    = "no-credentials"
	WrongCredentials = "wrong-credentials"
	UnknownID        = "unknown-id"
	MalformedBody    = "malformed-body"
	MissingRequired  = "missing-required"
	OutOfRange       = "out-of-range"
)

// Tags every generated scenario carries (the feature's tags).
const (
	TagGenerated = "@generated"
	TagNegative  = "@negative"
)

// DefaultAbsentID is the path id no cloud holds, unless the table names another.
const DefaultAbsentID = "cc-absent-0000"

// wrongUser and wrongSecret make the wrong credentials: a user and a secret no cloud issues.
const (
	wrongUser   = "cc-no-such-user"
	wrongSecret = "cc-not-the-password"
)

// Scenario is one generated scenario.
type Scenario struct {
	Name      string
	Condition string
	Operation string
	Status    int
	Line      int
	Tags      []string
	Steps     []string
	// DocString is the body of the send step, when it has one.
	DocString, DocType string
	// Requests are the scenario's requests, for a simulator's own tests to send.
	Requests []Request
}

// The credentials a generated request carries.
const (
	AuthDefault = "default" // the API's default credential set
	AuthNone    = "none"    // none at all
	AuthWrong   = "wrong"   // none, and the Headers carry wrong ones
)

// Request is one request of a generated scenario and the status the document gives it.
type Request struct {
	// Auth is AuthNone, AuthWrong, or the name of the credential set the request carries.
	Auth    string
	Method  string
	Path    string
	Headers []Header
	// ContentType and Body are empty for a request without a body.
	ContentType, Body string
	Status            int
	// Alternative is the status of the document's other answer, where it allows two (0: none).
	Alternative int
	// Reasons are the REASON codes the answer carries: one, or the document's two alternatives
	// (the answer to Status first, then the one to Alternative).
	Reasons []string
	// At is the vendor-side fixture naming the base URL the request is sent to ("": the
	// target).
	At string
}

var paramRef = regexp.MustCompile(`\{([^}]+)\}`)
var varUse = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_.\-]*)\}`)

// Scenarios derives every scenario of an API, in a stable order.
func Scenarios(api *spec.API, t *Table) ([]Scenario, error) {
	ops := append([]*spec.Operation(nil), api.Operations()...)
	sort.Slice(ops, func(i, j int) bool { return ops[i].ID < ops[j].ID })
	absent := t.AbsentID
	if absent == "" {
		absent = DefaultAbsentID
	}
	wrong := wrongCredentials(api, t)
	if err := checkTable(api, t); err != nil {
		return nil, err
	}
	var out []Scenario
	for _, op := range ops {
		if op.Op.Deprecated && len(t.Deprecated) == 0 {
			continue
		}
		path, ok := requestPath(op, t, absent)
		if !ok {
			continue
		}
		line := documentLine(op)
		if op.Op.Deprecated {
			if sc, ok := malformedBody(op, t, path, line); ok && slices.Contains(t.Deprecated, MalformedBody) {
				out = append(out, sc)
			}
			more, err := derived(api, op, t, absent, path, line, t.Deprecated)
			if err != nil {
				return nil, err
			}
			out = append(out, more...)
			continue
		}
		authOp := api.Harness.Auth.Kind != spec.AuthNone && !isLogin(api, op)
		// No credentials and wrong credentials are two requests of one scenario: the same
		// refusal, and one cassette instead of two keeps the offline replay fast.
		if st := firstStatus(op, 401, 403); authOp && st != 0 {
			sc := Scenario{Operation: op.ID, Status: st, Line: line}
			var conds []string
			if t.Skip[NoCredentials][op.ID] == "" {
				conds = append(conds, NoCredentials)
				sc.Steps = append(sc.Steps, "Given I am not authenticated", send(op.Method, path), status(st), conform)
				sc.Requests = append(sc.Requests, Request{Auth: AuthNone, Method: op.Method, Path: path, Status: st})
			}
			if wrong != nil && t.Skip[WrongCredentials][op.ID] == "" {
				conds = append(conds, WrongCredentials)
				sc.Steps = append(sc.Steps, "Given I am not authenticated",
					fmt.Sprintf("And the request header %q is %q", wrong.Name, wrong.Value),
					send(op.Method, path), status(st), conform)
				sc.Requests = append(sc.Requests, Request{Auth: AuthWrong, Method: op.Method, Path: path, Headers: []Header{*wrong}, Status: st})
			}
			if len(conds) > 0 {
				sc.Condition = strings.Join(conds, ", ")
				sc.Name = fmt.Sprintf("%s without credentials is refused with %d", op.ID, st)
				if len(conds) == 2 {
					sc.Name = fmt.Sprintf("%s without credentials or with wrong ones is refused with %d", op.ID, st)
				} else if conds[0] == WrongCredentials {
					sc.Name = fmt.Sprintf("%s with wrong credentials is refused with %d", op.ID, st)
				}
				out = append(out, sc)
			}
		}
		if op.Method == http.MethodGet && len(op.Params()) > 0 && hasStatus(op, 404) && t.Skip[UnknownID][op.ID] == "" {
			out = append(out, Scenario{
				Name:      fmt.Sprintf("%s of an unknown id answers 404", op.ID),
				Condition: UnknownID, Operation: op.ID, Status: 404, Line: line,
				Steps:    []string{"Given I am authenticated", send(op.Method, path), status(404), conform},
				Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: path, Status: 404}},
			})
		}
		if sc, ok := malformedBody(op, t, path, line); ok {
			out = append(out, sc)
		}
		if mt, req := requiredProps(op); len(req) > 0 && t.Skip[MissingRequired][op.ID] == "" {
			if st := firstStatus(op, 422, 400); st != 0 {
				out = append(out, Scenario{
					Name:      fmt.Sprintf("%s without its required %s answers %d", op.ID, strings.Join(req, ", "), st),
					Condition: MissingRequired, Operation: op.ID, Status: st, Line: line,
					Steps: []string{"Given I am authenticated",
						fmt.Sprintf("And the request header %q is %q", "Content-Type", mt),
						send(op.Method, path) + " with body:", status(st), conform},
					DocString: "{}", DocType: "json",
					Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: path, ContentType: mt, Body: "{}", Status: st}},
				})
			}
		}
		if t.Skip[MissingRequired][op.ID] == "" {
			if sc, ok := missingElements(op, t, path, line); ok {
				out = append(out, sc)
			}
			if sc, ok := missingQuery(op, t, path, line); ok {
				out = append(out, sc)
			}
		}
		if hasStatus(op, 400) && t.Skip[OutOfRange][op.ID] == "" {
			if sc, ok := overlongIDs(op, t, absent); ok {
				out = append(out, sc)
			}
		}
		if op.Method == http.MethodGet && hasStatus(op, 400) && t.Skip[OutOfRange][op.ID] == "" {
			for _, q := range outOfRange(op) {
				p := path + sepOf(path) + q.name + "=" + q.value
				out = append(out, Scenario{
					Name:      fmt.Sprintf("%s with %s %s answers 400", op.ID, q.name, q.why),
					Condition: OutOfRange, Operation: op.ID, Status: 400, Line: line,
					Steps:    []string{"Given I am authenticated", send(op.Method, p), status(400), conform},
					Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: p, Status: 400}},
				})
			}
		}
		more, err := derived(api, op, t, absent, path, line, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, more...)
	}
	for _, op := range ops {
		pg := validate.Paging(op)
		if pg == nil || op.Method != http.MethodGet || op.Op.Deprecated {
			continue
		}
		path, ok := requestPath(op, t, absent)
		if !ok {
			continue
		}
		for _, pc := range t.Paging {
			q, ok := pagingQuery(pc.Query, pg)
			if !ok || !hasStatus(op, pc.Status) {
				continue
			}
			p := path + sepOf(path) + q
			sc := Scenario{
				Name:      fmt.Sprintf("%s paged with %s answers %d", op.ID, pc.Name, pc.Status),
				Condition: "paging: " + pc.Name, Operation: op.ID, Status: pc.Status, Line: pc.Line,
				Steps:    []string{"Given I am authenticated", send(op.Method, p), status(pc.Status), conform},
				Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: p, Status: pc.Status}},
			}
			if pc.Reason != "" {
				sc.Requests[0].Reasons = []string{pc.Reason}
				sc.Name += " " + pc.Reason
				sc.Steps = append(sc.Steps, fmt.Sprintf("And the response body should contain %q", pc.Reason))
			}
			out = append(out, sc)
		}
	}
	for i, c := range t.Conditions {
		op := api.Operation(c.Operation)
		if op == nil {
			return nil, fmt.Errorf("%s condition %d (%s): no operation %q", TableFile, i+1, c.Name, c.Operation)
		}
		if !hasStatus(op, c.Status) {
			return nil, fmt.Errorf("%s condition %d (%s): %s documents no status %d", TableFile, i+1, c.Name, op.ID, c.Status)
		}
		method := c.Method
		if method == "" {
			method = op.Method
		}
		sc := Scenario{
			Name:      fmt.Sprintf("%s with %s answers %d", op.ID, c.Name, c.Status),
			Condition: c.Name, Operation: op.ID, Status: c.Status, Line: c.Line,
			Steps: []string{"Given I am authenticated"},
		}
		if c.Reason != "" {
			sc.Name = fmt.Sprintf("%s with %s answers %d %s", op.ID, c.Name, c.Status, c.Reason)
		}
		for _, h := range c.Headers {
			sc.Steps = append(sc.Steps, fmt.Sprintf("And the request header %q is %q", h.Name, h.Value))
		}
		if c.ContentType != "" {
			sc.Steps = append(sc.Steps, fmt.Sprintf("And the request header %q is %q", "Content-Type", c.ContentType))
		}
		if c.Body != "" {
			sc.Steps = append(sc.Steps, send(method, c.Path)+" with body:")
			sc.DocString, sc.DocType = c.Body, docType(c.ContentType, c.Body)
		} else {
			sc.Steps = append(sc.Steps, send(method, c.Path))
		}
		sc.Steps = append(sc.Steps, status(c.Status), conform)
		sc.Requests = []Request{{Auth: AuthDefault, Method: method, Path: c.Path, Headers: c.Headers, ContentType: c.ContentType, Body: c.Body, Status: c.Status}}
		if c.Reason != "" {
			sc.Steps = append(sc.Steps, fmt.Sprintf("And the response body should contain %q", c.Reason))
			sc.Requests[0].Reasons = []string{c.Reason}
		}
		out = append(out, sc)
	}
	out = append(out, vendorSide(api, t, ops, absent)...)
	for i := range out {
		if len(t.Setup) > 0 {
			out[i].Steps = append(append([]string(nil), t.Setup...), out[i].Steps...)
		}
		if r := t.Reasons[out[i].Condition]; r != "" {
			out[i].Name += " " + r
			if step := containsStep(r); out[i].Steps[len(out[i].Steps)-1] != step {
				out[i].Steps = append(out[i].Steps, step)
			}
			for j := range out[i].Requests {
				out[i].Requests[j].Reasons = []string{r}
			}
		}
		out[i].Tags = tagsOf(api, &out[i])
	}
	return out, nil
}

// malformedBody sends an operation with a required body a document of its media type that no
// parser reads.
func malformedBody(op *spec.Operation, t *Table, path string, line int) (Scenario, bool) {
	mt := bodyType(op)
	if mt == "" || !hasStatus(op, 400) || t.Skip[MalformedBody][op.ID] != "" {
		return Scenario{}, false
	}
	body := malformed(mt)
	return Scenario{
		Name:      fmt.Sprintf("%s with a malformed %s body answers 400", op.ID, strings.ToUpper(docType(mt, ""))),
		Condition: MalformedBody, Operation: op.ID, Status: 400, Line: line,
		Steps: []string{"Given I am authenticated",
			fmt.Sprintf("And the request header %q is %q", "Content-Type", mt),
			send(op.Method, path) + " with body:", status(400), conform},
		DocString: body, DocType: docType(mt, ""),
		Requests: []Request{{Auth: AuthDefault, Method: op.Method, Path: path, ContentType: mt, Body: body, Status: 400}},
	}, true
}

// vendorSide derives, for each failure of the table's vendor_side, a scenario per operation
// documenting its status (and REASON code, or answer): the operation's request, sent with the
// default credentials to the deployment the vendor-side fixture names. An operation taking a body
// sends the document's example (XML, or else the JSON model), so that only the deployment's state
// is wrong; one without an example is left out, unless the state answers any request (AnyRequest).
func vendorSide(api *spec.API, t *Table, ops []*spec.Operation, absent string) []Scenario {
	var out []Scenario
	for _, v := range t.VendorSide {
		for _, op := range ops {
			path, ok := requestPath(op, t, absent)
			if !ok || !hasStatus(op, v.Status) || v.Reason != "" && !documents(api, op, v.Reason) ||
				v.Answer != "" && answer(op, v.Status) != v.Answer {
				continue
			}
			req := Request{Auth: AuthDefault, Method: op.Method, Path: path, Status: v.Status, At: v.Fixture}
			sending := send(op.Method, path)
			var steps []string
			if bodyType(op) != "" && !v.AnyRequest {
				if req.ContentType, req.Body = documentedBody(op); req.Body == "" {
					continue
				}
				steps = append(steps, fmt.Sprintf("And the request header %q is %q", "Content-Type", req.ContentType))
				sending += " with body:"
			}
			sc := Scenario{
				Name:      fmt.Sprintf("%s during %s answers %d", op.ID, v.Name, v.Status),
				Condition: "vendor side: " + v.Name, Operation: op.ID, Status: v.Status, Line: orLine(v.Line, documentLine(op)),
				Steps: append(append([]string{fmt.Sprintf("Given the cloud in %s at %q", v.State, "${"+v.Fixture+"}"),
					"And I am authenticated"}, steps...), sending, status(v.Status), conform),
				Requests: []Request{req},
			}
			if req.Body != "" {
				sc.DocString, sc.DocType = req.Body, docType(req.ContentType, req.Body)
			}
			if v.Reason != "" {
				sc.Name += " " + v.Reason
				sc.Steps = append(sc.Steps, fmt.Sprintf("And the response field %q should be %q", "/resultCode", v.Reason))
				sc.Requests[0].Reasons = []string{v.Reason}
			}
			out = append(out, sc)
		}
	}
	return out
}

// documents tells whether an operation documents a REASON code (its own, the paging and the
// common ones).
func documents(api *spec.API, op *spec.Operation, code string) bool {
	codes, _ := validate.ReasonCodes(api, op)
	for _, c := range codes {
		if c.Code == code {
			return true
		}
	}
	return false
}

const conform = "And the response should conform to the contract"

// containsStep checks that the last response carries a REASON code.
func containsStep(code string) string {
	return fmt.Sprintf("And the response body should contain %q", code)
}

func send(method, path string) string {
	return fmt.Sprintf("When I send a %s request to %q", method, path)
}

func status(n int) string { return fmt.Sprintf("Then the response status should be %d", n) }

func docType(contentType, body string) string {
	switch {
	case strings.Contains(contentType, "xml"):
		return "xml"
	case strings.Contains(contentType, "json"):
		return "json"
	case strings.HasPrefix(strings.TrimSpace(body), "<"):
		return "xml"
	}
	return ""
}

// tagsOf gives a scenario the tags lint derives from its steps: @destructive for a write,
// @fixture:NAME for each fixture variable.
func tagsOf(api *spec.API, sc *Scenario) []string {
	var tags []string
	seen := map[string]bool{}
	for _, st := range sc.Steps {
		if m := sendStep.FindStringSubmatch(st); m != nil && lint.Changes(api, m[1], m[2]) != "" && !seen["d"] {
			seen["d"] = true
			tags = append(tags, lint.TagDestructive)
		}
	}
	for _, st := range sc.Steps {
		if m := asSet.FindStringSubmatch(st); m != nil && m[1] != AuthDefault && !seen["a"] {
			seen["a"] = true
			tags = append(tags, lint.TagAdmin)
		}
	}
	var fixtures []string
	for _, text := range append(append([]string(nil), sc.Steps...), sc.DocString) {
		for _, m := range varUse.FindAllStringSubmatch(text, -1) {
			if _, ok := api.Harness.Fixture(m[1]); ok && !seen["f:"+m[1]] {
				seen["f:"+m[1]] = true
				fixtures = append(fixtures, lint.TagFixture+m[1])
			}
			if _, ok := api.Harness.VendorSide(m[1]); ok && !seen["v"] {
				seen["v"] = true
				tags = append(tags, lint.TagVendorSide)
			}
		}
	}
	sort.Strings(fixtures)
	return append(tags, fixtures...)
}

var pagingToken = regexp.MustCompile(`\{[a-z+1]+\}`)

var asSet = regexp.MustCompile(`I am authenticated as "([^"]*)"`)

var sendStep = regexp.MustCompile(`I send an? ([A-Z]+) request to "([^"]*)"`)

// requestPath builds the path of a generated request: every path parameter the absent id, every
// required query parameter its value from the table. It reports false when a required parameter
// has no value.
func requestPath(op *spec.Operation, t *Table, absent string) (string, bool) {
	path := paramRef.ReplaceAllStringFunc(op.PathKey, func(m string) string {
		if v, ok := t.Params[m[1:len(m)-1]]; ok {
			return v
		}
		return absent
	})
	var query []string
	for _, name := range requiredQuery(op) {
		v, ok := t.Params[name]
		if !ok {
			return "", false
		}
		query = append(query, name+"="+v)
	}
	if len(query) > 0 {
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		path += sep + strings.Join(query, "&")
	}
	return path, true
}

func wrongCredentials(api *spec.API, t *Table) *Header {
	if t.WrongCredentials != nil {
		return t.WrongCredentials
	}
	switch api.Harness.Auth.Kind {
	case spec.AuthBasic:
		return &Header{Name: "Authorization", Value: "Basic " + base64.StdEncoding.EncodeToString([]byte(wrongUser+":"+wrongSecret))}
	case spec.AuthBearer:
		return &Header{Name: "Authorization", Value: "Bearer " + wrongSecret}
	}
	return nil
}

// isLogin tells the login operation of a login API: it takes credentials instead of needing them.
func isLogin(api *spec.API, op *spec.Operation) bool {
	l := api.Harness.Auth.Login
	return l != nil && strings.EqualFold(l.Method, op.Method) && l.Path == op.PathKey
}

func hasStatus(op *spec.Operation, code int) bool {
	return op.Op.Responses != nil && op.Op.Responses.Value(strconv.Itoa(code)) != nil
}

func firstStatus(op *spec.Operation, codes ...int) int {
	for _, c := range codes {
		if hasStatus(op, c) {
			return c
		}
	}
	return 0
}

func documentLine(op *spec.Operation) int { return lineOf(op.Op.Extensions) }

// lineOf reads the x-document-line extension of an operation or schema (0 without one).
func lineOf(ext map[string]any) int {
	switch v := ext["x-document-line"].(type) {
	case float64:
		return int(v)
	case int:
		return v
	}
	return 0
}

// Feature renders the scenarios of an API as one feature file.
func Feature(api *spec.API, scs []Scenario) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Code generated by cloudcontract generate --api %s; DO NOT EDIT.\n", api.Name)
	fmt.Fprintf(&b, "# From specs/%s/openapi.yaml and specs/%s/%s; regenerate with make generate.\n", api.Name, api.Name, TableFile)
	fmt.Fprintf(&b, "@%s %s %s\n", api.Name, TagGenerated, TagNegative)
	fmt.Fprintf(&b, "Feature: %s fails as documented (generated negative conformance)\n", api.Harness.Title)
	b.WriteString("  Each scenario provokes one documented failure of one operation from outside, without a write\n")
	b.WriteString("  that could succeed: no or wrong credentials, an id that must not exist, a malformed request.\n")
	for _, sc := range scs {
		if slices.Contains(sc.Tags, lint.TagVendorSide) {
			b.WriteString("  Those tagged " + lint.TagVendorSide + " provoke it on the vendor's side, on a deployment only the vendor\n")
			b.WriteString("  can put in that state (in maintenance, failing behind the API): a run without it reports them not run.\n")
			break
		}
	}
	for _, sc := range scs {
		b.WriteString("\n")
		if sc.Line > 0 {
			fmt.Fprintf(&b, "  # %s: %s, document line %d\n", sc.Condition, sc.Operation, sc.Line)
		} else {
			fmt.Fprintf(&b, "  # %s: %s\n", sc.Condition, sc.Operation)
		}
		if len(sc.Tags) > 0 {
			fmt.Fprintf(&b, "  %s\n", strings.Join(sc.Tags, " "))
		}
		name := sc.Name
		if sc.Line > 0 {
			name = fmt.Sprintf("%s (document line %d)", name, sc.Line)
		}
		fmt.Fprintf(&b, "  Scenario: %s\n", name)
		for _, st := range sc.Steps {
			fmt.Fprintf(&b, "    %s\n", st)
			if strings.HasSuffix(st, "with body:") {
				fmt.Fprintf(&b, "      \"\"\"%s\n", sc.DocType)
				for _, l := range strings.Split(strings.TrimRight(sc.DocString, "\n"), "\n") {
					fmt.Fprintf(&b, "      %s\n", l)
				}
				b.WriteString("      \"\"\"\n")
			}
		}
	}
	return b.Bytes()
}

type paramView struct {
	name, in string
	required bool
}

func views(ps openapi3.Parameters) []*paramView {
	var out []*paramView
	for _, p := range ps {
		if p == nil || p.Value == nil {
			continue
		}
		out = append(out, &paramView{name: p.Value.Name, in: p.Value.In, required: p.Value.Required})
	}
	return out
}

// Expand replaces each ${name} of s by vars[name] (a simulator's test gives its fixture values).
func Expand(s string, vars map[string]string) string {
	return varUse.ReplaceAllStringFunc(s, func(m string) string {
		if v, ok := vars[m[2:len(m)-1]]; ok {
			return v
		}
		return m
	})
}

// bodyType is the first media type of an operation's required request body ("" without one).
func bodyType(op *spec.Operation) string {
	rb := op.Op.RequestBody
	if rb == nil || rb.Value == nil || !rb.Value.Required || len(rb.Value.Content) == 0 {
		return ""
	}
	types := make([]string, 0, len(rb.Value.Content))
	for mt := range rb.Value.Content {
		types = append(types, mt)
	}
	sort.Strings(types)
	for _, mt := range types {
		if strings.Contains(mt, "xml") || strings.Contains(mt, "json") {
			return mt
		}
	}
	return ""
}

// malformed is a document of a media type that no parser reads: it cannot create or change
// anything.
func malformed(mt string) string {
	if strings.Contains(mt, "xml") {
		return "<cc-malformed><unclosed>"
	}
	return `{"cc-malformed": `
}

type badValue struct{ name, value, why string }

// outOfRange gives, for each query parameter with a documented range or enumeration, one value
// outside it.
func outOfRange(op *spec.Operation) []badValue {
	var out []badValue
	seen := map[string]bool{}
	for _, ps := range []openapi3.Parameters{op.Item.Parameters, op.Op.Parameters} {
		for _, p := range ps {
			if p == nil || p.Value == nil || p.Value.In != "query" || p.Value.Schema == nil || p.Value.Schema.Value == nil || seen[p.Value.Name] {
				continue
			}
			seen[p.Value.Name] = true
			sch := p.Value.Schema.Value
			switch {
			case len(sch.Enum) > 0:
				out = append(out, badValue{p.Value.Name, "cc-not-listed", "outside its enumeration"})
			case sch.Min != nil:
				out = append(out, badValue{p.Value.Name, strconv.FormatFloat(*sch.Min-1, 'f', -1, 64), "below its minimum"})
			case sch.Max != nil:
				out = append(out, badValue{p.Value.Name, strconv.FormatFloat(*sch.Max+1, 'f', -1, 64), "above its maximum"})
			}
		}
	}
	return out
}

// overlongIDs is the out-of-range scenario of an operation without a required body whose path
// parameters have a documented maximum length: one request per such parameter, that parameter one
// character longer than its maximum and every other the absent id (a parameter the table gives a
// value keeps it). Only the length breaks the rule, and no such id can exist, so no request can
// change anything. The scenario names the document line of the first parameter's schema, else the
// operation's.
func overlongIDs(op *spec.Operation, t *Table, absent string) (Scenario, bool) {
	rb := op.Op.RequestBody
	if rb != nil && rb.Value != nil && rb.Value.Required {
		return Scenario{}, false
	}
	sc := Scenario{Condition: OutOfRange, Operation: op.ID, Status: 400, Steps: []string{"Given I am authenticated"}}
	var names []string
	for _, name := range op.Params() {
		sch := pathSchema(op, name)
		if _, given := t.Params[name]; given || sch == nil || sch.MaxLength == nil {
			continue
		}
		long := strings.Repeat(absent, int(*sch.MaxLength)/len(absent)+1)[:*sch.MaxLength+1]
		path, ok := requestPath(op, &Table{Params: withParam(t.Params, name, long)}, absent)
		if !ok {
			return Scenario{}, false
		}
		if sc.Line == 0 {
			sc.Line = lineOf(sch.Extensions)
		}
		names = append(names, name)
		sc.Steps = append(sc.Steps, send(op.Method, path), status(400), conform)
		sc.Requests = append(sc.Requests, Request{Auth: AuthDefault, Method: op.Method, Path: path, Status: 400})
	}
	if len(names) == 0 {
		return Scenario{}, false
	}
	if sc.Line == 0 {
		sc.Line = documentLine(op)
	}
	sc.Name = fmt.Sprintf("%s with %s longer than its maximum length answers 400", op.ID, strings.Join(names, " or "))
	return sc, true
}

// pathSchema is the schema of an operation's path parameter (the operation's own declaration
// wins over the path's), nil when it declares none.
func pathSchema(op *spec.Operation, name string) *openapi3.Schema {
	for _, ps := range []openapi3.Parameters{op.Op.Parameters, op.Item.Parameters} {
		for _, p := range ps {
			if p != nil && p.Value != nil && p.Value.In == openapi3.ParameterInPath && p.Value.Name == name && p.Value.Schema != nil {
				return p.Value.Schema.Value
			}
		}
	}
	return nil
}

// withParam is a copy of params with name set to value.
func withParam(params map[string]string, name, value string) map[string]string {
	out := map[string]string{name: value}
	for k, v := range params {
		if k != name {
			out[k] = v
		}
	}
	return out
}

func sepOf(path string) string {
	if strings.Contains(path, "?") {
		return "&"
	}
	return "?"
}

// pagingQuery fills a paging case's query template for one operation; false when the template
// names what the operation lacks (a largest page size, filters, orderBy).
func pagingQuery(tmpl string, pg *validate.PagingSpec) (string, bool) {
	ok := true
	q := pagingToken.ReplaceAllStringFunc(tmpl, func(m string) string {
		switch m {
		case "{page}":
			return pg.PageParam
		case "{size}":
			return pg.SizeParam
		case "{max+1}":
			if pg.MaxPageSize == 0 {
				ok = false
			}
			return strconv.Itoa(pg.MaxPageSize + 1)
		case "{order}":
			if len(pg.OrderBy) == 0 {
				ok = false
			}
			return "ccNoSuchField"
		case "{filter}":
			if len(pg.Filters) == 0 {
				ok = false
				return ""
			}
			return pg.Filters[0]
		}
		ok = false
		return m
	})
	return q, ok
}

// checkTable names the operations of a table that the contract does not have, so that a renamed
// operation is not silently skipped or judged.
func checkTable(api *spec.API, t *Table) error {
	conds := make([]string, 0, len(t.Skip))
	for c := range t.Skip {
		conds = append(conds, c)
	}
	sort.Strings(conds)
	for _, c := range conds {
		for op, why := range t.Skip[c] {
			if api.Operation(op) == nil {
				return fmt.Errorf("%s skip %s: no operation %q", TableFile, c, op)
			}
			if why == "" {
				return fmt.Errorf("%s skip %s %s: say why", TableFile, c, op)
			}
		}
	}
	for i, f := range t.ForeignIDs {
		if f.Param == "" || f.Value == "" || len(f.Reasons) == 0 {
			return fmt.Errorf("%s foreign_ids %d: needs a param, a value and the reasons of a mismatch", TableFile, i+1)
		}
	}
	conditions := []string{RoleLacking, ForeignID, UnknownID, WrongStructure, MalformedBody}
	for i, s := range t.States {
		if s.Name == "" || s.Param == "" || s.Value == "" || len(s.Reasons) > 2 {
			return fmt.Errorf("%s states %d: needs a name, a param and a value, and at most two reasons", TableFile, i+1)
		}
		// A literal would be one cloud's data: the resource is a fixture of harness.yaml.
		ref := varUse.FindStringSubmatch(s.Value)
		if ref == nil || ref[0] != s.Value {
			return fmt.Errorf("%s states %d (%s): value %q must be one fixture variable (${NAME})", TableFile, i+1, s.Name, s.Value)
		}
		if _, ok := api.Harness.Fixture(ref[1]); !ok {
			return fmt.Errorf("%s states %d (%s): %q is not a fixture of harness.yaml", TableFile, i+1, s.Name, ref[1])
		}
		conditions = append(conditions, StateCondition(s))
	}
	for _, c := range t.Deprecated {
		if !slices.Contains(conditions, c) {
			return fmt.Errorf("%s deprecated: %q is not a condition deprecated operations may be sent (%s)", TableFile, c, strings.Join(conditions, ", "))
		}
	}
	if w := t.WrongStructure; w != nil && (len(w.Reasons) == 0 || len(w.Reasons) > 2 || w.Line == 0) {
		return fmt.Errorf("%s wrong_structure: needs one or two reasons and the document line they are read from", TableFile)
	}
	for i, v := range t.VendorSide {
		if _, ok := api.Harness.VendorSide(v.Fixture); !ok {
			return fmt.Errorf("%s vendor_side %d (%s): %q is not a vendor-side fixture of harness.yaml (vendor_side: true)", TableFile, i+1, v.Name, v.Fixture)
		}
		if v.Name == "" || v.State == "" || v.Status == 0 {
			return fmt.Errorf("%s vendor_side %d: needs a name, the state of the deployment and a status", TableFile, i+1)
		}
	}
	for i, n := range t.NotProvokable {
		if n.Operation != "*" && api.Operation(n.Operation) == nil {
			return fmt.Errorf("%s not_provokable %d: no operation %q", TableFile, i+1, n.Operation)
		}
		if n.Why == "" {
			return fmt.Errorf("%s not_provokable %d (%s): say why", TableFile, i+1, n.Operation)
		}
		for _, w := range n.When {
			if _, _, ok := predicate(w); !ok {
				return fmt.Errorf("%s not_provokable %d (%s): when %q is none of %s", TableFile, i+1, n.Operation, w, strings.Join(predicateNames(), ", "))
			}
		}
	}
	return nil
}

// requiredProps gives the JSON media type of an operation's required body and the properties its
// schema requires (none for XML bodies: an empty element names its root, which JSON need not).
func requiredProps(op *spec.Operation) (string, []string) {
	rb := op.Op.RequestBody
	if rb == nil || rb.Value == nil || !rb.Value.Required {
		return "", nil
	}
	mt := bodyType(op)
	if !strings.Contains(mt, "json") {
		return "", nil
	}
	media := rb.Value.Content[mt]
	if media == nil || media.Schema == nil || media.Schema.Value == nil {
		return "", nil
	}
	req := append([]string(nil), media.Schema.Value.Required...)
	sort.Strings(req)
	return mt, req
}
