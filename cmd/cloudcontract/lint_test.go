package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestLintPassesOnTheRepository: every contract, cassette and feature of the repository is clean.
func TestLintPassesOnTheRepository(t *testing.T) {
	if testing.Short() {
		t.Skip("make lint runs it")
	}
	code, out, errOut := run(t, "lint")
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "0 error(s)")
}

// TestLintFindsUndefinedStepsAndOrphans: a feature with a typo, and cassettes whose scenarios
// are gone (here: every ukcloud feature but one renamed away).
func TestLintFindsUndefinedStepsAndOrphans(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "ukcloud"), 0o755))
	billing, err := os.ReadFile("../../features/ukcloud/billing.feature")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ukcloud", "billing.feature"), billing, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ukcloud", "typo.feature"), []byte("Feature: t\n  Scenario: s\n    Then the response status shuold be 200\n"), 0o644))
	code, out, errOut := run(t, "lint", "--api", "ukcloud", "--features", dir)
	assert.Equal(t, 1, code, errOut)
	assert.Contains(t, out, "typo.feature: line 3: undefined step: Then the response status shuold be 200; did you mean: ^the response status should be (\\d{3})$")
	assert.Contains(t, out, "error: cassettes/ukcloud/accounts/")
	assert.Contains(t, out, "orphan: no feature file accounts.feature in "+filepath.Join(dir, "ukcloud"))
	assert.NotContains(t, out, "cassettes/ukcloud/billing/", "billing's scenarios still exist")

	code, out, errOut = run(t, "coverage", "--api", "ukcloud", "--features", dir)
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "cassette file(s) of scenarios that no longer exist are counted above")
}
