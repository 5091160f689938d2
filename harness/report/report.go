// Package report turns the recorded evidence of a run (cassettes and callbacks) and its scenario
// outcomes into a certification result: one row per operation and per check with a verdict, the
// failures with what was expected and what came, where, the request line and a curl command to
// reproduce (secrets masked: the evidence is already redacted). It writes the result as JSON,
// JUnit XML and a self-contained HTML page.
package report

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/coverage"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// Verdict of a check, an operation, a scenario or a run.
type Verdict string

// Verdicts.
const (
	Pass         Verdict = "pass"
	Fail         Verdict = "fail"
	Waived       Verdict = "waived"
	NotExercised Verdict = "not-exercised"
	// NotRun is the verdict of a scenario the run skipped for want of a vendor-side fixture (or
	// an optional one the cloud holds no value of now): it neither passed nor failed.
	NotRun     Verdict = "not-run"
	NotApplied Verdict = "n/a"
)

// Checks lists the checks reported per operation, in column order.
var Checks = []string{"status", "content-type", "header", "body", "csv", "reason", "paging", "callback"}

// Failure is one failed check of one exchange (or a failed scenario).
type Failure struct {
	Check     string `json:"check"`
	Operation string `json:"operation,omitempty"`
	Request   string `json:"request"`
	Status    int    `json:"status,omitempty"`
	Pointer   string `json:"pointer,omitempty"`
	XMLPath   string `json:"xml_path,omitempty"`
	// Expected and Actual are the validator's terse rendering (for a schema failure, the keyword
	// and its schema location); Want and Got say the same in words: the constraint, and the value
	// that came with its type.
	Expected string `json:"expected,omitempty"`
	Actual   string `json:"actual,omitempty"`
	Want     string `json:"want,omitempty"`
	Got      string `json:"got,omitempty"`
	// Diff compares the response around the failing value with what the contract wants there.
	Diff    []DiffLine `json:"diff,omitempty"`
	Message string     `json:"message"`
	// Title names the kind of failure, the same for every occurrence: failures are grouped by
	// check and title, and Group is the index of the failure's group in Result.Failures.
	Title string `json:"title"`
	Group int    `json:"group"`
	Curl  string `json:"curl,omitempty"`
	// RequestBody and ResponseBody are excerpts (secrets masked).
	RequestBody  string `json:"request_body,omitempty"`
	ResponseBody string `json:"response_body,omitempty"`
	Cassette     string `json:"cassette,omitempty"`
	// Waiver is the reason the failure is accepted, when a waiver covers it.
	Waiver string `json:"waiver,omitempty"`
	// Deviation, when set, says the assertion broken is one the contract inferred (x-evidence),
	// not one the document states, and where it was inferred from: a deviation is reported, it
	// does not fail the check (as a run without --strict).
	Deviation string `json:"deviation,omitempty"`
}

// Operation is the row of one operation.
type Operation struct {
	ID         string             `json:"id"`
	Method     string             `json:"method"`
	Path       string             `json:"path"`
	Deprecated bool               `json:"deprecated,omitempty"`
	Calls      int                `json:"calls"`
	Checks     map[string]Verdict `json:"checks"`
	Verdict    Verdict            `json:"verdict"`
	Failures   []Failure          `json:"failures,omitempty"`
}

// Scenario is the outcome of one scenario.
type Scenario struct {
	Feature string  `json:"feature"`
	Name    string  `json:"name"`
	Verdict Verdict `json:"verdict"`
	Error   string  `json:"error,omitempty"`
	Waiver  string  `json:"waiver,omitempty"`
	// Why says why a scenario did not run (verdict NotRun).
	Why string `json:"why_not_run,omitempty"`
}

// Summary counts a result. An operation with an accepted failure counts as waived even when
// other failures of it are not waived (it then counts as failed too, and as partly waived).
type Summary struct {
	Scenarios              int `json:"scenarios"`
	ScenariosPassed        int `json:"scenarios_passed"`
	ScenariosFailed        int `json:"scenarios_failed"`
	ScenariosWaived        int `json:"scenarios_waived"`
	ScenariosNotRun        int `json:"scenarios_not_run,omitempty"`
	Operations             int `json:"operations"`
	OperationsPassed       int `json:"operations_passed"`
	OperationsFailed       int `json:"operations_failed"`
	OperationsWaived       int `json:"operations_waived"`
	OperationsPartlyWaived int `json:"operations_partly_waived"`
	OperationsNotExercised int `json:"operations_not_exercised"`
	Failures               int `json:"failures"`
	FailuresWaived         int `json:"failures_waived"`
	Deviations             int `json:"deviations"`
	FailureGroups          int `json:"failure_groups"`
	WaiversExpired         int `json:"waivers_expired"`
	WaiversUnknown         int `json:"waivers_unknown"`
}

// Result is a certification result.
type Result struct {
	Tool       string    `json:"tool"`
	Version    string    `json:"version"`
	API        string    `json:"api"`
	Title      string    `json:"title"`
	Vendor     string    `json:"vendor,omitempty"`
	Target     string    `json:"target"`
	SpecSHA256 string    `json:"spec_sha256"`
	Started    time.Time `json:"started"`
	Duration   string    `json:"duration"`
	Verdict    Verdict   `json:"verdict"`
	// Strict says deviations from inferred behaviour failed like documented breaks (--strict).
	Strict  bool           `json:"strict,omitempty"`
	Summary Summary        `json:"summary"`
	Waivers []WaiverStatus `json:"waivers,omitempty"`
	// Failures groups the failures of every operation, those not waived first, then the most
	// frequent.
	Failures   []FailureGroup `json:"failures"`
	Operations []Operation    `json:"operations"`
	Scenarios  []Scenario     `json:"scenarios"`
	// NeverObserved lists the documented statuses and REASON codes ("operationId status",
	// "operationId REASON_n") no response of the run carried: what the run cannot vouch for.
	NeverObserved []string `json:"never_observed,omitempty"`
	// VendorSideOnly lists the documented statuses and REASON codes only vendor-side scenarios
	// observed (a deployment the vendor put in a state): no user's run can see them.
	VendorSideOnly []string `json:"vendor_side_only,omitempty"`
}

// UnroutedScenario names the failed scenario Build adds for a recorded request that no
// operation of the contract matches.
const UnroutedScenario = "unrouted request"

// Input is what a result is built from.
type Input struct {
	API        *spec.API
	Version    string
	Vendor     string
	Target     string
	Started    time.Time
	Duration   time.Duration
	Recordings []*vcr.Recording
	Scenarios  []Scenario
	Waivers    []Waiver
	// Now decides which waivers have expired.
	Now time.Time
	// Strict makes a deviation from an inferred assertion fail like a documented one.
	Strict bool
}

// Build computes the result.
func Build(in Input) *Result {
	api := in.API
	v := validate.New(api)
	r := &Result{Tool: "cloudcontract", Version: in.Version, API: api.Name, Title: api.Harness.Title, Vendor: in.Vendor,
		Target: in.Target, SpecSHA256: api.Hash, Started: in.Started.UTC(), Duration: in.Duration.Round(time.Millisecond).String(), Strict: in.Strict}
	w := newWaiverSet(in.Waivers, in.Now)
	rows := map[string]*Operation{}
	for _, op := range api.Operations() {
		row := &Operation{ID: op.ID, Method: op.Method, Path: op.PathKey, Deprecated: op.Op.Deprecated, Checks: map[string]Verdict{}}
		for _, c := range Checks {
			row.Checks[c] = NotApplied
		}
		rows[op.ID] = row
	}
	mark := func(row *Operation, check string, verdict Verdict) {
		cur := row.Checks[check]
		if cur == Fail || (cur == Waived && verdict != Fail) {
			return
		}
		row.Checks[check] = verdict
	}
	for _, rec := range in.Recordings {
		txOp := map[string]*spec.Operation{}
		for _, it := range rec.Interactions {
			x, err := vcr.Exchange(it)
			if err != nil {
				continue
			}
			t, perr := v.Prepare(x)
			if perr != nil {
				var ce *validate.ContractError
				if errors.As(perr, &ce) {
					r.Scenarios = append(r.Scenarios, Scenario{Feature: rec.Path, Name: UnroutedScenario, Verdict: Fail, Error: perr.Error()})
				}
				continue
			}
			row := rows[t.Operation.ID]
			row.Calls++
			for _, tx := range validate.HeaderValues(x.Header, api.Harness.Callbacks.TransactionHeaders...) {
				txOp[tx] = t.Operation
			}
			var problems []validate.Problem
			for _, c := range v.Checks {
				problems = append(problems, c(t)...)
			}
			failed := map[string]bool{}
			for _, p := range problems {
				check := p.Check
				if check == "route" {
					check = "status"
				}
				var body any
				if t.Body != nil && t.Body.Schema != nil {
					body = t.Body.Value
				}
				f := failureOf(p, t.Operation.ID, x, rec.Path, body)
				if p.Deviation() && !in.Strict {
					f.Deviation = "the expectation is " + p.Evidence.String()
					row.Failures = append(row.Failures, f)
					continue
				}
				if reason, ok := w.covers(t.Operation.ID, check); ok {
					f.Waiver = reason
					mark(row, check, Waived)
				} else {
					failed[check] = true
					mark(row, check, Fail)
				}
				row.Failures = append(row.Failures, f)
			}
			for _, c := range applicable(api, t) {
				if !failed[c] {
					mark(row, c, Pass)
				}
			}
		}
		for _, cb := range rec.Callbacks {
			var op *spec.Operation
			for _, tx := range validate.HeaderValues(cb.Headers, api.Harness.Callbacks.TransactionHeaders...) {
				op = txOp[tx]
			}
			if op == nil {
				continue
			}
			row := rows[op.ID]
			_, err := v.ValidateCallback(op, &validate.Notification{To: cb.Header, Method: cb.Method, URL: cb.Path, Headers: cb.Headers, Body: []byte(cb.Body)})
			var ce *validate.ContractError
			if err == nil {
				mark(row, "callback", Pass)
				continue
			}
			if !errors.As(err, &ce) {
				continue
			}
			for _, p := range ce.Problems {
				e := explain(p, nil)
				f := Failure{Check: "callback", Operation: op.ID, Request: ce.RequestLine, Pointer: p.Pointer, XMLPath: p.XMLPath,
					Expected: p.Expected, Actual: p.Actual, Want: e.want, Got: e.got, Diff: e.diff, Message: p.Message, Title: e.title,
					ResponseBody: excerpt(cb.Body), Cassette: vcr.CallbacksPath(rec.Path)}
				if reason, ok := w.covers(op.ID, "callback"); ok {
					f.Waiver = reason
					mark(row, "callback", Waived)
				} else {
					mark(row, "callback", Fail)
				}
				row.Failures = append(row.Failures, f)
			}
		}
	}
	for _, s := range in.Scenarios {
		w.ran(s.Name)
		if s.Verdict == Fail {
			if reason, ok := w.coversScenario(s.Name); ok {
				s.Verdict, s.Waiver = Waived, reason
			}
		}
		r.Scenarios = append(r.Scenarios, s)
	}
	for _, op := range api.Operations() {
		row := rows[op.ID]
		row.Verdict = NotExercised
		if row.Calls > 0 {
			row.Verdict = Pass
			for _, c := range Checks {
				switch row.Checks[c] {
				case Fail:
					row.Verdict = Fail
				case Waived:
					if row.Verdict == Pass {
						row.Verdict = Waived
					}
				}
			}
		}
		r.Operations = append(r.Operations, *row)
	}
	r.Waivers = w.statuses(api)
	r.group()
	r.summarise()
	if cov, err := coverage.FromRecordings(api, in.Recordings); err == nil {
		r.NeverObserved = append(cov.MissingStatuses(), cov.MissingReasons()...)
		r.VendorSideOnly = cov.VendorSideOnly()
	}
	return r
}

// applicable lists the checks that apply to an exchange of an operation.
func applicable(api *spec.API, t *validate.Target) []string {
	out := []string{"status", "content-type", "header", "body"}
	if t.Response != nil {
		for _, m := range t.Response.Content {
			if _, ok := m.Extensions["x-csv-header"]; ok {
				out = append(out, "csv")
			}
		}
	}
	if _, ok := validate.ReasonCodes(api, t.Operation); ok {
		out = append(out, "reason")
	}
	if validate.Paging(t.Operation) != nil && t.Exchange.Status/100 == 2 {
		out = append(out, "paging")
	}
	return out
}

func (r *Result) summarise() {
	s := Summary{}
	for _, sc := range r.Scenarios {
		s.Scenarios++
		switch sc.Verdict {
		case Pass:
			s.ScenariosPassed++
		case Waived:
			s.ScenariosWaived++
		case NotRun:
			s.ScenariosNotRun++
		default:
			s.ScenariosFailed++
		}
	}
	for _, op := range r.Operations {
		s.Operations++
		waived := false
		for _, f := range op.Failures {
			if f.Deviation != "" {
				s.Deviations++
				continue
			}
			s.Failures++
			if f.Waiver != "" {
				s.FailuresWaived++
				waived = true
			}
		}
		switch op.Verdict {
		case Pass:
			s.OperationsPassed++
		case Fail:
			s.OperationsFailed++
			if waived {
				s.OperationsPartlyWaived++
			}
		case NotExercised:
			s.OperationsNotExercised++
		}
		if waived {
			s.OperationsWaived++
		}
	}
	s.FailureGroups = len(r.Failures)
	for _, w := range r.Waivers {
		if w.Expired {
			s.WaiversExpired++
		}
		if w.Unknown != "" {
			s.WaiversUnknown++
		}
	}
	r.Summary = s
	r.Verdict = Pass
	if s.ScenariosFailed > 0 || s.OperationsFailed > 0 || s.WaiversExpired > 0 {
		r.Verdict = Fail
	}
}

func failureOf(p validate.Problem, op string, x *validate.Exchange, cassette string, body any) Failure {
	e := explain(p, body)
	return Failure{
		Check: p.Check, Operation: op, Request: x.RequestLine(), Status: x.Status, Pointer: p.Pointer, XMLPath: p.XMLPath,
		Expected: p.Expected, Actual: p.Actual, Want: e.want, Got: e.got, Diff: e.diff, Message: p.Message, Title: e.title, Curl: Curl(x),
		RequestBody: excerpt(string(x.RequestBody)), ResponseBody: excerpt(string(x.Body)), Cassette: cassette,
	}
}

func excerpt(s string) string {
	const max = 2000
	s = strings.TrimSpace(s)
	if len(s) > max {
		return s[:max] + "…"
	}
	return s
}

// Curl renders a command reproducing a recorded request (its values are the recorded, redacted
// ones: REDACTED stands where a secret was).
func Curl(x *validate.Exchange) string {
	var b strings.Builder
	fmt.Fprintf(&b, "curl -sS -X %s %s", x.Method, shellQuote("$TARGET"+x.URL.RequestURI()))
	names := make([]string, 0, len(x.RequestHeader))
	for k := range x.RequestHeader {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if strings.EqualFold(k, "Content-Length") || strings.EqualFold(k, "User-Agent") || strings.EqualFold(k, "Accept-Encoding") {
			continue
		}
		for _, val := range x.RequestHeader[k] {
			fmt.Fprintf(&b, " -H %s", shellQuote(k+": "+val))
		}
	}
	if len(x.RequestBody) > 0 {
		fmt.Fprintf(&b, " --data-binary %s", shellQuote(string(x.RequestBody)))
	}
	return b.String()
}

func shellQuote(s string) string {
	if strings.HasPrefix(s, "$TARGET") {
		return `"$TARGET"` + shellQuote(strings.TrimPrefix(s, "$TARGET"))
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// Statement says the verdict in words: "compatible", "compatible, with N deviations from
// inferred behaviour", or "not compatible".
func (r *Result) Statement() string {
	if r.Verdict != Pass {
		return "not compatible"
	}
	if n := r.Summary.Deviations; n > 0 {
		return fmt.Sprintf("compatible, with %d deviations from inferred behaviour", n)
	}
	return "compatible"
}
