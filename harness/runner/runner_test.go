package runner

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
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
	cfg, _ := suite(t, `Feature: f
  Scenario: undefined
    Given I am authenticated
    When I juggle three teapots
`)
	res, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, res.Scenarios, 1)
	assert.False(t, res.OK())
	assert.False(t, res.Scenarios[0].Passed)
	assert.Equal(t, "0 passed, 1 failed", res.Summary())
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

func TestFormatForSeveralAPIs(t *testing.T) {
	assert.Equal(t, "progress,junit:out/r-cam.xml", formatFor("progress,junit:out/r.xml", "cam", true))
	assert.Equal(t, "junit:r.xml", formatFor("junit:r.xml", "cam", false))
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

	cfg.APIs = []string{"ukcloud", "cam"}
	assert.ErrorContains(t, cfg.Validate(), "one API")
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
