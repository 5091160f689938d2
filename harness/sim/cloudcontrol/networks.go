package cloudcontrol

import (
	"fmt"
	"net"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cloudcontract/cloudcontract/harness/sim"
)

// Network API (section 7) and the deprecated network functions (section 14).

func itoa(n int) string { return strconv.Itoa(n) }

func strPattern(p string) func(string) bool { return regexp.MustCompile(p).MatchString }

func (n *network) withLocation() obj {
	o := obj{"id": n.id, "name": n.name, "location": n.location, "privateNet": n.privateNet, "multicast": n.multicast}
	if n.description != "" {
		o["description"] = n.description
	}
	return o
}

func (n *network) legacy(org string) obj {
	o := obj{"id": n.id, "resourcePath": "/oec/" + org + "/network/" + n.id, "name": n.name, "multicast": n.multicast}
	if n.description != "" {
		o["description"] = n.description
	}
	return o
}

func (n *network) renderIPBlocks() []any {
	var out []any
	for _, b := range n.ipBlocks {
		out = append(out, obj{"id": b.id, "baseIp": b.baseIP, "subnetSize": b.subnetSize, "networkDefault": b.networkDefault,
			"serverToVipConnectivity": b.serverToVip})
	}
	return out
}

func (c *call) privateIps(n *network) obj {
	var ips []any
	for _, s := range c.st().servers {
		if s.networkID == n.id {
			ips = append(ips, s.privateIP)
		}
	}
	o := obj{"subnetSize": 256}
	if len(ips) > 0 {
		o["Ip"] = ips
	}
	return o
}

func (c *call) listNetworksWithLocation() {
	loc := ""
	if _, per := c.params["location-id"]; per {
		d := c.location()
		if d == nil {
			return
		}
		loc = d.location
	}
	var items []any
	for _, n := range c.st().networks {
		if loc == "" || n.location == loc {
			items = append(items, n.withLocation())
		}
	}
	root := obj{}
	if len(items) > 0 {
		root["network"] = items
	}
	c.reply(root)
}

func (c *call) listNetworks() {
	def := c.st().defaultDatacenter().location
	var items []any
	for _, n := range c.st().networks {
		if n.location == def {
			items = append(items, n.legacy(c.st().orgID))
		}
	}
	root := obj{}
	if len(items) > 0 {
		root["Network"] = items
	}
	c.reply(root)
}

func (c *call) getNetwork() {
	if n := c.network(); n != nil {
		c.reply(n.legacy(c.st().orgID))
	}
}

func (c *call) networkConfig() {
	n := c.network()
	if n == nil {
		return
	}
	base := strings.TrimSuffix(n.privateNet, "0")
	c.reply(obj{"network": n.legacy(c.st().orgID), "hostName": "ace-" + strings.ToLower(n.location), "agg": "AGG1",
		"location": n.location, "context": "ctx-" + n.id[len(n.id)-4:], "acePair": "ACE1", "intVlan": "1001", "outVlan": "2001",
		"publicSnat": "165.180.12.1", "privateSnat": base + "1", "privateNet": n.privateNet,
		"publicIps": n.renderIPBlocks(), "privateIps": c.privateIps(n)})
}

func (c *call) networkConfigWithLocation() {
	n := c.network()
	if n == nil {
		return
	}
	o := n.withLocation()
	o["privateSnat"] = strings.TrimSuffix(n.privateNet, "0") + "1"
	o["publicSnat"] = "165.180.12.1"
	o["publicIps"] = n.renderIPBlocks()
	o["privateIps"] = c.privateIps(n)
	c.reply(o)
}

// createNetwork serves 7.4 (with a location) and 14.2 (the default one).
func (c *call) createNetwork() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	name, desc := b.text("name"), b.text("description")
	loc := c.st().defaultDatacenter().location
	if b.has("location") {
		loc = b.text("location")
		if c.st().datacenter(loc) == nil {
			c.fail(770, "")
			return
		}
	}
	if name == "" || len(name) > 75 || len(desc) > 255 {
		c.fail(320, "")
		return
	}
	for _, n := range c.st().networks {
		if strings.EqualFold(n.name, name) {
			c.fail(210, "")
			return
		}
	}
	if len(c.st().networks) >= maxNetworks {
		c.fail(220, "")
		return
	}
	n := &network{id: c.s.ids.UUID(), name: name, description: desc, location: loc, state: "NORMAL", created: c.s.clock.Tick(),
		privateNet: fmt.Sprintf("10.170.%d.0", len(c.st().networks)+1)}
	c.st().networks = append(c.st().networks, n)
	c.s.audit(c, "NETWORK", n.name, n.id, "CREATE_NETWORK")
	c.ok("Network created successfully (Network Id: " + n.id + ")")
}

// maxNetworks is the organization's network quota (REASON_220).
const maxNetworks = 50

func (c *call) deleteNetwork() {
	n := c.network()
	if n == nil {
		return
	}
	if n.state != "NORMAL" {
		c.fail(601, "")
		return
	}
	checks := []struct {
		code int
		bad  bool
	}{
		{371, n.multicast},
		{380, c.networkHas(n, deployed)},
		{381, c.networkHas(n, pending)},
		{382, len(n.nat) > 0},
		{384, n.reservedBlocks()},
		{387, len(n.realServers) > 0},
		{388, len(n.farms) > 0},
		{389, len(n.vips) > 0},
		{397, len(n.profiles) > 0},
	}
	for _, ch := range checks {
		if ch.bad {
			c.fail(ch.code, "")
			return
		}
	}
	c.st().networks = remove(c.st().networks, func(x *network) bool { return x == n })
	c.s.audit(c, "NETWORK", n.name, n.id, "DELETE_NETWORK")
	c.ok("Network deleted successfully")
}

func (c *call) networkHas(n *network, keep func(*server) bool) bool {
	for _, s := range c.st().servers {
		if s.networkID == n.id && keep(s) {
			return true
		}
	}
	return false
}

func (c *call) modifyNetwork() {
	f := c.form()
	n := c.network()
	if n == nil {
		return
	}
	name, desc := f.Get("name"), f.Get("description")
	if len(name) > 75 || len(desc) > 255 || (f.Has("name") && name == "") {
		c.fail(320, "")
		return
	}
	if f.Has("name") {
		for _, o := range c.st().networks {
			if o != n && strings.EqualFold(o.name, name) {
				c.fail(210, "")
				return
			}
		}
		n.name = name
	}
	if f.Has("description") {
		n.description = desc
	}
	c.ok("Network edited successfully")
}

func (c *call) setMulticast() {
	f := c.form()
	n := c.network()
	if n == nil {
		return
	}
	on, err := strconv.ParseBool(f.Get("enabled"))
	if err != nil {
		c.fail(320, "")
		return
	}
	if on == n.multicast {
		c.fail(372, "")
		return
	}
	if n.state != "NORMAL" {
		c.fail(601, "")
		return
	}
	n.multicast = on
	c.ok(fmt.Sprintf("Multicast set to %t for network %s", on, n.id))
}

// ACL rules.

func (r *aclRule) render() obj {
	port := obj{"type": r.portType}
	if r.port1 > 0 {
		port["port1"] = r.port1
	}
	if r.port2 > 0 {
		port["port2"] = r.port2
	}
	rng := func(ip, mask string) obj {
		o := obj{}
		if ip != "" {
			o["ipAddress"] = ip
		}
		if mask != "" {
			o["netmask"] = mask
		}
		return o
	}
	return obj{"id": r.id, "name": r.name, "status": r.status, "position": r.position, "action": r.action, "protocol": r.protocol,
		"sourceIpRange": rng(r.srcIP, r.srcMask), "destinationIpRange": rng(r.dstIP, r.dstMask), "portRange": port, "type": r.ruleType}
}

func (c *call) listACL() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, r := range n.acl {
		items = append(items, r.render())
	}
	root := obj{"name": "ALL_ACL"}
	if len(items) > 0 {
		root["AclRule"] = items
	}
	c.reply(root)
}

var (
	aclActions   = map[string]bool{"PERMIT": true, "DENY": true}
	aclProtocols = map[string]bool{"IP": true, "ICMP": true, "TCP": true, "UDP": true}
	aclTypes     = map[string]bool{"OUTSIDE_ACL": true, "INSIDE_ACL": true}
	portTypes    = map[string]bool{"ALL": true, "EQUAL_TO": true, "RANGE": true, "GREATER_THAN": true, "LESS_THAN": true}
	aclName      = strPattern(`^[A-Za-z0-9_.-]{1,60}$`)
)

func (c *call) createACL() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	r := &aclRule{name: b.text("name"), action: b.text("action"), protocol: b.text("protocol"), ruleType: b.text("type"), status: "NORMAL"}
	if r.ruleType == "" {
		r.ruleType = "OUTSIDE_ACL"
	}
	pos, err := strconv.Atoi(b.text("position"))
	if !aclName(r.name) || !aclActions[r.action] || !aclProtocols[r.protocol] || !aclTypes[r.ruleType] {
		c.fail(320, "")
		return
	}
	if err != nil || pos < 100 || pos > 500 {
		c.fail(294, "")
		return
	}
	r.position = pos
	pr := b.child("portRange")
	r.portType = pr.text("type")
	if !portTypes[r.portType] {
		c.fail(320, "")
		return
	}
	for i, p := range []*int{&r.port1, &r.port2} {
		v := pr.text([]string{"port1", "port2"}[i])
		if v == "" {
			continue
		}
		if *p, err = strconv.Atoi(v); err != nil || *p < 1 || *p > 65535 {
			c.fail(291, "")
			return
		}
	}
	if (r.portType == "EQUAL_TO" || r.portType == "GREATER_THAN" || r.portType == "LESS_THAN") && r.port1 == 0 ||
		r.portType == "RANGE" && (r.port1 == 0 || r.port2 <= r.port1) {
		c.fail(291, "")
		return
	}
	r.srcIP, r.srcMask = b.child("sourceIpRange").text("ipAddress"), b.child("sourceIpRange").text("netmask")
	r.dstIP, r.dstMask = b.child("destinationIpRange").text("ipAddress"), b.child("destinationIpRange").text("netmask")
	for _, ip := range []string{r.srcIP, r.srcMask, r.dstIP, r.dstMask} {
		if ip != "" && net.ParseIP(ip).To4() == nil {
			c.fail(320, "Invalid Input Data: "+ip+" is not an IPv4 address.")
			return
		}
	}
	for _, o := range n.acl {
		if o.position == pos {
			c.fail(290, "")
			return
		}
		if o.name == r.name || (o.action == r.action && o.protocol == r.protocol && o.ruleType == r.ruleType && o.portType == r.portType &&
			o.port1 == r.port1 && o.port2 == r.port2 && o.srcIP == r.srcIP && o.dstIP == r.dstIP) {
			c.fail(293, "")
			return
		}
	}
	if n.state != "NORMAL" {
		c.fail(601, "")
		return
	}
	r.id = c.s.ids.UUID()
	n.acl = append(n.acl, r)
	c.reply(r.render())
}

func (c *call) deleteACL() {
	n := c.network()
	if n == nil {
		return
	}
	r := byParam(c, n.acl, "acl-id", func(x *aclRule) string { return x.id }, 280)
	if r == nil {
		return
	}
	if r.status != "NORMAL" {
		c.fail(292, "")
		return
	}
	n.acl = remove(n.acl, func(x *aclRule) bool { return x == r })
	c.ok("Acl Rule " + r.name + " deleted successfully")
}

// NAT rules.

func (r *natRule) render() obj {
	return obj{"id": r.id, "name": r.name, "natIp": r.natIP, "sourceIp": r.sourceIP}
}

func (c *call) listNAT() {
	n := c.network()
	if n == nil {
		return
	}
	var items []any
	for _, r := range n.nat {
		items = append(items, r.render())
	}
	root := obj{}
	if len(items) > 0 {
		root["NatRule"] = items
	}
	c.reply(root)
}

// takePublicIP hands out the first public address of the network's blocks
// that no NAT rule or VIP holds (NAT rules and VIPs share them; deleting one
// gives its address back).
func (n *network) takePublicIP() (string, bool) {
	for _, b := range n.ipBlocks {
		for k := 0; k < b.subnetSize; k++ {
			if ip := b.address(k); !n.publicIPInUse(ip) {
				return ip, true
			}
		}
	}
	return "", false
}

// reservedBlocks tells whether the network holds public IP blocks besides the default one it was
// supplied with (line 4751), which goes with the network.
func (n *network) reservedBlocks() bool {
	for _, b := range n.ipBlocks {
		if !b.networkDefault {
			return true
		}
	}
	return false
}

// address is the k-th address of the block.
func (b *ipBlock) address(k int) string {
	ip := net.ParseIP(b.baseIP).To4()
	ip[3] += byte(k)
	return ip.String()
}

// publicIPInUse tells whether a NAT rule or a VIP of the network holds ip.
func (n *network) publicIPInUse(ip string) bool {
	for _, r := range n.nat {
		if r.natIP == ip {
			return true
		}
	}
	for _, v := range n.vips {
		if v.ip == ip {
			return true
		}
	}
	return false
}

// blockInUse tells whether a NAT rule or a VIP holds an address of b.
func (n *network) blockInUse(b *ipBlock) bool {
	for k := 0; k < b.subnetSize; k++ {
		if n.publicIPInUse(b.address(k)) {
			return true
		}
	}
	return false
}

func (c *call) createNAT() {
	b := c.xmlBody()
	if b == nil {
		return
	}
	n := c.network()
	if n == nil {
		return
	}
	src := b.text("sourceIp")
	if net.ParseIP(src).To4() == nil {
		c.fail(320, "Invalid Input Data - SourceIP: "+src+" must be a valid IPv4 address.")
		return
	}
	if !strings.HasPrefix(src, strings.TrimSuffix(n.privateNet, "0")) {
		c.fail(240, "")
		return
	}
	for _, r := range n.nat {
		if r.sourceIP == src {
			c.fail(272, "")
			return
		}
	}
	ip, ok := n.takePublicIP()
	if !ok {
		c.fail(310, "")
		return
	}
	r := &natRule{id: c.s.ids.UUID(), name: src, natIP: ip, sourceIP: src}
	if name := b.text("name"); name != "" {
		r.name = name
	}
	n.nat = append(n.nat, r)
	c.reply(r.render())
}

func (c *call) deleteNAT() {
	n := c.network()
	if n == nil {
		return
	}
	// 7.11.4 gives a NAT rule that is not there two codes: REASON_260 ("NAT Rule does not
	// exist") and REASON_270 ("Could not find NAT rule {natrule-id} in Network {network-id}").
	// The default data set answers an id it never gave with the first and the id of a rule it
	// deleted with the second; the second data set the other way round.
	gone, never := 270, 260
	if c.s.dataset == sim.DatasetSecond {
		gone, never = never, gone
	}
	missing := never
	if slices.Contains(n.deletedNAT, c.param("natrule-id")) {
		missing = gone
	}
	r := byParam(c, n.nat, "natrule-id", func(x *natRule) string { return x.id }, missing)
	if r == nil {
		return
	}
	n.nat = remove(n.nat, func(x *natRule) bool { return x == r })
	n.deletedNAT = append(n.deletedNAT, r.id)
	c.ok("NAT Rule " + r.name + " deleted successfully")
}

// Public IP blocks.

// reserveBlock hands out public blocks from a pool: 165.180.<n>.0. It returns nil when a failure
// was answered.
func (c *call) reserveBlock(size int) *ipBlock {
	n := c.network()
	if n == nil {
		return nil
	}
	if n.state != "NORMAL" && c.op.documents("REASON_601") {
		c.fail(601, "")
		return nil
	}
	total := 0
	for _, x := range c.st().networks {
		total += len(x.ipBlocks)
	}
	if total >= maxIPBlocks {
		c.fail(330, fmt.Sprintf("No IP blocks are available. Location: %s, Agg: AGG1.", n.location))
		return nil
	}
	// A reserved block is never the network's default one, "the default IP block that was
	// originally supplied with the network" (line 4751).
	b := &ipBlock{id: c.s.ids.UUID(), baseIP: fmt.Sprintf("165.180.%d.0", 100+total), subnetSize: size}
	n.ipBlocks = append(n.ipBlocks, b)
	return b
}

// maxIPBlocks is the simulated pool of public IP blocks (REASON_330).
const maxIPBlocks = 40

func (c *call) reservePublicIPBlock() {
	if b := c.reserveBlock(8); b != nil {
		c.ok(fmt.Sprintf("Public IP block with base IP %s is reserved", b.baseIP), info("ipBlock.id", b.id))
	}
}

func (c *call) reservePublicIPBlockWithSize() {
	size, err := strconv.Atoi(c.query.Get("reserveNewWithSize"))
	if err != nil || (size != 2 && size != 4 && size != 8 && size != 16 && size != 32 && size != 64 && size != 128) {
		// 7.14 documents no input-error code; the block sizes are powers of
		// two and anything else is answered as "no block available".
		if n := c.network(); n != nil {
			c.fail(330, fmt.Sprintf("No IP blocks are available for size %q. Location: %s, Agg: AGG1.", c.query.Get("reserveNewWithSize"), n.location))
		}
		return
	}
	if c.s.faults.On(FaultBlockSizeIgnored) {
		size = 8
	}
	// 7.14.3: the block's id, base IP and size.
	if b := c.reserveBlock(size); b != nil {
		c.ok(fmt.Sprintf("Public IP block with base IP %s is reserved", b.baseIP),
			info("ipBlock.id", b.id), info("ipBlock.baseIp", b.baseIP), info("ipBlock.size", strconv.Itoa(size)))
	}
}

func (c *call) ipBlock(n *network) *ipBlock {
	return byParam(c, n.ipBlocks, "ipblock-id", func(x *ipBlock) string { return x.id }, 370)
}

func (c *call) releaseIPBlock() {
	n := c.network()
	if n == nil {
		return
	}
	b := c.ipBlock(n)
	if b == nil {
		return
	}
	if b.networkDefault {
		c.fail(350, "")
		return
	}
	if n.blockInUse(b) {
		c.fail(360, "IPs still in use in IP block "+b.id+".")
		return
	}
	n.ipBlocks = remove(n.ipBlocks, func(x *ipBlock) bool { return x == b })
	c.ok("IP Block " + b.baseIP + " released")
}

// maxServerToVip is the data center limit of 2.7 (MAX_SERVER_TO_VIP_CONNECTIONS).
const maxServerToVip = 20

func (c *call) setServerToVip() {
	f := c.form()
	n := c.network()
	if n == nil {
		return
	}
	b := c.ipBlock(n)
	if b == nil {
		return
	}
	on, err := strconv.ParseBool(f.Get("serverToVipConnectivity"))
	if err != nil {
		c.fail(320, "")
		return
	}
	if on == b.serverToVip {
		c.fail(341, fmt.Sprintf("Server To Vip Connectivity flag on Public IP Block %s is already set to %t.", b.id, on))
		return
	}
	b.serverToVip = on
	c.ok(fmt.Sprintf("Server To Vip Connectivity set to %t on Public IP Block %s", on, b.id))
}
