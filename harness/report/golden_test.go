package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// TestGoldenOutputs renders a fixed result (the shop fixture's contract; recordings with failures
// of several kinds, one kind hitting two operations, an operation partly waived; waivers used,
// unused, expired and unknown; fixed times) as JSON, JUnit and HTML, and compares each with its
// golden file: the reports are what a vendor receives.
func TestGoldenOutputs(t *testing.T) {
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	recs, err := vcr.Recordings("testdata/cassettes")
	require.NoError(t, err)
	for _, r := range recs {
		r.Path = filepath.ToSlash(r.Path)
	}
	started := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	res := Build(Input{
		API: api, Version: "1.0.0", Vendor: "Example Cloud", Target: "https://shop.example.com", Started: started,
		Duration: 1500 * time.Millisecond, Recordings: recs,
		Scenarios: []Scenario{
			{Feature: "features/shop/orders.feature", Name: "List orders", Verdict: Fail, Error: "listOrders: missing properties: 'email'"},
			{Feature: "features/shop/orders.feature", Name: "Cancel an order", Verdict: Pass},
			{Feature: "features/shop/orders.feature", Name: "Orders during maintenance", Verdict: NotRun, Why: "vendor side: set maintenance_target to run"},
		},
		Waivers: []Waiver{
			{Operation: "cancelOrder", Check: "*", Reason: "known", Expires: "2027-01-31", Line: 2},
			{Operation: "createOrder", Check: "header", Reason: "Location arrives in release 2027.1", Expires: "2027-01-31", Line: 6},
			{Operation: "getOrder", Check: "body", Reason: "ids were strings until 2026.10", Expires: "2026-10-31", Line: 10},
			{Operation: "listOrderz", Check: "body", Reason: "a typo", Expires: "2027-01-31", Line: 14},
			{Scenario: "List orders", Reason: "emails are optional in the sandbox", Expires: "2027-01-31", Line: 18},
		},
		Now: started,
	})
	// The fixture's spec hash changes with the fixture; keep the golden files stable.
	res.SpecSHA256 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	for name, write := range map[string]func(*bytes.Buffer) error{
		"result.json": func(b *bytes.Buffer) error { return WriteJSON(b, res) },
		"junit.xml":   func(b *bytes.Buffer) error { return WriteJUnit(b, res) },
		"report.html": func(b *bytes.Buffer) error { return WriteHTML(b, res) },
	} {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			require.NoError(t, write(&b))
			path := filepath.Join("testdata", name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./harness/report -update creates %s", path)
			assert.Equal(t, string(want), b.String())
		})
	}
	assert.Equal(t, Fail, res.Verdict)

	// The counts say what was waived: createOrder's header failure is waived, its body failure
	// is not, so createOrder counts as failed, waived and partly waived.
	s := res.Summary
	assert.Equal(t, 4, s.OperationsFailed)
	assert.Equal(t, 1, s.OperationsWaived)
	assert.Equal(t, 1, s.OperationsPartlyWaived)
	assert.Equal(t, 1, s.FailuresWaived)
	assert.Equal(t, 1, s.WaiversExpired)
	assert.Equal(t, 1, s.WaiversUnknown)
	assert.Equal(t, 1, res.Waivers[1].Waived)
	assert.Equal(t, []string{"createOrder"}, res.Waivers[1].Operations)
	assert.Contains(t, res.Waivers[3].Unknown, "did you mean listOrders?")
	assert.Equal(t, 1, res.Waivers[4].Waived, "the scenario waiver accepted one scenario")

	// Failures are grouped: the missing email, in two operations, is one group of three.
	require.NotEmpty(t, res.Failures)
	g := res.Failures[0]
	assert.Equal(t, "missing required property email", g.Title)
	assert.Equal(t, 3, g.Count)
	assert.Equal(t, []GroupHit{{Operation: "listOrders", Count: 2}, {Operation: "getOrder", Count: 1}}, g.Operations)
	last := res.Failures[len(res.Failures)-1]
	assert.Equal(t, 0, last.Failing(), "waived groups come last")
}
