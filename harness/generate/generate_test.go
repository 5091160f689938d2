package generate_test

import (
	"fmt"
	"os"
	"path/filepath"
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
// document line where the contract has one, no credentials or a read when it writes.
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
		t.Helper()
		scs, err := generate.Scenarios(api, tbl)
		require.NoError(t, err)
		var out []generate.Scenario
		for _, sc := range scs {
			if sc.Condition == generate.OutOfRange && sc.Operation == op {
				out = append(out, sc)
			}
		}
		return out
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
// Backup is not refused by a data center in maintenance; without the contract such an entry never
// applies.
func TestNotProvokableWhen(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	why := tbl.Classifier(api)
	assert.NotEmpty(t, why("listServersWithBackup", 0, "REASON_60"), "a GET takes no XML body")
	assert.Empty(t, why("deployServer", 0, "REASON_60"), "deployServer takes an XML body")
	assert.NotEmpty(t, why("getMyAccount", 0, "REASON_140"), "no roles, no org id")
	assert.NotEmpty(t, why("getMyAccount", 403, ""), "no roles, no org id")
	assert.Contains(t, why("listServersWithBackup", 0, "REASON_140"), "its own 400 REASON_100")
	assert.Empty(t, why("deleteNetwork", 0, "REASON_140"), "deleteNetwork requires roles")
	assert.Empty(t, why("listAclRules", 0, "REASON_140"), "documents no REASON_100: another org answers REASON_140")
	assert.Contains(t, why("listNetworks", 0, "REASON_51"), "does not interact with Cloud Servers or Images", "a network operation")
	assert.Contains(t, why("getMyAccount", 0, "REASON_51"), "does not interact with Cloud Servers or Images", "an account operation")
	assert.Contains(t, why("startServer", 0, "REASON_51"), "no generated request", "tagged Server")
	assert.Contains(t, why("getBackupDetails", 0, "REASON_51"), "no generated request", "tagged Cloud Backup: the server's backup")
	assert.Contains(t, why("listOsServerImagesInLocation", 0, "REASON_51"), "no generated request", "tagged Deprecated Server Image")
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
		"vendor_side[0] (maintenance) 424 [REASON_5]",
	}, got)
}

// TestVendorSide: every operation documenting 503 and REASON_5 gets one scenario sending its
// request, with the default credentials, to the deployment maintenance_target names, tagged
// @vendor-side and with the fixture; an entry naming a fixture that is not vendor side, or
// without its line, fails generation.
func TestVendorSide(t *testing.T) {
	api, tbl := load(t, "cloudcontrol")
	tbl = &generate.Table{Params: tbl.Params, AbsentID: tbl.AbsentID,
		VendorSide: []generate.VendorSide{{Name: "the whole system's scheduled maintenance", Fixture: "maintenance_target", Status: 503, Reason: "REASON_5", Line: 424}}}
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
		{Name: "an ordinary fixture", Fixture: "image_id", Status: 503, Reason: "REASON_5", Line: 424},
		{Name: "no line", Fixture: "maintenance_target", Status: 503, Reason: "REASON_5"},
	} {
		_, err := generate.Scenarios(api, &generate.Table{Params: tbl.Params, VendorSide: []generate.VendorSide{v}})
		assert.Error(t, err, v.Name)
	}
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
