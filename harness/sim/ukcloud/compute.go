package ukcloud

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// findAccount returns the account named by the account_id path value, and
// whether the user may see it. Unknown and non-numeric ids are "not found".
func (s *Simulator) findAccount(r *http.Request) (*account, bool) {
	id, ok := pathInt(r, "account_id")
	if !ok {
		return nil, false
	}
	for _, a := range s.accounts {
		if a.id == id {
			return a, a.visible
		}
	}
	return nil, false
}

// visibleAccount answers 403 itself, as most account operations document
// ("The user does not have access to the account or the account does not
// exist"), when the account is not one the user can see.
func (s *Simulator) visibleAccount(w http.ResponseWriter, r *http.Request) (*account, bool) {
	a, ok := s.findAccount(r)
	if !ok {
		s.fail(w, http.StatusForbidden, "Forbidden", "The user does not have access to the account or the account does not exist")
		return nil, false
	}
	return a, true
}

// findVorg resolves the vorg_id path value within a. The document's vOrg
// list gives ids as "<account>-<vorg>" ("42-56") while its paths use the bare
// number ("/vorgs/12/vdcs"); both forms are accepted.
func findVorg(a *account, raw string) *vorg {
	if pre, rest, ok := strings.Cut(raw, "-"); ok {
		if pre != strconv.Itoa(a.id) {
			return nil
		}
		raw = rest
	}
	id, err := strconv.Atoi(raw)
	if err != nil {
		return nil
	}
	for _, v := range a.vorgs {
		if v.id == id {
			return v
		}
	}
	return nil
}

func findVDC(v *vorg, urn string) *vdc {
	for _, d := range v.vdcs {
		if d.urn == urn {
			return d
		}
	}
	return nil
}

type accountJSON struct {
	Name string `json:"name"`
	ID   int    `json:"id"`
	// Status is an undocumented field a later revision might add (extras data sets only).
	Status string `json:"status,omitempty"`
}

// listAccounts implements GET /api/accounts.
func (s *Simulator) listAccounts(w http.ResponseWriter, _ *http.Request, _ string) {
	out := []accountJSON{}
	for _, a := range s.accounts {
		if a.visible {
			aj := accountJSON{Name: a.name, ID: a.id}
			if s.data.extras {
				aj.Status = "Active"
			}
			out = append(out, aj)
		}
	}
	var body any = out
	if s.faults.On(FaultMissingRequiredField) || s.faults.On(FaultWrongType) {
		body = s.reshape(out, func(g any) {
			for _, it := range g.([]any) {
				m := it.(map[string]any)
				if s.faults.On(FaultMissingRequiredField) {
					delete(m, "name")
				}
				if s.faults.On(FaultWrongType) {
					m["id"] = fmt.Sprint(m["id"])
				}
			}
		})
	}
	status := http.StatusOK
	if s.faults.On(FaultWrongStatus) {
		status = http.StatusNonAuthoritativeInfo
	}
	s.json(w, status, body)
}

type backupJSON struct {
	Status               string `json:"status"`
	BackupSlot           string `json:"backupSlot"`
	BackupStart          string `json:"backupStart"`
	BackupEnd            string `json:"backupEnd"`
	SnapshotRemovalStart string `json:"snapshotRemovalStart"`
	SnapshotRemovalEnd   string `json:"snapshotRemovalEnd"`
}

type vmJSON struct {
	ID                    int          `json:"_id"`
	Name                  string       `json:"name"`
	URN                   string       `json:"urn"`
	Size                  *string      `json:"size"`
	MonthToDate           string       `json:"monthToDate"`
	EstimatedMonthlyTotal *string      `json:"estimatedMonthlyTotal"`
	BilledHoursPoweredOn  int          `json:"billedHoursPoweredOn"`
	BilledHoursPoweredOff int          `json:"billedHoursPoweredOff"`
	PowerStatus           string       `json:"powerStatus"`
	OperatingSystem       string       `json:"operatingSystem"`
	NumberOfCPUs          int          `json:"numberOfCPUs"`
	Memory                int          `json:"memory"`
	Storage               int          `json:"storage"`
	LastBackupStatus      string       `json:"lastBackupStatus"`
	InBackup              bool         `json:"inBackup"`
	LastBackup            string       `json:"lastBackup"`
	RetentionLength       int          `json:"retentionLength"`
	Backups               []backupJSON `json:"backups"`
}

type vappJSON struct {
	Name string   `json:"name"`
	URN  string   `json:"urn"`
	VMs  []vmJSON `json:"VMs"`
}

type vdcJSON struct {
	Name  string     `json:"name"`
	URN   string     `json:"urn"`
	VApps []vappJSON `json:"vApps"`
}

type vorgJSON struct {
	Name      string    `json:"name"`
	ServiceID string    `json:"serviceId"`
	URN       string    `json:"urn"`
	VDCs      []vdcJSON `json:"VDCs"`
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func renderVM(m *vm) vmJSON {
	out := vmJSON{ID: m.id, Name: m.name, URN: m.urn, Size: optional(m.size), MonthToDate: m.monthToDate,
		EstimatedMonthlyTotal: optional(m.estimatedMonthly), BilledHoursPoweredOn: m.hoursOn, BilledHoursPoweredOff: m.hoursOff,
		PowerStatus: m.power, OperatingSystem: m.os, NumberOfCPUs: m.cpus, Memory: m.memoryMB, Storage: m.storageMB,
		LastBackupStatus: m.lastBackupStatus, InBackup: m.inBackup, LastBackup: m.lastBackup, RetentionLength: m.retention,
		Backups: []backupJSON{}}
	for _, b := range m.backups {
		out.Backups = append(out.Backups, backupJSON{Status: b.status, BackupSlot: b.slot, BackupStart: b.start, BackupEnd: b.end,
			SnapshotRemovalStart: b.snapStart, SnapshotRemovalEnd: b.snapEnd})
	}
	return out
}

func renderVDCs(v *vorg) []vdcJSON {
	out := []vdcJSON{}
	for _, d := range v.vdcs {
		dj := vdcJSON{Name: d.name, URN: d.urn, VApps: []vappJSON{}}
		for _, a := range d.vapps {
			aj := vappJSON{Name: a.name, URN: a.urn, VMs: []vmJSON{}}
			for _, m := range a.vms {
				aj.VMs = append(aj.VMs, renderVM(m))
			}
			dj.VApps = append(dj.VApps, aj)
		}
		out = append(out, dj)
	}
	return out
}

// visibleVorgs are the vOrgs of a the user has permissions for; the others
// exist (and answer 403 on their VDC list) but are not listed.
func visibleVorgs(a *account) []*vorg {
	out := []*vorg{}
	for _, v := range a.vorgs {
		if v.visible {
			out = append(out, v)
		}
	}
	return out
}

// defaultPerPage is the per_page default the parameter table of compute_services gives (N (25),
// line 962); the prose (993) says every vOrg comes back when neither parameter is set, so it
// applies only when page is given (DEFECTS.md 25).
const defaultPerPage = 25

// computeServices implements GET /api/accounts/{account_id}/compute_services.
//
// Paging: no page and no per_page returns every vOrg (the prose); only
// page given uses per_page 25, only per_page given uses page 1 (the
// table's defaults); a page past the end is an empty vOrgs list. The
// document is silent on invalid values (0, negative, not a number): the
// simulator answers 400 with an error body naming the parameter.
func (s *Simulator) computeServices(w http.ResponseWriter, r *http.Request, _ string) {
	a, ok := s.visibleAccount(w, r)
	if !ok {
		return
	}
	vorgs := visibleVorgs(a)
	if !s.faults.On(FaultPagingIgnored) {
		p, paged, err := sim.ParsePage(r.URL.Query(), "page", "per_page", defaultPerPage)
		if err != nil {
			s.fail(w, http.StatusBadRequest, "Bad request", err.Error())
			return
		}
		if paged {
			vorgs = sim.Slice(vorgs, p)
		}
	}
	type body struct {
		Account struct {
			ID int `json:"id"`
		} `json:"account"`
		VOrgs []vorgJSON `json:"vOrgs"`
	}
	out := body{VOrgs: []vorgJSON{}}
	out.Account.ID = a.id
	for _, v := range vorgs {
		out.VOrgs = append(out.VOrgs, vorgJSON{Name: v.name, ServiceID: v.serviceID, URN: v.urn, VDCs: renderVDCs(v)})
	}
	var res any = out
	if s.faults.On(FaultMissingRequiredField) || s.faults.On(FaultWrongType) {
		res = s.reshape(out, func(g any) {
			m := g.(map[string]any)
			if s.faults.On(FaultWrongType) {
				acc := m["account"].(map[string]any)
				acc["id"] = fmt.Sprint(acc["id"])
			}
			if s.faults.On(FaultMissingRequiredField) {
				for _, v := range m["vOrgs"].([]any) {
					delete(v.(map[string]any), "serviceId")
				}
			}
		})
	}
	s.json(w, http.StatusOK, res)
}

// computeService implements GET /api/accounts/{account_id}/compute_services/{vorg_id}:
// 403 for an account the user cannot see, 404 for a vOrg that is not (or not
// visibly) in the account.
func (s *Simulator) computeService(w http.ResponseWriter, r *http.Request, _ string) {
	a, ok := s.visibleAccount(w, r)
	if !ok {
		return
	}
	v := findVorg(a, r.PathValue("vorg_id"))
	if v == nil || !v.visible {
		s.fail(w, http.StatusNotFound, "Not found", "The vOrg does not exist in the specified account")
		return
	}
	s.json(w, http.StatusOK, struct {
		ComputeServiceID int       `json:"compute_service_id"`
		Name             string    `json:"name"`
		ServiceID        string    `json:"serviceId"`
		URN              string    `json:"urn"`
		VDCs             []vdcJSON `json:"VDCs"`
	}{v.id, v.name, v.serviceID, v.urn, renderVDCs(v)})
}

// apiCredentials implements GET /api/accounts/{account_id}/api_credentials:
// an object keyed "<vOrg name> (<service id>)" (JSON keys come out sorted).
func (s *Simulator) apiCredentials(w http.ResponseWriter, r *http.Request, _ string) {
	a, ok := s.visibleAccount(w, r)
	if !ok {
		return
	}
	type cred struct {
		ServiceID string `json:"service_id"`
		Username  string `json:"username"`
	}
	out := map[string]cred{}
	for _, v := range visibleVorgs(a) {
		out[fmt.Sprintf("%s (%s)", v.name, v.serviceID)] = cred{ServiceID: v.serviceID, Username: v.apiUser}
	}
	s.json(w, http.StatusOK, out)
}

// truncate32 applies the document's note: VM and vApp names are cut to 32
// characters in vMotion events.
func truncate32(s string) string {
	r := []rune(s)
	if len(r) > 32 {
		return string(r[:32])
	}
	return s
}

// vmotionEvents implements GET /api/accounts/{account_id}/platform_visibility/vmotion_events.
//
// The published schema and the example give the body as one event object; only the prose says
// "an array" (DEFECTS.md 15, 16). The schema wins, in every data set: the body is the newest event
// of the 12 hours before the simulated clock's origin, or an empty object when there was none
// (the schema requires no property).
func (s *Simulator) vmotionEvents(w http.ResponseWriter, r *http.Request, _ string) {
	a, ok := s.visibleAccount(w, r)
	if !ok {
		return
	}
	type event struct {
		EventCreatedTime string `json:"event_created_time"`
		ServiceID        int    `json:"service_id"`
		UserName         string `json:"user_name"`
		VirtualMachine   string `json:"virtual_machine"`
		VDCName          string `json:"vdc_name"`
		VAppName         string `json:"vapp_name"`
	}
	var newest *vmotion
	for i, e := range s.vmotions[a.id] {
		if e.ago <= 12*time.Hour && (newest == nil || e.ago < newest.ago) {
			newest = &s.vmotions[a.id][i]
		}
	}
	if newest == nil {
		s.json(w, http.StatusOK, struct{}{})
		return
	}
	origin := s.opts.StartTime()
	s.json(w, http.StatusOK, event{EventCreatedTime: origin.Add(-newest.ago).In(ukTime).Format(time.RFC3339), ServiceID: newest.service,
		UserName: newest.user, VirtualMachine: truncate32(newest.vm), VDCName: newest.vdc, VAppName: truncate32(newest.vapp)})
}

// myVM implements GET /api/my_vm: up to 10 VMs (and their vApps) with
// billing data, from the accounts the user can see, in catalogue order.
func (s *Simulator) myVM(w http.ResponseWriter, _ *http.Request, _ string) {
	type vappOut struct {
		ID                    int    `json:"_id"`
		URN                   string `json:"urn"`
		Name                  string `json:"name"`
		PS                    string `json:"ps"`
		TotalVMs              int    `json:"total_vms"`
		MonthToDate           string `json:"month_to_date"`
		EstimatedMonthlyTotal string `json:"estimated_monthly_total"`
	}
	type backupOut struct {
		Status               string `json:"status"`
		BackupSlot           string `json:"backup_slot"`
		BackupStart          string `json:"backup_start"`
		BackupEnd            string `json:"backup_end"`
		SnapshotRemovalStart string `json:"snapshot_removal_start"`
		SnapshotRemovalEnd   string `json:"snapshot_removal_end"`
	}
	type vmOut struct {
		ID                    int         `json:"_id"`
		URN                   string      `json:"urn"`
		Name                  string      `json:"name"`
		Size                  *string     `json:"size"`
		PS                    string      `json:"ps"`
		OS                    string      `json:"os"`
		CPU                   string      `json:"cpu"`
		Mem                   string      `json:"mem"`
		Storage               string      `json:"storage"`
		CreatedAt             string      `json:"created_at"`
		UpdatedAt             string      `json:"updated_at"`
		MonthToDate           string      `json:"month_to_date"`
		EstimatedMonthlyTotal string      `json:"estimated_monthly_total"`
		Comment               *string     `json:"comment"`
		LastBackupStatus      string      `json:"last_backup_status"`
		InBackup              bool        `json:"in_backup"`
		LastBackup            string      `json:"last_backup"`
		RetentionLength       int         `json:"retention_length"`
		BilledHoursPoweredOn  int         `json:"billed_hours_powered_on"`
		BilledHoursPoweredOff int         `json:"billed_hours_powered_off"`
		Backups               []backupOut `json:"backups"`
	}
	out := struct {
		Account struct {
			VApps []vappOut `json:"vapps"`
			VMs   []vmOut   `json:"vms"`
		} `json:"account"`
	}{}
	out.Account.VApps = []vappOut{}
	out.Account.VMs = []vmOut{}
	stamp := s.opts.StartTime().AddDate(0, -1, 0).In(ukTime).Format(ticketTime)
	vappID := 0
	for _, a := range s.accounts {
		if !a.visible {
			continue
		}
		for _, v := range visibleVorgs(a) {
			for _, d := range v.vdcs {
				for _, ap := range d.vapps {
					if len(out.Account.VMs) >= 10 {
						break
					}
					vappID++
					var mtd, est float64
					for _, m := range ap.vms {
						if len(out.Account.VMs) >= 10 {
							break
						}
						mtd += money(m.monthToDate)
						est += money(m.estimatedMonthly)
						ps := "Off"
						if m.power == "POWERED_ON" {
							ps = "On"
						}
						vo := vmOut{ID: m.id, URN: m.urn, Name: m.name, Size: optional(strings.ToLower(m.size)), PS: ps, OS: m.os,
							CPU: fmt.Sprintf("%dx2GHz", m.cpus), Mem: fmt.Sprintf("%dMB", m.memoryMB), Storage: fmt.Sprintf("%dGB", m.storageMB/1024),
							CreatedAt: stamp, UpdatedAt: stamp, MonthToDate: "£" + m.monthToDate, EstimatedMonthlyTotal: "£" + orZero(m.estimatedMonthly),
							LastBackupStatus: m.lastBackupStatus, InBackup: m.inBackup, LastBackup: m.lastBackup, RetentionLength: m.retention,
							BilledHoursPoweredOn: m.hoursOn, BilledHoursPoweredOff: m.hoursOff, Backups: []backupOut{}}
						for _, b := range m.backups {
							vo.Backups = append(vo.Backups, backupOut{b.status, b.slot, b.start, b.end, b.snapStart, b.snapEnd})
						}
						out.Account.VMs = append(out.Account.VMs, vo)
					}
					out.Account.VApps = append(out.Account.VApps, vappOut{ID: vappID, URN: ap.urn, Name: ap.name, PS: ap.power,
						TotalVMs: len(ap.vms), MonthToDate: fmt.Sprintf("£%.2f", mtd), EstimatedMonthlyTotal: fmt.Sprintf("£%.2f", est)})
				}
			}
		}
	}
	s.json(w, http.StatusOK, out)
}

func money(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func orZero(s string) string {
	if s == "" {
		return "0.00"
	}
	return s
}

type resourceJSON struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Attributes struct {
		Name string `json:"name"`
	} `json:"attributes"`
	// Links is an undocumented JSON:API member a later revision might add (extras data sets).
	Links map[string]string `json:"links,omitempty"`
}

func resource(id, typ, name string) resourceJSON {
	r := resourceJSON{ID: id, Type: typ}
	r.Attributes.Name = name
	return r
}

// listVorgs implements GET /api/accounts/{account_id}/vorgs. Ids are
// "<account>-<vorg>" as in the document's example and schema ("^\d+-\d+$").
func (s *Simulator) listVorgs(w http.ResponseWriter, r *http.Request, _ string) {
	a, ok := s.visibleAccount(w, r)
	if !ok {
		return
	}
	out := []resourceJSON{}
	for _, v := range visibleVorgs(a) {
		res := resource(fmt.Sprintf("%d-%d", a.id, v.id), "vOrg", v.name)
		if s.data.extras {
			res.Links = map[string]string{"vdcs": fmt.Sprintf("/api/accounts/%d/vorgs/%d/vdcs", a.id, v.id)}
		}
		out = append(out, res)
	}
	s.json(w, http.StatusOK, map[string]any{"data": out})
}

// vorgFor resolves account and vOrg for the VDC and edge gateway
// operations, which document 404 for an account the user cannot see or a
// vOrg that does not exist, and 403 for a vOrg without permissions.
func (s *Simulator) vorgFor(w http.ResponseWriter, r *http.Request) (*account, *vorg, bool) {
	a, ok := s.findAccount(r)
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", "The user does not have access to the account or the account does not exist")
		return nil, nil, false
	}
	v := findVorg(a, r.PathValue("vorg_id"))
	if v == nil {
		s.fail(w, http.StatusNotFound, "Not found", "The vOrg does not exist")
		return nil, nil, false
	}
	if !v.visible {
		s.fail(w, http.StatusForbidden, "Forbidden", "The user does not have permissions for the vOrg")
		return nil, nil, false
	}
	return a, v, true
}

// listVDCs implements GET /api/accounts/{account_id}/vorgs/{vorg_id}/vdcs.
// VDC ids are the VDC URNs (the schema's pattern, and what the edge gateway
// paths take), or in data sets that choose so the "<account>-<vOrg>-<n>" form of
// the document's attribute table and example.
func (s *Simulator) listVDCs(w http.ResponseWriter, r *http.Request, _ string) {
	a, v, ok := s.vorgFor(w, r)
	if !ok {
		return
	}
	out := []resourceJSON{}
	for i, d := range v.vdcs {
		id := d.urn
		if s.data.vdcListIDs {
			id = fmt.Sprintf("%d-%d-%d", a.id, v.id, i+1)
		}
		out = append(out, resource(id, "VDC", d.name))
	}
	s.json(w, http.StatusOK, map[string]any{"data": out})
}

// listEdges implements GET .../vdcs/{vdc_urn}/edge-gateways. An unknown VDC
// URN gives an empty list, as the document warns ("If the call returns an
// empty list, check that the specified VDC URN is correct").
func (s *Simulator) listEdges(w http.ResponseWriter, r *http.Request, _ string) {
	_, v, ok := s.vorgFor(w, r)
	if !ok {
		return
	}
	out := []resourceJSON{}
	if d := findVDC(v, r.PathValue("vdc_urn")); d != nil {
		for _, e := range d.edges {
			out = append(out, resource(e.urn, "EdgeGateway", e.name))
		}
	}
	s.json(w, http.StatusOK, map[string]any{"data": out})
}
