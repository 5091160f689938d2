package esc

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
)

// This file serves groups 06 (deployments), 07 (deployment operations), 08
// (VM operations), 12 (host actions) and 18 (VM snapshots).
//
// What each asynchronous operation sends, in order, all with the
// transaction id of the synchronous answer. "Callback" notifications carry a
// <deployment> (deployments) or <esc_event> (VM operations, snapshots) body
// and ESC-Status-Code 200; "Callback-ESC-Events" notifications carry an
// <esc_event>. The document shows only the Callback side of deployment
// create, update and stop and of VM stop (DEFECTS.md D21-D22, D31); the
// event types of everything else are the closest of the eight the contract
// lists (its open question Q3). The list is open: the second data set sends
// a real ESC's VM_RECOVERY_COMPLETE, which the contract reports as a
// deviation:
//
//	create deployment   per VM: event VM_DEPLOYED, Callback VM_DEPLOYED; per VM: event VM_ALIVE, Callback VM_ALIVE;
//	                    Callback SERVICE_ALIVE (completion)
//	update deployment   per new VM as for create; per VM of a changed group: event VM_UPDATED, Callback VM_UPDATED;
//	                    Callback SERVICE_UPDATED (completion)
//	delete deployment   Callback SERVICE_STOPPED with service state SERVICE_UNDEPLOYED_STATE (completion; the
//	                    contract has no undeploy event)
//	deployment stop     per VM: event VM_STOPPED, Callback VM_STOPPED; Callback SERVICE_STOPPED (completion)
//	deployment start    per VM: event VM_ALIVE, Callback VM_ALIVE; Callback SERVICE_ALIVE (completion)
//	deployment reboot   as start
//	(en|dis)able_monitoring  Callback SERVICE_UPDATED (completion)
//	VM stop             event VM_STOPPED; Callback VM_STOP_COMPLETE (completion)
//	VM start            event VM_ALIVE; Callback VM_ALIVE (completion)
//	VM reboot           event VM_STOPPED, event VM_ALIVE; Callback VM_ALIVE (completion)
//	VM (en|dis)able_monitoring  Callback VM_UPDATED (completion)
//	migrate-vm          event VM_UPDATED; Callback VM_UPDATED (completion)
//	recovery-vm         event VM_ALIVE (second data set: VM_RECOVERY_COMPLETE); Callback VM_ALIVE (completion)
//	snapshot-vm         event VM_UPDATED; Callback VM_UPDATED (completion)
//	delete snapshot     event VM_UPDATED; Callback VM_UPDATED (completion)
//	host enable/disable event SERVICE_UPDATED (no Callback is documented)

// Event types (components/schemas/EventType) and states.
const (
	evVMDeployed     = "VM_DEPLOYED"
	evVMAlive        = "VM_ALIVE"
	evVMUpdated      = "VM_UPDATED"
	evVMStopped      = "VM_STOPPED"
	evVMStopComplete = "VM_STOP_COMPLETE"
	evServiceAlive   = "SERVICE_ALIVE"
	evServiceUpdated = "SERVICE_UPDATED"
	evServiceStopped = "SERVICE_STOPPED"
	// evVMRecoveryComplete is not among the eight event types of the document's examples; the
	// second data set sends it on a recovery's event notification.
	evVMRecoveryComplete = "VM_RECOVERY_COMPLETE"
	stVMInsert           = "VM_INSERT_STATE"
	stVMAlive            = "VM_ALIVE_STATE"
	stVMShutoff          = "VM_SHUTOFF_STATE"
	stServiceDeploy      = "SERVICE_DEPLOYING_STATE"
	stServiceInert       = "SERVICE_INERT_STATE"
	stServiceActive      = "SERVICE_ACTIVE_STATE"
	stServiceStopped     = "SERVICE_STOPPED_STATE"
	stServiceUndeploy    = "SERVICE_UNDEPLOYED_STATE"
)

// maxVMsPerGroup bounds scaling/min_active, to keep a typo from creating
// thousands of VMs.
const maxVMsPerGroup = 16

// ---- the datamodel ----

// groupSpec is what the simulator reads from a vm_group.
type groupSpec struct {
	name   string
	raw    node
	count  int
	ifaces []ifaceSpec
}

type ifaceSpec struct {
	nicid   int
	network string
	ip      string
}

// datamodel is the part of an esc_datamodel a deployment request carries.
type datamodel struct {
	tenant, name string
	groups       []groupSpec
	actions      []string
	metrics      []string
}

// parseDatamodel reads an esc_datamodel request body: one tenant holding one
// deployment with at least one vm_group.
func parseDatamodel(body []byte) (*datamodel, error) {
	root, err := parseXML(body)
	if err != nil {
		return nil, fmt.Errorf("invalid XML: %v", err)
	}
	if root.XMLName.Local != "esc_datamodel" {
		return nil, fmt.Errorf("the root element is <%s>, expected <esc_datamodel>", root.XMLName.Local)
	}
	tenants := root.path("tenants").children("tenant")
	if len(tenants) != 1 {
		return nil, errors.New("the datamodel must hold exactly one tenant")
	}
	deps := tenants[0].path("deployments").children("deployment")
	if len(deps) != 1 {
		return nil, errors.New("the datamodel must hold exactly one deployment")
	}
	dm := &datamodel{tenant: tenants[0].text("name"), name: deps[0].text("name")}
	if dm.tenant == "" || !validName(dm.name, maxName) {
		return nil, errors.New("the tenant name and the deployment name (1..255 characters) are required")
	}
	seen := map[string]bool{}
	for _, g := range deps[0].children("vm_group") {
		gs := groupSpec{name: g.text("name"), raw: g.clone(), count: 1}
		if gs.name == "" || seen[gs.name] {
			return nil, fmt.Errorf("every vm_group needs a unique name (got %q)", gs.name)
		}
		seen[gs.name] = true
		if v := g.path("scaling", "min_active"); v != nil {
			n, err := strconv.Atoi(v.Text)
			if err != nil || n < 1 || n > maxVMsPerGroup {
				return nil, fmt.Errorf("vm_group %s: scaling/min_active must be 1..%d", gs.name, maxVMsPerGroup)
			}
			gs.count = n
		}
		if v := g.path("scaling", "max_active"); v != nil {
			if n, err := strconv.Atoi(v.Text); err != nil || n < gs.count {
				return nil, fmt.Errorf("vm_group %s: scaling/max_active must be an integer >= min_active", gs.name)
			}
		}
		for i, in := range g.path("interfaces").children("interface") {
			is := ifaceSpec{nicid: i, network: in.text("network"), ip: in.text("ip_address")}
			if v := in.text("nicid"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, fmt.Errorf("vm_group %s: interface nicid %q is not an integer", gs.name, v)
				}
				is.nicid = n
			}
			gs.ifaces = append(gs.ifaces, is)
		}
		for _, rule := range g.path("rules", "admin_rules").children("rule") {
			for _, a := range rule.children("action") {
				dm.actions = append(dm.actions, strings.Trim(a.Text, `"`))
			}
		}
		for _, k := range g.path("kpi_data").children("kpi") {
			if t := k.path("metric_collector", "type"); t != nil {
				dm.metrics = append(dm.metrics, t.Text)
			}
		}
		dm.groups = append(dm.groups, gs)
	}
	if len(dm.groups) == 0 {
		return nil, errors.New("the deployment needs at least one vm_group")
	}
	return dm, nil
}

func digest(n node) string {
	b, _ := xml.Marshal(n)
	return string(b)
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// newVM creates VM number i of a group: named as in the document's examples
// (deployment name cut to 16 characters, group name cut to 6, index, uuid),
// placed on the next enabled host.
func (s *Simulator) newVM(d *deployment, g groupSpec, i int) *vm {
	v := &vm{
		name:  fmt.Sprintf("%s_%s_%d_%s", trunc(d.name, 16), trunc(g.name, 6), i, s.ids.UUID()),
		uuid:  s.ids.UUID(),
		group: g.name, host: s.st.nextHost(nil), state: stVMAlive, monitored: true,
	}
	v.ifaces = s.interfaces(d, g, i)
	return v
}

// interfaces builds the notification interfaces of VM i of a group. A
// network that is an ESC network reports its VIM id and first subnet; any
// other is reported by name, as in the document's examples (MgtNetwork).
func (s *Simulator) interfaces(d *deployment, g groupSpec, i int) []noteInterface {
	var out []noteInterface
	for _, is := range g.ifaces {
		ni := noteInterface{NetworkUUID: is.network, NicID: is.nicid, PortUUID: s.ids.UUID(), Type: "virtual",
			MacAddress: "fa:16:3e:" + colonHex(s.ids.Hex(6))}
		if n, ok := s.st.networks.get(is.network); ok && n.InternalTenantID == d.tenant {
			ni.NetworkUUID = n.ExternalNetworkID
			if len(n.Subnet) > 0 {
				if sn, ok := s.st.subnets.get(n.Subnet[0]); ok {
					ni.SubnetUUID = sn.ExternalSubnetID
					ni.Gateway = sn.GatewayIP
				}
			}
		}
		ni.IPAddress = addIP(is.ip, i)
		if ni.IPAddress == "" {
			ni.IPAddress = fmt.Sprintf("192.168.%d.%d", s.ids.IntN(250)+1, s.ids.IntN(250)+2)
		}
		out = append(out, ni)
	}
	return out
}

func colonHex(h string) string {
	var parts []string
	for i := 0; i+2 <= len(h); i += 2 {
		parts = append(parts, h[i:i+2])
	}
	return strings.Join(parts, ":")
}

// addIP offsets a static IPv4 address by n (VM n of a scaled group); "" for
// anything else.
func addIP(ip string, n int) string {
	p := net.ParseIP(ip).To4()
	if p == nil {
		return ""
	}
	p[3] += byte(n)
	return p.String()
}

// ---- notification bodies ----

func (d *deployment) group(name string) *vmGroup {
	for _, g := range d.groups {
		if g.name == name {
			return g
		}
	}
	return nil
}

func (d *deployment) vms() []*vm {
	var out []*vm
	for _, g := range d.groups {
		out = append(out, g.vms...)
	}
	return out
}

func details(v *vm, state string) deploymentDetails {
	dd := deploymentDetails{HostUUID: v.host.uuid, HostName: v.host.name, VMUUID: v.uuid, VMGroupName: v.group, VMName: v.name, VMState: state}
	if len(v.ifaces) > 0 {
		dd.Interfaces = &noteInterfaces{Interface: append([]noteInterface(nil), v.ifaces...)}
	}
	return dd
}

// note builds a <deployment> notification; vms lists the VMs it reports.
func (s *Simulator) note(d *deployment, stage, serviceState string, vmState string, vms ...*vm) deploymentNote {
	t, _ := s.st.tenantOf(d.tenant)
	n := deploymentNote{XMLName: named(nsNetconf, "deployment"), DeploymentName: d.name, DeploymentStage: stage,
		ExternalDeploymentID: d.externalID, InternalDeploymentID: d.id, InternalTenantID: d.tenant, ServiceState: serviceState}
	if t != nil {
		n.ExternalTenantID = t.ExternalTenantID
	}
	for _, v := range vms {
		st := vmState
		if st == "" {
			st = v.state
		}
		n.Details = append(n.Details, details(v, st))
	}
	return n
}

// vmEvent builds an <esc_event> about one VM.
func (s *Simulator) vmEvent(d *deployment, v *vm, eventType, detail string) escEvent {
	e := escEvent{XMLName: named(nsNetconf, "esc_event"), EventType: eventType, EventDetails: detail}
	if d != nil {
		e.DeploymentName, e.ExternalDeploymentID, e.InternalDeploymentID, e.InternalTenantID = d.name, d.externalID, d.id, d.tenant
		if t, ok := s.st.tenantOf(d.tenant); ok {
			e.ExternalTenantID = t.ExternalTenantID
		}
	}
	if v != nil {
		e.VMSource = &vmSource{HostUUID: v.host.uuid, HostName: v.host.name, VMUUID: v.uuid, VMGroupName: v.group, VMName: v.name}
		if len(v.ifaces) > 0 {
			e.VMSource.Interfaces = &noteInterfaces{Interface: append([]noteInterface(nil), v.ifaces...)}
		}
	}
	return e
}

// deployVMs sends the VM_DEPLOYED then VM_ALIVE notifications of new VMs.
func (s *Simulator) deployVMs(tx *txn, d *deployment, vms []*vm) {
	for _, v := range vms {
		tx.event(s.vmEvent(d, v, evVMDeployed, ""), "VM Deployed")
		tx.notify(s.note(d, evVMDeployed, stServiceDeploy, stVMInsert, v), kindDeploymentBody, 200, "VM Deployed", false)
	}
	for _, v := range vms {
		msg := "VM_Alive event received, VM ID: [" + v.name + "]"
		tx.event(s.vmEvent(d, v, evVMAlive, ""), msg)
		tx.notify(s.note(d, evVMAlive, stServiceInert, stVMAlive, v), kindDeploymentBody, 200, msg, false)
	}
}

// ---- 06 Deployments ----

type deploymentList struct {
	XMLName     xml.Name         `xml:"urn:ietf:params:xml:ns:netconf:base:1.0 deployments"`
	Deployments []deploymentNote `xml:"deployment"`
}

func (s *Simulator) current(d *deployment) deploymentNote {
	return s.note(d, d.stage, d.serviceState, "", d.vms()...)
}

func (s *Simulator) listDeployments(w http.ResponseWriter, r *http.Request) {
	list := deploymentList{Deployments: []deploymentNote{}}
	for _, d := range s.st.deployments.values() {
		list.Deployments = append(list.Deployments, s.current(d))
	}
	s.write(w, r, http.StatusOK, list, false)
}

// deploymentFor finds a deployment by the id of GET /v0/deployments/{id}
// and /config/{id} (documented as up to 1024 characters, D10).
func (s *Simulator) deploymentFor(w http.ResponseWriter, r *http.Request) (*deployment, bool) {
	id := r.PathValue("internal_deployment_id")
	d, ok := s.st.deployments.get(id)
	if !ok {
		s.fail(w, http.StatusNotFound, "Deployment Id not found", id)
	}
	return d, ok
}

func (s *Simulator) getDeployment(w http.ResponseWriter, r *http.Request) {
	if d, ok := s.deploymentFor(w, r); ok {
		s.write(w, r, http.StatusOK, s.current(d), false)
	}
}

func (s *Simulator) getDeploymentConfig(w http.ResponseWriter, r *http.Request) {
	d, ok := s.deploymentFor(w, r)
	if !ok {
		return
	}
	dep := elx("deployment", el("name", d.name))
	for _, g := range d.groups {
		dep.Nodes = append(dep.Nodes, g.raw.clone())
	}
	root := elx("esc_datamodel", elx("tenants", elx("tenant", el("name", d.tenantName), elx("deployments", dep))))
	root.inNamespace(nsESC)
	s.write(w, r, http.StatusOK, root, false)
}

// datamodelRequest reads the deployment id of the path and the datamodel of the body of a
// deployment write; ok is false when an answer was written.
func (s *Simulator) datamodelRequest(w http.ResponseWriter, r *http.Request) ([]string, *datamodel, bool) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internal_deployment_id")
	if !ok {
		return nil, nil, false
	}
	body, err := readBody(r)
	if err != nil {
		s.badBody(w, err)
		return nil, nil, false
	}
	dm, err := parseDatamodel(body)
	if err != nil {
		s.badBody(w, err)
		return nil, nil, false
	}
	return ids, dm, true
}

func (s *Simulator) createDeployment(w http.ResponseWriter, r *http.Request) {
	ids, dm, ok := s.datamodelRequest(w, r)
	if !ok {
		return
	}
	t, ok := s.st.tenantByRef(dm.tenant)
	if !ok {
		s.fail(w, http.StatusNotFound, "An associated resource not found", fmt.Sprintf("tenant %q", dm.tenant))
		return
	}
	if !s.claimable(w, ids[0]) {
		return
	}
	for _, d := range s.st.deployments.values() {
		if d.tenant == t.InternalTenantID && d.name == dm.name {
			s.fail(w, http.StatusConflict, "Conflicting Request", fmt.Sprintf("tenant %q already has a deployment named %q", t.InternalTenantID, dm.name))
			return
		}
	}
	if s.st.nextHost(nil) == nil {
		s.fail(w, http.StatusServiceUnavailable, "Failed to query VIM", "no enabled host can be scheduled")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	d := &deployment{id: ids[0], name: dm.name, tenant: t.InternalTenantID, tenantName: dm.tenant, externalID: s.ids.UUID(),
		stage: evServiceAlive, serviceState: stServiceActive, ruleActions: dm.actions, metrics: dm.metrics}
	var created []*vm
	for _, gs := range dm.groups {
		g := &vmGroup{name: gs.name, raw: gs.raw, digest: digest(gs.raw)}
		for i := range gs.count {
			v := s.newVM(d, gs, i)
			g.vms = append(g.vms, v)
			created = append(created, v)
		}
		d.groups = append(d.groups, g)
	}
	s.st.deployments.put(d.id, d)
	s.st.ids[d.id] = kindDeployment
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	s.deployVMs(tx, d, created)
	tx.notify(s.note(d, evServiceAlive, stServiceActive, ""), kindDeploymentBody, 200, "Service group deployment completed successfully!", true)
}

func (s *Simulator) updateDeployment(w http.ResponseWriter, r *http.Request) {
	ids, dm, ok := s.datamodelRequest(w, r)
	if !ok {
		return
	}
	d, ok := s.st.deployments.get(ids[0])
	if !ok {
		s.fail(w, http.StatusNotFound, "An associated resource not found", "deployment "+ids[0])
		return
	}
	t, ok := s.st.tenantByRef(dm.tenant)
	switch {
	case !ok:
		s.fail(w, http.StatusNotFound, "An associated resource not found", fmt.Sprintf("tenant %q", dm.tenant))
		return
	case t.InternalTenantID != d.tenant || dm.name != d.name:
		s.fail(w, http.StatusBadRequest, "Invalid Request", "an update cannot change the tenant or the name of a deployment")
		return
	case s.st.nextHost(nil) == nil:
		s.fail(w, http.StatusServiceUnavailable, "Failed to query VIM", "no enabled host can be scheduled")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	var created, updated []*vm
	groups := make([]*vmGroup, 0, len(dm.groups))
	for _, gs := range dm.groups {
		g := d.group(gs.name)
		if g == nil {
			g = &vmGroup{name: gs.name}
		}
		changed := g.digest != "" && g.digest != digest(gs.raw)
		g.raw, g.digest = gs.raw, digest(gs.raw)
		for len(g.vms) > gs.count { // scaled in: the last VMs go
			g.vms = g.vms[:len(g.vms)-1]
		}
		if changed {
			for i, v := range g.vms {
				v.ifaces = s.interfaces(d, gs, i)
				updated = append(updated, v)
			}
		}
		for i := len(g.vms); i < gs.count; i++ {
			v := s.newVM(d, gs, i)
			g.vms = append(g.vms, v)
			created = append(created, v)
		}
		groups = append(groups, g)
	}
	d.groups, d.ruleActions, d.metrics = groups, dm.actions, dm.metrics
	d.stage, d.serviceState = evServiceUpdated, stServiceActive
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	s.deployVMs(tx, d, created)
	for _, v := range updated {
		msg := "VM has been updated successfully. vm: VM ID: [" + v.name + "]"
		tx.event(s.vmEvent(d, v, evVMUpdated, ""), msg)
		tx.notify(s.note(d, evVMUpdated, stServiceInert, "", v), kindDeploymentBody, 200, msg, false)
	}
	tx.notify(s.note(d, evServiceUpdated, stServiceActive, ""), kindDeploymentBody, 200, "Service group update completed successfully", true)
}

func (s *Simulator) deleteDeployment(w http.ResponseWriter, r *http.Request) {
	d, _, ok := found(s, w, r, &s.st.deployments, "internal_deployment_id", http.StatusBadRequest, "Deployment Id not found")
	if !ok {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.deployments.del(d.id)
	delete(s.st.ids, d.id)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(s.note(d, evServiceStopped, stServiceUndeploy, ""), kindDeploymentBody, 200, "Service group undeployment completed successfully", true)
}

// ---- 07 Deployment operations ----

func (s *Simulator) operateDeployment(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internal_tenant_id", "internal_deployment_id")
	if !ok {
		return
	}
	var body operationBody
	if err := decodeBody(r, &body, "service_operation", false); err != nil {
		s.badBody(w, err)
		return
	}
	d, ok := s.st.deployments.get(ids[1])
	if !ok || d.tenant != ids[0] {
		s.fail(w, http.StatusNotFound, "Deployment or tenant not found", ids[0]+"/"+ids[1])
		return
	}
	stopped := d.serviceState == stServiceStopped
	op := strings.ToLower(body.Operation)
	switch {
	case op == "stop" && stopped, (op == "start") && !stopped, op == "reboot" && stopped:
		s.fail(w, http.StatusBadRequest, "Deployment operation is not applicable", fmt.Sprintf("%s on a deployment in %s", op, d.serviceState))
		return
	case op != "stop" && op != "start" && op != "reboot" && op != "enable_monitoring" && op != "disable_monitoring":
		s.fail(w, http.StatusBadRequest, "Deployment operation is not applicable", fmt.Sprintf("unknown operation %q", body.Operation))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackRequired, true)
	if !ok {
		return
	}
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	switch op {
	case "stop":
		for _, v := range d.vms() {
			v.state = stVMShutoff
			tx.event(s.vmEvent(d, v, evVMStopped, ""), "VM successfully stopped")
			tx.notify(s.note(d, evVMStopped, stServiceStopped, "", v), kindDeploymentBody, 200, "VM successfully stopped", false)
		}
		d.stage, d.serviceState = evServiceStopped, stServiceStopped
		tx.notify(s.note(d, evServiceStopped, stServiceStopped, "", d.vms()...), kindDeploymentBody, 200, "Service group suspension completed successfully", true)
	case "start", "reboot":
		for _, v := range d.vms() {
			v.state = stVMAlive
			msg := "VM_Alive event received, VM ID: [" + v.name + "]"
			tx.event(s.vmEvent(d, v, evVMAlive, ""), msg)
			tx.notify(s.note(d, evVMAlive, stServiceInert, "", v), kindDeploymentBody, 200, msg, false)
		}
		d.stage, d.serviceState = evServiceAlive, stServiceActive
		verb := map[string]string{"start": "started", "reboot": "rebooted"}[op]
		tx.notify(s.note(d, evServiceAlive, stServiceActive, ""), kindDeploymentBody, 200, "Service group "+verb+" successfully", true)
	default:
		on := op == "enable_monitoring"
		for _, v := range d.vms() {
			v.monitored = on
		}
		d.stage = evServiceUpdated
		tx.notify(s.note(d, evServiceUpdated, d.serviceState, ""), kindDeploymentBody, 200, "Service group monitoring "+map[bool]string{true: "enabled", false: "disabled"}[on], true)
	}
}

// ---- 08 VM operations ----

// vmFor resolves the tenant and VM of a VM operation path (404 "VM or tenant
// not found").
func (s *Simulator) vmFor(w http.ResponseWriter, r *http.Request) (*deployment, *vm, bool) {
	tid, name := r.PathValue("internal_tenant_id"), r.PathValue("vm_name")
	if !validID(tid) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", badID("internal_tenant_id", tid))
		return nil, nil, false
	}
	if !validName(name, maxName) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", "vm_name must be 1..255 characters")
		return nil, nil, false
	}
	d, v, ok := s.st.findVM(tid, name)
	if !ok {
		s.fail(w, http.StatusNotFound, "VM or tenant not found", tid+"/"+name)
	}
	return d, v, ok
}

// refreshService sets a deployment's service state from its VMs.
func refreshService(d *deployment) {
	for _, v := range d.vms() {
		if v.state != stVMShutoff {
			d.serviceState = stServiceActive
			return
		}
	}
	d.serviceState = stServiceStopped
}

func (s *Simulator) operateVM(w http.ResponseWriter, r *http.Request) {
	var body operationBody
	if err := decodeBody(r, &body, "vm_operation", true); err != nil {
		s.badBody(w, err)
		return
	}
	d, v, ok := s.vmFor(w, r)
	if !ok {
		return
	}
	alive := v.state != stVMShutoff
	op := strings.ToLower(body.Operation)
	switch {
	case op == "confirm_resize" || op == "revert_resize":
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", "no resize of "+v.name+" is pending")
		return
	case (op == "stop" || op == "reboot") && !alive, op == "start" && alive:
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", fmt.Sprintf("%s on a VM in %s", op, v.state))
		return
	case op != "stop" && op != "start" && op != "reboot" && op != "enable_monitoring" && op != "disable_monitoring":
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", fmt.Sprintf("unknown operation %q", body.Operation))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackRequired, true)
	if !ok {
		return
	}
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	switch op {
	case "stop":
		v.state = stVMShutoff
		tx.event(s.vmEvent(d, v, evVMStopped, ""), "VM successfully stopped")
		tx.notify(s.vmEvent(d, v, evVMStopComplete, ""), kindEventBody, 200, "Successfully stopped VM ["+v.name+"]", true)
	case "start", "reboot":
		if op == "reboot" {
			tx.event(s.vmEvent(d, v, evVMStopped, ""), "VM stopped for reboot")
		}
		v.state = stVMAlive
		tx.event(s.vmEvent(d, v, evVMAlive, ""), "VM_Alive event received, VM ID: ["+v.name+"]")
		verb := map[string]string{"start": "started", "reboot": "rebooted"}[op]
		tx.notify(s.vmEvent(d, v, evVMAlive, ""), kindEventBody, 200, "Successfully "+verb+" VM ["+v.name+"]", true)
	default:
		v.monitored = op == "enable_monitoring"
		tx.notify(s.vmEvent(d, v, evVMUpdated, "monitoring "+map[bool]string{true: "enabled", false: "disabled"}[v.monitored]),
			kindEventBody, 200, "VM monitoring updated ["+v.name+"]", true)
	}
	refreshService(d)
}

func (s *Simulator) migrateVM(w http.ResponseWriter, r *http.Request) {
	var body operationBody
	if err := decodeBody(r, &body, "vm_operation", true); err != nil {
		s.badBody(w, err)
		return
	}
	d, v, ok := s.vmFor(w, r)
	if !ok {
		return
	}
	if body.Operation != "" && !strings.EqualFold(body.Operation, "migrate") {
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", fmt.Sprintf("operation %q is not migrate", body.Operation))
		return
	}
	if v.state == stVMShutoff {
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", v.name+" is stopped")
		return
	}
	var target *host
	if body.Host != "" {
		h, ok := s.st.hosts.get(body.Host)
		if !ok || !h.enabled || h == v.host {
			s.fail(w, http.StatusBadRequest, "VM operation is not applicable", fmt.Sprintf("host %q is unknown, disabled or the VM's own", body.Host))
			return
		}
		target = h
	} else if target = s.st.nextHost(v.host); target == nil {
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", "no other enabled host")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackRequired, true)
	if !ok {
		return
	}
	v.host = target
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.event(s.vmEvent(d, v, evVMUpdated, "migrated to "+target.name), "VM migrated")
	tx.notify(s.vmEvent(d, v, evVMUpdated, "migrated to "+target.name), kindEventBody, 200, "VM migrated successfully to host "+target.name, true)
}

func (s *Simulator) recoverVM(w http.ResponseWriter, r *http.Request) {
	var body operationBody
	if err := decodeBody(r, &body, "vm_operation", true); err != nil {
		s.badBody(w, err)
		return
	}
	d, v, ok := s.vmFor(w, r)
	if !ok {
		return
	}
	if !strings.EqualFold(body.Operation, "recovery_do") {
		s.fail(w, http.StatusBadRequest, "Recovery VM operation is not applicable", fmt.Sprintf("operation %q is not recovery_do", body.Operation))
		return
	}
	if body.CheckVMBeforeRecovery != nil && *body.CheckVMBeforeRecovery && v.state == stVMAlive {
		s.fail(w, http.StatusBadRequest, "Recovery VM operation is not applicable", v.name+" is alive")
		return
	}
	// Callback and Callback-ESC-Events are optional here (line 1808) and the
	// 400 is not "Missing callback": a malformed URL is ignored.
	cb, ev, _ := s.hookHeaders(w, r, callbackOptional, false)
	v.state = stVMAlive
	refreshService(d)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.event(s.vmEvent(d, v, s.data.recoveryEvent, "recovered"), "VM recovery event received, VM ID: ["+v.name+"]")
	tx.notify(s.vmEvent(d, v, evVMAlive, "recovered"), kindEventBody, 200, "VM recovery completed successfully ["+v.name+"]", true)
}

type snapshotXML struct {
	ID               string `xml:"id"`
	Name             string `xml:"name"`
	InternalTenantID string `xml:"internal_tenant_id"`
	VMName           string `xml:"vm_name"`
	Deployment       string `xml:"internal_deployment_id"`
	Status           string `xml:"status"`
}

type snapshotList struct {
	XMLName   xml.Name      `xml:"snapshots"`
	Snapshots []snapshotXML `xml:"snapshot"`
}

func (sn *snapshot) out() snapshotXML {
	return snapshotXML{ID: sn.id, Name: sn.name, InternalTenantID: sn.tenant, VMName: sn.vmName, Deployment: sn.deployment, Status: sn.status}
}

func (s *Simulator) snapshotVM(w http.ResponseWriter, r *http.Request) {
	var body operationBody
	if err := decodeBody(r, &body, "vm_operation", true); err != nil {
		s.badBody(w, err)
		return
	}
	d, v, ok := s.vmFor(w, r)
	if !ok {
		return
	}
	switch {
	case body.Operation != "" && !strings.EqualFold(body.Operation, "snapshot"):
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", fmt.Sprintf("operation %q is not snapshot", body.Operation))
		return
	case !validName(body.Name, maxName):
		s.fail(w, http.StatusBadRequest, "VM operation is not applicable", "the snapshot name (1..255 characters) is required")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackRequired, true)
	if !ok {
		return
	}
	sn := &snapshot{id: s.ids.UUID(), name: body.Name, tenant: d.tenant, vmName: v.name, deployment: d.id, status: "ACTIVE"}
	s.st.snapshots.put(sn.id, sn)
	tx := s.accept(w, r, http.StatusCreated, cb, ev)
	detail := fmt.Sprintf("snapshot %s (%s) created", sn.name, sn.id)
	tx.event(s.vmEvent(d, v, evVMUpdated, detail), "VM snapshot created")
	tx.notify(s.vmEvent(d, v, evVMUpdated, detail), kindEventBody, 200, "VM snapshot created successfully", true)
}

// ---- 18 VM snapshots ----

func (s *Simulator) listSnapshots(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	tid, vmName := q.Get("internalTenantId"), q.Get("generatedVMName")
	list := snapshotList{Snapshots: []snapshotXML{}}
	for _, sn := range s.st.snapshots.values() {
		if (tid == "" || sn.tenant == tid) && (vmName == "" || sn.vmName == vmName) {
			list.Snapshots = append(list.Snapshots, sn.out())
		}
	}
	s.write(w, r, http.StatusOK, list, false)
}

// snapshotByRef finds a snapshot by id, then by name; a name shared by
// several snapshots is ambiguous (409, line 2983).
func (s *Simulator) snapshotByRef(w http.ResponseWriter, ref string, byName bool) (*snapshot, bool) {
	if sn, ok := s.st.snapshots.get(ref); ok {
		return sn, true
	}
	var found []*snapshot
	if byName {
		for _, sn := range s.st.snapshots.values() {
			if sn.name == ref {
				found = append(found, sn)
			}
		}
	}
	switch len(found) {
	case 0:
		s.fail(w, http.StatusNotFound, "Snapshot image not found", ref)
		return nil, false
	case 1:
		return found[0], true
	}
	s.fail(w, http.StatusConflict, "The request could not be processed because snapshot name is not unique", ref)
	return nil, false
}

// snapshotVMOf returns the deployment and VM a snapshot was taken of, when
// they still exist.
func (s *Simulator) snapshotVMOf(sn *snapshot) (*deployment, *vm) {
	d, v, ok := s.st.findVM(sn.tenant, sn.vmName)
	if !ok {
		d, _ = s.st.deployments.get(sn.deployment)
		return d, nil
	}
	return d, v
}

func (s *Simulator) deleteSnapshot(w http.ResponseWriter, r *http.Request) {
	sn, ok := s.snapshotByRef(w, r.PathValue("snapshotIdOrName"), true)
	if !ok {
		return
	}
	cb, ev, _ := s.hookHeaders(w, r, callbackOptional, false)
	s.st.snapshots.del(sn.id)
	d, v := s.snapshotVMOf(sn)
	detail := fmt.Sprintf("snapshot %s (%s) deleted", sn.name, sn.id)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	e := s.vmEvent(d, v, evVMUpdated, detail)
	tx.event(e, "VM snapshot deleted")
	tx.notify(e, kindEventBody, 200, "VM snapshot deleted successfully", true)
}

func (s *Simulator) createVolumeFromSnapshot(w http.ResponseWriter, r *http.Request) {
	sn, ok := s.snapshotByRef(w, r.PathValue("snapshotId"), false)
	if !ok {
		return
	}
	t, ok := s.st.tenantOf(sn.tenant)
	if !ok {
		s.fail(w, http.StatusNotFound, "Snapshot not found", "the tenant of snapshot "+sn.id+" is gone")
		return
	}
	// The body is "Volume name", model {} (D44); only 202 and 404 are
	// documented, so a body that is not a JSON object is not refused: the
	// volume is named after the snapshot.
	var body struct {
		Name string `json:"name"`
	}
	if b, err := readBody(r); err == nil {
		_ = json.Unmarshal(b, &body)
	}
	if !validName(body.Name, maxName) {
		body.Name = sn.name + "-volume"
	}
	cb, ev, _ := s.hookHeaders(w, r, callbackOptional, false)
	id := ""
	for id == "" || s.st.ids[id] != "" {
		id = fmt.Sprintf("snapshot-volume-%d", s.ids.Next("snapshot-volume", 1))
	}
	v := s.newVolume(volume{Name: body.Name, Type: "snapshot", Image: sn.id}, t, id)
	tx := s.accept(w, r, http.StatusAccepted, cb, ev)
	tx.notify(withName(volumeOut(v), func(x *volume) { x.EventType = "CREATE_VOLUME" }), kindDocumentBody, 200, "Volume successfully created from snapshot", true)
}

// ---- 12 Host actions ----

type hostStatus struct {
	XMLName xml.Name `xml:"host"`
	Name    string   `xml:"name"`
	UUID    string   `xml:"uuid,omitempty"`
	Status  string   `xml:"status"`
}

func (s *Simulator) getHostStatus(w http.ResponseWriter, r *http.Request) {
	// Only 200 is documented: an unknown host is reported UNKNOWN.
	name := r.PathValue("hostName")
	out := hostStatus{Name: name, Status: "UNKNOWN"}
	if h, ok := s.st.hosts.get(name); ok {
		out.UUID, out.Status = h.uuid, map[bool]string{true: "ENABLED", false: "DISABLED"}[h.enabled]
	}
	s.write(w, r, http.StatusOK, out, false)
}

// hostAction enables or disables a host: new VMs and migrations avoid a
// disabled host. The operations document only `default`; the simulator
// answers 200 with the transaction id, or 404 for an unknown host.
func (s *Simulator) hostAction(enable bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h, ok := s.st.hosts.get(r.PathValue("hostName"))
		if !ok {
			s.fail(w, http.StatusNotFound, "Not found", "host "+r.PathValue("hostName"))
			return
		}
		_, ev, _ := s.hookHeaders(w, r, callbackOptional, false)
		h.enabled = enable
		word := map[bool]string{true: "enabled", false: "disabled"}[enable]
		tx := s.acceptAs(w, r, http.StatusOK, "", ev, false)
		tx.event(escEvent{EventType: evServiceUpdated, EventDetails: "host " + h.name + " " + word}, "Host "+h.name+" "+word+" successfully")
	}
}
