package esc

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestNew(t *testing.T) {
	_, err := New(sim.Options{Faults: []string{FaultMissingCallback, "no-such-fault"}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"no-such-fault"`)
	assert.Contains(t, err.Error(), FaultWrongHTTPStatus)

	s := newSim(t, sim.Options{})
	assert.Equal(t, "esc", s.Name())
	var names []string
	for _, f := range s.Faults() {
		names = append(names, f.Name)
		assert.NotEmpty(t, f.Description, f.Name)
	}
	assert.Equal(t, []string{"missing-callback", "wrong-transaction-id", "wrong-status-header", "invalid-callback-body", "wrong-http-status", "tenant-update-not-kept"}, names)
}

func TestAuth(t *testing.T) {
	tests := []struct {
		name     string
		user     string
		pass     string
		disabled bool
		creds    []sim.Credential
		want     int
	}{
		{name: "no credentials", want: http.StatusUnauthorized},
		{name: "wrong password", user: DefaultUsername, pass: "nope", want: http.StatusUnauthorized},
		{name: "unknown user", user: "root", pass: DefaultPassword, want: http.StatusUnauthorized},
		{name: "default user", user: DefaultUsername, pass: DefaultPassword, want: http.StatusOK},
		{name: "configured user", user: "admin", pass: "other", creds: []sim.Credential{{Username: "admin", Password: "other"}}, want: http.StatusOK},
		{name: "defaults replaced", user: DefaultUsername, pass: DefaultPassword, creds: []sim.Credential{{Username: "admin", Password: "other"}}, want: http.StatusUnauthorized},
		{name: "auth disabled", disabled: true, want: http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := NewWithConfig(sim.Options{Credentials: tt.creds}, Config{AuthDisabled: tt.disabled})
			require.NoError(t, err)
			defer s.Close()
			req := httptest.NewRequest("GET", ContextRoot+"/v0/tenants", nil)
			if tt.user != "" {
				req.SetBasicAuth(tt.user, tt.pass)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			assert.Equal(t, tt.want, rec.Code, rec.Body.String())
			if tt.want == http.StatusUnauthorized {
				assert.Equal(t, `Basic realm="ESCManager"`, rec.Header().Get("WWW-Authenticate"))
			}
		})
	}
}

// TestOperations checks the happy path and the documented errors of every
// group, with the state each needs built first.
func TestOperations(t *testing.T) {
	c := newClient(t, sim.Options{})
	setup := []struct{ method, path, body string }{
		{"POST", "/v0/tenants/tenant1", tenantBody},
		{"POST", "/v0/tenant1/networks/net1", networkBody},
		{"POST", "/v0/tenant1/subnets/sub1", subnetBody},
		{"POST", "/v0/images/img1", imageBody},
		{"POST", "/v0/flavors/flv1", flavorBody},
		{"POST", "/v0/tenant1/volumes/vol1", volumeBody},
		{"POST", "/v0/tenant1/routers/rt1", routerBody},
		{"POST", "/v0/deployments/dep1", datamodelBody("tenant1", "dep-one", 1)},
		{"POST", "/v0/vims", vimBody},
		{"POST", "/v0/vims/vim2/vim_users", vimUserBody},
		{"POST", "/v0/fileserver/fs1", fileServer},
	}
	for _, st := range setup {
		c.mustDo(st.method, st.path, st.body, http.StatusOK)
	}
	long := strings.Repeat("a", 73)
	tests := []struct {
		name, method, path, body string
		want                     int
	}{
		{"tenant get", "GET", "/v0/tenants/tenant1", "", 200},
		{"tenant get unknown", "GET", "/v0/tenants/nope", "", 404},
		{"tenant get bad id", "GET", "/v0/tenants/a~b", "", 404},
		{"tenant create 72 chars", "POST", "/v0/tenants/" + strings.Repeat("a", 72), tenantBody, 200},
		{"tenant create 73 chars", "POST", "/v0/tenants/" + long, tenantBody, 400},
		{"tenant create tilde", "POST", "/v0/tenants/ten~1", tenantBody, 400},
		{"tenant create reserved char", "POST", "/v0/tenants/ten%21", tenantBody, 400},
		{"tenant create reused", "POST", "/v0/tenants/tenant1", tenantBody, 409},
		{"tenant id used by a network", "POST", "/v0/tenants/net1", tenantBody, 409},
		{"tenant id used by a deployment", "POST", "/v0/tenants/dep1", tenantBody, 409},
		{"tenant name too long", "POST", "/v0/tenants/t2", `<tenant><name>` + strings.Repeat("n", 65) + `</name></tenant>`, 400},
		{"tenant body not xml", "POST", "/v0/tenants/t3", `<tenant>`, 400},
		{"tenant body wrong root", "POST", "/v0/tenants/t3", `<network><name>x</name></network>`, 400},
		{"tenant create json", "POST", "/v0/tenants/t4", `{"name":"json-tenant","enabled":true}`, 200},
		{"tenant update", "PUT", "/v0/tenants/tenant1", `<tenant><name>x</name></tenant>`, 200},
		{"tenant update unknown", "PUT", "/v0/tenants/nope", `<tenant><name>x</name></tenant>`, 404},
		{"tenant delete with resources", "DELETE", "/v0/tenants/tenant1", "", 400},
		{"tenant delete unknown", "DELETE", "/v0/tenants/nope", "", 404},
		{"tenant delete", "DELETE", "/v0/tenants/t4", "", 200},
		{"network create reused across tenants", "POST", "/v0/SystemAdminTenantId/networks/net1", networkBody, 409},
		{"network id used by an image", "POST", "/v0/tenant1/networks/img1", networkBody, 409},
		{"network create unknown tenant", "POST", "/v0/nope/networks/net9", networkBody, 404},
		{"network get other tenant", "GET", "/v0/SystemAdminTenantId/networks/net1", "", 404},
		{"network delete unknown is 400", "DELETE", "/v0/tenant1/networks/nope", "", 400},
		{"subnet unknown network", "POST", "/v0/tenant1/subnets/sub9", strings.Replace(subnetBody, "net1", "nope", 1), 404},
		{"subnet list", "GET", "/v0/tenant1/subnets", "", 200},
		{"subnet list unknown tenant", "GET", "/v0/nope/subnets", "", 404},
		{"subnet delete unknown", "DELETE", "/v0/tenant1/subnets/nope", "", 404},
		{"image bad disk_bus", "POST", "/v0/images/img9", strings.Replace(imageBody, "virtio", "floppy", 1), 400},
		{"image get bad id", "GET", "/v0/images/a~b", "", 400},
		{"image reused", "POST", "/v0/images/img1", imageBody, 409},
		{"flavor no vcpus", "POST", "/v0/flavors/flv9", `<flavor><name>f</name><memory_mb>1</memory_mb></flavor>`, 400},
		{"flavor delete unknown", "DELETE", "/v0/flavors/nope", "", 404},
		{"volume create unknown tenant", "POST", "/v0/nope/volumes/vol9", volumeBody, 404},
		{"volume get", "GET", "/v0/tenant1/volumes/vol1", "", 200},
		{"volume delete unknown is 400", "DELETE", "/v0/tenant1/volumes/nope", "", 400},
		{"router update unknown", "PUT", "/v0/tenant1/routers/nope", routerBody, 404},
		{"router reused", "POST", "/v0/tenant1/routers/rt1", routerBody, 409},
		{"deployment reused", "POST", "/v0/deployments/dep1", datamodelBody("tenant1", "other", 1), 409},
		{"deployment same name in tenant", "POST", "/v0/deployments/dep2", datamodelBody("tenant1", "dep-one", 1), 409},
		{"deployment unknown tenant", "POST", "/v0/deployments/dep2", datamodelBody("nobody", "x", 1), 404},
		{"deployment no vm_group", "POST", "/v0/deployments/dep2", `<esc_datamodel><tenants><tenant><name>admin</name><deployments><deployment><name>x</name></deployment></deployments></tenant></tenants></esc_datamodel>`, 400},
		{"deployment admin tenant by name", "POST", "/v0/deployments/dep3", datamodelBody("admin", "MyDemoDepName", 1), 200},
		{"deployment update unknown", "PUT", "/v0/deployments/nope", datamodelBody("tenant1", "dep-one", 1), 404},
		{"deployment update renames", "PUT", "/v0/deployments/dep1", datamodelBody("tenant1", "renamed", 1), 400},
		{"deployment get 1024-char id", "GET", "/v0/deployments/" + strings.Repeat("d", 200), "", 404},
		{"deployment config", "GET", "/v0/deployments/config/dep1", "", 200},
		{"service op unknown op", "POST", "/v0/tenant1/deployments/service/dep1", `<service_operation><operation>explode</operation></service_operation>`, 400},
		{"service op start while active", "POST", "/v0/tenant1/deployments/service/dep1", `<service_operation><operation>start</operation></service_operation>`, 400},
		{"service op wrong tenant", "POST", "/v0/SystemAdminTenantId/deployments/service/dep1", `<service_operation><operation>stop</operation></service_operation>`, 404},
		{"vm op unknown vm", "POST", "/v0/tenant1/deployments/vm/nope", `<vm_operation><operation>stop</operation></vm_operation>`, 404},
		{"snapshot unknown", "DELETE", "/v0/snapshots/nope", "", 404},
		{"config get invalid name", "GET", "/v0/config/bad%20name/key", "", 400},
		{"config category unknown", "GET", "/v0/config/nope", "", 404},
		{"config int", "PUT", "/v0/config/default/vm_recovery_attempts_max/5", "", 200},
		{"config int invalid", "PUT", "/v0/config/default/vm_recovery_attempts_max/many", "", 400},
		{"config unknown key", "PUT", "/v0/config/log/nope/1", "", 404},
		{"vim duplicate", "POST", "/v0/vims", vimBody, 400},
		{"vim update unknown", "PUT", "/v0/vims/nope", vimBody, 400},
		{"vim delete with users", "DELETE", "/v0/vims/vim2", "", 400},
		{"vim delete unknown", "DELETE", "/v0/vims/nope", "", 404},
		{"vim check unknown", "PUT", "/v0/vims/nope/check_status", "", 404},
		{"default vim unknown", "POST", "/v0/vims/default_vim_connector", `<default_vim_connector><defaultVimConnectorId>nope</defaultVimConnectorId></default_vim_connector>`, 400},
		{"vim user unknown vim", "POST", "/v0/vims/nope/vim_users", vimUserBody, 400},
		{"vim users unknown vim", "GET", "/v0/vims/nope/vim_users", "", 404},
		{"vim user duplicate", "POST", "/v0/vims/vim2/vim_users", vimUserBody, 400},
		{"vim user update unknown", "PUT", "/v0/vims/vim2/vim_users/nope", vimUserBody, 400},
		{"vim user delete unknown", "DELETE", "/v0/vims/vim2/vim_users/nope", "", 404},
		{"system state reset unknown", "POST", "/v0/systemstate/nope/reset", "", 404},
		{"file server reused", "POST", "/v0/fileserver/fs1", fileServer, 409},
		{"file server not xml", "POST", "/v0/fileserver/fs2", "nope", 400},
		{"file server update unknown", "PUT", "/v0/fileserver/nope", fileServer, 404},
		{"file server delete unknown", "DELETE", "/v0/fileserver/nope", "", 404},
		{"action no definition", "POST", "/v0/dynamic_mapping/actions", `<actions/>`, 400},
		{"action invalid name", "GET", "/v0/dynamic_mapping/actions/%20x", "", 400},
		{"metric core delete", "DELETE", "/v0/dynamic_mapping/metrics/ICMPPing", "", 400},
		{"metric unknown", "DELETE", "/v0/dynamic_mapping/metrics/nope", "", 404},
		{"opmode json", "GET", "/v0/operationmode", "", 200},
		{"unknown path", "GET", "/v0/nothing/here/at/all", "", 404},
		{"wrong method", "PATCH", "/v0/tenants/tenant1", "", 405},
		{"ssl reload", "PUT", "/internal/ssl/reload", "", 204},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := c.do(tt.method, tt.path, tt.body)
			assert.Equal(t, tt.want, rec.Code, rec.Body.String())
			if tt.want >= 400 {
				assert.Equal(t, contentTypeText, rec.Header().Get("Content-Type"))
				assert.NotEmpty(t, rec.Body.String())
				assert.Empty(t, rec.Header().Get(HeaderTransactionID), "a refused request has no transaction")
			}
		})
	}
}

func TestStateChanges(t *testing.T) {
	c := newClient(t, sim.Options{})
	c.mustDo("POST", "/v0/tenants/tenant1", tenantBody, 200)
	c.mustDo("POST", "/v0/tenant1/networks/net1", networkBody, 200)
	c.mustDo("POST", "/v0/tenant1/subnets/sub1", subnetBody, 200)
	net := parse(t, c.mustDo("GET", "/v0/tenant1/networks/net1", "", 200).Body.String())
	assert.Equal(t, "sub1", net.text("subnet"), "the network lists its subnet")
	assert.Equal(t, "example-tenant", net.text("tenant_name"))

	c.mustDo("DELETE", "/v0/tenant1/networks/net1", "", 200)
	c.mustDo("GET", "/v0/tenant1/subnets/sub1", "", 404)
	c.mustDo("POST", "/v0/tenant1/subnets/sub1", strings.Replace(subnetBody, "net1", "net2", 1), 404)
	c.mustDo("POST", "/v0/tenant1/networks/sub1", networkBody, 200) // freed ids may be reused
	c.mustDo("DELETE", "/v0/tenant1/networks/sub1", "", 200)
	c.mustDo("DELETE", "/v0/tenants/tenant1", "", 200)
	c.mustDo("GET", "/v0/tenants/tenant1", "", 404)

	// JSON answers where the contract documents them.
	c.header = map[string]string{"Accept": "application/json"}
	rec := c.mustDo("GET", "/v0/tenants/SystemAdminTenantId", "", 200)
	assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
	assert.JSONEq(t, `{"enabled":true,"external_tenant_id":"SystemAdminTenantId","internal_tenant_id":"SystemAdminTenantId","name":"admin","managed_resource":false}`, rec.Body.String())
	rec = c.mustDo("PUT", "/v0/config/log/level/debug", "", 200)
	assert.JSONEq(t, `{"category":"LOG","key":"LEVEL","value":"DEBUG","type":"STRING"}`, rec.Body.String())
	rec = c.mustDo("GET", "/v0/images", "", 200)
	assert.Equal(t, sim.ContentTypeXML, rec.Header().Get("Content-Type"), "no JSON is documented for the image list")
	c.header = nil

	// Config: the document's example answer, in XML.
	rec = c.mustDo("GET", "/v0/config/LOG/LEVEL", "", 200)
	assert.Contains(t, rec.Body.String(), `<value xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" xsi:type="xs:string">DEBUG</value>`)

	// Secrets are stored encrypted.
	c.mustDo("POST", "/v0/vims/default_openstack_vim/vim_users", vimUserBody, 200)
	rec = c.mustDo("GET", "/v0/vims/default_openstack_vim/vim_users/user1", "", 200)
	assert.NotContains(t, rec.Body.String(), "secret")
	assert.Contains(t, rec.Body.String(), "<encrypted_value>")

	// Operation mode.
	c.mustDo("POST", "/v0/operationmode/maintenance", "", 200)
	assert.Equal(t, "MAINTENANCE", parse(t, c.get("/v0/operationmode").Body.String()).text("mode"))

	// Host actions steer placement and migrations.
	c.mustDo("POST", "/v0/hosts/my-ucs-1/disable", "", 200)
	c.mustDo("POST", "/v0/hosts/my-ucs-2/disable", "", 200)
	assert.Equal(t, "DISABLED", parse(t, c.get("/v0/hosts/my-ucs-1/status").Body.String()).text("status"))
	c.mustDo("POST", "/v0/deployments/dep1", datamodelBody("admin", "d", 3), 200)
	for _, d := range parse(t, c.get("/v0/deployments/dep1").Body.String()).children("deployment_details") {
		assert.Equal(t, "my-ucs-3", d.text("host_name"))
	}
	vms := vmNames(t, c, "dep1")
	require.Len(t, vms, 3)
	assert.Regexp(t, `^d_ASA-1_[0-2]_[0-9a-f-]{36}$`, vms[0])
	c.mustDo("POST", "/v0/SystemAdminTenantId/deployments/migrate-vm/"+vms[0], `{"operation":"migrate"}`, 400)
	c.mustDo("POST", "/v0/hosts/my-ucs-1/enable", "", 200)
	c.mustDo("POST", "/v0/SystemAdminTenantId/deployments/migrate-vm/"+vms[0], `{"operation":"migrate"}`, 200)

	// VM state machine.
	vmPath := "/v0/SystemAdminTenantId/deployments/vm/" + vms[1]
	c.mustDo("POST", vmPath, `<vm_operation><operation>start</operation></vm_operation>`, 400)
	c.mustDo("POST", vmPath, `<vm_operation><operation>stop</operation></vm_operation>`, 200)
	c.mustDo("POST", vmPath, `<vm_operation><operation>stop</operation></vm_operation>`, 400)
	c.mustDo("POST", "/v0/SystemAdminTenantId/deployments/recovery-vm/"+vms[1], `{"operation":"recovery_do","checkVmBeforeRecovery":true}`, 200)
	c.mustDo("POST", "/v0/SystemAdminTenantId/deployments/recovery-vm/"+vms[1], `{"operation":"recovery_do","checkVmBeforeRecovery":true}`, 400)

	// Snapshots: by name, ambiguous names.
	snap := "/v0/SystemAdminTenantId/deployments/snapshot-vm/" + vms[2]
	c.mustDo("POST", snap, `{"operation":"snapshot","name":"s"}`, 201)
	c.mustDo("POST", snap, `{"operation":"snapshot","name":"s"}`, 201)
	c.mustDo("POST", snap, `{"operation":"snapshot"}`, 400)
	assert.Len(t, parse(t, c.get("/v0/snapshots?generatedVMName="+vms[2]).Body.String()).children("snapshot"), 2)
	assert.Empty(t, parse(t, c.get("/v0/snapshots?internalTenantId=nope").Body.String()).children("snapshot"))
	c.mustDo("DELETE", "/v0/snapshots/s", "", 409)

	// Scaling in and out by update.
	c.mustDo("PUT", "/v0/deployments/dep1", datamodelBody("admin", "d", 1, "ASA-1", "CSR-1"), 200)
	assert.Len(t, vmNames(t, c, "dep1"), 2)
	c.mustDo("DELETE", "/v0/deployments/dep1", "", 200)
	c.mustDo("GET", "/v0/deployments/dep1", "", 404)
}
