package ukcloud

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestNew(t *testing.T) {
	_, err := New(sim.Options{Faults: []string{"wrong-status", "no-such-fault"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"no-such-fault"`)
	assert.Contains(t, err.Error(), "build-stuck")

	s := newSim(t, sim.Options{})
	assert.Equal(t, "ukcloud", s.Name())
	assert.Len(t, s.Faults(), 10)
	for _, f := range s.Faults() {
		assert.NotEmpty(t, f.Description, f.Name)
	}
}

func TestAuthenticate(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		status int
	}{
		{"no body", "", http.StatusBadRequest},
		{"not json", "email=x", http.StatusBadRequest},
		{"missing password", `{"email":"` + DefaultUsername + `"}`, http.StatusBadRequest},
		{"missing email", `{"password":"x"}`, http.StatusBadRequest},
		{"wrong password", `{"email":"` + DefaultUsername + `","password":"nope"}`, http.StatusUnauthorized},
		{"unknown user", `{"email":"who@example.com","password":"` + DefaultPassword + `"}`, http.StatusUnauthorized},
		{"ok", `{"email":"` + DefaultUsername + `","password":"` + DefaultPassword + `"}`, http.StatusCreated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &client{t: t, s: newSim(t, sim.Options{})}
			rec := c.do(http.MethodPost, "/api/authenticate", tt.body)
			assert.Equal(t, tt.status, rec.Code, rec.Body.String())
			assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
			if tt.status != http.StatusCreated {
				assert.NotEmpty(t, obj(decode(t, rec))["error"])
				assert.Empty(t, rec.Header().Get("Set-Cookie"))
				return
			}
			assert.JSONEq(t, `{"expire_after":900}`, rec.Body.String())
			sc := rec.Header().Get("Set-Cookie")
			assert.Regexp(t, `^portal_session=[0-9a-f]{64}; Path=/; HttpOnly$`, sc)
		})
	}

	c := &client{t: t, s: newSim(t, sim.Options{SessionTTL: time.Minute, Credentials: []sim.Credential{{Username: "me@example.com", Password: "pw"}}})}
	rec := c.do(http.MethodPost, "/api/authenticate", `{"email":"me@example.com","password":"pw"}`)
	assert.Equal(t, http.StatusCreated, rec.Code)
	assert.JSONEq(t, `{"expire_after":60}`, rec.Body.String())
	rec = c.do(http.MethodPost, "/api/authenticate", `{"email":"`+DefaultUsername+`","password":"`+DefaultPassword+`"}`)
	assert.Equal(t, http.StatusUnauthorized, rec.Code, "configured credentials replace the defaults")
}

// authedOps is every operation but authenticate, with a request that would
// succeed when logged in.
var authedOps = []struct{ method, path, body string }{
	{"GET", "/api/my_vm", ""},
	{"GET", "/api/my_calls", ""},
	{"GET", "/api/my_calls/INC10001", ""},
	{"PUT", "/api/my_calls/INC10001", `{"description":"x"}`},
	{"POST", "/api/my_calls", `{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","summary":"s","further_details":"d"}}`},
	{"PUT", "/api/my_calls/INC10001/subscribe", `{"email":"ops.team@example.com"}`},
	{"PUT", "/api/my_calls/INC1002184/unsubscribe", `{"email":"ops.team@example.com"}`},
	{"PUT", "/api/my_calls/INC1002184/reopen", ""},
	{"PUT", "/api/my_calls/INC10001/change_owner", `{"email":"jane.doe@example.com"}`},
	{"PUT", "/api/my_calls/INC10001/cancel", ""},
	{"PUT", "/api/my_calls/SR1000123/close", ""},
	{"GET", "/api/ping", ""},
	{"GET", "/api/accounts", ""},
	{"GET", "/api/accounts/1/compute_services", ""},
	{"GET", "/api/accounts/1/compute_services/12", ""},
	{"GET", "/api/accounts/1/api_credentials", ""},
	{"GET", "/api/accounts/1/vorgs", ""},
	{"POST", "/api/accounts/1/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"DEMO"}}}`},
	{"GET", "/api/vorg-builds/10", ""},
	{"GET", "/api/accounts/1/vorg-builds", ""},
	{"GET", "/api/accounts/1/vorgs/12/vdcs", ""},
	{"POST", "/api/accounts/1/vorgs/12/vdcs", `{"data":{"type":"VDC","attributes":{"vmType":"POWER","name":"DEMO"}}}`},
	{"GET", "/api/vdc-builds/10", ""},
	{"GET", "/api/accounts/1/vdc-builds", ""},
	{"GET", "/api/accounts/1/vorgs/12/vdcs/" + VDCDemoBasic + "/edge-gateways", ""},
	{"POST", "/api/accounts/1/vorgs/12/vdcs/" + VDCDemoBasic + "/edge-gateways", `{"data":{"type":"EdgeGateway","attributes":{"connectivityType":"Internet"}}}`},
	{"GET", "/api/edge-gateway-builds/23", ""},
	{"GET", "/api/accounts/1/edge-gateway-builds", ""},
	{"GET", "/api/accounts/1/platform_visibility/vmotion_events", ""},
	{"GET", "/api/billing/cloud-storage-report?date=2018-01-01&org_id=1-1-1-9836cf", ""},
	{"GET", "/api/billing/billing-csv?period=2018-01&org_id=1-1-1-9836cf", ""},
}

func TestEveryOperationNeedsSession(t *testing.T) {
	require.Len(t, authedOps, 31, "32 documented operations, authenticate aside")
	for _, op := range authedOps {
		t.Run(op.method+" "+op.path, func(t *testing.T) {
			for _, cookie := range []string{"", "not-a-session"} {
				c := &client{t: t, s: newSim(t, sim.Options{}), cookie: cookie}
				rec := c.do(op.method, op.path, op.body)
				assert.Equal(t, http.StatusUnauthorized, rec.Code)
				assert.NotEmpty(t, obj(decode(t, rec))["error"])
			}
			c := login(t, sim.Options{})
			rec := c.do(op.method, op.path, op.body)
			assert.Less(t, rec.Code, 300, rec.Body.String())
		})
	}
}

func TestSessionExpiry(t *testing.T) {
	now := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	c := login(t, sim.Options{Now: func() time.Time { return now }})
	steps := []struct {
		advance time.Duration
		status  int
	}{
		{0, http.StatusOK},
		{899 * time.Second, http.StatusOK},
		{900 * time.Second, http.StatusOK}, // sliding: measured from the last call
		{901 * time.Second, http.StatusUnauthorized},
		{0, http.StatusUnauthorized}, // an expired session stays dead
	}
	for i, st := range steps {
		now = now.Add(st.advance)
		assert.Equal(t, st.status, c.get("/api/ping").Code, "step %d", i)
	}
	c.login()
	assert.Equal(t, http.StatusOK, c.get("/api/ping").Code, "a new login works")
}

func TestReadOperations(t *testing.T) {
	c := login(t, sim.Options{})
	tests := []struct {
		path   string
		status int
		want   string // JSON the body must equal, when set
		check  func(t *testing.T, v any)
	}{
		{path: "/api/ping", status: 200, want: `{"response":"OK"}`},
		{path: "/api/accounts", status: 200, want: `[{"name":"Demo","id":1},{"name":"UKCloud Development Team","id":48}]`},
		{path: "/api/accounts/1/compute_services", status: 200, check: func(t *testing.T, v any) {
			assert.EqualValues(t, 1, dig(v, "account", "id"))
			assert.Len(t, dig(v, "vOrgs"), 3)
			assert.Equal(t, "UKCloud Demo vCloud", dig(v, "vOrgs", 0, "name"))
			assert.Equal(t, VDCDemoBasic, dig(v, "vOrgs", 0, "VDCs", 0, "urn"))
			assert.EqualValues(t, 1, dig(v, "vOrgs", 0, "VDCs", 0, "vApps", 0, "VMs", 0, "_id"))
		}},
		{path: "/api/accounts/48/compute_services", status: 200, check: func(t *testing.T, v any) {
			assert.Len(t, dig(v, "vOrgs"), 1, "the restricted vOrg is not listed")
		}},
		{path: "/api/accounts/2/compute_services", status: 403},
		{path: "/api/accounts/999/compute_services", status: 403},
		{path: "/api/accounts/abc/compute_services", status: 403},
		{path: "/api/accounts/1/compute_services/13", status: 200, check: func(t *testing.T, v any) {
			assert.EqualValues(t, 13, dig(v, "compute_service_id"))
			assert.Equal(t, "testVm", dig(v, "VDCs", 0, "vApps", 0, "VMs", 0, "name"))
			assert.Nil(t, dig(v, "VDCs", 0, "vApps", 0, "VMs", 0, "size"))
		}},
		{path: "/api/accounts/1/compute_services/31", status: 404},
		{path: "/api/accounts/48/compute_services/32", status: 404},
		{path: "/api/accounts/2/compute_services/41", status: 403},
		{path: "/api/accounts/1/api_credentials", status: 200, check: func(t *testing.T, v any) {
			assert.Equal(t, map[string]any{"service_id": "1-1-1-9836cf", "username": "11.12.132f4c@1-1-1-9836cf"}, dig(v, "UKCloud Demo vCloud (1-1-1-9836cf)"))
			assert.Len(t, obj(v), 3)
		}},
		{path: "/api/accounts/2/api_credentials", status: 403},
		{path: "/api/accounts/1/vorgs", status: 200, want: `{"data":[
			{"id":"1-12","type":"vOrg","attributes":{"name":"UKCloud Demo vCloud"}},
			{"id":"1-13","type":"vOrg","attributes":{"name":"UKCloud Test vCloud"}},
			{"id":"1-14","type":"vOrg","attributes":{"name":"Proof of Concept"}}]}`},
		{path: "/api/accounts/2/vorgs", status: 403},
		{path: "/api/accounts/1/vorgs/12/vdcs", status: 200, want: `{"data":[
			{"id":"` + VDCDemoBasic + `","type":"VDC","attributes":{"name":"UKCloud (IL0-PROD-BASIC)"}},
			{"id":"` + VDCDemoPower + `","type":"VDC","attributes":{"name":"UKCloud (IL0-PROD-POWER)"}}]}`},
		{path: "/api/accounts/1/vorgs/1-12/vdcs", status: 200},
		{path: "/api/accounts/48/vorgs/32/vdcs", status: 403},
		{path: "/api/accounts/1/vorgs/99/vdcs", status: 404},
		{path: "/api/accounts/2/vorgs/41/vdcs", status: 404},
		{path: "/api/accounts/1/vorgs/12/vdcs/" + VDCDemoBasic + "/edge-gateways", status: 200,
			want: `{"data":[{"id":"` + EdgeDemo + `","type":"EdgeGateway","attributes":{"name":"My Edge - nft00002i2 SL3"}}]}`},
		{path: "/api/accounts/1/vorgs/12/vdcs/urn:vcloud:vdc:00000000-0000-4000-8000-000000000000/edge-gateways", status: 200, want: `{"data":[]}`},
		{path: "/api/accounts/48/vorgs/32/vdcs/" + VDCDemoBasic + "/edge-gateways", status: 403},
		{path: "/api/accounts/2/vorgs/41/vdcs/" + VDCDemoBasic + "/edge-gateways", status: 404},
		{path: "/api/accounts/1/vorgs/99/vdcs/" + VDCDemoBasic + "/edge-gateways", status: 404},
		{path: "/api/accounts/1/platform_visibility/vmotion_events", status: 200, check: func(t *testing.T, v any) {
			// One event object (the published schema and the example), the newest of the three.
			assert.IsType(t, map[string]any{}, v)
			assert.Equal(t, "2018-07-20T09:00:00+01:00", dig(v, "event_created_time"))
			assert.EqualValues(t, 12, dig(v, "service_id"))
		}},
		{path: "/api/accounts/2/platform_visibility/vmotion_events", status: 403},
		{path: "/api/my_vm", status: 200, check: func(t *testing.T, v any) {
			vms := arr(dig(v, "account", "vms"))
			assert.Len(t, vms, 4)
			assert.Equal(t, "£0.15", dig(vms[0], "month_to_date"))
			assert.Len(t, dig(v, "account", "vapps"), 4)
		}},
		{path: "/api/accounts/1/vorg-builds", status: 200, check: func(t *testing.T, v any) {
			assert.Equal(t, "10", dig(v, "data", 0, "id"))
			assert.Equal(t, "completed", dig(v, "data", 0, "attributes", "state"))
		}},
		{path: "/api/accounts/1/vdc-builds", status: 200},
		{path: "/api/accounts/1/edge-gateway-builds", status: 200, want: `{"data":[{"type":"EdgeGateway-build","id":"23",
			"attributes":{"createdAt":"2018-06-20T13:00:00+01:00","createdBy":"api.user@example.com","state":"completed"}}]}`},
		{path: "/api/accounts/48/vorg-builds", status: 200, want: `{"data":[]}`},
		{path: "/api/accounts/2/vorg-builds", status: 403},
		{path: "/api/accounts/2/vdc-builds", status: 403},
		{path: "/api/accounts/2/edge-gateway-builds", status: 403},
		{path: "/api/vorg-builds/10", status: 200, want: `{"data":{"type":"Vorg-build","id":"10","attributes":{
			"createdAt":"2018-06-20T11:00:00+01:00","createdBy":"api.user@example.com","state":"completed",
			"serviceName":"UKCloud Demo vCloud","zoneId":"B"}}}`},
		{path: "/api/vorg-builds/9", status: 404},
		{path: "/api/vorg-builds/999", status: 404},
		{path: "/api/vdc-builds/10", status: 200},
		{path: "/api/vdc-builds/23", status: 404},
		{path: "/api/edge-gateway-builds/23", status: 200},
		{path: "/api/edge-gateway-builds/10", status: 404},
		{path: "/api/nowhere", status: 404},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			rec := c.get(tt.path)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
			v := decode(t, rec)
			if tt.status >= 400 {
				assert.NotEmpty(t, obj(v)["error"])
				return
			}
			if tt.want != "" {
				assert.JSONEq(t, tt.want, rec.Body.String())
			}
			if tt.check != nil {
				tt.check(t, v)
			}
		})
	}
}

func TestComputeServicesPaging(t *testing.T) {
	c := login(t, sim.Options{})
	tests := []struct {
		query  string
		status int
		names  []string
	}{
		{"", 200, []string{"UKCloud Demo vCloud", "UKCloud Test vCloud", "Proof of Concept"}},
		{"?per_page=2", 200, []string{"UKCloud Demo vCloud", "UKCloud Test vCloud"}},
		{"?per_page=2&page=1", 200, []string{"UKCloud Demo vCloud", "UKCloud Test vCloud"}},
		{"?per_page=2&page=2", 200, []string{"Proof of Concept"}},
		{"?per_page=2&page=3", 200, []string{}},
		{"?page=1", 200, []string{"UKCloud Demo vCloud", "UKCloud Test vCloud", "Proof of Concept"}},
		{"?page=2", 200, []string{}},
		{"?page=0", 400, nil},
		{"?per_page=-1", 400, nil},
		{"?per_page=abc", 400, nil},
		{"?page=1.5", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := c.get("/api/accounts/1/compute_services" + tt.query)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			v := decode(t, rec)
			if tt.status != 200 {
				assert.Contains(t, obj(v)["detail"], "must be a positive integer")
				return
			}
			names := []string{}
			for _, o := range arr(dig(v, "vOrgs")) {
				names = append(names, dig(o, "name").(string))
			}
			assert.Equal(t, tt.names, names)
		})
	}
}

func TestAccessLogHasNoSecrets(t *testing.T) {
	var buf bytes.Buffer
	c := login(t, sim.Options{Log: &buf})
	c.get("/api/ping")
	c.do(http.MethodPost, "/api/authenticate", `{"email":"`+DefaultUsername+`","password":"wrong"}`)
	log := buf.String()
	assert.Contains(t, log, "POST /api/authenticate 201 ")
	assert.Contains(t, log, "GET /api/ping 200 ")
	assert.Contains(t, log, "POST /api/authenticate 401 ")
	assert.NotContains(t, log, DefaultPassword)
	assert.NotContains(t, log, "wrong")
	assert.NotContains(t, log, c.cookie)
	assert.NotContains(t, log, CookieName)
	assert.Equal(t, 3, strings.Count(log, "\n"))
}

func TestLatency(t *testing.T) {
	c := login(t, sim.Options{Latency: 20 * time.Millisecond})
	start := time.Now()
	assert.Equal(t, http.StatusOK, c.get("/api/ping").Code)
	assert.GreaterOrEqual(t, time.Since(start), 20*time.Millisecond)
}

// TestVmotionEventsWithoutEvents: with no event in the last 12 hours the body is still an object
// (empty: the published schema requires no property), never an array.
func TestVmotionEventsWithoutEvents(t *testing.T) {
	c := login(t, sim.Options{})
	c.s.vmotions[AccountDemo] = []vmotion{{ago: 13 * time.Hour, service: VorgDemo, user: "System", vm: "old", vdc: "v", vapp: "a"}}
	rec := c.get("/api/accounts/1/platform_visibility/vmotion_events")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.JSONEq(t, `{}`, rec.Body.String())
}
