package coverage

import (
	"net/http"
	"strings"
	"testing"

	"github.com/dnaeon/go-vcr/v2/cassette"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/vcr"
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

// TestVendorSideRecordings: a response of a recording whose header carries a vendor-side fixture
// counts as seen on the vendor's side; the same status in another recording does not.
func TestVendorSideRecordings(t *testing.T) {
	api, err := spec.NewRegistry("../../specs").Get("cloudcontrol")
	require.NoError(t, err)
	answer := func(code int, body string) *cassette.Interaction {
		return &cassette.Interaction{
			Request:  cassette.Request{Method: "GET", URL: "http://127.0.0.1:1/oec/0.9/myaccount"},
			Response: cassette.Response{Code: code, Headers: http.Header{"Content-Type": {"application/xml"}}, Body: body},
		}
	}
	maintenance := answer(503, `<Status xmlns="http://oec.api.opsource.net/schemas/general"><operation>Get My Account</operation><result>ERROR</result><resultDetail>down</resultDetail><resultCode>REASON_5</resultCode></Status>`)
	recs := []*vcr.Recording{
		{Path: "vendor.yaml", Vars: map[string]string{"org_id": "o", "maintenance_target": "http://127.0.0.1:2"}, Interactions: []*cassette.Interaction{maintenance}},
		{Path: "user.yaml", Vars: map[string]string{"org_id": "o"}, Interactions: []*cassette.Interaction{answer(401, "")}},
	}
	r, err := FromRecordings(api, recs)
	require.NoError(t, err)
	var o Operation
	for _, op := range r.Operations {
		if op.ID == "getMyAccount" {
			o = op
		}
	}
	assert.Equal(t, map[string]int{"503": 1, "REASON_5": 1}, o.VendorSide)
	assert.Equal(t, 1, o.Statuses["401"])

	recs[1].Vars["maintenance_target"] = "http://127.0.0.1:2" // both recordings on the vendor's side
	r, err = FromRecordings(api, recs)
	require.NoError(t, err)
	for _, op := range r.Operations {
		if op.ID == "getMyAccount" {
			assert.Equal(t, map[string]int{"503": 1, "REASON_5": 1, "401": 1}, op.VendorSide)
		}
	}
}
