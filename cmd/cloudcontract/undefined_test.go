package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestUndefinedStepOutput: a step typo is reported with its line and the closest steps of the
// vocabulary, and no Go snippet.
func TestUndefinedStepOutput(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "ukcloud"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ukcloud", "typo.feature"), []byte(`Feature: typo

  Scenario: a typo
    Given I am authenticated
    When I sned a GET request to "/api/accounts"
    Then the response status shuold be 200
`), 0o644))
	code, out, errOut := run(t, "run", "--api", "ukcloud", "--target", "sim", "--features", dir)
	assert.Equal(t, 1, code, errOut)
	assert.NotContains(t, out, "func ")
	assert.NotContains(t, out, "godog.ErrPending")
	i := strings.Index(out, "Failed scenarios:")
	require.GreaterOrEqual(t, i, 0, out)
	report := strings.ReplaceAll(out[i:], dir, "FEATURES")
	report = report[:strings.Index(report, "\n1 scenarios in ")]
	golden(t, "undefined-step", report)
}
