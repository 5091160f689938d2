package esc

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// stages summarises notifications as "path stage/event type".
func stages(t *testing.T, notes []received) []string {
	t.Helper()
	var out []string
	for _, n := range notes {
		root := parse(t, n.Body)
		what := root.text("deployment_stage")
		if what == "" {
			what = root.text("event_type")
		}
		if what == "" {
			what = root.XMLName.Local
		}
		out = append(out, n.Path+" "+what)
	}
	return out
}

func TestCallbacks(t *testing.T) {
	c := newClient(t, sim.Options{Seed: 1})
	c.mustDo("POST", "/v0/tenants/tenant1", tenantBody, 200)
	require.Len(t, c.rc.take(), 1)

	vmStop := fmt.Sprintf(vmOp, "stop")
	tests := []struct {
		name, method, path, body string
		status                   int
		want                     []string
		message                  string // ESC-Status-Message of the last notification
	}{
		{name: "tenant create", method: "POST", path: "/v0/tenants/t2", body: tenantBody, status: 200,
			want: []string{"/cb CREATE_TENANT"}, message: "Tenant successfully created"},
		{name: "image create", method: "POST", path: "/v0/images/img1", body: imageBody, status: 200,
			want: []string{"/cb CREATE_IMAGE"}, message: "Image successfully created"},
		{name: "deployment create, two VMs", method: "POST", path: "/v0/deployments/dep1", body: datamodelBody("tenant1", "dep", 2), status: 200,
			want: []string{"/events VM_DEPLOYED", "/cb VM_DEPLOYED", "/events VM_DEPLOYED", "/cb VM_DEPLOYED",
				"/events VM_ALIVE", "/cb VM_ALIVE", "/events VM_ALIVE", "/cb VM_ALIVE", "/cb SERVICE_ALIVE"},
			message: "Service group deployment completed successfully!"},
		{name: "deployment update adds a group", method: "PUT", path: "/v0/deployments/dep1", body: datamodelBody("tenant1", "dep", 2, "ASA-1", "CSR-1"), status: 200,
			want: []string{"/events VM_DEPLOYED", "/cb VM_DEPLOYED", "/events VM_DEPLOYED", "/cb VM_DEPLOYED",
				"/events VM_ALIVE", "/cb VM_ALIVE", "/events VM_ALIVE", "/cb VM_ALIVE", "/cb SERVICE_UPDATED"},
			message: "Service group update completed successfully"},
		{name: "deployment stop", method: "POST", path: "/v0/tenant1/deployments/service/dep1", body: fmt.Sprintf(serviceOp, "stop"), status: 200,
			want: []string{"/events VM_STOPPED", "/cb VM_STOPPED", "/events VM_STOPPED", "/cb VM_STOPPED", "/events VM_STOPPED", "/cb VM_STOPPED",
				"/events VM_STOPPED", "/cb VM_STOPPED", "/cb SERVICE_STOPPED"},
			message: "Service group suspension completed successfully"},
		{name: "deployment start", method: "POST", path: "/v0/tenant1/deployments/service/dep1", body: fmt.Sprintf(serviceOp, "start"), status: 200,
			want: []string{"/events VM_ALIVE", "/cb VM_ALIVE", "/events VM_ALIVE", "/cb VM_ALIVE", "/events VM_ALIVE", "/cb VM_ALIVE",
				"/events VM_ALIVE", "/cb VM_ALIVE", "/cb SERVICE_ALIVE"}},
		{name: "vm stop", method: "POST", path: "/v0/tenant1/deployments/vm/{vm0}", body: vmStop, status: 200,
			want: []string{"/events VM_STOPPED", "/cb VM_STOP_COMPLETE"}},
		{name: "vm reboot", method: "POST", path: "/v0/tenant1/deployments/vm/{vm1}", body: fmt.Sprintf(vmOp, "reboot"), status: 200,
			want: []string{"/events VM_STOPPED", "/events VM_ALIVE", "/cb VM_ALIVE"}},
		{name: "snapshot", method: "POST", path: "/v0/tenant1/deployments/snapshot-vm/{vm1}", body: `{"operation":"snapshot","name":"s1"}`, status: 201,
			want: []string{"/events VM_UPDATED", "/cb VM_UPDATED"}},
		{name: "host disable: events only", method: "POST", path: "/v0/hosts/my-ucs-2/disable", status: 200,
			want: []string{"/events SERVICE_UPDATED"}},
		{name: "synchronous write: nothing", method: "PUT", path: "/v0/config/log/level/trace", status: 200},
		{name: "refused request: nothing", method: "POST", path: "/v0/tenants/t2", body: tenantBody, status: 409},
		{name: "deployment delete", method: "DELETE", path: "/v0/deployments/dep1", status: 200,
			want: []string{"/cb SERVICE_STOPPED"}, message: "Service group undeployment completed successfully"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if strings.Contains(path, "{vm") {
				vms := vmNames(t, c, "dep1")
				path = strings.NewReplacer("{vm0}", vms[0], "{vm1}", vms[1]).Replace(path)
				c.rc.take()
			}
			rec := c.mustDo(tt.method, path, tt.body, tt.status)
			notes := c.rc.take()
			assert.Equal(t, tt.want, stages(t, notes))
			txn := rec.Header().Get(HeaderTransactionID)
			if len(tt.want) > 0 {
				assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, txn)
			}
			for i, n := range notes {
				assert.Equal(t, txn, n.Header.Get(HeaderTransactionID), "notification %d carries the transaction id of the answer", i)
				assert.Equal(t, "200", n.Header.Get(HeaderStatusCode))
				assert.NotEmpty(t, n.Header.Get(HeaderStatusMessage))
				assert.Equal(t, contentTypeNotification, n.Header.Get("Content-Type"))
				assert.Equal(t, "urn:ietf:params:xml:ns:netconf:base:1.0", rootOf(t, n.Body).Space)
			}
			if tt.message != "" {
				assert.Equal(t, tt.message, notes[len(notes)-1].Header.Get(HeaderStatusMessage))
			}
		})
	}
}

func TestCallbackHeaders(t *testing.T) {
	c := newClient(t, sim.Options{})
	// No Callback header: no notification (line 43), the request is still served.
	c.header = map[string]string{HeaderCallback: "", HeaderEvents: ""}
	rec := c.mustDo("POST", "/v0/tenants/t1", tenantBody, 200)
	assert.NotEmpty(t, rec.Header().Get(HeaderTransactionID))
	c.mustDo("POST", "/v0/deployments/dep1", datamodelBody("t1", "d", 1), 200)
	assert.Empty(t, c.rc.take())

	// Operations documenting "400 Missing callback" refuse without it.
	c.mustDo("POST", "/v0/t1/deployments/service/dep1", fmt.Sprintf(serviceOp, "stop"), 400)
	vm := vmNames(t, c, "dep1")[0]
	c.mustDo("POST", "/v0/t1/deployments/vm/"+vm, fmt.Sprintf(vmOp, "stop"), 400)
	c.mustDo("POST", "/v0/t1/deployments/snapshot-vm/"+vm, `{"name":"s"}`, 400)
	c.mustDo("POST", "/v0/t1/deployments/recovery-vm/"+vm, `{"operation":"recovery_do"}`, 200) // optional there

	// Only the Callback URL: no events.
	c.header = map[string]string{HeaderEvents: ""}
	c.mustDo("POST", "/v0/t1/deployments/vm/"+vm, fmt.Sprintf(vmOp, "stop"), 200)
	assert.Equal(t, []string{"/cb VM_STOP_COMPLETE"}, stages(t, c.rc.take()))

	// A Callback that is not an absolute URL is the documented 400.
	c.header = map[string]string{HeaderCallback: "not a url"}
	c.mustDo("POST", "/v0/tenants/t2", tenantBody, 400)
	c.header = map[string]string{HeaderEvents: "", "Callback- ESC-Events": c.rc.events()}
	c.mustDo("POST", "/v0/hosts/my-ucs-1/disable", "", 200)
	assert.Equal(t, []string{"/events SERVICE_UPDATED"}, stages(t, c.rc.take()), "the spelling with a space is understood (D15)")
}

// TestCallbackDeliveryOverTheWire serves the simulator on a real listener:
// the answer comes first, the notification after, and Close stops delivery.
func TestCallbackDeliveryOverTheWire(t *testing.T) {
	rc := newReceiver(t)
	s, err := NewWithConfig(sim.Options{}, Config{AuthDisabled: true, CallbackClient: &http.Client{Timeout: time.Second}})
	require.NoError(t, err)
	var results []sim.WebhookResult
	done := make(chan struct{}, 10)
	s.OnDelivery(func(r sim.WebhookResult) { results = append(results, r); done <- struct{}{} })
	srv := httptest.NewServer(s)
	defer srv.Close()

	req, _ := http.NewRequest("POST", srv.URL+ContextRoot+"/v0/flavors/f1", strings.NewReader(flavorBody))
	req.Header.Set("Content-Type", "application/xml")
	req.Header.Set(HeaderCallback, rc.cb())
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	s.Wait()
	<-done
	require.Len(t, results, 1)
	assert.NoError(t, results[0].Err)
	got := rc.take()
	require.Len(t, got, 1)
	assert.Equal(t, resp.Header.Get(HeaderTransactionID), got[0].Header.Get("ESC_TRANSACTION_ID"))
	assert.Equal(t, "CREATE_FLAVOR", parse(t, got[0].Body).text("event_type"))

	s.Close()
	req, _ = http.NewRequest("DELETE", srv.URL+ContextRoot+"/v0/flavors/f1", nil)
	req.Header.Set(HeaderCallback, rc.cb())
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode, "requests are still answered after Close")
	s.Wait()
	assert.Empty(t, rc.take(), "nothing is delivered after Close")
}

// transcript renders a run: every answer and every notification, headers
// sorted, with the receiver's address taken out.
func transcript(t *testing.T, opts sim.Options) string {
	t.Helper()
	var b strings.Builder
	for _, x := range run(t, opts) {
		fmt.Fprintf(&b, "%s %s -> %d\n%s%s\n", x.step.method, x.target, x.rec.code, headerLines(x.rec.header), x.rec.body)
		for _, n := range x.notes {
			h := n.Header.Clone()
			h.Del("Accept-Encoding")
			fmt.Fprintf(&b, "  POST %s\n%s%s\n", n.Path, headerLines(h), n.Body)
		}
	}
	return b.String()
}

func headerLines(h http.Header) string {
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(h[k], ", "))
	}
	return b.String()
}

func TestDeterminism(t *testing.T) {
	a := transcript(t, sim.Options{Seed: 42})
	b := transcript(t, sim.Options{Seed: 42})
	require.Equal(t, a, b, "same seed, same requests: byte-identical answers and notifications")
	assert.Contains(t, a, "  POST /cb\n")
	assert.Contains(t, a, "  POST /events\n")
	assert.NotEqual(t, a, transcript(t, sim.Options{Seed: 43}), "another seed gives other ids")
}

// TestDeleteWithCallbackNotURI shows a deletion whose Callback is not a URI (line 43) refused with
// the operation's documented 400 "Invalid Request": the resource stays and nothing is notified.
func TestDeleteWithCallbackNotURI(t *testing.T) {
	tests := []struct {
		name   string
		setup  [][3]string // method, target, body; each answers 200
		target string      // deleted, then read back
	}{
		{"a VIM user (lines 2490, 2498)", [][3]string{{"POST", "/v0/vims", vimBody}, {"POST", "/v0/vims/vim2/vim_users", vimUserBody}},
			"/v0/vims/vim2/vim_users/user1"},
		{"a subnet (lines 461, 472)", [][3]string{{"POST", "/v0/tenants/t1", tenantBody}, {"POST", "/v0/t1/networks/net1", networkBody}, {"POST", "/v0/t1/subnets/sub1", subnetBody}},
			"/v0/t1/subnets/sub1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, sim.Options{})
			for _, s := range tt.setup {
				c.mustDo(s[0], s[1], s[2], 200)
			}
			c.rc.take()
			c.header = map[string]string{HeaderCallback: "not-a-url"}
			rec := c.mustDo("DELETE", tt.target, "", 400)
			assert.Contains(t, rec.Body.String(), "Invalid Request")
			c.header = nil
			c.mustDo("GET", tt.target, "", 200)
			assert.Empty(t, c.rc.take())
		})
	}
}
