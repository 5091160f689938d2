package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// run runs the CLI from the repository root, as a user would.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir("../.."))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	var out, errb bytes.Buffer
	code := realMain(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./cmd/cloudcontract -update to create %s", path)
	assert.Equal(t, string(want), got)
}

func TestHelpOutput(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"usage", []string{"--help"}},
		{"run-help", []string{"run", "--help"}},
		{"simulate-help", []string{"simulate", "--help"}},
		{"cleanup-help", []string{"cleanup", "--help"}},
		{"verify-bundle-help", []string{"verify-bundle", "--help"}},
		{"cassettes-help", []string{"cassettes", "--help"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			assert.Equal(t, 0, code)
			assert.Empty(t, errOut, "help goes to stdout")
			golden(t, tt.name, out)
		})
	}
}

// TestEveryCommandHelp: help asked for goes to stdout with exit status 0, in every spelling.
func TestEveryCommandHelp(t *testing.T) {
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "--help"}, {c.name, "-h"}, {"help", c.name}} {
			t.Run(strings.Join(args, " "), func(t *testing.T) {
				code, out, errOut := run(t, args...)
				assert.Equal(t, 0, code, out+errOut)
				assert.Empty(t, errOut)
				assert.True(t, strings.HasPrefix(out, "Usage: cloudcontract "+c.name), out)
			})
		}
	}
	code, out, errOut := run(t, "cassettes", "scan", "--help")
	assert.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Usage: cloudcontract cassettes scan")
}

// TestUsageErrorsGoToStderr: a usage error is reported on stderr with exit status 2, and
// stdout stays empty.
func TestUsageErrorsGoToStderr(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"run", "--colour"}, {"verify-bundle"}, {"cassettes"}, {"version", "--short"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := run(t, args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.NotEmpty(t, errOut)
		})
	}
	_, _, errOut := run(t)
	golden(t, "no-command", errOut)
}

func TestUsageDocumentsExitStatuses(t *testing.T) {
	_, out, _ := run(t, "help")
	for _, want := range []string{"Exit status:", "  0 ", "  1 ", "  2 ", "  130 "} {
		assert.Contains(t, out, want)
	}
}

func TestBadInvocations(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, "no command given"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown flag", []string{"run", "--colour"}, "flag provided but not defined: -colour"},
		{"an API as a path", []string{"run", "ukcloud"}, `ukcloud: no such feature file or folder (to select an API, use --api ukcloud)`},
		{"a path outside the features", []string{"run", "go.mod"}, `go.mod is not in a folder of an API under features`},
		{"a bad line", []string{"run", "features/ukcloud/billing.feature:x"}, `"x" is not a line number`},
		{"a bad name", []string{"run", "--name", "(billing"}, `--name "(billing"`},
		{"a path of another API", []string{"run", "--api", "esc", "features/ukcloud/billing.feature"}, `features/ukcloud/billing.feature is a feature of API ukcloud, which --api does not select`},
		{"sim: a path outside the features", []string{"run", "--target", "sim", "go.mod"}, `go.mod is not in a folder of an API under features`},
		{"negative concurrency", []string{"run", "--concurrency", "-1"}, "--concurrency -1: must be at least 1 (0: the default)"},
		{"negative poll interval", []string{"run", "--poll-interval", "-1s"}, "--poll-interval -1s: must be positive (0: each API's own)"},
		{"dangling tag operator", []string{"run", "--tags", "@a &&"}, `--tags "@a &&": empty term 2`},
		{"dangling tag operator live", []string{"run", "--api", "ukcloud", "--target", "sim", "--tags", "@a,"}, `--tags "@a,"`},
		{"bad format", []string{"run", "--format", "html"}, `--format "html"`},
		{"record without target", []string{"run", "--api", "ukcloud", "--record"}, "--record needs --target URL"},
		{"bad target", []string{"run", "--api", "ukcloud", "--target", "ftp://x"}, `--target "ftp://x" is not an http(s) URL`},
		{"unknown api", []string{"run", "--api", "nimbus"}, `unknown API "nimbus"`},
		{"simulate without api", []string{"simulate"}, "--api is required"},
		{"simulate unknown fault", []string{"simulate", "--api", "ukcloud", "--fault", "gremlins"}, "gremlins"},
		{"profile and target", []string{"run", "--api", "cloudcontrol", "--profile", "ntta", "--region", "NA", "--target", "http://x"}, "give --target or --profile, not both"},
		{"unknown region", []string{"run", "--api", "cloudcontrol", "--profile", "ntta", "--region", "XX"}, `profile nttacloud has no region "XX"; regions: NA, EU, AU, AF, AP`},
		{"profile of an API without vendors", []string{"run", "--api", "ukcloud", "--profile", "x"}, "lists no vendors"},
		{"insecure and ca-cert", []string{"run", "--api", "ukcloud", "--insecure", "--ca-cert", "x.pem", "--target", "https://x"}, "--ca-cert"},
		{"sim target unknown fault", []string{"run", "--api", "ukcloud", "--target", "sim", "--sim-fault", "gremlins"}, "gremlins"},
		{"cleanup without api", []string{"cleanup", "--run-id", "cc0123abcd", "--target", "http://x"}, "--api is required"},
		{"cleanup without run id", []string{"cleanup", "--api", "esc", "--target", "http://x"}, "--run-id is required"},
		{"cleanup without target", []string{"cleanup", "--api", "esc", "--run-id", "cc0123abcd"}, "--target is required"},
		{"cleanup bad var", []string{"cleanup", "--api", "esc", "--run-id", "cc0123abcd", "--target", "http://x", "--var", "org"}, `--var "org": want NAME=VALUE`},
		{"cleanup unknown api", []string{"cleanup", "--api", "nimbus", "--run-id", "cc0123abcd", "--target", "http://x"}, `unknown API "nimbus"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, tt.args...)
			assert.Equal(t, 2, code, out+errOut)
			assert.Contains(t, out+errOut, tt.want)
		})
	}
}

func TestRunReplaysAndSummarises(t *testing.T) {
	code, out, errOut := run(t, "run", "--api", "ukcloud", "--tags", "@billing")
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, errOut, "replay mode")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Equal(t, "5 passed, 0 failed", lines[len(lines)-1], "the last line is the summary")
}

func TestRunFailsClearlyWithoutCassettes(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := run(t, "run", "--api", "ukcloud", "--tags", "@billing", "--cassettes", dir)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "no cassette for scenario")
	assert.Contains(t, out, "cloudcontract run --api ukcloud --record --target URL")
	assert.Contains(t, out, "0 passed, 5 failed")
	assert.Contains(t, errOut, "5 of 5 scenarios failed")
}

func TestRunAgainstSimulatorWithFault(t *testing.T) {
	code, out, _ := run(t, "run", "--api", "ukcloud", "--target", "sim", "--tags", "@builds", "--sim-fault", "missing-location")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "required header Location is missing")
	assert.Contains(t, out, `reproduce (TARGET=http://127.0.0.1:`)
	assert.Contains(t, out, `curl -sS -X POST "$TARGET"'/api/accounts/1/vorgs'`)
	assert.Contains(t, out, "Cookie: portal_session=REDACTED")
	assert.NotContains(t, out, "portal-sim-password")
}

func TestListFaults(t *testing.T) {
	code, out, _ := run(t, "simulate", "--api", "ukcloud", "--list-faults")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "missing-location")
}

// TestInterruptedRunExits130: an interrupted replay lists no failures, counts the scenarios not
// run on the summary line, and exits 130.
func TestInterruptedRunExits130(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	wd, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir("../.."))
	defer func() { require.NoError(t, os.Chdir(wd)) }()
	var out, errb bytes.Buffer
	code := realMain(ctx, []string{"run", "--api", "ukcloud", "--tags", "@billing"}, &out, &errb)
	assert.Equal(t, 130, code, out.String()+errb.String())
	assert.NotContains(t, out.String(), "Failed scenarios")
	assert.NotContains(t, out.String(), "Failed steps")
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	assert.Equal(t, "0 passed, 0 failed, 5 not run", lines[len(lines)-1])
	assert.Contains(t, errb.String(), "interrupted: 5 of 5 scenarios not run")
}
