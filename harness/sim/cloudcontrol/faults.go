package cloudcontrol

import (
	"net/http"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Fault names understood by this simulator.
const (
	FaultWrongReasonCode         = "wrong-reason-code"
	FaultStatusReasonMismatch    = "status-reason-mismatch"
	FaultBrokenPagingAttributes  = "broken-paging-attributes"
	FaultDuplicatePageItems      = "duplicate-page-items"
	FaultMissingPageItems        = "missing-page-items"
	FaultNonXMLError             = "non-xml-error"
	FaultSuccessNotReason0       = "success-not-reason-0"
	FaultDescriptionNotKept      = "description-not-kept"
	FaultBlockSizeIgnored        = "block-size-ignored"
	FaultImageInProgressChanged  = "image-in-progress-changed"
	pagingOps                    = "the seven paging operations (listServersWithBackup, listServersWithState, listServerAntiAffinityRules, listDataCentersWithMaintenanceStatus, listDataCentersWithDiskSpeed, listRemoteOvfPackageCopyingInProgress, listRemoteOvfPackageCopyHistory)"
	undocumentedReasonCode       = "REASON_999"
	undocumentedSuccessCodeInUse = "REASON_1"
)

// KnownFaults lists the contract breaks this simulator can commit, each
// described by the operations it touches, so a red test points at its cause.
func KnownFaults() []sim.Fault {
	return []sim.Fault{
		{Name: FaultWrongReasonCode, Description: "every fault <Status> of every operation (not found, invalid state, bad input, paging errors, " +
			"403 role and org-id refusals) carries " + undocumentedReasonCode + ", a code no operation documents, with the documented HTTP status",
			Signature: "is not a documented REASON code"},
		{Name: FaultStatusReasonMismatch, Description: "every fault of every operation keeps its documented REASON code but swaps its HTTP status: " +
			"the 400 codes (e.g. REASON_395 of startServer, REASON_71 of listServersWithBackup) answer 403 and the 403 REASON_140 answers 400",
			Signature: "is documented with HTTP"},
		{Name: FaultBrokenPagingAttributes, Description: pagingOps + " answer without the required pageSize attribute, " +
			"with pageCount set to totalCount and pageNumber one more than the page served",
			Signature: "paging attribute pageSize is missing"},
		{Name: FaultDuplicatePageItems, Description: pagingOps + " repeat the last item of page n as the first item of page n+1 " +
			"(pages after the first carry one item more)",
			Signature: "pageCount (items on the page) exceeds pageSize"},
		{Name: FaultMissingPageItems, Description: pagingOps + " never serve the second item of the ordered, filtered list on any page " +
			"while totalCount still counts it",
			Signature: "totalCount disagrees with the pages"},
		{Name: FaultNonXMLError, Description: "every fault of every operation is written as text/plain (\"REASON_n: detail\", the 400s) " +
			"or as an HTML page (403 REASON_140 and the rest) instead of the <Status> XML",
			Signature: "has no Status body"},
		{Name: FaultSuccessNotReason0, Description: "every success <Status> (the create, modify, delete and action operations: deployServer, startServer, " +
			"createNetworkWithLocation, createAclRule's siblings, addSubAdministratorAccount, enableBackup, ...) carries SUCCESS with a non-zero " +
			"REASON code (the operation's first documented fault code, or " + undocumentedSuccessCodeInUse + ") instead of REASON_0",
			Signature: "must carry REASON_0"},
		{Name: FaultDescriptionNotKept, Description: "deployServer and modifyServer answer REASON_0 but keep no description they are sent: " +
			"the server is deployed without one and a modification leaves the old one (the list and the details operations show it)",
			Signature: "sent it at /description"},
		{Name: FaultBlockSizeIgnored, Description: "reservePublicIpBlockWithSize answers REASON_0 for any size it accepts but reserves a block of " +
			"8 addresses (getNetworkConfiguration lists the new block with subnetSize 8, whatever ?reserveNewWithSize asked)",
			Signature: "sent it at /reserveNewWithSize", Deviation: true},
		{Name: FaultImageInProgressChanged, Description: "modifyCustomerServerImage, exportCustomerImage and copyCustomerImageToDataCenter " +
			"treat a customer image with an operation in progress (being imported, PENDING_ADD) as a deployed one: " +
			"they answer REASON_0 and edit, export or copy it instead of refusing with REASON_601",
			Signature: "/imageExport: expected status 400, got 200"},
	}
}

// undocumentedCode is the code wrong-reason-code answers with.
func undocumentedCode(*opSpec) string { return undocumentedReasonCode }

// mismatchedStatus is the status status-reason-mismatch answers with.
func mismatchedStatus(status int) int {
	if status == http.StatusBadRequest {
		return http.StatusForbidden
	}
	return http.StatusBadRequest
}

// successCodeFault is the resultCode success-not-reason-0 writes.
func successCodeFault(op *opSpec) string {
	if len(op.Reasons) > 0 {
		return op.Reasons[0].Code
	}
	return undocumentedSuccessCodeInUse
}
