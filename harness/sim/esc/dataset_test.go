package esc

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestDatasetName(t *testing.T) {
	_, err := New(sim.Options{Dataset: "third"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"third"`)
	for _, name := range append(sim.Datasets(), "") {
		_, err := New(sim.Options{Dataset: name})
		assert.NoError(t, err, name)
	}
}

// TestSecondDataset shows what the second data set serves, answer by answer.
func TestSecondDataset(t *testing.T) {
	c := newClient(t, sim.Options{Dataset: sim.DatasetSecond})
	tests := []struct {
		name, target string
		want, absent []string // substrings of the body that must (not) appear
	}{
		{
			name:   "tenants in their seeded order, a disabled one first, optional elements the other way round",
			target: "/v0/tenants",
			want: []string{
				"<internal_tenant_id>tnt-archive-0193</internal_tenant_id>", "<enabled>false</enabled>",
				"<vim_mapping>true</vim_mapping>", "<extensions>", "<vim_project_id>prj-5521</vim_project_id>",
			},
			absent: []string{adminTenantID, "<name>" + adminTenantName + "</name>"},
		},
		{name: "the system tenant", target: "/v0/tenants/EscRootTenant_2", want: []string{"<name>esc-root</name>"}, absent: []string{"managed_resource"}},
		{name: "the seeded tenant of the first data set is not there", target: "/v0/tenants/" + adminTenantID},
		{name: "a host without a uuid", target: "/v0/hosts/compute-b-02.dc2/status", want: []string{"<status>ENABLED</status>"}, absent: []string{"<uuid>"}},
		{name: "a host with a uuid", target: "/v0/hosts/compute-a-02.dc2/status", want: []string{"<uuid>1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d</uuid>"}},
		{name: "a host of the first data set is unknown", target: "/v0/hosts/my-ucs-1/status", want: []string{"<status>UNKNOWN</status>"}},
		{name: "two VIM connectors, the first without properties", target: "/v0/vims", want: []string{"<id>vcenter-lab-b</id>", "<id>regionTwo_os</id>"}, absent: []string{seedVimID}},
		{name: "the default VIM connector, listed last", target: "/v0/vims/default_vim_connector", want: []string{"regionTwo_os"}},
		{name: "a system state away from its default", target: "/v0/systemstate/NB_REQUEST_BACKLOG", want: []string{"<state>3_PENDING</state>"}},
		{name: "a system state of the first data set is unknown", target: "/v0/systemstate/DEPLOYMENT_QUEUE"},
		{name: "images ESC created before", target: "/v0/images", want: []string{"img-ubuntu-2204", "img-csr-17", "<internal_tenant_id>EscRootTenant_2</internal_tenant_id>"}},
		{name: "an image with its optional elements", target: "/v0/images/img-csr-17", want: []string{"<e1000_net>true</e1000_net>", "<imageisenabled>false</imageisenabled>"}},
		{name: "a flavor ESC created before", target: "/v0/flavors/flv-c4-medium", want: []string{"<vcpus>4</vcpus>", "<ephemeral_disk_mb>20480</ephemeral_disk_mb>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := c.get(tt.target)
			if tt.want == nil && tt.absent == nil {
				assert.Equal(t, 404, rec.Code, rec.Body.String())
				return
			}
			require.Equal(t, 200, rec.Code, rec.Body.String())
			body := rec.Body.String()
			for _, w := range tt.want {
				assert.Contains(t, body, w)
			}
			for _, a := range tt.absent {
				assert.NotContains(t, body, a)
			}
		})
	}
	body := c.get("/v0/tenants").Body.String()
	order := []string{"tnt-archive-0193", "lab-east.core", "EscRootTenant_2", "nfv_west_07"}
	last := -1
	for _, id := range order {
		i := strings.Index(body, "<internal_tenant_id>"+id+"<")
		require.Greater(t, i, last, "tenant %s out of order", id)
		last = i
	}
	rec := c.mustDo("POST", "/v0/systemstate/NB_REQUEST_BACKLOG/reset", "", 200)
	assert.Contains(t, rec.Body.String(), "<state>IDLE</state>")
	vims := c.get("/v0/vims").Body.String()
	assert.Less(t, strings.Index(vims, "vcenter-lab-b"), strings.Index(vims, "regionTwo_os"))
}

// TestSecondDatasetSystemTenant shows that the system tenant of the data set
// owns the images and cannot be deleted, and that the first data set's
// system tenant means nothing there.
func TestSecondDatasetSystemTenant(t *testing.T) {
	c := newClient(t, sim.Options{Dataset: sim.DatasetSecond})
	c.mustDo("POST", "/v0/images/img1", imageBody, 200)
	notes := c.rc.take()
	require.NotEmpty(t, notes)
	assert.Contains(t, notes[len(notes)-1].Body, "<internal_tenant_id>EscRootTenant_2</internal_tenant_id>")
	c.mustDo("DELETE", "/v0/tenants/EscRootTenant_2", "", 400)
	c.mustDo("DELETE", "/v0/tenants/nfv_west_07", "", 200)
	c.mustDo("DELETE", "/v0/tenants/"+adminTenantID, "", 404)
}

func TestSeededValues(t *testing.T) {
	tests := []struct {
		dataset string
		fixture map[string]string
		has     []string
	}{
		{sim.DatasetDefault, map[string]string{"image": "ASA", "flavor": "m1.large", "network": "MgtNetwork", "system_state": "DEPLOYMENT_QUEUE"},
			[]string{adminTenantID, adminTenantName, "my-ucs-3", seedVimID, "http://192.0.2.10:5000/v3"}},
		{sim.DatasetSecond, map[string]string{"image": "ubuntu-22.04-cloudinit", "flavor": "c4.medium-nfv", "network": "provider-mgmt-410", "system_state": "NB_REQUEST_BACKLOG"},
			[]string{"EscRootTenant_2", "esc-root", "tnt-archive-0193", "compute-a-01.dc2", "regionTwo_os", "vcenter-lab-b", "prj-5521"}},
	}
	other := map[string][]string{}
	for _, tt := range tests {
		s := newSim(t, sim.Options{Dataset: tt.dataset})
		assert.Equal(t, tt.fixture, s.Fixtures(), tt.dataset)
		values := s.SeedValues()
		for _, v := range tt.has {
			assert.Contains(t, values, v, tt.dataset)
		}
		for _, v := range tt.fixture {
			assert.Contains(t, values, v, tt.dataset)
		}
		other[tt.dataset] = values
	}
	// Independently populated: no identifying literal is shared.
	for _, v := range other[sim.DatasetDefault] {
		assert.NotContains(t, other[sim.DatasetSecond], v)
	}
}

// TestAcceptedWriteStatus shows the choice the document leaves to ESC for file server create and
// update and router update (200 "Request accepted" or 204 "No content"): the first data set
// answers 200, the second 204, both with the transaction id their completion notification
// repeats; the wrong-http-status fault answers neither.
func TestAcceptedWriteStatus(t *testing.T) {
	for _, tt := range []struct {
		dataset string
		faults  []string
		want    int
	}{
		{sim.DatasetDefault, nil, http.StatusOK},
		{sim.DatasetSecond, nil, http.StatusNoContent},
		{sim.DatasetDefault, []string{FaultWrongHTTPStatus}, http.StatusCreated},
		{sim.DatasetSecond, []string{FaultWrongHTTPStatus}, http.StatusCreated},
	} {
		t.Run(tt.dataset+strings.Join(tt.faults, ","), func(t *testing.T) {
			c := newClient(t, sim.Options{Dataset: tt.dataset, Faults: tt.faults})
			// The other asynchronous writes answer 200 in both data sets (201 under the fault).
			accepted := http.StatusOK
			if tt.faults != nil {
				accepted = http.StatusCreated
			}
			c.mustDo("POST", "/v0/tenants/rtr-tenant", tenantBody, accepted)
			c.mustDo("POST", "/v0/rtr-tenant/routers/rtr1", routerBody, accepted)
			c.rc.take()
			for _, w := range []struct{ method, target, body string }{
				{"POST", "/v0/fileserver/fs1", fileServer},
				{"PUT", "/v0/fileserver/fs1", fileServer},
				{"PUT", "/v0/rtr-tenant/routers/rtr1", routerBody},
			} {
				rec := c.mustDo(w.method, w.target, w.body, tt.want)
				tx := rec.Header().Get(HeaderTransactionID)
				assert.NotEmpty(t, tx, "%s %s", w.method, w.target)
				assert.Empty(t, rec.Body.String())
				notes := c.rc.take()
				require.Len(t, notes, 1, "%s %s", w.method, w.target)
				assert.Equal(t, tx, notes[0].Header.Get(HeaderTransactionID))
			}
			c.mustDo("DELETE", "/v0/fileserver/fs1", "", accepted)
		})
	}
}
