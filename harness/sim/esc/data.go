package esc

import (
	"net/http"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// table keeps records in insertion order, so every list is answered in the
// order things were created, whatever the map iteration order.
type table[T any] struct {
	keys []string
	m    map[string]T
}

func (t *table[T]) get(k string) (T, bool) {
	v, ok := t.m[k]
	return v, ok
}

func (t *table[T]) put(k string, v T) {
	if t.m == nil {
		t.m = map[string]T{}
	}
	if _, ok := t.m[k]; !ok {
		t.keys = append(t.keys, k)
	}
	t.m[k] = v
}

func (t *table[T]) del(k string) {
	if _, ok := t.m[k]; !ok {
		return
	}
	delete(t.m, k)
	for i, x := range t.keys {
		if x == k {
			t.keys = append(t.keys[:i], t.keys[i+1:]...)
			break
		}
	}
}

func (t *table[T]) values() []T {
	out := make([]T, 0, len(t.keys))
	for _, k := range t.keys {
		out = append(out, t.m[k])
	}
	return out
}

func (t *table[T]) len() int { return len(t.keys) }

// Resource kinds sharing the internal-id space (document lines 81-83: "unique
// within the scope of all the domain resources").
const (
	kindTenant     = "tenant"
	kindNetwork    = "network"
	kindSubnet     = "subnet"
	kindImage      = "image"
	kindFlavor     = "flavor"
	kindVolume     = "volume"
	kindRouter     = "router"
	kindDeployment = "deployment"
)

// host is a compute host deployments are placed on.
type host struct {
	name, uuid string
	enabled    bool
}

// vm is one VM of a deployment.
type vm struct {
	name, uuid, group string
	host              *host
	ifaces            []noteInterface
	state             string // VM state-machine state
	monitored         bool
}

// vmGroup is one vm_group of a deployment's datamodel.
type vmGroup struct {
	name   string
	raw    node // the vm_group element as the client sent it
	vms    []*vm
	digest string // canonical form of raw, to tell changed groups on update
}

// deployment is one deployment with its VMs.
type deployment struct {
	id, name, tenant, externalID string
	tenantName                   string // the tenant name used in the datamodel
	groups                       []*vmGroup
	stage                        string // last deployment_stage notified
	serviceState                 string
	ruleActions                  []string // dynamic mapping actions its rules use
	metrics                      []string // metric collector types its KPIs use
}

// snapshot is a VM snapshot taken by snapshot-vm.
type snapshot struct {
	id, name, tenant, vmName, deployment, status string
}

// vimRec is a VIM connector and its users.
type vimRec struct {
	v     vimConnector
	users table[vimUser]
}

// configParam is one ESC configuration parameter.
type configParam struct {
	category, key, typ, value, def string
	options                        []string // allowed values, canonical spelling
}

// mapping is a dynamic mapping action or metric.
type mapping struct {
	name, typ string
	core      bool
	body      node
}

// systemState is a named ESC system state that can be reset.
type systemState struct {
	name, value, def string
}

// state is everything the simulator remembers.
type state struct {
	ids         map[string]string // internal id -> kind, across resources
	tenants     table[*tenant]
	networks    table[*network]
	subnets     table[*subnet]
	images      table[*image]
	flavors     table[*flavor]
	volumes     table[*volume]
	routers     table[*router]
	deployments table[*deployment]
	snapshots   table[*snapshot]
	hosts       table[*host]
	vims        table[*vimRec]
	defaultVim  string
	// systemTenant is the internal id of the system tenant: images belong
	// to it and it cannot be deleted.
	systemTenant string
	fileServers  table[*node]
	actions      table[*mapping]
	metrics      table[*mapping]
	config       table[*configParam]
	opMode       string
	states       table[*systemState]
	hostCursor   int
}

// Seeded data. The system admin tenant is the one the document's examples
// show deployments and images under (internal and external id
// SystemAdminTenantId, datamodel tenant name "admin"); the hosts are the
// ones its notifications name; the configuration parameters are the five it
// details (lines 2063-2073).
const (
	adminTenantID   = "SystemAdminTenantId"
	adminTenantName = "admin"
	seedVimID       = "default_openstack_vim"
)

// dataset is one independently populated set of the seeded resources a
// cloud holds before any client writes: tenants (the system tenant among
// them), compute hosts, VIM connectors (one of them the default), and the
// VIM image, flavor and network a deployment datamodel names, which ESC
// lists without a model (images and flavors it did not create are not
// listed at all) and a run therefore takes from fixture variables.
type dataset struct {
	tenants      []*tenant
	systemTenant string
	hosts        []*host
	vims         []vimConnector
	defaultVim   string
	image        string
	flavor       string
	network      string
	// states are the named system states (the document names none); the
	// first one is the fixture system_state.
	states []*systemState
	// images and flavors ESC created before the run (listed by GET
	// /v0/images and /v0/flavors); they belong to the system tenant.
	images  []*image
	flavors []*flavor
	// recoveryEvent is the event_type of the Callback-ESC-Events notification of a VM
	// recovery. The document shows none; the first data set sends VM_ALIVE, one of the eight
	// event types of its examples, the second one VM_RECOVERY_COMPLETE, which a real ESC sends
	// and the examples do not show (the contract's EventType is open: a deviation, not a
	// failure).
	recoveryEvent string
	// acceptedWrite is the status of the synchronous answer of the writes the document answers
	// with 200 "Request accepted" or 204 "No content" and ties neither to a request (file server
	// create and update, router update: lines 2703-2704, 2729-2730, 3093-3094): the first data
	// set answers 200, the second 204. Both carry the transaction id, which line 47 says the
	// initial answer returns.
	acceptedWrite int
}

// defaultDataset is the document's world: its system tenant, its hosts and
// its VIM names.
func defaultDataset() dataset {
	return dataset{
		tenants: []*tenant{{
			Enabled: boolp(true), ExternalTenantID: adminTenantID, InternalTenantID: adminTenantID,
			Name: adminTenantName, ManagedResource: boolp(false),
		}},
		systemTenant: adminTenantID,
		hosts: []*host{
			{name: "my-ucs-1", uuid: "0a1f6c2e7d3b4e59a8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9", enabled: true},
			{name: "my-ucs-2", uuid: "5b2e8d1c4f7a0e3b6d9c2f5a8e1b4d7c0f3a6e9b2d5c8f1a4e7b0d3c", enabled: true},
			{name: "my-ucs-3", uuid: "17be6eae40795ec068ce77a05fcb1c47f7ac42dfba160261719d4087", enabled: true},
		},
		vims: []vimConnector{{ID: seedVimID, Type: "OPENSTACK", Properties: &properties{Property: []property{
			{Name: "os_auth_url", Value: "http://192.0.2.10:5000/v3"},
			{Name: "os_project_domain_name", Value: "default"},
			{Name: "os_project_name", Value: "admin"},
		}}}},
		defaultVim:    seedVimID,
		image:         "ASA",
		flavor:        "m1.large",
		network:       "MgtNetwork",
		recoveryEvent: evVMAlive,
		acceptedWrite: http.StatusOK,
		states: []*systemState{
			{name: "DEPLOYMENT_QUEUE", def: "EMPTY"},
			{name: "VIM_CONNECTION", def: "CONNECTED"},
			{name: "HA", def: "STANDALONE"},
		},
	}
}

// secondDataset is populated independently of the first, as differently as
// the document allows: other ids and names, more tenants and hosts, and the
// system tenant neither first nor named after anything; a disabled tenant
// listed first; the optional elements the first one fills left out
// (managed_resource, a host's uuid, a connector's properties) and the ones
// it leaves out filled (vim_mapping, extensions); and an element a later ESC
// might add to a tenant (vim_project_id), which the contract does not
// forbid. The default VIM connector is listed last.
func secondDataset() dataset {
	ext := &extensions{Extension: []extension{{Name: "placement", Properties: &properties{Property: []property{
		{Name: "zone", Value: "az-2"},
	}}}}}
	return dataset{
		tenants: []*tenant{
			{Enabled: boolp(false), ExternalTenantID: "7c41d2e09b3a4f6e8d5c1b2a3f4e5d6c", InternalTenantID: "tnt-archive-0193",
				Name: "archive-2019", VimMapping: boolp(true), ManagedResource: boolp(true)},
			{Enabled: boolp(true), ExternalTenantID: "4f9e8d7c6b5a49382716a5b4c3d2e1f0", InternalTenantID: "lab-east.core",
				Name: "lab-east", VimMapping: boolp(false), Extensions: ext, VimProjectID: "prj-5521"},
			{Enabled: boolp(true), ExternalTenantID: "esc-root-project", InternalTenantID: "EscRootTenant_2",
				Name: "esc-root", VimProjectID: "prj-0001"},
			{Enabled: boolp(true), ExternalTenantID: "a0b1c2d3e4f5061728394a5b6c7d8e9f", InternalTenantID: "nfv_west_07",
				Name: "nfv-west"},
		},
		systemTenant: "EscRootTenant_2",
		hosts: []*host{
			{name: "compute-b-02.dc2", enabled: true},
			{name: "compute-a-01.dc2", uuid: "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", enabled: true},
			{name: "compute-b-01.dc2", enabled: true},
			{name: "compute-a-02.dc2", uuid: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", enabled: true},
		},
		vims: []vimConnector{
			{ID: "vcenter-lab-b", Type: "VMWARE_VSPHERE"},
			{ID: "regionTwo_os", Type: "OPENSTACK", Properties: &properties{Property: []property{
				{Name: "os_project_name", Value: "nfv-ops"},
				{Name: "os_auth_url", Value: "https://198.51.100.40:13000/v3"},
			}}},
		},
		defaultVim:    "regionTwo_os",
		image:         "ubuntu-22.04-cloudinit",
		flavor:        "c4.medium-nfv",
		network:       "provider-mgmt-410",
		recoveryEvent: evVMRecoveryComplete,
		acceptedWrite: http.StatusNoContent,
		states: []*systemState{
			{name: "NB_REQUEST_BACKLOG", value: "3_PENDING", def: "IDLE"},
			{name: "GEO_REDUNDANCY", def: "ACTIVE_STANDBY"},
		},
		images: []*image{
			{InternalImageID: "img-ubuntu-2204", ExternalImageID: "5e0c2b7a-91d4-4c3e-8f6a-2d1b0c9e8f7a", Name: "ubuntu-22.04-cloudinit",
				Src: "http://203.0.113.15/images/ubuntu-22.04.qcow2", DiskBus: "scsi", ImageIsEnabled: boolp(true), Visibility: "private"},
			{InternalImageID: "img-csr-17", ExternalImageID: "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", Name: "csr1000v-17.3",
				Src: "http://203.0.113.15/images/csr1000v.qcow2", ImageIsEnabled: boolp(false), Visibility: "public", E1000Net: boolp(true)},
		},
		flavors: []*flavor{
			{InternalFlavorID: "flv-c4-medium", ExternalFlavorID: "b7c6d5e4-f3a2-4b1c-9d8e-7f6a5b4c3d2e", Name: "c4.medium-nfv",
				VCPUs: intp(4), MemoryMB: intp(8192), EphemeralDiskMB: intp(20480)},
		},
	}
}

// datasetNamed returns the data set called name (sim.DatasetDefault or
// sim.DatasetSecond, already validated).
func datasetNamed(name string) dataset {
	if name == sim.DatasetSecond {
		return secondDataset()
	}
	return defaultDataset()
}

// seedState is the state of a fresh simulator serving ds.
func seedState(ds dataset) *state {
	st := &state{ids: map[string]string{}, opMode: "OPERATION", defaultVim: ds.defaultVim, systemTenant: ds.systemTenant}
	for _, t := range ds.tenants {
		c := *t
		st.tenants.put(c.InternalTenantID, &c)
		st.ids[c.InternalTenantID] = kindTenant
	}
	for _, h := range ds.hosts {
		c := *h
		st.hosts.put(c.name, &c)
	}
	for _, v := range ds.vims {
		st.vims.put(v.ID, &vimRec{v: v})
	}
	for _, i := range ds.images {
		c := *i
		c.InternalTenantID, c.ExternalTenantID = ds.systemTenant, ds.systemTenant
		st.images.put(c.InternalImageID, &c)
		st.ids[c.InternalImageID] = kindImage
	}
	for _, f := range ds.flavors {
		c := *f
		st.flavors.put(c.InternalFlavorID, &c)
		st.ids[c.InternalFlavorID] = kindFlavor
	}
	for _, c := range []*configParam{
		{category: "DEFAULT", key: "VM_RECOVERY_ATTEMPTS_MAX", typ: "INT", def: "3"},
		{category: "OPENSTACK", key: "ENDPOINT", typ: "STRING", def: "adminURL", options: []string{"adminURL", "publicURL"}},
		{category: "LOG", key: "LEVEL", typ: "STRING", def: "INFO", options: []string{"INFO", "TRACE", "DEBUG"}},
		{category: "AFFINITY", key: "FILTER", typ: "STRING", def: "SameHostFilter", options: []string{"SameHostFilter", "ServerGroupAffinity"}},
		{category: "ANTI-AFFINITY", key: "FILTER", typ: "STRING", def: "DifferentHostFilter", options: []string{"DifferentHostFilter", "ServerGroupAffinity"}},
	} {
		c.value = c.def
		st.config.put(c.category+"/"+c.key, c)
	}
	// CORE dynamic mappings: the actions and metric collectors the document's
	// datamodel uses ("ALWAYS log", "TRUE esc_vm_alive_notification",
	// ICMPPing) and the usual scaling/recovery companions.
	for _, a := range [][2]string{
		{"ALWAYS log", "ESC_POST_EVENT"}, {"TRUE esc_vm_alive_notification", "ESC_POST_EVENT"},
		{"FALSE recover autohealing", "ESC_POST_EVENT"}, {"TRUE servicescaleup.sh", "SCRIPT"}, {"TRUE servicescaledown.sh", "SCRIPT"},
	} {
		st.actions.put(a[0], &mapping{name: a[0], typ: a[1], core: true, body: mappingNode("action", a[0], a[1])})
	}
	for _, m := range [][2]string{{"ICMPPing", "ICMPPing"}, {"MEMORY", "SNMPGet"}, {"CPU", "SNMPGet"}, {"CPU_LOAD_1", "SNMPGet"}} {
		st.metrics.put(m[0], &mapping{name: m[0], typ: m[1], core: true, body: mappingNode("metric", m[0], m[1])})
	}
	for _, s := range ds.states {
		c := *s
		if c.value == "" {
			c.value = c.def
		}
		st.states.put(c.name, &c)
	}
	return st
}

func mappingNode(elem, name, typ string) node {
	return elx(elem, el("name", name), el("type", typ))
}

// tenantOf finds a tenant by internal id.
func (st *state) tenantOf(id string) (*tenant, bool) { return st.tenants.get(id) }

// tenantByRef finds the tenant a deployment datamodel names: by internal id
// first, then by name (the document's example names "admin", whose
// notifications report SystemAdminTenantId).
func (st *state) tenantByRef(ref string) (*tenant, bool) {
	if t, ok := st.tenants.get(ref); ok {
		return t, true
	}
	for _, t := range st.tenants.values() {
		if t.Name == ref {
			return t, true
		}
	}
	return nil, false
}

// owns reports whether a tenant still holds resources.
func (st *state) owns(tenantID string) bool {
	for _, n := range st.networks.values() {
		if n.InternalTenantID == tenantID {
			return true
		}
	}
	for _, v := range st.volumes.values() {
		if v.InternalTenantID == tenantID {
			return true
		}
	}
	for _, r := range st.routers.values() {
		if r.InternalTenantID == tenantID {
			return true
		}
	}
	for _, d := range st.deployments.values() {
		if d.tenant == tenantID {
			return true
		}
	}
	return false
}

// findVM finds a VM by name among a tenant's deployments.
func (st *state) findVM(tenantID, name string) (*deployment, *vm, bool) {
	for _, d := range st.deployments.values() {
		if d.tenant != tenantID {
			continue
		}
		for _, g := range d.groups {
			for _, v := range g.vms {
				if v.name == name {
					return d, v, true
				}
			}
		}
	}
	return nil, nil, false
}

// nextHost picks the next enabled host round-robin, nil when none is.
func (st *state) nextHost(exclude *host) *host {
	hs := st.hosts.values()
	for range hs {
		h := hs[st.hostCursor%len(hs)]
		st.hostCursor++
		if h.enabled && h != exclude {
			return h
		}
	}
	return nil
}
