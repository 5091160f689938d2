package esc

import "github.com/cloudcontract/cloudcontract/harness/sim"

// Fault names understood by this simulator.
const (
	FaultMissingCallback     = "missing-callback"
	FaultWrongTransactionID  = "wrong-transaction-id"
	FaultWrongStatusHeader   = "wrong-status-header"
	FaultInvalidCallbackBody = "invalid-callback-body"
	FaultWrongHTTPStatus     = "wrong-http-status"
	FaultTenantUpdateNotKept = "tenant-update-not-kept"
)

// asyncOps names the asynchronous operations (those that notify), for the
// fault descriptions.
const asyncOps = "every asynchronous write (create/update/delete of tenants, networks, subnets, images, flavors, volumes, " +
	"routers, deployments, VIM connectors, the default VIM connector, VIM users and file servers; deployment " +
	"operations; migrate-vm, recovery-vm, snapshot-vm and vm operations; snapshot delete; volume from snapshot)"

// KnownFaults lists the contract breaks this simulator can commit, each
// described by the operations it touches, so a red test points at its cause.
func KnownFaults() []sim.Fault {
	return []sim.Fault{
		{Name: FaultMissingCallback, Description: "the completion notification is never POSTed to the Callback URL by " + asyncOps +
			"; intermediate deployment notifications (VM_DEPLOYED, VM_ALIVE, VM_STOPPED, VM_UPDATED) and Callback-ESC-Events " +
			"notifications (host enable/disable included) are still sent",
			Signature: "no Callback callback for transaction"},
		{Name: FaultWrongTransactionID, Description: "every notification (Callback and Callback-ESC-Events) of " + asyncOps +
			" and of host enable/disable carries an ESC_TRANSACTION_ID other than the one of the synchronous answer",
			Signature: "callback with unknown transaction id"},
		{Name: FaultWrongStatusHeader, Description: "notifications POSTed to the Callback URL by " + asyncOps +
			" have no ESC-Status-Code header (required), and Callback-ESC-Events notifications (deployments, VM operations, " +
			"snapshot delete, host enable/disable) carry ESC-Status-Code: 999, outside 100..599",
			Signature: "required header ESC-Status-Code is missing"},
		{Name: FaultInvalidCallbackBody, Description: "notifications POSTed to the Callback URL by " + asyncOps +
			" do not match their schema: <deployment> notifications (deployment create/update/delete/operations) lose " +
			"deployment_stage, <esc_event> notifications (VM operations, snapshot delete) lose event_type (deviations only: " +
			"every example carries them, no model requires them), resource notifications (tenant, network, subnet, image, flavor, volume, router, VIM connector, " +
			"default VIM connector, VIM user) have the root element <escnotification> instead of the resource element, and " +
			"file server and volume-from-snapshot notifications (documented as any XML element) are not well-formed XML",
			Signature: "root element is <escnotification>, expected"},
		{Name: FaultWrongHTTPStatus, Description: "the synchronous answer of " + asyncOps + " has an undocumented status: " +
			"201 instead of 200 (and instead of 204, the second data set's answer to file server create and update and router " +
			"update), except snapshot-vm which answers 200 instead of 201 and volume-from-snapshot which answers " +
			"200 instead of 202 (host enable/disable document only `default` and are unaffected)",
			Signature: "status not documented"},
		{Name: FaultTenantUpdateNotKept, Description: "updateTenant (PUT /v0/tenants/{internal_tenant_id}) answers 200 and notifies UPDATE_TENANT " +
			"with the values sent, but keeps the tenant as it was: getTenant and listTenants still show the old name and enabled",
			Signature: "since updateTenant sent it at /name"},
	}
}
