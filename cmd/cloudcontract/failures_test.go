package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/cloudcontract/cloudcontract/harness/runner"
)

// TestFailureListKeepsEntriesIndented: a reproduce line whose body spans lines stays inside its
// entry, so that the list parses as one block per failure.
func TestFailureListKeepsEntriesIndented(t *testing.T) {
	res := &runner.Result{Target: "http://x", Scenarios: []runner.ScenarioResult{{
		Feature: "features/esc/t.feature", Name: "create", Kind: runner.KindContract, Err: errors.New("e"),
		Error:     "esc createTenant: POST /t answered 200, breaking the contract in 1 way(s):\n  - body at /: bad",
		Reproduce: "curl -sS -X POST \"$TARGET\"'/t' --data-binary '<tenant>\n  <name>x</name>\n</tenant>'",
	}}}
	var out bytes.Buffer
	printFailures(&out, res)
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n")[1:] {
		assert.True(t, strings.HasPrefix(line, "  "), "a line at column 0 inside the failure list: %q", line)
	}
	assert.Contains(t, out.String(), "\n        <name>x</name>\n      </tenant>'")
}
