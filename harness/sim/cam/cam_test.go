package cam

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// tour calls every one of the 29 operations, with a spread of documented
// errors, and leaves the exchanges in c.log. It asserts only what the tour
// needs to go on, so a fault that breaks shapes does not stop it.
func tour(c *client) {
	t := c.t
	t.Helper()
	res := decode(t, c.do("POST", base+"/ServiceManifest?"+q, definitionBody("tour", "1.0.0.0", "")))
	service, m1 := str(dig(res, "service_id")), str(dig(res, "id"))
	if service == "" { // missing-required-field drops service_id: find it in the list
		service = str(dig(decode(t, c.get(base+"/service?"+q)), 0, "id"))
	}
	c.do("PUT", base+"/ServiceManifest/"+m1+"?"+q, `{"ServiceEngine_InputFile": `+definitionBody("tour", "1.0.0.0", "")+`}`)
	res = decode(t, c.do("POST", base+"/ServiceManifest?"+q, definitionBody("tour", "2.0.0.0", `"service_id": "`+service+`", `)))
	m2 := str(dig(res, "id"))
	c.do("PUT", base+"/Service/"+service+"?"+q, `{"status": "Published"}`)
	c.do("PUT", base+"/ServiceManifest/"+m2+"?"+q, definitionBody("tour", "2.0.0.0", "")) // 400: published
	c.get(base + "/service?" + q)
	c.get(base + "/service?" + qNoNS)

	action := str(dig(decode(t, c.do("POST", base+"/Actions/createAction?"+q, `{"type": "provision", "name": "act", "flow": {"templates": []}}`)), "id"))
	c.do("POST", base+"/ActionInstances/invokeAction?"+q, `{"action_data": {"action_id": "`+action+`", "name": "inst2 "}}`)

	inst := str(dig(decode(t, c.do("POST", base+"/ServiceManifest/"+m1+"/deploy?"+q, deployBody("one", "https://example.test/2"))), "id"))
	c.get(base + "/ServiceInstances/" + inst + "?" + q)
	c.get(base + "/ServiceInstances/" + inst + "/getInputParameters?" + q)
	res = decode(t, c.get(base+"/ServiceInstances/"+inst+"?filter[include]=UpgradePaths&filter[include]=DowngradePaths&"+q))
	change := str(dig(res, "UpgradePaths", 0, "id"))
	c.do("POST", base+"/ServiceInstances/"+inst+"/versionChangeInputParameters?"+q, `{"versionChangeId": "`+change+`"}`)
	c.do("POST", base+"/ServiceInstances/"+inst+"/submitVersionChange?"+q, `{"versionChangeId": "`+change+`", "instance_parameters": {"url": "https://example.test/3"}, "plan": ""}`)
	c.get(base + "/ServiceInstances/" + inst + "?" + q)
	c.get(base + "/ServiceInstances/" + inst + "?filter[include]=DowngradePaths&" + q)
	c.do("POST", base+"/ServiceInstances/updateServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+inst+`", "update_details": {"instance_parameters": {"url": "https://example.test/4"}}}`)
	c.get(base + "/ServiceInstances/" + inst + "?" + q)
	c.get(base + "/ServiceInstances/" + inst + "?" + q)
	bind := str(dig(decode(t, c.do("POST", base+"/ServiceInstances/bindServiceInstance?"+qNoNS, `{"bindDetails": {"serviceInstanceId": "`+inst+`", "instance_parameters": {"u": "v"}}}`)), "name"))
	c.do("POST", base+"/ServiceInstances/deleteBindInstance?"+qNoNS, `{"serviceInstanceId": "`+inst+`", "name": "`+bind+`"}`)

	bad := str(dig(decode(t, c.do("POST", base+"/Service/"+service+"/ServiceInstances?"+q, deployBody("two", "https://host"+FailMarker))), "id"))
	c.get(base + "/ServiceInstances/" + bad + "?" + q)
	c.get(base + "/ServiceInstances/" + bad + "?" + q)
	c.do("POST", base+"/ServiceInstances/retryServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+bad+`", "retry_details": {"is_partial": false}}`)
	c.do("POST", base+"/ServiceInstances/resumeServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+bad+`", "resume_details": {"instance_parameters": {"url": "https://example.test/5"}}}`)
	c.get(base + "/ServiceInstances?" + q)

	locked := str(dig(decode(t, c.do("POST", base+"/Service/"+service+"/ServiceInstances?"+q, deployBody("three", "https://example.test/6"))), "id"))
	c.get(base + "/ServiceInstances/" + locked + "?" + q)
	c.do("POST", base+"/ServiceInstances/cleanupServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+locked+`", "force": true}`) // 419
	c.do("POST", base+"/ServiceInstances/cleanupServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+bad+`", "force": false}`)
	c.do("DELETE", base+"/ServiceInstances/"+inst+"?"+q, "")
	c.get(base + "/ServiceInstances/" + inst + "?" + q) // 404: terminated

	c.do("POST", base+"/Service/retireService?"+qNoNS, `{"serviceID": "`+service+`"}`)
	c.do("POST", base+"/ServiceManifest/"+service+"/unretire?"+qNoNS, `{"serviceID": "`+service+`"}`)
	c.do("POST", base+"/Service/encryptServiceData?"+qNoNS, `{"service_id": "`+service+`"}`)
	c.do("POST", base+"/Service/encryptServiceData?"+qNoNS, definitionBody("enc", "1.0.0.0", ""))

	c.get(base + "/icons?" + qNoNS)
	c.get(base + "/icons?" + qNoNS + "&filter[where][name]=serviceicon_1.svg")
	icon := str(dig(decode(t, c.send("POST", base+"/icons/upload?"+qNoNS, "multipart/form-data; boundary=b", iconUpload)), "res", "id"))
	c.get(base + "/icons/name/mine.svg?" + qNoNS)
	c.do("DELETE", base+"/icons/"+icon+"?"+qNoNS, "")
	c.do("DELETE", base+"/icons/"+icon+"?"+qNoNS, "")                                   // 404
	c.get(base + "/icons/name/mine.svg?" + qNoNS)                                       // 404
	c.do("PUT", base+"/Service/000000000000000000000000?"+q, `{"status": "Published"}`) // 404
	tok := c.token
	c.token = ""
	c.get(base + "/ServiceInstances?" + q) // 401
	c.token = tok
}

// TestTourAnswers pins the status of each step of the tour.
func TestTourAnswers(t *testing.T) {
	c := newClient(t, sim.Options{})
	tour(c)
	var got []string
	for _, x := range c.log {
		got = append(got, x.method+" "+strings.SplitN(x.target, "?", 2)[0][len(base):]+" "+http.StatusText(x.rec.Code))
	}
	codes := map[int]int{}
	for _, x := range c.log {
		codes[x.rec.Code]++
	}
	assert.Equal(t, map[int]int{200: 40, 400: 1, 401: 1, 404: 4, 419: 1}, codes, strings.Join(got, "\n"))
}

func TestLifecycle(t *testing.T) {
	tests := []struct {
		name   string
		url    string
		faults []string
		want   []string
	}{
		{name: "deployment succeeds", url: "https://example.test/1", want: []string{"In Progress", "Active", "Active"}},
		{name: "invalid host fails", url: "https://jsonplaceholder" + FailMarker, want: []string{"In Progress", "Error", "Error"}},
		{name: "stuck", url: "https://example.test/1", faults: []string{FaultInstanceStuck}, want: []string{"Submitted", "Submitted", "Submitted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, sim.Options{Faults: tt.faults})
			service, _ := c.publishedService("svc")
			inst := c.deploy(service, "inst", tt.url)
			var got []string
			for range tt.want {
				got = append(got, c.status(inst))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestRetryAfterError(t *testing.T) {
	for _, op := range []string{"retryServiceInstance", "resumeServiceInstance", "updateServiceInstance"} {
		t.Run(op, func(t *testing.T) {
			c := newClient(t, sim.Options{})
			service, _ := c.publishedService("svc")
			inst := c.deploy(service, "inst", "https://bad"+FailMarker)
			c.status(inst)
			require.Equal(t, "Error", c.status(inst))
			details := map[string]string{"retryServiceInstance": "retry_details", "resumeServiceInstance": "resume_details", "updateServiceInstance": "update_details"}[op]
			res := c.must(200, "POST", base+"/ServiceInstances/"+op+"?"+qNoNS,
				`{"serviceInstanceId": "`+inst+`", "`+details+`": {"instance_parameters": {"url": "https://good.test"}}}`)
			assert.Equal(t, "Submitted", dig(res, "Status"))
			c.status(inst)
			assert.Equal(t, "Active", c.status(inst))
			in := c.must(200, "GET", base+"/ServiceInstances/"+inst+"/getInputParameters?"+q, "")
			assert.Equal(t, "https://good.test", dig(in, "InputParameters", "input_parameters", 0, "value"))
		})
	}
}

func TestCleanup(t *testing.T) {
	tests := []struct {
		name   string
		url    string
		reads  int
		force  bool
		faults []string
		want   int
		count  any
		gone   bool
	}{
		{name: "locked while in progress", reads: 1, force: true, want: 419},
		{name: "lock ignored", reads: 1, force: true, faults: []string{FaultLockIgnored}, want: 200, count: float64(1), gone: true},
		{name: "active kept without force", reads: 2, force: false, want: 200, count: float64(0)},
		{name: "active removed with force", reads: 2, force: true, want: 200, count: float64(1), gone: true},
		{name: "error removed without force", url: "https://x" + FailMarker, reads: 2, force: false, want: 200, count: float64(1), gone: true},
		{name: "submitted removed", reads: 0, force: true, want: 200, count: float64(1), gone: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newClient(t, sim.Options{Faults: tt.faults})
			service, _ := c.publishedService("svc")
			url := tt.url
			if url == "" {
				url = "https://example.test"
			}
			inst := c.deploy(service, "inst", url)
			for range tt.reads {
				c.status(inst)
			}
			force := "false"
			if tt.force {
				force = "true"
			}
			res := c.must(tt.want, "POST", base+"/ServiceInstances/cleanupServiceInstance?"+qNoNS, `{"serviceInstanceId": "`+inst+`", "force": `+force+`}`)
			if tt.want == 419 {
				assert.Equal(t, "419", dig(res, "error", "statusCode"))
				assert.Contains(t, dig(res, "error", "message"), "ResourceLockError: Failed to obtain lock for resource stack_")
				return
			}
			assert.Equal(t, tt.count, dig(res, "count"))
			code := c.get(base + "/ServiceInstances/" + inst + "?" + q).Code
			assert.Equal(t, tt.gone, code == 404, "read after cleanup answered %d", code)
		})
	}
}

func TestTerminate(t *testing.T) {
	c := newClient(t, sim.Options{})
	service, _ := c.publishedService("svc")
	inst := c.deploy(service, "inst", "https://example.test")
	res := c.must(200, "DELETE", base+"/ServiceInstances/"+inst+"?"+q, "")
	assert.Equal(t, "Terminate", dig(res, "action"))
	assert.Equal(t, "In Progress", dig(res, "Status"))
	assert.Equal(t, 404, c.get(base+"/ServiceInstances/"+inst+"?"+q).Code)
}

func TestNamespaceScoping(t *testing.T) {
	c := newClient(t, sim.Options{})
	service, manifest := c.publishedService("svc")
	other := "tenantId=" + DefaultTenantID + "&ace_orgGuid=all&cloudOE_spaceGuid=cc-other"
	global := decode(t, c.do("POST", base+"/ServiceManifest?"+qNoNS, definitionBody("global", "1.0.0.0", "")))
	globalID := str(dig(global, "service_id"))
	c.must(200, "PUT", base+"/Service/"+globalID+"?"+qNoNS, `{"status": "Published"}`)
	inst := c.deploy(service, "inst", "https://example.test")
	tests := []struct {
		name, method, target, body string
		want                       int
	}{
		{"deploy a service of cc-dev in cc-other", "POST", base + "/Service/" + service + "/ServiceInstances?" + other, deployBody("x", "u"), 404},
		{"deploy a version of cc-dev in cc-other", "POST", base + "/ServiceManifest/" + manifest + "/deploy?" + other, deployBody("x", "u"), 404},
		{"deploy a global service in cc-other", "POST", base + "/Service/" + globalID + "/ServiceInstances?" + other, deployBody("x", "u"), 200},
		{"read an instance of cc-dev from cc-other", "GET", base + "/ServiceInstances/" + inst + "?" + other, "", 404},
		{"retry names no namespace", "POST", base + "/ServiceInstances/retryServiceInstance?" + qNoNS, `{"serviceInstanceId": "` + inst + `"}`, 200},
		{"retry from cc-other", "POST", base + "/ServiceInstances/retryServiceInstance?" + other, `{"serviceInstanceId": "` + inst + `"}`, 404},
		{"publish a service of cc-dev from cc-other", "PUT", base + "/Service/" + service + "?" + other, `{"status": "Published"}`, 404},
		{"another tenant", "GET", base + "/service?tenantId=someone-else&ace_orgGuid=all", "", 401},
		{"no tenant", "GET", base + "/service?ace_orgGuid=all", "", 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := c.do(tt.method, tt.target, tt.body)
			assert.Equal(t, tt.want, rec.Code, rec.Body.String())
		})
	}
	list := decode(t, c.get(base+"/service?"+other)).([]any)
	require.Len(t, list, 1, "cc-other sees the global service only")
	assert.Equal(t, globalID, dig(list, 0, "id"))
}

func TestAuthentication(t *testing.T) {
	tests := []struct {
		name   string
		token  string
		creds  []sim.Credential
		faults []string
		want   int
	}{
		{name: "default token", token: DefaultToken, want: 200},
		{name: "no token", want: 401},
		{name: "unknown token", token: "nope", want: 401},
		{name: "configured token", token: "configured", creds: []sim.Credential{{Token: "configured"}}, want: 200},
		{name: "default token not accepted when others are configured", token: DefaultToken, creds: []sim.Credential{{Token: "configured"}}, want: 401},
		{name: "token not enforced", faults: []string{FaultTokenNotEnforced}, want: 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &client{t: t, s: newSim(t, sim.Options{Credentials: tt.creds, Faults: tt.faults}), token: tt.token}
			rec := c.get(base + "/ServiceInstances?" + q)
			assert.Equal(t, tt.want, rec.Code, rec.Body.String())
			if tt.want == 401 {
				assert.EqualValues(t, 401, dig(decode(t, rec), "error", "statusCode"))
				assert.Equal(t, sim.ContentTypeJSON, rec.Header().Get("Content-Type"))
			}
		})
	}
}

// TestSecretsAreEchoed checks that the answers carry the secrets the document
// shows in clear: the requester's token (Bearer_Token), secured values, and
// the flattened template_params_* of activity records. The harness must
// redact them; this is what makes its canary test meaningful.
func TestSecretsAreEchoed(t *testing.T) {
	c := &client{t: t, s: newSim(t, sim.Options{Credentials: []sim.Credential{{Username: "u", Token: "canary-token-123"}}}), token: "canary-token-123"}
	service, _ := c.publishedService("svc")
	inst := c.deploy(service, "inst", "https://example.test")
	res := c.must(200, "GET", base+"/ServiceInstances/"+inst+"/getInputParameters?"+q, "")
	assert.Equal(t, "canary-token-123", dig(res, "Bearer_Token"))
	assert.Equal(t, "instance-secret", dig(res, "activity_deployment_details", "instance", "tmpl1", "template_params_admin_password"))
	assert.Equal(t, "instance-secret", dig(res, "InputParameters", "input_parameters", 1, "value"))
	assert.Equal(t, "3", dig(res, "activity_deployment_details", "instance", "tmpl1", "template_params_%"))
}

func TestVersionChange(t *testing.T) {
	c := newClient(t, sim.Options{})
	res := c.must(200, "POST", base+"/ServiceManifest?"+q, definitionBody("svc", "1.1.1.1", ""))
	service, v1 := str(dig(res, "service_id")), str(dig(res, "id"))
	v2 := str(dig(c.must(200, "POST", base+"/ServiceManifest?"+q, definitionBody("svc", "2.2.2.2", `"service_id": "`+service+`", `)), "id"))
	c.must(200, "PUT", base+"/Service/"+service+"?"+q, `{"status": "Published"}`)
	inst := str(dig(c.must(200, "POST", base+"/ServiceManifest/"+v1+"/deploy?"+q, deployBody("i", "https://a")), "id"))
	res = c.must(200, "GET", base+"/ServiceInstances/"+inst+"?filter[include]=UpgradePaths&filter[include]=DowngradePaths&"+q, "")
	require.Len(t, dig(res, "UpgradePaths"), 1)
	assert.Empty(t, dig(res, "DowngradePaths"))
	change := str(dig(res, "UpgradePaths", 0, "id"))
	assert.Equal(t, v2, dig(res, "UpgradePaths", 0, "toVersionId"))

	again := c.must(200, "GET", base+"/ServiceInstances/"+inst+"?filter[include]=UpgradePaths&"+q, "")
	assert.Equal(t, change, dig(again, "UpgradePaths", 0, "id"), "a path keeps its id")
	assert.Nil(t, dig(again, "DowngradePaths"), "only what is included")

	vc := c.must(200, "POST", base+"/ServiceInstances/"+inst+"/versionChangeInputParameters?"+q, `{"versionChangeId": "`+change+`"}`)
	assert.Equal(t, "2.2.2.2", dig(vc, "VersionChangeInputParameters", "toVersion"))
	assert.Equal(t, "https://a", dig(vc, "VersionChangeInputParameters", "input_parameters", 0, "default"))
	c.must(404, "POST", base+"/ServiceInstances/"+inst+"/versionChangeInputParameters?"+q, `{"versionChangeId": "nope"}`)

	c.must(200, "POST", base+"/ServiceInstances/"+inst+"/submitVersionChange?"+q, `{"versionChangeId": "`+change+`", "instance_parameters": {}, "plan": ""}`)
	c.status(inst)
	require.Equal(t, "Active", c.status(inst))
	res = c.must(200, "GET", base+"/ServiceInstances/"+inst+"?filter[include]=UpgradePaths&filter[include]=DowngradePaths&"+q, "")
	assert.Equal(t, v2, dig(res, "serviceManifestId"))
	assert.Equal(t, v1, dig(res, "DowngradePaths", 0, "toVersionId"))
	assert.Equal(t, "UPGRADE", dig(res, "actionInstanceDetails", 1, "versionChangeDetails", "versionChangeType"))
	assert.Equal(t, 1, compareVersions("2.10", "2.9"))
	assert.Equal(t, 0, compareVersions("1.0", "1.0.0"))
}

func TestServicesAndIcons(t *testing.T) {
	c := newClient(t, sim.Options{})
	res := c.must(200, "POST", base+"/ServiceManifest?"+q, definitionBody("svc", "1.0.0.0", ""))
	assert.Equal(t, []any{" Template tmpl1 does not have cloud connection name.",
		"Templates- 'template_params' of type json object should have non-empty keys , template.id : tmpl1"}, dig(res, "warning"))
	service, manifest := str(dig(res, "service_id")), str(dig(res, "id"))
	c.must(200, "PUT", base+"/ServiceManifest/"+manifest+"?"+q, definitionBody("svc", "1.0.0.0", ""))
	assert.Equal(t, "Published", dig(c.must(200, "PUT", base+"/Service/"+service+"?"+q, `{"status": "Published"}`), "status"))
	c.must(400, "PUT", base+"/ServiceManifest/"+manifest+"?"+q, definitionBody("svc", "1.0.0.0", ""))
	assert.Equal(t, "Retired", dig(c.must(200, "POST", base+"/Service/retireService?"+qNoNS, `{"serviceID": "`+service+`"}`), "status"))
	c.must(404, "POST", base+"/Service/"+service+"/ServiceInstances?"+q, deployBody("i", "u"))
	c.must(404, "POST", base+"/ServiceManifest/"+service+"/unretire?"+qNoNS, `{"serviceID": "other"}`)
	assert.Equal(t, "Published", dig(c.must(200, "POST", base+"/ServiceManifest/"+service+"/unretire?"+qNoNS, `{"serviceID": "`+service+`"}`), "status"))

	enc := c.must(200, "POST", base+"/Service/encryptServiceData?"+qNoNS, `{"service_id": "`+service+`"}`)
	secured := dig(enc, "service", "actions", 0, "input_parameters", 1, "default").(string)
	assert.True(t, strings.HasPrefix(secured, encryptedPrefix), secured)
	assert.Equal(t, "https://example.test/1", dig(enc, "service", "actions", 0, "input_parameters", 0, "default"))
	enc = c.must(200, "POST", base+"/Service/encryptServiceData?"+qNoNS, `{"ServiceEngine_InputFile": `+definitionBody("x", "1", "")+`}`)
	assert.Equal(t, secured, dig(enc, "ServiceEngine_InputFile", "service", "actions", 0, "input_parameters", 1, "default"), "deterministic")

	assert.Len(t, c.must(200, "GET", base+"/icons?"+qNoNS, ""), 3)
	up := c.send("POST", base+"/icons/upload?"+qNoNS, "multipart/form-data; boundary=b", iconUpload)
	require.Equal(t, 200, up.Code, up.Body.String())
	id := str(dig(decode(t, up), "res", "id"))
	assert.Len(t, c.must(200, "GET", base+"/icons?"+qNoNS+"&filter[where][ContentTye]=image/svg%2Bxml", ""), 1)
	assert.Len(t, c.must(200, "GET", base+"/icons?"+qNoNS+"&filter[where][id]="+id, ""), 1)
	dl := c.get(base + "/icons/name/mine.svg?" + qNoNS)
	assert.Equal(t, "image/svg+xml", dl.Header().Get("Content-Type"))
	assert.Equal(t, "<svg/>", dl.Body.String())
	c.must(200, "DELETE", base+"/icons/"+id+"?"+qNoNS, "")
	assert.Len(t, c.must(200, "GET", base+"/icons?"+qNoNS+"&filter[where][name]=mine.svg", ""), 0)
}

func TestConcurrentUseIsRaceFree(t *testing.T) {
	s := newSim(t, sim.Options{})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &client{t: t, s: s, token: DefaultToken}
			var res map[string]any
			rec := c.do("POST", base+"/ServiceManifest?"+q, definitionBody(fmt.Sprint("svc", i), "1.0.0.0", ""))
			if !assert.NoError(t, json.Unmarshal(rec.Body.Bytes(), &res)) {
				return
			}
			service, _ := res["service_id"].(string)
			c.do("PUT", base+"/Service/"+service+"?"+q, `{"status": "Published"}`)
			rec = c.do("POST", base+"/Service/"+service+"/ServiceInstances?"+q, deployBody("inst", "https://example.test"))
			assert.Equal(t, 200, rec.Code, rec.Body.String())
			c.get(base + "/ServiceInstances?" + q)
		}()
	}
	wg.Wait()
}
