package cloudcontrol

import (
	"regexp"
	"strings"
)

// Account API (section 2): administrators, data centers, geographies and
// software labels.

func (a *account) render(org string) obj {
	var roles []any
	for _, r := range a.roles {
		roles = append(roles, obj{"name": r})
	}
	o := obj{"userName": a.userName, "fullName": a.fullName, "firstName": a.firstName, "lastName": a.lastName,
		"emailAddress": a.email, "orgId": org, "roles": roles}
	if a.department != "" {
		o["department"] = a.department
	}
	if a.customDefined1 != "" {
		o["customDefined1"] = a.customDefined1
	}
	if a.customDef2 != "" {
		o["customDefined2"] = a.customDef2
	}
	return o
}

func (c *call) getMyAccount() { c.reply(c.user.render(c.st().orgID)) }

func (c *call) listAccounts() {
	var items []any
	for _, a := range c.st().accounts {
		items = append(items, a.render(c.st().orgID))
	}
	c.reply(obj{"Account": items})
}

// userNamePattern is 2.2's rule: max 32 of A-Z a-z 0-9 . - _, not starting with "-".
var userNamePattern = regexp.MustCompile(`^[A-Za-z0-9._][A-Za-z0-9._-]{0,31}$`)

// assignableRoles are the roles 2.2 lets an administrator be given.
var assignableRoles = map[string]bool{RoleNetwork: true, RoleServer: true, RoleBackup: true, RoleCreateImg: true,
	RoleStorage: true, RoleReports: true, RoleReadOnly: true}

// checkRoles applies the rules of 2.2: known roles only, "read only" alone,
// none means read only.
func checkRoles(roles []string) ([]string, bool) {
	if len(roles) == 0 {
		return []string{RoleReadOnly}, true
	}
	for _, r := range roles {
		if !assignableRoles[r] || (r == RoleReadOnly && len(roles) > 1) {
			return nil, false
		}
	}
	return roles, true
}

func validPassword(p string) bool { return len(p) >= 8 && len(p) <= 75 }

func (c *call) addSubAdmin() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	name := b.text("userName")
	switch {
	case !userNamePattern.MatchString(name):
		c.fail(121, "")
		return
	case c.st().account(name) != nil:
		c.fail(120, "")
		return
	case !validPassword(b.text("password")):
		c.fail(122, "")
		return
	case b.text("fullName") == "" || b.text("firstName") == "" || b.text("lastName") == "" || b.text("emailAddress") == "":
		c.fail(10, "fullName, firstName, lastName and emailAddress are required.")
		return
	case b.text("orgId") != c.st().orgID:
		c.fail(320, "")
		return
	}
	var names []string
	for _, r := range b.child("roles").all("role") {
		names = append(names, r.text("name"))
	}
	roles, ok := checkRoles(names)
	if !ok {
		c.fail(123, "")
		return
	}
	c.st().accounts = append(c.st().accounts, &account{userName: name, password: b.text("password"), fullName: b.text("fullName"),
		firstName: b.text("firstName"), lastName: b.text("lastName"), email: b.text("emailAddress"), department: b.text("department"),
		customDefined1: b.text("customDefined1"), customDef2: b.text("customDefined2"), roles: roles})
	c.s.audit(c, "ACCOUNT", name, name, "ADD_ACCOUNT")
	c.ok("Account " + name + " created")
}

// updateAccount serves 2.3. The primary administrator may change anyone's
// properties; a sub-administrator only his own password. REASON_10 answers
// the rest (2.3 documents no "not found" or "not allowed" code).
func (c *call) updateAccount() {
	f := c.form()
	a := c.st().account(c.param("username"))
	if a == nil {
		c.fail(10, "Could not find user account "+c.param("username")+".")
		return
	}
	primary := c.user.hasRole(RolePrimary)
	if !primary {
		if a != c.user {
			c.fail(140, "Invalid role: a Sub-Administrator may only update his own account.")
			return
		}
		for k := range f {
			if k != "password" {
				c.fail(140, "Invalid role: a Sub-Administrator may only change his password.")
				return
			}
		}
	}
	if f.Has("password") && !validPassword(f.Get("password")) {
		c.fail(122, "")
		return
	}
	if roles, has := f["role"]; has {
		if a.hasRole(RolePrimary) {
			c.fail(123, "It is not possible to add or remove roles of the Primary Administrator.")
			return
		}
		checked, ok := checkRoles(roles)
		if !ok {
			c.fail(123, "")
			return
		}
		a.roles = checked
	}
	for k, set := range map[string]*string{"password": &a.password, "emailAddress": &a.email, "fullName": &a.fullName,
		"firstName": &a.firstName, "lastName": &a.lastName, "department": &a.department,
		"customDefined1": &a.customDefined1, "customDefined2": &a.customDef2} {
		if f.Has(k) {
			*set = f.Get(k)
		}
	}
	c.ok("Account " + a.userName + " updated")
}

func (c *call) deleteSubAdmin() {
	a := c.st().account(c.param("username"))
	if a == nil {
		c.fail(110, "")
		return
	}
	if a.hasRole(RolePrimary) {
		c.fail(130, "")
		return
	}
	c.st().accounts = remove(c.st().accounts, func(x *account) bool { return x == a })
	c.ok("Delete Account " + a.userName + " submitted")
}

func (c *call) designatePrimary() {
	a := c.st().account(c.param("username"))
	if a == nil {
		c.fail(110, "")
		return
	}
	if a.hasRole(RolePrimary) {
		c.fail(10, "Unexpected Error – Could not designate username "+a.userName+" as Primary Admin: already Primary Administrator.")
		return
	}
	for _, o := range c.st().accounts {
		if o.hasRole(RolePrimary) {
			o.roles = remove(o.roles, func(r string) bool { return r == RolePrimary })
		}
	}
	a.roles = []string{RolePrimary, RoleNetwork, RoleServer, RoleBackup, RoleCreateImg, RoleStorage, RoleReports}
	c.ok("Designate Primary Admin Account " + a.userName + " submitted")
}

// Data centers.

func (d *datacenter) diskSpeeds() []any {
	var out []any
	for i, s := range diskSpeeds {
		out = append(out, obj{"id": s.id, "default": i == 0, "available": true, "displayName": s.name, "abbreviation": s.abbr, "description": s.desc})
	}
	return out
}

func maintenanceStatus(on bool) string {
	if on {
		return "MAINTENANCE"
	}
	return "NORMAL"
}

func (d *datacenter) withMaintenance() obj {
	hyper := obj{"maintenanceStatus": maintenanceStatus(d.maintenance), "type": "VMWARE", "diskSpeed": d.diskSpeeds(),
		"property": []any{
			obj{"name": "MIN_DISK_SIZE_GB", "value": "10"}, obj{"name": "MAX_DISK_SIZE_GB", "value": "1000"},
			obj{"name": "MAX_TOTAL_ADDITIONAL_STORAGE_GB", "value": "2500"}, obj{"name": "MAX_CPU_COUNT", "value": itoa(d.maxCPU)},
			obj{"name": "MIN_MEMORY_MB", "value": "1024"}, obj{"name": "MAX_MEMORY_MB", "value": itoa(d.maxRAMMb)},
		}}
	if d.backup {
		hyper["backup"] = obj{"type": "COMMVAULT", "maintenanceStatus": maintenanceStatus(d.maintenance)}
	}
	return obj{"location": d.location, "default": d.isDefault, "displayName": d.displayName, "city": d.city, "state": d.region,
		"country": d.country, "vpnUrl": d.vpnURL,
		"networking": obj{"maintenanceStatus": "NORMAL", "type": d.networking, "property": []any{obj{"name": "MAX_SERVER_TO_VIP_CONNECTIONS", "value": "20"}}},
		"hypervisor": hyper}
}

func (d *datacenter) withDiskSpeed() obj {
	return obj{"location": d.location, "default": d.isDefault, "displayName": d.displayName, "city": d.city, "state": d.region,
		"country": d.country, "vpnUrl": d.vpnURL, "maxCpu": d.maxCPU, "maxRamMb": d.maxRAMMb, "diskSpeed": d.diskSpeeds()}
}

func (d *datacenter) legacy(limits bool) obj {
	o := obj{"location": d.location, "displayName": d.displayName, "city": d.city, "state": d.region, "country": d.country,
		"vpnUrl": d.vpnURL, "default": d.isDefault}
	if limits {
		o["maxCpu"], o["maxRamMb"] = d.maxCPU, d.maxRAMMb
	}
	return o
}

func datacenterField(d *datacenter, field string) string {
	if field == "location" {
		return d.location
	}
	return ""
}

func listDatacentersPaged(render func(*datacenter) obj) handler {
	return func(c *call) {
		page, root := pageOf(c, c.st().datacenters, datacenterField)
		var items []any
		for _, d := range page {
			items = append(items, render(d))
		}
		root["datacenter"] = items
		c.reply(root)
	}
}

func listDatacentersLegacy(limits bool) handler {
	return func(c *call) {
		var items []any
		for _, d := range c.st().datacenters {
			items = append(items, d.legacy(limits))
		}
		c.reply(obj{"datacenter": items})
	}
}

func listGeos(withKey bool) handler {
	return func(c *call) {
		var items []any
		for _, g := range c.st().geos {
			o := obj{"id": g.id, "name": g.name, "cloudUiUrl": g.uiURL, "cloudApiUrl": g.apiURL, "isHome": g.home,
				"productKey": g.productKey, "pricingUrl": "http://www.opsource.net/pricing", "state": "ENABLED"}
			if withKey {
				o["geoKey"] = g.key
			}
			items = append(items, o)
		}
		c.reply(obj{"geo": items})
	}
}

func (c *call) listSoftwareLabels() {
	var items []any
	for _, l := range c.st().labels {
		items = append(items, obj{"id": l.id, "displayName": l.displayName, "description": l.description,
			"pricedPer": l.pricedPer, "runningUnits": l.runningUnits, "stoppedUnits": l.stoppedUnits})
	}
	c.reply(obj{"softwareLabel": items})
}

// location resolves {location-id}, answering REASON_770 itself when unknown.
func (c *call) location() *datacenter {
	d := c.st().datacenter(strings.ToUpper(c.param("location-id")))
	if d == nil {
		c.fail(770, "")
	}
	return d
}
