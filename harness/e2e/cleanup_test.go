package e2e

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/cleanup"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Live safety: what a live run creates with its run id is deleted after the scenario, even when
// the scenario fails or the run is interrupted; what it creates without the run id is never
// deleted; `cleanup --run-id` deletes only the run's leftovers.

// leftovers lists what a live run left on a simulator with its run id (nil for an API whose
// cleanup rules list nothing). The cleanup lists read the fixture variables of the simulator's
// data set (CAM's tenant, team and namespace).
func leftovers(t *testing.T, api, base, runID string, fixtures map[string]string) []string {
	t.Helper()
	a, err := registry.Get(api)
	require.NoError(t, err)
	lists := false
	for _, r := range a.Harness.Cleanup {
		lists = lists || r.List != ""
	}
	if !lists {
		return nil
	}
	vars := map[string]string{}
	for k, v := range fixtures {
		vars[k] = v
	}
	if api == "cloudcontrol" {
		vars["org-id"] = newSimClient(t, api, base).ccOrg()
	}
	found, err := runner.Sweep(context.Background(), runner.SweepConfig{API: api, Registry: registry, Target: base, Simulated: true, RunID: runID, Vars: vars, DryRun: true})
	require.NoError(t, err)
	return names(found)
}

// simClient talks to a simulator directly, outside the harness, as the API's default user.
type simClient struct {
	t    *testing.T
	base string
	auth func(*http.Request)
}

func newSimClient(t *testing.T, api, base string) *simClient {
	a, err := registry.Get(api)
	require.NoError(t, err)
	c := a.Harness.Credentials["default"]
	return &simClient{t: t, base: base, auth: func(r *http.Request) { r.SetBasicAuth(c.Username, c.Password) }}
}

func (c *simClient) do(method, path, body string) (int, string) {
	c.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	require.NoError(c.t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/xml")
	}
	c.auth(req)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return resp.StatusCode, string(data)
}

// eventually polls a GET until it answers want (deletions of ESC are asynchronous).
func (c *simClient) eventually(path string, want int) {
	c.t.Helper()
	if !assert.Eventually(c.t, func() bool {
		got, _ := c.do("GET", path, "")
		return got == want
	}, 10*time.Second, 50*time.Millisecond, "GET %s: want %d", path, want) {
		got, body := c.do("GET", path, "")
		c.t.Logf("GET %s answers %d: %s", path, got, body)
	}
}

func (c *simClient) ccOrg() string {
	c.t.Helper()
	_, body := c.do("GET", "/oec/0.9/myaccount", "")
	m := regexp.MustCompile(`<(?:\w+:)?orgId>([^<]+)<`).FindStringSubmatch(body)
	require.NotNil(c.t, m, "no orgId in %s", body)
	return m[1]
}

func cleanupConfig(api, features, target string, out *bytes.Buffer, t *testing.T) runner.Config {
	cfg := config(api, out)
	cfg.FeaturesDir = features
	cfg.CassettesDir = t.TempDir()
	cfg.Target = target
	cfg.Simulated = true
	cfg.Concurrency = 1
	return cfg
}

func TestFailedScenarioDeletesOnlyWhatItsRunCreated(t *testing.T) {
	cases := []struct {
		api string
		// gone and kept check, outside the harness, that the owned resource is deleted and the
		// unowned one is still there.
		check func(c *simClient, runID string)
	}{
		{"esc", func(c *simClient, runID string) {
			c.eventually("/ESCManager/v0/tenants/"+runID+"-left", http.StatusNotFound)
			c.eventually("/ESCManager/v0/tenants/keep-unowned", http.StatusOK)
		}},
		{"cloudcontrol", func(c *simClient, runID string) {
			status, body := c.do("GET", "/oec/0.9/"+c.ccOrg()+"/network", "")
			require.Equal(t, http.StatusOK, status)
			assert.NotContains(t, body, runID+"-left", "the network the failed scenario created is still there")
			assert.Contains(t, body, "keep-unowned", "a network without the run id was deleted")
		}},
	}
	for _, tc := range cases {
		t.Run(tc.api, func(t *testing.T) {
			srv := startSim(t, tc.api, sim.Options{Seed: 3})
			var out bytes.Buffer
			cfg := cleanupConfig(tc.api, filepath.Join("testdata", "cleanup"), srv.URL, &out, t)
			res, err := runner.Run(context.Background(), cfg)
			require.NoError(t, err)
			require.Len(t, res.Scenarios, 1)
			sc := res.Scenarios[0]
			require.False(t, sc.Passed, "the scenario must fail")
			assert.Contains(t, sc.Error, "418")
			runID := res.RunIDs[tc.api]
			require.Regexp(t, `^cc[0-9a-f]{8}$`, runID)
			assert.False(t, sc.LeftBehind, "cleanup notes: %v", sc.Cleanup)
			require.Len(t, sc.Cleanup, 1, "the unowned resource is reported: %v", sc.Cleanup)
			assert.Contains(t, sc.Cleanup[0], `"keep-unowned"`)
			assert.Contains(t, sc.Cleanup[0], "not deleted by the harness")
			tc.check(newSimClient(t, tc.api, srv.URL), runID)
		})
	}
}

func TestInterruptedRunDeletesWhatItCreated(t *testing.T) {
	srv := startSim(t, "esc", sim.Options{Seed: 3})
	var out bytes.Buffer
	cfg := cleanupConfig("esc", filepath.Join("testdata", "interrupt"), srv.URL, &out, t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := newSimClient(t, "esc", srv.URL)
	// Interrupt (as SIGINT does, through the run's context) once the tenant exists.
	go func() {
		for ctx.Err() == nil {
			if _, body := c.do("GET", "/ESCManager/v0/tenants", ""); strings.Contains(body, "-interrupted") {
				cancel()
				return
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()
	start := time.Now()
	res, err := runner.Run(ctx, cfg)
	require.NoError(t, err)
	assert.Less(t, time.Since(start), 50*time.Second, "the interrupted wait went on")
	require.Len(t, res.Scenarios, 2)
	for _, sc := range res.Scenarios {
		assert.False(t, sc.Passed, "%s passed after the interruption", sc.Name)
		assert.Contains(t, sc.Error, "interrupted", sc.Name)
	}
	c.eventually("/ESCManager/v0/tenants/"+res.RunIDs["esc"]+"-interrupted", http.StatusNotFound)
}

func TestCleanupCommandDeletesOnlyTheRunsLeftovers(t *testing.T) {
	const runID = "cc0123abcd"
	tenant := func(name string) string {
		return `<tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>` + name + `</name></tenant>`
	}
	network := func(name string) string {
		return `<Network xmlns="http://oec.api.opsource.net/schemas/network"><name>` + name + `</name><description>x</description></Network>`
	}
	cases := []struct {
		api string
		// seed creates the run's leftovers and a resource of someone else; it returns --var values.
		seed  func(c *simClient) map[string]string
		check func(c *simClient, vars map[string]string)
		want  []string
	}{
		{"esc", func(c *simClient) map[string]string {
			for _, id := range []string{runID + "-a", runID + "-b", "cc9999abcd-other-run", "keep-esc"} {
				status, body := c.do("POST", "/ESCManager/v0/tenants/"+id, tenant(id))
				require.Equal(t, http.StatusOK, status, body)
			}
			return nil
		}, func(c *simClient, _ map[string]string) {
			c.eventually("/ESCManager/v0/tenants/"+runID+"-a", http.StatusNotFound)
			c.eventually("/ESCManager/v0/tenants/"+runID+"-b", http.StatusNotFound)
			c.eventually("/ESCManager/v0/tenants/keep-esc", http.StatusOK)
			c.eventually("/ESCManager/v0/tenants/cc9999abcd-other-run", http.StatusOK)
		}, []string{runID + "-a", runID + "-b"}},
		{"cloudcontrol", func(c *simClient) map[string]string {
			org := c.ccOrg()
			for _, n := range []string{runID + "-net", "keep-net"} {
				status, body := c.do("POST", "/oec/0.9/"+org+"/network", network(n))
				require.Equal(t, http.StatusOK, status, body)
			}
			return map[string]string{"org-id": org}
		}, func(c *simClient, vars map[string]string) {
			_, body := c.do("GET", "/oec/0.9/"+vars["org-id"]+"/network", "")
			assert.NotContains(t, body, runID+"-net")
			assert.Contains(t, body, "keep-net")
		}, []string{runID + "-net"}},
	}
	for _, tc := range cases {
		t.Run(tc.api, func(t *testing.T) {
			srv := startSim(t, tc.api, sim.Options{Seed: 3})
			c := newSimClient(t, tc.api, srv.URL)
			vars := tc.seed(c)
			var progress bytes.Buffer
			cfg := runner.SweepConfig{API: tc.api, Registry: registry, Target: srv.URL, Simulated: true, RunID: runID, Vars: vars, Progress: &progress}

			cfg.DryRun = true
			found, err := runner.Sweep(context.Background(), cfg)
			require.NoError(t, err)
			assert.Equal(t, tc.want, names(found))

			cfg.DryRun = false
			found, err = runner.Sweep(context.Background(), cfg)
			require.NoError(t, err, progress.String())
			assert.Equal(t, tc.want, names(found))
			assert.Equal(t, len(tc.want), strings.Count(progress.String(), ": deleted"), progress.String())
			tc.check(c, vars)

			cfg.DryRun = true
			found, err = runner.Sweep(context.Background(), cfg)
			require.NoError(t, err)
			assert.Empty(t, found, "leftovers after the cleanup")
		})
	}
}

func TestCleanupRefusesRunIDsThatCouldMatchOthers(t *testing.T) {
	for _, id := range []string{"", "cc", "c", "cc0123", "cc0123abcdef", "CC0123ABCD", "*", "keep"} {
		_, err := runner.Sweep(context.Background(), runner.SweepConfig{API: "esc", Registry: registry, Target: "http://127.0.0.1:1", RunID: id})
		require.Error(t, err, "run id %q", id)
		assert.Contains(t, err.Error(), "is not a run id", "run id %q", id)
	}
}

func names(rs []*cleanup.Resource) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Name)
	}
	sort.Strings(out)
	return out
}
