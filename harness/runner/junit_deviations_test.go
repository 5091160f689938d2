package runner

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestJUnitShowsDeviationsApart: a passing test case keeps its status and gains its deviations in
// <system-out>; each suite counts them in a property.
func TestJUnitShowsDeviationsApart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "junit.xml")
	require.NoError(t, os.WriteFile(path, []byte(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="esc" tests="2" skipped="0" failures="0" errors="0" time="0.1">
  <testsuite name="Tenants" tests="2" skipped="0" failures="0" errors="0" time="0.1">
    <testcase name="Recover a VM" status="passed" time="0.05"></testcase>
    <testcase name="List tenants" status="passed" time="0.05"></testcase>
  </testsuite>
</testsuites>
`), 0o644))
	res := &Result{Scenarios: []ScenarioResult{
		{Name: "Recover a VM", Passed: true, Deviations: []steps.Deviation{{Operation: "recoverVm (callback)", Problem: validate.Problem{
			Check: "body", Pointer: "/event_type", Message: "value must be one of", Evidence: &spec.Evidence{Source: "example", Line: 994}}}}},
		{Name: "List tenants", Passed: true},
	}}
	require.NoError(t, AnnotateJUnit(path, res))
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	out := string(data)
	assert.Contains(t, out, `<property name="deviations" value="1"></property>`)
	assert.Contains(t, out, `<testcase name="Recover a VM" status="passed" time="0.05"><system-out>1 deviation(s) from inferred behaviour (not failures):`)
	assert.Contains(t, out, `inferred from the document&#39;s example at line 994`)
	assert.Equal(t, 1, strings.Count(out, "<system-out>"), "a case without deviations gains nothing")
	assert.Contains(t, out, `failures="0"`)
}
