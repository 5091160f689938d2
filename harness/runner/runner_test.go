package runner

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/redact"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/cloudcontrol"
	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/steps"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

var registry = spec.NewRegistry("../../specs")

// suite writes one feature file for ukcloud in a temporary features folder and returns a config
// running it live against a fresh simulator.
func suite(t *testing.T, feature string, faults ...string) (Config, *bytes.Buffer) {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "ukcloud"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "ukcloud", "test.feature"), []byte(feature), 0o644))
	s, err := ukcloud.New(sim.Options{Faults: faults, SessionTTL: time.Minute})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	var out bytes.Buffer
	return Config{
		APIs: []string{"ukcloud"}, SpecsDir: "../../specs", FeaturesDir: dir, CassettesDir: t.TempDir(),
		Target: srv.URL, Simulated: true, Registry: registry, Output: &out,
	}, &out
}

func TestStrictFailsUndefinedSteps(t *testing.T) {
	cfg, out := suite(t, `Feature: f
  Scenario: undefined
    Given I am authenticated
    When I juggle three teapots
    And I sned a GET request to "/api/accounts"
`)
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, res.Scenarios, 1)
	assert.False(t, res.OK())
	assert.False(t, res.Scenarios[0].Passed)
	assert.Equal(t, "0 passed, 1 failed", res.Summary())

	var undefined *steps.UndefinedStep
	require.ErrorAs(t, res.Scenarios[0].Err, &undefined)
	assert.Equal(t, 4, undefined.Line, "the first undefined step")
	assert.Equal(t, "When I juggle three teapots", undefined.Keyword+undefined.Text)
	assert.Regexp(t, `^undefined step at .*test.feature:4: When I juggle three teapots; did you mean: \^`, res.Scenarios[0].Error)
	assert.Empty(t, res.Scenarios[0].Reproduce, "the request is not what went wrong")
	assert.NotContains(t, out.String(), "func ", "no Go snippet")
	assert.NotContains(t, out.String(), "snippets")
	assert.Contains(t, out.String(), "1 undefined", "godog's own counts stay")
}

// TestOutputIsMaskedWholeLines: godog writes a rune at a time; a secret is masked all the same.
func TestOutputIsMaskedWholeLines(t *testing.T) {
	var buf bytes.Buffer
	policy := redact.New()
	policy.AddValues("hunter2-secret")
	m := &maskingWriter{w: &buf, policy: policy}
	for _, r := range "...\npassword hunter2-secret here\nYou can implement step definitions for undefined steps with these snippets:\nfunc x() {}\n" {
		_, err := m.Write([]byte(string(r)))
		require.NoError(t, err)
	}
	require.NoError(t, m.Flush())
	assert.NotContains(t, buf.String(), "hunter2-secret")
	assert.True(t, strings.HasPrefix(buf.String(), "...\npassword "), buf.String())
	assert.NotContains(t, buf.String(), "func x")
}

// TestFailedStepsKeepRealFailures: after an interruption, a real failure stays in godog's list.
func TestFailedStepsKeepRealFailures(t *testing.T) {
	var buf bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	m := &maskingWriter{w: &buf, policy: redact.New(), run: ctx}
	_, err := m.Write([]byte("..F\n\n\n--- Failed steps:\n\n  Scenario: a # f:1\n    Then x # f:2\n      Error: wrong\n\n  Scenario: b # f:3\n    Given y # f:4\n      Error: before scenario hook failed: not started: the run was interrupted\n\n\n2 scenarios (2 failed)\n"))
	require.NoError(t, err)
	require.NoError(t, m.Flush())
	assert.Equal(t, "..F\n\n\n--- Failed steps:\n\n  Scenario: a # f:1\n    Then x # f:2\n      Error: wrong\n\n\n2 scenarios (2 failed)\n", buf.String())
}

func TestMalformedFeatureNamesTheFile(t *testing.T) {
	cfg, out := suite(t, "Feature: f\n  Scenario: s\n    Given I am authenticated\n  Examples oops\n")
	_, err := Run(context.Background(), cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error()+out.String(), "test.feature")
}

func TestContractFailuresAreTyped(t *testing.T) {
	cfg, _ := suite(t, `Feature: f
  Scenario: accounts
    Given I am authenticated
    When I send a GET request to "/api/accounts"
    Then the response should conform to the contract
`, ukcloud.FaultWrongType)
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, res.Scenarios, 1)
	var ce *validate.ContractError
	require.True(t, errors.As(res.Scenarios[0].Err, &ce), "a contract failure, not an environment one: %v", res.Scenarios[0].Err)
	assert.Equal(t, "listAccounts (GET /api/accounts)", ce.Operation)
	assert.Contains(t, ce.Problems[0].Pointer, "/id")
}

func TestEnvironmentFailuresAreTyped(t *testing.T) {
	cfg, _ := suite(t, `Feature: f
  Scenario: nobody home
    When I send a GET request to "/api/ping"
`)
	cfg.Target = "http://127.0.0.1:1" // nothing listens on port 1
	cfg.Timeout = 2 * time.Second
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	var ee *steps.EnvironmentError
	require.True(t, errors.As(res.Scenarios[0].Err, &ee), "%v", res.Scenarios[0].Err)
	assert.Contains(t, ee.Error(), "GET /api/ping")
}

func TestDuplicateScenarioNamesAreRefused(t *testing.T) {
	cfg, _ := suite(t, `Feature: f
  Scenario: same
    When I send a GET request to "/api/ping"
  Scenario: Same
    When I send a GET request to "/api/ping"
`)
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, 1, res.Failed())
	for _, s := range res.Scenarios {
		if !s.Passed {
			assert.Contains(t, s.Error, "share the cassette")
		}
	}
}

func TestTagsSelectScenariosAndNoMatchIsAnError(t *testing.T) {
	feature := `Feature: f
  @one
  Scenario: first
    When I send a GET request to "/api/ping"
    Then the response status should be 401
  Scenario: second
    When I send a GET request to "/api/ping"
    Then the response status should be 401
`
	cfg, _ := suite(t, feature)
	cfg.Tags = "@one"
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, res.Scenarios, 1)
	assert.Equal(t, "first", res.Scenarios[0].Name)

	cfg.Tags = "@nothing"
	_, err = Run(context.Background(), cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no scenario ran")
}

func TestConcurrentScenariosKeepTheirOwnState(t *testing.T) {
	// Each scenario logs in and saves its own variable; with 8 at once nothing leaks between them.
	feature := "Feature: f\n"
	for i := 0; i < 16; i++ {
		feature += "  Scenario: s" + string(rune('a'+i)) + `
    Given I am authenticated
    And the variable "mine" is "s` + string(rune('a'+i)) + `"
    When I send a GET request to "/api/accounts"
    Then the response status should be 200
    And the response should conform to the contract
    Given the variable "check" is "${mine}"
    When I send a GET request to "/api/my_calls/${mine}"
    Then the response status should be 400
    And the response body should contain "${check}"
`
	}
	cfg, _ := suite(t, feature)
	cfg.Concurrency = 8
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.True(t, res.OK(), "%+v", res.Scenarios)
	assert.Equal(t, 16, res.Passed())
}

func TestReportFormats(t *testing.T) {
	one := NewReports("progress,junit:out/r.xml", false)
	f, err := one.Format("cam")
	require.NoError(t, err)
	assert.Equal(t, "progress,junit:out/r.xml", f, "one API writes the file asked for")

	several := NewReports("progress,junit:out/r.xml,events:e.json", true)
	defer several.Close(nil)
	f, err = several.Format("cam")
	require.NoError(t, err)
	parts := strings.Split(f, ",")
	assert.Equal(t, "progress", parts[0])
	assert.True(t, strings.HasPrefix(parts[1], "junit:"+os.TempDir()), "merged later: %s", parts[1])
	assert.Equal(t, "events:e-cam.json", parts[2], "not merged: one file per API")
	var notes bytes.Buffer
	require.NoError(t, os.WriteFile(strings.TrimPrefix(parts[1], "junit:"), []byte(`<testsuites name="cam" tests="0" skipped="0" failures="0" errors="0" time="0"></testsuites>`), 0o644))
	dir := t.TempDir()
	several.parts = map[string][]reportPart{"junit:" + filepath.Join(dir, "r.xml"): several.parts["junit:out/r.xml"]}
	defer func() { assert.NoError(t, several.Close(nil), "a second Close does nothing") }()
	require.NoError(t, several.Close(&notes))
	assert.Equal(t, "one report file per API: events:e-cam.json\n", notes.String())
}

func TestConfigValidate(t *testing.T) {
	for _, c := range []Config{{Record: true}, {Target: "nope"}, {Concurrency: -1}} {
		assert.Error(t, c.Validate())
	}
	assert.NoError(t, (&Config{Target: "https://x.example"}).Validate())
}

func TestPathsSelectAScenarioAndWrapTransportSeesIt(t *testing.T) {
	feature := `Feature: f
  Scenario: first
    When I send a GET request to "/api/ping"
    Then the response status should be 401
  Scenario: second
    When I send a GET request to "/api/ping"
    Then the response status should be 401
`
	cfg, _ := suite(t, feature)
	cfg.Paths = []string{filepath.Join(cfg.FeaturesDir, "ukcloud", "test.feature") + ":5"}
	var wrapped []string
	cfg.WrapTransport = func(feature, scenario string, rt http.RoundTripper) http.RoundTripper {
		wrapped = append(wrapped, scenario)
		assert.Contains(t, feature, "test.feature")
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			resp, err := rt.RoundTrip(r)
			if err == nil {
				resp.StatusCode = http.StatusTeapot // the wrapper changes what the scenario sees
			}
			return resp, err
		})
	}
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, res.Scenarios, 1)
	assert.Equal(t, "second", res.Scenarios[0].Name)
	assert.Equal(t, []string{"second"}, wrapped)
	assert.False(t, res.Scenarios[0].Passed)
	assert.Contains(t, res.Scenarios[0].Error, "418")
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// TestInterruptedScenariosAreNotRun: scenarios an interruption kept from starting are counted as
// not run, not as failures.
func TestInterruptedScenariosAreNotRun(t *testing.T) {
	cfg, _ := suite(t, `Feature: f
  Scenario: one
    Given I am not authenticated
  Scenario: two
    Given I am not authenticated
`)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := Run(ctx, cfg)
	require.NoError(t, err)
	require.Len(t, res.Scenarios, 2)
	assert.True(t, res.Interrupted)
	assert.Equal(t, 0, res.Failed())
	assert.Equal(t, 2, res.NotRun())
	assert.False(t, res.OK())
	assert.Equal(t, "0 passed, 0 failed, 2 not run", res.Summary())
}

// TestInterruptionDuringAWait: the scenario waiting when the run is interrupted is not run, as are
// those after it; the one that had passed stays passed.
func TestInterruptionDuringAWait(t *testing.T) {
	cfg, out := suite(t, `Feature: f
  Scenario: first
    Given I am not authenticated
  Scenario: waits
    When I wait "30" seconds
  Scenario: last
    Given I am not authenticated
`)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(300*time.Millisecond, cancel)
	res, err := Run(ctx, cfg)
	require.NoError(t, err)
	assert.True(t, res.Interrupted)
	assert.Equal(t, "1 passed, 0 failed, 2 not run", res.Summary())
	assert.NotContains(t, out.String(), "Failed steps", "godog's list of failed steps leaves out what the interruption stopped")
	assert.NotContains(t, out.String(), "interrupted")
}

// TestVendorSideScenariosNotRunWithoutTheirFixture: a scenario needing a vendor-side fixture the
// run does not have passes no preflight check, fails nothing, and is reported not run with the
// reason, in the summary and as a skipped JUnit test case; the run passes.
func TestVendorSideScenariosNotRunWithoutTheirFixture(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "cloudcontrol"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cloudcontrol", "test.feature"), []byte(`Feature: f
  @fixture:maintenance_target
  Scenario: in maintenance
    Given the cloud in scheduled maintenance at "${maintenance_target}"
    And I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 503
  Scenario: my account
    Given I am authenticated
    When I send a GET request to "/oec/0.9/myaccount"
    Then the response status should be 200
`), 0o644))
	s, err := cloudcontrol.New(sim.Options{})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	junit := filepath.Join(t.TempDir(), "junit.xml")
	var out bytes.Buffer
	res, err := Run(context.Background(), Config{
		APIs: []string{"cloudcontrol"}, SpecsDir: "../../specs", FeaturesDir: dir, CassettesDir: t.TempDir(),
		Target: srv.URL, Simulated: true, Registry: registry, Output: &out, Format: "progress,junit:" + junit,
	})
	require.NoError(t, err, out.String())
	require.Len(t, res.Scenarios, 2)
	assert.True(t, res.OK(), "%+v", res.Scenarios)
	assert.Equal(t, 0, res.Failed())
	assert.Equal(t, 1, res.Skipped())
	assert.Equal(t, "1 passed, 0 failed, 1 not run (vendor side: set maintenance_target to run)", res.Summary())
	require.NoError(t, AnnotateJUnit(junit, res))
	data, err := os.ReadFile(junit)
	require.NoError(t, err)
	assert.Contains(t, string(data), `<testcase name="in maintenance" status="skipped" time="`)
	assert.Contains(t, string(data), `<skipped message="vendor side: set maintenance_target to run"></skipped></testcase>`)
	assert.Contains(t, string(data), `<testsuites name="cloudcontrol" tests="2" skipped="1" failures="0"`)
	assert.NotContains(t, string(data), `type="skipped"`, "godog's errors for skipped steps are replaced")
}

// TestSummaryGroupsReasonsOfOneKind: scenarios not run for want of several vendor-side fixtures
// are summed into one count naming how many fixtures are unset; one reason of its kind is shown
// as it is, and kinds stay apart.
func TestSummaryGroupsReasonsOfOneKind(t *testing.T) {
	sc := func(skipped string) ScenarioResult { return ScenarioResult{Name: "s", Skipped: skipped} }
	for _, tc := range []struct {
		name string
		res  Result
		want string
	}{
		{"one reason", Result{Scenarios: []ScenarioResult{sc("vendor side: set a_target to run"), sc("vendor side: set a_target to run")}},
			"0 passed, 0 failed, 2 not run (vendor side: set a_target to run)"},
		{"two fixtures of one kind", Result{Scenarios: []ScenarioResult{sc("vendor side: set a_target to run"), sc("vendor side: set b_target to run"), sc("vendor side: set b_target to run")}},
			"0 passed, 0 failed, 3 not run (vendor side: 2 fixtures unset, named by the preflight)"},
		{"two kinds", Result{Scenarios: []ScenarioResult{sc("vendor side: set a_target to run"), sc("the cloud holds no zone now: set zone to run")}},
			"0 passed, 0 failed, 1 not run (the cloud holds no zone now: set zone to run), 1 not run (vendor side: set a_target to run)"},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, tc.res.Summary()) })
	}
}

// TestPollInterval: the run's pause wins over the API's harness.yaml, which wins over the
// default; a harness.yaml value that is not a positive duration is refused, naming it.
func TestPollInterval(t *testing.T) {
	for _, tc := range []struct {
		name    string
		given   time.Duration
		harness string
		want    time.Duration
		err     string
	}{
		{"the run's", 30 * time.Second, "100ms", 30 * time.Second, ""},
		{"the API's", 0, "100ms", 100 * time.Millisecond, ""},
		{"the default", 0, "", DefaultPollInterval, ""},
		{"not a duration", 0, "soon", 0, `poll_interval "soon": expected a positive duration`},
		{"not positive", 0, "-1s", 0, `poll_interval "-1s": expected a positive duration`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := PollInterval(tc.given, tc.harness)
			if tc.err != "" {
				assert.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
	assert.ErrorContains(t, (&Config{PollInterval: -time.Second}).Validate(), "--poll-interval -1s: must be positive")
}
