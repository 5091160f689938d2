package ukcloud

import "github.com/cloudcontract/cloudcontract/harness/sim"

// Fault names understood by this simulator.
const (
	FaultWrongStatus          = "wrong-status"
	FaultMissingRequiredField = "missing-required-field"
	FaultWrongType            = "wrong-type"
	FaultBadDateFormat        = "bad-date-format"
	FaultMissingLocation      = "missing-location"
	FaultWrongContentType     = "wrong-content-type"
	FaultPagingIgnored        = "paging-ignored"
	FaultSessionNotEnforced   = "session-not-enforced"
	FaultBuildStuck           = "build-stuck"
	FaultTicketIDRetyped      = "ticket-id-retyped"
)

// KnownFaults lists the contract breaks this simulator can commit, each
// described by the operations it touches, so a red test points at its cause.
func KnownFaults() []sim.Fault {
	return []sim.Fault{
		{Name: FaultWrongStatus, Description: "answers successes with statuses the spec does not document: " +
			"GET /api/accounts answers 203, the three build requests (POST vorgs, vdcs, edge-gateways) answer 200 instead of 202, " +
			"POST /api/my_calls answers 200 instead of 201",
			Signature: "status not documented"},
		{Name: FaultMissingRequiredField, Description: "drops a required field: `name` from every item of GET /api/accounts, " +
			"`state` from every build body (build requests, single builds, per-account build lists), " +
			"`serviceId` from every vOrg of GET compute_services",
			Signature: "missing properties"},
		{Name: FaultWrongType, Description: "gives a field the wrong JSON type: account `id` as a string in GET /api/accounts, " +
			"`account.id` as a string in GET compute_services, build `id` as a number in every build body",
			Signature: "expected integer, but got string"},
		{Name: FaultBadDateFormat, Description: "writes build `createdAt` as \"08/07/2016 10:42\" (dd/mm/yyyy hh:mm) instead of RFC 3339 date-time " +
			"in every build body (build requests, single builds, per-account build lists)",
			Signature: "is not valid 'date-time'"},
		{Name: FaultMissingLocation, Description: "answers the three build requests (POST vorgs, vdcs, edge-gateways) 202 without the Location header",
			Signature: "required header Location is missing"},
		{Name: FaultWrongContentType, Description: "serves every JSON body (successes and errors of all JSON operations) as text/html; the billing CSVs are unaffected",
			Signature: "Content-Type not documented"},
		{Name: FaultPagingIgnored, Description: "GET /api/accounts/{account_id}/compute_services ignores page and per_page and returns every vOrg",
			Signature: "the page holds more vOrgs than per_page=2 asks for"},
		{Name: FaultSessionNotEnforced, Description: "every authenticated operation serves a request without a valid portal_session cookie " +
			"(missing, unknown or expired) as the first configured user instead of answering 401",
			Signature: "expected status 401, got 200"},
		{Name: FaultBuildStuck, Description: "vOrg, VDC and edge gateway builds never leave `approved`: GET vorg-builds, vdc-builds and " +
			"edge-gateway-builds by id answer approved forever and nothing is ever created",
			Signature: "did not become \"completed\""},
		{Name: FaultTicketIDRetyped, Description: "POST /api/my_calls answers the new ticket with its ticket_id as a number (its digits) " +
			"instead of the string the ticket is listed under; the create answer's schema is free-form, so only reading the ticket back notices",
			Signature: "items of the root has /ticket_id"},
	}
}
