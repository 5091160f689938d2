package runner

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

func TestParseTags(t *testing.T) {
	tests := []struct {
		expr string
		tags []string
		want bool
	}{
		{"", nil, true},
		{"@a", []string{"@a"}, true},
		{"@a", []string{"@b"}, false},
		{"~@a", []string{"@a"}, false},
		{"~@destructive && ~@admin", []string{"@paging"}, true},
		{"~@destructive && ~@admin", []string{"@paging", "@admin"}, false},
		{"@a,@b", []string{"@b"}, true},
		{"@a && @b,@c", []string{"@a", "@c"}, true},
		{"@fixture:image_id", []string{"@fixture:image_id"}, true},
	}
	for _, tt := range tests {
		f, err := ParseTags(tt.expr)
		require.NoError(t, err, tt.expr)
		assert.Equal(t, tt.want, f.Match(tt.tags), "%q on %v", tt.expr, tt.tags)
	}
	for _, bad := range []string{"@a &&", "&& @a", "@a,,@b", "@a @b", "~", "@"} {
		_, err := ParseTags(bad)
		assert.Error(t, err, "%q", bad)
	}
}

func TestScenarioNeeds(t *testing.T) {
	api, err := spec.Load("../preflight/testdata/toy")
	require.NoError(t, err)
	dir := t.TempDir()
	writeFile(t, dir+"/a.feature", `Feature: a
  Scenario: plain
    Given I am authenticated
    When I send a GET request to "/api/zones/${zone}/images"

  @admin
  Scenario: admin
    Given I am authenticated as "admin"
    When I send a POST request to "/api/x" with body:
      """json
      {"tenant": "${tenant}"}
      """
`)
	all, err := ScenarioNeeds(dir, "", api)
	require.NoError(t, err)
	assert.Equal(t, Needs{Scenarios: 2, Sets: []string{"admin", "default"}, Fixtures: []string{"tenant", "zone"}}, all)
	some, err := ScenarioNeeds(dir, "~@admin", api)
	require.NoError(t, err)
	assert.Equal(t, Needs{Scenarios: 1, Sets: []string{"default"}, Fixtures: []string{"zone"}}, some)
	_, err = ScenarioNeeds(dir, "@a &&", api)
	assert.ErrorContains(t, err, `"" is not a tag`)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}
