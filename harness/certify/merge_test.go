package certify

import (
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/report"
	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim/ukcloud"
)

// mergeWaivers accept one failure the fault causes and one that has expired, so the joined
// bundle must count waivers as one run does.
var mergeWaivers = []report.Waiver{
	{Operation: "createVorg", Check: "header", Reason: "Location arrives in release 2027.1", Expires: "2027-01-31", Line: 2},
	{Operation: "createVdc", Check: "*", Reason: "old one", Expires: "2026-11-01", Line: 6},
}

// shardBundles certifies the build scenarios in n parts, each part a bundle of its own.
func shardBundles(t *testing.T, tg target, n int, set func(*Options)) []string {
	t.Helper()
	var parts []string
	for i := 1; i <= n; i++ {
		out, _ := certifyAt(t, tg, "@builds", func(o *Options) {
			o.Waivers = mergeWaivers
			o.Shard = runner.Shard{Index: i, Count: n}
			set(o)
		})
		parts = append(parts, out)
	}
	return parts
}

// comparable is what one run and the joined parts must share, as JSON: everything but the times,
// the target's address, run ids and the example bodies (ids the cloud gave), with the scenarios
// in a fixed order.
func comparable(t *testing.T, r *report.Result) string {
	t.Helper()
	c := *r
	c.Started, c.Duration, c.Target = time.Time{}, "", ""
	c.Scenarios = append([]report.Scenario(nil), r.Scenarios...)
	sort.SliceStable(c.Scenarios, func(i, j int) bool {
		if c.Scenarios[i].Feature != c.Scenarios[j].Feature {
			return c.Scenarios[i].Feature < c.Scenarios[j].Feature
		}
		return c.Scenarios[i].Name < c.Scenarios[j].Name
	})
	c.Failures = append([]report.FailureGroup(nil), r.Failures...)
	for i := range c.Failures {
		c.Failures[i].Example = report.Failure{}
	}
	c.Operations = append([]report.Operation(nil), r.Operations...)
	for i, op := range c.Operations {
		var fs []report.Failure
		for _, f := range op.Failures {
			fs = append(fs, report.Failure{Check: f.Check, Message: f.Message, Waiver: f.Waiver, Request: f.Request})
		}
		c.Operations[i].Failures = fs
	}
	data, err := json.MarshalIndent(c, "", "  ")
	require.NoError(t, err)
	return runIDs.ReplaceAllString(string(data), "RUNID")
}

// runIDs are the run ids names carry.
var runIDs = regexp.MustCompile(`cc[0-9a-f]{8}`)

var junitTimes = regexp.MustCompile(`(time|timestamp)="[^"]*"`)

// TestShardBundlesJoinIntoOneCertification: the bundles of 1, 2 and 3 parts, joined, hold what
// one certification of the whole suite holds (verdict, matrix, grouped failures, waivers,
// scenarios, JUnit), and the joined bundle verifies, signed with a key of its own.
func TestShardBundlesJoinIntoOneCertification(t *testing.T) {
	fullDir, full := certifyAt(t, simulator(t, ukcloud.FaultMissingLocation), "@builds", func(o *Options) { o.Waivers = mergeWaivers })
	require.Equal(t, report.Fail, full.Verdict, "the expired waiver fails the certification")
	require.NotEmpty(t, full.Failures)
	wantJUnit, err := os.ReadFile(filepath.Join(fullDir, "junit.xml"))
	require.NoError(t, err)
	prefix := filepath.Join(t.TempDir(), "joined")
	pub, err := GenerateKey(prefix)
	require.NoError(t, err)
	key, err := LoadPrivateKey(prefix + ".key")
	require.NoError(t, err)

	for _, n := range []int{1, 2, 3} {
		t.Run(fmt.Sprintf("%d parts", n), func(t *testing.T) {
			parts := shardBundles(t, simulator(t, ukcloud.FaultMissingLocation), n, func(*Options) {})
			out := filepath.Join(t.TempDir(), "joined")
			got, err := MergeBundles(MergeOptions{Parts: parts, Out: out, Registry: registry, SignKey: key})
			require.NoError(t, err)
			assert.Equal(t, comparable(t, full), comparable(t, got))
			gotJUnit, err := os.ReadFile(filepath.Join(out, "junit.xml"))
			require.NoError(t, err)
			untimed := func(b []byte) string {
				return runIDs.ReplaceAllString(junitTimes.ReplaceAllString(string(b), ""), "RUNID")
			}
			assert.Equal(t, untimed(wantJUnit), untimed(gotJUnit))
			v, err := VerifyBundle(out, pub)
			require.NoError(t, err)
			assert.Empty(t, v.Problems)
			assert.True(t, v.SignatureChecked)
		})
	}
}

// TestMergeBundlesRefuses: parts that are not parts of one certification, or that do not
// verify, are named and not joined.
func TestMergeBundlesRefuses(t *testing.T) {
	tg := simulator(t)
	parts := shardBundles(t, tg, 2, func(*Options) {})
	other := shardBundles(t, tg, 1, func(o *Options) { o.Vendor = "Another Cloud" })[0]
	strict := shardBundles(t, tg, 1, func(o *Options) { o.Strict = true })[0]
	elsewhere := shardBundles(t, simulator(t), 2, func(*Options) {})[1]
	tampered := shardBundles(t, tg, 2, func(*Options) {})[1]
	require.NoError(t, os.WriteFile(filepath.Join(tampered, "results.json"), []byte(`{"verdict":"pass"}`), 0o644))
	prefix := filepath.Join(t.TempDir(), "k")
	_, err := GenerateKey(prefix)
	require.NoError(t, err)
	key, err := LoadPrivateKey(prefix + ".key")
	require.NoError(t, err)
	signed := shardBundles(t, tg, 1, func(o *Options) { o.SignKey = key })[0]
	notEmpty := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(notEmpty, "x"), nil, 0o644))

	tests := []struct {
		name  string
		parts []string
		out   string
		want  string
	}{
		{"a part twice", []string{parts[0], parts[0]}, "", "certified in two parts"},
		{"another vendor", []string{parts[0], other}, "", "their vendor differ (Example Cloud against Another Cloud)"},
		{"another target", []string{parts[0], elsewhere}, "", "their target differ (" + tg.url + " against "},
		{"another strictness", []string{parts[0], strict}, "", "their strictness differ"},
		{"an edited part", []string{parts[0], tampered}, "", "does not verify, so it cannot be joined:\n  changed: results.json"},
		{"a signed part without its key", []string{signed}, "", "is signed (by " + KeyID(key.Public().(ed25519.PublicKey))},
		{"a folder that is not a bundle", []string{parts[0], t.TempDir()}, "", "not a bundle"},
		{"a non-empty output", parts, notEmpty, "is not empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := tt.out
			if out == "" {
				out = filepath.Join(t.TempDir(), "joined")
			}
			_, err := MergeBundles(MergeOptions{Parts: tt.parts, Out: out, Registry: registry})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	_, err = MergeBundles(MergeOptions{Parts: parts, Out: filepath.Join(t.TempDir(), "joined"), Registry: registry})
	assert.NoError(t, err, "the two parts of one certification join")
}
