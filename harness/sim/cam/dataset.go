package cam

import (
	"fmt"
	"sort"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// dataset is what the simulator holds before any request, and the choices it
// takes where the document leaves one open. Two are served (sim.Datasets):
// the default one holds the document's three icons and nothing else; the
// second one is populated independently, so that a suite passing against both
// leans on neither.
type dataset struct {
	// tenant is the tenant every token belongs to; team is the one team
	// (ace_orgGuid) the tokens may name.
	tenant, team string
	// namespaces are the team's namespaces: a call naming another one is
	// refused with 401, unless anyNamespace (the document's team "all").
	// The first two are the space_guid and other_space_guid fixtures.
	namespaces   []string
	anyNamespace bool
	icons        []*icon
	services     []seedService
	// newestFirst lists services and instances newest first; the document
	// fixes no order.
	newestFirst bool
	// sparse leaves out optional fields of the records (the contract requires
	// only id, name and status of a service record, and id, name and Status
	// of an instance).
	sparse bool
	// otherForms takes the document's other form where it shows two: the
	// service list's creationTime in ISO 8601 rather than JavaScript's
	// Date.toString() (D-18), an instance's ordered_time in epoch
	// milliseconds (D-19), and Bearer_Token masked as the document prints
	// it (line 1162) rather than echoed.
	otherForms bool
	// extra are fields a later CAM could add to a service record, an
	// instance and an icon record (the contract does not forbid them).
	extra map[string]obj
	// listParameter gives the seeded services a list-typed input parameter
	// with an array default, as service definitions of the vendor's public
	// library do; the document shows only string defaults.
	listParameter bool
}

// seedService is a service of a data set, with its one version and the
// instances deployed from it.
type seedService struct {
	id, manifestID, name, ns, author, status, template string
	instances                                          []seedInstance
}

// seedInstance is an instance of a seeded service.
type seedInstance struct {
	id, name, status string
}

// Record kinds of dataset.extra.
const (
	recordService  = "service"
	recordInstance = "instance"
	recordIcon     = "icon"
)

// The values of the default data set, which the feature files must not name.
const (
	defaultTeam      = "all"
	defaultNamespace = "development" // the namespace of the document's examples (line 1268)
	defaultOther     = "ibmcom"      // another namespace of the document (line 1162)
)

// The values of the second data set.
const (
	secondTenantID = "9a1f6c02-3b7d-4e85-a0c4-5d2e8f7b1c36"
	secondTeam     = "team-7c2e91d04b"
	secondNS       = "payments-stg"
	secondOther    = "analytics-qa"
)

func newDataset(name string) *dataset {
	if name == sim.DatasetSecond {
		return secondDataset()
	}
	return &dataset{tenant: DefaultTenantID, team: defaultTeam, namespaces: []string{defaultNamespace, defaultOther},
		anyNamespace: true, icons: seedIcons()}
}

// secondDataset holds another tenant, a team of its own with three
// namespaces, five icons (one without its media type, as an icon uploaded
// before CAM recorded it), three services (global, namespaced, retired) and
// instances of them, listed newest first, with optional fields left out and
// fields the document does not show added; its services take a list-typed
// parameter (an array default).
func secondDataset() *dataset {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><path d="M2 2h20v20H2z"/></svg>`)
	return &dataset{
		tenant:     secondTenantID,
		team:       secondTeam,
		namespaces: []string{secondNS, secondOther, "shared-tools"},
		icons: []*icon{
			{id: "64b7f0a1c2d3e4f5a6b7c8d9", name: "db2-warehouse.png", contentType: "image/png", data: png},
			{id: "64b7f0a1c2d3e4f5a6b7c8da", name: "mq-broker.svg", contentType: "image/svg+xml", data: svg},
			{id: "64b7f0a1c2d3e4f5a6b7c8db", name: "legacy-batch.svg", data: svg},
			{id: "64b7f0a1c2d3e4f5a6b7c8dc", name: "edge-gateway.png", contentType: "image/png", data: png},
			{id: "64b7f0a1c2d3e4f5a6b7c8dd", name: "object-store.svg", contentType: "image/svg+xml", data: svg},
		},
		services: []seedService{
			{id: "65a0c3e2b1d4f6a7c8e9f001", manifestID: "65a0c3e2b1d4f6a7c8e9f002", name: "db2-warehouse", author: "ops-lead",
				status: statusPublished, template: "ibmclouddb2a91c3e07"},
			{id: "65a0c3e2b1d4f6a7c8e9f011", manifestID: "65a0c3e2b1d4f6a7c8e9f012", name: "remote-package", ns: secondNS,
				author: "ops-lead", status: statusPublished, template: "remotepkg5d8e2b14",
				instances: []seedInstance{
					{id: "65a0c3e2b1d4f6a7c8e9f101", name: "remote-package-07", status: statusActive},
					{id: "65a0c3e2b1d4f6a7c8e9f102", name: "remote-package-11", status: statusError},
				}},
			{id: "65a0c3e2b1d4f6a7c8e9f021", manifestID: "65a0c3e2b1d4f6a7c8e9f022", name: "legacy-mq", ns: secondOther,
				author: "ops-lead", status: statusRetired, template: "legacymq0c4a77e1"},
		},
		newestFirst:   true,
		sparse:        true,
		otherForms:    true,
		listParameter: true,
		extra: map[string]obj{
			recordService:  {"lastModifiedBy": "ops-lead", "catalogRevision": 3},
			recordInstance: {"lastModifiedBy": "ops-lead", "costCenter": "cc-4471"},
			recordIcon:     {"uploadedBy": "ops-lead"},
		},
	}
}

// seed stores the data set's services and instances.
func (s *Simulator) seed() {
	now := s.clock.Now()
	for _, ss := range s.data.services {
		sv := &service{id: ss.id, tenant: s.data.tenant, ns: ss.ns, org: s.data.team, paths: map[string]*versionPath{}}
		inputs := []any{obj{"name": "region", "label": "Region", "type": "string", "secured": false, "default": "eu-de"}}
		params := obj{"region": "${input_parameters.region}"}
		values := obj{"region": "eu-de"}
		if s.data.listParameter {
			inputs = append(inputs, obj{"name": "zones", "label": "Availability zones", "type": "list", "secured": false,
				"default": []any{"eu-de-1", "eu-de-2"}})
			params["zones"] = "${input_parameters.zones}"
			values["zones"] = []any{"eu-de-1", "eu-de-2"}
		}
		src := obj{"specVersion": "v3", "version": "1.0.0.0",
			"catalog_metadata": obj{"name": ss.name, "description": "", "category": "CloudServices", "bindable": false, "updatable": ""},
			"tags":             []any{},
			"actions": []any{obj{"type": "provision", "name": actProvision, "input_parameters": inputs,
				"flow": obj{"templates": []any{obj{ss.name: obj{"id": ss.template, "template_name": ss.name,
					"template_type": "Terraform", "template_provider": "IBM", "version": "1.4", "cloud_connection_name": "ibmcloud-eu",
					"template_params": params}}}, "resthooks": []any{},
					"sequence": obj{"0": ss.template}}}},
			"plans": []any{obj{"name": "Standard", "actions": []any{}, "plan_parameters": []any{}}}}
		m := &manifest{id: ss.manifestID, version: "1.0.0.0", tagID: ss.manifestID[:22] + "ff", author: ss.author, svc: sv,
			source: src, status: ss.status, planIDs: map[string]string{"Standard": ss.manifestID[:22] + "aa"},
			created: now, updated: now}
		if ss.status != statusDraft {
			m.published = now
		}
		s.manifests[m.id] = m
		sv.versions = []*manifest{m}
		s.services = append(s.services, sv)
		for _, si := range ss.instances {
			in := &instance{id: si.id, instanceID: si.id[:8] + "-0000-4000-8000-" + si.id[12:24], name: si.name,
				tenant: s.data.tenant, ns: ss.ns, org: s.data.team, owner: ss.author, svc: sv, manifest: m,
				plan: "Standard", planID: m.planIDs["Standard"], status: si.status, params: clone(values).(obj),
				tagsInput: []any{}, resource: obj{"templateParameters": []any{}, "specifications": []any{}},
				ownership: obj{"username": ss.author, "orgGuid": s.data.team, "spaceGuid": ss.ns, "tenantId": s.data.tenant},
				stackID:   si.id[:22] + "5c", created: now, updated: now, processed: now}
			if si.status == statusActive {
				in.active = now
			}
			in.runs = []*run{{id: si.id[:22] + "7e", kind: actProvision, status: si.status, params: clone(values).(obj),
				fail: si.status == statusError, ordered: now, processed: now, active: in.active, updated: now}}
			s.instances = append(s.instances, in)
		}
	}
}

// Fixtures gives the values, in the data set served, of the fixture
// variables of specs/cam/harness.yaml that no documented operation returns.
func (s *Simulator) Fixtures() map[string]string {
	return map[string]string{
		"tenant":           s.data.tenant,
		"org_guid":         s.data.team,
		"space_guid":       s.data.namespaces[0],
		"other_space_guid": s.data.namespaces[1],
	}
}

// SeedValues lists the identifying values of the data set served: its
// tenant, team and namespaces, and the ids and names of its icons, services,
// versions, templates and instances. "all", the team of the document's
// examples, is a word of the document and is not listed.
func (s *Simulator) SeedValues() []string {
	d := s.data
	out := []string{d.tenant}
	if d.team != defaultTeam {
		out = append(out, d.team)
	}
	out = append(out, d.namespaces...)
	for _, ic := range d.icons {
		out = append(out, ic.id, ic.name)
	}
	for _, ss := range d.services {
		out = append(out, ss.id, ss.manifestID, ss.name, ss.template, ss.author)
		for _, si := range ss.instances {
			out = append(out, si.id, si.name)
		}
	}
	seen := map[string]bool{}
	uniq := out[:0]
	for _, v := range out {
		if !seen[v] {
			seen[v] = true
			uniq = append(uniq, v)
		}
	}
	sort.Strings(uniq)
	return uniq
}

// allows tells whether the data set's token may name team and namespace ns
// ("" is the global namespace).
func (d *dataset) allows(team, ns string) error {
	if team != d.team {
		return fmt.Errorf("the token is not valid for team %s", team)
	}
	if ns == "" || d.anyNamespace {
		return nil
	}
	for _, n := range d.namespaces {
		if n == ns {
			return nil
		}
	}
	return fmt.Errorf("team %s has no namespace %s", team, ns)
}

// decorate applies the data set's choices to a record of kind: optional
// fields left out, later fields added.
func (d *dataset) decorate(kind string, rec obj, sparse ...string) obj {
	if d.sparse {
		for _, k := range sparse {
			delete(rec, k)
		}
	}
	for k, v := range d.extra[kind] {
		rec[k] = v
	}
	return rec
}

// ordered returns the indexes 0..n-1 in the data set's list order.
func (d *dataset) ordered(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
		if d.newestFirst {
			idx[i] = n - 1 - i
		}
	}
	return idx
}
