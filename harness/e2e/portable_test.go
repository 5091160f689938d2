package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
)

// TestFeaturesNameNoSeedData fails when a feature names a value that only a simulator's data set
// holds (an id, a name, a location, an e-mail address): such a scenario passes against the
// simulator and fails against any cloud populated otherwise. A scenario creates what it needs,
// discovers it, or reads a fixture variable instead.
func TestFeaturesNameNoSeedData(t *testing.T) {
	for _, api := range simulated(t) {
		t.Run(api, func(t *testing.T) {
			e, err := catalog.Lookup(api)
			require.NoError(t, err)
			files, err := filepath.Glob(filepath.Join(root, "features", api, "*.feature"))
			require.NoError(t, err)
			texts := map[string][]string{}
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				texts[f] = strings.Split(string(data), "\n")
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
							if re.MatchString(line) {
								t.Errorf("%s:%d names %q, a value of the %s simulator's data set %q: create it, discover it, or use a fixture variable\n    %s", f, i+1, v, api, dataset, strings.TrimSpace(line))
							}
						}
					}
				}
			}
		})
	}
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
