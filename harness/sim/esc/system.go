package esc

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// This file serves groups 09 (configuration parameters), 11 (operation
// mode), 13-14 (VIM connectors and users), 15 (system states), 16 (file
// servers), 17 (dynamic mappings) and SSL management.

// ---- 09 Configuration parameters ----

// configNamePattern is what a category or key may look like; anything else
// is the documented 400 "Invalid key or category name provided".
var configNamePattern = regexp.MustCompile(`^[A-Za-z0-9_.-]{1,64}$`)

type configList struct {
	XMLName xml.Name         `xml:"escconfigparameters"`
	Params  []configParamXML `xml:"escconfigparameter"`
}

// xml renders a parameter as the document's example does (lines 2052-2058):
// the value element declares xsi and xs and carries an xsi:type.
func (c *configParam) xml() configParamXML {
	xsType := "xs:string"
	if c.typ == "INT" {
		xsType = "xs:int"
	}
	return configParamXML{Category: c.category, Key: c.key, Type: c.typ, Value: configValue{Attrs: []xml.Attr{
		{Name: xml.Name{Local: "xmlns:xsi"}, Value: nsXSI},
		{Name: xml.Name{Local: "xmlns:xs"}, Value: nsXS},
		{Name: xml.Name{Local: "xsi:type"}, Value: xsType},
	}, Text: c.value}}
}

func (c *configParam) json() configParamJSON {
	out := configParamJSON{Category: c.category, Key: c.key, Type: c.typ, Value: c.value}
	if n, err := strconv.Atoi(c.value); err == nil && c.typ == "INT" {
		out.Value = n
	}
	return out
}

func (s *Simulator) writeConfig(w http.ResponseWriter, r *http.Request, c *configParam) {
	if wantsJSON(r) {
		s.write(w, r, http.StatusOK, c.json(), true)
		return
	}
	s.write(w, r, http.StatusOK, c.xml(), false)
}

func (s *Simulator) listConfig(w http.ResponseWriter, r *http.Request) {
	list := configList{Params: []configParamXML{}}
	for _, c := range s.st.config.values() {
		list.Params = append(list.Params, c.xml())
	}
	s.write(w, r, http.StatusOK, list, false)
}

// configNames reads and upper-cases category (and key): the document's
// example sets log/level and answers LOG/LEVEL (D46).
func (s *Simulator) configNames(w http.ResponseWriter, r *http.Request, names ...string) ([]string, bool) {
	out := make([]string, len(names))
	for i, n := range names {
		v := r.PathValue(n)
		if !configNamePattern.MatchString(v) {
			s.fail(w, http.StatusBadRequest, "Invalid key or category name provided", v)
			return nil, false
		}
		out[i] = strings.ToUpper(v)
	}
	return out, true
}

func (s *Simulator) listConfigCategory(w http.ResponseWriter, r *http.Request) {
	names, ok := s.configNames(w, r, "category")
	if !ok {
		return
	}
	list := configList{Params: []configParamXML{}}
	for _, c := range s.st.config.values() {
		if c.category == names[0] {
			list.Params = append(list.Params, c.xml())
		}
	}
	if len(list.Params) == 0 {
		s.fail(w, http.StatusNotFound, "Category not found", names[0])
		return
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) getConfig(w http.ResponseWriter, r *http.Request) {
	names, ok := s.configNames(w, r, "category", "key")
	if !ok {
		return
	}
	c, ok := s.st.config.get(names[0] + "/" + names[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Key or category not found", names[0]+"/"+names[1])
		return
	}
	s.writeConfig(w, r, c)
}

// createConfig adds a key (type STRING) with the body as its value. Only 200
// is documented (D42), so an existing key has its value replaced and no name
// is refused.
func (s *Simulator) createConfig(w http.ResponseWriter, r *http.Request) {
	cat, key := strings.ToUpper(r.PathValue("category")), strings.ToUpper(r.PathValue("key"))
	value := ""
	if b, err := readBody(r); err == nil {
		value = strings.TrimSpace(string(b))
	}
	c, ok := s.st.config.get(cat + "/" + key)
	if !ok {
		c = &configParam{category: cat, key: key, typ: "STRING", def: value}
		s.st.config.put(cat+"/"+key, c)
	}
	c.value = value
	s.writeConfig(w, r, c)
}

func (s *Simulator) updateConfig(w http.ResponseWriter, r *http.Request) {
	names, ok := s.configNames(w, r, "category", "key")
	if !ok {
		return
	}
	c, ok := s.st.config.get(names[0] + "/" + names[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Associated resource not found", names[0]+"/"+names[1])
		return
	}
	value := r.PathValue("value")
	switch {
	case c.typ == "INT":
		if n, err := strconv.Atoi(value); err != nil || n < 0 {
			s.fail(w, http.StatusBadRequest, "Invalid request", fmt.Sprintf("%s/%s takes a non-negative integer", c.category, c.key))
			return
		}
	case len(c.options) > 0:
		canon := ""
		for _, o := range c.options {
			if strings.EqualFold(o, value) {
				canon = o
			}
		}
		if canon == "" {
			s.fail(w, http.StatusBadRequest, "Invalid request", fmt.Sprintf("%s/%s takes one of %s", c.category, c.key, strings.Join(c.options, ", ")))
			return
		}
		value = canon
	}
	c.value = value
	s.writeConfig(w, r, c)
}

// ---- 11 Operation mode ----

// Operation modes of ESC; the document shows only MAINTENANCE (D47).
var opModes = []string{"OPERATION", "MAINTENANCE"}

func (s *Simulator) getOperationMode(w http.ResponseWriter, r *http.Request) {
	s.write(w, r, http.StatusOK, operationMode{Message: "ESC is in " + s.st.opMode + " mode", Mode: s.st.opMode}, true)
}

// setOperationMode documents only 200: an unknown mode leaves the mode
// unchanged and says so in message.
func (s *Simulator) setOperationMode(w http.ResponseWriter, r *http.Request) {
	want := strings.ToUpper(r.PathValue("escOpMode"))
	msg := "Invalid operation mode " + r.PathValue("escOpMode") + ": mode unchanged"
	for _, m := range opModes {
		if m == want {
			s.st.opMode = m
			msg = "Operation mode successfully set to " + m
		}
	}
	s.write(w, r, http.StatusOK, operationMode{Message: msg, Mode: s.st.opMode}, true)
}

// ---- 13 VIM connectors ----

// maskProps hides secret property values (passwords) behind an
// encrypted_value, as ESC stores them; the digest stands in for ESC's
// encryption and is deterministic.
func maskProps(p *properties) *properties {
	if p == nil {
		return nil
	}
	out := &properties{Property: make([]property, len(p.Property))}
	for i, pr := range p.Property {
		if sim.IsSecretName(pr.Name) && pr.Value != "" {
			sum := sha256.Sum256([]byte(pr.Value))
			pr.EncryptedValue, pr.Value = base64.StdEncoding.EncodeToString(sum[:]), ""
		}
		out.Property[i] = pr
	}
	return out
}

func vimOut(v *vimConnector) vimConnector {
	return withName(*v, func(x *vimConnector) {
		x.XMLName = named("", "vim_connector")
		x.Properties = maskProps(x.Properties)
	})
}

// validVimRef is the rule for VIM connector and user ids, which the
// document leaves open (D11): non-empty, no slash.
func validVimRef(id string) bool {
	return id != "" && !strings.ContainsAny(id, "/") && validName(id, maxName)
}

func (s *Simulator) listVims(w http.ResponseWriter, r *http.Request) {
	list := vimConnectorList{Vims: []vimConnector{}}
	for _, v := range s.st.vims.values() {
		list.Vims = append(list.Vims, vimOut(&v.v))
	}
	if wantsJSON(r) {
		s.write(w, r, http.StatusOK, list.Vims, true)
		return
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) getVim(w http.ResponseWriter, r *http.Request) {
	v, ok := s.st.vims.get(r.PathValue("vim_id"))
	if !ok {
		s.fail(w, http.StatusNotFound, "VIM Id not found", r.PathValue("vim_id"))
		return
	}
	s.write(w, r, http.StatusOK, vimOut(&v.v), true)
}

func (s *Simulator) createVim(w http.ResponseWriter, r *http.Request) {
	var body vimConnector
	if err := decodeBody(r, &body, "vim_connector", true); err != nil {
		s.badBody(w, err)
		return
	}
	switch _, exists := s.st.vims.get(body.ID); {
	case !validVimRef(body.ID):
		s.fail(w, http.StatusBadRequest, "Invalid Request", "the VIM connector id is required")
		return
	case exists:
		// No 409 is documented for VIM connectors.
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM connector %q already exists", body.ID))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	v := &vimRec{v: vimConnector{ID: body.ID, Type: body.Type, Properties: body.Properties}}
	if v.v.Type == "" {
		v.v.Type = "OPENSTACK"
	}
	s.st.vims.put(body.ID, v)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(vimOut(&v.v), func(x *vimConnector) { x.EventType = "CREATE_VIM_CONNECTOR" }), kindResourceBody, 200, "VIM Connector successfully created", true)
}

func (s *Simulator) updateVim(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("vim_id")
	var body vimConnector
	if err := decodeBody(r, &body, "vim_connector", true); err != nil {
		s.badBody(w, err)
		return
	}
	v, ok := s.st.vims.get(id)
	switch {
	case !ok:
		// PUT documents no 404.
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM connector %q not found", id))
		return
	case body.ID != "" && body.ID != id:
		s.fail(w, http.StatusBadRequest, "Invalid Request", "the body's id differs from the path's")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	if body.Type != "" {
		v.v.Type = body.Type
	}
	if body.Properties != nil {
		v.v.Properties = body.Properties
	}
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(vimOut(&v.v), func(x *vimConnector) { x.EventType = "UPDATE_VIM_CONNECTOR" }), kindResourceBody, 200, "VIM Connector successfully updated", true)
}

func (s *Simulator) deleteVim(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("vim_id")
	v, ok := s.st.vims.get(id)
	if !ok {
		s.fail(w, http.StatusNotFound, "VIM Id not found", id)
		return
	}
	if v.users.len() > 0 {
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM connector %q still has VIM users", id))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.vims.del(id)
	if s.st.defaultVim == id {
		s.st.defaultVim = ""
	}
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(vimOut(&v.v), func(x *vimConnector) { x.EventType = "DELETE_VIM_CONNECTOR" }), kindResourceBody, 200, "VIM Connector successfully deleted", true)
}

type vimStatus struct {
	XMLName xml.Name `xml:"vim_connector_status"`
	ID      string   `xml:"id"`
	Status  string   `xml:"status"`
}

// checkVimStatus is synchronous (D51); the simulated VIMs are always
// reachable.
func (s *Simulator) checkVimStatus(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("vim_id")
	if _, ok := s.st.vims.get(id); !ok {
		s.fail(w, http.StatusNotFound, "Not Found", id)
		return
	}
	s.write(w, r, http.StatusOK, vimStatus{ID: id, Status: "CONNECTION_SUCCESSFUL"}, false)
}

func (s *Simulator) getDefaultVim(w http.ResponseWriter, r *http.Request) {
	s.write(w, r, http.StatusOK, defaultVim{XMLName: named("", "default_vim_connector"), DefaultVimConnectorID: s.st.defaultVim}, true)
}

func (s *Simulator) createDefaultVim(w http.ResponseWriter, r *http.Request) {
	var body defaultVim
	if err := decodeBody(r, &body, "default_vim_connector", true); err != nil {
		s.badBody(w, err)
		return
	}
	if _, ok := s.st.vims.get(body.DefaultVimConnectorID); !ok {
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM connector %q not found", body.DefaultVimConnectorID))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.defaultVim = body.DefaultVimConnectorID
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(defaultVim{XMLName: named("", "default_vim_connector"), DefaultVimConnectorID: s.st.defaultVim, EventType: "CREATE_DEFAULT_VIM_CONNECTOR"},
		kindResourceBody, 200, "Default VIM Connector successfully created", true)
}

// ---- 14 VIM users ----

type vimUserList struct {
	XMLName xml.Name  `xml:"vim_users"`
	Users   []vimUser `xml:"vim_user"`
}

func vimUserOut(u *vimUser) vimUser {
	return withName(*u, func(x *vimUser) {
		x.XMLName = named("", "vim_user")
		if x.Credentials != nil {
			c := *x.Credentials
			c.Properties = maskProps(c.Properties)
			x.Credentials = &c
		}
	})
}

func (s *Simulator) listVimUsers(w http.ResponseWriter, r *http.Request) {
	v, ok := s.st.vims.get(r.PathValue("vim_id"))
	if !ok {
		s.fail(w, http.StatusNotFound, "Unknown VIM Id provided", r.PathValue("vim_id"))
		return
	}
	list := vimUserList{Users: []vimUser{}}
	for _, u := range v.users.values() {
		list.Users = append(list.Users, vimUserOut(&u))
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) getVimUser(w http.ResponseWriter, r *http.Request) {
	v, ok := s.st.vims.get(r.PathValue("vim_id"))
	var u vimUser
	if ok {
		u, ok = v.users.get(r.PathValue("vim_user_id"))
	}
	if !ok {
		s.fail(w, http.StatusNotFound, "VIM User Id not found", r.PathValue("vim_id")+"/"+r.PathValue("vim_user_id"))
		return
	}
	s.write(w, r, http.StatusOK, vimUserOut(&u), true)
}

func (s *Simulator) createVimUser(w http.ResponseWriter, r *http.Request) {
	vimID := r.PathValue("vim_id")
	var body vimUser
	if err := decodeBody(r, &body, "vim_user", true); err != nil {
		s.badBody(w, err)
		return
	}
	v, ok := s.st.vims.get(vimID)
	var exists bool
	if ok {
		_, exists = v.users.get(body.ID)
	}
	switch {
	case !ok:
		// POST documents no 404.
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM connector %q not found", vimID))
		return
	case !validVimRef(body.ID):
		s.fail(w, http.StatusBadRequest, "Invalid Request", "the VIM user id is required")
		return
	case body.VimID != "" && body.VimID != vimID:
		s.fail(w, http.StatusBadRequest, "Invalid Request", "the body's vim_id differs from the path's")
		return
	case exists:
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM user %q already exists", body.ID))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	u := vimUser{Credentials: body.Credentials, ID: body.ID, VimID: vimID}
	v.users.put(u.ID, u)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(vimUserOut(&u), func(x *vimUser) { x.EventType = "CREATE_VIM_USER" }), kindResourceBody, 200, "VIM User successfully created", true)
}

func (s *Simulator) updateVimUser(w http.ResponseWriter, r *http.Request) {
	vimID, userID := r.PathValue("vim_id"), r.PathValue("vim_user_id")
	var body vimUser
	if err := decodeBody(r, &body, "vim_user", true); err != nil {
		s.badBody(w, err)
		return
	}
	v, ok := s.st.vims.get(vimID)
	var u vimUser
	if ok {
		u, ok = v.users.get(userID)
	}
	if !ok {
		// PUT documents no 404.
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("VIM user %q not found under %q", userID, vimID))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	if body.Credentials != nil {
		u.Credentials = body.Credentials
	}
	v.users.put(userID, u)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(vimUserOut(&u), func(x *vimUser) { x.EventType = "UPDATE_VIM_USER" }), kindResourceBody, 200, "VIM User successfully updated", true)
}

func (s *Simulator) deleteVimUser(w http.ResponseWriter, r *http.Request) {
	vimID, userID := r.PathValue("vim_id"), r.PathValue("vim_user_id")
	v, ok := s.st.vims.get(vimID)
	var u vimUser
	if ok {
		u, ok = v.users.get(userID)
	}
	if !ok {
		s.fail(w, http.StatusNotFound, "VIM User Id not found", vimID+"/"+userID)
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	v.users.del(userID)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(vimUserOut(&u), func(x *vimUser) { x.EventType = "DELETE_VIM_USER" }), kindResourceBody, 200, "VIM User successfully deleted", true)
}

// ---- 15 System states ----

type systemStateXML struct {
	XMLName xml.Name `xml:"system_state"`
	Name    string   `xml:"name"`
	State   string   `xml:"state"`
}

func (s *Simulator) systemState(w http.ResponseWriter, r *http.Request) (*systemState, bool) {
	st, ok := s.st.states.get(r.PathValue("name"))
	if !ok {
		s.fail(w, http.StatusNotFound, "Name not found.", r.PathValue("name"))
	}
	return st, ok
}

func (s *Simulator) getSystemState(w http.ResponseWriter, r *http.Request) {
	if st, ok := s.systemState(w, r); ok {
		s.write(w, r, http.StatusOK, systemStateXML{Name: st.name, State: st.value}, false)
	}
}

func (s *Simulator) resetSystemState(w http.ResponseWriter, r *http.Request) {
	if st, ok := s.systemState(w, r); ok {
		st.value = st.def
		s.write(w, r, http.StatusOK, systemStateXML{Name: st.name, State: st.value}, false)
	}
}

// ---- 16 File servers ----

// File servers are stored as the XML the client sent (the document types
// the body only as "string", D41); GET answers it back and notifications
// carry it.

type fileServerList struct {
	XMLName xml.Name `xml:"fileservers"`
	Servers []node
}

func (s *Simulator) listFileServers(w http.ResponseWriter, r *http.Request) {
	list := fileServerList{Servers: []node{}}
	for _, n := range s.st.fileServers.values() {
		list.Servers = append(list.Servers, n.clone())
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) getFileServer(w http.ResponseWriter, r *http.Request) {
	n, ok := s.st.fileServers.get(r.PathValue("internalServerId"))
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", r.PathValue("internalServerId"))
		return
	}
	s.write(w, r, http.StatusOK, n.clone(), false)
}

// readDocument reads an XML body with any root element.
func readDocument(r *http.Request) (*node, error) {
	b, err := readBody(r)
	if err != nil {
		return nil, err
	}
	n, err := parseXML(b)
	if err != nil {
		return nil, fmt.Errorf("invalid XML: %v", err)
	}
	return n, nil
}

func (s *Simulator) createFileServer(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("internalServerId")
	if !validID(id) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", badID("internalServerId", id))
		return
	}
	n, err := readDocument(r)
	if err != nil {
		s.badBody(w, err)
		return
	}
	if _, exists := s.st.fileServers.get(id); exists {
		s.fail(w, http.StatusConflict, "Conflicting Request", fmt.Sprintf("file server %q already exists", id))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.fileServers.put(id, n)
	tx := s.accept(w, r, s.data.acceptedWrite, cb, ev)
	tx.notify(n.clone(), kindDocumentBody, 200, "File server successfully created", true)
}

func (s *Simulator) updateFileServer(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("internalServerId")
	n, err := readDocument(r)
	if err != nil {
		s.badBody(w, err)
		return
	}
	if _, exists := s.st.fileServers.get(id); !exists {
		s.fail(w, http.StatusNotFound, "Not Found", id)
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.fileServers.put(id, n)
	tx := s.accept(w, r, s.data.acceptedWrite, cb, ev)
	tx.notify(n.clone(), kindDocumentBody, 200, "File server successfully updated", true)
}

func (s *Simulator) deleteFileServer(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("internalServerId")
	n, ok := s.st.fileServers.get(id)
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", id)
		return
	}
	cb, ev, _ := s.hookHeaders(w, r, callbackOptional, false)
	s.st.fileServers.del(id)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(n.clone(), kindDocumentBody, 200, "File server successfully deleted", true)
}

// ---- 17 Dynamic mappings ----

// mappingKind is actions or metrics: the same five operations each.
type mappingKind struct {
	elem, wrapper, label string
	table                func(*state) *table[*mapping]
	inUse                func(*deployment) []string
}

var (
	kindAction = mappingKind{elem: "action", wrapper: "actions", label: "Action",
		table: func(st *state) *table[*mapping] { return &st.actions },
		inUse: func(d *deployment) []string { return d.ruleActions }}
	kindMetric = mappingKind{elem: "metric", wrapper: "metrics", label: "Metric",
		table: func(st *state) *table[*mapping] { return &st.metrics },
		inUse: func(d *deployment) []string { return d.metrics }}
)

// validMappingName refuses names with control characters, surrounding
// blanks or more than 255 characters ("Invalid action name provided").
func validMappingName(name string) bool {
	if !validName(name, maxName) || strings.TrimSpace(name) != name {
		return false
	}
	for _, c := range name {
		if unicode.IsControl(c) {
			return false
		}
	}
	return true
}

func (s *Simulator) listMappings(k mappingKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		list := elx(k.wrapper)
		for _, m := range k.table(s.st).values() {
			list.Nodes = append(list.Nodes, m.body.clone())
		}
		s.write(w, r, http.StatusOK, list, false)
	}
}

func (s *Simulator) getMapping(k mappingKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		m, ok := s.mapping(w, r, k)
		if ok {
			s.write(w, r, http.StatusOK, m.body.clone(), false)
		}
	}
}

func (s *Simulator) mapping(w http.ResponseWriter, r *http.Request, k mappingKind) (*mapping, bool) {
	name := r.PathValue(k.elem + "_name")
	if !validMappingName(name) {
		s.fail(w, http.StatusBadRequest, "Invalid "+k.elem+" name provided", name)
		return nil, false
	}
	m, ok := k.table(s.st).get(name)
	if !ok {
		s.fail(w, http.StatusNotFound, fmt.Sprintf("%s [%s] not found.", k.label, name), "")
	}
	return m, ok
}

// createMappings reads <actions><action>...</action></actions> (or
// <metrics>, a bare <action>/<metric>, or either inside
// <dynamic_mappings>); every definition needs a name and a new one.
func (s *Simulator) createMappings(k mappingKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n, err := readDocument(r)
		if err != nil {
			s.fail(w, http.StatusBadRequest, "Exception Message", err.Error())
			return
		}
		var defs []*node
		switch n.XMLName.Local {
		case k.elem:
			defs = []*node{n}
		case k.wrapper:
			defs = n.children(k.elem)
		case "dynamic_mappings":
			defs = n.path(k.wrapper).children(k.elem)
		}
		if len(defs) == 0 {
			s.fail(w, http.StatusBadRequest, "No "+k.elem+" definition found.", "")
			return
		}
		t := k.table(s.st)
		seen := map[string]bool{}
		for _, d := range defs {
			name := d.text("name")
			if !validMappingName(name) {
				s.fail(w, http.StatusBadRequest, "Exception Message", fmt.Sprintf("every %s needs a valid name (got %q)", k.elem, name))
				return
			}
			if _, exists := t.get(name); exists || seen[name] {
				s.fail(w, http.StatusConflict, fmt.Sprintf("%s [%s] already exists.", k.label, name), "")
				return
			}
			seen[name] = true
		}
		out := elx(k.wrapper)
		for _, d := range defs {
			m := &mapping{name: d.text("name"), typ: d.text("type"), body: d.clone()}
			m.body.XMLName.Local = k.elem
			t.put(m.name, m)
			out.Nodes = append(out.Nodes, m.body.clone())
		}
		s.write(w, r, http.StatusOK, out, false)
	}
}

func (s *Simulator) deleteNonCoreMappings(k mappingKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		t := k.table(s.st)
		out := elx(k.wrapper)
		for _, m := range t.values() {
			if !m.core {
				t.del(m.name)
				out.Nodes = append(out.Nodes, m.body.clone())
			}
		}
		s.write(w, r, http.StatusOK, out, false)
	}
}

func (s *Simulator) deleteMapping(k mappingKind) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		m, ok := s.mapping(w, r, k)
		if !ok {
			return
		}
		if m.core {
			s.fail(w, http.StatusBadRequest, fmt.Sprintf("%s [%s] is a CORE %s, cannot delete.", k.label, m.name, k.elem), "")
			return
		}
		for _, d := range s.st.deployments.values() {
			for _, used := range k.inUse(d) {
				if used == m.name {
					s.fail(w, http.StatusBadRequest, fmt.Sprintf("%s [%s] is currently referenced in a deployment, cannot delete.", k.label, m.name), d.id)
					return
				}
			}
		}
		k.table(s.st).del(m.name)
		s.write(w, r, http.StatusOK, m.body.clone(), false)
	}
}

// ---- SSL management ----

// reloadTruststore always succeeds: the simulator has no truststore.
func (s *Simulator) reloadTruststore(w http.ResponseWriter, _ *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}
