package ukcloud

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// buildKind is one of the three self-service build kinds.
type buildKind struct {
	typ      string // JSON:API type of the build
	location string // path prefix of the single-build operation
	seq      string // id sequence name
}

var (
	kindVorg = buildKind{typ: "Vorg-build", location: "/api/vorg-builds/", seq: "vorg-build"}
	kindVDC  = buildKind{typ: "VDC-build", location: "/api/vdc-builds/", seq: "vdc-build"}
	kindEdge = buildKind{typ: "EdgeGateway-build", location: "/api/edge-gateway-builds/", seq: "edge-build"}
)

// Build states, in the order a build moves through them. "failed" is
// documented but never produced: the simulator's builds always succeed.
const (
	stateApproved  = "approved"
	stateRunning   = "running"
	stateCompleted = "completed"
)

type build struct {
	kind      buildKind
	id        int
	accountID int
	createdAt time.Time
	createdBy string
	state     string

	serviceName string // vOrg builds: requested name; VDC builds: the vOrg's name
	zoneID      string
	vdcName     string
	vmType      string
	vorgID      int
	vdcURN      string
	connType    string
}

func seedBuilds(start time.Time) []*build {
	month := start.AddDate(0, -1, 0)
	return []*build{
		{kind: kindVorg, id: BuildVorgOther, accountID: AccountOther, createdAt: month, createdBy: "someone@other.example", state: stateCompleted,
			serviceName: "Other vCloud", zoneID: "B"},
		{kind: kindVorg, id: BuildVorgDemo, accountID: AccountDemo, createdAt: month.Add(time.Hour), createdBy: DefaultUsername, state: stateCompleted,
			serviceName: "UKCloud Demo vCloud", zoneID: "B", vorgID: VorgDemo},
		{kind: kindVDC, id: BuildVDCDemo, accountID: AccountDemo, createdAt: month.Add(2 * time.Hour), createdBy: DefaultUsername, state: stateCompleted,
			serviceName: "UKCloud Demo vCloud", vdcName: "UKCloud (IL0-PROD-POWER)", vmType: "POWER", vorgID: VorgDemo},
		{kind: kindEdge, id: BuildEdgeDemo, accountID: AccountDemo, createdAt: month.Add(3 * time.Hour), createdBy: DefaultUsername, state: stateCompleted,
			vorgID: VorgDemo, vdcURN: VDCDemoBasic, connType: "Internet"},
	}
}

// buildAttrs holds the attributes of all three kinds; each kind fills its
// own, the others stay empty and are omitted.
type buildAttrs struct {
	CreatedAt   string  `json:"createdAt"`
	CreatedBy   string  `json:"createdBy"`
	State       string  `json:"state,omitempty"`
	ServiceName *string `json:"serviceName,omitempty"`
	ZoneID      string  `json:"zoneId,omitempty"`
	VDCName     string  `json:"vdcName,omitempty"`
	VMType      string  `json:"vmType,omitempty"`
}

// buildJSON is one build as the document renders it (JSON:API style). ID is
// a string, or a number under the wrong-type fault.
type buildJSON struct {
	Type       string     `json:"type"`
	ID         any        `json:"id"`
	Attributes buildAttrs `json:"attributes"`
}

// Build timestamps. The bad-date-format fault uses the document's own
// non-ISO style seen elsewhere ("08/07/2016 10:42").
const (
	buildTime    = time.RFC3339
	badBuildTime = "02/01/2006 15:04"
)

func (s *Simulator) renderBuild(b *build) buildJSON {
	layout := buildTime
	if s.faults.On(FaultBadDateFormat) {
		layout = badBuildTime
	}
	out := buildJSON{Type: b.kind.typ, ID: strconv.Itoa(b.id), Attributes: buildAttrs{
		CreatedAt: b.createdAt.In(ukTime).Format(layout), CreatedBy: b.createdBy, State: b.state}}
	if s.faults.On(FaultWrongType) {
		out.ID = b.id
	}
	if s.faults.On(FaultMissingRequiredField) {
		out.Attributes.State = ""
	}
	switch b.kind {
	case kindVorg:
		out.Attributes.ServiceName = &b.serviceName
		out.Attributes.ZoneID = b.zoneID
	case kindVDC:
		out.Attributes.VDCName = b.vdcName
		out.Attributes.VMType = b.vmType
		out.Attributes.ServiceName = &b.serviceName
	}
	return out
}

// accepted answers a build request: 202, Location, the build body. The Location is the path the
// document shows, or in data sets that choose so an absolute URL on the host asked (HTTP allows
// both; DEFECTS.md #78).
func (s *Simulator) accepted(w http.ResponseWriter, r *http.Request, b *build) {
	status := http.StatusAccepted
	if s.faults.On(FaultWrongStatus) {
		status = http.StatusOK
	}
	if !s.faults.On(FaultMissingLocation) {
		loc := b.kind.location + strconv.Itoa(b.id)
		if s.data.absoluteLocation {
			loc = "http://" + r.Host + loc
		}
		w.Header().Set("Location", loc)
	}
	s.json(w, status, map[string]any{"data": s.renderBuild(b)})
}

func (s *Simulator) newBuild(kind buildKind, accountID int, user string) *build {
	b := &build{kind: kind, id: s.ids.Next(kind.seq, s.data.firstID[kind.seq]), accountID: accountID,
		createdAt: s.clock.Tick(), createdBy: user, state: stateApproved}
	s.builds = append(s.builds, b)
	return b
}

// buildRequest is the JSON:API envelope of the three build requests.
type buildRequest struct {
	Data *struct {
		Type       *string `json:"type"`
		Attributes *struct {
			Name             *string `json:"name"`
			ZoneID           *string `json:"zoneId"`
			VMType           *string `json:"vmType"`
			ConnectivityType *string `json:"connectivityType"`
		} `json:"attributes"`
	} `json:"data"`
}

// parseBuildRequest checks the envelope and the type; it answers 400 itself.
func (s *Simulator) parseBuildRequest(w http.ResponseWriter, r *http.Request, wantType string) (*buildRequest, bool) {
	var req buildRequest
	if err := decodeJSON(r, &req); err != nil {
		s.fail(w, http.StatusBadRequest, "Invalid", "The data uploaded does not match the expected schema: "+err.Error())
		return nil, false
	}
	if req.Data == nil || req.Data.Attributes == nil {
		s.fail(w, http.StatusBadRequest, "Invalid", `The data uploaded does not match the expected schema: expected {"data": {"type": "`+wantType+`", "attributes": {...}}}`)
		return nil, false
	}
	if req.Data.Type == nil || *req.Data.Type != wantType {
		s.fail(w, http.StatusBadRequest, "Invalid", "The data uploaded does not match the expected schema: data.type must be "+wantType)
		return nil, false
	}
	return &req, true
}

func invalid(s *Simulator, w http.ResponseWriter, detail string) {
	s.fail(w, http.StatusBadRequest, "Invalid", detail)
}

// vorgZones are the documented zones (Regions 5 and 6).
var vorgZones = map[string]bool{"B": true, "D": true, "F": true, "12": true}

// createVorg implements POST /api/accounts/{account_id}/vorgs: 404 for an
// account the user cannot see, 403 when not an account administrator, 400
// for a body that does not match the schema, 500 for a zone that is not one
// of the documented ones (the document attributes that to the 500), 202 with
// Location and the build otherwise.
func (s *Simulator) createVorg(w http.ResponseWriter, r *http.Request, user string) {
	a, ok := s.findAccount(r)
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", "The user does not have access to the account or the account does not exist")
		return
	}
	if !a.admin {
		s.fail(w, http.StatusForbidden, "Forbidden", "The user is not an administrator for the account")
		return
	}
	req, ok := s.parseBuildRequest(w, r, "Vorg")
	if !ok {
		return
	}
	at := req.Data.Attributes
	if at.Name == nil || strings.TrimSpace(*at.Name) == "" {
		invalid(s, w, "data.attributes.name is required")
		return
	}
	if at.ZoneID == nil || *at.ZoneID == "" {
		invalid(s, w, "data.attributes.zoneId is required")
		return
	}
	if !vorgZones[*at.ZoneID] {
		s.fail(w, http.StatusInternalServerError, "Server error",
			fmt.Sprintf("There was a problem creating the vOrg: zone %q is not valid (valid zones: B, D, F, 12)", *at.ZoneID))
		return
	}
	b := s.newBuild(kindVorg, a.id, user)
	b.serviceName, b.zoneID = *at.Name, *at.ZoneID
	s.accepted(w, r, b)
}

var vmTypes = map[string]bool{"POWER": true, "ESSENTIAL": true, "PRIORITY": true}

// createVDC implements POST /api/accounts/{account_id}/vorgs/{vorg_id}/vdcs.
func (s *Simulator) createVDC(w http.ResponseWriter, r *http.Request, user string) {
	a, v, ok := s.vorgFor(w, r)
	if !ok {
		return
	}
	if !v.admin {
		s.fail(w, http.StatusForbidden, "Forbidden", "The user is not an administrator for the vOrg")
		return
	}
	req, ok := s.parseBuildRequest(w, r, "VDC")
	if !ok {
		return
	}
	at := req.Data.Attributes
	switch {
	case at.Name == nil || strings.TrimSpace(*at.Name) == "":
		invalid(s, w, "data.attributes.name is required")
		return
	case utf8.RuneCountInString(*at.Name) > 32 || strings.Contains(*at.Name, "+"):
		invalid(s, w, "data.attributes.name must be at most 32 characters and must not contain +")
		return
	case at.VMType == nil || !vmTypes[*at.VMType]:
		invalid(s, w, "data.attributes.vmType must be one of POWER, ESSENTIAL, PRIORITY")
		return
	}
	b := s.newBuild(kindVDC, a.id, user)
	b.vorgID, b.vdcName, b.vmType, b.serviceName = v.id, *at.Name, *at.VMType, v.name
	s.accepted(w, r, b)
}

var connectivityTypes = map[string]bool{"Internet": true, "External": true}

// createEdge implements POST .../vdcs/{vdc_urn}/edge-gateways.
func (s *Simulator) createEdge(w http.ResponseWriter, r *http.Request, user string) {
	a, v, ok := s.vorgFor(w, r)
	if !ok {
		return
	}
	d := findVDC(v, r.PathValue("vdc_urn"))
	if d == nil {
		s.fail(w, http.StatusNotFound, "Not found", "The VDC could not be found")
		return
	}
	if !v.admin {
		s.fail(w, http.StatusForbidden, "Forbidden", "The user is not an administrator for the vOrg")
		return
	}
	req, ok := s.parseBuildRequest(w, r, "EdgeGateway")
	if !ok {
		return
	}
	at := req.Data.Attributes
	if at.ConnectivityType == nil || !connectivityTypes[*at.ConnectivityType] {
		invalid(s, w, "data.attributes.connectivityType must be one of Internet, External")
		return
	}
	b := s.newBuild(kindEdge, a.id, user)
	b.vorgID, b.vdcURN, b.connType = v.id, d.urn, *at.ConnectivityType
	s.accepted(w, r, b)
}

// getBuild implements GET /api/{vorg,vdc,edge-gateway}-builds/{build_id}.
// Each poll moves a build one step (approved -> running -> completed); on
// completion the vOrg, VDC or edge gateway appears in its account. A build
// of an account the user cannot see answers 404, as documented.
func (s *Simulator) getBuild(kind buildKind) authedHandler {
	return func(w http.ResponseWriter, r *http.Request, _ string) {
		id, _ := pathInt(r, "build_id")
		for _, b := range s.builds {
			if b.kind != kind || b.id != id || !s.accountVisible(b.accountID) {
				continue
			}
			s.advance(b)
			s.json(w, http.StatusOK, map[string]any{"data": s.renderBuild(b)})
			return
		}
		s.fail(w, http.StatusNotFound, "Not found", "The build could not be found or the user does not have access to the build")
	}
}

func (s *Simulator) accountVisible(id int) bool {
	for _, a := range s.accounts {
		if a.id == id {
			return a.visible
		}
	}
	return false
}

func (s *Simulator) accountByID(id int) *account {
	for _, a := range s.accounts {
		if a.id == id {
			return a
		}
	}
	return nil
}

// advance moves b one state forward unless build-stuck is on.
func (s *Simulator) advance(b *build) {
	if s.faults.On(FaultBuildStuck) {
		return
	}
	switch b.state {
	case stateApproved:
		b.state = stateRunning
	case stateRunning:
		b.state = stateCompleted
		s.complete(b)
	}
}

// complete creates what a build was for.
func (s *Simulator) complete(b *build) {
	a := s.accountByID(b.accountID)
	if a == nil {
		return
	}
	switch b.kind {
	case kindVorg:
		// The document: the user who creates the vOrg is granted full
		// administrative control of it.
		id := s.ids.Next("vorg", s.data.firstID["vorg"])
		svc := fmt.Sprintf("%d-1-%d-%s", a.id, id, s.ids.Hex(6))
		v := &vorg{id: id, name: b.serviceName, serviceID: svc, urn: "urn:vcloud:org:" + s.ids.UUID(), zone: b.zoneID,
			visible: true, admin: true, apiUser: fmt.Sprintf("%d.%d.%s@%s", a.id, id, s.ids.Hex(6), svc), vdcs: []*vdc{}}
		b.vorgID = id
		a.vorgs = append(a.vorgs, v)
	case kindVDC:
		if v := findVorg(a, strconv.Itoa(b.vorgID)); v != nil {
			d := &vdc{urn: "urn:vcloud:vdc:" + s.ids.UUID(), name: b.vdcName, vmType: b.vmType, vapps: []*vapp{}, edges: []*edge{}}
			b.vdcURN = d.urn
			v.vdcs = append(v.vdcs, d)
		}
	case kindEdge:
		if v := findVorg(a, strconv.Itoa(b.vorgID)); v != nil {
			if d := findVDC(v, b.vdcURN); d != nil {
				d.edges = append(d.edges, &edge{urn: "urn:vcloud:gateway:" + s.ids.UUID(),
					name: fmt.Sprintf("%s Edge - nft%05di2", b.connType, b.id), connectivity: b.connType})
			}
		}
	}
}

// listBuilds implements GET /api/accounts/{account_id}/{vorg,vdc,edge-gateway}-builds:
// the account's builds of that kind in id order (newest first in data sets that choose so; the
// document fixes no order), without advancing them.
func (s *Simulator) listBuilds(kind buildKind) authedHandler {
	return func(w http.ResponseWriter, r *http.Request, _ string) {
		a, ok := s.visibleAccount(w, r)
		if !ok {
			return
		}
		var list []*build
		for _, b := range s.builds {
			if b.kind == kind && b.accountID == a.id {
				list = append(list, b)
			}
		}
		slices.SortFunc(list, func(x, y *build) int { return x.id - y.id })
		if s.data.buildsNewestFirst {
			slices.Reverse(list)
		}
		out := []buildJSON{}
		for _, b := range list {
			out = append(out, s.renderBuild(b))
		}
		s.json(w, http.StatusOK, map[string]any{"data": out})
	}
}
