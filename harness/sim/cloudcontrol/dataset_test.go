package cloudcontrol

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// S is the path prefix of the second data set's organization.
const S = "/oec/0.9/" + SecondOrgID

func secondClient(t *testing.T) *client {
	return newClient(t, sim.Options{Dataset: sim.DatasetSecond})
}

func TestUnknownDatasetIsRefused(t *testing.T) {
	_, err := New(sim.Options{Dataset: "third"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "third")
}

func TestSecondDatasetDiffersFromTheDefault(t *testing.T) {
	def, second := newSim(t, sim.Options{}), newSim(t, sim.Options{Dataset: sim.DatasetSecond})
	defaults := map[string]bool{}
	for _, v := range def.SeedValues() {
		defaults[v] = true
	}
	values := second.SeedValues()
	require.NotEmpty(t, values)
	for _, v := range values {
		assert.False(t, defaults[v], "the second data set shares %q with the default one", v)
	}
	for name, v := range second.Fixtures() {
		assert.NotEqual(t, def.Fixtures()[name], v, "fixture %s", name)
		assert.Contains(t, values, v, "fixture %s names a value of the data set", name)
	}
}

func TestSecondDataset(t *testing.T) {
	c := secondClient(t)
	tests := []struct {
		name  string
		path  string
		check func(t *testing.T, n node)
	}{
		{"another organization", "/oec/0.9/myaccount", func(t *testing.T, n node) {
			assert.Equal(t, SecondOrgID, n.text("orgId"))
		}},
		{"other locations, another order, another default", S + "/datacenter", func(t *testing.T, n node) {
			var locs []string
			def := ""
			for _, dc := range n.all("datacenter") {
				locs = append(locs, dc.text("location"))
				if dc.text("default") == "true" {
					def = dc.text("location")
				}
			}
			assert.Equal(t, []string{"EU7", "AU2", "AP3", "EU6"}, locs)
			assert.Equal(t, "EU6", def)
		}},
		{"a location in maintenance", S + "/datacenterWithMaintenanceStatus?location=EU7", func(t *testing.T, n node) {
			dcs := n.all("datacenter")
			require.Len(t, dcs, 1)
			assert.Equal(t, "MAINTENANCE", dcs[0].all("hypervisor")[0].attr("maintenanceStatus"))
		}},
		{"other counts: no CentOS images", "/oec/0.9/base/image/EU6", func(t *testing.T, n node) {
			assert.Len(t, n.all("ServerImage"), 3)
		}},
		{"other counts: two more servers", S + "/serverWithState", func(t *testing.T, n node) {
			assert.Equal(t, "16", n.attr("totalCount"))
		}},
		{"the default page size the document leaves open", S + "/antiAffinityRule", func(t *testing.T, n node) {
			assert.Equal(t, "100", n.attr("pageSize"))
		}},
		{"the default page size the document fixes", S + "/serverWithState", func(t *testing.T, n node) {
			assert.Equal(t, "250", n.attr("pageSize"))
		}},
		{"an administrator with a role the document does not list", S + "/account", func(t *testing.T, n node) {
			var roles []string
			for _, a := range n.all("Account") {
				for _, r := range a.all("roles") {
					for _, role := range r.all("role") {
						roles = append(roles, role.text("name"))
					}
				}
			}
			assert.Contains(t, roles, RoleUnlisted)
		}},
		{"optional network descriptions absent", S + "/networkWithLocation", func(t *testing.T, n node) {
			nets := n.all("network")
			require.NotEmpty(t, nets)
			for _, nw := range nets {
				assert.Empty(t, nw.all("description"), nw.text("name"))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := c.get(tt.path)
			require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
			tt.check(t, decodeNode(t, rec))
		})
	}
}

func TestDefaultDatasetKeepsItsPageSize(t *testing.T) {
	rec := newClient(t, sim.Options{}).get(P + "/antiAffinityRule")
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Equal(t, "250", decodeNode(t, rec).attr("pageSize"))
}

// The states a run consumes come back, so that a long-lived simulator serves the next run too.
func TestConsumedStatesComeBack(t *testing.T) {
	tests := []struct {
		name   string
		action func(c *client, id string) string
		find   func(st *state) string
	}{
		{"a failed deployment", func(_ *client, id string) string { return P + "/server/" + id + "?clean" }, func(st *state) string {
			return firstServer(st, func(s *server) bool { return s.state == "FAILED_ADD" })
		}},
		{"outdated VMware Tools", func(_ *client, id string) string { return P + "/server/" + id + "?updateVMwareTools" }, func(st *state) string {
			return firstServer(st, func(s *server) bool { return s.state == "NORMAL" && !s.toolsCurrent })
		}},
		{"a failed image import", func(_ *client, id string) string { return P + "/image/" + id + "?clean" }, func(st *state) string {
			for _, im := range st.images {
				if im.state == "FAILED_ADD" {
					return im.id
				}
			}
			return ""
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, sim.Options{})
			for run := 0; run < 3; run++ {
				id := tt.find(c.s.st)
				require.NotEmpty(t, id, "run %d finds none", run+1)
				requireOK(t, c.get(tt.action(c, id)))
				assert.NotEqual(t, id, tt.find(c.s.st), "run %d: the same one again", run+1)
			}
		})
	}
}

func firstServer(st *state, match func(*server) bool) string {
	for _, s := range st.servers {
		if match(s) {
			return s.id
		}
	}
	return ""
}

func TestPublicAddressesAreGivenBack(t *testing.T) {
	c := newClient(t, sim.Options{})
	web := P + "/network/" + NetworkWeb
	for i := 0; i < 10; i++ { // the block holds 8 addresses, 2 of them in use
		rec := c.send(post(web+"/natrule", `<NatRule xmlns="http://oec.api.opsource.net/schemas/network"><sourceIp>10.162.1.12</sourceIp></NatRule>`))
		require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
		id := decodeNode(t, rec).text("id")
		requireOK(t, c.get(web+"/natrule/"+id+"?delete"))
	}
}
