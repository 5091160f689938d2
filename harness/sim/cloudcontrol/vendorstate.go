package cloudcontrol

import (
	"net/http"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// The states only the vendor's side can put a deployment of CloudControl in, which a simulator
// made with sim.Options.VendorState serves for the vendor-side scenarios
// (specs/cloudcontrol/negative.yaml vendor_side). In maintenance every URL answers 503 REASON_5;
// in the others, every operation documenting the state's code answers it once its caller is
// authenticated, and the rest are served as usual.
const maintenanceState = "maintenance"

// vendorState is one state and the code its operations answer.
type vendorState struct {
	sim.VendorState
	code int
}

var vendorStates = []vendorState{
	{sim.VendorState{Name: maintenanceState, Fixture: "maintenance_target",
		Description: "the whole system in scheduled maintenance: every URL answers 503 REASON_5"}, 5},
	{sim.VendorState{Name: "network-failure", Fixture: "network_failure_target",
		Description: "a failure of the network or integration behind the API: operations documenting REASON_10 answer it (\"Failure at network\")"}, 10},
	{sim.VendorState{Name: "timeout", Fixture: "timeout_target",
		Description: "a timeout behind the API: operations documenting REASON_20 answer it (\"Unrecoverable failure cause by a timeout\")"}, 20},
	{sim.VendorState{Name: "integration-failure", Fixture: "integration_failure_target",
		Description: "a failed integration behind the API: operations documenting REASON_13 answer it (\"Unexpected Error – Integration\")"}, 13},
	{sim.VendorState{Name: "recoverable-failure", Fixture: "recoverable_failure_target",
		Description: "a potentially recoverable failure behind the API: operations documenting REASON_11 answer it"}, 11},
	{sim.VendorState{Name: "backup-maintenance", Fixture: "backup_maintenance_target",
		Description: "the backup service of the data centers in maintenance: operations documenting REASON_54 answer it"}, 54},
	{sim.VendorState{Name: "region-maintenance", Fixture: "region_maintenance_target",
		Description: "the geographic regions in maintenance: operations documenting REASON_6 answer it"}, 6},
	{sim.VendorState{Name: "low-trust", Fixture: "low_trust_target",
		Description: "the organization of the credentials at an insufficient trust level: operations documenting REASON_750 answer it"}, 750},
	{sim.VendorState{Name: "no-cloud-files", Fixture: "no_cloud_files_target",
		Description: "Cloud Files not enabled for the organization of the credentials: operations documenting REASON_681 answer it (\"Cloud Files is not available\")"}, 681},
}

// VendorStates lists the states a simulator made with sim.Options.VendorState serves.
func VendorStates() []sim.VendorState {
	out := make([]sim.VendorState, len(vendorStates))
	for i, v := range vendorStates {
		out[i] = v.VendorState
	}
	return out
}

// failingCode is the REASON code number the operations documenting it answer in a vendor state
// other than maintenance, or 0.
func failingCode(state string) int {
	for _, v := range vendorStates {
		if v.Name == state && v.Name != maintenanceState {
			return v.code
		}
	}
	return 0
}

// maintenance answers every request as the whole system in scheduled maintenance does (1.3.3,
// line 424): "a structured XML <Status> response" with "an HTTP 503 (Service Unavailable)
// response code" that "applies to all API URLs", REASON_5. The system is down, so nothing is
// authenticated; the <operation> names the operation the URL routes to.
func (s *Simulator) maintenance(w http.ResponseWriter, r *http.Request) {
	op, _, _, ok := s.router.Find(r.Method, r.URL.Path, r.URL.Query())
	c := &call{s: s, w: w, r: r, op: op}
	if !ok {
		c.op = &opSpec{Title: "Unknown"}
		c.write(http.StatusServiceUnavailable, errorStatus(c.op.Title, "REASON_5", c.describe("REASON_5")))
		return
	}
	c.fail(5, "")
}
