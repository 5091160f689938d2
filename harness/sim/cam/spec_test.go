package cam

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
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
// one per failing answer, and the deviations from inferred assertions that
// did not fail (none when v is Strict).
func violations(t *testing.T, v *validate.Validator, opts sim.Options) (failures []error, deviations []validate.Problem) {
	t.Helper()
	c := newClient(t, opts)
	tour(c)
	for _, x := range c.log {
		u, err := url.Parse(x.target)
		require.NoError(t, err)
		ex := &validate.Exchange{Method: x.method, URL: u, RequestBody: []byte(x.body),
			Status: x.rec.Code, Header: x.rec.Header(), Body: x.rec.Body.Bytes()}
		devs, err := v.ValidateAll(ex)
		if err != nil {
			failures = append(failures, err)
		}
		deviations = append(deviations, devs...)
	}
	return failures, deviations
}

// TestAnswersMatchSpec checks every answer of the tour against the contract,
// strictly: the simulator keeps to what the contract infers too.
func TestAnswersMatchSpec(t *testing.T) {
	v := loadValidator(t)
	v.Strict = true
	failures, _ := violations(t, v, sim.Options{})
	for _, err := range failures {
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
// visible to plain contract validation: as a failure where it breaks what
// the document states, as a deviation (failing only when strict) where it
// breaks what the contract infers. token-not-enforced, instance-stuck,
// lock-ignored and namespace-ignored break behaviour, not one answer's shape;
// TestFaults covers them.
func TestFaultsBreakSpec(t *testing.T) {
	tests := []struct {
		fault string
		// failure is a documented problem the fault must cause ("" when it
		// breaks only inferred assertions); deviation an inferred one.
		failure, deviation string
	}{
		{FaultWrongStatus, "", "the document gives no status for this operation"},
		{FaultMissingRequiredField, "missing properties: 'name'", "missing properties: 'Status'"},
		{FaultWrongType, "", "expected integer, but got string"},
		{FaultBadTimeFormat, "", "is not valid 'date-time'"},
		{FaultWrongContentType, "", "Content-Type not documented"},
	}
	for _, tt := range tests {
		t.Run(tt.fault, func(t *testing.T) {
			v := loadValidator(t)
			failures, deviations := violations(t, v, sim.Options{Faults: []string{tt.fault}})
			var failed, deviated strings.Builder
			for _, err := range failures {
				var ce *validate.ContractError
				if errors.As(err, &ce) {
					for _, p := range ce.Problems {
						failed.WriteString(p.String() + "\n")
					}
				}
			}
			for _, d := range deviations {
				assert.True(t, d.Deviation())
				deviated.WriteString(d.String() + "\n")
			}
			if tt.failure != "" {
				assert.Contains(t, failed.String(), tt.failure)
			} else {
				assert.NotContains(t, failed.String(), tt.deviation, "an inferred assertion failed without --strict")
			}
			assert.Contains(t, deviated.String(), tt.deviation)

			v.Strict = true
			failures, deviations = violations(t, v, sim.Options{Faults: []string{tt.fault}})
			assert.Empty(t, deviations)
			var strict strings.Builder
			for _, err := range failures {
				strict.WriteString(err.Error() + "\n")
			}
			assert.Contains(t, strict.String(), tt.deviation)
		})
	}
}
