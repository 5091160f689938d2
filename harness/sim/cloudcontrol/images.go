package cloudcontrol

import (
	"strconv"
	"strings"
)

// Server Image API (section 3), Import & Export (section 4) and the
// deprecated image lists (section 12).

func (i *image) spec() obj {
	add := 0
	for _, d := range i.disks {
		add += d.sizeGb
	}
	return obj{"cpuCount": i.cpu, "memoryMb": i.memoryMb, "osStorageGb": i.osStorageGb, "additionalLocalStorageGb": add, "operatingSystem": osTD(i.os)}
}

func (i *image) status() (obj, bool) {
	if i.state == "NORMAL" {
		return nil, false
	}
	return opStatus("IMAGE_IMPORT", DefaultUsername, stamp(i.created), strings.HasPrefix(i.state, "FAILED")), true
}

// deployedShape is DeployedImage / DeployedImageWithSoftwareLabels.
func (i *image) deployedShape(labels bool) obj {
	o := obj{"id": i.id, "name": i.name, "description": i.description, "machineSpecification": i.spec(),
		"deployedTime": stamp(i.created), "location": i.location}
	if i.sourceServerID != "" {
		o["sourceServerId"] = i.sourceServerID
	}
	if st, ok := i.status(); ok {
		o["status"] = st
	}
	if labels && len(i.labels) > 0 {
		o["softwareLabel"] = i.labels
	}
	return o
}

func (i *image) pendingShape() obj {
	st, ok := i.status()
	if !ok {
		st = opStatus("IMAGE_IMPORT", DefaultUsername, stamp(i.created), false)
	}
	o := obj{"id": i.id, "name": i.name, "description": i.description, "machineSpecification": i.spec(),
		"location": i.location, "status": st}
	if i.sourceServerID != "" {
		o["sourceServerId"] = i.sourceServerID
	}
	return o
}

func (i *image) withState() obj {
	o := obj{"id": i.id, "location": i.location, "name": i.name, "description": i.description, "operatingSystem": osTD(i.os),
		"cpuCount": i.cpu, "memoryMb": i.memoryMb, "osStorageGb": i.osStorageGb, "state": i.state, "deployedTime": stamp(i.created)}
	var disks []any
	for _, d := range i.disks {
		disks = append(disks, obj{"id": d.id, "scsiId": strconv.Itoa(d.scsiID), "diskSizeGb": d.sizeGb, "state": d.state})
	}
	if len(disks) > 0 {
		o["additionalDisk"] = disks
	}
	if len(i.labels) > 0 {
		o["softwareLabel"] = i.labels
	}
	if st, ok := i.status(); ok {
		o["status"] = st
		o["source"] = obj{"type": "IMPORT", "artifact": []any{
			obj{"type": "MF", "value": i.name + ".mf", "date": stamp(i.created)},
			obj{"type": "OVF", "value": i.name + ".ovf", "date": stamp(i.created)},
		}}
	}
	return o
}

// legacyShape is ServerImage (section 12 lists).
func (i *image) legacyShape(org string) obj {
	owner := "base"
	if i.customer {
		owner = org
	}
	add := 0
	for _, d := range i.disks {
		add += d.sizeGb
	}
	o := obj{"id": i.id, "resourcePath": "/oec/" + owner + "/image/" + i.id, "name": i.name, "description": i.description,
		"operatingSystem": osTD(i.os), "location": i.location, "cpuCount": i.cpu, "memory": i.memoryMb,
		"osStorage": i.osStorageGb, "additionalLocalStorage": add, "created": stamp(i.created)}
	if i.sourceServerID != "" {
		o["sourceResourcePath"] = "/oec/" + org + "/server/" + i.sourceServerID
	}
	return o
}

// imageList serves every image list: which images, in which shape, under
// which item element, and whether it is per location.
func imageList(perLocation bool, keep func(c *call, i *image, loc string) bool, itemKey string, render func(c *call, i *image) obj) handler {
	return func(c *call) {
		loc := c.st().defaultDatacenter().location
		if perLocation {
			d := c.location()
			if d == nil {
				return
			}
			loc = d.location
		}
		var items []any
		for _, i := range c.st().images {
			if keep(c, i, loc) {
				items = append(items, render(c, i))
			}
		}
		root := obj{}
		if len(items) > 0 {
			root[itemKey] = items
		}
		c.reply(root)
	}
}

func baseIn(_ *call, i *image, loc string) bool { return !i.customer && i.location == loc }
func customerIn(_ *call, i *image, loc string) bool {
	return i.customer && i.state == "NORMAL" && i.location == loc
}
func pendingIn(_ *call, i *image, loc string) bool {
	return i.customer && i.state != "NORMAL" && i.location == loc
}
func anyCustomer(_ *call, i *image, _ string) bool { return i.customer }
func category(name string) func(*call, *image, string) bool {
	return func(c *call, i *image, _ string) bool {
		return !i.customer && i.category == name && c.param("image-provider") == i.provider
	}
}

func renderDeployed(labels bool) func(*call, *image) obj {
	return func(_ *call, i *image) obj { return i.deployedShape(labels) }
}
func renderPending(_ *call, i *image) obj { return i.pendingShape() }
func renderLegacy(c *call, i *image) obj  { return i.legacyShape(c.st().orgID) }

// image resolves {image-id} to a customer image, answering REASON_390.
func (c *call) customerImage() *image {
	i := c.st().image(c.param("image-id"))
	if i == nil || !i.customer {
		c.fail(390, "")
		return nil
	}
	return i
}

// getServerImage answers the image with its state. Each read of an image being imported or
// copied counts towards the completion of that operation (see state.settleReads): after the read
// that shows PENDING_ADD for the last time, the image is NORMAL.
func (c *call) getServerImage() {
	i := c.st().image(c.param("image-id"))
	if i == nil {
		c.fail(390, "")
		return
	}
	c.reply(i.withState())
	if i.state == "PENDING_ADD" && i.settle > 0 {
		if i.settle--; i.settle == 0 {
			i.state = "NORMAL"
		}
	}
}

func (c *call) imageNameExists() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	exists := false
	for _, i := range c.st().images {
		if i.customer && i.name == b.text("imageName") && i.location == b.text("location") {
			exists = true
		}
	}
	c.reply(exists)
}

// inProgress tells whether a customer image has an operation in progress (any state but NORMAL):
// an edit, an export or a copy of it answers REASON_601 (lines 1513, 1951, 2230).
func (c *call) inProgress(i *image) bool {
	return i.state != "NORMAL" && !c.s.faults.On(FaultImageInProgressChanged)
}

func (c *call) deleteImage() {
	i := c.customerImage()
	if i == nil {
		return
	}
	if i.state != "NORMAL" {
		c.fail(601, "")
		return
	}
	c.st().images = remove(c.st().images, func(x *image) bool { return x == i })
	c.ok("Server Image " + i.id + " deleted")
}

func (c *call) modifyImage() {
	f := c.form()
	i := c.customerImage()
	if i == nil {
		return
	}
	if len(f.Get("description")) > 255 || len(f) > 1 || (len(f) == 1 && !f.Has("description")) {
		c.fail(320, "")
		return
	}
	if c.inProgress(i) {
		c.fail(601, "")
		return
	}
	i.description = f.Get("description")
	c.ok("Server Image edited")
}

func (c *call) cleanImage() {
	i := c.customerImage()
	if i == nil {
		return
	}
	if !strings.HasPrefix(i.state, "FAILED") {
		c.fail(40, "")
		return
	}
	c.st().images = remove(c.st().images, func(x *image) bool { return x == i })
	c.nextFailedImage(i)
	c.ok("Successfully submitted clean failed image request for image id: " + i.id)
}

// Import, export and copy (section 4).

func (c *call) listOvfPackages() {
	var items []any
	for _, p := range c.st().ovfPackages {
		items = append(items, obj{"name": p.name, "timestamp": stamp(p.timestamp), "expiry": stamp(p.timestamp.AddDate(0, 1, 0)), "status": p.status})
	}
	c.reply(obj{"ovfPackage": items})
}

func (c *call) ovfPackage(name string) *ovfPackage {
	return find(c.st().ovfPackages, func(p *ovfPackage) bool { return p.name == name })
}

func (c *call) importImage() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	name, loc, pkg := b.text("name"), b.text("location"), b.text("ovfPackage")
	if name == "" || loc == "" || pkg == "" {
		c.fail(320, "Mandatory field not supplied or missing value.")
		return
	}
	if len(name) > 75 || len(b.text("description")) > 255 {
		c.fail(320, name+" has invalid value and/or description has invalid value.")
		return
	}
	if c.st().datacenter(loc) == nil {
		c.fail(770, "")
		return
	}
	for _, i := range c.st().images {
		if i.customer && i.name == name && i.location == loc {
			c.fail(391, "")
			return
		}
	}
	p := c.ovfPackage(pkg)
	if p == nil || !strings.HasSuffix(pkg, ".mf") {
		c.fail(431, "The manifest file "+pkg+" does not exist on the FTPS account for "+c.st().orgID+".")
		return
	}
	if p.status == ovfExpired { // 4.1.3: an expired package cannot be imported
		c.fail(432, "")
		return
	}
	i := &image{id: c.s.ids.UUID(), name: name, description: b.text("description"), location: loc, os: osRedHat, cpu: 2,
		memoryMb: 4096, osStorageGb: 20, customer: true, state: "PENDING_ADD", created: c.s.clock.Tick(), settle: c.st().settleReads}
	c.st().images = append(c.st().images, i)
	c.reply(i.withState())
}

func (c *call) listImports() {
	var items []any
	for _, i := range c.st().images {
		if i.customer && i.state == "PENDING_ADD" {
			items = append(items, i.withState())
		}
	}
	root := obj{}
	if len(items) > 0 {
		root["serverImageWithState"] = items
	}
	c.reply(root)
}

func (c *call) exportedImage(i *image) obj {
	o := obj{"id": i.id, "name": i.name, "description": i.description, "location": i.location, "operatingSystem": i.os.displayName,
		"cpuCount": i.cpu, "memoryMb": i.memoryMb, "osStorageGb": i.osStorageGb}
	var disks []any
	for _, d := range i.disks {
		disks = append(disks, obj{"scsiId": d.scsiID, "sizeGb": d.sizeGb})
	}
	if len(disks) > 0 {
		o["additionalDisk"] = disks
	}
	return o
}

func (c *call) exportShape(e *imageExport) obj {
	i := c.st().image(e.imageID)
	return obj{"id": e.id, "ovfPackagePrefix": e.prefix, "startDate": stamp(e.start), "image": c.exportedImage(i),
		"status": opStatus("IMAGE_EXPORT", e.userName, stamp(e.start), false)}
}

var ovfPrefixPattern = strPattern(`^[A-Za-z0-9_.-]{1,90}$`)

func (c *call) exportImage() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	id, prefix := b.text("imageId"), b.text("ovfPackagePrefix")
	if id == "" || prefix == "" {
		c.fail(320, "A required field is missing or does not contain a value.")
		return
	}
	if !ovfPrefixPattern(prefix) {
		c.fail(320, prefix+" is invalid.")
		return
	}
	i := c.st().image(id)
	if i == nil || !i.customer {
		c.fail(390, "")
		return
	}
	if c.inMaintenance(i.location) {
		return
	}
	if c.inProgress(i) {
		c.fail(601, id+" has another operation in progress and cannot be exported until that operation is complete.")
		return
	}
	for _, e := range c.st().exports {
		if e.prefix == prefix {
			c.fail(460, prefix+" is likely to cause a file name conflict with an existing file or another export in progress.")
			return
		}
	}
	e := &imageExport{id: c.s.ids.UUID(), prefix: prefix, imageID: id, userName: c.user.userName, start: c.s.clock.Tick()}
	c.st().exports = append(c.st().exports, e)
	c.reply(c.exportShape(e))
}

func (c *call) listExports() {
	var items []any
	for _, e := range c.st().exports {
		if !e.done && c.st().image(e.imageID) != nil {
			items = append(items, c.exportShape(e))
		}
	}
	root := obj{}
	if len(items) > 0 {
		root["ImageExport"] = items
	}
	c.reply(root)
}

func (c *call) exportHistory() {
	var items []any
	for _, e := range c.st().exports {
		i := c.st().image(e.imageID)
		if !e.done || i == nil {
			continue
		}
		items = append(items, obj{"id": e.id, "ovfPackagePrefix": e.prefix, "startDate": stamp(e.start), "userName": e.userName,
			"image": c.exportedImage(i), "endDate": stamp(e.end), "result": "SUCCESS", "resultDetail": "Export completed", "resultCode": "REASON_0",
			"outputFile": []any{obj{"type": "MF", "name": e.prefix + ".mf", "date": stamp(e.end), "sizeBytes": 159},
				obj{"type": "OVF", "name": e.prefix + ".ovf", "date": stamp(e.end), "sizeBytes": 6292}}})
	}
	root := obj{}
	if len(items) > 0 {
		root["imageExportRecord"] = items
	}
	c.reply(root)
}

func (c *call) copyShape(cp *imageCopy) obj {
	o := obj{"imageCopyId": cp.id, "sourceLocation": cp.sourceLocation, "sourceImageId": cp.sourceImageID,
		"sourceImageName": cp.sourceImageName, "ovfPackagePrefix": cp.prefix}
	if t := c.st().image(cp.targetImageID); t != nil {
		o["targetImage"] = t.withState()
	}
	return o
}

func (c *call) copyImage() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	src, name, loc := b.text("sourceImageId"), b.text("targetImageName"), b.text("targetLocation")
	if src == "" || name == "" || loc == "" {
		c.fail(320, "A required field is missing or does not contain a value.")
		return
	}
	i := c.st().image(src)
	if i == nil || !i.customer {
		c.fail(390, "Could not find image "+src+" for organization "+c.st().orgID+".")
		return
	}
	if c.inMaintenance(i.location) {
		return
	}
	if c.st().datacenter(loc) == nil || loc == i.location {
		c.fail(770, loc+" is invalid, is unavailable to "+c.st().orgID+" or is the location where "+src+" resides.")
		return
	}
	for _, o := range c.st().images {
		if o.customer && o.name == name && o.location == loc {
			c.fail(391, name+" must be unique for organization "+c.st().orgID+" and "+loc+".")
			return
		}
	}
	if c.inProgress(i) {
		c.fail(601, src+" has another operation in progress and cannot be copied until that operation is complete.")
		return
	}
	prefix := b.text("ovfPackagePrefix")
	if prefix == "" {
		prefix = name
	}
	if c.prefixInUse(prefix) {
		c.fail(460, prefix+" is likely to cause a file name conflict with an existing OVF Package or another Customer Image copying process in progress.")
		return
	}
	t := &image{id: c.s.ids.UUID(), name: name, description: b.text("targetImageDescription"), location: loc, os: i.os,
		cpu: i.cpu, memoryMb: i.memoryMb, osStorageGb: i.osStorageGb, customer: true, state: "PENDING_ADD", created: c.s.clock.Tick(), labels: i.labels, settle: c.st().settleReads}
	c.st().images = append(c.st().images, t)
	cp := &imageCopy{id: c.s.ids.UUID(), sourceLocation: i.location, sourceImageID: i.id, sourceImageName: i.name, prefix: prefix, targetImageID: t.id}
	c.st().copies = append(c.st().copies, cp)
	c.reply(c.copyShape(cp))
}

// prefixInUse tells whether the files of a copy's OVF package would clash with an OVF package of
// the FTPS account (an export's, done or not) or with another copy in progress (4.7 REASON_460).
func (c *call) prefixInUse(prefix string) bool {
	if c.ovfPackage(prefix+".mf") != nil || find(c.st().exports, func(e *imageExport) bool { return e.prefix == prefix }) != nil {
		return true
	}
	return find(c.st().copies, func(cp *imageCopy) bool {
		t := c.st().image(cp.targetImageID)
		return cp.prefix == prefix && t != nil && t.state != "NORMAL"
	}) != nil
}

func (c *call) listCopies() {
	var items []any
	for _, cp := range c.st().copies {
		if t := c.st().image(cp.targetImageID); t != nil && t.state != "NORMAL" {
			items = append(items, c.copyShape(cp))
		}
	}
	root := obj{}
	if len(items) > 0 {
		root["imageCopy"] = items
	}
	c.reply(root)
}

func (c *call) copyRemoteOvf() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	geoID, pkg := b.text("sourceGeoId"), b.text("sourceOvfPackage")
	if geoID == "" || pkg == "" {
		c.fail(320, "")
		return
	}
	g := find(c.st().geos, func(g *geo) bool { return g.id == geoID || g.key == geoID })
	if g == nil || g.home {
		c.fail(461, "OVF package with specified name ("+pkg+") does not exist at the source geographic region "+geoID+".")
		return
	}
	name := strings.TrimSuffix(pkg, ".mf")
	for _, r := range c.st().remote {
		if r.packageName == name && !r.done {
			c.fail(460, pkg+" is likely to cause a file name conflict with an existing OVF Package or another remote copying process in progress.")
			return
		}
	}
	r := &remoteCopy{id: c.s.ids.UUID(), sourceGeoKey: g.key, packageName: name, state: "PENDING_ADD", start: c.s.clock.Tick()}
	c.st().remote = append(c.st().remote, r)
	c.ok(`Request to Copy OVF Package "`+pkg+`" has been issued - see additionalInformation for copy id`,
		info("remoteOvfPackageCopy.copyId", r.id), info("remoteOvfPackageCopy.sourceGeoKey", g.key))
}

func remoteField(r *remoteCopy, field string) string {
	switch field {
	case "id":
		return r.id
	case "startDate":
		return stamp(r.start)
	case "sourceGeoKey":
		return r.sourceGeoKey
	case "packageName":
		return r.packageName
	}
	return ""
}

func (c *call) listRemoteCopies(done bool) {
	var list []*remoteCopy
	for _, r := range c.st().remote {
		if r.done == done {
			list = append(list, r)
		}
	}
	if done {
		// 4.11 REASON_163: a sourceGeoKey filter naming no geography.
		for _, f := range c.paging.filters {
			if f.field != "sourceGeoKey" {
				continue
			}
			for _, v := range f.values {
				if !knownGeoKey(v) {
					c.fail(163, "")
					return
				}
			}
		}
	}
	page, root := pageOf(c, list, remoteField)
	var items []any
	for _, r := range page {
		if done {
			items = append(items, obj{"sourceGeoKey": r.sourceGeoKey, "id": r.id,
				"mfFile":    obj{"sizeBytes": 159, "name": r.packageName + ".mf"},
				"ovfFile":   obj{"sizeBytes": 6292, "name": r.packageName + ".ovf"},
				"vmdkFile":  []any{obj{"sizeBytes": 1093238784, "name": r.packageName + "-disk1.vmdk"}},
				"startDate": stamp(r.start), "endDate": stamp(r.end), "result": r.result})
			continue
		}
		items = append(items, obj{"sourceGeoKey": r.sourceGeoKey, "remoteCopyId": r.id, "name": r.packageName + ".mf", "state": r.state,
			"status": opStatus("COPY_REMOTE_OVF_PACKAGE", DefaultUsername, stamp(r.start), false)})
	}
	key := "ovfCopy"
	if done {
		key = "copyRemoteOvfPackageRecord"
	}
	if len(items) > 0 {
		root[key] = items
	}
	c.reply(root)
}

// knownGeoKey lists every geography key of the document's vendors that the
// seeded history uses or a region could have.
func knownGeoKey(k string) bool {
	switch strings.ToLower(k) {
	case "northamerica", "europe", "australia", "africa", "asiapacific":
		return true
	}
	return false
}
