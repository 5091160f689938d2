package e2e

// The CloudControl simulator's faults (harness/sim/cloudcontrol/faults.go) and what the failure
// messages must say. The paging faults are caught by the per-page checks of x-paging before a
// walk could compare pages: a repeated item makes a page hold more than pageSize, a missing one
// leaves the pages short of what totalCount promises.
func init() {
	faultSignatures["cloudcontrol"] = map[string]string{
		"wrong-reason-code":        "is not a documented REASON code",
		"status-reason-mismatch":   "is documented with HTTP",
		"broken-paging-attributes": "paging attribute pageSize is missing",
		"duplicate-page-items":     "pageCount (items on the page) exceeds pageSize",
		"missing-page-items":       "totalCount disagrees with the pages",
		"non-xml-error":            "has no Status body",
		"success-not-reason-0":     "must carry REASON_0",
	}
}
