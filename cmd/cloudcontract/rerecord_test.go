package main

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/sim/catalog"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
)

// files reads every file under dir.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		if !d.IsDir() {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			out[p] = string(data)
		}
		return nil
	}))
	return out
}

// TestReRecordingChangesOnlyWhatTheAPIChanged records each suite with `run --target sim
// --record`, then again against a fresh simulator seeded differently (other generated ids, IP
// and MAC addresses), with another port, run id, callback receiver and clock: no file changes,
// byte for byte.
func TestReRecordingChangesOnlyWhatTheAPIChanged(t *testing.T) {
	t.Parallel()
	if raceEnabled {
		// Under the race detector the simulators' asynchronous notifications are slow enough to
		// arrive in another order; make unit runs this test without it, for every API.
		t.Skip("make unit runs the re-record test without -race")
	}
	apis := []string{"ukcloud", "cloudcontrol", "esc", "cam"}
	if testing.Short() {
		apis = []string{"esc"} // the one with callbacks
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	require.NoError(t, err)
	for _, api := range apis {
		t.Run(api, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			record := func(args ...string) {
				t.Helper()
				var out, errOut bytes.Buffer
				code := realMain(context.Background(), append([]string{"run", "--api", api, "--target", "sim", "--record", "--format", "progress",
					"--specs", filepath.Join(root, "specs"), "--features", filepath.Join(root, "features"), "--cassettes", dir}, args...), &out, &errOut)
				require.Equal(t, 0, code, "%s\n%s", out.String(), errOut.String())
			}
			record()
			first := files(t, dir)
			require.NotEmpty(t, first)
			record("--sim-seed", "2")
			second := files(t, dir)
			assert.Equal(t, len(first), len(second), "the same files")
			var changed []string
			for p, data := range second {
				if first[p] != data {
					changed = append(changed, p)
				}
			}
			sort.Strings(changed)
			assert.Empty(t, changed, "re-recording an unchanged API rewrote these files")
		})
	}
}

// TestReRecordingAFaultRewritesExactlyTheAffectedScenarios records the ESC suite, then again
// against a simulator whose notifications lose (or corrupt) their ESC-Status-Code header. The
// scenarios whose answers changed, and that passed, are rewritten (cassette and callbacks
// together); nothing else is. Which answers changed is decided independently of harness/vcr: a
// third recording with the fault goes to a fresh folder, and the two are compared as text with
// only the run id, ports, receiver paths, Date headers and durations masked. Besides the
// notifications, listings of what other scenarios left (a failing scenario leaves other things
// behind) change too: they are real changes of the answers.
func TestReRecordingAFaultRewritesExactlyTheAffectedScenarios(t *testing.T) {
	if testing.Short() {
		t.Skip("records the ESC suite three times")
	}
	t.Parallel()
	dir, fresh := t.TempDir(), t.TempDir()
	recordESC(t, dir, nil)
	before := files(t, dir)
	res := recordESC(t, dir, []string{"wrong-status-header"})
	after := files(t, dir)
	recordESC(t, fresh, []string{"wrong-status-header"})
	faulty := files(t, fresh)

	passed := map[string]bool{}
	for _, s := range res.Scenarios {
		if s.Passed {
			passed[s.Cassette], passed[vcr.CallbacksPath(s.Cassette)] = true, true
		}
	}
	cassetteOf := func(p string) string { return strings.TrimSuffix(p, ".callbacks.yaml") + ".yaml" }
	// A scenario's answers changed when its cassette or its callbacks did.
	changedAnswers := map[string]bool{}
	for p, data := range before {
		rel, err := filepath.Rel(dir, p)
		require.NoError(t, err)
		if masked(data) != masked(faulty[filepath.Join(fresh, rel)]) {
			changedAnswers[cassetteOf(p)] = true
		}
	}
	var rewritten, notified int
	for p := range before {
		affected := passed[p] && changedAnswers[cassetteOf(p)]
		if affected {
			rewritten++
			assert.NotEqual(t, before[p], after[p], "%s: its scenario passed and its answers changed", p)
		} else {
			assert.Equal(t, before[p], after[p], "%s was rewritten, but its answers did not change (or its scenario failed)", p)
		}
		if strings.HasSuffix(p, ".callbacks.yaml") && passed[p] {
			notified++
			assert.True(t, affected, "%s: every notification changed", p)
		}
	}
	assert.Positive(t, notified)
	assert.Less(t, rewritten, len(before))
	assert.Equal(t, len(before), len(after))
}

var maskRes = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`127\.0\.0\.1:\d+`), "HOST"},
	{regexp.MustCompile(`/cb/[0-9a-f]{16}`), "/cb/RECEIVER"},
	{regexp.MustCompile(`(?m)^(\s+- )\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$`), "${1}DATE"},
	{regexp.MustCompile(`(?m)duration: .*$`), "duration: D"},
}

// masked is a recording with what differs between any two recordings masked, by text.
func masked(s string) string {
	if m := regexp.MustCompile(`run-id=(\w+)`).FindStringSubmatch(s); m != nil {
		s = strings.ReplaceAll(s, m[1], "RUNID")
	}
	for _, m := range maskRes {
		s = m.re.ReplaceAllString(s, m.with)
	}
	return s
}

func recordESC(t *testing.T, dir string, faults []string) *runner.Result {
	t.Helper()
	e, err := catalog.Lookup("esc")
	require.NoError(t, err)
	s, err := e.New(sim.Options{Seed: 1, Faults: faults, SessionTTL: 2 * time.Second})
	require.NoError(t, err)
	srv := httptest.NewServer(s)
	defer srv.Close()
	root := filepath.Join("..", "..")
	var out bytes.Buffer
	cfg := runner.Config{
		APIs: []string{"esc"}, SpecsDir: filepath.Join(root, "specs"), FeaturesDir: filepath.Join(root, "features"),
		CassettesDir: dir, Registry: spec.NewRegistry(filepath.Join(root, "specs")), Output: &out, Version: "test",
		Target: srv.URL, Simulated: true, Record: true, SkipPreflight: true,
	}
	if seeded, ok := s.(sim.Seeded); ok {
		cfg.Vars = map[string]map[string]string{"esc": seeded.Fixtures()}
	}
	res, err := runner.Run(context.Background(), cfg)
	require.NoError(t, err, out.String())
	if faults == nil {
		require.True(t, res.OK(), out.String())
	}
	return res
}
