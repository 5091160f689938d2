package ukcloud

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestBuildFlow(t *testing.T) {
	tests := []struct {
		name     string
		post     string
		body     string
		location string
		typ      string
		list     string
		created  func(t *testing.T, c *client) bool // whether the built thing is listed
	}{
		{name: "vorg", post: "/api/accounts/1/vorgs", body: `{"data":{"type":"Vorg","attributes":{"zoneId":"B","name":"DEMO"}}}`,
			location: "/api/vorg-builds/11", typ: "Vorg-build", list: "/api/accounts/1/vorg-builds",
			created: func(t *testing.T, c *client) bool {
				return len(arr(dig(decode(t, c.get("/api/accounts/1/vorgs")), "data"))) == 4
			}},
		{name: "vdc", post: "/api/accounts/1/vorgs/14/vdcs", body: `{"data":{"type":"VDC","attributes":{"vmType":"POWER","name":"DEMO"}}}`,
			location: "/api/vdc-builds/11", typ: "VDC-build", list: "/api/accounts/1/vdc-builds",
			created: func(t *testing.T, c *client) bool {
				return len(arr(dig(decode(t, c.get("/api/accounts/1/vorgs/14/vdcs")), "data"))) == 2
			}},
		{name: "edge", post: "/api/accounts/1/vorgs/12/vdcs/" + VDCDemoPower + "/edge-gateways",
			body:     `{"data":{"type":"EdgeGateway","attributes":{"connectivityType":"External"}}}`,
			location: "/api/edge-gateway-builds/24", typ: "EdgeGateway-build", list: "/api/accounts/1/edge-gateway-builds",
			created: func(t *testing.T, c *client) bool {
				return len(arr(dig(decode(t, c.get("/api/accounts/1/vorgs/12/vdcs/"+VDCDemoPower+"/edge-gateways")), "data"))) == 1
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := login(t, sim.Options{})
			rec := c.do(http.MethodPost, tt.post, tt.body)
			require.Equal(t, http.StatusAccepted, rec.Code, rec.Body.String())
			assert.Equal(t, tt.location, rec.Header().Get("Location"))
			v := decode(t, rec)
			assert.Equal(t, tt.typ, dig(v, "data", "type"))
			assert.Equal(t, "approved", dig(v, "data", "attributes", "state"))
			assert.Equal(t, "2018-07-20T10:01:00+01:00", dig(v, "data", "attributes", "createdAt"), "first event on the simulated clock")
			assert.Equal(t, DefaultUsername, dig(v, "data", "attributes", "createdBy"))
			assert.False(t, tt.created(t, c))

			for _, want := range []string{"running", "completed", "completed"} {
				rec = c.get(tt.location)
				require.Equal(t, http.StatusOK, rec.Code)
				assert.Equal(t, want, dig(decode(t, rec), "data", "attributes", "state"))
			}
			assert.True(t, tt.created(t, c), "the build's result is listed once completed")

			list := arr(dig(decode(t, c.get(tt.list)), "data"))
			last := list[len(list)-1]
			assert.Equal(t, tt.location[len(tt.location)-2:], dig(last, "id"))
			assert.Equal(t, "completed", dig(last, "attributes", "state"))
		})
	}
}

func TestBuiltVorgIsUsable(t *testing.T) {
	c := login(t, sim.Options{})
	rec := c.do(http.MethodPost, "/api/accounts/1/vorgs", `{"data":{"type":"Vorg","attributes":{"zoneId":"12","name":"New Service"}}}`)
	require.Equal(t, http.StatusAccepted, rec.Code)
	c.get("/api/vorg-builds/11")
	c.get("/api/vorg-builds/11")
	v := decode(t, c.get("/api/accounts/1/compute_services/50"))
	assert.Equal(t, "New Service", dig(v, "name"))
	assert.Regexp(t, `^1-1-50-[0-9a-f]{6}$`, dig(v, "serviceId"))
	rec = c.do(http.MethodPost, "/api/accounts/1/vorgs/50/vdcs", `{"data":{"type":"VDC","attributes":{"vmType":"ESSENTIAL","name":"first"}}}`)
	assert.Equal(t, http.StatusAccepted, rec.Code, "the creator administers the new vOrg")
	vdc := decode(t, rec)
	assert.Equal(t, "New Service", dig(vdc, "data", "attributes", "serviceName"))
}

func TestBuildRequestErrors(t *testing.T) {
	vorg := func(attrs string) string { return `{"data":{"type":"Vorg","attributes":` + attrs + `}}` }
	vdc := func(attrs string) string { return `{"data":{"type":"VDC","attributes":` + attrs + `}}` }
	edge := func(attrs string) string { return `{"data":{"type":"EdgeGateway","attributes":` + attrs + `}}` }
	edges := func(acct, vorg int, urn string) string {
		return fmt.Sprintf("/api/accounts/%d/vorgs/%d/vdcs/%s/edge-gateways", acct, vorg, urn)
	}
	tests := []struct {
		name, path, body string
		status           int
	}{
		{"vorg: other customer's account", "/api/accounts/2/vorgs", vorg(`{"zoneId":"B","name":"x"}`), 404},
		{"vorg: unknown account", "/api/accounts/999/vorgs", vorg(`{"zoneId":"B","name":"x"}`), 404},
		{"vorg: not account admin", "/api/accounts/48/vorgs", vorg(`{"zoneId":"B","name":"x"}`), 403},
		{"vorg: no body", "/api/accounts/1/vorgs", "", 400},
		{"vorg: not json", "/api/accounts/1/vorgs", "{", 400},
		{"vorg: no data", "/api/accounts/1/vorgs", `{}`, 400},
		{"vorg: wrong type", "/api/accounts/1/vorgs", `{"data":{"type":"VDC","attributes":{"zoneId":"B","name":"x"}}}`, 400},
		{"vorg: missing name", "/api/accounts/1/vorgs", vorg(`{"zoneId":"B"}`), 400},
		{"vorg: empty name", "/api/accounts/1/vorgs", vorg(`{"zoneId":"B","name":""}`), 400},
		{"vorg: name not a string", "/api/accounts/1/vorgs", vorg(`{"zoneId":"B","name":5}`), 400},
		{"vorg: missing zone", "/api/accounts/1/vorgs", vorg(`{"name":"x"}`), 400},
		{"vorg: invalid zone (documented 500)", "/api/accounts/1/vorgs", vorg(`{"zoneId":"Z","name":"x"}`), 500},
		{"vdc: other customer's account", "/api/accounts/2/vorgs/41/vdcs", vdc(`{"vmType":"POWER","name":"x"}`), 404},
		{"vdc: unknown vorg", "/api/accounts/1/vorgs/99/vdcs", vdc(`{"vmType":"POWER","name":"x"}`), 404},
		{"vdc: not vorg admin", "/api/accounts/48/vorgs/31/vdcs", vdc(`{"vmType":"POWER","name":"x"}`), 403},
		{"vdc: no vorg permission", "/api/accounts/48/vorgs/32/vdcs", vdc(`{"vmType":"POWER","name":"x"}`), 403},
		{"vdc: wrong type", "/api/accounts/1/vorgs/12/vdcs", vorg(`{"vmType":"POWER","name":"x"}`), 400},
		{"vdc: bad vmType", "/api/accounts/1/vorgs/12/vdcs", vdc(`{"vmType":"TURBO","name":"x"}`), 400},
		{"vdc: missing name", "/api/accounts/1/vorgs/12/vdcs", vdc(`{"vmType":"POWER"}`), 400},
		{"vdc: name with +", "/api/accounts/1/vorgs/12/vdcs", vdc(`{"vmType":"POWER","name":"a+b"}`), 400},
		{"vdc: name of 33 characters", "/api/accounts/1/vorgs/12/vdcs", vdc(`{"vmType":"POWER","name":"abcdefghijabcdefghijabcdefghijabc"}`), 400},
		{"edge: unknown vdc", edges(1, 12, "urn:vcloud:vdc:00000000-0000-4000-8000-000000000000"), edge(`{"connectivityType":"Internet"}`), 404},
		{"edge: other customer's account", edges(2, 41, VDCDemoBasic), edge(`{"connectivityType":"Internet"}`), 404},
		{"edge: not vorg admin", edges(48, 31, VDCDev), edge(`{"connectivityType":"Internet"}`), 403},
		{"edge: wrong type", edges(1, 12, VDCDemoBasic), vdc(`{"connectivityType":"Internet"}`), 400},
		{"edge: bad connectivity", edges(1, 12, VDCDemoBasic), edge(`{"connectivityType":"Satellite"}`), 400},
		{"edge: missing connectivity", edges(1, 12, VDCDemoBasic), edge(`{}`), 400},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := login(t, sim.Options{})
			rec := c.do(http.MethodPost, tt.path, tt.body)
			assert.Equal(t, tt.status, rec.Code, rec.Body.String())
			assert.Empty(t, rec.Header().Get("Location"))
			assert.NotEmpty(t, obj(decode(t, rec))["error"])
		})
	}
}
