package runner

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestGodogPaths(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "x.feature")
	require.NoError(t, os.WriteFile(f, []byte(`Feature: x

  Scenario: plain one
    Given I am not authenticated

  Scenario Outline: outline <n>
    Given I am not authenticated

    Examples:
      | n     |
      | alpha |
      | beta  |

  Rule: r
    Scenario: ruled
      Given I am not authenticated
`), 0o644))
	tests := []struct {
		name  string
		paths []string
		re    string
		want  []string
	}{
		{"a folder as it is", []string{dir}, "", []string{dir}},
		{"a scenario line", []string{f + ":3"}, "", []string{f + ":3"}},
		{"a step line", []string{f + ":4"}, "", []string{f + ":3"}},
		{"an example row selects its outline", []string{f + ":11"}, "", []string{f + ":6"}},
		{"a scenario in a rule", []string{f + ":16"}, "", []string{f + ":15"}},
		{"a name", []string{dir}, "^plain", []string{f + ":3"}},
		{"an example's name", []string{dir}, "outline beta", []string{f + ":6"}},
		{"a name and a line", []string{f + ":3"}, "ruled", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var re *regexp.Regexp
			if tt.re != "" {
				re = regexp.MustCompile(tt.re)
			}
			got, err := godogPaths(tt.paths, re)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
	_, err := godogPaths([]string{f + ":1"}, nil)
	assert.ErrorContains(t, err, "line 1 is before the first scenario")
}
