package cam

import "github.com/cloudcontract/cloudcontract/harness/sim"

// Fault names understood by this simulator.
const (
	FaultWrongStatus          = "wrong-status"
	FaultMissingRequiredField = "missing-required-field"
	FaultWrongType            = "wrong-type"
	FaultBadTimeFormat        = "bad-time-format"
	FaultWrongContentType     = "wrong-content-type"
	FaultTokenNotEnforced     = "token-not-enforced"
	FaultInstanceStuck        = "instance-stuck"
	FaultLockIgnored          = "lock-ignored"
	FaultNamespaceIgnored     = "namespace-ignored"
	FaultPlanNotKept          = "plan-not-kept"
)

// KnownFaults lists the contract breaks this simulator can commit, each
// described by the operations it touches, so a red test points at its cause.
func KnownFaults() []sim.Fault {
	return []sim.Fault{
		{Name: FaultWrongStatus, Description: "answers successes with statuses the spec does not document: " +
			"createService and updateService answer 201, createServiceInstance and deployServiceInstance answer 202, " +
			"uploadIcon answers 201 (all answer 200 in the contract; the document gives no status, so a deviation, and the " +
			"features, which expect 200, fail)",
			Signature: "the document gives no status for this operation", Deviation: true},
		{Name: FaultMissingRequiredField, Description: "drops a required field: `Status` from every service instance body " +
			"(createServiceInstance, deployServiceInstance, getServiceInstance, getServiceInstanceInputParameters, " +
			"getServiceInstanceVersionChangePaths, listServiceInstances), `service_id` from the createService/updateService result, " +
			"`id` from every icon of listIcons and listIconsByName (all inferred from the examples: deviations), and `res.name` from " +
			"uploadIcon, which the document states (line 2800: \"It returns the name and id of the image\"): a failure",
			Signature: "missing properties: 'name'"},
		{Name: FaultWrongType, Description: "gives a field the wrong JSON type: `serviceInstanceCount` of the embedded serviceManifest as a " +
			"string in every service instance body, and `res.id` of uploadIcon as a number (types inferred from the examples: " +
			"deviations, failing with --strict)",
			Signature: "expected integer, but got string", Deviation: true},
		{Name: FaultBadTimeFormat, Description: "writes `updated_time` of every service instance body and `lastUpdated` of every listServices " +
			"record as JavaScript Date.toString() text (\"Fri Jul 20 2018 09:00:01 GMT+0000 (UTC)\") instead of RFC 3339 date-time " +
			"(the format is inferred from the examples: deviations, failing with --strict)",
			Signature: "is not valid 'date-time'", Deviation: true},
		{Name: FaultWrongContentType, Description: "serves every JSON body (successes and errors of all 29 operations) as text/html; " +
			"downloadIcon's file keeps its own type (the document names no response type: deviations, failing with --strict)",
			Signature: "Content-Type not documented", Deviation: true},
		{Name: FaultTokenNotEnforced, Description: "every operation serves a request without a valid Bearer token (missing or unknown) " +
			"as the first configured user instead of answering 401",
			Signature: "expected status 401, got 200"},
		{Name: FaultInstanceStuck, Description: "service instances never leave `Submitted`: getServiceInstance (and every read of an " +
			"instance) answers Submitted forever after createServiceInstance, deployServiceInstance, updateServiceInstance, " +
			"retryServiceInstance, resumeServiceInstance, submitVersionChange and terminateServiceInstance",
			Signature: "did not become \"Active\""},
		{Name: FaultLockIgnored, Description: "cleanupServiceInstance removes an instance whose deployment holds its stack lock " +
			"(In Progress) and answers 200 instead of 419 ResourceLockError",
			Signature: "expected status 419, got 200"},
		{Name: FaultNamespaceIgnored, Description: "createServiceInstance and deployServiceInstance deploy a service created in one " +
			"namespace into another (cloudOE_spaceGuid) and answer 200 instead of 404",
			Signature: "expected status 404, got 200"},
		{Name: FaultPlanNotKept, Description: "an instance created by createServiceInstance is read back without the plan it was " +
			"deployed with: getServiceInstance and listServiceInstances give its instance_plan as the plan's id instead of the " +
			"plan's name (still a string, so only reading the instance back notices)",
			Signature: "since createServiceInstance sent it at /instance_plan"},
	}
}
