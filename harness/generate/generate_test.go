package generate_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/generate"
	"github.com/cloudcontract/cloudcontract/harness/spec"
)

// apis are the APIs whose generated features are committed.
var apis = []string{"esc", "ukcloud", "cam", "cloudcontrol"}

func load(t *testing.T, name string) (*spec.API, *generate.Table) {
	t.Helper()
	api, err := spec.NewRegistry("../../specs").Get(name)
	require.NoError(t, err)
	tbl, err := generate.LoadTable(filepath.Join("../../specs", name))
	require.NoError(t, err)
	return api, tbl
}

// generated returns the scenarios of one condition and operation that a table gives.
func generated(t *testing.T, api *spec.API, tbl *generate.Table, condition, op string) []generate.Scenario {
	t.Helper()
	scs, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)
	var out []generate.Scenario
	for _, sc := range scs {
		if sc.Condition == condition && sc.Operation == op {
			out = append(out, sc)
		}
	}
	return out
}

// TestCommittedFeaturesAreCurrent fails when a contract or table changed and the generated
// feature was not regenerated (make generate), and when generating twice differs.
func TestCommittedFeaturesAreCurrent(t *testing.T) {
	for _, name := range apis {
		t.Run(name, func(t *testing.T) {
			api, tbl := load(t, name)
			scs, err := generate.Scenarios(api, tbl)
			require.NoError(t, err)
			first := generate.Feature(api, scs)
			again, err := generate.Scenarios(api, tbl)
			require.NoError(t, err)
			assert.Equal(t, string(first), string(generate.Feature(api, again)), "generation is not deterministic")
			committed, err := os.ReadFile(filepath.Join("../../features", name, "generated.feature"))
			require.NoError(t, err)
			assert.Equal(t, string(committed), string(first), "features/%s/generated.feature is stale: run make generate", name)
		})
	}
}

// TestScenariosAreSafe checks what every generated scenario must hold: a documented status, a
// document line where the contract has one, no credentials or a read when it writes, and a write
// naming a resource in maintenance only on the vendor's side.
func TestScenariosAreSafe(t *testing.T) {
	for _, name := range apis {
		api, tbl := load(t, name)
		scs, err := generate.Scenarios(api, tbl)
		require.NoError(t, err)
		require.NotEmpty(t, scs, name)
		for _, sc := range scs {
			op := api.Operation(sc.Operation)
			require.NotNil(t, op, sc.Name)
			assert.NotNil(t, op.Op.Responses.Value(itoa(sc.Status)), "%s: status %d is not documented", sc.Name, sc.Status)
			assert.Greater(t, sc.Line, 0, "%s names no document line", sc.Name)
			assert.GreaterOrEqual(t, sc.Status, 400, sc.Name)
			if sc.Condition == generate.RoleLacking {
				for _, rq := range sc.Requests {
					assert.Empty(t, rq.Body, "%s: a write refused for its role carries no body that could succeed", sc.Name)
				}
			}
			if strings.HasPrefix(sc.Condition, "state: ") && slices.Contains(sc.Requests[0].Reasons, "REASON_51") && slices.Contains(sc.Tags, "@destructive") {
				assert.Contains(t, sc.Tags, "@vendor-side", "%s: a write naming a resource that exists names one a vendor gives for it", sc.Name)
			}
			if sc.Condition == generate.UnknownID {
				absent := tbl.AbsentID
				if absent == "" {
					absent = generate.DefaultAbsentID
				}
				for _, rq := range sc.Requests {
					assert.Contains(t, rq.Path, absent, "%s: a write names an id that must not exist", sc.Name)
				}
			}
		}
	}
}

// TestTableErrors shows a condition of the table that names an unknown operation or an
// undocumented status failing generation.
func TestTableErrors(t *testing.T) {
	api, _ := load(t, "esc")
	for _, tbl := range []*generate.Table{
		{Skip: map[string]map[string]string{generate.MalformedBody: {"noSuchOperation": "renamed"}}},
		{Skip: map[string]map[string]string{generate.MalformedBody: {"listTenants": ""}}},
		{NotProvokable: []generate.NotProvokable{{Operation: "noSuchOperation", Status: 500, Why: "x"}}},
		{NotProvokable: []generate.NotProvokable{{Operation: "*", Status: 500}}},
		{ForeignIDs: []generate.Scope{{Param: "tenant", Reasons: []string{"REASON_100"}}}},
		{WrongStructure: &generate.Reading{Reasons: []string{"REASON_420"}}},
	} {
		_, err := generate.Scenarios(api, tbl)
		assert.Error(t, err)
	}
	for _, c := range []generate.Condition{
		{Name: "nothing", Operation: "noSuchOperation", Status: 400},
		{Name: "an undocumented status", Operation: "listTenants", Status: 418},
	} {
		_, err := generate.Scenarios(api, &generate.Table{Conditions: []generate.Condition{c}})
		assert.Error(t, err, c.Name)
	}
}

// TestNotProvokable reads the classification of a documented status from a table.
func TestNotProvokable(t *testing.T) {
	tbl := &generate.Table{NotProvokable: []generate.NotProvokable{
		{Operation: "*", Status: 500, Why: "a fault of the vendor's side"},
		{Operation: "createVolume", Status: 503, Why: "the VIM must be down"},
	}}
	assert.Equal(t, "a fault of the vendor's side", tbl.NotProvokableWhy("listTenants", 500, ""))
	assert.Equal(t, "the VIM must be down", tbl.NotProvokableWhy("createVolume", 503, ""))
	assert.Empty(t, tbl.NotProvokableWhy("createNetwork", 503, ""))
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestCloudControlPlugsInByData generates CloudControl's scenarios from its contract and an
// example table alone: setup steps discover the org, paging cases carry REASON codes.
func TestCloudControlPlugsInByData(t *testing.T) {
	api, err := spec.NewRegistry("../../specs").Get("cloudcontrol")
	require.NoError(t, err)
	data, err := os.ReadFile("testdata/cloudcontrol-negative.yaml")
	require.NoError(t, err)
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, generate.TableFile), data, 0o644))
	tbl, err := generate.LoadTable(dir)
	require.NoError(t, err)
	scs, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)
	paging := 0
	for _, sc := range scs {
		assert.Equal(t, "Given I am authenticated", sc.Steps[0], sc.Name)
		if strings.HasPrefix(sc.Condition, "paging: ") {
			paging++
			assert.Contains(t, sc.Name, "REASON_7", sc.Name)
		}
	}
	assert.Greater(t, paging, 0)
	assert.Equal(t, "scheduled maintenance of the whole system", tbl.NotProvokableWhy("listServers", 0, "REASON_5"))
}

// TestOverlongPathIDs shows the out-of-range condition of path parameters: an operation without a
// required body, documenting 400, gets one request per path parameter with a maximum length, that
// parameter one character too long; a required body, an undocumented 400, a parameter without a
// maximum, a skip or a value the table gives leave it out.
func TestOverlongPathIDs(t *testing.T) {
	api, _ := load(t, "esc")
	overlong := func(tbl *generate.Table, op string) []generate.Scenario {
		return generated(t, api, tbl, generate.OutOfRange, op)
	}
	long := strings.Repeat(generate.DefaultAbsentID, 6)[:73]
	tests := []struct {
		name, op string
		table    *generate.Table
		paths    []string
	}{
		{"two ids, each too long in turn", "deleteSubnet", &generate.Table{}, []string{
			"/ESCManager/v0/" + long + "/subnets/" + generate.DefaultAbsentID,
			"/ESCManager/v0/" + generate.DefaultAbsentID + "/subnets/" + long}},
		{"a parameter the table gives keeps its value", "deleteSubnet", &generate.Table{Params: map[string]string{"internalTenantId": "${tenant}"}},
			[]string{"/ESCManager/v0/${tenant}/subnets/" + long}},
		{"a GET documenting 400", "getImage", &generate.Table{}, []string{"/ESCManager/v0/images/" + long}},
		{"skipped", "deleteSubnet", &generate.Table{Skip: map[string]map[string]string{generate.OutOfRange: {"deleteSubnet": "why"}}}, nil},
		{"a required body", "createTenant", &generate.Table{}, nil},
		{"no 400 documented", "deleteFlavor", &generate.Table{}, nil},
		{"no maximum length", "deleteVimUser", &generate.Table{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scs := overlong(tt.table, tt.op)
			if tt.paths == nil {
				assert.Empty(t, scs)
				return
			}
			require.Len(t, scs, 1)
			sc := scs[0]
			assert.Equal(t, 400, sc.Status)
			assert.Equal(t, 77, sc.Line, "the line of the id rule (the schema's), not the operation's")
			var paths []string
			for _, rq := range sc.Requests {
				assert.Equal(t, 400, rq.Status)
				assert.Equal(t, generate.AuthDefault, rq.Auth)
				assert.Empty(t, rq.Body)
				paths = append(paths, rq.Path)
			}
			assert.Equal(t, tt.paths, paths)
			assert.Contains(t, sc.Name, "longer than its maximum length answers 400")
		})
	}
}

// byName finds a generated scenario by operation and condition.
func byName(t *testing.T, scs []generate.Scenario, op, cond string) generate.Scenario {
	t.Helper()
	for _, sc := range scs {
		if sc.Operation == op && sc.Condition == cond {
			return sc
		}
	}
	t.Fatalf("no %s scenario of %s", cond, op)
	return generate.Scenario{}
}

// TestDerivedConditions reads CloudControl's roles, scopes, unknown-id codes and XML bodies into
// scenarios: the first credential set holding none of an operation's roles, the document's two
// answers to another caller's org, the "could not find" code of the first absent id with the
// document's example body, and a body of the documented element and another structure.
func TestDerivedConditions(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	scs, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)

	role := byName(t, scs, "deleteNetwork", generate.RoleLacking)
	assert.Contains(t, role.Steps, `Given I am authenticated as "subadmin"`)
	assert.Contains(t, role.Tags, "@admin")
	assert.Equal(t, 399, role.Line)
	assert.Equal(t, []string{"REASON_140"}, role.Requests[0].Reasons)
	assert.Contains(t, byName(t, scs, "startServer", generate.RoleLacking).Steps, `Given I am authenticated as "readonly"`, "subadmin holds the server role")
	for _, sc := range scs {
		if sc.Condition == generate.RoleLacking {
			assert.NotEmpty(t, generate.Roles(api.Operation(sc.Operation)), "%s: every caller may send it", sc.Name)
		}
	}

	both := byName(t, scs, "listServersWithBackup", generate.ForeignID)
	assert.Contains(t, both.Steps, "Then the response status should be 400 or 403")
	assert.Contains(t, both.Steps, `And the response body should contain "REASON_100" or "REASON_140"`)
	assert.Contains(t, both.Requests[0].Path, "/00000000-0000-0000-0000-00000000cc01/")
	assert.Equal(t, 403, both.Requests[0].Alternative)
	one := byName(t, scs, "createNatRule", generate.ForeignID)
	assert.Contains(t, one.Steps, "Then the response status should be 403")
	assert.Equal(t, []string{"REASON_140"}, one.Requests[0].Reasons)

	unknown := byName(t, scs, "deleteNetwork", generate.UnknownID)
	assert.Equal(t, []string{"REASON_250"}, unknown.Requests[0].Reasons)
	withBody := byName(t, scs, "createAclRule", generate.UnknownID)
	assert.Contains(t, withBody.DocString, "<AclRule", "the document's example body, so that only the id is wrong")

	wrong := byName(t, scs, "deployServer", generate.WrongStructure)
	assert.Contains(t, wrong.DocString, `<Server xmlns="http://oec.api.opsource.net/schemas/server"><ccUnexpected>`)
	assert.Contains(t, wrong.Steps, `And the response body should contain "REASON_420" or "REASON_60", our reading of document line 430`)
}

// TestDerivedConditionErrors: more than two alternatives cannot be expected.
func TestDerivedConditionErrors(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	three := *tbl
	three.ForeignIDs = []generate.Scope{{Param: "org-id", Value: "x", Reasons: []string{"REASON_100", "REASON_140", "REASON_60"}}}
	_, err := generate.Scenarios(api, &three)
	assert.ErrorContains(t, err, "at most two alternatives")
}

// TestNotProvokableWhen reads the predicates of a not_provokable entry against the contract: an
// operation without an XML body cannot be sent a payload to unmarshal, one every caller may send
// without an org id cannot get an invalid role or org, one tagged neither Server, Image nor Cloud
// Backup is not refused by a data center in maintenance, one tagged Network or Files Account meets
// no operation in progress; without the contract such an entry never applies.
func TestNotProvokableWhen(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	why := tbl.Classifier(api)
	assert.NotEmpty(t, why("listServersWithBackup", 0, "REASON_60"), "a GET takes no XML body")
	assert.Empty(t, why("deployServer", 0, "REASON_60"), "deployServer takes an XML body")
	assert.NotEmpty(t, why("getMyAccount", 0, "REASON_140"), "no roles, no org id")
	assert.NotEmpty(t, why("getMyAccount", 403, ""), "no roles, no org id")
	assert.Contains(t, why("listServersWithBackup", 0, "REASON_140"), "its own 400 REASON_100")
	assert.Empty(t, why("deleteNetwork", 0, "REASON_140"), "deleteNetwork requires roles")
	assert.Contains(t, why("getMyAccount", 400, ""), "every REASON code it answers with 400 is not provokable from outside (REASON_110: ", "each of its 400 codes is not provokable")
	assert.Contains(t, why("getDetailedUsageReport", 429, ""), "(REASON_529: ")
	assert.Empty(t, why("listServersWithBackup", 400, ""), "REASON_250 of a filter can be provoked")
	assert.Empty(t, why("getMyAccount", 200, ""), "a success is never not provokable by its codes")
	assert.Empty(t, why("listAclRules", 0, "REASON_140"), "documents no REASON_100: another org answers REASON_140")
	assert.Contains(t, why("listNetworks", 0, "REASON_51"), "does not interact with Cloud Servers or Images", "a network operation")
	assert.Contains(t, why("getMyAccount", 0, "REASON_51"), "does not interact with Cloud Servers or Images", "an account operation")
	assert.Contains(t, why("startServer", 0, "REASON_51"), "only a vendor can give a run a server", "its path names a server")
	assert.Contains(t, why("getBackupDetails", 0, "REASON_51"), "only a vendor can give a run a server", "tagged Cloud Backup: the server's backup")
	assert.Contains(t, why("deleteCustomerServerImage", 0, "REASON_51"), "only a vendor can give a run a server or a customer image", "its path names an image")
	assert.Contains(t, why("listOsServerImagesInLocation", 0, "REASON_51"), "its path names no server or image", "tagged Deprecated Server Image: a list")
	assert.Contains(t, why("createServerAntiAffinityRule", 0, "REASON_51"), "sent only on the vendor's side", "a body names the servers")
	assert.Contains(t, why("deleteVip", 0, "REASON_601"), "synchronous", "tagged VIP / Load-Balancing")
	assert.Contains(t, why("createNetwork", 0, "REASON_601"), "synchronous", "tagged Deprecated Network")
	assert.Contains(t, why("deleteFilesAccount", 0, "REASON_601"), "PENDING state", "tagged Files Account")
	assert.Empty(t, why("modifyCustomerServerImage", 0, "REASON_601"), "tagged Server Image: an image being imported")
	assert.Empty(t, why("exportCustomerImage", 0, "REASON_601"), "tagged Import & Export Customer Image")
	assert.Empty(t, tbl.NotProvokableWhy("listServersWithBackup", 0, "REASON_60"), "a predicate needs the contract")
	assert.NotEmpty(t, tbl.NotProvokableWhy("listServersWithBackup", 0, "REASON_20"))

	for _, bad := range []*generate.Table{
		{NotProvokable: []generate.NotProvokable{{Operation: "*", Reason: "REASON_60", When: []string{"no-body-at-all"}, Why: "x"}}},
		{Deprecated: []string{generate.NoCredentials}},
	} {
		_, err := generate.Scenarios(api, bad)
		assert.Error(t, err)
	}
}

// TestTableCitations lists the lines the table cites for REASON codes: each paging case, each
// condition with a code, each foreign scope and the wrong-structure reading.
func TestTableCitations(t *testing.T) {
	tbl := &generate.Table{
		Paging:         []generate.PagingCase{{Name: "p", Reason: "REASON_70", Line: 571}, {Name: "no code", Line: 9}},
		Conditions:     []generate.Condition{{Name: "c", Operation: "op", Reason: "REASON_250", Line: 12}, {Name: "no line", Reason: "REASON_1"}},
		ForeignIDs:     []generate.Scope{{Param: "org-id", Reasons: []string{"REASON_100", "REASON_140"}, Line: 429}},
		WrongStructure: &generate.Reading{Reasons: []string{"REASON_420"}, Line: 430},
		States:         []generate.State{{Name: "a server in maintenance", Param: "server-id", Value: "${server_maintenance}", Reasons: []string{"REASON_51"}, Line: 427}},
		VendorSide:     []generate.VendorSide{{Name: "maintenance", Fixture: "maintenance_target", Status: 503, Reason: "REASON_5", Line: 424}},
	}
	var got []string
	for _, c := range tbl.Citations() {
		got = append(got, fmt.Sprintf("%s %d %v", c.Where, c.Line, c.Mentions))
	}
	assert.Equal(t, []string{
		"paging[0] (p) 571 [REASON_70]",
		"conditions[0] (c of op) 12 [REASON_250]",
		"foreign_ids[0] (org-id) 429 [REASON_100 REASON_140]",
		"wrong_structure 430 [REASON_420]",
		"states[0] (a server in maintenance) 427 [REASON_51]",
		"vendor_side[0] (maintenance) 424 [REASON_5]",
	}, got)
}

// TestVendorSide: every operation documenting 503 and REASON_5 gets one scenario sending its
// request, with the default credentials, to the deployment maintenance_target names, tagged
// @vendor-side and with the fixture; an entry naming a fixture that is not vendor side, or
// without its state, fails generation.
func TestVendorSide(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	tbl = &generate.Table{Params: tbl.Params, AbsentID: tbl.AbsentID,
		VendorSide: []generate.VendorSide{{Name: "the whole system's scheduled maintenance", State: "scheduled maintenance", AnyRequest: true,
			Fixture: "maintenance_target", Status: 503, Reason: "REASON_5", Line: 424}}}
	all, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)
	var scs []generate.Scenario
	for _, sc := range all {
		if strings.HasPrefix(sc.Condition, "vendor side: ") {
			scs = append(scs, sc)
		}
	}
	want := 0
	for _, op := range api.Operations() {
		if op.Op.Responses.Value("503") != nil {
			want++
		}
	}
	require.Equal(t, want, len(scs), "one scenario per operation documenting 503")
	sc := scs[0]
	assert.Equal(t, "addBackupClient during the whole system's scheduled maintenance answers 503 REASON_5", sc.Name)
	assert.Equal(t, []string{"@destructive", "@vendor-side", "@fixture:maintenance_target", "@fixture:org_id"}, sc.Tags)
	assert.Equal(t, `Given the cloud in scheduled maintenance at "${maintenance_target}"`, sc.Steps[0])
	assert.Equal(t, `And the response field "/resultCode" should be "REASON_5"`, sc.Steps[len(sc.Steps)-1])
	require.Len(t, sc.Requests, 1)
	assert.Equal(t, generate.Request{Auth: generate.AuthDefault, Method: "POST", Path: "/oec/0.9/${org_id}/server/00000000-0000-0000-0000-00000000cc00/backup/client",
		Status: 503, Reasons: []string{"REASON_5"}, At: "maintenance_target"}, sc.Requests[0])
	assert.Contains(t, string(generate.Feature(api, scs)), "Those tagged @vendor-side provoke it on the vendor's side")

	for _, v := range []generate.VendorSide{
		{Name: "an ordinary fixture", State: "maintenance", Fixture: "image_id", Status: 503, Reason: "REASON_5", Line: 424},
		{Name: "no state", Fixture: "maintenance_target", Status: 503, Reason: "REASON_5", Line: 424},
	} {
		_, err := generate.Scenarios(api, &generate.Table{Params: tbl.Params, VendorSide: []generate.VendorSide{v}})
		assert.Error(t, err, v.Name)
	}
}

// TestMaintenanceStates: every operation documenting REASON_51 whose path takes a server-id or an
// image-id (deprecated ones too) is sent with the server or customer image of a data center in
// scheduled maintenance the table's states name for it, every other path parameter absent and an
// XML body the document's example, tagged @vendor-side for a vendor-side fixture; an operation
// naming neither gets none; a value that is no fixture fails generation.
func TestMaintenanceStates(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	scs, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)
	const server, image = "state: a server of a data center in scheduled maintenance", "state: a customer image of a data center in scheduled maintenance"
	ops := map[string]generate.Scenario{}
	for _, sc := range scs {
		if sc.Condition == server || sc.Condition == image {
			ops[sc.Operation] = sc
		}
	}
	start := ops["startServer"]
	assert.Equal(t, "startServer of a server of a data center in scheduled maintenance answers 400 REASON_51", start.Name)
	assert.Equal(t, 427, start.Line)
	assert.Equal(t, []string{"@destructive", "@vendor-side", "@fixture:org_id", "@fixture:server_maintenance"}, start.Tags)
	assert.Equal(t, generate.Request{Auth: generate.AuthDefault, Method: "GET", Path: "/oec/0.9/${org_id}/server/${server_maintenance}?start",
		Status: 400, Reasons: []string{"REASON_51"}}, start.Requests[0])
	assert.Equal(t, `And the response body should contain "REASON_51"`, start.Steps[len(start.Steps)-1])

	disk := ops["changeServerDiskSpeed"]
	assert.Equal(t, "/oec/0.9/${org_id}/server/${server_maintenance}/disk/00000000-0000-0000-0000-00000000cc00/changeSpeed", disk.Requests[0].Path, "the disk absent")
	assert.Contains(t, disk.DocString, "<ChangeDiskSpeed", "the document's example body")
	assert.Equal(t, "/oec/0.9/${org_id}/image/${customer_image_maintenance}?delete", ops["deleteCustomerServerImage"].Requests[0].Path)
	assert.Contains(t, ops["deleteCustomerServerImage"].Tags, "@fixture:customer_image_maintenance")
	assert.Equal(t, image, ops["deleteCustomerServerImage"].Condition)
	assert.Contains(t, ops, "getServerDetails", "deprecated, and the state is among the table's deprecated conditions")
	for _, none := range []string{"listServersWithBackup", "deployServer", "deleteNetwork", "createServerAntiAffinityRule"} {
		assert.NotContains(t, ops, none, "its path names no server or image")
	}

	for _, st := range []generate.State{
		{Name: "a literal", Param: "server-id", Value: "5f3b8e2c-1a2b-4c3d-8e4f-000000000015", Reasons: []string{"REASON_51"}},
		{Name: "no fixture", Param: "server-id", Value: "${no_such_fixture}", Reasons: []string{"REASON_51"}},
	} {
		bad := *tbl
		bad.States = []generate.State{st}
		bad.Deprecated = nil
		_, err := generate.Scenarios(api, &bad)
		assert.ErrorContains(t, err, "states 1 ("+st.Name+")", st.Name)
	}
	bad := *tbl
	bad.Deprecated = []string{"state: no such state"}
	_, err = generate.Scenarios(api, &bad)
	assert.ErrorContains(t, err, `deprecated: "state: no such state" is not a condition`)
}

// TestMissingRequiredXMLAndQuery shows the missing-required condition of XML bodies and required
// query parameters: only with the table's REASON code, only for an operation listing it among its
// own codes, the XML body the bare documented root, the query each required parameter left out in
// turn, and never for a GET whose path names an id that must not exist.
func TestMissingRequiredXMLAndQuery(t *testing.T) {
	api, base := load(t, "cloudcontrol")
	withReason := func(r string, skip map[string]string) *generate.Table {
		tbl := *base
		tbl.Reasons = map[string]string{}
		for k, v := range base.Reasons {
			tbl.Reasons[k] = v
		}
		tbl.Reasons[generate.MissingRequired] = r
		tbl.Skip = map[string]map[string]string{generate.MissingRequired: skip}
		return &tbl
	}
	missing := func(tbl *generate.Table, op string) []generate.Scenario {
		return generated(t, api, tbl, generate.MissingRequired, op)
	}
	tests := []struct {
		name, op string
		table    *generate.Table
		bodies   []string
		paths    []string
	}{
		{"an XML body of required elements", "createServerFarm", withReason("REASON_320", nil),
			[]string{`<NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip"/>`},
			[]string{"/oec/0.9/${org_id}/network/00000000-0000-0000-0000-00000000cc00/serverFarm"}},
		{"each required query parameter left out in turn", "getBackupUsageReport", withReason("REASON_320", nil),
			[]string{"", "", ""},
			[]string{"/oec/0.9/${org_id}/backup/detailedUsageReport?fromDate=2013-07-01&toDate=2013-07-01",
				"/oec/0.9/${org_id}/backup/detailedUsageReport?datacenterId=${location}&toDate=2013-07-01",
				"/oec/0.9/${org_id}/backup/detailedUsageReport?datacenterId=${location}&fromDate=2013-07-01"}},
		{"no REASON code in the table", "createServerFarm", withReason("", nil), nil, nil},
		{"a code the operation does not list", "createServerFarm", withReason("REASON_999", nil), nil, nil},
		{"skipped", "createServerFarm", withReason("REASON_320", map[string]string{"createServerFarm": "why"}), nil, nil},
		{"a GET naming an id that must not exist", "cloneServerToCustomerImage", withReason("REASON_320", nil), nil, nil},
		{"deprecated", "createNetwork", withReason("REASON_320", nil), nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scs := missing(tt.table, tt.op)
			if tt.paths == nil {
				assert.Empty(t, scs)
				return
			}
			require.Len(t, scs, 1)
			sc := scs[0]
			assert.Equal(t, 400, sc.Status)
			var bodies, paths []string
			for _, rq := range sc.Requests {
				assert.Equal(t, []string{"REASON_320"}, rq.Reasons)
				bodies = append(bodies, rq.Body)
				paths = append(paths, rq.Path)
			}
			assert.Equal(t, tt.bodies, bodies)
			assert.Equal(t, tt.paths, paths)
			assert.Contains(t, sc.Steps[len(sc.Steps)-1], `"REASON_320"`)
		})
	}
}

// TestDeprecatedMalformedBody shows a deprecated operation sent a malformed body only where the
// table names malformed-body among the conditions deprecated operations are sent.
func TestDeprecatedMalformedBody(t *testing.T) {
	api, _ := load(t, "cloudcontrol")
	for _, tt := range []struct {
		deprecated []string
		want       int
	}{
		{[]string{generate.MalformedBody}, 1},
		{[]string{generate.RoleLacking}, 0},
	} {
		scs, err := generate.Scenarios(api, &generate.Table{Deprecated: tt.deprecated})
		require.NoError(t, err)
		n := 0
		for _, sc := range scs {
			if sc.Operation == "createNetwork" && sc.Condition == generate.MalformedBody {
				n++
				assert.Equal(t, "<cc-malformed><unclosed>", sc.Requests[0].Body)
			}
		}
		assert.Equal(t, tt.want, n, "%v", tt.deprecated)
	}
	_, err := generate.Scenarios(api, &generate.Table{Deprecated: []string{generate.OutOfRange}})
	assert.Error(t, err, "out-of-range is not a condition deprecated operations are sent")
}

// TestVendorSideESC: where an operation's body is JSON only (its document gives a JSON model), the
// model is sent as application/json; an XML example wins where there is one; an entry without a
// line cites each operation's own; an entry naming an answer keeps only the operations
// documenting the status with it (ESC's 406 of a service registration, not its 406 "Not
// Acceptable"), and one without keeps them all.
func TestVendorSideESC(t *testing.T) {
	api, tbl := load(t, "esc")
	vendorSide := func(v generate.VendorSide) map[string]generate.Scenario {
		t.Helper()
		all, err := generate.Scenarios(api, &generate.Table{Params: tbl.Params, AbsentID: tbl.AbsentID, VendorSide: []generate.VendorSide{v}})
		require.NoError(t, err)
		out := map[string]generate.Scenario{}
		for _, sc := range all {
			if strings.HasPrefix(sc.Condition, "vendor side: ") {
				out[sc.Operation] = sc
			}
		}
		return out
	}
	vim := vendorSide(generate.VendorSide{Name: "a VIM ESC cannot reach", State: "a VIM outage", Fixture: "vim_unreachable_target", Status: 503})
	require.Len(t, vim, 4)
	network := vim["createNetwork"]
	assert.Equal(t, "createNetwork during a VIM ESC cannot reach answers 503", network.Name)
	assert.Equal(t, 379, network.Line, "the operation's own line")
	assert.Equal(t, "application/json", network.Requests[0].ContentType)
	assert.Equal(t, "json", network.DocType)
	assert.Contains(t, network.Requests[0].Body, `"locator":{"vim_id":"string"`)
	assert.Contains(t, network.Steps, `And the request header "Content-Type" is "application/json"`)
	assert.Equal(t, `Given the cloud in a VIM outage at "${vim_unreachable_target}"`, network.Steps[0])
	assert.Equal(t, []string{"@destructive", "@vendor-side", "@fixture:vim_unreachable_target"}, network.Tags)
	deployment := vim["createDeployment"]
	assert.Equal(t, "application/xml", deployment.Requests[0].ContentType)
	assert.Equal(t, "xml", deployment.DocType)
	assert.True(t, strings.HasPrefix(deployment.Requests[0].Body, "<esc_datamodel"), deployment.Requests[0].Body)
	for _, sc := range vim {
		for _, step := range sc.Steps {
			assert.NotContains(t, step, "callback", "%s: a refused write is not notified, so no step waits for it", sc.Name)
		}
	}

	registration := generate.VendorSide{Name: "a VIM part of a service registration", State: "a service registration", Fixture: "service_registration_target",
		Status: 406, Answer: "Operation not supported on VIM/Flavor part of service registration"}
	got := vendorSide(registration)
	assert.ElementsMatch(t, []string{"getFlavor", "createFlavor"}, keys(got))
	registration.Answer = ""
	assert.Subset(t, keys(vendorSide(registration)), []string{"getFlavor", "createFlavor", "createDeployment", "updateDeployment", "updateConfigParameter"})
}

func keys(m map[string]generate.Scenario) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestStates sends every operation naming a resource in a state (the table's states) with the
// fixture in its path: the state's own code where the operation documents it, else the unknown_ids
// code of the first absent id after it; an operation documenting neither, or skipped, gets none.
func TestStates(t *testing.T) {
	api, _ := load(t, "cloudcontrol")
	tbl := &generate.Table{
		Params:     map[string]string{"org-id": "${org_id}"},
		AbsentID:   "cc-absent",
		UnknownIDs: map[string][]string{"server-farm-id": {"REASON_630"}, "natrule-id": {"REASON_260", "REASON_270"}},
		States: []generate.State{
			{Name: "a server without backup", Param: "server-id", Value: "${server_stopped}", Reasons: []string{"REASON_543"}},
			{Name: "a network", Param: "network-id", Value: "${network_lb}"},
		},
		Skip: map[string]map[string]string{"state: a server without backup": {"disableBackup": "left out"}},
	}
	scs, err := generate.Scenarios(api, tbl)
	require.NoError(t, err)
	states := map[string]generate.Scenario{}
	for _, sc := range scs {
		if strings.HasPrefix(sc.Condition, "state: ") {
			states[sc.Operation+" "+sc.Condition] = sc
		}
	}
	state := func(key string) generate.Scenario {
		t.Helper()
		require.Contains(t, states, key)
		require.NotEmpty(t, states[key].Requests, key)
		return states[key]
	}

	own := state("getBackupDetails state: a server without backup")
	assert.Equal(t, "/oec/0.9/${org_id}/server/${server_stopped}/backup", own.Requests[0].Path)
	assert.Equal(t, []string{"REASON_543"}, own.Requests[0].Reasons)
	assert.Contains(t, own.Tags, "@fixture:server_stopped")
	withBody := state("addBackupClient state: a server without backup")
	assert.Contains(t, withBody.DocString, "<NewBackupClient", "the document's example body")
	under := state("modifyBackupClient state: a server without backup")
	assert.Contains(t, under.Requests[0].Path, "/server/${server_stopped}/backup/client/cc-absent/modify", "the ids after the state absent")
	assert.NotContains(t, states, "disableBackup state: a server without backup", "skipped")
	assert.NotContains(t, states, "deleteServer state: a server without backup", "documents no REASON_543")

	child := state("getServerFarmDetails state: a network")
	assert.Equal(t, "/oec/0.9/${org_id}/network/${network_lb}/serverFarm/cc-absent", child.Requests[0].Path)
	assert.Equal(t, []string{"REASON_630"}, child.Requests[0].Reasons)
	assert.Contains(t, child.Name, "an unknown server-farm-id under a network")
	two := state("deleteNatRule state: a network")
	assert.Equal(t, []string{"REASON_260", "REASON_270"}, two.Requests[0].Reasons)
	assert.Contains(t, two.Steps, `And the response body should contain "REASON_260" or "REASON_270"`)
	assert.NotContains(t, states, "createVip state: a network", "no id after the network, no code of its own")

	for _, bad := range []generate.State{
		{Name: "no param", Value: "x", Reasons: []string{"REASON_543"}},
		{Name: "no value", Param: "server-id"},
		{Name: "three", Param: "server-id", Value: "x", Reasons: []string{"REASON_53", "REASON_543", "REASON_544"}},
	} {
		_, err := generate.Scenarios(api, &generate.Table{States: []generate.State{bad}})
		assert.Error(t, err, bad.Name)
	}
}
