package cloudcontrol

import (
	"fmt"
	"net/http"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

func TestEveryOperationHasAHandler(t *testing.T) {
	s := newSim(t, sim.Options{})
	require.Len(t, operations, 139)
	for _, op := range operations {
		assert.NotNil(t, s.handlers[op.ID], op.ID)
	}
	assert.Len(t, s.handlers, len(operations))
}

func TestAuthAndRoles(t *testing.T) {
	c := newClient(t, sim.Options{})
	tests := []struct {
		name       string
		user, pass string
		r          req
		status     int
		code       string
	}{
		{"no credentials", "", "", get("/oec/0.9/myaccount"), 401, ""},
		{"wrong password", DefaultUsername, "nope", get("/oec/0.9/myaccount"), 401, ""},
		{"primary reads", DefaultUsername, DefaultPassword, get(P + "/account"), 200, ""},
		{"sub-admin reads", SubAdminUsername, SubAdminPassword, get(P + "/networkWithLocation"), 200, ""},
		{"sub-admin server role", SubAdminUsername, SubAdminPassword, get(P + "/server/" + ServerWeb03 + "?start"), 200, "REASON_0"},
		{"sub-admin lacks network", SubAdminUsername, SubAdminPassword, get(P + "/network/" + NetworkEmpty + "?delete"), 403, "REASON_140"},
		{"sub-admin lacks primary", SubAdminUsername, SubAdminPassword, get(P + "/report/usage?startDate=2013-07-01&endDate=2013-07-01"), 403, "REASON_140"},
		{"sub-admin lacks backup", SubAdminUsername, SubAdminPassword, get(P + "/server/" + ServerWeb01 + "/backup"), 403, "REASON_140"},
		{"read only", ReadOnlyUsername, ReadOnlyPassword, get(P + "/server/" + ServerWeb03 + "?stop"), 403, "REASON_140"},
		{"wrong org documented", DefaultUsername, DefaultPassword, get("/oec/0.9/other/account"), 400, "REASON_100"},
		{"wrong org undocumented", DefaultUsername, DefaultPassword, get("/oec/0.9/other/server"), 403, "REASON_140"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := c.as(tt.user, tt.pass).send(tt.r)
			require.Equal(t, tt.status, rec.Code, rec.Body.String())
			if tt.status == 401 {
				assert.Empty(t, rec.Body.String())
				assert.Contains(t, rec.Header().Get("WWW-Authenticate"), "Basic")
			}
			if tt.code != "" {
				assert.Equal(t, tt.code, decodeStatus(t, rec).ResultCode)
			}
		})
	}
}

func TestMyAccountAndSubAdministrators(t *testing.T) {
	c := newClient(t, sim.Options{})
	acct := decodeNode(t, c.get("/oec/0.9/myaccount"))
	assert.Equal(t, OrgID, acct.text("orgId"))
	assert.Equal(t, "http://oec.api.opsource.net/schemas/directory", acct.XMLName.Space)

	requireOK(t, c.send(post(P+"/account", newAccount)))
	requireFault(t, c.send(post(P+"/account", newAccount)), 400, "REASON_120")
	requireFault(t, c.send(post(P+"/account", strings.Replace(newAccount, "jpublic<", "-bad<", 1))), 400, "REASON_121")
	requireFault(t, c.send(post(P+"/account", strings.Replace(strings.Replace(newAccount, "jpublic<", "other<", 1), "321321321", "short", 1))), 400, "REASON_122")
	requireFault(t, c.send(post(P+"/account", strings.Replace(strings.Replace(newAccount, "jpublic<", "other<", 1), "<name>server", "<name>read only", 1))), 400, "REASON_123")
	requireFault(t, c.send(post(P+"/account", strings.Replace(strings.Replace(newAccount, "jpublic<", "other<", 1), OrgID, "x", 1))), 400, "REASON_320")

	// The new sub-administrator logs in and has the network role.
	j := c.as("jpublic", "321321321")
	assert.Equal(t, http.StatusOK, j.get("/oec/0.9/myaccount").Code)
	requireOK(t, j.send(post(P+"/networkWithLocation", newNetwork)))
	requireFault(t, j.get(P+"/account/jpublic?delete"), 403, "REASON_140")
	requireOK(t, j.send(post(P+"/account/jpublic", "password=new-password-1")))
	requireFault(t, c.get(P+"/account/"+DefaultUsername+"?delete"), 400, "REASON_130")
	requireOK(t, c.get(P+"/account/jpublic?delete"))
	assert.Equal(t, http.StatusUnauthorized, j.get("/oec/0.9/myaccount").Code)
}

func TestServerStateMachine(t *testing.T) {
	c := newClient(t, sim.Options{})
	S := P + "/server/"
	steps := []struct {
		r    req
		code string
	}{
		{get(S + ServerWeb03 + "?shutdown"), "REASON_40"}, // stopped
		{get(S + ServerWeb03 + "?poweroff"), "REASON_40"},
		{get(S + ServerWeb03 + "?reboot"), "REASON_40"},
		{get(S + ServerWeb03 + "?reset"), "REASON_40"},
		{get(S + ServerWeb03 + "?start"), "REASON_0"},
		{get(S + ServerWeb03 + "?start"), "REASON_40"},
		{get(S + ServerWeb03 + "?restart"), "REASON_40"}, // 13.8: must be stopped
		{get(S + ServerWeb03 + "?delete"), "REASON_40"},  // must be stopped
		{get(S + ServerWeb03 + "?reboot"), "REASON_0"},
		{get(S + ServerWeb03 + "?reset"), "REASON_0"},
		{get(S + ServerWeb03 + "?shutdown"), "REASON_0"},
		{get(S + ServerWeb03 + "?restart"), "REASON_0"},
		{get(S + ServerWeb03 + "?stop"), "REASON_0"},
		{get(S + ServerWeb03 + "?delete"), "REASON_0"},
		{get(S + ServerWeb03 + "?start"), "REASON_395"},
		{get(S + ServerTest02 + "?shutdown"), "REASON_392"}, // PENDING_CHANGE
		{get(S + ServerMail01 + "?reboot"), "REASON_800"},   // tools not running
		{get(S + ServerMail01 + "?poweroff"), "REASON_0"},   // tools not needed
		{get(S + ServerWeb01 + "?shutdown"), "REASON_0"},
		{get(S + ServerWeb01 + "?delete"), "REASON_393"}, // real server
		{get(S + ServerDB02 + "?delete"), "REASON_0"},
		{get(S + ServerDev02 + "?delete"), "REASON_692"}, // anti-affinity
		{get(S + ServerDB01 + "?poweroff"), "REASON_0"},
		{get(S + ServerDB01 + "?delete"), "REASON_550"}, // backup
	}
	for i, st := range steps {
		rec := c.send(st.r)
		got := decodeStatus(t, rec)
		require.Equal(t, st.code, got.ResultCode, "step %d %s: %s", i, st.r.path, rec.Body.String())
		if st.code == "REASON_0" {
			assert.Equal(t, 200, rec.Code)
		} else {
			assert.Equal(t, 400, rec.Code)
		}
	}
}

func TestDeployServerAppearsInLists(t *testing.T) {
	c := newClient(t, sim.Options{Seed: 7})
	requireOK(t, c.send(post(P+"/server", newServer)))
	list := decodeNode(t, c.get(P+"/serverWithBackup?name=new-web"))
	require.Len(t, list.all("serverWithBackup"), 1)
	s := list.all("serverWithBackup")[0]
	assert.Equal(t, NetworkWeb, s.text("networkId"))
	assert.Equal(t, "false", s.text("isStarted"))
	assert.Equal(t, "NORMAL", s.text("state"))
	requireOK(t, c.get(P+"/server/"+s.attr("id")+"?start"))

	bad := []struct{ body, code string }{
		{strings.Replace(newServer, NetworkWeb, "nope", 1), "REASON_250"},
		{strings.Replace(newServer, ImageUbuntuNA1, "nope", 1), "REASON_390"},
		{strings.Replace(newServer, ImageUbuntuNA1, "52ed8b72-ebea-11df-bdc1-001517c46402", 1), "REASON_320"}, // NA3 image
		{strings.Replace(newServer, "<isStarted>false", "<isStarted>maybe", 1), "REASON_320"},
		{"<Server>", "REASON_60"},
	}
	for _, b := range bad {
		requireFault(t, c.send(post(P+"/server", b.body)), 400, b.code)
	}
}

// walk pages through a paging list and returns the ids in order and the
// root attributes of each page.
func walk(t *testing.T, c *client, base, item string, size int) ([]string, []node) {
	t.Helper()
	var ids []string
	var roots []node
	for page := 1; page <= 10; page++ {
		sep := "?"
		if strings.Contains(base, "?") {
			sep = "&"
		}
		root := decodeNode(t, c.get(fmt.Sprintf("%s%spageSize=%d&pageNumber=%d", base, sep, size, page)))
		roots = append(roots, root)
		for _, n := range root.all(item) {
			id := n.attr("id")
			if id == "" {
				id = n.attr("location")
			}
			ids = append(ids, id)
		}
		if root.attr("pageNumber") != fmt.Sprint(page) {
			break
		}
		total := atoi(root.attr("totalCount"))
		if page*size >= total {
			break
		}
	}
	return ids, roots
}

func TestPagingWalk(t *testing.T) {
	c := newClient(t, sim.Options{})
	ids, roots := walk(t, c, P+"/serverWithBackup", "serverWithBackup", 5)
	require.Len(t, roots, 4)
	assert.Len(t, ids, 16)
	seen := map[string]bool{}
	for _, id := range ids {
		assert.False(t, seen[id], "duplicate %s", id)
		seen[id] = true
	}
	for i, want := range []struct{ number, count string }{{"1", "5"}, {"2", "5"}, {"3", "5"}, {"4", "1"}} {
		assert.Equal(t, want.number, roots[i].attr("pageNumber"))
		assert.Equal(t, want.count, roots[i].attr("pageCount"))
		assert.Equal(t, "16", roots[i].attr("totalCount"))
		assert.Equal(t, "5", roots[i].attr("pageSize"))
	}
	// Default order: created ascending.
	assert.Equal(t, ServerWeb01, ids[0])
	// Past the last page: the last page.
	last := decodeNode(t, c.get(P+"/serverWithBackup?pageSize=5&pageNumber=99"))
	assert.Equal(t, "4", last.attr("pageNumber"))
	assert.Len(t, last.all("serverWithBackup"), 1)
	// Defaults: page 1 of 250.
	def := decodeNode(t, c.get(P+"/serverWithBackup"))
	assert.Equal(t, "250", def.attr("pageSize"))
	assert.Equal(t, "1", def.attr("pageNumber"))
}

func names(n node, item string) []string {
	var out []string
	for _, s := range n.all(item) {
		out = append(out, s.text("name"))
	}
	return out
}

func TestFilteringAndOrdering(t *testing.T) {
	c := newClient(t, sim.Options{})
	tests := []struct {
		query string
		want  []string
	}{
		{"orderBy=name&location=NA1&deployed=true", []string{"app-01", "db-01", "db-02", "web-01", "web-02", "web-03"}},
		{"ORDERBY=Name.descending&LOCATION=na3", []string{"failed-01", "dev-02", "dev-01", "build-01"}},
		{"location=NA5&location=NA3&orderBy=location.DESCENDING,name", []string{"mail-01", "test-01", "test-02", "build-01", "dev-01", "dev-02", "failed-01"}},
		{"deployed=false&orderBy=name", []string{"failed-01", "pending-01"}},
		{"created.MIN=20130601&orderBy=created", []string{"mail-01", "failed-01", "pending-01"}},
		{"created.MAX=2012-09-04&orderBy=created", []string{"web-01", "web-02"}},
		{"created=2012-09-04", []string{"web-02"}},
		{"networkId=" + NetworkDB + "&orderBy=name", []string{"db-01", "db-02", "pending-01"}},
		{"name=web-01", []string{"web-01"}},
		{"machineName=10-164-1-13", []string{"mail-01"}},
		{"privateIp=10.163.1.12", []string{"dev-02"}},
		{"orderBy=started.DESCENDING,name&location=NA1&deployed=true", []string{"app-01", "db-01", "web-01", "web-02", "db-02", "web-03"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			rec := c.get(P + "/serverWithState?" + tt.query)
			require.Equal(t, 200, rec.Code, rec.Body.String())
			root := decodeNode(t, rec)
			assert.Equal(t, tt.want, names(root, "serverWithState"))
			assert.Equal(t, fmt.Sprint(len(tt.want)), root.attr("totalCount"))
		})
	}
	dcs := decodeNode(t, c.get(P+"/datacenterWithMaintenanceStatus?orderBy=location.descending&pageSize=3"))
	var locs []string
	for _, d := range dcs.all("datacenter") {
		locs = append(locs, d.attr("location"))
	}
	assert.Equal(t, []string{"NA9", "NA5", "NA3"}, locs)
	assert.Equal(t, "4", dcs.attr("totalCount"))
}

func TestBadPagingInput(t *testing.T) {
	c := newClient(t, sim.Options{})
	eleven := strings.Repeat("location=NA1&", 11)
	tests := []struct{ query, code string }{
		{"pageSize=0", "REASON_71"},
		{"pageSize=-3", "REASON_71"},
		{"pageSize=ten", "REASON_71"},
		{"pageNumber=0", "REASON_71"},
		{"pageSize=5&pageSize=6", "REASON_71"},
		{"orderBy=cpuCount", "REASON_71"},
		{"orderBy=name.SIDEWAYS", "REASON_71"},
		{"orderBy=name&orderBy=id", "REASON_71"},
		{"colour=blue", "REASON_70"},
		{eleven, "REASON_72"},
		{"name.MIN=a", "REASON_73"},
		{"created.LIKE=2013", "REASON_73"},
		{"deployed=maybe", "REASON_320"},
		{"created.MIN=yesterday", "REASON_320"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			requireFault(t, c.get(P+"/serverWithBackup?"+tt.query), 400, tt.code)
		})
	}
}

func TestNetworkFamily(t *testing.T) {
	c := newClient(t, sim.Options{})
	N := P + "/network/" + NetworkWeb
	acl := decodeNode(t, c.send(post(N+"/aclrule", newACL)))
	assert.Equal(t, "AclRule", acl.XMLName.Local)
	assert.Equal(t, "http://oec.api.opsource.net/schemas/network", acl.XMLName.Space)
	requireFault(t, c.send(post(N+"/aclrule", strings.Replace(newACL, "allow-smtp", "other", 1))), 400, "REASON_290")
	requireFault(t, c.send(post(N+"/aclrule", strings.Replace(newACL, "<position>150", "<position>50", 1))), 400, "REASON_294")
	requireFault(t, c.send(post(N+"/aclrule", strings.Replace(strings.Replace(newACL, "<position>150", "<position>151", 1), "<port1>25", "<port1>70000", 1))), 400, "REASON_291")
	requireOK(t, c.get(N+"/aclrule/"+acl.text("id")+"?delete"))
	requireFault(t, c.get(N+"/aclrule/"+acl.text("id")+"?delete"), 400, "REASON_280")

	nat := decodeNode(t, c.send(post(N+"/natrule", newNAT)))
	assert.Equal(t, "165.180.12.34", nat.text("natIp"))
	requireFault(t, c.send(post(N+"/natrule", newNAT)), 400, "REASON_272")
	requireFault(t, c.send(post(N+"/natrule", strings.Replace(newNAT, "10.162.1.12", "10.9.9.9", 1))), 400, "REASON_240")
	requireFault(t, c.send(post(N+"/natrule", strings.Replace(newNAT, "10.162.1.12", "nope", 1))), 400, "REASON_320")

	requireOK(t, c.send(post(P+"/networkWithLocation", newNetwork)))
	requireFault(t, c.send(post(P+"/networkWithLocation", newNetwork)), 400, "REASON_210")
	requireFault(t, c.send(post(P+"/networkWithLocation", strings.Replace(newNetwork, "NA3", "XX1", 1))), 400, "REASON_770")
	list := decodeNode(t, c.get(P+"/networkWithLocation/NA3"))
	assert.Contains(t, names(list, "network"), "New Net")
	requireFault(t, c.get(P+"/network/"+NetworkTest+"?delete"), 400, "REASON_371")
	requireFault(t, c.send(post(P+"/network/"+NetworkTest+"/multicast", "enabled=true")), 400, "REASON_372")
	requireOK(t, c.get(P+"/network/"+NetworkEmpty+"?delete"))
	requireFault(t, c.get(P+"/network/"+NetworkEmpty), 400, "REASON_250")
	requireFault(t, c.get(P+"/network/"+NetworkDev+"/publicip/"+IPBlockDev+"?release"), 400, "REASON_350")
	requireOK(t, c.get(P+"/network/"+NetworkDev+"/publicip/"+IPBlockDevSpare+"?release"))
}

func TestVipFamily(t *testing.T) {
	c := newClient(t, sim.Options{})
	N := P + "/network/" + NetworkWeb
	requireFault(t, c.get(N+"/serverFarm/"+ServerFarmWeb+"?delete"), 400, "REASON_635")
	requireFault(t, c.get(N+"/realServer/"+RealServerWeb01+"?delete"), 400, "REASON_615")
	requireFault(t, c.get(N+"/probe/"+ProbeHTTP+"?delete"), 400, "REASON_625")
	requireOK(t, c.get(N+"/vip/"+VIPWeb+"?delete"))
	requireFault(t, c.get(N+"/serverFarm/"+ServerFarmWeb+"?delete"), 400, "REASON_636")
	requireOK(t, c.get(N+"/persistenceProfile/"+PersistenceWeb+"?delete"))
	requireFault(t, c.get(N+"/serverFarm/"+ServerFarmWeb+"?delete"), 400, "REASON_637")
	requireOK(t, c.send(post(N+"/realServer", newRealServer)))
	requireFault(t, c.send(post(N+"/realServer", strings.Replace(newRealServer, "rs-app-01", "rs-again", 1))), 400, "REASON_393")
	requireOK(t, c.send(post(N+"/vip", newVip)))
	vips := decodeNode(t, c.get(N+"/vip"))
	assert.Equal(t, []string{"https-vip"}, names(vips, "vip"))
	requireFault(t, c.send(post(N+"/vip", strings.Replace(strings.Replace(newVip, ServerFarmWeb, "nope", 1), "https-vip", "other-vip", 1))), 400, "REASON_630")
}

func TestImagesAndBackup(t *testing.T) {
	c := newClient(t, sim.Options{})
	assert.Equal(t, "true", decodeNode(t, c.send(post(P+"/image/nameExists", nameExists))).Text)
	requireFault(t, c.get(P+"/image/"+ImageWebTemplate+"?clean"), 400, "REASON_40")
	requireFault(t, c.get(P+"/image/"+ImagePending+"?delete"), 400, "REASON_601")
	requireOK(t, c.get(P+"/server/"+ServerDev01+"?clone=dev-01-image"))
	requireFault(t, c.get(P+"/server/"+ServerDev01+"?clone=dev-01-image"), 400, "REASON_391")
	imgs := decodeNode(t, c.get(P+"/image/deployedWithSoftwareLabels/NA3"))
	assert.Contains(t, names(imgs, "DeployedImageWithSoftwareLabels"), "dev-01-image")

	S := P + "/server/"
	requireFault(t, c.send(post(S+ServerWeb01+"/backup", newBackup)), 400, "REASON_550")
	requireFault(t, c.send(post(S+ServerTest01+"/backup", newBackup)), 400, "REASON_53")
	requireFault(t, c.send(post(S+ServerWeb03+"/backup", strings.Replace(newBackup, "Advanced", "Gold", 1))), 400, "REASON_320")
	st := requireOK(t, c.send(post(S+ServerWeb03+"/backup", newBackup)))
	require.Len(t, st.Info, 1)
	requireOK(t, c.send(post(S+ServerWeb03+"/backup/client", newBackupClient)))
	requireFault(t, c.get(S+ServerWeb03+"/backup?disable"), 400, "REASON_548")
	details := decodeNode(t, c.get(S+ServerWeb03+"/backup"))
	assert.Equal(t, "Advanced", details.attr("servicePlan"))
	require.Len(t, details.all("backupClient"), 1)
	requireFault(t, c.send(post(S+ServerDB01+"/backup/client/"+BackupClientWeb01+"/restore", restoreInPlace)), 400, "REASON_545")
	requireFault(t, c.send(post(S+ServerDB01+"/backup/modify", strings.Replace(modifyBackup, "Enterprise", "x", 1))), 400, "REASON_320")
}

func TestReports(t *testing.T) {
	c := newClient(t, sim.Options{})
	for _, op := range []string{"getSummaryUsageReport", "getDetailedUsageReport", "getSoftwareUnitsReport", "getBackupUsageReport", "getAdministratorLogsReport"} {
		spec := opsByID[op]
		path := strings.Replace(spec.PathKey, "{org-id}", OrgID, 1) + "?startDate=2013-07-01&endDate=2013-07-02&fromDate=2013-07-01&toDate=2013-07-02&datacenterId=NA1"
		rec := c.get(path)
		require.Equal(t, 200, rec.Code, rec.Body.String())
		assert.Equal(t, sim.ContentTypeCSV, rec.Header().Get("Content-Type"))
		first, _, _ := strings.Cut(rec.Body.String(), "\n")
		assert.Equal(t, strings.Join(spec.CSVHeader, ","), first, op)
	}
	requireFault(t, c.get(P+"/report/usage?startDate=2013-07-01&endDate=2013-09-01"), 400, "REASON_520")
	requireFault(t, c.get(P+"/backup/detailedUsageReport?fromDate=2013-07-01&toDate=2013-07-02&datacenterId=XX"), 400, "REASON_770")
}

// script touches every kind of state change, for the determinism test.
func transcript(t *testing.T, opts sim.Options) string {
	t.Helper()
	c := newClient(t, opts)
	var b strings.Builder
	for _, r := range specScript() {
		rec := c.send(r)
		keys := make([]string, 0, len(rec.Header()))
		for k := range rec.Header() {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(&b, "%s %s -> %d\n", r.method, r.path, rec.Code)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s: %s\n", k, strings.Join(rec.Header()[k], ", "))
		}
		b.WriteString(rec.Body.String())
	}
	// What the script created, with its seeded ids and clock stamps.
	for _, p := range []string{P + "/serverWithBackup", P + "/image/deployedWithSoftwareLabels/NA3", P + "/imageExport"} {
		b.WriteString(c.as(ReadOnlyUsername, ReadOnlyPassword).get(p).Body.String())
	}
	return b.String()
}

func TestDeterminism(t *testing.T) {
	a := transcript(t, sim.Options{Seed: 42})
	b := transcript(t, sim.Options{Seed: 42})
	require.Equal(t, a, b, "same seed, same requests: byte-identical answers")
	assert.Contains(t, a, "new-web")
	other := transcript(t, sim.Options{Seed: 43})
	assert.NotEqual(t, a, other, "new ids come from the seed")
}

func TestConcurrentUse(t *testing.T) {
	c := newClient(t, sim.Options{})
	done := make(chan bool)
	for i := 0; i < 8; i++ {
		go func() {
			defer func() { done <- true }()
			for j := 0; j < 10; j++ {
				c.get(P + "/serverWithBackup?pageSize=3")
				c.get(P + "/server/" + ServerWeb03 + "?start")
				c.get(P + "/server/" + ServerWeb03 + "?stop")
			}
		}()
	}
	for i := 0; i < 8; i++ {
		<-done
	}
}

func TestUnknownFault(t *testing.T) {
	_, err := New(sim.Options{Faults: []string{"nope"}})
	var ue *sim.UnknownFaultError
	require.ErrorAs(t, err, &ue)
	assert.Len(t, KnownFaults(), 10)
}

// A body or query without what the contract marks required answers REASON_320 where the
// operation documents it; the document's own sample is accepted.
func TestMissingRequiredAnswers320(t *testing.T) {
	c := newClient(t, sim.Options{})
	requireFault(t, c.get(P+"/backup/detailedUsageReport?datacenterId=NA1&toDate=2013-07-02"), 400, "REASON_320")
	requireFault(t, c.get(P+"/backup/detailedUsageReport?datacenterId=NA1&fromDate=2013-07-01&toDate=not-a-day"), 400, "REASON_520")
	requireFault(t, c.send(post(P+"/antiAffinityRule", `<NewAntiAffinityRule xmlns="http://oec.api.opsource.net/schemas/server"/>`)), 400, "REASON_320")
	requireFault(t, c.send(post(P+"/server/"+ServerWeb03+"/backup/modify", `<ModifyBackup xmlns="http://oec.api.opsource.net/schemas/backup"/>`)), 400, "REASON_320")
	// A required element present but empty is missing a value (line 2222).
	requireFault(t, c.send(post(P+"/imageExport", `<NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId></imageId><ovfPackagePrefix>x</ovfPackagePrefix></NewImageExport>`)), 400, "REASON_320")
}

// A network holding a reserved public IP block or a server farm is not deleted (REASON_384,
// REASON_388); a reserved block is never the default one (line 4751), so it is released.
func TestNetworkDeletionRefusedForItsResources(t *testing.T) {
	c := newClient(t, sim.Options{})
	net := P + "/network/" + NetworkEmpty
	st := decodeNode(t, c.get(net+"/publicip?reserveNewWithSize=4"))
	block := st.all("additionalInformation")[0].text("value")
	require.NotEmpty(t, block)
	requireFault(t, c.get(net+"?delete"), 400, "REASON_384")
	requireOK(t, c.get(net+"/publicip/"+block+"?release"))
	requireOK(t, c.send(post(net+"/serverFarm", `<NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip"><name>lone</name><predictor>ROUND_ROBIN</predictor></NewServerFarm>`)))
	requireFault(t, c.get(net+"?delete"), 400, "REASON_388")
}

// TestNATRuleNotThere: 7.11.4 gives a NAT rule that is not there REASON_260 and REASON_270; the
// default data set answers an id it never gave with the first and a deleted rule's id with the
// second, the second data set the other way round.
func TestNATRuleNotThere(t *testing.T) {
	for _, tc := range []struct {
		dataset, never, gone string
	}{
		{sim.DatasetDefault, "REASON_260", "REASON_270"},
		{sim.DatasetSecond, "REASON_270", "REASON_260"},
	} {
		t.Run(tc.dataset, func(t *testing.T) {
			c := newClient(t, sim.Options{Dataset: tc.dataset})
			f := c.s.Fixtures()
			N := "/oec/0.9/" + f["org_id"] + "/network/" + f["network_lb"]
			rule := decodeNode(t, c.get(N+"/natrule")).all("NatRule")[0].text("id")
			requireFault(t, c.get(N+"/natrule/00000000-0000-0000-0000-000000000000?delete"), 400, tc.never)
			requireOK(t, c.get(N+"/natrule/"+rule+"?delete"))
			requireFault(t, c.get(N+"/natrule/"+rule+"?delete"), 400, tc.gone)
		})
	}
}
