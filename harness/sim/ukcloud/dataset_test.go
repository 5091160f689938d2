package ukcloud

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestDatasets(t *testing.T) {
	tests := []struct {
		dataset, want string
		ok            bool
	}{
		{"", sim.DatasetDefault, true},
		{sim.DatasetDefault, sim.DatasetDefault, true},
		{sim.DatasetSecond, sim.DatasetSecond, true},
		{"third", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.dataset, func(t *testing.T) {
			s, err := New(sim.Options{Dataset: tt.dataset})
			if !tt.ok {
				require.Error(t, err)
				assert.Contains(t, err.Error(), `"third"`)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, s.Dataset())
		})
	}
}

// TestSecondDatasetDiffers shows, answer by answer, what the second data set does otherwise.
func TestSecondDatasetDiffers(t *testing.T) {
	tests := []struct {
		name                    string
		method, path, body      string
		status                  int
		defaultWant, secondWant string // what check renders of each data set's answer
		check                   func(t *testing.T, v any) string
	}{
		{name: "accounts in another order, with an extra field", method: "GET", path: "/api/accounts", status: http.StatusOK,
			defaultWant: "1:Demo,48:UKCloud Development Team|", secondWant: "7296:Harbour Analytics Research,7412:Harbour Analytics Ltd|Active",
			check: func(t *testing.T, v any) string {
				var ids []string
				status := ""
				for _, it := range arr(v) {
					ids = append(ids, fmt.Sprintf("%v:%v", it.(map[string]any)["id"], it.(map[string]any)["name"]))
					if s, ok := it.(map[string]any)["status"]; ok {
						status = s.(string)
					}
				}
				return strings.Join(ids, ",") + "|" + status
			}},
		{name: "session lifetime", method: "POST", path: "/api/authenticate", body: `{"email":"` + DefaultUsername + `","password":"` + DefaultPassword + `"}`,
			status: http.StatusCreated, defaultWant: "900", secondWant: "600",
			check: func(t *testing.T, v any) string { return fmt.Sprint(obj(v)["expire_after"]) }},
		{name: "tickets newest first, other ids", method: "GET", path: "/api/my_calls?for=user", status: http.StatusOK,
			defaultWant: "INC10001", secondWant: "IM5530031",
			check: func(t *testing.T, v any) string { return dig(v, 0, "ticket_id").(string) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, ds := range []struct{ name, want string }{{sim.DatasetDefault, tt.defaultWant}, {sim.DatasetSecond, tt.secondWant}} {
				c := login(t, sim.Options{Dataset: ds.name})
				rec := c.do(tt.method, tt.path, tt.body)
				require.Equal(t, tt.status, rec.Code, rec.Body.String())
				assert.Equal(t, ds.want, tt.check(t, decode(t, rec)), ds.name)
			}
		})
	}
}

func TestSecondDatasetChoices(t *testing.T) {
	c := login(t, sim.Options{Dataset: sim.DatasetSecond})

	// Four vOrgs the user administers in the administered account; the hidden one is not listed.
	rec := c.get("/api/accounts/7412/compute_services")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Len(t, arr(obj(decode(t, rec))["vOrgs"]), 4)

	// VDC list ids in the "<account>-<vOrg>-<n>" form; vOrg list items carry links.
	rec = c.get("/api/accounts/7412/vorgs/2219/vdcs")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, "7412-2219-1", dig(decode(t, rec), "data", 0, "id"))
	rec = c.get("/api/accounts/7412/vorgs")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, "7412-2219", dig(decode(t, rec), "data", 0, "id"))
	assert.NotEmpty(t, dig(decode(t, rec), "data", 0, "links", "vdcs"))

	// VMs without size or estimate.
	rec = c.get("/api/accounts/7412/compute_services/2219")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	m := dig(decode(t, rec), "VDCs", 0, "vApps", 0, "VMs", 0).(map[string]any)
	assert.Nil(t, m["size"])
	assert.Nil(t, m["estimatedMonthlyTotal"])

	// Builds newest first, a failed one among them; new ids from the data set's own base.
	rec = c.get("/api/accounts/7412/vorg-builds")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, "318", dig(decode(t, rec), "data", 0, "id"))
	assert.Equal(t, "failed", dig(decode(t, rec), "data", 1, "attributes", "state"))
	rec = c.do("POST", "/api/accounts/7412/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"D","name":"x"}}}`)
	require.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String())
	assert.Equal(t, "http://example.com/api/vorg-builds/520", rec.Header().Get("Location"))

	// Raised tickets take the data set's prefixes and carry a priority.
	rec = c.do("POST", "/api/my_calls", `{"service":{"problem_area":"storage","service":"s","query_nature":"Other","summary":"s","further_details":"d"}}`)
	require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
	assert.Equal(t, "RQ5541000", obj(decode(t, rec))["ticket_id"])
	assert.Equal(t, "P4", obj(decode(t, rec))["priority"])

	// The body is one event object in this data set too (the document allows no array): the
	// newest event, its names cut to 32 characters.
	rec = c.get("/api/accounts/7412/platform_visibility/vmotion_events")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	ev := obj(decode(t, rec))
	assert.EqualValues(t, 2219, ev["service_id"])
	assert.Equal(t, "etl-worker-with-a-rather-long-de", ev["virtual_machine"])
}

// TestFixturesHoldInEveryDataset checks that each data set's fixture values are what
// specs/ukcloud/harness.yaml describes.
func TestFixturesHoldInEveryDataset(t *testing.T) {
	for _, ds := range sim.Datasets() {
		t.Run(ds, func(t *testing.T) {
			c := login(t, sim.Options{Dataset: ds})
			f := c.s.Fixtures()
			require.ElementsMatch(t, []string{"account", "member_account", "restricted_vorg", "colleague_email"}, keys(f))
			steps := []struct {
				name, method, path, body string
				status                   int
			}{
				{"the user administers account", "POST", "/api/accounts/" + f["account"] + "/vorgs",
					`{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"x"}}}`, http.StatusAccepted},
				{"account has at least three vOrgs", "GET", "/api/accounts/" + f["account"] + "/compute_services?page=3&per_page=1", "", http.StatusOK},
				{"the user sees member_account", "GET", "/api/accounts/" + f["member_account"] + "/vorgs", "", http.StatusOK},
				{"but does not administer it", "POST", "/api/accounts/" + f["member_account"] + "/vorgs",
					`{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"x"}}}`, http.StatusForbidden},
				{"restricted_vorg is member_account's, without permissions", "GET",
					"/api/accounts/" + f["member_account"] + "/vorgs/" + f["restricted_vorg"] + "/vdcs", "", http.StatusForbidden},
				{"a ticket to subscribe the colleague to", "POST", "/api/my_calls",
					`{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","summary":"fixture","further_details":"d"}}`, http.StatusCreated},
			}
			var ticket string
			for _, st := range steps {
				rec := c.do(st.method, st.path, st.body)
				require.Equal(t, st.status, rec.Code, "%s: %s", st.name, rec.Body.String())
				if st.path == "/api/my_calls" {
					ticket = obj(decode(t, rec))["ticket_id"].(string)
				}
				if strings.Contains(st.path, "page=3") {
					assert.Len(t, arr(obj(decode(t, rec))["vOrgs"]), 1, st.name)
				}
			}
			rec := c.do("PUT", "/api/my_calls/"+ticket+"/subscribe", `{"email":"`+f["colleague_email"]+`"}`)
			assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			// The first vOrg listed in member_account is one the user sees but does not
			// administer, and it holds a VDC.
			rec = c.get("/api/accounts/" + f["member_account"] + "/vorgs")
			vorg := dig(decode(t, rec), "data", 0, "id").(string)
			rec = c.get("/api/accounts/" + f["member_account"] + "/compute_services/" + vorg)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			urn := dig(decode(t, rec), "VDCs", 0, "urn").(string)
			rec = c.do("POST", "/api/accounts/"+f["member_account"]+"/vorgs/"+vorg+"/vdcs/"+urn+"/edge-gateways",
				`{"data":{"type":"EdgeGateway","attributes":{"connectivityType":"Internet"}}}`)
			assert.Equal(t, http.StatusForbidden, rec.Code, rec.Body.String())
		})
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestSeedValuesAreIndependent: the data sets share no identifying literal but the login user.
func TestSeedValuesAreIndependent(t *testing.T) {
	def := newSim(t, sim.Options{}).SeedValues()
	second := newSim(t, sim.Options{Dataset: sim.DatasetSecond}).SeedValues()
	for _, want := range []string{"/accounts/1/", "/vorgs/12/", "INC10001", ColleagueEmail, VDCDemoBasic, "1-1-1-9836cf", "UKCloud Demo vCloud"} {
		assert.Contains(t, def, want)
	}
	for _, want := range []string{"7412", "/accounts/7412/", "IM5530017", secondColleague, "7412-3-2219-hb19ap", "Harbour Analytics Ltd"} {
		assert.Contains(t, second, want)
	}
	for _, v := range second {
		if v == DefaultUsername {
			continue
		}
		assert.NotContains(t, def, v)
	}
}

// TestSupportDeskWorksRaisedTickets: a ticket raised at run time is reviewed, then resolved, one
// step per read by its owner in their own view; until the review it cannot be cancelled (the document's note). Seeded tickets
// stay as they are.
func TestSupportDeskWorksRaisedTickets(t *testing.T) {
	for _, ds := range sim.Datasets() {
		t.Run(ds, func(t *testing.T) {
			c := login(t, sim.Options{Dataset: ds})
			rec := c.do("POST", "/api/my_calls", `{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","summary":"desk","further_details":"d"}}`)
			require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
			id := obj(decode(t, rec))["ticket_id"].(string)
			assert.Equal(t, http.StatusUnprocessableEntity, c.do("PUT", "/api/my_calls/"+id+"/cancel", "").Code)
			rec = c.get("/api/my_calls/" + id + "?for=account")
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			assert.Equal(t, statusAwaitingReview, dig(decode(t, rec), "ticket", "status"), "a read of the account's view moves nothing")
			for _, want := range []string{statusInProgress, statusResolved, statusResolved} {
				rec = c.get("/api/my_calls/" + id + "?for=user")
				require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
				assert.Equal(t, want, dig(decode(t, rec), "ticket", "status"))
			}
			assert.Equal(t, http.StatusOK, c.do("PUT", "/api/my_calls/"+id+"/reopen", "").Code)
			rec = c.get("/api/my_calls?for=user")
			for _, it := range arr(decode(t, rec)) {
				m := it.(map[string]any)
				if m["ticket_id"] == id {
					continue
				}
				before := findSeeded(c.s, m["ticket_id"].(string))
				rec := c.get("/api/my_calls/" + m["ticket_id"].(string) + "?for=user")
				require.Equal(t, http.StatusOK, rec.Code)
				assert.Equal(t, before, dig(decode(t, rec), "ticket", "status"), m["ticket_id"])
			}
		})
	}
}

func findSeeded(s *Simulator, id string) string {
	for _, t := range s.tickets {
		if t.id == id {
			return t.status
		}
	}
	return ""
}

// secondRequests are every operation of the second data set, successes and documented errors.
func secondRequests() []struct{ method, path, body string } {
	type req = struct{ method, path, body string }
	const vdcURN = "urn:vcloud:vdc:e4b1c9d2-7f3a-4b6e-9c8d-1a2b3c4d5e6f"
	return []req{
		{"POST", "/api/authenticate", `{"email":"` + DefaultUsername + `","password":"` + DefaultPassword + `"}`},
		{"GET", "/api/ping", ""},
		{"GET", "/api/my_vm", ""},
		{"GET", "/api/my_calls", ""},
		{"GET", "/api/my_calls?for=account", ""},
		{"GET", "/api/my_calls/IM5530017", ""},
		{"PUT", "/api/my_calls/IM5530017", `{"description":"x"}`},
		{"POST", "/api/my_calls", `{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","summary":"s","further_details":"d"}}`},
		{"PUT", "/api/my_calls/IM5530017/subscribe", `{"email":"` + secondColleague + `"}`},
		{"PUT", "/api/my_calls/IM5530017/unsubscribe", `{"email":"` + secondColleague + `"}`},
		{"PUT", "/api/my_calls/IM5530022/reopen", ""},
		{"PUT", "/api/my_calls/IM5530017/change_owner", `{"email":"m.okafor@harbour-analytics.example"}`},
		{"PUT", "/api/my_calls/IM5530022/cancel", ""},
		{"PUT", "/api/my_calls/RQ5530009/close", ""},
		{"GET", "/api/accounts", ""},
		{"GET", "/api/accounts/7412/compute_services", ""},
		{"GET", "/api/accounts/7412/compute_services?page=2&per_page=3", ""},
		{"GET", "/api/accounts/7412/compute_services/2219", ""},
		{"GET", "/api/accounts/7412/api_credentials", ""},
		{"GET", "/api/accounts/7412/platform_visibility/vmotion_events", ""},
		{"GET", "/api/accounts/7412/vorgs", ""},
		{"POST", "/api/accounts/7412/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"12","name":"x"}}}`},
		{"GET", "/api/vorg-builds/520", ""},
		{"GET", "/api/vorg-builds/305", ""},
		{"GET", "/api/accounts/7412/vorg-builds", ""},
		{"GET", "/api/accounts/7412/vorgs/2219/vdcs", ""},
		{"GET", "/api/accounts/7296/vorgs/3318/vdcs", ""},
		{"POST", "/api/accounts/7412/vorgs/2219/vdcs", `{"data":{"type":"VDC","attributes":{"vmType":"PRIORITY","name":"x"}}}`},
		{"GET", "/api/vdc-builds/81", ""},
		{"GET", "/api/accounts/7412/vdc-builds", ""},
		{"GET", "/api/accounts/7412/vorgs/2219/vdcs/" + vdcURN + "/edge-gateways", ""},
		{"POST", "/api/accounts/7412/vorgs/2219/vdcs/" + vdcURN + "/edge-gateways", `{"data":{"type":"EdgeGateway","attributes":{"connectivityType":"External"}}}`},
		{"GET", "/api/edge-gateway-builds/152", ""},
		{"GET", "/api/accounts/7412/edge-gateway-builds", ""},
		{"GET", "/api/accounts/7288/vorgs", ""},
		{"GET", "/api/billing/cloud-storage-report?date=2016-03-01&org_id=7412-3-2207-hb07ss", ""},
		{"GET", "/api/billing/billing-csv?period=2016-03&org_id=7412-3-2219-hb19ap", ""},
	}
}

// TestSecondDatasetMatchesSpec checks the second data set's answers against the contract.
func TestSecondDatasetMatchesSpec(t *testing.T) {
	router := loadSpec(t)
	registerCSV()
	c := login(t, sim.Options{Dataset: sim.DatasetSecond})
	for _, r := range secondRequests() {
		rec := c.do(r.method, r.path, r.body)
		httpReq := httptest.NewRequest(r.method, "http://portal.test"+r.path, strings.NewReader(r.body))
		httpReq.Header.Set("Content-Type", "application/json")
		route, params, err := router.FindRoute(httpReq)
		require.NoError(t, err, r.path)
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: httpReq, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
			Status: rec.Code, Header: rec.Header(), Body: io.NopCloser(strings.NewReader(rec.Body.String())),
			Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
		}
		assert.NoError(t, openapi3filter.ValidateResponse(context.Background(), in), "%s %s -> %d %s", r.method, r.path, rec.Code, rec.Body.String())
	}
}
