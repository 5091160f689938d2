package coverage

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
)

func TestCompute(t *testing.T) {
	api, err := spec.Load("../spec/testdata/shop")
	require.NoError(t, err)
	r, err := Compute(api, "../lint/testdata/cassettes")
	require.NoError(t, err)
	assert.Equal(t, 1, r.Cassettes)
	assert.Equal(t, 10, r.Totals.Operations)
	assert.Equal(t, 2, r.Totals.OperationsExercised, "listOrders and cancelOrder")
	byID := map[string]Operation{}
	for _, o := range r.Operations {
		byID[o.ID] = o
	}
	assert.Equal(t, 2, byID["listOrders"].Calls)
	assert.Equal(t, 2, byID["listOrders"].Statuses["200"])
	assert.Equal(t, 0, byID["listOrders"].Statuses["401"])
	assert.Equal(t, 1, byID["cancelOrder"].Reasons["REASON_20"])
	assert.Equal(t, 0, byID["cancelOrder"].Reasons["REASON_10"])
	assert.Contains(t, r.Missing(), "createOrder (POST /api/orders)")
	assert.Contains(t, r.MissingStatuses(), "listOrders 401")

	var b strings.Builder
	WriteTable(&b, []*Report{r}, true)
	assert.Contains(t, b.String(), "shop  1          2/10 (20%)")
	assert.Contains(t, b.String(), "8 operation(s) not exercised")
}
