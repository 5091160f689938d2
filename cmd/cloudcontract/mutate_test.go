package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMutateReportsSurvivorsAndExitsOne(t *testing.T) {
	out := filepath.Join(t.TempDir(), "mutate.json")
	td := "harness/mutate/testdata/"
	code, stdout, stderr := run(t, "mutate", "--api", "shop", "--specs", td+"specs", "--features", td+"features",
		"--cassettes", td+"cassettes", "--max-per-op", "1", "--json", out)
	assert.Equal(t, 1, code, stderr)
	assert.Contains(t, stdout, "mutate shop (replay): ")
	assert.Contains(t, stdout, "Survivors: the contract forbids these responses and no scenario fails")
	assert.Contains(t, stderr, "survived: the suite does not check them")

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	var doc struct {
		Reports []struct {
			API   string `json:"api"`
			Total struct {
				Mutants, Survivors int
			} `json:"total"`
		} `json:"reports"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	require.Len(t, doc.Reports, 1)
	assert.Equal(t, "shop", doc.Reports[0].API)
	assert.Positive(t, doc.Reports[0].Total.Survivors)
}

func TestMutateRejectsALiveTarget(t *testing.T) {
	code, _, stderr := run(t, "mutate", "--api", "cam", "--target", "https://cam.example.com")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "a fresh simulator (sim)")
}
