package cloudcontrol

import (
	"encoding/xml"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/cloudcontract/cloudcontract/harness/sim"
	"github.com/cloudcontract/cloudcontract/harness/spec"
	"github.com/cloudcontract/cloudcontract/harness/validate"
)

// Request bodies of the script.
const (
	newAccount = `<Account xmlns="http://oec.api.opsource.net/schemas/directory"><userName>jpublic</userName><password>321321321</password>` +
		`<fullName>Joe Public</fullName><firstName>Joe</firstName><lastName>Public</lastName><emailAddress>jpublic@example.com</emailAddress>` +
		`<orgId>` + OrgID + `</orgId><roles><role><name>network</name></role><role><name>server</name></role></roles></Account>`
	newServer = `<Server xmlns="http://oec.api.opsource.net/schemas/server"><name>new-web</name><description>new</description>` +
		`<vlanResourcePath>/oec/` + OrgID + `/network/` + NetworkWeb + `</vlanResourcePath><imageResourcePath>/oec/base/image/` + ImageUbuntuNA1 +
		`</imageResourcePath><administratorPassword>P@ssw0rd</administratorPassword><isStarted>false</isStarted></Server>`
	newNetwork    = `<NewNetworkWithLocation xmlns="http://oec.api.opsource.net/schemas/network"><name>New Net</name><description>d</description><location>NA3</location></NewNetworkWithLocation>`
	newNetworkOld = `<Network xmlns="http://oec.api.opsource.net/schemas/network"><name>Legacy Net</name></Network>`
	newACL        = `<AclRule xmlns="http://oec.api.opsource.net/schemas/network"><name>allow-smtp</name><position>150</position><action>PERMIT</action>` +
		`<protocol>TCP</protocol><sourceIpRange><ipAddress>10.0.0.0</ipAddress><netmask>255.0.0.0</netmask></sourceIpRange><portRange><type>EQUAL_TO</type><port1>25</port1></portRange><type>OUTSIDE_ACL</type></AclRule>`
	newNAT          = `<NatRule xmlns="http://oec.api.opsource.net/schemas/network"><name>web-02</name><sourceIp>10.162.1.12</sourceIp></NatRule>`
	newRealServer   = `<NewRealServer xmlns="http://oec.api.opsource.net/schemas/vip"><name>rs-app-01</name><serverId>` + ServerApp01 + `</serverId><inService>true</inService></NewRealServer>`
	newProbe        = `<NewProbe xmlns="http://oec.api.opsource.net/schemas/vip"><name>new-probe</name><type>TCP</type><probeIntervalSeconds>10</probeIntervalSeconds><errorCountBeforeServerFail>3</errorCountBeforeServerFail><successCountBeforeServerEnable>3</successCountBeforeServerEnable><failedProbeIntervalSeconds>30</failedProbeIntervalSeconds><maxReplyWaitSeconds>5</maxReplyWaitSeconds><port>8080</port></NewProbe>`
	newFarm         = `<NewServerFarm xmlns="http://oec.api.opsource.net/schemas/vip"><name>app-farm</name><predictor>LEAST_CONNECTIONS</predictor></NewServerFarm>`
	newProfile      = `<NewPersistenceProfile xmlns="http://oec.api.opsource.net/schemas/vip"><name>cookie-sticky</name><serverFarmId>` + ServerFarmWeb + `</serverFarmId><timeoutMinutes>30</timeoutMinutes><type>HTTP_COOKIE</type><cookieName>SID</cookieName><cookieType>COOKIE_INSERT</cookieType></NewPersistenceProfile>`
	newVip          = `<NewVip xmlns="http://oec.api.opsource.net/schemas/vip"><name>https-vip</name><port>443</port><protocol>TCP</protocol><vipTargetType>SERVER_FARM</vipTargetType><vipTargetId>` + ServerFarmWeb + `</vipTargetId><replyToIcmp>true</replyToIcmp><inService>true</inService></NewVip>`
	newFiles        = `<NewStorageAccount xmlns="http://oec.api.opsource.net/schemas/storage"><userName>files.new</userName><password>files-new-password</password><email>files.new@example.com</email><allocatedStorageMb>2048</allocatedStorageMb><displayName>New</displayName><subAdminUserName>sub.admin</subAdminUserName></NewStorageAccount>`
	newImport       = `<NewImageImport xmlns="http://oec.api.opsource.net/schemas/server"><ovfPackage>web-template-export.mf</ovfPackage><location>NA3</location><name>imported</name></NewImageImport>`
	newExport       = `<NewImageExport xmlns="http://oec.api.opsource.net/schemas/server"><imageId>` + ImageDevTemplate + `</imageId><ovfPackagePrefix>dev-export</ovfPackagePrefix></NewImageExport>`
	newCopy         = `<NewImageCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceImageId>` + ImageDBTemplate + `</sourceImageId><targetImageName>db-copy</targetImageName><targetLocation>NA3</targetLocation></NewImageCopy>`
	newRemoteCopy   = `<NewRemoteOvfCopy xmlns="http://oec.api.opsource.net/schemas/server"><sourceGeoId>europe</sourceGeoId><sourceOvfPackage>eu-package.mf</sourceOvfPackage></NewRemoteOvfCopy>`
	newRule         = `<NewAntiAffinityRule xmlns="http://oec.api.opsource.net/schemas/server"><serverId>` + ServerWeb01 + `</serverId><serverId>` + ServerWeb03 + `</serverId></NewAntiAffinityRule>`
	newBackup       = `<NewBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Advanced"/>`
	modifyBackup    = `<ModifyBackup xmlns="http://oec.api.opsource.net/schemas/backup" servicePlan="Enterprise"/>`
	newBackupClient = `<NewBackupClient xmlns="http://oec.api.opsource.net/schemas/backup"><type>MySQL</type><storagePolicyName>30 Day Storage Policy</storagePolicyName><schedulePolicyName>6PM - 12AM</schedulePolicyName><alerting><trigger>ON_FAILURE</trigger><emailAddress>ops@example.com</emailAddress></alerting></NewBackupClient>`
	modClient       = `<ModifyBackupClient xmlns="http://oec.api.opsource.net/schemas/backup"><storagePolicyName>14 Day Storage Policy</storagePolicyName><schedulePolicyName>12AM - 6AM</schedulePolicyName></ModifyBackupClient>`
	restoreInPlace  = `<RestoreBackup xmlns="http://oec.api.opsource.net/schemas/backup"><asAtDate>2013-07-18T00:00:00</asAtDate></RestoreBackup>`
	diskSpeed       = `<ChangeDiskSpeed xmlns="http://oec.api.opsource.net/schemas/server"><speed>ECONOMY</speed></ChangeDiskSpeed>`
	nameExists      = `<ImageNameExists xmlns="http://oec.api.opsource.net/schemas/server"><location>NA1</location><imageName>web-template</imageName></ImageNameExists>`
)

// specScript calls every operation of the contract successfully, in an
// order where each call finds what it needs, then a spread of documented
// faults.
func specScript() []req {
	N := P + "/network/" + NetworkWeb
	S := P + "/server/"
	return []req{
		get("/oec/0.9/myaccount"),
		post(P+"/account", newAccount),
		post(P+"/account/jpublic", "fullName=Joe+Q+Public&role=server&role=create+image"),
		get(P + "/account"),
		get(P + "/account/jpublic?delete"),
		get(P + "/datacenterWithMaintenanceStatus?pageSize=2"),
		get(P + "/datacenterWithDiskSpeed?location=NA1&location=NA3"),
		get(P + "/datacenterWithLimits"),
		get(P + "/datacenter"),
		get(P + "/multigeo"),
		get(P + "/geo"),
		get(P + "/softwarelabel"),

		get("/oec/0.9/base/image/deployedWithSoftwareLabels/NA1"),
		get(P + "/image/deployedWithSoftwareLabels/NA1"),
		get(P + "/image/pendingDeploy/NA1"),
		post(P+"/image/nameExists", nameExists),
		get(P + "/image/" + ImageDBTemplate),
		get(P + "/image/" + ImagePending),
		post(P+"/image/"+ImageWebTemplate, "description=Web+servers"),
		get(P + "/image/" + ImageFailed + "?clean"),
		get("/oec/0.9/base/image"),
		get(P + "/image/deployed"),
		get(P + "/image/pendingDeploy"),
		get(P + "/image/deployed/NA1"),
		get("/oec/0.9/base/image/NA3"),
		get("/oec/0.9/opsource/image/web"),
		get("/oec/0.9/opsource/image/db"),
		get(P + "/image"),
		get("/oec/0.9/partner/image"),

		get(P + "/ovfPackage"),
		post(P+"/imageImport", newImport),
		get(P + "/imageImport"),
		post(P+"/imageExport", newExport),
		get(P + "/imageExport"),
		get(P + "/imageExportHistory"),
		post(P+"/copyCustomerImage", newCopy),
		get(P + "/copyCustomerImage"),
		post(P+"/remoteOvfPackageCopy", newRemoteCopy),
		get(P + "/remoteOvfPackageCopy?orderBy=startDate.DESCENDING"),
		get(P + "/remoteOvfPackageCopyHistory?pageSize=4&pageNumber=2&sourceGeoKey=europe"),

		get(P + "/serverWithBackup?pageSize=5&pageNumber=3"),
		get(P + "/serverWithState?orderBy=name&deployed=true&location=NA1"),
		post(S, newServer),
		get(S + ServerWeb03 + "?start"),
		get(S + ServerWeb03 + "?shutdown"),
		get(S + ServerWeb03 + "?start"),
		get(S + ServerWeb03 + "?reboot"),
		get(S + ServerWeb03 + "?reset"),
		get(S + ServerWeb03 + "?poweroff"),
		get(S + ServerWeb03 + "?restart"),
		get(S + ServerWeb03 + "?stop"),
		post(S+ServerWeb03, "name=web-03b&cpuCount=2&memory=4096"),
		post(S+ServerWeb03, "privateIp=10.162.1.99"),
		get(S + ServerBuild01 + "?updateVMwareTools"),
		get(S + ServerDB02 + "?addLocalStorage&amount=20&speed=STANDARD"),
		get(S + ServerDB02 + "/disk/" + DiskDB02Extra + "?delete"),
		get(S + ServerDev02 + "?clone=dev-02-image&desc=clone"),
		post(S+ServerDB01+"/disk/4e092b3f-0c1d-11e3-b29c-001517c46e24/changeSpeed", diskSpeed),
		get(S + ServerFailed01 + "?clean"),
		post(P+"/antiAffinityRule", newRule),
		get(P + "/antiAffinityRule?location=NA1"),
		get(P + "/antiAffinityRule/" + AntiAffinityDev + "?delete"),
		get(S + ServerDev02 + "?delete"),
		get(S + ServerWeb01),
		get(S + "deployed"),
		get(S + "pendingDeploy"),
		get(P + "/network/" + NetworkDB + "/server/deployedWithDisks"),
		get(P + "/network/" + NetworkDB + "/server/pendingDeployWithDisks"),
		get(N + "/server/deployedWithSoftwareLabels"),
		get(P + "/network/" + NetworkDB + "/server/pendingDeploy"),
		get(N + "/server/deployed"),
		get(P + "/server"),
		get(N + "/server/deployedWithStatus"),
		get(N + "/server"),

		post(S+ServerWeb02+"/backup", newBackup),
		post(S+ServerWeb02+"/backup/modify", modifyBackup),
		get(S + ServerWeb02 + "/backup/client/type"),
		get(S + ServerWeb02 + "/backup/client/storagePolicy"),
		get(S + ServerWeb02 + "/backup/client/schedulePolicy"),
		post(S+ServerWeb02+"/backup/client", newBackupClient),
		get(S + ServerWeb01 + "/backup"),
		post(S+ServerWeb01+"/backup/client/"+BackupClientWeb01+"/modify", modClient),
		post(S+ServerWeb01+"/backup/client/"+BackupClientWeb01+"/restore", restoreInPlace),
		get(S + ServerWeb01 + "/backup/client/FA.Linux/systemRestoreTarget"),
		get(S + ServerDB01 + "/backup?disable"),

		get(P + "/networkWithLocation"),
		get(P + "/networkWithLocation/NA1"),
		get(N),
		post(P+"/networkWithLocation", newNetwork),
		post(P+"/network", newNetworkOld),
		post(P+"/network/"+NetworkDB, "name=DB+Network&description=db"),
		get(P + "/network/" + NetworkEmpty + "?delete"),
		get(N + "/aclrule"),
		post(N+"/aclrule", newACL),
		get(N + "/aclrule/1f0311d0-b874-413e-9c6d-18d35f62ca03?delete"),
		get(N + "/natrule"),
		post(N+"/natrule", newNAT),
		get(N + "/natrule/" + NATRuleWeb01 + "?delete"),
		get(N + "/config"),
		get(P + "/networkWithLocation/" + NetworkWeb + "/config"),
		get(P + "/network/" + NetworkDB + "/publicip?reserveNewWithSize=4"),
		get(P + "/network/" + NetworkDB + "/publicip?reserveNew"),
		post(N+"/publicip/"+IPBlockWeb, "serverToVipConnectivity=true"),
		post(P+"/network/"+NetworkTest+"/multicast", "enabled=false"),
		get(N + "/realServer"),
		post(N+"/realServer", newRealServer),
		get(N + "/probe"),
		post(N+"/probe", newProbe),
		post(N+"/probe/"+ProbeTCP, "probeIntervalSeconds=20"),
		get(N + "/serverFarm"),
		get(N + "/serverFarm/" + ServerFarmWeb),
		post(N+"/serverFarm", newFarm),
		post(N+"/persistenceProfile", newProfile),
		post(N+"/serverFarm/"+ServerFarmWeb+"/addProbe", "probeId="+ProbeTCP),
		post(N+"/serverFarm/"+ServerFarmWeb+"/removeProbe", "probeId="+ProbeTCP),
		post(N+"/serverFarm/"+ServerFarmWeb+"/removeRealServer", "realServerId="+RealServerWeb02),
		post(N+"/serverFarm/"+ServerFarmWeb+"/addRealServer", "realServerId="+RealServerWeb02+"&realServerPort=8080"),
		post(N+"/serverFarm/"+ServerFarmWeb+"/removeRealServer", "realServerId="+RealServerWeb02+"&realServerPort=8080"),
		post(N+"/serverFarm/"+ServerFarmWeb, "predictor=LEAST_CONNECTIONS"),
		get(N + "/persistenceProfile"),
		get(N + "/vip"),
		post(N+"/vip", newVip),
		post(N+"/vip/"+VIPWeb, "inService=false"),
		post(N+"/realServer/"+RealServerWeb01, "inService=false"),
		get(N + "/vip/" + VIPWeb + "?delete"),
		get(N + "/persistenceProfile/" + PersistenceWeb + "?delete"),
		get(N + "/probe/" + ProbeTCP + "?delete"),
		get(P + "/network"),

		post(P+"/storageAccount", newFiles),
		get(P + "/storageAccount"),
		post(P+"/storageAccount/files.new", "allocatedStorageMb=4096&subAdminUserName="),
		get(P + "/storageAccount/files.archive?delete"),

		get(P + "/report/usage?startDate=2013-07-01&endDate=2013-07-02"),
		get(P + "/report/usageDetailed?startDate=2013-07-01&endDate=2013-07-02"),
		get(P + "/report/usageSoftwareUnits?startDate=2013-07-01&endDate=2013-07-01"),
		get(P + "/backup/detailedUsageReport?datacenterId=NA1&fromDate=2013-07-01&toDate=2013-07-01"),
		get(P + "/auditlog?startDate=2013-07-01&endDate=2013-07-30"),

		// Deletes last, once nothing depends on them.
		get(S + ServerWeb01 + "/backup/client/" + BackupClientWeb01 + "?remove"),
		get(N + "/realServer/" + RealServerWeb02 + "?delete"),
		get(N + "/serverFarm/" + ServerFarmSpare + "?delete"),
		get(P + "/image/" + ImageWebTemplate + "?delete"),
		get(P + "/storageAccount/files.new?delete"),
		get(P + "/network/" + NetworkDev + "/publicip/" + IPBlockDevSpare + "?release"),
		// The primary administrator hands over last (and loses the role).
		get(P + "/account/" + ReadOnlyUsername + "?primary"),
	}
}

// faultScript is a spread of documented faults.
func faultScript() []req {
	N := P + "/network/" + NetworkWeb
	S := P + "/server/"
	return []req{
		get("/oec/0.9/wrong-org/server"),                                 // REASON_140 (no REASON_100 documented)
		get("/oec/0.9/wrong-org/serverWithBackup"),                       // REASON_100
		get(P + "/serverWithBackup?pageSize=0"),                          // REASON_71
		get(P + "/serverWithBackup?colour=blue"),                         // REASON_70
		get(P + "/serverWithBackup?name.MIN=a"),                          // REASON_73
		get(P + "/serverWithBackup?created.MIN=yesterday"),               // REASON_320
		get(P + "/serverWithBackup?orderBy=cpu"),                         // REASON_71
		get(P + "/remoteOvfPackageCopyHistory?sourceGeoKey=x"),           // REASON_163
		get(S + "nope?start"),                                            // REASON_395
		get(S + ServerWeb01 + "?start"),                                  // REASON_40
		get(S + ServerTest02 + "?poweroff"),                              // REASON_392
		get(S + ServerMail01 + "?shutdown"),                              // REASON_800
		get(S + ServerWeb01 + "?delete"),                                 // REASON_40
		get(S + ServerDB01 + "/disk/x?delete"),                           // REASON_394
		post(S, "<Server><name>x</name></Server>"),                       // REASON_320
		post(S, "not xml"),                                               // REASON_60
		get(P + "/image/nope"),                                           // REASON_390
		get(P + "/network/nope/aclrule"),                                 // REASON_250
		get(N + "/aclrule/nope?delete"),                                  // REASON_280
		get(N + "/publicip/" + IPBlockWeb + "?release"),                  // REASON_350
		get(P + "/network/" + NetworkWeb + "?delete"),                    // REASON_380
		get(P + "/image/deployed/XX9"),                                   // REASON_770
		get(S + ServerWeb03 + "/backup"),                                 // REASON_543
		get(S + ServerTest01 + "/backup"),                                // REASON_53
		get(P + "/account/nobody?delete"),                                // REASON_110
		get(P + "/report/usage?startDate=2013-07-02&endDate=2013-07-01"), // REASON_520
		get(P + "/storageAccount/nope?delete"),                           // REASON_680
		get(N + "/vip/nope?delete"),                                      // REASON_650
		get(P + "/antiAffinityRule/" + AntiAffinityTest + "?delete"),     // REASON_40
	}
}

// reasonProblems checks what the harness's validator does not (yet): that a
// fault's REASON code is documented for the operation with this HTTP status,
// and that a success Status carries REASON_0.
func reasonProblems(api *spec.API, x *validate.Exchange) []string {
	op, _, err := api.Find(x.Method, x.URL.Path, x.URL.RawQuery)
	if err != nil || !strings.Contains(x.Header.Get("Content-Type"), "xml") {
		return nil
	}
	var st status
	if xml.Unmarshal(x.Body, &st) != nil || st.ResultCode == "" {
		return nil
	}
	spec := opsByID[op.ID]
	if st.Result == "SUCCESS" {
		if st.ResultCode != "REASON_0" {
			return []string{fmt.Sprintf("success Status with %s", st.ResultCode)}
		}
		return nil
	}
	want, ok := spec.reasonStatus(st.ResultCode)
	if !ok {
		return []string{fmt.Sprintf("%s is not documented for %s", st.ResultCode, op.ID)}
	}
	if want != x.Status {
		return []string{fmt.Sprintf("%s is documented with HTTP %d, answered %d", st.ResultCode, want, x.Status)}
	}
	return nil
}

func loadAPI(t *testing.T) (*spec.API, *validate.Validator) {
	t.Helper()
	api, err := spec.Load(specDir)
	require.NoError(t, err)
	return api, validate.New(api)
}

// run replays reqs on a new simulator with opts and returns, per request,
// the contract problems found, and which operations answered 200.
func run(t *testing.T, opts sim.Options, reqs []req) (map[string][]string, map[string]bool) {
	t.Helper()
	api, v := loadAPI(t)
	c := newClient(t, opts)
	problems := map[string][]string{}
	okOps := map[string]bool{}
	for _, r := range reqs {
		rec := c.send(r)
		u, _ := url.Parse(r.path)
		x := &validate.Exchange{Method: r.method, URL: u, RequestBody: []byte(r.body), Status: rec.Code, Header: rec.Header(), Body: rec.Body.Bytes()}
		key := fmt.Sprintf("%s %s -> %d\n%s", r.method, r.path, rec.Code, rec.Body.String())
		if err := v.Validate(x); err != nil {
			problems[key] = append(problems[key], err.Error())
		}
		problems[key] = append(problems[key], reasonProblems(api, x)...)
		if len(problems[key]) == 0 {
			delete(problems, key)
		}
		if op, _, err := api.Find(r.method, u.Path, u.RawQuery); err == nil && rec.Code == http.StatusOK {
			okOps[op.ID] = true
		}
	}
	return problems, okOps
}

// TestAnswersMatchSpec checks every operation's success answer and a spread
// of documented faults against the contract, and that every one of the 139
// operations answered 200 at least once.
func TestAnswersMatchSpec(t *testing.T) {
	problems, okOps := run(t, sim.Options{}, append(specScript(), faultScript()...))
	for k, p := range problems {
		t.Errorf("%s\n  %s", k, strings.Join(p, "\n  "))
	}
	var missing []string
	for _, op := range operations {
		if !okOps[op.ID] {
			missing = append(missing, op.ID)
		}
	}
	assert.Empty(t, missing, "operations never answered 200")
}

// TestFaultScriptAnswersFaults makes sure the fault script exercises faults.
func TestFaultScriptAnswersFaults(t *testing.T) {
	c := newClient(t, sim.Options{})
	for _, r := range faultScript() {
		rec := c.send(r)
		assert.NotEqual(t, http.StatusOK, rec.Code, "%s %s: %s", r.method, r.path, rec.Body.String())
	}
}
