package cam

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Instance statuses (DEFECTS.md D-20). The document shows Submitted, Active
// and Error in its examples and speaks of instances "in IN_PROGRESS state"
// (line 2752); the simulator writes the running state "In Progress".
const (
	statusSubmitted  = "Submitted"
	statusInProgress = "In Progress"
	statusActive     = "Active"
	statusError      = "Error"
)

// Kinds of action run (instance_action of actionInstanceDetails).
const (
	actProvision = "Provision"
	actUpdate    = "update"
	actRetry     = "retry"
	actResume    = "resume"
	actTerminate = "Terminate"
)

// instance is a service instance.
type instance struct {
	id, instanceID, name, tenant, ns, org, owner, token string
	svc                                                 *service
	manifest                                            *manifest
	plan, planID                                        string
	status                                              string
	params                                              obj // instance parameter values by input parameter name
	tagsInput                                           []any
	resource, ownership                                 obj
	stackID                                             string
	created, updated, processed, active                 time.Time
	runs                                                []*run
	binds                                               []*bindInstance
	bindSeq                                             int
}

// run is one action instance of a service instance: the deployment, an edit,
// a retry, a resume, a version change or the termination. Each read of the
// instance by id moves its current run one step: Submitted → In Progress →
// Active (or Error). While it is In Progress the run holds the lock of the
// instance's stack (line 2774).
type run struct {
	id, kind string
	status   string
	params   obj
	fail     bool
	change   *versionChange
	ordered  time.Time
	// processed, active and updated are stamped as the run moves.
	processed, active, updated time.Time
}

// versionChange is a submitted upgrade or downgrade.
type versionChange struct {
	path *versionPath
	plan string
}

// bindInstance is a bind instance of a service instance.
type bindInstance struct {
	id, name string
	params   obj
	created  time.Time
}

func (in *instance) current() *run { return in.runs[len(in.runs)-1] }

// locked tells whether a running deployment holds the stack lock.
func (in *instance) locked() bool { return in.status == statusInProgress }

func (s *Simulator) findInstance(c caller, id string, loose bool) *instance {
	for _, in := range s.instances {
		if in.id == id && in.tenant == c.tenant && c.visible(in.ns, loose) {
			return in
		}
	}
	return nil
}

func (s *Simulator) removeInstance(in *instance) {
	for i, x := range s.instances {
		if x == in {
			s.instances = append(s.instances[:i], s.instances[i+1:]...)
			return
		}
	}
}

// failing tells whether a parameter set makes a deployment fail (FailMarker).
func failing(params obj) bool {
	for _, v := range params {
		if sv, ok := v.(string); ok && strings.Contains(sv, FailMarker) {
			return true
		}
	}
	return false
}

// start begins a new run of kind with the instance's current parameters.
func (s *Simulator) start(in *instance, kind string, change *versionChange) *run {
	now := s.clock.Tick()
	rn := &run{id: s.ids.Hex(24), kind: kind, status: statusSubmitted, params: clone(in.params).(obj),
		fail: failing(in.params), change: change, ordered: now, updated: now}
	in.runs = append(in.runs, rn)
	in.status, in.updated = statusSubmitted, now
	return rn
}

// advance moves the current run of an instance one step, and reports whether
// the instance is gone (a finished termination).
func (s *Simulator) advance(in *instance) (gone bool) {
	if s.faults.On(FaultInstanceStuck) {
		return false
	}
	rn := in.current()
	switch rn.status {
	case statusSubmitted:
		now := s.clock.Tick()
		rn.status, rn.processed, rn.updated = statusInProgress, now, now
		in.status, in.processed, in.updated = statusInProgress, now, now
		if in.stackID == "" {
			in.stackID = s.ids.Hex(24)
		}
	case statusInProgress:
		now := s.clock.Tick()
		rn.updated, in.updated = now, now
		if rn.kind == actTerminate && !rn.fail {
			s.removeInstance(in)
			return true
		}
		if rn.fail {
			rn.status, in.status = statusError, statusError
			return false
		}
		rn.status, rn.active = statusActive, now
		in.status, in.active = statusActive, now
		if rn.change != nil {
			s.applyChange(in, rn.change)
		}
	}
	return false
}

// applyChange moves an instance to the version of a finished version change.
func (s *Simulator) applyChange(in *instance, vc *versionChange) {
	in.manifest = vc.path.to
	if vc.plan != "" {
		in.plan = vc.plan
	}
	in.planID = in.manifest.planIDs[in.plan]
}

// resolveTag substitutes the ${svc_instance.*} variables of a tag value, as
// the deploy response shows them resolved (line 1162).
func resolveTag(in *instance, v string) string {
	var tids []string
	for _, t := range templates(in.manifest.source) {
		tids = append(tids, str(t["id"]))
	}
	return strings.NewReplacer("${svc_instance.name}", in.name, "${svc_instance.owner}", in.owner,
		"${svc_instance.group}", in.owner, "${svc_instance.service_instance_id}", in.id,
		"${svc_instance.templateIds}", strings.Join(tids, ",")).Replace(v)
}

// templateValue resolves a template parameter value: ${input_parameters.X}
// takes the instance's value of X. The flattened record holds strings only:
// a list or map value is written as its JSON text.
func templateValue(in *instance, v any) string {
	sv, ok := v.(string)
	if !ok {
		return flatValue(v)
	}
	if strings.HasPrefix(sv, "${input_parameters.") && strings.HasSuffix(sv, "}") {
		name := strings.TrimSuffix(strings.TrimPrefix(sv, "${input_parameters."), "}")
		if pv, ok := in.params[name]; ok {
			return flatValue(pv)
		}
	}
	return sv
}

// flatValue is a parameter value as the flattened activity record writes it.
func flatValue(v any) string {
	switch v.(type) {
	case []any, map[string]any:
		b, err := json.Marshal(v)
		if err == nil {
			return string(b)
		}
	case string:
		return v.(string)
	}
	return fmt.Sprint(v)
}

// activities is activity_deployment_details once the deployment has started:
// one flattened record per template (lines 1200-1257), the template
// parameters repeated as template_params_<name> in clear, as the document
// shows them.
func (s *Simulator) activities(in *instance) obj {
	rn := in.current()
	if in.stackID == "" || rn.status == statusSubmitted {
		return obj{}
	}
	records := obj{}
	for i, t := range templates(in.manifest.source) {
		tid := str(t["id"])
		status, msg, errMsg := "IN_PROGRESS", "[IN_PROGRESS] ", ""
		switch rn.status {
		case statusActive:
			status, msg = "SUCCESS", "[SUCCESS] "
		case statusError:
			status, msg, errMsg = "FAILED", "[FAILED] ", "a parameter value names a host that cannot be resolved"
		}
		rec := obj{"action": "CREATE", "activity_id": tid, "connection_name": str(t["cloud_connection_name"]),
			"created_at": stamp(rn.processed), "fail_quietly": "false", "flow_control_#": "1", "id": in.stackID,
			"instance_name": in.name + "-00-inst", "long_running_delay": "0", "long_running_timeout": "0",
			"provider_engine_version": str(t["provider_engine_version"]), "resource_id": "serviceblueprint_stack." + tid,
			"sequence_no": fmt.Sprint(i + 1), "stack_data_%": "1", "stack_id": in.stackID, "stack_url": "",
			"status": status, "status_error_message": errMsg, "status_message": msg,
			"template_name": str(t["template_name"]), "template_outputs_%": "0", "template_provider": str(t["template_provider"]),
			"template_type": strings.ToUpper(str(t["template_type"])), "template_version": str(t["version"]),
			"service_action_type": "provision", "service_action_name": actProvision, "action_instance_name": in.name,
			"state": "CREATED"}
		params := asObj(t["template_params"])
		rec["template_params_%"] = fmt.Sprint(len(params))
		for k, v := range params {
			rec["template_params_"+k] = templateValue(in, v)
		}
		records[tid] = rec
	}
	return obj{"instance": records, "output_parameters": obj{}}
}

func (s *Simulator) logs(in *instance) string {
	rn := in.current()
	switch rn.status {
	case statusSubmitted:
		return "Waiting for service action to start"
	case statusInProgress:
		return "serviceblueprint_action_start.start: Creating... (ID: " + strings.ToLower(rn.kind) + ")\n"
	case statusError:
		return "serviceblueprint_action_start.start: Creation complete\nError applying plan: a parameter value names a host that cannot be resolved\n"
	}
	return "serviceblueprint_action_start.start: Creation complete\n\nApply complete! Resources: 1 added, 0 changed, 0 destroyed.\n"
}

// instanceJSON is a service instance as the deploy response (line 1162) and
// getInputParameters (line 1188) show it. Bearer_Token carries the token of
// the requester in clear (masked in the document, lines 1162, 1324).
func (s *Simulator) instanceJSON(in *instance) obj {
	rn := in.current()
	binds := obj{}
	for _, b := range in.binds {
		binds[b.name] = b.json(in)
	}
	bindable := asObj(asObj(in.manifest.source)["catalog_metadata"])["bindable"]
	if bindable == nil {
		bindable = false
	}
	tags := make([]any, 0, len(in.tagsInput))
	for _, t := range in.tagsInput {
		tag := clone(t).(obj)
		if v, ok := tag["value"].(string); ok {
			tag["value"] = resolveTag(in, v)
		}
		tags = append(tags, tag)
	}
	updated := stamp(in.updated)
	if s.faults.On(FaultBadTimeFormat) {
		updated = jsDate(in.updated)
	}
	out := obj{"id": in.id, "name": in.name, "Status": in.status, "owner": in.owner, "templateName": "",
		"ordered_time": stamp(in.created), "updated_time": updated, "creationTime": stamp(in.created),
		"instance_id": in.instanceID, "activity_deployment_details": s.activities(in), "logs": s.logs(in),
		"serviceId": in.svc.id, "ServiceID": in.svc.id, "catalogItemId": in.svc.id, "catalogItemName": serviceName(in.manifest.source),
		"serviceManifestId": in.manifest.id, "ownership": clone(in.ownership), "namespaceId": in.ns, "tenantId": in.tenant,
		"ace_orgGuid": in.org, "cloudOE_spaceGuid": in.ns, "instance_plan": in.plan, "instance_plan_id": in.planID,
		"action": actProvision, "resourceProperties": clone(in.resource), "tags_input": tags, "Bearer_Token": in.token,
		"bindable": bindable, "serviceManifest": s.manifestJSON(in.manifest), "action_status": obj{},
		"output_parameters": []any{}, "bind_array": binds, "current_action_instance_id": rn.id}
	if s.faults.On(FaultPlanNotKept) {
		out["instance_plan"] = in.planID
	}
	if rn.kind == actTerminate {
		out["action"] = actTerminate
	}
	if s.data.otherForms {
		out["ordered_time"] = in.created.UnixMilli()
		out["Bearer_Token"] = "*******"
	}
	if !in.processed.IsZero() {
		out["processed_time"] = stamp(in.processed)
	}
	if !in.active.IsZero() {
		out["active_time"] = stamp(in.active)
	}
	if in.stackID != "" {
		out["stack_id"] = []any{in.stackID}
	}
	if s.faults.On(FaultMissingRequiredField) {
		delete(out, "Status")
	}
	return s.data.decorate(recordInstance, out, "templateName", "catalogItemName", "instance_id")
}

func (b *bindInstance) json(in *instance) obj {
	return obj{"id": b.id, "name": b.name, "serviceInstanceId": in.id, "Status": statusActive,
		"instance_parameters": clone(b.params), "creationTime": stamp(b.created)}
}

// inputParameterSet is InputParameters: the definitions of the provision
// action with the instance's current values (line 1689).
func inputParameterSet(in *instance) obj {
	defs := []any{}
	for _, p := range inputParameters(in.manifest.source) {
		d := clone(p).(obj)
		if v, ok := in.params[str(d["name"])]; ok {
			d["value"] = v
		} else if v, ok := d["default"]; ok {
			d["value"] = v
		}
		defs = append(defs, d)
	}
	return obj{"input_parameters": defs, "pre_action_input_parameters": []any{}, "post_action_input_parameters": []any{}}
}

// deployRequest is the body of createServiceInstance and deployServiceInstance.
type deployRequest struct {
	Name               string `json:"name"`
	InstancePlan       string `json:"instance_plan"`
	InstancePlanID     string `json:"instance_plan_id"`
	TagsInput          []any  `json:"tags_input"`
	Action             string `json:"action"`
	ResourceProperties obj    `json:"resourceProperties"`
	Ownership          obj    `json:"ownership"`
}

// createServiceInstance implements POST /Service/{serviceId}/ServiceInstances.
// A service created in a namespace deploys in that namespace only; a global
// one deploys in the namespace named by cloudOE_spaceGuid (line 1064).
func (s *Simulator) createServiceInstance(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceId")
	sv := s.findServiceForDeploy(c, id)
	if sv == nil {
		s.notFound(w, "Service", id)
		return
	}
	m := sv.deployable()
	if m == nil {
		s.fail(w, http.StatusNotFound, "MODEL_NOT_FOUND", "Service \""+id+"\" is retired: it has no version to deploy")
		return
	}
	s.deploy(w, r, c, m)
}

// deployManifest implements POST /ServiceManifest/{serviceManifestId}/deploy:
// a given version is deployed, whatever its status but Retired.
func (s *Simulator) deployManifest(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceManifestId")
	m := s.manifests[id]
	if m == nil || s.findServiceForDeploy(c, m.svc.id) == nil {
		s.notFound(w, "ServiceManifest", id)
		return
	}
	if m.status == statusRetired {
		s.fail(w, http.StatusNotFound, "MODEL_NOT_FOUND", "ServiceManifest \""+id+"\" is retired")
		return
	}
	s.deploy(w, r, c, m)
}

// findServiceForDeploy is findService, unless namespace-ignored lets any
// namespace deploy any service.
func (s *Simulator) findServiceForDeploy(c caller, id string) *service {
	if s.faults.On(FaultNamespaceIgnored) {
		for _, sv := range s.services {
			if sv.id == id && sv.tenant == c.tenant {
				return sv
			}
		}
	}
	return s.findService(c, id, false)
}

func (s *Simulator) deploy(w http.ResponseWriter, r *http.Request, c caller, m *manifest) {
	var req deployRequest
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	if req.Name == "" || req.InstancePlan == "" {
		s.badBody(w, errors.New("name and instance_plan are required"))
		return
	}
	planID, ok := m.planIDs[req.InstancePlan]
	if !ok {
		s.fail(w, http.StatusNotFound, "MODEL_NOT_FOUND", "Unknown plan \""+req.InstancePlan+"\" of service \""+m.svc.id+"\".")
		return
	}
	now := s.clock.Tick()
	in := &instance{id: s.ids.Hex(24), instanceID: s.ids.UUID(), name: req.Name, tenant: c.tenant, ns: c.ns, org: c.org,
		owner: c.owner(), token: c.token, svc: m.svc, manifest: m, plan: req.InstancePlan, planID: planID,
		params: obj{}, tagsInput: req.TagsInput, resource: req.ResourceProperties, ownership: req.Ownership, created: now}
	if in.tagsInput == nil {
		in.tagsInput = []any{}
	}
	if in.resource == nil {
		in.resource = obj{"templateParameters": []any{}, "specifications": []any{}}
	}
	if in.ownership == nil {
		in.ownership = obj{}
	}
	for _, p := range inputParameters(m.source) {
		if v, ok := p["default"]; ok {
			in.params[str(p["name"])] = clone(v)
		}
	}
	for _, key := range []string{"templateParameters", "specifications"} {
		for _, item := range asList(in.resource[key]) {
			if name := str(asObj(item)["name"]); name != "" {
				in.params[name] = asObj(item)["value"]
			}
		}
	}
	s.start(in, actProvision, nil)
	s.instances = append(s.instances, in)
	s.ok(w, s.instanceJSON(in), http.StatusAccepted)
}

// getInstance implements GET /ServiceInstances/{serviceInstanceId}, with or
// without filter[include] (getServiceInstanceVersionChangePaths). Each read
// moves the instance's current run one step.
func (s *Simulator) getInstance(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceInstanceId")
	in := s.findInstance(c, id, false)
	if in == nil || s.advance(in) {
		s.notFound(w, "ServiceInstance", id)
		return
	}
	out := s.instanceJSON(in)
	include := r.URL.Query()["filter[include]"]
	if len(include) > 0 {
		out["actionInstanceDetails"] = s.actionInstanceDetails(in)
		up, down := s.versionPaths(in)
		for _, inc := range include {
			switch inc {
			case "UpgradePaths":
				out["UpgradePaths"] = pathsJSON(in, up)
			case "DowngradePaths":
				out["DowngradePaths"] = pathsJSON(in, down)
			}
		}
	}
	s.json(w, http.StatusOK, out)
}

// getInputParameters implements GET /ServiceInstances/{id}/getInputParameters.
func (s *Simulator) getInputParameters(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceInstanceId")
	in := s.findInstance(c, id, false)
	if in == nil || s.advance(in) {
		s.notFound(w, "ServiceInstance", id)
		return
	}
	out := s.instanceJSON(in)
	out["InputParameters"] = inputParameterSet(in)
	s.json(w, http.StatusOK, out)
}

// listInstances implements GET /ServiceInstances: the instances of the
// namespace. Listing moves no deployment, but it is a read of the instances
// being terminated: as a read by id, it finishes their destroy, and they are
// no longer listed.
func (s *Simulator) listInstances(w http.ResponseWriter, _ *http.Request, c caller) {
	var listed []*instance
	for _, i := range s.data.ordered(len(s.instances)) {
		if in := s.instances[i]; in.tenant == c.tenant && in.ns == c.ns {
			listed = append(listed, in)
		}
	}
	out := []any{}
	for _, in := range listed {
		if in.current().kind == actTerminate && s.advance(in) {
			continue
		}
		out = append(out, s.instanceJSON(in))
	}
	s.json(w, http.StatusOK, out)
}

// terminateInstance implements DELETE /ServiceInstances/{serviceInstanceId}:
// the destroy starts at once (In Progress); the next read of the instance
// finds it gone (404). The body the prose gives (line 1047) is accepted and
// ignored: the path names the instance.
func (s *Simulator) terminateInstance(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceInstanceId")
	in := s.findInstance(c, id, false)
	if in == nil {
		s.notFound(w, "ServiceInstance", id)
		return
	}
	rn := s.start(in, actTerminate, nil)
	rn.fail = false
	if !s.faults.On(FaultInstanceStuck) {
		s.advance(in)
	}
	s.json(w, http.StatusOK, s.instanceJSON(in))
}

// rerunRequest is the body of updateServiceInstance, retryServiceInstance and
// resumeServiceInstance: the instance id and its new parameter values under
// update_details, retry_details or resume_details.
type rerunRequest struct {
	ServiceInstanceID string `json:"serviceInstanceId"`
	UpdateDetails     *struct {
		InstanceParameters obj `json:"instance_parameters"`
	} `json:"update_details"`
	RetryDetails  *retryDetails `json:"retry_details"`
	ResumeDetails *retryDetails `json:"resume_details"`
}

type retryDetails struct {
	IsPartial          bool `json:"is_partial"`
	InstanceParameters obj  `json:"instance_parameters"`
}

// rerun implements updateServiceInstance (all values must be given, line
// 1751), retryServiceInstance and resumeServiceInstance (values optional:
// the previous ones are kept, lines 1781, 1813). Each starts a new run.
func (s *Simulator) rerun(kind string) authedHandler {
	return func(w http.ResponseWriter, r *http.Request, c caller) {
		var req rerunRequest
		if err := decodeJSON(r, &req); err != nil {
			s.badBody(w, err)
			return
		}
		in := s.findInstance(c, req.ServiceInstanceID, true)
		if in == nil {
			s.notFound(w, "ServiceInstance", req.ServiceInstanceID)
			return
		}
		var params obj
		switch kind {
		case actUpdate:
			if req.UpdateDetails == nil || req.UpdateDetails.InstanceParameters == nil {
				s.badBody(w, errors.New("update_details.instance_parameters is required"))
				return
			}
			params = req.UpdateDetails.InstanceParameters
		case actRetry:
			if req.RetryDetails != nil {
				params = req.RetryDetails.InstanceParameters
			}
		case actResume:
			if req.ResumeDetails != nil {
				params = req.ResumeDetails.InstanceParameters
			}
		}
		for k, v := range params {
			in.params[k] = v
		}
		s.start(in, kind, nil)
		s.json(w, http.StatusOK, s.instanceJSON(in))
	}
}

// bindInstance implements POST /ServiceInstances/bindServiceInstance: a bind
// instance is created and returned; its name is what deleteBindInstance
// takes.
func (s *Simulator) bindInstance(w http.ResponseWriter, r *http.Request, c caller) {
	var req struct {
		BindDetails struct {
			ServiceInstanceID  string `json:"serviceInstanceId"`
			InstanceParameters obj    `json:"instance_parameters"`
		} `json:"bindDetails"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	in := s.findInstance(c, req.BindDetails.ServiceInstanceID, true)
	if in == nil {
		s.notFound(w, "ServiceInstance", req.BindDetails.ServiceInstanceID)
		return
	}
	in.bindSeq++
	b := &bindInstance{id: s.ids.Hex(24), name: fmt.Sprintf("%s-bind-%d", in.name, in.bindSeq),
		params: req.BindDetails.InstanceParameters, created: s.clock.Tick()}
	if b.params == nil {
		b.params = obj{}
	}
	in.binds = append(in.binds, b)
	s.json(w, http.StatusOK, b.json(in))
}

// unbindInstance implements POST /ServiceInstances/deleteBindInstance.
func (s *Simulator) unbindInstance(w http.ResponseWriter, r *http.Request, c caller) {
	var req struct {
		ServiceInstanceID string `json:"serviceInstanceId"`
		Name              string `json:"name"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	in := s.findInstance(c, req.ServiceInstanceID, true)
	if in == nil {
		s.notFound(w, "ServiceInstance", req.ServiceInstanceID)
		return
	}
	for i, b := range in.binds {
		if b.name == req.Name {
			in.binds = append(in.binds[:i], in.binds[i+1:]...)
			s.clock.Tick()
			s.json(w, http.StatusOK, s.instanceJSON(in))
			return
		}
	}
	s.fail(w, http.StatusNotFound, "MODEL_NOT_FOUND", "Unknown bind instance \""+req.Name+"\" of service instance \""+in.id+"\".")
}

// cleanupInstance implements POST /ServiceInstances/cleanupServiceInstance
// (lines 2734-2774): an instance in Error is always removed; an Active one
// only with force=true; one whose deployment runs (In Progress) holds its
// stack lock and answers 419 ResourceLockError. The answer is LoopBack's
// delete result, {"count": n}.
func (s *Simulator) cleanupInstance(w http.ResponseWriter, r *http.Request, c caller) {
	var req struct {
		ServiceInstanceID string `json:"serviceInstanceId"`
		Force             *bool  `json:"force"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	if req.Force == nil {
		s.badBody(w, errors.New("force is required"))
		return
	}
	in := s.findInstance(c, req.ServiceInstanceID, true)
	if in == nil {
		s.notFound(w, "ServiceInstance", req.ServiceInstanceID)
		return
	}
	if in.locked() && !s.faults.On(FaultLockIgnored) {
		s.lockError(w, in.stackID)
		return
	}
	if in.status == statusActive && !*req.Force {
		s.json(w, http.StatusOK, obj{"count": 0})
		return
	}
	s.removeInstance(in)
	s.clock.Tick()
	s.json(w, http.StatusOK, obj{"count": 1})
}

// actionInstanceDetails lists the runs of an instance (lines 2326-2570).
// ordered_time is epoch milliseconds here, as in the document (D-19).
func (s *Simulator) actionInstanceDetails(in *instance) []any {
	out := []any{}
	for _, rn := range in.runs {
		d := obj{"actionInstanceId": rn.id, "Status": rn.status, "ordered_time": rn.ordered.UnixMilli(),
			"updated_time": stamp(rn.updated), "instance_action": rn.kind, "input_parameters": clone(rn.params)}
		if !rn.processed.IsZero() {
			d["processed_time"] = stamp(rn.processed)
		}
		if !rn.active.IsZero() {
			d["active_time"], d["created_time"] = stamp(rn.active), stamp(rn.active)
		}
		if vc := rn.change; vc != nil {
			d["versionChangeDetails"] = obj{"serviceInstanceId": in.id, "versionChangeId": vc.path.id,
				"versionChangeType": vc.path.kind, "isRegenerationRequired": true, "fromVersionId": vc.path.from.id,
				"fromVersion": vc.path.from.version, "fromVersionManifest": obj{}, "toVersionId": vc.path.to.id,
				"toVersion": vc.path.to.version, "instance_parameters": clone(rn.params), "pre_action_ParmList": []any{},
				"pre_action_parameters": obj{}, "post_action_ParmList": []any{}, "post_action_parameters": obj{}}
		}
		out = append(out, d)
	}
	return out
}

// versionPaths are the upgrade and downgrade paths open to an instance: to
// every other published version of its service, higher versions upgrades and
// lower ones downgrades, restricted by the target's upgrade_from and the
// current version's downgrade_to when they are given (lines 1407-1416).
func (s *Simulator) versionPaths(in *instance) (up, down []*versionPath) {
	cur := in.manifest
	for _, m := range in.svc.versions {
		if m == cur || m.status != statusPublished {
			continue
		}
		cmp := compareVersions(m.version, cur.version)
		switch {
		case cmp > 0 && allows(m.source["upgrade_from"], cur.version):
			up = append(up, s.path(in.svc, cur, m, "UPGRADE"))
		case cmp < 0 && allows(cur.source["downgrade_to"], m.version):
			down = append(down, s.path(in.svc, cur, m, "DOWNGRADE"))
		}
	}
	return up, down
}

// allows tells whether a list of {"version": v} objects names version; an
// absent list allows every version.
func allows(list any, version string) bool {
	l, ok := list.([]any)
	if !ok {
		return true
	}
	for _, e := range l {
		if str(asObj(e)["version"]) == version {
			return true
		}
	}
	return false
}

// path returns the path record between two versions, creating it once.
func (s *Simulator) path(sv *service, from, to *manifest, kind string) *versionPath {
	key := from.id + ">" + to.id
	if p, ok := sv.paths[key]; ok {
		return p
	}
	p := &versionPath{id: s.ids.Hex(24), kind: kind, from: from, to: to}
	sv.paths[key] = p
	return p
}

func pathsJSON(in *instance, paths []*versionPath) []any {
	out := []any{}
	for _, p := range paths {
		out = append(out, obj{"id": p.id, "currentVersionId": in.manifest.id, "fromVersionId": p.from.id,
			"toVersionId": p.to.id, "type": p.kind, "tenantId": in.tenant})
	}
	return out
}

// compareVersions compares dotted versions ("2.2.2.2") number by number.
func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) || i < len(pb); i++ {
		var x, y int
		if i < len(pa) {
			fmt.Sscan(pa[i], &x)
		}
		if i < len(pb) {
			fmt.Sscan(pb[i], &y)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

// openPath finds a path open to the instance by its id.
func (s *Simulator) openPath(in *instance, id string) *versionPath {
	up, down := s.versionPaths(in)
	for _, p := range append(up, down...) {
		if p.id == id {
			return p
		}
	}
	return nil
}

// versionChangeInputParameters implements POST
// /ServiceInstances/{id}/versionChangeInputParameters (lines 2597-2660): the
// input parameters of the target version, defaulting to the instance's
// current values for the parameters both versions share.
func (s *Simulator) versionChangeInputParameters(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceInstanceId")
	in := s.findInstance(c, id, false)
	if in == nil {
		s.notFound(w, "ServiceInstance", id)
		return
	}
	var req struct {
		VersionChangeID string `json:"versionChangeId"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	p := s.openPath(in, req.VersionChangeID)
	if p == nil {
		s.notFound(w, "VersionChangePath", req.VersionChangeID)
		return
	}
	old := map[string]bool{}
	for _, d := range inputParameters(p.from.source) {
		old[str(d["name"])] = true
	}
	defs, added, used := []any{}, []any{}, []any{}
	seen := map[string]bool{}
	for _, d := range inputParameters(p.to.source) {
		def := clone(d).(obj)
		name := str(def["name"])
		seen[name] = true
		if old[name] {
			used = append(used, name)
			if v, ok := in.params[name]; ok {
				def["default"] = v
			}
		} else {
			added = append(added, name)
		}
		defs = append(defs, def)
	}
	ignored := []any{}
	names := make([]string, 0, len(old))
	for n := range old {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !seen[n] {
			ignored = append(ignored, n)
		}
	}
	s.json(w, http.StatusOK, obj{"VersionChangeInputParameters": obj{"versionChangeId": p.id, "toVersion": p.to.version,
		"type": p.kind, "input_parameters": defs, "pre_action_input_parameters": []any{}, "post_action_input_parameters": []any{},
		"new_parameters": added, "used_old_parameters": used, "ignored_old_parameters": ignored}})
}

// submitVersionChange implements POST /ServiceInstances/{id}/submitVersionChange:
// an update run that, once Active, moves the instance to the target version.
func (s *Simulator) submitVersionChange(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceInstanceId")
	in := s.findInstance(c, id, false)
	if in == nil {
		s.notFound(w, "ServiceInstance", id)
		return
	}
	var req struct {
		VersionChangeID    string `json:"versionChangeId"`
		InstanceParameters obj    `json:"instance_parameters"`
		Plan               string `json:"plan"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	p := s.openPath(in, req.VersionChangeID)
	if p == nil {
		s.notFound(w, "VersionChangePath", req.VersionChangeID)
		return
	}
	plan := req.Plan
	if plan != "" {
		if _, ok := p.to.planIDs[plan]; !ok {
			s.fail(w, http.StatusNotFound, "MODEL_NOT_FOUND", "Unknown plan \""+plan+"\" of version "+p.to.version+".")
			return
		}
	}
	// Parameters of the old version that the new one does not know are dropped.
	keep := obj{}
	for _, d := range inputParameters(p.to.source) {
		name := str(d["name"])
		if v, ok := in.params[name]; ok {
			keep[name] = v
		} else if v, ok := d["default"]; ok {
			keep[name] = v
		}
	}
	for k, v := range req.InstanceParameters {
		keep[k] = v
	}
	in.params = keep
	s.start(in, actUpdate, &versionChange{path: p, plan: plan})
	s.json(w, http.StatusOK, s.instanceJSON(in))
}
