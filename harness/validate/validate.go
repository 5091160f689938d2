// Package validate checks one HTTP exchange against the contract of its API: the operation is
// found from the request path, then a pipeline of small checks (status, Content-Type, required
// headers, body schema, and any check an API adds) each returns the problems it sees. Every problem
// of a response is reported, not only the first.
package validate

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// Exchange is one request and the response it got, with both bodies read.
type Exchange struct {
	Method        string
	URL           *url.URL
	RequestHeader http.Header
	RequestBody   []byte
	Status        int
	Header        http.Header
	Body          []byte
	Duration      time.Duration
}

// RequestLine renders "GET /path?query".
func (x *Exchange) RequestLine() string { return spec.RequestLine(x.Method, x.URL) }

// Problem is one way a response breaks its contract.
type Problem struct {
	// Check names the check that found it: route, status, content-type, header, body, csv,
	// reason, paging, callback.
	Check string
	// Pointer is the JSON pointer of the body value concerned ("" for the whole body or none).
	Pointer string
	// XMLPath is the XML location when the body is XML.
	XMLPath string
	// Expected and Actual say what the contract wants and what came.
	Expected, Actual string
	// Message is the explanation.
	Message string
	// Evidence is set when the assertion broken is one the contract inferred (x-evidence): the
	// problem is then a deviation from inferred behaviour, not a contract failure. Nil means the
	// document states it.
	Evidence *spec.Evidence

	keyword string // the absolute location of the failing schema keyword, for its evidence
}

// Deviation tells whether the problem breaks an inferred assertion rather than a documented one.
func (p Problem) Deviation() bool { return p.Evidence != nil }

// String renders a problem on one line.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Check)
	if p.Pointer != "" {
		fmt.Fprintf(&b, " at %s", p.Pointer)
	} else if p.Check == "body" {
		b.WriteString(" at /")
	}
	if p.XMLPath != "" {
		fmt.Fprintf(&b, " (XML %s)", p.XMLPath)
	}
	b.WriteString(": ")
	b.WriteString(p.Message)
	if p.Expected != "" || p.Actual != "" {
		fmt.Fprintf(&b, " [expected %s; got %s]", orNone(p.Expected), orNone(p.Actual))
	}
	if p.Evidence != nil {
		fmt.Fprintf(&b, " (a deviation: the expectation is %s)", p.Evidence)
	}
	return b.String()
}

func orNone(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}

// ContractError is a response that breaks its contract. It is a contract failure, as opposed to
// an environment failure (network, timeouts), which is any other error.
type ContractError struct {
	API         string
	Operation   string
	RequestLine string
	Status      int
	Problems    []Problem
	// Deviations are the problems with inferred assertions that came with the failure (they are
	// not what makes it one).
	Deviations []Problem
}

// Error implements error.
func (e *ContractError) Error() string {
	var b strings.Builder
	op := e.Operation
	if op == "" {
		op = "(no operation)"
	}
	if e.Status == 0 { // a callback: the API sent it, nobody answered
		fmt.Fprintf(&b, "%s %s: %s breaks the contract in %d way(s):", e.API, op, e.RequestLine, len(e.Problems))
	} else {
		fmt.Fprintf(&b, "%s %s: %s answered %d, breaking the contract in %d way(s):", e.API, op, e.RequestLine, e.Status, len(e.Problems))
	}
	for _, p := range e.Problems {
		b.WriteString("\n  - ")
		b.WriteString(p.String())
	}
	if len(e.Deviations) > 0 {
		fmt.Fprintf(&b, "\n  and %d deviation(s) from inferred behaviour:", len(e.Deviations))
		for _, p := range e.Deviations {
			b.WriteString("\n  - ")
			b.WriteString(p.String())
		}
	}
	return b.String()
}

// Target is what a check looks at: the exchange, the operation and its documented response.
type Target struct {
	API        *spec.API
	Exchange   *Exchange
	Operation  *spec.Operation
	PathParams map[string]string
	// StatusKey is the documented response key matched ("200", "2XX", "default"), "" when none.
	StatusKey string
	// Response is the documented response, nil when the status is not documented.
	Response *openapi3.Response
	// Body is the decoded body (nil when there is none, it is opaque, or it could not be decoded).
	Body *Decoded
	// BodyErr says why a body could not be decoded (malformed JSON or XML).
	BodyErr error

	cache *validatorCache // the validator's, nil for a Target built by hand
}

// Check is one small contract check.
type Check func(t *Target) []Problem

// Validator validates exchanges of one API. It is safe for concurrent use.
type Validator struct {
	API *spec.API
	// Checks run in order after the body is decoded; the default pipeline is DefaultChecks.
	Checks []Check
	// Strict makes a deviation from an inferred assertion a failure like any other.
	Strict bool

	cache *validatorCache
}

// validatorCache keeps what the checks read from the contract for every exchange of an operation.
type validatorCache struct {
	reasons sync.Map // *spec.Operation → reasonEntry
}

// New returns a validator with the default checks and the checks the API's contract extensions
// ask for.
func New(api *spec.API) *Validator {
	return &Validator{API: api, Checks: DefaultChecks(), cache: &validatorCache{}}
}

// DefaultChecks is the pipeline every API gets, in order: status, Content-Type, headers, body,
// CSV header, and the contract extensions (REASON codes, paging), each of which does nothing for
// an operation without its extension.
func DefaultChecks() []Check {
	return []Check{CheckStatus, CheckContentType, CheckHeaders, CheckBody, CheckCSVHeader, CheckReasonCode, CheckPaging}
}

// Prepare routes the exchange and decodes its body: the Target the checks look at.
func (v *Validator) Prepare(x *Exchange) (*Target, error) {
	op, params, err := v.API.Find(x.Method, x.URL.Path, x.URL.RawQuery)
	if err != nil {
		return nil, &ContractError{API: v.API.Name, RequestLine: x.RequestLine(), Status: x.Status,
			Problems: []Problem{{Check: "route", Message: err.Error()}}}
	}
	t := &Target{API: v.API, Exchange: x, Operation: op, PathParams: params, cache: v.cache}
	t.StatusKey, _ = op.Response(x.Status)
	if t.StatusKey != "" {
		t.Response = op.Op.Responses.Value(t.StatusKey).Value
	}
	t.Body, t.BodyErr = DecodeResponse(t)
	return t, nil
}

// Validate checks a response against its contract. It returns nil, a *ContractError listing
// every problem with a documented assertion (and, with Strict, every deviation too), or another
// error when the contract itself cannot be used.
func (v *Validator) Validate(x *Exchange) error {
	_, err := v.ValidateAll(x)
	return err
}

// ValidateAll is Validate that also returns the deviations from inferred assertions, which do not
// make the response fail unless the validator is Strict.
func (v *Validator) ValidateAll(x *Exchange) (deviations []Problem, err error) {
	t, err := v.Prepare(x)
	if err != nil {
		return nil, err
	}
	var problems []Problem
	for _, c := range v.Checks {
		for _, p := range c(t) {
			if p.Deviation() && !v.Strict {
				deviations = append(deviations, p)
			} else {
				problems = append(problems, p)
			}
		}
	}
	if len(problems) == 0 {
		return deviations, nil
	}
	return deviations, &ContractError{API: v.API.Name, Operation: t.Operation.String(), RequestLine: x.RequestLine(), Status: x.Status, Problems: problems, Deviations: deviations}
}

// CheckStatus fails a status the operation does not document. Where the document gives no status
// for the operation at all, the documented ones are inferred and another one is a deviation.
func CheckStatus(t *Target) []Problem {
	if t.StatusKey != "" {
		return nil
	}
	p := Problem{Check: "status", Message: "status not documented for this operation",
		Expected: "one of " + strings.Join(t.Operation.Statuses(), ", "), Actual: fmt.Sprint(t.Exchange.Status)}
	if ev, documented := spec.StatusesEvidence(t.Operation); !documented {
		p.Message = "the document gives no status for this operation; this one differs from the inferred ones"
		p.Evidence = ev
	}
	return []Problem{p}
}

// bodyExpected tells whether the documented response describes a body.
func bodyExpected(t *Target) bool {
	return t.Response != nil && len(t.Response.Content) > 0 && t.Exchange.Method != http.MethodHead && t.Exchange.Status != http.StatusNoContent
}

// CheckContentType fails a body whose Content-Type is not documented, and a documented body that
// did not come.
func CheckContentType(t *Target) []Problem {
	if !bodyExpected(t) {
		return nil
	}
	documented := func() string { return strings.Join(spec.MediaTypes(t.Response.Content), " or ") }
	ct := t.Exchange.Header.Get("Content-Type")
	if len(t.Exchange.Body) == 0 {
		return []Problem{{Check: "content-type", Message: "the response has no body, the contract documents one",
			Expected: documented(), Actual: "empty body"}}
	}
	if ct == "" {
		return []Problem{{Check: "content-type", Message: "Content-Type header missing",
			Expected: documented(), Actual: "no Content-Type"}}
	}
	if _, ok, _ := t.API.ResponseBody(t.Operation, t.StatusKey, ct); !ok {
		p := Problem{Check: "content-type", Message: "Content-Type not documented for this response",
			Expected: documented(), Actual: ct + ": " + excerpt(t.Exchange.Body)}
		p.Evidence, _ = spec.ResponseEvidence(t.Operation, t.StatusKey)
		return []Problem{p}
	}
	return nil
}

// CheckHeaders fails a missing required header and a header value outside its schema.
func CheckHeaders(t *Target) []Problem {
	if t.Response == nil {
		return nil
	}
	names := make([]string, 0, len(t.Response.Headers))
	for n := range t.Response.Headers {
		names = append(names, n)
	}
	sort.Strings(names)
	var out []Problem
	for _, name := range names {
		ref := t.Response.Headers[name]
		if ref == nil || ref.Value == nil {
			continue
		}
		h := ref.Value
		vals := t.Exchange.Header.Values(name)
		if len(vals) == 0 {
			if h.Required {
				ev, _ := spec.ExtensionEvidence(h.Extensions)
				out = append(out, Problem{Check: "header", Message: fmt.Sprintf("required header %s is missing", name),
					Expected: name + " header", Actual: "no " + name + " header", Evidence: ev})
			}
			continue
		}
		if h.Schema == nil || h.Schema.Value == nil {
			continue
		}
		for _, val := range vals {
			if err := h.Schema.Value.VisitJSON(headerValue(val, h.Schema.Value)); err != nil {
				ev, _ := spec.ExtensionEvidence(h.Extensions)
				if ev == nil {
					ev, _ = spec.ExtensionEvidence(h.Schema.Value.Extensions)
				}
				out = append(out, Problem{Check: "header", Message: fmt.Sprintf("header %s does not match its schema: %s", name, schemaReason(err)),
					Expected: describeSchema(h.Schema.Value), Actual: val, Evidence: ev})
			}
		}
	}
	return out
}

func headerValue(v string, s *openapi3.Schema) any {
	if s.Type != nil && (s.Type.Is(openapi3.TypeInteger) || s.Type.Is(openapi3.TypeNumber)) {
		var f float64
		if _, err := fmt.Sscan(v, &f); err == nil {
			return f
		}
	}
	return v
}

func schemaReason(err error) string {
	if se, ok := err.(*openapi3.SchemaError); ok {
		return se.Reason
	}
	return err.Error()
}

func describeSchema(s *openapi3.Schema) string {
	var parts []string
	if s.Type != nil {
		parts = append(parts, strings.Join(s.Type.Slice(), "|"))
	}
	if s.Pattern != "" {
		parts = append(parts, "matching "+s.Pattern)
	}
	if s.Format != "" {
		parts = append(parts, "format "+s.Format)
	}
	if len(s.Enum) > 0 {
		parts = append(parts, fmt.Sprintf("one of %v", s.Enum))
	}
	return strings.Join(parts, " ")
}
