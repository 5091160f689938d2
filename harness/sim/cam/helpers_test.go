package cam

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// q is the query of a call in namespace cc-dev.
const q = "tenantId=" + DefaultTenantID + "&ace_orgGuid=all&cloudOE_spaceGuid=cc-dev"

// qNoNS is the query of a call that names no namespace.
const qNoNS = "tenantId=" + DefaultTenantID + "&ace_orgGuid=all"

const base = "/cam/composer/api/v1"

// client drives a simulator in-process with a bearer token.
type client struct {
	t     *testing.T
	s     *Simulator
	token string
	// log keeps every exchange, in order.
	log []exchange
}

// exchange is one request and its answer.
type exchange struct {
	method, target, contentType, body string
	rec                               *httptest.ResponseRecorder
}

func newSim(t *testing.T, opts sim.Options) *Simulator {
	t.Helper()
	s, err := New(opts)
	require.NoError(t, err)
	return s
}

// newClient returns an authenticated client on a new simulator.
func newClient(t *testing.T, opts sim.Options) *client {
	t.Helper()
	return &client{t: t, s: newSim(t, opts), token: DefaultToken}
}

func (c *client) send(method, target, contentType, body string) *httptest.ResponseRecorder {
	c.t.Helper()
	var req *http.Request
	if body == "" {
		req = httptest.NewRequest(method, target, nil)
	} else {
		req = httptest.NewRequest(method, target, strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
	}
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	rec := httptest.NewRecorder()
	c.s.ServeHTTP(rec, req)
	c.log = append(c.log, exchange{method: method, target: target, contentType: contentType, body: body, rec: rec})
	return rec
}

func (c *client) do(method, target, body string) *httptest.ResponseRecorder {
	c.t.Helper()
	return c.send(method, target, "application/json", body)
}

func (c *client) get(target string) *httptest.ResponseRecorder {
	return c.do(http.MethodGet, target, "")
}

// must sends a request that must answer want and returns its decoded body.
func (c *client) must(want int, method, target, body string) any {
	c.t.Helper()
	rec := c.do(method, target, body)
	require.Equal(c.t, want, rec.Code, "%s %s: %s", method, target, rec.Body.String())
	return decode(c.t, rec)
}

// decode parses a JSON body into a generic value.
func decode(t *testing.T, rec *httptest.ResponseRecorder) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &v), rec.Body.String())
	return v
}

// dig walks objects and arrays by keys and indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// definition is a service definition with two input parameters (one
// secured) and one template that takes the secured one.
func definitionBody(name, version, extra string) string {
	return fmt.Sprintf(`{%s"service": {"specVersion": "v3", "version": %q,
	"catalog_metadata": {"name": %q, "image": "serviceicon_1.svg", "bindable": true, "updatable": ""},
	"tags": [{"name": "service_name", "label": "service_name", "type": "string", "secured": false, "default": "${svc_instance.name}"}],
	"actions": [{"type": "provision", "name": "Provision", "input_parameters": [
		{"name": "url", "label": "Rest URL", "type": "string", "secured": false, "default": "https://example.test/1"},
		{"name": "db_password", "label": "DB password", "type": "password", "secured": true, "default": "default-secret"}],
		"flow": {"templates": [{"T": {"title": "T", "template_name": "T", "version": "2.3", "id": "tmpl1", "template_type": "Terraform",
			"cloud_connection_name": "", "template_params": {"": "x", "zone": "Z1", "admin_password": "${input_parameters.db_password}"}}}],
			"sequence": {"0": "tmpl1"}}}],
	"plans": [{"name": "Standard", "actions": [], "plan_parameters": []}]}}`, extra, version, name)
}

// deployBody deploys instance name with the given url value.
func deployBody(name, url string) string {
	return fmt.Sprintf(`{"name": %q, "instance_plan": "Standard",
	"tags_input": [{"value": "${svc_instance.name}", "label": "service_name", "name": "service_name", "secured": false}],
	"action": "Provision", "resourceProperties": {"templateParameters": [], "specifications": [
		{"name": "url", "label": "Rest URL", "value": %q, "secured": false},
		{"name": "db_password", "label": "DB password", "value": "instance-secret", "secured": true}]},
	"ownership": {"username": "admin", "displayName": "admin", "orgGuid": "all", "spaceGuid": "cc-dev", "tenantId": ""}}`, name, url)
}

// publishedService creates and publishes a service in cc-dev and returns its
// service and manifest ids. It tolerates the faults that change statuses and
// drop service_id, so fault tests can build on it.
func (c *client) publishedService(name string) (service, manifest string) {
	c.t.Helper()
	rec := c.do("POST", base+"/ServiceManifest?"+q, definitionBody(name, "1.0.0.0", ""))
	require.Less(c.t, rec.Code, 300, rec.Body.String())
	res := decode(c.t, rec)
	service, _ = dig(res, "service_id").(string)
	manifest, _ = dig(res, "id").(string)
	if service == "" {
		m := c.s.manifests[manifest]
		require.NotNil(c.t, m)
		service = m.svc.id
	}
	rec = c.do("PUT", base+"/Service/"+service+"?"+q, `{"status": "Published"}`)
	require.Less(c.t, rec.Code, 300, rec.Body.String())
	return service, manifest
}

// deploy deploys a service in cc-dev and returns the instance id.
func (c *client) deploy(service, name, url string) string {
	c.t.Helper()
	rec := c.do("POST", base+"/Service/"+service+"/ServiceInstances?"+q, deployBody(name, url))
	require.Less(c.t, rec.Code, 300, rec.Body.String())
	return dig(decode(c.t, rec), "id").(string)
}

// status reads an instance (which moves it one step) and returns its Status.
func (c *client) status(instance string) string {
	c.t.Helper()
	s, _ := dig(c.must(200, "GET", base+"/ServiceInstances/"+instance+"?"+q, ""), "Status").(string)
	return s
}

const iconUpload = "--b\r\nContent-Disposition: form-data; name=\"icon\"; filename=\"mine.svg\"\r\nContent-Type: image/svg+xml\r\n\r\n<svg/>\r\n--b--\r\n"
