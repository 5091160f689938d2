package cam

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// TestDocumentedAndInferredBreaks shows the two verdicts on the cam contract:
// breaking what the document states fails a response; breaking what the
// contract only infers (an example's enum, a status the document never
// gives) is a deviation, which fails only when strict. What the document
// leaves open (a field of a later revision, a list parameter's array
// default) is neither.
func TestDocumentedAndInferredBreaks(t *testing.T) {
	v := loadValidator(t)
	const instance = `{"id": "5e574fe2dc44840015c8093b", "name": "web-01", "Status": %s}`
	const saved = `{"ServiceEngine_InputFile": {"service": {"catalog_metadata": {"name": "s"}}}, "service_id": "5cf5fd6e30483a00144c919f", "id": "5cf5fd6e30483a00144c919e"}`
	tests := []struct {
		name, method, target string
		status               int
		body                 string
		failure              string // a documented problem ("" for none)
		deviation            string // an inferred one ("" for none)
	}{
		{"the name and id of an uploaded icon, which the document states (line 2800)", "POST", "/icons/upload?" + qNoNS, 200,
			`{"res": {"id": "5czdb1bc1b47001cbc556"}}`, "missing properties: 'name'", ""},
		{"an instance status outside the values of the examples", "GET", "/ServiceInstances/5e574fe2dc44840015c8093b?" + q, 200,
			strings.Replace(instance, "%s", `"Paused"`, 1), "", `value must be one of "Submitted", "In Progress"`},
		{"a status the document never gives", "POST", "/ServiceManifest?" + q, 201, saved,
			"", "the document gives no status for this operation"},
		{"both at once: the stated name missing, the id not of the example's type", "POST", "/icons/upload?" + qNoNS, 200,
			`{"res": {"id": 7}}`, "missing properties: 'name'", "expected string, but got number"},
		{"a field a later revision adds", "GET", "/ServiceInstances/5e574fe2dc44840015c8093b?" + q, 200,
			`{"id": "5e574fe2dc44840015c8093b", "name": "web-01", "Status": "Active", "costCenter": "cc-4471", "ownership": {"team": "x"}}`, "", ""},
		{"a list parameter's array default", "GET", "/ServiceInstances/5e574fe2dc44840015c8093b/getInputParameters?" + q, 200,
			`{"id": "5e574fe2dc44840015c8093b", "name": "web-01", "Status": "Active", "InputParameters": {"input_parameters": [
				{"name": "zones", "type": "list", "default": ["eu-de-1", "eu-de-2"], "value": ["eu-de-1"]},
				{"name": "labels", "type": "map", "default": {"env": "stg"}}]}}`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := url.Parse(base + tt.target)
			require.NoError(t, err)
			x := &validate.Exchange{Method: tt.method, URL: u, Status: tt.status,
				Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(tt.body)}
			v.Strict = false
			devs, err := v.ValidateAll(x)
			if tt.failure == "" {
				assert.NoError(t, err)
			} else {
				var ce *validate.ContractError
				require.True(t, errors.As(err, &ce), "%v", err)
				require.Len(t, ce.Problems, 1, "%v", ce)
				assert.Contains(t, ce.Problems[0].String(), tt.failure)
				assert.False(t, ce.Problems[0].Deviation())
			}
			if tt.deviation == "" {
				assert.Empty(t, devs)
			} else {
				require.Len(t, devs, 1)
				assert.True(t, devs[0].Deviation())
				assert.Contains(t, devs[0].String(), tt.deviation)
				assert.Contains(t, devs[0].String(), "(a deviation: the expectation is inferred from the document's")
			}

			v.Strict = true
			devs, err = v.ValidateAll(x)
			assert.Empty(t, devs)
			if tt.failure == "" && tt.deviation == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			for _, want := range []string{tt.failure, tt.deviation} {
				assert.Contains(t, err.Error(), want)
			}
		})
	}
}

// TestGlobalServiceDeploysWithoutNamespace: the namespace of a deployment is
// optional for a service of the global namespace (line 1062); a service of a
// namespace deploys in that namespace only.
func TestGlobalServiceDeploysWithoutNamespace(t *testing.T) {
	v := loadValidator(t)
	v.Strict = true
	c := newClient(t, sim.Options{})
	global := str(dig(c.must(200, "POST", base+"/ServiceManifest?"+qNoNS, definitionBody("global-svc", "1.0.0.0", "")), "service_id"))
	c.must(200, "PUT", base+"/Service/"+global+"?"+qNoNS, `{"status": "Published"}`)
	local, _ := c.publishedService("local-svc")

	rec := c.do("POST", base+"/Service/"+global+"/ServiceInstances?"+qNoNS, deployBody("g-01", "https://example.test/1"))
	require.Equal(t, 200, rec.Code, rec.Body.String())
	assert.Equal(t, "", dig(decode(t, rec), "namespaceId"))
	rec = c.do("POST", base+"/Service/"+local+"/ServiceInstances?"+qNoNS, deployBody("l-01", "https://example.test/1"))
	assert.Equal(t, 404, rec.Code, rec.Body.String())

	for _, x := range c.log {
		u, err := url.Parse(x.target)
		require.NoError(t, err)
		op, _, err := v.API.Find(x.method, u.Path, u.RawQuery)
		require.NoError(t, err)
		if op.ID != "createServiceInstance" {
			continue
		}
		for _, p := range op.Op.Parameters {
			if p.Value.Name == "cloudOE_spaceGuid" {
				assert.False(t, p.Value.Required, "cloudOE_spaceGuid is optional for a global service (line 1062)")
			}
		}
		ex := &validate.Exchange{Method: x.method, URL: u, Status: x.rec.Code, Header: x.rec.Header(), Body: x.rec.Body.Bytes()}
		assert.NoError(t, v.Validate(ex), x.target)
	}
}
