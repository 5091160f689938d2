package cloudcontrol

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Renderers: one per documented server shape.

func osAttrs(o osInfo) obj { return obj{"id": o.id, "displayName": o.displayName, "type": o.osType} }
func osTD(o osInfo) obj    { return obj{"type": o.osType, "displayName": o.displayName} }

func (s *server) additionalGb() int {
	n := 0
	for _, d := range s.disks[1:] {
		n += d.sizeGb
	}
	return n
}

func (s *server) machineStatus() []any {
	version := "CURRENT"
	if !s.toolsCurrent {
		version = "NEEDS_UPGRADE"
	}
	return []any{
		obj{"name": "vmwareToolsRunningStatus", "value": s.vmwareTools},
		obj{"name": "vmwareToolsVersionStatus", "value": version},
	}
}

// opStatus is the <status> of a server or image with an operation pending or failed.
func opStatus(action, user string, when string, failed bool) obj {
	o := obj{"action": action, "requestTime": when, "userName": user, "numberOfSteps": 3, "updateTime": when,
		"step": []any{obj{"name": "WAIT_FOR_OPERATION", "number": 2, "percentComplete": 50}}}
	if failed {
		o["failureReason"] = "Operation failed: insufficient space on datastore."
	}
	return o
}

func (s *server) status() (obj, bool) {
	if s.state == "NORMAL" {
		return nil, false
	}
	return opStatus(s.action, DefaultUsername, stamp(s.created), strings.HasPrefix(s.state, "FAILED")), true
}

func (s *server) withState() obj {
	var disks []any
	for _, d := range s.disks {
		disks = append(disks, obj{"id": d.id, "scsiId": d.scsiID, "sizeGb": d.sizeGb, "speed": d.speed, "state": d.state})
	}
	o := obj{"id": s.id, "location": s.location, "name": s.name, "description": s.description, "operatingSystem": osAttrs(s.os),
		"cpuCount": s.cpu, "memoryMb": s.memoryMb, "disk": disks, "sourceImageId": s.imageID, "networkId": s.networkID,
		"machineName": s.machineName, "privateIp": s.privateIP, "created": stamp(s.created), "isDeployed": s.deployed,
		"isStarted": s.started, "state": s.state}
	if len(s.labels) > 0 {
		o["softwareLabel"] = s.labels
	}
	if s.publicIP != "" {
		o["publicIp"] = s.publicIP
	}
	if s.deployed {
		o["machineStatus"] = s.machineStatus()
	}
	if st, ok := s.status(); ok {
		o["status"] = st
	}
	return o
}

func (s *server) withBackup() obj {
	o := s.withState()
	if s.backup != nil {
		o["backup"] = obj{"assetId": s.backup.assetID, "state": s.backup.state, "servicePlan": s.backup.servicePlan}
	}
	return o
}

func (s *server) machineSpec() obj {
	return obj{"cpuCount": s.cpu, "memoryMb": s.memoryMb, "osStorageGb": s.disks[0].sizeGb,
		"additionalLocalStorageGb": s.additionalGb(), "operatingSystem": osTD(s.os)}
}

func (s *server) deployedShape(labels, disks bool) obj {
	o := obj{"id": s.id, "name": s.name, "description": s.description, "machineSpecification": s.machineSpec(),
		"sourceImageId": s.imageID, "networkId": s.networkID, "privateIpAddress": s.privateIP, "machineName": s.machineName,
		"isStarted": s.started, "deployedTime": stamp(s.created), "machineStatus": s.machineStatus()}
	if s.publicIP != "" {
		o["publicIpAddress"] = s.publicIP
	}
	if st, ok := s.status(); ok {
		o["status"] = st
	}
	if labels && len(s.labels) > 0 {
		o["softwareLabel"] = s.labels
	}
	if disks {
		o["additionalDisk"] = s.additionalDisks()
	}
	return o
}

func (s *server) additionalDisks() []any {
	var out []any
	for _, d := range s.disks[1:] {
		out = append(out, obj{"id": d.id, "scsiId": strconv.Itoa(d.scsiID), "diskSizeGb": d.sizeGb, "state": d.state})
	}
	return out
}

func (s *server) pendingShape(disks bool) obj {
	st, ok := s.status()
	if !ok {
		st = opStatus("DEPLOY_SERVER", DefaultUsername, stamp(s.created), false)
	}
	o := obj{"id": s.id, "name": s.name, "description": s.description, "machineSpecification": s.machineSpec(),
		"sourceImageId": s.imageID, "networkId": s.networkID, "privateIpAddress": s.privateIP, "status": st}
	if disks {
		if len(s.labels) > 0 {
			o["softwareLabel"] = s.labels
		}
		o["additionalDisk"] = s.additionalDisks()
	}
	return o
}

func (s *server) details(org string) obj {
	return obj{"id": s.id, "name": s.name, "description": s.description,
		"vlanResourcePath": "/oec/" + org + "/network/" + s.networkID, "imageResourcePath": "/oec/base/image/" + s.imageID,
		"operatingSystem": osTD(s.os), "cpuCount": s.cpu, "memory": s.memoryMb, "osStorage": s.disks[0].sizeGb,
		"additionalLocalStorage": s.additionalGb(), "machineName": s.machineName, "privateIPAddress": s.privateIP,
		"isDeployed": s.deployed, "isStarted": s.started, "created": stamp(s.created)}
}

// serverField is the paging field table of the server lists (5.1, 11.2).
func serverField(s *server, field string) string {
	switch field {
	case "id":
		return s.id
	case "location":
		return s.location
	case "networkId":
		return s.networkID
	case "sourceImageId":
		return s.imageID
	case "deployed":
		return strconv.FormatBool(s.deployed)
	case "started":
		return strconv.FormatBool(s.started)
	case "name":
		return s.name
	case "created":
		return stamp(s.created)
	case "state":
		return s.state
	case "operatingSystemId":
		return s.os.id
	case "machineName":
		return s.machineName
	case "privateIp":
		return s.privateIP
	}
	return ""
}

// listServersPaged serves 5.1 and 11.2.
func listServersPaged(item func(*server) obj, itemKey string) handler {
	return func(c *call) {
		page, root := pageOf(c, c.st().servers, serverField)
		var items []any
		for _, s := range page {
			items = append(items, item(s))
		}
		if len(items) > 0 {
			root[itemKey] = items
		}
		c.reply(root)
	}
}

// serverList serves the deprecated server lists (section 13): which
// servers (deployed or pending, on a network or not) and in which shape.
func serverList(onNetwork bool, keep func(*server) bool, itemKey string, item func(c *call, s *server) obj) handler {
	return func(c *call) {
		netID := ""
		if onNetwork {
			n := c.network()
			if n == nil {
				return
			}
			netID = n.id
		}
		var items []any
		for _, s := range c.st().servers {
			if (netID == "" || s.networkID == netID) && keep(s) {
				items = append(items, item(c, s))
			}
		}
		root := obj{}
		if len(items) > 0 {
			root[itemKey] = items
		}
		c.reply(root)
	}
}

func deployed(s *server) bool { return s.deployed }
func pending(s *server) bool  { return !s.deployed }
func anyServer(*server) bool  { return true }

// server resolves {server-id}, answering REASON_395 itself when there is none.
func (c *call) server() *server {
	s := c.st().server(c.param("server-id"))
	if s == nil {
		c.fail(395, "")
	}
	return s
}

// network resolves {network-id}, answering REASON_250 itself when there is none.
func (c *call) network() *network {
	n := c.st().network(c.param("network-id"))
	if n == nil {
		c.fail(250, "")
	}
	return n
}

// idle answers REASON_392 when the server has an operation in progress.
func (c *call) idle(s *server) bool {
	if s.state != "NORMAL" {
		c.fail(392, "")
		return false
	}
	return true
}

// inMaintenance answers the common REASON_51 for servers and images at a
// data center in maintenance.
func (c *call) inMaintenance(location string) bool {
	if dc := c.st().datacenter(location); dc != nil && dc.maintenance {
		c.fail(51, "The target Cloud data center "+location+" is down for scheduled maintenance.")
		return true
	}
	return false
}

// locatedBy gives, per path parameter naming a server or an image, the data center of the one it
// names ("" for none: the handler answers that).
var locatedBy = map[string]func(st *state, id string) string{
	"server-id": func(st *state, id string) string {
		if s := st.server(id); s != nil {
			return s.location
		}
		return ""
	},
	"image-id": func(st *state, id string) string {
		if i := st.image(id); i != nil {
			return i.location
		}
		return ""
	},
}

// namesMaintenance answers REASON_51 when a path parameter names a server or an image of a data
// center in scheduled maintenance: "attempts to interact with Cloud Servers or Images at" it "will
// result in a REASON_51 response" (line 427), whatever the operation would do with them.
func (c *call) namesMaintenance() bool {
	for param, locate := range locatedBy {
		if id, ok := c.params[param]; ok {
			if loc := locate(c.st(), id); loc != "" && c.inMaintenance(loc) {
				return true
			}
		}
	}
	return false
}

// serverAction is one row of the server state machine (5.7-5.11, 13.8,
// 13.11): the power state the action needs (REASON_40 otherwise), the one
// it leaves, and whether it needs VMware Tools running (REASON_800).
type serverAction struct {
	needStarted bool
	thenStarted bool
	needTools   bool
	verb        string
}

var serverActions = map[string]serverAction{
	"startServer":    {needStarted: false, thenStarted: true, verb: "Start"},
	"shutdownServer": {needStarted: true, thenStarted: false, needTools: true, verb: "Graceful Shutdown"},
	"powerOffServer": {needStarted: true, thenStarted: false, verb: "Power Off"},
	"stopServer":     {needStarted: true, thenStarted: false, verb: "Stop"},
	"rebootServer":   {needStarted: true, thenStarted: true, needTools: true, verb: "Reboot"},
	"resetServer":    {needStarted: true, thenStarted: true, verb: "Reset"},
	// 13.8 documents REASON_40 as "not currently in a stopped state. Servers
	// must be stopped to be restarted" (DEFECTS.md R17); followed as written.
	"restartServer": {needStarted: false, thenStarted: true, verb: "Restart"},
}

func (c *call) serverAction() {
	a := serverActions[c.op.ID]
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	if s.started != a.needStarted {
		c.fail(40, "")
		return
	}
	if a.needTools && s.vmwareTools != "RUNNING" {
		c.fail(800, "")
		return
	}
	if a.needStarted != a.thenStarted {
		// A server that boots runs its VMware Tools, as one deployed started
		// does (deployServer); one that stops no longer runs them. Reboot and
		// reset keep the state (mail-01's tools stay stopped).
		switch {
		case a.thenStarted && s.vmwareTools == "NOT_RUNNING":
			s.vmwareTools = "RUNNING"
		case !a.thenStarted && s.vmwareTools == "RUNNING":
			s.vmwareTools = "NOT_RUNNING"
		}
	}
	s.started = a.thenStarted
	c.s.audit(c, "SERVER", s.name, s.id, strings.ToUpper(strings.ReplaceAll(a.verb, " ", "_"))+"_SERVER")
	c.ok(fmt.Sprintf("Server %q issued", a.verb))
}

func (c *call) getServerDetails() {
	if s := c.server(); s != nil {
		c.reply(s.details(c.st().orgID))
	}
}

// resourcePath parses "/oec/<x>/network/<id>" style paths (P17).
func resourcePath(p, kind string) (string, bool) {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	if len(parts) == 4 && parts[0] == "oec" && parts[2] == kind && parts[3] != "" {
		return parts[3], true
	}
	if len(parts) == 5 && parts[0] == "oec" && parts[1] == "0.9" && parts[3] == kind && parts[4] != "" {
		return parts[4], true
	}
	return "", false
}

// nextIP returns the first free host address of a network (from .11).
func (st *state) nextIP(n *network) (string, bool) {
	used := map[string]bool{}
	for _, s := range st.servers {
		used[s.privateIP] = true
	}
	base := strings.TrimSuffix(n.privateNet, "0")
	for h := 11; h < 250; h++ {
		ip := base + strconv.Itoa(h)
		if !used[ip] {
			return ip, true
		}
	}
	return "", false
}

func (c *call) deployServer() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	name, desc := b.text("name"), b.text("description")
	if name == "" || len(name) > 75 || len(desc) > 255 || b.text("administratorPassword") == "" {
		c.fail(320, "Invalid Data: name (1-75 chars), administratorPassword and the resource paths are required.")
		return
	}
	started, err := strconv.ParseBool(b.text("isStarted"))
	if err != nil {
		c.fail(320, "Invalid Data: isStarted must be true or false.")
		return
	}
	netID, ok := resourcePath(b.text("vlanResourcePath"), "network")
	if !ok {
		c.fail(320, "Invalid Data: vlanResourcePath must be /oec/{org-id}/network/{network-id}.")
		return
	}
	n := c.st().network(netID)
	if n == nil {
		c.fail(250, "")
		return
	}
	imgID, ok := resourcePath(b.text("imageResourcePath"), "image")
	img := c.st().image(imgID)
	if !ok || img == nil || img.state != "NORMAL" {
		c.fail(390, "")
		return
	}
	if img.location != n.location {
		c.fail(320, "Invalid Data: image "+img.id+" is in "+img.location+", network "+n.id+" in "+n.location+".")
		return
	}
	if c.inMaintenance(n.location) {
		return
	}
	if n.state != "NORMAL" {
		c.fail(601, "")
		return
	}
	ip, ok := c.st().nextIP(n)
	if !ok {
		c.fail(310, "")
		return
	}
	if c.s.faults.On(FaultDescriptionNotKept) {
		desc = ""
	}
	s := &server{id: c.s.ids.UUID(), name: name, description: desc, location: n.location, networkID: n.id, imageID: img.id,
		machineName: strings.ReplaceAll(ip, ".", "-"), privateIP: ip, os: img.os, cpu: img.cpu, memoryMb: img.memoryMb,
		labels: img.labels, created: c.s.clock.Tick(), deployed: true, started: started, state: "NORMAL",
		vmwareTools: "RUNNING", toolsCurrent: true}
	s.disks = []*disk{{id: c.s.ids.UUID(), scsiID: 0, sizeGb: img.osStorageGb, speed: "STANDARD", state: "NORMAL"}}
	for _, d := range img.disks {
		s.disks = append(s.disks, &disk{id: c.s.ids.UUID(), scsiID: d.scsiID, sizeGb: d.sizeGb, speed: d.speed, state: "NORMAL"})
	}
	if !started {
		s.vmwareTools = "NOT_RUNNING"
	}
	c.st().servers = append(c.st().servers, s)
	c.s.audit(c, "SERVER", s.name, s.id, "DEPLOY_SERVER")
	c.ok(`Server "Deploy" issued`)
}

func (c *call) deleteServer() {
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	if s.started {
		c.fail(40, "")
		return
	}
	if n := c.st().network(s.networkID); n != nil && n.realServerOf(s.id) != nil {
		c.fail(393, "")
		return
	}
	if s.backup != nil {
		c.fail(550, "")
		return
	}
	if c.st().ruleOf(s.id) != nil {
		c.fail(692, "")
		return
	}
	c.st().servers = remove(c.st().servers, func(x *server) bool { return x == s })
	c.s.audit(c, "SERVER", s.name, s.id, "DELETE_SERVER")
	c.ok(`Server "Delete" issued`)
}

// modifyServer serves 5.5 (name, description, cpuCount, memory) and 5.6
// (privateIp), which share URL and method (DEFECTS.md P5).
func (c *call) modifyServer() {
	f := c.form()
	s := c.server()
	if s == nil {
		return
	}
	for k := range f {
		switch k {
		case "name", "description", "cpuCount", "memory", "privateIp":
		default:
			c.fail(320, "Invalid input data: unknown parameter "+k+".")
			return
		}
	}
	if !c.idle(s) {
		return
	}
	if ip, ok := f["privateIp"]; ok {
		n := c.st().network(s.networkID)
		parsed := net.ParseIP(ip[0]).To4()
		switch {
		case parsed == nil:
			c.fail(320, ip[0]+" is not a valid IPv4 address.")
		case !strings.HasPrefix(ip[0], strings.TrimSuffix(n.privateNet, "0")):
			c.fail(240, ip[0]+" does not belong to the correct Network.")
		case ip[0] != s.privateIP && func() bool {
			for _, o := range c.st().servers {
				if o.privateIP == ip[0] {
					return true
				}
			}
			return false
		}():
			c.fail(241, ip[0]+" is already reserved.")
		case n.realServerOf(s.id) != nil:
			c.fail(393, "")
		default:
			s.privateIP = ip[0]
			c.ok("Private IP address change notified")
		}
		return
	}
	name, desc := f.Get("name"), f.Get("description")
	cpu, mem := s.cpu, s.memoryMb
	var err error
	if v := f.Get("cpuCount"); v != "" {
		cpu, err = strconv.Atoi(v)
	}
	if v := f.Get("memory"); v != "" && err == nil {
		mem, err = strconv.Atoi(v)
	}
	dc := c.st().datacenter(s.location)
	if len(name) > 75 || len(desc) > 255 || err != nil || cpu < 1 || cpu > dc.maxCPU || mem < 1024 || mem > dc.maxRAMMb {
		c.fail(320, "")
		return
	}
	if f.Has("name") {
		s.name = name
	}
	if f.Has("description") && !c.s.faults.On(FaultDescriptionNotKept) {
		s.description = desc
	}
	s.cpu, s.memoryMb = cpu, mem
	c.s.audit(c, "SERVER", s.name, s.id, "MODIFY_SERVER")
	c.ok(`Server "Modify" issued`)
}

func (c *call) cleanFailedServer() {
	s := c.server()
	if s == nil {
		return
	}
	if s.state != "FAILED_ADD" {
		c.fail(392, "Server "+s.id+" is not in a failed state (state "+s.state+").")
		return
	}
	c.st().servers = remove(c.st().servers, func(x *server) bool { return x == s })
	c.nextFailedServer(s)
	c.ok("Successfully submitted clean failed server deployment request for server id: " + s.id)
}

func (c *call) updateVMwareTools() {
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	if s.toolsCurrent {
		c.fail(820, "")
		return
	}
	if s.vmwareTools != "RUNNING" {
		c.fail(821, "")
		return
	}
	s.toolsCurrent = true
	c.nextOutdatedServer(s)
	c.ok(`Server "Update VMware Tools" issued`)
}

// diskSpeeds are the storage speeds of every data center (2.7).
var diskSpeeds = []struct{ id, name, abbr, desc string }{
	{"STANDARD", "Standard", "STD", "Standard Disk Speed"},
	{"HIGHPERFORMANCE", "High Performance", "HPF", "Faster than Standard. Uses 15000 RPM disk with Fast Cache."},
	{"ECONOMY", "Economy", "ECN", "Slower than Standard. Uses 7200 RPM disk without Fast Cache."},
}

func validSpeed(s string) bool {
	for _, d := range diskSpeeds {
		if d.id == s {
			return true
		}
	}
	return false
}

// Limits of the hypervisor properties (2.7 sample).
const (
	minDiskGb  = 10
	maxDiskGb  = 1000
	maxDisks   = 14 // the OS disk and 13 additional ones
	maxTotalGb = 2500
)

func (c *call) addStorage() {
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	amount, err := strconv.Atoi(c.query.Get("amount"))
	if err != nil || amount < minDiskGb || amount > maxDiskGb || s.additionalGb()+amount > maxTotalGb {
		c.fail(320, fmt.Sprintf("Additional local storage amount %s is not in range for Geographic Region", c.query.Get("amount")))
		return
	}
	if len(s.disks) >= maxDisks {
		c.fail(320, "You may only add a maximum of 13 additional storage drives.")
		return
	}
	speed := c.query.Get("speed")
	if speed == "" {
		speed = "STANDARD"
	}
	if !validSpeed(speed) {
		c.fail(826, "")
		return
	}
	used := map[int]bool{}
	for _, d := range s.disks {
		used[d.scsiID] = true
	}
	id := 1
	for used[id] {
		id++
	}
	s.disks = append(s.disks, &disk{id: c.s.ids.UUID(), scsiID: id, sizeGb: amount, speed: speed, state: "NORMAL"})
	c.ok(`Server "Add Local Storage" issued`)
}

func (c *call) disk(s *server) *disk {
	for _, d := range s.disks {
		if d.id == c.param("disk-id") {
			return d
		}
	}
	c.fail(394, "")
	return nil
}

func (c *call) removeStorage() {
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	d := c.disk(s)
	if d == nil {
		return
	}
	if d.scsiID == 0 {
		c.fail(696, "")
		return
	}
	if d.state != "NORMAL" {
		c.fail(40, "")
		return
	}
	s.disks = remove(s.disks, func(x *disk) bool { return x == d })
	c.ok(`Server "Remove Local Storage" issued`)
}

func (c *call) changeDiskSpeed() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	d := c.disk(s)
	if d == nil {
		return
	}
	speed := b.text("speed")
	if speed == "" {
		c.fail(320, "")
		return
	}
	if !validSpeed(speed) {
		c.fail(826, "")
		return
	}
	d.speed = speed
	c.ok("Change Server Disk Speed issued")
}

func (c *call) cloneServer() {
	s := c.server()
	if s == nil || !c.idle(s) {
		return
	}
	name, desc := c.query.Get("clone"), c.query.Get("desc")
	if name == "" || len(name) > 255 || len(desc) > 255 {
		c.fail(320, "")
		return
	}
	for _, i := range c.st().images {
		if i.customer && i.name == name && i.location == s.location {
			c.fail(391, "")
			return
		}
	}
	if s.backup != nil {
		c.fail(550, "")
		return
	}
	if s.vmwareTools == "NOT_INSTALLED" {
		c.fail(800, "")
		return
	}
	img := &image{id: c.s.ids.UUID(), name: name, description: desc, location: s.location, os: s.os, cpu: s.cpu,
		memoryMb: s.memoryMb, osStorageGb: s.disks[0].sizeGb, customer: true, state: "NORMAL", created: c.s.clock.Tick(),
		labels: s.labels, sourceServerID: s.id}
	for _, d := range s.disks[1:] {
		img.disks = append(img.disks, &disk{id: c.s.ids.UUID(), scsiID: d.scsiID, sizeGb: d.sizeGb, speed: d.speed, state: "NORMAL"})
	}
	c.st().images = append(c.st().images, img)
	c.ok(`Server "Clone" issued`)
}

// Anti-affinity rules (5.17-5.19).

func (c *call) ruleItem(r *antiAffinityRule) obj {
	var sums []any
	for _, id := range r.serverIDs {
		s := c.st().server(id)
		if s == nil {
			continue
		}
		netName := ""
		if n := c.st().network(s.networkID); n != nil {
			netName = n.name
		}
		sums = append(sums, obj{"id": s.id, "name": s.name, "description": s.description, "privateIp": s.privateIP,
			"networkId": s.networkID, "networkName": netName})
	}
	return obj{"id": r.id, "location": r.location, "created": stamp(r.created), "state": r.state, "serverSummary": sums}
}

func (c *call) ruleField(r *antiAffinityRule, field string) string {
	switch field {
	case "id":
		return r.id
	case "location":
		return r.location
	case "networkId":
		if s := c.st().server(r.serverIDs[0]); s != nil {
			return s.networkID
		}
	case "created":
		return stamp(r.created)
	}
	return ""
}

func (c *call) listRules() {
	page, root := pageOf(c, c.st().rules, c.ruleField)
	var items []any
	for _, r := range page {
		items = append(items, c.ruleItem(r))
	}
	if len(items) > 0 {
		root["antiAffinityRule"] = items
	}
	c.reply(root)
}

func (c *call) createRule() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	ids := b.all("serverId")
	if len(ids) != 2 || ids[0].Text == "" || ids[1].Text == "" || ids[0].Text == ids[1].Text {
		c.fail(320, "Exactly two different serverId values are required.")
		return
	}
	var pair [2]*server
	for i, n := range ids {
		if pair[i] = c.st().server(n.Text); pair[i] == nil {
			c.fail(395, "")
			return
		}
		if c.inMaintenance(pair[i].location) {
			return
		}
		if st := pair[i].state; st != "NORMAL" && st != "PENDING_CHANGE" {
			c.fail(392, "")
			return
		}
	}
	if pair[0].networkID != pair[1].networkID {
		c.fail(691, "")
		return
	}
	if c.st().ruleOf(pair[0].id) != nil || c.st().ruleOf(pair[1].id) != nil {
		c.fail(692, "")
		return
	}
	r := &antiAffinityRule{id: c.s.ids.UUID(), location: pair[0].location, state: "NORMAL", created: c.s.clock.Tick(),
		serverIDs: [2]string{pair[0].id, pair[1].id}}
	c.st().rules = append(c.st().rules, r)
	c.ok("Request to create Server Anti-Affinity Rule between "+pair[0].name+" and "+pair[1].name+" has been accepted.",
		info("antiaffinityrule.id", r.id))
}

func (c *call) deleteRule() {
	r := byParam(c, c.st().rules, "rule-id", func(x *antiAffinityRule) string { return x.id }, 693)
	if r == nil {
		return
	}
	if r.state != "NORMAL" {
		c.fail(40, "")
		return
	}
	c.st().rules = remove(c.st().rules, func(x *antiAffinityRule) bool { return x == r })
	c.ok("Request to delete Server Anti-Affinity Rule " + r.id + " has been accepted.")
}
