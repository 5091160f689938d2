package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	messages "github.com/cucumber/messages/go/v21"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/features"
	"github.com/cloudcontract/cloudcontract/harness/lint"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
)

// TestFeaturesNameNoSeedData fails when a feature names a value that only a simulator's data set
// holds (an id, a name, a location, an e-mail address): such a scenario passes against the
// simulator and fails against any cloud populated otherwise. A scenario creates what it needs,
// discovers it, or reads a fixture variable instead. The body of a vendor-side scenario is left
// out: it is the document's own example, sent to a deployment whose state answers before any
// value it names is looked up (see vendorSideBodies), so it passes however a cloud is populated.
func TestFeaturesNameNoSeedData(t *testing.T) {
	for _, api := range simulated(t) {
		t.Run(api, func(t *testing.T) {
			e, err := catalog.Lookup(api)
			require.NoError(t, err)
			files, err := filepath.Glob(filepath.Join(root, "features", api, "*.feature"))
			require.NoError(t, err)
			texts := map[string][]string{}
			exempt := map[string]map[int]bool{}
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				texts[f] = strings.Split(string(data), "\n")
				exempt[f] = vendorSideBodies(t, f)
			}
			for _, dataset := range sim.Datasets() {
				s, err := e.New(sim.Options{Dataset: dataset})
				require.NoError(t, err)
				seeded, ok := s.(sim.Seeded)
				if !assert.True(t, ok, "the %s simulator does not tell its seed values (sim.Seeded)", api) {
					return
				}
				values := seeded.SeedValues()
				assert.NotEmpty(t, values, "data set %s lists no seed value", dataset)
				for _, v := range values {
					re := seedPattern(v)
					for f, lines := range texts {
						for i, line := range lines {
							if re.MatchString(line) && !exempt[f][i+1] {
								t.Errorf("%s:%d names %q, a value of the %s simulator's data set %q: create it, discover it, or use a fixture variable\n    %s", f, i+1, v, api, dataset, strings.TrimSpace(line))
							}
						}
					}
				}
			}
		})
	}
}

// vendorSideBodies lists the lines (1-based) of the doc strings of a feature's @vendor-side
// scenarios, the opening and closing delimiters included.
func vendorSideBodies(t *testing.T, path string) map[int]bool {
	t.Helper()
	doc, _, err := features.Parse(path)
	require.NoError(t, err)
	out := map[int]bool{}
	if doc.Feature == nil {
		return out
	}
	for _, child := range doc.Feature.Children {
		sc := child.Scenario
		if sc == nil || !slices.ContainsFunc(sc.Tags, func(tag *messages.Tag) bool { return tag.Name == lint.TagVendorSide }) {
			continue
		}
		for _, st := range sc.Steps {
			if ds := st.DocString; ds != nil {
				first := int(ds.Location.Line)
				last := first + strings.Count(ds.Content, "\n") + 2
				for l := first; l <= last; l++ {
					out[l] = true
				}
			}
		}
	}
	return out
}

// seedPattern matches a seed value as a whole token. A short number (an account id such as 12)
// is only matched as a path segment, where it names a resource.
func seedPattern(v string) *regexp.Regexp {
	q := regexp.QuoteMeta(v)
	if regexp.MustCompile(`^\d{1,3}$`).MatchString(v) {
		return regexp.MustCompile(`/` + q + `(?:[/?"#]|$)`)
	}
	return regexp.MustCompile(`(?:^|[^A-Za-z0-9_.\-])` + q + `(?:$|[^A-Za-z0-9_\-])`)
}

func TestSeedPattern(t *testing.T) {
	tests := []struct {
		value, line string
		want        bool
	}{
		{"web-01", `"/oec/0.9/${org}/serverWithState?name=web-01"`, true},
		{"web-01", `"${run_id}-web-01"`, false},
		{"web-01", `"web-011"`, false},
		{"NA3", `should be "NA3"`, true},
		{"NA3", `"NA31"`, false},
		{"12", `"/api/accounts/1/vorgs/12/vdcs"`, true},
		{"12", `"/api/accounts/1/vorgs/12"`, true},
		{"12", `should have 12 items`, false},
		{"a4c8b1e2-0c1d-11e3-b29c-001517c46402", `/network/a4c8b1e2-0c1d-11e3-b29c-001517c46402</vlan>`, true},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, seedPattern(tt.value).MatchString(tt.line), "%q in %q", tt.value, tt.line)
	}
}

// TestVendorSideBodies: only the doc string of a @vendor-side scenario is left out, delimiters
// included; its steps, and the body of any other scenario, are still read.
func TestVendorSideBodies(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.feature")
	require.NoError(t, os.WriteFile(path, []byte(`Feature: x

  @vendor-side
  Scenario: vendor side
    When I send a POST request to "/a/NA1" with body:
      """xml
      <a>NA1</a>
      """

  Scenario: from outside
    When I send a POST request to "/b" with body:
      """xml
      <b>NA1</b>
      """
`), 0o600))
	got := vendorSideBodies(t, path)
	assert.Equal(t, map[int]bool{6: true, 7: true, 8: true}, got)
}
