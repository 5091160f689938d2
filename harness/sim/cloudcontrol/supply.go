package cloudcontrol

import "strings"

// The simulated organization is a staging cloud in daily use: deployments keep failing now and
// then, image imports keep failing, VMware Tools keep falling behind. No documented operation
// produces these states, so a suite can only find them (a fixture discovered by state); and the
// documented operations that end them (5.2 Clean Failed Server Deployment, 3.8 Clean Failed
// Customer Image, Update VMware Tools) consume them. So that a long-lived simulator still holds
// one for the next run, ending one leaves a new one of the same kind in its place: a younger copy
// under a new id, after the other resources in creation order.

// nextFailedServer replaces the failed deployment s, just cleaned, by a new failed deployment
// with its name and private IP address.
func (c *call) nextFailedServer(s *server) {
	n := *s
	n.id, n.created = c.s.ids.UUID(), c.s.clock.Tick()
	n.disks = []*disk{{id: c.s.ids.UUID(), sizeGb: s.disks[0].sizeGb, speed: s.disks[0].speed, state: "NORMAL"}}
	c.st().servers = append(c.st().servers, &n)
}

// nextOutdatedServer adds, after the VMware Tools of s were updated, a stopped server of its
// network whose VMware Tools are out of date.
func (c *call) nextOutdatedServer(s *server) {
	n := find(c.st().networks, func(n *network) bool { return n.id == s.networkID })
	if n == nil {
		return
	}
	ip, ok := c.st().nextIP(n)
	if !ok {
		return
	}
	o := *s
	o.id, o.created, o.started, o.toolsCurrent, o.backup = c.s.ids.UUID(), c.s.clock.Tick(), false, false, nil
	o.privateIP, o.machineName, o.publicIP = ip, strings.ReplaceAll(ip, ".", "-"), ""
	o.disks = []*disk{{id: c.s.ids.UUID(), sizeGb: s.disks[0].sizeGb, speed: s.disks[0].speed, state: "NORMAL"}}
	c.st().servers = append(c.st().servers, &o)
}

// nextFailedImage replaces the failed import i, just cleaned, by a new failed import.
func (c *call) nextFailedImage(i *image) {
	n := *i
	n.id, n.created = c.s.ids.UUID(), c.s.clock.Tick()
	c.st().images = append(c.st().images, &n)
}
