package esc

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
	"github.com/cloudcontract/cloudcontract/harness/xmlbody"
)

// specDir is the contract this simulator answers to.
var specDir = filepath.Join("..", "..", "..", "specs", "esc")

func loadAPI(t *testing.T) *spec.API {
	t.Helper()
	if _, err := os.Stat(filepath.Join(specDir, "openapi.yaml")); err != nil {
		t.Skipf("no contract in %s: %v", specDir, err)
	}
	api, err := spec.Load(specDir)
	require.NoError(t, err)
	return api
}

type step struct{ method, path, body string }

const (
	serviceOp = `<service_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>%s</operation></service_operation>`
	vmOp      = `<vm_operation xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"><operation>%s</operation></vm_operation>`
)

// script touches every operation of the contract (the success path), in an
// order where each finds what it needs, then a spread of documented errors.
// {vm0} is replaced by the first VM of deployment dep1, {snap} by the id of
// the first snapshot.
var script = []step{
	{"GET", "/v0/tenants", ""},
	{"POST", "/v0/tenants/tenant1", tenantBody},
	{"GET", "/v0/tenants/tenant1", ""},
	{"PUT", "/v0/tenants/tenant1", `<tenant><name>renamed</name><enabled>true</enabled></tenant>`},
	{"POST", "/v0/tenant1/networks/net1", networkBody},
	{"GET", "/v0/tenant1/networks/net1", ""},
	{"GET", "/v0/tenant1/networks", ""},
	{"POST", "/v0/tenant1/subnets/sub1", subnetBody},
	{"GET", "/v0/tenant1/subnets/sub1", ""},
	{"GET", "/v0/tenant1/subnets", ""},
	{"POST", "/v0/images/img1", imageBody},
	{"GET", "/v0/images/img1", ""},
	{"GET", "/v0/images", ""},
	{"POST", "/v0/flavors/flv1", flavorBody},
	{"GET", "/v0/flavors/flv1", ""},
	{"GET", "/v0/flavors", ""},
	{"POST", "/v0/tenant1/volumes/vol1", volumeBody},
	{"GET", "/v0/tenant1/volumes/vol1", ""},
	{"GET", "/v0/tenant1/volumes", ""},
	{"POST", "/v0/tenant1/routers/rt1", routerBody},
	{"PUT", "/v0/tenant1/routers/rt1", `<router><description>edge</description></router>`},
	{"POST", "/v0/dynamic_mapping/actions", actionBody},
	{"POST", "/v0/deployments/dep1", datamodelBody("tenant1", "dep-one", 2)},
	{"GET", "/v0/deployments/dep1", ""},
	{"GET", "/v0/deployments", ""},
	{"GET", "/v0/deployments/config/dep1", ""},
	{"PUT", "/v0/deployments/dep1", datamodelBody("tenant1", "dep-one", 2, "ASA-1", "CSR-1")},
	{"POST", "/v0/tenant1/deployments/service/dep1", fmt.Sprintf(serviceOp, "stop")},
	{"POST", "/v0/tenant1/deployments/service/dep1", fmt.Sprintf(serviceOp, "start")},
	{"POST", "/v0/tenant1/deployments/vm/{vm0}", fmt.Sprintf(vmOp, "stop")},
	{"POST", "/v0/tenant1/deployments/vm/{vm0}", fmt.Sprintf(vmOp, "start")},
	{"POST", "/v0/tenant1/deployments/migrate-vm/{vm0}", `{"migrationType":"live","blockMigration":"auto","operation":"migrate"}`},
	{"POST", "/v0/tenant1/deployments/recovery-vm/{vm0}", `{"operation":"recovery_do","checkVmBeforeRecovery":false}`},
	{"POST", "/v0/tenant1/deployments/snapshot-vm/{vm0}", `{"operation":"snapshot","name":"snap-a"}`},
	{"GET", "/v0/snapshots", ""},
	{"POST", "/v0/snapshots/{snap}/volumes", `{"name":"from-snap"}`},
	{"DELETE", "/v0/snapshots/snap-a", ""},
	{"GET", "/v0/config", ""},
	{"GET", "/v0/config/log", ""},
	{"GET", "/v0/config/log/level", ""},
	{"PUT", "/v0/config/log/level/debug", ""},
	{"POST", "/v0/config/custom/max_logs", "10"},
	{"GET", "/v0/operationmode", ""},
	{"POST", "/v0/operationmode/MAINTENANCE", ""},
	{"POST", "/v0/operationmode/OPERATION", ""},
	{"GET", "/v0/hosts/my-ucs-1/status", ""},
	{"POST", "/v0/hosts/my-ucs-1/disable", ""},
	{"POST", "/v0/hosts/my-ucs-1/enable", ""},
	{"GET", "/v0/vims", ""},
	{"POST", "/v0/vims", vimBody},
	{"GET", "/v0/vims/vim2", ""},
	{"PUT", "/v0/vims/vim2", `<vim_connector><id>vim2</id><type>OPENSTACK</type></vim_connector>`},
	{"PUT", "/v0/vims/vim2/check_status", ""},
	{"GET", "/v0/vims/default_vim_connector", ""},
	{"POST", "/v0/vims/default_vim_connector", `<default_vim_connector><defaultVimConnectorId>vim2</defaultVimConnectorId></default_vim_connector>`},
	{"POST", "/v0/vims/vim2/vim_users", vimUserBody},
	{"GET", "/v0/vims/vim2/vim_users", ""},
	{"GET", "/v0/vims/vim2/vim_users/user1", ""},
	{"PUT", "/v0/vims/vim2/vim_users/user1", `<vim_user><credentials><properties><property><name>os_password</name><value>new</value></property></properties></credentials></vim_user>`},
	{"DELETE", "/v0/vims/vim2/vim_users/user1", ""},
	{"DELETE", "/v0/vims/vim2", ""},
	{"GET", "/v0/systemstate/HA", ""},
	{"POST", "/v0/systemstate/HA/reset", ""},
	{"POST", "/v0/fileserver/fs1", fileServer},
	{"GET", "/v0/fileserver/fs1", ""},
	{"PUT", "/v0/fileserver/fs1", strings.Replace(fileServer, "/share", "/share2", 1)},
	{"GET", "/v0/fileserver", ""},
	{"DELETE", "/v0/fileserver/fs1", ""},
	{"GET", "/v0/dynamic_mapping/actions", ""},
	{"GET", "/v0/dynamic_mapping/actions/TRUE%20myscript.sh", ""},
	{"DELETE", "/v0/dynamic_mapping/actions/TRUE%20myscript.sh", ""},
	{"POST", "/v0/dynamic_mapping/metrics", metricBody},
	{"GET", "/v0/dynamic_mapping/metrics", ""},
	{"GET", "/v0/dynamic_mapping/metrics/MYMETRIC", ""},
	{"DELETE", "/v0/dynamic_mapping/metrics/MYMETRIC", ""},
	{"DELETE", "/v0/dynamic_mapping/metrics", ""},
	{"PUT", "/internal/ssl/reload", ""},
	{"DELETE", "/v0/deployments/dep1", ""},
	{"DELETE", "/v0/dynamic_mapping/actions/TRUE%20myscript.sh", ""},
	{"DELETE", "/v0/dynamic_mapping/actions", ""},
	{"DELETE", "/v0/tenant1/routers/rt1", ""},
	{"DELETE", "/v0/tenant1/volumes/vol1", ""},
	{"DELETE", "/v0/tenant1/volumes/snapshot-volume-1", ""},
	{"DELETE", "/v0/tenant1/subnets/sub1", ""},
	{"DELETE", "/v0/tenant1/networks/net1", ""},
	{"DELETE", "/v0/images/img1", ""},
	{"DELETE", "/v0/flavors/flv1", ""},
	{"DELETE", "/v0/tenants/tenant1", ""},
	// Documented errors.
	{"GET", "/v0/tenants/tenant1", ""},
	{"POST", "/v0/tenants/bad~id", tenantBody},
	{"POST", "/v0/tenants/SystemAdminTenantId", tenantBody},
	{"DELETE", "/v0/tenants/nope", ""},
	{"GET", "/v0/images/nope", ""},
	{"DELETE", "/v0/images/nope", ""},
	{"GET", "/v0/flavors/nope", ""},
	{"GET", "/v0/deployments/nope", ""},
	{"POST", "/v0/deployments/dep2", datamodelBody("nobody", "d", 1)},
	{"POST", "/v0/SystemAdminTenantId/deployments/service/nope", fmt.Sprintf(serviceOp, "stop")},
	{"POST", "/v0/SystemAdminTenantId/deployments/vm/nope", fmt.Sprintf(vmOp, "stop")},
	{"GET", "/v0/config/nope/nope", ""},
	{"PUT", "/v0/config/log/level/loud", ""},
	{"GET", "/v0/vims/nope", ""},
	{"GET", "/v0/systemstate/nope", ""},
	{"DELETE", "/v0/snapshots/nope", ""},
	{"POST", "/v0/snapshots/nope/volumes", `{}`},
	{"GET", "/v0/dynamic_mapping/actions/nope", ""},
	{"DELETE", "/v0/dynamic_mapping/actions/ALWAYS%20log", ""},
	{"POST", "/v0/dynamic_mapping/actions", `<actions><action><name>ALWAYS log</name></action></actions>`},
}

// exchange is one scripted request with what it caused.
type exchange struct {
	step   step
	target string
	rec    *validateRecord
	notes  []received
}

type validateRecord struct {
	code   int
	header http.Header
	body   string
}

// run replays the script against a new simulator and returns every exchange.
func run(t *testing.T, opts sim.Options) []exchange {
	t.Helper()
	c := newClient(t, opts)
	var out []exchange
	for _, st := range script {
		target := st.path
		if strings.Contains(target, "{vm0}") {
			target = strings.ReplaceAll(target, "{vm0}", url.PathEscape(vmNames(t, c, "dep1")[0]))
		}
		if strings.Contains(target, "{snap}") {
			snaps := parse(t, c.get("/v0/snapshots").Body.String()).children("snapshot")
			require.NotEmpty(t, snaps)
			target = strings.ReplaceAll(target, "{snap}", snaps[0].text("id"))
		}
		c.rc.take()
		rec := c.do(st.method, target, st.body)
		out = append(out, exchange{step: st, target: target,
			rec:   &validateRecord{code: rec.Code, header: rec.Header().Clone(), body: rec.Body.String()},
			notes: c.rc.take()})
	}
	return out
}

// contractProblems validates every answer and notification of a run.
func contractProblems(t *testing.T, api *spec.API, xs []exchange) []string {
	t.Helper()
	v := validate.New(api)
	var problems []string
	for _, x := range xs {
		u, err := url.Parse(ContextRoot + x.target)
		require.NoError(t, err)
		ex := &validate.Exchange{Method: x.step.method, URL: u, Status: x.rec.code, Header: x.rec.header, Body: []byte(x.rec.body)}
		if err := v.Validate(ex); err != nil {
			problems = append(problems, err.Error())
		}
		op, _, err := api.Find(x.step.method, u.Path, u.RawQuery)
		require.NoError(t, err)
		for _, n := range x.notes {
			for _, p := range notificationProblems(op, n) {
				problems = append(problems, fmt.Sprintf("%s %s: notification to %s: %s", x.step.method, x.target, n.Path, p))
			}
			if got, want := n.Header.Get(HeaderTransactionID), x.rec.header.Get(HeaderTransactionID); got != want {
				problems = append(problems, fmt.Sprintf("%s %s: notification transaction id %q, answer %q", x.step.method, x.target, got, want))
			}
		}
	}
	return problems
}

// notificationProblems checks one notification against the operation's
// callback declaration: /cb against escNotification, /events against
// escEvents; required headers, header schemas, XML root and body schema.
func notificationProblems(op *spec.Operation, n received) []string {
	name := map[string]string{"/cb": "escNotification", "/events": "escEvents"}[n.Path]
	ref := op.Op.Callbacks[name]
	if ref == nil || ref.Value == nil {
		return []string{"the operation declares no " + name + " callback"}
	}
	var item *openapi3.PathItem
	for _, k := range ref.Value.Keys() {
		item = ref.Value.Value(k)
	}
	post := item.Post
	var out []string
	for _, p := range post.Parameters {
		if p.Value.In != "header" {
			continue
		}
		val := n.Header.Get(p.Value.Name)
		if val == "" {
			if p.Value.Required {
				out = append(out, "required header "+p.Value.Name+" is missing")
			}
			continue
		}
		var hv any = val
		if sch := p.Value.Schema.Value; sch.Type != nil && sch.Type.Is(openapi3.TypeInteger) {
			f, err := strconv.ParseFloat(val, 64)
			if err != nil {
				out = append(out, fmt.Sprintf("header %s=%q is not an integer", p.Value.Name, val))
				continue
			}
			hv = f
		}
		if err := p.Value.Schema.Value.VisitJSON(hv); err != nil {
			out = append(out, fmt.Sprintf("header %s=%q: %v", p.Value.Name, val, err))
		}
	}
	if n.Header.Get("Esc-Transaction-Id") == "" && n.Header.Get(HeaderTransactionID) == "" {
		out = append(out, "no transaction id header")
	}
	schema := post.RequestBody.Value.Content["application/xml"].Schema.Value
	res, err := xmlbody.Decode([]byte(n.Body), schema, "")
	if err != nil {
		return append(out, "body: "+err.Error())
	}
	for _, is := range res.Issues {
		out = append(out, "body: "+is.XMLPath+": "+is.Message)
	}
	b, _ := json.Marshal(res.Value)
	var generic any
	_ = json.Unmarshal(b, &generic)
	if err := schema.VisitJSON(generic, openapi3.MultiErrors()); err != nil {
		out = append(out, "body schema: "+err.Error())
	}
	return out
}

// TestAnswersMatchSpec runs every operation of the contract and checks each
// synchronous answer with the harness's own validator and each notification
// against the operation's callback declaration.
func TestAnswersMatchSpec(t *testing.T) {
	api := loadAPI(t)
	xs := run(t, sim.Options{Seed: 7})
	covered := map[string]bool{}
	for _, x := range xs {
		u, _ := url.Parse(ContextRoot + x.target)
		op, _, err := api.Find(x.step.method, u.Path, u.RawQuery)
		require.NoError(t, err)
		if x.rec.code < 300 {
			covered[op.ID] = true
		}
	}
	var missing []string
	for _, op := range api.Operations() {
		if !covered[op.ID] {
			missing = append(missing, op.ID)
		}
	}
	sort.Strings(missing)
	assert.Empty(t, missing, "operations without a successful call in the script")
	assert.Len(t, api.Operations(), 83)
	for _, p := range contractProblems(t, api, xs) {
		t.Error(p)
	}
}
