package esc

import (
	"encoding/xml"
	"fmt"
	"net/http"
)

// This file serves the resources of groups 01-05, 10 and 19: tenants,
// networks, subnets, images, flavors, volumes and routers. Each create,
// update and delete is asynchronous: 200 with the transaction id, then one
// notification to the Callback URL with the resource and its event_type
// (CREATE_TENANT, DELETE_NETWORK, ...; the document shows CREATE_TENANT,
// CREATE_IMAGE and CREATE_FLAVOR and the others follow the pattern).

// found reads the one id of a request's path (a malformed id is answered badID) and looks it up
// in t; an unknown id is answered 404 with title. ok is false when an answer was written.
func found[T any](s *Simulator, w http.ResponseWriter, r *http.Request, t *table[T], param string, badID int, title string) (T, string, bool) {
	var zero T
	ids, ok := s.pathIDs(w, r, badID, param)
	if !ok {
		return zero, "", false
	}
	v, ok := t.get(ids[0])
	if !ok {
		s.fail(w, http.StatusNotFound, title, ids[0])
		return zero, "", false
	}
	return v, ids[0], true
}

// pathIDs reads internal-id path parameters, answering status when one
// breaks the id rule. Operations that document 400 answer 400; the GETs,
// which document only 404, answer 404 (such an id cannot exist).
func (s *Simulator) pathIDs(w http.ResponseWriter, r *http.Request, status int, names ...string) ([]string, bool) {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = r.PathValue(n)
		if !validID(out[i]) {
			reason := "Invalid Request"
			if status == http.StatusNotFound {
				reason = "Not found"
			}
			s.fail(w, status, reason, badID(n, out[i]))
			return nil, false
		}
	}
	return out, true
}

// claimable answers 409 when an internal id is already used by any resource
// (lines 81-83: ids are unique across all domain resources).
func (s *Simulator) claimable(w http.ResponseWriter, id string) bool {
	if kind, used := s.st.ids[id]; used {
		s.fail(w, http.StatusConflict, "Conflicting Request", fmt.Sprintf("internal id %q is already used by a %s", id, kind))
		return false
	}
	return true
}

// badBody answers 400 for a body that cannot be used.
func (s *Simulator) badBody(w http.ResponseWriter, err error) {
	s.fail(w, http.StatusBadRequest, "Invalid Request", err.Error())
}

// tenantFor finds the tenant of a tenant-scoped path, answering status when
// it is unknown.
func (s *Simulator) tenantFor(w http.ResponseWriter, id string, status int) (*tenant, bool) {
	t, ok := s.st.tenantOf(id)
	if !ok {
		s.fail(w, status, "Not found", fmt.Sprintf("tenant %q not found", id))
	}
	return t, ok
}

func withName[T any](v T, set func(*T)) T {
	set(&v)
	return v
}

// ---- 01 Tenants ----

func (s *Simulator) tenantOut(t *tenant) tenant {
	return withName(*t, func(x *tenant) { x.XMLName = named(nsNetconf, "tenant") })
}

func (s *Simulator) listTenants(w http.ResponseWriter, r *http.Request) {
	list := []tenant{}
	for _, t := range s.st.tenants.values() {
		list = append(list, s.tenantOut(t))
	}
	if wantsJSON(r) {
		s.write(w, r, http.StatusOK, list, true)
		return
	}
	s.write(w, r, http.StatusOK, tenantList{Tenants: list}, false)
}

func (s *Simulator) getTenant(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusNotFound, "internal_tenant_id")
	if !ok {
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok {
		return
	}
	s.write(w, r, http.StatusOK, s.tenantOut(t), true)
}

func (s *Simulator) createTenant(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internal_tenant_id")
	if !ok {
		return
	}
	var body tenant
	if err := decodeBody(r, &body, "tenant", true); err != nil {
		s.badBody(w, err)
		return
	}
	if !validName(body.Name, maxTenantName) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", "tenant name must be 1..64 characters")
		return
	}
	if !s.claimable(w, ids[0]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	t := &tenant{
		Enabled: body.Enabled, ExternalTenantID: s.ids.Hex(32), InternalTenantID: ids[0], Name: body.Name,
		VimMapping: body.VimMapping, Extensions: body.Extensions, ManagedResource: body.ManagedResource,
	}
	if t.Enabled == nil {
		t.Enabled = boolp(true)
	}
	if t.ManagedResource == nil {
		t.ManagedResource = boolp(true)
	}
	s.st.tenants.put(ids[0], t)
	s.st.ids[ids[0]] = kindTenant
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(s.tenantOut(t), func(x *tenant) { x.EventType = "CREATE_TENANT" }), kindResourceBody, 200, "Tenant successfully created", true)
}

func (s *Simulator) updateTenant(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internal_tenant_id")
	if !ok {
		return
	}
	var body tenant
	if err := decodeBody(r, &body, "tenant", true); err != nil {
		s.badBody(w, err)
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok {
		return
	}
	if body.Name != "" && !validName(body.Name, maxTenantName) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", "tenant name must be 1..64 characters")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	if s.faults.On(FaultTenantUpdateNotKept) {
		kept := *t
		t = &kept // the notification shows the update; the stored tenant does not take it
	}
	if body.Name != "" {
		t.Name = body.Name
	}
	if body.Enabled != nil {
		t.Enabled = body.Enabled
	}
	if body.VimMapping != nil {
		t.VimMapping = body.VimMapping
	}
	if body.Extensions != nil {
		t.Extensions = body.Extensions
	}
	if body.ManagedResource != nil {
		t.ManagedResource = body.ManagedResource
	}
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(s.tenantOut(t), func(x *tenant) { x.EventType = "UPDATE_TENANT" }), kindResourceBody, 200, "Tenant successfully updated", true)
}

func (s *Simulator) deleteTenant(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internal_tenant_id")
	if !ok {
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok {
		return
	}
	// Not documented: the system tenant and a tenant that still holds
	// networks, volumes, routers or deployments are refused as the
	// documented 400 "Invalid Request".
	if ids[0] == s.st.systemTenant || s.st.owns(ids[0]) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("tenant %q still holds resources", ids[0]))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.tenants.del(ids[0])
	delete(s.st.ids, ids[0])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(s.tenantOut(t), func(x *tenant) { x.EventType = "DELETE_TENANT" }), kindResourceBody, 200, "Tenant successfully deleted", true)
}

// ---- 02 Networks ----

type networkList struct {
	XMLName  xml.Name  `xml:"networks"`
	Networks []network `xml:"network"`
}

func networkOut(n *network) network {
	return withName(*n, func(x *network) { x.XMLName = named("", "network") })
}

func (s *Simulator) listNetworks(w http.ResponseWriter, r *http.Request) {
	// Only 200 is documented: an unknown tenant has no networks.
	list := networkList{Networks: []network{}}
	tid := r.PathValue("internalTenantId")
	for _, n := range s.st.networks.values() {
		if n.InternalTenantID == tid {
			list.Networks = append(list.Networks, networkOut(n))
		}
	}
	s.write(w, r, http.StatusOK, list, false)
}

// networkIn finds a tenant's network.
func (s *Simulator) networkIn(tenantID, id string) (*network, bool) {
	n, ok := s.st.networks.get(id)
	if !ok || n.InternalTenantID != tenantID {
		return nil, false
	}
	return n, true
}

func (s *Simulator) getNetwork(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusNotFound, "internalTenantId", "internalNetworkId")
	if !ok {
		return
	}
	n, ok := s.networkIn(ids[0], ids[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Network Id not found", ids[1])
		return
	}
	s.write(w, r, http.StatusOK, networkOut(n), true)
}

func (s *Simulator) createNetwork(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalNetworkId")
	if !ok {
		return
	}
	var body network
	if err := decodeBody(r, &body, "network", true); err != nil {
		s.badBody(w, err)
		return
	}
	if !validName(body.Name, maxName) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", "network name must be 1..255 characters")
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok || !s.claimable(w, ids[1]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	n := body
	n.XMLName = xml.Name{}
	n.EventType = ""
	n.InternalTenantID, n.InternalNetworkID = ids[0], ids[1]
	n.ExternalTenantID, n.TenantName = t.ExternalTenantID, t.Name
	n.ExternalNetworkID = s.ids.UUID()
	n.Subnet = nil
	if n.AdminStateUp == nil {
		n.AdminStateUp = boolp(true)
	}
	if n.Shared == nil {
		n.Shared = boolp(false)
	}
	s.st.networks.put(ids[1], &n)
	s.st.ids[ids[1]] = kindNetwork
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(networkOut(&n), func(x *network) { x.EventType = "CREATE_NETWORK" }), kindResourceBody, 200, "Network successfully created", true)
}

func (s *Simulator) deleteNetwork(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalNetworkId")
	if !ok {
		return
	}
	n, ok := s.networkIn(ids[0], ids[1])
	if !ok {
		// DELETE network documents no 404 (DEFECTS.md D53).
		s.fail(w, http.StatusBadRequest, "Invalid request", fmt.Sprintf("network %q not found under tenant %q", ids[1], ids[0]))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	// Deleting a network deletes its subnets, as on the VIM.
	for _, sn := range s.st.subnets.values() {
		if sn.InternalNetworkID == ids[1] {
			s.st.subnets.del(sn.InternalSubnetID)
			delete(s.st.ids, sn.InternalSubnetID)
		}
	}
	s.st.networks.del(ids[1])
	delete(s.st.ids, ids[1])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(networkOut(n), func(x *network) { x.EventType = "DELETE_NETWORK" }), kindResourceBody, 200, "Network successfully deleted", true)
}

// ---- 03 Subnets ----

type subnetList struct {
	XMLName xml.Name `xml:"subnets"`
	Subnets []subnet `xml:"subnet"`
}

func subnetOut(n *subnet) subnet {
	return withName(*n, func(x *subnet) { x.XMLName = named("", "subnet") })
}

func (s *Simulator) listSubnets(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusNotFound, "internalTenantId")
	if !ok {
		return
	}
	if _, ok := s.tenantFor(w, ids[0], http.StatusNotFound); !ok {
		return
	}
	netID := r.Header.Get("internalNetworkId")
	if netID != "" {
		if _, ok := s.networkIn(ids[0], netID); !ok {
			s.fail(w, http.StatusNotFound, "Not found", fmt.Sprintf("network %q not found under tenant %q", netID, ids[0]))
			return
		}
	}
	list := subnetList{Subnets: []subnet{}}
	for _, sn := range s.st.subnets.values() {
		if sn.InternalTenantID == ids[0] && (netID == "" || sn.InternalNetworkID == netID) {
			list.Subnets = append(list.Subnets, subnetOut(sn))
		}
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) subnetIn(tenantID, id string) (*subnet, bool) {
	sn, ok := s.st.subnets.get(id)
	if !ok || sn.InternalTenantID != tenantID {
		return nil, false
	}
	return sn, true
}

func (s *Simulator) getSubnet(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusNotFound, "internalTenantId", "internalSubnetId")
	if !ok {
		return
	}
	sn, ok := s.subnetIn(ids[0], ids[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", ids[1])
		return
	}
	s.write(w, r, http.StatusOK, subnetOut(sn), true)
}

func (s *Simulator) createSubnet(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalSubnetId")
	if !ok {
		return
	}
	var body subnet
	if err := decodeBody(r, &body, "subnet", true); err != nil {
		s.badBody(w, err)
		return
	}
	netID := body.InternalNetworkID
	if netID == "" && body.NetworkFromCdg != nil {
		netID = body.NetworkFromCdg.InternalNetworkID
	}
	switch {
	case !validName(body.Name, maxName):
		s.fail(w, http.StatusBadRequest, "Invalid Request", "subnet name must be 1..255 characters")
		return
	case netID == "":
		s.fail(w, http.StatusBadRequest, "Invalid Request", "internal_network_id is required")
		return
	case body.Cidr == "":
		s.fail(w, http.StatusBadRequest, "Invalid Request", "cidr is required")
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok {
		return
	}
	n, ok := s.networkIn(ids[0], netID)
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", fmt.Sprintf("network %q not found under tenant %q", netID, ids[0]))
		return
	}
	if !s.claimable(w, ids[1]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	sn := body
	sn.XMLName = xml.Name{}
	sn.NetworkFromCdg = nil
	sn.EventType = ""
	sn.InternalTenantID, sn.ExternalTenantID = ids[0], t.ExternalTenantID
	sn.InternalNetworkID, sn.ExternalNetworkID = n.InternalNetworkID, n.ExternalNetworkID
	sn.InternalSubnetID, sn.ExternalSubnetID = ids[1], s.ids.UUID()
	if sn.IPVersion == nil {
		sn.IPVersion = intp(4)
	}
	if sn.EnableDhcp == nil {
		sn.EnableDhcp = boolp(true)
	}
	s.st.subnets.put(ids[1], &sn)
	s.st.ids[ids[1]] = kindSubnet
	n.Subnet = append(n.Subnet, ids[1])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(subnetOut(&sn), func(x *subnet) { x.EventType = "CREATE_SUBNET" }), kindResourceBody, 200, "Subnet successfully created", true)
}

func (s *Simulator) deleteSubnet(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalSubnetId")
	if !ok {
		return
	}
	sn, ok := s.subnetIn(ids[0], ids[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Not found", ids[1])
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.subnets.del(ids[1])
	delete(s.st.ids, ids[1])
	if n, ok := s.st.networks.get(sn.InternalNetworkID); ok {
		kept := n.Subnet[:0]
		for _, id := range n.Subnet {
			if id != ids[1] {
				kept = append(kept, id)
			}
		}
		n.Subnet = kept
	}
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(subnetOut(sn), func(x *subnet) { x.EventType = "DELETE_SUBNET" }), kindResourceBody, 200, "Subnet successfully deleted", true)
}

// ---- 04 Images ----

type imageList struct {
	XMLName xml.Name `xml:"urn:ietf:params:xml:ns:netconf:base:1.0 images"`
	Images  []image  `xml:"image"`
}

func imageOut(i *image) image {
	return withName(*i, func(x *image) { x.XMLName = named(nsNetconf, "image") })
}

func (s *Simulator) listImages(w http.ResponseWriter, r *http.Request) {
	list := imageList{Images: []image{}}
	for _, i := range s.st.images.values() {
		list.Images = append(list.Images, imageOut(i))
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) getImage(w http.ResponseWriter, r *http.Request) {
	i, _, ok := found(s, w, r, &s.st.images, "internalImageId", http.StatusBadRequest, "Image Id not found")
	if !ok {
		return
	}
	s.write(w, r, http.StatusOK, imageOut(i), false)
}

func (s *Simulator) createImage(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalImageId")
	if !ok {
		return
	}
	var body image
	if err := decodeBody(r, &body, "image", false); err != nil {
		s.badBody(w, err)
		return
	}
	switch {
	case !validName(body.Name, maxName):
		s.fail(w, http.StatusBadRequest, "Invalid Request", "image name must be 1..255 characters")
		return
	case body.Src == "":
		s.fail(w, http.StatusBadRequest, "Invalid Request", "src is required")
		return
	case body.DiskBus != "" && body.DiskBus != "ide" && body.DiskBus != "scsi" && body.DiskBus != "virtio":
		s.fail(w, http.StatusBadRequest, "Invalid Request", "disk_bus must be ide, scsi or virtio")
		return
	}
	if !s.claimable(w, ids[0]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	i := body
	i.XMLName = xml.Name{}
	i.EventType = ""
	i.InternalImageID, i.ExternalImageID = ids[0], s.ids.UUID()
	i.InternalTenantID, i.ExternalTenantID = s.st.systemTenant, s.st.systemTenant
	i.ImageIsEnabled, i.Visibility = boolp(true), "public"
	if i.E1000Net == nil {
		i.E1000Net = boolp(false)
	}
	s.st.images.put(ids[0], &i)
	s.st.ids[ids[0]] = kindImage
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(imageOut(&i), func(x *image) { x.EventType = "CREATE_IMAGE" }), kindResourceBody, 200, "Image successfully created", true)
}

func (s *Simulator) deleteImage(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalImageId")
	if !ok {
		return
	}
	i, ok := s.st.images.get(ids[0])
	if !ok {
		// DELETE image documents no 404 (DEFECTS.md D53).
		s.fail(w, http.StatusBadRequest, "Invalid Request", fmt.Sprintf("image %q not found", ids[0]))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.images.del(ids[0])
	delete(s.st.ids, ids[0])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(imageOut(i), func(x *image) { x.EventType = "DELETE_IMAGE" }), kindResourceBody, 200, "Image successfully deleted", true)
}

// ---- 05 Flavors ----

type flavorList struct {
	XMLName xml.Name `xml:"urn:ietf:params:xml:ns:netconf:base:1.0 flavors"`
	Flavors []flavor `xml:"flavor"`
}

func flavorOut(f *flavor) flavor {
	return withName(*f, func(x *flavor) { x.XMLName = named(nsNetconf, "flavor") })
}

func (s *Simulator) listFlavors(w http.ResponseWriter, r *http.Request) {
	list := flavorList{Flavors: []flavor{}}
	for _, f := range s.st.flavors.values() {
		list.Flavors = append(list.Flavors, flavorOut(f))
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) getFlavor(w http.ResponseWriter, r *http.Request) {
	f, _, ok := found(s, w, r, &s.st.flavors, "internalFlavorId", http.StatusNotFound, "Flavor Id not found")
	if !ok {
		return
	}
	s.write(w, r, http.StatusOK, flavorOut(f), false)
}

func (s *Simulator) createFlavor(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalFlavorId")
	if !ok {
		return
	}
	var body flavor
	if err := decodeBody(r, &body, "flavor", false); err != nil {
		s.badBody(w, err)
		return
	}
	switch {
	case !validName(body.Name, maxName):
		s.fail(w, http.StatusBadRequest, "Invalid Request", "flavor name must be 1..255 characters")
		return
	case body.VCPUs == nil || *body.VCPUs < 1:
		s.fail(w, http.StatusBadRequest, "Invalid Request", "vcpus must be at least 1")
		return
	case body.MemoryMB == nil || *body.MemoryMB < 0:
		s.fail(w, http.StatusBadRequest, "Invalid Request", "memory_mb is required and may not be negative")
		return
	case body.EphemeralDiskMB != nil && *body.EphemeralDiskMB < 0:
		s.fail(w, http.StatusBadRequest, "Invalid Request", "ephemeral_disk_mb may not be negative")
		return
	}
	if !s.claimable(w, ids[0]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	f := body
	f.XMLName = xml.Name{}
	f.EventType = ""
	f.InternalFlavorID, f.ExternalFlavorID = ids[0], s.ids.UUID()
	if f.EphemeralDiskMB == nil {
		f.EphemeralDiskMB = intp(0)
	}
	s.st.flavors.put(ids[0], &f)
	s.st.ids[ids[0]] = kindFlavor
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(flavorOut(&f), func(x *flavor) { x.EventType = "CREATE_FLAVOR" }), kindResourceBody, 200, "Flavor creation completed successfully", true)
}

func (s *Simulator) deleteFlavor(w http.ResponseWriter, r *http.Request) {
	// DELETE flavor documents 200, 404 and 500 only: a malformed id is a
	// flavor that cannot exist.
	f, id, ok := found(s, w, r, &s.st.flavors, "internalFlavorId", http.StatusNotFound, "Flavor Id not found")
	if !ok {
		return
	}
	cb, ev, _ := s.hookHeaders(w, r, callbackOptional, false)
	s.st.flavors.del(id)
	delete(s.st.ids, id)
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(flavorOut(f), func(x *flavor) { x.EventType = "DELETE_FLAVOR" }), kindResourceBody, 200, "Flavor successfully deleted", true)
}

// ---- 10 Volumes ----

type volumeList struct {
	XMLName xml.Name `xml:"volumes"`
	Volumes []volume `xml:"volume"`
}

func volumeOut(v *volume) volume {
	return withName(*v, func(x *volume) { x.XMLName = named("", "volume") })
}

func (s *Simulator) listVolumes(w http.ResponseWriter, r *http.Request) {
	list := volumeList{Volumes: []volume{}}
	tid := r.PathValue("internalTenantId")
	for _, v := range s.st.volumes.values() {
		if v.InternalTenantID == tid {
			list.Volumes = append(list.Volumes, volumeOut(v))
		}
	}
	s.write(w, r, http.StatusOK, list, false)
}

func (s *Simulator) volumeIn(tenantID, id string) (*volume, bool) {
	v, ok := s.st.volumes.get(id)
	if !ok || v.InternalTenantID != tenantID {
		return nil, false
	}
	return v, true
}

func (s *Simulator) getVolume(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusNotFound, "internalTenantId", "internalVolumeId")
	if !ok {
		return
	}
	v, ok := s.volumeIn(ids[0], ids[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Volume Id not found", ids[1])
		return
	}
	s.write(w, r, http.StatusOK, volumeOut(v), true)
}

func (s *Simulator) createVolume(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalVolumeId")
	if !ok {
		return
	}
	var body volume
	if err := decodeBody(r, &body, "volume", true); err != nil {
		s.badBody(w, err)
		return
	}
	if !validName(body.Name, maxName) {
		s.fail(w, http.StatusBadRequest, "Invalid request", "volume name must be 1..255 characters")
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok || !s.claimable(w, ids[1]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	v := s.newVolume(body, t, ids[1])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(volumeOut(v), func(x *volume) { x.EventType = "CREATE_VOLUME" }), kindResourceBody, 200, "Volume successfully created", true)
}

// newVolume stores a volume of tenant t under internal id id.
func (s *Simulator) newVolume(body volume, t *tenant, id string) *volume {
	v := body
	v.XMLName = xml.Name{}
	v.EventType = ""
	v.InternalTenantID, v.ExternalTenantID = t.InternalTenantID, t.ExternalTenantID
	v.InternalVolumeID, v.ExternalVolumeID = id, s.ids.UUID()
	s.st.volumes.put(id, &v)
	s.st.ids[id] = kindVolume
	return &v
}

func (s *Simulator) deleteVolume(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalVolumeId")
	if !ok {
		return
	}
	v, ok := s.volumeIn(ids[0], ids[1])
	if !ok {
		// DELETE volume documents no 404 (DEFECTS.md D53).
		s.fail(w, http.StatusBadRequest, "Invalid request", fmt.Sprintf("volume %q not found under tenant %q", ids[1], ids[0]))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.volumes.del(ids[1])
	delete(s.st.ids, ids[1])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(volumeOut(v), func(x *volume) { x.EventType = "DELETE_VOLUME" }), kindResourceBody, 200, "Volume successfully deleted", true)
}

// ---- 19 Routers ----

func routerOut(rt *router) router {
	return withName(*rt, func(x *router) { x.XMLName = named("", "router") })
}

func (s *Simulator) routerIn(tenantID, id string) (*router, bool) {
	rt, ok := s.st.routers.get(id)
	if !ok || rt.InternalTenantID != tenantID {
		return nil, false
	}
	return rt, true
}

func (s *Simulator) createRouter(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalRouterId")
	if !ok {
		return
	}
	var body router
	if err := decodeBody(r, &body, "router", true); err != nil {
		s.badBody(w, err)
		return
	}
	if body.Name != "" && !validName(body.Name, maxName) {
		s.fail(w, http.StatusBadRequest, "Invalid request", "router name must be 1..255 characters")
		return
	}
	t, ok := s.tenantFor(w, ids[0], http.StatusNotFound)
	if !ok || !s.claimable(w, ids[1]) {
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	rt := body
	rt.XMLName = xml.Name{}
	rt.EventType = ""
	rt.InternalTenantID, rt.ExternalTenantID, rt.TenantName = ids[0], t.ExternalTenantID, t.Name
	rt.InternalRouterID, rt.ExternalRouterID = ids[1], s.ids.UUID()
	if rt.Name == "" {
		rt.Name = ids[1]
	}
	if rt.AdminState == nil {
		rt.AdminState = boolp(true)
	}
	s.st.routers.put(ids[1], &rt)
	s.st.ids[ids[1]] = kindRouter
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(routerOut(&rt), func(x *router) { x.EventType = "CREATE_ROUTER" }), kindResourceBody, 200, "Router successfully created", true)
}

func (s *Simulator) updateRouter(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalRouterId")
	if !ok {
		return
	}
	var body router
	if err := decodeBody(r, &body, "router", true); err != nil {
		s.badBody(w, err)
		return
	}
	rt, ok := s.routerIn(ids[0], ids[1])
	if !ok {
		s.fail(w, http.StatusNotFound, "Not Found", fmt.Sprintf("router %q not found under tenant %q", ids[1], ids[0]))
		return
	}
	if body.Name != "" && !validName(body.Name, maxName) {
		s.fail(w, http.StatusBadRequest, "Invalid Request", "router name must be 1..255 characters")
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	if body.Name != "" {
		rt.Name = body.Name
	}
	if body.AdminState != nil {
		rt.AdminState = body.AdminState
	}
	if body.Description != "" {
		rt.Description = body.Description
	}
	if body.ExternalNetwork != "" {
		rt.ExternalNetwork, rt.ExternalNetworkID = body.ExternalNetwork, body.ExternalNetworkID
	}
	if body.Interface != nil {
		rt.Interface = body.Interface
	}
	if body.Route != nil {
		rt.Route = body.Route
	}
	if body.SnatEnable != nil {
		rt.SnatEnable = body.SnatEnable
	}
	if body.IsDistributed != nil {
		rt.IsDistributed = body.IsDistributed
	}
	tx := s.accept(w, r, s.data.acceptedWrite, cb, ev)
	tx.notify(withName(routerOut(rt), func(x *router) { x.EventType = "UPDATE_ROUTER" }), kindResourceBody, 200, "Router successfully updated", true)
}

func (s *Simulator) deleteRouter(w http.ResponseWriter, r *http.Request) {
	ids, ok := s.pathIDs(w, r, http.StatusBadRequest, "internalTenantId", "internalRouterId")
	if !ok {
		return
	}
	rt, ok := s.routerIn(ids[0], ids[1])
	if !ok {
		// DELETE router documents no 404 (DEFECTS.md D53).
		s.fail(w, http.StatusBadRequest, "Invalid request", fmt.Sprintf("router %q not found under tenant %q", ids[1], ids[0]))
		return
	}
	cb, ev, ok := s.hookHeaders(w, r, callbackOptional, true)
	if !ok {
		return
	}
	s.st.routers.del(ids[1])
	delete(s.st.ids, ids[1])
	tx := s.accept(w, r, http.StatusOK, cb, ev)
	tx.notify(withName(routerOut(rt), func(x *router) { x.EventType = "DELETE_ROUTER" }), kindResourceBody, 200, "Router successfully deleted", true)
}
