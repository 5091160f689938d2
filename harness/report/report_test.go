package report

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

func TestLoadWaivers(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"ok", "waivers:\n  - operation: a\n    check: body\n    reason: r\n    expires: 2027-01-31\n  - scenario: s\n    reason: r\n    expires: 2027-01-31\n", ""},
		{"bad date", "waivers:\n  - operation: a\n    check: body\n    reason: r\n    expires: soon\n", `line 2: expires "soon" is not a date`},
		{"no reason", "waivers:\n  - operation: a\n    check: body\n    expires: 2027-01-31\n", "line 2: a waiver needs a reason"},
		{"no check", "waivers:\n  - operation: a\n    reason: r\n    expires: 2027-01-31\n", "line 2: name the check waived for a"},
		{"nothing named", "waivers:\n  - reason: r\n    expires: 2027-01-31\n", "names an operation (and check) or a scenario"},
		{"unknown field", "waivers:\n  - operation: a\n    check: body\n    reason: r\n    expires: 2027-01-31\n    colour: red\n", "colour"},
		{"not yaml", "waivers: [", "waiver file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "waivers.yaml")
			require.NoError(t, os.WriteFile(p, []byte(tt.content), 0o644))
			ws, err := LoadWaivers(p)
			if tt.want == "" {
				require.NoError(t, err)
				assert.Len(t, ws, 2)
				assert.Equal(t, 2, ws[0].Line)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.Contains(t, err.Error(), p)
		})
	}
}

func TestCurlQuotes(t *testing.T) {
	u, _ := url.Parse("/api/x?a=1&b='2'")
	x := &validate.Exchange{Method: "POST", URL: u, RequestHeader: http.Header{"Content-Type": {"application/json"}, "Authorization": {"Basic REDACTED"}, "Content-Length": {"9"}},
		RequestBody: []byte(`{"n":"it's"}`)}
	assert.Equal(t, `curl -sS -X POST "$TARGET"'/api/x?a=1&b='\''2'\''' -H 'Authorization: Basic REDACTED' -H 'Content-Type: application/json' --data-binary '{"n":"it'\''s"}'`, Curl(x))
}

func TestUnknownWaivers(t *testing.T) {
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	res := Build(Input{API: api, Now: now, Scenarios: []Scenario{{Name: "List orders", Verdict: Pass}},
		Waivers: []Waiver{
			{Operation: "listOrders", Check: "bodyy", Reason: "r", Expires: "2027-01-31", Line: 2},
			{Operation: "getOrdr", Check: "*", Reason: "r", Expires: "2027-01-31", Line: 6},
			{Scenario: "List all orders", Reason: "r", Expires: "2027-01-31", Line: 10},
			{Scenario: "List orders", Reason: "r", Expires: "2027-01-31", Line: 14},
		}})
	require.Len(t, res.Waivers, 4)
	assert.Contains(t, res.Waivers[0].Unknown, `unknown check "bodyy"`)
	assert.Contains(t, res.Waivers[1].Unknown, `unknown operation "getOrdr": the shop contract has no such operation (did you mean getOrder?)`)
	assert.Contains(t, res.Waivers[2].Unknown, `unknown scenario "List all orders": no scenario of that name ran`)
	assert.Empty(t, res.Waivers[3].Unknown)
	assert.Equal(t, res.Waivers[1].Unknown, res.Waivers[1].Problem())
	assert.Equal(t, 3, res.Summary.WaiversUnknown)
	assert.Equal(t, Pass, res.Verdict, "an unknown waiver is reported, it does not fail the certification")
}

// TestDeviationsDoNotFail: a failure of an assertion the contract inferred is listed and
// grouped, and neither fails its operation nor counts as a failure.
func TestDeviationsDoNotFail(t *testing.T) {
	r := &Result{Operations: []Operation{
		{ID: "a", Calls: 1, Verdict: Pass, Failures: []Failure{{Check: "status", Title: "status not documented", Deviation: "the expectation is inferred"}}},
		{ID: "b", Calls: 1, Verdict: Fail, Failures: []Failure{{Check: "status", Title: "status not documented"}}},
	}}
	r.group()
	r.summarise()
	require.Len(t, r.Failures, 1)
	g := r.Failures[0]
	assert.Equal(t, 2, g.Count)
	assert.Equal(t, 1, g.Deviations)
	assert.Equal(t, 1, g.Failing())
	assert.Equal(t, 1, r.Summary.Failures)
	assert.Equal(t, 1, r.Summary.Deviations)
	assert.Equal(t, 1, r.Summary.OperationsPassed)
}

func TestStatement(t *testing.T) {
	tests := []struct {
		verdict    Verdict
		deviations int
		want       string
	}{
		{Pass, 0, "compatible"},
		{Pass, 3, "compatible, with 3 deviations from inferred behaviour"},
		{Fail, 3, "not compatible"},
	}
	for _, tt := range tests {
		r := &Result{Verdict: tt.verdict, Summary: Summary{Deviations: tt.deviations}}
		assert.Equal(t, tt.want, r.Statement())
	}
}

// TestNotRunScenariosDoNotFail: a scenario not run for want of a vendor-side fixture is counted
// apart, neither passed nor failed, and leaves the verdict to the others; a failed one still fails.
func TestNotRunScenariosDoNotFail(t *testing.T) {
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	notRun := Scenario{Name: "Orders during maintenance", Verdict: NotRun, Why: "vendor side: set maintenance_target to run"}
	res := Build(Input{API: api, Now: now, Scenarios: []Scenario{{Name: "List orders", Verdict: Pass}, notRun}})
	assert.Equal(t, 1, res.Summary.ScenariosNotRun)
	assert.Equal(t, 0, res.Summary.ScenariosFailed)
	assert.Equal(t, Pass, res.Verdict)
	res = Build(Input{API: api, Now: now, Scenarios: []Scenario{{Name: "List orders", Verdict: Fail, Error: "x"}, notRun}})
	assert.Equal(t, Fail, res.Verdict)
}
