package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunsFromAnyFolder: outside a checkout the binary replays from the specs, features and
// cassettes built into it; a folder given by flag still wins.
func TestRunsFromAnyFolder(t *testing.T) {
	wd, err := os.Getwd()
	require.NoError(t, err)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	empty := t.TempDir()
	require.NoError(t, os.Chdir(empty))
	t.Cleanup(func() { _ = os.Chdir(wd) })

	var out, errb bytes.Buffer
	code := realMain(context.Background(), []string{"run", "--api", "cam", "--tags", "@icons"}, &out, &errb)
	assert.Equal(t, 0, code, out.String()+errb.String())
	assert.Regexp(t, `(?m)^\d+ passed, 0 failed$`, out.String())

	// A --features folder of one's own wins over the built-in one.
	mine := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(mine, "cam"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(mine, "cam", "x.feature"), []byte("Feature: x\n  Scenario: unrecorded\n    Given I am authenticated\n    When I send a GET request to \"/cam/nothing\"\n"), 0o644))
	out.Reset()
	errb.Reset()
	code = realMain(context.Background(), []string{"run", "--api", "cam", "--features", mine}, &out, &errb)
	assert.Equal(t, 1, code)
	assert.Contains(t, out.String(), "unrecorded", "the scenario of --features ran (and has no cassette)")

	// Recording never writes into the unpacked copy: without --cassettes it writes ./cassettes.
	out.Reset()
	errb.Reset()
	code = realMain(context.Background(), []string{"run", "--api", "cam", "--tags", "@icons", "--target", "sim", "--record"}, &out, &errb)
	assert.Equal(t, 0, code, out.String()+errb.String())
	recorded, err := filepath.Glob(filepath.Join(empty, "cassettes", "cam", "*", "*.yaml"))
	require.NoError(t, err)
	assert.NotEmpty(t, recorded, "the recording went to ./cassettes")
}
