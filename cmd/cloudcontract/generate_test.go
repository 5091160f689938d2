package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGenerateCheck passes on the committed generated features and fails (exit 1) on a stale
// one.
func TestGenerateCheck(t *testing.T) {
	code, out, errs := run(t, "generate", "--api", "esc,ukcloud,cam", "--check")
	require.Equal(t, 0, code, out+errs)
	assert.Contains(t, out, "features/esc/generated.feature: ")

	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "esc"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "esc", generatedFeature), []byte("# stale\n"), 0o644))
	code, out, _ = run(t, "generate", "--api", "esc", "--check", "--features", dir)
	assert.Equal(t, 1, code, out)
	assert.Contains(t, out, "stale")
}

// TestCoverageJSONCarriesCauses: every documented status of ESC is classified in the JSON.
func TestCoverageJSONCarriesCauses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "coverage.json")
	code, out, errs := run(t, "coverage", "--api", "esc", "--json", path)
	require.Equal(t, 0, code, out+errs)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	var reports []struct {
		Totals struct {
			Statuses int `json:"statuses"`
		} `json:"totals"`
		Classification []struct{ Class, Why string } `json:"classification"`
		ByCause        map[string]int                `json:"statuses_by_cause"`
	}
	require.NoError(t, json.Unmarshal(data, &reports))
	require.Len(t, reports, 1)
	r := reports[0]
	assert.Equal(t, r.Totals.Statuses, r.ByCause["provoked"]+r.ByCause["not_provokable"]+r.ByCause["open"])
	for _, c := range r.Classification {
		if c.Class == "not-provokable" {
			assert.NotEmpty(t, c.Why)
		}
	}
	assert.Greater(t, r.ByCause["not_provokable"], 0)
}
