package cloudcontrol

import (
	"time"
)

// state is the organization the simulator serves.
type state struct {
	orgID       string
	accounts    []*account
	datacenters []*datacenter
	geos        []*geo
	labels      []*softwareLabel
	images      []*image
	servers     []*server
	networks    []*network
	rules       []*antiAffinityRule
	files       []*filesAccount
	ovfPackages []*ovfPackage
	exports     []*imageExport
	copies      []*imageCopy
	remote      []*remoteCopy
	audit       []auditEntry
	pageSize    int // default page size of the paging lists that document none
	// settleReads is how many reads of its state (Get Server Image) an image being imported or
	// copied shows its operation in progress before it completes: the document gives no
	// duration, only that the read tracks the operation (line 1341).
	settleReads int
}

type account struct {
	userName, password                     string
	fullName, firstName, lastName, email   string
	department, customDefined1, customDef2 string
	roles                                  []string
}

type datacenter struct {
	location, displayName, city, region, country, vpnURL string
	isDefault                                            bool
	maxCPU, maxRAMMb                                     int
	networking                                           string // CISCO or...
	backup                                               bool   // Cloud Backup available
	maintenance                                          bool   // REASON_51 for servers and images
}

type geo struct {
	id, key, name, uiURL, apiURL, productKey string
	home                                     bool
}

type softwareLabel struct {
	id, displayName, description, pricedPer string
	runningUnits, stoppedUnits              int
}

type osInfo struct {
	id, osType, displayName string
}

type image struct {
	id, name, description, location string
	os                              osInfo
	cpu, memoryMb, osStorageGb      int
	disks                           []*disk // additional disks
	customer                        bool
	state                           string // NORMAL, PENDING_ADD, FAILED_ADD
	created                         time.Time
	labels                          []string
	sourceServerID                  string
	provider                        string // base images: opsource; web/db/partner lists
	category                        string // "", "web", "db", "partner"
	// settle is how many reads of its state still show PENDING_ADD before the operation that
	// adds the image completes (0: it never does, as the seeded image being imported).
	settle int
}

type disk struct {
	id     string
	scsiID int
	sizeGb int
	speed  string
	state  string
}

type server struct {
	id, name, description, location string
	networkID, imageID              string
	machineName, privateIP          string
	publicIP                        string
	os                              osInfo
	cpu, memoryMb                   int
	disks                           []*disk // disks[0] is the OS disk (SCSI 0)
	labels                          []string
	created                         time.Time
	deployed, started               bool
	state                           string // NORMAL, PENDING_CHANGE, PENDING_ADD, FAILED_ADD
	vmwareTools                     string // RUNNING, NOT_RUNNING, NOT_INSTALLED; CURRENT/OLD version
	toolsCurrent                    bool
	backup                          *serverBackup
	action                          string // the operation of a pending/failed state
}

type serverBackup struct {
	assetID, servicePlan, state string
	clients                     []*backupClient
}

type backupClient struct {
	id, clientType, description    string
	isFileSystem                   bool
	storagePolicy, schedulePolicy  string
	alertTrigger                   string
	alertEmails                    []string
	status, lastBackup, nextBackup string
	totalBackupSizeGb              int
	downloadURL                    string
	restoreTargetOf                string
}

type network struct {
	id, name, description, location string
	privateNet                      string // a.b.c.0
	multicast                       bool
	state                           string // NORMAL or PENDING_CHANGE
	ipBlocks                        []*ipBlock
	acl                             []*aclRule
	nat                             []*natRule
	deletedNAT                      []string // the ids of the NAT rules deleted
	realServers                     []*realServer
	probes                          []*probe
	farms                           []*serverFarm
	profiles                        []*persistenceProfile
	vips                            []*vip
	created                         time.Time
}

type ipBlock struct {
	id, baseIP     string
	subnetSize     int
	networkDefault bool
	serverToVip    bool
}

type aclRule struct {
	id, name, status, action, protocol, ruleType string
	position                                     int
	srcIP, srcMask, dstIP, dstMask               string
	portType                                     string
	port1, port2                                 int
}

type natRule struct {
	id, name, natIP, sourceIP string
}

type realServer struct {
	id, name, serverID string
	inService          bool
}

type probe struct {
	id, name, probeType                string
	interval, errorCount, successCount int
	failedInterval, maxWait            int
	lower, upper                       int
	method, url, match                 string
	port                               int
}

type farmMember struct {
	realServerID string
	port         int
}

type serverFarm struct {
	id, name, predictor string
	probes              []string
	members             []farmMember
}

type persistenceProfile struct {
	id, name, farmID, profileType, direction, netmask, cookieName, cookieType string
	timeout                                                                   int
}

type vip struct {
	id, name, ip, protocol, targetType, targetID string
	port                                         int
	replyToIcmp, inService                       bool
}

type antiAffinityRule struct {
	id, location, state string
	created             time.Time
	serverIDs           [2]string
}

type filesAccount struct {
	userName, password, email, displayName, description string
	allocatedMb                                         int
	subAdmins                                           []string
}

// ovfExpired is the status of an OVF package past its expiry date, not deleted yet: importing it
// answers REASON_432 (4.1.3).
const ovfExpired = "EXPIRED"

type ovfPackage struct {
	name, status string
	timestamp    time.Time
}

type imageExport struct {
	id, prefix, imageID, userName string
	start, end                    time.Time
	done                          bool
}

type imageCopy struct {
	id, sourceLocation, sourceImageID, sourceImageName, prefix, targetImageID string
}

type remoteCopy struct {
	id, sourceGeoKey, packageName, state, result string
	start, end                                   time.Time
	done                                         bool
}

type auditEntry struct {
	when                 time.Time
	user, kind, name, id string
	action, detail       string
}

// Lookups. Each returns nil when there is none.

func (st *state) account(name string) *account {
	for _, a := range st.accounts {
		if a.userName == name {
			return a
		}
	}
	return nil
}

func (st *state) datacenter(loc string) *datacenter {
	for _, d := range st.datacenters {
		if d.location == loc {
			return d
		}
	}
	return nil
}

func (st *state) defaultDatacenter() *datacenter {
	for _, d := range st.datacenters {
		if d.isDefault {
			return d
		}
	}
	return st.datacenters[0]
}

func (st *state) image(id string) *image {
	for _, i := range st.images {
		if i.id == id {
			return i
		}
	}
	return nil
}

func (st *state) server(id string) *server {
	for _, s := range st.servers {
		if s.id == id {
			return s
		}
	}
	return nil
}

func (st *state) network(id string) *network {
	for _, n := range st.networks {
		if n.id == id {
			return n
		}
	}
	return nil
}

func (st *state) filesAccount(user string) *filesAccount {
	for _, f := range st.files {
		if f.userName == user {
			return f
		}
	}
	return nil
}

func (st *state) ruleOf(serverID string) *antiAffinityRule {
	for _, r := range st.rules {
		if r.serverIDs[0] == serverID || r.serverIDs[1] == serverID {
			return r
		}
	}
	return nil
}

func (n *network) realServerOf(serverID string) *realServer {
	for _, r := range n.realServers {
		if r.serverID == serverID {
			return r
		}
	}
	return nil
}

// remove deletes the first element for which match is true.
func remove[T any](list []T, match func(T) bool) []T {
	for i, v := range list {
		if match(v) {
			return append(list[:i:i], list[i+1:]...)
		}
	}
	return list
}

// find returns the first element for which match is true.
// byParam returns the item of list whose id is the request's path parameter param; when there is
// none it answers the operation's fault with the REASON code and returns nil.
func byParam[T any](c *call, list []*T, param string, id func(*T) string, code int) *T {
	want := c.param(param)
	v := find(list, func(x *T) bool { return id(x) == want })
	if v == nil {
		c.fail(code, "")
	}
	return v
}

func find[T any](list []*T, match func(*T) bool) *T {
	for _, v := range list {
		if match(v) {
			return v
		}
	}
	return nil
}
