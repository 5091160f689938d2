package main

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scenarioLines returns the line and name of each "Scenario:" of a feature file (relative to the
// repository root), so that these tests follow the features as they change.
func scenarioLines(t *testing.T, feature string) (lines []int, names []string) {
	t.Helper()
	f, err := os.Open("../../" + feature)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if name, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "Scenario:"); ok {
			lines = append(lines, n)
			names = append(names, strings.TrimSpace(name))
		}
	}
	require.GreaterOrEqual(t, len(lines), 2, "%s should have two scenarios", feature)
	return lines, names
}

func lastLine(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return lines[len(lines)-1]
}

func TestRunSelectsAScenarioByFileAndLine(t *testing.T) {
	const feature = "features/ukcloud/billing.feature"
	lines, names := scenarioLines(t, feature)
	for _, arg := range []string{
		feature + ":" + strconv.Itoa(lines[1]),   // the line of the scenario keyword, as godog takes it
		feature + ":" + strconv.Itoa(lines[1]+1), // a line of its steps
	} {
		t.Run(arg, func(t *testing.T) {
			code, out, errOut := run(t, "run", arg)
			assert.Equal(t, 0, code, out+errOut)
			assert.Equal(t, "1 passed, 0 failed", lastLine(out))
			assert.Contains(t, errOut, "replay mode")
			_ = names
		})
	}
	code, out, errOut := run(t, "run", feature)
	assert.Equal(t, 0, code, out+errOut)
	assert.Equal(t, strconv.Itoa(len(lines))+" passed, 0 failed", lastLine(out), "a whole file")
}

func TestRunSelectsScenariosByName(t *testing.T) {
	const feature = "features/ukcloud/billing.feature"
	_, names := scenarioLines(t, feature)
	code, out, errOut := run(t, "run", "--api", "ukcloud", "--name", "^"+regexp.QuoteMeta(names[0])+"$")
	assert.Equal(t, 0, code, out+errOut)
	assert.Equal(t, "1 passed, 0 failed", lastLine(out))

	code, out, errOut = run(t, "run", "--name", "^"+regexp.QuoteMeta(names[1])+"$", feature)
	assert.Equal(t, 0, code, out+errOut)
	assert.Equal(t, "1 passed, 0 failed", lastLine(out), "a name within a file")

	code, out, errOut = run(t, "run", "--api", "ukcloud", "--name", "no scenario is named like this")
	assert.Equal(t, 1, code, out+errOut)
	assert.Contains(t, errOut, "no scenario ran: check --api, --tags, --name and the feature paths")
}
