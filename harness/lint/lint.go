// Package lint checks the contracts and the recordings against each other: every example of a
// contract validates against its own schema, and every cassette still conforms to the current
// contract (a cassette recorded against an older contract that no longer conforms is stale, and
// the finding names the interaction and the failing check).
package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Severity of a finding.
type Severity string

// Severities: errors fail lint, notes do not.
const (
	Error Severity = "error"
	Note  Severity = "note"
)

// Finding is one thing lint reports.
type Finding struct {
	Severity Severity `json:"severity"`
	// File is the contract or cassette concerned; Where the operation, example or interaction.
	File    string `json:"file"`
	Where   string `json:"where"`
	Message string `json:"message"`
}

// String implements fmt.Stringer.
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", f.Severity, f.File, f.Where, f.Message)
}

// example is one example of a body in a contract.
type example struct {
	where     string
	mediaType string
	body      []byte
	value     any // a JSON value given as such (no decoding needed)
	hasValue  bool
}

func examplesOf(media *openapi3.MediaType, mediaType, where string) []example {
	var out []example
	add := func(name string, v any) {
		e := example{where: where + " example " + name, mediaType: mediaType}
		if s, ok := v.(string); ok && validate.DecoderFor(mediaType) != nil && !strings.HasSuffix(mediaType, "json") {
			e.body = []byte(s)
		} else if s, ok := v.(string); ok && validate.DecoderFor(mediaType) == nil {
			e.body = []byte(s)
		} else {
			e.value, e.hasValue = v, true
		}
		out = append(out, e)
	}
	if media.Example != nil {
		add("(example)", media.Example)
	}
	names := make([]string, 0, len(media.Examples))
	for n := range media.Examples {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if ex := media.Examples[n]; ex != nil && ex.Value != nil && ex.Value.Value != nil {
			add(n, ex.Value.Value)
		}
	}
	if xs, ok := media.Extensions["x-examples"].(map[string]any); ok {
		keys := make([]string, 0, len(xs))
		for k := range xs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if s, ok := xs[k].(string); ok {
				out = append(out, example{where: where + " example " + k, mediaType: mediaType, body: []byte(s)})
			}
		}
	}
	return out
}

// checkExample validates one example against its schema.
func checkExample(bs *spec.BodySchema, e example) []string {
	if bs == nil || bs.JSON == nil {
		return nil
	}
	var d *validate.Decoded
	switch {
	case e.hasValue:
		// Round-trip through JSON so numbers and maps have the types the validator expects.
		data, err := json.Marshal(e.value)
		if err != nil {
			return []string{err.Error()}
		}
		d, err = validate.DecodeJSON(data, bs)
		if err != nil {
			return []string{err.Error()}
		}
	default:
		dec := validate.DecoderFor(e.mediaType)
		if dec == nil {
			return nil // opaque (CSV, text): nothing to validate against a schema
		}
		var err error
		if d, err = dec(e.body, bs); err != nil {
			return []string{err.Error()}
		}
	}
	var msgs []string
	for _, p := range append(d.Problems, validate.SchemaProblems(bs.JSON, d)...) {
		msgs = append(msgs, p.String())
	}
	return msgs
}

// Spec checks that every example of the contract validates against its own schema.
func Spec(api *spec.API) []Finding {
	var out []Finding
	file := "specs/" + api.Name + "/openapi.yaml"
	report := func(where string, err error, msgs []string) {
		if err != nil {
			out = append(out, Finding{Severity: Error, File: file, Where: where, Message: "schema cannot be compiled: " + err.Error()})
		}
		for _, m := range msgs {
			out = append(out, Finding{Severity: Error, File: file, Where: where, Message: "example does not validate: " + m})
		}
	}
	for _, op := range api.Operations() {
		if op.Op.RequestBody != nil && op.Op.RequestBody.Value != nil {
			for _, mt := range spec.MediaTypes(op.Op.RequestBody.Value.Content) {
				media := op.Op.RequestBody.Value.Content[mt]
				for _, e := range examplesOf(media, mt, op.ID+" request "+mt) {
					bs, _, err := api.RequestBody(op, mt)
					report(e.where, err, checkExample(bs, e))
				}
			}
		}
		for _, status := range op.Statuses() {
			r := op.Op.Responses.Value(status)
			if r == nil || r.Value == nil {
				continue
			}
			for _, mt := range spec.MediaTypes(r.Value.Content) {
				for _, e := range examplesOf(r.Value.Content[mt], mt, fmt.Sprintf("%s %s %s", op.ID, status, mt)) {
					bs, _, err := api.ResponseBody(op, status, mt)
					report(e.where, err, checkExample(bs, e))
				}
			}
		}
		for _, cb := range op.Callbacks() {
			if cb.Op.RequestBody == nil || cb.Op.RequestBody.Value == nil {
				continue
			}
			for _, mt := range spec.MediaTypes(cb.Op.RequestBody.Value.Content) {
				for _, e := range examplesOf(cb.Op.RequestBody.Value.Content[mt], mt, fmt.Sprintf("%s callback %s %s", op.ID, cb.Header, mt)) {
					bs, _, err := api.CallbackBody(op, cb, mt)
					report(e.where, err, checkExample(bs, e))
				}
			}
		}
	}
	return out
}

// Cassettes re-validates every recorded interaction (and callback) against the current contract.
func Cassettes(api *spec.API, dir string) ([]Finding, error) {
	recs, err := vcr.Recordings(dir)
	if err != nil {
		return nil, err
	}
	v := validate.New(api)
	var out []Finding
	for _, rec := range recs {
		stale := false
		txOp := map[string]*spec.Operation{}
		for i, in := range rec.Interactions {
			x, err := vcr.Exchange(in)
			if err != nil {
				out = append(out, Finding{Severity: Error, File: rec.Path, Where: fmt.Sprintf("interaction %d", i+1), Message: err.Error()})
				continue
			}
			where := fmt.Sprintf("interaction %d (%s → %d)", i+1, x.RequestLine(), x.Status)
			if err := v.Validate(x); err != nil {
				stale = true
				out = append(out, Finding{Severity: Error, File: rec.Path, Where: where, Message: "stale: no longer conforms to the contract: " + err.Error()})
			}
			if t, err := v.Prepare(x); err == nil {
				for _, tx := range validate.HeaderValues(x.Header, api.Harness.Callbacks.TransactionHeaders...) {
					txOp[tx] = t.Operation
				}
			}
		}
		for i, cb := range rec.Callbacks {
			where := fmt.Sprintf("callback %d (%s)", i+1, cb.Header)
			var op *spec.Operation
			for _, tx := range validate.HeaderValues(cb.Headers, api.Harness.Callbacks.TransactionHeaders...) {
				op = txOp[tx]
			}
			if op == nil {
				out = append(out, Finding{Severity: Error, File: vcr.CallbacksPath(rec.Path), Where: where, Message: "its transaction id matches no recorded answer"})
				continue
			}
			if _, err := v.ValidateCallback(op, &validate.Notification{To: cb.Header, Method: cb.Method, URL: cb.Path, Headers: cb.Headers, Body: []byte(cb.Body)}); err != nil {
				stale = true
				out = append(out, Finding{Severity: Error, File: vcr.CallbacksPath(rec.Path), Where: where, Message: "stale: no longer conforms to the contract: " + err.Error()})
			}
		}
		switch {
		case rec.SpecHash == "":
			out = append(out, Finding{Severity: Note, File: rec.Path, Where: "header", Message: "says nothing of the contract it was recorded against"})
		case rec.SpecHash != api.Hash && !stale:
			out = append(out, Finding{Severity: Note, File: rec.Path, Where: "header", Message: fmt.Sprintf("recorded against contract %.12s, now %.12s; it still conforms", rec.SpecHash, api.Hash)})
		}
	}
	return out, nil
}

// Write prints findings, errors first, and returns the number of errors.
func Write(w io.Writer, findings []Finding) int {
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Severity < findings[j].Severity })
	errs := 0
	for _, f := range findings {
		if f.Severity == Error {
			errs++
		}
		fmt.Fprintln(w, f.String())
	}
	return errs
}
