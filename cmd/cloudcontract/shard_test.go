package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
)

// TestShardsMergeIntoOneRun: the parts of a split run, merged, are what one run writes (JUnit,
// Cucumber JSON), for 1, 3 and 7 parts; every scenario runs in exactly one part.
func TestShardsMergeIntoOneRun(t *testing.T) {
	if raceEnabled {
		t.Skip("eleven replays: make unit runs this test without -race")
	}
	wd, err := os.Getwd()
	require.NoError(t, err)
	root := filepath.Join(wd, "..", "..")
	apis := "ukcloud,cam,esc"
	run := func(dir string, extra ...string) string {
		t.Helper()
		require.NoError(t, os.MkdirAll(dir, 0o755))
		var out, errb bytes.Buffer
		args := append([]string{"run", "--api", apis, "--specs", filepath.Join(root, "specs"), "--features", filepath.Join(root, "features"),
			"--cassettes", filepath.Join(root, "cassettes"),
			"--format", "progress,junit:" + filepath.Join(dir, "junit.xml") + ",cucumber:" + filepath.Join(dir, "cucumber.json")}, extra...)
		code := realMain(context.Background(), args, &out, &errb)
		require.Equal(t, 0, code, "%s\n%s", out.String(), errb.String())
		return out.String()
	}
	merged := func(parts ...string) (string, string) {
		t.Helper()
		dst := filepath.Join(t.TempDir(), "merged")
		var out, errb bytes.Buffer
		code := realMain(context.Background(), append([]string{"merge", "--out", dst}, parts...), &out, &errb)
		require.Equal(t, 0, code, "%s\n%s", out.String(), errb.String())
		junit, err := os.ReadFile(filepath.Join(dst, "junit.xml"))
		require.NoError(t, err)
		cuke, err := os.ReadFile(filepath.Join(dst, "cucumber.json"))
		require.NoError(t, err)
		return untimed(string(junit)), untimed(string(cuke))
	}
	full := filepath.Join(t.TempDir(), "full")
	summary := run(full)
	wantJUnit, wantCuke := merged(full)
	total := regexp.MustCompile(`(?m)^(\d+) passed, 0 failed$`).FindStringSubmatch(summary)
	require.NotNil(t, total, summary)

	for _, n := range []int{1, 3, 7} {
		t.Run(fmt.Sprintf("%d parts", n), func(t *testing.T) {
			var parts []string
			var sum int
			for i := 1; i <= n; i++ {
				dir := filepath.Join(t.TempDir(), fmt.Sprintf("shard-%d", i))
				out := run(dir, "--shard", fmt.Sprintf("%d/%d", i, n))
				if m := regexp.MustCompile(`(?m)^(\d+) passed, 0 failed$`).FindStringSubmatch(out); m != nil {
					var k int
					fmt.Sscan(m[1], &k)
					sum += k
				}
				parts = append(parts, dir)
			}
			assert.Equal(t, total[1], fmt.Sprint(sum), "every scenario runs in exactly one part")
			gotJUnit, gotCuke := merged(parts...)
			assert.Equal(t, wantJUnit, gotJUnit)
			assert.Equal(t, wantCuke, gotCuke)
		})
	}
}

var timings = regexp.MustCompile(`(time="[0-9.]+"|"duration": [0-9]+)`)

// untimed blanks the durations, which no two runs share.
func untimed(s string) string { return timings.ReplaceAllString(s, "TIME") }

func TestParseShard(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		in, want, err string
		env           map[string]string
	}{
		{in: "2/3", want: "2/3"},
		{in: "1/1", want: "1/1"},
		{in: "auto/3", env: map[string]string{"JOB_COMPLETION_INDEX": "2"}, want: "3/3"},
		{in: "auto/3", env: map[string]string{"CLOUDCONTRACT_SHARD_INDEX": "1"}, want: "1/3"},
		{in: "auto/3", err: "neither JOB_COMPLETION_INDEX"},
		{in: "4/3", err: "between 1 and 3"},
		{in: "0/3", err: "between 1 and 3"},
		{in: "3", err: "write INDEX/COUNT"},
		{in: "a/3", err: `"a" is not a number`},
	}
	for _, tt := range tests {
		env = tt.env
		sh, err := runner.ParseShard(tt.in, getenv)
		if tt.err != "" {
			assert.ErrorContains(t, err, tt.err, tt.in)
			continue
		}
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, sh.String())
	}
}
