package ukcloud

import (
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"time"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// The documented CSV columns, in the document's order.
var (
	cloudStorageHeader = []string{"Org Id", "Company Id", "Account Id", "Service Id", "Bucket Name", "Service Level", "Consumption (GB)", "Cost"}
	billingHeader      = []string{"EventDate", "ProjectID", "vAPP", "vDC", "ResourceName", "ResourceId", "OSID", "Service", "Metadata",
		"StartTime", "EndTime", "PowerState", "UsageMinsWithinPeriod", "UsageHoursWithinPeriod", "ComputeMachineType", "PowerType",
		"SecurityDomain", "Compute vCPU", "ComputeMemory", "ComputePricePerHour", "ComputeTotalPrice", "GPUType", "GPUCount",
		"GPUPricePerHour", "GPUTotalPrice", "Tier1StorageUsed", "Tier1SnapshotStorageUsed", "Tier1StorageIncluded",
		"Tier1StorageChargeable", "Tier1StoragePricePerHour", "Tier1StoragePrice", "Tier2StorageUsed", "Tier2SnapshotStorageUsed",
		"Tier2StorageIncluded", "Tier2StorageChargeable", "Tier2StoragePricePerHour", "Tier2StoragePrice", "Geo-resilientStorageUsed",
		"Geo-resilientSnapshotStorageUsed", "Geo-resilientStorageIncluded", "Geo-resilientStorageChargeable",
		"Geo-resilientStoragePricePerHour", "Geo-resilientStoragePrice", "Protection Type", "ComputeProtectionPerHour",
		"ComputeProtectionTotalPrice", "Tier1ProtectionPricePerHour", "Tier2ProtectionPricePerHour", "Geo-resilientProtectionPerHour",
		"Tier1ProtectionTotalPrice", "Tier2ProtectionTotalPrice", "Geo-resilientProtectionTotalPrice", "ProtectionTotalPrice",
		"LicencePricePerHour", "LicenceTotalPrice", "TotalPrice"}
)

var periodPattern = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}$`)

// billingOrg resolves org_id, the service id of a compute service
// ("1-1-1-9836cf"), among the vOrgs the user can see. The document lists
// only 400 for these operations, so a missing, malformed or unknown org_id
// is a 400 that names the parameter.
func (s *Simulator) billingOrg(w http.ResponseWriter, r *http.Request) (*account, *vorg, bool) {
	org := r.URL.Query().Get("org_id")
	if org == "" {
		s.fail(w, http.StatusBadRequest, "Bad request", "query parameter org_id is required")
		return nil, nil, false
	}
	for _, a := range s.accounts {
		if !a.visible {
			continue
		}
		for _, v := range visibleVorgs(a) {
			if v.serviceID == org {
				return a, v, true
			}
		}
	}
	s.fail(w, http.StatusBadRequest, "Bad request", fmt.Sprintf("query parameter org_id=%q is not a compute service of your accounts", org))
	return nil, nil, false
}

// cloudStorageReport implements GET /api/billing/cloud-storage-report: one
// row per storage bucket of the compute service for the month of `date`.
func (s *Simulator) cloudStorageReport(w http.ResponseWriter, r *http.Request, _ string) {
	date := r.URL.Query().Get("date")
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		s.fail(w, http.StatusBadRequest, "Bad request", fmt.Sprintf("query parameter date=%q must be a date (YYYY-MM-DD)", date))
		return
	}
	a, v, ok := s.billingOrg(w, r)
	if !ok {
		return
	}
	rows := [][]string{}
	for _, b := range v.buckets {
		rows = append(rows, []string{v.serviceID, "1", strconv.Itoa(a.id), strconv.Itoa(v.id), b.name, b.level,
			strconv.FormatFloat(b.gb, 'f', 2, 64), strconv.FormatFloat(b.cost, 'f', 2, 64)})
	}
	sim.WriteCSV(w, http.StatusOK, cloudStorageHeader, rows)
}

// billingCSV implements GET /api/billing/billing-csv: one row per VM of the
// compute service for the month `period`, every documented column present.
func (s *Simulator) billingCSV(w http.ResponseWriter, r *http.Request, _ string) {
	period := r.URL.Query().Get("period")
	month, err := time.Parse("2006-01", period)
	if !periodPattern.MatchString(period) || err != nil {
		s.fail(w, http.StatusBadRequest, "Bad request", fmt.Sprintf("query parameter period=%q must be a month (YYYY-MM)", period))
		return
	}
	_, v, ok := s.billingOrg(w, r)
	if !ok {
		return
	}
	end := month.AddDate(0, 1, 0)
	hours := end.Sub(month).Hours()
	rows := [][]string{}
	for _, d := range v.vdcs {
		for _, ap := range d.vapps {
			for _, m := range ap.vms {
				on := m.power == "POWERED_ON"
				usage := 0.0
				state := "Off"
				if on {
					usage, state = hours, "On"
				}
				perHour := 0.01 * float64(m.cpus) * float64(m.memoryMB) / 1024
				tier1 := float64(m.storageMB) / 1024
				cols := map[string]string{
					"EventDate": month.Format(time.DateOnly), "ProjectID": v.serviceID, "vAPP": ap.name, "vDC": d.name,
					"ResourceName": m.name, "ResourceId": m.urn, "OSID": m.os, "Service": "Compute",
					"Metadata":  fmt.Sprintf(`{"vorg":%q,"vm_id":%d}`, v.name, m.id),
					"StartTime": month.Format(time.RFC3339), "EndTime": end.Format(time.RFC3339), "PowerState": state,
					"UsageMinsWithinPeriod": money2(usage * 60), "UsageHoursWithinPeriod": money2(usage),
					"ComputeMachineType": orNone(m.size), "PowerType": d.vmType, "SecurityDomain": "Assured",
					"Compute vCPU": strconv.Itoa(m.cpus), "ComputeMemory": strconv.Itoa(m.memoryMB),
					"ComputePricePerHour": money4(perHour), "ComputeTotalPrice": money2(perHour * usage),
					"GPUType": "None", "Tier1StorageUsed": money2(tier1), "Tier1StorageIncluded": "60.00",
					"Tier1StorageChargeable": money2(max(0, tier1-60)), "Tier1StoragePricePerHour": "0.0001",
					"Tier1StoragePrice": money2(max(0, tier1-60) * 0.0001 * hours), "Protection Type": "Snapshot Protection",
					"LicenceTotalPrice": "0.00",
				}
				cols["TotalPrice"] = money2(perHour*usage + max(0, tier1-60)*0.0001*hours)
				row := make([]string, len(billingHeader))
				for i, h := range billingHeader {
					if c, ok := cols[h]; ok {
						row[i] = c
					} else {
						row[i] = "0"
					}
				}
				rows = append(rows, row)
			}
		}
	}
	sim.WriteCSV(w, http.StatusOK, billingHeader, rows)
}

func money2(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
func money4(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func orNone(s string) string {
	if s == "" {
		return "None"
	}
	return s
}
