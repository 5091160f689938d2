package cam

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"
)

// Service statuses (DEFECTS.md D-20).
const (
	statusDraft     = "Draft"
	statusPublished = "Published"
	statusRetired   = "Retired"
)

// service is a service: an id shared by its versions. Each version is a
// manifest. The document's versioning (4.1.0.0 "multiple versions for a
// service") gives no call that adds a version; the simulator takes the shape
// the server itself returns: a createService body that carries the
// `service_id` of an existing service (as the save result does, line 294)
// adds a version to it.
type service struct {
	id, tenant, ns, org string
	versions            []*manifest
	// paths are the version change paths handed out, by "from>to" manifest
	// ids, so a path keeps its id across calls.
	paths map[string]*versionPath
}

// manifest is one version of a service: its definition and its status.
type manifest struct {
	id, version, tagID, author string
	svc                        *service
	source                     obj // the `service` object of the definition
	status                     string
	planIDs                    map[string]string
	created, updated           time.Time
	published                  time.Time
}

// versionPath is an upgrade or downgrade path between two versions.
type versionPath struct {
	id, kind string // kind: UPGRADE or DOWNGRADE
	from, to *manifest
}

// action is a stand-alone action (createAction).
type action struct {
	id, tenant, ns string
	doc            obj
	invocations    int
}

// latest is the newest version of a service.
func (sv *service) latest() *manifest { return sv.versions[len(sv.versions)-1] }

// deployable is the version createServiceInstance deploys: the newest
// published one, else the newest draft (drafts can be test-deployed); nil when
// every version is retired.
func (sv *service) deployable() *manifest {
	for i := len(sv.versions) - 1; i >= 0; i-- {
		if sv.versions[i].status == statusPublished {
			return sv.versions[i]
		}
	}
	for i := len(sv.versions) - 1; i >= 0; i-- {
		if sv.versions[i].status == statusDraft {
			return sv.versions[i]
		}
	}
	return nil
}

// visible tells whether a resource of namespace ns is visible to the caller.
// A global resource (ns "") is visible from every namespace. A namespaced one
// is visible when the caller names its namespace, or, when loose, when the
// caller names none (operations whose curl carries no cloudOE_spaceGuid).
func (c caller) visible(ns string, loose bool) bool {
	if ns == "" || c.ns == ns {
		return true
	}
	return loose && !c.hasNS
}

func (s *Simulator) findService(c caller, id string, loose bool) *service {
	for _, sv := range s.services {
		if sv.id == id && sv.tenant == c.tenant && c.visible(sv.ns, loose) {
			return sv
		}
	}
	return nil
}

func (s *Simulator) findManifest(c caller, id string, loose bool) *manifest {
	m := s.manifests[id]
	if m == nil || m.svc.tenant != c.tenant || !c.visible(m.svc.ns, loose) {
		return nil
	}
	return m
}

// definition extracts the `service` object of a ServiceDocument: either
// wrapping of DEFECTS.md D-05.
func definition(doc obj) (obj, error) {
	if src := asObj(doc["service"]); src != nil {
		return src, nil
	}
	if src := asObj(asObj(doc["ServiceEngine_InputFile"])["service"]); src != nil {
		return src, nil
	}
	return nil, errors.New(`expected {"service": {...}} or {"ServiceEngine_InputFile": {"service": {...}}}`)
}

func serviceName(src obj) string { return str(asObj(src["catalog_metadata"])["name"]) }

// templates lists the templates of every action flow of a definition.
func templates(src obj) []obj {
	var out []obj
	for _, a := range asList(src["actions"]) {
		for _, entry := range asList(asObj(asObj(a)["flow"])["templates"]) {
			for _, k := range sortedKeys(asObj(entry)) {
				if t := asObj(asObj(entry)[k]); t != nil {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// provision is the provision action of a definition (nil when it has none).
func provision(src obj) obj {
	for _, a := range asList(src["actions"]) {
		if strings.EqualFold(str(asObj(a)["type"]), "provision") || str(asObj(a)["name"]) == "Provision" {
			return asObj(a)
		}
	}
	return nil
}

// inputParameters are the input parameter definitions of the provision action.
func inputParameters(src obj) []obj {
	var out []obj
	for _, p := range asList(provision(src)["input_parameters"]) {
		if o := asObj(p); o != nil {
			out = append(out, o)
		}
	}
	return out
}

// warnings are the validation warnings of a definition, worded as the
// document's (lines 297-301).
func warnings(src obj) []any {
	out := []any{}
	for _, t := range templates(src) {
		id := str(t["id"])
		if str(t["cloud_connection_name"]) == "" {
			out = append(out, " Template "+id+" does not have cloud connection name.")
		}
		if _, empty := asObj(t["template_params"])[""]; empty {
			out = append(out, "Templates- 'template_params' of type json object should have non-empty keys , template.id : "+id)
		}
	}
	return out
}

func sortedKeys(o obj) []string {
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// newManifest stores a version of sv.
func (s *Simulator) newManifest(sv *service, src obj, author string) *manifest {
	now := s.clock.Tick()
	m := &manifest{id: s.ids.Hex(24), svc: sv, source: clone(src).(obj), status: statusDraft, author: author,
		planIDs: map[string]string{}, created: now, updated: now}
	m.version = str(src["version"])
	if m.version == "" {
		m.version = "1.0.0.0"
	}
	m.tagID = s.ids.Hex(24)
	for _, p := range asList(src["plans"]) {
		if name := str(asObj(p)["name"]); name != "" {
			m.planIDs[name] = s.ids.Hex(24)
		}
	}
	s.manifests[m.id] = m
	return m
}

// sourceJSON is the stored definition as the server returns it: the
// definition with its tagId.
func (m *manifest) sourceJSON() obj {
	src := clone(m.source).(obj)
	src["tagId"] = m.tagID
	return obj{"service": src}
}

// saveResult is the answer of createService and updateService (lines 159-302).
func (s *Simulator) saveResult(m *manifest) obj {
	out := obj{"ServiceEngine_InputFile": m.sourceJSON(), "service_id": m.svc.id, "namespaceId": m.svc.ns,
		"id": m.id, "warning": warnings(m.source)}
	if s.faults.On(FaultMissingRequiredField) {
		delete(out, "service_id")
	}
	return out
}

// manifestJSON is a stored manifest as embedded in a service instance (line 1327).
func (s *Simulator) manifestJSON(m *manifest) obj {
	count := 0
	for _, in := range s.instances {
		if in.manifest == m {
			count++
		}
	}
	src := m.source
	out := obj{"id": m.id, "version": m.version, "ServiceEngine_InputFile": m.sourceJSON(), "service_id": m.svc.id,
		"tenantId": m.svc.tenant, "namespaceId": m.svc.ns, "author": m.author, "specVersion": str(src["specVersion"]),
		"status": m.status, "tags": listOr(src["tags"]), "systemTags": true, "creationTime": stamp(m.created),
		"lastUpdated": stamp(m.updated), "serviceInstanceCount": count, "actions": listOr(src["actions"]),
		"plans": listOr(src["plans"]), "tagId": m.tagID}
	if !m.published.IsZero() {
		out["publishedTime"] = stamp(m.published)
	}
	if s.faults.On(FaultWrongType) {
		out["serviceInstanceCount"] = fmt.Sprint(count)
	}
	return out
}

func listOr(v any) []any {
	if l := asList(v); l != nil {
		return clone(l).([]any)
	}
	return []any{}
}

// summary is a service record of listServices (lines 883-1039), showing the
// newest version.
func (s *Simulator) summary(sv *service) obj {
	m := sv.latest()
	src := m.source
	meta := asObj(src["catalog_metadata"])
	plans := obj{}
	for name, id := range m.planIDs {
		plans[name] = id
	}
	mapping := obj{}
	for _, t := range templates(src) {
		mapping[str(t["id"])] = str(t["template_name"])
	}
	params := []any{}
	for _, p := range inputParameters(src) {
		params = append(params, clone(p))
	}
	published := ""
	if !m.published.IsZero() {
		published = stamp(m.published)
	}
	created := jsDate(m.created)
	if s.data.otherForms {
		created = stamp(m.created)
	}
	lastUpdated := stamp(m.updated)
	if s.faults.On(FaultBadTimeFormat) {
		lastUpdated = jsDate(m.updated)
	}
	return s.data.decorate(recordService, obj{"id": sv.id, "name": serviceName(src), "displayName": serviceName(src), "author": m.author,
		"image": str(meta["image"]), "specVersion": str(src["specVersion"]), "status": m.status, "plans": plans,
		"tags": listOr(src["tags"]), "parameters": params, "serviceManifestId": m.id, "lastUpdated": lastUpdated,
		"published": published, "creationTime": created, "tag": m.tagID, "template_mapping": mapping,
		"orgGuid": sv.org, "spaceGuid": sv.ns, "namespaceId": sv.ns}, "displayName", "image", "tag", "template_mapping")
}

// createService implements POST /ServiceManifest. The namespace is
// cloudOE_spaceGuid; empty or absent is the global namespace (line 17).
func (s *Simulator) createService(w http.ResponseWriter, r *http.Request, c caller) {
	var doc obj
	if err := decodeJSON(r, &doc); err != nil {
		s.badBody(w, err)
		return
	}
	src, err := definition(doc)
	if err != nil {
		s.badBody(w, err)
		return
	}
	if serviceName(src) == "" {
		s.badBody(w, errors.New("service.catalog_metadata.name is required"))
		return
	}
	var sv *service
	if id := str(doc["service_id"]); id != "" {
		if sv = s.findService(c, id, false); sv == nil || sv.ns != c.ns {
			s.notFound(w, "Service", id)
			return
		}
	} else {
		sv = &service{tenant: c.tenant, ns: c.ns, org: c.org, paths: map[string]*versionPath{}}
	}
	m := s.newManifest(sv, src, c.owner())
	if sv.id == "" {
		// The service id follows the manifest id, as in the document (lines 294, 296).
		sv.id = s.ids.Hex(24)
		s.services = append(s.services, sv)
	}
	sv.versions = append(sv.versions, m)
	s.ok(w, s.saveResult(m), http.StatusCreated)
}

// updateService implements PUT /ServiceManifest/{serviceManifestId}. Only a
// draft can be edited (line 855); the document names no error for the
// refusal, the contract answers 400 (DEFECTS.md D-41).
func (s *Simulator) updateService(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceManifestId")
	m := s.findManifest(c, id, false)
	if m == nil {
		s.notFound(w, "ServiceManifest", id)
		return
	}
	var doc obj
	if err := decodeJSON(r, &doc); err != nil {
		s.badBody(w, err)
		return
	}
	src, err := definition(doc)
	if err != nil {
		s.badBody(w, err)
		return
	}
	if m.status != statusDraft {
		s.fail(w, http.StatusBadRequest, "SERVICE_NOT_EDITABLE", "You cannot edit a "+m.status+" service: only a Draft can be edited; retire it or create a new version")
		return
	}
	m.source = clone(src).(obj)
	if v := str(src["version"]); v != "" {
		m.version = v
	}
	for _, p := range asList(src["plans"]) {
		if name := str(asObj(p)["name"]); name != "" && m.planIDs[name] == "" {
			m.planIDs[name] = s.ids.Hex(24)
		}
	}
	m.updated = s.clock.Tick()
	s.ok(w, s.saveResult(m), http.StatusCreated)
}

// publishService implements PUT /Service/{serviceId} {"status": "Published"}:
// every draft version of the service is published.
func (s *Simulator) publishService(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceId")
	sv := s.findService(c, id, false)
	if sv == nil {
		s.notFound(w, "Service", id)
		return
	}
	var req struct {
		Status string `json:"status"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	if req.Status != statusPublished {
		s.badBody(w, fmt.Errorf("status must be %q, got %q", statusPublished, req.Status))
		return
	}
	now := s.clock.Tick()
	for _, m := range sv.versions {
		if m.status == statusDraft {
			m.status, m.published, m.updated = statusPublished, now, now
		}
	}
	s.json(w, http.StatusOK, s.summary(sv))
}

// serviceIDBody reads {"serviceID": ...} (retire, unretire).
func serviceIDBody(r *http.Request) (string, error) {
	var req struct {
		ServiceID string `json:"serviceID"`
	}
	if err := decodeJSON(r, &req); err != nil {
		return "", err
	}
	if req.ServiceID == "" {
		return "", errors.New("serviceID is required")
	}
	return req.ServiceID, nil
}

// retireService implements POST /Service/retireService: published and draft
// versions alike are retired (line 859).
func (s *Simulator) retireService(w http.ResponseWriter, r *http.Request, c caller) {
	id, err := serviceIDBody(r)
	if err != nil {
		s.badBody(w, err)
		return
	}
	sv := s.findService(c, id, true)
	if sv == nil {
		s.notFound(w, "Service", id)
		return
	}
	now := s.clock.Tick()
	for _, m := range sv.versions {
		m.status, m.updated = statusRetired, now
	}
	s.json(w, http.StatusOK, s.summary(sv))
}

// unretireService implements POST /ServiceManifest/{serviceId}/unretire: the
// retired versions go back to Published (line 870). The path names the
// service (DEFECTS.md D-11); the body's serviceID must be the same.
func (s *Simulator) unretireService(w http.ResponseWriter, r *http.Request, c caller) {
	id := r.PathValue("serviceId")
	bodyID, err := serviceIDBody(r)
	if err != nil {
		s.badBody(w, err)
		return
	}
	sv := s.findService(c, id, true)
	if sv == nil || bodyID != id {
		s.notFound(w, "Service", id)
		return
	}
	now := s.clock.Tick()
	for _, m := range sv.versions {
		if m.status == statusRetired {
			m.status, m.updated = statusPublished, now
			if m.published.IsZero() {
				m.published = now
			}
		}
	}
	s.json(w, http.StatusOK, s.summary(sv))
}

// listServices implements GET /service: the services of the namespace given
// in cloudOE_spaceGuid and the global ones; without a namespace, the global
// ones only (line 879).
func (s *Simulator) listServices(w http.ResponseWriter, _ *http.Request, c caller) {
	out := []any{}
	for _, i := range s.data.ordered(len(s.services)) {
		if sv := s.services[i]; sv.tenant == c.tenant && (sv.ns == "" || sv.ns == c.ns) {
			out = append(out, s.summary(sv))
		}
	}
	s.json(w, http.StatusOK, out)
}

// createAction implements POST /Actions/createAction.
func (s *Simulator) createAction(w http.ResponseWriter, r *http.Request, c caller) {
	var doc obj
	if err := decodeJSON(r, &doc); err != nil {
		s.badBody(w, err)
		return
	}
	if str(doc["name"]) == "" {
		s.badBody(w, errors.New("name is required"))
		return
	}
	a := &action{id: s.ids.Hex(24), tenant: c.tenant, ns: c.ns, doc: clone(doc).(obj)}
	s.actions[a.id] = a
	out := clone(a.doc).(obj)
	out["id"] = a.id
	s.json(w, http.StatusOK, out)
}

// invokeAction implements POST /ActionInstances/invokeAction.
func (s *Simulator) invokeAction(w http.ResponseWriter, r *http.Request, c caller) {
	var req struct {
		ActionData struct {
			ActionID string `json:"action_id"`
			Name     string `json:"name"`
		} `json:"action_data"`
	}
	if err := decodeJSON(r, &req); err != nil {
		s.badBody(w, err)
		return
	}
	a := s.actions[req.ActionData.ActionID]
	if a == nil || a.tenant != c.tenant || !c.visible(a.ns, false) {
		s.notFound(w, "Action", req.ActionData.ActionID)
		return
	}
	a.invocations++
	s.clock.Tick()
	s.json(w, http.StatusOK, obj{"actionInstance": obj{"id": s.ids.Hex(24)}})
}

// encryptServiceData implements POST /Service/encryptServiceData: the
// definition given (or stored under service_id) comes back with the values of
// its secured parameters (secured=true or type password; tags, input and plan
// parameters) encrypted (line 2871). The wrapping of the answer is the
// wrapping of the question; a service_id answers {"service": ...}, the import
// format.
func (s *Simulator) encryptServiceData(w http.ResponseWriter, r *http.Request, c caller) {
	var doc obj
	if err := decodeJSON(r, &doc); err != nil {
		s.badBody(w, err)
		return
	}
	var src obj
	wrapped := false
	if id := str(doc["service_id"]); id != "" && doc["service"] == nil && doc["ServiceEngine_InputFile"] == nil {
		sv := s.findService(c, id, true)
		if sv == nil {
			s.notFound(w, "Service", id)
			return
		}
		src = sv.latest().sourceJSON()["service"].(obj)
	} else {
		d, err := definition(doc)
		if err != nil {
			s.badBody(w, err)
			return
		}
		src, wrapped = clone(d).(obj), doc["ServiceEngine_InputFile"] != nil
	}
	s.encryptDefinition(src)
	if wrapped {
		s.json(w, http.StatusOK, obj{"ServiceEngine_InputFile": obj{"service": src}})
		return
	}
	s.json(w, http.StatusOK, obj{"service": src})
}

// encryptDefinition encrypts, in place, the default values of the secured
// parameters of a definition.
func (s *Simulator) encryptDefinition(src obj) {
	var lists [][]any
	lists = append(lists, asList(src["tags"]))
	for _, a := range asList(src["actions"]) {
		lists = append(lists, asList(asObj(a)["input_parameters"]))
	}
	for _, p := range asList(src["plans"]) {
		lists = append(lists, asList(asObj(p)["plan_parameters"]))
	}
	for _, l := range lists {
		for _, p := range l {
			param := asObj(p)
			if param == nil || !(param["secured"] == true || strings.EqualFold(str(param["type"]), "password")) {
				continue
			}
			if v, ok := param["default"].(string); ok && v != "" && !strings.HasPrefix(v, encryptedPrefix) {
				param["default"] = encrypt(v)
			}
		}
	}
}

// encryptedPrefix marks an encrypted value.
const encryptedPrefix = "{AES256}"

// encrypt stands for the server's encryption: deterministic and one-way.
func encrypt(v string) string {
	sum := sha256.Sum256([]byte("cam-sim-key:" + v))
	return encryptedPrefix + base64.StdEncoding.EncodeToString(sum[:])
}
