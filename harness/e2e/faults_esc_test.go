package e2e

// The ESC faults all break the asynchronous side of the contract (notifications) or the status
// of the synchronous answer; each signature is what the step or check that catches it says.
func init() {
	faultSignatures["esc"] = map[string]string{
		// Completion notifications never come: the waiting step times out and names the header.
		"missing-callback": "no Callback callback for transaction",
		// Notifications carry a transaction id no answer of the scenario gave.
		"wrong-transaction-id": "callback with unknown transaction id",
		// Callback notifications lose the required ESC-Status-Code header.
		"wrong-status-header": "required header ESC-Status-Code is missing",
		// Resource notifications come as <escnotification> instead of the resource element.
		"invalid-callback-body": "root element is <escnotification>, expected",
		// The synchronous answer has an undocumented status (201 for 200, 200 for 201/202).
		"wrong-http-status": "status not documented",
	}
}
