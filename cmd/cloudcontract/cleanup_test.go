package main

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

func TestCleanupDeletesOnlyTheRunsTenants(t *testing.T) {
	e, err := catalog.Lookup("esc")
	require.NoError(t, err)
	h, err := e.New(sim.Options{Seed: 1})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()
	for _, id := range []string{"cc0123abcd-left", "keep-me"} {
		req, _ := http.NewRequest("POST", srv.URL+"/ESCManager/v0/tenants/"+id, strings.NewReader(`<tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>x</name></tenant>`))
		req.Header.Set("Content-Type", "application/xml")
		req.SetBasicAuth("admin", "esc-sim-password")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode)
	}
	// A target that is not a simulator of the run: the credentials must be given.
	code, _, errOut := run(t, "cleanup", "--api", "esc", "--run-id", "cc0123abcd", "--target", srv.URL, "--dry-run")
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut, `credential set "default" is not configured: set CLOUDCONTRACT_ESC_DEFAULT_USERNAME`)
	t.Setenv("CLOUDCONTRACT_ESC_USERNAME", "admin")
	t.Setenv("CLOUDCONTRACT_ESC_PASSWORD", "esc-sim-password")
	code, out, errOut := run(t, "cleanup", "--api", "esc", "--run-id", "cc0123abcd", "--target", srv.URL, "--dry-run")
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, `would delete tenant "cc0123abcd-left": DELETE /ESCManager/v0/tenants/cc0123abcd-left`)
	assert.NotContains(t, out, "keep-me")
	assert.Contains(t, out, "1 resources of run cc0123abcd found on "+srv.URL)

	code, out, errOut = run(t, "cleanup", "--api", "esc", "--run-id", "cc0123abcd", "--target", srv.URL)
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, `tenant "cc0123abcd-left" DELETE /ESCManager/v0/tenants/cc0123abcd-left: deleted`)
	assert.NotContains(t, out+errOut, "esc-sim-password")

	code, out, errOut = run(t, "cleanup", "--api", "esc", "--run-id", "cc", "--target", srv.URL)
	assert.Equal(t, 1, code, out+errOut)
	assert.Contains(t, errOut, `run id "cc" is not a run id of cloudcontract`)
}

func TestRunFailsWhenAScenarioLeftResourcesBehind(t *testing.T) {
	res := &runner.Result{
		Target: "https://esc.example", RunIDs: map[string]string{"esc": "cc0123abcd"},
		Scenarios: []runner.ScenarioResult{
			{API: "esc", Feature: "tenants.feature", Name: "Create a tenant", Passed: true, LeftBehind: true,
				Cleanup: []string{`left behind: deleting tenant "cc0123abcd-t": DELETE /ESCManager/v0/tenants/cc0123abcd-t answered 409`}},
			{API: "esc", Feature: "tenants.feature", Name: "Create a foreign tenant", Passed: true,
				Cleanup: []string{`tenant "keep" created by POST /ESCManager/v0/tenants/keep does not start with the run id cc0123abcd: it is not deleted by the harness`}},
		},
	}
	var out bytes.Buffer
	err := finish(&out, res, nil)
	var ee *exitError
	require.True(t, errors.As(err, &ee), "%v", err)
	assert.Equal(t, 1, ee.code)
	assert.Contains(t, ee.msg, "1 scenarios left resources behind")
	assert.Contains(t, out.String(), "Cleanup:\n  tenants.feature: Create a tenant\n    left behind:")
	assert.Contains(t, out.String(), "delete the leftovers with: cloudcontract cleanup --api esc --run-id cc0123abcd --target https://esc.example")
	assert.Contains(t, out.String(), "it is not deleted by the harness")
}

// TestCleanupSaysWhichVariableIsMissing: a cleanup that cannot list names the variable and the
// rule that needs it, and fails, instead of reporting that nothing was found.
func TestCleanupSaysWhichVariableIsMissing(t *testing.T) {
	for _, tt := range []struct{ api, want string }{
		{"cloudcontrol", `--var org-id=VALUE: rule "network" lists with listNetworks (GET /oec/0.9/{org-id}/network`},
		{"cam", `--var tenant=VALUE: rule`},
	} {
		t.Run(tt.api, func(t *testing.T) {
			e, err := catalog.Lookup(tt.api)
			require.NoError(t, err)
			h, err := e.New(sim.Options{Seed: 1})
			require.NoError(t, err)
			srv := httptest.NewServer(h)
			defer srv.Close()
			simCredentials(t, tt.api)
			code, out, errOut := run(t, "cleanup", "--api", tt.api, "--run-id", "cc0123abcd", "--target", srv.URL, "--dry-run")
			assert.Equal(t, 2, code, out+errOut)
			assert.NotContains(t, out, "0 resources")
			assert.Contains(t, errOut, "cannot list what the run left on "+tt.api)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

// TestCleanupSweepsWhatItCanList: with org-id but no network-id, CloudControl's networks,
// servers and accounts are looked for, and the command says its ACL rules are not (deleting a
// network deletes its rules).
func TestCleanupSweepsWhatItCanList(t *testing.T) {
	simCredentials(t, "cloudcontrol")
	e, err := catalog.Lookup("cloudcontrol")
	require.NoError(t, err)
	h, err := e.New(sim.Options{Seed: 1})
	require.NoError(t, err)
	srv := httptest.NewServer(h)
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/oec/0.9/myaccount", nil)
	req.SetBasicAuth("primary.admin", "cloud-sim-password")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	org := regexp.MustCompile(`<(?:\w+:)?orgId>([^<]+)<`).FindStringSubmatch(string(body))
	require.NotNil(t, org, "no orgId in %s", body)
	code, out, errOut := run(t, "cleanup", "--api", "cloudcontrol", "--run-id", "cc0123abcd", "--target", srv.URL, "--dry-run", "--var", "org-id="+org[1])
	assert.Equal(t, 0, code, out+errOut)
	assert.Contains(t, out, "ACL rule: not listed: listAclRules needs --var network-id=VALUE")
	assert.Contains(t, out, "resources of run cc0123abcd found")
}

// simCredentials sets the default credential set of api to the simulator's, from the environment,
// as a user of a real cloud would (a target that is not --target sim gets no default).
func simCredentials(t *testing.T, api string) {
	t.Helper()
	a, err := spec.NewRegistry("../../specs").Get(api)
	require.NoError(t, err)
	c := a.Harness.Credentials["default"]
	t.Setenv(spec.CredentialEnv(api, "default", "USERNAME"), c.Username)
	t.Setenv(spec.CredentialEnv(api, "default", "PASSWORD"), c.Password)
	t.Setenv(spec.CredentialEnv(api, "default", "TOKEN"), c.Token)
}
