package certify

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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
	return certifyWith(t, "@builds", func(o *Options) { o.Waivers = waivers }, faults...)
}

// certifyWith certifies the UKCloud simulator over the scenarios selected by tags, with options
// adjusted by set.
func certifyWith(t *testing.T, tags string, set func(*Options), faults ...string) (string, *report.Result) {
	t.Helper()
	return certifyAt(t, simulator(t, faults...), tags, set)
}

// target is a simulator serving a certification.
type target struct {
	url  string
	vars map[string]string
}

// simulator starts a UKCloud simulator with the faults switched on.
func simulator(t *testing.T, faults ...string) target {
	t.Helper()
	s, err := ukcloud.New(sim.Options{Faults: faults, SessionTTL: time.Minute})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return target{url: srv.URL, vars: s.Fixtures()}
}

// certifyAt certifies the simulator at tg over the scenarios selected by tags.
func certifyAt(t *testing.T, tg target, tags string, set func(*Options)) (string, *report.Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "bundle")
	var progress bytes.Buffer
	o := Options{
		API: "ukcloud", Target: tg.url, Simulated: true, Vars: tg.vars, Vendor: "Example Cloud", Out: out, SpecsDir: "../../specs", FeaturesDir: "../../features",
		Registry: registry, Tags: tags, Concurrency: 4, Timeout: 10 * time.Second, Version: "test", Revision: "test-revision", Output: &progress,
		Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	}
	set(&o)
	res, err := Run(context.Background(), o)
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

	// The manifest and tampering (TestVerifyBundleDetectsTampering tries each edit alone).
	v, err := VerifyBundle(out, nil)
	require.NoError(t, err)
	assert.Empty(t, v.Problems)
	assert.False(t, v.Signed)
	m := v.Manifest
	assert.Equal(t, "ukcloud", m.API)
	assert.Equal(t, "test-revision", m.Revision)
	api, err := registry.Get("ukcloud")
	require.NoError(t, err)
	assert.Equal(t, api.Hash, m.SpecSHA256)
	assert.Contains(t, m.Inputs, "specs/ukcloud/openapi.yaml")
	assert.Contains(t, m.Inputs, "features/ukcloud/builds.feature")
	assert.Contains(t, m.Files, "report.html")

	require.NoError(t, os.WriteFile(filepath.Join(out, "results.json"), bytes.Replace(data, []byte(`"verdict": "fail"`), []byte(`"verdict": "pass"`), 1), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(out, "extra.txt"), []byte("x"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(out, "junit.xml")))
	v, err = VerifyBundle(out, nil)
	require.NoError(t, err)
	joined := strings.Join(v.Problems, "\n")
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
	v, err := VerifyBundle(out, nil)
	require.NoError(t, err)
	assert.Empty(t, v.Problems)
}

func TestRefusesToOverwriteABundle(t *testing.T) {
	out := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(out, "results.json"), []byte("{}"), 0o644))
	_, err := Run(context.Background(), Options{API: "ukcloud", Target: "http://127.0.0.1:1", Out: out, Registry: registry})
	assert.ErrorContains(t, err, "is not empty")
}

// TestReportInABrowser opens the HTML report of a bundle with several kinds of failure in
// headless Chromium at 1280×900, every <details> opened, and checks the rendered page: the
// failing operation and its grouped failures are there, and nothing is wider than the window
// (document.documentElement.scrollWidth ≤ 1280). The same measure on a page with a 2000 px wide
// element shows the check failing. CI installs Debian's chromium; elsewhere the test is skipped
// without it. REPORT_SCREENSHOT=FILE.png also writes a screenshot to look at.
func TestReportInABrowser(t *testing.T) {
	bin, err := exec.LookPath("chromium")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("chromium is not installed: .ci/run installs it")
		}
		t.Skip("chromium not installed")
	}
	out, res := certifyWith(t, "@builds", func(o *Options) {
		o.Waivers = []report.Waiver{
			{Operation: "createVdc", Check: "header", Reason: "Location arrives in release 2027.1", Expires: "2027-01-31", Line: 2},
			{Operation: "listAcounts", Check: "body", Reason: "a typo", Expires: "2027-01-31", Line: 6},
		}
	}, ukcloud.FaultMissingLocation, ukcloud.FaultMissingRequiredField, ukcloud.FaultBadDateFormat, ukcloud.FaultWrongType)
	require.Greater(t, len(res.Failures), 2, "several kinds of failure")
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	require.NoError(t, err)

	dom := renderAt1280(t, bin, page)
	assert.Contains(t, dom, `id="verdict">fail</span>`)
	assert.Contains(t, dom, `<tr id="op-createVorg" class="fail" data-verdict="fail">`)
	assert.Contains(t, dom, "required header Location is missing")
	assert.Contains(t, dom, `unknown operation "listAcounts"`)
	t.Logf("scroll width at 1280 px: %d", scrollWidth(t, dom))
	assert.LessOrEqual(t, scrollWidth(t, dom), 1280, "the page fits a 1280 px window")

	wide := bytes.Replace(page, []byte("</main>"), []byte(`<div style="width:2000px">wide</div></main>`), 1)
	assert.Greater(t, scrollWidth(t, renderAt1280(t, bin, wide)), 1280, "the measure sees an overflow")

	if shot := os.Getenv("REPORT_SCREENSHOT"); shot != "" {
		p := filepath.Join(t.TempDir(), "report.html")
		require.NoError(t, os.WriteFile(p, page, 0o644))
		abs, err := filepath.Abs(shot)
		require.NoError(t, err)
		chromium(t, bin, "--window-size=1280,900", "--screenshot="+abs, "file://"+p)
	}
}

// renderAt1280 renders a page in a 1280 px wide window with every <details> open, and returns
// the DOM with the page's scroll width written on <body data-scroll-width>.
func renderAt1280(t *testing.T, bin string, page []byte) string {
	t.Helper()
	const measure = `<script>for(const d of document.querySelectorAll('details'))d.open=true;` +
		`document.body.setAttribute('data-scroll-width',String(document.documentElement.scrollWidth))</script></body>`
	p := filepath.Join(t.TempDir(), "measured.html")
	require.NoError(t, os.WriteFile(p, bytes.Replace(page, []byte("</body>"), []byte(measure), 1), 0o644))
	return chromium(t, bin, "--window-size=1280,900", "--dump-dom", "file://"+p)
}

var scrollWidthAttr = regexp.MustCompile(`data-scroll-width="(\d+)"`)

func scrollWidth(t *testing.T, dom string) int {
	t.Helper()
	m := scrollWidthAttr.FindStringSubmatch(dom)
	require.NotNil(t, m, "the measuring script ran")
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

func chromium(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	args = append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + t.TempDir()}, args...)
	out, err := exec.CommandContext(ctx, bin, args...).Output()
	require.NoError(t, err)
	return string(out)
}
