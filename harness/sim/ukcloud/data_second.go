package ukcloud

import (
	"strconv"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// The second data set: another customer's Portal, populated independently of the default one.
// Other account, vOrg, build and ticket ids (and ticket prefixes), other names, zones, VDC URNs
// and e-mail addresses, other counts (four vOrgs in the administered account, six tickets), and
// other order: the account the user only sees is listed first, tickets and builds newest first.
// Where the document leaves a choice it takes the other one: VDC list ids in the document's
// "<account>-<vOrg>-<n>" form instead of URNs, VMs without size or monthly estimate (null), a
// failed build among the completed ones, absolute Location URLs for builds, a
// session lifetime of 600 seconds, and undocumented fields a later revision might add
// (account status, vOrg links, ticket priority).
const (
	// secondAdmin is the account the user administers.
	secondAdmin = 7412
	// secondMember is the account the user sees without administering it; tickets are raised
	// in it (the first account the user can see).
	secondMember = 7296
	// secondOther is another customer's account.
	secondOther = 7288
	// secondRestricted is the vOrg of secondMember the user has no permissions for.
	secondRestricted = 3318
	// secondColleague is another user of secondMember, the home account of tickets.
	secondColleague = "r.lindqvist@harbour-analytics.example"
)

func secondDataset(start time.Time) *dataset {
	return &dataset{
		name:     sim.DatasetSecond,
		accounts: secondAccounts(),
		vmotions: map[int][]vmotion{
			secondAdmin: {
				{ago: 25 * time.Minute, service: 2219, user: "UKCloud User", vm: "etl-worker-with-a-rather-long-descriptive-name-03", vdc: "Analytics Tier 2", vapp: "ETL pipeline vApp for nightly batch loads"},
				{ago: 13 * time.Hour, service: 2207, user: "System", vm: "gw-fw-01", vdc: "Edge Services", vapp: "Perimeter"},
			},
		},
		builds:  secondBuilds(start),
		tickets: secondTickets(),
		firstID: map[string]int{kindVorg.seq: 520, kindVDC.seq: 81, kindEdge.seq: 152, "vorg": 2300,
			"incident": 5540000, "service": 5541000},
		incidentPrefix:     "IM",
		servicePrefix:      "RQ",
		sessionTTL:         600 * time.Second,
		extras:             true,
		ticketsNewestFirst: true,
		buildsNewestFirst:  true,
		vdcListIDs:         true,
		absoluteLocation:   true,
		fixtures: map[string]string{
			"account":         strconv.Itoa(secondAdmin),
			"member_account":  strconv.Itoa(secondMember),
			"restricted_vorg": strconv.Itoa(secondRestricted),
			"colleague_email": secondColleague,
		},
	}
}

func secondAccounts() []*account {
	vmA := &vm{id: 71, name: "etl-worker-with-a-rather-long-descriptive-name-03", urn: "urn:vcloud:vm:0a4c6e8f-1b3d-4f5a-8c7e-9d0b2a4c6e81",
		power: "POWERED_ON", os: "Debian GNU/Linux 12 (64-bit)", cpus: 8, memoryMB: 32768, storageMB: 204800,
		monthToDate: "41.07", hoursOn: 212, hoursOff: 0, lastBackupStatus: "Successful", inBackup: true,
		lastBackup: "Completed on the night of: 14/03/2016", retention: 30, backups: []backup{{status: "Completed w/Exception(s)",
			slot: "night of: 14/03/2016", start: "15/03/2016 02:10", end: "15/03/2016 02:58", snapStart: "15/03/2016 02:57", snapEnd: "15/03/2016 02:58"}}}
	vmB := &vm{id: 72, name: "gw-fw-01", urn: "urn:vcloud:vm:5e7f9a1b-2c4d-4e6f-8a0b-1c3d5e7f9a22", size: "Medium High Memory",
		power: "POWERED_OFF", os: "FreeBSD 13 (64-bit)", cpus: 2, memoryMB: 8192, storageMB: 20480,
		monthToDate: "3.50", estimatedMonthly: "9.75", hoursOn: 30, hoursOff: 182, lastBackupStatus: "Failed", inBackup: true,
		lastBackup: "Failed on the night of: 13/03/2016", retention: 7, backups: []backup{}}
	vmC := &vm{id: 79, name: "research-notebook", urn: "urn:vcloud:vm:c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5",
		power: "UNKNOWN", os: "Rocky Linux 9 (64-bit)", cpus: 4, memoryMB: 16384, storageMB: 102400,
		monthToDate: "0.00", lastBackupStatus: "Excluded from backup", inBackup: false, lastBackup: "No backup", backups: []backup{}}

	admin := &account{id: secondAdmin, name: "Harbour Analytics Ltd", visible: true, admin: true,
		users: []string{DefaultUsername, "m.okafor@harbour-analytics.example", "svc-ops@harbour-analytics.example"},
		vorgs: []*vorg{
			{id: 2219, name: "Harbour Analytics Production", serviceID: "7412-3-2219-hb19ap", urn: "urn:vcloud:org:7d3e5f71-9a2b-4c4d-8e6f-0a1b2c3d4e5f",
				zone: "12", visible: true, admin: true, apiUser: "7412.2219.a7c3e1@7412-3-2219-hb19ap",
				vdcs: []*vdc{
					{urn: "urn:vcloud:vdc:e4b1c9d2-7f3a-4b6e-9c8d-1a2b3c4d5e6f", name: "Analytics Tier 2", vmType: "PRIORITY",
						vapps: []*vapp{{name: "ETL pipeline vApp for nightly batch loads", urn: "urn:vcloud:vapp:1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b", power: "On", vms: []*vm{vmA}}},
						edges: []*edge{}},
					{urn: "urn:vcloud:vdc:0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", name: "Edge Services", vmType: "ESSENTIAL",
						vapps: []*vapp{{name: "Perimeter", urn: "urn:vcloud:vapp:9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6e", power: "Off", vms: []*vm{vmB}}},
						edges: []*edge{
							{urn: "urn:vcloud:gateway:3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f", name: "hb-edge-internet-01", connectivity: "Internet"},
							{urn: "urn:vcloud:gateway:6f5e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c", name: "hb-edge-psn-01", connectivity: "External"},
						}},
				}},
			{id: 2207, name: "Harbour Shared Services", serviceID: "7412-3-2207-hb07ss", urn: "urn:vcloud:org:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
				zone: "D", visible: true, admin: true, apiUser: "7412.2207.b8d4f2@7412-3-2207-hb07ss",
				buckets: []bucket{{name: "hb-archive", level: "Geo-resilient", gb: 2048, cost: 81.92}},
				vdcs: []*vdc{{urn: "urn:vcloud:vdc:2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6a", name: "Shared Services Tier 1", vmType: "POWER",
					vapps: []*vapp{}, edges: []*edge{}}}},
			{id: 2215, name: "Harbour Finance (locked)", serviceID: "7412-3-2215-hb15fn", urn: "urn:vcloud:org:8e9f0a1b-2c3d-4e5f-8a6b-7c8d9e0f1a2b",
				zone: "F", visible: false, admin: false, apiUser: "7412.2215.c9e5a3@7412-3-2215-hb15fn", vdcs: []*vdc{}},
			{id: 2203, name: "Harbour Disaster Recovery", serviceID: "7412-3-2203-hb03dr", urn: "urn:vcloud:org:4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a",
				zone: "F", visible: true, admin: true, apiUser: "7412.2203.d0f6b4@7412-3-2203-hb03dr",
				vdcs: []*vdc{{urn: "urn:vcloud:vdc:5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", name: "DR Standby", vmType: "ESSENTIAL",
					vapps: []*vapp{}, edges: []*edge{}}}},
			{id: 2211, name: "Harbour Sandbox", serviceID: "7412-3-2211-hb11sb", urn: "urn:vcloud:org:6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c",
				zone: "B", visible: true, admin: true, apiUser: "7412.2211.e1a7c5@7412-3-2211-hb11sb",
				vdcs: []*vdc{}},
		}}
	member := &account{id: secondMember, name: "Harbour Analytics Research", visible: true, admin: false,
		users: []string{DefaultUsername, secondColleague, "m.okafor@harbour-analytics.example"},
		vorgs: []*vorg{
			{id: secondRestricted, name: "Research Restricted", serviceID: "7296-1-3318-rs18rx", urn: "urn:vcloud:org:9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
				zone: "D", visible: false, admin: false, apiUser: "7296.3318.f2b8d6@7296-1-3318-rs18rx", vdcs: []*vdc{}},
			{id: 3304, name: "Research Compute", serviceID: "7296-1-3304-rs04cp", urn: "urn:vcloud:org:2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b",
				zone: "D", visible: true, admin: false, apiUser: "7296.3304.a3c9e7@7296-1-3304-rs04cp",
				vdcs: []*vdc{{urn: "urn:vcloud:vdc:7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d", name: "Research GPU", vmType: "POWER",
					vapps: []*vapp{{name: "Notebooks", urn: "urn:vcloud:vapp:3b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e", power: "On", vms: []*vm{vmC}}},
					edges: []*edge{}}}},
		}}
	other := &account{id: secondOther, name: "Quayside Logistics plc", visible: false, admin: false,
		users: []string{"it@quayside.example"},
		vorgs: []*vorg{
			{id: 3391, name: "Quayside Cloud", serviceID: "7288-1-3391-qs91lg", urn: "urn:vcloud:org:0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0",
				zone: "B", visible: false, admin: false, apiUser: "7288.3391.b4d0f8@7288-1-3391-qs91lg",
				vdcs: []*vdc{{urn: "urn:vcloud:vdc:8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e", name: "Quayside VDC", vmType: "POWER", vapps: []*vapp{}, edges: []*edge{}}}},
		}}
	// Listed order: the account the user only sees comes first.
	return []*account{member, other, admin}
}

func secondBuilds(start time.Time) []*build {
	month := start.AddDate(0, -2, 3)
	return []*build{
		{kind: kindVorg, id: 305, accountID: secondOther, createdAt: month, createdBy: "it@quayside.example", state: stateCompleted,
			serviceName: "Quayside Cloud", zoneID: "B"},
		{kind: kindVorg, id: 318, accountID: secondAdmin, createdAt: month.Add(26 * time.Hour), createdBy: "m.okafor@harbour-analytics.example",
			state: stateCompleted, serviceName: "Harbour Sandbox", zoneID: "B", vorgID: 2211},
		{kind: kindVorg, id: 311, accountID: secondAdmin, createdAt: month.Add(2 * time.Hour), createdBy: DefaultUsername,
			state: "failed", serviceName: "Harbour Sandbox (first try)", zoneID: "12"},
		{kind: kindVDC, id: 77, accountID: secondAdmin, createdAt: month.Add(30 * time.Hour), createdBy: DefaultUsername, state: stateCompleted,
			serviceName: "Harbour Disaster Recovery", vdcName: "DR Standby", vmType: "ESSENTIAL", vorgID: 2203},
		{kind: kindEdge, id: 141, accountID: secondAdmin, createdAt: month.Add(31 * time.Hour), createdBy: DefaultUsername, state: stateCompleted,
			vorgID: 2219, vdcURN: "urn:vcloud:vdc:0b9a8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d", connType: "External"},
	}
}

func secondTickets() []*ticket {
	at := func(s string) time.Time {
		t, err := time.ParseInLocation(ticketTime, s, ukTime)
		if err != nil {
			panic(err)
		}
		return t
	}
	acct := secondMember
	return []*ticket{
		{id: "IM5530012", kind: "incident", accountID: acct, summary: "Notebook VM unreachable", submitted: at("02/03/2016 07:45"),
			status: statusCancelled, problemArea: "compute", service: "Research Compute", classification: "Test/Dev Service > unavailable or unresponsive",
			details: "research-notebook does not answer on 443", owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{},
			changes:  []ticketChange{{Field: "status", From: statusInProgress, To: statusCancelled, ChangedBy: DefaultUsername, ChangedAt: "02/03/2016 09:00"}},
			priority: "P3"},
		{id: "RQ5530009", kind: "service", accountID: acct, summary: "Second public IP for the research edge", submitted: at("29/02/2016 16:20"),
			status: statusClosed, problemArea: "IP Addresses", service: "Research Compute", queryNature: "Add a New Service",
			details: "One more public address", owner: DefaultUsername, subscribers: []string{secondColleague}, updates: []ticketUpdate{},
			changes: []ticketChange{}, priority: "P4"},
		{id: "IM5530017", kind: "incident", accountID: acct, summary: "GPU driver crash", submitted: at("07/03/2016 11:02"),
			status: statusInProgress, problemArea: "compute", service: "Research Compute", classification: "Other incident",
			details: "Driver resets under load", owner: DefaultUsername, subscribers: []string{}, priority: "P2",
			updates: []ticketUpdate{{Description: "Collecting crash dumps.", CreatedBy: "UKCloud Support", CreatedAt: "07/03/2016 12:00"}},
			changes: []ticketChange{}},
		{id: "RQ5530040", kind: "service", accountID: acct, summary: "Expand research storage", submitted: at("08/03/2016 10:00"),
			status: statusAwaitingCustomer, problemArea: "storage", service: "Research Compute", queryNature: "Expand an Existing Service",
			details: "2TB more Tier 2", owner: secondColleague, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}, priority: "P4"},
		{id: "IM5530022", kind: "incident", accountID: acct, summary: "Slow snapshot removal", submitted: at("09/03/2016 08:30"),
			status: statusResolved, problemArea: "storage", service: "Research Compute", classification: "Test/Dev Service > available, but performance degraded",
			details: "Snapshots take hours", owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}, priority: "P3"},
		{id: "IM5530031", kind: "incident", accountID: acct, summary: "Console shows wrong time zone", submitted: at("10/03/2016 14:15"),
			status: statusAwaitingReview, problemArea: "other", service: "Research Compute", classification: "Other incident",
			details: "The console clock is UTC", owner: DefaultUsername, subscribers: []string{}, updates: []ticketUpdate{}, changes: []ticketChange{}, priority: "P4"},
	}
}
