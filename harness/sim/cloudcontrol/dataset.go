package cloudcontrol

import (
	"crypto/sha1"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unsafe"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// The second data set (sim.DatasetSecond) is the default organization laid out again under
// other identifiers, then changed where the document leaves a choice: another organization id,
// every id and name replaced, data centers of another region, lists in another order, other
// counts (no CentOS images, two more servers), one more administrator with a role the document
// does not list, optional elements left out (network, server and image descriptions), and the
// default page size of the lists whose default the document does not state (100, not 250), and
// imports and copies that take longer to complete.

// SecondOrgID is the organization id of the second data set.
const SecondOrgID = "7c4e2a90-5b1d-4e8f-9a3c-2d6b8e0f1a47"

// RoleUnlisted is a role the second data set gives one administrator although 2.2 does not list
// it (real organizations carry roles added after the document).
const RoleUnlisted = "tagging"

// firstSettleReads and secondSettleReads are how many reads of its state an image being
// imported or copied stays PENDING_ADD, in each data set (the document gives no duration).
const (
	firstSettleReads  = 1
	secondSettleReads = 2
)

// secondPageSize is the default page size, in the second data set, of the paging lists whose
// default the document does not fix (it only appears in sample answers).
const secondPageSize = 100

// secondNames maps the default data set's names, locations and addresses to the second's. The
// replacement applies inside longer strings too (descriptions, machine names, asset ids), so
// longer names come first where one contains another.
var secondNames = []string{
	"web-template", "portal-image",
	"db-template", "ledger-image",
	"dev-template", "lab-image",
	"import-in-progress", "ovf-import-running",
	"failed-import", "ovf-import-broken",
	"retired-template", "lapsed-package",
	"pending-01", "queued-a",
	"failed-01", "broken-a",
	"hold-template", "parked-image",
	"hold-01", "parked-a",
	"hold-02", "parked-b",
	"Hold Network", "Parked VLAN",
	"build-01", "ci-runner-a",
	"web-01", "portal-a",
	"web-02", "portal-b",
	"web-03", "portal-c",
	"db-01", "ledger-a",
	"db-02", "ledger-b",
	"app-01", "api-a",
	"dev-01", "lab-a",
	"dev-02", "lab-b",
	"test-01", "qa-a",
	"test-02", "qa-b",
	"mail-01", "smtp-a",
	"web-farm", "frontend-pool",
	"spare-farm", "idle-pool",
	"web-sticky", "frontend-affinity",
	"web-vip", "frontend-vip",
	"http-probe", "health-http",
	"tcp-probe", "health-tcp",
	"allow-https", "permit-tls",
	"allow-http", "permit-web",
	"deny-ssh-outside", "block-ssh",
	"allow-rdp", "permit-rdp",
	"Web Network", "Frontend VLAN",
	"Database Network", "Ledger VLAN",
	"Development Network", "Lab VLAN",
	"Test Network", "QA VLAN",
	"Empty Network", "Unused VLAN",
	"files.main", "share.primary",
	"files.archive", "share.cold",
	"Main files", "Primary share",
	"remote-package-", "geo-package-",
	"ops@example.com", "noc@example.org",
	"backups.example.com", "restore.example.org",
	"10.162.", "10.72.",
	"10-162-", "10-72-",
	"10.163.", "10.73.",
	"10-163-", "10-73-",
	"10.164.", "10.74.",
	"10-164-", "10-74-",
	"10.165.", "10.75.",
	"165.180.12.", "198.51.100.",
	"165.180.13.", "198.51.101.",
	"165.180.14.", "198.51.102.",
	LocationNA1, "EU6",
	LocationNA3, "AP3",
	LocationNA5, "AU2",
	LocationNA9, "EU7",
}

// secondDatacenters are the data centers of the second data set, by the default's location.
var secondDatacenters = map[string]datacenter{
	LocationNA1: {displayName: "Europe - Amsterdam", city: "Amsterdam", region: "Noord-Holland", country: "NL", vpnURL: "https://eu6.cloud-vpn.net"},
	LocationNA3: {displayName: "Asia Pacific - Singapore", city: "Singapore", region: "Singapore", country: "SG", vpnURL: "https://ap3.cloud-vpn.net"},
	LocationNA5: {displayName: "Australia - Sydney", city: "Sydney", region: "New South Wales", country: "AU", vpnURL: "https://au2.cloud-vpn.net"},
	LocationNA9: {displayName: "Europe - Frankfurt", city: "Frankfurt", region: "Hessen", country: "DE", vpnURL: "https://eu7.cloud-vpn.net"},
}

var uuidPattern = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// secondID derives the second data set's id for a default id: stable, and unrelated in form.
func secondID(id string) string {
	h := sha1.Sum([]byte("second:" + id))
	return fmt.Sprintf("%x-%x-%x-%x-%x", h[0:4], h[4:6], h[6:8], h[8:10], h[10:16])
}

// secondString rewrites one string of the default data set.
func secondString(r *strings.Replacer, s string) string {
	return r.Replace(uuidPattern.ReplaceAllStringFunc(s, secondID))
}

// makeSecond turns a freshly seeded default organization into the second data set. The
// accounts keep the credentials the harness logs in with.
func makeSecond(st *state) {
	r := strings.NewReplacer(secondNames...)
	accounts := st.accounts
	st.accounts = nil
	rewriteStrings(reflect.ValueOf(st).Elem(), func(s string) string { return secondString(r, s) })
	st.accounts = accounts
	// An administrator with a role 2.2 does not list: the document names the roles a request
	// may give, not every role a real account carries, so the contract's role enum is inferred
	// (x-evidence) and this account is a deviation of a run, not a failure.
	st.accounts = append(st.accounts, &account{userName: "audit.viewer", password: secondID("audit-viewer-password"),
		fullName: "Audit Viewer", firstName: "Audit", lastName: "Viewer", email: "audit.viewer@example.com",
		roles: []string{RoleReports, RoleUnlisted}})
	st.orgID = SecondOrgID
	for _, dc := range st.datacenters {
		for from, to := range secondDatacenters {
			if r.Replace(from) == dc.location {
				dc.displayName, dc.city, dc.region, dc.country, dc.vpnURL = to.displayName, to.city, to.region, to.country, to.vpnURL
			}
		}
	}
	// Other counts: no CentOS images, two more started servers on the first network.
	st.images = slices.DeleteFunc(st.images, func(im *image) bool { return im.os == osCentOS && !im.customer })
	for _, s := range st.servers {
		if findImage(st, s.imageID) != nil {
			continue
		}
		for _, im := range st.images {
			if im.location == s.location && !im.customer && im.os == osUbuntu {
				s.imageID, s.os = im.id, osUbuntu
				break
			}
		}
	}
	first := st.servers[0]
	for i, name := range []string{"edge-a", "edge-b"} {
		ip := fmt.Sprintf("10.72.1.%d", 41+i)
		st.servers = append(st.servers, &server{id: secondID(fmt.Sprintf("extra-%d", i)), name: name, location: first.location,
			networkID: first.networkID, imageID: first.imageID, machineName: strings.ReplaceAll(ip, ".", "-"), privateIP: ip, os: first.os,
			cpu: 1, memoryMb: 2048, created: day(2013, 7, 3+i), deployed: true, started: true, state: "NORMAL", vmwareTools: "RUNNING", toolsCurrent: true,
			disks: []*disk{{id: secondID(fmt.Sprintf("extra-disk-%d", i)), sizeGb: 10, speed: "STANDARD", state: "NORMAL"}}})
	}
	// Optional elements absent.
	for _, n := range st.networks {
		n.description = ""
	}
	for _, s := range st.servers {
		s.description = ""
	}
	// Another order: the lists that do not page come newest first.
	for _, list := range []any{st.datacenters, st.images, st.servers, st.networks, st.rules, st.files, st.geos, st.labels} {
		reverse(list)
	}
	for _, n := range st.networks {
		reverse(n.acl)
		reverse(n.probes)
		reverse(n.farms)
	}
	st.pageSize = secondPageSize
	st.settleReads = secondSettleReads
}

func findImage(st *state, id string) *image {
	for _, im := range st.images {
		if im.id == id {
			return im
		}
	}
	return nil
}

func reverse(list any) {
	v := reflect.ValueOf(list)
	for i, j := 0, v.Len()-1; i < j; i, j = i+1, j-1 {
		a, b := v.Index(i).Interface(), v.Index(j).Interface()
		v.Index(i).Set(reflect.ValueOf(b))
		v.Index(j).Set(reflect.ValueOf(a))
	}
}

// rewriteStrings applies f to every string reachable from v (the state's fields are unexported,
// so they are reached through their addresses).
func rewriteStrings(v reflect.Value, f func(string) string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			rewriteStrings(v.Elem(), f)
		}
	case reflect.String:
		settable(v).SetString(f(v.String()))
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			rewriteStrings(v.Index(i), f)
		}
	case reflect.Struct:
		if v.Type().PkgPath() != "" && v.Type().PkgPath() != reflect.TypeOf(state{}).PkgPath() {
			return // time.Time and other foreign values hold no data set strings
		}
		for i := 0; i < v.NumField(); i++ {
			rewriteStrings(v.Field(i), f)
		}
	}
}

func settable(v reflect.Value) reflect.Value {
	if v.CanSet() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// simFixtures are the fixture variables of specs/cloudcontrol/harness.yaml that no documented
// list finds (see there), by their value in the default data set: resources in a state no
// documented operation produces, or holding what no scenario can create on its own.
var simFixtures = map[string]string{
	"network_lb":                NetworkWeb,
	"server_backup":             ServerWeb01,
	"server_backup_other_os":    ServerDB01,
	"server_backup_no_client":   ServerWeb02,
	"server_no_backup_location": ServerTest01,
	"location_no_backup":        LocationNA5,
	"server_pending_change":     ServerTest02,
	"server_tools_not_running":  ServerMail01,
	"image_customer":            ImageWebTemplate,
	"image_customer_other":      ImageDevTemplate,
	"image_pending":             ImagePending,
	"rule_pending":              AntiAffinityTest,
	// vendor side: what a vendor certifying its cloud gives a run
	"server_maintenance":         ServerHold01,
	"server_maintenance_peer":    ServerHold02,
	"customer_image_maintenance": ImageHold,
}

// Fixtures gives the fixture variables of specs/cloudcontrol/harness.yaml in the data set served:
// those no documented list finds, and the value discovery would find for the others, so that a
// run that skips discovery (the fault matrix) still has them. The resources a run consumes (a
// failed deployment, a failed import, outdated VMware Tools) are left to discovery, which finds
// the next one on every run.
func (s *Simulator) Fixtures() map[string]string {
	r := strings.NewReplacer(secondNames...)
	out := make(map[string]string, len(simFixtures))
	for k, v := range simFixtures {
		if s.dataset == sim.DatasetSecond {
			v = secondString(r, v)
		}
		out[k] = v
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	out["org_id"] = st.orgID
	dcs := append([]*datacenter(nil), st.datacenters...)
	sort.Slice(dcs, func(i, j int) bool { return dcs[i].location < dcs[j].location }) // the list's default order
	for _, dc := range dcs {
		switch {
		case dc.isDefault:
			out["location"] = dc.location
		case dc.maintenance:
			if out["location_maintenance"] == "" {
				out["location_maintenance"] = dc.location
			}
		case dc.backup && out["location_other"] == "":
			out["location_other"] = dc.location
		}
	}
	for name, loc := range map[string]string{"image_id": out["location"], "image_other": out["location_other"], "image_maintenance": out["location_maintenance"]} {
		if im := find(st.images, func(i *image) bool { return !i.customer && i.location == loc }); im != nil {
			out[name] = im.id
		}
	}
	for name, loc := range map[string]string{"network_id": out["location"], "network_maintenance": out["location_maintenance"]} {
		if n := find(st.networks, func(n *network) bool { return n.location == loc }); n != nil {
			out[name] = n.id
		}
	}
	if p := find(st.ovfPackages, func(p *ovfPackage) bool { return p.status == ovfExpired }); p != nil {
		out["ovf_expired"] = p.name
	}
	servers := append([]*server(nil), st.servers...)
	sort.SliceStable(servers, func(i, j int) bool { return servers[i].created.Before(servers[j].created) })
	for _, sv := range servers {
		switch {
		case sv.state != "NORMAL" || !sv.deployed:
		case sv.started && sv.vmwareTools == "RUNNING" && sv.toolsCurrent && out["server_started"] == "":
			out["server_started"] = sv.id
		case !sv.started && sv.backup == nil && out["server_stopped"] == "":
			out["server_stopped"] = sv.id
		}
	}
	return out
}

// SeedValues lists the identifying literals of the data set served: ids, names, locations,
// addresses. Document-fixed words (states, roles, REASON codes) are not among them.
func (s *Simulator) SeedValues() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := map[string]bool{s.st.orgID: true}
	add := func(vs ...string) {
		for _, v := range vs {
			if v != "" {
				seen[v] = true
			}
		}
	}
	for _, dc := range s.st.datacenters {
		add(dc.location)
	}
	for _, im := range s.st.images {
		add(im.id)
		if im.customer {
			add(im.name)
		}
	}
	for _, n := range s.st.networks {
		add(n.id, n.name)
		for _, b := range n.ipBlocks {
			add(b.id)
		}
		for _, a := range n.acl {
			add(a.id, a.name)
		}
		for _, x := range n.nat {
			add(x.id)
		}
		for _, x := range n.realServers {
			add(x.id, x.name)
		}
		for _, x := range n.probes {
			add(x.id, x.name)
		}
		for _, x := range n.farms {
			add(x.id, x.name)
		}
		for _, x := range n.profiles {
			add(x.id, x.name)
		}
		for _, x := range n.vips {
			add(x.id, x.name)
		}
	}
	for _, sv := range s.st.servers {
		add(sv.id, sv.name)
		for _, d := range sv.disks {
			add(d.id)
		}
		if sv.backup != nil {
			for _, c := range sv.backup.clients {
				add(c.id)
			}
		}
	}
	for _, r := range s.st.rules {
		add(r.id)
	}
	for _, f := range s.st.files {
		add(f.userName, f.email)
	}
	for _, p := range s.st.ovfPackages {
		add(p.name)
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	sort.Strings(out)
	return out
}

var _ sim.Seeded = (*Simulator)(nil)
