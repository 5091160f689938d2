package esc

import (
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// received is one notification a receiver got.
type received struct {
	Path   string
	Header http.Header
	Body   string
}

// receiver is an httptest server standing in for the ESC client's
// notification endpoints; /cb and /events are the two URLs tests give.
type receiver struct {
	srv *httptest.Server
	mu  sync.Mutex
	got []received
}

func newReceiver(t *testing.T) *receiver {
	t.Helper()
	rc := &receiver{}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.got = append(rc.got, received{Path: r.URL.Path, Header: r.Header.Clone(), Body: string(b)})
		rc.mu.Unlock()
		w.WriteHeader(http.StatusOK)
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) cb() string     { return rc.srv.URL + "/cb" }
func (rc *receiver) events() string { return rc.srv.URL + "/events" }

// take returns what arrived so far and forgets it.
func (rc *receiver) take() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	out := rc.got
	rc.got = nil
	return out
}

// client drives a simulator in-process with the default credentials and
// the receiver's URLs in Callback and Callback-ESC-Events.
type client struct {
	t  *testing.T
	s  *Simulator
	rc *receiver
	// noAuth leaves out the Authorization header.
	noAuth bool
	// header adds or removes (empty value) request headers.
	header map[string]string
}

func newSim(t *testing.T, opts sim.Options) *Simulator {
	t.Helper()
	s, err := New(opts)
	require.NoError(t, err)
	t.Cleanup(s.Close)
	return s
}

func newClient(t *testing.T, opts sim.Options) *client {
	t.Helper()
	return &client{t: t, s: newSim(t, opts), rc: newReceiver(t)}
}

// do sends one request and waits for the notifications it causes.
func (c *client) do(method, target, body string) *httptest.ResponseRecorder {
	c.t.Helper()
	req := httptest.NewRequest(method, ContextRoot+target, strings.NewReader(body))
	if body != "" {
		ct := "application/xml"
		if strings.HasPrefix(strings.TrimSpace(body), "{") {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("Accept", "application/xml")
	if !c.noAuth {
		req.SetBasicAuth(DefaultUsername, DefaultPassword)
	}
	if method != http.MethodGet {
		req.Header.Set(HeaderCallback, c.rc.cb())
		req.Header.Set(HeaderEvents, c.rc.events())
	}
	for k, v := range c.header {
		if v == "" {
			req.Header.Del(k)
		} else {
			req.Header.Set(k, v)
		}
	}
	rec := httptest.NewRecorder()
	c.s.ServeHTTP(rec, req)
	c.s.Wait()
	return rec
}

func (c *client) get(target string) *httptest.ResponseRecorder {
	return c.do(http.MethodGet, target, "")
}

// mustDo sends a request that must answer want.
func (c *client) mustDo(method, target, body string, want int) *httptest.ResponseRecorder {
	c.t.Helper()
	rec := c.do(method, target, body)
	require.Equal(c.t, want, rec.Code, "%s %s: %s", method, target, rec.Body.String())
	return rec
}

// parse reads an XML body into a generic tree.
func parse(t *testing.T, body string) *node {
	t.Helper()
	n, err := parseXML([]byte(body))
	require.NoError(t, err, body)
	return n
}

// rootOf returns the root element's namespace and local name.
func rootOf(t *testing.T, body string) xml.Name {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(body))
	for {
		tok, err := dec.Token()
		require.NoError(t, err, body)
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name
		}
	}
}

// Request bodies used across tests.
const (
	tenantBody  = `<tenant xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>example-tenant</name><managed_resource>true</managed_resource></tenant>`
	networkBody = `<network><name>mgmt</name><shared>false</shared><admin_state_up>true</admin_state_up></network>`
	subnetBody  = `<subnet><name>mgmt-sub</name><internal_network_id>net1</internal_network_id><cidr>10.0.0.0/24</cidr><gateway_ip>10.0.0.1</gateway_ip></subnet>`
	imageBody   = `<?xml version="1.0"?><image xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>uLinuxImg</name><src>http://files.example/myULinux.qcow2</src><disk_bus>virtio</disk_bus></image>`
	flavorBody  = `<?xml version="1.0"?><flavor xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><name>lightVMFlavor</name><vcpus>2</vcpus><memory_mb>2048</memory_mb></flavor>`
	volumeBody  = `<volume><name>vol</name><size>2</size><sizeunit>GiB</sizeunit><bus>virtio</bus><type>lvm</type></volume>`
	routerBody  = `<router><name>r1</name><admin_state>true</admin_state><interface><subnetId>sub1</subnetId></interface></router>`
	vimBody     = `<vim_connector><id>vim2</id><type>OPENSTACK</type><properties><property><name>os_auth_url</name><value>http://192.0.2.20:5000/v3</value></property></properties></vim_connector>`
	vimUserBody = `<vim_user><id>user1</id><credentials><properties><property><name>os_password</name><value>secret</value></property><property><name>os_user_domain_name</name><value>default</value></property></properties></credentials></vim_user>`
	fileServer  = `<file_server><id>fs1</id><base_url>http://files.example/share</base_url><file_server_user>u</file_server_user></file_server>`
	actionBody  = `<actions><action><name>TRUE myscript.sh</name><type>SCRIPT</type></action></actions>`
	metricBody  = `<metrics><metric><name>MYMETRIC</name><type>SNMPGet</type></metric></metrics>`
)

// datamodel builds a deployment request: one tenant, one deployment, groups
// "ASA-1" (and more by name), each with min_active VMs.
func datamodelBody(tenantName, depName string, minActive int, groups ...string) string {
	if len(groups) == 0 {
		groups = []string{"ASA-1"}
	}
	var b strings.Builder
	b.WriteString(`<esc_datamodel xmlns="http://www.cisco.com/esc/esc" xmlns:ns2="urn:ietf:params:xml:ns:netconf:notification"><tenants><tenant><name>`)
	b.WriteString(tenantName + `</name><deployments><deployment><name>` + depName + `</name>`)
	for _, g := range groups {
		b.WriteString(`<vm_group><name>` + g + `</name><bootup_time>300</bootup_time><image>ASA</image>`)
		b.WriteString(`<interfaces><interface><nicid>1</nicid><network>MgtNetwork</network><ip_address>18.0.0.16</ip_address></interface></interfaces>`)
		b.WriteString(`<scaling><min_active>` + itoa(minActive) + `</min_active><max_active>` + itoa(minActive) + `</max_active><elastic>true</elastic></scaling>`)
		b.WriteString(`<kpi_data><kpi><event_name>VM_ALIVE</event_name><metric_value>1</metric_value><metric_cond>GT</metric_cond><metric_type>UINT32</metric_type>`)
		b.WriteString(`<metric_collector><type>ICMPPing</type><nicid>1</nicid><poll_frequency>3</poll_frequency><polling_unit>seconds</polling_unit><continuous_alarm>false</continuous_alarm></metric_collector></kpi></kpi_data>`)
		b.WriteString(`<rules><admin_rules><rule><event_name>VM_ALIVE</event_name><action>"ALWAYS log"</action><action>"TRUE myscript.sh"</action></rule></admin_rules></rules>`)
		b.WriteString(`<placement><type>zone_host</type><zone>MY_CLUSTER1</zone></placement></vm_group>`)
	}
	b.WriteString(`</deployment></deployments></tenant></tenants></esc_datamodel>`)
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

// vmNames lists the VM names of a deployment, from GET /v0/deployments/{id}.
func vmNames(t *testing.T, c *client, depID string) []string {
	t.Helper()
	rec := c.mustDo("GET", "/v0/deployments/"+depID, "", 200)
	var names []string
	for _, d := range parse(t, rec.Body.String()).children("deployment_details") {
		names = append(names, d.text("vm_name"))
	}
	sort.Strings(names)
	return names
}
