package cloudcontrol

import (
	"fmt"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// The seeded organization. Everything a feature file may rely on is fixed
// here and does not depend on Options.Seed; only resources created at run
// time take identifiers from the seeded generator.

// OrgID is the organization id GET /oec/0.9/myaccount returns (the
// document's own example, line 613).
const OrgID = "1831c1a9-9c03-44df-a5a4-f2a4662d6bde"

// Seeded data center locations. NA1 is the default; NA5 has no Cloud Backup
// (REASON_53); NA9 is in maintenance for servers and images (REASON_51): beside an empty
// network it holds a network of two servers and a customer image, which every operation naming
// them answers so.
const (
	LocationNA1 = "NA1"
	LocationNA3 = "NA3"
	LocationNA5 = "NA5"
	LocationNA9 = "NA9"
)

// Seeded network ids.
const (
	NetworkWeb   = "a4c8b1e2-0c1d-11e3-b29c-001517c46401" // NA1 "Web Network": servers, NAT, ACL, IP block, VIP resources
	NetworkDB    = "a4c8b1e2-0c1d-11e3-b29c-001517c46402" // NA1 "Database Network": servers and a pending deployment
	NetworkDev   = "a4c8b1e2-0c1d-11e3-b29c-001517c46403" // NA3 "Development Network"
	NetworkTest  = "a4c8b1e2-0c1d-11e3-b29c-001517c46404" // NA5 "Test Network", multicast on
	NetworkEmpty = "a4c8b1e2-0c1d-11e3-b29c-001517c46405" // NA9 "Empty Network": no resources, may be deleted
	NetworkHold  = "a4c8b1e2-0c1d-11e3-b29c-001517c46406" // NA9 "Hold Network": the servers of the data center in maintenance
)

// Seeded server ids (16 servers; see seedServers for names, states and dates).
const (
	ServerWeb01    = "5f3b8e2c-1a2b-4c3d-8e4f-000000000001" // web-01, NA1, started, backup (Enterprise, one client)
	ServerWeb02    = "5f3b8e2c-1a2b-4c3d-8e4f-000000000002" // web-02, NA1, started, anti-affinity with app-01
	ServerWeb03    = "5f3b8e2c-1a2b-4c3d-8e4f-000000000003" // web-03, NA1, stopped
	ServerDB01     = "5f3b8e2c-1a2b-4c3d-8e4f-000000000004" // db-01, NA1, started, backup (Essentials, no client)
	ServerDB02     = "5f3b8e2c-1a2b-4c3d-8e4f-000000000005" // db-02, NA1, stopped, one additional disk
	ServerApp01    = "5f3b8e2c-1a2b-4c3d-8e4f-000000000006" // app-01, NA1, started
	ServerDev01    = "5f3b8e2c-1a2b-4c3d-8e4f-000000000007" // dev-01, NA3, started
	ServerDev02    = "5f3b8e2c-1a2b-4c3d-8e4f-000000000008" // dev-02, NA3, stopped
	ServerBuild01  = "5f3b8e2c-1a2b-4c3d-8e4f-000000000009" // build-01, NA3, stopped
	ServerTest01   = "5f3b8e2c-1a2b-4c3d-8e4f-000000000010" // test-01, NA5, started
	ServerTest02   = "5f3b8e2c-1a2b-4c3d-8e4f-000000000011" // test-02, NA5, PENDING_CHANGE: every action answers REASON_392
	ServerMail01   = "5f3b8e2c-1a2b-4c3d-8e4f-000000000012" // mail-01, NA5, started, VMware Tools not running (REASON_800)
	ServerPending  = "5f3b8e2c-1a2b-4c3d-8e4f-000000000013" // pending-01, NA1, being deployed (PENDING_ADD)
	ServerFailed01 = "5f3b8e2c-1a2b-4c3d-8e4f-000000000014" // failed-01, NA3, failed deployment (FAILED_ADD), for ?clean
	// hold-01, NA9, in the data center's maintenance (REASON_51); started with VMware Tools not
	// running, so that no discovery of a server to act on finds it.
	ServerHold01 = "5f3b8e2c-1a2b-4c3d-8e4f-000000000015"
	ServerHold02 = "5f3b8e2c-1a2b-4c3d-8e4f-000000000016" // hold-02, as hold-01 on its network
)

// Seeded image ids: NA1 OS images and customer images.
const (
	ImageRedHatNA1   = "52ed8b72-ebea-11df-bdc1-001517c46301" // OS image "RedHat 5.6 64-bit 2 CPU", NA1
	ImageUbuntuNA1   = "52ed8b72-ebea-11df-bdc1-001517c46302" // OS image "Ubuntu 12.04 64-bit 2 CPU", NA1
	ImageWindowsNA1  = "52ed8b72-ebea-11df-bdc1-001517c46303" // OS image "Win2008 Ent R2 64-bit 2 CPU", NA1 (MSSQL label)
	ImageCentOSNA1   = "52ed8b72-ebea-11df-bdc1-001517c46304" // OS image "CentOS 6 64-bit 2 CPU", NA1
	ImageWebTemplate = "c325fe04-7711-4968-962e-c88784eb2001" // customer image "web-template", NA1
	ImageDBTemplate  = "c325fe04-7711-4968-962e-c88784eb2002" // customer image "db-template", NA1
	ImageDevTemplate = "c325fe04-7711-4968-962e-c88784eb2003" // customer image "dev-template", NA3
	ImagePending     = "c325fe04-7711-4968-962e-c88784eb2004" // customer image being imported, NA1 (PENDING_ADD)
	ImageFailed      = "c325fe04-7711-4968-962e-c88784eb2005" // customer image whose import failed, NA3 (FAILED_ADD), for ?clean
	ImageHold        = "c325fe04-7711-4968-962e-c88784eb2006" // customer image "hold-template", NA9, in the data center's maintenance (REASON_51)
)

// Other seeded ids.
const (
	IPBlockWeb        = "b5d0f2a6-0c1d-11e3-b29c-001517c46501" // NetworkWeb's default public IP block 165.180.12.32/8
	ACLRuleHTTP       = "1f0311d0-b874-413e-9c6d-18d35f62ca01" // NetworkWeb, position 100, PERMIT TCP 80
	NATRuleWeb01      = "c6e1a3b7-0c1d-11e3-b29c-001517c46601" // NetworkWeb, web-01 10.162.1.11 -> 165.180.12.32
	RealServerWeb01   = "d7f2b4c8-0c1d-11e3-b29c-001517c46701" // "rs-web-01"
	RealServerWeb02   = "d7f2b4c8-0c1d-11e3-b29c-001517c46702" // "rs-web-02"
	ProbeHTTP         = "e8a3c5d9-0c1d-11e3-b29c-001517c46801" // "http-probe"
	ProbeTCP          = "e8a3c5d9-0c1d-11e3-b29c-001517c46802" // "tcp-probe"
	ServerFarmWeb     = "f9b4d6ea-0c1d-11e3-b29c-001517c46901" // "web-farm" (rs-web-01, rs-web-02, http-probe)
	ServerFarmSpare   = "f9b4d6ea-0c1d-11e3-b29c-001517c46902" // "spare-farm": no members, probes, VIPs or profiles; may be deleted
	IPBlockDev        = "b5d0f2a6-0c1d-11e3-b29c-001517c46503" // NetworkDev's default public IP block 165.180.13.0/8
	IPBlockDevSpare   = "b5d0f2a6-0c1d-11e3-b29c-001517c46504" // NetworkDev's second, unused block 165.180.14.0/8; may be released
	PersistenceWeb    = "0ac5e7fb-0c1d-11e3-b29c-001517c46a01" // "web-sticky" on web-farm
	VIPWeb            = "1bd6f80c-0c1d-11e3-b29c-001517c46b01" // "web-vip" 165.180.12.33:80
	AntiAffinityWeb   = "2ce7091d-0c1d-11e3-b29c-001517c46c01" // web-02 + app-01, NA1
	AntiAffinityDev   = "2ce7091d-0c1d-11e3-b29c-001517c46c02" // dev-01 + dev-02, NA3
	AntiAffinityTest  = "2ce7091d-0c1d-11e3-b29c-001517c46c03" // test-01 + mail-01, NA5, PENDING_ADD (delete: REASON_40)
	BackupClientWeb01 = "3df81a2e-0c1d-11e3-b29c-001517c46d01" // web-01's FA.Linux client
	FilesAccountMain  = "files.main"                           // Cloud Files account
	DiskDB02Extra     = "4e092b3f-0c1d-11e3-b29c-001517c46e05" // db-02's additional disk (SCSI 1)
)

// timeLayout is how timestamps are written (xsd:dateTime, UTC).
const timeLayout = "2006-01-02T15:04:05.000Z"

func stamp(t time.Time) string { return t.UTC().Format(timeLayout) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 10, 30, 0, 0, time.UTC) }

var (
	osRedHat  = osInfo{id: "REDHAT564", osType: "UNIX", displayName: "REDHAT5/64"}
	osUbuntu  = osInfo{id: "UBUNTU1264", osType: "UNIX", displayName: "UBUNTU12/64"}
	osWindows = osInfo{id: "WIN2008R2E64", osType: "WINDOWS", displayName: "WIN2008R2E/64"}
	osCentOS  = osInfo{id: "CENTOS664", osType: "UNIX", displayName: "CENTOS6/64"}
)

// seed builds the organization. It is a function, not a package variable,
// so that every simulator gets its own mutable copy.
func seed(creds []sim.Credential) *state {
	st := &state{orgID: OrgID, pageSize: fallbackPageSize, settleReads: firstSettleReads}
	for _, c := range creds {
		first, last, _ := strings.Cut(c.Username, ".")
		a := &account{userName: c.Username, password: c.Password, firstName: title(first), lastName: title(last),
			email: c.Username + "@example.com", department: "IT"}
		a.fullName = strings.TrimSpace(a.firstName + " " + a.lastName)
		if a.lastName == "" {
			a.lastName = a.firstName
		}
		for _, r := range strings.Split(c.Role, roleSeparator) {
			if r = strings.TrimSpace(r); r != "" {
				a.roles = append(a.roles, r)
			}
		}
		if len(a.roles) == 0 {
			a.roles = []string{RoleReadOnly}
		}
		if a.hasRole(RolePrimary) {
			a.roles = []string{RolePrimary, RoleNetwork, RoleServer, RoleBackup, RoleCreateImg, RoleStorage, RoleReports}
		}
		st.accounts = append(st.accounts, a)
	}
	st.datacenters = []*datacenter{
		{location: LocationNA1, displayName: "US - East", city: "Ashburn", region: "Virginia", country: "US", vpnURL: "https://na1.cloud-vpn.net", isDefault: true, maxCPU: 16, maxRAMMb: 131072, networking: "CISCO", backup: true},
		{location: LocationNA3, displayName: "US - West", city: "Santa Clara", region: "California", country: "US", vpnURL: "https://na3.cloud-vpn.net", maxCPU: 8, maxRAMMb: 65536, networking: "CISCO", backup: true},
		{location: LocationNA5, displayName: "US - East 2", city: "Ashburn", region: "Virginia", country: "US", vpnURL: "https://na5.cloud-vpn.net", maxCPU: 16, maxRAMMb: 131072, networking: "CISCO"},
		{location: LocationNA9, displayName: "US - East 3", city: "Ashburn", region: "Virginia", country: "US", vpnURL: "https://na9.cloud-vpn.net", maxCPU: 32, maxRAMMb: 262144, networking: "CISCO", backup: true, maintenance: true},
	}
	st.geos = []*geo{
		{id: "1a76ef30-2cb3-1791-5476-231567091a87", key: "northamerica", name: "North America", uiURL: "https://admin.opsourcecloud.net", apiURL: "https://api.opsourcecloud.net/oec/0.9", productKey: "OBPK-PRD-7f5e3431", home: true},
		{id: "bf43af30-2c83-11e1-9963-001517451a54", key: "europe", name: "Europe", uiURL: "https://eu.opsourcecloud.net", apiURL: "https://euapi.opsourcecloud.net/oec/0.9", productKey: "OBPK-PRD-7f5e3432"},
	}
	st.labels = []*softwareLabel{
		{id: "MSSQL2008R2S", displayName: "MS SQL Server 2008 R2 Standard", description: "Microsoft SQL Server 2008 R2 Standard", pricedPer: "CPU", runningUnits: 330, stoppedUnits: 330},
		{id: "MSSQL2008R2E", displayName: "MS SQL Server 2008 R2 Enterprise", description: "Microsoft SQL Server 2008 R2 Enterprise", pricedPer: "CPU", runningUnits: 660, stoppedUnits: 660},
		{id: "REDHAT", displayName: "Red Hat Enterprise Linux", description: "Red Hat Enterprise Linux subscription", pricedPer: "SERVER", runningUnits: 45, stoppedUnits: 0},
	}
	st.images = seedImages()
	st.networks = seedNetworks()
	st.servers = seedServers()
	st.rules = []*antiAffinityRule{
		{id: AntiAffinityWeb, location: LocationNA1, state: "NORMAL", created: day(2013, 3, 4), serverIDs: [2]string{ServerWeb02, ServerApp01}},
		{id: AntiAffinityDev, location: LocationNA3, state: "NORMAL", created: day(2013, 1, 15), serverIDs: [2]string{ServerDev01, ServerDev02}},
		{id: AntiAffinityTest, location: LocationNA5, state: "PENDING_ADD", created: day(2013, 6, 20), serverIDs: [2]string{ServerTest01, ServerMail01}},
	}
	st.files = []*filesAccount{
		{userName: FilesAccountMain, password: "files-main-password", email: "files.main@example.com", displayName: "Main files", description: "Shared documents", allocatedMb: 10240, subAdmins: []string{SubAdminUsername}},
		{userName: "files.archive", password: "files-archive-password", email: "files.archive@example.com", displayName: "Archive", allocatedMb: 51200},
	}
	st.ovfPackages = []*ovfPackage{
		{name: "web-template-export.mf", status: "AVAILABLE", timestamp: day(2013, 5, 2)},
		{name: "web-template-export.ovf", status: "AVAILABLE", timestamp: day(2013, 5, 2)},
		{name: "web-template-export-disk1.vmdk", status: "AVAILABLE", timestamp: day(2013, 5, 2)},
		{name: "retired-template.mf", status: ovfExpired, timestamp: day(2013, 2, 4)},
	}
	st.exports = []*imageExport{
		{id: "5e1a1f04-0c1d-11e3-b29c-001517c47001", prefix: "web-template-export", imageID: ImageWebTemplate, userName: DefaultUsername, start: day(2013, 5, 2), end: day(2013, 5, 2).Add(40 * time.Minute), done: true},
		{id: "5e1a1f04-0c1d-11e3-b29c-001517c47002", prefix: "db-template-export", imageID: ImageDBTemplate, userName: DefaultUsername, start: day(2013, 7, 19)},
	}
	st.copies = []*imageCopy{
		{id: "6f2b2015-0c1d-11e3-b29c-001517c47101", sourceLocation: LocationNA1, sourceImageID: ImageWebTemplate, sourceImageName: "web-template", prefix: "web-template-copy", targetImageID: ImagePending},
	}
	for i, g := range []string{"europe", "europe", "australia", "europe", "asiapacific", "europe", "australia", "europe", "europe"} {
		rc := &remoteCopy{id: fmt.Sprintf("26cafcd4-66ad-11e1-b5d6-0030487e03%02d", i+1), sourceGeoKey: g,
			packageName: fmt.Sprintf("remote-package-%02d", i+1), start: day(2013, time.Month(1+i), 3+i)}
		if i < 6 {
			rc.done, rc.result, rc.end, rc.state = true, "SUCCESS", rc.start.Add(2*time.Hour), "NORMAL"
			if i == 4 {
				rc.result = "ERROR" // 4.11 samples (lines 2496, 2501): SUCCESS or ERROR
			}
		} else {
			rc.state = "PENDING_ADD"
		}
		st.remote = append(st.remote, rc)
	}
	st.audit = []auditEntry{
		{when: day(2013, 7, 1), user: DefaultUsername, kind: "SERVER", name: "web-01", id: ServerWeb01, action: "START_SERVER", detail: "Server started"},
		{when: day(2013, 7, 2), user: SubAdminUsername, kind: "SERVER", name: "web-03", id: ServerWeb03, action: "SHUTDOWN_SERVER", detail: "Server shut down"},
	}
	return st
}

func title(s string) string {
	if s == "" {
		return ""
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func seedImages() []*image {
	type base struct {
		suffix string
		name   string
		os     osInfo
		labels []string
	}
	bases := []base{
		{"01", "RedHat 5.6 64-bit 2 CPU", osRedHat, []string{"REDHAT"}},
		{"02", "Ubuntu 12.04 64-bit 2 CPU", osUbuntu, nil},
		{"03", "Win2008 Ent R2 64-bit 2 CPU", osWindows, []string{"MSSQL2008R2S"}},
		{"04", "CentOS 6 64-bit 2 CPU", osCentOS, nil},
	}
	var out []*image
	for li, loc := range []string{LocationNA1, LocationNA3, LocationNA5, LocationNA9} {
		for bi, b := range bases {
			category := ""
			switch bi {
			case 2:
				category = "db"
			case 3:
				category = "web"
			}
			out = append(out, &image{id: fmt.Sprintf("52ed8b72-ebea-11df-bdc1-001517c46%d%s", 3+li, b.suffix), name: b.name,
				description: b.name + " image", location: loc, os: b.os, cpu: 2, memoryMb: 4096, osStorageGb: 10,
				state: "NORMAL", created: day(2012, 6, 1+bi), labels: b.labels, provider: "opsource", category: category})
		}
	}
	out = append(out,
		&image{id: ImageWebTemplate, name: "web-template", description: "Image for producing web servers.", location: LocationNA1, os: osUbuntu,
			cpu: 2, memoryMb: 4096, osStorageGb: 10, customer: true, state: "NORMAL", created: day(2013, 2, 11), sourceServerID: ServerWeb01},
		&image{id: ImageDBTemplate, name: "db-template", description: "Image for database servers.", location: LocationNA1, os: osWindows,
			cpu: 4, memoryMb: 8192, osStorageGb: 50, customer: true, state: "NORMAL", created: day(2013, 3, 12), labels: []string{"MSSQL2008R2E"},
			disks: []*disk{{id: "ef49974c-87d0-400f-aa32-ee43559fdb01", scsiID: 1, sizeGb: 40, speed: "STANDARD", state: "NORMAL"}}},
		&image{id: ImageDevTemplate, name: "dev-template", description: "Developer workstation.", location: LocationNA3, os: osCentOS,
			cpu: 1, memoryMb: 2048, osStorageGb: 10, customer: true, state: "NORMAL", created: day(2013, 4, 2)},
		&image{id: ImagePending, name: "import-in-progress", description: "Imported from an OVF package.", location: LocationNA1, os: osRedHat,
			cpu: 2, memoryMb: 4096, osStorageGb: 20, customer: true, state: "PENDING_ADD", created: day(2013, 7, 19)},
		&image{id: ImageFailed, name: "failed-import", description: "An import that failed.", location: LocationNA3, os: osRedHat,
			cpu: 2, memoryMb: 4096, osStorageGb: 20, customer: true, state: "FAILED_ADD", created: day(2013, 7, 10)},
		&image{id: ImageHold, name: "hold-template", description: "Image kept in a data center in maintenance.", location: LocationNA9, os: osUbuntu,
			cpu: 2, memoryMb: 4096, osStorageGb: 10, customer: true, state: "NORMAL", created: day(2013, 5, 3), sourceServerID: ServerHold01},
	)
	return out
}

func seedNetworks() []*network {
	web := &network{id: NetworkWeb, name: "Web Network", description: "Public web tier", location: LocationNA1, privateNet: "10.162.1.0", state: "NORMAL", created: day(2012, 9, 1),
		ipBlocks: []*ipBlock{{id: IPBlockWeb, baseIP: "165.180.12.32", subnetSize: 8, networkDefault: true}},
		acl: []*aclRule{
			{id: ACLRuleHTTP, name: "allow-http", status: "NORMAL", position: 100, action: "PERMIT", protocol: "TCP", portType: "EQUAL_TO", port1: 80, ruleType: "OUTSIDE_ACL"},
			{id: "1f0311d0-b874-413e-9c6d-18d35f62ca02", name: "allow-https", status: "NORMAL", position: 110, action: "PERMIT", protocol: "TCP", portType: "EQUAL_TO", port1: 443, ruleType: "OUTSIDE_ACL"},
			{id: "1f0311d0-b874-413e-9c6d-18d35f62ca03", name: "deny-ssh-outside", status: "NORMAL", position: 200, action: "DENY", protocol: "TCP", srcIP: "0.0.0.0", srcMask: "0.0.0.0", portType: "EQUAL_TO", port1: 22, ruleType: "OUTSIDE_ACL"},
		},
		nat:         []*natRule{{id: NATRuleWeb01, name: "10.162.1.11", natIP: "165.180.12.32", sourceIP: "10.162.1.11"}},
		realServers: []*realServer{{id: RealServerWeb01, name: "rs-web-01", serverID: ServerWeb01, inService: true}, {id: RealServerWeb02, name: "rs-web-02", serverID: ServerWeb02, inService: true}},
		probes: []*probe{
			{id: ProbeHTTP, name: "http-probe", probeType: "HTTP", interval: 15, errorCount: 3, successCount: 5, failedInterval: 60, maxWait: 10, lower: 200, upper: 299, method: "GET", url: "/health", match: "OK", port: 80},
			{id: ProbeTCP, name: "tcp-probe", probeType: "TCP", interval: 30, errorCount: 3, successCount: 3, failedInterval: 60, maxWait: 10, port: 443},
		},
		farms: []*serverFarm{{id: ServerFarmWeb, name: "web-farm", predictor: "ROUND_ROBIN", probes: []string{ProbeHTTP}, members: []farmMember{{RealServerWeb01, 80}, {RealServerWeb02, 80}}},
			{id: ServerFarmSpare, name: "spare-farm", predictor: "ROUND_ROBIN"}},
		profiles: []*persistenceProfile{{id: PersistenceWeb, name: "web-sticky", farmID: ServerFarmWeb, profileType: "IP_NETMASK", direction: "SOURCE", netmask: "255.255.255.255", timeout: 60}},
		vips:     []*vip{{id: VIPWeb, name: "web-vip", ip: "165.180.12.33", port: 80, protocol: "TCP", targetType: "SERVER_FARM", targetID: ServerFarmWeb, replyToIcmp: true, inService: true}},
	}
	return []*network{
		web,
		{id: NetworkDB, name: "Database Network", description: "Private database tier", location: LocationNA1, privateNet: "10.162.2.0", state: "NORMAL", created: day(2012, 9, 2)},
		{id: NetworkDev, name: "Development Network", location: LocationNA3, privateNet: "10.163.1.0", state: "NORMAL", created: day(2012, 11, 20),
			ipBlocks: []*ipBlock{{id: IPBlockDev, baseIP: "165.180.13.0", subnetSize: 8, networkDefault: true}, {id: IPBlockDevSpare, baseIP: "165.180.14.0", subnetSize: 8}},
			acl:      []*aclRule{{id: "1f0311d0-b874-413e-9c6d-18d35f62ca11", name: "allow-rdp", status: "NORMAL", position: 300, action: "PERMIT", protocol: "TCP", portType: "EQUAL_TO", port1: 3389, ruleType: "OUTSIDE_ACL"}}},
		{id: NetworkTest, name: "Test Network", description: "Multicast test bed", location: LocationNA5, privateNet: "10.164.1.0", multicast: true, state: "NORMAL", created: day(2013, 1, 5)},
		{id: NetworkEmpty, name: "Empty Network", location: LocationNA9, privateNet: "10.165.1.0", state: "NORMAL", created: day(2013, 6, 30)},
		{id: NetworkHold, name: "Hold Network", location: LocationNA9, privateNet: "10.165.2.0", state: "NORMAL", created: day(2013, 5, 1)},
	}
}

func seedServers() []*server {
	type row struct {
		id, name, loc, net, img string
		os                      osInfo
		cpu, mem, host          int
		started, deployed       bool
		state                   string
		created                 time.Time
	}
	rows := []row{
		{ServerWeb01, "web-01", LocationNA1, NetworkWeb, ImageUbuntuNA1, osUbuntu, 2, 4096, 11, true, true, "NORMAL", day(2012, 9, 3)},
		{ServerWeb02, "web-02", LocationNA1, NetworkWeb, ImageUbuntuNA1, osUbuntu, 2, 4096, 12, true, true, "NORMAL", day(2012, 9, 4)},
		{ServerWeb03, "web-03", LocationNA1, NetworkWeb, ImageUbuntuNA1, osUbuntu, 1, 2048, 13, false, true, "NORMAL", day(2013, 2, 14)},
		{ServerDB01, "db-01", LocationNA1, NetworkDB, ImageWindowsNA1, osWindows, 4, 8192, 11, true, true, "NORMAL", day(2012, 10, 8)},
		{ServerDB02, "db-02", LocationNA1, NetworkDB, ImageWindowsNA1, osWindows, 4, 16384, 12, false, true, "NORMAL", day(2013, 3, 21)},
		{ServerApp01, "app-01", LocationNA1, NetworkWeb, ImageCentOSNA1, osCentOS, 2, 8192, 14, true, true, "NORMAL", day(2012, 12, 1)},
		{ServerDev01, "dev-01", LocationNA3, NetworkDev, "52ed8b72-ebea-11df-bdc1-001517c46404", osCentOS, 1, 2048, 11, true, true, "NORMAL", day(2012, 11, 21)},
		{ServerDev02, "dev-02", LocationNA3, NetworkDev, "52ed8b72-ebea-11df-bdc1-001517c46404", osCentOS, 1, 2048, 12, false, true, "NORMAL", day(2013, 1, 9)},
		{ServerBuild01, "build-01", LocationNA3, NetworkDev, "52ed8b72-ebea-11df-bdc1-001517c46401", osRedHat, 8, 32768, 13, false, true, "NORMAL", day(2013, 4, 30)},
		{ServerTest01, "test-01", LocationNA5, NetworkTest, "52ed8b72-ebea-11df-bdc1-001517c46502", osUbuntu, 2, 4096, 11, true, true, "NORMAL", day(2013, 1, 6)},
		{ServerTest02, "test-02", LocationNA5, NetworkTest, "52ed8b72-ebea-11df-bdc1-001517c46502", osUbuntu, 2, 4096, 12, true, true, "PENDING_CHANGE", day(2013, 5, 17)},
		{ServerMail01, "mail-01", LocationNA5, NetworkTest, "52ed8b72-ebea-11df-bdc1-001517c46503", osWindows, 2, 8192, 13, true, true, "NORMAL", day(2013, 6, 11)},
		{ServerPending, "pending-01", LocationNA1, NetworkDB, ImageRedHatNA1, osRedHat, 2, 4096, 20, false, false, "PENDING_ADD", day(2013, 7, 19)},
		{ServerFailed01, "failed-01", LocationNA3, NetworkDev, "52ed8b72-ebea-11df-bdc1-001517c46401", osRedHat, 2, 4096, 20, false, false, "FAILED_ADD", day(2013, 7, 15)},
		{ServerHold01, "hold-01", LocationNA9, NetworkHold, "52ed8b72-ebea-11df-bdc1-001517c46602", osUbuntu, 2, 4096, 11, true, true, "NORMAL", day(2013, 5, 2)},
		{ServerHold02, "hold-02", LocationNA9, NetworkHold, "52ed8b72-ebea-11df-bdc1-001517c46602", osUbuntu, 2, 4096, 12, true, true, "NORMAL", day(2013, 5, 5)},
	}
	nets := map[string]string{NetworkWeb: "10.162.1.", NetworkDB: "10.162.2.", NetworkDev: "10.163.1.", NetworkTest: "10.164.1.", NetworkHold: "10.165.2."}
	var out []*server
	for i, r := range rows {
		ip := fmt.Sprintf("%s%d", nets[r.net], r.host)
		s := &server{id: r.id, name: r.name, description: r.name + " server", location: r.loc, networkID: r.net, imageID: r.img,
			machineName: strings.ReplaceAll(ip, ".", "-"), privateIP: ip, os: r.os, cpu: r.cpu, memoryMb: r.mem, created: r.created,
			deployed: r.deployed, started: r.started, state: r.state, vmwareTools: "RUNNING", toolsCurrent: true,
			disks: []*disk{{id: fmt.Sprintf("4e092b3f-0c1d-11e3-b29c-001517c46e%02d", i+1+20), scsiID: 0, sizeGb: 10, speed: "STANDARD", state: "NORMAL"}}}
		if s.os.osType == "WINDOWS" {
			s.disks[0].sizeGb = 50
			s.labels = []string{"MSSQL2008R2S"}
		}
		switch r.state {
		case "PENDING_CHANGE":
			s.action = "START_SERVER"
		case "PENDING_ADD", "FAILED_ADD":
			s.action = "DEPLOY_SERVER"
		}
		out = append(out, s)
	}
	byID := map[string]*server{}
	for _, s := range out {
		byID[s.id] = s
	}
	byID[ServerWeb01].publicIP = "165.180.12.32"
	byID[ServerWeb01].backup = &serverBackup{assetID: "ASSET-web-01-0001", servicePlan: "Enterprise", state: "NORMAL",
		clients: []*backupClient{{id: BackupClientWeb01, clientType: "FA.Linux", description: "Linux File system", isFileSystem: true,
			storagePolicy: "14 Day Storage Policy", schedulePolicy: "12AM - 6AM", alertTrigger: "ON_FAILURE", alertEmails: []string{"ops@example.com"},
			status: "Active", lastBackup: "2013-07-19T01:12:00.000Z", nextBackup: "2013-07-20T01:00:00.000Z", totalBackupSizeGb: 12,
			downloadURL: "https://backups.example.com/download/" + BackupClientWeb01}}}
	byID[ServerDB01].backup = &serverBackup{assetID: "ASSET-db-01-0001", servicePlan: "Essentials", state: "NORMAL"}
	byID[ServerDB02].disks = append(byID[ServerDB02].disks, &disk{id: DiskDB02Extra, scsiID: 1, sizeGb: 100, speed: "HIGHPERFORMANCE", state: "NORMAL"})
	byID[ServerMail01].vmwareTools = "NOT_RUNNING"
	byID[ServerHold01].vmwareTools = "NOT_RUNNING"
	byID[ServerHold02].vmwareTools = "NOT_RUNNING"
	byID[ServerBuild01].toolsCurrent = false
	return out
}
