package validate

import (
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// Notification is a callback the API sent: the request it made to the client.
type Notification struct {
	// To names the request header whose URL it was sent to (Callback, ...).
	To     string
	Method string
	// URL is where it was sent, for messages.
	URL     string
	Headers http.Header
	Body    []byte
}

// HeaderKey normalises a header name the way the vendors' documents vary it: case-insensitive,
// and "_" equal to "-" (ESC_TRANSACTION_ID is esc-transaction-id).
func HeaderKey(name string) string {
	return strings.ReplaceAll(strings.ToLower(name), "_", "-")
}

// HeaderValues returns the values of a header under any spelling HeaderKey folds together.
func HeaderValues(h http.Header, names ...string) []string {
	want := map[string]bool{}
	for _, n := range names {
		want[HeaderKey(n)] = true
	}
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		if want[HeaderKey(k)] {
			out = append(out, h[k]...)
		}
	}
	return out
}

// FindCallback returns the callback of op that a notification sent to the URL of header answers.
func FindCallback(op *spec.Operation, header, method string) (spec.Callback, bool) {
	for _, cb := range op.Callbacks() {
		if HeaderKey(cb.Header) == HeaderKey(header) && strings.EqualFold(cb.Method, method) {
			return cb, true
		}
	}
	return spec.Callback{}, false
}

// ValidateCallback checks a notification against the callback its operation declares: its
// headers (any documented spelling, see x-header-aliases; names compared case-insensitively and
// with "_" equal to "-") and its body.
func (v *Validator) ValidateCallback(op *spec.Operation, n *Notification) (*Decoded, error) {
	d, _, err := v.ValidateCallbackAll(op, n)
	return d, err
}

// ValidateCallbackAll is ValidateCallback that also returns the deviations from inferred
// assertions, which fail the notification only when the validator is Strict.
func (v *Validator) ValidateCallbackAll(op *spec.Operation, n *Notification) (*Decoded, []Problem, error) {
	line := fmt.Sprintf("%s %s (callback of %s)", n.Method, n.URL, op.ID)
	cb, ok := FindCallback(op, n.To, n.Method)
	if !ok {
		return nil, nil, &ContractError{API: v.API.Name, Operation: op.String(), RequestLine: line,
			Problems: []Problem{{Check: "callback", Message: fmt.Sprintf("%s declares no %s callback to the URL of its %s header", op.ID, n.Method, n.To)}}}
	}
	var problems []Problem
	for _, pref := range cb.Op.Parameters {
		if pref == nil || pref.Value == nil || pref.Value.In != openapi3.ParameterInHeader {
			continue
		}
		p := pref.Value
		names := append([]string{p.Name}, asStrings(p.Extensions["x-header-aliases"])...)
		vals := HeaderValues(n.Headers, names...)
		if len(vals) == 0 {
			if p.Required {
				problems = append(problems, Problem{Check: "callback", Message: fmt.Sprintf("required header %s is missing", p.Name),
					Expected: strings.Join(names, " or "), Actual: "no such header"})
			}
			continue
		}
		if p.Schema != nil && p.Schema.Value != nil {
			for _, val := range vals {
				if err := p.Schema.Value.VisitJSON(headerValue(val, p.Schema.Value)); err != nil {
					problems = append(problems, Problem{Check: "callback", Message: fmt.Sprintf("header %s does not match its schema: %s", p.Name, schemaReason(err)),
						Expected: describeSchema(p.Schema.Value), Actual: val})
				}
			}
		}
	}
	ct := n.Headers.Get("Content-Type")
	var decoded *Decoded
	if cb.Op.RequestBody != nil && cb.Op.RequestBody.Value != nil && len(cb.Op.RequestBody.Value.Content) > 0 {
		documented := spec.MediaTypes(cb.Op.RequestBody.Value.Content)
		bs, found, err := v.API.CallbackBody(op, cb, ct)
		switch {
		case err != nil:
			problems = append(problems, Problem{Check: "callback", Message: "the contract's schema cannot be used: " + err.Error()})
		case len(n.Body) == 0 && cb.Op.RequestBody.Value.Required:
			problems = append(problems, Problem{Check: "callback", Message: "the notification has no body, the contract documents one", Expected: strings.Join(documented, " or "), Actual: "empty body"})
		case len(n.Body) > 0 && !found:
			problems = append(problems, Problem{Check: "callback", Message: "Content-Type not documented for this callback", Expected: strings.Join(documented, " or "), Actual: orNone(ct)})
		case len(n.Body) > 0:
			if dec := DecoderFor(ct); dec != nil {
				d, err := dec(n.Body, bs)
				if err != nil {
					problems = append(problems, Problem{Check: "callback", Message: err.Error(), Expected: "a " + bs.MediaType + " body", Actual: excerpt(n.Body)})
					break
				}
				decoded = d
				problems = append(problems, d.Problems...)
				if bs.JSON != nil {
					problems = append(problems, WithEvidence(v.API, d, SchemaProblems(bs.JSON, d))...)
				}
			}
		}
	}
	var failing, deviations []Problem
	for _, p := range problems {
		if p.Deviation() && !v.Strict {
			deviations = append(deviations, p)
		} else {
			failing = append(failing, p)
		}
	}
	if len(failing) == 0 {
		return decoded, deviations, nil
	}
	return decoded, deviations, &ContractError{API: v.API.Name, Operation: cb.Op.OperationID + " (callback of " + op.ID + ")", RequestLine: line, Problems: failing, Deviations: deviations}
}
