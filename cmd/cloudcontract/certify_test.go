package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/certify"
	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// TestCertifySummary renders what certify prints after a run (the report package's golden
// fixture: failures of several kinds, a partly waived operation, an expired and an unknown
// waiver) and compares it with its golden file.
func TestCertifySummary(t *testing.T) {
	api, err := spec.Load("../../harness/spec/testdata/shop")
	require.NoError(t, err)
	recs, err := vcr.Recordings("../../harness/report/testdata/cassettes")
	require.NoError(t, err)
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	res := report.Build(report.Input{API: api, Version: "1.0.0", Target: "https://shop.example.com", Started: now, Now: now, Recordings: recs,
		Scenarios: []report.Scenario{{Feature: "features/shop/orders.feature", Name: "List orders", Verdict: report.Pass}},
		Waivers: []report.Waiver{
			{Operation: "createOrder", Check: "header", Reason: "Location arrives in release 2027.1", Expires: "2027-01-31", Line: 2},
			{Operation: "getOrder", Check: "body", Reason: "ids were strings until 2026.10", Expires: "2026-10-31", Line: 6},
			{Operation: "listOrderz", Check: "body", Reason: "a typo", Expires: "2027-01-31", Line: 10},
		}})
	var b bytes.Buffer
	writeCertifySummary(&b, res, "bundle", "waivers.yaml", true)
	golden(t, "certify-summary", b.String())
}

func TestBuildRevision(t *testing.T) {
	info := func(settings ...debug.BuildSetting) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Settings: settings}, true }
	}
	rev := "3624cc5a1b2c3624cc5a1b2c3624cc5a1b2c3624"
	assert.Equal(t, rev, buildRevision(info(debug.BuildSetting{Key: "vcs.revision", Value: rev}, debug.BuildSetting{Key: "vcs.modified", Value: "false"})))
	assert.Equal(t, rev+"+dirty", buildRevision(info(debug.BuildSetting{Key: "vcs.revision", Value: rev}, debug.BuildSetting{Key: "vcs.modified", Value: "true"})))
	assert.Equal(t, "", buildRevision(info()), "go run and go test carry no revision")
	assert.Equal(t, "", buildRevision(func() (*debug.BuildInfo, bool) { return nil, false }))
}

// TestVerifyBundleCommand runs verify-bundle on signed and unsigned bundles, with and without a
// key: a signed bundle needs its key; an unsigned one verifies, saying the signature was not
// checked.
func TestVerifyBundleCommand(t *testing.T) {
	dir := t.TempDir()
	prefix := filepath.Join(dir, "cert")
	pub, err := certify.GenerateKey(prefix)
	require.NoError(t, err)
	priv, err := certify.LoadPrivateKey(prefix + ".key")
	require.NoError(t, err)
	otherPrefix := filepath.Join(dir, "other")
	_, err = certify.GenerateKey(otherPrefix)
	require.NoError(t, err)
	signed := certifyBundle(t, priv)
	unsigned := certifyBundle(t, nil)
	tampered := certifyBundle(t, priv)
	require.NoError(t, os.WriteFile(filepath.Join(tampered, "extra.txt"), []byte("x"), 0o644))

	tests := []struct {
		name  string
		args  []string
		code  int
		wants []string
	}{
		{"signed, with its key", []string{"verify-bundle", "--pub-key", prefix + ".pub", signed}, 0,
			[]string{"files match the manifest (cloudcontract test, revision test-revision, ukcloud at http", "signature: valid, by " + certify.KeyID(pub)}},
		{"flags after the folder", []string{"verify-bundle", signed, "--pub-key", prefix + ".pub"}, 0, []string{"signature: valid"}},
		{"signed, no key", []string{"verify-bundle", signed}, 1,
			[]string{"signature: NOT checked: the bundle is signed (by " + certify.KeyID(pub), "signed bundle verified without its key: give --pub-key FILE"}},
		{"signed, another key", []string{"verify-bundle", "--pub-key", otherPrefix + ".pub", signed}, 1,
			[]string{"does not verify manifest.json with key", "has been altered: 1 problem(s)"}},
		{"unsigned, no key", []string{"verify-bundle", unsigned}, 0, []string{"signature: NOT checked: the bundle is unsigned"}},
		{"unsigned, with a key", []string{"verify-bundle", "--pub-key", prefix + ".pub", unsigned}, 1, []string{"signature: the bundle is not signed"}},
		{"a file added", []string{"verify-bundle", "--pub-key", prefix + ".pub", tampered}, 1, []string{"added: extra.txt", "has been altered: 1 problem(s)"}},
		{"not a key", []string{"verify-bundle", "--pub-key", prefix + ".key", signed}, 2, []string{`--pub-key: ` + prefix + `.key: no PEM block "PUBLIC KEY"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := realMain(context.Background(), tt.args, &out, &errb)
			assert.Equal(t, tt.code, code, "%s%s", out.String(), errb.String())
			for _, w := range tt.wants {
				assert.Contains(t, out.String()+errb.String(), w)
			}
		})
	}
}

func TestCertifyRejectsABadSigningKey(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.key")
	require.NoError(t, os.WriteFile(bad, []byte("not a key"), 0o600))
	code, _, errOut := run(t, "certify", "--api", "ukcloud", "--target", "http://127.0.0.1:1", "--out", t.TempDir(), "--sign-key", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, `--sign-key: `+bad+`: no PEM block "PRIVATE KEY"`)
}

// certifyBundle writes a bundle of the UKCloud build scenarios against a simulator.
func certifyBundle(t *testing.T, key []byte) string {
	t.Helper()
	s, err := ukcloud.New(sim.Options{SessionTTL: time.Minute})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	out := filepath.Join(t.TempDir(), "bundle")
	o := certify.Options{API: "ukcloud", Target: srv.URL, Simulated: true, Vars: s.Fixtures(), Out: out, SpecsDir: "../../specs", FeaturesDir: "../../features",
		Tags: "@builds", Concurrency: 4, Timeout: 10 * time.Second, Version: "test", Revision: "test-revision", Output: &bytes.Buffer{}}
	if key != nil {
		o.SignKey = key
	}
	_, err = certify.Run(context.Background(), o)
	require.NoError(t, err)
	return out
}

// TestMergeCertificationBundles: merge joins the bundles of certify --shard into one bundle and
// prints certify's summary; a bundle mixed with a run's output, or a key with run outputs, is a
// usage error.
func TestMergeCertificationBundles(t *testing.T) {
	s, err := ukcloud.New(sim.Options{SessionTTL: time.Minute})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	var parts []string
	for i := 1; i <= 2; i++ {
		out := filepath.Join(t.TempDir(), "bundle")
		_, err := certify.Run(context.Background(), certify.Options{API: "ukcloud", Target: srv.URL, Simulated: true, Vars: s.Fixtures(), Out: out,
			SpecsDir: "../../specs", FeaturesDir: "../../features", Tags: "@builds", Concurrency: 4, Timeout: 10 * time.Second,
			Version: "test", Revision: "test-revision", Output: &bytes.Buffer{}, Shard: runner.Shard{Index: i, Count: 2}})
		require.NoError(t, err)
		parts = append(parts, out)
	}
	joined := filepath.Join(t.TempDir(), "joined")
	code, out, errOut := run(t, append([]string{"merge", "--out", joined}, parts...)...)
	require.Equal(t, 0, code, "%s\n%s", out, errOut)
	assert.Contains(t, out, joined+": 2 bundle(s) joined")
	assert.Contains(t, out, "ukcloud: pass")
	assert.Regexp(t, `(?m)^17 passed, 0 failed$`, out)
	v, err := certify.VerifyBundle(joined, nil)
	require.NoError(t, err)
	assert.Empty(t, v.Problems)

	runOut := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(runOut, "junit.xml"), []byte(`<testsuites></testsuites>`), 0o644))
	code, _, errOut = run(t, "merge", "--out", t.TempDir(), parts[0], runOut)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "1 of the 2 parts are certification bundles")
	code, _, errOut = run(t, "merge", "--out", t.TempDir(), "--pub-key", "k.pub", runOut)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "--pub-key and --sign-key apply to certification bundles")
}
