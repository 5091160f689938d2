package mutate

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/runner"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// shopRun mutates the tiny shop suite of testdata: one scenario checks getOrder against the
// contract, the other looks only at the status of listOrders.
func shopRun(t *testing.T, maxPerOp int) *Report {
	t.Helper()
	rep, err := Run(context.Background(), Config{
		Runner: runner.Config{
			APIs: []string{"shop"}, SpecsDir: "testdata/specs", FeaturesDir: "testdata/features", CassettesDir: "testdata/cassettes",
		},
		MaxPerOp: maxPerOp, Seed: DefaultSeed, Parallel: 2,
	})
	require.NoError(t, err)
	return rep
}

func find(rep *Report, op string, m Mutation) *Mutant {
	for _, x := range rep.Mutants {
		if x.Operation == op && x.Mutation == m {
			return x
		}
	}
	return nil
}

func TestCheckedMutantsAreCaughtAndUncheckedOnesSurvive(t *testing.T) {
	rep := shopRun(t, -1)
	require.Equal(t, 2, rep.Scenarios)
	require.Empty(t, rep.Excluded)

	// getOrder's scenario validates the response: dropping a required field fails it.
	m := find(rep, "getOrder", Mutation{Operator: OpDrop, Path: "/email"})
	require.NotNil(t, m, "mutants: %v", rep.Mutants)
	assert.Equal(t, Caught, m.Verdict)
	assert.Contains(t, m.Failure, "contract")

	// listOrders' scenario only looks at the status: the same break survives, and the report says
	// what the contract wanted.
	m = find(rep, "listOrders", Mutation{Operator: OpDrop, Path: "/0/email"})
	require.NotNil(t, m)
	assert.Equal(t, Survivor, m.Verdict)
	require.NotEmpty(t, m.Problems)
	assert.Contains(t, m.Problems[0], "email")
	assert.Equal(t, "GET /api/orders", m.Request)
	assert.Equal(t, "List the orders and look only at the status", m.Scenario)

	// ... but it checks the status.
	m = find(rep, "listOrders", Mutation{Operator: OpStatus, Value: "299"})
	require.NotNil(t, m)
	assert.Equal(t, Caught, m.Verdict)

	// Dropping an optional field is allowed by the contract: equivalent, whoever checks.
	m = find(rep, "getOrder", Mutation{Operator: OpDrop, Path: "/note"})
	require.NotNil(t, m)
	assert.Equal(t, Equivalent, m.Verdict)
	assert.Empty(t, m.Problems)

	assert.False(t, rep.OK())
	assert.Equal(t, rep.Total.Mutants, rep.Total.Caught+rep.Total.Equivalent+rep.Total.Survivors+rep.Total.NotApplied)
	assert.Zero(t, rep.Total.NotApplied)
}

func TestMutantsAreBoundedAndDeterministic(t *testing.T) {
	a, b := shopRun(t, 1), shopRun(t, 1)
	require.Equal(t, len(a.Mutants), len(b.Mutants))
	for i := range a.Mutants {
		assert.Equal(t, a.Mutants[i].Mutation, b.Mutants[i].Mutation)
		assert.Equal(t, a.Mutants[i].Verdict, b.Mutants[i].Verdict)
	}
	per := map[string]map[Operator]int{}
	for _, m := range a.Mutants {
		if per[m.Operation] == nil {
			per[m.Operation] = map[Operator]int{}
		}
		per[m.Operation][m.Mutation.Operator]++
	}
	for op, counts := range per {
		for _, o := range []Operator{OpDrop, OpRename, OpRetype, OpNull} {
			assert.LessOrEqual(t, counts[o], 1, "%s %s", op, o)
		}
	}
}

func TestReportGolden(t *testing.T) {
	rep := shopRun(t, -1)
	var text bytes.Buffer
	require.NoError(t, rep.WriteText(&text))
	golden(t, "report.txt", text.Bytes())

	rep.Duration = 0
	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, []*Report{rep}))
	golden(t, "report.json", js.Bytes())
	var back struct {
		Reports []Report `json:"reports"`
	}
	require.NoError(t, json.Unmarshal(js.Bytes(), &back))
	assert.Equal(t, rep.Total, back.Reports[0].Total)
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "run go test -update after checking the difference")
}
