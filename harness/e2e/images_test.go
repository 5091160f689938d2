package e2e

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// customerImages lists, outside the harness, the customer images of every data center of a
// CloudControl simulator, deployed and pending, as "location/name/list".
func customerImages(t *testing.T, c *simClient) []string {
	t.Helper()
	org := c.ccOrg()
	_, dcs := c.do("GET", "/oec/0.9/"+org+"/datacenter", "")
	locs := regexp.MustCompile(`<(?:\w+:)?location>([^<]+)<`).FindAllStringSubmatch(dcs, -1)
	require.NotEmpty(t, locs)
	items := regexp.MustCompile(`<(?:\w+:)?id>([^<]+)</(?:\w+:)?id>\s*<(?:\w+:)?name>([^<]+)<`) // an item, not a step
	var out []string
	for _, loc := range locs {
		for _, list := range []string{"deployedWithSoftwareLabels", "pendingDeploy"} {
			_, body := c.do("GET", "/oec/0.9/"+org+"/image/"+list+"/"+loc[1], "")
			for _, m := range items.FindAllStringSubmatch(body, -1) {
				out = append(out, loc[1]+"/"+m[2]+"/"+list) // by name: a cleaned failed import is replaced
			}
		}
	}
	sort.Strings(out)
	return out
}

// The CloudControl scenarios that import, copy and clone customer images leave the account's
// images as they found them, on both data sets and twice in a row: the cleanup waits for an
// import or a copy to complete before it deletes the image (a pending image refuses, REASON_601).
func TestRunsLeaveTheCustomerImagesAsTheyWere(t *testing.T) {
	features := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(features, "cloudcontrol"), 0o755))
	for _, f := range []string{"images.feature", "servers.feature"} {
		b, err := os.ReadFile(filepath.Join(root, "features", "cloudcontrol", f))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(features, "cloudcontrol", f), b, 0o644))
	}
	for _, dataset := range sim.Datasets() {
		t.Run(dataset, func(t *testing.T) {
			t.Parallel()
			srv := startSim(t, "cloudcontrol", sim.Options{Seed: 5, Dataset: dataset})
			c := newSimClient(t, "cloudcontrol", srv.URL)
			before := customerImages(t, c)
			require.NotEmpty(t, before)
			for run := 1; run <= 2; run++ {
				var out bytes.Buffer
				cfg := cleanupConfig("cloudcontrol", features, srv.URL, &out, t)
				srv.point(&cfg)
				cfg.Concurrency = 4
				res, err := runner.Run(context.Background(), cfg)
				require.NoError(t, err)
				require.True(t, res.OK(), "run %d:\n%s", run, failures(res))
				created := 0
				for _, s := range res.Scenarios {
					assert.Empty(t, s.Cleanup, "run %d: %s: %s", run, s.Feature, s.Name)
					if regexp.MustCompile(`^(Import a customer image|Copy a customer image|Clone a server)`).MatchString(s.Name) {
						created++
					}
				}
				assert.Equal(t, 3, created, "the scenarios that create images ran")
				assert.Equal(t, before, customerImages(t, c), "run %d: the customer images after the run", run)
			}
		})
	}
}
