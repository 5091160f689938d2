package e2e

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

const root = "../.."

// registry is shared: contracts are parsed once per test process.
var registry = spec.NewRegistry(filepath.Join(root, "specs"))

// simServer is a simulator serving on loopback, with the fixture values of its data set.
type simServer struct {
	*httptest.Server
	api      string
	fixtures map[string]string
}

// point makes cfg a live run against the simulator.
func (s *simServer) point(cfg *runner.Config) {
	cfg.Target = s.URL
	cfg.Simulated = true
	cfg.Vars = map[string]map[string]string{s.api: s.fixtures}
}

func startSim(t *testing.T, api string, opts sim.Options) *simServer {
	t.Helper()
	e, err := catalog.Lookup(api)
	require.NoError(t, err)
	if opts.SessionTTL == 0 {
		opts.SessionTTL = 2 * time.Second
	}
	s, err := e.New(opts)
	require.NoError(t, err)
	srv := &simServer{Server: httptest.NewServer(s), api: api}
	if seeded, ok := s.(sim.Seeded); ok {
		srv.fixtures = seeded.Fixtures()
	}
	t.Cleanup(srv.Close)
	for _, v := range e.VendorStates {
		// The vendor side: the same simulator in each vendor state, as --target sim serves them.
		opts.VendorState = v.Name
		m, err := e.New(opts)
		require.NoError(t, err)
		ms := httptest.NewServer(m)
		t.Cleanup(ms.Close)
		if srv.fixtures == nil {
			srv.fixtures = map[string]string{}
		}
		srv.fixtures[v.Fixture] = ms.URL
	}
	return srv
}

func config(api string, out *bytes.Buffer) runner.Config {
	return runner.Config{
		APIs:         []string{api},
		SpecsDir:     filepath.Join(root, "specs"),
		FeaturesDir:  filepath.Join(root, "features"),
		CassettesDir: filepath.Join(root, "cassettes"),
		Registry:     registry,
		Output:       out,
		Concurrency:  4,
		Version:      "test",
	}
}

func failures(res *runner.Result) string {
	var b strings.Builder
	for _, s := range res.Scenarios {
		if !s.Passed {
			b.WriteString(s.Feature + ": " + s.Name + "\n  " + s.Error + "\n")
		}
	}
	return b.String()
}

// simulated lists the APIs that have both a contract with features and a simulator.
func simulated(t *testing.T) []string {
	names, err := registry.Names()
	require.NoError(t, err)
	var out []string
	for _, n := range names {
		if _, err := catalog.Lookup(n); err != nil {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, "features", n)); err == nil {
			out = append(out, n)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// TestLiveAgainstSimulator runs every suite live against each data set of its simulator, three
// times against the same instance: the suites lean on no seeded value (the second data set holds
// other ids, names, counts and order) and consume nothing a later run needs (a long-lived staging
// cloud is never reset between runs).
func TestLiveAgainstSimulator(t *testing.T) {
	for _, api := range simulated(t) {
		for _, dataset := range sim.Datasets() {
			t.Run(api+"/"+dataset, func(t *testing.T) {
				t.Parallel()
				srv := startSim(t, api, sim.Options{Seed: 7, Dataset: dataset})
				runs := 3
				if testing.Short() {
					runs = 1 // make live and make rerun run both data sets, fresh and reused, without -race
				}
				for run := 1; run <= runs; run++ {
					var out bytes.Buffer
					cfg := config(api, &out)
					srv.point(&cfg)
					cfg.Randomize = -1
					res, err := runner.Run(context.Background(), cfg)
					require.NoError(t, err, "run %d", run)
					require.True(t, res.OK(), "live run %d against the same %s simulator (data set %s) failed:\n%s", run, api, dataset, failures(res))
					assert.Greater(t, len(res.Scenarios), 10)
					// Live safety: every resource the suite creates carries the run id and is gone.
					for _, s := range res.Scenarios {
						assert.Empty(t, s.Cleanup, "%s: %s", s.Feature, s.Name)
					}
					assert.Empty(t, leftovers(t, api, srv.URL, res.RunIDs[api], srv.fixtures), "resources the live run left behind")
				}
			})
		}
	}
}

func TestCommittedCassettesReplayOffline(t *testing.T) {
	for _, api := range simulated(t) {
		t.Run(api, func(t *testing.T) {
			var out bytes.Buffer
			res, err := runner.Run(context.Background(), config(api, &out))
			require.NoError(t, err)
			assert.True(t, res.OK(), "replay failed (re-record with `make record`):\n%s", failures(res))
		})
	}
}

// TestRecordThenReplayKeepsNoSecret records every scenario with a canary password, then replays the
// new cassettes, and asserts the canary appears in no cassette, no output and no simulator log.
func TestRecordThenReplayKeepsNoSecret(t *testing.T) {
	const canary = "CANARY-9f8e7d-never-written"
	for _, api := range simulated(t) {
		t.Run(api, func(t *testing.T) {
			a, err := registry.Get(api)
			require.NoError(t, err)
			def := a.Harness.Credentials["default"]
			var simLog bytes.Buffer
			srv := startSim(t, api, sim.Options{Seed: 3, Log: &simLog, Credentials: []sim.Credential{{Username: def.Username, Password: canary, Token: canary, Role: "admin"}}})

			dir := t.TempDir()
			var out bytes.Buffer
			cfg := config(api, &out)
			cfg.CassettesDir = dir
			srv.point(&cfg)
			cfg.Record = true
			cfg.Format = "pretty"
			cfg.Credentials = map[string]map[string]spec.Credential{api: {"default": {Username: def.Username, Password: canary, Token: canary}}}
			res, err := runner.Run(context.Background(), cfg)
			require.NoError(t, err)
			require.True(t, res.OK(), "recording failed:\n%s", failures(res))

			var cassettes int
			sessionCookie := regexp.MustCompile(`(?i)(set-)?cookie:\s*\n\s*-\s*[^=\s]+=([^;\s]+)`)
			require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				require.NoError(t, err)
				if d.IsDir() {
					return nil
				}
				if !strings.HasSuffix(p, ".callbacks.yaml") {
					cassettes++
				}
				data, err := os.ReadFile(p)
				require.NoError(t, err)
				assert.NotContains(t, string(data), canary, p)
				for _, sec := range featureSecrets[api] {
					assert.NotContains(t, string(data), sec, "%s: a secured value of the features", p)
				}
				for _, m := range sessionCookie.FindAllStringSubmatch(string(data), -1) {
					assert.Equal(t, "REDACTED", m[2], "cookie value in %s", p)
				}
				assert.NotContains(t, strings.ToLower(string(data)), "authorization:\n                - basic "+strings.ToLower(canary))
				return nil
			}))
			assert.Equal(t, len(res.Scenarios), cassettes, "one cassette per scenario")
			assert.NotContains(t, out.String(), canary, "report output")
			assert.NotContains(t, simLog.String(), canary, "simulator log")
			for _, s := range res.Scenarios {
				assert.NotContains(t, s.Error, canary)
			}

			// Immediate replay of what was just recorded.
			out.Reset()
			cfg.Target, cfg.Record = "", false
			res, err = runner.Run(context.Background(), cfg)
			require.NoError(t, err)
			assert.True(t, res.OK(), "replay of fresh recording failed:\n%s", failures(res))
			assert.NotContains(t, out.String(), canary)
		})
	}
}

// featureSecrets are values the features send as secrets (secured parameters, passwords): the
// API echoes them (flattened template_params_*, activity records), and no cassette may keep them.
var featureSecrets = map[string][]string{
	"cam": {"cc-db-secret-7d41", "cc-default-secret-0"},
}

// deviations lists the deviations of a run, one a line.
func deviations(res *runner.Result) string {
	var b strings.Builder
	for _, s := range res.Scenarios {
		for _, d := range s.Deviations {
			b.WriteString(s.Feature + ": " + s.Name + ": " + d.Problem.String() + "\n")
		}
	}
	return b.String()
}

// TestEveryFaultIsCaught runs each API's suite against its simulator once per fault. It is the
// longest test: `go test -short` skips it, and `make unit` runs it separately without -race (it
// proves detection, not concurrency; the other end-to-end tests run under -race).
func TestEveryFaultIsCaught(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault matrix runs without -short (make unit runs it)")
	}
	for _, api := range simulated(t) {
		e, err := catalog.Lookup(api)
		require.NoError(t, err)
		for _, f := range e.Faults() {
			t.Run(api+"/"+f.Name, func(t *testing.T) {
				// Each fault carries the signature its failure must show, beside its description.
				require.NotEmpty(t, f.Signature, "fault %s of %s has no Signature in its faults.go", f.Name, api)
				sig, inferred := f.Signature, f.Deviation
				run := func(strict bool) *runner.Result {
					srv := startSim(t, api, sim.Options{Seed: 5, Faults: []string{f.Name}})
					var out bytes.Buffer
					cfg := config(api, &out)
					srv.point(&cfg)
					cfg.SkipPreflight = true // the fault must be caught by the scenarios' checks
					// Every scenario runs, @slow ones too: a deployment or a build the simulator moves one
					// step per read is how a stuck one is caught, and only a documented wait (a session
					// expiry) takes real time against a simulator.
					cfg.Concurrency = 8
					cfg.Strict = strict
					res, err := runner.Run(context.Background(), cfg)
					require.NoError(t, err)
					return res
				}
				if inferred {
					assert.Contains(t, deviations(run(false)), sig, "fault %s is not listed as a deviation", f.Name)
				}
				res := run(inferred)
				require.False(t, res.OK(), "fault %s went unnoticed", f.Name)
				assert.Contains(t, failures(res), sig)
				if inferred {
					assert.Regexp(t, regexp.QuoteMeta(sig)+`[^\n]*\(a deviation: `, failures(res), "a strict run names the break a deviation")
				}
			})
		}
	}
}
