package cam

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// transcript runs the tour against a new simulator and records every answer:
// status, headers (sorted) and body.
func transcript(t *testing.T, opts sim.Options) string {
	t.Helper()
	c := newClient(t, opts)
	tour(c)
	var b strings.Builder
	for _, x := range c.log {
		keys := make([]string, 0, len(x.rec.Header()))
		for k := range x.rec.Header() {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(&b, "%s %s -> %d\n", x.method, x.target, x.rec.Code)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(x.rec.Header()[k], ", "))
		}
		b.WriteString(x.rec.Body.String())
		b.WriteString("\n")
	}
	return b.String()
}

func TestDeterminism(t *testing.T) {
	a := transcript(t, sim.Options{Seed: 42})
	require.Equal(t, a, transcript(t, sim.Options{Seed: 42}), "same seed, same requests: byte-identical answers")
	assert.NotEqual(t, a, transcript(t, sim.Options{Seed: 43}), "another seed gives other ids")
	assert.Contains(t, a, `"Status":"Active"`)
	assert.Contains(t, a, "2018-07-20T09:00:01.000Z", "timestamps come from the simulated clock")
}

func TestUnknownFault(t *testing.T) {
	_, err := New(sim.Options{Faults: []string{"gremlins"}})
	var ue *sim.UnknownFaultError
	require.True(t, errors.As(err, &ue))
	assert.Equal(t, "gremlins", ue.Name)
}

// faultCase is a request sequence whose last answer a fault changes: check
// inspects the faulty answer, checkClean the same answer without the fault.
type faultCase struct {
	fault      string
	name       string
	run        func(c *client) *httptest.ResponseRecorder
	check      func(t *testing.T, rec *httptest.ResponseRecorder)
	checkClean func(t *testing.T, rec *httptest.ResponseRecorder)
}

func status(want int) func(t *testing.T, rec *httptest.ResponseRecorder) {
	return func(t *testing.T, rec *httptest.ResponseRecorder) { assert.Equal(t, want, rec.Code, rec.Body.String()) }
}

func field(want any, path ...any) func(t *testing.T, rec *httptest.ResponseRecorder) {
	return func(t *testing.T, rec *httptest.ResponseRecorder) {
		assert.Equal(t, want, dig(decode(t, rec), path...), rec.Body.String())
	}
}

func deployed(c *client) string {
	service, _ := c.publishedService("svc")
	return c.deploy(service, "inst", "https://example.test")
}

var faultCases = []faultCase{
	{fault: FaultPlanNotKept, name: "getServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.get(base + "/ServiceInstances/" + deployed(c) + "?" + q)
		},
		check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.Regexp(t, "^[0-9a-f]{24}$", dig(decode(t, rec), "instance_plan"))
		},
		checkClean: field("Standard", "instance_plan")},
	{fault: FaultWrongStatus, name: "createService",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.do("POST", base+"/ServiceManifest?"+q, definitionBody("s", "1", ""))
		},
		check: status(201), checkClean: status(200)},
	{fault: FaultWrongStatus, name: "createServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			service, _ := c.publishedService("svc")
			return c.do("POST", base+"/Service/"+service+"/ServiceInstances?"+q, deployBody("i", "u"))
		},
		check: status(202), checkClean: status(200)},
	{fault: FaultWrongStatus, name: "uploadIcon",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.send("POST", base+"/icons/upload?"+qNoNS, "multipart/form-data; boundary=b", iconUpload)
		},
		check: status(201), checkClean: status(200)},
	{fault: FaultMissingRequiredField, name: "getServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.get(base + "/ServiceInstances/" + deployed(c) + "?" + q)
		},
		check: field(nil, "Status"), checkClean: field("In Progress", "Status")},
	{fault: FaultMissingRequiredField, name: "createService",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.do("POST", base+"/ServiceManifest?"+q, definitionBody("s", "1", ""))
		},
		check: field(nil, "service_id"), checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.NotEmpty(t, dig(decode(t, rec), "service_id"))
		}},
	{fault: FaultMissingRequiredField, name: "listIcons",
		run:   func(c *client) *httptest.ResponseRecorder { return c.get(base + "/icons?" + qNoNS) },
		check: field(nil, 0, "id"), checkClean: field("5czdb1bc1b47001cbc556", 0, "id")},
	{fault: FaultWrongType, name: "serviceInstanceCount",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.get(base + "/ServiceInstances/" + deployed(c) + "?" + q)
		},
		check: field("1", "serviceManifest", "serviceInstanceCount"), checkClean: field(float64(1), "serviceManifest", "serviceInstanceCount")},
	{fault: FaultWrongType, name: "uploadIcon",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.send("POST", base+"/icons/upload?"+qNoNS, "multipart/form-data; boundary=b", iconUpload)
		},
		check: field(float64(4), "res", "id"), checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.IsType(t, "", dig(decode(t, rec), "res", "id"))
		}},
	{fault: FaultBadTimeFormat, name: "updated_time",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.get(base + "/ServiceInstances/" + deployed(c) + "?" + q)
		},
		check: field("Fri Jul 20 2018 09:00:05 GMT+0000 (UTC)", "updated_time"), checkClean: field("2018-07-20T09:00:05.000Z", "updated_time")},
	{fault: FaultBadTimeFormat, name: "lastUpdated",
		run: func(c *client) *httptest.ResponseRecorder {
			c.publishedService("svc")
			return c.get(base + "/service?" + q)
		},
		check: field("Fri Jul 20 2018 09:00:02 GMT+0000 (UTC)", 0, "lastUpdated"), checkClean: field("2018-07-20T09:00:02.000Z", 0, "lastUpdated")},
	{fault: FaultWrongContentType, name: "error body",
		run: func(c *client) *httptest.ResponseRecorder { return c.get(base + "/ServiceInstances/nope?" + q) },
		check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.Equal(t, sim.ContentTypeHTML, rec.Header().Get("Content-Type"))
			assert.Equal(t, 404, rec.Code)
		},
		checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
		}},
	{fault: FaultWrongContentType, name: "icon file keeps its type",
		run: func(c *client) *httptest.ResponseRecorder {
			return c.get(base + "/icons/name/serviceicon_1.svg?" + qNoNS)
		},
		check: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.Equal(t, "application/xml", rec.Header().Get("Content-Type"))
		},
		checkClean: func(t *testing.T, rec *httptest.ResponseRecorder) {
			assert.Equal(t, "application/xml", rec.Header().Get("Content-Type"))
		}},
	{fault: FaultTokenNotEnforced, name: "listServiceInstances",
		run: func(c *client) *httptest.ResponseRecorder {
			c.token = ""
			return c.get(base + "/ServiceInstances?" + q)
		},
		check: status(200), checkClean: status(401)},
	{fault: FaultInstanceStuck, name: "getServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			inst := deployed(c)
			c.status(inst)
			c.status(inst)
			return c.get(base + "/ServiceInstances/" + inst + "?" + q)
		},
		check: field("Submitted", "Status"), checkClean: field("Active", "Status")},
	{fault: FaultInstanceStuck, name: "terminateServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			inst := deployed(c)
			c.do("DELETE", base+"/ServiceInstances/"+inst+"?"+q, "")
			return c.get(base + "/ServiceInstances/" + inst + "?" + q)
		},
		check: status(200), checkClean: status(404)},
	{fault: FaultLockIgnored, name: "cleanupServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			inst := deployed(c)
			c.status(inst)
			return c.do("POST", base+"/ServiceInstances/cleanupServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+inst+`", "force": true}`)
		},
		check: status(200), checkClean: status(419)},
	{fault: FaultNamespaceIgnored, name: "createServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			service, _ := c.publishedService("svc")
			return c.do("POST", base+"/Service/"+service+"/ServiceInstances?tenantId="+DefaultTenantID+"&ace_orgGuid=all&cloudOE_spaceGuid=elsewhere", deployBody("i", "u"))
		},
		check: status(200), checkClean: status(404)},
	{fault: FaultNamespaceIgnored, name: "deployServiceInstance",
		run: func(c *client) *httptest.ResponseRecorder {
			_, manifest := c.publishedService("svc")
			return c.do("POST", base+"/ServiceManifest/"+manifest+"/deploy?tenantId="+DefaultTenantID+"&ace_orgGuid=all&cloudOE_spaceGuid=elsewhere", deployBody("i", "u"))
		},
		check: status(200), checkClean: status(404)},
}

func TestFaults(t *testing.T) {
	for _, tt := range faultCases {
		t.Run(tt.fault+" "+tt.name, func(t *testing.T) {
			for _, faulty := range []bool{true, false} {
				opts := sim.Options{}
				if faulty {
					opts.Faults = []string{tt.fault}
				}
				rec := tt.run(newClient(t, opts))
				if faulty {
					tt.check(t, rec)
				} else {
					tt.checkClean(t, rec)
				}
			}
		})
	}
}

// TestEveryFaultIsExercised keeps the fault list and the tests in step.
func TestEveryFaultIsExercised(t *testing.T) {
	tested := map[string]bool{}
	for _, c := range faultCases {
		tested[c.fault] = true
	}
	for _, f := range KnownFaults() {
		assert.True(t, tested[f.Name], f.Name)
		assert.NotEmpty(t, f.Description, f.Name)
	}
	assert.GreaterOrEqual(t, len(KnownFaults()), 7)
}
