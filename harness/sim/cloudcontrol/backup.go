package cloudcontrol

import (
	"net/mail"
	"strings"
	"time"
)

// Cloud Backup API (section 6).

// servicePlans are the plans of 6.1.
var servicePlans = map[string]bool{"Essentials": true, "Advanced": true, "Enterprise": true}

// clientTypes are the Backup Client types per operating system type: the
// file system agent first.
var clientTypes = map[string][]struct {
	id, desc string
	fs       bool
}{
	"UNIX":    {{"FA.Linux", "Linux File system", true}, {"MySQL", "MySQL Database", false}, {"PostgreSQL", "PostgreSQL Database", false}},
	"WINDOWS": {{"FA.Win", "Windows File system", true}, {"MSSQL", "Microsoft SQL Server", false}, {"Exchange", "Microsoft Exchange", false}},
}

// storagePolicies and schedulePolicies are the organization's policies.
var storagePolicies = []struct {
	name      string
	days      int
	secondary string
}{
	{"14 Day Storage Policy", 14, ""}, {"30 Day Storage Policy", 30, ""}, {"14 Day Storage Policy + Secondary Copy", 14, "NA3"},
}

var schedulePolicies = []struct{ name, desc string }{
	{"12AM - 6AM", "Daily backup will start between 12AM - 6AM"}, {"6AM - 12PM", "Daily backup will start between 6AM - 12PM"},
	{"12PM - 6PM", "Daily backup will start between 12PM - 6PM"}, {"6PM - 12AM", "Daily backup will start between 6PM - 12AM"},
}

// backupServer resolves the server of a backup operation and checks the
// preconditions shared by section 6: the server exists (395), backup is
// available at its data center (53), and, when enabled is true, backup is
// enabled for it (543) and NORMAL (544).
func (c *call) backupServer(enabled bool) *server {
	s := c.server()
	if s == nil {
		return nil
	}
	if dc := c.st().datacenter(s.location); dc == nil || !dc.backup {
		c.fail(53, "")
		return nil
	}
	if !enabled {
		return s
	}
	if s.backup == nil {
		c.fail(543, "")
		return nil
	}
	if s.backup.state != "NORMAL" {
		if c.op.documents("REASON_544") {
			c.fail(544, "")
		} else {
			c.fail(542, "")
		}
		return nil
	}
	return s
}

func (c *call) enableBackup() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	s := c.backupServer(false)
	if s == nil {
		return
	}
	plan := b.Attrs["servicePlan"]
	if !servicePlans[plan] {
		c.fail(320, "")
		return
	}
	if s.backup != nil {
		c.fail(550, "")
		return
	}
	if s.state != "NORMAL" {
		c.fail(378, "")
		return
	}
	s.backup = &serverBackup{assetID: "ASSET-" + c.s.ids.Hex(12), servicePlan: plan, state: "NORMAL"}
	c.ok("Backup enabled for Server - see additionalInformation for Asset ID", info("assetId", s.backup.assetID))
}

func (c *call) disableBackup() {
	s := c.backupServer(true)
	if s == nil {
		return
	}
	if s.state != "NORMAL" {
		c.fail(40, "")
		return
	}
	if len(s.backup.clients) > 0 {
		c.fail(548, "")
		return
	}
	s.backup = nil
	c.ok("Backup disabled for Server " + s.id)
}

func (c *call) changePlan() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	s := c.backupServer(true)
	if s == nil {
		return
	}
	plan := b.Attrs["servicePlan"]
	if !servicePlans[plan] {
		c.fail(320, "")
		return
	}
	for _, cl := range s.backup.clients {
		if !cl.isFileSystem && plan == "Essentials" {
			c.fail(546, "")
			return
		}
	}
	s.backup.servicePlan = plan
	c.ok("Backup Service Plan changed to " + plan)
}

func (c *call) clientTypesOf(s *server) []any {
	var out []any
	for i, t := range clientTypes[s.os.osType] {
		if i > 0 && s.backup.servicePlan == "Essentials" {
			break // Essentials covers the file system only (6.3 REASON_546)
		}
		out = append(out, obj{"type": t.id, "isFileSystem": t.fs, "description": t.desc})
	}
	return out
}

func (c *call) getClientTypes() {
	if s := c.backupServer(true); s != nil {
		c.reply(obj{"backupClientType": c.clientTypesOf(s)})
	}
}

func (c *call) getStoragePolicies() {
	if c.backupServer(true) == nil {
		return
	}
	var items []any
	for _, p := range storagePolicies {
		o := obj{"name": p.name, "retentionPeriodInDays": p.days}
		if p.secondary != "" {
			o["secondaryLocation"] = p.secondary
		}
		items = append(items, o)
	}
	c.reply(obj{"storagePolicy": items})
}

func (c *call) getSchedulePolicies() {
	if c.backupServer(true) == nil {
		return
	}
	var items []any
	for _, p := range schedulePolicies {
		items = append(items, obj{"name": p.name, "description": p.desc})
	}
	c.reply(obj{"schedulePolicy": items})
}

// clientSettings validates the policies and alerting of 6.7 and 6.9.
func (c *call) clientSettings(b *xnode, cl *backupClient) bool {
	storage, schedule := b.text("storagePolicyName"), b.text("schedulePolicyName")
	okStorage, okSchedule := false, false
	for _, p := range storagePolicies {
		okStorage = okStorage || p.name == storage
	}
	for _, p := range schedulePolicies {
		okSchedule = okSchedule || p.name == schedule
	}
	if !okStorage {
		c.fail(320, "storagePolicyName must contain a valid Storage Policy name.")
		return false
	}
	if !okSchedule {
		c.fail(320, "schedulePolicyName must contain a valid Schedule Policy name.")
		return false
	}
	cl.storagePolicy, cl.schedulePolicy, cl.alertTrigger, cl.alertEmails = storage, schedule, "", nil
	if a := b.child("alerting"); a != nil {
		emails := a.all("emailAddress")
		if a.text("trigger") == "" || len(emails) == 0 {
			c.fail(320, "The optional field alerting, must contain trigger and at least one emailAddress element if provided.")
			return false
		}
		cl.alertTrigger = a.text("trigger")
		for _, e := range emails {
			if _, err := mail.ParseAddress(e.Text); err != nil || strings.Contains(e.Text, ",") {
				c.fail(320, "Each emailAddress element must contain a single valid email address.")
				return false
			}
			cl.alertEmails = append(cl.alertEmails, e.Text)
		}
	}
	return true
}

func (c *call) addClient() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	s := c.backupServer(true)
	if s == nil {
		return
	}
	cl := &backupClient{clientType: b.text("type"), status: "Active"}
	for _, t := range c.clientTypesOf(s) {
		if t.(obj)["type"] == cl.clientType {
			cl.isFileSystem, cl.description = t.(obj)["isFileSystem"].(bool), t.(obj)["description"].(string)
		}
	}
	if cl.description == "" {
		c.fail(320, "type must contain a valid Backup Client type.")
		return
	}
	if !c.clientSettings(b, cl) {
		return
	}
	cl.id = c.s.ids.UUID()
	cl.downloadURL = "https://backups.example.com/download/" + cl.id
	s.backup.clients = append(s.backup.clients, cl)
	c.ok("Backup Client added", info("backupClient.id", cl.id), info("backupClient.downloadUrl", cl.downloadURL))
}

func (c *call) client(s *server) *backupClient {
	return byParam(c, s.backup.clients, "backup-client-id", func(x *backupClient) string { return x.id }, 545)
}

func (c *call) removeClient() {
	s := c.backupServer(true)
	if s == nil {
		return
	}
	if cl := c.client(s); cl != nil {
		s.backup.clients = remove(s.backup.clients, func(x *backupClient) bool { return x == cl })
		c.ok("Backup Client " + cl.id + " removed")
	}
}

func (c *call) modifyClient() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	s := c.backupServer(true)
	if s == nil {
		return
	}
	cl := c.client(s)
	if cl == nil || !c.clientSettings(b, cl) {
		return
	}
	c.ok("Backup Client " + cl.id + " modified")
}

func (c *call) getBackupDetails() {
	s := c.backupServer(true)
	if s == nil {
		return
	}
	var clients []any
	for _, cl := range s.backup.clients {
		o := obj{"id": cl.id, "type": cl.clientType, "isFileSystem": cl.isFileSystem, "status": cl.status, "description": cl.description,
			"schedulePolicyName": cl.schedulePolicy, "storagePolicyName": cl.storagePolicy, "totalBackupSizeGb": cl.totalBackupSizeGb,
			"downloadUrl": cl.downloadURL}
		if cl.alertTrigger != "" {
			o["alerting"] = obj{"trigger": cl.alertTrigger, "emailAddress": cl.alertEmails}
		}
		if cl.lastBackup != "" {
			o["times"] = obj{"lastBackup": cl.lastBackup, "nextBackup": cl.nextBackup}
		}
		clients = append(clients, o)
	}
	o := obj{"assetId": s.backup.assetID, "servicePlan": s.backup.servicePlan, "state": s.backup.state}
	if len(clients) > 0 {
		o["backupClient"] = clients
	}
	c.reply(o)
}

// restore serves 6.11 (in place) and 6.13 (out of place, with targetServerId).
func (c *call) restore() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	s := c.backupServer(true)
	if s == nil {
		return
	}
	cl := c.client(s)
	if cl == nil {
		return
	}
	switch {
	case s.backup.servicePlan == "Essentials":
		c.fail(555, "")
		return
	case !cl.isFileSystem:
		c.fail(556, "")
		return
	case cl.lastBackup == "":
		c.fail(551, "")
		return
	}
	if at := b.text("asAtDate"); at != "" {
		t, _, ok := parseDate(at)
		first, _, _ := parseDate(cl.lastBackup)
		if !ok || t.Before(first.Add(-30*24*time.Hour)) {
			c.fail(520, "")
			return
		}
	}
	target := s
	if id := b.text("targetServerId"); id != "" {
		if id == s.id {
			c.fail(320, "{server-id} and targetServerId cannot be the same.")
			return
		}
		target = c.st().server(id)
		if target == nil {
			c.fail(395, "Could not find Server "+id+" for "+c.st().orgID+".")
			return
		}
		if target.os.osType != s.os.osType {
			c.fail(554, "")
			return
		}
		if target.backup == nil || find(target.backup.clients, func(x *backupClient) bool { return x.clientType == cl.clientType && x.status == "Active" }) == nil {
			c.fail(552, "")
			return
		}
	}
	if target.state != "NORMAL" {
		c.fail(392, "")
		return
	}
	if !target.started {
		c.fail(377, "")
		return
	}
	c.ok("Restore File System Backup for Backup Client " + cl.id + " issued")
}

// restoreTargets serves 6.12: the servers that could receive an out of
// place restore of this client type (same OS type, with such a client).
func (c *call) restoreTargets() {
	s := c.backupServer(true)
	if s == nil {
		return
	}
	typ := c.param("backup-client-type")
	valid := false
	for _, t := range clientTypes[s.os.osType] {
		valid = valid || t.id == typ
	}
	if !valid {
		c.fail(320, "Invalid Backup Client type "+typ+".")
		return
	}
	var items []any
	for _, t := range c.st().servers {
		if t == s || t.backup == nil || t.os.osType != s.os.osType ||
			find(t.backup.clients, func(x *backupClient) bool { return x.clientType == typ }) == nil {
			continue
		}
		var disks []any
		for _, d := range t.disks {
			disks = append(disks, obj{"id": d.id, "scsiId": d.scsiID, "sizeGb": d.sizeGb, "speed": d.speed, "state": d.state})
		}
		items = append(items, obj{"id": t.id, "location": t.location, "name": t.name, "description": t.description,
			"operatingSystem": osAttrs(t.os), "cpuCount": t.cpu, "memoryMb": t.memoryMb, "disk": disks, "sourceImageId": t.imageID,
			"networkId": t.networkID, "machineName": t.machineName, "privateIp": t.privateIP, "created": stamp(t.created),
			"backup": obj{"assetId": t.backup.assetID, "servicePlan": t.backup.servicePlan}})
	}
	c.reply(listRoot("server", items))
}
