package cloudcontrol

import (
	"fmt"
	"strconv"
	"time"
)

// Files Accounts (section 9) and Reports (section 10).

func (c *call) listFiles() {
	var items []any
	for _, f := range c.st().files {
		o := obj{"userName": f.userName, "password": "********", "allocatedStorageMb": f.allocatedMb, "displayName": f.displayName, "email": f.email}
		if f.description != "" {
			o["description"] = f.description
		}
		if len(f.subAdmins) > 0 {
			o["subAdminUsername"] = f.subAdmins
		}
		items = append(items, o)
	}
	c.reply(listRoot("storageAccount", items))
}

var filesUser = strPattern(`^[A-Za-z0-9._-]{1,32}$`)

func (c *call) createFiles() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	f := &filesAccount{userName: b.text("userName"), password: b.text("password"), email: b.text("email"),
		displayName: b.text("displayName"), description: b.text("description")}
	mb, err := strconv.Atoi(b.text("allocatedStorageMb"))
	f.allocatedMb = mb
	if !filesUser(f.userName) || !validPassword(f.password) || f.email == "" || f.displayName == "" || err != nil || mb < 1 ||
		c.st().filesAccount(f.userName) != nil {
		c.fail(320, "")
		return
	}
	for _, s := range b.all("subAdminUserName") {
		if c.st().account(s.Text) == nil {
			c.fail(110, "")
			return
		}
		f.subAdmins = append(f.subAdmins, s.Text)
	}
	c.st().files = append(c.st().files, f)
	c.ok("Storage-Account " + f.userName + " created")
}

func (c *call) files() *filesAccount {
	f := c.st().filesAccount(c.param("files-account-username"))
	if f == nil {
		c.fail(680, "")
	}
	return f
}

func (c *call) deleteFiles() {
	if f := c.files(); f != nil {
		c.st().files = remove(c.st().files, func(x *filesAccount) bool { return x == f })
		c.ok("Storage-Account " + f.userName + " deleted")
	}
}

// modifyFiles serves 9.4: password, allocatedStorageMb, displayName,
// description, email and subAdminUserName (sent empty to clear the list).
func (c *call) modifyFiles() {
	form := c.form()
	f := c.files()
	if f == nil {
		return
	}
	if form.Has("password") && !validPassword(form.Get("password")) {
		c.fail(320, "")
		return
	}
	if form.Has("allocatedStorageMb") {
		mb, err := strconv.Atoi(form.Get("allocatedStorageMb"))
		if err != nil || mb < 1 {
			c.fail(320, "")
			return
		}
		f.allocatedMb = mb
	}
	if subs, has := form["subAdminUserName"]; has {
		f.subAdmins = nil
		for _, s := range subs {
			if s == "" {
				continue
			}
			if c.st().account(s) == nil {
				c.fail(110, "")
				return
			}
			f.subAdmins = append(f.subAdmins, s)
		}
	}
	for k, dst := range map[string]*string{"password": &f.password, "displayName": &f.displayName, "description": &f.description, "email": &f.email} {
		if form.Has(k) {
			*dst = form.Get(k)
		}
	}
	c.ok("Storage-Account " + f.userName + " modified")
}

// reportDays reads startDate and endDate (YYYY-MM-DD): REASON_520 when
// either is missing or malformed, reversed, or spans more than maxDays
// (31 for usage reports, 30 for the administrator logs, C15).
func (c *call) reportDays(maxDays int) (time.Time, time.Time, bool) {
	return c.days("startDate", "endDate", maxDays)
}

// days reads the first and last day of a report from the query parameters
// named from and to (see reportDays).
func (c *call) days(from, to string, maxDays int) (time.Time, time.Time, bool) {
	start, err1 := time.Parse("2006-01-02", c.query.Get(from))
	end, err2 := time.Parse("2006-01-02", c.query.Get(to))
	if err1 != nil || err2 != nil || end.Before(start) || end.Sub(start) > time.Duration(maxDays)*24*time.Hour {
		c.fail(520, "")
		return start, end, false
	}
	return start, end, true
}

func days(start, end time.Time) []time.Time {
	var out []time.Time
	for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	return out
}

// usage is a deterministic, plausible figure for a report cell.
func usage(i, j int) string { return fmt.Sprintf("%d.%02d", (i*7+j*3)%48, (i*13+j*29)%100) }

func (c *call) summaryReport() {
	start, end, ok := c.reportDays(31)
	if !ok {
		return
	}
	var rows [][]string
	for i, d := range days(start, end) {
		for _, dc := range c.st().datacenters[:2] {
			row := []string{d.Format("2006-01-02"), dc.location}
			for j := 2; j < len(c.op.CSVHeader); j++ {
				row = append(row, usage(i, j))
			}
			rows = append(rows, row)
		}
	}
	c.csv(rows)
}

func (c *call) detailedReport() {
	start, end, ok := c.reportDays(31)
	if !ok {
		return
	}
	var rows [][]string
	for _, s := range c.st().servers {
		if !s.deployed {
			continue
		}
		status := "STOPPED"
		if s.started {
			status = "RUNNING"
		}
		row := []string{s.name, "Server", s.location, s.privateIP, status, start.Format("2006-01-02") + " 00:00", end.Format("2006-01-02") + " 23:59",
			"24", itoa(s.cpu), itoa(s.memoryMb / 1024), itoa(s.disks[0].sizeGb + s.additionalGb()), "0"}
		for j := len(row); j < len(c.op.CSVHeader); j++ {
			row = append(row, usage(len(rows), j))
		}
		rows = append(rows, row)
	}
	c.csv(rows)
}

func (c *call) softwareReport() {
	start, end, ok := c.reportDays(31)
	if !ok {
		return
	}
	var rows [][]string
	for _, d := range days(start, end) {
		for _, s := range c.st().servers {
			for _, l := range s.labels {
				lab := find(c.st().labels, func(x *softwareLabel) bool { return x.id == l })
				if lab == nil || !s.deployed {
					continue
				}
				running := "0"
				if s.started {
					running = "24"
				}
				rows = append(rows, []string{d.Format("2006-01-02"), s.location, s.name, s.id, itoa(s.cpu), lab.id,
					itoa(lab.runningUnits), itoa(lab.stoppedUnits), lab.pricedPer, running, strconv.Itoa(24 - atoi(running)), itoa(lab.runningUnits * s.cpu)})
			}
		}
	}
	c.csv(rows)
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func (c *call) backupReport() {
	// "The mandatory datacenterId parameter" and the URL's fromDate and toDate
	// (line 6187): one left out is REASON_320, "Mandatory parameter is missing"
	// (line 6212); dates given but invalid are REASON_520.
	loc := c.query.Get("datacenterId")
	for _, p := range []string{"datacenterId", "fromDate", "toDate"} {
		if !c.query.Has(p) {
			c.fail(320, "Mandatory parameter "+p+" is missing.")
			return
		}
	}
	dc := c.st().datacenter(loc)
	if dc == nil {
		c.fail(770, "Invalid location "+loc+". See List Data Centers (With Parameters) - Maintenance.")
		return
	}
	if !dc.backup {
		c.fail(53, "")
		return
	}
	start, end, ok := c.days("fromDate", "toDate", 31)
	if !ok {
		return
	}
	var rows [][]string
	for _, d := range days(start, end) {
		for _, s := range c.st().servers {
			if s.location != loc || s.backup == nil {
				continue
			}
			for _, cl := range s.backup.clients {
				rows = append(rows, []string{cl.id, cl.clientType, s.backup.servicePlan, itoa(cl.totalBackupSizeGb), s.backup.assetID,
					d.Format("2006-01-02"), d.Format("2006-01-02") + " 01:35", loc, "", "", "", "0", cl.schedulePolicy, s.id, s.name,
					d.Format("2006-01-02") + " 01:12", cl.storagePolicy, itoa(cl.totalBackupSizeGb), "BACKUP"})
			}
		}
	}
	c.csv(rows)
}

func (c *call) auditReport() {
	start, end, ok := c.reportDays(30)
	if !ok {
		return
	}
	var rows [][]string
	for i, e := range c.st().audit {
		if e.when.Before(start) || e.when.After(end.Add(24*time.Hour)) {
			continue
		}
		a := c.st().account(e.user)
		dept := ""
		if a != nil {
			dept = a.department
		}
		rows = append(rows, []string{fmt.Sprintf("%08d-0000-4000-8000-%012d", i+1, i+1), e.when.Format("2006-01-02 15:04:05"), e.user, dept, "", "",
			e.kind, e.name, e.action, e.detail + " (" + e.id + ")", "SUCCESS"})
	}
	c.csv(rows)
}

// audit records an administrator action for the Administrator Logs Report.
func (s *Simulator) audit(c *call, kind, name, id, action string) {
	s.st.audit = append(s.st.audit, auditEntry{when: s.clock.Now(), user: c.user.userName, kind: kind, name: name, id: id,
		action: action, detail: c.op.Title})
}
