package cloudcontrol

import (
	"net/url"
	"strconv"
	"strings"
)

// VIP / load-balancing API (section 8).

var lbName = strPattern(`^[A-Za-z0-9_.-]{1,64}$`)

func (c *call) realServerShape(n *network, r *realServer) obj {
	o := obj{"id": r.id, "name": r.name, "serverId": r.serverID, "inService": r.inService, "serverIp": ""}
	if s := c.st().server(r.serverID); s != nil {
		o["serverName"], o["serverIp"] = s.name, s.privateIP
	}
	return o
}

func (c *call) listRealServers() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, r := range n.realServers {
		items = append(items, c.realServerShape(n, r))
	}
	c.reply(listRoot("realServer", items))
}

func listRoot(key string, items []any) obj {
	if len(items) == 0 {
		return obj{}
	}
	return obj{key: items}
}

func (c *call) createRealServer() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	name, sid := b.text("name"), b.text("serverId")
	in, err := strconv.ParseBool(b.text("inService"))
	if !lbName(name) || err != nil || find(n.realServers, func(r *realServer) bool { return r.name == name }) != nil {
		c.fail(320, "")
		return
	}
	s := c.st().server(sid)
	if s == nil || s.networkID != n.id || !s.deployed {
		c.fail(395, "")
		return
	}
	if n.realServerOf(sid) != nil {
		c.fail(393, "")
		return
	}
	n.realServers = append(n.realServers, &realServer{id: c.s.ids.UUID(), name: name, serverID: sid, inService: in})
	c.ok("Real-Server " + name + " created")
}

func (c *call) realServer(n *network) *realServer {
	return byParam(c, n.realServers, "rserver-id", func(x *realServer) string { return x.id }, 610)
}

func (c *call) deleteRealServer() {
	n := c.network()
	if n == nil {
		return
	}
	r := c.realServer(n)
	if r == nil {
		return
	}
	for _, f := range n.farms {
		for _, m := range f.members {
			if m.realServerID == r.id {
				c.fail(615, "")
				return
			}
		}
	}
	n.realServers = remove(n.realServers, func(x *realServer) bool { return x == r })
	c.ok("Real-Server " + r.name + " deleted")
}

func (c *call) modifyRealServer() {
	f := c.form()
	n := c.network()
	if n == nil {
		return
	}
	r := c.realServer(n)
	if r == nil {
		return
	}
	in, err := strconv.ParseBool(f.Get("inService"))
	if err != nil {
		c.fail(320, "")
		return
	}
	r.inService = in
	c.ok("Real-Server " + r.name + " modified")
}

// Probes.

func (p *probe) render() obj {
	o := obj{"id": p.id, "name": p.name, "type": p.probeType, "probeIntervalSeconds": p.interval,
		"errorCountBeforeServerFail": p.errorCount, "successCountBeforeServerEnable": p.successCount,
		"failedProbeIntervalSeconds": p.failedInterval, "maxReplyWaitSeconds": p.maxWait}
	if p.upper > 0 {
		o["statusCodeRange"] = obj{"lowerBound": p.lower, "upperBound": p.upper}
	}
	if p.method != "" {
		o["requestMethod"], o["requestUrl"], o["matchContent"] = p.method, p.url, p.match
	}
	if p.port > 0 {
		o["port"] = p.port
	}
	return o
}

func (c *call) listProbes() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, p := range n.probes {
		items = append(items, p.render())
	}
	c.reply(listRoot("Probe", items))
}

var probeTypes = map[string]bool{"TCP": true, "UDP": true, "HTTP": true, "HTTPS": true, "ICMP": true}

// maxPerNetwork is the quota of each load-balancing resource (REASON_602).
const maxPerNetwork = 25

func (c *call) createProbe() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	p := &probe{name: b.text("name"), probeType: b.text("type"), method: b.text("requestMethod"), url: b.text("requestUrl"), match: b.text("matchContent")}
	ints := []struct {
		field    string
		dst      *int
		min, max int
		required bool
	}{
		{"probeIntervalSeconds", &p.interval, 2, 65535, true}, {"errorCountBeforeServerFail", &p.errorCount, 1, 65535, true},
		{"successCountBeforeServerEnable", &p.successCount, 1, 65535, true}, {"failedProbeIntervalSeconds", &p.failedInterval, 2, 65535, true},
		{"maxReplyWaitSeconds", &p.maxWait, 2, 65535, true}, {"port", &p.port, 1, 65535, false},
	}
	bad := !lbName(p.name) || !probeTypes[p.probeType] || find(n.probes, func(o *probe) bool { return o.name == p.name }) != nil
	for _, f := range ints {
		v := b.text(f.field)
		if v == "" && !f.required {
			continue
		}
		x, err := strconv.Atoi(v)
		if err != nil || x < f.min || x > f.max {
			bad = true
		}
		*f.dst = x
	}
	if r := b.child("statusCodeRange"); r != nil {
		p.lower, _ = strconv.Atoi(r.text("lowerBound"))
		p.upper, _ = strconv.Atoi(r.text("upperBound"))
		if p.lower < 100 || p.upper > 599 || p.upper < p.lower {
			bad = true
		}
	}
	if bad {
		c.fail(320, "")
		return
	}
	if len(n.probes) >= maxPerNetwork {
		c.fail(602, "")
		return
	}
	p.id = c.s.ids.UUID()
	n.probes = append(n.probes, p)
	c.ok("Probe " + p.name + " created")
}

func (c *call) probe(n *network, id string) *probe {
	p := find(n.probes, func(p *probe) bool { return p.id == id })
	if p == nil {
		c.fail(620, "")
	}
	return p
}

func (c *call) modifyProbe() {
	f := c.form()
	n := c.network()
	if n == nil {
		return
	}
	p := c.probe(n, c.param("probe-id"))
	if p == nil {
		return
	}
	for k, dst := range map[string]*int{"probeIntervalSeconds": &p.interval, "errorCountBeforeServerFail": &p.errorCount,
		"successCountBeforeServerEnable": &p.successCount, "failedProbeIntervalSeconds": &p.failedInterval, "maxReplyWaitSeconds": &p.maxWait} {
		if !f.Has(k) {
			continue
		}
		v, err := strconv.Atoi(f.Get(k))
		if err != nil || v < 1 || v > 65535 {
			c.fail(320, "Invalid Input Data: "+k+" must be an integer.")
			return
		}
		*dst = v
	}
	c.ok("Probe " + p.name + " modified")
}

func (c *call) deleteProbe() {
	n := c.network()
	if n == nil {
		return
	}
	p := c.probe(n, c.param("probe-id"))
	if p == nil {
		return
	}
	for _, f := range n.farms {
		for _, id := range f.probes {
			if id == p.id {
				c.fail(625, "")
				return
			}
		}
	}
	n.probes = remove(n.probes, func(x *probe) bool { return x == p })
	c.ok("Probe " + p.name + " deleted")
}

// Server farms.

var predictors = map[string]bool{"ROUND_ROBIN": true, "LEAST_CONNECTIONS": true}

func (c *call) listFarms() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, f := range n.farms {
		items = append(items, obj{"id": f.id, "name": f.name, "predictor": f.predictor})
	}
	c.reply(listRoot("serverFarm", items))
}

func (c *call) farm(n *network) *serverFarm {
	return byParam(c, n.farms, "server-farm-id", func(x *serverFarm) string { return x.id }, 630)
}

func (c *call) getFarm() {
	n := c.network()
	if n == nil {
		return
	}
	f := c.farm(n)
	if f == nil {
		return
	}
	var probes, members []any
	for _, id := range f.probes {
		if p := find(n.probes, func(p *probe) bool { return p.id == id }); p != nil {
			probes = append(probes, obj{"id": p.id, "name": p.name, "type": p.probeType, "probeIntervalSeconds": p.interval})
		}
	}
	for _, m := range f.members {
		if r := find(n.realServers, func(r *realServer) bool { return r.id == m.realServerID }); r != nil {
			ip := ""
			if s := c.st().server(r.serverID); s != nil {
				ip = s.privateIP
			}
			members = append(members, obj{"id": r.id, "name": r.name, "ipAddress": ip, "port": m.port, "inService": r.inService})
		}
	}
	o := obj{"id": f.id, "name": f.name, "predictor": f.predictor}
	if len(probes) > 0 {
		o["probe"] = probes
	}
	if len(members) > 0 {
		o["realServer"] = members
	}
	c.reply(o)
}

func (c *call) createFarm() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	f := &serverFarm{name: b.text("name"), predictor: b.text("predictor")}
	if !lbName(f.name) || strings.EqualFold(f.name, "serverfarm") || strings.EqualFold(f.name, "default") ||
		!predictors[f.predictor] || find(n.farms, func(o *serverFarm) bool { return o.name == f.name }) != nil {
		c.fail(320, "")
		return
	}
	if id := b.text("probeId"); id != "" {
		if find(n.probes, func(p *probe) bool { return p.id == id }) == nil {
			c.fail(620, "")
			return
		}
		f.probes = []string{id}
	}
	for _, rs := range b.all("realServer") {
		m := farmMember{realServerID: rs.text("id"), port: 80}
		if p := rs.text("port"); p != "" {
			v, err := strconv.Atoi(p)
			if err != nil || v < 1 || v > 65535 {
				c.fail(320, "Invalid Data: port value not an integer 1-65535.")
				return
			}
			m.port = v
		}
		if find(n.realServers, func(r *realServer) bool { return r.id == m.realServerID }) == nil {
			c.fail(610, "Real Server "+m.realServerID+" invalid (does not exist within network).")
			return
		}
		f.members = append(f.members, m)
	}
	if len(n.farms) >= maxPerNetwork {
		c.fail(602, "")
		return
	}
	f.id = c.s.ids.UUID()
	n.farms = append(n.farms, f)
	c.ok("Server-Farm " + f.name + " created")
}

func (c *call) deleteFarm() {
	n := c.network()
	if n == nil {
		return
	}
	f := c.farm(n)
	if f == nil {
		return
	}
	switch {
	case find(n.vips, func(v *vip) bool { return v.targetType == "SERVER_FARM" && v.targetID == f.id }) != nil:
		c.fail(635, "")
	case find(n.profiles, func(p *persistenceProfile) bool { return p.farmID == f.id }) != nil:
		c.fail(636, "")
	case len(f.members) > 0 || len(f.probes) > 0:
		c.fail(637, "")
	default:
		n.farms = remove(n.farms, func(x *serverFarm) bool { return x == f })
		c.ok("Server-Farm " + f.name + " deleted")
	}
}

// farmChange reads what adding to or removing from a server farm names: the network and farm of
// the path, and the required form field param. f is nil when a failure was answered.
func (c *call) farmChange(param string) (form url.Values, n *network, f *serverFarm, id string) {
	form = c.form()
	if n = c.network(); n == nil {
		return form, nil, nil, ""
	}
	if f = c.farm(n); f == nil {
		return form, n, nil, ""
	}
	if id = form.Get(param); id == "" {
		c.fail(320, "Invalid Data: {"+param+"} must be supplied.")
		return form, n, nil, ""
	}
	return form, n, f, id
}

// farmMember serves 8.13/8.14: add or remove a real server.
func (c *call) farmMembers(add bool) {
	form, n, f, id := c.farmChange("realServerId")
	if f == nil {
		return
	}
	port := 80
	if p := form.Get("realServerPort"); p != "" {
		v, err := strconv.Atoi(p)
		if err != nil || v < 1 || v > 65535 {
			c.fail(320, "Invalid Data: {realServerPort}, if specified must be in range 1-65535.")
			return
		}
		port = v
	}
	if find(n.realServers, func(r *realServer) bool { return r.id == id }) == nil {
		c.fail(610, "")
		return
	}
	i := -1
	for k, m := range f.members {
		if m.realServerID == id && (!form.Has("realServerPort") || m.port == port) {
			i = k
		}
	}
	switch {
	case add && i >= 0:
		c.fail(320, "Invalid Data: Real-Server "+id+" has already been added to Server-Farm "+f.id+".")
	case add:
		f.members = append(f.members, farmMember{realServerID: id, port: port})
		c.ok("Real-Server added to Server-Farm " + f.name)
	case i < 0:
		c.fail(320, "Invalid Data: Real-Server "+id+" is not in Server-Farm "+f.id+".")
	default:
		f.members = append(f.members[:i:i], f.members[i+1:]...)
		c.ok("Real-Server removed from Server-Farm " + f.name)
	}
}

func (c *call) farmProbes(add bool) {
	_, n, f, id := c.farmChange("probeId")
	if f == nil {
		return
	}
	if find(n.probes, func(p *probe) bool { return p.id == id }) == nil {
		c.fail(620, "")
		return
	}
	has := false
	for _, p := range f.probes {
		has = has || p == id
	}
	switch {
	case add && has:
		c.fail(320, "Invalid Input Data: "+f.id+" already uses "+id+".")
	case add:
		f.probes = append(f.probes, id)
		c.ok("Probe added to Server-Farm " + f.name)
	case !has:
		c.fail(320, "Invalid Input Data: "+f.id+" does not use "+id+".")
	default:
		f.probes = remove(f.probes, func(p string) bool { return p == id })
		c.ok("Probe removed from Server-Farm " + f.name)
	}
}

func (c *call) modifyPredictor() {
	form := c.form()
	n := c.network()
	if n == nil {
		return
	}
	f := c.farm(n)
	if f == nil {
		return
	}
	p := form.Get("predictor")
	if !predictors[p] {
		c.fail(320, "")
		return
	}
	f.predictor = p
	c.ok("Server-Farm " + f.name + " predictor set to " + p)
}

// Persistence profiles.

func (c *call) listProfiles() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, p := range n.profiles {
		o := obj{"id": p.id, "state": "NORMAL", "name": p.name, "serverFarmId": p.farmID, "timeout": p.timeout, "type": p.profileType}
		if f := find(n.farms, func(f *serverFarm) bool { return f.id == p.farmID }); f != nil {
			o["serverFarmName"] = f.name
		}
		for k, v := range map[string]string{"cookieName": p.cookieName, "cookieType": p.cookieType, "direction": p.direction, "netmask": p.netmask} {
			if v != "" {
				o[k] = v
			}
		}
		items = append(items, o)
	}
	c.reply(listRoot("PersistenceProfile", items))
}

var (
	directions  = map[string]bool{"SOURCE": true, "DESTINATION": true, "BOTH": true}
	cookieTypes = map[string]bool{"COOKIE_INSERT": true, "COOKIE_INSERT_BROWSER_EXPIRE": true, "NO_COOKIE_INSERT": true}
)

func (c *call) createProfile() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	p := &persistenceProfile{name: b.text("name"), farmID: b.text("serverFarmId"), profileType: b.text("type"),
		direction: b.text("direction"), netmask: b.text("netmask"), cookieName: b.text("cookieName"), cookieType: b.text("cookieType")}
	t, err := strconv.Atoi(b.text("timeoutMinutes"))
	p.timeout = t
	switch {
	case !lbName(p.name) || find(n.profiles, func(o *persistenceProfile) bool { return o.name == p.name }) != nil:
		c.fail(320, "Invalid Data: name does not conform to requirements (alphanumeric, 64-char max, no spaces) or is not unique in network.")
	case err != nil || t < 1 || t > 480:
		c.fail(320, "Invalid Data: timeoutMinutes is required in minutes (1-480).")
	case p.profileType == "IP_NETMASK" && (!directions[p.direction] || p.netmask == ""):
		c.fail(320, "Invalid Data: direction and netmask must be specified if type is IP_NETMASK.")
	case p.profileType == "HTTP_COOKIE" && (!lbName(p.cookieName) || !cookieTypes[p.cookieType]):
		c.fail(320, "Invalid Data: cookieName and cookieType must be specified if type is HTTP_COOKIE.")
	case p.profileType != "IP_NETMASK" && p.profileType != "HTTP_COOKIE":
		c.fail(320, "Invalid Data: type mandatory and must be one of IP_NETMASK, HTTP_COOKIE.")
	default:
		f := find(n.farms, func(f *serverFarm) bool { return f.id == p.farmID })
		if f == nil {
			c.fail(630, "")
			return
		}
		if len(f.members) < 2 {
			c.fail(320, "Invalid Data: Supplied Server Farm has insufficient (<2) RealServers.")
			return
		}
		if len(n.profiles) >= maxPerNetwork {
			c.fail(602, "")
			return
		}
		p.id = c.s.ids.UUID()
		n.profiles = append(n.profiles, p)
		c.ok("Persistence Profile " + p.name + " created")
	}
}

func (c *call) deleteProfile() {
	n := c.network()
	if n == nil {
		return
	}
	p := byParam(c, n.profiles, "persistence-profile-id", func(x *persistenceProfile) string { return x.id }, 670)
	if p == nil {
		return
	}
	if find(n.vips, func(v *vip) bool { return v.targetType == "PERSISTENCE_PROFILE" && v.targetID == p.id }) != nil {
		c.fail(675, "")
		return
	}
	n.profiles = remove(n.profiles, func(x *persistenceProfile) bool { return x == p })
	c.ok("Persistence Profile " + p.name + " deleted")
}

// VIPs.

func (c *call) listVips() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, v := range n.vips {
		o := obj{"id": v.id, "name": v.name, "ipAddress": v.ip, "port": v.port, "protocol": v.protocol, "vipTargetType": v.targetType,
			"vipTargetId": v.targetID, "replyToIcmp": v.replyToIcmp, "inService": v.inService}
		if f := find(n.farms, func(f *serverFarm) bool { return f.id == v.targetID }); f != nil {
			o["vipTargetName"] = f.name
		} else if p := find(n.profiles, func(p *persistenceProfile) bool { return p.id == v.targetID }); p != nil {
			o["vipTargetName"] = p.name
		}
		items = append(items, o)
	}
	c.reply(listRoot("vip", items))
}

func (c *call) createVip() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	v := &vip{name: b.text("name"), ip: b.text("ipAddress"), protocol: b.text("protocol"), targetType: b.text("vipTargetType"), targetID: b.text("vipTargetId")}
	port, perr := strconv.Atoi(b.text("port"))
	icmp, ierr := strconv.ParseBool(b.text("replyToIcmp"))
	in, serr := strconv.ParseBool(b.text("inService"))
	v.port, v.replyToIcmp, v.inService = port, icmp, in
	switch {
	case !lbName(v.name) || find(n.vips, func(o *vip) bool { return o.name == v.name }) != nil:
		c.fail(320, "Invalid Data: invalid name alphanumeric, 64-char max, no spaces, unique in network.")
		return
	case perr != nil || port < 1 || port > 65535:
		c.fail(320, "Invalid Data: port must be in range 1-65535.")
		return
	case v.protocol != "TCP" && v.protocol != "UDP":
		c.fail(320, "Invalid Data: protocol must be one of TCP, UDP.")
		return
	case ierr != nil || serr != nil:
		c.fail(320, "Invalid Data: replyToIcmp and inService must be true or false.")
		return
	}
	switch v.targetType {
	case "SERVER_FARM":
		if find(n.farms, func(f *serverFarm) bool { return f.id == v.targetID }) == nil {
			c.fail(630, "")
			return
		}
	case "PERSISTENCE_PROFILE":
		if find(n.profiles, func(p *persistenceProfile) bool { return p.id == v.targetID }) == nil {
			c.fail(670, "")
			return
		}
	default:
		c.fail(320, "Invalid Data: vipTargetType must be one of SERVER_FARM or PERSISTENCE_PROFILE.")
		return
	}
	if len(n.vips) >= maxPerNetwork {
		c.fail(602, "")
		return
	}
	if v.ip == "" {
		ip, ok := n.takePublicIP()
		if !ok {
			c.fail(310, "")
			return
		}
		v.ip = ip
	}
	for _, o := range n.vips {
		if o.ip == v.ip && o.port == v.port && o.protocol == v.protocol {
			c.fail(320, "Invalid Data: port must not be used by another VIP (in any state) using the same IP and protocol.")
			return
		}
	}
	v.id = c.s.ids.UUID()
	n.vips = append(n.vips, v)
	c.ok("VIP " + v.name + " created")
}

func (c *call) vip(n *network) *vip {
	return byParam(c, n.vips, "vip-id", func(x *vip) string { return x.id }, 650)
}

func (c *call) deleteVip() {
	n := c.network()
	if n == nil {
		return
	}
	if v := c.vip(n); v != nil {
		n.vips = remove(n.vips, func(x *vip) bool { return x == v })
		c.ok("VIP " + v.name + " deleted")
	}
}

func (c *call) modifyVip() {
	f := c.form()
	n := c.network()
	if n == nil {
		return
	}
	v := c.vip(n)
	if v == nil {
		return
	}
	set := map[string]*bool{"inService": &v.inService, "replyToIcmp": &v.replyToIcmp}
	vals := map[string]bool{}
	for k := range set {
		if !f.Has(k) {
			continue
		}
		b, err := strconv.ParseBool(f.Get(k))
		if err != nil {
			c.fail(320, "Invalid Data: "+k+" must be true or false.")
			return
		}
		vals[k] = b
	}
	if len(vals) == 0 {
		c.fail(320, "Invalid Data: inService or replyToIcmp must be supplied.")
		return
	}
	for k, b := range vals {
		*set[k] = b
	}
	c.ok("VIP " + v.name + " modified")
}
