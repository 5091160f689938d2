package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

func TestTags(t *testing.T) {
	api, err := spec.Load("../preflight/testdata/toy")
	require.NoError(t, err)
	tests := []struct {
		name, tags, steps string
		want              []string
	}{
		{"a read needs no tag", "", `When I send a GET request to "/api/zones"`, nil},
		{"a write is destructive", "", `When I send a POST request to "/api/zones"`, []string{"tag it @destructive: it sends POST /api/zones, which changes the cloud"}},
		{"a tagged write", "@destructive", `When I send a DELETE request to "/api/zones"`, nil},
		{"another credential set is admin", "", `Given I am authenticated as "admin"`, []string{`tag it @admin: it authenticates with the credential set "admin"`}},
		{"the default set is not admin", "", `Given I am authenticated as "default"`, nil},
		{"a wait is slow", "", `When I wait "900" seconds`, []string{`tag it @slow: it waits (I wait "900" seconds)`}},
		{"a fixture is tagged", "", `When I send a GET request to "/api/zones/${zone}/images"`, []string{"tag it @fixture:zone: it names the fixture variable ${zone}"}},
		{"a tagged fixture", "@fixture:zone", `When I send a GET request to "/api/zones/${zone}/images"`, nil},
		{"an unknown fixture tag", "@fixture:nope", `When I send a GET request to "/api/zones"`, []string{"tag @fixture:nope names no fixture of toy"}},
		{"a stale fixture tag", "@fixture:zone", `When I send a GET request to "/api/zones"`, []string{"tag @fixture:zone: the scenario does not use ${zone}"}},
		{"a saved variable is no fixture", "", `When I send a GET request to "/api/zones/${mine}/images"`, nil},
		{"a vendor-side fixture is tagged vendor side", "@fixture:outage_target", `Given the cloud in scheduled maintenance at "${outage_target}"`,
			[]string{"tag it @vendor-side: it names ${outage_target}, which only the vendor of a cloud can set"}},
		{"a tagged vendor-side fixture", "@vendor-side @fixture:outage_target", `Given the cloud in scheduled maintenance at "${outage_target}"`, nil},
		{"vendor side without a vendor-side fixture", "@vendor-side @fixture:zone", `When I send a GET request to "/api/zones/${zone}/images"`,
			[]string{"tag @vendor-side: the scenario names no vendor-side fixture of toy"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			feature := "Feature: f\n\n  " + tt.tags + "\n  Scenario: s\n    " + tt.steps + "\n"
			require.NoError(t, os.WriteFile(filepath.Join(dir, "f.feature"), []byte(feature), 0o644))
			found, err := Tags(api, dir)
			require.NoError(t, err)
			var got []string
			for _, f := range found {
				assert.Equal(t, Error, f.Severity)
				assert.Equal(t, "line 4: s", f.Where)
				got = append(got, f.Message)
			}
			if len(tt.want) == 0 {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, len(tt.want))
			for i := range tt.want {
				assert.Contains(t, got[i], tt.want[i])
			}
		})
	}
}

func TestEvidence(t *testing.T) {
	api, err := spec.Load("../validate/testdata/evid")
	require.NoError(t, err)
	assert.Empty(t, Evidence(api, ""), "every operation and component says where it comes from")

	dir := t.TempDir()
	data, err := os.ReadFile("../validate/testdata/evid/openapi.yaml")
	require.NoError(t, err)
	broken := strings.Replace(string(data), "      x-document-line: 30\n", "", 1)                                                    // Thing keeps only per-keyword evidence
	broken = strings.Replace(broken, "source: prose, line: 14", "source: rumour, line: 14", 1)                                       // an unknown source
	broken = strings.Replace(broken, "{source: example, line: 22, note: the document gives no HTTP status}", "{source: example}", 1) // no line
	broken = strings.Replace(broken, "x-document-line: 20", "x-document-line: 99", 1)                                                // past the end
	require.NoError(t, os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(broken), 0o644))
	h, err := os.ReadFile("../validate/testdata/evid/harness.yaml")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "harness.yaml"), h, 0o644))
	doc := filepath.Join(dir, "document.txt")
	require.NoError(t, os.WriteFile(doc, []byte(strings.Repeat("line\n", 40)), 0o644))
	api, err = spec.Load(dir)
	require.NoError(t, err)
	var got []string
	for _, f := range Evidence(api, doc) {
		assert.Equal(t, Error, f.Severity)
		got = append(got, f.Where+": "+f.Message)
	}
	assert.Equal(t, []string{
		"/components/schemas/Thing: neither x-document-line (the document states it) nor x-evidence (what it was inferred from)",
		"/components/schemas/Thing/x-evidence/required~1name: x-evidence source \"rumour\" is not one of prose, example, schema, table, inferred, simulator",
		"/paths/~1guesses~1{id}/get/x-evidence/responses: evidence from the document's example needs the line it reads",
		"/paths/~1guesses~1{id}/get/x-document-line: 99 is not a line of the document (1-41)",
	}, got)
}
