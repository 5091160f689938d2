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

func TestStaleCassettesNameTheInteraction(t *testing.T) {
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	found, err := Cassettes(api, "testdata/cassettes")
	require.NoError(t, err)
	var errs, notes []string
	for _, f := range found {
		if f.Severity == Error {
			errs = append(errs, f.String())
		} else {
			notes = append(notes, f.String())
		}
	}
	require.Len(t, errs, 1, "%v", found)
	assert.Contains(t, errs[0], "list.yaml: interaction 2 (GET /api/orders → 200): stale")
	assert.Contains(t, errs[0], "missing properties: 'email'")
	assert.Empty(t, notes, "a stale cassette is reported as stale, not as a hash note")
}

func TestSpecExamplesAreValidated(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "harness.yaml"), []byte("auth: {kind: none}\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "openapi.yaml"), []byte(`openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: array, items: {type: object, properties: {id: {type: integer}}, required: [id]}}
              examples:
                good: {value: [{id: 1}]}
                bad: {value: [{id: "one"}]}
            application/xml:
              schema: {type: object, xml: {name: things}, properties: {count: {type: integer, xml: {attribute: true}}}, required: [count]}
              x-examples:
                doc-line-1: '<things count="2"/>'
                doc-line-2: '<things count="two"/>'
                doc-line-3: '<thing count="2"/>'
`), 0o644))
	api, err := spec.Load(dir)
	require.NoError(t, err)
	found := Spec(api)
	var msgs []string
	for _, f := range found {
		msgs = append(msgs, f.Where+": "+f.Message)
	}
	all := strings.Join(msgs, "\n")
	assert.Len(t, found, 3, all)
	assert.Contains(t, all, "listThings 200 application/json example bad: example does not validate: body at /0/id")
	assert.Contains(t, all, "example doc-line-2: example does not validate: body at /count (XML /things/@count)")
	assert.Contains(t, all, "example doc-line-3: example does not validate: body at / (XML /thing): root element is <thing>, expected <things>")
	assert.NotContains(t, all, "example good")
}

func TestWriteCountsErrors(t *testing.T) {
	var b strings.Builder
	n := Write(&b, []Finding{{Severity: Note, File: "a", Where: "w", Message: "m"}, {Severity: Error, File: "b", Where: "w", Message: "m"}})
	assert.Equal(t, 1, n)
	assert.True(t, strings.HasPrefix(b.String(), "error: b"), "errors first")
}

// writeFiles writes files under dir, creating their folders.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
}

func TestUndefinedStepsAreErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.feature": `Feature: a
  Scenario: typo
    Given I am not authenticated
    When I sned a GET request to "/x"
`})
	found, err := Features(dir)
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, Error, found[0].Severity)
	assert.Equal(t, filepath.Join(dir, "a.feature")+": line 4", found[0].File+": "+found[0].Where)
	assert.Equal(t, `undefined step: When I sned a GET request to "/x"; did you mean: ^I send an? (GET|POST|PUT|DELETE|PATCH|HEAD) request to "([^"]*)"$`, found[0].Message)
}

func TestOrphanCassettes(t *testing.T) {
	features, cassettes := t.TempDir(), t.TempDir()
	writeFiles(t, features, map[string]string{"accounts.feature": `Feature: accounts
  Scenario: List the accounts
    Given I am not authenticated
  Scenario Outline: Get account <id>
    Given I am not authenticated
    Examples:
      | id |
      | 1  |
`})
	writeFiles(t, cassettes, map[string]string{
		"accounts/list-the-accounts.yaml":                "kept",
		"accounts/get-account-1.yaml":                    "kept: an example of an outline",
		"accounts/list-every-account.yaml":               "orphan: the scenario was renamed",
		"accounts/list-every-account.callbacks.yaml":     "orphan too",
		"accounts/list-the-accounts.callbacks.yaml":      "kept",
		"billing/report.yaml":                            "orphan: the feature is gone",
		"accounts/.recording-123/list-the-accounts.yaml": "in progress, not a cassette",
	})
	found, err := Orphans(features, cassettes)
	require.NoError(t, err)
	var files []string
	for _, f := range found {
		assert.Equal(t, Error, f.Severity)
		rel, _ := filepath.Rel(cassettes, f.File)
		files = append(files, rel+": "+f.Message)
	}
	assert.ElementsMatch(t, []string{
		"accounts/list-every-account.callbacks.yaml: orphan: no scenario of " + filepath.Join(features, "accounts.feature") + " is named so (renamed or removed?); delete the cassette, or record the renamed scenario",
		"accounts/list-every-account.yaml: orphan: no scenario of " + filepath.Join(features, "accounts.feature") + " is named so (renamed or removed?); delete the cassette, or record the renamed scenario",
		"billing/report.yaml: orphan: no feature file billing.feature in " + features + "; delete the cassette or restore the feature",
	}, files)
}
