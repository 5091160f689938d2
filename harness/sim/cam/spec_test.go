package cam

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// specDir is the contract this simulator answers to.
var specDir = filepath.Join("..", "..", "..", "specs", "cam")

// loadValidator loads the contract with the harness's own loader and
// validator, skipping when it is absent (the spec and the simulator are
// written side by side).
func loadValidator(t *testing.T) *validate.Validator {
	t.Helper()
	if _, err := os.Stat(filepath.Join(specDir, "openapi.yaml")); err != nil {
		t.Skipf("no contract in %s: %v", specDir, err)
	}
	api, err := spec.Load(specDir)
	require.NoError(t, err)
	return validate.New(api)
}

// violations runs the tour (every operation, and a spread of documented
// errors) against a simulator with opts and returns the contract violations,
// one per failing answer.
func violations(t *testing.T, v *validate.Validator, opts sim.Options) []error {
	t.Helper()
	c := newClient(t, opts)
	tour(c)
	var out []error
	for _, x := range c.log {
		u, err := url.Parse(x.target)
		require.NoError(t, err)
		ex := &validate.Exchange{Method: x.method, URL: u, RequestBody: []byte(x.body),
			Status: x.rec.Code, Header: x.rec.Header(), Body: x.rec.Body.Bytes()}
		if err := v.Validate(ex); err != nil {
			out = append(out, err)
		}
	}
	return out
}

// TestAnswersMatchSpec checks every answer of the tour against the contract.
func TestAnswersMatchSpec(t *testing.T) {
	v := loadValidator(t)
	for _, err := range violations(t, v, sim.Options{}) {
		t.Error(err)
	}
}

// TestTourCoversEveryOperation keeps the tour (and so TestAnswersMatchSpec)
// in step with the contract.
func TestTourCoversEveryOperation(t *testing.T) {
	v := loadValidator(t)
	c := newClient(t, sim.Options{})
	tour(c)
	seen := map[string]bool{}
	for _, x := range c.log {
		u, err := url.Parse(x.target)
		require.NoError(t, err)
		op, _, err := v.API.Find(x.method, u.Path, u.RawQuery)
		require.NoError(t, err, x.method+" "+x.target)
		seen[op.ID] = true
	}
	for _, op := range v.API.Operations() {
		assert.True(t, seen[op.ID], "the tour does not call %s", op.ID)
	}
	assert.Len(t, v.API.Operations(), 29)
}

// TestFaultsBreakSpec shows that each fault that changes single answers is
// visible to plain contract validation. token-not-enforced, instance-stuck,
// lock-ignored and namespace-ignored break behaviour, not one answer's shape;
// TestFaults covers them.
func TestFaultsBreakSpec(t *testing.T) {
	v := loadValidator(t)
	for _, f := range []string{FaultWrongStatus, FaultMissingRequiredField, FaultWrongType, FaultBadTimeFormat, FaultWrongContentType} {
		t.Run(f, func(t *testing.T) {
			assert.NotEmpty(t, violations(t, v, sim.Options{Faults: []string{f}}))
		})
	}
}
