package certify

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

var registry = spec.NewRegistry("../../specs")

// bundle certifies the UKCloud simulator, with a fault switched on, over the build scenarios.
func bundle(t *testing.T, waivers []report.Waiver, faults ...string) (string, *report.Result) {
	t.Helper()
	s, err := ukcloud.New(sim.Options{Faults: faults, SessionTTL: time.Minute})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	out := filepath.Join(t.TempDir(), "bundle")
	var progress bytes.Buffer
	res, err := Run(context.Background(), Options{
		API: "ukcloud", Target: srv.URL, Simulated: true, Vars: s.Fixtures(), Vendor: "Example Cloud", Out: out, SpecsDir: "../../specs", FeaturesDir: "../../features",
		Registry: registry, Tags: "@builds", Concurrency: 4, Timeout: 10 * time.Second, Version: "test", Output: &progress, Waivers: waivers,
		Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	})
	require.NoError(t, err)
	return out, res
}

func operation(r *report.Result, id string) report.Operation {
	for _, op := range r.Operations {
		if op.ID == id {
			return op
		}
	}
	return report.Operation{}
}

func TestBundleShowsTheFailingOperationEverywhere(t *testing.T) {
	out, res := bundle(t, nil, ukcloud.FaultMissingLocation)
	assert.Equal(t, report.Fail, res.Verdict)

	// JSON: one row per operation and check.
	data, err := os.ReadFile(filepath.Join(out, "results.json"))
	require.NoError(t, err)
	var parsed report.Result
	require.NoError(t, json.Unmarshal(data, &parsed))
	op := operation(&parsed, "createVorg")
	assert.Equal(t, report.Fail, op.Verdict)
	assert.Equal(t, report.Fail, op.Checks["header"])
	assert.Equal(t, report.Pass, op.Checks["body"])
	require.NotEmpty(t, op.Failures)
	f := op.Failures[0]
	assert.Equal(t, "header", f.Check)
	assert.Equal(t, "required header Location is missing", f.Message)
	assert.Equal(t, "Location header", f.Expected)
	assert.Contains(t, f.Request, "POST /api/accounts/1/vorgs")
	assert.Contains(t, f.Curl, `curl -sS -X POST "$TARGET"'/api/accounts/1/vorgs'`)
	assert.Contains(t, f.Curl, "Cookie: portal_session=REDACTED", "the curl line masks secrets")
	assert.Equal(t, report.Pass, operation(&parsed, "listVorgs").Verdict)
	assert.Equal(t, report.NotExercised, operation(&parsed, "getBillingCsv").Verdict)

	// JUnit.
	junit, err := os.ReadFile(filepath.Join(out, "junit.xml"))
	require.NoError(t, err)
	assert.Contains(t, string(junit), `name="createVorg (POST /api/accounts/{account_id}/vorgs)"`)
	assert.Contains(t, string(junit), `<failure message="failing checks: header"`)

	// HTML.
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), `<tr id="op-createVorg" class="fail" data-verdict="fail">`)
	assert.NotContains(t, string(page), "portal-sim-password")
	assert.NotContains(t, string(page), "<script src", "self-contained")

	// The manifest and tampering.
	m, problems, err := VerifyBundle(out)
	require.NoError(t, err)
	assert.Empty(t, problems)
	assert.Equal(t, "ukcloud", m.API)
	assert.Contains(t, m.Inputs, "specs/ukcloud/openapi.yaml")
	assert.Contains(t, m.Inputs, "features/ukcloud/builds.feature")
	assert.Contains(t, m.Files, "report.html")

	require.NoError(t, os.WriteFile(filepath.Join(out, "results.json"), bytes.Replace(data, []byte(`"verdict": "fail"`), []byte(`"verdict": "pass"`), 1), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "extra.txt"), []byte("x"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(out, "junit.xml")))
	_, problems, err = VerifyBundle(out)
	require.NoError(t, err)
	joined := strings.Join(problems, "\n")
	assert.Contains(t, joined, "changed: results.json")
	assert.Contains(t, joined, "missing: junit.xml")
	assert.Contains(t, joined, "added: extra.txt")
}

func TestWaivers(t *testing.T) {
	waivers := []report.Waiver{
		{Operation: "createVorg", Check: "header", Reason: "Location arrives in release 2027.1", Expires: "2027-01-31"},
		{Operation: "createVdc", Check: "*", Reason: "old one", Expires: "2026-11-01"},
	}
	_, res := bundle(t, waivers, ukcloud.FaultMissingLocation)
	assert.Equal(t, report.Waived, operation(res, "createVorg").Verdict)
	assert.Contains(t, operation(res, "createVorg").Failures[0].Waiver, "Location arrives in release 2027.1")
	assert.Equal(t, report.Fail, operation(res, "createVdc").Verdict, "an expired waiver accepts nothing")
	require.Len(t, res.Waivers, 2)
	assert.False(t, res.Waivers[0].Expired)
	assert.True(t, res.Waivers[1].Expired)
	assert.Equal(t, report.Fail, res.Verdict)
}

func TestCleanRunPasses(t *testing.T) {
	out, res := bundle(t, nil)
	assert.Equal(t, report.Pass, res.Verdict, "%+v", res.Summary)
	_, problems, err := VerifyBundle(out)
	require.NoError(t, err)
	assert.Empty(t, problems)
}

func TestRefusesToOverwriteABundle(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(out, "results.json"), []byte("{}"), 0o644))
	_, err := Run(context.Background(), Options{API: "ukcloud", Target: "http://127.0.0.1:1", Out: out, Registry: registry})
	assert.ErrorContains(t, err, "is not empty")
}

// TestReportInABrowser opens the HTML report in headless Chromium and finds the failing operation
// in the rendered page. CI installs Debian's chromium; elsewhere the test is skipped without it.
func TestReportInABrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed: .ci/run installs it")
		}
		t.Skip("chromium not installed")
	}
	out, _ := bundle(t, nil, ukcloud.FaultMissingLocation)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir="+t.TempDir(),
		"--dump-dom", "file://"+filepath.Join(out, "report.html"))
	dom, err := cmd.Output()
	require.NoError(t, err)
	assert.Contains(t, string(dom), `id="verdict">fail</span>`)
	assert.Contains(t, string(dom), `<tr id="op-createVorg" class="fail" data-verdict="fail">`)
	assert.Contains(t, string(dom), "required header Location is missing")
}
