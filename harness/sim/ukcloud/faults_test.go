package ukcloud

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// script is a request sequence touching every kind of state change.
var script = []struct{ method, path, body string }{
	{"POST", "/api/authenticate", `{"email":"` + DefaultUsername + `","password":"` + DefaultPassword + `"}`},
	{"GET", "/api/accounts", ""},
	{"POST", "/api/accounts/1/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"DEMO"}}}`},
	{"GET", "/api/vorg-builds/11", ""},
	{"GET", "/api/vorg-builds/11", ""},
	{"GET", "/api/accounts/1/compute_services?per_page=2&page=2", ""},
	{"GET", "/api/accounts/1/api_credentials", ""},
	{"POST", "/api/accounts/1/vorgs/50/vdcs", `{"data":{"type":"VDC","attributes":{"vmType":"POWER","name":"v"}}}`},
	{"GET", "/api/vdc-builds/11", ""},
	{"GET", "/api/vdc-builds/11", ""},
	{"GET", "/api/accounts/1/vorgs/50/vdcs", ""},
	{"POST", "/api/my_calls", `{"service":{"problem_area":"compute","service":"s","query_nature":"Other","summary":"s","further_details":"d"}}`},
	{"PUT", "/api/my_calls/INC10001", `{"description":"note"}`},
	{"PUT", "/api/my_calls/INC10001/cancel", ""},
	{"GET", "/api/my_calls/INC10001", ""},
	{"GET", "/api/my_calls?for=account", ""},
	{"GET", "/api/my_vm", ""},
	{"GET", "/api/accounts/1/platform_visibility/vmotion_events", ""},
	{"GET", "/api/billing/billing-csv?period=2018-01&org_id=1-1-1-9836cf", ""},
}

// transcript replays script against a new simulator and records every
// answer: status, headers (sorted) and body.
func transcript(t *testing.T, opts sim.Options) string {
	t.Helper()
	s := newSim(t, opts)
	var b strings.Builder
	cookie := ""
	for _, st := range script {
		req := httptest.NewRequest(st.method, st.path, strings.NewReader(st.body))
		if cookie != "" {
			req.AddCookie(&http.Cookie{Name: CookieName, Value: cookie})
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		for _, c := range rec.Result().Cookies() {
			if c.Name == CookieName {
				cookie = c.Value
			}
		}
		keys := make([]string, 0, len(rec.Header()))
		for k := range rec.Header() {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(&b, "%s %s -> %d\n", st.method, st.path, rec.Code)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(rec.Header()[k], ", "))
		}
		b.WriteString(rec.Body.String())
		b.WriteString("\n")
	}
	return b.String()
}

func TestDeterminism(t *testing.T) {
	a := transcript(t, sim.Options{Seed: 42})
	b := transcript(t, sim.Options{Seed: 42})
	require.Equal(t, a, b, "same seed, same requests: byte-identical answers")
	assert.Contains(t, a, "GET /api/accounts/1/vorgs/50/vdcs -> 200")
	assert.Contains(t, a, "urn:vcloud:vdc:", "the built VDC is listed")

	c := transcript(t, sim.Options{Seed: 43})
	assert.NotEqual(t, a, c, "another seed gives other tokens and URNs")
	for range 3 {
		assert.Equal(t, a, transcript(t, sim.Options{Seed: 42}))
	}
}

func TestFaults(t *testing.T) {
	vorgBody := `{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"DEMO"}}}`
	tests := []struct {
		fault  string
		method string
		path   string
		body   string
		noAuth bool
		// check inspects the faulty answer; the same request without the
		// fault must pass checkClean.
		check      func(t *testing.T, rec *httptest.ResponseRecorder)
		checkClean func(t *testing.T, rec *httptest.ResponseRecorder)
	}{
		{fault: FaultWrongStatus, method: "GET", path: "/api/accounts",
			check:      func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 203, rec.Code) },
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 200, rec.Code) }},
		{fault: FaultWrongStatus, method: "POST", path: "/api/accounts/1/vorgs", body: vorgBody,
			check:      func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 200, rec.Code) },
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 202, rec.Code) }},
		{fault: FaultWrongStatus, method: "POST", path: "/api/my_calls",
			body:       `{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","summary":"s","further_details":"d"}}`,
			check:      func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 200, rec.Code) },
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 201, rec.Code) }},
		{fault: FaultMissingRequiredField, method: "GET", path: "/api/accounts",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.NotContains(t, dig(decode(t, rec), 0), "name")
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Contains(t, dig(decode(t, rec), 0), "name") }},
		{fault: FaultMissingRequiredField, method: "GET", path: "/api/vorg-builds/10",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.NotContains(t, dig(decode(t, rec), "data", "attributes"), "state")
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Contains(t, dig(decode(t, rec), "data", "attributes"), "state")
			}},
		{fault: FaultMissingRequiredField, method: "GET", path: "/api/accounts/1/compute_services",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.NotContains(t, dig(decode(t, rec), "vOrgs", 0), "serviceId")
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Contains(t, dig(decode(t, rec), "vOrgs", 0), "serviceId")
			}},
		{fault: FaultWrongType, method: "GET", path: "/api/accounts",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, "1", dig(decode(t, rec), 0, "id")) },
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.EqualValues(t, 1, dig(decode(t, rec), 0, "id"))
			}},
		{fault: FaultWrongType, method: "GET", path: "/api/accounts/1/compute_services",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "1", dig(decode(t, rec), "account", "id"))
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.EqualValues(t, 1, dig(decode(t, rec), "account", "id"))
			}},
		{fault: FaultWrongType, method: "POST", path: "/api/accounts/1/vorgs", body: vorgBody,
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.EqualValues(t, 11, dig(decode(t, rec), "data", "id"))
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "11", dig(decode(t, rec), "data", "id"))
			}},
		{fault: FaultBadDateFormat, method: "GET", path: "/api/accounts/1/vorg-builds",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "20/06/2018 11:00", dig(decode(t, rec), "data", 0, "attributes", "createdAt"))
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "2018-06-20T11:00:00+01:00", dig(decode(t, rec), "data", 0, "attributes", "createdAt"))
			}},
		{fault: FaultMissingLocation, method: "POST", path: "/api/accounts/1/vorgs", body: vorgBody,
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, 202, rec.Code)
				assert.Empty(t, rec.Header().Get("Location"))
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "/api/vorg-builds/11", rec.Header().Get("Location"))
			}},
		{fault: FaultWrongContentType, method: "GET", path: "/api/ping",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "text/html; charset=utf-8", rec.Header().Get("Content-Type"))
				assert.JSONEq(t, `{"response":"OK"}`, rec.Body.String())
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
			}},
		{fault: FaultWrongContentType, method: "GET", path: "/api/billing/billing-csv?period=2018-01&org_id=1-1-1-9836cf",
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, sim.ContentTypeCSV, rec.Header().Get("Content-Type"), "CSV is unaffected")
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, sim.ContentTypeCSV, rec.Header().Get("Content-Type"))
			}},
		{fault: FaultPagingIgnored, method: "GET", path: "/api/accounts/1/compute_services?per_page=2&page=1",
			check:      func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Len(t, dig(decode(t, rec), "vOrgs"), 3) },
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Len(t, dig(decode(t, rec), "vOrgs"), 2) }},
		{fault: FaultTicketIDRetyped, method: "POST", path: "/api/my_calls",
			body: `{"incident":{"problem_area":"compute","service":"s","classification":"Other incident","summary":"s","further_details":"d"}}`,
			check: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.EqualValues(t, 1002200, dig(decode(t, rec), "ticket_id"))
			},
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
				assert.Equal(t, "INC1002200", dig(decode(t, rec), "ticket_id"))
			}},
		{fault: FaultSessionNotEnforced, method: "GET", path: "/api/accounts", noAuth: true,
			check:      func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 200, rec.Code) },
			checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, 401, rec.Code) }},
	}
	for _, tt := range tests {
		t.Run(tt.fault+" "+tt.method+" "+tt.path, func(t *testing.T) {
			for _, faulty := range []bool{true, false} {
				opts := sim.Options{}
				if faulty {
					opts.Faults = []string{tt.fault}
				}
				c := &client{t: t, s: newSim(t, opts)}
				if !tt.noAuth {
					c.login()
				}
				rec := c.do(tt.method, tt.path, tt.body)
				if faulty {
					tt.check(t, rec)
				} else {
					tt.checkClean(t, rec)
				}
			}
		})
	}
}

func TestBuildStuck(t *testing.T) {
	for _, stuck := range []bool{true, false} {
		opts := sim.Options{}
		if stuck {
			opts.Faults = []string{FaultBuildStuck}
		}
		c := login(t, opts)
		rec := c.do("POST", "/api/accounts/1/vorgs/12/vdcs", `{"data":{"type":"VDC","attributes":{"vmType":"POWER","name":"v"}}}`)
		require.Equal(t, 202, rec.Code)
		var states []string
		for range 4 {
			states = append(states, dig(decode(t, c.get("/api/vdc-builds/11")), "data", "attributes", "state").(string))
		}
		vdcs := len(arr(dig(decode(t, c.get("/api/accounts/1/vorgs/12/vdcs")), "data")))
		if stuck {
			assert.Equal(t, []string{"approved", "approved", "approved", "approved"}, states)
			assert.Equal(t, 2, vdcs, "nothing built")
		} else {
			assert.Equal(t, []string{"running", "completed", "completed", "completed"}, states)
			assert.Equal(t, 3, vdcs)
		}
	}
}

// TestEveryFaultIsExercised keeps the fault list and the tests in step.
func TestEveryFaultIsExercised(t *testing.T) {
	tested := map[string]bool{FaultBuildStuck: true}
	for _, f := range []string{FaultWrongStatus, FaultMissingRequiredField, FaultWrongType, FaultBadDateFormat,
		FaultMissingLocation, FaultWrongContentType, FaultPagingIgnored, FaultSessionNotEnforced, FaultTicketIDRetyped} {
		tested[f] = true
	}
	for _, f := range KnownFaults() {
		assert.True(t, tested[f.Name], f.Name)
	}
}
