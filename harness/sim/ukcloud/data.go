package ukcloud

import "time"

// The seeded Portal. Everything a feature file may rely on is fixed here and
// does not depend on Options.Seed; only things created at run time (session
// tokens, new URNs, new service ids) come from the seeded generator.

// Seeded account ids.
const (
	// AccountDemo is "Demo": the default user is an administrator.
	AccountDemo = 1
	// AccountDevTeam is "UKCloud Development Team": the default user can see
	// it but is not an administrator.
	AccountDevTeam = 48
	// AccountOther exists but belongs to another customer: GETs answer 403
	// and build requests 404, as the document says for "no access".
	AccountOther = 2
)

// Seeded vOrg (compute service) ids.
const (
	VorgDemo       = 12 // account 1, "UKCloud Demo vCloud", user is vOrg admin
	VorgTest       = 13 // account 1, "UKCloud Test vCloud", user is vOrg admin
	VorgPoC        = 14 // account 1, "Proof of Concept", user is vOrg admin
	VorgDev        = 31 // account 48, visible, user is not vOrg admin (POST vdcs -> 403)
	VorgRestricted = 32 // account 48, exists, user has no permission (GET vdcs -> 403)
	VorgOther      = 41 // account 2, another customer's
)

// Seeded VDC and edge gateway URNs (the first two are the document's own).
const (
	VDCDemoBasic = "urn:vcloud:vdc:3f78f9db-be9b-4517-a013-f1a6e39d5f5d" // vOrg 12
	VDCDemoPower = "urn:vcloud:vdc:6513270e-269e-4d37-b2a7-4de452e6b438" // vOrg 12, empty
	VDCTest      = "urn:vcloud:vdc:d23f0824-128b-4f33-8c5c-7fd0a6a3a450" // vOrg 13
	VDCPoC       = "urn:vcloud:vdc:9531985d-5d9d-49f8-9818-e811892f902b" // vOrg 14
	VDCDev       = "urn:vcloud:vdc:36f675cc-81e7-4ef5-a8e2-5d940ed90475" // vOrg 31
	EdgeDemo     = "urn:vcloud:gateway:90693edd-c94b-4bf0-9544-d9123a77720c"
)

// Seeded builds: one completed build of each kind in account 1, and a vOrg
// build in account 2 that the default user must not see (404). New builds
// of each kind are numbered from the next id up (11, 11 and 24).
const (
	BuildVorgDemo  = 10
	BuildVorgOther = 9
	BuildVDCDemo   = 10
	BuildEdgeDemo  = 23
)

// Seeded ticket ids (support calls).
const (
	TicketInProgress     = "INC10001"   // default user's, In Progress
	TicketAwaitingReview = "INC1002183" // default user's, Awaiting Review (cannot be cancelled/closed yet)
	TicketResolved       = "INC1002184" // default user's, Resolved (can be reopened)
	TicketClosed         = "INC1002185" // default user's, Closed (no action allowed)
	TicketColleague      = "SR1000123"  // jane.doe's in account 1, seen only with for=account
	// One ticket per state-changing action, so that scenarios acting on them do not depend on
	// each other's order.
	TicketToCancel   = "INC10002"   // default user's, In Progress, for cancel
	TicketToReassign = "INC10003"   // default user's, In Progress, for change_owner
	TicketToClose    = "INC1002186" // default user's, Resolved, for close
)

// Other users of the seeded accounts, for subscribe and change_owner.
const (
	ColleagueEmail = "jane.doe@example.com"
	OpsEmail       = "ops.team@example.com"
)

// ukTime is the zone the document's examples are written in (+01:00).
var ukTime = time.FixedZone("BST", 3600)

type account struct {
	id      int
	name    string
	visible bool // the user can see the account
	admin   bool // the user is an administrator of the account
	users   []string
	vorgs   []*vorg
}

type vorg struct {
	id        int
	name      string
	serviceID string
	urn       string
	zone      string
	visible   bool // the user has permissions for the vOrg
	admin     bool // the user administers the vOrg (may build VDCs and edges)
	apiUser   string
	vdcs      []*vdc
	buckets   []bucket
}

type vdc struct {
	urn    string
	name   string
	vmType string
	vapps  []*vapp
	edges  []*edge
}

type vapp struct {
	name  string
	urn   string
	power string // On or Off, as in my_vm
	vms   []*vm
}

type vm struct {
	id               int
	name             string
	urn              string
	size             string // "" renders as null
	power            string // POWERED_ON, POWERED_OFF, UNKNOWN
	os               string
	cpus             int
	memoryMB         int
	storageMB        int
	monthToDate      string
	estimatedMonthly string // "" renders as null
	hoursOn          int
	hoursOff         int
	lastBackupStatus string
	inBackup         bool
	lastBackup       string
	retention        int
	backups          []backup
}

type backup struct {
	status, slot, start, end, snapStart, snapEnd string
}

type edge struct {
	urn          string
	name         string
	connectivity string
}

type bucket struct {
	name, level string
	gb          float64
	cost        float64
}

type vmotion struct {
	ago     time.Duration
	service int
	user    string
	vm      string
	vdc     string
	vapp    string
}

func nightly(day string) []backup {
	return []backup{{status: "Completed", slot: "night of: " + day, start: "24/06/2015 01:32", end: "24/06/2015 01:35", snapStart: "24/06/2015 01:34", snapEnd: "24/06/2015 01:35"}}
}

// seedAccounts builds the fixed catalogue. It is a function, not a package
// variable, so every simulator gets its own mutable copy.
func seedAccounts() []*account {
	redhat := &vm{id: 2, name: "RedHat-v6.4-x86_64", urn: "urn:vcloud:vm:3272ed5b-8e59-4ce4-bc10-5b575fd25787", size: "Large High Memory",
		power: "POWERED_OFF", os: "Red Hat Enterprise Linux 6 (64-bit)", cpus: 4, memoryMB: 16384, storageMB: 65536,
		monthToDate: "2.91", estimatedMonthly: "4.88", hoursOn: 0, hoursOff: 443, lastBackupStatus: "Successful", inBackup: true,
		lastBackup: "Completed on the night of: 23/06/2015", retention: 28, backups: nightly("23/06/2015")}
	web := &vm{id: 1, name: "Web Server 1", urn: "urn:vcloud:vm:6b0d549b-6f03-475a-9600-a35a099950d8", size: "Small",
		power: "POWERED_ON", os: "Microsoft Windows Server 2008 R2 (64-bit)", cpus: 2, memoryMB: 4096, storageMB: 51200,
		monthToDate: "0.15", estimatedMonthly: "0.34", hoursOn: 8, hoursOff: 14, lastBackupStatus: "Successful", inBackup: true,
		lastBackup: "Completed on the night of: 01/01/2015", retention: 14, backups: nightly("01/01/2015")}
	testVM := &vm{id: 3, name: "testVm", urn: "urn:vcloud:vm:8d116ece-1738-47d9-bd9c-172411e20b8f",
		power: "POWERED_ON", os: "Ubuntu Linux (64-bit)", cpus: 1, memoryMB: 512, storageMB: 1024,
		monthToDate: "0.00", estimatedMonthly: "0.00", lastBackupStatus: "Excluded from backup", inBackup: false,
		lastBackup: "No backup", backups: []backup{}}
	devVM := &vm{id: 4, name: "dev-build-01", urn: "urn:vcloud:vm:90c192cf-d3ac-44af-8f21-ddb66cad4a26", size: "Medium",
		power: "POWERED_ON", os: "CentOS 7 (64-bit)", cpus: 2, memoryMB: 8192, storageMB: 40960,
		monthToDate: "12.40", estimatedMonthly: "31.00", hoursOn: 400, hoursOff: 0, lastBackupStatus: "No data for last backup", inBackup: true,
		lastBackup: "No backup", retention: 14, backups: []backup{}}
	otherVM := &vm{id: 5, name: "other-customer-vm", urn: "urn:vcloud:vm:a170b338-3926-4059-b28c-105d1fb17c23", size: "Tiny",
		power: "POWERED_ON", os: "Ubuntu Linux (64-bit)", cpus: 1, memoryMB: 1024, storageMB: 10240,
		monthToDate: "1.00", estimatedMonthly: "2.00", hoursOn: 10, hoursOff: 0, lastBackupStatus: "Not in policy", inBackup: false,
		lastBackup: "No backup", backups: []backup{}}

	demo := &account{id: AccountDemo, name: "Demo", visible: true, admin: true,
		users: []string{DefaultUsername, ColleagueEmail, OpsEmail},
		vorgs: []*vorg{
			{id: VorgDemo, name: "UKCloud Demo vCloud", serviceID: "1-1-1-9836cf", urn: "urn:vcloud:org:66bf4c1d-24de-4793-8bdf-95f4fd3d737f",
				zone: "B", visible: true, admin: true, apiUser: "11.12.132f4c@1-1-1-9836cf",
				buckets: []bucket{{name: "demo-backups", level: "Standard", gb: 120.5, cost: 6.03}, {name: "demo-logs", level: "Standard", gb: 10, cost: 0.50}},
				vdcs: []*vdc{
					{urn: VDCDemoBasic, name: "UKCloud (IL0-PROD-BASIC)", vmType: "ESSENTIAL",
						vapps: []*vapp{
							{name: "Demo vApp 1", urn: "urn:vcloud:vapp:0fd630f1-f29d-4da9-953f-48f1a09f76b5", power: "On", vms: []*vm{web}},
							{name: "Demo vApp 2", urn: "urn:vcloud:vapp:ca8517e8-e4f5-4289-8563-3afb86577972", power: "Off", vms: []*vm{redhat}},
						},
						edges: []*edge{{urn: EdgeDemo, name: "My Edge - nft00002i2 SL3", connectivity: "Internet"}}},
					{urn: VDCDemoPower, name: "UKCloud (IL0-PROD-POWER)", vmType: "POWER", vapps: []*vapp{}, edges: []*edge{}},
				}},
			{id: VorgTest, name: "UKCloud Test vCloud", serviceID: "1-1-2-883623", urn: "urn:vcloud:org:0cb1e29c-658c-4a14-95e6-0af593bd04cf",
				zone: "B", visible: true, admin: true, apiUser: "11.12.132f4c@1-1-2-883623",
				vdcs: []*vdc{{urn: VDCTest, name: "Example VDC Name (IL2-PROD)", vmType: "POWER",
					vapps: []*vapp{{name: "Example vAPP name", urn: "urn:vcloud:vapp:8e81973e-0bec-47b0-b898-d190f9ebdacc", power: "On", vms: []*vm{testVM}}},
					edges: []*edge{}}}},
			{id: VorgPoC, name: "Proof of Concept", serviceID: "1-1-3-a1b2c3", urn: "urn:vcloud:org:6b4cb242-4a23-4596-a217-beaddbc496cb",
				zone: "F", visible: true, admin: true, apiUser: "11.12.7a9e01@1-1-3-a1b2c3",
				vdcs: []*vdc{{urn: VDCPoC, name: "PoC VDC", vmType: "PRIORITY", vapps: []*vapp{}, edges: []*edge{}}}},
		}}
	dev := &account{id: AccountDevTeam, name: "UKCloud Development Team", visible: true, admin: false,
		users: []string{DefaultUsername, "dev.lead@example.com"},
		vorgs: []*vorg{
			{id: VorgDev, name: "UKCloud Development", serviceID: "48-1-1-d3v001", urn: "urn:vcloud:org:92276658-1e27-41c0-8a6a-63ec24ede6a4",
				zone: "D", visible: true, admin: false, apiUser: "48.31.d3v0a1@48-1-1-d3v001",
				vdcs: []*vdc{{urn: VDCDev, name: "Dev VDC", vmType: "ESSENTIAL",
					vapps: []*vapp{{name: "Dev vApp", urn: "urn:vcloud:vapp:ae97ba94-d0ed-482f-8f6d-05584ef8aa38", power: "On", vms: []*vm{devVM}}},
					edges: []*edge{}}}},
			{id: VorgRestricted, name: "Restricted Service", serviceID: "48-1-2-r35tr1", urn: "urn:vcloud:org:923a7369-94e3-4f91-9a61-dbe22e44158b",
				zone: "D", visible: false, admin: false, apiUser: "48.32.r35a01@48-1-2-r35tr1", vdcs: []*vdc{}},
		}}
	other := &account{id: AccountOther, name: "Other Company Ltd", visible: false, admin: false,
		users: []string{"someone@other.example"},
		vorgs: []*vorg{
			{id: VorgOther, name: "Other vCloud", serviceID: "2-1-1-0th3r1", urn: "urn:vcloud:org:18f135d2-5f55-4203-b018-50c5a38fd547",
				zone: "B", visible: false, admin: false, apiUser: "2.41.0a1b2c@2-1-1-0th3r1",
				vdcs: []*vdc{{urn: "urn:vcloud:vdc:5d1e8a60-4c2b-4f7e-9a3d-2b7c1e0f9a11", name: "Other VDC", vmType: "POWER",
					vapps: []*vapp{{name: "Other vApp", urn: "urn:vcloud:vapp:7c2d9b71-5d3c-4a8f-8b4e-3c8d2f1a0b22", power: "On", vms: []*vm{otherVM}}},
					edges: []*edge{}}}},
		}}
	return []*account{demo, dev, other}
}

// seedVmotions are the vMotion events of the last 12 hours, per account,
// relative to the simulated clock's origin.
func seedVmotions() map[int][]vmotion {
	return map[int][]vmotion{
		AccountDemo: {
			{ago: 1 * time.Hour, service: VorgDemo, user: "System", vm: "Web Server 1", vdc: "UKCloud (IL0-PROD-BASIC)", vapp: "Demo vApp 1"},
			{ago: 3*time.Hour + 12*time.Minute, service: VorgDemo, user: "Administrator", vm: "RedHat-v6.4-x86_64", vdc: "UKCloud (IL0-PROD-BASIC)", vapp: "Demo vApp 2"},
			{ago: 7*time.Hour + 51*time.Minute, service: VorgTest, user: "UKCloud User", vm: "testVm", vdc: "Example VDC Name (IL2-PROD)", vapp: "Example vAPP name"},
		},
		AccountDevTeam: {
			{ago: 2 * time.Hour, service: VorgDev, user: "System", vm: "dev-build-01", vdc: "Dev VDC", vapp: "Dev vApp"},
		},
	}
}
